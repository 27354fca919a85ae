//! The model handed over (`--model`): the agreement check, the flip tests and the rates with
//! the restricted inputs neutralised. The data holds codes; the words are here.

use crate::audit::Audit;
use crate::i18n::Lang;
use crate::model::Probe;
use crate::model::agreement::Share;
use crate::model::flip::{FlipReason, FlipTest};
use crate::report::doc::{DocTable, Section};
use crate::report::text::{group, ratio3};
use crate::spec::{ModelOutput, Neutral};
use crate::tr;

use super::cells::{headers, withheld};

/// A share as a percentage with enough decimals for small shares (0.04 %, 6.6 %).
fn share_pct(x: Option<f64>, l: Lang) -> String {
    match x {
        None => "–".into(),
        Some(v) if v > 0.0 && v < 0.01 => tr!(l, "{:.2} %", "{:.2}%", v * 100.0),
        Some(v) => tr!(l, "{:.1} %", "{:.1}%", v * 100.0),
    }
}

fn ci_pct(s: &Share, l: Lang) -> String {
    match &s.ci {
        Some(i) => format!(
            "{}–{}",
            share_pct(Some(i.low), l),
            share_pct(Some(i.high), l)
        ),
        None => "–".into(),
    }
}

/// "1,323 of 20,000 (6.6 %, 95 % exact interval 6.3–7.0 %)", or withheld.
fn count_cell(s: &Share, a: &Audit) -> String {
    let l = a.spec.lang;
    match s.count {
        Some(c) => tr!(
            l,
            "{c} of {} workers ({}; 95 % exact interval {})",
            "{} 人中的 {c} 人（{}；95% 精确区间 {}）",
            s.n,
            share_pct(s.share, l),
            ci_pct(s, l)
        ),
        None => withheld(a),
    }
}

fn output_words(o: ModelOutput, l: Lang) -> &'static str {
    match o {
        ModelOutput::Label => l.pick("the predicted class", "预测类别"),
        ModelOutput::Probability => l.pick(
            "the probability of the positive class, against the threshold",
            "正类概率（与阈值比较）",
        ),
        ModelOutput::Score => l.pick("the score, against the threshold", "分数（与阈值比较）"),
    }
}

fn reason_words(f: &FlipTest, l: Lang) -> String {
    match (f.reason, &f.attribute) {
        (FlipReason::ProhibitedInput, _) => l.pick("flagged by the screening", "被筛查标记").into(),
        (FlipReason::Proxy, Some(a)) => tr!(l, "stands in for {a}", "替代 {a}"),
        (FlipReason::Proxy, None) => l.pick("a proxy", "替代变量").into(),
        (FlipReason::ProtectedAttribute, _) => l.pick("a protected attribute", "受保护属性").into(),
    }
}

fn neutral_words(code: &str, attribute: Option<&str>, l: Lang) -> String {
    match (code, attribute) {
        ("median", Some(a)) => tr!(
            l,
            "median of the workers outside the worker's {a} group",
            "该员工所在 {a} 群体以外员工的中位数"
        ),
        ("median", None) => l.pick("median of all workers", "全体员工的中位数").into(),
        ("permute", _) => l
            .pick(
                "shuffled across workers (seeded)",
                "在员工间随机置换（固定种子）",
            )
            .into(),
        ("reference", _) => l
            .pick(
                "each decile of the reference group, in turn",
                "依次取参照群体的各十分位数",
            )
            .into(),
        _ => l
            .pick("each of its other values, in turn", "依次取其他各个值")
            .into(),
    }
}

