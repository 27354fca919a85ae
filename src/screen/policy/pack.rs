//! The schema of a legal pack: instruments, rules per category and stage, limits, and the
//! rights the pack gives workers.

use serde::{Deserialize, Serialize};

use crate::i18n::Texts;

use super::vocabulary::{
    ContextFlag, DeadlineBinds, DeadlineUnit, Effect, EvidenceLevel, RightKind, Severity, Stage,
};

/// A legal pack: the rules one body of law sets for input categories, and the rights it gives
/// workers.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Optional schema version; if present it must equal [`super::SCHEMA_VERSION`].
    #[serde(default)]
    pub schema_version: Option<u32>,
    /// Stable id in lowercase letters, digits and hyphens, e.g. `pipl`.
    pub id: String,
    /// English title.
    pub title_en: String,
    /// Chinese title.
    pub title_zh: String,
    /// Jurisdiction code, e.g. `CN`, `EU`, `US`, `US-NY-NYC`, `US-IL`.
    pub jurisdiction: String,
    /// Date (`YYYY-MM-DD`) the pack's statements were last checked.
    pub as_of: String,
    /// Notes on scope and open questions (English).
    #[serde(default)]
    pub notes_en: String,
    /// The instruments (laws, regulations, guidance) the rules cite.
    #[serde(rename = "instrument")]
    pub instruments: Vec<Instrument>,
    /// Rules per category.
    #[serde(default, rename = "rule")]
    pub rules: Vec<Rule>,
    /// Rights the pack gives workers.
    #[serde(default, rename = "right")]
    pub rights: Vec<Right>,
}

/// A law, regulation, guidance document or line of case law cited by a pack.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Id referenced by rules and rights, unique within the pack.
    pub id: String,
    /// English name.
    pub name_en: String,
    /// Chinese name.
    pub name_zh: String,
    /// When it took or takes effect, as free text (dates and stages).
    #[serde(default)]
    pub in_force: String,
    /// Status notes (amendments, transposition, rescinded guidance), English.
    #[serde(default)]
    pub status_en: String,
    /// Status notes, Chinese.
    #[serde(default)]
    pub status_zh: String,
    /// Official or reference URL, if known.
    #[serde(default)]
    pub url: String,
}

/// What one provision says about one category.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Category id from `categories.toml`.
    pub category: String,
    /// If set, the rule concerns this proxy standing in for the category (e.g. Illinois bans
    /// zip codes as proxies): it applies only to findings reached through that proxy.
    #[serde(default)]
    pub proxy: Option<String>,
    /// Instrument id within the pack.
    pub instrument: String,
    /// Short citation, e.g. `PIPL Art. 28`.
    pub citation: String,
    /// The citation as written in Chinese (e.g. `《个人信息保护法》第二十八条`), for Chinese
    /// reports; without it the Chinese report shows `citation`.
    #[serde(default)]
    pub citation_zh: Option<String>,
    /// What the law does with the category.
    pub effect: Effect,
    /// Severity of a finding under this rule.
    pub severity: Severity,
    /// Stages the rule governs.
    pub stages: Vec<Stage>,
    /// How well the summary is backed.
    pub evidence: EvidenceLevel,
    /// Paraphrase of the rule (English), never a quotation.
    pub summary_en: String,
    /// Paraphrase of the rule (Chinese).
    pub summary_zh: String,
    /// Context flags that must all hold for the rule to apply.
    #[serde(default)]
    pub conditions: Vec<ContextFlag>,
    /// Context flags any of which lifts the rule (exceptions).
    #[serde(default)]
    pub unless: Vec<ContextFlag>,
    /// Date (`YYYY-MM-DD`) from which the obligation applies, if later than the instrument's
    /// entry into force. Informational: [`super::resolve`] does not filter on it.
    #[serde(default)]
    pub applies_from: Option<String>,
    /// Numeric limits the rule sets, checked against a column's values when the column is
    /// recorded in the same unit (e.g. overtime: at most 36 hours a month).
    #[serde(default)]
    pub limits: Vec<Limit>,
}

/// A numeric limit set by law.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    /// The largest value the law allows.
    pub amount: f64,
    /// The unit the amount is in.
    pub unit: LimitUnit,
    /// What the limit is (English, Chinese), e.g. "overtime of at most 36 hours a month".
    pub what_en: String,
    pub what_zh: String,
}

/// Units of a [`Limit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitUnit {
    HoursPerDay,
    HoursPerWeek,
    HoursPerMonth,
}

