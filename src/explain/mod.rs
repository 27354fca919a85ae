//! Per-worker explanations (`candor explain`): for each subject, the decision, the data
//! processed about them, the main factors under a surrogate model with its fidelity, the
//! prohibited inputs in their record and what they did, counterfactuals, similarly situated
//! workers (counts only), group context from the audit, rights and how to contest, and
//! provenance with the document's own hash.
//!
//! [`prepare`] does everything that concerns the population once (surrogate fit, bounds,
//! neighbour index, group figures, rights); [`Explainer::explain`] then builds one worker's
//! [`Explanation`], reading only that worker's values and population aggregates, so no other
//! worker's values or identity can reach it.

pub mod additive;
pub mod counterfactual;
pub mod model;
pub mod render;
pub mod text;

use std::collections::BTreeMap;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::audit::Audit;
use crate::data::{self, DecisionValues, SubjectData, Table};
use crate::error::{Error, Result};
use crate::screen::features::Feature;
use crate::screen::policy;
use crate::spec::{AuditSpec, ExplainSpec};
use additive::Additive;
use counterfactual::{Bounds, Counterfactual, Goal, Movable};
use model::{Fidelity, ModelTarget};
use text::Lang;

/// The decision and score, as the worker met them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    pub decision_column: Option<String>,
    /// True when the worker got the positive decision (e.g. flagged).
    pub decision_positive: Option<bool>,
    /// The decision in words.
    pub decision_text: String,
    /// Whether the outcome harms the worker.
    pub adverse: Option<bool>,
    pub score_column: Option<String>,
    pub score: Option<f64>,
    /// Decimals the score is recorded with (every score is printed at this precision).
    pub score_decimals: Option<u32>,
    pub threshold: Option<f64>,
    /// `spec` (declared) or `derived` (the decision is exactly this cut of the score).
    pub threshold_source: Option<String>,
    /// Whether a score at or above the threshold gives the positive decision.
    pub positive_above_threshold: Option<bool>,
    pub purpose: Option<String>,
    pub stage: String,
    /// Date of the decision, as the spec declares it.
    pub decision_date: Option<String>,
    /// Date of this document.
    pub document_date: Option<String>,
    /// The employer, and whom to contact there.
    pub employer: Option<String>,
    pub contact: Option<String>,
}

/// Why an input is marked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputFlag {
    /// `prohibited_input` or `proxy`.
    pub kind: String,
    pub category: String,
    pub category_label: String,
    pub severity: String,
    /// Whether the audit found the algorithm relies on it.
    pub used: Option<bool>,
    pub citations: Vec<String>,
    /// A legal limit the worker's value exceeds, e.g. overtime above 36 hours a month.
    pub over_limit: Option<String>,
}

/// One input column and the worker's value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputValue {
    pub column: String,
    /// A plain name for the column, from the data dictionary.
    pub label: Option<String>,
    pub value: Option<String>,
    /// The typical worker's value: the median of a number, the most common category (None
    /// when it would describe fewer workers than the disclosure setting allows).
    pub typical: Option<String>,
    /// `input` (used by Candor's model), `constant` (the same for every worker, or always
    /// missing: it cannot move the result) or `not_usable` (free text, ids, unreadable
    /// timestamps).
    pub model_role: String,
    /// The model finds no measurable effect of this input on the outcome.
    pub no_effect: bool,
    pub flag: Option<InputFlag>,
}

/// One input's signed contribution to the worker's result under Candor's model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Factor {
    pub column: String,
    pub label: Option<String>,
    pub value: Option<String>,
    pub typical: Option<String>,
    /// In the model's units (score points, or log-odds).
    pub contribution: f64,
    /// `adverse`, `favorable` or `none`: which outcome it pushed toward (`none` when the
    /// input has no measurable effect).
    pub toward: String,
    pub flagged: bool,
    pub no_effect: bool,
}

/// Candor's model of the algorithm and this worker's result under it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelSummary {
    /// Always `additive`: one shape function per input (see `additive.rs`).
    pub model: String,
    /// What the output measures: `score` (the score's own points), `score_log_odds` (the
    /// log-odds of a probability score) or `decision_log_odds` (the log-odds of the positive
    /// decision, without a score).
    pub scale: String,
    pub baseline: f64,
    pub output: f64,
    /// Decision target: the probability of the positive decision.
    pub probability: Option<f64>,
    pub model_decision_positive: Option<bool>,
    /// Whether the model's decision for this worker equals the real one.
    pub agrees_with_real: Option<bool>,
    pub fidelity: Option<Fidelity>,
    pub fit_rows: u64,
    /// The contributions' sum minus (output - baseline): zero up to rounding.
    pub additivity_error: f64,
    /// The ridge penalty chosen by cross-validation (per fitted row).
    pub penalty: f64,
}

/// The prohibited inputs in the worker's record and what removing them does.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prohibited {
    pub inputs: Vec<Factor>,
    /// Sum of their contributions.
    pub total: f64,
    /// The output with every prohibited input at its population average.
    pub output_without: f64,
    /// With a score: the worker's real score without them (anchored: real score - total).
    pub score_without: Option<f64>,
    pub decision_without_positive: Option<bool>,
    /// Whether removing them changes the decision (anchored on the real score when there is
    /// one, else the model's decision).
    pub flips: Option<bool>,
}

/// Among the most similar workers in the legitimate inputs, how many got each outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Similar {
    pub compared: u64,
    pub same_outcome: u64,
    pub other_outcome: u64,
    pub inputs: Vec<String>,
    /// Workers searched: everyone, or a seeded sample of [`NEIGHBOUR_POOL`].
    pub pool: u64,
}

/// A group figure from the audit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub value: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
}

/// The worker's group on one attribute or intersection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupContext {
    pub attribute: String,
    pub group: String,
    pub n: Option<u64>,
    pub favorable_rate: Option<Figure>,
    pub adverse_rate: Option<Figure>,
    pub impact_ratio: Option<Figure>,
    pub adverse_rate_ratio: Option<Figure>,
    pub reference: Option<String>,
    /// The audit's verdict on the impact ratio.
    pub verdict: Option<crate::metrics::Verdict>,
    pub verdict_text: Option<String>,
    /// Set when the group's figures are withheld (below the disclosure setting).
    pub suppressed: Option<String>,
}

/// A deadline set by law, with its length kept.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeadlineEntry {
    pub amount: Option<u32>,
    /// `days`, `business_days`, `weeks`, `months`, `years`.
    pub unit: Option<String>,
    /// The length in words ("one year", "一年"), when the law sets one.
    pub length: Option<String>,
    /// From when it runs, in the document's language.
    pub when: String,
    /// `worker` (the worker must act within it) or `employer` (the employer must answer
    /// within it); None when the law sets no length.
    pub binds: Option<String>,
}

/// A right the worker has, from the policy packs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RightEntry {
    pub pack: String,
    pub jurisdiction: String,
    pub kind: String,
    pub kind_text: String,
    /// The step it belongs to: 1 ask the employer, 2 the union or representatives, 3 the
    /// regulator, 4 arbitration or court; 0 a duty of the employer (notice, consent).
    pub step: u8,
    pub law: String,
    pub citation: String,
    pub summary: String,
    pub deadline: Option<DeadlineEntry>,
    /// Conditions not declared in the spec: the right applies only if they hold.
    pub conditions: Vec<String>,
}

