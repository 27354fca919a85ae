//! Apache Spark as the engine (`candor audit --engine spark`, cargo feature `spark`): on every
//! demo dataset and on a generated 1M-row table, the audit through Spark gives the embedded
//! engine's audit.json but for the provenance; the failures (an unreachable server, a missing
//! table or column, a score of the wrong type, a query Spark rejects) exit 2 naming the engine,
//! the table and the column, and leave no report.
//!
//! The server is a Spark Connect server on 127.0.0.1, given as `$CANDOR_SPARK_REMOTE`
//! (`scripts/spark_server.sh start` runs one, as .ci/run does). Without it, or in a build
//! without the `spark` feature, the tests print SKIPPED, unless `$CANDOR_REQUIRE_SPARK` is set
//! (CI): then they fail. Tables are created by the tests over the CSV files (Spark infers the
//! column types from the file, as a table loaded from it would have them).

// The client's error type is large; its crate allows the same lint.
#![allow(clippy::result_large_err)]

use std::path::Path;

use serde_json::Value;

use super::common::*;

fn remote() -> Option<String> {
    let r = std::env::var("CANDOR_SPARK_REMOTE").ok();
    let ok = cfg!(feature = "spark") && r.is_some();
    if !ok {
        assert!(
            std::env::var_os("CANDOR_REQUIRE_SPARK").is_none(),
            "Spark is required ($CANDOR_REQUIRE_SPARK) but {}",
            if cfg!(feature = "spark") {
                "$CANDOR_SPARK_REMOTE is not set (scripts/spark_server.sh start)"
            } else {
                "this build lacks the spark feature (cargo test --features spark)"
            }
        );
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: no Spark Connect server (set CANDOR_SPARK_REMOTE=sc://127.0.0.1:15002 after \
             scripts/spark_server.sh start, and build with --features spark)"
        );
        return None;
    }
    r
}

/// Runs SQL statements on the server (table set-up), through the same client Candor uses.
#[cfg(feature = "spark")]
fn spark_sql(remote: &str, statements: &[String]) {
    let session = spark_connect::SparkSession::builder()
        .remote(remote)
        .get_or_create()
        .expect("connects to the Spark Connect server");
    for s in statements {
        session
            .sql(s)
            .and_then(|df| df.collect())
            .unwrap_or_else(|e| panic!("{s}: {e}"));
    }
    let _ = session.stop();
}

#[cfg(not(feature = "spark"))]
fn spark_sql(_: &str, _: &[String]) {
    unreachable!("the Spark tests skip without the feature")
}

/// A Spark table `name` over the CSV file at `csv` (header, types inferred from the file).
fn csv_table(remote: &str, name: &str, csv: &Path) {
    let path = std::fs::canonicalize(csv).unwrap();
    spark_sql(
        remote,
        &[
            format!("DROP TABLE IF EXISTS {name}"),
            format!(
                "CREATE TABLE {name} USING csv OPTIONS (path '{}', header 'true', \
                 inferSchema 'true')",
                path.display().to_string().replace('\'', "\\'")
            ),
        ],
    );
}

/// Every field of the two audit.json files is the same, but the provenance: there the engine,
/// the source (the table instead of the file) and the rows screening read.
fn assert_same_but_provenance(name: &str, embedded: &Value, spark: &Value, rows: u64) {
    let (e, s) = (embedded.as_object().unwrap(), spark.as_object().unwrap());
    assert_eq!(
        e.keys().collect::<Vec<_>>(),
        s.keys().collect::<Vec<_>>(),
        "{name}"
    );
    for (k, v) in e {
        if k != "provenance" {
            assert!(v == &s[k], "{name}: '{k}' differs between the engines");
        }
    }
    assert!(
        !s["findings"].as_array().unwrap().is_empty(),
        "{name}: nothing to compare"
    );
    let (pe, ps) = (&embedded["provenance"], &spark["provenance"]);
    for k in ["candor_version", "spec_sha256", "seed"] {
        assert_eq!(pe[k], ps[k], "{name}: provenance.{k}");
    }
    assert_eq!(ps["engine"], "spark", "{name}");
    assert_eq!(ps.get("not_run"), None, "{name}");
    assert_eq!(
        ps["rows_screened"],
        serde_json::json!({"rows": rows, "of": rows}),
        "{name}"
    );
    let (ie, is) = (&pe["inputs"][0], &ps["inputs"][0]);
    for k in ["rows_after_filter", "rows_audited", "excluded"] {
        assert_eq!(ie[k], is[k], "{name}: provenance.inputs.{k}");
    }
    assert_eq!(
        is["format"], "ipc",
        "{name}: the cells crossed as Arrow IPC"
    );
}

