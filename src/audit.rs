//! The audit: load -> aggregate -> metrics -> findings, and the document every renderer takes.

use serde::Serialize;

use std::collections::BTreeMap;

use crate::codes::{FindingKind, Severity};
use crate::data::{self, DecisionValues, Engine, EngineKind, LabelValues, SourceInfo};
use crate::error::{Error, Result, did_you_mean};
use crate::findings::{self, Finding, FindingParams};
use crate::metrics::score_tables::{self, ScoreTables};
use crate::metrics::{self, GroupInfo, Metric, MetricParams, MetricRow, ll144::Ll144};
use crate::screen::content::WorkingHours;
use crate::screen::policy::{self, PolicyError, Stage};
use crate::screen::protection::{self, DataProtection, ProtectionFinding, ProtectionInput};
use crate::screen::run::{InputFinding, Screen, ScreenInput};
use crate::screen::usage::UseTarget;
use crate::spec::{AuditSpec, Gate};
use crate::stats::Aggregates;

/// Where the numbers come from, so anyone can check a report against its data.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Provenance {
    pub candor_version: String,
    /// SHA-256 of the resolved spec (its canonical JSON form).
    pub spec_sha256: String,
    pub seed: u64,
    pub inputs: Vec<SourceInfo>,
    /// The engine that computed the statistics, when it is not the embedded one (`cells`: a
    /// cells table computed elsewhere, given with `--cells`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engine: Option<EngineKind>,
    /// Parts of the audit not run because the engine holds no rows, as codes (`screening`:
    /// the features were not screened).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_run: Vec<String>,
    /// The rows screening read, of the rows audited, when an engine fetched them (Spark: all
    /// rows up to `--sample-rows`, else a seeded sample); the metrics always use every row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows_screened: Option<RowsScreened>,
}

/// The rows screening read (`rows`) of the rows in the table (`of`).
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct RowsScreened {
    pub rows: u64,
    pub of: u64,
}

/// A gate given with `--fail-on` and whether the audit breached it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct GateResult {
    pub gate: Gate,
    pub breached: bool,
    /// The groups that breached it, as "attribute = group (value)".
    pub by: Vec<String>,
}

/// A finding of either kind, as listed in audit.json `findings` (both carry a `kind`).
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(untagged)]
pub enum AnyFinding {
    Disparity(Box<Finding>),
    Input(Box<InputFinding>),
    Protection(Box<ProtectionFinding>),
}

impl AnyFinding {
    pub fn kind(&self) -> FindingKind {
        match self {
            AnyFinding::Disparity(f) => f.kind,
            AnyFinding::Input(f) => {
                FindingKind::from_code(&f.kind).unwrap_or(FindingKind::ProhibitedInput)
            }
            AnyFinding::Protection(f) => f.kind,
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            AnyFinding::Disparity(f) => f.severity,
            AnyFinding::Input(f) => f.severity.parse().unwrap_or(Severity::Review),
            AnyFinding::Protection(f) => f.severity,
        }
    }

    /// Order within a severity, higher first: an input the algorithm relies on, then
    /// disparities (largest gap first), then inputs not tested and data-protection findings,
    /// then inputs present but unused.
    fn class(&self) -> u8 {
        match self {
            AnyFinding::Input(f) => match f.used {
                Some(true) => 3,
                None => 1,
                Some(false) => 0,
            },
            AnyFinding::Disparity(_) => 2,
            AnyFinding::Protection(_) => 1,
        }
    }
}

/// The audit document: what audit.json holds and every report renders.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Audit {
    pub provenance: Provenance,
    #[serde(serialize_with = "serialize_portable")]
    pub spec: AuditSpec,
    pub decision: DecisionValues,
    pub label: Option<LabelValues>,
    pub groups: Vec<GroupInfo>,
    pub metrics: Vec<MetricRow>,
    /// Per attribute, each group's score quantiles, distribution points and calibration bins
    /// (for the score charts); empty without a score.
    pub score_tables: Vec<ScoreTables>,
    /// The median score of the audited sample (the cut of the scoring rates).
    pub score_median: Option<f64>,
    pub ll144: Option<Ll144>,
    /// Worst first, both kinds.
    pub findings: Vec<AnyFinding>,
    /// The screening of the features (prohibited inputs and proxies), when features are given.
    pub screen: Option<Screen>,
    /// The data-protection review of the table (identifiability, the class of every column,
    /// minimisation), when features are given.
    pub protection: Option<DataProtection>,
    pub gates: Vec<GateResult>,
    /// The model handed over, checked against the table and probed (`--model`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<crate::model::Probe>,
}

