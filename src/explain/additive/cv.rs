//! The two fits: least squares with the penalty chosen by cross-validation (and the effect
//! tests), and penalised logistic regression; each with its fold models.

use nalgebra::DVector;
use ndarray::Array2;
use statrs::distribution::{ContinuousCDF, FisherSnedecor};

use super::fit::FOLDS;
use super::linalg::{Gram, factor, rss, solve, sub};
use super::predict::{Additive, sigmoid};

/// Ridge penalties tried, per fitted row, on the spline and level columns.
const LAMBDAS: [f64; 6] = [1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0];
/// The penalty of the logistic fit, per fitted row.
const LAMBDA_LOGISTIC: f64 = 1e-3;
/// A tiny ridge on the unpenalised columns (not the intercept), for a stable factorisation.
const TINY: f64 = 1e-9;

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

/// The least-squares fit without one fold's rows (`fold`): the totals minus the fold's cross
/// products, with the penalty for the rows left.
fn without_fold(
    total_g: &Array2<f64>,
    total_b: &[f64],
    total_n: f64,
    fold: &Gram,
    penalized: &[bool],
    lambda: f64,
) -> Option<Vec<f64>> {
    let train_g = sub(total_g, &fold.g);
    let train_b: Vec<f64> = total_b.iter().zip(&fold.b).map(|(a, b)| a - b).collect();
    solve(
        &train_g,
        &train_b,
        &penalty(penalized, lambda, total_n - fold.n),
    )
}

/// Row `i` of the design (written into `row`) under the logistic coefficients `beta`: its
/// linear predictor, probability, working weight and outcome (1 or 0).
fn logistic_row(
    m: &Additive,
    i: usize,
    beta: &[f64],
    y: &[bool],
    row: &mut [f64],
) -> (f64, f64, f64, f64) {
    m.row_into(i, row);
    let eta: f64 = row.iter().zip(beta).map(|(a, b)| a * b).sum();
    let mu = sigmoid(eta);
    let w = (mu * (1.0 - mu)).max(1e-6);
    (eta, mu, w, if y[i] { 1.0 } else { 0.0 })
}

pub(super) fn fit_linear(
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
            let Some(beta) = without_fold(&total_g, &total_b, total_n, g, penalized, lambda) else {
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
            without_fold(&total_g, &total_b, total_n, g, penalized, lambda)
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

pub(super) fn fit_logistic(
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
            let (eta, mu, w, yi) = logistic_row(m, i, &beta, y, &mut row);
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
        let (_, mu, w, yi) = logistic_row(m, i, &beta, y, &mut row);
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
