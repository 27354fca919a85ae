//! The hostile-input corpus: every case in `tests/corpus/*.toml` is run against the binary
//! with a timeout, and the error contract is checked (README, "Exit codes"):
//!
//! - never a panic (exit 101 or "panicked at"), never a hang (killed after the timeout);
//! - the exit code the case expects (0 ran, 1 gate breached, 2 bad input);
//! - an exit 2 prints one `error:` message with a line starting `hint:`, holding the words
//!   the case lists;
//! - no file of the case's folder (the fixtures) is changed or removed;
//! - the output folder is complete (exit 0/1) or absent (exit 2), and no `.NAME.candor-tmp*`
//!   or `.NAME.candor-old*` folder is left behind.
//!
//! A case marked `known_failure = "reason"` documents a contract breach not fixed yet: it is
//! run and reported, but does not fail the test. Remove the mark once the binary is fixed (the
//! summary prints "UNEXPECTED PASS" for it).
//!
//! Environment: `CANDOR_CORPUS_FILTER=word` runs only cases whose name contains the word,
//! `CANDOR_CORPUS_THREADS` (default 2) sets the parallelism, `CANDOR_CORPUS_TIMEOUT` the
//! default per-case timeout in seconds (20).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde::Deserialize;
use sha2::{Digest, Sha256};

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CorpusFile {
    /// Named argument lists: an argument "@NAME" expands to the list.
    #[serde(default)]
    macros: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    case: Vec<Case>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    /// Command-line arguments after `candor --quiet`; `{dir}` is the case's folder (also the
    /// working directory), "@NAME" a macro.
    args: Vec<String>,
    /// The expected exit code.
    exit: i32,
    /// Words stderr must contain.
    #[serde(default)]
    stderr: Vec<String>,
    /// Words stdout must contain.
    #[serde(default)]
    stdout: Vec<String>,
    /// Words neither stdout nor stderr may contain (leaked secrets, raw markup).
    #[serde(default)]
    absent: Vec<String>,
    /// Fixture files: relative path -> text (`{dir}` is replaced).
    #[serde(default)]
    files: BTreeMap<String, String>,
    /// Fixture files: relative path -> bytes in hex (spaces allowed).
    #[serde(default)]
    hex: BTreeMap<String, String>,
    /// Fixture files made by a generator (see `generate`): relative path -> "SOURCE|STEP|...".
    #[serde(default)]
    #[serde(rename = "gen")]
    generate: BTreeMap<String, String>,
    /// The output folder to check, when not the `--out` argument.
    out: Option<String>,
    /// The files a complete output folder holds (default: from the command and --format).
    out_files: Option<Vec<String>>,
    /// Output file -> words it must not contain (markup, formula injection).
    #[serde(default)]
    out_absent: BTreeMap<String, Vec<String>>,
    /// Paths that must not exist after the run.
    #[serde(default)]
    must_not_exist: Vec<String>,
    /// Fixture paths (prefixes, relative to the case folder) the run may legitimately change.
    #[serde(default)]
    mutable: Vec<String>,
    /// A known contract breach, not fixed yet: reported, not failed.
    known_failure: Option<String>,
    /// Seconds before the run is killed as a hang.
    timeout: Option<u64>,
}

/// The outcome of one run of the binary.
pub struct Run {
    /// None when killed by a signal or by the timeout.
    pub code: Option<i32>,
    pub hung: bool,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

/// Runs `candor --quiet ARGS` in `cwd`, killing it after `timeout`. Output goes to files, so
/// a chatty run cannot block on a full pipe.
pub fn run_timed(args: &[String], cwd: &Path, timeout: Duration) -> Run {
    static SEQ: AtomicUsize = AtomicUsize::new(0);
    let logs = std::env::temp_dir().join(format!("candor-logs-{}", std::process::id()));
    std::fs::create_dir_all(&logs).expect("log dir");
    let n = SEQ.fetch_add(1, Ordering::SeqCst);
    let (out_p, err_p) = (logs.join(format!("{n}.out")), logs.join(format!("{n}.err")));
    let start = Instant::now();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("candor"))
        .arg("--quiet")
        .args(args)
        .current_dir(cwd)
        .env_remove("CANDOR_TIMING")
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_p).expect("stdout file"))
        .stderr(std::fs::File::create(&err_p).expect("stderr file"))
        .spawn()
        .expect("candor starts");
    let mut hung = false;
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break Some(s);
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            hung = true;
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let elapsed = start.elapsed();
    let read = |p: &Path| {
        let b = std::fs::read(p).unwrap_or_default();
        let _ = std::fs::remove_file(p);
        String::from_utf8_lossy(&b).into_owned()
    };
    Run {
        code: status.and_then(|s| s.code()),
        hung,
        stdout: read(&out_p),
        stderr: read(&err_p),
        elapsed,
    }
}