impl Audit {
    /// True when any `--fail-on` gate was breached (exit code 1).
    pub fn gate_breached(&self) -> bool {
        self.gates.iter().any(|g| g.breached)
    }
}

/// SHA-256 of the spec's canonical JSON, independent of where the files lie: the data file
/// enters by its name (its content has its own hash in the provenance), the output folder not
/// at all, the dictionary and extra policy packs by the SHA-256 of their content. The same spec
/// and data in another folder or on another machine give the same hash.
pub fn spec_hash(spec: &AuditSpec) -> String {
    let json = serde_json::to_vec(&portable(spec)).unwrap_or_default();
    crate::data::sha256_hex(&json)
}

/// The spec as published: no path of the machine it ran on (see [`spec_hash`]).
pub fn portable(spec: &AuditSpec) -> AuditSpec {
    let mut s = spec.clone();
    let name =
        |p: &std::path::Path| std::path::PathBuf::from(p.file_name().unwrap_or(p.as_os_str()));
    let content = |p: &std::path::Path| match std::fs::read(p) {
        Ok(bytes) => std::path::PathBuf::from(crate::data::sha256_hex(&bytes)),
        Err(_) => name(p),
    };
    s.data.path = name(&s.data.path);
    s.output_dir = std::path::PathBuf::new();
    s.screen.dictionary = s.screen.dictionary.as_deref().map(content);
    s.screen.policy_files = s.screen.policy_files.iter().map(|p| content(p)).collect();
    if let Some(m) = s.model.as_mut() {
        m.file = content(&m.file);
    }
    s
}

fn serialize_portable<S: serde::Serializer>(
    spec: &AuditSpec,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&portable(spec), s)
}

/// The slices to aggregate: each attribute, each declared intersection, the k-way
/// intersections up to `max_k`, and sex x race for the LL144 tables.
pub fn slices(spec: &AuditSpec) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = spec.attributes.iter().map(|a| vec![a.clone()]).collect();
    let add = |parts: Vec<String>, out: &mut Vec<Vec<String>>| {
        let mut key = parts.clone();
        key.sort();
        if !out.iter().any(|o| {
            let mut k = o.clone();
            k.sort();
            k == key
        }) {
            out.push(parts);
        }
    };
    for i in &spec.intersections {
        add(i.clone(), &mut out);
    }
    let attrs = &spec.attributes;
    for k in 2..=spec.max_k.min(attrs.len()).min(4) {
        let mut idx: Vec<usize> = (0..k).collect();
        loop {
            add(idx.iter().map(|&i| attrs[i].clone()).collect(), &mut out);
            // next combination
            let mut i = k;
            while i > 0 && idx[i - 1] == attrs.len() - k + i - 1 {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            idx[i - 1] += 1;
            for j in i..k {
                idx[j] = idx[j - 1] + 1;
            }
        }
    }
    if let (Some(s), Some(r)) = metrics::ll144::attributes(attrs) {
        add(vec![s.to_string(), r.to_string()], &mut out);
    }
    out
}

/// Metric settings from the spec.
pub fn params(spec: &AuditSpec, table: &dyn Engine) -> MetricParams {
    let (decision, table_missing) = (table.decision(), table.missing());
    MetricParams {
        confidence: spec.stats.confidence,
        alpha: spec.stats.alpha,
        correction: spec.stats.correction.clone(),
        bootstrap: spec.stats.bootstrap,
        seed: spec.stats.seed,
        min_group_size: spec.min_group_size,
        min_published: spec.report.min_published_group,
        reference: spec.reference.clone(),
        references: spec.references.clone(),
        exclude_below_share: spec.exclude_below_share,
        positive_is_favorable: spec.decision.positive_is_favorable,
        higher_is_favorable: spec.score.as_ref().is_none_or(|s| s.higher_is_favorable),
        classes: match decision {
            DecisionValues::MultiClass { classes, .. } => classes.clone(),
            _ => Vec::new(),
        },
        missing: table_missing.clone(),
        lang: spec.lang,
    }
}

