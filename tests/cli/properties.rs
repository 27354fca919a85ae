//! Property tests of the metric engine on the real load -> aggregate -> metrics path.

use candor::metrics::{MetricParams, compute};
use candor::spec::SpecFile;
use candor::stats::Aggregates;
use proptest::prelude::*;

use super::common::tmp;

type Row = (u8, bool, bool, u8);

fn aggregate(rows: &[Row], names: &[&str], tag: &str) -> Aggregates {
    let d = tmp(tag);
    let mut text = String::from("g,decision,label,score\n");
    for (g, dec, lab, s) in rows {
        text.push_str(&format!(
            "{},{},{},{}\n",
            names[*g as usize],
            u8::from(*dec),
            u8::from(*lab),
            s
        ));
    }
    let p = d.join("a.csv");
    std::fs::write(&p, text).unwrap();
    let mut f = SpecFile::default();
    f.data.path = Some(p);
    f.decision.column = Some("decision".into());
    f.decision.positive = Some(vec!["1".into()]);
    f.label.column = Some("label".into());
    f.label.positive = Some("1".into());
    f.score.column = Some("score".into());
    f.groups.attributes = Some(vec!["g".into()]);
    let spec = f.check().unwrap();
    let table = candor::data::load(&spec).unwrap();
    candor::data::aggregate(&table, &[vec!["g".to_string()]]).unwrap()
}

fn params() -> MetricParams {
    MetricParams {
        min_group_size: 1,
        bootstrap: 50,
        ..MetricParams::default()
    }
}

fn rows_strategy() -> impl Strategy<Value = Vec<Row>> {
    // Both labels and both decisions appear, so every group can be compared.
    prop::collection::vec((0u8..3, any::<bool>(), any::<bool>(), 0u8..10), 8..60).prop_map(
        |mut v| {
            v.extend([
                (0, true, true, 1),
                (1, false, false, 2),
                (2, true, false, 3),
                (0, false, true, 4),
            ]);
            v
        },
    )
}

const RATES: &[&str] = &[
    "selection_rate",
    "favorable_rate",
    "tpr",
    "fpr",
    "tnr",
    "fnr",
    "ppv",
    "npv",
    "fdr",
    "for",
    "accuracy",
    "prevalence",
    "share_of_population",
    "scoring_rate",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn rates_in_unit_interval(rows in rows_strategy()) {
        let a = aggregate(&rows, &["a", "b", "c"], "prop-rates");
        let m = compute(&a, &params());
        for r in m.rows.iter().filter(|r| RATES.contains(&r.metric.as_str())) {
            if let Some(v) = r.value {
                prop_assert!((0.0..=1.0).contains(&v), "{} = {v}", r.metric);
            }
            if let (Some(lo), Some(hi)) = (r.ci_low, r.ci_high) {
                prop_assert!(0.0 <= lo && lo <= hi && hi <= 1.0, "{} ci {lo} {hi}", r.metric);
            }
        }
        for r in &m.rows {
            prop_assert!(r.value.is_none_or(f64::is_finite), "{} not finite", r.metric);
        }
    }

    #[test]
    fn row_order_does_not_matter(rows in rows_strategy(), seed in any::<u64>()) {
        let mut shuffled = rows.clone();
        // Deterministic shuffle from the seed.
        let mut s = seed | 1;
        for i in (1..shuffled.len()).rev() {
            s ^= s << 13; s ^= s >> 7; s ^= s << 17;
            shuffled.swap(i, (s % (i as u64 + 1)) as usize);
        }
        let a = compute(&aggregate(&rows, &["a", "b", "c"], "prop-o1"), &params());
        let b = compute(&aggregate(&shuffled, &["a", "b", "c"], "prop-o2"), &params());
        prop_assert_eq!(a, b);
    }

    #[test]
    fn renaming_groups_does_not_matter(rows in rows_strategy()) {
        let a = compute(&aggregate(&rows, &["a", "b", "c"], "prop-n1"), &params());
        // Renamed so that the sort order is reversed.
        let b = compute(&aggregate(&rows, &["z3", "y2", "x1"], "prop-n2"), &params());
        let rename = |g: &str| match g { "z3" => "a", "y2" => "b", "x1" => "c", o => o }.to_string();
        prop_assert_eq!(a.rows.len(), b.rows.len());
        for r in &b.rows {
            let twin = a.rows.iter().find(|x| {
                x.metric == r.metric && x.group == rename(&r.group) && x.class == r.class
            });
            let twin = twin.expect("same row after renaming");
            prop_assert_eq!(twin.value, r.value, "{} {}", r.metric, r.group);
            // Two groups with identical statistics tie for the reference: either may be named
            // the reference (whose ratio carries no interval); the numbers are the same.
            let is_ref = |x: &candor::metrics::MetricRow| x.reason == Some(candor::metrics::Reason::ReferenceGroup);
            if !is_ref(twin) && !is_ref(r) {
                prop_assert_eq!(twin.ci_low, r.ci_low, "{} {} ref {:?}", r.metric, r.group, r.reference);
            }
            prop_assert_eq!(twin.p_value, r.p_value);
        }
    }

    #[test]
    fn identical_groups_give_parity(rows in prop::collection::vec((any::<bool>(), any::<bool>(), 0u8..10), 4..40)) {
        let mut all: Vec<Row> = Vec::new();
        for (d, l, s) in &rows {
            all.push((0, *d, *l, *s));
            all.push((1, *d, *l, *s));
        }
        all.push((0, true, true, 1));
        all.push((1, true, true, 1));
        let m = compute(&aggregate(&all, &["a", "b", "c"], "prop-id"), &params());
        for r in &m.rows {
            if r.metric == "impact_ratio" || r.metric.as_str().ends_with("_ratio") && r.group != "*" {
                if let Some(v) = r.value { prop_assert!((v - 1.0).abs() < 1e-12, "{} {v}", r.metric); }
            }
            if r.metric.as_str().ends_with("_diff") {
                if let Some(v) = r.value { prop_assert!(v.abs() < 1e-12, "{} {v}", r.metric); }
            }
        }
    }

    #[test]
    fn merged_halves_equal_whole(a in rows_strategy(), b in rows_strategy()) {
        // Each part holds both decisions and both labels (rows_strategy adds them).
        let whole: Vec<Row> = a.iter().chain(&b).copied().collect();
        let all = aggregate(&whole, &["a", "b", "c"], "prop-w");
        let mut first = aggregate(&a, &["a", "b", "c"], "prop-h1");
        let second = aggregate(&b, &["a", "b", "c"], "prop-h2");
        first.merge(&second);
        prop_assert_eq!(first, all);
    }
}
