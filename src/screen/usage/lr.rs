//! The likelihood-ratio tests: the full surrogate, each candidate's refit without it, and the
//! effect of setting the candidate to its neutral value.

use ndarray::{Array2, Axis};
use statrs::distribution::{ChiSquared, ContinuousCDF};

use super::{Surrogate, UsageError, UsageOptions, UsageTest, UseTarget};
use crate::screen::features::{Design, Feature, build_design};
use crate::screen::glm::{
    GlmFit, MAX_ITERATIONS, cross_products, logistic_irls, matvec, ols_subset, r_squared,
    rss_floor, sigmoid,
};

/// Under complete separation of the full model, Newton steps tried on a reduced model from the
/// full model's coefficients before it is refitted from zero.
const WARM_TRIAL_ITERATIONS: u32 = 3;

/// Likelihood-ratio tests of `candidates` (indices into `features`) with default
/// [`UsageOptions`]. See [`usage_tests_with`].
///
/// # Errors
/// As [`usage_tests_with`].
pub fn usage_tests(
    target: UseTarget,
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
///   reports `converged = false` and stays finite (see
///   [`fit_logistic`](crate::screen::glm::fit_logistic)); under complete separation
///   log-likelihoods are their supremum 0, so `LR` is 0 when the reduced model still
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
    target: UseTarget,
    features: &[Feature],
    candidates: &[usize],
    options: &UsageOptions,
) -> Result<(Surrogate, Vec<UsageTest>), UsageError> {
    check_usage_inputs(target, features, candidates)?;
    let n = target.len();
    let design = build_design(n, features)?;
    let p = design.n_cols();
    if n < p {
        return Err(UsageError::TooFewRows {
            rows: n,
            columns: p,
        });
    }
    let full = FullSurrogate::fit(target, &design, options)?;
    let tests = candidates
        .iter()
        .map(|&c| full.test(c, &features[c].name))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((full.surrogate(), tests))
}

/// The checks of [`usage_tests_with`] that come before the design is built: rows, feature
/// lengths, candidate indices, a finite score.
fn check_usage_inputs(
    target: UseTarget,
    features: &[Feature],
    candidates: &[usize],
) -> Result<(), UsageError> {
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
    if let UseTarget::Continuous(y) = target
        && y.iter().any(|v| !v.is_finite())
    {
        return Err(UsageError::NonFinite {
            what: "the score".to_string(),
        });
    }
    Ok(())
}

/// The target as the surrogate models it.
enum Fitted<'a> {
    /// A decision, by logistic regression.
    Logistic(&'a [bool]),
    /// A score, by least squares; with `X'X` and `X'y` of the full design, which the submodels
    /// reuse.
    Linear {
        y: &'a [f64],
        xtx: Array2<f64>,
        xty: Vec<f64>,
    },
}

impl Fitted<'_> {
    /// `"logistic"` or `"linear"`.
    fn name(&self) -> &'static str {
        match self {
            Self::Logistic(_) => "logistic",
            Self::Linear { .. } => "linear",
        }
    }
}

/// The surrogate fitted on every design column, and what each candidate's test reuses from it.
struct FullSurrogate<'a> {
    design: &'a Design,
    model: Fitted<'a>,
    fit: GlmFit,
    /// Rows.
    n: usize,
    /// Linear predictor of the full model (log-odds or score).
    eta: Vec<f64>,
    /// A row's surrogate decision is `p >= threshold` (logistic) or `score >= threshold`.
    threshold: f64,
}

impl<'a> FullSurrogate<'a> {
    fn fit(
        target: UseTarget<'a>,
        design: &'a Design,
        options: &UsageOptions,
    ) -> Result<Self, UsageError> {
        let x = design.x.view();
        let (model, fit, threshold) = match target {
            UseTarget::Binary(y) => (
                Fitted::Logistic(y),
                logistic_irls(x, y, None, MAX_ITERATIONS)?,
                0.5,
            ),
            UseTarget::Continuous(y) => {
                let (xtx, xty) = cross_products(x, None, y);
                let fit = ols_subset(x, y, &xtx, &xty, None)?;
                let threshold = options.score_threshold.unwrap_or_else(|| median(y));
                (Fitted::Linear { y, xtx, xty }, fit, threshold)
            }
        };
        let eta = matvec(x, &fit.coefficients);
        Ok(Self {
            design,
            model,
            fit,
            n: target.len(),
            eta,
            threshold,
        })
    }

