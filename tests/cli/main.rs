//! Integration tests: one binary (see Cargo.toml `[[test]]`).
//!
//! Tests that need the shared reference datasets read them from `$CANDOR_SHARED_DATASETS`, or
//! `../shared/datasets` beside the repository, and skip with a printed reason when absent.

mod bad_input;
mod common;
mod corpus;
mod demo;
mod determinism;
mod engines;
mod explain;
mod explain_truth;
mod findings_truth;
mod formats;
mod fuzz;
mod identifiers;
mod kill;
mod layers;
mod markdown_safety;
mod model;
mod names_benchmark;
mod properties;
mod protection;
mod reference;
mod report_claims;
mod score_tables;
mod snapshots;
mod spark;
mod zh_report;
