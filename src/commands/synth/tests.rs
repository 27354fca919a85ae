//! Tests of the generator: byte stability, pinned demo files, planted structure, portable maths.

use super::attrition::{AttritionRow, attrition_row, attrition_score_logit};
use super::couriers::{
    CR_NOISE_SD, CR_REVIEW_AT, CourierInputs, CourierRow, courier_row, courier_score,
};
use super::csv::{push_fixed, push_padded, push_text};
use super::dataset::{DEMO_SEED, Dataset, Lang, columns, write_csv};
use super::rng::{Gen, det_exp, det_ln, unfixed};
use super::tables::{AGE_BAND, ETHNICITY, HUKOU, MARITAL, SEX, SHIFT, YES_NO};
use super::warehouse::{
    MessageTime, WH_OUTER_DISTRICT_PENALTY, WarehouseLegit, WarehouseRestricted, WarehouseRow,
    warehouse_model_score, warehouse_row,
};

fn csv(dataset: Dataset, lang: Lang, rows: usize, seed: u64) -> Vec<u8> {
    let mut v = Vec::new();
    write_csv(&mut v, dataset, lang, rows, seed).expect("writing to a Vec cannot fail");
    v
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("output is UTF-8")
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn warehouse_rows(n: usize, seed: u64) -> Vec<WarehouseRow> {
    let mut g = Gen::new(seed, Dataset::Warehouse);
    (0..n).map(|_| warehouse_row(&mut g)).collect()
}

fn attrition_rows(n: usize, seed: u64) -> Vec<AttritionRow> {
    let mut g = Gen::new(seed, Dataset::Attrition);
    (0..n).map(|_| attrition_row(&mut g)).collect()
}

fn courier_rows(n: usize, seed: u64) -> Vec<CourierRow> {
    let mut g = Gen::new(seed, Dataset::Couriers);
    (1..=n).map(|i| courier_row(&mut g, i)).collect()
}

#[test]
fn couriers_score_is_the_stated_formula_plus_noise() {
    let rows = courier_rows(8000, DEMO_SEED);
    let res: Vec<f64> = rows
        .iter()
        .map(|r| unfixed(r.score_tenths, 1))
        .zip(&rows)
        .filter(|(s, _)| *s > 0.0 && *s < 100.0)
        .map(|(s, r)| s - courier_score(&r.inputs))
        .collect();
    let n = res.len() as f64;
    let mean = res.iter().sum::<f64>() / n;
    let sd = (res.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
    assert!(mean.abs() < 0.15, "mean residual {mean}");
    assert!((sd - CR_NOISE_SD).abs() < 0.15, "residual sd {sd}");
    for r in &rows {
        assert_eq!(r.flagged, unfixed(r.score_tenths, 1) >= CR_REVIEW_AT);
    }
}

#[test]
fn couriers_planted_structure() {
    let rows = courier_rows(8000, DEMO_SEED);
    let small: Vec<&CourierRow> = rows.iter().filter(|r| r.station == 21).collect();
    assert_eq!(small.len(), 12);
    assert_eq!(small.iter().filter(|r| r.flagged).count(), 10);
    let flagged = |r: &CourierRow| r.flagged;
    let all = rate(&rows, |_| true, flagged);
    assert!((0.25..0.35).contains(&all), "{all}");
    // Rural couriers flagged far more often; older couriers less often.
    assert!(
        rate(&rows, |r| r.person.rural, flagged) > 2.0 * rate(&rows, |r| !r.person.rural, flagged)
    );
    assert!(
        rate(&rows, |r| r.person.age == 2, flagged)
            < 0.7 * rate(&rows, |r| r.person.age < 2, flagged)
    );
    // About 4 % of ethnicity cells are empty.
    let missing = rate(&rows, |_| true, |r| r.person.ethnicity.is_none());
    assert!((0.03..0.05).contains(&missing), "{missing}");
}

#[test]
fn couriers_score_has_steps_and_caps() {
    let base = CourierInputs {
        tenure_months: 12,
        deliveries_per_week: 100,
        on_time_rate: 0.95,
        customer_complaints: 0,
        cancelled_orders: 0,
        sick_days: 0,
        home_distance_km: 10.0,
    };
    let s = |f: &dyn Fn(&mut CourierInputs)| {
        let mut x = base;
        f(&mut x);
        courier_score(&x) - courier_score(&base)
    };
    assert_eq!(s(&|x| x.customer_complaints = 1), 8.0);
    assert_eq!(s(&|x| x.customer_complaints = 9), 20.0);
    assert_eq!(s(&|x| x.cancelled_orders = 10), 15.0);
    assert_eq!(s(&|x| x.home_distance_km = 25.1), 10.0);
    assert_eq!(s(&|x| x.home_distance_km = 25.0), 0.0);
    assert_eq!(s(&|x| x.sick_days = 30), 20.0);
    // Lateness: 80 points per unit below 0.97 (capped at 18), plus a step of 10 below 0.85.
    assert!((s(&|x| x.on_time_rate = 0.849) - (80.0 * 0.121 + 10.0 - 1.6)).abs() < 1e-9);
    assert!((s(&|x| x.on_time_rate = 0.70) - (18.0 + 10.0 - 1.6)).abs() < 1e-9);
}

/// Share of rows in `rows` matching `group` that satisfy `hit`.
fn rate<T>(rows: &[T], group: impl Fn(&T) -> bool, hit: impl Fn(&T) -> bool) -> f64 {
    let (mut n, mut k) = (0u32, 0u32);
    for r in rows.iter().filter(|r| group(r)) {
        n += 1;
        k += u32::from(hit(r));
    }
    assert!(n > 0, "empty group");
    f64::from(k) / f64::from(n)
}

#[test]
fn same_seed_gives_identical_bytes() {
    for d in Dataset::ALL {
        for l in Lang::ALL {
            assert_eq!(csv(d, l, 3000, 7), csv(d, l, 3000, 7), "{d:?} {l:?}");
        }
    }
}

#[test]
fn different_seed_gives_different_bytes() {
    for d in Dataset::ALL {
        assert_ne!(csv(d, Lang::En, 500, 7), csv(d, Lang::En, 500, 8), "{d:?}");
    }
}

#[test]
fn prefix_of_a_longer_file_is_the_shorter_file() {
    let short = csv(Dataset::Warehouse, Lang::En, 100, 3);
    let long = csv(Dataset::Warehouse, Lang::En, 200, 3);
    assert!(long.starts_with(&short));
}

/// Pins the committed demo files: if this fails, the generator changed and the files in
/// `datasets/` (and the realised figures in DATASHEET.md / ground_truth.toml) must be
/// regenerated.
#[test]
fn demo_files_are_pinned() {
    let expected: [(Dataset, Lang, u64); 6] = [
        (Dataset::Warehouse, Lang::En, 0x760a_6ab2_57e4_e055),
        (Dataset::Warehouse, Lang::Zh, 0xa128_1e33_2d02_a65a),
        (Dataset::Attrition, Lang::En, 0x82a7_7fa9_7fb0_408d),
        (Dataset::Attrition, Lang::Zh, 0x3a53_77f1_2468_aa4d),
        (Dataset::Couriers, Lang::En, 0x8c41_00c8_c1d9_bc08),
        (Dataset::Couriers, Lang::Zh, 0x1c86_614b_958b_13b4),
    ];
    for (d, l, hash) in expected {
        let got = fnv1a(&csv(d, l, d.demo_rows(), DEMO_SEED));
        assert_eq!(got, hash, "{d:?} {l:?}: {got:#018x}");
    }
}

#[test]
fn every_row_has_the_header_column_count_and_lf_endings() {
    for d in Dataset::ALL {
        for l in Lang::ALL {
            let t = text(csv(d, l, 2000, 11));
            assert!(!t.contains('\r') && !t.contains('"'));
            assert!(t.ends_with('\n'));
            let n = columns(d, l).len();
            let mut lines = t.lines();
            let header: Vec<&str> = lines.next().expect("header").split(',').collect();
            assert_eq!(header, columns(d, l));
            let mut count = 0;
            for line in lines {
                assert_eq!(line.split(',').count(), n, "{line}");
                count += 1;
            }
            assert_eq!(count, 2000);
        }
    }
}

#[test]
fn columns_are_unique_and_match_across_languages() {
    for d in Dataset::ALL {
        for l in Lang::ALL {
            let mut c = columns(d, l);
            let n = c.len();
            c.sort_unstable();
            c.dedup();
            assert_eq!(c.len(), n, "{d:?} {l:?}");
        }
        assert_eq!(columns(d, Lang::En).len(), columns(d, Lang::Zh).len());
    }
}

#[test]
fn chinese_file_is_the_english_file_translated() {
    let tables: [&[[&str; 2]]; 7] = [
        &SEX, &AGE_BAND, &HUKOU, &ETHNICITY, &YES_NO, &SHIFT, &MARITAL,
    ];
    let translate = |en: &str| {
        tables
            .iter()
            .flat_map(|t| t.iter())
            .find(|pair| pair[0] == en)
            .map(|pair| pair[1])
    };
    for d in Dataset::ALL {
        let en = text(csv(d, Lang::En, 1500, 5));
        let zh = text(csv(d, Lang::Zh, 1500, 5));
        let mut translated_cells = 0;
        for (a, b) in en.lines().skip(1).zip(zh.lines().skip(1)) {
            for (x, y) in a.split(',').zip(b.split(',')) {
                if x != y {
                    assert_eq!(translate(x), Some(y), "{x} vs {y}");
                    translated_cells += 1;
                }
            }
        }
        assert!(translated_cells > 1500 * 3);
        assert_eq!(en.lines().count(), zh.lines().count());
    }
    let zh = text(csv(Dataset::Attrition, Lang::Zh, 200, 5));
    for word in ["女", "男", "城镇", "农村", "汉族", "是", "否", "已婚"] {
        assert!(zh.contains(word), "{word}");
    }
}

#[test]
fn quoting_only_when_needed() {
    let mut b = Vec::new();
    push_text(&mut b, "plain");
    b.push(b'|');
    push_text(&mut b, "a,b");
    b.push(b'|');
    push_text(&mut b, "say \"hi\"");
    assert_eq!(b, b"plain|\"a,b\"|\"say \"\"hi\"\"\"");
}

#[test]
fn number_formatting() {
    let mut b = Vec::new();
    push_fixed(&mut b, 1234, 1);
    b.push(b' ');
    push_fixed(&mut b, 5, 2);
    b.push(b' ');
    push_fixed(&mut b, 0, 3);
    b.push(b' ');
    push_padded(&mut b, 12_345_678, 7);
    b.push(b' ');
    push_padded(&mut b, 42, 7);
    assert_eq!(b, b"123.4 0.05 0.000 12345678 0000042");
}

#[test]
fn ziggurat_normal_has_the_right_distribution() {
    let mut g = Gen::new(1, Dataset::Warehouse);
    let n = 1_000_000;
    let (mut sum, mut sq) = (0.0, 0.0);
    let cuts = [-2.5, -1.0, 0.0, 0.5, 1.5, 3.0];
    let cdf = [0.006_21, 0.158_655, 0.5, 0.691_462, 0.933_193, 0.998_65];
    let mut below = [0u32; 6];
    for _ in 0..n {
        let z = g.std_normal();
        sum += z;
        sq += z * z;
        for (c, b) in cuts.iter().zip(below.iter_mut()) {
            *b += u32::from(z < *c);
        }
    }
    let mean = sum / f64::from(n);
    assert!(mean.abs() < 0.005, "mean {mean}");
    assert!((sq / f64::from(n) - 1.0).abs() < 0.01, "variance");
    for ((b, p), c) in below.iter().zip(cdf).zip(cuts) {
        let got = f64::from(*b) / f64::from(n);
        assert!((got - p).abs() < 0.002, "P(z < {c}) = {got}, expected {p}");
    }
}

#[test]
fn portable_exp_and_ln_are_accurate() {
    for i in -4000..=4000 {
        let x = f64::from(i) * 0.01;
        let rel = (det_exp(x) - x.exp()).abs() / x.exp();
        assert!(rel < 1e-14, "exp({x})");
    }
    for i in 1..=5000 {
        let x = f64::from(i) * 0.013;
        assert!((det_ln(x) - x.ln()).abs() < 1e-14, "ln({x})");
    }
    assert!((det_ln(1e-12) - 1e-12f64.ln()).abs() < 1e-12);
}

#[test]
fn warehouse_flag_rate_is_in_band_and_flags_match_scores() {
    let rows = warehouse_rows(20_000, DEMO_SEED + 1);
    let flagged = rate(&rows, |_| true, |r| r.flagged);
    assert!((0.10..=0.20).contains(&flagged), "flagged {flagged}");
    let confirmed = rate(&rows, |_| true, |r| r.confirmed);
    assert!((0.06..=0.18).contains(&confirmed), "confirmed {confirmed}");
    assert!(rows.iter().all(|r| r.flagged == (r.score_tenths < 400)));
    assert!(rows.iter().all(|r| (0..=1000).contains(&r.score_tenths)));
}

#[test]
fn warehouse_planted_disparities_are_there() {
    let rows = warehouse_rows(20_000, DEMO_SEED + 2);
    let flag = |r: &WarehouseRow| r.flagged;
    let disabled = rate(&rows, |r| r.person.disabled, flag);
    let able = rate(&rows, |r| !r.person.disabled, flag);
    assert!(disabled > able + 0.15, "disabled {disabled} vs {able}");
    let rural = rate(&rows, |r| r.person.rural, flag);
    let urban = rate(&rows, |r| !r.person.rural, flag);
    assert!(rural > urban + 0.05, "rural {rural} vs {urban}");
    let women = rate(&rows, |r| r.person.female && r.person.age < 2, flag);
    let men = rate(&rows, |r| !r.person.female && r.person.age < 2, flag);
    assert!(women > men + 0.03, "women 18-44 {women} vs men {men}");
    let old = rate(&rows, |r| r.person.age == 2, flag);
    let young = rate(&rows, |r| r.person.age == 0, flag);
    assert!(old > young + 0.03, "45+ {old} vs 18-29 {young}");
    // No planted ethnicity effect: Han and the minorities together are flagged alike.
    let han = rate(&rows, |r| r.person.ethnicity == Some(0), flag);
    let minority = rate(&rows, |r| r.person.ethnicity.is_some_and(|e| e > 0), flag);
    assert!(
        (han - minority).abs() < 0.035,
        "Han {han} vs minorities {minority}"
    );
    // The human review does not depend on disability: flags are wrong more often for them.
    let fp = |r: &WarehouseRow| r.flagged && !r.confirmed;
    let fp_disabled = rate(&rows, |r| r.person.disabled && !r.confirmed, fp);
    let fp_able = rate(&rows, |r| !r.person.disabled && !r.confirmed, fp);
    assert!(
        fp_disabled > 2.0 * fp_able,
        "FPR {fp_disabled} vs {fp_able}"
    );
}

#[test]
fn warehouse_home_district_is_a_proxy_for_rural_hukou() {
    let rows = warehouse_rows(20_000, DEMO_SEED + 3);
    let outer = |r: &WarehouseRow| r.restricted.home_district >= 7;
    assert!(rate(&rows, outer, |r| r.person.rural) > 0.8);
    assert!(rate(&rows, |r| !outer(r), |r| !r.person.rural) > 0.75);
}

#[test]
fn warehouse_last_message_times_leave_working_hours() {
    let rows = warehouse_rows(10_000, DEMO_SEED + 4);
    let stamped: Vec<MessageTime> = rows
        .iter()
        .filter_map(|r| r.restricted.last_message_at)
        .collect();
    let missing = 1.0 - stamped.len() as f64 / rows.len() as f64;
    assert!((0.002..0.05).contains(&missing), "missing {missing}");
    let outside =
        stamped.iter().filter(|s| !s.is_working_hours()).count() as f64 / stamped.len() as f64;
    assert!((0.3..0.7).contains(&outside), "outside {outside}");
    let mut b = Vec::new();
    MessageTime { day: 9, secs: 3661 }.write(&mut b);
    assert_eq!(b, b"2026-11-09 01:01:01");
}

fn sample_warehouse_inputs() -> (WarehouseLegit, WarehouseRestricted) {
    let rows = warehouse_rows(1, 99);
    (rows[0].legit, rows[0].restricted)
}

#[test]
fn warehouse_score_ignores_union_job_sites_and_timestamps_by_construction() {
    let (l, r) = sample_warehouse_inputs();
    let base = warehouse_model_score(&l, &r);
    let mut changed = r;
    changed.union_chat_mentions = r.union_chat_mentions + 40;
    changed.job_site_visits = r.job_site_visits + 25;
    changed.last_message_at = Some(MessageTime { day: 22, secs: 3 });
    assert_eq!(warehouse_model_score(&l, &changed), base);
    changed.last_message_at = None;
    assert_eq!(warehouse_model_score(&l, &changed), base);
}

#[test]
fn warehouse_score_uses_the_planted_inputs() {
    let (l, r) = sample_warehouse_inputs();
    let base = warehouse_model_score(&l, &r);
    let with = |f: &dyn Fn(&mut WarehouseRestricted)| {
        let mut x = r;
        f(&mut x);
        warehouse_model_score(&l, &x) - base
    };
    let sick = with(&|x| x.sick_leave_days += 1);
    assert!((sick + 1.0).abs() < 1e-9);
    let bath = with(&|x| x.bathroom_break_minutes += 10.0);
    assert!((bath + 6.0).abs() < 1e-9);
    let mut near = r;
    near.home_district = 3;
    let mut far = r;
    far.home_district = 11;
    let gap = warehouse_model_score(&l, &near) - warehouse_model_score(&l, &far);
    assert!((gap - WH_OUTER_DISTRICT_PENALTY).abs() < 1e-9);
    let mut quiet = r;
    quiet.after_hours_messages = 0;
    let mut chatty = r;
    chatty.after_hours_messages = 8;
    let bonus = warehouse_model_score(&l, &chatty) - warehouse_model_score(&l, &quiet);
    assert!((bonus - 2.0).abs() < 1e-9);
}

#[test]
fn attrition_flags_and_planted_structure() {
    let rows = attrition_rows(10_000, DEMO_SEED + 5);
    let flag = |r: &AttritionRow| r.flagged;
    let flagged = rate(&rows, |_| true, flag);
    assert!((0.12..=0.30).contains(&flagged), "flagged {flagged}");
    let left = rate(&rows, |_| true, |r| r.left);
    assert!((0.12..=0.30).contains(&left), "left {left}");
    assert!(rows.iter().all(|r| r.flagged == (r.score_milli >= 500)));
    assert!(rows.iter().all(|r| (0..=1000).contains(&r.score_milli)));
    let mat = rate(&rows, |r| r.restricted.maternity_leave_days > 0, flag);
    let no_mat = rate(&rows, |r| r.restricted.maternity_leave_days == 0, flag);
    assert!(mat > no_mat + 0.3, "maternity {mat} vs {no_mat}");
    // ...although maternity leave does not make anyone more likely to leave.
    let left_mat = rate(&rows, |r| r.restricted.maternity_leave_days > 0, |r| r.left);
    let left_no = rate(
        &rows,
        |r| r.restricted.maternity_leave_days == 0,
        |r| r.left,
    );
    assert!((left_mat - left_no).abs() < 0.07, "{left_mat} vs {left_no}");
    let women = rate(&rows, |r| r.person.female && r.person.age < 2, flag);
    let men = rate(&rows, |r| !r.person.female && r.person.age < 2, flag);
    assert!(women > men + 0.05, "women 18-44 {women} vs men {men}");
    let rural = rate(&rows, |r| r.person.rural, flag);
    let urban = rate(&rows, |r| !r.person.rural, flag);
    assert!(rural > urban + 0.04, "rural {rural} vs {urban}");
    assert!(
        rows.iter()
            .all(|r| r.person.female || r.restricted.maternity_leave_days == 0)
    );
}

#[test]
fn attrition_score_ignores_social_media_and_union_by_construction() {
    let rows = attrition_rows(1, 98);
    let (l, r) = (rows[0].legit, rows[0].restricted);
    let base = attrition_score_logit(&l, &r);
    let mut changed = r;
    changed.personal_social_media_posts += 100;
    changed.union_chat_mentions += 30;
    assert_eq!(attrition_score_logit(&l, &changed), base);
    let mut none = r;
    none.job_board_visits = 0;
    let mut some = r;
    some.job_board_visits = 4;
    let gap = attrition_score_logit(&l, &some) - attrition_score_logit(&l, &none);
    assert!((gap - 1.8).abs() < 1e-9);
    let mut leave = r;
    leave.maternity_leave_days = r.maternity_leave_days + 98;
    assert!(attrition_score_logit(&l, &leave) > base + 1.0);
}
