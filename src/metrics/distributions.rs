//! Score metrics on value-count tables.
//!
//! A score distribution is a slice of `(value, count)` pairs, normally with distinct values
//! sorted ascending; zero counts are allowed and ignored. Tables out of order or with repeated
//! values are sorted and merged first, so they give the same answer. Every function returns
//! `None` for a table holding a NaN or infinite value, and `None` for an empty distribution
//! (total count 0), so that no `0/0` ever turns into a NaN or a 0.

use std::borrow::Cow;
use std::cmp::Ordering;

/// A value-count table, borrowed when the input was already valid.
pub(crate) type ValueCounts<'a> = Cow<'a, [(f64, u64)]>;

/// Validates a value-count table and returns it with its total count.
///
/// A table whose values are already strictly ascending is borrowed as is; any other order, or
/// repeated values, is sorted and merged with [`merge_counts`] first. Returns `None` when a
/// value is not finite (NaN or infinite) or the total overflows `u64`. An empty or all-zero
/// table gives a total of 0.
pub(crate) fn prepare(v: &[(f64, u64)]) -> Option<(ValueCounts<'_>, u64)> {
    let mut total: u64 = 0;
    let mut ascending = true;
    let mut prev: Option<f64> = None;
    for &(value, count) in v {
        if !value.is_finite() {
            return None;
        }
        if let Some(p) = prev
            && value <= p
        {
            ascending = false;
        }
        prev = Some(value);
        total = total.checked_add(count)?;
    }
    if ascending {
        Some((Cow::Borrowed(v), total))
    } else {
        Some((Cow::Owned(merge_counts(v, &[])), total))
    }
}

/// Two validated value-count tables ([`prepare`]) with their totals.
pub(crate) type PreparedPair<'a> = ((ValueCounts<'a>, u64), (ValueCounts<'a>, u64));

/// Validates two value-count tables ([`prepare`]); `None` when either holds a non-finite value
/// or is empty (total 0).
pub(crate) fn prepare_two<'a>(
    x: &'a [(f64, u64)],
    y: &'a [(f64, u64)],
) -> Option<PreparedPair<'a>> {
    let (x, nx) = prepare(x)?;
    let (y, ny) = prepare(y)?;
    if nx == 0 || ny == 0 {
        return None;
    }
    Some(((x, nx), (y, ny)))
}

/// One step of a merged walk over two value-count tables: a distinct value and the count it
/// has in each table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct MergedStep {
    pub value: f64,
    pub count_x: u64,
    pub count_y: u64,
}

/// Walks two validated value-count tables in ascending order of value, pairing equal values.
/// Steps where both counts are zero are skipped.
pub(crate) fn merged_steps(x: &[(f64, u64)], y: &[(f64, u64)]) -> Vec<MergedStep> {
    let mut out = Vec::with_capacity(x.len() + y.len());
    let (mut i, mut j) = (0, 0);
    while i < x.len() || j < y.len() {
        let step = match (x.get(i), y.get(j)) {
            (Some(&(vx, cx)), Some(&(vy, cy))) => match vx.total_cmp(&vy) {
                _ if vx == vy => {
                    i += 1;
                    j += 1;
                    MergedStep {
                        value: vx,
                        count_x: cx,
                        count_y: cy,
                    }
                }
                Ordering::Less => {
                    i += 1;
                    MergedStep {
                        value: vx,
                        count_x: cx,
                        count_y: 0,
                    }
                }
                _ => {
                    j += 1;
                    MergedStep {
                        value: vy,
                        count_x: 0,
                        count_y: cy,
                    }
                }
            },
            (Some(&(vx, cx)), None) => {
                i += 1;
                MergedStep {
                    value: vx,
                    count_x: cx,
                    count_y: 0,
                }
            }
            (None, Some(&(vy, cy))) => {
                j += 1;
                MergedStep {
                    value: vy,
                    count_x: 0,
                    count_y: cy,
                }
            }
            (None, None) => break,
        };
        if step.count_x > 0 || step.count_y > 0 {
            out.push(step);
        }
    }
    out
}

