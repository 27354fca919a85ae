//! Flip tests: neutralise one input the law restricts (or a proxy, or a protected attribute
//! the model reads directly), run the model again on every row, and count the decisions that
//! change, with an exact interval, overall and by group. Then every restricted input
//! neutralised at once: each group's favorable rate, impact ratio and adverse-rate ratio
//! before and after ("what if we removed them").
//!
//! Neutral values (`[model] neutral`):
//! - `median`: a worker gets the median of the workers outside their group (for a proxy:
//!   groups of the attribute it stands in for; for a prohibited input with no attribute: the
//!   median of all workers). Text columns get the most frequent value instead.
//! - `permute`: the column shuffled across workers (a seeded Fisher-Yates shuffle with the shared
//!   ChaCha8 generator, from the audit's seed).
//! - `reference`: the deciles (10 % .. 90 %) of the input among the reference group (the group
//!   with the highest favorable rate under the model; all workers without an attribute), each
//!   in turn; a decision counts as changed when any of them changes it.
//!
//! A protected attribute the model reads directly is set to each of its other values in turn
//! (the counterfactual-consistency test); a decision counts as changed when any changes it.

use serde::Serialize;

use super::agreement::{GroupShare, Share};
use super::{ColumnData, Model, Prediction};
use crate::data::columns::AttributeCodes;
use crate::error::Result;
use crate::spec::Neutral;

/// Why an input is flip-tested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlipReason {
    /// The screening found it restricted by law.
    ProhibitedInput,
    /// The screening found it stands in for a protected attribute.
    Proxy,
    /// It is a protected attribute itself.
    ProtectedAttribute,
}

/// One input to flip-test.
#[derive(Debug, Clone, PartialEq)]
pub struct FlipTarget {
    /// Index into the model's columns.
    pub index: usize,
    pub reason: FlipReason,
    /// The attribute whose groups shape the neutral value (a proxy's attribute, or the
    /// attribute itself), as an index into the attributes.
    pub attribute: Option<usize>,
}

/// How the decisions changed when one input was neutralised.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlipTest {
    pub column: String,
    pub reason: FlipReason,
    pub attribute: Option<String>,
    /// `median`, `permute`, `reference`, or `each_value` for a protected attribute.
    pub neutral: String,
    /// Decisions that changed (share of all rows, exact interval).
    pub changed: Share,
    /// Of those, how many became favorable to the worker and how many adverse.
    pub to_favorable: u64,
    pub to_adverse: u64,
    pub by_group: Vec<GroupShare>,
}

/// One group's rates with the model as it is and with the restricted inputs neutralised.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeutralisedGroup {
    pub attribute: String,
    pub group: String,
    pub n: u64,
    /// Favorable rate before and after; None when withheld (below the disclosure setting).
    pub favorable_before: Option<f64>,
    pub favorable_after: Option<f64>,
    /// Favorable rate / the reference group's; None when undefined (0/0) or withheld.
    pub impact_ratio_before: Option<f64>,
    pub impact_ratio_after: Option<f64>,
    /// Adverse rate / the reference group's adverse rate.
    pub adverse_ratio_before: Option<f64>,
    pub adverse_ratio_after: Option<f64>,
    /// The reference group (the highest favorable rate before, among groups of at least
    /// `min_group_size`).
    pub reference: bool,
}

/// Every restricted input neutralised at once.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Neutralised {
    pub columns: Vec<String>,
    pub changed: Share,
    pub groups: Vec<NeutralisedGroup>,
}

/// What the flip tests need besides the model.
pub struct FlipInput<'a> {
    pub columns: &'a [ColumnData],
    pub base: &'a Prediction,
    pub attributes: &'a [AttributeCodes],
    pub targets: &'a [FlipTarget],
    pub neutral: Neutral,
    pub seed: u64,
    pub positive_is_favorable: bool,
    pub confidence: f64,
    pub min_group_size: u64,
    pub min_published: u64,
}