/// A point of this explanation that supports a challenge.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChallengePoint {
    /// `prohibited_input_used`, `outcome_rests_on_prohibited_inputs`, `group_disparity`,
    /// `low_fidelity`, `similar_workers_differ`, `over_legal_limit`.
    pub kind: String,
    pub text: String,
}

/// Where the explanation comes from, and its own hash.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainProvenance {
    pub candor_version: String,
    pub audit_spec_sha256: String,
    pub explain_settings_sha256: String,
    pub data_file: String,
    pub data_sha256: String,
    pub rows: u64,
    pub seed: u64,
    /// SHA-256 of this document's JSON with this field set to "" (see `document_hash`).
    pub document_sha256: String,
}

/// The first page's five lines, as pointers into the document: the decision and its date (in
/// `outcome`), the main reasons, what the restricted data did (in `prohibited`), the first
/// step to take and the deadline that matters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FirstPage {
    /// The inputs that pushed most toward the worker's outcome (up to three), by column; the
    /// adverse outcome's reasons for an adverse decision.
    pub main_reasons: Vec<String>,
    /// Index into `rights` of the first step to take.
    pub first_step: Option<usize>,
    /// Index into `rights` of the step whose deadline is shortest.
    pub deadline_step: Option<usize>,
}

/// One worker's explanation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub subject: String,
    pub lang: Lang,
    /// What the first page says, as pointers into the rest.
    pub first_page: FirstPage,
    pub outcome: Outcome,
    pub inputs: Vec<InputValue>,
    pub model: ModelSummary,
    pub factors: Vec<Factor>,
    pub prohibited: Prohibited,
    pub counterfactual: Option<Counterfactual>,
    pub similar: Option<Similar>,
    pub groups: Vec<GroupContext>,
    pub rights: Vec<RightEntry>,
    pub challenge: Vec<ChallengePoint>,
    pub provenance: ExplainProvenance,
}

/// The document hash: SHA-256 of the JSON file exactly as written (`render::json`), with
/// `provenance.document_sha256` empty. To verify a file, replace
/// `"document_sha256": "<hash>"` by `"document_sha256": ""` in its bytes and hash them: no
/// JSON library is needed, so number formatting cannot get in the way.
pub fn document_hash(e: &Explanation) -> String {
    let mut blank = e.clone();
    blank.provenance.document_sha256 = String::new();
    data::hex(&Sha256::digest(render::json(&blank).as_bytes()))
}

/// Workers compared with in "similarly situated workers": everyone up to this many, else a
/// seeded sample of this size (the search is exact within it).
pub const NEIGHBOUR_POOL: usize = 20_000;

/// A distance with a total order, for the neighbour heap.
#[derive(Debug, Clone, Copy, PartialEq)]
struct OrdF64(f64);

impl Eq for OrdF64 {}

