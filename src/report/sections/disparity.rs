//! Disparity by group: per attribute the favorable and adverse rates, the impact ratio and the
//! adverse-rate ratio with their intervals and verdicts, then the error rates when there is a
//! label; for a decision of several classes, each class's share and ratio instead.

use crate::audit::Audit;
use crate::data::DecisionValues;
use crate::i18n::fmt_p;
use crate::metrics::Metric;
use crate::report::doc::{DocTable, Section};
use crate::report::text::{self, group, level, outcome, pct, ratio3};

use super::cells::{
    Lookup, attributes, groups_of, headers, p_cell, pct_ci, ratio_ci, value, verdict_cell, withheld,
};
use crate::t;
use crate::ts;

pub(super) fn disparity_section(a: &Audit, m: &Lookup) -> Section {
    let l = a.spec.lang;
    let mut s = Section::new("disparity", ts!(l, "report.disparity.disparity_group"));
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
    t!(
        l,
        "report.disparity.favorable_rate_share_group_favorable",
        fav,
        adv,
        rule,
        lvl
    )
}

/// One table per attribute: per group the favorable and adverse rates, both ratios with their
/// intervals, the corrected p-value and the verdict.
fn rate_table(a: &Audit, m: &Lookup, ti: usize, attr: &str) -> DocTable {
    let l = a.spec.lang;
    let cols = headers(&[
        ts!(l, "report.disparity.col_group"),
        ts!(l, "report.disparity.col_n"),
        ts!(l, "report.disparity.col_favorable_rate"),
        ts!(l, "report.disparity.col_interval"),
        ts!(l, "report.disparity.col_adverse_rate"),
        ts!(l, "report.disparity.col_impact_ratio"),
        ts!(l, "report.disparity.col_interval"),
        ts!(l, "report.disparity.col_adverse_rate_ratio"),
        ts!(l, "report.disparity.col_interval"),
        ts!(l, "report.disparity.col_corrected_p"),
        ts!(l, "report.disparity.col_verdict"),
    ]);
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
    s.para(ts!(l, "report.disparity.error_rates_among_workers_whose"));
    for (ti, attr) in attributes(a).into_iter().enumerate() {
        let mut t = DocTable::new(
            format!("t-errors-{ti}"),
            t!(l, "report.disparity.error_rates", attr),
            headers(&[
                ts!(l, "report.disparity.col_group"),
                ts!(l, "report.disparity.col_false_positive_rate"),
                ts!(l, "report.disparity.col_interval"),
                ts!(l, "report.disparity.col_fpr_ratio"),
                ts!(l, "report.disparity.col_false_negative_rate"),
                ts!(l, "report.disparity.col_interval"),
                ts!(l, "report.disparity.col_fnr_ratio"),
            ]),
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
    s.para(ts!(
        l,
        "report.disparity.decision_has_several_classes_favorable"
    ));
    for (ti, attr) in attributes(a).into_iter().enumerate() {
        let mut cols = vec![ts!(l, "report.disparity.group").to_string(), "n".into()];
        for c in classes {
            cols.push(t!(l, "report.disparity.share", c));
            cols.push(t!(l, "report.disparity.ratio", c));
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
                        t!(
                            l,
                            "report.disparity.ratio_with_p",
                            ratio3 = ratio3(Some(v)),
                            p
                        )
                    }
                    None => "–".into(),
                });
            }
            t.push(row);
        }
        s.table(t);
    }
}
