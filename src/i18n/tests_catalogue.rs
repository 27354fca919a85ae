//! The catalogues against each other and against the source: same keys, same placeholders,
//! every key used in the source exists, every key is used; and `t!` fills as it says.

use super::{Catalogue, Lang, fill_template, placeholders};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The source of every area file of one language, by file name.
fn area_sources(lang: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/i18n")
        .join(lang);
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("catalogue folder") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".rs") && name != "mod.rs" {
            out.push((name, std::fs::read_to_string(&path).expect("area file")));
        }
    }
    out.sort();
    out
}

/// The keys of one language's catalogue, read from its area files (the arms
/// `"key" => Some(`), each with the file it is in. Fails on a key written twice.
fn catalogue_keys(lang: &str) -> BTreeMap<String, String> {
    let mut keys = BTreeMap::new();
    for (file, src) in area_sources(lang) {
        for line in src.lines() {
            let line = line.trim_start();
            let Some(rest) = line.strip_prefix('"') else {
                continue;
            };
            let Some((key, tail)) = rest.split_once('"') else {
                continue;
            };
            if !tail.trim_start().starts_with("=>") {
                continue;
            }
            let area = file.trim_end_matches(".rs");
            assert!(
                key.starts_with(&format!("{area}.")),
                "{lang}/{file}: key {key} is not in the area {area}"
            );
            let before = keys.insert(key.to_string(), file.clone());
            assert!(before.is_none(), "{lang}/{file}: key {key} twice");
        }
    }
    keys
}

fn catalogue(lang: &str) -> &'static dyn Catalogue {
    Lang::from_code(lang).expect("language").catalogue()
}

