//! Every sentence of an explanation, in English and Chinese: the renderer's words for the
//! explanation's codes and numbers. Both languages are complete:
//! a test renders explanations in Chinese and finds no English word outside the data's own
//! strings (column names, values, ids, legal citations).

use super::super::{GroupContext, Similar};

pub use crate::i18n::Lang;

pub fn suppressed(lang: Lang, min: u64) -> String {
    match lang {
        Lang::En => format!(
            "withheld: the group has fewer than {min} workers, too few to give figures safely"
        ),
        Lang::Zh => format!("不予公布：该群体少于 {min} 人，人数太少，无法安全地给出数字"),
    }
}

pub fn right_kind(lang: Lang, code: &str) -> String {
    let (en, zh) = match code {
        "notice" => ("To be informed", "知情权"),
        "explanation" => ("To an explanation", "要求说明的权利"),
        "refuse_automated" => (
            "To refuse a solely automated decision",
            "拒绝仅由自动化方式作出的决定的权利",
        ),
        "human_review" => ("To human review", "要求人工复核的权利"),
        "contest" => ("To contest the decision", "提出异议的权利"),
        "access" => ("To see your data", "查阅、复制个人信息的权利"),
        "rectification" => ("To correct your data", "更正个人信息的权利"),
        "erasure" => ("To have data deleted", "删除个人信息的权利"),
        "object" => ("To object", "反对处理的权利"),
        "contact_person" => ("To a contact person", "联系指定联络人的权利"),
        "written_reasons" => ("To written reasons", "获得书面理由的权利"),
        "complaint" => ("To complain or go to court", "投诉或起诉的权利"),
        "consultation" => (
            "Consultation of workers' representatives",
            "职工代表协商的权利",
        ),
        "consent" => ("Consent", "同意权"),
        "alternative_process" => (
            "To an alternative process or accommodation",
            "要求替代程序或合理便利的权利",
        ),
        "remedy" => ("To a remedy", "获得救济的权利"),
        _ => ("Other right", "其他权利"),
    };
    lang.pick(en, zh).to_string()
}

/// A step's heading.
pub fn step_text(lang: Lang, step: u8) -> &'static str {
    match step {
        1 => lang.pick(
            "Step 1: ask the employer (an explanation, a human review, your data, a correction)",
            "第一步：向用人单位提出（要求说明、人工复核、查阅或更正你的信息）",
        ),
        2 => lang.pick(
            "Step 2: the trade union or the workers' representatives",
            "第二步：工会或职工代表",
        ),
        3 => lang.pick(
            "Step 3: a complaint to the regulator or the labour inspectorate",
            "第三步：向监管部门或劳动保障监察机构投诉",
        ),
        4 => lang.pick("Step 4: arbitration or a court", "第四步：仲裁或诉讼"),
        _ => lang.pick(
            "What the employer had to do in any case",
            "用人单位本应履行的义务",
        ),
    }
}

