//! Score charts: distributions as lines per group ([`score_cdfs`], [`cdf_lines`]) and
//! calibration ([`calibration`]), each group in its own colour, dash pattern and marker.

use plotters::prelude::*;

use super::kit::{
    Heading, Plot, derr, draw_line, draw_marker, drawable, fmt_tick, ink_axes, render,
};
use super::legend::{LEGEND_GAP, Sample, draw_legend, legend_height};
use super::style::{GREY, LINES, MAX_GROUPS, MAX_LABEL, PALETTE, WIDTH};
use super::wrap::truncate;
use crate::i18n::Lang;
use crate::t;
use crate::ts;

/// Height of the plot of a line chart with its x axis, in pixels.
const LINE_PLOT_H: u32 = 430;

/// Heading note when groups beyond [`MAX_GROUPS`] are left out.
fn groups_note(total: usize, lang: Lang) -> Option<String> {
    (total > MAX_GROUPS).then(|| {
        t!(
            lang,
            "report.plots.lines.showing_first_groups",
            MAX_GROUPS,
            total
        )
    })
}

/// Keeps the first [`MAX_GROUPS`] groups and heads the chart with `title` and, when groups were
/// left out, a note saying so.
fn keep_first_groups<T>(data: &mut Vec<T>, title: &str, lang: Lang) -> Heading {
    let total = data.len();
    data.truncate(MAX_GROUPS);
    Heading::new(title, groups_note(total, lang))
}

/// The points with both coordinates finite, shares clamped to [0, 1] and, given `x_range`, x
/// clamped to it; sorted by x, then by share.
fn finite_points(pts: &[(f64, f64)], x_range: Option<(f64, f64)>) -> Vec<(f64, f64)> {
    let mut pts: Vec<(f64, f64)> = pts
        .iter()
        .copied()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .map(|(x, y)| {
            let x = x_range.map_or(x, |(lo, hi)| x.clamp(lo, hi));
            (x, y.clamp(0.0, 1.0))
        })
        .collect();
    pts.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    pts
}

/// The axes of a line chart: shares from 0 to 1 up, `x_desc` along, with `x_labels` ticks.
fn share_axes(
    chart: &mut Plot<'_, '_>,
    x_desc: String,
    x_labels: usize,
    y_desc: &str,
) -> Result<(), String> {
    ink_axes(&mut chart.configure_mesh(), x_desc)
        .x_labels(x_labels)
        .y_labels(6)
        .y_label_formatter(&fmt_tick)
        .y_desc(y_desc)
        .draw()
        .map_err(derr)
}

/// Draws `pts` as a line in group `i`'s style, at most `max_width` pixels wide.
fn draw_group_line(
    chart: &mut Plot<'_, '_>,
    i: usize,
    pts: Vec<(f64, f64)>,
    max_width: u32,
) -> Result<(), String> {
    let (w, dash) = LINES[i % MAX_GROUPS];
    let st = PALETTE[i % MAX_GROUPS].stroke_width(w.min(max_width));
    draw_line(chart, pts, st, dash).map_err(|e| derr(format!("{e:?}")))
}

/// Score distributions: for each group a step line of its empirical cumulative distribution
/// (share of the group with a score at or below x), from `(value, count)` cells.
///
/// Cells need not be sorted (they are sorted by value here); cells with a non-finite value are
/// skipped, and a group whose counts sum to 0 is left out. Each group has its own colour, dash
/// pattern and width, and its legend entry shows its size `n`. At most [`MAX_GROUPS`] (8) groups
/// are drawn: further groups are left out and a note under the title says "showing the first 8
/// of N groups". Returns `Ok(String::new())` when no group has data.
pub fn score_cdfs(
    title: &str,
    x_label: &str,
    groups: &[(String, Vec<(f64, u64)>)],
    lang: Lang,
) -> Result<String, String> {
    // Each group's step function as points for `cdf_lines`: at every value, the share below it
    // and the share at or below it.
    let mut lines: Vec<CdfGroup> = Vec::new();
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for (name, cells) in groups {
        let mut cells: Vec<(f64, u64)> = cells
            .iter()
            .copied()
            .filter(|(v, c)| v.is_finite() && *c > 0)
            .collect();
        cells.sort_by(|a, b| a.0.total_cmp(&b.0));
        let total: u64 = cells.iter().map(|c| c.1).fold(0u64, u64::saturating_add);
        if total == 0 {
            continue;
        }
        let mut pts = Vec::with_capacity(cells.len() * 2);
        let mut cum = 0u64;
        for (v, c) in cells {
            pts.push((v, cum as f64 / total as f64));
            cum = cum.saturating_add(c);
            pts.push((v, cum as f64 / total as f64));
            lo = lo.min(v);
            hi = hi.max(v);
        }
        lines.push((name.clone(), total, pts));
    }
    cdf_lines(title, x_label, (lo, hi), &lines, lang)
}

