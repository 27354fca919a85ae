//! [`prepare`]: everything about the population, computed once (the surrogate fit, the bounds
//! of each input, the neighbour pool, the group figures, the rights, the pseudonyms).

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use super::additive::{self, Additive};
use super::counterfactual::{self, Bounds, Movable};
use super::document::{ExplainProvenance, InputFlag};
use super::explainer::Explainer;
use super::groups::{group_figures, group_slices};
use super::model::{self, ModelTarget};
use super::privacy::{id_key, needs_pseudonyms, pseudonym};
use super::rights::rights_at_stage;
use super::similar::neighbour_pool;
use super::sources::{self, Sources};
use super::typical::{recorded_places, typical_values};
use crate::audit::Audit;
use crate::data::columns::InputColumn;
use crate::data::{self, DecisionValues, SubjectData, Table};
use crate::error::{Error, Result};
use crate::screen::features::Feature;
use crate::screen::names::{self, IdentifierKind};
use crate::spec::{AuditSpec, ExplainSpec};

pub(super) fn err(msg: impl Into<String>, hint: &str) -> Error {
    Error::spec("explain", msg, Some(hint.to_string()))
}

/// Builds the explainer from a loaded table and its audit.
pub fn prepare(
    spec: &AuditSpec,
    settings: &ExplainSpec,
    table: &Table,
    audit: &Audit,
) -> Result<Explainer> {
    let lang = spec.lang;
    check_explainable(spec, table)?;
    let hours = crate::audit::working_hours(spec);
    let sd = data::screen_data(table, &BTreeMap::new(), &hours, &[])?;
    let subjects = data::subject_data(table)?;
    let decision = match table.decision {
        DecisionValues::Absent => None,
        _ => sd.decision.clone(),
    };
    let score = sd.score.clone();
    let (target, threshold_source) = choose_target(spec, table, &score, &decision)?;
    // A direct identifier given as an input (a phone number, an e-mail address, a name, an
    // identity or employee number) is not a measure of the worker: it never enters the model,
    // the counterfactual or the "similar workers" comparison.
    let features: Vec<Feature> = sd
        .columns
        .iter()
        .filter(|c| direct_identifier(c).is_none())
        .filter_map(|c| c.feature.clone())
        .collect();
    if features.is_empty() {
        return Err(err(
            "none of the features can be a model input (free text or ids only)",
            "declare numeric or categorical inputs under [features]",
        ));
    }
    let surrogate = fit_surrogate(spec, &features, target, &decision, &score)?;
    let inputs_key = inputs_keys(&subjects, &features);
    let fidelity = decision.as_deref().and_then(|d| {
        model::fidelity(
            &surrogate,
            d,
            spec.decision.positive_is_favorable,
            &inputs_key,
        )
    });
    let one_decision = decision
        .as_deref()
        .is_some_and(|d| d.iter().all(|&x| x == d[0]));
    let flags = input_flags(audit);
    check_one_way(settings, &features)?;
    let bounds = input_bounds(spec, settings, &surrogate, &features, &subjects, &flags);
    let neighbours = neighbour_pool(spec, &features, &subjects, &flags, &decision);
    let groups = group_figures(spec, audit);
    let group_slices = group_slices(spec);
    let (rights, right_texts) = rights_at_stage(spec, settings)?;
    let (flag_texts, limit_texts) = sources::screening_texts(audit, lang);
    let (purpose, contact) = sources::declared(settings, lang);
    let sources = Sources {
        labels: sources::column_labels(spec)?,
        purpose,
        contact,
        flags: flag_texts,
        limits: limit_texts,
        rights: right_texts,
    };
    let typical = typical_values(&subjects, &features, spec.report.min_published_group);
    let limits = legal_limits(audit);
    let provenance = explain_provenance(spec, settings, table, audit);
    let (by_id, pseudonyms) = subject_index(&subjects, table)?;
    let score_decimals = score.as_deref().and_then(recorded_decimals);
    let score_range = score_range(score.as_deref());
    Ok(Explainer {
        lang,
        sources,
        spec: spec.clone(),
        settings: settings.clone(),
        positive_is_favorable: spec.decision.positive_is_favorable,
        subjects,
        decision,
        score,
        surrogate,
        fidelity,
        threshold_source,
        flags,
        bounds,
        neighbours,
        groups,
        group_slices,
        rights,
        provenance,
        by_id,
        pseudonyms,
        one_decision,
        typical,
        limits,
        score_decimals,
        score_range,
    })
}

