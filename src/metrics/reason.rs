//! Why a metric row has no value, or a note on how its value was computed: a code with the
//! numbers it needs. The metric stage stores only the code ([`MetricRow::reason`]); its words,
//! in English and Chinese, are written here alone ([`Reason::text`]), when the row is rendered
//! (audit.json's `reason`, metrics.csv's `reason` column, the reports' verdict cells).
//!
//! [`MetricRow::reason`]: super::MetricRow::reason

use super::Metric;
use crate::i18n::Lang;
use crate::t;
use crate::ts;

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
            Reason::MissingValues => {
                ts!(lang, "metrics.reason.not_compared_group_holds_rows").to_string()
            }
            Reason::EmptyPopulation => {
                ts!(lang, "metrics.reason.undefined_population_empty").to_string()
            }
            Reason::NoReference => {
                ts!(lang, "metrics.reason.undefined_no_group_large_enough").to_string()
            }
            Reason::ZeroReferenceFavorable => {
                ts!(lang, "metrics.reason.undefined_reference_s_favorable_rate").to_string()
            }
            Reason::ZeroReferenceAdverse => {
                ts!(lang, "metrics.reason.undefined_reference_s_adverse_rate").to_string()
            }
            Reason::ReferenceGroup => ts!(lang, "metrics.reason.reference_group").to_string(),
            Reason::AgainstPopulation => ts!(
                lang,
                "metrics.reason.compared_whole_population_which_includes"
            )
            .to_string(),
            Reason::NoPositiveLabel => {
                ts!(lang, "metrics.reason.undefined_no_positive_label_group").to_string()
            }
            Reason::NoPositiveDecision => {
                ts!(lang, "metrics.reason.undefined_no_positive_decision_group").to_string()
            }
            Reason::ZeroTprFprDenominator => {
                ts!(lang, "metrics.reason.undefined_tpr_fpr_denominator_0").to_string()
            }
            Reason::FewerThanTwoGroups => {
                ts!(lang, "metrics.reason.undefined_fewer_than_two_groups").to_string()
            }
            Reason::NoGroupPositive => {
                ts!(lang, "metrics.reason.undefined_no_group_has_positive").to_string()
            }
            Reason::ZeroLargestTprFpr => {
                ts!(lang, "metrics.reason.undefined_largest_tpr_fpr_0").to_string()
            }
            Reason::NoScore => ts!(lang, "metrics.reason.undefined_no_score").to_string(),
            Reason::EmptyDistribution => {
                ts!(lang, "metrics.reason.undefined_empty_score_distribution").to_string()
            }
            Reason::NoMedian => {
                ts!(lang, "metrics.reason.undefined_sample_has_no_median").to_string()
            }
            Reason::OneLabelValue => {
                ts!(lang, "metrics.reason.undefined_group_has_only_one").to_string()
            }
            Reason::NotProbabilities => {
                ts!(lang, "metrics.reason.undefined_scores_not_probabilities_0").to_string()
            }
            Reason::ZeroPooledSd => {
                ts!(lang, "metrics.reason.undefined_pooled_standard_deviation_0").to_string()
            }
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
