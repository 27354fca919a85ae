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
//!
//! The charts are grouped by family: horizontal bars ([`rate_bars`], [`ratio_bars`],
//! [`adverse_ratio_bars`], [`paired_bars`]), score lines ([`score_cdfs`], [`cdf_lines`],
//! [`calibration`]) and the heat map ([`heatmap`], [`heatmap_marked`]), drawn with a small kit
//! (text fitting for Chinese and Latin text, the heading, the legend, markers and hatching).

mod bars;
mod heatmap;
mod kit;
mod legend;
mod lines;
#[cfg(test)]
mod tests;
mod wrap;

use plotters::prelude::RGBColor;

pub use bars::{adverse_ratio_bars, paired_bars, rate_bars, ratio_bars};
pub use heatmap::{heatmap, heatmap_marked};
pub use lines::{CdfGroup, calibration, cdf_lines, score_cdfs};

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
