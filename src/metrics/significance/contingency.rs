//! Tests on contingency tables of counts: Fisher's exact test and Pearson's chi-square.

use statrs::distribution::{ChiSquared, ContinuousCDF};
use statrs::function::factorial::ln_factorial;

use super::TestResult;

/// Relative tolerance used to decide which tables are "as or less probable" than the observed
/// one in [`fisher_exact_2x2`].
const FISHER_REL_TOL: f64 = 1e-7;

/// Two-sided p-value of Fisher's exact test on the 2×2 table `[[a, b], [c, d]]`:
/// `p = Σ_{k : P(k) ≤ P(a)·(1 + 1e-7)} P(k)`, where `P(k)` is the hypergeometric probability
/// of a table with the observed margins and `k` in the top-left cell,
/// `P(k) = C(a+b, k)·C(c+d, a+c-k) / C(n, a+c)`.
///
/// The probabilities are computed relative to the mode with the ratio recurrence
/// `P(k+1)/P(k) = (r1-k)(c1-k) / ((k+1)(r2-c1+k+1))`, walking outward only while terms are
/// non-negligible (about 37 standard deviations of the hypergeometric each way), so it is
/// exact to ~1e-10 relative and cheap for `n` in the tens of millions. Tables whose observed
/// probability is below `e^-650` relative to the mode use log-factorials instead; their
/// p-value is below 1e-280 (and may underflow to 0, as in scipy).
///
/// Ties: scipy ≥ 1.11 uses a relative tolerance of `1e-14`, R's `fisher.test` and older scipy
/// `1e-7`; we use `1e-7`, which is robust to rounding and gives the same result except for
/// probabilities within a relative 1e-7 of the observed one (numerically indistinguishable).
///
/// Degenerate tables: a zero row or column total gives `1.0`, as in scipy.
///
/// Reference: Fisher (1935); `scipy.stats.fisher_exact([[a, b], [c, d]])`.
pub fn fisher_exact_2x2(a: u64, b: u64, c: u64, d: u64) -> f64 {
    let (Some(r1), Some(r2), Some(c1), Some(c2)) = (
        a.checked_add(b),
        c.checked_add(d),
        a.checked_add(c),
        b.checked_add(d),
    ) else {
        return 1.0;
    };
    if r1 == 0 || r2 == 0 || c1 == 0 || c2 == 0 || r1.checked_add(r2).is_none() {
        return 1.0;
    }
    let n = r1 + r2;
    let lo = c1.saturating_sub(r2);
    let hi = r1.min(c1);
    let mode_raw = ((c1 as u128 + 1) * (r1 as u128 + 1) / (n as u128 + 2)) as u64;
    let mode = mode_raw.clamp(lo, hi);
    // P(k+1)/P(k) and P(k-1)/P(k)
    let up = |k: u64| -> f64 {
        ((r1 - k) as f64 * (c1 - k) as f64) / ((k + 1) as f64 * (r2 + k + 1 - c1) as f64)
    };
    let down = |k: u64| -> f64 {
        (k as f64 * (r2 + k - c1) as f64) / ((r1 + 1 - k) as f64 * (c1 + 1 - k) as f64)
    };
    // ln P(k) up to a constant
    let ln_p = |k: u64| -> f64 {
        -(ln_factorial(k) + ln_factorial(r1 - k) + ln_factorial(c1 - k) + ln_factorial(r2 + k - c1))
    };
    let ln_rel_a = ln_p(a) - ln_p(mode);

    // Sum of the terms from `start` (relative weight `t0`) walking away from the mode, until
    // they fall below `floor`, also summing those <= tau.
    let walk = |start: u64, t0: f64, upward: bool, floor: f64, tau: f64| -> (f64, f64) {
        let (mut total, mut small) = (0.0, 0.0);
        let mut t = t0;
        let mut k = start;
        loop {
            total += t;
            if t <= tau {
                small += t;
            }
            if t < floor || (upward && k >= hi) || (!upward && k <= lo) {
                break;
            }
            if upward {
                t *= up(k);
                k += 1;
            } else {
                t *= down(k);
                k -= 1;
            }
        }
        (total, small)
    };
    // Both sides of the mode: (every term, the terms <= tau).
    let around_mode = |floor: f64, tau: f64| -> (f64, f64) {
        let (up_total, up_small) = walk(mode, 1.0, true, floor, tau);
        let (down_total, down_small) = if mode > lo {
            walk(mode - 1, down(mode), false, floor, tau)
        } else {
            (0.0, 0.0)
        };
        (up_total + down_total, up_small + down_small)
    };

    let p = if ln_rel_a > -650.0 {
        // relative probability of the observed table, by the same recurrence as the sums
        let mut t_a = 1.0;
        let mut k = mode;
        while k < a {
            t_a *= up(k);
            k += 1;
        }
        while k > a {
            t_a *= down(k);
            k -= 1;
        }
        let tau = t_a * (1.0 + FISHER_REL_TOL);
        let (total, small) = around_mode(tau * 1e-20, tau);
        small / total
    } else {
        // Far tail: observed probability < e^-650 of the mode's.
        let (total, _) = around_mode(1e-20, 0.0);
        let a_upward = a > mode;
        let (tail_a, _) = walk(a, 1.0, a_upward, 1e-20, 0.0);
        let mass_a = (ln_rel_a).exp() * tail_a;
        // first k on the other side of the mode with P(k) <= P(a)(1 + tol)
        let limit = ln_rel_a + FISHER_REL_TOL.ln_1p();
        // ln P decreases as k goes from the mode to the end of that side (lo or hi).
        let end = if a_upward { lo } else { hi };
        let other = if ln_p(end) - ln_p(mode) > limit {
            None
        } else {
            // Bisection keeping P(inside) > limit >= P(outside).
            let (mut inside, mut outside) = (mode, end);
            while inside.abs_diff(outside) > 1 {
                let mid = inside.min(outside) + inside.abs_diff(outside) / 2;
                if ln_p(mid) - ln_p(mode) > limit {
                    inside = mid;
                } else {
                    outside = mid;
                }
            }
            Some(outside)
        };
        let mass_other = match other {
            Some(k) => {
                let (tail, _) = walk(k, 1.0, !a_upward, 1e-20, 0.0);
                (ln_p(k) - ln_p(mode)).exp() * tail
            }
            None => 0.0,
        };
        (mass_a + mass_other) / total
    };
    if p.is_finite() {
        p.clamp(0.0, 1.0)
    } else {
        1.0
    }
}

