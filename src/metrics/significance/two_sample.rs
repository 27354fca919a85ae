//! Two-sample tests on score distributions (value-count tables): Mann-Whitney and
//! Kolmogorov-Smirnov.

use super::{TestResult, kolmogorov, norm_sf};
use crate::metrics::distributions::{merged_steps, prepare_two};

/// Mann–Whitney U test of two score distributions (value-count tables), two-sided, normal
/// approximation with tie and continuity corrections:
/// `U₁ = #{(x, y) : x > y} + ½·#{x = y}` (the statistic returned),
/// `U = max(U₁, n₁n₂ - U₁)`, `σ = √(n₁n₂/12 · ((n + 1) - Σ(t³ - t)/(n(n - 1))))`,
/// `z = (U - n₁n₂/2 - 0.5) / σ`, `p = min(1, 2·P(Z > z))`.
///
/// Returns `None` when either sample is empty or a table holds a non-finite value. When every
/// observation has the same value, `σ = 0` and the numerator is `-0.5`, so (as in scipy)
/// `z = -∞` and `p = 1`.
///
/// Reference: Mann & Whitney (1947);
/// `scipy.stats.mannwhitneyu(x, y, method="asymptotic", use_continuity=True)`.
pub fn mann_whitney(x: &[(f64, u64)], y: &[(f64, u64)]) -> Option<TestResult> {
    let ((x, n1), (y, n2)) = prepare_two(x, y)?;
    let mut twice_u1: u128 = 0;
    let mut y_below: u128 = 0;
    let mut tie_term = 0.0;
    for s in merged_steps(&x, &y) {
        twice_u1 += s.count_x as u128 * (2 * y_below + s.count_y as u128);
        y_below += s.count_y as u128;
        let t = s.count_x as f64 + s.count_y as f64;
        tie_term += t * t * t - t;
    }
    let (f1, f2) = (n1 as f64, n2 as f64);
    let n = f1 + f2;
    let u1 = twice_u1 as f64 / 2.0;
    let u2 = f1 * f2 - u1;
    let u = u1.max(u2);
    let var = f1 * f2 / 12.0 * ((n + 1.0) - tie_term / (n * (n - 1.0)));
    if !var.is_finite() {
        return None;
    }
    let p = if var <= 0.0 {
        // Every observation is tied: U₁ = U₂ = n₁n₂/2, the numerator is -0.5 and scipy's
        // z = -0.5/0 = -∞ gives p = 1.
        1.0
    } else {
        let z = (u - f1 * f2 / 2.0 - 0.5) / var.sqrt();
        (2.0 * norm_sf(z)).clamp(0.0, 1.0)
    };
    (u1.is_finite() && p.is_finite()).then_some(TestResult {
        statistic: u1,
        p_value: p,
        df: None,
    })
}

