//! The charts section: which charts the report shows, as data ([`Chart`]). Per attribute the
//! favorable rate, the impact ratio, the adverse-rate ratio and (with a label) the error rates,
//! then the score distribution and calibration; per two-way intersection a heat map of impact
//! ratios. The HTML writer draws them; Markdown points to audit.html.

use crate::audit::Audit;
use crate::metrics::{FIVE_FOURTHS, FOUR_FIFTHS, Metric, MetricRow};
use crate::report::doc::{Block, Chart, Section};
use crate::report::num;
use crate::report::plots::{Bar, CdfGroup};
use crate::report::text::{group, level};

use super::cells::{Lookup, attributes, groups_of};
use crate::t;
use crate::ts;

pub(super) fn charts_section(a: &Audit, ix: &Lookup) -> Section {
    let l = a.spec.lang;
    let mut c = Section::new("charts", ts!(l, "report.charts.charts"));
    c.blocks.push(Block::Charts(charts(a, ix)));
    c
}

/// Every chart, attribute by attribute.
fn charts(a: &Audit, ix: &Lookup) -> Vec<Chart> {
    let mut out = Vec::new();
    for attr in attributes(a) {
        let groups: Vec<&str> = groups_of(a, attr).map(|g| g.group.as_str()).collect();
        if attr.contains(" & ") {
            out.extend(heatmap(a, ix, attr, &groups));
            continue;
        }
        out.extend(rate_charts(a, ix, attr, &groups));
        out.extend(score_charts(a, attr));
    }
    out
}

/// The overall metric `m` of group `g` of `attr`, from the report's index of the metric rows
/// (a search of every row for each group would be quadratic in the number of groups).
fn find<'a>(ix: &Lookup<'a>, attr: &str, g: &str, m: Metric) -> Option<&'a MetricRow> {
    ix.get(attr, g, m)
}

/// A metric's value and interval as a bar; a missing value is not a number (drawn "n/a").
fn bar(label: &str, r: Option<&MetricRow>) -> Bar {
    Bar {
        label: label.to_string(),
        value: r.and_then(|r| r.value).unwrap_or(f64::NAN),
        low: r.and_then(|r| r.ci_low),
        high: r.and_then(|r| r.ci_high),
    }
}

/// The favorable rates, the impact ratios, the adverse-rate ratios and the error rates of one
/// attribute's groups; a ratio chart without any value and an error chart without any group
/// are left out.
fn rate_charts(a: &Audit, ix: &Lookup<'_>, attr: &str, groups: &[&str]) -> Vec<Chart> {
    let l = a.spec.lang;
    let lvl = level(a);
    let bars = |m: Metric| -> Vec<Bar> {
        groups
            .iter()
            .map(|g| bar(&group(g, l), find(ix, attr, g, m)))
            .collect()
    };
    let mut out = Vec::new();
    let fav: Vec<Bar> = groups
        .iter()
        .map(|g| {
            bar(
                &group(g, l),
                find(ix, attr, g, Metric::FavorableRate)
                    .or_else(|| find(ix, attr, g, Metric::SelectionRate)),
            )
        })
        .collect();
    out.push(Chart::RateBars {
        title: t!(l, "report.charts.favorable_rate_interval", attr, lvl),
        x_label: ts!(l, "report.charts.share_group_receiving_favorable_decision").into(),
        bars: fav,
    });
    let ir = bars(Metric::ImpactRatio);
    if ir.iter().any(|b| b.value.is_finite()) {
        out.push(Chart::RatioBars {
            title: t!(l, "report.charts.impact_ratio_interval", attr, lvl),
            bars: ir,
        });
    }
    let ar = bars(Metric::AdverseRateRatio);
    if ar.iter().any(|b| b.value.is_finite()) {
        out.push(Chart::AdverseRatioBars {
            title: t!(l, "report.charts.adverse_rate_ratio_interval", attr, lvl),
            bars: ar,
        });
    }
    let err: Vec<(String, Bar, Bar)> = groups
        .iter()
        .filter_map(|g| {
            let (f, n) = (
                find(ix, attr, g, Metric::Fpr)?,
                find(ix, attr, g, Metric::Fnr)?,
            );
            Some((group(g, l), bar("FPR", Some(f)), bar("FNR", Some(n))))
        })
        .collect();
    if !err.is_empty() {
        out.push(Chart::PairedBars {
            title: t!(l, "report.charts.error_rates_interval", attr, lvl),
            x_label: ts!(l, "report.charts.rate").into(),
            names: (
                ts!(l, "report.charts.false_positive_rate").into(),
                ts!(l, "report.charts.false_negative_rate").into(),
            ),
            groups: err,
        });
    }
    out
}

