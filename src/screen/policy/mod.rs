//! Policy packs: what the law says about each kind of input.
//!
//! Two kinds of data files live under `policies/` and are embedded in the binary with
//! `include_str!`, so the tool works from any directory:
//!
//! * `categories.toml`: the catalogue of sensitive input categories (health, hukou, union
//!   activity, ...) with labels and plain-language summaries in English and Chinese, the
//!   lexicons the name layer matches ([`super::names`]), the value patterns the content layer
//!   sniffs ([`super::content`]), and the proxy catalogue (features that can stand in for a
//!   category, such as a zip code for ethnicity).
//! * one file per legal pack (`pipl.toml`, `gdpr.toml`, ...): rules per category and stage,
//!   each with a citation, paraphrased summaries, a severity and an evidence level, plus the
//!   rights the pack gives workers, for the explanation layer.
//!
//! This module parses and validates those files once and answers one question: which rules
//! apply to a category at a stage, and how severe is the worst of them ([`resolve`]). It reads
//! files only in [`load_pack`] and never prints. The schema is described for users in
//! `policies/README.md`. Nothing here is legal advice: every rule carries its evidence level.

mod catalogue;
mod error;
mod load;
mod pack;
mod resolution;
mod validate;
mod vocabulary;

#[cfg(test)]
mod tests;

pub use catalogue::{Category, Lexicon, Proxy};
pub use error::{PolicyError, ReferenceKind};
pub use load::{
    SCHEMA_VERSION, builtin_categories, builtin_packs, check_unique_ids, load_pack,
    parse_categories, parse_pack, select_packs,
};
pub use pack::{Deadline, Instrument, Limit, LimitUnit, Pack, Right, Rule, Step};
pub use resolution::{
    AppliedRule, ConditionalRule, Resolution, RuleQuery, resolve, rights_for_stage,
};
pub use vocabulary::{
    ContextFlag, DeadlineBinds, DeadlineUnit, Effect, EvidenceLevel, RightKind, Severity, Stage,
    ValueDetector,
};
