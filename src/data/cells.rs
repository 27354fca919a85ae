//! The cells engine: an audit from the finest cells another engine computed (the query
//! `candor sql` prints, run where the data lives), read from CSV or Parquet.
//!
//! A cells table has one column per group attribute (named as in the spec, holding the value or
//! NULL), `candor_decision` (the decision column's value as stored, or 1/0 for a score threshold),
//! `candor_label` (the label's value as stored), `candor_score` (the score's value) when the spec
//! names them, and `candor_n` (rows in the cell). The decision and label values are read, the
//! missing values named and the exclusions counted by the same functions as the embedded engine
//! (`roles`), from the cells' distinct values and counts; the roll-up is the same code
//! (`rollup`). Only the cells are here: screening's model-based layers, the content of the inputs
//! and explanations need rows, and this engine says it has none.

use std::collections::BTreeMap;
use std::path::Path;

use polars::prelude::*;

use super::engine::{Engine, EngineKind};
use super::roles::{
    check_level_counts, exclusion_reason, missing_name, resolve_decision, resolve_label,
    value_matches,
};
use super::rollup::{Fine, encode};
use super::screening::ScreenData;
use super::subjects::SubjectData;
use super::{DecisionValues, Dictionary, Exclusion, LabelValues, SourceInfo, Table};
use crate::dates::WorkingHours;
use crate::error::{Error, Result, did_you_mean};
use crate::spec::{AuditSpec, CsvOptions, FileFormat};
use crate::stats::Aggregates;

/// The cells table's own columns (beside one per group attribute).
pub const N: &str = "candor_n";
pub const DECISION: &str = "candor_decision";
pub const LABEL: &str = "candor_label";
pub const SCORE: &str = "candor_score";

const HINT: &str = "the cells table is what the query `candor sql --spec SPEC` prints returns: \
                    run that query again and export its result unchanged (CSV with a header, or \
                    Parquet)";

/// An audit's finest cells, read and checked.
pub struct CellsTable {
    source: SourceInfo,
    decision: DecisionValues,
    label: Option<LabelValues>,
    missing: BTreeMap<String, String>,
    fine: Fine,
}

/// The raw columns of the cells file, one entry per cell with at least one row.
struct Raw {
    n: Vec<u64>,
    attributes: Vec<Vec<Option<String>>>,
    decision: Option<Vec<Option<String>>>,
    label: Option<Vec<Option<String>>>,
    score: Option<Vec<Option<f64>>>,
}

fn format_of(path: &Path) -> Result<FileFormat> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "csv" => Ok(FileFormat::Csv),
        "parquet" | "pq" => Ok(FileFormat::Parquet),
        _ => Err(Error::data(
            path,
            "a cells table is read from a .csv or .parquet file",
            Some("name the file .csv (comma-separated, with a header) or .parquet".into()),
        )),
    }
}

fn read_frame(path: &Path, format: FileFormat) -> Result<DataFrame> {
    let mut csv = CsvOptions {
        delimiter: ',',
        has_header: true,
        encoding: "UTF-8".into(),
        na_values: vec!["".into()],
        float_columns: Vec::new(),
    };
    if format == FileFormat::Csv {
        super::encoding::prepare_csv(path, "utf-8")?;
    }
    loop {
        let read = super::scan(path, format, &csv, path)?.collect();
        // polars infers whole numbers from the first rows and fails on a decimal further down
        // (a score, a numeric group): that column is read again as floating point, as the
        // embedded engine does.
        let column = match &read {
            Err(e) => {
                let text = e.to_string();
                text.contains("as dtype `i64`")
                    .then(|| {
                        text.split("at column '")
                            .nth(1)?
                            .split('\'')
                            .next()
                            .map(str::to_string)
                    })
                    .flatten()
                    .filter(|c| !csv.float_columns.contains(c))
            }
            Ok(_) => None,
        };
        match column {
            Some(c) if format == FileFormat::Csv => csv.float_columns.push(c),
            _ => return read.map_err(|e| super::polars_error(path, e)),
        }
    }
}

fn where_(format: FileFormat, row: usize) -> String {
    match format {
        FileFormat::Csv => format!("line {}", row + 2),
        _ => format!("row {}", row + 1),
    }
}

/// A column's values as text (numbers and booleans written as polars writes them, as the
/// embedded engine reads them).
fn texts(df: &DataFrame, name: &str, path: &Path) -> Result<Vec<Option<String>>> {
    let c = df
        .column(name)
        .and_then(|c| c.cast(&DataType::String))
        .map_err(|e| super::polars_error(path, e))?;
    let s = c.str().map_err(|e| super::polars_error(path, e))?;
    Ok(s.iter().map(|v| v.map(str::to_string)).collect())
}

