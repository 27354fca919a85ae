//! Counterfactuals: the cheapest change found in the actionable inputs that would change the
//! decision.
//!
//! **Anchored to the real outcome.** When the decision is a cut of a score the audit has (a
//! declared threshold, or a cut the data show exactly), the change must take the worker's
//! *real* score across the cut: the real score plus the change Candor's model predicts for the
//! new values (`real + g(x') - g(x)`), so the part of the worker's score the model does not
//! explain is kept, not assumed away. Without a score to anchor to, the change is one that
//! alters the model's decision, and the explanation says so.
//!
//! Cost: the sum of the changes of numeric inputs in population standard deviations, plus 1 for
//! each categorical input switched to another level. Numeric values are whole steps of the
//! precision the column is recorded with.
//!
//! Search (the model is additive, so each input's effect is its own shape function): for each
//! movable input, candidate values just past each knot of its shape (where it jumps or bends)
//! and at its bounds; the cheapest single input, the cheapest pair and a greedy fill by effect
//! per unit of cost are compared (within `max_candidates` evaluations, deterministic); then each
//! moved input is pulled back to the smallest whole-step change that still suffices. The result
//! is checked under the full model and under each of the five cross-fitted models, and must
//! clear the cut by [`MARGIN_Z`] standard errors of the predicted change (the model's own
//! uncertainty, from the coefficients' covariance): a change that does not is strengthened by
//! the shortfall until it does (or given up).
//!
//! Bounds: an input moves only within the 1st to 99th percentile of the population's values,
//! with at least the disclosure minimum of workers at or beyond each bound (widened to include
//! the worker's own value), in its allowed direction; inputs declared immutable, and inputs the
//! screening flagged (prohibited, restricted or proxy), are never proposed.

use serde::Serialize;

use super::additive::{Additive, Basis, NumericBasis, Value};

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
    /// `found`, `none_within_bounds`, `no_actionable_input`, `same_for_everyone`,
    /// `model_disagrees`.
    pub status: String,
    pub changes: Vec<Change>,
    /// Cost of the change (standard deviations plus switches).
    pub cost: Option<f64>,
    /// True when the change is measured from the worker's real score (see the module doc).
    pub anchored: bool,
    /// The worker's real score, and the score the change would give (anchored).
    pub score_before: Option<f64>,
    pub score_after: Option<f64>,
    /// The model's output after the change.
    pub output_after: Option<f64>,
    /// Whether the change crosses the cut (anchored) or flips the model's decision, checked.
    pub crosses: bool,
    /// Whether it does so under each of the cross-fitted models too.
    pub holds_under_every_fold: bool,
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
            anchored: false,
            score_before: None,
            score_after: None,
            output_after: None,
            crosses: false,
            holds_under_every_fold: false,
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

/// Standard errors of the predicted change a proposed change must clear the cut by (three:
/// about 99.9 % one-sided under the model's own uncertainty; two and a third gave 98.5 % valid
/// changes on couriers data the model had not been tuned on, three 99.7 %).
pub const MARGIN_Z: f64 = 3.0;

/// Where the search starts and what it must reach, on the model's scale.
#[derive(Debug, Clone, Copy)]
pub struct Goal {
    /// The margin to overcome (> 0): the distance of the real score (anchored) or of the
    /// model's output from the cut.
    pub need: f64,
    /// +1 when the margin must rise (the decision is negative now), -1 when it must fall.
    pub sigma: f64,
    /// The real score on the model's scale, when anchored.
    pub anchor: Option<f64>,
}

/// One candidate value of one input.
#[derive(Debug, Clone, Copy)]
struct Point {
    to: Value,
    cost: f64,
    gain: f64,
}

/// A movable input and its cheapest-first frontier of candidate values (gain strictly rising).
struct Option_ {
    input: usize,
    from: Value,
    frontier: Vec<Point>,
    sd: f64,
    step: f64,
    numeric: bool,
}

fn snap_up(x: f64, step: f64) -> f64 {
    (x / step - 1e-9).ceil() * step
}

fn snap_down(x: f64, step: f64) -> f64 {
    (x / step + 1e-9).floor() * step
}

/// The gain on the margin of moving input `j` from `from` to `to`, under the full model.
fn gain(m: &Additive, j: usize, from: Value, to: Value, sigma: f64) -> f64 {
    sigma * m.direction() * (m.shape(j, to) - m.shape(j, from))
}

