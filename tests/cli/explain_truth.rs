//! Explanations checked against the generating formulas of the demo data (datasets/DATASHEET.md,
//! re-implemented here from the text, not from the generator's code): every counterfactual
//! offered must change the real decision, the model must reproduce the adverse decisions held
//! out about as well as the inputs allow, and the first page must carry what a worker needs
//! (dates, deadlines with their length, no platform-only right for a warehouse worker, "no
//! effect" for unused inputs, PIPL's terms in Chinese).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::common::*;
use super::findings_truth::Csv;

fn num(row: &BTreeMap<String, String>, c: &str) -> f64 {
    row[c]
        .parse()
        .unwrap_or_else(|_| panic!("{c} = {}", row[c]))
}

/// DATASHEET.md section 4: the warehouse score before noise.
fn warehouse_score(r: &BTreeMap<String, String>) -> f64 {
    let fair = 0.5 * (num(r, "units_per_hour") - 100.0)
        - 4.0 * (num(r, "pick_error_rate") - 1.5)
        - 6.0 * num(r, "safety_incidents")
        + 0.15 * (num(r, "training_hours") - 20.0)
        + 0.04 * num(r, "tenure_months").min(60.0);
    let district: u32 = r["home_district"][1..].parse().unwrap();
    let planted = -num(r, "sick_leave_days") - 0.6 * (num(r, "bathroom_break_minutes") - 20.0)
        + if district >= 7 { -8.0 } else { 0.0 }
        + 0.25 * num(r, "after_hours_messages").min(20.0);
    62.0 + fair + planted
}

/// DATASHEET.md section 6: the couriers' risk score before noise.
fn courier_score(r: &BTreeMap<String, String>) -> f64 {
    let c = num(r, "customer_complaints");
    let complaints = if c == 0.0 {
        0.0
    } else if c <= 2.0 {
        8.0
    } else {
        20.0
    };
    let on_time = num(r, "on_time_rate");
    let late = (80.0 * (0.97 - on_time)).clamp(0.0, 18.0) + if on_time < 0.85 { 10.0 } else { 0.0 };
    let cancelled = (3.0 * num(r, "cancelled_orders")).min(15.0);
    let volume = (-0.1 * (num(r, "deliveries_per_week") - 100.0)).clamp(-6.0, 6.0);
    let sick = 2.5 * num(r, "sick_days").min(8.0);
    let far = if num(r, "home_distance_km") > 25.0 {
        10.0
    } else {
        0.0
    };
    let tenure = -num(r, "tenure_months").min(36.0) / 6.0;
    38.0 + complaints + late + cancelled + volume + sick + far + tenure
}

/// DATASHEET.md section 5: the attrition model's log-odds (its score is exactly the logistic
/// of this, rounded to 3 decimals, with no noise).
fn attrition_logit(r: &BTreeMap<String, String>) -> f64 {
    let fair = -0.012 * (num(r, "tenure_months").min(120.0) - 36.0)
        - 0.30 * (num(r, "salary_band") - 3.0)
        + 0.020 * (num(r, "overtime_hours_month") - 18.0)
        - 0.20 * (num(r, "performance_rating") - 3.0)
        - 0.35 * num(r, "promotions_last_3y");
    -1.35
        + fair
        + 0.035 * (num(r, "commute_km") - 12.0)
        + 0.45 * num(r, "job_board_visits").min(10.0)
        + 0.011 * num(r, "maternity_leave_days")
}

/// The share of the documents whose advice was found (not given up).
fn found_share(docs: &[serde_json::Value]) -> f64 {
    let found = docs
        .iter()
        .filter(|e| e["counterfactual"]["status"] == "found")
        .count();
    found as f64 / docs.len().max(1) as f64
}

struct Case {
    csv: PathBuf,
    id: &'static str,
    score: &'static str,
    /// The real decision at a recorded score: flagged or not.
    flagged: fn(f64) -> bool,
    formula: fn(&BTreeMap<String, String>) -> f64,
}

fn rows_by_id(case: &Case) -> BTreeMap<String, BTreeMap<String, String>> {
    let csv = Csv::read(&case.csv);
    let idc = csv.col(case.id);
    csv.rows
        .iter()
        .map(|r| {
            let m: BTreeMap<String, String> =
                csv.header.iter().cloned().zip(r.iter().cloned()).collect();
            (r[idc].clone(), m)
        })
        .collect()
}

