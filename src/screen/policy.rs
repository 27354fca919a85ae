//! Policy packs: what the law says about each kind of input.
//!
//! Two kinds of data files live under `policies/` and are embedded in the binary with
//! `include_str!`, so the tool works from any directory:
//!
//! * `categories.toml`: the catalogue of sensitive input categories (health, hukou, union
//!   activity, ...) with labels and plain-language summaries in English and Chinese, the
//!   lexicons the name layer matches ([`super::names`]), the value patterns the content layer
//!   sniffs ([`super::content`]), and the proxy catalogue (features that can stand in for a
//!   category, such as a zip code for ethnicity).
//! * one file per legal pack (`pipl.toml`, `gdpr.toml`, ...): rules per category and stage,
//!   each with a citation, paraphrased summaries, a severity and an evidence level, plus the
//!   rights the pack gives workers, for the explanation layer.
//!
//! This module parses and validates those files once and answers one question: which rules
//! apply to a category at a stage, and how severe is the worst of them ([`resolve`]). It reads
//! files only in [`load_pack`] and never prints. The schema is described for users in
//! `policies/README.md`. Nothing here is legal advice: every rule carries its evidence level.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use regex::Regex;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::names;

/// The schema version this build understands, written as `schema_version` in
/// `categories.toml` and optionally in pack files.
pub const SCHEMA_VERSION: u32 = 1;

const CATEGORIES_FILE: &str = "policies/categories.toml";
const CATEGORIES_TOML: &str = include_str!("../../policies/categories.toml");

/// The built-in legal packs: (id, file name, contents). The id must equal the file's `id` key.
const BUILTIN_PACKS: &[(&str, &str, &str)] = &[
    (
        "pipl",
        "policies/pipl.toml",
        include_str!("../../policies/pipl.toml"),
    ),
    (
        "cn-labour",
        "policies/cn-labour.toml",
        include_str!("../../policies/cn-labour.toml"),
    ),
    (
        "gdpr",
        "policies/gdpr.toml",
        include_str!("../../policies/gdpr.toml"),
    ),
    (
        "eu-ai-act",
        "policies/eu-ai-act.toml",
        include_str!("../../policies/eu-ai-act.toml"),
    ),
    (
        "eu-pwd",
        "policies/eu-pwd.toml",
        include_str!("../../policies/eu-pwd.toml"),
    ),
    (
        "us-federal",
        "policies/us-federal.toml",
        include_str!("../../policies/us-federal.toml"),
    ),
    (
        "nyc-ll144",
        "policies/nyc-ll144.toml",
        include_str!("../../policies/nyc-ll144.toml"),
    ),
    (
        "us-il",
        "policies/us-il.toml",
        include_str!("../../policies/us-il.toml"),
    ),
];

const SCHEMA_HINT: &str = "the schema is described in policies/README.md";

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

pub use crate::codes::Severity;

pub use crate::codes::Stage;

/// How well a rule's summary is backed by what the researchers actually read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// The provision's own text was read in a stored source.
    Primary,
    /// Only commentary, regulator FAQs or consistent summaries were seen.
    Secondary,
    /// Written from general knowledge and not re-checked: verify before relying on it.
    Background,
}

/// What the law does with a category in a context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The data may not be processed, or the practice used, at all.
    ProhibitedProcessing,
    /// Decisions may not be based on it (anti-discrimination ground).
    ProhibitedGround,
    /// Special-category or sensitive data: only under a narrow, documented legal basis.
    SpecialCategory,
    /// Monitoring that is lawful only if necessary, proportionate and least intrusive.
    RestrictedMonitoring,
    /// Exercising a legal right; penalising it is retaliation or interference.
    ProtectedActivity,
    /// Not protected itself but can stand in for a protected trait.
    ProxyRisk,
}

/// A fact about the audited system that decides whether a conditional rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContextFlag {
    /// The operator is a digital labour platform (Directive (EU) 2024/2831; also dispatch
    /// platforms under China's algorithm provisions).
    IsDigitalLabourPlatform,
    /// The system is an AI system in the sense of AI Act Art. 3(1).
    IsAiSystem,
    /// Inputs include biometric data (face, voice, gait, keystroke dynamics, physiology).
    UsesBiometricInput,
    /// No meaningful human involvement before the decision takes effect.
    SolelyAutomated,
    /// The decision has legal or similarly significant effects on the worker.
    SignificantEffect,
    /// An automated employment decision tool screens for hiring or promotion in New York City.
    NycHiringOrPromotion,
    /// AI analyses applicant-recorded video interviews for an Illinois-based position.
    IlVideoInterview,
    /// Emotion or fatigue inference is for medical or safety reasons (lifts AI Act Art. 5(1)(f)).
    MedicalOrSafetyPurpose,
    /// The job is on a Chinese health-authority list where hepatitis-B testing is permitted.
    ApprovedOccupationHbv,
}

/// A value detector implemented in code, for checks a regular expression cannot express
/// (check digits, numeric ranges).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueDetector {
    /// 18-character PRC resident ID with a valid ISO 7064 MOD 11-2 check digit (reveals
    /// registration region, birth date and sex).
    CnResidentId,
    /// A "lat, lon" pair with at least four decimals and both numbers in range.
    LatLonPair,
    /// A vector of 32 or more floats in one cell (a likely face or voice embedding).
    EmbeddingVector,
}

/// The kind of right a pack gives workers, for the explanation layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RightKind {
    /// To be told, before or at the time, that a system is used and how.
    Notice,
    /// To obtain an explanation of a decision or of the logic involved.
    Explanation,
    /// To refuse, or not be subject to, a decision made solely by automated means.
    RefuseAutomated,
    /// To obtain human intervention or review, or a decision taken by a human.
    HumanReview,
    /// To express one's view and contest a decision.
    Contest,
    /// To access and obtain a copy of one's data.
    Access,
    /// To have inaccurate data corrected.
    Rectification,
    /// To have data deleted.
    Erasure,
    /// To object to processing.
    Object,
    /// To talk to a designated contact person.
    ContactPerson,
    /// To receive a written statement of reasons.
    WrittenReasons,
    /// To complain to an authority or sue.
    Complaint,
    /// Consultation of workers or their representatives on the system's rules.
    Consultation,
    /// Processing only after the person's consent.
    Consent,
    /// To ask for an alternative selection process or an accommodation.
    AlternativeProcess,
    /// Rectification of the decision or compensation after an infringement.
    Remedy,
}

/// Who must act within a deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineBinds {
    /// The worker must act within it (a limitation period, a time to complain).
    Worker,
    /// The employer or authority must act within it (a time to answer a request).
    Employer,
}

/// Unit of a deadline set by law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineUnit {
    /// Calendar days.
    Days,
    /// Business days.
    BusinessDays,
    /// Weeks.
    Weeks,
    /// Calendar months.
    Months,
    /// Years.
    Years,
}

// ---------------------------------------------------------------------------------------------
// Catalogue: categories and proxies
// ---------------------------------------------------------------------------------------------

