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
//! held whole in memory.

use nalgebra::{Cholesky, DMatrix, DVector, Dyn};
use ndarray::{Array2, linalg::general_mat_mul};
use statrs::distribution::{ContinuousCDF, FisherSnedecor};

use super::model::ModelTarget;
use crate::screen::features::{Feature, FeatureValues};

/// Quantiles at which a numeric input with many distinct values gets its knots: denser in the
/// tails, where thresholds and caps of scores tend to sit and data are thin.
pub const KNOTS: [f64; 19] = [
    0.005, 0.01, 0.02, 0.035, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.965, 0.98,
    0.99, 0.995,
];
/// Knots for the logistic target (each IRLS iteration costs a pass over the rows).
pub const KNOTS_LOGISTIC: [f64; 7] = [0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.98];
/// An input with at most this many distinct values gets a step at each value.
pub const ALL_STEPS_MAX: usize = 16;
/// Folds of the cross-fitting.
pub const FOLDS: usize = 5;
/// Rows above which the model is fitted on a seeded sample (then applied to every row).
pub const FIT_MAX_ROWS: usize = 200_000;
/// Rows of the logistic fit sample.
pub const FIT_MAX_ROWS_LOGISTIC: usize = 50_000;
/// Ridge penalties tried, per fitted row, on the spline and level columns.
const LAMBDAS: [f64; 6] = [1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0];
/// The penalty of the logistic fit, per fitted row.
const LAMBDA_LOGISTIC: f64 = 1e-3;
/// A tiny ridge on the unpenalised columns (not the intercept), for a stable factorisation.
const TINY: f64 = 1e-9;
/// Rows per block when accumulating cross products.
const BLOCK: usize = 2048;

/// A worker's value of one input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Num(Option<f64>),
    /// A level index (`None`: missing).
    Cat(Option<u32>),
}

/// How one input enters the model.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// `linear`: `(x - mean) / sd`; then a hinge `max(0, x - k) / sd` at each knot when
    /// `hinges`; a step `1[x >= k]` at each knot; a missing indicator when `missing`.
    Numeric {
        mean: f64,
        sd: f64,
        linear: bool,
        hinges: bool,
        knots: Vec<f64>,
        missing: bool,
    },
    /// One column per level in `cols` (None: the reference level, or no column); the missing
    /// level's column last.
    Categorical {
        levels: Vec<String>,
        cols: Vec<Option<usize>>,
        missing_col: Option<usize>,
    },
}

/// One input of the model and its design columns `start..start + len`.
#[derive(Debug, Clone, PartialEq)]
pub struct InputTerm {
    pub name: String,
    pub basis: Basis,
    pub start: usize,
    pub len: usize,
    /// Which of the term's columns carry the ridge penalty.
    penalized: Vec<bool>,
}

impl InputTerm {
    /// Writes the term's basis values for `v` into `out` (`len` values).
    fn fill(&self, v: Value, out: &mut [f64]) {
        out.iter_mut().for_each(|x| *x = 0.0);
        match (&self.basis, v) {
            (
                Basis::Numeric {
                    mean,
                    sd,
                    linear,
                    hinges,
                    knots,
                    missing,
                },
                Value::Num(x),
            ) => {
                let Some(x) = x else {
                    if *missing {
                        out[self.len - 1] = 1.0;
                    }
                    return;
                };
                let mut c = 0;
                if *linear {
                    out[c] = (x - mean) / sd;
                    c += 1;
                }
                if *hinges {
                    for k in knots {
                        out[c] = (x - k).max(0.0) / sd;
                        c += 1;
                    }
                }
                for k in knots {
                    out[c] = if x >= *k { 1.0 } else { 0.0 };
                    c += 1;
                }
            }
            (
                Basis::Categorical {
                    cols, missing_col, ..
                },
                Value::Cat(code),
            ) => {
                let col = match code {
                    Some(c) => cols.get(c as usize).copied().flatten(),
                    None => *missing_col,
                };
                if let Some(c) = col {
                    out[c] = 1.0;
                }
            }
            _ => {}
        }
    }