/// The contract every run must keep, whatever its input: the problems found.
pub fn contract_problems(r: &Run, timeout: Duration) -> Vec<String> {
    let mut p = Vec::new();
    if r.hung {
        p.push(format!("hang: killed after {} s", timeout.as_secs()));
        return p;
    }
    match r.code {
        None => p.push("killed by a signal".into()),
        Some(101) => p.push("exit 101 (panic)".into()),
        Some(0..=2) => {}
        Some(c) => p.push(format!("exit {c} is not 0, 1 or 2")),
    }
    if r.stderr.contains("panicked at") || r.stdout.contains("panicked at") {
        p.push(format!(
            "panic text: {}",
            first_line_with(&r.stderr, "panicked")
        ));
    }
    if r.code == Some(2) {
        if !r.stderr.lines().any(|l| l.starts_with("hint:")) {
            p.push(format!(
                "exit 2 without a 'hint:' line; stderr: {}",
                excerpt(&r.stderr)
            ));
        }
        let errors = r.stderr.lines().filter(|l| l.starts_with("error:")).count();
        if errors != 1 {
            p.push(format!("exit 2 with {errors} 'error:' lines, not one"));
        }
    }
    p
}

/// The start of a message, on one line, for a summary.
pub fn excerpt(text: &str) -> String {
    let one = text.trim().replace('\n', " / ");
    match one.char_indices().nth(300) {
        Some((i, _)) => format!("{}...", &one[..i]),
        None => one,
    }
}

fn first_line_with<'a>(text: &'a str, word: &str) -> &'a str {
    text.lines().find(|l| l.contains(word)).unwrap_or("")
}

/// The well-formed table most cases start from: 80 workers, two sexes and two races, a
/// binary decision, a score in [0, 1], a binary label and a free-text note.
pub fn good_csv(rows: usize) -> String {
    let mut s = String::from("id,sex,race,decision,score,label,note\n");
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for i in 0..rows {
        let r = next();
        let sex = if i % 2 == 0 { "F" } else { "M" };
        let race = if (r >> 3) % 3 == 0 { "B" } else { "A" };
        let score = (r % 1000) as f64 / 1000.0;
        let decision = u8::from(score >= 0.5 || i % 7 == 0);
        let label = u8::from((r >> 11) % 2 == 0);
        s.push_str(&format!(
            "W{:04},{sex},{race},{decision},{score:.3},{label},note {i}\n",
            i + 1
        ));
    }
    s
}

/// The same table with Chinese column names and values.
fn good_zh() -> String {
    good_csv(80)
        .replacen(
            "id,sex,race,decision,score,label,note",
            "工号,性别,民族,决定,分数,标签,备注",
            1,
        )
        .replace(",F,", ",女,")
        .replace(",M,", ",男,")
        .replace(",A,", ",汉族,")
        .replace(",B,", ",回族,")
}

fn gen_dir() -> PathBuf {
    static DIR: Mutex<Option<PathBuf>> = Mutex::new(None);
    let mut d = DIR.lock().unwrap();
    d.get_or_insert_with(|| super::common::tmp("corpus-gen"))
        .clone()
}

/// A table in a binary format, written by `candor convert` from the good table (cached).
fn converted(ext: &str) -> Vec<u8> {
    static CACHE: Mutex<BTreeMap<String, Vec<u8>>> = Mutex::new(BTreeMap::new());
    let mut c = CACHE.lock().unwrap();
    if let Some(b) = c.get(ext) {
        return b.clone();
    }
    let d = gen_dir();
    let src = d.join("good.csv");
    std::fs::write(&src, good_csv(80)).unwrap();
    let dst = d.join(format!("good.{ext}"));
    let _ = std::fs::remove_file(&dst);
    let r = run_timed(
        &[
            "convert".into(),
            src.display().to_string(),
            dst.display().to_string(),
        ],
        &d,
        Duration::from_secs(60),
    );
    assert_eq!(r.code, Some(0), "candor convert to .{ext}: {}", r.stderr);
    let b = std::fs::read(&dst).unwrap();
    c.insert(ext.into(), b.clone());
    b
}

