//! Screening layer 2: cell values.
//!
//! Takes a sample of one column's distinct values with their row counts (as the data layer
//! produces them) and reports which categories the values look like: ICD-10 codes, hepatitis-B
//! markers, ethnic-group names, hukou types, job-board and social-media domains, coordinates,
//! resident ID numbers, embeddings. It also measures how many timestamps fall outside working
//! hours ([`off_hours_share`]). Plain functions over strings: no polars, no printing, no clock.
//!
//! Blank cells and common null markers (`""`, `na`, `n/a`, `null`, `none`, `nan`, `-`) are left
//! out of every denominator.

use std::collections::BTreeSet;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use super::names::{contains_term, normalize, tokenize};
use super::policy::{Category, ValueDetector};
pub use crate::dates::WorkingHours;
use crate::dates::{iso_weekday, parse_timestamp};

/// Which kind of detector found the values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DetectorKind {
    /// Whole-cell value from the category's `value_enums`.
    Enum,
    /// A `value_regex` pattern.
    Regex,
    /// A `value_keywords` word inside the cell.
    Keyword,
    /// A detector implemented in code (`value_detectors`).
    Builtin,
}

/// Values of a column that match one category's detector.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueMatch {
    /// Category id.
    pub category: String,
    /// Detector kind.
    pub detector: DetectorKind,
    /// What matched: the regex source, the builtin detector name, `enum`, or the matched
    /// keywords joined by `", "`.
    pub pattern: String,
    /// Rows (sum of counts) whose value matched.
    pub matched_rows: u64,
    /// Non-blank rows in the sample.
    pub total_rows: u64,
    /// `matched_rows / total_rows`, in `(0, 1]` (never reported when nothing matched).
    pub share: f64,
    /// Number of distinct matched values.
    pub distinct_matched: usize,
    /// Up to three matched values, most frequent first.
    pub examples: Vec<String>,
}

/// A sample value prepared once.
struct Cell<'a> {
    raw: &'a str,
    count: u64,
    /// NFKC, trimmed, original case (for regexes and builtins).
    clean: String,
    /// NFKC, trimmed, lowercased (for enums and Chinese keywords).
    lower: String,
    tokens: Vec<String>,
}

fn is_blank(lower: &str) -> bool {
    matches!(lower, "" | "na" | "n/a" | "null" | "none" | "nan" | "-")
}

fn prepare(values: &[(String, u64)]) -> Vec<Cell<'_>> {
    values
        .iter()
        .filter(|(_, count)| *count > 0)
        .filter_map(|(raw, count)| {
            let lower = normalize(raw).trim().to_string();
            if is_blank(&lower) {
                return None;
            }
            let clean = raw.nfkc().collect::<String>().trim().to_string();
            Some(Cell {
                raw,
                count: *count,
                tokens: tokenize(&clean),
                clean,
                lower,
            })
        })
        .collect()
}

/// Builds a match from the matched cells, or `None` if there are none.
fn summarise(
    category: &str,
    detector: DetectorKind,
    pattern: String,
    matched: &[&Cell<'_>],
    total_rows: u64,
) -> Option<ValueMatch> {
    let matched_rows: u64 = matched.iter().map(|c| c.count).sum();
    if matched_rows == 0 || total_rows == 0 {
        return None;
    }
    let mut by_count: Vec<&&Cell<'_>> = matched.iter().collect();
    by_count.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.raw.cmp(b.raw)));
    let distinct: BTreeSet<&str> = matched.iter().map(|c| c.lower.as_str()).collect();
    Some(ValueMatch {
        category: category.to_string(),
        detector,
        pattern,
        matched_rows,
        total_rows,
        share: matched_rows as f64 / total_rows as f64,
        distinct_matched: distinct.len(),
        examples: by_count
            .iter()
            .take(3)
            .map(|c| mask(c.raw.trim()))
            .collect(),
    })
}

