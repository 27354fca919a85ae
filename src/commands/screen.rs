//! `candor screen`: the inputs screened for prohibited data and proxies, without a decision;
//! the reports written.

use super::CommandOutput;
use crate::cli::AuditArgs;
use crate::error::{Error, Result};
use crate::spec::SpecFile;
use crate::{audit, report};

/// Runs `candor screen`.
pub fn run(args: &AuditArgs, progress: &dyn Fn(&str)) -> Result<CommandOutput> {
    let file = match &args.spec {
        Some(p) => SpecFile::from_path(p)?,
        None => SpecFile::default(),
    };
    let spec = file.overlay(args.to_spec()?).check_screen()?;
    if spec.features.is_empty() {
        return Err(Error::spec(
            "features.columns (--features)",
            "no input column to screen",
            Some("list the inputs with --features a,b,c".into()),
        ));
    }
    let a = audit::run_screen(&spec, progress)?;
    progress("writing reports");
    let files = report::write_all(&a, &spec.output_dir, &spec.formats)?;
    let mut o = CommandOutput::default();
    o.messages.push(format!(
        "screened {} inputs: {} findings; wrote {}",
        spec.features.len(),
        a.findings.len(),
        super::file_list(&files)
    ));
    Ok(o)
}
