//! The error contract: every bad input gets exit code 2 and one message naming the file,
//! column, line or key, what was expected, and a hint.

use predicates::prelude::*;

use super::common::*;

const GOOD: &[u8] = b"id,sex,race,decision,score,label\n1,F,A,1,0.9,1\n2,M,B,0,0.2,0\n3,F,B,1,0.7,0\n4,M,A,0,0.4,1\n";

fn fails(args: &[&str], needles: &[&str]) {
    let out = tmp("fail-out");
    let mut c = candor();
    c.args(args);
    if args.first() == Some(&"audit") && !args.contains(&"--out") {
        c.arg("--out").arg(out.join("r"));
    }
    let mut assert = c
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("error: "));
    for n in needles {
        assert = assert.stderr(predicate::str::contains(*n));
    }
    assert.stderr(predicate::str::contains("hint: ").or(predicate::str::contains("error: ")));
    assert!(!out.join("r").exists(), "nothing written on error");
}

#[test]
fn missing_file() {
    fails(
        &[
            "audit",
            "/nonexistent/x.csv",
            "--decision",
            "d",
            "--group",
            "g",
        ],
        &["/nonexistent/x.csv", "No such file", "hint: check the path"],
    );
}

#[test]
fn empty_file() {
    let d = tmp("empty");
    let p = fixture(&d, "e.csv", b"");
    fails(
        &[
            "audit",
            p.to_str().unwrap(),
            "--decision",
            "d",
            "--group",
            "g",
        ],
        &["e.csv", "the file is empty"],
    );
}

#[test]
fn header_only() {
    let d = tmp("header");
    let p = fixture(&d, "h.csv", b"id,sex,decision\n");
    fails(
        &[
            "audit",
            p.to_str().unwrap(),
            "--decision",
            "decision",
            "--group",
            "sex",
        ],
        &["h.csv", "header but no data rows"],
    );
}

#[test]
fn unknown_column_suggests_closest() {
    let d = tmp("unknowncol");
    let p = fixture(&d, "a.csv", GOOD);
    fails(
        &[
            "audit",
            p.to_str().unwrap(),
            "--decision",
            "decison",
            "--group",
            "sex",
        ],
        &[
            "no column named 'decison'",
            "the decision",
            "hint: did you mean 'decision'?",
        ],
    );
}

#[test]
fn decision_with_more_values_than_declared() {
    let d = tmp("moredec");
    let p = fixture(
        &d,
        "a.csv",
        b"sex,decision\nF,hired\nM,rejected\nF,waitlist\nM,hired\n",
    );
    fails(
        &[
            "audit",
            p.to_str().unwrap(),
            "--decision",
            "decision",
            "--positive",
            "hired",
            "--group",
            "sex",
        ],
        &[
            "column 'decision' (decision)",
            "has 3 values",
            "'rejected', 'waitlist' are not declared",
            "hint: list the negative values with --negative",
        ],
    );
}

#[test]
fn declared_positive_value_absent() {
    let d = tmp("absentpos");
    let p = fixture(&d, "a.csv", b"sex,decision\nF,High\nM,Low\n");
    fails(
        &[
            "audit",
            p.to_str().unwrap(),
            "--decision",
            "decision",
            "--positive",
            "Hgh",
            "--group",
            "sex",
        ],
        &["'Hgh' does not occur", "did you mean 'High'?"],
    );
}

#[test]
fn non_numeric_score_names_line() {
    let d = tmp("score");
    let p = fixture(
        &d,
        "a.csv",
        b"sex,decision,score\nF,1,0.5\nM,0,0.25\nF,1,abc\nM,0,0.1\n",
    );
    fails(
        &[
            "audit",
            p.to_str().unwrap(),
            "--decision",
            "decision",
            "--score",
            "score",
            "--group",
            "sex",
        ],
        &[
            "column 'score' (score)",
            "expected a number, line 4 has 'abc'",
        ],
    );
}

