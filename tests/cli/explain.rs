//! `candor explain` on the demo datasets: planted prohibited inputs named where they drove
//! the decision, counterfactuals that flip the surrogate, additivity, determinism, privacy,
//! both languages complete, and bad input.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::common::*;

fn ground_truth() -> toml::Table {
    std::fs::read_to_string(datasets().join("ground_truth.toml"))
        .expect("ground truth")
        .parse()
        .expect("valid toml")
}

/// Runs `candor explain` and returns the output folder.
fn explain(name: &str, args: &[&str]) -> PathBuf {
    let out = tmp(name).join("x");
    candor()
        .arg("explain")
        .args(args)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    out
}

fn read_json(p: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(p).expect("written")).expect("valid json")
}

fn all_json(dir: &Path) -> Vec<serde_json::Value> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files.iter().map(|p| read_json(p)).collect()
}

/// The JSON explanations of every worker with an adverse outcome in a demo dataset (the audit
/// without bootstrap, which explanations do not use).
fn adverse_docs(dataset: &str, name: &str) -> Vec<serde_json::Value> {
    let spec = datasets().join(format!("{dataset}.toml"));
    let out = explain(
        name,
        &[
            "--spec",
            spec.to_str().unwrap(),
            "--all",
            "--adverse",
            "--format",
            "json",
            "--bootstrap",
            "0",
        ],
    );
    all_json(&out)
}

fn f(v: &serde_json::Value) -> f64 {
    v.as_f64().expect("a number")
}