fn number_en(n: u32) -> String {
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .get(n as usize)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

fn number_zh(n: u32) -> String {
    const WORDS: [&str; 11] = [
        "零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十",
    ];
    WORDS
        .get(n as usize)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

/// A deadline's length in words: "one year", "180 days", "一年", "180 日".
pub fn length(lang: Lang, amount: u32, unit: &str) -> String {
    match lang {
        Lang::En => {
            let one = amount == 1;
            let u = match unit {
                "days" => {
                    if one {
                        "day"
                    } else {
                        "days"
                    }
                }
                "business_days" => {
                    if one {
                        "business day"
                    } else {
                        "business days"
                    }
                }
                "weeks" => {
                    if one {
                        "week"
                    } else {
                        "weeks"
                    }
                }
                "months" => {
                    if one {
                        "month"
                    } else {
                        "months"
                    }
                }
                _ => {
                    if one {
                        "year"
                    } else {
                        "years"
                    }
                }
            };
            format!("{} {u}", number_en(amount))
        }
        Lang::Zh => {
            let n = number_zh(amount);
            match unit {
                "days" => format!("{amount} 日"),
                "business_days" => format!("{amount} 个工作日"),
                "weeks" => format!("{n}周"),
                "months" => format!("{n}个月"),
                _ => format!("{n}年"),
            }
        }
    }
}

pub fn condition(lang: Lang, code: &str) -> String {
    let (en, zh) = match code {
        "is_digital_labour_platform" => (
            "if the employer is a digital labour platform",
            "若用人单位为数字劳动平台",
        ),
        "is_ai_system" => ("if the system is an AI system", "若该系统属于人工智能系统"),
        "uses_biometric_input" => ("if biometric data is used", "若使用了生物识别信息"),
        "solely_automated" => (
            "if no person meaningfully reviewed the decision",
            "若决定未经人员实质性审查",
        ),
        "significant_effect" => (
            "if the decision significantly affects you",
            "若该决定对你的权益有重大影响",
        ),
        "nyc_hiring_or_promotion" => (
            "if the tool screens for hiring or promotion in New York City",
            "若该工具用于纽约市的招聘或晋升筛选",
        ),
        "il_video_interview" => (
            "if AI analysed a video interview for an Illinois job",
            "若人工智能分析了伊利诺伊州职位的视频面试",
        ),
        "medical_or_safety_purpose" => {
            ("if the purpose is medical or safety", "若目的为医疗或安全")
        }
        "approved_occupation_hbv" => (
            "if the job is on the health authority's list",
            "若该岗位在卫生部门的名单内",
        ),
        _ => ("under conditions set by law", "在法律规定的条件下"),
    };
    lang.pick(en, zh).to_string()
}

pub fn decision(lang: Lang, positive: Option<bool>, adverse: Option<bool>) -> String {
    match (positive, adverse, lang) {
        (None, _, Lang::En) => "no decision recorded (a score only)".into(),
        (None, _, Lang::Zh) => "没有记录决定（只有评分）".into(),
        (Some(p), Some(a), Lang::En) => format!(
            "{} — {}",
            if p { "yes" } else { "no" },
            if a {
                "an outcome that harms you"
            } else {
                "not an adverse outcome"
            }
        ),
        (Some(p), Some(a), Lang::Zh) => format!(
            "{}——{}",
            if p { "是" } else { "否" },
            if a {
                "对你不利的结果"
            } else {
                "并非不利结果"
            }
        ),
        (Some(p), None, Lang::En) => if p { "yes" } else { "no" }.into(),
        (Some(p), None, Lang::Zh) => if p { "是" } else { "否" }.into(),
    }
}

pub fn kind_label(lang: Lang, kind: &str) -> &'static str {
    crate::codes::FindingKind::from_code(kind)
        .unwrap_or(crate::codes::FindingKind::Proxy)
        .text(lang)
}

pub fn severity(lang: Lang, s: &str) -> &'static str {
    s.parse::<crate::codes::Severity>()
        .unwrap_or(crate::codes::Severity::Review)
        .text(lang)
}

pub fn used(lang: Lang, used: Option<bool>) -> &'static str {
    match used {
        Some(true) => lang.pick(
            "the audit found the algorithm relies on it",
            "审计发现算法依赖该输入",
        ),
        Some(false) => lang.pick(
            "the audit found no sign the algorithm relies on it",
            "审计未发现算法依赖该输入",
        ),
        None => lang.pick("reliance not tested", "未检验是否依赖"),
    }
}

pub fn challenge_input(
    lang: Lang,
    column: &str,
    kind: &str,
    category_label: &str,
    reliance: Option<bool>,
    contribution: f64,
    logistic: bool,
) -> String {
    let unit = match (logistic, lang) {
        (true, Lang::En) => " on the log-odds scale",
        (false, Lang::En) => " score points",
        (true, Lang::Zh) => "（对数几率）",
        (false, Lang::Zh) => " 个评分分值",
    };
    match lang {
        Lang::En => format!(
            "Your record's \"{column}\" ({}: {}) pushed the outcome against you by {:.3}{unit}; {}.",
            kind_label(lang, kind),
            category_label,
            contribution.abs(),
            used(lang, reliance)
        ),
        Lang::Zh => format!(
            "你记录中的“{column}”（{}：{}）使结果向不利方向移动了 {:.3}{unit}；{}。",
            kind_label(lang, kind),
            category_label,
            contribution.abs(),
            used(lang, reliance)
        ),
    }
}

pub fn challenge_rests(lang: Lang) -> String {
    lang.pick("Without the data the law restricts, your result would have been different: you would not have got this outcome.",
        "如果不计入法律限制使用的数据，你的分数或结果就会不同，不会得到这一结果。",
    )
    .to_string()
}

