//! The Chinese texts of the report area (keys `report.…`).

/// The template of `key`, if this area holds it.
pub(super) fn template(key: &str) -> Option<&'static str> {
    match key {
        "report.plots.bars.parity_1_0" => Some("均等（1.0）"),
        "report.plots.bars.interval_low_high" => Some("区间（下限至上限）"),
        "report.plots.bars.impact_ratio_group_rate_comparison" => {
            Some("影响比（本组比率 ÷ 比较组比率，无单位）")
        }
        "report.plots.bars.adverse_rate_ratio_group_s" => {
            Some("不利结果率之比（本组不利结果率 ÷ 比较组的，无单位）")
        }
        "report.plots.kit.not_available" => Some("无"),
        "report.plots.heatmap.darker_lower_impact_ratio_one" => Some(
            "颜色越深，影响比越低，所有图表采用同一固定灰度：0.4 及以下最深，1.0 及以上最浅。按任一口径超出五分之四界线（影响比低于 0.8，或不利结果率之比高于 1.25）的格子加粗边框并标星号（*）。“无”表示未比较（取值缺失、人数过少不予公布或没有数值）。",
        ),
        "report.plots.heatmap.too_many_columns_print_values" => {
            Some("列数过多，未在格内标注数值。")
        }
        "report.plots.lines.showing_first_groups" => {
            Some("仅显示 {total} 个群体中的前 {MAX_GROUPS} 个")
        }
        "report.plots.lines.share_group_below_x_0" => {
            Some("分数不高于横轴取值者占本组的比例（0–1）")
        }
        "report.plots.lines.perfect_calibration_y_x" => Some("完全校准（y = x）"),
        "report.plots.lines.observed_share_positive_label_0" => Some("实际正类标签比例（0–1）"),
        "report.protection.data_protection" => Some("数据保护"),
        "report.protection.whether_table_handed_over_this" => Some(
            "为本项决定提供的数据表是否超出目的所需地识别了劳动者，每一列属于哪类信息，以及哪些输入并非该目的所需。此处只给出人数，不显示任何劳动者的取值。",
        ),
        "report.protection.data_protection_findings_worst_first" => {
            Some("数据保护方面的发现（按严重程度排列）")
        }
        "report.protection.column_by_names" => Some("{column}（经由{names}）"),
        "report.protection.workers_singled_out" => Some("可单独识别出劳动者"),
        "report.protection.coarsen_remove_columns_see_below" => {
            Some("在提供数据表之前对这些列进行粗化或删除（见下文）")
        }
        "report.protection.small_groups" => Some("小组"),
        "report.protection.coarsen_columns_see_below" => Some("对这些列进行粗化（见下文）"),
        "report.protection.sensitive_input_disclosed" => Some("敏感输入被泄露"),
        "report.protection.coarsen_columns_remove_sensitive_input" => {
            Some("对这些列进行粗化，或删除该敏感输入")
        }
        "report.protection.health_data_used_beyond_purpose" => Some("健康信息超出目的使用"),
        "report.protection.take_out_this_decision_s" => {
            Some("将其从本项决定的数据中移除；仅为其原有目的保留")
        }
        "report.protection.sensitive_data_used_beyond_purpose" => Some("敏感信息超出目的使用"),
        "report.protection.collected_not_needed" => Some("已收集但不需要"),
        "report.protection.stop_collecting_this_decision_delete" => {
            Some("停止为本项决定收集；在审计或争议结束后删除")
        }
        "report.protection.finding_id_severity" => Some("{finding_id}（{severity}）"),
        "report.protection.identifiability_columns_person_could_know" => Some(
            "可识别性。他人可能知道的同事信息所对应的列（准标识符）：{qi}。在这些列的某种组合上取值相同的劳动者构成一组；组中只有一人（k = 1）的劳动者，可被知道这些信息的任何人认出。我们在{rows_counted}上统计了其中一列、两列、三列的每种组合，以及全部列合在一起的情况；不足 {k} 人的组被视为过小（k-匿名，Sweeney 2002）。数值列按其精确取值计算。",
        ),
        "report.protection.combinations_groups_that_too_small" => {
            Some("存在人数过少之组的列组合（按严重程度排列）")
        }
        "report.protection.rows_below_min_k_paren_pct" => Some("{rows_below_min_k}（{pct}）"),
        "report.protection.all_together" => Some("全部合在一起：{columns}"),
        "report.protection.combinations_up_three_columns_group" => Some(
            "在最多三列的 {total} 种组合中，有 {below} 种存在不足 {k} 人的组；下表列出其中最严重的 {shown} 种（按处于过小组的人数排列；一种组合可能存在过小的组而没有人是唯一的），列数多于三列时先列出全部列合在一起的情况。",
        ),
        "report.protection.disclosure_sensitive_inputs_group_two" => Some(
            "敏感输入的泄露（{sens}）：若一个由两名及以上劳动者组成的组中所有人取值相同，则知道其中某人属于该组的人就能得知这一取值（l 多样性为 1；Machanavajjhala 等，2007），即使该组人数足够多。下表对每个敏感输入列出此类达到门槛人数的组中人数最多的三种组合；audit.json 列出全部组合。",
        ),
        "report.protection.groups_which_everyone_has_same" => Some("所有人敏感取值都相同的组"),
        "report.protection.homogeneous_k_anonymous_paren_workers_k" => {
            Some("{homogeneous_k_anonymous}（{workers_k_anonymous}）")
        }
        "report.protection.no_such_group_was_found" => Some("未发现此类组。"),
        "report.protection.coarsening_that_gives_every_group" => Some(
            "一种粗化方案，可使最多三列的每种组合中的每个组都至少有 {k} 人。它由贪心搜索得出：每一步粗化单位信息损失下减少风险行最多的列，最后撤销所有不必要的步骤（贪心搜索不一定找到损失最小的方案）。信息损失：{loss}（各列归一化确定性惩罚之和：0 表示无损失，1 相当于整列信息全部丢失；Xu 等，2006）。各组合中处于过小组的行数之和：粗化前 {before}，粗化后 {after}。",
        ),
        "report.protection.no_coarsening_space_searched_bands" => Some(
            "在所搜索的范围内（数值列分段、合并少见类别、删除列），没有任何粗化方案能使每个组达到 {k} 人：数据表太小。找到的最佳方案：各组合中处于过小组的行数之和，粗化前 {before}，粗化后 {after}（信息损失 {loss}）。",
        ),
        "report.protection.coarsening_copies_table_shared_beyond" => Some(
            "该粗化方案适用于审计以外对外提供的数据副本（提供给供应商、研究人员或公开发布）。审计本身需要完整的群体属性：合并或删除群体属性，会使审计要衡量其待遇的群体无从看见。",
        ),
        "report.protection.proposed_coarsening" => Some("建议的粗化方案"),
        "report.protection.what_each_column_holds" => Some("每一列所含信息的类别"),
        "report.protection.worker_id_column_spec" => Some("审计说明中的劳动者编号列"),
        "report.protection.group_attribute_spec" => Some("审计说明中的群体属性"),
        "report.protection.decision_score_label_spec" => Some("审计说明中的决定、分数或标签"),
        "report.protection.name_matches" => Some("名称匹配{name}"),
        "report.protection.name_says_holds" => Some("列名表明其为{identifier_kind}"),
        "report.protection.values_shaped" => Some("取值形如{identifier_kind}"),
        "report.protection.values_match" => Some("取值匹配 {d}"),
        "report.protection.dictionary_description_matches" => Some("数据字典说明匹配{term}"),
        "report.protection.screening" => Some("筛查类别：{label}"),
        "report.protection.phone_numbers" => Some("电话号码"),
        "report.protection.e_mail_addresses" => Some("电子邮箱地址"),
        "report.protection.names_persons" => Some("姓名"),
        "report.protection.identity_document_numbers" => Some("身份证件号码"),
        "report.protection.employee_numbers" => Some("工号"),
        "report.protection.account_identifiers" => Some("账号"),
        "report.document.candor_audit_report" => Some("Candor 审计报告"),
        "report.inputs.prohibited_inputs_proxies" => Some("禁用输入与替代变量"),
        "report.inputs.each_input_was_checked_four" => Some(
            "每个输入变量都从四个方面检查：名称和说明是否与政策词库（英文、中文、拼音）匹配；取值（如疾病诊断代码、工作时间以外的时间戳）；算法是否依赖它（分别拟合包含和不包含该变量的算法模型，作似然比检验）；以及它对受保护属性的预测能力（是否为替代变量）。严重程度取所选法律规则包中最严重的一项。",
        ),
        "report.inputs.note" => Some("说明：{note}。"),
        "report.inputs.inputs_flagged_worst_first" => Some("被标记的输入（按严重程度排列）"),
        "report.inputs.yes" => Some("是"),
        "report.inputs.not_tested" => Some("未检验"),
        "report.inputs.name_matches" => Some("名称匹配词条{term}"),
        "report.inputs.values_match" => Some("{share}% 的取值匹配 {pattern}"),
        "report.inputs.timestamps_outside_working_hours_examined" => {
            Some("{share}% 的时间戳在工作时间以外（共检查 {n} 个）")
        }
        "report.inputs.likelihood_ratio_test_p_decisions" => {
            Some("似然比检验 p {p}，{k} 个决定改变")
        }
        "report.inputs.predicts_auc" => Some("可预测{attr}（AUC {auc}）"),
        "report.ll144.for" => Some("{attr} {u} 人"),
        "report.ll144.comma" => Some("，"),
        "report.ll144.none" => Some("无"),
        "report.ll144.ll144_applies_automated_employment_decision" => Some(
            "LL144 适用于在纽约市用于筛选求职者或晋升候选员工的自动化雇用决策工具：请确认本系统属于此类。",
        ),
        "report.ll144.ll144_applies_only_automated_employment" => Some(
            "LL144 仅适用于在纽约市用于招聘或晋升的自动化雇用决策工具；本次审计未声明此类用途（在招聘或在职阶段选择 nyc-ll144 规则包），因此下列表格仅按该规则的格式列出，供比较之用。",
        ),
        "report.ll144.nyc_local_law_144_summary" => Some(
            "纽约市第 144 号地方法摘要：受审计 {n} 人；类别未知：{unknown}；按 2% 选项排除的类别：{excluded}。{note}",
        ),
        "report.ll144.nyc_local_law_144_tables" => Some("纽约市第 144 号地方法（LL144）格式表格"),
        "report.ll144.selection_rate_these_tables_share" => Some(
            "本节表格中的选择率，是各类别中获得有利结果（{fav}）者所占比例；影响比为该比率除以比率最高类别的比率。",
        ),
        "report.ll144.rule_counts_scores_above_median" => Some(
            "该规则统计高于中位数的分数；本分数越低对劳动者越有利，因此得分率统计有利的一侧，即低于中位数者。",
        ),
        "report.ll144.scoring_rate_share_category_scoring" => {
            Some("得分率：各类别中分数{side}者所占比例。{why}")
        }
        "report.ll144.unknown_category" => {
            Some("按{table}（{attr}）统计的{rate}；类别未知：{unknown} 人")
        }
        "report.ll144.category" => Some("类别"),
        "report.ll144.number" => Some("人数"),
        "report.ll144.impact_ratio" => Some("影响比"),
        "report.ll144.excluded" => Some("已排除（< {share}%）"),
        "report.model.workers_95_exact_interval" => {
            Some("{n} 人中的 {c} 人（{share_pct}；95% 精确区间 {ci_pct}）")
        }
        "report.model.predicted_class" => Some("预测类别"),
        "report.model.probability_positive_class_against_threshold" => {
            Some("正类概率（与阈值比较）")
        }
        "report.model.score_against_threshold" => Some("分数（与阈值比较）"),
        "report.model.flagged_screening" => Some("被筛查标记"),
        "report.model.stands" => Some("替代 {a}"),
        "report.model.proxy" => Some("替代变量"),
        "report.model.protected_attribute" => Some("受保护属性"),
        "report.model.median_workers_outside_worker_s" => {
            Some("该员工所在 {a} 群体以外员工的中位数")
        }
        "report.model.median_all_workers" => Some("全体员工的中位数"),
        "report.model.table_holds_no_two_valued" => {
            Some("数据表中没有二值决定，因此无法将模型与之核对。")
        }
        "report.model.check_first_model_reproduces_recorded" => Some(
            "首先核对：模型重现了 {count_cell} 的记录决定。模型判定 {model_positive} 人为正类，而数据表记录为 {recorded_positive} 人：{missed} 个记录的正类决定未被重现，另有 {extra} 个为模型新增。",
        ),
        "report.model.finding_more_than_decisions_differ" => Some(
            "发现：超过 {tol} 的决定不一致。移交的模型可能并非作出这些决定的模型：下文的翻转检验描述的是该模型，未必是数据表中的决定。",
        ),
        "report.model.decisions_that_differ_within_tolerance" => {
            Some("不一致的决定在 {tol} 的容差之内。")
        }
        "report.model.scores_model_s_value_within" => Some(
            "分数：{count_cell} 的模型输出与记录分数之差不超过 {score_tolerance}（最大差值 {largest}）。",
        ),
        "report.model.agreement_recorded_decisions_group" => Some("与记录决定的一致率（按群体）"),
        "report.model.model_reads_none_inputs_screening" => Some(
            "模型未读取筛查标记的输入（受法律限制或替代受保护群体）或受保护属性：无可翻转的输入。",
        ),
        "report.model.flip_tests_each_input_below" => Some(
            "翻转检验：对每位员工把下列每项输入设为中性值，重新运行模型，统计发生改变的决定。计数为 0 表示对这些员工而言，模型的决定不取决于以此方式设定的该输入；计数为正表示对相应人数的员工，决定取决于该输入。",
        ),
        "report.model.decisions_that_change_when_one" => Some("中和单项输入后改变的决定"),
        "report.model.share_each_group_s_decisions" => Some("各群体中决定改变的比例（按输入）"),
        "report.model.all_flagged_inputs_neutralised_once" => Some(
            "同时中和全部 {columns_len} 项被标记的输入（{columns}）后，决定发生改变的有 {count_cell}。下表显示去除这些输入后各群体的结果：有利结果的比例，以及相对参照群体（现模型下有利比例最高的群体）的两种比值。",
        ),
        "report.model.outcomes_flagged_inputs_neutralised" => Some("中和被标记输入后的结果"),
        "report.model.reference" => Some("{group}（参照）"),
        "report.model.model_handed_over" => Some("移交的模型"),
        "report.model.candor_ran_model_itself_sha" => Some(
            "Candor 使用 ONNX Runtime 在{rows_counted}上运行了模型本身（{file}，SHA-256 {sha256}），输入列为 {columns}，读取{output_words}（输出“{output_name}”）。以下内容针对该模型；对这些员工而言是精确结果，而非替代模型的估计。",
        ),
        "report.model.permutation_uses_audit_s_seed" => {
            Some("置换使用审计种子（{seed}）：相同种子得到相同计数。")
        }
        "report.cells.fmt_p_paren_test" => Some("{fmt_p}（{test}）"),
        "report.cells.withheld" => Some("不予公布（< {publ}）"),
        "report.cover.what_was_audited" => Some("审计对象"),
        "report.cover.audit_glance" => Some("审计概况"),
        "report.cover.item" => Some("项目"),
        "report.cover.value" => Some("内容"),
        "report.cover.not_stated" => Some("未说明"),
        "report.cover.system" => Some("算法系统"),
        "report.cover.purpose_employer_states" => Some("用人单位所述用途"),
        "report.cover.employer" => Some("用人单位"),
        "report.cover.auditor" => Some("审计方"),
        "report.cover.audit_date" => Some("审计日期"),
        "report.cover.cells_table_counts_computed_from" => {
            Some("单元格表（由其他引擎根据数据计算的计数）")
        }
        "report.cover.cells_table_sha_256" => Some("单元格表 SHA-256"),
        "report.rows.all_rows" => Some("全部 {rows} 行"),
        "report.rows.all_workers" => Some("全部 {rows} 名员工"),
        "report.rows.sample_rows" => Some("从 {of} 行中按种子抽取的样本里的 {rows} 行"),
        "report.cover.spark_table" => {
            Some("Spark 数据表（单元格在 Spark 上计算，以 Arrow IPC 返回）")
        }
        "report.cover.spark_cells_sha_256" => Some("返回的单元格 SHA-256"),
        "report.cover.data_file" => Some("数据文件"),
        "report.cover.data_file_sha_256" => Some("数据文件 SHA-256"),
        "report.cover.bytes" => Some("{path}（{fmt}，{bytes} 字节）"),
        "report.cover.period_data_covers" => Some("数据所涵盖的期间"),
        "report.cover.rows_cells_count_after_population" => {
            Some("{audited}（单元格表共计 {after} 行，已按总体筛选条件筛选）")
        }
        "report.cover.rows_file_after_population_filter" => {
            Some("{audited}（文件共 {inf} 行；总体筛选后 {after} 行）")
        }
        "report.cover.workers_audited" => Some("受审计人数"),
        "report.cover.population_filter" => Some("总体筛选条件"),
        "report.cover.none_every_row" => Some("无：全部记录"),
        "report.cover.decision" => Some("决定"),
        "report.cover.favorable_outcome_worker" => Some("对劳动者有利的结果"),
        "report.cover.not_stated_decision_has_several" => {
            Some("未说明：决定有多个类别，逐类与其余类别比较")
        }
        "report.cover.adverse" => Some("{fav}（不利结果：{adv}）"),
        "report.cover.score" => Some("分数"),
        "report.cover.true_outcome_label" => Some("真实结果（标签）"),
        "report.cover.none" => Some("无"),
        "report.cover.positive" => Some("{c}（正类 = {p}）"),
        "report.cover.every_other_value" => Some("其他取值"),
        "report.cover.derived_from_score_positive" => Some("由分数得出：{score} ≥ {t} 为正向"),
        "report.cover.high_score_favorable" => Some("高分对劳动者有利"),
        "report.cover.low_score_favorable" => Some("低分对劳动者有利"),
        "report.cover.threshold" => Some("；阈值 {t}"),
        "report.cover.col_paren_dir_th" => Some("{col}（{dir}{th}）"),
        "report.cover.group_attributes" => Some("群体属性"),
        "report.cover.decision_stage" => Some("决策阶段"),
        "report.cover.policy_packs" => Some("政策规则包"),
        "report.cover.all_built_packs" => Some("全部内置规则包"),
        "report.cover.statistics" => Some("统计设置"),
        "report.cover.intervals_significance_level_after_correction" => Some(
            "{conf} 置信区间；经 {corr} 校正后的显著性水平 {alpha}；少于 {min} 人的群体为小群体（精确检验，不作参照组）；少于 {publ} 人的群体不予公布",
        ),
        "report.cover.compared" => Some("比较基准"),
        "report.cover.candor" => Some("Candor"),
        "report.cover.version_seed_spec_sha_256" => {
            Some("版本 {ver}，随机种子 {seed}，审计规格 SHA-256 {sha}")
        }
        "report.cover.recruitment" => Some("招聘"),
        "report.cover.termination" => Some("解除劳动关系"),
        "report.cover.after_termination" => Some("劳动关系解除后"),
        "report.cover.employment" => Some("在职期间"),
        "report.findings.findings_worst_first" => Some("发现（按严重程度排列）"),
        "report.findings.each_finding_names_group_worse" => Some(
            "每项发现都指出处境较差的群体，并引用下表（或输入变量表）中的数字。严重程度依证据而定：差距超出五分之四界线（有利结果率之比低于 0.8，或不利结果率之比高于 1.25）且经校正后显著，为“高”；错误率差距显著或使用受限输入，为“中”；数据不能证实的差距（校正后 p ≥ {alpha}）或未超出界线但显著的差异，为“低”。区间均为 {lvl} 置信区间。",
        ),
        "report.findings.no_finding_no_gap_beyond" => Some(
            "无发现：没有超出五分之四界线的差距，也没有统计显著的差异。下表逐组说明能否排除差距。",
        ),
        "report.findings.id_bracket_sev_dot_kind_sentence" => {
            Some("{id}【{sev}·{kind}】{sentence}")
        }
        "report.findings.breached" => Some("已突破，涉及：{by}"),
        "report.findings.not_breached" => Some("未突破"),
        "report.findings.gate" => Some("判定门槛 {metric} {op} {value}：{state}"),
        "report.findings.numbers_behind_each_finding_about" => Some("各项群体差异发现所依据的数字"),
        "report.findings.paren_n" => Some("（{n}）"),
        "report.findings.metric_ratio_interval" => Some("{metric} {ratio}（{interval}）"),
        "report.findings.metric_at_k" => Some("{metric}（{lab} = {k}）"),
        "report.findings.finding_id_severity" => Some("{finding_id}（{severity}）"),
        "report.findings.attribute_eq_group_paren_n" => Some("{attribute} = {group}（{n}）"),
        "report.findings.group_vs_reference" => Some("{gr} 对 {rr}"),
        "report.findings.ratio_paren_interval" => Some("{ratio}（{interval}）"),
        "report.findings.fmt_p_paren_test_name" => Some("{fmt_p}（{test_name}）"),
        "report.summary.summary" => Some("摘要"),
        "report.summary.decision_classes" => Some("决定“{column}”，类别为{c}"),
        "report.summary.no_decision" => Some("无决定"),
        "report.summary.adverse_outcome" => Some("不利结果：{adv}"),
        "report.summary.workers_audited_findings_prohibited_high" => Some(
            "共审计 {n} 名劳动者；{what}。共 {total} 项发现：禁止 {b} 项、高 {hi} 项、中 {me} 项、低 {lo} 项、待复核 {rv} 项；下文按严重程度从高到低列出。",
        ),
        "report.summary.id_paren_sev_colon_sentence" => Some("{id}（{sev}）：{sentence}"),
        "report.summary.gates_breached_see_end_findings" => {
            Some("判定门槛：{all} 项中有 {k} 项被突破（见发现列表末尾）。")
        }
        "report.groups.groups" => Some("群体"),
        "report.groups.every_group_counted_groups_fewer" => Some(
            "每个群体都计入人数。少于 {min} 人的群体为小群体：公布其数字并使用精确检验，但从不作为参照组。少于 {publ} 人的群体不公布任何数字（披露设置 report.min_published_group）。取值缺失的劳动者归入“未知”组：计入人数并予描述，但不参与比较，也不作参照组。",
        ),
        "report.groups.groups_that_not_fully_compared" => Some("未完全参与比较的群体"),
        "report.groups.every_group_large_enough_known" => {
            Some("所有群体人数充足、取值已知，均参与比较。")
        }
        "report.groups.excluded_rows" => Some("已排除：{rows} 行（{reason}）。"),
        "report.groups.duplicate_column_name_read" => Some("重复的列名{o}按{n}读取。"),
        "report.groups.small_figures_published_exact_tests" => {
            Some("人数较少：公布数字并用精确检验，不作参照组")
        }
        "report.groups.withheld_too_few_workers_publish" => Some("不予公布：人数过少"),
        "report.groups.missing_value_counted_not_compared" => {
            Some("取值缺失：计入人数，不参与比较")
        }
        "report.groups.excluded_from_ratios_under_share" => Some("不计入比值（低于占比门槛）"),
        "report.groups.compared" => Some("参与比较"),
        "report.method.method" => Some("方法"),
        "report.method.rates_wilson_score_intervals_wilson" => {
            Some("比率：{lvl} Wilson 得分区间（Wilson 1927）。")
        }
        "report.method.differences_newcombe_s_hybrid_score" => Some(
            "差值：Newcombe 混合得分区间（Newcombe 1998，方法 10）。比值：Katz 对数区间（Katz 等，1978）。",
        ),
        "report.method.tests_fisher_s_exact_test" => Some(
            "检验：群体少于 {min} 人或任一期望频数小于 5 时用 Fisher 精确检验，否则用带 Yates 连续性校正的 Pearson 卡方检验；分数分布用 Kolmogorov-Smirnov 检验。同一对群体的有利结果率之比与不利结果率之比共用一次检验。",
        ),
        "report.method.multiple_comparisons_correction_across_every" => Some(
            "多重比较：对本次审计的全部比较作 {corr} 校正；显著性水平 {alpha}。可检出比值（见 audit.json）指在校正的最严格水平（{alpha} 除以比较次数）下，以 80% 功效可检出的最小影响比。",
        ),
        "report.method.other_metrics_percentile_intervals_from" => Some(
            "其他指标：在充分统计量上作 {boot} 次自助法重抽样，取百分位区间（随机种子 {seed}）。",
        ),
        "report.method.disclosure_figures_about_groups_fewer" => Some(
            "信息披露：少于 {publ} 人的群体，其各项数字（比率、人数、比值、图表）在所有输出中均不予公布；其余小群体的统计结果照常完整报告。局限：有时可以用总数减去其他群体公布的人数，或从所有人结果都相同的较大群体推出，而还原被隐去群体的人数；Candor 目前尚未隐去这类互补单元格。",
        ),
        "report.method.limitations_statistical_disparity_evidence_review" => Some(
            "局限：统计上的差异是需要进一步审查的证据，其本身并不能证明存在违法歧视；本审计只能看到提供给它的数据。",
        ),
        "report.method.not_run_screening_inputs_prohibited" => Some(
            "未进行：对输入变量的禁用数据和替代变量筛查，以及对数据表的数据保护审查（均需要逐行数据）；本报告不涉及输入变量，也不涉及表中哪些员工可被识别。",
        ),
        "report.charts.charts" => Some("图表"),
        "report.charts.favorable_rate_interval" => {
            Some("按{attr}划分的有利结果率（{lvl} 置信区间）")
        }
        "report.charts.impact_ratio_interval" => Some("按{attr}划分的影响比（{lvl} 置信区间）"),
        "report.charts.adverse_rate_ratio_interval" => {
            Some("按{attr}划分的不利结果率之比（{lvl} 置信区间）")
        }
        "report.charts.error_rates_interval" => Some("按{attr}划分的错误率（{lvl} 置信区间）"),
        "report.charts.rate" => Some("比率（0–1）"),
        "report.charts.false_positive_rate" => Some("假阳性率"),
        "report.charts.false_negative_rate" => Some("假阴性率"),
        "report.charts.impact_ratio_rows_columns" => {
            Some("按{attr}划分的影响比（行：{r}，列：{c}）")
        }
        "report.charts.score_0_1" => Some("分数{col}（0–1）"),
        "report.charts.score_score_s_own_unit" => Some("分数{col}（{lo}–{hi}，原始单位）"),
        "report.charts.score_distribution_share_each_group" => {
            Some("按{attr}划分的分数分布：各组中分数不高于横轴取值者的比例")
        }
        "report.charts.mean_score_bin_score_s" => {
            Some("分箱内平均分数{col}（{lo}–{hi}，原始单位）")
        }
        "report.charts.calibration_share_positive_label_per" => {
            Some("按{attr}划分的校准情况：各分数分箱中正类标签{label}的实际比例")
        }
        "report.disparity.disparity_group" => Some("各群体差异"),
        "report.disparity.favorable_rate_share_group_favorable" => Some(
            "有利结果率：本组中获得有利结果（{fav}）者所占比例；不利结果率：受到不利结果（{adv}）者所占比例。影响比：本组有利结果率除以{rule}的有利结果率；不利结果率之比同理。影响比低于 0.8 或不利结果率之比高于 1.25，即差距超出五分之四界线。只有两个置信区间都落在 0.8–1.25 之内，才判定“无差异”。区间均为 {lvl} 置信区间；p 值均已对本次审计的全部比较作多重比较校正。",
        ),
        "report.disparity.error_rates_among_workers_whose" => Some(
            "错误率：在真实结果（标签）为负类的劳动者中，假阳性率为获得正向决定者所占比例；在标签为正类的劳动者中，假阴性率为获得负向决定者所占比例。发现部分在每个标签层内比较不利结果的比率。",
        ),
        "report.disparity.error_rates" => Some("{attr}：错误率"),
        "report.disparity.decision_has_several_classes_favorable" => Some(
            "该决定有多个类别，且未说明哪一类别对劳动者有利：各表按类别列出本组得到该类别的比例，以及该比例除以参照组比例的比值（括号内为校正后 p 值）。",
        ),
        "report.disparity.group" => Some("群体"),
        "report.disparity.share" => Some("{c}：比例"),
        "report.disparity.ratio" => Some("{c}：比值"),
        "report.disparity.ratio_with_p" => Some("{ratio3}（p {p}）"),
        "report.scores.score_distribution_calibration" => Some("分数分布与校准"),
        "report.scores.high_score_favorable_worker" => Some("高分对劳动者有利"),
        "report.scores.low_score_favorable_worker" => Some("低分对劳动者有利"),
        "report.scores.score_column_scoring_rate_share" => Some(
            "分数列：{col}；{dir}。得分率：本组中分数{side}者所占比例；得分率影响比：该比例除以参照组的比例。",
        ),
        "report.scores.scores" => Some("{attr}：分数"),
        "report.scores.quantile_score_below_which_given" => Some(
            "分位数指本组中有相应比例的人分数不高于该值（取满足条件的最小分数）。人数少于 {min} 的群体在此不予描述（人数过少，无法描述分布）。",
        ),
        "report.scores.calibration_score_range_cut_into" => Some(
            "校准：把分数区间 {lo}–{hi} 等宽分为 {bins} 个分箱（各含其下限）；对每个群体和分箱，列出正类标签{label}的实际比例，括号内为记录数。若各分箱中各群体的比例一致，则同一分数对各群体含义相同。记录数少于 {min} 的分箱不报告比例（–）；各比例的 Wilson 置信区间见 audit.json。",
        ),
        "report.scores.group" => Some("群体"),
        "report.scores.median" => Some("中位数"),
        "report.scores.p_percent" => Some("{p}% 分位数"),
        "report.scores.note" => Some("说明"),
        "report.scores.score_quantiles" => Some("{attr}：分数分位数"),
        "report.scores.share_positive_label_score_bin" => {
            Some("{attr}：各分数分箱的实际正类标签比例（记录数）")
        }
        "report.scores.rate_paren_n" => Some("{rate}（{n}）"),
        "report.text.fisher_s_exact_test" => Some("Fisher 精确检验"),
        "report.text.chi_square_test" => Some("卡方检验"),
        "report.text.kolmogorov_smirnov_test" => Some("Kolmogorov-Smirnov 检验"),
        "report.text.or_separator" => Some(" 或 "),
        "report.text.above_sample_median" => Some("高于样本中位数 {m}"),
        "report.text.below_sample_median" => Some("低于样本中位数 {m}"),
        "report.text.largest_group" => Some("人数最多的群体"),
        "report.text.for" => Some("；{attr} 的参照组为{g}"),
        "report.text.whole_population" => Some("全体"),
        "report.text.interval" => Some("{lvl} 置信区间 {ci}"),
        "report.text.no_interval" => Some("无置信区间"),
        "report.text.against" => Some("{x} 对 {y}；"),
        "report.text.semicolon_name_tv" => Some("；{name} {tv}"),
        "report.text.corrected_p" => Some("校正后 p {p}，{test}"),
        "report.text.worse_off_than" => Some("{wr}的处境不如{g}："),
        "report.text.among_workers_n_received_adverse" => Some(
            "在{label}的劳动者中，{g}（n = {n}）受到不利结果（{adverse}）的比率是{r}的 {v} 倍（{rates}{civ}；{name}{twin}）",
        ),
        "report.text.n_received_times_rate_favorable" => Some(
            "{g}（n = {n}）得到{col} = {class}的比率是{r}的 {v} 倍（{rates}{civ}）；未说明哪一类别对劳动者有利，因此报告不判断哪一方处境较差",
        ),
        "report.text.n_received_adverse_outcome_times" => Some(
            "{g}（n = {n}）受到不利结果（{adverse}）的比率是{r}的 {v} 倍（{rates}{civ}{twin}）",
        ),
        "report.text.n_scored_favorable_side_times" => {
            Some("{g}（n = {n}）分数位于有利一侧（{side}）的比率是{r}的 {v} 倍（{rates}{civ}）")
        }
        "report.text.n_received_favorable_outcome_times" => {
            Some("{g}（n = {n}）获得有利结果（{fav}）的比率是{r}的 {v} 倍（{rates}{civ}{twin}）")
        }
        "report.text.lead_body_colon_verdict_semicolon_p" => Some("{lead}{body}：{verdict}；{p}。"),
        "report.text.every_audited_worker_one_group" => {
            Some("{attr}：所有受审计的劳动者都属于同一组，因此无法就该属性进行比较。")
        }
        "report.protection_text.direct_identifier" => Some("直接标识符"),
        "report.protection_text.sensitive_personal_information" => Some("敏感个人信息"),
        "report.protection_text.prohibited_restricted_input" => Some("禁止或受限制的输入"),
        "report.protection_text.protected_attribute" => Some("受保护属性"),
        "report.protection_text.stands_protected_attribute_proxy" => Some("受保护属性的替代变量"),
        "report.protection_text.indirect_identifier_quasi_identifier" => {
            Some("间接标识符（准标识符）")
        }
        "report.protection_text.algorithm_output_outcome" => Some("算法输出或结果"),
        "report.protection_text.ordinary_work_measure" => Some("一般工作指标"),
        "report.protection_text.kept_given" => Some("保持原样"),
        "report.protection_text.left_out_table" => Some("从表中删除"),
        "report.protection_text.band_up_to" => Some("{t} 及以下"),
        "report.protection_text.band_or_more" => Some("{f} 及以上"),
        "report.protection_text.all" => Some("全部"),
        "report.protection_text.bands" => Some("分为 {n} 段：{bands}"),
        "report.protection_text.missing" => Some("（缺失）"),
        "report.protection_text.categories_held_less_than_workers" => {
            Some("将占比不足 {share}% 的类别合并为一类：{merged}")
        }
        "report.protection_text.data_protection_section_proposes_coarsening" => Some(
            "数据保护一节提出了一种粗化方案，可使这些列中最多三列的每种组合里的每个组都至少有 {k} 人。",
        ),
        "report.protection_text.no_coarsening_candor_searched_gives" => {
            Some("Candor 搜索的粗化方案都无法使这些列中最多三列的每种组合里的每个组都达到 {k} 人。")
        }
        "report.protection_text.workers_only_ones_their_values" => Some(
            "仅凭{cols}的取值，就有 {n} 名劳动者是唯一的：知道同事这些信息的人即可在表中找到该同事所在的行（所检查的列中，最多三列的 {t} 种组合里有 {m} 种能单独识别出某人）。{fix}",
        ),
        "report.protection_text.nobody_alone_but_workers_share" => {
            Some("没有人是唯一的，但有 {n} 名劳动者所在的{cols}取值组合总共不足 {k} 人。")
        }
        "report.protection_text.reveal_groups_least_workers_who" => Some(
            "{cols}会泄露{col}：在 {c} 个取值相同、至少 {k} 人的组中（共 {n} 人），所有人的{col}都相同，因此尽管这些组人数足够，知道同事{cols}的人仍能得知其{col}（l 多样性为 1）。",
        ),
        "report.protection_text.every_one_these_groups_shared" => Some(
            "这些组共有的取值全部是整张表中{col}最常见的取值（常常是零）：除大多数劳动者的共同情况外透露不多，但确定无疑。",
        ),
        "report.protection_text.these_groups_shared_value_most" => Some(
            "其中 {m} 个组共有的取值是整张表中{col}最常见的取值（常常是零），除大多数劳动者的共同情况外透露不多；其余 {rest} 个组共有的是较少见的取值。",
        ),
        "report.protection_text.health_data_collected_epidemic_control" => {
            Some("为防疫而收集的健康信息")
        }
        "report.protection_text.health_data" => Some("健康信息"),
        "report.protection_text.sensitive_personal_information_2" => {
            Some("敏感个人信息（{label}）")
        }
        "report.protection_text.collected_data_this_decision_about" => Some(
            "{col}属于{what}，是为{purpose}而收集的，却出现在本项针对劳动者的决定所用的数据中，这是另一目的：其收集目的不涵盖本项决定。应将其从本项决定的数据中移除；仅为其原有目的保留（审计或相关争议进行期间亦应保留）。",
        ),
        "report.protection_text.collected_handed_algorithm_which_does" => Some(
            "{col}被收集并提供给算法，但未测出算法依赖它：已收集，但并非所述目的所需。应停止为本项决定收集该信息，并在有关该决定的审计或争议结束后删除为此收集的数据。",
        ),
        "report.html.candor_sha_256_audit_json" => {
            Some("Candor {version}。audit.json 的 SHA-256（印在每页页脚）：{json_hash}。")
        }
        "report.markdown.charts_audit_html_every_number" => {
            Some("图表见 audit.html；图表所示的每个数字都在上文各表中。")
        }
        "report.plots.bars.four_fifths_line_0_8" => Some("五分之四界线（0.8）"),
        "report.plots.bars.four_fifths_line_adverse_framing" => {
            Some("五分之四界线，不利口径（1.25）")
        }
        "report.plots.heatmap.no_cell_has_value_n" => Some("没有任何单元格有数值（无）。"),
        "report.plots.lines.mean_predicted_score_bin_0" => Some("分箱内平均预测分数（0–1）"),
        "report.protection.timestamps_outside_working_hours" => Some("时间戳在工作时间以外"),
        "report.protection.values_shaped_e_mail_addresses" => Some("取值形如电子邮箱地址"),
        "report.protection.values_shaped_mobile_numbers" => Some("取值形如手机号码"),
        "report.protection.values_shaped_resident_id_numbers" => Some("取值形如居民身份证号码"),
        "report.protection.examined_quasi_identifier" => Some("作为准标识符检查"),
        "report.inputs.no_present_but_unused" => Some("否（存在但未被使用）"),
        "report.model.shuffled_across_workers_seeded" => Some("在员工间随机置换（固定种子）"),
        "report.model.each_decile_reference_group_turn" => Some("依次取参照群体的各十分位数"),
        "report.model.each_other_values_turn" => Some("依次取其他各个值"),
        "report.method.engine_spark_cells" => Some(
            "计算引擎：Apache Spark 在数据所在处通过 Spark Connect、用 candor sql --dialect spark 给出的查询计算单元格（按群体、决定、标签和精确分数值统计的行数）；所有差异数字均由这些计数计算，与逐行计算完全相同。",
        ),
        "report.method.engine_spark_rows_all" => {
            Some("输入变量筛查和数据保护审查读取了从 Spark 取回的全部 {of} 行。")
        }
        "report.method.engine_spark_rows_sample" => Some(
            "输入变量筛查和数据保护审查读取的是 {of} 行中按种子抽取的 {rows} 行样本（规格指定了员工编号时按编号与种子的哈希抽取，否则按 Spark 的带种子随机数抽取）：相关数字是基于样本的估计，表中罕见的群体或组合可能未被抽到。未评估可识别性（谁可被单独识别）：某人在样本中独一无二，不代表在整张表中也是如此。差异数字使用全部行。",
        ),
        "report.method.engine_figures_come_from_cells" => Some(
            "计算引擎：各项数字来自单元格表（按群体、决定、标签和精确分数值统计的行数），由其他引擎用 candor sql 给出的查询根据数据计算；Candor 未读取逐行数据。所有差异数字均由这些计数计算，与逐行计算完全相同。",
        ),
        "report.charts.share_group_receiving_favorable_decision" => {
            Some("本组中获得有利决定者所占比例（0–1）")
        }
        "report.text.group_highest_rate_favorable_outcome" => {
            Some("有利结果率最高的群体（限于人数不少于最小群体规模、取值已知的群体）")
        }
        "report.text.whole_audited_population" => Some("全部受审计人群"),
        "report.inputs.surrogate_logistic" => Some("逻辑"),
        "report.inputs.surrogate_linear" => Some("线性"),
        "report.inputs.surrogate_logistic_fidelity" => Some("能复现的原决定所占比例"),
        "report.inputs.surrogate_linear_fidelity" => Some("决定系数 R²"),
        "report.inputs.surrogate" => {
            Some("Candor 对算法的模型：基于 {n} 行数据的{model}回归，保真度 {fid}（{meaning}）。")
        }
        "report.ll144.rate_selection" => Some("选择率"),
        "report.ll144.rate_scoring" => Some("得分率"),
        "report.ll144.table_sex" => Some("性别"),
        "report.ll144.table_race_ethnicity" => Some("种族/族裔"),
        "report.ll144.table_intersectional" => Some("交叉类别"),
        "report.html.page_counter" => {
            Some(r#""第 " counter(page) " 页，共 " counter(pages) " 页""#)
        }
        "report.cover.decision_binary" => Some("列{column}：正向取值 = {pos}；负向取值 = {neg}"),
        "report.cover.decision_multiclass" => Some("列{column}，类别 {c}（逐类与其余类别比较）"),
        "report.summary.limits_comparison" => Some(""),
        "report.summary.limits_comparisons" => Some(""),
        "report.summary.limits_group" => Some(""),
        "report.summary.limits_groups" => Some(""),
        "report.summary.limits" => Some(
            "局限：有 {inconclusive} 项比较{comparisons}未发现显著差距，但也不能排除差距（结论为“未发现显著差异”）；{withheld} 个{groups}少于 {min} 人的群体不予公布。",
        ),
        "report.protection.col_finding" => Some("发现"),
        "report.protection.col_about" => Some("事项"),
        "report.protection.col_columns" => Some("列"),
        "report.protection.col_workers" => Some("涉及人数"),
        "report.protection.col_what_do" => Some("应采取的措施"),
        "report.protection.col_groups" => Some("组数"),
        "report.protection.col_workers_alone_k_1" => Some("唯一的劳动者（k = 1）"),
        "report.protection.col_smallest_group_k" => Some("最小组人数（k）"),
        "report.protection.col_workers_groups_below_threshold" => Some("所在组低于门槛的劳动者"),
        "report.protection.col_sensitive_input" => Some("敏感输入"),
        "report.protection.col_revealed" => Some("泄露途径"),
        "report.protection.col_such_groups" => Some("此类组数"),
        "report.protection.col_workers_them" => Some("涉及人数"),
        "report.protection.col_those_groups_least_threshold_workers" => {
            Some("其中达到门槛人数的组（人数）")
        }
        "report.protection.col_column" => Some("列"),
        "report.protection.col_change" => Some("变更"),
        "report.protection.col_distinct_values_before" => Some("变更前不同取值数"),
        "report.protection.col_after" => Some("变更后"),
        "report.protection.col_information_lost" => Some("信息损失"),
        "report.protection.col_class" => Some("类别"),
        "report.protection.col_evidence" => Some("依据的证据"),
        "report.protection.col_legal_basis" => Some("法律依据"),
        "report.inputs.col_finding" => Some("发现"),
        "report.inputs.col_column" => Some("列名"),
        "report.inputs.col_kind" => Some("类型"),
        "report.inputs.col_category" => Some("类别"),
        "report.inputs.col_severity" => Some("严重程度"),
        "report.inputs.col_used_algorithm" => Some("算法是否使用"),
        "report.inputs.col_evidence" => Some("证据"),
        "report.inputs.col_legal_sources" => Some("法律依据"),
        "report.model.col_attribute" => Some("属性"),
        "report.model.col_group" => Some("群体"),
        "report.model.col_workers" => Some("人数"),
        "report.model.col_agreement" => Some("一致率"),
        "report.model.col_n95_exact_interval" => Some("95% 精确区间"),
        "report.model.col_input" => Some("输入"),
        "report.model.col_why_tested" => Some("检验原因"),
        "report.model.col_neutral_value" => Some("中性值"),
        "report.model.col_decisions_changed" => Some("改变的决定"),
        "report.model.col_now_favorable" => Some("变为有利"),
        "report.model.col_now_adverse" => Some("变为不利"),
        "report.model.col_favorable_now" => Some("现有利比例"),
        "report.model.col_favorable_without" => Some("去除后有利比例"),
        "report.model.col_impact_ratio_now" => Some("现影响比"),
        "report.model.col_impact_ratio_without" => Some("去除后影响比"),
        "report.model.col_adverse_rate_ratio_now" => Some("现不利比例比"),
        "report.model.col_adverse_rate_ratio_without" => Some("去除后不利比例比"),
        "report.findings.col_finding" => Some("发现"),
        "report.findings.col_group_n" => Some("群体（人数）"),
        "report.findings.col_compared_n" => Some("比较对象（人数）"),
        "report.findings.col_worse_off" => Some("处境较差者"),
        "report.findings.col_measure" => Some("指标"),
        "report.findings.col_rates" => Some("比率"),
        "report.findings.col_ratio_interval" => Some("比值（置信区间）"),
        "report.findings.col_other_framing" => Some("另一口径"),
        "report.findings.col_corrected_p" => Some("校正后 p 值"),
        "report.groups.col_attribute" => Some("属性"),
        "report.groups.col_group" => Some("群体"),
        "report.groups.col_n" => Some("人数"),
        "report.groups.col_status" => Some("状态"),
        "report.disparity.col_group" => Some("群体"),
        "report.disparity.col_n" => Some("人数"),
        "report.disparity.col_favorable_rate" => Some("有利结果率"),
        "report.disparity.col_interval" => Some("置信区间"),
        "report.disparity.col_adverse_rate" => Some("不利结果率"),
        "report.disparity.col_impact_ratio" => Some("影响比"),
        "report.disparity.col_adverse_rate_ratio" => Some("不利结果率之比"),
        "report.disparity.col_corrected_p" => Some("校正后 p 值"),
        "report.disparity.col_verdict" => Some("结论"),
        "report.disparity.col_false_positive_rate" => Some("假阳性率"),
        "report.disparity.col_fpr_ratio" => Some("假阳性率之比"),
        "report.disparity.col_false_negative_rate" => Some("假阴性率"),
        "report.disparity.col_fnr_ratio" => Some("假阴性率之比"),
        "report.scores.col_group" => Some("群体"),
        "report.scores.col_n" => Some("人数"),
        "report.scores.col_mean" => Some("平均分"),
        "report.scores.col_median" => Some("中位数"),
        "report.scores.col_scoring_rate" => Some("得分率"),
        "report.scores.col_scoring_rate_ratio" => Some("得分率影响比"),
        "report.scores.col_interval" => Some("置信区间"),
        "report.scores.col_corrected_p" => Some("校正后 p 值"),
        "report.scores.col_verdict" => Some("结论"),
        _ => None,
    }
}