fn options(m: &Additive, row: usize, bounds: &[Bounds], sigma: f64) -> (Vec<Option_>, bool) {
    let mut out = Vec::new();
    let mut any = false;
    for (j, t) in m.terms.iter().enumerate() {
        let b = &bounds[j];
        if b.movable == Movable::Fixed || t.len == 0 {
            continue;
        }
        let from = m.value(j, row);
        let mut points: Vec<Point> = Vec::new();
        match (&t.basis, from) {
            (Basis::Numeric(NumericBasis { sd, .. }), Value::Num(Some(v))) => {
                any = true;
                let step = b.step;
                let mut cands: Vec<f64> = Vec::new();
                let up = matches!(b.movable, Movable::Any | Movable::IncreaseOnly);
                let down = matches!(b.movable, Movable::Any | Movable::DecreaseOnly);
                for &k in t.knots() {
                    if up {
                        cands.push(snap_up(k, step));
                    }
                    if down {
                        let below = snap_down(k, step);
                        cands.push(if (below - k).abs() < 1e-9 * step.max(1.0) {
                            below - step
                        } else {
                            below
                        });
                    }
                }
                if up {
                    cands.push(b.hi);
                }
                if down {
                    cands.push(b.lo);
                }
                for c in cands {
                    let c = (c / step).round() * step;
                    let ok_dir = (c > v && up) || (c < v && down);
                    if !ok_dir || c < b.lo.min(v) - 1e-12 || c > b.hi.max(v) + 1e-12 {
                        continue;
                    }
                    let to = Value::Num(Some(c));
                    points.push(Point {
                        to,
                        cost: (c - v).abs() / sd,
                        gain: gain(m, j, from, to, sigma),
                    });
                }
                push_option(&mut out, j, from, points, *sd, step, true);
            }
            (Basis::Categorical { levels, .. }, Value::Cat(_)) => {
                any = true;
                for l in 0..levels.len() {
                    let to = Value::Cat(Some(l as u32));
                    if to == from {
                        continue;
                    }
                    points.push(Point {
                        to,
                        cost: 1.0,
                        gain: gain(m, j, from, to, sigma),
                    });
                }
                push_option(&mut out, j, from, points, 1.0, 1.0, false);
            }
            _ => {}
        }
    }
    (out, any)
}

fn push_option(
    out: &mut Vec<Option_>,
    input: usize,
    from: Value,
    mut points: Vec<Point>,
    sd: f64,
    step: f64,
    numeric: bool,
) {
    points.retain(|p| p.gain > 1e-12);
    points.sort_by(|a, b| a.cost.total_cmp(&b.cost).then(b.gain.total_cmp(&a.gain)));
    let mut frontier: Vec<Point> = Vec::new();
    for p in points {
        if frontier.last().is_none_or(|l| p.gain > l.gain + 1e-12) {
            frontier.push(p);
        }
    }
    if !frontier.is_empty() {
        out.push(Option_ {
            input,
            from,
            frontier,
            sd,
            step,
            numeric,
        });
    }
}

/// A combination: (cost, chosen point per option index).
type Combo = (f64, Vec<(usize, Point)>);

fn better(a: &Combo, b: &Option<Combo>) -> bool {
    match b {
        None => true,
        Some((c, moves)) => {
            a.0 < c - 1e-12 || ((a.0 - c).abs() <= 1e-12 && a.1.len() < moves.len())
        }
    }
}

/// The cheapest point of option `o` with gain at least `g` (frontier gains rise with cost).
fn cheapest_reaching(o: &Option_, g: f64) -> Option<Point> {
    let i = o.frontier.partition_point(|p| p.gain < g);
    o.frontier.get(i).copied()
}

