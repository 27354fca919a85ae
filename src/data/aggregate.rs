//! The aggregation pass: polars group-bys over the in-memory table give, for every slice
//! (attribute or intersection), the per-group cell counts and score tables. This is the only
//! work over rows for the disparity part of an audit; everything after works on
//! [`Aggregates`].

use std::collections::BTreeMap;

use polars::prelude::*;

use super::{DEC, LAB, SCORE, Table, polars_error};
use crate::error::Result;
use crate::stats::{Aggregates, Group, GroupStats, ScoreCell, Slice};

fn text_at(c: &Column, i: usize) -> String {
    c.str()
        .ok()
        .and_then(|s| s.get(i).map(str::to_string))
        .unwrap_or_default()
}

/// Computes the statistics of each slice. `slices` lists the attributes of each slice.
pub fn aggregate(table: &Table, slices: &[Vec<String>]) -> Result<Aggregates> {
    let path = std::path::PathBuf::from(&table.source.path);
    let classes = table.decision.class_count();
    let has_label = table.label.is_some();
    let has_score = table.df.column(SCORE).is_ok();
    let mut out = Vec::with_capacity(slices.len());
    for parts in slices {
        let mut groups: BTreeMap<Vec<String>, GroupStats> = BTreeMap::new();
        let mut keys: Vec<Expr> = parts.iter().map(|p| col(p.as_str())).collect();
        keys.push(col(DEC));
        if has_label {
            keys.push(col(LAB));
        }
        let counts = table
            .df
            .clone()
            .lazy()
            .group_by(keys)
            .agg([len().cast(DataType::UInt64).alias("__n")])
            .collect()
            .map_err(|e| polars_error(&path, e))?;
        let key_cols: Vec<&Column> = parts
            .iter()
            .map(|p| counts.column(p))
            .collect::<PolarsResult<_>>()
            .map_err(|e| polars_error(&path, e))?;
        let dec = counts
            .column(DEC)
            .and_then(|c| c.cast(&DataType::UInt32))
            .map_err(|e| polars_error(&path, e))?;
        let dec = dec.u32().map_err(|e| polars_error(&path, e))?;
        let lab = if has_label {
            Some(
                counts
                    .column(LAB)
                    .and_then(|c| c.bool().cloned())
                    .map_err(|e| polars_error(&path, e))?,
            )
        } else {
            None
        };
        let n = counts
            .column("__n")
            .and_then(|c| c.u64().cloned())
            .map_err(|e| polars_error(&path, e))?;
        for i in 0..counts.height() {
            let key: Vec<String> = key_cols.iter().map(|c| text_at(c, i)).collect();
            let class = dec.get(i).unwrap_or(0) as usize;
            let label = lab.as_ref().and_then(|l| l.get(i)).unwrap_or(false);
            groups
                .entry(key)
                .or_insert_with(|| GroupStats::new(classes, has_label))
                .add_cell(class, label, n.get(i).unwrap_or(0));
        }
        if has_score {
            let mut keys: Vec<Expr> = parts.iter().map(|p| col(p.as_str())).collect();
            keys.push(col(SCORE));
            let mut aggs = vec![len().cast(DataType::UInt64).alias("__n")];
            if has_label {
                aggs.push(col(LAB).cast(DataType::UInt64).sum().alias("__pos"));
            }
            let sc = table
                .df
                .clone()
                .lazy()
                .group_by(keys)
                .agg(aggs)
                .collect()
                .map_err(|e| polars_error(&path, e))?;
            let key_cols: Vec<&Column> = parts
                .iter()
                .map(|p| sc.column(p))
                .collect::<PolarsResult<_>>()
                .map_err(|e| polars_error(&path, e))?;
            let v = sc
                .column(SCORE)
                .and_then(|c| c.f64().cloned())
                .map_err(|e| polars_error(&path, e))?;
            let n = sc
                .column("__n")
                .and_then(|c| c.u64().cloned())
                .map_err(|e| polars_error(&path, e))?;
            let pos = sc.column("__pos").ok().and_then(|c| c.u64().ok().cloned());
            for i in 0..sc.height() {
                let key: Vec<String> = key_cols.iter().map(|c| text_at(c, i)).collect();
                let (Some(value), Some(count)) = (v.get(i), n.get(i)) else {
                    continue;
                };
                if let Some(g) = groups.get_mut(&key) {
                    g.scores.push(ScoreCell {
                        value,
                        n: count,
                        label_pos: pos.as_ref().and_then(|p| p.get(i)).unwrap_or(0),
                    });
                }
            }
            for g in groups.values_mut() {
                g.scores.sort_by(|a, b| a.value.total_cmp(&b.value));
            }
        }
        let mut groups: Vec<Group> = groups
            .into_iter()
            .map(|(values, stats)| Group {
                name: values.join(" & "),
                values,
                stats,
            })
            .collect();
        groups.sort_by(|a, b| a.name.cmp(&b.name));
        out.push(Slice {
            attribute: parts.join(" & "),
            parts: parts.clone(),
            groups,
        });
    }
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
