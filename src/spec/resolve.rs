//! `SpecFile` -> `AuditSpec`: defaults applied, every value checked once.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::SpecFile;
use super::types::*;
use crate::error::{Error, Result, did_you_mean};
use crate::i18n::Lang;

fn parse_hhmm(s: &str) -> Option<u16> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 24 && m < 60 && h * 60 + m <= 24 * 60).then_some(h * 60 + m)
}

fn check_screen(f: &super::ScreenSection) -> Result<ScreenSpec> {
    let stage_text = f.stage.clone().unwrap_or_else(|| "employment".into());
    let stage: crate::codes::Stage = stage_text.parse().map_err(|_| {
        Error::spec(
            "screen.stage (--stage)",
            format!("'{stage_text}' is not one of recruitment, employment, termination, post_termination"),
            did_you_mean(
                &stage_text,
                ["recruitment", "employment", "termination", "post_termination"],
            ),
        )
    })?;
    let hours = f
        .working_hours
        .clone()
        .unwrap_or_else(|| "08:00-19:00".into());
    let (start, end) = hours
        .split_once('-')
        .and_then(|(a, b)| Some((parse_hhmm(a)?, parse_hhmm(b)?)))
        .ok_or_else(|| {
            Error::spec(
                "screen.working_hours",
                format!("'{hours}' is not HH:MM-HH:MM"),
                Some("write e.g. \"08:00-18:00\"".into()),
            )
        })?;
    let working_days = f
        .working_days
        .clone()
        .unwrap_or_else(|| vec![1, 2, 3, 4, 5]);
    if let Some(d) = working_days.iter().find(|d| !(1..=7).contains(*d)) {
        return Err(Error::spec(
            "screen.working_days",
            format!("{d} is not a weekday number"),
            Some("use 1 = Monday ... 7 = Sunday".into()),
        ));
    }
    Ok(ScreenSpec {
        policy: f.policy.clone().unwrap_or_default(),
        policy_files: f.policy_files.clone().unwrap_or_default(),
        stage,
        dictionary: f.dictionary.clone(),
        hours: crate::dates::WorkingHours {
            days: working_days,
            start,
            end,
            utc_offset_minutes: match f.utc_offset_minutes.unwrap_or(0) {
                m if (-720..=840).contains(&m) => m,
                m => {
                    return Err(Error::spec(
                        "screen.utc_offset_minutes (--utc-offset)",
                        format!("{m} minutes is not a time zone's offset from UTC"),
                        Some("offsets run from -720 (UTC-12) to 840 (UTC+14); China is 480".into()),
                    ));
                }
            },
        },
        as_of: match &f.as_of {
            Some(d) if crate::dates::parse_date(d).is_none() => {
                return Err(Error::spec(
                    "screen.as_of (--as-of)",
                    format!("'{d}' is not a date YYYY-MM-DD"),
                    None,
                ));
            }
            other => other.clone(),
        },
        retention_days: f.retention_days.unwrap_or(180),
    })
}

fn one_of(origin: &str, value: &str, valid: &[&str]) -> Result<()> {
    if valid.contains(&value) {
        Ok(())
    } else {
        Err(Error::spec(
            origin,
            format!("'{value}' is not one of {}", valid.join(", ")),
            did_you_mean(value, valid.iter().copied()),
        ))
    }
}

