//! The commands, one file per subcommand: each turns its parsed flags into files on disk and a
//! [`CommandOutput`] for `main` to print. [`crate::run`] dispatches to them.

pub mod audit;
pub mod convert;
pub mod demo;
pub mod explain;
mod explanations;
pub mod init;
pub mod screen;
pub mod sql;
pub mod synth;

/// What a command produced, for `main` to print.
#[derive(Debug, Default)]
pub struct CommandOutput {
    /// Data for standard output (e.g. a starter spec).
    pub stdout: String,
    /// Messages for standard error.
    pub messages: Vec<String>,
    /// A `--fail-on` gate was breached: exit code 1.
    pub gate_breached: bool,
}

/// The files a command wrote, for its summary line: "a, b, c".
pub(crate) fn file_list(files: &[std::path::PathBuf]) -> String {
    files
        .iter()
        .map(|f| f.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
