//! The catalogue of `policies/categories.toml`: sensitive input categories and the proxies that
//! can stand in for them, with the lexicons the name layer matches.

use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::i18n::Texts;

use super::vocabulary::{Severity, ValueDetector};

/// A category of sensitive input (health, hukou, union activity, ...): labels, summaries,
/// detection lexicons and value patterns.
///
/// English terms are token sequences (`"sick leave"` and `"sick_leave"` are the same term),
/// Chinese terms are substrings, pinyin terms are whole tokens; see [`crate::screen::names`].
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

/// The [`Lexicon`] of a [`Category`] or [`Proxy`], which declare its fields alike (the
/// schema keeps them inline: `#[serde(flatten)]` would lose `deny_unknown_fields` and the
/// positions that error messages name).
macro_rules! borrow_lexicon {
    ($owner:expr) => {
        Lexicon {
            keywords_en: &$owner.keywords_en,
            weak_en: &$owner.weak_en,
            keywords_zh: &$owner.keywords_zh,
            weak_zh: &$owner.weak_zh,
            keywords_pinyin: &$owner.keywords_pinyin,
            weak_pinyin: &$owner.weak_pinyin,
            exclude_en: &$owner.exclude_en,
            exclude_zh: &$owner.exclude_zh,
        }
    };
}

impl Category {
    /// The category's own lexicon (proxies are in [`Category::proxies`]).
    pub fn lexicon(&self) -> Lexicon<'_> {
        borrow_lexicon!(self)
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
        borrow_lexicon!(self)
    }

    /// Whether this proxy measures `category` directly (listed in `direct`) rather than
    /// standing in for it.
    pub fn is_direct_for(&self, category: &str) -> bool {
        self.direct.iter().any(|id| id == category)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CatalogueFile {
    pub(super) schema_version: u32,
    #[serde(rename = "category")]
    pub(super) categories: Vec<Category>,
    #[serde(default, rename = "proxy")]
    pub(super) proxies: Vec<Proxy>,
}

impl Category {
    /// The label in each language.
    pub fn label(&self) -> Texts<'_> {
        Texts::new(&self.label_en, &self.label_zh)
    }

    /// The summary in each language.
    pub fn summary(&self) -> Texts<'_> {
        Texts::new(&self.summary_en, &self.summary_zh)
    }
}

impl Proxy {
    /// The label in each language.
    pub fn label(&self) -> Texts<'_> {
        Texts::new(&self.label_en, &self.label_zh)
    }
}
