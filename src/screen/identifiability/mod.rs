//! Identifiability of the audited table: who can be singled out by what a colleague could
//! know, and what each equivalence class discloses.
//!
//! **Quasi-identifiers** are the columns a person could know about a colleague (sex, age
//! band, district, shift, team, ...). Numeric quasi-identifiers are taken as they are (their
//! exact values: the worst case the table allows); the coarsening search proposes bands.
//!
//! **k-anonymity** (Sweeney 2002): on a combination of quasi-identifiers, the workers sharing
//! one combination of values form an equivalence class; a worker's k is the size of their
//! class, a worker with k = 1 is unique (singled out). Reported for every combination of one,
//! two and three quasi-identifiers and for all of them together: the number of classes, the
//! unique workers, the smallest k, and the rows (and share of rows) with k < min_k. The share
//! is undefined (None) for an empty table.
//!
//! **l-diversity** (Machanavajjhala et al. 2007, distinct l-diversity): a class of two or more
//! workers in which every worker has the same value of a sensitive input discloses that value
//! to anyone who knows the worker's class (l = 1). Reported per sensitive input and
//! combination: the homogeneous classes of at least two workers, the rows in them, and how
//! many of them are nevertheless k-anonymous (k >= min_k). Unique workers (k = 1) are counted
//! under k-anonymity, not here.
//!
//! **Coarsening**: see [`coarsen`].
//!
//! Every column is encoded once into integer codes ([`encode`]); combinations are counted by
//! folding codes into dense class ids, one pass per column of the combination.

pub mod coarsen;
pub mod encode;
#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::data::columns::Feature;
use coarsen::{Action, CountTable};
use encode::{Classes, Encoded, Scratch, classes_of, encode};

/// Combinations of up to this many quasi-identifiers are examined one by one.
pub const MAX_COMBINATION: usize = 3;

/// What the identifiability check takes.
pub struct IdentInput<'a> {
    pub quasi: Vec<&'a Feature>,
    pub sensitive: Vec<&'a Feature>,
    /// A class smaller than this is too small (k-anonymity threshold).
    pub min_k: u64,
}

/// A quasi-identifier as examined.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuasiInfo {
    pub column: String,
    /// `numeric` or `categorical`.
    pub kind: &'static str,
    /// Distinct values (a missing value counts as one).
    pub distinct: u64,
}

/// k-anonymity of one combination.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Combination {
    pub columns: Vec<String>,
    /// Equivalence classes (distinct combinations of values present).
    pub classes: u64,
    /// Workers alone in their class (k = 1).
    pub unique_workers: u64,
    /// The smallest class (None for an empty table).
    pub smallest_k: Option<u64>,
    /// Workers in classes smaller than min_k.
    pub rows_below_min_k: u64,
    /// `rows_below_min_k / rows`; None for an empty table.
    pub share_below_min_k: Option<f64>,
}

/// A sensitive input disclosed by homogeneous classes of one combination.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Homogeneity {
    pub sensitive: String,
    pub columns: Vec<String>,
    /// Classes of at least two workers who all have the same value (l = 1).
    pub homogeneous_classes: u64,
    /// Workers in those classes.
    pub workers: u64,
    /// Of those classes, the ones with k >= min_k (k-anonymous, yet disclosing).
    pub homogeneous_k_anonymous: u64,
    /// Workers in those k-anonymous homogeneous classes.
    pub workers_k_anonymous: u64,
    /// Of those classes, the ones whose shared value is the input's most common value in the
    /// whole table (often 0): they tell little beyond what is true of most workers.
    pub k_anonymous_modal: u64,
}

/// What a coarsening does to one column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnChange {
    pub column: String,
    #[serde(flatten)]
    pub action: Action,
    pub distinct_before: u64,
    pub distinct_after: u64,
    /// The column's share of the loss (mean normalised certainty penalty, 0..1).
    pub loss: f64,
}

