//! Screening: the four layers of evidence combined into one finding per (column, category).
//!
//! Takes plain inputs ([`ScreenInput`]) and returns a [`Screen`]: findings worst first, the
//! ranked proxy table, and the surrogate used for the "use" layer. A column is a
//! `prohibited_input` finding when its name, description or values match a category directly;
//! a `proxy` finding when its name matches a proxy entry or when it predicts a protected
//! attribute strongly (AUC >= 0.70 or association >= 0.30). With a decision or score, each
//! flagged column gets a use test: `used = true` when the likelihood-ratio test is significant
//! after Holm correction across the tested columns and setting the input to its neutral value
//! changes at least one surrogate decision.

use serde::Serialize;

use super::content::{OffHours, ValueMatch, WorkingHours, off_hours_share, sniff_values};
use super::features::Feature;
use super::names::{MatchKind, NameMatch, match_column};
use super::policy::{Category, Pack, RuleQuery, Severity, Stage, resolve};
use super::proxy::{ProxyStat, proxy_stats};
use super::usage::{Surrogate, Target, UsageTest, subsample_indices, usage_tests};
use crate::i18n::Lang;
use crate::metrics::significance::holm;
use crate::tr;

/// AUC from which an input is reported as a proxy.
pub const PROXY_AUC: f64 = 0.70;
/// Association (Cramér's V or correlation ratio) from which an input is reported as a proxy.
pub const PROXY_ASSOCIATION: f64 = 0.30;
/// Rows above which the use layer fits its surrogates on a seeded sample.
pub const USAGE_MAX_ROWS: usize = 200_000;

pub use crate::data::columns::{AttributeCodes, InputColumn};

/// Everything screening needs.
pub struct ScreenInput<'a> {
    pub columns: Vec<InputColumn>,
    pub attributes: Vec<AttributeCodes>,
    /// The decision (preferred) or score, for the use layer.
    pub target: Option<Target<'a>>,
    pub stage: Stage,
    pub packs: Vec<&'a Pack>,
    pub categories: &'a [Category],
    pub hours: WorkingHours,
    pub alpha: f64,
    pub seed: u64,
    /// Retention check: the audit date (`YYYY-MM-DD`; no check without it, since the output
    /// must not depend on the wall clock) and the retention period in days.
    pub as_of: Option<String>,
    pub retention_days: u32,
    /// Disclosure: counts of fewer workers than this are not published.
    pub min_published: u64,
    /// Language of the sentences (`summary`, `usage_note`, legal summaries and citations).
    pub lang: Lang,
}

/// A legal source behind a finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegalSource {
    pub pack: String,
    pub jurisdiction: String,
    /// In the report's language where the pack gives it (Chinese law in Chinese), else as the
    /// pack writes it.
    pub citation: String,
    pub severity: String,
    /// The pack's paraphrase, in the report's language.
    pub summary: String,
}

/// The evidence of each layer for one finding.
/// Workers whose value exceeds a numeric limit the law sets (e.g. overtime above 36 hours a
/// month).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverLimit {
    pub amount: f64,
    /// `hours_per_day`, `hours_per_week` or `hours_per_month`.
    pub unit: String,
    /// The limit in words, in the report's language.
    pub what: String,
    /// Workers above the limit (None when fewer than the disclosure setting allows).
    pub workers: Option<u64>,
    pub share: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Evidence {
    pub name: Vec<NameMatch>,
    pub content: Vec<ValueMatch>,
    pub off_hours: Option<OffHours>,
    pub over_limit: Option<OverLimit>,
    pub usage: Option<UsageTest>,
    /// The use test's p-value after Holm correction across the tested columns.
    pub usage_p_adjusted: Option<f64>,
    pub proxy: Vec<ProxyStat>,
}

