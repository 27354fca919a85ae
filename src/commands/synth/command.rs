//! `candor synth`: write the synthetic demo datasets.

use crate::cli::SynthArgs;
use crate::commands::CommandOutput;
use crate::commands::synth;
use crate::error::{Error, Result};

/// Runs `candor synth`.
pub fn run(args: &SynthArgs, progress: &dyn Fn(&str)) -> Result<CommandOutput> {
    if args.rows == Some(0) {
        return Err(Error::Spec {
            origin: "--rows".into(),
            message: "0 rows makes a table with a header and no workers".into(),
            hint: Some("give at least 1 row; without --rows each dataset has its demo size".into()),
        });
    }
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
