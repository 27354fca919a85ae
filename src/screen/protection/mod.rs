//! The data-protection review of the audited table: identifiability (who can be singled out,
//! what classes disclose), the class of every column, and what the purpose does not need.
//!
//! **Quasi-identifiers by default** (without `[privacy] quasi_identifiers`): the group
//! attributes, and the categorical features (text columns of at most 50 values: shift, team,
//! district, ...) that are neither flagged as prohibited inputs nor direct identifiers.
//! Numeric features enter only when declared (then as they are; the coarsening proposes
//! bands). **Sensitive inputs by default** (without `[privacy] sensitive`): the features
//! flagged as prohibited or restricted inputs whose values are read as they are (a timestamp,
//! read by the use layer as "outside working hours", is left out).

pub mod classify;
pub mod minimise;

use serde::Serialize;

use crate::codes::{FindingKind, Severity};
use crate::data::columns::Feature;
use crate::screen::identifiability::{self, IdentInput, Identifiability};
use crate::screen::policy::{Category, Pack};
use crate::screen::run::{AttributeCodes, InputColumn, Screen};
use crate::spec::PrivacySpec;
use classify::{ClassifyInput, ColumnClass, Roles};
use minimise::{MinReason, Minimisation};

/// The review's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DataProtection {
    /// None when there is no quasi-identifier.
    pub identifiability: Option<Identifiability>,
    /// Every column of the audit: id, group attributes, features, then outputs.
    pub columns: Vec<ColumnClass>,
    pub minimisation: Vec<Minimisation>,
}

/// What the review takes.
pub struct ProtectionInput<'a> {
    pub features: &'a [InputColumn],
    pub attributes: &'a [AttributeCodes],
    pub screen: Option<&'a Screen>,
    pub packs: &'a [&'a Pack],
    pub categories: &'a [Category],
    pub stage: crate::screen::policy::Stage,
    pub id: Option<&'a str>,
    /// Decision, score and label columns.
    pub outputs: Vec<&'a str>,
    pub privacy: &'a PrivacySpec,
    /// The rows are a sample of the table (an engine fetched them): who is alone in a sample
    /// says nothing about who is alone in the table, so identifiability is not assessed.
    pub sampled: bool,
}

fn flagged(screen: Option<&Screen>, name: &str) -> bool {
    screen
        .iter()
        .flat_map(|s| &s.findings)
        .any(|f| f.column == name && f.kind == "prohibited_input")
}

/// Whether a column's model input is derived from its values rather than the values
/// themselves (a timestamp read as "outside working hours"): its classes would disclose the
/// derived value, not the column's, so it is not examined for l-diversity.
fn derived(c: &InputColumn) -> bool {
    matches!(
        c.feature.as_ref().map(|f| &f.values),
        Some(crate::data::columns::FeatureValues::Numeric(_))
    ) && c
        .values
        .first()
        .is_some_and(|(v, _)| v.trim().parse::<f64>().is_err())
}

