//! audit.html: one self-contained file (inline CSS, no script, nothing loaded from the
//! network) with a print stylesheet. Every string from the data is escaped.

use sha2::{Digest, Sha256};

use super::doc::{Block, DocTable};
use super::plots::{
    Bar, CdfGroup, adverse_ratio_bars, calibration, cdf_lines, heatmap_marked, paired_bars,
    rate_bars, ratio_bars,
};
use super::sections::document;
use super::text::group;
use super::{escape, num};
use crate::audit::Audit;
use crate::metrics::{Metric, MetricRow};
use crate::tr;

fn bar(label: &str, r: Option<&MetricRow>) -> Bar {
    Bar {
        label: label.to_string(),
        value: r.and_then(|r| r.value).unwrap_or(f64::NAN),
        low: r.and_then(|r| r.ci_low),
        high: r.and_then(|r| r.ci_high),
    }
}

/// The charts of the disparity section: per attribute the favorable rate, the impact ratio
/// and (with a label) the error rates; per two-way intersection a heat map of impact ratios.
/// A chart that cannot be drawn is left out (its numbers are in the tables).
fn charts(a: &Audit) -> Vec<String> {
    let l = a.spec.lang;
    let lvl = super::text::level(a);
    let mut out = Vec::new();
    let mut attrs: Vec<&str> = a.groups.iter().map(|g| g.attribute.as_str()).collect();
    attrs.dedup();
    let find = |attr: &str, g: &str, m: Metric| {
        a.metrics
            .iter()
            .find(|r| r.attribute == attr && r.group == g && r.metric == m && r.class.is_none())
    };
    for attr in attrs {
        let groups: Vec<&str> = a
            .groups
            .iter()
            .filter(|g| g.attribute == attr)
            .map(|g| g.group.as_str())
            .collect();
        if attr.contains(" & ") {
            let parts: Vec<&str> = attr.split(" & ").collect();
            if parts.len() == 2 {
                let mut rows: Vec<String> = Vec::new();
                let mut cols: Vec<String> = Vec::new();
                for g in &groups {
                    // Missing values are never a compared cell: no row or column for them.
                    if let Some((r, c)) = g.split_once(" & ")
                        && r != crate::data::UNKNOWN
                        && c != crate::data::UNKNOWN
                    {
                        if !rows.iter().any(|x| x == r) {
                            rows.push(r.to_string());
                        }
                        if !cols.iter().any(|x| x == c) {
                            cols.push(c.to_string());
                        }
                    }
                }
                let values: Vec<Vec<Option<f64>>> = rows
                    .iter()
                    .map(|r| {
                        cols.iter()
                            .map(|c| {
                                find(attr, &format!("{r} & {c}"), Metric::ImpactRatio)
                                    .and_then(|m| m.value)
                            })
                            .collect()
                    })
                    .collect();
                let marks: Vec<Vec<bool>> = rows
                    .iter()
                    .map(|r| {
                        cols.iter()
                            .map(|c| {
                                let g = format!("{r} & {c}");
                                let ir = find(attr, &g, Metric::ImpactRatio).and_then(|m| m.value);
                                let ar =
                                    find(attr, &g, Metric::AdverseRateRatio).and_then(|m| m.value);
                                ir.is_some_and(|v| v < crate::metrics::FOUR_FIFTHS)
                                    || ar.is_some_and(|v| v > crate::metrics::FIVE_FOURTHS)
                            })
                            .collect()
                    })
                    .collect();
                let (r, c) = (parts[0], parts[1]);
                let rows: Vec<String> = rows.iter().map(|x| group(x, l)).collect();
                let cols: Vec<String> = cols.iter().map(|x| group(x, l)).collect();
                if let Ok(svg) = heatmap_marked(
                    &tr!(
                        l,
                        "Impact ratio by {attr} (rows: {r}, columns: {c})",
                        "按{attr}划分的影响比（行：{r}，列：{c}）"
                    ),
                    &rows,
                    &cols,
                    &values,
                    &marks,
                    l,
                ) {
                    out.push(svg);
                }
            }
            continue;
        }
        let fav: Vec<Bar> = groups
            .iter()
            .map(|g| {
                bar(
                    &group(g, l),
                    find(attr, g, Metric::FavorableRate)
                        .or_else(|| find(attr, g, Metric::SelectionRate)),
                )
            })
            .collect();
        if let Ok(svg) = rate_bars(
            &tr!(
                l,
                "Favorable rate by {attr} ({lvl} interval)",
                "按{attr}划分的有利结果率（{lvl} 置信区间）"
            ),
            l.pick(
                "share of the group receiving the favorable decision",
                "本组中获得有利决定者所占比例（0–1）",
            ),
            &fav,
            None,
            l,
        ) {
            out.push(svg);
        }
        let ir: Vec<Bar> = groups
            .iter()
            .map(|g| bar(&group(g, l), find(attr, g, Metric::ImpactRatio)))
            .collect();
        if ir.iter().any(|b| b.value.is_finite())
            && let Ok(svg) = ratio_bars(
                &tr!(
                    l,
                    "Impact ratio by {attr} ({lvl} interval)",
                    "按{attr}划分的影响比（{lvl} 置信区间）"
                ),
                &ir,
                l,
            )
        {
            out.push(svg);
        }
        let ar: Vec<Bar> = groups
            .iter()
            .map(|g| bar(&group(g, l), find(attr, g, Metric::AdverseRateRatio)))
            .collect();
        if ar.iter().any(|b| b.value.is_finite())
            && let Ok(svg) = adverse_ratio_bars(
                &tr!(
                    l,
                    "Adverse-rate ratio by {attr} ({lvl} interval)",
                    "按{attr}划分的不利结果率之比（{lvl} 置信区间）"
                ),
                &ar,
                l,
            )
        {
            out.push(svg);
        }
        let err: Vec<(String, Bar, Bar)> = groups
            .iter()
            .filter_map(|g| {
                let (f, n) = (find(attr, g, Metric::Fpr)?, find(attr, g, Metric::Fnr)?);
                Some((group(g, l), bar("FPR", Some(f)), bar("FNR", Some(n))))
            })
            .collect();
        if !err.is_empty()
            && let Ok(svg) = paired_bars(
                &tr!(
                    l,
                    "Error rates by {attr} ({lvl} interval)",
                    "按{attr}划分的错误率（{lvl} 置信区间）"
                ),
                l.pick("rate", "比率（0–1）"),
                (
                    l.pick("false positive rate", "假阳性率"),
                    l.pick("false negative rate", "假阴性率"),
                ),
                &err,
                l,
            )
        {
            out.push(svg);
        }
        out.extend(score_charts(a, attr));
    }
    out.retain(|s| !s.is_empty());
    out
}

