//! Checks each column against its role and rewrites it into canonical form.
//!
//! - decision: binary (the declared positive values against the rest) or multi-class (each
//!   class one-vs-rest). Values are compared as text, numerically (`1` matches `1.0`) and, for
//!   yes/no words, case-insensitively.
//! - label: exactly two values; the positive one is declared or recognised (1, true, yes).
//! - score: numeric; a text value that is not a number is an error naming its line.
//! - group attributes: text; a missing value becomes the group `unknown`.
//!
//! Rows whose decision, score or label is missing are excluded and counted in the provenance.

use polars::prelude::*;
use serde::Serialize;

use super::{
    DEC, Exclusion, FEATURE_PREFIX, ID, LAB, ROW, SCORE, SourceInfo, Table, UNKNOWN, polars_error,
};
use crate::error::{Error, Result, did_you_mean};
use crate::spec::{AuditSpec, FileFormat};
use crate::ts;

/// How the decision column was read.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DecisionValues {
    /// A binary decision: these values are positive, those negative.
    Binary {
        column: String,
        positive: Vec<String>,
        negative: Vec<String>,
    },
    /// `score >= threshold` is positive.
    Threshold { score: String, threshold: f64 },
    /// A multi-class decision, each class audited one-vs-rest.
    MultiClass {
        column: String,
        classes: Vec<String>,
    },
    /// No decision (screening a table before a model exists).
    Absent,
}

impl DecisionValues {
    /// Number of decision classes (2 for binary).
    pub fn class_count(&self) -> usize {
        match self {
            DecisionValues::MultiClass { classes, .. } => classes.len(),
            _ => 2,
        }
    }
}

/// How the label column was read.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LabelValues {
    pub column: String,
    pub positive: String,
    pub negative: Option<String>,
}

/// How a missing decision, label or score is counted among the exclusions (in the report's
/// language): shared by every engine.
pub(super) fn exclusion_reason(what: &str, lang: crate::i18n::Lang) -> &'static str {
    match what {
        "decision" => ts!(lang, "data.roles.decision_missing"),
        "label" => ts!(lang, "data.roles.label_missing"),
        _ => ts!(lang, "data.roles.score_missing"),
    }
}

const YES: [&str; 4] = ["1", "true", "yes", "y"];

/// True when a cell value (as text) matches a declared value.
pub fn value_matches(cell: &str, declared: &str) -> bool {
    if cell == declared {
        return true;
    }
    if let (Ok(a), Ok(b)) = (cell.trim().parse::<f64>(), declared.trim().parse::<f64>()) {
        return a == b;
    }
    cell.trim().eq_ignore_ascii_case(declared.trim())
}

fn is_yes(v: &str) -> bool {
    YES.iter().any(|y| value_matches(v, y))
}

/// Distinct non-null values of a column, as text, sorted.
fn distinct_text(df: &DataFrame, column: &str, path: &std::path::Path) -> Result<Vec<String>> {
    // Distinct values first, then the (few) distinct values to text.
    let c = df
        .column(column)
        .and_then(|c| c.drop_nulls().unique())
        .and_then(|c| c.cast(&DataType::String))
        .map_err(|e| polars_error(path, e))?;
    let s = c.str().map_err(|e| polars_error(path, e))?;
    let mut v: Vec<String> = s.iter().flatten().map(str::to_string).collect();
    v.sort();
    Ok(v)
}

fn show(values: &[String]) -> String {
    let shown: Vec<String> = values.iter().take(8).map(|v| format!("'{v}'")).collect();
    let more = if values.len() > 8 {
        format!(" and {} more", values.len() - 8)
    } else {
        String::new()
    };
    format!("{}{more}", shown.join(", "))
}

fn line_of(format: FileFormat, has_header: bool, row: u64) -> String {
    match format {
        FileFormat::Csv => format!("line {}", row + 1 + u64::from(has_header)),
        _ => format!("row {}", row + 1),
    }
}

