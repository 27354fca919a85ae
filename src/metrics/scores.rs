//! Score metrics, per group and against the reference group.
//!
//! Per group: `mean_score`, `median_score`, `scoring_rate` (share of the group on the
//! favorable side of the median of the whole audited sample, strictly: above it when a high
//! score is good for the worker, below it when a low score is: NYC 6 RCNY 5-300 "scoring
//! rate", read in the score's own direction), with
//! `scoring_impact_ratio = scoring_rate(g) / scoring_rate(ref)` (the reference follows the
//! spec's rule; by default the group with the highest scoring rate); with a label, `auc`
//! (ROC AUC within the group) and, for scores in [0, 1], `ece` (expected calibration error
//! over 10 equal-width bins). Against the reference: `smd` (standardised mean difference,
//! pooled SD), `ks` (two-sample Kolmogorov-Smirnov D, asymptotic p-value) and `wasserstein`
//! (1-Wasserstein distance). Intervals: Wilson and Katz for the scoring rate and its ratio, a
//! seeded bootstrap on the score tables for the others.

use super::bootstrap::{Multinomial, percentile_interval, rng_for};
use super::compare::reference;
use super::distributions::{
    auc, expected_calibration_error, mean, mean_var, median, smd, wasserstein,
};
use super::intervals::{Interval, wilson};
use super::rates::graded_pair;
use super::rates::{SliceContext, rate};
use super::significance::ks_two_sample;
use super::{Metric, MetricRow, Reason, Test};
use crate::stats::{GroupStats, ScoreCell};

/// Count of scores strictly on the favorable side of `cut`: above it when `higher` is true
/// (a high score is good for the worker), below it otherwise.
pub(crate) fn favorable_side(g: &GroupStats, cut: f64, higher: bool) -> u64 {
    g.scores
        .iter()
        .filter(|c| if higher { c.value > cut } else { c.value < cut })
        .map(|c| c.n)
        .sum()
}

fn ece_of(cells: &[ScoreCell]) -> Option<f64> {
    if cells.iter().any(|c| !(0.0..=1.0).contains(&c.value)) {
        return None;
    }
    let mut bins = vec![(0u64, 0.0f64, 0u64); 10];
    for c in cells {
        let b = ((c.value * 10.0).floor() as usize).min(9);
        bins[b].0 += c.n;
        bins[b].1 += c.value * c.n as f64;
        bins[b].2 += c.label_pos;
    }
    let bins: Vec<_> = bins.into_iter().filter(|b| b.0 > 0).collect();
    expected_calibration_error(&bins)
}

fn counts(cells: &[ScoreCell]) -> Vec<(f64, u64)> {
    cells
        .iter()
        .filter(|c| c.n > 0)
        .map(|c| (c.value, c.n))
        .collect()
}

/// Group-level score statistics.
fn group_values(cells: &[ScoreCell], has_label: bool, flip: bool) -> [Option<f64>; 4] {
    let v = counts(cells);
    let mean = mean(&v);
    let med = median(&v);
    let (a, e) = if has_label {
        let pos: Vec<(f64, u64)> = cells
            .iter()
            .filter(|c| c.label_pos > 0)
            .map(|c| (c.value, c.label_pos))
            .collect();
        let neg: Vec<(f64, u64)> = cells
            .iter()
            .filter(|c| c.n > c.label_pos)
            .map(|c| (c.value, c.n - c.label_pos))
            .collect();
        (
            auc(&pos, &neg).map(|a| if flip { 1.0 - a } else { a }),
            ece_of(cells),
        )
    } else {
        (None, None)
    };
    [mean, med, a, e]
}

/// Comparison statistics of a group against the reference.
fn pair_values(g: &[ScoreCell], r: &[ScoreCell]) -> [Option<f64>; 3] {
    let (gv, rv) = (counts(g), counts(r));
    let s = match (mean_var(&gv), mean_var(&rv)) {
        (Some((m1, v1)), Some((m2, v2))) => {
            let n1: u64 = gv.iter().map(|x| x.1).sum();
            let n2: u64 = rv.iter().map(|x| x.1).sum();
            smd(m1, v1, n1, m2, v2, n2)
        }
        _ => None,
    };
    let ks = ks_two_sample(&gv, &rv).map(|t| t.statistic);
    [s, ks, wasserstein(&gv, &rv)]
}