/// Two-sample Kolmogorov–Smirnov test of two score distributions (value-count tables),
/// two-sided, asymptotic: `D = maxₜ |F_x(t) - F_y(t)|` and
/// `p = P(Dₖ ≥ D)` for the one-sample two-sided Kolmogorov statistic `Dₖ` with
/// `k = round_half_even(m·n / (m + n))`, exactly as scipy's `kstwo.sf(D, k)` computes it
/// (Simard & L'Ecuyer 2011: Ruben–Gambino closed forms at the extremes, the Durbin matrix
/// (Marsaglia–Tsang–Wang) and Pomeranz recursions for small `k`, Pelz–Good's expansion for
/// large `k`, and twice the one-sided Smirnov tail (Birnbaum–Tingey sum) where that is exact
/// to double precision).
///
/// Returns `None` when either sample is empty or a table holds a non-finite value, and when both samples
/// have a single observation (`k = round(0.5) = 0`, where scipy returns NaN).
///
/// Reference: `scipy.stats.ks_2samp(x, y, method="asymp")`.
pub fn ks_two_sample(x: &[(f64, u64)], y: &[(f64, u64)]) -> Option<TestResult> {
    let ((x, n1), (y, n2)) = prepare_two(x, y)?;
    let (mut cx, mut cy) = (0u64, 0u64);
    let mut d_max: f64 = 0.0;
    for s in merged_steps(&x, &y) {
        cx += s.count_x;
        cy += s.count_y;
        let diff = (cx as f64 / n1 as f64 - cy as f64 / n2 as f64).abs();
        d_max = d_max.max(diff);
    }
    let (m, n) = (n1 as f64, n2 as f64);
    let en = (m * n / (m + n)).round_ties_even();
    if en.is_nan() || en < 1.0 || en > u64::MAX as f64 {
        return None;
    }
    let p = kolmogorov::kolmogn_sf(en as u64, d_max);
    p.is_finite().then_some(TestResult {
        statistic: d_max,
        p_value: p.clamp(0.0, 1.0),
        df: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::{GROUP, REFERENCE, SMALL_X, SMALL_Y, close, rel};

    /// Relative tolerance for p-values and other iterative results.
    const P_TOL: f64 = 1e-6;

    #[test]
    fn mann_whitney_matches_scipy() {
        // scipy 1.17.1: mannwhitneyu(expanded GROUP, expanded REFERENCE, method="asymptotic",
        //   use_continuity=True)
        let r = mann_whitney(&GROUP, &REFERENCE).expect("non-empty");
        close(r.statistic, 4459217.0, 1e-6);
        rel(r.p_value, 2.623830768072284e-96, P_TOL);
        assert_eq!(r.df, None);
        // scipy 1.17.1: mannwhitneyu([1, 2, 2, 3, 5], [2, 3, 4, 4, 6, 7], method="asymptotic")
        let r = mann_whitney(&SMALL_X, &SMALL_Y).expect("non-empty");
        close(r.statistic, 6.5, 1e-12);
        rel(r.p_value, 0.13862587987892763, P_TOL);
        // scipy 1.17.1: mannwhitneyu([0.5], [0.7, 0.9, 0.9], method="asymptotic")
        let r = mann_whitney(&[(0.5, 1)], &[(0.7, 1), (0.9, 2)]).expect("non-empty");
        close(r.statistic, 0.0, 1e-12);
        rel(r.p_value, 0.3457785861511603, P_TOL);
    }

    #[test]
    fn mann_whitney_edge_cases() {
        // scipy 1.17.1: mannwhitneyu([1, 1, 1], [1, 1], method="asymptotic") -> (3.0, 1.0)
        let r = mann_whitney(&[(1.0, 3)], &[(1.0, 2)]).expect("all tied");
        assert_eq!((r.statistic, r.p_value), (3.0, 1.0));
        assert_eq!(mann_whitney(&[], &SMALL_Y), None);
        assert_eq!(mann_whitney(&SMALL_X, &[(1.0, 0)]), None);
        // out-of-order input with a repeated value is sorted and merged first
        let shuffled = [(5.0, 1), (2.0, 1), (1.0, 1), (3.0, 1), (2.0, 1)];
        assert_eq!(
            mann_whitney(&shuffled, &SMALL_Y),
            mann_whitney(&SMALL_X, &SMALL_Y)
        );
        assert_eq!(
            ks_two_sample(&shuffled, &SMALL_Y),
            ks_two_sample(&SMALL_X, &SMALL_Y)
        );
        assert_eq!(mann_whitney(&[(f64::INFINITY, 1)], &SMALL_Y), None);
    }

    #[test]
    fn ks_matches_scipy() {
        // scipy 1.17.1: ks_2samp(expanded GROUP, expanded REFERENCE, method="asymp")
        let r = ks_two_sample(&GROUP, &REFERENCE).expect("non-empty");
        close(r.statistic, 0.24510721466521396, 1e-12);
        rel(r.p_value, 2.0838100525485088e-67, P_TOL);
        // scipy 1.17.1: ks_2samp([1, 2, 2, 3, 5], [2, 3, 4, 4, 6, 7], method="asymp")
        let r = ks_two_sample(&SMALL_X, &SMALL_Y).expect("non-empty");
        close(r.statistic, 0.46666666666666673, 1e-12);
        rel(r.p_value, 0.4151111111111111, P_TOL);
        // scipy 1.17.1: ks_2samp([0.5], [0.7, 0.9, 0.9], method="asymp") -> (1.0, 0.0)
        let r = ks_two_sample(&[(0.5, 1)], &[(0.7, 1), (0.9, 2)]).expect("non-empty");
        assert_eq!((r.statistic, r.p_value), (1.0, 0.0));
    }

    #[test]
    fn ks_edge_cases() {
        // scipy 1.17.1: ks_2samp([1], [2], method="asymp").pvalue is nan (round(0.5) = 0)
        assert_eq!(ks_two_sample(&[(1.0, 1)], &[(2.0, 1)]), None);
        assert_eq!(ks_two_sample(&[], &SMALL_Y), None);
        assert_eq!(ks_two_sample(&SMALL_X, &[(f64::NAN, 1)]), None);
        let r = ks_two_sample(&SMALL_X, &SMALL_X).expect("non-empty");
        assert_eq!((r.statistic, r.p_value), (0.0, 1.0));
    }
}