/// How the decision is read, from the distinct values of its column (`distinct(column)`, as
/// text, sorted): shared by every engine, so each maps the values the same way.
pub(super) fn resolve_decision(
    spec: &AuditSpec,
    path: &std::path::Path,
    distinct: &dyn Fn(&str) -> Result<Vec<String>>,
) -> Result<DecisionValues> {
    let d = &spec.decision;
    let Some(column) = &d.column else {
        let s = spec.score.as_ref();
        return match (s, s.and_then(|s| s.threshold)) {
            (Some(s), Some(t)) => Ok(DecisionValues::Threshold {
                score: s.column.clone(),
                threshold: t,
            }),
            _ => Ok(DecisionValues::Absent),
        };
    };
    let values = distinct(column)?;
    if values.is_empty() {
        return Err(Error::column(
            path,
            column,
            "decision",
            "every value is missing",
            Some("check the column name and the missing-value markers (--na)".into()),
        ));
    }
    let err =
        |msg: String, hint: Option<String>| Error::column(path, column, "decision", msg, hint);
    if !d.classes.is_empty() {
        if let Some(v) = values
            .iter()
            .find(|v| !d.classes.iter().any(|c| value_matches(v, c)))
        {
            return Err(err(
                format!(
                    "has the value '{v}', which is not among the declared classes ({})",
                    d.classes.join(", ")
                ),
                Some(format!(
                    "add '{v}' to decision.classes, or filter those rows out with --where"
                )),
            ));
        }
        return Ok(DecisionValues::MultiClass {
            column: column.clone(),
            classes: d.classes.clone(),
        });
    }
    let declared_pos = if d.positive.is_empty() {
        let yes: Vec<String> = values.iter().filter(|v| is_yes(v)).cloned().collect();
        if values.len() > 2 && d.negative.is_empty() {
            // No positive value declared and more than two values: multi-class.
            return Ok(DecisionValues::MultiClass {
                column: column.clone(),
                classes: values,
            });
        }
        if yes.len() != 1 {
            return Err(err(
                format!(
                    "cannot tell which value is the positive decision among {}",
                    show(&values)
                ),
                Some("name it with --positive VALUE (decision.positive in a spec)".into()),
            ));
        }
        yes
    } else {
        d.positive.clone()
    };
    // Every worker with a declared negative decision (nobody flagged): allowed when both sides
    // are declared; a declared positive missing beside other values is a typo.
    let all_negative = !d.negative.is_empty()
        && values
            .iter()
            .all(|v| d.negative.iter().any(|n| value_matches(v, n)));
    for p in declared_pos.iter().filter(|_| !all_negative) {
        if !values.iter().any(|v| value_matches(v, p)) {
            return Err(err(
                format!(
                    "the declared positive value '{p}' does not occur; the values are {}",
                    show(&values)
                ),
                did_you_mean(p, values.iter().map(String::as_str)),
            ));
        }
    }
    let positive: Vec<String> = if all_negative {
        declared_pos.clone()
    } else {
        values
            .iter()
            .filter(|v| declared_pos.iter().any(|p| value_matches(v, p)))
            .cloned()
            .collect()
    };
    let rest: Vec<String> = values
        .iter()
        .filter(|v| !positive.contains(v))
        .cloned()
        .collect();
    let negative = if d.negative.is_empty() {
        if rest.len() > 1 {
            return Err(err(
                format!(
                    "has {} values ({}) but only {} declared positive; the other values {} are not declared",
                    values.len(),
                    show(&values),
                    positive.len(),
                    show(&rest)
                ),
                Some("list the negative values with --negative, add them to --positive, or audit each class with --multiclass".into()),
            ));
        }
        rest
    } else {
        if let Some(v) = rest
            .iter()
            .find(|v| !d.negative.iter().any(|n| value_matches(v, n)))
        {
            return Err(err(
                format!("has the value '{v}', which is declared neither positive nor negative"),
                Some(
                    "add it to --positive or --negative, or filter those rows out with --where"
                        .into(),
                ),
            ));
        }
        rest
    };
    Ok(DecisionValues::Binary {
        column: column.clone(),
        positive,
        negative,
    })
}