/// The direct identifier an input column holds, by its name or by its values.
pub(super) fn direct_identifier(column: &InputColumn) -> Option<IdentifierKind> {
    names::identifier_kind(&column.name).or_else(|| names::identifier_by_values(&column.values))
}

/// Refuses what cannot be explained: no features, or a decision with several classes.
fn check_explainable(spec: &AuditSpec, table: &Table) -> Result<()> {
    if spec.features.is_empty() {
        return Err(err(
            "no features are declared, so there is nothing to explain",
            "list the inputs the algorithm used under [features] columns (or --features)",
        ));
    }
    if matches!(table.decision, DecisionValues::MultiClass { .. }) {
        return Err(err(
            "explanations need a yes/no decision or a score; this decision has several classes",
            "explain one class at a time: give --positive CLASS so the decision is that class or not",
        ));
    }
    Ok(())
}

/// What the surrogate models, and where the threshold comes from (`spec` or `derived`).
fn choose_target(
    spec: &AuditSpec,
    table: &Table,
    score: &Option<Vec<f64>>,
    decision: &Option<Vec<bool>>,
) -> Result<(ModelTarget, Option<String>)> {
    Ok(match (&table.decision, score, decision) {
        (DecisionValues::Threshold { threshold, .. }, Some(_), _) => (
            ModelTarget::Linear {
                threshold: Some(*threshold),
                positive_above: true,
            },
            Some("spec".to_string()),
        ),
        (_, Some(s), Some(d))
            if spec
                .score
                .as_ref()
                .and_then(|x| x.threshold)
                .and_then(|t| model::declared_cut(s, d, t))
                .is_some() =>
        {
            let t = spec.score.as_ref().and_then(|x| x.threshold).unwrap_or(0.0);
            let above = model::declared_cut(s, d, t).unwrap_or(true);
            (
                ModelTarget::Linear {
                    threshold: Some(t),
                    positive_above: above,
                },
                Some("spec".to_string()),
            )
        }
        (_, Some(s), Some(d)) => match model::score_cut(s, d) {
            Some((cut, above)) => (
                ModelTarget::Linear {
                    threshold: Some(cut),
                    positive_above: above,
                },
                Some("derived".to_string()),
            ),
            None => (ModelTarget::Logistic, None),
        },
        (_, None, Some(_)) => (ModelTarget::Logistic, None),
        (_, Some(_), None) => (
            ModelTarget::Linear {
                threshold: spec.score.as_ref().and_then(|s| s.threshold),
                positive_above: true,
            },
            spec.score
                .as_ref()
                .and_then(|s| s.threshold)
                .map(|_| "spec".to_string()),
        ),
        (_, None, None) => {
            return Err(err(
                "there is neither a decision nor a score to explain",
                "give --decision or --score",
            ));
        }
    })
}

/// Fits Candor's model of the algorithm (the surrogate) to the score or the decision.
fn fit_surrogate(
    spec: &AuditSpec,
    features: &[Feature],
    target: ModelTarget,
    decision: &Option<Vec<bool>>,
    score: &Option<Vec<f64>>,
) -> Result<Additive> {
    additive::fit(
        features.to_vec(),
        &additive::FitData {
            target,
            decision: decision.as_deref(),
            score: score.as_deref(),
            seed: spec.stats.seed,
        },
    )
    .map_err(|e| {
        err(
            format!("Candor's model of the algorithm could not be fitted: {e}"),
            "check that the inputs vary and are not all missing",
        )
    })
}

