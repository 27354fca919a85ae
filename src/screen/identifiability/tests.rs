//! Tests of the identifiability check against counts made independently: a brute-force count
//! of value tuples as strings (a `BTreeMap`), and numbers worked out by hand for a small table.

use std::collections::BTreeMap;

use super::coarsen::Action;
use super::*;
use crate::data::columns::{Feature, FeatureValues};

/// A categorical feature from labels ("" = missing).
fn cat(name: &str, v: &[&str]) -> Feature {
    let mut levels: Vec<String> = v
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| s.to_string())
        .collect();
    levels.sort();
    levels.dedup();
    let codes = v
        .iter()
        .map(|s| levels.iter().position(|l| l == s).map(|i| i as u32))
        .collect();
    Feature::categorical(name, levels, codes)
}

fn num(name: &str, v: &[f64]) -> Feature {
    Feature::numeric(name, v.iter().map(|&x| Some(x)).collect())
}

/// The value of row `i` as text, as a brute-force count sees it.
fn text(f: &Feature, i: usize) -> String {
    match &f.values {
        FeatureValues::Numeric(v) => v[i].map_or("NA".into(), |x| format!("{x}")),
        FeatureValues::Categorical { levels, codes } => {
            codes[i].map_or("NA".into(), |c| levels[c as usize].clone())
        }
    }
}

/// Class sizes of the tuples of the given columns, counted on strings.
fn brute(cols: &[&Feature]) -> BTreeMap<Vec<String>, u64> {
    let n = cols[0].len();
    let mut m = BTreeMap::new();
    for i in 0..n {
        let key: Vec<String> = cols.iter().map(|f| text(f, i)).collect();
        *m.entry(key).or_insert(0) += 1;
    }
    m
}

/// The small table: 20 workers. (sex, shift): (F, day) x 10, (M, day) x 6, (F, night) x 3,
/// (M, night) x 1. Everyone on the day shift has a different sick-leave count among the women
/// and 0 among the men (6 men, homogeneous and k-anonymous); the 3 women on nights all have 4
/// days (homogeneous, k = 3); the one man on nights is unique.
fn small() -> (Feature, Feature, Feature, Feature) {
    let mut sex = Vec::new();
    let mut shift = Vec::new();
    let mut tenure = Vec::new();
    let mut sick = Vec::new();
    for i in 0..10 {
        sex.push("F");
        shift.push("day");
        tenure.push(f64::from(i + 1));
        sick.push(f64::from(i));
    }
    for i in 0..6 {
        sex.push("M");
        shift.push("day");
        tenure.push(f64::from(11 + i));
        sick.push(0.0);
    }
    for i in 0..3 {
        sex.push("F");
        shift.push("night");
        tenure.push(f64::from(17 + i));
        sick.push(4.0);
    }
    sex.push("M");
    shift.push("night");
    tenure.push(20.0);
    sick.push(7.0);
    (
        cat("sex", &sex),
        cat("shift", &shift),
        num("tenure_months", &tenure),
        num("sick_leave_days", &sick),
    )
}

fn find<'a>(id: &'a Identifiability, cols: &[&str]) -> &'a Combination {
    id.combinations
        .iter()
        .find(|c| c.columns == cols)
        .expect("combination reported")
}

