//! Validation of parsed policy files beyond what the schema types enforce: ids, non-empty
//! texts, lexicons, regular expressions, dates and references between tables.
//!
//! Every check returns the first problem found, in the order the keys appear in a table, so a
//! message always names the earliest bad key.

use std::collections::BTreeSet;

use regex::Regex;

use super::catalogue::{CatalogueFile, Category, Lexicon, Proxy};
use super::error::{PolicyError, ReferenceKind, suggestion};
use super::load::{SCHEMA_HINT, SCHEMA_VERSION};
use super::pack::{Deadline, Instrument, Limit, Pack, Right, Rule};
use super::vocabulary::Stage;
use crate::screen::names;

// ---------------------------------------------------------------------------------------------
// Checks shared by the catalogue and the packs
// ---------------------------------------------------------------------------------------------

fn invalid(file: &str, key: String, problem: String, hint: &str) -> PolicyError {
    PolicyError::Invalid {
        file: file.to_string(),
        key,
        problem,
        hint: hint.to_string(),
    }
}

/// A reference to an id that is not among `candidates`, suggesting the closest of them.
fn unknown_reference<'c>(
    file: &str,
    key: String,
    what: ReferenceKind,
    value: &str,
    candidates: impl IntoIterator<Item = &'c str>,
    hint: &'static str,
) -> PolicyError {
    PolicyError::UnknownReference {
        file: file.to_string(),
        key,
        what,
        value: value.to_string(),
        suggestion: suggestion(value, candidates),
        hint,
    }
}

/// A lowercase ASCII letter followed by lowercase letters, digits and `separator`.
fn is_id(id: &str, separator: char) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == separator)
}

/// Catalogue, proxy and instrument ids: `snake_case`.
fn is_snake_id(id: &str) -> bool {
    is_id(id, '_')
}

/// Pack ids: lowercase letters, digits and `-`.
fn is_pack_id(id: &str) -> bool {
    is_id(id, '-')
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

/// What a snake_case id names, and what its messages say.
struct IdKind {
    /// `category`, `proxy` or `instrument`.
    what: &'static str,
    /// What a valid id looks like, after "expected".
    expected: &'static str,
    /// Advice for an id that is not snake_case.
    hint: &'static str,
    /// Advice for an id used twice.
    twice_hint: &'static str,
}

const CATEGORY_ID: IdKind = IdKind {
    what: "category",
    expected: "a snake_case id (lowercase letters, digits, `_`)",
    hint: "ids are referenced by packs and reports; keep them stable",
    twice_hint: "merge the two tables or rename one",
};

const PROXY_ID: IdKind = IdKind {
    what: "proxy",
    expected: "a snake_case id",
    hint: "proxy ids are referenced by pack rules (`proxy = ...`)",
    twice_hint: "merge the two tables or rename one",
};

const INSTRUMENT_ID: IdKind = IdKind {
    what: "instrument",
    expected: "a snake_case id",
    hint: "rules refer to instruments by this id",
    twice_hint: "give each instrument a unique id",
};

/// The `id` of table `at` is a snake_case id not among the ids of its kind `seen` so far,
/// which it joins.
fn check_snake_id<'a>(
    file: &str,
    at: &str,
    id: &'a str,
    seen: &mut BTreeSet<&'a str>,
    kind: &IdKind,
) -> Result<(), PolicyError> {
    if !is_snake_id(id) {
        return Err(invalid(
            file,
            format!("{at}.id"),
            format!("expected {}, found `{id}`", kind.expected),
            kind.hint,
        ));
    }
    if !seen.insert(id) {
        return Err(invalid(
            file,
            format!("{at}.id"),
            format!("{} id `{id}` is used twice", kind.what),
            kind.twice_hint,
        ));
    }
    Ok(())
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

/// [`require_text`] for each `(name, value)` of table `at`, in order.
fn require_texts(file: &str, at: &str, fields: &[(&str, &str)]) -> Result<(), PolicyError> {
    for (name, value) in fields {
        require_text(file, format!("{at}.{name}"), value)?;
    }
    Ok(())
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(names::is_cjk)
}

// ---------------------------------------------------------------------------------------------
// The catalogue
// ---------------------------------------------------------------------------------------------

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

/// [`check_lexicon`], and the lexicon must name its owner: a keyword in `keywords_en` or
/// `keywords_zh`.
fn check_naming_lexicon(
    file: &str,
    at: &str,
    lexicon: Lexicon<'_>,
    hint: &str,
) -> Result<(), PolicyError> {
    check_lexicon(file, at, lexicon)?;
    if lexicon.keywords_en.is_empty() && lexicon.keywords_zh.is_empty() {
        return Err(invalid(
            file,
            format!("{at}.keywords_en"),
            "expected at least one keyword in keywords_en or keywords_zh".to_string(),
            hint,
        ));
    }
    Ok(())
}

fn check_category_refs(
    file: &str,
    key: String,
    ids: &[String],
    known: &BTreeSet<&str>,
) -> Result<(), PolicyError> {
    match ids.iter().find(|id| !known.contains(id.as_str())) {
        Some(id) => Err(unknown_reference(
            file,
            key,
            ReferenceKind::Category,
            id,
            known.iter().copied(),
            "category ids are the `id` keys of the [[category]] tables in policies/categories.toml",
        )),
        None => Ok(()),
    }
}

pub(super) fn validate_catalogue(
    file: &str,
    catalogue: CatalogueFile,
) -> Result<Vec<Category>, PolicyError> {
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
        check_category(file, i, category, &mut known)?;
    }
    for (i, category) in categories.iter().enumerate() {
        let at = format!("category[{i}] (id = \"{}\").linked", category.id);
        check_category_refs(file, at, &category.linked, &known)?;
    }
    let mut proxy_ids: BTreeSet<&str> = BTreeSet::new();
    for (i, proxy) in proxies.iter().enumerate() {
        check_proxy(file, i, proxy, &mut proxy_ids, &known)?;
    }
    attach_proxies(&mut categories, &proxies);
    Ok(categories)
}

