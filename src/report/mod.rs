//! Rendering: the audit document into audit.json, metrics.csv, audit.md and audit.html.
//!
//! Renderers are pure functions from `&Audit` to a `String`. [`write_all`] writes them into a
//! temporary folder beside the output folder and moves it into place only when every file is
//! written, so a failed run never leaves a half-written report.

mod csv;
pub mod doc;
mod html;
mod json;
mod markdown;
pub mod plots;
pub mod protection_text;
pub mod sections;
pub mod text;
mod write;

pub use crate::i18n::{escape, num};
pub use csv::render_csv;
pub use html::render_html;
pub use json::render_json;
pub use markdown::{render_doc, render_markdown};
pub use write::{AtomicDir, MARKER, write_all, write_files};