impl PartialOrd for OrdF64 {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrdF64 {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// The reference set for similar workers: rows, their legitimate inputs' design values
/// (row-major) and decisions; `design` holds every worker's values.
struct Neighbours {
    rows: Vec<usize>,
    points: Vec<f64>,
    decisions: Vec<bool>,
    names: Vec<String>,
    design: ndarray::Array2<f64>,
}

/// Everything about the population, computed once.
pub struct Explainer {
    lang: Lang,
    spec: AuditSpec,
    settings: ExplainSpec,
    subjects: SubjectData,
    decision: Option<Vec<bool>>,
    score: Option<Vec<f64>>,
    positive_is_favorable: bool,
    surrogate: Additive,
    fidelity: Option<Fidelity>,
    threshold_source: Option<String>,
    /// Flag of each raw input column (by name).
    flags: BTreeMap<String, InputFlag>,
    bounds: Vec<Bounds>,
    neighbours: Option<Neighbours>,
    groups: BTreeMap<(String, String), GroupContext>,
    group_slices: Vec<Vec<String>>,
    rights: Vec<RightEntry>,
    provenance: ExplainProvenance,
    by_id: BTreeMap<String, usize>,
    /// Keyed hashes shown instead of the ids, when the ids identify a person.
    pseudonyms: Option<Vec<String>>,
    /// Every worker got the same decision.
    one_decision: bool,
    /// Plain names of the columns (data dictionary), in the document's language.
    labels: BTreeMap<String, String>,
    /// The typical worker's value of each input (median, or most common category).
    typical: BTreeMap<String, String>,
    /// Legal limits on inputs (the amount and the limit in words), from the screening.
    limits: BTreeMap<String, (f64, String)>,
    /// Decimals the score is recorded with.
    score_decimals: Option<u32>,
    /// The lowest and highest score of the population.
    score_range: (f64, f64),
}

/// The decimals a column of numbers is recorded with: the fewest (up to 6) at which every
/// value (of the first 10,000) is whole.
fn recorded_decimals(v: &[f64]) -> Option<u32> {
    let vals: Vec<f64> = v
        .iter()
        .copied()
        .filter(|x| x.is_finite())
        .take(10_000)
        .collect();
    if vals.is_empty() {
        return None;
    }
    (0..=6u32)
        .find(|&d| {
            let f = 10f64.powi(d as i32);
            vals.iter()
                .all(|x| ((x * f) - (x * f).round()).abs() < 1e-6 * (1.0 + (x * f).abs()))
        })
        .or(Some(6))
}

fn err(msg: impl Into<String>, hint: &str) -> Error {
    Error::spec("explain", msg, Some(hint.to_string()))
}

/// Builds the explainer from a loaded table and its audit.
pub fn prepare(
    spec: &AuditSpec,
    settings: &ExplainSpec,
    table: &Table,
    audit: &Audit,
) -> Result<Explainer> {
    let lang = spec.lang;
    check_explainable(spec, table)?;
    let hours = crate::audit::working_hours(spec);
    let sd = data::screen_data(table, &BTreeMap::new(), &hours)?;
    let subjects = data::subject_data(table)?;
    let decision = match table.decision {
        DecisionValues::Absent => None,
        _ => sd.decision.clone(),
    };
    let score = sd.score.clone();
    let (target, threshold_source) = choose_target(spec, table, &score, &decision)?;
    let features: Vec<Feature> = sd
        .columns
        .iter()
        .filter_map(|c| c.feature.clone())
        .collect();
    if features.is_empty() {
        return Err(err(
            "none of the features can be a model input (free text or ids only)",
            "declare numeric or categorical inputs under [features]",
        ));
    }
    let surrogate = fit_surrogate(spec, &features, target, &decision, &score)?;
    let inputs_key = inputs_keys(&subjects, &features);
    let fidelity = decision.as_deref().and_then(|d| {
        model::fidelity(
            &surrogate,
            d,
            spec.decision.positive_is_favorable,
            &inputs_key,
        )
    });
    let one_decision = decision
        .as_deref()
        .is_some_and(|d| d.iter().all(|&x| x == d[0]));
    let flags = input_flags(audit, lang);
    check_one_way(settings, &features)?;
    let bounds = input_bounds(spec, settings, &surrogate, &features, &subjects, &flags);
    let neighbours = neighbour_pool(spec, &features, &subjects, &flags, &decision);
    let groups = group_figures(spec, audit);
    let group_slices = group_slices(spec);
    let rights = rights_at_stage(spec, settings)?;
    let labels = column_labels(spec)?;
    let typical = typical_values(&subjects, &features, spec.report.min_published_group);
    let limits = legal_limits(audit);
    let provenance = explain_provenance(spec, settings, table, audit);
    let (by_id, pseudonyms) = subject_index(&subjects, table)?;
    let score_decimals = score.as_deref().and_then(recorded_decimals);
    let score_range = score_range(score.as_deref());
    Ok(Explainer {
        lang,
        spec: spec.clone(),
        settings: settings.clone(),
        positive_is_favorable: spec.decision.positive_is_favorable,
        subjects,
        decision,
        score,
        surrogate,
        fidelity,
        threshold_source,
        flags,
        bounds,
        neighbours,
        groups,
        group_slices,
        rights,
        provenance,
        by_id,
        pseudonyms,
        one_decision,
        labels,
        typical,
        limits,
        score_decimals,
        score_range,
    })
}

/// Refuses what cannot be explained: no features, or a decision with several classes.
fn check_explainable(spec: &AuditSpec, table: &Table) -> Result<()> {
    if spec.features.is_empty() {
        return Err(err(
            "no features are declared, so there is nothing to explain",
            "list the inputs the algorithm used under [features] columns (or --features)",
        ));
    }
    if matches!(table.decision, DecisionValues::MultiClass { .. }) {
        return Err(err(
            "explanations need a yes/no decision or a score; this decision has several classes",
            "explain one class at a time: give --positive CLASS so the decision is that class or not",
        ));
    }
    Ok(())
}

/// What the surrogate models, and where the threshold comes from (`spec` or `derived`).
fn choose_target(
    spec: &AuditSpec,
    table: &Table,
    score: &Option<Vec<f64>>,
    decision: &Option<Vec<bool>>,
) -> Result<(ModelTarget, Option<String>)> {
    Ok(match (&table.decision, score, decision) {
        (DecisionValues::Threshold { threshold, .. }, Some(_), _) => (
            ModelTarget::Linear {
                threshold: Some(*threshold),
                positive_above: true,
            },
            Some("spec".to_string()),
        ),
        (_, Some(s), Some(d))
            if spec
                .score
                .as_ref()
                .and_then(|x| x.threshold)
                .and_then(|t| model::declared_cut(s, d, t))
                .is_some() =>
        {
            let t = spec.score.as_ref().and_then(|x| x.threshold).unwrap_or(0.0);
            let above = model::declared_cut(s, d, t).unwrap_or(true);
            (
                ModelTarget::Linear {
                    threshold: Some(t),
                    positive_above: above,
                },
                Some("spec".to_string()),
            )
        }
        (_, Some(s), Some(d)) => match model::score_cut(s, d) {
            Some((cut, above)) => (
                ModelTarget::Linear {
                    threshold: Some(cut),
                    positive_above: above,
                },
                Some("derived".to_string()),
            ),
            None => (ModelTarget::Logistic, None),
        },
        (_, None, Some(_)) => (ModelTarget::Logistic, None),
        (_, Some(_), None) => (
            ModelTarget::Linear {
                threshold: spec.score.as_ref().and_then(|s| s.threshold),
                positive_above: true,
            },
            spec.score
                .as_ref()
                .and_then(|s| s.threshold)
                .map(|_| "spec".to_string()),
        ),
        (_, None, None) => {
            return Err(err(
                "there is neither a decision nor a score to explain",
                "give --decision or --score",
            ));
        }
    })
}

/// Fits Candor's model of the algorithm (the surrogate) to the score or the decision.
fn fit_surrogate(
    spec: &AuditSpec,
    features: &[Feature],
    target: ModelTarget,
    decision: &Option<Vec<bool>>,
    score: &Option<Vec<f64>>,
) -> Result<Additive> {
    additive::fit(
        features.to_vec(),
        &additive::FitData {
            target,
            decision: decision.as_deref(),
            score: score.as_deref(),
            seed: spec.stats.seed,
        },
    )
    .map_err(|e| {
        err(
            format!("Candor's model of the algorithm could not be fitted: {e}"),
            "check that the inputs vary and are not all missing",
        )
    })
}

/// Flags from the audit's screening, by column: a prohibited input wins over a proxy.
fn input_flags(audit: &Audit, lang: Lang) -> BTreeMap<String, InputFlag> {
    let mut flags: BTreeMap<String, InputFlag> = BTreeMap::new();
    if let Some(screen) = &audit.screen {
        for f in &screen.findings {
            if f.kind != "prohibited_input" && f.kind != "proxy" {
                continue;
            }
            let flag = InputFlag {
                kind: f.kind.clone(),
                category: f.category.clone(),
                category_label: match lang {
                    Lang::En => f.category_label_en.clone(),
                    Lang::Zh => f.category_label_zh.clone(),
                },
                severity: f.severity.clone(),
                used: f.used,
                citations: f.legal_sources.iter().map(|l| l.citation.clone()).collect(),
                over_limit: None,
            };
            let replace = match flags.get(&f.column) {
                None => true,
                Some(old) => old.kind == "proxy" && f.kind == "prohibited_input",
            };
            if replace {
                flags.insert(f.column.clone(), flag);
            }
        }
    }
    flags
}

/// One-direction settings only make sense for numbers.
fn check_one_way(settings: &ExplainSpec, features: &[Feature]) -> Result<()> {
    for f in features {
        let one_way =
            settings.increase_only.contains(&f.name) || settings.decrease_only.contains(&f.name);
        if one_way && f.is_categorical() {
            return Err(Error::spec(
                "explain.increase_only / explain.decrease_only",
                format!(
                    "'{}' is categorical, so it cannot only rise or only fall",
                    f.name
                ),
                Some("list it under explain.immutable, or leave it free to change".into()),
            ));
        }
    }
    Ok(())
}

/// How far and in which direction each surrogate input may move in a counterfactual.
fn input_bounds(
    spec: &AuditSpec,
    settings: &ExplainSpec,
    surrogate: &Additive,
    features: &[Feature],
    subjects: &SubjectData,
    flags: &BTreeMap<String, InputFlag>,
) -> Vec<Bounds> {
    surrogate
        .terms
        .iter()
        .zip(features)
        .map(|(inp, f)| {
            let movable = if flags.contains_key(&inp.name) || settings.immutable.contains(&inp.name)
            {
                Movable::Fixed
            } else if settings.increase_only.contains(&inp.name) {
                Movable::IncreaseOnly
            } else if settings.decrease_only.contains(&inp.name) {
                Movable::DecreaseOnly
            } else {
                Movable::Any
            };
            let mut b = Bounds {
                movable,
                lo: 0.0,
                hi: 0.0,
                step: 1.0,
            };
            if let crate::screen::features::FeatureValues::Numeric(v) = &f.values {
                let mut obs: Vec<f64> = v.iter().flatten().copied().collect();
                obs.sort_by(f64::total_cmp);
                let d = recorded_places(subjects, &inp.name, 100_000);
                b.step = 10f64.powi(-(d as i32));
                // Within the 1st-99th percentile, and with at least the disclosure minimum of
                // workers at or beyond each bound, so a bound is never one colleague's own value.
                let m = spec.report.min_published_group.max(1) as usize;
                if obs.len() < 2 * m {
                    b.movable = Movable::Fixed;
                } else {
                    let lo = counterfactual::percentile(&obs, 0.01)
                        .unwrap_or(0.0)
                        .max(obs[m - 1]);
                    let hi = counterfactual::percentile(&obs, 0.99)
                        .unwrap_or(0.0)
                        .min(obs[obs.len() - m]);
                    b.lo = (lo / b.step - 1e-9).ceil() * b.step;
                    b.hi = (hi / b.step + 1e-9).floor() * b.step;
                }
            }
            b
        })
        .collect()
}

/// The most decimals a raw input column is written with, over its first `take` values.
fn recorded_places(subjects: &SubjectData, column: &str, take: usize) -> usize {
    subjects
        .raw
        .iter()
        .find(|(n, _)| n == column)
        .map(|(_, r)| {
            r.iter()
                .flatten()
                .take(take)
                .map(|t| counterfactual::decimals(t))
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0)
}

/// Neighbour reference set on the legitimate inputs (standardised values, one column per
/// level of a categorical input).
fn neighbour_pool(
    spec: &AuditSpec,
    features: &[Feature],
    subjects: &SubjectData,
    flags: &BTreeMap<String, InputFlag>,
    decision: &Option<Vec<bool>>,
) -> Option<Neighbours> {
    let legit_features: Vec<Feature> = features
        .iter()
        .filter(|f| !flags.contains_key(&f.name))
        .cloned()
        .collect();
    let legit_design = (!legit_features.is_empty())
        .then(|| crate::screen::features::build_design(subjects.ids.len(), &legit_features).ok())
        .flatten();
    match (decision, legit_design) {
        (Some(d), Some(design)) if design.n_cols() > 1 => {
            let n = design.n_rows();
            let columns: Vec<usize> = (1..design.n_cols()).collect();
            let rows = crate::screen::usage::subsample_indices(n, NEIGHBOUR_POOL, spec.stats.seed);
            let mut points = Vec::with_capacity(rows.len() * columns.len());
            for &r in &rows {
                points.extend(columns.iter().map(|&c| design.x[[r, c]]));
            }
            Some(Neighbours {
                decisions: rows.iter().map(|&r| d[r]).collect(),
                rows,
                points,
                names: legit_features
                    .iter()
                    .zip(&design.blocks)
                    .filter(|(_, b)| !b.is_empty())
                    .map(|(f, _)| f.name.clone())
                    .collect(),
                design: design.x.slice(ndarray::s![.., 1..]).to_owned(),
            })
        }
        _ => None,
    }
}

/// Group figures from the audit, by (attribute, group); withheld groups keep no figures.
fn group_figures(spec: &AuditSpec, audit: &Audit) -> BTreeMap<(String, String), GroupContext> {
    let lang = spec.lang;
    let mut groups = BTreeMap::new();
    for g in &audit.groups {
        let row = |metric: crate::metrics::Metric| {
            audit.metrics.iter().find(|r| {
                r.attribute == g.attribute
                    && r.group == g.group
                    && r.metric == metric
                    && r.class.is_none()
            })
        };
        let suppressed = (g.status == "withheld")
            .then(|| text::suppressed(lang, spec.report.min_published_group));
        // A withheld group's figures are not shown.
        let fig = |metric: crate::metrics::Metric| {
            row(metric)
                .filter(|_| suppressed.is_none())
                .map(|r| Figure {
                    value: r.value,
                    ci_low: r.ci_low,
                    ci_high: r.ci_high,
                })
        };
        let ir = row(crate::metrics::Metric::ImpactRatio);
        let verdict = ir.and_then(|r| r.verdict);
        groups.insert(
            (g.attribute.clone(), g.group.clone()),
            GroupContext {
                attribute: g.attribute.clone(),
                group: g.group.clone(),
                n: suppressed.is_none().then_some(g.n),
                favorable_rate: fig(crate::metrics::Metric::FavorableRate),
                adverse_rate: fig(crate::metrics::Metric::AdverseRate),
                impact_ratio: fig(crate::metrics::Metric::ImpactRatio),
                adverse_rate_ratio: fig(crate::metrics::Metric::AdverseRateRatio),
                reference: ir.and_then(|r| r.reference.clone()),
                verdict_text: verdict.map(|v| v.text(lang).to_string()),
                verdict,
                suppressed,
            },
        );
    }
    groups
}

/// The attributes and intersections a worker's groups are looked up on.
fn group_slices(spec: &AuditSpec) -> Vec<Vec<String>> {
    let mut slices: Vec<Vec<String>> = spec.attributes.iter().map(|a| vec![a.clone()]).collect();
    slices.extend(spec.intersections.iter().cloned());
    slices
}

/// A serde code as its string (`""` when it is not a string).
fn code_of<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Rights at this stage, from the selected packs, filtered to the declared context and put in
/// the order a worker takes them.
fn rights_at_stage(spec: &AuditSpec, settings: &ExplainSpec) -> Result<Vec<RightEntry>> {
    let lang = spec.lang;
    let all = crate::audit::policy_packs(spec)?;
    let selected = policy::select_packs(&all, &spec.screen.policy)
        .map_err(|e| err(e.to_string(), "check --policy"))?;
    let stage = crate::audit::stage(spec)?;
    let platform = settings.employer_kind == "platform";
    let mut rights = Vec::new();
    for (pack_id, r) in policy::rights_for_stage(&selected, stage) {
        let Some(pack) = selected.iter().find(|p| p.id == pack_id) else {
            continue;
        };
        let codes: Vec<String> = r.conditions.iter().map(code_of).collect();
        // A right that exists only on digital labour platforms is not a warehouse worker's.
        if codes.iter().any(|c| c == "is_digital_labour_platform") && !platform {
            continue;
        }
        rights.push(right_entry(lang, settings, pack, r, &codes));
    }
    // Steps in order (1 ask, 2 union, 3 regulator, 4 arbitration or court, then the employer's
    // duties), the packs' order within a step.
    rights.sort_by_key(|r| if r.step == 0 { 9 } else { r.step });
    Ok(rights)
}

/// One right of a pack, in the document's language; `codes` are its conditions.
fn right_entry(
    lang: Lang,
    settings: &ExplainSpec,
    pack: &policy::Pack,
    r: &policy::Right,
    codes: &[String],
) -> RightEntry {
    let law = pack
        .instruments
        .iter()
        .find(|i| i.id == r.instrument)
        .map(|i| match lang {
            Lang::En => i.name_en.clone(),
            Lang::Zh => i.name_zh.clone(),
        })
        .unwrap_or_default();
    let kind = code_of(r.kind);
    let step = r
        .step
        .map_or_else(|| text::default_step(&kind), |s| s.number());
    RightEntry {
        pack: pack.id.clone(),
        jurisdiction: pack.jurisdiction.clone(),
        kind_text: if step == 4 {
            lang.pick(
                "To take the case to arbitration or court",
                "申请仲裁或提起诉讼的权利",
            )
            .to_string()
        } else {
            text::right_kind(lang, &kind)
        },
        kind,
        step,
        law,
        citation: match lang {
            Lang::Zh => r.citation_zh.clone().unwrap_or_else(|| r.citation.clone()),
            Lang::En => r.citation.clone(),
        },
        summary: match lang {
            Lang::En => r.summary_en.clone(),
            Lang::Zh => r.summary_zh.clone(),
        },
        deadline: r.deadline.as_ref().map(|d| deadline_entry(lang, d)),
        conditions: codes
            .iter()
            .filter(|c| *c != "is_digital_labour_platform" && !settings.context.contains(c))
            .map(|c| text::condition(lang, c))
            .collect(),
    }
}

/// A right's deadline, with its length in words.
fn deadline_entry(lang: Lang, d: &policy::Deadline) -> DeadlineEntry {
    let unit = d.unit.map(code_of);
    DeadlineEntry {
        amount: d.amount,
        length: d
            .amount
            .zip(unit.as_deref())
            .map(|(a, u)| text::length(lang, a, u)),
        unit,
        when: match lang {
            Lang::En => d.when_en.clone(),
            Lang::Zh => d.when_zh.clone(),
        },
        binds: d.binds.and_then(|b| {
            serde_json::to_value(b)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
        }),
    }
}

/// Plain column names from the data dictionary, in the document's language.
fn column_labels(spec: &AuditSpec) -> Result<BTreeMap<String, String>> {
    let dictionary = match &spec.screen.dictionary {
        Some(p) => data::read_dictionary(p)?,
        None => BTreeMap::new(),
    };
    Ok(dictionary
        .iter()
        .filter_map(|(c, e)| {
            let l = match spec.lang {
                Lang::En => e.label.clone(),
                Lang::Zh => e.label_zh.clone(),
            };
            l.map(|l| (c.clone(), l))
        })
        .collect())
}

/// Legal limits on inputs (the amount and the limit in words), from the screening.
fn legal_limits(audit: &Audit) -> BTreeMap<String, (f64, String)> {
    audit
        .screen
        .iter()
        .flat_map(|sc| &sc.findings)
        .filter_map(|f| {
            f.evidence
                .over_limit
                .as_ref()
                .map(|o| (f.column.clone(), (o.amount, o.what.clone())))
        })
        .collect()
}

/// Where the explanations come from (the document hash is set per explanation).
fn explain_provenance(
    spec: &AuditSpec,
    settings: &ExplainSpec,
    table: &Table,
    audit: &Audit,
) -> ExplainProvenance {
    let source = &table.source;
    let settings_hash = data::hex(&Sha256::digest(
        serde_json::to_vec(settings).unwrap_or_default(),
    ));
    ExplainProvenance {
        candor_version: env!("CARGO_PKG_VERSION").to_string(),
        audit_spec_sha256: audit.provenance.spec_sha256.clone(),
        explain_settings_sha256: settings_hash,
        data_file: std::path::Path::new(&source.path)
            .file_name()
            .map_or_else(|| source.path.clone(), |n| n.to_string_lossy().into_owned()),
        data_sha256: source.sha256.clone(),
        rows: source.rows_audited,
        seed: spec.stats.seed,
        document_sha256: String::new(),
    }
}

/// The row of each id (and of each pseudonym), and the pseudonyms.
type SubjectIndex = (BTreeMap<String, usize>, Option<Vec<String>>);

/// Looks subjects up by id, and gives them pseudonyms when the ids identify a person.
fn subject_index(subjects: &SubjectData, table: &Table) -> Result<SubjectIndex> {
    let mut by_id = BTreeMap::new();
    for (i, id) in subjects.ids.iter().enumerate() {
        by_id.entry(id.clone()).or_insert(i);
    }
    let pseudonyms = if needs_pseudonyms(&subjects.ids) {
        let key = id_key(std::path::Path::new(&table.source.path))?;
        let p: Vec<String> = subjects.ids.iter().map(|id| pseudonym(&key, id)).collect();
        for (i, id) in p.iter().enumerate() {
            by_id.entry(id.clone()).or_insert(i);
        }
        Some(p)
    } else {
        None
    };
    Ok((by_id, pseudonyms))
}

/// The lowest and highest finite score (infinite bounds without a score).
fn score_range(score: Option<&[f64]>) -> (f64, f64) {
    score.map_or((f64::NEG_INFINITY, f64::INFINITY), |v| {
        v.iter()
            .filter(|x| x.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
                (lo.min(x), hi.max(x))
            })
    })
}

/// The typical worker's value of each input: the median of a number (at the column's recorded
/// precision) or the most common category when at least `min` workers share it (a median over
/// at least `min` workers is never one colleague's value alone).
fn typical_values(
    subjects: &SubjectData,
    features: &[Feature],
    min: u64,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for f in features {
        match &f.values {
            crate::screen::features::FeatureValues::Numeric(v) => {
                let mut obs: Vec<f64> = v.iter().flatten().copied().collect();
                if (obs.len() as u64) < min.max(1) {
                    continue;
                }
                // A timestamp enters the model as 1 outside working hours, 0 inside: its
                // median is not a value of the column, so no typical value is shown.
                let derived = subjects
                    .raw
                    .iter()
                    .find(|(n, _)| n == &f.name)
                    .and_then(|(_, r)| r.iter().flatten().next())
                    .is_some_and(|t| t.trim().parse::<f64>().is_err());
                if derived {
                    continue;
                }
                obs.sort_by(f64::total_cmp);
                let med = obs[obs.len() / 2];
                let d = recorded_places(subjects, &f.name, 10_000);
                out.insert(f.name.clone(), format!("{med:.d$}"));
            }
            crate::screen::features::FeatureValues::Categorical { levels, codes } => {
                let mut counts = vec![0u64; levels.len()];
                for c in codes.iter().flatten() {
                    if let Some(x) = counts.get_mut(*c as usize) {
                        *x += 1;
                    }
                }
                if let Some((i, &c)) = counts
                    .iter()
                    .enumerate()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))
                    && c >= min.max(1)
                {
                    out.insert(f.name.clone(), disclose(&levels[i]));
                }
            }
        }
    }
    out
}

