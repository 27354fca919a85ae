//! Fuzzing without nightly: proptest generates hostile inputs and the binary is run on each
//! with a timeout. Three targets, one test each:
//!
//! - `fuzz_csv_bytes`: a good table mutated byte by byte (flips, inserted CSV tokens, cuts,
//!   doubled and swapped lines), random bytes, and random bytes behind a good header;
//! - `fuzz_spec_toml`: a valid audit spec mutated line by line (hostile values, removed,
//!   doubled and inserted lines, flipped bytes);
//! - `fuzz_where_fail_on`: `--where` and `--fail-on` strings from a token soup and from
//!   arbitrary Unicode.
//!
//! Every run must keep the contract (README, "Exit codes"): no panic, exit 0, 1 or 2, one
//! `error:` line and a `hint:` line on exit 2, no hang, inputs unchanged, the output folder
//! complete or absent, no `.candor-tmp`/`.candor-old` folder left.
//!
//! A breach whose signature is already documented by a `known_failure` case of the corpus
//! (`KNOWN` below) is counted and printed but does not fail; any other breach is shrunk by
//! proptest, saved under the findings folder, and fails the test.
//!
//! Environment: `CANDOR_FUZZ_CASES` (default 250) cases per target; `CANDOR_FUZZ_SECONDS`
//! instead runs each target for that many seconds (batches of cases with successive seeds);
//! `CANDOR_FUZZ_SEED` the first seed (default fixed, so CI is reproducible);
//! `CANDOR_FUZZ_TIMEOUT` the per-run timeout in seconds (15); `CANDOR_FUZZ_FINDINGS` the
//! folder for the inputs of new breaches (default: a temp folder). `scripts/fuzz.sh` runs
//! the long version.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner};

use super::corpus::{contract_problems, excerpt, good_csv, leftovers, run_timed, snapshot};

/// Breaches already recorded as `known_failure` cases in tests/corpus: (what the stderr of
/// the run holds, the corpus case that documents it). Only "exit 2 without a hint" and the
/// one known panic are matched; any other breach is new.
const KNOWN: &[(&str, &str)] = &[
    // Every breach the first runs found is fixed (2026-12-05): none is tolerated now. Add a
    // pair here only with a corpus case marked `known_failure` that documents it.
];

/// Counters of one target, printed at the end. They count runs, shrinking included: a new
/// breach is one finding (`new_findings`) but usually many failing runs (`breach_runs`).
#[derive(Default)]
struct Stats {
    runs: AtomicU64,
    ok: AtomicU64,
    known: AtomicU64,
    crashes: AtomicU64,
    hangs: AtomicU64,
    breaches: AtomicU64,
    /// Runs that ended with exit 0, 1 and 2.
    exits: [AtomicU64; 3],
    known_seen: Mutex<BTreeMap<String, u64>>,
}

/// What one run of the binary must leave, besides its exit code.
struct Expect<'a> {
    /// The output folder and a file a complete one holds (None: any non-empty folder).
    out: Option<(&'a Path, Option<&'a str>)>,
}

fn timeout() -> Duration {
    Duration::from_secs(
        std::env::var("CANDOR_FUZZ_TIMEOUT")
            .ok()
            .and_then(|t| t.parse().ok())
            .unwrap_or(15),
    )
}

/// A fresh folder for one run.
fn run_dir(target: &str) -> PathBuf {
    static SEQ: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "candor-fuzz-{}-{target}-{}",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("fuzz dir");
    d
}

