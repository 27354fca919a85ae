//! The Chinese message catalogue: one file per area, each a `match` from key to template,
//! and the Chinese grammar.

catalogue_areas!(
    codes, commands, common, data, explain, findings, metrics, report, screen
);

use super::Catalogue;

/// Chinese.
pub struct Zh;

impl Catalogue for Zh {
    fn template(&self, key: &str) -> Option<&'static str> {
        lookup(key)
    }

    fn quote(&self, name: &str) -> String {
        format!("“{name}”")
    }

    fn clause_separator(&self) -> &'static str {
        "；"
    }

    fn list_separator(&self) -> &'static str {
        "、"
    }

    fn and_list(&self, items: &[String]) -> String {
        match items.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{}和{last}", rest.join("、")),
        }
    }

    fn inline_name(&self, name: &str) -> String {
        self.quote(name)
    }

    fn plural<'a>(&self, _n: usize, _one: &'a str, other: &'a str) -> &'a str {
        other
    }

    fn inline_label(&self, label: &str) -> String {
        label.to_string()
    }

    fn duration(&self, amount: u32, unit: &str) -> String {
        const WORDS: [&str; 11] = [
            "零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十",
        ];
        let n = WORDS
            .get(amount as usize)
            .map_or_else(|| amount.to_string(), |w| (*w).to_string());
        match unit {
            "days" => format!("{amount} 日"),
            "business_days" => format!("{amount} 个工作日"),
            "weeks" => format!("{n}周"),
            "months" => format!("{n}个月"),
            _ => format!("{n}年"),
        }
    }

    fn percent(&self, figure: &str) -> String {
        format!("{figure}%")
    }
}