fn pseudo_random(n: usize, mut x: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) as u8
        })
        .collect()
}

fn num(s: &str, what: &str) -> i64 {
    s.parse()
        .unwrap_or_else(|_| panic!("generator {what}: '{s}' is not a number"))
}

/// Makes a fixture from a generator recipe "SOURCE|STEP|STEP...". Sources: `good`,
/// `rows:N`, `good_zh`, `long_cell:N`, `long_header:N`, `wide:N`, `convert:parquet|arrow|
/// ndjson`, `zeros:N`, `random:N`. Steps: `truncate:N` (first N bytes; negative: drop the
/// last -N), `corrupt:OFFSET:LEN` (xor; negative offset from the end), `gbk`, `gb18030`,
/// `big5`, `utf16le`, `utf16be` (with BOM), `utf16le_nobom`, `bom` (UTF-8), `crlf`, `cr`,
/// `append:TEXT`.
fn generate(recipe: &str) -> Vec<u8> {
    let mut parts = recipe.split('|');
    let source = parts.next().unwrap();
    let (name, arg) = source.split_once(':').unwrap_or((source, ""));
    let mut bytes: Vec<u8> = match name {
        "good" => good_csv(80).into_bytes(),
        "rows" => good_csv(num(arg, source) as usize).into_bytes(),
        "good_zh" => good_zh().into_bytes(),
        "long_cell" => good_csv(80)
            .replacen("note 0", &"x".repeat(num(arg, source) as usize), 1)
            .into_bytes(),
        "long_header" => good_csv(80)
            .replacen(
                ",note\n",
                &format!(",{}\n", "n".repeat(num(arg, source) as usize)),
                1,
            )
            .into_bytes(),
        "wide" => {
            let n = num(arg, source) as usize;
            let mut out = String::new();
            for (i, line) in good_csv(80).lines().enumerate() {
                out.push_str(line);
                for j in 0..n {
                    if i == 0 {
                        out.push_str(&format!(",extra_{j}"));
                    } else {
                        out.push_str(&format!(",{}", (i + j) % 10));
                    }
                }
                out.push('\n');
            }
            out.into_bytes()
        }
        "convert" => converted(arg),
        "zeros" => vec![0u8; num(arg, source) as usize],
        "random" => pseudo_random(num(arg, source) as usize, 7),
        other => panic!("unknown generator source '{other}'"),
    };
    for step in parts {
        let (op, arg) = step.split_once(':').unwrap_or((step, ""));
        bytes = match op {
            "truncate" => {
                let n = num(arg, step);
                let keep = if n < 0 {
                    bytes.len().saturating_sub((-n) as usize)
                } else {
                    (n as usize).min(bytes.len())
                };
                bytes[..keep].to_vec()
            }
            "corrupt" => {
                let (off, len) = arg.split_once(':').expect("corrupt:OFFSET:LEN");
                let (off, len) = (num(off, step), num(len, step) as usize);
                let start = if off < 0 {
                    bytes.len().saturating_sub((-off) as usize)
                } else {
                    off as usize
                };
                let end = (start + len).min(bytes.len());
                for b in &mut bytes[start..end] {
                    *b ^= 0x5A;
                }
                bytes
            }
            "gbk" | "gb18030" | "big5" => {
                let enc = encoding_rs::Encoding::for_label(op.as_bytes()).unwrap();
                let text = String::from_utf8(bytes).expect("text to encode");
                enc.encode(&text).0.into_owned()
            }
            "utf16le" | "utf16be" | "utf16le_nobom" => {
                let text = String::from_utf8(bytes).expect("text to encode");
                let mut out = match op {
                    "utf16le" => vec![0xFF, 0xFE],
                    "utf16be" => vec![0xFE, 0xFF],
                    _ => vec![],
                };
                for u in text.encode_utf16() {
                    if op == "utf16be" {
                        out.extend_from_slice(&u.to_be_bytes());
                    } else {
                        out.extend_from_slice(&u.to_le_bytes());
                    }
                }
                out
            }
            "bom" => [b"\xEF\xBB\xBF".as_slice(), &bytes].concat(),
            "crlf" => String::from_utf8(bytes)
                .unwrap()
                .replace('\n', "\r\n")
                .into_bytes(),
            "cr" => String::from_utf8(bytes)
                .unwrap()
                .replace('\n', "\r")
                .into_bytes(),
            "append" => [bytes.as_slice(), arg.as_bytes()].concat(),
            other => panic!("unknown generator step '{other}'"),
        };
    }
    bytes
}