fn check_references(spec: &AuditSpec, aggs: &Aggregates, table: &dyn Engine) -> Result<()> {
    for (attr, name) in &spec.references {
        let Some(s) = aggs.slices.iter().find(|s| &s.attribute == attr) else {
            continue;
        };
        let origin = "groups.references (--reference-group)";
        let Some(g) = s.groups.iter().find(|g| &g.name == name) else {
            return Err(Error::spec(
                origin,
                format!("attribute '{attr}' has no group '{name}'"),
                did_you_mean(name, s.groups.iter().map(|g| g.name.as_str())),
            ));
        };
        let missing = table
            .missing()
            .get(attr)
            .map_or(data::UNKNOWN, String::as_str);
        let problem = if name == missing {
            Some("it holds the rows whose value is missing, which are never compared".to_string())
        } else if g.stats.n < spec.report.min_published_group {
            Some(format!(
                "it has {} workers, fewer than the disclosure setting ({}), so nothing about it may be published",
                g.stats.n, spec.report.min_published_group
            ))
        } else if g.stats.n < spec.min_group_size {
            Some(format!(
                "it has {} workers, fewer than the minimum group size ({}): too small to serve as the reference",
                g.stats.n, spec.min_group_size
            ))
        } else {
            None
        };
        if let Some(p) = problem {
            return Err(Error::spec(
                origin,
                format!("'{name}' cannot be the reference group of '{attr}': {p}"),
                Some("name a larger group with known values, or leave the reference to --reference highest".into()),
            ));
        }
    }
    Ok(())
}

fn attributes_to_compare(spec: &AuditSpec, aggs: &Aggregates, table: &dyn Engine) -> Result<()> {
    let missing = |a: &str| table.missing().get(a).map_or(data::UNKNOWN, String::as_str);
    let comparable = aggs.slices.iter().filter(|s| s.parts.len() == 1).any(|s| {
        s.groups
            .iter()
            .filter(|g| g.name != missing(&s.attribute))
            .count()
            >= 2
    });
    if !comparable {
        return Err(Error::spec(
            "groups.attributes (--group)",
            format!(
                "none of the group attributes ({}) has two groups to compare",
                spec.attributes.join(", ")
            ),
            Some("check the --where filter and the attribute columns; an audit compares at least two groups".into()),
        ));
    }
    Ok(())
}

fn gate_results(spec: &AuditSpec, rows: &[MetricRow], groups: &[GroupInfo]) -> Vec<GateResult> {
    // Groups of missing values and groups withheld by the disclosure setting are not compared,
    // and a gate does not judge them either.
    let skipped: std::collections::BTreeSet<(&str, &str)> = groups
        .iter()
        .filter(|g| g.status == "unknown" || g.status == "withheld")
        .map(|g| (g.attribute.as_str(), g.group.as_str()))
        .collect();
    spec.gates
        .iter()
        .map(|g| {
            let by: Vec<String> = rows
                .iter()
                .filter(|r| r.metric == g.metric)
                .filter(|r| !skipped.contains(&(r.attribute.as_str(), r.group.as_str())))
                .filter_map(|r| r.value.filter(|v| g.breached_by(*v)).map(|v| (r, v)))
                .map(|(r, v)| format!("{} = {} ({v:.4})", r.attribute, r.group))
                .collect();
            GateResult {
                gate: g.clone(),
                breached: !by.is_empty(),
                by,
            }
        })
        .collect()
}

/// Single-group attributes among others are findings, not errors.
fn single_group_findings(aggs: &Aggregates) -> Vec<Finding> {
    aggs.slices
        .iter()
        .filter(|s| s.parts.len() == 1 && s.groups.len() < 2)
        .map(|s| Finding {
            kind: FindingKind::SingleGroup,
            severity: Severity::Low,
            attribute: s.attribute.clone(),
            group: s.groups.first().map(|g| g.name.clone()).unwrap_or_default(),
            reference: None,
            worse_off: None,
            metric: Metric::N,
            class: None,
            value: s.groups.first().map(|g| g.stats.n as f64),
            ci_low: None,
            ci_high: None,
            twin: None,
            group_rate: None,
            reference_rate: None,
            label_stratum: None,
            p_adjusted: None,
            test: None,
            verdict: None,
            n: s.groups.first().map_or(0, |g| g.stats.n),
            reference_n: None,
        })
        .collect()
}

fn policy_error(e: PolicyError) -> Error {
    let text = e.to_string();
    let (msg, hint) = match text.split_once("\nhint: ") {
        Some((m, h)) => (m.to_string(), Some(h.to_string())),
        None => (text, None),
    };
    Error::spec("policy", msg, hint)
}

