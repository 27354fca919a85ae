//! The sections about the decision itself: first page, decision, data, factors, restricted
//! inputs, what would change it, similar workers.

use super::doc::Rendering;
use super::first_page::first_page;
use super::parts::Part;
use super::text::{self, Labels};
use super::words::*;

/// The first page: five lines, then what the document is.
pub(super) fn first_page_section(e: &Rendering, l: &Labels, b: &mut Vec<Part>) {
    b.push(Part::Heading(l.s_first.into()));
    b.push(Part::List(first_page(e, l)));
    b.push(Part::Para(l.intro.to_string()));
}

/// 1. The decision, its score and threshold, and who decided it when.
pub(super) fn decision_section(e: &Rendering, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    let dcol = decision_name(e);
    b.push(Part::Heading(l.s_decision.into()));
    let o = &e.outcome;
    let mut rows = vec![vec![l.subject.to_string(), e.subject.clone()]];
    rows.push(vec![
        match &o.decision_column {
            Some(c) => paren(lang, l.decision, c),
            None => l.decision.to_string(),
        },
        e.decision_text(),
    ]);
    rows.push(vec![
        l.decision_date.into(),
        o.decision_date
            .clone()
            .unwrap_or_else(|| l.not_stated.into()),
    ]);
    if let Some(s) = o.score {
        rows.push(vec![
            paren(lang, l.score, o.score_column.as_deref().unwrap_or_default()),
            score_num(e, s),
        ]);
    }
    if o.threshold.is_none() && o.score.is_some() && o.decision_positive.is_some() {
        rows.push(vec![l.threshold.to_string(), l.no_single_cut.to_string()]);
    }
    if let Some(t) = o.threshold {
        let how = match o.threshold_source.as_deref() {
            Some("derived") => l.threshold_derived,
            _ => l.threshold_spec,
        };
        let yes = decision_word(lang, &dcol, Some(true));
        let side = match o.positive_above_threshold {
            Some(true) => crate::t!(lang, "explain.sections.yes_at_or_above", yes),
            Some(false) => crate::t!(lang, "explain.sections.yes_below", yes),
            None => String::new(),
        };
        let t = score_num(e, t);
        rows.push(vec![
            l.threshold.to_string(),
            paren(lang, &t, &format!("{how}{side}")),
        ]);
    }
    rows.push(vec![
        l.purpose.to_string(),
        e.src
            .purpose
            .clone()
            .unwrap_or_else(|| l.purpose_missing.to_string()),
    ]);
    rows.push(vec![l.stage.to_string(), stage(lang, &o.stage)]);
    rows.push(vec![
        l.employer.into(),
        o.employer.clone().unwrap_or_else(|| l.not_stated.into()),
    ]);
    rows.push(vec![
        l.contact.into(),
        e.src
            .contact
            .clone()
            .unwrap_or_else(|| l.contact_missing.into()),
    ]);
    rows.push(vec![
        l.document_date.into(),
        o.document_date
            .clone()
            .unwrap_or_else(|| l.not_stated.into()),
    ]);
    b.push(Part::Table(vec![String::new(), String::new()], rows));
}

/// 2. The data processed, beside the typical worker's.
pub(super) fn data_section(e: &Rendering, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    b.push(Part::Heading(l.s_data.into()));
    let effect_of = |col: &str| e.factors.iter().find(|f| f.column == col);
    let rows = e
        .inputs
        .iter()
        .map(|i| {
            let note = match &i.flag {
                Some(f) => flag_note(e, l, &i.column, f),
                None if i.model_role == "constant" => l.constant_input.to_string(),
                None if i.model_role == "not_usable" => l.not_model_input.to_string(),
                None => String::new(),
            };
            let effect = match effect_of(&i.column) {
                Some(f) => paren(lang, &signed(f.contribution), &toward(l, f)),
                None => "—".to_string(),
            };
            vec![
                name_of(lang, &i.column, &e.label(&i.column)),
                value_or_missing(&i.value, l),
                i.typical.clone().unwrap_or_else(|| "—".into()),
                effect,
                note,
            ]
        })
        .collect();
    b.push(Part::Table(value_headers(e, l, l.note), rows));
}

/// Why an input is marked: its kind and category, severity, reliance, legal basis and a legal
/// limit the worker's value exceeds.
fn flag_note(e: &Rendering, l: &Labels, column: &str, f: &crate::explain::InputFlag) -> String {
    let lang = e.lang;
    let texts = e.src.flag(column);
    // After a label: "Severity high" / "严重程度：高".
    let labelled = |label: &str, v: &str| crate::t!(lang, "explain.sections.labelled", label, v);
    let details = [
        labelled(l.severity, text::severity(lang, &f.severity)),
        text::used(lang, f.used).to_string(),
        labelled(
            l.legal,
            &texts.citations.join(lang.catalogue().list_separator()),
        ),
    ]
    .join(lang.catalogue().clause_separator());
    let over = e
        .over_limit_text(column, f)
        .map_or_else(String::new, |x| crate::t!(lang, "explain.sections.then", x));
    let what = format!(
        "{}{}{}",
        text::kind_label(lang, &f.kind),
        crate::ts!(lang, "explain.punct.colon"),
        texts.category_label
    );
    format!("{}{over}", paren(lang, &what, &details))
}

