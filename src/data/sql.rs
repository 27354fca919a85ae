//! Portable SQL for the audit's finest cells: one query, generated from the resolved spec, that
//! any SQL engine can run where the data lives; its result is the cells table
//! `candor audit --cells` reads (see [`super::cells`]).
//!
//! The query groups by plain columns only (each group attribute, the decision column, the label
//! column and the score column as stored) and counts rows with `COUNT(*)`: no `FILTER` clause,
//! no `WIDTH_BUCKET`, no approximate function, no cast whose text differs between engines. The
//! decision and label values are therefore returned as stored and mapped to positive/negative in
//! Rust by the same code as the embedded engine; a missing group value stays NULL and gets its
//! group name in Rust, as in the embedded engine. A decision from a score threshold is the one
//! `CASE`: `1` when the score is at least the threshold, `0` below, NULL when it is missing.
//! Scores are exact: one cell per distinct value (docs/engines.md says how to check the size
//! first).

use std::ops::ControlFlow;

use sqlparser::ast::{Expr, visit_expressions_mut};
use sqlparser::dialect::GenericDialect;
use sqlparser::parser::Parser;

use super::cells::{DECISION, LABEL, N, SCORE};
use crate::error::{Error, Result};
use crate::spec::AuditSpec;

/// The SQL dialects the query is written for (identifier quoting differs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Dialect {
    /// Apache Spark SQL (also Databricks): `name` in backticks.
    Spark,
    /// DuckDB: "name" in double quotes.
    Duckdb,
    /// PostgreSQL: "name" in double quotes.
    Postgres,
    /// Trino (and Presto): "name" in double quotes.
    Trino,
    /// Google BigQuery: `name` in backticks.
    Bigquery,
    /// Snowflake: "name" in double quotes (case-sensitive: the names as in the file).
    Snowflake,
}

impl Dialect {
    fn quote_char(self) -> char {
        match self {
            Dialect::Spark | Dialect::Bigquery => '`',
            _ => '"',
        }
    }

    /// An identifier quoted for this dialect (the quote character doubled inside).
    pub fn quote(self, name: &str) -> String {
        let q = self.quote_char();
        let doubled = name.replace(q, &format!("{q}{q}"));
        format!("{q}{doubled}{q}")
    }

    pub fn name(self) -> &'static str {
        match self {
            Dialect::Spark => "spark",
            Dialect::Duckdb => "duckdb",
            Dialect::Postgres => "postgres",
            Dialect::Trino => "trino",
            Dialect::Bigquery => "bigquery",
            Dialect::Snowflake => "snowflake",
        }
    }
}

/// The `--where` predicate with its column names quoted for `dialect` (it is written with
/// double quotes, as polars reads it; Spark and BigQuery read double quotes as text).
pub(crate) fn predicate(pred: &str, dialect: Dialect) -> Result<String> {
    super::filter::check_predicate(pred).map_err(|message| Error::Filter {
        predicate: pred.to_string(),
        message,
        hint: None,
    })?;
    let mut expr = Parser::new(&GenericDialect)
        .try_with_sql(pred)
        .and_then(|mut p| p.parse_expr())
        .map_err(|e| Error::Filter {
            predicate: pred.to_string(),
            message: format!("not a valid SQL predicate: {e}"),
            hint: None,
        })?;
    let q = dialect.quote_char();
    let _ = visit_expressions_mut(&mut expr, |e| {
        if let Expr::Identifier(id) = e {
            id.quote_style = Some(q);
        }
        ControlFlow::<()>::Continue(())
    });
    Ok(expr.to_string())
}

fn refuse_name(column: &str, why: &str) -> Error {
    Error::spec(
        "groups.attributes",
        format!("the column '{column}' {why}"),
        Some("rename the column in the table (or a view over it) and in the spec".into()),
    )
}

