use ndarray::Array2;

use super::lr::chi2_sf;
use super::*;
use crate::screen::features::{Feature, build_design};

// A fixed dataset drawn once with numpy default_rng(10) and written out literally, here and
// in the Python reference script (usage_ref.py).
#[rustfmt::skip]
const X1: [Option<f64>; 40] = [
    Some(39.0), Some(42.7), Some(42.2), Some(52.7), None, Some(51.3), Some(58.4), Some(58.6),
    Some(54.8), Some(45.5), Some(42.5), None, Some(46.6), Some(49.5), Some(40.3), Some(38.7),
    Some(53.1), Some(31.5), Some(48.2), Some(54.3), Some(40.1), Some(38.9), Some(42.4), None,
    Some(48.7), Some(31.3), Some(45.8), Some(60.1), Some(59.8), Some(56.3), Some(47.6),
    Some(31.6), Some(51.7), Some(48.2), Some(50.8), Some(65.4), Some(51.8), Some(52.8),
    Some(56.1), Some(47.4),
];
#[rustfmt::skip]
const X2: [f64; 40] = [
    -1.33, -1.47, 1.53, 1.01, -0.98, 2.31, 0.37, -2.68, 1.21, -0.28, -2.66, 1.03, -0.69, -0.78,
    1.18, -4.38, -2.55, -0.85, 0.5, -1.33, -1.99, -2.1, -0.23, 1.35, -2.9, -4.16, -0.59, -0.76,
    -1.82, 1.22, 1.61, -1.13, -0.69, 1.14, -0.86, -2.81, -0.14, -1.81, 0.65, -1.01,
];
#[rustfmt::skip]
const C: [Option<u32>; 40] = [
    Some(2), Some(1), Some(2), Some(0), Some(2), Some(1), Some(0), None, Some(2), Some(0),
    Some(2), Some(1), Some(1), Some(1), Some(0), None, Some(2), Some(2), Some(0), Some(2),
    Some(2), Some(0), Some(2), Some(1), Some(1), Some(0), Some(2), Some(1), Some(2), Some(2),
    None, Some(1), Some(1), Some(0), Some(1), Some(0), Some(2), Some(1), Some(1), Some(2),
];
#[rustfmt::skip]
const Y: [u8; 40] = [
    0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 1,
    0, 0, 0, 1, 1, 0, 0, 1, 1,
];
#[rustfmt::skip]
const S: [f64; 40] = [
    2.37, 3.96, 2.9, 5.1, 3.36, 4.76, 3.9, 3.93, 4.02, 5.1, 1.95, 5.44, 2.34, 3.91, 3.91, 2.23,
    2.4, 2.16, 5.57, 3.08, 3.1, 3.11, 2.99, 3.45, 3.49, 2.6, 2.19, 4.22, 2.71, 5.51, 4.04, 2.6,
    2.36, 3.52, 4.28, 3.4, 1.49, 3.75, 4.92, 3.1,
];

fn fixed_features() -> Vec<Feature> {
    vec![
        Feature::numeric("x1", X1.to_vec()),
        Feature::numeric("x2", X2.iter().map(|&v| Some(v)).collect()),
        Feature::categorical("c", vec!["0".into(), "1".into(), "2".into()], C.to_vec()),
    ]
}

fn fixed_y() -> Vec<bool> {
    Y.iter().map(|&v| v == 1).collect()
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + b.abs())
}

/// Minimal deterministic generator for synthetic data (Knuth's MMIX LCG).
struct Lcg(u64);

impl Lcg {
    fn uniform(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }

    fn logistic(&mut self) -> f64 {
        let u = self.uniform();
        (u / (1.0 - u)).ln()
    }
}

/// Synthetic workers: `skill`, `tenure` numeric, `gender` (0/1) correlated with tenure.
fn synthetic(n: usize, seed: u64) -> (Vec<f64>, Vec<f64>, Vec<u32>, Vec<f64>) {
    let mut rng = Lcg(seed);
    let mut skill = Vec::with_capacity(n);
    let mut tenure = Vec::with_capacity(n);
    let mut gender = Vec::with_capacity(n);
    let mut noise = Vec::with_capacity(n);
    for _ in 0..n {
        let g = u32::from(rng.uniform() < 0.4);
        gender.push(g);
        skill.push(rng.normal());
        tenure.push(rng.normal() + 0.8 * f64::from(g));
        noise.push(rng.logistic());
    }
    (skill, tenure, gender, noise)
}

