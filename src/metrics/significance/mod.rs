//! Significance tests, multiple-testing corrections and power.
//!
//! Contingency tables are given as counts. Score distributions are value-count tables: a slice
//! of `(value, count)` pairs with finite values, normally distinct and ascending (see
//! [`super::distributions`]). No function returns a NaN: degenerate inputs give `None`
//! (or the documented fallback for the functions that return a plain number).
//!
//! - `contingency`: Fisher's exact test and Pearson's chi-square on count tables;
//! - `two_sample`: Mann-Whitney and Kolmogorov-Smirnov on score distributions;
//! - `kolmogorov`: the exact distribution of the Kolmogorov statistic behind the KS p-value;
//! - `corrections`: Holm and Benjamini-Hochberg adjusted p-values;
//! - `power`: the minimum detectable ratio.

mod contingency;
mod corrections;
mod kolmogorov;
mod power;
mod two_sample;

use statrs::function::erf::erfc;

pub use contingency::{chi_square_2x2, chi_square_rxc, fisher_exact_2x2};
pub use corrections::{benjamini_hochberg, holm};
pub use power::min_detectable_ratio;
pub use two_sample::{ks_two_sample, mann_whitney};

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
