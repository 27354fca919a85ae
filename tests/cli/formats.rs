//! Input formats and CSV dialects: delimiters, no header, BOM, CRLF, quoting, missing markers,
//! GBK, Unicode names, and the explicit unknown group.

use super::common::*;

fn run(path: &std::path::Path, extra: &[&str], out: &str) -> serde_json::Value {
    let d = tmp(out);
    let mut args = vec![
        path.to_str().unwrap(),
        "--min-group-size",
        "1",
        "--bootstrap",
        "0",
    ];
    args.extend_from_slice(extra);
    audit_json(&args, &d.join("out"))
}

#[test]
fn semicolon_crlf_bom_quotes_and_missing() {
    let d = tmp("dialect");
    let p = fixture(
        &d,
        "a.csv",
        b"\xef\xbb\xbfsex;\"dept, name\";decision\r\nF;\"A; x\";1\r\nM;B;0\r\n?;B;1\r\nNA;A;0\r\n;A;1\r\nF;A;0\r\n",
    );
    let a = run(
        &p,
        &[
            "--delimiter",
            ";",
            "--decision",
            "decision",
            "--group",
            "sex",
        ],
        "dialect-out",
    );
    assert_eq!(count(&a, "sex", "F", "n"), 2);
    assert_eq!(count(&a, "sex", "M", "n"), 1);
    // "?", "NA" and "" are missing: the explicit unknown group, counted, not dropped.
    assert_eq!(count(&a, "sex", "unknown", "n"), 3);
    let unknown = a["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group"] == "unknown")
        .unwrap();
    assert_eq!(unknown["status"], "unknown");
}

#[test]
fn no_header_names_by_position() {
    let d = tmp("nohdr");
    let p = fixture(&d, "a.tsv", b"F\t1\nM\t0\nF\t0\nM\t1\n");
    let a = run(
        &p,
        &[
            "--no-header",
            "--decision",
            "column_2",
            "--group",
            "column_1",
        ],
        "nohdr-out",
    );
    assert_eq!(count(&a, "column_1", "F", "n"), 2);
}

#[test]
fn gbk_with_chinese_names() {
    let d = tmp("gbk");
    let (bytes, _, _) =
        encoding_rs::GBK.encode("性别,病假天数,列入审查\n女,3,1\n男,0,0\n女,5,1\n男,1,1\n");
    let p = fixture(&d, "a.csv", &bytes);
    let a = run(
        &p,
        &[
            "--encoding",
            "gbk",
            "--decision",
            "列入审查",
            "--group",
            "性别",
            "--features",
            "病假天数",
            "--min-published-group",
            "1",
        ],
        "gbk-out",
    );
    assert_eq!(count(&a, "性别", "女", "selected"), 2);
    assert_eq!(count(&a, "性别", "男", "n"), 2);
}

