//! The aggregation pass: one polars group-by over the in-memory table, keyed by every group
//! attribute, the decision, the label and the score, gives the finest table of counts; every
//! slice (attribute or intersection) is then rolled up from it in plain Rust. This is the only
//! work over rows for the disparity part of an audit; everything after works on
//! [`Aggregates`].

use polars::prelude::*;

use super::rollup::{Fine, encode};
use super::{DEC, LAB, SCORE, Table, polars_error};
use crate::error::Result;
use crate::stats::Aggregates;

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
        let (lv, cd) = encode(&s.iter().collect::<Vec<_>>());
        levels.push(lv);
        codes.push(cd);
    }
    let dec = fine
        .column(DEC)
        .and_then(|c| c.cast(&DataType::UInt32))
        .map_err(err)?;
    let dec: Vec<u32> = dec
        .u32()
        .map_err(err)?
        .iter()
        .map(|v| v.unwrap_or(0))
        .collect();
    let lab = if has_label {
        let l = fine
            .column(LAB)
            .and_then(|c| c.bool().cloned())
            .map_err(err)?;
        Some(l.iter().map(|v| v.unwrap_or(false)).collect())
    } else {
        None
    };
    let score = if has_score {
        let s = fine
            .column(SCORE)
            .and_then(|c| c.f64().cloned())
            .map_err(err)?;
        Some(s.iter().collect())
    } else {
        None
    };
    let n = fine
        .column("__n")
        .and_then(|c| c.u64().cloned())
        .map_err(err)?;
    let cells = Fine {
        attributes: attrs.iter().map(|a| a.to_string()).collect(),
        levels,
        codes,
        dec,
        lab,
        score,
        n: n.iter().map(|v| v.unwrap_or(0)).collect(),
        classes,
    };
    Ok(cells.aggregates(slices))
}
