//! ONNX Runtime, loaded at run time (`ort` with `load-dynamic`): finding the library, opening
//! a model, and running it on batches of rows.
//!
//! The library is looked for, in order: the file `ORT_DYLIB_PATH` names; the
//! `onnxruntime/capi/` folder of a `pip install onnxruntime` in the active virtual environment
//! (`VIRTUAL_ENV`); the same folder of the `python3` on the `PATH` (asked with
//! `python3 -c "import onnxruntime"`). Nothing else is tried: a missing library is an error
//! (exit 2) with that hint, never a hang or a panic.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use ort::environment::Environment;
use ort::session::Session;
use ort::value::{TensorElementType, ValueType};

use crate::error::{Error, Result};

/// The ONNX Runtime version this build needs at least (the `api-24` feature of `ort`).
pub const MIN_VERSION: &str = "1.24";
/// The version CI and the fixture script install (`pip install onnxruntime==...`).
pub const PINNED_VERSION: &str = "1.24.4";

fn hint() -> String {
    format!(
        "install ONNX Runtime with `pip install onnxruntime=={PINNED_VERSION}` (any version >= \
         {MIN_VERSION}) and set ORT_DYLIB_PATH to the libonnxruntime.so.* file in its \
         onnxruntime/capi/ folder (or run Candor inside that virtual environment); see \
         docs/model.md"
    )
}

/// The library file in a pip install's `onnxruntime/capi/` folder, if any.
fn in_capi(capi: &Path) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(capi)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("libonnxruntime.so") || n == "libonnxruntime.dylib")
        })
        .collect();
    found.sort();
    found.into_iter().next()
}

fn in_venv(venv: &Path) -> Option<PathBuf> {
    let lib = venv.join("lib");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&lib)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("python"))
        })
        .collect();
    dirs.sort();
    dirs.iter()
        .find_map(|d| in_capi(&d.join("site-packages").join("onnxruntime").join("capi")))
}

fn from_python() -> Option<PathBuf> {
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import os, onnxruntime; print(os.path.dirname(onnxruntime.__file__))",
        ])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let dir = String::from_utf8(out.stdout).ok()?;
    in_capi(&Path::new(dir.trim()).join("capi"))
}

/// Finds the ONNX Runtime library (see the module documentation for the order).
pub fn find_library() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("ORT_DYLIB_PATH").filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        if p.is_file() {
            return Ok(p);
        }
        return Err(Error::Read {
            path: p,
            reason: "ORT_DYLIB_PATH names no file (the ONNX Runtime library)".into(),
            hint: Some(hint()),
        });
    }
    if let Some(p) = std::env::var_os("VIRTUAL_ENV").and_then(|v| in_venv(Path::new(&v))) {
        return Ok(p);
    }
    from_python().ok_or_else(|| Error::Read {
        path: PathBuf::from("libonnxruntime.so"),
        reason: "ONNX Runtime was not found: ORT_DYLIB_PATH is not set and no `pip install \
                 onnxruntime` was found (VIRTUAL_ENV, python3)"
            .into(),
        hint: Some(hint()),
    })
}

static ENV: OnceLock<std::result::Result<Environment, String>> = OnceLock::new();

/// Loads the library once per process and returns the runtime's environment.
fn environment() -> Result<Environment> {
    let lib = find_library()?;
    let got = ENV.get_or_init(|| {
        let builder = ort::init_from(&lib).map_err(|e| e.to_string())?;
        builder
            .with_name("candor")
            .build()
            .map_err(|e| e.to_string())
    });
    got.clone().map_err(|reason| Error::Read {
        path: lib,
        reason: format!("ONNX Runtime could not be loaded: {reason}"),
        hint: Some(hint()),
    })
}

/// The element type of a model input, as Candor feeds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Elem {
    F32,
    F64,
    I64,
    Text,
}

impl Elem {
    /// Words for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Elem::F32 => "32-bit floats",
            Elem::F64 => "64-bit floats",
            Elem::I64 => "64-bit integers",
            Elem::Text => "text",
        }
    }
}

