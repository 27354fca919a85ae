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