/// The query computing the finest cells of the audit `spec` describes, reading `table` (written
/// as given: a name, a qualified name or a table function of the engine).
pub fn cells_query(spec: &AuditSpec, table: &str, dialect: Dialect) -> Result<String> {
    let own = [N, DECISION, LABEL, SCORE];
    for a in &spec.attributes {
        if own.contains(&a.as_str()) {
            return Err(refuse_name(
                a,
                "has the name of a column of the cells table",
            ));
        }
        if dialect == Dialect::Bigquery && a.contains('`') {
            return Err(refuse_name(
                a,
                "holds a backtick, which BigQuery names cannot",
            ));
        }
    }
    let q = |c: &str| dialect.quote(c);
    let mut select: Vec<String> = spec
        .attributes
        .iter()
        .map(|a| format!("{} AS {}", q(a), q(a)))
        .collect();
    let mut group: Vec<String> = spec.attributes.iter().map(|a| q(a)).collect();
    let threshold = spec.score.as_ref().and_then(|s| s.threshold);
    match (&spec.decision.column, &spec.score, threshold) {
        (Some(d), _, _) => {
            select.push(format!("{} AS {}", q(d), q(DECISION)));
            group.push(q(d));
        }
        (None, Some(s), Some(t)) => select.push(format!(
            "CASE WHEN {c} IS NULL THEN NULL WHEN {c} >= {t:?} THEN 1 ELSE 0 END AS {}",
            q(DECISION),
            c = q(&s.column)
        )),
        _ => {}
    }
    if let Some(l) = &spec.label {
        select.push(format!("{} AS {}", q(&l.column), q(LABEL)));
        group.push(q(&l.column));
    }
    if let Some(s) = &spec.score {
        select.push(format!("{} AS {}", q(&s.column), q(SCORE)));
        group.push(q(&s.column));
    }
    select.push(format!("COUNT(*) AS {}", q(N)));
    let mut out = String::from("SELECT\n  ");
    out.push_str(&select.join(",\n  "));
    out.push_str(&format!("\nFROM {table}\n"));
    if let Some(p) = &spec.data.where_ {
        out.push_str(&format!("WHERE {}\n", predicate(p, dialect)?));
    }
    out.push_str("GROUP BY\n  ");
    out.push_str(&group.join(",\n  "));
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::SpecFile;
    use clap::ValueEnum;
    use sqlparser::dialect::{
        BigQueryDialect, DuckDbDialect, PostgreSqlDialect, SnowflakeDialect, SparkSqlDialect,
    };

    fn spec(threshold: bool) -> AuditSpec {
        let mut f = SpecFile::default();
        f.data.path = Some("x.csv".into());
        f.data.where_ = Some("\"年龄\" >= 18 AND region <> 'north'".into());
        if threshold {
            f.score.threshold = Some(60.0);
        } else {
            f.decision.column = Some("被标记".into());
            f.decision.positive = Some(vec!["1".into()]);
        }
        f.score.column = Some("risk score".into());
        f.label.column = Some("confirmed".into());
        f.label.positive = Some("1".into());
        f.groups.attributes = Some(vec!["性别".into(), "age`band\"x".into()]);
        f.check().unwrap()
    }

    fn dialect_of(d: Dialect) -> Box<dyn sqlparser::dialect::Dialect> {
        match d {
            Dialect::Spark => Box::new(SparkSqlDialect {}),
            Dialect::Duckdb => Box::new(DuckDbDialect {}),
            Dialect::Postgres => Box::new(PostgreSqlDialect {}),
            Dialect::Trino => Box::new(GenericDialect {}),
            Dialect::Bigquery => Box::new(BigQueryDialect {}),
            Dialect::Snowflake => Box::new(SnowflakeDialect {}),
        }
    }

    #[test]
    fn every_dialect_parses_with_its_own_parser() {
        for d in Dialect::value_variants() {
            for threshold in [false, true] {
                let mut s = spec(threshold);
                if *d == Dialect::Bigquery {
                    s.attributes[1] = "age band".into();
                }
                let sql = cells_query(&s, "events", *d).unwrap();
                let parsed = Parser::parse_sql(dialect_of(*d).as_ref(), &sql)
                    .unwrap_or_else(|e| panic!("{d:?}: {e}\n{sql}"));
                assert_eq!(parsed.len(), 1, "{sql}");
                let text = parsed[0].to_string();
                // The Chinese and the odd names survive the parser as quoted identifiers.
                let q = d.quote_char();
                assert!(text.contains(&format!("{q}性别{q}")), "{d:?}: {text}");
                assert!(text.contains(&format!("{q}年龄{q} >= 18")), "{d:?}: {text}");
                assert!(text.contains("'north'"), "{d:?}: {text}");
                assert!(!sql.contains("FILTER") && !sql.contains("WIDTH_BUCKET"));
            }
        }
    }

    #[test]
    fn quoting_doubles_the_quote_character() {
        assert_eq!(Dialect::Duckdb.quote("a\"b"), "\"a\"\"b\"");
        assert_eq!(Dialect::Spark.quote("a`b"), "`a``b`");
        assert_eq!(Dialect::Postgres.quote("性别"), "\"性别\"");
    }

    #[test]
    fn query_groups_by_plain_columns() {
        let sql = cells_query(&spec(false), "t", Dialect::Duckdb).unwrap();
        assert_eq!(
            sql,
            "SELECT\n  \"性别\" AS \"性别\",\n  \"age`band\"\"x\" AS \"age`band\"\"x\",\n  \
             \"被标记\" AS \"candor_decision\",\n  \"confirmed\" AS \"candor_label\",\n  \
             \"risk score\" AS \"candor_score\",\n  COUNT(*) AS \"candor_n\"\nFROM t\n\
             WHERE \"年龄\" >= 18 AND \"region\" <> 'north'\nGROUP BY\n  \"性别\",\n  \
             \"age`band\"\"x\",\n  \"被标记\",\n  \"confirmed\",\n  \"risk score\"\n"
        );
        let sql = cells_query(&spec(true), "t", Dialect::Spark).unwrap();
        assert!(
            sql.contains(
                "CASE WHEN `risk score` IS NULL THEN NULL WHEN `risk score` >= 60.0 THEN 1 ELSE 0 END AS `candor_decision`"
            ),
            "{sql}"
        );
    }

    #[test]
    fn a_column_named_like_the_cells_is_refused() {
        let mut s = spec(false);
        s.attributes[0] = N.into();
        assert!(cells_query(&s, "t", Dialect::Trino).is_err());
        let s = spec(false);
        assert!(cells_query(&s, "t", Dialect::Bigquery).is_err());
    }
}
