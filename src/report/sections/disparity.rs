//! Disparity by group: per attribute the favorable and adverse rates, the impact ratio and the
//! adverse-rate ratio with their intervals and verdicts, then the error rates when there is a
//! label; for a decision of several classes, each class's share and ratio instead.

use crate::audit::Audit;
use crate::data::DecisionValues;
use crate::i18n::fmt_p;
use crate::metrics::Metric;
use crate::report::doc::{DocTable, Section};
use crate::report::text::{self, group, level, outcome, pct, ratio3};
use crate::tr;

use super::cells::{
    Lookup, attributes, groups_of, headers, p_cell, pct_ci, ratio_ci, value, verdict_cell, withheld,
};

pub(super) fn disparity_section(a: &Audit, m: &Lookup) -> Section {
    let l = a.spec.lang;
    let mut s = Section::new("disparity", l.pick("Disparity by group", "各群体差异"));
    match &a.decision {
        DecisionValues::MultiClass { classes, .. } => class_tables(a, classes, &mut s),
        _ => {
            s.para(rates_intro(a));
            for (ti, attr) in attributes(a).into_iter().enumerate() {
                s.table(rate_table(a, m, ti, attr));
            }
            if a.label.is_some() {
                error_tables(a, m, &mut s);
            }
        }
    }
    s
}

/// What the rates and ratios of a two-way decision are, and when a gap is beyond the line.
fn rates_intro(a: &Audit) -> String {
    let l = a.spec.lang;
    let (fav, adv, lvl) = (outcome(a, true), outcome(a, false), level(a));
    let rule = text::reference_rule(a);
    tr!(
        l,
        "Favorable rate: the share of the group with the favorable outcome ({fav}); adverse rate: the share with the adverse outcome ({adv}). Impact ratio: the group's favorable rate divided by that of {rule}; adverse-rate ratio: the same for the adverse rate. A gap is beyond the four-fifths line when the impact ratio is below 0.8 or the adverse-rate ratio above 1.25. 'No disparity' is said only when both intervals lie within 0.8–1.25. Intervals are {lvl}; p-values are corrected for every comparison of the audit.",
        "有利结果率：本组中获得有利结果（{fav}）者所占比例；不利结果率：受到不利结果（{adv}）者所占比例。影响比：本组有利结果率除以{rule}的有利结果率；不利结果率之比同理。影响比低于 0.8 或不利结果率之比高于 1.25，即差距超出五分之四界线。只有两个置信区间都落在 0.8–1.25 之内，才判定“无差异”。区间均为 {lvl} 置信区间；p 值均已对本次审计的全部比较作多重比较校正。"
    )
}

/// One table per attribute: per group the favorable and adverse rates, both ratios with their
/// intervals, the corrected p-value and the verdict.
fn rate_table(a: &Audit, m: &Lookup, ti: usize, attr: &str) -> DocTable {
    let l = a.spec.lang;
    let cols = headers(
        l,
        &[
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
        ],
        &[
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
        ],
    );
    let mut t = DocTable::new(format!("t-disparity-{ti}"), attr.to_string(), cols);
    for g in groups_of(a, attr) {
        let get = |x: Metric| m.get(attr, &g.group, x);
        let (fr, ar) = (get(Metric::FavorableRate), get(Metric::AdverseRate));
        let (ir, arr) = (get(Metric::ImpactRatio), get(Metric::AdverseRateRatio));
        t.push(vec![
            group(&g.group, l),
            g.n.to_string(),
            if g.status == "withheld" {
                withheld(a)
            } else {
                pct(value(fr), l)
            },
            pct_ci(fr, l),
            pct(value(ar), l),
            ratio3(value(ir)),
            ratio_ci(ir),
            ratio3(value(arr)),
            ratio_ci(arr),
            p_cell(ir, l),
            verdict_cell(ir, l),
        ]);
    }
    t
}

/// The error rates (false positive and false negative) per attribute, with their ratios.
fn error_tables(a: &Audit, m: &Lookup, s: &mut Section) {
    let l = a.spec.lang;
    s.para(l.pick(
        "Error rates: among workers whose true outcome (label) is negative, the false positive rate is the share given the positive decision; among those whose label is positive, the false negative rate is the share given the negative decision. The findings compare, in each label stratum, the rate of the adverse outcome.",
        "错误率：在真实结果（标签）为负类的劳动者中，假阳性率为获得正向决定者所占比例；在标签为正类的劳动者中，假阴性率为获得负向决定者所占比例。发现部分在每个标签层内比较不利结果的比率。",
    ));
    for (ti, attr) in attributes(a).into_iter().enumerate() {
        let mut t = DocTable::new(
            format!("t-errors-{ti}"),
            tr!(l, "{attr}: error rates", "{attr}：错误率"),
            headers(
                l,
                &[
                    "Group",
                    "False positive rate",
                    "Interval",
                    "FPR ratio",
                    "False negative rate",
                    "Interval",
                    "FNR ratio",
                ],
                &[
                    "群体",
                    "假阳性率",
                    "置信区间",
                    "假阳性率之比",
                    "假阴性率",
                    "置信区间",
                    "假阴性率之比",
                ],
            ),
        );
        for g in groups_of(a, attr) {
            let get = |x: Metric| m.get(attr, &g.group, x);
            let (fpr, fnr) = (get(Metric::Fpr), get(Metric::Fnr));
            t.push(vec![
                group(&g.group, l),
                pct(value(fpr), l),
                pct_ci(fpr, l),
                ratio3(value(get(Metric::FprRatio))),
                pct(value(fnr), l),
                pct_ci(fnr, l),
                ratio3(value(get(Metric::FnrRatio))),
            ]);
        }
        s.table(t);
    }
}

/// A decision of several classes: per attribute and class, each group's share with the class
/// and that share's ratio to the reference's (corrected p in brackets).
fn class_tables(a: &Audit, classes: &[String], s: &mut Section) {
    let l = a.spec.lang;
    s.para(l.pick(
        "The decision has several classes and the favorable one is not stated: each table gives, per class, the share of the group that got it and that share divided by the reference's (the corrected p-value in brackets).",
        "该决定有多个类别，且未说明哪一类别对劳动者有利：各表按类别列出本组得到该类别的比例，以及该比例除以参照组比例的比值（括号内为校正后 p 值）。",
    ));
    for (ti, attr) in attributes(a).into_iter().enumerate() {
        let mut cols = vec![l.pick("Group", "群体").to_string(), "n".into()];
        for c in classes {
            cols.push(tr!(l, "{c}: share", "{c}：比例"));
            cols.push(tr!(l, "{c}: ratio", "{c}：比值"));
        }
        let mut t = DocTable::new(format!("t-disparity-{ti}"), attr.to_string(), cols);
        for g in groups_of(a, attr) {
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
                row.push(pct(value(find(Metric::SelectionRate)), l));
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
