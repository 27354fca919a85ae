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
mod tests {
    use super::super::policy::builtin_categories;
    use super::*;

    fn categories() -> Vec<Category> {
        builtin_categories().expect("built-in categories must load")
    }

    fn sample(values: &[(&str, u64)]) -> Vec<(String, u64)> {
        values.iter().map(|(v, n)| ((*v).to_string(), *n)).collect()
    }

    fn find<'a>(found: &'a [ValueMatch], category: &str) -> Option<&'a ValueMatch> {
        found.iter().find(|m| m.category == category)
    }

    #[test]
    fn icd10_codes_are_health_with_row_share() {
        let values = sample(&[
            ("J45.9", 30),
            ("E11", 10),
            ("F32.1", 10),
            ("none", 5),
            ("", 5),
        ]);
        let found = sniff_values(&values, &categories());
        let health = find(&found, "health").expect("health");
        assert_eq!(health.detector, DetectorKind::Regex);
        assert_eq!((health.matched_rows, health.total_rows), (50, 50));
        assert!((health.share - 1.0).abs() < 1e-12);
        // Shown by shape only (a diagnosis code is health data).
        assert_eq!(health.examples[0], "*##.#");
    }

    #[test]
    fn hepatitis_b_markers_are_carrier_status() {
        let values = sample(&[("HBsAg(+)", 3), ("大三阳", 2), ("小三阳", 1), ("正常", 14)]);
        let found = sniff_values(&values, &categories());
        let hbv: Vec<&ValueMatch> = found
            .iter()
            .filter(|m| m.category == "infectious_disease_carrier")
            .collect();
        let best = hbv.iter().map(|m| m.matched_rows).max().expect("some hit");
        assert_eq!(best, 3);
        let enums = hbv
            .iter()
            .find(|m| m.detector == DetectorKind::Enum)
            .expect("enum");
        assert_eq!(enums.matched_rows, 3);
        assert!((enums.share - 0.15).abs() < 1e-12);
        let regex = hbv
            .iter()
            .find(|m| m.detector == DetectorKind::Regex)
            .expect("regex");
        assert_eq!(regex.matched_rows, 3);
        // Full-width brackets and plus sign are normalised first.
        let wide = sniff_values(&sample(&[("HBsAg（＋）", 1)]), &categories());
        assert!(find(&wide, "infectious_disease_carrier").is_some());
    }

    #[test]
    fn chinese_ethnic_groups_and_eeo1_labels_are_race_ethnicity() {
        let cats = categories();
        let values = sample(&[("汉族", 80), ("回族", 12), ("维吾尔族", 8)]);
        let race = sniff_values(&values, &cats);
        let race = find(&race, "race_ethnicity_origin").expect("race");
        assert_eq!(
            (race.detector, race.distinct_matched),
            (DetectorKind::Enum, 3)
        );
        assert!((race.share - 1.0).abs() < 1e-12);
        let values = sample(&[
            ("White", 50),
            ("Black or African American", 20),
            ("Hispanic or Latino", 20),
            ("Two or More Races", 10),
        ]);
        let found = sniff_values(&values, &cats);
        assert!(find(&found, "race_ethnicity_origin").is_some());
    }

    #[test]
    fn a_single_enum_value_is_not_enough_where_min_distinct_is_two() {
        // A colour column holding only "White" is not an ethnicity column.
        let values = sample(&[("White", 40), ("Red", 30), ("Blue", 30)]);
        assert!(
            find(
                &sniff_values(&values, &categories()),
                "race_ethnicity_origin"
            )
            .is_none()
        );
        // One sex value alone (a size column with M) does not trigger either.
        let values = sample(&[("S", 10), ("M", 10), ("L", 10)]);
        assert!(find(&sniff_values(&values, &categories()), "sex_gender").is_none());
    }

    #[test]
    fn hukou_types_in_chinese_and_english() {
        let cats = categories();
        let values = sample(&[("农业", 60), ("非农业", 40)]);
        let hukou = sniff_values(&values, &cats);
        assert!((find(&hukou, "hukou_origin").expect("hukou").share - 1.0).abs() < 1e-12);
        let values = sample(&[("农村", 5), ("城镇", 5)]);
        assert!(find(&sniff_values(&values, &cats), "hukou_origin").is_some());
        let values = sample(&[("Rural", 30), ("urban", 70), ("", 10)]);
        let hukou = sniff_values(&values, &cats);
        assert_eq!(
            find(&hukou, "hukou_origin")
                .expect("rural/urban")
                .total_rows,
            100
        );
    }

    #[test]
    fn sex_and_marital_enums() {
        let cats = categories();
        let values = sample(&[("男", 55), ("女", 45)]);
        assert!(find(&sniff_values(&values, &cats), "sex_gender").is_some());
        let values = sample(&[("Married", 40), ("Single", 35), ("Divorced", 25)]);
        let marital = sniff_values(&values, &cats);
        assert!((find(&marital, "marital_family_status").expect("m").share - 1.0).abs() < 1e-12);
        let values = sample(&[("中共党员", 3), ("群众", 7)]);
        assert!(find(&sniff_values(&values, &cats), "political_opinion").is_some());
    }

    #[test]
    fn job_board_and_social_media_domains() {
        let cats = categories();
        let values = sample(&[
            ("https://www.linkedin.com/jobs/view/1", 4),
            ("www.zhipin.com/job_detail", 3),
            ("intranet.example.com", 13),
        ]);
        let found = sniff_values(&values, &cats);
        let jobs = find(&found, "job_search_activity").expect("job boards");
        assert_eq!(jobs.matched_rows, 7);
        assert!((jobs.share - 0.35).abs() < 1e-12);
        let values = sample(&[
            ("weibo.com/u/123", 2),
            ("https://x.com/someone", 1),
            ("docs", 7),
        ]);
        let social = sniff_values(&values, &cats);
        assert_eq!(
            find(&social, "social_media").expect("social").matched_rows,
            3
        );
        let values = sample(&[("BOSS直聘", 5), ("内部推荐", 5)]);
        let found = sniff_values(&values, &cats);
        assert_eq!(
            find(&found, "job_search_activity")
                .expect("app")
                .matched_rows,
            5
        );
    }

    #[test]
    fn lat_lon_pairs_are_location() {
        let cats = categories();
        let values = sample(&[
            ("31.230416, 121.473701", 6),
            ("(39.9042, 116.4074)", 2),
            ("12.5, 3.25", 1),
            ("95.00001, 10.00001", 1),
        ]);
        let found = sniff_values(&values, &cats);
        let location = found
            .iter()
            .find(|m| m.category == "location_outside_work" && m.pattern == "lat_lon_pair")
            .expect("coordinates");
        assert_eq!(location.matched_rows, 8);
        assert!((location.share - 0.8).abs() < 1e-12);
    }

    #[test]
    fn resident_ids_need_a_valid_check_digit() {
        // Check digit computed by hand with the ISO 7064 MOD 11-2 weights: the weighted sum of
        // 11010519491231002 is 167, 167 mod 11 = 2, which maps to `X`.
        assert!(is_cn_resident_id("11010519491231002X"));
        assert!(is_cn_resident_id("11010519491231002x"));
        assert!(!is_cn_resident_id("110105194912310021"));
        assert!(!is_cn_resident_id("11010519491331002X"));
        assert!(!is_cn_resident_id("1101051949123100"));
        let values = sample(&[("11010519491231002X", 1), ("110105194912310021", 1)]);
        let found = sniff_values(&values, &categories());
        for category in ["age", "sex_gender", "hukou_origin"] {
            let m = found
                .iter()
                .find(|m| m.category == category && m.detector == DetectorKind::Builtin)
                .expect("resident id detector");
            assert_eq!((m.matched_rows, m.total_rows), (1, 2));
        }
    }

    #[test]
    fn embeddings_and_media_are_biometric() {
        let cats = categories();
        let vector: Vec<String> = (0..128)
            .map(|i| format!("{:.4}", f64::from(i) / 100.0))
            .collect();
        let values = vec![
            (format!("[{}]", vector.join(", ")), 3),
            ("n/a".to_string(), 1),
        ];
        let found = sniff_values(&values, &cats);
        let bio = find(&found, "biometric").expect("embedding");
        assert_eq!(bio.pattern, "embedding_vector");
        assert_eq!(bio.total_rows, 3);
        let values = sample(&[("/9j/4AAQSkZJRgABAQ", 2), ("photos/emp_1.jpg", 2)]);
        let found = sniff_values(&values, &cats);
        let rows: u64 = found
            .iter()
            .filter(|m| m.category == "biometric")
            .map(|m| m.matched_rows)
            .sum();
        assert_eq!(rows, 4);
    }

    #[test]
    fn ascii_value_keywords_match_whole_tokens() {
        let cats = categories();
        let values = sample(&[
            ("Type 2 diabetes", 1),
            ("archive", 1),
            ("bronchial asthma", 1),
        ]);
        let found = sniff_values(&values, &cats);
        let health = found
            .iter()
            .find(|m| m.category == "health" && m.detector == DetectorKind::Keyword)
            .expect("keywords");
        assert_eq!(health.matched_rows, 2);
        assert_eq!(health.pattern, "asthma, diabetes");
    }

    #[test]
    fn ordinary_work_values_match_nothing() {
        let cats = categories();
        let values = sample(&[
            ("Sales", 10),
            ("Research & Development", 20),
            ("Human Resources", 5),
        ]);
        assert!(sniff_values(&values, &cats).is_empty());
        let values = sample(&[("12.5", 3), ("40", 7), ("37.5", 2)]);
        assert!(sniff_values(&values, &cats).is_empty());
    }

    #[test]
    fn blank_only_or_empty_samples_give_nothing() {
        let cats = categories();
        assert!(sniff_values(&[], &cats).is_empty());
        assert!(sniff_values(&sample(&[("", 4), ("NULL", 2), ("  ", 1)]), &cats).is_empty());
        assert!(sniff_values(&sample(&[("J45.9", 0)]), &cats).is_empty());
    }

    // ---- off-hours ----------------------------------------------------------------------

    /// Sakamoto's method, used only to cross-check the day-count weekday in tests.
    fn sakamoto(year: i64, month: u32, day: u32) -> u8 {
        const T: [i64; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let y = if month < 3 { year - 1 } else { year };
        let w = (y + y / 4 - y / 100 + y / 400 + T[(month - 1) as usize] + i64::from(day)) % 7;
        // 0 = Sunday in Sakamoto's numbering; ISO makes Sunday 7.
        if w == 0 { 7 } else { w as u8 }
    }

    fn weekday_of(date: &str) -> u8 {
        let stamp = parse_timestamp(&format!("{date} 12:00:00")).expect("valid date");
        iso_weekday(stamp.minutes.div_euclid(1440))
    }

    #[test]
    fn weekdays_match_hand_computed_dates() {
        assert_eq!(weekday_of("2026-11-21"), 6); // Saturday
        assert_eq!(weekday_of("2026-11-23"), 1); // Monday
        assert_eq!(weekday_of("1970-01-01"), 4); // Thursday
        assert_eq!(weekday_of("2000-01-01"), 6); // Saturday
        assert_eq!(weekday_of("2024-02-29"), 4); // Thursday, leap day
        assert_eq!(weekday_of("1969-12-31"), 3); // Wednesday, before the epoch
        for (y, m, d) in [(2026, 11, 21), (2024, 2, 29), (1999, 12, 31), (2100, 3, 1)] {
            let date = format!("{y:04}-{m:02}-{d:02}");
            assert_eq!(weekday_of(&date), sakamoto(y, m, d), "{date}");
        }
    }

    #[test]
    fn parse_timestamp_accepts_the_documented_forms() {
        let naive = parse_timestamp("2026-11-23 09:30:00").expect("naive");
        assert_eq!(naive.offset_minutes, None);
        assert_eq!(naive.minutes.rem_euclid(1440), 9 * 60 + 30);
        assert_eq!(
            parse_timestamp("2026-11-23T09:30:00+08:00")
                .expect("offset")
                .offset_minutes,
            Some(480)
        );
        assert_eq!(
            parse_timestamp("2026-11-23T01:30:00Z")
                .expect("z")
                .offset_minutes,
            Some(0)
        );
        assert_eq!(
            parse_timestamp("2026-11-23T09:30:00.123-0500")
                .expect("frac")
                .offset_minutes,
            Some(-300)
        );
        assert!(parse_timestamp("2026/11/23 09:30").is_some());
        for bad in [
            "2026-02-30 10:00:00",
            "2026-13-01 10:00:00",
            "2026-11-23 24:00:00",
            "2026-11-23",
            "23/11/2026 10:00",
            "2026-11-23T09:30:00+8",
            "not a date",
        ] {
            assert!(parse_timestamp(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn off_hours_share_counts_weekends_and_evenings() {
        let hours = WorkingHours {
            days: vec![1, 2, 3, 4, 5],
            start: 9 * 60,
            end: 18 * 60,
            utc_offset_minutes: 480,
        };
        let stamps = sample(&[
            ("2026-11-23 10:00:00", 5), // Monday, in hours
            ("2026-11-23 17:59:59", 1), // Monday, last minute in
            ("2026-11-23 18:00:00", 2), // Monday, end is exclusive
            ("2026-11-24 07:15:00", 1), // Tuesday, early
            ("2026-11-21 11:00:00", 3), // Saturday
            ("garbage", 2),
            ("", 9),
        ]);
        let off = off_hours_share(&stamps, &hours).expect("parsed");
        assert_eq!(off.parsed_rows, 12);
        assert_eq!(off.off_hours_rows, 6);
        assert_eq!(off.rest_day_rows, 3);
        assert_eq!(off.unparsable_rows, 2);
        assert_eq!(off.unparsable_examples, ["*******"]);
        assert!((off.share - 0.5).abs() < 1e-12);
    }

    #[test]
    fn off_hours_share_converts_offsets_to_workplace_time() {
        let hours = WorkingHours::office(480); // Mon-Fri 08:00-19:00, UTC+8
        // 2026-11-23T02:00Z is 10:00 in Beijing on Monday: in hours.
        // 2026-11-20T23:30Z is Saturday 07:30 in Beijing: off hours, rest day.
        // 2026-11-23T10:00+08:00 is already local: in hours.
        let stamps = sample(&[
            ("2026-11-23T02:00:00Z", 1),
            ("2026-11-20T23:30:00Z", 1),
            ("2026-11-23T10:00:00+08:00", 1),
            ("2026-11-23T20:30:00+08:00", 1),
        ]);
        let off = off_hours_share(&stamps, &hours).expect("parsed");
        assert_eq!(
            (off.parsed_rows, off.off_hours_rows, off.rest_day_rows),
            (4, 2, 1)
        );
    }

    #[test]
    fn off_hours_share_handles_overnight_shifts() {
        // Night shift Mon-Fri 22:00-06:00: Saturday 05:00 belongs to Friday's shift.
        let hours = WorkingHours {
            days: vec![1, 2, 3, 4, 5],
            start: 22 * 60,
            end: 6 * 60,
            utc_offset_minutes: 0,
        };
        let stamps = sample(&[
            ("2026-11-20 23:00:00", 1), // Friday night: in
            ("2026-11-21 05:00:00", 1), // Saturday early, Friday's shift: in
            ("2026-11-21 23:00:00", 1), // Saturday night: off, rest day
            ("2026-11-23 05:00:00", 1), // Monday early, Sunday had no shift: off
            ("2026-11-23 12:00:00", 1), // Monday noon: off
        ]);
        let off = off_hours_share(&stamps, &hours).expect("parsed");
        assert_eq!((off.off_hours_rows, off.rest_day_rows), (3, 1));
    }

    #[test]
    fn off_hours_share_is_none_when_nothing_parses() {
        let hours = WorkingHours::office(0);
        assert!(off_hours_share(&[], &hours).is_none());
        assert!(off_hours_share(&sample(&[("nope", 3), ("", 1)]), &hours).is_none());
    }

    #[test]
    fn whole_day_and_out_of_range_schedules_are_defined() {
        // start == end: every minute of a working day is in hours.
        let all_day = WorkingHours {
            days: vec![6],
            start: 0,
            end: 0,
            utc_offset_minutes: 0,
        };
        let stamps = sample(&[("2026-11-21 03:00:00", 1), ("2026-11-22 03:00:00", 1)]);
        let off = off_hours_share(&stamps, &all_day).expect("parsed");
        assert_eq!(off.off_hours_rows, 1);
        // Day numbers outside 1..=7 never match; minutes above 1440 are clamped.
        let odd = WorkingHours {
            days: vec![0, 8],
            start: 0,
            end: 5000,
            utc_offset_minutes: 0,
        };
        let off = off_hours_share(&stamps, &odd).expect("parsed");
        assert_eq!((off.off_hours_rows, off.rest_day_rows), (2, 2));
    }
}
