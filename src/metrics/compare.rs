//! Comparisons against a reference group, and whole-attribute summaries.
//!
//! Reference (spec `groups.reference`, or a named group per attribute): `highest` favorable
//! rate (among groups of at least the minimum group size, known and not excluded), `largest`
//! group, or the whole `population`. For every rate r (selection rate and,
//! with a label, tpr, fpr, tnr, fnr, ppv, npv, fdr, for, accuracy, prevalence):
//! - `r_diff = r(g) - r(ref)`, Newcombe's hybrid score interval (Newcombe 1998, method 10);
//! - `r_ratio = r(g) / r(ref)`, Katz's log interval (Katz et al. 1978);
//! - one p-value per pair (Fisher's exact test for a small group or small expected counts,
//!   else chi-square, see `rates::two_by_two_p`), shared by the difference and the ratio and
//!   counted once in the multiple-comparison family.
//!
//! Groups withheld by the disclosure setting and groups of missing values are not compared.
//!
//! With a label: `equal_opportunity_diff = tpr(g) - tpr(ref)`,
//! `predictive_parity_diff = ppv(g) - ppv(ref)`,
//! `equalized_odds_diff = max(|tpr(g) - tpr(ref)|, |fpr(g) - fpr(ref)|)` (bootstrap interval).
//!
//! Whole attribute (group "*", fairlearn's definitions over every compared group: known, and
//! not withheld by the disclosure setting):
//! `demographic_parity_difference = max - min selection rate`, `demographic_parity_ratio =
//! min / max`, `equalized_odds_difference = max(tpr range, fpr range)`,
//! `equalized_odds_ratio = min(tpr min/max, fpr min/max)`.

use super::bootstrap::{percentile_interval, resample, rng_for};
use super::intervals::{katz_ratio, newcombe_diff};
use super::rates::{
    Baseline, Frac, SliceContext, decision_classes, fpr, label_rates, ppv, rate, test_against,
    test_key, tpr,
};
use super::{Metric, MetricParams, MetricRow, Reason, Test, TestedRows, favorable};
use crate::stats::{Confusion, GroupStats};

/// The reference for the comparisons of decision class `class` (the favorable rate for a
/// binary decision, the class's rate for a multi-class one).
pub(crate) fn reference<'a>(
    ctx: &SliceContext<'a>,
    population: &'a GroupStats,
    class: usize,
) -> Option<Baseline<'a>> {
    let p = ctx.params;
    if !p.multiclass() {
        ctx.reference(population, |g| {
            rate(favorable(g, p.positive_is_favorable), g.n)
        })
    } else {
        ctx.reference(population, |g| rate(g.class_total(class), g.n))
    }
}

/// A copy of `base` for metric `m`.
fn row_for(base: &MetricRow, m: Metric) -> MetricRow {
    let mut r = base.clone();
    r.metric = m;
    r
}

/// The difference `rate(a) - rate(b)` for metric `m`, with Newcombe's interval at the
/// confidence level `conf` (no interval without one).
fn diff_row(
    base: &MetricRow,
    m: Metric,
    (a, b): (Frac, Frac),
    why: Reason,
    conf: Option<f64>,
) -> MetricRow {
    let (ra, rb) = (rate(a.0, a.1), rate(b.0, b.1));
    row_for(base, m)
        .value(ra.zip(rb).map(|(x, y)| x - y), why)
        .ci(conf.and_then(|c| newcombe_diff(a.0, a.1, b.0, b.1, c)))
}

fn diff_ratio_rows(
    base: &MetricRow,
    metric: Metric,
    a: Frac,
    b: Frac,
    (p, exact, population): (&MetricParams, bool, bool),
    out: &mut TestedRows,
) {
    let conf = p.confidence;
    let (ra, rb) = (rate(a.0, a.1), rate(b.0, b.1));
    let Some((m_diff, m_ratio)) = metric.diff_and_ratio() else {
        return;
    };
    // Against the whole population, which holds the group: no interval.
    let interval = (!population).then_some(conf);
    let why = Reason::ZeroDenominatorEither(metric);
    let mut d = diff_row(base, m_diff, (a, b), why, interval);
    let mut r = row_for(base, m_ratio)
        .value(
            ra.zip(rb).filter(|(_, y)| *y > 0.0).map(|(x, y)| x / y),
            Reason::ZeroReferenceRate(metric),
        )
        .ci(interval.and_then(|c| katz_ratio(a.0, a.1, b.0, b.1, c)));
    let test = test_against(a, b, exact, population);
    d.p_value = test.map(|t| t.0);
    d.test = test.map(|t| t.1);
    let pv = d.p_value;
    r.p_value = pv;
    r.test = d.test;
    let key = test_key(metric);
    out.push((d, Test::Keyed(key, pv)));
    out.push((r, Test::Keyed(key, pv)));
}

