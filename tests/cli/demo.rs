//! The demo datasets against their ground truth (datasets/ground_truth.toml): every planted
//! prohibited input and proxy is found with the right category, used ones come out used and
//! unused ones unused, no legitimate work measure is flagged; the same in Chinese.

use std::path::Path;

use super::common::*;

fn ground_truth() -> toml::Table {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/ground_truth.toml");
    std::fs::read_to_string(p)
        .expect("ground truth")
        .parse()
        .expect("valid toml")
}

fn run_spec(spec: &str, out: &str) -> serde_json::Value {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("datasets")
        .join(spec);
    let dir = tmp(out);
    candor()
        .args(["audit", "--spec"])
        .arg(&spec)
        .args(["--bootstrap", "0", "--format", "json", "--out"])
        .arg(dir.join("o"))
        .assert()
        .success();
    serde_json::from_str(&std::fs::read_to_string(dir.join("o/audit.json")).unwrap()).unwrap()
}

fn input_findings(a: &serde_json::Value) -> Vec<&serde_json::Value> {
    a["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "prohibited_input" || f["kind"] == "proxy")
        .collect()
}

fn check(dataset: &str, spec: &str, zh: bool) {
    let gt = ground_truth();
    let d = gt[dataset].as_table().unwrap();
    let a = run_spec(spec, &format!("demo-{spec}"));
    let found = input_findings(&a);
    let name = |t: &toml::Table| {
        let key = if zh { "column_zh" } else { "column" };
        t[key].as_str().unwrap().to_string()
    };
    for (kind, list) in [("prohibited_input", "prohibited"), ("proxy", "proxy")] {
        for e in d[list].as_array().unwrap() {
            let e = e.as_table().unwrap();
            let col = name(e);
            let cat = e["category"].as_str().unwrap();
            let f = found
                .iter()
                .find(|f| f["column"] == col.as_str() && f["category"] == cat)
                .unwrap_or_else(|| {
                    panic!(
                        "{spec}: {col} not found as {cat}; findings: {:?}",
                        found
                            .iter()
                            .map(|f| (f["column"].clone(), f["category"].clone()))
                            .collect::<Vec<_>>()
                    )
                });
            assert_eq!(f["kind"], kind, "{spec}: {col} kind");
            let used = e["used"].as_bool().unwrap();
            assert_eq!(f["used"], used, "{spec}: {col} used");
        }
    }
    let legit_key = if zh { "legitimate_zh" } else { "legitimate" };
    for l in d[legit_key].as_array().unwrap() {
        let l = l.as_str().unwrap();
        assert!(
            !found.iter().any(|f| f["column"] == l),
            "{spec}: legitimate measure {l} was flagged"
        );
    }
}

#[test]
fn warehouse_inputs_match_ground_truth() {
    check("warehouse", "warehouse.toml", false);
}

#[test]
fn warehouse_zh_inputs_match_ground_truth() {
    check("warehouse", "warehouse_zh.toml", true);
}

#[test]
fn attrition_inputs_match_ground_truth() {
    check("attrition", "attrition.toml", false);
}

#[test]
fn couriers_inputs_match_ground_truth() {
    check("couriers", "couriers.toml", false);
}

#[test]
fn warehouse_planted_disparities_found() {
    let a = run_spec("warehouse.toml", "demo-disp");
    let ir = |attr: &str, g: &str| row(&a, attr, g, "impact_ratio").unwrap().clone();
    let dis = ir("disability", "yes");
    assert_eq!(dis["verdict"], "adverse_significant");
    assert!(
        (dis["value"].as_f64().unwrap() - 0.661).abs() < 0.001,
        "{dis}"
    );
    // Rural workers are not flagged at 0.898 times the urban rate, within the four-fifths line,
    // but flagged about 1.86 times as often: beyond the line in the adverse framing.
    let rural = ir("hukou", "rural");
    assert!((rural["value"].as_f64().unwrap() - 0.898).abs() < 0.001);
    assert_eq!(rural["verdict"], "adverse_significant");
    let adverse = row(&a, "hukou", "rural", "adverse_rate_ratio").unwrap();
    assert!(
        (adverse["value"].as_f64().unwrap() - 1.86).abs() < 0.01,
        "{adverse}"
    );
    // Ethnicity is clean: no group's impact ratio is below 0.8 with significance.
    for r in a["metrics"].as_array().unwrap() {
        if r["attribute"] == "ethnicity" && r["metric"] == "impact_ratio" {
            assert_ne!(r["verdict"], "adverse_significant", "{r}");
        }
    }
}

/// `candor screen` on the IBM HR attrition file: the sensitive columns are flagged with
/// sensible categories, the plain work measures are not.
#[test]
fn ibm_screen_flags_sensitive_columns() {
    let Some(d) = shared() else { return };
    let path = d.join("ibm-hr-attrition/WA_Fn-UseC_-HR-Employee-Attrition.csv");
    let header = std::fs::read_to_string(&path).unwrap();
    let cols: Vec<&str> = header
        .lines()
        .next()
        .unwrap()
        .trim_start_matches('\u{feff}')
        .split(',')
        .collect();
    let features = cols
        .iter()
        .filter(|c| **c != "Attrition")
        .cloned()
        .collect::<Vec<_>>()
        .join(",");
    let dir = tmp("ibm-screen");
    candor()
        .arg("screen")
        .arg(&path)
        .args([
            "--group",
            "Gender",
            "--features",
            &features,
            "--format",
            "json",
            "--out",
        ])
        .arg(dir.join("o"))
        .assert()
        .success();
    let a: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("o/audit.json")).unwrap()).unwrap();
    let found = input_findings(&a);
    let has = |col: &str, cat: Option<&str>, kind: &str| {
        found.iter().any(|f| {
            f["column"] == col && f["kind"] == kind && cat.is_none_or(|c| f["category"] == c)
        })
    };
    assert!(has("OverTime", Some("working_time"), "prohibited_input"));
    assert!(has(
        "MaritalStatus",
        Some("marital_family_status"),
        "prohibited_input"
    ));
    assert!(has("Age", Some("age"), "prohibited_input"));
    assert!(has("Gender", Some("sex_gender"), "prohibited_input"));
    assert!(has("DistanceFromHome", None, "proxy"));
    for plain in [
        "JobLevel",
        "MonthlyIncome",
        "PerformanceRating",
        "YearsAtCompany",
        "TrainingTimesLastYear",
        "JobSatisfaction",
        "PercentSalaryHike",
        "Department",
        "JobRole",
        "HourlyRate",
    ] {
        assert!(
            !found.iter().any(|f| f["column"] == plain),
            "{plain} flagged"
        );
    }
}

