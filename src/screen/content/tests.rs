//! Tests of the content layer.

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
