//! `candor audit`: resolve the spec, run the audit, write the reports, report the gates.

use std::path::PathBuf;

use super::CommandOutput;
use crate::cli::AuditArgs;
use crate::error::Result;
use crate::spec::{AuditSpec, EngineSpec, SpecFile};
use crate::{audit, codes, report};

/// Runs `candor audit`.
pub fn run(args: &AuditArgs, progress: &dyn Fn(&str)) -> Result<CommandOutput> {
    let file = spec_file(args)?;
    let engine = crate::spec::check_engine(&file.engine)?;
    let spec = file.check()?;
    let (a, files) = match (&args.cells, &engine) {
        (Some(cells), _) => {
            let a = audit::run_cells(&spec, cells, progress)?;
            progress("writing reports");
            let files = report::write_all(&a, &spec.output_dir, &spec.formats)?;
            (a, files)
        }
        (None, EngineSpec::Spark(_)) if args.data.is_some() => {
            return Err(crate::error::Error::spec(
                "--engine spark",
                "a data file is given, but the Spark engine reads the table on Spark",
                Some("leave out the DATA argument (the spec's data.path only names the data in the report)".into()),
            ));
        }
        (None, EngineSpec::Spark(options)) => {
            let a = audit::run_spark(&spec, options, progress)?;
            progress("writing reports");
            let files = report::write_all(&a, &spec.output_dir, &spec.formats)?;
            (a, files)
        }
        (None, EngineSpec::Embedded) => run_audit(&spec, progress)?,
    };
    let mut o = CommandOutput {
        gate_breached: a.gate_breached(),
        ..CommandOutput::default()
    };
    o.messages.push(summary_line(&a, &files));
    o.messages.extend(one_decision_note(&a));
    for g in a.gates.iter().filter(|g| g.breached) {
        o.messages.push(format!(
            "gate breached: {} {} {} by {}",
            g.gate.metric,
            serde_json::to_value(g.gate.op)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            g.gate.value,
            g.by.join("; ")
        ));
    }
    Ok(o)
}

/// The spec file overlaid with the flags (flags win), not yet checked.
fn spec_file(args: &AuditArgs) -> Result<SpecFile> {
    let file = match &args.spec {
        Some(p) => SpecFile::from_path(p)?,
        None => SpecFile::default(),
    };
    Ok(file.overlay(args.to_spec()?))
}

/// Resolves the audit description from a spec file and flags (flags win).
pub fn resolve_spec(args: &AuditArgs) -> Result<AuditSpec> {
    spec_file(args)?.check()
}

/// Runs an audit and writes its outputs.
pub fn run_audit(
    spec: &AuditSpec,
    progress: &dyn Fn(&str),
) -> Result<(audit::Audit, Vec<PathBuf>)> {
    let a = audit::run(spec, progress)?;
    progress("writing reports");
    let files = report::write_all(&a, &spec.output_dir, &spec.formats)?;
    Ok((a, files))
}

/// One line on an audit: rows audited, findings (how many high) and the files written.
/// A note when every worker has the same decision: every group's rate is then 0 or 100 %
/// and no disparity in decisions can show (the audit still runs, for the scores and labels).
pub(super) fn one_decision_note(a: &audit::Audit) -> Option<String> {
    let rates: Vec<f64> = a
        .metrics
        .iter()
        .filter(|r| r.metric == codes::Metric::SelectionRate && r.class.is_none())
        .filter_map(|r| r.value)
        .collect();
    // Every observed value positive: known from the column even when the rates are withheld.
    let all_positive = matches!(&a.decision, crate::data::DecisionValues::Binary { negative, .. } if negative.is_empty());
    let first = if all_positive { 1.0 } else { *rates.first()? };
    (all_positive || rates.iter().all(|v| *v == first) && (first == 0.0 || first == 1.0)).then(
        || {
            format!(
                "note: every worker has the {} decision (a rate of {} % in every group): no \
             disparity in decisions can show; check the decision column and its declared values",
                if first == 1.0 { "positive" } else { "negative" },
                first * 100.0
            )
        },
    )
}

pub(super) fn summary_line(a: &audit::Audit, files: &[PathBuf]) -> String {
    let high = a
        .findings
        .iter()
        .filter(|f| f.severity() >= codes::Severity::High)
        .count();
    format!(
        "audited {} rows: {} findings ({high} high); wrote {}",
        a.provenance.inputs.first().map_or(0, |s| s.rows_audited),
        a.findings.len(),
        super::file_list(files)
    )
}
