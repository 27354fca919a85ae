//! Errors: one enum for everything that makes an audit impossible.
//!
//! Every variant names where the problem is (file, column, line, key), says what was expected,
//! and can carry a hint. Findings about the data (a small group, a prohibited input) are not
//! errors: they go into the report. `main` maps every `Error` to exit code 2.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where a problem was found, for the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location(pub String);

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Everything that stops an audit from running.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input file cannot be opened or read.
    #[error("cannot read {path}: {reason}")]
    Read {
        path: PathBuf,
        reason: String,
        hint: Option<String>,
    },
    /// The table is readable but unusable (empty, header only, malformed, wrong encoding).
    #[error("{path}: {message}")]
    Data {
        path: PathBuf,
        message: String,
        hint: Option<String>,
    },
    /// A column named by the audit description does not exist.
    #[error("{path}: no column named '{column}' (given as {role})")]
    UnknownColumn {
        path: PathBuf,
        column: String,
        role: String,
        hint: Option<String>,
    },
    /// The values in a column do not fit its role (decision, score, label, group).
    #[error("{path}: column '{column}' ({role}): {message}")]
    Column {
        path: PathBuf,
        column: String,
        role: String,
        message: String,
        hint: Option<String>,
    },
    /// The audit description (spec file or flags) is invalid.
    #[error("{origin}: {message}")]
    Spec {
        origin: String,
        message: String,
        hint: Option<String>,
    },
    /// The population filter (`--where`) is invalid or leaves nothing.
    #[error("--where \"{predicate}\": {message}")]
    Filter {
        predicate: String,
        message: String,
        hint: Option<String>,
    },
    /// An output cannot be written.
    #[error("cannot write {path}: {reason}")]
    Write {
        path: PathBuf,
        reason: String,
        hint: Option<String>,
    },
}

impl Error {
    /// Advice for the user, printed on its own `hint:` line.
    /// Every error has one: the specific hint given where the error arose, or else the
    /// general advice for its kind.
    pub fn hint(&self) -> Option<&str> {
        let (hint, general) = match self {
            Error::Read { hint, .. } => (
                hint,
                "check that the path names a regular file that exists and that you may read",
            ),
            Error::Data { hint, .. } => (
                hint,
                "check that the file is a complete table in the format its name says \
                 (--input-format names another)",
            ),
            Error::UnknownColumn { hint, .. } => (
                hint,
                "column names are matched exactly; `candor init FILE` lists them",
            ),
            Error::Column { hint, .. } => (
                hint,
                "check the column's values against its role; docs/spec.md says what each role \
                 takes",
            ),
            Error::Spec { hint, .. } => (
                hint,
                "docs/spec.md gives each key's type and allowed values; `candor init FILE` \
                 writes a valid starter spec",
            ),
            Error::Filter { hint, .. } => (
                hint,
                "--where takes a condition on the table's own columns, such as \
                 \"site = 'A' AND tenure_years >= 1\"",
            ),
            Error::Write { hint, .. } => (
                hint,
                "check that the folder exists, that you may write to it, and that the path \
                 does not name an existing file",
            ),
        };
        Some(hint.as_deref().unwrap_or(general))
    }

    pub(crate) fn data(path: &Path, message: impl Into<String>, hint: Option<String>) -> Self {
        Error::Data {
            path: path.to_path_buf(),
            message: message.into(),
            hint,
        }
    }

    pub(crate) fn spec(
        origin: impl Into<String>,
        message: impl Into<String>,
        hint: Option<String>,
    ) -> Self {
        Error::Spec {
            origin: origin.into(),
            message: message.into(),
            hint,
        }
    }

    pub(crate) fn column(
        path: &Path,
        column: &str,
        role: &str,
        message: impl Into<String>,
        hint: Option<String>,
    ) -> Self {
        Error::Column {
            path: path.to_path_buf(),
            column: column.to_string(),
            role: role.to_string(),
            message: message.into(),
            hint,
        }
    }
}

/// Result with Candor's error.
pub type Result<T> = std::result::Result<T, Error>;

/// The candidate closest to `name` by Jaro-Winkler similarity, if it is close enough to be a
/// plausible typo (similarity >= 0.7), for "did you mean" hints.
pub fn closest<'a, I>(name: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lower = name.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_lowercase()), c))
        .filter(|(s, _)| *s >= 0.7)
        .fold(None, |best: Option<(f64, &str)>, (s, c)| match best {
            Some((bs, _)) if bs >= s => best,
            _ => Some((s, c)),
        })
        .map(|(_, c)| c)
}

/// A hint naming the closest candidate, or listing a few valid ones.
pub fn did_you_mean<'a, I>(name: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str> + Clone,
{
    match closest(name, candidates.clone()) {
        Some(c) => Some(format!("did you mean '{c}'?")),
        None => {
            let list: Vec<&str> = candidates.into_iter().take(12).collect();
            if list.is_empty() {
                None
            } else {
                Some(format!("valid names: {}", list.join(", ")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_finds_typo() {
        let cols = ["decile_score", "score_text", "race"];
        assert_eq!(closest("decile_scor", cols), Some("decile_score"));
        assert_eq!(closest("rac", cols), Some("race"));
    }

    #[test]
    fn closest_rejects_unrelated() {
        assert_eq!(closest("zzzz", ["decile_score", "race"]), None);
    }

    #[test]
    fn did_you_mean_lists_when_nothing_close() {
        let h = did_you_mean("qqq", ["a", "b"]).unwrap_or_default();
        assert_eq!(h, "valid names: a, b");
    }
}