/// Median of a value-count table: the middle value for an odd total `n`, and the average of
/// the values at sorted positions `n/2 - 1` and `n/2` (0-based) for an even `n`.
///
/// `n == 1` gives the single value. Returns `None` for an empty table (`n == 0`) or one with a
/// non-finite value.
///
/// Reference: `numpy.median` on the expanded sample.
pub fn median(v: &[(f64, u64)]) -> Option<f64> {
    let (v, n) = prepare(v)?;
    if n == 0 {
        return None;
    }
    // 0-based positions of the two middle elements (equal when n is odd).
    let lo_pos = (n - 1) / 2;
    let hi_pos = n / 2;
    let mut lo_val = None;
    let mut seen: u64 = 0;
    for &(value, count) in v.iter() {
        if count == 0 {
            continue;
        }
        let end = seen + count; // positions seen..end belong to `value`
        if lo_val.is_none() && lo_pos < end {
            lo_val = Some(value);
        }
        if hi_pos < end {
            let lo = lo_val?;
            let sum = lo + value;
            let m = if sum.is_finite() {
                sum / 2.0
            } else {
                lo / 2.0 + value / 2.0
            };
            return m.is_finite().then_some(m);
        }
        seen = end;
    }
    None
}

/// Share of the distribution strictly above `cut`: `#{score > cut} / n`.
///
/// Returns `None` for an empty (`n == 0`) or table with a non-finite value, or a NaN `cut`
/// (an infinite `cut` is allowed and gives 0 or 1).
///
/// Reference: `numpy.mean(scores > cut)` on the expanded sample.
pub fn quantile_above_share(v: &[(f64, u64)], cut: f64) -> Option<f64> {
    let (v, n) = prepare(v)?;
    if n == 0 || cut.is_nan() {
        return None;
    }
    let above: u64 = v.iter().filter(|(x, _)| *x > cut).map(|(_, c)| c).sum();
    Some(above as f64 / n as f64)
}

/// Mean of a value-count table: `Σ cᵢ·vᵢ / n`.
///
/// `n == 1` gives the single value. Returns `None` for an empty (`n == 0`) or table with a non-finite value.
///
/// Reference: `numpy.mean` on the expanded sample.
pub fn mean(v: &[(f64, u64)]) -> Option<f64> {
    let (v, n) = prepare(v)?;
    if n == 0 {
        return None;
    }
    let nf = n as f64;
    // Shift by the first value to limit cancellation, then add it back.
    let shift = v.iter().find(|(_, c)| *c > 0).map(|(x, _)| *x)?;
    let s: f64 = v.iter().map(|&(x, c)| c as f64 * (x - shift)).sum();
    let m = shift + s / nf;
    m.is_finite().then_some(m)
}

/// Mean and sample variance of a value-count table:
/// `mean = Σ cᵢ·vᵢ / n`, `var = Σ cᵢ·(vᵢ - mean)² / (n - 1)` (two-pass, `ddof = 1`).
///
/// Tiny inputs: the sample variance is `0/0` for `n == 1`, so `mean_var` returns `None`
/// whenever `n < 2` (use [`mean`] for the mean of a single observation). Also `None` for a
/// table with a non-finite value.
///
/// Reference: `numpy.mean` and `numpy.var(ddof=1)` on the expanded sample.
pub fn mean_var(v: &[(f64, u64)]) -> Option<(f64, f64)> {
    let (v, n) = prepare(v)?;
    if n < 2 {
        return None;
    }
    let m = mean(&v)?;
    let ss: f64 = v.iter().map(|&(x, c)| c as f64 * (x - m) * (x - m)).sum();
    let var = ss / (n - 1) as f64;
    var.is_finite().then_some((m, var))
}

