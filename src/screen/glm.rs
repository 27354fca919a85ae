//! Generalised linear models fitted by hand: logistic regression by Newton-Raphson / IRLS and
//! ordinary least squares, both through the normal equations.
//!
//! Everything is plain `f64` arithmetic on one thread, so results are deterministic. The normal
//! equations are solved with a Cholesky factorisation that falls back to a tiny ridge when the
//! matrix is not (numerically) positive definite, which happens with collinear inputs and under
//! separation. The cost is about `rows x columns^2` per Newton iteration and per fit.
//!
//! The use layer ([`super::usage`]) fits its surrogates with these functions; errors are its
//! [`UsageError`] (`LengthMismatch`, `NonFinite`, `Singular`).

use ndarray::linalg::general_mat_mul;
use ndarray::{Array2, ArrayView2, Axis, s};

use super::usage::UsageError;

/// Newton iterations allowed for a logistic fit.
pub const MAX_ITERATIONS: u32 = 50;

/// A logistic fit stops when `|dev_old - dev_new| / (|dev_new| + 0.1) < DEVIANCE_TOLERANCE`.
pub const DEVIANCE_TOLERANCE: f64 = 1e-10;

/// With the deviance settled, the largest coefficient step must also fall below this share of
/// `1 + max |beta|` for the fit to count as converged.
const STEP_TOLERANCE: f64 = 1e-6;

/// Newton steps with a settled deviance but moving coefficients before the fit is declared
/// separated (coefficients diverging).
const MAX_STALLED: u32 = 6;

/// Step halvings tried per Newton iteration before giving up on a step.
const MAX_HALVINGS: u32 = 30;

/// A pivot whose squared value falls below this share of its diagonal entry marks the matrix as
/// not positive definite (the column is a linear combination of the earlier ones).
const PIVOT_TOLERANCE: f64 = 1e-10;

/// First ridge tried, relative to the largest diagonal entry; multiplied by 100 on each retry.
const RIDGE_START: f64 = 1e-10;

/// Ridge retries before the solve is given up.
const RIDGE_RETRIES: u32 = 6;

/// Fitted probabilities closer than this to 0 or 1 mean separation (as R's `glm` warns).
const SEPARATION_EPS: f64 = 10.0 * f64::EPSILON;

/// Rows per block when accumulating `X'WX`.
const CHUNK_ROWS: usize = 4096;

/// A fitted model, logistic ([`fit_logistic`]) or linear ([`fit_linear`]).
#[derive(Debug, Clone, PartialEq)]
pub struct GlmFit {
    /// One coefficient per design column.
    pub coefficients: Vec<f64>,
    /// Log-likelihood at the coefficients. Logistic: `sum y ln p + (1 - y) ln(1 - p)`, or its
    /// supremum 0 under complete separation. Linear:
    /// the Gaussian profile `-n/2 (ln(2 pi RSS / n) + 1)`, with RSS floored as in
    /// [`fit_linear`].
    pub log_likelihood: f64,
    /// Logistic: deviance `-2 ll` (0 under complete separation). Linear: the residual sum of
    /// squares (unfloored).
    pub deviance: f64,
    /// Fitted values: probabilities (logistic) or predicted scores (linear).
    pub fitted: Vec<f64>,
    /// Logistic: the deviance criterion was met and there is no separation. Linear: always true.
    pub converged: bool,
    /// Logistic: the maximum-likelihood estimate does not exist (coefficients diverged, or some
    /// fitted probability is within `10 eps` of 0 or 1); coefficients are large but finite.
    pub separation: bool,
    /// Logistic: some coefficients put every row strictly on its own side (complete
    /// separation; the log-likelihood is reported as its supremum 0).
    pub complete_separation: bool,
    /// Newton iterations used (1 for the linear model).
    pub iterations: u32,
    /// Largest ridge added to the normal equations (0 when none was needed).
    pub ridge: f64,
}

