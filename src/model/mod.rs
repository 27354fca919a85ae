//! The model handed over (issue 12): an ONNX file run with ONNX Runtime, fed from the table's
//! columns, checked against the recorded decisions and probed (flip tests, exact explanations).
//!
//! No polars here: the data layer hands the model's columns over as plain vectors
//! ([`ColumnData`]); everything here works on them.

pub mod agreement;
pub mod flip;
mod probe;
pub mod runtime;
pub mod shapley;
pub mod worker;

pub use probe::{Probe, ProbeInput, ScreenedInput, probe, screened_inputs};

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::spec::{ModelOutput, ModelSpec};
use runtime::{Elem, Feed, InputInfo, Out, OutputInfo, Session1};

/// Rows per call of the runtime: large enough that the call overhead vanishes, small enough
/// that a batch of ten f32 inputs stays in a few MB.
pub const BATCH: usize = 65_536;

pub use crate::data::columns::ColumnData;

/// How the table reaches the model's inputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Layout {
    /// One 2-D input: the columns side by side, in this order.
    Matrix { input: String, elem: Elem },
    /// Named inputs, one column each (`feeds[i]` is fed by column `i`).
    Named { inputs: Vec<(String, Elem)> },
}

/// What the model says about a batch of rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prediction {
    /// The model's decision is the positive one.
    pub positive: Vec<bool>,
    /// The output read: the probability of the positive class, the score, or the label as a
    /// number (1 for the positive class, 0 otherwise).
    pub value: Vec<f64>,
}

/// What the report says about the model: its file, hash, inputs and the output read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelInfo {
    pub file: String,
    pub sha256: String,
    pub inputs: Vec<InputInfo>,
    pub outputs: Vec<OutputInfo>,
    /// The table's columns the model reads, in feeding order.
    pub columns: Vec<String>,
    pub output: ModelOutput,
    /// The name of the output read.
    pub output_name: String,
}

/// An opened model with its mapping to the table.
pub struct Model {
    pub spec: ModelSpec,
    pub path: PathBuf,
    pub info: ModelInfo,
    pub layout: Layout,
    session: Session1,
}

fn mismatch(path: &Path, message: String, hint: &str) -> Error {
    Error::Data {
        path: path.to_path_buf(),
        message,
        hint: Some(hint.to_string()),
    }
}