pub fn challenge_group(lang: Lang, g: &GroupContext, verdict: &str) -> String {
    let two = |f: &Option<super::super::Figure>| {
        f.as_ref()
            .and_then(|f| f.value)
            .map_or_else(|| "—".to_string(), |v| format!("{v:.2}"))
    };
    let arr = two(&g.adverse_rate_ratio);
    let ir = two(&g.impact_ratio);
    let ar = crate::i18n::pct(g.adverse_rate.as_ref().and_then(|f| f.value), lang);
    let reference = g.reference.as_deref();
    match lang {
        Lang::En => format!(
            "Your group {} = {} got the outcome that harms workers {arr} times as often as {} (adverse rate {ar}; the ratio of the favorable rates is {ir}): {}.",
            g.attribute,
            g.group,
            reference.unwrap_or("the group compared with"),
            verdict
        ),
        Lang::Zh => format!(
            "你所在的群体 {} = {} 得到不利结果的频率是 {} 的 {arr} 倍（不利结果比例 {ar}；有利结果比例之比为 {ir}）：{}。",
            g.attribute,
            g.group,
            reference.unwrap_or("对照群体"),
            verdict
        ),
    }
}

pub fn challenge_fidelity(lang: Lang, low: bool) -> String {
    match (lang, low) {
        (Lang::En, true) => "The model used to explain the algorithm agrees poorly with its real decisions, so this explanation may miss the real reasons: you can ask the employer for the actual logic and the data used.".into(),
        (Lang::Zh, true) => "Candor 为解释算法而建立的模型与算法的实际决定吻合度低，本说明可能遗漏真正的原因：你可以要求用人单位说明实际逻辑和所用数据。".into(),
        (Lang::En, false) => "For you, the model used to explain the algorithm gives a different decision from the real one, so the real reasons may differ from those shown: you can ask the employer for them.".into(),
        (Lang::Zh, false) => "对你而言，Candor 建立的算法模型给出的决定与实际决定不同，真实原因可能与此处所列不同：你可以要求用人单位说明。".into(),
    }
}

pub fn challenge_similar(lang: Lang, s: &Similar) -> String {
    match lang {
        Lang::En => format!(
            "Of the {} workers most like you in the legitimate inputs, {} got the other outcome.",
            s.compared, s.other_outcome
        ),
        Lang::Zh => format!(
            "在合法输入上与你最相似的 {} 名员工中，有 {} 人得到了相反的结果。",
            s.compared, s.other_outcome
        ),
    }
}

/// Headings and fixed phrases of the rendered documents.
pub struct Labels {
    pub title: &'static str,
    pub intro: &'static str,
    pub s_first: &'static str,
    pub no_main_reasons: &'static str,
    pub no_deadline: &'static str,
    pub decision_date: &'static str,
    pub document_date: &'static str,
    pub not_stated: &'static str,
    pub employer: &'static str,
    pub contact: &'static str,
    pub contact_missing: &'static str,
    pub typical: &'static str,
    pub no_effect: &'static str,
    pub model_differs: &'static str,
    pub model_differs_anchored: &'static str,
    pub s_counterfactual_model: &'static str,
    pub cf_anchored: &'static str,
    pub cf_model: &'static str,
    pub cf_model_disagrees: &'static str,
    pub cf_none: &'static str,
    pub cf_model_disagrees_score: &'static str,
    pub no_single_cut: &'static str,
    pub cf_same: &'static str,
    pub cf_no_input: &'static str,
    pub cf_bound: &'static str,
    pub no_similar: &'static str,
    pub adverse_rate: &'static str,
    pub adverse_rate_ratio: &'static str,
    pub groups_note: &'static str,
    pub no_time_limit: &'static str,
    pub s_appendix: &'static str,
    pub appendix_model: &'static str,
    pub a_scale: &'static str,
    pub a_output: &'static str,
    pub a_baseline: &'static str,
    pub a_additivity: &'static str,
    pub a_fit_rows: &'static str,
    pub a_penalty: &'static str,
    pub a_model_decision: &'static str,
    pub a_agreement: &'static str,
    pub a_agreement_by: &'static str,
    pub a_r2: &'static str,
    pub a_in_sample: &'static str,
    pub a_residual: &'static str,
    pub a_unexplainable: &'static str,
    pub a_identical: &'static str,
    pub a_level: &'static str,
    pub s_decision: &'static str,
    pub s_data: &'static str,
    pub s_factors: &'static str,
    pub s_prohibited: &'static str,
    pub s_counterfactual: &'static str,
    pub s_similar: &'static str,
    pub s_groups: &'static str,
    pub s_rights: &'static str,
    pub s_challenge: &'static str,
    pub s_provenance: &'static str,
    pub subject: &'static str,
    pub decision: &'static str,
    pub score: &'static str,
    pub threshold: &'static str,
    pub threshold_spec: &'static str,
    pub threshold_derived: &'static str,
    pub purpose: &'static str,
    pub purpose_missing: &'static str,
    pub stage: &'static str,
    pub column: &'static str,
    pub value: &'static str,
    pub missing: &'static str,
    pub note: &'static str,
    pub not_model_input: &'static str,
    pub constant_input: &'static str,
    pub contribution: &'static str,
    pub toward: &'static str,
    pub toward_adverse: &'static str,
    pub toward_favorable: &'static str,
    pub toward_none: &'static str,
    pub none_prohibited: &'static str,
    pub group: &'static str,
    pub favorable_rate: &'static str,
    pub reference: &'static str,
    pub verdict: &'static str,
    pub workers: &'static str,
    pub right: &'static str,
    pub law: &'static str,
    pub what: &'static str,
    pub deadline: &'static str,
    pub applies: &'static str,
    pub no_challenge: &'static str,
    pub hash_note: &'static str,
    pub version: &'static str,
    pub spec_hash: &'static str,
    pub settings_hash: &'static str,
    pub data_file: &'static str,
    pub data_hash: &'static str,
    pub rows: &'static str,
    pub seed: &'static str,
    pub doc_hash: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub severity: &'static str,
    pub legal: &'static str,
    pub not_adverse_cf: &'static str,
    pub no_groups: &'static str,
    pub no_rights: &'static str,
}

