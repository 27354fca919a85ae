//! Published figures reproduced exactly (../shared/reference/README.md).

use super::common::*;

fn compas_all(out_name: &str, extra: &[&str]) -> Option<serde_json::Value> {
    let d = shared()?;
    let path = d.join("compas/compas-scores-two-years.csv");
    let out = tmp(out_name);
    let p = path.to_str().expect("utf-8 path");
    let mut args = vec![
        p,
        "--decision",
        "score_text",
        "--positive",
        "Medium,High",
        "--label",
        "two_year_recid",
        "--group",
        "race",
        "--group",
        "sex",
        "--group",
        "age_cat",
        "--min-group-size",
        "1",
        "--reference-group",
        "race=Caucasian",
        "--reference-group",
        "sex=Male",
        "--reference-group",
        "age_cat=25 - 45",
        "--bootstrap",
        "0",
    ];
    args.extend_from_slice(extra);
    Some(audit_json(&args, &out))
}

/// ProPublica (2016), all 7214 rows: confusion tables and FPR/FNR by race.
#[test]
fn propublica_all_rows() {
    let Some(a) = compas_all("pp-all", &[]) else {
        return;
    };
    assert_eq!(a["provenance"]["inputs"][0]["rows_audited"], 7214);
    let pop: u64 = [
        "African-American",
        "Asian",
        "Caucasian",
        "Hispanic",
        "Native American",
        "Other",
    ]
    .iter()
    .map(|g| count(&a, "race", g, "n"))
    .sum();
    assert_eq!(pop, 7214);
    // race, TN, FP, FN, TP, FPR %, FNR %
    for (g, tn, fp, fn_, tp, fpr, fnr) in [
        ("African-American", 990, 805, 532, 1369, 44.85, 27.99),
        ("Caucasian", 1139, 349, 461, 505, 23.45, 47.72),
    ] {
        assert_eq!(count(&a, "race", g, "tn"), tn, "{g} tn");
        assert_eq!(count(&a, "race", g, "fp"), fp, "{g} fp");
        assert_eq!(count(&a, "race", g, "fn"), fn_, "{g} fn");
        assert_eq!(count(&a, "race", g, "tp"), tp, "{g} tp");
        let got_fpr = metric(&a, "race", g, "fpr").expect("fpr") * 100.0;
        let got_fnr = metric(&a, "race", g, "fnr").expect("fnr") * 100.0;
        assert_eq!(format!("{got_fpr:.2}"), format!("{fpr:.2}"), "{g} FPR");
        assert_eq!(format!("{got_fnr:.2}"), format!("{fnr:.2}"), "{g} FNR");
    }
    // The renamed duplicate header is disclosed.
    let renamed = a["provenance"]["inputs"][0]["renamed_columns"]
        .as_array()
        .expect("list");
    assert!(renamed.iter().any(|r| r["original"] == "decile_score"));
}

/// ProPublica, "High" only (decile_score >= 8), through a score threshold.
#[test]
fn propublica_high_only() {
    let Some(d) = shared() else { return };
    let path = d.join("compas/compas-scores-two-years.csv");
    let out = tmp("pp-high");
    let a = audit_json(
        &[
            path.to_str().expect("path"),
            "--score",
            "decile_score",
            "--threshold",
            "8",
            "--label",
            "two_year_recid",
            "--group",
            "race",
            "--min-group-size",
            "1",
            "--bootstrap",
            "0",
        ],
        &out,
    );
    for (g, tn, fp, fn_, tp, fpr, fnr) in [
        ("Caucasian", 1407, 81, 771, 195, 5.44, 79.81),
        ("African-American", 1511, 284, 1160, 741, 15.82, 61.02),
    ] {
        assert_eq!(
            [
                count(&a, "race", g, "tn"),
                count(&a, "race", g, "fp"),
                count(&a, "race", g, "fn"),
                count(&a, "race", g, "tp")
            ],
            [tn, fp, fn_, tp],
            "{g}"
        );
        assert_eq!(
            format!("{:.2}", metric(&a, "race", g, "fpr").expect("fpr") * 100.0),
            format!("{fpr:.2}")
        );
        assert_eq!(
            format!("{:.2}", metric(&a, "race", g, "fnr").expect("fnr") * 100.0),
            format!("{fnr:.2}")
        );
    }
}