#[test]
fn label_with_three_values() {
    let d = tmp("label");
    let p = fixture(
        &d,
        "a.csv",
        b"sex,decision,label\nF,1,1\nM,0,0\nF,1,2\nM,0,1\n",
    );
    fails(
        &[
            "audit",
            p.to_str().unwrap(),
            "--decision",
            "decision",
            "--label",
            "label",
            "--group",
            "sex",
        ],
        &[
            "column 'label' (label)",
            "a label has two values, this one has 3",
        ],
    );
}

#[test]
fn no_attribute_with_two_groups() {
    let d = tmp("onegroup");
    let p = fixture(&d, "a.csv", b"sex,site,decision\nF,X,1\nF,X,0\nF,X,1\n");
    fails(
        &[
            "audit",
            p.to_str().unwrap(),
            "--decision",
            "decision",
            "--group",
            "sex",
            "--group",
            "site",
        ],
        &["none of the group attributes (sex, site) has two groups to compare"],
    );
}

#[test]
fn single_group_attribute_among_others_is_a_finding() {
    let d = tmp("onegroupok");
    let p = fixture(
        &d,
        "a.csv",
        b"sex,site,decision\nF,X,1\nM,X,0\nF,X,1\nM,X,1\n",
    );
    let a = audit_json(
        &[
            p.to_str().unwrap(),
            "--decision",
            "decision",
            "--group",
            "sex",
            "--group",
            "site",
            "--min-group-size",
            "1",
        ],
        &d.join("out"),
    );
    let f = a["findings"].as_array().unwrap();
    assert!(
        f.iter()
            .any(|f| f["kind"] == "single_group" && f["attribute"] == "site"),
        "{f:?}"
    );
}

#[test]
fn where_filters_everything() {
    let d = tmp("whereall");
    let p = fixture(&d, "a.csv", GOOD);
    fails(
        &[
            "audit",
            p.to_str().unwrap(),
            "--decision",
            "decision",
            "--group",
            "sex",
            "--where",
            "sex = 'X'",
        ],
        &["--where \"sex = 'X'\"", "no row of the 4 rows matches"],
    );
}

#[test]
fn where_invalid_sql() {
    let d = tmp("wherebad");
    let p = fixture(&d, "a.csv", GOOD);
    fails(
        &[
            "audit",
            p.to_str().unwrap(),
            "--decision",
            "decision",
            "--group",
            "sex",
            "--where",
            "sex = = 'F'",
        ],
        &[
            "--where",
            "not a valid SQL predicate",
            "hint: write a SQL boolean expression",
        ],
    );
}