pub const EN: Labels = Labels {
    title: "Explanation of an automated decision",
    intro: "This document explains one decision an algorithm made about you, from the data the employer gave to the audit. It shows what data was used, what weighed most, what would have changed the outcome, how your groups fared, and how to contest the decision, step by step. It contains no other worker's values or identity: figures about others are counts and group totals only.",
    s_first: "In short",
    no_main_reasons: "No single input stands out in Candor's model of the algorithm.",
    no_deadline: "By when: the rights listed below give no time limit in law; act promptly all the same.",
    decision_date: "Date of the decision",
    document_date: "Date of this document",
    not_stated: "not stated",
    employer: "Employer",
    contact: "Whom to contact",
    contact_missing: "not stated by the employer: address your request to the employer's human-resources or personal-information contact",
    typical: "Typical worker (median, or most common)",
    no_effect: "no measurable effect",
    model_differs: "For you, Candor's model of the algorithm gives a different decision from the real one, so the real reasons may differ from those shown.",
    model_differs_anchored: "For you, Candor's model of the algorithm puts your score on the other side of the threshold from your real score; the effects below are still measured from the model, and the advice in section 5 starts from your real score.",
    s_counterfactual_model: "5. A change that would alter Candor's model's decision",
    cf_anchored: "The smallest change Candor found in the inputs you can act on that would take your real score across the threshold: your score now, plus the change Candor's model of the algorithm predicts for these values. Inputs you cannot change, and restricted inputs, stay as they are; each input stays within the range seen for most workers.",
    cf_model: "The smallest change Candor found in the inputs you can act on that alters the decision of Candor's model of the algorithm. The real algorithm may decide differently: there is no score to check the change against.",
    cf_model_disagrees: "Candor's model of the algorithm does not reproduce your outcome, and there is no score to anchor a change to, so no change is proposed. Ask the employer for the actual logic (see the steps below).",
    cf_none: "Candor found no change it can vouch for: no change of the inputs you can act on (each within the range seen for most workers, in its allowed direction) crosses the threshold by a safe margin under every version of its model. This does not mean that nothing could help; it means Candor cannot promise a change that would.",
    cf_model_disagrees_score: "Your decision does not follow your score through a single cut-off (no one score separates the two decisions), and Candor's model of the decision does not reproduce yours, so no change is proposed. Ask the employer how the decision was made from the score (see the steps below).",
    no_single_cut: "none: no single cut-off of the score separates the two decisions, so the decision depends on more than the score",
    cf_same: "Every worker in the audit received this decision, so no change in your inputs would have altered it.",
    cf_no_input: "Candor's model of the algorithm uses no input you can act on, so it proposes no change. This is a statement about Candor's model: if it reproduces the algorithm poorly (see the appendix), the algorithm may depend on things not in the data.",
    cf_bound: "The search reached its bound before trying every combination; a smaller change may exist.",
    no_similar: "Not available: there is no decision or no legitimate input to compare on.",
    adverse_rate: "Adverse rate (interval)",
    adverse_rate_ratio: "Times as often as the group compared with",
    groups_note: "The adverse rate is the share of the group that got the outcome that harms them; the next column divides it by the same rate of the group compared with (1.25 or more is the four-fifths rule's warning line, read for the harmful outcome).",
    no_time_limit: "no time limit in law",
    s_appendix: "Appendix: how Candor's model of the algorithm works",
    appendix_model: "Candor fitted an additive model to the algorithm's outputs: one shape per input (straight pieces that may bend or jump at up to 19 points, or at each value of an input with few values, so thresholds and caps can be followed), fitted with a penalty chosen by five-fold cross-validation. Because the model adds one effect per input, each effect shown is exactly that input's Shapley value (its share of the difference from the average worker). How faithful the model is was measured on workers it was not fitted to: each worker's decision is predicted by the model fitted on the other four fifths of the data. A proposed change is checked under each of those five models, by three standard errors of the predicted change, and against the model's own errors for workers with the old and the new values.",
    a_scale: "Units of the model",
    a_output: "Your result under the model",
    a_baseline: "The average worker's result",
    a_additivity: "Effects' sum minus the difference (rounding)",
    a_fit_rows: "Workers the model was fitted on",
    a_penalty: "Penalty (per worker)",
    a_model_decision: "The model's decision for you",
    a_agreement: "Decisions reproduced on held-out workers",
    a_agreement_by: "By decision",
    a_r2: "Share of the score's variation explained on held-out workers (R²)",
    a_in_sample: "in sample",
    a_residual: "Variation of the score the model cannot explain (standard deviation)",
    a_unexplainable: "Decisions no model of these inputs could reproduce reliably (estimated)",
    a_identical: "Workers with identical inputs but a different decision",
    a_level: "Fidelity",
    s_decision: "1. The decision",
    s_data: "2. The data processed about you",
    s_factors: "3. What weighed most",
    s_prohibited: "4. Restricted data in your record",
    s_counterfactual: "5. What would have changed the outcome",
    s_similar: "6. Workers in a similar situation",
    s_groups: "7. How your groups fared",
    s_rights: "8. What you can do, step by step",
    s_challenge: "Points that support a challenge",
    s_provenance: "9. Provenance",
    subject: "Worker",
    decision: "Decision",
    score: "Score",
    threshold: "Threshold",
    threshold_spec: "as declared in the audit",
    threshold_derived: "the decision follows the score exactly at this cut",
    purpose: "Stated purpose of the algorithm",
    purpose_missing: "not stated by the employer (you can ask for it; see your rights below)",
    stage: "Stage of employment",
    column: "Input",
    value: "Your value",
    missing: "missing",
    note: "Note",
    not_model_input: "recorded, but not usable as a model input (free text, an id or an unreadable timestamp)",
    constant_input: "the same for every worker, or always missing: it cannot change the result",
    contribution: "Effect",
    toward: "Pushed toward",
    toward_adverse: "the adverse outcome",
    toward_favorable: "the favorable outcome",
    toward_none: "neither",
    none_prohibited: "None of the inputs in your record is data the law restricts.",
    group: "Group",
    favorable_rate: "Favorable rate (interval)",
    reference: "Compared with",
    verdict: "Audit verdict",
    workers: "Workers",
    right: "Right",
    law: "Law",
    what: "What you can ask for",
    deadline: "Deadline",
    applies: "Applies",
    no_challenge: "This explanation found no specific point against the decision. You keep every right listed above.",
    hash_note: "To check that this document is unaltered: in its JSON file (WORKER.json), replace the hash shown above by nothing, so that the line reads \"document_sha256\": \"\", and compute the SHA-256 of the file's bytes: it must equal the hash above.",
    version: "Candor version",
    spec_hash: "Audit spec (SHA-256)",
    settings_hash: "Explanation settings (SHA-256)",
    data_file: "Data file",
    data_hash: "Data file (SHA-256)",
    rows: "Workers in the audit",
    seed: "Seed",
    doc_hash: "This document (SHA-256 of the JSON)",
    from: "From",
    to: "To",
    severity: "Severity",
    legal: "Legal basis",
    not_adverse_cf: "Your outcome is not adverse, so no change is needed.",
    no_groups: "No group figures are available for you.",
    no_rights: "No policy pack lists rights for this stage.",
};

