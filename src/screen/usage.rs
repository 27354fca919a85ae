//! Screening layer "use": does the algorithm's decision or score depend on an input beyond the
//! others?
//!
//! A surrogate model is fitted to the algorithm's output from all inputs (the design of
//! [`super::features::build_design`]): logistic regression for a yes/no decision, ordinary least
//! squares for a score. For each candidate input (typically a prohibited one, or a proxy found by
//! the other layers) the surrogate is refitted without that input's block of design columns and
//! the two fits are compared by a likelihood-ratio test. The effect is also shown in the
//! algorithm's own terms: how many surrogate decisions flip, and how much the surrogate's
//! probability or score moves, when the input is set to its neutral value.
//!
//! Everything is plain `f64` arithmetic on one thread, so results are deterministic. Linear
//! algebra is done by hand: the normal equations are solved with a Cholesky factorisation that
//! falls back to a tiny ridge when the matrix is not (numerically) positive definite, which
//! happens with collinear inputs and under separation.
//!
//! Big tables: the cost is about `rows x columns^2` per Newton iteration and per refit. Callers
//! screening more than [`SUGGESTED_MAX_ROWS`] rows draw a sample with [`subsample_indices`] and
//! take it from the target and every feature ([`super::features::Feature::take`]).

use std::fmt;

use ndarray::linalg::general_mat_mul;
use ndarray::{Array2, ArrayView2, Axis, s};
use serde::Serialize;
use statrs::distribution::{ChiSquared, ContinuousCDF};

use super::features::{DesignError, Feature, build_design};

/// Newton iterations allowed for a logistic fit.
pub const MAX_ITERATIONS: u32 = 50;

/// A logistic fit stops when `|dev_old - dev_new| / (|dev_new| + 0.1) < DEVIANCE_TOLERANCE`.
pub const DEVIANCE_TOLERANCE: f64 = 1e-10;

/// Above this many rows, callers are expected to subsample with [`subsample_indices`].
pub const SUGGESTED_MAX_ROWS: usize = 200_000;

/// With the deviance settled, the largest coefficient step must also fall below this share of
/// `1 + max |beta|` for the fit to count as converged.
const STEP_TOLERANCE: f64 = 1e-6;

/// Newton steps with a settled deviance but moving coefficients before the fit is declared
/// separated (coefficients diverging).
const MAX_STALLED: u32 = 6;

/// Under complete separation of the full model, Newton steps tried on a reduced model from the
/// full model's coefficients before it is refitted from zero.
const WARM_TRIAL_ITERATIONS: u32 = 3;

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

/// The algorithm's output, one entry per row.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    /// A yes/no decision: modelled by logistic regression.
    Binary(&'a [bool]),
    /// A score: modelled by ordinary least squares.
    Continuous(&'a [f64]),
}

impl Target<'_> {
    /// Number of rows.
    pub fn len(&self) -> usize {
        match self {
            Self::Binary(y) => y.len(),
            Self::Continuous(y) => y.len(),
        }
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn model(&self) -> &'static str {
        match self {
            Self::Binary(_) => "logistic",
            Self::Continuous(_) => "linear",
        }
    }
}

/// The likelihood-ratio test of one candidate input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UsageTest {
    /// The input's name.
    pub column: String,
    /// `"logistic"` or `"linear"`.
    pub model: String,
    /// Rows used.
    pub n: u64,
    /// `2 (ll_full - ll_reduced)`; for the linear model `n ln(RSS_reduced / RSS_full)`. Never
    /// negative (rounding below zero is clamped).
    pub lr_statistic: f64,
    /// Design columns dropped with the input (0 if all its columns were constant).
    pub df: u64,
    /// Upper tail of chi-square(`df`) at `lr_statistic`; 1 when `df = 0`.
    pub p_value: f64,
    /// For a numeric input: its coefficient per 1 SD in the full model (log-odds or score
    /// units). `None` for categorical inputs and for constant numeric ones.
    pub std_coefficient: Option<f64>,
    /// Rows whose surrogate decision flips when this input is set to its neutral value (mean for
    /// numeric, the most frequent level for categorical).
    pub decisions_changed: u64,
    /// Mean `|change|` of predicted probability or score under the same neutralisation.
    pub mean_abs_change: f64,
}

/// How well the full surrogate reproduces the algorithm's output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Surrogate {
    /// `"logistic"` or `"linear"`.
    pub model: String,
    /// Rows used.
    pub n: u64,
    /// Logistic: share of rows where the surrogate's decision (`p >= 0.5`) equals the real one;
    /// linear: `R^2 = 1 - RSS / TSS` (1 when the target is constant).
    pub fidelity: f64,
    /// Whether the fit converged to a finite optimum; `false` under (quasi-)complete separation
    /// or when the iteration limit was reached. The numbers are finite either way.
    pub converged: bool,
}

/// Options for [`usage_tests_with`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct UsageOptions {
    /// For a continuous target: a row's surrogate "decision" is `score >= threshold`. Default
    /// (`None`): the median of the target. Ignored for a binary target (threshold `p >= 0.5`).
    pub score_threshold: Option<f64>,
}

/// A fitted surrogate.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
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

