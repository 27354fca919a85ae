//! One explanation with the language it is written in and the inputs' texts in that language:
//! what every rendering reads. The explanation holds codes and numbers; the words for them
//! are made here.

use std::ops::Deref;

use super::super::rights::code_of;
use super::super::sources::{RightSource, Sources};
use super::super::{ChallengePoint, DeadlineEntry, Explanation, GroupContext, RightEntry};
use super::super::{InputFlag, Suppression};
use super::text::{self, Lang};

/// An explanation to be written in `lang`, with the inputs' texts in that language.
pub struct Rendering<'a> {
    e: &'a Explanation,
    pub lang: Lang,
    pub src: &'a Sources,
}

impl Deref for Rendering<'_> {
    type Target = Explanation;

    fn deref(&self) -> &Explanation {
        self.e
    }
}

impl<'a> Rendering<'a> {
    pub fn new(e: &'a Explanation, lang: Lang, src: &'a Sources) -> Self {
        Rendering { e, lang, src }
    }

    /// The explanation itself.
    pub fn explanation(&self) -> &'a Explanation {
        self.e
    }

    /// A column's plain name from the data dictionary.
    pub fn label(&self, column: &str) -> Option<String> {
        self.src.label(column)
    }

    /// The decision in words.
    pub fn decision_text(&self) -> String {
        let o = &self.outcome;
        text::decision(self.lang, o.decision_positive, o.adverse)
    }

    /// The audit's verdict on a group, in words.
    pub fn verdict_text(&self, g: &GroupContext) -> Option<String> {
        g.verdict.map(|v| v.text(self.lang).to_string())
    }

    /// Why a group's figures are withheld, in words.
    pub fn suppressed_text(&self, g: &GroupContext) -> Option<String> {
        g.suppressed.as_ref().map(|s| match s {
            Suppression::BelowMinimum { min } => text::suppressed(self.lang, *min),
        })
    }

    /// A right's kind in words (every right of step 4 is the right to go to arbitration or
    /// court).
    pub fn kind_text(&self, r: &RightEntry) -> String {
        if r.step == 4 {
            crate::ts!(self.lang, "explain.doc.take_case_arbitration_court").to_string()
        } else {
            text::right_kind(self.lang, &code_of(r.kind))
        }
    }

    /// A right's law, citation, summary and deadline text, from its pack.
    pub fn right(&self, r: &RightEntry) -> RightSource {
        self.src.right(&r.pack, &r.id)
    }

    /// A deadline's length in words ("one year", "一年"), when the law sets one.
    pub fn length(&self, d: &DeadlineEntry) -> Option<String> {
        d.amount
            .zip(d.unit)
            .map(|(a, u)| text::length(self.lang, a, &code_of(u)))
    }

    /// The conditions under which a right applies, in words.
    pub fn conditions(&self, r: &RightEntry) -> Vec<String> {
        r.conditions
            .iter()
            .map(|c| text::condition(self.lang, &code_of(c)))
            .collect()
    }

    /// The worker's value above a legal limit on an input, in words.
    pub fn over_limit_text(&self, column: &str, flag: &InputFlag) -> Option<String> {
        let v = crate::i18n::num(flag.over_limit);
        let what = self.src.limits.get(column).cloned().unwrap_or_default();
        flag.over_limit
            .map(|_| crate::t!(self.lang, "explain.doc.value_v_above_legal_limit", v, what))
    }

    /// A challenge point in words.
    pub fn challenge_text(&self, c: &ChallengePoint) -> String {
        let lang = self.lang;
        let flag_of = |column: &str| {
            self.inputs
                .iter()
                .find(|i| i.column == column)
                .and_then(|i| i.flag.as_ref())
        };
        match c {
            ChallengePoint::ProhibitedInputUsed { column } => {
                let contribution = self
                    .factors
                    .iter()
                    .find(|f| &f.column == column)
                    .map_or(0.0, |f| f.contribution);
                let (kind, used) = flag_of(column).map_or(("proxy", None), |f| (&f.kind, f.used));
                text::challenge_input(
                    lang,
                    column,
                    kind,
                    &self.src.flag(column).category_label,
                    used,
                    contribution,
                    self.model.scale != "score",
                )
            }
            ChallengePoint::OutcomeRestsOnProhibitedInputs => text::challenge_rests(lang),
            ChallengePoint::GroupDisparity { attribute, group } => self
                .groups
                .iter()
                .find(|g| &g.attribute == attribute && &g.group == group)
                .map(|g| text::challenge_group(lang, g, &self.verdict_text(g).unwrap_or_default()))
                .unwrap_or_default(),
            ChallengePoint::OverLegalLimit { column } => {
                let text = flag_of(column)
                    .and_then(|f| self.over_limit_text(column, f))
                    .unwrap_or_default();
                crate::t!(
                    lang,
                    "explain.doc.column_text_scoring_work_beyond",
                    column,
                    text
                )
            }
            ChallengePoint::LowFidelity { low } => text::challenge_fidelity(lang, *low),
            ChallengePoint::SimilarWorkersDiffer => self
                .similar
                .as_ref()
                .map(|s| text::challenge_similar(lang, s))
                .unwrap_or_default(),
        }
    }
}