fn best_combo(
    opts: &[Option_],
    need: f64,
    max: usize,
    evaluated: &mut u64,
) -> (Option<Combo>, bool) {
    let mut best: Option<Combo> = None;
    let mut capped = false;
    // Singles.
    for (k, o) in opts.iter().enumerate() {
        *evaluated += 1;
        if let Some(p) = cheapest_reaching(o, need) {
            let c = (p.cost, vec![(k, p)]);
            if better(&c, &best) {
                best = Some(c);
            }
        }
    }
    // Pairs.
    'pairs: for a in 0..opts.len() {
        for b in 0..opts.len() {
            if a == b {
                continue;
            }
            for pa in &opts[a].frontier {
                if *evaluated as usize >= max {
                    capped = true;
                    break 'pairs;
                }
                *evaluated += 1;
                if pa.gain >= need {
                    break;
                }
                if let Some(pb) = cheapest_reaching(&opts[b], need - pa.gain) {
                    let c = (pa.cost + pb.cost, vec![(a, *pa), (b, pb)]);
                    if better(&c, &best) {
                        best = Some(c);
                    }
                }
            }
        }
    }
    // Greedy fill by gain per unit of cost, finishing with the cheapest completing point.
    let eff = |p: &Point| p.gain / p.cost.max(1e-12);
    let mut order: Vec<(usize, Point)> = opts
        .iter()
        .enumerate()
        .filter_map(|(k, o)| {
            o.frontier
                .iter()
                .copied()
                .max_by(|x, y| eff(x).total_cmp(&eff(y)))
                .map(|p| (k, p))
        })
        .collect();
    order.sort_by(|x, y| eff(&y.1).total_cmp(&eff(&x.1)).then(x.0.cmp(&y.0)));
    let mut left = need;
    let mut moves: Vec<(usize, Point)> = Vec::new();
    for (idx, &(k, p)) in order.iter().enumerate() {
        *evaluated += 1;
        // Can a remaining option finish now?
        let finish = order[idx..]
            .iter()
            .filter_map(|&(kk, _)| cheapest_reaching(&opts[kk], left).map(|q| (kk, q)))
            .min_by(|x, y| x.1.cost.total_cmp(&y.1.cost));
        if let Some((kk, q)) = finish {
            let mut all = moves.clone();
            all.push((kk, q));
            let c = (all.iter().map(|x| x.1.cost).sum(), all);
            if better(&c, &best) {
                best = Some(c);
            }
        }
        moves.push((k, p));
        left -= p.gain;
        if left <= 0.0 {
            let c = (moves.iter().map(|x| x.1.cost).sum(), moves.clone());
            if better(&c, &best) {
                best = Some(c);
            }
            break;
        }
    }
    (best, capped)
}

/// Pulls each moved numeric input back toward its value while the total gain still reaches
/// `need`: the smallest whole-step change of that input, the others fixed.
fn refine(m: &Additive, opts: &[Option_], combo: &mut [(usize, Point)], need: f64, sigma: f64) {
    let mut order: Vec<usize> = (0..combo.len()).collect();
    order.sort_by(|&a, &b| combo[b].1.cost.total_cmp(&combo[a].1.cost));
    for idx in order {
        let (k, p) = combo[idx];
        let o = &opts[k];
        if !o.numeric {
            continue;
        }
        let (Value::Num(Some(v)), Value::Num(Some(target))) = (o.from, p.to) else {
            continue;
        };
        let others: f64 = combo
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != idx)
            .map(|(_, x)| x.1.gain)
            .sum();
        let required = need - others;
        let steps = ((target - v).abs() / o.step).round() as i64;
        let dir = if target > v { 1.0 } else { -1.0 };
        // Scan outward from the current value; coarse strides when the range is long.
        let stride = (steps / 4096).max(1);
        let mut found: Option<Point> = None;
        let mut s = stride;
        while s <= steps {
            let x = v + dir * s as f64 * o.step;
            let to = Value::Num(Some(x));
            let g = gain(m, o.input, o.from, to, sigma);
            if g >= required {
                // Back off within the stride to the first value that suffices.
                let mut t = (s - stride + 1).max(1);
                while t < s {
                    let y = v + dir * t as f64 * o.step;
                    let gy = gain(m, o.input, o.from, Value::Num(Some(y)), sigma);
                    if gy >= required {
                        found = Some(Point {
                            to: Value::Num(Some(y)),
                            cost: (y - v).abs() / o.sd,
                            gain: gy,
                        });
                        break;
                    }
                    t += 1;
                }
                if found.is_none() {
                    found = Some(Point {
                        to,
                        cost: (x - v).abs() / o.sd,
                        gain: g,
                    });
                }
                break;
            }
            s += stride;
        }
        if let Some(f) = found
            && f.cost < p.cost
        {
            combo[idx].1 = f;
        }
    }
}