/// The policy packs the spec selects from: the built-in ones and its extra files.
pub fn policy_packs(spec: &AuditSpec) -> Result<Vec<policy::Pack>> {
    let mut packs = policy::builtin_packs().map_err(policy_error)?;
    for f in &spec.screen.policy_files {
        packs.push(policy::load_pack(f).map_err(policy_error)?);
    }
    Ok(packs)
}

/// The decision stage the spec names.
pub fn stage(spec: &AuditSpec) -> Result<Stage> {
    Ok(spec.screen.stage)
}

/// The declared working hours, for the off-hours checks.
pub fn working_hours(spec: &AuditSpec) -> WorkingHours {
    spec.screen.hours.clone()
}

/// What screening gives: the screen of the features and the data-protection review.
pub type Screening = (Option<Screen>, Option<DataProtection>);

/// Screens the spec's features (all four layers when the table has a decision or score) and
/// reviews the table's data protection. Nothing when there are no features, or when the engine
/// holds no rows to screen.
pub fn screen_features(
    spec: &AuditSpec,
    table: &dyn Engine,
    progress: &dyn Fn(&str),
) -> Result<Screening> {
    // The packs and the dictionary are checked even when there is nothing to screen: a
    // misspelt pack or a missing file is an error, not a setting silently ignored.
    let packs = policy_packs(spec)?;
    let selected = policy::select_packs(&packs, &spec.screen.policy).map_err(policy_error)?;
    let dictionary = match &spec.screen.dictionary {
        Some(p) => data::read_dictionary(p)?,
        None => BTreeMap::new(),
    };
    if spec.features.is_empty() {
        return Ok((None, None));
    }
    let categories = policy::builtin_categories().map_err(policy_error)?;
    let stage = stage(spec)?;
    let hours = working_hours(spec);
    let declared: Vec<String> = spec
        .privacy
        .quasi_identifiers
        .iter()
        .chain(&spec.privacy.sensitive)
        .flatten()
        .cloned()
        .collect();
    let Some(sd) = table.screen_data(&dictionary, &hours, &declared)? else {
        return Ok((None, None));
    };
    let target = match (&sd.decision, &sd.score) {
        (Some(d), _) if !matches!(table.decision(), DecisionValues::Absent) => {
            Some(UseTarget::Binary(d))
        }
        (_, Some(s)) => Some(UseTarget::Continuous(s)),
        _ => None,
    };
    let input = ScreenInput {
        columns: sd.columns,
        attributes: sd.attributes,
        target,
        stage,
        packs: selected,
        categories: &categories,
        hours,
        alpha: spec.stats.alpha,
        seed: spec.stats.seed,
        as_of: spec.screen.as_of.clone(),
        retention_days: spec.screen.retention_days,
        min_published: spec.report.min_published_group,
        lang: spec.lang,
    };
    let screen = crate::screen::run::screen(&input);
    progress("reviewing data protection");
    let mut outputs: Vec<&str> = Vec::new();
    outputs.extend(spec.decision.column.as_deref());
    outputs.extend(spec.score.as_ref().map(|s| s.column.as_str()));
    outputs.extend(spec.label.as_ref().map(|l| l.column.as_str()));
    let review = protection::review(&ProtectionInput {
        features: &input.columns,
        attributes: &input.attributes,
        screen: Some(&screen),
        packs: &input.packs,
        categories: &categories,
        stage: input.stage,
        id: spec.data.id.as_deref(),
        outputs,
        privacy: &spec.privacy,
        sampled: sampled(table),
    });
    Ok((Some(screen), Some(review)))
}

fn merge_findings(
    disparities: Vec<Finding>,
    screen: Option<&Screen>,
    review: Option<&DataProtection>,
) -> Vec<AnyFinding> {
    let mut all: Vec<AnyFinding> = disparities
        .into_iter()
        .map(|f| AnyFinding::Disparity(Box::new(f)))
        .collect();
    if let Some(s) = screen {
        all.extend(
            s.findings
                .iter()
                .cloned()
                .map(|f| AnyFinding::Input(Box::new(f))),
        );
    }
    if let Some(p) = review {
        all.extend(
            protection::findings(p)
                .into_iter()
                .map(|f| AnyFinding::Protection(Box::new(f))),
        );
    }
    // Stable: within a severity and class, each kind keeps its own worst-first order.
    all.sort_by_key(|f| std::cmp::Reverse((f.severity(), f.class())));
    all
}

