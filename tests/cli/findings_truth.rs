//! Every finding a report makes, checked against the data itself: the group a finding names as
//! worse off must have the worse rate when the rates are recomputed from the CSV file with a
//! plain reader (no polars, no Candor code). Run on every demo spec, including the couriers
//! data whose score is favorable when low. Also: no finding or compared cell is about the
//! missing-value group, no finding that is not significant after correction is medium or high,
//! and no "no disparity" verdict has an interval reaching beyond the four-fifths lines.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::common::*;

/// A CSV table read by hand: the demo files never quote a field.
pub struct Csv {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Csv {
    pub fn read(path: &Path) -> Csv {
        let text = std::fs::read_to_string(path).expect("csv");
        let mut lines = text.lines();
        let header = lines
            .next()
            .expect("header")
            .split(',')
            .map(str::to_string)
            .collect();
        let rows = lines
            .map(|l| l.split(',').map(str::to_string).collect())
            .collect();
        Csv { header, rows }
    }

    pub fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    }
}

/// What the spec says, read from the TOML directly.
struct Spec {
    csv: PathBuf,
    decision: String,
    positive: Vec<String>,
    positive_is_favorable: bool,
    score: Option<String>,
    higher_is_favorable: bool,
    label: Option<(String, String)>,
}

fn spec(path: &Path) -> Spec {
    let t: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
    let s = |sec: &str, key: &str| {
        t.get(sec)
            .and_then(|x| x.get(key))
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    Spec {
        csv: path.parent().unwrap().join(s("data", "path").unwrap()),
        decision: s("decision", "column").unwrap(),
        positive: t["decision"]["positive"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect(),
        positive_is_favorable: s("decision", "favorable").as_deref() != Some("negative"),
        score: s("score", "column"),
        higher_is_favorable: s("score", "favorable").as_deref() != Some("low"),
        label: s("label", "column").map(|c| (c, s("label", "positive").unwrap())),
    }
}

/// The group of each row for an attribute or an intersection ("a & b"); empty cells are
/// "unknown", as Candor names them.
fn groups_of(csv: &Csv, attribute: &str) -> Vec<String> {
    let cols: Vec<usize> = attribute.split(" & ").map(|a| csv.col(a)).collect();
    csv.rows
        .iter()
        .map(|r| {
            cols.iter()
                .map(|&c| {
                    let v = r[c].as_str();
                    if v.is_empty() { "unknown" } else { v }
                })
                .collect::<Vec<_>>()
                .join(" & ")
        })
        .collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// The rate of the adverse outcome that a finding compares, for the rows of one group:
/// (adverse count, rows) recomputed from the file.
fn adverse(
    csv: &Csv,
    sp: &Spec,
    f: &serde_json::Value,
    rows: &[usize],
    med: Option<f64>,
) -> (u64, u64) {
    let d = csv.col(&sp.decision);
    let positive = |r: usize| sp.positive.iter().any(|p| *p == csv.rows[r][d]);
    let adverse_decision = |r: usize| positive(r) != sp.positive_is_favorable;
    let kind = f["kind"].as_str().unwrap();
    let metric = f["metric"].as_str().unwrap();
    match (kind, metric) {
        ("disparity", "impact_ratio" | "adverse_rate_ratio") => {
            let k = rows.iter().filter(|&&r| adverse_decision(r)).count();
            (k as u64, rows.len() as u64)
        }
        ("disparity", "scoring_impact_ratio") => {
            let s = csv.col(sp.score.as_deref().unwrap());
            let m = med.unwrap();
            // Adverse: not strictly on the favorable side of the median.
            let k = rows
                .iter()
                .filter(|&&r| {
                    let x: f64 = csv.rows[r][s].parse().unwrap();
                    if sp.higher_is_favorable {
                        x <= m
                    } else {
                        x >= m
                    }
                })
                .count();
            (k as u64, rows.len() as u64)
        }
        ("error_rate_disparity", _) => {
            let (lc, lp) = sp.label.as_ref().unwrap();
            let l = csv.col(lc);
            let stratum = f["label_stratum"].as_u64().unwrap() == 1;
            let in_stratum: Vec<usize> = rows
                .iter()
                .copied()
                .filter(|&r| (csv.rows[r][l] == *lp) == stratum)
                .collect();
            let k = in_stratum.iter().filter(|&&r| adverse_decision(r)).count();
            (k as u64, in_stratum.len() as u64)
        }
        other => panic!("unexpected finding {other:?}"),
    }
}

/// Runs the audit of a demo spec and checks every claim it makes. Returns the audit.json.
pub fn check_demo(spec_name: &str) -> serde_json::Value {
    let spec_path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("datasets")
        .join(spec_name);
    let dir = tmp(&format!("truth-{spec_name}"));
    candor()
        .args(["audit", "--spec"])
        .arg(&spec_path)
        .args(["--bootstrap", "0", "--format", "json,md", "--out"])
        .arg(dir.join("o"))
        .assert()
        .success();
    let a: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("o/audit.json")).unwrap()).unwrap();
    let sp = spec(&spec_path);
    let csv = Csv::read(&sp.csv);
    let alpha = a["spec"]["stats"]["alpha"].as_f64().unwrap();
    let med = sp.score.as_ref().map(|s| {
        let c = csv.col(s);
        median(
            csv.rows
                .iter()
                .map(|r| r[c].parse::<f64>().unwrap())
                .collect(),
        )
    });
    let mut groups_cache: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut checked = 0;
    for f in a["findings"].as_array().unwrap() {
        let kind = f["kind"].as_str().unwrap();
        let sev = f["severity"].as_str().unwrap();
        if let Some(p) = f["p_adjusted"].as_f64()
            && p >= alpha
        {
            assert!(
                !matches!(sev, "medium" | "high"),
                "{spec_name}: a finding with corrected p = {p} is {sev}: {f}"
            );
        }
        if !matches!(kind, "disparity" | "error_rate_disparity") {
            continue;
        }
        let attr = f["attribute"].as_str().unwrap();
        let (g, r) = (
            f["group"].as_str().unwrap(),
            f["reference"].as_str().unwrap(),
        );
        let worse = f["worse_off"].as_str().unwrap();
        for name in [g, r, worse] {
            assert!(
                !name.split(" & ").any(|p| p == "unknown"),
                "{spec_name}: a finding is about missing values: {f}"
            );
        }
        assert!(
            worse == g || worse == r,
            "{spec_name}: worse_off is neither side: {f}"
        );
        let groups = groups_cache
            .entry(attr.to_string())
            .or_insert_with(|| groups_of(&csv, attr));
        let rows_of = |name: &str| -> Vec<usize> {
            (0..csv.rows.len()).filter(|&i| groups[i] == name).collect()
        };
        let other = if worse == g { r } else { g };
        let (worse_rows, other_rows) = (rows_of(worse), rows_of(other));
        let (kw, nw) = adverse(&csv, &sp, f, &worse_rows, med);
        let (ko, no) = adverse(&csv, &sp, f, &other_rows, med);
        assert!(nw > 0 && no > 0, "{spec_name}: empty group in {f}");
        let group_rows = if worse == g { &worse_rows } else { &other_rows };
        assert_eq!(
            group_rows.len() as u64,
            f["n"].as_u64().unwrap(),
            "{spec_name}: group size of {g}"
        );
        let (rw, ro) = (kw as f64 / nw as f64, ko as f64 / no as f64);
        assert!(
            rw > ro,
            "{spec_name}: finding points the wrong way: {worse} has adverse rate {rw} ({kw}/{nw}), {other} {ro} ({ko}/{no}); {f}"
        );
        checked += 1;
    }
    // No compared cell about missing values, and no "no disparity" beyond the evidence.
    for row in a["metrics"].as_array().unwrap() {
        let group = row["group"].as_str().unwrap();
        let is_unknown = group.split(" & ").any(|p| p == "unknown");
        let metric = row["metric"].as_str().unwrap();
        if is_unknown && (metric.ends_with("_ratio") || metric.ends_with("_diff")) {
            assert!(
                row["value"].is_null(),
                "{spec_name}: unknown compared: {row}"
            );
        }
        if let Some(r) = row["reference"].as_str() {
            assert!(
                !r.split(" & ").any(|p| p == "unknown"),
                "{spec_name}: unknown reference: {row}"
            );
        }
        if row["verdict"] == "no_disparity" {
            let (lo, hi) = (
                row["ci_low"].as_f64().unwrap(),
                row["ci_high"].as_f64().unwrap(),
            );
            assert!(
                (0.8..=1.25).contains(&lo) && (0.8..=1.25).contains(&hi),
                "{spec_name}: 'no disparity' with interval {lo}-{hi}: {row}"
            );
        }
    }
    let md = std::fs::read_to_string(dir.join("o/audit.md")).unwrap();
    for line in md.lines().filter(|l| l.starts_with("- F")) {
        assert!(!line.contains("= unknown"), "{spec_name}: {line}");
    }
    eprintln!("{spec_name}: {checked} disparity findings checked against the data");
    a
}

#[test]
fn couriers_findings_point_the_right_way() {
    let a = check_demo("couriers.toml");
    let findings = a["findings"].as_array().unwrap();
    let high_decision = |attr: &str, g: &str| {
        findings.iter().any(|f| {
            f["kind"] == "disparity"
                && f["severity"] == "high"
                && f["attribute"] == attr
                && f["worse_off"] == g
                && f["metric"] == "adverse_rate_ratio"
        })
    };
    // Planted: rural couriers live far away (a step in the score) and are flagged more.
    assert!(
        high_decision("hukou", "rural"),
        "no high finding for rural couriers"
    );
    // Planted: the small station S21 (12 couriers, 10 flagged) is visible and significant.
    assert!(
        high_decision("station", "S21"),
        "the 12-courier station is not a high finding"
    );
    let s21 = row(&a, "station", "S21", "adverse_rate").unwrap();
    assert_eq!(s21["n"], 12);
    assert!(
        (s21["value"].as_f64().unwrap() - 10.0 / 12.0).abs() < 1e-12,
        "{s21}"
    );
    // Planted: older couriers are advantaged: never the worse-off side.
    assert!(
        !findings
            .iter()
            .any(|f| f["attribute"] == "age_band" && f["worse_off"] == "45+"),
        "a finding says 45+ couriers are worse off"
    );
    // The low-is-good score: the scoring rate is the share below the median.
    let r = row(&a, "hukou", "rural", "scoring_rate").unwrap();
    assert!(
        r["reason"]
            .as_str()
            .unwrap()
            .contains("below the sample median")
    );
}

#[test]
fn warehouse_findings_point_the_right_way() {
    let a = check_demo("warehouse.toml");
    // Rural workers are flagged about 1.86 times as often as urban ones: a high finding on the
    // decision, led by the adverse-rate ratio (the not-flagged ratio is only about 0.90).
    let f = a["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["kind"] == "disparity"
                && f["attribute"] == "hukou"
                && f["group"] == "rural"
                && f["metric"] == "adverse_rate_ratio"
        })
        .expect("a decision finding about rural workers");
    assert_eq!(f["severity"], "high", "{f}");
    assert_eq!(f["worse_off"], "rural");
    let v = f["value"].as_f64().unwrap();
    assert!((1.8..1.95).contains(&v), "{v}");
    assert!((f["twin"]["value"].as_f64().unwrap() - 0.90).abs() < 0.01);
}

#[test]
fn warehouse_zh_findings_point_the_right_way() {
    check_demo("warehouse_zh.toml");
}

#[test]
fn attrition_findings_point_the_right_way() {
    let a = check_demo("attrition.toml");
    // The flight-risk score is favorable when low: 45+ employees, flagged least, are never
    // the worse-off side of a score finding.
    for f in a["findings"].as_array().unwrap() {
        if f["attribute"] == "age_band" && f["metric"] == "scoring_impact_ratio" {
            assert_ne!(f["worse_off"], "45+", "{f}");
        }
    }
}

#[test]
fn attrition_zh_findings_point_the_right_way() {
    check_demo("attrition_zh.toml");
}
