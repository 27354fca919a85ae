//! Findings: what a reader must know first, as codes and numbers (renderers write the words).
//!
//! Takes the metric rows and returns the disparities worth reporting, each pointing at the
//! group worse off:
//! - the decision (favorable-rate impact ratio with its adverse-rate twin) and the score
//!   (scoring-rate impact ratio): `high` when the gap is beyond the four-fifths line in either
//!   framing and significant after correction; `low` when it is beyond the line but the data
//!   cannot confirm it (not significant), or significant but within the line;
//! - error rates (the adverse outcome among workers with the same label, in both framings):
//!   `medium` when the gap is beyond [0.8, 1.25] and significant after correction.
//!
//! A finding that is not significant after correction is never `medium` or `high`. Groups of
//! missing values and groups withheld by the disclosure setting are never a finding's subject
//! (their rows carry no comparison).

use serde::Serialize;
use std::collections::HashMap;

use crate::codes::{FindingKind, Severity};
use crate::metrics::{FIVE_FOURTHS, FOUR_FIFTHS, Metric, MetricRow, Verdict};

/// A second number on the same comparison (the other framing).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Twin {
    pub metric: Metric,
    pub value: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
}

/// One thing wrong or worth review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    pub attribute: String,
    /// The group of the metric row.
    pub group: String,
    /// The group it is compared with (`population` for the whole population).
    pub reference: Option<String>,
    /// Which of the two is worse off: `group` or `reference`'s name.
    pub worse_off: Option<String>,
    /// The headline metric: for a decision whose positive value harms the worker, the
    /// adverse-rate ratio ("flagged 1.86 times as often"), else the favorable-rate ratio.
    pub metric: Metric,
    pub class: Option<String>,
    /// The ratio, group over reference, and its interval.
    pub value: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    /// The same comparison in the other framing.
    pub twin: Option<Twin>,
    /// The rates the headline ratio divides (group, reference), when both are in the table.
    pub group_rate: Option<f64>,
    pub reference_rate: Option<f64>,
    /// For error-rate findings: the label value of the workers compared (`1`: positive label).
    pub label_stratum: Option<u8>,
    pub p_adjusted: Option<f64>,
    pub test: Option<&'static str>,
    pub verdict: Option<Verdict>,
    pub n: u64,
    pub reference_n: Option<u64>,
}

impl Finding {
    /// The size of the gap, for ordering: the largest |ln ratio| over both framings.
    pub fn gap(&self) -> f64 {
        // A ratio of 0 is the largest gap there is.
        let ln = |v: Option<f64>| match v {
            Some(x) if x > 0.0 => x.ln().abs(),
            Some(0.0) => f64::INFINITY,
            _ => 0.0,
        };
        ln(self.value).max(ln(self.twin.as_ref().and_then(|t| t.value)))
    }
}

/// What the findings stage needs to know about the decision.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FindingParams {
    pub alpha: f64,
    /// True when the positive decision helps the worker.
    pub positive_is_favorable: bool,
}

/// The metric rows by (attribute, group, class, metric), the first row of each key as a
/// search from the top would find it; built once, so that finding the twin and the rates of
/// each row is not a search of every row (quadratic in the number of groups).
struct RowIndex<'a> {
    by_key: HashMap<(&'a str, &'a str, Option<&'a str>, Metric), &'a MetricRow>,
    n: HashMap<(&'a str, &'a str), u64>,
}

impl<'a> RowIndex<'a> {
    fn new(rows: &'a [MetricRow]) -> Self {
        let mut by_key = HashMap::with_capacity(rows.len());
        let mut n = HashMap::new();
        for r in rows {
            let key = (
                r.attribute.as_str(),
                r.group.as_str(),
                r.class.as_deref(),
                r.metric,
            );
            by_key.entry(key).or_insert(r);
            if r.metric == Metric::N {
                n.entry((r.attribute.as_str(), r.group.as_str()))
                    .or_insert(r.n);
            }
        }
        RowIndex { by_key, n }
    }

    fn get(
        &self,
        attribute: &str,
        group: &str,
        class: Option<&str>,
        metric: Metric,
    ) -> Option<&'a MetricRow> {
        self.by_key.get(&(attribute, group, class, metric)).copied()
    }
}

fn find<'a>(rows: &RowIndex<'a>, like: &MetricRow, metric: Metric) -> Option<&'a MetricRow> {
    rows.get(&like.attribute, &like.group, like.class.as_deref(), metric)
}

/// A group's rate of `metric` (None when the group is the population or not in the table).
fn rate_of(
    rows: &RowIndex<'_>,
    attribute: &str,
    group: &str,
    metric: Metric,
    class: Option<&str>,
) -> Option<f64> {
    rows.get(attribute, group, class, metric)
        .and_then(|r| r.value)
}

fn group_n(rows: &RowIndex<'_>, attribute: &str, group: &str) -> Option<u64> {
    rows.n.get(&(attribute, group)).copied()
}

