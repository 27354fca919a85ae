//! What the use layer takes and gives: the target, the tests, the surrogate's fit, options.

use serde::Serialize;

/// The algorithm's output, one entry per row.
#[derive(Debug, Clone, Copy)]
pub enum UseTarget<'a> {
    /// A yes/no decision: modelled by logistic regression.
    Binary(&'a [bool]),
    /// A score: modelled by ordinary least squares.
    Continuous(&'a [f64]),
}

impl UseTarget<'_> {
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
