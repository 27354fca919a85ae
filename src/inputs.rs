//! Inputs are sacred: every file Candor reads is a regular file, and is remembered, so that no
//! output folder can be written over, beside or around it.
//!
//! Readers call [`check_regular`] before opening a path (a FIFO, a device such as `/dev/zero`
//! or a folder would block or never end); it records the path. [`AtomicDir`] refuses an
//! output path that is an input, or a folder holding one.
//!
//! [`AtomicDir`]: crate::report::AtomicDir

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};

static READ: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Checks that `path` is a regular file (following links) and records it as an input.
pub fn check_regular(path: &Path, hint: &str) -> Result<()> {
    let meta = std::fs::metadata(path).map_err(|e| Error::Read {
        path: path.to_path_buf(),
        reason: e.to_string(),
        hint: Some(match e.kind() {
            std::io::ErrorKind::NotFound => format!(
                "check the path; relative paths in a spec file are relative to the spec's folder ({hint})"
            ),
            std::io::ErrorKind::PermissionDenied => "check the file's permissions".into(),
            _ => hint.to_string(),
        }),
    })?;
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a folder"
        } else {
            "not a regular file (a pipe, device or socket)"
        };
        return Err(Error::Read {
            path: path.to_path_buf(),
            reason: format!("it is {what}; Candor reads only regular files"),
            hint: Some(format!(
                "save the data to a file first and give its path ({hint})"
            )),
        });
    }
    record(path);
    Ok(())
}

/// Remembers `path` as an input of this run.
pub fn record(path: &Path) {
    let p = absolute(path);
    if let Ok(mut v) = READ.lock()
        && !v.contains(&p)
    {
        v.push(p);
    }
}

/// The input of this run at or under `dir`, if any.
pub fn inside(dir: &Path) -> Option<PathBuf> {
    let d = absolute(dir);
    READ.lock()
        .ok()?
        .iter()
        .find(|p| p.starts_with(&d))
        .cloned()
}
