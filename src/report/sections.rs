//! The audit report as a document ([`Doc`]): what was audited, a short summary, every finding
//! worst first with the table of its numbers, then the evidence (LL144 tables, per-group
//! tables, scores, inputs) and the method. Built once; Markdown and HTML render it.

use crate::audit::{AnyFinding, Audit};
use crate::codes::FindingKind;
use crate::i18n::{Lang, fmt_p};
use crate::metrics::{Metric, MetricRow, Verdict, score_tables};
use crate::tr;

use super::doc::{Block, Doc, Item, Section, Table};
use super::num;
use super::text::{
    self, finding_sentence, group, interval, interval3, level, outcome, pct, pct_interval, ratio,
    ratio3, test_name,
};

/// The report's title.
pub fn title(lang: Lang) -> &'static str {
    lang.pick("Candor audit report", "Candor 审计报告")
}

/// The id of the `i`-th finding (0-based): F1, F2, ...
pub fn finding_id(i: usize) -> String {
    format!("F{}", i + 1)
}

/// Metric rows of one attribute, looked up by (group, metric), built once per report.
struct Lookup<'a> {
    rows: std::collections::HashMap<(&'a str, &'a str, Metric), &'a MetricRow>,
}

impl<'a> Lookup<'a> {
    fn new(a: &'a Audit) -> Self {
        let rows = a
            .metrics
            .iter()
            .filter(|r| r.class.is_none())
            .map(|r| ((r.attribute.as_str(), r.group.as_str(), r.metric), r))
            .collect();
        Lookup { rows }
    }

    fn get(&self, attr: &str, g: &str, m: Metric) -> Option<&'a MetricRow> {
        self.rows.get(&(attr, g, m)).copied()
    }
}

fn h(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// The words of a group status code.
fn status_text(code: &str, lang: Lang) -> &'static str {
    match code {
        "small" => lang.pick(
            "small: figures published with exact tests, never the reference",
            "人数较少：公布数字并用精确检验，不作参照组",
        ),
        "withheld" => lang.pick("withheld: too few workers to publish", "不予公布：人数过少"),
        "unknown" => lang.pick(
            "missing value: counted, not compared",
            "取值缺失：计入人数，不参与比较",
        ),
        "excluded" => lang.pick(
            "excluded from the ratios (under the share threshold)",
            "不计入比值（低于占比门槛）",
        ),
        _ => lang.pick("compared", "参与比较"),
    }
}

/// A verdict cell: the verdict's words, or the reason a value is missing.
fn verdict_cell(r: Option<&MetricRow>, lang: Lang) -> String {
    match r {
        Some(r) => r
            .verdict
            .map(|v| v.text(lang).to_string())
            .or_else(|| r.reason_text(lang))
            .unwrap_or_default(),
        None => String::new(),
    }
}

fn p_cell(r: Option<&MetricRow>, lang: Lang) -> String {
    match r.and_then(|r| r.p_adjusted.map(|p| (p, r.test))) {
        Some((p, t)) => {
            let test = test_name(t, lang);
            tr!(lang, "{} ({test})", "{}（{test}）", fmt_p(p))
        }
        None => "–".into(),
    }
}

