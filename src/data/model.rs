//! The columns a model handed over reads, in plain form (polars stays here): numbers for
//! numeric and boolean columns (missing = NaN), text for the others (missing = "").

use polars::prelude::*;

use super::columns::{AttributeCodes, ColumnData};
use super::{FEATURE_PREFIX, Table, polars_error};
use crate::error::{Error, Result};

/// What the model stage needs from the table, one entry per row.
pub struct ModelData {
    /// The model's columns, in the order asked for.
    pub columns: Vec<ColumnData>,
    /// The recorded binary decision (true = positive), when the decision is binary.
    pub decision: Option<Vec<bool>>,
    /// The recorded score (NaN = missing).
    pub score: Option<Vec<f64>>,
    /// Every group attribute's codes.
    pub attributes: Vec<AttributeCodes>,
}

/// Reads the columns `names` (each loaded as a feature) and the decision, score and groups.
pub fn model_data(table: &Table, names: &[String]) -> Result<ModelData> {
    let path = std::path::PathBuf::from(&table.source.path);
    let df = &table.df;
    let mut columns = Vec::with_capacity(names.len());
    for name in names {
        let c =
            df.column(&format!("{FEATURE_PREFIX}{name}"))
                .map_err(|_| Error::UnknownColumn {
                    path: path.clone(),
                    column: name.clone(),
                    role: "a model input".into(),
                    hint: Some("the model's columns must be among the table's columns".into()),
                })?;
        let dtype = c.dtype();
        if dtype.is_primitive_numeric() || *dtype == DataType::Boolean {
            let f = c
                .cast(&DataType::Float64)
                .map_err(|e| polars_error(&path, e))?;
            let f = f.f64().map_err(|e| polars_error(&path, e))?;
            columns.push(ColumnData::Num(
                f.iter().map(|v| v.unwrap_or(f64::NAN)).collect(),
            ));
        } else {
            let t = c
                .cast(&DataType::String)
                .map_err(|e| polars_error(&path, e))?;
            let t = t.str().map_err(|e| polars_error(&path, e))?;
            columns.push(ColumnData::Text(
                t.iter().map(|v| v.unwrap_or("").to_string()).collect(),
            ));
        }
    }
    let (attributes, decision, score) = super::screening::outcome_columns(table, &path, f64::NAN)?;
    Ok(ModelData {
        columns,
        decision,
        score,
        attributes,
    })
}