/// A category of sensitive input (health, hukou, union activity, ...): labels, summaries,
/// detection lexicons and value patterns.
///
/// English terms are token sequences (`"sick leave"` and `"sick_leave"` are the same term),
/// Chinese terms are substrings, pinyin terms are whole tokens; see [`super::names`].
/// `weak_*` terms are ambiguous and matched with low confidence. Exclusions suppress a match
/// whose position they overlap (`"health check"` suppresses `health` in `system_health_check`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Stable snake_case id, e.g. `health`.
    pub id: String,
    /// Short code from the taxonomy, e.g. `C01`.
    pub code: String,
    /// English label.
    pub label_en: String,
    /// Chinese label.
    pub label_zh: String,
    /// Plain-language summary (English) of what the category is and why it matters.
    pub summary_en: String,
    /// Plain-language summary (Chinese).
    pub summary_zh: String,
    /// Severity when no pack is selected (the taxonomy's default).
    pub default_severity: Severity,
    /// English token sequences that name the category.
    #[serde(default)]
    pub keywords_en: Vec<String>,
    /// Ambiguous English token sequences (low confidence).
    #[serde(default)]
    pub weak_en: Vec<String>,
    /// Chinese substrings.
    #[serde(default)]
    pub keywords_zh: Vec<String>,
    /// Ambiguous Chinese substrings (low confidence).
    #[serde(default)]
    pub weak_zh: Vec<String>,
    /// Pinyin tokens or token sequences.
    #[serde(default)]
    pub keywords_pinyin: Vec<String>,
    /// Ambiguous pinyin (initialisms, homophones).
    #[serde(default)]
    pub weak_pinyin: Vec<String>,
    /// English or pinyin token sequences that cancel an overlapping match.
    #[serde(default)]
    pub exclude_en: Vec<String>,
    /// Chinese substrings that cancel an overlapping match.
    #[serde(default)]
    pub exclude_zh: Vec<String>,
    /// Whole-cell values (compared after normalisation, case-insensitively).
    #[serde(default)]
    pub value_enums: Vec<String>,
    /// Minimum number of distinct enum values that must occur before the enum detector
    /// reports (a column holding only `"White"` is more likely a colour than a race).
    #[serde(default = "default_min_distinct")]
    pub value_min_distinct: usize,
    /// Regular expressions tested against each trimmed cell value.
    #[serde(default)]
    pub value_regex: Vec<String>,
    /// Words looked for inside cell values (token sequences for ASCII, substrings for Chinese).
    #[serde(default)]
    pub value_keywords: Vec<String>,
    /// Detectors implemented in code.
    #[serde(default)]
    pub value_detectors: Vec<ValueDetector>,
    /// Related categories (e.g. pregnancy and sex), for reports.
    #[serde(default)]
    pub linked: Vec<String>,
    /// Notes for auditors (English).
    #[serde(default)]
    pub notes_en: String,
    /// The proxies that can stand for this category, filled in from the catalogue's
    /// `[[proxy]]` entries when it is loaded.
    #[serde(skip)]
    pub proxies: Vec<Proxy>,
    #[serde(skip)]
    compiled_regex: OnceLock<Vec<Regex>>,
}

fn default_min_distinct() -> usize {
    1
}

/// A feature that can stand in for one or more categories (zip code for ethnicity, distance
/// from home for residence, overtime for private time).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proxy {
    /// Stable snake_case id, e.g. `zip_code`.
    pub id: String,
    /// English label.
    pub label_en: String,
    /// Chinese label.
    pub label_zh: String,
    /// English token sequences.
    #[serde(default)]
    pub keywords_en: Vec<String>,
    /// Ambiguous English token sequences.
    #[serde(default)]
    pub weak_en: Vec<String>,
    /// Chinese substrings.
    #[serde(default)]
    pub keywords_zh: Vec<String>,
    /// Ambiguous Chinese substrings.
    #[serde(default)]
    pub weak_zh: Vec<String>,
    /// Pinyin tokens.
    #[serde(default)]
    pub keywords_pinyin: Vec<String>,
    /// Ambiguous pinyin.
    #[serde(default)]
    pub weak_pinyin: Vec<String>,
    /// Token sequences that cancel an overlapping match.
    #[serde(default)]
    pub exclude_en: Vec<String>,
    /// Chinese substrings that cancel an overlapping match.
    #[serde(default)]
    pub exclude_zh: Vec<String>,
    /// Categories this feature measures directly, though indirectly named (overtime is time
    /// taken out of private life): reported as direct matches.
    #[serde(default)]
    pub direct: Vec<String>,
    /// Categories this feature can reveal: reported as proxy matches.
    #[serde(default)]
    pub reveals: Vec<String>,
    /// Why the proxy works (English).
    #[serde(default)]
    pub note_en: String,
    /// Why the proxy works (Chinese).
    #[serde(default)]
    pub note_zh: String,
}

/// The lexicon fields of a [`Category`] or [`Proxy`], borrowed.
#[derive(Debug, Clone, Copy)]
pub struct Lexicon<'a> {
    /// English token sequences.
    pub keywords_en: &'a [String],
    /// Ambiguous English token sequences.
    pub weak_en: &'a [String],
    /// Chinese substrings.
    pub keywords_zh: &'a [String],
    /// Ambiguous Chinese substrings.
    pub weak_zh: &'a [String],
    /// Pinyin token sequences.
    pub keywords_pinyin: &'a [String],
    /// Ambiguous pinyin.
    pub weak_pinyin: &'a [String],
    /// Token-sequence exclusions (English and pinyin).
    pub exclude_en: &'a [String],
    /// Substring exclusions (Chinese).
    pub exclude_zh: &'a [String],
}

impl Category {
    /// The category's own lexicon (proxies are in [`Category::proxies`]).
    pub fn lexicon(&self) -> Lexicon<'_> {
        Lexicon {
            keywords_en: &self.keywords_en,
            weak_en: &self.weak_en,
            keywords_zh: &self.keywords_zh,
            weak_zh: &self.weak_zh,
            keywords_pinyin: &self.keywords_pinyin,
            weak_pinyin: &self.weak_pinyin,
            exclude_en: &self.exclude_en,
            exclude_zh: &self.exclude_zh,
        }
    }

    /// The compiled `value_regex` patterns. Patterns are checked when the catalogue is loaded;
    /// a pattern that does not compile (only possible for hand-built values) is skipped.
    pub fn value_regexes(&self) -> &[Regex] {
        self.compiled_regex.get_or_init(|| {
            self.value_regex
                .iter()
                .filter_map(|pattern| Regex::new(pattern).ok())
                .collect()
        })
    }
}

impl Proxy {
    /// The proxy's lexicon.
    pub fn lexicon(&self) -> Lexicon<'_> {
        Lexicon {
            keywords_en: &self.keywords_en,
            weak_en: &self.weak_en,
            keywords_zh: &self.keywords_zh,
            weak_zh: &self.weak_zh,
            keywords_pinyin: &self.keywords_pinyin,
            weak_pinyin: &self.weak_pinyin,
            exclude_en: &self.exclude_en,
            exclude_zh: &self.exclude_zh,
        }
    }

    /// Whether this proxy measures `category` directly (listed in `direct`) rather than
    /// standing in for it.
    pub fn is_direct_for(&self, category: &str) -> bool {
        self.direct.iter().any(|id| id == category)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    schema_version: u32,
    #[serde(rename = "category")]
    categories: Vec<Category>,
    #[serde(default, rename = "proxy")]
    proxies: Vec<Proxy>,
}

// ---------------------------------------------------------------------------------------------
// Packs
// ---------------------------------------------------------------------------------------------