/// The data file, its format and how to read it, from the `[data]` section: what `convert`
/// needs, and the start of every audit.
pub fn check_source(data: &super::DataSection) -> Result<(PathBuf, FileFormat, CsvOptions)> {
    let path = data.path.clone().ok_or_else(|| {
        Error::spec(
            "data.path",
            "no data file given",
            Some("pass the table as the first argument: candor audit DATA ...".into()),
        )
    })?;
    let format = match &data.format {
        Some(name) => FileFormat::from_name(name).ok_or_else(|| {
            Error::spec(
                "data.format (--input-format)",
                format!("unknown format '{name}'"),
                did_you_mean(name, FileFormat::NAMES),
            )
        })?,
        None => {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default();
            FileFormat::from_name(ext).ok_or_else(|| {
                Error::spec(
                    "data.path",
                    format!(
                        "cannot tell the format of '{}' from its extension",
                        path.display()
                    ),
                    Some("name the format with --input-format csv|parquet|ndjson|ipc".into()),
                )
            })?
        }
    };
    let delimiter = match data.delimiter.as_deref() {
        None => {
            if path.extension().and_then(|e| e.to_str()) == Some("tsv") {
                '\t'
            } else {
                ','
            }
        }
        Some("\\t") | Some("tab") => '\t',
        Some(d) if d.len() == 1 => d.chars().next().unwrap_or(','),
        Some(d) => {
            return Err(Error::spec(
                "data.delimiter (--delimiter)",
                format!("'{d}' is not a single ASCII character"),
                Some("use one character such as ',' ';' '|' or \\t for tab".into()),
            ));
        }
    };
    let encoding_label = data.encoding.clone().unwrap_or_else(|| "utf-8".into());
    let encoding = encoding_rs::Encoding::for_label(encoding_label.as_bytes())
        .ok_or_else(|| {
            Error::spec(
                "data.encoding (--encoding)",
                format!("unknown encoding '{encoding_label}'"),
                Some("use utf-8, gbk, gb18030, big5, shift_jis or another WHATWG label".into()),
            )
        })?
        .name()
        .to_string();
    let csv = CsvOptions {
        delimiter,
        has_header: data.has_header.unwrap_or(true),
        encoding,
        na_values: data
            .na_values
            .clone()
            .unwrap_or_else(|| vec!["".into(), "NA".into(), "?".into()]),
        float_columns: Vec::new(),
    };
    Ok((path, format, csv))
}

pub(super) fn check(f: SpecFile, require_decision: bool) -> Result<AuditSpec> {
    let f = f.normalised();
    let (path, format, csv) = check_source(&f.data)?;
    let where_ = f.data.where_.clone().filter(|w| !w.trim().is_empty());
    let score = check_score(&f)?;
    let decision = check_decision(&f, score.as_ref(), require_decision)?;
    let label = f.label.column.clone().map(|column| LabelSpec {
        column,
        positive: f.label.positive.clone(),
    });
    let groups = check_groups(&f, require_decision)?;
    // A column compared across its own values says nothing about a group.
    let roles = [
        ("the decision", f.decision.column.as_deref()),
        ("the score", f.score.column.as_deref()),
        ("the label", f.label.column.as_deref()),
    ];
    for (role, column) in roles {
        if let Some(c) = column.filter(|c| groups.attributes.iter().any(|a| a == c)) {
            return Err(Error::spec(
                "groups.attributes (--group)",
                format!("'{c}' is {role} column; it cannot also be a group attribute"),
                Some(
                    "group by who the workers are (sex, age band, site), not by the outcome".into(),
                ),
            ));
        }
    }
    let stats = check_stats(&f)?;
    let formats = check_formats(&f)?;
    let lang_code = f.output.lang.clone().unwrap_or_else(|| "en".into());
    one_of("output.lang (--lang)", &lang_code, &["en", "zh"])?;
    let lang = Lang::from_code(&lang_code).unwrap_or_default();
    let screen_spec = check_screen(&f.screen)?;
    let report = check_report(&f, &screen_spec)?;
    let privacy = super::privacy::check(
        &f.privacy,
        &groups.attributes,
        f.features.columns.as_deref().unwrap_or_default(),
        report.min_published_group,
    )?;
    let model = super::model::check(&f.model)?;
    let gates = f
        .gates
        .fail_on
        .clone()
        .unwrap_or_default()
        .iter()
        .map(|g| Gate::parse(g))
        .collect::<Result<Vec<_>>>()?;

    Ok(AuditSpec {
        data: DataSpec {
            path,
            format,
            csv,
            where_,
            id: f.data.id.clone(),
        },
        decision,
        score,
        label,
        attributes: groups.attributes,
        intersections: groups.intersections,
        max_k: groups.max_k,
        min_group_size: groups.min_group_size,
        max_levels: groups.max_levels,
        reference: groups.reference,
        references: groups.references,
        exclude_below_share: groups.exclude_below_share,
        features: f.features.columns.clone().unwrap_or_default(),
        stats,
        output_dir: f
            .output
            .dir
            .clone()
            .unwrap_or_else(|| PathBuf::from("candor-report")),
        formats,
        lang,
        gates,
        screen: screen_spec,
        report,
        privacy,
        model,
    })
}

