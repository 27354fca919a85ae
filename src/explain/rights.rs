//! The worker's rights at the decision's stage, from the policy packs, in the order a worker
//! takes them.

use serde::Serialize;

use super::document::{DeadlineEntry, RightEntry};
use super::prepare::err;
use super::text::{self, Lang};
use crate::error::Result;
use crate::screen::policy;
use crate::spec::{AuditSpec, ExplainSpec};

/// A serde code as its string (`""` when it is not a string).
fn code_of<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Rights at this stage, from the selected packs, filtered to the declared context and put in
/// the order a worker takes them.
pub(super) fn rights_at_stage(spec: &AuditSpec, settings: &ExplainSpec) -> Result<Vec<RightEntry>> {
    let lang = spec.lang;
    let all = crate::audit::policy_packs(spec)?;
    let selected = policy::select_packs(&all, &spec.screen.policy)
        .map_err(|e| err(e.to_string(), "check --policy"))?;
    let stage = crate::audit::stage(spec)?;
    let platform = settings.employer_kind == "platform";
    let mut rights = Vec::new();
    for (pack_id, r) in policy::rights_for_stage(&selected, stage) {
        let Some(pack) = selected.iter().find(|p| p.id == pack_id) else {
            continue;
        };
        let codes: Vec<String> = r.conditions.iter().map(code_of).collect();
        // A right that exists only on digital labour platforms is not a warehouse worker's.
        if codes.iter().any(|c| c == "is_digital_labour_platform") && !platform {
            continue;
        }
        rights.push(right_entry(lang, settings, pack, r, &codes));
    }
    // Steps in order (1 ask, 2 union, 3 regulator, 4 arbitration or court, then the employer's
    // duties), the packs' order within a step.
    rights.sort_by_key(|r| if r.step == 0 { 9 } else { r.step });
    Ok(rights)
}

/// One right of a pack, in the document's language; `codes` are its conditions.
fn right_entry(
    lang: Lang,
    settings: &ExplainSpec,
    pack: &policy::Pack,
    r: &policy::Right,
    codes: &[String],
) -> RightEntry {
    let law = pack
        .instruments
        .iter()
        .find(|i| i.id == r.instrument)
        .map(|i| match lang {
            Lang::En => i.name_en.clone(),
            Lang::Zh => i.name_zh.clone(),
        })
        .unwrap_or_default();
    let kind = code_of(r.kind);
    let step = r
        .step
        .map_or_else(|| text::default_step(&kind), |s| s.number());
    RightEntry {
        pack: pack.id.clone(),
        jurisdiction: pack.jurisdiction.clone(),
        kind_text: if step == 4 {
            lang.pick(
                "To take the case to arbitration or court",
                "申请仲裁或提起诉讼的权利",
            )
            .to_string()
        } else {
            text::right_kind(lang, &kind)
        },
        kind,
        step,
        law,
        citation: match lang {
            Lang::Zh => r.citation_zh.clone().unwrap_or_else(|| r.citation.clone()),
            Lang::En => r.citation.clone(),
        },
        summary: match lang {
            Lang::En => r.summary_en.clone(),
            Lang::Zh => r.summary_zh.clone(),
        },
        deadline: r.deadline.as_ref().map(|d| deadline_entry(lang, d)),
        conditions: codes
            .iter()
            .filter(|c| *c != "is_digital_labour_platform" && !settings.context.contains(c))
            .map(|c| text::condition(lang, c))
            .collect(),
    }
}

/// A right's deadline, with its length in words.
fn deadline_entry(lang: Lang, d: &policy::Deadline) -> DeadlineEntry {
    let unit = d.unit.map(code_of);
    DeadlineEntry {
        amount: d.amount,
        length: d
            .amount
            .zip(unit.as_deref())
            .map(|(a, u)| text::length(lang, a, u)),
        unit,
        when: match lang {
            Lang::En => d.when_en.clone(),
            Lang::Zh => d.when_zh.clone(),
        },
        binds: d.binds.and_then(|b| {
            serde_json::to_value(b)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
        }),
    }
}
