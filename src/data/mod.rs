//! Loading: the only stage (with `aggregate`) that touches polars.
//!
//! Takes an [`AuditSpec`] and produces a [`Table`]: the population to audit, with the decision,
//! label, score and group columns checked and put into canonical form. Formats: CSV (any
//! delimiter, header or not, UTF-8 with or without BOM, CRLF, quoted fields, missing-value
//! markers, other encodings through `encoding_rs`), Parquet, NDJSON and Arrow IPC. Only the
//! columns the audit needs are read. The file is read once; every later pass works on the
//! in-memory columns.
//!
//! Duplicate header names: the first occurrence keeps the name, later ones are renamed
//! `NAME_duplicated_0`, `NAME_duplicated_1`, ... (polars' rule); the renaming is recorded in the
//! provenance. Missing group values become the explicit group `unknown`.

mod aggregate;
pub mod cells;
pub mod columns;
mod encoding;
mod engine;
mod filter;
mod model;
mod roles;
mod rollup;
mod screening;
mod shape;
#[cfg(feature = "spark")]
pub mod spark;
pub mod sql;
mod subjects;

use std::path::Path;

use polars::prelude::*;
use serde::Serialize;

pub use aggregate::aggregate;
pub use cells::{CellsTable, load_cells};
pub use encoding::{hex, sha256_hex};
pub use engine::{Engine, EngineKind};
pub use model::{ModelData, model_data};
pub use roles::{DecisionValues, LabelValues};
pub use screening::{ScreenData, screen_data};
pub use subjects::{SubjectData, subject_data};

use crate::error::{Error, Result, did_you_mean};
use crate::spec::{AuditSpec, CsvOptions, FileFormat};

pub use crate::codes::UNKNOWN;

/// Internal column names (prefixed to avoid clashes with user columns).
/// One line of a data dictionary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DictEntry {
    pub description: Option<String>,
    /// A plain name for the column, for explanations (English, Chinese).
    pub label: Option<String>,
    pub label_zh: Option<String>,
    /// Why the data was collected (e.g. "performance evaluation", "epidemic control").
    pub purpose: Option<String>,
    /// Date of the oldest record the column draws on, `YYYY-MM-DD`.
    pub oldest_record: Option<String>,
}

/// A data dictionary: column -> entry.
pub type Dictionary = std::collections::BTreeMap<String, DictEntry>;

pub(crate) const ROW: &str = "__candor_row";
pub(crate) const DEC: &str = "__candor_decision";
pub(crate) const LAB: &str = "__candor_label";
pub(crate) const SCORE: &str = "__candor_score";
pub(crate) const FEATURE_PREFIX: &str = "__candor_f:";
/// The subject id column (text), when the spec names one.
pub(crate) const ID: &str = "__candor_id";

