//! Candor's model of the algorithm: an additive model, one shape function per input, fitted
//! to the algorithm's outputs.
//!
//! ```text
//! f(x) = b0 + sum_j g_j(x_j)
//! ```
//!
//! Each numeric input's shape `g_j` is a piecewise-linear spline with knots at 19 quantiles of
//! the input, denser in the tails (a linear term and a hinge `max(0, x - k)` at each knot) plus
//! a step `1[x >= k]` at each knot, so thresholds and caps, common in scores, can be followed (as in generalised
//! additive models and explainable boosting machines; Hastie and Tibshirani 1990, Lou et al.
//! 2013). An input with few distinct values (counts such as complaints) gets a step at each
//! value: any shape over its values. A categorical input gets one column per non-reference
//! level. A missing value has its own indicator. The hinge and step coefficients carry a ridge
//! penalty chosen by five-fold cross-validation.
//!
//! Because the model is additive, the interventional Shapley value of input `j` for a worker,
//! against the population as background, is exactly `phi_j = g_j(x_j) - mean_i g_j(x_ij)`, the
//! centred shape value; the contributions add up to `f(x) - mean_i f(x_i)` (Lundberg and Lee
//! 2017; an additive model's Shapley values are its centred components).
//!
//! Fidelity is measured out of sample: every row's output is predicted by the model fitted on
//! the other four folds (cross-fitting), and those held-out outputs are compared with the real
//! decisions (and scores). The fold models are kept, so a proposed change can be checked
//! against each of them.
//!
//! Targets: the score (least squares; on the log-odds scale when the score is a probability),
//! or, without a score, the yes/no decision (penalised logistic regression by iteratively
//! reweighted least squares; the held-out outputs use one Newton step per fold from the full
//! fit, the standard approximation of leaving a fold out).
//!
//! The linear algebra (Cholesky factorisation and solves) is nalgebra's; the cross products are
//! accumulated with ndarray's matrix product over blocks of rows, so the design matrix is never
//!
//! - `basis`: the knots and each input's design columns;
//! - `predict`: the fitted model, its outputs, shapes, contributions and changes;
//! - `local`: the held-out residuals along each input (local bias);
//! - `linalg`: cross products over blocks of rows and Cholesky solves;
//! - `fit`: the fit over the folds and the outputs over every row;
//! - `cv`: the linear fit with its cross-validated penalty, and the logistic fit.

mod basis;
mod cv;
mod fit;
mod linalg;
mod local;
mod predict;
#[cfg(test)]
mod tests;

pub use basis::{ALL_STEPS_MAX, Basis, InputTerm, KNOTS, KNOTS_LOGISTIC, NumericBasis, Value};
pub use fit::{FIT_MAX_ROWS, FIT_MAX_ROWS_LOGISTIC, FOLDS, FitData, fit};
pub use local::Local;
pub use predict::Additive;
#[cfg(test)]
pub(crate) use tests::fit_score;