/// Fit a logistic regression of `y` on the columns of `x` (include an intercept column
/// yourself) by Newton-Raphson / IRLS from zero.
///
/// Each iteration solves `(X'WX) delta = X'(y - p)` with `W = diag(p (1 - p))` by Cholesky
/// (ridge fallback), then halves the step (up to 30 times) until the deviance
/// `-2 sum [y ln p + (1 - y) ln(1 - p)]` does not increase. It stops when
/// `|dev_old - dev_new| / (|dev_new| + 0.1) < 1e-10`, after [`MAX_ITERATIONS`], or when no step
/// reduces the deviance (numerical optimum); a fit counts as converged only once the largest
/// coefficient step is also below `1e-6 (1 + max |beta|)`.
///
/// Separation (the maximum-likelihood estimate does not exist) sets `separation` and clears
/// `converged`; the coefficients stay finite. It is recognised three ways:
/// * complete separation: as soon as a step puts every row strictly on its own side
///   (`x_i beta > 0` exactly when `y_i`), the fit stops there and reports deviance 0 and
///   log-likelihood 0, the supremum, so likelihood-ratio tests take their limiting values; the
///   coefficients' scale is then arbitrary;
/// * quasi-complete separation: six Newton steps in a row with a settled deviance but moving
///   coefficients (they diverge);
/// * fitted probabilities within `10 eps` of 0 or 1.
///
/// Empty input (0 rows) returns the zero vector with log-likelihood 0.
///
/// # Errors
/// [`UsageError::LengthMismatch`] if `y` and `x` differ in rows, [`UsageError::NonFinite`] for a
/// non-finite entry of `x`, [`UsageError::Singular`] if the equations cannot be solved.
pub fn fit_logistic(x: &Array2<f64>, y: &[bool]) -> Result<GlmFit, UsageError> {
    check_inputs(x, y.len())?;
    logistic_irls(x.view(), y, None, MAX_ITERATIONS)
}

/// Fit ordinary least squares of `y` on the columns of `x` (include an intercept column
/// yourself): `beta = (X'X)^-1 X'y` by Cholesky (ridge fallback) plus one step of iterative
/// refinement.
///
/// `deviance` is the residual sum of squares RSS; the log-likelihood is the Gaussian profile
/// `-n/2 (ln(2 pi RSS' / n) + 1)` with `RSS' = max(RSS, 1e-20 * TSS)` (TSS around the mean of
/// `y`; `f64::MIN_POSITIVE` when `y` is constant), so a perfect fit stays finite.
/// Empty input returns the zero vector with log-likelihood 0.
///
/// # Errors
/// [`UsageError::LengthMismatch`] if `y` and `x` differ in rows, [`UsageError::NonFinite`] for a
/// non-finite entry of `x` or `y`, [`UsageError::Singular`] if the equations cannot be solved.
pub fn fit_linear(x: &Array2<f64>, y: &[f64]) -> Result<GlmFit, UsageError> {
    check_inputs(x, y.len())?;
    if y.iter().any(|v| !v.is_finite()) {
        return Err(UsageError::NonFinite {
            what: "y".to_string(),
        });
    }
    ols(x.view(), y)
}

fn check_inputs(x: &Array2<f64>, len: usize) -> Result<(), UsageError> {
    if x.nrows() != len {
        return Err(UsageError::LengthMismatch {
            what: "y".to_string(),
            len,
            expected: x.nrows(),
        });
    }
    if x.iter().any(|v| !v.is_finite()) {
        return Err(UsageError::NonFinite {
            what: "x".to_string(),
        });
    }
    Ok(())
}

/// Logistic function, computed without overflow.
pub(super) fn sigmoid(eta: f64) -> f64 {
    if eta >= 0.0 {
        1.0 / (1.0 + (-eta).exp())
    } else {
        let e = eta.exp();
        e / (1.0 + e)
    }
}

/// `ln(1 + e^t)` without overflow or loss of precision.
fn softplus(t: f64) -> f64 {
    t.max(0.0) + (-t.abs()).exp().ln_1p()
}

/// Binomial deviance `2 sum softplus(-eta)` for `y = 1` and `softplus(eta)` for `y = 0`.
fn logistic_deviance(eta: &[f64], y: &[bool]) -> f64 {
    2.0 * eta
        .iter()
        .zip(y)
        .map(|(&e, &yi)| if yi { softplus(-e) } else { softplus(e) })
        .sum::<f64>()
}

pub(super) fn matvec(x: ArrayView2<f64>, beta: &[f64]) -> Vec<f64> {
    x.dot(&ndarray::aview1(beta)).to_vec()
}