/// Runs `explain --all --adverse` and returns every explanation.
fn explain_all(spec: &Path, out: &str, extra: &[&str]) -> Vec<serde_json::Value> {
    let dir = tmp(out);
    candor()
        .args(["explain", "--spec"])
        .arg(spec)
        .args(["--all", "--adverse", "--bootstrap", "0", "--format", "json"])
        .args(extra)
        .arg("--out")
        .arg(dir.join("o"))
        .assert()
        .success();
    let mut docs = Vec::new();
    for e in std::fs::read_dir(dir.join("o")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            docs.push(serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap());
        }
    }
    docs
}

/// The share of offered counterfactuals that change the real decision under the formula: the
/// worker's real score plus the formula's change for the new values (the noise is the
/// worker's own and stays), rounded to the score's recorded 0.1 and clamped to 0-100.
fn validity(case: &Case, docs: &[serde_json::Value]) -> (usize, usize) {
    let rows = rows_by_id(case);
    let (mut offered, mut valid) = (0, 0);
    for e in docs {
        let cf = &e["counterfactual"];
        if cf["status"] != "found" {
            continue;
        }
        offered += 1;
        assert_eq!(cf["anchored"], true, "{}", e["subject"]);
        let row = &rows[e["subject"].as_str().unwrap()];
        let real: f64 = row[case.score].parse().unwrap();
        let mut changed = row.clone();
        for ch in cf["changes"].as_array().unwrap() {
            changed.insert(
                ch["column"].as_str().unwrap().to_string(),
                ch["to"].as_str().unwrap().to_string(),
            );
        }
        let after = real + (case.formula)(&changed) - (case.formula)(row);
        let after = (after.clamp(0.0, 100.0) * 10.0).round() / 10.0;
        if (case.flagged)(after) != (case.flagged)(real) {
            valid += 1;
        }
    }
    (offered, valid)
}

fn warehouse_case(csv: PathBuf) -> Case {
    Case {
        csv,
        id: "worker_id",
        score: "performance_score",
        flagged: |s| s < 40.0,
        formula: warehouse_score,
    }
}

fn couriers_case(csv: PathBuf) -> Case {
    Case {
        csv,
        id: "courier_id",
        score: "risk_score",
        flagged: |s| s >= 60.0,
        formula: courier_score,
    }
}

#[test]
fn warehouse_counterfactuals_change_the_real_decision() {
    let case = warehouse_case(datasets().join("warehouse.csv"));
    let docs = explain_all(&datasets().join("warehouse.toml"), "cf-warehouse", &[]);
    let (offered, valid) = validity(&case, &docs);
    eprintln!("warehouse: {valid} of {offered} counterfactuals change the real decision");
    assert!(offered > 2000, "{offered} offered");
    assert!(valid * 1000 >= offered * 995, "{valid} of {offered}");
    // Advice is not withheld wholesale to stay safe.
    assert!(found_share(&docs) > 0.9, "{}", found_share(&docs));
}

/// A probability score with no noise, recorded to 3 decimals: the advice must take the
/// recomputed score below 0.5 (exactly 0.500 is still flagged).
#[test]
fn attrition_counterfactuals_change_the_real_decision() {
    let case = Case {
        csv: datasets().join("attrition.csv"),
        id: "employee_id",
        score: "flight_risk_score",
        flagged: |s| s >= 0.5,
        formula: attrition_logit,
    };
    let rows = rows_by_id(&case);
    let docs = explain_all(&datasets().join("attrition.toml"), "cf-attrition", &[]);
    let (mut offered, mut valid) = (0, 0);
    for e in &docs {
        let cf = &e["counterfactual"];
        if cf["status"] != "found" {
            continue;
        }
        offered += 1;
        let mut row = rows[e["subject"].as_str().unwrap()].clone();
        assert!(
            (1.0 / (1.0 + (-attrition_logit(&row)).exp()) - num(&row, case.score)).abs() < 6e-4,
            "the formula reproduces the recorded score"
        );
        for ch in cf["changes"].as_array().unwrap() {
            assert_ne!(
                ch["column"], "tenure_months",
                "tenure is immutable in the spec"
            );
            row.insert(
                ch["column"].as_str().unwrap().to_string(),
                ch["to"].as_str().unwrap().to_string(),
            );
        }
        let p = 1.0 / (1.0 + (-attrition_logit(&row)).exp());
        let recorded = (p * 1000.0).round() / 1000.0;
        if !(case.flagged)(recorded) {
            valid += 1;
        }
    }
    eprintln!("attrition: {valid} of {offered} counterfactuals change the real decision");
    assert!(offered > 1000, "{offered} offered");
    assert!(valid * 1000 >= offered * 995, "{valid} of {offered}");
    assert!(found_share(&docs) > 0.8, "{}", found_share(&docs));
}

