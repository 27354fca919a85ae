//! The Chinese texts of the metrics area (keys `metrics.…`).

/// The template of `key`, if this area holds it.
pub(super) fn template(key: &str) -> Option<&'static str> {
    match key {
        "metrics.reason.withheld_fewer_than_workers_disclosure" => {
            Some("不予公布：人数少于 {min} 人（披露设置 report.min_published_group）")
        }
        "metrics.reason.excluded_group_under_data_ll144" => {
            Some("已排除：该组占数据不足 {share}%（LL144 选项）；其人数和比率仍予披露")
        }
        "metrics.reason.undefined_denominator_0_this_group" => {
            Some("无法计算：该组 {metric} 的分母为 0")
        }
        "metrics.reason.undefined_denominator_0_group_reference" => {
            Some("无法计算：该组或参照组 {metric} 的分母为 0")
        }
        "metrics.reason.undefined_reference_0_denominator_0" => {
            Some("无法计算：参照组的 {metric} 为 0，或有分母为 0")
        }
        "metrics.reason.share_scoring_above_sample_median" => {
            Some("分数高于样本中位数 {m} 者所占比例（高分对劳动者有利）")
        }
        "metrics.reason.share_scoring_below_sample_median" => {
            Some("分数低于样本中位数 {m} 者所占比例（低分对劳动者有利）")
        }
        "metrics.score_tables.insufficient_data_n_below_minimum" => {
            Some("样本不足：n = {n}，低于最小群体规模 {min}")
        }
        "metrics.score_tables.empty_bin" => Some("该分箱没有记录"),
        "metrics.score_tables.insufficient_data_n_below_minimum_2" => {
            Some("样本不足：n = {bn}，低于最小群体规模 {min}")
        }
        "metrics.verdict.reference_group" => Some("参照组"),
        "metrics.verdict.withheld_too_few_workers_publish" => Some("不予公布：人数过少"),
        "metrics.verdict.not_compared_missing_values" => Some("不参与比较（取值缺失）"),
        "metrics.verdict.excluded_from_ratios_under_share" => Some("不计入比值（低于占比门槛）"),
        "metrics.verdict.undefined" => Some("无法计算"),
        "metrics.verdict.disparity_beyond_four_fifths_line" => {
            Some("差距超出五分之四界线，且经多重比较校正后统计显著")
        }
        "metrics.verdict.beyond_four_fifths_line_but" => {
            Some("超出五分之四界线，但经多重比较校正后统计上不显著：数据不能证实这一差距")
        }
        "metrics.verdict.within_four_fifths_line_but" => Some("未超出五分之四界线，但差异统计显著"),
        "metrics.verdict.no_disparity_interval_rules_out" => {
            Some("无差异：置信区间排除了超出五分之四界线的差距")
        }
        "metrics.verdict.no_significant_disparity_found_but" => {
            Some("未发现显著差异，但置信区间不能排除存在差异")
        }
        "metrics.verdict.statistically_significant_after_correction" => {
            Some("经多重比较校正后统计显著")
        }
        "metrics.verdict.not_statistically_significant_after_correction" => {
            Some("经多重比较校正后统计不显著")
        }
        _ => None,
    }
}
