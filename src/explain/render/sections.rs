//! The sections about the decision itself: first page, decision, data, factors, restricted
//! inputs, what would change it, similar workers.

use super::doc::Doc;
use super::first_page::first_page;
use super::parts::Part;
use super::text::{self, Labels, Lang};
use super::words::*;

/// The first page: five lines, then what the document is.
pub(super) fn first_page_section(e: &Doc, l: &Labels, b: &mut Vec<Part>) {
    b.push(Part::Heading(l.s_first.into()));
    b.push(Part::List(first_page(e, l)));
    b.push(Part::Para(l.intro.to_string()));
}

/// 1. The decision, its score and threshold, and who decided it when.
pub(super) fn decision_section(e: &Doc, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    let dcol = decision_name(e);
    b.push(Part::Heading(l.s_decision.into()));
    let o = &e.outcome;
    let mut rows = vec![vec![l.subject.to_string(), e.subject.clone()]];
    rows.push(vec![
        match &o.decision_column {
            Some(c) => match lang {
                Lang::En => format!("{} ({c})", l.decision),
                Lang::Zh => format!("{}（{c}）", l.decision),
            },
            None => l.decision.to_string(),
        },
        e.decision_text(),
    ]);
    rows.push(vec![
        l.decision_date.into(),
        o.decision_date
            .clone()
            .unwrap_or_else(|| l.not_stated.into()),
    ]);
    if let Some(s) = o.score {
        rows.push(vec![
            match lang {
                Lang::En => format!(
                    "{} ({})",
                    l.score,
                    o.score_column.clone().unwrap_or_default()
                ),
                Lang::Zh => format!(
                    "{}（{}）",
                    l.score,
                    o.score_column.clone().unwrap_or_default()
                ),
            },
            score_num(e, s),
        ]);
    }
    if o.threshold.is_none() && o.score.is_some() && o.decision_positive.is_some() {
        rows.push(vec![l.threshold.to_string(), l.no_single_cut.to_string()]);
    }
    if let Some(t) = o.threshold {
        let how = match o.threshold_source.as_deref() {
            Some("derived") => l.threshold_derived,
            _ => l.threshold_spec,
        };
        let yes = decision_word(lang, &dcol, Some(true));
        let side = match (o.positive_above_threshold, lang) {
            (Some(true), Lang::En) => format!("; {yes} at or above it"),
            (Some(false), Lang::En) => format!("; {yes} below it"),
            (Some(true), Lang::Zh) => format!("；达到或高于阈值即{yes}"),
            (Some(false), Lang::Zh) => format!("；低于阈值即{yes}"),
            _ => String::new(),
        };
        let t = score_num(e, t);
        rows.push(vec![
            l.threshold.to_string(),
            match lang {
                Lang::En => format!("{t} ({how}{side})"),
                Lang::Zh => format!("{t}（{how}{side}）"),
            },
        ]);
    }
    rows.push(vec![
        l.purpose.to_string(),
        e.src
            .purpose
            .clone()
            .unwrap_or_else(|| l.purpose_missing.to_string()),
    ]);
    rows.push(vec![l.stage.to_string(), stage(lang, &o.stage)]);
    rows.push(vec![
        l.employer.into(),
        o.employer.clone().unwrap_or_else(|| l.not_stated.into()),
    ]);
    rows.push(vec![
        l.contact.into(),
        e.src
            .contact
            .clone()
            .unwrap_or_else(|| l.contact_missing.into()),
    ]);
    rows.push(vec![
        l.document_date.into(),
        o.document_date
            .clone()
            .unwrap_or_else(|| l.not_stated.into()),
    ]);
    b.push(Part::Table(vec![String::new(), String::new()], rows));
}

/// 2. The data processed, beside the typical worker's.
pub(super) fn data_section(e: &Doc, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    b.push(Part::Heading(l.s_data.into()));
    let effect_of = |col: &str| e.factors.iter().find(|f| f.column == col);
    let rows = e
        .inputs
        .iter()
        .map(|i| {
            let note = match &i.flag {
                Some(f) => flag_note(e, l, &i.column, f),
                None if i.model_role == "constant" => l.constant_input.to_string(),
                None if i.model_role == "not_usable" => l.not_model_input.to_string(),
                None => String::new(),
            };
            let effect = match effect_of(&i.column) {
                Some(f) => match lang {
                    Lang::En => format!("{} ({})", signed(f.contribution), toward(l, f)),
                    Lang::Zh => format!("{}（{}）", signed(f.contribution), toward(l, f)),
                },
                None => "—".to_string(),
            };
            vec![
                name_of(lang, &i.column, &e.label(&i.column)),
                value_or_missing(&i.value, l),
                i.typical.clone().unwrap_or_else(|| "—".into()),
                effect,
                note,
            ]
        })
        .collect();
    b.push(Part::Table(value_headers(e, l, l.note), rows));
}

