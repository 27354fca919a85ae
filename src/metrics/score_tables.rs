//! Score distribution and calibration tables, per group of each attribute, for the report's
//! score charts.
//!
//! Computed from the sufficient statistics alone (each group's table of distinct scores with
//! their counts and positive labels, [`ScoreCell`]), never from rows:
//!
//! - **Quantiles** at the fixed probabilities [`QUANTILES`]: the score `q(p)` is the smallest
//!   score `v` of the group with `F(v) >= p`, where `F(v)` is the share of the group scoring at
//!   or below `v` (the inverse of the empirical distribution function, Hyndman and Fan's type 1;
//!   always a score that occurs in the data).
//! - **Distribution points**: `F(x)` at [`CDF_POINTS`] evenly spaced scores `x` from the low
//!   to the high end of the range (below).
//! - **Calibration bins**: the range split into [`CALIBRATION_BINS`] bins of equal width,
//!   `[low, high)` and the last one `[low, high]`. Per bin: rows `n`, rows with a positive label,
//!   the mean score of the bin's rows, the observed share with a positive label and its Wilson
//!   interval. Only with a label.
//!
//! The range is `[0, 1]` when every score of the audit lies in it (scores read as
//! probabilities: the calibration chart then has the diagonal "observed = predicted"),
//! otherwise from the smallest to the largest score of the audit. The range and bins are the
//! same for every group, so groups can be compared bin by bin.
//!
//! Small numbers: a group smaller than the minimum group size has no quantiles, points or bins
//! (`suppressed` gives the reason); a bin smaller than the minimum group size keeps its counts
//! and mean score but has no share or interval (`reason` says why); an empty bin has no mean
//! either. Nothing is reported as NaN.

use serde::Serialize;

use super::intervals::wilson;
use crate::i18n::Lang;
use crate::stats::{Aggregates, GroupStats, ScoreCell};
use crate::t;
use crate::ts;

/// The probabilities at which quantiles are reported.
pub const QUANTILES: [f64; 7] = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95];
/// Points of the distribution function reported per group.
pub const CDF_POINTS: usize = 21;
/// Bins of the calibration table.
pub const CALIBRATION_BINS: usize = 10;

/// One quantile of a group's scores.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Quantile {
    /// The probability, e.g. 0.25.
    pub p: f64,
    /// The smallest score with at least share `p` of the group at or below it.
    pub score: f64,
}

/// One point of a group's empirical distribution function.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CdfPoint {
    pub score: f64,
    /// Share of the group with a score at or below `score`, in [0, 1].
    pub share: f64,
}

/// One score bin of a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalibrationBin {
    /// Lower edge (included).
    pub low: f64,
    /// Upper edge (excluded, except for the last bin).
    pub high: f64,
    /// Rows of the group with a score in the bin.
    pub n: u64,
    /// Of those, rows with a positive label.
    pub positives: u64,
    /// Mean score of the bin's rows; null for an empty bin.
    pub mean_score: Option<f64>,
    /// `positives / n`; null (with `reason`) for a bin smaller than the minimum group size.
    pub positive_rate: Option<f64>,
    /// Wilson interval of `positive_rate` at the audit's confidence level.
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    /// Why `positive_rate` is null.
    pub reason: Option<String>,
}

/// The tables of one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreGroup {
    pub group: String,
    /// Rows of the group (each has a score).
    pub n: u64,
    /// Why the group's tables are empty (too small), else null.
    pub suppressed: Option<String>,
    pub quantiles: Vec<Quantile>,
    pub cdf: Vec<CdfPoint>,
    /// Empty without a label.
    pub calibration: Vec<CalibrationBin>,
}

/// The tables of one attribute.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreTables {
    pub attribute: String,
    /// Every score of the audit lies in [0, 1], so the range is [0, 1].
    pub probability_scale: bool,
    /// The range of the distribution points and calibration bins.
    pub low: f64,
    pub high: f64,
    pub groups: Vec<ScoreGroup>,
}

/// Settings of [`build`].
#[derive(Debug, Clone, Copy)]
pub struct TableParams {
    pub min_group_size: u64,
    pub confidence: f64,
    pub lang: Lang,
}

/// The quantile at `p` of sorted score cells totalling `n` rows (see the module doc).
fn quantile(cells: &[ScoreCell], n: u64, p: f64) -> Option<f64> {
    if n == 0 {
        return None;
    }
    let mut cum = 0u64;
    for c in cells {
        cum += c.n;
        // F(v) >= p, compared in counts to avoid rounding: cum / n >= p.
        if cum as f64 >= p * n as f64 - 1e-9 * n as f64 {
            return Some(c.value);
        }
    }
    cells.last().map(|c| c.value)
}

/// The range of the audit's scores: [0, 1] for probabilities, else [min, max].
fn range(population: &GroupStats) -> Option<(f64, f64, bool)> {
    let lo = population.scores.first()?.value;
    let hi = population.scores.last()?.value;
    if lo >= 0.0 && hi <= 1.0 {
        Some((0.0, 1.0, true))
    } else {
        Some((lo, hi, false))
    }
}

