//! Confidence intervals for proportions, their differences and their ratios.
//!
//! Every function returns `None` instead of a NaN: empty groups (`n == 0`), counts larger
//! than their totals, and confidence levels outside the open interval `(0, 1)` are all
//! rejected up front.

use statrs::function::erf::erfc_inv;

/// A closed confidence interval `[low, high]`.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Interval {
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// Two-sided standard-normal critical value for a confidence level:
/// `z = Φ⁻¹(1 - (1 - confidence) / 2) = √2 · erfc⁻¹(1 - confidence)`.
///
/// For example `z_for(0.95) = 1.959963984540054`.
///
/// Returns `None` when `confidence` is not finite or not strictly between 0 and 1
/// (a 0% or 100% interval has no finite critical value).
///
/// Reference: `scipy.stats.norm.ppf(1 - (1 - confidence) / 2)`.
pub fn z_for(confidence: f64) -> Option<f64> {
    if !confidence.is_finite() || confidence <= 0.0 || confidence >= 1.0 {
        return None;
    }
    let z = std::f64::consts::SQRT_2 * erfc_inv(1.0 - confidence);
    z.is_finite().then_some(z)
}

/// Wilson score interval for a binomial proportion `p = successes / n`:
/// `(x + z²/2) / (n + z²)  ±  z / (n + z²) · √(x (n - x) / n + z²/4)`.
///
/// The bounds are clamped to `[0, 1]` against rounding. When `successes == 0` the lower bound
/// is exactly 0, and when `successes == n` the upper bound is exactly 1.
///
/// Returns `None` when `n == 0` (no data: `0/0`), when `successes > n`, or when the
/// confidence level is invalid (see [`z_for`]).
///
/// Reference: Wilson (1927), JASA 22:209–212;
/// `statsmodels.stats.proportion.proportion_confint(x, n, method="wilson")`.
pub fn wilson(successes: u64, n: u64, confidence: f64) -> Option<Interval> {
    if n == 0 || successes > n {
        return None;
    }
    let z = z_for(confidence)?;
    let x = successes as f64;
    let nf = n as f64;
    let z2 = z * z;
    let denom = nf + z2;
    let center = (x + z2 / 2.0) / denom;
    let half = z / denom * (x * (nf - x) / nf + z2 / 4.0).sqrt();
    let mut low = (center - half).clamp(0.0, 1.0);
    let mut high = (center + half).clamp(0.0, 1.0);
    if successes == 0 {
        low = 0.0;
    }
    if successes == n {
        high = 1.0;
    }
    (low.is_finite() && high.is_finite()).then_some(Interval { low, high })
}

/// Confidence interval for the difference of two proportions `p1 - p2`
/// (`p1 = x1/n1`, `p2 = x2/n2`) by Newcombe's hybrid score method (method 10),
/// built from the two Wilson intervals `[l1, u1]` and `[l2, u2]`:
/// `low = (p1 - p2) - √((p1 - l1)² + (u2 - p2)²)`,
/// `high = (p1 - p2) + √((u1 - p1)² + (p2 - l2)²)`.
///
/// Zero cells need no special rule: Wilson intervals are defined for `x = 0` and `x = n`.
/// Returns `None` when either `n` is 0, when a count exceeds its total, or when the
/// confidence level is invalid.
///
/// Reference: Newcombe (1998), Statistics in Medicine 17:873–890, method 10;
/// `statsmodels.stats.proportion.confint_proportions_2indep(method="newcomb")`.
pub fn newcombe_diff(x1: u64, n1: u64, x2: u64, n2: u64, confidence: f64) -> Option<Interval> {
    let w1 = wilson(x1, n1, confidence)?;
    let w2 = wilson(x2, n2, confidence)?;
    let p1 = x1 as f64 / n1 as f64;
    let p2 = x2 as f64 / n2 as f64;
    let d = p1 - p2;
    let low = d - ((p1 - w1.low).powi(2) + (w2.high - p2).powi(2)).sqrt();
    let high = d + ((w1.high - p1).powi(2) + (p2 - w2.low).powi(2)).sqrt();
    (low.is_finite() && high.is_finite()).then_some(Interval { low, high })
}

