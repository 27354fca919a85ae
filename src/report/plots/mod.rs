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
mod style;
#[cfg(test)]
mod tests;
mod wrap;

pub use bars::{Bar, adverse_ratio_bars, paired_bars, rate_bars, ratio_bars};
pub use heatmap::{heatmap, heatmap_marked};
pub use lines::{CdfGroup, calibration, cdf_lines, score_cdfs};
pub use style::{MAX_GROUPS, MAX_LABEL, WIDTH};
