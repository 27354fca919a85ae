//! Rendering one explanation as JSON, Markdown and printable HTML (self-contained: inline CSS,
//! no script, nothing loaded from the network). Both renderings come from one list of blocks,
//! so they say the same thing; every data-derived string is escaped when rendered.

use super::text::{self, Labels, Lang};
use super::{Explanation, Factor};

/// A piece of the document.
enum Block {
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

fn figure(f: Option<&super::Figure>, percent: bool) -> String {
    let show = |v: f64| if percent { pct(v) } else { format!("{v:.3}") };
    match f {
        Some(f) => match (f.value, f.ci_low, f.ci_high) {
            (Some(v), Some(l), Some(h)) => format!("{} ({} – {})", show(v), show(l), show(h)),
            (Some(v), _, _) => show(v),
            _ => "—".into(),
        },
        None => "—".into(),
    }
}

fn units(e: &Explanation, lang: Lang) -> &'static str {
    match (e.model.model.as_str(), lang) {
        ("logistic", Lang::En) => "log-odds of the positive decision",
        ("logistic", Lang::Zh) => "正向决定的对数几率",
        (_, Lang::En) => "score points",
        (_, Lang::Zh) => "评分分值",
    }
}

fn toward(l: &Labels, t: &str) -> String {
    match t {
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
        (Some(true), Lang::Zh) => format!("{col}：是"),
        (Some(false), Lang::Zh) => format!("{col}：否"),
        (None, _) => lang
            .pick("no decision (no threshold)", "无法判定（没有阈值）")
            .into(),
    }
}