/// Runs the review.
pub fn review(input: &ProtectionInput) -> DataProtection {
    let attr_features: Vec<Feature> = input
        .attributes
        .iter()
        .map(|a| {
            Feature::categorical(
                a.name.clone(),
                a.levels.clone(),
                a.codes.iter().map(|&c| Some(c)).collect(),
            )
        })
        .collect();
    // A declared column that is no categorical model input (free text, a timestamp) is
    // examined by its values as given.
    let feature = |name: &str| -> Option<&Feature> {
        attr_features.iter().find(|f| f.name == name).or_else(|| {
            input
                .features
                .iter()
                .find(|c| c.name == name)
                .and_then(|c| c.codes.as_ref().or(c.feature.as_ref()))
        })
    };
    let is_id = |name: &str| input.id == Some(name) || classify::identifier_name(name).is_some();
    let quasi_names: Vec<String> = match &input.privacy.quasi_identifiers {
        Some(q) => q.clone(),
        None => input
            .attributes
            .iter()
            .map(|a| a.name.clone())
            .chain(
                input
                    .features
                    .iter()
                    .filter(|c| c.feature.as_ref().is_some_and(Feature::is_categorical))
                    .filter(|c| !flagged(input.screen, &c.name) && !is_id(&c.name))
                    .filter(|c| !input.attributes.iter().any(|a| a.name == c.name))
                    .map(|c| c.name.clone()),
            )
            .collect(),
    };
    let sensitive_names: Vec<String> = match &input.privacy.sensitive {
        Some(s) => s.clone(),
        None => input
            .features
            .iter()
            .filter(|c| flagged(input.screen, &c.name) && !quasi_names.contains(&c.name))
            .filter(|c| !derived(c))
            .map(|c| c.name.clone())
            .collect(),
    };
    let quasi: Vec<&Feature> = quasi_names.iter().filter_map(|n| feature(n)).collect();
    let sensitive: Vec<&Feature> = sensitive_names.iter().filter_map(|n| feature(n)).collect();
    let identifiability = (!quasi.is_empty() && !input.sampled).then(|| {
        identifiability::assess(&IdentInput {
            quasi,
            sensitive,
            min_k: input.privacy.min_k,
        })
    });
    let attribute_names: Vec<String> = input.attributes.iter().map(|a| a.name.clone()).collect();
    let mut columns: Vec<(&str, Option<&InputColumn>)> = Vec::new();
    if let Some(id) = input.id {
        columns.push((id, None));
    }
    columns.extend(input.attributes.iter().map(|a| (a.name.as_str(), None)));
    columns.extend(
        input
            .features
            .iter()
            .filter(|c| !attribute_names.contains(&c.name))
            .map(|c| (c.name.as_str(), Some(c))),
    );
    columns.extend(input.outputs.iter().map(|o| (*o, None)));
    let classes = classify::classify(&ClassifyInput {
        roles: Roles {
            id: input.id,
            attributes: &attribute_names,
            outputs: input.outputs.clone(),
            quasi: &quasi_names,
        },
        columns,
        screen: input.screen,
        packs: input.packs,
        categories: input.categories,
        stage: input.stage,
    });
    let minimisation = minimise::minimise(input.features, &classes, input.screen);
    DataProtection {
        identifiability,
        columns: classes,
        minimisation,
    }
}

/// What a data-protection finding is about (codes; the renderers word them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProtectionCode {
    /// Workers alone in their class on a small combination of quasi-identifiers.
    SingledOut,
    /// Classes below min_k, but nobody alone.
    BelowMinK,
    /// Classes in which every worker has the same value of a sensitive input.
    Homogeneous,
    /// See [`MinReason`].
    HealthOtherPurpose,
    SensitiveOtherPurpose,
    NotUsed,
}

/// A data-protection finding, listed with the others worst first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProtectionFinding {
    pub kind: FindingKind,
    pub code: ProtectionCode,
    pub severity: Severity,
    /// The sensitive or unneeded input.
    pub column: Option<String>,
    /// The combination of quasi-identifiers.
    pub columns: Vec<String>,
    /// Workers concerned (unique, in homogeneous classes, or below min_k).
    pub workers: Option<u64>,
    pub classes: Option<u64>,
    /// Homogeneous findings: of `classes`, those whose shared value is the input's most common.
    pub modal_classes: Option<u64>,
    /// Combinations of up to three quasi-identifiers that single somebody out, of all examined.
    pub combinations_singling_out: Option<u64>,
    pub combinations: Option<u64>,
    pub min_k: Option<u64>,
    /// Whether the proposed coarsening reaches k >= min_k.
    pub coarsening_reached: Option<bool>,
    pub category: Option<String>,
    pub purpose: Option<String>,
    pub epidemic: bool,
}

