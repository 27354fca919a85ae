//! Report language.
//!
//! The language is chosen once, in the spec (`output.lang`, `--lang en|zh`), and carried as a
//! [`Lang`] value to every place that writes words: the metric notes (`MetricParams::lang`),
//! the finding sentences (`findings::disparities`), the screening sentences
//! (`ScreenInput::lang`), the verdict texts ([`crate::metrics::Verdict::text`]) and the
//! renderers (which read `audit.spec.lang`). Each of those places holds its English and its
//! Chinese text side by side ([`tr!`](crate::tr), [`Lang::pick`]), so a new sentence cannot be
//! added in one language only without it showing in review.
//!
//! What follows the language: every sentence, label, heading and note of audit.md and
//! audit.html, the chart texts, and the text fields of audit.json (`summary`, `reason`,
//! `usage_note`, legal summaries). What does not: keys, codes (`metric`, `verdict`, `severity`,
//! `kind`, `status`), numbers, and everything that comes from the data (column names, group
//! values, file names), which is shown as it is.

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

    /// One of two fixed texts.
    pub fn pick<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }

    /// A list of items joined the way the language joins them (`; ` or `；`).
    pub fn join_clauses(self, items: &[String]) -> String {
        items.join(self.pick("; ", "；"))
    }

    /// A quoted name from the data: 'name' in English, “name” in Chinese.
    pub fn quote(self, s: &str) -> String {
        match self {
            Lang::En => format!("'{s}'"),
            Lang::Zh => format!("“{s}”"),
        }
    }
}

/// Formats one of two texts, the English or the Chinese, with the same arguments:
/// `tr!(lang, "{n} rows", "{n} 行")`. Both strings are format strings; named arguments may
/// be captured from the scope or passed after the texts.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $en:literal, $zh:literal $(,)?) => {
        match $lang {
            $crate::i18n::Lang::En => format!($en),
            $crate::i18n::Lang::Zh => format!($zh),
        }
    };
    ($lang:expr, $en:literal, $zh:literal, $($arg:tt)+) => {
        match $lang {
            $crate::i18n::Lang::En => format!($en, $($arg)+),
            $crate::i18n::Lang::Zh => format!($zh, $($arg)+),
        }
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
        Some(v) => tr!(lang, "{:.1} %", "{:.1}%", v * 100.0),
    }
}

/// A group name for people: the missing-value group is "unknown" in English, 未知 in Chinese
/// (each part of an intersection separately).
pub fn group(name: &str, lang: Lang) -> String {
    name.split(" & ")
        .map(|p| {
            if p == crate::codes::UNKNOWN {
                lang.pick("unknown", "未知")
            } else {
                p
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

    #[test]
    fn tr_formats_both() {
        let n = 3;
        assert_eq!(tr!(Lang::En, "{n} rows", "{n} 行"), "3 rows");
        assert_eq!(tr!(Lang::Zh, "{n} rows", "{n} 行"), "3 行");
        assert_eq!(tr!(Lang::Zh, "{} of {}", "{1} 中的 {0}", 1, 2), "2 中的 1");
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
