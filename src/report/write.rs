//! Writing the report folder: all formats rendered from one document, written all or nothing.

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use crate::audit::Audit;
use crate::error::{Error, Result};
use crate::spec::OutputFormat;

use super::{html, render_csv, render_doc, render_json, sections};

fn write_err(path: &Path, e: std::io::Error) -> Error {
    let hint = match e.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            Some("choose a folder you can write to with --out DIR".into())
        }
        _ => Some(
            "check that the parent folder exists and has free space; choose another with --out DIR"
                .into(),
        ),
    };
    Error::Write {
        path: path.to_path_buf(),
        reason: e.to_string(),
        hint,
    }
}

/// The file that marks a folder as Candor's output (so a later run may replace it).
pub const MARKER: &str = ".candor";

/// A folder written all or nothing: files go into a temporary folder beside `dir`, which
/// replaces `dir` only on [`AtomicDir::commit`]; dropped uncommitted, it is removed.
pub struct AtomicDir {
    dir: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    committed: bool,
}

impl AtomicDir {
    /// Starts writing `dir`.
    pub fn create(dir: &Path) -> Result<AtomicDir> {
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !parent.is_dir() {
            return Err(Error::Write {
                path: dir.to_path_buf(),
                reason: format!("the parent folder {} does not exist", parent.display()),
                hint: Some("create it first, or choose another folder with --out DIR".into()),
            });
        }
        // Inputs are sacred: the output path is never a file, an input, or a folder holding one.
        if let Ok(meta) = std::fs::symlink_metadata(dir)
            && !meta.is_dir()
        {
            return Err(Error::Write {
                path: dir.to_path_buf(),
                reason: "it exists and is not a folder (Candor never replaces a file)".into(),
                hint: Some("choose a new or empty folder with --out DIR".into()),
            });
        }
        if let Some(input) = crate::inputs::inside(dir) {
            return Err(Error::Write {
                path: dir.to_path_buf(),
                reason: format!(
                    "it is, or holds, a file this run reads ({})",
                    input.display()
                ),
                hint: Some("choose an output folder apart from the inputs with --out DIR".into()),
            });
        }
        // Never replace a folder holding files Candor did not write (`--out` pointing at the
        // data folder, say): only an empty folder or one with Candor's marker is replaced.
        if let Ok(mut entries) = std::fs::read_dir(dir)
            && entries.next().is_some()
            && !dir.join(MARKER).is_file()
        {
            return Err(Error::Write {
                path: dir.to_path_buf(),
                reason: "the folder exists and holds files Candor did not write".into(),
                hint: Some(
                    "choose a new or empty folder with --out DIR; Candor replaces an output folder as a whole".into(),
                ),
            });
        }
        let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("report");
        remove_leftovers(&parent, name);
        let tmp = parent.join(format!(".{name}.candor-tmp-{}", std::process::id()));
        let old = parent.join(format!(".{name}.candor-old-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(&tmp).map_err(|e| write_err(dir, e))?;
        std::fs::write(
            tmp.join(MARKER),
            "Written by Candor. The whole folder is replaced on the next run that writes here.\n",
        )
        .map_err(|e| write_err(dir, e))?;
        Ok(AtomicDir {
            dir: dir.to_path_buf(),
            tmp,
            old,
            committed: false,
        })
    }

    /// Writes one file (a relative path) into the folder being built.
    pub fn write(&self, file: &str, content: &str) -> Result<()> {
        let p = self.tmp.join(file);
        if let Some(sub) = p.parent() {
            std::fs::create_dir_all(sub).map_err(|e| write_err(&p, e))?;
        }
        std::fs::write(&p, content).map_err(|e| write_err(&p, e))
    }

    /// Moves the finished folder into place, replacing any previous one. On Linux the two
    /// folders are exchanged in one step (`renameat2` with `RENAME_EXCHANGE`), so `dir` is never
    /// missing, even if the process is killed; elsewhere (or on a file system without the
    /// exchange) the old folder is moved aside first.
    pub fn commit(mut self) -> Result<()> {
        #[cfg(target_os = "linux")]
        if self.dir.is_dir() {
            let cwd = rustix::fs::CWD;
            if rustix::fs::renameat_with(
                cwd,
                &self.tmp,
                cwd,
                &self.dir,
                rustix::fs::RenameFlags::EXCHANGE,
            )
            .is_ok()
            {
                // `tmp` now holds the old folder.
                self.committed = true;
                let _ = std::fs::remove_dir_all(&self.tmp);
                return Ok(());
            }
        }
        if self.dir.exists() {
            std::fs::rename(&self.dir, &self.old).map_err(|e| write_err(&self.dir, e))?;
        }
        std::fs::rename(&self.tmp, &self.dir).map_err(|e| write_err(&self.dir, e))?;
        let _ = std::fs::remove_dir_all(&self.old);
        self.committed = true;
        Ok(())
    }
}

impl Drop for AtomicDir {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Removes what killed runs left beside `parent/name`: `.NAME.candor-tmp-PID` and
/// `.NAME.candor-old-PID` folders holding Candor's marker whose process is gone.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let own = std::process::id();
    for e in entries.flatten() {
        let file = e.file_name();
        let Some(f) = file.to_str() else { continue };
        let Some(rest) = f.strip_prefix(&format!(".{name}.candor-")) else {
            continue;
        };
        let Some(pid) = rest
            .strip_prefix("tmp-")
            .or_else(|| rest.strip_prefix("old-"))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let path = e.path();
        if pid == own || process_alive(pid) || !path.join(MARKER).is_file() {
            continue;
        }
        // A run killed between moving the old folder aside and moving the new one in: the
        // old folder goes back into place.
        let target = parent.join(name);
        if rest.starts_with("old-") && !target.exists() {
            let _ = std::fs::rename(&path, &target);
        } else {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

/// Whether process `pid` runs and is a Candor (Linux: /proc; elsewhere assumed alive, so
/// nothing is removed). Process ids are reused (pid_max is often 32,768): a live process of
/// another program under a dead run's id does not keep that run's leftovers.
fn process_alive(pid: u32) -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    let proc = format!("/proc/{pid}");
    if !Path::new(&proc).exists() {
        return false;
    }
    match (
        std::fs::read(format!("{proc}/comm")),
        std::fs::read("/proc/self/comm"),
    ) {
        (Ok(theirs), Ok(ours)) => theirs == ours,
        // Cannot tell: keep the folder.
        _ => true,
    }
}

/// Writes `files` (name, content) into `dir` atomically: all or nothing.
pub fn write_files(dir: &Path, files: &[(String, String)]) -> Result<()> {
    let out = AtomicDir::create(dir)?;
    for (file, content) in files {
        out.write(file, content)?;
    }
    out.commit()
}

/// Renders the requested formats and writes them to the audit's output folder. The report
/// document is built once for Markdown and HTML, and audit.json once for its file and the hash
/// HTML prints.
pub fn write_all(audit: &Audit, dir: &Path, formats: &[OutputFormat]) -> Result<Vec<PathBuf>> {
    let (doc, json) = (OnceCell::new(), OnceCell::new());
    let doc = || doc.get_or_init(|| sections::document(audit));
    let json = || json.get_or_init(|| render_json(audit));
    let lang = audit.spec.lang;
    let mut files = Vec::new();
    for f in formats {
        let (name, content) = match f {
            OutputFormat::Json => ("audit.json", json().clone()),
            OutputFormat::Csv => ("metrics.csv", render_csv(audit)),
            OutputFormat::Md => ("audit.md", render_doc(doc(), lang)),
            OutputFormat::Html => {
                let version = &audit.provenance.candor_version;
                let page = html::page(doc(), lang, version, &html::json_hash(json()));
                ("audit.html", page)
            }
        };
        files.push((name.to_string(), content));
    }
    write_files(dir, &files)?;
    Ok(files.iter().map(|(n, _)| dir.join(n)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_is_all_or_nothing() {
        let base = std::env::temp_dir().join(format!("candor-wr-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        std::fs::create_dir_all(&base).unwrap();
        let out = base.join("out");
        write_files(&out, &[("a.txt".into(), "1".into())]).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("a.txt")).unwrap(), "1");
        // Rewriting replaces the folder as a whole.
        write_files(&out, &[("b.txt".into(), "2".into())]).unwrap();
        assert!(!out.join("a.txt").exists());
        // A folder with files Candor did not write is never replaced.
        let foreign = base.join("data");
        std::fs::create_dir_all(&foreign).unwrap();
        std::fs::write(foreign.join("precious.csv"), "x").unwrap();
        let e = write_files(&foreign, &[("a.txt".into(), "1".into())]).unwrap_err();
        assert!(e.to_string().contains("did not write"), "{e}");
        assert!(foreign.join("precious.csv").exists());
        // A file is never replaced by a folder.
        let file = base.join("data.csv");
        std::fs::write(&file, "a,b\n").unwrap();
        let e = write_files(&file, &[("a.txt".into(), "1".into())]).unwrap_err();
        assert!(e.to_string().contains("not a folder"), "{e}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "a,b\n");
        // Leftovers of killed runs are removed; an old folder moved aside comes back.
        let dead = 999_999_999u32;
        let left = base.join(format!(".out.candor-tmp-{dead}"));
        std::fs::create_dir_all(&left).unwrap();
        std::fs::write(left.join(MARKER), "").unwrap();
        write_files(&out, &[("c.txt".into(), "3".into())]).unwrap();
        assert!(!left.exists());
        if cfg!(target_os = "linux") {
            // A dead run's id reused by another program (here process 1) does not keep its
            // leftovers; a live Candor's (this process's) are kept.
            let reused = base.join(".out.candor-tmp-1");
            let live = base.join(format!(".out.candor-tmp-{}", std::process::id()));
            for d in [&reused, &live] {
                std::fs::create_dir_all(d).unwrap();
                std::fs::write(d.join(MARKER), "").unwrap();
            }
            remove_leftovers(&base, "out");
            assert!(!reused.exists());
            assert!(live.exists());
            std::fs::remove_dir_all(&live).unwrap();
        }
        let aside = base.join(format!(".gone.candor-old-{dead}"));
        std::fs::create_dir_all(&aside).unwrap();
        std::fs::write(aside.join(MARKER), "").unwrap();
        std::fs::write(aside.join("kept.txt"), "k").unwrap();
        write_files(&base.join("other"), &[]).unwrap();
        remove_leftovers(&base, "gone");
        assert!(base.join("gone").join("kept.txt").is_file());
        assert!(!aside.exists());
        let missing = base.join("nope").join("out");
        let e = write_files(&missing, &[]).unwrap_err();
        assert!(e.to_string().contains("does not exist"), "{e}");
    }
}
