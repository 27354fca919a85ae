//! What screening takes and gives.

use serde::Serialize;

use crate::i18n::{Lang, Texts};
use crate::screen::content::{OffHours, ValueMatch, WorkingHours};
use crate::screen::names::NameMatch;
use crate::screen::policy::{Category, Pack, Stage};
use crate::screen::proxy::ProxyStat;
use crate::screen::usage::{Surrogate, UsageTest, UseTarget};

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
    pub target: Option<UseTarget<'a>>,
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

/// The evidence of each layer for one finding.
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

impl InputFinding {
    /// The category's label in each language (a finding without a Chinese label reads the
    /// English).
    pub fn category_label(&self) -> Texts<'_> {
        let zh = Some(self.category_label_zh.as_str()).filter(|z| !z.is_empty());
        Texts::optional(Some(&self.category_label_en), zh)
    }
}
