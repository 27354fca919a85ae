//! Metrics: from sufficient statistics to one long table of numbers with their meaning.
//!
//! Takes [`Aggregates`] and [`MetricParams`]; returns [`Metrics`]: one [`MetricRow`] per
//! (attribute, group, metric[, class]), with the value or the reason it is undefined, the group
//! size, a confidence interval, and for comparisons the reference group, the p-value, the
//! p-value corrected across every comparison of the audit, and a verdict. No polars here: the
//! functions take counts and value tables, so they are tested with hand-made inputs.
//!
//! Formulas, small-group rules and references are in `docs/metrics.md` and on each function.

pub mod bootstrap;
mod compare;
pub mod distributions;
pub mod intervals;
pub mod ll144;
mod rates;
mod reason;
pub mod score_tables;
mod scores;
pub mod significance;
#[cfg(test)]
mod test_support;
mod verdict;

use std::collections::BTreeMap;

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use crate::i18n::Lang;
use crate::spec::ReferenceRule;
use crate::stats::{Aggregates, GroupStats};

pub use crate::codes::Metric;
pub(crate) use reason::IfUndefined;
pub use reason::Reason;
pub use verdict::{FIVE_FOURTHS, FOUR_FIFTHS, Verdict};

/// One number with its meaning. In audit.json, `reason` is written as its text in the
/// report's language (see the `Serialize` impl below); every other field as it is.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricRow {
    /// Attribute, or the attributes of an intersection joined by " & ".
    pub attribute: String,
    /// Group, or "*" for a metric of the whole attribute.
    pub group: String,
    pub metric: Metric,
    /// The decision class for multi-class decisions (one-vs-rest), else null.
    pub class: Option<String>,
    /// The value, or null with a `reason`.
    pub value: Option<f64>,
    /// Rows in the group.
    pub n: u64,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    /// For comparisons: the group compared against.
    pub reference: Option<String>,
    pub p_value: Option<f64>,
    /// The p-value corrected for every comparison of the audit (Holm or Benjamini-Hochberg).
    pub p_adjusted: Option<f64>,
    pub verdict: Option<Verdict>,
    /// The test behind `p_value`: `fisher_exact`, `chi_square_yates` or `kolmogorov_smirnov`.
    pub test: Option<&'static str>,
    /// For impact ratios: the smallest ratio this comparison could detect with 80 % power at
    /// the strictest level of the correction (alpha divided by the number of comparisons).
    pub detectable_ratio: Option<f64>,
    /// Why the value is null, or a note on how it was computed: a code, whose words
    /// [`Reason::text`] writes.
    pub reason: Option<Reason>,
    /// The language `reason` is written in, in audit.json (the report's: set by [`compute`]).
    pub(crate) lang: Lang,
    /// Group size, reference size and reference rate, for the detectable ratio (filled in
    /// once the number of comparisons is known).
    pub(crate) power_inputs: Option<(u64, u64, f64)>,
}

impl MetricRow {
    pub(crate) fn new(attribute: &str, group: &str, metric: Metric, n: u64) -> Self {
        MetricRow {
            attribute: attribute.to_string(),
            group: group.to_string(),
            metric,
            class: None,
            value: None,
            n,
            ci_low: None,
            ci_high: None,
            reference: None,
            p_value: None,
            p_adjusted: None,
            verdict: None,
            test: None,
            detectable_ratio: None,
            reason: None,
            lang: Lang::En,
            power_inputs: None,
        }
    }

    /// Sets the value; an undefined (or not finite) one is null, with `why` as its reason.
    pub(crate) fn value(mut self, v: Option<f64>, why: impl IfUndefined) -> Self {
        match v.filter(|x| x.is_finite()) {
            Some(x) => self.value = Some(x),
            None => {
                self.value = None;
                self.reason = why.reason();
            }
        }
        self
    }

    /// The reason's text in `lang`, if the row has a reason.
    pub fn reason_text(&self, lang: Lang) -> Option<String> {
        self.reason.map(|r| r.text(lang))
    }

    /// Sets the interval. It always contains the value: a ratio of 0 (no favorable outcome in
    /// the group) keeps 0 as its lower end, although Katz's adjusted interval (0.5 added to
    /// the zero count) starts above it.
    pub(crate) fn ci(mut self, i: Option<intervals::Interval>) -> Self {
        if let Some(v) = self.value
            && let Some(i) = i
        {
            self.ci_low = Some(i.low.min(v));
            self.ci_high = Some(i.high.max(v));
        }
        self
    }