    /// The shape value `g(v)` under the coefficients `coef` (the whole vector).
    pub fn shape(&self, coef: &[f64], v: Value) -> f64 {
        let mut buf = [0.0f64; 64];
        if self.len <= buf.len() {
            self.fill(v, &mut buf[..self.len]);
            buf[..self.len]
                .iter()
                .zip(&coef[self.start..self.start + self.len])
                .map(|(a, b)| a * b)
                .sum()
        } else {
            let mut v2 = vec![0.0; self.len];
            self.fill(v, &mut v2);
            v2.iter()
                .zip(&coef[self.start..self.start + self.len])
                .map(|(a, b)| a * b)
                .sum()
        }
    }

    /// The values at which the shape changes slope or jumps (numeric inputs).
    pub fn knots(&self) -> &[f64] {
        match &self.basis {
            Basis::Numeric { knots, .. } => knots,
            Basis::Categorical { .. } => &[],
        }
    }
}

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

/// The held-out residuals along one input: for a number, the workers sorted by its value with
/// running sums of their residuals; for a category, each level's sum and count.
#[derive(Debug, Clone, Default)]
pub struct Local {
    /// The knots of the input's shape: a window never crosses one.
    knots: Vec<f64>,
    x: Vec<f64>,
    cum: Vec<f64>,
    cum2: Vec<f64>,
    levels: Vec<(f64, f64, u64)>,
}

/// Workers in the window whose mean residual estimates the model's bias at a value: 1 % of
/// the workers, at least 200 and at most 2,000.
fn window(n: usize) -> usize {
    (n / 100).clamp(200, 2000).min(n)
}

impl Local {
    fn numeric(values: &[Option<f64>], resid: &[f64], knots: &[f64]) -> Local {
        let mut pairs: Vec<(f64, f64)> = values
            .iter()
            .zip(resid)
            .filter_map(|(v, r)| v.filter(|x| x.is_finite()).map(|x| (x, *r)))
            .collect();
        pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut cum = Vec::with_capacity(pairs.len() + 1);
        let mut cum2 = Vec::with_capacity(pairs.len() + 1);
        let (mut s, mut s2) = (0.0, 0.0);
        cum.push(0.0);
        cum2.push(0.0);
        for (_, r) in &pairs {
            s += r;
            s2 += r * r;
            cum.push(s);
            cum2.push(s2);
        }
        Local {
            knots: knots.to_vec(),
            x: pairs.into_iter().map(|p| p.0).collect(),
            cum,
            cum2,
            levels: Vec::new(),
        }
    }

    fn categorical(codes: &[Option<u32>], n_levels: usize, resid: &[f64]) -> Local {
        let mut levels = vec![(0.0, 0.0, 0u64); n_levels];
        for (c, r) in codes.iter().zip(resid) {
            if let Some(l) = c.and_then(|c| levels.get_mut(c as usize)) {
                l.0 += r;
                l.1 += r * r;
                l.2 += 1;
            }
        }
        Local {
            levels,
            ..Local::default()
        }
    }

    /// The mean held-out residual at `v`, and the variance of that mean: from the workers with
    /// exactly this value (at least 10; the shape may jump at a value) or from the workers
    /// nearest to it within the same interval between two knots (where the shape is one
    /// straight piece), whichever estimate has the smaller variance.
    fn at(&self, v: Value) -> Option<(f64, f64)> {
        let stats = |lo: usize, hi: usize| {
            (
                self.cum[hi] - self.cum[lo],
                self.cum2[hi] - self.cum2[lo],
                (hi - lo) as u64,
            )
        };
        let (s, s2, k) = match v {
            Value::Num(Some(x)) => {
                let n = self.x.len();
                if n == 0 {
                    return None;
                }
                let first = self.x.partition_point(|&a| a < x);
                let end = self.x.partition_point(|&a| a <= x);
                // The piece of the shape holding x: [left knot, right knot).
                let left = self
                    .knots
                    .iter()
                    .copied()
                    .filter(|&k| k <= x)
                    .fold(f64::NEG_INFINITY, f64::max);
                let right = self
                    .knots
                    .iter()
                    .copied()
                    .filter(|&k| k > x)
                    .fold(f64::INFINITY, f64::min);
                let a = self.x.partition_point(|&u| u < left);
                let b = self.x.partition_point(|&u| u < right);
                let k = window(n).min(b - a);
                let lo = first.saturating_sub(k / 2).max(a).min(b.saturating_sub(k));
                let near = mean_var(stats(lo, lo + k));
                let exact = (end - first >= 10)
                    .then(|| mean_var(stats(first, end)))
                    .flatten();
                return match (near, exact) {
                    (Some(a), Some(b)) => Some(if b.1 < a.1 { b } else { a }),
                    (a, b) => a.or(b),
                };
            }
            Value::Cat(Some(c)) => *self.levels.get(c as usize)?,
            _ => return None,
        };
        mean_var((s, s2, k))
    }
}

