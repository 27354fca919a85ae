//! The first page's five lines: the decision, the main reasons, what the restricted data
//! did, the first step and the deadline that matters.

use super::doc::Doc;
use super::text::{Labels, Lang};
use super::words::*;

/// The five lines of the first page.
pub(super) fn first_page(e: &Doc, l: &Labels) -> Vec<String> {
    vec![
        decision_line(e),
        reasons_line(e, l),
        restricted_line(e, l),
        first_step_line(e, l),
        deadline_line(e, l),
    ]
}

/// The first line: the decision, its date and, with a score, the cut that set it.
pub(super) fn decision_line(e: &Doc) -> String {
    let lang = e.lang;
    let o = &e.outcome;
    let dcol = o
        .decision_column
        .clone()
        .unwrap_or_else(|| crate::ts!(lang, "explain.first_page.decision").to_string());
    let when = match (&o.decision_date, lang) {
        (Some(d), Lang::En) => format!(" on {d}"),
        (Some(d), Lang::Zh) => format!("（{d}）"),
        (None, _) => String::new(),
    };
    let score = match (o.score, o.threshold, o.positive_above_threshold, lang) {
        (Some(s), Some(t), Some(above), Lang::En) => format!(
            " Your {} was {}; {} {} sets {}.",
            o.score_column.clone().unwrap_or_default(),
            score_num(e, s),
            if above {
                "a score of at least"
            } else {
                "a score below"
            },
            score_num(e, t),
            decision_word(lang, &dcol, Some(true))
        ),
        (Some(s), Some(t), Some(above), Lang::Zh) => format!(
            "你的“{}”为 {}；{} {} 即{}。",
            o.score_column.clone().unwrap_or_default(),
            score_num(e, s),
            if above { "达到或高于" } else { "低于" },
            score_num(e, t),
            decision_word(lang, &dcol, Some(true))
        ),
        _ => String::new(),
    };
    match lang {
        Lang::En => format!(
            "The decision{when}: {} ({}).{score}",
            decision_word(lang, &dcol, o.decision_positive),
            if o.adverse == Some(true) {
                "an outcome that harms you"
            } else {
                "not an adverse outcome"
            }
        ),
        Lang::Zh => format!(
            "决定{when}：{}（{}）。{score}",
            decision_word(lang, &dcol, o.decision_positive),
            if o.adverse == Some(true) {
                "对你不利的结果"
            } else {
                "并非不利结果"
            }
        ),
    }
}

/// The second line: the inputs that weighed most toward the outcome.
pub(super) fn reasons_line(e: &Doc, l: &Labels) -> String {
    let lang = e.lang;
    let reasons: Vec<String> = e
        .first_page
        .main_reasons
        .iter()
        .filter_map(|c| e.factors.iter().find(|f| &f.column == c))
        .map(|f| {
            let name = name_of(lang, &f.column, &e.label(&f.column));
            let v = value_or_missing(&f.value, l);
            match (&f.typical, lang) {
                (Some(t), Lang::En) => format!("{name} {v} (typical worker {t})"),
                (Some(t), Lang::Zh) => format!("{name} {v}（一般员工为 {t}）"),
                (None, _) => format!("{name} {v}"),
            }
        })
        .collect();
    if reasons.is_empty() {
        l.no_main_reasons.to_string()
    } else {
        match lang {
            Lang::En => format!("What weighed most: {}.", reasons.join("; ")),
            Lang::Zh => format!("影响最大的因素：{}。", reasons.join("；")),
        }
    }
}