fn eo_diff(g: &GroupStats, r: &GroupStats) -> Option<f64> {
    let (gc, rc) = (g.confusion()?, r.confusion()?);
    let of = |(x, n): Frac| rate(x, n);
    let dt = (of(tpr(&gc))? - of(tpr(&rc))?).abs();
    let df = (of(fpr(&gc))? - of(fpr(&rc))?).abs();
    Some(dt.max(df))
}

fn confusion_from(cells: &[u64]) -> GroupStats {
    // cells = [tn, fp, fn, tp] as (class, label) = (0,0), (1,0), (0,1), (1,1)
    let mut g = GroupStats::new(2, true);
    g.add_cell(0, false, cells[0]);
    g.add_cell(1, false, cells[1]);
    g.add_cell(0, true, cells[2]);
    g.add_cell(1, true, cells[3]);
    g
}

fn cells_of(g: &GroupStats) -> Vec<u64> {
    let c = |k: usize, l: usize| g.cells.get(k).map_or(0, |x| x[l]);
    vec![c(0, 0), c(1, 0), c(0, 1), c(1, 1)]
}

fn eo_interval(
    g: &GroupStats,
    r: &GroupStats,
    ctx: &SliceContext,
) -> Option<super::intervals::Interval> {
    let p = ctx.params;
    if p.bootstrap == 0 {
        return None;
    }
    let (gc, rc) = (cells_of(g), cells_of(r));
    let mut rng = rng_for(p.seed, "equalized_odds_diff", gc.iter().chain(&rc).copied());
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let mut vals = Vec::with_capacity(p.bootstrap);
    for _ in 0..p.bootstrap {
        resample(&mut rng, &gc, &mut a);
        resample(&mut rng, &rc, &mut b);
        if let Some(v) = eo_diff(&confusion_from(&a), &confusion_from(&b)) {
            vals.push(v);
        }
    }
    percentile_interval(&mut vals, p.bootstrap, p.confidence)
}

/// The comparisons of every group of a slice with the reference, and the whole-attribute
/// summaries, for each decision class.
pub(crate) fn comparison_rows(ctx: &SliceContext, population: &GroupStats, out: &mut TestedRows) {
    let p = ctx.params;
    let attr = &ctx.slice.attribute;
    for (k, class) in decision_classes(p) {
        let Some(reference) = reference(ctx, population, k) else {
            continue;
        };
        let rs = reference.stats;
        for g in &ctx.slice.groups {
            let s = &g.stats;
            if !ctx.comparable(g) {
                for m in [Metric::SelectionRateDiff, Metric::SelectionRateRatio] {
                    out.push((ctx.not_compared(g, m).class(class), Test::None));
                }
                continue;
            }
            if !reference.population && g.name == reference.name {
                continue;
            }
            let mut base = MetricRow::new(attr, &g.name, Metric::N, s.n).class(class);
            base.reference = Some(reference.name.clone());
            if reference.population {
                base.reason = Some(Reason::AgainstPopulation);
            }
            let exact = ctx.exact(s, rs);
            diff_ratio_rows(
                &base,
                Metric::SelectionRate,
                (s.class_total(k), s.n),
                (rs.class_total(k), rs.n),
                (p, exact, reference.population),
                out,
            );
            let lr = label_rates(rs, k);
            for ((m, a), (_, b)) in label_rates(s, k).into_iter().zip(lr) {
                diff_ratio_rows(&base, m, a, b, (p, exact, reference.population), out);
            }
            if p.multiclass() {
                continue;
            }
            if let (Some(gc), Some(rc)) = (s.confusion(), rs.confusion()) {
                let conf = Some(p.confidence);
                for (m, pair, why) in [
                    (
                        Metric::EqualOpportunityDiff,
                        (tpr(&gc), tpr(&rc)),
                        Reason::NoPositiveLabel,
                    ),
                    (
                        Metric::PredictiveParityDiff,
                        (ppv(&gc), ppv(&rc)),
                        Reason::NoPositiveDecision,
                    ),
                ] {
                    out.push((diff_row(&base, m, pair, why, conf), Test::None));
                }
                let r = row_for(&base, Metric::EqualizedOddsDiff)
                    .value(eo_diff(s, rs), Reason::ZeroTprFprDenominator)
                    .ci(eo_interval(s, rs, ctx));
                out.push((r, Test::None));
            }
        }
        summary_rows(ctx, k, class, out);
    }
}

