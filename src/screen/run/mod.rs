//! Screening: the four layers of evidence combined into one finding per (column, category).
//!
//! Takes plain inputs ([`ScreenInput`]) and returns a [`Screen`]: findings worst first, the
//! ranked proxy table, and the surrogate used for the "use" layer. A column is a
//! `prohibited_input` finding when its name, description or values match a category directly;
//! a `proxy` finding when its name matches a proxy entry or when it predicts a protected
//! attribute strongly (AUC >= 0.70 or association >= 0.30). With a decision or score, each
//! flagged column gets a use test: `used = true` when the likelihood-ratio test is significant
//! after Holm correction across the tested columns and setting the input to its neutral value
//! changes at least one surrogate decision.

mod finding;
mod layers;
mod principles;
mod types;

pub use layers::{attribute_category, screen};
pub use principles::hr_compatible;
pub use types::{
    AttributeCodes, Evidence, InputColumn, InputFinding, LegalSource, OverLimit, PROXY_ASSOCIATION,
    PROXY_AUC, Screen, ScreenInput, USAGE_MAX_ROWS,
};
