//! Every sentence of an explanation, in English and Chinese. Both languages are complete:
//! a test renders explanations in Chinese and finds no English word outside the data's own
//! strings (column names, values, ids, legal citations).

use super::{GroupContext, InputFlag, Similar};

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

pub fn condition(lang: Lang, code: &str) -> String {
    let (en, zh) = match code {
        "is_digital_labour_platform" => (
            "if the employer is a digital labour platform",
            "若用人方为数字劳动平台",
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
    flag: &InputFlag,
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
            kind_label(lang, &flag.kind),
            flag.category_label,
            contribution.abs(),
            used(lang, flag.used)
        ),
        Lang::Zh => format!(
            "你记录中的“{column}”（{}：{}）使结果向不利方向移动了 {:.3}{unit}；{}。",
            kind_label(lang, &flag.kind),
            flag.category_label,
            contribution.abs(),
            used(lang, flag.used)
        ),
    }
}

pub fn challenge_rests(lang: Lang) -> String {
    lang.pick("Without the prohibited inputs, the model of the algorithm would not have given you this outcome.",
        "如果不计入禁止使用的输入，算法的替代模型就不会给出这一结果。",
    )
    .to_string()
}

pub fn challenge_group(lang: Lang, g: &GroupContext) -> String {
    let ir = g
        .impact_ratio
        .as_ref()
        .and_then(|f| f.value)
        .map_or_else(String::new, |v| format!("{v:.2}"));
    match lang {
        Lang::En => format!(
            "Your group {} = {} has an impact ratio of {ir} against {}: {}.",
            g.attribute,
            g.group,
            g.reference.as_deref().unwrap_or("the reference group"),
            g.verdict_text.as_deref().unwrap_or("")
        ),
        Lang::Zh => format!(
            "你所在的群体 {} = {} 相对于 {} 的影响比为 {ir}：{}。",
            g.attribute,
            g.group,
            g.reference.as_deref().unwrap_or("参照群体"),
            g.verdict_text.as_deref().unwrap_or("")
        ),
    }
}

pub fn challenge_fidelity(lang: Lang, low: bool) -> String {
    match (lang, low) {
        (Lang::En, true) => "The model used to explain the algorithm agrees poorly with its real decisions, so this explanation may miss the real reasons: you can ask the employer for the actual logic and the data used.".into(),
        (Lang::Zh, true) => "用于解释算法的替代模型与算法的实际决定吻合度低，本说明可能遗漏真正的原因：你可以要求用人单位说明实际逻辑和所用数据。".into(),
        (Lang::En, false) => "For you, the model used to explain the algorithm gives a different decision from the real one, so the real reasons may differ from those shown: you can ask the employer for them.".into(),
        (Lang::Zh, false) => "对你而言，替代模型给出的决定与实际决定不同，真实原因可能与此处所列不同：你可以要求用人单位说明。".into(),
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
    pub impact_ratio: &'static str,
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
    intro: "This document explains one decision an algorithm made about you, from the data the employer gave to the audit. It shows what data was used, what weighed most, what would have changed the outcome, how your groups fared, and how to contest the decision. It contains no other worker's values or identity: figures about others are counts and group totals only.",
    s_decision: "1. The decision",
    s_data: "2. The data processed about you",
    s_factors: "3. What weighed most",
    s_prohibited: "4. Prohibited inputs in your record",
    s_counterfactual: "5. What would have changed the outcome",
    s_similar: "6. Workers in a similar situation",
    s_groups: "7. How your groups fared",
    s_rights: "8. Your rights and how to contest",
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
    toward_favorable: "the favourable outcome",
    toward_none: "neither",
    none_prohibited: "None of the inputs in your record is flagged as prohibited.",
    group: "Group",
    favorable_rate: "Favourable rate (95 % interval)",
    impact_ratio: "Impact ratio (95 % interval)",
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
    title: "自动化决定说明",
    intro: "本文件根据用人单位提交审计的数据，说明算法对你作出的一项决定：用了哪些数据、哪些因素影响最大、怎样的改变会使结果不同、你所在群体的情况，以及如何提出异议。本文件不包含任何其他员工的数值或身份：涉及他人的只有人数和群体汇总数字。",
    s_decision: "一、决定",
    s_data: "二、处理了你的哪些数据",
    s_factors: "三、影响最大的因素",
    s_prohibited: "四、你记录中的禁止使用的输入",
    s_counterfactual: "五、怎样的改变会使结果不同",
    s_similar: "六、情况相似的员工",
    s_groups: "七、你所在群体的情况",
    s_rights: "八、你的权利及如何提出异议",
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
    none_prohibited: "你的记录中没有被标记为禁止使用的输入。",
    group: "群体",
    favorable_rate: "有利结果率（95% 置信区间）",
    impact_ratio: "影响比（95% 置信区间）",
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
