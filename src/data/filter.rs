//! The `--where` filter: a predicate over the table's own columns and nothing else.
//!
//! polars SQL offers table functions (`read_csv('/etc/passwd')`) inside subqueries, so a
//! predicate handed to it unchecked could read any file on the machine. The predicate is parsed
//! here with the same parser polars uses (sqlparser, generic dialect) and every node of it is
//! checked against a list of what a row filter needs: column names, constants, comparisons,
//! arithmetic and boolean logic, `IN (list)`, `BETWEEN`, `LIKE`, `IS NULL`, `CASE`, `CAST` and
//! a few scalar functions. Anything else (a subquery, `EXISTS`, a table or unknown function,
//! a qualified name, a second statement) is refused, naming the construct.

use std::ops::ControlFlow;

use sqlparser::ast::{Expr, FunctionArguments, ObjectNamePart, visit_expressions};
use sqlparser::dialect::GenericDialect;
use sqlparser::parser::Parser;

/// Scalar functions a filter may call (lower-case).
const FUNCTIONS: [&str; 22] = [
    "abs",
    "ceil",
    "coalesce",
    "date",
    "ends_with",
    "floor",
    "left",
    "length",
    "lower",
    "ltrim",
    "nullif",
    "octet_length",
    "right",
    "round",
    "rtrim",
    "sign",
    "sqrt",
    "starts_with",
    "strpos",
    "substr",
    "trim",
    "upper",
];

/// Checks that `pred` is a plain row predicate. Err names the first construct refused.
pub fn check_predicate(pred: &str) -> Result<(), String> {
    let mut parser = Parser::new(&GenericDialect)
        .try_with_sql(pred)
        .map_err(|e| format!("not a valid SQL predicate: {e}"))?;
    let expr = parser
        .parse_expr()
        .map_err(|e| format!("not a valid SQL predicate: {e}"))?;
    if parser.peek_token().token != sqlparser::tokenizer::Token::EOF {
        return Err(format!(
            "only one expression is allowed; the text after '{expr}' is not part of it"
        ));
    }
    let verdict = visit_expressions(&expr, |e| match allowed(e) {
        Ok(()) => ControlFlow::Continue(()),
        Err(what) => ControlFlow::Break(what),
    });
    match verdict {
        ControlFlow::Break(what) => Err(format!(
            "{what} is not allowed in a filter: it may only compare the table's own columns"
        )),
        ControlFlow::Continue(()) => Ok(()),
    }
}

fn allowed(e: &Expr) -> Result<(), String> {
    match e {
        Expr::Identifier(_)
        | Expr::Value(_)
        | Expr::TypedString(_)
        | Expr::Nested(_)
        | Expr::UnaryOp { .. }
        | Expr::BinaryOp { .. }
        | Expr::IsFalse(_)
        | Expr::IsNotFalse(_)
        | Expr::IsTrue(_)
        | Expr::IsNotTrue(_)
        | Expr::IsNull(_)
        | Expr::IsNotNull(_)
        | Expr::IsUnknown(_)
        | Expr::IsNotUnknown(_)
        | Expr::IsDistinctFrom(..)
        | Expr::IsNotDistinctFrom(..)
        | Expr::InList { .. }
        | Expr::Between { .. }
        | Expr::Like { .. }
        | Expr::ILike { .. }
        | Expr::Cast { .. }
        | Expr::Case { .. }
        | Expr::Substring { .. }
        | Expr::Trim { .. }
        | Expr::Extract { .. }
        | Expr::Ceil { .. }
        | Expr::Floor { .. }
        | Expr::Position { .. } => Ok(()),
        Expr::Function(f) => {
            let name = match f.name.0.as_slice() {
                [ObjectNamePart::Identifier(id)] => id.value.to_lowercase(),
                _ => return Err(format!("the function name '{}'", f.name)),
            };
            if !FUNCTIONS.contains(&name.as_str()) {
                return Err(format!(
                    "the function '{name}' (allowed: {})",
                    FUNCTIONS.join(", ")
                ));
            }
            if f.filter.is_some() || f.over.is_some() || !f.within_group.is_empty() {
                return Err(format!("an aggregate or window clause on '{name}'"));
            }
            match &f.args {
                FunctionArguments::Subquery(_) => Err("a subquery".into()),
                FunctionArguments::None | FunctionArguments::List(_) => Ok(()),
            }
        }
        Expr::Subquery(_) | Expr::InSubquery { .. } | Expr::Exists { .. } => {
            Err("a subquery".into())
        }
        Expr::CompoundIdentifier(parts) => Err(format!(
            "the qualified name '{}'",
            parts
                .iter()
                .map(|p| p.value.as_str())
                .collect::<Vec<_>>()
                .join(".")
        )),
        other => {
            let text = other.to_string();
            let short: String = text.chars().take(40).collect();
            Err(format!("the expression '{short}'"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::check_predicate;

    #[test]
    fn plain_predicates_pass() {
        for p in [
            "age >= 18 AND sex = 'Female'",
            "\"home district\" IN ('D01', 'D02') OR NOT (score BETWEEN 1 AND 2)",
            "lower(sex) LIKE 'f%' AND x IS NOT NULL",
            "CASE WHEN a > 1 THEN TRUE ELSE FALSE END",
            "CAST(tenure AS INT) > 3",
            "hired_on >= DATE '2026-01-01'",
        ] {
            assert_eq!(check_predicate(p), Ok(()), "{p}");
        }
    }

    #[test]
    fn anything_that_reads_elsewhere_is_refused() {
        for (p, what) in [
            (
                "sex IN (SELECT column_1 FROM read_csv('/etc/passwd'))",
                "subquery",
            ),
            (
                "EXISTS (SELECT 1 FROM read_parquet('x.parquet'))",
                "subquery",
            ),
            (
                "(SELECT max(a) FROM read_csv('/etc/passwd')) = 1",
                "subquery",
            ),
            ("read_csv('/etc/passwd') IS NULL", "read_csv"),
            ("lower((SELECT 1)) = '1'", "subquery"),
            ("t.sex = 'x'", "qualified name"),
            ("1 = 1; DROP TABLE x", "only one expression"),
            ("count(*) OVER () > 1", "count"),
        ] {
            let e = check_predicate(p).unwrap_err();
            assert!(e.contains(what), "{p}: {e}");
        }
    }
}