/// One input the law restricts (or that stands in for a protected attribute).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputFinding {
    /// `prohibited_input` or `proxy`.
    pub kind: String,
    pub column: String,
    pub category: String,
    pub category_label_en: String,
    pub category_label_zh: String,
    /// `block`, `high`, `medium` or `review` (the worst over the selected packs).
    pub severity: String,
    pub stage: String,
    pub legal_sources: Vec<LegalSource>,
    /// Whether the algorithm relies on the input; None without a decision or score.
    pub used: Option<bool>,
    pub evidence: Evidence,
    /// One sentence in plain language, in the report's language.
    pub summary: String,
}

/// The screening result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Screen {
    pub findings: Vec<InputFinding>,
    /// Every (input, attribute) association, strongest first.
    pub proxies: Vec<ProxyStat>,
    pub surrogate: Option<Surrogate>,
    /// Why the use layer did not run, when it did not (in the report's language).
    pub usage_note: Option<String>,
}

fn category<'a>(cats: &'a [Category], id: &str) -> Option<&'a Category> {
    cats.iter().find(|c| c.id == id)
}

/// The category a protected attribute column stands for (by its name), e.g. hukou ->
/// hukou_origin.
pub fn attribute_category(name: &str, cats: &[Category]) -> Option<String> {
    match_column(name, None, cats)
        .into_iter()
        .filter(|m| m.kind == MatchKind::Direct)
        .max_by(|a, b| a.confidence.total_cmp(&b.confidence))
        .map(|m| m.category)
}

fn sources(
    packs: &[&Pack],
    category: &str,
    stage: Stage,
    via_proxy: Option<&str>,
    lang: Lang,
) -> (
    Option<Severity>,
    Vec<LegalSource>,
    Vec<super::policy::Limit>,
) {
    let r = resolve(
        packs,
        &RuleQuery {
            category,
            stage,
            flags: &[],
            via_proxy,
        },
    );
    let list = r
        .applicable
        .iter()
        .map(|a| LegalSource {
            pack: a.pack.to_string(),
            jurisdiction: a.jurisdiction.to_string(),
            citation: match (lang, &a.rule.citation_zh) {
                (Lang::Zh, Some(c)) => c.clone(),
                _ => a.rule.citation.clone(),
            },
            severity: a.severity.as_str().to_string(),
            summary: lang
                .pick(&a.rule.summary_en, &a.rule.summary_zh)
                .to_string(),
        })
        .collect();
    let limits = r
        .applicable
        .iter()
        .flat_map(|a| a.rule.limits.iter().cloned())
        .collect();
    (r.severity, list, limits)
}

fn severity_rank(s: &str) -> u8 {
    match s {
        "block" => 4,
        "high" => 3,
        "medium" => 2,
        _ => 1,
    }
}

/// A (column, category) pair under consideration.
struct Candidate {
    col: usize,
    category: String,
    kind: &'static str,
    via_proxy: Option<String>,
    evidence: Evidence,
}

/// The index of the candidate for (column, category), added if new. A direct match upgrades a
/// proxy candidate.
fn add(
    cands: &mut Vec<Candidate>,
    col: usize,
    category: &str,
    kind: &'static str,
    via: Option<String>,
) -> usize {
    if let Some(k) = cands
        .iter()
        .position(|x| x.col == col && x.category == category)
    {
        if kind == "prohibited_input" {
            cands[k].kind = kind;
            cands[k].via_proxy = None;
        }
        return k;
    }
    cands.push(Candidate {
        col,
        category: category.to_string(),
        kind,
        via_proxy: via,
        evidence: Evidence::default(),
    });
    cands.len() - 1
}