fn base(
    kind: FindingKind,
    severity: Severity,
    head: &MetricRow,
    twin: Option<&MetricRow>,
) -> Finding {
    // Worse off: the group when its favorable ratio is below 1 (or its adverse ratio above 1).
    let group_worse = match (head.metric, head.value) {
        (Metric::ImpactRatio | Metric::ScoringImpactRatio, Some(v)) => v < 1.0,
        (_, Some(v)) => v > 1.0,
        _ => twin.and_then(|t| t.value).is_some_and(|v| v < 1.0),
    };
    // Against the whole population, a favored group says nothing about who is worse off
    // (the others are, each with its own comparison).
    let population = head.reference.as_deref() == Some("population");
    Finding {
        kind,
        severity,
        attribute: head.attribute.clone(),
        group: head.group.clone(),
        reference: head.reference.clone(),
        worse_off: if group_worse {
            Some(head.group.clone())
        } else if population {
            None
        } else {
            head.reference.clone()
        },
        metric: head.metric,
        class: head.class.clone(),
        value: head.value,
        ci_low: head.ci_low,
        ci_high: head.ci_high,
        twin: twin.map(|t| Twin {
            metric: t.metric,
            value: t.value,
            ci_low: t.ci_low,
            ci_high: t.ci_high,
        }),
        group_rate: None,
        reference_rate: None,
        label_stratum: None,
        p_adjusted: head.p_adjusted,
        test: head.test,
        verdict: head.verdict,
        n: head.n,
        reference_n: None,
    }
}

fn fill_rates(f: &mut Finding, rows: &RowIndex<'_>, rate: Metric) {
    let class = f.class.clone();
    f.group_rate = rate_of(rows, &f.attribute, &f.group, rate, class.as_deref());
    if let Some(r) = &f.reference {
        f.reference_rate = rate_of(rows, &f.attribute, r, rate, class.as_deref());
        f.reference_n = group_n(rows, &f.attribute, r);
    }
}

/// The decision and score findings of one graded row.
fn graded(rows: &RowIndex<'_>, r: &MetricRow, p: &FindingParams) -> Option<Finding> {
    let v = r.verdict?;
    let severity = match v {
        Verdict::AdverseSignificant => Severity::High,
        Verdict::AdverseNotSignificant | Verdict::SignificantWithinThreshold => Severity::Low,
        _ => return None,
    };
    let (head, twin, rate) = match r.metric {
        Metric::ImpactRatio => {
            let twin = find(rows, r, Metric::AdverseRateRatio);
            // Lead with what the decision does: the adverse rate when the positive decision
            // harms the worker (a flag), the favorable rate when it helps (a hire).
            match twin {
                Some(t) if !p.positive_is_favorable && t.value.is_some() => {
                    (t, Some(r), Metric::AdverseRate)
                }
                _ => (r, twin, Metric::FavorableRate),
            }
        }
        Metric::ScoringImpactRatio => (r, None, Metric::ScoringRate),
        _ => return None,
    };
    let mut f = base(FindingKind::Disparity, severity, head, twin);
    fill_rates(&mut f, rows, rate);
    Some(f)
}

/// The error-rate strata: (label stratum, adverse-outcome rate ratio, favorable-outcome rate
/// ratio, the adverse rate) for a decision whose positive value helps (`true`) or harms the
/// worker. Among workers with label 0 the positive decision rate is the FPR; among label 1,
/// the TPR.
fn strata(positive_is_favorable: bool) -> [(u8, Metric, Metric, Metric); 2] {
    if positive_is_favorable {
        [
            (0, Metric::TnrRatio, Metric::FprRatio, Metric::Tnr),
            (1, Metric::FnrRatio, Metric::TprRatio, Metric::Fnr),
        ]
    } else {
        [
            (0, Metric::FprRatio, Metric::TnrRatio, Metric::Fpr),
            (1, Metric::TprRatio, Metric::FnrRatio, Metric::Tpr),
        ]
    }
}

fn error_rate(rows: &RowIndex<'_>, r: &MetricRow, p: &FindingParams) -> Vec<Finding> {
    let mut out = Vec::new();
    if r.metric != Metric::SelectionRateRatio || r.class.is_some() {
        return out;
    }
    for (stratum, adverse, favorable, rate) in strata(p.positive_is_favorable) {
        let (Some(a), f) = (find(rows, r, adverse), find(rows, r, favorable)) else {
            continue;
        };
        let significant = a.p_adjusted.is_some_and(|q| q < p.alpha);
        let outside =
            |v: Option<f64>| v.is_some_and(|v| !(FOUR_FIFTHS..=FIVE_FOURTHS).contains(&v));
        if !significant || !(outside(a.value) || outside(f.and_then(|f| f.value))) {
            continue;
        }
        let mut x = base(FindingKind::ErrorRateDisparity, Severity::Medium, a, f);
        x.verdict = Some(Verdict::Significant);
        x.label_stratum = Some(stratum);
        fill_rates(&mut x, rows, rate);
        out.push(x);
    }
    out
}

