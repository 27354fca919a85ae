//! The layers of docs/architecture.md, checked on the source: a module names only modules of
//! lower layers (core modules may name each other, and so may the commands). A `use crate::`
//! that reaches up fails this test with the file and the line.

use std::path::Path;

/// Lowest first. Keep in step with docs/architecture.md.
const LAYERS: &[&[&str]] = &[
    &[
        "error", "i18n", "codes", "inputs", "dates", "t", "ts", "__t_arg",
    ],
    &["spec"],
    &["stats"],
    &["data"],
    &["metrics"],
    &["screen"],
    &["model"],
    &["findings"],
    &["audit"],
    &["report", "explain"],
    &["cli", "init", "commands", "lib", "main"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The top module of a file under src/ (`src/report/html.rs` -> `report`).
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// The modules a line of code names through `crate::`.
fn named(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or("");
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or("");
            for part in inner.split(',') {
                let m: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !m.is_empty() {
                    out.push(m);
                }
            }
        } else {
            let m: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !m.is_empty() {
                out.push(m);
            }
        }
    }
    out
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_module_reaches_a_higher_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    all.sort();
    let mut bad = Vec::new();
    for f in &all {
        let from = module_of(&src, f);
        let lf = layer(&from).unwrap_or_else(|| panic!("{from} is in no layer of LAYERS"));
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for to in named(line) {
                if to == from {
                    continue;
                }
                let Some(lt) = layer(&to) else {
                    bad.push(format!(
                        "{}:{}: names crate::{to}, in no layer",
                        f.display(),
                        n + 1
                    ));
                    continue;
                };
                let shared = lf == 0 || lf == LAYERS.len() - 1;
                if lt > lf || (lt == lf && !shared) {
                    bad.push(format!(
                        "{}:{}: {from} (layer {lf}) names crate::{to} (layer {lt})",
                        f.strip_prefix(&src).unwrap().display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "imports that reach up or sideways:\n{}",
        bad.join("\n")
    );
}
