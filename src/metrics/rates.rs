//! Per-group counts and rates, and the graded ratios of the four-fifths rule.
//!
//! - `selection_rate = selected / n` (positive decisions, whatever their effect: fairlearn's
//!   `selection_rate`), Wilson interval.
//! - `favorable_rate = favorable / n` and `adverse_rate = 1 - favorable_rate`, where favorable
//!   is the positive decision when it helps the worker and the negative decision when the
//!   positive one harms them.
//! - `impact_ratio = favorable_rate(g) / favorable_rate(ref)` (the four-fifths rule, 29 C.F.R.
//!   1607.4(D); NYC 6 RCNY 5-301) and `adverse_rate_ratio = adverse_rate(g) / adverse_rate(ref)`
//!   (the same gap framed by the harmful outcome: "flagged 1.86 times as often"), each with
//!   Katz's log interval. One test per pair (the same 2x2 table), counted once in the
//!   multiple-comparison family: Fisher's exact test when either group is below the minimum
//!   group size or an expected cell is below 5, else Pearson's chi-square with Yates'
//!   correction. The reference follows the spec's reference rule (default: the group with the
//!   highest favorable rate among groups that are large enough, known and not excluded).
//! - With a label: tpr, fpr, tnr, fnr, ppv, npv, fdr, for, accuracy, prevalence.
//!
//! Small groups (below `min_group_size`) get every figure, with exact tests; they only never
//! serve as the reference. Groups below the disclosure setting (`min_published`) have every
//! figure withheld (null, verdict `withheld`): that is a disclosure decision, not a statistical
//! one. Groups holding missing values (`unknown`) are counted and described, never compared.

use super::intervals::{katz_ratio, wilson};
use super::significance::{chi_square_2x2, fisher_exact_2x2};
use super::{Metric, MetricParams, MetricRow, Reason, Test, TestedRows, Verdict, favorable};
use crate::spec::ReferenceRule;
use crate::stats::{Confusion, Group, GroupStats, Slice};

/// A rate as numerator and denominator.
pub(crate) type Frac = (u64, u64);

/// Everything about a slice that several metric families need.
pub(crate) struct SliceContext<'a> {
    pub slice: &'a Slice,
    pub params: &'a MetricParams,
    pub total: u64,
}

/// The group (or the whole population) a slice's groups are compared with.
pub(crate) struct Baseline<'a> {
    pub name: String,
    pub stats: &'a GroupStats,
    /// True when the reference is the whole population (not independent of the group).
    pub population: bool,
}

impl<'a> SliceContext<'a> {
    pub fn new(slice: &'a Slice, params: &'a MetricParams, total: u64) -> Self {
        SliceContext {
            slice,
            params,
            total,
        }
    }

    /// The eligible group maximising `f` (ties: the larger group, then the first by name).
    pub fn best_by(&self, f: impl Fn(&GroupStats) -> Option<f64>) -> Option<usize> {
        let mut best: Option<(usize, f64, u64)> = None;
        for (i, g) in self.slice.groups.iter().enumerate() {
            if !self.can_be_reference(g) {
                continue;
            }
            let Some(v) = f(&g.stats) else { continue };
            // Ties: the larger group, then the content of the statistics, so that the choice
            // does not depend on group names; identical statistics give identical results
            // whichever is chosen.
            let better = match best {
                None => true,
                Some((bi, bv, bn)) => {
                    v > bv
                        || (v == bv && g.stats.n > bn)
                        || (v == bv
                            && g.stats.n == bn
                            && content_key(&g.stats) > content_key(&self.slice.groups[bi].stats))
                }
            };
            if better {
                best = Some((i, v, g.stats.n));
            }
        }
        best.map(|b| b.0)
    }