/// Why the tests could not run.
#[derive(Debug, Clone, PartialEq)]
pub enum UsageError {
    /// No rows.
    Empty,
    /// Fewer rows than design columns.
    TooFewRows {
        /// Rows.
        rows: usize,
        /// Design columns (intercept included, constant columns excluded).
        columns: usize,
    },
    /// Inputs of different lengths.
    LengthMismatch {
        /// What was too long or short.
        what: String,
        /// Its length.
        len: usize,
        /// The expected length.
        expected: usize,
    },
    /// A candidate index that names no feature.
    BadCandidate {
        /// The index.
        index: usize,
        /// Number of features.
        features: usize,
    },
    /// A non-finite target value or design entry.
    NonFinite {
        /// Where.
        what: String,
    },
    /// The design could not be built.
    Design(DesignError),
    /// The normal equations could not be solved even with a ridge.
    Singular,
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "usage test: no rows"),
            Self::TooFewRows { rows, columns } => write!(
                f,
                "usage test: {rows} rows are fewer than the {columns} model columns; \
                 drop inputs or add rows"
            ),
            Self::LengthMismatch {
                what,
                len,
                expected,
            } => write!(f, "usage test: {what} has {len} rows, expected {expected}"),
            Self::BadCandidate { index, features } => write!(
                f,
                "usage test: candidate {index} is out of range ({features} features)"
            ),
            Self::NonFinite { what } => write!(f, "usage test: non-finite value in {what}"),
            Self::Design(e) => write!(f, "usage test: {e}"),
            Self::Singular => write!(
                f,
                "usage test: normal equations could not be solved even with a ridge"
            ),
        }
    }
}

impl std::error::Error for UsageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Design(e) => Some(e),
            _ => None,
        }
    }
}

impl From<DesignError> for UsageError {
    fn from(e: DesignError) -> Self {
        Self::Design(e)
    }
}

/// Likelihood-ratio tests of `candidates` (indices into `features`) with default
/// [`UsageOptions`]. See [`usage_tests_with`].
///
/// # Errors
/// As [`usage_tests_with`].
pub fn usage_tests(
    target: Target,
    features: &[Feature],
    candidates: &[usize],
) -> Result<(Surrogate, Vec<UsageTest>), UsageError> {
    usage_tests_with(target, features, candidates, &UsageOptions::default())
}