fn cover(a: &Audit, ids: &FindingIds) -> Section {
    let l = a.spec.lang;
    let mut s = Section::new("cover", l.pick("What was audited", "审计对象"));
    let not_stated = l.pick("not stated", "未说明");
    let opt = |x: &Option<String>| x.clone().unwrap_or_else(|| not_stated.to_string());
    let mut t = Table::new(
        "t-cover",
        l.pick("The audit at a glance", "审计概况"),
        vec![
            l.pick("Item", "项目").into(),
            l.pick("Value", "内容").into(),
        ],
    );
    let r = &a.spec.report;
    t.push(vec![l.pick("System", "算法系统").into(), opt(&r.system)]);
    let purpose = match l {
        Lang::En => r.purpose.clone(),
        Lang::Zh => r.purpose_zh.clone().or_else(|| r.purpose.clone()),
    };
    t.push(vec![
        l.pick("Purpose, as the employer states it", "用人单位所述用途")
            .into(),
        opt(&purpose),
    ]);
    t.push(vec![
        l.pick("Employer", "用人单位").into(),
        opt(&r.employer),
    ]);
    t.push(vec![l.pick("Auditor", "审计方").into(), opt(&r.auditor)]);
    t.push(vec![
        l.pick("Audit date", "审计日期").into(),
        opt(&r.audit_date),
    ]);
    let src = a.provenance.inputs.first();
    if let Some(src) = src {
        let (path, bytes, sha) = (&src.path, src.bytes, &src.sha256);
        let fmt = format!("{:?}", src.format).to_uppercase();
        t.push(vec![
            l.pick("Data file", "数据文件").into(),
            tr!(
                l,
                "{path} ({fmt}, {bytes} bytes)",
                "{path}（{fmt}，{bytes} 字节）"
            ),
        ]);
        t.push(vec![
            l.pick("Data file SHA-256", "数据文件 SHA-256").into(),
            sha.clone(),
        ]);
    }
    t.push(vec![
        l.pick("Period the data covers", "数据所涵盖的期间").into(),
        opt(&r.data_period),
    ]);
    if let Some(src) = src {
        let (inf, after, audited) = (src.rows_in_file, src.rows_after_filter, src.rows_audited);
        t.push(vec![
            l.pick("Workers audited", "受审计人数").into(),
            tr!(
                l,
                "{audited} (of {inf} rows in the file; {after} after the population filter)",
                "{audited}（文件共 {inf} 行；总体筛选后 {after} 行）"
            ),
        ]);
    }
    t.push(vec![
        l.pick("Population filter", "总体筛选条件").into(),
        a.spec
            .data
            .where_
            .clone()
            .unwrap_or_else(|| l.pick("none: every row", "无：全部记录").into()),
    ]);
    let decision = match &a.decision {
        crate::data::DecisionValues::Binary {
            column,
            positive,
            negative,
        } => {
            let pos = positive.join(", ");
            let neg = if negative.is_empty() {
                l.pick("every other value", "其他取值").to_string()
            } else {
                negative.join(", ")
            };
            let q = l.quote(column);
            tr!(
                l,
                "column {column}: positive = {pos}; negative = {neg}",
                "列{q}：正向取值 = {pos}；负向取值 = {neg}"
            )
        }
        crate::data::DecisionValues::Threshold { score, threshold } => {
            let t = num(Some(*threshold));
            tr!(
                l,
                "derived from the score: {score} ≥ {t} is positive",
                "由分数得出：{score} ≥ {t} 为正向"
            )
        }
        crate::data::DecisionValues::MultiClass { column, classes } => {
            let c = classes.join(l.pick(", ", "、"));
            let q = l.quote(column);
            tr!(
                l,
                "column {column}, classes {c} (each audited one-vs-rest)",
                "列{q}，类别 {c}（逐类与其余类别比较）"
            )
        }
        crate::data::DecisionValues::Absent => l.pick("none", "无").into(),
    };
    t.push(vec![l.pick("Decision", "决定").into(), decision]);
    let multiclass = matches!(a.decision, crate::data::DecisionValues::MultiClass { .. });
    if multiclass {
        t.push(vec![
            l.pick("Favorable outcome for the worker", "对劳动者有利的结果")
                .into(),
            l.pick(
                "not stated: the decision has several classes, each compared one-vs-rest",
                "未说明：决定有多个类别，逐类与其余类别比较",
            )
            .into(),
        ]);
    } else if !matches!(a.decision, crate::data::DecisionValues::Absent) {
        let (fav, adv) = (outcome(a, true), outcome(a, false));
        t.push(vec![
            l.pick("Favorable outcome for the worker", "对劳动者有利的结果")
                .into(),
            tr!(l, "{fav} (adverse: {adv})", "{fav}（不利结果：{adv}）"),
        ]);
    }
    let score = match &a.spec.score {
        Some(sc) => {
            let col = &sc.column;
            let dir = if sc.higher_is_favorable {
                l.pick("a high score is favorable", "高分对劳动者有利")
            } else {
                l.pick("a low score is favorable", "低分对劳动者有利")
            };
            let th = sc.threshold.map_or(String::new(), |t| {
                let t = num(Some(t));
                tr!(l, "; threshold {t}", "；阈值 {t}")
            });
            tr!(l, "{col} ({dir}{th})", "{col}（{dir}{th}）")
        }
        None => l.pick("none", "无").into(),
    };
    t.push(vec![l.pick("Score", "分数").into(), score]);
    t.push(vec![
        l.pick("True outcome (label)", "真实结果（标签）").into(),
        a.label.as_ref().map_or_else(
            || l.pick("none", "无").to_string(),
            |x| {
                let (c, p) = (&x.column, &x.positive);
                tr!(l, "{c} (positive = {p})", "{c}（正类 = {p}）")
            },
        ),
    ]);
    let mut attrs = a.spec.attributes.join(l.pick(", ", "、"));
    for i in &a.spec.intersections {
        attrs.push_str(l.pick("; ", "；"));
        attrs.push_str(&i.join(" & "));
    }
    t.push(vec![l.pick("Group attributes", "群体属性").into(), attrs]);
    t.push(vec![
        l.pick("Decision stage", "决策阶段").into(),
        stage_text(a.spec.screen.stage.as_str(), l).into(),
    ]);
    t.push(vec![
        l.pick("Policy packs", "政策规则包").into(),
        if a.spec.screen.policy.is_empty() {
            l.pick("all built-in packs", "全部内置规则包").into()
        } else {
            a.spec.screen.policy.join(l.pick(", ", "、"))
        },
    ]);
    let (conf, alpha, corr, min, publ) = (
        level(a),
        a.spec.stats.alpha,
        correction(a),
        a.spec.min_group_size,
        a.spec.report.min_published_group,
    );
    t.push(vec![
        l.pick("Statistics", "统计设置").into(),
        tr!(
            l,
            "{conf} intervals; significance level {alpha} after {corr} correction; groups under {min} workers are small (exact tests, never the reference); groups under {publ} workers are withheld",
            "{conf} 置信区间；经 {corr} 校正后的显著性水平 {alpha}；少于 {min} 人的群体为小群体（精确检验，不作参照组）；少于 {publ} 人的群体不予公布"
        ),
    ]);
    t.push(vec![
        l.pick("Compared with", "比较基准").into(),
        text::reference_rule(a),
    ]);
    let (ver, seed, sha) = (
        &a.provenance.candor_version,
        a.provenance.seed,
        &a.provenance.spec_sha256,
    );
    t.push(vec![
        l.pick("Candor", "Candor").into(),
        tr!(
            l,
            "version {ver}, seed {seed}, spec SHA-256 {sha}",
            "版本 {ver}，随机种子 {seed}，审计规格 SHA-256 {sha}"
        ),
    ]);
    s.table(t);
    if let Some(p) = ll144_summary(a) {
        s.para(p);
    }
    let _ = ids;
    s
}

fn stage_text(code: &str, l: Lang) -> &'static str {
    match code {
        "recruitment" => l.pick("recruitment", "招聘"),
        "termination" => l.pick("termination", "解除劳动关系"),
        "post_termination" => l.pick("after termination", "劳动关系解除后"),
        _ => l.pick("employment", "在职期间"),
    }
}

fn correction(a: &Audit) -> &'static str {
    if a.spec.stats.correction == "bh" {
        "Benjamini-Hochberg"
    } else {
        "Holm"
    }
}