pub const ZH: Labels = Labels {
    title: "自动化决策说明",
    intro: "本文件根据用人单位提交审计的数据，说明算法对你作出的一项决定：用了哪些数据、哪些因素影响最大、怎样的改变会使结果不同、你所在群体的情况，以及如何一步一步提出异议。本文件不包含任何其他员工的数值或身份：涉及他人的只有人数和群体汇总数字。",
    s_first: "要点",
    no_main_reasons: "在 Candor 建立的算法模型中，没有哪一项输入特别突出。",
    no_deadline: "期限：下列权利在法律上没有规定期限；但仍应尽快行动。",
    decision_date: "决定日期",
    document_date: "本文件日期",
    not_stated: "未说明",
    employer: "用人单位",
    contact: "联系人",
    contact_missing: "用人单位未说明：请向用人单位的人力资源部门或个人信息保护负责人提出",
    typical: "一般员工（中位数或最常见值）",
    no_effect: "无可测量的影响",
    model_differs: "对你而言，Candor 建立的算法模型给出的决定与实际决定不同，真实原因可能与此处所列不同。",
    model_differs_anchored: "对你而言，Candor 建立的算法模型把你的分数放在了阈值的另一侧；下列影响仍按模型计算，第五部分的建议则从你的实际分数出发。",
    s_counterfactual_model: "五、会改变 Candor 算法模型决定的改变",
    cf_anchored: "Candor 找到的、在你可以采取行动的输入上能使你的实际分数越过阈值的最小改变：以你现在的分数，加上 Candor 建立的算法模型对这些数值预测的变化。你无法改变的输入和受限制的输入保持不变；每项输入都在大多数员工的取值范围内。",
    cf_model: "Candor 找到的、在你可以采取行动的输入上能改变 Candor 算法模型决定的最小改变。真实的算法可能作出不同的决定：没有分数可供核验这一改变。",
    cf_model_disagrees: "Candor 建立的算法模型未能重现你的结果，也没有分数可作为改变的依据，因此不提出改变建议。你可以要求用人单位说明实际逻辑（见下文的步骤）。",
    cf_none: "Candor 没有找到可以担保的改变：在你可以采取行动的输入上（每项都在大多数员工的取值范围内、按允许的方向变化），没有任何改变能在其模型的每个版本下以安全的余量越过阈值。这并不表示没有改变能起作用，只表示 Candor 无法担保某一改变会起作用。",
    cf_model_disagrees_score: "你的决定并不是按分数的单一分数线作出的（没有一个分数能把两种决定分开），而 Candor 对这一决定建立的模型也未能重现你的结果，因此不提出改变建议。你可以要求用人单位说明决定是如何根据分数作出的（见下文的步骤）。",
    no_single_cut: "无：没有一个分数线能把两种决定分开，决定取决于分数以外的因素",
    cf_same: "审计中的每一名员工都得到了这一决定，因此你的输入无论如何改变都不会改变它。",
    cf_no_input: "Candor 建立的算法模型没有使用任何你可以采取行动的输入，因此不提出改变建议。这是就 Candor 的模型而言：如果模型对算法的重现程度低（见附录），算法可能取决于数据之外的因素。",
    cf_bound: "搜索在尝试所有组合之前已达到上限；可能存在更小的改变。",
    no_similar: "无法提供：没有决定，或没有可供比较的合法输入。",
    adverse_rate: "不利结果率（置信区间）",
    adverse_rate_ratio: "是对照群体的倍数",
    groups_note: "不利结果率是群体中得到对其不利结果的比例；下一列是该比例除以对照群体的同一比例（达到或超过 1.25 即触及按不利结果计算的“五分之四规则”警戒线）。",
    no_time_limit: "法律未规定期限",
    s_appendix: "附录：Candor 的算法模型如何建立",
    appendix_model: "Candor 针对算法的输出拟合了一个加性模型：每项输入一条形状曲线（由若干直线段组成，可在最多19个点处（取值较少的输入则在每个取值处）转折或跳变，因此能跟上阈值和上限），其惩罚系数由五折交叉验证选定。由于模型按输入逐项相加，所列每项影响恰好是该输入的沙普利值（它在你与平均员工之差中所占的份额）。模型的可信程度在未用于拟合的员工上测量：每名员工的决定由在其余五分之四数据上拟合的模型预测。建议的改变须在这五个模型下都成立，留有预测变化的三个标准误的余量，并对照模型在原取值和新取值员工上的误差进行校验。",
    a_scale: "模型单位",
    a_output: "你在模型中的结果",
    a_baseline: "平均员工的结果",
    a_additivity: "各项影响之和与差值之差（舍入误差）",
    a_fit_rows: "用于拟合模型的员工人数",
    a_penalty: "惩罚系数（每名员工）",
    a_model_decision: "模型对你的决定",
    a_agreement: "在未用于拟合的员工上重现的决定比例",
    a_agreement_by: "按决定分",
    a_r2: "在未用于拟合的员工上解释的分数变异比例（决定系数 R²）",
    a_in_sample: "拟合样本内",
    a_residual: "模型无法解释的分数变异（标准差）",
    a_unexplainable: "任何基于这些输入的模型都无法可靠重现的决定比例（估计）",
    a_identical: "输入完全相同但决定不同的员工人数",
    a_level: "可信程度",
    s_decision: "一、决定",
    s_data: "二、处理了你的哪些数据",
    s_factors: "三、影响最大的因素",
    s_prohibited: "四、你记录中受法律限制的数据",
    s_counterfactual: "五、怎样的改变会使结果不同",
    s_similar: "六、情况相似的员工",
    s_groups: "七、你所在群体的情况",
    s_rights: "八、你可以怎么做（按步骤）",
    s_challenge: "支持异议的要点",
    s_provenance: "九、来源与校验",
    subject: "员工",
    decision: "决定",
    score: "评分",
    threshold: "阈值",
    threshold_spec: "审计中声明的阈值",
    threshold_derived: "决定与评分在此切分点上完全一致",
    purpose: "算法声明的目的",
    purpose_missing: "用人单位未说明（你可以要求说明，见下文你的权利）",
    stage: "用工阶段",
    column: "输入项",
    value: "你的数值",
    missing: "缺失",
    note: "说明",
    not_model_input: "有记录，但不能作为模型输入（自由文本、编号或无法识别的时间）",
    constant_input: "所有员工取值相同或均缺失：不会影响结果",
    contribution: "影响",
    toward: "推动方向",
    toward_adverse: "不利结果",
    toward_favorable: "有利结果",
    toward_none: "无",
    none_prohibited: "你的记录中没有受法律限制的数据。",
    group: "群体",
    favorable_rate: "有利结果率（置信区间）",
    reference: "对照群体",
    verdict: "审计结论",
    workers: "人数",
    right: "权利",
    law: "法律",
    what: "你可以要求什么",
    deadline: "期限",
    applies: "适用条件",
    no_challenge: "本说明未发现针对该决定的具体要点。上面列出的各项权利你仍然享有。",
    hash_note: "校验本文件未被改动：在其 JSON 文件（员工编号.json）中，把上方所示的哈希值删去，使该行变为 \"document_sha256\": \"\"，再计算文件字节的 SHA-256，结果应与上方哈希值一致。",
    version: "Candor 版本",
    spec_hash: "审计规格（SHA-256）",
    settings_hash: "说明设置（SHA-256）",
    data_file: "数据文件",
    data_hash: "数据文件（SHA-256）",
    rows: "审计涉及的员工人数",
    seed: "随机种子",
    doc_hash: "本文件（JSON 的 SHA-256）",
    from: "原值",
    to: "改为",
    severity: "严重程度",
    legal: "法律依据",
    not_adverse_cf: "你的结果并非不利结果，无需改变。",
    no_groups: "没有可提供给你的群体数字。",
    no_rights: "所选政策包在此阶段未列出权利。",
};

pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_keep_their_length() {
        assert_eq!(length(Lang::En, 1, "years"), "one year");
        assert_eq!(length(Lang::En, 180, "days"), "180 days");
        assert_eq!(length(Lang::En, 2, "weeks"), "two weeks");
        assert_eq!(length(Lang::Zh, 1, "years"), "一年");
        assert_eq!(length(Lang::Zh, 1, "months"), "一个月");
        assert_eq!(length(Lang::Zh, 2, "weeks"), "两周");
        assert_eq!(length(Lang::Zh, 300, "days"), "300 日");
    }
}