/// One group of [`cdf_lines`]: name, size and points (score, share at or below it).
pub type CdfGroup = (String, u64, Vec<(f64, f64)>);

/// Binned score distributions: for each group a line through points `(score, share of the group
/// at or below it)` (an ogive, from the audit's distribution tables rather than every distinct
/// score), with the group's size `n` in its legend entry.
///
/// The x axis runs over `x_range`; points with a non-finite coordinate are skipped and shares
/// are clamped to [0, 1]. Groups are told apart by colour, dash pattern and line width, plus
/// group `i`'s marker on every point, so the chart reads in grayscale. At most [`MAX_GROUPS`]
/// groups are drawn (a note says how many were left out). Returns `Ok(String::new())` when no
/// group has a point.
pub fn cdf_lines(
    title: &str,
    x_label: &str,
    x_range: (f64, f64),
    groups: &[CdfGroup],
    lang: Lang,
) -> Result<String, String> {
    let mut data: Vec<CdfGroup> = groups
        .iter()
        .map(|(name, n, pts)| (name.clone(), *n, finite_points(pts, None)))
        .filter(|(_, _, pts)| !pts.is_empty())
        .collect();
    if data.is_empty() {
        return Ok(String::new());
    }
    let (mut lo, mut hi) = x_range;
    if !lo.is_finite() || !hi.is_finite() || hi - lo < 1e-12 {
        let xs = data.iter().flat_map(|(_, _, p)| p.iter().map(|q| q.0));
        lo = xs.clone().fold(f64::INFINITY, f64::min) - 0.5;
        hi = xs.fold(f64::NEG_INFINITY, f64::max) + 0.5;
    }
    let heading = keep_first_groups(&mut data, title, lang);
    let legend: Vec<(Sample, String)> = data
        .iter()
        .enumerate()
        .map(|(i, (name, n, _))| {
            (
                Sample::LineMarker(i),
                format!("{} (n = {n})", truncate(name, MAX_LABEL)),
            )
        })
        .collect();
    let head_h = heading.height();
    let height = head_h + LINE_PLOT_H + legend_height(&legend) + 6;

    drawable(lo, hi)?;
    render(&heading, height, |root| {
        heading.draw(root)?;
        let (_, below) = root.split_vertically(head_h);
        let (area, _) = below.split_vertically(LINE_PLOT_H);
        let mut chart = ChartBuilder::on(&area)
            .margin_top(10)
            .margin_left(10)
            .margin_right(30)
            .x_label_area_size(56)
            .y_label_area_size(80)
            .build_cartesian_2d(lo..hi, 0.0..1.0)
            .map_err(derr)?;
        share_axes(
            &mut chart,
            truncate(x_label, 80),
            8,
            ts!(lang, "report.plots.lines.share_group_below_x_0"),
        )?;
        for (i, (_, _, pts)) in data.iter().enumerate() {
            let pts: Vec<(f64, f64)> = pts
                .iter()
                .filter(|p| (lo..=hi).contains(&p.0))
                .copied()
                .collect();
            draw_group_line(&mut chart, i, pts.clone(), 3)?;
            for p in &pts {
                draw_marker(root, i, chart.backend_coord(p))?;
            }
        }
        draw_legend(root, (head_h + LINE_PLOT_H) as i32 + LEGEND_GAP, &legend)
    })
}