#[test]
fn both_catalogues_hold_the_same_keys_with_the_same_placeholders() {
    let en = catalogue_keys("en");
    let zh = catalogue_keys("zh");
    let only_en: Vec<_> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
    let only_zh: Vec<_> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "keys only in English: {only_en:?}");
    assert!(only_zh.is_empty(), "keys only in Chinese: {only_zh:?}");
    for (key, file) in &en {
        assert_eq!(Some(file), zh.get(key), "{key} in different area files");
        let e = catalogue("en").template(key);
        let z = catalogue("zh").template(key);
        let (Some(e), Some(z)) = (e, z) else {
            panic!("{key}: listed but not returned by the catalogue (en {e:?}, zh {z:?})");
        };
        let pe: BTreeSet<&str> = placeholders(e).into_iter().collect();
        let pz: BTreeSet<&str> = placeholders(z).into_iter().collect();
        assert_eq!(pe, pz, "{key}: placeholders differ");
        for p in &pe {
            assert!(
                !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
                "{key}: placeholder {{{p}}} is not a plain name (no format specifiers)"
            );
        }
    }
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source of every file under src/ but the catalogues and this test, comments blanked
/// (a doc line may show `t!` with an example key), each with its path.
fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut out = Vec::new();
    for path in files {
        let rel = path.strip_prefix(&root).unwrap().display().to_string();
        if rel.starts_with("i18n/en/")
            || rel.starts_with("i18n/zh/")
            || rel == "i18n/tests_catalogue.rs"
        {
            continue;
        }
        let src = std::fs::read_to_string(&path).expect("source");
        let code: String = src
            .lines()
            .map(|l| {
                if l.trim_start().starts_with("//") {
                    ""
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        out.push((rel, code));
    }
    out
}

/// The key literals of every `t!(lang, "key"` and `ts!(lang, "key"` call in the source, each
/// with the macro, its file and line. The key is the literal after the first comma.
fn used_keys() -> Vec<(String, &'static str, String)> {
    let mut used = Vec::new();
    for (rel, code) in sources() {
        let bytes = code.as_bytes();
        for mac in ["t!(", "ts!("] {
            let mut from = 0;
            while let Some(i) = code[from..].find(mac) {
                let at = from + i;
                from = at + mac.len();
                if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                    continue;
                }
                let Some(comma) = code[from..].find(',') else {
                    continue;
                };
                let after = code[from + comma + 1..].trim_start();
                let Some(after) = after.strip_prefix('"') else {
                    continue;
                };
                let Some(len) = after.find('"') else {
                    continue;
                };
                let line = code[..at].lines().count();
                used.push((after[..len].to_string(), mac, format!("{rel}:{line}")));
            }
        }
    }
    used
}

#[test]
fn every_key_used_exists_and_every_key_is_used() {
    let keys = catalogue_keys("en");
    let used = used_keys();
    let missing: Vec<_> = used
        .iter()
        .filter(|(k, _, _)| !keys.contains_key(k))
        .collect();
    assert!(
        missing.is_empty(),
        "t! with keys not in the catalogue: {missing:?}"
    );
    for (key, mac, place) in &used {
        if *mac == "ts!(" {
            for lang in ["en", "zh"] {
                let text = catalogue(lang).template(key).unwrap_or_default();
                assert!(
                    !text.contains(['{', '}']),
                    "{place}: ts! of {key}, whose {lang} text has braces (use t!)"
                );
            }
        }
    }
    // A key counts as used when its literal appears in the source: in a t!/ts! call, or in
    // a table a macro turns into calls (the metric names).
    let all: Vec<String> = sources().into_iter().map(|(_, c)| c).collect();
    let unused: Vec<_> = keys
        .keys()
        .filter(|k| !all.iter().any(|c| c.contains(&format!("\"{k}\""))))
        .collect();
    assert!(
        unused.is_empty(),
        "catalogue keys the source never names: {unused:?}"
    );
}

/// The names given after the key of the `t!` call whose key literal ends at `from` (`n`,
/// `n = expr`), up to the call's closing parenthesis; an argument that is no name is
/// returned as `?` and the text.
fn call_arguments(code: &str, from: usize) -> Vec<String> {
    let bytes = code.as_bytes();
    let (mut depth, mut i, mut start) = (0usize, from, from);
    let mut args = Vec::new();
    let mut push = |a: &str| {
        let a = a.trim();
        if a.is_empty() {
            return;
        }
        let name: String = a
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let rest = a[name.len()..].trim_start();
        let named = rest.starts_with('=') && !rest.starts_with("==");
        if !name.is_empty() && (rest.is_empty() || named) {
            args.push(name);
        } else {
            args.push(format!("? {a}"));
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // A string (raw strings hold no quote in these calls): to its closing quote.
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'\'' if bytes.get(i + 1) == Some(&b'\\') => {
                i += 2;
                while i < bytes.len() && bytes[i] != b'\'' {
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth > 0 => depth -= 1,
            b')' => {
                push(&code[start..i]);
                break;
            }
            b',' if depth == 0 => {
                push(&code[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    args
}

#[test]
fn every_t_call_gives_exactly_the_placeholders_of_its_template() {
    let mut wrong = Vec::new();
    for (rel, code) in sources() {
        let bytes = code.as_bytes();
        let mut from = 0;
        while let Some(i) = code[from..].find("t!(") {
            let at = from + i;
            from = at + 3;
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let Some(comma) = code[from..].find(',') else {
                continue;
            };
            let after_comma = from + comma + 1;
            let rest = code[after_comma..].trim_start();
            let Some(key_and_more) = rest.strip_prefix('"') else {
                continue;
            };
            let Some(len) = key_and_more.find('"') else {
                continue;
            };
            let key = &key_and_more[..len];
            let key_end = code.len() - key_and_more.len() + len + 1;
            let mut given = call_arguments(&code, key_end);
            given.sort();
            let Some(template) = catalogue("en").template(key) else {
                continue; // reported by every_key_used_exists_and_every_key_is_used
            };
            let mut wanted: Vec<String> = placeholders(template)
                .into_iter()
                .map(str::to_string)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            wanted.sort();
            if given != wanted {
                let line = code[..at].lines().count();
                wrong.push(format!(
                    "{rel}:{line}: {key} given {given:?}, template has {wanted:?}"
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "t! calls whose arguments miss or add placeholders:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn t_fills_placeholders_and_braces() {
    assert_eq!(crate::t!(Lang::En, "common.group.unknown"), "unknown");
    assert_eq!(crate::t!(Lang::Zh, "common.group.unknown"), "未知");
    let n = 3;
    let args: [(&str, &dyn std::fmt::Display); 2] = [("n", &n), ("what", &"rows")];
    assert_eq!(fill_template("{n} {what}", &args), "3 rows");
    assert_eq!(fill_template("{{n}} = {n}", &args), "{n} = 3");
    assert_eq!(fill_template("}} {n}{n}", &args), "} 33");
    // Nothing given for a placeholder: it stays, nothing panics.
    assert_eq!(fill_template("{m} and {n}", &args), "{m} and 3");
    assert_eq!(fill_template("{unclosed", &args), "{unclosed");
    assert_eq!(fill_template("lone } brace", &args), "lone } brace");
    assert_eq!(placeholders("{a} {{b}} {c}}}"), vec!["a", "c"]);
    // A key no catalogue holds gives the key back.
    assert_eq!(super::fill(Lang::En, "no.such.key", &[]), "no.such.key");
}

#[test]
fn grammar_per_language() {
    let items = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        Lang::En.catalogue().and_list(&items(&["a", "b", "c"])),
        "a, b and c"
    );
    assert_eq!(
        Lang::Zh.catalogue().and_list(&items(&["a", "b", "c"])),
        "a、b和c"
    );
    assert_eq!(Lang::En.catalogue().and_list(&items(&["a"])), "a");
    assert_eq!(Lang::Zh.catalogue().and_list(&[]), "");
    assert_eq!(Lang::Zh.catalogue().list_separator(), "、");
    assert_eq!(Lang::En.quote("x"), "'x'");
    assert_eq!(Lang::Zh.quote("x"), "“x”");
    assert_eq!(Lang::Zh.join_clauses(&items(&["a", "b"])), "a；b");
    assert_eq!(super::pct(Some(0.1416), Lang::En), "14.2 %");
    assert_eq!(super::pct(Some(0.1416), Lang::Zh), "14.2%");
}
