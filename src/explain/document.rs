//! The explanation as data: one worker's [`Explanation`] and its parts. Codes and numbers
//! only: no sentence in English or Chinese is stored here, and nothing depends on the
//! document's language (the renderer puts it into words, see `render`). Texts the inputs give
//! in one language (the data dictionary's names, the policy packs' summaries) are looked up by
//! the renderer in [`Sources`](super::Sources), by column and by right.

use serde::Serialize;

use super::counterfactual::Counterfactual;
use super::model::Fidelity;
use crate::screen::policy::{ContextFlag, DeadlineBinds, DeadlineUnit, RightKind};

/// The decision and score, as the worker met them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    pub decision_column: Option<String>,
    /// True when the worker got the positive decision (e.g. flagged).
    pub decision_positive: Option<bool>,
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
    pub stage: String,
    /// Date of the decision, as the spec declares it.
    pub decision_date: Option<String>,
    /// Date of this document.
    pub document_date: Option<String>,
    /// The employer (whom to contact there, and the algorithm's purpose, are in the
    /// document's language: see [`Sources`](super::Sources)).
    pub employer: Option<String>,
}

/// Why an input is marked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputFlag {
    /// `prohibited_input` or `proxy`.
    pub kind: String,
    pub category: String,
    pub severity: String,
    /// Whether the audit found the algorithm relies on it.
    pub used: Option<bool>,
    /// The worker's value, when it exceeds a legal limit on this input (e.g. overtime above
    /// 36 hours a month).
    pub over_limit: Option<f64>,
}

/// One input column and the worker's value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputValue {
    pub column: String,
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
    /// Set when the group's figures are withheld, with the reason.
    pub suppressed: Option<Suppression>,
}

/// Why a group's figures are withheld.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Suppression {
    /// The group has fewer workers than the disclosure setting (`min`) allows.
    BelowMinimum { min: u64 },
}

/// A deadline set by law, with its length kept.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeadlineEntry {
    pub amount: Option<u32>,
    pub unit: Option<DeadlineUnit>,
    /// Who must act within it (the worker, or the employer must answer within it); None when
    /// the law sets no length.
    pub binds: Option<DeadlineBinds>,
}

/// A right the worker has, from the policy packs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RightEntry {
    pub pack: String,
    /// The right's id within its pack (its law, citation, summary and deadline text are looked
    /// up by pack and id).
    pub id: String,
    pub jurisdiction: String,
    pub kind: RightKind,
    /// The step it belongs to: 1 ask the employer, 2 the union or representatives, 3 the
    /// regulator, 4 arbitration or court; 0 a duty of the employer (notice, consent).
    pub step: u8,
    pub deadline: Option<DeadlineEntry>,
    /// Conditions not declared in the spec: the right applies only if they hold.
    pub conditions: Vec<ContextFlag>,
}

/// A point of this explanation that supports a challenge, pointing into the document for its
/// figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChallengePoint {
    /// A flagged input in `factors` pushed toward the adverse outcome.
    ProhibitedInputUsed { column: String },
    /// Without the prohibited inputs the decision would differ (`prohibited.flips`).
    OutcomeRestsOnProhibitedInputs,
    /// The worker's group in `groups` (by attribute and group) fares significantly worse.
    GroupDisparity { attribute: String, group: String },
    /// The worker's value of an input exceeds a legal limit (`inputs[].flag.over_limit`).
    OverLegalLimit { column: String },
    /// The model agrees poorly with the algorithm overall (`low`), or only for this worker.
    LowFidelity { low: bool },
    /// Most similar workers got the other outcome (`similar`).
    SimilarWorkersDiffer,
}

impl ChallengePoint {
    /// The point's code.
    pub fn code(&self) -> &'static str {
        match self {
            ChallengePoint::ProhibitedInputUsed { .. } => "prohibited_input_used",
            ChallengePoint::OutcomeRestsOnProhibitedInputs => "outcome_rests_on_prohibited_inputs",
            ChallengePoint::GroupDisparity { .. } => "group_disparity",
            ChallengePoint::OverLegalLimit { .. } => "over_legal_limit",
            ChallengePoint::LowFidelity { .. } => "low_fidelity",
            ChallengePoint::SimilarWorkersDiffer => "similar_workers_differ",
        }
    }
}

/// Where the explanation comes from (the document's own hash is the renderer's: it hashes
/// the JSON in the document's language).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainProvenance {
    pub candor_version: String,
    pub audit_spec_sha256: String,
    pub explain_settings_sha256: String,
    pub data_file: String,
    pub data_sha256: String,
    pub rows: u64,
    pub seed: u64,
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
    /// The explanation on the model itself, when the model was handed over (`--model`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub onnx: Option<crate::model::worker::ModelExplanation>,
}
