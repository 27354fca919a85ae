//! Tokens and matching primitives of the names layer: normalisation, tokenisation (camelCase,
//! digits, plural folding), token-run and substring matching with exclusions.

use unicode_normalization::UnicodeNormalization;

/// Whether `c` is a CJK ideograph, kana or hangul (not part of English tokens).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF
        | 0x3040..=0x30FF
        | 0x3100..=0x312F
        | 0x31A0..=0x31BF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF
        | 0x20000..=0x2FA1F)
}

/// NFKC-normalises and lowercases text (for Chinese substring matching and value enums).
pub fn normalize(text: &str) -> String {
    text.nfkc().collect::<String>().to_lowercase()
}

/// Splits text into normalised tokens: NFKC, split at non-alphanumeric characters, CJK
/// characters, camelCase humps and letter/digit boundaries, lowercase, fold plurals.
///
/// `"DistanceFromHome"` → `["distance", "from", "home"]`; `"Over18"` → `["over", "18"]`;
/// `"after-hours.messages"` → `["after", "hour", "message"]`.
pub fn tokenize(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.nfkc().collect();
    let mut tokens = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() || is_cjk(c) {
            flush(&mut current, &mut tokens);
            continue;
        }
        if !current.is_empty() {
            let prev = chars[i - 1];
            let next = chars.get(i + 1).copied();
            let hump = prev.is_lowercase() && c.is_uppercase();
            let acronym_end =
                prev.is_uppercase() && c.is_uppercase() && next.is_some_and(|n| n.is_lowercase());
            let digit_edge = (prev.is_numeric() && c.is_alphabetic())
                || (prev.is_alphabetic() && c.is_numeric());
            if hump || acronym_end || digit_edge {
                flush(&mut current, &mut tokens);
            }
        }
        current.push(c);
    }
    flush(&mut current, &mut tokens);
    tokens
}

fn flush(current: &mut String, tokens: &mut Vec<String>) {
    if current.is_empty() {
        return;
    }
    let lower = current.to_lowercase();
    current.clear();
    tokens.push(fold_plural(lower));
}

/// Folds simple English plurals so `visits`/`visit` and `hobbies`/`hobby` compare equal.
/// Applied identically to names and keywords, so an imperfect stem (`status` stays,
/// `diabetes` → `diabete`) is harmless.
fn fold_plural(token: String) -> String {
    if token.len() < 4 || !token.bytes().all(|b| b.is_ascii_lowercase()) {
        return token;
    }
    if token.len() >= 5 && token.ends_with("ies") {
        return format!("{}y", &token[..token.len() - 3]);
    }
    if token.ends_with('s')
        && !token.ends_with("ss")
        && !token.ends_with("us")
        && !token.ends_with("is")
    {
        return token[..token.len() - 1].to_string();
    }
    token
}

/// A keyword prepared for token matching.
pub(super) struct Term<'a> {
    pub(super) raw: &'a str,
    pub(super) compact: String,
    pub(super) tokens: usize,
}

impl<'a> Term<'a> {
    pub(super) fn new(raw: &'a str) -> Self {
        let tokens = tokenize(raw);
        Term {
            raw,
            compact: tokens.concat(),
            tokens: tokens.len(),
        }
    }
}

/// Spans `[start, end)` of token runs whose concatenation equals `compact`.
pub(super) fn token_spans(tokens: &[String], compact: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    if compact.is_empty() {
        return spans;
    }
    for start in 0..tokens.len() {
        let mut joined = String::new();
        for (end, token) in tokens.iter().enumerate().skip(start) {
            joined.push_str(token);
            if joined.len() > compact.len() || !compact.starts_with(joined.as_str()) {
                break;
            }
            if joined == compact {
                spans.push((start, end + 1));
                break;
            }
        }
    }
    spans
}

/// Whether `term` occurs in `tokens` at a position no exclusion overlaps.
pub(super) fn token_match(
    tokens: &[String],
    term: &Term<'_>,
    exclusions: &[(usize, usize)],
) -> bool {
    token_spans(tokens, &term.compact)
        .into_iter()
        .any(|(s, e)| !exclusions.iter().any(|&(xs, xe)| xs < e && s < xe))
}

/// Whether `term` (already normalised) occurs in `text` at a position no exclusion overlaps.
pub(super) fn substring_match(text: &str, term: &str, exclusions: &[(usize, usize)]) -> bool {
    if term.is_empty() {
        return false;
    }
    text.match_indices(term).any(|(pos, _)| {
        let end = pos + term.len();
        !exclusions.iter().any(|&(xs, xe)| xs < end && pos < xe)
    })
}

/// Whether the tokens contain the term as a token sequence (no exclusions). Shared with the
/// content layer for value keywords.
pub(crate) fn contains_term(tokens: &[String], term: &str) -> bool {
    !token_spans(tokens, &tokenize(term).concat()).is_empty()
}
