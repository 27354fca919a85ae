//! The English message catalogue: one file per area, each a `match` from key to template,
//! and the English grammar.

catalogue_areas!(
    codes, commands, common, data, explain, findings, metrics, report, screen
);

use super::Catalogue;

/// English.
pub struct En;

impl Catalogue for En {
    fn template(&self, key: &str) -> Option<&'static str> {
        lookup(key)
    }

    fn quote(&self, name: &str) -> String {
        format!("'{name}'")
    }

    fn clause_separator(&self) -> &'static str {
        "; "
    }

    fn list_separator(&self) -> &'static str {
        ", "
    }

    fn and_list(&self, items: &[String]) -> String {
        match items.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        }
    }

    fn inline_name(&self, name: &str) -> String {
        name.to_string()
    }

    fn plural<'a>(&self, n: usize, one: &'a str, other: &'a str) -> &'a str {
        if n == 1 { one } else { other }
    }

    fn inline_label(&self, label: &str) -> String {
        label.to_lowercase()
    }

    fn duration(&self, amount: u32, unit: &str) -> String {
        const WORDS: [&str; 13] = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve",
        ];
        let n = WORDS
            .get(amount as usize)
            .map_or_else(|| amount.to_string(), |w| (*w).to_string());
        let (one, other) = match unit {
            "days" => ("day", "days"),
            "business_days" => ("business day", "business days"),
            "weeks" => ("week", "weeks"),
            "months" => ("month", "months"),
            _ => ("year", "years"),
        };
        format!("{n} {}", self.plural(amount as usize, one, other))
    }

    fn percent(&self, figure: &str) -> String {
        format!("{figure} %")
    }
}
