//! Counterfactuals: the cheapest change found in the actionable inputs that flips the
//! surrogate's decision.
//!
//! Cost: the sum of the changes of numeric inputs in population standard deviations, plus 1 for
//! each categorical input switched to another level. Numeric changes are whole steps of the
//! precision the column is recorded with. Candidates, for each set of categorical switches
//! (none, one or two at a time): the greedy fill (move the input with the largest effect per
//! standard deviation up to its bound, then the next: a fractional knapsack, optimal for the
//! continuous problem), rounded up to whole steps and trimmed (the least efficient moves give
//! back the steps the rounding overshot); and each numeric input alone in the fewest whole steps
//! that flip. The cheapest candidate wins (ties: fewer inputs changed), within a bound on the
//! candidates evaluated (`max_candidates`, deterministic, unlike a wall-clock limit); the result
//! is checked against the surrogate.
//!
//! Bounds: an input moves only within the 1st to 99th percentile of the population's values,
//! with at least the minimum group size of workers at or beyond each bound (widened to include
//! the worker's own value), in its allowed direction; inputs declared
//! immutable, and inputs the screening flagged (prohibited, restricted or proxy), are never
//! proposed: the second counterfactual, "without the prohibited inputs", handles those.

use serde::Serialize;

use super::model::{InputKind, Surrogate};

/// How an input may move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Movable {
    Any,
    IncreaseOnly,
    DecreaseOnly,
    /// Immutable, flagged, or not a model input.
    Fixed,
}

/// Per-input bounds and precision, computed once for the population.
#[derive(Debug, Clone)]
pub struct Bounds {
    pub movable: Movable,
    /// Numeric: 1st and 99th percentile of the observed values, rounded inward to `step`.
    pub lo: f64,
    pub hi: f64,
    /// Numeric: the recording precision (1 for whole numbers, 0.1 for one decimal...).
    pub step: f64,
}

/// One proposed change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub column: String,
    pub from: String,
    pub to: String,
}

/// The counterfactual of one worker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Counterfactual {
    /// `found`, `none_within_bounds`, `no_actionable_input`.
    pub status: String,
    pub changes: Vec<Change>,
    /// Cost of the change (standard deviations plus switches).
    pub cost: Option<f64>,
    /// The surrogate's output after the change.
    pub output_after: Option<f64>,
    /// Whether the change flips the surrogate's decision (checked, not assumed).
    pub flips_surrogate: bool,
    pub candidates_evaluated: u64,
    /// The search stopped at `max_candidates` before trying every combination.
    pub bound_reached: bool,
}

impl Counterfactual {
    /// A result without a change: `status` says why.
    pub fn none(status: &str, candidates_evaluated: u64, bound_reached: bool) -> Self {
        Counterfactual {
            status: status.into(),
            changes: Vec::new(),
            cost: None,
            output_after: None,
            flips_surrogate: false,
            candidates_evaluated,
            bound_reached,
        }
    }
}

fn fmt_step(v: f64, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10()).round().clamp(0.0, 6.0) as usize
    };
    format!("{v:.decimals$}")
}

/// A candidate: (cost, inputs changed, categorical switches, numeric moves as (option, whole
/// steps)).
type Candidate = (f64, usize, Vec<usize>, Vec<(usize, f64)>);

struct CatOption {
    input: usize,
    to_level: usize,
    gain: f64,
}

/// Value of input `j` for the worker, decoded from the design row.
fn numeric_value(x: &[f64], kind: &InputKind) -> Option<f64> {
    match kind {
        InputKind::Numeric {
            value_col,
            missing_col,
            mean,
            sd,
        } => {
            if missing_col.is_some_and(|c| x[c] > 0.5) {
                return None;
            }
            Some(value_col.map_or(*mean, |c| mean + sd * x[c]))
        }
        InputKind::Categorical { .. } => None,
    }
}

/// The worker's level index (levels.len() = missing), None if it cannot be told.
fn level_of(x: &[f64], kind: &InputKind) -> Option<usize> {
    match kind {
        InputKind::Categorical {
            levels,
            level_cols,
            missing_col,
            reference,
        } => {
            if let Some(i) = level_cols
                .iter()
                .position(|c| c.is_some_and(|c| x[c] > 0.5))
            {
                return Some(i);
            }
            if missing_col.is_some_and(|c| x[c] > 0.5) {
                return Some(levels.len());
            }
            *reference
        }
        InputKind::Numeric { .. } => None,
    }
}

