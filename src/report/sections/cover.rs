//! The cover: what was audited, for whom and by whom, on which data, with which decision,
//! score and label, and under which settings; then the LL144 summary.

use crate::audit::Audit;
use crate::data::DecisionValues;
use crate::i18n::Lang;
use crate::report::doc::{DocTable, Section};
use crate::report::num;
use crate::report::text::{self, level, outcome};
use crate::tr;

use super::cells::correction;
use super::ll144::ll144_summary;

/// Adds a row (item, value) to the cover table.
fn item(t: &mut DocTable, name: &str, value: impl Into<String>) {
    t.push(vec![name.into(), value.into()]);
}

pub(super) fn cover(a: &Audit) -> Section {
    let l = a.spec.lang;
    let mut s = Section::new("cover", l.pick("What was audited", "审计对象"));
    let mut t = DocTable::new(
        "t-cover",
        l.pick("The audit at a glance", "审计概况"),
        vec![
            l.pick("Item", "项目").into(),
            l.pick("Value", "内容").into(),
        ],
    );
    parties(a, &mut t);
    data_rows(a, &mut t);
    decision_rows(a, &mut t);
    setting_rows(a, &mut t);
    s.table(t);
    if let Some(p) = ll144_summary(a) {
        s.para(p);
    }
    s
}

/// A stated text, or "not stated".
fn stated(x: &Option<String>, l: Lang) -> String {
    x.clone()
        .unwrap_or_else(|| l.pick("not stated", "未说明").to_string())
}

/// The system, its purpose, the employer, the auditor and the date, as the spec states them.
fn parties(a: &Audit, t: &mut DocTable) {
    let l = a.spec.lang;
    let r = &a.spec.report;
    item(t, l.pick("System", "算法系统"), stated(&r.system, l));
    let purpose = match l {
        Lang::En => r.purpose.clone(),
        Lang::Zh => r.purpose_zh.clone().or_else(|| r.purpose.clone()),
    };
    item(
        t,
        l.pick("Purpose, as the employer states it", "用人单位所述用途"),
        stated(&purpose, l),
    );
    item(t, l.pick("Employer", "用人单位"), stated(&r.employer, l));
    item(t, l.pick("Auditor", "审计方"), stated(&r.auditor, l));
    item(
        t,
        l.pick("Audit date", "审计日期"),
        stated(&r.audit_date, l),
    );
}

/// The data file (path, format, size, hash), the period, the rows audited and the filter.
fn data_rows(a: &Audit, t: &mut DocTable) {
    let l = a.spec.lang;
    let src = a.provenance.inputs.first();
    let cells = a.provenance.engine == Some(crate::data::EngineKind::Cells);
    if let Some(src) = src {
        let (path, bytes, sha) = (&src.path, src.bytes, &src.sha256);
        let fmt = format!("{:?}", src.format).to_uppercase();
        let spark = a.provenance.engine == Some(crate::data::EngineKind::Spark);
        let (file, file_sha) = if spark {
            (
                l.pick(
                    "Spark table (cells computed on Spark, returned as Arrow IPC)",
                    "Spark 数据表（单元格在 Spark 上计算，以 Arrow IPC 返回）",
                ),
                l.pick("Cells returned SHA-256", "返回的单元格 SHA-256"),
            )
        } else if cells {
            (
                l.pick(
                    "Cells table (counts computed from the data by another engine)",
                    "单元格表（由其他引擎根据数据计算的计数）",
                ),
                l.pick("Cells table SHA-256", "单元格表 SHA-256"),
            )
        } else {
            (
                l.pick("Data file", "数据文件"),
                l.pick("Data file SHA-256", "数据文件 SHA-256"),
            )
        };
        item(
            t,
            file,
            tr!(
                l,
                "{path} ({fmt}, {bytes} bytes)",
                "{path}（{fmt}，{bytes} 字节）"
            ),
        );
        item(t, file_sha, sha);
    }
    item(
        t,
        l.pick("Period the data covers", "数据所涵盖的期间"),
        stated(&a.spec.report.data_period, l),
    );
    if let Some(src) = src {
        let (inf, after, audited) = (src.rows_in_file, src.rows_after_filter, src.rows_audited);
        let text = if cells {
            tr!(
                l,
                "{audited} (of {after} rows the cells count, after the population filter)",
                "{audited}（单元格表共计 {after} 行，已按总体筛选条件筛选）"
            )
        } else {
            tr!(
                l,
                "{audited} (of {inf} rows in the file; {after} after the population filter)",
                "{audited}（文件共 {inf} 行；总体筛选后 {after} 行）"
            )
        };
        item(t, l.pick("Workers audited", "受审计人数"), text);
    }
    item(
        t,
        l.pick("Population filter", "总体筛选条件"),
        a.spec
            .data
            .where_
            .clone()
            .unwrap_or_else(|| l.pick("none: every row", "无：全部记录").into()),
    );
}

