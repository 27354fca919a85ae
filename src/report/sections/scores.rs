//! Scores: per attribute the scoring rates and their ratios, then quantiles and calibration
//! (from `audit.score_tables`).

use crate::audit::Audit;
use crate::metrics::Metric;
use crate::metrics::score_tables::{self, ScoreTables};
use crate::report::doc::{DocTable, Section};
use crate::report::num;
use crate::report::text::{self, group, pct, ratio3};
use crate::tr;

use super::cells::{Lookup, attributes, groups_of, headers, p_cell, ratio_ci, value, verdict_cell};

/// The score section: per attribute the scoring rates and their ratios, then quantiles and
/// calibration (from `audit.score_tables`).
pub(super) fn score_section(a: &Audit, m: &Lookup) -> Option<Section> {
    let l = a.spec.lang;
    let first = a.score_tables.first()?;
    let mut s = Section::new(
        "scores",
        l.pick("Score distribution and calibration", "分数分布与校准"),
    );
    s.para(scores_intro(a));
    for (ti, attr) in attributes(a).into_iter().enumerate() {
        s.table(scoring_table(a, m, ti, attr));
    }
    distribution_notes(a, first, &mut s);
    for (ti, t) in a.score_tables.iter().enumerate() {
        s.table(quantile_table(a, ti, t));
        if let Some(tab) = calibration_table(a, ti, t) {
            s.table(tab);
        }
    }
    Some(s)
}

/// The score column, its favorable side, and what the scoring rate is.
fn scores_intro(a: &Audit) -> String {
    let l = a.spec.lang;
    let col = l.quote(a.spec.score.as_ref().map_or("", |s| s.column.as_str()));
    let side = text::scoring_side(a);
    let dir = if a.spec.score.as_ref().is_none_or(|s| s.higher_is_favorable) {
        l.pick(
            "a high score is favorable to the worker",
            "高分对劳动者有利",
        )
    } else {
        l.pick("a low score is favorable to the worker", "低分对劳动者有利")
    };
    tr!(
        l,
        "Score column {col}: {dir}. Scoring rate: the share of the group scoring {side}; scoring-rate ratio: that share divided by the reference's.",
        "分数列：{col}；{dir}。得分率：本组中分数{side}者所占比例；得分率影响比：该比例除以参照组的比例。"
    )
}

/// Per group of one attribute: mean, median, scoring rate, its ratio with interval, corrected
/// p and verdict.
fn scoring_table(a: &Audit, m: &Lookup, ti: usize, attr: &str) -> DocTable {
    let l = a.spec.lang;
    let mut t = DocTable::new(
        format!("t-scoring-{ti}"),
        tr!(l, "{attr}: scores", "{attr}：分数"),
        headers(
            l,
            &[
                "Group",
                "n",
                "Mean",
                "Median",
                "Scoring rate",
                "Scoring-rate ratio",
                "Interval",
                "Corrected p",
                "Verdict",
            ],
            &[
                "群体",
                "人数",
                "平均分",
                "中位数",
                "得分率",
                "得分率影响比",
                "置信区间",
                "校正后 p 值",
                "结论",
            ],
        ),
    );
    for g in groups_of(a, attr) {
        let get = |x: Metric| m.get(attr, &g.group, x);
        let sir = get(Metric::ScoringImpactRatio);
        t.push(vec![
            group(&g.group, l),
            g.n.to_string(),
            num(value(get(Metric::MeanScore))),
            num(value(get(Metric::MedianScore))),
            pct(value(get(Metric::ScoringRate)), l),
            ratio3(value(sir)),
            ratio_ci(sir),
            p_cell(sir, l),
            verdict_cell(sir, l),
        ]);
    }
    t
}

/// What a quantile is and, when any group has calibration bins, how the bins are cut (from the
/// first score table).
fn distribution_notes(a: &Audit, first: &ScoreTables, s: &mut Section) {
    let l = a.spec.lang;
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
}

/// The score quantiles of each group of one score table.
fn quantile_table(a: &Audit, ti: usize, t: &ScoreTables) -> DocTable {
    let l = a.spec.lang;
    let mut cols: Vec<String> = vec![l.pick("Group", "群体").into(), l.pick("n", "人数").into()];
    for q in score_tables::QUANTILES {
        cols.push(if q == 0.5 {
            l.pick("median", "中位数").into()
        } else {
            let p = num(Some(q * 100.0));
            tr!(l, "{p} %", "{p}% 分位数")
        });
    }
    cols.push(l.pick("Note", "说明").into());
    let attr = &t.attribute;
    let mut tab = DocTable::new(
        format!("t-quantiles-{ti}"),
        tr!(l, "{attr}: score quantiles", "{attr}：分数分位数"),
        cols,
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
    tab
}

/// The share with a positive label per score bin of each group of one score table, or nothing
/// when no group has bins.
fn calibration_table(a: &Audit, ti: usize, t: &ScoreTables) -> Option<DocTable> {
    let l = a.spec.lang;
    let attr = &t.attribute;
    let edges: Vec<(f64, f64)> = t
        .groups
        .iter()
        .find(|g| !g.calibration.is_empty())
        .map(|g| g.calibration.iter().map(|b| (b.low, b.high)).collect())
        .unwrap_or_default();
    if edges.is_empty() {
        return None;
    }
    let mut cols: Vec<String> = vec![l.pick("Group", "群体").into()];
    cols.extend(
        edges
            .iter()
            .map(|(lo, hi)| format!("{}–{}", num(Some(*lo)), num(Some(*hi)))),
    );
    let mut tab = DocTable::new(
        format!("t-calibration-{ti}"),
        tr!(
            l,
            "{attr}: share with a positive label by score bin (rows)",
            "{attr}：各分数分箱的实际正类标签比例（记录数）"
        ),
        cols,
    );
    for g in t.groups.iter().filter(|g| !g.calibration.is_empty()) {
        let mut r = vec![group(&g.group, l)];
        r.extend(g.calibration.iter().map(|b| {
            let rate = b.positive_rate.map_or("–".into(), |x| num(Some(x)));
            tr!(l, "{rate} ({})", "{rate}（{}）", b.n)
        }));
        tab.push(r);
    }
    Some(tab)
}
