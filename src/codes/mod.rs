//! Typed codes shared by every stage, each with its text in English and Chinese in one place:
//! metric ids (`metric`), severities and finding kinds. (Verdicts are in `metrics::verdict`.)
//! Reports and explanations take their words from here.

mod metric;
pub use metric::Metric;

/// Name of the group that holds rows whose group value is missing (shown as "unknown",
/// 未知 in Chinese).
pub const UNKNOWN: &str = "unknown";

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::ts;

/// How serious a finding is. Ordered: `Low < Review < Medium < High < Block`, so `max()` gives
/// the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A difference that is significant but within the four-fifths line, or a gap the data
    /// cannot confirm (not significant after correction).
    Low,
    /// Not prohibited in itself (typically a proxy): measure and document.
    Review,
    /// Restricted input (lawful only if necessary, proportionate, transparent and least
    /// intrusive), or a significant gap in error rates.
    Medium,
    /// A protected ground, special-category data or protected activity as an input, or a
    /// significant gap beyond the four-fifths line.
    High,
    /// The processing or practice is prohibited in that context.
    Block,
}

impl Severity {
    /// The lowercase code used in the TOML files, audit.json and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Review => "review",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Block => "block",
        }
    }

    /// The word for people.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Severity::Review => ts!(lang, "codes.review"),
            Severity::Low => ts!(lang, "codes.low"),
            Severity::Medium => ts!(lang, "codes.medium"),
            Severity::High => ts!(lang, "codes.high"),
            Severity::Block => ts!(lang, "codes.prohibited_must_not_used"),
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            Severity::Low,
            Severity::Review,
            Severity::Medium,
            Severity::High,
            Severity::Block,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
        .ok_or_else(|| format!("unknown severity '{s}'"))
    }
}

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A gap between groups in the decision or the score (the four-fifths rule, both framings).
    Disparity,
    /// A gap between groups in the decision among workers with the same true outcome (error
    /// rates).
    ErrorRateDisparity,
    /// An attribute on which every audited worker is in one group.
    SingleGroup,
    /// An input the law forbids or restricts.
    ProhibitedInput,
    /// An input that stands in for a protected attribute.
    Proxy,
    /// An input collected for another purpose.
    PurposeLimitation,
    /// An input kept beyond its retention period.
    Retention,
    /// Workers who can be singled out, or whose sensitive inputs their class discloses.
    Identifiability,
    /// An input collected but not needed for the stated purpose.
    DataMinimisation,
}

impl FindingKind {
    /// Every kind.
    pub const ALL: [FindingKind; 9] = [
        FindingKind::Disparity,
        FindingKind::ErrorRateDisparity,
        FindingKind::SingleGroup,
        FindingKind::ProhibitedInput,
        FindingKind::Proxy,
        FindingKind::PurposeLimitation,
        FindingKind::Retention,
        FindingKind::Identifiability,
        FindingKind::DataMinimisation,
    ];

    /// The snake_case code, as in audit.json.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Disparity => "disparity",
            FindingKind::ErrorRateDisparity => "error_rate_disparity",
            FindingKind::SingleGroup => "single_group",
            FindingKind::ProhibitedInput => "prohibited_input",
            FindingKind::Proxy => "proxy",
            FindingKind::PurposeLimitation => "purpose_limitation",
            FindingKind::Retention => "retention",
            FindingKind::Identifiability => "identifiability",
            FindingKind::DataMinimisation => "data_minimisation",
        }
    }

    /// The kind with this code.
    pub fn from_code(code: &str) -> Option<FindingKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == code)
    }

    /// The word for people.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            FindingKind::Disparity => ts!(lang, "codes.disparity"),
            FindingKind::ErrorRateDisparity => ts!(lang, "codes.error_rate_disparity"),
            FindingKind::SingleGroup => ts!(lang, "codes.attribute"),
            FindingKind::ProhibitedInput => {
                ts!(lang, "codes.prohibited_restricted_input")
            }
            FindingKind::Proxy => ts!(lang, "codes.possible_proxy_protected_trait"),
            FindingKind::PurposeLimitation => ts!(lang, "codes.purpose_limitation"),
            FindingKind::Retention => ts!(lang, "codes.retention"),
            FindingKind::Identifiability => ts!(lang, "codes.identifiability"),
            FindingKind::DataMinimisation => ts!(lang, "codes.data_minimisation"),
        }
    }

    /// True for a finding about an input (screening).
    pub fn is_input(self) -> bool {
        matches!(
            self,
            FindingKind::ProhibitedInput
                | FindingKind::Proxy
                | FindingKind::PurposeLimitation
                | FindingKind::Retention
        )
    }
}

impl fmt::Display for FindingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The employment stage a rule governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Sourcing, screening, interviews, assessments, offers.
    Recruitment,
    /// Task allocation, monitoring, scoring, pay, promotion, discipline, attrition prediction.
    Employment,
    /// Dismissal, non-renewal, redundancy selection, platform account deactivation.
    Termination,
    /// Monitoring former workers, references, retention and deletion of their data.
    PostTermination,
}

impl Stage {
    /// All stages, in pipeline order.
    pub const ALL: [Stage; 4] = [
        Stage::Recruitment,
        Stage::Employment,
        Stage::Termination,
        Stage::PostTermination,
    ];

    /// The snake_case name used in the TOML files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Recruitment => "recruitment",
            Stage::Employment => "employment",
            Stage::Termination => "termination",
            Stage::PostTermination => "post_termination",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A stage name that is not one of the four stages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownStage {
    pub value: String,
}

impl std::fmt::Display for UnknownStage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = Stage::ALL.iter().map(|s| s.as_str()).collect();
        let hint = crate::error::closest(&self.value, names.iter().copied())
            .map(|c| format!(", did you mean `{c}`?"))
            .unwrap_or_default();
        write!(
            f,
            "unknown stage `{}`{hint}\nhint: expected one of: {}",
            self.value,
            names.join(", ")
        )
    }
}

impl std::error::Error for UnknownStage {}

impl std::str::FromStr for Stage {
    type Err = UnknownStage;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_lowercase().replace('-', "_");
        Stage::ALL
            .into_iter()
            .find(|stage| stage.as_str() == wanted)
            .ok_or_else(|| UnknownStage {
                value: s.to_string(),
            })
    }
}