fn text_of(m: &Additive, j: usize, v: Value, step: f64) -> String {
    match v {
        Value::Num(Some(x)) => fmt_step(x, step),
        Value::Num(None) | Value::Cat(None) => String::new(),
        Value::Cat(Some(l)) => match &m.terms[j].basis {
            Basis::Categorical { levels, .. } => {
                levels.get(l as usize).cloned().unwrap_or_default()
            }
            Basis::Numeric(_) => String::new(),
        },
    }
}

/// Searches the cheapest change of row `row` reaching `goal`. `bounds` has one entry per input
/// of the model.
pub fn search(
    m: &Additive,
    row: usize,
    bounds: &[Bounds],
    goal: Goal,
    max_candidates: usize,
) -> Counterfactual {
    let (opts, any) = options(m, row, bounds, goal.sigma);
    if !any {
        return Counterfactual::none("no_actionable_input", 0, false);
    }
    let mut evaluated = 0u64;
    let mut capped = false;
    let mut need = goal.need;
    let mut chosen: Option<Vec<(usize, Point)>> = None;
    let mut holds = false;
    let mut final_gain = 0.0;
    let mut final_bias = 0.0;
    // The smallest need that failed the checks, and the smallest for which no change exists.
    let mut failed: Option<f64> = None;
    let mut infeasible: Option<f64> = None;
    for _ in 0..16 {
        let (best, cap) = best_combo(&opts, need, max_candidates, &mut evaluated);
        capped |= cap;
        let Some((_, mut combo)) = best else {
            // Asked too much: try halfway between the last need that failed the checks and
            // this one, while the gap is worth it.
            infeasible = Some(infeasible.map_or(need, |x: f64| x.min(need)));
            match failed {
                Some(f) if need - f > 1e-3 * (1.0 + goal.need) => {
                    need = 0.5 * (f + need);
                    continue;
                }
                _ => break,
            }
        };
        refine(m, &opts, &mut combo, need, goal.sigma);
        // The full model's gain, and each fold model's.
        let mut full = 0.0;
        let mut folds = vec![0.0; m.fold_coef.len()];
        for (k, p) in &combo {
            let o = &opts[*k];
            let (g, fg) = m.change(o.input, o.from, p.to);
            full += goal.sigma * m.direction() * g;
            for (a, b) in folds.iter_mut().zip(fg) {
                *a += goal.sigma * m.direction() * b;
            }
        }
        // The model's own uncertainty about the change: require the change to cross with a
        // margin of `MARGIN_Z` standard errors.
        let moves: Vec<(usize, Value, Value)> = combo
            .iter()
            .map(|(k, p)| (opts[*k].input, opts[*k].from, p.to))
            .collect();
        let se = m.change_se(&moves).unwrap_or(0.0);
        // Where the model's shapes miss the score locally, the held-out residuals of workers
        // at the old and new values show it: the change is corrected by that difference, and
        // its uncertainty joins the model's.
        // Only a correction against the change is applied: the search picks among many
        // candidates, and one whose residuals happen to favour it must not gain from chance.
        let (bias, bias_var) = m.bias(&moves);
        let bias = if goal.sigma * m.direction() * bias < 0.0 {
            bias
        } else {
            0.0
        };
        let corrected = full + goal.sigma * m.direction() * bias;
        let se = (se * se + bias_var).sqrt();
        let worst = folds
            .iter()
            .copied()
            .fold(corrected - MARGIN_Z * se, f64::min);
        final_gain = corrected;
        final_bias = bias;
        chosen = Some(combo);
        if worst >= goal.need {
            holds = true;
            break;
        }
        // Strengthen the change by twice the shortfall of the weakest check (a larger change
        // has a larger standard error, so the shortfall alone is approached from below), but
        // not past a need already known to be out of reach.
        failed = Some(failed.map_or(need, |x: f64| x.max(need)));
        // The next change must also gain more than this one does (else the same change
        // would come back).
        let short = (goal.need - worst).max(1e-9 * (1.0 + goal.need));
        let next = (need + 2.0 * short).max(full + short);
        need = match infeasible {
            Some(x) if next >= x => 0.5 * (need + x),
            _ => next,
        };
    }
    let Some(mut combo) = chosen else {
        return Counterfactual::none("none_within_bounds", evaluated, capped);
    };
    combo.sort_by_key(|(k, _)| opts[*k].input);
    let mut changes = Vec::new();
    let mut cost = 0.0;
    let mut output_after = m.outputs[row];
    for (k, p) in &combo {
        let o = &opts[*k];
        cost += p.cost;
        output_after += m.shape(o.input, p.to) - m.shape(o.input, o.from);
        changes.push(Change {
            column: m.terms[o.input].name.clone(),
            from: text_of(m, o.input, o.from, o.step),
            to: text_of(m, o.input, p.to, o.step),
        });
    }
    let crosses = final_gain >= goal.need && holds;
    let after_scale = goal
        .anchor
        .map(|s| s + (output_after - m.outputs[row]) + final_bias);
    Counterfactual {
        status: if crosses && holds {
            "found".into()
        } else {
            "none_within_bounds".into()
        },
        changes: if crosses && holds {
            changes
        } else {
            Vec::new()
        },
        cost: (crosses && holds).then_some(cost),
        anchored: goal.anchor.is_some(),
        score_before: goal.anchor.map(|s| m.from_scale(s)),
        score_after: after_scale
            .filter(|_| crosses && holds)
            .map(|s| m.from_scale(s)),
        output_after: (crosses && holds).then_some(output_after),
        crosses,
        holds_under_every_fold: holds,
        candidates_evaluated: evaluated,
        bound_reached: capped,
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
    use crate::explain::additive::fit_score;
    use crate::screen::features::Feature;

    #[test]
    fn decimals_and_percentiles() {
        assert_eq!(decimals("106.8"), 1);
        assert_eq!(decimals("15"), 0);
        assert_eq!(decimals("0.770"), 2);
        assert_eq!(percentile(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.5), Some(3.0));
        assert_eq!(percentile(&[], 0.5), None);
    }

    fn bounds(lo: f64, hi: f64) -> Bounds {
        Bounds {
            movable: Movable::Any,
            lo,
            hi,
            step: 1.0,
        }
    }

    /// `score = 10 + 8 [complaints = 0] ... ` flagged (positive) when the score is at least 20:
    /// `score = 12 + 10 [a >= 3] + b / 10` with a in 0..7 and b in 0..100, no noise. A worker
    /// with a = 4, b = 50 scores 27: dropping a to 2 (the step, cost 2/sd_a) gives 17; lowering
    /// b alone cannot (b = 0 gives 22). The search must propose a: 4 -> 2, the smallest change
    /// past the step (checked by hand), anchored on the real score.
    #[test]
    fn crosses_a_step_with_the_smallest_change() {
        let n = 2800;
        let a: Vec<Option<f64>> = (0..n).map(|i| Some(f64::from(i % 7))).collect();
        let b: Vec<Option<f64>> = (0..n).map(|i| Some(f64::from((i * 13) % 101))).collect();
        let y: Vec<f64> = (0..n)
            .map(|i| {
                12.0 + 10.0 * f64::from(u8::from(i % 7 >= 3)) + f64::from((i * 13) % 101) / 10.0
            })
            .collect();
        let m = fit_score(
            vec![Feature::numeric("a", a), Feature::numeric("b", b)],
            &y,
            Some(20.0),
            1,
        );
        // Row with a = 4, b = 50.
        let row = (0..n as usize)
            .find(|&i| i % 7 == 4 && (i * 13) % 101 == 50)
            .unwrap();
        let real = y[row];
        assert!((real - 27.0).abs() < 1e-9);
        let goal = Goal {
            need: real - 20.0 + 1e-9,
            sigma: -1.0,
            anchor: Some(real),
        };
        let cf = search(
            &m,
            row,
            &[bounds(0.0, 6.0), bounds(0.0, 100.0)],
            goal,
            10_000,
        );
        assert_eq!(cf.status, "found", "{cf:?}");
        assert_eq!(
            cf.changes,
            vec![Change {
                column: "a".into(),
                from: "4".into(),
                to: "2".into()
            }]
        );
        let after = cf.score_after.unwrap();
        assert!(after < 20.0 && (after - 17.0).abs() < 0.5, "{after}");
        assert!(cf.holds_under_every_fold);
        // a may not fall: b alone cannot reach below 20.
        let mut fixed = vec![bounds(0.0, 6.0), bounds(0.0, 100.0)];
        fixed[0].movable = Movable::IncreaseOnly;
        let cf = search(&m, row, &fixed, goal, 10_000);
        assert_eq!(cf.status, "none_within_bounds");
    }
}
