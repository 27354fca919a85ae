//! The Chinese texts of the screen area (keys `screen.…`).

/// The template of `key`, if this area holds it.
pub(super) fn template(key: &str) -> Option<&'static str> {
    match key {
        "screen.layers.surrogates_fitted_seeded_sample_rows" => {
            Some("替代模型在按固定随机种子抽取的 {USAGE_MAX_ROWS} 行样本上拟合")
        }
        "screen.layers.use_layer_could_not_run" => Some("使用检验未能运行：{e}"),
        "screen.principles.pipl_art_6" => Some("《个人信息保护法》第六条"),
        "screen.principles.was_collected_not_decisions_about" => Some(
            "{name}是为{purpose}而收集的，并非用于对劳动者作出决定；将其用于本决定超出了收集时的目的",
        ),
        "screen.principles.pipl_art_19" => Some("《个人信息保护法》第十九条"),
        "screen.principles.draws_records_days_old_oldest" => {
            Some("{name}使用了 {age} 天前的记录（最早为 {oldest}），超过 {days} 天的保存期限")
        }
        "screen.finding.or_others" => Some("或{others}"),
        "screen.finding.may_stand_named_like_known" => Some(
            "{name}可能是{label_text}{others}的替代变量（其名称与已知替代变量相似；数据中没有相应属性可供检验）",
        ),
        "screen.finding.stands_predicts_group_auc" => {
            Some("{name}是{label_text}的替代变量（用它预测所属群体的 AUC 为 {p}）")
        }
        "screen.finding.holds" => Some("{name}包含{label_text}"),
        "screen.finding.algorithm_relies_setting_neutral_value" => Some(
            "；算法依赖该输入：将其设为中性值后，替代模型的 {n} 个决定中有 {k} 个改变（似然比检验，p {p}）",
        ),
        "screen.finding.paren_citation" => Some("（{citation}）"),
        "screen.finding.workers_above_legal_limit" => {
            Some("；有 {k} 名劳动者（{sh}%）超出法定上限：{what}")
        }
        "screen.finding.fewer_than_workers_above_legal" => {
            Some("；超出法定上限（{what}）的劳动者少于 {min} 人")
        }
        "screen.layers.no_decision_score_use_layer" => {
            Some("没有决定列或分数列：使用检验需要其中之一（请运行 `candor audit`）")
        }
        "screen.layers.no_flagged_input_test" => Some("没有需要检验的被标记输入"),
        "screen.finding.present_but_algorithm_does_not" => Some("；该输入存在，但未测出算法依赖它"),
        _ => None,
    }
}