/// Runs `candor --quiet ARGS` in `dir` and checks the contract. Ok(()) when kept or when
/// every problem is a known one; Err(description) for a new breach.
fn check(stats: &Stats, dir: &Path, args: &[String], expect: &Expect) -> Result<(), String> {
    let mut before = BTreeMap::new();
    snapshot(dir, &mut before);
    let t = timeout();
    let r = run_timed(args, dir, t);
    stats.runs.fetch_add(1, Ordering::Relaxed);
    if let Some(c @ 0..=2) = r.code {
        stats.exits[c as usize].fetch_add(1, Ordering::Relaxed);
    }
    let mut problems = contract_problems(&r, t);
    let mut after = BTreeMap::new();
    snapshot(dir, &mut after);
    for (p, h) in &before {
        if after.get(p) != Some(h) {
            problems.push(format!("input changed or removed: {}", p.display()));
        }
    }
    if let Some((out, file)) = expect.out
        && !r.hung
    {
        match r.code {
            Some(0 | 1) => {
                let complete = match file {
                    Some(f) => out.join(f).is_file(),
                    None => std::fs::read_dir(out).is_ok_and(|mut d| d.next().is_some()),
                };
                if !complete {
                    problems.push(format!("exit {:?} with a partial output folder", r.code));
                }
            }
            _ => {
                if std::fs::symlink_metadata(out).is_ok() {
                    problems.push("output folder exists after a failed run".into());
                }
            }
        }
    }
    let mut left = Vec::new();
    leftovers(dir, &mut left);
    for l in left {
        problems.push(format!("left behind: {}", l.display()));
    }
    if problems.is_empty() {
        stats.ok.fetch_add(1, Ordering::Relaxed);
        let _ = std::fs::remove_dir_all(dir);
        return Ok(());
    }
    let crashed = r.code == Some(101) || (!r.hung && r.code.is_none());
    if crashed {
        stats.crashes.fetch_add(1, Ordering::Relaxed);
    }
    if r.hung {
        stats.hangs.fetch_add(1, Ordering::Relaxed);
    }
    // Known only when every problem is a missing hint or a panic, and the message is one the
    // corpus documents.
    let matchable = problems.iter().all(|p| {
        p.starts_with("exit 2 without a 'hint:' line")
            || p.starts_with("exit 101")
            || p.starts_with("panic text")
    });
    let known = KNOWN
        .iter()
        .find(|(sig, _)| matchable && r.stderr.contains(sig));
    if let Some((_, case)) = known {
        stats.known.fetch_add(1, Ordering::Relaxed);
        *stats
            .known_seen
            .lock()
            .unwrap()
            .entry(case.to_string())
            .or_default() += 1;
        let _ = std::fs::remove_dir_all(dir);
        return Ok(());
    }
    stats.breaches.fetch_add(1, Ordering::Relaxed);
    Err(format!(
        "{} (args: {:?}; stderr: {})",
        problems.join("; "),
        args,
        excerpt(&r.stderr)
    ))
}