    /// The reference of this slice under the spec's rule: a named group, the whole
    /// population, the largest group, or the group maximising `rate` (the favorable rate for
    /// impact ratios, the scoring rate for scoring-rate ratios).
    pub fn reference(
        &self,
        population: &'a GroupStats,
        rate: impl Fn(&GroupStats) -> Option<f64>,
    ) -> Option<Baseline<'a>> {
        let p = self.params;
        let groups = &self.slice.groups;
        if let Some(name) = p.references.get(&self.slice.attribute) {
            return groups.iter().find(|g| &g.name == name).map(|g| Baseline {
                name: g.name.clone(),
                stats: &g.stats,
                population: false,
            });
        }
        let idx = match p.reference {
            ReferenceRule::Population => {
                return Some(Baseline {
                    name: "population".into(),
                    stats: population,
                    population: true,
                });
            }
            ReferenceRule::Largest => self.best_by(|g| Some(g.n as f64)),
            ReferenceRule::Highest => self.best_by(rate),
        };
        idx.map(|i| Baseline {
            name: groups[i].name.clone(),
            stats: &groups[i].stats,
            population: false,
        })
    }

    /// Whether the group holds the rows whose value is missing (on any of its attributes).
    pub fn is_unknown(&self, g: &Group) -> bool {
        g.values
            .iter()
            .zip(&self.slice.parts)
            .any(|(v, a)| v == self.params.missing_of(a))
    }

    /// Large enough for its figures to be published (the disclosure setting).
    pub fn publishable(&self, g: &GroupStats) -> bool {
        g.n >= self.params.min_published.max(1)
    }

    /// Large enough to serve as a reference group.
    pub fn large(&self, g: &GroupStats) -> bool {
        g.n >= self.params.min_group_size.max(1)
    }

    /// Below the share threshold (NYC LL144's optional 2 % rule).
    pub fn excluded(&self, g: &GroupStats) -> bool {
        self.total > 0 && (g.n as f64) < self.params.exclude_below_share * self.total as f64
    }

    pub fn can_be_reference(&self, g: &Group) -> bool {
        self.large(&g.stats)
            && self.publishable(&g.stats)
            && !self.excluded(&g.stats)
            && !self.is_unknown(g)
    }

    /// Whether a group is compared with the reference at all.
    pub fn comparable(&self, g: &Group) -> bool {
        self.publishable(&g.stats) && !self.is_unknown(g)
    }

    pub fn status(&self, g: &Group) -> &'static str {
        if self.is_unknown(g) {
            "unknown"
        } else if !self.publishable(&g.stats) {
            "withheld"
        } else if self.excluded(&g.stats) {
            "excluded"
        } else if !self.large(&g.stats) {
            "small"
        } else {
            "ok"
        }
    }

    /// Why a group's figures are withheld.
    pub fn withheld_reason(&self) -> Reason {
        Reason::Withheld {
            min_published: self.params.min_published,
        }
    }

    /// A row for a group that is not compared: withheld or unknown, with its verdict set.
    pub fn not_compared(&self, g: &Group, metric: Metric) -> MetricRow {
        let mut row = MetricRow::new(&self.slice.attribute, &g.name, metric, g.stats.n);
        if !self.publishable(&g.stats) {
            row = row.value(None, self.withheld_reason());
            row.verdict = Some(Verdict::Withheld);
        } else {
            row = row.value(None, Reason::MissingValues);
            row.verdict = Some(Verdict::NotCompared);
        }
        row
    }

    /// Whether a comparison of `g` with `r` uses the exact test (a small group on either side).
    pub fn exact(&self, g: &GroupStats, r: &GroupStats) -> bool {
        !self.large(g) || !self.large(r)
    }
}

/// Cells, then (score bits, n, positives) per score value.
type ContentKey = (Vec<[u64; 2]>, Vec<(u64, u64, u64)>);

/// A name-free ordering key of a group's statistics, for breaking ties.
fn content_key(g: &GroupStats) -> ContentKey {
    (
        g.cells.clone(),
        g.scores
            .iter()
            .map(|c| (c.value.to_bits(), c.n, c.label_pos))
            .collect(),
    )
}

/// The decision classes to report: (class index, class name) for each class of a
/// multi-class decision (one-vs-rest), or the positive class (index 1, no name) of a binary one.
pub(crate) fn decision_classes(p: &MetricParams) -> Vec<(usize, Option<&str>)> {
    if !p.multiclass() {
        vec![(1, None)]
    } else {
        p.classes
            .iter()
            .enumerate()
            .map(|(k, c)| (k, Some(c.as_str())))
            .collect()
    }
}