/// The `[score]` section: the column, its threshold and which side is good for the worker.
fn check_score(f: &SpecFile) -> Result<Option<ScoreSpec>> {
    let score = match &f.score.column {
        Some(column) => {
            let fav = f.score.favorable.clone().unwrap_or_else(|| "high".into());
            one_of(
                "score.favorable (--score-favorable)",
                &fav,
                &["high", "low"],
            )?;
            Some(ScoreSpec {
                column: column.clone(),
                threshold: f.score.threshold,
                higher_is_favorable: fav == "high",
            })
        }
        None => {
            if f.score.threshold.is_some() {
                return Err(Error::spec(
                    "score.threshold (--threshold)",
                    "a threshold was given without a score column",
                    Some("add --score COLUMN".into()),
                ));
            }
            None
        }
    };
    Ok(score)
}

/// The `[decision]` section: which value is positive and whether it is the favorable one (a
/// decision derived from a score inherits the score's direction).
fn check_decision(
    f: &SpecFile,
    score: Option<&ScoreSpec>,
    require_decision: bool,
) -> Result<DecisionSpec> {
    // A decision derived from the score (`score >= threshold` is positive) inherits the
    // score's direction: when a low score is good, the positive decision is the adverse one.
    let derived =
        f.decision.column.is_none() && score.as_ref().is_some_and(|s| s.threshold.is_some());
    let from_score = score.as_ref().filter(|_| derived).map(|s| {
        if s.higher_is_favorable {
            "positive"
        } else {
            "negative"
        }
    });
    let favorable = match (f.decision.favorable.clone(), from_score) {
        (Some(given), Some(implied)) if given != implied => {
            return Err(Error::spec(
                "decision.favorable (--favorable)",
                format!(
                    "the decision is 'score >= threshold', and a {} score is favorable, so the positive decision is the {} one; --favorable {given} says the opposite",
                    if implied == "positive" { "high" } else { "low" },
                    if implied == "positive" {
                        "favorable"
                    } else {
                        "adverse"
                    }
                ),
                Some(format!("drop --favorable, or give --favorable {implied}")),
            ));
        }
        (Some(given), _) => given,
        (None, Some(implied)) => implied.to_string(),
        (None, None) => "positive".into(),
    };
    one_of(
        "decision.favorable (--favorable)",
        &favorable,
        &["positive", "negative"],
    )?;
    if require_decision
        && f.decision.column.is_none()
        && score.as_ref().and_then(|s| s.threshold).is_none()
    {
        return Err(Error::spec(
            "decision.column (--decision)",
            "no decision given",
            Some("name the decision column with --decision COL, or derive it from a score with --score COL --threshold T".into()),
        ));
    }
    if let Some(t) = score.as_ref().and_then(|s| s.threshold)
        && !t.is_finite()
    {
        return Err(Error::spec(
            "score.threshold",
            "the threshold is not a finite number",
            None,
        ));
    }
    let decision = DecisionSpec {
        column: f.decision.column.clone(),
        positive: f.decision.positive.clone().unwrap_or_default(),
        negative: f.decision.negative.clone().unwrap_or_default(),
        classes: f.decision.classes.clone().unwrap_or_default(),
        positive_is_favorable: favorable == "positive",
    };
    if !decision.classes.is_empty() && !decision.positive.is_empty() {
        return Err(Error::spec(
            "decision.classes",
            "classes (multi-class) and positive (binary) were both given",
            Some("give either the positive value(s) or the list of classes".into()),
        ));
    }
    Ok(decision)
}

/// The `[groups]` section, checked.
struct GroupSettings {
    attributes: Vec<String>,
    intersections: Vec<Vec<String>>,
    max_k: usize,
    min_group_size: u64,
    max_levels: usize,
    reference: ReferenceRule,
    references: BTreeMap<String, String>,
    exclude_below_share: f64,
}

/// The most attributes an automatic intersection may combine (docs/spec.md).
pub const MAX_K: usize = 4;