fn synthetic_features(skill: &[f64], tenure: &[f64], gender: &[u32]) -> Vec<Feature> {
    vec![
        Feature::numeric("skill", skill.iter().map(|&v| Some(v)).collect()),
        Feature::numeric("tenure", tenure.iter().map(|&v| Some(v)).collect()),
        Feature::categorical(
            "gender",
            vec!["f".into(), "m".into()],
            gender.iter().map(|&g| Some(g)).collect(),
        ),
    ]
}

#[test]
fn logistic_matches_statsmodels() {
    // statsmodels 0.15.0: sm.Logit(y, D).fit(tol=1e-12, maxiter=100) with D built in
    // usage_ref.py (pandas/numpy: z-scores with ddof=1, indicator, one-hot minus mode),
    // reduced fits on D.drop(columns=block); p = scipy 1.17.1 stats.chi2.sf(lr, df);
    // changed / mac from the full params with the block zeroed.
    let (s, tests) =
        usage_tests(UseTarget::Binary(&fixed_y()), &fixed_features(), &[0, 1, 2]).expect("fits");
    assert_eq!(s.model, "logistic");
    assert_eq!(s.n, 40);
    assert!(s.converged);
    assert!(close(s.fidelity, 0.775, 1e-12));
    let expected = [
        (
            "x1",
            4.293705719403036,
            2,
            0.11685132722439612,
            Some(0.9798652330056531),
            6,
            0.10513821484243038,
        ),
        (
            "x2",
            4.594718882320912,
            1,
            0.032070601832780724,
            Some(0.9891429922907449),
            9,
            0.11934376179999666,
        ),
        (
            "c",
            6.905651416301204,
            3,
            0.07496656168721731,
            None,
            10,
            0.16463999818908978,
        ),
    ];
    for (t, e) in tests.iter().zip(expected) {
        assert_eq!(t.column, e.0);
        assert_eq!(t.model, "logistic");
        assert!(
            close(t.lr_statistic, e.1, 1e-8),
            "{}: {}",
            t.column,
            t.lr_statistic
        );
        assert_eq!(t.df, e.2);
        assert!(close(t.p_value, e.3, 1e-8), "{}: {}", t.column, t.p_value);
        match (t.std_coefficient, e.4) {
            (Some(a), Some(b)) => assert!(close(a, b, 1e-7), "{}: {a}", t.column),
            (a, b) => assert_eq!(a, b),
        }
        assert_eq!(t.decisions_changed, e.5);
        assert!(close(t.mean_abs_change, e.6, 1e-7), "{}", t.column);
    }
}

#[test]
fn fit_logistic_matches_statsmodels_log_likelihood_and_params() {
    let design = build_design(40, &fixed_features()).expect("valid");
    assert_eq!(
        design.column_names,
        vec![
            "(intercept)",
            "x1",
            "x1:missing",
            "x2",
            "c=0",
            "c=1",
            "c=(missing)"
        ]
    );
    let fit = fit_logistic(&design.x, &fixed_y()).expect("fits");
    // statsmodels 0.15.0 sm.Logit(y, D).fit(tol=1e-12): llf and params.
    assert!(close(fit.log_likelihood, -18.42679539291571, 1e-10));
    let params = [
        -1.6859128094817448,
        0.9798652330056531,
        0.39783036158418567,
        0.9891429922907449,
        0.44026200348189953,
        2.4059210190077382,
        0.950421453437324,
    ];
    for (a, b) in fit.coefficients.iter().zip(params) {
        assert!(close(*a, b, 1e-7), "{a} vs {b}");
    }
    assert!(fit.converged && !fit.separation);
    assert_eq!(fit.ridge, 0.0);
}

#[test]
fn linear_matches_statsmodels() {
    // statsmodels 0.15.0: sm.OLS(s, D).fit(); lr = 2 (llf_full - llf_reduced), checked equal
    // to results.compare_lr_test(reduced); p = scipy stats.chi2.sf; decisions at the median
    // of s (np.median).
    let (s, tests) =
        usage_tests(UseTarget::Continuous(&S), &fixed_features(), &[0, 1, 2]).expect("fits");
    assert_eq!(s.model, "linear");
    assert!(s.converged);
    assert!(close(s.fidelity, 0.5287174593287746, 1e-10));
    let expected = [
        (
            "x1",
            6.210787677009364,
            2,
            0.044806868413786005,
            Some(0.30664363399940087),
            6,
            0.2527954969146295,
        ),
        (
            "x2",
            11.900749234270393,
            1,
            0.0005611136985778156,
            Some(0.45442388536307954),
            5,
            0.36009923024893864,
        ),
        (
            "c",
            12.711856982274853,
            3,
            0.005303036659658559,
            None,
            11,
            0.5411404384002272,
        ),
    ];
    for (t, e) in tests.iter().zip(expected) {
        assert_eq!(t.column, e.0);
        assert!(
            close(t.lr_statistic, e.1, 1e-9),
            "{}: {}",
            t.column,
            t.lr_statistic
        );
        assert_eq!(t.df, e.2);
        assert!(close(t.p_value, e.3, 1e-9), "{}: {}", t.column, t.p_value);
        match (t.std_coefficient, e.4) {
            (Some(a), Some(b)) => assert!(close(a, b, 1e-10)),
            (a, b) => assert_eq!(a, b),
        }
        assert_eq!(t.decisions_changed, e.5);
        assert!(close(t.mean_abs_change, e.6, 1e-10));
    }
    let design = build_design(40, &fixed_features()).expect("valid");
    let fit = fit_linear(&design.x, &S).expect("fits");
    // statsmodels 0.15.0 sm.OLS(s, D).fit().llf
    assert!(close(fit.log_likelihood, -43.47455154496143, 1e-12));
    assert!(close(fit.coefficients[0], 2.9123773574386225, 1e-12));
}