/// `(X' diag(w) X, X' r)`, accumulated over row blocks with a matrix product.
pub(super) fn cross_products(
    x: ArrayView2<f64>,
    w: Option<&[f64]>,
    r: &[f64],
) -> (Array2<f64>, Vec<f64>) {
    let (n, p) = x.dim();
    let mut h = Array2::<f64>::zeros((p, p));
    let mut g = vec![0.0; p];
    let mut buf = Array2::<f64>::zeros((CHUNK_ROWS.min(n), p));
    let mut start = 0;
    while start < n {
        let end = (start + CHUNK_ROWS).min(n);
        let xc = x.slice(s![start..end, ..]);
        match w {
            Some(w) => {
                let mut wx = buf.slice_mut(s![..end - start, ..]);
                for ((mut dst, src), &wi) in
                    wx.rows_mut().into_iter().zip(xc.rows()).zip(&w[start..end])
                {
                    dst.zip_mut_with(&src, |d, &s| *d = s * wi);
                }
                general_mat_mul(1.0, &xc.t(), &wx, 1.0, &mut h);
            }
            None => general_mat_mul(1.0, &xc.t(), &xc, 1.0, &mut h),
        }
        add_xt_vec(xc, &r[start..end], &mut g);
        start = end;
    }
    (h, g)
}

/// `g += X' r`.
fn add_xt_vec(x: ArrayView2<f64>, r: &[f64], g: &mut [f64]) {
    for (row, &ri) in x.rows().into_iter().zip(r) {
        for (gj, &xj) in g.iter_mut().zip(row.iter()) {
            *gj += xj * ri;
        }
    }
}

/// `X' r`.
fn xt_vec(x: ArrayView2<f64>, r: &[f64]) -> Vec<f64> {
    let mut g = vec![0.0; x.ncols()];
    add_xt_vec(x, r, &mut g);
    g
}

/// Lower Cholesky factor of `a + ridge I` (only the lower triangle of `a` is read), or `None` if
/// a pivot is not positive: with `ridge = 0` a pivot must exceed `PIVOT_TOLERANCE` times its
/// diagonal entry, with a ridge it must be positive and finite.
fn cholesky(a: &Array2<f64>, ridge: f64) -> Option<Array2<f64>> {
    let p = a.nrows();
    let mut l = Array2::<f64>::zeros((p, p));
    for j in 0..p {
        for i in j..p {
            let mut sum = a[[i, j]];
            if i == j {
                sum += ridge;
            }
            for k in 0..j {
                sum -= l[[i, k]] * l[[j, k]];
            }
            if i == j {
                let min = if ridge > 0.0 {
                    0.0
                } else {
                    PIVOT_TOLERANCE * a[[j, j]]
                };
                if !(sum.is_finite() && sum > min && sum > 0.0) {
                    return None;
                }
                l[[j, j]] = sum.sqrt();
            } else {
                l[[i, j]] = sum / l[[j, j]];
            }
        }
    }
    Some(l)
}

/// Solve `L L' x = b`.
fn cholesky_solve(l: &Array2<f64>, b: &[f64]) -> Vec<f64> {
    let p = b.len();
    let mut z = b.to_vec();
    for i in 0..p {
        let mut sum = z[i];
        for k in 0..i {
            sum -= l[[i, k]] * z[k];
        }
        z[i] = sum / l[[i, i]];
    }
    for i in (0..p).rev() {
        let mut sum = z[i];
        for k in i + 1..p {
            sum -= l[[k, i]] * z[k];
        }
        z[i] = sum / l[[i, i]];
    }
    z
}

/// Factor the symmetric matrix `a`, adding a ridge `1e-10 * max diag` (times 100 per retry, six
/// retries) if it is not numerically positive definite. Returns the factor and the ridge used.
fn factor_spd(a: &Array2<f64>) -> Option<(Array2<f64>, f64)> {
    if a.iter().any(|v| !v.is_finite()) {
        return None;
    }
    if let Some(l) = cholesky(a, 0.0) {
        return Some((l, 0.0));
    }
    let max_diag = a.diag().iter().copied().fold(0.0, f64::max);
    let mut ridge = RIDGE_START * if max_diag > 0.0 { max_diag } else { 1.0 };
    for _ in 0..=RIDGE_RETRIES {
        if let Some(l) = cholesky(a, ridge) {
            return Some((l, ridge));
        }
        ridge *= 100.0;
    }
    None
}

