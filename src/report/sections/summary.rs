//! The summary: how many workers and findings, the three worst findings, and the gates or the
//! limits of the audit.

use crate::audit::Audit;
use crate::data::DecisionValues;
use crate::metrics::{Metric, Verdict};
use crate::report::doc::{Item, Section};
use crate::report::text::{finding_sentence, outcome};

use super::cells::FindingIds;
use super::finding_id;
use crate::t;
use crate::ts;

pub(super) fn summary(a: &Audit, ids: &FindingIds) -> Section {
    let l = a.spec.lang;
    let mut s = Section::new("summary", ts!(l, "report.summary.summary"));
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
            let c = classes.join(l.catalogue().list_separator());
            t!(l, "report.summary.decision_classes", column, c)
        }
        DecisionValues::Absent => ts!(l, "report.summary.no_decision").to_string(),
        _ => {
            let adv = outcome(a, false);
            t!(l, "report.summary.adverse_outcome", adv)
        }
    };
    items.push(Item::linked(
        t!(
            l,
            "report.summary.workers_audited_findings_prohibited_high",
            n,
            what,
            total,
            b,
            hi,
            me,
            lo,
            rv
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
            t!(
                l,
                "report.summary.id_paren_sev_colon_sentence",
                id,
                sev,
                sentence
            ),
            ids.ids[i].clone(),
        ));
    }
    let breached: Vec<&crate::audit::GateResult> = a.gates.iter().filter(|g| g.breached).collect();
    if !a.gates.is_empty() {
        let (k, all) = (breached.len(), a.gates.len());
        items.push(Item::linked(
            t!(l, "report.summary.gates_breached_see_end_findings", k, all),
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
        let g = l.catalogue();
        let comparisons = g.plural(
            inconclusive,
            ts!(l, "report.summary.limits_comparison"),
            ts!(l, "report.summary.limits_comparisons"),
        );
        let groups = g.plural(
            withheld,
            ts!(l, "report.summary.limits_group"),
            ts!(l, "report.summary.limits_groups"),
        );
        items.push(Item::linked(
            t!(
                l,
                "report.summary.limits",
                inconclusive,
                comparisons,
                withheld,
                groups,
                min
            ),
            "s-disparity",
        ));
    }
    s.list(items);
    s
}