impl LimitUnit {
    /// Whether a column, by its name (and description), is recorded in this unit.
    pub fn matches_column(self, name: &str, description: Option<&str>) -> bool {
        let text = format!("{} {}", name, description.unwrap_or_default()).to_lowercase();
        let hours = text.contains("hour") || text.contains("小时") || text.contains("hrs");
        let per = match self {
            LimitUnit::HoursPerDay => ["day", "daily", "日", "天"]
                .iter()
                .any(|w| text.contains(w)),
            LimitUnit::HoursPerWeek => ["week", "weekly", "周"].iter().any(|w| text.contains(w)),
            LimitUnit::HoursPerMonth => ["month", "monthly", "月"].iter().any(|w| text.contains(w)),
        };
        hours && per
    }
}

/// A right a pack gives workers, for explanations.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Right {
    /// Id unique within the pack.
    pub id: String,
    /// What kind of right it is.
    pub kind: RightKind,
    /// Instrument id within the pack.
    pub instrument: String,
    /// Short citation.
    pub citation: String,
    /// The citation as written in Chinese (e.g. `《个人信息保护法》第二十四条第三款`), for
    /// Chinese reports; without it the Chinese report shows `citation`.
    #[serde(default)]
    pub citation_zh: Option<String>,
    /// Paraphrase (English).
    pub summary_en: String,
    /// Paraphrase (Chinese).
    pub summary_zh: String,
    /// How well the summary is backed.
    pub evidence: EvidenceLevel,
    /// Stages in which the right matters (empty = all).
    #[serde(default)]
    pub stages: Vec<Stage>,
    /// Context flags under which the right exists.
    #[serde(default)]
    pub conditions: Vec<ContextFlag>,
    /// Deadline set by law, if any.
    #[serde(default)]
    pub deadline: Option<Deadline>,
    /// The step of a worker's challenge it belongs to; by default from its kind (complaints go
    /// to the regulator: arbitration and courts must say `court`).
    #[serde(default)]
    pub step: Option<Step>,
}

/// The steps a worker takes to challenge a decision, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Ask the employer: an explanation, a human review, the data, a correction.
    Ask,
    /// The trade union or the workers' representatives.
    Union,
    /// A complaint to the regulator or labour inspectorate.
    Regulator,
    /// Arbitration or a court.
    Court,
}

impl Step {
    /// 1 to 4, in the order a worker takes them.
    pub fn number(self) -> u8 {
        match self {
            Step::Ask => 1,
            Step::Union => 2,
            Step::Regulator => 3,
            Step::Court => 4,
        }
    }
}

/// A deadline set by law. `amount` and `unit` are both present or both absent; the text says
/// from when it runs and any extension.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// Number of units, if the law sets a number.
    #[serde(default)]
    pub amount: Option<u32>,
    /// Unit of `amount`.
    #[serde(default)]
    pub unit: Option<DeadlineUnit>,
    /// Who must act within it: required with `amount`.
    #[serde(default)]
    pub binds: Option<DeadlineBinds>,
    /// From when it runs, extensions, who must act (English).
    pub when_en: String,
    /// The same in Chinese.
    pub when_zh: String,
}

impl Pack {
    /// The title in each language.
    pub fn title(&self) -> Texts<'_> {
        Texts::new(&self.title_en, &self.title_zh)
    }
}

impl Instrument {
    /// The instrument's name in each language.
    pub fn name(&self) -> Texts<'_> {
        Texts::new(&self.name_en, &self.name_zh)
    }

    /// Its status in each language.
    pub fn status(&self) -> Texts<'_> {
        Texts::new(&self.status_en, &self.status_zh)
    }
}

impl Rule {
    /// The citation: the Chinese one where given, else the original.
    pub fn cite(&self) -> Texts<'_> {
        Texts::optional(Some(&self.citation), self.citation_zh.as_deref())
    }

    /// The summary in each language.
    pub fn summary(&self) -> Texts<'_> {
        Texts::new(&self.summary_en, &self.summary_zh)
    }
}

impl Limit {
    /// What the limit bounds, in each language.
    pub fn what(&self) -> Texts<'_> {
        Texts::new(&self.what_en, &self.what_zh)
    }
}

impl Right {
    /// The citation: the Chinese one where given, else the original.
    pub fn cite(&self) -> Texts<'_> {
        Texts::optional(Some(&self.citation), self.citation_zh.as_deref())
    }

    /// The summary in each language.
    pub fn summary(&self) -> Texts<'_> {
        Texts::new(&self.summary_en, &self.summary_zh)
    }
}

impl Deadline {
    /// When the deadline runs, in each language.
    pub fn when(&self) -> Texts<'_> {
        Texts::new(&self.when_en, &self.when_zh)
    }
}
