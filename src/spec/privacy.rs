//! The `[privacy]` section: the quasi-identifiers and sensitive inputs of the
//! identifiability check, and its k-anonymity threshold.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The raw `[privacy]` section.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PrivacySection {
    /// Columns a person could know about a colleague (group attributes or features). Default:
    /// the group attributes and the categorical features that are not flagged as prohibited
    /// inputs (see docs/screening.md, "Data protection").
    pub quasi_identifiers: Option<Vec<String>>,
    /// Inputs whose disclosure the l-diversity check looks for. Default: the features flagged
    /// as prohibited or restricted inputs.
    pub sensitive: Option<Vec<String>>,
    /// Classes smaller than this are too small. Default: `report.min_published_group` (5).
    pub min_k: Option<u64>,
}

/// The validated `[privacy]` settings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrivacySpec {
    /// None: the default rule.
    pub quasi_identifiers: Option<Vec<String>>,
    /// None: the default rule.
    pub sensitive: Option<Vec<String>>,
    pub min_k: u64,
}

/// Checks the section against the spec's attributes and features.
pub fn check(
    p: &PrivacySection,
    attributes: &[String],
    features: &[String],
    min_published: u64,
) -> Result<PrivacySpec> {
    let min_k = p.min_k.unwrap_or(min_published);
    if min_k == 0 {
        return Err(Error::spec(
            "privacy.min_k",
            "0 would call a class of nobody large enough; the smallest allowed is 1",
            Some("5 is a common threshold (the default follows report.min_published_group)".into()),
        ));
    }
    let known = |c: &String| attributes.contains(c) || features.contains(c);
    for (key, list) in [
        ("privacy.quasi_identifiers", &p.quasi_identifiers),
        ("privacy.sensitive", &p.sensitive),
    ] {
        if let Some(c) = list.iter().flatten().find(|c| !known(c)) {
            return Err(Error::spec(
                key,
                format!("'{c}' is neither a group attribute nor a feature"),
                Some(format!(
                    "add '{c}' to [features] columns (or [groups] attributes), or remove it from {key}"
                )),
            ));
        }
    }
    if let Some(c) = p
        .sensitive
        .iter()
        .flatten()
        .find(|c| p.quasi_identifiers.iter().flatten().any(|q| q == *c))
    {
        return Err(Error::spec(
            "privacy.sensitive",
            format!("'{c}' is listed both as a quasi-identifier and as sensitive"),
            Some("a sensitive input is what a class may disclose; list it in one place".into()),
        ));
    }
    Ok(PrivacySpec {
        quasi_identifiers: p.quasi_identifiers.clone(),
        sensitive: p.sensitive.clone(),
        min_k,
    })
}