    /// How well the full surrogate reproduces the target.
    fn surrogate(&self) -> Surrogate {
        let fidelity = match &self.model {
            Fitted::Logistic(y) => {
                let agree = self
                    .fit
                    .fitted
                    .iter()
                    .zip(*y)
                    .filter(|&(&pr, &yi)| (pr >= 0.5) == yi)
                    .count();
                agree as f64 / self.n as f64
            }
            Fitted::Linear { y, .. } => r_squared(y, self.fit.deviance),
        };
        Surrogate {
            model: self.model.name().to_string(),
            n: self.n as u64,
            fidelity,
            converged: self.fit.converged,
        }
    }

    /// The test of feature `c`, named `column`: refit without its design columns, and set them
    /// to zero (its neutral value) in the full model.
    fn test(&self, c: usize, column: &str) -> Result<UsageTest, UsageError> {
        let block = &self.design.blocks[c];
        let std_coefficient = self.design.value_column[c].map(|j| self.fit.coefficients[j]);
        let mut test = UsageTest {
            column: column.to_string(),
            model: self.model.name().to_string(),
            n: self.n as u64,
            lr_statistic: 0.0,
            df: block.len() as u64,
            p_value: 1.0,
            std_coefficient,
            decisions_changed: 0,
            mean_abs_change: 0.0,
        };
        if block.is_empty() {
            return Ok(test);
        }
        let lr = self.likelihood_ratio(&self.design.columns_without(c))?;
        test.lr_statistic = if lr.is_finite() { lr.max(0.0) } else { 0.0 };
        test.p_value = chi2_sf(test.lr_statistic, block.len());
        let (changed, total_change) = self.neutralised(block);
        test.decisions_changed = changed;
        test.mean_abs_change = total_change / self.n as f64;
        Ok(test)
    }

    /// The likelihood-ratio statistic of the full model against the one on the columns `keep`.
    fn likelihood_ratio(&self, keep: &[usize]) -> Result<f64, UsageError> {
        match &self.model {
            Fitted::Logistic(y) => {
                let reduced = self.refit_logistic(y, keep)?;
                Ok(2.0 * (self.fit.log_likelihood - reduced.log_likelihood))
            }
            Fitted::Linear { y, xtx, xty } => {
                let reduced = ols_subset(self.design.x.view(), y, xtx, xty, Some(keep))?;
                let floor = rss_floor(y);
                Ok(self.n as f64
                    * (reduced.deviance.max(floor) / self.fit.deviance.max(floor)).ln())
            }
        }
    }

    /// The logistic model on the columns `keep`: from the full fit's coefficients when it
    /// converged, else from zero; under complete separation a few steps from the full fit's
    /// coefficients first (if the input is not needed to separate, they show it).
    fn refit_logistic(&self, y: &[bool], keep: &[usize]) -> Result<GlmFit, UsageError> {
        let xr = self.design.x.select(Axis(1), keep);
        let start: Vec<f64> = keep.iter().map(|&j| self.fit.coefficients[j]).collect();
        if self.fit.converged {
            return logistic_irls(xr.view(), y, Some(&start), MAX_ITERATIONS);
        }
        if self.fit.complete_separation {
            let trial = logistic_irls(xr.view(), y, Some(&start), WARM_TRIAL_ITERATIONS)?;
            if trial.complete_separation {
                return Ok(trial);
            }
        }
        logistic_irls(xr.view(), y, None, MAX_ITERATIONS)
    }

    /// Rows whose surrogate decision flips, and the summed `|change|` of probability or score,
    /// when the design columns `block` are set to zero in the full model.
    fn neutralised(&self, block: &[usize]) -> (u64, f64) {
        let mut changed = 0u64;
        let mut total_change = 0.0;
        for (i, &eta) in self.eta.iter().enumerate() {
            let row = self.design.x.row(i);
            let part: f64 = block
                .iter()
                .map(|&j| row[j] * self.fit.coefficients[j])
                .sum();
            let eta_neutral = eta - part;
            let (before, after) = match self.model {
                Fitted::Logistic(_) => (sigmoid(eta), sigmoid(eta_neutral)),
                Fitted::Linear { .. } => (eta, eta_neutral),
            };
            if (before >= self.threshold) != (after >= self.threshold) {
                changed += 1;
            }
            total_change += (before - after).abs();
        }
        (changed, total_change)
    }
}

/// Upper tail of chi-square(`df`) at `stat`; 1 for `df = 0` or `stat <= 0`.
pub(super) fn chi2_sf(stat: f64, df: usize) -> f64 {
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