/// How the label is read, from the distinct values of its column (see [`resolve_decision`]).
pub(super) fn resolve_label(
    spec: &AuditSpec,
    path: &std::path::Path,
    distinct: &dyn Fn(&str) -> Result<Vec<String>>,
) -> Result<Option<LabelValues>> {
    let Some(l) = &spec.label else {
        return Ok(None);
    };
    let values = distinct(&l.column)?;
    let err =
        |msg: String, hint: Option<String>| Error::column(path, &l.column, "label", msg, hint);
    if values.len() > 2 {
        return Err(err(
            format!(
                "a label has two values, this one has {}: {}",
                values.len(),
                show(&values)
            ),
            Some(
                "give a binary outcome column, or filter the other values out with --where".into(),
            ),
        ));
    }
    if values.is_empty() {
        return Err(err("every value is missing".into(), None));
    }
    let positive = match &l.positive {
        // A single observed value that is not the declared positive: nobody has the positive
        // label (e.g. no one actually left). Allowed; with two values a mismatch is a typo.
        Some(p) if values.len() == 1 && !value_matches(&values[0], p) => p.clone(),
        Some(p) => values
            .iter()
            .find(|v| value_matches(v, p))
            .cloned()
            .ok_or_else(|| {
                err(
                    format!(
                        "the declared positive label '{p}' does not occur; the values are {}",
                        show(&values)
                    ),
                    did_you_mean(p, values.iter().map(String::as_str)),
                )
            })?,
        None => {
            let yes: Vec<&String> = values.iter().filter(|v| is_yes(v)).collect();
            match yes.as_slice() {
                [one] => (*one).clone(),
                _ => {
                    return Err(err(
                        format!(
                            "cannot tell which label value is positive among {}",
                            show(&values)
                        ),
                        Some("name it with --label-positive VALUE".into()),
                    ));
                }
            }
        }
    };
    let negative = values.iter().find(|v| **v != positive).cloned();
    Ok(Some(LabelValues {
        column: l.column.clone(),
        positive,
        negative,
    }))
}

/// `column` equals one of `values` (its distinct values as text). Numeric and boolean columns
/// are compared as numbers, so no row is formatted as text (10 million casts avoided).
fn equals_any(df: &DataFrame, column: &str, values: &[String]) -> Expr {
    let dtype = df
        .column(column)
        .map(|c| c.dtype().clone())
        .unwrap_or(DataType::String);
    let nums: Option<Vec<f64>> = values
        .iter()
        .map(|v| v.trim().parse::<f64>().ok())
        .collect();
    match nums {
        Some(nums) if dtype.is_primitive_numeric() && !nums.is_empty() => {
            let c = col(column).cast(DataType::Float64);
            nums.iter()
                .map(|x| c.clone().eq(lit(*x)))
                .reduce(|a, b| a.or(b))
                .unwrap_or_else(|| lit(false))
        }
        _ if dtype == DataType::Boolean => {
            let want_true = values.iter().any(|v| v == "true");
            let want_false = values.iter().any(|v| v == "false");
            match (want_true, want_false) {
                (true, true) => col(column).is_not_null(),
                (true, false) => col(column).eq(lit(true)),
                (false, true) => col(column).eq(lit(false)),
                (false, false) => lit(false),
            }
        }
        _ => col(column)
            .cast(DataType::String)
            .is_in(lit(text_series(values)).implode(true), false),
    }
}

fn text_series(values: &[String]) -> Series {
    Series::new(
        "v".into(),
        values.iter().map(String::as_str).collect::<Vec<_>>(),
    )
}

/// First row (by file order) where `mask` holds, as a line reference.
fn first_row(
    df: &DataFrame,
    mask: &BooleanChunked,
    spec: &AuditSpec,
    path: &std::path::Path,
) -> Result<Option<String>> {
    let hit = df.filter(mask).map_err(|e| polars_error(path, e))?;
    if hit.height() == 0 {
        return Ok(None);
    }
    let row = hit
        .column(ROW)
        .and_then(|c| c.cast(&DataType::UInt64))
        .map_err(|e| polars_error(path, e))?;
    let row = row.u64().ok().and_then(|r| r.get(0)).unwrap_or(0);
    Ok(Some(line_of(
        spec.data.format,
        spec.data.csv.has_header,
        row,
    )))
}

/// A group attribute must group workers: refused when it has more distinct values than
/// `max_levels`, or when most workers are alone in their group (an id, a phone number or free
/// text given as a group: every figure would describe one person). The message names no value.
fn check_levels(
    df: &DataFrame,
    column: &str,
    levels: usize,
    max_levels: usize,
    path: &std::path::Path,
) -> Result<()> {
    let c = df.column(column).map_err(|e| polars_error(path, e))?;
    let t = c
        .cast(&DataType::String)
        .map_err(|e| polars_error(path, e))?;
    let s = t.str().map_err(|e| polars_error(path, e))?;
    let mut counts: std::collections::HashMap<&str, u64> = std::collections::HashMap::new();
    for v in s.iter().flatten() {
        *counts.entry(v).or_insert(0) += 1;
    }
    check_level_counts(column, levels, max_levels, counts.values().copied(), path)
}

