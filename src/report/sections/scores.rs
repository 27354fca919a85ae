//! Scores: per attribute the scoring rates and their ratios, then quantiles and calibration
//! (from `audit.score_tables`).

use crate::audit::Audit;
use crate::metrics::Metric;
use crate::metrics::score_tables::{self, ScoreTables};
use crate::report::doc::{DocTable, Section};
use crate::report::num;
use crate::report::text::{self, group, pct, ratio3};

use super::cells::{Lookup, attributes, groups_of, headers, p_cell, ratio_ci, value, verdict_cell};
use crate::t;
use crate::ts;

/// The score section: per attribute the scoring rates and their ratios, then quantiles and
/// calibration (from `audit.score_tables`).
pub(super) fn score_section(a: &Audit, m: &Lookup) -> Option<Section> {
    let l = a.spec.lang;
    let first = a.score_tables.first()?;
    let mut s = Section::new(
        "scores",
        ts!(l, "report.scores.score_distribution_calibration"),
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
        ts!(l, "report.scores.high_score_favorable_worker")
    } else {
        ts!(l, "report.scores.low_score_favorable_worker")
    };
    t!(
        l,
        "report.scores.score_column_scoring_rate_share",
        col,
        dir,
        side
    )
}

/// Per group of one attribute: mean, median, scoring rate, its ratio with interval, corrected
/// p and verdict.
fn scoring_table(a: &Audit, m: &Lookup, ti: usize, attr: &str) -> DocTable {
    let l = a.spec.lang;
    let mut t = DocTable::new(
        format!("t-scoring-{ti}"),
        t!(l, "report.scores.scores", attr),
        headers(&[
            ts!(l, "report.scores.col_group"),
            ts!(l, "report.scores.col_n"),
            ts!(l, "report.scores.col_mean"),
            ts!(l, "report.scores.col_median"),
            ts!(l, "report.scores.col_scoring_rate"),
            ts!(l, "report.scores.col_scoring_rate_ratio"),
            ts!(l, "report.scores.col_interval"),
            ts!(l, "report.scores.col_corrected_p"),
            ts!(l, "report.scores.col_verdict"),
        ]),
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
    s.para(t!(l, "report.scores.quantile_score_below_which_given", min));
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
        s.para(t!(
            l,
            "report.scores.calibration_score_range_cut_into",
            lo,
            hi,
            bins,
            label,
            min
        ));
    }
}

/// The score quantiles of each group of one score table.
fn quantile_table(a: &Audit, ti: usize, t: &ScoreTables) -> DocTable {
    let l = a.spec.lang;
    let mut cols: Vec<String> = vec![
        ts!(l, "report.scores.group").into(),
        ts!(l, "report.scores.col_n").into(),
    ];
    for q in score_tables::QUANTILES {
        cols.push(if q == 0.5 {
            ts!(l, "report.scores.median").into()
        } else {
            let p = num(Some(q * 100.0));
            t!(l, "report.scores.p_percent", p)
        });
    }
    cols.push(ts!(l, "report.scores.note").into());
    let attr = &t.attribute;
    let mut tab = DocTable::new(
        format!("t-quantiles-{ti}"),
        t!(l, "report.scores.score_quantiles", attr),
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
    let mut cols: Vec<String> = vec![ts!(l, "report.scores.group").into()];
    cols.extend(
        edges
            .iter()
            .map(|(lo, hi)| format!("{}–{}", num(Some(*lo)), num(Some(*hi)))),
    );
    let mut tab = DocTable::new(
        format!("t-calibration-{ti}"),
        t!(l, "report.scores.share_positive_label_score_bin", attr),
        cols,
    );
    for g in t.groups.iter().filter(|g| !g.calibration.is_empty()) {
        let mut r = vec![group(&g.group, l)];
        r.extend(g.calibration.iter().map(|b| {
            let rate = b.positive_rate.map_or("–".into(), |x| num(Some(x)));
            t!(l, "report.scores.rate_paren_n", rate, n = b.n)
        }));
        tab.push(r);
    }
    Some(tab)
}
