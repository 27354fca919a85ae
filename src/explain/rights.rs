//! The worker's rights at the decision's stage, from the policy packs, in the order a worker
//! takes them.

use std::collections::BTreeMap;

use serde::Serialize;

use super::document::{DeadlineEntry, RightEntry};
use super::prepare::err;
use super::sources::{RightSource, right_source};
use crate::error::Result;
use crate::screen::policy::{self, ContextFlag, DeadlineUnit, RightKind};
use crate::spec::{AuditSpec, ExplainSpec};

/// A serde code as its string (`""` when it is not a string).
pub(super) fn code_of<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The rights and their texts in the document's language, by pack and right id.
type Rights = (Vec<RightEntry>, BTreeMap<(String, String), RightSource>);

/// Rights at this stage, from the selected packs, filtered to the declared context and put in
/// the order a worker takes them; with their texts in the document's language.
pub(super) fn rights_at_stage(spec: &AuditSpec, settings: &ExplainSpec) -> Result<Rights> {
    let all = crate::audit::policy_packs(spec)?;
    let selected = policy::select_packs(&all, &spec.screen.policy)
        .map_err(|e| err(e.to_string(), "check --policy"))?;
    let stage = crate::audit::stage(spec)?;
    let platform = settings.employer_kind == "platform";
    let mut rights = Vec::new();
    let mut texts = BTreeMap::new();
    for (pack_id, r) in policy::rights_for_stage(&selected, stage) {
        let Some(pack) = selected.iter().find(|p| p.id == pack_id) else {
            continue;
        };
        // A right that exists only on digital labour platforms is not a warehouse worker's.
        if r.conditions.contains(&ContextFlag::IsDigitalLabourPlatform) && !platform {
            continue;
        }
        rights.push(right_entry(settings, pack, r));
        texts.insert(
            (pack.id.clone(), r.id.clone()),
            right_source(spec.lang, pack, r),
        );
    }
    // Steps in order (1 ask, 2 union, 3 regulator, 4 arbitration or court, then the employer's
    // duties), the packs' order within a step.
    rights.sort_by_key(|r| if r.step == 0 { 9 } else { r.step });
    Ok((rights, texts))
}

/// One right of a pack: codes and numbers.
fn right_entry(settings: &ExplainSpec, pack: &policy::Pack, r: &policy::Right) -> RightEntry {
    RightEntry {
        pack: pack.id.clone(),
        id: r.id.clone(),
        jurisdiction: pack.jurisdiction.clone(),
        kind: r.kind,
        step: r.step.map_or_else(|| default_step(r.kind), |s| s.number()),
        deadline: r.deadline.as_ref().map(|d| DeadlineEntry {
            amount: d.amount,
            unit: d.unit,
            binds: d.binds,
        }),
        conditions: r
            .conditions
            .iter()
            .filter(|c| {
                **c != ContextFlag::IsDigitalLabourPlatform
                    && !settings.context.contains(&code_of(c))
            })
            .copied()
            .collect(),
    }
}

/// The step a right belongs to when its pack does not say: 1 ask the employer, 2 the union or
/// representatives, 3 the regulator, 4 arbitration or court, 0 a duty of the employer.
fn default_step(kind: RightKind) -> u8 {
    match kind {
        RightKind::Notice | RightKind::Consent => 0,
        RightKind::Consultation => 2,
        RightKind::Complaint => 3,
        RightKind::Remedy => 4,
        _ => 1,
    }
}

/// A deadline's approximate length in days, to find the shortest.
pub(super) fn days_of(amount: u32, unit: DeadlineUnit) -> u32 {
    amount.saturating_mul(match unit {
        DeadlineUnit::Days | DeadlineUnit::BusinessDays => 1,
        DeadlineUnit::Weeks => 7,
        DeadlineUnit::Months => 30,
        DeadlineUnit::Years => 365,
    })
}
