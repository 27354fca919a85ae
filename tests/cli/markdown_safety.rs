//! Markdown written from hostile data renders, under a CommonMark renderer's defaults (as a
//! static-site generator or a Markdown viewer would show audit.md), without any tag, event
//! handler, script link or outside image coming from the data.

use crate::common::{candor, fixture, tmp};
use pulldown_cmark::{Options, Parser, html};

/// Strings that are live markup in Markdown or HTML when not escaped.
const HOSTILE: [&str; 10] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<b onmouseover=alert(1)>b</b>",
    "[x](javascript:alert(1))",
    "![](http://evil.example/p.png)",
    "<!-- hidden",
    "<http://evil.example/a>",
    "# heading",
    "a|b",
    "cr\rrow",
];

fn render(md: &str) -> String {
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(md, Options::ENABLE_TABLES));
    out
}

/// Every tag in the HTML rendered from a document built from hostile data is one Markdown
/// itself makes (text `<` is rendered as `&lt;`, so a tag here is a real one), with no event
/// handler, no script link, and no image but Candor's own charts.
fn assert_inert(what: &str, md: &str) {
    const MARKDOWN_TAGS: [&str; 24] = [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "code",
        "pre",
        "a",
        "img",
        "blockquote",
        "hr",
    ];
    let h = render(md);
    let mut rest = h.as_str();
    while let Some(i) = rest.find('<') {
        let end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
        let tag = &rest[i..end];
        rest = &rest[end..];
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        assert!(
            MARKDOWN_TAGS.contains(&name.to_ascii_lowercase().as_str()),
            "{what}: a tag from the data survives rendering: {tag}"
        );
        let lower = tag.to_ascii_lowercase();
        assert!(!lower.contains(" on"), "{what}: an event handler: {tag}");
        assert!(
            !lower.contains("javascript:"),
            "{what}: a script link: {tag}"
        );
        if name == "img" {
            assert!(
                lower.contains("src=\"plots/") || lower.contains("src=\"charts/"),
                "{what}: an image not drawn by Candor: {tag}"
            );
        }
        if name == "a" {
            assert!(
                !lower.contains("evil.example"),
                "{what}: a link from the data: {tag}"
            );
        }
    }
}

fn hostile_table() -> String {
    let mut csv =
        String::from("id,\"<img src=x onerror=alert(2)>\",\"[y](javascript:alert(3))\",decision\n");
    let mut row = 0;
    for rep in 0..4 {
        for (k, v) in HOSTILE.iter().enumerate() {
            row += 1;
            let quoted = format!("\"{}\"", v.replace('"', "\"\""));
            csv.push_str(&format!("W{row},{quoted},{},{}\n", k + rep, (k + rep) % 2));
        }
    }
    csv
}

#[test]
fn audit_markdown_is_inert_under_commonmark() {
    let d = tmp("md-safety");
    let p = fixture(&d, "h.csv", hostile_table().as_bytes());
    let out = d.join("out");
    candor()
        .args(["audit", p.to_str().unwrap(), "--decision", "decision"])
        .args(["--group", "<img src=x onerror=alert(2)>"])
        .args(["--features", "[y](javascript:alert(3))"])
        .args(["--min-group-size", "1", "--min-published-group", "1"])
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let md = std::fs::read_to_string(out.join("audit.md")).unwrap();
    // The values are there, as text.
    assert!(
        md.contains("script"),
        "the hostile group is missing from audit.md"
    );
    assert_inert("audit.md", &md);
}

#[test]
fn explanation_markdown_is_inert_under_commonmark() {
    let d = tmp("md-safety-explain");
    let p = fixture(&d, "h.csv", hostile_table().as_bytes());
    let out = d.join("ex");
    candor()
        .args(["explain", p.to_str().unwrap(), "--decision", "decision"])
        .args(["--positive", "1", "--favorable", "negative"])
        .args(["--group", "<img src=x onerror=alert(2)>"])
        .args(["--features", "[y](javascript:alert(3))", "--id", "id"])
        .args(["--all", "--format", "md"])
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let mut n = 0;
    for e in std::fs::read_dir(&out).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "md") {
            assert_inert(
                &p.display().to_string(),
                &std::fs::read_to_string(&p).unwrap(),
            );
            n += 1;
        }
    }
    assert_eq!(n, 40, "one explanation per worker");
}

/// The check itself catches raw markup, script links and outside images.
#[test]
fn the_check_catches_live_markup() {
    for raw in [
        "x <img src=x onerror=alert(1)> y",
        "[x](javascript:alert(1))",
        "![](http://evil.example/p.png)",
        "<script>alert(1)</script>",
        "a <b onmouseover=alert(1)>b</b>",
    ] {
        let caught = std::panic::catch_unwind(|| assert_inert("raw", raw)).is_err();
        assert!(caught, "not caught: {raw}");
    }
    assert_inert(
        "escaped",
        &candor::i18n::md_escape(HOSTILE.join(" ").as_str()),
    );
}