/// Pearson's chi-square test of independence on the 2×2 table `[[a, b], [c, d]]`:
/// `X² = Σ (|O - E| - δ)² / E` with `E = row·col / n`, `df = 1`, `p = P(χ²₁ > X²)`.
///
/// With `yates == true` the continuity correction is `δ = min(0.5, |O - E|)` (scipy's form,
/// which never overshoots past `E`); with `yates == false`, `δ = 0`.
///
/// Returns `None` when a row or column total is zero (some expected count is 0, `0/0`).
///
/// Reference: Pearson (1900); Yates (1934);
/// `scipy.stats.chi2_contingency([[a, b], [c, d]], correction=yates)`.
pub fn chi_square_2x2(a: u64, b: u64, c: u64, d: u64, yates: bool) -> Option<TestResult> {
    let table = [[a, b], [c, d]];
    let r = [a.checked_add(b)?, c.checked_add(d)?];
    let k = [a.checked_add(c)?, b.checked_add(d)?];
    if r.contains(&0) || k.contains(&0) {
        return None;
    }
    let n = r[0] as f64 + r[1] as f64;
    let mut stat = 0.0;
    for i in 0..2 {
        for j in 0..2 {
            let e = r[i] as f64 * k[j] as f64 / n;
            let diff = (table[i][j] as f64 - e).abs();
            let corrected = if yates { diff - diff.min(0.5) } else { diff };
            stat += corrected * corrected / e;
        }
    }
    chi_square_result(stat, 1.0)
}

fn chi_square_result(stat: f64, df: f64) -> Option<TestResult> {
    if !stat.is_finite() || stat < 0.0 {
        return None;
    }
    let dist = ChiSquared::new(df).ok()?;
    let p = dist.sf(stat);
    p.is_finite().then_some(TestResult {
        statistic: stat,
        p_value: p.clamp(0.0, 1.0),
        df: Some(df),
    })
}

