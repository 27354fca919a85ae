use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The shared datasets folder, or None (with a printed reason) when it is absent.
pub fn shared() -> Option<PathBuf> {
    let p = std::env::var_os("CANDOR_SHARED_DATASETS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets"));
    if p.is_dir() {
        Some(p)
    } else {
        // Written to the stderr handle directly so that the test harness does not capture it.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: shared datasets not found at {} (set CANDOR_SHARED_DATASETS)",
            p.display()
        );
        None
    }
}

pub fn candor() -> Command {
    let mut c = Command::cargo_bin("candor").expect("binary built");
    c.arg("--quiet");
    c
}

/// A fresh temporary folder for one test. Tests keep their folder for inspection when they
/// fail; the first call of a run removes the folders of earlier runs whose process has ended.
pub fn tmp(name: &str) -> PathBuf {
    static SWEPT: std::sync::Once = std::sync::Once::new();
    SWEPT.call_once(sweep_old_runs);
    let p = std::env::temp_dir().join(format!("candor-it-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&p);
    std::fs::create_dir_all(&p).expect("temp dir");
    p
}

/// Removes `candor-it-PID-*` folders whose test process is no longer running (Linux: no
/// `/proc/PID`; elsewhere nothing is removed).
fn sweep_old_runs() {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix("candor-it-") else {
            continue;
        };
        let pid: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if !pid.is_empty() && !Path::new("/proc").join(&pid).exists() {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// The bundled demo datasets (specs and CSVs).
pub fn datasets() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets")
}

/// Every demo spec in datasets/ (the ground truth file excepted), sorted; at least five.
pub fn demo_specs() -> Vec<PathBuf> {
    let mut specs: Vec<PathBuf> = std::fs::read_dir(datasets())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter(|p| p.file_name().is_some_and(|n| n != "ground_truth.toml"))
        .collect();
    specs.sort();
    assert!(specs.len() >= 5, "{specs:?}");
    specs
}

/// Writes a fixture file into a temp folder and returns its path.
pub fn fixture(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("fixture written");
    p
}

/// Runs an audit and returns the parsed audit.json.
pub fn audit_json(args: &[&str], out: &Path) -> serde_json::Value {
    let mut c = candor();
    c.arg("audit")
        .args(args)
        .arg("--out")
        .arg(out)
        .arg("--format")
        .arg("json");
    let o = c.output().expect("runs");
    assert!(
        o.status.success(),
        "candor failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = std::fs::read_to_string(out.join("audit.json")).expect("audit.json");
    serde_json::from_str(&text).expect("valid json")
}

/// The value of one metric row.
pub fn metric(a: &serde_json::Value, attr: &str, group: &str, metric: &str) -> Option<f64> {
    row(a, attr, group, metric).and_then(|r| r["value"].as_f64())
}

pub fn row<'a>(
    a: &'a serde_json::Value,
    attr: &str,
    group: &str,
    metric: &str,
) -> Option<&'a serde_json::Value> {
    a["metrics"].as_array()?.iter().find(|r| {
        r["attribute"] == attr
            && r["group"] == group
            && r["metric"] == metric
            && r["class"].is_null()
    })
}

pub fn count(a: &serde_json::Value, attr: &str, group: &str, m: &str) -> u64 {
    metric(a, attr, group, m).unwrap_or_else(|| panic!("no {m} for {attr}={group}")) as u64
}

pub fn assert_close(got: Option<f64>, want: f64, tol: f64, what: &str) {
    let g = got.unwrap_or_else(|| panic!("{what}: no value"));
    assert!(
        (g - want).abs() <= tol,
        "{what}: got {g}, want {want} (tolerance {tol})"
    );
}