/// A key per row that is equal exactly when the rows' inputs are equal.
fn inputs_keys(subjects: &SubjectData, features: &[Feature]) -> Vec<u64> {
    let n = subjects.ids.len();
    let mut keys = vec![0xcbf2_9ce4_8422_2325u64; n];
    let mix = |h: &mut u64, x: u64| {
        *h ^= x;
        *h = h.wrapping_mul(0x0100_0000_01b3);
        *h ^= *h >> 29;
    };
    for f in features {
        match &f.values {
            crate::screen::features::FeatureValues::Numeric(v) => {
                for (k, x) in keys.iter_mut().zip(v) {
                    mix(k, x.map_or(u64::MAX, f64::to_bits));
                }
            }
            crate::screen::features::FeatureValues::Categorical { codes, .. } => {
                for (k, c) in keys.iter_mut().zip(codes) {
                    mix(k, c.map_or(u64::MAX - 1, u64::from));
                }
            }
        }
    }
    keys
}

/// A worker's value as it may be printed: identity numbers, phone numbers and e-mail addresses,
/// alone or inside free text, by their shape only (minimal disclosure, even in the worker's own
/// explanation, which may be forwarded). Names and street addresses are not detected.
pub fn disclose(v: &str) -> String {
    static PATTERN: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"[0-9+(][0-9 ()+\-]{9,}[0-9Xx]|[^\s@,;]+@[^\s@,;]+").ok()
    });
    let digits = |t: &str| t.chars().filter(char::is_ascii_digit).count();
    match PATTERN.as_ref() {
        Some(re) => re
            .replace_all(v, |c: &regex::Captures<'_>| {
                let t = &c[0];
                if t.contains('@') || digits(t) >= 11 {
                    crate::screen::content::mask(t)
                } else {
                    t.to_string()
                }
            })
            .into_owned(),
        None => crate::screen::content::mask(v),
    }
}