/// A seeded permutation of `0..n` (Fisher-Yates, driven by the shared seeded generator).
pub fn permutation(n: usize, seed: u64) -> Vec<usize> {
    use rand::seq::SliceRandom;
    let mut p: Vec<usize> = (0..n).collect();
    p.shuffle(&mut crate::metrics::bootstrap::rng_for(
        seed,
        "permutation",
        [],
    ));
    p
}

/// The median of the finite values (mean of the two middle ones for an even count).
pub fn median(values: impl Iterator<Item = f64>) -> Option<f64> {
    let mut v: Vec<f64> = values.filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    Some(if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    })
}

fn quantile(sorted: &[f64], q: f64) -> f64 {
    let pos = q * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

fn most_frequent(v: &[String], rows: impl Iterator<Item = usize>) -> String {
    let mut counts: std::collections::BTreeMap<&str, u64> = std::collections::BTreeMap::new();
    for r in rows {
        if !v[r].is_empty() {
            *counts.entry(v[r].as_str()).or_default() += 1;
        }
    }
    let best = counts.values().copied().max().unwrap_or(0);
    counts
        .into_iter()
        .find(|(_, c)| *c == best)
        .map(|(k, _)| k.to_string())
        .unwrap_or_default()
}

/// The column with every worker's value replaced by the median (or most frequent value) of
/// the workers outside their group (all workers without an attribute).
fn by_median(col: &ColumnData, groups: Option<&AttributeCodes>) -> ColumnData {
    let n = col.len();
    let levels = groups.map_or(1, |a| a.levels.len().max(1));
    let code = |r: usize| groups.map_or(0, |a| a.codes.get(r).copied().unwrap_or(0) as usize);
    let outside = |g: usize| (0..n).filter(move |&r| groups.is_none() || code(r) != g);
    match col {
        ColumnData::Num(v) => {
            let m: Vec<f64> = (0..levels)
                .map(|g| median(outside(g).map(|r| v[r])).unwrap_or(f64::NAN))
                .collect();
            ColumnData::Num((0..n).map(|r| m[code(r).min(levels - 1)]).collect())
        }
        ColumnData::Text(v) => {
            let m: Vec<String> = (0..levels).map(|g| most_frequent(v, outside(g))).collect();
            ColumnData::Text((0..n).map(|r| m[code(r).min(levels - 1)].clone()).collect())
        }
    }
}

fn permuted(col: &ColumnData, seed: u64) -> ColumnData {
    let p = permutation(col.len(), seed);
    match col {
        ColumnData::Num(v) => ColumnData::Num(p.iter().map(|&i| v[i]).collect()),
        ColumnData::Text(v) => ColumnData::Text(p.iter().map(|&i| v[i].clone()).collect()),
    }
}

fn constant(col: &ColumnData, value: &ColumnData, k: usize) -> ColumnData {
    let n = col.len();
    match value {
        ColumnData::Num(v) => ColumnData::Num(vec![v[k]; n]),
        ColumnData::Text(v) => ColumnData::Text(vec![v[k].clone(); n]),
    }
}

/// The values tried in turn: a protected attribute's distinct values (at most 20), or the
/// reference group's deciles.
fn values_in_turn(col: &ColumnData, rows: &[usize], deciles: bool) -> ColumnData {
    match col {
        ColumnData::Num(v) => {
            let mut s: Vec<f64> = rows
                .iter()
                .map(|&r| v[r])
                .filter(|x| x.is_finite())
                .collect();
            s.sort_by(f64::total_cmp);
            if s.is_empty() {
                return ColumnData::Num(Vec::new());
            }
            let mut out: Vec<f64> = if deciles {
                (1..10).map(|k| quantile(&s, k as f64 / 10.0)).collect()
            } else {
                s.clone()
            };
            out.dedup();
            out.truncate(20);
            ColumnData::Num(out)
        }
        ColumnData::Text(v) => {
            let mut s: Vec<String> = rows
                .iter()
                .map(|&r| v[r].clone())
                .filter(|x| !x.is_empty())
                .collect();
            s.sort();
            s.dedup();
            s.truncate(20);
            ColumnData::Text(s)
        }
    }
}

/// The group with the highest favorable rate among groups of at least `min_size` (ties: the
/// first), by the given decisions.
fn reference_group(
    a: &AttributeCodes,
    positive: &[bool],
    fav: bool,
    min_size: u64,
) -> Option<usize> {
    let counts = rates(a, positive, fav);
    let mut best: Option<(usize, f64)> = None;
    for (g, (f, n)) in counts.iter().enumerate() {
        if *n < min_size.max(1) {
            continue;
        }
        let rate = *f as f64 / *n as f64;
        if best.is_none_or(|(_, b)| rate > b) {
            best = Some((g, rate));
        }
    }
    best.map(|(g, _)| g)
}

fn changes(a: &[bool], b: &[bool], changed: &mut [bool]) {
    for ((c, x), y) in changed.iter_mut().zip(a).zip(b) {
        *c |= x != y;
    }
}

fn by_group(changed: &[bool], attrs: &[AttributeCodes], i: &FlipInput) -> Vec<GroupShare> {
    let mut out = Vec::new();
    for a in attrs {
        let mut counts = vec![(0u64, 0u64); a.levels.len()];
        for (r, &c) in changed.iter().enumerate() {
            if let Some(k) = counts.get_mut(a.codes.get(r).copied().unwrap_or(0) as usize) {
                k.1 += 1;
                if c {
                    k.0 += 1;
                }
            }
        }
        for (g, (c, n)) in a.levels.iter().zip(counts) {
            out.push(GroupShare {
                attribute: a.name.clone(),
                group: g.clone(),
                share: Share::of(c, n, i.confidence, i.min_published),
            });
        }
    }
    out
}

fn predict_with(
    model: &Model,
    cols: &[ColumnData],
    k: usize,
    with: &ColumnData,
) -> Result<Vec<bool>> {
    let refs: Vec<&ColumnData> = cols
        .iter()
        .enumerate()
        .map(|(j, c)| if j == k { with } else { c })
        .collect();
    Ok(model.predict(&refs)?.positive)
}

/// Runs one flip test.
fn flip_one(model: &Model, i: &FlipInput, t: &FlipTarget) -> Result<FlipTest> {
    let col = &i.columns[t.index];
    let n = col.len();
    let base = &i.base.positive;
    let attr = t.attribute.and_then(|a| i.attributes.get(a));
    let mut changed = vec![false; n];
    let neutral = if t.reason == FlipReason::ProtectedAttribute {
        let all: Vec<usize> = (0..n).collect();
        let values = values_in_turn(col, &all, false);
        for k in 0..values.len() {
            let after = predict_with(model, i.columns, t.index, &constant(col, &values, k))?;
            changes(base, &after, &mut changed);
        }
        "each_value"
    } else {
        match i.neutral {
            Neutral::Median => {
                let after = predict_with(model, i.columns, t.index, &by_median(col, attr))?;
                changes(base, &after, &mut changed);
                "median"
            }
            Neutral::Permute => {
                let seed = i.seed ^ (t.index as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                let after = predict_with(model, i.columns, t.index, &permuted(col, seed))?;
                changes(base, &after, &mut changed);
                "permute"
            }
            Neutral::Reference => {
                let rows: Vec<usize> = match attr.and_then(|a| {
                    reference_group(a, base, i.positive_is_favorable, i.min_group_size)
                }) {
                    Some(g) => (0..n)
                        .filter(|&r| attr.is_some_and(|a| a.codes[r] as usize == g))
                        .collect(),
                    None => (0..n).collect(),
                };
                let values = values_in_turn(col, &rows, true);
                for k in 0..values.len() {
                    let after =
                        predict_with(model, i.columns, t.index, &constant(col, &values, k))?;
                    changes(base, &after, &mut changed);
                }
                "reference"
            }
        }
    };
    let count = changed.iter().filter(|&&c| c).count() as u64;
    // A changed decision is now the other one: favorable if it was adverse.
    let to_favorable = (0..n)
        .filter(|&r| changed[r] && base[r] != i.positive_is_favorable)
        .count() as u64;
    Ok(FlipTest {
        column: model.columns()[t.index].clone(),
        reason: t.reason,
        attribute: attr.map(|a| a.name.clone()),
        neutral: neutral.into(),
        changed: Share::of(count, n as u64, i.confidence, 1),
        to_favorable,
        to_adverse: count - to_favorable,
        by_group: by_group(&changed, i.attributes, i),
    })
}

/// Runs every flip test.
pub fn flip_tests(model: &Model, i: &FlipInput) -> Result<Vec<FlipTest>> {
    i.targets.iter().map(|t| flip_one(model, i, t)).collect()
}

/// Per group: (favorable decisions, workers).
fn rates(a: &AttributeCodes, positive: &[bool], fav: bool) -> Vec<(u64, u64)> {
    let mut counts = vec![(0u64, 0u64); a.levels.len()];
    for (r, &p) in positive.iter().enumerate() {
        if let Some(c) = counts.get_mut(a.codes.get(r).copied().unwrap_or(0) as usize) {
            c.1 += 1;
            if p == fav {
                c.0 += 1;
            }
        }
    }
    counts
}

fn ratio(x: f64, y: f64) -> Option<f64> {
    (y > 0.0).then(|| x / y)
}

/// Every restricted input (not the protected attributes) neutralised at once; None when
/// there is none.
pub fn neutralise_all(model: &Model, i: &FlipInput) -> Result<Option<Neutralised>> {
    let targets: Vec<&FlipTarget> = i
        .targets
        .iter()
        .filter(|t| t.reason != FlipReason::ProtectedAttribute)
        .collect();
    if targets.is_empty() {
        return Ok(None);
    }
    let mut cols: Vec<ColumnData> = i.columns.to_vec();
    for t in &targets {
        let col = &i.columns[t.index];
        let attr = t.attribute.and_then(|a| i.attributes.get(a));
        cols[t.index] = match i.neutral {
            Neutral::Permute => permuted(
                col,
                i.seed ^ (t.index as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15),
            ),
            // One value each for all at once: the median (the reference deciles are for the
            // tests one by one).
            Neutral::Median | Neutral::Reference => by_median(col, attr),
        };
    }
    let refs: Vec<&ColumnData> = cols.iter().collect();
    let after = model.predict(&refs)?.positive;
    let base = &i.base.positive;
    let n = base.len();
    let changed = (0..n).filter(|&r| base[r] != after[r]).count() as u64;
    let fav = i.positive_is_favorable;
    let mut groups = Vec::new();
    for a in i.attributes {
        let before = rates(a, base, fav);
        let after_c = rates(a, &after, fav);
        let reference = reference_group(a, base, fav, i.min_group_size);
        let rate = |c: (u64, u64)| (c.1 > 0).then(|| c.0 as f64 / c.1 as f64);
        let adverse = |c: (u64, u64)| (c.1 > 0).then(|| (c.1 - c.0) as f64 / c.1 as f64);
        for (g, name) in a.levels.iter().enumerate() {
            let n_g = before[g].1;
            let shown = n_g >= i.min_published.max(1);
            let rel = |mine: Option<f64>, theirs: Option<f64>| match (mine, theirs) {
                (Some(x), Some(y)) if shown => ratio(x, y),
                _ => None,
            };
            let rg = reference.map(|r| (before[r], after_c[r]));
            groups.push(NeutralisedGroup {
                attribute: a.name.clone(),
                group: name.clone(),
                n: n_g,
                favorable_before: rate(before[g]).filter(|_| shown),
                favorable_after: rate(after_c[g]).filter(|_| shown),
                impact_ratio_before: rel(rate(before[g]), rg.and_then(|r| rate(r.0))),
                impact_ratio_after: rel(rate(after_c[g]), rg.and_then(|r| rate(r.1))),
                adverse_ratio_before: rel(adverse(before[g]), rg.and_then(|r| adverse(r.0))),
                adverse_ratio_after: rel(adverse(after_c[g]), rg.and_then(|r| adverse(r.1))),
                reference: reference == Some(g),
            });
        }
    }
    Ok(Some(Neutralised {
        columns: targets
            .iter()
            .map(|t| model.columns()[t.index].clone())
            .collect(),
        changed: Share::of(changed, n as u64, i.confidence, 1),
        groups,
    }))
}