/// NYC LL144 in a few lines: applicants, unknowns, excluded categories, and whether the law
/// applies at all.
fn ll144_summary(a: &Audit) -> Option<String> {
    let l = a.spec.lang;
    let ll = a.ll144.as_ref()?;
    let n = ll.applicants;
    let mut unknown: Vec<String> = Vec::new();
    let mut excluded: Vec<String> = Vec::new();
    for t in &ll.tables {
        let (attr, u) = (&t.attribute, t.unknown);
        let item = tr!(l, "{u} for {attr}", "{attr} {u} 人");
        if t.table != "intersectional" && !unknown.contains(&item) {
            unknown.push(item);
        }
        for r in t.rows.iter().filter(|r| r.excluded) {
            let c = format!("{} = {}", t.attribute, group(&r.category, l));
            if !excluded.contains(&c) {
                excluded.push(c);
            }
        }
    }
    let unknown = unknown.join(l.pick(", ", "，"));
    let excluded = if excluded.is_empty() {
        l.pick("none", "无").to_string()
    } else {
        excluded.join(l.pick(", ", "，"))
    };
    // Every built-in pack applies when none is named.
    let pack =
        a.spec.screen.policy.is_empty() || a.spec.screen.policy.iter().any(|p| p == "nyc-ll144");
    let applies = pack && matches!(a.spec.screen.stage.as_str(), "recruitment" | "employment");
    let note = if applies {
        l.pick(
            "LL144 applies to automated employment decision tools used in New York City to screen candidates for hiring or employees for promotion: check that this system is one.",
            "LL144 适用于在纽约市用于筛选求职者或晋升候选员工的自动化雇用决策工具：请确认本系统属于此类。",
        )
    } else {
        l.pick(
            "LL144 applies only to automated employment decision tools used in New York City for hiring or promotion; this audit does not declare such a use (policy pack nyc-ll144 at the recruitment or employment stage), so the tables are given in the rule's format for comparison only.",
            "LL144 仅适用于在纽约市用于招聘或晋升的自动化雇用决策工具；本次审计未声明此类用途（在招聘或在职阶段选择 nyc-ll144 规则包），因此下列表格仅按该规则的格式列出，供比较之用。",
        )
    };
    Some(tr!(
        l,
        "NYC Local Law 144 summary: {n} individuals audited; unknown category: {unknown}; categories excluded under the 2 % option: {excluded}. {note}",
        "纽约市第 144 号地方法摘要：受审计 {n} 人；类别未知：{unknown}；按 2% 选项排除的类别：{excluded}。{note}"
    ))
}

/// Where each finding's numbers are: the id of its row.
struct FindingIds {
    ids: Vec<String>,
}

fn summary(a: &Audit, ids: &FindingIds) -> Section {
    let l = a.spec.lang;
    let mut s = Section::new("summary", l.pick("Summary", "摘要"));
    let mut items = Vec::new();
    let n = a.provenance.inputs.first().map_or(0, |s| s.rows_audited);
    let count =
        |sev: crate::codes::Severity| a.findings.iter().filter(|f| f.severity() == sev).count();
    use crate::codes::Severity as S;
    let (b, hi, me, lo, rv) = (
        count(S::Block),
        count(S::High),
        count(S::Medium),
        count(S::Low),
        count(S::Review),
    );
    let total = a.findings.len();
    let what = match &a.decision {
        crate::data::DecisionValues::MultiClass { column, classes } => {
            let c = classes.join(l.pick(", ", "、"));
            tr!(
                l,
                "decision {column} with classes {c}",
                "决定“{column}”，类别为{c}"
            )
        }
        crate::data::DecisionValues::Absent => l.pick("no decision", "无决定").to_string(),
        _ => {
            let adv = outcome(a, false);
            tr!(l, "adverse outcome: {adv}", "不利结果：{adv}")
        }
    };
    items.push(Item::linked(
        tr!(
            l,
            "{n} workers audited; {what}. {total} findings: {b} prohibited, {hi} high, {me} medium, {lo} low, {rv} to review; listed worst first below.",
            "共审计 {n} 名劳动者；{what}。共 {total} 项发现：禁止 {b} 项、高 {hi} 项、中 {me} 项、低 {lo} 项、待复核 {rv} 项；下文按严重程度从高到低列出。"
        ),
        "s-findings",
    ));
    for (i, f) in a.findings.iter().enumerate().take(3) {
        let (id, sev) = (finding_id(i), f.severity().text(l));
        let sentence = finding_sentence(a, f);
        items.push(Item::linked(
            tr!(l, "{id} ({sev}): {sentence}", "{id}（{sev}）：{sentence}"),
            ids.ids[i].clone(),
        ));
    }
    let breached: Vec<&crate::audit::GateResult> = a.gates.iter().filter(|g| g.breached).collect();
    if !a.gates.is_empty() {
        let (k, all) = (breached.len(), a.gates.len());
        items.push(Item::linked(
            tr!(
                l,
                "Gates: {k} of {all} breached (see the end of the findings).",
                "判定门槛：{all} 项中有 {k} 项被突破（见发现列表末尾）。"
            ),
            "s-findings",
        ));
    } else {
        let withheld = a.groups.iter().filter(|g| g.status == "withheld").count();
        let inconclusive = a
            .metrics
            .iter()
            .filter(|r| {
                matches!(r.metric, Metric::ImpactRatio | Metric::ScoringImpactRatio)
                    && r.verdict == Some(Verdict::Inconclusive)
            })
            .count();
        let min = a.spec.report.min_published_group;
        let comparisons = if inconclusive == 1 {
            "comparison"
        } else {
            "comparisons"
        };
        let groups = if withheld == 1 { "group" } else { "groups" };
        items.push(Item::linked(
            tr!(
                l,
                "Limits: {inconclusive} {comparisons} found no significant gap but cannot rule one out (verdict 'no significant disparity found'); {withheld} {groups} of fewer than {min} workers are withheld.",
                "局限：有 {inconclusive} 项比较未发现显著差距，但也不能排除差距（结论为“未发现显著差异”）；{withheld} 个少于 {min} 人的群体不予公布。"
            ),
            "s-disparity",
        ));
    }
    s.list(items);
    s
}

