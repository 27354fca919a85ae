//! The datasets, their file names and columns, and the CSV writer's entry point.

use std::io::{self, Write};

use super::attrition::attrition_row;
use super::couriers::courier_row;
use super::csv::{CsvOut, push_text};
use super::rng::Gen;
use super::tables::{ATTRITION_COLUMNS, COURIER_COLUMNS, WAREHOUSE_COLUMNS, idx};
use super::warehouse::warehouse_row;

/// Seed of the committed demo files in `datasets/`.
pub const DEMO_SEED: u64 = 20261123;

/// Language of column names and category values (Chinese: the same rows and numbers).
pub use crate::i18n::Lang;

/// Which demo table to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dataset {
    /// Warehouse performance scoring and termination-review flags.
    Warehouse,
    /// Attrition ("flight risk") prediction.
    Attrition,
    /// Delivery couriers: a risk score (low is good) with steps and caps sends couriers to
    /// deactivation review.
    Couriers,
}

impl Dataset {
    /// Both datasets.
    pub const ALL: [Dataset; 3] = [Dataset::Warehouse, Dataset::Attrition, Dataset::Couriers];

    /// Number of rows in the committed demo file.
    pub fn demo_rows(self) -> usize {
        match self {
            Dataset::Warehouse => 20_000,
            Dataset::Attrition => 10_000,
            Dataset::Couriers => 8_000,
        }
    }

    /// File name of the committed demo file, e.g. `warehouse_zh.csv`.
    pub fn file_name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Dataset::Warehouse, Lang::En) => "warehouse.csv",
            (Dataset::Warehouse, Lang::Zh) => "warehouse_zh.csv",
            (Dataset::Attrition, Lang::En) => "attrition.csv",
            (Dataset::Attrition, Lang::Zh) => "attrition_zh.csv",
            (Dataset::Couriers, Lang::En) => "couriers.csv",
            (Dataset::Couriers, Lang::Zh) => "couriers_zh.csv",
        }
    }

    /// ChaCha stream number, so the two datasets never share random numbers.
    pub(super) fn stream(self) -> u64 {
        match self {
            Dataset::Warehouse => 1,
            Dataset::Attrition => 2,
            Dataset::Couriers => 3,
        }
    }

    pub(super) fn column_table(self) -> &'static [[&'static str; 2]] {
        match self {
            Dataset::Warehouse => &WAREHOUSE_COLUMNS,
            Dataset::Attrition => &ATTRITION_COLUMNS,
            Dataset::Couriers => &COURIER_COLUMNS,
        }
    }
}

/// Column names of `dataset` in `lang`, in file order.
pub fn columns(dataset: Dataset, lang: Lang) -> Vec<&'static str> {
    dataset
        .column_table()
        .iter()
        .map(|c| c[idx(lang)])
        .collect()
}

/// Writes `rows` rows of `dataset` as UTF-8 CSV (header line, commas, LF line endings, fields
/// quoted only when they need it). Rows are generated and written one at a time, so memory use
/// does not grow with `rows`. The same `seed` and `rows` always give the same bytes.
pub fn write_csv<W: Write>(
    w: W,
    dataset: Dataset,
    lang: Lang,
    rows: usize,
    seed: u64,
) -> io::Result<()> {
    let mut out = CsvOut::new(w);
    for (i, name) in columns(dataset, lang).iter().enumerate() {
        if i > 0 {
            out.buf.push(b',');
        }
        push_text(&mut out.buf, name);
    }
    out.buf.push(b'\n');
    let mut g = Gen::new(seed, dataset);
    let l = idx(lang);
    match dataset {
        Dataset::Warehouse => {
            for n in 1..=rows {
                warehouse_row(&mut g).write(&mut out.buf, n, l);
                out.flush_if_full()?;
            }
        }
        Dataset::Attrition => {
            for n in 1..=rows {
                attrition_row(&mut g).write(&mut out.buf, n, l);
                out.flush_if_full()?;
            }
        }
        Dataset::Couriers => {
            for n in 1..=rows {
                courier_row(&mut g, n).write(&mut out.buf, n, l);
                out.flush_if_full()?;
            }
        }
    }
    out.finish()
}
