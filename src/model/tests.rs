//! Tests on the fixture models (tests/fixtures/models, made by scripts/make_models.py): the
//! outputs Candor reads equal those the Python onnxruntime stored beside each model.

use std::path::PathBuf;

use super::*;
use crate::spec::{ModelSection, ModelSpec};

/// The ONNX Runtime library, found as Candor finds it. Outside CI a test without it prints
/// SKIPPED with the reason; with CANDOR_REQUIRE_ORT=1 (set by .ci/run) it fails instead.
pub(crate) fn ort_or_skip(test: &str) -> bool {
    match runtime::find_library() {
        Ok(_) => true,
        Err(e) => {
            assert!(
                std::env::var_os("CANDOR_REQUIRE_ORT").is_none(),
                "{test}: ONNX Runtime is required here (CANDOR_REQUIRE_ORT) but: {e}"
            );
            #[allow(clippy::print_stderr)]
            {
                eprintln!("SKIPPED {test}: {e} (hint: {})", e.hint().unwrap_or(""));
            }
            false
        }
    }
}

pub(crate) fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/models")
        .join(name)
}

pub(crate) fn expected(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(fixture(&format!("{name}.expected.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

pub(crate) fn spec_for(name: &str, output: &str) -> ModelSpec {
    let e = expected(name);
    let inputs: Vec<String> = e["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let section = ModelSection {
        file: Some(fixture(&format!("{name}.onnx"))),
        inputs: Some(inputs),
        output: Some(output.into()),
        ..ModelSection::default()
    };
    crate::spec::check_model(&section).unwrap().unwrap()
}

/// The stored rows as columns.
pub(crate) fn stored_rows(e: &serde_json::Value) -> Vec<ColumnData> {
    let rows = e["rows"].as_array().unwrap();
    let width = e["inputs"].as_array().unwrap().len();
    (0..width)
        .map(|j| {
            ColumnData::Num(
                rows.iter()
                    .map(|r| r["values"][j].as_f64().unwrap())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn predictions_equal_the_python_runtime() {
    if !ort_or_skip("predictions_equal_the_python_runtime") {
        return;
    }
    for name in ["lr_pipeline", "lr_nosick", "forest", "lgbm"] {
        let e = expected(name);
        let cols = stored_rows(&e);
        let refs: Vec<&ColumnData> = cols.iter().collect();
        let prob = Model::open(&spec_for(name, "probability")).unwrap();
        prob.check_columns(&refs).unwrap();
        let p = prob.predict(&refs).unwrap();
        let label = Model::open(&spec_for(name, "label")).unwrap();
        let l = label.predict(&refs).unwrap();
        for (i, row) in e["rows"].as_array().unwrap().iter().enumerate() {
            let want = row["probability"].as_f64().unwrap();
            assert!(
                (p.value[i] - want).abs() < 1e-6,
                "{name} row {i}: probability {} vs Python {want}",
                p.value[i]
            );
            // The conversion is faithful: scikit-learn's / LightGBM's own probability.
            let own = row["own_probability"].as_f64().unwrap();
            assert!((p.value[i] - own).abs() < 1e-5, "{name} row {i}: {own}");
            assert_eq!(
                l.positive[i],
                row["label"].as_i64().unwrap() == 1,
                "{name} {i}"
            );
        }
    }
}

#[test]
fn a_table_input_without_columns_names_the_input() {
    if !ort_or_skip("a_table_input_without_columns_names_the_input") {
        return;
    }
    let mut spec = spec_for("forest", "label");
    spec.inputs.clear();
    let err = Model::open(&spec).err().unwrap().to_string();
    assert!(
        err.contains("model input 'X' is one table of 10 columns"),
        "{err}"
    );
    spec.inputs = vec!["a".into(), "b".into()];
    let err = Model::open(&spec).err().unwrap().to_string();
    assert!(
        err.contains("model input 'X' takes 10 columns, but 2 were given"),
        "{err}"
    );
}
