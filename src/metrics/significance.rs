//! Significance tests, multiple-testing corrections and power.
//!
//! Contingency tables are given as counts. Score distributions are value-count tables: a slice
//! of `(value, count)` pairs with finite values, normally distinct and ascending (see
//! [`super::distributions`]). No function returns a NaN: degenerate inputs give `None`
//! (or the documented fallback for the functions that return a plain number).

use super::distributions::{merged_steps, prepare};
use super::intervals::z_for;
use statrs::distribution::{ChiSquared, ContinuousCDF};
use statrs::function::erf::erfc;
use statrs::function::factorial::ln_factorial;

/// Result of a test: its statistic, its p-value, and its degrees of freedom where the
/// reference distribution has them.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TestResult {
    /// Test statistic (chi-square, U, or D).
    pub statistic: f64,
    /// Two-sided p-value in `[0, 1]`.
    pub p_value: f64,
    /// Degrees of freedom, for chi-square tests.
    pub df: Option<f64>,
}

/// Upper tail of the standard normal: `P(Z > z) = erfc(z/√2) / 2`.
fn norm_sf(z: f64) -> f64 {
    0.5 * erfc(z / std::f64::consts::SQRT_2)
}

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
        let floor = tau * 1e-20;
        let (up_total, up_small) = walk(mode, 1.0, true, floor, tau);
        let (down_total, down_small) = if mode > lo {
            walk(mode - 1, down(mode), false, floor, tau)
        } else {
            (0.0, 0.0)
        };
        (up_small + down_small) / (up_total + down_total)
    } else {
        // Far tail: observed probability < e^-650 of the mode's.
        let (up_total, _) = walk(mode, 1.0, true, 1e-20, 0.0);
        let (down_total, _) = if mode > lo {
            walk(mode - 1, down(mode), false, 1e-20, 0.0)
        } else {
            (0.0, 0.0)
        };
        let total = up_total + down_total;
        let a_upward = a > mode;
        let (tail_a, _) = walk(a, 1.0, a_upward, 1e-20, 0.0);
        let mass_a = (ln_rel_a).exp() * tail_a;
        // first k on the other side of the mode with P(k) <= P(a)(1 + tol)
        let limit = ln_rel_a + FISHER_REL_TOL.ln_1p();
        let other = if a_upward {
            // decreasing ln P as k goes from mode down to lo
            if ln_p(lo) - ln_p(mode) > limit {
                None
            } else {
                let (mut inside, mut outside) = (mode, lo); // P(inside) > limit >= P(outside)
                while inside - outside > 1 {
                    let mid = outside + (inside - outside) / 2;
                    if ln_p(mid) - ln_p(mode) > limit {
                        inside = mid;
                    } else {
                        outside = mid;
                    }
                }
                Some(outside)
            }
        } else if ln_p(hi) - ln_p(mode) > limit {
            None
        } else {
            let (mut inside, mut outside) = (mode, hi);
            while outside - inside > 1 {
                let mid = inside + (outside - inside) / 2;
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
    let (x, n1) = prepare(x)?;
    let (y, n2) = prepare(y)?;
    if n1 == 0 || n2 == 0 {
        return None;
    }
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
    let (x, n1) = prepare(x)?;
    let (y, n2) = prepare(y)?;
    if n1 == 0 || n2 == 0 {
        return None;
    }
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

/// Holm's step-down adjusted p-values, in input order:
/// with `p₍₁₎ ≤ … ≤ p₍ₘ₎`, `p̃₍ᵢ₎ = min(1, maxⱼ≤ᵢ (m - j + 1)·p₍ⱼ₎)`.
///
/// An empty input gives an empty output. A NaN p-value is treated as 1.0 (a missing test is
/// never significant) and values are clamped into `[0, 1]`, so the output never holds a NaN.
///
/// Reference: Holm (1979), Scand. J. Statist. 6:65–70;
/// `statsmodels.stats.multitest.multipletests(p, method="holm")[1]`.
pub fn holm(p: &[f64]) -> Vec<f64> {
    let clean = clean_p(p);
    let m = clean.len();
    let order = sorted_order(&clean);
    let mut out = vec![1.0; m];
    let mut running: f64 = 0.0;
    for (rank, &idx) in order.iter().enumerate() {
        let raw = (m - rank) as f64 * clean[idx];
        running = running.max(raw);
        out[idx] = running.min(1.0);
    }
    out
}

/// Benjamini–Hochberg adjusted p-values (false discovery rate), in input order:
/// with `p₍₁₎ ≤ … ≤ p₍ₘ₎`, `p̃₍ᵢ₎ = min(1, minⱼ≥ᵢ m·p₍ⱼ₎ / j)`.
///
/// An empty input gives an empty output. A NaN p-value is treated as 1.0 and values are
/// clamped into `[0, 1]`, so the output never holds a NaN.
///
/// Reference: Benjamini & Hochberg (1995), JRSS B 57:289–300;
/// `statsmodels.stats.multitest.multipletests(p, method="fdr_bh")[1]`.
pub fn benjamini_hochberg(p: &[f64]) -> Vec<f64> {
    let clean = clean_p(p);
    let m = clean.len();
    let order = sorted_order(&clean);
    let mut out = vec![1.0; m];
    let mut running: f64 = 1.0;
    for (rank, &idx) in order.iter().enumerate().rev() {
        let raw = m as f64 * clean[idx] / (rank + 1) as f64;
        running = running.min(raw);
        out[idx] = running.min(1.0);
    }
    out
}

fn clean_p(p: &[f64]) -> Vec<f64> {
    p.iter()
        .map(|&x| if x.is_nan() { 1.0 } else { x.clamp(0.0, 1.0) })
        .collect()
}

fn sorted_order(p: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..p.len()).collect();
    order.sort_by(|&i, &j| p[i].total_cmp(&p[j]));
    order
}

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

/// The distribution of the two-sided one-sample Kolmogorov statistic `Dₙ` for finite `n`,
/// following scipy's `scipy.stats._ksstats._kolmogn` (which backs `scipy.stats.kstwo`).
mod kolmogorov {
    const E128: f64 = 3.402_823_669_209_385e38; // 2^128
    const EM128: f64 = 2.938_735_877_055_719e-39; // 2^-128
    const LOG_2PI: f64 = 1.837_877_066_409_345_5;
    const SQRT_2PI: f64 = 2.506_628_274_631_000_7;
    const PI2: f64 = std::f64::consts::PI * std::f64::consts::PI;
    /// `B_{2j}/(2j)/(2j-1)` for j = 8..1 (Stirling series), highest power first.
    const STIRLING: [f64; 8] = [
        -3617.0 / 122_400.0,
        1.0 / 156.0,
        -691.0 / 360_360.0,
        1.0 / 1188.0,
        -1.0 / 1680.0,
        1.0 / 1260.0,
        -1.0 / 360.0,
        1.0 / 12.0,
    ];

    fn clip(p: f64) -> f64 {
        if p.is_nan() { 1.0 } else { p.clamp(0.0, 1.0) }
    }

    /// `x · 2^e` without intermediate overflow.
    fn ldexp(mut x: f64, mut e: i64) -> f64 {
        while e > 1000 {
            x *= 2f64.powi(1000);
            e -= 1000;
        }
        while e < -1000 {
            x *= 2f64.powi(-1000);
            e += 1000;
        }
        x * 2f64.powi(e as i32)
    }

    /// `ln(n! / nⁿ)` by Stirling's series.
    fn log_nfactorial_div_n_pow_n(n: f64) -> f64 {
        let rn = 1.0 / n;
        let poly = STIRLING.iter().fold(0.0, |acc, &c| acc * (rn / n) + c);
        n.ln() / 2.0 - n + LOG_2PI / 2.0 + rn * poly
    }

    /// Survival function `P(Dₙ > x)`.
    pub(super) fn kolmogn_sf(n: u64, x: f64) -> f64 {
        if x.is_nan() || n == 0 {
            return f64::NAN;
        }
        if x >= 1.0 {
            return 0.0;
        }
        if x <= 0.0 {
            return 1.0;
        }
        let nf = n as f64;
        let t = nf * x;
        if t <= 1.0 {
            if t <= 0.5 {
                return 1.0;
            }
            let cdf = if n <= 140 {
                (1..=n).fold(1.0, |acc, i| {
                    acc * (i as f64 * (1.0 / nf) * (2.0 * t - 1.0))
                })
            } else {
                (log_nfactorial_div_n_pow_n(nf) + nf * (2.0 * t - 1.0).ln()).exp()
            };
            return clip(1.0 - cdf);
        }
        if t >= nf - 1.0 {
            return clip(2.0 * (1.0 - x).powf(nf));
        }
        if x >= 0.5 {
            return clip(2.0 * smirnov_sf(n, x));
        }
        let nxsquared = t * x;
        if n <= 140 {
            if nxsquared <= 0.754693 {
                return clip(1.0 - dmtw_cdf(n, x));
            }
            if nxsquared <= 4.0 {
                return clip(1.0 - pomeranz_cdf(n, x));
            }
            return clip(2.0 * smirnov_sf(n, x));
        }
        if nxsquared >= 370.0 {
            return 0.0;
        }
        if nxsquared >= 2.2 {
            return clip(2.0 * smirnov_sf(n, x));
        }
        let cdf = if n <= 100_000 && nf * x.powf(1.5) <= 1.4 {
            dmtw_cdf(n, x)
        } else {
            pelz_good_cdf(n, x)
        };
        clip(1.0 - cdf)
    }

    fn matmul(a: &[f64], b: &[f64], m: usize) -> Vec<f64> {
        let mut c = vec![0.0; m * m];
        for i in 0..m {
            for k in 0..m {
                let aik = a[i * m + k];
                if aik == 0.0 {
                    continue;
                }
                for j in 0..m {
                    c[i * m + j] += aik * b[k * m + j];
                }
            }
        }
        c
    }

    /// `P(Dₙ ≤ d)` by Durbin's matrix method as arranged by Marsaglia, Tsang & Wang (2003).
    pub(super) fn dmtw_cdf(n: u64, d: f64) -> f64 {
        if d >= 1.0 {
            return 1.0;
        }
        let nf = n as f64;
        let nd = nf * d;
        if nd <= 0.5 {
            return 0.0;
        }
        let k = nd.ceil() as usize;
        let h = k as f64 - nd;
        let m = 2 * k - 1;
        let mut v = vec![0.0; m];
        let mut w = vec![0.0; m];
        let mut fac = 1.0;
        for j in 1..=m {
            w[j - 1] = fac;
            fac /= j as f64;
            v[j - 1] = (1.0 - h.powi(j as i32)) * fac;
        }
        let tt = (2.0 * h - 1.0).max(0.0).powi(m as i32) - 2.0 * h.powi(m as i32);
        v[m - 1] = (1.0 + tt) * fac;
        let mut hm = vec![0.0; m * m];
        for i in 1..m {
            for r in (i - 1)..m {
                hm[r * m + i] = w[r - (i - 1)];
            }
        }
        for r in 0..m {
            hm[r * m] = v[r];
        }
        for j in 0..m {
            hm[(m - 1) * m + j] = v[m - 1 - j];
        }
        let mut pwr = vec![0.0; m * m];
        for i in 0..m {
            pwr[i * m + i] = 1.0;
        }
        let mut nn = n;
        let mut expnt: i64 = 0;
        let mut h_expnt: i64 = 0;
        while nn > 0 {
            if nn % 2 == 1 {
                pwr = matmul(&pwr, &hm, m);
                expnt += h_expnt;
            }
            hm = matmul(&hm, &hm, m);
            h_expnt *= 2;
            if hm[(k - 1) * m + (k - 1)].abs() > E128 {
                for e in hm.iter_mut() {
                    *e /= E128;
                }
                h_expnt += 128;
            }
            nn /= 2;
        }
        let mut p = pwr[(k - 1) * m + (k - 1)];
        for i in 1..=n {
            p = i as f64 * p / nf;
            if p.abs() < EM128 {
                p *= E128;
                expnt -= 128;
            }
        }
        if expnt != 0 {
            p = ldexp(p, expnt);
        }
        p.clamp(0.0, 1.0)
    }

    fn pomeranz_j1j2(i: i64, n: i64, ll: i64, ceilf: i64, roundf: i64) -> (i64, i64) {
        let (j1, j2) = if i == 0 {
            (-ll - ceilf - 1, ll + ceilf - 1)
        } else {
            let (ip1div2, ip1mod2) = ((i + 1) / 2, (i + 1) % 2);
            if ip1mod2 == 0 {
                if ip1div2 == n + 1 {
                    (n - ll - ceilf - 1, n + ll + ceilf - 1)
                } else {
                    (ip1div2 - 1 - ll - roundf - 1, ip1div2 + ll - 1 + ceilf - 1)
                }
            } else {
                (ip1div2 - 1 - ll - 1, ip1div2 + ll + roundf - 1)
            }
        };
        ((j1 + 2).max(0), j2.min(n))
    }

    /// `P(Dₙ ≤ x)` by Pomeranz's (1974) recursion.
    pub(super) fn pomeranz_cdf(n: u64, x: f64) -> f64 {
        let nf = n as f64;
        let ni = n as i64;
        let t = nf * x;
        let ll = t.floor() as i64;
        let f = t - ll as f64;
        let g = f.min(1.0 - f);
        let ceilf = i64::from(f > 0.0);
        let roundf = i64::from(f > 0.5);
        let npwrs = (2 * (ll + 1)) as usize;
        let mut gpower = vec![1.0; npwrs];
        let mut twogpower = vec![1.0; npwrs];
        let mut onem2gpower = vec![1.0; npwrs];
        let (g_n, two_g_n, one_m2g_n) = (g / nf, 2.0 * g / nf, (1.0 - 2.0 * g) / nf);
        for m in 1..npwrs {
            gpower[m] = gpower[m - 1] * g_n / m as f64;
            twogpower[m] = twogpower[m - 1] * two_g_n / m as f64;
            onem2gpower[m] = onem2gpower[m - 1] * one_m2g_n / m as f64;
        }
        let mut v0 = vec![0.0; npwrs];
        let mut v1 = vec![0.0; npwrs];
        v1[0] = 1.0;
        let (mut v0s, mut v1s): (i64, i64) = (0, 0);
        let mut expnt: i64 = 0;
        let (mut j1, _) = pomeranz_j1j2(0, ni, ll, ceilf, roundf);
        for i in 1..(2 * ni + 2) {
            let k1 = j1;
            std::mem::swap(&mut v0, &mut v1);
            std::mem::swap(&mut v0s, &mut v1s);
            v1.iter_mut().for_each(|e| *e = 0.0);
            let (nj1, nj2) = pomeranz_j1j2(i, ni, ll, ceilf, roundf);
            j1 = nj1;
            let pwrs = if i == 1 || i == 2 * ni + 1 {
                &gpower
            } else if i % 2 == 1 {
                &twogpower
            } else {
                &onem2gpower
            };
            let ln2 = nj2 - k1 + 1;
            if ln2 > 0 {
                let start = (k1 - v0s).max(0) as usize;
                let end = ((k1 - v0s + ln2).max(0) as usize).min(npwrs);
                let a = &v0[start.min(end)..end];
                let b = &pwrs[..(ln2 as usize).min(npwrs)];
                let conv_start = nj1 - k1;
                let conv_len = nj2 - nj1 + 1;
                for idx in 0..conv_len.max(0) {
                    let kk = conv_start + idx; // index into the full convolution
                    if kk < 0 || idx as usize >= npwrs {
                        continue;
                    }
                    let kk = kk as usize;
                    let mut s = 0.0;
                    let lo = kk.saturating_sub(b.len().saturating_sub(1));
                    for (ai, av) in a.iter().enumerate().take(kk + 1).skip(lo) {
                        s += av * b[kk - ai];
                    }
                    v1[idx as usize] = s;
                }
                let mx = v1.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                if mx > 0.0 && mx < EM128 {
                    v1.iter_mut().for_each(|e| *e *= E128);
                    expnt -= 128;
                }
                v1s = v0s + nj1 - k1;
            }
        }
        let idx = ni - v1s;
        let mut ans = if idx >= 0 && (idx as usize) < npwrs {
            v1[idx as usize]
        } else {
            0.0
        };
        for m in 1..=n {
            if ans.abs() > E128 {
                ans *= EM128;
                expnt += 128;
            }
            ans *= m as f64;
        }
        if expnt != 0 {
            ans = ldexp(ans, expnt);
        }
        ans.clamp(0.0, 1.0)
    }

    /// `P(Dₙ ≤ x)` by the Pelz–Good (1976) asymptotic expansion.
    pub(super) fn pelz_good_cdf(n: u64, x: f64) -> f64 {
        if x <= 0.0 {
            return 0.0;
        }
        if x >= 1.0 {
            return 1.0;
        }
        let nf = n as f64;
        let z = nf.sqrt() * x;
        let (z2, z3, z4, z6) = (z * z, z.powi(3), z.powi(4), z.powi(6));
        let qlog = -PI2 / 8.0 / z2;
        if qlog < -708.0 {
            return 0.0;
        }
        let q = qlog.exp();
        let pi4 = PI2 * PI2;
        let pi6 = pi4 * PI2;
        let k1a = -z2;
        let k1b = PI2 / 4.0;
        let k2a = 6.0 * z6 + 2.0 * z4;
        let k2b = (2.0 * z4 - 5.0 * z2) * PI2 / 4.0;
        let k2c = pi4 * (1.0 - 2.0 * z2) / 16.0;
        let k3d = pi6 * (5.0 - 30.0 * z2) / 64.0;
        let k3c = pi4 * (-60.0 * z2 + 212.0 * z4) / 16.0;
        let k3b = PI2 * (135.0 * z4 - 96.0 * z6) / 4.0;
        let k3a = -30.0 * z6 - 90.0 * z.powi(8);
        let mut kk = [0.0f64; 4];
        let maxk = (16.0 * z / std::f64::consts::PI).ceil() as i64;
        for k in (1..=maxk).rev() {
            let m = (2 * k - 1) as f64;
            let (m2, m4, m6) = (m * m, m.powi(4), m.powi(6));
            let qpower = q.powf((8 * k) as f64);
            let coeffs = [
                1.0,
                k1a + k1b * m2,
                k2a + k2b * m2 + k2c * m4,
                k3a + k3b * m2 + k3c * m4 + k3d * m6,
            ];
            for (acc, c) in kk.iter_mut().zip(coeffs) {
                *acc = *acc * qpower + c;
            }
        }
        let denoms = [z, 6.0 * z4, 72.0 * z.powi(7), 6480.0 * z.powi(10)];
        for (acc, dn) in kk.iter_mut().zip(denoms) {
            *acc = *acc * q * SQRT_2PI / dn;
        }
        let q2 = (-PI2 / 2.0 / z2).exp();
        let sqrt3z = 3f64.sqrt() * z;
        let (mut k2extra, mut k3extra) = (0.0, 0.0);
        for k in (1..=maxk).rev() {
            let kf = k as f64;
            let ksq = kf * kf;
            let qp = q2.powf(ksq);
            let kspi = std::f64::consts::PI * kf;
            k2extra += ksq * qp;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
        }
        kk[2] += k2extra * PI2 * SQRT_2PI / (-36.0 * z3);
        kk[3] += k3extra * PI2 * SQRT_2PI / (216.0 * z6);
        let mut total = 0.0;
        for (i, acc) in kk.iter().enumerate() {
            total += acc / nf.powf(i as f64 / 2.0);
        }
        total
    }

    /// One-sided Smirnov survival function `P(Dₙ⁺ > x)` by the Birnbaum–Tingey sum
    /// `x · Σ_{v=0}^{⌊n(1-x)⌋} C(n, v) (1 - x - v/n)^(n-v) (x + v/n)^(v-1)`, as
    /// `scipy.special.smirnov` (including its approximation `exp(-(6nx+1)²/(18n))` for
    /// `n > 10⁶`).
    pub(super) fn smirnov_sf(n: u64, x: f64) -> f64 {
        if !(0.0..=1.0).contains(&x) || n == 0 {
            return f64::NAN;
        }
        if n == 1 {
            return 1.0 - x;
        }
        if x == 0.0 {
            return 1.0;
        }
        if x == 1.0 {
            return 0.0;
        }
        let nf = n as f64;
        let nx = nf * x;
        let mut nxfl = nx.floor();
        let mut alpha = nx - nxfl;
        if alpha >= 1.0 {
            nxfl += 1.0;
            alpha = 0.0;
        }
        if nxfl == 0.0 || (nxfl == 1.0 && alpha == 0.0) {
            let cdf = x * (1.0 + x).powf(nf - 1.0);
            return 1.0 - cdf;
        }
        // MINLOG of cephes: ln(2^-1022)
        if -2.0 * nf * x * x < -7.083_964_185_322_641e2 {
            return 0.0;
        }
        if nxfl >= nf - 1.0 {
            return (1.0 - x).powf(nf);
        }
        if n > 1_000_000 {
            let logp = -(6.0 * nx + 1.0).powi(2) / 18.0 / nf;
            return if logp < -std::f64::consts::LN_2 {
                logp.exp()
            } else {
                1.0 + logp.exp_m1()
            };
        }
        let last = n - nxfl as u64 - 1; // largest v with 1 - x - v/n > 0
        let n_terms = last + 1;
        let mut sum = (1.0 - x).powf(nf) / x; // v = 0
        let mut ln_c = 0.0; // ln C(n, v)
        let mut seen_nonzero = sum > 0.0;
        for v in 1..n_terms {
            ln_c += ((n - v + 1) as f64 / v as f64).ln();
            let vf = v as f64;
            let b2 = ((nf - vf) - nx) / nf; // 1 - x - v/n
            let b1 = (nx + vf) / nf; // x + v/n
            if b2 <= 0.0 {
                break;
            }
            let ln_term = ln_c + (nf - vf) * b2.ln() + (vf - 1.0) * b1.ln();
            let term = ln_term.exp();
            if term > 0.0 {
                sum += term;
                seen_nonzero = true;
                if 4.0 * (n_terms - v) as f64 * term < f64::EPSILON * sum && v != n_terms - 1 {
                    break;
                }
            } else if seen_nonzero && v > n / 2 {
                break;
            }
        }
        (x * sum).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64, tol: f64) {
        assert!(
            (actual - expected).abs() <= tol,
            "actual {actual:e} expected {expected:e} (tol {tol:e})"
        );
    }

    fn rel(actual: f64, expected: f64, tol: f64) {
        assert!(
            (actual - expected).abs() <= tol * expected.abs(),
            "actual {actual:e} expected {expected:e} (rel tol {tol:e})"
        );
    }

    /// Relative tolerance for p-values and other iterative results.
    const P_TOL: f64 = 1e-6;

    const GROUP: [(f64, u64); 10] = [
        (1.0, 365),
        (2.0, 346),
        (3.0, 298),
        (4.0, 337),
        (5.0, 323),
        (6.0, 318),
        (7.0, 343),
        (8.0, 301),
        (9.0, 317),
        (10.0, 227),
    ];
    const REFERENCE: [(f64, u64); 10] = [
        (1.0, 605),
        (2.0, 321),
        (3.0, 238),
        (4.0, 243),
        (5.0, 200),
        (6.0, 160),
        (7.0, 113),
        (8.0, 96),
        (9.0, 77),
        (10.0, 50),
    ];
    /// x = [1, 2, 2, 3, 5], y = [2, 3, 4, 4, 6, 7]
    const SMALL_X: [(f64, u64); 4] = [(1.0, 1), (2.0, 2), (3.0, 1), (5.0, 1)];
    const SMALL_Y: [(f64, u64); 5] = [(2.0, 1), (3.0, 1), (4.0, 2), (6.0, 1), (7.0, 1)];

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
        type Case = ((u64, u64, u64, u64), bool, f64, f64);
        let cases: [Case; 8] = [
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

    #[test]
    fn kolmogorov_distribution_every_branch() {
        // scipy 1.17.1: kstwo.sf(x, n); the comment names the branch of scipy's _kolmogn
        let cases: [(u64, f64, f64); 15] = [
            (10, 0.03, 1.0),                          // n·x <= 0.5
            (10, 0.08, 0.9999978058034054),           // Ruben-Gambino, n·x <= 1
            (10, 0.95, 1.9531250000000172e-13),       // Ruben-Gambino, n·x >= n - 1
            (10, 0.6, 0.0005681672000000003),         // x >= 0.5: 2·smirnov
            (100, 0.05, 0.9532159710635725),          // n <= 140: Durbin matrix
            (100, 0.15, 0.019839242125641813),        // n <= 140: Pomeranz
            (100, 0.25, 5.408871776434847e-06),       // n <= 140: 2·smirnov
            (1000, 0.01, 0.9999496745370611),         // Durbin matrix
            (1000, 0.02, 0.8108971656895577),         // Pelz-Good
            (1000, 0.05, 0.013012074781090332),       // 2·smirnov
            (1000, 0.7, 0.0),                         // x >= 0.5: 2·smirnov underflows
            (200_000, 0.001, 0.9881500208855729),     // n > 100000: Pelz-Good
            (2_000_000, 0.002, 2.247704493692889e-7), // smirnov, n > 1e6 approximation
            (2_000_000, 0.0005, 0.6991771101944892),  // Pelz-Good
            (50_000, 0.3, 0.0),                       // n·x² >= 370
        ];
        for (n, x, expected) in cases {
            let got = kolmogorov::kolmogn_sf(n, x);
            if expected == 0.0 {
                assert!(got < 1e-300, "n={n} x={x}: {got:e}");
            } else {
                rel(got, expected, P_TOL);
            }
        }
    }

    #[test]
    fn holm_matches_statsmodels() {
        // statsmodels 0.15.0: multipletests([0.01, 0.04, 0.03, 0.005, 0.5, 0.04, 0.2],
        //   method="holm")[1]
        let p = [0.01, 0.04, 0.03, 0.005, 0.5, 0.04, 0.2];
        let expected = [0.06, 0.16, 0.15, 0.035, 0.5, 0.16, 0.4];
        for (got, want) in holm(&p).iter().zip(expected) {
            close(*got, want, 1e-12);
        }
        // statsmodels 0.15.0: multipletests([0.02, 1.0, 0.001], method="holm")[1]
        // (our NaN is treated as 1.0)
        let got = holm(&[0.02, f64::NAN, 0.001]);
        for (g, want) in got.iter().zip([0.04, 1.0, 0.003]) {
            close(*g, want, 1e-12);
        }
        assert!(holm(&[]).is_empty());
        assert_eq!(holm(&[0.3]), vec![0.3]);
    }

    #[test]
    fn benjamini_hochberg_matches_statsmodels() {
        // statsmodels 0.15.0: multipletests([0.01, 0.04, 0.03, 0.005, 0.5, 0.04, 0.2],
        //   method="fdr_bh")[1]
        let p = [0.01, 0.04, 0.03, 0.005, 0.5, 0.04, 0.2];
        let expected = [0.035, 0.056, 0.056, 0.035, 0.5, 0.056, 0.23333333333333336];
        for (got, want) in benjamini_hochberg(&p).iter().zip(expected) {
            close(*got, want, 1e-12);
        }
        // statsmodels 0.15.0: multipletests([0.02, 1.0, 0.001], method="fdr_bh")[1]
        let got = benjamini_hochberg(&[0.02, f64::NAN, 0.001]);
        for (g, want) in got.iter().zip([0.030000000000000002, 1.0, 0.003]) {
            close(*g, want, 1e-12);
        }
        assert!(benjamini_hochberg(&[]).is_empty());
        assert_eq!(benjamini_hochberg(&[0.3]), vec![0.3]);
    }

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