/// The mean of `k` residuals with sum `s` and sum of squares `s2`, and its variance.
fn mean_var((s, s2, k): (f64, f64, u64)) -> Option<(f64, f64)> {
    if k < 2 {
        return None;
    }
    let kf = k as f64;
    let mean = s / kf;
    let var = ((s2 - kf * mean * mean) / (kf - 1.0)).max(0.0);
    Some((mean, var / kf))
}

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn quantile(sorted: &[f64], q: f64) -> f64 {
    let pos = q * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

/// The basis of one input.
fn term_of(f: &Feature, start: usize, knots_at: &[f64]) -> InputTerm {
    match &f.values {
        FeatureValues::Numeric(v) => {
            let n = v.len();
            let mut obs: Vec<f64> = v
                .iter()
                .flatten()
                .copied()
                .filter(|x| x.is_finite())
                .collect();
            obs.sort_by(f64::total_cmp);
            let missing = !obs.is_empty() && obs.len() < n;
            let mut distinct = obs.clone();
            distinct.dedup();
            let mean = if obs.is_empty() {
                0.0
            } else {
                obs.iter().sum::<f64>() / obs.len() as f64
            };
            let var = if obs.len() > 1 {
                obs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / obs.len() as f64
            } else {
                0.0
            };
            let sd = if var > 0.0 { var.sqrt() } else { 1.0 };
            let (linear, hinges, knots) = if distinct.len() <= 1 {
                (false, false, Vec::new())
            } else if distinct.len() <= ALL_STEPS_MAX {
                (false, false, distinct[1..].to_vec())
            } else {
                let mut k: Vec<f64> = knots_at
                    .iter()
                    .map(|&q| quantile(&obs, q))
                    .filter(|k| *k > distinct[0] && *k <= distinct[distinct.len() - 1])
                    .collect();
                k.dedup();
                // A knot between two recorded values lands on the next recorded value, so a
                // step sits where the data can show it.
                for x in &mut k {
                    let i = distinct.partition_point(|d| d < x);
                    *x = distinct[i.min(distinct.len() - 1)];
                }
                k.dedup();
                k.retain(|x| *x > distinct[0]);
                (true, true, k)
            };
            let nk = knots.len();
            let len = usize::from(linear) + if hinges { nk } else { 0 } + nk + usize::from(missing);
            let mut penalized = Vec::with_capacity(len);
            if linear {
                penalized.push(false);
            }
            penalized.extend(std::iter::repeat_n(true, if hinges { nk } else { 0 } + nk));
            if missing {
                penalized.push(false);
            }
            InputTerm {
                name: f.name.clone(),
                basis: Basis::Numeric {
                    mean,
                    sd,
                    linear,
                    hinges,
                    knots,
                    missing,
                },
                start,
                len,
                penalized,
            }
        }
        FeatureValues::Categorical { levels, codes } => {
            let k = levels.len();
            let mut counts = vec![0usize; k + 1];
            for c in codes {
                counts[c.map_or(k, |c| (c as usize).min(k))] += 1;
            }
            let n = codes.len();
            let reference = counts
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))
                .map(|(i, _)| i);
            let mut cols = vec![None; k];
            let mut missing_col = None;
            let mut len = 0;
            for (i, &c) in counts.iter().enumerate() {
                if Some(i) == reference || c == 0 || c == n {
                    continue;
                }
                if i == k {
                    missing_col = Some(len);
                } else {
                    cols[i] = Some(len);
                }
                len += 1;
            }
            InputTerm {
                name: f.name.clone(),
                basis: Basis::Categorical {
                    levels: levels.clone(),
                    cols,
                    missing_col,
                },
                start,
                len,
                penalized: vec![true; len],
            }
        }
    }
}

/// Cross products of one fold: `X'WX`, `X'Wy`, `y'Wy`, rows.
struct Gram {
    g: Array2<f64>,
    b: Vec<f64>,
    yy: f64,
    n: f64,
    buf: Array2<f64>,
    wbuf: Array2<f64>,
    ybuf: Vec<f64>,
    filled: usize,
}

