//! audit.html: one self-contained file (inline CSS, no script, nothing loaded from the
//! network) with a print stylesheet. Every string from the data is escaped.

use super::markdown::{sections, title};
use super::num;
use super::plots::{
    Bar, CdfGroup, calibration, cdf_lines, heatmap, paired_bars, rate_bars, ratio_bars,
};
use crate::audit::Audit;
use crate::metrics::MetricRow;
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
    let mut out = Vec::new();
    let mut attrs: Vec<&str> = a.groups.iter().map(|g| g.attribute.as_str()).collect();
    attrs.dedup();
    let find = |attr: &str, g: &str, m: &str| {
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
                    if let Some((r, c)) = g.split_once(" & ") {
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
                                find(attr, &format!("{r} & {c}"), "impact_ratio")
                                    .and_then(|m| m.value)
                            })
                            .collect()
                    })
                    .collect();
                let (r, c) = (parts[0], parts[1]);
                if let Ok(svg) = heatmap(
                    &tr!(
                        l,
                        "Impact ratio by {attr} (rows: {r}, columns: {c})",
                        "按{attr}划分的影响比（行：{r}，列：{c}）"
                    ),
                    &rows,
                    &cols,
                    &values,
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
                    g,
                    find(attr, g, "favorable_rate").or_else(|| find(attr, g, "selection_rate")),
                )
            })
            .collect();
        if let Ok(svg) = rate_bars(
            &tr!(
                l,
                "Favorable rate by {attr} (95 % interval)",
                "按{attr}划分的有利结果率（95% 置信区间）"
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
            .map(|g| bar(g, find(attr, g, "impact_ratio")))
            .collect();
        if ir.iter().any(|b| b.value.is_finite())
            && let Ok(svg) = ratio_bars(
                &tr!(
                    l,
                    "Impact ratio by {attr} (95 % interval)",
                    "按{attr}划分的影响比（95% 置信区间）"
                ),
                &ir,
                l,
            )
        {
            out.push(svg);
        }
        let err: Vec<(String, Bar, Bar)> = groups
            .iter()
            .filter_map(|g| {
                let (f, n) = (find(attr, g, "fpr")?, find(attr, g, "fnr")?);
                Some((g.to_string(), bar("FPR", Some(f)), bar("FNR", Some(n))))
            })
            .collect();
        if !err.is_empty()
            && let Ok(svg) = paired_bars(
                &tr!(
                    l,
                    "Error rates by {attr} (95 % interval)",
                    "按{attr}划分的错误率（95% 置信区间）"
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
            (g.group.clone(), g.n, pts)
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
            (g.group.clone(), pts)
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
th{background:#eee}figure{margin:1rem 0;page-break-inside:avoid}figure svg{max-width:100%;height:auto}caption{text-align:left;font-weight:600;padding:.3rem 0}li{margin:.2rem 0}\
@media print{body{max-width:none;margin:0;font-size:10pt}h2{page-break-after:avoid}table{page-break-inside:avoid;font-size:8pt}th,td{padding:.15rem .3rem;overflow-wrap:anywhere}}";

/// Renders audit.html.
pub fn render_html(a: &Audit) -> String {
    let l = a.spec.lang;
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        l.code()
    );
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    let title = escape(title(l));
    out.push_str(&format!("<title>{title}</title>\n<style>"));
    out.push_str(STYLE);
    out.push_str(&format!("</style>\n</head>\n<body>\n<h1>{title}</h1>\n"));
    let sections = sections(a);
    // Each summary finding links to its evidence: a disparity to its attribute's table, an
    // input to the screening section.
    let disparity_tables: Vec<&str> = sections
        .iter()
        .find(|s| s.id == "disparity")
        .map(|s| s.tables.iter().map(|t| t.caption.as_str()).collect())
        .unwrap_or_default();
    let links: Vec<Option<String>> = a
        .findings
        .iter()
        .map(|f| match f {
            crate::audit::AnyFinding::Disparity(d) => disparity_tables
                .iter()
                .position(|c| *c == d.attribute)
                .map(|i| format!("#disparity-{i}")),
            crate::audit::AnyFinding::Input(_) => Some("#s-inputs".to_string()),
        })
        .collect();
    for s in sections {
        if s.id == "method" {
            let charts = charts(a);
            if !charts.is_empty() {
                out.push_str(&format!(
                    "<section>\n<h2>{}</h2>\n",
                    l.pick("Charts", "图表")
                ));
                for svg in charts {
                    out.push_str("<figure>");
                    out.push_str(&svg);
                    out.push_str("</figure>\n");
                }
                out.push_str("</section>\n");
            }
        }
        out.push_str(&format!(
            "<section id=\"s-{}\">\n<h2>{}</h2>\n",
            s.id,
            escape(&s.heading)
        ));
        for p in &s.paragraphs {
            out.push_str(&format!("<p>{}</p>\n", escape(p)));
        }
        if !s.bullets.is_empty() {
            out.push_str("<ul>\n");
            for (i, b) in s.bullets.iter().enumerate() {
                let link = (s.id == "summary")
                    .then(|| links.get(i).cloned().flatten())
                    .flatten();
                match link {
                    Some(href) => {
                        out.push_str(&format!("<li><a href=\"{href}\">{}</a></li>\n", escape(b)))
                    }
                    None => out.push_str(&format!("<li>{}</li>\n", escape(b))),
                }
            }
            out.push_str("</ul>\n");
        }
        for (i, t) in s.tables.iter().enumerate() {
            out.push_str(&format!(
                "<table id=\"{}-{i}\">\n<caption>{}</caption>\n<thead><tr>",
                s.id,
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
