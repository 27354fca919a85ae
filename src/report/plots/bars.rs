//! Horizontal bar charts: rates ([`rate_bars`]), impact ratios ([`ratio_bars`]), adverse-rate
//! ratios ([`adverse_ratio_bars`]) and pairs of rates per group ([`paired_bars`]).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::kit::{
    Area, Heading, Plot, derr, draw_line, drawable, fmt3, hatched_rect, ink_axes, na, render,
    solid_rect, text_style,
};
use super::legend::{LEGEND_GAP, Sample, draw_legend, legend_height};
use super::style::{CHAR_W, GREY, INK, MAX_LABEL, TEXT};
use super::wrap::{truncate, units};
use crate::i18n::Lang;
use crate::ts;

/// One bar: label, value, optional interval.
///
/// `low` and `high` are drawn as a whisker only when both are finite.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Text shown beside the bar (cut to [`MAX_LABEL`] characters).
    pub label: String,
    /// Length of the bar; a non-finite value is shown as "n/a".
    pub value: f64,
    /// Lower end of the interval, if any.
    pub low: Option<f64>,
    /// Upper end of the interval, if any.
    pub high: Option<f64>,
}

/// A vertical reference line across a bar chart.
struct RefLine {
    x: f64,
    label: String,
    dashed: bool,
}

impl RefLine {
    /// Parity: the solid line at 1.
    fn parity(lang: Lang) -> Self {
        RefLine {
            x: 1.0,
            label: ts!(lang, "report.plots.bars.parity_1_0").into(),
            dashed: false,
        }
    }

    /// The dash pattern (dash, gap) in pixels; `None` for a solid line.
    fn dash(&self) -> Option<(u32, u32)> {
        if self.dashed { Some((8, 5)) } else { None }
    }
}

/// One row of a horizontal bar chart: a label and one or two bars.
struct BarRow<'a> {
    label: &'a str,
    bars: Vec<&'a Bar>,
}

/// One row per bar, under the bar's own label.
fn single_rows(bars: &[Bar]) -> Vec<BarRow<'_>> {
    bars.iter()
        .map(|b| BarRow {
            label: &b.label,
            bars: vec![b],
        })
        .collect()
}

fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite())
}

/// Height of the x axis with its ticks and title, in pixels.
const X_AREA: u32 = 54;
/// Space above the first row, in pixels.
const PLOT_TOP_MARGIN: u32 = 12;

/// The sizes of a bar chart that follow from its rows.
struct BarLayout {
    /// Height of the plot with its x axis, in pixels.
    chart_h: u32,
    /// The row labels, cut to [`MAX_LABEL`].
    labels: Vec<String>,
    /// Width of the label column, in pixels.
    label_w: u32,
}

