//! The findings, worst first: one linked sentence each, the gates, and the table of the numbers
//! behind each finding about groups.

use crate::audit::{AnyFinding, Audit, GateResult};
use crate::codes::FindingKind;
use crate::findings::Finding;
use crate::i18n::{Lang, fmt_p};
use crate::report::doc::{DocTable, Item, Section};
use crate::report::text::{finding_sentence, group, interval, level, pct, ratio, test_name};

use super::cells::{FindingIds, headers};
use super::finding_id;
use crate::t;
use crate::ts;

pub(super) fn findings_section(a: &Audit, ids: &FindingIds) -> Section {
    let l = a.spec.lang;
    let mut s = Section::new("findings", ts!(l, "report.findings.findings_worst_first"));
    let lvl = level(a);
    let alpha = a.spec.stats.alpha;
    s.para(t!(
        l,
        "report.findings.each_finding_names_group_worse",
        alpha,
        lvl
    ));
    if a.findings.is_empty() {
        s.para(ts!(l, "report.findings.no_finding_no_gap_beyond"));
    }
    s.list(finding_items(a, ids));
    for g in &a.gates {
        s.para(gate_text(g, l));
    }
    let t = findings_table(a, ids);
    if !t.rows.is_empty() {
        s.table(t);
    }
    s
}

/// One item per finding: id, severity, kind and sentence, linked to its numbers.
fn finding_items(a: &Audit, ids: &FindingIds) -> Vec<Item> {
    let l = a.spec.lang;
    a.findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let (id, sev, kind) = (finding_id(i), f.severity().text(l), f.kind().text(l));
            let sentence = finding_sentence(a, f);
            Item::linked(
                t!(
                    l,
                    "report.findings.id_bracket_sev_dot_kind_sentence",
                    id,
                    sev,
                    kind,
                    sentence
                ),
                ids.ids[i].clone(),
            )
        })
        .collect()
}

/// A gate and whether it was breached, and by what.
fn gate_text(g: &GateResult, l: Lang) -> String {
    let (metric, op, value) = (g.gate.metric.as_str(), gate_op(g), g.gate.value);
    let state = if g.breached {
        let by = g.by.join("; ");
        t!(l, "report.findings.breached", by)
    } else {
        ts!(l, "report.findings.not_breached").into()
    };
    t!(l, "report.findings.gate", metric, op, value, state)
}

/// A gate's comparison as a symbol.
fn gate_op(g: &GateResult) -> String {
    serde_json::to_value(g.gate.op)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The numbers behind each finding about groups (single-group findings have none), one row
/// per finding, each a link target.
fn findings_table(a: &Audit, ids: &FindingIds) -> DocTable {
    let l = a.spec.lang;
    let mut t = DocTable::new(
        "t-findings",
        ts!(l, "report.findings.numbers_behind_each_finding_about"),
        headers(&[
            ts!(l, "report.findings.col_finding"),
            ts!(l, "report.findings.col_group_n"),
            ts!(l, "report.findings.col_compared_n"),
            ts!(l, "report.findings.col_worse_off"),
            ts!(l, "report.findings.col_measure"),
            ts!(l, "report.findings.col_rates"),
            ts!(l, "report.findings.col_ratio_interval"),
            ts!(l, "report.findings.col_other_framing"),
            ts!(l, "report.findings.col_corrected_p"),
        ]),
    );
    for (i, f) in a.findings.iter().enumerate() {
        let AnyFinding::Disparity(d) = f else {
            continue;
        };
        if d.kind == FindingKind::SingleGroup {
            continue;
        }
        t.push_with_id(ids.ids[i].clone(), finding_cells(a, i, d));
    }
    t
}

/// The cells of finding `i`'s row of the findings table.
fn finding_cells(a: &Audit, i: usize, d: &Finding) -> Vec<String> {
    let l = a.spec.lang;
    let nref = d
        .reference_n
        .map_or(String::new(), |n| t!(l, "report.findings.paren_n", n));
    let twin = d.twin.as_ref().map_or("–".into(), |t| {
        t!(
            l,
            "report.findings.metric_ratio_interval",
            metric = t.metric.name(l),
            ratio = ratio(t.value),
            interval = interval(t.ci_low, t.ci_high)
        )
    });
    let measure = match d.label_stratum {
        Some(k) => {
            let lab = a.label.as_ref().map_or(String::new(), |x| x.column.clone());
            let k = if k == 1 { "1" } else { "0" };
            t!(
                l,
                "report.findings.metric_at_k",
                metric = d.metric.name(l),
                lab,
                k
            )
        }
        None => d.metric.name(l).to_string(),
    };
    let (gr, rr) = (pct(d.group_rate, l), pct(d.reference_rate, l));
    vec![
        t!(
            l,
            "report.findings.finding_id_severity",
            finding_id = finding_id(i),
            severity = d.severity.text(l)
        ),
        t!(
            l,
            "report.findings.attribute_eq_group_paren_n",
            attribute = d.attribute,
            group = group(&d.group, l),
            n = d.n
        ),
        format!(
            "{}{nref}",
            d.reference
                .as_deref()
                .map(|r| group(r, l))
                .unwrap_or_default()
        ),
        d.worse_off
            .as_deref()
            .map(|w| group(w, l))
            .unwrap_or_default(),
        measure,
        t!(l, "report.findings.group_vs_reference", gr, rr),
        t!(
            l,
            "report.findings.ratio_paren_interval",
            ratio = ratio(d.value),
            interval = interval(d.ci_low, d.ci_high)
        ),
        twin,
        d.p_adjusted.map_or("–".into(), |p| {
            t!(
                l,
                "report.findings.fmt_p_paren_test_name",
                fmt_p = fmt_p(p),
                test_name = test_name(d.test, l)
            )
        }),
    ]
}