/// The coarsening the greedy search found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coarsening {
    /// Whether every combination of up to three quasi-identifiers reaches k >= min_k.
    pub reached: bool,
    /// Rows in classes below min_k, summed over the combinations, before and after.
    pub rows_at_risk_before: u64,
    pub rows_at_risk_after: u64,
    /// Sum of the columns' losses (normalised certainty penalty).
    pub loss: f64,
    /// The columns it changes (columns kept as given are not listed).
    pub changes: Vec<ColumnChange>,
}

/// The identifiability of the table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Identifiability {
    pub rows: u64,
    pub min_k: u64,
    pub quasi_identifiers: Vec<QuasiInfo>,
    pub sensitive: Vec<String>,
    /// All quasi-identifiers together.
    pub all: Option<Combination>,
    /// Every combination of one to three quasi-identifiers, worst first (most workers below
    /// min_k, then smallest k, then fewer columns).
    pub combinations: Vec<Combination>,
    /// Combinations with homogeneous classes, worst first (most workers in k-anonymous
    /// homogeneous classes, then most workers in homogeneous classes, then fewer columns).
    pub homogeneity: Vec<Homogeneity>,
    /// None when nothing is below min_k on the combinations of up to three.
    pub coarsening: Option<Coarsening>,
}

/// Every subset of `0..q` of size 1..=max, in lexicographic order by size.
pub fn subsets(q: usize, max: usize) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    fn rec(start: usize, q: usize, size: usize, cur: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if cur.len() == size {
            out.push(cur.clone());
            return;
        }
        for i in start..q {
            cur.push(i);
            rec(i + 1, q, size, cur, out);
            cur.pop();
        }
    }
    for size in 1..=max.min(q) {
        rec(0, q, size, &mut Vec::new(), &mut out);
    }
    out
}

fn combination(names: Vec<String>, sizes: &[u64], rows: u64, min_k: u64) -> Combination {
    let present = sizes.iter().copied().filter(|&s| s > 0);
    let below: u64 = present.clone().filter(|&s| s < min_k).sum();
    Combination {
        columns: names,
        classes: present.clone().count() as u64,
        unique_workers: present.clone().filter(|&s| s == 1).count() as u64,
        smallest_k: present.min(),
        rows_below_min_k: below,
        share_below_min_k: (rows > 0).then(|| below as f64 / rows as f64),
    }
}

/// Homogeneous classes of `classes` for one sensitive column's codes.
fn homogeneity(
    sensitive: &Encoded,
    classes: &Classes,
    sizes: &[u64],
    names: &[String],
    min_k: u64,
) -> Option<Homogeneity> {
    let mut first = vec![u32::MAX; classes.card as usize];
    let mut mixed = vec![false; classes.card as usize];
    for (&id, &v) in classes.ids.iter().zip(&sensitive.codes) {
        let f = &mut first[id as usize];
        if *f == u32::MAX {
            *f = v;
        } else if *f != v {
            mixed[id as usize] = true;
        }
    }
    let mut h = Homogeneity {
        sensitive: sensitive.name.clone(),
        columns: names.to_vec(),
        homogeneous_classes: 0,
        workers: 0,
        homogeneous_k_anonymous: 0,
        workers_k_anonymous: 0,
        k_anonymous_modal: 0,
    };
    // The most common value (the lowest code among equals).
    let modal = (0..sensitive.counts.len())
        .max_by_key(|&c| (sensitive.counts[c], std::cmp::Reverse(c)))
        .and_then(|c| u32::try_from(c).ok());
    for (k, &s) in sizes.iter().enumerate() {
        if s >= 2 && !mixed[k] {
            h.homogeneous_classes += 1;
            h.workers += s;
            if s >= min_k {
                h.homogeneous_k_anonymous += 1;
                h.workers_k_anonymous += s;
                if modal.is_some_and(|m| first[k] == m) {
                    h.k_anonymous_modal += 1;
                }
            }
        }
    }
    (h.homogeneous_classes > 0).then_some(h)
}

