//! The audit description: a TOML spec file and command-line flags, resolved into one
//! validated [`AuditSpec`].
//!
//! Precedence (documented in README.md): built-in defaults < spec file < flags. Paths in a spec
//! file are relative to the spec file's folder. Unknown keys are errors that name the key and
//! the closest valid key. Validation that needs the data (do the columns exist?) happens in
//! `data`; everything that can be checked without the data is checked here, once.

mod engine;
mod keys;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub use keys::check_keys;

/// The raw spec as written in a TOML file or assembled from flags. Every field is optional so
/// that flags can override a file field by field.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SpecFile {
    #[serde(default)]
    pub data: DataSection,
    #[serde(default)]
    pub decision: DecisionSection,
    #[serde(default)]
    pub score: ScoreSection,
    #[serde(default)]
    pub label: LabelSection,
    #[serde(default)]
    pub groups: GroupsSection,
    #[serde(default)]
    pub features: FeaturesSection,
    #[serde(default)]
    pub stats: StatsSection,
    #[serde(default)]
    pub output: OutputSection,
    #[serde(default)]
    pub gates: GatesSection,
    #[serde(default)]
    pub screen: ScreenSection,
    #[serde(default)]
    pub explain: ExplainSection,
    #[serde(default)]
    pub report: ReportSection,
    #[serde(default)]
    pub privacy: PrivacySection,
    #[serde(default)]
    pub model: ModelSection,
    #[serde(default)]
    pub engine: EngineSection,
}

/// What the report's cover says about the audit, and what it may publish.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ReportSection {
    /// The name of the algorithmic system audited.
    pub system: Option<String>,
    /// The employer (or platform) that uses the system.
    pub employer: Option<String>,
    /// Who carried out the audit.
    pub auditor: Option<String>,
    /// Date of the audit, `YYYY-MM-DD`. Default: `screen.as_of` when given.
    pub audit_date: Option<String>,
    /// The period the data covers, as text (e.g. "2026-01-01 to 2026-06-30").
    pub data_period: Option<String>,
    /// Disclosure: the smallest group whose figures may be published. Groups with fewer
    /// workers have every figure withheld, in every output and in explanations. Default 5.
    pub min_published_group: Option<u64>,
}