/// Makes one fixture at `path`: special recipes (`fifo`, `dir`, `symlink:TARGET`) or bytes.
fn make_fixture(path: &Path, recipe: &str, dir: &Path) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    if recipe == "fifo" {
        let ok = Command::new("mkfifo")
            .arg(path)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "mkfifo {}", path.display());
    } else if recipe == "dir" {
        std::fs::create_dir_all(path).unwrap();
    } else if let Some(target) = recipe.strip_prefix("symlink:") {
        #[cfg(unix)]
        std::os::unix::fs::symlink(target.replace("{dir}", &dir.display().to_string()), path)
            .unwrap();
    } else {
        std::fs::write(path, generate(recipe)).unwrap();
    }
}

fn hex_bytes(h: &str) -> Vec<u8> {
    let digits: Vec<u8> = h.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    assert!(digits.len() % 2 == 0, "odd hex length");
    digits
        .chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap(), 16).expect("hex"))
        .collect()
}

/// SHA-256 of every regular file under `dir` (links and special files are not opened).
pub fn snapshot(dir: &Path, acc: &mut BTreeMap<PathBuf, String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let Ok(m) = std::fs::symlink_metadata(&p) else {
            continue;
        };
        if m.is_dir() {
            snapshot(&p, acc);
        } else if m.is_file() {
            let b = std::fs::read(&p).unwrap_or_default();
            acc.insert(
                p,
                Sha256::digest(&b)
                    .iter()
                    .map(|x| format!("{x:02x}"))
                    .collect(),
            );
        }
    }
}

/// Names under `dir` (recursively) that a run should never leave behind.
pub fn leftovers(dir: &Path, acc: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let p = e.path();
        if name.contains(".candor-tmp") || name.contains(".candor-old") {
            acc.push(p.clone());
        }
        if std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_dir()) {
            leftovers(&p, acc);
        }
    }
}

fn expand(args: &[String], macros: &BTreeMap<String, Vec<String>>, dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    for a in args {
        if let Some(m) = a.strip_prefix('@').and_then(|n| macros.get(n)) {
            out.extend(expand(m, macros, dir));
        } else {
            out.push(a.replace("{dir}", dir));
        }
    }
    out
}

fn arg_after<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

/// The output folder a run writes, and the files a complete one holds.
fn expected_out(case: &Case, args: &[String], dir: &Path) -> Option<(PathBuf, Vec<String>)> {
    let command = args.first().map(String::as_str)?;
    let writes_nothing = args
        .iter()
        .any(|a| matches!(a.as_str(), "--help" | "-h" | "--version" | "-V"));
    if writes_nothing || !matches!(command, "audit" | "screen" | "explain") {
        return case.out.as_ref().map(|o| {
            (
                dir.join(o.replace("{dir}", &dir.display().to_string())),
                case.out_files.clone().unwrap_or_default(),
            )
        });
    }
    let out = match (&case.out, arg_after(args, "--out")) {
        (Some(o), _) => dir.join(o.replace("{dir}", &dir.display().to_string())),
        (None, Some(o)) => dir.join(o),
        (None, None) if command == "explain" => dir.join("candor-explanations"),
        (None, None) => dir.join("candor-report"),
    };
    let files = case.out_files.clone().unwrap_or_else(|| {
        if command == "explain" {
            return Vec::new();
        }
        let formats: Vec<String> = arg_after(args, "--format")
            .map(|f| f.split(',').map(str::to_string).collect())
            .unwrap_or_else(|| vec!["json".into(), "csv".into(), "md".into(), "html".into()]);
        formats
            .iter()
            .map(|f| match f.as_str() {
                "csv" => "metrics.csv".to_string(),
                other => format!("audit.{other}"),
            })
            .collect()
    });
    Some((out, files))
}

