//! Explanations on the model itself: exact interventional Shapley values and counterfactuals
//! searched and verified on the model.
//!
//! Shapley values. `v(S)` = the mean, over a seeded background sample of workers, of the
//! model's output when the inputs in `S` take the worker's values and the others the
//! background worker's ("interventional": the inputs are set, not conditioned on). For an
//! input `i` of `d`: `phi_i = sum over S not holding i of |S|! (d - |S| - 1)! / d! *
//! (v(S + i) - v(S))`. All `2^d` coalitions are run (exact, no sampling), in one batch of
//! `2^d * B` rows; so at most [`MAX_EXACT`] inputs. The values add up to
//! `f(x) - E f` (efficiency): `v(all) = f(x)`, `v(none)` = the background mean.
//!
//! Counterfactuals. For a worker with an adverse decision, every input the worker may act on
//! (not flagged by the screening, not a protected attribute, not immutable; one direction
//! where `increase_only` / `decrease_only` say so) is tried at each percentile (1..99) of its
//! values among all workers; the change kept is the one closest to the worker's value, in
//! units of the input's interquartile range (its standard deviation when the IQR is 0), that
//! changes the model's decision. The kept row is run through the model again: `verified` is
//! true only when that run gives the favorable decision.

use serde::Serialize;

use super::{ColumnData, Model};
use crate::error::Result;

/// The most inputs for exact Shapley values (2^12 = 4,096 coalitions).
pub const MAX_EXACT: usize = 12;

/// Exact Shapley values of one worker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShapleyValues {
    /// One per model column, in feeding order.
    pub phi: Vec<f64>,
    /// The model's output for the worker.
    pub value: f64,
    /// The mean output over the background.
    pub baseline: f64,
}

/// One cell as a single-row column.
fn cell(c: &ColumnData, r: usize) -> ColumnData {
    match c {
        ColumnData::Num(v) => ColumnData::Num(vec![v[r]]),
        ColumnData::Text(v) => ColumnData::Text(vec![v[r].clone()]),
    }
}

/// Builds the 2^d * B rows: coalition `mask` (bit j = input j from the worker), background
/// row `b`, at row `mask * B + k`.
fn coalition_rows(cols: &[ColumnData], worker: usize, background: &[usize]) -> Vec<ColumnData> {
    let d = cols.len();
    let b = background.len();
    let total = (1usize << d) * b;
    cols.iter()
        .enumerate()
        .map(|(j, c)| match c {
            ColumnData::Num(v) => {
                let mut out = Vec::with_capacity(total);
                for mask in 0..(1usize << d) {
                    if mask >> j & 1 == 1 {
                        out.extend(std::iter::repeat_n(v[worker], b));
                    } else {
                        out.extend(background.iter().map(|&r| v[r]));
                    }
                }
                ColumnData::Num(out)
            }
            ColumnData::Text(v) => {
                let mut out = Vec::with_capacity(total);
                for mask in 0..(1usize << d) {
                    if mask >> j & 1 == 1 {
                        out.extend(std::iter::repeat_n(v[worker].clone(), b));
                    } else {
                        out.extend(background.iter().map(|&r| v[r].clone()));
                    }
                }
                ColumnData::Text(out)
            }
        })
        .collect()
}

/// Exact interventional Shapley values of `worker` against the `background` rows; None when
/// the model has more than [`MAX_EXACT`] inputs or the background is empty.
pub fn shapley(
    model: &Model,
    cols: &[ColumnData],
    worker: usize,
    background: &[usize],
) -> Result<Option<ShapleyValues>> {
    let d = cols.len();
    if d == 0 || d > MAX_EXACT || background.is_empty() {
        return Ok(None);
    }
    let rows = coalition_rows(cols, worker, background);
    let refs: Vec<&ColumnData> = rows.iter().collect();
    let out = model.predict(&refs)?.value;
    let b = background.len();
    let v: Vec<f64> = (0..(1usize << d))
        .map(|m| out[m * b..(m + 1) * b].iter().sum::<f64>() / b as f64)
        .collect();
    // w[s] = s! (d - s - 1)! / d!
    let fact = |n: usize| (1..=n).map(|k| k as f64).product::<f64>();
    let w: Vec<f64> = (0..d)
        .map(|s| fact(s) * fact(d - s - 1) / fact(d))
        .collect();
    let mut phi = vec![0.0; d];
    for (i, p) in phi.iter_mut().enumerate() {
        for mask in 0..(1usize << d) {
            if mask >> i & 1 == 1 {
                continue;
            }
            let s = mask.count_ones() as usize;
            *p += w[s] * (v[mask | 1 << i] - v[mask]);
        }
    }
    Ok(Some(ShapleyValues {
        phi,
        value: v[(1usize << d) - 1],
        baseline: v[0],
    }))
}

