//! Screening layer 1: column names and descriptions.
//!
//! Takes a column's name (and optional description) and the category catalogue, and returns
//! which categories the column names directly or through a proxy. It works on text only: no
//! data, no polars, no printing. [`identifier_kind`] tells whether a name announces a direct
//! identifier (phone, e-mail, name, identity or employee number); [`identifier_by_values`], the
//! one function here that reads values (distinct values as text, handed in), tells it by their
//! shape.
//!
//! Matching rules:
//!
//! * Text is normalised with NFKC (full-width `ＡＧＥ` becomes `AGE`, `（` becomes `(`).
//! * English and pinyin are matched on **tokens**, never raw substrings. Names are split at
//!   `_`, `-`, `.`, spaces and any other non-alphanumeric character, at camelCase humps
//!   (`MaritalStatus` → `marital status`, `HTTPServer` → `http server`) and between letters and
//!   digits (`Over18` → `over 18`). Tokens are lowercased and plural `-s`/`-ies` is folded
//!   (`visits` → `visit`) the same way for names and keywords. A keyword matches a run of
//!   consecutive tokens whose concatenation equals the keyword's concatenation, so `overtime`
//!   matches `OverTime` and `over_time`; but `age` never matches `page`, `usage` or `manager`.
//! * Chinese is matched by substring on the normalised, lowercased text.
//! * Exclusions cancel a match they overlap: `health check` cancels `health` in
//!   `system_health_check`; `民族乐器` cancels `民族` in `民族乐器数量`.

mod identifiers;
mod tokens;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::Serialize;

use super::policy::{Category, Lexicon};
pub use identifiers::{
    IdentifierKind, identifier_by_values, identifier_kind, is_email, is_mobile_number,
};
pub(crate) use tokens::contains_term;
use tokens::{Term, substring_match, token_match, token_spans};
pub use tokens::{is_cjk, normalize, tokenize};

/// Whether a match names the category itself or a feature that can stand in for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The column holds the category's data (e.g. `sick_leave_days` for health).
    Direct,
    /// The column can reveal the category (e.g. `zip_code` for ethnicity): test, don't presume.
    Proxy,
}

/// Where the matched term was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchSource {
    /// In the column name.
    Name,
    /// In the column's description.
    Description,
}

/// The lexicon a term came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TermLang {
    /// English token sequence.
    En,
    /// Chinese substring.
    Zh,
    /// Pinyin token sequence.
    Pinyin,
}

/// One category a column name or description points to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NameMatch {
    /// Category id.
    pub category: String,
    /// Direct or proxy.
    pub kind: MatchKind,
    /// The lexicon term that matched, as written in the catalogue.
    pub term: String,
    /// Name or description.
    pub source: MatchSource,
    /// Lexicon language.
    pub lang: TermLang,
    /// How sure the match is that the column holds (or stands for) the category, in `[0, 1]`.
    ///
    /// Scale: a strong term naming the category directly scores 0.90 (0.95 for an English
    /// term of two or more tokens, which is more specific); a weak (ambiguous) term 0.50. A
    /// proxy's `direct` link scores 0.75 (weak 0.45); a proxy term 0.60 (weak 0.35). Pinyin
    /// is multiplied by 0.9 (homophones), a description match by 0.8 (prose is looser than a
    /// name). Read ≥ 0.8 as "almost certainly", 0.5–0.8 as "likely, check the values",
    /// < 0.5 as "possible, needs value evidence".
    pub confidence: f64,
    /// The proxy id when the match came through a proxy entry (for `kind = Proxy`, and for
    /// direct links such as overtime → off-hours).
    pub proxy: Option<String>,
}

const DIRECT_STRONG: f64 = 0.90;
const DIRECT_STRONG_MULTI: f64 = 0.95;
const DIRECT_WEAK: f64 = 0.50;
const LINK_STRONG: f64 = 0.75;
const LINK_WEAK: f64 = 0.45;
const PROXY_STRONG: f64 = 0.60;
const PROXY_WEAK: f64 = 0.35;
const PINYIN_FACTOR: f64 = 0.9;
const DESCRIPTION_FACTOR: f64 = 0.8;
/// A column's text prepared once: tokens and normalised string.
struct Prepared {
    tokens: Vec<String>,
    text: String,
}

impl Prepared {
    fn new(raw: &str) -> Self {
        Prepared {
            tokens: tokenize(raw),
            text: normalize(raw),
        }
    }
}

/// Best hit of one lexicon against one text: (term, lang, weak, token count).
struct Hit<'a> {
    term: &'a str,
    lang: TermLang,
    weak: bool,
    tokens: usize,
}

