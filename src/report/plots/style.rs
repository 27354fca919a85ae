//! The charts' common style: size, text sizes and widths, ink, greys, the bar fill and each
//! group's colour and line.

use plotters::prelude::RGBColor;

/// Width of every chart, in pixels.
pub const WIDTH: u32 = 720;
/// Longest label (in characters) drawn before it is cut with an ellipsis.
pub const MAX_LABEL: usize = 28;
/// Most groups drawn in [`score_cdfs`](super::score_cdfs) and
/// [`calibration`](super::calibration); further groups are left out and the chart says so under
/// its title.
pub const MAX_GROUPS: usize = 8;

pub(super) const FONT: &str = "sans-serif";
/// Requested size of ordinary text: plotters writes 17 / 1.24 ≈ 13.7 px into the SVG.
pub(super) const TEXT: f64 = 17.0;
/// Requested size of titles: ≈ 17.7 px in the SVG.
pub(super) const TITLE: f64 = 22.0;
/// Estimated width of one character of ordinary text, in pixels (generous, for layout).
pub(super) const CHAR_W: f64 = 7.8;
/// Estimated width of one title character, in pixels.
pub(super) const TITLE_CHAR_W: f64 = 10.0;

/// Dark ink for data and text.
pub(super) const INK: RGBColor = RGBColor(25, 25, 25);
/// Grey for reference lines and notes.
pub(super) const GREY: RGBColor = RGBColor(105, 105, 105);
/// Light grey for grid lines and cell borders.
pub(super) const GRID: RGBColor = RGBColor(215, 215, 215);
/// Fill of solid bars: a mid blue-grey (≈ 50 % grey when printed), dark enough to read as
/// "solid", light enough for black whiskers on top of it.
pub(super) const BAR_FILL: RGBColor = RGBColor(112, 132, 168);
/// Dark, mutually distinct colours for groups; each also gets its own dash pattern and marker.
pub(super) const PALETTE: [RGBColor; MAX_GROUPS] = [
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
pub(super) const LINES: [(u32, Option<(u32, u32)>); MAX_GROUPS] = [
    (2, None),
    (2, Some((10, 5))),
    (3, Some((3, 4))),
    (2, Some((18, 6))),
    (4, None),
    (4, Some((10, 6))),
    (4, Some((3, 6))),
    (2, Some((6, 12))),
];
