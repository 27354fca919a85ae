//! `candor explain`: the chosen workers' explanations, one file per worker and format.

use std::path::PathBuf;

use super::CommandOutput;
use super::explanations::write_explanations;
use crate::cli::ExplainArgs;
use crate::error::{Error, Result};
use crate::spec::SpecFile;
use crate::{audit, data, explain, spec};

/// Runs `candor explain`.
pub fn run(args: &ExplainArgs, progress: &dyn Fn(&str)) -> Result<CommandOutput> {
    use spec::OutputFormat;
    let file = match &args.audit.spec {
        Some(p) => SpecFile::from_path(p)?,
        None => SpecFile::default(),
    };
    let (spec, settings) = file.overlay(args.audit.to_spec()?).check_explain()?;
    let spec = audit::with_model_columns(&spec)?;
    let formats: Vec<OutputFormat> = spec
        .formats
        .iter()
        .copied()
        .filter(|f| *f != OutputFormat::Csv)
        .collect();
    if formats.is_empty() {
        return Err(Error::spec(
            "output.formats (--format)",
            "explanations are written as json, md or html, not csv",
            Some("give --format json,md,html".into()),
        ));
    }
    let out_dir = args
        .audit
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("candor-explanations"));
    progress("loading");
    let table = data::load(&spec)?;
    let a = audit::run_table(&spec, &table, progress)?;
    progress("fitting the surrogate");
    let ex = explain::prepare(&spec, &settings, &table, &a)?;
    let rows = explain_rows(args, &ex)?;
    let onnx = match &spec.model {
        Some(m) => {
            progress("running the model handed over");
            let model = crate::model::Model::open(m)?;
            let md = data::model_data(&table, model.columns())?;
            let mut fixed: Vec<String> = a
                .screen
                .as_ref()
                .map(crate::model::screened_inputs)
                .unwrap_or_default()
                .into_iter()
                .map(|s| s.column)
                .collect();
            fixed.extend(spec.attributes.iter().cloned());
            fixed.extend(settings.immutable.iter().cloned());
            Some(crate::model::worker::WorkerExplainer::new(
                model,
                md,
                &crate::model::worker::WorkerSettings {
                    fixed: &fixed,
                    increase_only: &settings.increase_only,
                    decrease_only: &settings.decrease_only,
                    positive_is_favorable: spec.decision.positive_is_favorable,
                    seed: spec.stats.seed,
                },
            )?)
        }
        None => None,
    };
    progress(&format!("explaining {} workers", rows.len()));
    write_explanations(&ex, &rows, &formats, &out_dir, onnx.as_ref())?;
    let adverse = rows
        .iter()
        .filter(|&&r| ex.adverse(r) == Some(true))
        .count();
    Ok(CommandOutput {
        messages: vec![format!(
            "explained {} workers ({adverse} with an adverse outcome); wrote {} ({})",
            rows.len(),
            out_dir.display(),
            formats
                .iter()
                .map(|f| format!("{f:?}").to_lowercase())
                .collect::<Vec<_>>()
                .join(", ")
        )],
        ..CommandOutput::default()
    })
}

/// Which workers `candor explain` covers: rows of the table, in table order.
fn explain_rows(args: &ExplainArgs, ex: &explain::Explainer) -> Result<Vec<usize>> {
    let chosen =
        usize::from(args.all) + usize::from(!args.subject.is_empty() || args.subjects.is_some());
    if chosen == 0 {
        return Err(Error::spec(
            "explain",
            "no worker chosen",
            Some("give --subject ID, --subjects FILE or --all (with --adverse for adverse outcomes only)".into()),
        ));
    }
    // --all with --subject(s) is refused by clap (conflicts_with); a flag's `requires` cannot
    // tell an absent --all from a false one, so --adverse is checked here.
    if args.adverse && !args.all {
        return Err(Error::spec(
            "explain",
            "--adverse only applies with --all",
            Some("write --all --adverse to explain every worker with an adverse outcome".into()),
        ));
    }
    if args.all {
        return Ok((0..ex.len())
            .filter(|&i| !args.adverse || ex.adverse(i) == Some(true))
            .collect());
    }
    let mut wanted: Vec<(String, String)> = args
        .subject
        .iter()
        .map(|s| (s.clone(), "--subject".to_string()))
        .collect();
    if let Some(f) = &args.subjects {
        crate::inputs::check_regular(
            f,
            "--subjects takes a text file with one worker id per line",
        )?;
        let text = std::fs::read_to_string(f).map_err(|e| Error::Read {
            path: f.clone(),
            reason: e.to_string(),
            hint: Some("--subjects takes a text file with one worker id per line".into()),
        })?;
        for (n, line) in text.lines().enumerate() {
            let id = line.trim().trim_start_matches('\u{feff}');
            if !id.is_empty() {
                wanted.push((id.to_string(), format!("{} line {}", f.display(), n + 1)));
            }
        }
    }
    let mut rows = Vec::new();
    for (id, origin) in wanted {
        match ex.row_of(&id) {
            Some(r) => {
                if !rows.contains(&r) {
                    rows.push(r);
                }
            }
            None => {
                return Err(Error::spec(
                    origin,
                    format!("no worker has the id '{id}'"),
                    Some("ids are matched exactly against the id column ([data] id or --id); without one, subjects are named \"row N\"".into()),
                ));
            }
        }
    }
    Ok(rows)
}
