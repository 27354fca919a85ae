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

/// Exact Shapley values on the logistic-regression fixture equal the brute-force enumeration
/// stored by scripts/make_models.py (Python onnxruntime, same background rows 100..119), and
/// add up to f(x) - E f (efficiency).
#[test]
fn shapley_values_equal_the_brute_force_and_add_up() {
    if !ort_or_skip("shapley_values_equal_the_brute_force_and_add_up") {
        return;
    }
    let e = expected("lr_pipeline");
    // The table's first 120 rows, as the script read them (rows 0..8 are stored; the others
    // come from the demo data).
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("datasets/warehouse.csv"),
    )
    .unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let inputs: Vec<String> = e["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let idx: Vec<usize> = inputs
        .iter()
        .map(|c| header.iter().position(|h| h == c).unwrap())
        .collect();
    let rows: Vec<Vec<f64>> = lines
        .take(120)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            idx.iter().map(|&i| f[i].parse::<f64>().unwrap()).collect()
        })
        .collect();
    let cols: Vec<ColumnData> = (0..inputs.len())
        .map(|j| ColumnData::Num(rows.iter().map(|r| r[j]).collect()))
        .collect();
    let model = Model::open(&spec_for("lr_pipeline", "probability")).unwrap();
    let s = &e["shapley"];
    let bg: Vec<usize> = s["background_rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as usize)
        .collect();
    for w in s["workers"].as_array().unwrap() {
        let r = w["row"].as_u64().unwrap() as usize;
        let got = shapley::shapley(&model, &cols, r, &bg).unwrap().unwrap();
        let sum: f64 = got.phi.iter().sum();
        assert!(
            (sum - (got.value - got.baseline)).abs() < 1e-9,
            "efficiency {sum}"
        );
        assert!((got.value - w["f_x"].as_f64().unwrap()).abs() < 1e-9);
        assert!((got.baseline - w["baseline"].as_f64().unwrap()).abs() < 1e-9);
        for (k, want) in w["phi"].as_array().unwrap().iter().enumerate() {
            let want = want.as_f64().unwrap();
            assert!(
                (got.phi[k] - want).abs() < 1e-9,
                "row {r} input {k}: {} vs brute force {want}",
                got.phi[k]
            );
        }
    }
    // Every counterfactual found flips the model's decision (checked on the model).
    let grid = shapley::grid(&cols);
    let movable = vec![shapley::Direction::Any; inputs.len()];
    let base = model
        .predict(&cols.iter().collect::<Vec<_>>())
        .unwrap()
        .positive;
    let mut found = 0;
    for r in 0..120 {
        if let Some(cf) =
            shapley::counterfactual(&model, &cols, r, &movable, &grid, !base[r]).unwrap()
        {
            assert!(cf.verified, "row {r}");
            let j = inputs
                .iter()
                .position(|c| *c == cf.changes[0].column)
                .unwrap();
            let mut changed = cols.clone();
            if let ColumnData::Num(v) = &mut changed[j] {
                v[r] = cf.changes[0].to;
            }
            let again = model
                .predict(&changed.iter().collect::<Vec<_>>())
                .unwrap()
                .positive;
            assert_ne!(again[r], base[r], "row {r}: the decision did not flip");
            found += 1;
        }
    }
    assert!(
        found > 60,
        "only {found} of 120 workers got a counterfactual"
    );
}