fn counts(df: &DataFrame, path: &Path, format: FileFormat) -> Result<Vec<u64>> {
    let err = |row: usize, msg: String| {
        Error::column(
            path,
            N,
            "rows in the cell",
            format!(
                "expected a whole number of rows, 0 or more; {} {msg}",
                where_(format, row)
            ),
            Some(HINT.into()),
        )
    };
    let dtype = df
        .column(N)
        .map(|c| c.dtype().clone())
        .unwrap_or(DataType::Null);
    if !(dtype.is_integer() || dtype == DataType::String) {
        return Err(Error::column(
            path,
            N,
            "rows in the cell",
            format!("expected whole numbers, the column holds {dtype}"),
            Some(HINT.into()),
        ));
    }
    texts(df, N, path)?
        .into_iter()
        .enumerate()
        .map(|(i, v)| match v {
            None => Err(err(i, "is empty".into())),
            Some(t) => match t.trim().parse::<i128>() {
                Ok(x) if x < 0 => Err(err(i, format!("has the negative count {x}"))),
                Ok(x) => u64::try_from(x).map_err(|_| err(i, "is too large".into())),
                Err(_) => Err(err(i, "is not a whole number".into())),
            },
        })
        .collect()
}

fn scores(df: &DataFrame, path: &Path, format: FileFormat) -> Result<Vec<Option<f64>>> {
    let c = df.column(SCORE).map_err(|e| super::polars_error(path, e))?;
    let bad = |i: usize, what: &str| {
        Error::column(
            path,
            SCORE,
            "score",
            format!("expected a finite number, {} {what}", where_(format, i)),
            Some(HINT.into()),
        )
    };
    let values: Vec<Option<f64>> = if c.dtype().is_primitive_numeric() {
        let f = c
            .cast(&DataType::Float64)
            .map_err(|e| super::polars_error(path, e))?;
        f.f64()
            .map_err(|e| super::polars_error(path, e))?
            .iter()
            .collect()
    } else if *c.dtype() == DataType::String {
        let mut out = Vec::with_capacity(c.len());
        for (i, v) in texts(df, SCORE, path)?.into_iter().enumerate() {
            match v.map(|t| t.trim().parse::<f64>()) {
                None => out.push(None),
                Some(Ok(x)) => out.push(Some(x)),
                Some(Err(_)) => return Err(bad(i, "is not a number")),
            }
        }
        out
    } else {
        return Err(Error::column(
            path,
            SCORE,
            "score",
            format!("expected numbers, the column holds {}", c.dtype()),
            Some(HINT.into()),
        ));
    };
    if let Some(i) = values
        .iter()
        .position(|v| v.is_some_and(|x| !x.is_finite()))
    {
        return Err(bad(i, "holds NaN or infinity"));
    }
    Ok(values)
}

/// The columns the spec needs, checked present, read; cells without rows dropped.
fn read_raw(spec: &AuditSpec, df: &DataFrame, path: &Path, format: FileFormat) -> Result<Raw> {
    let names: Vec<String> = df
        .get_column_names()
        .iter()
        .map(|n| n.to_string())
        .collect();
    let mut needed: Vec<(&str, &str)> = vec![(N, "rows in the cell")];
    let has_decision = spec.decision.column.is_some()
        || spec.score.as_ref().is_some_and(|s| s.threshold.is_some());
    if has_decision {
        needed.push((DECISION, "the decision"));
    }
    if spec.label.is_some() {
        needed.push((LABEL, "the label"));
    }
    if spec.score.is_some() {
        needed.push((SCORE, "the score"));
    }
    for a in &spec.attributes {
        needed.push((a.as_str(), "a group attribute"));
    }
    for (c, role) in &needed {
        if !names.iter().any(|n| n == c) {
            return Err(Error::UnknownColumn {
                path: path.to_path_buf(),
                column: (*c).to_string(),
                role: (*role).to_string(),
                hint: did_you_mean(c, names.iter().map(String::as_str))
                    .or_else(|| Some(HINT.into())),
            });
        }
    }
    let n = counts(df, path, format)?;
    let keep: Vec<usize> = (0..n.len()).filter(|&i| n[i] > 0).collect();
    let pick_text = |c: &str| -> Result<Vec<Option<String>>> {
        let t = texts(df, c, path)?;
        Ok(keep.iter().map(|&i| t[i].clone()).collect())
    };
    let attributes = spec
        .attributes
        .iter()
        .map(|a| pick_text(a))
        .collect::<Result<_>>()?;
    let decision = has_decision.then(|| pick_text(DECISION)).transpose()?;
    let label = spec.label.as_ref().map(|_| pick_text(LABEL)).transpose()?;
    let score = match spec.score {
        Some(_) => {
            let s = scores(df, path, format)?;
            Some(keep.iter().map(|&i| s[i]).collect())
        }
        None => None,
    };
    Ok(Raw {
        n: keep.iter().map(|&i| n[i]).collect(),
        attributes,
        decision,
        label,
        score,
    })
}