/// A multi-class decision: a group gets one class at a rate beyond the lines from the
/// reference's, significantly. Which class is favorable is not stated, so no side is named
/// worse off (`worse_off` is None).
fn class_share(r: &MetricRow, p: &FindingParams) -> Option<Finding> {
    let v = r.value?;
    let significant = r.p_adjusted.is_some_and(|q| q < p.alpha);
    let outside = !(FOUR_FIFTHS..=FIVE_FOURTHS).contains(&v);
    let severity = match (outside, significant) {
        (true, true) => Severity::Medium,
        (false, true) | (true, false) => Severity::Low,
        (false, false) => return None,
    };
    let mut f = base(FindingKind::Disparity, severity, r, None);
    f.worse_off = None;
    f.verdict = Some(if significant {
        Verdict::Significant
    } else {
        Verdict::NotSignificant
    });
    Some(f)
}

/// The disparity findings of an audit, worst first.
pub fn disparities(rows: &[MetricRow], p: &FindingParams) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    let index = RowIndex::new(rows);
    for r in rows {
        match r.metric {
            Metric::ImpactRatio | Metric::ScoringImpactRatio => out.extend(graded(&index, r, p)),
            Metric::SelectionRateRatio if r.class.is_some() => {
                out.extend(class_share(r, p).map(|mut f| {
                    fill_rates(&mut f, &index, Metric::SelectionRate);
                    f
                }))
            }
            Metric::SelectionRateRatio => out.extend(error_rate(&index, r, p)),
            _ => {}
        }
    }
    // A finding must name who is worse off, except for a multi-class decision, whose
    // favorable class is not stated.
    out.retain(|f| f.worse_off.is_some() || f.class.is_some());
    sort(&mut out);
    out
}

/// Worst first: severity, then the size of the gap, then names for a stable order.
pub fn sort(out: &mut [Finding]) {
    out.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(b.gap().total_cmp(&a.gap()))
            .then(a.attribute.cmp(&b.attribute))
            .then(a.group.cmp(&b.group))
            .then(a.metric.cmp(&b.metric))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(g: &str, m: Metric, v: f64, verdict: Verdict, p: f64) -> MetricRow {
        let mut r = MetricRow::new("race", g, m, 100).value(Some(v), "");
        r.verdict = Some(verdict);
        r.p_adjusted = Some(p);
        r.reference = Some("White".into());
        r
    }

    fn params(positive_is_favorable: bool) -> FindingParams {
        FindingParams {
            alpha: 0.05,
            positive_is_favorable,
        }
    }

    #[test]
    fn worst_first_and_never_beyond_the_evidence() {
        let rows = vec![
            row(
                "A",
                Metric::ImpactRatio,
                0.75,
                Verdict::AdverseNotSignificant,
                0.3,
            ),
            row(
                "B",
                Metric::ImpactRatio,
                0.70,
                Verdict::AdverseSignificant,
                0.001,
            ),
            row(
                "C",
                Metric::ImpactRatio,
                0.50,
                Verdict::AdverseSignificant,
                0.001,
            ),
            row("D", Metric::ImpactRatio, 0.99, Verdict::NoDisparity, 0.9),
        ];
        let f = disparities(&rows, &params(true));
        let order: Vec<&str> = f.iter().map(|f| f.group.as_str()).collect();
        assert_eq!(order, ["C", "B", "A"]);
        assert_eq!(f[0].severity, Severity::High);
        assert_eq!(f[2].severity, Severity::Low);
        assert!(
            f.iter()
                .all(|f| f.worse_off.as_deref() == Some(f.group.as_str()))
        );
    }

    #[test]
    fn adverse_decision_leads_with_the_adverse_rate() {
        let rows = vec![
            row(
                "rural",
                Metric::ImpactRatio,
                0.90,
                Verdict::AdverseSignificant,
                1e-6,
            ),
            row(
                "rural",
                Metric::AdverseRateRatio,
                1.86,
                Verdict::AdverseSignificant,
                1e-6,
            ),
        ];
        let f = disparities(&rows, &params(false));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].metric, Metric::AdverseRateRatio);
        assert_eq!(f[0].value, Some(1.86));
        assert_eq!(f[0].twin.as_ref().unwrap().metric, Metric::ImpactRatio);
        assert_eq!(f[0].worse_off.as_deref(), Some("rural"));
    }

    #[test]
    fn favoured_group_points_at_the_reference() {
        let rows = vec![row(
            "Hui",
            Metric::ImpactRatio,
            1.4,
            Verdict::AdverseSignificant,
            1e-4,
        )];
        let f = disparities(&rows, &params(true));
        assert_eq!(f[0].worse_off.as_deref(), Some("White"));
    }
}
