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

/// The rows a row-based part of the audit read: "all N rows" (or workers), or, when an engine
/// fetched a sample, "the N rows of a seeded sample of the M in the table".
fn rows_counted(a: &crate::audit::Audit, rows: u64, workers: bool) -> String {
    let l = a.spec.lang;
    match a.provenance.rows_screened.filter(|r| r.rows < r.of) {
        Some(r) => crate::t!(l, "report.rows.sample_rows", rows, of = r.of),
        None if workers => crate::t!(l, "report.rows.all_workers", rows),
        None => crate::t!(l, "report.rows.all_rows", rows),
    }
}
