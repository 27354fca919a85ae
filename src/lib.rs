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
//! Every stage returns plain serialisable structs and never prints; [`run`] strings them
//! together and `main` only prints and maps the outcome to an exit code.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod audit;
pub mod cli;
pub mod codes;
pub mod data;
pub mod dates;
pub mod error;
pub mod explain;
pub mod findings;
pub mod i18n;
pub mod init;
pub mod inputs;
pub mod metrics;
pub mod report;
pub mod screen;
pub mod spec;
pub mod stats;
pub mod synth;

use std::path::{Path, PathBuf};

pub use error::{Error, Result};

use cli::{AuditArgs, Cli, Command};
use spec::{AuditSpec, SpecFile};

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

/// Resolves the audit description from a spec file and flags (flags win).
pub fn resolve_spec(args: &AuditArgs) -> Result<AuditSpec> {
    let file = match &args.spec {
        Some(p) => SpecFile::from_path(p)?,
        None => SpecFile::default(),
    };
    file.overlay(args.to_spec()?).check()
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

fn summary_line(a: &audit::Audit, files: &[PathBuf]) -> String {
    let high = a
        .findings
        .iter()
        .filter(|f| f.severity() >= codes::Severity::High)
        .count();
    format!(
        "audited {} rows: {} findings ({high} high); wrote {}",
        a.provenance.inputs.first().map_or(0, |s| s.rows_audited),
        a.findings.len(),
        files
            .iter()
            .map(|f| f.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Runs the demo: every `*.toml` spec in `datasets`, reports under `out/<spec name>/`.
pub fn run_demo(datasets: &Path, out: &Path, progress: &dyn Fn(&str)) -> Result<CommandOutput> {
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
    if let Err(e) = std::fs::create_dir_all(out) {
        return Err(Error::Write {
            path: out.to_path_buf(),
            reason: e.to_string(),
            hint: None,
        });
    }
    let mut outcome = CommandOutput::default();
    for p in specs {
        let name = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("audit")
            .to_string();
        progress(&format!("demo: {name}"));
        let (mut spec, settings) = SpecFile::from_path(&p)?.check_explain()?;
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
            write_explanations(&ex, &rows, &formats, &dir)?;
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

/// Writes the explanations of `rows` into `dir` (all or nothing), one file per format.
fn write_explanations(
    ex: &explain::Explainer,
    rows: &[usize],
    formats: &[spec::OutputFormat],
    dir: &Path,
) -> Result<()> {
    use rayon::prelude::*;
    use spec::OutputFormat;
    let out = report::AtomicDir::create(dir)?;
    let mut seen = std::collections::BTreeMap::new();
    let names: Vec<String> = rows
        .iter()
        .map(|&r| {
            let n = subject_file(ex.id(r));
            let k = seen.entry(n.clone()).or_insert(0usize);
            *k += 1;
            if *k == 1 { n } else { format!("{n}-{k}") }
        })
        .collect();
    rows.par_iter()
        .zip(names.par_iter())
        .try_for_each(|(&r, name)| -> Result<()> {
            let e = ex.explain(r);
            for f in formats {
                let (ext, content) = match f {
                    OutputFormat::Json => ("json", explain::render::json(&e)),
                    OutputFormat::Md => ("md", explain::render::markdown(&e)),
                    OutputFormat::Html => ("html", explain::render::html(&e)),
                    OutputFormat::Csv => continue,
                };
                out.write(&format!("{name}.{ext}"), &content)?;
            }
            Ok(())
        })?;
    out.commit()
}

/// Which workers `candor explain` covers: rows of the table, in table order.
fn explain_rows(args: &cli::ExplainArgs, ex: &explain::Explainer) -> Result<Vec<usize>> {
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

/// A file name for a subject: the id when it is plain, else a hash of it.
fn subject_file(id: &str) -> String {
    let plain = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if plain {
        id.to_string()
    } else if let Some(n) = id
        .strip_prefix("row ")
        .filter(|n| n.chars().all(|c| c.is_ascii_digit()))
    {
        format!("row-{n}")
    } else {
        use sha2::{Digest, Sha256};
        format!(
            "subject-{}",
            &data::hex(&Sha256::digest(id.as_bytes()))[..16]
        )
    }
}

/// Runs `candor explain`.
pub fn run_explain(args: &cli::ExplainArgs, progress: &dyn Fn(&str)) -> Result<CommandOutput> {
    use spec::OutputFormat;
    let file = match &args.audit.spec {
        Some(p) => SpecFile::from_path(p)?,
        None => SpecFile::default(),
    };
    let (spec, settings) = file.overlay(args.audit.to_spec()?).check_explain()?;
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
    progress(&format!("explaining {} workers", rows.len()));
    write_explanations(&ex, &rows, &formats, &out_dir)?;
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

/// Runs a parsed command line.
pub fn run(cli: &Cli, progress: &dyn Fn(&str)) -> Result<CommandOutput> {
    match &cli.command {
        Command::Audit(args) => {
            let spec = resolve_spec(args)?;
            let (a, files) = run_audit(&spec, progress)?;
            let mut o = CommandOutput {
                gate_breached: a.gate_breached(),
                ..CommandOutput::default()
            };
            o.messages.push(summary_line(&a, &files));
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
        Command::Screen(args) => {
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
                files
                    .iter()
                    .map(|f| f.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            Ok(o)
        }
        Command::Explain(args) => run_explain(args, progress),
        Command::Init(args) => {
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
        Command::Synth(args) => {
            std::fs::create_dir_all(&args.out).map_err(|e| Error::Write {
                path: args.out.clone(),
                reason: e.to_string(),
                hint: None,
            })?;
            let mut o = CommandOutput::default();
            for ds in synth::Dataset::ALL {
                let wanted = match ds {
                    synth::Dataset::Warehouse => {
                        matches!(args.dataset.as_str(), "all" | "warehouse")
                    }
                    synth::Dataset::Attrition => {
                        matches!(args.dataset.as_str(), "all" | "attrition")
                    }
                    synth::Dataset::Couriers => matches!(args.dataset.as_str(), "all" | "couriers"),
                };
                if !wanted {
                    continue;
                }
                for lang in synth::Lang::ALL {
                    let lang_wanted = match lang {
                        synth::Lang::En => args.lang != "zh",
                        synth::Lang::Zh => args.lang != "en",
                    };
                    if !lang_wanted {
                        continue;
                    }
                    let path = args.out.join(ds.file_name(lang));
                    progress(&format!("writing {}", path.display()));
                    let werr = |e: std::io::Error| Error::Write {
                        path: path.clone(),
                        reason: e.to_string(),
                        hint: None,
                    };
                    let f = std::fs::File::create(&path).map_err(werr)?;
                    let rows = args.rows.unwrap_or(ds.demo_rows());
                    synth::write_csv(std::io::BufWriter::new(f), ds, lang, rows, args.seed)
                        .map_err(werr)?;
                    o.messages
                        .push(format!("wrote {} ({rows} rows)", path.display()));
                }
            }
            Ok(o)
        }
        Command::Demo(args) => run_demo(&args.datasets, &args.out, progress),
        Command::Convert(args) => {
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
    }
}
