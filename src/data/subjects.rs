//! Per-row values for explanations: subject ids, the raw text of every input and each
//! row's groups. Polars stays here; the explanation stage takes plain vectors.

use polars::prelude::*;

use super::{FEATURE_PREFIX, ID, ROW, Table, polars_error};
use crate::error::Result;

/// Plain per-row values of the audited table (rows in the table's order).
pub struct SubjectData {
    /// The id column's value, or `row N` (N = 1-based data row of the file) without one.
    pub ids: Vec<String>,
    /// Every input column: its name and each row's value as text (None when missing).
    pub raw: Vec<(String, Vec<Option<String>>)>,
    /// Every group attribute: its name and each row's group.
    pub attributes: Vec<(String, Vec<String>)>,
}

fn texts(c: &Column, path: &std::path::Path) -> Result<Vec<Option<String>>> {
    let t = c
        .cast(&DataType::String)
        .map_err(|e| polars_error(path, e))?;
    let s = t.str().map_err(|e| polars_error(path, e))?;
    Ok(s.iter().map(|v| v.map(str::to_string)).collect())
}

/// Reads the subjects' ids, input values and groups from the loaded table.
pub fn subject_data(table: &Table) -> Result<SubjectData> {
    let path = std::path::PathBuf::from(&table.source.path);
    let df = &table.df;
    // Without an id (or where it is missing), a worker is "row N": N = the data row of the file.
    let r = df
        .column(ROW)
        .and_then(|c| c.cast(&DataType::UInt64))
        .map_err(|e| polars_error(&path, e))?;
    let r = r.u64().map_err(|e| polars_error(&path, e))?;
    let rows: Vec<String> = r
        .iter()
        .map(|v| format!("row {}", v.map_or(0, |x| x + 1)))
        .collect();
    let ids = match df.column(ID) {
        Ok(c) => texts(c, &path)?
            .into_iter()
            .zip(rows)
            .map(|(v, row)| v.unwrap_or(row))
            .collect(),
        Err(_) => rows,
    };
    let mut raw = Vec::new();
    for c in df.columns() {
        if let Some(name) = c.name().as_str().strip_prefix(FEATURE_PREFIX) {
            raw.push((name.to_string(), texts(c, &path)?));
        }
    }
    let mut attributes = Vec::new();
    for a in &table.attributes {
        let c = df.column(a).map_err(|e| polars_error(&path, e))?;
        let v = texts(c, &path)?
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect();
        attributes.push((a.clone(), v));
    }
    Ok(SubjectData {
        ids,
        raw,
        attributes,
    })
}
