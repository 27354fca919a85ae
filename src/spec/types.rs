//! The validated audit description every later stage takes: `AuditSpec` and its parts.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use crate::codes::Metric;
use crate::error::{Error, Result, did_you_mean};
use crate::i18n::Lang;

/// Input file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileFormat {
    Csv,
    Parquet,
    Ndjson,
    Ipc,
}

impl FileFormat {
    pub(super) const NAMES: [&'static str; 8] = [
        "csv", "tsv", "parquet", "ndjson", "jsonl", "ipc", "arrow", "feather",
    ];

    /// From a format name or file extension.
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "csv" | "tsv" | "txt" => Some(Self::Csv),
            "parquet" | "pq" => Some(Self::Parquet),
            "ndjson" | "jsonl" | "json" => Some(Self::Ndjson),
            "ipc" | "arrow" | "feather" => Some(Self::Ipc),
            _ => None,
        }
    }
}

/// CSV reading options.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CsvOptions {
    pub delimiter: char,
    pub has_header: bool,
    /// WHATWG name of the encoding (`UTF-8`, `GBK`, `gb18030`, ...).
    pub encoding: String,
    pub na_values: Vec<String>,
    /// Columns read as floating-point numbers whatever their inferred type: set by the data
    /// layer when a column of whole numbers holds one beyond 64 bits. Not part of the spec.
    #[serde(skip)]
    pub float_columns: Vec<String>,
}

/// Where the data comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DataSpec {
    pub path: PathBuf,
    pub format: FileFormat,
    pub csv: CsvOptions,
    #[serde(rename = "where")]
    pub where_: Option<String>,
    pub id: Option<String>,
}

/// How the decision is read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionSpec {
    /// None when the decision is derived from the score and threshold.
    pub column: Option<String>,
    pub positive: Vec<String>,
    pub negative: Vec<String>,
    /// Non-empty for a multi-class decision (each class audited one-vs-rest).
    pub classes: Vec<String>,
    /// True when the positive decision helps the worker.
    pub positive_is_favorable: bool,
}

/// The score, if any.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreSpec {
    pub column: String,
    pub threshold: Option<f64>,
    pub higher_is_favorable: bool,
}

/// The ground truth, if any.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelSpec {
    pub column: String,
    pub positive: Option<String>,
}

/// Which group a comparison is made against.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReferenceRule {
    /// The group with the highest favorable rate (the four-fifths rule, NYC LL144).
    Highest,
    /// The largest group.
    Largest,
    /// The whole population of the audit.
    Population,
}

/// Statistical settings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatsSpec {
    pub confidence: f64,
    pub alpha: f64,
    /// `holm` or `bh`.
    pub correction: String,
    pub bootstrap: usize,
    pub seed: u64,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    Json,
    Csv,
    Md,
    Html,
}

/// Comparison operators in `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum GateOp {
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = ">=")]
    Ge,
}

/// A condition that fails the audit (exit code 1) when any group's metric meets it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gate {
    pub metric: Metric,
    pub op: GateOp,
    pub value: f64,
}

impl Gate {
    /// True when `x` breaches the gate.
    pub fn breached_by(&self, x: f64) -> bool {
        match self.op {
            GateOp::Lt => x < self.value,
            GateOp::Le => x <= self.value,
            GateOp::Gt => x > self.value,
            GateOp::Ge => x >= self.value,
        }
    }

    pub(super) fn parse(text: &str) -> Result<Gate> {
        let t = text.trim();
        let ops = [
            ("<=", GateOp::Le),
            (">=", GateOp::Ge),
            ("<", GateOp::Lt),
            (">", GateOp::Gt),
        ];
        for (sym, op) in ops {
            if let Some((m, v)) = t.split_once(sym) {
                let value: f64 = v.trim().parse().map_err(|_| {
                    Error::spec(
                        "--fail-on",
                        format!("'{text}': '{}' is not a number", v.trim()),
                        Some("write a condition such as impact_ratio<0.8".into()),
                    )
                })?;
                let name = m.trim();
                let metric: Metric = name.parse().map_err(|_| {
                    Error::spec(
                        "--fail-on (gates.fail_on)",
                        format!("'{text}': '{name}' is not a metric"),
                        did_you_mean(name, Metric::ALL.iter().map(|m| m.as_str())).or_else(
                            || Some("metrics are listed in docs/metrics.md, e.g. impact_ratio, adverse_rate_ratio".into()),
                        ),
                    )
                })?;
                if !value.is_finite() {
                    return Err(Error::spec(
                        "--fail-on (gates.fail_on)",
                        format!("'{text}': the threshold is not a finite number"),
                        Some("write a condition such as impact_ratio<0.8".into()),
                    ));
                }
                return Ok(Gate { metric, op, value });
            }
        }
        Err(Error::spec(
            "--fail-on",
            format!("'{text}' has no comparison (<, <=, >, >=)"),
            Some("write a condition such as impact_ratio<0.8".into()),
        ))
    }
}

/// The validated audit description every later stage takes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditSpec {
    pub data: DataSpec,
    pub decision: DecisionSpec,
    pub score: Option<ScoreSpec>,
    pub label: Option<LabelSpec>,
    pub attributes: Vec<String>,
    pub intersections: Vec<Vec<String>>,
    pub max_k: usize,
    pub min_group_size: u64,
    /// The most distinct values a group attribute may have.
    pub max_levels: usize,
    pub reference: ReferenceRule,
    pub references: BTreeMap<String, String>,
    pub exclude_below_share: f64,
    pub features: Vec<String>,
    pub stats: StatsSpec,
    /// Where the outputs go: not part of the audit's description, so not serialised (the same
    /// audit written to two folders has the same spec hash and byte-identical files).
    #[serde(skip_serializing)]
    pub output_dir: PathBuf,
    pub formats: Vec<OutputFormat>,
    /// Report language (`output.lang`, `--lang`): serialised as `en` or `zh`.
    pub lang: Lang,
    pub gates: Vec<Gate>,
    pub screen: ScreenSpec,
    pub report: ReportSpec,
    pub privacy: super::PrivacySpec,
    /// The model handed over (`[model]`, `--model`), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<super::ModelSpec>,
}

/// What the report's cover says, and the disclosure setting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportSpec {
    pub system: Option<String>,
    pub employer: Option<String>,
    pub auditor: Option<String>,
    /// `YYYY-MM-DD`; `screen.as_of` when not given.
    pub audit_date: Option<String>,
    pub data_period: Option<String>,
    /// Groups with fewer workers have every figure withheld. At least 1.
    pub min_published_group: u64,
    /// The algorithm's purpose as the employer states it (`explain.purpose`, `purpose_zh`).
    pub purpose: Option<String>,
    pub purpose_zh: Option<String>,
}

/// Screening settings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScreenSpec {
    /// Pack ids; empty = every built-in pack.
    pub policy: Vec<String>,
    pub policy_files: Vec<PathBuf>,
    pub stage: crate::codes::Stage,
    pub dictionary: Option<PathBuf>,
    /// The contracted working schedule, for the off-hours checks.
    pub hours: crate::dates::WorkingHours,
    pub as_of: Option<String>,
    pub retention_days: u32,
}