impl Gram {
    fn new(p: usize) -> Self {
        Gram {
            g: Array2::zeros((p, p)),
            b: vec![0.0; p],
            yy: 0.0,
            n: 0.0,
            buf: Array2::zeros((BLOCK, p)),
            wbuf: Array2::zeros((BLOCK, p)),
            ybuf: vec![0.0; BLOCK],
            filled: 0,
        }
    }

    fn push(&mut self, row: &[f64], y: f64, w: f64) {
        let r = self.filled;
        for (c, &x) in row.iter().enumerate() {
            self.buf[[r, c]] = x;
            self.wbuf[[r, c]] = x * w;
        }
        self.ybuf[r] = y;
        for (bc, &x) in self.b.iter_mut().zip(row) {
            *bc += w * x * y;
        }
        self.yy += w * y * y;
        self.n += 1.0;
        self.filled += 1;
        if self.filled == BLOCK {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.filled == 0 {
            return;
        }
        let k = self.filled;
        let x = self.buf.slice(ndarray::s![..k, ..]);
        let wx = self.wbuf.slice(ndarray::s![..k, ..]);
        general_mat_mul(1.0, &x.t(), &wx, 1.0, &mut self.g);
        self.filled = 0;
    }
}

/// The Cholesky factor of `G + D`, raising the diagonal a little if needed.
fn factor(g: &Array2<f64>, diag: &[f64]) -> Option<Cholesky<f64, Dyn>> {
    let p = diag.len();
    let mut m = DMatrix::<f64>::zeros(p, p);
    for i in 0..p {
        for j in 0..p {
            m[(i, j)] = g[[i, j]];
        }
        m[(i, i)] += diag[i];
    }
    let scale = (0..p)
        .map(|i| m[(i, i)].abs())
        .fold(0.0, f64::max)
        .max(1e-12);
    let mut extra = 0.0;
    for _ in 0..8 {
        let mut mm = m.clone();
        for i in 0..p {
            mm[(i, i)] += extra;
        }
        if let Some(ch) = mm.cholesky()
            && ch.l_dirty().iter().all(|v| v.is_finite())
        {
            return Some(ch);
        }
        extra = if extra == 0.0 {
            1e-10 * scale
        } else {
            extra * 100.0
        };
    }
    None
}

/// Solves `(G + D) beta = b` by Cholesky, raising the diagonal a little if needed.
fn solve(g: &Array2<f64>, b: &[f64], diag: &[f64]) -> Option<Vec<f64>> {
    let ch = factor(g, diag)?;
    let x = ch.solve(&DVector::from_column_slice(b));
    x.iter()
        .all(|v| v.is_finite())
        .then(|| x.iter().copied().collect())
}

/// `y'y - 2 beta'b + beta'G beta`: the residual sum of squares from cross products.
fn rss(g: &Array2<f64>, b: &[f64], yy: f64, beta: &[f64]) -> f64 {
    let p = beta.len();
    let mut q = 0.0;
    for i in 0..p {
        let mut s = 0.0;
        for j in 0..p {
            s += g[[i, j]] * beta[j];
        }
        q += beta[i] * s;
    }
    let bb: f64 = beta.iter().zip(b).map(|(x, y)| x * y).sum();
    (yy - 2.0 * bb + q).max(0.0)
}

fn sub(a: &Array2<f64>, b: &Array2<f64>) -> Array2<f64> {
    a - b
}

fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}