impl BarLayout {
    fn new(rows: &[BarRow<'_>], paired: bool) -> Self {
        let band: u32 = if paired { 58 } else { 36 };
        let chart_h = PLOT_TOP_MARGIN + band * rows.len() as u32 + X_AREA;
        let labels: Vec<String> = rows.iter().map(|r| truncate(r.label, MAX_LABEL)).collect();
        let longest = labels.iter().map(|l| units(l)).max().unwrap_or(0);
        let label_w = ((longest as f64 * CHAR_W) as u32 + 18).clamp(60, 240);
        BarLayout {
            chart_h,
            labels,
            label_w,
        }
    }
}

/// The legend of a bar chart: the two bars of a pair (from `names`), the interval whisker when
/// any bar has an interval, and the reference lines.
fn bar_legend(
    rows: &[BarRow<'_>],
    refs: &[RefLine],
    names: Option<(&str, &str)>,
    lang: Lang,
) -> Vec<(Sample, String)> {
    let mut legend: Vec<(Sample, String)> = Vec::new();
    if let Some((a, b)) = names {
        legend.push((Sample::Fill, truncate(a, 40)));
        legend.push((Sample::Hatch, truncate(b, 40)));
    }
    let any_interval = rows
        .iter()
        .flat_map(|r| &r.bars)
        .any(|b| finite(b.low).is_some() && finite(b.high).is_some());
    if any_interval {
        legend.push((
            Sample::Whisker,
            ts!(lang, "report.plots.bars.interval_low_high").into(),
        ));
    }
    for r in refs {
        legend.push((Sample::Line(GREY, 2, r.dash()), r.label.clone()));
    }
    legend
}

/// Draws horizontal bars from x = 0 to `x_max`, one row per entry, first row on top.
fn hbars(
    heading: Heading,
    x_label: &str,
    rows: &[BarRow<'_>],
    x_max: f64,
    refs: &[RefLine],
    names: Option<(&str, &str)>,
    lang: Lang,
) -> Result<String, String> {
    let paired = names.is_some();
    let layout = BarLayout::new(rows, paired);
    let legend = bar_legend(rows, refs, names, lang);
    let (head_h, chart_h) = (heading.height(), layout.chart_h);
    let height = head_h + chart_h + legend_height(&legend) + 6;

    drawable(0.0, x_max)?;
    render(&heading, height, |root| {
        heading.draw(root)?;
        let (_, below) = root.split_vertically(head_h);
        let (chart_area, _) = below.split_vertically(chart_h);
        let mut chart = ChartBuilder::on(&chart_area)
            .margin_top(PLOT_TOP_MARGIN)
            .margin_left(10)
            .margin_right(75)
            .x_label_area_size(X_AREA)
            .y_label_area_size(layout.label_w)
            .build_cartesian_2d(0.0..x_max, 0.0..rows.len() as f64)
            .map_err(derr)?;
        ink_axes(&mut chart.configure_mesh(), truncate(x_label, 80))
            .disable_y_mesh()
            .y_labels(0)
            .x_labels(8)
            .draw()
            .map_err(derr)?;
        let values = draw_rows(root, &mut chart, rows, &layout.labels, x_max, paired, lang)?;
        draw_ref_lines(&mut chart, refs, x_max, rows.len())?;
        // Value texts are drawn last, on a white patch, so reference lines never cross them.
        draw_values(root, values)?;
        draw_legend(root, (head_h + chart_h) as i32 + LEGEND_GAP, &legend)
    })
}

/// A value text and the pixel it starts at.
type ValueText = (String, (i32, i32));

/// Draws each row's label and bars; returns the value texts to print beside the bars.
fn draw_rows(
    root: &Area<'_>,
    chart: &mut Plot<'_, '_>,
    rows: &[BarRow<'_>],
    labels: &[String],
    x_max: f64,
    paired: bool,
    lang: Lang,
) -> Result<Vec<ValueText>, String> {
    let n = rows.len();
    let left = chart.backend_coord(&(0.0, 0.0)).0;
    let label_style = text_style(TEXT, &INK, HPos::Right, VPos::Center);
    let mut value_texts: Vec<ValueText> = Vec::new();
    for (i, (row, label)) in rows.iter().zip(labels).enumerate() {
        let yc = n as f64 - i as f64 - 0.5;
        let ly = chart.backend_coord(&(0.0, yc)).1;
        root.draw(&Text::new(
            label.clone(),
            (left - 8, ly),
            label_style.clone(),
        ))
        .map_err(derr)?;
        for (k, bar) in row.bars.iter().enumerate() {
            let extent = bar_extent(paired, k, yc);
            value_texts.push(draw_bar(root, chart, bar, k, extent, x_max, lang)?);
        }
    }
    Ok(value_texts)
}

/// Where bar `k` of the row centred at `yc` lies, in y units (low, high): a single bar fills
/// most of its row; of a pair, the first lies above the centre and the second below it.
fn bar_extent(paired: bool, k: usize, yc: f64) -> (f64, f64) {
    match (paired, k) {
        (false, _) => (yc - 0.3, yc + 0.3),
        (true, 0) => (yc + 0.03, yc + 0.37),
        (true, _) => (yc - 0.37, yc - 0.03),
    }
}

/// Draws one bar between y `b0` and `b1` (solid for the first bar of a row, hatched for the
/// second) and its interval whisker; returns its value text and where that goes.
fn draw_bar(
    root: &Area<'_>,
    chart: &mut Plot<'_, '_>,
    bar: &Bar,
    k: usize,
    (b0, b1): (f64, f64),
    x_max: f64,
    lang: Lang,
) -> Result<ValueText, String> {
    let clamp = |v: f64| v.clamp(0.0, x_max);
    let mid = (b0 + b1) / 2.0;
    let value = finite(Some(bar.value));
    let mut text_x = 0.0;
    if let Some(v) = value {
        let p0 = chart.backend_coord(&(0.0, b1));
        let p1 = chart.backend_coord(&(clamp(v), b0));
        if k == 0 {
            solid_rect(root, p0, p1)?;
        } else {
            hatched_rect(root, p0, p1)?;
        }
        text_x = clamp(v);
    }
    if let (Some(lo), Some(hi)) = (finite(bar.low), finite(bar.high)) {
        let (lo, hi) = (lo.min(hi), lo.max(hi));
        draw_whisker(chart, (lo, hi), mid, (b1 - b0) * 0.3, x_max)?;
        text_x = f64::max(text_x, clamp(hi));
    }
    let (tx, ty) = chart.backend_coord(&(text_x, mid));
    let text = value.map(fmt3).unwrap_or_else(|| na(lang).into());
    Ok((text, (tx + 7, ty)))
}

/// An interval from `lo` to `hi` at height `mid`, clipped to the axis. A cap (of half-height
/// `cap`) marks an end that lies inside the axis; a clipped end has none.
fn draw_whisker(
    chart: &mut Plot<'_, '_>,
    (lo, hi): (f64, f64),
    mid: f64,
    cap: f64,
    x_max: f64,
) -> Result<(), String> {
    let clamp = |v: f64| v.clamp(0.0, x_max);
    let st = INK.stroke_width(2);
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(clamp(lo), mid), (clamp(hi), mid)],
            st,
        )))
        .map_err(derr)?;
    for end in [lo, hi] {
        if (0.0..=x_max).contains(&end) {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(end, mid - cap), (end, mid + cap)],
                    st,
                )))
                .map_err(derr)?;
        }
    }
    Ok(())
}

