//! The design: how each input enters the model (its basis columns), and the knots.

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

/// A worker's value of one input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Num(Option<f64>),
    /// A level index (`None`: missing).
    Cat(Option<u32>),
}

/// How a numeric input enters the model: `linear`: `(x - mean) / sd`; then a hinge
/// `max(0, x - k) / sd` at each knot when `hinges`; a step `1[x >= k]` at each knot; a missing
/// indicator when `missing`.
#[derive(Debug, Clone, PartialEq)]
pub struct NumericBasis {
    pub mean: f64,
    pub sd: f64,
    pub linear: bool,
    pub hinges: bool,
    pub knots: Vec<f64>,
    pub missing: bool,
}

impl NumericBasis {
    /// Writes the basis values of `x` into `out` (zeroed, one value per column).
    fn fill(&self, x: Option<f64>, out: &mut [f64]) {
        let Some(x) = x else {
            if self.missing {
                out[out.len() - 1] = 1.0;
            }
            return;
        };
        let mut c = 0;
        if self.linear {
            out[c] = (x - self.mean) / self.sd;
            c += 1;
        }
        if self.hinges {
            for k in &self.knots {
                out[c] = (x - k).max(0.0) / self.sd;
                c += 1;
            }
        }
        for k in &self.knots {
            out[c] = if x >= *k { 1.0 } else { 0.0 };
            c += 1;
        }
    }
}

/// How one input enters the model.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    Numeric(NumericBasis),
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
    pub(super) penalized: Vec<bool>,
}

impl InputTerm {
    /// Writes the term's basis values for `v` into `out` (`len` values).
    pub(super) fn fill(&self, v: Value, out: &mut [f64]) {
        out.iter_mut().for_each(|x| *x = 0.0);
        match (&self.basis, v) {
            (Basis::Numeric(b), Value::Num(x)) => b.fill(x, out),
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
            Basis::Numeric(b) => &b.knots,
            Basis::Categorical { .. } => &[],
        }
    }
}

fn quantile(sorted: &[f64], q: f64) -> f64 {
    let pos = q * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

/// The basis of one input.
pub(super) fn term_of(f: &Feature, start: usize, knots_at: &[f64]) -> InputTerm {
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
                basis: Basis::Numeric(NumericBasis {
                    mean,
                    sd,
                    linear,
                    hinges,
                    knots,
                    missing,
                }),
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
