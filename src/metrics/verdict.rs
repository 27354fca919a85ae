//! Verdicts: practical and statistical significance kept apart.
//!
//! For impact ratios (`impact_ratio`, `scoring_impact_ratio`), with the four-fifths line 0.8
//! and the corrected p-value against `alpha`:
//! - `adverse_significant`: below 0.8 and significant after correction;
//! - `adverse_not_significant`: below 0.8, but the difference could be chance (the group may
//!   be too small to tell);
//! - `significant_within_threshold`: at or above 0.8, yet a significant difference;
//! - `no_disparity`: at or above 0.8, not significant, and the group is large enough that a
//!   ratio of 0.8 would have been detected with 80 % power;
//! - `underpowered`: at or above 0.8 and not significant, but the group is too small for the
//!   test to detect a ratio of 0.8: "no significant disparity" cannot be claimed.
//!
//! Other comparisons with a p-value get `significant` or `not_significant`. Rows without a
//! value get `insufficient` (small group) or `undefined`; the reference group gets `reference`.

use serde::Serialize;

use super::{MetricParams, MetricRow};
use crate::i18n::Lang;

/// The four-fifths line.
pub const FOUR_FIFTHS: f64 = 0.8;

/// What a comparison says, in a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Reference,
    Insufficient,
    Undefined,
    AdverseSignificant,
    AdverseNotSignificant,
    SignificantWithinThreshold,
    NoDisparity,
    Underpowered,
    Significant,
    NotSignificant,
}

impl Verdict {
    /// Plain-language text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Verdict::Reference => lang.pick("reference group", "参照组"),
            Verdict::Insufficient => lang.pick("insufficient data", "样本不足"),
            Verdict::Undefined => lang.pick("undefined", "无法计算"),
            Verdict::AdverseSignificant => lang.pick(
                "below 0.8 and statistically significant after correction",
                "低于 0.8，且经多重比较校正后统计显著",
            ),
            Verdict::AdverseNotSignificant => lang.pick(
                "below 0.8, but not statistically significant: the group may be too small to tell",
                "低于 0.8，但统计上不显著：该组样本可能过小，无法判断",
            ),
            Verdict::SignificantWithinThreshold => lang.pick(
                "at or above 0.8, but a statistically significant difference",
                "不低于 0.8，但差异统计显著",
            ),
            Verdict::NoDisparity => lang.pick(
                "no significant disparity (the test had the power to find one)",
                "无显著差异（检验有足够的统计功效发现差异）",
            ),
            Verdict::Underpowered => lang.pick(
                "no significant disparity found, but the group is too small to rule one out",
                "未发现显著差异，但该组样本过小，不能排除存在差异",
            ),
            Verdict::Significant => lang.pick(
                "statistically significant after correction",
                "经多重比较校正后统计显著",
            ),
            Verdict::NotSignificant => lang.pick(
                "not statistically significant after correction",
                "经多重比较校正后统计不显著",
            ),
        }
    }

    /// How bad, for ordering findings (higher is worse).
    pub fn rank(self) -> u8 {
        match self {
            Verdict::AdverseSignificant => 5,
            Verdict::AdverseNotSignificant => 4,
            Verdict::SignificantWithinThreshold | Verdict::Significant => 3,
            Verdict::Underpowered => 2,
            Verdict::Insufficient => 1,
            _ => 0,
        }
    }
}

fn is_impact_ratio(metric: &str) -> bool {
    metric == "impact_ratio" || metric == "scoring_impact_ratio"
}

/// Sets the verdict of a row from its value, corrected p-value and detectable ratio.
///
/// Decided from the numbers, never from the (language-dependent) `reason` text: a row is
/// insufficient when its group is below the minimum size, and the reference row of an impact
/// ratio is the one compared with itself.
pub(crate) fn assign(row: &mut MetricRow, params: &MetricParams) {
    let insufficient = row.n < params.min_group_size.max(1);
    if row.value.is_none() {
        if row.p_value.is_some() || is_impact_ratio(&row.metric) || row.reference.is_some() {
            row.verdict = Some(if insufficient {
                Verdict::Insufficient
            } else {
                Verdict::Undefined
            });
        }
        return;
    }
    if is_impact_ratio(&row.metric) && row.reference.as_deref() == Some(row.group.as_str()) {
        row.verdict = Some(Verdict::Reference);
        return;
    }
    let Some(p) = row.p_adjusted else { return };
    let significant = p < params.alpha;
    let v = row.value.unwrap_or(1.0);
    row.verdict = Some(if is_impact_ratio(&row.metric) {
        match (v < FOUR_FIFTHS, significant) {
            (true, true) => Verdict::AdverseSignificant,
            (true, false) => Verdict::AdverseNotSignificant,
            (false, true) => Verdict::SignificantWithinThreshold,
            (false, false) => match row.detectable_ratio {
                Some(d) if d >= FOUR_FIFTHS => Verdict::NoDisparity,
                _ => Verdict::Underpowered,
            },
        }
    } else if significant {
        Verdict::Significant
    } else {
        Verdict::NotSignificant
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(v: f64, p: f64, d: Option<f64>) -> MetricRow {
        let mut r = MetricRow::new("a", "g", "impact_ratio", 100).value(Some(v), "");
        r.p_value = Some(p);
        r.p_adjusted = Some(p);
        r.detectable_ratio = d;
        r
    }

    #[test]
    fn practical_and_statistical_apart() {
        let p = MetricParams::default();
        let cases = [
            (0.71, 0.001, Some(0.9), Verdict::AdverseSignificant),
            (0.71, 0.30, Some(0.5), Verdict::AdverseNotSignificant),
            (0.85, 0.001, Some(0.95), Verdict::SignificantWithinThreshold),
            (0.95, 0.60, Some(0.9), Verdict::NoDisparity),
            (0.95, 0.60, Some(0.6), Verdict::Underpowered),
            (0.95, 0.60, None, Verdict::Underpowered),
        ];
        for (v, pv, d, want) in cases {
            let mut r = row(v, pv, d);
            assign(&mut r, &p);
            assert_eq!(r.verdict, Some(want), "{v} {pv} {d:?}");
        }
    }

    #[test]
    fn insufficient_rows() {
        let mut r = MetricRow::new("a", "g", "impact_ratio", 3).value(None, "样本不足");
        assign(&mut r, &MetricParams::default());
        assert_eq!(r.verdict, Some(Verdict::Insufficient));
    }
}
