//! Reading policy files: the embedded catalogue and packs, user packs from disk, TOML errors
//! located by line, column and key, and pack selection by id.

use std::collections::BTreeMap;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::catalogue::{CatalogueFile, Category};
use super::error::{PolicyError, closest, suggestion};
use super::pack::Pack;
use super::validate::{validate_catalogue, validate_pack};

/// The schema version this build understands, written as `schema_version` in
/// `categories.toml` and optionally in pack files.
pub const SCHEMA_VERSION: u32 = 1;

const CATEGORIES_FILE: &str = "policies/categories.toml";
const CATEGORIES_TOML: &str = include_str!("../../../policies/categories.toml");

/// The built-in legal packs: (id, file name, contents). The id must equal the file's `id` key.
const BUILTIN_PACKS: &[(&str, &str, &str)] = &[
    (
        "pipl",
        "policies/pipl.toml",
        include_str!("../../../policies/pipl.toml"),
    ),
    (
        "cn-labour",
        "policies/cn-labour.toml",
        include_str!("../../../policies/cn-labour.toml"),
    ),
    (
        "gdpr",
        "policies/gdpr.toml",
        include_str!("../../../policies/gdpr.toml"),
    ),
    (
        "eu-ai-act",
        "policies/eu-ai-act.toml",
        include_str!("../../../policies/eu-ai-act.toml"),
    ),
    (
        "eu-pwd",
        "policies/eu-pwd.toml",
        include_str!("../../../policies/eu-pwd.toml"),
    ),
    (
        "us-federal",
        "policies/us-federal.toml",
        include_str!("../../../policies/us-federal.toml"),
    ),
    (
        "nyc-ll144",
        "policies/nyc-ll144.toml",
        include_str!("../../../policies/nyc-ll144.toml"),
    ),
    (
        "us-il",
        "policies/us-il.toml",
        include_str!("../../../policies/us-il.toml"),
    ),
];

pub(super) const SCHEMA_HINT: &str = "the schema is described in policies/README.md";

///
/// # Errors
/// Only if the embedded `policies/categories.toml` is broken, which the crate's tests rule out.
pub fn builtin_categories() -> Result<Vec<Category>, PolicyError> {
    parse_categories(CATEGORIES_FILE, CATEGORIES_TOML)
}

/// Parses and validates a category catalogue with the schema of `policies/categories.toml`.
/// `file` is used in error messages.
///
/// # Errors
/// [`PolicyError::Syntax`] for TOML or schema errors, [`PolicyError::Invalid`] or
/// [`PolicyError::UnknownReference`] for validation failures.
pub fn parse_categories(file: &str, text: &str) -> Result<Vec<Category>, PolicyError> {
    let catalogue: CatalogueFile = parse_toml(file, text)?;
    validate_catalogue(file, catalogue)
}

/// The built-in legal packs (`pipl`, `cn-labour`, `gdpr`, `eu-ai-act`, `eu-pwd`,
/// `us-federal`, `nyc-ll144`, `us-il`), validated against the built-in categories.
///
/// # Errors
/// Only if an embedded pack is broken, which the crate's tests rule out.
pub fn builtin_packs() -> Result<Vec<Pack>, PolicyError> {
    let categories = builtin_categories()?;
    let mut packs = Vec::with_capacity(BUILTIN_PACKS.len());
    for (id, file, text) in BUILTIN_PACKS {
        let pack = parse_pack(file, text, &categories)?;
        if pack.id != *id {
            return Err(PolicyError::Invalid {
                file: (*file).to_string(),
                key: "id".to_string(),
                problem: format!(
                    "pack id is `{}` but the file is registered as `{id}`",
                    pack.id
                ),
                hint: "keep the `id` key equal to the file name without `.toml`".to_string(),
            });
        }
        packs.push(pack);
    }
    Ok(packs)
}

/// Reads and validates a user pack file with the same schema as the built-in packs. Rules must
/// reference categories and proxies of the built-in catalogue.
///
/// # Errors
/// [`PolicyError::Read`] if the file cannot be read; otherwise as [`parse_pack`].
pub fn load_pack(path: &Path) -> Result<Pack, PolicyError> {
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(PolicyError::Read {
            path: path.to_path_buf(),
            source: std::io::Error::other("not a regular file; Candor reads only regular files"),
        });
    }
    crate::inputs::record(path);
    let text = std::fs::read_to_string(path).map_err(|source| PolicyError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let categories = builtin_categories()?;
    parse_pack(&path.display().to_string(), &text, &categories)
}

/// Parses and validates pack text against a category catalogue. `file` is used in messages.
///
/// # Errors
/// [`PolicyError::Syntax`] for TOML or schema errors (unknown keys are rejected);
/// [`PolicyError::UnknownReference`] for unknown categories, proxies or instruments (naming
/// the closest id); [`PolicyError::Invalid`] for empty texts, bad ids, dates or duplicates.
pub fn parse_pack(file: &str, text: &str, categories: &[Category]) -> Result<Pack, PolicyError> {
    let pack: Pack = parse_toml(file, text)?;
    validate_pack(file, &pack, categories)?;
    Ok(pack)
}