fn findings_section(a: &Audit, ids: &FindingIds) -> Section {
    let l = a.spec.lang;
    let mut s = Section::new(
        "findings",
        l.pick("Findings, worst first", "发现（按严重程度排列）"),
    );
    let lvl = level(a);
    let alpha = a.spec.stats.alpha;
    s.para(tr!(
        l,
        "Each finding names the group worse off and quotes the numbers of the table below (or of the inputs table). Severity follows the evidence: high for a gap beyond the four-fifths line (a favorable-rate ratio below 0.8 or an adverse-rate ratio above 1.25) that is significant after correction; medium for a significant gap in error rates or a restricted input; low for a gap the data cannot confirm (corrected p ≥ {alpha}) or a significant difference within the line. Intervals are {lvl}.",
        "每项发现都指出处境较差的群体，并引用下表（或输入变量表）中的数字。严重程度依证据而定：差距超出五分之四界线（有利结果率之比低于 0.8，或不利结果率之比高于 1.25）且经校正后显著，为“高”；错误率差距显著或使用受限输入，为“中”；数据不能证实的差距（校正后 p ≥ {alpha}）或未超出界线但显著的差异，为“低”。区间均为 {lvl} 置信区间。"
    ));
    if a.findings.is_empty() {
        s.para(l.pick(
            "No finding: no gap beyond the four-fifths line and no significant difference was found. The tables below show, for each group, whether a gap can be ruled out.",
            "无发现：没有超出五分之四界线的差距，也没有统计显著的差异。下表逐组说明能否排除差距。",
        ));
    }
    let items: Vec<Item> = a
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let (id, sev, kind) = (finding_id(i), f.severity().text(l), f.kind().text(l));
            let sentence = finding_sentence(a, f);
            Item::linked(
                tr!(
                    l,
                    "{id} [{sev} · {kind}] {sentence}",
                    "{id}【{sev}·{kind}】{sentence}"
                ),
                ids.ids[i].clone(),
            )
        })
        .collect();
    s.list(items);
    for g in &a.gates {
        let (metric, op, value) = (g.gate.metric.as_str(), gate_op(g), g.gate.value);
        let state = if g.breached {
            let by = g.by.join("; ");
            tr!(l, "BREACHED by {by}", "已突破，涉及：{by}")
        } else {
            l.pick("not breached", "未突破").into()
        };
        s.para(tr!(
            l,
            "Gate {metric} {op} {value}: {state}",
            "判定门槛 {metric} {op} {value}：{state}"
        ));
    }
    let mut t = Table::new(
        "t-findings",
        l.pick(
            "The numbers behind each finding about groups",
            "各项群体差异发现所依据的数字",
        ),
        match l {
            Lang::En => h(&[
                "Finding",
                "Group (n)",
                "Compared with (n)",
                "Worse off",
                "Measure",
                "Rates",
                "Ratio (interval)",
                "Other framing",
                "Corrected p",
            ]),
            Lang::Zh => h(&[
                "发现",
                "群体（人数）",
                "比较对象（人数）",
                "处境较差者",
                "指标",
                "比率",
                "比值（置信区间）",
                "另一口径",
                "校正后 p 值",
            ]),
        },
    );
    for (i, f) in a.findings.iter().enumerate() {
        let AnyFinding::Disparity(d) = f else {
            continue;
        };
        if d.kind == FindingKind::SingleGroup {
            continue;
        }
        let nref = d
            .reference_n
            .map_or(String::new(), |n| tr!(l, " ({n})", "（{n}）"));
        let twin = d.twin.as_ref().map_or("–".into(), |t| {
            tr!(
                l,
                "{} {} ({})",
                "{} {}（{}）",
                t.metric.name(l),
                ratio(t.value),
                interval(t.ci_low, t.ci_high)
            )
        });
        let measure = match d.label_stratum {
            Some(k) => {
                let lab = a.label.as_ref().map_or(String::new(), |x| x.column.clone());
                let k = if k == 1 { "1" } else { "0" };
                tr!(l, "{} ({lab} = {k})", "{}（{lab} = {k}）", d.metric.name(l))
            }
            None => d.metric.name(l).to_string(),
        };
        let (gr, rr) = (pct(d.group_rate, l), pct(d.reference_rate, l));
        t.push_with_id(
            ids.ids[i].clone(),
            vec![
                tr!(l, "{} ({})", "{}（{}）", finding_id(i), d.severity.text(l)),
                tr!(
                    l,
                    "{} = {} ({})",
                    "{} = {}（{}）",
                    d.attribute,
                    group(&d.group, l),
                    d.n
                ),
                format!(
                    "{}{nref}",
                    d.reference
                        .as_deref()
                        .map(|r| group(r, l))
                        .unwrap_or_default()
                ),
                d.worse_off
                    .as_deref()
                    .map(|w| group(w, l))
                    .unwrap_or_default(),
                measure,
                tr!(l, "{gr} vs {rr}", "{gr} 对 {rr}"),
                tr!(
                    l,
                    "{} ({})",
                    "{}（{}）",
                    ratio(d.value),
                    interval(d.ci_low, d.ci_high)
                ),
                twin,
                d.p_adjusted.map_or("–".into(), |p| {
                    tr!(l, "{} ({})", "{}（{}）", fmt_p(p), test_name(d.test, l))
                }),
            ],
        );
    }
    if !t.rows.is_empty() {
        s.table(t);
    }
    s
}

fn groups_section(a: &Audit) -> Section {
    let l = a.spec.lang;
    let mut s = Section::new("groups", l.pick("Groups", "群体"));
    let (min, publ) = (a.spec.min_group_size, a.spec.report.min_published_group);
    s.para(tr!(
        l,
        "Every group is counted. Groups of fewer than {min} workers are small: their figures are published with exact tests, and they never serve as the reference. Groups of fewer than {publ} workers have every figure withheld (the disclosure setting report.min_published_group). Workers with a missing value form the group 'unknown': counted and described, never compared, never a reference.",
        "每个群体都计入人数。少于 {min} 人的群体为小群体：公布其数字并使用精确检验，但从不作为参照组。少于 {publ} 人的群体不公布任何数字（披露设置 report.min_published_group）。取值缺失的劳动者归入“未知”组：计入人数并予描述，但不参与比较，也不作参照组。"
    ));
    let mut t = Table::new(
        "t-groups",
        l.pick("Groups that are not fully compared", "未完全参与比较的群体"),
        match l {
            Lang::En => h(&["Attribute", "Group", "n", "Status"]),
            Lang::Zh => h(&["属性", "群体", "人数", "状态"]),
        },
    );
    for g in a.groups.iter().filter(|g| g.status != "ok") {
        t.push(vec![
            g.attribute.clone(),
            group(&g.group, l),
            g.n.to_string(),
            status_text(&g.status, l).into(),
        ]);
    }
    if t.rows.is_empty() {
        s.para(l.pick(
            "Every group is large enough, known and compared.",
            "所有群体人数充足、取值已知，均参与比较。",
        ));
    } else {
        s.table(t);
    }
    for e in a.provenance.inputs.iter().flat_map(|x| &x.excluded) {
        let (rows, reason) = (e.rows, &e.reason);
        s.para(tr!(
            l,
            "Excluded: {rows} rows ({reason}).",
            "已排除：{rows} 行（{reason}）。"
        ));
    }
    for r in a.provenance.inputs.iter().flat_map(|x| &x.renamed_columns) {
        let (o, n) = (l.quote(&r.original), l.quote(&r.renamed));
        s.para(tr!(
            l,
            "Duplicate column name {o} read as {n}.",
            "重复的列名{o}按{n}读取。"
        ));
    }
    s
}