fn level_coef(s: &Surrogate, kind: &InputKind, level: usize) -> Option<f64> {
    if let InputKind::Categorical {
        levels,
        level_cols,
        missing_col,
        reference,
    } = kind
    {
        if *reference == Some(level) {
            return Some(0.0);
        }
        let col = if level == levels.len() {
            *missing_col
        } else {
            level_cols.get(level).copied().flatten()
        };
        return col.map(|c| s.coefficients[c]);
    }
    None
}

/// Searches the cheapest flip for row `row`. `bounds` has one entry per surrogate input.
pub fn search(
    s: &Surrogate,
    row: usize,
    bounds: &[Bounds],
    max_candidates: usize,
) -> Option<Counterfactual> {
    let x: Vec<f64> = s.design.x.row(row).to_vec();
    let m = s.margin(s.outputs[row])?;
    let sigma = if m >= 0.0 { -1.0 } else { 1.0 };
    let need = m.abs() + 1e-9 * (1.0 + m.abs());
    let dir = s.direction();

    // Numeric options: (input, effect on the margin per unit of x toward the target, max move).
    let mut numeric: Vec<(usize, f64, f64, f64)> = Vec::new(); // (input, gain per sd, sd, max |dx|)
    let mut categorical: Vec<CatOption> = Vec::new();
    let mut any_movable = false;
    for (j, inp) in s.inputs.iter().enumerate() {
        let b = &bounds[j];
        if b.movable == Movable::Fixed || inp.block.is_empty() {
            continue;
        }
        any_movable = true;
        match &inp.kind {
            InputKind::Numeric {
                value_col: Some(c),
                sd,
                ..
            } if *sd > 0.0 => {
                let Some(v) = numeric_value(&x, &inp.kind) else {
                    continue;
                };
                let beta = s.coefficients[*c];
                let up = sigma * dir * beta > 0.0;
                let allowed = match b.movable {
                    Movable::IncreaseOnly => up,
                    Movable::DecreaseOnly => !up,
                    _ => true,
                };
                let room = if up { b.hi.max(v) - v } else { v - b.lo.min(v) };
                if allowed && beta != 0.0 && room > 0.0 {
                    numeric.push((j, beta.abs(), *sd, room));
                }
            }
            InputKind::Categorical { levels, .. } => {
                let Some(cur) = level_of(&x, &inp.kind) else {
                    continue;
                };
                let Some(bc) = level_coef(s, &inp.kind, cur) else {
                    continue;
                };
                for to in 0..levels.len() {
                    if to == cur {
                        continue;
                    }
                    if let Some(bt) = level_coef(s, &inp.kind, to) {
                        let gain = sigma * dir * (bt - bc);
                        if gain > 0.0 {
                            categorical.push(CatOption {
                                input: j,
                                to_level: to,
                                gain,
                            });
                        }
                    }
                }
            }
            InputKind::Numeric { .. } => {}
        }
    }
    if !any_movable {
        return Some(Counterfactual::none("no_actionable_input", 0, false));
    }
    // Largest effect per standard deviation first; ties by input order.
    numeric.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    // Per numeric option: margin gained per unit of x, and the recording step.
    let per_unit = |k: usize| numeric[k].1 / numeric[k].2;
    let step_of = |k: usize| bounds[numeric[k].0].step;
    let steps_in_room = |k: usize| ((numeric[k].3 / step_of(k)) + 1e-9).floor();

    // Whole-step moves (option index, steps) covering `rest`: the greedy fill (exact for the
    // continuous relaxation), rounded up to whole steps, then trimmed: the least efficient moves
    // give back the steps the rounding overshot. None when the bounds cannot cover `rest`.
    let greedy = |rest: f64| -> Option<Vec<(usize, f64)>> {
        let mut left = rest;
        let mut moves: Vec<(usize, f64)> = Vec::new();
        for k in 0..numeric.len() {
            if left <= 0.0 {
                break;
            }
            let (g, st, max_steps) = (per_unit(k), step_of(k), steps_in_room(k));
            let steps = ((left / (g * st)) - 1e-9).ceil().min(max_steps).max(0.0);
            if steps > 0.0 {
                moves.push((k, steps));
                left -= steps * g * st;
            }
        }
        if left > 0.0 {
            return None;
        }
        // Trim from the least efficient move (the last ones filled).
        for m in moves.iter_mut().rev() {
            let unit = per_unit(m.0) * step_of(m.0);
            let spare = ((-left) / unit + 1e-9).floor().min(m.1);
            m.1 -= spare;
            left += spare * unit;
        }
        moves.retain(|m| m.1 > 0.0);
        Some(moves)
    };
    // One input alone, in whole steps.
    let single = |k: usize, rest: f64| -> Option<Vec<(usize, f64)>> {
        let steps = ((rest / (per_unit(k) * step_of(k))) - 1e-9).ceil().max(1.0);
        (steps <= steps_in_room(k)).then(|| vec![(k, steps)])
    };

    let mut combos: Vec<Vec<usize>> = vec![Vec::new()];
    for a in 0..categorical.len() {
        combos.push(vec![a]);
    }
    for a in 0..categorical.len() {
        for b in a + 1..categorical.len() {
            if categorical[a].input != categorical[b].input {
                combos.push(vec![a, b]);
            }
        }
    }
    let dir_up = |k: usize| sigma * dir * s.coefficients[value_col(s, numeric[k].0)] > 0.0;
    let mut best: Option<Candidate> = None;
    let mut evaluated = 0u64;
    let mut bound_reached = false;
    'search: for combo in combos {
        let gain: f64 = combo.iter().map(|&k| categorical[k].gain).sum();
        let rest = need - gain;
        let mut options: Vec<Vec<(usize, f64)>> = Vec::new();
        if rest <= 0.0 {
            options.push(Vec::new());
        } else {
            options.extend(greedy(rest));
            options.extend((0..numeric.len()).filter_map(|k| single(k, rest)));
        }
        for moves in options {
            if evaluated as usize >= max_candidates {
                bound_reached = true;
                break 'search;
            }
            evaluated += 1;
            let cost = combo.len() as f64
                + moves
                    .iter()
                    .map(|&(k, st)| st * step_of(k) / numeric[k].2)
                    .sum::<f64>();
            let changed = combo.len() + moves.len();
            let better = match &best {
                None => true,
                Some((c, n, _, _)) => {
                    cost < *c - 1e-12 || ((cost - *c).abs() <= 1e-12 && changed < *n)
                }
            };
            if better {
                best = Some((cost, changed, combo.clone(), moves));
            }
        }
    }
    let Some((cost, _, combo, moves)) = best else {
        return Some(Counterfactual::none(
            "none_within_bounds",
            evaluated,
            bound_reached,
        ));
    };

    // Apply the change to the design row and check it against the surrogate.
    let mut y = x.clone();
    let mut changes = Vec::new();
    for &k in &combo {
        let o = &categorical[k];
        let inp = &s.inputs[o.input];
        if let InputKind::Categorical {
            levels,
            level_cols,
            missing_col,
            ..
        } = &inp.kind
        {
            let from = level_of(&x, &inp.kind)
                .map_or_else(String::new, |l| levels.get(l).cloned().unwrap_or_default());
            for c in level_cols.iter().flatten().chain(missing_col.iter()) {
                y[*c] = 0.0;
            }
            if let Some(Some(c)) = level_cols.get(o.to_level) {
                y[*c] = 1.0;
            }
            changes.push(Change {
                column: inp.name.clone(),
                from,
                to: levels.get(o.to_level).cloned().unwrap_or_default(),
            });
        }
    }
    let mut ordered = moves;
    ordered.sort_by_key(|m| numeric[m.0].0);
    for (k, steps) in ordered {
        let j = numeric[k].0;
        let inp = &s.inputs[j];
        if let InputKind::Numeric {
            value_col: Some(c),
            mean,
            sd,
            ..
        } = &inp.kind
        {
            let Some(v) = numeric_value(&x, &inp.kind) else {
                continue;
            };
            let dx = steps * step_of(k);
            let target = if dir_up(k) { v + dx } else { v - dx };
            y[*c] = (target - mean) / sd;
            changes.push(Change {
                column: inp.name.clone(),
                from: fmt_step(v, step_of(k)),
                to: fmt_step(target, step_of(k)),
            });
        }
    }
    let after = s.output_of(&y);
    let flips = s.decides(after) != s.decides(s.outputs[row]);
    Some(Counterfactual {
        status: if flips { "found" } else { "found_not_flipping" }.into(),
        changes,
        cost: Some(cost),
        output_after: Some(after),
        flips_surrogate: flips,
        candidates_evaluated: evaluated,
        bound_reached,
    })
}