/// A legal pack: the rules one body of law sets for input categories, and the rights it gives
/// workers.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Optional schema version; if present it must equal [`SCHEMA_VERSION`].
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
    pub evidence: Evidence,
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
    /// entry into force. Informational: [`resolve`] does not filter on it.
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
    pub evidence: Evidence,
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

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// Why a policy file or pack selection could not be used. Messages name the file and key, say
/// what was expected and end with a `hint:` line.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// The pack file could not be read.
    #[error("cannot read policy pack {}: {source}\nhint: check that the path exists and is readable", path.display())]
    Read {
        /// The path given.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid TOML or does not fit the schema (wrong type, unknown or missing
    /// key).
    #[error("{file}:{line}:{column}: key `{key}`: {message}\nhint: {hint}")]
    Syntax {
        /// File name.
        file: String,
        /// 1-based line (0 if unknown).
        line: usize,
        /// 1-based column (0 if unknown).
        column: usize,
        /// Table path and key, e.g. `rule[3].severity`.
        key: String,
        /// The parser's message.
        message: String,
        /// Advice.
        hint: String,
    },
    /// A reference to a category, proxy or instrument that does not exist.
    #[error("{file}: key `{key}`: unknown {what} `{value}`{suggestion}\nhint: {hint}")]
    UnknownReference {
        /// File name.
        file: String,
        /// Table path and key.
        key: String,
        /// What was referenced.
        what: Reference,
        /// The value found.
        value: String,
        /// `", did you mean `x`?"` or empty.
        suggestion: String,
        /// Advice.
        hint: &'static str,
    },
    /// A value that parses but breaks a rule of the schema (empty text, bad id, bad regex,
    /// duplicate id, bad date).
    #[error("{file}: key `{key}`: {problem}\nhint: {hint}")]
    Invalid {
        /// File name.
        file: String,
        /// Table path and key.
        key: String,
        /// What is wrong, naming the bad value and what was expected.
        problem: String,
        /// Advice.
        hint: String,
    },
    /// A pack id that is not among the loaded packs.
    #[error("unknown policy pack `{id}`{suggestion}\nhint: available packs are: {available}")]
    UnknownPack {
        /// The id asked for.
        id: String,
        /// `", did you mean `x`?"` or empty.
        suggestion: String,
        /// Comma-separated ids.
        available: String,
    },
    /// Two packs with the same id.
    #[error(
        "policy pack id `{id}` is used twice ({first} and {second})\nhint: give each pack file a unique `id`"
    )]
    DuplicatePack {
        /// The duplicated id.
        id: String,
        /// File of the first pack.
        first: String,
        /// File of the second pack.
        second: String,
    },
}

/// The kind of id a [`PolicyError::UnknownReference`] failed to find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    /// A category id from `categories.toml`.
    Category,
    /// A proxy id from `categories.toml`.
    Proxy,
    /// An instrument id declared in the same pack.
    Instrument,
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Reference::Category => "category",
            Reference::Proxy => "proxy",
            Reference::Instrument => "instrument",
        })
    }
}

/// `", did you mean `x`?"` for the candidate closest to `value`, or an empty string.
fn suggestion<'c>(value: &str, candidates: impl IntoIterator<Item = &'c str>) -> String {
    closest(value, candidates)
        .map(|c| format!(", did you mean `{c}`?"))
        .unwrap_or_default()
}

/// The candidate most similar to `value`: the shortest candidate containing it (so `gender`
/// finds `sex_gender`), else the best Jaro-Winkler match on lowercase if similar enough.
fn closest<'c>(value: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let wanted = value.trim().to_lowercase();
    let candidates: Vec<&'c str> = candidates.into_iter().collect();
    if wanted.len() >= 3 {
        let containing = candidates
            .iter()
            .copied()
            .filter(|c| c.to_lowercase().contains(&wanted))
            .min_by_key(|c| c.len());
        if containing.is_some() {
            return containing;
        }
    }
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&wanted, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

/// The built-in category catalogue, validated, with each category's proxies attached.
///
/// # Errors
/// Only if the embedded `policies/categories.toml` is broken, which the crate's tests rule out.
pub fn builtin_categories() -> Result<Vec<Category>, PolicyError> {
    parse_categories(CATEGORIES_FILE, CATEGORIES_TOML)
}

/// Parses and validates a category catalogue with the schema of `policies/categories.toml`.
/// `file` is used in error messages.
///
/// # Errors
/// [`PolicyError::Syntax`] for TOML or schema errors, [`PolicyError::Invalid`] or
/// [`PolicyError::UnknownReference`] for validation failures.
pub fn parse_categories(file: &str, text: &str) -> Result<Vec<Category>, PolicyError> {
    let catalogue: CatalogueFile = parse_toml(file, text)?;
    validate_catalogue(file, catalogue)
}

/// The built-in legal packs (`pipl`, `cn-labour`, `gdpr`, `eu-ai-act`, `eu-pwd`,
/// `us-federal`, `nyc-ll144`, `us-il`), validated against the built-in categories.
///
/// # Errors
/// Only if an embedded pack is broken, which the crate's tests rule out.
pub fn builtin_packs() -> Result<Vec<Pack>, PolicyError> {
    let categories = builtin_categories()?;
    let mut packs = Vec::with_capacity(BUILTIN_PACKS.len());
    for (id, file, text) in BUILTIN_PACKS {
        let pack = parse_pack(file, text, &categories)?;
        if pack.id != *id {
            return Err(PolicyError::Invalid {
                file: (*file).to_string(),
                key: "id".to_string(),
                problem: format!(
                    "pack id is `{}` but the file is registered as `{id}`",
                    pack.id
                ),
                hint: "keep the `id` key equal to the file name without `.toml`".to_string(),
            });
        }
        packs.push(pack);
    }
    Ok(packs)
}

/// Reads and validates a user pack file with the same schema as the built-in packs. Rules must
/// reference categories and proxies of the built-in catalogue.
///
/// # Errors
/// [`PolicyError::Read`] if the file cannot be read; otherwise as [`parse_pack`].
pub fn load_pack(path: &Path) -> Result<Pack, PolicyError> {
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(PolicyError::Read {
            path: path.to_path_buf(),
            source: std::io::Error::other("not a regular file; Candor reads only regular files"),
        });
    }
    crate::inputs::record(path);
    let text = std::fs::read_to_string(path).map_err(|source| PolicyError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let categories = builtin_categories()?;
    parse_pack(&path.display().to_string(), &text, &categories)
}

/// Parses and validates pack text against a category catalogue. `file` is used in messages.
///
/// # Errors
/// [`PolicyError::Syntax`] for TOML or schema errors (unknown keys are rejected);
/// [`PolicyError::UnknownReference`] for unknown categories, proxies or instruments (naming
/// the closest id); [`PolicyError::Invalid`] for empty texts, bad ids, dates or duplicates.
pub fn parse_pack(file: &str, text: &str, categories: &[Category]) -> Result<Pack, PolicyError> {
    let pack: Pack = parse_toml(file, text)?;
    validate_pack(file, &pack, categories)?;
    Ok(pack)
}

/// Selects packs by id, in the order asked, without duplicates. An empty `ids` selects all.
///
/// # Errors
/// [`PolicyError::UnknownPack`] naming the closest existing id and listing the available ones.
pub fn select_packs<'a>(all: &'a [Pack], ids: &[String]) -> Result<Vec<&'a Pack>, PolicyError> {
    if ids.is_empty() {
        return Ok(all.iter().collect());
    }
    let mut chosen: Vec<&Pack> = Vec::with_capacity(ids.len());
    for id in ids {
        let wanted = id.trim();
        let pack = all
            .iter()
            .find(|pack| pack.id.eq_ignore_ascii_case(wanted))
            .ok_or_else(|| PolicyError::UnknownPack {
                id: id.clone(),
                suggestion: suggestion(wanted, all.iter().map(|pack| pack.id.as_str())),
                available: all
                    .iter()
                    .map(|pack| pack.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })?;
        if !chosen.iter().any(|p| p.id == pack.id) {
            chosen.push(pack);
        }
    }
    Ok(chosen)
}

