//! The surrogate: a logistic or linear model fitted to the algorithm's outputs, and each
//! worker's exact Shapley contributions under it.
//!
//! For a model that is linear in its design columns, `f(x) = b0 + sum_c b_c x_c` (the log-odds
//! of the positive decision for the logistic surrogate, the score for the linear one), the
//! interventional Shapley value of input `j` relative to the population baseline (every
//! design column at its population mean `m_c`) is exactly
//!
//! ```text
//! phi_j = sum over the design columns c of input j of b_c (x_c - m_c)
//! ```
//!
//! (Lundberg and Lee 2017, "A Unified Approach to Interpreting Model Predictions", NeurIPS,
//! the linear-model case; Štrumbelj and Kononenko 2014). The contributions add up to
//! `f(x) - f(m)`: the worker's output minus the baseline. A categorical input owns one 0/1
//! column per non-reference level, a numeric one its standardised value column and, when any
//! value is missing, a missing indicator (see `screen::features`), so each input's
//! contribution is the sum over its own columns.

use ndarray::Array2;
use serde::Serialize;

use crate::screen::features::{Design, Feature, FeatureValues, build_design};
use crate::screen::usage::{self, UsageError};

/// Rows above which the surrogate is fitted on a seeded sample (then applied to every row).
pub const FIT_MAX_ROWS: usize = 200_000;

/// What the surrogate models.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "model")]
pub enum Target {
    /// Logistic regression of the yes/no decision: the output is the log-odds of the positive
    /// decision, positive when the output is >= 0.
    Logistic,
    /// Least squares on the score: the output is the predicted score; the decision is positive
    /// when the score is at or above (`positive_above`) or below the threshold.
    Linear {
        threshold: Option<f64>,
        positive_above: bool,
    },
}

/// How an input enters the surrogate.
#[derive(Debug, Clone)]
pub enum InputKind {
    Numeric {
        /// Design column of the standardised value, None when the input is constant.
        value_col: Option<usize>,
        /// Missing indicator column, if any.
        missing_col: Option<usize>,
        mean: f64,
        sd: f64,
    },
    Categorical {
        levels: Vec<String>,
        /// Design column of each level (None: the reference level or a level without rows).
        level_cols: Vec<Option<usize>>,
        /// Design column of the missing level, if any.
        missing_col: Option<usize>,
        /// The reference level (no column): an index into `levels`, `levels.len()` for the
        /// missing level.
        reference: Option<usize>,
    },
}

/// One input of the surrogate.
#[derive(Debug, Clone)]
pub struct Input {
    pub name: String,
    pub kind: InputKind,
    /// The input's design columns.
    pub block: Vec<usize>,
}

/// The fitted surrogate, applied to every row.
pub struct Surrogate {
    pub target: Target,
    pub inputs: Vec<Input>,
    pub design: Design,
    pub coefficients: Vec<f64>,
    /// Population mean of each design column.
    pub means: Vec<f64>,
    /// `f(m)`: the output at the population means.
    pub baseline: f64,
    /// Each row's output `f(x)`.
    pub outputs: Vec<f64>,
    /// Rows the model was fitted on.
    pub fit_rows: u64,
    pub converged: bool,
    pub separation: bool,
    /// Linear surrogate: R^2 of the score.
    pub r_squared: Option<f64>,
}

/// How a fitted model output maps to the decision.
impl Surrogate {
    /// `s * (output - cut)`: >= 0 exactly when the surrogate's decision is positive; None
    /// without a threshold.
    pub fn margin(&self, output: f64) -> Option<f64> {
        match self.target {
            Target::Logistic => Some(output),
            Target::Linear {
                threshold: Some(t),
                positive_above,
            } => Some(if positive_above {
                output - t
            } else {
                t - output
            }),
            Target::Linear {
                threshold: None, ..
            } => None,
        }
    }

    /// Sign of the output's effect on the margin.
    pub fn direction(&self) -> f64 {
        match self.target {
            Target::Linear {
                positive_above: false,
                ..
            } => -1.0,
            _ => 1.0,
        }
    }

    /// The surrogate's decision (true = positive) at an output, None without a threshold.
    pub fn decides(&self, output: f64) -> Option<bool> {
        self.margin(output).map(|m| m >= 0.0)
    }

    /// Each input's contribution for row `i` (same order as `inputs`).
    pub fn contributions(&self, i: usize) -> Vec<f64> {
        let x = self.design.x.row(i);
        self.inputs
            .iter()
            .map(|inp| {
                inp.block
                    .iter()
                    .map(|&c| self.coefficients[c] * (x[c] - self.means[c]))
                    .sum()
            })
            .collect()
    }