/// Whether the ids must be replaced by pseudonyms: anything but plain employee numbers (a few
/// letters and at most 10 digits, e.g. `W0000001`, `E-1234`) or row numbers, such as an
/// 18-character resident ID number, a phone number, an e-mail address or a name.
pub fn needs_pseudonyms(ids: &[String]) -> bool {
    let plain = |id: &str| {
        if let Some(n) = id.strip_prefix("row ") {
            return n.chars().all(|c| c.is_ascii_digit());
        }
        let letters = id.chars().take_while(char::is_ascii_alphabetic).count();
        let rest = id[letters..].trim_start_matches(['-', '_']);
        letters <= 6
            && !rest.is_empty()
            && rest.len() <= 10
            && rest.chars().all(|c| c.is_ascii_digit())
    };
    ids.iter()
        .any(|id| !plain(id) || crate::screen::content::is_cn_resident_id(id))
}

/// The pseudonym key: SHA-256 of `CANDOR_ID_KEY` when set (stable pseudonyms across files),
/// else of the data file's bytes under a fixed prefix. Whoever holds the data file (the
/// employer, the review body) can recompute the pseudonyms; nobody else can, because the
/// published data hash is a different hash of the file.
fn id_key(path: &std::path::Path) -> Result<[u8; 32]> {
    let mut h = Sha256::new();
    h.update(b"candor id key v1\0");
    match std::env::var("CANDOR_ID_KEY") {
        Ok(k) if !k.is_empty() => h.update(k.as_bytes()),
        _ => {
            let bytes = std::fs::read(path).map_err(|e| Error::Read {
                path: path.to_path_buf(),
                reason: e.to_string(),
                hint: None,
            })?;
            h.update(&bytes);
        }
    }
    Ok(h.finalize().into())
}

