//! The [`Explainer`]: everything about the population, computed once by
//! [`prepare`](super::prepare), and one worker's explanation built from it.

use std::collections::BTreeMap;

use super::additive::Additive;
use super::counterfactual::{self, Bounds, Counterfactual, Goal};
use super::document::{
    ExplainProvenance, Explanation, Factor, FirstPage, GroupContext, InputFlag, InputValue,
    ModelSummary, Outcome, Prohibited, RightEntry,
};

use super::model::{Fidelity, ModelTarget};
use super::privacy::disclose;
use super::render;
use super::rights::days_of;
use super::similar::Neighbours;
use super::sources::Sources;
use crate::data::SubjectData;
use crate::i18n::Lang;
use crate::spec::{AuditSpec, ExplainSpec};

/// Everything about the population, computed once; and the inputs' texts in the document's
/// language, for rendering.
pub struct Explainer {
    /// The documents' language (only the renderer uses it).
    pub(super) lang: Lang,
    pub(super) sources: Sources,
    pub(super) spec: AuditSpec,
    pub(super) settings: ExplainSpec,
    pub(super) subjects: SubjectData,
    pub(super) decision: Option<Vec<bool>>,
    pub(super) score: Option<Vec<f64>>,
    pub(super) positive_is_favorable: bool,
    pub(super) surrogate: Additive,
    pub(super) fidelity: Option<Fidelity>,
    pub(super) threshold_source: Option<String>,
    /// Flag of each raw input column (by name).
    pub(super) flags: BTreeMap<String, InputFlag>,
    pub(super) bounds: Vec<Bounds>,
    pub(super) neighbours: Option<Neighbours>,
    pub(super) groups: BTreeMap<(String, String), GroupContext>,
    pub(super) group_slices: Vec<Vec<String>>,
    pub(super) rights: Vec<RightEntry>,
    pub(super) provenance: ExplainProvenance,
    pub(super) by_id: BTreeMap<String, usize>,
    /// Keyed hashes shown instead of the ids, when the ids identify a person.
    pub(super) pseudonyms: Option<Vec<String>>,
    /// Every worker got the same decision.
    pub(super) one_decision: bool,
    /// The typical worker's value of each input (median, or most common category).
    pub(super) typical: BTreeMap<String, String>,
    /// Legal limits on inputs (the amount), from the screening.
    pub(super) limits: BTreeMap<String, f64>,
    /// Decimals the score is recorded with.
    pub(super) score_decimals: Option<u32>,
    /// The lowest and highest score of the population.
    pub(super) score_range: (f64, f64),
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

    /// The worker's value, when it is above a legal limit on this input.
    fn over_limit(&self, column: &str, i: usize) -> Option<f64> {
        let amount = self.limits.get(column)?;
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
        (v > *amount).then_some(v)
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
        Explanation {
            subject: self.id(i).to_string(),
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
            onnx: None,
        }
    }

    /// The explanation as pretty JSON, in the documents' language.
    pub fn json(&self, e: &Explanation) -> String {
        render::json(&render::Rendering::new(e, self.lang, &self.sources))
    }

    /// The explanation as Markdown, in the documents' language.
    pub fn markdown(&self, e: &Explanation) -> String {
        render::markdown(&render::Rendering::new(e, self.lang, &self.sources))
    }

    /// The explanation as one printable HTML page, in the documents' language.
    pub fn html(&self, e: &Explanation) -> String {
        render::html(&render::Rendering::new(e, self.lang, &self.sources))
    }

    /// The decision and score as the worker met them, with the spec's context.
    fn outcome(
        &self,
        decision_positive: Option<bool>,
        adverse: Option<bool>,
        score: Option<f64>,
    ) -> Outcome {
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
            adverse,
            score_column: self.spec.score.as_ref().map(|x| x.column.clone()),
            score,
            score_decimals: self.score_decimals,
            threshold,
            threshold_source: self.threshold_source.clone(),
            positive_above_threshold: positive_above,
            stage: self.spec.screen.stage.as_str().to_string(),
            decision_date: self.settings.decision_date.clone(),
            document_date: self
                .settings
                .document_date
                .clone()
                .or_else(|| self.spec.report.audit_date.clone()),
            employer: self.spec.report.employer.clone(),
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
                    .filter(|d| d.binds == Some(crate::screen::policy::DeadlineBinds::Worker))?;
                Some((k, days_of(d.amount?, d.unit?)))
            })
            .min_by_key(|(k, d)| (*d, *k))
            .map(|(k, _)| k),
    }
}