/// The headers of a table of inputs: column, value, typical value, contribution, and `last`.
fn value_headers(e: &Rendering, l: &Labels, last: &str) -> Vec<String> {
    vec![
        l.column.into(),
        l.value.into(),
        l.typical.into(),
        paren(e.lang, l.contribution, units(e, e.lang)),
        last.into(),
    ]
}

/// 3. What weighed most.
pub(super) fn factors_section(e: &Rendering, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    b.push(Part::Heading(l.s_factors.into()));
    let m = &e.model;
    b.push(Part::Para(crate::t!(
        lang,
        "explain.sections.factors_intro",
        rows = e.provenance.rows,
        units = units(e, lang)
    )));
    if m.agrees_with_real == Some(false) {
        b.push(Part::Para(
            if e.prohibited.score_without.is_some() {
                l.model_differs_anchored
            } else {
                l.model_differs
            }
            .into(),
        ));
    }
    let rows = e.factors.iter().map(|f| factor_row(e, f, l)).collect();
    b.push(Part::Table(value_headers(e, l, l.toward), rows));
}

/// 4. Restricted data in the record and what it did.
pub(super) fn prohibited_section(e: &Rendering, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    let dcol = decision_name(e);
    b.push(Part::Heading(l.s_prohibited.into()));
    let p = &e.prohibited;
    if p.inputs.is_empty() {
        b.push(Part::Para(l.none_prohibited.into()));
    } else {
        let rows = p.inputs.iter().map(|f| factor_row(e, f, l)).collect();
        b.push(Part::Table(
            vec![
                l.column.into(),
                l.value.into(),
                l.typical.into(),
                paren(lang, l.contribution, units(e, lang)),
                l.toward.into(),
            ],
            rows,
        ));
        let result = match p.score_without {
            Some(s) => crate::t!(
                lang,
                "explain.sections.score_without",
                score = score_num(e, s)
            ),
            None => crate::t!(
                lang,
                "explain.sections.output_without",
                output = num(p.output_without)
            ),
        };
        b.push(Part::Para(crate::t!(
            lang,
            "explain.sections.prohibited_effect",
            result,
            total = signed(p.total),
            units = units(e, lang),
            flips = match p.flips {
                Some(true) => crate::ts!(lang, "explain.sections.would_differ"),
                Some(false) => crate::ts!(lang, "explain.sections.would_be_same"),
                None => crate::ts!(lang, "explain.sections.cannot_tell"),
            },
            decision = decision_word(lang, &dcol, p.decision_without_positive)
        )));
    }
}

/// 5. What would have changed the outcome.
pub(super) fn counterfactual_section(e: &Rendering, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    let o = &e.outcome;
    match &e.counterfactual {
        Some(cf) if cf.status == "found" && !cf.anchored => {
            b.push(Part::Heading(l.s_counterfactual_model.into()))
        }
        _ => b.push(Part::Heading(l.s_counterfactual.into())),
    }
    match &e.counterfactual {
        None => b.push(Part::Para(l.not_adverse_cf.into())),
        Some(cf) => match cf.status.as_str() {
            "found" => {
                b.push(Part::Para(
                    if cf.anchored {
                        l.cf_anchored
                    } else {
                        l.cf_model
                    }
                    .into(),
                ));
                let rows = cf
                    .changes
                    .iter()
                    .map(|c| {
                        vec![
                            name_of(lang, &c.column, &e.label(&c.column)),
                            c.from.clone(),
                            c.to.clone(),
                        ]
                    })
                    .collect();
                b.push(Part::Table(
                    vec![l.column.into(), l.from.into(), l.to.into()],
                    rows,
                ));
                if let (Some(before), Some(after)) = (cf.score_before, cf.score_after) {
                    b.push(Part::Para(crate::t!(
                        lang,
                        "explain.sections.cf_score",
                        before = score_num(e, before),
                        after = score_num(e, after),
                        side = if o.threshold.is_some_and(|t| after < t) {
                            crate::ts!(lang, "explain.sections.below")
                        } else {
                            crate::ts!(lang, "explain.sections.at_or_above")
                        },
                        threshold = o.threshold.map_or_else(String::new, |t| score_num(e, t))
                    )));
                }
            }
            "model_disagrees" if o.score.is_some() => {
                b.push(Part::Para(l.cf_model_disagrees_score.into()))
            }
            "model_disagrees" => b.push(Part::Para(l.cf_model_disagrees.into())),
            "none_within_bounds" => b.push(Part::Para(l.cf_none.into())),
            "same_for_everyone" => b.push(Part::Para(l.cf_same.into())),
            _ => b.push(Part::Para(l.cf_no_input.into())),
        },
    }
    if cfg_bound(e) {
        b.push(Part::Para(l.cf_bound.into()));
    }
}

/// 6. Workers in a similar situation (counts only).
pub(super) fn similar_section(e: &Rendering, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    b.push(Part::Heading(l.s_similar.into()));
    match &e.similar {
        Some(s) => b.push(Part::Para(crate::t!(
            lang,
            "explain.sections.similar",
            compared = s.compared,
            inputs = s.inputs.join(lang.catalogue().list_separator()),
            same = s.same_outcome,
            other = s.other_outcome,
            sample = if s.pool < e.provenance.rows {
                crate::t!(lang, "explain.sections.sample", pool = s.pool)
            } else {
                String::new()
            }
        ))),
        None => b.push(Part::Para(l.no_similar.into())),
    }
}
