//! Findings from the data dictionary: purpose limitation and retention.

use super::types::{Evidence, InputColumn, InputFinding, LegalSource, ScreenInput};
use crate::screen::policy::Stage;
use crate::t;
use crate::ts;

/// Purposes compatible with a decision about a worker's employment (English and Chinese).
const HR_PURPOSES: &[&str] = &[
    "performance",
    "evaluation",
    "appraisal",
    "assessment",
    "human resources",
    "hr",
    "personnel",
    "employment",
    "promotion",
    "discipline",
    "termination",
    "hiring",
    "recruitment",
    "workforce",
    "productivity",
    "scheduling",
    "绩效",
    "考核",
    "评估",
    "人事",
    "人力资源",
    "用工",
    "招聘",
    "晋升",
    "排班",
    "劳动管理",
];

/// Whether a declared purpose is one of a decision about workers (performance, human
/// resources, scheduling, ...).
pub fn hr_compatible(purpose: &str) -> bool {
    let lower = purpose.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    HR_PURPOSES.iter().any(|p| {
        if p.is_ascii() {
            if p.contains(' ') {
                lower.contains(p)
            } else {
                tokens.contains(p)
            }
        } else {
            purpose.contains(p)
        }
    })
}

fn principle_finding(
    col: &InputColumn,
    kind: &str,
    label: &str,
    label_zh: &str,
    sources: &[(&str, &str)],
    stage: Stage,
    summary: String,
) -> InputFinding {
    InputFinding {
        kind: kind.to_string(),
        column: col.name.clone(),
        category: kind.to_string(),
        category_label_en: label.to_string(),
        category_label_zh: label_zh.to_string(),
        severity: "medium".into(),
        stage: stage.as_str().to_string(),
        legal_sources: sources
            .iter()
            .map(|(j, c)| LegalSource {
                pack: String::new(),
                jurisdiction: (*j).to_string(),
                citation: (*c).to_string(),
                severity: "medium".into(),
                summary: String::new(),
            })
            .collect(),
        used: None,
        evidence: Evidence::default(),
        summary,
    }
}

/// Purpose limitation and retention, from the data dictionary: an input collected for another
/// purpose (epidemic control, site security, payroll) used in an HR decision; data older than
/// the retention period.
pub(super) fn principles(input: &ScreenInput) -> Vec<InputFinding> {
    let mut out = Vec::new();
    let lang = input.lang;
    let as_of = input.as_of.as_deref().and_then(crate::dates::parse_date);
    for c in &input.columns {
        let name = lang.quote(&c.name);
        if let Some(p) = c
            .purpose
            .as_deref()
            .filter(|p| !p.trim().is_empty() && !hr_compatible(p))
        {
            out.push(principle_finding(
                c,
                "purpose_limitation",
                "Purpose limitation",
                "目的限制",
                &[
                    ("CN", ts!(lang, "screen.principles.pipl_art_6")),
                    ("EU", "GDPR Art. 5(1)(b)"),
                ],
                input.stage,
                {
                    let purpose = lang.quote(p);
                    t!(
                        lang,
                        "screen.principles.was_collected_not_decisions_about",
                        name,
                        purpose
                    )
                },
            ));
        }
        if let (Some(now), Some(old)) = (
            as_of,
            c.oldest_record
                .as_deref()
                .and_then(crate::dates::parse_date),
        ) {
            let age = now - old;
            if age > i64::from(input.retention_days) {
                out.push(principle_finding(
                    c,
                    "retention",
                    "Storage limitation (retention period)",
                    "存储期限",
                    &[
                        ("CN", ts!(lang, "screen.principles.pipl_art_19")),
                        ("EU", "GDPR Art. 5(1)(e)"),
                    ],
                    input.stage,
                    {
                        let oldest = c.oldest_record.as_deref().unwrap_or_default();
                        let days = input.retention_days;
                        t!(
                            lang,
                            "screen.principles.draws_records_days_old_oldest",
                            name,
                            age,
                            oldest,
                            days
                        )
                    },
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_days() {
        assert_eq!(crate::dates::parse_date("1970-01-01"), Some(0));
        assert_eq!(crate::dates::parse_date("2000-03-01"), Some(11_017));
        // 2026-11-23 minus 2026-05-27 = 180 days.
        let d = crate::dates::parse_date("2026-11-23").unwrap()
            - crate::dates::parse_date("2026-05-27").unwrap();
        assert_eq!(d, 180);
        assert_eq!(crate::dates::parse_date("2026-13-01"), None);
    }

    #[test]
    fn purposes() {
        assert!(hr_compatible("performance evaluation"));
        assert!(hr_compatible("绩效考核"));
        assert!(!hr_compatible("epidemic control"));
        assert!(!hr_compatible("site security (access badges)"));
        assert!(!hr_compatible("防疫"));
        assert!(!hr_compatible("payroll"));
    }
}
