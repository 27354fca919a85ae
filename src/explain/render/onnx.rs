//! The explanation on the model itself (`--model`), in words: what the model gives for the
//! worker, the exact effect of each input, and a change verified on the model. The numbers
//! come from `model::worker`; this file only words them.

use super::parts::Part;
use crate::i18n::Lang;
use crate::model::worker::ModelExplanation;
use crate::spec::ModelOutput;

fn n4(x: f64) -> String {
    let s = format!("{x:.4}");
    if s == "-0.0000" { "0.0000".into() } else { s }
}

fn plain(x: f64) -> String {
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// The parts of the section, appended after the counterfactual section.
pub(super) fn parts(o: &ModelExplanation, l: Lang, out: &mut Vec<Part>) {
    out.push(Part::Heading(
        crate::ts!(l, "explain.onnx.model_itself").into(),
    ));
    let what = match o.output {
        ModelOutput::Label => crate::ts!(l, "explain.onnx.output_1_positive_class_0"),
        ModelOutput::Probability => crate::ts!(l, "explain.onnx.probability"),
        ModelOutput::Score => crate::ts!(l, "explain.onnx.score"),
    };
    let outcome = if o.adverse {
        crate::ts!(l, "explain.onnx.adverse")
    } else {
        crate::ts!(l, "explain.onnx.not_adverse")
    };
    out.push(Part::Para(crate::t!(
        l,
        "explain.onnx.intro",
        file = o.file,
        sha = o.sha256,
        value = n4(o.value),
        what,
        outcome
    )));
    if o.recorded_agrees == Some(false) {
        out.push(Part::Para(
            crate::ts!(l, "explain.onnx.note_decision_recorded_not_one").into(),
        ));
    }
    match (o.baseline, &o.shapley_note) {
        (Some(base), _) => {
            out.push(Part::Para(crate::t!(
                l,
                "explain.onnx.effects",
                what,
                background = o.background,
                seed = o.seed,
                base = n4(base),
                value = n4(o.value)
            )));
            let mut rows: Vec<&crate::model::worker::ModelFactor> = o.factors.iter().collect();
            rows.sort_by(|a, b| {
                let (x, y) = (
                    a.shapley.unwrap_or(0.0).abs(),
                    b.shapley.unwrap_or(0.0).abs(),
                );
                y.total_cmp(&x).then(a.column.cmp(&b.column))
            });
            out.push(Part::Table(
                vec![
                    crate::ts!(l, "explain.onnx.input").into(),
                    crate::ts!(l, "explain.onnx.value").into(),
                    crate::ts!(l, "explain.onnx.effect_model_s_output").into(),
                ],
                rows.iter()
                    .map(|f| {
                        vec![
                            f.column.clone(),
                            f.value.clone(),
                            f.shapley.map_or_else(|| "–".into(), |v| format!("{v:+.4}")),
                        ]
                    })
                    .collect(),
            ));
        }
        (None, Some(_)) => out.push(Part::Para(
            crate::ts!(l, "explain.onnx.model_has_more_than_12").into(),
        )),
        (None, None) => {}
    }
    match (&o.counterfactual, o.counterfactual_note.as_deref()) {
        (Some(cf), _) => {
            for c in &cf.changes {
                out.push(Part::Para(crate::t!(
                    l,
                    "explain.onnx.change",
                    column = c.column,
                    to = plain(c.to),
                    from = plain(c.from),
                    check = if cf.verified {
                        crate::ts!(l, "explain.onnx.candor_ran_model_this_change")
                    } else {
                        crate::ts!(l, "explain.onnx.candor_ran_model_this_change_2")
                    }
                )));
            }
        }
        (None, Some("none_found")) => out.push(Part::Para(
            crate::ts!(l, "explain.onnx.no_change_single_input_can").into(),
        )),
        _ => {}
    }
}
