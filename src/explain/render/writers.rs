//! The explanation written as Markdown, printable HTML and JSON.

use super::doc::Rendering;
use super::parts::{Part, parts};
use super::text;
use super::words::md_cell;

/// The explanation as Markdown.
pub fn markdown(e: &Rendering) -> String {
    let l = &text::labels(e.lang);
    let mut out = format!(
        "# {}{}{}\n\n",
        l.title,
        crate::ts!(e.lang, "explain.punct.colon"),
        md_cell(&e.subject)
    );
    for block in parts(e) {
        match block {
            Part::Heading(h) => out.push_str(&format!("## {h}\n\n")),
            Part::Para(p) => out.push_str(&format!("{}\n\n", md_cell(&p))),
            Part::List(items) => {
                for i in items {
                    out.push_str(&format!("- {}\n", md_cell(&i)));
                }
                out.push('\n');
            }
            Part::Table(head, rows) => {
                out.push_str(&format!(
                    "| {} |\n|{}\n",
                    head.iter()
                        .map(|h| md_cell(h))
                        .collect::<Vec<_>>()
                        .join(" | "),
                    "---|".repeat(head.len())
                ));
                for r in rows {
                    out.push_str(&format!(
                        "| {} |\n",
                        r.iter().map(|c| md_cell(c)).collect::<Vec<_>>().join(" | ")
                    ));
                }
                out.push('\n');
            }
        }
    }
    out
}

pub(super) const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.5}\
table{border-collapse:collapse;margin:0.5rem 0 1rem;width:100%}th,td{border:1px solid #999;padding:0.25rem 0.5rem;text-align:left;vertical-align:top}th{background:#eee}\
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:1.5rem;border-bottom:1px solid #999}code{word-break:break-all}\
@media print{body{max-width:none;margin:0;font-size:10pt}h2{page-break-after:avoid}tr{page-break-inside:avoid}}";

/// The explanation as one printable, self-contained HTML page.
pub fn html(e: &Rendering) -> String {
    use crate::i18n::escape;
    let l = &text::labels(e.lang);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>{}{sep}{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}{sep}{}</h1>\n",
        e.lang.code(),
        escape(l.title),
        escape(&e.subject),
        escape(l.title),
        escape(&e.subject),
        sep = crate::ts!(e.lang, "explain.punct.colon")
    );
    for block in parts(e) {
        match block {
            Part::Heading(h) => out.push_str(&format!("<h2>{}</h2>\n", escape(&h))),
            Part::Para(p) => out.push_str(&format!("<p>{}</p>\n", escape(&p))),
            Part::List(items) => {
                out.push_str("<ul>\n");
                for i in items {
                    out.push_str(&format!("<li>{}</li>\n", escape(&i)));
                }
                out.push_str("</ul>\n");
            }
            Part::Table(head, rows) => {
                out.push_str("<table>\n");
                if head.iter().any(|h| !h.is_empty()) {
                    out.push_str("<tr>");
                    for h in head {
                        out.push_str(&format!("<th>{}</th>", escape(&h)));
                    }
                    out.push_str("</tr>\n");
                }
                for r in rows {
                    out.push_str("<tr>");
                    for c in r {
                        out.push_str(&format!("<td>{}</td>", escape(&c)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}