/// [`check_levels`] on the count of workers of each distinct value (missing values not
/// counted): shared by every engine.
pub(super) fn check_level_counts(
    column: &str,
    levels: usize,
    max_levels: usize,
    counts: impl Iterator<Item = u64>,
    path: &std::path::Path,
) -> Result<()> {
    let hint = "is this an id or free-text column? A group attribute holds categories such as sex, age band or site; name the right column with --group";
    if levels > max_levels {
        return Err(Error::column(
            path,
            column,
            "group attribute",
            format!("{levels} distinct values, more than the limit of {max_levels}"),
            Some(format!("{hint} (or raise --max-levels)")),
        ));
    }
    let (mut present, mut alone) = (0u64, 0u64);
    for n in counts {
        present += n;
        alone += u64::from(n == 1);
    }
    if present >= 10 && alone * 2 > present {
        return Err(Error::column(
            path,
            column,
            "group attribute",
            format!(
                "{alone} of {present} workers are alone in their group: the figures would describe single people"
            ),
            Some(hint.to_string()),
        ));
    }
    Ok(())
}

/// The group name of an attribute's missing values, from its distinct values: `unknown`, or
/// `unknown (missing value)` when the column also holds the recorded value `unknown`.
pub(super) fn missing_name(values: &[String]) -> String {
    if values.iter().any(|v| v == UNKNOWN) {
        format!("{UNKNOWN} (missing value)")
    } else {
        UNKNOWN.to_string()
    }
}

/// The score column, checked numeric and finite, as the expression that reads it.
fn score_column(
    df: &DataFrame,
    column: &str,
    spec: &AuditSpec,
    path: &std::path::Path,
) -> Result<Expr> {
    let c = df.column(column).map_err(|e| polars_error(path, e))?;
    let dtype = c.dtype().clone();
    if dtype == DataType::String {
        let as_num = c
            .cast(&DataType::Float64)
            .map_err(|e| polars_error(path, e))?;
        let bad = &c.is_not_null() & &as_num.is_null();
        if let Some(line) = first_row(df, &bad, spec, path)? {
            let hit = df.filter(&bad).map_err(|e| polars_error(path, e))?;
            let value = hit
                .column(column)
                .ok()
                .and_then(|c| c.str().ok().and_then(|s| s.get(0).map(str::to_string)))
                .unwrap_or_default();
            return Err(Error::column(
                path,
                column,
                "score",
                format!("expected a number, {line} has '{value}'"),
                Some(
                    "a score must be numeric; mark missing values with --na, or fix the value"
                        .into(),
                ),
            ));
        }
    } else if !dtype.is_primitive_numeric() && dtype != DataType::Boolean {
        return Err(Error::column(
            path,
            column,
            "score",
            format!("expected a number, the column holds {dtype}"),
            None,
        ));
    }
    let f = c
        .cast(&DataType::Float64)
        .map_err(|e| polars_error(path, e))?;
    let fv = f.f64().map_err(|e| polars_error(path, e))?;
    let nonfinite = fv.is_infinite() | fv.is_nan();
    if let Some(line) = first_row(df, &nonfinite, spec, path)? {
        return Err(Error::column(
            path,
            column,
            "score",
            format!("expected a finite number, {line} has NaN or infinity"),
            Some("mark missing scores as empty cells".into()),
        ));
    }
    Ok(col(column).cast(DataType::Float64).alias(SCORE))
}

/// Drops the rows with a missing decision, label or score, counting each reason in `source`.
fn exclude_missing(
    out: DataFrame,
    spec: &AuditSpec,
    source: &mut SourceInfo,
    path: &std::path::Path,
) -> Result<DataFrame> {
    let mut keep = !out
        .column("__candor_dec_missing")
        .and_then(|c| c.bool().cloned())
        .map_err(|e| polars_error(path, e))?;
    let dec_missing = keep.len() as u64 - keep.sum().unwrap_or(0) as u64;
    if dec_missing > 0 {
        source.excluded.push(Exclusion {
            reason: exclusion_reason("decision", spec.lang).into(),
            rows: dec_missing,
        });
    }
    let missing_what = [
        (LAB, exclusion_reason("label", spec.lang)),
        (SCORE, exclusion_reason("score", spec.lang)),
    ];
    for (name, what) in missing_what {
        if let Ok(c) = out.column(name) {
            let present = c.is_not_null();
            let missing = (&keep & &!present.clone()).sum().unwrap_or(0) as u64;
            if missing > 0 {
                source.excluded.push(Exclusion {
                    reason: what.into(),
                    rows: missing,
                });
            }
            keep = &keep & &present;
        }
    }
    let out = out
        .filter(&keep)
        .and_then(|d| d.drop("__candor_dec_missing"))
        .map_err(|e| polars_error(path, e))?;
    Ok(out)
}

