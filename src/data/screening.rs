//! The loaded table in the plain form the screening layers take: input columns as model
//! features and value samples, protected attributes as codes, the decision and the score.

use std::collections::BTreeMap;

use polars::prelude::*;

use super::columns::{AttributeCodes, Feature, InputColumn};
use super::{DEC, FEATURE_PREFIX, SCORE, Table, polars_error};
use crate::dates::{WorkingHours, is_off_hours};
use crate::error::Result;

/// Text columns with more distinct values than this are not model inputs (free text,
/// timestamps, ids); they still go through the name and content layers.
pub const MAX_LEVELS: usize = 50;
/// Distinct values kept per column for the content layer (see `keep_values`).
pub const MAX_VALUES: usize = 5000;

/// Plain columns for screening.
pub struct ScreenData {
    pub columns: Vec<InputColumn>,
    pub attributes: Vec<AttributeCodes>,
    /// Binary decision, when the decision is binary.
    pub decision: Option<Vec<bool>>,
    pub score: Option<Vec<f64>>,
}

fn value_counts(c: &Column, path: &std::path::Path) -> Result<Vec<(String, u64)>> {
    let t = c
        .cast(&DataType::String)
        .map_err(|e| polars_error(path, e))?;
    let s = t.str().map_err(|e| polars_error(path, e))?;
    let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
    for v in s.iter().flatten() {
        *counts.entry(v).or_insert(0) += 1;
    }
    let mut v: Vec<(String, u64)> = counts
        .into_iter()
        .map(|(k, n)| (k.to_string(), n))
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(keep_values(v))
}

/// The most frequent values kept whole (`KEEP_TOP`), then, when a column has more than
/// [`MAX_VALUES`] distinct values, an evenly spaced selection of the rest in their sorted order
/// (every k-th): a column of timestamps is then examined across its whole span, not only its
/// earliest days (taking the most frequent values, ties alphabetically, kept the first 5,228
/// of 19,723 warehouse timestamps, all from four days, and gave 38.5 % off hours for 49.5 %).
/// `v` comes most frequent first; so does the result.
fn keep_values(mut v: Vec<(String, u64)>) -> Vec<(String, u64)> {
    const KEEP_TOP: usize = 100;
    if v.len() <= MAX_VALUES {
        return v;
    }
    let mut rest = v.split_off(KEEP_TOP);
    rest.sort_by(|a, b| a.0.cmp(&b.0));
    let step = rest.len().div_ceil(MAX_VALUES - KEEP_TOP);
    v.extend(rest.into_iter().step_by(step));
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

pub(super) fn codes_of(
    c: &Column,
    path: &std::path::Path,
) -> Result<(Vec<String>, Vec<Option<u32>>)> {
    let t = c
        .cast(&DataType::String)
        .map_err(|e| polars_error(path, e))?;
    let s = t.str().map_err(|e| polars_error(path, e))?;
    let mut levels: Vec<String> = s
        .iter()
        .flatten()
        .map(str::to_string)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    levels.sort();
    let index: BTreeMap<&str, u32> = levels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i as u32))
        .collect();
    let codes = s
        .iter()
        .map(|v| v.and_then(|v| index.get(v).copied()))
        .collect();
    Ok((levels, codes))
}

/// A timestamp column as a model input: 1 outside working hours, 0 inside, missing when the
/// value is not a timestamp. None when fewer than half of the values parse.
fn off_hours_feature(
    name: &str,
    c: &Column,
    hours: &WorkingHours,
    path: &std::path::Path,
) -> Result<Option<Feature>> {
    let t = c
        .cast(&DataType::String)
        .map_err(|e| polars_error(path, e))?;
    let s = t.str().map_err(|e| polars_error(path, e))?;
    let mut cache: std::collections::HashMap<&str, Option<f64>> = std::collections::HashMap::new();
    let mut parsed = 0usize;
    let mut present = 0usize;
    let values: Vec<Option<f64>> = s
        .iter()
        .map(|v| {
            let v = v?;
            present += 1;
            let x = *cache
                .entry(v)
                .or_insert_with(|| is_off_hours(v, hours).map(|off| if off { 1.0 } else { 0.0 }));
            if x.is_some() {
                parsed += 1;
            }
            x
        })
        .collect();
    Ok((present > 0 && parsed * 2 >= present).then(|| Feature::numeric(name, values)))
}

