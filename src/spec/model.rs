//! The `[model]` section (and `--model`, `--model-inputs`, `--model-output`): the model
//! handed over as an ONNX file, how the table's columns feed it and which output to read.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The `[model]` section as written.
#[derive(Debug, Default, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ModelSection {
    /// The ONNX file.
    pub file: Option<PathBuf>,
    /// For a model with one 2-D input: the table's columns, in the model's column order.
    pub inputs: Option<Vec<String>>,
    /// For a model with named inputs: model input name = table column (default: same name).
    pub mapping: Option<BTreeMap<String, String>>,
    /// Which output decides: `label`, `probability` (of the positive class) or `score`.
    pub output: Option<String>,
    /// The model's class that is the positive decision (default "1").
    pub positive_class: Option<String>,
    /// For `probability` and `score`: the decision is positive at or above this (default 0.5).
    pub threshold: Option<f64>,
    /// Share of rows the model may fail to reproduce before it is a finding (default 0.01).
    pub tolerance: Option<f64>,
    /// Largest difference between the model's score and the recorded score counted as equal
    /// (default 1e-6).
    pub score_tolerance: Option<f64>,
    /// How a flip test neutralises an input: `median`, `permute` or `reference`.
    pub neutral: Option<String>,
}

/// Which model output is the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelOutput {
    /// The predicted class (`output_label` for scikit-learn classifiers).
    Label,
    /// The probability of the positive class (a ZipMap or an N x classes tensor).
    Probability,
    /// A single number per row (a regressor or a decision score).
    Score,
}

/// How a flip test neutralises an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Neutral {
    /// Every worker gets the median of the workers outside their group (for an input with no
    /// group: the median of all workers).
    Median,
    /// The column is shuffled across workers with the audit's seed.
    Permute,
    /// Every worker gets each value the reference group holds, in turn (the decision counts
    /// as changed when any of them changes it).
    Reference,
}

/// The validated model description.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelSpec {
    /// The file (in audit.json: the SHA-256 of its content, see `audit::portable`).
    pub file: PathBuf,
    pub inputs: Vec<String>,
    pub mapping: BTreeMap<String, String>,
    pub output: ModelOutput,
    pub positive_class: String,
    pub threshold: f64,
    pub tolerance: f64,
    pub score_tolerance: f64,
    pub neutral: Neutral,
}

impl ModelSpec {
    /// Every table column the model reads (inputs, then mapped columns), without repeats.
    pub fn columns(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for c in self.inputs.iter().chain(self.mapping.values()) {
            if !out.contains(c) {
                out.push(c.clone());
            }
        }
        out
    }
}

/// Validates the section; `None` when no model file is given.
pub fn check(m: &ModelSection) -> Result<Option<ModelSpec>> {
    let Some(file) = &m.file else {
        let set = m.inputs.is_some() || m.mapping.is_some() || m.output.is_some();
        if set {
            return Err(Error::spec(
                "model.file (--model)",
                "model settings are given but no model file",
                Some("give the ONNX file with --model FILE.onnx or [model] file".into()),
            ));
        }
        return Ok(None);
    };
    let output = match m.output.as_deref().unwrap_or("label") {
        "label" => ModelOutput::Label,
        "probability" => ModelOutput::Probability,
        "score" => ModelOutput::Score,
        other => {
            return Err(Error::spec(
                "model.output (--model-output)",
                format!("'{other}' is not an output kind"),
                Some("write label, probability or score".into()),
            ));
        }
    };
    let neutral = match m.neutral.as_deref().unwrap_or("median") {
        "median" => Neutral::Median,
        "permute" => Neutral::Permute,
        "reference" => Neutral::Reference,
        other => {
            return Err(Error::spec(
                "model.neutral",
                format!("'{other}' is not a neutralisation"),
                Some("write median, permute or reference".into()),
            ));
        }
    };
    let share = |key: &str, v: Option<f64>, default: f64| -> Result<f64> {
        let v = v.unwrap_or(default);
        if !(v.is_finite() && (0.0..=1.0).contains(&v)) {
            return Err(Error::spec(
                format!("model.{key}"),
                format!("{v} is not a number between 0 and 1"),
                None,
            ));
        }
        Ok(v)
    };
    let threshold = m.threshold.unwrap_or(0.5);
    if !threshold.is_finite() {
        return Err(Error::spec(
            "model.threshold",
            "the threshold is not a finite number",
            None,
        ));
    }
    let score_tolerance = m.score_tolerance.unwrap_or(1e-6);
    if !(score_tolerance.is_finite() && score_tolerance >= 0.0) {
        return Err(Error::spec(
            "model.score_tolerance",
            "the tolerance is not a finite number >= 0",
            None,
        ));
    }
    Ok(Some(ModelSpec {
        file: file.clone(),
        inputs: m.inputs.clone().unwrap_or_default(),
        mapping: m.mapping.clone().unwrap_or_default(),
        output,
        positive_class: m.positive_class.clone().unwrap_or_else(|| "1".into()),
        threshold,
        tolerance: share("tolerance", m.tolerance, 0.01)?,
        score_tolerance,
        neutral,
    }))
}