/// Category `i` on its own (its `linked` ids are checked once all ids are known); its id joins
/// `known`.
fn check_category<'a>(
    file: &str,
    i: usize,
    category: &'a Category,
    known: &mut BTreeSet<&'a str>,
) -> Result<(), PolicyError> {
    check_snake_id(
        file,
        &format!("category[{i}]"),
        &category.id,
        known,
        &CATEGORY_ID,
    )?;
    let at = format!("category[{i}] (id = \"{}\")", category.id);
    require_texts(
        file,
        &at,
        &[
            ("code", &category.code),
            ("label_en", &category.label_en),
            ("label_zh", &category.label_zh),
            ("summary_en", &category.summary_en),
            ("summary_zh", &category.summary_zh),
        ],
    )?;
    check_naming_lexicon(
        file,
        &at,
        category.lexicon(),
        "a category that cannot be named cannot be detected by the name layer",
    )?;
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
    Ok(())
}

/// Proxy `i`, against the `known` category ids; its id joins `proxy_ids`.
fn check_proxy<'a>(
    file: &str,
    i: usize,
    proxy: &'a Proxy,
    proxy_ids: &mut BTreeSet<&'a str>,
    known: &BTreeSet<&str>,
) -> Result<(), PolicyError> {
    check_snake_id(
        file,
        &format!("proxy[{i}]"),
        &proxy.id,
        proxy_ids,
        &PROXY_ID,
    )?;
    let at = format!("proxy[{i}] (id = \"{}\")", proxy.id);
    require_texts(
        file,
        &at,
        &[("label_en", &proxy.label_en), ("label_zh", &proxy.label_zh)],
    )?;
    check_naming_lexicon(file, &at, proxy.lexicon(), SCHEMA_HINT)?;
    if proxy.direct.is_empty() && proxy.reveals.is_empty() {
        return Err(invalid(
            file,
            format!("{at}.reveals"),
            "expected at least one category in `reveals` or `direct`".to_string(),
            "a proxy must say which categories it can stand for",
        ));
    }
    check_category_refs(file, format!("{at}.direct"), &proxy.direct, known)?;
    check_category_refs(file, format!("{at}.reveals"), &proxy.reveals, known)
}