#[test]
fn warehouse_flagged_workers_see_the_planted_inputs_and_flipping_counterfactuals() {
    let docs = adverse_docs("warehouse", "wh-adverse");
    let gt = ground_truth();
    let planted_used: BTreeSet<String> = gt["warehouse"]["prohibited"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["used"].as_bool() == Some(true))
        .map(|p| p["column"].as_str().unwrap().to_string())
        .collect();
    let planted_unused: BTreeSet<String> = gt["warehouse"]["prohibited"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["used"].as_bool() == Some(false))
        .map(|p| p["column"].as_str().unwrap().to_string())
        .collect();
    // 3134 workers are flagged in the committed demo (ground_truth realised_flag_rate 0.157).
    assert_eq!(docs.len(), 3134);

    let mut driven = 0;
    let mut cf_found = 0;
    let mut agreeing = 0;
    for e in &docs {
        assert_eq!(e["outcome"]["adverse"], true);
        // Additivity: contributions sum to output - baseline (1e-9).
        let sum: f64 = e["factors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| f(&x["contribution"]))
            .sum();
        let (out_v, base) = (f(&e["model"]["output"]), f(&e["model"]["baseline"]));
        assert!((sum - (out_v - base)).abs() < 1e-9, "{}", e["subject"]);
        // Every planted prohibited input is marked in the data section, with its category.
        for p in gt["warehouse"]["prohibited"].as_array().unwrap() {
            let col = p["column"].as_str().unwrap();
            let input = e["inputs"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["column"] == col)
                .expect("input listed");
            assert_eq!(input["flag"]["kind"], "prohibited_input", "{col}");
            assert_eq!(
                input["flag"]["category"],
                p["category"].as_str().unwrap(),
                "{col}"
            );
        }
        // Where the prohibited inputs drove the decision (removing them flips it), the
        // explanation names a planted, used prohibited input as a challenge point, and never an
        // unused one.
        let points: Vec<String> = e["challenge"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["kind"] == "prohibited_input_used")
            .map(|c| c["text"].as_str().unwrap().to_string())
            .collect();
        for u in &planted_unused {
            assert!(
                !points.iter().any(|t| t.contains(&format!("\"{u}\""))),
                "{}: unused {u} named",
                e["subject"]
            );
        }
        if e["prohibited"]["flips"] == true {
            driven += 1;
            assert!(
                points
                    .iter()
                    .any(|t| planted_used.iter().any(|c| t.contains(&format!("\"{c}\"")))),
                "{}: {points:?}",
                e["subject"]
            );
            assert!(
                e["challenge"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|c| c["kind"] == "outcome_rests_on_prohibited_inputs")
            );
            // Without them the real score (minus their effect) is on the other side of the
            // threshold.
            let t = f(&e["outcome"]["threshold"]);
            let real = f(&e["outcome"]["score"]);
            let without = f(&e["prohibited"]["score_without"]);
            assert!((without - (real - f(&e["prohibited"]["total"]))).abs() < 1e-9);
            assert!((real < t) != (without < t));
        }
        // Counterfactuals start from the real score and cross the threshold (checked here
        // against the threshold; against the generating formula in explain_truth.rs), and touch
        // only inputs a worker can act on, in the allowed direction.
        let cf = &e["counterfactual"];
        if e["model"]["agrees_with_real"] == true {
            agreeing += 1;
        }
        if cf["status"] == "found" {
            cf_found += 1;
            assert_eq!(cf["anchored"], true, "{}", e["subject"]);
            assert_eq!(cf["holds_under_every_fold"], true, "{}", e["subject"]);
            let t = f(&e["outcome"]["threshold"]);
            let (before, after) = (f(&cf["score_before"]), f(&cf["score_after"]));
            assert_eq!(before, f(&e["outcome"]["score"]));
            assert!(
                (before < t) && (after > t),
                "{}: {before} -> {after}",
                e["subject"]
            );
            for c in cf["changes"].as_array().unwrap() {
                let col = c["column"].as_str().unwrap();
                assert!(!planted_used.contains(col) && !planted_unused.contains(col));
                assert_ne!(col, "home_district", "a proxy is never proposed");
                if col == "tenure_months" || col == "training_hours" {
                    let from: f64 = c["from"].as_str().unwrap().parse().unwrap();
                    let to: f64 = c["to"].as_str().unwrap().parse().unwrap();
                    assert!(to >= from, "{col} may only increase");
                }
            }
        }
    }
    // The planted inputs drive a sizeable share of the flags (sick leave alone moves the score
    // by a point per day); the model reproduces most flags held out; most flagged workers get
    // a counterfactual (anchored on their real score, whatever the model says for them).
    assert!(
        driven > 500,
        "{driven} flagged workers driven by prohibited inputs"
    );
    assert!(
        agreeing * 10 > docs.len() * 7,
        "{agreeing} reproduced of {}",
        docs.len()
    );
    assert!(
        cf_found * 10 > docs.len() * 7,
        "{cf_found} counterfactuals of {}",
        docs.len()
    );
}

#[test]
fn explanations_are_deterministic_hashed_and_private() {
    let spec = datasets().join("warehouse.toml");
    let args = [
        "--spec",
        spec.to_str().unwrap(),
        "--subject",
        "W0000004",
        "--subject",
        "W0000001",
        "--bootstrap",
        "200",
    ];
    let a = explain("det-a", &args);
    let b = explain("det-b", &args);
    for name in [
        "W0000004.json",
        "W0000004.md",
        "W0000004.html",
        "W0000001.json",
    ] {
        assert_eq!(
            std::fs::read(a.join(name)).unwrap(),
            std::fs::read(b.join(name)).unwrap(),
            "{name} differs between runs"
        );
    }
    let e = read_json(&a.join("W0000004.json"));
    // The documented check: blank the hash in the file's bytes, hash them.
    let hash = e["provenance"]["document_sha256"].as_str().unwrap();
    assert_eq!(hash.len(), 64);
    let text = std::fs::read_to_string(a.join("W0000004.json")).unwrap();
    let blank = text.replacen(
        &format!("\"document_sha256\": \"{hash}\""),
        "\"document_sha256\": \"\"",
        1,
    );
    use sha2::Digest;
    let again: String = sha2::Sha256::digest(blank.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(again, hash, "the document hash recipe");
    assert_eq!(e["provenance"]["data_file"], "warehouse.csv");
    // Privacy: no other worker's id anywhere in the worker's documents.
    let id = regex::Regex::new(r"W\d{7}").unwrap();
    for ext in ["json", "md", "html"] {
        let text = std::fs::read_to_string(a.join(format!("W0000004.{ext}"))).unwrap();
        for m in id.find_iter(&text) {
            assert_eq!(m.as_str(), "W0000004", "another worker's id in the .{ext}");
        }
    }
    // The similar-worker comparison gives counts only.
    let s = &e["similar"];
    assert_eq!(
        s["same_outcome"].as_u64().unwrap() + s["other_outcome"].as_u64().unwrap(),
        50
    );
}

/// Latin words left once the data's own strings are removed.
fn english_words(text: &str, data: &[String]) -> Vec<String> {
    // Markdown escapes (`\_`) are not part of the words.
    let text = text.replace('\\', "");
    let mut t = regex::Regex::new(r"[0-9a-f]{64}")
        .unwrap()
        .replace_all(&text, " ")
        .into_owned();
    // Only data strings with letters can leave words behind.
    let mut data: Vec<String> = data
        .iter()
        .filter(|d| d.chars().any(char::is_alphabetic))
        .cloned()
        .collect();
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    for d in &data {
        if !d.trim().is_empty() {
            t = t.replace(d.as_str(), " ");
        }
    }
    let t = regex::Regex::new(r"(?s)<style>.*?</style>")
        .unwrap()
        .replace_all(&t, " ");
    let t = regex::Regex::new(r"<[^>]*>").unwrap().replace_all(&t, " ");
    // Allowed: the program's name, hash and format names, JSON keys quoted in the
    // verification note, HTML entities.
    const ALLOWED: &[&str] = &[
        "Candor",
        "SHA",
        "JSON",
        "json",
        "provenance",
        "document_sha256",
        "amp",
        "quot",
        "lt",
        "gt",
    ];
    let mut words: Vec<String> = regex::Regex::new(r"[A-Za-z_]{3,}[0-9]*")
        .unwrap()
        .find_iter(&t)
        .map(|m| m.as_str().to_string())
        .filter(|w| !ALLOWED.contains(&w.as_str()))
        .collect();
    words.sort();
    words.dedup();
    words
}

fn data_strings(e: &serde_json::Value) -> Vec<String> {
    let mut out = vec![e["subject"].as_str().unwrap().to_string()];
    let mut push = |v: &serde_json::Value| {
        if let Some(s) = v.as_str() {
            out.push(s.to_string());
        }
    };
    push(&e["outcome"]["decision_column"]);
    push(&e["outcome"]["score_column"]);
    push(&e["provenance"]["data_file"]);
    push(&e["provenance"]["candor_version"]);
    for i in e["inputs"].as_array().unwrap() {
        push(&i["column"]);
        push(&i["value"]);
    }
    for g in e["groups"].as_array().unwrap() {
        push(&g["attribute"]);
        push(&g["group"]);
        push(&g["reference"]);
    }
    out
}

#[test]
fn chinese_explanations_are_complete() {
    let spec = datasets().join("warehouse_zh.toml");
    let dir = explain(
        "zh",
        &[
            "--spec",
            spec.to_str().unwrap(),
            "--all",
            "--adverse",
            "--bootstrap",
            "0",
            "--where",
            "\"工号\" <= 'W0000400'",
        ],
    );
    let docs = all_json(&dir);
    assert!(docs.len() > 30, "{} adverse workers", docs.len());
    for e in &docs {
        assert_eq!(e["lang"], "zh");
        let id = e["subject"].as_str().unwrap();
        let data = data_strings(e);
        for ext in ["md", "html"] {
            let text = std::fs::read_to_string(dir.join(format!("{id}.{ext}"))).unwrap();
            let left = english_words(&text, &data);
            assert!(left.is_empty(), "{id}.{ext} keeps English: {left:?}");
        }
        assert!(
            std::fs::read_to_string(dir.join(format!("{id}.html")))
                .unwrap()
                .contains("<html lang=\"zh\">")
        );
        // The text fields of the JSON are Chinese too.
        for c in e["challenge"].as_array().unwrap() {
            let left = english_words(c["text"].as_str().unwrap(), &data);
            assert!(left.is_empty(), "{id}: {left:?}");
        }
        for r in e["rights"].as_array().unwrap() {
            for k in ["summary", "citation", "law", "kind_text"] {
                let left = english_words(r[k].as_str().unwrap(), &data);
                assert!(left.is_empty(), "{id}: right {k} {left:?}");
            }
        }
    }
    // The English explanation of the same worker is English (same structure, other words).
    let spec_en = datasets().join("warehouse.toml");
    let first = docs[0]["subject"].as_str().unwrap();
    let en = explain(
        "en",
        &[
            "--spec",
            spec_en.to_str().unwrap(),
            "--subject",
            first,
            "--bootstrap",
            "0",
        ],
    );
    let md = std::fs::read_to_string(en.join(format!("{first}.md"))).unwrap();
    assert!(md.contains("## 5. What would have changed the outcome"));
}

#[test]
fn bad_explain_requests_exit_2_with_a_named_cause() {
    let spec = datasets().join("warehouse.toml");
    let dir = tmp("explain-bad");
    let out = dir.join("x");
    let o = candor()
        .args([
            "explain",
            "--spec",
            spec.to_str().unwrap(),
            "--subject",
            "W9999999",
        ])
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("no worker has the id 'W9999999'"), "{err}");
    assert!(!out.exists(), "nothing written on error");

    let o = candor()
        .args(["explain", "--spec", spec.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no worker chosen"));

    let list = fixture(&dir, "ids.txt", b"W0000001\n\nW12\n");
    let o = candor()
        .args(["explain", "--spec", spec.to_str().unwrap(), "--subjects"])
        .arg(&list)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("ids.txt line 3") && err.contains("'W12'"),
        "{err}"
    );

    let good = std::fs::read_to_string(&spec).unwrap();
    assert!(good.contains("immutable = [\"tenure_months\"]"));
    let bad = good.replace(
        "immutable = [\"tenure_months\"]",
        "immutable = [\"tenur_months\"]",
    );
    let bad_spec = fixture(&dir, "bad.toml", bad.as_bytes());
    std::fs::copy(datasets().join("warehouse.csv"), dir.join("warehouse.csv")).unwrap();
    std::fs::copy(
        datasets().join("warehouse_dictionary.csv"),
        dir.join("warehouse_dictionary.csv"),
    )
    .unwrap();
    let o = candor()
        .args(["explain", "--spec"])
        .arg(&bad_spec)
        .args(["--subject", "W0000001"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("explain.immutable") && err.contains("tenure_months"),
        "{err}"
    );

    // A categorical input cannot be one-directional.
    let mut cat = std::fs::read_to_string(&spec).unwrap();
    assert!(cat.contains("increase_only = [\"training_hours\"]"));
    cat = cat.replace(
        "increase_only = [\"training_hours\"]",
        "increase_only = [\"shift\"]",
    );
    let cat_spec = fixture(&dir, "cat.toml", cat.as_bytes());
    let o = candor()
        .args(["explain", "--spec"])
        .arg(&cat_spec)
        .args(["--subject", "W0000001", "--bootstrap", "0"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("'shift' is categorical"), "{err}");

    // --all with --subject, and --adverse without --all, are refused.
    for args in [
        vec!["--all", "--subject", "W0000001"],
        vec!["--adverse", "--subject", "W0000001"],
    ] {
        let o = candor()
            .args(["explain", "--spec", spec.to_str().unwrap()])
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
    }

    // An output folder holding other files is never replaced.
    let keep = dir.join("keep");
    std::fs::create_dir_all(&keep).unwrap();
    std::fs::write(keep.join("precious.txt"), "x").unwrap();
    let o = candor()
        .args([
            "explain",
            "--spec",
            spec.to_str().unwrap(),
            "--subject",
            "W0000001",
        ])
        .arg("--out")
        .arg(&keep)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(keep.join("precious.txt").exists());
}

/// An 18-digit PRC resident ID with a valid check digit (ISO 7064 MOD 11-2).
fn resident_id(seq: u32) -> String {
    let body = format!("11010519900101{seq:03}");
    let w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body
        .chars()
        .zip(w)
        .map(|(c, w)| c.to_digit(10).unwrap() * w)
        .sum();
    format!(
        "{body}{}",
        "10X98765432".chars().nth((sum % 11) as usize).unwrap()
    )
}

#[test]
fn identity_numbers_never_reach_an_output() {
    let dir = tmp("ids");
    let mut csv = String::from("staff_id,sex,flagged,tenure,sick_days,national_id\n");
    let mut ids = Vec::new();
    for i in 0..80u32 {
        let id = resident_id(i);
        let sex = if i % 2 == 0 { "F" } else { "M" };
        let sick = i % 7;
        let tenure = 10 + (i * 13) % 50;
        let flagged = u8::from(sick * 3 + (60 - tenure) / 10 > 12);
        csv.push_str(&format!("{id},{sex},{flagged},{tenure},{sick},{id}\n"));
        ids.push(id);
    }
    let data = fixture(&dir, "staff.csv", csv.as_bytes());
    let common = [
        "--decision",
        "flagged",
        "--positive",
        "1",
        "--favorable",
        "negative",
        "--group",
        "sex",
        "--id",
        "staff_id",
        "--features",
        "tenure,sick_days,national_id",
        "--bootstrap",
        "50",
        "--min-group-size",
        "5",
    ];
    let out = dir.join("x");
    candor()
        .arg("explain")
        .arg(&data)
        .args(common)
        .args(["--all", "--out"])
        .arg(&out)
        .assert()
        .success();
    let audit_out = dir.join("a");
    candor()
        .arg("audit")
        .arg(&data)
        .args(common)
        .arg("--out")
        .arg(&audit_out)
        .assert()
        .success();
    let mut files = 0;
    for folder in [&out, &audit_out] {
        for entry in std::fs::read_dir(folder).unwrap() {
            let p = entry.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).unwrap();
            for id in &ids {
                assert!(!name.contains(id.as_str()), "{name} is named by an id");
                assert!(!text.contains(id.as_str()), "{name} prints the id {id}");
                // Nor the 17-digit body of the number.
                assert!(!text.contains(&id[..17]), "{name} prints part of {id}");
            }
            files += 1;
        }
    }
    assert!(files > 80 * 3, "{files} files checked");
    // The worker is still found by the real id, and shown by a keyed pseudonym.
    let one = dir.join("one");
    candor()
        .arg("explain")
        .arg(&data)
        .args(common)
        .args(["--subject", &ids[3], "--format", "json", "--out"])
        .arg(&one)
        .assert()
        .success();
    // A yes/no decision without a score: the additive model of the decision's log-odds.
    for e in all_json(&out) {
        assert_eq!(e["model"]["model"], "additive");
        assert_eq!(e["model"]["scale"], "decision_log_odds");
        let sum: f64 = e["factors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| f(&x["contribution"]))
            .sum();
        let gap = f(&e["model"]["output"]) - f(&e["model"]["baseline"]);
        assert!((sum - gap).abs() < 1e-9);
    }
    let e = all_json(&one);
    assert_eq!(e.len(), 1);
    let subject = e[0]["subject"].as_str().unwrap();
    assert!(
        subject.starts_with("P-") && subject.len() == 18,
        "{subject}"
    );
    // The screening flags the identity-number column, and shows its values by shape only.
    let a = read_json(&audit_out.join("audit.json"));
    let text = serde_json::to_string(&a).unwrap();
    assert!(
        text.contains("#################"),
        "masked examples present"
    );
}

#[test]
fn group_figures_below_the_minimum_size_are_withheld() {
    let text = std::fs::read_to_string(datasets().join("warehouse.csv")).unwrap();
    let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    let col = header.iter().position(|h| *h == "disability").unwrap();
    let id = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|r| r[col] == "yes")
        .map(|r| r[0].to_string())
        .unwrap();
    let spec = datasets().join("warehouse.toml");
    // 789 workers have a disability: below a minimum of 1000, their figures are withheld.
    let out = explain(
        "small-groups",
        &[
            "--spec",
            spec.to_str().unwrap(),
            "--subject",
            &id,
            "--min-published-group",
            "1000",
            "--bootstrap",
            "0",
            "--format",
            "json",
        ],
    );
    let e = read_json(&out.join(format!("{id}.json")));
    let g = e["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["attribute"] == "disability")
        .unwrap();
    assert_eq!(g["group"], "yes");
    assert!(
        g["suppressed"]
            .as_str()
            .unwrap()
            .contains("fewer than 1000")
    );
    assert!(g["favorable_rate"].is_null() && g["impact_ratio"].is_null() && g["n"].is_null());
    // A large group keeps its figures.
    let sex = e["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["attribute"] == "sex")
        .unwrap();
    assert!(sex["favorable_rate"]["value"].as_f64().is_some());
}

#[test]
fn attrition_flags_name_the_planted_inputs_that_drove_them() {
    let docs = adverse_docs("attrition", "attr-adverse");
    let gt = ground_truth();
    let planted = |used: bool| -> BTreeSet<String> {
        gt["attrition"]["prohibited"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["used"].as_bool() == Some(used))
            .map(|p| p["column"].as_str().unwrap().to_string())
            .collect()
    };
    let (used, unused) = (planted(true), planted(false));
    assert!(docs.len() > 300, "{} flagged", docs.len());
    let mut driven = 0;
    for e in &docs {
        let sum: f64 = e["factors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| f(&x["contribution"]))
            .sum();
        let out_v = f(&e["model"]["output"]);
        assert!((sum - (out_v - f(&e["model"]["baseline"]))).abs() < 1e-9);
        let named = |c: &String| {
            e["challenge"].as_array().unwrap().iter().any(|p| {
                p["kind"] == "prohibited_input_used"
                    && p["text"].as_str().unwrap().contains(&format!("\"{c}\""))
            })
        };
        assert!(
            !unused.iter().any(named),
            "{}: an unused input named",
            e["subject"]
        );
        if e["prohibited"]["flips"] == true {
            driven += 1;
            assert!(used.iter().any(named), "{}", e["subject"]);
        }
        let cf = &e["counterfactual"];
        if cf["status"] == "found" {
            let t = f(&e["outcome"]["threshold"]);
            let above = e["outcome"]["positive_above_threshold"] == true;
            let positive = |v: f64| if above { v >= t } else { v < t };
            assert!(
                positive(f(&cf["score_before"])) && !positive(f(&cf["score_after"])),
                "{}",
                e["subject"]
            );
            assert_eq!(cf["crosses"], true);
        }
    }
    assert!(driven > 100, "{driven} flags driven by prohibited inputs");
}

/// In a population of 12, the similar workers are at most half of the others (5), never all
/// 11: counts over everyone else would be the population's totals, from which a withheld
/// group's figures could be worked out.
#[test]
fn similar_workers_never_amount_to_everyone_else() {
    let dir = std::env::temp_dir().join(format!("candor-it-{}-similar12", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut csv = String::from("id,sex,units,errors,score,flag\n");
    for i in 0..12 {
        let sex = if i < 8 { "F" } else { "M" };
        let units = 80 + 3 * i;
        let errors = (i * 7) % 5;
        let score = units as f64 / 2.0 - 4.0 * errors as f64;
        let flag = u8::from(score < 40.0);
        csv.push_str(&format!("W{i:02},{sex},{units},{errors},{score},{flag}\n"));
    }
    std::fs::write(dir.join("t.csv"), csv).unwrap();
    let out = dir.join("o");
    candor()
        .args(["explain"])
        .arg(dir.join("t.csv"))
        .args([
            "--id",
            "id",
            "--decision",
            "flag",
            "--favorable",
            "negative",
            "--score",
            "score",
            "--threshold",
            "40",
            "--score-favorable",
            "high",
            "--group",
            "sex",
            "--features",
            "units,errors",
            "--min-group-size",
            "1",
            "--all",
            "--format",
            "json",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    let docs = all_json(&out);
    assert_eq!(docs.len(), 12);
    for e in docs {
        let k = e["similar"]["compared"].as_u64().expect("a comparison");
        assert_eq!(k, 5, "{k} similar workers of 11 others");
    }
}