/// `P-` and the first 16 hex digits of SHA-256(key, 0, id): a keyed hash of the id.
pub fn pseudonym(key: &[u8; 32], id: &str) -> String {
    let mut h = Sha256::new();
    h.update(key);
    h.update([0u8]);
    h.update(id.as_bytes());
    format!("P-{}", &data::hex(&h.finalize())[..16])
}

impl Explainer {
    /// Number of subjects.
    pub fn len(&self) -> usize {
        self.subjects.ids.len()
    }

    /// Whether there is no subject.
    pub fn is_empty(&self) -> bool {
        self.subjects.ids.is_empty()
    }

    /// The subject id of row `i` as shown in outputs (a pseudonym when ids identify a person).
    pub fn id(&self, i: usize) -> &str {
        match &self.pseudonyms {
            Some(p) => &p[i],
            None => &self.subjects.ids[i],
        }
    }

    /// The row of a subject id.
    pub fn row_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Whether row `i` got the adverse outcome (None without a decision).
    pub fn adverse(&self, i: usize) -> Option<bool> {
        let d = self.decision.as_ref()?.get(i).copied()?;
        Some(d != self.positive_is_favorable)
    }

    fn value_of(&self, column: &str, i: usize) -> Option<String> {
        self.subjects
            .raw
            .iter()
            .find(|(n, _)| n == column)
            .and_then(|(_, v)| v.get(i).cloned().flatten())
            .map(|v| disclose(&v))
    }

    /// The worker's value above a legal limit on this input, in words.
    fn over_limit(&self, column: &str, i: usize) -> Option<String> {
        let (amount, what) = self.limits.get(column)?;
        let v: f64 = self
            .subjects
            .raw
            .iter()
            .find(|(n, _)| n == column)?
            .1
            .get(i)?
            .as_ref()?
            .parse()
            .ok()?;
        (v > *amount).then(|| {
            let v = crate::i18n::num(Some(v));
            crate::tr!(
                self.lang,
                "Your value {v} is above the legal limit: {what}",
                "你的数值 {v} 超出法定上限：{what}"
            )
        })
    }

    fn toward(&self, contribution: f64) -> String {
        // Which decision the contribution pushes toward, then whether that harms the worker.
        let push_positive = contribution * self.surrogate.direction();
        // Below 0.0005 (the precision shown), an effect pushes nowhere.
        if push_positive.abs() < 5e-4 || self.surrogate.margin(0.0).is_none() {
            return "none".into();
        }
        let adverse = (push_positive > 0.0) != self.positive_is_favorable;
        if adverse { "adverse" } else { "favorable" }.into()
    }

    /// One worker's explanation.
    pub fn explain(&self, i: usize) -> Explanation {
        let decision_positive = self.decision.as_ref().and_then(|d| d.get(i).copied());
        let adverse = self.adverse(i);
        let score = self.score.as_ref().and_then(|v| v.get(i).copied());
        let outcome = self.outcome(decision_positive, adverse, score);
        let inputs = self.input_values(i);
        let factors = self.factors(i);
        let model = self.model_summary(i, decision_positive);
        let anchor = self.anchor(score);
        let prohibited = self.prohibited(&factors, &model, anchor);
        let counterfactual = self.counterfactual(i, adverse, anchor, &model);
        let similar = self.similar(i);
        let groups = self.group_context(i);
        let challenge = self.challenge(
            &inputs,
            &factors,
            &prohibited,
            &model,
            &similar,
            &groups,
            adverse,
        );
        let rights = self.rights.clone();
        let first_page = first_page(&factors, &rights, adverse);
        let mut e = Explanation {
            subject: self.id(i).to_string(),
            lang: self.lang,
            first_page,
            outcome,
            inputs,
            model,
            factors,
            prohibited,
            counterfactual,
            similar,
            groups,
            rights,
            challenge,
            provenance: self.provenance.clone(),
        };
        e.provenance.document_sha256 = document_hash(&e);
        e
    }

    /// The decision and score as the worker met them, with the spec's context.
    fn outcome(
        &self,
        decision_positive: Option<bool>,
        adverse: Option<bool>,
        score: Option<f64>,
    ) -> Outcome {
        let lang = self.lang;
        let (threshold, positive_above) = match self.surrogate.target {
            ModelTarget::Linear {
                threshold,
                positive_above,
            } => (threshold, threshold.map(|_| positive_above)),
            ModelTarget::Logistic => (None, None),
        };
        Outcome {
            decision_column: self.spec.decision.column.clone(),
            decision_positive,
            decision_text: text::decision(lang, decision_positive, adverse),
            adverse,
            score_column: self.spec.score.as_ref().map(|x| x.column.clone()),
            score,
            score_decimals: self.score_decimals,
            threshold,
            threshold_source: self.threshold_source.clone(),
            positive_above_threshold: positive_above,
            purpose: match lang {
                Lang::En => self.settings.purpose.clone(),
                Lang::Zh => self
                    .settings
                    .purpose_zh
                    .clone()
                    .or_else(|| self.settings.purpose.clone()),
            },
            stage: self.spec.screen.stage.as_str().to_string(),
            decision_date: self.settings.decision_date.clone(),
            document_date: self
                .settings
                .document_date
                .clone()
                .or_else(|| self.spec.report.audit_date.clone()),
            employer: self.spec.report.employer.clone(),
            contact: match lang {
                Lang::En => self.settings.contact.clone(),
                Lang::Zh => self
                    .settings
                    .contact_zh
                    .clone()
                    .or_else(|| self.settings.contact.clone()),
            },
        }
    }

