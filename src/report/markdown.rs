//! The human-readable report as a list of sections (shared by Markdown and HTML), and its
//! Markdown rendering.

use crate::audit::{AnyFinding, Audit};
use crate::findings::fmt_p;
use crate::i18n::Lang;
use crate::metrics::{MetricRow, score_tables};
use crate::tr;

use super::num;

/// A table in a report section. Cells are plain text (escaped by each renderer).
pub struct DocTable {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A section of the report.
pub struct Section {
    /// Language-neutral name of the section (`summary`, `method`, ...), for renderers.
    pub id: &'static str,
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub bullets: Vec<String>,
    pub tables: Vec<DocTable>,
}

impl Section {
    fn new(id: &'static str, heading: &str) -> Self {
        Section {
            id,
            heading: heading.to_string(),
            paragraphs: Vec::new(),
            bullets: Vec::new(),
            tables: Vec::new(),
        }
    }
}

/// The report's title.
pub fn title(lang: Lang) -> &'static str {
    lang.pick("Candor audit report", "Candor 审计报告")
}

fn ci(r: &MetricRow) -> String {
    match (r.ci_low, r.ci_high) {
        (Some(a), Some(b)) => format!("{} – {}", num(Some(a)), num(Some(b))),
        _ => "–".into(),
    }
}

fn verdict(r: &MetricRow, lang: Lang) -> String {
    r.verdict
        .map(|v| v.text(lang).to_string())
        .or_else(|| r.reason.clone())
        .unwrap_or_default()
}

/// A severity code (`block`, `high`, `medium`, `low`, `review`) in words.
pub fn severity_text(code: &str, lang: Lang) -> String {
    match (code, lang) {
        (_, Lang::En) => code.to_string(),
        ("block", Lang::Zh) => "禁止".into(),
        ("high", Lang::Zh) => "高".into(),
        ("medium", Lang::Zh) => "中".into(),
        ("low", Lang::Zh) => "低".into(),
        ("review", Lang::Zh) => "待复核".into(),
        (other, Lang::Zh) => other.to_string(),
    }
}

/// What a finding is about, in a word: a disparity between groups, an input, or an attribute
/// that cannot be compared.
fn finding_kind(f: &AnyFinding, lang: Lang) -> &'static str {
    match f.kind() {
        "disparity" => lang.pick("disparity", "群体差异"),
        "single_group" => lang.pick("attribute", "群体属性"),
        _ => lang.pick("input", "输入数据"),
    }
}

/// An input finding's kind code in words.
fn input_kind(code: &str, lang: Lang) -> String {
    match (code, lang) {
        (_, Lang::En) => code.replace('_', " "),
        ("prohibited_input", Lang::Zh) => "禁用输入".into(),
        ("proxy", Lang::Zh) => "替代变量".into(),
        ("purpose_limitation", Lang::Zh) => "目的限制".into(),
        ("retention", Lang::Zh) => "存储期限".into(),
        (other, Lang::Zh) => other.replace('_', " "),
    }
}

/// A group status code in words.
fn status_text(code: &str, lang: Lang) -> String {
    match (code, lang) {
        (_, Lang::En) => code.to_string(),
        ("insufficient", Lang::Zh) => "样本不足".into(),
        ("unknown", Lang::Zh) => "取值未知".into(),
        ("excluded", Lang::Zh) => "已排除".into(),
        ("ok", Lang::Zh) => "正常".into(),
        (other, Lang::Zh) => other.to_string(),
    }
}