/// Replicates per parallel block of the score bootstrap (fixed, so results do not depend on
/// the number of threads).
const BOOT_BLOCK: usize = 250;

/// The ECE bin (0-9) of each cell of a score table, or None when a value lies outside
/// [0, 1] (then the ECE is undefined for the table and all its replicates, which keep its
/// values).
fn ece_bins(cells: &[ScoreCell]) -> Option<Vec<u8>> {
    cells
        .iter()
        .map(|c| {
            (0.0..=1.0)
                .contains(&c.value)
                .then(|| ((c.value * 10.0).floor() as u8).min(9))
        })
        .collect()
}

/// Writes the running counts of a score table into `cum`: `cum[i]` = rows in the cells
/// before i, so `cum[len]` is the table's total.
fn cumulative(cells: &[ScoreCell], cum: &mut Vec<u64>) {
    cum.clear();
    cum.push(0);
    let mut acc = 0u64;
    for c in cells {
        acc += c.n;
        cum.push(acc);
    }
}

/// Size, mean and variance (denominator n - 1; NaN when n < 2) of a score table: what
/// `smd` needs.
#[derive(Debug, Clone, Copy)]
struct Moments {
    n: u64,
    mean: f64,
    var: f64,
}

/// The variance around `mean` of a table of `n` scores (two-pass formula).
fn variance(cells: &[ScoreCell], n: u64, mean: f64) -> f64 {
    if n < 2 {
        return f64::NAN;
    }
    let ss = cells
        .iter()
        .map(|c| (c.value - mean).powi(2) * c.n as f64)
        .sum::<f64>();
    ss / (n - 1) as f64
}

/// The moments of a score table of `n` rows.
fn moments(cells: &[ScoreCell], n: u64) -> Moments {
    let mean = cells.iter().map(|c| c.value * c.n as f64).sum::<f64>() / n as f64;
    Moments {
        n,
        mean,
        var: variance(cells, n, mean),
    }
}

/// Single-pass versions of the group statistics for bootstrap replicates, on tables already
/// sorted by value (zero-count cells allowed) with their running counts `cum`
/// ([`cumulative`]): the same formulas as `group_values`, without allocation or the p-values
/// (checked equal to it in the tests). Mean, AUC and ECE bins are summed in one pass; the
/// median is found by binary search in `cum`. `bins` are the cells' ECE bins
/// ([`ece_bins`]). Also returns the table's [`Moments`], for `fast_pair_values`.
fn fast_group_values(
    cells: &[ScoreCell],
    cum: &[u64],
    bins: Option<&[u8]>,
    has_label: bool,
    flip: bool,
) -> ([Option<f64>; 4], Moments) {
    let n = cum.last().copied().unwrap_or(0);
    let (mut sum, mut pos_total) = (0.0f64, 0u64);
    let (mut neg_below, mut auc_sum) = (0u64, 0.0f64);
    let mut ece = [(0u64, 0.0f64, 0u64); 10];
    if has_label {
        for (i, c) in cells.iter().enumerate() {
            let vn = c.value * c.n as f64;
            sum += vn;
            pos_total += c.label_pos;
            let neg = c.n - c.label_pos;
            auc_sum += c.label_pos as f64 * (neg_below as f64 + 0.5 * neg as f64);
            neg_below += neg;
            if let Some(b) = bins.and_then(|b| b.get(i)) {
                let e = &mut ece[usize::from(*b)];
                e.0 += c.n;
                e.1 += vn;
                e.2 += c.label_pos;
            }
        }
    } else {
        sum = cells.iter().map(|c| c.value * c.n as f64).sum();
    }
    let mean = sum / n as f64;
    let m = Moments {
        n,
        mean,
        var: variance(cells, n, mean),
    };
    if n == 0 {
        return ([None; 4], m);
    }
    // Median: the values at 0-based positions (n-1)/2 and n/2, in the first cells whose
    // running count passes them.
    let value_at = |pos: u64| {
        let i = cum.partition_point(|&c| c <= pos);
        cells.get(i.wrapping_sub(1)).map(|c| c.value)
    };
    let median = value_at((n - 1) / 2)
        .zip(value_at(n / 2))
        .map(|(a, b)| (a + b) / 2.0);
    if !has_label {
        return ([Some(mean), median, None, None], m);
    }
    let neg_total = n - pos_total;
    let auc = (pos_total > 0 && neg_total > 0).then(|| {
        let a = auc_sum / (pos_total as f64 * neg_total as f64);
        if flip { 1.0 - a } else { a }
    });
    let ece = bins.and_then(|_| expected_calibration_error(&ece));
    ([Some(mean), median, auc, ece], m)
}