fn spark_audit(remote: &str, spec: &Path, table: &str, extra: &[&str], out: &Path) -> Value {
    let mut args = vec![
        "--spec",
        spec.to_str().unwrap(),
        "--engine",
        "spark",
        "--remote",
        remote,
        "--table",
        table,
    ];
    args.extend_from_slice(extra);
    audit_json(&args, out)
}

#[test]
fn spark_gives_the_embedded_audit_on_every_demo_dataset() {
    let Some(remote) = remote() else {
        return;
    };
    let dir = tmp("spark-demo");
    for spec in &demo_specs() {
        let name = spec.file_stem().unwrap().to_string_lossy().into_owned();
        csv_table(&remote, &name, &datasets().join(format!("{name}.csv")));
        let embedded = audit_json(
            &["--spec", spec.to_str().unwrap()],
            &dir.join(format!("{name}-embedded")),
        );
        let spark = spark_audit(
            &remote,
            spec,
            &name,
            &[],
            &dir.join(format!("{name}-spark")),
        );
        let rows = embedded["provenance"]["inputs"][0]["rows_after_filter"]
            .as_u64()
            .unwrap();
        assert_same_but_provenance(&name, &embedded, &spark, rows);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A generated table of 1,000,000 workers: the cells on Spark, every row fetched for
/// screening (the default --sample-rows), the same audit.json as the embedded engine's.
#[test]
fn spark_gives_the_embedded_audit_on_a_million_rows() {
    let Some(remote) = remote() else {
        return;
    };
    let dir = tmp("spark-1m");
    let o = candor()
        .args(["synth", "--dataset", "warehouse", "--lang", "en"])
        .args(["--rows", "1000000", "--out"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = dir.join("warehouse.csv");
    csv_table(&remote, "warehouse_1m", &csv);
    let spec = datasets().join("warehouse.toml");
    let data = [csv.to_str().unwrap()];
    let embedded = audit_json(
        &[&["--spec", spec.to_str().unwrap()][..], &data[..]].concat(),
        &dir.join("embedded"),
    );
    // The spec names warehouse.csv, as the generated file is named: the same spec hash.
    let spark = spark_audit(&remote, &spec, "warehouse_1m", &[], &dir.join("spark"));
    assert_same_but_provenance("warehouse 1M", &embedded, &spark, 1_000_000);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Above --sample-rows, screening reads a seeded sample (the same rows on every run) and the
/// provenance says how many; the metrics still come from every row.
#[test]
fn spark_samples_rows_above_the_limit_and_says_so() {
    let Some(remote) = remote() else {
        return;
    };
    let dir = tmp("spark-sample");
    let spec = datasets().join("couriers.toml");
    csv_table(&remote, "couriers_s", &datasets().join("couriers.csv"));
    let embedded = audit_json(&["--spec", spec.to_str().unwrap()], &dir.join("embedded"));
    let extra = ["--sample-rows", "3000"];
    let a = spark_audit(&remote, &spec, "couriers_s", &extra, &dir.join("a"));
    let b = spark_audit(&remote, &spec, "couriers_s", &extra, &dir.join("b"));
    assert_eq!(a, b, "the sample is seeded");
    let used = &a["provenance"]["rows_screened"];
    let (rows, of) = (used["rows"].as_u64().unwrap(), used["of"].as_u64().unwrap());
    assert_eq!(of, 8000);
    // pmod(hash, 8000) < 3000 keeps each row with probability 3/8: 3,000 +- 4 sd (~ 43).
    assert!((2850..=3150).contains(&rows), "{rows}");
    for k in ["groups", "metrics", "score_tables", "ll144"] {
        assert_eq!(embedded[k], a[k], "{k}: the metrics use every row");
    }
    // Who is alone in a sample says nothing about the table: not assessed, and said so.
    assert_eq!(
        a["provenance"]["not_run"],
        serde_json::json!(["identifiability"])
    );
    assert!(a["protection"]["identifiability"].is_null());
    assert!(!embedded["protection"]["identifiability"].is_null());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Each failure exits 2 with one message naming the engine and the table (and the column),
/// and writes no report.
#[test]
fn spark_failures_exit_2_naming_engine_table_and_column() {
    let Some(remote) = remote() else {
        return;
    };
    let dir = tmp("spark-fail");
    let spec = datasets().join("couriers.toml");
    csv_table(&remote, "couriers_f", &datasets().join("couriers.csv"));
    // A table whose score column holds text.
    let text_score = dir.join("text_score.csv");
    let body = std::fs::read_to_string(datasets().join("couriers.csv")).unwrap();
    let mut lines: Vec<String> = body.lines().take(200).map(str::to_string).collect();
    let score_at = lines[0].split(',').position(|c| c == "risk_score").unwrap();
    for l in lines.iter_mut().skip(1) {
        let mut cells: Vec<String> = l.split(',').map(str::to_string).collect();
        cells[score_at] = format!("high-{}", cells[score_at]);
        *l = cells.join(",");
    }
    std::fs::write(&text_score, lines.join("\n") + "\n").unwrap();
    csv_table(&remote, "couriers_text_score", &text_score);

    let cases: Vec<(Vec<String>, &str, Vec<&str>)> = vec![
        (
            vec!["--remote".into(), "sc://127.0.0.1:9".into()],
            "couriers_f",
            vec!["spark sc://127.0.0.1:9 table couriers_f", "connecting"],
        ),
        (
            // Parameters before the slash: not the Spark Connect form; the token stays out.
            vec![
                "--remote".into(),
                "sc://127.0.0.1:15002;token=SECRET".into(),
            ],
            "couriers_f",
            vec!["--remote", "sc://HOST:PORT"],
        ),
        (
            vec!["--remote".into(), remote.clone()],
            "no_such_table",
            vec!["table no_such_table", "no table 'no_such_table'"],
        ),
        (
            vec![
                "--remote".into(),
                remote.clone(),
                "--score".into(),
                "risk_scor".into(),
            ],
            "couriers_f",
            vec!["table couriers_f", "'risk_scor'", "risk_score"],
        ),
        (
            vec!["--remote".into(), remote.clone()],
            "couriers_text_score",
            vec![
                "table couriers_text_score",
                "'risk_score'",
                "expected numbers",
            ],
        ),
        (
            vec![
                "--remote".into(),
                remote.clone(),
                "--where".into(),
                "tenure_months > 'x' + 1".into(),
            ],
            "couriers_f",
            vec!["table couriers_f", "computing the cells"],
        ),
    ];
    for (i, (flags, table, words)) in cases.iter().enumerate() {
        let out = dir.join(format!("out{i}"));
        let o = candor()
            .args([
                "audit",
                "--spec",
                spec.to_str().unwrap(),
                "--engine",
                "spark",
            ])
            .args(flags)
            .args(["--table", table, "--out"])
            .arg(&out)
            .timeout(std::time::Duration::from_secs(120))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "case {i}: {err}");
        for w in words {
            assert!(err.contains(w), "case {i}: '{w}' not in: {err}");
        }
        assert!(
            !err.contains("SECRET"),
            "case {i}: the token printed: {err}"
        );
        assert!(!out.exists(), "case {i}: a report was written");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A TCP relay to the Spark server that, `after` its first connection, cuts every connection
/// and stops listening: a connection lost mid-query. Returns the relay's port.
fn cutting_relay(upstream: &str, after: std::time::Duration) -> u16 {
    use std::io::{Read, Write};
    use std::net::{Shutdown, TcpListener, TcpStream};
    use std::sync::{Arc, Mutex};
    let up = upstream
        .trim_start_matches("sc://")
        .split('/')
        .next()
        .unwrap()
        .to_string();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    let open: Arc<Mutex<Vec<TcpStream>>> = Arc::default();
    std::thread::spawn(move || {
        let mut first = None;
        loop {
            if first.is_some_and(|t: std::time::Instant| t.elapsed() >= after) {
                for s in open.lock().unwrap().drain(..) {
                    let _ = s.shutdown(Shutdown::Both);
                }
                return; // the listener closes: new connections are refused
            }
            match listener.accept() {
                Ok((client, _)) => {
                    first.get_or_insert_with(std::time::Instant::now);
                    client.set_nonblocking(false).unwrap();
                    let server = TcpStream::connect(&up).unwrap();
                    let mut g = open.lock().unwrap();
                    g.push(client.try_clone().unwrap());
                    g.push(server.try_clone().unwrap());
                    for (mut from, mut to) in [
                        (client.try_clone().unwrap(), server.try_clone().unwrap()),
                        (server, client),
                    ] {
                        std::thread::spawn(move || {
                            let mut buf = [0u8; 65536];
                            while let Ok(n) = from.read(&mut buf) {
                                if n == 0 || to.write_all(&buf[..n]).is_err() {
                                    break;
                                }
                            }
                            let _ = to.shutdown(Shutdown::Both);
                        });
                    }
                }
                Err(_) => std::thread::sleep(std::time::Duration::from_millis(20)),
            }
        }
    });
    port
}

/// The connection drops while the audit runs: exit 2 within a minute (the client would retry
/// for ~10), naming the engine and the table, and no report.
#[test]
fn spark_connection_lost_mid_query_exits_2() {
    let Some(remote) = remote() else {
        return;
    };
    let dir = tmp("spark-cut");
    // A view of 100 million generated rows: its cells query runs for seconds, and the relay
    // cuts the connection 1.5 s after the first one opened, inside that query.
    spark_sql(
        &remote,
        &[
            "CREATE OR REPLACE VIEW generated_cut AS SELECT CASE WHEN id % 2 = 0 THEN 'F' ELSE \
           'M' END AS sex, CAST(id % 3 = 0 AS INT) AS flag, id AS courier_id \
           FROM range(100000000)"
                .to_string(),
        ],
    );
    let spec = dir.join("cut.toml");
    std::fs::write(
        &spec,
        "[data]\npath = \"generated.csv\"\n[decision]\ncolumn = \"flag\"\npositive = [\"1\"]\n\
         [groups]\nattributes = [\"sex\"]\n",
    )
    .unwrap();
    let port = cutting_relay(&remote, std::time::Duration::from_millis(1500));
    let via = format!("sc://127.0.0.1:{port}");
    let out = dir.join("out");
    let started = std::time::Instant::now();
    let o = candor()
        .args([
            "audit",
            "--spec",
            spec.to_str().unwrap(),
            "--engine",
            "spark",
        ])
        .args(["--remote", &via, "--table", "generated_cut", "--out"])
        .arg(&out)
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("spark {via} table generated_cut")),
        "{err}"
    );
    // Cut inside a query (the cells take seconds on 100 million rows), not while connecting.
    assert!(
        ["computing the cells", "fetching rows", "reading the table"]
            .iter()
            .any(|w| err.contains(w)),
        "{err}"
    );
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
    assert!(!out.exists(), "a report was written");
    let _ = std::fs::remove_dir_all(&dir);
}

/// One value of a cell as text both engines agree on: numbers as f64, NULL as empty.
fn normal(text: Option<String>) -> String {
    match text {
        None => String::new(),
        Some(t) => t.parse::<f64>().map_or(t, |x| format!("{x}")),
    }
}

/// The cells the query computes on Spark, each row as normalised text, sorted.
#[cfg(feature = "spark")]
fn spark_cells(remote: &str, query: &str) -> Vec<Vec<String>> {
    use spark_connect::row::Value;
    let session = spark_connect::SparkSession::builder()
        .remote(remote)
        .get_or_create()
        .unwrap();
    let rows = session.sql(query).and_then(|df| df.collect()).unwrap();
    let _ = session.stop();
    let mut out: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.values()
                .iter()
                .map(|v| {
                    normal(match v {
                        Value::Null => None,
                        Value::String(s) => Some(s.clone()),
                        v => v
                            .as_i64()
                            .map(|i| i.to_string())
                            .or_else(|| v.as_f64().map(|f| f.to_string()))
                            .or_else(|| v.as_bool().map(|b| b.to_string())),
                    })
                })
                .collect()
        })
        .collect();
    out.sort();
    out
}

#[cfg(not(feature = "spark"))]
fn spark_cells(_: &str, _: &str) -> Vec<Vec<String>> {
    unreachable!("the Spark tests skip without the feature")
}

/// The query `candor sql` prints, run by Spark and by DuckDB (a second, independent engine)
/// on the same file: the same cells, row for row.
#[test]
fn spark_and_duckdb_return_the_same_cells() {
    let Some(remote) = remote() else {
        return;
    };
    let Some(python) = super::engines::duckdb_python() else {
        return;
    };
    let dir = tmp("spark-duckdb");
    for name in ["warehouse", "attrition_zh"] {
        let spec = datasets().join(format!("{name}.toml"));
        let csv = datasets().join(format!("{name}.csv"));
        csv_table(&remote, name, &csv);
        let query = |dialect: &str, table: &str| {
            let o = candor()
                .args(["sql", "--dialect", dialect, "--table", table, "--spec"])
                .arg(&spec)
                .output()
                .unwrap();
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            String::from_utf8(o.stdout).unwrap()
        };
        let on_spark = spark_cells(&remote, &query("spark", name));
        let table = format!(
            "read_csv('{}', auto_type_candidates = ['BIGINT', 'DOUBLE', 'VARCHAR'])",
            csv.display()
        );
        let out = dir.join(format!("{name}.csv"));
        super::engines::run_duckdb(&python, &query("duckdb", &table), &out);
        // DuckDB's CSV: a header line, then the cells; NULL written as an empty field (the
        // demo values hold no comma or quote).
        let mut on_duckdb: Vec<Vec<String>> = std::fs::read_to_string(&out)
            .unwrap()
            .lines()
            .skip(1)
            .map(|l| {
                l.split(',')
                    .map(|v| normal((!v.is_empty()).then(|| v.to_string())))
                    .collect()
            })
            .collect();
        on_duckdb.sort();
        assert!(on_spark.len() > 1000, "{name}: {} cells", on_spark.len());
        assert_eq!(on_spark, on_duckdb, "{name}: the engines' cells differ");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Timestamps stored with a UTC offset (and with fractional seconds): Spark returns instants;
/// shown in the workplace's time zone they give the off-hours figures the file gives.
#[test]
fn spark_timestamps_with_offsets_read_as_in_the_file() {
    let Some(remote) = remote() else {
        return;
    };
    let dir = tmp("spark-tz");
    let csv = dir.join("tz.csv");
    let mut text = String::from("worker,sex,flag,msg_at,login_at\n");
    for i in 0..600u32 {
        // Hours 0-23 local (+08:00) over 25 days; a third with half a second.
        let (day, hour, minute) = (1 + i % 25, (i * 7) % 24, (i * 13) % 60);
        text.push_str(&format!(
            "W{i},{},{},2026-11-{day:02}T{hour:02}:{minute:02}:00+08:00,2026-11-{day:02} {:02}:{minute:02}:00{}\n",
            ["F", "M"][(i % 2) as usize],
            u32::from(hour >= 20 || (i % 5 == 0)),
            (hour + 3) % 24,
            if i % 3 == 0 { ".5" } else { "" }
        ));
    }
    std::fs::write(&csv, text).unwrap();
    let spec = dir.join("tz.toml");
    std::fs::write(
        &spec,
        "[data]\npath = \"tz.csv\"\nid = \"worker\"\n[decision]\ncolumn = \"flag\"\n\
         positive = [\"1\"]\n[groups]\nattributes = [\"sex\"]\nmin_group_size = 5\n\
         [features]\ncolumns = [\"msg_at\", \"login_at\"]\n[screen]\nutc_offset_minutes = 480\n",
    )
    .unwrap();
    csv_table(&remote, "tz_offsets", &csv);
    let embedded = audit_json(&["--spec", spec.to_str().unwrap()], &dir.join("embedded"));
    let spark = spark_audit(&remote, &spec, "tz_offsets", &[], &dir.join("spark"));
    assert_same_but_provenance("timestamps with offsets", &embedded, &spark, 600);
    let _ = std::fs::remove_dir_all(&dir);
}
