//! Rendering one explanation as JSON, Markdown and printable HTML (self-contained: inline CSS,
//! no script, nothing loaded from the network). Both renderings come from one list of blocks,
//! so they say the same thing; every data-derived string is escaped when rendered.

use super::text::{self, Labels, Lang};
use super::{Explanation, Factor};

/// A piece of the document.
pub(super) enum Part {
    Heading(String),
    Para(String),
    Table(Vec<String>, Vec<Vec<String>>),
    List(Vec<String>),
}

fn num(v: f64) -> String {
    let r = (v * 1000.0).round() / 1000.0;
    let s = format!("{r:.3}");
    if s == "-0.000" { "0.000".into() } else { s }
}

fn signed(v: f64) -> String {
    let s = num(v);
    if v > 0.0 && s != "0.000" {
        format!("+{s}")
    } else {
        s
    }
}

fn pct(v: f64) -> String {
    format!("{:.1} %", v * 100.0)
}

/// A percentage in the document's language (no space before % in Chinese).
fn pct_l(lang: Lang, v: f64) -> String {
    match lang {
        Lang::En => pct(v),
        Lang::Zh => format!("{:.1}%", v * 100.0),
    }
}

fn figure(lang: Lang, f: Option<&super::Figure>, percent: bool) -> String {
    let show = |v: f64| {
        if percent {
            pct_l(lang, v)
        } else {
            format!("{v:.3}")
        }
    };
    match f {
        Some(f) => match (f.value, f.ci_low, f.ci_high) {
            (Some(v), Some(l), Some(h)) => match lang {
                Lang::En => format!("{} ({} – {})", show(v), show(l), show(h)),
                Lang::Zh => format!("{}（{}–{}）", show(v), show(l), show(h)),
            },
            (Some(v), _, _) => show(v),
            _ => "—".into(),
        },
        None => "—".into(),
    }
}

fn units(e: &Explanation, lang: Lang) -> &'static str {
    match (e.model.scale.as_str(), lang) {
        ("decision_log_odds", Lang::En) => "units of the model (log-odds, see the appendix)",
        ("decision_log_odds", Lang::Zh) => "模型单位（对数几率，见附录）",
        ("score_log_odds", Lang::En) => {
            "units of the model (log-odds of the score, see the appendix)"
        }
        ("score_log_odds", Lang::Zh) => "模型单位（分数的对数几率，见附录）",
        (_, Lang::En) => "points of the score",
        (_, Lang::Zh) => "分",
    }
}

fn toward(l: &Labels, f: &Factor) -> String {
    if f.no_effect {
        return l.no_effect.to_string();
    }
    match f.toward.as_str() {
        "adverse" => l.toward_adverse,
        "favorable" => l.toward_favorable,
        _ => l.toward_none,
    }
    .to_string()
}

fn value_or_missing(v: &Option<String>, l: &Labels) -> String {
    v.clone().unwrap_or_else(|| l.missing.to_string())
}

/// A decision named by its column: "flagged: yes" / "被标记：是".
fn decision_word(lang: Lang, col: &str, positive: Option<bool>) -> String {
    match (positive, lang) {
        (Some(true), Lang::En) => format!("{col}: yes"),
        (Some(false), Lang::En) => format!("{col}: no"),
        (Some(true), Lang::Zh) => format!("“{col}”：是"),
        (Some(false), Lang::Zh) => format!("“{col}”：否"),
        (None, _) => lang
            .pick("no decision (no threshold)", "无法判定（没有阈值）")
            .into(),
    }
}

/// An input's name for people: the dictionary's plain name, with the column in brackets.
fn name_of(lang: Lang, column: &str, label: &Option<String>) -> String {
    match (label, lang) {
        (Some(l), Lang::En) => format!("{l} ({column})"),
        (Some(l), Lang::Zh) => format!("{l}（{column}）"),
        (None, _) => column.to_string(),
    }
}