fn check_groups(f: &SpecFile, require_decision: bool) -> Result<GroupSettings> {
    let attributes = f.groups.attributes.clone().unwrap_or_default();
    // `candor screen` may run without group attributes (then without the proxy layer).
    if attributes.is_empty() && require_decision {
        return Err(Error::spec(
            "groups.attributes (--group)",
            "no group attribute given",
            Some("name at least one group column, e.g. --group sex".into()),
        ));
    }
    let mut seen = std::collections::BTreeSet::new();
    for a in &attributes {
        if !seen.insert(a) {
            return Err(Error::spec(
                "groups.attributes (--group)",
                format!("'{a}' is listed twice"),
                None,
            ));
        }
    }
    let intersections = f.groups.intersections.clone().unwrap_or_default();
    for parts in &intersections {
        if parts.len() < 2 {
            return Err(Error::spec(
                "groups.intersections (--intersect)",
                format!(
                    "an intersection needs two or more attributes, got [{}]",
                    parts.join(", ")
                ),
                Some("write --intersect sex,race".into()),
            ));
        }
        if let Some(p) = parts
            .iter()
            .enumerate()
            .find_map(|(i, p)| parts[..i].contains(p).then_some(p))
        {
            return Err(Error::spec(
                "groups.intersections (--intersect)",
                format!("'{p}' is named twice in [{}]", parts.join(", ")),
                Some(
                    "an intersection crosses different attributes, e.g. --intersect sex,race"
                        .into(),
                ),
            ));
        }
        for p in parts {
            if !attributes.contains(p) {
                return Err(Error::spec(
                    "groups.intersections (--intersect)",
                    format!("'{p}' is not a group attribute"),
                    Some(format!("add it with --group {p}, or fix the name")),
                ));
            }
        }
    }
    let reference = match f.groups.reference.as_deref().unwrap_or("highest") {
        "highest" => ReferenceRule::Highest,
        "largest" => ReferenceRule::Largest,
        "population" => ReferenceRule::Population,
        other => {
            return Err(Error::spec(
                "groups.reference (--reference)",
                format!("'{other}' is not one of highest, largest, population"),
                Some("name a group for one attribute with --reference-group race=Caucasian".into()),
            ));
        }
    };
    let references = f.groups.references.clone().unwrap_or_default();
    for a in references.keys() {
        if !attributes.contains(a) {
            return Err(Error::spec(
                "groups.references",
                format!("'{a}' is not a group attribute"),
                did_you_mean(a, attributes.iter().map(String::as_str)),
            ));
        }
    }
    let exclude_below_share = f.groups.exclude_below_share.unwrap_or(0.0);
    if !(0.0..0.5).contains(&exclude_below_share) {
        return Err(Error::spec(
            "groups.exclude_below_share",
            format!("{exclude_below_share} is not in [0, 0.5)"),
            Some("NYC LL144 allows excluding categories under 2 %: use 0.02".into()),
        ));
    }

    let max_k = f.groups.max_k.unwrap_or(0);
    if max_k > MAX_K {
        return Err(Error::spec(
            "groups.max_k (--max-k)",
            format!("{max_k} is more than the limit of {MAX_K}"),
            Some("intersections of more than four attributes leave groups too small to compare; declare the few that matter under groups.intersections".into()),
        ));
    }
    let min_group_size = f.groups.min_group_size.unwrap_or(30);
    if min_group_size == 0 {
        return Err(Error::spec(
            "groups.min_group_size (--min-group-size)",
            "0 is not a group size",
            Some("use 1 to compare every group; 30 is the default".into()),
        ));
    }
    let max_levels = f.groups.max_levels.unwrap_or(1000);
    if max_levels < 2 {
        return Err(Error::spec(
            "groups.max_levels (--max-levels)",
            format!("{max_levels} leaves no group to compare"),
            Some("the default is 1000".into()),
        ));
    }
    Ok(GroupSettings {
        attributes,
        intersections,
        max_k,
        min_group_size,
        max_levels,
        reference,
        references,
        exclude_below_share,
    })
}

/// The `[stats]` section.
fn check_stats(f: &SpecFile) -> Result<StatsSpec> {
    let confidence = f.stats.confidence.unwrap_or(0.95);
    let alpha = f.stats.alpha.unwrap_or(0.05);
    for (name, v) in [("stats.confidence", confidence), ("stats.alpha", alpha)] {
        if !(v > 0.0 && v < 1.0) {
            return Err(Error::spec(
                name,
                format!("{v} is not between 0 and 1"),
                None,
            ));
        }
    }
    let correction = f.stats.correction.clone().unwrap_or_else(|| "holm".into());
    one_of("stats.correction", &correction, &["holm", "bh"])?;
    let bootstrap = f.stats.bootstrap.unwrap_or(2000);
    if bootstrap > 100_000 {
        return Err(Error::spec(
            "stats.bootstrap (--bootstrap)",
            format!("{bootstrap} replicates is more than the limit of 100000"),
            Some("2000 replicates give stable 95 % intervals".into()),
        ));
    }
    let stats = StatsSpec {
        confidence,
        alpha,
        correction,
        bootstrap,
        seed: f.stats.seed.unwrap_or(20261123),
    };

    Ok(stats)
}

