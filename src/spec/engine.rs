//! The `[engine]` section: where the audit's statistics are computed. Not part of the audit
//! description's hash and not written into audit.json (an address may carry a token): the
//! provenance names the engine instead.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The raw `[engine]` section.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct EngineSection {
    /// `embedded` (default: polars in this process, on the data file) or `spark`.
    pub kind: Option<String>,
    /// The Spark Connect address, `sc://HOST:PORT`.
    pub remote: Option<String>,
    /// The table, as the engine's SQL names it.
    pub table: Option<String>,
    /// Rows fetched for screening at most (default 1,000,000).
    pub sample_rows: Option<u64>,
}

/// Where the statistics are computed, checked.
#[derive(Debug, Clone, PartialEq)]
pub enum EngineSpec {
    Embedded,
    Spark(SparkOptions),
}

/// Where the data lives on Spark and how much of it to fetch as rows.
#[derive(Debug, Clone, PartialEq)]
pub struct SparkOptions {
    /// The Spark Connect address, `sc://host:port` (and `/;token=...` parameters).
    pub remote: String,
    /// The table, as Spark SQL names it (`name`, `db.name`, `catalog.db.name`).
    pub table: String,
    /// Rows fetched for screening at most (all rows when the table holds no more).
    pub sample_rows: u64,
}

/// Rows fetched for screening when `sample_rows` is not given.
pub const DEFAULT_SAMPLE_ROWS: u64 = 1_000_000;

/// Checks the section: a kind Candor knows, and for Spark the server and the table.
pub fn check(e: &EngineSection) -> Result<EngineSpec> {
    match e.kind.as_deref().unwrap_or("embedded") {
        "embedded" if e.remote.is_some() || e.table.is_some() || e.sample_rows.is_some() => {
            Err(Error::spec(
                "engine",
                "a server, table or sample size is given but the engine is the embedded one",
                Some("add --engine spark (engine.kind = \"spark\"), or leave them out".into()),
            ))
        }
        "embedded" => Ok(EngineSpec::Embedded),
        "spark" => {
            let (Some(remote), Some(table)) = (&e.remote, &e.table) else {
                return Err(Error::spec(
                    "engine",
                    "the Spark engine needs the server and the table",
                    Some(
                        "give engine.remote = \"sc://HOST:PORT\" and engine.table = \"NAME\" \
                         (or --remote and --table)"
                            .into(),
                    ),
                ));
            };
            if e.sample_rows == Some(0) {
                return Err(Error::spec(
                    "engine.sample_rows",
                    "0 rows leaves nothing to screen",
                    Some("give at least 1 (default 1000000)".into()),
                ));
            }
            Ok(EngineSpec::Spark(SparkOptions {
                remote: remote.clone(),
                table: table.clone(),
                sample_rows: e.sample_rows.unwrap_or(DEFAULT_SAMPLE_ROWS),
            }))
        }
        other => Err(Error::spec(
            "engine.kind",
            format!("unknown engine '{other}'"),
            Some("use \"embedded\" or \"spark\"".into()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_checked() {
        let mut e = EngineSection::default();
        assert_eq!(check(&e).unwrap(), EngineSpec::Embedded);
        e.table = Some("t".into());
        let err = check(&e).unwrap_err().to_string();
        assert!(err.contains("the engine is the embedded one"), "{err}");
        e.table = None;
        e.kind = Some("spark".into());
        let err = check(&e).unwrap_err().to_string();
        assert!(err.contains("needs the server and the table"), "{err}");
        e.remote = Some("sc://h:1".into());
        e.table = Some("t".into());
        assert_eq!(
            check(&e).unwrap(),
            EngineSpec::Spark(SparkOptions {
                remote: "sc://h:1".into(),
                table: "t".into(),
                sample_rows: DEFAULT_SAMPLE_ROWS
            })
        );
        e.sample_rows = Some(0);
        assert!(check(&e).is_err());
        e.kind = Some("duckdb".into());
        assert!(
            check(&e)
                .unwrap_err()
                .to_string()
                .contains("unknown engine")
        );
    }
}
