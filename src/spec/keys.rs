//! The valid keys of a spec file, checked before deserialising so that an unknown key gets a
//! message naming it and the closest valid key (serde's own message lists them all).

use crate::error::{Error, Result, did_you_mean};

/// Every section and its keys. Keep in step with the structs in `spec/mod.rs` (a test checks).
pub const SECTIONS: &[(&str, &[&str])] = &[
    (
        "data",
        &[
            "path",
            "format",
            "delimiter",
            "has_header",
            "encoding",
            "na_values",
            "where",
            "id",
        ],
    ),
    (
        "decision",
        &["column", "positive", "negative", "classes", "favorable"],
    ),
    ("score", &["column", "threshold", "favorable"]),
    ("label", &["column", "positive"]),
    (
        "groups",
        &[
            "attributes",
            "intersections",
            "max_k",
            "min_group_size",
            "max_levels",
            "reference",
            "references",
            "exclude_below_share",
        ],
    ),
    ("features", &["columns"]),
    (
        "stats",
        &["confidence", "alpha", "correction", "bootstrap", "seed"],
    ),
    ("output", &["dir", "formats", "lang"]),
    ("gates", &["fail_on"]),
    (
        "screen",
        &[
            "policy",
            "policy_files",
            "stage",
            "dictionary",
            "working_days",
            "working_hours",
            "utc_offset_minutes",
            "as_of",
            "retention_days",
        ],
    ),
    (
        "explain",
        &[
            "purpose",
            "purpose_zh",
            "immutable",
            "increase_only",
            "decrease_only",
            "neighbours",
            "max_candidates",
            "decision_date",
            "document_date",
            "contact",
            "contact_zh",
            "employer_kind",
            "context",
        ],
    ),
    (
        "report",
        &[
            "system",
            "employer",
            "auditor",
            "audit_date",
            "data_period",
            "min_published_group",
        ],
    ),
    ("privacy", &["quasi_identifiers", "sensitive", "min_k"]),
    ("engine", &["kind", "remote", "table", "sample_rows"]),
    (
        "model",
        &[
            "file",
            "inputs",
            "mapping",
            "output",
            "positive_class",
            "threshold",
            "tolerance",
            "score_tolerance",
            "neutral",
        ],
    ),
];

/// Checks that every section and key of `table` is known.
pub fn check_keys(table: &toml::Table, origin: &str) -> Result<()> {
    for (section, value) in table {
        let Some((_, keys)) = SECTIONS.iter().find(|(s, _)| s == section) else {
            return Err(Error::spec(
                origin,
                format!("unknown section '{section}'"),
                did_you_mean(section, SECTIONS.iter().map(|(s, _)| *s)),
            ));
        };
        let Some(inner) = value.as_table() else {
            return Err(Error::spec(
                origin,
                format!("'{section}' must be a table ([{section}])"),
                Some(format!("write it as a section: [{section}]")),
            ));
        };
        for key in inner.keys() {
            // `references` is a free-form table of attribute = group.
            if !keys.contains(&key.as_str()) {
                return Err(Error::spec(
                    origin,
                    format!("unknown key '{section}.{key}'"),
                    did_you_mean(key, keys.iter().copied()),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::SpecFile;

    /// Every listed key must round-trip through the structs: serialise a spec with every field
    /// set and compare the key sets.
    #[test]
    fn key_list_matches_structs() {
        let full = r#"
[data]
path = "a.csv"
format = "csv"
delimiter = ","
has_header = true
encoding = "utf-8"
na_values = [""]
where = "x > 1"
id = "id"
[decision]
column = "d"
positive = ["1"]
negative = ["0"]
classes = ["a"]
favorable = "positive"
[score]
column = "s"
threshold = 1.0
favorable = "high"
[label]
column = "l"
positive = "1"
[groups]
attributes = ["a"]
intersections = [["a", "b"]]
max_k = 2
min_group_size = 30
max_levels = 1000
reference = "highest"
references = { a = "x" }
exclude_below_share = 0.02
[features]
columns = ["f"]
[stats]
confidence = 0.95
alpha = 0.05
correction = "holm"
bootstrap = 10
seed = 1
[output]
dir = "out"
formats = ["json"]
lang = "en"
[gates]
fail_on = ["impact_ratio<0.8"]
[screen]
policy = ["pipl"]
policy_files = ["p.toml"]
stage = "employment"
dictionary = "d.csv"
working_days = [1, 2]
working_hours = "08:00-18:00"
utc_offset_minutes = 480
as_of = "2026-11-23"
retention_days = 180
[explain]
purpose = "p"
purpose_zh = "p"
immutable = ["a"]
increase_only = ["t"]
decrease_only = ["e"]
neighbours = 50
max_candidates = 100
decision_date = "2026-11-30"
document_date = "2026-12-01"
contact = "c"
contact_zh = "c"
employer_kind = "platform"
context = ["solely_automated"]
[report]
system = "s"
employer = "e"
auditor = "a"
audit_date = "2026-12-04"
data_period = "2026"
min_published_group = 5
[engine]
kind = "spark"
remote = "sc://127.0.0.1:15002"
table = "hr.flags"
sample_rows = 1000
[privacy]
quasi_identifiers = ["a"]
sensitive = ["f"]
min_k = 5
[model]
file = "m.onnx"
inputs = ["a"]
mapping = { x = "a" }
output = "label"
positive_class = "1"
threshold = 0.5
tolerance = 0.01
score_tolerance = 0.000001
neutral = "median"
"#;
        let spec = SpecFile::from_toml(full, "t").expect("full spec parses");
        let back = toml::Table::try_from(&spec).expect("serialises");
        for (section, keys) in SECTIONS {
            let t = back[*section].as_table().expect("section present");
            let mut got: Vec<&str> = t.keys().map(String::as_str).collect();
            let mut want: Vec<&str> = keys.to_vec();
            got.sort_unstable();
            want.sort_unstable();
            assert_eq!(got, want, "section {section}");
        }
    }
}
