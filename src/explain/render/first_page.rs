//! The first page's five lines: the decision, the main reasons, what the restricted data
//! did, the first step and the deadline that matters.

use super::doc::Rendering;
use super::text::Labels;
use super::words::*;

/// The five lines of the first page.
pub(super) fn first_page(e: &Rendering, l: &Labels) -> Vec<String> {
    vec![
        decision_line(e),
        reasons_line(e, l),
        restricted_line(e, l),
        first_step_line(e, l),
        deadline_line(e, l),
    ]
}

/// The first line: the decision, its date and, with a score, the cut that set it.
pub(super) fn decision_line(e: &Rendering) -> String {
    let lang = e.lang;
    let o = &e.outcome;
    let dcol = o
        .decision_column
        .clone()
        .unwrap_or_else(|| crate::ts!(lang, "explain.first_page.decision").to_string());
    let when = o
        .decision_date
        .as_ref()
        .map_or_else(String::new, |d| crate::t!(lang, "explain.first.when", d));
    let score = match (o.score, o.threshold, o.positive_above_threshold) {
        (Some(s), Some(t), Some(above)) => crate::t!(
            lang,
            "explain.first.score",
            column = o.score_column.clone().unwrap_or_default(),
            score = score_num(e, s),
            side = if above {
                crate::ts!(lang, "explain.first.at_least")
            } else {
                crate::ts!(lang, "explain.first.below")
            },
            threshold = score_num(e, t),
            decision = decision_word(lang, &dcol, Some(true))
        ),
        _ => String::new(),
    };
    crate::t!(
        lang,
        "explain.first.decision_line",
        when,
        decision = decision_word(lang, &dcol, o.decision_positive),
        harm = if o.adverse == Some(true) {
            crate::ts!(lang, "explain.decision.adverse")
        } else {
            crate::ts!(lang, "explain.decision.not_adverse")
        },
        score
    )
}

/// The second line: the inputs that weighed most toward the outcome.
pub(super) fn reasons_line(e: &Rendering, l: &Labels) -> String {
    let lang = e.lang;
    let reasons: Vec<String> = e
        .first_page
        .main_reasons
        .iter()
        .filter_map(|c| e.factors.iter().find(|f| &f.column == c))
        .map(|f| {
            let name = name_of(lang, &f.column, &e.label(&f.column));
            let v = value_or_missing(&f.value, l);
            match &f.typical {
                Some(t) => crate::t!(lang, "explain.first.reason_typical", name, v, t),
                None => format!("{name} {v}"),
            }
        })
        .collect();
    if reasons.is_empty() {
        l.no_main_reasons.to_string()
    } else {
        crate::t!(
            lang,
            "explain.first.reasons",
            reasons = lang.join_clauses(&reasons)
        )
    }
}

/// The third line: what the data the law restricts did.
pub(super) fn restricted_line(e: &Rendering, l: &Labels) -> String {
    let lang = e.lang;
    let p = &e.prohibited;
    let names_of = |keep: &dyn Fn(&crate::explain::Factor) -> bool| {
        p.inputs
            .iter()
            .filter(|f| keep(f))
            .map(|f| name_of(lang, &f.column, &e.label(&f.column)))
            .collect::<Vec<_>>()
            .join(lang.catalogue().list_separator())
    };
    if p.inputs.is_empty() {
        return l.none_prohibited.to_string();
    }
    if p.inputs.iter().all(|f| f.no_effect) {
        let names = names_of(&|f| f.no_effect);
        return crate::t!(lang, "explain.first.restricted_no_effect", names);
    }
    let against = names_of(&|f| !f.no_effect && f.toward == "adverse");
    let favour = names_of(&|f| !f.no_effect && f.toward == "favorable");
    let names = match (against.is_empty(), favour.is_empty()) {
        (false, false) => crate::t!(lang, "explain.first.against_and_favour", against, favour),
        (false, true) => crate::t!(lang, "explain.first.against", against),
        (true, _) => crate::t!(lang, "explain.first.favour", favour),
    };
    let without = p.score_without.map_or_else(String::new, |s| {
        crate::t!(lang, "explain.first.score_without", score = score_num(e, s))
    });
    match p.flips {
        Some(true) => crate::t!(lang, "explain.first.restricted_decided", names, without),
        Some(false) => crate::t!(lang, "explain.first.restricted_same", names, without),
        None => crate::t!(lang, "explain.first.restricted_used", names, without),
    }
}

/// The fourth line: the first step to take (and a change that would have avoided the outcome).
pub(super) fn first_step_line(e: &Rendering, l: &Labels) -> String {
    let lang = e.lang;
    let first = e.first_page.first_step.and_then(|k| e.rights.get(k));
    let change = e
        .counterfactual
        .as_ref()
        .filter(|c| c.status == "found" && c.anchored)
        .map(|c| {
            let changes: Vec<String> = c
                .changes
                .iter()
                .map(|ch| {
                    format!(
                        "{} {} → {}",
                        name_of(lang, &ch.column, &e.label(&ch.column)),
                        ch.from,
                        ch.to
                    )
                })
                .collect();
            crate::t!(
                lang,
                "explain.first.change",
                change = lang.join_clauses(&changes)
            )
        });
    let Some(r) = first else {
        return l.no_rights.to_string();
    };
    let action = match super::super::rights::code_of(r.kind).as_str() {
        "explanation" | "written_reasons" => crate::ts!(lang, "explain.first.ask_explain").into(),
        "human_review" => crate::ts!(lang, "explain.first.ask_review").into(),
        "access" => crate::ts!(lang, "explain.first.ask_data").into(),
        _ => crate::t!(lang, "explain.first.use_right", right = e.kind_text(r)),
    };
    crate::t!(
        lang,
        "explain.first.first_step",
        action,
        citation = e.right(r).citation,
        change = change.unwrap_or_default()
    )
}

/// The fifth line: the deadline that matters.
pub(super) fn deadline_line(e: &Rendering, l: &Labels) -> String {
    let lang = e.lang;
    let Some(r) = e.first_page.deadline_step.and_then(|k| e.rights.get(k)) else {
        return l.no_deadline.to_string();
    };
    let step = match r.step {
        1 => crate::ts!(lang, "explain.first.step_1"),
        2 => crate::ts!(lang, "explain.first.step_2"),
        3 => crate::ts!(lang, "explain.first.step_3"),
        4 => crate::ts!(lang, "explain.first.step_4"),
        _ => "",
    };
    crate::t!(
        lang,
        "explain.first.deadline",
        right = lang.catalogue().inline_label(&e.kind_text(r)),
        length = r
            .deadline
            .as_ref()
            .and_then(|d| e.length(d))
            .unwrap_or_default(),
        citation = e.right(r).citation,
        step
    )
}
