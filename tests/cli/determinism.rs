//! Same input, byte-identical output; and the exit-code contract of --fail-on.

use super::common::*;

fn demo_args(d: &std::path::Path) -> Vec<String> {
    let p = fixture(
        d,
        "a.csv",
        b"sex,race,decision,score,label\nF,A,1,0.9,1\nM,B,0,0.2,0\nF,B,1,0.7,0\nM,A,0,0.4,1\nF,A,0,0.3,0\nM,B,1,0.8,1\nF,B,0,0.1,0\nM,A,1,0.6,1\n",
    );
    [
        "audit",
        p.to_str().unwrap(),
        "--decision",
        "decision",
        "--score",
        "score",
        "--label",
        "label",
        "--group",
        "sex",
        "--group",
        "race",
        "--intersect",
        "sex,race",
        "--min-group-size",
        "1",
        "--min-published-group",
        "1",
        "--bootstrap",
        "200",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

#[test]
fn two_runs_byte_identical() {
    let d = tmp("det");
    let args = demo_args(&d);
    let mut outs = Vec::new();
    for run in ["r1", "r2"] {
        let out = d.join(run);
        candor()
            .args(&args)
            .arg("--out")
            .arg(&out)
            .assert()
            .success();
        outs.push(out);
    }
    for f in ["audit.json", "metrics.csv", "audit.md", "audit.html"] {
        let a = std::fs::read(outs[0].join(f)).unwrap();
        let b = std::fs::read(outs[1].join(f)).unwrap();
        assert!(!a.is_empty(), "{f} is empty");
        assert!(a == b, "{f} differs between runs");
    }
}

#[test]
fn fail_on_gate_exit_code_one() {
    let d = tmp("gate1");
    let args = demo_args(&d);
    // Female favorable rate 2/4, Male 2/4: impact ratio 1 -> not breached with < 0.8 ...
    candor()
        .args(&args)
        .arg("--out")
        .arg(d.join("o1"))
        .args(["--fail-on", "impact_ratio<0.8"])
        .assert()
        .code(0);
    // ... and breached with <= 1.
    candor()
        .args(&args)
        .arg("--out")
        .arg(d.join("o2"))
        .args(["--fail-on", "impact_ratio<=1"])
        .assert()
        .code(1);
}

/// The same spec and data in two folders give the same spec hash and the same report: nothing
/// in the output depends on where the files lie.
#[test]
fn same_audit_in_two_folders_is_identical() {
    let base = tmp("twofolders");
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets");
    let data = std::fs::read(repo.join("couriers.csv")).unwrap();
    let spec = std::fs::read(repo.join("couriers.toml")).unwrap();
    let mut reports = Vec::new();
    for sub in ["a/deeper/still", "b"] {
        let dir = base.join(sub);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("couriers.csv"), &data).unwrap();
        std::fs::write(dir.join("couriers.toml"), &spec).unwrap();
        let out = dir.join("report");
        candor()
            .args(["audit", "--spec"])
            .arg(dir.join("couriers.toml"))
            .args(["--format", "json", "--out"])
            .arg(&out)
            .assert()
            .success();
        reports.push(std::fs::read_to_string(out.join("audit.json")).unwrap());
    }
    let hash = |t: &str| {
        let v: serde_json::Value = serde_json::from_str(t).unwrap();
        v["provenance"]["spec_sha256"].as_str().unwrap().to_string()
    };
    assert_eq!(hash(&reports[0]), hash(&reports[1]));
    assert!(
        reports[0] == reports[1],
        "audit.json differs between folders"
    );
}
