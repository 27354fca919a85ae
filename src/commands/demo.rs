//! `candor demo`: every spec in the datasets folder audited, with sample explanations.

use std::path::{Path, PathBuf};

use super::CommandOutput;
use super::audit::summary_line;
use super::explanations::write_explanations;
use crate::error::{Error, Result};
use crate::spec::SpecFile;
use crate::{audit, data, explain, report, spec};

/// Runs the demo: every `*.toml` spec in `datasets`, reports under `out/<spec name>/`.
pub fn run(datasets: &Path, out: &Path, progress: &dyn Fn(&str)) -> Result<CommandOutput> {
    let mut specs: Vec<PathBuf> = std::fs::read_dir(datasets)
        .map_err(|e| Error::Read {
            path: datasets.to_path_buf(),
            reason: e.to_string(),
            hint: Some("run the demo from the repository's top folder".into()),
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "toml")
                && p.file_name().is_some_and(|n| n != "ground_truth.toml")
        })
        .collect();
    specs.sort();
    if specs.is_empty() {
        return Err(Error::Read {
            path: datasets.to_path_buf(),
            reason: "the folder holds no audit spec (*.toml)".into(),
            hint: Some("run the demo from the repository's top folder, where datasets/ holds the demo specs".into()),
        });
    }
    // Every spec is read and checked before anything is written.
    let checked = specs
        .iter()
        .map(|p| SpecFile::from_path(p)?.check_explain())
        .collect::<Result<Vec<_>>>()?;
    if let Err(e) = std::fs::create_dir_all(out) {
        return Err(Error::Write {
            path: out.to_path_buf(),
            reason: e.to_string(),
            hint: None,
        });
    }
    let mut outcome = CommandOutput::default();
    for (p, (mut spec, settings)) in specs.into_iter().zip(checked) {
        let name = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("audit")
            .to_string();
        progress(&format!("demo: {name}"));
        spec.output_dir = out.join(&name);
        progress("loading");
        let table = data::load(&spec)?;
        let a = audit::run_table(&spec, &table, progress)?;
        progress("writing reports");
        let files = report::write_all(&a, &spec.output_dir, &spec.formats)?;
        outcome
            .messages
            .push(format!("{name}: {}", summary_line(&a, &files)));
        if !spec.features.is_empty() {
            // Sample explanations: the first workers with an adverse outcome.
            progress("explaining");
            let ex = explain::prepare(&spec, &settings, &table, &a)?;
            let rows: Vec<usize> = (0..ex.len())
                .filter(|&i| ex.adverse(i) == Some(true))
                .take(DEMO_EXPLANATIONS)
                .collect();
            let dir = out.join("explanations").join(&name);
            if let Some(parent) = dir.parent() {
                std::fs::create_dir_all(parent).map_err(|e| Error::Write {
                    path: parent.to_path_buf(),
                    reason: e.to_string(),
                    hint: None,
                })?;
            }
            let formats = [
                spec::OutputFormat::Json,
                spec::OutputFormat::Md,
                spec::OutputFormat::Html,
            ];
            write_explanations(&ex, &rows, &formats, &dir, None)?;
            outcome.messages.push(format!(
                "{name}: explained {} workers with an adverse outcome; wrote {}",
                rows.len(),
                dir.display()
            ));
        }
    }
    Ok(outcome)
}

/// Workers the demo explains per dataset.
const DEMO_EXPLANATIONS: usize = 3;