/// The score distribution and calibration charts of one attribute, from its score tables;
/// suppressed groups and bins are left out.
fn score_charts(a: &Audit, attr: &str) -> Vec<String> {
    let l = a.spec.lang;
    let mut out = Vec::new();
    let Some(t) = a.score_tables.iter().find(|t| t.attribute == attr) else {
        return out;
    };
    let col = l.quote(a.spec.score.as_ref().map_or("", |s| s.column.as_str()));
    let (lo, hi) = (num(Some(t.low)), num(Some(t.high)));
    let x_label = if t.probability_scale {
        tr!(l, "score {col} (0–1)", "分数{col}（0–1）")
    } else {
        tr!(
            l,
            "score {col} ({lo}–{hi}, in the score's own unit)",
            "分数{col}（{lo}–{hi}，原始单位）"
        )
    };
    let cdfs: Vec<CdfGroup> = t
        .groups
        .iter()
        .filter(|g| g.suppressed.is_none())
        .map(|g| {
            let pts = g.cdf.iter().map(|p| (p.score, p.share)).collect();
            (group(&g.group, l), g.n, pts)
        })
        .collect();
    if let Ok(svg) = cdf_lines(
        &tr!(
            l,
            "Score distribution by {attr}: share of each group at or below each score",
            "按{attr}划分的分数分布：各组中分数不高于横轴取值者的比例"
        ),
        &x_label,
        (t.low, t.high),
        &cdfs,
        l,
    ) {
        out.push(svg);
    }
    let points: Vec<(String, Vec<(f64, f64)>)> = t
        .groups
        .iter()
        .filter(|g| g.suppressed.is_none())
        .map(|g| {
            let pts = g
                .calibration
                .iter()
                .filter_map(|b| Some((b.mean_score?, b.positive_rate?)))
                .collect();
            (group(&g.group, l), pts)
        })
        .collect();
    let label = l.quote(a.spec.label.as_ref().map_or("", |x| x.column.as_str()));
    let title = tr!(
        l,
        "Calibration by {attr}: share with a positive label {label} per score bin",
        "按{attr}划分的校准情况：各分数分箱中正类标签{label}的实际比例"
    );
    let cal_x = tr!(
        l,
        "mean score {col} in bin ({lo}–{hi}, in the score's own unit)",
        "分箱内平均分数{col}（{lo}–{hi}，原始单位）"
    );
    let scale = (!t.probability_scale).then_some((t.low, t.high, cal_x.as_str()));
    if let Ok(svg) = calibration(&title, &points, scale, l) {
        out.push(svg);
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC',sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}\
h1{font-size:1.7rem}h2{font-size:1.3rem;border-bottom:2px solid #333;padding-bottom:.2rem;margin-top:2rem}\
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top;overflow-wrap:normal;word-break:normal;hyphens:none}\
th{background:#eee}td.n{white-space:nowrap}tr:target,li:target{outline:3px solid #1a56db}figure{margin:1rem 0;page-break-inside:avoid}figure svg{max-width:100%;height:auto}caption{text-align:left;font-weight:600;padding:.3rem 0}li{margin:.2rem 0}\
@media print{body{max-width:none;margin:0;font-size:9.5pt}h2{page-break-after:avoid}table{font-size:7.5pt}tr{page-break-inside:avoid}th,td{padding:.12rem .25rem}a{color:inherit;text-decoration:none}}";

/// The print page: A4, page numbers, and the SHA-256 of audit.json on every page (so a
/// printed page can be matched to the published data).
fn page_style(hash: &str, lang: crate::i18n::Lang) -> String {
    let (label, page) = match lang {
        crate::i18n::Lang::En => (
            "audit.json SHA-256 ",
            "\"page \" counter(page) \" of \" counter(pages)",
        ),
        crate::i18n::Lang::Zh => (
            "audit.json SHA-256 ",
            "\"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\"",
        ),
    };
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

/// Renders audit.html.
pub fn render_html(a: &Audit) -> String {
    let l = a.spec.lang;
    let doc = document(a);
    let json_hash = crate::data::hex(&Sha256::digest(super::render_json(a).as_bytes()));
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        l.code()
    );
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    let title = escape(&doc.title);
    out.push_str(&format!("<title>{title}</title>\n<style>"));
    out.push_str(STYLE);
    out.push_str(&page_style(&json_hash, l));
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
                Block::List(items) => {
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
                Block::Table(t) => render_table(&mut out, t),
                Block::Charts => {
                    for svg in charts(a) {
                        out.push_str("<figure>");
                        out.push_str(&svg);
                        out.push_str("</figure>\n");
                    }
                }
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str(&format!(
        "<p><small>{}</small></p>\n",
        escape(&tr!(
            l,
            "Candor {}. The SHA-256 of audit.json, printed at the foot of each page: {json_hash}.",
            "Candor {}。audit.json 的 SHA-256（印在每页页脚）：{json_hash}。",
            a.provenance.candor_version
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