/// Whether the engine's rows are a sample of the table.
fn sampled(table: &dyn Engine) -> bool {
    table.rows_used().is_some_and(|(rows, of)| rows < of)
}

fn provenance(spec: &AuditSpec, table: &dyn Engine) -> Provenance {
    let source = table.source();
    let kind = table.kind();
    let cells = kind == EngineKind::Cells;
    Provenance {
        candor_version: env!("CARGO_PKG_VERSION").to_string(),
        spec_sha256: spec_hash(spec),
        seed: spec.stats.seed,
        // The data file by its name: where it lay on the auditor's machine is not published.
        inputs: vec![crate::data::SourceInfo {
            path: std::path::Path::new(&source.path)
                .file_name()
                .map_or_else(|| source.path.clone(), |n| n.to_string_lossy().into_owned()),
            ..source.clone()
        }],
        engine: (kind != EngineKind::Embedded).then_some(kind),
        not_run: if cells && !spec.features.is_empty() {
            vec!["screening".to_string()]
        } else if sampled(table) && !spec.features.is_empty() {
            vec!["identifiability".to_string()]
        } else {
            Vec::new()
        },
        rows_screened: table
            .rows_used()
            .map(|(rows, of)| RowsScreened { rows, of }),
    }
}

/// The spec with the model's columns among the features (a model's inputs are the
/// algorithm's inputs, so they are screened too); the spec unchanged without a model. Opens
/// the model to learn the names of its inputs (and so fails early, exit 2, without ONNX
/// Runtime or with a model that does not fit).
pub fn with_model_columns(spec: &AuditSpec) -> Result<AuditSpec> {
    let mut s = spec.clone();
    if let Some(m) = &spec.model {
        let model = crate::model::Model::open(m)?;
        for c in model.columns() {
            if !s.features.contains(c) {
                s.features.push(c.clone());
            }
        }
    }
    Ok(s)
}

/// The model stage: None without a model.
pub fn model_stage(
    spec: &AuditSpec,
    table: &dyn Engine,
    screen: Option<&Screen>,
    progress: &dyn Fn(&str),
) -> Result<Option<crate::model::Probe>> {
    let Some(m) = &spec.model else {
        return Ok(None);
    };
    progress("probing the model");
    let model = crate::model::Model::open(m)?;
    let Some(md) = table.model_data(model.columns())? else {
        return Err(Error::spec(
            "model",
            "a model handed over is probed on the rows of the table, and a cells table holds only counts",
            Some("run the audit with --model on the data file itself, without --cells".into()),
        ));
    };
    let screened = screen
        .map(crate::model::screened_inputs)
        .unwrap_or_default();
    let probe = crate::model::probe(
        &model,
        &crate::model::ProbeInput {
            data: &md,
            screened: &screened,
            seed: spec.stats.seed,
            positive_is_favorable: spec.decision.positive_is_favorable,
            confidence: spec.stats.confidence,
            min_group_size: spec.min_group_size,
            min_published: spec.report.min_published_group,
        },
    )?;
    Ok(Some(probe))
}

/// Runs `candor screen`: the input screening alone (no disparity metrics).
pub fn run_screen(spec: &AuditSpec, progress: &dyn Fn(&str)) -> Result<Audit> {
    let spec = &with_model_columns(spec)?;
    progress("loading");
    let table = data::load(spec)?;
    progress("screening inputs");
    let (screen, review) = screen_features(spec, &table, progress)?;
    let model = model_stage(spec, &table, screen.as_ref(), progress)?;
    Ok(Audit {
        provenance: provenance(spec, &table),
        spec: spec.clone(),
        decision: table.decision.clone(),
        label: table.label.clone(),
        groups: Vec::new(),
        metrics: Vec::new(),
        score_tables: Vec::new(),
        score_median: None,
        ll144: None,
        findings: merge_findings(Vec::new(), screen.as_ref(), review.as_ref()),
        screen,
        protection: review,
        gates: Vec::new(),
        model,
    })
}