fn distinct(values: &[Option<String>]) -> Vec<String> {
    let mut v: Vec<String> = values.iter().flatten().cloned().collect();
    v.sort();
    v.dedup();
    v
}

/// Each cell's decision class, None when the decision is missing.
fn classes_of(decision: &DecisionValues, raw: &Raw) -> Vec<Option<u32>> {
    let values = raw.decision.as_deref().unwrap_or(&[]);
    let class = |v: &Option<String>| -> Option<u32> {
        let v = v.as_deref()?;
        Some(match decision {
            DecisionValues::Binary { positive, .. } => u32::from(positive.iter().any(|p| p == v)),
            DecisionValues::Threshold { .. } => u32::from(value_matches(v, "1")),
            DecisionValues::MultiClass { classes, .. } => classes
                .iter()
                .position(|k| value_matches(v, k))
                .map_or(0, |k| k as u32),
            DecisionValues::Absent => 0,
        })
    };
    match decision {
        DecisionValues::Absent => vec![Some(0); raw.n.len()],
        _ => values.iter().map(class).collect(),
    }
}

/// Reads a cells table and checks it against the spec: exit 2 naming the file and the column
/// for a missing column, a negative or non-integer count, a score that is not a number.
pub fn load_cells(spec: &AuditSpec, path: &Path) -> Result<CellsTable> {
    let (sha256, bytes) = super::encoding::hash_file(path)?;
    if bytes == 0 {
        return Err(Error::data(path, "the file is empty", Some(HINT.into())));
    }
    let format = format_of(path)?;
    let df = read_frame(path, format)?;
    cells_from_frame(
        spec,
        &df,
        &FrameSource {
            path,
            format,
            sha256,
            bytes,
        },
    )
}

/// Where a cells frame came from: the name errors give (a file, or an engine's table), how its
/// rows are counted in messages, and its fingerprint for the provenance.
pub(crate) struct FrameSource<'a> {
    pub path: &'a Path,
    pub format: FileFormat,
    pub sha256: String,
    pub bytes: u64,
}