/// Confidence interval for the risk ratio `p1 / p2` by Katz's log method:
/// `exp(ln(p1/p2) ± z · √(1/x1 - 1/n1 + 1/x2 - 1/n2))`.
///
/// Zero-cell rule: when `x1 == 0` or `x2 == 0` the log ratio or its variance is infinite, so
/// 0.5 is added to both counts and both totals (`x + 0.5`, `n + 0.5`, the Haldane–Anscombe
/// style correction of statsmodels' `method="log-adjusted"`), and the interval is computed on
/// the corrected counts. Without a zero count no correction is applied (`method="log"`).
/// With the correction every case with `n1 > 0` and `n2 > 0` has a finite answer, including
/// `p2 == 0` and `x1 == x2 == 0`. When both proportions are 1 the variance is 0 and the
/// interval is the single point `[1, 1]`.
///
/// Returns `None` when `n1 == 0` or `n2 == 0` (an empty group), when a count exceeds its
/// total, or when the confidence level is invalid.
///
/// Reference: Katz, Baptista, Azen & Pike (1978), Biometrics 34:469–474;
/// `statsmodels.stats.proportion.confint_proportions_2indep(compare="ratio",
/// method="log")` (no zero count) and `method="log-adjusted"` (a zero count).
pub fn katz_ratio(x1: u64, n1: u64, x2: u64, n2: u64, confidence: f64) -> Option<Interval> {
    if n1 == 0 || n2 == 0 || x1 > n1 || x2 > n2 {
        return None;
    }
    let z = z_for(confidence)?;
    let add = if x1 == 0 || x2 == 0 { 0.5 } else { 0.0 };
    let (a, m1) = (x1 as f64 + add, n1 as f64 + add);
    let (b, m2) = (x2 as f64 + add, n2 as f64 + add);
    let log_ratio = (a / m1).ln() - (b / m2).ln();
    let var = (1.0 / a - 1.0 / m1 + 1.0 / b - 1.0 / m2).max(0.0);
    let half = z * var.sqrt();
    let low = (log_ratio - half).exp();
    let high = (log_ratio + half).exp();
    (low.is_finite() && high.is_finite()).then_some(Interval { low, high })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::close;

    fn close_iv(actual: Option<Interval>, low: f64, high: f64, tol: f64) {
        let iv = actual.expect("interval expected");
        close(iv.low, low, tol);
        close(iv.high, high, tol);
    }

    // Closed forms: absolute tolerance 1e-12 against statsmodels/scipy.
    const TOL: f64 = 1e-12;

    #[test]
    fn z_for_matches_normal_quantile() {
        // scipy 1.17.1: norm.ppf(0.975), norm.ppf(0.995), norm.ppf(0.9)
        close(z_for(0.95).expect("valid"), 1.959963984540054, TOL);
        close(z_for(0.99).expect("valid"), 2.5758293035489004, TOL);
        close(z_for(0.8).expect("valid"), 1.2815515655446004, TOL);
    }

    #[test]
    fn z_for_rejects_invalid_levels() {
        for c in [0.0, 1.0, -0.5, 1.5, f64::NAN, f64::INFINITY] {
            assert_eq!(z_for(c), None, "confidence {c}");
        }
    }

    #[test]
    fn wilson_compas_false_positive_rates() {
        // statsmodels 0.15.0: proportion_confint(805, 1795, alpha=0.05, method="wilson")
        close_iv(
            wilson(805, 1795, 0.95),
            0.42559496162893107,
            0.4715610667176223,
            TOL,
        );
        // statsmodels 0.15.0: proportion_confint(349, 1488, alpha=0.05, method="wilson")
        close_iv(
            wilson(349, 1488, 0.95),
            0.2137147068222816,
            0.25673840645659335,
            TOL,
        );
        // statsmodels 0.15.0: proportion_confint(805, 1795, alpha=0.01, method="wilson")
        close_iv(
            wilson(805, 1795, 0.99),
            0.4184760677414193,
            0.47883942034719273,
            TOL,
        );
    }

    #[test]
    fn wilson_small_and_boundary_counts() {
        // statsmodels 0.15.0: proportion_confint(3, 4, method="wilson")
        close_iv(
            wilson(3, 4, 0.95),
            0.30064184258240184,
            0.9544127391902995,
            TOL,
        );
        // statsmodels 0.15.0: proportion_confint(0, 10, method="wilson")
        close_iv(wilson(0, 10, 0.95), 0.0, 0.27753279986288926, TOL);
        // statsmodels 0.15.0: proportion_confint(10, 10, method="wilson")
        close_iv(wilson(10, 10, 0.95), 0.7224672001371106, 1.0, TOL);
        // statsmodels 0.15.0: proportion_confint(1, 1, method="wilson")
        close_iv(wilson(1, 1, 0.95), 0.2065493143772374, 1.0, TOL);
        let iv = wilson(0, 10, 0.95).expect("defined");
        assert_eq!(iv.low, 0.0);
        let iv = wilson(10, 10, 0.95).expect("defined");
        assert_eq!(iv.high, 1.0);
    }

    #[test]
    fn wilson_empty_and_invalid() {
        assert_eq!(wilson(0, 0, 0.95), None);
        assert_eq!(wilson(5, 4, 0.95), None);
        assert_eq!(wilson(1, 4, 1.0), None);
        assert_eq!(wilson(1, 4, f64::NAN), None);
    }

    #[test]
    fn newcombe_compas() {
        // statsmodels 0.15.0: confint_proportions_2indep(805, 1795, 349, 1488,
        //   method="newcomb", compare="diff")
        close_iv(
            newcombe_diff(805, 1795, 349, 1488, 0.95),
            0.18205318232698947,
            0.24502334032690656,
            TOL,
        );
    }

    #[test]
    fn newcombe_1998_table_ii_method_10() {
        // Newcombe (1998) Table II, method 10, published to 4 decimals; the full-precision
        // values are statsmodels 0.15.0 confint_proportions_2indep(x1, n1, x2, n2,
        // method="newcomb"), which agree with the paper.
        type NewcombeCase = ((u64, u64, u64, u64), (f64, f64), (f64, f64));
        let cases: [NewcombeCase; 6] = [
            (
                (56, 70, 48, 80),
                (0.0524, 0.3339),
                (0.05243147240236498, 0.33387265403690614),
            ),
            (
                (9, 10, 3, 10),
                (0.1705, 0.8090),
                (0.1705227239345029, 0.809017973535488),
            ),
            (
                (6, 7, 2, 7),
                (0.0582, 0.8062),
                (0.05822792748231209, 0.8062496375242278),
            ),
            (
                (5, 56, 0, 29),
                (-0.0381, 0.1926),
                (-0.038137147903536936, 0.19256001385511165),
            ),
            (
                (0, 10, 0, 20),
                (-0.1611, 0.2775),
                (-0.1611251580528194, 0.27753279986288926),
            ),
            (
                (0, 10, 0, 10),
                (-0.2775, 0.2775),
                (-0.27753279986288926, 0.27753279986288926),
            ),
        ];
        for ((x1, n1, x2, n2), paper, full) in cases {
            let iv = newcombe_diff(x1, n1, x2, n2, 0.95);
            close_iv(iv, paper.0, paper.1, 5e-5);
            close_iv(iv, full.0, full.1, TOL);
        }
        // statsmodels 0.15.0: confint_proportions_2indep(10, 10, 0, 20, method="newcomb")
        close_iv(
            newcombe_diff(10, 10, 0, 20, 0.95),
            0.6790860371419145,
            1.0,
            TOL,
        );
    }

    #[test]
    fn newcombe_empty_groups() {
        assert_eq!(newcombe_diff(0, 0, 3, 10, 0.95), None);
        assert_eq!(newcombe_diff(3, 10, 0, 0, 0.95), None);
        assert_eq!(newcombe_diff(11, 10, 3, 10, 0.95), None);
    }

    #[test]
    fn katz_without_zero_cells() {
        // statsmodels 0.15.0: confint_proportions_2indep(805, 1795, 349, 1488,
        //   method="log", compare="ratio")
        close_iv(
            katz_ratio(805, 1795, 349, 1488, 0.95),
            1.7212390868374228,
            2.124108337823578,
            TOL,
        );
        // statsmodels 0.15.0: confint_proportions_2indep(3, 4, 1, 4, method="log", compare="ratio")
        close_iv(
            katz_ratio(3, 4, 1, 4, 0.95),
            0.5012843093869406,
            17.953883318244692,
            1e-10,
        );
        // statsmodels 0.15.0: confint_proportions_2indep(30, 100, 45, 100, method="log",
        //   compare="ratio")
        close_iv(
            katz_ratio(30, 100, 45, 100, 0.95),
            0.4606856014022563,
            0.9647456814183548,
            TOL,
        );
        // statsmodels 0.15.0: confint_proportions_2indep(10, 10, 20, 20, method="log",
        //   compare="ratio") -> (1.0, 1.0): both proportions are 1, variance 0
        close_iv(katz_ratio(10, 10, 20, 20, 0.95), 1.0, 1.0, TOL);
    }

    #[test]
    fn katz_zero_cells_use_half_correction() {
        // statsmodels 0.15.0: confint_proportions_2indep(0, 50, 10, 60,
        //   method="log-adjusted", compare="ratio")
        close_iv(
            katz_ratio(0, 50, 10, 60, 0.95),
            0.0034266105609366097,
            0.9497835742590721,
            TOL,
        );
        // statsmodels 0.15.0: confint_proportions_2indep(10, 50, 0, 60, method="log-adjusted",
        //   compare="ratio")  (p2 == 0: finite thanks to the correction)
        close_iv(
            katz_ratio(10, 50, 0, 60, 0.95),
            1.5111352573730443,
            418.8545562482507,
            1e-9,
        );
        // statsmodels 0.15.0: confint_proportions_2indep(0, 10, 0, 20, method="log-adjusted",
        //   compare="ratio")
        close_iv(
            katz_ratio(0, 10, 0, 20, 0.95),
            0.04159964522608197,
            91.6303820021535,
            1e-10,
        );
        // statsmodels 0.15.0: confint_proportions_2indep(10, 10, 0, 5, method="log-adjusted",
        //   compare="ratio")
        close_iv(
            katz_ratio(10, 10, 0, 5, 0.95),
            0.7827674507873038,
            154.57975402311223,
            1e-10,
        );
    }

    #[test]
    fn katz_empty_and_invalid() {
        assert_eq!(katz_ratio(0, 0, 3, 10, 0.95), None);
        assert_eq!(katz_ratio(3, 10, 0, 0, 0.95), None);
        assert_eq!(katz_ratio(3, 10, 11, 10, 0.95), None);
        assert_eq!(katz_ratio(3, 10, 1, 10, 0.0), None);
    }
}

