//! What Candor's model of the algorithm models, how the decision follows from its output, and
//! how faithful it is on rows it did not see (the model itself is in `additive.rs`).

use serde::Serialize;

use super::additive::Additive;

/// What the surrogate models.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "model")]
pub enum ModelTarget {
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

/// How faithful the model is, measured on held-out rows: each row's output comes from the model
/// fitted on the other folds (cross-fitting).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fidelity {
    /// Share of all workers whose held-out decision equals the real one.
    pub agreement: f64,
    /// Among the workers with the real positive decision, the share the model also gives it
    /// (None when nobody had it).
    pub agreement_positive: Option<f64>,
    /// The same among the workers with the real negative decision.
    pub agreement_negative: Option<f64>,
    /// Among the workers with the adverse outcome, the share the model reproduces.
    pub agreement_adverse: Option<f64>,
    /// Score target: R^2 of the held-out outputs (on the model's scale), and in sample.
    pub r_squared: Option<f64>,
    pub r_squared_in_sample: Option<f64>,
    /// Score target: the standard deviation of the score's variation the model does not
    /// explain (held-out residuals), on the model's scale.
    pub residual_sd: Option<f64>,
    /// The share of decisions no model of these inputs could reproduce reliably, estimated:
    /// for a score, the mean chance that the unexplained variation (normal, `residual_sd`)
    /// puts a worker on the other side of the cut from the model's output; for a decision,
    /// the mean of `min(p, 1 - p)` over the held-out probabilities.
    pub unexplainable: Option<f64>,
    /// Workers in sets with identical inputs whose decisions differ (not the set's majority):
    /// disagreement no model of these inputs can remove.
    pub identical_inputs_conflicting: u64,
    /// Folds of the cross-fitting.
    pub folds: u64,
    /// `high` (agreement >= 0.95 and at least 0.85 within each decision), `moderate` (>= 0.85
    /// and >= 0.6) or `low`: both decisions must be reproduced, so a model that gives everyone
    /// the common decision is never called faithful.
    pub level: String,
}

/// Normal upper tail `P(Z > z)`.
fn norm_sf(z: f64) -> f64 {
    0.5 * statrs::function::erf::erfc(z / std::f64::consts::SQRT_2)
}

/// Held-out fidelity against the real decisions (None without a decision or threshold).
/// `positive_is_favorable` says which decision is adverse; `inputs_key` gives each row's
/// inputs as one comparable key (identical inputs, identical key).
pub fn fidelity(
    m: &Additive,
    real: &[bool],
    positive_is_favorable: bool,
    inputs_key: &[u64],
) -> Option<Fidelity> {
    let mut agree = 0u64;
    let (mut pos, mut pos_agree, mut neg, mut neg_agree) = (0u64, 0u64, 0u64, 0u64);
    for (o, &r) in m.held_out.iter().zip(real) {
        let d = m.decides(*o)?;
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
    let unexplainable = match (m.target, m.residual_sd, m.cut()) {
        (ModelTarget::Logistic, _, _) => Some(
            m.held_out
                .iter()
                .map(|&t| {
                    let p = 1.0 / (1.0 + (-t).exp());
                    p.min(1.0 - p)
                })
                .sum::<f64>()
                / n,
        ),
        (_, Some(sd), Some(c)) if sd > 0.0 => Some(
            m.held_out
                .iter()
                .map(|&o| norm_sf((o - c).abs() / sd))
                .sum::<f64>()
                / n,
        ),
        _ => None,
    };
    // Identical inputs, different decisions: count the minority of each set.
    let mut sets: std::collections::HashMap<u64, (u64, u64)> = std::collections::HashMap::new();
    for (&k, &r) in inputs_key.iter().zip(real) {
        let e = sets.entry(k).or_insert((0, 0));
        if r {
            e.0 += 1;
        } else {
            e.1 += 1;
        }
    }
    let identical_inputs_conflicting = sets.values().map(|(a, b)| (*a).min(*b)).sum();
    Some(Fidelity {
        agreement,
        agreement_positive,
        agreement_negative,
        agreement_adverse: if positive_is_favorable {
            agreement_negative
        } else {
            agreement_positive
        },
        r_squared: m.r_squared_held_out,
        r_squared_in_sample: m.r_squared,
        residual_sd: m.residual_sd,
        unexplainable,
        identical_inputs_conflicting,
        folds: super::additive::FOLDS as u64,
        level: level.into(),
    })
}

/// Whether a binary decision is exactly the declared threshold `t` of the score: Some(true)
/// when the decision is positive exactly for scores at or above `t`, Some(false) when exactly
/// for scores below it.
pub fn declared_cut(score: &[f64], decision: &[bool], t: f64) -> Option<bool> {
    if score.iter().zip(decision).all(|(&s, &d)| (s >= t) == d) {
        Some(true)
    } else if score.iter().zip(decision).all(|(&s, &d)| (s < t) == d) {
        Some(false)
    } else {
        None
    }
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
