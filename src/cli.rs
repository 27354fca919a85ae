//! Command-line definitions (clap derive only). Turned into a spec by [`AuditArgs::to_spec`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::spec::SpecFile;

/// Candor audits the decisions algorithms make about workers: disparity across groups,
/// prohibited inputs, and reports a review body can publish.
#[derive(Debug, Parser)]
#[command(name = "candor", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// No progress output on stderr.
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Audit a table of decisions: disparity by group, with intervals and tests, and
    /// prohibited-input screening of the features.
    ///
    /// Exit codes: 0 the audit ran; 1 a --fail-on gate was breached; 2 error.
    Audit(AuditArgs),
    /// Screen a table's inputs for prohibited data and proxies, without a decision (names,
    /// content and proxy layers; the use layer runs too when a decision or score is given).
    Screen(AuditArgs),
    /// Explain decisions to the workers they concern: one document per worker (JSON, Markdown,
    /// printable HTML) with the data used, the main factors, prohibited inputs, what would have
    /// changed the outcome, similar workers, group figures, rights and provenance.
    Explain(ExplainArgs),
    /// Inspect a table and print a commented starter spec proposing roles for its columns.
    Init(InitArgs),
    /// Write the synthetic demo datasets (seeded, reproducible).
    Synth(SynthArgs),
    /// Run the demo: audit every spec in datasets/ and write the reports to reports/.
    Demo(DemoArgs),
    /// Convert a table to Parquet, Arrow IPC or NDJSON (by the output's extension).
    Convert(ConvertArgs),
    /// Print the SQL query that computes the audit's finest cells where the data lives; run it
    /// in your engine and give its result to `candor audit --cells`.
    Sql(SqlArgs),
}

/// Where the audit's statistics are computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum EngineArg {
    /// Polars in this process, on the data file.
    #[default]
    Embedded,
    /// Apache Spark, through Spark Connect.
    Spark,
}

#[derive(Debug, Args)]
pub struct SqlArgs {
    /// The audit spec (TOML) describing the decision, score, label and groups.
    #[arg(long)]
    pub spec: PathBuf,
    /// The table to read, written as the engine expects it (e.g. `hr.decisions`, or a table
    /// function such as `read_csv('decisions.csv')` in DuckDB).
    #[arg(long)]
    pub table: String,
    /// The SQL dialect: how column names are quoted.
    #[arg(long, value_enum)]
    pub dialect: crate::data::sql::Dialect,
}

#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// The input table.
    pub input: PathBuf,
    /// The file to write: .parquet, .arrow or .ndjson.
    pub output: PathBuf,
    /// CSV field separator.
    #[arg(long)]
    pub delimiter: Option<String>,
    /// Text encoding of the CSV.
    #[arg(long)]
    pub encoding: Option<String>,
}