pub(super) fn canonicalise(
    df: DataFrame,
    spec: &AuditSpec,
    mut source: SourceInfo,
) -> Result<Table> {
    let path = spec.data.path.clone();
    let path = path.as_path();
    let distinct = |c: &str| distinct_text(&df, c, path);
    let decision = resolve_decision(spec, path, &distinct)?;
    let label = resolve_label(spec, path, &distinct)?;

    let score_expr = spec
        .score
        .as_ref()
        .map(|sc| score_column(&df, &sc.column, spec, path))
        .transpose()?;

    let dec_expr = match &decision {
        DecisionValues::Binary {
            column, positive, ..
        } => equals_any(&df, column, positive).alias(DEC),
        DecisionValues::Threshold { score, threshold } => col(score.as_str())
            .cast(DataType::Float64)
            .gt_eq(lit(*threshold))
            .alias(DEC),
        DecisionValues::MultiClass { column, classes } => {
            let c = col(column.as_str()).cast(DataType::String);
            // Each row's class index; compare after reading the distinct values so that `1`
            // matches `1.0`.
            let values = distinct_text(&df, column, path)?;
            let mut expr = lit(NULL).cast(DataType::UInt32);
            for v in values.iter().rev() {
                if let Some(i) = classes.iter().position(|k| value_matches(v, k)) {
                    expr = when(c.clone().eq(lit(v.as_str())))
                        .then(lit(i as u32))
                        .otherwise(expr);
                }
            }
            expr.alias(DEC)
        }
        DecisionValues::Absent => lit(false).alias(DEC),
    };
    let dec_null = match &decision {
        DecisionValues::Threshold { score, .. } => col(score.as_str()).is_null(),
        DecisionValues::Binary { column, .. } | DecisionValues::MultiClass { column, .. } => {
            col(column.as_str()).is_null()
        }
        DecisionValues::Absent => lit(false),
    };

    let mut exprs = vec![col(ROW), dec_expr, dec_null.alias("__candor_dec_missing")];
    if let Some(l) = &label {
        exprs.push(equals_any(&df, &l.column, std::slice::from_ref(&l.positive)).alias(LAB));
    }
    if let Some(e) = score_expr {
        exprs.push(e);
    }
    let mut missing = std::collections::BTreeMap::new();
    for a in &spec.attributes {
        let values = distinct_text(&df, a, path)?;
        check_levels(&df, a, values.len(), spec.max_levels, path)?;
        let unknown = missing_name(&values);
        missing.insert(a.clone(), unknown.clone());
        exprs.push(
            col(a.as_str())
                .cast(DataType::String)
                .fill_null(lit(unknown))
                // Dictionary-encoded: the aggregation groups by small integers, not strings.
                .cast(DataType::from_categories(Categories::global()))
                .alias(a.as_str()),
        );
    }
    let mut seen_features = std::collections::BTreeSet::new();
    for f in &spec.features {
        if seen_features.insert(f.clone()) {
            exprs.push(col(f.as_str()).alias(format!("{FEATURE_PREFIX}{f}")));
        }
    }
    if let Some(id) = &spec.data.id {
        exprs.push(col(id.as_str()).cast(DataType::String).alias(ID));
    }
    let out = df
        .lazy()
        .select(exprs)
        .collect()
        .map_err(|e| polars_error(path, e))?;

    let out = exclude_missing(out, spec, &mut source, path)?;
    if out.height() == 0 {
        return Err(Error::data(
            path,
            "no row has a decision (and label and score) to audit",
            Some("check the missing-value markers (--na) and the column names".into()),
        ));
    }
    source.rows_audited = out.height() as u64;
    Ok(Table {
        source,
        decision,
        label,
        attributes: spec.attributes.clone(),
        missing,
        df: out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_numeric_and_words() {
        assert!(value_matches("1", "1.0"));
        assert!(value_matches("Yes", "yes"));
        assert!(!value_matches("Low", "High"));
        assert!(is_yes("TRUE"));
        assert!(!is_yes("0"));
    }
}
