//! `--model`: the fixture models (tests/fixtures/models, scripts/make_models.py) run on the
//! demo warehouse data; the numbers are compared with those the Python onnxruntime computed
//! and stored beside each model (brute-force flip counts over the whole table, agreement).

use std::path::{Path, PathBuf};

use crate::common::{candor, tmp};

const INPUTS: &str = "tenure_months,units_per_hour,pick_error_rate,safety_incidents,\
training_hours,sick_leave_days,bathroom_break_minutes,after_hours_messages,job_site_visits,\
union_chat_mentions";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// ONNX Runtime found as Candor finds it; SKIPPED with the reason when absent, except under
/// CANDOR_REQUIRE_ORT=1 (set by .ci/run), where its absence fails the test.
pub fn ort(test: &str) -> bool {
    match candor::model::runtime::find_library() {
        Ok(_) => true,
        Err(e) => {
            assert!(
                std::env::var_os("CANDOR_REQUIRE_ORT").is_none(),
                "{test}: ONNX Runtime required (CANDOR_REQUIRE_ORT) but: {e}"
            );
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {e}");
            false
        }
    }
}

fn expected(name: &str) -> serde_json::Value {
    let p = root().join(format!("tests/fixtures/models/{name}.expected.json"));
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn audit_with(model: &str, out: &Path) -> serde_json::Value {
    let o = candor()
        .arg("audit")
        .arg("--spec")
        .arg(root().join("datasets/warehouse.toml"))
        .arg("--model")
        .arg(root().join(format!("tests/fixtures/models/{model}.onnx")))
        .arg("--model-inputs")
        .arg(INPUTS)
        .arg("--format")
        .arg("json")
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_str(&std::fs::read_to_string(out.join("audit.json")).unwrap()).unwrap()
}

/// Flip tests find exactly the inputs each model uses: the counts equal the brute-force
/// counts of the Python runtime, and the model trained without sick leave changes no
/// decision when sick leave is neutralised, while the one trained with it changes 1,323.
#[test]
fn flip_counts_equal_the_python_brute_force() {
    if !ort("flip_counts_equal_the_python_brute_force") {
        return;
    }
    let dir = tmp("model-flips");
    for name in ["lr_pipeline", "lr_nosick", "forest", "lgbm"] {
        let e = expected(name);
        let a = audit_with(name, &dir.join(name));
        let m = &a["model"];
        let agree = m["agreement"]["decision"]["count"].as_u64().unwrap();
        assert_eq!(agree, e["agreement"].as_u64().unwrap(), "{name}: agreement");
        let flips = m["flips"].as_array().unwrap();
        assert!(
            flips.iter().any(|f| f["column"] == "sick_leave_days"),
            "{name}"
        );
        for f in flips {
            let col = f["column"].as_str().unwrap();
            let want = e["flips"][col]["changed"].as_u64().unwrap();
            assert_eq!(
                f["changed"]["count"].as_u64().unwrap(),
                want,
                "{name} {col}"
            );
        }
    }
    let sick = |name: &str| expected(name)["flips"]["sick_leave_days"]["changed"].as_u64();
    assert_eq!(sick("lr_nosick"), Some(0));
    assert_eq!(sick("lr_pipeline"), Some(1323));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A model whose input does not match the columns given: exit 2, naming the input.
#[test]
fn model_inputs_that_do_not_fit_exit_2() {
    if !ort("model_inputs_that_do_not_fit_exit_2") {
        return;
    }
    let dir = tmp("model-misfit");
    let o = candor()
        .arg("audit")
        .arg("--spec")
        .arg(root().join("datasets/warehouse.toml"))
        .arg("--model")
        .arg(root().join("tests/fixtures/models/forest.onnx"))
        .args(["--model-inputs", "tenure_months,units_per_hour"])
        .arg("--out")
        .arg(dir.join("out"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("model input 'X' takes 10 columns, but 2 were given"),
        "{err}"
    );
    assert!(err.contains("hint:"), "{err}");
    assert!(!dir.join("out").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Without the library: exit 2 with the hint to install it (no hang, no panic).
#[test]
fn missing_onnx_runtime_exits_2_with_the_hint() {
    let dir = tmp("model-noort");
    let o = candor()
        .env("ORT_DYLIB_PATH", dir.join("no-such-libonnxruntime.so"))
        .arg("audit")
        .arg("--spec")
        .arg(root().join("datasets/warehouse.toml"))
        .arg("--model")
        .arg(root().join("tests/fixtures/models/forest.onnx"))
        .args(["--model-inputs", INPUTS])
        .arg("--out")
        .arg(dir.join("out"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("ORT_DYLIB_PATH names no file"), "{err}");
    assert!(err.contains("pip install onnxruntime==1.24.4"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `explain --model`: each document carries the explanation on the model itself; its Shapley
/// values add up to the model's output minus the baseline, and its counterfactual, when there
/// is one, was verified on the model.
#[test]
fn explanations_on_the_model_add_up_and_verify() {
    if !ort("explanations_on_the_model_add_up_and_verify") {
        return;
    }
    let dir = tmp("model-explain");
    let o = candor()
        .arg("explain")
        .arg("--spec")
        .arg(root().join("datasets/warehouse.toml"))
        .arg("--model")
        .arg(root().join("tests/fixtures/models/lr_pipeline.onnx"))
        .args(["--model-inputs", INPUTS, "--model-output", "probability"])
        .args([
            "--subject",
            "W0000004",
            "--subject",
            "W0000006",
            "--format",
            "json,md",
        ])
        .arg("--out")
        .arg(dir.join("out"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // Row 3 of the table (W0000004): the Python onnxruntime's probability.
    let want = expected("lr_pipeline")["rows"][3]["probability"]
        .as_f64()
        .unwrap();
    for id in ["W0000004", "W0000006"] {
        let text = std::fs::read_to_string(dir.join(format!("out/{id}.json"))).unwrap();
        let e: serde_json::Value = serde_json::from_str(&text).unwrap();
        let m = &e["onnx"];
        assert_eq!(m["fidelity"].as_f64(), Some(1.0));
        let sum: f64 = m["factors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["shapley"].as_f64().unwrap())
            .sum();
        let (v, b) = (
            m["value"].as_f64().unwrap(),
            m["baseline"].as_f64().unwrap(),
        );
        assert!((sum - (v - b)).abs() < 1e-9, "{id}: {sum} vs {}", v - b);
        if id == "W0000004" {
            assert!((v - want).abs() < 1e-6, "{v} vs {want}");
        }
        if m["adverse"] == true && !m["counterfactual"].is_null() {
            assert_eq!(m["counterfactual"]["verified"], true, "{id}");
        }
        let md = std::fs::read_to_string(dir.join(format!("out/{id}.md"))).unwrap();
        assert!(md.contains("## The model itself"), "{id}");
        assert!(md.contains("fidelity 100 %"), "{id}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