/// Whether every row is strictly on its own side of the linear predictor.
fn separates(eta: &[f64], y: &[bool]) -> bool {
    !eta.is_empty()
        && eta
            .iter()
            .zip(y)
            .all(|(&e, &yi)| if yi { e > 0.0 } else { e < 0.0 })
}

/// Newton / IRLS for the logistic model from `start` (zero if `None` or of the wrong length),
/// for at most `max_iterations` iterations. See [`fit_logistic`].
pub(super) fn logistic_irls(
    x: ArrayView2<f64>,
    y: &[bool],
    start: Option<&[f64]>,
    max_iterations: u32,
) -> Result<GlmFit, UsageError> {
    let p = x.ncols();
    let mut beta = match start {
        Some(b) if b.len() == p => b.to_vec(),
        _ => vec![0.0; p],
    };
    let mut eta = matvec(x, &beta);
    let mut dev = logistic_deviance(&eta, y);
    let mut converged = false;
    let mut diverging = false;
    // The start itself may already separate the data.
    let mut complete = separates(&eta, y);
    let mut stalled = 0;
    let mut iterations = 0;
    let mut ridge_max: f64 = 0.0;
    let n = y.len();
    let mut w = vec![0.0; n];
    let mut r = vec![0.0; n];
    while iterations < max_iterations && n > 0 && !complete {
        iterations += 1;
        for i in 0..n {
            // With e = exp(-|eta|): p = 1 / (1 + e) or e / (1 + e), and
            // p (1 - p) = e / (1 + e)^2, accurate in both tails.
            let e = (-eta[i].abs()).exp();
            let pr = if eta[i] >= 0.0 {
                1.0 / (1.0 + e)
            } else {
                e / (1.0 + e)
            };
            w[i] = e / ((1.0 + e) * (1.0 + e));
            r[i] = if y[i] { 1.0 - pr } else { -pr };
        }
        let (h, g) = cross_products(x, Some(&w), &r);
        let (l, ridge) = factor_spd(&h).ok_or(UsageError::Singular)?;
        ridge_max = ridge_max.max(ridge);
        let delta = cholesky_solve(&l, &g);
        let mut step = 1.0;
        let mut accepted = None;
        for _ in 0..=MAX_HALVINGS {
            let candidate: Vec<f64> = beta.iter().zip(&delta).map(|(b, d)| b + step * d).collect();
            let eta_c = matvec(x, &candidate);
            let dev_c = logistic_deviance(&eta_c, y);
            if dev_c.is_finite() && dev_c <= dev + 1e-12 * (dev.abs() + 1.0) {
                accepted = Some((candidate, eta_c, dev_c));
                break;
            }
            step *= 0.5;
        }
        let Some((candidate, eta_c, dev_c)) = accepted else {
            // No step reduces the deviance: a numerical optimum.
            converged = true;
            break;
        };
        // Every row strictly on its own side: the current coefficients separate the data, so
        // the likelihood has no maximum (its supremum is 1). Stop here.
        if separates(&eta_c, y) {
            beta = candidate;
            eta = eta_c;
            complete = true;
            break;
        }
        let change = (dev - dev_c).abs() / (dev_c.abs() + 0.1);
        let largest_step = delta.iter().fold(0.0, |m: f64, d| m.max((step * d).abs()));
        beta = candidate;
        eta = eta_c;
        dev = dev_c;
        if change < DEVIANCE_TOLERANCE {
            let scale = 1.0 + beta.iter().fold(0.0, |m: f64, b| m.max(b.abs()));
            if largest_step <= STEP_TOLERANCE * scale {
                converged = true;
                break;
            }
            // The deviance has settled but the coefficients keep moving: they run off to
            // infinity (separation). A genuine optimum settles within a few Newton steps.
            stalled += 1;
            if stalled >= MAX_STALLED {
                diverging = true;
                break;
            }
        } else {
            stalled = 0;
        }
    }
    if n == 0 {
        converged = true;
    }
    let fitted: Vec<f64> = eta.iter().map(|&e| sigmoid(e)).collect();
    if complete {
        // Report the supremum of the log-likelihood (0), which likelihood-ratio tests need.
        dev = 0.0;
    }
    let separation = complete
        || diverging
        || fitted
            .iter()
            .any(|&pr| !(SEPARATION_EPS..=1.0 - SEPARATION_EPS).contains(&pr));
    Ok(GlmFit {
        coefficients: beta,
        log_likelihood: -dev / 2.0,
        deviance: dev,
        fitted,
        converged: converged && !separation,
        separation,
        complete_separation: complete,
        iterations,
        ridge: ridge_max,
    })
}