impl ProtectionFinding {
    fn new(kind: FindingKind, code: ProtectionCode, severity: Severity) -> Self {
        ProtectionFinding {
            kind,
            code,
            severity,
            column: None,
            columns: Vec::new(),
            workers: None,
            modal_classes: None,
            classes: None,
            combinations_singling_out: None,
            combinations: None,
            min_k: None,
            coarsening_reached: None,
            category: None,
            purpose: None,
            epidemic: false,
        }
    }
}

/// The findings of the review, worst first within it: identifiability, then disclosure of
/// sensitive inputs, then minimisation.
pub fn findings(p: &DataProtection) -> Vec<ProtectionFinding> {
    let mut out = Vec::new();
    if let Some(id) = &p.identifiability {
        out.extend(identifiability_finding(id));
        for s in &id.sensitive {
            // The worst combination for this input (the list is worst first), when it has
            // homogeneous classes of at least min_k workers: smaller classes are already
            // below the threshold of the identifiability finding.
            if let Some(h) = id
                .homogeneity
                .iter()
                .find(|h| &h.sensitive == s)
                .filter(|h| h.homogeneous_k_anonymous > 0)
            {
                let mut f = ProtectionFinding::new(
                    FindingKind::Identifiability,
                    ProtectionCode::Homogeneous,
                    Severity::Medium,
                );
                f.column = Some(s.clone());
                f.columns = h.columns.clone();
                f.workers = Some(h.workers_k_anonymous);
                f.classes = Some(h.homogeneous_k_anonymous);
                f.modal_classes = Some(h.k_anonymous_modal);
                f.min_k = Some(id.min_k);
                f.category = p
                    .columns
                    .iter()
                    .find(|c| &c.column == s)
                    .and_then(|c| c.category.clone());
                out.push(f);
            }
        }
    }
    for m in &p.minimisation {
        let code = match m.reason {
            MinReason::HealthOtherPurpose => ProtectionCode::HealthOtherPurpose,
            MinReason::SensitiveOtherPurpose => ProtectionCode::SensitiveOtherPurpose,
            MinReason::NotUsed => ProtectionCode::NotUsed,
        };
        let mut f = ProtectionFinding::new(FindingKind::DataMinimisation, code, Severity::Medium);
        f.column = Some(m.column.clone());
        f.category = m.category.clone();
        f.purpose = m.purpose.clone();
        f.epidemic = m.epidemic;
        out.push(f);
    }
    out
}

fn identifiability_finding(id: &Identifiability) -> Option<ProtectionFinding> {
    let singling: Vec<_> = id
        .combinations
        .iter()
        .filter(|c| c.unique_workers > 0)
        .collect();
    // The smallest combination that singles somebody out (most unique workers among those).
    let worst = singling.iter().min_by(|a, b| {
        a.columns
            .len()
            .cmp(&b.columns.len())
            .then(b.unique_workers.cmp(&a.unique_workers))
    });
    let below = id.combinations.iter().find(|c| c.rows_below_min_k > 0);
    let (code, c, workers) = match (worst, below) {
        (Some(w), _) => (ProtectionCode::SingledOut, *w, w.unique_workers),
        (None, Some(b)) => (ProtectionCode::BelowMinK, b, b.rows_below_min_k),
        (None, None) => return None,
    };
    let mut f = ProtectionFinding::new(
        FindingKind::Identifiability,
        code,
        if code == ProtectionCode::SingledOut {
            Severity::Medium
        } else {
            Severity::Low
        },
    );
    f.columns = c.columns.clone();
    f.workers = Some(workers);
    f.classes = Some(c.classes);
    f.combinations_singling_out = Some(singling.len() as u64);
    f.combinations = Some(id.combinations.len() as u64);
    f.min_k = Some(id.min_k);
    f.coarsening_reached = id.coarsening.as_ref().map(|c| c.reached);
    Some(f)
}

#[cfg(test)]
mod tests;