#[test]
fn small_table_unique_workers_and_smallest_k_by_hand() {
    let (sex, shift, tenure, sick) = small();
    let id = assess(&IdentInput {
        quasi: vec![&sex, &shift],
        sensitive: vec![&sick],
        min_k: 5,
    });
    assert_eq!(id.rows, 20);
    // sex & shift: classes of 10, 6, 3 and 1 (worked out above).
    let c = find(&id, &["sex", "shift"]);
    assert_eq!(c.classes, 4);
    assert_eq!(c.unique_workers, 1);
    assert_eq!(c.smallest_k, Some(1));
    assert_eq!(c.rows_below_min_k, 4);
    assert_eq!(c.share_below_min_k, Some(0.2));
    // sex alone: 13 women and 7 men, nobody below 5.
    let s = find(&id, &["sex"]);
    assert_eq!((s.smallest_k, s.rows_below_min_k), (Some(7), 0));
    // shift alone: 16 on days, 4 on nights.
    let s = find(&id, &["shift"]);
    assert_eq!((s.smallest_k, s.rows_below_min_k), (Some(4), 4));
    // Worst first.
    assert_eq!(id.combinations[0].columns, ["sex", "shift"]);
    // With two quasi-identifiers "all" is the pair itself, not listed twice.
    assert_eq!(id.all.as_ref(), Some(c));
    assert_eq!(id.combinations.len(), 3);
    drop(tenure);
}

#[test]
fn small_table_homogeneous_sick_leave_is_found() {
    let (sex, shift, _, sick) = small();
    let id = assess(&IdentInput {
        quasi: vec![&sex, &shift],
        sensitive: vec![&sick],
        min_k: 5,
    });
    // On sex & shift: the 6 men on days (all 0 days, k = 6 >= 5) and the 3 women on nights
    // (all 4 days) are homogeneous; the unique man is not counted here.
    let h = id
        .homogeneity
        .iter()
        .find(|h| h.columns == ["sex", "shift"])
        .expect("homogeneous classes on sex & shift");
    assert_eq!(h.sensitive, "sick_leave_days");
    assert_eq!(h.homogeneous_classes, 2);
    assert_eq!(h.workers, 9);
    assert_eq!(h.homogeneous_k_anonymous, 1);
    assert_eq!(h.workers_k_anonymous, 6);
    // On sex alone or shift alone every class is mixed.
    assert!(id.homogeneity.iter().all(|h| h.columns.len() == 2));
}

/// Applies a column change to the raw values, independently of the code's maps.
fn coarse_text(f: &Feature, change: Option<&ColumnChange>, i: usize) -> String {
    let raw = text(f, i);
    let Some(ch) = change else { return raw };
    match &ch.action {
        Action::AsIs => raw,
        Action::Removed => "*".into(),
        Action::MergeRare { merged, .. } => {
            if merged.contains(&raw) || (raw == "NA" && merged.iter().any(|m| m.is_empty())) {
                "other".into()
            } else {
                raw
            }
        }
        Action::Bands { bands } => {
            let FeatureValues::Numeric(v) = &f.values else {
                panic!("bands on a categorical column")
            };
            let Some(x) = v[i] else { return raw };
            let inside = |b: &super::coarsen::Band| {
                b.from.is_none_or(|f| f <= x) && b.to.is_none_or(|t| x <= t)
            };
            let b = bands
                .iter()
                .position(inside)
                .expect("every value in a band");
            assert_eq!(
                bands.iter().filter(|b| inside(b)).count(),
                1,
                "bands do not overlap"
            );
            format!("band{b}")
        }
    }
}

#[test]
fn small_table_coarsening_reaches_k5_checked_by_brute_force() {
    let (sex, shift, tenure, sick) = small();
    let quasi = vec![&sex, &shift, &tenure];
    let id = assess(&IdentInput {
        quasi: quasi.clone(),
        sensitive: vec![&sick],
        min_k: 5,
    });
    let c = id.coarsening.as_ref().expect("a coarsening is proposed");
    assert!(c.reached);
    assert_eq!(c.rows_at_risk_after, 0);
    // Brute force: apply the proposed changes to the raw values and count every combination
    // of one, two and three columns.
    for set in subsets(3, 3) {
        let n = 20;
        let mut m: BTreeMap<Vec<String>, u64> = BTreeMap::new();
        for i in 0..n {
            let key = set
                .iter()
                .map(|&q| {
                    let ch = c.changes.iter().find(|x| x.column == quasi[q].name);
                    coarse_text(quasi[q], ch, i)
                })
                .collect();
            *m.entry(key).or_insert(0) += 1;
        }
        let smallest = m.values().min().copied().unwrap_or(0);
        assert!(smallest >= 5, "combination {set:?}: smallest k {smallest}");
    }
    // Tenure (20 distinct values, every worker unique as given) must be coarsened.
    assert!(c.changes.iter().any(|x| x.column == "tenure_months"));
    // The (M, night) worker is alone on sex & shift whatever tenure does: one of them must
    // change too.
    assert!(c.changes.iter().any(|x| x.column != "tenure_months"));
    assert!(c.loss > 0.0 && c.loss <= 3.0);
}

