//! Coarsenings that bring every combination of up to three quasi-identifiers to k >= min_k.
//!
//! **Space.** Each column has a ladder of levels, each coarser than the one before:
//! - numeric: as given; equal-frequency bands (20, 10, 5, 3, then 2 bands, each only when it
//!   has fewer bands than the level before; a value is never split between bands, so a band
//!   can hold more than its share); removed;
//! - categorical: as given; the categories holding less than 1 %, 5 %, then 20 % of the rows
//!   merged into one "other" (each only when it merges at least two and more than the level
//!   before); removed.
//!
//! Missing values keep a code of their own until the column is removed.
//!
//! **Loss.** The normalised certainty penalty (Xu et al. 2006, "Utility-based anonymization
//! using local recoding", KDD; Iyengar's loss metric, KDD 2002): per row and column, a band
//! costs (its highest value - its lowest) / (the column's highest - lowest), a merged
//! category costs (categories merged - 1) / (categories - 1), a removed column costs 1;
//! the loss of a column is the mean over its rows, the loss of a coarsening the sum over
//! columns (0 = nothing lost, one unit = one column's information entirely lost).
//!
//! **Search.** Greedy: from every column as given, while some combination has a class below
//! min_k, raise by one level the column whose step removes the most rows at risk (rows in
//! classes below min_k, summed over the combinations) per unit of added loss; when no step
//! removes any, the cheapest step. Then every raised column is lowered again, one level at a
//! time (columns with the largest loss first), as long as no class falls below min_k.
//! Coarsening only merges classes, so a combination already at k >= min_k stays there: only
//! the combinations below are re-counted, on their distinct tuples with weights (not on rows).

use serde::Serialize;

use super::encode::{Encoded, Scratch, classes_of};

/// What a level does to a column (codes and numbers; the renderers word it).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// The column as given.
    AsIs,
    /// Numeric values in bands, ascending: each holds the values from `from` to `to`
    /// (inclusive). The first band has no `from` and the last no `to`, so that the column's
    /// smallest and largest values (one worker's, perhaps) are not published.
    Bands { bands: Vec<Band> },
    /// Categories holding less than `below_share` of the rows merged into one.
    MergeRare {
        below_share: f64,
        merged: Vec<String>,
    },
    /// The column left out of the table.
    Removed,
}

/// A band of numeric values (see [`Action::Bands`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Band {
    pub from: Option<f64>,
    pub to: Option<f64>,
}

impl Band {
    /// Whether `x` lies in the band.
    pub fn contains(&self, x: f64) -> bool {
        self.from.is_none_or(|f| f <= x) && self.to.is_none_or(|t| x <= t)
    }
}

/// One level of a column's ladder.
#[derive(Debug, Clone)]
pub struct Level {
    /// Code as given -> coarse code.
    pub map: Vec<u32>,
    pub card: u32,
    /// Mean normalised certainty penalty over the rows.
    pub loss: f64,
    pub action: Action,
}

/// The ladder of a column, finest first.
pub fn ladder(e: &Encoded) -> Vec<Level> {
    let identity = Level {
        map: (0..e.card).collect(),
        card: e.card,
        loss: 0.0,
        action: Action::AsIs,
    };
    let mut out = vec![identity];
    match &e.values {
        Some(values) => numeric_levels(e, values, &mut out),
        None => categorical_levels(e, &mut out),
    }
    if e.card > 1 {
        out.push(Level {
            map: vec![0; e.card as usize],
            card: 1,
            loss: 1.0,
            action: Action::Removed,
        });
    }
    out
}

fn numeric_levels(e: &Encoded, values: &[f64], out: &mut Vec<Level>) {
    let nd = values.len();
    let present: u64 = e.counts[..nd].iter().sum();
    let (Some(&lo), Some(&hi)) = (values.first(), values.last()) else {
        return;
    };
    let range = hi - lo;
    if present == 0 || range <= 0.0 {
        return;
    }
    let n: u64 = e.counts.iter().sum();
    for want in [20u64, 10, 5, 3, 2] {
        let last_card = out.last().map_or(u32::MAX, |l| l.card);
        // Band of each distinct value by the rows below it.
        let mut band = Vec::with_capacity(nd);
        let mut below = 0u64;
        for &c in &e.counts[..nd] {
            band.push((below * want / present) as u32);
            below += c;
        }
        // Renumber compactly (empty bands vanish).
        let mut map = Vec::with_capacity(e.card as usize);
        let mut bands: Vec<(f64, f64)> = Vec::new();
        let mut prev = u32::MAX;
        for (i, &b) in band.iter().enumerate() {
            if b != prev {
                bands.push((values[i], values[i]));
                prev = b;
            }
            if let Some(last) = bands.last_mut() {
                last.1 = values[i];
            }
            map.push(bands.len() as u32 - 1);
        }
        let card = bands.len() as u32 + u32::from(e.has_missing);
        if e.has_missing {
            map.push(bands.len() as u32);
        }
        if card >= last_card || bands.len() < 2 {
            continue;
        }
        let mut loss = 0.0;
        for (i, &c) in e.counts[..nd].iter().enumerate() {
            let (a, b) = bands[map[i] as usize];
            loss += c as f64 * (b - a) / range;
        }
        let last = bands.len() - 1;
        let bands = bands
            .iter()
            .enumerate()
            .map(|(i, &(a, b))| Band {
                from: (i > 0).then_some(a),
                to: (i < last).then_some(b),
            })
            .collect();
        out.push(Level {
            map,
            card,
            loss: loss / n as f64,
            action: Action::Bands { bands },
        });
    }
}

