//! The Chinese report (`--lang zh`) is complete: no English sentence, label or heading is left.
//!
//! Each report is rendered, then everything that is not Candor's own wording is removed: the
//! strings that come from the data (column, attribute and group names, file names including
//! Candor's audit.json and metrics.csv, metric codes, lexicon terms
//! and value patterns), legal citations of foreign law (which stay as the law cites itself),
//! SHA-256 digests, code spans and, in HTML, the markup. What remains must contain no run of
//! three or more Latin letters other than the few names in [`ALLOWED`].

use std::path::Path;

use super::common::*;

/// Latin-script words a Chinese report may keep, each for a reason:
/// - `Candor`: the product's name;
/// - `Wilson`, `Newcombe`, `Katz`, `Fisher`, `Yates`, `Pearson`, `Kolmogorov`, `Smirnov`,
///   `Holm`, `Benjamini`, `Hochberg`: authors, cited by name with the methods named after them
///   (as Chinese statistical texts do);
/// - `SHA`: the hash algorithm SHA-256;
/// - `CSV`: the input file's format;
/// - `AUC`: the standard abbreviation (area under the ROC curve), used as is in Chinese;
///
/// `unknown`, the group of rows with a missing value, is 未知 in Chinese reports: checked
/// separately, since it is also a group value in audit.json.
const ALLOWED: &[&str] = &[
    "Candor",
    "Wilson",
    "Newcombe",
    "Katz",
    "Fisher",
    "Yates",
    "Pearson",
    "Kolmogorov",
    "Smirnov",
    "Sweeney",
    "Machanavajjhala",
    "Holm",
    "Benjamini",
    "Hochberg",
    "SHA",
    "CSV",
    "AUC",
];

/// Keys of audit.json whose string values come from the data or cite a source, or are metric
/// codes (`fnr`, `impact_ratio`: named in notes such as "该组 fnr 的分母为 0").
const DATA_KEYS: &[&str] = &[
    "metric",
    "attribute",
    "group",
    "reference",
    "column",
    "path",
    "term",
    "pattern",
    "citation",
    "where",
    "attributes",
    "features",
    "intersections",
    "values",
    "original",
    "renamed",
    "policy",
];

fn collect(v: &serde_json::Value, key: Option<&str>, ll144: bool, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => {
            let data =
                key.is_some_and(|k| DATA_KEYS.contains(&k)) || (ll144 && key == Some("category"));
            if data {
                out.push(s.clone());
                // Intersections are shown both joined ("a & b") and split.
                out.extend(s.split(" & ").map(str::to_string));
            }
        }
        serde_json::Value::Array(a) => {
            for x in a {
                collect(x, key, ll144, out);
            }
        }
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                collect(x, Some(k), ll144 || k == "ll144", out);
            }
        }
        _ => {}
    }
}

/// The data-derived strings of an audit, longest first.
fn data_strings(audit: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    collect(audit, None, false, &mut out);
    // The spec's column names.
    for k in ["decision", "score", "label"] {
        if let Some(c) = audit["spec"][k]["column"].as_str() {
            out.push(c.to_string());
        }
    }
    // Candor's own output files, named where the report refers to them.
    out.extend(["audit.json", "metrics.csv", "audit.html"].map(String::from));
    // Codes named in the text: the disclosure setting's key and policy pack ids.
    out.extend(["report.min_published_group", "nyc-ll144"].map(String::from));
    out.retain(|s| !s.trim().is_empty());
    // File names alone, as well as full paths.
    let names: Vec<String> = out
        .iter()
        .filter_map(|s| Path::new(s).file_name()?.to_str().map(str::to_string))
        .collect();
    out.extend(names);
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    out.dedup();
    out
}

/// Removes `needle` where it stands alone (not inside a longer Latin word).
fn remove_word(text: &str, needle: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(needle) {
        let before = rest[..i].chars().next_back();
        let after = rest[i + needle.len()..].chars().next();
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        let word = |c: char| c.is_ascii_alphanumeric();
        let joined_before = latin(before) && needle.starts_with(word);
        let joined_after = latin(after) && needle.ends_with(word);
        let alone = !joined_before && !joined_after;
        out.push_str(&rest[..i]);
        out.push_str(if alone { " " } else { needle });
        rest = &rest[i + needle.len()..];
    }
    out.push_str(rest);
    out
}

