//! The `candor` binary: parse, run, print, map the outcome to an exit code (0 ran, 1 gate
//! breached, 2 error).
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match candor::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            let _ = e.print();
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(
                std::io::stderr(),
                "hint: `candor --help` lists the commands and `candor COMMAND --help` their \
                 options; docs/spec.md gives the same settings as spec keys"
            );
            return ExitCode::from(2);
        }
    };
    let bar = (!cli.quiet && std::io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new_spinner();
        b.enable_steady_tick(std::time::Duration::from_millis(120));
        b
    });
    // CANDOR_TIMING=1 prints each stage's start time on stderr (for the benchmark).
    let timing = std::env::var_os("CANDOR_TIMING").is_some();
    let start = std::time::Instant::now();
    let progress = |msg: &str| {
        if timing {
            let _ = writeln!(
                std::io::stderr(),
                "[{:8.3} s] {msg}",
                start.elapsed().as_secs_f64()
            );
        }
        if let Some(b) = &bar {
            b.set_message(msg.to_string());
        }
    };
    let result = candor::run(&cli, &progress);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let mut err = std::io::stderr().lock();
    match result {
        Ok(outcome) => {
            if !outcome.stdout.is_empty() {
                let mut out = std::io::stdout().lock();
                if out.write_all(outcome.stdout.as_bytes()).is_err() {
                    return ExitCode::SUCCESS; // broken pipe: the reader went away
                }
            }
            if !cli.quiet {
                for m in &outcome.messages {
                    let _ = writeln!(err, "{m}");
                }
            }
            if outcome.gate_breached {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            let _ = writeln!(err, "error: {}", printable(&e.to_string()));
            if let Some(h) = e.hint() {
                let _ = writeln!(err, "hint: {}", printable(h));
            }
            ExitCode::from(2)
        }
    }
}

/// A message as it may reach a terminal: control characters from the data (an escape
/// sequence in a column name could clear the screen or hide text) are shown escaped, as
/// `\u{1b}`; line breaks stay.
fn printable(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() && c != '\n' {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}
