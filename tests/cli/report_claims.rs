//! What a published report claims: Ricci v. DeStefano's lieutenant exam with the default
//! settings (small groups shown, equal to fairlearn 0.15), gates that cannot be misspelt, the
//! cover naming what was audited in both languages, and every number of a summary finding in
//! the table of findings.

use std::path::Path;

use super::common::*;

fn ricci() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ricci.csv")
}

fn ricci_lieutenant(out: &str, extra: &[&str]) -> serde_json::Value {
    let dir = tmp(out);
    let mut args = vec![
        ricci().display().to_string(),
        "--score".into(),
        "Combine".into(),
        "--threshold".into(),
        "70".into(),
        "--group".into(),
        "Race".into(),
        "--where".into(),
        "Position = 'Lieutenant'".into(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    audit_json(&args, &dir.join("o"))
}

/// fairlearn 0.15.0 MetricFrame(selection_rate) by Race on the lieutenant exam (pass =
/// Combine >= 70), from scripts/reference/ricci_fairlearn.py: the figures printed by repr().
#[test]
fn ricci_lieutenant_with_defaults_equals_fairlearn() {
    let a = ricci_lieutenant("ricci-lt", &[]);
    let want = [
        ("B", 19, 0.3157894736842105, Some(0.5431578947368421)),
        ("H", 15, 0.2, Some(0.344)),
        ("W", 43, 0.5813953488372093, Some(1.0)),
    ];
    for (g, n, rate, ratio) in want {
        let r = row(&a, "Race", g, "favorable_rate").unwrap_or_else(|| panic!("no rate for {g}"));
        assert_eq!(r["n"].as_u64(), Some(n), "{g}");
        assert_close(
            r["value"].as_f64(),
            rate,
            1e-9,
            &format!("{g} selection rate"),
        );
        assert_close(
            metric(&a, "Race", g, "impact_ratio"),
            ratio.unwrap(),
            1e-9,
            &format!("{g} impact ratio"),
        );
    }
    // fairlearn's demographic parity over every group.
    assert_close(
        metric(&a, "Race", "*", "demographic_parity_difference"),
        0.3813953488372093,
        1e-9,
        "demographic_parity_difference",
    );
    assert_close(
        metric(&a, "Race", "*", "demographic_parity_ratio"),
        0.344,
        1e-9,
        "demographic_parity_ratio",
    );
    // Small groups (19 and 15 < 30) are tested exactly: scipy.stats.fisher_exact two-sided
    // p-values 0.09708121873277925 (B vs W) and 0.01592762209807101 (H vs W).
    let b = row(&a, "Race", "B", "impact_ratio").unwrap();
    assert_eq!(b["test"], "fisher_exact");
    assert_close(b["p_value"].as_f64(), 0.09708121873277925, 1e-9, "Fisher B");
    let h = row(&a, "Race", "H", "impact_ratio").unwrap();
    assert_close(h["p_value"].as_f64(), 0.01592762209807101, 1e-9, "Fisher H");
    // Wilson 95 % intervals (statsmodels proportion_confint, method="wilson").
    let br = row(&a, "Race", "B", "favorable_rate").unwrap();
    assert_close(
        br["ci_low"].as_f64(),
        0.1536437908779228,
        1e-9,
        "Wilson B low",
    );
    assert_close(
        br["ci_high"].as_f64(),
        0.5398959232467254,
        1e-9,
        "Wilson B high",
    );
    // Both ratios are below 0.8; the verdict follows the corrected p-value (Holm over every
    // test of the audit: the two decision comparisons, and the score's). B (p = 0.097 before
    // correction) cannot be confirmed; the severity never goes beyond the evidence.
    for r in [&b, &h] {
        let p = r["p_adjusted"].as_f64().unwrap();
        assert!(p >= r["p_value"].as_f64().unwrap());
        let want = if p < 0.05 {
            "adverse_significant"
        } else {
            "adverse_not_significant"
        };
        assert_eq!(r["verdict"], want, "{r}");
    }
    assert_eq!(b["verdict"], "adverse_not_significant");
    let findings = a["findings"].as_array().unwrap();
    for (g, r) in [("B", &b), ("H", &h)] {
        let f = findings
            .iter()
            .find(|f| f["group"] == g && f["metric"] == "impact_ratio")
            .unwrap_or_else(|| panic!("no finding for {g}"));
        let want = if r["verdict"] == "adverse_significant" {
            "high"
        } else {
            "low"
        };
        assert_eq!(f["severity"], want, "{f}");
        assert_eq!(f["worse_off"], g);
    }
    // Without the score, the decision is the only family: Holm over two tests gives H
    // 2 x 0.0159 = 0.0319 < 0.05, a significant gap.
    let dir = tmp("ricci-decision-only");
    let csv = std::fs::read_to_string(ricci()).unwrap();
    let mut with_pass = String::from("Position,Race,pass\n");
    for l in csv.lines().skip(1) {
        let c: Vec<&str> = l.split(',').collect();
        let pass = c[4].parse::<f64>().unwrap() >= 70.0;
        with_pass.push_str(&format!("{},{},{}\n", c[0], c[1], u8::from(pass)));
    }
    let p = fixture(&dir, "ricci_pass.csv", with_pass.as_bytes());
    let a = audit_json(
        &[
            p.to_str().unwrap(),
            "--decision",
            "pass",
            "--group",
            "Race",
            "--where",
            "Position = 'Lieutenant'",
        ],
        &dir.join("o"),
    );
    let h = row(&a, "Race", "H", "impact_ratio").unwrap();
    assert_close(
        h["p_adjusted"].as_f64(),
        2.0 * 0.01592762209807101,
        1e-9,
        "Holm H",
    );
    assert_eq!(h["verdict"], "adverse_significant");
    assert_close(h["value"].as_f64(), 0.344, 1e-9, "H impact ratio");
}

#[test]
fn disclosure_setting_withholds_small_groups_everywhere() {
    // With a disclosure minimum of 16, the 15 Hispanic candidates are withheld in every
    // output: no rate, no ratio, no count in the LL144-style tables or the Markdown.
    let dir = tmp("ricci-disclosure");
    candor()
        .arg("audit")
        .arg(ricci())
        .args([
            "--score",
            "Combine",
            "--threshold",
            "70",
            "--group",
            "Race",
            "--where",
            "Position = 'Lieutenant'",
            "--min-published-group",
            "16",
            "--out",
        ])
        .arg(dir.join("o"))
        .assert()
        .success();
    let a: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("o/audit.json")).unwrap()).unwrap();
    for m in ["favorable_rate", "selected", "impact_ratio", "adverse_rate"] {
        let r = row(&a, "Race", "H", m).unwrap();
        assert!(r["value"].is_null(), "{m}: {r}");
    }
    assert_eq!(
        row(&a, "Race", "H", "impact_ratio").unwrap()["verdict"],
        "withheld"
    );
    let md = std::fs::read_to_string(dir.join("o/audit.md")).unwrap();
    let line = md
        .lines()
        .find(|l| l.starts_with("| H | 15 |"))
        .expect("the H row is listed");
    assert!(line.contains("withheld"), "{line}");
    assert!(
        !line.contains("20.0 %") && !line.contains("0.344"),
        "{line}"
    );
    let csv = std::fs::read_to_string(dir.join("o/metrics.csv")).unwrap();
    assert!(
        !csv.lines().any(|l| l.starts_with("Race,H,selected,,3,")),
        "count leaked"
    );
}