/// Gives each category the proxies that measure it (`direct`) or can reveal it (`reveals`).
fn attach_proxies(categories: &mut [Category], proxies: &[Proxy]) {
    for category in categories {
        category.proxies = proxies
            .iter()
            .filter(|p| p.direct.contains(&category.id) || p.reveals.contains(&category.id))
            .cloned()
            .collect();
    }
}

// ---------------------------------------------------------------------------------------------
// Packs
// ---------------------------------------------------------------------------------------------

pub(super) fn validate_pack(
    file: &str,
    pack: &Pack,
    categories: &[Category],
) -> Result<(), PolicyError> {
    check_pack_header(file, pack)?;
    let instruments = check_instruments(file, &pack.instruments)?;
    let known: BTreeSet<&str> = categories.iter().map(|c| c.id.as_str()).collect();
    for (i, rule) in pack.rules.iter().enumerate() {
        check_rule(
            file,
            &format!("rule[{i}]"),
            rule,
            categories,
            &known,
            &instruments,
        )?;
    }
    let mut right_ids: BTreeSet<&str> = BTreeSet::new();
    for (i, right) in pack.rights.iter().enumerate() {
        check_right(
            file,
            &format!("right[{i}]"),
            right,
            &mut right_ids,
            &instruments,
        )?;
    }
    Ok(())
}

/// The pack's own keys: schema version, id, titles, jurisdiction, date, and that it says
/// something (a rule or a right).
fn check_pack_header(file: &str, pack: &Pack) -> Result<(), PolicyError> {
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
    Ok(())
}

/// The `[[instrument]]` tables; returns their ids.
fn check_instruments<'a>(
    file: &str,
    instruments: &'a [Instrument],
) -> Result<BTreeSet<&'a str>, PolicyError> {
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    for (i, instrument) in instruments.iter().enumerate() {
        let at = format!("instrument[{i}]");
        check_snake_id(file, &at, &instrument.id, &mut ids, &INSTRUMENT_ID)?;
        require_texts(
            file,
            &at,
            &[
                ("name_en", &instrument.name_en),
                ("name_zh", &instrument.name_zh),
            ],
        )?;
    }
    Ok(ids)
}

/// The keys a rule and a right share, in the order they are checked: the instrument cited, the
/// citation, the summaries and the stages (which a right may leave empty).
struct Cited<'a> {
    instrument: &'a str,
    citation: &'a str,
    summary_en: &'a str,
    summary_zh: &'a str,
    stages: &'a [Stage],
    stages_may_be_empty: bool,
}

fn check_cited(
    file: &str,
    at: &str,
    cited: &Cited<'_>,
    instruments: &BTreeSet<&str>,
) -> Result<(), PolicyError> {
    check_instrument(
        file,
        &format!("{at}.instrument"),
        cited.instrument,
        instruments,
    )?;
    require_texts(
        file,
        at,
        &[
            ("citation", cited.citation),
            ("summary_en", cited.summary_en),
            ("summary_zh", cited.summary_zh),
        ],
    )?;
    check_stages(
        file,
        &format!("{at}.stages"),
        cited.stages,
        cited.stages_may_be_empty,
    )
}