/// Standardized mean difference (Cohen's d), group minus reference, over the pooled SD:
/// `d = (mean1 - mean2) / √(((n1 - 1)·var1 + (n2 - 1)·var2) / (n1 + n2 - 2))`.
///
/// `var1` and `var2` are sample variances (`ddof = 1`). Returns `None` when either group has
/// fewer than 2 observations (its variance is undefined), when the pooled SD is 0 (`0/0` or
/// `x/0`), or when any input is not finite or a variance is negative.
///
/// Reference: Cohen (1988), *Statistical Power Analysis for the Behavioral Sciences*, §2.5.
pub fn smd(mean1: f64, var1: f64, n1: u64, mean2: f64, var2: f64, n2: u64) -> Option<f64> {
    if n1 < 2 || n2 < 2 {
        return None;
    }
    if ![mean1, var1, mean2, var2].iter().all(|x| x.is_finite()) || var1 < 0.0 || var2 < 0.0 {
        return None;
    }
    let df = (n1 - 1) as f64 + (n2 - 1) as f64;
    let pooled = (((n1 - 1) as f64 * var1 + (n2 - 1) as f64 * var2) / df).sqrt();
    if pooled.is_nan() || pooled <= 0.0 {
        return None;
    }
    let d = (mean1 - mean2) / pooled;
    d.is_finite().then_some(d)
}

/// 1-Wasserstein (earth mover's) distance between two empirical distributions:
/// `W₁ = ∫ |F_x(t) - F_y(t)| dt = Σᵢ |F_x(uᵢ) - F_y(uᵢ)| · (uᵢ₊₁ - uᵢ)` over the merged sorted
/// distinct values `uᵢ`.
///
/// Two single-point distributions give `|x - y|`. Returns `None` when either table is empty
/// (`n == 0`) or holds a non-finite value.
///
/// Reference: `scipy.stats.wasserstein_distance(u_values, v_values)`.
pub fn wasserstein(x: &[(f64, u64)], y: &[(f64, u64)]) -> Option<f64> {
    let ((x, nx), (y, ny)) = prepare_two(x, y)?;
    let steps = merged_steps(&x, &y);
    let (mut cx, mut cy) = (0u64, 0u64);
    let mut total = 0.0;
    for w in steps.windows(2) {
        cx += w[0].count_x;
        cy += w[0].count_y;
        let gap = (cx as f64 / nx as f64 - cy as f64 / ny as f64).abs();
        total += gap * (w[1].value - w[0].value);
    }
    total.is_finite().then_some(total)
}

/// ROC AUC of scores for positives against negatives:
/// `AUC = P(s_pos > s_neg) + ½·P(s_pos = s_neg) = Σ_pairs [1(p > q) + ½·1(p = q)] / (n_pos·n_neg)`.
///
/// The pair count is accumulated exactly in integers. Returns `None` when either side is empty
/// (`0/0`) or a table holds a non-finite value.
///
/// Reference: Hanley & McNeil (1982), Radiology 143:29–36;
/// `sklearn.metrics.roc_auc_score` (equal to `U / (n_pos·n_neg)` of the Mann–Whitney test).
pub fn auc(pos: &[(f64, u64)], neg: &[(f64, u64)]) -> Option<f64> {
    let ((pos, n_pos), (neg, n_neg)) = prepare_two(pos, neg)?;
    // twice the number of concordant pairs plus ties
    let mut twice: u128 = 0;
    let mut neg_below: u128 = 0;
    for s in merged_steps(&pos, &neg) {
        twice += s.count_x as u128 * (2 * neg_below + s.count_y as u128);
        neg_below += s.count_y as u128;
    }
    let pairs = n_pos as f64 * n_neg as f64;
    Some(twice as f64 / 2.0 / pairs)
}

/// Expected calibration error over score bins, each given as
/// `(count, sum_of_scores, positives)`:
/// `ECE = Σ_b (n_b / N) · |mean_score_b - positives_b / n_b| = Σ_b |sum_b - positives_b| / N`.
///
/// Bins with `count == 0` contribute nothing. Returns `None` when `N == 0` (no scored item),
/// when a bin has `positives > count`, or when a score sum is not finite.
///
/// Reference: Naeini, Cooper & Hauskrecht (2015), AAAI, "Obtaining well calibrated
/// probabilities using Bayesian binning"; Guo et al. (2017), ICML, eq. (3).
pub fn expected_calibration_error(bins: &[(u64, f64, u64)]) -> Option<f64> {
    let mut n: u64 = 0;
    let mut gap = 0.0;
    for &(count, sum, positives) in bins {
        if !sum.is_finite() || positives > count {
            return None;
        }
        if count == 0 {
            continue;
        }
        n = n.checked_add(count)?;
        gap += (sum - positives as f64).abs();
    }
    if n == 0 {
        return None;
    }
    let ece = gap / n as f64;
    ece.is_finite().then_some(ece)
}

