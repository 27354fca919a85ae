//! Verdicts: practical and statistical significance kept apart, and nothing claimed beyond
//! what the interval shows.
//!
//! Graded ratios are the favorable-rate impact ratio `IR` with its adverse-rate twin `AR` (for
//! a binary decision), and the scoring-rate impact ratio (no twin). A gap is "beyond the line"
//! when `IR < 0.8` or `AR > 1.25` (the group is worse off: the four-fifths rule read in both
//! framings, so a gap counts the same whichever outcome is named), or `IR > 1.25` or
//! `AR < 0.8` (the reference is worse off, possible when the reference is not the best-off
//! group). With the corrected p-value `p` against `alpha`:
//! - `adverse_significant`: beyond the line and significant after correction;
//! - `adverse_not_significant`: beyond the line, but the difference could be chance: the data
//!   cannot tell (small groups end here unless the gap is large);
//! - `significant_within_threshold`: within the lines, yet a significant difference;
//! - `no_disparity`: not significant, and the data rule a gap out: `IR`'s interval lies within
//!   [0.8, 1.25], and so does `AR`'s;
//! - `inconclusive`: not significant, but an interval reaches beyond a line: no significant
//!   disparity was found, and none can be ruled out.
//!
//! Other comparisons with a p-value get `significant` or `not_significant`. Rows set while
//! computing keep their verdict: `reference`, `withheld` (disclosure setting), `not_compared`
//! (a group of missing values), `excluded` (the LL144 2 % option); rows without a value get
//! `undefined`.

use serde::Serialize;

use super::{Metric, MetricParams, MetricRow};
use crate::i18n::Lang;
use crate::ts;

/// The four-fifths line.
pub const FOUR_FIFTHS: f64 = 0.8;
/// Its reciprocal, the line for a ratio of adverse rates.
pub const FIVE_FOURTHS: f64 = 1.25;

/// What a comparison says, in a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Reference,
    Withheld,
    NotCompared,
    Excluded,
    Undefined,
    AdverseSignificant,
    AdverseNotSignificant,
    SignificantWithinThreshold,
    NoDisparity,
    Inconclusive,
    Significant,
    NotSignificant,
}

impl Verdict {
    /// Plain-language text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Verdict::Reference => ts!(lang, "metrics.verdict.reference_group"),
            Verdict::Withheld => ts!(lang, "metrics.verdict.withheld_too_few_workers_publish"),
            Verdict::NotCompared => ts!(lang, "metrics.verdict.not_compared_missing_values"),
            Verdict::Excluded => ts!(lang, "metrics.verdict.excluded_from_ratios_under_share"),
            Verdict::Undefined => ts!(lang, "metrics.verdict.undefined"),
            Verdict::AdverseSignificant => {
                ts!(lang, "metrics.verdict.disparity_beyond_four_fifths_line")
            }
            Verdict::AdverseNotSignificant => {
                ts!(lang, "metrics.verdict.beyond_four_fifths_line_but")
            }
            Verdict::SignificantWithinThreshold => {
                ts!(lang, "metrics.verdict.within_four_fifths_line_but")
            }
            Verdict::NoDisparity => ts!(lang, "metrics.verdict.no_disparity_interval_rules_out"),
            Verdict::Inconclusive => {
                ts!(lang, "metrics.verdict.no_significant_disparity_found_but")
            }
            Verdict::Significant => ts!(
                lang,
                "metrics.verdict.statistically_significant_after_correction"
            ),
            Verdict::NotSignificant => ts!(
                lang,
                "metrics.verdict.not_statistically_significant_after_correction"
            ),
        }
    }

    /// How bad, for ordering (higher is worse).
    pub fn rank(self) -> u8 {
        match self {
            Verdict::AdverseSignificant => 5,
            Verdict::AdverseNotSignificant => 4,
            Verdict::SignificantWithinThreshold | Verdict::Significant => 3,
            Verdict::Inconclusive => 2,
            _ => 0,
        }
    }

    /// True for a verdict of a compared group that found a gap or a significant difference.
    pub fn is_disparity(self) -> bool {
        matches!(
            self,
            Verdict::AdverseSignificant
                | Verdict::AdverseNotSignificant
                | Verdict::SignificantWithinThreshold
        )
    }
}

/// Beyond a line: the group worse off (`IR < 0.8` / `AR > 1.25`) or the reference worse off
/// (`IR > 1.25` / `AR < 0.8`).
fn beyond(fav: Option<f64>, adv: Option<f64>) -> bool {
    let outside = |v: f64| !(FOUR_FIFTHS..=FIVE_FOURTHS).contains(&v);
    fav.is_some_and(outside) || adv.is_some_and(outside)
}

/// True when every given interval lies within [0.8, 1.25] (and at least one is given).
fn ruled_out(intervals: &[(Option<f64>, Option<f64>)]) -> bool {
    let mut any = false;
    for (lo, hi) in intervals {
        match (lo, hi) {
            (Some(lo), Some(hi)) => {
                any = true;
                if *lo < FOUR_FIFTHS || *hi > FIVE_FOURTHS {
                    return false;
                }
            }
            _ => return false,
        }
    }
    any
}

