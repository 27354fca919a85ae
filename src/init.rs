//! `candor init DATA`: a commented starter spec that proposes a role for each column and marks
//! what it guessed, so that a newcomer starts from something that runs.
//!
//! Guesses, from the first 10,000 rows: the id is a text or integer column named like an id
//! whose values are all distinct; group attributes are columns named like a protected
//! characteristic (sex, race, age band, hukou, ...) with 2 to 20 values; the decision is a
//! two-valued column named like a decision (flag, decision, selected, hired, predicted, ...);
//! the label a two-valued column named like an outcome (actual, label, outcome, recid,
//! attrition, left, ...); the score a numeric column named like a score; the rest are features.

use crate::cli::InitArgs;
use crate::data::{ColumnProfile, profile};
use crate::error::{Error, Result};
use crate::spec::{CsvOptions, FileFormat};

const GROUP_WORDS: &[&str] = &[
    "sex",
    "gender",
    "race",
    "ethnicity",
    "ethnic",
    "age_band",
    "age_cat",
    "agegroup",
    "age_group",
    "hukou",
    "disability",
    "disabled",
    "marital",
    "religion",
    "nationality",
    "性别",
    "民族",
    "户口",
    "户籍类型",
    "残疾",
    "年龄段",
    "婚姻",
];
const DECISION_WORDS: &[&str] = &[
    "decision",
    "flag",
    "flagged",
    "selected",
    "hired",
    "promoted",
    "predicted",
    "prediction",
    "review",
    "outcome_pred",
    "risk_flag",
    "score_text",
    "标记",
    "审查",
    "决定",
    "录用",
];
const LABEL_WORDS: &[&str] = &[
    "actual",
    "label",
    "truth",
    "recid",
    "attrition",
    "left",
    "confirmed",
    "outcome",
    "离职",
    "确认",
];
const SCORE_WORDS: &[&str] = &["score", "risk", "prob", "probability", "rating_pred", "分"];
const ID_WORDS: &[&str] = &["id", "number", "编号", "工号"];

fn tokens(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = name.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let boundary = c.is_uppercase() && i > 0 && chars[i - 1].is_lowercase();
        if !c.is_alphanumeric() || boundary {
            if !cur.is_empty() {
                out.push(cur.to_lowercase());
                cur.clear();
            }
            if !c.is_alphanumeric() {
                continue;
            }
        }
        cur.push(*c);
    }
    if !cur.is_empty() {
        out.push(cur.to_lowercase());
    }
    out
}

fn named_like(name: &str, words: &[&str]) -> bool {
    let lower = name.to_lowercase();
    let toks = tokens(name);
    words.iter().any(|w| {
        if w.is_ascii() {
            lower == *w || toks.iter().any(|t| t == w) || (w.contains('_') && lower.contains(w))
        } else {
            name.contains(w)
        }
    })
}

