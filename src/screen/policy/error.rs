//! Errors of loading and validating policy files, and the "did you mean" suggestions they
//! carry.

use std::fmt;
use std::path::PathBuf;

/// Why a policy file or pack selection could not be used. Messages name the file and key, say
/// what was expected and end with a `hint:` line.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// The pack file could not be read.
    #[error("cannot read policy pack {}: {source}\nhint: check that the path exists and is readable", path.display())]
    Read {
        /// The path given.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid TOML or does not fit the schema (wrong type, unknown or missing
    /// key).
    #[error("{file}:{line}:{column}: key `{key}`: {message}\nhint: {hint}")]
    Syntax {
        /// File name.
        file: String,
        /// 1-based line (0 if unknown).
        line: usize,
        /// 1-based column (0 if unknown).
        column: usize,
        /// Table path and key, e.g. `rule[3].severity`.
        key: String,
        /// The parser's message.
        message: String,
        /// Advice.
        hint: String,
    },
    /// A reference to a category, proxy or instrument that does not exist.
    #[error("{file}: key `{key}`: unknown {what} `{value}`{suggestion}\nhint: {hint}")]
    UnknownReference {
        /// File name.
        file: String,
        /// Table path and key.
        key: String,
        /// What was referenced.
        what: ReferenceKind,
        /// The value found.
        value: String,
        /// `", did you mean `x`?"` or empty.
        suggestion: String,
        /// Advice.
        hint: &'static str,
    },
    /// A value that parses but breaks a rule of the schema (empty text, bad id, bad regex,
    /// duplicate id, bad date).
    #[error("{file}: key `{key}`: {problem}\nhint: {hint}")]
    Invalid {
        /// File name.
        file: String,
        /// Table path and key.
        key: String,
        /// What is wrong, naming the bad value and what was expected.
        problem: String,
        /// Advice.
        hint: String,
    },
    /// A pack id that is not among the loaded packs.
    #[error("unknown policy pack `{id}`{suggestion}\nhint: available packs are: {available}")]
    UnknownPack {
        /// The id asked for.
        id: String,
        /// `", did you mean `x`?"` or empty.
        suggestion: String,
        /// Comma-separated ids.
        available: String,
    },
    /// Two packs with the same id.
    #[error(
        "policy pack id `{id}` is used twice ({first} and {second})\nhint: give each pack file a unique `id`"
    )]
    DuplicatePack {
        /// The duplicated id.
        id: String,
        /// File of the first pack.
        first: String,
        /// File of the second pack.
        second: String,
    },
}

/// The kind of id a [`PolicyError::UnknownReference`] failed to find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceKind {
    /// A category id from `categories.toml`.
    Category,
    /// A proxy id from `categories.toml`.
    Proxy,
    /// An instrument id declared in the same pack.
    Instrument,
}

impl fmt::Display for ReferenceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ReferenceKind::Category => "category",
            ReferenceKind::Proxy => "proxy",
            ReferenceKind::Instrument => "instrument",
        })
    }
}

/// `", did you mean `x`?"` for the candidate closest to `value`, or an empty string.
pub(super) fn suggestion<'c>(value: &str, candidates: impl IntoIterator<Item = &'c str>) -> String {
    closest(value, candidates)
        .map(|c| format!(", did you mean `{c}`?"))
        .unwrap_or_default()
}

/// The candidate most similar to `value`: the shortest candidate containing it (so `gender`
/// finds `sex_gender`), else the best Jaro-Winkler match on lowercase if similar enough.
pub(super) fn closest<'c>(
    value: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let wanted = value.trim().to_lowercase();
    let candidates: Vec<&'c str> = candidates.into_iter().collect();
    if wanted.len() >= 3 {
        let containing = candidates
            .iter()
            .copied()
            .filter(|c| c.to_lowercase().contains(&wanted))
            .min_by_key(|c| c.len());
        if containing.is_some() {
            return containing;
        }
    }
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&wanted, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}
