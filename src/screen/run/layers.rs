//! The layers run in turn: proxies (d), names, values and timestamps (a, b), the support
//! proxy findings need, and use (c); then one finding per candidate.

use super::finding::{finding, sort_findings};
use super::principles::principles;
use super::types::{
    Evidence, InputFinding, PROXY_ASSOCIATION, PROXY_AUC, Screen, ScreenInput, USAGE_MAX_ROWS,
};
use crate::metrics::significance::holm;
use crate::screen::content::{off_hours_share, sniff_values};
use crate::screen::features::Feature;
use crate::screen::names::{MatchKind, match_column};
use crate::screen::policy::Category;
use crate::screen::proxy::{ProxyStat, proxy_stats};
use crate::screen::usage::{Surrogate, UsageTest, UseTarget, subsample_indices, usage_tests};
use crate::t;
use crate::ts;

pub(super) fn category<'a>(cats: &'a [Category], id: &str) -> Option<&'a Category> {
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

/// A (column, category) pair under consideration.
pub(super) struct Candidate {
    pub(super) col: usize,
    pub(super) category: String,
    pub(super) kind: &'static str,
    pub(super) via_proxy: Option<String>,
    pub(super) evidence: Evidence,
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
    let proxies = proxy_layer(input);
    // The category each protected attribute stands for (by its name), computed once.
    let attr_cat: Vec<(String, Option<String>)> = input
        .attributes
        .iter()
        .map(|a| {
            (
                a.name.clone(),
                attribute_category(&a.name, input.categories),
            )
        })
        .collect();
    let mut cands = candidates(input, &proxies, &attr_cat);
    let also = support_proxies(input, &mut cands, &attr_cat);
    let usage = use_layer(input, &cands);
    let mut findings: Vec<InputFinding> = cands
        .into_iter()
        .map(|c| finding(input, c, &usage.used_by_col, &also))
        .collect();
    findings.extend(principles(input));
    sort_findings(&mut findings);
    Screen {
        findings,
        proxies,
        surrogate: usage.surrogate,
        usage_note: usage.note,
    }
}

/// Layer d: proxies, for every input against every attribute, strongest first.
fn proxy_layer(input: &ScreenInput) -> Vec<ProxyStat> {
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
    proxies
}

/// The category the protected attribute `attribute` stands for, from `attr_cat`.
fn category_of(attr_cat: &[(String, Option<String>)], attribute: &str) -> Option<String> {
    attr_cat
        .iter()
        .find(|(a, _)| a == attribute)
        .and_then(|(_, c)| c.clone())
}

/// Layers a and b (names, descriptions, values, off-hours timestamps) and the strong data
/// proxies: candidates per (column, category). Flagged proxy columns get their statistics
/// against an attribute of their category.
fn candidates(
    input: &ScreenInput,
    proxies: &[ProxyStat],
    attr_cat: &[(String, Option<String>)],
) -> Vec<Candidate> {
    let cats = input.categories;
    let cat_of = |attribute: &str| category_of(attr_cat, attribute);
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
    cands
}

/// Proxy findings need support. A column already flagged directly keeps only that finding
/// (its associations stay in the proxy table). A proxy the data can test (an attribute of
/// that category is present) is kept only when the data confirms it; a column that is not
/// named like a proxy must be a near-substitute (AUC >= 0.85 or association >= 0.5). An
/// untestable name-only proxy is kept once per column, and only when nothing is confirmed.
///
/// Returns the other categories an untested proxy column may stand for, named in its summary.
fn support_proxies(
    input: &ScreenInput,
    cands: &mut Vec<Candidate>,
    attr_cat: &[(String, Option<String>)],
) -> Vec<(usize, String)> {
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
    let mut also: Vec<(usize, String)> = Vec::new();
    for i in order {
        let c = &cands[i];
        if c.kind == "proxy" && !attr_cats.contains(&c.category) {
            if confirmed.contains(&c.col) {
                keep[i] = false;
            } else if kept_untested.contains(&c.col) {
                keep[i] = false;
                let label = category(input.categories, &c.category)
                    .map_or(c.category.clone(), |k| {
                        k.label().get(input.lang).to_lowercase()
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
    also
}

/// What the use layer gives the findings.
struct UseOutcome {
    surrogate: Option<Surrogate>,
    /// Why the use layer did not run, or that it ran on a sample.
    note: Option<String>,
    /// Per input column: its use test and Holm-adjusted p-value, when it was tested.
    used_by_col: Vec<Option<(UsageTest, f64)>>,
}

/// Layer c: use. The flagged columns are tested against the decision or score (on a seeded
/// sample above [`USAGE_MAX_ROWS`] rows), with Holm correction across them.
fn use_layer(input: &ScreenInput, cands: &[Candidate]) -> UseOutcome {
    let mut out = UseOutcome {
        surrogate: None,
        note: None,
        used_by_col: vec![None; input.columns.len()],
    };
    let Some(target) = &input.target else {
        out.note = Some(ts!(input.lang, "screen.layers.no_decision_score_use_layer").into());
        return out;
    };
    let feats: Vec<(usize, &Feature)> = input
        .columns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.feature.as_ref().map(|f| (i, f)))
        .collect();
    let n = match target {
        UseTarget::Binary(v) => v.len(),
        UseTarget::Continuous(v) => v.len(),
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
        (UseTarget::Binary(v), Some(ix)) => {
            bin = ix.iter().map(|&i| v[i]).collect();
            UseTarget::Binary(&bin)
        }
        (UseTarget::Continuous(v), Some(ix)) => {
            cont = ix.iter().map(|&i| v[i]).collect();
            UseTarget::Continuous(&cont)
        }
        (UseTarget::Binary(v), None) => UseTarget::Binary(v),
        (UseTarget::Continuous(v), None) => UseTarget::Continuous(v),
    };
    if flagged.is_empty() {
        out.note = Some(ts!(input.lang, "screen.layers.no_flagged_input_test").into());
        return out;
    }
    match usage_tests(t, &features, &flagged) {
        Ok((s, tests)) => {
            let p: Vec<f64> = tests.iter().map(|t| t.p_value).collect();
            let adj = holm(&p);
            for ((k, test), pa) in flagged.iter().zip(tests).zip(adj) {
                out.used_by_col[feats[*k].0] = Some((test, pa));
            }
            if idx.is_some() {
                out.note = Some(t!(
                    input.lang,
                    "screen.layers.surrogates_fitted_seeded_sample_rows",
                    USAGE_MAX_ROWS
                ));
            }
            out.surrogate = Some(s);
        }
        Err(e) => out.note = Some(t!(input.lang, "screen.layers.use_layer_could_not_run", e)),
    }
    out
}
