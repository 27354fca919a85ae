//! The English texts of the metrics area (keys `metrics.…`).

/// The template of `key`, if this area holds it.
pub(super) fn template(key: &str) -> Option<&'static str> {
    match key {
        "metrics.reason.withheld_fewer_than_workers_disclosure" => Some(
            "withheld: fewer than {min} workers (the disclosure setting report.min_published_group)",
        ),
        "metrics.reason.excluded_group_under_data_ll144" => Some(
            "excluded: the group is under {share} % of the data (the LL144 option); its counts and rates are disclosed",
        ),
        "metrics.reason.undefined_denominator_0_this_group" => {
            Some("undefined: the denominator of {metric} is 0 in this group")
        }
        "metrics.reason.undefined_denominator_0_group_reference" => {
            Some("undefined: the denominator of {metric} is 0 in the group or the reference")
        }
        "metrics.reason.undefined_reference_0_denominator_0" => {
            Some("undefined: {metric} of the reference is 0, or a denominator is 0")
        }
        "metrics.reason.share_scoring_above_sample_median" => {
            Some("share scoring above the sample median {m} (a high score is favorable)")
        }
        "metrics.reason.share_scoring_below_sample_median" => {
            Some("share scoring below the sample median {m} (a low score is favorable)")
        }
        "metrics.score_tables.insufficient_data_n_below_minimum" => {
            Some("insufficient data: n = {n} is below the minimum group size {min}")
        }
        "metrics.score_tables.empty_bin" => Some("empty bin"),
        "metrics.score_tables.insufficient_data_n_below_minimum_2" => {
            Some("insufficient data: n = {bn} is below the minimum group size {min}")
        }
        "metrics.verdict.reference_group" => Some("reference group"),
        "metrics.verdict.withheld_too_few_workers_publish" => {
            Some("withheld: too few workers to publish")
        }
        "metrics.verdict.not_compared_missing_values" => Some("not compared (missing values)"),
        "metrics.verdict.excluded_from_ratios_under_share" => {
            Some("excluded from the ratios (under the share threshold)")
        }
        "metrics.verdict.undefined" => Some("undefined"),
        "metrics.verdict.disparity_beyond_four_fifths_line" => Some(
            "disparity beyond the four-fifths line, statistically significant after correction",
        ),
        "metrics.verdict.beyond_four_fifths_line_but" => Some(
            "beyond the four-fifths line, but not statistically significant after correction: the data cannot confirm the gap",
        ),
        "metrics.verdict.within_four_fifths_line_but" => {
            Some("within the four-fifths line, but a statistically significant difference")
        }
        "metrics.verdict.no_disparity_interval_rules_out" => {
            Some("no disparity: the interval rules out a gap beyond the four-fifths line")
        }
        "metrics.verdict.no_significant_disparity_found_but" => {
            Some("no significant disparity found, but the interval cannot rule one out")
        }
        "metrics.verdict.statistically_significant_after_correction" => {
            Some("statistically significant after correction")
        }
        "metrics.verdict.not_statistically_significant_after_correction" => {
            Some("not statistically significant after correction")
        }
        "metrics.reason.not_compared_group_holds_rows" => {
            Some("not compared: the group holds the rows whose value is missing")
        }
        "metrics.reason.undefined_population_empty" => Some("undefined: the population is empty"),
        "metrics.reason.undefined_no_group_large_enough" => {
            Some("undefined: no group is large enough to serve as the reference")
        }
        "metrics.reason.undefined_reference_s_favorable_rate" => {
            Some("undefined: the reference's favorable rate is 0")
        }
        "metrics.reason.undefined_reference_s_adverse_rate" => {
            Some("undefined: the reference's adverse rate is 0")
        }
        "metrics.reason.reference_group" => Some("reference group"),
        "metrics.reason.compared_whole_population_which_includes" => Some(
            "compared with the whole population, which includes the group: tested against everyone else, no interval",
        ),
        "metrics.reason.undefined_no_positive_label_group" => {
            Some("undefined: no positive label in the group or the reference")
        }
        "metrics.reason.undefined_no_positive_decision_group" => {
            Some("undefined: no positive decision in the group or the reference")
        }
        "metrics.reason.undefined_tpr_fpr_denominator_0" => {
            Some("undefined: a TPR or FPR denominator is 0")
        }
        "metrics.reason.undefined_fewer_than_two_groups" => {
            Some("undefined: fewer than two groups are large enough to compare")
        }
        "metrics.reason.undefined_no_group_has_positive" => {
            Some("undefined: no group has a positive decision, or fewer than two groups")
        }
        "metrics.reason.undefined_largest_tpr_fpr_0" => {
            Some("undefined: a largest TPR or FPR is 0, or fewer than two groups")
        }
        "metrics.reason.undefined_no_score" => Some("undefined: no score"),
        "metrics.reason.undefined_empty_score_distribution" => {
            Some("undefined: an empty score distribution")
        }
        "metrics.reason.undefined_sample_has_no_median" => {
            Some("undefined: the sample has no median score")
        }
        "metrics.reason.undefined_group_has_only_one" => {
            Some("undefined: the group has only one label value")
        }
        "metrics.reason.undefined_scores_not_probabilities_0" => {
            Some("undefined: scores are not probabilities in [0, 1], or the group is empty")
        }
        "metrics.reason.undefined_pooled_standard_deviation_0" => {
            Some("undefined: the pooled standard deviation is 0")
        }
        _ => None,
    }
}