/// `a (b)` in English, `a（b）` in Chinese.
fn paren(lang: Lang, a: &str, b: &str) -> String {
    match lang {
        Lang::En => format!("{a} ({b})"),
        Lang::Zh => format!("{a}（{b}）"),
    }
}

/// A number of the score at its shown precision.
/// A score at the precision its column is recorded with (two decimals when unknown).
fn score_num(e: &Explanation, v: f64) -> String {
    let d = e.outcome.score_decimals.unwrap_or(2) as usize;
    format!("{v:.d$}")
}

fn deadline_text(lang: Lang, d: &super::DeadlineEntry) -> String {
    match (&d.length, lang) {
        (Some(len), Lang::En) if d.binds.as_deref() == Some("employer") => {
            format!("a deadline for the employer: {len} ({})", d.when)
        }
        (Some(len), Lang::Zh) if d.binds.as_deref() == Some("employer") => {
            format!("用人单位的期限：{len}（{}）", d.when)
        }
        (Some(len), Lang::En) => format!("within {len} ({})", d.when),
        (Some(len), Lang::Zh) => format!("{len}内（{}）", d.when),
        (None, _) => d.when.clone(),
    }
}

/// The five lines of the first page.
fn first_page(e: &Explanation, l: &Labels) -> Vec<String> {
    vec![
        decision_line(e),
        reasons_line(e, l),
        restricted_line(e, l),
        first_step_line(e, l),
        deadline_line(e, l),
    ]
}

/// The first line: the decision, its date and, with a score, the cut that set it.
fn decision_line(e: &Explanation) -> String {
    let lang = e.lang;
    let o = &e.outcome;
    let dcol = o
        .decision_column
        .clone()
        .unwrap_or_else(|| lang.pick("the decision", "该决定").to_string());
    let when = match (&o.decision_date, lang) {
        (Some(d), Lang::En) => format!(" on {d}"),
        (Some(d), Lang::Zh) => format!("（{d}）"),
        (None, _) => String::new(),
    };
    let score = match (o.score, o.threshold, o.positive_above_threshold, lang) {
        (Some(s), Some(t), Some(above), Lang::En) => format!(
            " Your {} was {}; {} {} sets {}.",
            o.score_column.clone().unwrap_or_default(),
            score_num(e, s),
            if above {
                "a score of at least"
            } else {
                "a score below"
            },
            score_num(e, t),
            decision_word(lang, &dcol, Some(true))
        ),
        (Some(s), Some(t), Some(above), Lang::Zh) => format!(
            "你的“{}”为 {}；{} {} 即{}。",
            o.score_column.clone().unwrap_or_default(),
            score_num(e, s),
            if above { "达到或高于" } else { "低于" },
            score_num(e, t),
            decision_word(lang, &dcol, Some(true))
        ),
        _ => String::new(),
    };
    match lang {
        Lang::En => format!(
            "The decision{when}: {} ({}).{score}",
            decision_word(lang, &dcol, o.decision_positive),
            if o.adverse == Some(true) {
                "an outcome that harms you"
            } else {
                "not an adverse outcome"
            }
        ),
        Lang::Zh => format!(
            "决定{when}：{}（{}）。{score}",
            decision_word(lang, &dcol, o.decision_positive),
            if o.adverse == Some(true) {
                "对你不利的结果"
            } else {
                "并非不利结果"
            }
        ),
    }
}

/// The second line: the inputs that weighed most toward the outcome.
fn reasons_line(e: &Explanation, l: &Labels) -> String {
    let lang = e.lang;
    let reasons: Vec<String> = e
        .first_page
        .main_reasons
        .iter()
        .filter_map(|c| e.factors.iter().find(|f| &f.column == c))
        .map(|f| {
            let name = name_of(lang, &f.column, &f.label);
            let v = value_or_missing(&f.value, l);
            match (&f.typical, lang) {
                (Some(t), Lang::En) => format!("{name} {v} (typical worker {t})"),
                (Some(t), Lang::Zh) => format!("{name} {v}（一般员工为 {t}）"),
                (None, _) => format!("{name} {v}"),
            }
        })
        .collect();
    if reasons.is_empty() {
        l.no_main_reasons.to_string()
    } else {
        match lang {
            Lang::En => format!("What weighed most: {}.", reasons.join("; ")),
            Lang::Zh => format!("影响最大的因素：{}。", reasons.join("；")),
        }
    }
}