/// `x / n`, None when `n == 0`.
pub(crate) fn rate(x: u64, n: u64) -> Option<f64> {
    (n > 0).then(|| x as f64 / n as f64)
}

/// Name of Fisher's exact test in `MetricRow::test`.
pub(crate) const FISHER: &str = "fisher_exact";
/// Name of Pearson's chi-square test with Yates' correction in `MetricRow::test`.
pub(crate) const CHI_SQUARE: &str = "chi_square_yates";

/// Two-sided p-value comparing two proportions, and the test used: Fisher's exact test when
/// `exact` is asked for (a small group) or any expected cell count is below 5, else Pearson's
/// chi-square with Yates' continuity correction.
pub(crate) fn two_by_two_p(a: Frac, b: Frac, exact: bool) -> Option<(f64, &'static str)> {
    let (x1, n1) = a;
    let (x2, n2) = b;
    if n1 == 0 || n2 == 0 || x1 > n1 || x2 > n2 {
        return None;
    }
    let (c11, c12, c21, c22) = (x1, n1 - x1, x2, n2 - x2);
    let n = (n1 + n2) as f64;
    let col1 = (c11 + c21) as f64;
    let col2 = (c12 + c22) as f64;
    if col1 == 0.0 || col2 == 0.0 {
        return Some((1.0, if exact { FISHER } else { CHI_SQUARE }));
    }
    let min_expected = [
        n1 as f64 * col1,
        n1 as f64 * col2,
        n2 as f64 * col1,
        n2 as f64 * col2,
    ]
    .into_iter()
    .map(|e| e / n)
    .fold(f64::INFINITY, f64::min);
    if exact || min_expected < 5.0 {
        Some((fisher_exact_2x2(c11, c12, c21, c22), FISHER))
    } else {
        chi_square_2x2(c11, c12, c21, c22, true).map(|t| (t.p_value, CHI_SQUARE))
    }
}

/// The p-value and test comparing `a` with the reference `b`. Against the whole population
/// (`population`), which holds the group, the group is compared with everyone else (the same
/// null hypothesis, and two independent samples).
pub(crate) fn test_against(
    a: Frac,
    b: Frac,
    exact: bool,
    population: bool,
) -> Option<(f64, &'static str)> {
    if population {
        two_by_two_p(a, (b.0.saturating_sub(a.0), b.1.saturating_sub(a.1)), exact)
    } else {
        two_by_two_p(a, b, exact)
    }
}

/// The key under which a comparison's test is counted once: a rate and its complement test the
/// same 2x2 table (the decision: favorable and adverse framings and the positive-decision
/// rate; among label positives: TPR and FNR; among label negatives: FPR and TNR; PPV and FDR;
/// NPV and FOR).
pub(crate) fn test_key(m: Metric) -> &'static str {
    match m {
        Metric::ImpactRatio
        | Metric::AdverseRateRatio
        | Metric::SelectionRate
        | Metric::SelectionRateDiff
        | Metric::SelectionRateRatio => "decision",
        Metric::Tpr
        | Metric::Fnr
        | Metric::TprDiff
        | Metric::TprRatio
        | Metric::FnrDiff
        | Metric::FnrRatio => "label_positive",
        Metric::Fpr
        | Metric::Tnr
        | Metric::FprDiff
        | Metric::FprRatio
        | Metric::TnrDiff
        | Metric::TnrRatio => "label_negative",
        Metric::Ppv
        | Metric::Fdr
        | Metric::PpvDiff
        | Metric::PpvRatio
        | Metric::FdrDiff
        | Metric::FdrRatio => "decision_positive",
        Metric::Npv
        | Metric::For
        | Metric::NpvDiff
        | Metric::NpvRatio
        | Metric::ForDiff
        | Metric::ForRatio => "decision_negative",
        Metric::ScoringImpactRatio => "scoring",
        Metric::Ks => "ks",
        other => other.as_str(),
    }
}

