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
        _ => None,
    }
}
