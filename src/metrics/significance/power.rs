//! Power: the smallest ratio a two-proportion test can detect.

use super::norm_sf;
use crate::metrics::intervals::z_for;

/// Power of the two-sided two-proportion z-test (pooled null variance), both tails:
/// `Φ((Δ - z·s₀)/s₁) + Φ((-Δ - z·s₀)/s₁)`.
fn two_proportion_power(p1: f64, n1: f64, p0: f64, n0: f64, z: f64) -> f64 {
    let delta = p0 - p1;
    let pbar = (n1 * p1 + n0 * p0) / (n1 + n0);
    let s0 = (pbar * (1.0 - pbar) * (1.0 / n1 + 1.0 / n0))
        .max(0.0)
        .sqrt();
    let s1 = (p1 * (1.0 - p1) / n1 + p0 * (1.0 - p0) / n0)
        .max(0.0)
        .sqrt();
    if s1 <= 0.0 {
        // deterministic outcomes: the test rejects iff |Δ| > z·s₀
        return if delta.abs() > z * s0 { 1.0 } else { 0.0 };
    }
    norm_sf(-(delta - z * s0) / s1) + norm_sf(-(-delta - z * s0) / s1)
}

/// Minimum detectable ratio: the ratio `r = p_group / p_ref < 1` at which a two-sided
/// two-proportion z-test of size `alpha` (pooled variance under the null) reaches the
/// requested `power`; every smaller ratio is detected with at least that power.
///
/// Power at `p₁ = r·p_ref` (normal approximation, both rejection tails):
/// `power(p₁) = Φ((Δ - z·s₀)/s₁) + Φ((-Δ - z·s₀)/s₁)`, with `Δ = p_ref - p₁`,
/// `z = Φ⁻¹(1 - alpha/2)`, `p̄ = (n_group·p₁ + n_ref·p_ref)/(n_group + n_ref)`,
/// `s₀ = √(p̄(1-p̄)(1/n_group + 1/n_ref))`, `s₁ = √(p₁(1-p₁)/n_group + p_ref(1-p_ref)/n_ref)`.
/// The root of `power(p₁) = power` in `(0, p_ref)` is found by bisection (to ~1e-15·p_ref)
/// and divided by `p_ref`.
///
/// Returns `None` when a group is empty, `p_ref` is not in `(0, 1]`, `alpha` is not in
/// `(0, 1)`, `power` is not in `(alpha, 1)`, or when even `p_group = 0` is not detected with
/// that power (the group is too small): then no ratio is detectable.
///
/// Reference: Fleiss, Levin & Paik (2003), *Statistical Methods for Rates and Proportions*,
/// 3rd ed., §4.2 (power of the two-sample test of proportions).
pub fn min_detectable_ratio(
    n_group: u64,
    n_ref: u64,
    p_ref: f64,
    alpha: f64,
    power: f64,
) -> Option<f64> {
    if n_group == 0 || n_ref == 0 {
        return None;
    }
    if !p_ref.is_finite() || p_ref <= 0.0 || p_ref > 1.0 {
        return None;
    }
    if !alpha.is_finite() || alpha <= 0.0 || alpha >= 1.0 {
        return None;
    }
    if !power.is_finite() || power <= alpha || power >= 1.0 {
        return None;
    }
    let z = z_for(1.0 - alpha)?;
    let (n1, n0) = (n_group as f64, n_ref as f64);
    let pw = |p1: f64| two_proportion_power(p1, n1, p_ref, n0, z);
    if pw(0.0) < power {
        return None;
    }
    let (mut lo, mut hi) = (0.0_f64, p_ref); // pw(lo) >= power > pw(hi)
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if pw(mid) >= power {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let r = 0.5 * (lo + hi) / p_ref;
    r.is_finite().then_some(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::rel;

    #[test]
    fn min_detectable_ratio_matches_root_finding() {
        // scipy 1.17.1: optimize.brentq on the same power formula (norm.cdf, norm.isf),
        // xtol = rtol = 1e-15: root p1 / p_ref
        let cases: [(u64, u64, f64, f64, f64, f64); 4] = [
            (500, 5000, 0.3, 0.05, 0.8, 0.8036399085045391),
            (1795, 1488, 0.2345, 0.05, 0.8, 0.8283894606834953),
            (60, 3000, 0.5, 0.01, 0.9, 0.5173865680412547),
            (20, 20, 1.0, 0.05, 0.8, 0.6878615583235156),
        ];
        for (n1, n0, p0, alpha, power, expected) in cases {
            let r = min_detectable_ratio(n1, n0, p0, alpha, power).expect("detectable");
            rel(r, expected, 1e-9);
        }
    }

    #[test]
    fn min_detectable_ratio_undetectable_and_invalid() {
        // scipy 1.17.1: the power at p_group = 0 with n_group = 5, n_ref = 1000, p_ref = 0.1,
        // alpha = 0.05 is 1.7e-66 < 0.8: nothing is detectable
        assert_eq!(min_detectable_ratio(5, 1000, 0.1, 0.05, 0.8), None);
        assert_eq!(min_detectable_ratio(0, 1000, 0.1, 0.05, 0.8), None);
        assert_eq!(min_detectable_ratio(100, 0, 0.1, 0.05, 0.8), None);
        assert_eq!(min_detectable_ratio(100, 100, 0.0, 0.05, 0.8), None);
        assert_eq!(min_detectable_ratio(100, 100, 1.5, 0.05, 0.8), None);
        assert_eq!(min_detectable_ratio(100, 100, 0.3, 0.05, 0.04), None);
        assert_eq!(min_detectable_ratio(100, 100, 0.3, f64::NAN, 0.8), None);
    }
}
