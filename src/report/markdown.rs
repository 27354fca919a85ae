//! audit.md: the report document rendered as Markdown. Every text from the data is escaped
//! ([`md_escape`]), so no tag, link or image can come from a group or column name.

use crate::audit::Audit;
use crate::i18n::md_escape;

use super::doc::{Block, Doc};
use super::sections::document;
use crate::ts;

/// Renders a document as Markdown.
pub fn render_doc(doc: &Doc, lang: crate::i18n::Lang) -> String {
    let mut out = format!("# {}\n\n", md_escape(&doc.title));
    for s in &doc.sections {
        out.push_str(&format!("## {}\n\n", md_escape(&s.heading)));
        for b in &s.blocks {
            match b {
                Block::Paragraph(p) => {
                    out.push_str(&md_escape(p));
                    out.push_str("\n\n");
                }
                Block::List(items) => {
                    for i in items {
                        out.push_str(&format!("- {}\n", md_escape(&i.text)));
                    }
                    out.push('\n');
                }
                Block::Table(t) => {
                    out.push_str(&format!("**{}**\n\n", md_escape(&t.caption)));
                    let row = |cells: &[String]| {
                        format!(
                            "| {} |\n",
                            cells
                                .iter()
                                .map(|c| md_escape(c))
                                .collect::<Vec<_>>()
                                .join(" | ")
                        )
                    };
                    out.push_str(&row(&t.headers));
                    out.push_str(&format!("|{}\n", "---|".repeat(t.headers.len())));
                    for r in &t.rows {
                        out.push_str(&row(&r.cells));
                    }
                    out.push('\n');
                }
                Block::Charts(_) => {
                    out.push_str(ts!(lang, "report.markdown.charts_audit_html_every_number"));
                    out.push_str("\n\n");
                }
            }
        }
    }
    out
}

/// Renders audit.md.
pub fn render_markdown(a: &Audit) -> String {
    render_doc(&document(a), a.spec.lang)
}
