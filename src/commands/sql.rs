//! `candor sql`: print the query that computes the audit's finest cells in another engine.

use super::CommandOutput;
use crate::cli::SqlArgs;
use crate::data::sql::cells_query;
use crate::error::Result;
use crate::spec::SpecFile;

/// Runs `candor sql`: the spec resolved, the query on standard output.
pub fn run(args: &SqlArgs) -> Result<CommandOutput> {
    let spec = SpecFile::from_path(&args.spec)?.check()?;
    let mut stdout = format!(
        "-- The finest cells of the audit {} describes ({} SQL). Export the result as CSV or\n\
         -- Parquet, then: candor audit --spec SPEC --cells FILE\n",
        args.spec.file_name().map_or_else(
            || args.spec.display().to_string(),
            |n| n.to_string_lossy().replace(char::is_control, "?")
        ),
        args.dialect.name()
    );
    stdout.push_str(&cells_query(&spec, &args.table, args.dialect)?);
    Ok(CommandOutput {
        stdout,
        ..CommandOutput::default()
    })
}
