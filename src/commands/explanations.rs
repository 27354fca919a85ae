//! Explanation files: one worker's explanation written per format, under a file name made
//! from the worker's id (shared by `candor explain` and `candor demo`).

use std::path::Path;

use crate::error::Result;
use crate::{data, explain, report, spec};

/// Writes the explanations of `rows` into `dir` (all or nothing), one file per format.
pub(super) fn write_explanations(
    ex: &explain::Explainer,
    rows: &[usize],
    formats: &[spec::OutputFormat],
    dir: &Path,
    onnx: Option<&crate::model::worker::WorkerExplainer>,
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
            let mut e = ex.explain(r);
            if let Some(w) = onnx {
                e.onnx = Some(w.explain(r)?);
            }
            for f in formats {
                let (ext, content) = match f {
                    OutputFormat::Json => ("json", ex.json(&e)),
                    OutputFormat::Md => ("md", ex.markdown(&e)),
                    OutputFormat::Html => ("html", ex.html(&e)),
                    OutputFormat::Csv => continue,
                };
                out.write(&format!("{name}.{ext}"), &content)?;
            }
            Ok(())
        })?;
    out.commit()
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
