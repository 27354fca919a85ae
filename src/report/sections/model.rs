//! The model handed over (`--model`): the agreement check, the flip tests and the rates with
//! the restricted inputs neutralised. The data holds codes; the words are here.

use crate::audit::Audit;
use crate::i18n::Lang;
use crate::model::Probe;
use crate::model::agreement::Share;
use crate::model::flip::{FlipReason, FlipTest};
use crate::report::doc::{DocTable, Section};
use crate::report::text::{group, ratio3};
use crate::spec::{ModelOutput, Neutral};

use super::cells::{headers, withheld};
use crate::t;
use crate::ts;

/// A share as a percentage with enough decimals for small shares (0.04 %, 6.6 %).
fn share_pct(x: Option<f64>, l: Lang) -> String {
    match x {
        None => "–".into(),
        Some(v) if v > 0.0 && v < 0.01 => l.catalogue().percent(&format!("{:.2}", v * 100.0)),
        Some(v) => l.catalogue().percent(&format!("{:.1}", v * 100.0)),
    }
}

fn ci_pct(s: &Share, l: Lang) -> String {
    match &s.ci {
        Some(i) => format!(
            "{}–{}",
            share_pct(Some(i.low), l),
            share_pct(Some(i.high), l)
        ),
        None => "–".into(),
    }
}

/// "1,323 of 20,000 (6.6 %, 95 % exact interval 6.3–7.0 %)", or withheld.
fn count_cell(s: &Share, a: &Audit) -> String {
    let l = a.spec.lang;
    match s.count {
        Some(c) => t!(
            l,
            "report.model.workers_95_exact_interval",
            c,
            n = s.n,
            share_pct = share_pct(s.share, l),
            ci_pct = ci_pct(s, l)
        ),
        None => withheld(a),
    }
}

fn output_words(o: ModelOutput, l: Lang) -> &'static str {
    match o {
        ModelOutput::Label => ts!(l, "report.model.predicted_class"),
        ModelOutput::Probability => ts!(
            l,
            "report.model.probability_positive_class_against_threshold"
        ),
        ModelOutput::Score => ts!(l, "report.model.score_against_threshold"),
    }
}

fn reason_words(f: &FlipTest, l: Lang) -> String {
    match (f.reason, &f.attribute) {
        (FlipReason::ProhibitedInput, _) => ts!(l, "report.model.flagged_screening").into(),
        (FlipReason::Proxy, Some(a)) => t!(l, "report.model.stands", a),
        (FlipReason::Proxy, None) => ts!(l, "report.model.proxy").into(),
        (FlipReason::ProtectedAttribute, _) => ts!(l, "report.model.protected_attribute").into(),
    }
}

fn neutral_words(code: &str, attribute: Option<&str>, l: Lang) -> String {
    match (code, attribute) {
        ("median", Some(a)) => t!(l, "report.model.median_workers_outside_worker_s", a),
        ("median", None) => ts!(l, "report.model.median_all_workers").into(),
        ("permute", _) => ts!(l, "report.model.shuffled_across_workers_seeded").into(),
        ("reference", _) => ts!(l, "report.model.each_decile_reference_group_turn").into(),
        _ => ts!(l, "report.model.each_other_values_turn").into(),
    }
}

fn agreement_part(s: &mut Section, a: &Audit, p: &Probe) {
    let l = a.spec.lang;
    let Some(ag) = &p.agreement else {
        s.para(ts!(l, "report.model.table_holds_no_two_valued"));
        return;
    };
    let tol = share_pct(Some(ag.tolerance), l);
    s.para(t!(
        l,
        "report.model.check_first_model_reproduces_recorded",
        count_cell = count_cell(&ag.decision, a),
        model_positive = ag.model_positive,
        recorded_positive = ag.recorded_positive,
        missed = ag.missed,
        extra = ag.extra
    ));
    if ag.mismatch {
        s.para(t!(
            l,
            "report.model.finding_more_than_decisions_differ",
            tol
        ));
    } else {
        s.para(t!(
            l,
            "report.model.decisions_that_differ_within_tolerance",
            tol
        ));
    }
    if let Some(sc) = &ag.score {
        s.para(t!(
            l,
            "report.model.scores_model_s_value_within",
            count_cell = count_cell(sc, a),
            score_tolerance = ag.score_tolerance,
            largest = ag
                .score_max_difference
                .map_or_else(|| "–".into(), |d| format!("{d:.6}"))
        ));
    }
    let mut t = DocTable::new(
        "model-agreement",
        ts!(l, "report.model.agreement_recorded_decisions_group"),
        headers(&[
            ts!(l, "report.model.col_attribute"),
            ts!(l, "report.model.col_group"),
            ts!(l, "report.model.col_workers"),
            ts!(l, "report.model.col_agreement"),
            ts!(l, "report.model.col_n95_exact_interval"),
        ]),
    );
    for g in &ag.by_group {
        t.push(vec![
            g.attribute.clone(),
            group(&g.group, l),
            g.share.n.to_string(),
            if g.share.count.is_some() {
                share_pct(g.share.share, l)
            } else {
                withheld(a)
            },
            ci_pct(&g.share, l),
        ]);
    }
    s.table(t);
}