    /// Every raw input column with the worker's value, its role in the model and its flag.
    fn input_values(&self, i: usize) -> Vec<InputValue> {
        let s = &self.surrogate;
        let term_of = |name: &str| s.terms.iter().position(|t| t.name == name);
        self.subjects
            .raw
            .iter()
            .map(|(name, v)| {
                let j = term_of(name);
                InputValue {
                    column: name.clone(),
                    label: self.labels.get(name).cloned(),
                    value: v.get(i).cloned().flatten().map(|v| disclose(&v)),
                    typical: self.typical.get(name).cloned(),
                    model_role: match j {
                        Some(j) if s.terms[j].len > 0 => "input",
                        Some(_) => "constant",
                        None => "not_usable",
                    }
                    .into(),
                    no_effect: j.is_none_or(|j| s.no_effect[j]),
                    flag: self.flags.get(name).cloned().map(|mut f| {
                        f.over_limit = self.over_limit(name, i);
                        f
                    }),
                }
            })
            .collect()
    }

    /// Each model input's contribution, inputs with an effect first, the largest first.
    fn factors(&self, i: usize) -> Vec<Factor> {
        let s = &self.surrogate;
        let phi = s.contributions(i);
        let mut factors: Vec<Factor> = s
            .terms
            .iter()
            .zip(&phi)
            .zip(&s.no_effect)
            .map(|((t, &c), &none)| Factor {
                column: t.name.clone(),
                label: self.labels.get(&t.name).cloned(),
                value: self.value_of(&t.name, i),
                typical: self.typical.get(&t.name).cloned(),
                contribution: c,
                toward: if none { "none".into() } else { self.toward(c) },
                flagged: self.flags.contains_key(&t.name),
                no_effect: none,
            })
            .collect();
        factors.sort_by(|a, b| {
            a.no_effect
                .cmp(&b.no_effect)
                .then(b.contribution.abs().total_cmp(&a.contribution.abs()))
                .then(a.column.cmp(&b.column))
        });
        factors
    }

    /// The model and the worker's result under it.
    fn model_summary(&self, i: usize, decision_positive: Option<bool>) -> ModelSummary {
        let s = &self.surrogate;
        let phi = s.contributions(i);
        let output = s.outputs[i];
        let additivity_error = phi.iter().sum::<f64>() - (output - s.baseline);
        let model_decision = s.decides(output);
        ModelSummary {
            model: "additive".into(),
            scale: match (s.target, s.logit) {
                (ModelTarget::Logistic, _) => "decision_log_odds",
                (_, true) => "score_log_odds",
                (_, false) => "score",
            }
            .into(),
            baseline: s.baseline,
            output,
            probability: matches!(s.target, ModelTarget::Logistic)
                .then(|| 1.0 / (1.0 + (-output).exp())),
            model_decision_positive: model_decision,
            agrees_with_real: model_decision.zip(decision_positive).map(|(a, b)| a == b),
            fidelity: self.fidelity.clone(),
            fit_rows: s.fit_rows,
            additivity_error,
            penalty: s.lambda,
        }
    }

    /// The real score on the model's scale, when the decision is a cut of it.
    fn anchor(&self, score: Option<f64>) -> Option<f64> {
        let s = &self.surrogate;
        match (s.target, score) {
            (
                ModelTarget::Linear {
                    threshold: Some(_), ..
                },
                Some(v),
            ) => Some(s.to_scale(v)),
            _ => None,
        }
    }

    /// Prohibited inputs in the record: what the decision would be without them, anchored on
    /// the real score when there is one.
    fn prohibited(
        &self,
        factors: &[Factor],
        model: &ModelSummary,
        anchor: Option<f64>,
    ) -> Prohibited {
        let s = &self.surrogate;
        let output = model.output;
        let prohibited_inputs: Vec<Factor> = factors
            .iter()
            .filter(|f| {
                self.flags
                    .get(&f.column)
                    .is_some_and(|fl| fl.kind == "prohibited_input")
            })
            .cloned()
            .collect();
        let total: f64 = prohibited_inputs.iter().map(|f| f.contribution).sum();
        let output_without = output - total;
        let (score_without, decision_without, decision_now) = match anchor {
            // A score never leaves the range the algorithm gives (a score capped at 0 stays 0).
            Some(a) => (
                Some(
                    s.from_scale(a - total)
                        .clamp(self.score_range.0, self.score_range.1),
                ),
                s.decides(a - total),
                s.decides(a),
            ),
            None => (
                None,
                s.decides(output_without),
                model.model_decision_positive,
            ),
        };
        Prohibited {
            flips: decision_without.zip(decision_now).map(|(a, b)| a != b),
            inputs: prohibited_inputs,
            total,
            output_without,
            score_without,
            decision_without_positive: decision_without,
        }
    }

    /// The smallest change that would have avoided an adverse outcome (or, without a decision,
    /// changed the model's), anchored on the real score when there is one.
    fn counterfactual(
        &self,
        i: usize,
        adverse: Option<bool>,
        anchor: Option<f64>,
        model: &ModelSummary,
    ) -> Option<Counterfactual> {
        let s = &self.surrogate;
        if self.one_decision && adverse == Some(true) {
            return Some(Counterfactual::none("same_for_everyone", 0, false));
        }
        let wanted =
            adverse == Some(true) || (adverse.is_none() && model.model_decision_positive.is_some());
        if !wanted {
            return None;
        }
        // Anchored on the real score; without one, on the model's output, and only when the
        // model reproduces the worker's decision.
        let base = anchor.unwrap_or(model.output);
        match s.margin(base) {
            _ if anchor.is_none() && model.agrees_with_real == Some(false) => {
                Some(Counterfactual::none("model_disagrees", 0, false))
            }
            Some(m) => {
                // The cut itself belongs to the upper side (`>= cut`, or not `< cut`), and the
                // real score is recorded at a precision: a change that must go below the cut
                // must take the recorded score one step below it.
                let step = self.score_decimals.map(|d| 10f64.powi(-(d as i32)));
                let need = match (anchor, step, s.cut()) {
                    (Some(a), Some(st), Some(c)) if a >= c => {
                        (a - s.to_scale(s.from_scale(c) - st)).abs()
                    }
                    _ => m.abs(),
                };
                let goal = Goal {
                    need: need + 1e-9 * (1.0 + need),
                    sigma: if m >= 0.0 { -1.0 } else { 1.0 },
                    anchor,
                };
                let mut c =
                    counterfactual::search(s, i, &self.bounds, goal, self.settings.max_candidates);
                for ch in &mut c.changes {
                    ch.from = disclose(&ch.from);
                    ch.to = disclose(&ch.to);
                }
                Some(c)
            }
            None => None,
        }
    }

