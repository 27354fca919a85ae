//! Plain input representation for the data-driven screening layers ("use" and "proxy"), and the
//! design-matrix builder they share.
//!
//! A [`Feature`] is one input column as plain vectors: numeric values with `None` for missing,
//! or a categorical column as a level list plus one optional code per row. No polars here: the
//! data layer converts its frames into these before calling the screens.
//!
//! [`build_design`] turns a set of features into a dense design matrix (one row per record):
//!
//! * column 0 is the intercept (all ones);
//! * a numeric feature becomes one standardised column `(x - mean) / sd`, where the mean and the
//!   sample standard deviation (divisor `m - 1`) are taken over the `m` observed values; a
//!   missing value becomes `0` after standardising (mean imputation), and a 0/1 indicator column
//!   `name:missing` is added only if at least one value is missing;
//! * a categorical feature becomes one 0/1 column `name=level` per level present, except the
//!   most frequent level (ties: the first in `levels` order), which is the reference and gets no
//!   column; missing codes form their own level `name=(missing)`, counted like any other (it is
//!   the reference if it is the most frequent);
//! * constant columns (a numeric feature whose observed values are all equal, an indicator that
//!   is all ones, a level with no rows) are left out, so a feature can own zero columns.
//!
//! [`Design::blocks`] records which design columns belong to which feature, so a feature can be
//! dropped as a block. Setting a feature's block to zero is its *neutral value*: the mean for a
//! numeric feature (observed, indicator 0) and the most frequent level for a categorical one.

use std::fmt;

use ndarray::Array2;

pub use crate::data::columns::{Feature, FeatureValues};

/// Why a design matrix could not be built.
#[derive(Debug, Clone, PartialEq)]
pub enum DesignError {
    /// A feature has a different number of rows than expected.
    LengthMismatch {
        /// Feature name.
        feature: String,
        /// Its length.
        len: usize,
        /// The expected number of rows.
        expected: usize,
    },
    /// A categorical code does not index the feature's levels.
    CodeOutOfRange {
        /// Feature name.
        feature: String,
        /// The offending code.
        code: u32,
        /// Number of levels.
        levels: usize,
    },
}

impl fmt::Display for DesignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::LengthMismatch {
                feature,
                len,
                expected,
            } => write!(f, "feature `{feature}` has {len} rows, expected {expected}"),
            Self::CodeOutOfRange {
                feature,
                code,
                levels,
            } => write!(
                f,
                "feature `{feature}` has code {code} but only {levels} levels"
            ),
        }
    }
}

impl std::error::Error for DesignError {}

/// How a numeric feature was standardised.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scaling {
    /// Mean of the observed values.
    pub mean: f64,
    /// Sample standard deviation (divisor `m - 1`) of the observed values; `0` when constant.
    pub sd: f64,
    /// Number of missing (or non-finite) values.
    pub missing: usize,
}

/// A design matrix with the bookkeeping needed to drop or neutralise a feature.
#[derive(Debug, Clone, PartialEq)]
pub struct Design {
    /// `n x p` matrix, row-major; column 0 is the intercept.
    pub x: Array2<f64>,
    /// One name per design column: `(intercept)`, `age`, `age:missing`, `dept=sales`,
    /// `dept=(missing)`.
    pub column_names: Vec<String>,
    /// For each input feature (same order as given), the design columns it owns, ascending.
    /// Empty when all its columns were constant.
    pub blocks: Vec<Vec<usize>>,
    /// For each numeric feature, its standardised value column (if not constant); `None` for
    /// categorical features.
    pub value_column: Vec<Option<usize>>,
    /// For each numeric feature, how it was standardised; `None` for categorical features.
    pub scaling: Vec<Option<Scaling>>,
    /// For each categorical feature, the reference (dropped, most frequent) level: `Some(i)` for
    /// `levels[i]`, `Some(levels.len())` for the missing level; `None` for numeric features or
    /// when the feature has no rows.
    pub reference_level: Vec<Option<usize>>,
}

impl Design {
    /// Number of rows.
    pub fn n_rows(&self) -> usize {
        self.x.nrows()
    }

    /// Number of design columns, the intercept included.
    pub fn n_cols(&self) -> usize {
        self.x.ncols()
    }