fn range_of(values: &[f64]) -> Option<(f64, f64)> {
    if values.is_empty() {
        return None;
    }
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    Some((min, max))
}

fn summary_rows(ctx: &SliceContext, k: usize, class: Option<&str>, out: &mut TestedRows) {
    let attr = &ctx.slice.attribute;
    let eligible: Vec<&GroupStats> = ctx
        .slice
        .groups
        .iter()
        .filter(|g| ctx.comparable(g))
        .map(|g| &g.stats)
        .collect();
    let n: u64 = eligible.iter().map(|g| g.n).sum();
    let sel: Vec<f64> = eligible
        .iter()
        .filter_map(|g| rate(g.class_total(k), g.n))
        .collect();
    let why = Reason::FewerThanTwoGroups;
    let r = |m: Metric| MetricRow::new(attr, "*", m, n).class(class);
    let sel_range = range_of(&sel).filter(|_| sel.len() >= 2);
    out.push((
        r(Metric::DemographicParityDifference).value(sel_range.map(|(a, b)| b - a), why),
        Test::None,
    ));
    out.push((
        r(Metric::DemographicParityRatio).value(
            sel_range.filter(|(_, b)| *b > 0.0).map(|(a, b)| a / b),
            Reason::NoGroupPositive,
        ),
        Test::None,
    ));
    let conf: Vec<_> = eligible.iter().filter_map(|g| g.confusion_for(k)).collect();
    if conf.len() == eligible.len() && !conf.is_empty() {
        let rates = |frac: fn(&Confusion) -> Frac| -> Vec<f64> {
            conf.iter()
                .filter_map(|c| {
                    let (x, n) = frac(c);
                    rate(x, n)
                })
                .collect()
        };
        let (tprs, fprs) = (rates(tpr), rates(fpr));
        let (t, f) = (range_of(&tprs), range_of(&fprs));
        let ok = tprs.len() >= 2 && fprs.len() >= 2;
        let diff = t
            .zip(f)
            .filter(|_| ok)
            .map(|(t, f)| (t.1 - t.0).max(f.1 - f.0));
        let ratio = t
            .zip(f)
            .filter(|(t, f)| ok && t.1 > 0.0 && f.1 > 0.0)
            .map(|(t, f)| (t.0 / t.1).min(f.0 / f.1));
        out.push((
            r(Metric::EqualizedOddsDifference).value(diff, why),
            Test::None,
        ));
        out.push((
            r(Metric::EqualizedOddsRatio).value(ratio, Reason::ZeroLargestTprFpr),
            Test::None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eo_diff_takes_larger_gap() {
        // group: tpr 0.8, fpr 0.5; ref: tpr 0.6, fpr 0.2 -> max(0.2, 0.3) = 0.3
        let g = confusion_from(&[5, 5, 2, 8]);
        let r = confusion_from(&[8, 2, 4, 6]);
        let v = eo_diff(&g, &r).unwrap();
        assert!((v - 0.3).abs() < 1e-12, "{v}");
    }

    use crate::metrics::favorable;

    #[test]
    fn favorable_flips_with_direction() {
        let g = confusion_from(&[5, 5, 2, 8]);
        assert_eq!(favorable(&g, true), 13);
        assert_eq!(favorable(&g, false), 7);
    }
}
