//! Rendering one explanation as JSON, Markdown and printable HTML (self-contained: inline CSS,
//! no script, nothing loaded from the network). Both renderings come from one list of blocks,
//! so they say the same thing; every data-derived string is escaped when rendered.

mod context;
mod first_page;
mod parts;
mod sections;
mod words;
mod writers;

pub(super) use parts::Part;
pub use writers::{html, json, markdown};
