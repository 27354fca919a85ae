//! The findings, worst first: one linked sentence each, the gates, and the table of the numbers
//! behind each finding about groups.

use crate::audit::{AnyFinding, Audit, GateResult};
use crate::codes::FindingKind;
use crate::findings::Finding;
use crate::i18n::{Lang, fmt_p};
use crate::report::doc::{DocTable, Item, Section};
use crate::report::text::{finding_sentence, group, interval, level, pct, ratio, test_name};
use crate::tr;

use super::cells::{FindingIds, headers};
use super::finding_id;

pub(super) fn findings_section(a: &Audit, ids: &FindingIds) -> Section {
    let l = a.spec.lang;
    let mut s = Section::new(
        "findings",
        l.pick("Findings, worst first", "发现（按严重程度排列）"),
    );
    let lvl = level(a);
    let alpha = a.spec.stats.alpha;
    s.para(tr!(
        l,
        "Each finding names the group worse off and quotes the numbers of the table below (or of the inputs table). Severity follows the evidence: high for a gap beyond the four-fifths line (a favorable-rate ratio below 0.8 or an adverse-rate ratio above 1.25) that is significant after correction; medium for a significant gap in error rates or a restricted input; low for a gap the data cannot confirm (corrected p ≥ {alpha}) or a significant difference within the line. Intervals are {lvl}.",
        "每项发现都指出处境较差的群体，并引用下表（或输入变量表）中的数字。严重程度依证据而定：差距超出五分之四界线（有利结果率之比低于 0.8，或不利结果率之比高于 1.25）且经校正后显著，为“高”；错误率差距显著或使用受限输入，为“中”；数据不能证实的差距（校正后 p ≥ {alpha}）或未超出界线但显著的差异，为“低”。区间均为 {lvl} 置信区间。"
    ));
    if a.findings.is_empty() {
        s.para(l.pick(
            "No finding: no gap beyond the four-fifths line and no significant difference was found. The tables below show, for each group, whether a gap can be ruled out.",
            "无发现：没有超出五分之四界线的差距，也没有统计显著的差异。下表逐组说明能否排除差距。",
        ));
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
                tr!(
                    l,
                    "{id} [{sev} · {kind}] {sentence}",
                    "{id}【{sev}·{kind}】{sentence}"
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
        tr!(l, "BREACHED by {by}", "已突破，涉及：{by}")
    } else {
        l.pick("not breached", "未突破").into()
    };
    tr!(
        l,
        "Gate {metric} {op} {value}: {state}",
        "判定门槛 {metric} {op} {value}：{state}"
    )
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
        l.pick(
            "The numbers behind each finding about groups",
            "各项群体差异发现所依据的数字",
        ),
        headers(
            l,
            &[
                "Finding",
                "Group (n)",
                "Compared with (n)",
                "Worse off",
                "Measure",
                "Rates",
                "Ratio (interval)",
                "Other framing",
                "Corrected p",
            ],
            &[
                "发现",
                "群体（人数）",
                "比较对象（人数）",
                "处境较差者",
                "指标",
                "比率",
                "比值（置信区间）",
                "另一口径",
                "校正后 p 值",
            ],
        ),
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
        .map_or(String::new(), |n| tr!(l, " ({n})", "（{n}）"));
    let twin = d.twin.as_ref().map_or("–".into(), |t| {
        tr!(
            l,
            "{} {} ({})",
            "{} {}（{}）",
            t.metric.name(l),
            ratio(t.value),
            interval(t.ci_low, t.ci_high)
        )
    });
    let measure = match d.label_stratum {
        Some(k) => {
            let lab = a.label.as_ref().map_or(String::new(), |x| x.column.clone());
            let k = if k == 1 { "1" } else { "0" };
            tr!(l, "{} ({lab} = {k})", "{}（{lab} = {k}）", d.metric.name(l))
        }
        None => d.metric.name(l).to_string(),
    };
    let (gr, rr) = (pct(d.group_rate, l), pct(d.reference_rate, l));
    vec![
        tr!(l, "{} ({})", "{}（{}）", finding_id(i), d.severity.text(l)),
        tr!(
            l,
            "{} = {} ({})",
            "{} = {}（{}）",
            d.attribute,
            group(&d.group, l),
            d.n
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
        tr!(l, "{gr} vs {rr}", "{gr} 对 {rr}"),
        tr!(
            l,
            "{} ({})",
            "{}（{}）",
            ratio(d.value),
            interval(d.ci_low, d.ci_high)
        ),
        twin,
        d.p_adjusted.map_or("–".into(), |p| {
            tr!(l, "{} ({})", "{}（{}）", fmt_p(p), test_name(d.test, l))
        }),
    ]
}
