//! The human-readable report as a list of sections (shared by Markdown and HTML), and its
//! Markdown rendering.

use crate::audit::Audit;
use crate::findings::fmt_p;
use crate::metrics::MetricRow;

use super::num;

/// A table in a report section. Cells are plain text (escaped by each renderer).
pub struct DocTable {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A section of the report.
pub struct Section {
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub bullets: Vec<String>,
    pub tables: Vec<DocTable>,
}

impl Section {
    fn new(heading: &str) -> Self {
        Section {
            heading: heading.to_string(),
            paragraphs: Vec::new(),
            bullets: Vec::new(),
            tables: Vec::new(),
        }
    }
}

fn ci(r: &MetricRow) -> String {
    match (r.ci_low, r.ci_high) {
        (Some(a), Some(b)) => format!("{} – {}", num(Some(a)), num(Some(b))),
        _ => "–".into(),
    }
}

fn verdict(r: &MetricRow) -> String {
    r.verdict
        .map(|v| v.text().to_string())
        .or_else(|| r.reason.clone())
        .unwrap_or_default()
}

/// The sections of the report, worst findings first.
pub fn sections(a: &Audit) -> Vec<Section> {
    let mut out = Vec::new();
    let src = a.provenance.inputs.first();

    let mut s = Section::new("Summary");
    if a.spec.lang == "zh" {
        // Said plainly rather than silently printing English under --lang zh.
        s.paragraphs.push(
            "中文报告文本尚未完成，本报告暂以英文呈现。The Chinese report text is not written yet; this report is in English."
                .into(),
        );
    }
    let rows = src.map_or(0, |s| s.rows_audited);
    s.paragraphs.push(format!(
        "Candor audited {rows} decisions across {} group attribute(s). Findings are listed worst first; each gives the group, the measure, its 95 % interval and whether the difference is statistically significant after correction for the {} comparisons made.",
        a.spec.attributes.len(),
        a.metrics.iter().filter(|r| r.p_adjusted.is_some()).count()
    ));
    if a.findings.is_empty() {
        s.paragraphs.push("No disparity finding: no impact ratio is below 0.8 and no significant difference was found. See the tables below for groups too small to tell.".into());
    }
    for f in &a.findings {
        let what = if f.kind() == "disparity" {
            "disparity"
        } else {
            "input"
        };
        s.bullets
            .push(format!("[{} {what}] {}", f.severity(), f.summary()));
    }
    for g in &a.gates {
        s.bullets.push(format!(
            "Gate {} {:?} {}: {}",
            g.gate.metric,
            g.gate.op,
            g.gate.value,
            if g.breached {
                format!("BREACHED by {}", g.by.join("; "))
            } else {
                "not breached".into()
            }
        ));
    }
    out.push(s);

    let mut s = Section::new("Data and provenance");
    if let Some(src) = src {
        s.bullets.push(format!(
            "Input: {} ({}, {} bytes), SHA-256 {}",
            src.path,
            format!("{:?}", src.format).to_uppercase(),
            src.bytes,
            src.sha256
        ));
        s.bullets.push(format!(
            "Rows: {} in the file, {} after the population filter, {} audited",
            src.rows_in_file, src.rows_after_filter, src.rows_audited
        ));
        for e in &src.excluded {
            s.bullets
                .push(format!("Excluded: {} rows ({})", e.rows, e.reason));
        }
        for r in &src.renamed_columns {
            s.bullets.push(format!(
                "Duplicate column name '{}' read as '{}'",
                r.original, r.renamed
            ));
        }
    }
    if let Some(w) = &a.spec.data.where_ {
        s.bullets.push(format!("Population filter: {w}"));
    }
    s.bullets.push(format!(
        "Candor {}, seed {}, spec SHA-256 {}",
        a.provenance.candor_version, a.provenance.seed, a.provenance.spec_sha256
    ));
    let not_ok: Vec<String> = a
        .groups
        .iter()
        .filter(|g| g.status != "ok")
        .map(|g| format!("{} = {} (n = {}, {})", g.attribute, g.group, g.n, g.status))
        .collect();
    if !not_ok.is_empty() {
        s.paragraphs.push(format!(
            "Not compared (rates suppressed below the minimum group size of {}, unknown values, or excluded): {}",
            a.spec.min_group_size,
            not_ok.join("; ")
        ));
    }
    out.push(s);

    if let Some(ll) = &a.ll144 {
        let mut s = Section::new("NYC Local Law 144 tables");
        if let Some(m) = ll.median_score {
            s.paragraphs.push(format!(
                "Scoring rates use the sample median score {}.",
                num(Some(m))
            ));
        }
        for t in &ll.tables {
            s.tables.push(DocTable {
                caption: format!(
                    "{} rate by {} ({}); unknown category: {}",
                    t.rate, t.table, t.attribute, t.unknown
                ),
                headers: vec![
                    "Category".into(),
                    "Number".into(),
                    format!("{} rate", t.rate),
                    "Impact ratio".into(),
                ],
                rows: t
                    .rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.category.clone(),
                            r.n.to_string(),
                            r.rate.map_or("–".into(), |x| format!("{:.1} %", x * 100.0)),
                            if r.excluded {
                                "excluded (< 2 %)".into()
                            } else {
                                r.impact_ratio.map_or("–".into(), |x| format!("{x:.3}"))
                            },
                        ]
                    })
                    .collect(),
            });
        }
        out.push(s);
    }

    let mut s = Section::new("Disparity by group");
    s.paragraphs.push("Favorable rate: the share of the group receiving the decision that is good for the worker. Impact ratio: that rate divided by the highest group's rate (0.8 is the four-fifths line). Intervals are 95 %; p-values are corrected for multiple comparisons.".into());
    let mut attrs: Vec<&str> = a.groups.iter().map(|g| g.attribute.as_str()).collect();
    attrs.dedup();
    for attr in attrs {
        let find = |g: &str, m: &str| {
            a.metrics
                .iter()
                .find(|r| r.attribute == attr && r.group == g && r.metric == m && r.class.is_none())
        };
        let mut rows = Vec::new();
        for g in a.groups.iter().filter(|g| g.attribute == attr) {
            let fav = find(&g.group, "favorable_rate").or_else(|| find(&g.group, "selection_rate"));
            let ir = find(&g.group, "impact_ratio");
            let fpr = find(&g.group, "fpr");
            let fnr = find(&g.group, "fnr");
            rows.push(vec![
                g.group.clone(),
                g.n.to_string(),
                fav.map_or("–".into(), |r| num(r.value)),
                fav.map_or("–".into(), ci),
                ir.map_or("–".into(), |r| num(r.value)),
                ir.map_or("–".into(), ci),
                ir.and_then(|r| r.p_adjusted).map_or("–".into(), fmt_p),
                fpr.map_or("–".into(), |r| num(r.value)),
                fnr.map_or("–".into(), |r| num(r.value)),
                ir.map_or(String::new(), verdict),
            ]);
        }
        s.tables.push(DocTable {
            caption: attr.to_string(),
            headers: [
                "Group",
                "n",
                "Favorable rate",
                "95 % CI",
                "Impact ratio",
                "95 % CI",
                "Corrected p",
                "FPR",
                "FNR",
                "Verdict",
            ]
            .map(String::from)
            .to_vec(),
            rows,
        });
    }
    out.push(s);

    if let Some(sc) = &a.screen {
        let mut s = Section::new("Prohibited inputs and proxies");
        s.paragraphs.push("Each input was checked four ways: its name and description against the policy lexicons (English, Chinese, pinyin); its values (e.g. diagnosis codes, timestamps outside working hours); whether the algorithm relies on it (a surrogate model fitted with and without it, likelihood-ratio test); and how well it predicts a protected attribute (proxy). Severity is the worst over the selected legal packs.".into());
        if let Some(sur) = &sc.surrogate {
            s.paragraphs.push(format!(
                "Surrogate of the algorithm: {} regression on {} rows, fidelity {:.3} ({}).",
                sur.model,
                sur.n,
                sur.fidelity,
                if sur.model == "logistic" {
                    "share of decisions it reproduces"
                } else {
                    "R squared"
                }
            ));
        }
        if let Some(note) = &sc.usage_note {
            s.paragraphs.push(format!("Note: {note}."));
        }
        s.tables.push(DocTable {
            caption: "Inputs flagged, worst first".into(),
            headers: [
                "Column",
                "Kind",
                "Category",
                "Severity",
                "Used by the algorithm",
                "Evidence",
                "Legal sources",
            ]
            .map(String::from)
            .to_vec(),
            rows: sc
                .findings
                .iter()
                .map(|f| {
                    let mut ev = Vec::new();
                    if let Some(m) = f.evidence.name.first() {
                        ev.push(format!("name matches '{}'", m.term));
                    }
                    if let Some(v) = f.evidence.content.first() {
                        ev.push(format!(
                            "{:.1} % of values match {}",
                            v.share * 100.0,
                            v.pattern
                        ));
                    }
                    if let Some(o) = &f.evidence.off_hours {
                        ev.push(format!(
                            "{:.1} % of timestamps outside working hours",
                            o.share * 100.0
                        ));
                    }
                    if let Some(u) = &f.evidence.usage {
                        ev.push(format!(
                            "likelihood-ratio test p {}, {} decisions change",
                            crate::findings::fmt_p_eq(u.p_value),
                            u.decisions_changed
                        ));
                    }
                    if let Some(p) = f.evidence.proxy.first() {
                        ev.push(format!(
                            "predicts {} (AUC {})",
                            p.attribute,
                            p.auc.map_or("–".into(), |x| format!("{x:.2}"))
                        ));
                    }
                    vec![
                        f.column.clone(),
                        f.kind.replace('_', " "),
                        f.category_label_en.clone(),
                        f.severity.clone(),
                        match f.used {
                            Some(true) => "yes".into(),
                            Some(false) => "no (present but unused)".into(),
                            None => "not tested".into(),
                        },
                        ev.join("; "),
                        f.legal_sources
                            .iter()
                            .map(|l| l.citation.clone())
                            .collect::<Vec<_>>()
                            .join("; "),
                    ]
                })
                .collect(),
        });
        out.push(s);
    }

    let mut s = Section::new("Method");
    s.bullets.extend([
        "Rates: Wilson score intervals (Wilson 1927).".to_string(),
        "Differences: Newcombe's hybrid score interval (Newcombe 1998, method 10). Ratios: Katz's log interval (Katz et al. 1978).".into(),
        "Tests: Fisher's exact test when an expected count is below 5, else Pearson's chi-square with Yates' correction; Kolmogorov-Smirnov for score distributions.".into(),
        format!(
            "Multiple comparisons: {} correction across every comparison of the audit; significance level {}.",
            if a.spec.stats.correction == "bh" { "Benjamini-Hochberg" } else { "Holm" },
            a.spec.stats.alpha
        ),
        format!(
            "Other metrics: percentile intervals from {} bootstrap replicates drawn on the sufficient statistics (seed {}).",
            a.spec.stats.bootstrap, a.spec.stats.seed
        ),
        format!(
            "Groups smaller than {} have their rates suppressed: too small to tell, never reported as parity.",
            a.spec.min_group_size
        ),
        "Limitations: a statistical disparity is evidence to review, not by itself proof of unlawful discrimination; the audit sees only the data given to it.".into(),
    ]);
    out.push(s);
    out
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Renders audit.md.
pub fn render_markdown(a: &Audit) -> String {
    let mut out = String::from("# Candor audit report\n\n");
    for s in sections(a) {
        out.push_str(&format!("## {}\n\n", s.heading));
        for p in &s.paragraphs {
            out.push_str(p);
            out.push_str("\n\n");
        }
        for b in &s.bullets {
            out.push_str(&format!("- {}\n", md_cell(b)));
        }
        if !s.bullets.is_empty() {
            out.push('\n');
        }
        for t in &s.tables {
            out.push_str(&format!("**{}**\n\n", md_cell(&t.caption)));
            out.push_str(&format!(
                "| {} |\n",
                t.headers
                    .iter()
                    .map(|h| md_cell(h))
                    .collect::<Vec<_>>()
                    .join(" | ")
            ));
            out.push_str(&format!("|{}\n", "---|".repeat(t.headers.len())));
            for r in &t.rows {
                out.push_str(&format!(
                    "| {} |\n",
                    r.iter().map(|c| md_cell(c)).collect::<Vec<_>>().join(" | ")
                ));
            }
            out.push('\n');
        }
    }
    out
}