/// Smallest RSS used in likelihoods: `1e-20 * TSS`, or `f64::MIN_POSITIVE` for constant `y`.
pub(super) fn rss_floor(y: &[f64]) -> f64 {
    (1e-20 * total_ss(y)).max(f64::MIN_POSITIVE)
}

fn total_ss(y: &[f64]) -> f64 {
    if y.is_empty() {
        return 0.0;
    }
    let mean = y.iter().sum::<f64>() / y.len() as f64;
    y.iter().map(|v| (v - mean) * (v - mean)).sum()
}

/// `1 - RSS / TSS`; 1 when `TSS = 0` (a constant target is fitted exactly by the intercept).
pub(super) fn r_squared(y: &[f64], rss: f64) -> f64 {
    let tss = total_ss(y);
    if tss > 0.0 { 1.0 - rss / tss } else { 1.0 }
}

fn ols(x: ArrayView2<f64>, y: &[f64]) -> Result<GlmFit, UsageError> {
    let (h, g) = cross_products(x, None, y);
    ols_subset(x, y, &h, &g, None)
}

/// OLS of `y` on the columns `keep` of `x` (all columns when `None`), given `X'X` and `X'y` over
/// all columns, so submodels need no new cross products. Coefficients are returned for the
/// kept columns, in `keep` order. One step of iterative refinement from the residuals.
pub(super) fn ols_subset(
    x: ArrayView2<f64>,
    y: &[f64],
    h: &Array2<f64>,
    g: &[f64],
    keep: Option<&[usize]>,
) -> Result<GlmFit, UsageError> {
    let n = y.len();
    let cols: Vec<usize> = match keep {
        Some(k) => k.to_vec(),
        None => (0..x.ncols()).collect(),
    };
    if n == 0 {
        return Ok(GlmFit {
            coefficients: vec![0.0; cols.len()],
            log_likelihood: 0.0,
            deviance: 0.0,
            fitted: Vec::new(),
            converged: true,
            separation: false,
            complete_separation: false,
            iterations: 1,
            ridge: 0.0,
        });
    }
    let hs = h.select(Axis(0), &cols).select(Axis(1), &cols);
    let gs: Vec<f64> = cols.iter().map(|&j| g[j]).collect();
    let (l, ridge) = factor_spd(&hs).ok_or(UsageError::Singular)?;
    let mut beta = cholesky_solve(&l, &gs);
    // Coefficients laid out over all columns (dropped ones 0), so `x` needs no copy.
    let spread = |beta: &[f64]| -> Vec<f64> {
        let mut full = vec![0.0; x.ncols()];
        for (&j, &b) in cols.iter().zip(beta) {
            full[j] = b;
        }
        full
    };
    let fitted = matvec(x, &spread(&beta));
    let resid: Vec<f64> = y.iter().zip(&fitted).map(|(a, b)| a - b).collect();
    let xt_r = xt_vec(x, &resid);
    let xt_rs: Vec<f64> = cols.iter().map(|&j| xt_r[j]).collect();
    let correction = cholesky_solve(&l, &xt_rs);
    for (b, c) in beta.iter_mut().zip(&correction) {
        *b += c;
    }
    let fitted = matvec(x, &spread(&beta));
    let rss: f64 = y.iter().zip(&fitted).map(|(a, b)| (a - b) * (a - b)).sum();
    let rss_ll = rss.max(rss_floor(y));
    let nf = n as f64;
    let log_likelihood = -nf / 2.0 * ((2.0 * std::f64::consts::PI * rss_ll / nf).ln() + 1.0);
    if !(log_likelihood.is_finite() && beta.iter().all(|b| b.is_finite())) {
        return Err(UsageError::NonFinite {
            what: "the linear fit".to_string(),
        });
    }
    Ok(GlmFit {
        coefficients: beta,
        log_likelihood,
        deviance: rss,
        fitted,
        converged: true,
        separation: false,
        complete_separation: false,
        iterations: 1,
        ridge,
    })
}
