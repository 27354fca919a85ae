//! The document as a list of parts, in order.

use super::context::*;
use super::doc::Rendering;
use super::sections::*;
use super::text;

/// A piece of the document.
pub(super) enum Part {
    Heading(String),
    Para(String),
    Table(Vec<String>, Vec<Vec<String>>),
    List(Vec<String>),
}

/// The document's parts, in order: the first page, the nine sections and the appendix.
pub(super) fn parts(e: &Rendering) -> Vec<Part> {
    let l = &text::labels(e.lang);
    let mut b = Vec::new();
    first_page_section(e, l, &mut b);
    decision_section(e, l, &mut b);
    data_section(e, l, &mut b);
    factors_section(e, l, &mut b);
    prohibited_section(e, l, &mut b);
    counterfactual_section(e, l, &mut b);
    if let Some(o) = &e.onnx {
        super::onnx::parts(o, e.lang, &mut b);
    }
    similar_section(e, l, &mut b);
    groups_section(e, l, &mut b);
    rights_section(e, l, &mut b);
    challenge_section(e, l, &mut b);
    provenance_section(e, l, &mut b);
    appendix_section(e, l, &mut b);
    b
}