/// The sections of the report, worst findings first, in the audit's language.
pub fn sections(a: &Audit) -> Vec<Section> {
    let l = a.spec.lang;
    let mut out = Vec::new();
    let src = a.provenance.inputs.first();

    let mut s = Section::new("summary", l.pick("Summary", "摘要"));
    let rows = src.map_or(0, |s| s.rows_audited);
    let attrs = a.spec.attributes.len();
    let comparisons = a.metrics.iter().filter(|r| r.p_adjusted.is_some()).count();
    s.paragraphs.push(tr!(
        l,
        "Candor audited {rows} decisions across {attrs} group attribute(s). Findings are listed worst first; each gives the group, the measure, its 95 % interval and whether the difference is statistically significant after correction for the {comparisons} comparisons made.",
        "Candor 审计了 {rows} 项决定，涉及 {attrs} 个群体属性。以下发现按严重程度从高到低排列；每项列出群体、指标、95% 置信区间，以及在对全部 {comparisons} 项比较作多重比较校正后，差异是否统计显著。"
    ));
    if a.findings.is_empty() {
        s.paragraphs.push(l.pick(
            "No disparity finding: no impact ratio is below 0.8 and no significant difference was found. See the tables below for groups too small to tell.",
            "未发现群体差异问题：没有影响比低于 0.8，也没有发现统计显著的差异。样本过小、无法判断的群体见下文各表。",
        ).into());
    }
    for f in &a.findings {
        let sev = severity_text(f.severity(), l);
        let what = finding_kind(f, l);
        s.bullets.push(tr!(
            l,
            "[{sev} {what}] {}",
            "【{sev}｜{what}】{}",
            f.summary()
        ));
    }
    for g in &a.gates {
        let (metric, op, value) = (&g.gate.metric, gate_op(g), g.gate.value);
        let state = if g.breached {
            let by = g.by.join("; ");
            tr!(l, "BREACHED by {by}", "已突破，涉及：{by}")
        } else {
            l.pick("not breached", "未突破").into()
        };
        s.bullets.push(tr!(
            l,
            "Gate {metric} {op} {value}: {state}",
            "判定门槛 {metric} {op} {value}：{state}"
        ));
    }
    out.push(s);

    let mut s = Section::new("data", l.pick("Data and provenance", "数据与来源"));
    if let Some(src) = src {
        let (path, bytes, sha) = (&src.path, src.bytes, &src.sha256);
        let fmt = format!("{:?}", src.format).to_uppercase();
        s.bullets.push(tr!(
            l,
            "Input: {path} ({fmt}, {bytes} bytes), SHA-256 {sha}",
            "输入文件：{path}（{fmt}，{bytes} 字节），SHA-256 {sha}"
        ));
        let (inf, after, audited) = (src.rows_in_file, src.rows_after_filter, src.rows_audited);
        s.bullets.push(tr!(
            l,
            "Rows: {inf} in the file, {after} after the population filter, {audited} audited",
            "行数：文件中 {inf} 行，总体筛选后 {after} 行，纳入审计 {audited} 行"
        ));
        for e in &src.excluded {
            let (rows, reason) = (e.rows, &e.reason);
            s.bullets.push(tr!(
                l,
                "Excluded: {rows} rows ({reason})",
                "已排除：{rows} 行（{reason}）"
            ));
        }
        for r in &src.renamed_columns {
            let (o, n) = (l.quote(&r.original), l.quote(&r.renamed));
            s.bullets.push(tr!(
                l,
                "Duplicate column name {o} read as {n}",
                "重复的列名{o}按{n}读取"
            ));
        }
    }
    if let Some(w) = &a.spec.data.where_ {
        s.bullets
            .push(tr!(l, "Population filter: {w}", "总体筛选条件：{w}"));
    }
    let (ver, seed, sha) = (
        &a.provenance.candor_version,
        a.provenance.seed,
        &a.provenance.spec_sha256,
    );
    s.bullets.push(tr!(
        l,
        "Candor {ver}, seed {seed}, spec SHA-256 {sha}",
        "Candor 版本 {ver}，随机种子 {seed}，审计规格 SHA-256 {sha}"
    ));
    let not_ok: Vec<String> = a
        .groups
        .iter()
        .filter(|g| g.status != "ok")
        .map(|g| {
            let (attr, group, n, st) = (&g.attribute, &g.group, g.n, status_text(&g.status, l));
            tr!(
                l,
                "{attr} = {group} (n = {n}, {st})",
                "{attr} = {group}（n = {n}，{st}）"
            )
        })
        .collect();
    if !not_ok.is_empty() {
        let (min, list) = (a.spec.min_group_size, not_ok.join(l.pick("; ", "；")));
        s.paragraphs.push(tr!(
            l,
            "Not compared (rates suppressed below the minimum group size of {min}, unknown values, or excluded): {list}",
            "未参与比较的群体（人数低于最小群体规模 {min} 而不报告比率、取值未知或被排除）：{list}"
        ));
    }
    out.push(s);

    if let Some(ll) = &a.ll144 {
        let mut s = Section::new(
            "ll144",
            l.pick(
                "NYC Local Law 144 tables",
                "纽约市第 144 号地方法（LL144）格式表格",
            ),
        );
        if let Some(m) = ll.median_score {
            let m = num(Some(m));
            s.paragraphs.push(tr!(
                l,
                "Scoring rates use the sample median score {m}.",
                "得分率以全部样本的分数中位数 {m} 为界计算。"
            ));
        }
        let share = num(Some(a.spec.exclude_below_share * 100.0));
        for t in &ll.tables {
            let rate = match (t.rate.as_str(), l) {
                (r, Lang::En) => format!("{r} rate"),
                ("selection", Lang::Zh) => "选择率".into(),
                ("scoring", Lang::Zh) => "得分率".into(),
                (r, Lang::Zh) => r.to_string(),
            };
            let table = match (t.table.as_str(), l) {
                (x, Lang::En) => x.to_string(),
                ("sex", Lang::Zh) => "性别".into(),
                ("race/ethnicity", Lang::Zh) => "种族/族裔".into(),
                ("intersectional", Lang::Zh) => "交叉类别".into(),
                (x, Lang::Zh) => x.to_string(),
            };
            let (attr, unknown) = (&t.attribute, t.unknown);
            s.tables.push(DocTable {
                caption: tr!(
                    l,
                    "{rate} by {table} ({attr}); unknown category: {unknown}",
                    "按{table}（{attr}）统计的{rate}；类别未知：{unknown} 人"
                ),
                headers: vec![
                    l.pick("Category", "类别").into(),
                    l.pick("Number", "人数").into(),
                    rate.clone(),
                    l.pick("Impact ratio", "影响比").into(),
                ],
                rows: t
                    .rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.category.clone(),
                            r.n.to_string(),
                            r.rate
                                .map_or("–".into(), |x| tr!(l, "{:.1} %", "{:.1}%", x * 100.0)),
                            if r.excluded {
                                tr!(l, "excluded (< {share} %)", "已排除（< {share}%）")
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

    let mut s = Section::new("disparity", l.pick("Disparity by group", "各群体差异"));
    s.paragraphs.push(l.pick(
        "Favorable rate: the share of the group receiving the decision that is good for the worker. Impact ratio: that rate divided by the highest group's rate (0.8 is the four-fifths line). Intervals are 95 %; p-values are corrected for multiple comparisons.",
        "有利结果率：本组中获得对劳动者有利的决定者所占比例。影响比：本组有利结果率除以有利结果率最高群体的比率（0.8 为“五分之四规则”界线）。区间均为 95% 置信区间；p 值均已作多重比较校正。",
    ).into());
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
                ir.map_or(String::new(), |r| verdict(r, l)),
            ]);
        }
        let headers = match l {
            Lang::En => [
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
            ],
            Lang::Zh => [
                "群体",
                "人数",
                "有利结果率",
                "95% 置信区间",
                "影响比",
                "95% 置信区间",
                "校正后 p 值",
                "假阳性率",
                "假阴性率",
                "结论",
            ],
        };
        s.tables.push(DocTable {
            caption: attr.to_string(),
            headers: headers.map(String::from).to_vec(),
            rows,
        });
    }
    out.push(s);

    if let Some(s) = score_section(a) {
        out.push(s);
    }

    if let Some(sc) = &a.screen {
        let mut s = Section::new(
            "inputs",
            l.pick("Prohibited inputs and proxies", "禁用输入与替代变量"),
        );
        s.paragraphs.push(l.pick(
            "Each input was checked four ways: its name and description against the policy lexicons (English, Chinese, pinyin); its values (e.g. diagnosis codes, timestamps outside working hours); whether the algorithm relies on it (a surrogate model fitted with and without it, likelihood-ratio test); and how well it predicts a protected attribute (proxy). Severity is the worst over the selected legal packs.",
            "每个输入变量都从四个方面检查：名称和说明是否与政策词库（英文、中文、拼音）匹配；取值（如疾病诊断代码、工作时间以外的时间戳）；算法是否依赖它（分别拟合包含和不包含该变量的替代模型，作似然比检验）；以及它对受保护属性的预测能力（是否为替代变量）。严重程度取所选法律规则包中最严重的一项。",
        ).into());
        if let Some(sur) = &sc.surrogate {
            let (n, fid) = (sur.n, format!("{:.3}", sur.fidelity));
            let logistic = sur.model == "logistic";
            s.paragraphs.push(match l {
                Lang::En => format!(
                    "Surrogate of the algorithm: {} regression on {n} rows, fidelity {fid} ({}).",
                    sur.model,
                    if logistic {
                        "share of decisions it reproduces"
                    } else {
                        "R squared"
                    }
                ),
                Lang::Zh => format!(
                    "算法的替代模型：基于 {n} 行数据的{}回归，保真度 {fid}（{}）。",
                    if logistic { "逻辑" } else { "线性" },
                    if logistic {
                        "能复现的原决定所占比例"
                    } else {
                        "决定系数 R²"
                    }
                ),
            });
        }
        if let Some(note) = &sc.usage_note {
            s.paragraphs.push(tr!(l, "Note: {note}.", "说明：{note}。"));
        }
        let headers = match l {
            Lang::En => [
                "Column",
                "Kind",
                "Category",
                "Severity",
                "Used by the algorithm",
                "Evidence",
                "Legal sources",
            ],
            Lang::Zh => [
                "列名",
                "类型",
                "类别",
                "严重程度",
                "算法是否使用",
                "证据",
                "法律依据",
            ],
        };
        s.tables.push(DocTable {
            caption: l
                .pick(
                    "Inputs flagged, worst first",
                    "被标记的输入（按严重程度排列）",
                )
                .into(),
            headers: headers.map(String::from).to_vec(),
            rows: sc
                .findings
                .iter()
                .map(|f| {
                    let mut ev = Vec::new();
                    if let Some(m) = f.evidence.name.first() {
                        let term = l.quote(&m.term);
                        ev.push(tr!(l, "name matches {term}", "名称匹配词条{term}"));
                    }
                    if let Some(v) = f.evidence.content.first() {
                        let (share, pattern) = (format!("{:.1}", v.share * 100.0), &v.pattern);
                        ev.push(tr!(
                            l,
                            "{share} % of values match {pattern}",
                            "{share}% 的取值匹配 {pattern}"
                        ));
                    }
                    if let Some(o) = &f.evidence.off_hours {
                        let share = format!("{:.1}", o.share * 100.0);
                        ev.push(tr!(
                            l,
                            "{share} % of timestamps outside working hours",
                            "{share}% 的时间戳在工作时间以外"
                        ));
                    }
                    if let Some(u) = &f.evidence.usage {
                        let (p, k) = (crate::findings::fmt_p_eq(u.p_value), u.decisions_changed);
                        ev.push(tr!(
                            l,
                            "likelihood-ratio test p {p}, {k} decisions change",
                            "似然比检验 p {p}，{k} 个决定改变"
                        ));
                    }
                    if let Some(p) = f.evidence.proxy.first() {
                        let (attr, auc) = (
                            &p.attribute,
                            p.auc.map_or("–".into(), |x| format!("{x:.2}")),
                        );
                        ev.push(tr!(
                            l,
                            "predicts {attr} (AUC {auc})",
                            "可预测{attr}（AUC {auc}）"
                        ));
                    }
                    vec![
                        f.column.clone(),
                        input_kind(&f.kind, l),
                        match l {
                            Lang::En => f.category_label_en.clone(),
                            Lang::Zh if !f.category_label_zh.is_empty() => {
                                f.category_label_zh.clone()
                            }
                            Lang::Zh => f.category_label_en.clone(),
                        },
                        severity_text(&f.severity, l),
                        match f.used {
                            Some(true) => l.pick("yes", "是").into(),
                            Some(false) => l
                                .pick("no (present but unused)", "否（存在但未被使用）")
                                .into(),
                            None => l.pick("not tested", "未检验").into(),
                        },
                        ev.join(l.pick("; ", "；")),
                        f.legal_sources
                            .iter()
                            .map(|s| s.citation.clone())
                            .collect::<Vec<_>>()
                            .join(l.pick("; ", "；")),
                    ]
                })
                .collect(),
        });
        out.push(s);
    }

    let mut s = Section::new("method", l.pick("Method", "方法"));
    let correction = if a.spec.stats.correction == "bh" {
        "Benjamini-Hochberg"
    } else {
        "Holm"
    };
    let (alpha, boot, seed, min) = (
        a.spec.stats.alpha,
        a.spec.stats.bootstrap,
        a.spec.stats.seed,
        a.spec.min_group_size,
    );
    s.bullets.extend([
        l.pick(
            "Rates: Wilson score intervals (Wilson 1927).",
            "比率：Wilson 得分区间（Wilson 1927）。",
        ).to_string(),
        l.pick(
            "Differences: Newcombe's hybrid score interval (Newcombe 1998, method 10). Ratios: Katz's log interval (Katz et al. 1978).",
            "差值：Newcombe 混合得分区间（Newcombe 1998，方法 10）。比值：Katz 对数区间（Katz 等，1978）。",
        ).into(),
        l.pick(
            "Tests: Fisher's exact test when an expected count is below 5, else Pearson's chi-square with Yates' correction; Kolmogorov-Smirnov for score distributions.",
            "检验：任一期望频数小于 5 时用 Fisher 精确检验，否则用带 Yates 连续性校正的 Pearson 卡方检验；分数分布用 Kolmogorov-Smirnov 检验。",
        ).into(),
        tr!(
            l,
            "Multiple comparisons: {correction} correction across every comparison of the audit; significance level {alpha}.",
            "多重比较：对本次审计的全部比较作 {correction} 校正；显著性水平 {alpha}。"
        ),
        tr!(
            l,
            "Other metrics: percentile intervals from {boot} bootstrap replicates drawn on the sufficient statistics (seed {seed}).",
            "其他指标：在充分统计量上作 {boot} 次自助法重抽样，取百分位区间（随机种子 {seed}）。"
        ),
        tr!(
            l,
            "Groups smaller than {min} have their rates suppressed: too small to tell, never reported as parity.",
            "人数少于 {min} 的群体不报告比率：样本过小，无法判断，绝不视为不存在差异。"
        ),
        l.pick(
            "Limitations: a statistical disparity is evidence to review, not by itself proof of unlawful discrimination; the audit sees only the data given to it.",
            "局限：统计上的差异是需要进一步审查的证据，其本身并不能证明存在违法歧视；本审计只能看到提供给它的数据。",
        ).into(),
    ]);
    if a.groups.iter().any(|g| g.status == "unknown") {
        let unknown = l.quote(crate::data::UNKNOWN);
        s.bullets.push(tr!(
            l,
            "Rows with a missing attribute value form the group {unknown}, which is listed but not compared.",
            "属性取值缺失的记录归入{unknown}组；该组只列出，不参与比较。"
        ));
    }
    out.push(s);
    out
}

/// The score distribution and calibration tables (from `audit.score_tables`).
fn score_section(a: &Audit) -> Option<Section> {
    let l = a.spec.lang;
    let first = a.score_tables.first()?;
    let col = l.quote(a.spec.score.as_ref().map_or("", |s| s.column.as_str()));
    let mut s = Section::new(
        "scores",
        l.pick("Score distribution and calibration", "分数分布与校准"),
    );
    let min = a.spec.min_group_size;
    s.paragraphs.push(tr!(
        l,
        "Score column {col}. A quantile is the score at or below which the given share of the group lies (the smallest such score). Groups smaller than {min} are not described (too small to tell).",
        "分数列：{col}。分位数指本组中有相应比例的人分数不高于该值（取满足条件的最小分数）。人数少于 {min} 的群体不予描述（样本过小，无法判断）。"
    ));
    let has_calibration = a
        .score_tables
        .iter()
        .any(|t| t.groups.iter().any(|g| !g.calibration.is_empty()));
    if has_calibration {
        let bins = first
            .groups
            .iter()
            .map(|g| g.calibration.len())
            .max()
            .unwrap_or(0);
        let (lo, hi) = (num(Some(first.low)), num(Some(first.high)));
        let label = l.quote(a.spec.label.as_ref().map_or("", |x| x.column.as_str()));
        s.paragraphs.push(tr!(
            l,
            "Calibration: the score range {lo}–{hi} is cut into {bins} bins of equal width (each includes its lower edge); per group and bin, the share of rows with a positive label {label}, with the number of rows in brackets. The same score means the same for every group when, bin by bin, the shares agree. Bins with fewer than {min} rows show no share (–); audit.json gives each share's 95 % Wilson interval.",
            "校准：把分数区间 {lo}–{hi} 等宽分为 {bins} 个分箱（各含其下限）；对每个群体和分箱，列出正类标签{label}的实际比例，括号内为记录数。若各分箱中各群体的比例一致，则同一分数对各群体含义相同。记录数少于 {min} 的分箱不报告比例（–）；各比例的 95% Wilson 置信区间见 audit.json。"
        ));
    }
    for t in &a.score_tables {
        let mut headers: Vec<String> =
            vec![l.pick("Group", "群体").into(), l.pick("n", "人数").into()];
        for q in score_tables::QUANTILES {
            headers.push(if q == 0.5 {
                l.pick("median", "中位数").into()
            } else {
                let pct = num(Some(q * 100.0));
                tr!(l, "{pct} %", "{pct}% 分位数")
            });
        }
        headers.push(l.pick("Note", "说明").into());
        let rows = t
            .groups
            .iter()
            .map(|g| {
                let mut r = vec![g.group.clone(), g.n.to_string()];
                for q in score_tables::QUANTILES {
                    r.push(
                        g.quantiles
                            .iter()
                            .find(|x| x.p == q)
                            .map_or("–".into(), |x| num(Some(x.score))),
                    );
                }
                r.push(g.suppressed.clone().unwrap_or_default());
                r
            })
            .collect();
        let attr = &t.attribute;
        s.tables.push(DocTable {
            caption: tr!(l, "{attr}: score quantiles", "{attr}：分数分位数"),
            headers,
            rows,
        });
        let edges: Vec<(f64, f64)> = t
            .groups
            .iter()
            .find(|g| !g.calibration.is_empty())
            .map(|g| g.calibration.iter().map(|b| (b.low, b.high)).collect())
            .unwrap_or_default();
        if edges.is_empty() {
            continue;
        }
        let mut headers: Vec<String> = vec![l.pick("Group", "群体").into()];
        headers.extend(
            edges
                .iter()
                .map(|(lo, hi)| format!("{}–{}", num(Some(*lo)), num(Some(*hi)))),
        );
        let rows = t
            .groups
            .iter()
            .filter(|g| !g.calibration.is_empty())
            .map(|g| {
                let mut r = vec![g.group.clone()];
                r.extend(g.calibration.iter().map(|b| {
                    let rate = b.positive_rate.map_or("–".into(), |x| num(Some(x)));
                    format!("{rate} ({})", b.n)
                }));
                r
            })
            .collect();
        s.tables.push(DocTable {
            caption: tr!(
                l,
                "{attr}: share with a positive label by score bin (rows)",
                "{attr}：各分数分箱的实际正类标签比例（记录数）"
            ),
            headers,
            rows,
        });
    }
    Some(s)
}

/// A gate's comparison as a symbol.
fn gate_op(g: &crate::audit::GateResult) -> String {
    serde_json::to_value(g.gate.op)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Renders audit.md.
pub fn render_markdown(a: &Audit) -> String {
    let mut out = format!("# {}\n\n", title(a.spec.lang));
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
