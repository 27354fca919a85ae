//! The aggregation pass: one polars group-by over the in-memory table, keyed by every group
//! attribute, the decision, the label and the score, gives the finest table of counts; every
//! slice (attribute or intersection) is then rolled up from it in plain Rust. This is the only
//! work over rows for the disparity part of an audit; everything after works on
//! [`Aggregates`].

use std::collections::BTreeMap;

use polars::prelude::*;

use super::{DEC, LAB, SCORE, Table, polars_error};
use crate::error::Result;
use crate::stats::{Aggregates, Group, GroupStats, ScoreCell, Slice};

/// Per slice while rolling up: group key (level indices) -> (statistics, score cells keyed by
/// an order-preserving image of the value -> (value, n, label_pos)).
type SliceAcc = BTreeMap<Vec<u32>, (GroupStats, BTreeMap<u64, (f64, u64, u64)>)>;

/// The aggregation's finest cells (attributes x decision x label x score), as parallel
/// columns, rolled up into each slice.
struct FineCells<'a> {
    levels: &'a [Vec<String>],
    codes: &'a [Vec<u32>],
    dec: &'a UInt32Chunked,
    lab: Option<&'a BooleanChunked>,
    score: Option<&'a Float64Chunked>,
    n: &'a UInt64Chunked,
    height: usize,
    classes: usize,
    has_label: bool,
}

impl FineCells<'_> {
    /// The groups of one slice (the attributes `parts`), each with its statistics.
    fn roll_up(&self, parts: &[String], attrs: &[&String]) -> Slice {
        let idx: Vec<usize> = parts
            .iter()
            .filter_map(|p| attrs.iter().position(|a| *a == p))
            .collect();
        // key -> (stats, score value -> (n, label_pos))
        let mut groups: SliceAcc = BTreeMap::new();
        // Indexes several parallel columns of the fine table at once.
        #[allow(clippy::needless_range_loop)]
        for i in 0..self.height {
            let key: Vec<u32> = idx.iter().map(|&k| self.codes[k][i]).collect();
            let count = self.n.get(i).unwrap_or(0);
            let class = self.dec.get(i).unwrap_or(0) as usize;
            let label = self.lab.and_then(|l| l.get(i)).unwrap_or(false);
            let entry = groups.entry(key).or_insert_with(|| {
                (
                    GroupStats::new(self.classes, self.has_label),
                    BTreeMap::new(),
                )
            });
            entry.0.add_cell(class, label, count);
            if let Some(v) = self.score.and_then(|s| s.get(i)) {
                // Keyed by an order-preserving integer image of the value (total order).
                let bits = v.to_bits();
                let ord = if bits >> 63 == 1 {
                    !bits
                } else {
                    bits | (1 << 63)
                };
                let cell = entry.1.entry(ord).or_insert((v, 0, 0));
                cell.1 += count;
                if label {
                    cell.2 += count;
                }
            }
        }
        let mut groups: Vec<Group> = groups
            .into_iter()
            .map(|(key, (mut stats, scores))| {
                stats.scores = scores
                    .into_values()
                    .map(|(value, n, label_pos)| ScoreCell {
                        value,
                        n,
                        label_pos,
                    })
                    .collect();
                let values: Vec<String> = key
                    .iter()
                    .zip(&idx)
                    .map(|(c, &k)| self.levels[k][*c as usize].clone())
                    .collect();
                Group {
                    name: values.join(" & "),
                    values,
                    stats,
                }
            })
            .collect();
        groups.sort_by(|a, b| a.name.cmp(&b.name));
        Slice {
            attribute: parts.join(" & "),
            parts: parts.to_vec(),
            groups,
        }
    }
}

/// Computes the statistics of each slice. `slices` lists the attributes of each slice.
pub fn aggregate(table: &Table, slices: &[Vec<String>]) -> Result<Aggregates> {
    let path = std::path::PathBuf::from(&table.source.path);
    let err = |e| polars_error(&path, e);
    let classes = table.decision.class_count();
    let has_label = table.label.is_some();
    let has_score = table.df.column(SCORE).is_ok();

    // The attributes any slice uses, in spec order.
    let attrs: Vec<&String> = table
        .attributes
        .iter()
        .filter(|a| slices.iter().any(|s| s.contains(a)))
        .collect();
    let mut keys: Vec<Expr> = attrs.iter().map(|a| col(a.as_str())).collect();
    keys.push(col(DEC));
    if has_label {
        keys.push(col(LAB));
    }
    if has_score {
        keys.push(col(SCORE));
    }
    let fine = table
        .df
        .clone()
        .lazy()
        .group_by(keys)
        .agg([len().cast(DataType::UInt64).alias("__n")])
        .collect()
        .map_err(err)?;

    // Each fine row's attribute values as level indices (levels sorted), so that slice keys
    // are small integer vectors.
    let mut levels: Vec<Vec<String>> = Vec::with_capacity(attrs.len());
    let mut codes: Vec<Vec<u32>> = Vec::with_capacity(attrs.len());
    for a in &attrs {
        let c = fine
            .column(a.as_str())
            .and_then(|c| c.cast(&DataType::String))
            .map_err(err)?;
        let s = c.str().map_err(err)?;
        let mut lv: Vec<String> = s.iter().flatten().map(str::to_string).collect();
        lv.sort();
        lv.dedup();
        let index: BTreeMap<&str, u32> = lv
            .iter()
            .enumerate()
            .map(|(i, l)| (l.as_str(), i as u32))
            .collect();
        codes.push(
            s.iter()
                .map(|v| v.and_then(|v| index.get(v).copied()).unwrap_or(0))
                .collect(),
        );
        levels.push(lv);
    }
    let dec = fine
        .column(DEC)
        .and_then(|c| c.cast(&DataType::UInt32))
        .map_err(err)?;
    let dec = dec.u32().map_err(err)?;
    let lab = if has_label {
        Some(
            fine.column(LAB)
                .and_then(|c| c.bool().cloned())
                .map_err(err)?,
        )
    } else {
        None
    };
    let score = if has_score {
        Some(
            fine.column(SCORE)
                .and_then(|c| c.f64().cloned())
                .map_err(err)?,
        )
    } else {
        None
    };
    let n = fine
        .column("__n")
        .and_then(|c| c.u64().cloned())
        .map_err(err)?;

    let cells = FineCells {
        levels: &levels,
        codes: &codes,
        dec,
        lab: lab.as_ref(),
        score: score.as_ref(),
        n: &n,
        height: fine.height(),
        classes,
        has_label,
    };
    let out: Vec<Slice> = slices
        .iter()
        .map(|parts| cells.roll_up(parts, &attrs))
        .collect();
    let mut population = GroupStats::new(classes, has_label);
    if let Some(first) = out.first() {
        for g in &first.groups {
            population.merge(&g.stats);
        }
    }
    Ok(Aggregates {
        population,
        slices: out,
    })
}