/// True positive rate as a fraction: `tp / (tp + fn)`.
pub(crate) fn tpr(c: &Confusion) -> Frac {
    (c.tp, c.tp + c.fn_)
}

/// False positive rate as a fraction: `fp / (fp + tn)`.
pub(crate) fn fpr(c: &Confusion) -> Frac {
    (c.fp, c.fp + c.tn)
}

/// Positive predictive value as a fraction: `tp / (tp + fp)`.
pub(crate) fn ppv(c: &Confusion) -> Frac {
    (c.tp, c.tp + c.fp)
}

/// The label-based rates: (metric, numerator, denominator).
pub(crate) fn label_rates(g: &GroupStats, class: usize) -> Vec<(Metric, Frac)> {
    let Some(c) = g.confusion_for(class) else {
        return Vec::new();
    };
    vec![
        (Metric::Tpr, tpr(&c)),
        (Metric::Fpr, fpr(&c)),
        (Metric::Tnr, (c.tn, c.tn + c.fp)),
        (Metric::Fnr, (c.fn_, c.fn_ + c.tp)),
        (Metric::Ppv, ppv(&c)),
        (Metric::Npv, (c.tn, c.tn + c.fn_)),
        (Metric::Fdr, (c.fp, c.tp + c.fp)),
        (Metric::For, (c.fn_, c.fn_ + c.tn)),
        (Metric::Accuracy, (c.tp + c.tn, g.n)),
        (Metric::Prevalence, (c.tp + c.fn_, g.n)),
    ]
}

/// The per-group rows of a slice.
pub(crate) fn group_rows(ctx: &SliceContext, population: &GroupStats, out: &mut TestedRows) {
    let p = ctx.params;
    let attr = &ctx.slice.attribute;
    let multiclass = p.multiclass();
    let fav_rate = |g: &GroupStats| rate(favorable(g, p.positive_is_favorable), g.n);
    let reference = (!multiclass)
        .then(|| ctx.reference(population, fav_rate))
        .flatten();
    for g in &ctx.slice.groups {
        let s = &g.stats;
        let name = g.name.as_str();
        let row = |m: Metric| MetricRow::new(attr, name, m, s.n);
        out.push((row(Metric::N).value(Some(s.n as f64), None), Test::None));
        out.push((
            row(Metric::ShareOfPopulation)
                .value(rate(s.n, ctx.total), Reason::EmptyPopulation)
                .ci(wilson(s.n, ctx.total, p.confidence)),
            Test::None,
        ));
        let publishable = ctx.publishable(s);
        let withheld = ctx.withheld_reason();
        let classes = decision_classes(p);
        for (k, class) in &classes {
            let count_row = |m: Metric, v: u64| {
                let r = row(m).class(*class);
                if publishable {
                    r.value(Some(v as f64), None)
                } else {
                    r.value(None, withheld)
                }
            };
            out.push((count_row(Metric::Selected, s.class_total(*k)), Test::None));
            if let Some(c) = s.confusion_for(*k) {
                for (m, v) in [
                    (Metric::Tp, c.tp),
                    (Metric::Fp, c.fp),
                    (Metric::Tn, c.tn),
                    (Metric::Fn, c.fn_),
                ] {
                    out.push((count_row(m, v), Test::None));
                }
            }
            let rate_row = |m: Metric, x: u64, n: u64| {
                if publishable {
                    row(m)
                        .value(rate(x, n), Reason::ZeroDenominator(m))
                        .ci(wilson(x, n, p.confidence))
                        .class(*class)
                } else {
                    row(m).value(None, withheld).class(*class)
                }
            };
            out.push((
                rate_row(Metric::SelectionRate, s.class_total(*k), s.n),
                Test::None,
            ));
            if !multiclass {
                let fav = favorable(s, p.positive_is_favorable);
                out.push((rate_row(Metric::FavorableRate, fav, s.n), Test::None));
                out.push((rate_row(Metric::AdverseRate, s.n - fav, s.n), Test::None));
            }
            for (m, (x, n)) in label_rates(s, *k) {
                out.push((rate_row(m, x, n), Test::None));
            }
        }
        if !multiclass {
            graded_pair(
                ctx,
                g,
                reference.as_ref(),
                (Metric::ImpactRatio, Some(Metric::AdverseRateRatio)),
                |x| favorable(x, p.positive_is_favorable),
                out,
            );
        }
    }
}

