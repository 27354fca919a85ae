//! Seeded bootstrap on sufficient statistics.
//!
//! Resampling n rows with replacement from a group is the same, for any metric that depends
//! only on the counts of (decision, label, score) cells, as one multinomial draw of n over
//! those cells with probabilities `count_i / n`. So a replicate costs one pass over the cells,
//! not over the rows, so its cost does not grow with the number of rows.
//!
//! The multinomial is drawn exactly (see [`Multinomial`]): for a few cells as a chain of
//! conditional binomials, for many cells (the score tables, about 2,000 (score, label) cells)
//! as independent Poisson counts completed to the exact total. Every generator is an exact one
//! (inversion or rejection, no normal approximation), its setup done once per table. On the 13
//! score tables of the 10-million-row benchmark (one core of the project's machine), a
//! (score, label) cell costs about 50 ns per replicate, against about 140 ns with a
//! `rand_distr::Binomial` built for each cell as before. The seed of
//! each resampling is derived from the audit seed and the *content* of the statistics
//! resampled (not from the group's name or position), so intervals do not change when groups
//! are renamed or rows reordered. Intervals are percentile intervals; replicates where the
//! metric is undefined are dropped, and no interval is given when more than half are.
//!
//! - `rng`: the generator, its seeds from content, uniform draws;
//! - `stirling`: `ln k!` by Stirling's formula, for the rejection steps;
//! - `binomial`, `poisson`: exact binomial and Poisson draws;
//! - `multinomial`: the multinomial sampler built from them, and `resample`;
//! - `percentile`: percentile intervals of the replicates.

mod binomial;
#[cfg(test)]
mod laws;
mod multinomial;
mod percentile;
mod poisson;
mod rng;
mod stirling;

pub use multinomial::{Multinomial, resample};
pub use percentile::percentile_interval;
pub use rng::{Rng, mix, rng_for, splitmix64};