/// Exact (Clopper-Pearson) interval for a binomial proportion `x / n`: the `alpha/2` quantile
/// of Beta(x, n - x + 1) and the `1 - alpha/2` quantile of Beta(x + 1, n - x), with
/// `alpha = 1 - confidence`; the lower bound is 0 when `x == 0` and the upper 1 when `x == n`.
///
/// Returns `None` when `n == 0`, `x > n` or the confidence level is not in `(0, 1)`.
///
/// Reference: Clopper & Pearson (1934), Biometrika 26:404–413;
/// `statsmodels.stats.proportion.proportion_confint(x, n, method="beta")`.
pub fn clopper_pearson(x: u64, n: u64, confidence: f64) -> Option<Interval> {
    use statrs::distribution::{Beta, ContinuousCDF};
    if n == 0 || x > n || !confidence.is_finite() || confidence <= 0.0 || confidence >= 1.0 {
        return None;
    }
    let alpha = 1.0 - confidence;
    let (xf, nf) = (x as f64, n as f64);
    let low = if x == 0 {
        0.0
    } else {
        Beta::new(xf, nf - xf + 1.0).ok()?.inverse_cdf(alpha / 2.0)
    };
    let high = if x == n {
        1.0
    } else {
        Beta::new(xf + 1.0, nf - xf)
            .ok()?
            .inverse_cdf(1.0 - alpha / 2.0)
    };
    (low.is_finite() && high.is_finite()).then_some(Interval {
        low: low.clamp(0.0, 1.0),
        high: high.clamp(0.0, 1.0),
    })
}

