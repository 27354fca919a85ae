//! SVG charts for the HTML audit report.
//!
//! Every function takes plain data and returns one self-contained SVG document as a `String`,
//! drawn with `plotters`' SVG backend (`SVGBackend::with_string`). The charts are meant to be
//! inlined into `audit.html`, read on screen by lawyers and workers and printed to PDF, so they
//! follow a few rules:
//!
//! * **Fixed size.** Width is always [`WIDTH`] (720 px); the height follows from the number of
//!   bars, rows or legend lines, never from the data values.
//! * **Readable text.** Every text uses the generic `sans-serif` family and is at least 13 px in
//!   the SVG (plotters writes `font-size` as the requested size divided by 1.24, so the sizes
//!   below are requested as 17 and 22).
//! * **Grayscale-safe.** Data is drawn in dark ink, reference lines in grey. Series are told apart
//!   by fill (solid vs hatched), dash pattern, line width and marker shape, each named in a
//!   legend, never by colour alone.
//! * **Deterministic.** The same input gives a byte-identical SVG: no clocks, no hash maps, no
//!   random numbers.
//! * **Safe text.** Text from data (group and attribute names, titles) is passed to plotters as
//!   plain text; plotters' SVG backend XML-escapes `<`, `>`, `&`, `"` and `'` in text content.
//!   We do not escape beforehand (that would show `&amp;lt;` to the reader), but we replace
//!   control characters, which XML cannot carry, by spaces. Tests check that hostile group names
//!   cannot produce markup.
//! * **Robust.** Non-finite values (NaN, ±∞) are skipped: a bar without a finite value is drawn
//!   as the text "n/a", an interval with a non-finite end is not drawn. Labels longer than
//!   [`MAX_LABEL`] characters are cut with an ellipsis. Empty input gives `Ok(String::new())`,
//!   which the caller should treat as "no chart". Drawing errors are returned as `Err(message)`.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::i18n::Lang;

/// Width of every chart, in pixels.
pub const WIDTH: u32 = 720;
/// Longest label (in characters) drawn before it is cut with an ellipsis.
pub const MAX_LABEL: usize = 28;
/// Most groups drawn in [`score_cdfs`] and [`calibration`]; further groups are left out and the
/// chart says so under its title.
pub const MAX_GROUPS: usize = 8;

const FONT: &str = "sans-serif";
/// Requested size of ordinary text: plotters writes 17 / 1.24 ≈ 13.7 px into the SVG.
const TEXT: f64 = 17.0;
/// Requested size of titles: ≈ 17.7 px in the SVG.
const TITLE: f64 = 22.0;
/// Estimated width of one character of ordinary text, in pixels (generous, for layout).
const CHAR_W: f64 = 7.8;
/// Estimated width of one title character, in pixels.
const TITLE_CHAR_W: f64 = 10.0;

/// Dark ink for data and text.
const INK: RGBColor = RGBColor(25, 25, 25);
/// Grey for reference lines and notes.
const GREY: RGBColor = RGBColor(105, 105, 105);
/// Light grey for grid lines and cell borders.
const GRID: RGBColor = RGBColor(215, 215, 215);
/// Fill of solid bars: a mid blue-grey (≈ 50 % grey when printed), dark enough to read as
/// "solid", light enough for black whiskers on top of it.
const BAR_FILL: RGBColor = RGBColor(112, 132, 168);
/// Dark, mutually distinct colours for groups; each also gets its own dash pattern and marker.
const PALETTE: [RGBColor; MAX_GROUPS] = [
    RGBColor(20, 20, 20),
    RGBColor(31, 78, 153),
    RGBColor(160, 40, 40),
    RGBColor(35, 105, 45),
    RGBColor(100, 55, 150),
    RGBColor(130, 80, 10),
    RGBColor(0, 100, 95),
    RGBColor(85, 85, 85),
];
/// Per-group line styles: (stroke width, optional (dash, gap) in pixels).
const LINES: [(u32, Option<(u32, u32)>); MAX_GROUPS] = [
    (2, None),
    (2, Some((10, 5))),
    (3, Some((3, 4))),
    (2, Some((18, 6))),
    (4, None),
    (4, Some((10, 6))),
    (4, Some((3, 6))),
    (2, Some((6, 12))),
];

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

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

/// Replaces control characters (which XML cannot carry) by spaces and trims.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Whether `c` is drawn about twice as wide as a Latin letter (CJK ideographs, kana, hangul,
/// full-width forms and punctuation).
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// Width of `c` in Latin-character units (see [`CHAR_W`]): 2 for wide characters, else 1.
fn char_units(c: char) -> usize {
    if is_wide(c) { 2 } else { 1 }
}

/// Width of `s` in Latin-character units.
fn units(s: &str) -> usize {
    s.chars().map(char_units).sum()
}

/// Cleans `s` and cuts it to `max` width units (a Chinese character counts 2), ending with "…"
/// when cut.
fn truncate(s: &str, max: usize) -> String {
    let s = clean(s);
    let max = max.max(2);
    if units(&s) <= max {
        s
    } else {
        let mut t = String::new();
        let mut w = 0;
        for c in s.chars() {
            if w + char_units(c) > max - 1 {
                break;
            }
            w += char_units(c);
            t.push(c);
        }
        t = t.trim_end().to_string();
        t.push('…');
        t
    }
}