fn ll144_section(a: &Audit) -> Option<Section> {
    let l = a.spec.lang;
    let ll = a.ll144.as_ref()?;
    let mut s = Section::new(
        "ll144",
        l.pick(
            "NYC Local Law 144 tables",
            "纽约市第 144 号地方法（LL144）格式表格",
        ),
    );
    let fav = outcome(a, true);
    s.para(tr!(
        l,
        "Selection rate, in these tables, is the share of a category with the favorable outcome ({fav}); the impact ratio divides it by the highest category's rate.",
        "本节表格中的选择率，是各类别中获得有利结果（{fav}）者所占比例；影响比为该比率除以比率最高类别的比率。"
    ));
    if ll.median_score.is_some() {
        let side = text::scoring_side(a);
        let why = if ll.scoring_above_median == Some(false) {
            l.pick(
                " The rule counts scores above the median; this score is favorable when low, so the scoring rate counts the favorable side, below the median.",
                "该规则统计高于中位数的分数；本分数越低对劳动者越有利，因此得分率统计有利的一侧，即低于中位数者。",
            )
        } else {
            ""
        };
        s.para(tr!(
            l,
            "Scoring rate: the share of a category scoring {side}.{why}",
            "得分率：各类别中分数{side}者所占比例。{why}"
        ));
    }
    let share = num(Some(a.spec.exclude_below_share * 100.0));
    let publ = a.spec.report.min_published_group;
    for (ti, t) in ll.tables.iter().enumerate() {
        let rate = match (t.rate.as_str(), l) {
            ("selection", Lang::En) => "selection rate".to_string(),
            ("scoring", Lang::En) => "scoring rate".to_string(),
            ("selection", Lang::Zh) => "选择率".into(),
            ("scoring", Lang::Zh) => "得分率".into(),
            (r, _) => r.to_string(),
        };
        let table = match (t.table.as_str(), l) {
            (x, Lang::En) => x.to_string(),
            ("sex", Lang::Zh) => "性别".into(),
            ("race/ethnicity", Lang::Zh) => "种族/族裔".into(),
            ("intersectional", Lang::Zh) => "交叉类别".into(),
            (x, Lang::Zh) => x.to_string(),
        };
        let (attr, unknown) = (&t.attribute, t.unknown);
        let mut tab = Table::new(
            format!("t-ll144-{ti}"),
            tr!(
                l,
                "{rate} by {table} ({attr}); unknown category: {unknown}",
                "按{table}（{attr}）统计的{rate}；类别未知：{unknown} 人"
            ),
            vec![
                l.pick("Category", "类别").into(),
                l.pick("Number", "人数").into(),
                rate.clone(),
                l.pick("Impact ratio", "影响比").into(),
            ],
        );
        for r in &t.rows {
            tab.push(vec![
                group(&r.category, l),
                r.n.to_string(),
                if r.withheld {
                    tr!(l, "withheld (< {publ})", "不予公布（< {publ}）")
                } else {
                    pct(r.rate, l)
                },
                if r.withheld {
                    "–".into()
                } else if r.excluded {
                    tr!(l, "excluded (< {share} %)", "已排除（< {share}%）")
                } else {
                    ratio3(r.impact_ratio)
                },
            ]);
        }
        s.table(tab);
    }
    Some(s)
}

/// Attributes in the order of the groups list (each once).
fn attributes(a: &Audit) -> Vec<&str> {
    let mut attrs: Vec<&str> = a.groups.iter().map(|g| g.attribute.as_str()).collect();
    attrs.dedup();
    attrs
}