    /// The design columns that remain when feature `feature`'s block is dropped (ascending).
    /// An out-of-range feature index drops nothing.
    pub fn columns_without(&self, feature: usize) -> Vec<usize> {
        let block = self.blocks.get(feature).map(Vec::as_slice).unwrap_or(&[]);
        (0..self.n_cols()).filter(|c| !block.contains(c)).collect()
    }
}

/// One column under construction: its name, owning feature, and values.
struct Column {
    name: String,
    values: Vec<f64>,
}

/// Whether all entries are equal (an empty column counts as constant).
fn is_constant(values: &[f64]) -> bool {
    match values.first() {
        Some(&first) => values.iter().all(|&v| v == first),
        None => true,
    }
}

/// Build the design matrix for `n` rows from `features` (see the module docs for the encoding).
///
/// * Numeric: `z = (x - mean) / sd` over the observed values (sample sd, divisor `m - 1`);
///   missing and non-finite values get `z = 0` plus an indicator column if any is missing. A
///   feature whose observed values are all equal (or with a single observed value) has no value
///   column.
/// * Categorical: one-hot, reference = most frequent level (missing counts as a level), levels
///   without rows get no column.
///
/// Empty input: `n = 0` gives a `0 x 1` matrix (intercept only, every block empty); no features
/// gives the intercept column alone.
///
/// # Errors
/// [`DesignError::LengthMismatch`] if a feature does not have `n` rows,
/// [`DesignError::CodeOutOfRange`] if a categorical code does not index its levels.
pub fn build_design(n: usize, features: &[Feature]) -> Result<Design, DesignError> {
    let mut columns: Vec<Column> = vec![Column {
        name: "(intercept)".to_string(),
        values: vec![1.0; n],
    }];
    let mut blocks = Vec::with_capacity(features.len());
    let mut value_column = Vec::with_capacity(features.len());
    let mut scaling = Vec::with_capacity(features.len());
    let mut reference_level = Vec::with_capacity(features.len());

    for feature in features {
        if feature.len() != n {
            return Err(DesignError::LengthMismatch {
                feature: feature.name.clone(),
                len: feature.len(),
                expected: n,
            });
        }
        let mut block = Vec::new();
        match &feature.values {
            FeatureValues::Numeric(values) => {
                let (col, indicator, scale) = standardise(values);
                let mut value_col = None;
                if !is_constant(&col) {
                    value_col = Some(columns.len());
                    block.push(columns.len());
                    columns.push(Column {
                        name: feature.name.clone(),
                        values: col,
                    });
                }
                if let Some(ind) = indicator
                    && !is_constant(&ind)
                {
                    block.push(columns.len());
                    columns.push(Column {
                        name: format!("{}:missing", feature.name),
                        values: ind,
                    });
                }
                value_column.push(value_col);
                scaling.push(Some(scale));
                reference_level.push(None);
            }
            FeatureValues::Categorical { levels, codes } => {
                let k = levels.len();
                // counts[k] is the missing level.
                let mut counts = vec![0usize; k + 1];
                for &code in codes {
                    let idx = match code {
                        Some(c) if (c as usize) < k => c as usize,
                        Some(c) => {
                            return Err(DesignError::CodeOutOfRange {
                                feature: feature.name.clone(),
                                code: c,
                                levels: k,
                            });
                        }
                        None => k,
                    };
                    counts[idx] += 1;
                }
                // Most frequent level; ties go to the first (the missing level is last).
                let mut reference = None;
                let mut best = 0usize;
                for (i, &c) in counts.iter().enumerate() {
                    if c > best {
                        best = c;
                        reference = Some(i);
                    }
                }
                for (i, &c) in counts.iter().enumerate() {
                    // A level with no rows, or with all rows, gives a constant column.
                    if Some(i) == reference || c == 0 || c == n {
                        continue;
                    }
                    let values: Vec<f64> = codes
                        .iter()
                        .map(|code| {
                            let idx = code.map_or(k, |c| c as usize);
                            if idx == i { 1.0 } else { 0.0 }
                        })
                        .collect();
                    let label = if i == k {
                        "(missing)"
                    } else {
                        levels[i].as_str()
                    };
                    block.push(columns.len());
                    columns.push(Column {
                        name: format!("{}={}", feature.name, label),
                        values,
                    });
                }
                value_column.push(None);
                scaling.push(None);
                reference_level.push(reference);
            }
        }
        blocks.push(block);
    }

    let p = columns.len();
    let mut x = Array2::<f64>::zeros((n, p));
    for (j, col) in columns.iter().enumerate() {
        for (i, &v) in col.values.iter().enumerate() {
            x[[i, j]] = v;
        }
    }
    Ok(Design {
        x,
        column_names: columns.into_iter().map(|c| c.name).collect(),
        blocks,
        value_column,
        scaling,
        reference_level,
    })
}

