//! Input columns in plain form, as the data layer hands them to screening and explanations:
//! no polars here, so every later stage works on plain vectors.

/// The values of one input column, one entry per row.
#[derive(Debug, Clone, PartialEq)]
pub enum FeatureValues {
    /// Numeric values; `None` (and any non-finite value) is missing.
    Numeric(Vec<Option<f64>>),
    /// Categorical values: `codes[i]` indexes `levels`; `None` is missing.
    Categorical {
        /// Level labels, in a stable order (ties for the most frequent level go to the first).
        levels: Vec<String>,
        /// One code per row.
        codes: Vec<Option<u32>>,
    },
}

/// One named input column.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// Column name as shown in reports.
    pub name: String,
    /// The column's values.
    pub values: FeatureValues,
}

impl Feature {
    /// A numeric feature. `None` and non-finite values are treated as missing.
    pub fn numeric(name: impl Into<String>, values: Vec<Option<f64>>) -> Self {
        Self {
            name: name.into(),
            values: FeatureValues::Numeric(values),
        }
    }

    /// A categorical feature with the given level labels and one optional code per row.
    pub fn categorical(
        name: impl Into<String>,
        levels: Vec<String>,
        codes: Vec<Option<u32>>,
    ) -> Self {
        Self {
            name: name.into(),
            values: FeatureValues::Categorical { levels, codes },
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        match &self.values {
            FeatureValues::Numeric(v) => v.len(),
            FeatureValues::Categorical { codes, .. } => codes.len(),
        }
    }

    /// Whether the feature has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the feature is categorical.
    pub fn is_categorical(&self) -> bool {
        matches!(self.values, FeatureValues::Categorical { .. })
    }

    /// The feature restricted to `rows` (in the order given), e.g. the output of
    /// `subsample_indices` (screen::usage). Levels are kept as they are. Returns `None` if any
    /// row index is out of range.
    pub fn take(&self, rows: &[usize]) -> Option<Self> {
        let values = match &self.values {
            FeatureValues::Numeric(v) => FeatureValues::Numeric(
                rows.iter()
                    .map(|&r| v.get(r).copied())
                    .collect::<Option<Vec<_>>>()?,
            ),
            FeatureValues::Categorical { levels, codes } => FeatureValues::Categorical {
                levels: levels.clone(),
                codes: rows
                    .iter()
                    .map(|&r| codes.get(r).copied())
                    .collect::<Option<Vec<_>>>()?,
            },
        };
        Some(Self {
            name: self.name.clone(),
            values,
        })
    }
}

/// One input column, in plain form.
pub struct InputColumn {
    pub name: String,
    /// From the data dictionary.
    pub description: Option<String>,
    /// Distinct values with counts (for the content layer).
    pub values: Vec<(String, u64)>,
    /// The column as a model input; None when it cannot be one (e.g. free text, timestamps).
    pub feature: Option<Feature>,
    /// Declared collection purpose (data dictionary), for the purpose-limitation check.
    pub purpose: Option<String>,
    /// Date of the oldest record (data dictionary), `YYYY-MM-DD`, for the retention check.
    pub oldest_record: Option<String>,
    /// The column's values as categorical codes, when asked for (a declared quasi-identifier
    /// or sensitive input) and `feature` is not already categorical: text with too many
    /// values to be a model input, or a timestamp, is still a value a colleague may know.
    pub codes: Option<Feature>,
}

/// A protected attribute, as codes.
pub struct AttributeCodes {
    pub name: String,
    pub levels: Vec<String>,
    pub codes: Vec<u32>,
}

/// One table column as a model is fed it: numbers (NaN = missing) or text ("" = missing).
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnData {
    Num(Vec<f64>),
    Text(Vec<String>),
}

impl ColumnData {
    /// Number of rows.
    pub fn len(&self) -> usize {
        match self {
            ColumnData::Num(v) => v.len(),
            ColumnData::Text(v) => v.len(),
        }
    }

    /// Whether the column has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
