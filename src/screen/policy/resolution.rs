//! Resolution: which rules of the selected packs apply to a category at a stage, and how severe
//! the worst of them is.

use serde::Serialize;

use super::pack::{Pack, Right, Rule};
use super::vocabulary::{ContextFlag, Severity, Stage};

#[derive(Debug, Clone, Copy)]
pub struct RuleQuery<'q> {
    /// Category id.
    pub category: &'q str,
    /// Stage of the decision audited.
    pub stage: Stage,
    /// Context flags known to hold; conditions on other flags are treated as not met.
    pub flags: &'q [ContextFlag],
    /// The proxy id if the finding came from a proxy (e.g. `zip_code`), `None` for a direct
    /// finding.
    pub via_proxy: Option<&'q str>,
}

/// One rule that applies, with where it came from and its effective severity.
#[derive(Debug, Clone, Serialize)]
pub struct AppliedRule<'a> {
    /// Pack id.
    pub pack: &'a str,
    /// The pack's jurisdiction.
    pub jurisdiction: &'a str,
    /// The rule.
    pub rule: &'a Rule,
    /// Effective severity: the rule's own, except that a general rule reached through a proxy
    /// is capped at [`Severity::Review`] (the proxy must be tested, not presumed to be the
    /// trait).
    pub severity: Severity,
}

/// A rule that would apply if some context flags held.
#[derive(Debug, Clone, Serialize)]
pub struct ConditionalRule<'a> {
    /// Pack id.
    pub pack: &'a str,
    /// The rule.
    pub rule: &'a Rule,
    /// The conditions not known to hold.
    pub missing: Vec<ContextFlag>,
}

/// The rules that govern a category at a stage across the selected packs.
#[derive(Debug, Clone, Serialize)]
pub struct Resolution<'a> {
    /// Category id asked for.
    pub category: String,
    /// Stage asked for.
    pub stage: Stage,
    /// Maximum effective severity over `applicable`; `None` if no rule applies.
    pub severity: Option<Severity>,
    /// Rules that apply, worst first (then in pack order).
    pub applicable: Vec<AppliedRule<'a>>,
    /// Rules whose conditions are not known to hold, worst first.
    pub conditional: Vec<ConditionalRule<'a>>,
    /// Rules lifted by an exception flag (e.g. medical or safety purpose), for transparency.
    pub lifted: Vec<AppliedRule<'a>>,
}

impl Resolution<'_> {
    /// Maximum effective severity per pack, in pack order. A block in one jurisdiction is
    /// never averaged away by a permissive rule elsewhere: report these side by side.
    pub fn by_pack(&self) -> Vec<(&str, Severity)> {
        let mut out: Vec<(&str, Severity)> = Vec::new();
        for applied in &self.applicable {
            match out.iter_mut().find(|(pack, _)| *pack == applied.pack) {
                Some((_, worst)) => *worst = (*worst).max(applied.severity),
                None => out.push((applied.pack, applied.severity)),
            }
        }
        out
    }
}

/// Resolves the rules of `packs` for a category at a stage.
///
/// A rule applies when it names the category and the stage, all its `conditions` are in
/// `query.flags` and none of its `unless` flags is. Rules that name a `proxy` apply only to
/// findings reached through that proxy (at their own severity); other rules also apply to
/// proxy findings, capped at [`Severity::Review`]. The result's `severity` is the maximum
/// over applicable rules (`block > high > medium > review`), or `None` when nothing applies.
pub fn resolve<'a>(packs: &[&'a Pack], query: &RuleQuery<'_>) -> Resolution<'a> {
    let mut applicable = Vec::new();
    let mut conditional = Vec::new();
    let mut lifted = Vec::new();
    for pack in packs {
        for rule in &pack.rules {
            if rule.category != query.category || !rule.stages.contains(&query.stage) {
                continue;
            }
            let severity = match (&rule.proxy, query.via_proxy) {
                (Some(rule_proxy), Some(found)) if rule_proxy == found => rule.severity,
                (Some(_), _) => continue,
                (None, Some(_)) => rule.severity.min(Severity::Review),
                (None, None) => rule.severity,
            };
            let applied = AppliedRule {
                pack: pack.id.as_str(),
                jurisdiction: pack.jurisdiction.as_str(),
                rule,
                severity,
            };
            if rule.unless.iter().any(|flag| query.flags.contains(flag)) {
                lifted.push(applied);
                continue;
            }
            let missing: Vec<ContextFlag> = rule
                .conditions
                .iter()
                .copied()
                .filter(|flag| !query.flags.contains(flag))
                .collect();
            if missing.is_empty() {
                applicable.push(applied);
            } else {
                conditional.push(ConditionalRule {
                    pack: pack.id.as_str(),
                    rule,
                    missing,
                });
            }
        }
    }
    // Stable sorts keep pack order within a severity.
    applicable.sort_by_key(|a| std::cmp::Reverse(a.severity));
    conditional.sort_by_key(|c| std::cmp::Reverse(c.rule.severity));
    Resolution {
        category: query.category.to_string(),
        stage: query.stage,
        severity: applicable.iter().map(|a| a.severity).max(),
        applicable,
        conditional,
        lifted,
    }
}

/// Rights of the selected packs that matter at a stage (rights with no stages matter at all
/// stages), in pack order.
pub fn rights_for_stage<'a>(packs: &[&'a Pack], stage: Stage) -> Vec<(&'a str, &'a Right)> {
    packs
        .iter()
        .flat_map(|pack| {
            pack.rights
                .iter()
                .map(move |right| (pack.id.as_str(), right))
        })
        .filter(|(_, right)| right.stages.is_empty() || right.stages.contains(&stage))
        .collect()
}