/// The third line: what the data the law restricts did.
fn restricted_line(e: &Explanation, l: &Labels) -> String {
    let lang = e.lang;
    let p = &e.prohibited;
    let with_effect: Vec<String> = p
        .inputs
        .iter()
        .filter(|f| !f.no_effect)
        .map(|f| name_of(lang, &f.column, &f.label))
        .collect();
    let without_effect: Vec<String> = p
        .inputs
        .iter()
        .filter(|f| f.no_effect)
        .map(|f| name_of(lang, &f.column, &f.label))
        .collect();
    let sep = lang.pick(", ", "、");
    if p.inputs.is_empty() {
        l.none_prohibited.to_string()
    } else if with_effect.is_empty() {
        let names = without_effect.join(sep);
        match lang {
            Lang::En => format!(
                "Data the law restricts is in your record ({names}), but it made no measurable difference to the decision."
            ),
            Lang::Zh => {
                format!("你的记录中有法律限制使用的数据（{names}），但它对决定没有可测量的影响。")
            }
        }
    } else {
        let by = |side: &str| {
            p.inputs
                .iter()
                .filter(|f| !f.no_effect && f.toward == side)
                .map(|f| name_of(lang, &f.column, &f.label))
                .collect::<Vec<_>>()
                .join(sep)
        };
        let (against, favour) = (by("adverse"), by("favorable"));
        let names = match (against.is_empty(), favour.is_empty(), lang) {
            (false, false, Lang::En) => format!("against you: {against}; in your favour: {favour}"),
            (false, false, Lang::Zh) => format!("对你不利：{against}；对你有利：{favour}"),
            (false, true, Lang::En) => format!("against you: {against}"),
            (false, true, Lang::Zh) => format!("对你不利：{against}"),
            (true, _, Lang::En) => format!("in your favour: {favour}"),
            (true, _, Lang::Zh) => format!("对你有利：{favour}"),
        };
        let without = p.score_without.map_or_else(String::new, |s| match lang {
            Lang::En => format!(
                " Without it your score would have been {}.",
                score_num(e, s)
            ),
            Lang::Zh => format!("不计入这些数据，你的分数将是 {}。", score_num(e, s)),
        });
        match (p.flips, lang) {
            (Some(true), Lang::En) => format!(
                "Data the law restricts was used ({names}); together it decided your outcome: without it the decision would have been different.{without}"
            ),
            (Some(false), Lang::En) => format!(
                "Data the law restricts ({names}) was used; without it the decision would have been the same.{without}"
            ),
            (None, Lang::En) => format!("Data the law restricts ({names}) was used.{without}"),
            (Some(true), Lang::Zh) => format!(
                "使用了法律限制使用的数据（{names}）；这些数据合起来决定了你的结果：若不使用，决定将会不同。{without}"
            ),
            (Some(false), Lang::Zh) => {
                format!("使用了法律限制使用的数据（{names}）；若不使用，决定不会改变。{without}")
            }
            (None, Lang::Zh) => format!("使用了法律限制使用的数据（{names}）。{without}"),
        }
    }
}