#[cfg(test)]
mod clopper_pearson_tests {
    use super::clopper_pearson;

    /// Values from the closed forms: for x = 0 the upper bound is 1 - (alpha/2)^(1/n); for
    /// x = n the lower bound is (alpha/2)^(1/n); and statsmodels' `proportion_confint(5, 10,
    /// method="beta")` = (0.18708602, 0.81291398).
    #[test]
    fn exact_interval_matches_closed_forms() {
        let i = clopper_pearson(0, 10, 0.95).unwrap();
        assert_eq!(i.low, 0.0);
        assert!(
            (i.high - (1.0 - 0.025f64.powf(0.1))).abs() < 1e-9,
            "{}",
            i.high
        );
        let i = clopper_pearson(10, 10, 0.95).unwrap();
        assert!((i.low - 0.025f64.powf(0.1)).abs() < 1e-9);
        assert_eq!(i.high, 1.0);
        let i = clopper_pearson(5, 10, 0.95).unwrap();
        assert!((i.low - 0.187_086_02).abs() < 1e-6, "{}", i.low);
        assert!((i.high - 0.812_913_98).abs() < 1e-6, "{}", i.high);
        assert!(clopper_pearson(0, 0, 0.95).is_none());
        assert!(clopper_pearson(3, 2, 0.95).is_none());
    }
}