#[test]
fn prohibited_input_that_is_used_is_detected() {
    let n = 3000;
    let (skill, tenure, gender, noise) = synthetic(n, 42);
    let y: Vec<bool> = (0..n)
        .map(|i| 1.2 * skill[i] + 0.5 * tenure[i] - 1.0 * f64::from(gender[i]) + noise[i] > 0.0)
        .collect();
    let features = synthetic_features(&skill, &tenure, &gender);
    let (s, tests) = usage_tests(UseTarget::Binary(&y), &features, &[2]).expect("fits");
    assert!(s.converged);
    let t = &tests[0];
    assert_eq!((t.column.as_str(), t.df), ("gender", 1));
    assert!(t.lr_statistic > 100.0, "{}", t.lr_statistic);
    assert!(t.p_value < 1e-20, "{}", t.p_value);
    assert!(t.decisions_changed > 150, "{}", t.decisions_changed);
    assert!(t.mean_abs_change > 0.05, "{}", t.mean_abs_change);
    assert_eq!(t.std_coefficient, None);
}

#[test]
fn prohibited_input_that_is_present_but_not_used_is_cleared() {
    let n = 3000;
    let (skill, tenure, gender, noise) = synthetic(n, 7);
    // Gender correlates with tenure (a proxy) but the decision ignores gender itself.
    let y: Vec<bool> = (0..n)
        .map(|i| 1.2 * skill[i] + 0.5 * tenure[i] + noise[i] > 0.0)
        .collect();
    let features = synthetic_features(&skill, &tenure, &gender);
    let (_, tests) = usage_tests(UseTarget::Binary(&y), &features, &[2, 1]).expect("fits");
    let g = &tests[0];
    assert!(g.p_value > 0.05, "{}", g.p_value);
    assert!(g.decisions_changed < 30, "{}", g.decisions_changed);
    assert!(g.mean_abs_change < 0.02, "{}", g.mean_abs_change);
    // Tenure is used.
    let t = &tests[1];
    assert!(t.p_value < 1e-20);
    assert!(t.std_coefficient.expect("numeric") > 0.3);

    // The same with a score.
    let score: Vec<f64> = (0..n)
        .map(|i| 2.0 * skill[i] + tenure[i] + 0.5 * noise[i])
        .collect();
    let (_, tests) = usage_tests(UseTarget::Continuous(&score), &features, &[2]).expect("fits");
    assert!(tests[0].p_value > 0.05, "{}", tests[0].p_value);
    assert!(tests[0].decisions_changed < 30);
}

#[test]
fn perfect_separation_is_reported_and_finite() {
    let n = 200;
    let mut rng = Lcg(3);
    let x: Vec<f64> = (0..n).map(|_| rng.normal()).collect();
    let z: Vec<f64> = (0..n).map(|_| rng.normal()).collect();
    let y: Vec<bool> = x.iter().map(|&v| v > 0.1).collect();
    let features = vec![
        Feature::numeric("x", x.iter().map(|&v| Some(v)).collect()),
        Feature::numeric("z", z.iter().map(|&v| Some(v)).collect()),
    ];
    let (s, tests) = usage_tests(UseTarget::Binary(&y), &features, &[0, 1]).expect("fits");
    assert!(!s.converged);
    assert_eq!(s.fidelity, 1.0);
    for t in &tests {
        assert!(t.lr_statistic.is_finite() && t.p_value.is_finite());
        assert!(t.mean_abs_change.is_finite());
        assert!(t.std_coefficient.expect("numeric").is_finite());
    }
    // Dropping x loses the separation: a huge statistic.
    assert!(tests[0].lr_statistic > 200.0);
    assert!(tests[0].p_value < 1e-40);
    assert!(tests[0].decisions_changed > 50);
    let design = build_design(n, &features).expect("valid");
    let fit = fit_logistic(&design.x, &y).expect("fits");
    assert!(fit.separation && !fit.converged);
    // Complete separation: the supremum of the log-likelihood, and z's test at its limit.
    assert_eq!(fit.log_likelihood, 0.0);
    assert_eq!((tests[1].lr_statistic, tests[1].p_value), (0.0, 1.0));
    assert!(fit.coefficients.iter().all(|b| b.is_finite()));
    assert!(fit.log_likelihood.is_finite() && fit.log_likelihood <= 0.0);
}