/// The verdict of a graded pair (the adverse twin may be absent).
fn graded(fav: &MetricRow, adv: Option<&MetricRow>, alpha: f64) -> Option<Verdict> {
    let p = fav.p_adjusted?;
    fav.value?;
    let significant = p < alpha;
    let adv_value = adv.and_then(|a| a.value);
    let gap = beyond(fav.value, adv_value);
    Some(match (gap, significant) {
        (true, true) => Verdict::AdverseSignificant,
        (true, false) => Verdict::AdverseNotSignificant,
        (false, true) => Verdict::SignificantWithinThreshold,
        (false, false) => {
            let mut ivs = vec![(fav.ci_low, fav.ci_high)];
            if let Some(a) = adv.filter(|a| a.value.is_some()) {
                ivs.push((a.ci_low, a.ci_high));
            }
            if ruled_out(&ivs) {
                Verdict::NoDisparity
            } else {
                Verdict::Inconclusive
            }
        }
    })
}

/// Sets the verdict of every row that has none yet, from its value, its corrected p-value and
/// its interval: graded pairs together (an impact ratio and the adverse-rate ratio that
/// follows it for the same group), other tests alone.
pub(crate) fn assign_all(rows: &mut [MetricRow], params: &MetricParams) {
    let mut i = 0;
    while i < rows.len() {
        if rows[i].verdict.is_some() {
            i += 1;
            continue;
        }
        let metric = rows[i].metric;
        if metric.is_graded_ratio() && metric != Metric::AdverseRateRatio {
            let twin = (metric == Metric::ImpactRatio)
                .then(|| rows.get(i + 1))
                .flatten()
                .filter(|r| {
                    r.metric == Metric::AdverseRateRatio
                        && r.attribute == rows[i].attribute
                        && r.group == rows[i].group
                        && r.class == rows[i].class
                        && r.verdict.is_none()
                });
            let has_twin = twin.is_some();
            let v = graded(&rows[i], twin, params.alpha)
                .or_else(|| (rows[i].value.is_none()).then_some(Verdict::Undefined));
            rows[i].verdict = v;
            if has_twin {
                rows[i + 1].verdict = v;
                i += 1;
            }
            i += 1;
            continue;
        }
        let row = &mut rows[i];
        if row.value.is_none() {
            if row.p_value.is_some() || metric.is_graded_ratio() || row.reference.is_some() {
                row.verdict = Some(Verdict::Undefined);
            }
        } else if let Some(p) = row.p_adjusted {
            row.verdict = Some(if p < params.alpha {
                Verdict::Significant
            } else {
                Verdict::NotSignificant
            });
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(m: Metric, v: f64, p: f64, ci: (f64, f64)) -> MetricRow {
        let mut r = MetricRow::new("a", "g", m, 100).value(Some(v), "");
        r.p_value = Some(p);
        r.p_adjusted = Some(p);
        r.ci_low = Some(ci.0);
        r.ci_high = Some(ci.1);
        r
    }

    fn pair(ir: (f64, f64, f64), ar: (f64, f64, f64), p: f64) -> Verdict {
        let mut rows = vec![
            row(Metric::ImpactRatio, ir.0, p, (ir.1, ir.2)),
            row(Metric::AdverseRateRatio, ar.0, p, (ar.1, ar.2)),
        ];
        assign_all(&mut rows, &MetricParams::default());
        assert_eq!(rows[0].verdict, rows[1].verdict);
        rows[0].verdict.unwrap()
    }

    #[test]
    fn both_framings_grade() {
        // Not flagged 0.90 vs 1, but flagged 1.86 times as often: beyond the line.
        assert_eq!(
            pair((0.90, 0.89, 0.91), (1.86, 1.7, 2.0), 0.0001),
            Verdict::AdverseSignificant
        );
        assert_eq!(
            pair((0.71, 0.6, 0.8), (1.1, 1.0, 1.2), 0.001),
            Verdict::AdverseSignificant
        );
        assert_eq!(
            pair((0.71, 0.4, 1.1), (1.1, 0.9, 1.4), 0.30),
            Verdict::AdverseNotSignificant
        );
        assert_eq!(
            pair((0.95, 0.92, 0.98), (1.1, 1.05, 1.15), 0.001),
            Verdict::SignificantWithinThreshold
        );
    }

    #[test]
    fn no_disparity_only_when_the_interval_rules_it_out() {
        assert_eq!(
            pair((0.97, 0.9, 1.02), (1.05, 0.95, 1.2), 0.6),
            Verdict::NoDisparity
        );
        // The favorable-rate interval reaches 0.755: not ruled out.
        assert_eq!(
            pair((0.95, 0.755, 1.05), (1.05, 0.95, 1.2), 0.6),
            Verdict::Inconclusive
        );
        // The adverse-rate interval reaches 1.4.
        assert_eq!(
            pair((0.97, 0.9, 1.02), (1.1, 0.95, 1.4), 0.6),
            Verdict::Inconclusive
        );
    }

    #[test]
    fn set_verdicts_are_kept() {
        let mut r = MetricRow::new("a", "g", Metric::ImpactRatio, 3).value(None, "x");
        r.verdict = Some(Verdict::Withheld);
        let mut rows = vec![r];
        assign_all(&mut rows, &MetricParams::default());
        assert_eq!(rows[0].verdict, Some(Verdict::Withheld));
        let mut rows = vec![MetricRow::new("a", "g", Metric::ImpactRatio, 50).value(None, "x")];
        assign_all(&mut rows, &MetricParams::default());
        assert_eq!(rows[0].verdict, Some(Verdict::Undefined));
    }
}
