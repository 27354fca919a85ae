//! audit.html: one self-contained file (inline CSS, no script, nothing loaded from the
//! network) with a print stylesheet. Every string from the data is escaped.
//!
//! The page is the report document ([`Doc`]) with its charts drawn as SVG; of the audit
//! itself it names only Candor's version and the SHA-256 of audit.json, at the foot of the page.

use super::doc::{Block, Chart, Doc, DocTable, Item};
use super::escape;
use super::plots::{
    adverse_ratio_bars, calibration, cdf_lines, heatmap_marked, paired_bars, rate_bars, ratio_bars,
};
use super::sections::document;
use crate::audit::Audit;
use crate::i18n::Lang;
use crate::t;

/// Draws one chart of the document as SVG (empty when there is nothing to draw).
fn draw(chart: &Chart, l: Lang) -> Result<String, String> {
    match chart {
        Chart::RateBars {
            title,
            x_label,
            bars,
        } => rate_bars(title, x_label, bars, None, l),
        Chart::RatioBars { title, bars } => ratio_bars(title, bars, l),
        Chart::AdverseRatioBars { title, bars } => adverse_ratio_bars(title, bars, l),
        Chart::PairedBars {
            title,
            x_label,
            names,
            groups,
        } => paired_bars(title, x_label, (&names.0, &names.1), groups, l),
        Chart::Heatmap {
            title,
            rows,
            cols,
            values,
            marks,
        } => heatmap_marked(title, rows, cols, values, marks, l),
        Chart::CdfLines {
            title,
            x_label,
            range,
            groups,
        } => cdf_lines(title, x_label, *range, groups, l),
        Chart::Calibration {
            title,
            groups,
            scale,
        } => {
            let scale = scale.as_ref().map(|(lo, hi, x)| (*lo, *hi, x.as_str()));
            calibration(title, groups, scale, l)
        }
    }
}

/// One figure per chart; a chart that cannot be drawn is left out (its numbers are in the
/// tables).
fn render_charts(out: &mut String, charts: &[Chart], l: Lang) {
    let svgs = charts.iter().filter_map(|c| draw(c, l).ok());
    for svg in svgs.filter(|s| !s.is_empty()) {
        out.push_str("<figure>");
        out.push_str(&svg);
        out.push_str("</figure>\n");
    }
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC',sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}\
h1{font-size:1.7rem}h2{font-size:1.3rem;border-bottom:2px solid #333;padding-bottom:.2rem;margin-top:2rem}\
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top;overflow-wrap:normal;word-break:normal;hyphens:none}\
th{background:#eee}td.n{white-space:nowrap}tr:target,li:target{outline:3px solid #1a56db}figure{margin:1rem 0;page-break-inside:avoid}figure svg{max-width:100%;height:auto}caption{text-align:left;font-weight:600;padding:.3rem 0}li{margin:.2rem 0}\
@media print{body{max-width:none;margin:0;font-size:9.5pt}h2{page-break-after:avoid}table{font-size:7.5pt}tr{page-break-inside:avoid}th,td{padding:.12rem .25rem}a{color:inherit;text-decoration:none}}";

/// The print page: A4, page numbers, and the SHA-256 of audit.json on every page (so a
/// printed page can be matched to the published data).
fn page_style(hash: &str, lang: crate::i18n::Lang) -> String {
    let label = "audit.json SHA-256 ";
    let page = crate::t!(lang, "report.html.page_counter");
    format!(
        "@page{{size:A4;margin:14mm 12mm 16mm 12mm;@bottom-left{{content:\"{label}{hash}\";font-size:6.5pt;font-family:monospace}}@bottom-right{{content:{page};font-size:8pt}}}}"
    )
}

/// Typography for print: a percent sign stays with its number (no-break space) and a range
/// of numbers does not break at its dash (word joiners), so no number is split across lines.
fn typo(escaped: &str) -> String {
    let mut out = String::with_capacity(escaped.len() + 8);
    let chars: Vec<char> = escaped.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|k| chars[k]);
        let next = chars.get(i + 1).copied();
        match c {
            ' ' if next == Some('%') => out.push('\u{a0}'),
            '–' if prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit()) =>
            {
                out.push_str("\u{2060}–\u{2060}");
            }
            c => out.push(c),
        }
    }
    out
}

fn render_table(out: &mut String, t: &DocTable) {
    out.push_str(&format!(
        "<table id=\"{}\">\n<caption>{}</caption>\n<thead><tr>",
        escape(&t.id),
        escape(&t.caption)
    ));
    for h in &t.headers {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in &t.rows {
        match &r.id {
            Some(id) => out.push_str(&format!("<tr id=\"{}\">", escape(id))),
            None => out.push_str("<tr>"),
        }
        for c in &r.cells {
            // A number, an interval or a rate (digits, no space, no Chinese) never wraps.
            let cjk = c.chars().any(|ch| {
                ('\u{2e80}'..='\u{9fff}').contains(&ch) || ('\u{ff00}'..='\u{ffef}').contains(&ch)
            });
            let numeric = c.chars().any(|ch| ch.is_ascii_digit());
            if c.contains(' ') || cjk || !numeric {
                out.push_str(&format!("<td>{}</td>", typo(&escape(c))));
            } else {
                out.push_str(&format!("<td class=\"n\">{}</td>", typo(&escape(c))));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn render_list(out: &mut String, items: &[Item]) {
    out.push_str("<ul>\n");
    for i in items {
        match &i.link {
            Some(href) => out.push_str(&format!(
                "<li><a href=\"#{}\">{}</a></li>\n",
                escape(href),
                typo(&escape(&i.text))
            )),
            None => out.push_str(&format!("<li>{}</li>\n", typo(&escape(&i.text)))),
        }
    }
    out.push_str("</ul>\n");
}

/// The SHA-256 of audit.json's text, in hex.
pub(super) fn json_hash(json: &str) -> String {
    crate::data::sha256_hex(json.as_bytes())
}

/// Renders audit.html.
pub fn render_html(a: &Audit) -> String {
    let json = super::render_json(a);
    page(
        &document(a),
        a.spec.lang,
        &a.provenance.candor_version,
        &json_hash(&json),
    )
}

/// audit.html from the report document, with Candor's `version` and the hash of audit.json
/// (`json_hash`) at the foot.
pub(super) fn page(doc: &Doc, l: Lang, version: &str, json_hash: &str) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        l.code()
    );
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    let title = escape(&doc.title);
    out.push_str(&format!("<title>{title}</title>\n<style>"));
    out.push_str(STYLE);
    out.push_str(&page_style(json_hash, l));
    out.push_str(&format!("</style>\n</head>\n<body>\n<h1>{title}</h1>\n"));
    for s in &doc.sections {
        out.push_str(&format!(
            "<section id=\"s-{}\">\n<h2>{}</h2>\n",
            s.id,
            escape(&s.heading)
        ));
        for b in &s.blocks {
            match b {
                Block::Paragraph(p) => out.push_str(&format!("<p>{}</p>\n", typo(&escape(p)))),
                Block::List(items) => render_list(&mut out, items),
                Block::Table(t) => render_table(&mut out, t),
                Block::Charts(charts) => render_charts(&mut out, charts, l),
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str(&format!(
        "<p><small>{}</small></p>\n",
        escape(&t!(
            l,
            "report.html.candor_sha_256_audit_json",
            version,
            json_hash
        ))
    ));
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
