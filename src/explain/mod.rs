//! Per-worker explanations (`candor explain`): for each subject, the decision, the data
//! processed about them, the main factors under a surrogate model with its fidelity, the
//! prohibited inputs in their record and what they did, counterfactuals, similarly situated
//! workers (counts only), group context from the audit, rights and how to contest, and
//! provenance with the document's own hash.
//!
//! [`prepare`] does everything that concerns the population once (surrogate fit, bounds,
//! neighbour index, group figures, rights); [`Explainer::explain`] then builds one worker's
//! [`Explanation`], reading only that worker's values and population aggregates, so no other
//! worker's values or identity can reach it.

pub mod additive;
mod challenge;
pub mod counterfactual;
mod document;
mod explainer;
mod groups;
pub mod model;
mod prepare;
mod privacy;
pub mod render;
mod rights;
mod similar;
mod sources;
#[cfg(test)]
mod tests;
mod typical;

pub use document::{
    ChallengePoint, DeadlineEntry, ExplainProvenance, Explanation, Factor, Figure, FirstPage,
    GroupContext, InputFlag, InputValue, ModelSummary, Outcome, Prohibited, RightEntry, Similar,
    Suppression,
};
pub use explainer::Explainer;
pub use prepare::prepare;
pub use privacy::{disclose, needs_pseudonyms, pseudonym};
pub use similar::NEIGHBOUR_POOL;
pub use sources::{FlagSource, RightSource, Sources};