/// Checks a cells frame against the spec and reads it (see [`load_cells`]).
pub(crate) fn cells_from_frame(
    spec: &AuditSpec,
    df: &DataFrame,
    src: &FrameSource,
) -> Result<CellsTable> {
    let (path, format) = (src.path, src.format);
    let raw = read_raw(spec, df, path, format)?;
    let empty = Vec::new();
    let column_of = |c: &str| -> &Vec<Option<String>> {
        if spec.decision.column.as_deref() == Some(c) {
            raw.decision.as_ref().unwrap_or(&empty)
        } else if spec.label.as_ref().is_some_and(|l| l.column == c) {
            raw.label.as_ref().unwrap_or(&empty)
        } else {
            &empty
        }
    };
    let distinct_of = |c: &str| Ok(distinct(column_of(c)));
    let decision = resolve_decision(spec, path, &distinct_of)?;
    let label = resolve_label(spec, path, &distinct_of)?;

    // Group attributes: the level check and the name of the missing values, on all cells.
    let mut missing = BTreeMap::new();
    for (a, values) in spec.attributes.iter().zip(&raw.attributes) {
        let mut per_value: BTreeMap<&str, u64> = BTreeMap::new();
        for (v, n) in values.iter().zip(&raw.n) {
            if let Some(v) = v {
                *per_value.entry(v.as_str()).or_insert(0) += n;
            }
        }
        check_level_counts(
            a,
            per_value.len(),
            spec.max_levels,
            per_value.values().copied(),
            path,
        )?;
        missing.insert(a.clone(), missing_name(&distinct(values)));
    }

    // Exclusions, in the embedded engine's order: decision, then label, then score missing.
    let classes = classes_of(&decision, &raw);
    let labels: Option<Vec<Option<bool>>> = match (&label, &raw.label) {
        (Some(l), Some(values)) => Some(
            values
                .iter()
                .map(|v| v.as_ref().map(|v| *v == l.positive))
                .collect(),
        ),
        _ => None,
    };
    let mut keep: Vec<bool> = classes.iter().map(Option::is_some).collect();
    let total: u64 = raw.n.iter().sum();
    let mut excluded = Vec::new();
    let dec_missing: u64 = (0..keep.len())
        .filter(|&i| !keep[i])
        .map(|i| raw.n[i])
        .sum();
    if dec_missing > 0 {
        excluded.push(Exclusion {
            reason: exclusion_reason("decision", spec.lang).into(),
            rows: dec_missing,
        });
    }
    let mut exclude = |what: &str, present: &dyn Fn(usize) -> bool, keep: &mut Vec<bool>| {
        let mut rows = 0;
        for (i, k) in keep.iter_mut().enumerate() {
            if *k && !present(i) {
                *k = false;
                rows += raw.n[i];
            }
        }
        if rows > 0 {
            excluded.push(Exclusion {
                reason: exclusion_reason(what, spec.lang).into(),
                rows,
            });
        }
    };
    if let Some(l) = &labels {
        exclude("label", &|i| l[i].is_some(), &mut keep);
    }
    if let Some(s) = &raw.score {
        exclude("score", &|i| s[i].is_some(), &mut keep);
    }
    let kept: Vec<usize> = (0..keep.len()).filter(|&i| keep[i]).collect();
    let audited: u64 = kept.iter().map(|&i| raw.n[i]).sum();
    if audited == 0 {
        return Err(Error::data(
            path,
            "no row has a decision (and label and score) to audit",
            Some("check the missing-value markers (--na) and the column names".into()),
        ));
    }

    let mut levels = Vec::new();
    let mut codes = Vec::new();
    for (a, values) in spec.attributes.iter().zip(&raw.attributes) {
        let name = &missing[a];
        let named: Vec<Option<&str>> = kept
            .iter()
            .map(|&i| Some(values[i].as_deref().unwrap_or(name)))
            .collect();
        let (lv, cd) = encode(&named);
        levels.push(lv);
        codes.push(cd);
    }
    let fine = Fine {
        attributes: spec.attributes.clone(),
        levels,
        codes,
        dec: kept.iter().map(|&i| classes[i].unwrap_or(0)).collect(),
        lab: labels.map(|l| kept.iter().map(|&i| l[i].unwrap_or(false)).collect()),
        score: raw
            .score
            .as_ref()
            .map(|s| kept.iter().map(|&i| s[i]).collect()),
        n: kept.iter().map(|&i| raw.n[i]).collect(),
        classes: decision.class_count(),
    };
    Ok(CellsTable {
        source: SourceInfo {
            path: path.display().to_string(),
            format,
            sha256: src.sha256.clone(),
            bytes: src.bytes,
            rows_in_file: total,
            rows_after_filter: total,
            rows_audited: audited,
            excluded,
            renamed_columns: Vec::new(),
        },
        decision,
        label,
        missing,
        fine,
    })
}

#[cfg(feature = "spark")]
impl CellsTable {
    /// Names the source as the report shows it (an engine's table rather than a file).
    pub(crate) fn set_source_name(&mut self, name: &str) {
        self.source.path = name.to_string();
    }
}

impl Engine for CellsTable {
    fn kind(&self) -> EngineKind {
        EngineKind::Cells
    }

    fn source(&self) -> &SourceInfo {
        &self.source
    }

    fn decision(&self) -> &DecisionValues {
        &self.decision
    }

    fn label(&self) -> Option<&LabelValues> {
        self.label.as_ref()
    }

    fn missing(&self) -> &BTreeMap<String, String> {
        &self.missing
    }

    fn aggregate(&self, slices: &[Vec<String>]) -> Result<Aggregates> {
        Ok(self.fine.aggregates(slices))
    }

    fn screen_data(
        &self,
        _: &Dictionary,
        _: &WorkingHours,
        _: &[String],
    ) -> Result<Option<ScreenData>> {
        Ok(None)
    }

    fn model_data(&self, _: &[String]) -> Result<Option<super::ModelData>> {
        Ok(None)
    }

    fn sample(&self, _: usize, _: u64) -> Result<Option<Table>> {
        Ok(None)
    }

    fn subject_rows(&self, _: &str) -> Result<Option<SubjectData>> {
        Ok(None)
    }
}