/// The share of adverse decisions no model of the inputs could reproduce: a flagged courier
/// whose noise-free score is below 60 was flagged by the noise alone.
fn couriers_ceiling(csv: &Path) -> f64 {
    let case = couriers_case(csv.to_path_buf());
    let rows = rows_by_id(&case);
    let flagged: Vec<&BTreeMap<String, String>> = rows
        .values()
        .filter(|r| r["deactivation_review"] == "1")
        .collect();
    let reachable = flagged.iter().filter(|r| courier_score(r) >= 60.0).count();
    reachable as f64 / flagged.len() as f64
}

#[test]
fn couriers_model_reaches_the_ceiling_and_counterfactuals_hold() {
    let case = couriers_case(datasets().join("couriers.csv"));
    let docs = explain_all(&datasets().join("couriers.toml"), "cf-couriers", &[]);
    let (offered, valid) = validity(&case, &docs);
    eprintln!("couriers: {valid} of {offered} counterfactuals change the real decision");
    assert!(offered > 1500, "{offered} offered");
    assert!(valid * 1000 >= offered * 995, "{valid} of {offered}");
    assert!(found_share(&docs) > 0.9, "{}", found_share(&docs));
    // Held-out fidelity on adverse decisions, against the ceiling the formula allows.
    let fid = &docs[0]["model"]["fidelity"];
    let held_out = fid["agreement_adverse"].as_f64().unwrap();
    let ceiling = couriers_ceiling(&datasets().join("couriers.csv"));
    eprintln!(
        "couriers: adverse decisions reproduced held out {held_out:.3}, ceiling {ceiling:.3}"
    );
    assert!(
        held_out >= ceiling - 0.05,
        "{held_out} vs ceiling {ceiling}"
    );
    assert!(
        held_out <= ceiling + 0.03,
        "{held_out} above the ceiling {ceiling}?"
    );
    assert_eq!(fid["folds"], 5);
    assert!(fid["r_squared"].as_f64().unwrap() > 0.8);
    // The estimate of what no model could reproduce is near the truth (overall).
    let est = fid["unexplainable"].as_f64().unwrap();
    assert!((0.02..0.2).contains(&est), "{est}");
}

/// Data the tuning never saw: the couriers generator with another seed and size.
#[test]
fn held_out_couriers_seed_counterfactuals_hold() {
    let dir = tmp("held-out-couriers");
    candor()
        .args([
            "synth",
            "--dataset",
            "couriers",
            "--lang",
            "en",
            "--rows",
            "7000",
        ])
        .args(["--seed", "24680", "--out"])
        .arg(&dir)
        .assert()
        .success();
    let spec = std::fs::read_to_string(datasets().join("couriers.toml")).unwrap();
    std::fs::write(dir.join("couriers.toml"), spec).unwrap();
    let case = couriers_case(dir.join("couriers.csv"));
    let docs = explain_all(&dir.join("couriers.toml"), "held-out-couriers-out", &[]);
    let (offered, valid) = validity(&case, &docs);
    eprintln!("held-out couriers: {valid} of {offered} counterfactuals change the real decision");
    assert!(valid * 100 >= offered * 99, "{valid} of {offered}");
    let held_out = docs[0]["model"]["fidelity"]["agreement_adverse"]
        .as_f64()
        .unwrap();
    let ceiling = couriers_ceiling(&dir.join("couriers.csv"));
    eprintln!("held-out couriers: held-out agreement {held_out:.3}, ceiling {ceiling:.3}");
    assert!(held_out >= ceiling - 0.05);
}

fn one(spec: &str, subject: &str, lang: &str, out: &str) -> (serde_json::Value, String) {
    let dir = tmp(out);
    candor()
        .args(["explain", "--spec"])
        .arg(datasets().join(spec))
        .args([
            "--subject",
            subject,
            "--bootstrap",
            "0",
            "--lang",
            lang,
            "--out",
        ])
        .arg(dir.join("o"))
        .assert()
        .success();
    let json = serde_json::from_str(
        &std::fs::read_to_string(dir.join("o").join(format!("{subject}.json"))).unwrap(),
    )
    .unwrap();
    let md = std::fs::read_to_string(dir.join("o").join(format!("{subject}.md"))).unwrap();
    (json, md)
}

