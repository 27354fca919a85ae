//! Candor: audits the decisions algorithms make about workers.
//!
//! The pipeline, one stage per module, data flowing one way:
//!
//! ```text
//! spec file + flags --spec::check--> AuditSpec
//! DATA --data::load--> Table (polars, only the needed columns)
//! Table --data::aggregate--> Aggregates (per-group sufficient statistics)
//! Aggregates --metrics::compute--> MetricRow table (intervals, tests, corrections, verdicts)
//! MetricRows --findings--> Findings, worst first
//! Audit --report--> audit.json, metrics.csv, audit.md, audit.html
//! ```
//!
//! Every stage returns plain serialisable structs and never prints; the [`commands`] string
//! them together, [`run`] picks the command, and `main` only prints and maps the outcome to an
//! exit code.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod audit;
pub mod cli;
pub mod codes;
pub mod commands;
pub mod data;
pub mod dates;
pub mod error;
pub mod explain;
pub mod findings;
pub mod i18n;
pub mod init;
pub mod inputs;
pub mod metrics;
pub mod model;
pub mod report;
pub mod screen;
pub mod spec;
pub mod stats;

pub use commands::CommandOutput;
pub use commands::audit::{resolve_spec, run_audit};
pub use commands::demo::run as run_demo;
pub use commands::explain::run as run_explain;
pub use error::{Error, Result};

use cli::{Cli, Command};

/// Runs a parsed command line.
pub fn run(cli: &Cli, progress: &dyn Fn(&str)) -> Result<CommandOutput> {
    match &cli.command {
        Command::Audit(args) => commands::audit::run(args, progress),
        Command::Screen(args) => commands::screen::run(args, progress),
        Command::Explain(args) => commands::explain::run(args, progress),
        Command::Init(args) => commands::init::run(args),
        Command::Synth(args) => commands::synth::run(args, progress),
        Command::Demo(args) => commands::demo::run(&args.datasets, &args.out, progress),
        Command::Convert(args) => commands::convert::run(args, progress),
        Command::Sql(args) => commands::sql::run(args),
    }
}
