//! Small wording helpers shared by the explanation's sections: numbers, percentages,
//! names, the decision's words.

use super::super::Factor;
use super::doc::Rendering;
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

/// A percentage in the document's language (no space before % in Chinese).
pub(super) fn pct_l(lang: Lang, v: f64) -> String {
    lang.catalogue().percent(&format!("{:.1}", v * 100.0))
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
            (Some(v), Some(l), Some(h)) => crate::t!(
                lang,
                "explain.words.figure_interval",
                value = show(v),
                low = show(l),
                high = show(h)
            ),
            (Some(v), _, _) => show(v),
            _ => "—".into(),
        },
        None => "—".into(),
    }
}

pub(super) fn units(e: &Rendering, lang: Lang) -> &'static str {
    match e.model.scale.as_str() {
        "decision_log_odds" => crate::ts!(lang, "explain.words.units_decision_log_odds"),
        "score_log_odds" => crate::ts!(lang, "explain.words.units_score_log_odds"),
        _ => crate::ts!(lang, "explain.words.units_score"),
    }
}

/// The model's units without the pointer to the appendix (in the appendix itself).
pub(super) fn units_plain(e: &Rendering, lang: Lang) -> &'static str {
    match e.model.scale.as_str() {
        "decision_log_odds" => crate::ts!(lang, "explain.words.units_decision_log_odds_plain"),
        "score_log_odds" => crate::ts!(lang, "explain.words.units_score_log_odds_plain"),
        _ => crate::ts!(lang, "explain.words.units_score"),
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
    match positive {
        Some(true) => crate::t!(lang, "explain.words.decision_yes", col),
        Some(false) => crate::t!(lang, "explain.words.decision_no", col),
        None => crate::ts!(lang, "explain.words.no_decision_no_threshold").into(),
    }
}

/// An input's name for people: the dictionary's plain name, with the column in brackets.
pub(super) fn name_of(lang: Lang, column: &str, label: &Option<String>) -> String {
    match label {
        Some(l) => paren(lang, l, column),
        None => column.to_string(),
    }
}

/// `a (b)` in English, `a（b）` in Chinese.
pub(super) fn paren(lang: Lang, a: &str, b: &str) -> String {
    crate::t!(lang, "explain.words.paren", a, b)
}

/// A number of the score at its shown precision.
/// A score at the precision its column is recorded with (two decimals when unknown).
pub(super) fn score_num(e: &Rendering, v: f64) -> String {
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
    match length {
        Some(len) if employer => crate::t!(lang, "explain.words.deadline_employer", len, when),
        Some(len) => crate::t!(lang, "explain.words.deadline_worker", len, when),
        None => when.to_string(),
    }
}

/// The decision's name in the sections: its column, else "the decision".
pub(super) fn decision_name(e: &Rendering) -> String {
    e.outcome
        .decision_column
        .clone()
        .unwrap_or_else(|| crate::ts!(e.lang, "explain.words.decision").to_string())
}

pub(super) fn fidelity_level(lang: Lang, level: &str) -> &'static str {
    match level {
        "high" => crate::ts!(lang, "explain.words.high_model_reproduces_algorithm_s"),
        "moderate" => crate::ts!(lang, "explain.words.moderate_main_factors_are_likely"),
        _ => crate::ts!(lang, "explain.words.low_explanation_may_miss_algorithm"),
    }
}

pub(super) fn cfg_bound(e: &Rendering) -> bool {
    e.counterfactual.as_ref().is_some_and(|c| c.bound_reached)
}

pub(super) fn stage(lang: Lang, s: &str) -> String {
    let text = match s {
        "recruitment" => crate::ts!(lang, "explain.words.recruitment"),
        "termination" => crate::ts!(lang, "explain.words.termination"),
        "post_termination" => crate::ts!(lang, "explain.words.after_employment_ended"),
        _ => crate::ts!(lang, "explain.words.employment"),
    };
    text.into()
}

pub(super) fn factor_row(e: &Rendering, f: &Factor, l: &Labels) -> Vec<String> {
    vec![
        name_of(e.lang, &f.column, &e.label(&f.column)),
        value_or_missing(&f.value, l),
        f.typical.clone().unwrap_or_else(|| "—".into()),
        signed(f.contribution),
        toward(l, f),
    ]
}

/// A jurisdiction's name (its code in English).
pub(super) fn jurisdiction(lang: Lang, code: &str) -> String {
    match code {
        "CN" => crate::ts!(lang, "explain.jurisdiction.cn"),
        "EU" => crate::ts!(lang, "explain.jurisdiction.eu"),
        "US" => crate::ts!(lang, "explain.jurisdiction.us"),
        "US-NY-NYC" => crate::ts!(lang, "explain.jurisdiction.us_ny_nyc"),
        "US-IL" => crate::ts!(lang, "explain.jurisdiction.us_il"),
        other => other,
    }
    .into()
}

pub(super) fn md_cell(s: &str) -> String {
    crate::i18n::md_escape(s)
}