    pub(crate) fn class(mut self, c: Option<&str>) -> Self {
        self.class = c.map(str::to_string);
        self
    }
}

impl Serialize for MetricRow {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut row = s.serialize_struct("MetricRow", 15)?;
        row.serialize_field("attribute", &self.attribute)?;
        row.serialize_field("group", &self.group)?;
        row.serialize_field("metric", &self.metric)?;
        row.serialize_field("class", &self.class)?;
        row.serialize_field("value", &self.value)?;
        row.serialize_field("n", &self.n)?;
        row.serialize_field("ci_low", &self.ci_low)?;
        row.serialize_field("ci_high", &self.ci_high)?;
        row.serialize_field("reference", &self.reference)?;
        row.serialize_field("p_value", &self.p_value)?;
        row.serialize_field("p_adjusted", &self.p_adjusted)?;
        row.serialize_field("verdict", &self.verdict)?;
        row.serialize_field("test", &self.test)?;
        row.serialize_field("detectable_ratio", &self.detectable_ratio)?;
        row.serialize_field("reason", &self.reason_text(self.lang))?;
        row.end()
    }
}

/// Settings the metrics need (from the audit spec).
#[derive(Debug, Clone, PartialEq)]
pub struct MetricParams {
    pub confidence: f64,
    pub alpha: f64,
    /// `holm` or `bh`.
    pub correction: String,
    pub bootstrap: usize,
    pub seed: u64,
    /// Groups smaller than this are "small": their figures are still computed and published
    /// (when the disclosure setting allows), tested with Fisher's exact test, but they never
    /// serve as the reference group.
    pub min_group_size: u64,
    /// Disclosure: groups smaller than this have every figure withheld (value null, verdict
    /// `withheld`) and are not compared. Default 5.
    pub min_published: u64,
    pub reference: ReferenceRule,
    pub references: BTreeMap<String, String>,
    pub exclude_below_share: f64,
    pub positive_is_favorable: bool,
    /// For a score: true when a higher score is better for the worker.
    pub higher_is_favorable: bool,
    /// Class names of a multi-class decision; empty for a binary decision.
    pub classes: Vec<String>,
    /// Per attribute, the group name of its missing values (never compared, never a
    /// reference); attributes not listed use `unknown`.
    pub missing: BTreeMap<String, String>,
    /// The report's language: the rows' reasons are codes, written in it in audit.json.
    pub lang: Lang,
}

impl Default for MetricParams {
    fn default() -> Self {
        MetricParams {
            confidence: 0.95,
            alpha: 0.05,
            correction: "holm".into(),
            bootstrap: 2000,
            seed: 20261123,
            min_group_size: 30,
            min_published: 5,
            reference: ReferenceRule::Highest,
            references: BTreeMap::new(),
            exclude_below_share: 0.0,
            positive_is_favorable: true,
            higher_is_favorable: true,
            classes: Vec::new(),
            missing: BTreeMap::new(),
            lang: Lang::En,
        }
    }
}

/// Size and status of one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupInfo {
    pub attribute: String,
    pub group: String,
    pub n: u64,
    pub share: f64,
    /// `ok`; `small` (below the minimum group size: figures published, exact tests, never the
    /// reference); `withheld` (below the disclosure setting: no figure published, not
    /// compared); `excluded` (below the share threshold: left out of impact ratios but
    /// disclosed); or `unknown` (missing values: counted and described, never compared).
    pub status: String,
}

/// Everything the metric stage produces.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metrics {
    pub groups: Vec<GroupInfo>,
    pub rows: Vec<MetricRow>,
}

/// How a row relates to the family of tests corrected together.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Test {
    /// Not a test.
    None,
    /// A new test with this p-value (None when it could not be computed).
    New(Option<f64>),
    /// A test on a 2x2 table that other rows of the same group and class may test again (the
    /// favorable and the adverse framing of the decision, a rate and its complement): counted
    /// once per key in the multiple-comparison family.
    Keyed(&'static str, Option<f64>),
}

/// Rows as a metric family writes them, each with its test.
pub(crate) type TestedRows = Vec<(MetricRow, Test)>;