/// Standardise a numeric column: returns the z column (missing -> 0), the missing indicator
/// (only if any value is missing) and the scaling. Mean and sd use two passes over the observed
/// values; a constant column (or fewer than two observed values) gets `sd = 0` and z = 0.
fn standardise(values: &[Option<f64>]) -> (Vec<f64>, Option<Vec<f64>>, Scaling) {
    let observed = |v: &Option<f64>| v.filter(|x| x.is_finite());
    let mut m = 0usize;
    let mut sum = 0.0;
    for x in values.iter().filter_map(observed) {
        m += 1;
        sum += x;
    }
    let missing = values.len() - m;
    let mean = if m > 0 { sum / m as f64 } else { 0.0 };
    let first = values.iter().find_map(observed);
    let constant = values.iter().filter_map(observed).all(|x| Some(x) == first);
    let sd = if m >= 2 && !constant {
        let ss: f64 = values
            .iter()
            .filter_map(observed)
            .map(|x| (x - mean) * (x - mean))
            .sum();
        (ss / (m - 1) as f64).sqrt()
    } else {
        0.0
    };
    let z = values
        .iter()
        .map(|v| match observed(v) {
            Some(x) if sd > 0.0 => (x - mean) / sd,
            _ => 0.0,
        })
        .collect();
    let indicator = (missing > 0).then(|| {
        values
            .iter()
            .map(|v| if observed(v).is_some() { 0.0 } else { 1.0 })
            .collect()
    });
    (z, indicator, Scaling { mean, sd, missing })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn numeric_is_standardised_with_sample_sd() {
        let f = Feature::numeric("x", vec![Some(1.0), Some(2.0), Some(3.0), Some(4.0)]);
        let d = build_design(4, &[f]).expect("valid");
        assert_eq!(d.column_names, vec!["(intercept)", "x"]);
        assert_eq!(d.blocks, vec![vec![1]]);
        assert_eq!(d.value_column, vec![Some(1)]);
        // mean 2.5, sample sd sqrt(5/3) = 1.2909944487358056 (numpy std(ddof=1)).
        let sd = 1.290_994_448_735_805_6;
        let s = d.scaling[0].expect("numeric");
        assert!((s.mean - 2.5).abs() < 1e-15);
        assert!((s.sd - sd).abs() < 1e-15);
        for (i, x) in [1.0, 2.0, 3.0, 4.0].iter().enumerate() {
            assert!((d.x[[i, 1]] - (x - 2.5) / sd).abs() < 1e-15);
            assert_eq!(d.x[[i, 0]], 1.0);
        }
    }

    #[test]
    fn missing_values_are_mean_imputed_with_an_indicator() {
        let f = Feature::numeric("x", vec![Some(1.0), None, Some(3.0), Some(f64::NAN)]);
        let d = build_design(4, &[f]).expect("valid");
        assert_eq!(d.column_names, vec!["(intercept)", "x", "x:missing"]);
        assert_eq!(d.blocks, vec![vec![1, 2]]);
        let s = d.scaling[0].expect("numeric");
        assert_eq!(s.missing, 2);
        assert_eq!(s.mean, 2.0);
        // Observed 1 and 3: sample sd sqrt(2).
        assert!((d.x[[0, 1]] + 1.0 / 2f64.sqrt()).abs() < 1e-15);
        assert_eq!(d.x[[1, 1]], 0.0);
        assert_eq!(d.x[[3, 1]], 0.0);
        assert_eq!(
            d.x.column(2).to_vec(),
            vec![0.0, 1.0, 0.0, 1.0],
            "indicator marks None and NaN"
        );
    }

    #[test]
    fn no_indicator_without_missing_values() {
        let f = Feature::numeric("x", vec![Some(1.0), Some(5.0)]);
        let d = build_design(2, &[f]).expect("valid");
        assert_eq!(d.n_cols(), 2);
    }

    #[test]
    fn categorical_drops_most_frequent_level_and_keeps_missing() {
        let f = Feature::categorical(
            "dept",
            levels(&["a", "b", "c", "unused"]),
            vec![Some(1), Some(0), Some(1), None, Some(2), Some(1), None],
        );
        let d = build_design(7, &[f]).expect("valid");
        assert_eq!(
            d.column_names,
            vec!["(intercept)", "dept=a", "dept=c", "dept=(missing)"]
        );
        assert_eq!(d.reference_level, vec![Some(1)]);
        assert_eq!(d.blocks, vec![vec![1, 2, 3]]);
        assert_eq!(d.x.column(3).to_vec(), vec![0., 0., 0., 1., 0., 0., 1.]);
        assert_eq!(d.x.column(1).to_vec(), vec![0., 1., 0., 0., 0., 0., 0.]);
    }

    #[test]
    fn missing_level_can_be_the_reference_and_ties_go_first() {
        let f = Feature::categorical("c", levels(&["a", "b"]), vec![None, None, Some(0), Some(1)]);
        let d = build_design(4, &[f]).expect("valid");
        assert_eq!(d.reference_level, vec![Some(2)]);
        assert_eq!(d.column_names, vec!["(intercept)", "c=a", "c=b"]);
        let g = Feature::categorical("g", levels(&["a", "b"]), vec![Some(1), Some(0)]);
        let d = build_design(2, &[g]).expect("valid");
        assert_eq!(d.reference_level, vec![Some(0)]);
        assert_eq!(d.column_names, vec!["(intercept)", "g=b"]);
    }

    #[test]
    fn constant_columns_are_left_out() {
        let features = [
            Feature::numeric("k", vec![Some(2.0); 3]),
            Feature::numeric("all_missing", vec![None; 3]),
            Feature::categorical("one", levels(&["x", "y"]), vec![Some(1); 3]),
            Feature::numeric("k_missing", vec![Some(2.0), None, Some(2.0)]),
            Feature::numeric("single", vec![None, Some(7.0), None]),
        ];
        let d = build_design(3, &features).expect("valid");
        assert_eq!(
            d.column_names,
            vec!["(intercept)", "k_missing:missing", "single:missing"]
        );
        assert_eq!(d.blocks, vec![vec![], vec![], vec![], vec![1], vec![2]]);
        assert_eq!(d.value_column, vec![None, None, None, None, None]);
        assert_eq!(d.columns_without(3), vec![0, 2]);
        assert_eq!(d.columns_without(0), vec![0, 1, 2]);
    }

    #[test]
    fn empty_inputs() {
        let d = build_design(0, &[]).expect("valid");
        assert_eq!((d.n_rows(), d.n_cols()), (0, 1));
        let d = build_design(0, &[Feature::numeric("x", vec![])]).expect("valid");
        assert_eq!(d.blocks, vec![Vec::<usize>::new()]);
        let d = build_design(3, &[]).expect("valid");
        assert_eq!(d.x.column(0).to_vec(), vec![1.0; 3]);
    }

    #[test]
    fn errors_name_the_feature() {
        let e = build_design(3, &[Feature::numeric("x", vec![Some(1.0)])]).expect_err("short");
        assert_eq!(
            e,
            DesignError::LengthMismatch {
                feature: "x".into(),
                len: 1,
                expected: 3
            }
        );
        assert!(e.to_string().contains("`x`"));
        let e = build_design(
            1,
            &[Feature::categorical("c", levels(&["a"]), vec![Some(4)])],
        )
        .expect_err("bad code");
        assert_eq!(e.to_string(), "feature `c` has code 4 but only 1 levels");
    }

    #[test]
    fn take_selects_rows() {
        let f = Feature::categorical("c", levels(&["a", "b"]), vec![Some(0), None, Some(1)]);
        let t = f.take(&[2, 0]).expect("in range");
        assert_eq!(
            t,
            Feature::categorical("c", levels(&["a", "b"]), vec![Some(1), Some(0)])
        );
        assert!(f.take(&[3]).is_none());
        let n = Feature::numeric("x", vec![Some(1.0), None]);
        assert_eq!(n.take(&[1]).expect("in range").len(), 1);
        assert!(!n.is_categorical() && f.is_categorical());
    }
}