/// The merged value grid of two sorted score tables: for each distinct value v of either,
/// `(v, cells of g with a value <= v, cells of r with a value <= v)`. Replicates keep the
/// values of their table, so this is computed once per pair of streams.
fn merge_grid(g: &[ScoreCell], r: &[ScoreCell]) -> Vec<(f64, usize, usize)> {
    let (mut i, mut j) = (0, 0);
    let mut grid = Vec::with_capacity(g.len().max(r.len()));
    while i < g.len() || j < r.len() {
        let v = match (g.get(i), r.get(j)) {
            (Some(a), Some(b)) => a.value.min(b.value),
            (Some(a), None) => a.value,
            (None, Some(b)) => b.value,
            (None, None) => break,
        };
        while i < g.len() && g[i].value == v {
            i += 1;
        }
        while j < r.len() && r[j].value == v {
            j += 1;
        }
        grid.push((v, i, j));
    }
    grid
}

/// [smd, ks D, wasserstein] of two replicate tables given by their running counts on the
/// merged grid ([`merge_grid`]) and their moments (see `pair_values`): one pass over the
/// grid, without branches on the data.
fn fast_pair_values(
    grid: &[(f64, usize, usize)],
    (g_cum, gm): (&[u64], Moments),
    (r_cum, rm): (&[u64], Moments),
) -> [Option<f64>; 3] {
    let smd_v = smd(gm.mean, gm.var, gm.n, rm.mean, rm.var, rm.n);
    let (ng, nr) = (gm.n, rm.n);
    if ng == 0 || nr == 0 {
        return [smd_v, None, None];
    }
    let (ig, ir) = (1.0 / ng as f64, 1.0 / nr as f64);
    let gap_at = |gi: usize, rj: usize| (g_cum[gi] as f64 * ig - r_cum[rj] as f64 * ir).abs();
    let Some(&(first, gi, rj)) = grid.first() else {
        return [smd_v, None, None];
    };
    let (mut prev, mut gap) = (first, gap_at(gi, rj));
    let (mut d, mut w) = (gap, 0.0f64);
    for &(v, gi, rj) in &grid[1..] {
        w += (v - prev) * gap;
        gap = gap_at(gi, rj);
        d = d.max(gap);
        prev = v;
    }
    [smd_v, Some(d), Some(w)]
}

/// One group's resampling stream: its score table, a multinomial sampler over the non-empty
/// (value, label) cells, and its own generator, seeded from its content so that renaming
/// groups or reordering rows changes nothing.
struct Stream {
    /// For each value: where its negative and positive counts are in `drawn` (the last
    /// entry, always 0, for a count that is 0 in the group).
    slot_neg: Vec<usize>,
    slot_pos: Vec<usize>,
    sampler: Multinomial,
    rng: super::bootstrap::Rng,
    drawn: Vec<u64>,
    /// The current replicate: the group's values with resampled counts, and its running
    /// counts ([`cumulative`]).
    table: Vec<ScoreCell>,
    cum: Vec<u64>,
    /// ECE bins of the values (see [`ece_bins`]).
    bins: Option<Vec<u8>>,
}