fn agreement_part(s: &mut Section, a: &Audit, p: &Probe) {
    let l = a.spec.lang;
    let Some(ag) = &p.agreement else {
        s.para(l.pick(
            "The table holds no two-valued decision, so the model could not be checked against it.",
            "数据表中没有二值决定，因此无法将模型与之核对。",
        ));
        return;
    };
    let tol = share_pct(Some(ag.tolerance), l);
    s.para(tr!(
        l,
        "Check first: the model reproduces the recorded decision for {}. It decides {} workers positive where the table records {}: {} recorded positive decisions are not reproduced and {} are added.",
        "首先核对：模型重现了 {} 的记录决定。模型判定 {} 人为正类，而数据表记录为 {} 人：{} 个记录的正类决定未被重现，另有 {} 个为模型新增。",
        count_cell(&ag.decision, a),
        ag.model_positive,
        ag.recorded_positive,
        ag.missed,
        ag.extra
    ));
    if ag.mismatch {
        s.para(tr!(
            l,
            "Finding: more than {tol} of the decisions differ. The model handed over may not be the one that decided: the flip tests below describe this model, not necessarily the decisions in the table.",
            "发现：超过 {tol} 的决定不一致。移交的模型可能并非作出这些决定的模型：下文的翻转检验描述的是该模型，未必是数据表中的决定。"
        ));
    } else {
        s.para(tr!(
            l,
            "The decisions that differ are within the tolerance of {tol}.",
            "不一致的决定在 {tol} 的容差之内。"
        ));
    }
    if let Some(sc) = &ag.score {
        s.para(tr!(
            l,
            "Scores: for {}, the model's value is within {} of the recorded score (largest difference {}).",
            "分数：{} 的模型输出与记录分数之差不超过 {}（最大差值 {}）。",
            count_cell(sc, a),
            ag.score_tolerance,
            ag.score_max_difference.map_or_else(|| "–".into(), |d| format!("{d:.6}"))
        ));
    }
    let mut t = DocTable::new(
        "model-agreement",
        l.pick(
            "Agreement with the recorded decisions, by group",
            "与记录决定的一致率（按群体）",
        ),
        headers(
            l,
            &[
                "Attribute",
                "Group",
                "Workers",
                "Agreement",
                "95 % exact interval",
            ],
            &["属性", "群体", "人数", "一致率", "95% 精确区间"],
        ),
    );
    for g in &ag.by_group {
        t.push(vec![
            g.attribute.clone(),
            group(&g.group, l),
            g.share.n.to_string(),
            if g.share.count.is_some() {
                share_pct(g.share.share, l)
            } else {
                withheld(a)
            },
            ci_pct(&g.share, l),
        ]);
    }
    s.table(t);
}

fn flips_part(s: &mut Section, a: &Audit, p: &Probe) {
    let l = a.spec.lang;
    if p.flips.is_empty() {
        s.para(l.pick(
            "The model reads none of the inputs the screening flagged (restricted by law or standing in for a protected group) and no protected attribute: there is nothing to flip.",
            "模型未读取筛查标记的输入（受法律限制或替代受保护群体）或受保护属性：无可翻转的输入。",
        ));
        return;
    }
    s.para(l.pick(
        "Flip tests: each input below is set to a neutral value for every worker, the model is run again, and the decisions that change are counted. A count of 0 shows that, for these workers, the model's decision does not depend on the input set this way; a positive count shows that it does, for that many workers.",
        "翻转检验：对每位员工把下列每项输入设为中性值，重新运行模型，统计发生改变的决定。计数为 0 表示对这些员工而言，模型的决定不取决于以此方式设定的该输入；计数为正表示对相应人数的员工，决定取决于该输入。",
    ));
    let mut t = DocTable::new(
        "model-flips",
        l.pick(
            "Decisions that change when one input is neutralised",
            "中和单项输入后改变的决定",
        ),
        headers(
            l,
            &[
                "Input",
                "Why tested",
                "Neutral value",
                "Decisions changed",
                "Now favorable",
                "Now adverse",
            ],
            &[
                "输入",
                "检验原因",
                "中性值",
                "改变的决定",
                "变为有利",
                "变为不利",
            ],
        ),
    );
    for f in &p.flips {
        t.push(vec![
            f.column.clone(),
            reason_words(f, l),
            neutral_words(&f.neutral, f.attribute.as_deref(), l),
            count_cell(&f.changed, a),
            f.to_favorable.to_string(),
            f.to_adverse.to_string(),
        ]);
    }
    s.table(t);
    let mut cols = headers(
        l,
        &["Attribute", "Group", "Workers"],
        &["属性", "群体", "人数"],
    );
    cols.extend(p.flips.iter().map(|f| f.column.clone()));
    let mut g = DocTable::new(
        "model-flips-groups",
        l.pick(
            "Share of each group's decisions that change, by input",
            "各群体中决定改变的比例（按输入）",
        ),
        cols,
    );
    let rows = p.flips.first().map_or(0, |f| f.by_group.len());
    for r in 0..rows {
        let first = &p.flips[0].by_group[r];
        let mut cells = vec![
            first.attribute.clone(),
            group(&first.group, l),
            first.share.n.to_string(),
        ];
        for f in &p.flips {
            cells.push(f.by_group.get(r).map_or_else(
                || "–".into(),
                |x| {
                    if x.share.count.is_some() {
                        share_pct(x.share.share, l)
                    } else {
                        withheld(a)
                    }
                },
            ));
        }
        g.push(cells);
    }
    s.table(g);
}

