//! Why a metric row has no value, or a note on how its value was computed: a code with the
//! numbers it needs. The metric stage stores only the code ([`MetricRow::reason`]); its words,
//! in English and Chinese, are written here alone ([`Reason::text`]), when the row is rendered
//! (audit.json's `reason`, metrics.csv's `reason` column, the reports' verdict cells).
//!
//! [`MetricRow::reason`]: super::MetricRow::reason

use super::Metric;
use crate::i18n::Lang;
use crate::t;

/// Why a row's value is null, or how it was computed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reason {
    /// The group has fewer workers than the disclosure setting: every figure withheld.
    Withheld { min_published: u64 },
    /// The group holds the rows whose value is missing: counted, not compared.
    MissingValues,
    /// The group is under the share threshold (the LL144 option, `below_share` a fraction of
    /// the data): left out of the ratios, its counts and rates disclosed.
    Excluded { below_share: f64 },
    /// The audited population is empty.
    EmptyPopulation,
    /// The denominator of this rate is 0 in the group.
    ZeroDenominator(Metric),
    /// The denominator of this rate is 0 in the group or the reference (a difference).
    ZeroDenominatorEither(Metric),
    /// This rate is 0 in the reference, or a denominator is 0 (a ratio).
    ZeroReferenceRate(Metric),
    /// No group is large enough to serve as the reference.
    NoReference,
    /// The reference's favorable rate is 0.
    ZeroReferenceFavorable,
    /// The reference's adverse rate is 0.
    ZeroReferenceAdverse,
    /// The row is the reference group's own.
    ReferenceGroup,
    /// Compared with the whole population, which includes the group: tested against everyone
    /// else, no interval.
    AgainstPopulation,
    /// No positive label in the group or the reference.
    NoPositiveLabel,
    /// No positive decision in the group or the reference.
    NoPositiveDecision,
    /// A TPR or FPR denominator is 0.
    ZeroTprFprDenominator,
    /// Fewer than two groups are large enough to compare.
    FewerThanTwoGroups,
    /// No group has a positive decision, or fewer than two groups.
    NoGroupPositive,
    /// A largest TPR or FPR is 0, or fewer than two groups.
    ZeroLargestTprFpr,
    /// No score.
    NoScore,
    /// An empty score distribution.
    EmptyDistribution,
    /// The sample has no median score.
    NoMedian,
    /// The scoring rate counts the scores on the favorable side of the sample `median`:
    /// above it when `higher` (a high score is favorable), else below it.
    ScoringSide { median: f64, higher: bool },
    /// The group has only one label value.
    OneLabelValue,
    /// Scores are not probabilities in [0, 1], or the group is empty.
    NotProbabilities,
    /// The pooled standard deviation is 0.
    ZeroPooledSd,
}

