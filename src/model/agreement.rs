//! The agreement check: does the model handed over reproduce the decisions in the table?
//!
//! Agreement = rows where the model's decision equals the recorded one / rows, with an exact
//! (Clopper-Pearson) interval, overall and for every group. When the model gives a
//! probability or a score and the table holds a score, the share of rows whose scores differ
//! by at most `score_tolerance` as well. When more than `tolerance` of the rows (default 1 %)
//! disagree, the model handed over may not be the one that decided: a finding.

use serde::Serialize;

use crate::data::columns::AttributeCodes;
use crate::metrics::intervals::{Interval, clopper_pearson};

/// Agreement of one slice (the whole table or one group).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Share {
    pub n: u64,
    /// Rows counted (that agree, or whose decision changed); None below the disclosure setting.
    pub count: Option<u64>,
    /// `agree / n`; None when `n == 0` (undefined) or withheld.
    pub share: Option<f64>,
    pub ci: Option<Interval>,
}

impl Share {
    pub fn of(agree: u64, n: u64, confidence: f64, min_published: u64) -> Self {
        if n < min_published.max(1) {
            return Share {
                n,
                count: None,
                share: None,
                ci: None,
            };
        }
        Share {
            n,
            count: Some(agree),
            share: Some(agree as f64 / n as f64),
            ci: clopper_pearson(agree, n, confidence),
        }
    }
}

/// One group's agreement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupShare {
    pub attribute: String,
    pub group: String,
    #[serde(flatten)]
    pub share: Share,
}

/// The agreement check's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// Decisions: the model's equals the recorded one.
    pub decision: Share,
    /// Rows the model decides positive, and the table.
    pub model_positive: u64,
    pub recorded_positive: u64,
    /// Recorded positive, model negative; recorded negative, model positive.
    pub missed: u64,
    pub extra: u64,
    /// Scores within `score_tolerance` (when both exist).
    pub score: Option<Share>,
    /// The largest score difference seen.
    pub score_max_difference: Option<f64>,
    pub by_group: Vec<GroupShare>,
    pub tolerance: f64,
    pub score_tolerance: f64,
    /// More than `tolerance` of the decisions disagree (point estimate): the model handed over
    /// may not be the one that decided.
    pub mismatch: bool,
}

/// Everything the check reads.
pub struct AgreementInput<'a> {
    pub model: &'a [bool],
    pub recorded: &'a [bool],
    /// The model's probability or score, and the recorded score (NaN = missing).
    pub model_score: Option<&'a [f64]>,
    pub recorded_score: Option<&'a [f64]>,
    pub attributes: &'a [AttributeCodes],
    pub tolerance: f64,
    pub score_tolerance: f64,
    pub confidence: f64,
    pub min_published: u64,
}

/// Runs the check.
pub fn agreement(i: &AgreementInput) -> Agreement {
    let n = i.model.len().min(i.recorded.len());
    let same: Vec<bool> = (0..n).map(|r| i.model[r] == i.recorded[r]).collect();
    let agree = same.iter().filter(|&&s| s).count() as u64;
    let model_positive = i.model[..n].iter().filter(|&&p| p).count() as u64;
    let recorded_positive = i.recorded[..n].iter().filter(|&&p| p).count() as u64;
    let missed = (0..n).filter(|&r| i.recorded[r] && !i.model[r]).count() as u64;
    let extra = (0..n).filter(|&r| !i.recorded[r] && i.model[r]).count() as u64;
    let (score, score_max_difference) = match (i.model_score, i.recorded_score) {
        (Some(m), Some(s)) => {
            let mut within = 0u64;
            let mut seen = 0u64;
            let mut max: f64 = 0.0;
            for r in 0..n.min(m.len()).min(s.len()) {
                if !(m[r].is_finite() && s[r].is_finite()) {
                    continue;
                }
                seen += 1;
                let d = (m[r] - s[r]).abs();
                max = max.max(d);
                if d <= i.score_tolerance {
                    within += 1;
                }
            }
            (
                Some(Share::of(within, seen, i.confidence, i.min_published)),
                (seen > 0).then_some(max),
            )
        }
        _ => (None, None),
    };
    let mut by_group = Vec::new();
    for a in i.attributes {
        let mut counts = vec![(0u64, 0u64); a.levels.len()];
        for (&code, &agrees) in a.codes.iter().zip(&same) {
            if let Some(c) = counts.get_mut(code as usize) {
                c.1 += 1;
                if agrees {
                    c.0 += 1;
                }
            }
        }
        for (g, (ag, gn)) in a.levels.iter().zip(counts) {
            by_group.push(GroupShare {
                attribute: a.name.clone(),
                group: g.clone(),
                share: Share::of(ag, gn, i.confidence, i.min_published),
            });
        }
    }
    let disagree = n as u64 - agree;
    Agreement {
        decision: Share::of(agree, n as u64, i.confidence, 1),
        model_positive,
        recorded_positive,
        missed,
        extra,
        score,
        score_max_difference,
        by_group,
        tolerance: i.tolerance,
        score_tolerance: i.score_tolerance,
        mismatch: n > 0 && disagree as f64 > i.tolerance * n as f64,
    }
}
