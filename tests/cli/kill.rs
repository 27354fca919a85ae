//! Kill safety: `audit` and `explain --all` killed (SIGKILL, SIGINT) at several points leave
//! the output path absent or complete (byte-identical to an undisturbed run, since runs are
//! deterministic), a replaced report whole (old or new, never missing), and at most
//! `.NAME.candor-tmp-PID` / `.NAME.candor-old-PID` folders that the next run removes.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{datasets, tmp};

/// Every file under `dir` (relative path -> bytes).
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().display().to_string();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

fn leftovers(parent: &Path, name: &str) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!(".{name}.candor-")))
        .collect()
}

/// Runs candor to completion; returns the wall time.
fn run(args: &[&str], out: &Path) -> Duration {
    let start = Instant::now();
    let st = Command::new(assert_cmd::cargo::cargo_bin("candor"))
        .arg("--quiet")
        .args(args)
        .arg("--out")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(st.success(), "{args:?} failed");
    start.elapsed()
}

/// Starts candor, sends `signal` after `after`, and waits for it to end.
fn run_killed(args: &[&str], out: &Path, after: Duration, signal: &str) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("candor"))
        .arg("--quiet")
        .args(args)
        .arg("--out")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(after);
    let _ = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status();
    let _ = child.wait();
}

fn check(what: &str, args: &[&str]) {
    let d = tmp(&format!("kill-{what}"));
    let reference = d.join("reference");
    let full = run(args, &reference);
    let want = tree(&reference);
    assert!(!want.is_empty());
    let fractions = [0.15, 0.5, 0.85];
    let mut seen_absent = 0;
    for signal in ["-KILL", "-INT"] {
        for (i, f) in fractions.iter().enumerate() {
            let after = full.mul_f64(*f);
            // A fresh output: absent or complete.
            let out = d.join(format!("fresh{signal}{i}"));
            run_killed(args, &out, after, signal);
            if out.exists() {
                assert_eq!(
                    tree(&out),
                    want,
                    "{what}: a partial report after {signal} at {after:?}"
                );
            } else {
                seen_absent += 1;
            }
            // The next run removes what the killed one left and completes.
            run(args, &out);
            assert_eq!(tree(&out), want, "{what}: the rerun is not complete");
            let name = out.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                leftovers(&d, &name).is_empty(),
                "{what}: leftovers after the rerun: {:?}",
                leftovers(&d, &name)
            );

            // A report being replaced: never missing, always whole.
            let out = d.join(format!("replace{signal}{i}"));
            run(args, &out);
            run_killed(args, &out, after, signal);
            assert!(
                out.exists(),
                "{what}: the old report vanished after {signal} at {after:?}"
            );
            assert_eq!(
                tree(&out),
                want,
                "{what}: a half-replaced report after {signal} at {after:?}"
            );
            for name in [format!("fresh{signal}{i}"), format!("replace{signal}{i}")] {
                let _ = std::fs::remove_dir_all(d.join(name));
            }
        }
    }
    // The kills did land while the run was working (otherwise the test shows nothing).
    assert!(
        seen_absent > 0,
        "{what}: no kill arrived before the output was written"
    );
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn audit_killed_leaves_no_partial_report() {
    let spec = datasets().join("warehouse.toml");
    check(
        "audit",
        &[
            "audit",
            "--spec",
            spec.to_str().unwrap(),
            "--bootstrap",
            "2000",
        ],
    );
}

#[test]
fn explain_all_killed_leaves_no_partial_folder() {
    // One station's riders, as JSON only, to keep the files few (all 8,000 riders in three
    // formats would write gigabytes over the test's runs).
    let spec = datasets().join("couriers.toml");
    check(
        "explain",
        &[
            "explain",
            "--spec",
            spec.to_str().unwrap(),
            "--all",
            "--where",
            "station = 'S12'",
            "--format",
            "json",
        ],
    );
}