struct Report {
    name: String,
    expected: i32,
    got: String,
    secs: f64,
    problems: Vec<String>,
    known: Option<String>,
}

fn run_case(case: &Case, macros: &BTreeMap<String, Vec<String>>, base: &Path) -> Report {
    let dir = base.join(&case.name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let dir_s = dir.display().to_string();
    for (name, text) in &case.files {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text.replace("{dir}", &dir_s)).unwrap();
    }
    for (name, h) in &case.hex {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, hex_bytes(h)).unwrap();
    }
    for (name, recipe) in &case.generate {
        make_fixture(&dir.join(name), recipe, &dir);
    }
    let args = expand(&case.args, macros, &dir_s);
    let out = expected_out(case, &args, &dir);
    let out_existed = out
        .as_ref()
        .is_some_and(|(o, _)| std::fs::symlink_metadata(o).is_ok());
    let mut before = BTreeMap::new();
    snapshot(&dir, &mut before);

    let default_timeout = std::env::var("CANDOR_CORPUS_TIMEOUT")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(20);
    let timeout = Duration::from_secs(case.timeout.unwrap_or(default_timeout));
    let r = run_timed(&args, &dir, timeout);

    let mut problems = contract_problems(&r, timeout);
    let got = match (r.hung, r.code) {
        (true, _) => "hang".to_string(),
        (false, Some(c)) => c.to_string(),
        (false, None) => "signal".to_string(),
    };
    if !r.hung && r.code != Some(case.exit) {
        problems.push(format!(
            "exit {got}, expected {}; stderr: {}",
            case.exit,
            excerpt(&r.stderr)
        ));
    } else if !r.hung {
        for w in &case.stderr {
            if !r.stderr.contains(w.as_str()) {
                problems.push(format!("stderr lacks '{w}': {}", excerpt(&r.stderr)));
            }
        }
        for w in &case.stdout {
            if !r.stdout.contains(w.as_str()) {
                problems.push(format!("stdout lacks '{w}'"));
            }
        }
    }
    for w in &case.absent {
        if r.stderr.contains(w.as_str()) || r.stdout.contains(w.as_str()) {
            problems.push(format!("output holds '{w}'"));
        }
    }
    // Inputs are sacred.
    let mut after = BTreeMap::new();
    snapshot(&dir, &mut after);
    let mutable: Vec<PathBuf> = case.mutable.iter().map(|m| dir.join(m)).collect();
    for (p, h) in &before {
        if mutable.iter().any(|m| p.starts_with(m)) {
            continue;
        }
        match after.get(p) {
            None => problems.push(format!("input removed: {}", p.display())),
            Some(h2) if h2 != h => problems.push(format!("input changed: {}", p.display())),
            _ => {}
        }
    }
    // The output folder: complete, or absent.
    if let Some((o, files)) = &out
        && !r.hung
    {
        if matches!(r.code, Some(0) | Some(1)) {
            if !o.is_dir() {
                problems.push(format!("no output folder {}", o.display()));
            } else {
                for f in files {
                    if !o.join(f).is_file() {
                        problems.push(format!("partial output: {} lacks {f}", o.display()));
                    }
                }
                if files.is_empty() && std::fs::read_dir(o).map(|d| d.count()).unwrap_or(0) == 0 {
                    problems.push(format!("empty output folder {}", o.display()));
                }
                for (f, words) in &case.out_absent {
                    let text = std::fs::read_to_string(o.join(f)).unwrap_or_default();
                    for w in words {
                        if text.contains(w.as_str()) {
                            problems.push(format!("{f} holds '{w}'"));
                        }
                    }
                }
            }
        } else if !out_existed && std::fs::symlink_metadata(o).is_ok() {
            problems.push(format!("output {} exists after a failed run", o.display()));
        }
    }
    let mut left = Vec::new();
    leftovers(&dir, &mut left);
    if let Some((o, _)) = &out
        && let Some(parent) = o.parent()
        && !parent.starts_with(&dir)
    {
        leftovers(parent, &mut left);
    }
    for l in left {
        problems.push(format!("left behind: {}", l.display()));
    }
    for m in &case.must_not_exist {
        let p = dir.join(m.replace("{dir}", &dir_s));
        if std::fs::symlink_metadata(&p).is_ok() {
            problems.push(format!("must not exist: {}", p.display()));
        }
    }
    Report {
        name: case.name.clone(),
        expected: case.exit,
        got,
        secs: r.elapsed.as_secs_f64(),
        problems,
        known: case.known_failure.clone(),
    }
}

