//! `candor convert`: a table converted to Parquet, Arrow IPC or NDJSON (by the output's
//! extension).

use super::CommandOutput;
use crate::cli::ConvertArgs;
use crate::error::Result;
use crate::{data, spec};

/// Runs `candor convert`.
pub fn run(args: &ConvertArgs, progress: &dyn Fn(&str)) -> Result<CommandOutput> {
    let data = spec::DataSection {
        path: Some(args.input.clone()),
        delimiter: args.delimiter.clone(),
        encoding: args.encoding.clone(),
        ..Default::default()
    };
    let (_, format, csv) = spec::check_source(&data)?;
    progress("converting");
    let rows = data::convert(&args.input, format, &csv, &args.output)?;
    Ok(CommandOutput {
        messages: vec![format!("wrote {} ({rows} rows)", args.output.display())],
        ..CommandOutput::default()
    })
}
