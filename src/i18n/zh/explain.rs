//! The Chinese texts of the explain area (keys `explain.…`): the words of a worker's
//! explanation, which the renderer (src/explain/render) puts to its codes and numbers.

/// The template of `key`, if this area holds it.
pub(super) fn template(key: &str) -> Option<&'static str> {
    match key {
        "explain.challenge.fidelity_low" => Some(
            "Candor 为解释算法而建立的模型与算法的实际决定吻合度低，本说明可能遗漏真正的原因：你可以要求用人单位说明实际逻辑和所用数据。",
        ),
        "explain.challenge.fidelity_this_worker" => Some(
            "对你而言，Candor 建立的算法模型给出的决定与实际决定不同，真实原因可能与此处所列不同：你可以要求用人单位说明。",
        ),
        "explain.challenge.group" => Some(
            "你所在的群体 {attribute} = {group} 得到不利结果的频率是 {reference} 的 {ratio} 倍（不利结果比例 {rate}；有利结果比例之比为 {impact}）：{verdict}。",
        ),
        "explain.challenge.input" => Some(
            "你记录中的“{column}”（{kind}：{category}）使结果向不利方向移动了 {amount}{unit}；{reliance}。",
        ),
        "explain.challenge.reference_default" => Some("对照群体"),
        "explain.challenge.similar" => {
            Some("在合法输入上与你最相似的 {compared} 名员工中，有 {other} 人得到了相反的结果。")
        }
        "explain.challenge.unit_log_odds" => Some("（对数几率）"),
        "explain.challenge.unit_points" => Some(" 个评分分值"),
        "explain.context.agreement_by" => Some("{yes}：{yes_rate}；{no}：{no_rate}"),
        "explain.context.law" => Some("{law}（{citation}，{jurisdiction}）"),
        "explain.context.law_title" => Some("《{law}》"),
        "explain.context.not_algorithm" => Some("（与算法不同）"),
        "explain.context.same_as_algorithm" => Some("（与算法相同）"),
        "explain.decision.adverse" => Some("对你不利的结果"),
        "explain.decision.no" => Some("否"),
        "explain.decision.none" => Some("没有记录决定（只有评分）"),
        "explain.decision.not_adverse" => Some("并非不利结果"),
        "explain.decision.with_harm" => Some("{answer}——{harm}"),
        "explain.decision.yes" => Some("是"),
        "explain.doc.column_text_scoring_work_beyond" => {
            Some("{column}：{text}。以超出法定上限的工作时间打分，等于奖励违法的工作时间。")
        }
        "explain.doc.take_case_arbitration_court" => Some("申请仲裁或提起诉讼的权利"),
        "explain.doc.value_v_above_legal_limit" => Some("你的数值 {v} 超出法定上限：{what}"),
        "explain.first.against" => Some("对你不利：{against}"),
        "explain.first.against_and_favour" => Some("对你不利：{against}；对你有利：{favour}"),
        "explain.first.ask_data" => Some("向用人单位要求查阅你的信息"),
        "explain.first.ask_explain" => Some("要求用人单位对决定予以说明"),
        "explain.first.ask_review" => Some("向用人单位要求人工复核"),
        "explain.first.at_least" => Some("达到或高于"),
        "explain.first.below" => Some("低于"),
        "explain.first.change" => Some("可避免这一结果的改变：{change}。"),
        "explain.first.deadline" => {
            Some("期限：{right}，期限为{length}（{citation}）；期限自何时起算，见下文第{step}步。")
        }
        "explain.first.decision_line" => Some("决定{when}：{decision}（{harm}）。{score}"),
        "explain.first.favour" => Some("对你有利：{favour}"),
        "explain.first.first_step" => Some("首先可以做的：{action}（{citation}）。{change}"),
        "explain.first.reason_typical" => Some("{name} {v}（一般员工为 {t}）"),
        "explain.first.reasons" => Some("影响最大的因素：{reasons}。"),
        "explain.first.restricted_decided" => Some(
            "使用了法律限制使用的数据（{names}）；这些数据合起来决定了你的结果：若不使用，决定将会不同。{without}",
        ),
        "explain.first.restricted_no_effect" => {
            Some("你的记录中有法律限制使用的数据（{names}），但它对决定没有可测量的影响。")
        }
        "explain.first.restricted_same" => {
            Some("使用了法律限制使用的数据（{names}）；若不使用，决定不会改变。{without}")
        }
        "explain.first.restricted_used" => Some("使用了法律限制使用的数据（{names}）。{without}"),
        "explain.first.score" => {
            Some("你的“{column}”为 {score}；{side} {threshold} 即{decision}。")
        }
        "explain.first.score_without" => Some("不计入这些数据，你的分数将是 {score}。"),
        "explain.first.step_1" => Some("一"),
        "explain.first.step_2" => Some("二"),
        "explain.first.step_3" => Some("三"),
        "explain.first.step_4" => Some("四"),
        "explain.first.use_right" => Some("行使权利：{right}"),
        "explain.first.when" => Some("（{d}）"),
        "explain.first_page.decision" => Some("该决定"),
        "explain.jurisdiction.cn" => Some("中国"),
        "explain.jurisdiction.eu" => Some("欧盟"),
        "explain.jurisdiction.us" => Some("美国"),
        "explain.jurisdiction.us_il" => Some("美国伊利诺伊州"),
        "explain.jurisdiction.us_ny_nyc" => Some("美国纽约市"),
        "explain.label.a_additivity" => Some("各项影响之和与差值之差（舍入误差）"),
        "explain.label.a_agreement" => Some("在未用于拟合的员工上重现的决定比例"),
        "explain.label.a_agreement_by" => Some("按决定分"),
        "explain.label.a_baseline" => Some("平均员工的结果"),
        "explain.label.a_fit_rows" => Some("用于拟合模型的员工人数"),
        "explain.label.a_identical" => Some("输入完全相同但决定不同的员工人数"),
        "explain.label.a_in_sample" => Some("拟合样本内"),
        "explain.label.a_level" => Some("可信程度"),
        "explain.label.a_model_decision" => Some("模型对你的决定"),
        "explain.label.a_output" => Some("你在模型中的结果"),
        "explain.label.a_penalty" => Some("惩罚系数（每名员工）"),
        "explain.label.a_r2" => Some("在未用于拟合的员工上解释的分数变异比例（决定系数 R²）"),
        "explain.label.a_residual" => Some("模型无法解释的分数变异（标准差）"),
        "explain.label.a_scale" => Some("模型单位"),
        "explain.label.a_unexplainable" => {
            Some("任何基于这些输入的模型都无法可靠重现的决定比例（估计）")
        }
        "explain.label.adverse_rate" => Some("不利结果率（置信区间）"),
        "explain.label.adverse_rate_ratio" => Some("是对照群体的倍数"),
        "explain.label.appendix_model" => Some(
            "Candor 针对算法的输出拟合了一个加性模型：每项输入一条形状曲线（由若干直线段组成，可在最多19个点处（取值较少的输入则在每个取值处）转折或跳变，因此能跟上阈值和上限），其惩罚系数由五折交叉验证选定。由于模型按输入逐项相加，所列每项影响恰好是该输入的沙普利值（它在你与平均员工之差中所占的份额）。模型的可信程度在未用于拟合的员工上测量：每名员工的决定由在其余五分之四数据上拟合的模型预测。建议的改变须在这五个模型下都成立，留有预测变化的三个标准误的余量，并对照模型在原取值和新取值员工上的误差进行校验。",
        ),
        "explain.label.applies" => Some("适用条件"),
        "explain.label.cf_anchored" => Some(
            "Candor 找到的、在你可以采取行动的输入上能使你的实际分数越过阈值的最小改变：以你现在的分数，加上 Candor 建立的算法模型对这些数值预测的变化。你无法改变的输入和受限制的输入保持不变；每项输入都在大多数员工的取值范围内。",
        ),
        "explain.label.cf_bound" => Some("搜索在尝试所有组合之前已达到上限；可能存在更小的改变。"),
        "explain.label.cf_model" => Some(
            "Candor 找到的、在你可以采取行动的输入上能改变 Candor 算法模型决定的最小改变。真实的算法可能作出不同的决定：没有分数可供核验这一改变。",
        ),
        "explain.label.cf_model_disagrees" => Some(
            "Candor 建立的算法模型未能重现你的结果，也没有分数可作为改变的依据，因此不提出改变建议。你可以要求用人单位说明实际逻辑（见下文的步骤）。",
        ),
        "explain.label.cf_model_disagrees_score" => Some(
            "你的决定并不是按分数的单一分数线作出的（没有一个分数能把两种决定分开），而 Candor 对这一决定建立的模型也未能重现你的结果，因此不提出改变建议。你可以要求用人单位说明决定是如何根据分数作出的（见下文的步骤）。",
        ),
        "explain.label.cf_no_input" => Some(
            "Candor 建立的算法模型没有使用任何你可以采取行动的输入，因此不提出改变建议。这是就 Candor 的模型而言：如果模型对算法的重现程度低（见附录），算法可能取决于数据之外的因素。",
        ),
        "explain.label.cf_none" => Some(
            "Candor 没有找到可以担保的改变：在你可以采取行动的输入上（每项都在大多数员工的取值范围内、按允许的方向变化），没有任何改变能在其模型的每个版本下以安全的余量越过阈值。这并不表示没有改变能起作用，只表示 Candor 无法担保某一改变会起作用。",
        ),
        "explain.label.cf_same" => {
            Some("审计中的每一名员工都得到了这一决定，因此你的输入无论如何改变都不会改变它。")
        }
        "explain.label.column" => Some("输入项"),
        "explain.label.constant_input" => Some("所有员工取值相同或均缺失：不会影响结果"),
        "explain.label.contact" => Some("联系人"),
        "explain.label.contact_missing" => {
            Some("用人单位未说明：请向用人单位的人力资源部门或个人信息保护负责人提出")
        }
        "explain.label.contribution" => Some("影响"),
        "explain.label.data_file" => Some("数据文件"),
        "explain.label.data_hash" => Some("数据文件（SHA-256）"),
        "explain.label.deadline" => Some("期限"),
        "explain.label.decision" => Some("决定"),
        "explain.label.decision_date" => Some("决定日期"),
        "explain.label.doc_hash" => Some("本文件（JSON 的 SHA-256）"),
        "explain.label.document_date" => Some("本文件日期"),
        "explain.label.employer" => Some("用人单位"),
        "explain.label.favorable_rate" => Some("有利结果率（置信区间）"),
        "explain.label.from" => Some("原值"),
        "explain.label.group" => Some("群体"),
        "explain.label.groups_note" => Some(
            "不利结果率是群体中得到对其不利结果的比例；下一列是该比例除以对照群体的同一比例（达到或超过 1.25 即触及按不利结果计算的“五分之四规则”警戒线）。",
        ),
        "explain.label.hash_note" => Some(
            "校验本文件未被改动：在其 JSON 文件（员工编号.json）中，把上方所示的哈希值删去，使该行变为 \"document_sha256\": \"\"，再计算文件字节的 SHA-256，结果应与上方哈希值一致。",
        ),
        "explain.label.intro" => Some(
            "本文件根据用人单位提交审计的数据，说明算法对你作出的一项决定：用了哪些数据、哪些因素影响最大、怎样的改变会使结果不同、你所在群体的情况，以及如何一步一步提出异议。本文件不包含任何其他员工的数值或身份：涉及他人的只有人数和群体汇总数字。",
        ),
        "explain.label.law" => Some("法律"),
        "explain.label.legal" => Some("法律依据"),
        "explain.label.missing" => Some("缺失"),
        "explain.label.model_differs" => Some(
            "对你而言，Candor 建立的算法模型给出的决定与实际决定不同，真实原因可能与此处所列不同。",
        ),
        "explain.label.model_differs_anchored" => Some(
            "对你而言，Candor 建立的算法模型把你的分数放在了阈值的另一侧；下列影响仍按模型计算，第五部分的建议则从你的实际分数出发。",
        ),
        "explain.label.no_challenge" => {
            Some("本说明未发现针对该决定的具体要点。上面列出的各项权利你仍然享有。")
        }
        "explain.label.no_deadline" => Some("期限：下列权利在法律上没有规定期限；但仍应尽快行动。"),
        "explain.label.no_effect" => Some("无可测量的影响"),
        "explain.label.no_groups" => Some("没有可提供给你的群体数字。"),
        "explain.label.no_main_reasons" => {
            Some("在 Candor 建立的算法模型中，没有哪一项输入特别突出。")
        }
        "explain.label.no_rights" => Some("所选政策包在此阶段未列出权利。"),
        "explain.label.no_similar" => Some("无法提供：没有决定，或没有可供比较的合法输入。"),
        "explain.label.no_single_cut" => {
            Some("无：没有一个分数线能把两种决定分开，决定取决于分数以外的因素")
        }
        "explain.label.no_time_limit" => Some("法律未规定期限"),
        "explain.label.none_prohibited" => Some("你的记录中没有受法律限制的数据。"),
        "explain.label.not_adverse_cf" => Some("你的结果并非不利结果，无需改变。"),
        "explain.label.not_model_input" => {
            Some("有记录，但不能作为模型输入（自由文本、编号或无法识别的时间）")
        }
        "explain.label.not_stated" => Some("未说明"),
        "explain.label.note" => Some("说明"),
        "explain.label.purpose" => Some("算法声明的目的"),
        "explain.label.purpose_missing" => Some("用人单位未说明（你可以要求说明，见下文你的权利）"),
        "explain.label.reference" => Some("对照群体"),
        "explain.label.right" => Some("权利"),
        "explain.label.rows" => Some("审计涉及的员工人数"),
        "explain.label.s_appendix" => Some("附录：Candor 的算法模型如何建立"),
        "explain.label.s_challenge" => Some("支持异议的要点"),
        "explain.label.s_counterfactual" => Some("五、怎样的改变会使结果不同"),
        "explain.label.s_counterfactual_model" => Some("五、会改变 Candor 算法模型决定的改变"),
        "explain.label.s_data" => Some("二、处理了你的哪些数据"),
        "explain.label.s_decision" => Some("一、决定"),
        "explain.label.s_factors" => Some("三、影响最大的因素"),
        "explain.label.s_first" => Some("要点"),
        "explain.label.s_groups" => Some("七、你所在群体的情况"),
        "explain.label.s_prohibited" => Some("四、你记录中受法律限制的数据"),
        "explain.label.s_provenance" => Some("九、来源与校验"),
        "explain.label.s_rights" => Some("八、你可以怎么做（按步骤）"),
        "explain.label.s_similar" => Some("六、情况相似的员工"),
        "explain.label.score" => Some("评分"),
        "explain.label.seed" => Some("随机种子"),
        "explain.label.settings_hash" => Some("说明设置（SHA-256）"),
        "explain.label.severity" => Some("严重程度"),
        "explain.label.spec_hash" => Some("审计规格（SHA-256）"),
        "explain.label.stage" => Some("用工阶段"),
        "explain.label.subject" => Some("员工"),
        "explain.label.threshold" => Some("阈值"),
        "explain.label.threshold_derived" => Some("决定与评分在此切分点上完全一致"),
        "explain.label.threshold_spec" => Some("审计中声明的阈值"),
        "explain.label.title" => Some("自动化决策说明"),
        "explain.label.to" => Some("改为"),
        "explain.label.toward" => Some("推动方向"),
        "explain.label.toward_adverse" => Some("不利结果"),
        "explain.label.toward_favorable" => Some("有利结果"),
        "explain.label.toward_none" => Some("无"),
        "explain.label.typical" => Some("一般员工（中位数或最常见值）"),
        "explain.label.value" => Some("你的数值"),
        "explain.label.verdict" => Some("审计结论"),
        "explain.label.version" => Some("Candor 版本"),
        "explain.label.what" => Some("你可以要求什么"),
        "explain.label.workers" => Some("人数"),
        "explain.onnx.adverse" => Some("对您不利"),
        "explain.onnx.candor_ran_model_this_change" => {
            Some("Candor 在该变化上运行了模型：模型给出有利决定。")
        }
        "explain.onnx.candor_ran_model_this_change_2" => {
            Some("Candor 在该变化上运行了模型，模型并未给出有利决定；请勿依赖此结果。")
        }
        "explain.onnx.change" => {
            Some("什么会改变模型的决定：{column} 为 {to} 而非 {from}，其他一切不变。{check}")
        }
        "explain.onnx.effect_model_s_output" => Some("对模型输出的影响"),
        "explain.onnx.effects" => Some(
            "各项输入使模型{what}变动了多少：从随机抽取的 {background} 名员工（种子 {seed}）的平均值 {base} 出发，每项输入的影响（其精确 Shapley 值）把它推向您的值 {value}；各项影响之和等于两者之差。",
        ),
        "explain.onnx.input" => Some("输入"),
        "explain.onnx.intro" => Some(
            "雇主移交了作出该决定的模型（{file}，SHA-256 {sha}）。Candor 在您的数据上运行了该模型：其{what}为 {value}，该决定{outcome}。本节内容均在模型本身上计算，而非其近似：它准确描述该模型（保真度 100%）。",
        ),
        "explain.onnx.model_has_more_than_12" => {
            Some("模型输入超过 12 项：未计算各项输入的精确影响。")
        }
        "explain.onnx.model_itself" => Some("模型本身"),
        "explain.onnx.no_change_single_input_can" => {
            Some("在其他员工所具有的取值范围内，改变任何一项您可以改变的输入都不会改变模型的决定。")
        }
        "explain.onnx.not_adverse" => Some("对您无不利"),
        "explain.onnx.note_decision_recorded_not_one" => Some(
            "注意：为您记录的决定与该模型给出的决定不同。要么移交的模型并非作出决定的模型，要么有其他因素改变了决定；请询问雇主是哪一种情况。",
        ),
        "explain.onnx.output_1_positive_class_0" => Some("输出（正类为 1，否则为 0）"),
        "explain.onnx.probability" => Some("概率"),
        "explain.onnx.score" => Some("分数"),
        "explain.onnx.value" => Some("您的值"),
        "explain.punct.colon" => Some("："),
        "explain.sections.at_or_above" => Some("达到或高于"),
        "explain.sections.below" => Some("低于"),
        "explain.sections.cannot_tell" => Some("无法判定（没有阈值）"),
        "explain.sections.cf_score" => Some(
            "你的分数将从 {before} 变为约 {after}（{side}阈值 {threshold}）。在用不同部分数据拟合的五个模型版本下，这一改变都能越过阈值。",
        ),
        "explain.sections.factors_intro" => Some(
            "用人单位没有提供算法的内部机制，因此 Candor 根据审计涉及的 {rows} 名员工的算法输出，建立了自己的算法模型（方法及其可信程度见附录）。下列各项影响相加，等于你的结果与平均员工结果之差，单位为{units}。“无可测量的影响”表示该输入对任何人结果的影响都无法与偶然波动区分；表中的小数值是模型的估计，列出是为了使各项相加相符。",
        ),
        "explain.sections.labelled" => Some("{label}：{v}"),
        "explain.sections.output_without" => Some("模型的结果将是 {output}"),
        "explain.sections.prohibited_effect" => Some(
            "这些输入合计使你的结果变化了 {total}（{units}）。如果它们对你的影响只相当于对平均员工的影响（每项输入的影响取其在全体员工中的平均值），{result}，决定{flips}：{decision}。",
        ),
        "explain.sections.sample" => Some("（在 {pool} 名员工的随机样本中查找）"),
        "explain.sections.score_without" => {
            Some("你的分数将是 {score}（你的实际分数减去它们的影响）")
        }
        "explain.sections.similar" => Some(
            "在合法输入（{inputs}）上与你最接近的 {compared} 名员工中，{same} 人与你结果相同，{other} 人结果相反{sample}。此处只给出人数，不识别任何其他员工。",
        ),
        "explain.sections.then" => Some("。{x}"),
        "explain.sections.would_be_same" => Some("不会改变"),
        "explain.sections.would_differ" => Some("会不同"),
        "explain.sections.yes_at_or_above" => Some("；达到或高于阈值即{yes}"),
        "explain.sections.yes_below" => Some("；低于阈值即{yes}"),
        "explain.text.alternative_process_accommodation" => Some("要求替代程序或合理便利的权利"),
        "explain.text.audit_found_algorithm_relies" => Some("审计发现算法依赖该输入"),
        "explain.text.audit_found_no_sign_algorithm" => Some("审计未发现算法依赖该输入"),
        "explain.text.be_informed" => Some("知情权"),
        "explain.text.complain_go_court" => Some("投诉或起诉的权利"),
        "explain.text.consent" => Some("同意权"),
        "explain.text.consultation_workers_representatives" => Some("职工代表协商的权利"),
        "explain.text.contact_person" => Some("联系指定联络人的权利"),
        "explain.text.contest_decision" => Some("提出异议的权利"),
        "explain.text.correct_data" => Some("更正个人信息的权利"),
        "explain.text.explanation" => Some("要求说明的权利"),
        "explain.text.have_data_deleted" => Some("删除个人信息的权利"),
        "explain.text.human_review" => Some("要求人工复核的权利"),
        "explain.text.if_ai_analysed_video_interview" => {
            Some("若人工智能分析了伊利诺伊州职位的视频面试")
        }
        "explain.text.if_biometric_data_used" => Some("若使用了生物识别信息"),
        "explain.text.if_decision_significantly_affects" => Some("若该决定对你的权益有重大影响"),
        "explain.text.if_employer_digital_labour_platform" => Some("若用人单位为数字劳动平台"),
        "explain.text.if_job_health_authority_s" => Some("若该岗位在卫生部门的名单内"),
        "explain.text.if_no_person_meaningfully_reviewed" => Some("若决定未经人员实质性审查"),
        "explain.text.if_purpose_medical_safety" => Some("若目的为医疗或安全"),
        "explain.text.if_system_ai_system" => Some("若该系统属于人工智能系统"),
        "explain.text.if_tool_screens_hiring_promotion" => {
            Some("若该工具用于纽约市的招聘或晋升筛选")
        }
        "explain.text.object" => Some("反对处理的权利"),
        "explain.text.other_right" => Some("其他权利"),
        "explain.text.refuse_solely_automated_decision" => {
            Some("拒绝仅由自动化方式作出的决定的权利")
        }
        "explain.text.reliance_not_tested" => Some("未检验是否依赖"),
        "explain.text.remedy" => Some("获得救济的权利"),
        "explain.text.see_data" => Some("查阅、复制个人信息的权利"),
        "explain.text.step_1_ask_employer_explanation" => {
            Some("第一步：向用人单位提出（要求说明、人工复核、查阅或更正你的信息）")
        }
        "explain.text.step_2_trade_union_workers" => Some("第二步：工会或职工代表"),
        "explain.text.step_3_complaint_regulator_labour" => {
            Some("第三步：向监管部门或劳动保障监察机构投诉")
        }
        "explain.text.step_4_arbitration_court" => Some("第四步：仲裁或诉讼"),
        "explain.text.under_conditions_set_law" => Some("在法律规定的条件下"),
        "explain.text.what_employer_had_do_any" => Some("用人单位本应履行的义务"),
        "explain.text.withheld" => {
            Some("不予公布：该群体少于 {min} 人，人数太少，无法安全地给出数字")
        }
        "explain.text.without_data_law_restricts_result" => {
            Some("如果不计入法律限制使用的数据，你的分数或结果就会不同，不会得到这一结果。")
        }
        "explain.text.written_reasons" => Some("获得书面理由的权利"),
        "explain.words.after_employment_ended" => Some("劳动关系结束后"),
        "explain.words.deadline_employer" => Some("用人单位的期限：{len}（{when}）"),
        "explain.words.deadline_worker" => Some("{len}内（{when}）"),
        "explain.words.decision" => Some("决定"),
        "explain.words.decision_no" => Some("“{col}”：否"),
        "explain.words.decision_yes" => Some("“{col}”：是"),
        "explain.words.employment" => Some("在职管理"),
        "explain.words.figure_interval" => Some("{value}（{low}–{high}）"),
        "explain.words.high_model_reproduces_algorithm_s" => Some("高：该模型与算法的决定高度一致"),
        "explain.words.low_explanation_may_miss_algorithm" => {
            Some("低：本说明可能遗漏算法的真正原因")
        }
        "explain.words.moderate_main_factors_are_likely" => {
            Some("中：主要因素大概率正确，细节未必")
        }
        "explain.words.no_decision_no_threshold" => Some("无法判定（没有阈值）"),
        "explain.words.paren" => Some("{a}（{b}）"),
        "explain.words.recruitment" => Some("招聘"),
        "explain.words.termination" => Some("解除劳动关系"),
        "explain.words.units_decision_log_odds" => Some("模型单位（对数几率，见附录）"),
        "explain.words.units_decision_log_odds_plain" => Some("模型单位（对数几率）"),
        "explain.words.units_score" => Some("分"),
        "explain.words.units_score_log_odds" => Some("模型单位（分数的对数几率，见附录）"),
        "explain.words.units_score_log_odds_plain" => Some("模型单位（分数的对数几率）"),
        _ => None,
    }
}
