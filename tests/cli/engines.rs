//! A second, independent engine: DuckDB (the PyPI package) runs the query `candor sql` prints on
//! each demo dataset, and `candor audit --cells` on its result must give the embedded engine's
//! audit.json in every disparity number. Bad cells files are refused with exit 2.
//!
//! DuckDB is found as `$CANDOR_DUCKDB_PYTHON` (a Python with the `duckdb` package; .ci/run
//! installs one in ~/.cache/candor-duckdb/venv and sets it), that venv, or `python3`. Without
//! it the comparison prints SKIPPED, unless `$CANDOR_REQUIRE_DUCKDB` is set (CI): then it fails.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use serde_json::Value;

use super::common::*;

pub(super) fn duckdb_python() -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(p) = std::env::var_os("CANDOR_DUCKDB_PYTHON") {
        candidates.push(p.into());
    }
    if let Some(home) = std::env::var_os("HOME") {
        candidates.push(Path::new(&home).join(".cache/candor-duckdb/venv/bin/python"));
    }
    candidates.push("python3".into());
    let found = candidates.into_iter().find(|p| {
        Process::new(p)
            .args(["-c", "import duckdb"])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CANDOR_REQUIRE_DUCKDB").is_none(),
            "DuckDB is required ($CANDOR_REQUIRE_DUCKDB) but no Python with the duckdb package was found"
        );
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: no Python with duckdb (pip install duckdb, or set CANDOR_DUCKDB_PYTHON)"
        );
    }
    found
}

