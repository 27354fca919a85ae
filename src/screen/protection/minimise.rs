//! Necessity and data minimisation: inputs collected but not needed for the stated purpose.
//!
//! Two sources, each a separate finding from "used and prohibited":
//! - `not_used`: an input the use layer tested (the flagged inputs) and found the algorithm
//!   does not measurably rely on (Holm-corrected likelihood-ratio test not significant, or no
//!   surrogate decision changes): collected, not needed for this decision. Inputs the use
//!   layer did not test (unflagged work measures) are not judged.
//! - `sensitive_other_purpose` / `health_other_purpose`: a sensitive input (see
//!   [`classify`](super::classify)) whose purpose in the data dictionary is not one of a
//!   decision about workers (the same list of purposes as the purpose-limitation check:
//!   performance, human resources, scheduling, ...). Health data (health, disability,
//!   infectious-disease carrier, pregnancy, genetic categories) gets its own code so the report
//!   names it as health data; `epidemic` says the declared purpose was epidemic control.

use serde::Serialize;

use super::classify::{ColumnClass, DataClass};
use crate::screen::run::{InputColumn, Screen, hr_compatible};

/// Why an input is not needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MinReason {
    HealthOtherPurpose,
    SensitiveOtherPurpose,
    NotUsed,
}

/// A data-minimisation finding, as codes and numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Minimisation {
    pub column: String,
    pub reason: MinReason,
    pub category: Option<String>,
    /// The purpose declared in the data dictionary.
    pub purpose: Option<String>,
    /// Whether that purpose is epidemic control.
    pub epidemic: bool,
    /// The use test: whether the algorithm relies on the input (None when not tested).
    pub used: Option<bool>,
    pub p_adjusted: Option<f64>,
    pub decisions_changed: Option<u64>,
    pub rows_tested: Option<u64>,
}

const HEALTH: &[&str] = &[
    "health",
    "disability",
    "infectious_disease_carrier",
    "pregnancy_maternity",
    "genetic",
];

const EPIDEMIC: &[&str] = &[
    "epidemic",
    "pandemic",
    "covid",
    "outbreak",
    "quarantine",
    "防疫",
    "疫情",
    "核酸",
    "健康码",
];

/// Whether a declared purpose is epidemic control.
pub fn epidemic_purpose(purpose: &str) -> bool {
    let lower = purpose.to_lowercase();
    EPIDEMIC.iter().any(|t| lower.contains(t))
}

/// The minimisation findings, in column order, purpose findings before use findings.
pub fn minimise(
    columns: &[InputColumn],
    classes: &[ColumnClass],
    screen: Option<&Screen>,
) -> Vec<Minimisation> {
    let mut out = Vec::new();
    for c in columns {
        let class = classes.iter().find(|k| k.column == c.name);
        let test = screen
            .iter()
            .flat_map(|s| &s.findings)
            .filter(|f| f.column == c.name)
            .find(|f| f.evidence.usage.is_some());
        let base = |reason| Minimisation {
            column: c.name.clone(),
            reason,
            category: class.and_then(|k| k.category.clone()),
            purpose: c.purpose.clone(),
            epidemic: c.purpose.as_deref().is_some_and(epidemic_purpose),
            used: test.and_then(|f| f.used),
            p_adjusted: test.and_then(|f| f.evidence.usage_p_adjusted),
            decisions_changed: test
                .and_then(|f| f.evidence.usage.as_ref())
                .map(|u| u.decisions_changed),
            rows_tested: test.and_then(|f| f.evidence.usage.as_ref()).map(|u| u.n),
        };
        let sensitive = class.is_some_and(|k| k.classes.contains(&DataClass::Sensitive));
        let other = c
            .purpose
            .as_deref()
            .is_some_and(|p| !p.trim().is_empty() && !hr_compatible(p));
        if sensitive && other {
            let health = class
                .and_then(|k| k.category.as_deref())
                .is_some_and(|cat| HEALTH.contains(&cat));
            out.push(base(if health {
                MinReason::HealthOtherPurpose
            } else {
                MinReason::SensitiveOtherPurpose
            }));
        }
        if test.is_some_and(|f| f.used == Some(false)) {
            out.push(base(MinReason::NotUsed));
        }
    }
    out
}