/// Checks that pack ids are unique across a set of packs (built-in plus user packs).
///
/// # Errors
/// [`PolicyError::DuplicatePack`] for the first id used twice.
pub fn check_unique_ids(packs: &[(String, Pack)]) -> Result<(), PolicyError> {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for (file, pack) in packs {
        if let Some(first) = seen.insert(pack.id.as_str(), file.as_str()) {
            return Err(PolicyError::DuplicatePack {
                id: pack.id.clone(),
                first: first.to_string(),
                second: file.clone(),
            });
        }
    }
    Ok(())
}

fn parse_toml<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, PolicyError> {
    toml::from_str(text).map_err(|err| {
        let (line, column, key) = match err.span() {
            Some(span) => locate(text, span.start),
            None => (0, 0, "(document)".to_string()),
        };
        let message = err.message().trim().to_string();
        let hint = hint_for_message(&message);
        PolicyError::Syntax {
            file: file.to_string(),
            line,
            column,
            key,
            message,
            hint,
        }
    })
}

/// 1-based line and column of byte `offset`, and the table path and key around it, found by
/// scanning back for the nearest `key =` line and table header (`[[rule]]` counted as
/// `rule[n]`).
fn locate(text: &str, offset: usize) -> (usize, usize, String) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;

    let lines: Vec<&str> = text.lines().collect();
    let current = line.saturating_sub(1).min(lines.len().saturating_sub(1));
    let mut key: Option<String> = None;
    let mut header: Option<(String, bool, usize)> = None;
    for index in (0..=current).rev() {
        let Some(raw) = lines.get(index) else {
            continue;
        };
        let trimmed = raw.trim_start();
        if trimmed.starts_with('[') {
            let is_array = trimmed.starts_with("[[");
            let name = trimmed
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            header = Some((name, is_array, index));
            break;
        }
        if key.is_none() {
            let candidate = trimmed.split_once('=').map_or("", |(k, _)| k.trim());
            if !candidate.is_empty()
                && candidate
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')
            {
                key = Some(candidate.to_string());
            }
        }
    }
    let table = header.map(|(name, is_array, at)| {
        if is_array {
            let pattern = format!("[[{name}]]");
            let n = lines
                .iter()
                .take(at + 1)
                .filter(|l| l.trim_start().starts_with(&pattern))
                .count();
            format!("{name}[{}]", n.saturating_sub(1))
        } else {
            name
        }
    });
    let path = match (table, key) {
        (Some(table), Some(key)) => format!("{table}.{key}"),
        (Some(table), None) => table,
        (None, Some(key)) => key,
        (None, None) => "(document)".to_string(),
    };
    (line, column, path)
}