/// The row and column values of a two-way intersection's groups (`row & column`), each once in
/// order of appearance. Missing values are never a compared cell: no row or column for them.
fn heat_axes(groups: &[&str]) -> (Vec<String>, Vec<String>) {
    let mut rows: Vec<String> = Vec::new();
    let mut cols: Vec<String> = Vec::new();
    for g in groups {
        if let Some((r, c)) = g.split_once(" & ")
            && r != crate::data::UNKNOWN
            && c != crate::data::UNKNOWN
        {
            if !rows.iter().any(|x| x == r) {
                rows.push(r.to_string());
            }
            if !cols.iter().any(|x| x == c) {
                cols.push(c.to_string());
            }
        }
    }
    (rows, cols)
}

/// The heat map of a two-way intersection's impact ratios, a cell starred when either ratio is
/// beyond the four-fifths line; none for an intersection of more than two attributes.
fn heatmap(a: &Audit, ix: &Lookup<'_>, attr: &str, groups: &[&str]) -> Option<Chart> {
    let l = a.spec.lang;
    let parts: Vec<&str> = attr.split(" & ").collect();
    let &[r, c] = parts.as_slice() else {
        return None;
    };
    let (rows, cols) = heat_axes(groups);
    let ratio = |row: &str, col: &str, m: Metric| {
        find(ix, attr, &format!("{row} & {col}"), m).and_then(|m| m.value)
    };
    let values: Vec<Vec<Option<f64>>> = rows
        .iter()
        .map(|row| {
            cols.iter()
                .map(|col| ratio(row, col, Metric::ImpactRatio))
                .collect()
        })
        .collect();
    let marks: Vec<Vec<bool>> = rows
        .iter()
        .map(|row| {
            cols.iter()
                .map(|col| {
                    let ir = ratio(row, col, Metric::ImpactRatio);
                    let ar = ratio(row, col, Metric::AdverseRateRatio);
                    ir.is_some_and(|v| v < FOUR_FIFTHS) || ar.is_some_and(|v| v > FIVE_FOURTHS)
                })
                .collect()
        })
        .collect();
    Some(Chart::Heatmap {
        title: t!(l, "report.charts.impact_ratio_rows_columns", attr, r, c),
        rows: rows.iter().map(|x| group(x, l)).collect(),
        cols: cols.iter().map(|x| group(x, l)).collect(),
        values,
        marks,
    })
}

/// The score distribution and calibration charts of one attribute, from its score tables;
/// suppressed groups and bins are left out.
fn score_charts(a: &Audit, attr: &str) -> Vec<Chart> {
    let l = a.spec.lang;
    let mut out = Vec::new();
    let Some(t) = a.score_tables.iter().find(|t| t.attribute == attr) else {
        return out;
    };
    let col = l.quote(a.spec.score.as_ref().map_or("", |s| s.column.as_str()));
    let (lo, hi) = (num(Some(t.low)), num(Some(t.high)));
    let x_label = if t.probability_scale {
        t!(l, "report.charts.score_0_1", col)
    } else {
        t!(l, "report.charts.score_score_s_own_unit", col, lo, hi)
    };
    let cdfs: Vec<CdfGroup> = t
        .groups
        .iter()
        .filter(|g| g.suppressed.is_none())
        .map(|g| {
            let pts = g.cdf.iter().map(|p| (p.score, p.share)).collect();
            (group(&g.group, l), g.n, pts)
        })
        .collect();
    out.push(Chart::CdfLines {
        title: t!(l, "report.charts.score_distribution_share_each_group", attr),
        x_label,
        range: (t.low, t.high),
        groups: cdfs,
    });
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
            (group(&g.group, l), pts)
        })
        .collect();
    let label = l.quote(a.spec.label.as_ref().map_or("", |x| x.column.as_str()));
    let cal_x = t!(l, "report.charts.mean_score_bin_score_s", col, lo, hi);
    out.push(Chart::Calibration {
        title: t!(
            l,
            "report.charts.calibration_share_positive_label_per",
            attr,
            label
        ),
        groups: points,
        scale: (!t.probability_scale).then_some((t.low, t.high, cal_x)),
    });
    out
}