/// Selects packs by id, in the order asked, without duplicates. An empty `ids` selects all.
///
/// # Errors
/// [`PolicyError::UnknownPack`] naming the closest existing id and listing the available ones.
pub fn select_packs<'a>(all: &'a [Pack], ids: &[String]) -> Result<Vec<&'a Pack>, PolicyError> {
    if ids.is_empty() {
        return Ok(all.iter().collect());
    }
    let mut chosen: Vec<&Pack> = Vec::with_capacity(ids.len());
    for id in ids {
        let wanted = id.trim();
        let pack = all
            .iter()
            .find(|pack| pack.id.eq_ignore_ascii_case(wanted))
            .ok_or_else(|| PolicyError::UnknownPack {
                id: id.clone(),
                suggestion: suggestion(wanted, all.iter().map(|pack| pack.id.as_str())),
                available: all
                    .iter()
                    .map(|pack| pack.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })?;
        if !chosen.iter().any(|p| p.id == pack.id) {
            chosen.push(pack);
        }
    }
    Ok(chosen)
}

/// Checks that pack ids are unique across a set of packs (built-in plus user packs).
///
/// # Errors
/// [`PolicyError::DuplicatePack`] for the first id used twice.
pub fn check_unique_ids(packs: &[(String, Pack)]) -> Result<(), PolicyError> {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for (file, pack) in packs {
        if let Some(first) = seen.insert(pack.id.as_str(), file.as_str()) {
            return Err(PolicyError::DuplicatePack {
                id: pack.id.clone(),
                first: first.to_string(),
                second: file.clone(),
            });
        }
    }
    Ok(())
}

fn parse_toml<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, PolicyError> {
    toml::from_str(text).map_err(|err| {
        let (line, column, key) = match err.span() {
            Some(span) => locate(text, span.start),
            None => (0, 0, "(document)".to_string()),
        };
        let message = err.message().trim().to_string();
        let hint = hint_for_message(&message);
        PolicyError::Syntax {
            file: file.to_string(),
            line,
            column,
            key,
            message,
            hint,
        }
    })
}

/// 1-based line and column of byte `offset`, and the table path and key around it, found by
/// scanning back for the nearest `key =` line and table header (`[[rule]]` counted as
/// `rule[n]`).
fn locate(text: &str, offset: usize) -> (usize, usize, String) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;

    let lines: Vec<&str> = text.lines().collect();
    let current = line.saturating_sub(1).min(lines.len().saturating_sub(1));
    let mut key: Option<String> = None;
    let mut header: Option<(String, bool, usize)> = None;
    for index in (0..=current).rev() {
        let Some(raw) = lines.get(index) else {
            continue;
        };
        let trimmed = raw.trim_start();
        if trimmed.starts_with('[') {
            let is_array = trimmed.starts_with("[[");
            let name = trimmed
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            header = Some((name, is_array, index));
            break;
        }
        if key.is_none() {
            let candidate = trimmed.split_once('=').map_or("", |(k, _)| k.trim());
            if !candidate.is_empty()
                && candidate
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')
            {
                key = Some(candidate.to_string());
            }
        }
    }
    let table = header.map(|(name, is_array, at)| {
        if is_array {
            let pattern = format!("[[{name}]]");
            let n = lines
                .iter()
                .take(at + 1)
                .filter(|l| l.trim_start().starts_with(&pattern))
                .count();
            format!("{name}[{}]", n.saturating_sub(1))
        } else {
            name
        }
    });
    let path = match (table, key) {
        (Some(table), Some(key)) => format!("{table}.{key}"),
        (Some(table), None) => table,
        (None, Some(key)) => key,
        (None, None) => "(document)".to_string(),
    };
    (line, column, path)
}

/// A hint for a parser message: the closest accepted name for unknown keys and variants.
fn hint_for_message(message: &str) -> String {
    for marker in ["unknown field `", "unknown variant `"] {
        if let Some(rest) = message.split(marker).nth(1) {
            let found = rest.split('`').next().unwrap_or("");
            let expected: Vec<&str> = message
                .split("expected ")
                .nth(1)
                .map(|list| list.split('`').skip(1).step_by(2).collect())
                .unwrap_or_default();
            if let Some(best) = closest(found, expected.iter().copied()) {
                return format!("did you mean `{best}`? ({SCHEMA_HINT})");
            }
            if !expected.is_empty() {
                return format!("expected one of: {} ({SCHEMA_HINT})", expected.join(", "));
            }
        }
    }
    if message.contains("expected a sequence") {
        return format!("write a TOML array, e.g. stages = [\"employment\"] ({SCHEMA_HINT})");
    }
    if let Some(rest) = message.split("missing field `").nth(1) {
        let field = rest.split('`').next().unwrap_or("");
        return format!("add the key `{field}` to this table ({SCHEMA_HINT})");
    }
    SCHEMA_HINT.to_string()
}