/// Runs the layers and combines them.
pub fn screen(input: &ScreenInput) -> Screen {
    let cats = input.categories;
    // Layer d: proxies, for every input against every attribute.
    let mut proxies: Vec<ProxyStat> = Vec::new();
    for c in &input.columns {
        let Some(f) = &c.feature else { continue };
        if input.attributes.iter().any(|a| a.name == c.name) {
            continue;
        }
        for a in &input.attributes {
            if let Some(p) = proxy_stats(f, &a.name, &a.levels, &a.codes) {
                proxies.push(p);
            }
        }
    }
    proxies.sort_by(|a, b| {
        let key = |p: &ProxyStat| p.auc.unwrap_or(0.5).max(0.5 + p.association / 2.0);
        key(b)
            .total_cmp(&key(a))
            .then(a.column.cmp(&b.column))
            .then(a.attribute.cmp(&b.attribute))
    });

    // The category each protected attribute stands for (by its name), computed once.
    let attr_cat: Vec<(String, Option<String>)> = input
        .attributes
        .iter()
        .map(|a| (a.name.clone(), attribute_category(&a.name, cats)))
        .collect();
    let cat_of = |attribute: &str| {
        attr_cat
            .iter()
            .find(|(a, _)| a == attribute)
            .and_then(|(_, c)| c.clone())
    };

    // Layers a and b: candidates per (column, category).
    let mut cands: Vec<Candidate> = Vec::new();
    for (i, c) in input.columns.iter().enumerate() {
        let names = match_column(&c.name, c.description.as_deref(), cats);
        let content = sniff_values(&c.values, cats);
        let off = off_hours_share(&c.values, &input.hours)
            .filter(|o| o.parsed_rows * 2 >= o.parsed_rows + o.unparsable_rows);
        for m in names {
            let kind = if m.kind == MatchKind::Direct {
                "prohibited_input"
            } else {
                "proxy"
            };
            let k = add(
                &mut cands,
                i,
                &m.category,
                kind,
                m.proxy.clone().filter(|_| m.kind == MatchKind::Proxy),
            );
            cands[k].evidence.name.push(m);
        }
        for v in content {
            let k = add(&mut cands, i, &v.category, "prohibited_input", None);
            cands[k].evidence.content.push(v);
        }
        if let Some(o) = off.filter(|o| o.off_hours_rows > 0) {
            let k = add(
                &mut cands,
                i,
                "off_hours_private_life",
                "prohibited_input",
                None,
            );
            cands[k].evidence.off_hours = Some(o);
        }
        // Strong data proxies.
        for p in proxies.iter().filter(|p| p.column == c.name) {
            let strong =
                p.auc.is_some_and(|a| a >= PROXY_AUC) || p.association >= PROXY_ASSOCIATION;
            if !strong {
                continue;
            }
            if let Some(cat) = cat_of(&p.attribute) {
                let k = add(&mut cands, i, &cat, "proxy", None);
                cands[k].evidence.proxy.push(p.clone());
            }
        }
    }
    // Attach the proxy statistics of flagged proxy columns against their attribute.
    for cand in cands
        .iter_mut()
        .filter(|c| c.kind == "proxy" && c.evidence.proxy.is_empty())
    {
        let col = &input.columns[cand.col].name;
        cand.evidence.proxy = proxies
            .iter()
            .filter(|p| {
                &p.column == col && cat_of(&p.attribute).as_deref() == Some(cand.category.as_str())
            })
            .cloned()
            .collect();
    }

    // Proxy findings need support. A column already flagged directly keeps only that finding
    // (its associations stay in the proxy table). A proxy the data can test (an attribute of
    // that category is present) is kept only when the data confirms it; a column that is not
    // named like a proxy must be a near-substitute (AUC >= 0.85 or association >= 0.5). An
    // untestable name-only proxy is kept once per column, and only when nothing is confirmed.
    let strong =
        |p: &ProxyStat| p.auc.is_some_and(|a| a >= PROXY_AUC) || p.association >= PROXY_ASSOCIATION;
    let very_strong = |p: &ProxyStat| p.auc.is_some_and(|a| a >= 0.85) || p.association >= 0.5;
    let attr_cats: Vec<String> = attr_cat.iter().filter_map(|(_, c)| c.clone()).collect();
    let direct: Vec<usize> = cands
        .iter()
        .filter(|c| c.kind == "prohibited_input")
        .map(|c| c.col)
        .collect();
    cands.retain(|c| {
        if c.kind != "proxy" {
            return true;
        }
        if direct.contains(&c.col) {
            return false;
        }
        let named = !c.evidence.name.is_empty();
        if attr_cats.contains(&c.category) {
            if named {
                c.evidence.proxy.iter().any(strong)
            } else {
                c.evidence.proxy.iter().any(very_strong)
            }
        } else {
            named
        }
    });
    let confirmed: Vec<usize> = cands
        .iter()
        .filter(|c| c.kind == "proxy" && attr_cats.contains(&c.category))
        .map(|c| c.col)
        .collect();
    let mut kept_untested: Vec<usize> = Vec::new();
    // Untested name-only proxies: the most confident one per column.
    let mut order: Vec<usize> = (0..cands.len()).collect();
    let conf = |c: &Candidate| {
        c.evidence
            .name
            .iter()
            .map(|m| m.confidence)
            .fold(0.0, f64::max)
    };
    order.sort_by(|&a, &b| conf(&cands[b]).total_cmp(&conf(&cands[a])).then(a.cmp(&b)));
    let mut keep = vec![true; cands.len()];
    // The other categories an untested proxy column may stand for, named in its summary.
    let mut also: Vec<(usize, String)> = Vec::new();
    for i in order {
        let c = &cands[i];
        if c.kind == "proxy" && !attr_cats.contains(&c.category) {
            if confirmed.contains(&c.col) {
                keep[i] = false;
            } else if kept_untested.contains(&c.col) {
                keep[i] = false;
                let label = category(cats, &c.category).map_or(c.category.clone(), |k| {
                    input.lang.pick(&k.label_en, &k.label_zh).to_lowercase()
                });
                also.push((c.col, label));
            } else {
                kept_untested.push(c.col);
            }
        }
    }
    let mut k = 0;
    cands.retain(|_| {
        k += 1;
        keep[k - 1]
    });

    // Layer c: use.
    let mut surrogate = None;
    let mut usage_note = None;
    let mut used_by_col: Vec<Option<(UsageTest, f64)>> = vec![None; input.columns.len()];
    if let Some(target) = &input.target {
        let feats: Vec<(usize, &Feature)> = input
            .columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.feature.as_ref().map(|f| (i, f)))
            .collect();
        let n = match target {
            Target::Binary(v) => v.len(),
            Target::Continuous(v) => v.len(),
        };
        let idx = (n > USAGE_MAX_ROWS).then(|| subsample_indices(n, USAGE_MAX_ROWS, input.seed));
        let features: Vec<Feature> = feats
            .iter()
            .map(|(_, f)| match &idx {
                Some(ix) => f.take(ix).unwrap_or_else(|| (*f).clone()),
                None => (*f).clone(),
            })
            .collect();
        let flagged: Vec<usize> = feats
            .iter()
            .enumerate()
            .filter(|(_, (i, _))| cands.iter().any(|c| c.col == *i))
            .map(|(k, _)| k)
            .collect();
        let (bin, cont): (Vec<bool>, Vec<f64>);
        let t = match (target, &idx) {
            (Target::Binary(v), Some(ix)) => {
                bin = ix.iter().map(|&i| v[i]).collect();
                Target::Binary(&bin)
            }
            (Target::Continuous(v), Some(ix)) => {
                cont = ix.iter().map(|&i| v[i]).collect();
                Target::Continuous(&cont)
            }
            (Target::Binary(v), None) => Target::Binary(v),
            (Target::Continuous(v), None) => Target::Continuous(v),
        };
        if flagged.is_empty() {
            usage_note = Some(
                input
                    .lang
                    .pick("no flagged input to test", "没有需要检验的被标记输入")
                    .into(),
            );
        } else {
            match usage_tests(t, &features, &flagged) {
                Ok((s, tests)) => {
                    let p: Vec<f64> = tests.iter().map(|t| t.p_value).collect();
                    let adj = holm(&p);
                    for ((k, test), pa) in flagged.iter().zip(tests).zip(adj) {
                        used_by_col[feats[*k].0] = Some((test, pa));
                    }
                    if idx.is_some() {
                        usage_note = Some(tr!(
                            input.lang,
                            "surrogates fitted on a seeded sample of {USAGE_MAX_ROWS} rows",
                            "替代模型在按固定随机种子抽取的 {USAGE_MAX_ROWS} 行样本上拟合"
                        ));
                    }
                    surrogate = Some(s);
                }
                Err(e) => {
                    usage_note = Some(tr!(
                        input.lang,
                        "the use layer could not run: {e}",
                        "使用检验未能运行：{e}"
                    ))
                }
            }
        }
    } else {
        usage_note = Some(
            input
                .lang
                .pick(
                    "no decision or score: the use layer needs one (run `candor audit`)",
                    "没有决定列或分数列：使用检验需要其中之一（请运行 `candor audit`）",
                )
                .into(),
        );
    }

    let mut findings: Vec<InputFinding> = cands
        .into_iter()
        .map(|mut c| {
            let col = &input.columns[c.col];
            let lang = input.lang;
            let (sev, legal, limits) = sources(&input.packs, &c.category, input.stage, c.via_proxy.as_deref(), lang);
            c.evidence.over_limit = over_limit(col, &limits, input.min_published, lang);
            let cat = category(cats, &c.category);
            let severity = sev
                .or_else(|| cat.map(|k| if c.kind == "proxy" { Severity::Review } else { k.default_severity }))
                .unwrap_or(Severity::Review)
                .as_str()
                .to_string();
            let used = used_by_col[c.col].as_ref().map(|(t, pa)| *pa < input.alpha && t.decisions_changed > 0);
            if let Some((t, pa)) = &used_by_col[c.col] {
                c.evidence.usage = Some(t.clone());
                c.evidence.usage_p_adjusted = Some(*pa);
            }
            let label = cat.map_or(c.category.clone(), |k| k.label_en.clone());
            let label_text = cat
                .map_or(c.category.clone(), |k| lang.pick(&k.label_en, &k.label_zh).to_string())
                .to_lowercase();
            let name = lang.quote(&col.name);
            let untested = c.kind == "proxy" && c.evidence.proxy.is_empty();
            let what = if untested {
                let others: Vec<&str> = also
                    .iter()
                    .filter(|(k, _)| *k == c.col)
                    .map(|(_, l)| l.as_str())
                    .collect();
                let others = if others.is_empty() {
                    String::new()
                } else {
                    tr!(lang, " or {}", "或{}", others.join(lang.pick(", ", "、")))
                };
                tr!(
                    lang,
                    "{name} may stand in for {label_text}{others} (named like a known proxy; no attribute in the data to test it)",
                    "{name}可能是{label_text}{others}的替代变量（其名称与已知替代变量相似；数据中没有相应属性可供检验）"
                )
            } else if c.kind == "proxy" {
                let p = c.evidence.proxy.iter().map(|p| p.auc.unwrap_or(0.5)).fold(0.5, f64::max);
                tr!(
                    lang,
                    "{name} stands in for {label_text} (it predicts the group with AUC {p:.2})",
                    "{name}是{label_text}的替代变量（用它预测所属群体的 AUC 为 {p:.2}）"
                )
            } else {
                tr!(lang, "{name} holds {label_text}", "{name}包含{label_text}")
            };
            let use_text = match (&used, &c.evidence.usage) {
                (Some(true), Some(t)) => {
                    let (k, n, p) = (t.decisions_changed, t.n, crate::i18n::fmt_p_eq(t.p_value));
                    tr!(
                        lang,
                        "; the algorithm relies on it: setting it to a neutral value changes {k} of {n} surrogate decisions (likelihood-ratio test, p {p})",
                        "；算法依赖该输入：将其设为中性值后，替代模型的 {n} 个决定中有 {k} 个改变（似然比检验，p {p}）"
                    )
                }
                (Some(false), _) => lang
                    .pick(
                        "; present, but the algorithm does not measurably rely on it",
                        "；该输入存在，但未测出算法依赖它",
                    )
                    .into(),
                _ => String::new(),
            };
            let cite = legal
                .first()
                .map(|l| tr!(lang, " ({})", "（{}）", l.citation))
                .unwrap_or_default();
            let limit_text = c.evidence.over_limit.as_ref().map_or_else(String::new, |o| {
                let what = &o.what;
                match (o.workers, o.share) {
                    (Some(k), Some(sh)) => {
                        let sh = format!("{:.1}", sh * 100.0);
                        tr!(lang, "; {k} workers ({sh} %) are above the legal limit: {what}", "；有 {k} 名劳动者（{sh}%）超出法定上限：{what}")
                    }
                    _ => {
                        let min = input.min_published;
                        tr!(lang, "; fewer than {min} workers are above the legal limit: {what}", "；超出法定上限（{what}）的劳动者少于 {min} 人")
                    }
                }
            });
            InputFinding {
                kind: c.kind.to_string(),
                column: col.name.clone(),
                category: c.category.clone(),
                category_label_en: label,
                category_label_zh: cat.map_or(String::new(), |k| k.label_zh.clone()),
                severity: severity.clone(),
                stage: input.stage.as_str().to_string(),
                legal_sources: legal,
                used,
                evidence: c.evidence,
                summary: format!("{what}{cite}{use_text}{limit_text}"),
            }
        })
        .collect();
    // Worst first: used before unused, then severity, direct before proxy, then names.
    findings.extend(principles(input));
    findings.sort_by(|a, b| {
        let u = |f: &InputFinding| match f.used {
            Some(true) => 2,
            None => 1,
            Some(false) => 0,
        };
        u(b).cmp(&u(a))
            .then(severity_rank(&b.severity).cmp(&severity_rank(&a.severity)))
            .then((a.kind == "proxy").cmp(&(b.kind == "proxy")))
            .then(a.column.cmp(&b.column))
            .then(a.category.cmp(&b.category))
    });
    Screen {
        findings,
        proxies,
        surrogate,
        usage_note,
    }
}