#[test]
fn misspelt_gate_is_an_error_and_a_breached_gate_exits_1() {
    let dir = tmp("gates");
    let out = candor()
        .arg("audit")
        .arg(ricci())
        .args([
            "--score",
            "Combine",
            "--threshold",
            "70",
            "--group",
            "Race",
            "--fail-on",
            "impcat_ratio<0.8",
            "--out",
        ])
        .arg(dir.join("a"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("impcat_ratio") && err.contains("impact_ratio"),
        "{err}"
    );
    assert!(!dir.join("a").exists());
    let out = candor()
        .arg("audit")
        .arg(ricci())
        .args([
            "--score",
            "Combine",
            "--threshold",
            "70",
            "--group",
            "Race",
            "--fail-on",
            "adverse_rate_ratio>1.25",
            "--out",
        ])
        .arg(dir.join("b"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn demo_md(spec: &str, out: &str) -> String {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("datasets")
        .join(spec);
    let dir = tmp(out);
    candor()
        .args(["audit", "--spec"])
        .arg(&spec)
        .args(["--bootstrap", "0", "--format", "md,html,json", "--out"])
        .arg(dir.join("o"))
        .assert()
        .success();
    std::fs::read_to_string(dir.join("o/audit.md")).unwrap()
}

#[test]
fn cover_names_what_was_audited_in_both_languages() {
    let en = demo_md("warehouse.toml", "cover-en");
    let cover = en
        .split("## Summary")
        .next()
        .expect("the cover comes before the summary");
    assert!(cover.contains("## What was audited"), "{cover}");
    for needle in [
        "flagged_for_termination_review",
        "performance_score (a high score is favorable",
        "termination",
        "pipl, cn-labour",
        "559a5a446f5633bae8f3524a8a1d0198075f8faca11ff6256c90a8936a2ebf65",
        "2026-11-23",
    ] {
        assert!(cover.contains(needle), "cover lacks {needle}:\n{cover}");
    }
    let zh = demo_md("warehouse_zh.toml", "cover-zh");
    let cover = zh.split("## 摘要").next().unwrap();
    assert!(cover.contains("## 审计对象"), "{cover}");
    assert!(cover.contains("列入解雇审查"), "{cover}");
    assert!(cover.contains("高分对劳动者有利"), "{cover}");
    // The summary has at most five points and comes right after the cover.
    let summary = en
        .split("## Summary")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    let points = summary.lines().filter(|l| l.starts_with("- ")).count();
    assert!((1..=5).contains(&points), "{points} summary points");
}

/// Every number quoted by a finding's sentence is in that finding's row of the table of
/// findings (same formatting), so a reader can check each one.
#[test]
fn every_number_of_a_finding_is_in_its_table_row() {
    let md = demo_md("couriers.toml", "numbers");
    let number = regex_lite_numbers;
    let table_rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| F")).collect();
    let mut checked = 0;
    for line in md.lines().filter(|l| l.starts_with("- F")) {
        let id = line[2..].split(' ').next().unwrap();
        let Some(row) = table_rows
            .iter()
            .find(|r| r.starts_with(&format!("| {id} (")))
        else {
            continue; // an input finding: its numbers are in the inputs table
        };
        let sentence = line.split("] ").nth(1).unwrap_or(line);
        for n in number(sentence) {
            // Counts of workers (n = ...) are in the group column as "(n)".
            assert!(
                row.contains(&n),
                "{id}: {n} is not in its row\n{line}\n{row}"
            );
        }
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} findings checked");
}

/// The decimal numbers of a sentence (ratios, percentages, p-values), skipping numbers that
/// are part of a name or a value from the data (after "= " or inside a name).
fn regex_lite_numbers(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit()
            && (i == 0 || !chars[i - 1].is_alphanumeric() && chars[i - 1] != '_')
        {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let tok: String = chars[start..i].iter().collect();
            let tok = tok.trim_end_matches('.').to_string();
            let before: String = chars[..start].iter().collect();
            // Skip thresholds from the data ("≥ 60"), the sample median, the confidence
            // level and integers (counts and values such as "= 1").
            let skip = before.ends_with("≠ ")
                || before.ends_with("≥ ")
                || before.ends_with("< ")
                || before.ends_with("median ")
                || tok == "95"
                || tok == "0.0001"
                || !tok.contains('.');
            if !skip {
                out.push(tok);
            }
        } else {
            i += 1;
        }
    }
    out
}