impl Reason {
    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let fixed = |en: &str, zh: &str| lang.pick(en, zh).to_string();
        match *self {
            Reason::Withheld { min_published: min } => t!(
                lang,
                "metrics.reason.withheld_fewer_than_workers_disclosure",
                min
            ),
            Reason::Excluded { below_share } => {
                let share = below_share * 100.0;
                t!(
                    lang,
                    "metrics.reason.excluded_group_under_data_ll144",
                    share
                )
            }
            Reason::ZeroDenominator(metric) => t!(
                lang,
                "metrics.reason.undefined_denominator_0_this_group",
                metric
            ),
            Reason::ZeroDenominatorEither(metric) => t!(
                lang,
                "metrics.reason.undefined_denominator_0_group_reference",
                metric
            ),
            Reason::ZeroReferenceRate(metric) => t!(
                lang,
                "metrics.reason.undefined_reference_0_denominator_0",
                metric
            ),
            Reason::ScoringSide {
                median: m,
                higher: true,
            } => t!(lang, "metrics.reason.share_scoring_above_sample_median", m),
            Reason::ScoringSide {
                median: m,
                higher: false,
            } => t!(lang, "metrics.reason.share_scoring_below_sample_median", m),
            Reason::MissingValues => fixed(
                "not compared: the group holds the rows whose value is missing",
                "不参与比较：该组为取值缺失的记录",
            ),
            Reason::EmptyPopulation => {
                fixed("undefined: the population is empty", "无法计算：总体为空")
            }
            Reason::NoReference => fixed(
                "undefined: no group is large enough to serve as the reference",
                "无法计算：没有足够大的群体可作参照组",
            ),
            Reason::ZeroReferenceFavorable => fixed(
                "undefined: the reference's favorable rate is 0",
                "无法计算：参照组的有利结果率为 0",
            ),
            Reason::ZeroReferenceAdverse => fixed(
                "undefined: the reference's adverse rate is 0",
                "无法计算：参照组的不利结果率为 0",
            ),
            Reason::ReferenceGroup => fixed("reference group", "参照组"),
            Reason::AgainstPopulation => fixed(
                "compared with the whole population, which includes the group: tested against everyone else, no interval",
                "与包含该组在内的全体比较：检验以该组与其余所有人对比，不给出置信区间",
            ),
            Reason::NoPositiveLabel => fixed(
                "undefined: no positive label in the group or the reference",
                "无法计算：该组或参照组没有正类标签",
            ),
            Reason::NoPositiveDecision => fixed(
                "undefined: no positive decision in the group or the reference",
                "无法计算：该组或参照组没有正向决定",
            ),
            Reason::ZeroTprFprDenominator => fixed(
                "undefined: a TPR or FPR denominator is 0",
                "无法计算：真阳性率或假阳性率的分母为 0",
            ),
            Reason::FewerThanTwoGroups => fixed(
                "undefined: fewer than two groups are large enough to compare",
                "无法计算：足够大、可供比较的群体少于两个",
            ),
            Reason::NoGroupPositive => fixed(
                "undefined: no group has a positive decision, or fewer than two groups",
                "无法计算：没有群体获得正向决定，或群体少于两个",
            ),
            Reason::ZeroLargestTprFpr => fixed(
                "undefined: a largest TPR or FPR is 0, or fewer than two groups",
                "无法计算：最大的真阳性率或假阳性率为 0，或群体少于两个",
            ),
            Reason::NoScore => fixed("undefined: no score", "无法计算：没有分数"),
            Reason::EmptyDistribution => fixed(
                "undefined: an empty score distribution",
                "无法计算：分数分布为空",
            ),
            Reason::NoMedian => fixed(
                "undefined: the sample has no median score",
                "无法计算：样本没有分数中位数",
            ),
            Reason::OneLabelValue => fixed(
                "undefined: the group has only one label value",
                "无法计算：该组的标签只有一种取值",
            ),
            Reason::NotProbabilities => fixed(
                "undefined: scores are not probabilities in [0, 1], or the group is empty",
                "无法计算：分数不是 [0, 1] 内的概率，或该组为空",
            ),
            Reason::ZeroPooledSd => fixed(
                "undefined: the pooled standard deviation is 0",
                "无法计算：合并标准差为 0",
            ),
        }
    }
}

/// What [`MetricRow::value`](super::MetricRow::value) records when the value is undefined: a
/// [`Reason`], or nothing (`None`, for a value that is always defined).
pub(crate) trait IfUndefined {
    fn reason(self) -> Option<Reason>;
}

impl IfUndefined for Reason {
    fn reason(self) -> Option<Reason> {
        Some(self)
    }
}

impl IfUndefined for Option<Reason> {
    fn reason(self) -> Option<Reason> {
        self
    }
}

/// Rows built by hand in unit tests, with a note as it was once written (`""`): notes are
/// codes now, so the text is not kept.
#[cfg(test)]
impl IfUndefined for &str {
    fn reason(self) -> Option<Reason> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_carry_their_numbers_in_both_languages() {
        let w = Reason::Withheld { min_published: 5 };
        assert_eq!(
            w.text(Lang::En),
            "withheld: fewer than 5 workers (the disclosure setting report.min_published_group)"
        );
        assert_eq!(
            w.text(Lang::Zh),
            "不予公布：人数少于 5 人（披露设置 report.min_published_group）"
        );
        let z = Reason::ZeroDenominator(Metric::Tpr);
        assert_eq!(
            z.text(Lang::En),
            "undefined: the denominator of tpr is 0 in this group"
        );
        let s = Reason::ScoringSide {
            median: 0.5,
            higher: false,
        };
        assert_eq!(
            s.text(Lang::En),
            "share scoring below the sample median 0.5 (a low score is favorable)"
        );
        assert_eq!(Reason::ReferenceGroup.text(Lang::Zh), "参照组");
    }
}