/// The design column of a numeric input's value (0 if it has none: never called then).
fn value_col(s: &Surrogate, j: usize) -> usize {
    match &s.inputs[j].kind {
        InputKind::Numeric {
            value_col: Some(c), ..
        } => *c,
        _ => 0,
    }
}

/// Percentile (linear interpolation) of sorted values.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let pos = p * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    Some(sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64))
}

/// Decimal places of a recorded value ("106.8" -> 1), capped at 6.
pub fn decimals(text: &str) -> usize {
    let t = text.trim();
    if t.contains(['e', 'E']) {
        return 6;
    }
    t.split_once('.')
        .map_or(0, |(_, d)| d.trim_end_matches('0').len().min(6))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::model::{Target, fit};
    use crate::screen::features::Feature;

    #[test]
    fn decimals_and_percentiles() {
        assert_eq!(decimals("106.8"), 1);
        assert_eq!(decimals("15"), 0);
        assert_eq!(decimals("0.770"), 2);
        assert_eq!(percentile(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.5), Some(3.0));
        assert_eq!(percentile(&[], 0.5), None);
    }

    /// score = 2 a + 1 b (exact), positive (flagged) when the score is below 9.5; worker a = 2,
    /// b = 3 scores 7. Per standard deviation, a moves the score by 2 x 0.82 and b by
    /// 1 x 2.9, so the search must move b: 2.5 points, b from 3 to 5.5, rounded up to the
    /// whole number 6 (checked by hand).
    #[test]
    fn greedy_moves_the_input_with_most_effect_per_sd() {
        let a: Vec<Option<f64>> = (0..60).map(|i| Some(f64::from(i % 3))).collect(); // sd ~0.82
        let b: Vec<Option<f64>> = (0..60).map(|i| Some(f64::from(i % 10))).collect(); // sd ~2.9
        let y: Vec<f64> = (0..60)
            .map(|i| 2.0 * f64::from(i % 3) + f64::from(i % 10))
            .collect();
        let f = vec![Feature::numeric("a", a), Feature::numeric("b", b)];
        let t = Target::Linear {
            threshold: Some(9.5),
            positive_above: false,
        };
        let s = fit(&f, t, None, Some(&y), 1).unwrap();
        // Row 23: a = 2, b = 3, score 7.
        assert!((s.outputs[23] - 7.0).abs() < 1e-9);
        let bounds = vec![
            Bounds {
                movable: Movable::Any,
                lo: 0.0,
                hi: 2.0,
                step: 1.0,
            },
            Bounds {
                movable: Movable::Any,
                lo: 0.0,
                hi: 9.0,
                step: 1.0,
            },
        ];
        let cf = search(&s, 23, &bounds, 100).unwrap();
        assert_eq!(cf.status, "found");
        assert!(cf.flips_surrogate);
        assert_eq!(
            cf.changes,
            vec![Change {
                column: "b".into(),
                from: "3".into(),
                to: "6".into()
            }]
        );
        // b may not rise: a is already at its bound, so no flip is possible.
        let mut fixed = bounds.clone();
        fixed[1].movable = Movable::DecreaseOnly;
        let cf = search(&s, 23, &fixed, 100).unwrap();
        assert_eq!(cf.status, "none_within_bounds");
    }

    /// Rounding matters: `a` (0..=3, 2 points per unit) has the larger effect per standard
    /// deviation, so the continuous greedy fill moves it by 0.045 units, which rounds up to a
    /// whole unit (cost 1/sd_a = 0.89); `b` (0..=100, 0.05 points per unit) alone needs 2 units
    /// (cost 2/sd_b = 0.07). The search must propose b: 0 -> 2 (by hand).
    #[test]
    fn rounded_costs_decide() {
        let n = 404;
        let a: Vec<Option<f64>> = (0..n).map(|i| Some(f64::from(i % 4))).collect();
        let b: Vec<Option<f64>> = (0..n).map(|i| Some(f64::from((i * 7) % 101))).collect();
        let y: Vec<f64> = (0..n)
            .map(|i| 2.0 * f64::from(i % 4) + 0.05 * f64::from((i * 7) % 101))
            .collect();
        let f = vec![Feature::numeric("a", a), Feature::numeric("b", b)];
        let t = Target::Linear {
            threshold: Some(0.09),
            positive_above: true,
        };
        let s = fit(&f, t, None, Some(&y), 1).unwrap();
        assert!(s.outputs[0].abs() < 1e-9);
        let bounds = vec![
            Bounds {
                movable: Movable::Any,
                lo: 0.0,
                hi: 3.0,
                step: 1.0,
            },
            Bounds {
                movable: Movable::Any,
                lo: 0.0,
                hi: 100.0,
                step: 1.0,
            },
        ];
        let cf = search(&s, 0, &bounds, 100).unwrap();
        assert_eq!(cf.status, "found");
        assert!(cf.flips_surrogate);
        assert_eq!(
            cf.changes,
            vec![Change {
                column: "b".into(),
                from: "0".into(),
                to: "2".into()
            }]
        );
    }
}
