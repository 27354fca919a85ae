//! One worker's explanation on the model itself (for `candor explain --model`): the model's
//! output for the worker, the exact Shapley value of each input, and a counterfactual
//! verified on the model. Codes and numbers only; `explain::onnx` puts them into words.

use serde::Serialize;

use super::shapley::{
    Direction, Grid, MAX_EXACT, ModelCounterfactual, background, counterfactual, grid, shapley,
};
use super::{ColumnData, Model, Prediction};
use crate::data::ModelData;
use crate::error::Result;
use crate::spec::ModelOutput;

/// Background workers for the Shapley values (seeded sample).
pub const BACKGROUND: usize = 50;

/// One input's value for the worker and its Shapley value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelFactor {
    pub column: String,
    /// The worker's value as text.
    pub value: String,
    /// None when Shapley values were not computed (see `shapley_note`).
    pub shapley: Option<f64>,
}

/// The explanation on the model itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelExplanation {
    pub file: String,
    pub sha256: String,
    /// 1: the explanation is of the model itself, not of a stand-in.
    pub fidelity: f64,
    pub output: ModelOutput,
    pub output_name: String,
    /// The model's output for the worker, and whether its decision is the positive one.
    pub value: f64,
    pub positive: bool,
    /// Whether the recorded decision equals the model's (None without a recorded decision).
    pub recorded_agrees: Option<bool>,
    /// Whether the model's decision is adverse to the worker.
    pub adverse: bool,
    pub factors: Vec<ModelFactor>,
    /// The mean output over the background (the Shapley values add up to value - baseline).
    pub baseline: Option<f64>,
    pub background: usize,
    pub seed: u64,
    /// `too_many_inputs` when the model has more than 12 inputs (no exact values).
    pub shapley_note: Option<String>,
    pub counterfactual: Option<ModelCounterfactual>,
    /// `not_adverse` or `none_found` when there is no counterfactual.
    pub counterfactual_note: Option<String>,
}

/// Settings for [`WorkerExplainer::new`].
pub struct WorkerSettings<'a> {
    /// Inputs not to change in a counterfactual: flagged by the screening, protected
    /// attributes, immutable.
    pub fixed: &'a [String],
    pub increase_only: &'a [String],
    pub decrease_only: &'a [String],
    pub positive_is_favorable: bool,
    pub seed: u64,
}

/// Everything computed once for all workers.
pub struct WorkerExplainer {
    model: Model,
    cols: Vec<ColumnData>,
    recorded: Option<Vec<bool>>,
    base: Prediction,
    background: Vec<usize>,
    grid: Grid,
    movable: Vec<Direction>,
    positive_is_favorable: bool,
    seed: u64,
}

impl WorkerExplainer {
    /// Runs the model on every worker once and prepares the background and the search grid.
    pub fn new(model: Model, data: ModelData, s: &WorkerSettings) -> Result<Self> {
        let refs: Vec<&ColumnData> = data.columns.iter().collect();
        model.check_columns(&refs)?;
        let base = model.predict(&refs)?;
        let n = base.positive.len();
        let movable = model
            .columns()
            .iter()
            .map(|c| {
                if s.fixed.contains(c) {
                    Direction::No
                } else if s.increase_only.contains(c) {
                    Direction::Up
                } else if s.decrease_only.contains(c) {
                    Direction::Down
                } else {
                    Direction::Any
                }
            })
            .collect();
        Ok(Self {
            grid: grid(&data.columns),
            background: background(n, BACKGROUND, s.seed),
            cols: data.columns,
            recorded: data.decision,
            base,
            movable,
            positive_is_favorable: s.positive_is_favorable,
            seed: s.seed,
            model,
        })
    }

    /// The explanation of worker `r` (a row of the table).
    pub fn explain(&self, r: usize) -> Result<ModelExplanation> {
        let positive = self.base.positive[r];
        let adverse = positive != self.positive_is_favorable;
        let d = self.cols.len();
        let sv = shapley(&self.model, &self.cols, r, &self.background)?;
        let factors = self
            .model
            .columns()
            .iter()
            .enumerate()
            .map(|(j, c)| ModelFactor {
                column: c.clone(),
                value: match &self.cols[j] {
                    ColumnData::Num(v) if v[r].is_finite() => format!("{}", v[r]),
                    ColumnData::Num(_) => String::new(),
                    ColumnData::Text(v) => v[r].clone(),
                },
                shapley: sv.as_ref().map(|s| s.phi[j]),
            })
            .collect();
        let (cf, cf_note) = if adverse {
            let cf = counterfactual(
                &self.model,
                &self.cols,
                r,
                &self.movable,
                &self.grid,
                self.positive_is_favorable,
            )?;
            let note = cf.is_none().then(|| "none_found".to_string());
            (cf, note)
        } else {
            (None, Some("not_adverse".to_string()))
        };
        Ok(ModelExplanation {
            file: self.model.info.file.clone(),
            sha256: self.model.info.sha256.clone(),
            fidelity: 1.0,
            output: self.model.spec.output,
            output_name: self.model.info.output_name.clone(),
            value: self.base.value[r],
            positive,
            recorded_agrees: self.recorded.as_ref().map(|d| d[r] == positive),
            adverse,
            factors,
            baseline: sv.as_ref().map(|s| s.baseline),
            background: self.background.len(),
            seed: self.seed,
            shapley_note: (d > MAX_EXACT).then(|| "too_many_inputs".to_string()),
            counterfactual: cf,
            counterfactual_note: cf_note,
        })
    }
}