fn categorical_levels(e: &Encoded, out: &mut Vec<Level>) {
    let n: u64 = e.counts.iter().sum();
    if n == 0 || e.card < 3 {
        return;
    }
    let mut merged_before = 0usize;
    for share in [0.01, 0.05, 0.20] {
        let rare: Vec<u32> = (0..e.card)
            .filter(|&c| (e.counts[c as usize] as f64) < share * n as f64)
            .collect();
        if rare.len() < 2 || rare.len() <= merged_before || rare.len() as u32 == e.card {
            continue;
        }
        merged_before = rare.len();
        let other = 0u32;
        let mut map = vec![0u32; e.card as usize];
        let mut next = 1u32;
        for c in 0..e.card {
            if rare.contains(&c) {
                map[c as usize] = other;
            } else {
                map[c as usize] = next;
                next += 1;
            }
        }
        let m = rare.len() as f64;
        let rows: u64 = rare.iter().map(|&c| e.counts[c as usize]).sum();
        let loss = rows as f64 * (m - 1.0) / (f64::from(e.card) - 1.0) / n as f64;
        out.push(Level {
            map,
            card: next,
            loss,
            action: Action::MergeRare {
                below_share: share,
                merged: rare.iter().map(|&c| e.labels[c as usize].clone()).collect(),
            },
        });
    }
}

/// A combination below min_k as given, as its distinct tuples with their row counts.
pub struct CountTable {
    /// Column indices.
    pub cols: Vec<usize>,
    /// Per column of the combination, the code as given of each distinct tuple.
    pub tuples: Vec<Vec<u32>>,
    pub weights: Vec<u32>,
}

/// Rows in classes smaller than `min_k` on one combination, under the given levels.
pub fn rows_at_risk(
    t: &CountTable,
    ladders: &[Vec<Level>],
    levels: &[usize],
    min_k: u64,
    scratch: &mut Scratch,
) -> u64 {
    let coarse: Vec<Vec<u32>> = t
        .cols
        .iter()
        .zip(&t.tuples)
        .map(|(&c, codes)| {
            let l = &ladders[c][levels[c]];
            codes.iter().map(|&x| l.map[x as usize]).collect()
        })
        .collect();
    let cols: Vec<(&[u32], u32)> = t
        .cols
        .iter()
        .zip(&coarse)
        .map(|(&c, v)| (v.as_slice(), ladders[c][levels[c]].card))
        .collect();
    let classes = classes_of(&cols, scratch);
    classes
        .sizes(Some(&t.weights))
        .into_iter()
        .filter(|&s| s > 0 && s < min_k)
        .sum()
}

/// The greedy search's result: a level per column.
pub struct Search {
    pub levels: Vec<usize>,
    pub reached: bool,
    pub rows_at_risk: u64,
}

/// Greedy search (see the module documentation).
pub fn search(tables: &[CountTable], ladders: &[Vec<Level>], min_k: u64) -> Search {
    let q = ladders.len();
    let mut levels = vec![0usize; q];
    let mut scratch = Scratch::default();
    let mut risk: Vec<u64> = tables
        .iter()
        .map(|t| rows_at_risk(t, ladders, &levels, min_k, &mut scratch))
        .collect();
    let loss = |lv: &[usize]| -> f64 { (0..q).map(|c| ladders[c][lv[c]].loss).sum() };
    while risk.iter().any(|&r| r > 0) {
        // (column, gain, added loss, new risks)
        let mut best: Option<(usize, u64, f64, Vec<u64>)> = None;
        for c in 0..q {
            if levels[c] + 1 >= ladders[c].len() {
                continue;
            }
            let mut trial = levels.clone();
            trial[c] += 1;
            let new: Vec<u64> = tables
                .iter()
                .zip(&risk)
                .map(|(t, &r)| {
                    if r == 0 || !t.cols.contains(&c) {
                        r
                    } else {
                        rows_at_risk(t, ladders, &trial, min_k, &mut scratch)
                    }
                })
                .collect();
            let gain = risk.iter().sum::<u64>() - new.iter().sum::<u64>();
            let added = (loss(&trial) - loss(&levels)).max(1e-12);
            let better = match &best {
                None => true,
                Some((_, bg, ba, _)) => {
                    if gain > 0 || *bg > 0 {
                        (gain as f64 / added) > (*bg as f64 / ba)
                    } else {
                        added < *ba
                    }
                }
            };
            if better {
                best = Some((c, gain, added, new));
            }
        }
        let Some((c, _, _, new)) = best else { break };
        levels[c] += 1;
        risk = new;
    }
    let reached = risk.iter().all(|&r| r == 0);
    if reached {
        prune(tables, ladders, &mut levels, min_k, &mut scratch);
    }
    let rows_at_risk = tables
        .iter()
        .map(|t| rows_at_risk(t, ladders, &levels, min_k, &mut scratch))
        .sum();
    Search {
        levels,
        reached,
        rows_at_risk,
    }
}

/// Lowers raised columns again while every combination stays at k >= min_k.
fn prune(
    tables: &[CountTable],
    ladders: &[Vec<Level>],
    levels: &mut [usize],
    min_k: u64,
    scratch: &mut Scratch,
) {
    let mut order: Vec<usize> = (0..ladders.len()).filter(|&c| levels[c] > 0).collect();
    order.sort_by(|&a, &b| {
        ladders[b][levels[b]]
            .loss
            .total_cmp(&ladders[a][levels[a]].loss)
            .then(a.cmp(&b))
    });
    for c in order {
        while levels[c] > 0 {
            levels[c] -= 1;
            let ok = tables
                .iter()
                .filter(|t| t.cols.contains(&c))
                .all(|t| rows_at_risk(t, ladders, levels, min_k, scratch) == 0);
            if !ok {
                levels[c] += 1;
                break;
            }
        }
    }
}
