//! The `[explain]` section resolved: settings of `candor explain`.

use serde::Serialize;

use super::ExplainSection;
use crate::error::{Error, Result, did_you_mean};

/// Settings of the per-worker explanations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainSpec {
    pub purpose: Option<String>,
    pub purpose_zh: Option<String>,
    /// Inputs never changed by a counterfactual.
    pub immutable: Vec<String>,
    /// Inputs a counterfactual may only raise.
    pub increase_only: Vec<String>,
    /// Inputs a counterfactual may only lower.
    pub decrease_only: Vec<String>,
    /// Number of most similar workers compared with.
    pub neighbours: usize,
    /// Candidate changes the counterfactual search evaluates at most, per worker.
    pub max_candidates: usize,
    /// Date of the decision (`YYYY-MM-DD`), for every worker.
    pub decision_date: Option<String>,
    /// Date printed on the explanations (`YYYY-MM-DD`); default the audit date.
    pub document_date: Option<String>,
    /// Whom the worker contacts at the employer (English, Chinese).
    pub contact: Option<String>,
    pub contact_zh: Option<String>,
    /// `employer` (default) or `platform` (a digital labour platform): rights that exist only
    /// on platforms are shown only for `platform`.
    pub employer_kind: String,
    /// Facts declared about the system (policy context flags such as `solely_automated`,
    /// `significant_effect`): rights conditional on them are shown as applying; rights
    /// conditional on an undeclared fact are shown with their condition.
    pub context: Vec<String>,
}

impl Default for ExplainSpec {
    fn default() -> Self {
        ExplainSpec {
            purpose: None,
            purpose_zh: None,
            immutable: Vec::new(),
            increase_only: Vec::new(),
            decrease_only: Vec::new(),
            neighbours: 50,
            max_candidates: 20_000,
            decision_date: None,
            document_date: None,
            contact: None,
            contact_zh: None,
            employer_kind: "employer".into(),
            context: Vec::new(),
        }
    }
}

/// The policy context flags `explain.context` may name.
pub const CONTEXT_FLAGS: [&str; 9] = [
    "is_digital_labour_platform",
    "is_ai_system",
    "uses_biometric_input",
    "solely_automated",
    "significant_effect",
    "nyc_hiring_or_promotion",
    "il_video_interview",
    "medical_or_safety_purpose",
    "approved_occupation_hbv",
];

fn date(key: &str, v: &Option<String>) -> Result<Option<String>> {
    match v {
        Some(d) if crate::dates::parse_date(d).is_none() => Err(Error::spec(
            format!("explain.{key}"),
            format!("'{d}' is not a date YYYY-MM-DD"),
            Some("write e.g. 2026-11-30".into()),
        )),
        other => Ok(other.clone()),
    }
}

/// Checks the section against the declared features.
pub fn check(f: &ExplainSection, features: Option<&[String]>) -> Result<ExplainSpec> {
    let features = features.unwrap_or(&[]);
    let known = |key: &str, list: &Option<Vec<String>>| -> Result<Vec<String>> {
        let list = list.clone().unwrap_or_default();
        for c in &list {
            if !features.iter().any(|x| x == c) {
                return Err(Error::spec(
                    format!("explain.{key}"),
                    format!("'{c}' is not one of the features"),
                    did_you_mean(c, features.iter().map(String::as_str))
                        .or_else(|| Some("list it under [features] columns first".into())),
                ));
            }
        }
        Ok(list)
    };
    let immutable = known("immutable", &f.immutable)?;
    let increase_only = known("increase_only", &f.increase_only)?;
    let decrease_only = known("decrease_only", &f.decrease_only)?;
    if let Some(c) = increase_only.iter().find(|c| decrease_only.contains(c)) {
        return Err(Error::spec(
            "explain.increase_only",
            format!("'{c}' is both increase_only and decrease_only"),
            Some("an input that can move neither way belongs under explain.immutable".into()),
        ));
    }
    let neighbours = f.neighbours.unwrap_or(50);
    if !(1..=1000).contains(&neighbours) {
        return Err(Error::spec(
            "explain.neighbours",
            format!("{neighbours} is outside 1..=1000"),
            Some("50 similar workers is the default".into()),
        ));
    }
    let max_candidates = f.max_candidates.unwrap_or(20_000);
    if max_candidates == 0 {
        return Err(Error::spec(
            "explain.max_candidates",
            "0 candidates leaves no search".to_string(),
            Some("the default is 20000".into()),
        ));
    }
    let employer_kind = f.employer_kind.clone().unwrap_or_else(|| "employer".into());
    if !matches!(employer_kind.as_str(), "employer" | "platform") {
        return Err(Error::spec(
            "explain.employer_kind",
            format!("'{employer_kind}' is not one of employer, platform"),
            did_you_mean(&employer_kind, ["employer", "platform"]),
        ));
    }
    let context = f.context.clone().unwrap_or_default();
    for c in &context {
        if !CONTEXT_FLAGS.contains(&c.as_str()) {
            return Err(Error::spec(
                "explain.context",
                format!("'{c}' is not a context flag"),
                did_you_mean(c, CONTEXT_FLAGS)
                    .or_else(|| Some(format!("use one of {}", CONTEXT_FLAGS.join(", ")))),
            ));
        }
    }
    Ok(ExplainSpec {
        purpose: f.purpose.clone(),
        purpose_zh: f.purpose_zh.clone(),
        immutable,
        increase_only,
        decrease_only,
        neighbours,
        max_candidates,
        decision_date: date("decision_date", &f.decision_date)?,
        document_date: date("document_date", &f.document_date)?,
        contact: f.contact.clone(),
        contact_zh: f.contact_zh.clone(),
        employer_kind,
        context,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_feature_named() {
        let f = ExplainSection {
            immutable: Some(vec!["agee".into()]),
            ..Default::default()
        };
        let e = check(&f, Some(&["age".to_string()])).unwrap_err();
        assert!(
            e.to_string().contains("'agee' is not one of the features"),
            "{e}"
        );
        assert_eq!(e.hint(), Some("did you mean 'age'?"));
    }

    #[test]
    fn both_directions_refused() {
        let f = ExplainSection {
            increase_only: Some(vec!["t".into()]),
            decrease_only: Some(vec!["t".into()]),
            ..Default::default()
        };
        assert!(check(&f, Some(&["t".to_string()])).is_err());
        let d = check(&ExplainSection::default(), None).unwrap();
        assert_eq!((d.neighbours, d.max_candidates), (50, 20_000));
    }
}