/// Why an input is marked: its kind and category, severity, reliance, legal basis and a legal
/// limit the worker's value exceeds.
fn flag_note(e: &Doc, l: &Labels, column: &str, f: &crate::explain::InputFlag) -> String {
    let lang = e.lang;
    let texts = e.src.flag(column);
    // After a label: "Severity high" / "严重程度：高".
    let labelled = |label: &str, v: &str| format!("{label}{}{v}", lang.pick(" ", "："));
    let details = [
        labelled(l.severity, text::severity(lang, &f.severity)),
        text::used(lang, f.used).to_string(),
        labelled(l.legal, &texts.citations.join(lang.pick(", ", "、"))),
    ]
    .join(lang.pick("; ", "；"));
    let over = e
        .over_limit_text(column, f)
        .map_or_else(String::new, |x| format!("{}{x}", lang.pick(". ", "。")));
    let what = format!(
        "{}{}{}",
        text::kind_label(lang, &f.kind),
        lang.pick(": ", "："),
        texts.category_label
    );
    format!("{}{over}", paren(lang, &what, &details))
}

/// The headers of a table of inputs: column, value, typical value, contribution, and `last`.
fn value_headers(e: &Doc, l: &Labels, last: &str) -> Vec<String> {
    vec![
        l.column.into(),
        l.value.into(),
        l.typical.into(),
        paren(e.lang, l.contribution, units(e, e.lang)),
        last.into(),
    ]
}

/// 3. What weighed most.
pub(super) fn factors_section(e: &Doc, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    b.push(Part::Heading(l.s_factors.into()));
    let m = &e.model;
    b.push(Part::Para(match lang {
        Lang::En => format!(
            "The algorithm's inner workings were not handed over, so Candor built its own model of the algorithm from the outputs for the {} workers of the audit (how, and how faithful it is, is in the appendix). The effects below add up to the difference between your result and the result of an average worker, in {}. An input marked \"no measurable effect\" made no difference to anyone's outcome that the model can tell apart from chance; its small number is the model's estimate, shown so that the effects add up.",
            e.provenance.rows,
            units(e, lang)
        ),
        Lang::Zh => format!(
            "用人单位没有提供算法的内部机制，因此 Candor 根据审计涉及的 {} 名员工的算法输出，建立了自己的算法模型（方法及其可信程度见附录）。下列各项影响相加，等于你的结果与平均员工结果之差，单位为{}。“无可测量的影响”表示该输入对任何人结果的影响都无法与偶然波动区分；表中的小数值是模型的估计，列出是为了使各项相加相符。",
            e.provenance.rows,
            units(e, lang)
        ),
    }));
    if m.agrees_with_real == Some(false) {
        b.push(Part::Para(
            if e.prohibited.score_without.is_some() {
                l.model_differs_anchored
            } else {
                l.model_differs
            }
            .into(),
        ));
    }
    let rows = e.factors.iter().map(|f| factor_row(e, f, l)).collect();
    b.push(Part::Table(value_headers(e, l, l.toward), rows));
}

/// 4. Restricted data in the record and what it did.
pub(super) fn prohibited_section(e: &Doc, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    let dcol = decision_name(e);
    b.push(Part::Heading(l.s_prohibited.into()));
    let p = &e.prohibited;
    if p.inputs.is_empty() {
        b.push(Part::Para(l.none_prohibited.into()));
    } else {
        let rows = p.inputs.iter().map(|f| factor_row(e, f, l)).collect();
        b.push(Part::Table(
            vec![
                l.column.into(),
                l.value.into(),
                l.typical.into(),
                paren(lang, l.contribution, units(e, lang)),
                l.toward.into(),
            ],
            rows,
        ));
        let result = match p.score_without {
            Some(s) => match lang {
                Lang::En => format!(
                    "your score would have been {} (your real score minus their effect)",
                    score_num(e, s)
                ),
                Lang::Zh => format!(
                    "你的分数将是 {}（你的实际分数减去它们的影响）",
                    score_num(e, s)
                ),
            },
            None => match lang {
                Lang::En => format!(
                    "the model's result would have been {}",
                    num(p.output_without)
                ),
                Lang::Zh => format!("模型的结果将是 {}", num(p.output_without)),
            },
        };
        b.push(Part::Para(match lang {
            Lang::En => format!(
                "Together they moved your result by {} {}. Had they weighed on you only as much as they weigh on the average worker (each input's effect set to its average over all workers), {result}, and the decision {}: {}.",
                signed(p.total),
                units(e, lang),
                match p.flips {
                    Some(true) => "would have been different",
                    Some(false) => "would have been the same",
                    None => "cannot be told (no threshold)",
                },
                decision_word(lang, &dcol, p.decision_without_positive)
            ),
            Lang::Zh => format!(
                "这些输入合计使你的结果变化了 {}（{}）。如果它们对你的影响只相当于对平均员工的影响（每项输入的影响取其在全体员工中的平均值），{result}，决定{}：{}。",
                signed(p.total),
                units(e, lang),
                match p.flips {
                    Some(true) => "会不同",
                    Some(false) => "不会改变",
                    None => "无法判定（没有阈值）",
                },
                decision_word(lang, &dcol, p.decision_without_positive)
            ),
        }));
    }
}