#[test]
fn where_cannot_read_files() {
    let d = tmp("whereread");
    let p = fixture(&d, "a.csv", GOOD);
    let secret = fixture(&d, "secret.csv", b"column_1\nTOP-SECRET-LINE\n");
    let s = secret.to_str().unwrap();
    for pred in [
        format!("sex IN (SELECT column_1 FROM read_csv('{s}'))"),
        format!("EXISTS (SELECT * FROM read_csv('{s}'))"),
        format!("(SELECT max(column_1) FROM read_csv('{s}')) = 'x'"),
        format!("read_csv('{s}') IS NULL"),
    ] {
        let out = candor()
            .args([
                "audit",
                p.to_str().unwrap(),
                "--decision",
                "decision",
                "--group",
                "sex",
                "--out",
                d.join("out").to_str().unwrap(),
                "--where",
                &pred,
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{pred}");
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!all.contains("TOP-SECRET"), "{pred}: {all}");
        assert!(all.contains("not allowed in a filter"), "{pred}: {all}");
        assert!(!d.join("out").exists());
    }
}

#[test]
fn where_unknown_column() {
    let d = tmp("wherecol");
    let p = fixture(&d, "a.csv", GOOD);
    fails(
        &[
            "audit",
            p.to_str().unwrap(),
            "--decision",
            "decision",
            "--group",
            "sex",
            "--where",
            "colour = 'F'",
        ],
        &[
            "--where",
            "colour",
            "hint: the predicate can use these columns",
        ],
    );
}

#[test]
fn invalid_toml_names_line() {
    let d = tmp("badtoml");
    let s = fixture(
        &d,
        "s.toml",
        b"[data]\npath = \"a.csv\"\n[decision\ncolumn = \"d\"\n",
    );
    fails(
        &["audit", "--spec", s.to_str().unwrap()],
        &["s.toml:3:", "invalid TOML"],
    );
}

#[test]
fn unknown_spec_key_names_closest() {
    let d = tmp("badkey");
    fixture(&d, "a.csv", GOOD);
    let s = fixture(&d, "s.toml", b"[data]\npath = \"a.csv\"\n[decision]\ncolumn = \"decision\"\n[groups]\natributes = [\"sex\"]\n");
    fails(
        &["audit", "--spec", s.to_str().unwrap()],
        &[
            "unknown key 'groups.atributes'",
            "hint: did you mean 'attributes'?",
        ],
    );
}

#[test]
fn output_folder_not_writable() {
    let d = tmp("nowrite");
    let p = fixture(&d, "a.csv", GOOD);
    let blocker = fixture(&d, "file", b"x");
    fails(
        &[
            "audit",
            p.to_str().unwrap(),
            "--decision",
            "decision",
            "--group",
            "sex",
            "--min-group-size",
            "1",
            "--out",
            blocker.join("sub").to_str().unwrap(),
        ],
        &["cannot write", "hint:"],
    );
}

#[test]
fn invalid_utf8_names_line_and_offset() {
    let d = tmp("badutf8");
    let p = fixture(&d, "a.csv", b"sex,decision\nF,1\nM,\xff0\n");
    fails(
        &[
            "audit",
            p.to_str().unwrap(),
            "--decision",
            "decision",
            "--group",
            "sex",
        ],
        &[
            "a.csv",
            "line 3, byte offset 19",
            "not valid UTF-8",
            "hint:",
            "--encoding gbk",
        ],
    );
}

#[test]
fn invalid_gbk_names_line_and_offset() {
    let d = tmp("badgbk");
    let p = fixture(&d, "a.csv", b"sex,decision\nF,1\nM,\x81\x20\n");
    fails(
        &[
            "audit",
            p.to_str().unwrap(),
            "--decision",
            "decision",
            "--group",
            "sex",
            "--encoding",
            "gbk",
        ],
        &["line 3, byte offset 19", "not valid GBK"],
    );
}

#[test]
fn bad_gate_is_error() {
    let d = tmp("gate");
    let p = fixture(&d, "a.csv", GOOD);
    fails(
        &[
            "audit",
            p.to_str().unwrap(),
            "--decision",
            "decision",
            "--group",
            "sex",
            "--fail-on",
            "impact_ratio",
        ],
        &["--fail-on", "has no comparison"],
    );
}

/// Inputs are sacred: `--out` naming the input, any existing file, or a Candor output folder
/// that holds the input is refused, and the input is untouched.
#[test]
fn out_never_touches_an_input() {
    let d = tmp("sacred");
    let p = fixture(&d, "a.csv", GOOD);
    let before = std::fs::read(&p).unwrap();
    let audit = |out: &std::path::Path| {
        candor()
            .args([
                "audit",
                p.to_str().unwrap(),
                "--decision",
                "decision",
                "--group",
                "sex",
                "--out",
                out.to_str().unwrap(),
            ])
            .output()
            .unwrap()
    };
    // The input itself, and another existing file.
    let other = fixture(&d, "notes.txt", b"keep me");
    for out in [&p, &other] {
        let o = audit(out);
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("not a folder"), "{err}");
    }
    assert_eq!(std::fs::read(&p).unwrap(), before);
    assert_eq!(std::fs::read(&other).unwrap(), b"keep me");
    // An earlier report folder that now holds the input.
    let rep = d.join("rep");
    assert_eq!(audit(&rep).status.code(), Some(0));
    let inside = rep.join("a.csv");
    std::fs::write(&inside, &before).unwrap();
    let o = candor()
        .args([
            "audit",
            inside.to_str().unwrap(),
            "--decision",
            "decision",
            "--group",
            "sex",
            "--out",
            rep.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("a file this run reads"));
    assert_eq!(std::fs::read(&inside).unwrap(), before);
    // Nothing hidden was left beside them.
    let hidden: Vec<_> = std::fs::read_dir(&d)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
}

/// A pipe or a device is refused at once instead of read forever.
#[cfg(unix)]
#[test]
fn special_files_are_refused() {
    let d = tmp("special");
    let fifo = d.join("pipe.csv");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let mut paths = vec![std::path::PathBuf::from("/dev/zero")];
    if ok {
        paths.push(fifo);
    }
    for p in paths {
        let start = std::time::Instant::now();
        let o = candor()
            .timeout(std::time::Duration::from_secs(20))
            .args([
                "audit",
                p.to_str().unwrap(),
                "--decision",
                "decision",
                "--group",
                "sex",
                "--input-format",
                "csv",
                "--out",
                d.join("out").to_str().unwrap(),
            ])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{}", p.display());
        assert!(start.elapsed().as_secs() < 10);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("regular file"), "{err}");
    }
}