/// Runs `test` on values of `strategy`: CANDOR_FUZZ_CASES cases, or batches for
/// CANDOR_FUZZ_SECONDS. New breaches are shrunk, saved and make the test fail at the end.
fn fuzz<S: Strategy>(
    target: &str,
    strategy: S,
    save: impl Fn(&S::Value, &Path),
    test: impl Fn(&Stats, &S::Value) -> Result<(), String>,
) where
    S::Value: std::fmt::Debug,
{
    let stats = Stats::default();
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
    let seconds = env("CANDOR_FUZZ_SECONDS");
    let cases = env("CANDOR_FUZZ_CASES").unwrap_or(250) as u32;
    let seed0 = env("CANDOR_FUZZ_SEED").unwrap_or(0xC4_4D0E);
    let findings = std::env::var_os("CANDOR_FUZZ_FINDINGS")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("candor-fuzz-findings"));
    let start = Instant::now();
    let mut failures: Vec<String> = Vec::new();
    let mut batch = 0u64;
    loop {
        let batch_cases = if seconds.is_some() { 50 } else { cases };
        let config = Config {
            cases: batch_cases,
            failure_persistence: None,
            max_shrink_iters: 200,
            max_shrink_time: 120_000,
            ..Config::default()
        };
        let seed = seed0.wrapping_add(batch);
        let mut seed_bytes = [0u8; 32];
        seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
        seed_bytes[8..8 + target.len().min(24)]
            .copy_from_slice(&target.as_bytes()[..target.len().min(24)]);
        let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes);
        let mut runner = TestRunner::new_with_rng(config, rng);
        let result = runner.run(&strategy, |v| test(&stats, &v).map_err(TestCaseError::fail));
        if let Err(e) = result {
            let msg = match e {
                TestError::Fail(why, value) => {
                    let d = findings.join(format!("{target}-seed{seed}"));
                    let _ = std::fs::remove_dir_all(&d);
                    let _ = std::fs::create_dir_all(&d);
                    save(&value, &d);
                    let _ = std::fs::write(d.join("why.txt"), format!("{why}\n{value:?}\n"));
                    format!(
                        "seed {seed}: {why}\n    minimal input saved in {}",
                        d.display()
                    )
                }
                TestError::Abort(why) => format!("seed {seed}: aborted: {why}"),
            };
            failures.push(msg);
        }
        batch += 1;
        match seconds {
            Some(s) if start.elapsed() < Duration::from_secs(s) => continue,
            _ => break,
        }
    }
    let known = stats.known_seen.lock().unwrap().clone();
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "fuzz {target}: runs={} ok={} known={} crashes={} hangs={} breach_runs={} \
         new_findings={} exit0={} exit1={} exit2={} batches={batch} seed={seed0} secs={:.1}",
        stats.runs.load(Ordering::Relaxed),
        stats.ok.load(Ordering::Relaxed),
        stats.known.load(Ordering::Relaxed),
        stats.crashes.load(Ordering::Relaxed),
        stats.hangs.load(Ordering::Relaxed),
        stats.breaches.load(Ordering::Relaxed),
        failures.len(),
        stats.exits[0].load(Ordering::Relaxed),
        stats.exits[1].load(Ordering::Relaxed),
        stats.exits[2].load(Ordering::Relaxed),
        start.elapsed().as_secs_f64()
    );
    for (case, n) in &known {
        let _ = writeln!(err, "fuzz {target}: known breach ({case}) x{n}");
    }
    for f in &failures {
        let _ = writeln!(err, "fuzz {target}: NEW BREACH {f}");
    }
    drop(err);
    assert!(
        failures.is_empty(),
        "fuzz {target}: {} new contract breaches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------------------
// CSV bytes

/// Bytes that matter to a CSV reader, a decoder or a report.
const CSV_TOKENS: &[&[u8]] = &[
    b",",
    b"\"",
    b"\"\"",
    b"\n",
    b"\r\n",
    b"\r",
    b"\0",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFF",
    b"\xC3",
    b";",
    b"\t",
    b"NA",
    b"NaN",
    b"inf",
    b"-0",
    b"1e300",
    b"-1",
    b"99999999999",
    b"0.5",
    b"F",
    b"M",
    b"unknown",
    "性别".as_bytes(),
    "🙂".as_bytes(),
    "\u{202E}".as_bytes(),
    b"<script>alert(1)</script>",
    b"=cmd|' /C calc'!A0",
    b"decision",
    b"sex",
    b",,,,",
    b"true",
    b"   ",
];

#[derive(Debug, Clone)]
enum ByteOp {
    Flip(Index, u8),
    Insert(Index, usize),
    Delete(Index, usize),
    Truncate(Index),
    DupLine(Index),
    SwapLines(Index, Index),
}

fn byte_op() -> impl Strategy<Value = ByteOp> {
    prop_oneof![
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| ByteOp::Flip(i, b)),
        (any::<Index>(), 0..CSV_TOKENS.len()).prop_map(|(i, t)| ByteOp::Insert(i, t)),
        (any::<Index>(), 1usize..40).prop_map(|(i, n)| ByteOp::Delete(i, n)),
        any::<Index>().prop_map(ByteOp::Truncate),
        any::<Index>().prop_map(ByteOp::DupLine),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| ByteOp::SwapLines(a, b)),
    ]
}

fn apply(base: &[u8], ops: &[ByteOp]) -> Vec<u8> {
    let mut b = base.to_vec();
    for op in ops {
        let n = b.len().max(1);
        match op {
            ByteOp::Flip(i, x) => {
                if !b.is_empty() {
                    let k = i.index(n);
                    b[k] ^= x | 1;
                }
            }
            ByteOp::Insert(i, t) => {
                let k = i.index(n + 1).min(b.len());
                b.splice(k..k, CSV_TOKENS[*t].iter().copied());
            }
            ByteOp::Delete(i, len) => {
                let k = i.index(n).min(b.len());
                let e = (k + len).min(b.len());
                b.drain(k..e);
            }
            ByteOp::Truncate(i) => b.truncate(i.index(n)),
            ByteOp::DupLine(i) | ByteOp::SwapLines(i, _) => {
                let mut lines: Vec<Vec<u8>> =
                    b.split(|c| *c == b'\n').map(<[u8]>::to_vec).collect();
                let k = i.index(lines.len());
                if let ByteOp::SwapLines(_, j) = op {
                    let j = j.index(lines.len());
                    lines.swap(k, j);
                } else {
                    let l = lines[k].clone();
                    lines.insert(k, l);
                }
                b = lines.join(&b'\n');
            }
        }
    }
    b
}