fn flips_part(s: &mut Section, a: &Audit, p: &Probe) {
    let l = a.spec.lang;
    if p.flips.is_empty() {
        s.para(ts!(l, "report.model.model_reads_none_inputs_screening"));
        return;
    }
    s.para(ts!(l, "report.model.flip_tests_each_input_below"));
    let mut t = DocTable::new(
        "model-flips",
        ts!(l, "report.model.decisions_that_change_when_one"),
        headers(&[
            ts!(l, "report.model.col_input"),
            ts!(l, "report.model.col_why_tested"),
            ts!(l, "report.model.col_neutral_value"),
            ts!(l, "report.model.col_decisions_changed"),
            ts!(l, "report.model.col_now_favorable"),
            ts!(l, "report.model.col_now_adverse"),
        ]),
    );
    for f in &p.flips {
        t.push(vec![
            f.column.clone(),
            reason_words(f, l),
            neutral_words(&f.neutral, f.attribute.as_deref(), l),
            count_cell(&f.changed, a),
            f.to_favorable.to_string(),
            f.to_adverse.to_string(),
        ]);
    }
    s.table(t);
    let mut cols = headers(&[
        ts!(l, "report.model.col_attribute"),
        ts!(l, "report.model.col_group"),
        ts!(l, "report.model.col_workers"),
    ]);
    cols.extend(p.flips.iter().map(|f| f.column.clone()));
    let mut g = DocTable::new(
        "model-flips-groups",
        ts!(l, "report.model.share_each_group_s_decisions"),
        cols,
    );
    let rows = p.flips.first().map_or(0, |f| f.by_group.len());
    for r in 0..rows {
        let first = &p.flips[0].by_group[r];
        let mut cells = vec![
            first.attribute.clone(),
            group(&first.group, l),
            first.share.n.to_string(),
        ];
        for f in &p.flips {
            cells.push(f.by_group.get(r).map_or_else(
                || "–".into(),
                |x| {
                    if x.share.count.is_some() {
                        share_pct(x.share.share, l)
                    } else {
                        withheld(a)
                    }
                },
            ));
        }
        g.push(cells);
    }
    s.table(g);
}

fn neutralised_part(s: &mut Section, a: &Audit, p: &Probe) {
    let l = a.spec.lang;
    let Some(nz) = &p.neutralised else {
        return;
    };
    s.para(t!(
        l,
        "report.model.all_flagged_inputs_neutralised_once",
        columns_len = nz.columns.len(),
        columns = nz.columns.join(", "),
        count_cell = count_cell(&nz.changed, a)
    ));
    let mut t = DocTable::new(
        "model-neutralised",
        ts!(l, "report.model.outcomes_flagged_inputs_neutralised"),
        headers(&[
            ts!(l, "report.model.col_attribute"),
            ts!(l, "report.model.col_group"),
            ts!(l, "report.model.col_workers"),
            ts!(l, "report.model.col_favorable_now"),
            ts!(l, "report.model.col_favorable_without"),
            ts!(l, "report.model.col_impact_ratio_now"),
            ts!(l, "report.model.col_impact_ratio_without"),
            ts!(l, "report.model.col_adverse_rate_ratio_now"),
            ts!(l, "report.model.col_adverse_rate_ratio_without"),
        ]),
    );
    for g in &nz.groups {
        let shown = g.favorable_before.is_some();
        let name = if g.reference {
            t!(l, "report.model.reference", group = group(&g.group, l))
        } else {
            group(&g.group, l)
        };
        let cell = |x: Option<f64>| if shown { ratio3(x) } else { withheld(a) };
        t.push(vec![
            g.attribute.clone(),
            name,
            g.n.to_string(),
            if shown {
                share_pct(g.favorable_before, l)
            } else {
                withheld(a)
            },
            if shown {
                share_pct(g.favorable_after, l)
            } else {
                withheld(a)
            },
            cell(g.impact_ratio_before),
            cell(g.impact_ratio_after),
            cell(g.adverse_ratio_before),
            cell(g.adverse_ratio_after),
        ]);
    }
    s.table(t);
}

/// The section, when a model was handed over.
pub(super) fn model_section(a: &Audit) -> Option<Section> {
    let p = a.model.as_ref()?;
    let l = a.spec.lang;
    let mut s = Section::new("model", ts!(l, "report.model.model_handed_over"));
    s.para(t!(
        l,
        "report.model.candor_ran_model_itself_sha",
        file = p.model.file,
        sha256 = p.model.sha256,
        rows = p.rows,
        columns = p.model.columns.join(", "),
        output_words = output_words(p.model.output, l),
        output_name = p.model.output_name
    ));
    agreement_part(&mut s, a, p);
    flips_part(&mut s, a, p);
    neutralised_part(&mut s, a, p);
    if p.neutral == Neutral::Permute {
        s.para(t!(
            l,
            "report.model.permutation_uses_audit_s_seed",
            seed = a.spec.stats.seed
        ));
    }
    Some(s)
}
