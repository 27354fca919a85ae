//! Rendering one explanation as JSON, Markdown and printable HTML (self-contained: inline CSS,
//! no script, nothing loaded from the network). Both renderings come from one list of blocks,
//! so they say the same thing; every data-derived string is escaped when rendered. The
//! explanation holds codes and numbers; the words for them, in the document's language, are
//! made here (see [`Rendering`]).

mod context;
mod doc;
mod first_page;
mod json;
mod onnx;
mod parts;
mod sections;
mod text;
mod words;
mod writers;

pub use doc::Rendering;
pub use json::{document_hash, json};
pub use writers::{html, markdown};