fn blocks(e: &Explanation) -> Vec<Block> {
    let lang = e.lang;
    let l = text::labels(lang);
    let mut b = Vec::new();
    let dcol = e
        .outcome
        .decision_column
        .clone()
        .unwrap_or_else(|| lang.pick("the decision", "决定").to_string());
    b.push(Block::Para(l.intro.to_string()));

    // 1. Decision.
    b.push(Block::Heading(l.s_decision.into()));
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
            crate::report::num(Some(s)),
        ]);
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
        let t = crate::report::num(Some(t));
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
    b.push(Block::Table(vec![String::new(), String::new()], rows));

    // 2. Data processed.
    b.push(Block::Heading(l.s_data.into()));
    let rows = e
        .inputs
        .iter()
        .map(|i| {
            let note = match (&i.flag, lang) {
                (Some(f), Lang::En) => format!(
                    "{}: {} ({} {}; {}; {} {})",
                    text::kind_label(lang, &f.kind),
                    f.category_label,
                    l.severity,
                    text::severity(lang, &f.severity),
                    text::used(lang, f.used),
                    l.legal,
                    f.citations.join(", ")
                ),
                (Some(f), Lang::Zh) => format!(
                    "{}：{}（{}：{}；{}；{}：{}）",
                    text::kind_label(lang, &f.kind),
                    f.category_label,
                    l.severity,
                    text::severity(lang, &f.severity),
                    text::used(lang, f.used),
                    l.legal,
                    f.citations.join("、")
                ),
                (None, _) if i.model_role == "constant" => l.constant_input.to_string(),
                (None, _) if i.model_role == "not_usable" => l.not_model_input.to_string(),
                (None, _) => String::new(),
            };
            vec![i.column.clone(), value_or_missing(&i.value, l), note]
        })
        .collect();
    b.push(Block::Table(
        vec![l.column.into(), l.value.into(), l.note.into()],
        rows,
    ));

    // 3. Factors.
    b.push(Block::Heading(l.s_factors.into()));
    let m = &e.model;
    let fid = m.fidelity.as_ref();
    let model_text = match lang {
        Lang::En => format!(
            "The algorithm's inner workings are not available, so Candor fitted a {} to its outputs for the {} workers of the audit{} and measured each input's effect on your result. Effects are exact Shapley values of that model: they add up to your result ({}) minus the result of an average worker ({}), in {}.",
            if m.model == "logistic" {
                "logistic model of the decision"
            } else {
                "linear model of the score"
            },
            e.provenance.rows,
            if m.fit_rows < e.provenance.rows {
                format!(" (fitted on a seeded sample of {})", m.fit_rows)
            } else {
                String::new()
            },
            num(m.output),
            num(m.baseline),
            units(e, lang)
        ),
        Lang::Zh => format!(
            "算法的内部机制无法获得，因此 Candor 针对审计中 {} 名员工的算法输出拟合了一个{}{}，并计算每项输入对你的结果的影响。各项影响是该模型的精确沙普利值：相加等于你的结果（{}）减去平均员工的结果（{}），单位为{}。",
            e.provenance.rows,
            if m.model == "logistic" {
                "关于决定的逻辑回归模型"
            } else {
                "关于评分的线性模型"
            },
            if m.fit_rows < e.provenance.rows {
                format!("（在 {} 人的随机样本上拟合）", m.fit_rows)
            } else {
                String::new()
            },
            num(m.output),
            num(m.baseline),
            units(e, lang)
        ),
    };
    b.push(Block::Para(model_text));
    if let Some(f) = fid {
        let level = match (f.level.as_str(), lang) {
            ("high", Lang::En) => "high: the model reproduces the algorithm's decisions closely",
            ("moderate", Lang::En) => {
                "moderate: the main factors are likely right, details may not be"
            }
            (_, Lang::En) => "low: the explanation may miss the algorithm's real reasons",
            ("high", Lang::Zh) => "高：该模型与算法的决定高度一致",
            ("moderate", Lang::Zh) => "中：主要因素大概率正确，细节未必",
            (_, Lang::Zh) => "低：本说明可能遗漏算法的真正原因",
        };
        let text = match lang {
            Lang::En => format!(
                "How faithful this model is: it gives the same decision as the algorithm for {} of all workers{}{}. Fidelity is {level}.",
                pct(f.agreement),
                match (f.agreement_positive, f.agreement_negative) {
                    (Some(p), Some(q)) => format!(
                        " ({} of the workers with {}, {} of those with {})",
                        pct(p),
                        decision_word(lang, &dcol, Some(true)),
                        pct(q),
                        decision_word(lang, &dcol, Some(false))
                    ),
                    _ => String::new(),
                },
                f.r_squared.map_or_else(String::new, |r| format!(
                    "; it explains {} of the variation in the score (R²)",
                    pct(r)
                ))
            ),
            Lang::Zh => format!(
                "该模型的忠实度：对全部员工，它与算法给出相同决定的比例为 {}{}{}。忠实度为{level}。",
                pct_l(lang, f.agreement),
                match (f.agreement_positive, f.agreement_negative) {
                    (Some(p), Some(q)) => format!(
                        "（{}的员工中为 {}，{}的员工中为 {}）",
                        decision_word(lang, &dcol, Some(true)),
                        pct_l(lang, p),
                        decision_word(lang, &dcol, Some(false)),
                        pct_l(lang, q)
                    ),
                    _ => String::new(),
                },
                f.r_squared.map_or_else(String::new, |r| format!(
                    "；它解释了评分变化的 {}（决定系数）",
                    pct_l(lang, r)
                ))
            ),
        };
        b.push(Block::Para(text));
    }
    if let Some(agrees) = m.agrees_with_real {
        let text = match (agrees, lang) {
            (true, Lang::En) => format!(
                "For you, the model gives the same decision as the algorithm ({}).",
                decision_word(lang, &dcol, m.surrogate_decision_positive)
            ),
            (false, Lang::En) => format!(
                "For you, the model gives a different decision from the algorithm ({}), so the real reasons may differ from those below.",
                decision_word(lang, &dcol, m.surrogate_decision_positive)
            ),
            (true, Lang::Zh) => format!(
                "对你而言，该模型与算法给出相同的决定（{}）。",
                decision_word(lang, &dcol, m.surrogate_decision_positive)
            ),
            (false, Lang::Zh) => format!(
                "对你而言，该模型给出的决定与算法不同（{}），真实原因可能与下列不同。",
                decision_word(lang, &dcol, m.surrogate_decision_positive)
            ),
        };
        b.push(Block::Para(text));
    }
    let rows = e
        .factors
        .iter()
        .filter(|f| f.contribution.abs() >= 0.0005)
        .take(12)
        .map(|f| factor_row(f, l))
        .collect();
    b.push(Block::Table(
        vec![
            l.column.into(),
            l.value.into(),
            format!("{} ({})", l.contribution, units(e, lang)),
            l.toward.into(),
        ],
        rows,
    ));

    // 4. Prohibited inputs.
    b.push(Block::Heading(l.s_prohibited.into()));
    let p = &e.prohibited;
    if p.inputs.is_empty() {
        b.push(Block::Para(l.none_prohibited.into()));
    } else {
        let rows = p.inputs.iter().map(|f| factor_row(f, l)).collect();
        b.push(Block::Table(
            vec![
                l.column.into(),
                l.value.into(),
                format!("{} ({})", l.contribution, units(e, lang)),
                l.toward.into(),
            ],
            rows,
        ));
        let text = match lang {
            Lang::En => format!(
                "Together they moved your result by {} {}. Had they not counted (set to the average worker's values), your result would have been {}, and the model's decision {}: {}.",
                signed(p.total),
                units(e, lang),
                num(p.output_without),
                match p.flips {
                    Some(true) => "would have been different",
                    Some(false) => "would have been the same",
                    None => "cannot be told (no threshold)",
                },
                decision_word(lang, &dcol, p.decision_without_positive)
            ),
            Lang::Zh => format!(
                "这些输入合计使你的结果变化了 {}（{}）。如果不计入它们（设为平均员工的数值），你的结果将是 {}，模型的决定{}：{}。",
                signed(p.total),
                units(e, lang),
                num(p.output_without),
                match p.flips {
                    Some(true) => "会不同",
                    Some(false) => "不会改变",
                    None => "无法判定（没有阈值）",
                },
                decision_word(lang, &dcol, p.decision_without_positive)
            ),
        };
        b.push(Block::Para(text));
        if m.agrees_with_real == Some(false) {
            b.push(Block::Para(
                lang.pick("Caution: the model does not reproduce your real outcome, so this comparison describes the model, not the algorithm.",
                    "注意：该模型未能重现你的实际结果，因此这一比较描述的是模型，而不是算法本身。",
                )
                .into(),
            ));
        }
    }

    // 5. Counterfactual.
    b.push(Block::Heading(l.s_counterfactual.into()));
    match &e.counterfactual {
        None => b.push(Block::Para(l.not_adverse_cf.into())),
        Some(cf) => match cf.status.as_str() {
            "found" => {
                b.push(Block::Para(
                    lang.pick("The smallest change Candor found in the inputs you can act on that changes the model's decision (inputs you cannot change, and prohibited inputs, are left as they are; each input stays within the range seen for most workers):",
                        "Candor 找到的、在你可以采取行动的输入上能改变模型决定的最小改变（你无法改变的输入和禁止使用的输入保持不变；每项输入都在大多数员工的取值范围内）：",
                    )
                    .into(),
                ));
                let rows = cf
                    .changes
                    .iter()
                    .map(|c| vec![c.column.clone(), c.from.clone(), c.to.clone()])
                    .collect();
                b.push(Block::Table(vec![l.column.into(), l.from.into(), l.to.into()], rows));
                let check = match (cf.flips_surrogate, lang) {
                    (true, Lang::En) => "Checked: with these values the model's decision changes.",
                    (false, Lang::En) => "Checked: after rounding to the recorded precision these values do not quite change the model's decision.",
                    (true, Lang::Zh) => "已核验：按这些数值，模型的决定会改变。",
                    (false, Lang::Zh) => "已核验：按记录精度取整后，这些数值尚不足以改变模型的决定。",
                };
                b.push(Block::Para(check.into()));
            }
            "surrogate_disagrees" => b.push(Block::Para(
                lang.pick("The model used to explain the algorithm does not reproduce your outcome, so it cannot say which change would have altered it. Ask the employer for the actual logic (see your rights below).",
                    "用于解释算法的替代模型未能重现你的结果，因此无法说明哪种改变会使结果不同。你可以要求用人单位说明实际逻辑（见下文你的权利）。",
                )
                .into(),
            )),
            "none_within_bounds" => b.push(Block::Para(
                lang.pick("No change found within these limits: no change of the inputs you can act on (each within the range seen for most workers, in its allowed direction, with at most two categories switched) changes the model's decision.",
                    "在这些限制内没有找到这样的改变：在你可以采取行动的输入上（每项都在大多数员工的取值范围内、按允许的方向变化、最多改变两个类别），任何改变都不会改变模型的决定。",
                )
                .into(),
            )),
            "same_for_everyone" => b.push(Block::Para(
                lang.pick("Every worker in the audit received this decision, so no change in your inputs would have altered it.",
                    "审计中的每一名员工都得到了这一决定，因此你的输入无论如何改变都不会改变它。",
                )
                .into(),
            )),
            "found_not_flipping" => b.push(Block::Para(
                lang.pick("A change was found, but rounded to the precision the data is recorded with it does not change the model's decision.",
                    "找到了一个改变，但按数据记录的精度取整后，它不会改变模型的决定。",
                )
                .into(),
            )),
            _ => b.push(Block::Para(
                lang.pick("No input you can act on is used by the model, so no change within your control would alter its decision.",
                    "模型没有使用任何你可以采取行动的输入，因此你能控制的改变都不会改变其决定。",
                )
                .into(),
            )),
        },
    }
    if cfg_bound(e) {
        b.push(Block::Para(
            lang.pick("The search reached its bound before trying every combination; a cheaper change may exist.",
                "搜索在尝试所有组合之前已达到上限；可能存在更小的改变。",
            )
            .into(),
        ));
    }

    // 6. Similar workers.
    b.push(Block::Heading(l.s_similar.into()));
    match &e.similar {
        Some(s) => b.push(Block::Para(match lang {
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
        None => b.push(Block::Para(
            lang.pick("Not available: there is no decision or no legitimate input to compare on.",
                "无法提供：没有决定，或没有可供比较的合法输入。",
            )
            .into(),
        )),
    }

    // 7. Groups.
    b.push(Block::Heading(l.s_groups.into()));
    if e.groups.is_empty() {
        b.push(Block::Para(l.no_groups.into()));
    } else {
        let rows = e
            .groups
            .iter()
            .map(|g| {
                vec![
                    format!("{} = {}", g.attribute, g.group),
                    g.n.map_or_else(|| "—".into(), |n| n.to_string()),
                    figure(g.favorable_rate.as_ref(), true),
                    figure(g.impact_ratio.as_ref(), false),
                    g.reference.clone().unwrap_or_else(|| "—".into()),
                    g.suppressed
                        .clone()
                        .or_else(|| g.verdict_text.clone())
                        .unwrap_or_else(|| "—".into()),
                ]
            })
            .collect();
        b.push(Block::Table(
            vec![
                l.group.into(),
                l.workers.into(),
                l.favorable_rate.into(),
                l.impact_ratio.into(),
                l.reference.into(),
                l.verdict.into(),
            ],
            rows,
        ));
        b.push(Block::Para(
            lang.pick("The favourable rate is the share of the group that got the outcome that does not harm them; the impact ratio divides it by the rate of the group compared with (below 0.8 is the four-fifths rule's warning line).",
                "有利结果率是群体中得到对其无害结果的比例；影响比是该比例除以对照群体的比例（低于 0.8 即触及“五分之四规则”的警戒线）。",
            )
            .into(),
        ));
    }

    // 8. Rights.
    b.push(Block::Heading(l.s_rights.into()));
    if e.rights.is_empty() {
        b.push(Block::Para(l.no_rights.into()));
    } else {
        let rows = e
            .rights
            .iter()
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
                    r.deadline.clone().unwrap_or_else(|| "—".into()),
                    if r.conditions.is_empty() {
                        "—".into()
                    } else {
                        r.conditions.join("; ")
                    },
                ]
            })
            .collect();
        b.push(Block::Table(
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
    b.push(Block::Heading(l.s_challenge.into()));
    if e.challenge.is_empty() {
        b.push(Block::Para(l.no_challenge.into()));
    } else {
        b.push(Block::List(
            e.challenge.iter().map(|c| c.text.clone()).collect(),
        ));
    }

    // 9. Provenance.
    b.push(Block::Heading(l.s_provenance.into()));
    let pv = &e.provenance;
    b.push(Block::Table(
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
    b.push(Block::Para(l.hash_note.into()));
    b
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

fn factor_row(f: &Factor, l: &Labels) -> Vec<String> {
    vec![
        f.column.clone(),
        value_or_missing(&f.value, l),
        signed(f.contribution),
        toward(l, &f.toward),
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
    let mut out = format!("# {}: {}\n\n", l.title, md_cell(&e.subject));
    for block in blocks(e) {
        match block {
            Block::Heading(h) => out.push_str(&format!("## {h}\n\n")),
            Block::Para(p) => out.push_str(&format!("{}\n\n", md_cell(&p))),
            Block::List(items) => {
                for i in items {
                    out.push_str(&format!("- {}\n", md_cell(&i)));
                }
                out.push('\n');
            }
            Block::Table(head, rows) => {
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
    use crate::report::escape;
    let l = text::labels(e.lang);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>{}: {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}: {}</h1>\n",
        e.lang.code(),
        escape(l.title),
        escape(&e.subject),
        escape(l.title),
        escape(&e.subject)
    );
    for block in blocks(e) {
        match block {
            Block::Heading(h) => out.push_str(&format!("<h2>{}</h2>\n", escape(&h))),
            Block::Para(p) => out.push_str(&format!("<p>{}</p>\n", escape(&p))),
            Block::List(items) => {
                out.push_str("<ul>\n");
                for i in items {
                    out.push_str(&format!("<li>{}</li>\n", escape(&i)));
                }
                out.push_str("</ul>\n");
            }
            Block::Table(head, rows) => {
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