#[test]
fn quasi_complete_separation_is_reported_and_finite() {
    let n = 400;
    let (skill, tenure, gender, noise) = synthetic(n, 5);
    // A rare site whose 6 workers are all hired; elsewhere a noisy rule.
    let site: Vec<Option<u32>> = (0..n).map(|i| Some(u32::from(i % 67 == 0))).collect();
    let y: Vec<bool> = (0..n)
        .map(|i| site[i] == Some(1) || skill[i] + noise[i] > 0.0)
        .collect();
    let mut features = synthetic_features(&skill, &tenure, &gender);
    features.push(Feature::categorical(
        "site",
        vec!["main".into(), "rare".into()],
        site,
    ));
    let (s, tests) = usage_tests(UseTarget::Binary(&y), &features, &[3, 0]).expect("fits");
    assert!(!s.converged);
    for t in &tests {
        assert!(t.lr_statistic.is_finite() && t.p_value.is_finite());
        assert!(t.mean_abs_change.is_finite());
    }
    // The rare site's rows are all hired: dropping it costs a little likelihood.
    assert!(tests[0].lr_statistic > 1.0 && tests[0].lr_statistic < 20.0);
    assert!(tests[1].p_value < 1e-10);
    let design = build_design(n, &features).expect("valid");
    let fit = fit_logistic(&design.x, &y).expect("fits");
    assert!(fit.separation && fit.iterations < MAX_ITERATIONS);
    assert!(fit.coefficients.iter().all(|b| b.is_finite()));
}

#[test]
fn constant_and_collinear_inputs() {
    let n = 300;
    let (skill, tenure, gender, noise) = synthetic(n, 11);
    let y: Vec<bool> = (0..n).map(|i| skill[i] + noise[i] > 0.0).collect();
    let mut features = synthetic_features(&skill, &tenure, &gender);
    features.push(Feature::numeric("constant", vec![Some(3.0); n]));
    // An exact copy of skill: the full design is rank-deficient.
    features.push(Feature::numeric(
        "skill_copy",
        skill.iter().map(|&v| Some(2.0 * v + 1.0)).collect(),
    ));
    let (s, tests) = usage_tests(UseTarget::Binary(&y), &features, &[3, 0]).expect("fits");
    assert!(s.converged);
    let k = &tests[0];
    assert_eq!((k.df, k.lr_statistic, k.p_value), (0, 0.0, 1.0));
    assert_eq!((k.decisions_changed, k.mean_abs_change), (0, 0.0));
    assert_eq!(k.std_coefficient, None);
    // Dropping skill loses nothing: its copy carries the same information.
    let c = &tests[1];
    assert!(c.lr_statistic < 1e-4, "{}", c.lr_statistic);
    assert!(c.p_value > 0.99);
    let design = build_design(n, &features).expect("valid");
    let fit = fit_logistic(&design.x, &y).expect("fits");
    assert!(fit.ridge > 0.0);
    let (_, lin) = usage_tests(UseTarget::Continuous(&tenure), &features, &[0]).expect("fits");
    assert!(lin[0].lr_statistic < 1e-6 && lin[0].p_value > 0.99);
}

#[test]
fn constant_targets() {
    let features = fixed_features();
    let y = vec![true; 40];
    let (s, tests) = usage_tests(UseTarget::Binary(&y), &features, &[0, 1, 2]).expect("fits");
    assert!(!s.converged);
    assert_eq!(s.fidelity, 1.0);
    for t in &tests {
        assert_eq!((t.lr_statistic, t.p_value), (0.0, 1.0));
        assert_eq!(t.decisions_changed, 0);
    }
    let score = vec![2.5; 40];
    let (s, tests) =
        usage_tests(UseTarget::Continuous(&score), &features, &[0, 1, 2]).expect("fits");
    assert!(s.converged);
    assert_eq!(s.fidelity, 1.0);
    for t in &tests {
        assert_eq!((t.lr_statistic, t.p_value), (0.0, 1.0));
        assert_eq!(t.decisions_changed, 0);
    }
}