#[derive(Debug, Args, Default)]
pub struct AuditArgs {
    /// The table to audit (CSV, Parquet, NDJSON or Arrow IPC). Optional with --spec.
    pub data: Option<PathBuf>,
    /// Audit spec (TOML); flags given on the command line override its keys.
    #[arg(long)]
    pub spec: Option<PathBuf>,
    /// Column holding the algorithm's decision.
    #[arg(long)]
    pub decision: Option<String>,
    /// Decision value(s) counted as positive (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub positive: Vec<String>,
    /// Decision value(s) counted as negative (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub negative: Vec<String>,
    /// Multi-class decision: the classes, each audited one-vs-rest (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub classes: Vec<String>,
    /// Whether the positive decision helps the worker (positive) or harms them (negative).
    #[arg(long, value_parser = ["positive", "negative"])]
    pub favorable: Option<String>,
    /// Column holding the algorithm's score.
    #[arg(long)]
    pub score: Option<String>,
    /// Score threshold: score >= T is the positive decision (when no --decision is given).
    #[arg(long)]
    pub threshold: Option<f64>,
    /// Whether a high or a low score is better for the worker.
    #[arg(long, value_parser = ["high", "low"])]
    pub score_favorable: Option<String>,
    /// Column holding the ground truth.
    #[arg(long)]
    pub label: Option<String>,
    /// Label value counted as positive.
    #[arg(long)]
    pub label_positive: Option<String>,
    /// Group attribute column (repeat for several).
    #[arg(long = "group")]
    pub groups: Vec<String>,
    /// Intersection of attributes, e.g. sex,race (repeat for several).
    #[arg(long = "intersect")]
    pub intersect: Vec<String>,
    /// Also audit all k-way intersections up to K (at most 4).
    #[arg(long)]
    pub max_k: Option<usize>,
    /// The most distinct values a group attribute may have (default 1000).
    #[arg(long)]
    pub max_levels: Option<usize>,
    /// The inputs the algorithm used (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub features: Vec<String>,
    /// Column identifying the worker.
    #[arg(long)]
    pub id: Option<String>,
    /// Audit from a cells table (CSV or Parquet) that the query `candor sql` prints computed
    /// in another engine, instead of reading the data file; the spec describes the data.
    #[arg(long, conflicts_with = "data")]
    pub cells: Option<PathBuf>,
    /// Where the statistics are computed: `embedded` (this process, on the data file) or
    /// `spark` (Apache Spark through Spark Connect: needs --remote and --table, and a Candor
    /// built with `--features spark`).
    #[arg(long, value_enum, conflicts_with = "cells")]
    pub engine: Option<EngineArg>,
    /// The Spark Connect server, e.g. sc://127.0.0.1:15002 (with --engine spark).
    #[arg(long)]
    pub remote: Option<String>,
    /// The table on the engine, as its SQL names it, e.g. hr.decisions (with --engine spark).
    #[arg(long)]
    pub table: Option<String>,
    /// Rows fetched from the engine for screening at most: all rows when the table holds no
    /// more, otherwise a seeded sample of about this many (default 1000000; the metrics
    /// always use every row).
    #[arg(long)]
    pub sample_rows: Option<u64>,
    /// SQL predicate restricting the population, e.g. "age >= 18".
    #[arg(long = "where")]
    pub where_: Option<String>,
    /// Output folder.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Output formats (comma-separated): json, csv, md, html.
    #[arg(long, value_delimiter = ',', value_parser = ["json", "csv", "md", "html"])]
    pub format: Vec<String>,
    /// Report language: en or zh.
    #[arg(long, value_parser = ["en", "zh"])]
    pub lang: Option<String>,
    /// Input format, overriding the extension: csv, parquet, ndjson, ipc.
    #[arg(long, value_parser = ["csv", "tsv", "parquet", "ndjson", "jsonl", "ipc", "arrow", "feather"])]
    pub input_format: Option<String>,
    /// CSV field separator (one character; \t for tab).
    #[arg(long)]
    pub delimiter: Option<String>,
    /// The CSV has no header line: columns are named column_1, column_2, ...
    #[arg(long)]
    pub no_header: bool,
    /// Text encoding of the CSV: utf-8 (default), gbk, gb18030, ...
    #[arg(long)]
    pub encoding: Option<String>,
    /// Cell values read as missing (comma-separated; default "",NA,?).
    #[arg(long, value_delimiter = ',')]
    pub na: Vec<String>,
    /// Groups smaller than this are "small": figures published with exact tests, never the
    /// reference group (default 30).
    #[arg(long)]
    pub min_group_size: Option<u64>,
    /// Disclosure: groups with fewer workers have every figure withheld, in every output and
    /// in explanations (default 5).
    #[arg(long)]
    pub min_published_group: Option<u64>,
    /// Confidence level of every interval (default 0.95).
    #[arg(long)]
    pub confidence: Option<f64>,
    /// Significance level of the verdicts, after correction (default 0.05).
    #[arg(long)]
    pub alpha: Option<f64>,
    /// The name of the algorithmic system audited (printed on the report's cover).
    #[arg(long)]
    pub system: Option<String>,
    /// The employer or platform that uses the system (cover).
    #[arg(long)]
    pub employer: Option<String>,
    /// Who carried out the audit (cover).
    #[arg(long)]
    pub auditor: Option<String>,
    /// Date of the audit, YYYY-MM-DD (cover; default --as-of).
    #[arg(long)]
    pub audit_date: Option<String>,
    /// The period the data covers, as text (cover).
    #[arg(long)]
    pub data_period: Option<String>,
    /// Reference for comparisons: highest, largest or population.
    #[arg(long, value_parser = ["highest", "largest", "population"])]
    pub reference: Option<String>,
    /// A named reference group for one attribute, e.g. race=Caucasian (repeat).
    #[arg(long = "reference-group")]
    pub reference_group: Vec<String>,
    /// Exclude groups under this share from impact ratios (LL144 allows 0.02).
    #[arg(long)]
    pub exclude_below_share: Option<f64>,
    /// Bootstrap replicates (default 2000).
    #[arg(long)]
    pub bootstrap: Option<usize>,
    /// Seed of every random draw.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Multiple-comparison correction: holm or bh.
    #[arg(long, value_parser = ["holm", "bh"])]
    pub correction: Option<String>,
    /// Exit with code 1 when any group meets this condition, e.g. "impact_ratio<0.8" (repeat).
    #[arg(long = "fail-on")]
    pub fail_on: Vec<String>,
    /// Policy packs that apply (comma-separated), e.g. pipl,cn-labour,gdpr. Default: all.
    #[arg(long, value_delimiter = ',')]
    pub policy: Vec<String>,
    /// An extra policy pack file (repeat).
    #[arg(long = "policy-file")]
    pub policy_file: Vec<PathBuf>,
    /// Decision stage: recruitment, employment, termination, post_termination.
    #[arg(long, value_parser = ["recruitment", "employment", "termination", "post_termination"])]
    pub stage: Option<String>,
    /// Data dictionary CSV: column,description[,purpose].
    #[arg(long)]
    pub dictionary: Option<PathBuf>,
    /// Working hours for the off-hours check, "HH:MM-HH:MM" (default 08:00-19:00, Monday-Friday).
    #[arg(long)]
    pub working_hours: Option<String>,
    /// Minutes between the timestamps' local time and UTC (e.g. 480 for China).
    #[arg(long)]
    pub utc_offset: Option<i32>,
    /// Date of the audit (YYYY-MM-DD), for the retention check against the dictionary's
    /// oldest_record dates.
    #[arg(long)]
    pub as_of: Option<String>,
    /// Retention period of behavioural data in days (default 180).
    #[arg(long)]
    pub retention_days: Option<u32>,
    /// The model that made the decisions, as an ONNX file: it is checked against the table
    /// and probed (flip tests, exact explanations). Needs ONNX Runtime (docs/model.md).
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// For a model with one 2-D input: the table's columns in the model's order (a,b,c).
    #[arg(long, value_delimiter = ',')]
    pub model_inputs: Vec<String>,
    /// Which model output is the decision: label, probability (of the positive class), score.
    #[arg(long, value_parser = ["label", "probability", "score"])]
    pub model_output: Option<String>,
}

