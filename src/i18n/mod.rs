//! Report language.
//!
//! The language is chosen once, in the spec (`output.lang`, `--lang en|zh`), and carried as a
//! [`Lang`] value to every place that writes words: the metric notes (`MetricParams::lang`),
//! the finding sentences (`findings::disparities`), the screening sentences
//! (`ScreenInput::lang`), the verdict texts ([`crate::metrics::Verdict::text`]) and the
//! renderers (which read `audit.spec.lang`).
//!
//! The words themselves live in one message catalogue per language: `i18n/en/` and
//! `i18n/zh/`, one file per area (`report`, `screen`, `metrics`, `findings`, `commands`,
//! `explain`, `common`), each a `match` from a dotted key (`report.cover.title`) to a template
//! with named placeholders (`{n} rows`). Code asks for a text with [`t!`](crate::t)
//! (`t!(lang, "report.inputs.rows", n = rows)`); what differs between languages beyond the
//! words (quoting a name, joining clauses and lists, spacing a percent sign) is the grammar
//! of the [`Catalogue`] trait, implemented once per language. Tests check that both
//! catalogues hold the same keys with the same placeholders, and that every key used in the
//! source exists and every key is used. Adding a language is adding a catalogue folder, a
//! `Lang` variant and its policy texts.
//!
//! What follows the language: every sentence, label, heading and note of audit.md and
//! audit.html, the chart texts, and the text fields of audit.json (`summary`, `reason`,
//! `usage_note`, legal summaries). What does not: keys, codes (`metric`, `verdict`, `severity`,
//! `kind`, `status`), numbers, and everything that comes from the data (column names, group
//! values, file names), which is shown as it is.

/// A language's catalogue areas: declares each area's module (one `template` match per file)
/// and `lookup`, which asks them in turn. Keys are namespaced by area, so the order does not
/// matter.
macro_rules! catalogue_areas {
    ($($area:ident),+ $(,)?) => {
        $(mod $area;)+

        /// The template of `key` in this language, from whichever area holds it.
        fn lookup(key: &str) -> Option<&'static str> {
            None$(.or_else(|| $area::template(key)))+
        }
    };
}

mod en;
mod zh;

#[cfg(test)]
mod tests_catalogue;

use serde::Serialize;

/// The language of the report's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Every language, in the order of the `--lang` help.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The language with this code (`en`, `zh`).
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The code, as written in the spec and in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The message catalogue of this language: its texts and its grammar.
    pub fn catalogue(self) -> &'static dyn Catalogue {
        match self {
            Lang::En => &en::En,
            Lang::Zh => &zh::Zh,
        }
    }

    /// A list of items joined the way the language joins them (`; ` or `；`).
    pub fn join_clauses(self, items: &[String]) -> String {
        items.join(self.catalogue().clause_separator())
    }

    /// A quoted name from the data: 'name' in English, “name” in Chinese.
    pub fn quote(self, s: &str) -> String {
        self.catalogue().quote(s)
    }
}

/// A text that a data file gives in each language (policy packs and the category catalogue
/// as `*_en`/`*_zh` keys, the spec as `purpose`/`purpose_zh`): the one place that picks the
/// language's own text. A language without its own text reads the English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Texts<'a> {
    en: Option<&'a str>,
    zh: Option<&'a str>,
}

impl<'a> Texts<'a> {
    /// Both texts given (a policy pack requires both).
    pub fn new(en: &'a str, zh: &'a str) -> Self {
        Texts {
            en: Some(en),
            zh: Some(zh),
        }
    }

    /// Either text may be missing.
    pub fn optional(en: Option<&'a str>, zh: Option<&'a str>) -> Self {
        Texts { en, zh }
    }

    /// The language's own text, if given.
    pub fn own(&self, lang: Lang) -> Option<&'a str> {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }

    /// The language's own text, or the English.
    pub fn get_opt(&self, lang: Lang) -> Option<&'a str> {
        self.own(lang).or(self.en)
    }

    /// The language's own text, or the English (or nothing).
    pub fn get(&self, lang: Lang) -> &'a str {
        self.get_opt(lang).unwrap_or_default()
    }

    /// The text as a label inside running text, written by the grammar of the language it
    /// is in: the language's own text, or the English (lower-cased, as English does).
    pub fn inline(&self, lang: Lang) -> String {
        match self.own(lang) {
            Some(own) => lang.catalogue().inline_label(own),
            None => Lang::En
                .catalogue()
                .inline_label(self.en.unwrap_or_default()),
        }
    }
}

