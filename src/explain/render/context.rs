//! The sections around the decision: the worker's groups, rights, challenge points,
//! provenance and the model appendix.

use super::doc::Rendering;
use super::parts::Part;
use super::text::{self, Labels};
use super::words::*;

/// 7. How the worker's groups fared.
pub(super) fn groups_section(e: &Rendering, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    b.push(Part::Heading(l.s_groups.into()));
    if e.groups.is_empty() {
        b.push(Part::Para(l.no_groups.into()));
    } else {
        let rows = e
            .groups
            .iter()
            .map(|g| {
                vec![
                    format!("{} = {}", g.attribute, crate::i18n::group(&g.group, lang)),
                    g.n.map_or_else(|| "—".into(), |n| n.to_string()),
                    figure(lang, g.favorable_rate.as_ref(), true),
                    figure(lang, g.adverse_rate.as_ref(), true),
                    figure(lang, g.adverse_rate_ratio.as_ref(), false),
                    g.reference
                        .as_deref()
                        .map(|r| crate::i18n::group(r, lang))
                        .unwrap_or_else(|| "—".into()),
                    e.suppressed_text(g)
                        .or_else(|| e.verdict_text(g))
                        .unwrap_or_else(|| "—".into()),
                ]
            })
            .collect();
        b.push(Part::Table(
            vec![
                l.group.into(),
                l.workers.into(),
                l.favorable_rate.into(),
                l.adverse_rate.into(),
                l.adverse_rate_ratio.into(),
                l.reference.into(),
                l.verdict.into(),
            ],
            rows,
        ));
        b.push(Part::Para(l.groups_note.into()));
    }
}

/// 8. What the worker can do, step by step.
pub(super) fn rights_section(e: &Rendering, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    b.push(Part::Heading(l.s_rights.into()));
    if e.rights.is_empty() {
        b.push(Part::Para(l.no_rights.into()));
    } else {
        let mut steps: Vec<u8> = e.rights.iter().map(|r| r.step).collect();
        steps.dedup();
        for step in steps {
            b.push(Part::Para(text::step_text(lang, step).into()));
            let rows = e
                .rights
                .iter()
                .filter(|r| r.step == step)
                .map(|r| {
                    let texts = e.right(r);
                    let conditions = e.conditions(r);
                    vec![
                        e.kind_text(r),
                        crate::t!(
                            lang,
                            "explain.context.law",
                            law = if texts.law.starts_with('《') {
                                texts.law.clone()
                            } else {
                                crate::t!(lang, "explain.context.law_title", law = texts.law)
                            },
                            citation = texts.citation,
                            jurisdiction = jurisdiction(lang, &r.jurisdiction)
                        ),
                        texts.summary.clone(),
                        r.deadline.as_ref().map_or_else(
                            || l.no_time_limit.into(),
                            |d| deadline_text(lang, e.length(d), d, &texts.when),
                        ),
                        if conditions.is_empty() {
                            "—".into()
                        } else {
                            lang.join_clauses(&conditions)
                        },
                    ]
                })
                .collect();
            b.push(Part::Table(
                vec![
                    l.right.into(),
                    l.law.into(),
                    l.what.into(),
                    l.deadline.into(),
                    l.applies.into(),
                ],
                rows,
            ));
        }
    }
}

/// The points that support a challenge.
pub(super) fn challenge_section(e: &Rendering, l: &Labels, b: &mut Vec<Part>) {
    b.push(Part::Heading(l.s_challenge.into()));
    if e.challenge.is_empty() {
        b.push(Part::Para(l.no_challenge.into()));
    } else {
        b.push(Part::List(
            e.challenge.iter().map(|c| e.challenge_text(c)).collect(),
        ));
    }
}

/// 9. Provenance and the document's hash.
pub(super) fn provenance_section(e: &Rendering, l: &Labels, b: &mut Vec<Part>) {
    b.push(Part::Heading(l.s_provenance.into()));
    let pv = &e.provenance;
    b.push(Part::Table(
        vec![String::new(), String::new()],
        vec![
            vec![l.version.into(), pv.candor_version.clone()],
            vec![l.data_file.into(), pv.data_file.clone()],
            vec![l.data_hash.into(), pv.data_sha256.clone()],
            vec![l.rows.into(), pv.rows.to_string()],
            vec![l.spec_hash.into(), pv.audit_spec_sha256.clone()],
            vec![l.settings_hash.into(), pv.explain_settings_sha256.clone()],
            vec![l.seed.into(), pv.seed.to_string()],
            vec![l.doc_hash.into(), super::document_hash(e)],
        ],
    ));
    b.push(Part::Para(l.hash_note.into()));
}

/// Appendix: the model's internals.
pub(super) fn appendix_section(e: &Rendering, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    let dcol = decision_name(e);
    let m = &e.model;
    b.push(Part::Heading(l.s_appendix.into()));
    b.push(Part::Para(l.appendix_model.into()));
    let mut rows = vec![
        vec![l.a_scale.into(), units_plain(e, lang).into()],
        vec![l.a_output.into(), num(m.output)],
        vec![l.a_baseline.into(), num(m.baseline)],
        vec![l.a_additivity.into(), format!("{:.1e}", m.additivity_error)],
        vec![l.a_fit_rows.into(), m.fit_rows.to_string()],
        vec![l.a_penalty.into(), format!("{:e}", m.penalty)],
    ];
    if let Some(d) = m.model_decision_positive {
        rows.push(vec![
            l.a_model_decision.into(),
            format!(
                "{}{}",
                decision_word(lang, &dcol, Some(d)),
                match m.agrees_with_real {
                    Some(true) => crate::ts!(lang, "explain.context.same_as_algorithm"),
                    Some(false) => crate::ts!(lang, "explain.context.not_algorithm"),
                    None => "",
                }
            ),
        ]);
    }
    if let Some(f) = &m.fidelity {
        let pct_o = |v: Option<f64>| v.map_or_else(|| "—".into(), |v| pct_l(lang, v));
        rows.push(vec![l.a_agreement.into(), pct_l(lang, f.agreement)]);
        rows.push(vec![
            l.a_agreement_by.into(),
            crate::t!(
                lang,
                "explain.context.agreement_by",
                yes = decision_word(lang, &dcol, Some(true)),
                yes_rate = pct_o(f.agreement_positive),
                no = decision_word(lang, &dcol, Some(false)),
                no_rate = pct_o(f.agreement_negative)
            ),
        ]);
        if let Some(r) = f.r_squared {
            rows.push(vec![
                l.a_r2.into(),
                paren(
                    lang,
                    &num(r),
                    &format!(
                        "{} {}",
                        l.a_in_sample,
                        f.r_squared_in_sample.map_or_else(|| "—".into(), num)
                    ),
                ),
            ]);
        }
        if let Some(sd) = f.residual_sd {
            rows.push(vec![l.a_residual.into(), num(sd)]);
        }
        if let Some(u) = f.unexplainable {
            rows.push(vec![l.a_unexplainable.into(), pct_l(lang, u)]);
        }
        rows.push(vec![
            l.a_identical.into(),
            f.identical_inputs_conflicting.to_string(),
        ]);
        rows.push(vec![
            l.a_level.into(),
            fidelity_level(lang, &f.level).into(),
        ]);
    }
    b.push(Part::Table(vec![String::new(), String::new()], rows));
}