fn some_vec(v: &[String]) -> Option<Vec<String>> {
    (!v.is_empty()).then(|| v.to_vec())
}

impl AuditArgs {
    /// The flags as a spec overlay (only what was given).
    pub fn to_spec(&self) -> Result<SpecFile, crate::error::Error> {
        let mut s = SpecFile::default();
        s.data.path = self.data.clone();
        s.data.format = self.input_format.clone();
        s.data.delimiter = self.delimiter.clone();
        s.data.has_header = self.no_header.then_some(false);
        s.data.encoding = self.encoding.clone();
        s.data.na_values = some_vec(&self.na);
        s.data.where_ = self.where_.clone();
        s.data.id = self.id.clone();
        s.engine.kind = self.engine.map(|e| match e {
            EngineArg::Embedded => "embedded".to_string(),
            EngineArg::Spark => "spark".to_string(),
        });
        s.engine.remote = self.remote.clone();
        s.engine.table = self.table.clone();
        s.engine.sample_rows = self.sample_rows;
        s.decision.column = self.decision.clone();
        s.decision.positive = some_vec(&self.positive);
        s.decision.negative = some_vec(&self.negative);
        s.decision.classes = some_vec(&self.classes);
        s.decision.favorable = self.favorable.clone();
        s.score.column = self.score.clone();
        s.score.threshold = self.threshold;
        s.score.favorable = self.score_favorable.clone();
        s.label.column = self.label.clone();
        s.label.positive = self.label_positive.clone();
        s.groups.attributes = some_vec(&self.groups);
        if !self.intersect.is_empty() {
            s.groups.intersections = Some(
                self.intersect
                    .iter()
                    .map(|i| i.split(',').map(|p| p.trim().to_string()).collect())
                    .collect(),
            );
        }
        s.groups.max_k = self.max_k;
        s.groups.max_levels = self.max_levels;
        s.groups.min_group_size = self.min_group_size;
        s.groups.reference = self.reference.clone();
        if !self.reference_group.is_empty() {
            let mut m = std::collections::BTreeMap::new();
            for r in &self.reference_group {
                let Some((a, g)) = r.split_once('=') else {
                    return Err(crate::error::Error::spec(
                        "--reference-group",
                        format!("'{r}' is not ATTRIBUTE=GROUP"),
                        Some("write e.g. --reference-group race=Caucasian".into()),
                    ));
                };
                m.insert(a.trim().to_string(), g.trim().to_string());
            }
            s.groups.references = Some(m);
        }
        s.groups.exclude_below_share = self.exclude_below_share;
        s.features.columns = some_vec(&self.features);
        s.stats.bootstrap = self.bootstrap;
        s.stats.confidence = self.confidence;
        s.stats.alpha = self.alpha;
        s.report.system = self.system.clone();
        s.report.employer = self.employer.clone();
        s.report.auditor = self.auditor.clone();
        s.report.audit_date = self.audit_date.clone();
        s.report.data_period = self.data_period.clone();
        s.report.min_published_group = self.min_published_group;
        s.stats.seed = self.seed;
        s.stats.correction = self.correction.clone();
        s.output.dir = self.out.clone();
        s.output.formats = some_vec(&self.format);
        s.output.lang = self.lang.clone();
        s.gates.fail_on = some_vec(&self.fail_on);
        s.screen.policy = some_vec(&self.policy);
        s.screen.policy_files = (!self.policy_file.is_empty()).then(|| self.policy_file.clone());
        s.screen.stage = self.stage.clone();
        s.screen.dictionary = self.dictionary.clone();
        s.screen.working_hours = self.working_hours.clone();
        s.screen.utc_offset_minutes = self.utc_offset;
        s.screen.as_of = self.as_of.clone();
        s.screen.retention_days = self.retention_days;
        s.model.file = self.model.clone();
        s.model.inputs = some_vec(&self.model_inputs);
        s.model.output = self.model_output.clone();
        Ok(s)
    }
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    #[command(flatten)]
    pub audit: AuditArgs,
    /// The worker to explain, by the id column's value (repeat for several).
    #[arg(long)]
    pub subject: Vec<String>,
    /// A file of worker ids, one per line.
    #[arg(long)]
    pub subjects: Option<PathBuf>,
    /// Explain every worker (with --adverse: every worker with an adverse outcome).
    #[arg(long, conflicts_with_all = ["subject", "subjects"])]
    pub all: bool,
    /// With --all: only the workers whose outcome harms them.
    #[arg(long)]
    pub adverse: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The table to inspect.
    pub data: PathBuf,
    /// Write the spec to this file instead of standard output (refuses to overwrite).
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// CSV field separator.
    #[arg(long)]
    pub delimiter: Option<String>,
    /// Text encoding of the CSV.
    #[arg(long)]
    pub encoding: Option<String>,
}

#[derive(Debug, Args)]
pub struct SynthArgs {
    /// Output folder.
    #[arg(long, default_value = "datasets")]
    pub out: PathBuf,
    /// Which dataset: warehouse, attrition, couriers or all.
    #[arg(long, default_value = "all", value_parser = ["warehouse", "attrition", "couriers", "all"])]
    pub dataset: String,
    /// Rows (default: 20000 warehouse, 10000 attrition, 8000 couriers).
    #[arg(long)]
    pub rows: Option<usize>,
    /// Seed.
    #[arg(long, default_value_t = 20261123)]
    pub seed: u64,
    /// Column-name language: en, zh or both.
    #[arg(long, default_value = "both", value_parser = ["en", "zh", "both"])]
    pub lang: String,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Folder holding the demo specs (*.toml) and data.
    #[arg(long, default_value = "datasets")]
    pub datasets: PathBuf,
    /// Folder to write the reports to (one subfolder per spec).
    #[arg(long, default_value = "reports")]
    pub out: PathBuf,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
