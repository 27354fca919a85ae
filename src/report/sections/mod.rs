//! The audit report as a document ([`Doc`](crate::report::doc::Doc)): what was audited, a
//! short summary, every finding worst first with the table of its numbers, then the evidence
//! (LL144 tables, per-group tables, scores, inputs) and the method. Built once; Markdown and
//! HTML render it.
//!
//! One file per section, in the report's order: [`cover`], [`summary`], [`findings`],
//! [`groups`], [`ll144`], [`disparity`], [`scores`], [`inputs`], [`charts`] (the charts as
//! data), [`method`]; [`document`](mod@document) puts them in order, [`cells`] holds what they
//! share.

mod cells;
mod charts;
mod cover;
mod disparity;
mod document;
mod findings;
mod groups;
mod inputs;
mod ll144;
mod method;
mod model;
mod protection;
mod scores;
mod summary;

pub use document::{document, finding_id, title};