fn sigmoid(t: f64) -> f64 {
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
    fn row_into(&self, i: usize, out: &mut [f64]) {
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

/// What the model is fitted to.
pub struct FitData<'a> {
    pub target: ModelTarget,
    pub decision: Option<&'a [bool]>,
    pub score: Option<&'a [f64]>,
    pub seed: u64,
}

/// Fits the additive model to the score (linear target) or the decision (logistic target).
pub fn fit(features: Vec<Feature>, spec: &FitData) -> Result<Additive, String> {
    let n = features.first().map_or(0, Feature::len);
    if n == 0 {
        return Err("no rows".into());
    }
    let logistic = matches!(spec.target, ModelTarget::Logistic);
    let knots: &[f64] = if logistic { &KNOTS_LOGISTIC } else { &KNOTS };
    let mut terms = Vec::with_capacity(features.len());
    let mut p = 1;
    for f in &features {
        if f.len() != n {
            return Err(format!(
                "input {} has {} rows, expected {n}",
                f.name,
                f.len()
            ));
        }
        let t = term_of(f, p, knots);
        p += t.len;
        terms.push(t);
    }
    let fold: Vec<u8> = (0..n)
        .map(|i| {
            (splitmix(spec.seed ^ (i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D)) % FOLDS as u64)
                as u8
        })
        .collect();
    let max_rows = if logistic {
        FIT_MAX_ROWS_LOGISTIC
    } else {
        FIT_MAX_ROWS
    };
    let rows = crate::screen::usage::subsample_indices(n, max_rows, spec.seed);
    let logit = !logistic
        && spec.score.is_some_and(|s| {
            s.iter().all(|v| (0.0..=1.0).contains(v)) && s.iter().any(|v| *v > 0.0 && *v < 1.0)
        });
    let mut penalized = vec![false; p];
    for t in &terms {
        penalized[t.start..t.start + t.len].copy_from_slice(&t.penalized);
    }
    let mut model = Additive {
        target: spec.target,
        logit,
        terms,
        features,
        coef: vec![0.0; p],
        fold_coef: Vec::new(),
        fold,
        shape_means: Vec::new(),
        baseline: 0.0,
        outputs: Vec::new(),
        held_out: Vec::new(),
        lambda: 0.0,
        fit_rows: rows.len() as u64,
        r_squared: None,
        r_squared_held_out: None,
        residual_sd: None,
        effect_p: Vec::new(),
        no_effect: Vec::new(),
        converged: true,
        cov_factor: None,
        sigma: 1.0,
        local: Vec::new(),
    };
    if logistic {
        let y = spec.decision.ok_or("no decision to model")?;
        fit_logistic(&mut model, &rows, y, &penalized)?;
    } else {
        let s = spec.score.ok_or("no score to model")?;
        let y: Vec<f64> = s.iter().map(|&v| model.to_scale(v)).collect();
        fit_linear(&mut model, &rows, &y, &penalized)?;
    }
    // Outputs, held-out outputs and the shape means over every row.
    let mut row = vec![0.0; p];
    model.outputs = Vec::with_capacity(n);
    model.held_out = Vec::with_capacity(n);
    for i in 0..n {
        model.row_into(i, &mut row);
        let dot = |c: &[f64]| row.iter().zip(c).map(|(a, b)| a * b).sum::<f64>();
        model.outputs.push(dot(&model.coef));
        let f = model.fold[i] as usize;
        model.held_out.push(dot(&model.fold_coef[f]));
    }
    model.shape_means = (0..model.terms.len())
        .map(|j| {
            (0..n)
                .map(|i| model.shape(j, model.value(j, i)))
                .sum::<f64>()
                / n as f64
        })
        .collect();
    model.baseline = model.outputs.iter().sum::<f64>() / n as f64;
    if !logistic {
        let y: Vec<f64> = spec
            .score
            .unwrap_or(&[])
            .iter()
            .map(|&v| model.to_scale(v))
            .collect();
        let mean = y.iter().sum::<f64>() / n as f64;
        let tss: f64 = y.iter().map(|v| (v - mean).powi(2)).sum();
        let sse: f64 = y
            .iter()
            .zip(&model.held_out)
            .map(|(a, b)| (a - b).powi(2))
            .sum();
        let sse_in: f64 = y
            .iter()
            .zip(&model.outputs)
            .map(|(a, b)| (a - b).powi(2))
            .sum();
        let resid: Vec<f64> = y.iter().zip(&model.held_out).map(|(a, b)| a - b).collect();
        model.local = model
            .features
            .iter()
            .zip(&model.terms)
            .map(|(f, t)| match &f.values {
                FeatureValues::Numeric(v) => Local::numeric(v, &resid, t.knots()),
                FeatureValues::Categorical { levels, codes } => {
                    Local::categorical(codes, levels.len(), &resid)
                }
            })
            .collect();
        model.r_squared = Some(if tss > 0.0 { 1.0 - sse_in / tss } else { 1.0 });
        model.r_squared_held_out = Some(if tss > 0.0 { 1.0 - sse / tss } else { 1.0 });
        model.residual_sd = Some((sse / n as f64).sqrt());
        model.sigma = (sse / n as f64).sqrt();
    } else {
        // Without a test, an input whose shape moves the log-odds by less than 0.1 over the
        // population has no measurable effect.
        model.no_effect = (0..model.terms.len())
            .map(|j| {
                let vals: Vec<f64> = (0..n).map(|i| model.shape(j, model.value(j, i))).collect();
                let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
                let hi = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                // A spread that is not a number counts as no effect.
                let spread = hi - lo;
                spread.is_nan() || spread < 0.1
            })
            .collect();
        model.effect_p = vec![None; model.terms.len()];
    }
    Ok(model)
}

/// The penalty diagonal for a penalty `lambda` per row over `rows` rows.
fn penalty(penalized: &[bool], lambda: f64, rows: f64) -> Vec<f64> {
    penalized
        .iter()
        .enumerate()
        .map(|(c, &pen)| {
            if c == 0 {
                0.0
            } else if pen {
                lambda * rows
            } else {
                TINY * rows
            }
        })
        .collect()
}

fn fit_linear(
    m: &mut Additive,
    rows: &[usize],
    y: &[f64],
    penalized: &[bool],
) -> Result<(), String> {
    let p = m.n_cols();
    let mut grams: Vec<Gram> = (0..FOLDS).map(|_| Gram::new(p)).collect();
    let mut row = vec![0.0; p];
    for &i in rows {
        m.row_into(i, &mut row);
        grams[m.fold[i] as usize].push(&row, y[i], 1.0);
    }
    for g in &mut grams {
        g.flush();
    }
    let mut total_g = Array2::<f64>::zeros((p, p));
    let mut total_b = vec![0.0; p];
    let mut total_yy = 0.0;
    let mut total_n = 0.0;
    for g in &grams {
        total_g += &g.g;
        for (a, b) in total_b.iter_mut().zip(&g.b) {
            *a += b;
        }
        total_yy += g.yy;
        total_n += g.n;
    }
    // The penalty by cross-validation, with the one-standard-error rule (Hastie, Tibshirani and
    // Friedman 2009, section 7.10): the largest penalty whose error is within one standard
    // error of the smallest, so the shapes do not chase noise.
    let mut errs: Vec<(f64, f64, f64)> = Vec::new(); // (lambda, mean error, its standard error)
    for &lambda in &LAMBDAS {
        let mut per_fold = Vec::with_capacity(FOLDS);
        for g in &grams {
            let train_g = sub(&total_g, &g.g);
            let train_b: Vec<f64> = total_b.iter().zip(&g.b).map(|(a, b)| a - b).collect();
            let d = penalty(penalized, lambda, total_n - g.n);
            let Some(beta) = solve(&train_g, &train_b, &d) else {
                per_fold.clear();
                break;
            };
            per_fold.push(rss(&g.g, &g.b, g.yy, &beta) / g.n.max(1.0));
        }
        if per_fold.len() == FOLDS {
            let k = FOLDS as f64;
            let mean = per_fold.iter().sum::<f64>() / k;
            let var = per_fold.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (k - 1.0);
            errs.push((lambda, mean, (var / k).sqrt()));
        }
    }
    let best_i = errs
        .iter()
        .enumerate()
        .min_by(|a, b| a.1.1.total_cmp(&b.1.1))
        .map(|(i, _)| i);
    let best = best_i.map(|i| {
        let (_, m0, se0) = errs[i];
        let pick = errs
            .iter()
            .filter(|e| e.1 <= m0 + se0)
            .map(|e| e.0)
            .fold(errs[i].0, f64::max);
        (m0, pick)
    });
    let lambda = best.map_or(LAMBDAS[2], |b| b.1);
    m.lambda = lambda;
    let d = penalty(penalized, lambda, total_n);
    let ch = factor(&total_g, &d).ok_or("the model's equations cannot be solved")?;
    m.coef = ch
        .solve(&DVector::from_column_slice(&total_b))
        .iter()
        .copied()
        .collect();
    m.cov_factor = Some(ch);
    m.fold_coef = grams
        .iter()
        .map(|g| {
            let train_g = sub(&total_g, &g.g);
            let train_b: Vec<f64> = total_b.iter().zip(&g.b).map(|(a, b)| a - b).collect();
            solve(
                &train_g,
                &train_b,
                &penalty(penalized, lambda, total_n - g.n),
            )
            .unwrap_or_else(|| m.coef.clone())
        })
        .collect();
    // Does each input matter? F-test of dropping its columns (Holm across inputs).
    let rss_full = rss(&total_g, &total_b, total_yy, &m.coef);
    let df_res = (total_n - p as f64).max(1.0);
    let mut raw: Vec<Option<f64>> = Vec::with_capacity(m.terms.len());
    for t in &m.terms {
        if t.len == 0 {
            raw.push(None);
            continue;
        }
        let keep: Vec<usize> = (0..p)
            .filter(|c| *c < t.start || *c >= t.start + t.len)
            .collect();
        let g = total_g
            .select(ndarray::Axis(0), &keep)
            .select(ndarray::Axis(1), &keep);
        let b: Vec<f64> = keep.iter().map(|&c| total_b[c]).collect();
        let dd: Vec<f64> = keep.iter().map(|&c| d[c]).collect();
        let Some(beta) = solve(&g, &b, &dd) else {
            raw.push(None);
            continue;
        };
        let rss_red = rss(&g, &b, total_yy, &beta);
        let df = t.len as f64;
        let f = ((rss_red - rss_full).max(0.0) / df) / (rss_full / df_res).max(1e-300);
        let pv = FisherSnedecor::new(df, df_res)
            .ok()
            .map(|dist| dist.sf(f))
            .filter(|x| x.is_finite());
        raw.push(pv);
    }
    let present: Vec<f64> = raw.iter().flatten().copied().collect();
    let adjusted = crate::metrics::significance::holm(&present);
    let mut k = 0;
    m.effect_p = raw
        .iter()
        .map(|r| {
            r.map(|_| {
                let v = adjusted[k];
                k += 1;
                v
            })
        })
        .collect();
    m.no_effect = m
        .terms
        .iter()
        .zip(&m.effect_p)
        .map(|(t, p)| t.len == 0 || p.is_none_or(|p| p >= 0.05))
        .collect();
    Ok(())
}

fn fit_logistic(
    m: &mut Additive,
    rows: &[usize],
    y: &[bool],
    penalized: &[bool],
) -> Result<(), String> {
    let p = m.n_cols();
    let n = rows.len() as f64;
    let d = penalty(penalized, LAMBDA_LOGISTIC, n);
    let mut beta = vec![0.0; p];
    let mut row = vec![0.0; p];
    let mut last_dev = f64::INFINITY;
    m.converged = false;
    for _ in 0..30 {
        // One Newton step: (X'WX + D) beta = X'W z, z = eta + (y - mu) / w.
        let mut g = Gram::new(p);
        let mut dev = 0.0;
        for &i in rows {
            m.row_into(i, &mut row);
            let eta: f64 = row.iter().zip(&beta).map(|(a, b)| a * b).sum();
            let mu = sigmoid(eta);
            let w = (mu * (1.0 - mu)).max(1e-6);
            let yi = if y[i] { 1.0 } else { 0.0 };
            dev -= 2.0 * (yi * mu.max(1e-300).ln() + (1.0 - yi) * (1.0 - mu).max(1e-300).ln());
            g.push(&row, eta + (yi - mu) / w, w);
        }
        g.flush();
        let next = solve(&g.g, &g.b, &d).ok_or("the model's equations cannot be solved")?;
        let step: f64 = next
            .iter()
            .zip(&beta)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        beta = next;
        if (last_dev - dev).abs() / (dev.abs() + 0.1) < 1e-8
            && step < 1e-6 * (1.0 + beta.iter().fold(0.0f64, |a, b| a.max(b.abs())))
        {
            m.converged = true;
            break;
        }
        last_dev = dev;
    }
    m.coef = beta.clone();
    // Leaving a fold out: one Newton step from the full fit without the fold's rows. The same
    // pass gives the Hessian at the fit, whose inverse is the coefficients' covariance.
    let mut grams: Vec<Gram> = (0..FOLDS).map(|_| Gram::new(p)).collect();
    let mut grad: Vec<Vec<f64>> = vec![vec![0.0; p]; FOLDS];
    for &i in rows {
        m.row_into(i, &mut row);
        let eta: f64 = row.iter().zip(&beta).map(|(a, b)| a * b).sum();
        let mu = sigmoid(eta);
        let w = (mu * (1.0 - mu)).max(1e-6);
        let yi = if y[i] { 1.0 } else { 0.0 };
        let f = m.fold[i] as usize;
        grams[f].push(&row, 0.0, w);
        for (gc, &x) in grad[f].iter_mut().zip(&row) {
            *gc += x * (yi - mu);
        }
    }
    let mut total = Array2::<f64>::zeros((p, p));
    for g in &mut grams {
        g.flush();
        total += &g.g;
    }
    m.cov_factor = factor(&total, &d);
    m.fold_coef = grams
        .iter()
        .zip(&grad)
        .map(|(g, gf)| {
            let h = sub(&total, &g.g);
            let neg: Vec<f64> = gf.iter().map(|v| -v).collect();
            solve(&h, &neg, &penalty(penalized, LAMBDA_LOGISTIC, n - g.n))
                .map(|delta| beta.iter().zip(&delta).map(|(a, b)| a + b).collect())
                .unwrap_or_else(|| beta.clone())
        })
        .collect();
    m.lambda = LAMBDA_LOGISTIC;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A score with a step and a cap, plus a categorical input and a constant:
    /// `score = 10 + 8 [a >= 3] + min(b, 50) / 5 + 2 [c = y]`, no noise. The additive model must
    /// reproduce it closely, its contributions must add up exactly, and the step must be
    /// found where it is.
    #[test]
    fn follows_steps_and_caps_and_adds_up() {
        let n = 3000;
        let a: Vec<Option<f64>> = (0..n).map(|i| Some(f64::from(i % 7))).collect();
        let b: Vec<Option<f64>> = (0..n).map(|i| Some(f64::from((i * 37) % 101))).collect();
        let c: Vec<Option<u32>> = (0..n).map(|i| Some(u32::from(i % 3 == 0))).collect();
        let y: Vec<f64> = (0..n)
            .map(|i| {
                10.0 + 8.0 * f64::from(u8::from(i % 7 >= 3))
                    + f64::from(((i * 37) % 101).min(50)) / 5.0
                    + 2.0 * f64::from(u8::from(i % 3 == 0))
            })
            .collect();
        let features = vec![
            Feature::numeric("a", a),
            Feature::numeric("b", b),
            Feature::categorical("c", vec!["x".into(), "y".into()], c),
        ];
        let m = fit(
            features,
            &FitData {
                target: ModelTarget::Linear {
                    threshold: Some(20.0),
                    positive_above: true,
                },
                decision: None,
                score: Some(&y),
                seed: 7,
            },
        )
        .unwrap();
        assert!(
            m.r_squared_held_out.unwrap() > 0.995,
            "{:?}",
            m.r_squared_held_out
        );
        for i in 0..50 {
            let sum: f64 = m.contributions(i).iter().sum();
            assert!((m.outputs[i] - m.baseline - sum).abs() < 1e-8);
        }
        // The step of a at 3: the shape rises by about 8 from 2 to 3, barely from 3 to 4.
        let (up, _) = m.change(0, Value::Num(Some(2.0)), Value::Num(Some(3.0)));
        let (flat, _) = m.change(0, Value::Num(Some(3.0)), Value::Num(Some(4.0)));
        assert!((up - 8.0).abs() < 0.3, "{up}");
        assert!(flat.abs() < 0.3, "{flat}");
        // The cap of b at 50: 20 -> 40 gains 4, 60 -> 90 gains about nothing.
        let (rise, _) = m.change(1, Value::Num(Some(20.0)), Value::Num(Some(40.0)));
        let (cap, _) = m.change(1, Value::Num(Some(60.0)), Value::Num(Some(90.0)));
        assert!((rise - 4.0).abs() < 0.4, "{rise}");
        assert!(cap.abs() < 0.4, "{cap}");
        assert!(m.no_effect.iter().all(|x| !x));
    }

    #[test]
    fn an_unused_input_has_no_effect() {
        let n = 2000;
        let a: Vec<Option<f64>> = (0..n).map(|i| Some(f64::from(i % 50))).collect();
        let noise: Vec<Option<f64>> = (0..n).map(|i| Some(f64::from((i * 7919) % 97))).collect();
        let y: Vec<f64> = (0..n)
            .map(|i| f64::from(i % 50) + f64::from(((i * 31) % 11) as u8) * 0.3)
            .collect();
        let m = fit(
            vec![Feature::numeric("a", a), Feature::numeric("unused", noise)],
            &FitData {
                target: ModelTarget::Linear {
                    threshold: None,
                    positive_above: true,
                },
                decision: None,
                score: Some(&y),
                seed: 3,
            },
        )
        .unwrap();
        assert!(!m.no_effect[0]);
        assert!(m.no_effect[1], "{:?}", m.effect_p);
    }
}
