//! The explanation on the model itself (`--model`), in words: what the model gives for the
//! worker, the exact effect of each input, and a change verified on the model. The numbers
//! come from `model::worker`; this file only words them.

use super::parts::Part;
use crate::i18n::Lang;
use crate::model::worker::ModelExplanation;
use crate::spec::ModelOutput;
use crate::tr;

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
    out.push(Part::Para(tr!(
        l,
        "The employer handed over the model that makes this decision ({}, SHA-256 {}). Candor ran that model on your data: its {what} is {}, a decision {outcome}. Everything in this section is computed on the model itself, not on an approximation of it: it describes the model exactly (fidelity 100 %).",
        "雇主移交了作出该决定的模型（{}，SHA-256 {}）。Candor 在您的数据上运行了该模型：其{what}为 {}，该决定{outcome}。本节内容均在模型本身上计算，而非其近似：它准确描述该模型（保真度 100%）。",
        o.file,
        o.sha256,
        n4(o.value)
    )));
    if o.recorded_agrees == Some(false) {
        out.push(Part::Para(
            crate::ts!(l, "explain.onnx.note_decision_recorded_not_one").into(),
        ));
    }
    match (o.baseline, &o.shapley_note) {
        (Some(base), _) => {
            out.push(Part::Para(tr!(
                l,
                "How much each input moved the model's {what}: starting from its average over {} workers drawn at random (seed {}), {}, each input's effect (its exact Shapley value) moves it towards yours, {}; the effects add up to the difference.",
                "各项输入使模型{what}变动了多少：从随机抽取的 {} 名员工（种子 {}）的平均值 {} 出发，每项输入的影响（其精确 Shapley 值）把它推向您的值 {}；各项影响之和等于两者之差。",
                o.background,
                o.seed,
                n4(base),
                n4(o.value)
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
                out.push(Part::Para(tr!(
                    l,
                    "What would have changed the model's decision: {} at {} instead of {}, everything else as it is. {}",
                    "什么会改变模型的决定：{} 为 {} 而非 {}，其他一切不变。{}",
                    c.column,
                    plain(c.to),
                    plain(c.from),
                    if cf.verified {
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