/// Sniffs a column's values for the categories' value patterns.
///
/// `values` are distinct values with their row counts (a sample is fine). For each category,
/// reports one match for its enums (only if at least `value_min_distinct` distinct enum values
/// occur), one per regex, one for its keywords and one per builtin detector, each with the
/// share of non-blank rows matched. Sorted by share (highest first), then category. Empty when
/// nothing matches or every value is blank.
///
/// Value evidence is circumstantial on its own (`"B12"` is an ICD-10 code and a seat number):
/// combine it with the name layer and read the share.
pub fn sniff_values(values: &[(String, u64)], categories: &[Category]) -> Vec<ValueMatch> {
    let cells = prepare(values);
    let total_rows: u64 = cells.iter().map(|c| c.count).sum();
    if total_rows == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for category in categories {
        if !category.value_enums.is_empty() {
            let wanted: BTreeSet<String> = category
                .value_enums
                .iter()
                .map(|v| normalize(v).trim().to_string())
                .collect();
            let matched: Vec<&Cell<'_>> =
                cells.iter().filter(|c| wanted.contains(&c.lower)).collect();
            let distinct: BTreeSet<&str> = matched.iter().map(|c| c.lower.as_str()).collect();
            if distinct.len() >= category.value_min_distinct {
                out.extend(summarise(
                    &category.id,
                    DetectorKind::Enum,
                    "enum".to_string(),
                    &matched,
                    total_rows,
                ));
            }
        }
        for regex in category.value_regexes() {
            let matched: Vec<&Cell<'_>> =
                cells.iter().filter(|c| regex.is_match(&c.clean)).collect();
            // A code list that all starts with one character (district codes D01..D12, seat
            // numbers B1..B9) fits code patterns such as ICD-10 by accident: real code columns
            // mix leading characters. Require at least two when several values matched.
            let leading: BTreeSet<char> = matched
                .iter()
                .filter_map(|c| c.clean.chars().next())
                .collect();
            if matched.len() >= 3 && leading.len() < 2 {
                continue;
            }
            out.extend(summarise(
                &category.id,
                DetectorKind::Regex,
                regex.as_str().to_string(),
                &matched,
                total_rows,
            ));
        }
        if !category.value_keywords.is_empty() {
            let mut hit_words: BTreeSet<&str> = BTreeSet::new();
            let matched: Vec<&Cell<'_>> = cells
                .iter()
                .filter(|cell| {
                    let mut any = false;
                    for word in &category.value_keywords {
                        if keyword_in_cell(cell, word) {
                            hit_words.insert(word.as_str());
                            any = true;
                        }
                    }
                    any
                })
                .collect();
            let pattern = hit_words.into_iter().collect::<Vec<_>>().join(", ");
            out.extend(summarise(
                &category.id,
                DetectorKind::Keyword,
                pattern,
                &matched,
                total_rows,
            ));
        }
        for detector in &category.value_detectors {
            let (name, test): (&str, fn(&str) -> bool) = match detector {
                ValueDetector::CnResidentId => ("cn_resident_id", is_cn_resident_id),
                ValueDetector::LatLonPair => ("lat_lon_pair", is_lat_lon_pair),
                ValueDetector::EmbeddingVector => ("embedding_vector", is_embedding_vector),
            };
            let matched: Vec<&Cell<'_>> = cells.iter().filter(|c| test(&c.clean)).collect();
            out.extend(summarise(
                &category.id,
                DetectorKind::Builtin,
                name.to_string(),
                &matched,
                total_rows,
            ));
        }
    }
    out.sort_by(|a, b| {
        b.share
            .total_cmp(&a.share)
            .then_with(|| a.category.cmp(&b.category))
            .then_with(|| a.pattern.cmp(&b.pattern))
    });
    out
}

/// ASCII keywords match as token sequences (`hiv` is not in `archive`); others as substrings.
fn keyword_in_cell(cell: &Cell<'_>, word: &str) -> bool {
    if word.is_ascii() {
        contains_term(&cell.tokens, word)
    } else {
        let needle = normalize(word);
        !needle.is_empty() && cell.lower.contains(needle.as_str())
    }
}

/// A value's shape without its content, for evidence in reports: digits become `#`, letters
/// (any script) `*`, other characters stay; at most 24 characters. Matched values can be
/// identity numbers, phone numbers, diagnoses or addresses, and no report may print them
/// (minimal disclosure); the shape still shows what kind of value matched.
pub fn mask(value: &str) -> String {
    let mut out: String = value
        .chars()
        .take(24)
        .map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else if c.is_alphabetic() {
                '*'
            } else {
                c
            }
        })
        .collect();
    if value.chars().count() > 24 {
        out.push('…');
    }
    out
}

/// An 18-character PRC resident ID: six-digit region code, a plausible `YYYYMMDD` birth date,
/// three sequence digits and an ISO 7064 MOD 11-2 check character (`0`-`9` or `X`).
pub fn is_cn_resident_id(value: &str) -> bool {
    let bytes = value.as_bytes();
    if bytes.len() != 18 || !bytes[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let digit = |i: usize| u32::from(bytes[i] - b'0');
    let year = (6..10).fold(0, |acc, i| acc * 10 + digit(i));
    let month = digit(10) * 10 + digit(11);
    let day = digit(12) * 10 + digit(13);
    if !(1900..=2099).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return false;
    }
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [u8; 11] = *b"10X98765432";
    let sum: u32 = WEIGHTS.iter().enumerate().map(|(i, w)| digit(i) * w).sum();
    let expected = CHECK[(sum % 11) as usize];
    bytes[17].to_ascii_uppercase() == expected
}