/// One `[[rule]]` table: its category (and proxy) must exist, the shared keys
/// ([`check_cited`]), its limits, its flags and its date.
fn check_rule(
    file: &str,
    at: &str,
    rule: &Rule,
    categories: &[Category],
    known: &BTreeSet<&str>,
    instruments: &BTreeSet<&str>,
) -> Result<(), PolicyError> {
    let Some(category) = categories.iter().find(|c| c.id == rule.category) else {
        return Err(unknown_reference(
            file,
            format!("{at}.category"),
            ReferenceKind::Category,
            &rule.category,
            known.iter().copied(),
            "category ids are listed in policies/categories.toml",
        ));
    };
    let unknown_proxy = rule
        .proxy
        .as_ref()
        .filter(|id| !category.proxies.iter().any(|p| &p.id == *id));
    if let Some(proxy_id) = unknown_proxy {
        return Err(unknown_reference(
            file,
            format!("{at}.proxy"),
            ReferenceKind::Proxy,
            proxy_id,
            category.proxies.iter().map(|p| p.id.as_str()),
            "the proxy must exist in policies/categories.toml and list the rule's category in `reveals` or `direct`",
        ));
    }
    let cited = Cited {
        instrument: &rule.instrument,
        citation: &rule.citation,
        summary_en: &rule.summary_en,
        summary_zh: &rule.summary_zh,
        stages: &rule.stages,
        stages_may_be_empty: false,
    };
    check_cited(file, at, &cited, instruments)?;
    for (k, limit) in rule.limits.iter().enumerate() {
        check_limit(file, &format!("{at}.limits[{k}]"), limit)?;
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
    Ok(())
}

fn check_limit(file: &str, at: &str, limit: &Limit) -> Result<(), PolicyError> {
    if !(limit.amount.is_finite() && limit.amount > 0.0) {
        return Err(invalid(
            file,
            format!("{at}.amount"),
            format!("expected a positive number, found {}", limit.amount),
            "write e.g. limits = [{ amount = 36, unit = \"hours_per_month\", what_en = \"...\", what_zh = \"...\" }]",
        ));
    }
    require_texts(
        file,
        at,
        &[("what_en", &limit.what_en), ("what_zh", &limit.what_zh)],
    )
}

/// One `[[right]]` table: a unique id (it joins `right_ids`), the shared keys
/// ([`check_cited`]) and its deadline.
fn check_right<'a>(
    file: &str,
    at: &str,
    right: &'a Right,
    right_ids: &mut BTreeSet<&'a str>,
    instruments: &BTreeSet<&str>,
) -> Result<(), PolicyError> {
    if right.id.trim().is_empty() || !right_ids.insert(right.id.as_str()) {
        return Err(invalid(
            file,
            format!("{at}.id"),
            format!("expected a unique, non-empty id, found `{}`", right.id),
            "give each right its own id, e.g. `pipl-24-3-explanation`",
        ));
    }
    let cited = Cited {
        instrument: &right.instrument,
        citation: &right.citation,
        summary_en: &right.summary_en,
        summary_zh: &right.summary_zh,
        stages: &right.stages,
        stages_may_be_empty: true,
    };
    check_cited(file, at, &cited, instruments)?;
    match &right.deadline {
        Some(deadline) => check_deadline(file, &format!("{at}.deadline"), deadline),
        None => Ok(()),
    }
}

fn check_deadline(file: &str, at: &str, deadline: &Deadline) -> Result<(), PolicyError> {
    if deadline.amount.is_some() != deadline.unit.is_some() {
        return Err(invalid(
            file,
            at.to_string(),
            "expected `amount` and `unit` together, or neither".to_string(),
            "e.g. deadline = { amount = 1, unit = \"months\", when_en = \"...\", when_zh = \"...\" }",
        ));
    }
    if deadline.amount.is_some() && deadline.binds.is_none() {
        return Err(invalid(
            file,
            format!("{at}.binds"),
            "a deadline with a length must say who must act within it".to_string(),
            "add binds = \"worker\" (a time to complain or sue) or binds = \"employer\" (a time to answer)",
        ));
    }
    require_texts(
        file,
        at,
        &[
            ("when_en", &deadline.when_en),
            ("when_zh", &deadline.when_zh),
        ],
    )
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
    Err(unknown_reference(
        file,
        key.to_string(),
        ReferenceKind::Instrument,
        value,
        instruments.iter().copied(),
        "declare the instrument in an [[instrument]] table of the same pack",
    ))
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
