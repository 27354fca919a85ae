//! The legend: entries of a sample (bar, hatching, whisker, line, marker) and a text, placed
//! left to right and wrapped under the chart.

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::kit::{Area, derr, draw_marker, hatched_rect, solid_rect, text_style};
use super::style::{CHAR_W, INK, LINES, MAX_GROUPS, PALETTE, TEXT, WIDTH};
use super::wrap::units;

/// What a legend entry shows left of its text.
#[derive(Clone, Copy)]
pub(super) enum Sample {
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
pub(super) const LEGEND_GAP: i32 = 8;

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

pub(super) fn legend_height(items: &[(Sample, String)]) -> u32 {
    let (_, lines) = legend_layout(items);
    if lines == 0 {
        0
    } else {
        (lines * LEGEND_LINE + LEGEND_GAP + 12) as u32
    }
}

/// Draws the legend with its first line centred at `top + LEGEND_LINE / 2`.
pub(super) fn draw_legend(
    root: &Area<'_>,
    top: i32,
    items: &[(Sample, String)],
) -> Result<(), String> {
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
        Sample::Fill => solid_rect(root, (x, y - 7), (x + SAMPLE_W, y + 7))?,
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