/// Calibration: for each group, points (mean predicted score, observed share positive) per bin,
/// joined by a thin line in the group's dash pattern, with the grey dashed diagonal y = x
/// ("perfect calibration").
///
/// Both axes run from 0 to 1; points are sorted by x, points with a non-finite coordinate are
/// skipped and the rest clamped to [0, 1]. Groups are told apart by marker shape (filled and
/// outlined circle, triangle, square, cross, diamond), dash pattern and colour. At most
/// [`MAX_GROUPS`] groups are drawn, as in [`score_cdfs`]. Returns `Ok(String::new())` when no
/// group has a point.
///
/// `scale` gives the x axis for scores that are not probabilities: `Some((low, high, label))`
/// draws x from `low` to `high` under `label`, without the diagonal (which only means
/// something when the score is a probability); x values are clamped to that range.
pub fn calibration(
    title: &str,
    groups: &[(String, Vec<(f64, f64)>)],
    scale: Option<(f64, f64, &str)>,
    lang: Lang,
) -> Result<String, String> {
    let (x_lo, x_hi) = match scale {
        Some((lo, hi, _)) if lo.is_finite() && hi.is_finite() && hi > lo => (lo, hi),
        Some((lo, _, _)) if lo.is_finite() => (lo - 0.5, lo + 0.5),
        _ => (0.0, 1.0),
    };
    let diagonal = scale.is_none();
    let mut data: Vec<(String, Vec<(f64, f64)>)> = groups
        .iter()
        .map(|(name, pts)| (name.clone(), finite_points(pts, Some((x_lo, x_hi)))))
        .filter(|(_, pts)| !pts.is_empty())
        .collect();
    if data.is_empty() {
        return Ok(String::new());
    }
    let heading = keep_first_groups(&mut data, title, lang);
    let mut legend: Vec<(Sample, String)> = data
        .iter()
        .enumerate()
        .map(|(i, (name, _))| (Sample::LineMarker(i), truncate(name, MAX_LABEL)))
        .collect();
    if diagonal {
        legend.push((
            Sample::Line(GREY, 2, Some((8, 5))),
            ts!(lang, "report.plots.lines.perfect_calibration_y_x").into(),
        ));
    }
    let x_desc = match scale {
        Some((_, _, label)) => truncate(label, 80),
        None => ts!(lang, "report.plots.lines.mean_predicted_score_bin_0").to_string(),
    };
    let head_h = heading.height();
    let plot_h = LINE_PLOT_H + 60;
    let height = head_h + plot_h + legend_height(&legend) + 6;

    drawable(x_lo, x_hi)?;
    render(&heading, height, |root| {
        heading.draw(root)?;
        let (_, below) = root.split_vertically(head_h);
        let (area, _) = below.split_vertically(plot_h);
        // Square plot area, centred.
        let side = plot_h as i32 - 10 - 56;
        let side_margin = ((WIDTH as i32 - side - 80) / 2).max(10) as u32;
        let mut chart = ChartBuilder::on(&area)
            .margin_top(10)
            .margin_left(side_margin.saturating_sub(40))
            .margin_right(side_margin + 40 - side_margin.min(40))
            .x_label_area_size(56)
            .y_label_area_size(80)
            .build_cartesian_2d(x_lo..x_hi, 0.0..1.0)
            .map_err(derr)?;
        share_axes(
            &mut chart,
            x_desc,
            6,
            ts!(lang, "report.plots.lines.observed_share_positive_label_0"),
        )?;
        if diagonal {
            let pts = vec![(0.0, 0.0), (1.0, 1.0)];
            draw_line(&mut chart, pts, GREY.stroke_width(2), Some((8, 5))).map_err(derr)?;
        }
        for (i, (_, pts)) in data.iter().enumerate() {
            draw_group_line(&mut chart, i, pts.clone(), 2)?;
        }
        for (i, (_, pts)) in data.iter().enumerate() {
            for p in pts {
                draw_marker(root, i, chart.backend_coord(p))?;
            }
        }
        draw_legend(root, (head_h + plot_h) as i32 + LEGEND_GAP, &legend)
    })
}
