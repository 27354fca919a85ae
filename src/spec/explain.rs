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
        }
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
    Ok(ExplainSpec {
        purpose: f.purpose.clone(),
        purpose_zh: f.purpose_zh.clone(),
        immutable,
        increase_only,
        decrease_only,
        neighbours,
        max_candidates,
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