#[test]
fn multiclass_one_vs_rest() {
    let d = tmp("multi");
    let p = fixture(
        &d,
        "a.csv",
        b"sex,outcome\nF,promoted\nM,dismissed\nF,unchanged\nM,promoted\nF,promoted\nM,unchanged\n",
    );
    let a = run(
        &p,
        &[
            "--decision",
            "outcome",
            "--group",
            "sex",
            "--min-published-group",
            "1",
        ],
        "multi-out",
    );
    let rows = a["metrics"].as_array().unwrap();
    let r = rows
        .iter()
        .find(|r| r["group"] == "F" && r["metric"] == "selection_rate" && r["class"] == "promoted")
        .expect("class row");
    assert!((r["value"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-12);
}

/// Groups below the disclosure setting are withheld (null with a reason), never 0; groups
/// below the minimum group size but above the disclosure setting keep their figures.
#[test]
fn small_groups_withheld_by_disclosure_not_zero() {
    let d = tmp("small");
    let p = fixture(&d, "a.csv", b"sex,decision\nF,0\nF,0\nM,1\nM,0\n");
    let dd = tmp("small-out");
    let a = audit_json(
        &[
            p.to_str().unwrap(),
            "--decision",
            "decision",
            "--group",
            "sex",
            "--min-group-size",
            "3",
            "--min-published-group",
            "3",
        ],
        &dd.join("o"),
    );
    let r = row(&a, "sex", "F", "selection_rate").unwrap();
    assert!(r["value"].is_null(), "withheld, not 0");
    assert!(r["reason"].as_str().unwrap().starts_with("withheld"));
    let ir = row(&a, "sex", "F", "impact_ratio").unwrap();
    assert_eq!(ir["verdict"], "withheld");
    // With a disclosure minimum of 1 the same small groups are shown, tested exactly.
    let a = audit_json(
        &[
            p.to_str().unwrap(),
            "--decision",
            "decision",
            "--group",
            "sex",
            "--min-group-size",
            "2",
            "--min-published-group",
            "1",
        ],
        &dd.join("o2"),
    );
    assert_eq!(metric(&a, "sex", "F", "selection_rate"), Some(0.0));
    assert_eq!(metric(&a, "sex", "M", "selection_rate"), Some(0.5));
    assert_eq!(
        row(&a, "sex", "F", "selection_rate_ratio").unwrap()["test"],
        "fisher_exact"
    );
}

#[test]
fn zero_over_zero_is_undefined_with_reason() {
    // No worker in group F has a positive label: TPR is 0/0.
    let d = tmp("zero");
    let p = fixture(
        &d,
        "a.csv",
        b"sex,decision,label\nF,1,0\nF,0,0\nM,1,1\nM,0,0\n",
    );
    let a = run(
        &p,
        &[
            "--decision",
            "decision",
            "--label",
            "label",
            "--group",
            "sex",
            "--min-published-group",
            "1",
        ],
        "zero-out",
    );
    let r = row(&a, "sex", "F", "tpr").unwrap();
    assert!(r["value"].is_null());
    assert!(r["reason"].as_str().unwrap().contains("denominator"));
}

#[test]
fn init_proposes_roles() {
    let d = tmp("init");
    let p = fixture(&d, "a.csv", b"worker_id,sex,age_band,flagged,performance_score,hours\nW1,F,18-29,1,35.5,40\nW2,M,30-44,0,70.1,38\nW3,F,30-44,0,66.0,41\nW4,M,18-29,1,20.2,39\n");
    let out = candor().arg("init").arg(&p).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("id = \"worker_id\""), "{text}");
    assert!(
        text.contains("attributes = [\"sex\", \"age_band\"]"),
        "{text}"
    );
    assert!(text.contains("column = \"flagged\""), "{text}");
    assert!(text.contains("column = \"performance_score\""), "{text}");
    assert!(text.contains("GUESSED"));
    // The starter spec runs as it is, also when saved in another folder than the data.
    let spec = fixture(&tmp("init-elsewhere"), "spec.toml", text.as_bytes());
    candor()
        .args(["audit", "--spec"])
        .arg(&spec)
        .arg("--out")
        .arg(d.join("r"))
        .assert()
        .success();
}

/// Strings from the data are escaped in audit.html and neutralised in metrics.csv.
#[test]
fn hostile_names_render_as_text() {
    let d = tmp("xss");
    let p = fixture(
        &d,
        "a.csv",
        b"'><img src=x onerror=alert(1)>,decision\n<script>alert(1)</script>,1\n\"=HYPERLINK(\"\"http://x\"\")\",0\n<script>alert(1)</script>,0\n\"=HYPERLINK(\"\"http://x\"\")\",1\n",
    );
    candor()
        .arg("audit")
        .arg(&p)
        .args([
            "--decision",
            "decision",
            "--group",
            "'><img src=x onerror=alert(1)>",
            "--min-group-size",
            "1",
            "--out",
        ])
        .arg(d.join("o"))
        .assert()
        .success();
    let html = std::fs::read_to_string(d.join("o/audit.html")).unwrap();
    assert!(!html.contains("<script>alert"), "script tag leaked");
    assert!(!html.contains("<img src=x"), "img tag leaked");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&#39;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    let csv = std::fs::read_to_string(d.join("o/metrics.csv")).unwrap();
    assert!(
        !csv.lines()
            .any(|l| l.starts_with('=') || l.contains(",=HYPERLINK")),
        "formula not neutralised"
    );
    assert!(csv.contains("'=HYPERLINK"));
}

/// The same table as CSV, Parquet, Arrow IPC and NDJSON gives the same metrics.
#[test]
fn parquet_ipc_ndjson_match_csv() {
    let d = tmp("formats4");
    let csv = fixture(
        &d,
        "a.csv",
        b"sex,decision,score,label\nF,1,0.9,1\nM,0,0.2,0\nF,1,0.7,0\nM,0,0.4,1\nF,0,0.3,0\nM,1,0.8,1\nF,0,0.1,0\nM,1,0.6,1\n",
    );
    let args = [
        "--decision",
        "decision",
        "--score",
        "score",
        "--label",
        "label",
        "--group",
        "sex",
        "--min-group-size",
        "1",
        "--bootstrap",
        "50",
    ];
    let base = audit_json(
        &[&[csv.to_str().unwrap()][..], &args[..]].concat(),
        &d.join("o-csv"),
    );
    for ext in ["parquet", "arrow", "ndjson"] {
        let out = d.join(format!("a.{ext}"));
        candor()
            .arg("convert")
            .arg(&csv)
            .arg(&out)
            .assert()
            .success();
        let a = audit_json(
            &[&[out.to_str().unwrap()][..], &args[..]].concat(),
            &d.join(format!("o-{ext}")),
        );
        assert_eq!(a["metrics"], base["metrics"], "{ext}");
        assert_eq!(
            a["provenance"]["inputs"][0]["format"],
            if ext == "arrow" { "ipc" } else { ext }
        );
    }
}