impl Stream {
    fn new(cells: &[ScoreCell], seed: u64) -> Self {
        let mut slots = Vec::new();
        let mut counts = Vec::new();
        for (i, c) in cells.iter().enumerate() {
            for (label, k) in [(false, c.n - c.label_pos), (true, c.label_pos)] {
                if k > 0 {
                    slots.push((i, label));
                    counts.push(k);
                }
            }
        }
        let content = counts
            .iter()
            .copied()
            .chain(cells.iter().map(|c| c.value.to_bits()))
            .chain(slots.iter().map(|(i, l)| (*i as u64) * 2 + u64::from(*l)));
        let rng = rng_for(seed, "scores", content);
        let empty = counts.len();
        let (mut slot_neg, mut slot_pos) = (vec![empty; cells.len()], vec![empty; cells.len()]);
        for (k, &(i, label)) in slots.iter().enumerate() {
            if label {
                slot_pos[i] = k;
            } else {
                slot_neg[i] = k;
            }
        }
        counts.push(0);
        Stream {
            sampler: Multinomial::new(&counts),
            slot_neg,
            slot_pos,
            rng,
            drawn: Vec::new(),
            table: cells.to_vec(),
            cum: Vec::new(),
            bins: ece_bins(cells),
        }
    }

    /// Draws the next replicate into `self.table` and `self.cum`.
    fn advance(&mut self) {
        self.sampler.sample(&mut self.rng, &mut self.drawn);
        let cells = self
            .table
            .iter_mut()
            .zip(&self.slot_neg)
            .zip(&self.slot_pos);
        for ((c, &neg), &pos) in cells {
            let (neg, pos) = (self.drawn[neg], self.drawn[pos]);
            c.n = neg + pos;
            c.label_pos = pos;
        }
        cumulative(&self.table, &mut self.cum);
    }
}

/// The reference's stream: the population's, or the reference group's (at `ref_idx`).
fn reference_stream<'s>(
    population: &'s Option<Stream>,
    groups: &'s [Option<Stream>],
    ref_idx: Option<usize>,
) -> Option<&'s Stream> {
    match (population, ref_idx) {
        (Some(s), _) => Some(s),
        (None, Some(i)) => groups.get(i).and_then(Option::as_ref),
        _ => None,
    }
}

/// Bootstrap intervals of every eligible group of a slice, in lockstep: each replicate
/// resamples every group once (and the reference once), so a group and the reference are
/// drawn independently and the reference is not redrawn per comparison. Returns, per group,
/// [mean, median, auc, ece] and [smd, ks, wasserstein] against the reference (None for the
/// reference itself and for groups too small to report).
pub(crate) fn slice_bootstrap(
    ctx: &SliceContext,
    population: &GroupStats,
    flip: bool,
) -> Vec<[Option<Interval>; 7]> {
    let p = ctx.params;
    let groups = &ctx.slice.groups;
    let mut out = vec![[None; 7]; groups.len()];
    if p.bootstrap == 0 || population.scores.is_empty() {
        return out;
    }
    let has_label = population.has_label;
    let reference = reference(ctx, population, 1);
    let ref_idx = reference
        .as_ref()
        .filter(|r| !r.population)
        .and_then(|r| groups.iter().position(|g| g.name == r.name));
    // Replicates are drawn in fixed blocks, each with its own generators (seeded from the
    // content and the block number), so blocks run in parallel and the result does not depend
    // on the number of threads.
    let blocks: Vec<(usize, usize)> = (0..p.bootstrap)
        .step_by(BOOT_BLOCK)
        .map(|start| (start, (start + BOOT_BLOCK).min(p.bootstrap)))
        .collect();
    let run_block = |(b, (start, end)): (usize, &(usize, usize))| {
        let seed = super::bootstrap::mix(p.seed, [b as u64]);
        let mut streams: Vec<Option<Stream>> = groups
            .iter()
            .enumerate()
            .map(|(i, g)| {
                (ctx.publishable(&g.stats) || Some(i) == ref_idx)
                    .then(|| Stream::new(&g.stats.scores, seed))
            })
            .collect();
        let mut pop_stream = reference
            .as_ref()
            .filter(|r| r.population)
            .map(|r| Stream::new(&r.stats.scores, seed));
        // The merged value grid of each group with the reference (fixed across replicates).
        let ref_values = reference_stream(&pop_stream, &streams, ref_idx).map(|s| s.table.clone());
        let grids: Vec<Option<Vec<(f64, usize, usize)>>> = streams
            .iter()
            .enumerate()
            .map(|(i, s)| match (s, &ref_values) {
                (Some(s), Some(r)) if Some(i) != ref_idx && ctx.comparable(&groups[i]) => {
                    Some(merge_grid(&s.table, r))
                }
                _ => None,
            })
            .collect();
        let mut vals: Vec<[Vec<f64>; 7]> = (0..groups.len()).map(|_| Default::default()).collect();
        for _ in *start..*end {
            for s in streams.iter_mut().flatten() {
                s.advance();
            }
            if let Some(s) = pop_stream.as_mut() {
                s.advance();
            }
            let reference = reference_stream(&pop_stream, &streams, ref_idx).map(|s| {
                (
                    s.cum.as_slice(),
                    moments(&s.table, s.cum.last().copied().unwrap_or(0)),
                )
            });
            for (i, s) in streams.iter().enumerate() {
                let Some(s) = s else { continue };
                if !ctx.publishable(&groups[i].stats) {
                    continue;
                }
                let (values, m) =
                    fast_group_values(&s.table, &s.cum, s.bins.as_deref(), has_label, flip);
                for (k, v) in values.into_iter().enumerate() {
                    if let Some(v) = v {
                        vals[i][k].push(v);
                    }
                }
                if let (Some(r), Some(grid)) = (reference, &grids[i]) {
                    for (k, v) in fast_pair_values(grid, (&s.cum, m), r)
                        .into_iter()
                        .enumerate()
                    {
                        if let Some(v) = v {
                            vals[i][4 + k].push(v);
                        }
                    }
                }
            }
        }
        vals
    };
    let per_block: Vec<Vec<[Vec<f64>; 7]>> = {
        use rayon::prelude::*;
        blocks.par_iter().enumerate().map(run_block).collect()
    };
    let mut vals: Vec<[Vec<f64>; 7]> = (0..groups.len()).map(|_| Default::default()).collect();
    for block in per_block {
        for (i, b) in block.into_iter().enumerate() {
            for (k, v) in b.into_iter().enumerate() {
                vals[i][k].extend(v);
            }
        }
    }
    for (i, v) in vals.iter_mut().enumerate() {
        for k in 0..7 {
            out[i][k] = percentile_interval(&mut v[k], p.bootstrap, p.confidence);
        }
    }
    out
}