/// Settings of `candor explain` (per-worker explanations).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ExplainSection {
    /// The algorithm's stated purpose, as the employer declares it (English).
    pub purpose: Option<String>,
    /// The same in Chinese.
    pub purpose_zh: Option<String>,
    /// Inputs a worker cannot change (age, date of birth...): never part of a counterfactual.
    pub immutable: Option<Vec<String>>,
    /// Inputs that can only grow (tenure, training completed).
    pub increase_only: Option<Vec<String>>,
    /// Inputs that can only fall.
    pub decrease_only: Option<Vec<String>>,
    /// How many of the most similar workers to compare with. Default 50.
    pub neighbours: Option<usize>,
    /// Candidate changes the counterfactual search may evaluate per worker (its bound).
    /// Default 20000.
    pub max_candidates: Option<usize>,
    /// Date of the decision, `YYYY-MM-DD`.
    pub decision_date: Option<String>,
    /// Date printed on the explanations; default the audit date.
    pub document_date: Option<String>,
    /// Whom the worker contacts at the employer.
    pub contact: Option<String>,
    pub contact_zh: Option<String>,
    /// `employer` (default) or `platform`.
    pub employer_kind: Option<String>,
    /// Facts declared about the system (policy context flags).
    pub context: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ScreenSection {
    /// Policy packs that apply, e.g. `["pipl", "cn-labour"]`. Default: all built-in packs.
    pub policy: Option<Vec<String>>,
    /// Extra policy pack files (same schema as policies/*.toml).
    pub policy_files: Option<Vec<PathBuf>>,
    /// Decision stage: recruitment, employment (default), termination, post_termination.
    pub stage: Option<String>,
    /// Data dictionary CSV with columns `column,description[,purpose]`.
    pub dictionary: Option<PathBuf>,
    /// Working days, 1 = Monday ... 7 = Sunday. Default Monday to Friday.
    pub working_days: Option<Vec<u8>>,
    /// Working hours as "HH:MM-HH:MM". Default "08:00-19:00".
    pub working_hours: Option<String>,
    /// Offset of the timestamps' local time from UTC, in minutes (480 for China). Default 0:
    /// timestamps without an offset are read as local time.
    pub utc_offset_minutes: Option<i32>,
    /// Date of the audit (`YYYY-MM-DD`) for the retention check (no check without it).
    pub as_of: Option<String>,
    /// Retention period of behavioural data, in days. Default 180 (six months).
    pub retention_days: Option<u32>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DataSection {
    /// The table to audit (CSV, Parquet, NDJSON or Arrow IPC).
    pub path: Option<PathBuf>,
    /// Overrides the format inferred from the extension.
    pub format: Option<String>,
    /// CSV field separator (one character; `\t` for tab). Default `,`.
    pub delimiter: Option<String>,
    /// Whether the CSV has a header line. Default true. Without a header, columns are named
    /// `column_1`, `column_2`, ... (by position, from 1).
    pub has_header: Option<bool>,
    /// Text encoding of a CSV file: `utf-8` (default), `gbk`, `gb18030`, or any WHATWG label.
    pub encoding: Option<String>,
    /// Cell values read as missing. Default `["", "NA", "?"]`.
    pub na_values: Option<Vec<String>>,
    /// SQL predicate restricting the population (polars SQL), e.g. `age >= 18`.
    #[serde(rename = "where")]
    pub where_: Option<String>,
    /// Column identifying the worker.
    pub id: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DecisionSection {
    /// Column holding the algorithm's decision.
    pub column: Option<String>,
    /// Value(s) counted as the positive decision.
    pub positive: Option<Vec<String>>,
    /// Value(s) counted as the negative decision (needed when more than one value is left).
    pub negative: Option<Vec<String>>,
    /// For multi-class decisions: the classes, each audited one-vs-rest.
    pub classes: Option<Vec<String>>,
    /// `positive` if the positive decision helps the worker (hired, promoted), `negative` if it
    /// harms them (flagged, dismissed). Default `positive`.
    pub favorable: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ScoreSection {
    /// Numeric column holding the algorithm's score.
    pub column: Option<String>,
    /// When set (and no decision column is given), the decision is `score >= threshold`.
    pub threshold: Option<f64>,
    /// `high` if a higher score is better for the worker, `low` otherwise. Default `high`.
    pub favorable: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LabelSection {
    /// Column holding the ground truth (what actually happened).
    pub column: Option<String>,
    /// The label value counted as positive. Default: `1`, `true` or `yes` when present.
    pub positive: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GroupsSection {
    /// Group attribute columns (sex, race, age band, hukou, ...).
    pub attributes: Option<Vec<String>>,
    /// Intersections, each a list of attributes (e.g. `[["sex", "race"]]`).
    pub intersections: Option<Vec<Vec<String>>>,
    /// Also audit every k-way intersection of the attributes up to this k (0 = off).
    pub max_k: Option<usize>,
    /// Groups smaller than this are reported as insufficient, never as parity. Default 30.
    pub min_group_size: Option<u64>,
    /// The most distinct values a group attribute may have (default 1000): more is an id or
    /// a free-text column given as a group by mistake.
    pub max_levels: Option<usize>,
    /// Reference for comparisons: `highest` (default), `largest`, `population`.
    pub reference: Option<String>,
    /// Named reference groups per attribute, e.g. `{ race = "Caucasian" }`.
    pub references: Option<std::collections::BTreeMap<String, String>>,
    /// Exclude groups below this share of the data from impact ratios (NYC LL144 allows 0.02),
    /// still disclosing their counts and rates. Default 0 (off).
    pub exclude_below_share: Option<f64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FeaturesSection {
    /// The inputs the algorithm used.
    pub columns: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct StatsSection {
    /// Confidence level of every interval. Default 0.95.
    pub confidence: Option<f64>,
    /// Significance level for verdicts, after correction. Default 0.05.
    pub alpha: Option<f64>,
    /// Multiple-comparison correction: `holm` (default) or `bh`.
    pub correction: Option<String>,
    /// Bootstrap replicates for metrics without an analytic interval. Default 2000.
    pub bootstrap: Option<usize>,
    /// Seed of every random draw. Default 20261123.
    pub seed: Option<u64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OutputSection {
    /// Output folder. Default `candor-report`.
    pub dir: Option<PathBuf>,
    /// Formats to write: any of json, csv, md, html. Default all.
    pub formats: Option<Vec<String>>,
    /// Report language: `en` or `zh`. Default `en`.
    pub lang: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GatesSection {
    /// Conditions that make `candor audit` exit with code 1, e.g. `impact_ratio<0.8`.
    pub fail_on: Option<Vec<String>>,
}

impl SpecFile {
    /// Reads and parses a TOML spec. Relative paths inside are resolved against the spec's
    /// folder.
    pub fn from_path(path: &Path) -> Result<Self> {
        crate::inputs::check_regular(path, "check the path given to --spec")?;
        let text = std::fs::read_to_string(path).map_err(|e| Error::Read {
            path: path.to_path_buf(),
            reason: e.to_string(),
            hint: Some("check the path given to --spec".into()),
        })?;
        let mut spec = Self::from_toml(&text, &path.display().to_string())?;
        let base = path.parent().unwrap_or(Path::new("."));
        if let Some(p) = spec.data.path.as_mut().filter(|p| p.is_relative()) {
            *p = base.join(&*p);
        }
        if let Some(p) = spec.output.dir.as_mut().filter(|p| p.is_relative()) {
            *p = base.join(&*p);
        }
        if let Some(p) = spec.model.file.as_mut().filter(|p| p.is_relative()) {
            *p = base.join(&*p);
        }
        if let Some(p) = spec.screen.dictionary.as_mut().filter(|p| p.is_relative()) {
            *p = base.join(&*p);
        }
        for p in spec.screen.policy_files.iter_mut().flatten() {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        }
        Ok(spec)
    }

    /// Parses TOML text; `origin` names the source in messages.
    pub fn from_toml(text: &str, origin: &str) -> Result<Self> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            let (line, col) = line_col(text, e.span().map(|s| s.start).unwrap_or(0));
            Error::spec(
                format!("{origin}:{line}:{col}"),
                format!("invalid TOML: {}", e.message()),
                Some("see docs/spec.md or run `candor init DATA` for a valid starter spec".into()),
            )
        })?;
        check_keys(&table, origin)?;
        SpecFile::deserialize(table).map_err(|e| {
            // The table has lost the positions; reading the text again gives the span of the
            // bad value, and from it the line and the key.
            let spanned = toml::from_str::<SpecFile>(text).err();
            let at = spanned.as_ref().and_then(|e| e.span()).map(|s| s.start);
            let (place, key) = match at {
                Some(at) => {
                    let (line, col) = line_col(text, at);
                    (format!("{origin}:{line}:{col}"), key_at(text, at))
                }
                None => (origin.to_string(), None),
            };
            let what = spanned.as_ref().map_or(e.message(), |s| s.message());
            let message = match key {
                Some(k) => format!("invalid value for key '{k}': {}", what.trim()),
                None => format!("invalid value: {}", what.trim()),
            };
            Error::spec(
                place,
                message,
                Some("see docs/spec.md for the type of each key".into()),
            )
        })
    }

    /// Overlays `other` on `self`: every field set in `other` wins.
    pub fn overlay(mut self, other: SpecFile) -> SpecFile {
        macro_rules! take {
            ($($sec:ident . $field:ident),* $(,)?) => {
                $( if other.$sec.$field.is_some() { self.$sec.$field = other.$sec.$field; } )*
            };
        }
        take!(
            data.path,
            data.format,
            data.delimiter,
            data.has_header,
            data.encoding,
            data.na_values,
            data.where_,
            data.id,
            decision.column,
            decision.positive,
            decision.negative,
            decision.classes,
            decision.favorable,
            score.column,
            score.threshold,
            score.favorable,
            label.column,
            label.positive,
            groups.attributes,
            groups.intersections,
            groups.max_k,
            groups.min_group_size,
            groups.max_levels,
            groups.reference,
            groups.references,
            groups.exclude_below_share,
            features.columns,
            stats.confidence,
            stats.alpha,
            stats.correction,
            stats.bootstrap,
            stats.seed,
            output.dir,
            output.formats,
            engine.kind,
            engine.remote,
            engine.table,
            engine.sample_rows,
            output.lang,
            gates.fail_on,
            screen.policy,
            screen.policy_files,
            screen.stage,
            screen.dictionary,
            screen.working_days,
            screen.working_hours,
            screen.utc_offset_minutes,
            screen.as_of,
            screen.retention_days,
            explain.purpose,
            explain.purpose_zh,
            explain.immutable,
            explain.increase_only,
            explain.decrease_only,
            explain.neighbours,
            explain.max_candidates,
            explain.decision_date,
            explain.document_date,
            explain.contact,
            explain.contact_zh,
            explain.employer_kind,
            explain.context,
            report.system,
            report.employer,
            report.auditor,
            report.audit_date,
            report.data_period,
            report.min_published_group,
            privacy.quasi_identifiers,
            privacy.sensitive,
            privacy.min_k,
            model.file,
            model.inputs,
            model.mapping,
            model.output,
            model.positive_class,
            model.threshold,
            model.tolerance,
            model.score_tolerance,
            model.neutral,
        );
        self
    }

    /// Validates everything that can be checked without the data.
    pub fn check(self) -> Result<AuditSpec> {
        resolve::check(self, true)
    }

    /// Validates a spec for `candor explain`: the audit spec and the explanation settings.
    pub fn check_explain(self) -> Result<(AuditSpec, ExplainSpec)> {
        let self_ = self.normalised();
        let settings = explain::check(&self_.explain, self_.features.columns.as_deref())?;
        Ok((resolve::check(self_, true)?, settings))
    }

    /// The spec with every column name (and the `--where` text) in Unicode NFC, the form the
    /// table's header names are read in: `é` typed as one code point matches `e` + combining
    /// accent in the file, and the other way round. ASCII names are unchanged.
    pub(crate) fn normalised(mut self) -> SpecFile {
        use unicode_normalization::UnicodeNormalization;
        let one = |s: &mut String| {
            if !s.is_ascii() {
                *s = s.nfc().collect();
            }
        };
        let all = |v: &mut Vec<String>| v.iter_mut().for_each(one);
        self.decision.column.iter_mut().for_each(one);
        self.score.column.iter_mut().for_each(one);
        self.label.column.iter_mut().for_each(one);
        self.data.id.iter_mut().for_each(one);
        self.data.where_.iter_mut().for_each(one);
        self.groups.attributes.iter_mut().for_each(all);
        for parts in self.groups.intersections.iter_mut().flatten() {
            all(parts);
        }
        if let Some(r) = self.groups.references.take() {
            self.groups.references = Some(
                r.into_iter()
                    .map(|(mut k, v)| {
                        one(&mut k);
                        (k, v)
                    })
                    .collect(),
            );
        }
        self.features.columns.iter_mut().for_each(all);
        self.explain.immutable.iter_mut().for_each(all);
        self.explain.increase_only.iter_mut().for_each(all);
        self.explain.decrease_only.iter_mut().for_each(all);
        self.privacy.quasi_identifiers.iter_mut().for_each(all);
        self.privacy.sensitive.iter_mut().for_each(all);
        self
    }

    /// Validates a spec for `candor screen`, where the decision is optional.
    pub fn check_screen(self) -> Result<AuditSpec> {
        resolve::check(self, false)
    }
}

/// The dotted key whose value starts at byte `at` of a TOML text: the last `[table]` header
/// before it and the key on its line (None when the line holds no `key =`).
fn key_at(text: &str, at: usize) -> Option<String> {
    let before = text.get(..at)?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = text.get(line_start..)?.lines().next()?;
    let key = line.split('=').next()?.trim().trim_matches('"');
    if key.is_empty() || !line.contains('=') {
        return None;
    }
    let table = before[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('[') && !l.starts_with("[["))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_string());
    Some(match table {
        Some(t) if !t.is_empty() => format!("{t}.{key}"),
        _ => key.to_string(),
    })
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

mod explain;
mod model;
mod privacy;
mod resolve;
mod types;

pub use engine::{EngineSection, EngineSpec, SparkOptions, check as check_engine};
pub use model::{ModelOutput, ModelSection, ModelSpec, Neutral, check as check_model};
pub use privacy::{PrivacySection, PrivacySpec};

pub use explain::ExplainSpec;

pub use resolve::check_source;
pub use types::{
    AuditSpec, CsvOptions, DataSpec, DecisionSpec, FileFormat, Gate, GateOp, LabelSpec,
    OutputFormat, ReferenceRule, ReportSpec, ScoreSpec, ScreenSpec, StatsSpec,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_type_names_key_and_line() {
        let text =
            "[decision]\ncolumn = \"d\"\n\n[groups]\nattributes = [\"sex\"]\nmax_k = \"two\"\n";
        let err = SpecFile::from_toml(text, "a.toml").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("a.toml:6:9: "), "{msg}");
        assert!(msg.contains("key 'groups.max_k'"), "{msg}");
        assert!(msg.contains("string"), "{msg}");
    }

    #[test]
    fn unknown_key_names_closest() {
        let err = SpecFile::from_toml("[decision]\ncolum = \"x\"\n", "a.toml").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("unknown key 'decision.colum'"), "{msg}");
        assert_eq!(err.hint(), Some("did you mean 'column'?"));
    }

    #[test]
    fn unknown_section_names_closest() {
        let err = SpecFile::from_toml("[grups]\nattributes = [\"a\"]\n", "a.toml").unwrap_err();
        assert!(err.to_string().contains("unknown section 'grups'"));
        assert_eq!(err.hint(), Some("did you mean 'groups'?"));
    }

    #[test]
    fn invalid_toml_names_line() {
        let err = SpecFile::from_toml("[data]\npath = \n", "s.toml").unwrap_err();
        assert!(err.to_string().starts_with("s.toml:2:"), "{err}");
        assert!(err.to_string().contains("invalid TOML"));
    }

    #[test]
    fn flags_override_file() {
        let file = SpecFile::from_toml(
            "[decision]\ncolumn = \"a\"\npositive = [\"1\"]\n[groups]\nattributes = [\"sex\"]\n",
            "f",
        )
        .unwrap();
        let mut flags = SpecFile::default();
        flags.decision.column = Some("b".into());
        let merged = file.overlay(flags);
        assert_eq!(merged.decision.column.as_deref(), Some("b"));
        assert_eq!(merged.decision.positive, Some(vec!["1".to_string()]));
        assert_eq!(merged.groups.attributes, Some(vec!["sex".to_string()]));
    }

    #[test]
    fn wrong_type_is_error() {
        let err = SpecFile::from_toml("[stats]\nseed = \"x\"\n", "f").unwrap_err();
        assert!(err.to_string().contains("invalid value"), "{err}");
    }
}
