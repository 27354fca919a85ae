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
//! The models are fitted by [`super::glm`] (logistic regression by IRLS, least squares, a
//! Cholesky solve with a ridge fallback), in plain `f64` arithmetic on one thread, so results
//! are deterministic. Its fitters and their constants are re-exported here.
//!
//! Big tables: the cost is about `rows x columns^2` per Newton iteration and per refit. Callers
//! screening more than [`SUGGESTED_MAX_ROWS`] rows draw a sample with [`subsample_indices`] and
//! take it from the target and every feature ([`super::features::Feature::take`]).

mod error;
mod lr;
mod sample;
mod types;

pub use super::glm::{DEVIANCE_TOLERANCE, GlmFit, MAX_ITERATIONS, fit_linear, fit_logistic};
pub use error::UsageError;
pub use lr::{usage_tests, usage_tests_with};
pub use sample::{SUGGESTED_MAX_ROWS, subsample_indices};
pub use types::{Surrogate, UsageOptions, UsageTest, UseTarget};

#[cfg(test)]
mod tests;
