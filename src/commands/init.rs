//! `candor init`: a starter spec, on standard output or into a new file.

use super::CommandOutput;
use crate::cli::InitArgs;
use crate::error::{Error, Result};
use crate::init;

/// Runs `candor init`.
pub fn run(args: &InitArgs) -> Result<CommandOutput> {
    let text = init::starter_spec(args)?;
    match &args.out {
        Some(p) => {
            if p.exists() {
                return Err(Error::Write {
                    path: p.clone(),
                    reason: "the file exists".into(),
                    hint: Some("choose another name, or delete the file first".into()),
                });
            }
            std::fs::write(p, &text).map_err(|e| Error::Write {
                path: p.clone(),
                reason: e.to_string(),
                hint: None,
            })?;
            Ok(CommandOutput {
                messages: vec![format!("wrote {}", p.display())],
                ..CommandOutput::default()
            })
        }
        None => Ok(CommandOutput {
            stdout: text,
            ..CommandOutput::default()
        }),
    }
}