#[test]
fn the_first_page_carries_dates_deadlines_and_plain_words() {
    // A flagged warehouse worker (W0000004 is flagged in the demo data).
    let (e, md) = one("warehouse.toml", "W0000004", "en", "first-en");
    assert_eq!(e["outcome"]["adverse"], true);
    assert_eq!(e["outcome"]["decision_date"], "2026-11-23");
    assert_eq!(e["outcome"]["document_date"], "2026-11-23");
    let first = md.split("## 1.").next().unwrap();
    assert!(first.contains("## In short"), "{first}");
    assert!(first.contains("on 2026-11-23"), "{first}");
    assert!(first.contains("within one year"), "{first}");
    assert_eq!(first.lines().filter(|l| l.starts_with("- ")).count(), 5);
    // Deadlines keep their length in the steps too, in both languages.
    let arbitration = e["rights"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["citation"].as_str().unwrap().contains("Art. 27"))
        .expect("labour arbitration is listed");
    assert_eq!(arbitration["deadline"]["length"], "one year");
    assert_eq!(arbitration["step"], 4);
    // Steps in order.
    let steps: Vec<u64> = e["rights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["step"].as_u64().unwrap())
        .map(|s| if s == 0 { 9 } else { s })
        .collect();
    assert!(steps.windows(2).all(|w| w[0] <= w[1]), "{steps:?}");
    // "By when" is a time the worker must act within, never the employer's time to answer.
    let k = e["first_page"]["deadline_step"].as_u64().unwrap() as usize;
    assert_eq!(e["rights"][k]["deadline"]["binds"], "worker");
    // The score is printed as recorded (W0000004: 37.0 in the CSV), and the counterfactual's
    // new score is placed on the side of the threshold it is on.
    let score = e["outcome"]["score"].as_f64().unwrap();
    assert!(first.contains(&format!("was {score:.1};")), "{first}");
    let cf = &e["counterfactual"];
    assert_eq!(cf["status"], "found");
    let after = cf["score_after"].as_f64().unwrap();
    let side = if after < 40.0 { "below" } else { "at or above" };
    assert!(
        md.contains(&format!(
            "to about {after:.1} ({side} the threshold of 40.0)"
        )),
        "{after} {side}"
    );
    // A warehouse worker sees no platform-only right.
    let md_lower = md.to_lowercase();
    assert!(
        !md_lower.contains("digital labour platform"),
        "a platform-only right is listed"
    );
    // An input with no measurable effect says so, and never a direction.
    let union = e["factors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["column"] == "union_chat_mentions")
        .unwrap();
    assert_eq!(union["no_effect"], true);
    assert_eq!(union["toward"], "none");
    let line = md
        .lines()
        .find(|l| l.contains("union_chat_mentions") && l.starts_with("| mentions"))
        .expect("the union row of the data table");
    assert!(line.contains("no measurable effect"), "{line}");
    assert!(!line.contains("adverse outcome"), "{line}");
    // Every number a reader could add up does add up: the restricted inputs' effects to their
    // stated total, and all effects to the model's result minus the average worker's.
    let p = &e["prohibited"];
    let listed: f64 = p["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["contribution"].as_f64().unwrap())
        .sum();
    assert!((listed - p["total"].as_f64().unwrap()).abs() < 1e-9);
    let all: f64 = e["factors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["contribution"].as_f64().unwrap())
        .sum();
    let m = &e["model"];
    let diff = m["output"].as_f64().unwrap() - m["baseline"].as_f64().unwrap();
    assert!((all - diff).abs() < 1e-6, "{all} vs {diff}");
    // The section of effects lists every input the model used, so the table adds up too.
    let factors_section = md
        .split("## 3.")
        .nth(1)
        .and_then(|s| s.split("## 4.").next())
        .unwrap();
    for f in e["factors"].as_array().unwrap() {
        let c = f["column"].as_str().unwrap();
        assert!(
            factors_section.contains(&format!("({c})")),
            "{c} not in section 3"
        );
    }
    // A group challenge point quotes the framing its verdict rests on: the adverse-rate ratio
    // of the group's own table row (W0000004 is rural and 45+: both groups qualify).
    let mut checked = 0;
    for g in e["groups"].as_array().unwrap() {
        if g["verdict"] == "adverse_significant" {
            checked += 1;
            let arr = g["adverse_rate_ratio"]["value"].as_f64().unwrap();
            let point = e["challenge"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["text"].as_str().unwrap())
                .find(|t| {
                    t.contains(&format!(
                        "{} = {} ",
                        g["attribute"].as_str().unwrap(),
                        g["group"].as_str().unwrap()
                    ))
                })
                .expect("a challenge point for a significant adverse disparity");
            assert!(
                point.contains(&format!("{arr:.2} times as often")),
                "{point}"
            );
        }
    }
    assert!(checked >= 2, "{checked} adverse groups checked");
    // The typical worker's value sits next to the worker's.
    assert!(md.contains("Typical worker"));
    // Model internals are in the appendix only.
    let main = md.split("## Appendix").next().unwrap();
    for jargon in ["Shapley", "R²", "surrogate", "R squared"] {
        assert!(!main.contains(jargon), "{jargon} in the main text");
    }

    // The courier platform lists the platform rights, and the Chinese document uses PIPL's
    // terms, full-width punctuation, and deadlines with their length.
    let (e, md) = one("couriers.toml", "C0000002", "zh", "first-zh");
    assert!(md.starts_with("# 自动化决策说明"), "{}", &md[..40]);
    assert!(!md.contains("自动化决定"));
    assert!(
        md.contains("一年内") || md.contains("期限为一年"),
        "no length in Chinese"
    );
    let main = md.split("## 附录").next().unwrap();
    for jargon in ["替代模型", "沙普利", "决定系数", "R²"] {
        assert!(!main.contains(jargon), "{jargon} in the Chinese main text");
    }
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let chars: Vec<char> = md.chars().collect();
    for w in chars.windows(3) {
        assert!(
            !(cjk(w[0]) && matches!(w[1], ',' | ';' | ':' | '(' | ')') && cjk(w[2])),
            "half-width '{}' between Chinese characters: {}{}{}",
            w[1],
            w[0],
            w[1],
            w[2]
        );
    }
    assert!(
        e["rights"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| !r["summary"].as_str().unwrap().contains("用人方"))
    );
}

/// Overtime is a working-time matter with a legal cap (Labour Law Art. 41: 36 hours a month):
/// the screening names the workers above it, counted from the data, and an explanation for a
/// worker above it says so.
#[test]
fn overtime_above_the_legal_cap_is_named() {
    let csv = Csv::read(&datasets().join("attrition.csv"));
    let c = csv.col("overtime_hours_month");
    let above = csv
        .rows
        .iter()
        .filter(|r| r[c].parse::<f64>().unwrap() > 36.0)
        .count();
    let dir = tmp("overtime-cap");
    candor()
        .args(["audit", "--spec"])
        .arg(datasets().join("attrition.toml"))
        .args(["--bootstrap", "0", "--format", "json", "--out"])
        .arg(dir.join("o"))
        .assert()
        .success();
    let a: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("o/audit.json")).unwrap()).unwrap();
    let f = a["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["column"] == "overtime_hours_month")
        .expect("overtime is flagged");
    assert_eq!(f["category"], "working_time");
    assert_eq!(f["evidence"]["over_limit"]["workers"], above as u64);
    assert_eq!(f["evidence"]["over_limit"]["amount"], 36.0);
    assert!(
        f["summary"]
            .as_str()
            .unwrap()
            .contains(&format!("{above} workers"))
    );
    // A flagged employee with 49 overtime hours a month.
    let id = csv.col("employee_id");
    let flag = csv.col("flight_risk_flag");
    let worker = csv
        .rows
        .iter()
        .find(|r| r[flag] == "1" && r[c].parse::<f64>().unwrap() > 36.0)
        .unwrap();
    let (e, md) = one("attrition.toml", &worker[id], "en", "overtime-one");
    assert!(
        e["challenge"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["kind"] == "over_legal_limit"),
        "{}",
        e["challenge"]
    );
    assert!(md.contains("36 hours a month"));
    let (_, md) = one("attrition_zh.toml", &worker[id], "zh", "overtime-one-zh");
    assert!(md.contains("三十六小时"));
}