    fn similar(&self, i: usize) -> Option<Similar> {
        let nb = self.neighbours.as_ref()?;
        let me = self.decision.as_ref()?.get(i).copied()?;
        let d = nb.design.ncols();
        let p: Vec<f64> = nb.design.row(i).to_vec();
        // Never fewer than the disclosure minimum, so no count describes a handful of
        // identifiable colleagues.
        let min = self.spec.report.min_published_group.max(1) as usize;
        // The similar workers must be a minority of the others, so that the counts never
        // amount to the population's totals (from which a withheld group's figures could be
        // worked out by subtraction).
        let k = self
            .settings
            .neighbours
            .max(min)
            .min(nb.rows.len().saturating_sub(1) / 2);
        if k < min {
            return None;
        }
        if k == 0 {
            return None;
        }
        // The k nearest by (distance, position in the pool): a bounded max-heap.
        let mut heap: std::collections::BinaryHeap<(OrdF64, usize)> =
            std::collections::BinaryHeap::with_capacity(k + 1);
        for (pos, q) in nb.points.chunks_exact(d).enumerate() {
            if nb.rows[pos] == i {
                continue;
            }
            let dist: f64 = q.iter().zip(&p).map(|(a, b)| (a - b) * (a - b)).sum();
            let item = (OrdF64(dist), pos);
            if heap.len() < k {
                heap.push(item);
            } else if heap.peek().is_some_and(|top| item < *top) {
                heap.pop();
                heap.push(item);
            }
        }
        let k = heap.len();
        let same = heap.iter().filter(|(_, r)| nb.decisions[*r] == me).count() as u64;
        Some(Similar {
            compared: k as u64,
            same_outcome: same,
            other_outcome: k as u64 - same,
            inputs: nb.names.clone(),
            pool: nb.rows.len() as u64,
        })
    }

    fn group_context(&self, i: usize) -> Vec<GroupContext> {
        let mut out = Vec::new();
        for slice in &self.group_slices {
            let mut values = Vec::new();
            for a in slice {
                let Some((_, v)) = self.subjects.attributes.iter().find(|(n, _)| n == a) else {
                    continue;
                };
                values.push(v[i].clone());
            }
            if values.len() != slice.len() {
                continue;
            }
            let key = (slice.join(" & "), values.join(" & "));
            if let Some(g) = self.groups.get(&key) {
                out.push(g.clone());
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn challenge(
        &self,
        inputs: &[InputValue],
        factors: &[Factor],
        prohibited: &Prohibited,
        model: &ModelSummary,
        similar: &Option<Similar>,
        groups: &[GroupContext],
        adverse: Option<bool>,
    ) -> Vec<ChallengePoint> {
        let lang = self.lang;
        let mut out = Vec::new();
        if adverse != Some(true) {
            return out;
        }
        // Flagged inputs that pushed toward the outcome, are not known to be unused, and matter
        // (at least 5 % of the largest effect).
        let largest = factors
            .iter()
            .map(|f| f.contribution.abs())
            .fold(0.0, f64::max);
        for f in factors.iter().filter(|f| {
            f.flagged && f.toward == "adverse" && f.contribution.abs() >= 0.05 * largest
        }) {
            if let Some(flag) = self
                .flags
                .get(&f.column)
                .filter(|fl| fl.used != Some(false))
            {
                out.push(ChallengePoint {
                    kind: "prohibited_input_used".into(),
                    text: text::challenge_input(
                        lang,
                        &f.column,
                        flag,
                        f.contribution,
                        model.scale != "score",
                    ),
                });
            }
        }
        if prohibited.flips == Some(true)
            && (prohibited.score_without.is_some() || model.agrees_with_real != Some(false))
        {
            out.push(ChallengePoint {
                kind: "outcome_rests_on_prohibited_inputs".into(),
                text: text::challenge_rests(lang),
            });
        }
        for g in groups {
            if g.verdict == Some(crate::metrics::Verdict::AdverseSignificant) {
                out.push(ChallengePoint {
                    kind: "group_disparity".into(),
                    text: text::challenge_group(lang, g),
                });
            }
        }
        for i in inputs {
            if let Some(text) = i.flag.as_ref().and_then(|f| f.over_limit.as_ref()) {
                let column = &i.column;
                out.push(ChallengePoint {
                    kind: "over_legal_limit".into(),
                    text: crate::tr!(
                        lang,
                        "{column}. {text}. Scoring work beyond the legal limit rewards unlawful working time.",
                        "{column}：{text}。以超出法定上限的工作时间打分，等于奖励违法的工作时间。"
                    ),
                });
            }
        }
        let low = model.fidelity.as_ref().is_some_and(|f| f.level == "low");
        if low || (model.agrees_with_real == Some(false) && prohibited.score_without.is_none()) {
            out.push(ChallengePoint {
                kind: "low_fidelity".into(),
                text: text::challenge_fidelity(lang, low),
            });
        }
        if let Some(sim) = similar
            && sim.compared > 0
            && sim.other_outcome * 2 >= sim.compared
        {
            out.push(ChallengePoint {
                kind: "similar_workers_differ".into(),
                text: text::challenge_similar(lang, sim),
            });
        }
        out
    }
}

/// What the first page points at: the main reasons toward the worker's outcome, the first
/// step and the step with the shortest deadline binding the worker.
fn first_page(factors: &[Factor], rights: &[RightEntry], adverse: Option<bool>) -> FirstPage {
    let toward_outcome = if adverse == Some(false) {
        "favorable"
    } else {
        "adverse"
    };
    FirstPage {
        main_reasons: factors
            .iter()
            .filter(|f| !f.no_effect && f.toward == toward_outcome)
            .take(3)
            .map(|f| f.column.clone())
            .collect(),
        first_step: rights.iter().position(|r| r.step == 1),
        deadline_step: rights
            .iter()
            .enumerate()
            .filter(|(_, r)| r.step > 0)
            .filter_map(|(k, r)| {
                // Only a time within which the worker must act: an employer's time to
                // answer is not the worker's deadline.
                let d = r
                    .deadline
                    .as_ref()
                    .filter(|d| d.binds.as_deref() == Some("worker"))?;
                Some((k, text::days_of(d.amount?, d.unit.as_deref()?)))
            })
            .min_by_key(|(k, d)| (*d, *k))
            .map(|(k, _)| k),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_numbers_are_masked_even_inside_text() {
        assert_eq!(disclose("13912340000"), "###########");
        assert_eq!(
            disclose("tel 139-1234-0000, id 11010519900101001X, a@b.cn; 3 days"),
            "tel ###-####-####, id #################*, *@*.**; 3 days"
        );
        assert_eq!(disclose("106.8"), "106.8");
        assert_eq!(disclose("2026-11-10 03:27:16"), "2026-11-10 03:27:16");
    }

    #[test]
    fn person_identifying_ids_get_pseudonyms() {
        let plain: Vec<String> = ["W0000001", "E-1234", "row 7", "42"]
            .map(String::from)
            .to_vec();
        assert!(!needs_pseudonyms(&plain));
        for bad in [
            "11010519900101001X",
            "13800138000",
            "a@b.cn",
            "Zhang Wei",
            "张伟",
        ] {
            let mut ids = plain.clone();
            ids.push(bad.to_string());
            assert!(needs_pseudonyms(&ids), "{bad}");
        }
        let key = [7u8; 32];
        let p = pseudonym(&key, "11010519900101001X");
        assert_eq!(p.len(), 18);
        assert!(p.starts_with("P-"));
        assert_eq!(p, pseudonym(&key, "11010519900101001X"), "deterministic");
        assert_ne!(p, pseudonym(&[8u8; 32], "11010519900101001X"), "keyed");
    }
}
