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
    out.push(Part::Heading(l.pick("The model itself", "模型本身").into()));
    let what = match o.output {
        ModelOutput::Label => l.pick(
            "output (1 for the positive class, 0 otherwise)",
            "输出（正类为 1，否则为 0）",
        ),
        ModelOutput::Probability => l.pick("probability", "概率"),
        ModelOutput::Score => l.pick("score", "分数"),
    };
    let outcome = if o.adverse {
        l.pick("adverse to you", "对您不利")
    } else {
        l.pick("not adverse to you", "对您无不利")
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
        out.push(Part::Para(l.pick(
            "Note: the decision recorded for you is not the one this model gives. Either the model handed over is not the one that decided, or something else changed the decision; ask the employer which.",
            "注意：为您记录的决定与该模型给出的决定不同。要么移交的模型并非作出决定的模型，要么有其他因素改变了决定；请询问雇主是哪一种情况。",
        ).into()));
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
                    l.pick("Input", "输入").into(),
                    l.pick("Your value", "您的值").into(),
                    l.pick("Effect on the model's output", "对模型输出的影响")
                        .into(),
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
            l.pick(
                "The model has more than 12 inputs: exact effects of each input are not computed.",
                "模型输入超过 12 项：未计算各项输入的精确影响。",
            )
            .into(),
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
                        l.pick(
                            "Candor ran the model on this change: it gives the favorable decision.",
                            "Candor 在该变化上运行了模型：模型给出有利决定。",
                        )
                    } else {
                        l.pick(
                            "Candor ran the model on this change and it did NOT give the favorable decision; do not rely on it.",
                            "Candor 在该变化上运行了模型，模型并未给出有利决定；请勿依赖此结果。",
                        )
                    }
                )));
            }
        }
        (None, Some("none_found")) => out.push(Part::Para(
            l.pick(
                "No change of a single input you can act on, within the values other workers have, changes the model's decision.",
                "在其他员工所具有的取值范围内，改变任何一项您可以改变的输入都不会改变模型的决定。",
            )
            .into(),
        )),
        _ => {}
    }
}