/// Aequitas COMPAS demo: per-group counts and disparities against Caucasian, Male, 25 - 45.
#[test]
fn aequitas_counts_and_disparities() {
    let Some(a) = compas_all("aeq", &[]) else {
        return;
    };
    // group attribute, group, pp, fp, fn, tn, tp, n
    let table = [
        ("race", "African-American", 2174, 805, 532, 990, 1369, 3696),
        ("race", "Asian", 8, 2, 3, 21, 6, 32),
        ("race", "Caucasian", 854, 349, 461, 1139, 505, 2454),
        ("race", "Hispanic", 190, 87, 129, 318, 103, 637),
        ("race", "Native American", 12, 3, 1, 5, 9, 18),
        ("race", "Other", 79, 36, 90, 208, 43, 377),
        ("sex", "Female", 591, 288, 195, 609, 303, 1395),
        ("sex", "Male", 2726, 994, 1021, 2072, 1732, 5819),
        ("age_cat", "25 - 45", 1924, 741, 706, 1479, 1183, 4109),
        ("age_cat", "Greater than 45", 394, 181, 285, 897, 213, 1576),
        ("age_cat", "Less than 25", 999, 360, 225, 305, 639, 1529),
    ];
    for (attr, g, pp, fp, fn_, tn, tp, n) in table {
        let got = [
            count(&a, attr, g, "selected"),
            count(&a, attr, g, "fp"),
            count(&a, attr, g, "fn"),
            count(&a, attr, g, "tn"),
            count(&a, attr, g, "tp"),
            count(&a, attr, g, "n"),
        ];
        assert_eq!(got, [pp, fp, fn_, tn, tp, n], "{attr}={g}");
    }
    let tol = 1e-6;
    let aa = "African-American";
    for (m, want) in [
        ("fpr_ratio", 1.912093),
        ("fnr_ratio", 0.586416),
        ("selection_rate_ratio", 1.690224),
        ("fdr_ratio", 0.906085),
        ("for_ratio", 1.213154),
        ("tpr_ratio", 1.377549),
        ("tnr_ratio", 0.720526),
        ("ppv_ratio", 1.064904),
        ("npv_ratio", 0.913728),
    ] {
        assert_close(metric(&a, "race", aa, m), want, tol, &format!("{aa} {m}"));
    }
    for (m, want) in [
        ("fpr", 0.448468),
        ("fnr", 0.279853),
        ("for", 0.349540),
        ("fdr", 0.370285),
        ("selection_rate", 0.588203),
        ("prevalence", 0.514340),
    ] {
        assert_close(metric(&a, "race", aa, m), want, tol, &format!("{aa} {m}"));
    }
    for (m, want) in [
        ("fpr_ratio", 0.990343),
        ("fnr_ratio", 1.055810),
        ("fdr_ratio", 1.336425),
        ("selection_rate_ratio", 0.904348),
    ] {
        assert_close(
            metric(&a, "sex", "Female", m),
            want,
            tol,
            &format!("Female {m}"),
        );
    }
    for (m, want) in [("fpr_ratio", 1.621868), ("selection_rate_ratio", 1.395369)] {
        assert_close(
            metric(&a, "age_cat", "Less than 25", m),
            want,
            tol,
            &format!("<25 {m}"),
        );
    }
    // Every reported ratio has its reference named.
    let r = row(&a, "race", aa, "fpr_ratio").expect("row");
    assert_eq!(r["reference"], "Caucasian");
}

/// ProPublica's filtered population through --where, and fairlearn 0.15.0's MetricFrame.
#[test]
fn filtered_population_and_fairlearn() {
    let Some(d) = shared() else { return };
    let path = d.join("compas/compas-scores-two-years.csv");
    let out = tmp("fl");
    let a = audit_json(
        &[
            path.to_str().expect("path"),
            "--score",
            "decile_score",
            "--threshold",
            "5",
            "--label",
            "two_year_recid",
            "--group",
            "race",
            "--group",
            "sex",
            "--min-group-size",
            "1",
            "--bootstrap",
            "0",
            "--where",
            "days_b_screening_arrest <= 30 AND days_b_screening_arrest >= -30 AND is_recid <> -1 AND c_charge_degree <> 'O' AND score_text <> 'N/A'",
        ],
        &out,
    );
    let src = &a["provenance"]["inputs"][0];
    assert_eq!(src["rows_in_file"], 7214);
    assert_eq!(src["rows_after_filter"], 6172);
    for (g, n) in [
        ("African-American", 3175),
        ("Asian", 31),
        ("Caucasian", 2103),
        ("Hispanic", 509),
        ("Native American", 11),
        ("Other", 343),
    ] {
        assert_eq!(count(&a, "race", g, "n"), n, "{g}");
    }
    assert_eq!(count(&a, "sex", "Female", "n"), 1175);
    assert_eq!(count(&a, "sex", "Male", "n"), 4997);
    let recid: u64 = ["Female", "Male"]
        .iter()
        .map(|g| count(&a, "sex", g, "tp") + count(&a, "sex", g, "fn"))
        .sum();
    assert_eq!(recid, 2809);
    // fairlearn: n, selection rate, TPR, FPR, TP/FP/TN/FN
    for (g, sr, tpr, fpr, tp, fp, tn, fn_) in [
        (
            "African-American",
            0.576063,
            0.715232,
            0.423382,
            1188,
            641,
            873,
            473,
        ),
        (
            "Caucasian",
            0.330956,
            0.503650,
            0.220141,
            414,
            282,
            999,
            408,
        ),
        ("Hispanic", 0.277014, 0.417989, 0.193750, 79, 62, 258, 110),
        ("Other", 0.204082, 0.338710, 0.127854, 42, 28, 191, 82),
        ("Asian", 0.225806, 0.625000, 0.086957, 5, 2, 21, 3),
        ("Native American", 0.727273, 1.000000, 0.500000, 5, 3, 3, 0),
    ] {
        assert_close(metric(&a, "race", g, "selection_rate"), sr, 1e-6, g);
        assert_close(metric(&a, "race", g, "tpr"), tpr, 1e-6, g);
        assert_close(metric(&a, "race", g, "fpr"), fpr, 1e-6, g);
        assert_eq!(
            [
                count(&a, "race", g, "tp"),
                count(&a, "race", g, "fp"),
                count(&a, "race", g, "tn"),
                count(&a, "race", g, "fn")
            ],
            [tp, fp, tn, fn_],
            "{g}"
        );
    }
    assert_close(
        metric(&a, "race", "*", "demographic_parity_difference"),
        0.523191,
        1e-6,
        "dp diff",
    );
    assert_close(
        metric(&a, "race", "*", "demographic_parity_ratio"),
        0.280612,
        1e-6,
        "dp ratio",
    );
    assert_close(
        metric(&a, "race", "*", "equalized_odds_difference"),
        0.661290,
        1e-6,
        "eo diff",
    );
    assert_close(
        metric(&a, "race", "*", "equalized_odds_ratio"),
        0.173913,
        1e-6,
        "eo ratio",
    );
}