/// What was read, for the provenance section.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SourceInfo {
    /// The file as given.
    pub path: String,
    pub format: FileFormat,
    pub sha256: String,
    pub bytes: u64,
    /// Data rows in the file.
    pub rows_in_file: u64,
    /// Rows left after the population filter.
    pub rows_after_filter: u64,
    /// Rows audited (after excluding rows with a missing decision, score or label).
    pub rows_audited: u64,
    /// Rows left out, with the reason, never silently.
    pub excluded: Vec<Exclusion>,
    /// Duplicate header names and what they were renamed to.
    pub renamed_columns: Vec<Renamed>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Exclusion {
    /// Why, in the report's language (`decision missing`, `label missing`, `score missing`).
    pub reason: String,
    pub rows: u64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Renamed {
    pub original: String,
    pub renamed: String,
}

/// The loaded population, ready for aggregation.
pub struct Table {
    pub source: SourceInfo,
    pub decision: DecisionValues,
    pub label: Option<LabelValues>,
    /// Attribute columns in the order of the spec.
    pub attributes: Vec<String>,
    /// Per attribute, the group name its missing values get: `unknown`, or `unknown (missing
    /// value)` when the column also holds the recorded value `unknown`.
    pub missing: std::collections::BTreeMap<String, String>,
    /// The canonical columns: one per attribute (String, no nulls), `DEC` (Boolean for binary,
    /// UInt32 class index for multi-class), optional `LAB` (Boolean), optional `SCORE` (Float64).
    pub(crate) df: DataFrame,
}

impl Table {
    pub fn rows(&self) -> u64 {
        self.df.height() as u64
    }
}

/// Every column the audit names, with its role, in the spec's order (a column may come twice,
/// with two roles).
pub(crate) fn spec_columns(spec: &AuditSpec) -> Vec<(String, &'static str)> {
    let mut needed: Vec<(String, &'static str)> = Vec::new();
    if let Some(d) = &spec.decision.column {
        needed.push((d.clone(), "the decision"));
    }
    if let Some(s) = &spec.score {
        needed.push((s.column.clone(), "the score"));
    }
    if let Some(l) = &spec.label {
        needed.push((l.column.clone(), "the label"));
    }
    for a in &spec.attributes {
        needed.push((a.clone(), "a group attribute"));
    }
    for f in &spec.features {
        needed.push((f.clone(), "a feature"));
    }
    if let Some(id) = &spec.data.id {
        needed.push((id.clone(), "the id"));
    }
    needed
}

/// [`spec_columns`], each checked to exist among `names` (the error names `origin`: the data
/// file, or an engine's table).
pub(crate) fn needed_columns(
    spec: &AuditSpec,
    names: &[String],
    origin: &Path,
) -> Result<Vec<(String, &'static str)>> {
    let needed = spec_columns(spec);
    for (col_name, role) in &needed {
        if !names.iter().any(|n| n == col_name) {
            return Err(Error::UnknownColumn {
                path: origin.to_path_buf(),
                column: col_name.clone(),
                role: (*role).to_string(),
                hint: did_you_mean(col_name, names.iter().map(String::as_str)),
            });
        }
    }
    Ok(needed)
}

/// The `--where` predicate as a polars expression, after checking it reads nothing else.
fn filter_expr(pred: &str) -> Result<Expr> {
    filter::check_predicate(pred).map_err(|message| Error::Filter {
        predicate: pred.to_string(),
        message,
        hint: Some(
            "write a SQL boolean expression over the table's own columns, e.g. \"age >= 18 AND sex = 'Female'\"; quote names with spaces in double quotes".into(),
        ),
    })?;
    polars::sql::sql_expr(pred).map_err(|e| Error::Filter {
        predicate: pred.to_string(),
        message: format!("not a valid SQL predicate: {}", first_line(&e.to_string())),
        hint: Some(
            "write a SQL boolean expression over column names, e.g. \"age >= 18 AND sex = 'Female'\"; quote names with spaces in double quotes"
                .into(),
        ),
    })
}

/// Reads the table the spec describes and checks every column against its role.
pub fn load(spec: &AuditSpec) -> Result<Table> {
    match load_once(spec) {
        // polars infers whole numbers as 64-bit integers from the first rows and then fails
        // on a larger one further down: that column is read again as floating point.
        Err(Error::Data { message, .. })
            if spec.data.format == FileFormat::Csv
                && message.starts_with("could not parse")
                && message.contains("as dtype `i64`") =>
        {
            let column = message
                .split("at column '")
                .nth(1)
                .and_then(|rest| rest.split('\'').next())
                .map(str::to_string);
            match column.filter(|c| !spec.data.csv.float_columns.contains(c)) {
                Some(c) => {
                    let mut again = spec.clone();
                    again.data.csv.float_columns.push(c);
                    load(&again)
                }
                None => load_once(spec),
            }
        }
        other => other,
    }
}

/// A nested JSON value (an object or an array) is no group, decision or score: polars would
/// print it as text such as {"F"}.
fn refuse_nested(path: &Path, schema: &Schema, needed: &[(String, &str)]) -> Result<()> {
    for (c, role) in needed {
        if let Some(dt) = schema.get(c.as_str()).filter(|dt| dt.is_nested()) {
            return Err(Error::column(
                path,
                c,
                role,
                format!("holds nested values ({dt}), not one value per worker"),
                Some("flatten the records first: one key per column, each holding a number or a text".into()),
            ));
        }
    }
    Ok(())
}

fn load_once(spec: &AuditSpec) -> Result<Table> {
    let path = &spec.data.path;
    let (sha256, bytes) = encoding::hash_file(path)?;
    if bytes == 0 {
        return Err(Error::data(
            path,
            "the file is empty",
            Some("export the table again; a CSV needs a header line and data rows".into()),
        ));
    }
    let decoded = match spec.data.format {
        FileFormat::Csv => encoding::prepare_csv(path, &spec.data.csv.encoding)?,
        _ => None,
    };
    let read_path: &Path = decoded.as_ref().map_or(path.as_path(), |d| d.path());
    let lf = scan(read_path, spec.data.format, &spec.data.csv, path)?;
    let mut lf = lf.with_row_index(ROW, None);
    let schema = lf.collect_schema().map_err(|e| polars_error(path, e))?;
    let names: Vec<String> = schema
        .iter_names()
        .map(|n| n.to_string())
        .filter(|n| n != ROW)
        .collect();
    if names.is_empty() {
        return Err(Error::data(path, "the table has no columns", None));
    }
    let renamed_columns = names
        .iter()
        .filter_map(|n| {
            n.rfind("_duplicated_").map(|i| Renamed {
                original: n[..i].to_string(),
                renamed: n.clone(),
            })
        })
        .collect();

    let needed = needed_columns(spec, &names, path)?;
    refuse_nested(path, &schema, &needed)?;

    // One read of the needed columns, with the filter mask.
    let mut select: Vec<Expr> = vec![col(ROW)];
    let mut seen = std::collections::BTreeSet::new();
    for (c, _) in &needed {
        if seen.insert(c.clone()) {
            select.push(col(c.as_str()));
        }
    }
    let mut filter_note = None;
    if let Some(pred) = &spec.data.where_ {
        let expr = filter_expr(pred)?;
        select.push(expr.alias("__candor_keep"));
        filter_note = Some(pred.clone());
    }
    let probe = lf.clone();
    let df = lf
        .select(select)
        .collect()
        .map_err(|e| match &filter_note {
            // A type error in the predicate (text compared with a number, NOT on text) shows
            // when the predicate alone is evaluated on the first rows.
            Some(pred) if !is_filter_error(&e) && filter_fails_alone(&probe, pred) => {
                Error::Filter {
                    predicate: pred.clone(),
                    message: first_line(&e.to_string()),
                    hint: Some(format!(
                        "compare text columns with quoted values ('A') and number columns with \
                         numbers; the columns and their types: {}",
                        typed_columns(&schema)
                    )),
                }
            }
            Some(pred) if is_filter_error(&e) => Error::Filter {
                predicate: pred.clone(),
                message: first_line(&e.to_string()),
                hint: Some(format!(
                    "the predicate can use these columns: {}",
                    names
                        .iter()
                        .take(20)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            },
            _ => polars_error(path, e),
        })?;
    let rows_in_file = df.height() as u64;
    if rows_in_file == 0 {
        return Err(Error::data(
            path,
            "the table has a header but no data rows",
            Some("check that the export finished; Candor needs at least one row per group".into()),
        ));
    }
    let df = match &filter_note {
        Some(pred) => {
            let keep = df
                .column("__candor_keep")
                .map_err(|e| polars_error(path, e))?;
            let mask = keep.bool().map_err(|_| Error::Filter {
                predicate: pred.clone(),
                message: format!(
                    "the predicate gives {} values, not true/false",
                    keep.dtype()
                ),
                hint: Some("write a comparison, e.g. \"age >= 18\"".into()),
            })?;
            let mask = mask
                .fill_null_with_values(false)
                .map_err(|e| polars_error(path, e))?;
            let out = df
                .filter(&mask)
                .and_then(|d| d.drop("__candor_keep"))
                .map_err(|e| polars_error(path, e))?;
            if out.height() == 0 {
                return Err(Error::Filter {
                    predicate: pred.clone(),
                    message: format!("no row of the {rows_in_file} rows matches"),
                    hint: Some(
                        "check the column values and quoting: strings take single quotes, e.g. sex = 'Female'"
                            .into(),
                    ),
                });
            }
            out
        }
        None => df,
    };
    let rows_after_filter = df.height() as u64;
    roles::canonicalise(
        df,
        spec,
        SourceInfo {
            path: spec.data.path.display().to_string(),
            format: spec.data.format,
            sha256,
            bytes,
            rows_in_file,
            rows_after_filter,
            rows_audited: 0,
            excluded: Vec::new(),
            renamed_columns,
        },
    )
}

fn scan(read_path: &Path, format: FileFormat, o: &CsvOptions, shown: &Path) -> Result<LazyFrame> {
    let pl_path = PlRefPath::try_from_path(read_path).map_err(|e| polars_error(shown, e))?;
    let lf = match format {
        FileFormat::Csv => {
            let nulls =
                NullValues::AllColumns(o.na_values.iter().map(|s| s.as_str().into()).collect());
            let mut r = LazyCsvReader::new(pl_path)
                .with_has_header(o.has_header)
                .with_separator(o.delimiter as u8)
                .with_null_values(Some(nulls))
                .with_missing_is_null(true)
                .with_infer_schema_length(Some(10_000));
            if !o.float_columns.is_empty() {
                let floats: Schema = o
                    .float_columns
                    .iter()
                    .map(|c| Field::new(c.as_str().into(), DataType::Float64))
                    .collect();
                r = r.with_dtype_overwrite(Some(Arc::new(floats)));
            }
            // Rows of the wrong length and unclosed quotes are refused here, by line.
            let header = shape::check(read_path, shown, o.delimiter, o.has_header)?;
            if o.has_header {
                // polars keeps a doubled quote inside a quoted header cell as two quotes
                // (`"a""b"` becomes `a""b`); RFC 4180 makes it one. The names are put right
                // by position from the header read in `shape`, in Unicode NFC (as the spec's
                // names are), so that an accent stored as a combining mark still matches.
                let header: Vec<String> = header
                    .into_iter()
                    .map(|h| {
                        use unicode_normalization::UnicodeNormalization;
                        if h.is_ascii() { h } else { h.nfc().collect() }
                    })
                    .collect();
                if header.iter().any(|h| h.contains('"') || !h.is_ascii()) {
                    r = r
                        .with_schema_modify(move |s: Schema| {
                            if s.len() != header.len() {
                                return Ok(s);
                            }
                            let taken: std::collections::BTreeSet<String> =
                                s.iter_names().map(|n| n.to_string()).collect();
                            Ok(s.iter()
                                .zip(&header)
                                .map(|((name, dt), h)| {
                                    let keep = name.as_str() == h
                                        || name.contains("_duplicated_")
                                        || taken.contains(h.as_str());
                                    let n = if keep { name.to_string() } else { h.clone() };
                                    Field::new(n.into(), dt.clone())
                                })
                                .collect::<Schema>())
                        })
                        .map_err(|e| polars_error(shown, e))?;
                }
            } else {
                r = r
                    .with_schema_modify(|s: Schema| {
                        let renamed = s
                            .iter()
                            .enumerate()
                            .map(|(i, (_, dt))| {
                                Field::new(format!("column_{}", i + 1).into(), dt.clone())
                            })
                            .collect::<Schema>();
                        Ok(renamed)
                    })
                    .map_err(|e| polars_error(shown, e))?;
            }
            r.finish()
        }
        FileFormat::Parquet => LazyFrame::scan_parquet(pl_path, ScanArgsParquet::default()),
        FileFormat::Ipc => LazyFrame::scan_ipc(pl_path, Default::default(), Default::default()),
        FileFormat::Ndjson => LazyJsonLineReader::new(pl_path).finish(),
    };
    lf.map_err(|e| polars_error(shown, e))
}

/// The first line of a (possibly long) polars message.
pub(crate) fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or_default().trim().to_string()
}

#[cfg(test)]
#[test]
fn messages_mask_identifiers_and_cut_long_cells() {
    let m = masked_message("could not parse `13800138000` as dtype `i64` at column 'x'");
    assert_eq!(
        m,
        "could not parse `###########` as dtype `i64` at column 'x'"
    );
    let long = "a".repeat(100_000);
    let m = masked_message(&format!("could not parse `{long}` as dtype `f64`"));
    assert!(m.len() < 120, "{m}");
    assert!(m.contains("`aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…`"), "{m}");
}

/// Whether the `--where` predicate alone fails on the table's first rows.
fn filter_fails_alone(lf: &LazyFrame, pred: &str) -> bool {
    match filter_expr(pred) {
        Ok(expr) => lf.clone().limit(100).select([expr]).collect().is_err(),
        Err(_) => true,
    }
}

/// The first columns with their types in words, for a hint.
fn typed_columns(schema: &Schema) -> String {
    let mut out: Vec<String> = schema
        .iter()
        .filter(|(n, _)| n.as_str() != ROW)
        .take(20)
        .map(|(n, dt)| {
            let kind = if dt.is_integer() || dt.is_float() {
                "number"
            } else if *dt == DataType::Boolean {
                "true/false"
            } else {
                "text"
            };
            format!("{n} ({kind})")
        })
        .collect();
    if schema.len() > 21 {
        out.push("...".into());
    }
    out.join(", ")
}

fn is_filter_error(e: &PolarsError) -> bool {
    // polars may wrap the cause in a context, so look at the message too.
    let text = e.to_string();
    matches!(
        e,
        PolarsError::ColumnNotFound(_)
            | PolarsError::SQLInterface(_)
            | PolarsError::InvalidOperation(_)
            | PolarsError::SchemaMismatch(_)
    ) || text.contains("unable to find column")
        || text.contains("SQL")
}

/// A message from polars with each quoted value (between backticks) cut to a short excerpt,
/// its digits masked when it holds seven or more (a phone or identity number): a message may
/// not print a worker's identifier, nor a whole 1 MB cell.
fn masked_message(msg: &str) -> String {
    let parts: Vec<&str> = msg.split('`').collect();
    let mut out = String::with_capacity(msg.len().min(400));
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push('`');
        }
        if i % 2 == 1 && i + 1 < parts.len() {
            let digits = part.chars().filter(char::is_ascii_digit).count();
            let mut v: String = part
                .chars()
                .take(32)
                .map(|c| {
                    if digits >= 7 && c.is_ascii_digit() {
                        '#'
                    } else {
                        c
                    }
                })
                .collect();
            if part.chars().count() > 32 {
                v.push('…');
            }
            out.push_str(&v);
        } else {
            out.push_str(part);
        }
    }
    if out.chars().count() > 400 {
        out = out.chars().take(400).collect::<String>() + "…";
    }
    out
}

pub(crate) fn polars_error(path: &Path, e: PolarsError) -> Error {
    let msg = masked_message(&first_line(&e.to_string()));
    let ext = path
        .extension()
        .and_then(|x| x.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let binary = matches!(ext.as_str(), "parquet" | "pq" | "arrow" | "ipc" | "feather");
    let hint = if msg.contains("could not parse") || msg.contains("found more fields") {
        Some("check the delimiter (--delimiter), the quoting, and whether the file has a header (--no-header)".into())
    } else if msg.contains("utf-8") || msg.contains("utf8") {
        Some("if the file was saved by a Chinese spreadsheet, try --encoding gbk".into())
    } else if binary {
        Some(format!(
            "the file is not a complete {} file (cut short, or another format under this \
             name): export it again, or name its real format with --input-format",
            if ext.starts_with('p') {
                "Parquet"
            } else {
                "Arrow IPC"
            }
        ))
    } else if matches!(ext.as_str(), "ndjson" | "jsonl" | "json") {
        Some(
            "NDJSON needs one flat JSON object per line, each key a column holding one type \
             (no nested objects or arrays): export it again, or name its real format with \
             --input-format"
                .into(),
        )
    } else {
        None // Error::hint gives the general advice for a data error
    };
    Error::data(path, msg, hint)
}

/// What `candor init` needs to know about a column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnProfile {
    pub name: String,
    /// `number`, `integer`, `bool` or `text`.
    pub kind: String,
    /// Distinct non-missing values in the sample.
    pub distinct: usize,
    /// Missing values in the sample.
    pub missing: usize,
    /// Up to 8 distinct values, sorted.
    pub examples: Vec<String>,
}

/// Profiles the first `rows` rows of a table, for `candor init`.
pub fn profile(
    path: &Path,
    format: FileFormat,
    csv: &CsvOptions,
    rows: usize,
) -> Result<(Vec<ColumnProfile>, usize)> {
    encoding::hash_file(path)?;
    let decoded = match format {
        FileFormat::Csv => encoding::prepare_csv(path, &csv.encoding)?,
        _ => None,
    };
    let read_path: &Path = decoded.as_ref().map_or(path, |d| d.path());
    let df = scan(read_path, format, csv, path)?
        .limit(rows as IdxSize)
        .collect()
        .map_err(|e| polars_error(path, e))?;
    let mut out = Vec::new();
    for c in df.columns() {
        let dtype = c.dtype();
        let kind = if dtype.is_integer() {
            "integer"
        } else if dtype.is_float() {
            "number"
        } else if *dtype == DataType::Boolean {
            "bool"
        } else {
            "text"
        };
        let text = c
            .cast(&DataType::String)
            .and_then(|t| t.drop_nulls().unique())
            .map_err(|e| polars_error(path, e))?;
        let mut values: Vec<String> = text
            .str()
            .map_err(|e| polars_error(path, e))?
            .iter()
            .flatten()
            .map(str::to_string)
            .collect();
        values.sort();
        out.push(ColumnProfile {
            name: c.name().to_string(),
            kind: kind.to_string(),
            distinct: values.len(),
            missing: c.null_count(),
            examples: values.into_iter().take(8).collect(),
        });
    }
    Ok((out, df.height()))
}

/// Converts a table (any input format) to Parquet, Arrow IPC or NDJSON, chosen by the output's
/// extension (`.parquet`, `.arrow`/`.ipc`/`.feather`, `.ndjson`/`.jsonl`), for faster repeated
/// audits and the benchmark. Returns the number of rows written.
pub fn convert(input: &Path, format: FileFormat, csv: &CsvOptions, output: &Path) -> Result<u64> {
    encoding::hash_file(input)?;
    // Never written over: the input itself, or any file that exists (Candor did not make it).
    if std::fs::symlink_metadata(output).is_ok() {
        let is_input = crate::inputs::inside(output).is_some();
        return Err(Error::Write {
            path: output.to_path_buf(),
            reason: if is_input {
                "it is the table being converted".into()
            } else {
                "the file exists".into()
            },
            hint: Some("name a new file; Candor never writes over a file it did not create".into()),
        });
    }
    let out_format = output
        .extension()
        .and_then(|e| e.to_str())
        .and_then(FileFormat::from_name)
        .filter(|f| *f != FileFormat::Csv)
        .ok_or_else(|| Error::Write {
            path: output.to_path_buf(),
            reason: "unknown output format".into(),
            hint: Some("name the output .parquet, .arrow or .ndjson".into()),
        })?;
    let decoded = match format {
        FileFormat::Csv => encoding::prepare_csv(input, &csv.encoding)?,
        _ => None,
    };
    let read_path: &Path = decoded.as_ref().map_or(input, |d| d.path());
    let mut df = scan(read_path, format, csv, input)?
        .collect()
        .map_err(|e| polars_error(input, e))?;
    let werr = |e: String| Error::Write {
        path: output.to_path_buf(),
        reason: e,
        hint: None,
    };
    // Written beside the output under a temporary name, then renamed: a failed or killed
    // run leaves no half-written table under the output's name.
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = output.with_file_name(format!(".{name}.candor-tmp-{}", std::process::id()));
    let file = std::fs::File::create(&tmp).map_err(|e| werr(e.to_string()))?;
    let written = match out_format {
        FileFormat::Parquet => ParquetWriter::new(file).finish(&mut df).map(|_| ()),
        FileFormat::Ipc => IpcWriter::new(file).finish(&mut df),
        _ => JsonWriter::new(file)
            .with_json_format(JsonFormat::JsonLines)
            .finish(&mut df),
    };
    let renamed = written
        .map_err(|e| werr(first_line(&e.to_string())))
        .and_then(|()| std::fs::rename(&tmp, output).map_err(|e| werr(e.to_string())));
    if renamed.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    renamed?;
    Ok(df.height() as u64)
}

/// Reads a data dictionary CSV (`column,description[,purpose]`, header line required):
/// column -> (description, purpose).
pub fn read_dictionary(path: &Path) -> Result<Dictionary> {
    encoding::hash_file(path)?;
    encoding::prepare_csv(path, "utf-8")?;
    let csv = CsvOptions {
        delimiter: ',',
        has_header: true,
        encoding: "UTF-8".into(),
        na_values: vec!["".into()],
        float_columns: Vec::new(),
    };
    let df = scan(path, FileFormat::Csv, &csv, path)?
        .collect()
        .map_err(|e| polars_error(path, e))?;
    let text = |name: &str| -> Result<Option<Vec<Option<String>>>> {
        match df.column(name) {
            Ok(c) => {
                let t = c
                    .cast(&DataType::String)
                    .map_err(|e| polars_error(path, e))?;
                let s = t.str().map_err(|e| polars_error(path, e))?;
                Ok(Some(s.iter().map(|v| v.map(str::to_string)).collect()))
            }
            Err(_) => Ok(None),
        }
    };
    let cols = text("column")?.ok_or_else(|| {
        Error::data(
            path,
            "the data dictionary has no 'column' column",
            Some("write a header line: column,description,purpose".into()),
        )
    })?;
    let desc = text("description")?.unwrap_or_default();
    let purpose = text("purpose")?.unwrap_or_default();
    let oldest = text("oldest_record")?.unwrap_or_default();
    let label = text("label")?.unwrap_or_default();
    let label_zh = text("label_zh")?.unwrap_or_default();
    let mut out = std::collections::BTreeMap::new();
    for (i, c) in cols.into_iter().enumerate() {
        if let Some(c) = c {
            out.insert(
                c,
                DictEntry {
                    description: desc.get(i).cloned().flatten(),
                    label: label.get(i).cloned().flatten(),
                    label_zh: label_zh.get(i).cloned().flatten(),
                    purpose: purpose.get(i).cloned().flatten(),
                    oldest_record: oldest.get(i).cloned().flatten(),
                },
            );
        }
    }
    Ok(out)
}
