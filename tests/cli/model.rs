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
