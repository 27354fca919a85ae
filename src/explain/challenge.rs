//! The points of an explanation that support a challenge.

use super::document::{
    ChallengePoint, Factor, GroupContext, InputValue, ModelSummary, Prohibited, Similar,
};
use super::explainer::Explainer;
use super::text;

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