/// A seeded background sample of `size` distinct rows of `0..n` (all rows when n <= size),
/// in increasing order.
pub fn background(n: usize, size: usize, seed: u64) -> Vec<usize> {
    if n <= size {
        return (0..n).collect();
    }
    let p = super::flip::permutation(n, seed ^ 0x5348_4150_4C45_5900);
    let mut out: Vec<usize> = p[..size].to_vec();
    out.sort_unstable();
    out
}

/// Which way an input may move in a counterfactual.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    No,
    Any,
    Up,
    Down,
}

/// One changed input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputChange {
    pub column: String,
    pub from: f64,
    pub to: f64,
}

/// A counterfactual found and verified on the model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelCounterfactual {
    pub changes: Vec<InputChange>,
    /// The model's output for the changed row.
    pub value: f64,
    /// The changed row was run through the model and its decision is the favorable one.
    pub verified: bool,
    /// Distance in IQR (or standard-deviation) units.
    pub distance: f64,
}

/// Candidate values and scale of each numeric column, computed once for all workers.
pub struct Grid {
    pub values: Vec<Vec<f64>>,
    pub scale: Vec<f64>,
}

/// The percentiles 1..99 of each numeric column (distinct), and its IQR (or SD).
pub fn grid(cols: &[ColumnData]) -> Grid {
    let mut values = Vec::new();
    let mut scale = Vec::new();
    for c in cols {
        let ColumnData::Num(v) = c else {
            values.push(Vec::new());
            scale.push(1.0);
            continue;
        };
        let mut s: Vec<f64> = v.iter().copied().filter(|x| x.is_finite()).collect();
        s.sort_by(f64::total_cmp);
        if s.is_empty() {
            values.push(Vec::new());
            scale.push(1.0);
            continue;
        }
        let q = |p: f64| s[((p * (s.len() - 1) as f64).round() as usize).min(s.len() - 1)];
        let mut g: Vec<f64> = (1..100).map(|k| q(k as f64 / 100.0)).collect();
        g.dedup();
        let iqr = q(0.75) - q(0.25);
        let sd = {
            let m = s.iter().sum::<f64>() / s.len() as f64;
            (s.iter().map(|x| (x - m).powi(2)).sum::<f64>() / s.len() as f64).sqrt()
        };
        values.push(g);
        scale.push(if iqr > 0.0 {
            iqr
        } else if sd > 0.0 {
            sd
        } else {
            1.0
        });
    }
    Grid { values, scale }
}

/// Searches the closest single-input change that gives the favorable decision, and verifies
/// it on the model; None when no allowed change within the observed range does.
pub fn counterfactual(
    model: &Model,
    cols: &[ColumnData],
    worker: usize,
    movable: &[Direction],
    grid: &Grid,
    favorable_is_positive: bool,
) -> Result<Option<ModelCounterfactual>> {
    // Candidate rows: (column, value, distance), all in one batch.
    let mut cands: Vec<(usize, f64, f64)> = Vec::new();
    for (j, c) in cols.iter().enumerate() {
        let ColumnData::Num(v) = c else { continue };
        let x = v[worker];
        for &g in &grid.values[j] {
            let ok = match movable.get(j).copied().unwrap_or(Direction::No) {
                Direction::No => false,
                Direction::Any => g != x,
                Direction::Up => g > x,
                Direction::Down => g < x,
            };
            if ok && x.is_finite() {
                cands.push((j, g, (g - x).abs() / grid.scale[j]));
            }
        }
    }
    if cands.is_empty() {
        return Ok(None);
    }
    let batch: Vec<ColumnData> = cols
        .iter()
        .enumerate()
        .map(|(j, c)| match c {
            ColumnData::Num(v) => ColumnData::Num(
                cands
                    .iter()
                    .map(|&(k, g, _)| if k == j { g } else { v[worker] })
                    .collect(),
            ),
            ColumnData::Text(v) => ColumnData::Text(vec![v[worker].clone(); cands.len()]),
        })
        .collect();
    let refs: Vec<&ColumnData> = batch.iter().collect();
    let p = model.predict(&refs)?;
    let best = (0..cands.len())
        .filter(|&k| p.positive[k] == favorable_is_positive)
        .min_by(|&a, &b| cands[a].2.total_cmp(&cands[b].2).then(a.cmp(&b)));
    let Some(k) = best else {
        return Ok(None);
    };
    let (j, to, distance) = cands[k];
    // Verify: the changed row alone, through the model again.
    let row: Vec<ColumnData> = cols
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut one = cell(c, worker);
            if i == j
                && let ColumnData::Num(v) = &mut one
            {
                v[0] = to;
            }
            one
        })
        .collect();
    let refs: Vec<&ColumnData> = row.iter().collect();
    let check = model.predict(&refs)?;
    let from = match &cols[j] {
        ColumnData::Num(v) => v[worker],
        ColumnData::Text(_) => f64::NAN,
    };
    Ok(Some(ModelCounterfactual {
        changes: vec![InputChange {
            column: model.columns()[j].clone(),
            from,
            to,
        }],
        value: check.value.first().copied().unwrap_or(f64::NAN),
        verified: check.positive.first() == Some(&favorable_is_positive),
        distance,
    }))
}
