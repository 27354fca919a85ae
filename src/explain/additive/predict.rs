//! The fitted model and what it predicts: outputs, shapes, contributions, changes and
//! their standard errors, and the decision at an output.

use nalgebra::{Cholesky, DVector, Dyn};

use super::basis::{InputTerm, Value};
use super::local::Local;
use crate::explain::model::ModelTarget;
use crate::screen::features::{Feature, FeatureValues};

/// The fitted model.
pub struct Additive {
    pub target: ModelTarget,
    /// The score is modelled on the log-odds scale (a probability score).
    pub logit: bool,
    pub terms: Vec<InputTerm>,
    /// Each input's values, one per row (the inputs as given).
    pub features: Vec<Feature>,
    /// Intercept first, then every term's columns.
    pub coef: Vec<f64>,
    /// The model fitted without each fold, in fold order.
    pub fold_coef: Vec<Vec<f64>>,
    /// Each row's fold.
    pub fold: Vec<u8>,
    /// `mean_i g_j(x_ij)` for each term.
    pub shape_means: Vec<f64>,
    /// The population mean output: `b0 + sum_j shape_means[j]`.
    pub baseline: f64,
    /// Each row's output under the full model.
    pub outputs: Vec<f64>,
    /// Each row's output under the model that did not see its fold (held out).
    pub held_out: Vec<f64>,
    /// Ridge penalty per fitted row.
    pub lambda: f64,
    pub fit_rows: u64,
    /// Linear target: R^2 of the score in the fitted rows, and out of fold.
    pub r_squared: Option<f64>,
    pub r_squared_held_out: Option<f64>,
    /// Linear target: standard deviation of the held-out residuals (the score's variation the
    /// model does not explain), on the model's scale.
    pub residual_sd: Option<f64>,
    /// Per term: the p-value (Holm-corrected across terms) of the test that the input has no
    /// effect, for the linear target.
    pub effect_p: Vec<Option<f64>>,
    /// Per term: whether the input has no measurable effect.
    pub no_effect: Vec<bool>,
    pub converged: bool,
    /// The factor of the penalised cross-product matrix of the full fit, and the scale of
    /// the residuals (the held-out residual standard deviation; 1 for the logistic target):
    /// together the coefficients' covariance, `sigma^2 (X'X + D)^-1`.
    pub cov_factor: Option<Cholesky<f64, Dyn>>,
    pub sigma: f64,
    /// Linear target: the held-out residuals along each input, to check a predicted change
    /// for the model's local bias (see [`Additive::bias`]).
    pub local: Vec<Local>,
}

fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}

pub(super) fn sigmoid(t: f64) -> f64 {
    if t >= 0.0 {
        1.0 / (1.0 + (-t).exp())
    } else {
        let e = t.exp();
        e / (1.0 + e)
    }
}

impl Additive {
    /// Number of design columns, the intercept included.
    pub fn n_cols(&self) -> usize {
        self.coef.len()
    }

    /// The value of input `j` in row `i`.
    pub fn value(&self, j: usize, i: usize) -> Value {
        match &self.features[j].values {
            FeatureValues::Numeric(v) => Value::Num(v.get(i).copied().flatten()),
            FeatureValues::Categorical { codes, .. } => Value::Cat(codes.get(i).copied().flatten()),
        }
    }

    /// The design row of row `i` (with `replace` values for some inputs).
    pub(super) fn row_into(&self, i: usize, out: &mut [f64]) {
        out[0] = 1.0;
        for (j, t) in self.terms.iter().enumerate() {
            if t.len > 0 {
                t.fill(self.value(j, i), &mut out[t.start..t.start + t.len]);
            }
        }
    }

    /// Input `j`'s shape value at `v` under the full model.
    pub fn shape(&self, j: usize, v: Value) -> f64 {
        self.terms[j].shape(&self.coef, v)
    }

    /// Input `j`'s contribution for row `i`: the centred shape value (its exact Shapley
    /// value).
    pub fn contribution(&self, j: usize, i: usize) -> f64 {
        self.shape(j, self.value(j, i)) - self.shape_means[j]
    }

