//! Small wording helpers shared by the explanation's sections: numbers, percentages,
//! names, the decision's words.

use super::super::Factor;
use super::doc::Doc;
use super::text::{Labels, Lang};

pub(super) fn num(v: f64) -> String {
    let r = (v * 1000.0).round() / 1000.0;
    let s = format!("{r:.3}");
    if s == "-0.000" { "0.000".into() } else { s }
}

pub(super) fn signed(v: f64) -> String {
    let s = num(v);
    if v > 0.0 && s != "0.000" {
        format!("+{s}")
    } else {
        s
    }
}

pub(super) fn pct(v: f64) -> String {
    format!("{:.1} %", v * 100.0)
}

/// A percentage in the document's language (no space before % in Chinese).
pub(super) fn pct_l(lang: Lang, v: f64) -> String {
    match lang {
        Lang::En => pct(v),
        Lang::Zh => format!("{:.1}%", v * 100.0),
    }
}

pub(super) fn figure(lang: Lang, f: Option<&crate::explain::Figure>, percent: bool) -> String {
    let show = |v: f64| {
        if percent {
            pct_l(lang, v)
        } else {
            format!("{v:.3}")
        }
    };
    match f {
        Some(f) => match (f.value, f.ci_low, f.ci_high) {
            (Some(v), Some(l), Some(h)) => match lang {
                Lang::En => format!("{} ({} – {})", show(v), show(l), show(h)),
                Lang::Zh => format!("{}（{}–{}）", show(v), show(l), show(h)),
            },
            (Some(v), _, _) => show(v),
            _ => "—".into(),
        },
        None => "—".into(),
    }
}

pub(super) fn units(e: &Doc, lang: Lang) -> &'static str {
    match (e.model.scale.as_str(), lang) {
        ("decision_log_odds", Lang::En) => "units of the model (log-odds, see the appendix)",
        ("decision_log_odds", Lang::Zh) => "模型单位（对数几率，见附录）",
        ("score_log_odds", Lang::En) => {
            "units of the model (log-odds of the score, see the appendix)"
        }
        ("score_log_odds", Lang::Zh) => "模型单位（分数的对数几率，见附录）",
        (_, Lang::En) => "points of the score",
        (_, Lang::Zh) => "分",
    }
}

pub(super) fn toward(l: &Labels, f: &Factor) -> String {
    if f.no_effect {
        return l.no_effect.to_string();
    }
    match f.toward.as_str() {
        "adverse" => l.toward_adverse,
        "favorable" => l.toward_favorable,
        _ => l.toward_none,
    }
    .to_string()
}

pub(super) fn value_or_missing(v: &Option<String>, l: &Labels) -> String {
    v.clone().unwrap_or_else(|| l.missing.to_string())
}

/// A decision named by its column: "flagged: yes" / "被标记：是".
pub(super) fn decision_word(lang: Lang, col: &str, positive: Option<bool>) -> String {
    match (positive, lang) {
        (Some(true), Lang::En) => format!("{col}: yes"),
        (Some(false), Lang::En) => format!("{col}: no"),
        (Some(true), Lang::Zh) => format!("“{col}”：是"),
        (Some(false), Lang::Zh) => format!("“{col}”：否"),
        (None, _) => lang
            .pick("no decision (no threshold)", "无法判定（没有阈值）")
            .into(),
    }
}

/// An input's name for people: the dictionary's plain name, with the column in brackets.
pub(super) fn name_of(lang: Lang, column: &str, label: &Option<String>) -> String {
    match (label, lang) {
        (Some(l), Lang::En) => format!("{l} ({column})"),
        (Some(l), Lang::Zh) => format!("{l}（{column}）"),
        (None, _) => column.to_string(),
    }
}

/// `a (b)` in English, `a（b）` in Chinese.
pub(super) fn paren(lang: Lang, a: &str, b: &str) -> String {
    match lang {
        Lang::En => format!("{a} ({b})"),
        Lang::Zh => format!("{a}（{b}）"),
    }
}

/// A number of the score at its shown precision.
/// A score at the precision its column is recorded with (two decimals when unknown).
pub(super) fn score_num(e: &Doc, v: f64) -> String {
    let d = e.outcome.score_decimals.unwrap_or(2) as usize;
    format!("{v:.d$}")
}

/// A deadline in words: its length (`length`), whom it binds and from when it runs (`when`).
pub(super) fn deadline_text(
    lang: Lang,
    length: Option<String>,
    d: &crate::explain::DeadlineEntry,
    when: &str,
) -> String {
    let employer = d.binds == Some(crate::screen::policy::DeadlineBinds::Employer);
    match (length, lang) {
        (Some(len), Lang::En) if employer => {
            format!("a deadline for the employer: {len} ({when})")
        }
        (Some(len), Lang::Zh) if employer => format!("用人单位的期限：{len}（{when}）"),
        (Some(len), Lang::En) => format!("within {len} ({when})"),
        (Some(len), Lang::Zh) => format!("{len}内（{when}）"),
        (None, _) => when.to_string(),
    }
}

/// The decision's name in the sections: its column, else "the decision".
pub(super) fn decision_name(e: &Doc) -> String {
    e.outcome
        .decision_column
        .clone()
        .unwrap_or_else(|| e.lang.pick("the decision", "决定").to_string())
}

pub(super) fn fidelity_level(lang: Lang, level: &str) -> &'static str {
    match level {
        "high" => lang.pick(
            "high: the model reproduces the algorithm's decisions closely",
            "高：该模型与算法的决定高度一致",
        ),
        "moderate" => lang.pick(
            "moderate: the main factors are likely right, details may not be",
            "中：主要因素大概率正确，细节未必",
        ),
        _ => lang.pick(
            "low: the explanation may miss the algorithm's real reasons",
            "低：本说明可能遗漏算法的真正原因",
        ),
    }
}

pub(super) fn cfg_bound(e: &Doc) -> bool {
    e.counterfactual.as_ref().is_some_and(|c| c.bound_reached)
}

pub(super) fn stage(lang: Lang, s: &str) -> String {
    let (en, zh) = match s {
        "recruitment" => ("recruitment", "招聘"),
        "termination" => ("termination", "解除劳动关系"),
        "post_termination" => ("after employment ended", "劳动关系结束后"),
        _ => ("employment", "在职管理"),
    };
    lang.pick(en, zh).into()
}

pub(super) fn factor_row(e: &Doc, f: &Factor, l: &Labels) -> Vec<String> {
    vec![
        name_of(e.lang, &f.column, &e.label(&f.column)),
        value_or_missing(&f.value, l),
        f.typical.clone().unwrap_or_else(|| "—".into()),
        signed(f.contribution),
        toward(l, f),
    ]
}

/// The jurisdiction code in Chinese.
pub(super) fn jurisdiction_zh(code: &str) -> String {
    match code {
        "CN" => "中国".into(),
        "EU" => "欧盟".into(),
        "US" => "美国".into(),
        "US-NY-NYC" => "美国纽约市".into(),
        "US-IL" => "美国伊利诺伊州".into(),
        other => other.into(),
    }
}

pub(super) fn md_cell(s: &str) -> String {
    crate::i18n::md_escape(s)
}