fn lexicon_hit<'a>(lexicon: Lexicon<'a>, text: &Prepared) -> Option<Hit<'a>> {
    let token_exclusions: Vec<(usize, usize)> = lexicon
        .exclude_en
        .iter()
        .flat_map(|x| token_spans(&text.tokens, &Term::new(x).compact))
        .collect();
    let zh_exclusions: Vec<(usize, usize)> = lexicon
        .exclude_zh
        .iter()
        .map(|x| normalize(x))
        .flat_map(|x| {
            text.text
                .match_indices(x.as_str())
                .map(|(p, m)| (p, p + m.len()))
                .collect::<Vec<_>>()
        })
        .collect();
    let token_lists = [
        (lexicon.keywords_en, TermLang::En, false),
        (lexicon.keywords_pinyin, TermLang::Pinyin, false),
        (lexicon.weak_en, TermLang::En, true),
        (lexicon.weak_pinyin, TermLang::Pinyin, true),
    ];
    let mut best: Option<Hit<'a>> = None;
    let mut consider = |hit: Hit<'a>| {
        let better = match &best {
            None => true,
            Some(b) => {
                (
                    b.weak,
                    b.lang == TermLang::Pinyin,
                    std::cmp::Reverse(b.tokens),
                ) > (
                    hit.weak,
                    hit.lang == TermLang::Pinyin,
                    std::cmp::Reverse(hit.tokens),
                )
            }
        };
        if better {
            best = Some(hit);
        }
    };
    for (terms, lang, weak) in token_lists {
        for raw in terms {
            let term = Term::new(raw);
            if token_match(&text.tokens, &term, &token_exclusions) {
                consider(Hit {
                    term: term.raw,
                    lang,
                    weak,
                    tokens: term.tokens,
                });
            }
        }
    }
    for (terms, weak) in [(lexicon.keywords_zh, false), (lexicon.weak_zh, true)] {
        for raw in terms {
            if substring_match(&text.text, &normalize(raw), &zh_exclusions) {
                consider(Hit {
                    term: raw,
                    lang: TermLang::Zh,
                    weak,
                    tokens: 1,
                });
            }
        }
    }
    best
}

fn confidence(kind: MatchKind, linked: bool, hit: &Hit<'_>, source: MatchSource) -> f64 {
    let base = match (kind, linked, hit.weak) {
        (MatchKind::Direct, false, false) if hit.lang == TermLang::En && hit.tokens >= 2 => {
            DIRECT_STRONG_MULTI
        }
        (MatchKind::Direct, false, false) => DIRECT_STRONG,
        (MatchKind::Direct, false, true) => DIRECT_WEAK,
        (MatchKind::Direct, true, false) => LINK_STRONG,
        (MatchKind::Direct, true, true) => LINK_WEAK,
        (MatchKind::Proxy, _, false) => PROXY_STRONG,
        (MatchKind::Proxy, _, true) => PROXY_WEAK,
    };
    let lang = if hit.lang == TermLang::Pinyin {
        PINYIN_FACTOR
    } else {
        1.0
    };
    let source = match source {
        MatchSource::Name => 1.0,
        MatchSource::Description => DESCRIPTION_FACTOR,
    };
    base * lang * source
}

/// Matches a column name (and optional description) against the categories' lexicons and
/// proxies.
///
/// Returns at most one match per category: the direct match if there is one, otherwise the
/// best proxy match; the name wins over the description at equal confidence. Sorted by
/// confidence (highest first), then category id. An empty vector means nothing in the name or
/// description points to a sensitive category; value sniffing ([`super::content`]) may still
/// find one.
pub fn match_column(
    name: &str,
    description: Option<&str>,
    categories: &[Category],
) -> Vec<NameMatch> {
    let mut texts = vec![(MatchSource::Name, Prepared::new(name))];
    if let Some(description) = description.filter(|d| !d.trim().is_empty()) {
        texts.push((MatchSource::Description, Prepared::new(description)));
    }
    let mut best: BTreeMap<&str, NameMatch> = BTreeMap::new();
    for category in categories {
        let mut candidates: Vec<NameMatch> = Vec::new();
        for (source, text) in &texts {
            if let Some(hit) = lexicon_hit(category.lexicon(), text) {
                candidates.push(NameMatch {
                    category: category.id.clone(),
                    kind: MatchKind::Direct,
                    term: hit.term.to_string(),
                    source: *source,
                    lang: hit.lang,
                    confidence: confidence(MatchKind::Direct, false, &hit, *source),
                    proxy: None,
                });
            }
            for proxy in &category.proxies {
                if let Some(hit) = lexicon_hit(proxy.lexicon(), text) {
                    let linked = proxy.is_direct_for(&category.id);
                    let kind = if linked {
                        MatchKind::Direct
                    } else {
                        MatchKind::Proxy
                    };
                    candidates.push(NameMatch {
                        category: category.id.clone(),
                        kind,
                        term: hit.term.to_string(),
                        source: *source,
                        lang: hit.lang,
                        confidence: confidence(kind, linked, &hit, *source),
                        proxy: Some(proxy.id.clone()),
                    });
                }
            }
        }
        let chosen = candidates.into_iter().min_by(|a, b| {
            a.kind
                .cmp(&b.kind)
                .then(b.confidence.total_cmp(&a.confidence))
                .then(a.source.cmp(&b.source))
        });
        if let Some(chosen) = chosen {
            best.insert(category.id.as_str(), chosen);
        }
    }
    let mut matches: Vec<NameMatch> = best.into_values().collect();
    matches.sort_by(|a, b| {
        b.confidence
            .total_cmp(&a.confidence)
            .then_with(|| a.category.cmp(&b.category))
    });
    matches
}