fn load() -> (BTreeMap<String, Vec<String>>, Vec<Case>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/corpus")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut macros = BTreeMap::new();
    let mut cases = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let f: CorpusFile =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        macros.extend(f.macros);
        cases.extend(f.case);
    }
    (macros, cases)
}

#[test]
fn hostile_corpus() {
    let (macros, cases) = load();
    let mut names = std::collections::BTreeSet::new();
    for c in &cases {
        assert!(
            names.insert(c.name.clone()),
            "duplicate case name {}",
            c.name
        );
        assert!(
            c.name
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '_'),
            "case name {} must be [A-Za-z0-9_]",
            c.name
        );
    }
    assert!(cases.len() >= 150, "the corpus holds {} cases", cases.len());
    let filter = std::env::var("CANDOR_CORPUS_FILTER").unwrap_or_default();
    let cases: Vec<Case> = cases
        .into_iter()
        .filter(|c| c.name.contains(&filter))
        .collect();
    let base = super::common::tmp("corpus");
    let threads = std::env::var("CANDOR_CORPUS_THREADS")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(2usize)
        .max(1);
    let next = AtomicUsize::new(0);
    let reports = Mutex::new(Vec::new());
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(c) = cases.get(i) else { break };
                    let r = run_case(c, &macros, &base);
                    reports.lock().unwrap().push((i, r));
                }
            });
        }
    });
    let mut reports = reports.into_inner().unwrap();
    reports.sort_by_key(|(i, _)| *i);

    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "\n{:<44} {:>8} {:>5} {:>7}  status",
        "case", "expected", "got", "secs"
    );
    let (mut failed, mut known, mut fixed) = (Vec::new(), Vec::new(), Vec::new());
    for (_, r) in &reports {
        let status = match (&r.known, r.problems.is_empty()) {
            (None, true) => "ok",
            (None, false) => {
                failed.push(r);
                "FAIL"
            }
            (Some(_), false) => {
                known.push(r);
                "known failure"
            }
            (Some(_), true) => {
                fixed.push(r);
                "UNEXPECTED PASS (remove known_failure)"
            }
        };
        let _ = writeln!(
            err,
            "{:<44} {:>8} {:>5} {:>7.2}  {status}",
            r.name, r.expected, r.got, r.secs
        );
    }
    let _ = writeln!(
        err,
        "\n{} cases in {:.1} s: {} ok, {} failed, {} known failures, {} unexpected passes",
        reports.len(),
        start.elapsed().as_secs_f64(),
        reports.len() - failed.len() - known.len() - fixed.len(),
        failed.len(),
        known.len(),
        fixed.len()
    );
    for r in &known {
        let _ = writeln!(
            err,
            "KNOWN FAILURE {}: {}\n    now: {}",
            r.name,
            r.known.as_deref().unwrap_or(""),
            r.problems.join("; ")
        );
    }
    for r in &fixed {
        let _ = writeln!(
            err,
            "UNEXPECTED PASS {}: remove its known_failure mark",
            r.name
        );
    }
    for r in &failed {
        let _ = writeln!(err, "FAIL {}:\n  - {}", r.name, r.problems.join("\n  - "));
    }
    drop(err);
    if failed.is_empty() {
        let _ = std::fs::remove_dir_all(&base);
    }
    assert!(
        failed.is_empty(),
        "{} corpus cases broke the contract: {}",
        failed.len(),
        failed
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    // A mark on a case that now passes would hide a regression: it must be removed.
    assert!(
        fixed.is_empty(),
        "{} corpus cases marked known_failure now pass; remove their marks: {}",
        fixed.len(),
        fixed
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
}