/// The edge `i` of `k` equal parts of [lo, hi].
fn edge(lo: f64, hi: f64, i: usize, k: usize) -> f64 {
    if i == k {
        hi
    } else {
        lo + (hi - lo) * i as f64 / k as f64
    }
}

fn group_tables(name: &str, g: &GroupStats, (lo, hi): (f64, f64), p: &TableParams) -> ScoreGroup {
    let cells = &g.scores;
    let n: u64 = cells.iter().map(|c| c.n).sum();
    let min = p.min_group_size.max(1);
    let mut out = ScoreGroup {
        group: name.to_string(),
        n,
        suppressed: None,
        quantiles: Vec::new(),
        cdf: Vec::new(),
        calibration: Vec::new(),
    };
    if n < min {
        out.suppressed = Some(t!(
            p.lang,
            "metrics.score_tables.insufficient_data_n_below_minimum",
            n,
            min
        ));
        return out;
    }
    out.quantiles = QUANTILES
        .iter()
        .filter_map(|&q| quantile(cells, n, q).map(|score| Quantile { p: q, score }))
        .collect();
    out.cdf = (0..CDF_POINTS)
        .map(|j| {
            let x = edge(lo, hi, j, CDF_POINTS - 1);
            let at_or_below: u64 = cells.iter().filter(|c| c.value <= x).map(|c| c.n).sum();
            CdfPoint {
                score: x,
                share: at_or_below as f64 / n as f64,
            }
        })
        .collect();
    if g.has_label {
        let k = if hi > lo { CALIBRATION_BINS } else { 1 };
        let mut bins: Vec<(u64, u64, f64)> = vec![(0, 0, 0.0); k];
        for c in cells {
            // The bin whose lower edge is the last one at or below the score.
            let i = (1..k).filter(|&i| c.value >= edge(lo, hi, i, k)).count();
            let b = &mut bins[i];
            b.0 += c.n;
            b.1 += c.label_pos;
            b.2 += c.value * c.n as f64;
        }
        out.calibration = bins
            .iter()
            .enumerate()
            .map(|(i, &(bn, pos, sum))| {
                let mut bin = CalibrationBin {
                    low: edge(lo, hi, i, k),
                    high: edge(lo, hi, i + 1, k),
                    n: bn,
                    positives: pos,
                    mean_score: (bn > 0).then(|| sum / bn as f64),
                    positive_rate: None,
                    ci_low: None,
                    ci_high: None,
                    reason: None,
                };
                if bn == 0 {
                    bin.reason = Some(ts!(p.lang, "metrics.score_tables.empty_bin").into());
                } else if bn < min {
                    bin.reason = Some(t!(
                        p.lang,
                        "metrics.score_tables.insufficient_data_n_below_minimum_2",
                        bn,
                        min
                    ));
                } else {
                    bin.positive_rate = Some(pos as f64 / bn as f64);
                    if let Some(ci) = wilson(pos, bn, p.confidence) {
                        bin.ci_low = Some(ci.low);
                        bin.ci_high = Some(ci.high);
                    }
                }
                bin
            })
            .collect();
    }
    out
}

