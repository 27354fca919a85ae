//! The heat map: an impact ratio per cell of a two-way intersection, on a fixed grey scale.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::kit::{Area, Heading, derr, fmt3, na, render, text_style};
use super::style::{CHAR_W, GREY, INK, MAX_LABEL, TEXT, WIDTH};
use super::wrap::{truncate, units, wrap};
use crate::i18n::Lang;
use crate::ts;

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
/// number. The value is printed in each cell (white on dark cells, black on light ones). Cells
/// that are `None`, non-finite, or missing because `values` is shorter than `rows` × `cols`, are white, outlined
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

/// Height of a row of cells, in pixels.
const CELL_H: i32 = 40;
/// Height of the column labels above the cells, in pixels.
const HEAD_ROW: i32 = 34;

/// Where the parts of a heat map go, from its labels.
struct HeatLayout {
    row_labels: Vec<String>,
    col_labels: Vec<String>,
    /// x of the first column, in pixels.
    left: i32,
    /// Width of a column, in pixels.
    col_w: i32,
    /// Whether the columns are wide enough to print values.
    numbers: bool,
}

impl HeatLayout {
    fn new(rows: &[String], cols: &[String]) -> Self {
        let row_labels: Vec<String> = rows.iter().map(|r| truncate(r, MAX_LABEL)).collect();
        let longest = row_labels.iter().map(|l| units(l)).max().unwrap_or(0);
        let label_w = ((longest as f64 * CHAR_W) as i32 + 24).clamp(60, 240);
        let left = 15 + label_w;
        let avail = WIDTH as i32 - left - 20;
        let col_w = (avail / cols.len() as i32).clamp(1, 130);
        let col_chars = ((col_w as f64 - 6.0) / CHAR_W).floor().max(2.0) as usize;
        let col_labels: Vec<String> = cols
            .iter()
            .map(|c| truncate(c, col_chars.min(MAX_LABEL)))
            .collect();
        HeatLayout {
            row_labels,
            col_labels,
            left,
            col_w,
            numbers: col_w >= 48,
        }
    }
}

/// The note under the map: how to read the shades, or that no cell has a value.
fn heat_note(any: bool, numbers: bool, lang: Lang) -> String {
    if !any {
        return ts!(lang, "report.plots.heatmap.no_cell_has_value_n").to_string();
    }
    let mut s = ts!(lang, "report.plots.heatmap.darker_lower_impact_ratio_one").to_string();
    if !numbers {
        s.push_str(ts!(
            lang,
            "report.plots.heatmap.too_many_columns_print_values"
        ));
    }
    s
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
    let layout = HeatLayout::new(rows, cols);
    let note = heat_note(any, layout.numbers, lang);
    let note_lines = wrap(&note, ((WIDTH as f64 - 30.0) / CHAR_W) as usize, 3);

    let heading = Heading::new(title, None);
    let grid_top = heading.height() as i32 + HEAD_ROW;
    let grid_h = CELL_H * rows.len() as i32;
    let height = grid_top + grid_h + 14 + 22 * note_lines.len() as i32 + 10;

    render(&heading, height.max(1) as u32, |root| {
        heading.draw(root)?;
        let (left, col_w) = (layout.left, layout.col_w);
        let col_style = text_style(TEXT, &INK, HPos::Center, VPos::Bottom);
        for (c, label) in layout.col_labels.iter().enumerate() {
            let x = left + col_w * c as i32 + col_w / 2;
            root.draw(&Text::new(
                label.clone(),
                (x, grid_top - 8),
                col_style.clone(),
            ))
            .map_err(derr)?;
        }
        let row_style = text_style(TEXT, &INK, HPos::Right, VPos::Center);
        for (r, label) in layout.row_labels.iter().enumerate() {
            let y0 = grid_top + CELL_H * r as i32;
            root.draw(&Text::new(
                label.clone(),
                (left - 8, y0 + CELL_H / 2),
                row_style.clone(),
            ))
            .map_err(derr)?;
            for c in 0..cols.len() {
                let x0 = left + col_w * c as i32;
                let value = cell(r, c).map(|v| (v, marked(r, c)));
                draw_cell(root, (x0, y0), col_w, value, layout.numbers, lang)?;
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

/// One cell with its top left corner at `(x0, y0)`: shaded by its value (with the value printed
/// when `numbers`, starred and outlined when marked), or white and marked "n/a" without one.
fn draw_cell(
    root: &Area<'_>,
    (x0, y0): (i32, i32),
    col_w: i32,
    value: Option<(f64, bool)>,
    numbers: bool,
    lang: Lang,
) -> Result<(), String> {
    let rect = [(x0, y0), (x0 + col_w, y0 + CELL_H)];
    let centre = (x0 + col_w / 2, y0 + CELL_H / 2);
    match value {
        Some((v, below)) => {
            let t = ((v - HEAT_LO) / (HEAT_HI - HEAT_LO)).clamp(0.0, 1.0);
            let g = (70.0 + t * (225.0 - 70.0)).round().clamp(0.0, 255.0) as u8;
            root.draw(&Rectangle::new(rect, RGBColor(g, g, g).filled()))
                .map_err(derr)?;
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
                let inner = [(x0 + 2, y0 + 2), (x0 + col_w - 2, y0 + CELL_H - 2)];
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
    .map_err(derr)
}