/// Fit the full surrogate on all `features`, then for each candidate refit without it.
///
/// * Statistic: logistic `LR = 2 (ll_full - ll_reduced)`; linear `LR = n ln(RSS_reduced /
///   RSS_full)`; clamped at 0. `df` = design columns dropped; `p = P(chi2_df >= LR)`.
/// * A candidate whose columns were all constant has `df = 0`, `LR = 0`, `p = 1`, no changes.
/// * Neutralisation zeroes the candidate's design columns in the full model: the mean for a
///   numeric input (observed), the most frequent level for a categorical one.
/// * Decisions: logistic `p >= 0.5`; linear `score >= threshold` (see [`UsageOptions`]).
/// * Refits start from the full fit's coefficients (without the block) when it converged.
/// * Separation (common when the decision is a deterministic rule of the inputs): the surrogate
///   reports `converged = false` and stays finite (see [`fit_logistic`]); under complete
///   separation log-likelihoods are their supremum 0, so `LR` is 0 when the reduced model still
///   separates and `-2 ll_reduced` when it does not. Refits then start from zero, except that
///   under complete separation 3 Newton steps from the full fit's coefficients are tried
///   first. `decisions_changed` stays meaningful (the separating boundary), while
///   `std_coefficient` and `mean_abs_change` depend on where the iteration stopped.
/// * A constant target gives LR 0 everywhere (binary: `converged = false`, since the intercept
///   runs off to infinity).
///
/// # Errors
/// [`UsageError::Empty`] for no rows; [`UsageError::LengthMismatch`] / [`UsageError::Design`]
/// for features of the wrong length or bad codes; [`UsageError::BadCandidate`];
/// [`UsageError::NonFinite`] for a non-finite score; [`UsageError::TooFewRows`] when rows are
/// fewer than design columns.
pub fn usage_tests_with(
    target: Target,
    features: &[Feature],
    candidates: &[usize],
    options: &UsageOptions,
) -> Result<(Surrogate, Vec<UsageTest>), UsageError> {
    let n = target.len();
    if n == 0 {
        return Err(UsageError::Empty);
    }
    if let Some(f) = features.iter().find(|f| f.len() != n) {
        return Err(UsageError::LengthMismatch {
            what: format!("feature `{}`", f.name),
            len: f.len(),
            expected: n,
        });
    }
    if let Some(&index) = candidates.iter().find(|&&c| c >= features.len()) {
        return Err(UsageError::BadCandidate {
            index,
            features: features.len(),
        });
    }
    if let Target::Continuous(y) = target
        && y.iter().any(|v| !v.is_finite())
    {
        return Err(UsageError::NonFinite {
            what: "the score".to_string(),
        });
    }
    let design = build_design(n, features)?;
    let p = design.n_cols();
    if n < p {
        return Err(UsageError::TooFewRows {
            rows: n,
            columns: p,
        });
    }
    let x = design.x.view();
    // X'X and X'y of the full design, reused by the linear submodels.
    let mut cross = None;
    let full = match target {
        Target::Binary(y) => logistic_irls(x, y, None, MAX_ITERATIONS)?,
        Target::Continuous(y) => {
            let (h, g) = cross_products(x, None, y);
            let fit = ols_subset(x, y, &h, &g, None)?;
            cross = Some((h, g));
            fit
        }
    };
    // Linear predictor of the full model (log-odds or score).
    let eta_full = matvec(x, &full.coefficients);
    let fidelity = match target {
        Target::Binary(y) => {
            let agree = full
                .fitted
                .iter()
                .zip(y)
                .filter(|&(&pr, &yi)| (pr >= 0.5) == yi)
                .count();
            agree as f64 / n as f64
        }
        Target::Continuous(y) => r_squared(y, full.deviance),
    };
    let threshold = match target {
        Target::Binary(_) => 0.5,
        Target::Continuous(y) => options.score_threshold.unwrap_or_else(|| median(y)),
    };
    let surrogate = Surrogate {
        model: target.model().to_string(),
        n: n as u64,
        fidelity,
        converged: full.converged,
    };

    let mut tests = Vec::with_capacity(candidates.len());
    for &c in candidates {
        let block = &design.blocks[c];
        let std_coefficient = design.value_column[c].map(|j| full.coefficients[j]);
        let mut test = UsageTest {
            column: features[c].name.clone(),
            model: target.model().to_string(),
            n: n as u64,
            lr_statistic: 0.0,
            df: block.len() as u64,
            p_value: 1.0,
            std_coefficient,
            decisions_changed: 0,
            mean_abs_change: 0.0,
        };
        if block.is_empty() {
            tests.push(test);
            continue;
        }
        let keep = design.columns_without(c);
        let lr = match target {
            Target::Binary(y) => {
                let xr = design.x.select(Axis(1), &keep);
                let start: Vec<f64> = keep.iter().map(|&j| full.coefficients[j]).collect();
                let reduced = if full.converged {
                    logistic_irls(xr.view(), y, Some(&start), MAX_ITERATIONS)?
                } else if full.complete_separation {
                    // If the input is not needed to separate, a few steps from the full
                    // model's coefficients show it; otherwise start again from zero.
                    let trial = logistic_irls(xr.view(), y, Some(&start), WARM_TRIAL_ITERATIONS)?;
                    if trial.complete_separation {
                        trial
                    } else {
                        logistic_irls(xr.view(), y, None, MAX_ITERATIONS)?
                    }
                } else {
                    logistic_irls(xr.view(), y, None, MAX_ITERATIONS)?
                };
                2.0 * (full.log_likelihood - reduced.log_likelihood)
            }
            Target::Continuous(y) => {
                let (h, g) = cross
                    .as_ref()
                    .expect("cross products are kept for a continuous target");
                let reduced = ols_subset(x, y, h, g, Some(&keep))?;
                let floor = rss_floor(y);
                n as f64 * (reduced.deviance.max(floor) / full.deviance.max(floor)).ln()
            }
        };
        test.lr_statistic = if lr.is_finite() { lr.max(0.0) } else { 0.0 };
        test.p_value = chi2_sf(test.lr_statistic, block.len());

        let mut changed = 0u64;
        let mut total_change = 0.0;
        for (i, &eta) in eta_full.iter().enumerate() {
            let row = design.x.row(i);
            let part: f64 = block.iter().map(|&j| row[j] * full.coefficients[j]).sum();
            let eta_neutral = eta - part;
            let (before, after) = match target {
                Target::Binary(_) => (sigmoid(eta), sigmoid(eta_neutral)),
                Target::Continuous(_) => (eta, eta_neutral),
            };
            if (before >= threshold) != (after >= threshold) {
                changed += 1;
            }
            total_change += (before - after).abs();
        }
        test.decisions_changed = changed;
        test.mean_abs_change = total_change / n as f64;
        tests.push(test);
    }
    Ok((surrogate, tests))
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
pub fn fit_logistic(x: &Array2<f64>, y: &[bool]) -> Result<Fit, UsageError> {
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
pub fn fit_linear(x: &Array2<f64>, y: &[f64]) -> Result<Fit, UsageError> {
    check_inputs(x, y.len())?;
    if y.iter().any(|v| !v.is_finite()) {
        return Err(UsageError::NonFinite {
            what: "y".to_string(),
        });
    }
    ols(x.view(), y)
}

/// A deterministic, sorted sample of `min(n, max)` distinct row indices from `0..n`.
///
/// `n <= max` returns `0..n`. Otherwise Knuth's selection sampling (Algorithm S): row `i` is
/// taken with probability `(max - taken) / (n - i)`, driven by SplitMix64 seeded with `seed`, so
/// every subset of size `max` is equally likely and the output is sorted. Callers subsample
/// above [`SUGGESTED_MAX_ROWS`] (200,000) rows before [`usage_tests`]. `max = 0` gives an empty
/// sample.
pub fn subsample_indices(n: usize, max: usize, seed: u64) -> Vec<usize> {
    if n <= max {
        return (0..n).collect();
    }
    let mut state = seed;
    let mut out = Vec::with_capacity(max);
    for i in 0..n {
        let needed = max - out.len();
        if needed == 0 {
            break;
        }
        let remaining = n - i;
        if needed == remaining {
            out.extend(i..n);
            break;
        }
        // Uniform in [0, 1) from the top 53 bits.
        let u = (splitmix64(&mut state) >> 11) as f64 / (1u64 << 53) as f64;
        if (remaining as f64) * u < needed as f64 {
            out.push(i);
        }
    }
    out
}

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
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

/// Upper tail of chi-square(`df`) at `stat`; 1 for `df = 0` or `stat <= 0`.
fn chi2_sf(stat: f64, df: usize) -> f64 {
    if df == 0 || stat.is_nan() || stat <= 0.0 {
        return 1.0;
    }
    match ChiSquared::new(df as f64) {
        Ok(d) => {
            let p = d.sf(stat);
            if p.is_finite() {
                p.clamp(0.0, 1.0)
            } else {
                0.0
            }
        }
        Err(_) => 1.0,
    }
}

/// Logistic function, computed without overflow.
fn sigmoid(eta: f64) -> f64 {
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

fn matvec(x: ArrayView2<f64>, beta: &[f64]) -> Vec<f64> {
    x.dot(&ndarray::aview1(beta)).to_vec()
}

/// `(X' diag(w) X, X' r)`, accumulated over row blocks with a matrix product.
fn cross_products(x: ArrayView2<f64>, w: Option<&[f64]>, r: &[f64]) -> (Array2<f64>, Vec<f64>) {
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
fn logistic_irls(
    x: ArrayView2<f64>,
    y: &[bool],
    start: Option<&[f64]>,
    max_iterations: u32,
) -> Result<Fit, UsageError> {
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
    Ok(Fit {
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
fn rss_floor(y: &[f64]) -> f64 {
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
fn r_squared(y: &[f64], rss: f64) -> f64 {
    let tss = total_ss(y);
    if tss > 0.0 { 1.0 - rss / tss } else { 1.0 }
}

/// Median (mean of the two middle values for even length); 0 for empty input.
fn median(y: &[f64]) -> f64 {
    if y.is_empty() {
        return 0.0;
    }
    let mut v = y.to_vec();
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    }
}

fn ols(x: ArrayView2<f64>, y: &[f64]) -> Result<Fit, UsageError> {
    let (h, g) = cross_products(x, None, y);
    ols_subset(x, y, &h, &g, None)
}

/// OLS of `y` on the columns `keep` of `x` (all columns when `None`), given `X'X` and `X'y` over
/// all columns, so submodels need no new cross products. Coefficients are returned for the
/// kept columns, in `keep` order. One step of iterative refinement from the residuals.
fn ols_subset(
    x: ArrayView2<f64>,
    y: &[f64],
    h: &Array2<f64>,
    g: &[f64],
    keep: Option<&[usize]>,
) -> Result<Fit, UsageError> {
    let n = y.len();
    let cols: Vec<usize> = match keep {
        Some(k) => k.to_vec(),
        None => (0..x.ncols()).collect(),
    };
    if n == 0 {
        return Ok(Fit {
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
    Ok(Fit {
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

#[cfg(test)]
mod tests {
    use super::super::features::build_design;
    use super::*;

    // A fixed dataset drawn once with numpy default_rng(10) and written out literally, here and
    // in the Python reference script (usage_ref.py).
    #[rustfmt::skip]
    const X1: [Option<f64>; 40] = [
        Some(39.0), Some(42.7), Some(42.2), Some(52.7), None, Some(51.3), Some(58.4), Some(58.6),
        Some(54.8), Some(45.5), Some(42.5), None, Some(46.6), Some(49.5), Some(40.3), Some(38.7),
        Some(53.1), Some(31.5), Some(48.2), Some(54.3), Some(40.1), Some(38.9), Some(42.4), None,
        Some(48.7), Some(31.3), Some(45.8), Some(60.1), Some(59.8), Some(56.3), Some(47.6),
        Some(31.6), Some(51.7), Some(48.2), Some(50.8), Some(65.4), Some(51.8), Some(52.8),
        Some(56.1), Some(47.4),
    ];
    #[rustfmt::skip]
    const X2: [f64; 40] = [
        -1.33, -1.47, 1.53, 1.01, -0.98, 2.31, 0.37, -2.68, 1.21, -0.28, -2.66, 1.03, -0.69, -0.78,
        1.18, -4.38, -2.55, -0.85, 0.5, -1.33, -1.99, -2.1, -0.23, 1.35, -2.9, -4.16, -0.59, -0.76,
        -1.82, 1.22, 1.61, -1.13, -0.69, 1.14, -0.86, -2.81, -0.14, -1.81, 0.65, -1.01,
    ];
    #[rustfmt::skip]
    const C: [Option<u32>; 40] = [
        Some(2), Some(1), Some(2), Some(0), Some(2), Some(1), Some(0), None, Some(2), Some(0),
        Some(2), Some(1), Some(1), Some(1), Some(0), None, Some(2), Some(2), Some(0), Some(2),
        Some(2), Some(0), Some(2), Some(1), Some(1), Some(0), Some(2), Some(1), Some(2), Some(2),
        None, Some(1), Some(1), Some(0), Some(1), Some(0), Some(2), Some(1), Some(1), Some(2),
    ];
    #[rustfmt::skip]
    const Y: [u8; 40] = [
        0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 1,
        0, 0, 0, 1, 1, 0, 0, 1, 1,
    ];
    #[rustfmt::skip]
    const S: [f64; 40] = [
        2.37, 3.96, 2.9, 5.1, 3.36, 4.76, 3.9, 3.93, 4.02, 5.1, 1.95, 5.44, 2.34, 3.91, 3.91, 2.23,
        2.4, 2.16, 5.57, 3.08, 3.1, 3.11, 2.99, 3.45, 3.49, 2.6, 2.19, 4.22, 2.71, 5.51, 4.04, 2.6,
        2.36, 3.52, 4.28, 3.4, 1.49, 3.75, 4.92, 3.1,
    ];

    fn fixed_features() -> Vec<Feature> {
        vec![
            Feature::numeric("x1", X1.to_vec()),
            Feature::numeric("x2", X2.iter().map(|&v| Some(v)).collect()),
            Feature::categorical("c", vec!["0".into(), "1".into(), "2".into()], C.to_vec()),
        ]
    }

    fn fixed_y() -> Vec<bool> {
        Y.iter().map(|&v| v == 1).collect()
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * (1.0 + b.abs())
    }

    /// Minimal deterministic generator for synthetic data (Knuth's MMIX LCG).
    struct Lcg(u64);

    impl Lcg {
        fn uniform(&mut self) -> f64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 11) as f64 + 0.5) / (1u64 << 53) as f64
        }

        fn normal(&mut self) -> f64 {
            let (u, v) = (self.uniform(), self.uniform());
            (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
        }

        fn logistic(&mut self) -> f64 {
            let u = self.uniform();
            (u / (1.0 - u)).ln()
        }
    }

    /// Synthetic workers: `skill`, `tenure` numeric, `gender` (0/1) correlated with tenure.
    fn synthetic(n: usize, seed: u64) -> (Vec<f64>, Vec<f64>, Vec<u32>, Vec<f64>) {
        let mut rng = Lcg(seed);
        let mut skill = Vec::with_capacity(n);
        let mut tenure = Vec::with_capacity(n);
        let mut gender = Vec::with_capacity(n);
        let mut noise = Vec::with_capacity(n);
        for _ in 0..n {
            let g = u32::from(rng.uniform() < 0.4);
            gender.push(g);
            skill.push(rng.normal());
            tenure.push(rng.normal() + 0.8 * f64::from(g));
            noise.push(rng.logistic());
        }
        (skill, tenure, gender, noise)
    }

    fn synthetic_features(skill: &[f64], tenure: &[f64], gender: &[u32]) -> Vec<Feature> {
        vec![
            Feature::numeric("skill", skill.iter().map(|&v| Some(v)).collect()),
            Feature::numeric("tenure", tenure.iter().map(|&v| Some(v)).collect()),
            Feature::categorical(
                "gender",
                vec!["f".into(), "m".into()],
                gender.iter().map(|&g| Some(g)).collect(),
            ),
        ]
    }

    #[test]
    fn logistic_matches_statsmodels() {
        // statsmodels 0.15.0: sm.Logit(y, D).fit(tol=1e-12, maxiter=100) with D built in
        // usage_ref.py (pandas/numpy: z-scores with ddof=1, indicator, one-hot minus mode),
        // reduced fits on D.drop(columns=block); p = scipy 1.17.1 stats.chi2.sf(lr, df);
        // changed / mac from the full params with the block zeroed.
        let (s, tests) =
            usage_tests(Target::Binary(&fixed_y()), &fixed_features(), &[0, 1, 2]).expect("fits");
        assert_eq!(s.model, "logistic");
        assert_eq!(s.n, 40);
        assert!(s.converged);
        assert!(close(s.fidelity, 0.775, 1e-12));
        let expected = [
            (
                "x1",
                4.293705719403036,
                2,
                0.11685132722439612,
                Some(0.9798652330056531),
                6,
                0.10513821484243038,
            ),
            (
                "x2",
                4.594718882320912,
                1,
                0.032070601832780724,
                Some(0.9891429922907449),
                9,
                0.11934376179999666,
            ),
            (
                "c",
                6.905651416301204,
                3,
                0.07496656168721731,
                None,
                10,
                0.16463999818908978,
            ),
        ];
        for (t, e) in tests.iter().zip(expected) {
            assert_eq!(t.column, e.0);
            assert_eq!(t.model, "logistic");
            assert!(
                close(t.lr_statistic, e.1, 1e-8),
                "{}: {}",
                t.column,
                t.lr_statistic
            );
            assert_eq!(t.df, e.2);
            assert!(close(t.p_value, e.3, 1e-8), "{}: {}", t.column, t.p_value);
            match (t.std_coefficient, e.4) {
                (Some(a), Some(b)) => assert!(close(a, b, 1e-7), "{}: {a}", t.column),
                (a, b) => assert_eq!(a, b),
            }
            assert_eq!(t.decisions_changed, e.5);
            assert!(close(t.mean_abs_change, e.6, 1e-7), "{}", t.column);
        }
    }

    #[test]
    fn fit_logistic_matches_statsmodels_log_likelihood_and_params() {
        let design = build_design(40, &fixed_features()).expect("valid");
        assert_eq!(
            design.column_names,
            vec![
                "(intercept)",
                "x1",
                "x1:missing",
                "x2",
                "c=0",
                "c=1",
                "c=(missing)"
            ]
        );
        let fit = fit_logistic(&design.x, &fixed_y()).expect("fits");
        // statsmodels 0.15.0 sm.Logit(y, D).fit(tol=1e-12): llf and params.
        assert!(close(fit.log_likelihood, -18.42679539291571, 1e-10));
        let params = [
            -1.6859128094817448,
            0.9798652330056531,
            0.39783036158418567,
            0.9891429922907449,
            0.44026200348189953,
            2.4059210190077382,
            0.950421453437324,
        ];
        for (a, b) in fit.coefficients.iter().zip(params) {
            assert!(close(*a, b, 1e-7), "{a} vs {b}");
        }
        assert!(fit.converged && !fit.separation);
        assert_eq!(fit.ridge, 0.0);
    }

    #[test]
    fn linear_matches_statsmodels() {
        // statsmodels 0.15.0: sm.OLS(s, D).fit(); lr = 2 (llf_full - llf_reduced), checked equal
        // to results.compare_lr_test(reduced); p = scipy stats.chi2.sf; decisions at the median
        // of s (np.median).
        let (s, tests) =
            usage_tests(Target::Continuous(&S), &fixed_features(), &[0, 1, 2]).expect("fits");
        assert_eq!(s.model, "linear");
        assert!(s.converged);
        assert!(close(s.fidelity, 0.5287174593287746, 1e-10));
        let expected = [
            (
                "x1",
                6.210787677009364,
                2,
                0.044806868413786005,
                Some(0.30664363399940087),
                6,
                0.2527954969146295,
            ),
            (
                "x2",
                11.900749234270393,
                1,
                0.0005611136985778156,
                Some(0.45442388536307954),
                5,
                0.36009923024893864,
            ),
            (
                "c",
                12.711856982274853,
                3,
                0.005303036659658559,
                None,
                11,
                0.5411404384002272,
            ),
        ];
        for (t, e) in tests.iter().zip(expected) {
            assert_eq!(t.column, e.0);
            assert!(
                close(t.lr_statistic, e.1, 1e-9),
                "{}: {}",
                t.column,
                t.lr_statistic
            );
            assert_eq!(t.df, e.2);
            assert!(close(t.p_value, e.3, 1e-9), "{}: {}", t.column, t.p_value);
            match (t.std_coefficient, e.4) {
                (Some(a), Some(b)) => assert!(close(a, b, 1e-10)),
                (a, b) => assert_eq!(a, b),
            }
            assert_eq!(t.decisions_changed, e.5);
            assert!(close(t.mean_abs_change, e.6, 1e-10));
        }
        let design = build_design(40, &fixed_features()).expect("valid");
        let fit = fit_linear(&design.x, &S).expect("fits");
        // statsmodels 0.15.0 sm.OLS(s, D).fit().llf
        assert!(close(fit.log_likelihood, -43.47455154496143, 1e-12));
        assert!(close(fit.coefficients[0], 2.9123773574386225, 1e-12));
    }

    #[test]
    fn prohibited_input_that_is_used_is_detected() {
        let n = 3000;
        let (skill, tenure, gender, noise) = synthetic(n, 42);
        let y: Vec<bool> = (0..n)
            .map(|i| 1.2 * skill[i] + 0.5 * tenure[i] - 1.0 * f64::from(gender[i]) + noise[i] > 0.0)
            .collect();
        let features = synthetic_features(&skill, &tenure, &gender);
        let (s, tests) = usage_tests(Target::Binary(&y), &features, &[2]).expect("fits");
        assert!(s.converged);
        let t = &tests[0];
        assert_eq!((t.column.as_str(), t.df), ("gender", 1));
        assert!(t.lr_statistic > 100.0, "{}", t.lr_statistic);
        assert!(t.p_value < 1e-20, "{}", t.p_value);
        assert!(t.decisions_changed > 150, "{}", t.decisions_changed);
        assert!(t.mean_abs_change > 0.05, "{}", t.mean_abs_change);
        assert_eq!(t.std_coefficient, None);
    }

    #[test]
    fn prohibited_input_that_is_present_but_not_used_is_cleared() {
        let n = 3000;
        let (skill, tenure, gender, noise) = synthetic(n, 7);
        // Gender correlates with tenure (a proxy) but the decision ignores gender itself.
        let y: Vec<bool> = (0..n)
            .map(|i| 1.2 * skill[i] + 0.5 * tenure[i] + noise[i] > 0.0)
            .collect();
        let features = synthetic_features(&skill, &tenure, &gender);
        let (_, tests) = usage_tests(Target::Binary(&y), &features, &[2, 1]).expect("fits");
        let g = &tests[0];
        assert!(g.p_value > 0.05, "{}", g.p_value);
        assert!(g.decisions_changed < 30, "{}", g.decisions_changed);
        assert!(g.mean_abs_change < 0.02, "{}", g.mean_abs_change);
        // Tenure is used.
        let t = &tests[1];
        assert!(t.p_value < 1e-20);
        assert!(t.std_coefficient.expect("numeric") > 0.3);

        // The same with a score.
        let score: Vec<f64> = (0..n)
            .map(|i| 2.0 * skill[i] + tenure[i] + 0.5 * noise[i])
            .collect();
        let (_, tests) = usage_tests(Target::Continuous(&score), &features, &[2]).expect("fits");
        assert!(tests[0].p_value > 0.05, "{}", tests[0].p_value);
        assert!(tests[0].decisions_changed < 30);
    }

    #[test]
    fn perfect_separation_is_reported_and_finite() {
        let n = 200;
        let mut rng = Lcg(3);
        let x: Vec<f64> = (0..n).map(|_| rng.normal()).collect();
        let z: Vec<f64> = (0..n).map(|_| rng.normal()).collect();
        let y: Vec<bool> = x.iter().map(|&v| v > 0.1).collect();
        let features = vec![
            Feature::numeric("x", x.iter().map(|&v| Some(v)).collect()),
            Feature::numeric("z", z.iter().map(|&v| Some(v)).collect()),
        ];
        let (s, tests) = usage_tests(Target::Binary(&y), &features, &[0, 1]).expect("fits");
        assert!(!s.converged);
        assert_eq!(s.fidelity, 1.0);
        for t in &tests {
            assert!(t.lr_statistic.is_finite() && t.p_value.is_finite());
            assert!(t.mean_abs_change.is_finite());
            assert!(t.std_coefficient.expect("numeric").is_finite());
        }
        // Dropping x loses the separation: a huge statistic.
        assert!(tests[0].lr_statistic > 200.0);
        assert!(tests[0].p_value < 1e-40);
        assert!(tests[0].decisions_changed > 50);
        let design = build_design(n, &features).expect("valid");
        let fit = fit_logistic(&design.x, &y).expect("fits");
        assert!(fit.separation && !fit.converged);
        // Complete separation: the supremum of the log-likelihood, and z's test at its limit.
        assert_eq!(fit.log_likelihood, 0.0);
        assert_eq!((tests[1].lr_statistic, tests[1].p_value), (0.0, 1.0));
        assert!(fit.coefficients.iter().all(|b| b.is_finite()));
        assert!(fit.log_likelihood.is_finite() && fit.log_likelihood <= 0.0);
    }

    #[test]
    fn quasi_complete_separation_is_reported_and_finite() {
        let n = 400;
        let (skill, tenure, gender, noise) = synthetic(n, 5);
        // A rare site whose 6 workers are all hired; elsewhere a noisy rule.
        let site: Vec<Option<u32>> = (0..n).map(|i| Some(u32::from(i % 67 == 0))).collect();
        let y: Vec<bool> = (0..n)
            .map(|i| site[i] == Some(1) || skill[i] + noise[i] > 0.0)
            .collect();
        let mut features = synthetic_features(&skill, &tenure, &gender);
        features.push(Feature::categorical(
            "site",
            vec!["main".into(), "rare".into()],
            site,
        ));
        let (s, tests) = usage_tests(Target::Binary(&y), &features, &[3, 0]).expect("fits");
        assert!(!s.converged);
        for t in &tests {
            assert!(t.lr_statistic.is_finite() && t.p_value.is_finite());
            assert!(t.mean_abs_change.is_finite());
        }
        // The rare site's rows are all hired: dropping it costs a little likelihood.
        assert!(tests[0].lr_statistic > 1.0 && tests[0].lr_statistic < 20.0);
        assert!(tests[1].p_value < 1e-10);
        let design = build_design(n, &features).expect("valid");
        let fit = fit_logistic(&design.x, &y).expect("fits");
        assert!(fit.separation && fit.iterations < MAX_ITERATIONS);
        assert!(fit.coefficients.iter().all(|b| b.is_finite()));
    }

    #[test]
    fn constant_and_collinear_inputs() {
        let n = 300;
        let (skill, tenure, gender, noise) = synthetic(n, 11);
        let y: Vec<bool> = (0..n).map(|i| skill[i] + noise[i] > 0.0).collect();
        let mut features = synthetic_features(&skill, &tenure, &gender);
        features.push(Feature::numeric("constant", vec![Some(3.0); n]));
        // An exact copy of skill: the full design is rank-deficient.
        features.push(Feature::numeric(
            "skill_copy",
            skill.iter().map(|&v| Some(2.0 * v + 1.0)).collect(),
        ));
        let (s, tests) = usage_tests(Target::Binary(&y), &features, &[3, 0]).expect("fits");
        assert!(s.converged);
        let k = &tests[0];
        assert_eq!((k.df, k.lr_statistic, k.p_value), (0, 0.0, 1.0));
        assert_eq!((k.decisions_changed, k.mean_abs_change), (0, 0.0));
        assert_eq!(k.std_coefficient, None);
        // Dropping skill loses nothing: its copy carries the same information.
        let c = &tests[1];
        assert!(c.lr_statistic < 1e-4, "{}", c.lr_statistic);
        assert!(c.p_value > 0.99);
        let design = build_design(n, &features).expect("valid");
        let fit = fit_logistic(&design.x, &y).expect("fits");
        assert!(fit.ridge > 0.0);
        let (_, lin) = usage_tests(Target::Continuous(&tenure), &features, &[0]).expect("fits");
        assert!(lin[0].lr_statistic < 1e-6 && lin[0].p_value > 0.99);
    }

    #[test]
    fn constant_targets() {
        let features = fixed_features();
        let y = vec![true; 40];
        let (s, tests) = usage_tests(Target::Binary(&y), &features, &[0, 1, 2]).expect("fits");
        assert!(!s.converged);
        assert_eq!(s.fidelity, 1.0);
        for t in &tests {
            assert_eq!((t.lr_statistic, t.p_value), (0.0, 1.0));
            assert_eq!(t.decisions_changed, 0);
        }
        let score = vec![2.5; 40];
        let (s, tests) =
            usage_tests(Target::Continuous(&score), &features, &[0, 1, 2]).expect("fits");
        assert!(s.converged);
        assert_eq!(s.fidelity, 1.0);
        for t in &tests {
            assert_eq!((t.lr_statistic, t.p_value), (0.0, 1.0));
            assert_eq!(t.decisions_changed, 0);
        }
    }

    #[test]
    fn errors_are_explained() {
        let features = fixed_features();
        let e = usage_tests(Target::Binary(&[]), &[], &[]).expect_err("empty");
        assert_eq!(e, UsageError::Empty);
        assert_eq!(e.to_string(), "usage test: no rows");
        let short: Vec<Feature> = features
            .iter()
            .map(|f| f.take(&[0, 1, 2, 3]).expect("in range"))
            .collect();
        let y = [true, false, true, false];
        let e = usage_tests(Target::Binary(&y), &short, &[0]).expect_err("too few rows");
        assert_eq!(
            e,
            UsageError::TooFewRows {
                rows: 4,
                columns: 5
            }
        );
        assert!(
            e.to_string()
                .contains("4 rows are fewer than the 5 model columns")
        );
        let e = usage_tests(Target::Binary(&y), &features, &[0]).expect_err("lengths");
        assert!(matches!(
            e,
            UsageError::LengthMismatch {
                len: 40,
                expected: 4,
                ..
            }
        ));
        let e = usage_tests(Target::Continuous(&S), &features, &[3]).expect_err("candidate");
        assert_eq!(
            e,
            UsageError::BadCandidate {
                index: 3,
                features: 3
            }
        );
        let mut bad = S;
        bad[3] = f64::NAN;
        let e = usage_tests(Target::Continuous(&bad), &features, &[0]).expect_err("NaN");
        assert!(matches!(e, UsageError::NonFinite { .. }));
        let design = build_design(40, &features).expect("valid");
        assert!(fit_logistic(&design.x, &[true]).is_err());
        assert!(fit_linear(&design.x, &bad).is_err());
        // Zero rows through the public fitters: zero coefficients, log-likelihood 0.
        let empty = Array2::<f64>::zeros((0, 2));
        let fit = fit_logistic(&empty, &[]).expect("empty");
        assert_eq!((fit.coefficients, fit.log_likelihood), (vec![0.0; 2], 0.0));
        let fit = fit_linear(&empty, &[]).expect("empty");
        assert_eq!((fit.coefficients, fit.log_likelihood), (vec![0.0; 2], 0.0));
        // No features: intercept only, no candidates.
        let (s, tests) = usage_tests(Target::Continuous(&S), &[], &[]).expect("intercept");
        assert!(tests.is_empty());
        assert!(s.fidelity.abs() < 1e-12);
    }

    #[test]
    fn deterministic_and_threshold_option() {
        let a = usage_tests(Target::Continuous(&S), &fixed_features(), &[2, 0]).expect("fits");
        let b = usage_tests(Target::Continuous(&S), &fixed_features(), &[2, 0]).expect("fits");
        assert_eq!(a, b);
        let opts = UsageOptions {
            score_threshold: Some(100.0),
        };
        let (_, t) =
            usage_tests_with(Target::Continuous(&S), &fixed_features(), &[2], &opts).expect("fits");
        assert_eq!(t[0].decisions_changed, 0);
        assert_eq!(t[0].lr_statistic, a.1[0].lr_statistic);
    }

    #[test]
    fn subsample_is_sorted_distinct_and_deterministic() {
        assert_eq!(subsample_indices(5, 10, 1), vec![0, 1, 2, 3, 4]);
        assert!(subsample_indices(5, 0, 1).is_empty());
        let a = subsample_indices(1_000_000, 1000, 99);
        assert_eq!(a.len(), 1000);
        assert!(a.windows(2).all(|w| w[0] < w[1]));
        assert!(*a.last().expect("non-empty") < 1_000_000);
        assert_eq!(a, subsample_indices(1_000_000, 1000, 99));
        assert_ne!(a, subsample_indices(1_000_000, 1000, 100));
        // Spread over the whole range: about half below the middle.
        let low = a.iter().filter(|&&i| i < 500_000).count();
        assert!((400..600).contains(&low), "{low}");
        assert_eq!(subsample_indices(10, 9, 5).len(), 9);
    }

    #[test]
    fn chi_square_tail_is_finite() {
        assert_eq!(chi2_sf(0.0, 2), 1.0);
        assert_eq!(chi2_sf(5.0, 0), 1.0);
        assert_eq!(chi2_sf(1e6, 3), 0.0);
        // scipy 1.17.1 stats.chi2.sf(3.84, 1)
        assert!(close(chi2_sf(3.84, 1), 0.05004352124870519, 1e-10));
    }
}