/// Extra flags a CSV run may add.
const CSV_FLAGS: &[&[&str]] = &[
    &[],
    &[],
    &["--group", "race"],
    &["--encoding", "gbk"],
    &["--delimiter", ";"],
    &["--no-header"],
    &["--positive", "1"],
    &["--id", "id"],
    &["--format", "json,csv,md,html"],
];

fn csv_input() -> impl Strategy<Value = (Vec<u8>, usize)> {
    let base = good_csv(30).into_bytes();
    let header = b"id,sex,race,decision,score,label,note\n".to_vec();
    let bytes = prop_oneof![
        6 => prop::collection::vec(byte_op(), 1..8).prop_map(move |ops| apply(&base, &ops)),
        1 => prop::collection::vec(any::<u8>(), 0..300),
        1 => prop::collection::vec(any::<u8>(), 0..300)
            .prop_map(move |r| [header.clone(), r].concat()),
    ];
    (bytes, 0..CSV_FLAGS.len())
}

#[test]
fn fuzz_csv_bytes() {
    fuzz(
        "csv",
        csv_input(),
        |(bytes, flags), d| {
            let _ = std::fs::write(d.join("a.csv"), bytes);
            let _ = std::fs::write(d.join("flags.txt"), CSV_FLAGS[*flags].join(" "));
        },
        |stats, (bytes, flags)| {
            let dir = run_dir("csv");
            std::fs::write(dir.join("a.csv"), bytes).unwrap();
            let out = dir.join("out");
            let mut args: Vec<String> = [
                "audit",
                "a.csv",
                "--decision",
                "decision",
                "--group",
                "sex",
                "--score",
                "score",
                "--label",
                "label",
                "--min-group-size",
                "1",
                "--min-published-group",
                "1",
                "--bootstrap",
                "10",
                "--out",
                "out",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect();
            let extra = CSV_FLAGS[*flags];
            args.extend(extra.iter().map(|s| s.to_string()));
            if !extra.contains(&"--format") {
                args.extend(["--format".to_string(), "json".to_string()]);
            }
            check(
                stats,
                &dir,
                &args,
                &Expect {
                    out: Some((&out, Some("audit.json"))),
                },
            )
        },
    );
}

// ---------------------------------------------------------------------------------------
// Spec TOML

const SPEC: &str = r#"[data]
path = "a.csv"
delimiter = ","
encoding = "utf-8"
where = "score >= 0"
id = "id"
[decision]
column = "decision"
positive = ["1"]
favorable = "positive"
[score]
column = "score"
[label]
column = "label"
[groups]
attributes = ["sex", "race"]
min_group_size = 5
[stats]
confidence = 0.95
bootstrap = 10
seed = 1
[output]
formats = ["json"]
lang = "en"
[gates]
fail_on = ["impact_ratio<0.5"]
"#;

/// Values a key may be given.
const SPEC_VALUES: &[&str] = &[
    r#""""#,
    r#""x""#,
    "0",
    "-1",
    "1.5",
    "nan",
    "inf",
    "-inf",
    "18446744073709551616",
    "9223372036854775807",
    "true",
    "[]",
    r#"["a", "b"]"#,
    "[1, 2]",
    "[[1], [2]]",
    "{}",
    "{ a = 1 }",
    r#""decision""#,
    r#""sex""#,
    r#""score""#,
    r#"["sex", "sex"]"#,
    r#""../../etc/passwd""#,
    r#""/dev/zero""#,
    r#""\u0000""#,
    r#""<script>alert(1)</script>""#,
    "2026-01-01",
    r#""score >= 0 OR 1=1""#,
    r#""1; DROP TABLE t""#,
    "'''multi\nline'''",
    r#""性别""#,
    r#""zh""#,
    r#"["json", "csv", "md", "html"]"#,
    r#""negative""#,
    r#"["impcat_ratio<0.8"]"#,
    r#"["impact_ratio<0.8"]"#,
];

/// Lines that may be inserted.
const SPEC_LINES: &[&str] = &[
    "[data]",
    "[decision]",
    "[extra]",
    "[[groups]]",
    "unknown_key = 1",
    r#"path = "a.csv""#,
    r#"column = "label""#,
    r#"attributes = ["race"]"#,
    "threshold = 0.5",
    "min_published_group = 0",
    "max_levels = 1",
    "bootstrap = 0",
    "confidence = 1",
    r#"negative = ["1"]"#,
    r#"intersect = ["sex", "race"]"#,
    r#"reference = "sex=F""#,
    "has_header = false",
    r#"na_values = ["F"]"#,
    "# a comment",
    "",
    "=",
    "[",
    "\"",
];

#[derive(Debug, Clone)]
enum SpecOp {
    SetValue(Index, usize),
    DeleteLine(Index),
    DupLine(Index),
    InsertLine(Index, usize),
    Flip(Index, u8),
}

fn spec_op() -> impl Strategy<Value = SpecOp> {
    prop_oneof![
        3 => (any::<Index>(), 0..SPEC_VALUES.len()).prop_map(|(i, v)| SpecOp::SetValue(i, v)),
        1 => any::<Index>().prop_map(SpecOp::DeleteLine),
        1 => any::<Index>().prop_map(SpecOp::DupLine),
        2 => (any::<Index>(), 0..SPEC_LINES.len()).prop_map(|(i, l)| SpecOp::InsertLine(i, l)),
        1 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| SpecOp::Flip(i, b)),
    ]
}