/// Whether AUCs are computed on the reversed score (see `score_rows`).
pub(crate) fn auc_flip(population: &GroupStats) -> bool {
    population.has_label
        && group_values(&population.scores, true, false)[2].is_some_and(|a| a < 0.5)
}

pub(crate) fn score_rows(
    ctx: &SliceContext,
    population: &GroupStats,
    pop_median: Option<f64>,
    boot: &[[Option<Interval>; 7]],
    out: &mut Vec<(MetricRow, Test)>,
) {
    if population.scores.is_empty() {
        return;
    }
    let p = ctx.params;
    let attr = &ctx.slice.attribute;
    let has_label = population.has_label;
    let higher = p.higher_is_favorable;
    // AUC is oriented so that 0.5 is chance and 1 perfect: when the score ranks the positive
    // label low across the whole population (a "higher is better" score against an adverse
    // label), every group's AUC is computed on the reversed score.
    let flip = auc_flip(population);
    let scoring_ref = pop_median
        .and_then(|m| ctx.reference(population, |g| rate(favorable_side(g, m, higher), g.n)));
    let reference = reference(ctx, population, 1);
    let withheld = ctx.withheld_reason();
    for (gi, g) in ctx.slice.groups.iter().enumerate() {
        let s = &g.stats;
        let row = |m: Metric| MetricRow::new(attr, &g.name, m, s.n);
        if !ctx.publishable(s) {
            for m in [Metric::MeanScore, Metric::MedianScore, Metric::ScoringRate] {
                out.push((row(m).value(None, withheld), Test::None));
            }
            out.push((ctx.not_compared(g, Metric::ScoringImpactRatio), Test::None));
            continue;
        }
        let pair_ref = reference
            .as_ref()
            .filter(|r| ctx.comparable(g) && (r.population || r.name != g.name))
            .map(|r| r.stats.scores.as_slice());
        let ci = boot.get(gi).copied().unwrap_or([None; 7]);
        let [mean, med, a, e] = group_values(&s.scores, has_label, flip);
        out.push((
            row(Metric::MeanScore)
                .value(mean, Reason::NoScore)
                .ci(ci[0]),
            Test::None,
        ));
        out.push((
            row(Metric::MedianScore)
                .value(med, Reason::NoScore)
                .ci(ci[1]),
            Test::None,
        ));
        let no_median = Reason::NoMedian;
        match pop_median {
            Some(m) => {
                let x = favorable_side(s, m, higher);
                let mut sr = row(Metric::ScoringRate)
                    .value(rate(x, s.n), no_median)
                    .ci(wilson(x, s.n, p.confidence));
                sr.reason = Some(Reason::ScoringSide { median: m, higher });
                out.push((sr, Test::None));
                graded_pair(
                    ctx,
                    g,
                    scoring_ref.as_ref(),
                    (Metric::ScoringImpactRatio, None),
                    |x| favorable_side(x, m, higher),
                    out,
                );
            }
            None => {
                out.push((row(Metric::ScoringRate).value(None, no_median), Test::None));
                out.push((
                    row(Metric::ScoringImpactRatio).value(None, no_median),
                    Test::None,
                ));
            }
        }
        if has_label {
            out.push((
                row(Metric::Auc).value(a, Reason::OneLabelValue).ci(ci[2]),
                Test::None,
            ));
            out.push((
                row(Metric::Ece)
                    .value(e, Reason::NotProbabilities)
                    .ci(ci[3]),
                Test::None,
            ));
        }
        if let (Some(r), Some(rc)) = (reference.as_ref(), pair_ref) {
            let [sm, ks, w] = pair_values(&s.scores, rc);
            let with_ref = |m: Metric| {
                let mut x = row(m);
                x.reference = Some(r.name.clone());
                x
            };
            out.push((
                with_ref(Metric::Smd)
                    .value(sm, Reason::ZeroPooledSd)
                    .ci(ci[4]),
                Test::None,
            ));
            let mut k = with_ref(Metric::Ks)
                .value(ks, Reason::EmptyDistribution)
                .ci(ci[5]);
            k.p_value = ks_two_sample(&counts(&s.scores), &counts(rc)).map(|t| t.p_value);
            k.test = Some("kolmogorov_smirnov");
            let pv = k.p_value;
            out.push((k, Test::New(pv)));
            out.push((
                with_ref(Metric::Wasserstein)
                    .value(w, Reason::EmptyDistribution)
                    .ci(ci[6]),
                Test::None,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(seed: u64, k: usize) -> Vec<ScoreCell> {
        // Deterministic pseudo-random table on a shared value grid, some empty cells.
        let mut x = seed | 1;
        (0..k)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let n = x % 7;
                ScoreCell {
                    value: i as f64 * 0.5 + (seed % 3) as f64 * 0.25,
                    n,
                    label_pos: if n == 0 { 0 } else { x % (n + 1) },
                }
            })
            .collect()
    }

    #[test]
    fn fast_kernels_equal_reference_functions() {
        for seed in 1..40u64 {
            let (g, r) = (table(seed, 30), table(seed * 7 + 3, 25));
            let g_nz: Vec<ScoreCell> = g.iter().copied().filter(|c| c.n > 0).collect();
            let slow = group_values(&g_nz, true, false);
            let (mut g_cum, mut r_cum) = (Vec::new(), Vec::new());
            cumulative(&g, &mut g_cum);
            cumulative(&r, &mut r_cum);
            let (fast, gm) = fast_group_values(&g, &g_cum, ece_bins(&g).as_deref(), true, false);
            for (a, b) in slow.iter().zip(fast) {
                match (a, b) {
                    (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "{a} {b}"),
                    (a, b) => assert_eq!(*a, b),
                }
            }
            let r_nz: Vec<ScoreCell> = r.iter().copied().filter(|c| c.n > 0).collect();
            let slow = pair_values(&g_nz, &r_nz);
            let rm = moments(&r, r_cum.last().copied().unwrap_or(0));
            let fast = fast_pair_values(&merge_grid(&g, &r), (&g_cum, gm), (&r_cum, rm));
            for (a, b) in slow.iter().zip(fast) {
                match (a, b) {
                    (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "seed {seed}: {a} {b}"),
                    (a, b) => assert_eq!(*a, b),
                }
            }
        }
    }
}