    /// The output for a design row given as a plain vector.
    pub fn output_of(&self, x: &[f64]) -> f64 {
        self.coefficients.iter().zip(x).map(|(b, v)| b * v).sum()
    }
}

fn dot(b: &[f64], x: ndarray::ArrayView1<f64>) -> f64 {
    b.iter().zip(x.iter()).map(|(b, v)| b * v).sum()
}

fn inputs_of(features: &[Feature], design: &Design) -> Vec<Input> {
    features
        .iter()
        .enumerate()
        .map(|(j, f)| {
            let block = design.blocks[j].clone();
            let kind = match &f.values {
                FeatureValues::Numeric(_) => {
                    let s = design.scaling[j];
                    let missing_name = format!("{}:missing", f.name);
                    InputKind::Numeric {
                        value_col: design.value_column[j],
                        missing_col: block
                            .iter()
                            .copied()
                            .find(|&c| design.column_names[c] == missing_name),
                        mean: s.map_or(0.0, |s| s.mean),
                        sd: s.map_or(0.0, |s| s.sd),
                    }
                }
                FeatureValues::Categorical { levels, .. } => {
                    let col_of = |label: &str| {
                        let name = format!("{}={label}", f.name);
                        block
                            .iter()
                            .copied()
                            .find(|&c| design.column_names[c] == name)
                    };
                    InputKind::Categorical {
                        level_cols: levels.iter().map(|l| col_of(l)).collect(),
                        levels: levels.clone(),
                        missing_col: col_of("(missing)"),
                        reference: design.reference_level[j],
                    }
                }
            };
            Input {
                name: f.name.clone(),
                kind,
                block,
            }
        })
        .collect()
}

/// Fits the surrogate. `decision` for the logistic model, `score` for the linear one.
pub fn fit(
    features: &[Feature],
    target: Target,
    decision: Option<&[bool]>,
    score: Option<&[f64]>,
    seed: u64,
) -> Result<Surrogate, UsageError> {
    let n = features.first().map_or(0, Feature::len);
    let design = build_design(n, features).map_err(|e| UsageError::NonFinite {
        what: e.to_string(),
    })?;
    let rows = usage::subsample_indices(n, FIT_MAX_ROWS, seed);
    let x_fit: Array2<f64> = if rows.len() == n {
        design.x.clone()
    } else {
        design.x.select(ndarray::Axis(0), &rows)
    };
    let (fit, r_squared) = match target {
        Target::Logistic => {
            let y = decision.unwrap_or(&[]);
            let y_fit: Vec<bool> = rows.iter().map(|&r| y[r]).collect();
            (usage::fit_logistic(&x_fit, &y_fit)?, None)
        }
        Target::Linear { .. } => {
            let y = score.unwrap_or(&[]);
            let y_fit: Vec<f64> = rows.iter().map(|&r| y[r]).collect();
            let fit = usage::fit_linear(&x_fit, &y_fit)?;
            let mean = y_fit.iter().sum::<f64>() / y_fit.len().max(1) as f64;
            let tss: f64 = y_fit.iter().map(|v| (v - mean).powi(2)).sum();
            let r2 = if tss > 0.0 {
                1.0 - fit.deviance / tss
            } else {
                1.0
            };
            (fit, Some(r2))
        }
    };
    let coefficients = fit.coefficients.clone();
    let p = design.n_cols();
    let mut means = vec![0.0; p];
    for row in design.x.rows() {
        for (m, v) in means.iter_mut().zip(row.iter()) {
            *m += v;
        }
    }
    for m in &mut means {
        *m /= n.max(1) as f64;
    }
    let baseline = coefficients.iter().zip(&means).map(|(b, m)| b * m).sum();
    let outputs = design
        .x
        .rows()
        .into_iter()
        .map(|r| dot(&coefficients, r))
        .collect();
    Ok(Surrogate {
        target,
        inputs: inputs_of(features, &design),
        design,
        coefficients,
        means,
        baseline,
        outputs,
        fit_rows: rows.len() as u64,
        converged: fit.converged,
        separation: fit.separation,
        r_squared,
    })
}