/// One language's message catalogue: the templates by key and the grammar that differs
/// between languages. One unit struct per language implements it (`en::En`, `zh::Zh`).
pub trait Catalogue: Sync {
    /// The template of `key` (`{name}` placeholders, `{{` and `}}` for braces), if any.
    fn template(&self, key: &str) -> Option<&'static str>;

    /// A quoted name from the data: 'name' in English, “name” in Chinese.
    fn quote(&self, name: &str) -> String;

    /// What joins clauses of one sentence: `; ` in English, `；` in Chinese.
    fn clause_separator(&self) -> &'static str;

    /// What separates the items of an enumeration: `, ` in English, `、` in Chinese.
    fn list_separator(&self) -> &'static str;

    /// Items joined as a list ending in "and": `a, b and c` in English, `a、b和c` in Chinese.
    fn and_list(&self, items: &[String]) -> String;

    /// A name from the data inside running text: bare in English (spaces set it apart),
    /// quoted in Chinese (nothing else would).
    fn inline_name(&self, name: &str) -> String;

    /// The form of a counted noun: `one` for 1 and `other` otherwise in English; Chinese
    /// does not inflect (`other`).
    fn plural<'a>(&self, n: usize, one: &'a str, other: &'a str) -> &'a str;

    /// A label from a data file (a policy category) inside running text: lower-cased in
    /// English, as it stands in Chinese.
    fn inline_label(&self, label: &str) -> String;

    /// A length of time set by law, in words: `amount` of `unit` (`days`, `business_days`,
    /// `weeks`, `months`, `years`): `one year`, `180 days` in English, `一年`, `180 日` in
    /// Chinese (small numbers spelled out, the counter word each unit takes).
    fn duration(&self, amount: u32, unit: &str) -> String;

    /// A figure already formatted (`14.2`) with the percent sign as the language writes it:
    /// `14.2 %` in English, `14.2%` in Chinese.
    fn percent(&self, figure: &str) -> String;
}

/// The text of `key` in `lang` with its placeholders filled: `{name}` becomes the value
/// given for `name`, `{{` and `}}` become braces. Never panics: a missing key gives the key
/// itself, a placeholder without a value stays as it is (the catalogue tests catch both).
pub fn fill(lang: Lang, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let Some(template) = lang.catalogue().template(key) else {
        return key.to_string();
    };
    fill_template(template, args)
}

/// Fills one template (see [`fill`]).
pub(crate) fn fill_template(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if tail.starts_with('{')
            && let Some(end) = tail.find('}')
        {
            let name = &tail[1..end];
            if let Some((_, value)) = args.iter().find(|(n, _)| *n == name) {
                let _ = write!(out, "{value}");
                rest = &tail[end + 1..];
                continue;
            }
        }
        out.push_str(&tail[..1]);
        rest = &tail[1..];
    }
    out.push_str(rest);
    out
}

/// The placeholders of a template, in order of appearance (`{{`/`}}` are not placeholders).
#[cfg(test)]
pub(crate) fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            rest = &tail[2..];
            continue;
        }
        if tail.starts_with('{')
            && let Some(end) = tail.find('}')
        {
            names.push(&tail[1..end]);
            rest = &tail[end + 1..];
            continue;
        }
        rest = &tail[1..];
    }
    names
}

/// The text of a catalogue key in a language, placeholders filled by name:
/// `t!(lang, "report.cover.title")`, `t!(lang, "report.inputs.rows", n = rows)`. Values are
/// anything `Display`; format numbers before (`x = format!("{v:.1}")`), templates hold no
/// format specifiers. A bare name is short for `name = name`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $key:literal $(,)?) => {
        $crate::i18n::fill($lang, $key, &[])
    };
    ($lang:expr, $key:literal, $($name:ident $(= $value:expr)?),+ $(,)?) => {
        $crate::i18n::fill(
            $lang,
            $key,
            &[$((stringify!($name), $crate::__t_arg!($name $(= $value)?))),+],
        )
    };
}