/// Splits text into the pieces a line may break between: words (runs of non-wide characters)
/// and single wide characters. Each piece records whether a space preceded it.
fn atoms(s: &str) -> Vec<(bool, String)> {
    let mut out: Vec<(bool, String)> = Vec::new();
    let mut space = false;
    let mut word = String::new();
    for c in s.chars() {
        if c.is_whitespace() {
            if !word.is_empty() {
                out.push((space, std::mem::take(&mut word)));
            }
            space = true;
        } else if is_wide(c) {
            if !word.is_empty() {
                out.push((space, std::mem::take(&mut word)));
                space = false;
            }
            out.push((space, c.to_string()));
            space = false;
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        out.push((space, word));
    }
    out
}

/// Wraps `s` into at most `lines` lines of at most `width` units, breaking at spaces and
/// between Chinese characters; the last line is cut with an ellipsis if text remains.
fn wrap(s: &str, width: usize, lines: usize) -> Vec<String> {
    let s = clean(s);
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let pieces = atoms(&s);
    let mut rest_from = pieces.len();
    for (i, (space, w)) in pieces.iter().enumerate() {
        let len = units(&cur);
        let sep = usize::from(*space);
        if len == 0 {
            cur.push_str(w);
        } else if len + sep + units(w) <= width {
            if *space {
                cur.push(' ');
            }
            cur.push_str(w);
        } else {
            out.push(std::mem::take(&mut cur));
            if out.len() == lines {
                rest_from = i;
                break;
            }
            cur.push_str(w);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    if rest_from < pieces.len() || out.len() > lines {
        out.truncate(lines);
        if let Some(last) = out.last_mut() {
            let mut joined = last.clone();
            for (space, w) in &pieces[rest_from.min(pieces.len())..] {
                if *space {
                    joined.push(' ');
                }
                joined.push_str(w);
            }
            *last = truncate(&joined, width);
        }
    }
    out.iter_mut().for_each(|l| *l = truncate(l, width));
    out
}

/// A number with three decimals: enough to tell 0.795 from 0.8.
fn fmt3(v: f64) -> String {
    format!("{v:.3}")
}

/// An axis tick: up to 3 decimals, trailing zeros trimmed.
fn fmt_tick(v: &f64) -> String {
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

fn font(size: f64) -> FontDesc<'static> {
    (FONT, size).into_font()
}

fn text_style(size: f64, color: &RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    font(size).color(color).pos(Pos::new(h, v))
}

fn derr<E: std::fmt::Display>(e: E) -> String {
    format!("could not draw chart: {e}")
}

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// Runs `draw` on a white canvas of `WIDTH × height` and returns the SVG text, named for
/// assistive technology by its title (`role="img"`, `aria-label` and a `<title>` element).
fn render<F>(heading: &Heading, height: u32, draw: F) -> Result<String, String>
where
    F: FnOnce(&Area<'_>) -> Result<(), String>,
{
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(derr)?;
        draw(&root)?;
        root.present().map_err(derr)?;
    }
    let name = crate::report::escape(&heading.title.join(" "));
    if let Some(start) = out.find("<svg")
        && let Some(end) = out[start..].find('>').map(|e| start + e)
    {
        out.insert_str(end + 1, &format!("\n<title>{name}</title>"));
        out.insert_str(start + 4, &format!(" role=\"img\" aria-label=\"{name}\""));
    }
    Ok(out)
}

/// Lines of the title (and an optional grey note under it) and the height they need.
struct Heading {
    title: Vec<String>,
    note: Option<String>,
}

impl Heading {
    fn new(title: &str, note: Option<String>) -> Self {
        let per_line = ((WIDTH as f64 - 30.0) / TITLE_CHAR_W) as usize;
        Heading {
            title: wrap(title, per_line, 2),
            note,
        }
    }

    fn height(&self) -> u32 {
        14 + 24 * self.title.len() as u32 + if self.note.is_some() { 22 } else { 0 } + 6
    }

    fn draw(&self, root: &Area<'_>) -> Result<(), String> {
        let style = (FONT, TITLE, FontStyle::Bold)
            .into_font()
            .color(&INK)
            .pos(Pos::new(HPos::Left, VPos::Top));
        let mut y = 14;
        for line in &self.title {
            root.draw(&Text::new(line.clone(), (15, y), style.clone()))
                .map_err(derr)?;
            y += 24;
        }
        if let Some(note) = &self.note {
            let ns = text_style(TEXT, &GREY, HPos::Left, VPos::Top);
            root.draw(&Text::new(truncate(note, 85), (15, y), ns))
                .map_err(derr)?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Legend
// ---------------------------------------------------------------------------------------------

/// What a legend entry shows left of its text.
#[derive(Clone, Copy)]
enum Sample {
    /// A solid bar.
    Fill,
    /// A white, hatched, outlined bar.
    Hatch,
    /// An interval whisker with caps.
    Whisker,
    /// A line: colour, width, dash pattern.
    Line(RGBColor, u32, Option<(u32, u32)>),
    /// Line and marker of group `i` (calibration).
    LineMarker(usize),
}

const SAMPLE_W: i32 = 34;
const LEGEND_LINE: i32 = 24;
/// Space between the x axis title and the legend.
const LEGEND_GAP: i32 = 8;

/// Places legend entries left to right, wrapping; returns (x, line) per entry and the number of
/// lines.
fn legend_layout(items: &[(Sample, String)]) -> (Vec<(i32, i32)>, i32) {
    let max_x = WIDTH as i32 - 15;
    let mut pos = Vec::new();
    let (mut x, mut line) = (15, 0);
    for (_, text) in items {
        let w = SAMPLE_W + 8 + (units(text) as f64 * CHAR_W) as i32 + 22;
        if x + w > max_x && x > 15 {
            x = 15;
            line += 1;
        }
        pos.push((x, line));
        x += w;
    }
    let lines = if items.is_empty() { 0 } else { line + 1 };
    (pos, lines)
}

fn legend_height(items: &[(Sample, String)]) -> u32 {
    let (_, lines) = legend_layout(items);
    if lines == 0 {
        0
    } else {
        (lines * LEGEND_LINE + LEGEND_GAP + 12) as u32
    }
}

/// Draws the legend with its first line centred at `top + LEGEND_LINE / 2`.
fn draw_legend(root: &Area<'_>, top: i32, items: &[(Sample, String)]) -> Result<(), String> {
    let (pos, _) = legend_layout(items);
    let ts = text_style(TEXT, &INK, HPos::Left, VPos::Center);
    for ((sample, text), (x, line)) in items.iter().zip(pos) {
        let y = top + line * LEGEND_LINE + LEGEND_LINE / 2;
        draw_sample(root, *sample, x, y)?;
        root.draw(&Text::new(text.clone(), (x + SAMPLE_W + 8, y), ts.clone()))
            .map_err(derr)?;
    }
    Ok(())
}

fn draw_sample(root: &Area<'_>, sample: Sample, x: i32, y: i32) -> Result<(), String> {
    match sample {
        Sample::Fill => {
            root.draw(&Rectangle::new(
                [(x, y - 7), (x + SAMPLE_W, y + 7)],
                BAR_FILL.filled(),
            ))
            .map_err(derr)?;
            root.draw(&Rectangle::new(
                [(x, y - 7), (x + SAMPLE_W, y + 7)],
                INK.stroke_width(1),
            ))
            .map_err(derr)?;
        }
        Sample::Hatch => hatched_rect(root, (x, y - 7), (x + SAMPLE_W, y + 7))?,
        Sample::Whisker => {
            let st = INK.stroke_width(2);
            root.draw(&PathElement::new(
                vec![(x + 2, y), (x + SAMPLE_W - 2, y)],
                st,
            ))
            .map_err(derr)?;
            for cx in [x + 2, x + SAMPLE_W - 2] {
                root.draw(&PathElement::new(vec![(cx, y - 6), (cx, y + 6)], st))
                    .map_err(derr)?;
            }
        }
        Sample::Line(color, width, dash) => {
            let pts = vec![(x, y), (x + SAMPLE_W, y)];
            let st = color.stroke_width(width);
            match dash {
                None => root.draw(&PathElement::new(pts, st)).map_err(derr)?,
                Some((d, g)) => root
                    .draw(&DashedPathElement::new(pts, d, g, st))
                    .map_err(derr)?,
            }
        }
        Sample::LineMarker(i) => {
            let (w, dash) = LINES[i % MAX_GROUPS];
            draw_sample(
                root,
                Sample::Line(PALETTE[i % MAX_GROUPS], w.min(2), dash),
                x,
                y,
            )?;
            draw_marker(root, i, (x + SAMPLE_W / 2, y))?;
        }
    }
    Ok(())
}

/// Group `i`'s marker at pixel `c`: filled circle, triangle, square, then outlined ones, a cross
/// and a diamond.
fn draw_marker(root: &Area<'_>, i: usize, c: (i32, i32)) -> Result<(), String> {
    let color = PALETTE[i % MAX_GROUPS];
    let filled = color.filled();
    let open = color.stroke_width(2);
    let (x, y) = c;
    let r = match i % MAX_GROUPS {
        0 => root.draw(&Circle::new(c, 5, filled)),
        1 => root.draw(&TriangleMarker::new(c, 7, filled)),
        2 => root.draw(&Rectangle::new([(x - 5, y - 5), (x + 5, y + 5)], filled)),
        3 => root.draw(&Cross::new(c, 5, open)),
        4 => {
            root.draw(&Circle::new(c, 6, WHITE.filled()))
                .map_err(derr)?;
            root.draw(&Circle::new(c, 5, open))
        }
        5 => {
            root.draw(&TriangleMarker::new(c, 7, WHITE.filled()))
                .map_err(derr)?;
            root.draw(&Polygon::new(
                vec![(x, y - 7), (x + 6, y + 4), (x - 6, y + 4), (x, y - 7)],
                WHITE.filled(),
            ))
            .map_err(derr)?;
            root.draw(&PathElement::new(
                vec![(x, y - 7), (x + 6, y + 4), (x - 6, y + 4), (x, y - 7)],
                open,
            ))
        }
        6 => {
            root.draw(&Rectangle::new(
                [(x - 5, y - 5), (x + 5, y + 5)],
                WHITE.filled(),
            ))
            .map_err(derr)?;
            root.draw(&Rectangle::new([(x - 5, y - 5), (x + 5, y + 5)], open))
        }
        _ => root.draw(&Polygon::new(
            vec![(x, y - 7), (x + 6, y), (x, y + 7), (x - 6, y)],
            filled,
        )),
    };
    r.map_err(derr)
}

/// A white rectangle with dark diagonal hatching and a dark outline, in pixels.
fn hatched_rect(root: &Area<'_>, a: (i32, i32), b: (i32, i32)) -> Result<(), String> {
    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
    root.draw(&Rectangle::new([(x0, y0), (x1, y1)], WHITE.filled()))
        .map_err(derr)?;
    let hatch = RGBColor(70, 70, 70).stroke_width(1);
    // Lines x + y = c, going up to the right, every 6 px.
    let mut c = x0 + y0 + 6;
    while c < x1 + y1 {
        let lo = x0.max(c - y1);
        let hi = x1.min(c - y0);
        if lo < hi {
            root.draw(&PathElement::new(vec![(lo, c - lo), (hi, c - hi)], hatch))
                .map_err(derr)?;
        }
        c += 6;
    }
    root.draw(&Rectangle::new([(x0, y0), (x1, y1)], INK.stroke_width(1)))
        .map_err(derr)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Horizontal bars (rate_bars, ratio_bars, paired_bars)
// ---------------------------------------------------------------------------------------------

/// A vertical reference line across a bar chart.
struct RefLine {
    x: f64,
    label: String,
    dashed: bool,
}

/// One row of a horizontal bar chart: a label and one or two bars.
struct Row<'a> {
    label: &'a str,
    bars: Vec<&'a Bar>,
}

fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite())
}

/// Draws horizontal bars from x = 0 to `x_max`, one row per entry, first row on top.
fn hbars(
    heading: Heading,
    x_label: &str,
    rows: &[Row<'_>],
    x_max: f64,
    refs: &[RefLine],
    names: Option<(&str, &str)>,
    lang: Lang,
) -> Result<String, String> {
    let n = rows.len();
    let paired = names.is_some();
    let band: u32 = if paired { 58 } else { 36 };
    let x_area: u32 = 54;
    let plot_top_margin: u32 = 12;
    let chart_h = plot_top_margin + band * n as u32 + x_area;

    let labels: Vec<String> = rows.iter().map(|r| truncate(r.label, MAX_LABEL)).collect();
    let longest = labels.iter().map(|l| units(l)).max().unwrap_or(0);
    let label_w = ((longest as f64 * CHAR_W) as u32 + 18).clamp(60, 240);

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
            lang.pick("interval (low to high)", "区间（下限至上限）")
                .into(),
        ));
    }
    for r in refs {
        let dash = if r.dashed { Some((8, 5)) } else { None };
        legend.push((Sample::Line(GREY, 2, dash), r.label.clone()));
    }

    let head_h = heading.height();
    let height = head_h + chart_h + legend_height(&legend) + 6;

    render(&heading, height, |root| {
        heading.draw(root)?;
        let (_, below) = root.split_vertically(head_h);
        let (chart_area, _) = below.split_vertically(chart_h);
        let mut chart = ChartBuilder::on(&chart_area)
            .margin_top(plot_top_margin)
            .margin_left(10)
            .margin_right(75)
            .x_label_area_size(x_area)
            .y_label_area_size(label_w)
            .build_cartesian_2d(0.0..x_max, 0.0..n as f64)
            .map_err(derr)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .x_labels(8)
            .max_light_lines(0)
            .bold_line_style(GRID.stroke_width(1))
            .axis_style(INK.stroke_width(1))
            .x_label_formatter(&fmt_tick)
            .label_style(font(TEXT).color(&INK))
            .axis_desc_style(font(TEXT).color(&INK))
            .x_desc(truncate(x_label, 80))
            .draw()
            .map_err(derr)?;

        let left = chart.backend_coord(&(0.0, 0.0)).0;
        let label_style = text_style(TEXT, &INK, HPos::Right, VPos::Center);
        let value_style = text_style(TEXT, &INK, HPos::Left, VPos::Center);
        let clamp = |v: f64| v.clamp(0.0, x_max);
        // Value texts are drawn last, on a white patch, so reference lines never cross them.
        let mut value_texts: Vec<(String, (i32, i32))> = Vec::new();

        for (i, row) in rows.iter().enumerate() {
            let yc = n as f64 - i as f64 - 0.5;
            let ly = chart.backend_coord(&(0.0, yc)).1;
            root.draw(&Text::new(
                labels[i].clone(),
                (left - 8, ly),
                label_style.clone(),
            ))
            .map_err(derr)?;
            for (k, bar) in row.bars.iter().enumerate() {
                // Bar extent inside the row, in y units.
                let (b0, b1) = match (paired, k) {
                    (false, _) => (yc - 0.3, yc + 0.3),
                    (true, 0) => (yc + 0.03, yc + 0.37),
                    (true, _) => (yc - 0.37, yc - 0.03),
                };
                let mid = (b0 + b1) / 2.0;
                let value = finite(Some(bar.value));
                let mut text_x = 0.0;
                if let Some(v) = value {
                    let p0 = chart.backend_coord(&(0.0, b1));
                    let p1 = chart.backend_coord(&(clamp(v), b0));
                    if k == 0 {
                        root.draw(&Rectangle::new([p0, p1], BAR_FILL.filled()))
                            .map_err(derr)?;
                        root.draw(&Rectangle::new([p0, p1], INK.stroke_width(1)))
                            .map_err(derr)?;
                    } else {
                        hatched_rect(root, p0, p1)?;
                    }
                    text_x = clamp(v);
                }
                if let (Some(lo), Some(hi)) = (finite(bar.low), finite(bar.high)) {
                    let (lo, hi) = (lo.min(hi), lo.max(hi));
                    let st = INK.stroke_width(2);
                    let cap = (b1 - b0) * 0.3;
                    chart
                        .draw_series(std::iter::once(PathElement::new(
                            vec![(clamp(lo), mid), (clamp(hi), mid)],
                            st,
                        )))
                        .map_err(derr)?;
                    // A cap marks an end that lies inside the axis; a clipped end has none.
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
                    text_x = f64::max(text_x, clamp(hi));
                }
                let (tx, ty) = chart.backend_coord(&(text_x, mid));
                let text = value.map(fmt3).unwrap_or_else(|| na(lang).into());
                value_texts.push((text, (tx + 7, ty)));
            }
        }

        for r in refs {
            if !(0.0..=x_max).contains(&r.x) {
                continue;
            }
            let pts = vec![(r.x, 0.0), (r.x, n as f64)];
            let st = GREY.stroke_width(2);
            if r.dashed {
                chart
                    .draw_series(DashedLineSeries::new(pts, 8, 5, st))
                    .map_err(derr)?;
            } else {
                chart.draw_series(LineSeries::new(pts, st)).map_err(derr)?;
            }
        }

        for (text, (x, y)) in value_texts {
            let w = (units(&text) as f64 * CHAR_W) as i32 + 4;
            root.draw(&Rectangle::new(
                [(x - 2, y - 9), (x + w, y + 9)],
                WHITE.filled(),
            ))
            .map_err(derr)?;
            root.draw(&Text::new(text, (x, y), value_style.clone()))
                .map_err(derr)?;
        }

        draw_legend(root, (head_h + chart_h) as i32 + LEGEND_GAP, &legend)
    })
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
    let rows: Vec<Row<'_>> = bars
        .iter()
        .map(|b| Row {
            label: &b.label,
            bars: vec![b],
        })
        .collect();
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
        &rows,
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
/// Horizontal bars of adverse-rate ratios with their intervals, the line at 1.25 (the
/// four-fifths rule read for the harmful outcome) and parity at 1.0.
pub fn adverse_ratio_bars(title: &str, bars: &[Bar], lang: Lang) -> Result<String, String> {
    if bars.is_empty() {
        return Ok(String::new());
    }
    let x_max = bars
        .iter()
        .filter_map(|b| finite(b.high).or(finite(Some(b.value))))
        .fold(1.5_f64, f64::max)
        .min(20.0);
    let rows: Vec<Row<'_>> = bars
        .iter()
        .map(|b| Row {
            label: &b.label,
            bars: vec![b],
        })
        .collect();
    let refs = [
        RefLine {
            x: 1.0,
            label: lang.pick("parity (1.0)", "均等（1.0）").into(),
            dashed: false,
        },
        RefLine {
            x: 1.25,
            label: lang
                .pick(
                    "four-fifths line, adverse framing (1.25)",
                    "五分之四界线，不利口径（1.25）",
                )
                .into(),
            dashed: true,
        },
    ];
    hbars(
        Heading::new(title, None),
        lang.pick(
            "adverse-rate ratio (group's adverse rate ÷ comparison's, no unit)",
            "不利结果率之比（本组不利结果率 ÷ 比较组的，无单位）",
        ),
        &rows,
        x_max,
        &refs,
        None,
        lang,
    )
}

pub fn ratio_bars(title: &str, bars: &[Bar], lang: Lang) -> Result<String, String> {
    if bars.is_empty() {
        return Ok(String::new());
    }
    let x_max = bars
        .iter()
        .filter_map(|b| finite(Some(b.value)))
        .fold(1.2_f64, f64::max);
    let rows: Vec<Row<'_>> = bars
        .iter()
        .map(|b| Row {
            label: &b.label,
            bars: vec![b],
        })
        .collect();
    let refs = [
        RefLine {
            x: 0.8,
            label: lang
                .pick("four-fifths line (0.8)", "五分之四界线（0.8）")
                .into(),
            dashed: true,
        },
        RefLine {
            x: 1.0,
            label: lang.pick("parity (1.0)", "均等（1.0）").into(),
            dashed: false,
        },
    ];
    hbars(
        Heading::new(title, None),
        lang.pick(
            "impact ratio (group rate ÷ comparison rate, no unit)",
            "影响比（本组比率 ÷ 比较组比率，无单位）",
        ),
        &rows,
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
    let rows: Vec<Row<'_>> = groups
        .iter()
        .map(|(g, a, b)| Row {
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

// ---------------------------------------------------------------------------------------------
// Line charts (score_cdfs, calibration)
// ---------------------------------------------------------------------------------------------

const LINE_PLOT_H: u32 = 430;

/// Heading note when groups beyond [`MAX_GROUPS`] are left out.
fn groups_note(total: usize, lang: Lang) -> Option<String> {
    (total > MAX_GROUPS).then(|| {
        crate::tr!(
            lang,
            "showing the first {MAX_GROUPS} of {total} groups",
            "仅显示 {total} 个群体中的前 {MAX_GROUPS} 个"
        )
    })
}

/// The mark of a missing value.
fn na(lang: Lang) -> &'static str {
    lang.pick("n/a", "无")
}

/// Draws `pts` as a line in group `i`'s style.
fn draw_group_line<DB, CT>(
    chart: &mut ChartContext<'_, DB, CT>,
    i: usize,
    pts: Vec<(f64, f64)>,
    max_width: u32,
) -> Result<(), String>
where
    DB: DrawingBackend,
    CT: CoordTranslate<From = (f64, f64)>,
{
    let (w, dash) = LINES[i % MAX_GROUPS];
    let st = PALETTE[i % MAX_GROUPS].stroke_width(w.min(max_width));
    match dash {
        None => chart
            .draw_series(LineSeries::new(pts, st))
            .map(|_| ())
            .map_err(|e| derr(format!("{e:?}"))),
        Some((d, g)) => chart
            .draw_series(DashedLineSeries::new(pts, d, g, st))
            .map(|_| ())
            .map_err(|e| derr(format!("{e:?}"))),
    }
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
    let mut data: Vec<CdfGroup> = Vec::new();
    for (name, n, pts) in groups {
        let mut pts: Vec<(f64, f64)> = pts
            .iter()
            .copied()
            .filter(|(x, y)| x.is_finite() && y.is_finite())
            .map(|(x, y)| (x, y.clamp(0.0, 1.0)))
            .collect();
        pts.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        if !pts.is_empty() {
            data.push((name.clone(), *n, pts));
        }
    }
    if data.is_empty() {
        return Ok(String::new());
    }
    let (mut lo, mut hi) = x_range;
    if !lo.is_finite() || !hi.is_finite() || hi - lo < 1e-12 {
        let xs = data.iter().flat_map(|(_, _, p)| p.iter().map(|q| q.0));
        lo = xs.clone().fold(f64::INFINITY, f64::min) - 0.5;
        hi = xs.fold(f64::NEG_INFINITY, f64::max) + 0.5;
    }
    let shown_total = data.len();
    data.truncate(MAX_GROUPS);
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
    let heading = Heading::new(title, groups_note(shown_total, lang));
    let head_h = heading.height();
    let height = head_h + LINE_PLOT_H + legend_height(&legend) + 6;

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
        chart
            .configure_mesh()
            .x_labels(8)
            .y_labels(6)
            .max_light_lines(0)
            .bold_line_style(GRID.stroke_width(1))
            .axis_style(INK.stroke_width(1))
            .x_label_formatter(&fmt_tick)
            .y_label_formatter(&fmt_tick)
            .label_style(font(TEXT).color(&INK))
            .axis_desc_style(font(TEXT).color(&INK))
            .x_desc(truncate(x_label, 80))
            .y_desc(lang.pick(
                "share of group at or below x (0–1)",
                "分数不高于横轴取值者占本组的比例（0–1）",
            ))
            .draw()
            .map_err(derr)?;
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
    let mut data: Vec<(String, Vec<(f64, f64)>)> = Vec::new();
    for (name, pts) in groups {
        let mut pts: Vec<(f64, f64)> = pts
            .iter()
            .copied()
            .filter(|(x, y)| x.is_finite() && y.is_finite())
            .map(|(x, y)| (x.clamp(x_lo, x_hi), y.clamp(0.0, 1.0)))
            .collect();
        pts.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        if !pts.is_empty() {
            data.push((name.clone(), pts));
        }
    }
    if data.is_empty() {
        return Ok(String::new());
    }
    let shown_total = data.len();
    data.truncate(MAX_GROUPS);
    let mut legend: Vec<(Sample, String)> = data
        .iter()
        .enumerate()
        .map(|(i, (name, _))| (Sample::LineMarker(i), truncate(name, MAX_LABEL)))
        .collect();
    if diagonal {
        legend.push((
            Sample::Line(GREY, 2, Some((8, 5))),
            lang.pick("perfect calibration (y = x)", "完全校准（y = x）")
                .into(),
        ));
    }
    let x_desc = match scale {
        Some((_, _, label)) => truncate(label, 80),
        None => lang
            .pick(
                "mean predicted score in bin (0–1)",
                "分箱内平均预测分数（0–1）",
            )
            .to_string(),
    };
    let heading = Heading::new(title, groups_note(shown_total, lang));
    let head_h = heading.height();
    let plot_h = LINE_PLOT_H + 60;
    let height = head_h + plot_h + legend_height(&legend) + 6;

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
        chart
            .configure_mesh()
            .x_labels(6)
            .y_labels(6)
            .max_light_lines(0)
            .bold_line_style(GRID.stroke_width(1))
            .axis_style(INK.stroke_width(1))
            .x_label_formatter(&fmt_tick)
            .y_label_formatter(&fmt_tick)
            .label_style(font(TEXT).color(&INK))
            .axis_desc_style(font(TEXT).color(&INK))
            .x_desc(x_desc)
            .y_desc(lang.pick(
                "observed share with a positive label (0–1)",
                "实际正类标签比例（0–1）",
            ))
            .draw()
            .map_err(derr)?;
        if diagonal {
            chart
                .draw_series(DashedLineSeries::new(
                    vec![(0.0, 0.0), (1.0, 1.0)],
                    8,
                    5,
                    GREY.stroke_width(2),
                ))
                .map_err(derr)?;
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

// ---------------------------------------------------------------------------------------------
// Heat map
// ---------------------------------------------------------------------------------------------

/// Lower and upper end of the heat map's fixed shading scale (impact ratios).
const HEAT_LO: f64 = 0.4;
const HEAT_HI: f64 = 1.0;
/// The four-fifths line: cells below it are outlined and starred.
const HEAT_LINE: f64 = 0.8;

/// Heat map of an impact ratio per (row, column) cell, e.g. each sex × race group.
///
/// Cells are shaded in grey, **darker = lower value**, on one fixed scale for every chart
/// (0.4 or less darkest, 1.0 or more lightest), so the same shade means the same ratio in every
/// report; cells below the four-fifths line (0.8) get a heavy outline and a star after the
/// number. The value is printed in each cell (white on dark cells, black on light ones). Cells that are `None`,
/// non-finite, or missing because `values` is shorter than `rows` × `cols`, are white, outlined
/// and marked "n/a". When the columns are too narrow for numbers (more than about 10 columns)
/// the numbers are left out and the note says so. Returns `Ok(String::new())` when `rows` or
/// `cols` is empty.
pub fn heatmap(
    title: &str,
    rows: &[String],
    cols: &[String],
    values: &[Vec<Option<f64>>],
    lang: Lang,
) -> Result<String, String> {
    let marks: Vec<Vec<bool>> = values
        .iter()
        .map(|r| r.iter().map(|v| v.is_some_and(|v| v < HEAT_LINE)).collect())
        .collect();
    heatmap_marked(title, rows, cols, values, &marks, lang)
}

/// [`heatmap`] with the starred cells given: a cell is starred and outlined when `marks` says
/// so (a gap beyond the four-fifths line in either framing).
pub fn heatmap_marked(
    title: &str,
    rows: &[String],
    cols: &[String],
    values: &[Vec<Option<f64>>],
    marks: &[Vec<bool>],
    lang: Lang,
) -> Result<String, String> {
    if rows.is_empty() || cols.is_empty() {
        return Ok(String::new());
    }
    let marked = |r: usize, c: usize| {
        marks
            .get(r)
            .and_then(|x| x.get(c))
            .copied()
            .unwrap_or(false)
    };
    let cell = |r: usize, c: usize| -> Option<f64> {
        values
            .get(r)
            .and_then(|row| row.get(c))
            .copied()
            .flatten()
            .filter(|v| v.is_finite())
    };
    let any = (0..rows.len()).any(|r| (0..cols.len()).any(|c| cell(r, c).is_some()));
    let row_labels: Vec<String> = rows.iter().map(|r| truncate(r, MAX_LABEL)).collect();
    let longest = row_labels.iter().map(|l| units(l)).max().unwrap_or(0);
    let label_w = ((longest as f64 * CHAR_W) as i32 + 24).clamp(60, 240);
    let left = 15 + label_w;
    let avail = WIDTH as i32 - left - 20;
    let col_w = (avail / cols.len() as i32).clamp(1, 130);
    let numbers = col_w >= 48;
    let col_chars = ((col_w as f64 - 6.0) / CHAR_W).floor().max(2.0) as usize;
    let col_labels: Vec<String> = cols
        .iter()
        .map(|c| truncate(c, col_chars.min(MAX_LABEL)))
        .collect();
    let cell_h = 40;
    let head_row = 34;

    let note = if any {
        let mut s = lang.pick(
            "Darker = lower impact ratio, on one fixed scale: 0.4 or less darkest, 1.0 or more lightest. Cells beyond the four-fifths line in either framing (impact ratio below 0.8, or adverse-rate ratio above 1.25) have a heavy outline and a star (*). n/a = not compared (missing values, too few workers to publish, or no value).",
            "颜色越深，影响比越低，所有图表采用同一固定灰度：0.4 及以下最深，1.0 及以上最浅。按任一口径超出五分之四界线（影响比低于 0.8，或不利结果率之比高于 1.25）的格子加粗边框并标星号（*）。“无”表示未比较（取值缺失、人数过少不予公布或没有数值）。",
        ).to_string();
        if !numbers {
            s.push_str(lang.pick(
                " Too many columns to print values.",
                "列数过多，未在格内标注数值。",
            ));
        }
        s
    } else {
        lang.pick("No cell has a value (n/a).", "没有任何单元格有数值（无）。")
            .to_string()
    };
    let note_lines = wrap(&note, ((WIDTH as f64 - 30.0) / CHAR_W) as usize, 3);

    let heading = Heading::new(title, None);
    let head_h = heading.height() as i32;
    let grid_top = head_h + head_row;
    let grid_h = cell_h * rows.len() as i32;
    let height = grid_top + grid_h + 14 + 22 * note_lines.len() as i32 + 10;

    render(&heading, height.max(1) as u32, |root| {
        heading.draw(root)?;
        let col_style = text_style(TEXT, &INK, HPos::Center, VPos::Bottom);
        for (c, label) in col_labels.iter().enumerate() {
            let x = left + col_w * c as i32 + col_w / 2;
            root.draw(&Text::new(
                label.clone(),
                (x, grid_top - 8),
                col_style.clone(),
            ))
            .map_err(derr)?;
        }
        let row_style = text_style(TEXT, &INK, HPos::Right, VPos::Center);
        for (r, label) in row_labels.iter().enumerate() {
            let y0 = grid_top + cell_h * r as i32;
            root.draw(&Text::new(
                label.clone(),
                (left - 8, y0 + cell_h / 2),
                row_style.clone(),
            ))
            .map_err(derr)?;
            for c in 0..cols.len() {
                let x0 = left + col_w * c as i32;
                let rect = [(x0, y0), (x0 + col_w, y0 + cell_h)];
                let centre = (x0 + col_w / 2, y0 + cell_h / 2);
                match cell(r, c) {
                    Some(v) => {
                        let t = ((v - HEAT_LO) / (HEAT_HI - HEAT_LO)).clamp(0.0, 1.0);
                        let g = (70.0 + t * (225.0 - 70.0)).round().clamp(0.0, 255.0) as u8;
                        root.draw(&Rectangle::new(rect, RGBColor(g, g, g).filled()))
                            .map_err(derr)?;
                        let below = marked(r, c);
                        if numbers {
                            // White text only on dark cells (contrast of at least 4.5:1).
                            let ink = if g < 118 { WHITE } else { INK };
                            let st = text_style(TEXT, &ink, HPos::Center, VPos::Center);
                            let label = if below {
                                format!("{}*", fmt3(v))
                            } else {
                                fmt3(v)
                            };
                            root.draw(&Text::new(label, centre, st)).map_err(derr)?;
                        }
                        if below {
                            let inner = [(x0 + 2, y0 + 2), (x0 + col_w - 2, y0 + cell_h - 2)];
                            root.draw(&Rectangle::new(inner, INK.stroke_width(3)))
                                .map_err(derr)?;
                        }
                    }
                    None => {
                        root.draw(&Rectangle::new(rect, WHITE.filled()))
                            .map_err(derr)?;
                        let st = text_style(TEXT, &GREY, HPos::Center, VPos::Center);
                        root.draw(&Text::new(na(lang), centre, st)).map_err(derr)?;
                    }
                }
                root.draw(&Rectangle::new(
                    rect,
                    RGBColor(160, 160, 160).stroke_width(1),
                ))
                .map_err(derr)?;
            }
        }
        let note_style = text_style(TEXT, &INK, HPos::Left, VPos::Top);
        let mut y = grid_top + grid_h + 14;
        for line in &note_lines {
            root.draw(&Text::new(line.clone(), (15, y), note_style.clone()))
                .map_err(derr)?;
            y += 22;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: [&str; 2] = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
    ];

    fn bar(label: &str, value: f64, low: f64, high: f64) -> Bar {
        Bar {
            label: label.into(),
            value,
            low: Some(low),
            high: Some(high),
        }
    }

    fn sample_bars() -> Vec<Bar> {
        vec![
            bar("women", 0.31, 0.27, 0.35),
            bar("men", 0.45, 0.41, 0.49),
            bar(
                "a very long group name that goes on and on",
                0.52,
                0.30,
                0.74,
            ),
            Bar {
                label: "unknown".into(),
                value: f64::NAN,
                low: None,
                high: None,
            },
        ]
    }

    fn ratios() -> Vec<Bar> {
        vec![
            bar("women", 0.69, 0.6, 0.79),
            bar("men", 1.0, 1.0, 1.0),
            bar("non-binary", 0.85, 0.4, 1.9),
        ]
    }

    fn paired() -> Vec<(String, Bar, Bar)> {
        vec![
            (
                "women".into(),
                bar("FPR", 0.12, 0.09, 0.15),
                bar("FNR", 0.30, 0.25, 0.35),
            ),
            (
                "men".into(),
                bar("FPR", 0.20, 0.17, 0.23),
                bar("FNR", 0.18, 0.15, 0.21),
            ),
        ]
    }

    fn cdf_groups() -> Vec<(String, Vec<(f64, u64)>)> {
        (0..3)
            .map(|g| {
                let cells = (0..=10)
                    .map(|k| (k as f64 / 10.0, (k as u64 * (g + 1) + 3) % 7 + 1))
                    .collect();
                (format!("group {g}"), cells)
            })
            .collect()
    }

    fn calib_groups() -> Vec<(String, Vec<(f64, f64)>)> {
        (0..3)
            .map(|g| {
                let pts = (0..5)
                    .map(|k| {
                        let x = 0.1 + 0.2 * k as f64;
                        (x, (x + 0.05 * (g as f64 - 1.0)).clamp(0.0, 1.0))
                    })
                    .collect();
                (format!("group {g}"), pts)
            })
            .collect()
    }

    fn heat() -> (Vec<String>, Vec<String>, Vec<Vec<Option<f64>>>) {
        (
            vec!["female".into(), "male".into()],
            vec!["Asian".into(), "Black".into(), "White".into()],
            vec![
                vec![Some(0.72), Some(0.81), None],
                vec![Some(0.95), Some(f64::NAN), Some(1.0)],
            ],
        )
    }

    /// Every chart function, on sample data with `title` and, where the function has them,
    /// group names replaced by `name`.
    fn all(title: &str, name: Option<&str>) -> Vec<(&'static str, String)> {
        let rename = |s: &str| name.map(str::to_string).unwrap_or_else(|| s.to_string());
        let mut bars = sample_bars();
        bars.iter_mut().for_each(|b| b.label = rename(&b.label));
        let mut rb = ratios();
        rb.iter_mut().for_each(|b| b.label = rename(&b.label));
        let mut pb = paired();
        pb.iter_mut().for_each(|g| g.0 = rename(&g.0));
        let mut cd = cdf_groups();
        cd.iter_mut().for_each(|g| g.0 = rename(&g.0));
        let mut cg = calib_groups();
        cg.iter_mut().for_each(|g| g.0 = rename(&g.0));
        let (mut r, mut c, v) = heat();
        r.iter_mut().for_each(|s| *s = rename(s));
        c.iter_mut().for_each(|s| *s = rename(s));
        let ok = |x: Result<String, String>| x.expect("chart renders");
        vec![
            (
                "rate_bars",
                ok(rate_bars(
                    title,
                    "selection rate (share selected, 0–1)",
                    &bars,
                    Some((0.4, &rename("overall"))),
                    Lang::En,
                )),
            ),
            ("ratio_bars", ok(ratio_bars(title, &rb, Lang::En))),
            (
                "paired_bars",
                ok(paired_bars(
                    title,
                    "error rate (share, 0–1)",
                    (&rename("false positive rate"), "false negative rate"),
                    &pb,
                    Lang::En,
                )),
            ),
            (
                "score_cdfs",
                ok(score_cdfs(title, "risk score (0–1)", &cd, Lang::En)),
            ),
            ("calibration", ok(calibration(title, &cg, None, Lang::En))),
            (
                "cdf_lines",
                ok(cdf_lines(
                    title,
                    "score (0–1)",
                    (0.0, 1.0),
                    &cg.iter()
                        .map(|(g, pts)| (g.clone(), 10, pts.clone()))
                        .collect::<Vec<_>>(),
                    Lang::En,
                )),
            ),
            ("heatmap", ok(heatmap(title, &r, &c, &v, Lang::En))),
        ]
    }

    #[test]
    fn every_chart_renders_with_title_and_fixed_width() {
        for (name, svg) in all("Selection rate by sex", None) {
            assert!(
                svg.starts_with("<svg"),
                "{name}: {}",
                &svg[..svg.len().min(80)]
            );
            assert!(svg.trim_end().ends_with("</svg>"), "{name}");
            assert!(svg.contains("Selection rate by sex"), "{name}");
            assert!(svg.contains("width=\"720\""), "{name}");
            assert!(svg.contains("font-family=\"sans-serif\""), "{name}");
        }
    }

    #[test]
    fn text_is_at_least_13px() {
        for (name, svg) in all("Sizes", None) {
            for part in svg.split("font-size=\"").skip(1) {
                let size: f64 = part
                    .split('"')
                    .next()
                    .and_then(|s| s.parse().ok())
                    .expect("font-size is a number");
                assert!(size >= 13.0, "{name}: font-size {size}");
            }
        }
    }

    #[test]
    fn charts_are_deterministic() {
        let a = all("Same", None);
        let b = all("Same", None);
        for ((name, x), (_, y)) in a.iter().zip(b.iter()) {
            assert_eq!(x, y, "{name}");
        }
    }

    #[test]
    fn hostile_labels_cannot_produce_markup() {
        for hostile in HOSTILE {
            for (name, svg) in all(hostile, Some(hostile)) {
                let lower = svg.to_lowercase();
                assert!(!lower.contains("<script"), "{name}: {hostile}");
                assert!(!lower.contains("<img"), "{name}: {hostile}");
                assert!(svg.contains("&lt;"), "{name}: escaped text is kept");
            }
        }
    }

    #[test]
    fn control_characters_are_removed() {
        let svg = rate_bars("a\u{0}b\nc", "x", &sample_bars(), None, Lang::En).expect("renders");
        assert!(!svg.contains('\u{0}'));
        assert!(svg.contains("a b c"));
    }

    #[test]
    fn empty_input_gives_empty_string() {
        assert_eq!(
            rate_bars("t", "x", &[], Some((0.5, "overall")), Lang::En),
            Ok(String::new())
        );
        assert_eq!(ratio_bars("t", &[], Lang::En), Ok(String::new()));
        assert_eq!(
            paired_bars("t", "x", ("a", "b"), &[], Lang::En),
            Ok(String::new())
        );
        assert_eq!(score_cdfs("t", "x", &[], Lang::En), Ok(String::new()));
        assert_eq!(
            score_cdfs(
                "t",
                "x",
                &[("g".into(), vec![(f64::NAN, 3), (0.5, 0)])],
                Lang::En
            ),
            Ok(String::new())
        );
        assert_eq!(calibration("t", &[], None, Lang::En), Ok(String::new()));
        assert_eq!(
            calibration("t", &[("g".into(), vec![(f64::NAN, 0.5)])], None, Lang::En),
            Ok(String::new())
        );
        assert_eq!(
            heatmap("t", &[], &["c".into()], &[], Lang::En),
            Ok(String::new())
        );
        assert_eq!(
            heatmap("t", &["r".into()], &[], &[], Lang::En),
            Ok(String::new())
        );
    }

    #[test]
    fn ratio_bars_show_the_four_fifths_line() {
        let svg = ratio_bars("Impact ratios", &ratios(), Lang::En).expect("renders");
        assert!(svg.contains("four-fifths line (0.8)"));
        assert!(svg.contains("parity (1.0)"));
        assert!(svg.contains("0.690"), "values are printed");
    }

    #[test]
    fn non_finite_values_are_skipped() {
        let bars = vec![
            bar("a", f64::INFINITY, f64::NAN, 0.5),
            bar("b", 0.5, f64::NEG_INFINITY, f64::INFINITY),
        ];
        let svg =
            rate_bars("t", "x", &bars, Some((f64::NAN, "overall")), Lang::En).expect("renders");
        assert!(svg.contains("n/a"));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
        let svg = ratio_bars("t", &bars, Lang::En).expect("renders");
        assert!(!svg.contains("NaN"));
        let (r, c, v) = heat();
        let svg = heatmap("t", &r, &c, &v, Lang::En).expect("renders");
        assert_eq!(
            svg.matches(">\nn/a").count() + svg.matches(">n/a").count(),
            2
        );
    }

    #[test]
    fn long_labels_are_truncated() {
        let long = "x".repeat(60);
        let svg =
            rate_bars("t", "x", &[bar(&long, 0.5, 0.4, 0.6)], None, Lang::En).expect("renders");
        assert!(!svg.contains(&long));
        assert!(svg.contains(&format!("{}…", "x".repeat(MAX_LABEL - 1))));
        assert_eq!(truncate("abc", 28), "abc");
        assert_eq!(truncate("abcdef", 4), "abc…");
    }

    #[test]
    fn height_grows_with_bars() {
        let h = |svg: &str| -> u32 {
            svg.split("height=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .and_then(|s| s.parse().ok())
                .expect("height")
        };
        let one = rate_bars("t", "x", &sample_bars()[..1], None, Lang::En).expect("renders");
        let four = rate_bars("t", "x", &sample_bars(), None, Lang::En).expect("renders");
        assert_eq!(h(&four) - h(&one), 3 * 36);
    }

    #[test]
    fn more_than_eight_groups_are_noted() {
        let groups: Vec<(String, Vec<(f64, u64)>)> = (0..10)
            .map(|g| (format!("g{g}"), vec![(g as f64, 1)]))
            .collect();
        let svg = score_cdfs("t", "x", &groups, Lang::En).expect("renders");
        assert!(svg.contains("showing the first 8 of 10 groups"));
        assert!(svg.contains("g7 (n = 1)"));
        assert!(!svg.contains("g8 (n = 1)"));
    }

    #[test]
    fn chinese_text_is_measured_by_width() {
        // A Chinese character counts as two Latin ones.
        assert_eq!(units("性别ab"), 6);
        assert_eq!(truncate("一二三四五六七八九十", 10), "一二三四…");
        assert_eq!(truncate("一二三四五", 10), "一二三四五");
        // Chinese wraps between characters, Latin words stay whole.
        let lines = wrap("按性别划分的有利结果率 favorable rate 与影响比", 12, 5);
        assert_eq!(
            lines,
            [
                "按性别划分的",
                "有利结果率",
                "favorable",
                "rate 与影响",
                "比"
            ]
        );
        assert!(lines.iter().all(|l| units(l) <= 12), "{lines:?}");
        let cut = wrap("一二三四五六七八九十", 4, 2);
        assert_eq!(cut, ["一二", "三…"]);
    }

    #[test]
    fn chinese_charts_have_chinese_labels() {
        let svg = ratio_bars("影响比", &ratios(), Lang::Zh).expect("renders");
        assert!(svg.contains("五分之四界线（0.8）") && svg.contains("均等（1.0）"));
        assert!(!svg.contains("four-fifths") && !svg.contains("interval"));
        let svg = calibration("校准", &calib_groups(), None, Lang::Zh).expect("renders");
        assert!(svg.contains("完全校准") && svg.contains("实际正类标签比例"));
        let (r, c, v) = heat();
        let svg = heatmap("热图", &r, &c, &v, Lang::Zh).expect("renders");
        assert!(
            svg.contains(">无<") || svg.contains(">\n无"),
            "missing cells marked 无"
        );
        assert!(!svg.contains("n/a"));
    }

    #[test]
    #[ignore = "writes sample charts to /tmp/plots for a visual check"]
    fn write_samples() {
        let dir = std::path::Path::new("/tmp/plots");
        std::fs::create_dir_all(dir).expect("mkdir");
        for (name, svg) in all("Selection rate by sex (sample data)", None) {
            std::fs::write(dir.join(format!("{name}.svg")), svg).expect("write");
        }
    }
}
