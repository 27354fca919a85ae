//! The points of an explanation that support a challenge.

use super::document::{
    ChallengePoint, Factor, GroupContext, InputValue, ModelSummary, Prohibited, Similar,
};
use super::explainer::Explainer;

impl Explainer {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn challenge(
        &self,
        inputs: &[InputValue],
        factors: &[Factor],
        prohibited: &Prohibited,
        model: &ModelSummary,
        similar: &Option<Similar>,
        groups: &[GroupContext],
        adverse: Option<bool>,
    ) -> Vec<ChallengePoint> {
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
            if self
                .flags
                .get(&f.column)
                .is_some_and(|fl| fl.used != Some(false))
            {
                out.push(ChallengePoint::ProhibitedInputUsed {
                    column: f.column.clone(),
                });
            }
        }
        if prohibited.flips == Some(true)
            && (prohibited.score_without.is_some() || model.agrees_with_real != Some(false))
        {
            out.push(ChallengePoint::OutcomeRestsOnProhibitedInputs);
        }
        for g in groups {
            if g.verdict == Some(crate::metrics::Verdict::AdverseSignificant) {
                out.push(ChallengePoint::GroupDisparity {
                    attribute: g.attribute.clone(),
                    group: g.group.clone(),
                });
            }
        }
        for i in inputs {
            if i.flag.as_ref().is_some_and(|f| f.over_limit.is_some()) {
                out.push(ChallengePoint::OverLegalLimit {
                    column: i.column.clone(),
                });
            }
        }
        let low = model.fidelity.as_ref().is_some_and(|f| f.level == "low");
        if low || (model.agrees_with_real == Some(false) && prohibited.score_without.is_none()) {
            out.push(ChallengePoint::LowFidelity { low });
        }
        if let Some(sim) = similar
            && sim.compared > 0
            && sim.other_outcome * 2 >= sim.compared
        {
            out.push(ChallengePoint::SimilarWorkersDiffer);
        }
        out
    }
}