/// The `[output]` formats, each once, in a fixed order.
fn check_formats(f: &SpecFile) -> Result<Vec<OutputFormat>> {
    let mut formats = Vec::new();
    for name in f
        .output
        .formats
        .clone()
        .unwrap_or_else(|| vec!["json".into(), "csv".into(), "md".into(), "html".into()])
    {
        let fmt = match name.trim() {
            "json" => OutputFormat::Json,
            "csv" => OutputFormat::Csv,
            "md" | "markdown" => OutputFormat::Md,
            "html" => OutputFormat::Html,
            other => {
                return Err(Error::spec(
                    "output.formats (--format)",
                    format!("unknown format '{other}'"),
                    did_you_mean(other, ["json", "csv", "md", "html"]),
                ));
            }
        };
        if !formats.contains(&fmt) {
            formats.push(fmt);
        }
    }
    formats.sort();
    Ok(formats)
}

fn check_report(f: &SpecFile, screen: &ScreenSpec) -> Result<ReportSpec> {
    let r = &f.report;
    if let Some(d) = &r.audit_date
        && crate::dates::parse_date(d).is_none()
    {
        return Err(Error::spec(
            "report.audit_date (--audit-date)",
            format!("'{d}' is not a date YYYY-MM-DD"),
            Some("write e.g. 2026-12-04".into()),
        ));
    }
    let min = r.min_published_group.unwrap_or(5);
    if min == 0 {
        return Err(Error::spec(
            "report.min_published_group (--min-published-group)",
            "0 would publish figures about nobody; the smallest allowed is 1",
            Some("the default, 5 workers, is a common disclosure threshold".into()),
        ));
    }
    let text = |x: &Option<String>| x.clone().filter(|s| !s.trim().is_empty());
    Ok(ReportSpec {
        system: text(&r.system),
        employer: text(&r.employer),
        auditor: text(&r.auditor),
        audit_date: r.audit_date.clone().or_else(|| screen.as_of.clone()),
        data_period: text(&r.data_period),
        min_published_group: min,
        purpose: text(&f.explain.purpose),
        purpose_zh: text(&f.explain.purpose_zh),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::Metric;

    fn base() -> SpecFile {
        let mut f = SpecFile::default();
        f.data.path = Some("x.csv".into());
        f.decision.column = Some("d".into());
        f.groups.attributes = Some(vec!["sex".into()]);
        f
    }

    #[test]
    fn defaults_applied() {
        let s = base().check().unwrap();
        assert_eq!(s.data.format, FileFormat::Csv);
        assert_eq!(s.data.csv.delimiter, ',');
        assert_eq!(s.stats.bootstrap, 2000);
        assert_eq!(s.min_group_size, 30);
        assert_eq!(s.formats.len(), 4);
        assert!(s.decision.positive_is_favorable);
    }

    #[test]
    fn gbk_label_resolves() {
        let mut f = base();
        f.data.encoding = Some("gbk".into());
        assert_eq!(f.check().unwrap().data.csv.encoding, "GBK");
    }

    #[test]
    fn unknown_format_suggests() {
        let mut f = base();
        f.output.formats = Some(vec!["jsn".into()]);
        let e = f.check().unwrap_err();
        assert_eq!(e.hint(), Some("did you mean 'json'?"));
    }

    #[test]
    fn gate_parses() {
        let g = Gate::parse("impact_ratio<0.8").unwrap();
        assert_eq!(g.metric, Metric::ImpactRatio);
        assert!(g.breached_by(0.79));
        assert!(!g.breached_by(0.8));
        let g = Gate::parse("fpr_diff >= 0.1").unwrap();
        assert_eq!(g.op, GateOp::Ge);
        assert!(Gate::parse("impact_ratio").is_err());
    }

    #[test]
    fn intersection_needs_declared_attributes() {
        let mut f = base();
        f.groups.intersections = Some(vec![vec!["sex".into(), "race".into()]]);
        let e = f.check().unwrap_err();
        assert!(e.to_string().contains("'race' is not a group attribute"));
    }

    #[test]
    fn no_decision_is_error() {
        let mut f = base();
        f.decision.column = None;
        assert!(f.check().unwrap_err().to_string().contains("no decision"));
    }
}