/// The fourth line: the first step to take (and a change that would have avoided the outcome).
fn first_step_line(e: &Explanation, l: &Labels) -> String {
    let lang = e.lang;
    let first = e.first_page.first_step.and_then(|k| e.rights.get(k));
    let change = e
        .counterfactual
        .as_ref()
        .filter(|c| c.status == "found" && c.anchored)
        .map(|c| {
            c.changes
                .iter()
                .map(|ch| {
                    let label = e
                        .inputs
                        .iter()
                        .find(|i| i.column == ch.column)
                        .and_then(|i| i.label.clone());
                    format!(
                        "{} {} → {}",
                        name_of(lang, &ch.column, &label),
                        ch.from,
                        ch.to
                    )
                })
                .collect::<Vec<_>>()
                .join(lang.pick("; ", "；"))
        });
    match (first, lang) {
        (Some(r), Lang::En) => format!(
            "What you can do first: {} ({}).{}",
            match r.kind.as_str() {
                "explanation" | "written_reasons" =>
                    "ask the employer to explain the decision".to_string(),
                "human_review" => "ask the employer for a human review".to_string(),
                "access" => "ask the employer for your data".to_string(),
                _ => format!("use your right: {}", r.kind_text),
            },
            r.citation,
            change.map_or_else(String::new, |c| format!(
                " A change that would have avoided this outcome: {c}."
            ))
        ),
        (Some(r), Lang::Zh) => format!(
            "首先可以做的：{}（{}）。{}",
            match r.kind.as_str() {
                "explanation" | "written_reasons" => "要求用人单位对决定予以说明".to_string(),
                "human_review" => "向用人单位要求人工复核".to_string(),
                "access" => "向用人单位要求查阅你的信息".to_string(),
                _ => format!("行使权利：{}", r.kind_text),
            },
            r.citation,
            change.map_or_else(String::new, |c| format!("可避免这一结果的改变：{c}。"))
        ),
        (None, _) => l.no_rights.to_string(),
    }
}

/// The fifth line: the deadline that matters.
fn deadline_line(e: &Explanation, l: &Labels) -> String {
    let lang = e.lang;
    let deadline = e.first_page.deadline_step.and_then(|k| e.rights.get(k));
    let length = |r: &super::RightEntry| {
        r.deadline
            .as_ref()
            .and_then(|d| d.length.clone())
            .unwrap_or_default()
    };
    match (deadline, lang) {
        (Some(r), Lang::En) => format!(
            "By when: {} within {} ({}); when the period starts is under step {} below.",
            r.kind_text.to_lowercase(),
            length(r),
            r.citation,
            r.step
        ),
        (Some(r), Lang::Zh) => format!(
            "期限：{}，期限为{}（{}）；期限自何时起算，见下文第{}步。",
            r.kind_text,
            length(r),
            r.citation,
            ["", "一", "二", "三", "四"]
                .get(r.step as usize)
                .copied()
                .unwrap_or("")
        ),
        (None, _) => l.no_deadline.to_string(),
    }
}

/// The document's parts, in order: the first page, the nine sections and the appendix.
fn parts(e: &Explanation) -> Vec<Part> {
    let l = text::labels(e.lang);
    let mut b = Vec::new();
    first_page_section(e, l, &mut b);
    decision_section(e, l, &mut b);
    data_section(e, l, &mut b);
    factors_section(e, l, &mut b);
    prohibited_section(e, l, &mut b);
    counterfactual_section(e, l, &mut b);
    if let Some(o) = &e.onnx {
        super::onnx::parts(o, e.lang, &mut b);
    }
    similar_section(e, l, &mut b);
    groups_section(e, l, &mut b);
    rights_section(e, l, &mut b);
    challenge_section(e, l, &mut b);
    provenance_section(e, l, &mut b);
    appendix_section(e, l, &mut b);
    b
}

/// The first page: five lines, then what the document is.
fn first_page_section(e: &Explanation, l: &Labels, b: &mut Vec<Part>) {
    b.push(Part::Heading(l.s_first.into()));
    b.push(Part::List(first_page(e, l)));
    b.push(Part::Para(l.intro.to_string()));
}

