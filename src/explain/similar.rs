//! Similarly situated workers: among the nearest in the legitimate inputs, how many got each
//! outcome (counts only).

use std::collections::BTreeMap;

use super::document::{InputFlag, Similar};
use super::explainer::Explainer;
use crate::data::SubjectData;
use crate::screen::features::Feature;
use crate::spec::AuditSpec;

/// Workers compared with in "similarly situated workers": everyone up to this many, else a
/// seeded sample of this size (the search is exact within it).
pub const NEIGHBOUR_POOL: usize = 20_000;

/// A distance with a total order, for the neighbour heap.
#[derive(Debug, Clone, Copy, PartialEq)]
struct OrdF64(f64);

impl Eq for OrdF64 {}

impl PartialOrd for OrdF64 {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrdF64 {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// The reference set for similar workers: rows, their legitimate inputs' design values
/// (row-major) and decisions; `design` holds every worker's values.
pub(super) struct Neighbours {
    rows: Vec<usize>,
    points: Vec<f64>,
    decisions: Vec<bool>,
    names: Vec<String>,
    design: ndarray::Array2<f64>,
}

/// Neighbour reference set on the legitimate inputs (standardised values, one column per
/// level of a categorical input).
pub(super) fn neighbour_pool(
    spec: &AuditSpec,
    features: &[Feature],
    subjects: &SubjectData,
    flags: &BTreeMap<String, InputFlag>,
    decision: &Option<Vec<bool>>,
) -> Option<Neighbours> {
    let legit_features: Vec<Feature> = features
        .iter()
        .filter(|f| !flags.contains_key(&f.name))
        .cloned()
        .collect();
    let legit_design = (!legit_features.is_empty())
        .then(|| crate::screen::features::build_design(subjects.ids.len(), &legit_features).ok())
        .flatten();
    match (decision, legit_design) {
        (Some(d), Some(design)) if design.n_cols() > 1 => {
            let n = design.n_rows();
            let columns: Vec<usize> = (1..design.n_cols()).collect();
            let rows = crate::screen::usage::subsample_indices(n, NEIGHBOUR_POOL, spec.stats.seed);
            let mut points = Vec::with_capacity(rows.len() * columns.len());
            for &r in &rows {
                points.extend(columns.iter().map(|&c| design.x[[r, c]]));
            }
            Some(Neighbours {
                decisions: rows.iter().map(|&r| d[r]).collect(),
                rows,
                points,
                names: legit_features
                    .iter()
                    .zip(&design.blocks)
                    .filter(|(_, b)| !b.is_empty())
                    .map(|(f, _)| f.name.clone())
                    .collect(),
                design: design.x.slice(ndarray::s![.., 1..]).to_owned(),
            })
        }
        _ => None,
    }
}

impl Explainer {
    pub(super) fn similar(&self, i: usize) -> Option<Similar> {
        let nb = self.neighbours.as_ref()?;
        let me = self.decision.as_ref()?.get(i).copied()?;
        let d = nb.design.ncols();
        let p: Vec<f64> = nb.design.row(i).to_vec();
        // Never fewer than the disclosure minimum, so no count describes a handful of
        // identifiable colleagues.
        let min = self.spec.report.min_published_group.max(1) as usize;
        // The similar workers must be a minority of the others, so that the counts never
        // amount to the population's totals (from which a withheld group's figures could be
        // worked out by subtraction).
        let k = self
            .settings
            .neighbours
            .max(min)
            .min(nb.rows.len().saturating_sub(1) / 2);
        if k < min {
            return None;
        }
        if k == 0 {
            return None;
        }
        // The k nearest by (distance, position in the pool): a bounded max-heap.
        let mut heap: std::collections::BinaryHeap<(OrdF64, usize)> =
            std::collections::BinaryHeap::with_capacity(k + 1);
        for (pos, q) in nb.points.chunks_exact(d).enumerate() {
            if nb.rows[pos] == i {
                continue;
            }
            let dist: f64 = q.iter().zip(&p).map(|(a, b)| (a - b) * (a - b)).sum();
            let item = (OrdF64(dist), pos);
            if heap.len() < k {
                heap.push(item);
            } else if heap.peek().is_some_and(|top| item < *top) {
                heap.pop();
                heap.push(item);
            }
        }
        let k = heap.len();
        let same = heap.iter().filter(|(_, r)| nb.decisions[*r] == me).count() as u64;
        Some(Similar {
            compared: k as u64,
            same_outcome: same,
            other_outcome: k as u64 - same,
            inputs: nb.names.clone(),
            pool: nb.rows.len() as u64,
        })
    }
}
