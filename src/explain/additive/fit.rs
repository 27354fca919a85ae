//! Fitting: the design, the folds, the fit sample, then the outputs, held-out outputs and
//! residual checks over every row.

use super::basis::{KNOTS, KNOTS_LOGISTIC, term_of};
use super::cv::{fit_linear, fit_logistic};
use super::local::Local;
use super::predict::Additive;
use crate::explain::model::ModelTarget;
use crate::metrics::bootstrap::splitmix64;
use crate::screen::features::{Feature, FeatureValues};

/// Folds of the cross-fitting.
pub const FOLDS: usize = 5;
/// Rows above which the model is fitted on a seeded sample (then applied to every row).
pub const FIT_MAX_ROWS: usize = 200_000;
/// Rows of the logistic fit sample.
pub const FIT_MAX_ROWS_LOGISTIC: usize = 50_000;

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
    // Each row's fold: one draw of the shared seeded SplitMix64, seeded by the seed and the row.
    let fold: Vec<u8> = (0..n)
        .map(|i| {
            let mut state = spec.seed ^ (i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D);
            (splitmix64(&mut state) % FOLDS as u64) as u8
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
