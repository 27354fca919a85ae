//! The audit report as a document ([`Doc`]): what was audited, a short summary, every finding
//! worst first with the table of its numbers, then the evidence (LL144 tables, per-group
//! tables, scores, inputs) and the method. Built once; Markdown and HTML render it.
//!
//! One file per section, in the report's order: [`cover`], [`summary`], [`findings`],
//! [`groups`], [`ll144`], [`disparity`], [`scores`], [`inputs`], [`charts`] (the charts as
//! data), [`method`].

mod charts;
mod cover;
mod disparity;
mod findings;
mod groups;
mod inputs;
mod ll144;
mod method;
mod scores;
mod summary;

use crate::audit::{AnyFinding, Audit};
use crate::codes::FindingKind;
use crate::i18n::{Lang, fmt_p};
use crate::metrics::{GroupInfo, Metric, MetricRow};
use crate::tr;

use super::doc::Doc;
use super::text::{interval3, pct_interval, test_name};

/// The report's title.
pub fn title(lang: Lang) -> &'static str {
    lang.pick("Candor audit report", "Candor 审计报告")
}

/// The id of the `i`-th finding (0-based): F1, F2, ...
pub fn finding_id(i: usize) -> String {
    format!("F{}", i + 1)
}

/// Metric rows of one attribute, looked up by (group, metric), built once per report.
struct Lookup<'a> {
    rows: std::collections::HashMap<(&'a str, &'a str, Metric), &'a MetricRow>,
}

impl<'a> Lookup<'a> {
    fn new(a: &'a Audit) -> Self {
        let rows = a
            .metrics
            .iter()
            .filter(|r| r.class.is_none())
            .map(|r| ((r.attribute.as_str(), r.group.as_str(), r.metric), r))
            .collect();
        Lookup { rows }
    }

    fn get(&self, attr: &str, g: &str, m: Metric) -> Option<&'a MetricRow> {
        self.rows.get(&(attr, g, m)).copied()
    }
}

/// Where each finding's numbers are: the id of its row.
struct FindingIds {
    ids: Vec<String>,
}

impl FindingIds {
    /// A finding about groups points at its row of the findings table (a single group at the
    /// groups section), an input finding at its row of the inputs table.
    fn new(a: &Audit) -> Self {
        let ids = a
            .findings
            .iter()
            .enumerate()
            .map(|(i, f)| match f {
                AnyFinding::Disparity(d) if d.kind != FindingKind::SingleGroup => finding_id(i),
                AnyFinding::Disparity(_) => "s-groups".to_string(),
                AnyFinding::Input(_) => finding_id(i),
            })
            .collect();
        FindingIds { ids }
    }
}

fn h(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// A table's column headers in the report's language.
fn headers(l: Lang, en: &[&str], zh: &[&str]) -> Vec<String> {
    match l {
        Lang::En => h(en),
        Lang::Zh => h(zh),
    }
}

/// A verdict cell: the verdict's words, or the reason a value is missing.
fn verdict_cell(r: Option<&MetricRow>, lang: Lang) -> String {
    match r {
        Some(r) => r
            .verdict
            .map(|v| v.text(lang).to_string())
            .or_else(|| r.reason.clone())
            .unwrap_or_default(),
        None => String::new(),
    }
}

fn p_cell(r: Option<&MetricRow>, lang: Lang) -> String {
    match r.and_then(|r| r.p_adjusted.map(|p| (p, r.test))) {
        Some((p, t)) => {
            let test = test_name(t, lang);
            tr!(lang, "{} ({test})", "{}（{test}）", fmt_p(p))
        }
        None => "–".into(),
    }
}

/// The cell of a withheld figure: "withheld (< 5)".
fn withheld(a: &Audit) -> String {
    let publ = a.spec.report.min_published_group;
    tr!(a.spec.lang, "withheld (< {publ})", "不予公布（< {publ}）")
}

fn correction(a: &Audit) -> &'static str {
    if a.spec.stats.correction == "bh" {
        "Benjamini-Hochberg"
    } else {
        "Holm"
    }
}

/// The groups of one attribute, in order.
fn groups_of<'a>(a: &'a Audit, attr: &'a str) -> impl Iterator<Item = &'a GroupInfo> {
    a.groups.iter().filter(move |g| g.attribute == attr)
}

/// A metric's value, if the metric is there.
fn value(r: Option<&MetricRow>) -> Option<f64> {
    r.and_then(|r| r.value)
}

/// A rate's interval as percentages, or "–".
fn pct_ci(r: Option<&MetricRow>, l: Lang) -> String {
    r.map_or("–".into(), |r| pct_interval(r.ci_low, r.ci_high, l))
}

/// A ratio's interval with three decimals, or "–".
fn ratio_ci(r: Option<&MetricRow>) -> String {
    r.map_or("–".into(), |r| interval3(r.ci_low, r.ci_high))
}

/// Attributes in the order of the groups list (each once).
fn attributes(a: &Audit) -> Vec<&str> {
    let mut attrs: Vec<&str> = a.groups.iter().map(|g| g.attribute.as_str()).collect();
    attrs.dedup();
    attrs
}

/// Builds the report document.
pub fn document(a: &Audit) -> Doc {
    let l = a.spec.lang;
    let ids = FindingIds::new(a);
    let lookup = Lookup::new(a);
    let mut sections = vec![
        cover::cover(a),
        summary::summary(a, &ids),
        findings::findings_section(a, &ids),
        groups::groups_section(a),
    ];
    sections.extend(ll144::ll144_section(a));
    if !a.metrics.is_empty() {
        sections.push(disparity::disparity_section(a, &lookup));
    }
    sections.extend(scores::score_section(a, &lookup));
    sections.extend(inputs::inputs_section(a, &ids));
    if !a.metrics.is_empty() {
        sections.push(charts::charts_section(a));
    }
    sections.push(method::method_section(a));
    Doc {
        title: title(l).to_string(),
        sections,
    }
}