fn neutralised_part(s: &mut Section, a: &Audit, p: &Probe) {
    let l = a.spec.lang;
    let Some(nz) = &p.neutralised else {
        return;
    };
    s.para(tr!(
        l,
        "With all {} flagged inputs neutralised at once ({}), the decision changes for {}. The table shows what the groups' outcomes would be without them: the rate of the favorable outcome, and both ratios against the reference group (the group with the highest favorable rate under the model as it is).",
        "同时中和全部 {} 项被标记的输入（{}）后，决定发生改变的有 {}。下表显示去除这些输入后各群体的结果：有利结果的比例，以及相对参照群体（现模型下有利比例最高的群体）的两种比值。",
        nz.columns.len(),
        nz.columns.join(", "),
        count_cell(&nz.changed, a)
    ));
    let mut t = DocTable::new(
        "model-neutralised",
        l.pick(
            "Outcomes with the flagged inputs neutralised",
            "中和被标记输入后的结果",
        ),
        headers(
            l,
            &[
                "Attribute",
                "Group",
                "Workers",
                "Favorable now",
                "Favorable without",
                "Impact ratio now",
                "Impact ratio without",
                "Adverse-rate ratio now",
                "Adverse-rate ratio without",
            ],
            &[
                "属性",
                "群体",
                "人数",
                "现有利比例",
                "去除后有利比例",
                "现影响比",
                "去除后影响比",
                "现不利比例比",
                "去除后不利比例比",
            ],
        ),
    );
    for g in &nz.groups {
        let shown = g.favorable_before.is_some();
        let name = if g.reference {
            tr!(l, "{} (reference)", "{}（参照）", group(&g.group, l))
        } else {
            group(&g.group, l)
        };
        let cell = |x: Option<f64>| if shown { ratio3(x) } else { withheld(a) };
        t.push(vec![
            g.attribute.clone(),
            name,
            g.n.to_string(),
            if shown {
                share_pct(g.favorable_before, l)
            } else {
                withheld(a)
            },
            if shown {
                share_pct(g.favorable_after, l)
            } else {
                withheld(a)
            },
            cell(g.impact_ratio_before),
            cell(g.impact_ratio_after),
            cell(g.adverse_ratio_before),
            cell(g.adverse_ratio_after),
        ]);
    }
    s.table(t);
}

/// The section, when a model was handed over.
pub(super) fn model_section(a: &Audit) -> Option<Section> {
    let p = a.model.as_ref()?;
    let l = a.spec.lang;
    let mut s = Section::new("model", l.pick("The model handed over", "移交的模型"));
    s.para(tr!(
        l,
        "Candor ran the model itself ({}, SHA-256 {}) with ONNX Runtime on all {} workers, feeding it the columns {} and reading {} (output '{}'). What follows is about this model; it is exact for these workers, not an estimate from a stand-in.",
        "Candor 使用 ONNX Runtime 在全部 {2} 名员工上运行了模型本身（{0}，SHA-256 {1}），输入列为 {3}，读取{4}（输出“{5}”）。以下内容针对该模型；对这些员工而言是精确结果，而非替代模型的估计。",
        p.model.file,
        p.model.sha256,
        p.rows,
        p.model.columns.join(", "),
        output_words(p.model.output, l),
        p.model.output_name
    ));
    agreement_part(&mut s, a, p);
    flips_part(&mut s, a, p);
    neutralised_part(&mut s, a, p);
    if p.neutral == Neutral::Permute {
        s.para(tr!(
            l,
            "The permutation uses the audit's seed ({}): the same seed gives the same counts.",
            "置换使用审计种子（{}）：相同种子得到相同计数。",
            a.spec.stats.seed
        ));
    }
    Some(s)
}