/// IBM HR attrition (UTF-8 BOM, CRLF): attrition by gender and overtime.
#[test]
fn ibm_hr_attrition_counts() {
    let Some(d) = shared() else { return };
    let path = d.join("ibm-hr-attrition/WA_Fn-UseC_-HR-Employee-Attrition.csv");
    let out = tmp("ibm");
    let a = audit_json(
        &[
            path.to_str().expect("path"),
            "--decision",
            "Attrition",
            "--positive",
            "Yes",
            "--group",
            "Gender",
            "--group",
            "OverTime",
            "--features",
            "Age,MonthlyIncome,DistanceFromHome",
            "--bootstrap",
            "0",
        ],
        &out,
    );
    assert_eq!(count(&a, "Gender", "Male", "selected"), 150);
    assert_eq!(count(&a, "Gender", "Male", "n"), 882);
    assert_eq!(count(&a, "Gender", "Female", "selected"), 87);
    assert_eq!(count(&a, "Gender", "Female", "n"), 588);
    assert_close(
        metric(&a, "Gender", "Male", "selection_rate"),
        0.170068,
        1e-6,
        "male",
    );
    assert_close(
        metric(&a, "Gender", "Female", "selection_rate"),
        0.147959,
        1e-6,
        "female",
    );
    assert_eq!(count(&a, "OverTime", "Yes", "selected"), 127);
    assert_eq!(count(&a, "OverTime", "Yes", "n"), 416);
    assert_eq!(count(&a, "OverTime", "No", "selected"), 110);
    assert_eq!(count(&a, "OverTime", "No", "n"), 1054);
}

/// NYC DCWP worked examples (6 RCNY 5-301): every printed impact ratio, to the printed decimals.
#[test]
fn dcwp_worked_examples() {
    let Some(d) = shared() else { return };
    for (file, scoring) in [
        ("dcwp_example1_selection.csv", false),
        ("dcwp_example2_scoring.csv", true),
    ] {
        let text = std::fs::read_to_string(d.join("nyc-ll144-examples").join(file)).expect("read");
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().expect("header").split(',').collect();
        let col = |name: &str| header.iter().position(|h| *h == name).expect("column");
        let rows: Vec<Vec<String>> = lines
            .map(|l| l.split(',').map(str::to_string).collect())
            .collect();
        for table in ["sex", "race", "intersectional"] {
            let t: Vec<&Vec<String>> = rows.iter().filter(|r| r[col("table")] == table).collect();
            let cats: Vec<(u64, u64)> = t
                .iter()
                .map(|r| {
                    let n: u64 = r[col("n_applicants")].parse().expect("n");
                    let x = if scoring {
                        // The published scoring rate times n gives the count above the median.
                        let pct: f64 = r[col("published_scoring_rate")]
                            .trim_end_matches('%')
                            .parse()
                            .expect("rate");
                        (pct / 100.0 * n as f64).round() as u64
                    } else {
                        r[col("n_selected")].parse().expect("selected")
                    };
                    (n, x)
                })
                .collect();
            let ratios = candor::metrics::ll144::impact_ratios(&cats, &vec![false; cats.len()]);
            for (r, got) in t.iter().zip(ratios) {
                let printed = &r[col("published_impact_ratio")];
                let decimals = printed.split('.').nth(1).map_or(0, str::len);
                let got = got.expect("ratio");
                assert_eq!(
                    format!("{got:.decimals$}"),
                    *printed,
                    "{file} {table} {}",
                    r[col("category")]
                );
            }
        }
    }
}