fn layout(path: &Path, spec: &ModelSpec, inputs: &[InputInfo]) -> Result<(Layout, Vec<String>)> {
    if let [one] = inputs
        && one.shape.len() == 2
        && one.shape[1] != 1
    {
        if spec.inputs.is_empty() {
            return Err(mismatch(
                path,
                format!(
                    "model input '{}' is one table of {} columns; Candor needs to know which \
                     column of the data goes where",
                    one.name,
                    width(one.shape[1])
                ),
                "give the data's columns in the model's order with --model-inputs a,b,c \
                 ([model] inputs)",
            ));
        }
        if one.shape[1] > 0 && one.shape[1] as usize != spec.inputs.len() {
            return Err(mismatch(
                path,
                format!(
                    "model input '{}' takes {} columns, but {} were given ({})",
                    one.name,
                    one.shape[1],
                    spec.inputs.len(),
                    spec.inputs.join(", ")
                ),
                "list exactly the columns the model was trained on, in its order \
                 (--model-inputs)",
            ));
        }
        return Ok((
            Layout::Matrix {
                input: one.name.clone(),
                elem: one.elem,
            },
            spec.inputs.clone(),
        ));
    }
    if !spec.inputs.is_empty() {
        return Err(mismatch(
            path,
            format!(
                "the model has {} named inputs ({}), not one table: --model-inputs does not apply",
                inputs.len(),
                inputs
                    .iter()
                    .map(|i| i.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            "map named inputs to columns in the spec: [model] mapping = { input = \"column\" } \
             (an input without a mapping takes the column of its own name)",
        ));
    }
    for key in spec.mapping.keys() {
        if !inputs.iter().any(|i| &i.name == key) {
            return Err(mismatch(
                path,
                format!("[model] mapping names '{key}', which is not an input of the model"),
                &format!(
                    "the model's inputs are: {}",
                    inputs
                        .iter()
                        .map(|i| i.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    let mut named = Vec::new();
    let mut columns = Vec::new();
    for i in inputs {
        let ok = match i.shape.as_slice() {
            [_] => true,
            [_, w] => *w == 1 || *w < 0,
            _ => false,
        };
        if !ok {
            return Err(mismatch(
                path,
                format!(
                    "model input '{}' has shape {:?}; Candor feeds one column per named input \
                     (shape [N] or [N, 1])",
                    i.name, i.shape
                ),
                "export the model with one input per column, or with one 2-D input \
                 (docs/model.md)",
            ));
        }
        named.push((i.name.clone(), i.elem));
        columns.push(
            spec.mapping
                .get(&i.name)
                .cloned()
                .unwrap_or_else(|| i.name.clone()),
        );
    }
    Ok((Layout::Named { inputs: named }, columns))
}

/// A number as a class name: whole numbers without a decimal point (`1`, not `1.0`).
fn number_text(x: f64) -> String {
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        x.to_string()
    }
}

fn width(w: i64) -> String {
    if w > 0 { w.to_string() } else { "some".into() }
}

fn pick_output(path: &Path, spec: &ModelSpec, outputs: &[OutputInfo]) -> Result<usize> {
    let named = |word: &str| {
        outputs
            .iter()
            .position(|o| o.name.to_lowercase().contains(word))
    };
    let float = |o: &OutputInfo| o.kind == "tensor" && o.elem.starts_with("f");
    let found = match spec.output {
        ModelOutput::Label => named("label").or(if outputs.is_empty() { None } else { Some(0) }),
        ModelOutput::Probability => outputs
            .iter()
            .position(|o| o.kind == "sequence_of_maps")
            .or_else(|| named("prob").filter(|&i| float(&outputs[i])))
            .or_else(|| {
                outputs
                    .iter()
                    .position(|o| float(o) && !o.name.contains("label"))
            }),
        ModelOutput::Score => outputs.iter().position(float),
    };
    found.ok_or_else(|| {
        mismatch(
            path,
            format!(
                "the model has no output that gives the {} (outputs: {})",
                match spec.output {
                    ModelOutput::Label => "label",
                    ModelOutput::Probability => "probability of the positive class",
                    ModelOutput::Score => "score",
                },
                outputs
                    .iter()
                    .map(|o| format!("{} ({})", o.name, o.kind))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            "choose another output with --model-output label|probability|score",
        )
    })
}

impl Model {
    /// Opens the model the spec names and maps its inputs to table columns (the columns are
    /// checked against the data later, by [`Model::check_columns`]).
    pub fn open(spec: &ModelSpec) -> Result<Self> {
        let path = spec.file.clone();
        let bytes = std::fs::read(&path).map_err(|e| Error::Read {
            path: path.clone(),
            reason: e.to_string(),
            hint: Some("check the path given to --model".into()),
        })?;
        let session = Session1::open(&path)?;
        let (layout, columns) = layout(&path, spec, &session.inputs)?;
        let output_index = pick_output(&path, spec, &session.outputs)?;
        let info = ModelInfo {
            file: path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into(),
            ),
            sha256: crate::data::sha256_hex(&bytes),
            inputs: session.inputs.clone(),
            outputs: session.outputs.clone(),
            columns,
            output: spec.output,
            output_name: session.outputs[output_index].name.clone(),
        };
        Ok(Self {
            spec: spec.clone(),
            path,
            info,
            layout,
            session,
        })
    }

    /// The table's columns the model reads, in feeding order.
    pub fn columns(&self) -> &[String] {
        &self.info.columns
    }

    /// Checks the columns' kinds against the inputs (text for a text input, numbers for a
    /// numeric one); the error names the model input, the column and what was expected.
    pub fn check_columns(&self, cols: &[&ColumnData]) -> Result<()> {
        for (k, c) in cols.iter().enumerate() {
            let (input, elem) = match &self.layout {
                Layout::Matrix { input, elem } => (input.as_str(), *elem),
                Layout::Named { inputs } => (inputs[k].0.as_str(), inputs[k].1),
            };
            let column = &self.info.columns[k];
            match (elem, c) {
                (Elem::Text, ColumnData::Num(_))
                    if matches!(self.layout, Layout::Matrix { .. }) => {}
                (Elem::Text, _) | (_, ColumnData::Num(_)) => {}
                (e, ColumnData::Text(_)) => {
                    return Err(Error::Column {
                        path: self.path.clone(),
                        column: column.clone(),
                        role: format!("model input '{input}'"),
                        message: format!(
                            "the model input expects {}, but the column holds text",
                            e.describe()
                        ),
                        hint: Some(
                            "encode the column as the model was trained (numbers), or export \
                             the model with its encoder (docs/model.md)"
                                .into(),
                        ),
                    });
                }
            }
            if let (Elem::I64, ColumnData::Num(v)) = (elem, c)
                && let Some(x) = v.iter().find(|x| !x.is_finite() || x.fract() != 0.0)
            {
                return Err(Error::Column {
                    path: self.path.clone(),
                    column: column.clone(),
                    role: format!("model input '{input}'"),
                    message: format!(
                        "the model input expects whole numbers, but the column holds {}",
                        if x.is_nan() {
                            "a missing value".to_string()
                        } else {
                            x.to_string()
                        }
                    ),
                    hint: Some("fill or drop the missing values (--where)".into()),
                });
            }
        }
        Ok(())
    }

    /// Runs the model on every row of `cols` (one entry per column of [`Model::columns`]), in
    /// batches of [`BATCH`] rows.
    pub fn predict(&self, cols: &[&ColumnData]) -> Result<Prediction> {
        let n = cols.first().map_or(0, |c| c.len());
        let mut out = Prediction {
            positive: Vec::with_capacity(n),
            value: Vec::with_capacity(n),
        };
        let mut start = 0;
        while start < n {
            let end = (start + BATCH).min(n);
            let feeds = self.feeds(cols, start, end);
            let got = self
                .session
                .run(&self.path, feeds, &self.info.output_name)?;
            self.read(&got, end - start, &mut out)?;
            start = end;
        }
        Ok(out)
    }

    fn feeds(&self, cols: &[&ColumnData], start: usize, end: usize) -> Vec<(String, Feed)> {
        let rows = end - start;
        let num = |c: &ColumnData, r: usize| match c {
            ColumnData::Num(v) => v[r],
            ColumnData::Text(v) => v[r].parse::<f64>().unwrap_or(f64::NAN),
        };
        let text = |c: &ColumnData, r: usize| match c {
            ColumnData::Num(v) => number_text(v[r]),
            ColumnData::Text(v) => v[r].clone(),
        };
        let fill = |elem: Elem, shape: Vec<i64>, which: &[&ColumnData]| -> Feed {
            let w = which.len();
            match elem {
                Elem::F32 => {
                    let mut d = Vec::with_capacity(rows * w);
                    for r in start..end {
                        d.extend(which.iter().map(|c| num(c, r) as f32));
                    }
                    Feed::F32(shape, d)
                }
                Elem::F64 => {
                    let mut d = Vec::with_capacity(rows * w);
                    for r in start..end {
                        d.extend(which.iter().map(|c| num(c, r)));
                    }
                    Feed::F64(shape, d)
                }
                Elem::I64 => {
                    let mut d = Vec::with_capacity(rows * w);
                    for r in start..end {
                        d.extend(which.iter().map(|c| num(c, r) as i64));
                    }
                    Feed::I64(shape, d)
                }
                Elem::Text => {
                    let mut d = Vec::with_capacity(rows * w);
                    for r in start..end {
                        d.extend(which.iter().map(|c| text(c, r)));
                    }
                    Feed::Text(shape, d)
                }
            }
        };
        match &self.layout {
            Layout::Matrix { input, elem } => {
                let shape = vec![rows as i64, cols.len() as i64];
                vec![(input.clone(), fill(*elem, shape, cols))]
            }
            Layout::Named { inputs } => inputs
                .iter()
                .zip(cols)
                .zip(&self.info.inputs)
                .map(|(((name, elem), c), info)| {
                    let shape = if info.shape.len() == 1 {
                        vec![rows as i64]
                    } else {
                        vec![rows as i64, 1]
                    };
                    (name.clone(), fill(*elem, shape, std::slice::from_ref(c)))
                })
                .collect(),
        }
    }

    fn read(&self, out: &Out, rows: usize, into: &mut Prediction) -> Result<()> {
        let positive = &self.spec.positive_class;
        let name = &self.info.output_name;
        let bad = |what: String| {
            mismatch(
                &self.path,
                format!("output '{name}': {what}"),
                "choose another output with --model-output, or check [model] positive_class",
            )
        };
        let class_col = |cols: usize| -> Result<usize> {
            if cols == 1 {
                return Ok(0);
            }
            match positive.parse::<usize>() {
                Ok(k) if k < cols => Ok(k),
                _ => Err(bad(format!(
                    "a table of {cols} class columns; the positive class '{positive}' is not \
                     one of the column numbers 0..{}",
                    cols - 1
                ))),
            }
        };
        let threshold = self.spec.threshold;
        match (self.spec.output, out) {
            (ModelOutput::Label, Out::Numbers(_, d)) => {
                if d.len() != rows {
                    return Err(bad(format!("{} labels for {rows} rows", d.len())));
                }
                for &x in d {
                    let is = number_text(x) == *positive;
                    into.positive.push(is);
                    into.value.push(if is { 1.0 } else { 0.0 });
                }
            }
            (ModelOutput::Label, Out::Texts(_, d)) => {
                if d.len() != rows {
                    return Err(bad(format!("{} labels for {rows} rows", d.len())));
                }
                for x in d {
                    let is = x == positive;
                    into.positive.push(is);
                    into.value.push(if is { 1.0 } else { 0.0 });
                }
            }
            (ModelOutput::Probability | ModelOutput::Score, Out::Maps(m)) => {
                for row in m {
                    let Some(&(_, p)) = row.iter().find(|(k, _)| k == positive) else {
                        return Err(bad(format!(
                            "the positive class '{positive}' is not among the classes {}",
                            row.iter()
                                .map(|(k, _)| k.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )));
                    };
                    into.positive.push(p >= threshold);
                    into.value.push(p);
                }
            }
            (ModelOutput::Probability | ModelOutput::Score, Out::Numbers(_, d)) => {
                if rows == 0 || d.len() % rows != 0 {
                    return Err(bad(format!("{} values for {rows} rows", d.len())));
                }
                let w = d.len() / rows;
                let k = class_col(w)?;
                for r in 0..rows {
                    let p = d[r * w + k];
                    into.positive.push(p >= threshold);
                    into.value.push(p);
                }
            }
            (_, other) => {
                return Err(bad(format!(
                    "cannot be read as the {} ({})",
                    match self.spec.output {
                        ModelOutput::Label => "label",
                        ModelOutput::Probability => "probability",
                        ModelOutput::Score => "score",
                    },
                    match other {
                        Out::Numbers(..) => "numbers",
                        Out::Texts(..) => "text",
                        Out::Maps(_) => "a ZipMap",
                        Out::Other => "an unsupported type",
                    }
                )));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests;