/// The reference lines that lie on the axis, across all `n` rows.
fn draw_ref_lines(
    chart: &mut Plot<'_, '_>,
    refs: &[RefLine],
    x_max: f64,
    n: usize,
) -> Result<(), String> {
    for r in refs.iter().filter(|r| (0.0..=x_max).contains(&r.x)) {
        let pts = vec![(r.x, 0.0), (r.x, n as f64)];
        draw_line(chart, pts, GREY.stroke_width(2), r.dash()).map_err(derr)?;
    }
    Ok(())
}

/// Prints each value text on a white patch.
fn draw_values(root: &Area<'_>, texts: Vec<ValueText>) -> Result<(), String> {
    let value_style = text_style(TEXT, &INK, HPos::Left, VPos::Center);
    for (text, (x, y)) in texts {
        let w = (units(&text) as f64 * CHAR_W) as i32 + 4;
        root.draw(&Rectangle::new(
            [(x - 2, y - 9), (x + w, y + 9)],
            WHITE.filled(),
        ))
        .map_err(derr)?;
        root.draw(&Text::new(text, (x, y), value_style.clone()))
            .map_err(derr)?;
    }
    Ok(())
}

/// Horizontal bar chart of rates in [0, 1] with interval whiskers and an optional vertical
/// reference line (e.g. the overall rate).
///
/// The x axis always runs from 0 to 1; values and interval ends outside are clipped to it (a
/// clipped interval end has no cap). The reference line is grey and dashed, and its legend entry
/// reads `"{label} ({value})"`. Bars are drawn top to bottom in the given order.
/// Returns `Ok(String::new())` when `bars` is empty.
pub fn rate_bars(
    title: &str,
    x_label: &str,
    bars: &[Bar],
    reference: Option<(f64, &str)>,
    lang: Lang,
) -> Result<String, String> {
    if bars.is_empty() {
        return Ok(String::new());
    }
    let refs: Vec<RefLine> = reference
        .filter(|(x, _)| x.is_finite())
        .map(|(x, label)| RefLine {
            x,
            label: format!("{} ({})", truncate(label, 40), fmt3(x)),
            dashed: true,
        })
        .into_iter()
        .collect();
    hbars(
        Heading::new(title, None),
        x_label,
        &single_rows(bars),
        1.0,
        &refs,
        None,
        lang,
    )
}

