//! The score distribution and calibration tables of audit.json, against a hand computation on
//! the committed 12-row fixture.

use std::path::Path;

use super::common::*;

fn tables(min_group_size: &str) -> serde_json::Value {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let out = tmp(&format!("score-tables-{min_group_size}")).join("o");
    let a = audit_json(
        &[
            fixtures.join("small.csv").to_str().expect("utf-8 path"),
            "--decision",
            "decision",
            "--score",
            "score",
            "--label",
            "label",
            "--group",
            "sex",
            "--min-group-size",
            min_group_size,
            "--bootstrap",
            "50",
        ],
        &out,
    );
    a["score_tables"].clone()
}

fn group<'a>(t: &'a serde_json::Value, attr: &str, g: &str) -> &'a serde_json::Value {
    t.as_array()
        .and_then(|a| a.iter().find(|x| x["attribute"] == attr))
        .and_then(|x| x["groups"].as_array())
        .and_then(|a| a.iter().find(|x| x["group"] == g))
        .unwrap_or_else(|| panic!("no score tables for {attr} = {g}"))
}

fn f(v: &serde_json::Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

#[test]
fn score_tables_match_a_hand_computation() {
    let t = tables("2");
    let sex = &t[0];
    // Every score lies in [0, 1]: the range is [0, 1].
    assert_eq!(sex["probability_scale"], true);
    assert_eq!((f(&sex["low"]), f(&sex["high"])), (0.0, 1.0));

    // sex = F: scores 0.12, 0.33, 0.58, 0.73, 0.79, 0.91 with labels 0, 0, 1, 0, 1, 1.
    let fem = group(&t, "sex", "F");
    assert_eq!(fem["n"], 6);
    assert!(fem["suppressed"].is_null());
    // q(p) = the smallest score with at least 6p rows at or below it.
    let q: Vec<(f64, f64)> = fem["quantiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (f(&x["p"]), f(&x["score"])))
        .collect();
    assert_eq!(
        q,
        [
            (0.05, 0.12), // 0.3 rows -> 1st
            (0.10, 0.12), // 0.6 -> 1st
            (0.25, 0.33), // 1.5 -> 2nd
            (0.50, 0.58), // 3 -> 3rd
            (0.75, 0.79), // 4.5 -> 5th
            (0.90, 0.91), // 5.4 -> 6th
            (0.95, 0.91),
        ]
    );
    // F(0.5) = 2/6 (0.12 and 0.33); 21 points from 0 to 1.
    let cdf = fem["cdf"].as_array().unwrap();
    assert_eq!(cdf.len(), 21);
    assert_eq!(f(&cdf[10]["score"]), 0.5);
    assert!((f(&cdf[10]["share"]) - 2.0 / 6.0).abs() < 1e-12);
    assert_eq!(f(&cdf[20]["share"]), 1.0);

    // Bins of width 0.1. [0.7, 0.8) holds 0.73 (label 0) and 0.79 (label 1).
    let bins = fem["calibration"].as_array().unwrap();
    assert_eq!(bins.len(), 10);
    let b = &bins[7];
    assert_eq!((f(&b["low"]), f(&b["high"])), (0.7, 0.8));
    assert_eq!(
        (b["n"].as_u64(), b["positives"].as_u64()),
        (Some(2), Some(1))
    );
    assert!((f(&b["mean_score"]) - 0.76).abs() < 1e-12);
    assert_eq!(f(&b["positive_rate"]), 0.5);
    // Wilson 95 % for 1 of 2: (1 + z²/2 ± z·sqrt(1/2 + z²/4)) / (2 + z²).
    let z: f64 = 1.959_963_984_540_054;
    let (c, h) = (
        (1.0 + z * z / 2.0) / (2.0 + z * z),
        z * (0.5 + z * z / 4.0).sqrt() / (2.0 + z * z),
    );
    assert!((f(&b["ci_low"]) - (c - h)).abs() < 1e-6, "{b}");
    assert!((f(&b["ci_high"]) - (c + h)).abs() < 1e-6, "{b}");
    // [0.1, 0.2) holds 0.12 alone: below the minimum size 2, counts kept, share suppressed.
    let b = &bins[1];
    assert_eq!(
        (b["n"].as_u64(), b["positives"].as_u64()),
        (Some(1), Some(0))
    );
    assert!(b["positive_rate"].is_null() && b["ci_low"].is_null());
    assert!(b["reason"].as_str().unwrap().contains("n = 1"));
    // An empty bin: no mean, no share, a reason; never NaN.
    assert_eq!(bins[0]["n"], 0);
    assert!(bins[0]["mean_score"].is_null() && bins[0]["positive_rate"].is_null());
    assert_eq!(bins[0]["reason"], "empty bin");

    // sex = M: 0.22 and 0.27 (labels 0, 0) share [0.2, 0.3).
    let m = group(&t, "sex", "M");
    let b = &m["calibration"][2];
    assert_eq!(
        (b["n"].as_u64(), b["positives"].as_u64()),
        (Some(2), Some(0))
    );
    assert!((f(&b["mean_score"]) - 0.245).abs() < 1e-12);
    assert_eq!(f(&b["positive_rate"]), 0.0);
    let total: u64 = m["calibration"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["n"].as_u64().unwrap())
        .sum();
    assert_eq!(total, 6);
}

#[test]
fn small_groups_have_no_score_tables() {
    let t = tables("7");
    let fem = group(&t, "sex", "F");
    assert_eq!(fem["n"], 6);
    assert!(
        fem["suppressed"]
            .as_str()
            .unwrap()
            .contains("minimum group size 7")
    );
    assert!(fem["quantiles"].as_array().unwrap().is_empty());
    assert!(fem["calibration"].as_array().unwrap().is_empty());
}

#[test]
fn score_charts_are_drawn_in_the_html_report() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let out = tmp("score-charts").join("o");
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
            "--min-group-size",
            "2",
            "--bootstrap",
            "50",
            "--format",
            "html,md",
        ])
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(out.join("audit.html")).unwrap();
    assert!(html.contains("Score distribution by sex"));
    assert!(html.contains("Calibration by sex"));
    assert!(html.contains("perfect calibration (y = x)"));
    // plotters writes ' as &apos; in SVG text.
    assert!(html.contains("score &apos;score&apos; (0–1)"));
    let md = std::fs::read_to_string(out.join("audit.md")).unwrap();
    assert!(md.contains("**sex: score quantiles**"));
    assert!(md.contains("| F | 6 | 0.12 | 0.12 | 0.33 | 0.58 | 0.79 | 0.91 | 0.91 |  |"));
    assert!(md.contains("0.5 (2)"), "the [0.7, 0.8) bin of F");
}
