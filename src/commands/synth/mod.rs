//! Seeded generator of Candor's demo datasets.
//!
//! Two made-up tables about workers (no real person is in them), each with problems planted on
//! purpose so that an audit has something to find:
//!
//! * [`Dataset::Warehouse`]: one row per warehouse worker. A vendor's performance score sends
//!   workers scoring below 40 to termination review. The score uses fair work measures, but also
//!   sick leave, bathroom-break minutes, after-hours team-app messages and the worker's home
//!   district, which stands in for rural hukou. A later human review that looked only at the fair
//!   measures says who really underperformed.
//! * [`Dataset::Attrition`]: one row per employee. A "flight risk" score flags employees thought
//!   likely to quit. It uses visits to job boards, maternity leave and commute distance (which
//!   stands in for hukou) besides fair measures. Who actually left within 12 months comes from a
//!   separate true model.
//!
//! `datasets/DATASHEET.md` explains every column, formula and planted problem in plain words;
//! `datasets/ground_truth.toml` lists the same facts for tests.
//!
//! The output depends only on the seed and the row count: the same arguments give the same
//! bytes on every platform. All randomness comes from one ChaCha8 stream (`seed_from_u64(seed)`,
//! one stream number per dataset); the exponential and logarithm are computed here from `+ - * /`
//! only (platform maths libraries differ in the last bit), and so are the tables of the ziggurat
//! that draws normal numbers; numbers are printed from integers, never through float formatting.
//! The Chinese file holds the same rows as the English one, with Chinese column names and
//! category values; numbers, codes and timestamps are identical.

mod attrition;
mod command;
mod couriers;
mod csv;
mod dataset;
mod people;
mod rng;
mod tables;
mod warehouse;

#[cfg(test)]
mod tests;

pub use command::run;
pub use couriers::{CR_BASE, CR_NOISE_SD, CR_REVIEW_AT, CourierInputs, courier_score};
pub use dataset::{DEMO_SEED, Dataset, Lang, columns, write_csv};