    /// Every input's contribution for row `i`.
    pub fn contributions(&self, i: usize) -> Vec<f64> {
        (0..self.terms.len())
            .map(|j| self.contribution(j, i))
            .collect()
    }

    /// The change of the output when input `j` moves from `from` to `to`, under the full model
    /// and under each fold model.
    pub fn change(&self, j: usize, from: Value, to: Value) -> (f64, Vec<f64>) {
        let t = &self.terms[j];
        let full = t.shape(&self.coef, to) - t.shape(&self.coef, from);
        let folds = self
            .fold_coef
            .iter()
            .map(|c| t.shape(c, to) - t.shape(c, from))
            .collect();
        (full, folds)
    }

    /// The model's local bias in the change of `moves` (each input `j` from `from` to `to`),
    /// and the variance of that estimate: the sum over the moved inputs of the mean held-out
    /// residual of the workers nearest the new value minus that of the workers nearest the old
    /// one (a partial-residual check, as in backfitting: where the shapes miss the score,
    /// the residuals of workers with those values show it). Zero without residuals.
    pub fn bias(&self, moves: &[(usize, Value, Value)]) -> (f64, f64) {
        let mut b = 0.0;
        let mut var = 0.0;
        for &(j, from, to) in moves {
            if let Some(l) = self.local.get(j)
                && let (Some((m1, v1)), Some((m0, v0))) = (l.at(to), l.at(from))
            {
                b += m1 - m0;
                var += v1 + v0;
            }
        }
        (b, var)
    }

    /// The standard error of the output's change when each input `j` of `moves` goes from
    /// `from` to `to`: `sigma * sqrt(a' (X'X + D)^-1 a)`, `a` the change of the design row.
    pub fn change_se(&self, moves: &[(usize, Value, Value)]) -> Option<f64> {
        let ch = self.cov_factor.as_ref()?;
        let mut a = DVector::<f64>::zeros(self.n_cols());
        for &(j, from, to) in moves {
            let t = &self.terms[j];
            let (mut x, mut y) = (vec![0.0; t.len], vec![0.0; t.len]);
            t.fill(from, &mut x);
            t.fill(to, &mut y);
            for k in 0..t.len {
                a[t.start + k] += y[k] - x[k];
            }
        }
        let z = ch.l_dirty().solve_lower_triangular(&a)?;
        let q = z.norm_squared();
        q.is_finite().then(|| self.sigma * q.sqrt())
    }

    /// The model's scale: a score's own value, or its log-odds for a probability score.
    pub fn to_scale(&self, score: f64) -> f64 {
        if self.logit { logit(score) } else { score }
    }

    /// Back from the model's scale to the score's.
    pub fn from_scale(&self, t: f64) -> f64 {
        if self.logit { sigmoid(t) } else { t }
    }

    /// The threshold on the model's scale.
    pub fn cut(&self) -> Option<f64> {
        match self.target {
            ModelTarget::Linear { threshold, .. } => threshold.map(|t| self.to_scale(t)),
            ModelTarget::Logistic => Some(0.0),
        }
    }

    /// `s * (output - cut)`: >= 0 exactly when the decision at this output is positive.
    pub fn margin(&self, output: f64) -> Option<f64> {
        let c = self.cut()?;
        Some(match self.target {
            ModelTarget::Linear {
                positive_above: false,
                ..
            } => c - output,
            _ => output - c,
        })
    }

    /// Sign of an output change's effect on the margin.
    pub fn direction(&self) -> f64 {
        match self.target {
            ModelTarget::Linear {
                positive_above: false,
                ..
            } => -1.0,
            _ => 1.0,
        }
    }

    /// The decision (true = positive) at an output, None without a threshold: positive at or
    /// above the cut (`positive_above`), or strictly below it.
    pub fn decides(&self, output: f64) -> Option<bool> {
        let m = self.margin(output)?;
        Some(match self.target {
            ModelTarget::Linear {
                positive_above: false,
                ..
            } => m > 0.0,
            _ => m >= 0.0,
        })
    }
}