fn mutate_spec(ops: &[SpecOp]) -> Vec<u8> {
    let mut lines: Vec<String> = SPEC.lines().map(str::to_string).collect();
    let mut flips = Vec::new();
    for op in ops {
        let n = lines.len().max(1);
        match op {
            SpecOp::SetValue(i, v) => {
                if let Some(l) = lines.get_mut(i.index(n))
                    && let Some((k, _)) = l.split_once(" = ")
                {
                    *l = format!("{k} = {}", SPEC_VALUES[*v]);
                }
            }
            SpecOp::DeleteLine(i) => {
                if !lines.is_empty() {
                    lines.remove(i.index(n));
                }
            }
            SpecOp::DupLine(i) => {
                if !lines.is_empty() {
                    let k = i.index(n);
                    lines.insert(k, lines[k].clone());
                }
            }
            SpecOp::InsertLine(i, l) => {
                let k = i.index(n + 1).min(lines.len());
                lines.insert(k, SPEC_LINES[*l].to_string());
            }
            SpecOp::Flip(i, b) => flips.push((*i, *b)),
        }
    }
    let mut bytes = (lines.join("\n") + "\n").into_bytes();
    for (i, b) in flips {
        let k = i.index(bytes.len());
        bytes[k] ^= b | 1;
    }
    bytes
}

#[test]
fn fuzz_spec_toml() {
    let table = good_csv(40);
    fuzz(
        "spec",
        prop::collection::vec(spec_op(), 1..4),
        |ops, d| {
            let _ = std::fs::write(d.join("s.toml"), mutate_spec(ops));
            let _ = std::fs::write(d.join("a.csv"), good_csv(40));
        },
        |stats, ops| {
            let dir = run_dir("spec");
            std::fs::write(dir.join("a.csv"), &table).unwrap();
            std::fs::write(dir.join("s.toml"), mutate_spec(ops)).unwrap();
            let out = dir.join("out");
            let args: Vec<String> = ["audit", "--spec", "s.toml", "--out", "out"]
                .iter()
                .map(|s| s.to_string())
                .collect();
            // The formats may be mutated: a complete folder is any non-empty one.
            check(
                stats,
                &dir,
                &args,
                &Expect {
                    out: Some((&out, None)),
                },
            )
        },
    );
}

// ---------------------------------------------------------------------------------------
// --where and --fail-on

const EXPR_TOKENS: &[&str] = &[
    "sex",
    "race",
    "score",
    "decision",
    "label",
    "id",
    "note",
    "'F'",
    "'M'",
    "\"sex\"",
    "=",
    "==",
    "!=",
    "<>",
    "<",
    ">",
    "<=",
    ">=",
    "AND",
    "OR",
    "NOT",
    "IN",
    "(",
    ")",
    ",",
    "IS",
    "NULL",
    "LIKE",
    "'%F%'",
    "0",
    "1",
    "0.5",
    "0.8",
    "-1",
    "1e308",
    "NaN",
    "inf",
    "'",
    "\"",
    ";",
    "--",
    "/*",
    "*/",
    "SELECT",
    "FROM",
    "DROP TABLE t",
    "BETWEEN",
    "CAST(score AS INT)",
    "abs(score)",
    "lower(sex)",
    "性别",
    "📈",
    " ",
    "impact_ratio",
    "favorable_rate",
    "adverse_rate_ratio",
    "p_value",
    "n",
    "%",
    "+",
    "*",
    "/",
    "\\",
    "$",
    "{",
    "}",
    "[",
    "]",
    "＜",
    "０.８",
];