/// One input of the model as its file declares it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct InputInfo {
    pub name: String,
    pub elem: Elem,
    /// The declared shape (-1 for a free dimension).
    pub shape: Vec<i64>,
}

/// One output as declared.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OutputInfo {
    pub name: String,
    /// `tensor`, `sequence_of_maps` (ZipMap) or `other`.
    pub kind: String,
    /// Element type of a tensor (`float32`, `int64`, `string`, ...).
    pub elem: String,
    pub shape: Vec<i64>,
}

/// An opened model.
pub struct Session1 {
    session: Mutex<Session>,
    pub inputs: Vec<InputInfo>,
    pub outputs: Vec<OutputInfo>,
}

fn elem_of(model: &Path, name: &str, ty: &ValueType) -> Result<(Elem, Vec<i64>)> {
    let bad = |what: String| Error::Data {
        path: model.to_path_buf(),
        message: format!("model input '{name}' takes {what}, which Candor cannot feed"),
        hint: Some("Candor feeds tensors of floats, 64-bit integers or text".into()),
    };
    match ty {
        ValueType::Tensor { ty, shape, .. } => {
            let e = match ty {
                TensorElementType::Float32 => Elem::F32,
                TensorElementType::Float64 => Elem::F64,
                TensorElementType::Int64 => Elem::I64,
                TensorElementType::String => Elem::Text,
                other => return Err(bad(format!("a tensor of {other}"))),
            };
            Ok((e, shape.to_vec()))
        }
        other => Err(bad(format!("{other:?}"))),
    }
}

fn output_info(o: &ort::value::Outlet) -> OutputInfo {
    let (kind, elem, shape) = match o.dtype() {
        ValueType::Tensor { ty, shape, .. } => ("tensor", ty.to_string(), shape.to_vec()),
        ValueType::Sequence(inner) if inner.is_map() => ("sequence_of_maps", String::new(), vec![]),
        _ => ("other", String::new(), vec![]),
    };
    OutputInfo {
        name: o.name().to_string(),
        kind: kind.into(),
        elem,
        shape,
    }
}