/// The visible text of an HTML page: no style block, no tags, entities decoded.
fn html_text(html: &str) -> String {
    let style = regex::Regex::new(r"(?s)<style>.*?</style>").unwrap();
    let tags = regex::Regex::new(r"(?s)<[^>]*>").unwrap();
    let text = style.replace_all(html, " ");
    let text = tags.replace_all(&text, " ");
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The Latin words left in `text` once data strings, digests and code spans are removed.
fn english_left(text: &str, data: &[String]) -> Vec<String> {
    let mut t = regex::Regex::new(r"`[^`]*`")
        .unwrap()
        .replace_all(text, " ")
        .into_owned();
    t = regex::Regex::new(r"\b[0-9a-f]{64}\b")
        .unwrap()
        .replace_all(&t, " ")
        .into_owned();
    for d in data {
        t = remove_word(&t, d);
    }
    let word = regex::Regex::new(r"[A-Za-z]{3,}").unwrap();
    let mut left: Vec<String> = word
        .find_iter(&t)
        .map(|m| m.as_str().to_string())
        .filter(|w| !ALLOWED.contains(&w.as_str()))
        .collect();
    left.sort();
    left.dedup();
    left
}

/// Runs an audit and returns (audit.json, audit.md, audit.html).
fn render(dir: &Path, args: &[&str], name: &str) -> (serde_json::Value, String, String) {
    let out = tmp(name).join("o");
    candor()
        .current_dir(dir)
        .args(["audit"])
        .args(args)
        .args(["--format", "json,md,html", "--bootstrap", "100"])
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let read = |f: &str| std::fs::read_to_string(out.join(f)).expect("report written");
    let json = serde_json::from_str(&read("audit.json")).expect("valid json");
    (json, read("audit.md"), read("audit.html"))
}

fn assert_complete(what: &str, json: &serde_json::Value, md: &str, html: &str) {
    // The missing-value group is 未知 in Chinese, never "unknown".
    let unknown = regex::Regex::new(r"\bunknown\b").unwrap();
    assert!(!unknown.is_match(md), "{what}: audit.md prints 'unknown'");
    assert!(
        !unknown.is_match(&html_text(html)),
        "{what}: audit.html prints 'unknown'"
    );
    let data = data_strings(json);
    let left = english_left(md, &data);
    assert!(left.is_empty(), "{what} audit.md keeps English: {left:?}");
    let left = english_left(&html_text(html), &data);
    assert!(left.is_empty(), "{what} audit.html keeps English: {left:?}");
    assert!(html.contains("<html lang=\"zh\">"), "{what}: html lang");
    assert!(!md.contains("尚未完成"), "{what}: the old note is gone");
    // The text fields of audit.json follow the language too.
    let mut texts = Vec::new();
    for f in json["findings"].as_array().into_iter().flatten() {
        texts.push(f["summary"].as_str().unwrap_or_default().to_string());
    }
    for r in json["metrics"].as_array().into_iter().flatten() {
        if let Some(s) = r["reason"].as_str() {
            texts.push(s.to_string());
        }
    }
    let left = english_left(&texts.join("\n"), &data);
    assert!(
        left.is_empty(),
        "{what} audit.json text keeps English: {left:?}"
    );
}

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The snapshot fixture's audit (English column and group names) in Chinese.
fn fixture_zh(name: &str) -> (serde_json::Value, String, String) {
    render(
        &fixtures(),
        &[
            "small.csv",
            "--decision",
            "decision",
            "--score",
            "score",
            "--label",
            "label",
            "--group",
            "sex",
            "--group",
            "race",
            "--intersect",
            "sex,race",
            "--features",
            "sick_days",
            "--min-group-size",
            "3",
            "--lang",
            "zh",
        ],
        name,
    )
}

#[test]
fn chinese_report_of_an_english_named_fixture_is_complete() {
    let (json, md, html) = fixture_zh("zh-fixture");
    assert_complete("fixture", &json, &md, &html);
    // Keys, codes and numbers stay language-neutral.
    assert_eq!(json["spec"]["lang"], "zh");
    assert!(json["metrics"][0]["metric"].is_string());
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["verdict"] == "adverse_not_significant")
    );
}

#[test]
fn chinese_markdown_snapshot() {
    let (_, md, _) = fixture_zh("zh-snap");
    insta::assert_snapshot!("audit_md_zh", md);
}

#[test]
fn chinese_demo_reports_are_complete() {
    let datasets = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets");
    for spec in ["warehouse_zh.toml", "attrition_zh.toml"] {
        let (json, md, html) = render(&datasets, &["--spec", spec], spec);
        assert_eq!(
            json["spec"]["lang"], "zh",
            "{spec} asks for a Chinese report"
        );
        assert_complete(spec, &json, &md, &html);
    }
}

#[test]
fn the_checker_finds_english() {
    let data = vec!["sex".to_string(), "F".to_string()];
    assert_eq!(
        english_left("性别 sex = F：影响比 below the line", &data),
        ["below", "line", "the"]
    );
    assert!(english_left("按 sex 划分；Wilson 区间；SHA-256 ab", &data).is_empty());
    assert_eq!(
        html_text("<p title=\"x\">A &amp; B</p><style>body{}</style>"),
        " A & B  "
    );
}