/// Workers above a limit the law sets, when the column is recorded in the limit's unit.
fn over_limit(
    col: &InputColumn,
    limits: &[super::policy::Limit],
    min_published: u64,
    lang: Lang,
) -> Option<OverLimit> {
    let values = match col.feature.as_ref().map(|f| &f.values) {
        Some(super::features::FeatureValues::Numeric(v)) => v,
        _ => return None,
    };
    let limit = limits
        .iter()
        .find(|l| l.unit.matches_column(&col.name, col.description.as_deref()))?;
    let n = values.iter().flatten().count() as u64;
    let above = values
        .iter()
        .flatten()
        .filter(|v| **v > limit.amount)
        .count() as u64;
    let unit = serde_json::to_value(limit.unit)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let shown = above >= min_published.max(1) || above == 0;
    Some(OverLimit {
        amount: limit.amount,
        unit,
        what: lang.pick(&limit.what_en, &limit.what_zh).to_string(),
        workers: shown.then_some(above),
        share: (shown && n > 0).then(|| above as f64 / n as f64),
    })
}

/// Purposes compatible with a decision about a worker's employment (English and Chinese).
const HR_PURPOSES: &[&str] = &[
    "performance",
    "evaluation",
    "appraisal",
    "assessment",
    "human resources",
    "hr",
    "personnel",
    "employment",
    "promotion",
    "discipline",
    "termination",
    "hiring",
    "recruitment",
    "workforce",
    "productivity",
    "scheduling",
    "绩效",
    "考核",
    "评估",
    "人事",
    "人力资源",
    "用工",
    "招聘",
    "晋升",
    "排班",
    "劳动管理",
];