#[test]
fn errors_are_explained() {
    let features = fixed_features();
    let e = usage_tests(UseTarget::Binary(&[]), &[], &[]).expect_err("empty");
    assert_eq!(e, UsageError::Empty);
    assert_eq!(e.to_string(), "usage test: no rows");
    let short: Vec<Feature> = features
        .iter()
        .map(|f| f.take(&[0, 1, 2, 3]).expect("in range"))
        .collect();
    let y = [true, false, true, false];
    let e = usage_tests(UseTarget::Binary(&y), &short, &[0]).expect_err("too few rows");
    assert_eq!(
        e,
        UsageError::TooFewRows {
            rows: 4,
            columns: 5
        }
    );
    assert!(
        e.to_string()
            .contains("4 rows are fewer than the 5 model columns")
    );
    let e = usage_tests(UseTarget::Binary(&y), &features, &[0]).expect_err("lengths");
    assert!(matches!(
        e,
        UsageError::LengthMismatch {
            len: 40,
            expected: 4,
            ..
        }
    ));
    let e = usage_tests(UseTarget::Continuous(&S), &features, &[3]).expect_err("candidate");
    assert_eq!(
        e,
        UsageError::BadCandidate {
            index: 3,
            features: 3
        }
    );
    let mut bad = S;
    bad[3] = f64::NAN;
    let e = usage_tests(UseTarget::Continuous(&bad), &features, &[0]).expect_err("NaN");
    assert!(matches!(e, UsageError::NonFinite { .. }));
    let design = build_design(40, &features).expect("valid");
    assert!(fit_logistic(&design.x, &[true]).is_err());
    assert!(fit_linear(&design.x, &bad).is_err());
    // Zero rows through the public fitters: zero coefficients, log-likelihood 0.
    let empty = Array2::<f64>::zeros((0, 2));
    let fit = fit_logistic(&empty, &[]).expect("empty");
    assert_eq!((fit.coefficients, fit.log_likelihood), (vec![0.0; 2], 0.0));
    let fit = fit_linear(&empty, &[]).expect("empty");
    assert_eq!((fit.coefficients, fit.log_likelihood), (vec![0.0; 2], 0.0));
    // No features: intercept only, no candidates.
    let (s, tests) = usage_tests(UseTarget::Continuous(&S), &[], &[]).expect("intercept");
    assert!(tests.is_empty());
    assert!(s.fidelity.abs() < 1e-12);
}

#[test]
fn deterministic_and_threshold_option() {
    let a = usage_tests(UseTarget::Continuous(&S), &fixed_features(), &[2, 0]).expect("fits");
    let b = usage_tests(UseTarget::Continuous(&S), &fixed_features(), &[2, 0]).expect("fits");
    assert_eq!(a, b);
    let opts = UsageOptions {
        score_threshold: Some(100.0),
    };
    let (_, t) =
        usage_tests_with(UseTarget::Continuous(&S), &fixed_features(), &[2], &opts).expect("fits");
    assert_eq!(t[0].decisions_changed, 0);
    assert_eq!(t[0].lr_statistic, a.1[0].lr_statistic);
}

#[test]
fn subsample_is_sorted_distinct_and_deterministic() {
    assert_eq!(subsample_indices(5, 10, 1), vec![0, 1, 2, 3, 4]);
    assert!(subsample_indices(5, 0, 1).is_empty());
    let a = subsample_indices(1_000_000, 1000, 99);
    assert_eq!(a.len(), 1000);
    assert!(a.windows(2).all(|w| w[0] < w[1]));
    assert!(*a.last().expect("non-empty") < 1_000_000);
    assert_eq!(a, subsample_indices(1_000_000, 1000, 99));
    assert_ne!(a, subsample_indices(1_000_000, 1000, 100));
    // Spread over the whole range: about half below the middle.
    let low = a.iter().filter(|&&i| i < 500_000).count();
    assert!((400..600).contains(&low), "{low}");
    assert_eq!(subsample_indices(10, 9, 5).len(), 9);
}

#[test]
fn chi_square_tail_is_finite() {
    assert_eq!(chi2_sf(0.0, 2), 1.0);
    assert_eq!(chi2_sf(5.0, 0), 1.0);
    assert_eq!(chi2_sf(1e6, 3), 0.0);
    // scipy 1.17.1 stats.chi2.sf(3.84, 1)
    assert!(close(chi2_sf(3.84, 1), 0.05004352124870519, 1e-10));
}