/// 5. What would have changed the outcome.
pub(super) fn counterfactual_section(e: &Doc, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    let o = &e.outcome;
    match &e.counterfactual {
        Some(cf) if cf.status == "found" && !cf.anchored => {
            b.push(Part::Heading(l.s_counterfactual_model.into()))
        }
        _ => b.push(Part::Heading(l.s_counterfactual.into())),
    }
    match &e.counterfactual {
        None => b.push(Part::Para(l.not_adverse_cf.into())),
        Some(cf) => match cf.status.as_str() {
            "found" => {
                b.push(Part::Para(
                    if cf.anchored {
                        l.cf_anchored
                    } else {
                        l.cf_model
                    }
                    .into(),
                ));
                let rows = cf
                    .changes
                    .iter()
                    .map(|c| {
                        vec![
                            name_of(lang, &c.column, &e.label(&c.column)),
                            c.from.clone(),
                            c.to.clone(),
                        ]
                    })
                    .collect();
                b.push(Part::Table(
                    vec![l.column.into(), l.from.into(), l.to.into()],
                    rows,
                ));
                if let (Some(before), Some(after)) = (cf.score_before, cf.score_after) {
                    b.push(Part::Para(match lang {
                        Lang::En => format!(
                            "Your score would go from {} to about {} ({} the threshold of {}). The change crosses the threshold under each of the five versions of the model fitted on different parts of the data.",
                            score_num(e, before),
                            score_num(e, after),
                            if o.threshold.is_some_and(|t| after < t) { "below" } else { "at or above" },
                            o.threshold.map_or_else(String::new, |t| score_num(e, t))
                        ),
                        Lang::Zh => format!(
                            "你的分数将从 {} 变为约 {}（{}阈值 {}）。在用不同部分数据拟合的五个模型版本下，这一改变都能越过阈值。",
                            score_num(e, before),
                            score_num(e, after),
                            if o.threshold.is_some_and(|t| after < t) { "低于" } else { "达到或高于" },
                            o.threshold.map_or_else(String::new, |t| score_num(e, t))
                        ),
                    }));
                }
            }
            "model_disagrees" if o.score.is_some() => {
                b.push(Part::Para(l.cf_model_disagrees_score.into()))
            }
            "model_disagrees" => b.push(Part::Para(l.cf_model_disagrees.into())),
            "none_within_bounds" => b.push(Part::Para(l.cf_none.into())),
            "same_for_everyone" => b.push(Part::Para(l.cf_same.into())),
            _ => b.push(Part::Para(l.cf_no_input.into())),
        },
    }
    if cfg_bound(e) {
        b.push(Part::Para(l.cf_bound.into()));
    }
}

/// 6. Workers in a similar situation (counts only).
pub(super) fn similar_section(e: &Doc, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    b.push(Part::Heading(l.s_similar.into()));
    match &e.similar {
        Some(s) => b.push(Part::Para(match lang {
            Lang::En => format!(
                "Among the {} workers closest to you in the legitimate inputs ({}), {} got the same outcome as you and {} got the other outcome{}. Only counts are given: no other worker is identified.",
                s.compared,
                s.inputs.join(", "),
                s.same_outcome,
                s.other_outcome,
                if s.pool < e.provenance.rows { format!(" (searched in a random sample of {} workers)", s.pool) } else { String::new() }
            ),
            Lang::Zh => format!(
                "在合法输入（{}）上与你最接近的 {} 名员工中，{} 人与你结果相同，{} 人结果相反{}。此处只给出人数，不识别任何其他员工。",
                s.inputs.join("、"),
                s.compared,
                s.same_outcome,
                s.other_outcome,
                if s.pool < e.provenance.rows { format!("（在 {} 名员工的随机样本中查找）", s.pool) } else { String::new() }
            ),
        })),
        None => b.push(Part::Para(l.no_similar.into())),
    }
}