/// The third line: what the data the law restricts did.
pub(super) fn restricted_line(e: &Doc, l: &Labels) -> String {
    let lang = e.lang;
    let p = &e.prohibited;
    let with_effect: Vec<String> = p
        .inputs
        .iter()
        .filter(|f| !f.no_effect)
        .map(|f| name_of(lang, &f.column, &e.label(&f.column)))
        .collect();
    let without_effect: Vec<String> = p
        .inputs
        .iter()
        .filter(|f| f.no_effect)
        .map(|f| name_of(lang, &f.column, &e.label(&f.column)))
        .collect();
    let sep = lang.pick(", ", "、");
    if p.inputs.is_empty() {
        l.none_prohibited.to_string()
    } else if with_effect.is_empty() {
        let names = without_effect.join(sep);
        match lang {
            Lang::En => format!(
                "Data the law restricts is in your record ({names}), but it made no measurable difference to the decision."
            ),
            Lang::Zh => {
                format!("你的记录中有法律限制使用的数据（{names}），但它对决定没有可测量的影响。")
            }
        }
    } else {
        let by = |side: &str| {
            p.inputs
                .iter()
                .filter(|f| !f.no_effect && f.toward == side)
                .map(|f| name_of(lang, &f.column, &e.label(&f.column)))
                .collect::<Vec<_>>()
                .join(sep)
        };
        let (against, favour) = (by("adverse"), by("favorable"));
        let names = match (against.is_empty(), favour.is_empty(), lang) {
            (false, false, Lang::En) => format!("against you: {against}; in your favour: {favour}"),
            (false, false, Lang::Zh) => format!("对你不利：{against}；对你有利：{favour}"),
            (false, true, Lang::En) => format!("against you: {against}"),
            (false, true, Lang::Zh) => format!("对你不利：{against}"),
            (true, _, Lang::En) => format!("in your favour: {favour}"),
            (true, _, Lang::Zh) => format!("对你有利：{favour}"),
        };
        let without = p.score_without.map_or_else(String::new, |s| match lang {
            Lang::En => format!(
                " Without it your score would have been {}.",
                score_num(e, s)
            ),
            Lang::Zh => format!("不计入这些数据，你的分数将是 {}。", score_num(e, s)),
        });
        match (p.flips, lang) {
            (Some(true), Lang::En) => format!(
                "Data the law restricts was used ({names}); together it decided your outcome: without it the decision would have been different.{without}"
            ),
            (Some(false), Lang::En) => format!(
                "Data the law restricts ({names}) was used; without it the decision would have been the same.{without}"
            ),
            (None, Lang::En) => format!("Data the law restricts ({names}) was used.{without}"),
            (Some(true), Lang::Zh) => format!(
                "使用了法律限制使用的数据（{names}）；这些数据合起来决定了你的结果：若不使用，决定将会不同。{without}"
            ),
            (Some(false), Lang::Zh) => {
                format!("使用了法律限制使用的数据（{names}）；若不使用，决定不会改变。{without}")
            }
            (None, Lang::Zh) => format!("使用了法律限制使用的数据（{names}）。{without}"),
        }
    }
}

/// The fourth line: the first step to take (and a change that would have avoided the outcome).
pub(super) fn first_step_line(e: &Doc, l: &Labels) -> String {
    let lang = e.lang;
    let first = e.first_page.first_step.and_then(|k| e.rights.get(k));
    let change = e
        .counterfactual
        .as_ref()
        .filter(|c| c.status == "found" && c.anchored)
        .map(|c| {
            c.changes
                .iter()
                .map(|ch| {
                    format!(
                        "{} {} → {}",
                        name_of(lang, &ch.column, &e.label(&ch.column)),
                        ch.from,
                        ch.to
                    )
                })
                .collect::<Vec<_>>()
                .join(lang.pick("; ", "；"))
        });
    let kind = |r: &crate::explain::RightEntry| super::super::rights::code_of(r.kind);
    match (first, lang) {
        (Some(r), Lang::En) => format!(
            "What you can do first: {} ({}).{}",
            match kind(r).as_str() {
                "explanation" | "written_reasons" =>
                    "ask the employer to explain the decision".to_string(),
                "human_review" => "ask the employer for a human review".to_string(),
                "access" => "ask the employer for your data".to_string(),
                _ => format!("use your right: {}", e.kind_text(r)),
            },
            e.right(r).citation,
            change.map_or_else(String::new, |c| format!(
                " A change that would have avoided this outcome: {c}."
            ))
        ),
        (Some(r), Lang::Zh) => format!(
            "首先可以做的：{}（{}）。{}",
            match kind(r).as_str() {
                "explanation" | "written_reasons" => "要求用人单位对决定予以说明".to_string(),
                "human_review" => "向用人单位要求人工复核".to_string(),
                "access" => "向用人单位要求查阅你的信息".to_string(),
                _ => format!("行使权利：{}", e.kind_text(r)),
            },
            e.right(r).citation,
            change.map_or_else(String::new, |c| format!("可避免这一结果的改变：{c}。"))
        ),
        (None, _) => l.no_rights.to_string(),
    }
}

/// The fifth line: the deadline that matters.
pub(super) fn deadline_line(e: &Doc, l: &Labels) -> String {
    let lang = e.lang;
    let deadline = e.first_page.deadline_step.and_then(|k| e.rights.get(k));
    let length = |r: &crate::explain::RightEntry| {
        r.deadline
            .as_ref()
            .and_then(|d| e.length(d))
            .unwrap_or_default()
    };
    match (deadline, lang) {
        (Some(r), Lang::En) => format!(
            "By when: {} within {} ({}); when the period starts is under step {} below.",
            e.kind_text(r).to_lowercase(),
            length(r),
            e.right(r).citation,
            r.step
        ),
        (Some(r), Lang::Zh) => format!(
            "期限：{}，期限为{}（{}）；期限自何时起算，见下文第{}步。",
            e.kind_text(r),
            length(r),
            e.right(r).citation,
            ["", "一", "二", "三", "四"]
                .get(r.step as usize)
                .copied()
                .unwrap_or("")
        ),
        (None, _) => l.no_deadline.to_string(),
    }
}