/// A comparison test registered for the multiple-comparison correction.
pub(crate) struct Tests {
    pub p: Vec<f64>,
}

impl Tests {
    fn add(&mut self, p: Option<f64>) -> Option<usize> {
        let p = p.filter(|p| p.is_finite())?;
        self.p.push(p.clamp(0.0, 1.0));
        Some(self.p.len() - 1)
    }
}

/// Computes every metric of every slice.
pub fn compute(aggs: &Aggregates, params: &MetricParams) -> Metrics {
    let total = aggs.population.n;
    let mut groups = Vec::new();
    let mut rows = Vec::new();
    let mut tests = Tests { p: Vec::new() };
    // Which rows carry which test, to fill in corrected p-values afterwards.
    let mut test_of_row: Vec<Option<usize>> = Vec::new();
    let pop_median = distributions::median(&aggs.population.score_counts());
    // The score bootstrap is the costly part: run it for every slice in parallel, then
    // assemble the rows in order (the result does not depend on the thread count).
    let flip = scores::auc_flip(&aggs.population);
    let boots: Vec<Vec<[Option<intervals::Interval>; 7]>> = {
        use rayon::prelude::*;
        aggs.slices
            .par_iter()
            .map(|slice| {
                let ctx = rates::SliceContext::new(slice, params, total);
                scores::slice_bootstrap(&ctx, &aggs.population, flip)
            })
            .collect()
    };

    for (slice, boot) in aggs.slices.iter().zip(&boots) {
        let ctx = rates::SliceContext::new(slice, params, total);
        for g in &slice.groups {
            groups.push(GroupInfo {
                attribute: slice.attribute.clone(),
                group: g.name.clone(),
                n: g.stats.n,
                share: if total == 0 {
                    0.0
                } else {
                    g.stats.n as f64 / total as f64
                },
                status: ctx.status(g).to_string(),
            });
        }
        let mut out: TestedRows = Vec::new();
        rates::group_rows(&ctx, &aggs.population, &mut out);
        compare::comparison_rows(&ctx, &aggs.population, &mut out);
        scores::score_rows(&ctx, &aggs.population, pop_median, boot, &mut out);
        let mut keyed: std::collections::HashMap<
            (String, Option<String>, &'static str),
            Option<usize>,
        > = std::collections::HashMap::new();
        for (row, t) in out {
            let idx = match t {
                Test::None => None,
                Test::New(p) => tests.add(p),
                Test::Keyed(key, p) => {
                    let k = (row.group.clone(), row.class.clone(), key);
                    match keyed.get(&k) {
                        Some(i) => *i,
                        None => {
                            let i = tests.add(p);
                            keyed.insert(k, i);
                            i
                        }
                    }
                }
            };
            test_of_row.push(idx);
            rows.push(row);
        }
    }

    let adjusted = if params.correction == "bh" {
        significance::benjamini_hochberg(&tests.p)
    } else {
        significance::holm(&tests.p)
    };
    // Power at the strictest level of the correction: alpha divided by the number of tests.
    let level = params.alpha / tests.p.len().max(1) as f64;
    for (row, t) in rows.iter_mut().zip(&test_of_row) {
        if let Some(i) = t {
            row.p_adjusted = adjusted.get(*i).copied();
        }
        if let Some((n, n_ref, p_ref)) = row.power_inputs {
            row.detectable_ratio = significance::min_detectable_ratio(n, n_ref, p_ref, level, 0.8);
        }
    }
    verdict::assign_all(&mut rows, params);
    for row in &mut rows {
        row.lang = params.lang;
    }
    Metrics { groups, rows }
}

impl MetricParams {
    /// Whether the decision has more than two classes (compared one-vs-rest).
    pub(crate) fn multiclass(&self) -> bool {
        !self.classes.is_empty()
    }

    /// The group name of attribute `a`'s missing values.
    pub fn missing_of(&self, a: &str) -> &str {
        self.missing
            .get(a)
            .map_or(crate::data::UNKNOWN, String::as_str)
    }
}

/// Favorable count of a binary decision.
pub(crate) fn favorable(g: &GroupStats, positive_is_favorable: bool) -> u64 {
    if positive_is_favorable {
        g.selected()
    } else {
        g.n - g.selected()
    }
}
