//! Screening layer 1: column names and descriptions.
//!
//! Takes a column's name (and optional description) and the category catalogue, and returns
//! which categories the column names directly or through a proxy. It works on text only: no
//! data, no polars, no printing.
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

use std::collections::BTreeMap;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use super::policy::{Category, Lexicon};

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
struct Term<'a> {
    raw: &'a str,
    compact: String,
    tokens: usize,
}

impl<'a> Term<'a> {
    fn new(raw: &'a str) -> Self {
        let tokens = tokenize(raw);
        Term {
            raw,
            compact: tokens.concat(),
            tokens: tokens.len(),
        }
    }
}

/// Spans `[start, end)` of token runs whose concatenation equals `compact`.
fn token_spans(tokens: &[String], compact: &str) -> Vec<(usize, usize)> {
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
fn token_match(tokens: &[String], term: &Term<'_>, exclusions: &[(usize, usize)]) -> bool {
    token_spans(tokens, &term.compact)
        .into_iter()
        .any(|(s, e)| !exclusions.iter().any(|&(xs, xe)| xs < e && s < xe))
}

/// Whether `term` (already normalised) occurs in `text` at a position no exclusion overlaps.
fn substring_match(text: &str, term: &str, exclusions: &[(usize, usize)]) -> bool {
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

#[cfg(test)]
mod tests {
    use super::super::policy::builtin_categories;
    use super::*;

    fn categories() -> Vec<Category> {
        builtin_categories().expect("built-in categories must load")
    }

    fn matches(name: &str, cats: &[Category]) -> Vec<NameMatch> {
        match_column(name, None, cats)
    }

    /// Category ids matched (any kind).
    fn ids(name: &str, cats: &[Category]) -> Vec<String> {
        matches(name, cats)
            .into_iter()
            .map(|m| m.category)
            .collect()
    }

    fn assert_direct(name: &str, category: &str, cats: &[Category]) {
        let found = matches(name, cats);
        assert!(
            found
                .iter()
                .any(|m| m.category == category && m.kind == MatchKind::Direct),
            "{name}: expected direct {category}, got {found:?}"
        );
    }

    fn assert_proxy(name: &str, category: &str, cats: &[Category]) {
        let found = matches(name, cats);
        assert!(
            found
                .iter()
                .any(|m| m.category == category && m.kind == MatchKind::Proxy),
            "{name}: expected proxy {category}, got {found:?}"
        );
    }

    fn assert_clean(name: &str, cats: &[Category]) {
        let found = matches(name, cats);
        assert!(found.is_empty(), "{name}: expected no match, got {found:?}");
    }

    #[test]
    fn tokenize_splits_case_separators_and_digits() {
        assert_eq!(tokenize("DistanceFromHome"), ["distance", "from", "home"]);
        assert_eq!(tokenize("MaritalStatus"), ["marital", "status"]);
        assert_eq!(tokenize("OverTime"), ["over", "time"]);
        assert_eq!(tokenize("Over18"), ["over", "18"]);
        assert_eq!(
            tokenize("after-hours.messages"),
            ["after", "hour", "message"]
        );
        assert_eq!(tokenize("HTTPServer_id"), ["http", "server", "id"]);
        assert_eq!(tokenize("sick leave  days"), ["sick", "leave", "day"]);
        assert_eq!(tokenize("hobbies"), ["hobby"]);
        assert_eq!(tokenize("status"), ["status"]);
    }

    #[test]
    fn tokenize_folds_full_width_and_skips_chinese() {
        assert_eq!(tokenize("ＡＧＥ"), ["age"]);
        assert_eq!(tokenize("病假_days"), ["day"]);
        assert_eq!(normalize("ＱＱ消息"), "qq消息");
    }

    #[test]
    fn ibm_attrition_sensitive_columns_are_flagged() {
        let cats = categories();
        assert_direct("Age", "age", &cats);
        assert_direct("Over18", "age", &cats);
        assert_direct("Gender", "sex_gender", &cats);
        assert_direct("MaritalStatus", "marital_family_status", &cats);
        assert_direct("OverTime", "working_time", &cats);
        for category in [
            "hukou_origin",
            "race_ethnicity_origin",
            "location_outside_work",
        ] {
            assert_proxy("DistanceFromHome", category, &cats);
        }
    }

    #[test]
    fn ibm_attrition_overtime_is_a_direct_link_through_the_overtime_proxy() {
        let cats = categories();
        let found = matches("OverTime", &cats);
        let off = found
            .iter()
            .find(|m| m.category == "working_time")
            .expect("flagged");
        assert_eq!(off.proxy.as_deref(), Some("overtime"));
        assert!((off.confidence - 0.75).abs() < 1e-12);
        assert!(
            found
                .iter()
                .any(|m| m.category == "marital_family_status" && m.kind == MatchKind::Proxy)
        );
    }

    #[test]
    fn ibm_attrition_work_measures_are_not_flagged() {
        let cats = categories();
        // RelationshipSatisfaction is a survey item about workplace relationships: excluded
        // from marital_family_status (see categories.toml).
        for name in [
            "Attrition",
            "BusinessTravel",
            "DailyRate",
            "Department",
            "Education",
            "EducationField",
            "EmployeeCount",
            "EmployeeNumber",
            "EnvironmentSatisfaction",
            "HourlyRate",
            "JobInvolvement",
            "JobLevel",
            "JobRole",
            "JobSatisfaction",
            "MonthlyIncome",
            "MonthlyRate",
            "NumCompaniesWorked",
            "PercentSalaryHike",
            "PerformanceRating",
            "RelationshipSatisfaction",
            "StandardHours",
            "StockOptionLevel",
            "TotalWorkingYears",
            "TrainingTimesLastYear",
            "WorkLifeBalance",
            "YearsAtCompany",
            "YearsInCurrentRole",
            "YearsSinceLastPromotion",
            "YearsWithCurrManager",
        ] {
            assert_clean(name, &cats);
        }
    }

    #[test]
    fn demo_columns_are_flagged_in_english_and_chinese() {
        let cats = categories();
        let direct = [
            ("sick_leave_days", "病假天数", "health"),
            (
                "bathroom_break_minutes",
                "如厕分钟数",
                "physiological_and_rest_breaks",
            ),
            (
                "after_hours_messages",
                "下班后消息数",
                "off_hours_private_life",
            ),
            (
                "job_site_visits",
                "其他工地到访次数",
                "location_outside_work",
            ),
            (
                "union_chat_mentions",
                "工会群聊提及次数",
                "union_collective_activity",
            ),
            (
                "job_board_visits",
                "招聘网站访问次数",
                "job_search_activity",
            ),
            (
                "personal_social_media_posts",
                "个人社交媒体发帖数",
                "social_media",
            ),
            ("maternity_leave_days", "产假天数", "pregnancy_maternity"),
            ("hukou", "户口类型", "hukou_origin"),
            ("ethnicity", "民族", "race_ethnicity_origin"),
            ("disability", "残疾", "disability"),
            ("marital_status", "婚姻状况", "marital_family_status"),
            ("overtime", "加班时长", "working_time"),
        ];
        for (en, zh, category) in direct {
            assert_direct(en, category, &cats);
            assert_direct(zh, category, &cats);
        }
        // An English home district only stands in for origin; 户籍所在区 is the district of
        // household registration itself, hence direct.
        assert_proxy("home_district", "hukou_origin", &cats);
        assert_direct("户籍所在区", "hukou_origin", &cats);
    }

    #[test]
    fn demo_chat_mentions_also_point_to_private_communications() {
        let cats = categories();
        let found = matches("union_chat_mentions", &cats);
        let comms = found
            .iter()
            .find(|m| m.category == "private_communications")
            .expect("chat is private communication");
        assert!(comms.confidence < 0.6, "weak term: {comms:?}");
        assert_eq!(found[0].category, "union_collective_activity");
    }

    #[test]
    fn demo_work_measures_are_not_flagged() {
        let cats = categories();
        for name in [
            "units_per_hour",
            "每小时拣货件数",
            "pick_error_rate",
            "拣货差错率",
            "tenure_months",
            "工龄月数",
            "safety_incidents",
            "安全事故次数",
            "training_hours",
            "培训小时数",
            "shift",
            "班次",
            "salary_band",
            "薪资等级",
            "performance_rating",
            "绩效评级",
            "promotions_last_3y",
            "近三年晋升次数",
            "worker_id",
            "工号",
        ] {
            assert_clean(name, &cats);
        }
    }

    #[test]
    fn english_traps_are_not_matched_as_substrings() {
        let cats = categories();
        for name in [
            "page",
            "usage",
            "wage",
            "average",
            "manager",
            "storage",
            "percentage",
            "page_views",
            "average_wage",
            "manager_id",
        ] {
            assert!(!ids(name, &cats).contains(&"age".to_string()), "{name}");
        }
        for name in ["trace", "embrace", "trace_id", "race_condition_count"] {
            assert!(
                !ids(name, &cats).contains(&"race_ethnicity_origin".into()),
                "{name}"
            );
        }
        for name in ["reunion", "union_all", "reunion_count", "UnionAll"] {
            assert!(
                !ids(name, &cats).contains(&"union_collective_activity".into()),
                "{name}"
            );
        }
        assert!(!ids("third_party", &cats).contains(&"political_opinion".into()));
        for name in [
            "health_check",
            "system_health",
            "SystemHealthCheck",
            "endpoint_health",
        ] {
            assert!(!ids(name, &cats).contains(&"health".into()), "{name}");
        }
        for name in ["latency", "flat", "latency_ms", "flat_rate"] {
            assert!(
                !ids(name, &cats).contains(&"location_outside_work".into()),
                "{name}"
            );
        }
        for name in ["sample_weight", "class_weight", "row_height"] {
            assert_clean(name, &cats);
        }
    }

    #[test]
    fn chinese_exclusions_cancel_overlapping_matches() {
        let cats = categories();
        assert!(!ids("民族乐器", &cats).contains(&"race_ethnicity_origin".into()));
        assert!(!ids("系统健康度", &cats).contains(&"health".into()));
        // The exclusion only covers its own position: a real hit elsewhere still counts.
        assert!(ids("民族乐器_民族", &cats).contains(&"race_ethnicity_origin".into()));
    }

    #[test]
    fn every_category_is_reachable_by_name() {
        let cats = categories();
        let examples = [
            ("health", "diagnosis_code"),
            ("disability", "disability_grade"),
            ("infectious_disease_carrier", "HBsAg_result"),
            ("pregnancy_maternity", "pregnancy_due_date"),
            ("genetic", "family_medical_history"),
            ("biometric", "face_embedding"),
            ("emotion_psych_state", "emotion_score"),
            ("physiological_and_rest_breaks", "toilet_visits"),
            ("off_hours_private_life", "weekend_logins_after_hours"),
            ("private_communications", "chat_log_text"),
            ("location_outside_work", "gps_lat"),
            ("union_collective_activity", "union_member"),
            ("political_opinion", "政治面貌"),
            ("religion_belief", "religion"),
            ("race_ethnicity_origin", "EEO1Category"),
            ("sex_gender", "is_female"),
            ("sexual_orientation_sex_life", "sexual_orientation"),
            ("age", "date_of_birth"),
            ("hukou_origin", "hukou_type"),
            ("marital_family_status", "num_children"),
            ("job_search_activity", "linkedin_activity"),
            ("social_media", "instagram_followers"),
            ("criminal_record", "criminal_record"),
            ("financial_status", "credit_score"),
            ("protected_leave_and_rights_exercise", "grievances_filed"),
            ("appearance_physical", "attractiveness_rating"),
            ("minor_data", "child_dob"),
            ("working_time", "overtime_hours"),
        ];
        assert_eq!(examples.len(), cats.len());
        for (category, name) in examples {
            assert_direct(name, category, &cats);
        }
    }

    #[test]
    fn pinyin_matches_whole_tokens_only() {
        let cats = categories();
        let found = matches("minzu", &cats);
        assert_eq!(found[0].category, "race_ethnicity_origin");
        assert_eq!(found[0].lang, TermLang::Pinyin);
        assert!((found[0].confidence - 0.81).abs() < 1e-9);
        assert_eq!(matches("hukou_leixing", &cats)[0].category, "hukou_origin");
        // `minzu` inside another token is not pinyin for 民族.
        assert!(!ids("minzuzhuyi_index", &cats).contains(&"race_ethnicity_origin".into()));
    }

    #[test]
    fn zip_code_is_a_proxy_for_origin() {
        let cats = categories();
        for category in ["race_ethnicity_origin", "hukou_origin", "financial_status"] {
            assert_proxy("home_zip_code", category, &cats);
        }
        let found = matches("ZipCode", &cats);
        assert!(found.iter().all(|m| m.proxy.as_deref() == Some("zip_code")));
    }

    #[test]
    fn description_is_matched_with_lower_confidence() {
        let cats = categories();
        let found = match_column("col_17", Some("Number of sick leave days in 2025"), &cats);
        let health = found
            .iter()
            .find(|m| m.category == "health")
            .expect("health");
        assert_eq!(health.source, MatchSource::Description);
        assert!((health.confidence - 0.95 * 0.8).abs() < 1e-9);
        let found = match_column("病假天数", Some("sick leave days"), &cats);
        let health = found
            .iter()
            .find(|m| m.category == "health")
            .expect("health");
        assert_eq!(health.source, MatchSource::Name);
        assert_eq!(health.lang, TermLang::Zh);
    }

    #[test]
    fn confidence_scale_orders_strong_weak_and_proxy() {
        let cats = categories();
        let strong = matches("ethnicity", &cats)[0].confidence;
        let multi = matches("marital_status", &cats)[0].confidence;
        let weak = matches("single", &cats)[0].confidence;
        let proxy = matches("zip", &cats)[0].confidence;
        assert!((strong - 0.90).abs() < 1e-12);
        assert!((multi - 0.95).abs() < 1e-12);
        assert!((weak - 0.50).abs() < 1e-12);
        assert!((proxy - 0.60).abs() < 1e-12);
        for m in matches("gender_age_zip_dob", &cats) {
            assert!((0.0..=1.0).contains(&m.confidence), "{m:?}");
        }
    }

    #[test]
    fn one_match_per_category_direct_before_proxy() {
        let cats = categories();
        let found = matches("home_address_gps_lat", &cats);
        let location: Vec<&NameMatch> = found
            .iter()
            .filter(|m| m.category == "location_outside_work")
            .collect();
        assert_eq!(location.len(), 1);
        assert_eq!(location[0].kind, MatchKind::Direct);
    }

    #[test]
    fn empty_and_symbol_names_match_nothing() {
        let cats = categories();
        assert_clean("", &cats);
        assert_clean("___", &cats);
        assert_clean("12345", &cats);
        assert!(match_column("x", Some("   "), &cats).is_empty());
    }
}
