//! What several sections share: metric rows looked up by group, where each finding's numbers
//! are, bilingual headers and the common cells (verdicts, p-values, intervals, withheld
//! figures).

use crate::audit::{AnyFinding, Audit};
use crate::codes::FindingKind;
use crate::i18n::{Lang, fmt_p};
use crate::metrics::{GroupInfo, Metric, MetricRow};
use crate::report::text::{interval3, pct_interval, test_name};

use super::finding_id;
use crate::t;

/// Metric rows of one attribute, looked up by (group, metric), built once per report.
pub(super) struct Lookup<'a> {
    rows: std::collections::HashMap<(&'a str, &'a str, Metric), &'a MetricRow>,
}

impl<'a> Lookup<'a> {
    pub(super) fn new(a: &'a Audit) -> Self {
        // The first row of each key, as a search from the top finds it.
        let mut rows = std::collections::HashMap::with_capacity(a.metrics.len());
        for r in a.metrics.iter().filter(|r| r.class.is_none()) {
            rows.entry((r.attribute.as_str(), r.group.as_str(), r.metric))
                .or_insert(r);
        }
        Lookup { rows }
    }

    pub(super) fn get(&self, attr: &str, g: &str, m: Metric) -> Option<&'a MetricRow> {
        self.rows.get(&(attr, g, m)).copied()
    }
}

/// Where each finding's numbers are: the id of its row.
pub(super) struct FindingIds {
    pub(super) ids: Vec<String>,
}

impl FindingIds {
    /// A finding about groups points at its row of the findings table (a single group at the
    /// groups section), an input finding at its row of the inputs table.
    pub(super) fn new(a: &Audit) -> Self {
        let ids = a
            .findings
            .iter()
            .enumerate()
            .map(|(i, f)| match f {
                AnyFinding::Disparity(d) if d.kind != FindingKind::SingleGroup => finding_id(i),
                AnyFinding::Disparity(_) => "s-groups".to_string(),
                AnyFinding::Input(_) | AnyFinding::Protection(_) => finding_id(i),
            })
            .collect();
        FindingIds { ids }
    }
}

/// A table's column headers, each already in the report's language (`ts!`).
pub(super) fn headers(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// A verdict cell: the verdict's words, or the reason a value is missing.
pub(super) fn verdict_cell(r: Option<&MetricRow>, lang: Lang) -> String {
    match r {
        Some(r) => r
            .verdict
            .map(|v| v.text(lang).to_string())
            .or_else(|| r.reason_text(lang))
            .unwrap_or_default(),
        None => String::new(),
    }
}

pub(super) fn p_cell(r: Option<&MetricRow>, lang: Lang) -> String {
    match r.and_then(|r| r.p_adjusted.map(|p| (p, r.test))) {
        Some((p, t)) => {
            let test = test_name(t, lang);
            t!(
                lang,
                "report.cells.fmt_p_paren_test",
                fmt_p = fmt_p(p),
                test
            )
        }
        None => "–".into(),
    }
}

/// The cell of a withheld figure: "withheld (< 5)".
pub(super) fn withheld(a: &Audit) -> String {
    let publ = a.spec.report.min_published_group;
    t!(a.spec.lang, "report.cells.withheld", publ)
}

pub(super) fn correction(a: &Audit) -> &'static str {
    if a.spec.stats.correction == "bh" {
        "Benjamini-Hochberg"
    } else {
        "Holm"
    }
}

/// The groups of one attribute, in order.
pub(super) fn groups_of<'a>(a: &'a Audit, attr: &'a str) -> impl Iterator<Item = &'a GroupInfo> {
    a.groups.iter().filter(move |g| g.attribute == attr)
}

/// A metric's value, if the metric is there.
pub(super) fn value(r: Option<&MetricRow>) -> Option<f64> {
    r.and_then(|r| r.value)
}

/// A rate's interval as percentages, or "–".
pub(super) fn pct_ci(r: Option<&MetricRow>, l: Lang) -> String {
    r.map_or("–".into(), |r| pct_interval(r.ci_low, r.ci_high, l))
}

/// A ratio's interval with three decimals, or "–".
pub(super) fn ratio_ci(r: Option<&MetricRow>) -> String {
    r.map_or("–".into(), |r| interval3(r.ci_low, r.ci_high))
}

/// Attributes in the order of the groups list (each once).
pub(super) fn attributes(a: &Audit) -> Vec<&str> {
    let mut attrs: Vec<&str> = a.groups.iter().map(|g| g.attribute.as_str()).collect();
    attrs.dedup();
    attrs
}