/// Pearson's chi-square test of independence on an r×c table of counts (no continuity
/// correction): `X² = Σᵢⱼ (Oᵢⱼ - Eᵢⱼ)² / Eᵢⱼ`, `Eᵢⱼ = rowᵢ·colⱼ / n`,
/// `df = (r - 1)(c - 1)`, `p = P(χ²_df > X²)`.
///
/// Rows and columns whose total is zero are dropped first. Returns `None` when fewer than 2
/// rows or 2 columns remain (nothing to compare), or when the rows have different lengths.
///
/// Reference: Pearson (1900); `scipy.stats.chi2_contingency(table, correction=False)` on the
/// table without its empty rows and columns.
pub fn chi_square_rxc(table: &[Vec<u64>]) -> Option<TestResult> {
    let width = table.first()?.len();
    if table.iter().any(|row| row.len() != width) {
        return None;
    }
    let row_tot: Vec<f64> = table
        .iter()
        .map(|row| row.iter().map(|&x| x as f64).sum())
        .collect();
    let col_tot: Vec<f64> = (0..width)
        .map(|j| table.iter().map(|row| row[j] as f64).sum())
        .collect();
    let rows: Vec<usize> = (0..table.len()).filter(|&i| row_tot[i] > 0.0).collect();
    let cols: Vec<usize> = (0..width).filter(|&j| col_tot[j] > 0.0).collect();
    if rows.len() < 2 || cols.len() < 2 {
        return None;
    }
    let n: f64 = rows.iter().map(|&i| row_tot[i]).sum();
    let mut stat = 0.0;
    for &i in &rows {
        for &j in &cols {
            let e = row_tot[i] * col_tot[j] / n;
            let diff = table[i][j] as f64 - e;
            stat += diff * diff / e;
        }
    }
    let df = ((rows.len() - 1) * (cols.len() - 1)) as f64;
    chi_square_result(stat, df)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::{close, rel};

    /// Relative tolerance for p-values and other iterative results.
    const P_TOL: f64 = 1e-6;

    #[test]
    fn fisher_compas_and_small_tables() {
        // scipy 1.17.1: fisher_exact([[805, 990], [349, 1139]]).pvalue
        rel(
            fisher_exact_2x2(805, 990, 349, 1139),
            5.067846700058524e-38,
            P_TOL,
        );
        // scipy 1.17.1: fisher_exact([[3, 1], [1, 3]]).pvalue
        rel(fisher_exact_2x2(3, 1, 1, 3), 0.48571428571428565, P_TOL);
        // scipy 1.17.1: fisher_exact([[1, 9], [11, 3]]).pvalue
        rel(fisher_exact_2x2(1, 9, 11, 3), 0.0027594561852200836, P_TOL);
        // scipy 1.17.1: fisher_exact([[30, 970], [60, 940]]).pvalue
        rel(
            fisher_exact_2x2(30, 970, 60, 940),
            0.0016206190187386925,
            P_TOL,
        );
    }

    #[test]
    fn fisher_zero_cells_and_empty_margins() {
        // scipy 1.17.1: fisher_exact([[0, 5], [5, 0]]).pvalue
        rel(fisher_exact_2x2(0, 5, 5, 0), 0.007936507936507938, P_TOL);
        // scipy 1.17.1: fisher_exact([[0, 0], [3, 4]]).pvalue = 1.0 (empty row)
        assert_eq!(fisher_exact_2x2(0, 0, 3, 4), 1.0);
        assert_eq!(fisher_exact_2x2(0, 3, 0, 4), 1.0);
        assert_eq!(fisher_exact_2x2(0, 0, 0, 0), 1.0);
        // scipy 1.17.1: fisher_exact([[2, 2], [2, 3]]).pvalue = 1.0 (observed table is the mode)
        assert_eq!(fisher_exact_2x2(2, 2, 2, 3), 1.0);
        // scipy 1.17.1: fisher_exact([[50, 50], [50, 50]]).pvalue = 1.0
        assert_eq!(fisher_exact_2x2(50, 50, 50, 50), 1.0);
    }

    #[test]
    fn fisher_large_tables() {
        // scipy 1.17.1: fisher_exact([[5000, 5000], [5000, 5000]]).pvalue
        rel(fisher_exact_2x2(5000, 5000, 5000, 5000), 1.0, P_TOL);
        // scipy 1.17.1: fisher_exact([[1, 100000], [10, 100000]]).pvalue
        rel(
            fisher_exact_2x2(1, 100_000, 10, 100_000),
            0.011716602636671802,
            P_TOL,
        );
        // scipy 1.17.1: fisher_exact([[0, 2000000], [40, 2000000]]).pvalue
        rel(
            fisher_exact_2x2(0, 2_000_000, 40, 2_000_000),
            1.8186348773016093e-12,
            P_TOL,
        );
        // scipy 1.17.1: fisher_exact([[2500000, 2500000], [2497000, 2503000]]).pvalue
        rel(
            fisher_exact_2x2(2_500_000, 2_500_000, 2_497_000, 2_503_000),
            0.057862984899433645,
            P_TOL,
        );
        // scipy 1.17.1: fisher_exact([[9000000, 1000000], [8990000, 1010000]]).pvalue
        rel(
            fisher_exact_2x2(9_000_000, 1_000_000, 8_990_000, 1_010_000),
            1.0351978069247323e-13,
            P_TOL,
        );
    }

    #[test]
    fn fisher_far_tail() {
        // scipy 1.17.1: fisher_exact([[500, 0], [0, 500]]).pvalue
        rel(
            fisher_exact_2x2(500, 0, 0, 500),
            7.399507995628049e-300,
            P_TOL,
        );
        // scipy 1.17.1: fisher_exact([[2500000, 2500000], [2400000, 2600000]]).pvalue = 0.0
        let p = fisher_exact_2x2(2_500_000, 2_500_000, 2_400_000, 2_600_000);
        assert!((0.0..1e-300).contains(&p), "p = {p:e}");
    }

    #[test]
    fn chi_square_2x2_matches_scipy() {
        // scipy 1.17.1: chi2_contingency(table, correction=False / True) -> (statistic, pvalue)
        type ChiSquareCase = ((u64, u64, u64, u64), bool, f64, f64);
        let cases: [ChiSquareCase; 8] = [
            (
                (805, 990, 349, 1139),
                false,
                163.33516611208373,
                2.1134897389137696e-37,
            ),
            (
                (805, 990, 349, 1139),
                true,
                162.39804123359457,
                3.3863261846783632e-37,
            ),
            ((3, 1, 1, 3), false, 2.0, 0.15729920705028105),
            ((3, 1, 1, 3), true, 0.5, 0.47950012218695337),
            ((2, 2, 2, 3), false, 0.09000000000000008, 0.7641771556220945),
            ((2, 2, 2, 3), true, 0.0, 1.0),
            (
                (10, 20, 30, 15),
                false,
                8.035714285714285,
                0.0045863920802535025,
            ),
            (
                (10, 20, 30, 15),
                true,
                6.752232142857143,
                0.00936304763753395,
            ),
        ];
        for ((a, b, c, d), yates, stat, p) in cases {
            let r = chi_square_2x2(a, b, c, d, yates).expect("non-degenerate");
            close(r.statistic, stat, 1e-9);
            rel(r.p_value, p, P_TOL);
            assert_eq!(r.df, Some(1.0));
        }
    }

    #[test]
    fn chi_square_2x2_degenerate() {
        assert_eq!(chi_square_2x2(0, 0, 3, 4, false), None);
        assert_eq!(chi_square_2x2(3, 0, 4, 0, true), None);
        assert_eq!(chi_square_2x2(0, 0, 0, 0, true), None);
    }

    #[test]
    fn chi_square_rxc_matches_scipy() {
        // scipy 1.17.1: chi2_contingency([[805, 990], [349, 1139], [120, 210]], correction=False)
        let t = vec![vec![805, 990], vec![349, 1139], vec![120, 210]];
        let r = chi_square_rxc(&t).expect("3x2");
        close(r.statistic, 163.29387415925444, 1e-9);
        rel(r.p_value, 3.476848458718869e-36, P_TOL);
        assert_eq!(r.df, Some(2.0));
        // scipy 1.17.1: chi2_contingency([[10, 20, 30], [15, 15, 40], [20, 5, 10]],
        //   correction=False)
        let t = vec![vec![10, 20, 30], vec![15, 15, 40], vec![20, 5, 10]];
        let r = chi_square_rxc(&t).expect("3x3");
        close(r.statistic, 22.48015873015873, 1e-9);
        rel(r.p_value, 0.0001607976840590307, P_TOL);
        assert_eq!(r.df, Some(4.0));
        // scipy 1.17.1: chi2_contingency([[200, 300, 150], [180, 350, 170]], correction=False)
        // (the empty third column and the empty row are dropped first)
        let t = vec![
            vec![200, 300, 0, 150],
            vec![0, 0, 0, 0],
            vec![180, 350, 0, 170],
        ];
        let r = chi_square_rxc(&t).expect("2x3 after dropping");
        close(r.statistic, 4.302835954531304, 1e-9);
        rel(r.p_value, 0.11631910293562511, P_TOL);
        assert_eq!(r.df, Some(2.0));
        // a 2x2 table gives the uncorrected 2x2 test
        let r = chi_square_rxc(&[vec![805, 990], vec![349, 1139]]).expect("2x2");
        close(r.statistic, 163.33516611208373, 1e-9);
    }

    #[test]
    fn chi_square_rxc_degenerate() {
        assert_eq!(chi_square_rxc(&[]), None);
        assert_eq!(chi_square_rxc(&[vec![1, 2, 3]]), None);
        assert_eq!(chi_square_rxc(&[vec![1, 0], vec![3, 0]]), None);
        assert_eq!(chi_square_rxc(&[vec![1, 2], vec![3]]), None);
        assert_eq!(chi_square_rxc(&[vec![0, 0], vec![0, 0]]), None);
    }
}
