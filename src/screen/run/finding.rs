//! A candidate's finding: legal sources, severity, limits, and its summary sentence.

use super::layers::{Candidate, category};
use super::types::{InputColumn, InputFinding, LegalSource, OverLimit, ScreenInput};
use crate::i18n::Lang;
use crate::screen::policy::{Pack, RuleQuery, Severity, Stage, resolve};
use crate::screen::usage::UsageTest;
use crate::t;
use crate::ts;

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
            citation: a.rule.cite().get(lang).to_string(),
            severity: a.severity.as_str().to_string(),
            summary: a.rule.summary().get(lang).to_string(),
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
        .map_or(c.category.clone(), |k| k.label().get(lang).to_string())
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
            t!(
                lang,
                "screen.finding.or_others",
                others = others.join(lang.catalogue().list_separator())
            )
        };
        t!(
            lang,
            "screen.finding.may_stand_named_like_known",
            name,
            label_text,
            others
        )
    } else if c.kind == "proxy" {
        let p = c
            .evidence
            .proxy
            .iter()
            .map(|p| p.auc.unwrap_or(0.5))
            .fold(0.5, f64::max);
        t!(
            lang,
            "screen.finding.stands_predicts_group_auc",
            name,
            label_text,
            p = format!("{:.2}", p)
        )
    } else {
        t!(lang, "screen.finding.holds", name, label_text)
    };
    let use_text = match (&used, &c.evidence.usage) {
        (Some(true), Some(t)) => {
            let (k, n, p) = (t.decisions_changed, t.n, crate::i18n::fmt_p_eq(t.p_value));
            t!(
                lang,
                "screen.finding.algorithm_relies_setting_neutral_value",
                k,
                n,
                p
            )
        }
        (Some(false), _) => ts!(lang, "screen.finding.present_but_algorithm_does_not").into(),
        _ => String::new(),
    };
    let cite = legal
        .first()
        .map(|l| t!(lang, "screen.finding.paren_citation", citation = l.citation))
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
                    t!(
                        lang,
                        "screen.finding.workers_above_legal_limit",
                        k,
                        sh,
                        what
                    )
                }
                _ => {
                    let min = input.min_published;
                    t!(
                        lang,
                        "screen.finding.fewer_than_workers_above_legal",
                        min,
                        what
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
        what: limit.what().get(lang).to_string(),
        workers: shown.then_some(above),
        share: (shown && n > 0).then(|| above as f64 / n as f64),
    })
}