/// A text without placeholders as `&'static str`: `ts!(lang,
/// "report.cover.yes")`. The template holds no braces (a test checks); a missing key gives
/// the key.
#[macro_export]
macro_rules! ts {
    ($lang:expr, $key:literal $(,)?) => {
        $crate::i18n::text($lang, $key)
    };
}

/// The template of `key` as it stands (see [`ts!`](crate::ts)), or the key if no catalogue
/// holds it.
pub fn text(lang: Lang, key: &'static str) -> &'static str {
    lang.catalogue().template(key).unwrap_or(key)
}

/// One argument of [`t!`](crate::t) as `&dyn Display` (internal).
#[doc(hidden)]
#[macro_export]
macro_rules! __t_arg {
    ($name:ident = $value:expr) => {
        &$value as &dyn ::std::fmt::Display
    };
    ($name:ident) => {
        &$name as &dyn ::std::fmt::Display
    };
}

/// A number for people: up to 4 decimals, trailing zeros trimmed.
pub fn num(x: Option<f64>) -> String {
    match x {
        None => "–".into(),
        Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{v:.0}"),
        Some(v) => {
            let s = format!("{v:.4}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A rate as a percentage with one decimal: "14.2 %" (English), "14.2%" (Chinese).
pub fn pct(x: Option<f64>, lang: Lang) -> String {
    match x {
        None => "–".into(),
        Some(v) => lang.catalogue().percent(&format!("{:.1}", v * 100.0)),
    }
}

/// A group name for people: the missing-value group is "unknown" in English, 未知 in Chinese
/// (each part of an intersection separately).
pub fn group(name: &str, lang: Lang) -> String {
    name.split(" & ")
        .map(|p| {
            if p == crate::codes::UNKNOWN {
                t!(lang, "common.group.unknown")
            } else {
                p.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" & ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(serde_json::to_string(&Lang::Zh).unwrap(), "\"zh\"");
    }
}

/// A p-value for people: 4 decimals, or "< 0.0001".
pub fn fmt_p(p: f64) -> String {
    if p < 1e-4 {
        "< 0.0001".into()
    } else {
        format!("{p:.4}")
    }
}

/// A p-value after "p": "= 0.0123" or "< 0.0001".
pub fn fmt_p_eq(p: f64) -> String {
    let text = fmt_p(p);
    if text.starts_with('<') {
        text
    } else {
        format!("= {text}")
    }
}

/// Escapes text for Markdown (a paragraph, list item or table cell): backslash, link and
/// emphasis characters, table pipes and HTML are made literal, line breaks become spaces, so
/// nothing from the data can open a link, an image or a tag.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        // An underscore inside a word (letters or digits on both sides) cannot open or close
        // emphasis (CommonMark's flanking rules), so `column_name` stays as it is.
        let inside_word = c == '_'
            && i > 0
            && chars[i - 1].is_alphanumeric()
            && next.is_some_and(char::is_alphanumeric);
        // `&` starts an entity only before a letter, digit or `#`; `<` starts a tag or an
        // autolink only before a letter, `/`, `!` or `?`; `>` quotes only at a line start.
        let entity = c == '&' && next.is_some_and(|n| n.is_alphanumeric() || n == '#');
        let tag =
            c == '<' && next.is_some_and(|n| n.is_alphabetic() || matches!(n, '/' | '!' | '?'));
        match c {
            '_' if inside_word => out.push(c),
            '\\' | '[' | ']' | '*' | '_' | '`' | '|' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '&' if entity => out.push_str("&amp;"),
            '<' if tag => out.push_str("&lt;"),
            '>' if i == 0 => out.push_str("&gt;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod escape_tests {
    use super::*;

    #[test]
    fn markdown_escape_makes_data_inert() {
        assert_eq!(md_escape("sex & hukou"), "sex & hukou");
        assert_eq!(md_escape("p < 0.0001"), "p < 0.0001");
        assert_eq!(md_escape("flagged_for_review"), "flagged_for_review");
        assert_eq!(md_escape("<script>x</script>"), "&lt;script>x&lt;/script>");
        assert_eq!(
            md_escape("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(md_escape("![](http://e)"), "\\!\\[\\](http://e)");
        assert_eq!(md_escape("&lt;b&gt;"), "&amp;lt;b&amp;gt;");
        assert_eq!(md_escape("a|b\nc"), "a\\|b c");
        assert_eq!(md_escape("_x_"), "\\_x\\_");
    }
}
