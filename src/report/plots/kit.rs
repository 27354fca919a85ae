//! The drawing kit every chart uses: number formats, fonts, the canvas with its accessible
//! name, the heading, the shared axis style, lines in a group's style, markers, solid and
//! hatched bars.

use plotters::chart::{ChartContext, MeshStyle};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::{CoordTranslate, Shift};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::style::{
    BAR_FILL, FONT, GREY, GRID, INK, MAX_GROUPS, PALETTE, TEXT, TITLE, TITLE_CHAR_W, WIDTH,
};
use super::wrap::{truncate, wrap};
use crate::i18n::Lang;
use crate::ts;

/// A number with three decimals: enough to tell 0.795 from 0.8.
pub(super) fn fmt3(v: f64) -> String {
    format!("{v:.3}")
}

/// An axis tick: up to 3 decimals, trailing zeros trimmed.
pub(super) fn fmt_tick(v: &f64) -> String {
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

pub(super) fn font(size: f64) -> FontDesc<'static> {
    (FONT, size).into_font()
}

pub(super) fn text_style(size: f64, color: &RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    font(size).color(color).pos(Pos::new(h, v))
}

pub(super) fn derr<E: std::fmt::Display>(e: E) -> String {
    format!("could not draw chart: {e}")
}

/// Checks an axis range before it is drawn: plotters loops without end over the ticks of a
/// range whose width is not finite (scores near the largest float, such as
/// -1e308 to 1e308). Such a chart is left out; its numbers stay in the tables.
pub(super) fn drawable(lo: f64, hi: f64) -> Result<(), String> {
    let width = hi - lo;
    if width.is_finite() && width >= 0.0 && lo.abs() < 1e300 && hi.abs() < 1e300 {
        Ok(())
    } else {
        Err(format!("axis range {lo}..{hi} cannot be drawn"))
    }
}

pub(super) type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// A plot with numbers on both axes.
pub(super) type Plot<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Runs `draw` on a white canvas of `WIDTH × height` and returns the SVG text, named for
/// assistive technology by its title (`role="img"`, `aria-label` and a `<title>` element).
pub(super) fn render<F>(heading: &Heading, height: u32, draw: F) -> Result<String, String>
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
pub(super) struct Heading {
    title: Vec<String>,
    note: Option<String>,
}

impl Heading {
    pub(super) fn new(title: &str, note: Option<String>) -> Self {
        let per_line = ((WIDTH as f64 - 30.0) / TITLE_CHAR_W) as usize;
        Heading {
            title: wrap(title, per_line, 2),
            note,
        }
    }

    pub(super) fn height(&self) -> u32 {
        14 + 24 * self.title.len() as u32 + if self.note.is_some() { 22 } else { 0 } + 6
    }

    pub(super) fn draw(&self, root: &Area<'_>) -> Result<(), String> {
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

/// Group `i`'s marker at pixel `c`: filled circle, triangle, square, then outlined ones, a cross
/// and a diamond.
pub(super) fn draw_marker(root: &Area<'_>, i: usize, c: (i32, i32)) -> Result<(), String> {
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
pub(super) fn hatched_rect(root: &Area<'_>, a: (i32, i32), b: (i32, i32)) -> Result<(), String> {
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

/// The mark of a missing value.
pub(super) fn na(lang: Lang) -> &'static str {
    ts!(lang, "report.plots.kit.not_available")
}

/// A solid bar: mid fill and a dark outline, in pixels.
pub(super) fn solid_rect(root: &Area<'_>, a: (i32, i32), b: (i32, i32)) -> Result<(), String> {
    root.draw(&Rectangle::new([a, b], BAR_FILL.filled()))
        .map_err(derr)?;
    root.draw(&Rectangle::new([a, b], INK.stroke_width(1)))
        .map_err(derr)?;
    Ok(())
}

/// The axes of every chart: no light grid lines, a light grey grid, a dark axis, ticks with up
/// to three decimals, ordinary text in ink, and `x_desc` under the x axis.
pub(super) fn ink_axes<'m, 'a, 'b, X, Y, DB>(
    mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
    x_desc: String,
) -> &'m mut MeshStyle<'a, 'b, X, Y, DB>
where
    X: Ranged<ValueType = f64>,
    Y: Ranged,
    DB: DrawingBackend,
{
    mesh.max_light_lines(0)
        .bold_line_style(GRID.stroke_width(1))
        .axis_style(INK.stroke_width(1))
        .x_label_formatter(&fmt_tick)
        .label_style(font(TEXT).color(&INK))
        .axis_desc_style(font(TEXT).color(&INK))
        .x_desc(x_desc)
}

/// Draws `pts` as a line in `style`, dashed when `dash` gives (dash, gap) in pixels.
pub(super) fn draw_line<DB, CT>(
    chart: &mut ChartContext<'_, DB, CT>,
    pts: Vec<(f64, f64)>,
    style: ShapeStyle,
    dash: Option<(u32, u32)>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>>
where
    DB: DrawingBackend,
    CT: CoordTranslate<From = (f64, f64)>,
{
    match dash {
        None => chart.draw_series(LineSeries::new(pts, style)).map(|_| ()),
        Some((d, g)) => chart
            .draw_series(DashedLineSeries::new(pts, d, g, style))
            .map(|_| ()),
    }
}