impl Session1 {
    /// Opens an ONNX file (loading ONNX Runtime first).
    pub fn open(path: &Path) -> Result<Self> {
        crate::inputs::check_regular(path, "check the path given to --model")?;
        let env = environment()?;
        let model_error = |e: ort::Error| Error::Data {
            path: path.to_path_buf(),
            message: format!("ONNX Runtime cannot open the model: {e}"),
            hint: Some(
                "give an ONNX file exported by skl2onnx, onnxmltools, torch.onnx or tf2onnx \
                 (docs/model.md)"
                    .into(),
            ),
        };
        let session = Session::builder(&env)
            .map_err(model_error)?
            .commit_from_file(path)
            .map_err(model_error)?;
        let inputs = session
            .inputs()
            .iter()
            .map(|i| {
                let (elem, shape) = elem_of(path, i.name(), i.dtype())?;
                Ok(InputInfo {
                    name: i.name().to_string(),
                    elem,
                    shape,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let outputs = session.outputs().iter().map(output_info).collect();
        Ok(Self {
            session: Mutex::new(session),
            inputs,
            outputs,
        })
    }

    /// Runs the model on named input tensors and returns the one output named `output` (the
    /// others are not computed, so a ZipMap beside a label costs nothing).
    pub fn run(&self, path: &Path, feeds: Vec<(String, Feed)>, output: &str) -> Result<Out> {
        let run_error = |e: String| Error::Data {
            path: path.to_path_buf(),
            message: format!("ONNX Runtime failed to run the model: {e}"),
            hint: Some("check the model's inputs against the columns given (docs/model.md)".into()),
        };
        let mut values: Vec<(String, ort::session::SessionInputValue<'static>)> = Vec::new();
        for (name, feed) in feeds {
            let v: ort::session::SessionInputValue<'static> = match feed {
                Feed::F32(shape, d) => ort::value::Tensor::from_array((shape, d))
                    .map_err(|e| run_error(e.to_string()))?
                    .into(),
                Feed::F64(shape, d) => ort::value::Tensor::from_array((shape, d))
                    .map_err(|e| run_error(e.to_string()))?
                    .into(),
                Feed::I64(shape, d) => ort::value::Tensor::from_array((shape, d))
                    .map_err(|e| run_error(e.to_string()))?
                    .into(),
                Feed::Text(shape, d) => ort::value::Tensor::from_string_array((shape, &d[..]))
                    .map_err(|e| run_error(e.to_string()))?
                    .into(),
            };
            values.push((name, v));
        }
        let options = ort::session::RunOptions::new()
            .map_err(|e| run_error(e.to_string()))?
            .with_outputs(ort::session::OutputSelector::no_default().with(output));
        let mut session = self
            .session
            .lock()
            .map_err(|_| run_error("a previous run failed".into()))?;
        let outputs = session
            .run_with_options(values, &options)
            .map_err(|e| run_error(e.to_string()))?;
        match outputs.get(output) {
            Some(v) => read_out(&v.view()).map_err(run_error),
            None => Err(run_error(format!(
                "the runtime returned no output '{output}'"
            ))),
        }
    }
}

/// One input tensor: its shape and row-major data.
pub enum Feed {
    F32(Vec<i64>, Vec<f32>),
    F64(Vec<i64>, Vec<f64>),
    I64(Vec<i64>, Vec<i64>),
    Text(Vec<i64>, Vec<String>),
}

/// One output, read into plain Rust.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    /// A numeric tensor (any numeric element type, as f64) with its shape.
    Numbers(Vec<i64>, Vec<f64>),
    /// A text tensor.
    Texts(Vec<i64>, Vec<String>),
    /// A sequence of maps (ZipMap): per row, (class as text, probability).
    Maps(Vec<Vec<(String, f64)>>),
    /// Anything else (not read).
    Other,
}

fn read_out(v: &ort::value::DynValueRef<'_>) -> std::result::Result<Out, String> {
    use ort::value::{DynMapValueType, TensorElementType as T};
    match v.dtype() {
        ValueType::Tensor { ty, .. } => {
            macro_rules! nums {
                ($t:ty) => {{
                    let (shape, d) = v.try_extract_tensor::<$t>().map_err(|e| e.to_string())?;
                    Ok(Out::Numbers(
                        shape.to_vec(),
                        d.iter().map(|&x| x as f64).collect(),
                    ))
                }};
            }
            match ty {
                T::Float32 => nums!(f32),
                T::Float64 => nums!(f64),
                T::Int64 => nums!(i64),
                T::Int32 => nums!(i32),
                T::Bool => {
                    let (shape, d) = v.try_extract_tensor::<bool>().map_err(|e| e.to_string())?;
                    Ok(Out::Numbers(
                        shape.to_vec(),
                        d.iter().map(|&x| if x { 1.0 } else { 0.0 }).collect(),
                    ))
                }
                T::String => {
                    let (shape, d) = v.try_extract_strings().map_err(|e| e.to_string())?;
                    Ok(Out::Texts(shape.to_vec(), d))
                }
                _ => Ok(Out::Other),
            }
        }
        ValueType::Sequence(inner) if inner.is_map() => {
            let seq = v
                .try_extract_sequence::<DynMapValueType>()
                .map_err(|e| e.to_string())?;
            let mut rows = Vec::with_capacity(seq.len());
            for m in &seq {
                let row: Vec<(String, f64)> = match m.dtype() {
                    ValueType::Map { key: T::Int64, .. } => m
                        .try_extract_key_values::<i64, f32>()
                        .map_err(|e| e.to_string())?
                        .into_iter()
                        .map(|(k, p)| (k.to_string(), f64::from(p)))
                        .collect(),
                    ValueType::Map { key: T::String, .. } => m
                        .try_extract_key_values::<String, f32>()
                        .map_err(|e| e.to_string())?
                        .into_iter()
                        .map(|(k, p)| (k, f64::from(p)))
                        .collect(),
                    other => return Err(format!("a ZipMap of {other:?} cannot be read")),
                };
                rows.push(row);
            }
            Ok(Out::Maps(rows))
        }
        _ => Ok(Out::Other),
    }
}