/// Runs the audit from a cells table (`--cells`): the statistics another engine computed with
/// the query `candor sql` prints. The features are not screened (that needs rows); the
/// provenance says so.
pub fn run_cells(
    spec: &AuditSpec,
    cells: &std::path::Path,
    progress: &dyn Fn(&str),
) -> Result<Audit> {
    progress("reading cells");
    let table = data::load_cells(spec, cells)?;
    run_table(spec, &table, progress)
}

/// Runs the audit on a table that lives in Spark (`--engine spark`): the cells computed there,
/// the rows screening needs fetched (all, or a seeded sample; the provenance says which).
#[cfg(feature = "spark")]
pub fn run_spark(
    spec: &AuditSpec,
    options: &crate::spec::SparkOptions,
    progress: &dyn Fn(&str),
) -> Result<Audit> {
    let spec = &with_model_columns(spec)?;
    progress("computing cells on Spark");
    let table = crate::data::spark::load_spark(spec, options)?;
    run_table(spec, &table, progress)
}

/// Without the Spark client compiled in, the Spark engine says how to get it.
#[cfg(not(feature = "spark"))]
pub fn run_spark(_: &AuditSpec, _: &crate::spec::SparkOptions, _: &dyn Fn(&str)) -> Result<Audit> {
    Err(Error::spec(
        "--engine spark",
        "this Candor was built without the Spark client",
        Some(
            "build it with `cargo build --release --features spark` (needs protoc: Debian's \
             protobuf-compiler)"
                .into(),
        ),
    ))
}

/// Runs the audit the spec describes (no output written).
pub fn run(spec: &AuditSpec, progress: &dyn Fn(&str)) -> Result<Audit> {
    let spec = &with_model_columns(spec)?;
    progress("loading");
    let table = data::load(spec)?;
    run_table(spec, &table, progress)
}

/// Runs the audit on a table already loaded, or on the cells another engine computed.
pub fn run_table(spec: &AuditSpec, table: &dyn Engine, progress: &dyn Fn(&str)) -> Result<Audit> {
    progress("aggregating");
    let aggs = table.aggregate(&slices(spec))?;
    check_references(spec, &aggs, table)?;
    attributes_to_compare(spec, &aggs, table)?;
    progress("computing metrics");
    let p = params(spec, table);
    let m = metrics::compute(&aggs, &p);
    let ll144 = metrics::ll144::build(
        &aggs,
        &metrics::ll144::Ll144Params {
            binary_decision: p.classes.is_empty(),
            positive_is_favorable: p.positive_is_favorable,
            higher_is_favorable: p.higher_is_favorable,
            exclude_below_share: spec.exclude_below_share,
            min_published: p.min_published,
            missing: table.missing(),
        },
    );
    let score_tables = if spec.score.is_some() {
        score_tables::build(
            &aggs,
            &score_tables::TableParams {
                min_group_size: spec.min_group_size,
                confidence: spec.stats.confidence,
                lang: spec.lang,
            },
        )
    } else {
        Vec::new()
    };
    let mut disparities = findings::disparities(
        &m.rows,
        &FindingParams {
            alpha: spec.stats.alpha,
            positive_is_favorable: p.positive_is_favorable,
        },
    );
    disparities.extend(single_group_findings(&aggs));
    let gates = gate_results(spec, &m.rows, &m.groups);
    progress("screening inputs");
    let (screen, review) = screen_features(spec, table, progress)?;
    let model = model_stage(spec, table, screen.as_ref(), progress)?;
    Ok(Audit {
        provenance: provenance(spec, table),
        spec: spec.clone(),
        decision: table.decision().clone(),
        label: table.label().cloned(),
        groups: m.groups,
        metrics: m.rows,
        score_tables,
        score_median: metrics::distributions::median(&aggs.population.score_counts()),
        ll144,
        findings: merge_findings(disparities, screen.as_ref(), review.as_ref()),
        screen,
        protection: review,
        gates,
        model,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::SpecFile;

    #[test]
    fn k_way_slices() {
        let mut f = SpecFile::default();
        f.data.path = Some("x.csv".into());
        f.decision.column = Some("d".into());
        f.groups.attributes = Some(vec!["a".into(), "b".into(), "c".into()]);
        f.groups.max_k = Some(2);
        f.groups.intersections = Some(vec![vec!["b".into(), "a".into()]]);
        let s = slices(&f.check().unwrap());
        let names: Vec<String> = s.iter().map(|p| p.join("&")).collect();
        assert_eq!(names, ["a", "b", "c", "b&a", "a&c", "b&c"]);
    }
}