/// 1. The decision, its score and threshold, and who decided it when.
fn decision_section(e: &Explanation, l: &Labels, b: &mut Vec<Part>) {
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
        o.decision_text.clone(),
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
        o.purpose
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
        o.contact
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
fn data_section(e: &Explanation, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    b.push(Part::Heading(l.s_data.into()));
    let effect_of = |col: &str| e.factors.iter().find(|f| f.column == col);
    let rows = e
        .inputs
        .iter()
        .map(|i| {
            let note = match (&i.flag, lang) {
                (Some(f), Lang::En) => format!(
                    "{}: {} ({} {}; {}; {} {}){}",
                    text::kind_label(lang, &f.kind),
                    f.category_label,
                    l.severity,
                    text::severity(lang, &f.severity),
                    text::used(lang, f.used),
                    l.legal,
                    f.citations.join(", "),
                    f.over_limit
                        .as_ref()
                        .map_or_else(String::new, |x| format!(". {x}"))
                ),
                (Some(f), Lang::Zh) => format!(
                    "{}：{}（{}：{}；{}；{}：{}）{}",
                    text::kind_label(lang, &f.kind),
                    f.category_label,
                    l.severity,
                    text::severity(lang, &f.severity),
                    text::used(lang, f.used),
                    l.legal,
                    f.citations.join("、"),
                    f.over_limit
                        .as_ref()
                        .map_or_else(String::new, |x| format!("。{x}"))
                ),
                (None, _) if i.model_role == "constant" => l.constant_input.to_string(),
                (None, _) if i.model_role == "not_usable" => l.not_model_input.to_string(),
                (None, _) => String::new(),
            };
            let effect = match effect_of(&i.column) {
                Some(f) => match lang {
                    Lang::En => format!("{} ({})", signed(f.contribution), toward(l, f)),
                    Lang::Zh => format!("{}（{}）", signed(f.contribution), toward(l, f)),
                },
                None => "—".to_string(),
            };
            vec![
                name_of(lang, &i.column, &i.label),
                value_or_missing(&i.value, l),
                i.typical.clone().unwrap_or_else(|| "—".into()),
                effect,
                note,
            ]
        })
        .collect();
    b.push(Part::Table(
        vec![
            l.column.into(),
            l.value.into(),
            l.typical.into(),
            paren(lang, l.contribution, units(e, lang)),
            l.note.into(),
        ],
        rows,
    ));
}

/// 3. What weighed most.
fn factors_section(e: &Explanation, l: &Labels, b: &mut Vec<Part>) {
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
    let rows = e.factors.iter().map(|f| factor_row(lang, f, l)).collect();
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
}

/// 4. Restricted data in the record and what it did.
fn prohibited_section(e: &Explanation, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    let dcol = decision_name(e);
    b.push(Part::Heading(l.s_prohibited.into()));
    let p = &e.prohibited;
    if p.inputs.is_empty() {
        b.push(Part::Para(l.none_prohibited.into()));
    } else {
        let rows = p.inputs.iter().map(|f| factor_row(lang, f, l)).collect();
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
fn counterfactual_section(e: &Explanation, l: &Labels, b: &mut Vec<Part>) {
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
                        let label = e
                            .inputs
                            .iter()
                            .find(|i| i.column == c.column)
                            .and_then(|i| i.label.clone());
                        vec![
                            name_of(lang, &c.column, &label),
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
fn similar_section(e: &Explanation, l: &Labels, b: &mut Vec<Part>) {
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

/// 7. How the worker's groups fared.
fn groups_section(e: &Explanation, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    b.push(Part::Heading(l.s_groups.into()));
    if e.groups.is_empty() {
        b.push(Part::Para(l.no_groups.into()));
    } else {
        let rows = e
            .groups
            .iter()
            .map(|g| {
                vec![
                    format!("{} = {}", g.attribute, crate::i18n::group(&g.group, lang)),
                    g.n.map_or_else(|| "—".into(), |n| n.to_string()),
                    figure(lang, g.favorable_rate.as_ref(), true),
                    figure(lang, g.adverse_rate.as_ref(), true),
                    figure(lang, g.adverse_rate_ratio.as_ref(), false),
                    g.reference
                        .as_deref()
                        .map(|r| crate::i18n::group(r, lang))
                        .unwrap_or_else(|| "—".into()),
                    g.suppressed
                        .clone()
                        .or_else(|| g.verdict_text.clone())
                        .unwrap_or_else(|| "—".into()),
                ]
            })
            .collect();
        b.push(Part::Table(
            vec![
                l.group.into(),
                l.workers.into(),
                l.favorable_rate.into(),
                l.adverse_rate.into(),
                l.adverse_rate_ratio.into(),
                l.reference.into(),
                l.verdict.into(),
            ],
            rows,
        ));
        b.push(Part::Para(l.groups_note.into()));
    }
}

/// 8. What the worker can do, step by step.
fn rights_section(e: &Explanation, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    b.push(Part::Heading(l.s_rights.into()));
    if e.rights.is_empty() {
        b.push(Part::Para(l.no_rights.into()));
    } else {
        let mut steps: Vec<u8> = e.rights.iter().map(|r| r.step).collect();
        steps.dedup();
        for step in steps {
            b.push(Part::Para(text::step_text(lang, step).into()));
            let rows = e
                .rights
                .iter()
                .filter(|r| r.step == step)
                .map(|r| {
                    vec![
                        r.kind_text.clone(),
                        match lang {
                            Lang::En => format!("{} ({}, {})", r.law, r.citation, r.jurisdiction),
                            Lang::Zh => format!(
                                "{}（{}，{}）",
                                if r.law.starts_with('《') {
                                    r.law.clone()
                                } else {
                                    format!("《{}》", r.law)
                                },
                                r.citation,
                                jurisdiction_zh(&r.jurisdiction)
                            ),
                        },
                        r.summary.clone(),
                        r.deadline
                            .as_ref()
                            .map_or_else(|| l.no_time_limit.into(), |d| deadline_text(lang, d)),
                        if r.conditions.is_empty() {
                            "—".into()
                        } else {
                            r.conditions.join(lang.pick("; ", "；"))
                        },
                    ]
                })
                .collect();
            b.push(Part::Table(
                vec![
                    l.right.into(),
                    l.law.into(),
                    l.what.into(),
                    l.deadline.into(),
                    l.applies.into(),
                ],
                rows,
            ));
        }
    }
}

/// The points that support a challenge.
fn challenge_section(e: &Explanation, l: &Labels, b: &mut Vec<Part>) {
    b.push(Part::Heading(l.s_challenge.into()));
    if e.challenge.is_empty() {
        b.push(Part::Para(l.no_challenge.into()));
    } else {
        b.push(Part::List(
            e.challenge.iter().map(|c| c.text.clone()).collect(),
        ));
    }
}

/// 9. Provenance and the document's hash.
fn provenance_section(e: &Explanation, l: &Labels, b: &mut Vec<Part>) {
    b.push(Part::Heading(l.s_provenance.into()));
    let pv = &e.provenance;
    b.push(Part::Table(
        vec![String::new(), String::new()],
        vec![
            vec![l.version.into(), pv.candor_version.clone()],
            vec![l.data_file.into(), pv.data_file.clone()],
            vec![l.data_hash.into(), pv.data_sha256.clone()],
            vec![l.rows.into(), pv.rows.to_string()],
            vec![l.spec_hash.into(), pv.audit_spec_sha256.clone()],
            vec![l.settings_hash.into(), pv.explain_settings_sha256.clone()],
            vec![l.seed.into(), pv.seed.to_string()],
            vec![l.doc_hash.into(), pv.document_sha256.clone()],
        ],
    ));
    b.push(Part::Para(l.hash_note.into()));
}

/// Appendix: the model's internals.
fn appendix_section(e: &Explanation, l: &Labels, b: &mut Vec<Part>) {
    let lang = e.lang;
    let dcol = decision_name(e);
    let m = &e.model;
    b.push(Part::Heading(l.s_appendix.into()));
    b.push(Part::Para(l.appendix_model.into()));
    let mut rows = vec![
        vec![
            l.a_scale.into(),
            units(e, lang)
                .replace(", see the appendix", "")
                .replace("，见附录", ""),
        ],
        vec![l.a_output.into(), num(m.output)],
        vec![l.a_baseline.into(), num(m.baseline)],
        vec![l.a_additivity.into(), format!("{:.1e}", m.additivity_error)],
        vec![l.a_fit_rows.into(), m.fit_rows.to_string()],
        vec![l.a_penalty.into(), format!("{:e}", m.penalty)],
    ];
    if let Some(d) = m.model_decision_positive {
        rows.push(vec![
            l.a_model_decision.into(),
            format!(
                "{}{}",
                decision_word(lang, &dcol, Some(d)),
                match (m.agrees_with_real, lang) {
                    (Some(true), Lang::En) => " (the same as the algorithm's)",
                    (Some(false), Lang::En) => " (not the algorithm's)",
                    (Some(true), Lang::Zh) => "（与算法相同）",
                    (Some(false), Lang::Zh) => "（与算法不同）",
                    _ => "",
                }
            ),
        ]);
    }
    if let Some(f) = &m.fidelity {
        let pct_o = |v: Option<f64>| v.map_or_else(|| "—".into(), |v| pct_l(lang, v));
        rows.push(vec![l.a_agreement.into(), pct_l(lang, f.agreement)]);
        rows.push(vec![
            l.a_agreement_by.into(),
            match lang {
                Lang::En => format!(
                    "{}: {}; {}: {}",
                    decision_word(lang, &dcol, Some(true)),
                    pct_o(f.agreement_positive),
                    decision_word(lang, &dcol, Some(false)),
                    pct_o(f.agreement_negative)
                ),
                Lang::Zh => format!(
                    "{}：{}；{}：{}",
                    decision_word(lang, &dcol, Some(true)),
                    pct_o(f.agreement_positive),
                    decision_word(lang, &dcol, Some(false)),
                    pct_o(f.agreement_negative)
                ),
            },
        ]);
        if let Some(r) = f.r_squared {
            rows.push(vec![
                l.a_r2.into(),
                paren(
                    lang,
                    &num(r),
                    &format!(
                        "{} {}",
                        l.a_in_sample,
                        f.r_squared_in_sample.map_or_else(|| "—".into(), num)
                    ),
                ),
            ]);
        }
        if let Some(sd) = f.residual_sd {
            rows.push(vec![l.a_residual.into(), num(sd)]);
        }
        if let Some(u) = f.unexplainable {
            rows.push(vec![l.a_unexplainable.into(), pct_l(lang, u)]);
        }
        rows.push(vec![
            l.a_identical.into(),
            f.identical_inputs_conflicting.to_string(),
        ]);
        rows.push(vec![
            l.a_level.into(),
            fidelity_level(lang, &f.level).into(),
        ]);
    }
    b.push(Part::Table(vec![String::new(), String::new()], rows));
}

/// The decision's name in the sections: its column, else "the decision".
fn decision_name(e: &Explanation) -> String {
    e.outcome
        .decision_column
        .clone()
        .unwrap_or_else(|| e.lang.pick("the decision", "决定").to_string())
}

fn fidelity_level(lang: Lang, level: &str) -> &'static str {
    match level {
        "high" => lang.pick(
            "high: the model reproduces the algorithm's decisions closely",
            "高：该模型与算法的决定高度一致",
        ),
        "moderate" => lang.pick(
            "moderate: the main factors are likely right, details may not be",
            "中：主要因素大概率正确，细节未必",
        ),
        _ => lang.pick(
            "low: the explanation may miss the algorithm's real reasons",
            "低：本说明可能遗漏算法的真正原因",
        ),
    }
}

fn cfg_bound(e: &Explanation) -> bool {
    e.counterfactual.as_ref().is_some_and(|c| c.bound_reached)
}

fn stage(lang: Lang, s: &str) -> String {
    let (en, zh) = match s {
        "recruitment" => ("recruitment", "招聘"),
        "termination" => ("termination", "解除劳动关系"),
        "post_termination" => ("after employment ended", "劳动关系结束后"),
        _ => ("employment", "在职管理"),
    };
    lang.pick(en, zh).into()
}

fn factor_row(lang: Lang, f: &Factor, l: &Labels) -> Vec<String> {
    vec![
        name_of(lang, &f.column, &f.label),
        value_or_missing(&f.value, l),
        f.typical.clone().unwrap_or_else(|| "—".into()),
        signed(f.contribution),
        toward(l, f),
    ]
}

/// The jurisdiction code in Chinese.
fn jurisdiction_zh(code: &str) -> String {
    match code {
        "CN" => "中国".into(),
        "EU" => "欧盟".into(),
        "US" => "美国".into(),
        "US-NY-NYC" => "美国纽约市".into(),
        "US-IL" => "美国伊利诺伊州".into(),
        other => other.into(),
    }
}

fn md_cell(s: &str) -> String {
    crate::i18n::md_escape(s)
}

/// The explanation as Markdown.
pub fn markdown(e: &Explanation) -> String {
    let l = text::labels(e.lang);
    let mut out = format!(
        "# {}{}{}\n\n",
        l.title,
        e.lang.pick(": ", "："),
        md_cell(&e.subject)
    );
    for block in parts(e) {
        match block {
            Part::Heading(h) => out.push_str(&format!("## {h}\n\n")),
            Part::Para(p) => out.push_str(&format!("{}\n\n", md_cell(&p))),
            Part::List(items) => {
                for i in items {
                    out.push_str(&format!("- {}\n", md_cell(&i)));
                }
                out.push('\n');
            }
            Part::Table(head, rows) => {
                out.push_str(&format!(
                    "| {} |\n|{}\n",
                    head.iter()
                        .map(|h| md_cell(h))
                        .collect::<Vec<_>>()
                        .join(" | "),
                    "---|".repeat(head.len())
                ));
                for r in rows {
                    out.push_str(&format!(
                        "| {} |\n",
                        r.iter().map(|c| md_cell(c)).collect::<Vec<_>>().join(" | ")
                    ));
                }
                out.push('\n');
            }
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.5}\
table{border-collapse:collapse;margin:0.5rem 0 1rem;width:100%}th,td{border:1px solid #999;padding:0.25rem 0.5rem;text-align:left;vertical-align:top}th{background:#eee}\
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:1.5rem;border-bottom:1px solid #999}code{word-break:break-all}\
@media print{body{max-width:none;margin:0;font-size:10pt}h2{page-break-after:avoid}tr{page-break-inside:avoid}}";

/// The explanation as one printable, self-contained HTML page.
pub fn html(e: &Explanation) -> String {
    use crate::i18n::escape;
    let l = text::labels(e.lang);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>{}{sep}{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}{sep}{}</h1>\n",
        e.lang.code(),
        escape(l.title),
        escape(&e.subject),
        escape(l.title),
        escape(&e.subject),
        sep = e.lang.pick(": ", "：")
    );
    for block in parts(e) {
        match block {
            Part::Heading(h) => out.push_str(&format!("<h2>{}</h2>\n", escape(&h))),
            Part::Para(p) => out.push_str(&format!("<p>{}</p>\n", escape(&p))),
            Part::List(items) => {
                out.push_str("<ul>\n");
                for i in items {
                    out.push_str(&format!("<li>{}</li>\n", escape(&i)));
                }
                out.push_str("</ul>\n");
            }
            Part::Table(head, rows) => {
                out.push_str("<table>\n");
                if head.iter().any(|h| !h.is_empty()) {
                    out.push_str("<tr>");
                    for h in head {
                        out.push_str(&format!("<th>{}</th>", escape(&h)));
                    }
                    out.push_str("</tr>\n");
                }
                for r in rows {
                    out.push_str("<tr>");
                    for c in r {
                        out.push_str(&format!("<td>{}</td>", escape(&c)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The explanation as pretty JSON.
pub fn json(e: &Explanation) -> String {
    let mut s =
        serde_json::to_string_pretty(e).unwrap_or_else(|err| format!("{{\"error\": \"{err}\"}}"));
    s.push('\n');
    s
}