/// Agreement of the surrogate's decisions with the real ones.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fidelity {
    /// Share of all workers whose surrogate decision equals the real one.
    pub agreement: f64,
    /// Among the workers with the real positive decision, the share the surrogate also gives
    /// it (None when nobody had it).
    pub agreement_positive: Option<f64>,
    /// The same among the workers with the real negative decision.
    pub agreement_negative: Option<f64>,
    /// Linear surrogate: R^2 of the score.
    pub r_squared: Option<f64>,
    /// `high` (agreement >= 0.95 and at least 0.85 within each decision), `moderate` (>= 0.85
    /// and >= 0.6) or `low`: both decisions must be reproduced, so a model that gives everyone
    /// the common decision is never called faithful.
    pub level: String,
}

/// Fidelity against the real decisions (None without a decision or threshold).
pub fn fidelity(s: &Surrogate, real: &[bool]) -> Option<Fidelity> {
    let mut agree = 0u64;
    let (mut pos, mut pos_agree, mut neg, mut neg_agree) = (0u64, 0u64, 0u64, 0u64);
    for (o, &r) in s.outputs.iter().zip(real) {
        let d = s.decides(*o)?;
        agree += u64::from(d == r);
        if r {
            pos += 1;
            pos_agree += u64::from(d);
        } else {
            neg += 1;
            neg_agree += u64::from(!d);
        }
    }
    let n = real.len().max(1) as f64;
    let agreement = agree as f64 / n;
    let agreement_positive = (pos > 0).then(|| pos_agree as f64 / pos as f64);
    let agreement_negative = (neg > 0).then(|| neg_agree as f64 / neg as f64);
    let worst = agreement_positive
        .unwrap_or(1.0)
        .min(agreement_negative.unwrap_or(1.0));
    let level = if agreement >= 0.95 && worst >= 0.85 {
        "high"
    } else if agreement >= 0.85 && worst >= 0.6 {
        "moderate"
    } else {
        "low"
    };
    Some(Fidelity {
        agreement,
        agreement_positive,
        agreement_negative,
        r_squared: s.r_squared,
        level: level.into(),
    })
}

/// Whether a binary decision is exactly a cut of the score: Some((cut, positive_above)) when
/// every positive scores above every negative (or below), the cut being the midpoint between
/// the two groups' nearest scores.
pub fn score_cut(score: &[f64], decision: &[bool]) -> Option<(f64, bool)> {
    let (mut pmin, mut pmax, mut nmin, mut nmax) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (&s, &d) in score.iter().zip(decision) {
        if d {
            pmin = pmin.min(s);
            pmax = pmax.max(s);
        } else {
            nmin = nmin.min(s);
            nmax = nmax.max(s);
        }
    }
    if pmin == f64::MAX || nmin == f64::MAX {
        return None;
    }
    if pmin > nmax {
        Some(((pmin + nmax) / 2.0, true))
    } else if pmax < nmin {
        Some(((pmax + nmin) / 2.0, false))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> (Vec<Feature>, Vec<f64>) {
        // score = 10 + 2 a - 3 [b = y] + noise-free
        let a: Vec<Option<f64>> = (0..40).map(|i| Some(f64::from(i % 7))).collect();
        let codes: Vec<Option<u32>> = (0..40).map(|i| Some(u32::from(i % 3 == 0))).collect();
        let y: Vec<f64> = (0..40)
            .map(|i| 10.0 + 2.0 * f64::from(i % 7) - 3.0 * f64::from(u8::from(i % 3 == 0)))
            .collect();
        (
            vec![
                Feature::numeric("a", a),
                Feature::categorical("b", vec!["x".into(), "y".into()], codes),
            ],
            y,
        )
    }

    #[test]
    fn contributions_sum_to_output_minus_baseline() {
        let (f, y) = toy();
        let t = Target::Linear {
            threshold: Some(12.0),
            positive_above: true,
        };
        let s = fit(&f, t, None, Some(&y), 1).unwrap();
        for i in 0..40 {
            let phi = s.contributions(i);
            let sum: f64 = phi.iter().sum();
            assert!((s.outputs[i] - s.baseline - sum).abs() < 1e-9);
            // The exact linear model: a's contribution is 2 (a - mean a), by hand.
            let mean_a = (0..40).map(|k| f64::from(k % 7)).sum::<f64>() / 40.0;
            assert!((phi[0] - 2.0 * (f64::from(i as u8 % 7) - mean_a)).abs() < 1e-9);
        }
        assert!((s.r_squared.unwrap() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn cut_found_only_when_exact() {
        let s = [1.0, 2.0, 5.0, 6.0];
        assert_eq!(
            score_cut(&s, &[true, true, false, false]),
            Some((3.5, false))
        );
        assert_eq!(
            score_cut(&s, &[false, false, true, true]),
            Some((3.5, true))
        );
        assert_eq!(score_cut(&s, &[true, false, true, false]), None);
    }
}