fn disparity_section(a: &Audit, m: &Lookup) -> Section {
    let l = a.spec.lang;
    let mut s = Section::new("disparity", l.pick("Disparity by group", "各群体差异"));
    let (fav, adv, lvl) = (outcome(a, true), outcome(a, false), level(a));
    let rule = text::reference_rule(a);
    if !matches!(a.decision, crate::data::DecisionValues::MultiClass { .. }) {
        s.para(tr!(
        l,
        "Favorable rate: the share of the group with the favorable outcome ({fav}); adverse rate: the share with the adverse outcome ({adv}). Impact ratio: the group's favorable rate divided by that of {rule}; adverse-rate ratio: the same for the adverse rate. A gap is beyond the four-fifths line when the impact ratio is below 0.8 or the adverse-rate ratio above 1.25. 'No disparity' is said only when both intervals lie within 0.8–1.25. Intervals are {lvl}; p-values are corrected for every comparison of the audit.",
        "有利结果率：本组中获得有利结果（{fav}）者所占比例；不利结果率：受到不利结果（{adv}）者所占比例。影响比：本组有利结果率除以{rule}的有利结果率；不利结果率之比同理。影响比低于 0.8 或不利结果率之比高于 1.25，即差距超出五分之四界线。只有两个置信区间都落在 0.8–1.25 之内，才判定“无差异”。区间均为 {lvl} 置信区间；p 值均已对本次审计的全部比较作多重比较校正。"
    ));
    }
    let classes = match &a.decision {
        crate::data::DecisionValues::MultiClass { classes, .. } => Some(classes.clone()),
        _ => None,
    };
    let binary = classes.is_none();
    if let Some(classes) = &classes {
        s.para(l.pick(
            "The decision has several classes and the favorable one is not stated: each table gives, per class, the share of the group that got it and that share divided by the reference's (the corrected p-value in brackets).",
            "该决定有多个类别，且未说明哪一类别对劳动者有利：各表按类别列出本组得到该类别的比例，以及该比例除以参照组比例的比值（括号内为校正后 p 值）。",
        ));
        for (ti, attr) in attributes(a).into_iter().enumerate() {
            let mut headers = vec![l.pick("Group", "群体").to_string(), "n".into()];
            for c in classes {
                headers.push(tr!(l, "{c}: share", "{c}：比例"));
                headers.push(tr!(l, "{c}: ratio", "{c}：比值"));
            }
            let mut t = Table::new(format!("t-disparity-{ti}"), attr.to_string(), headers);
            for g in a.groups.iter().filter(|g| g.attribute == attr) {
                let mut row = vec![group(&g.group, l), g.n.to_string()];
                for c in classes {
                    let find = |m: Metric| {
                        a.metrics.iter().find(|r| {
                            r.attribute == attr
                                && r.group == g.group
                                && r.metric == m
                                && r.class.as_deref() == Some(c.as_str())
                        })
                    };
                    row.push(pct(find(Metric::SelectionRate).and_then(|r| r.value), l));
                    let ratio = find(Metric::SelectionRateRatio);
                    row.push(match ratio.and_then(|r| r.value.zip(r.p_adjusted)) {
                        Some((v, p)) => {
                            let p = fmt_p(p);
                            tr!(l, "{} (p {p})", "{}（p {p}）", ratio3(Some(v)))
                        }
                        None => "–".into(),
                    });
                }
                t.push(row);
            }
            s.table(t);
        }
    }
    for (ti, attr) in attributes(a).into_iter().enumerate().filter(|_| binary) {
        let headers = match l {
            Lang::En => h(&[
                "Group",
                "n",
                "Favorable rate",
                "Interval",
                "Adverse rate",
                "Impact ratio",
                "Interval",
                "Adverse-rate ratio",
                "Interval",
                "Corrected p",
                "Verdict",
            ]),
            Lang::Zh => h(&[
                "群体",
                "人数",
                "有利结果率",
                "置信区间",
                "不利结果率",
                "影响比",
                "置信区间",
                "不利结果率之比",
                "置信区间",
                "校正后 p 值",
                "结论",
            ]),
        };
        let mut t = Table::new(format!("t-disparity-{ti}"), attr.to_string(), headers);
        for g in a.groups.iter().filter(|g| g.attribute == attr) {
            let get = |x: Metric| m.get(attr, &g.group, x);
            let (fr, ar) = if binary {
                (get(Metric::FavorableRate), get(Metric::AdverseRate))
            } else {
                (get(Metric::SelectionRate), None)
            };
            let (ir, arr) = (get(Metric::ImpactRatio), get(Metric::AdverseRateRatio));
            let withheld = g.status == "withheld";
            let publ = a.spec.report.min_published_group;
            let w = || tr!(l, "withheld (< {publ})", "不予公布（< {publ}）");
            t.push(vec![
                group(&g.group, l),
                g.n.to_string(),
                if withheld {
                    w()
                } else {
                    pct(fr.and_then(|r| r.value), l)
                },
                fr.map_or("–".into(), |r| pct_interval(r.ci_low, r.ci_high, l)),
                pct(ar.and_then(|r| r.value), l),
                ratio3(ir.and_then(|r| r.value)),
                ir.map_or("–".into(), |r| interval3(r.ci_low, r.ci_high)),
                ratio3(arr.and_then(|r| r.value)),
                arr.map_or("–".into(), |r| interval3(r.ci_low, r.ci_high)),
                p_cell(ir, l),
                verdict_cell(ir, l),
            ]);
        }
        s.table(t);
    }
    if a.label.is_some() && binary {
        s.para(l.pick(
            "Error rates: among workers whose true outcome (label) is negative, the false positive rate is the share given the positive decision; among those whose label is positive, the false negative rate is the share given the negative decision. The findings compare, in each label stratum, the rate of the adverse outcome.",
            "错误率：在真实结果（标签）为负类的劳动者中，假阳性率为获得正向决定者所占比例；在标签为正类的劳动者中，假阴性率为获得负向决定者所占比例。发现部分在每个标签层内比较不利结果的比率。",
        ));
        for (ti, attr) in attributes(a).into_iter().enumerate() {
            let mut t = Table::new(
                format!("t-errors-{ti}"),
                tr!(l, "{attr}: error rates", "{attr}：错误率"),
                match l {
                    Lang::En => h(&[
                        "Group",
                        "False positive rate",
                        "Interval",
                        "FPR ratio",
                        "False negative rate",
                        "Interval",
                        "FNR ratio",
                    ]),
                    Lang::Zh => h(&[
                        "群体",
                        "假阳性率",
                        "置信区间",
                        "假阳性率之比",
                        "假阴性率",
                        "置信区间",
                        "假阴性率之比",
                    ]),
                },
            );
            for g in a.groups.iter().filter(|g| g.attribute == attr) {
                let get = |x: Metric| m.get(attr, &g.group, x);
                let (fpr, fnr) = (get(Metric::Fpr), get(Metric::Fnr));
                t.push(vec![
                    group(&g.group, l),
                    pct(fpr.and_then(|r| r.value), l),
                    fpr.map_or("–".into(), |r| pct_interval(r.ci_low, r.ci_high, l)),
                    ratio3(get(Metric::FprRatio).and_then(|r| r.value)),
                    pct(fnr.and_then(|r| r.value), l),
                    fnr.map_or("–".into(), |r| pct_interval(r.ci_low, r.ci_high, l)),
                    ratio3(get(Metric::FnrRatio).and_then(|r| r.value)),
                ]);
            }
            s.table(t);
        }
    }
    s
}