const METRICS: &[&str] = &[
    "impact_ratio",
    "adverse_rate_ratio",
    "favorable_rate",
    "selection_rate",
    "selection_rate_diff",
    "tpr_ratio",
    "fpr_diff",
    "accuracy",
    "n",
    "p_value",
    "impcat_ratio",
    "",
];
const OPS: &[&str] = &[
    "<", "<=", ">", ">=", "=", "==", "!=", "<>", "", " < ", "=<", "<<",
];
const NUMBERS: &[&str] = &[
    "0", "0.8", "1", "1.25", "-1", "0.5", "1e308", "1e-320", "NaN", "inf", "", "0x10", "1,5",
    "'F'", "'M'", "'x'", "NULL", "score", "TRUE",
];
const COLUMNS: &[&str] = &[
    "sex", "race", "score", "decision", "label", "id", "note", "nope",
];

/// A `--fail-on` gate: metric, comparison, number.
fn gate() -> impl Strategy<Value = String> {
    (
        prop::sample::select(METRICS),
        prop::sample::select(OPS),
        prop::sample::select(NUMBERS),
    )
        .prop_map(|(m, o, n)| format!("{m}{o}{n}"))
}

/// A `--where` predicate: clauses of column, comparison, literal.
fn predicate() -> impl Strategy<Value = String> {
    let clause = (
        prop::sample::select(COLUMNS),
        prop::sample::select(OPS),
        prop::sample::select(NUMBERS),
    )
        .prop_map(|(c, o, n)| format!("{c} {o} {n}"));
    prop::collection::vec(
        (clause, prop::sample::select(&["AND", "OR", "AND NOT"][..])),
        1..4,
    )
    .prop_map(|cs| {
        let mut s = String::new();
        for (i, (c, j)) in cs.iter().enumerate() {
            if i > 0 {
                s.push_str(&format!(" {j} "));
            }
            s.push_str(c);
        }
        s
    })
}

fn expr() -> impl Strategy<Value = String> {
    let soup = prop::collection::vec(0..EXPR_TOKENS.len(), 0..10).prop_map(|ts| {
        ts.iter()
            .map(|t| EXPR_TOKENS[*t])
            .collect::<Vec<_>>()
            .join(" ")
    });
    prop_oneof![
        3 => gate(),
        1 => prop::sample::select(&["favorable_rate>=0", "impact_ratio<2", "n>0"][..])
            .prop_map(str::to_string),
        3 => predicate(),
        3 => soup,
        1 => "\\PC{0,40}",
        1 => any::<String>()
    ]
    // An argument cannot hold a NUL byte.
    .prop_map(|s| s.replace('\0', " "))
}

#[test]
fn fuzz_where_fail_on() {
    let table = good_csv(40);
    fuzz(
        "expr",
        (
            prop::option::of(expr()),
            prop::collection::vec(expr(), 0..3),
        ),
        |(w, f), d| {
            let _ = std::fs::write(
                d.join("args.txt"),
                format!("where: {w:?}\nfail-on: {f:?}\n"),
            );
        },
        |stats, (w, fail_on)| {
            let dir = run_dir("expr");
            std::fs::write(dir.join("a.csv"), &table).unwrap();
            let out = dir.join("out");
            let mut args: Vec<String> = [
                "audit",
                "a.csv",
                "--decision",
                "decision",
                "--group",
                "sex",
                "--min-group-size",
                "1",
                "--min-published-group",
                "1",
                "--bootstrap",
                "10",
                "--format",
                "json",
                "--out",
                "out",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect();
            // The `--flag=VALUE` form, so that a value starting with '-' is not a flag.
            if let Some(w) = w {
                args.push(format!("--where={w}"));
            }
            for f in fail_on {
                args.push(format!("--fail-on={f}"));
            }
            check(
                stats,
                &dir,
                &args,
                &Expect {
                    out: Some((&out, Some("audit.json"))),
                },
            )
        },
    );
}