/// Runs the check.
pub fn assess(input: &IdentInput) -> Identifiability {
    let quasi: Vec<Encoded> = input.quasi.iter().map(|f| encode(f)).collect();
    let sensitive: Vec<Encoded> = input.sensitive.iter().map(|f| encode(f)).collect();
    let rows = quasi.first().map_or(0, |e| e.codes.len() as u64);
    let min_k = input.min_k.max(1);
    let mut scratch = Scratch::default();
    let mut combos = Vec::new();
    let mut homog = Vec::new();
    let mut tables = Vec::new();
    let mut sets = subsets(quasi.len(), MAX_COMBINATION);
    let all_set: Vec<usize> = (0..quasi.len()).collect();
    let all_is_extra = quasi.len() > MAX_COMBINATION;
    if all_is_extra {
        sets.push(all_set.clone());
    }
    let mut all = None;
    for set in &sets {
        let cols: Vec<(&[u32], u32)> = set
            .iter()
            .map(|&c| (quasi[c].codes.as_slice(), quasi[c].card))
            .collect();
        let classes = classes_of(&cols, &mut scratch);
        let sizes = classes.sizes(None);
        let names: Vec<String> = set.iter().map(|&c| quasi[c].name.clone()).collect();
        for s in &sensitive {
            homog.extend(homogeneity(s, &classes, &sizes, &names, min_k));
        }
        let c = combination(names, &sizes, rows, min_k);
        let is_all = *set == all_set;
        if set.len() <= MAX_COMBINATION && c.rows_below_min_k > 0 {
            let reps = classes.representatives();
            let weights: Vec<u32> = sizes.iter().map(|&s| s as u32).collect();
            tables.push(CountTable {
                cols: set.clone(),
                tuples: set
                    .iter()
                    .map(|&q| reps.iter().map(|&r| quasi[q].codes[r as usize]).collect())
                    .collect(),
                weights,
            });
        }
        if is_all {
            all = Some(c.clone());
        }
        if !(all_is_extra && is_all) {
            combos.push(c);
        }
    }
    combos.sort_by(|a, b| {
        b.rows_below_min_k
            .cmp(&a.rows_below_min_k)
            .then(a.smallest_k.cmp(&b.smallest_k))
            .then(a.columns.len().cmp(&b.columns.len()))
    });
    homog.sort_by(|a, b| {
        b.workers_k_anonymous
            .cmp(&a.workers_k_anonymous)
            .then(b.workers.cmp(&a.workers))
            .then(a.columns.len().cmp(&b.columns.len()))
    });
    let coarsening = (!tables.is_empty()).then(|| coarsening(&quasi, &tables, min_k));
    Identifiability {
        rows,
        min_k,
        quasi_identifiers: quasi
            .iter()
            .map(|e| QuasiInfo {
                column: e.name.clone(),
                kind: if e.values.is_some() {
                    "numeric"
                } else {
                    "categorical"
                },
                distinct: e.distinct(),
            })
            .collect(),
        sensitive: sensitive.iter().map(|e| e.name.clone()).collect(),
        all,
        combinations: combos,
        homogeneity: homog,
        coarsening,
    }
}

fn coarsening(quasi: &[Encoded], tables: &[CountTable], min_k: u64) -> Coarsening {
    let ladders: Vec<Vec<coarsen::Level>> = quasi.iter().map(coarsen::ladder).collect();
    let before: u64 = tables.iter().map(|t| t.weights_below(min_k)).sum();
    let found = coarsen::search(tables, &ladders, min_k);
    let changes: Vec<ColumnChange> = quasi
        .iter()
        .zip(&ladders)
        .zip(&found.levels)
        .filter(|(_, l)| **l > 0)
        .map(|((e, ladder), &l)| ColumnChange {
            column: e.name.clone(),
            action: ladder[l].action.clone(),
            distinct_before: e.distinct(),
            distinct_after: u64::from(ladder[l].card),
            loss: ladder[l].loss,
        })
        .collect();
    Coarsening {
        reached: found.reached,
        rows_at_risk_before: before,
        rows_at_risk_after: found.rows_at_risk,
        loss: changes.iter().map(|c| c.loss).sum(),
        changes,
    }
}

impl CountTable {
    /// Rows in classes below `min_k` as given.
    fn weights_below(&self, min_k: u64) -> u64 {
        self.weights
            .iter()
            .map(|&w| u64::from(w))
            .filter(|&w| w < min_k)
            .sum()
    }
}
