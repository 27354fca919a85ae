//! The worker's groups: the audit's figures for each attribute and intersection.

use std::collections::BTreeMap;

use super::document::{Figure, GroupContext, Suppression};
use super::explainer::Explainer;
use crate::audit::Audit;
use crate::spec::AuditSpec;

/// Group figures from the audit, by (attribute, group); withheld groups keep no figures.
pub(super) fn group_figures(
    spec: &AuditSpec,
    audit: &Audit,
) -> BTreeMap<(String, String), GroupContext> {
    let mut groups = BTreeMap::new();
    for g in &audit.groups {
        let row = |metric: crate::metrics::Metric| {
            audit.metrics.iter().find(|r| {
                r.attribute == g.attribute
                    && r.group == g.group
                    && r.metric == metric
                    && r.class.is_none()
            })
        };
        let suppressed = (g.status == "withheld").then_some(Suppression::BelowMinimum {
            min: spec.report.min_published_group,
        });
        // A withheld group's figures are not shown.
        let fig = |metric: crate::metrics::Metric| {
            row(metric)
                .filter(|_| suppressed.is_none())
                .map(|r| Figure {
                    value: r.value,
                    ci_low: r.ci_low,
                    ci_high: r.ci_high,
                })
        };
        let ir = row(crate::metrics::Metric::ImpactRatio);
        let verdict = ir.and_then(|r| r.verdict);
        groups.insert(
            (g.attribute.clone(), g.group.clone()),
            GroupContext {
                attribute: g.attribute.clone(),
                group: g.group.clone(),
                n: suppressed.is_none().then_some(g.n),
                favorable_rate: fig(crate::metrics::Metric::FavorableRate),
                adverse_rate: fig(crate::metrics::Metric::AdverseRate),
                impact_ratio: fig(crate::metrics::Metric::ImpactRatio),
                adverse_rate_ratio: fig(crate::metrics::Metric::AdverseRateRatio),
                reference: ir.and_then(|r| r.reference.clone()),
                verdict,
                suppressed,
            },
        );
    }
    groups
}

/// The attributes and intersections a worker's groups are looked up on.
pub(super) fn group_slices(spec: &AuditSpec) -> Vec<Vec<String>> {
    let mut slices: Vec<Vec<String>> = spec.attributes.iter().map(|a| vec![a.clone()]).collect();
    slices.extend(spec.intersections.iter().cloned());
    slices
}

impl Explainer {
    pub(super) fn group_context(&self, i: usize) -> Vec<GroupContext> {
        let mut out = Vec::new();
        for slice in &self.group_slices {
            let mut values = Vec::new();
            for a in slice {
                let Some((_, v)) = self.subjects.attributes.iter().find(|(n, _)| n == a) else {
                    continue;
                };
                values.push(v[i].clone());
            }
            if values.len() != slice.len() {
                continue;
            }
            let key = (slice.join(" & "), values.join(" & "));
            if let Some(g) = self.groups.get(&key) {
                out.push(g.clone());
            }
        }
        out
    }
}
