//! Why the use layer's tests could not run.

use std::fmt;

use crate::screen::features::DesignError;

/// Why the tests could not run.
#[derive(Debug, Clone, PartialEq)]
pub enum UsageError {
    /// No rows.
    Empty,
    /// Fewer rows than design columns.
    TooFewRows {
        /// Rows.
        rows: usize,
        /// Design columns (intercept included, constant columns excluded).
        columns: usize,
    },
    /// Inputs of different lengths.
    LengthMismatch {
        /// What was too long or short.
        what: String,
        /// Its length.
        len: usize,
        /// The expected length.
        expected: usize,
    },
    /// A candidate index that names no feature.
    BadCandidate {
        /// The index.
        index: usize,
        /// Number of features.
        features: usize,
    },
    /// A non-finite target value or design entry.
    NonFinite {
        /// Where.
        what: String,
    },
    /// The design could not be built.
    Design(DesignError),
    /// The normal equations could not be solved even with a ridge.
    Singular,
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "usage test: no rows"),
            Self::TooFewRows { rows, columns } => write!(
                f,
                "usage test: {rows} rows are fewer than the {columns} model columns; \
                 drop inputs or add rows"
            ),
            Self::LengthMismatch {
                what,
                len,
                expected,
            } => write!(f, "usage test: {what} has {len} rows, expected {expected}"),
            Self::BadCandidate { index, features } => write!(
                f,
                "usage test: candidate {index} is out of range ({features} features)"
            ),
            Self::NonFinite { what } => write!(f, "usage test: non-finite value in {what}"),
            Self::Design(e) => write!(f, "usage test: {e}"),
            Self::Singular => write!(
                f,
                "usage test: normal equations could not be solved even with a ridge"
            ),
        }
    }
}

impl std::error::Error for UsageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Design(e) => Some(e),
            _ => None,
        }
    }
}

impl From<DesignError> for UsageError {
    fn from(e: DesignError) -> Self {
        Self::Design(e)
    }
}