fn hr_compatible(purpose: &str) -> bool {
    let lower = purpose.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    HR_PURPOSES.iter().any(|p| {
        if p.is_ascii() {
            if p.contains(' ') {
                lower.contains(p)
            } else {
                tokens.contains(p)
            }
        } else {
            purpose.contains(p)
        }
    })
}

fn principle_finding(
    col: &InputColumn,
    kind: &str,
    label: &str,
    label_zh: &str,
    sources: &[(&str, &str)],
    stage: Stage,
    summary: String,
) -> InputFinding {
    InputFinding {
        kind: kind.to_string(),
        column: col.name.clone(),
        category: kind.to_string(),
        category_label_en: label.to_string(),
        category_label_zh: label_zh.to_string(),
        severity: "medium".into(),
        stage: stage.as_str().to_string(),
        legal_sources: sources
            .iter()
            .map(|(j, c)| LegalSource {
                pack: String::new(),
                jurisdiction: (*j).to_string(),
                citation: (*c).to_string(),
                severity: "medium".into(),
                summary: String::new(),
            })
            .collect(),
        used: None,
        evidence: Evidence::default(),
        summary,
    }
}

/// Purpose limitation and retention, from the data dictionary: an input collected for another
/// purpose (epidemic control, site security, payroll) used in an HR decision; data older than
/// the retention period.
fn principles(input: &ScreenInput) -> Vec<InputFinding> {
    let mut out = Vec::new();
    let lang = input.lang;
    let as_of = input.as_of.as_deref().and_then(crate::dates::parse_date);
    for c in &input.columns {
        let name = lang.quote(&c.name);
        if let Some(p) = c
            .purpose
            .as_deref()
            .filter(|p| !p.trim().is_empty() && !hr_compatible(p))
        {
            out.push(principle_finding(
                c,
                "purpose_limitation",
                "Purpose limitation",
                "目的限制",
                &[
                    ("CN", lang.pick("PIPL Art. 6", "《个人信息保护法》第六条")),
                    ("EU", "GDPR Art. 5(1)(b)"),
                ],
                input.stage,
                {
                    let purpose = lang.quote(p);
                    tr!(
                        lang,
                        "{name} was collected for {purpose}, not for decisions about workers; using it in this decision goes beyond the purpose it was collected for",
                        "{name}是为{purpose}而收集的，并非用于对劳动者作出决定；将其用于本决定超出了收集时的目的"
                    )
                },
            ));
        }
        if let (Some(now), Some(old)) = (
            as_of,
            c.oldest_record
                .as_deref()
                .and_then(crate::dates::parse_date),
        ) {
            let age = now - old;
            if age > i64::from(input.retention_days) {
                out.push(principle_finding(
                    c,
                    "retention",
                    "Storage limitation (retention period)",
                    "存储期限",
                        &[
                        ("CN", lang.pick("PIPL Art. 19", "《个人信息保护法》第十九条")),
                        ("EU", "GDPR Art. 5(1)(e)"),
                    ],
                    input.stage,
                    {
                        let oldest = c.oldest_record.as_deref().unwrap_or_default();
                        let days = input.retention_days;
                        tr!(
                            lang,
                            "{name} draws on records {age} days old (oldest {oldest}), beyond the retention period of {days} days",
                            "{name}使用了 {age} 天前的记录（最早为 {oldest}），超过 {days} 天的保存期限"
                        )
                    },
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_days() {
        assert_eq!(crate::dates::parse_date("1970-01-01"), Some(0));
        assert_eq!(crate::dates::parse_date("2000-03-01"), Some(11_017));
        // 2026-11-23 minus 2026-05-27 = 180 days.
        let d = crate::dates::parse_date("2026-11-23").unwrap()
            - crate::dates::parse_date("2026-05-27").unwrap();
        assert_eq!(d, 180);
        assert_eq!(crate::dates::parse_date("2026-13-01"), None);
    }

    #[test]
    fn purposes() {
        assert!(hr_compatible("performance evaluation"));
        assert!(hr_compatible("绩效考核"));
        assert!(!hr_compatible("epidemic control"));
        assert!(!hr_compatible("site security (access badges)"));
        assert!(!hr_compatible("防疫"));
        assert!(!hr_compatible("payroll"));
    }
}
