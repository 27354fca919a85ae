//! Snapshot tests of the Markdown and JSON reports (insta), on a small committed fixture run
//! from its own folder so that every path in the output is relative and stable.

use std::path::Path;

use super::common::*;

fn run_fixture(name: &str) -> std::path::PathBuf {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let out = tmp(name).join("o");
    candor()
        .current_dir(&fixtures)
        .args([
            "audit",
            "small.csv",
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
            "--features",
            "sick_days",
            "--min-group-size",
            "3",
            "--bootstrap",
            "100",
            "--format",
            "json,md",
        ])
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    out
}

#[test]
fn markdown_report_snapshot() {
    let out = run_fixture("snap-md");
    let md = std::fs::read_to_string(out.join("audit.md")).unwrap();
    insta::assert_snapshot!("audit_md", md);
}

#[test]
fn json_report_snapshot() {
    let out = run_fixture("snap-json");
    let json = std::fs::read_to_string(out.join("audit.json")).unwrap();
    insta::assert_snapshot!("audit_json", json);
}