/// The score tables of every single attribute (not intersections); empty without a score.
pub fn build(aggs: &Aggregates, p: &TableParams) -> Vec<ScoreTables> {
    let Some((lo, hi, probability_scale)) = range(&aggs.population) else {
        return Vec::new();
    };
    aggs.slices
        .iter()
        .filter(|s| s.parts.len() == 1)
        .map(|s| ScoreTables {
            attribute: s.attribute.clone(),
            probability_scale,
            low: lo,
            high: hi,
            groups: s
                .groups
                .iter()
                .map(|g| group_tables(&g.name, &g.stats, (lo, hi), p))
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(value: f64, n: u64, label_pos: u64) -> ScoreCell {
        ScoreCell {
            value,
            n,
            label_pos,
        }
    }

    fn params(min: u64) -> TableParams {
        TableParams {
            min_group_size: min,
            confidence: 0.95,
            lang: Lang::En,
        }
    }

    fn stats(cells: Vec<ScoreCell>) -> GroupStats {
        let mut g = GroupStats::new(2, true);
        g.n = cells.iter().map(|c| c.n).sum();
        g.scores = cells;
        g
    }

    #[test]
    fn quantiles_by_hand() {
        // Scores 0.1, 0.2, 0.2, 0.4, 0.9 (n = 5): F = 0.2, 0.6, 0.8, 1.0.
        let cells = [
            cell(0.1, 1, 0),
            cell(0.2, 2, 1),
            cell(0.4, 1, 1),
            cell(0.9, 1, 1),
        ];
        let q = |p| quantile(&cells, 5, p);
        assert_eq!(q(0.05), Some(0.1));
        assert_eq!(q(0.20), Some(0.1)); // F(0.1) = 0.2 >= 0.2
        assert_eq!(q(0.25), Some(0.2));
        assert_eq!(q(0.50), Some(0.2));
        assert_eq!(q(0.75), Some(0.4));
        assert_eq!(q(0.95), Some(0.9));
        assert_eq!(quantile(&[], 0, 0.5), None);
    }

    #[test]
    fn tables_by_hand() {
        // Five rows: scores 0.1, 0.2, 0.2, 0.4, 0.9; positive labels on one 0.2, the 0.4
        // and the 0.9.
        let g = stats(vec![
            cell(0.1, 1, 0),
            cell(0.2, 2, 1),
            cell(0.4, 1, 1),
            cell(0.9, 1, 1),
        ]);
        let t = group_tables("a", &g, (0.0, 1.0), &params(1));
        assert_eq!(t.n, 5);
        let qs: Vec<f64> = t.quantiles.iter().map(|q| q.score).collect();
        assert_eq!(qs, [0.1, 0.1, 0.2, 0.2, 0.4, 0.9, 0.9]);
        // F at 0, 0.05, 0.1, 0.15, 0.2, ..., 1.
        assert_eq!(t.cdf.len(), CDF_POINTS);
        let f = |x: f64| {
            t.cdf
                .iter()
                .find(|c| (c.score - x).abs() < 1e-12)
                .map(|c| c.share)
        };
        assert_eq!(f(0.0), Some(0.0));
        assert_eq!(f(0.1), Some(0.2));
        assert_eq!(f(0.15), Some(0.2));
        assert_eq!(f(0.2), Some(0.6));
        assert_eq!(f(0.5), Some(0.8));
        assert_eq!(f(1.0), Some(1.0));
        // Bins of width 0.1: 0.1 -> [0.1, 0.2), 0.2 -> [0.2, 0.3), 0.4 -> [0.4, 0.5),
        // 0.9 -> [0.9, 1].
        let b = &t.calibration;
        assert_eq!(b.len(), 10);
        assert_eq!(
            (b[0].n, b[0].mean_score, b[0].positive_rate),
            (0, None, None)
        );
        assert_eq!(b[0].reason.as_deref(), Some("empty bin"));
        assert_eq!(
            (b[1].low, b[1].high, b[1].n, b[1].positives),
            (0.1, 0.2, 1, 0)
        );
        assert_eq!(b[2].n, 2);
        assert_eq!(b[2].positives, 1);
        assert_eq!(b[2].mean_score, Some(0.2));
        assert_eq!(b[2].positive_rate, Some(0.5));
        // Wilson 95 % for 1 of 2: centre (1 + z²/2) / (2 + z²), z = 1.959964.
        let z: f64 = 1.959_963_984_540_054;
        let (x, n) = (1.0, 2.0);
        let centre = (x + z * z / 2.0) / (n + z * z);
        let half = z / (n + z * z) * (x * (n - x) / n + z * z / 4.0).sqrt();
        assert!((b[2].ci_low.unwrap() - (centre - half)).abs() < 1e-9);
        assert!((b[2].ci_high.unwrap() - (centre + half)).abs() < 1e-9);
        assert_eq!((b[4].n, b[4].positive_rate), (1, Some(1.0)));
        assert_eq!((b[9].low, b[9].high, b[9].n), (0.9, 1.0, 1));
        let total: u64 = b.iter().map(|b| b.n).sum();
        assert_eq!(total, 5);
    }

    #[test]
    fn small_groups_and_bins_are_suppressed() {
        let g = stats(vec![cell(0.1, 1, 0), cell(0.2, 2, 1)]);
        let t = group_tables("a", &g, (0.0, 1.0), &params(5));
        assert!(t.suppressed.as_deref().unwrap().starts_with("insufficient"));
        assert!(t.quantiles.is_empty() && t.cdf.is_empty() && t.calibration.is_empty());
        let g = stats(vec![cell(0.1, 4, 0), cell(0.8, 1, 1)]);
        let t = group_tables("a", &g, (0.0, 1.0), &params(2));
        assert_eq!(t.suppressed, None);
        // The 0.8 bin has one row: counts kept, share suppressed.
        let b = &t.calibration[8];
        assert_eq!((b.n, b.positives, b.mean_score), (1, 1, Some(0.8)));
        assert_eq!((b.positive_rate, b.ci_low), (None, None));
        assert!(b.reason.as_deref().unwrap().contains("n = 1"));
        assert_eq!(t.calibration[1].positive_rate, Some(0.0));
    }

    #[test]
    fn non_probability_scores_use_their_range() {
        let mut pop = stats(vec![cell(10.0, 1, 0), cell(60.0, 1, 1)]);
        pop.has_label = true;
        assert_eq!(range(&pop), Some((10.0, 60.0, false)));
        let t = group_tables("a", &pop, (10.0, 60.0), &params(1));
        assert_eq!(t.calibration[0].low, 10.0);
        assert_eq!(t.calibration[0].n, 1);
        // The top score falls in the last bin, which includes its upper edge.
        assert_eq!((t.calibration[9].high, t.calibration[9].n), (60.0, 1));
        // A constant score: one bin.
        let c = stats(vec![cell(5.0, 3, 1)]);
        let t = group_tables("a", &c, (5.0, 5.0), &params(1));
        assert_eq!(t.calibration.len(), 1);
        assert_eq!(t.calibration[0].n, 3);
        assert!(t.cdf.iter().all(|p| p.share == 1.0));
    }
}
