//! audit.html: one self-contained file (inline CSS, no script, nothing loaded from the
//! network) with a print stylesheet. Every string from the data is escaped.

use super::markdown::sections;
use crate::audit::Audit;

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC',sans-serif;max-width:68rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}\
h1{font-size:1.7rem}h2{font-size:1.3rem;border-bottom:2px solid #333;padding-bottom:.2rem;margin-top:2rem}\
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left}\
th{background:#eee}caption{text-align:left;font-weight:600;padding:.3rem 0}li{margin:.2rem 0}\
@media print{body{max-width:none;margin:0;font-size:10pt}h2{page-break-after:avoid}table{page-break-inside:avoid}}";

/// Renders audit.html.
pub fn render_html(a: &Audit) -> String {
    let mut out =
        String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    out.push_str("<title>Candor audit report</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<h1>Candor audit report</h1>\n");
    for s in sections(a) {
        out.push_str(&format!("<section>\n<h2>{}</h2>\n", escape(&s.heading)));
        for p in &s.paragraphs {
            out.push_str(&format!("<p>{}</p>\n", escape(p)));
        }
        if !s.bullets.is_empty() {
            out.push_str("<ul>\n");
            for b in &s.bullets {
                out.push_str(&format!("<li>{}</li>\n", escape(b)));
            }
            out.push_str("</ul>\n");
        }
        for t in &s.tables {
            out.push_str(&format!(
                "<table>\n<caption>{}</caption>\n<thead><tr>",
                escape(&t.caption)
            ));
            for h in &t.headers {
                out.push_str(&format!("<th scope=\"col\">{}</th>", escape(h)));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for r in &t.rows {
                out.push_str("<tr>");
                for c in r {
                    out.push_str(&format!("<td>{}</td>", escape(c)));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape("\"><img src=x onerror=alert(1)>"),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
    }
}
