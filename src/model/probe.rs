//! The model stage: the agreement check first, then the flip tests, as data for the report.

use serde::Serialize;

use super::agreement::{Agreement, AgreementInput, agreement};
use super::flip::{
    FlipInput, FlipReason, FlipTarget, FlipTest, Neutralised, flip_tests, neutralise_all,
};
use super::{Model, ModelInfo};
use crate::data::ModelData;
use crate::error::Result;
use crate::spec::{ModelOutput, Neutral};

/// What the probe found, for audit.json and the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Probe {
    pub model: ModelInfo,
    pub rows: u64,
    /// None when the table has no binary decision to compare with.
    pub agreement: Option<Agreement>,
    pub neutral: Neutral,
    pub flips: Vec<FlipTest>,
    pub neutralised: Option<Neutralised>,
}

/// An input the screening flagged: its column, why, and the attribute it stands in for.
#[derive(Debug, Clone, PartialEq)]
pub struct ScreenedInput {
    pub column: String,
    pub reason: FlipReason,
    pub attribute: Option<String>,
}

/// What the probe reads besides the model.
pub struct ProbeInput<'a> {
    pub data: &'a ModelData,
    /// The screening's restricted inputs and proxies (any column; those the model does not
    /// read are skipped).
    pub screened: &'a [ScreenedInput],
    pub seed: u64,
    pub positive_is_favorable: bool,
    pub confidence: f64,
    pub min_group_size: u64,
    pub min_published: u64,
}

/// Runs the model on every row, checks it against the table, and runs the flip tests.
pub fn probe(model: &Model, p: &ProbeInput) -> Result<Probe> {
    let refs: Vec<&super::ColumnData> = p.data.columns.iter().collect();
    model.check_columns(&refs)?;
    let base = model.predict(&refs)?;
    let attrs = &p.data.attributes;
    let agreement = p.data.decision.as_ref().map(|recorded| {
        let scored = matches!(
            model.spec.output,
            ModelOutput::Score | ModelOutput::Probability
        );
        agreement(&AgreementInput {
            model: &base.positive,
            recorded,
            model_score: scored.then_some(base.value.as_slice()),
            recorded_score: p.data.score.as_deref(),
            attributes: attrs,
            tolerance: model.spec.tolerance,
            score_tolerance: model.spec.score_tolerance,
            confidence: p.confidence,
            min_published: p.min_published,
        })
    });
    let attribute_index = |name: &str| attrs.iter().position(|a| a.name == name);
    let mut targets = Vec::new();
    for (index, column) in model.columns().iter().enumerate() {
        if let Some(a) = attribute_index(column) {
            targets.push(FlipTarget {
                index,
                reason: FlipReason::ProtectedAttribute,
                attribute: Some(a),
            });
        } else if let Some(s) = p.screened.iter().find(|s| &s.column == column) {
            targets.push(FlipTarget {
                index,
                reason: s.reason,
                attribute: s.attribute.as_deref().and_then(attribute_index),
            });
        }
    }
    let input = FlipInput {
        columns: &p.data.columns,
        base: &base,
        attributes: attrs,
        targets: &targets,
        neutral: model.spec.neutral,
        seed: p.seed,
        positive_is_favorable: p.positive_is_favorable,
        confidence: p.confidence,
        min_group_size: p.min_group_size,
        min_published: p.min_published,
    };
    let flips = flip_tests(model, &input)?;
    let neutralised = neutralise_all(model, &input)?;
    Ok(Probe {
        model: model.info.clone(),
        rows: base.positive.len() as u64,
        agreement,
        neutral: model.spec.neutral,
        flips,
        neutralised,
    })
}

/// The screening's findings as flip-test candidates: prohibited inputs, and proxies with the
/// attribute they stand in for (the strongest association).
pub fn screened_inputs(screen: &crate::screen::run::Screen) -> Vec<ScreenedInput> {
    let mut out: Vec<ScreenedInput> = Vec::new();
    for f in &screen.findings {
        if out.iter().any(|s| s.column == f.column) {
            continue;
        }
        let attribute = f.evidence.proxy.first().map(|p| p.attribute.clone());
        let reason = if f.kind == "proxy" {
            FlipReason::Proxy
        } else {
            FlipReason::ProhibitedInput
        };
        out.push(ScreenedInput {
            column: f.column.clone(),
            reason,
            attribute,
        });
    }
    out
}