#[test]
fn unique_counts_match_brute_force_on_a_mixed_table() {
    // 200 rows from a fixed linear congruential sequence, with missing values.
    let mut x: u64 = 12345;
    let mut next = |m: u64| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (x >> 33) % m
    };
    let letters = ["a", "b", "c", "d", "e", ""];
    let a: Vec<&str> = (0..200).map(|_| letters[next(6) as usize]).collect();
    let b: Vec<&str> = (0..200).map(|_| letters[next(3) as usize]).collect();
    let t: Vec<f64> = (0..200).map(|_| next(30) as f64 / 2.0).collect();
    let d: Vec<f64> = (0..200).map(|_| next(4) as f64).collect();
    let fa = cat("a", &a);
    let fb = cat("b", &b);
    let ft = num("t", &t);
    let fd = num("d", &d);
    let quasi = vec![&fa, &fb, &ft, &fd];
    let id = assess(&IdentInput {
        quasi: quasi.clone(),
        sensitive: vec![],
        min_k: 5,
    });
    let mut checked = 0;
    for set in subsets(4, 4) {
        let cols: Vec<&Feature> = set.iter().map(|&q| quasi[q]).collect();
        let m = brute(&cols);
        let names: Vec<String> = cols.iter().map(|f| f.name.clone()).collect();
        let got = if set.len() == 4 {
            id.all.as_ref().expect("all")
        } else {
            id.combinations
                .iter()
                .find(|c| c.columns == names)
                .expect("listed")
        };
        assert_eq!(got.classes, m.len() as u64, "{names:?}");
        assert_eq!(
            got.unique_workers,
            m.values().filter(|&&s| s == 1).count() as u64
        );
        assert_eq!(got.smallest_k, m.values().min().copied());
        assert_eq!(
            got.rows_below_min_k,
            m.values().filter(|&&s| s < 5).sum::<u64>()
        );
        checked += 1;
    }
    assert_eq!(checked, 15);
    // The search also reaches k >= 5 here; check it by brute force.
    let c = id.coarsening.as_ref().expect("coarsening");
    assert!(c.reached);
    for set in subsets(4, 3) {
        let mut m: BTreeMap<Vec<String>, u64> = BTreeMap::new();
        for i in 0..200 {
            let key = set
                .iter()
                .map(|&q| {
                    let ch = c.changes.iter().find(|x| x.column == quasi[q].name);
                    coarse_text(quasi[q], ch, i)
                })
                .collect();
            *m.entry(key).or_insert(0) += 1;
        }
        assert!(m.values().all(|&s| s >= 5), "{set:?}");
    }
}

#[test]
fn empty_table_is_undefined_not_nan() {
    let f = num("t", &[]);
    let id = assess(&IdentInput {
        quasi: vec![&f],
        sensitive: vec![],
        min_k: 5,
    });
    assert_eq!(id.rows, 0);
    let c = &id.combinations[0];
    assert_eq!((c.smallest_k, c.share_below_min_k), (None, None));
    assert!(id.coarsening.is_none());
}

#[test]
fn subsets_count() {
    // 10 + 45 + 120 = 175 combinations of up to 3 of 10.
    assert_eq!(subsets(10, 3).len(), 175);
    assert_eq!(subsets(2, 3).len(), 3);
}