/// The decision, its favorable outcome, the score and the label.
fn decision_rows(a: &Audit, t: &mut DocTable) {
    let l = a.spec.lang;
    item(t, l.pick("Decision", "决定"), decision_text(a));
    let favorable = l.pick("Favorable outcome for the worker", "对劳动者有利的结果");
    if matches!(a.decision, DecisionValues::MultiClass { .. }) {
        item(
            t,
            favorable,
            l.pick(
                "not stated: the decision has several classes, each compared one-vs-rest",
                "未说明：决定有多个类别，逐类与其余类别比较",
            ),
        );
    } else if !matches!(a.decision, DecisionValues::Absent) {
        let (fav, adv) = (outcome(a, true), outcome(a, false));
        item(
            t,
            favorable,
            tr!(l, "{fav} (adverse: {adv})", "{fav}（不利结果：{adv}）"),
        );
    }
    item(t, l.pick("Score", "分数"), score_text(a));
    item(
        t,
        l.pick("True outcome (label)", "真实结果（标签）"),
        a.label.as_ref().map_or_else(
            || l.pick("none", "无").to_string(),
            |x| {
                let (c, p) = (&x.column, &x.positive);
                tr!(l, "{c} (positive = {p})", "{c}（正类 = {p}）")
            },
        ),
    );
}

/// The decision column and its values, or the score cut that makes the decision.
fn decision_text(a: &Audit) -> String {
    let l = a.spec.lang;
    match &a.decision {
        DecisionValues::Binary {
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
        DecisionValues::Threshold { score, threshold } => {
            let t = num(Some(*threshold));
            tr!(
                l,
                "derived from the score: {score} ≥ {t} is positive",
                "由分数得出：{score} ≥ {t} 为正向"
            )
        }
        DecisionValues::MultiClass { column, classes } => {
            let c = classes.join(l.pick(", ", "、"));
            let q = l.quote(column);
            tr!(
                l,
                "column {column}, classes {c} (each audited one-vs-rest)",
                "列{q}，类别 {c}（逐类与其余类别比较）"
            )
        }
        DecisionValues::Absent => l.pick("none", "无").into(),
    }
}

/// The score column, its favorable direction and threshold.
fn score_text(a: &Audit) -> String {
    let l = a.spec.lang;
    match &a.spec.score {
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
    }
}

/// The groups, the stage, the packs, the statistics, the reference and Candor itself.
fn setting_rows(a: &Audit, t: &mut DocTable) {
    let l = a.spec.lang;
    let mut attrs = a.spec.attributes.join(l.pick(", ", "、"));
    for i in &a.spec.intersections {
        attrs.push_str(l.pick("; ", "；"));
        attrs.push_str(&i.join(" & "));
    }
    item(t, l.pick("Group attributes", "群体属性"), attrs);
    item(
        t,
        l.pick("Decision stage", "决策阶段"),
        stage_text(a.spec.screen.stage.as_str(), l),
    );
    item(
        t,
        l.pick("Policy packs", "政策规则包"),
        if a.spec.screen.policy.is_empty() {
            l.pick("all built-in packs", "全部内置规则包").into()
        } else {
            a.spec.screen.policy.join(l.pick(", ", "、"))
        },
    );
    let (conf, alpha, corr, min, publ) = (
        level(a),
        a.spec.stats.alpha,
        correction(a),
        a.spec.min_group_size,
        a.spec.report.min_published_group,
    );
    item(
        t,
        l.pick("Statistics", "统计设置"),
        tr!(
            l,
            "{conf} intervals; significance level {alpha} after {corr} correction; groups under {min} workers are small (exact tests, never the reference); groups under {publ} workers are withheld",
            "{conf} 置信区间；经 {corr} 校正后的显著性水平 {alpha}；少于 {min} 人的群体为小群体（精确检验，不作参照组）；少于 {publ} 人的群体不予公布"
        ),
    );
    item(
        t,
        l.pick("Compared with", "比较基准"),
        text::reference_rule(a),
    );
    let (ver, seed, sha) = (
        &a.provenance.candor_version,
        a.provenance.seed,
        &a.provenance.spec_sha256,
    );
    item(
        t,
        l.pick("Candor", "Candor"),
        tr!(
            l,
            "version {ver}, seed {seed}, spec SHA-256 {sha}",
            "版本 {ver}，随机种子 {seed}，审计规格 SHA-256 {sha}"
        ),
    );
}

fn stage_text(code: &str, l: Lang) -> &'static str {
    match code {
        "recruitment" => l.pick("recruitment", "招聘"),
        "termination" => l.pick("termination", "解除劳动关系"),
        "post_termination" => l.pick("after termination", "劳动关系解除后"),
        _ => l.pick("employment", "在职期间"),
    }
}
