use super::*;
use crate::explain::model::ModelTarget;
use crate::screen::features::Feature;

/// The model fitted to a score `y` (flagged at or above `threshold`), for tests.
pub(crate) fn fit_score(
    features: Vec<Feature>,
    y: &[f64],
    threshold: Option<f64>,
    seed: u64,
) -> Additive {
    fit(
        features,
        &FitData {
            target: ModelTarget::Linear {
                threshold,
                positive_above: true,
            },
            decision: None,
            score: Some(y),
            seed,
        },
    )
    .unwrap()
}

/// A score with a step and a cap, plus a categorical input and a constant:
/// `score = 10 + 8 [a >= 3] + min(b, 50) / 5 + 2 [c = y]`, no noise. The additive model must
/// reproduce it closely, its contributions must add up exactly, and the step must be
/// found where it is.
#[test]
fn follows_steps_and_caps_and_adds_up() {
    let n = 3000;
    let a: Vec<Option<f64>> = (0..n).map(|i| Some(f64::from(i % 7))).collect();
    let b: Vec<Option<f64>> = (0..n).map(|i| Some(f64::from((i * 37) % 101))).collect();
    let c: Vec<Option<u32>> = (0..n).map(|i| Some(u32::from(i % 3 == 0))).collect();
    let y: Vec<f64> = (0..n)
        .map(|i| {
            10.0 + 8.0 * f64::from(u8::from(i % 7 >= 3))
                + f64::from(((i * 37) % 101).min(50)) / 5.0
                + 2.0 * f64::from(u8::from(i % 3 == 0))
        })
        .collect();
    let features = vec![
        Feature::numeric("a", a),
        Feature::numeric("b", b),
        Feature::categorical("c", vec!["x".into(), "y".into()], c),
    ];
    let m = fit_score(features, &y, Some(20.0), 7);
    assert!(
        m.r_squared_held_out.unwrap() > 0.995,
        "{:?}",
        m.r_squared_held_out
    );
    for i in 0..50 {
        let sum: f64 = m.contributions(i).iter().sum();
        assert!((m.outputs[i] - m.baseline - sum).abs() < 1e-8);
    }
    // The step of a at 3: the shape rises by about 8 from 2 to 3, barely from 3 to 4.
    let (up, _) = m.change(0, Value::Num(Some(2.0)), Value::Num(Some(3.0)));
    let (flat, _) = m.change(0, Value::Num(Some(3.0)), Value::Num(Some(4.0)));
    assert!((up - 8.0).abs() < 0.3, "{up}");
    assert!(flat.abs() < 0.3, "{flat}");
    // The cap of b at 50: 20 -> 40 gains 4, 60 -> 90 gains about nothing.
    let (rise, _) = m.change(1, Value::Num(Some(20.0)), Value::Num(Some(40.0)));
    let (cap, _) = m.change(1, Value::Num(Some(60.0)), Value::Num(Some(90.0)));
    assert!((rise - 4.0).abs() < 0.4, "{rise}");
    assert!(cap.abs() < 0.4, "{cap}");
    assert!(m.no_effect.iter().all(|x| !x));
}

#[test]
fn an_unused_input_has_no_effect() {
    let n = 2000;
    let a: Vec<Option<f64>> = (0..n).map(|i| Some(f64::from(i % 50))).collect();
    let noise: Vec<Option<f64>> = (0..n).map(|i| Some(f64::from((i * 7919) % 97))).collect();
    let y: Vec<f64> = (0..n)
        .map(|i| f64::from(i % 50) + f64::from(((i * 31) % 11) as u8) * 0.3)
        .collect();
    let m = fit_score(
        vec![Feature::numeric("a", a), Feature::numeric("unused", noise)],
        &y,
        None,
        3,
    );
    assert!(!m.no_effect[0]);
    assert!(m.no_effect[1], "{:?}", m.effect_p);
}
