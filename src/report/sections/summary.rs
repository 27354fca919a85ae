//! The summary: how many workers and findings, the three worst findings, and the gates or the
//! limits of the audit.

use crate::audit::Audit;
use crate::data::DecisionValues;
use crate::metrics::{Metric, Verdict};
use crate::report::doc::{Item, Section};
use crate::report::text::{finding_sentence, outcome};
use crate::tr;

use super::cells::FindingIds;
use super::finding_id;

pub(super) fn summary(a: &Audit, ids: &FindingIds) -> Section {
    let l = a.spec.lang;
    let mut s = Section::new("summary", l.pick("Summary", "摘要"));
    let mut items = Vec::new();
    let n = a.provenance.inputs.first().map_or(0, |s| s.rows_audited);
    let count =
        |sev: crate::codes::Severity| a.findings.iter().filter(|f| f.severity() == sev).count();
    use crate::codes::Severity as S;
    let (b, hi, me, lo, rv) = (
        count(S::Block),
        count(S::High),
        count(S::Medium),
        count(S::Low),
        count(S::Review),
    );
    let total = a.findings.len();
    let what = match &a.decision {
        DecisionValues::MultiClass { column, classes } => {
            let c = classes.join(l.pick(", ", "、"));
            tr!(
                l,
                "decision {column} with classes {c}",
                "决定“{column}”，类别为{c}"
            )
        }
        DecisionValues::Absent => l.pick("no decision", "无决定").to_string(),
        _ => {
            let adv = outcome(a, false);
            tr!(l, "adverse outcome: {adv}", "不利结果：{adv}")
        }
    };
    items.push(Item::linked(
        tr!(
            l,
            "{n} workers audited; {what}. {total} findings: {b} prohibited, {hi} high, {me} medium, {lo} low, {rv} to review; listed worst first below.",
            "共审计 {n} 名劳动者；{what}。共 {total} 项发现：禁止 {b} 项、高 {hi} 项、中 {me} 项、低 {lo} 项、待复核 {rv} 项；下文按严重程度从高到低列出。"
        ),
        "s-findings",
    ));
    if let Some(text) = super::method::not_run(a) {
        items.push(Item::linked(text.to_string(), "s-method"));
    }
    for (i, f) in a.findings.iter().enumerate().take(3) {
        let (id, sev) = (finding_id(i), f.severity().text(l));
        let sentence = finding_sentence(a, f);
        items.push(Item::linked(
            tr!(l, "{id} ({sev}): {sentence}", "{id}（{sev}）：{sentence}"),
            ids.ids[i].clone(),
        ));
    }
    let breached: Vec<&crate::audit::GateResult> = a.gates.iter().filter(|g| g.breached).collect();
    if !a.gates.is_empty() {
        let (k, all) = (breached.len(), a.gates.len());
        items.push(Item::linked(
            tr!(
                l,
                "Gates: {k} of {all} breached (see the end of the findings).",
                "判定门槛：{all} 项中有 {k} 项被突破（见发现列表末尾）。"
            ),
            "s-findings",
        ));
    } else {
        let withheld = a.groups.iter().filter(|g| g.status == "withheld").count();
        let inconclusive = a
            .metrics
            .iter()
            .filter(|r| {
                matches!(r.metric, Metric::ImpactRatio | Metric::ScoringImpactRatio)
                    && r.verdict == Some(Verdict::Inconclusive)
            })
            .count();
        let min = a.spec.report.min_published_group;
        let comparisons = if inconclusive == 1 {
            "comparison"
        } else {
            "comparisons"
        };
        let groups = if withheld == 1 { "group" } else { "groups" };
        items.push(Item::linked(
            tr!(
                l,
                "Limits: {inconclusive} {comparisons} found no significant gap but cannot rule one out (verdict 'no significant disparity found'); {withheld} {groups} of fewer than {min} workers are withheld.",
                "局限：有 {inconclusive} 项比较未发现显著差距，但也不能排除差距（结论为“未发现显著差异”）；{withheld} 个少于 {min} 人的群体不予公布。"
            ),
            "s-disparity",
        ));
    }
    s.list(items);
    s
}