/// A `lat, lon` pair (comma, semicolon or space separated, optionally in brackets) with at least
/// four decimals on both numbers, latitude in `[-90, 90]` and longitude in `[-180, 180]`.
pub fn is_lat_lon_pair(value: &str) -> bool {
    let inner = value
        .trim()
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']']);
    let parts: Vec<&str> = inner
        .split([',', ';', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let [lat, lon] = parts.as_slice() else {
        return false;
    };
    let precise = |s: &str| s.split_once('.').is_some_and(|(_, f)| f.len() >= 4);
    match (lat.parse::<f64>(), lon.parse::<f64>()) {
        (Ok(a), Ok(o)) => {
            precise(lat)
                && precise(lon)
                && (-90.0..=90.0).contains(&a)
                && (-180.0..=180.0).contains(&o)
        }
        _ => false,
    }
}

/// A cell holding 32 or more numbers (comma or space separated, optionally in brackets), at
/// least half of them with a decimal point: a likely face, voice or typing embedding.
pub fn is_embedding_vector(value: &str) -> bool {
    let inner = value.trim().trim_start_matches('[').trim_end_matches(']');
    let parts: Vec<&str> = inner
        .split([',', ' ', ';'])
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 32
        && parts.iter().all(|p| p.parse::<f64>().is_ok())
        && parts.iter().filter(|p| p.contains('.')).count() * 2 >= parts.len()
}

// ---------------------------------------------------------------------------------------------
// Off-hours timestamps
// ---------------------------------------------------------------------------------------------

/// How many timestamps fall outside working hours.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OffHours {
    /// Rows whose timestamp parsed.
    pub parsed_rows: u64,
    /// Parsed rows outside the working schedule.
    pub off_hours_rows: u64,
    /// `off_hours_rows / parsed_rows`.
    pub share: f64,
    /// Off-hours rows on a day that is not a working day at all (weekends, rest days).
    pub rest_day_rows: u64,
    /// Non-blank rows that did not parse as a timestamp.
    pub unparsable_rows: u64,
    /// Up to three unparsable values, most frequent first.
    pub unparsable_examples: Vec<String>,
}

/// Share of timestamps outside the working schedule.
///
/// Accepts `YYYY-MM-DD HH:MM[:SS[.fff]]` and `YYYY-MM-DDTHH:MM[:SS[.fff]]` (also with `/` in
/// the date), optionally followed by `Z` or an offset `±HH:MM`, `±HHMM` or `±HH`. Timestamps
/// with an offset are converted to the workplace's local time with `hours.utc_offset_minutes`;
/// timestamps without one are taken to be local time already. The weekday is computed from the
/// day count since 1970-01-01 (a Thursday); no calendar library is used.
///
/// Returns `None` when no value parses (the 0/0 case); blank values are ignored and invalid
/// ones (including impossible dates such as 2026-02-30) are counted in `unparsable_rows`.
pub fn off_hours_share(timestamps: &[(String, u64)], hours: &WorkingHours) -> Option<OffHours> {
    let mut parsed_rows = 0u64;
    let mut off_hours_rows = 0u64;
    let mut rest_day_rows = 0u64;
    let mut unparsable: Vec<(&str, u64)> = Vec::new();
    for (raw, count) in timestamps {
        let trimmed = raw.trim();
        if *count == 0 || is_blank(&trimmed.to_lowercase()) {
            continue;
        }
        let Some(stamp) = parse_timestamp(trimmed) else {
            unparsable.push((trimmed, *count));
            continue;
        };
        let local = match stamp.offset_minutes {
            Some(offset) => stamp.minutes - i64::from(offset) + i64::from(hours.utc_offset_minutes),
            None => stamp.minutes,
        };
        let day = local.div_euclid(1440);
        let minute = u32::try_from(local.rem_euclid(1440)).unwrap_or(0);
        let weekday = iso_weekday(day);
        parsed_rows += count;
        if !hours.contains(weekday, minute) {
            off_hours_rows += count;
            let carried_over = hours.start > hours.end
                && minute < u32::from(hours.end.min(1440))
                && hours.works_on(if weekday == 1 { 7 } else { weekday - 1 });
            if !hours.works_on(weekday) && !carried_over {
                rest_day_rows += count;
            }
        }
    }
    if parsed_rows == 0 {
        return None;
    }
    unparsable.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    Some(OffHours {
        parsed_rows,
        off_hours_rows,
        share: off_hours_rows as f64 / parsed_rows as f64,
        rest_day_rows,
        unparsable_rows: unparsable.iter().map(|(_, n)| n).sum(),
        unparsable_examples: unparsable.iter().take(3).map(|(v, _)| mask(v)).collect(),
    })
}

#[cfg(test)]
mod tests;