/// Horizontal bars of impact ratios with whiskers, a grey dashed vertical line at 0.8 labelled
/// "four-fifths line (0.8)" and a grey solid line at 1 labelled "parity (1.0)".
///
/// The x axis runs from 0 to max(1.2, largest finite value); interval ends beyond it are clipped
/// and drawn without a cap. Returns `Ok(String::new())` when `bars` is empty.
pub fn ratio_bars(title: &str, bars: &[Bar], lang: Lang) -> Result<String, String> {
    let x_max = bars
        .iter()
        .filter_map(|b| finite(Some(b.value)))
        .fold(1.2_f64, f64::max);
    let four_fifths = RefLine {
        x: 0.8,
        label: ts!(lang, "report.plots.bars.four_fifths_line_0_8").into(),
        dashed: true,
    };
    ratio_chart(
        title,
        ts!(lang, "report.plots.bars.impact_ratio_group_rate_comparison"),
        bars,
        x_max,
        [four_fifths, RefLine::parity(lang)],
        lang,
    )
}

/// Horizontal bars of adverse-rate ratios with their intervals, the line at 1.25 (the
/// four-fifths rule read for the harmful outcome) and parity at 1.0.
///
/// The x axis runs from 0 to the largest finite interval end (or value), at least 1.5 and at
/// most 20. Returns `Ok(String::new())` when `bars` is empty.
pub fn adverse_ratio_bars(title: &str, bars: &[Bar], lang: Lang) -> Result<String, String> {
    let x_max = bars
        .iter()
        .filter_map(|b| finite(b.high).or(finite(Some(b.value))))
        .fold(1.5_f64, f64::max)
        .min(20.0);
    let five_fourths = RefLine {
        x: 1.25,
        label: ts!(lang, "report.plots.bars.four_fifths_line_adverse_framing").into(),
        dashed: true,
    };
    ratio_chart(
        title,
        ts!(lang, "report.plots.bars.adverse_rate_ratio_group_s"),
        bars,
        x_max,
        [RefLine::parity(lang), five_fourths],
        lang,
    )
}

/// One bar of a ratio per group, from 0 to `x_max`, with two reference lines.
fn ratio_chart(
    title: &str,
    x_label: &str,
    bars: &[Bar],
    x_max: f64,
    refs: [RefLine; 2],
    lang: Lang,
) -> Result<String, String> {
    if bars.is_empty() {
        return Ok(String::new());
    }
    hbars(
        Heading::new(title, None),
        x_label,
        &single_rows(bars),
        x_max,
        &refs,
        None,
        lang,
    )
}

/// Grouped horizontal bars: for each group two values (e.g. false positive and false negative
/// rate) with whiskers. The first value is a solid bar, the second a white hatched bar, both
/// named in the legend from `names`; each bar has its value printed at its end.
///
/// The group label comes from the `String`; the bars' own labels are not shown. The x axis runs
/// from 0 to max(1, largest finite value). Returns `Ok(String::new())` when `groups` is empty.
pub fn paired_bars(
    title: &str,
    x_label: &str,
    names: (&str, &str),
    groups: &[(String, Bar, Bar)],
    lang: Lang,
) -> Result<String, String> {
    if groups.is_empty() {
        return Ok(String::new());
    }
    let x_max = groups
        .iter()
        .flat_map(|(_, a, b)| [a.value, b.value])
        .filter(|v| v.is_finite())
        .fold(1.0_f64, f64::max);
    let rows: Vec<BarRow<'_>> = groups
        .iter()
        .map(|(g, a, b)| BarRow {
            label: g,
            bars: vec![a, b],
        })
        .collect();
    hbars(
        Heading::new(title, None),
        x_label,
        &rows,
        x_max,
        &[],
        Some(names),
        lang,
    )
}
