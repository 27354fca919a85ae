//! Prohibited inputs and proxies: how each input was checked, Candor's model of the
//! algorithm, and the flagged inputs worst first with their evidence.

use crate::audit::{AnyFinding, Audit};
use crate::codes::FindingKind;
use crate::i18n::Lang;
use crate::report::doc::{DocTable, Section};
use crate::screen::run::InputFinding;

use super::cells::{FindingIds, headers};
use super::finding_id;
use crate::t;
use crate::ts;

pub(super) fn inputs_section(a: &Audit, ids: &FindingIds) -> Option<Section> {
    let l = a.spec.lang;
    let sc = a.screen.as_ref()?;
    let mut s = Section::new("inputs", ts!(l, "report.inputs.prohibited_inputs_proxies"));
    s.para(ts!(l, "report.inputs.each_input_was_checked_four"));
    if let Some(sur) = &sc.surrogate {
        let (n, fid) = (sur.n, format!("{:.3}", sur.fidelity));
        let logistic = sur.model == "logistic";
        let (model, meaning) = if logistic {
            (
                ts!(l, "report.inputs.surrogate_logistic"),
                ts!(l, "report.inputs.surrogate_logistic_fidelity"),
            )
        } else {
            (
                ts!(l, "report.inputs.surrogate_linear"),
                ts!(l, "report.inputs.surrogate_linear_fidelity"),
            )
        };
        s.para(t!(l, "report.inputs.surrogate", n, model, fid, meaning));
    }
    if let Some(note) = &sc.usage_note {
        s.para(t!(l, "report.inputs.note", note));
    }
    let mut t = DocTable::new(
        "t-inputs",
        ts!(l, "report.inputs.inputs_flagged_worst_first"),
        headers(&[
            ts!(l, "report.inputs.col_finding"),
            ts!(l, "report.inputs.col_column"),
            ts!(l, "report.inputs.col_kind"),
            ts!(l, "report.inputs.col_category"),
            ts!(l, "report.inputs.col_severity"),
            ts!(l, "report.inputs.col_used_algorithm"),
            ts!(l, "report.inputs.col_evidence"),
            ts!(l, "report.inputs.col_legal_sources"),
        ]),
    );
    for f in &sc.findings {
        let pos = a
            .findings
            .iter()
            .position(|x| matches!(x, AnyFinding::Input(i) if **i == *f));
        let cells = input_cells(f, pos, l);
        match pos {
            Some(i) => t.push_with_id(ids.ids[i].clone(), cells),
            None => t.push(cells),
        }
    }
    s.table(t);
    Some(s)
}

/// The cells of one flagged input's row; `pos` is its place among the audit's findings.
fn input_cells(f: &InputFinding, pos: Option<usize>, l: Lang) -> Vec<String> {
    let kind = FindingKind::from_code(&f.kind)
        .map_or_else(|| f.kind.replace('_', " "), |k| k.text(l).to_string());
    let sev = f
        .severity
        .parse::<crate::codes::Severity>()
        .map_or_else(|_| f.severity.clone(), |x| x.text(l).to_string());
    vec![
        pos.map(finding_id).unwrap_or_default(),
        f.column.clone(),
        kind,
        f.category_label().get(l).to_string(),
        sev,
        match f.used {
            Some(true) => ts!(l, "report.inputs.yes").into(),
            Some(false) => ts!(l, "report.inputs.no_present_but_unused").into(),
            None => ts!(l, "report.inputs.not_tested").into(),
        },
        evidence(f, l),
        f.legal_sources
            .iter()
            .map(|s| s.citation.clone())
            .collect::<Vec<_>>()
            .join(l.catalogue().clause_separator()),
    ]
}

/// The evidence against an input: what its name matches, its values, its use by the
/// algorithm and what it predicts.
fn evidence(f: &InputFinding, l: Lang) -> String {
    let mut ev = Vec::new();
    if let Some(m) = f.evidence.name.first() {
        let term = l.quote(&m.term);
        ev.push(t!(l, "report.inputs.name_matches", term));
    }
    if let Some(v) = f.evidence.content.first() {
        let (share, pattern) = (format!("{:.1}", v.share * 100.0), &v.pattern);
        ev.push(t!(l, "report.inputs.values_match", share, pattern));
    }
    if let Some(o) = &f.evidence.off_hours {
        let (share, n) = (format!("{:.1}", o.share * 100.0), o.parsed_rows);
        ev.push(t!(
            l,
            "report.inputs.timestamps_outside_working_hours_examined",
            share,
            n
        ));
    }
    if let Some(u) = &f.evidence.usage {
        let (p, k) = (crate::i18n::fmt_p_eq(u.p_value), u.decisions_changed);
        ev.push(t!(
            l,
            "report.inputs.likelihood_ratio_test_p_decisions",
            p,
            k
        ));
    }
    if let Some(p) = f.evidence.proxy.first() {
        let (attr, auc) = (
            &p.attribute,
            p.auc.map_or("–".into(), |x| format!("{x:.2}")),
        );
        ev.push(t!(l, "report.inputs.predicts_auc", attr, auc));
    }
    ev.join(l.catalogue().clause_separator())
}