/// Bounds the documentation states are enforced: at most 4 attributes in an automatic
/// intersection, a group size of at least 1.
#[test]
fn documented_bounds_are_enforced() {
    let d = tmp("bounds");
    let p = fixture(&d, "a.csv", GOOD);
    for (flag, value, words) in [
        ("--max-k", "99", "limit of 4"),
        ("--min-group-size", "0", "not a group size"),
    ] {
        fails(
            &[
                "audit",
                p.to_str().unwrap(),
                "--decision",
                "decision",
                "--group",
                "sex",
                flag,
                value,
            ],
            &[words],
        );
    }
}

/// An id or phone column given as a group is refused before any work, naming no value: with
/// many distinct values (over --max-levels), or with most workers alone in their group.
#[test]
fn an_id_column_is_not_a_group() {
    let d = tmp("idgroup");
    let mut csv = String::from("phone,decision\n");
    for i in 0..3000 {
        csv.push_str(&format!("1380013{i:04},{}\n", i % 2));
    }
    let p = fixture(&d, "a.csv", csv.as_bytes());
    let start = std::time::Instant::now();
    let o = candor()
        .args([
            "audit",
            p.to_str().unwrap(),
            "--decision",
            "decision",
            "--group",
            "phone",
        ])
        .arg("--out")
        .arg(d.join("out"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("3000 distinct values") && err.contains("id"),
        "{err}"
    );
    assert!(!err.contains("13800130"), "a value leaked: {err}");
    assert!(start.elapsed().as_secs() < 20);
    // Few rows, but every worker alone in their group.
    let mut small = String::from("phone,decision\n");
    for i in 0..40 {
        small.push_str(&format!("1380013{i:04},{}\n", i % 2));
    }
    let p = fixture(&d, "b.csv", small.as_bytes());
    let o = candor()
        .args([
            "audit",
            p.to_str().unwrap(),
            "--decision",
            "decision",
            "--group",
            "phone",
        ])
        .arg("--out")
        .arg(d.join("out"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("40 of 40 workers are alone"), "{err}");
    assert!(!err.contains("13800130"), "a value leaked: {err}");
    assert!(!d.join("out").exists());
}

/// A CSV saved as UTF-16 ("Unicode text" in spreadsheets) is read by its byte-order mark,
/// in either byte order, and gives the same figures as the UTF-8 file.
#[test]
fn utf16_with_a_bom_is_read() {
    let d = tmp("utf16");
    let text = "sex,decision\nF,1\nM,0\nF,0\nM,1\nF,1\n";
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
    }
    let mut outs = Vec::new();
    for (name, bytes) in [
        ("u8.csv", text.as_bytes().to_vec()),
        ("le.csv", le),
        ("be.csv", be),
    ] {
        let p = fixture(&d, name, &bytes);
        let out = d.join(format!("out-{name}"));
        candor()
            .args([
                "audit",
                p.to_str().unwrap(),
                "--decision",
                "decision",
                "--group",
                "sex",
            ])
            .args([
                "--min-group-size",
                "1",
                "--min-published-group",
                "1",
                "--format",
                "csv",
                "--out",
            ])
            .arg(&out)
            .assert()
            .success();
        outs.push(std::fs::read_to_string(out.join("metrics.csv")).unwrap());
    }
    assert!(
        outs[0].contains("0.6667") || outs[0].contains("0.666"),
        "{}",
        outs[0]
    );
    assert_eq!(outs[0], outs[1]);
    assert_eq!(outs[0], outs[2]);
}

/// A quoted header cell with a doubled quote names the column with one quote (RFC 4180 2.7),
/// and a header that looks like markup is escaped in the HTML report.
#[test]
fn doubled_quote_in_header_is_one_quote() {
    let d = tmp("rfc4180");
    let text = "\"se\"\"x\",decision,\"\"\"><img src=x>\"\nF,1,1\nM,0,2\nF,0,3\nM,1,4\nF,1,5\n";
    let p = fixture(&d, "h.csv", text.as_bytes());
    let out = d.join("out");
    candor()
        .args(["audit", p.to_str().unwrap(), "--decision", "decision"])
        .args(["--group", "se\"x", "--min-group-size", "1"])
        .args(["--min-published-group", "1", "--out"])
        .arg(&out)
        .assert()
        .success();
    let csv = std::fs::read_to_string(out.join("metrics.csv")).unwrap();
    assert!(csv.contains("se\"\"x"), "the attribute is se\"x: {csv}");
    assert!(!csv.contains("se\"\"\"\"x"), "{csv}");
    let html = std::fs::read_to_string(out.join("audit.html")).unwrap();
    assert!(
        !html.contains("<img"),
        "markup from a header reached the HTML"
    );
    // The same column named the way polars would have kept it is unknown.
    let o = candor()
        .args(["audit", p.to_str().unwrap(), "--decision", "decision"])
        .args(["--group", "se\"\"x", "--out"])
        .arg(d.join("out2"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

/// A decision column with one value is audited with a note that no disparity can show;
/// with both sides declared, a column where nobody got the positive decision is accepted,
/// while a declared positive value missing beside other values is still refused (a typo).
#[test]
fn one_valued_decision_is_noted() {
    let d = tmp("one-decision");
    let all1 = fixture(&d, "one.csv", b"sex,decision\nF,1\nM,1\nF,1\nM,1\n");
    let o = std::process::Command::new(assert_cmd::cargo::cargo_bin("candor"))
        .args(["audit", all1.to_str().unwrap(), "--decision", "decision"])
        .args(["--group", "sex", "--min-group-size", "1", "--out"])
        .arg(d.join("o1"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("every worker has the positive decision"),
        "{err}"
    );

    let all0 = fixture(&d, "zero.csv", b"sex,decision\nF,0\nM,0\nF,0\nM,0\n");
    let run = |extra: &[&str], out: &str| {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("candor"))
            .args(["audit", all0.to_str().unwrap(), "--decision", "decision"])
            .args([
                "--group",
                "sex",
                "--min-group-size",
                "1",
                "--min-published-group",
                "1",
            ])
            .args(extra)
            .arg("--out")
            .arg(d.join(out))
            .output()
            .unwrap()
    };
    let o = run(&["--positive", "1", "--negative", "0"], "o2");
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("every worker has the negative decision"),
        "{err}"
    );
    let csv = std::fs::read_to_string(d.join("o2/metrics.csv")).unwrap();
    assert!(csv.contains("sex,F,selection_rate,,0,2,0,"), "{csv}");
    let o = run(&["--positive", "1"], "o3");
    assert_eq!(o.status.code(), Some(2));
}