/// Converts the table's feature, attribute, decision and score columns. Timestamp columns
/// become an "outside working hours" indicator for the use layer. The columns named in
/// `codes_for` that are not categorical model inputs also get their values as codes
/// ([`InputColumn::codes`]).
pub fn screen_data(
    table: &Table,
    descriptions: &super::Dictionary,
    hours: &WorkingHours,
    codes_for: &[String],
) -> Result<ScreenData> {
    let path = std::path::PathBuf::from(&table.source.path);
    let df = &table.df;
    let mut columns = Vec::new();
    for c in df.columns() {
        let Some(name) = c.name().as_str().strip_prefix(FEATURE_PREFIX) else {
            continue;
        };
        let values = value_counts(c, &path)?;
        let dtype = c.dtype();
        let feature = if dtype.is_primitive_numeric() || *dtype == DataType::Boolean {
            let f = c
                .cast(&DataType::Float64)
                .map_err(|e| polars_error(&path, e))?;
            let f = f.f64().map_err(|e| polars_error(&path, e))?;
            Some(Feature::numeric(
                name,
                f.iter().map(|v| v.filter(|x| x.is_finite())).collect(),
            ))
        } else {
            let distinct = c.n_unique().map_err(|e| polars_error(&path, e))?;
            if distinct <= MAX_LEVELS {
                let (levels, codes) = codes_of(c, &path)?;
                Some(Feature::categorical(name, levels, codes))
            } else {
                off_hours_feature(name, c, hours, &path)?
            }
        };
        let codes = if codes_for.iter().any(|c| c == name)
            && !feature.as_ref().is_some_and(Feature::is_categorical)
            && !(dtype.is_primitive_numeric() || *dtype == DataType::Boolean)
        {
            let (levels, codes) = codes_of(c, &path)?;
            Some(Feature::categorical(name, levels, codes))
        } else {
            None
        };
        let entry = descriptions.get(name).cloned().unwrap_or_default();
        columns.push(InputColumn {
            name: name.to_string(),
            description: entry.description,
            values,
            feature,
            purpose: entry.purpose,
            oldest_record: entry.oldest_record,
            codes,
        });
    }
    let (attributes, decision, score) = outcome_columns(table, &path, 0.0)?;
    Ok(ScreenData {
        columns,
        attributes,
        decision,
        score,
    })
}

/// Decision, score and group codes per row, as the screening and the model probe read them:
/// the attributes as codes (a missing value as code 0), the decision as booleans (None when
/// there is no binary decision column) and the score as numbers with `missing_score` for a
/// missing value (None without a score).
#[allow(clippy::type_complexity)]
pub(super) fn outcome_columns(
    table: &Table,
    path: &std::path::Path,
    missing_score: f64,
) -> Result<(Vec<AttributeCodes>, Option<Vec<bool>>, Option<Vec<f64>>)> {
    let df = &table.df;
    let mut attributes = Vec::new();
    for a in &table.attributes {
        let c = df.column(a).map_err(|e| polars_error(path, e))?;
        let (levels, codes) = codes_of(c, path)?;
        attributes.push(AttributeCodes {
            name: a.clone(),
            levels,
            codes: codes.iter().map(|c| c.unwrap_or(0)).collect(),
        });
    }
    let decision = match df.column(DEC) {
        Ok(c) if *c.dtype() == DataType::Boolean => Some(
            c.bool()
                .map_err(|e| polars_error(path, e))?
                .iter()
                .map(|v| v.unwrap_or(false))
                .collect(),
        ),
        _ => None,
    };
    let score = match df.column(SCORE) {
        Ok(c) => Some(
            c.f64()
                .map_err(|e| polars_error(path, e))?
                .iter()
                .map(|v| v.unwrap_or(missing_score))
                .collect(),
        ),
        Err(_) => None,
    };
    Ok((attributes, decision, score))
}