/// Runs `sql` in DuckDB and writes its result to `out` (Parquet or CSV, by extension).
pub(super) fn run_duckdb(python: &Path, sql: &str, out: &Path) {
    let script = "import duckdb, sys\n\
                  r = duckdb.sql(open(sys.argv[1], encoding='utf-8').read())\n\
                  (r.write_parquet if sys.argv[2].endswith('.parquet') else r.write_csv)(sys.argv[2])\n";
    let file = out.with_extension("sql");
    std::fs::write(&file, sql).unwrap();
    let o = Process::new(python)
        .args(["-c", script])
        .arg(&file)
        .arg(out)
        .output()
        .expect("python runs");
    assert!(
        o.status.success(),
        "duckdb failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The disparity findings (a metric about a group), as opposed to input findings, without
/// their ids: the ids number every finding, input findings included, so they shift.
fn disparities(a: &Value) -> Vec<Value> {
    a["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f.get("metric").is_some())
        .map(|f| {
            let mut f = f.clone();
            f.as_object_mut().unwrap().remove("id");
            f
        })
        .collect()
}

/// The embedded engine's audit.json and the cells engine's agree in every field but these:
/// provenance (the cells file's name, format, hash and size, the engine, what was not run),
/// `screen` and `protection` (not run: they need rows) and the input and data-protection
/// findings.
fn assert_same_audit(name: &str, embedded: &Value, cells: &Value, cells_file: &Path) {
    let (e, c) = (embedded.as_object().unwrap(), cells.as_object().unwrap());
    assert_eq!(
        e.keys().collect::<Vec<_>>(),
        c.keys().collect::<Vec<_>>(),
        "{name}"
    );
    for (k, v) in e {
        match k.as_str() {
            "provenance" | "screen" | "protection" | "findings" => {}
            _ => assert!(v == &c[k], "{name}: '{k}' differs between the engines"),
        }
    }
    assert_eq!(
        disparities(embedded),
        disparities(cells),
        "{name}: findings"
    );
    assert!(c["screen"].is_null(), "{name}");
    // The data-protection review needs rows too.
    assert!(c["protection"].is_null(), "{name}");
    assert!(
        !disparities(cells).is_empty(),
        "{name}: no finding to compare"
    );
    assert_eq!(
        c["findings"].as_array().unwrap().len(),
        disparities(cells).len(),
        "{name}: the cells audit has input findings"
    );
    let (pe, pc) = (&embedded["provenance"], &cells["provenance"]);
    for k in ["candor_version", "spec_sha256", "seed"] {
        assert_eq!(pe[k], pc[k], "{name}: provenance.{k}");
    }
    assert_eq!(pe.get("engine"), None);
    assert_eq!(pc["engine"], "cells");
    assert_eq!(pc["not_run"], serde_json::json!(["screening"]), "{name}");
    let (ie, ic) = (&pe["inputs"][0], &pc["inputs"][0]);
    for k in [
        "rows_after_filter",
        "rows_audited",
        "excluded",
        "renamed_columns",
    ] {
        assert_eq!(ie[k], ic[k], "{name}: provenance.inputs.{k}");
    }
    let file_name = cells_file.file_name().unwrap().to_string_lossy();
    assert_eq!(ic["path"], file_name.as_ref(), "{name}");
}

#[test]
fn duckdb_cells_give_the_embedded_audit() {
    let Some(python) = duckdb_python() else {
        return;
    };
    let dir = tmp("engines-duckdb");
    for spec in &demo_specs() {
        let name = spec.file_stem().unwrap().to_string_lossy().into_owned();
        let csv = datasets().join(format!(
            "{}.csv",
            name // the spec and its data share the name
        ));
        // DuckDB's sniffer reads yes/no as BOOLEAN (the group would be named true/false);
        // without BOOLEAN among its candidates it types the columns as polars does.
        let table = format!(
            "read_csv('{}', auto_type_candidates = ['BIGINT', 'DOUBLE', 'VARCHAR'])",
            csv.display().to_string().replace('\'', "''")
        );
        let o = candor()
            .args(["sql", "--dialect", "duckdb", "--table", &table, "--spec"])
            .arg(spec)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let sql = String::from_utf8(o.stdout).unwrap();
        let embedded = audit_json(
            &["--spec", spec.to_str().unwrap()],
            &dir.join(format!("{name}-embedded")),
        );
        for ext in ["parquet", "csv"] {
            let cells = dir.join(format!("{name}-cells.{ext}"));
            run_duckdb(&python, &sql, &cells);
            let out = dir.join(format!("{name}-{ext}"));
            let via_cells = audit_json(
                &[
                    "--spec",
                    spec.to_str().unwrap(),
                    "--cells",
                    cells.to_str().unwrap(),
                ],
                &out,
            );
            assert_same_audit(&format!("{name} ({ext})"), &embedded, &via_cells, &cells);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A decision from a score threshold (the query's one CASE), a population filter re-quoted for
/// the dialect, and no label: DuckDB's cells give the embedded audit too.
#[test]
fn duckdb_threshold_and_filter_give_the_embedded_audit() {
    let Some(python) = duckdb_python() else {
        return;
    };
    let dir = tmp("engines-threshold");
    let csv = datasets().join("couriers.csv");
    let spec = fixture(
        &dir,
        "t.toml",
        format!(
            "[data]\npath = {:?}\nwhere = \"\\\"station\\\" <> 'S21' AND tenure_months >= 3\"\n\
             [score]\ncolumn = \"risk_score\"\nthreshold = 60.5\nfavorable = \"low\"\n\
             [decision]\nfavorable = \"negative\"\n\
             [groups]\nattributes = [\"sex\", \"hukou\", \"ethnicity\"]\nmax_k = 2\n\
             [stats]\nbootstrap = 200\n",
            csv.display().to_string()
        )
        .as_bytes(),
    );
    let table = format!(
        "read_csv('{}', auto_type_candidates = ['BIGINT', 'DOUBLE', 'VARCHAR'])",
        csv.display()
    );
    let o = candor()
        .args(["sql", "--dialect", "duckdb", "--table", &table, "--spec"])
        .arg(&spec)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let sql = String::from_utf8(o.stdout).unwrap();
    assert!(
        sql.contains("WHERE \"station\" <> 'S21' AND \"tenure_months\" >= 3"),
        "{sql}"
    );
    let embedded = audit_json(&["--spec", spec.to_str().unwrap()], &dir.join("embedded"));
    let cells = dir.join("cells.parquet");
    run_duckdb(&python, &sql, &cells);
    let via = audit_json(
        &[
            "--spec",
            spec.to_str().unwrap(),
            "--cells",
            cells.to_str().unwrap(),
        ],
        &dir.join("cells"),
    );
    for k in [
        "metrics",
        "groups",
        "decision",
        "score_tables",
        "gates",
        "findings",
    ] {
        assert!(embedded[k] == via[k], "'{k}' differs");
    }
    let rows = &embedded["provenance"]["inputs"][0]["rows_audited"];
    assert!(rows.as_u64().unwrap() < 8000, "the filter removed no row");
    assert_eq!(rows, &via["provenance"]["inputs"][0]["rows_audited"]);
    // No features: nothing was left out.
    assert!(via["provenance"].get("not_run").is_none());
    let _ = std::fs::remove_dir_all(&dir);
}

const SPEC: &str = "[data]\npath = \"decisions.csv\"\n\
    [decision]\ncolumn = \"flagged\"\npositive = [\"1\"]\nfavorable = \"negative\"\n\
    [score]\ncolumn = \"score\"\n\
    [label]\ncolumn = \"confirmed\"\npositive = \"yes\"\n\
    [groups]\nattributes = [\"sex\"]\n\
    [features]\ncolumns = [\"overtime\"]\n";

const HEADER: &str = "sex,candor_decision,candor_label,candor_score,candor_n\n";

/// Hand-made cells: F 4 of 10 flagged, M 8 of 10, 3 rows of unknown sex, 2 rows without a
/// label (excluded), and a cell of 0 rows (ignored).
#[test]
fn hand_made_cells_give_hand_computed_rates() {
    let dir = tmp("engines-hand");
    let spec = fixture(&dir, "a.toml", SPEC.as_bytes());
    let cells = fixture(
        &dir,
        "cells.csv",
        format!(
            "{HEADER}F,1,yes,1.5,4\nF,0,no,0.5,6\nM,1,yes,1.5,5\nM,1,no,2.5,3\nM,0,no,0.5,2\n\
             ,1,no,2.5,3\nF,1,,1.5,2\nM,0,yes,9,0\n"
        )
        .as_bytes(),
    );
    let a = audit_json(
        &[
            "--spec",
            spec.to_str().unwrap(),
            "--cells",
            cells.to_str().unwrap(),
            "--min-group-size",
            "1",
            "--min-published-group",
            "1",
        ],
        &dir.join("out"),
    );
    assert_close(metric(&a, "sex", "F", "selection_rate"), 0.4, 1e-12, "F");
    assert_close(metric(&a, "sex", "M", "selection_rate"), 0.8, 1e-12, "M");
    assert_close(
        metric(&a, "sex", "unknown", "selection_rate"),
        1.0,
        1e-12,
        "?",
    );
    assert_eq!(count(&a, "sex", "F", "n"), 10);
    let input = &a["provenance"]["inputs"][0];
    assert_eq!(input["rows_audited"], 23);
    assert_eq!(input["rows_after_filter"], 25);
    assert_eq!(input["excluded"][0]["reason"], "label missing");
    assert_eq!(input["excluded"][0]["rows"], 2);
    assert_eq!(a["label"]["positive"], "yes");
    // The favorable outcome is not flagged: M's 0.2 against F's 0.6.
    assert_close(
        metric(&a, "sex", "M", "impact_ratio"),
        0.2 / 0.6,
        1e-12,
        "ratio",
    );
    assert_eq!(a["provenance"]["not_run"][0], "screening");
    // The report says where the figures come from and what was not run, in both languages.
    for (lang, words) in [
        (
            "en",
            [
                "Cells table (counts computed",
                "Not run: the screening of the inputs",
            ],
        ),
        (
            "zh",
            [
                "单元格表（由其他引擎",
                "未进行：对输入变量的禁用数据和替代变量筛查",
            ],
        ),
    ] {
        let out = dir.join(format!("md-{lang}"));
        candor()
            .args(["audit", "--format", "md", "--lang", lang, "--spec"])
            .arg(&spec)
            .arg("--cells")
            .arg(&cells)
            .arg("--out")
            .arg(&out)
            .assert()
            .success();
        let md = std::fs::read_to_string(out.join("audit.md")).unwrap();
        for w in words {
            assert_eq!(
                md.matches(w).count(),
                if w.contains("Not") || w.contains("未进行") {
                    2
                } else {
                    1
                },
                "{lang}: {w}"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Whole-number scores in the first 10,000 cells and a decimal one after: read as numbers all
/// the same (polars infers the column's type from the first rows).
#[test]
fn a_decimal_score_after_many_whole_ones_is_read() {
    let dir = tmp("engines-late-decimal");
    let spec = fixture(&dir, "a.toml", SPEC.as_bytes());
    let mut body = String::from(HEADER);
    for i in 0..10_050 {
        body.push_str(&format!("{},{},no,{i},1\n", ["F", "M"][i % 2], i % 4 / 3));
    }
    body.push_str("F,1,yes,0.25,7\n");
    let cells = fixture(&dir, "late.csv", body.as_bytes());
    let a = audit_json(
        &[
            "--spec",
            spec.to_str().unwrap(),
            "--cells",
            cells.to_str().unwrap(),
            "--bootstrap",
            "0",
        ],
        &dir.join("out"),
    );
    assert_eq!(a["provenance"]["inputs"][0]["rows_audited"], 10_057);
    // F: 5,025 cells of one row (every fourth one, i = 3 mod 4, flagged: i odd is M, so none
    // of F's) and 7 flagged rows with a score of 0.25.
    assert_eq!(count(&a, "sex", "F", "n"), 5_032);
    assert_close(
        metric(&a, "sex", "F", "selection_rate"),
        7.0 / 5_032.0,
        1e-12,
        "F",
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn refused(dir: &Path, name: &str, body: &str, column: &str, words: &str) {
    let spec = dir.join("a.toml");
    let cells = fixture(dir, name, body.as_bytes());
    let out = dir.join(format!("out-{name}"));
    let o = candor()
        .args(["audit", "--spec"])
        .arg(&spec)
        .arg("--cells")
        .arg(&cells)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{name}: {err}");
    assert!(err.contains(name), "{name}: the file is not named: {err}");
    assert!(
        err.contains(&format!("'{column}'")),
        "{name}: no column: {err}"
    );
    assert!(err.contains(words), "{name}: {err}");
    assert!(err.contains("hint:"), "{name}: {err}");
    assert!(!out.exists(), "{name}: a report was left behind");
}

#[test]
fn bad_cells_are_refused_naming_file_and_column() {
    let dir = tmp("engines-bad");
    fixture(&dir, "a.toml", SPEC.as_bytes());
    refused(
        &dir,
        "no_label.csv",
        "sex,candor_decision,candor_score,candor_n\nF,1,1.5,4\n",
        "candor_label",
        "no column named",
    );
    refused(
        &dir,
        "no_group.csv",
        "gender,candor_decision,candor_label,candor_score,candor_n\nF,1,yes,1.5,4\n",
        "sex",
        "no column named",
    );
    refused(
        &dir,
        "negative.csv",
        &format!("{HEADER}F,1,yes,1.5,4\nM,0,no,1.5,-3\n"),
        "candor_n",
        "line 3 has the negative count -3",
    );
    refused(
        &dir,
        "text_count.csv",
        &format!("{HEADER}F,1,yes,1.5,four\n"),
        "candor_n",
        "line 2 is not a whole number",
    );
    refused(
        &dir,
        "fraction.csv",
        &format!("{HEADER}F,1,yes,1.5,4.5\nM,0,no,1,2\n"),
        "candor_n",
        "whole numbers",
    );
    refused(
        &dir,
        "text_score.csv",
        &format!("{HEADER}F,1,yes,high,4\nM,0,no,1,2\n"),
        "candor_score",
        "line 2 is not a number",
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sql_quotes_chinese_names_for_each_dialect() {
    let spec = datasets().join("warehouse_zh.toml");
    for (dialect, quoted) in [
        ("spark", "`性别` AS `性别`"),
        ("bigquery", "`性别` AS `性别`"),
        ("duckdb", "\"性别\" AS \"性别\""),
        ("postgres", "\"列入解雇审查\" AS \"candor_decision\""),
        ("trino", "COUNT(*) AS \"candor_n\""),
        ("snowflake", "\"绩效分\" AS \"candor_score\""),
    ] {
        let o = candor()
            .args([
                "sql",
                "--table",
                "hr.decisions",
                "--dialect",
                dialect,
                "--spec",
            ])
            .arg(&spec)
            .output()
            .unwrap();
        assert!(o.status.success());
        let sql = String::from_utf8(o.stdout).unwrap();
        assert!(sql.contains(quoted), "{dialect}: {sql}");
        assert!(sql.contains("FROM hr.decisions\n"), "{dialect}: {sql}");
    }
    let o = candor()
        .args(["sql", "--table", "t", "--dialect", "oracle", "--spec"])
        .arg(&spec)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}
