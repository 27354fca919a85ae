//! Prohibited-input screening: which inputs the law forbids or restricts, and whether the
//! algorithm relies on them.
//!
//! Layers: names (`names`: column names and descriptions against the policy lexicons), content
//! (`content`: value patterns, timestamps outside working hours), use (`usage`: surrogate
//! models with and without the input, likelihood-ratio test), proxy (`proxy`: how well an
//! input predicts a protected attribute). Policy packs are data files under `policies/`
//! (`policy`). The use layer's models are fitted by `glm` (logistic regression and least
//! squares); `run` combines the layers into findings.

pub mod content;
pub mod features;
pub mod glm;
pub mod identifiability;
pub mod names;
pub mod policy;
pub mod protection;
pub mod proxy;
pub mod run;
pub mod usage;