/// The score section: per attribute the scoring rates and their ratios, then quantiles and
/// calibration (from `audit.score_tables`).
fn score_section(a: &Audit, m: &Lookup) -> Option<Section> {
    let l = a.spec.lang;
    let first = a.score_tables.first()?;
    let col = l.quote(a.spec.score.as_ref().map_or("", |s| s.column.as_str()));
    let mut s = Section::new(
        "scores",
        l.pick("Score distribution and calibration", "分数分布与校准"),
    );
    let side = text::scoring_side(a);
    let dir = if a.spec.score.as_ref().is_none_or(|s| s.higher_is_favorable) {
        l.pick(
            "a high score is favorable to the worker",
            "高分对劳动者有利",
        )
    } else {
        l.pick("a low score is favorable to the worker", "低分对劳动者有利")
    };
    s.para(tr!(
        l,
        "Score column {col}: {dir}. Scoring rate: the share of the group scoring {side}; scoring-rate ratio: that share divided by the reference's.",
        "分数列：{col}；{dir}。得分率：本组中分数{side}者所占比例；得分率影响比：该比例除以参照组的比例。"
    ));
    for (ti, attr) in attributes(a).into_iter().enumerate() {
        let mut t = Table::new(
            format!("t-scoring-{ti}"),
            tr!(l, "{attr}: scores", "{attr}：分数"),
            match l {
                Lang::En => h(&[
                    "Group",
                    "n",
                    "Mean",
                    "Median",
                    "Scoring rate",
                    "Scoring-rate ratio",
                    "Interval",
                    "Corrected p",
                    "Verdict",
                ]),
                Lang::Zh => h(&[
                    "群体",
                    "人数",
                    "平均分",
                    "中位数",
                    "得分率",
                    "得分率影响比",
                    "置信区间",
                    "校正后 p 值",
                    "结论",
                ]),
            },
        );
        for g in a.groups.iter().filter(|g| g.attribute == attr) {
            let get = |x: Metric| m.get(attr, &g.group, x);
            let sir = get(Metric::ScoringImpactRatio);
            t.push(vec![
                group(&g.group, l),
                g.n.to_string(),
                num(get(Metric::MeanScore).and_then(|r| r.value)),
                num(get(Metric::MedianScore).and_then(|r| r.value)),
                pct(get(Metric::ScoringRate).and_then(|r| r.value), l),
                ratio3(sir.and_then(|r| r.value)),
                sir.map_or("–".into(), |r| interval3(r.ci_low, r.ci_high)),
                p_cell(sir, l),
                verdict_cell(sir, l),
            ]);
        }
        s.table(t);
    }
    let min = a.spec.min_group_size;
    s.para(tr!(
        l,
        "A quantile is the score at or below which the given share of the group lies (the smallest such score). Groups smaller than {min} are not described here (too few to describe a distribution).",
        "分位数指本组中有相应比例的人分数不高于该值（取满足条件的最小分数）。人数少于 {min} 的群体在此不予描述（人数过少，无法描述分布）。"
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
        s.para(tr!(
            l,
            "Calibration: the score range {lo}–{hi} is cut into {bins} bins of equal width (each includes its lower edge); per group and bin, the share of rows with a positive label {label}, with the number of rows in brackets. The same score means the same for every group when, bin by bin, the shares agree. Bins with fewer than {min} rows show no share (–); audit.json gives each share's Wilson interval.",
            "校准：把分数区间 {lo}–{hi} 等宽分为 {bins} 个分箱（各含其下限）；对每个群体和分箱，列出正类标签{label}的实际比例，括号内为记录数。若各分箱中各群体的比例一致，则同一分数对各群体含义相同。记录数少于 {min} 的分箱不报告比例（–）；各比例的 Wilson 置信区间见 audit.json。"
        ));
    }
    for (ti, t) in a.score_tables.iter().enumerate() {
        let mut headers: Vec<String> =
            vec![l.pick("Group", "群体").into(), l.pick("n", "人数").into()];
        for q in score_tables::QUANTILES {
            headers.push(if q == 0.5 {
                l.pick("median", "中位数").into()
            } else {
                let p = num(Some(q * 100.0));
                tr!(l, "{p} %", "{p}% 分位数")
            });
        }
        headers.push(l.pick("Note", "说明").into());
        let attr = &t.attribute;
        let mut tab = Table::new(
            format!("t-quantiles-{ti}"),
            tr!(l, "{attr}: score quantiles", "{attr}：分数分位数"),
            headers,
        );
        for g in &t.groups {
            let mut r = vec![group(&g.group, l), g.n.to_string()];
            for q in score_tables::QUANTILES {
                r.push(
                    g.quantiles
                        .iter()
                        .find(|x| x.p == q)
                        .map_or("–".into(), |x| num(Some(x.score))),
                );
            }
            r.push(g.suppressed.clone().unwrap_or_default());
            tab.push(r);
        }
        s.table(tab);
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
        let mut tab = Table::new(
            format!("t-calibration-{ti}"),
            tr!(
                l,
                "{attr}: share with a positive label by score bin (rows)",
                "{attr}：各分数分箱的实际正类标签比例（记录数）"
            ),
            headers,
        );
        for g in t.groups.iter().filter(|g| !g.calibration.is_empty()) {
            let mut r = vec![group(&g.group, l)];
            r.extend(g.calibration.iter().map(|b| {
                let rate = b.positive_rate.map_or("–".into(), |x| num(Some(x)));
                tr!(l, "{rate} ({})", "{rate}（{}）", b.n)
            }));
            tab.push(r);
        }
        s.table(tab);
    }
    Some(s)
}

fn inputs_section(a: &Audit, ids: &FindingIds) -> Option<Section> {
    let l = a.spec.lang;
    let sc = a.screen.as_ref()?;
    let mut s = Section::new(
        "inputs",
        l.pick("Prohibited inputs and proxies", "禁用输入与替代变量"),
    );
    s.para(l.pick(
        "Each input was checked four ways: its name and description against the policy lexicons (English, Chinese, pinyin); its values (e.g. diagnosis codes, timestamps outside working hours); whether the algorithm relies on it (a model of the algorithm fitted with and without it, likelihood-ratio test); and how well it predicts a protected attribute (proxy). Severity is the worst over the selected legal packs.",
        "每个输入变量都从四个方面检查：名称和说明是否与政策词库（英文、中文、拼音）匹配；取值（如疾病诊断代码、工作时间以外的时间戳）；算法是否依赖它（分别拟合包含和不包含该变量的算法模型，作似然比检验）；以及它对受保护属性的预测能力（是否为替代变量）。严重程度取所选法律规则包中最严重的一项。",
    ));
    if let Some(sur) = &sc.surrogate {
        let (n, fid) = (sur.n, format!("{:.3}", sur.fidelity));
        let logistic = sur.model == "logistic";
        s.para(match l {
            Lang::En => format!(
                "Candor's model of the algorithm: {} regression on {n} rows, fidelity {fid} ({}).",
                sur.model,
                if logistic {
                    "share of decisions it reproduces"
                } else {
                    "R squared"
                }
            ),
            Lang::Zh => format!(
                "Candor 对算法的模型：基于 {n} 行数据的{}回归，保真度 {fid}（{}）。",
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
        s.para(tr!(l, "Note: {note}.", "说明：{note}。"));
    }
    let mut t = Table::new(
        "t-inputs",
        l.pick(
            "Inputs flagged, worst first",
            "被标记的输入（按严重程度排列）",
        ),
        match l {
            Lang::En => h(&[
                "Finding",
                "Column",
                "Kind",
                "Category",
                "Severity",
                "Used by the algorithm",
                "Evidence",
                "Legal sources",
            ]),
            Lang::Zh => h(&[
                "发现",
                "列名",
                "类型",
                "类别",
                "严重程度",
                "算法是否使用",
                "证据",
                "法律依据",
            ]),
        },
    );
    for f in &sc.findings {
        let pos = a
            .findings
            .iter()
            .position(|x| matches!(x, AnyFinding::Input(i) if **i == *f));
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
            let (p, k) = (crate::i18n::fmt_p_eq(u.p_value), u.decisions_changed);
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
        let kind = FindingKind::from_code(&f.kind)
            .map_or_else(|| f.kind.replace('_', " "), |k| k.text(l).to_string());
        let sev = f
            .severity
            .parse::<crate::codes::Severity>()
            .map_or_else(|_| f.severity.clone(), |x| x.text(l).to_string());
        let cells = vec![
            pos.map(finding_id).unwrap_or_default(),
            f.column.clone(),
            kind,
            match l {
                Lang::En => f.category_label_en.clone(),
                Lang::Zh if !f.category_label_zh.is_empty() => f.category_label_zh.clone(),
                Lang::Zh => f.category_label_en.clone(),
            },
            sev,
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
        ];
        match pos {
            Some(i) => t.push_with_id(ids.ids[i].clone(), cells),
            None => t.push(cells),
        }
    }
    s.table(t);
    Some(s)
}

fn method_section(a: &Audit) -> Section {
    let l = a.spec.lang;
    let mut s = Section::new("method", l.pick("Method", "方法"));
    let corr = correction(a);
    let (alpha, boot, seed, min, publ) = (
        a.spec.stats.alpha,
        a.spec.stats.bootstrap,
        a.spec.stats.seed,
        a.spec.min_group_size,
        a.spec.report.min_published_group,
    );
    let lvl = level(a);
    s.list(
        [
            tr!(
                l,
                "Rates: Wilson score intervals at {lvl} (Wilson 1927).",
                "比率：{lvl} Wilson 得分区间（Wilson 1927）。"
            ),
            l.pick(
                "Differences: Newcombe's hybrid score interval (Newcombe 1998, method 10). Ratios: Katz's log interval (Katz et al. 1978).",
                "差值：Newcombe 混合得分区间（Newcombe 1998，方法 10）。比值：Katz 对数区间（Katz 等，1978）。",
            ).into(),
            tr!(
                l,
                "Tests: Fisher's exact test when a group is smaller than {min} or an expected count is below 5, else Pearson's chi-square with Yates' correction; Kolmogorov-Smirnov for score distributions. The favorable-rate and adverse-rate ratios of one pair share one test.",
                "检验：群体少于 {min} 人或任一期望频数小于 5 时用 Fisher 精确检验，否则用带 Yates 连续性校正的 Pearson 卡方检验；分数分布用 Kolmogorov-Smirnov 检验。同一对群体的有利结果率之比与不利结果率之比共用一次检验。"
            ),
            tr!(
                l,
                "Multiple comparisons: {corr} correction across every comparison of the audit; significance level {alpha}. The detectable ratio (audit.json) is the smallest impact ratio a comparison would detect with 80 % power at the strictest level of the correction ({alpha} divided by the number of comparisons).",
                "多重比较：对本次审计的全部比较作 {corr} 校正；显著性水平 {alpha}。可检出比值（见 audit.json）指在校正的最严格水平（{alpha} 除以比较次数）下，以 80% 功效可检出的最小影响比。"
            ),
            tr!(
                l,
                "Other metrics: percentile intervals from {boot} bootstrap replicates drawn on the sufficient statistics (seed {seed}).",
                "其他指标：在充分统计量上作 {boot} 次自助法重抽样，取百分位区间（随机种子 {seed}）。"
            ),
            tr!(
                l,
                "Disclosure: figures about groups of fewer than {publ} workers are withheld in every output (rates, counts, ratios, charts); the statistics of small groups are otherwise reported in full. Limit: a withheld group's counts can sometimes be recovered by subtracting other groups' published counts from a total, or read off a larger group in which everyone got the same outcome; Candor does not yet hide such complementary cells.",
                "信息披露：少于 {publ} 人的群体，其各项数字（比率、人数、比值、图表）在所有输出中均不予公布；其余小群体的统计结果照常完整报告。局限：有时可以用总数减去其他群体公布的人数，或从所有人结果都相同的较大群体推出，而还原被隐去群体的人数；Candor 目前尚未隐去这类互补单元格。"
            ),
            l.pick(
                "Limitations: a statistical disparity is evidence to review, not by itself proof of unlawful discrimination; the audit sees only the data given to it.",
                "局限：统计上的差异是需要进一步审查的证据，其本身并不能证明存在违法歧视；本审计只能看到提供给它的数据。",
            ).into(),
        ]
        .into_iter()
        .map(Item::new)
        .collect(),
    );
    s
}

/// A gate's comparison as a symbol.
fn gate_op(g: &crate::audit::GateResult) -> String {
    serde_json::to_value(g.gate.op)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Builds the report document.
pub fn document(a: &Audit) -> Doc {
    let l = a.spec.lang;
    let ids = FindingIds {
        ids: a
            .findings
            .iter()
            .enumerate()
            .map(|(i, f)| match f {
                AnyFinding::Disparity(d) if d.kind != FindingKind::SingleGroup => finding_id(i),
                AnyFinding::Disparity(_) => "s-groups".to_string(),
                AnyFinding::Input(_) => finding_id(i),
            })
            .collect(),
    };
    let lookup = Lookup::new(a);
    let mut sections = vec![
        cover(a, &ids),
        summary(a, &ids),
        findings_section(a, &ids),
        groups_section(a),
    ];
    sections.extend(ll144_section(a));
    if !a.metrics.is_empty() {
        sections.push(disparity_section(a, &lookup));
    }
    sections.extend(score_section(a, &lookup));
    sections.extend(inputs_section(a, &ids));
    if !a.metrics.is_empty() {
        let mut c = Section::new("charts", l.pick("Charts", "图表"));
        c.blocks.push(Block::Charts);
        sections.push(c);
    }
    sections.push(method_section(a));
    Doc {
        title: title(l).to_string(),
        sections,
    }
}