/// Flags from the audit's screening, by column: a prohibited input wins over a proxy.
fn input_flags(audit: &Audit) -> BTreeMap<String, InputFlag> {
    let mut flags: BTreeMap<String, InputFlag> = BTreeMap::new();
    if let Some(screen) = &audit.screen {
        for f in &screen.findings {
            if f.kind != "prohibited_input" && f.kind != "proxy" {
                continue;
            }
            let flag = InputFlag {
                kind: f.kind.clone(),
                category: f.category.clone(),
                severity: f.severity.clone(),
                used: f.used,
                over_limit: None,
            };
            let replace = match flags.get(&f.column) {
                None => true,
                Some(old) => old.kind == "proxy" && f.kind == "prohibited_input",
            };
            if replace {
                flags.insert(f.column.clone(), flag);
            }
        }
    }
    flags
}

/// One-direction settings only make sense for numbers.
fn check_one_way(settings: &ExplainSpec, features: &[Feature]) -> Result<()> {
    for f in features {
        let one_way =
            settings.increase_only.contains(&f.name) || settings.decrease_only.contains(&f.name);
        if one_way && f.is_categorical() {
            return Err(Error::spec(
                "explain.increase_only / explain.decrease_only",
                format!(
                    "'{}' is categorical, so it cannot only rise or only fall",
                    f.name
                ),
                Some("list it under explain.immutable, or leave it free to change".into()),
            ));
        }
    }
    Ok(())
}

/// How far and in which direction each surrogate input may move in a counterfactual.
fn input_bounds(
    spec: &AuditSpec,
    settings: &ExplainSpec,
    surrogate: &Additive,
    features: &[Feature],
    subjects: &SubjectData,
    flags: &BTreeMap<String, InputFlag>,
) -> Vec<Bounds> {
    surrogate
        .terms
        .iter()
        .zip(features)
        .map(|(inp, f)| {
            let movable = if flags.contains_key(&inp.name) || settings.immutable.contains(&inp.name)
            {
                Movable::Fixed
            } else if settings.increase_only.contains(&inp.name) {
                Movable::IncreaseOnly
            } else if settings.decrease_only.contains(&inp.name) {
                Movable::DecreaseOnly
            } else {
                Movable::Any
            };
            let mut b = Bounds {
                movable,
                lo: 0.0,
                hi: 0.0,
                step: 1.0,
            };
            if let crate::screen::features::FeatureValues::Numeric(v) = &f.values {
                let mut obs: Vec<f64> = v.iter().flatten().copied().collect();
                obs.sort_by(f64::total_cmp);
                let d = recorded_places(subjects, &inp.name, 100_000);
                b.step = 10f64.powi(-(d as i32));
                // Within the 1st-99th percentile, and with at least the disclosure minimum of
                // workers at or beyond each bound, so a bound is never one colleague's own value.
                let m = spec.report.min_published_group.max(1) as usize;
                if obs.len() < 2 * m {
                    b.movable = Movable::Fixed;
                } else {
                    let lo = counterfactual::percentile(&obs, 0.01)
                        .unwrap_or(0.0)
                        .max(obs[m - 1]);
                    let hi = counterfactual::percentile(&obs, 0.99)
                        .unwrap_or(0.0)
                        .min(obs[obs.len() - m]);
                    b.lo = (lo / b.step - 1e-9).ceil() * b.step;
                    b.hi = (hi / b.step + 1e-9).floor() * b.step;
                }
            }
            b
        })
        .collect()
}

/// Legal limits on inputs (the amount), from the screening.
fn legal_limits(audit: &Audit) -> BTreeMap<String, f64> {
    audit
        .screen
        .iter()
        .flat_map(|sc| &sc.findings)
        .filter_map(|f| {
            f.evidence
                .over_limit
                .as_ref()
                .map(|o| (f.column.clone(), o.amount))
        })
        .collect()
}

