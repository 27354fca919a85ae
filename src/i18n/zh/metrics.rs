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
        "metrics.reason.not_compared_group_holds_rows" => Some("不参与比较：该组为取值缺失的记录"),
        "metrics.reason.undefined_population_empty" => Some("无法计算：总体为空"),
        "metrics.reason.undefined_no_group_large_enough" => {
            Some("无法计算：没有足够大的群体可作参照组")
        }
        "metrics.reason.undefined_reference_s_favorable_rate" => {
            Some("无法计算：参照组的有利结果率为 0")
        }
        "metrics.reason.undefined_reference_s_adverse_rate" => {
            Some("无法计算：参照组的不利结果率为 0")
        }
        "metrics.reason.reference_group" => Some("参照组"),
        "metrics.reason.compared_whole_population_which_includes" => {
            Some("与包含该组在内的全体比较：检验以该组与其余所有人对比，不给出置信区间")
        }
        "metrics.reason.undefined_no_positive_label_group" => {
            Some("无法计算：该组或参照组没有正类标签")
        }
        "metrics.reason.undefined_no_positive_decision_group" => {
            Some("无法计算：该组或参照组没有正向决定")
        }
        "metrics.reason.undefined_tpr_fpr_denominator_0" => {
            Some("无法计算：真阳性率或假阳性率的分母为 0")
        }
        "metrics.reason.undefined_fewer_than_two_groups" => {
            Some("无法计算：足够大、可供比较的群体少于两个")
        }
        "metrics.reason.undefined_no_group_has_positive" => {
            Some("无法计算：没有群体获得正向决定，或群体少于两个")
        }
        "metrics.reason.undefined_largest_tpr_fpr_0" => {
            Some("无法计算：最大的真阳性率或假阳性率为 0，或群体少于两个")
        }
        "metrics.reason.undefined_no_score" => Some("无法计算：没有分数"),
        "metrics.reason.undefined_empty_score_distribution" => Some("无法计算：分数分布为空"),
        "metrics.reason.undefined_sample_has_no_median" => Some("无法计算：样本没有分数中位数"),
        "metrics.reason.undefined_group_has_only_one" => Some("无法计算：该组的标签只有一种取值"),
        "metrics.reason.undefined_scores_not_probabilities_0" => {
            Some("无法计算：分数不是 [0, 1] 内的概率，或该组为空")
        }
        "metrics.reason.undefined_pooled_standard_deviation_0" => Some("无法计算：合并标准差为 0"),
        _ => None,
    }
}