/// A hint for a parser message: the closest accepted name for unknown keys and variants.
fn hint_for_message(message: &str) -> String {
    for marker in ["unknown field `", "unknown variant `"] {
        if let Some(rest) = message.split(marker).nth(1) {
            let found = rest.split('`').next().unwrap_or("");
            let expected: Vec<&str> = message
                .split("expected ")
                .nth(1)
                .map(|list| list.split('`').skip(1).step_by(2).collect())
                .unwrap_or_default();
            if let Some(best) = closest(found, expected.iter().copied()) {
                return format!("did you mean `{best}`? ({SCHEMA_HINT})");
            }
            if !expected.is_empty() {
                return format!("expected one of: {} ({SCHEMA_HINT})", expected.join(", "));
            }
        }
    }
    if message.contains("expected a sequence") {
        return format!("write a TOML array, e.g. stages = [\"employment\"] ({SCHEMA_HINT})");
    }
    if let Some(rest) = message.split("missing field `").nth(1) {
        let field = rest.split('`').next().unwrap_or("");
        return format!("add the key `{field}` to this table ({SCHEMA_HINT})");
    }
    SCHEMA_HINT.to_string()
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

fn invalid(file: &str, key: String, problem: String, hint: &str) -> PolicyError {
    PolicyError::Invalid {
        file: file.to_string(),
        key,
        problem,
        hint: hint.to_string(),
    }
}

fn is_snake_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn is_pack_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn is_date(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
        && matches!(
            value.get(5..7).and_then(|m| m.parse::<u8>().ok()),
            Some(1..=12)
        )
        && matches!(
            value.get(8..10).and_then(|d| d.parse::<u8>().ok()),
            Some(1..=31)
        )
}

fn require_text(file: &str, key: String, value: &str) -> Result<(), PolicyError> {
    if value.trim().is_empty() {
        return Err(invalid(
            file,
            key,
            "expected a non-empty text, found an empty string".to_string(),
            "write a short paraphrase; summaries must never be left empty",
        ));
    }
    Ok(())
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(names::is_cjk)
}

/// Checks the lexicon of a category or proxy: English and pinyin terms must produce tokens and
/// contain no Chinese characters; Chinese terms must contain a Chinese character.
fn check_lexicon(file: &str, at: &str, lexicon: Lexicon<'_>) -> Result<(), PolicyError> {
    let token_lists = [
        ("keywords_en", lexicon.keywords_en),
        ("weak_en", lexicon.weak_en),
        ("keywords_pinyin", lexicon.keywords_pinyin),
        ("weak_pinyin", lexicon.weak_pinyin),
        ("exclude_en", lexicon.exclude_en),
    ];
    for (name, terms) in token_lists {
        for (i, term) in terms.iter().enumerate() {
            if names::tokenize(term).is_empty() || has_cjk(term) {
                return Err(invalid(
                    file,
                    format!("{at}.{name}[{i}]"),
                    format!("expected a word or words in Latin letters or digits, found `{term}`"),
                    "put Chinese terms in keywords_zh, weak_zh or exclude_zh",
                ));
            }
        }
    }
    let substring_lists = [
        ("keywords_zh", lexicon.keywords_zh),
        ("weak_zh", lexicon.weak_zh),
        ("exclude_zh", lexicon.exclude_zh),
    ];
    for (name, terms) in substring_lists {
        for (i, term) in terms.iter().enumerate() {
            if !has_cjk(term) {
                return Err(invalid(
                    file,
                    format!("{at}.{name}[{i}]"),
                    format!("expected a term with Chinese characters, found `{term}`"),
                    "Chinese terms are matched as substrings; put Latin-script terms in keywords_en or keywords_pinyin, where they are matched as whole tokens",
                ));
            }
        }
    }
    Ok(())
}

fn check_category_refs(
    file: &str,
    key: String,
    ids: &[String],
    known: &BTreeSet<&str>,
) -> Result<(), PolicyError> {
    for id in ids {
        if !known.contains(id.as_str()) {
            return Err(PolicyError::UnknownReference {
                file: file.to_string(),
                key,
                what: Reference::Category,
                value: id.clone(),
                suggestion: suggestion(id, known.iter().copied()),
                hint: "category ids are the `id` keys of the [[category]] tables in policies/categories.toml",
            });
        }
    }
    Ok(())
}

fn validate_catalogue(file: &str, catalogue: CatalogueFile) -> Result<Vec<Category>, PolicyError> {
    if catalogue.schema_version != SCHEMA_VERSION {
        return Err(invalid(
            file,
            "schema_version".to_string(),
            format!(
                "expected schema_version = {SCHEMA_VERSION}, found {}",
                catalogue.schema_version
            ),
            "this build reads schema version 1; update the file or the tool",
        ));
    }
    let CatalogueFile {
        mut categories,
        proxies,
        ..
    } = catalogue;
    if categories.is_empty() {
        return Err(invalid(
            file,
            "category".to_string(),
            "expected at least one [[category]] table".to_string(),
            SCHEMA_HINT,
        ));
    }
    let mut known: BTreeSet<&str> = BTreeSet::new();
    for (i, category) in categories.iter().enumerate() {
        let at = format!("category[{i}]");
        if !is_snake_id(&category.id) {
            return Err(invalid(
                file,
                format!("{at}.id"),
                format!(
                    "expected a snake_case id (lowercase letters, digits, `_`), found `{}`",
                    category.id
                ),
                "ids are referenced by packs and reports; keep them stable",
            ));
        }
        if !known.insert(category.id.as_str()) {
            return Err(invalid(
                file,
                format!("{at}.id"),
                format!("category id `{}` is used twice", category.id),
                "merge the two tables or rename one",
            ));
        }
        let at = format!("category[{i}] (id = \"{}\")", category.id);
        for (name, value) in [
            ("code", &category.code),
            ("label_en", &category.label_en),
            ("label_zh", &category.label_zh),
            ("summary_en", &category.summary_en),
            ("summary_zh", &category.summary_zh),
        ] {
            require_text(file, format!("{at}.{name}"), value)?;
        }
        check_lexicon(file, &at, category.lexicon())?;
        if category.keywords_en.is_empty() && category.keywords_zh.is_empty() {
            return Err(invalid(
                file,
                format!("{at}.keywords_en"),
                "expected at least one keyword in keywords_en or keywords_zh".to_string(),
                "a category that cannot be named cannot be detected by the name layer",
            ));
        }
        for (j, pattern) in category.value_regex.iter().enumerate() {
            if let Err(err) = Regex::new(pattern) {
                return Err(invalid(
                    file,
                    format!("{at}.value_regex[{j}]"),
                    format!("invalid regular expression `{pattern}`: {err}"),
                    "patterns use the syntax of the Rust regex crate; use single-quoted TOML strings so backslashes stay literal",
                ));
            }
        }
        if category.value_min_distinct == 0 {
            return Err(invalid(
                file,
                format!("{at}.value_min_distinct"),
                "expected a number of at least 1, found 0".to_string(),
                "leave the key out for the default of 1",
            ));
        }
    }
    for (i, category) in categories.iter().enumerate() {
        let at = format!("category[{i}] (id = \"{}\").linked", category.id);
        check_category_refs(file, at, &category.linked, &known)?;
    }
    let mut proxy_ids: BTreeSet<&str> = BTreeSet::new();
    for (i, proxy) in proxies.iter().enumerate() {
        let at = format!("proxy[{i}]");
        if !is_snake_id(&proxy.id) {
            return Err(invalid(
                file,
                format!("{at}.id"),
                format!("expected a snake_case id, found `{}`", proxy.id),
                "proxy ids are referenced by pack rules (`proxy = ...`)",
            ));
        }
        if !proxy_ids.insert(proxy.id.as_str()) {
            return Err(invalid(
                file,
                format!("{at}.id"),
                format!("proxy id `{}` is used twice", proxy.id),
                "merge the two tables or rename one",
            ));
        }
        let at = format!("proxy[{i}] (id = \"{}\")", proxy.id);
        require_text(file, format!("{at}.label_en"), &proxy.label_en)?;
        require_text(file, format!("{at}.label_zh"), &proxy.label_zh)?;
        check_lexicon(file, &at, proxy.lexicon())?;
        if proxy.keywords_en.is_empty() && proxy.keywords_zh.is_empty() {
            return Err(invalid(
                file,
                format!("{at}.keywords_en"),
                "expected at least one keyword in keywords_en or keywords_zh".to_string(),
                SCHEMA_HINT,
            ));
        }
        if proxy.direct.is_empty() && proxy.reveals.is_empty() {
            return Err(invalid(
                file,
                format!("{at}.reveals"),
                "expected at least one category in `reveals` or `direct`".to_string(),
                "a proxy must say which categories it can stand for",
            ));
        }
        check_category_refs(file, format!("{at}.direct"), &proxy.direct, &known)?;
        check_category_refs(file, format!("{at}.reveals"), &proxy.reveals, &known)?;
    }
    for category in &mut categories {
        category.proxies = proxies
            .iter()
            .filter(|p| p.direct.contains(&category.id) || p.reveals.contains(&category.id))
            .cloned()
            .collect();
    }
    Ok(categories)
}

fn validate_pack(file: &str, pack: &Pack, categories: &[Category]) -> Result<(), PolicyError> {
    if let Some(version) = pack.schema_version.filter(|v| *v != SCHEMA_VERSION) {
        return Err(invalid(
            file,
            "schema_version".to_string(),
            format!("expected schema_version = {SCHEMA_VERSION}, found {version}"),
            "leave the key out or set it to 1",
        ));
    }
    if !is_pack_id(&pack.id) {
        return Err(invalid(
            file,
            "id".to_string(),
            format!(
                "expected an id of lowercase letters, digits and `-`, found `{}`",
                pack.id
            ),
            "the id is what users pass to select the pack, e.g. `my-company`",
        ));
    }
    for (name, value) in [
        ("title_en", &pack.title_en),
        ("title_zh", &pack.title_zh),
        ("jurisdiction", &pack.jurisdiction),
    ] {
        require_text(file, name.to_string(), value)?;
    }
    if !is_date(&pack.as_of) {
        return Err(invalid(
            file,
            "as_of".to_string(),
            format!("expected a date YYYY-MM-DD, found `{}`", pack.as_of),
            "the date the pack's statements were last checked",
        ));
    }
    if pack.rules.is_empty() && pack.rights.is_empty() {
        return Err(invalid(
            file,
            "rule".to_string(),
            "expected at least one [[rule]] or [[right]] table".to_string(),
            SCHEMA_HINT,
        ));
    }
    let mut instruments: BTreeSet<&str> = BTreeSet::new();
    for (i, instrument) in pack.instruments.iter().enumerate() {
        let at = format!("instrument[{i}]");
        if !is_snake_id(&instrument.id) {
            return Err(invalid(
                file,
                format!("{at}.id"),
                format!("expected a snake_case id, found `{}`", instrument.id),
                "rules refer to instruments by this id",
            ));
        }
        if !instruments.insert(instrument.id.as_str()) {
            return Err(invalid(
                file,
                format!("{at}.id"),
                format!("instrument id `{}` is used twice", instrument.id),
                "give each instrument a unique id",
            ));
        }
        require_text(file, format!("{at}.name_en"), &instrument.name_en)?;
        require_text(file, format!("{at}.name_zh"), &instrument.name_zh)?;
    }
    let known: BTreeSet<&str> = categories.iter().map(|c| c.id.as_str()).collect();
    for (i, rule) in pack.rules.iter().enumerate() {
        let at = format!("rule[{i}]");
        let Some(category) = categories.iter().find(|c| c.id == rule.category) else {
            return Err(PolicyError::UnknownReference {
                file: file.to_string(),
                key: format!("{at}.category"),
                what: Reference::Category,
                value: rule.category.clone(),
                suggestion: suggestion(&rule.category, known.iter().copied()),
                hint: "category ids are listed in policies/categories.toml",
            });
        };
        let unknown_proxy = rule
            .proxy
            .as_ref()
            .filter(|id| !category.proxies.iter().any(|p| &p.id == *id));
        if let Some(proxy_id) = unknown_proxy {
            return Err(PolicyError::UnknownReference {
                file: file.to_string(),
                key: format!("{at}.proxy"),
                what: Reference::Proxy,
                value: proxy_id.clone(),
                suggestion: suggestion(proxy_id, category.proxies.iter().map(|p| p.id.as_str())),
                hint: "the proxy must exist in policies/categories.toml and list the rule's category in `reveals` or `direct`",
            });
        }
        check_instrument(
            file,
            &format!("{at}.instrument"),
            &rule.instrument,
            &instruments,
        )?;
        require_text(file, format!("{at}.citation"), &rule.citation)?;
        require_text(file, format!("{at}.summary_en"), &rule.summary_en)?;
        require_text(file, format!("{at}.summary_zh"), &rule.summary_zh)?;
        check_stages(file, &format!("{at}.stages"), &rule.stages, false)?;
        for (k, limit) in rule.limits.iter().enumerate() {
            if !(limit.amount.is_finite() && limit.amount > 0.0) {
                return Err(invalid(
                    file,
                    format!("{at}.limits[{k}].amount"),
                    format!("expected a positive number, found {}", limit.amount),
                    "write e.g. limits = [{ amount = 36, unit = \"hours_per_month\", what_en = \"...\", what_zh = \"...\" }]",
                ));
            }
            require_text(file, format!("{at}.limits[{k}].what_en"), &limit.what_en)?;
            require_text(file, format!("{at}.limits[{k}].what_zh"), &limit.what_zh)?;
        }
        if let Some(flag) = rule.conditions.iter().find(|f| rule.unless.contains(f)) {
            return Err(invalid(
                file,
                format!("{at}.unless"),
                format!("flag `{flag:?}` is both a condition and an exception"),
                "a flag cannot both switch the rule on and lift it",
            ));
        }
        if let Some(date) = rule.applies_from.as_ref().filter(|d| !is_date(d)) {
            return Err(invalid(
                file,
                format!("{at}.applies_from"),
                format!("expected a date YYYY-MM-DD, found `{date}`"),
                "leave the key out if the rule applies from the instrument's entry into force",
            ));
        }
    }
    let mut right_ids: BTreeSet<&str> = BTreeSet::new();
    for (i, right) in pack.rights.iter().enumerate() {
        let at = format!("right[{i}]");
        if right.id.trim().is_empty() || !right_ids.insert(right.id.as_str()) {
            return Err(invalid(
                file,
                format!("{at}.id"),
                format!("expected a unique, non-empty id, found `{}`", right.id),
                "give each right its own id, e.g. `pipl-24-3-explanation`",
            ));
        }
        check_instrument(
            file,
            &format!("{at}.instrument"),
            &right.instrument,
            &instruments,
        )?;
        require_text(file, format!("{at}.citation"), &right.citation)?;
        require_text(file, format!("{at}.summary_en"), &right.summary_en)?;
        require_text(file, format!("{at}.summary_zh"), &right.summary_zh)?;
        check_stages(file, &format!("{at}.stages"), &right.stages, true)?;
        if let Some(deadline) = &right.deadline {
            if deadline.amount.is_some() != deadline.unit.is_some() {
                return Err(invalid(
                    file,
                    format!("{at}.deadline"),
                    "expected `amount` and `unit` together, or neither".to_string(),
                    "e.g. deadline = { amount = 1, unit = \"months\", when_en = \"...\", when_zh = \"...\" }",
                ));
            }
            if deadline.amount.is_some() && deadline.binds.is_none() {
                return Err(invalid(
                    file,
                    format!("{at}.deadline.binds"),
                    "a deadline with a length must say who must act within it".to_string(),
                    "add binds = \"worker\" (a time to complain or sue) or binds = \"employer\" (a time to answer)",
                ));
            }
            require_text(file, format!("{at}.deadline.when_en"), &deadline.when_en)?;
            require_text(file, format!("{at}.deadline.when_zh"), &deadline.when_zh)?;
        }
    }
    Ok(())
}

fn check_instrument(
    file: &str,
    key: &str,
    value: &str,
    instruments: &BTreeSet<&str>,
) -> Result<(), PolicyError> {
    if instruments.contains(value) {
        return Ok(());
    }
    Err(PolicyError::UnknownReference {
        file: file.to_string(),
        key: key.to_string(),
        what: Reference::Instrument,
        value: value.to_string(),
        suggestion: suggestion(value, instruments.iter().copied()),
        hint: "declare the instrument in an [[instrument]] table of the same pack",
    })
}

fn check_stages(
    file: &str,
    key: &str,
    stages: &[Stage],
    empty_ok: bool,
) -> Result<(), PolicyError> {
    if stages.is_empty() && !empty_ok {
        return Err(invalid(
            file,
            key.to_string(),
            "expected at least one stage".to_string(),
            "stages are recruitment, employment, termination, post_termination",
        ));
    }
    let unique: BTreeSet<&Stage> = stages.iter().collect();
    if unique.len() != stages.len() {
        return Err(invalid(
            file,
            key.to_string(),
            "a stage is listed twice".to_string(),
            "list each stage once",
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------------------------

/// What to resolve: a category at a stage, in a context, possibly reached through a proxy.
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

#[cfg(test)]
mod tests {
    use super::*;

    const BUILTIN_IDS: [&str; 8] = [
        "pipl",
        "cn-labour",
        "gdpr",
        "eu-ai-act",
        "eu-pwd",
        "us-federal",
        "nyc-ll144",
        "us-il",
    ];

    const CATEGORY_IDS: [&str; 28] = [
        "health",
        "disability",
        "infectious_disease_carrier",
        "pregnancy_maternity",
        "genetic",
        "biometric",
        "emotion_psych_state",
        "physiological_and_rest_breaks",
        "off_hours_private_life",
        "working_time",
        "private_communications",
        "location_outside_work",
        "union_collective_activity",
        "political_opinion",
        "religion_belief",
        "race_ethnicity_origin",
        "sex_gender",
        "sexual_orientation_sex_life",
        "age",
        "hukou_origin",
        "marital_family_status",
        "job_search_activity",
        "social_media",
        "criminal_record",
        "financial_status",
        "protected_leave_and_rights_exercise",
        "appearance_physical",
        "minor_data",
    ];

    fn packs() -> Vec<Pack> {
        builtin_packs().expect("built-in packs must load")
    }

    fn categories() -> Vec<Category> {
        builtin_categories().expect("built-in categories must load")
    }

    const MINIMAL_PACK: &str = r#"
id = "my-company"
title_en = "My company"
title_zh = "我的公司"
jurisdiction = "CN"
as_of = "2026-11-23"

[[instrument]]
id = "handbook"
name_en = "Employee handbook"
name_zh = "员工手册"

[[rule]]
category = "health"
instrument = "handbook"
citation = "Handbook 3.2"
effect = "special_category"
severity = "high"
stages = ["employment"]
evidence = "primary"
summary_en = "No health data in scoring."
summary_zh = "评分中不使用健康数据。"
"#;

    #[test]
    fn builtin_categories_are_the_28_expected_ids() {
        let ids: Vec<String> = categories().into_iter().map(|c| c.id).collect();
        assert_eq!(ids, CATEGORY_IDS.map(String::from).to_vec());
    }

    #[test]
    fn builtin_packs_load_with_expected_ids() {
        let ids: Vec<String> = packs().into_iter().map(|p| p.id).collect();
        assert_eq!(ids, BUILTIN_IDS.map(String::from).to_vec());
    }

    #[test]
    fn every_category_has_a_rule_in_some_pack() {
        let packs = packs();
        for id in CATEGORY_IDS {
            assert!(
                packs
                    .iter()
                    .flat_map(|p| &p.rules)
                    .any(|r| r.category == id),
                "no rule for {id}"
            );
        }
    }

    #[test]
    fn every_pack_gives_rights_and_bilingual_summaries() {
        for pack in packs() {
            assert!(!pack.rights.is_empty(), "{} has no rights", pack.id);
            for rule in &pack.rules {
                assert!(
                    rule.summary_zh.chars().any(names::is_cjk),
                    "{}",
                    rule.citation
                );
            }
        }
    }

    #[test]
    fn required_rights_are_present_with_deadlines() {
        let packs = packs();
        let right = |pack: &str, id: &str| -> Right {
            packs
                .iter()
                .find(|p| p.id == pack)
                .and_then(|p| p.rights.iter().find(|r| r.id == id))
                .cloned()
                .unwrap_or_else(|| panic!("missing right {pack}/{id}"))
        };
        assert_eq!(
            right("pipl", "pipl-24-3-explanation").kind,
            RightKind::Explanation
        );
        assert_eq!(
            right("pipl", "pipl-24-3-refuse").kind,
            RightKind::RefuseAutomated
        );
        let access = right("gdpr", "gdpr-15-1-h-access");
        let deadline = access.deadline.expect("GDPR access has a deadline");
        assert_eq!(
            (deadline.amount, deadline.unit),
            (Some(1), Some(DeadlineUnit::Months))
        );
        assert_eq!(
            right("gdpr", "gdpr-22-1-not-solely-automated").kind,
            RightKind::RefuseAutomated
        );
        assert_eq!(
            right("eu-ai-act", "aia-86-explanation").kind,
            RightKind::Explanation
        );
        let review = right("eu-pwd", "pwd-11-2-review")
            .deadline
            .expect("deadline");
        assert_eq!(
            (review.amount, review.unit),
            (Some(2), Some(DeadlineUnit::Weeks))
        );
        let notice = right("nyc-ll144", "ll144-notice")
            .deadline
            .expect("deadline");
        assert_eq!(
            (notice.amount, notice.unit),
            (Some(10), Some(DeadlineUnit::BusinessDays))
        );
        for id in [
            "pwd-9-information",
            "pwd-11-1-explanation",
            "pwd-11-1-written-reasons",
        ] {
            right("eu-pwd", id);
        }
    }

    #[test]
    fn proxies_are_attached_to_the_categories_they_reveal() {
        let categories = categories();
        let hukou = categories
            .iter()
            .find(|c| c.id == "hukou_origin")
            .expect("hukou");
        let ids: Vec<&str> = hukou.proxies.iter().map(|p| p.id.as_str()).collect();
        for expected in ["zip_code", "residence", "commute", "cn_resident_id"] {
            assert!(ids.contains(&expected), "{expected} missing from {ids:?}");
        }
        let working = categories
            .iter()
            .find(|c| c.id == "working_time")
            .expect("working time");
        let overtime = working
            .proxies
            .iter()
            .find(|p| p.id == "overtime")
            .expect("overtime proxy");
        assert!(overtime.is_direct_for("working_time"));
        assert!(!overtime.is_direct_for("sex_gender"));
    }

    #[test]
    fn value_regexes_compile() {
        let health = categories()
            .into_iter()
            .find(|c| c.id == "health")
            .expect("health");
        assert_eq!(health.value_regexes().len(), health.value_regex.len());
        assert!(health.value_regexes()[0].is_match("J45.9"));
    }

    #[test]
    fn select_packs_keeps_order_and_drops_duplicates() {
        let all = packs();
        let ids = ["gdpr", "pipl", "GDPR"].map(String::from);
        let chosen = select_packs(&all, &ids).expect("known ids");
        let got: Vec<&str> = chosen.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(got, ["gdpr", "pipl"]);
        assert_eq!(select_packs(&all, &[]).expect("all").len(), all.len());
    }

    #[test]
    fn select_packs_unknown_id_names_the_closest() {
        let all = packs();
        let err = select_packs(&all, &["gpdr".to_string()]).expect_err("unknown id");
        let message = err.to_string();
        assert!(message.contains("unknown policy pack `gpdr`"), "{message}");
        assert!(message.contains("did you mean `gdpr`?"), "{message}");
        assert!(
            message.contains("hint: available packs are: pipl, cn-labour"),
            "{message}"
        );
        let err = select_packs(&all, &["cn-labor".to_string()]).expect_err("unknown id");
        assert!(
            err.to_string().contains("did you mean `cn-labour`?"),
            "{err}"
        );
    }

    #[test]
    fn parse_pack_accepts_a_minimal_user_pack() {
        let pack = parse_pack("mine.toml", MINIMAL_PACK, &categories()).expect("valid");
        assert_eq!(pack.id, "my-company");
        assert_eq!(pack.rules[0].severity, Severity::High);
    }

    #[test]
    fn parse_pack_unknown_key_names_file_line_key_and_suggests() {
        let text = MINIMAL_PACK.replace("severity = \"high\"", "severty = \"high\"");
        let err = parse_pack("mine.toml", &text, &categories()).expect_err("unknown key");
        let message = err.to_string();
        assert!(message.starts_with("mine.toml:"), "{message}");
        assert!(message.contains("rule[0]"), "{message}");
        assert!(message.contains("severty"), "{message}");
        assert!(message.contains("did you mean `severity`?"), "{message}");
    }

    #[test]
    fn parse_pack_bad_enum_value_suggests_the_closest_variant() {
        let text = MINIMAL_PACK.replace("severity = \"high\"", "severity = \"blocker\"");
        let err = parse_pack("mine.toml", &text, &categories()).expect_err("bad variant");
        let message = err.to_string();
        assert!(message.contains("key `rule[0].severity`"), "{message}");
        assert!(message.contains("did you mean `block`?"), "{message}");
    }

    #[test]
    fn parse_pack_missing_key_says_which() {
        let text = MINIMAL_PACK.replace("summary_zh = \"评分中不使用健康数据。\"\n", "");
        let err = parse_pack("mine.toml", &text, &categories()).expect_err("missing key");
        let message = err.to_string();
        assert!(message.contains("summary_zh"), "{message}");
        assert!(
            message.contains("hint: add the key `summary_zh`"),
            "{message}"
        );
    }

    #[test]
    fn parse_pack_unknown_category_names_the_closest() {
        let text = MINIMAL_PACK.replace("category = \"health\"", "category = \"helth\"");
        let err = parse_pack("mine.toml", &text, &categories()).expect_err("unknown category");
        assert!(matches!(
            err,
            PolicyError::UnknownReference {
                what: Reference::Category,
                ..
            }
        ));
        let message = err.to_string();
        assert!(
            message.contains("mine.toml: key `rule[0].category`"),
            "{message}"
        );
        assert!(message.contains("did you mean `health`?"), "{message}");
        assert!(message.contains("hint:"), "{message}");
        let text = MINIMAL_PACK.replace("category = \"health\"", "category = \"gender\"");
        let err = parse_pack("mine.toml", &text, &categories()).expect_err("unknown category");
        assert!(
            err.to_string().contains("did you mean `sex_gender`?"),
            "{err}"
        );
    }

    #[test]
    fn parse_pack_unknown_instrument_and_empty_summary_are_rejected() {
        let text = MINIMAL_PACK.replace(
            "instrument = \"handbook\"\ncitation",
            "instrument = \"handbok\"\ncitation",
        );
        let err = parse_pack("mine.toml", &text, &categories()).expect_err("unknown instrument");
        assert!(
            err.to_string().contains("did you mean `handbook`?"),
            "{err}"
        );
        let text = MINIMAL_PACK.replace("No health data in scoring.", " ");
        let err = parse_pack("mine.toml", &text, &categories()).expect_err("empty summary");
        assert!(err.to_string().contains("rule[0].summary_en"), "{err}");
    }

    #[test]
    fn parse_pack_proxy_rule_needs_a_matching_proxy() {
        let text = MINIMAL_PACK.replace(
            "category = \"health\"",
            "category = \"race_ethnicity_origin\"\nproxy = \"zip_cod\"",
        );
        let err = parse_pack("mine.toml", &text, &categories()).expect_err("unknown proxy");
        assert!(
            err.to_string().contains("did you mean `zip_code`?"),
            "{err}"
        );
    }

    #[test]
    fn parse_categories_rejects_a_bad_regex_with_its_key() {
        let text = r#"
schema_version = 1
[[category]]
id = "health"
code = "C01"
label_en = "Health"
label_zh = "健康"
summary_en = "Health."
summary_zh = "健康。"
default_severity = "high"
keywords_en = ["health"]
value_regex = ['^[A-Z']
"#;
        let err = parse_categories("cats.toml", text).expect_err("bad regex");
        let message = err.to_string();
        assert!(message.contains("value_regex[0]"), "{message}");
        assert!(message.contains("invalid regular expression"), "{message}");
    }

    #[test]
    fn parse_categories_rejects_latin_terms_in_chinese_lists() {
        let text = r#"
schema_version = 1
[[category]]
id = "health"
code = "C01"
label_en = "Health"
label_zh = "健康"
summary_en = "Health."
summary_zh = "健康。"
default_severity = "high"
keywords_zh = ["DNA"]
"#;
        let err = parse_categories("cats.toml", text).expect_err("latin in zh");
        assert!(err.to_string().contains("keywords_zh[0]"), "{err}");
    }

    #[test]
    fn load_pack_reads_a_file_and_reports_missing_files() {
        let dir = std::env::temp_dir().join(format!("candor-policy-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("mine.toml");
        std::fs::write(&path, MINIMAL_PACK).expect("write pack");
        let pack = load_pack(&path).expect("loads");
        assert_eq!(pack.id, "my-company");
        let missing = dir.join("missing.toml");
        let err = load_pack(&missing).expect_err("missing file");
        assert!(matches!(err, PolicyError::Read { .. }));
        assert!(err.to_string().contains("missing.toml"), "{err}");
        std::fs::remove_dir_all(&dir).expect("clean up");
    }

    #[test]
    fn check_unique_ids_rejects_a_user_pack_shadowing_a_builtin() {
        let mut all: Vec<(String, Pack)> = packs()
            .into_iter()
            .map(|p| (format!("{}.toml", p.id), p))
            .collect();
        let mut mine = parse_pack("mine.toml", MINIMAL_PACK, &categories()).expect("valid");
        mine.id = "gdpr".to_string();
        all.push(("mine.toml".to_string(), mine));
        let err = check_unique_ids(&all).expect_err("duplicate");
        assert!(err.to_string().contains("`gdpr` is used twice"), "{err}");
    }

    #[test]
    fn severity_orders_block_above_high_above_medium_above_review() {
        assert!(Severity::Block > Severity::High);
        assert!(Severity::High > Severity::Medium);
        assert!(Severity::Medium > Severity::Review);
    }

    #[test]
    fn stage_parses_names_and_suggests() {
        assert_eq!(
            "post-termination".parse::<Stage>().ok(),
            Some(Stage::PostTermination)
        );
        let err = "recruitmnt".parse::<Stage>().expect_err("typo");
        assert!(
            err.to_string().contains("did you mean `recruitment`?"),
            "{err}"
        );
    }

    #[test]
    fn resolve_takes_the_maximum_severity_across_packs() {
        let all = packs();
        let chosen = select_packs(&all, &["pipl".into(), "cn-labour".into()]).expect("ids");
        let query = RuleQuery {
            category: "pregnancy_maternity",
            stage: Stage::Recruitment,
            flags: &[],
            via_proxy: None,
        };
        let resolution = resolve(&chosen, &query);
        assert_eq!(resolution.severity, Some(Severity::Block));
        assert_eq!(
            resolution.applicable[0].rule.citation,
            "Women's Rights Law Art. 43"
        );
        assert_eq!(
            resolution.by_pack(),
            vec![("cn-labour", Severity::Block), ("pipl", Severity::High)]
        );
    }

    #[test]
    fn resolve_filters_by_stage() {
        let all = packs();
        let chosen = select_packs(&all, &["cn-labour".into()]).expect("ids");
        let query = RuleQuery {
            category: "age",
            stage: Stage::Recruitment,
            flags: &[],
            via_proxy: None,
        };
        assert_eq!(resolve(&chosen, &query).severity, None);
        let query = RuleQuery {
            stage: Stage::Termination,
            ..query
        };
        assert_eq!(resolve(&chosen, &query).severity, Some(Severity::High));
    }

    #[test]
    fn resolve_holds_back_rules_whose_conditions_are_unknown() {
        let all = packs();
        let chosen = select_packs(&all, &["eu-pwd".into()]).expect("ids");
        let mut query = RuleQuery {
            category: "off_hours_private_life",
            stage: Stage::Employment,
            flags: &[],
            via_proxy: None,
        };
        let resolution = resolve(&chosen, &query);
        assert_eq!(resolution.severity, None);
        assert_eq!(
            resolution.conditional[0].missing,
            vec![ContextFlag::IsDigitalLabourPlatform]
        );
        let flags = [ContextFlag::IsDigitalLabourPlatform];
        query.flags = &flags;
        assert_eq!(resolve(&chosen, &query).severity, Some(Severity::Block));
    }

    #[test]
    fn resolve_lifts_rules_on_exceptions() {
        let all = packs();
        let chosen = select_packs(&all, &["eu-ai-act".into()]).expect("ids");
        let flags = [ContextFlag::IsAiSystem, ContextFlag::UsesBiometricInput];
        let query = RuleQuery {
            category: "emotion_psych_state",
            stage: Stage::Employment,
            flags: &flags,
            via_proxy: None,
        };
        assert_eq!(resolve(&chosen, &query).severity, Some(Severity::Block));
        let flags = [
            ContextFlag::IsAiSystem,
            ContextFlag::UsesBiometricInput,
            ContextFlag::MedicalOrSafetyPurpose,
        ];
        let resolution = resolve(
            &chosen,
            &RuleQuery {
                flags: &flags,
                ..query
            },
        );
        assert_eq!(resolution.severity, None);
        assert_eq!(resolution.lifted.len(), 1);
    }

    #[test]
    fn resolve_applies_zip_code_ban_only_to_zip_code_proxies() {
        let all = packs();
        let chosen = select_packs(&all, &["us-il".into()]).expect("ids");
        let direct = RuleQuery {
            category: "race_ethnicity_origin",
            stage: Stage::Recruitment,
            flags: &[],
            via_proxy: None,
        };
        let resolution = resolve(&chosen, &direct);
        assert_eq!(resolution.severity, Some(Severity::High));
        assert!(resolution.applicable.iter().all(|a| a.rule.proxy.is_none()));
        let zip = RuleQuery {
            via_proxy: Some("zip_code"),
            ..direct
        };
        assert_eq!(resolve(&chosen, &zip).severity, Some(Severity::Block));
        let commute = RuleQuery {
            via_proxy: Some("commute"),
            ..direct
        };
        assert_eq!(resolve(&chosen, &commute).severity, Some(Severity::Review));
    }

    #[test]
    fn rights_for_stage_includes_stageless_rights() {
        let all = packs();
        let chosen = select_packs(&all, &["pipl".into()]).expect("ids");
        let recruitment = rights_for_stage(&chosen, Stage::Recruitment);
        assert!(
            recruitment
                .iter()
                .any(|(_, r)| r.id == "pipl-24-3-explanation")
        );
        assert!(!recruitment.iter().any(|(_, r)| r.id == "pipl-47-deletion"));
    }
}