/// Where the explanations come from (the document hash is set per explanation).
fn explain_provenance(
    spec: &AuditSpec,
    settings: &ExplainSpec,
    table: &Table,
    audit: &Audit,
) -> ExplainProvenance {
    let source = &table.source;
    let settings_hash = data::hex(&Sha256::digest(
        serde_json::to_vec(settings).unwrap_or_default(),
    ));
    ExplainProvenance {
        candor_version: env!("CARGO_PKG_VERSION").to_string(),
        audit_spec_sha256: audit.provenance.spec_sha256.clone(),
        explain_settings_sha256: settings_hash,
        data_file: std::path::Path::new(&source.path)
            .file_name()
            .map_or_else(|| source.path.clone(), |n| n.to_string_lossy().into_owned()),
        data_sha256: source.sha256.clone(),
        rows: source.rows_audited,
        seed: spec.stats.seed,
    }
}

/// The row of each id (and of each pseudonym), and the pseudonyms.
type SubjectIndex = (BTreeMap<String, usize>, Option<Vec<String>>);

/// Looks subjects up by id, and gives them pseudonyms when the ids identify a person.
fn subject_index(subjects: &SubjectData, table: &Table) -> Result<SubjectIndex> {
    let mut by_id = BTreeMap::new();
    for (i, id) in subjects.ids.iter().enumerate() {
        by_id.entry(id.clone()).or_insert(i);
    }
    let pseudonyms = if needs_pseudonyms(&subjects.ids) {
        let key = id_key(std::path::Path::new(&table.source.path))?;
        let p: Vec<String> = subjects.ids.iter().map(|id| pseudonym(&key, id)).collect();
        for (i, id) in p.iter().enumerate() {
            by_id.entry(id.clone()).or_insert(i);
        }
        Some(p)
    } else {
        None
    };
    Ok((by_id, pseudonyms))
}

/// The decimals a column of numbers is recorded with: the fewest (up to 6) at which every
/// value (of the first 10,000) is whole.
fn recorded_decimals(v: &[f64]) -> Option<u32> {
    let vals: Vec<f64> = v
        .iter()
        .copied()
        .filter(|x| x.is_finite())
        .take(10_000)
        .collect();
    if vals.is_empty() {
        return None;
    }
    (0..=6u32)
        .find(|&d| {
            let f = 10f64.powi(d as i32);
            vals.iter()
                .all(|x| ((x * f) - (x * f).round()).abs() < 1e-6 * (1.0 + (x * f).abs()))
        })
        .or(Some(6))
}

/// The lowest and highest finite score (infinite bounds without a score).
fn score_range(score: Option<&[f64]>) -> (f64, f64) {
    score.map_or((f64::NEG_INFINITY, f64::INFINITY), |v| {
        v.iter()
            .filter(|x| x.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
                (lo.min(x), hi.max(x))
            })
    })
}

/// A key per row that is equal exactly when the rows' inputs are equal.
fn inputs_keys(subjects: &SubjectData, features: &[Feature]) -> Vec<u64> {
    let n = subjects.ids.len();
    let mut keys = vec![0xcbf2_9ce4_8422_2325u64; n];
    let mix = |h: &mut u64, x: u64| {
        *h ^= x;
        *h = h.wrapping_mul(0x0100_0000_01b3);
        *h ^= *h >> 29;
    };
    for f in features {
        match &f.values {
            crate::screen::features::FeatureValues::Numeric(v) => {
                for (k, x) in keys.iter_mut().zip(v) {
                    mix(k, x.map_or(u64::MAX, f64::to_bits));
                }
            }
            crate::screen::features::FeatureValues::Categorical { codes, .. } => {
                for (k, c) in keys.iter_mut().zip(codes) {
                    mix(k, c.map_or(u64::MAX - 1, u64::from));
                }
            }
        }
    }
    keys
}