/// The graded comparison of a group with the reference: the ratio of favorable counts
/// (`fav`) over group sizes and, when `metrics.1` is given, the ratio of the complementary
/// (adverse) counts. Both share one test, counted once; their verdict is set together once
/// the p-values are corrected (`verdict::assign_all`).
pub(crate) fn graded_pair(
    ctx: &SliceContext,
    g: &Group,
    reference: Option<&Baseline>,
    metrics: (Metric, Option<Metric>),
    fav: impl Fn(&GroupStats) -> u64,
    out: &mut TestedRows,
) {
    let p = ctx.params;
    let s = &g.stats;
    let (m_fav, m_adv) = (metrics.0, metrics.1);
    let both = |mut make: Box<dyn FnMut(Metric) -> MetricRow + '_>, out: &mut TestedRows| {
        out.push((make(m_fav), Test::None));
        if let Some(m) = m_adv {
            out.push((make(m), Test::None));
        }
    };
    if !ctx.comparable(g) {
        both(Box::new(|m| ctx.not_compared(g, m)), out);
        return;
    }
    let new_row = |m: Metric| MetricRow::new(&ctx.slice.attribute, &g.name, m, s.n);
    if ctx.excluded(s) {
        let reason = Reason::Excluded {
            below_share: p.exclude_below_share,
        };
        both(
            Box::new(|m| {
                let mut r = new_row(m).value(None, reason);
                r.verdict = Some(Verdict::Excluded);
                r
            }),
            out,
        );
        return;
    }
    let Some(h) = reference else {
        both(
            Box::new(|m| new_row(m).value(None, Reason::NoReference)),
            out,
        );
        return;
    };
    let hs = h.stats;
    let (x, hx) = (fav(s), fav(hs));
    let is_reference = !h.population && h.name == g.name;
    // Against the whole population, which holds the group, no interval is given for a ratio
    // to a total that includes the group.
    let test = test_against((x, s.n), (hx, hs.n), ctx.exact(s, hs), h.population);
    for (i, (m, a, b)) in [(Some(m_fav), x, hx), (m_adv, s.n - x, hs.n - hx)]
        .into_iter()
        .enumerate()
    {
        let Some(m) = m else { continue };
        let first = i == 0;
        let mut row = new_row(m);
        row.reference = Some(h.name.clone());
        let value = match (rate(a, s.n), rate(b, hs.n)) {
            (Some(ra), Some(rb)) if rb > 0.0 => Some(ra / rb),
            _ => None,
        };
        let why = if first {
            Reason::ZeroReferenceFavorable
        } else {
            Reason::ZeroReferenceAdverse
        };
        row = row.value(value, why);
        if is_reference {
            row.reason = Some(Reason::ReferenceGroup);
            row.verdict = Some(Verdict::Reference);
            out.push((row, Test::None));
            continue;
        }
        if h.population {
            row.reason = Some(Reason::AgainstPopulation);
        } else {
            row = row.ci(katz_ratio(a, s.n, b, hs.n, p.confidence));
        }
        row.p_value = test.map(|t| t.0);
        row.test = test.map(|t| t.1);
        if first {
            row.power_inputs = rate(hx, hs.n).map(|pr| (s.n, hs.n, pr));
        }
        let pv = row.p_value;
        out.push((row, Test::Keyed(test_key(m), pv)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_by_two_uses_fisher_for_small() {
        // scipy.stats.fisher_exact([[3, 1], [1, 3]]) -> p = 0.48571428571428565
        let (p, test) = two_by_two_p((3, 4), (1, 4), false).unwrap();
        assert!((p - 0.48571428571428565).abs() < 1e-9, "{p}");
        assert_eq!(test, FISHER);
    }

    #[test]
    fn two_by_two_empty_is_none() {
        assert!(two_by_two_p((0, 0), (1, 4), true).is_none());
    }
}
