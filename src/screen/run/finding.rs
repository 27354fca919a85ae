//! A candidate's finding: legal sources, severity, limits, and its summary sentence.

use super::layers::{Candidate, category};
use super::types::{InputColumn, InputFinding, LegalSource, OverLimit, ScreenInput};
use crate::i18n::Lang;
use crate::screen::policy::{Pack, RuleQuery, Severity, Stage, resolve};
use crate::screen::usage::UsageTest;
use crate::tr;

fn sources(
    packs: &[&Pack],
    category: &str,
    stage: Stage,
    via_proxy: Option<&str>,
    lang: Lang,
) -> (
    Option<Severity>,
    Vec<LegalSource>,
    Vec<crate::screen::policy::Limit>,
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

/// The finding of one candidate: its legal sources, severity, use test and summary sentence.
pub(super) fn finding(
    input: &ScreenInput,
    mut c: Candidate,
    used_by_col: &[Option<(UsageTest, f64)>],
    also: &[(usize, String)],
) -> InputFinding {
    let cats = input.categories;
    let col = &input.columns[c.col];
    let lang = input.lang;
    let (sev, legal, limits) = sources(
        &input.packs,
        &c.category,
        input.stage,
        c.via_proxy.as_deref(),
        lang,
    );
    c.evidence.over_limit = over_limit(col, &limits, input.min_published, lang);
    let cat = category(cats, &c.category);
    let severity = sev
        .or_else(|| {
            cat.map(|k| {
                if c.kind == "proxy" {
                    Severity::Review
                } else {
                    k.default_severity
                }
            })
        })
        .unwrap_or(Severity::Review)
        .as_str()
        .to_string();
    let used = used_by_col[c.col]
        .as_ref()
        .map(|(t, pa)| *pa < input.alpha && t.decisions_changed > 0);
    if let Some((t, pa)) = &used_by_col[c.col] {
        c.evidence.usage = Some(t.clone());
        c.evidence.usage_p_adjusted = Some(*pa);
    }
    let label = cat.map_or(c.category.clone(), |k| k.label_en.clone());
    let label_text = cat
        .map_or(c.category.clone(), |k| {
            lang.pick(&k.label_en, &k.label_zh).to_string()
        })
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
        let p = c
            .evidence
            .proxy
            .iter()
            .map(|p| p.auc.unwrap_or(0.5))
            .fold(0.5, f64::max);
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
    let limit_text = c
        .evidence
        .over_limit
        .as_ref()
        .map_or_else(String::new, |o| {
            let what = &o.what;
            match (o.workers, o.share) {
                (Some(k), Some(sh)) => {
                    let sh = format!("{:.1}", sh * 100.0);
                    tr!(
                        lang,
                        "; {k} workers ({sh} %) are above the legal limit: {what}",
                        "；有 {k} 名劳动者（{sh}%）超出法定上限：{what}"
                    )
                }
                _ => {
                    let min = input.min_published;
                    tr!(
                        lang,
                        "; fewer than {min} workers are above the legal limit: {what}",
                        "；超出法定上限（{what}）的劳动者少于 {min} 人"
                    )
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
}

/// Worst first: used before unused, then severity, direct before proxy, then names.
pub(super) fn sort_findings(findings: &mut [InputFinding]) {
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
}

/// Workers above a limit the law sets, when the column is recorded in the limit's unit.
fn over_limit(
    col: &InputColumn,
    limits: &[crate::screen::policy::Limit],
    min_published: u64,
    lang: Lang,
) -> Option<OverLimit> {
    let values = match col.feature.as_ref().map(|f| &f.values) {
        Some(crate::screen::features::FeatureValues::Numeric(v)) => v,
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