/// Values listed in a TOML comment, on one line: a line break in a value would end the
/// comment and start TOML.
fn comment_text(values: &[String]) -> String {
    values
        .iter()
        .map(|v| {
            if v.chars().any(char::is_control) {
                toml_str(v)
            } else {
                v.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn toml_str(s: &str) -> String {
    // A TOML basic string: backslash, quote and every control character escaped (a line
    // break in a column name would otherwise end the string and start a table).
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[&ColumnProfile]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|c| toml_str(&c.name))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// How the data file is read: its format and, for CSV, the separator and the encoding.
struct Source {
    format: FileFormat,
    delimiter: char,
    encoding: String,
    csv: CsvOptions,
}

/// The format from the file's extension, and the CSV options from the flags.
fn source(args: &InitArgs) -> Result<Source> {
    let ext = args
        .data
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    let format = FileFormat::from_name(ext).ok_or_else(|| {
        Error::spec(
            "data.path",
            format!(
                "cannot tell the format of '{}' from its extension",
                args.data.display()
            ),
            Some("use a .csv, .parquet, .ndjson or .arrow file".into()),
        )
    })?;
    let delimiter = match args.delimiter.as_deref() {
        Some("\\t") | Some("tab") => '\t',
        Some(d) => d.chars().next().unwrap_or(','),
        None if ext == "tsv" => '\t',
        None => ',',
    };
    let encoding = args.encoding.clone().unwrap_or_else(|| "utf-8".into());
    let csv = CsvOptions {
        delimiter,
        has_header: true,
        encoding: encoding.clone(),
        na_values: vec!["".into(), "NA".into(), "?".into()],
        float_columns: Vec::new(),
    };
    Ok(Source {
        format,
        delimiter,
        encoding,
        csv,
    })
}

/// The role guessed for each column.
struct GuessedRoles<'a> {
    id: Option<&'a ColumnProfile>,
    groups: Vec<&'a ColumnProfile>,
    decision: Option<&'a ColumnProfile>,
    label: Option<&'a ColumnProfile>,
    score: Option<&'a ColumnProfile>,
    features: Vec<&'a ColumnProfile>,
}

/// Guesses each column's role from its name and values (`rows` rows were profiled).
fn guess_roles(cols: &[ColumnProfile], rows: usize) -> GuessedRoles<'_> {
    let two = |c: &&ColumnProfile| c.distinct == 2;
    let id = cols
        .iter()
        .find(|c| named_like(&c.name, ID_WORDS) && c.distinct == rows && c.kind != "number");
    let groups: Vec<&ColumnProfile> = cols
        .iter()
        .filter(|c| named_like(&c.name, GROUP_WORDS) && (2..=20).contains(&c.distinct))
        .collect();
    let decision = cols
        .iter()
        .filter(|c| !groups.iter().any(|g| g.name == c.name))
        .find(|c| named_like(&c.name, DECISION_WORDS) && (2..=5).contains(&c.distinct));
    let label = cols
        .iter()
        .filter(|c| Some(c.name.as_str()) != decision.map(|d| d.name.as_str()))
        .filter(|c| !groups.iter().any(|g| g.name == c.name))
        .find(|c| named_like(&c.name, LABEL_WORDS) && two(c));
    let score = cols.iter().find(|c| {
        (c.kind == "number" || c.kind == "integer")
            && named_like(&c.name, SCORE_WORDS)
            && c.distinct > 2
    });
    let used: Vec<&str> = [id, decision, label, score]
        .iter()
        .flatten()
        .map(|c| c.name.as_str())
        .chain(groups.iter().map(|g| g.name.as_str()))
        .collect();
    let features: Vec<&ColumnProfile> = cols
        .iter()
        .filter(|c| !used.contains(&c.name.as_str()))
        .collect();
    GuessedRoles {
        id,
        groups,
        decision,
        label,
        score,
        features,
    }
}

/// Builds the starter spec text.
pub fn starter_spec(args: &InitArgs) -> Result<String> {
    let source = source(args)?;
    let (cols, rows) = profile(&args.data, source.format, &source.csv, 10_000)?;
    if rows == 0 {
        return Err(Error::data(
            &args.data,
            "the table has a header but no data rows",
            None,
        ));
    }
    let roles = guess_roles(&cols, rows);
    let mut s = String::new();
    s.push_str("# Candor audit spec: a starter written by `candor init`.\n");
    s.push_str(
        "# Lines marked GUESSED are proposals from the column names and values: check each one.\n",
    );
    s.push_str("# Run it with: candor audit --spec THIS_FILE\n\n[data]\n");
    write_data(&mut s, args, &source, roles.id);
    write_decision(&mut s, roles.decision);
    write_score_and_label(&mut s, roles.score, roles.label);
    write_groups(&mut s, &roles.groups);
    s.push_str("\n[features]\n");
    s.push_str(&format!(
        "columns = {}   # GUESSED: every other column\n",
        list(&roles.features)
    ));
    s.push_str("\n[stats]\nconfidence = 0.95\nbootstrap = 2000\nseed = 20261123\n");
    s.push_str(
        "\n[output]\ndir = \"candor-report\"\nformats = [\"json\", \"csv\", \"md\", \"html\"]\n",
    );
    Ok(s)
}

/// The `[data]` section's keys: the path, the CSV options and the id column.
fn write_data(s: &mut String, args: &InitArgs, source: &Source, id: Option<&ColumnProfile>) {
    // Paths in a spec are relative to the spec's folder, which is not known when the spec goes
    // to standard output: write the data path absolute (edit it to make the spec portable).
    let data_path = std::fs::canonicalize(&args.data).unwrap_or_else(|_| args.data.clone());
    s.push_str(
        "# Relative paths are read from this file's folder; this one was written absolute.\n",
    );
    s.push_str(&format!(
        "path = {}\n",
        toml_str(&data_path.display().to_string())
    ));
    if source.format == FileFormat::Csv {
        s.push_str(&format!(
            "delimiter = {}\n",
            toml_str(&source.delimiter.to_string().replace('\t', "\\t"))
        ));
        s.push_str(&format!("encoding = {}\n", toml_str(&source.encoding)));
    }
    s.push_str("# where = \"\"            # SQL predicate restricting the population\n");
    match id {
        Some(c) => s.push_str(&format!(
            "id = {}   # GUESSED: named like an id, every value distinct\n",
            toml_str(&c.name)
        )),
        None => s.push_str("# id = \"\"               # column identifying the worker\n"),
    }
}

/// The `[decision]` section.
fn write_decision(s: &mut String, decision: Option<&ColumnProfile>) {
    s.push_str("\n[decision]\n");
    match decision {
        Some(c) => {
            s.push_str(&format!("column = {}   # GUESSED: values {}\n", toml_str(&c.name), comment_text(&c.examples)));
            let pos = c
                .examples
                .iter()
                .find(|v| ["1", "true", "yes", "Yes", "Y"].contains(&v.as_str()))
                .cloned()
                .unwrap_or_else(|| c.examples.last().cloned().unwrap_or_default());
            s.push_str(&format!("positive = [{}]   # GUESSED: the value counted as the positive decision\n", toml_str(&pos)));
        }
        None => s.push_str("# column = \"\"           # NOT FOUND: name the decision column\n# positive = [\"1\"]\n"),
    }
    s.push_str("favorable = \"positive\"   # \"negative\" if the positive decision harms the worker (flagged, dismissed)\n");
}

/// The `[score]` and `[label]` sections.
fn write_score_and_label(
    s: &mut String,
    score: Option<&ColumnProfile>,
    label: Option<&ColumnProfile>,
) {
    s.push_str("\n[score]\n");
    match score {
        Some(c) => s.push_str(&format!("column = {}   # GUESSED: numeric, named like a score\n# threshold = 0.5\n", toml_str(&c.name))),
        None => s.push_str("# column = \"\"\n# threshold = 0.5       # score >= threshold is the positive decision\n"),
    }
    s.push_str("\n[label]\n");
    match label {
        Some(c) => s.push_str(&format!(
            "column = {}   # GUESSED: ground truth, values {}\n",
            toml_str(&c.name),
            comment_text(&c.examples)
        )),
        None => s.push_str(
            "# column = \"\"           # ground truth (what actually happened), if known\n",
        ),
    }
}

/// The `[groups]` section: the attributes, the first intersection and the minimum size.
fn write_groups(s: &mut String, groups: &[&ColumnProfile]) {
    s.push_str("\n[groups]\n");
    if groups.is_empty() {
        s.push_str(
            "attributes = []   # NOT FOUND: list the group columns (sex, race, age band, ...)\n",
        );
    } else {
        s.push_str(&format!(
            "attributes = {}   # GUESSED: named like protected characteristics\n",
            list(groups)
        ));
    }
    if groups.len() >= 2 {
        s.push_str(&format!(
            "intersections = [[{}, {}]]   # GUESSED\n",
            toml_str(&groups[0].name),
            toml_str(&groups[1].name)
        ));
    }
    s.push_str("min_group_size = 30\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_camel_and_snake() {
        assert_eq!(tokens("MaritalStatus"), ["marital", "status"]);
        assert_eq!(tokens("age_band"), ["age", "band"]);
        assert_eq!(tokens("two_year_recid"), ["two", "year", "recid"]);
    }

    #[test]
    fn named_like_is_token_aware() {
        assert!(named_like("Gender", GROUP_WORDS));
        assert!(named_like("age_cat", GROUP_WORDS));
        assert!(!named_like("average", GROUP_WORDS));
        assert!(named_like("性别", GROUP_WORDS));
        assert!(named_like("flagged_for_termination_review", DECISION_WORDS));
    }
}