/// Sorted merge of two value-count tables, adding the counts of equal values:
/// `merged(v) = count_a(v) + count_b(v)`.
///
/// Both inputs should be sorted ascending. Entries with a non-finite value or a zero count are
/// dropped (so no NaN can pass through), counts that would overflow saturate at `u64::MAX`,
/// and empty inputs give an empty result. Unsorted input is sorted first, so the output is
/// always a valid value-count table.
///
/// Reference: the value counts of `numpy.concatenate([a, b])`.
pub fn merge_counts(a: &[(f64, u64)], b: &[(f64, u64)]) -> Vec<(f64, u64)> {
    let mut all: Vec<(f64, u64)> = a
        .iter()
        .chain(b.iter())
        .filter(|(v, c)| v.is_finite() && *c > 0)
        .map(|&(v, c)| (if v == 0.0 { 0.0 } else { v }, c))
        .collect();
    all.sort_by(|p, q| p.0.total_cmp(&q.0));
    let mut out: Vec<(f64, u64)> = Vec::with_capacity(all.len());
    for (v, c) in all {
        match out.last_mut() {
            Some(last) if last.0 == v => last.1 = last.1.saturating_add(c),
            _ => out.push((v, c)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::{GROUP, REFERENCE, SMALL_X, SMALL_Y, close};

    const TOL: f64 = 1e-12;

    #[test]
    fn median_matches_numpy() {
        // numpy 2.4.6: np.median(expanded GROUP), np.median(expanded REFERENCE)
        assert_eq!(median(&GROUP), Some(5.0));
        assert_eq!(median(&REFERENCE), Some(3.0));
        // numpy 2.4.6: np.median([1, 2, 2, 3, 5]) = 2.0; np.median([2, 3, 4, 4, 6, 7]) = 4.0
        assert_eq!(median(&SMALL_X), Some(2.0));
        assert_eq!(median(&SMALL_Y), Some(4.0));
        // numpy 2.4.6: np.median([0.7, 0.9, 0.9]) = 0.9; np.median([1, 2]) = 1.5
        assert_eq!(median(&[(0.7, 1), (0.9, 2)]), Some(0.9));
        assert_eq!(median(&[(1.0, 1), (2.0, 1)]), Some(1.5));
        assert_eq!(median(&[(0.5, 1)]), Some(0.5));
        assert_eq!(median(&[(0.5, 0), (0.7, 0)]), None);
        assert_eq!(median(&[]), None);
        // out of order and repeated values are sorted and merged
        assert_eq!(median(&[(2.0, 1), (1.0, 1)]), Some(1.5));
        assert_eq!(median(&[(3.0, 1), (2.0, 2), (1.0, 1), (5.0, 1)]), Some(2.0));
        assert_eq!(median(&[(f64::NAN, 1)]), None);
    }

    #[test]
    fn share_above_cut() {
        // numpy 2.4.6: np.mean(expanded GROUP > 4), np.mean(expanded REFERENCE > 4)
        close(
            quantile_above_share(&GROUP, 4.0).expect("non-empty"),
            0.5760629921259842,
            TOL,
        );
        close(
            quantile_above_share(&REFERENCE, 4.0).expect("non-empty"),
            0.3309557774607703,
            TOL,
        );
        close(
            quantile_above_share(&GROUP, 4.5).expect("non-empty"),
            0.5760629921259842,
            TOL,
        );
        // numpy 2.4.6: np.mean(np.array([1, 2, 2, 3, 5]) > 4) = 0.2
        close(
            quantile_above_share(&SMALL_X, 4.0).expect("non-empty"),
            0.2,
            TOL,
        );
        assert_eq!(quantile_above_share(&SMALL_X, f64::INFINITY), Some(0.0));
        assert_eq!(quantile_above_share(&SMALL_X, f64::NAN), None);
        assert_eq!(quantile_above_share(&[], 0.5), None);
    }

    #[test]
    fn mean_and_variance() {
        // numpy 2.4.6: X.mean(), X.var(ddof=1) for the expanded GROUP and REFERENCE
        let (m, v) = mean_var(&GROUP).expect("n >= 2");
        close(m, 5.276850393700787, TOL);
        close(v, 7.997998898530877, 1e-11);
        let (m, v) = mean_var(&REFERENCE).expect("n >= 2");
        close(m, 3.635282929148835, TOL);
        close(v, 6.567679356164206, 1e-11);
        // numpy 2.4.6: np.mean([1, 2, 2, 3, 5]) = 2.6, np.var(..., ddof=1) = 2.3
        let (m, v) = mean_var(&SMALL_X).expect("n >= 2");
        close(m, 2.6, TOL);
        close(v, 2.3, TOL);
        // numpy 2.4.6: [0.7, 0.9, 0.9]: mean 0.8333333333333334, var(ddof=1) 0.013333333333333341
        let (m, v) = mean_var(&[(0.7, 1), (0.9, 2)]).expect("n >= 2");
        close(m, 0.8333333333333334, TOL);
        close(v, 0.013333333333333341, TOL);
    }

    #[test]
    fn mean_var_tiny_inputs() {
        assert_eq!(mean_var(&[(0.5, 1)]), None);
        assert_eq!(mean(&[(0.5, 1)]), Some(0.5));
        assert_eq!(mean_var(&[]), None);
        assert_eq!(mean(&[]), None);
        assert_eq!(mean(&[(1.0, 0)]), None);
        assert_eq!(mean_var(&[(1.0, 1), (f64::INFINITY, 1)]), None);
    }

    #[test]
    fn standardized_mean_difference() {
        // numpy 2.4.6: (X.mean() - Y.mean()) / sqrt(((nx-1) X.var(ddof=1) + (ny-1) Y.var(ddof=1))
        //   / (nx + ny - 2)) for the expanded GROUP (X) and REFERENCE (Y)
        let (m1, v1) = mean_var(&GROUP).expect("n >= 2");
        let (m2, v2) = mean_var(&REFERENCE).expect("n >= 2");
        close(
            smd(m1, v1, 3175, m2, v2, 2103).expect("defined"),
            0.6023077517811217,
            1e-12,
        );
        // numpy 2.4.6: same formula, X = [1, 2, 2, 3, 5], Y = [2, 3, 4, 4, 6, 7]
        let (m1, v1) = mean_var(&SMALL_X).expect("n >= 2");
        let (m2, v2) = mean_var(&SMALL_Y).expect("n >= 2");
        close(
            smd(m1, v1, 5, m2, v2, 6).expect("defined"),
            -1.009502589093725,
            1e-12,
        );
    }

    #[test]
    fn smd_edge_cases() {
        assert_eq!(smd(1.0, 0.0, 10, 1.0, 0.0, 10), None);
        assert_eq!(smd(2.0, 0.0, 10, 1.0, 0.0, 10), None);
        assert_eq!(smd(2.0, 1.0, 1, 1.0, 1.0, 10), None);
        assert_eq!(smd(2.0, -1.0, 10, 1.0, 1.0, 10), None);
        assert_eq!(smd(f64::NAN, 1.0, 10, 1.0, 1.0, 10), None);
    }

    #[test]
    fn wasserstein_matches_scipy() {
        // scipy 1.17.1: wasserstein_distance(expanded GROUP, expanded REFERENCE)
        close(
            wasserstein(&GROUP, &REFERENCE).expect("non-empty"),
            1.6415674645519527,
            1e-12,
        );
        // scipy 1.17.1: wasserstein_distance([1, 2, 2, 3, 5], [2, 3, 4, 4, 6, 7])
        close(
            wasserstein(&SMALL_X, &SMALL_Y).expect("non-empty"),
            1.7333333333333334,
            TOL,
        );
        // scipy 1.17.1: wasserstein_distance([0.5], [0.7, 0.9, 0.9])
        close(
            wasserstein(&[(0.5, 1)], &[(0.7, 1), (0.9, 2)]).expect("non-empty"),
            0.33333333333333337,
            TOL,
        );
        assert_eq!(wasserstein(&SMALL_X, &SMALL_X), Some(0.0));
        assert_eq!(wasserstein(&SMALL_X, &[]), None);
        assert_eq!(wasserstein(&[], &[(1.0, 0)]), None);
    }

    #[test]
    fn auc_matches_sklearn() {
        // scikit-learn 1.9.1: roc_auc_score(labels, scores), positives = expanded GROUP,
        //   negatives = expanded REFERENCE
        close(
            auc(&GROUP, &REFERENCE).expect("non-empty"),
            0.6678448860083646,
            TOL,
        );
        // scikit-learn 1.9.1: positives [1, 2, 2, 3, 5], negatives [2, 3, 4, 4, 6, 7]
        close(
            auc(&SMALL_X, &SMALL_Y).expect("non-empty"),
            0.21666666666666667,
            TOL,
        );
        // scikit-learn 1.9.1: positives [0.5], negatives [0.7, 0.9, 0.9]
        close(
            auc(&[(0.5, 1)], &[(0.7, 1), (0.9, 2)]).expect("non-empty"),
            0.0,
            TOL,
        );
        assert_eq!(auc(&SMALL_X, &SMALL_X), Some(0.5));
        assert_eq!(auc(&[], &SMALL_X), None);
        assert_eq!(auc(&SMALL_X, &[]), None);
    }

    #[test]
    fn ece_matches_numpy_binning() {
        // numpy 2.4.6, rng = default_rng(7): 1000 scores s ~ U(0,1), labels y = U(0,1) < s**1.3,
        // ten equal-width bins; ECE = Σ n_b/N · |mean(s_b) - mean(y_b)| computed on raw data.
        let bins = [
            (103, 5.126581831140753, 5),
            (110, 16.85038030022936, 9),
            (94, 23.391347158432772, 15),
            (99, 34.363958234213314, 28),
            (96, 42.92357813647057, 34),
            (102, 55.94067050828564, 48),
            (99, 64.1167824695372, 62),
            (100, 74.90080984204913, 68),
            (102, 86.44460157812684, 87),
            (95, 90.14754095965797, 88),
        ];
        close(
            expected_calibration_error(&bins).expect("N > 0"),
            0.05131704786188987,
            1e-12,
        );
    }

    #[test]
    fn ece_edge_cases() {
        assert_eq!(expected_calibration_error(&[]), None);
        assert_eq!(expected_calibration_error(&[(0, 0.0, 0)]), None);
        assert_eq!(expected_calibration_error(&[(2, 1.0, 3)]), None);
        assert_eq!(expected_calibration_error(&[(2, f64::NAN, 1)]), None);
        // a single perfectly calibrated bin, plus an empty one
        assert_eq!(
            expected_calibration_error(&[(4, 2.0, 2), (0, 0.0, 0)]),
            Some(0.0)
        );
    }

    #[test]
    fn merge_matches_numpy_unique() {
        // numpy 2.4.6: np.unique(np.r_[[0.1, 0.2, 0.2, 0.5, 0.9], [0.2, 0.3, 0.9, 0.9, 1.5]],
        //   return_counts=True)
        let a = [(0.1, 1), (0.2, 2), (0.5, 1), (0.9, 1)];
        let b = [(0.2, 1), (0.3, 1), (0.9, 2), (1.5, 1)];
        let expected = vec![(0.1, 1), (0.2, 3), (0.3, 1), (0.5, 1), (0.9, 3), (1.5, 1)];
        assert_eq!(merge_counts(&a, &b), expected);
        assert_eq!(merge_counts(&b, &a), expected);
        assert_eq!(merge_counts(&[], &[]), vec![]);
        assert_eq!(merge_counts(&a, &[]), a.to_vec());
        assert_eq!(
            merge_counts(&[(f64::NAN, 3), (1.0, 0)], &[(2.0, 1)]),
            vec![(2.0, 1)]
        );
        let merged = merge_counts(&GROUP, &REFERENCE);
        assert_eq!(prepare(&merged).map(|p| p.1), Some(3175 + 2103));
    }
}