/// Purpose limitation and retention from a data dictionary.
#[test]
fn dictionary_purpose_and_retention() {
    let d = tmp("dict");
    let data = fixture(
        &d,
        "a.csv",
        b"sex,badge_minutes,units,flag\nF,10,50,1\nM,2,60,0\nF,8,40,1\nM,3,70,0\nF,9,45,1\nM,1,65,0\n",
    );
    let dict = fixture(
        &d,
        "dict.csv",
        b"column,description,purpose,oldest_record\nbadge_minutes,minutes away from the station,site security,2025-01-01\nunits,units per hour,performance evaluation,2026-11-01\n",
    );
    candor()
        .arg("audit")
        .arg(&data)
        .args([
            "--decision",
            "flag",
            "--group",
            "sex",
            "--features",
            "badge_minutes,units",
            "--min-group-size",
            "1",
            "--bootstrap",
            "0",
        ])
        .arg("--dictionary")
        .arg(&dict)
        .args([
            "--as-of",
            "2026-11-23",
            "--retention-days",
            "180",
            "--format",
            "json",
            "--out",
        ])
        .arg(d.join("o"))
        .assert()
        .success();
    let a: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("o/audit.json")).unwrap()).unwrap();
    let f = a["findings"].as_array().unwrap();
    let has = |kind: &str, col: &str| f.iter().any(|x| x["kind"] == kind && x["column"] == col);
    assert!(has("purpose_limitation", "badge_minutes"));
    assert!(!has("purpose_limitation", "units"));
    assert!(has("retention", "badge_minutes"), "691 days > 180");
    assert!(!has("retention", "units"), "22 days");
}

#[test]
fn attrition_zh_inputs_match_ground_truth() {
    check("attrition", "attrition_zh.toml", true);
}
