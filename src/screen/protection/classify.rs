//! Every column classified for data protection, with its evidence and legal basis.
//!
//! Classes (a column can hold several; the first listed is its main class, in this order):
//! - `direct_identifier`: names one worker by itself (the spec's id column; a name, phone,
//!   e-mail, resident-ID or staff-number column by its name or by its values);
//! - `sensitive`: sensitive personal information: its screening category (or, for a group
//!   attribute, the category its name stands for) has a `special_category` rule in a selected
//!   policy pack (PIPL Art. 28, GB/T 35273-2020 Annex B, GDPR Arts. 9-10);
//! - `prohibited_or_restricted`: a `prohibited_input` finding of the screening;
//! - `protected_attribute`: a group attribute of the audit;
//! - `proxy`: a `proxy` finding of the screening (the input stands in for a protected
//!   attribute);
//! - `quasi_identifier`: an indirect identifier, examined by the identifiability check;
//! - `algorithm_output`: the decision, the score or the label;
//! - `work_measure`: none of the above.

use serde::Serialize;

use crate::i18n::Texts;
use crate::screen::policy::{Category, Effect, Pack, Stage};
use crate::screen::run::{InputColumn, Screen};

/// A data-protection class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DataClass {
    DirectIdentifier,
    Sensitive,
    ProhibitedOrRestricted,
    ProtectedAttribute,
    Proxy,
    QuasiIdentifier,
    AlgorithmOutput,
    WorkMeasure,
}

impl DataClass {
    pub const ALL: [DataClass; 8] = [
        DataClass::DirectIdentifier,
        DataClass::Sensitive,
        DataClass::ProhibitedOrRestricted,
        DataClass::ProtectedAttribute,
        DataClass::Proxy,
        DataClass::QuasiIdentifier,
        DataClass::AlgorithmOutput,
        DataClass::WorkMeasure,
    ];

    /// The snake_case code.
    pub fn as_str(self) -> &'static str {
        match self {
            DataClass::DirectIdentifier => "direct_identifier",
            DataClass::Sensitive => "sensitive",
            DataClass::ProhibitedOrRestricted => "prohibited_or_restricted",
            DataClass::ProtectedAttribute => "protected_attribute",
            DataClass::Proxy => "proxy",
            DataClass::QuasiIdentifier => "quasi_identifier",
            DataClass::AlgorithmOutput => "algorithm_output",
            DataClass::WorkMeasure => "work_measure",
        }
    }

    /// The class with this code.
    pub fn from_code(code: &str) -> Option<DataClass> {
        Self::ALL.into_iter().find(|c| c.as_str() == code)
    }
}

/// Where a class comes from: `source` is a code (`spec`, `name`, `content`, `dictionary`,
/// `screening`, `identifiability`), `detail` the data it rests on: for `spec` the role (`id`,
/// `attribute`, `output`), for `name` the lexicon term, for `content` the pattern (or
/// `off_hours`, or an identifier shape: `email`, `cn_mobile`, `cn_resident_id`), for
/// `screening` the category id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassEvidence {
    pub class: DataClass,
    pub source: &'static str,
    pub detail: String,
}

/// A legal basis of a class, as the pack cites it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Basis {
    pub class: DataClass,
    pub jurisdiction: String,
    pub citation: String,
    pub citation_zh: Option<String>,
}

impl Basis {
    /// The citation: the Chinese one where given, else the original.
    pub fn cite(&self) -> Texts<'_> {
        Texts::optional(Some(&self.citation), self.citation_zh.as_deref())
    }
}

/// One column's classification.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnClass {
    pub column: String,
    /// Main class first.
    pub classes: Vec<DataClass>,
    /// The screening category (or the attribute's), when there is one.
    pub category: Option<String>,
    pub evidence: Vec<ClassEvidence>,
    pub legal_basis: Vec<Basis>,
    /// The labels of the categories named in the evidence (id, English, Chinese), from the
    /// catalogue.
    pub category_labels: Vec<(String, String, String)>,
}

/// The roles the spec gives columns.
pub struct Roles<'a> {
    pub id: Option<&'a str>,
    pub attributes: &'a [String],
    pub outputs: Vec<&'a str>,
    /// The quasi-identifiers the identifiability check examined.
    pub quasi: &'a [String],
}

/// The kind of direct identifier a column's name says it holds (the names layer's
/// recogniser, measured on the names benchmark), as a code: `phone`, `email`, `person_name`,
/// `national_id`, `employee_number`, `account`.
pub fn identifier_name(name: &str) -> Option<String> {
    crate::screen::names::identifier_kind(name).map(kind_code)
}

/// The kind of identifier a column's values have the shape of (the names layer's recogniser:
/// mainland mobile numbers, e-mail addresses, resident ID numbers with a valid check digit).
pub fn identifier_values(values: &[(String, u64)]) -> Option<String> {
    crate::screen::names::identifier_by_values(values).map(kind_code)
}

fn kind_code(k: crate::screen::names::IdentifierKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The selected packs' citations for a category with one of the `want` effects: at the
/// audit's stage, except for sensitivity, which does not depend on the decision.
fn bases(input: &ClassifyInput, class: DataClass, category: &str, want: &[Effect]) -> Vec<Basis> {
    let mut out: Vec<Basis> = Vec::new();
    for p in input.packs {
        for r in p.rules.iter().filter(|r| {
            r.category == category
                && r.proxy.is_none()
                && (class == DataClass::Sensitive || r.stages.contains(&input.stage))
        }) {
            if want.contains(&r.effect) && !out.iter().any(|b| b.citation == r.citation) {
                out.push(Basis {
                    class,
                    jurisdiction: p.jurisdiction.clone(),
                    citation: r.citation.clone(),
                    citation_zh: r.citation_zh.clone(),
                });
            }
        }
    }
    out
}

fn identifier_bases(class: DataClass) -> Vec<Basis> {
    vec![
        Basis {
            class,
            jurisdiction: "CN".into(),
            citation: "PIPL Arts. 4, 73(3)-(4)".into(),
            citation_zh: Some("《个人信息保护法》第四条、第七十三条第（三）项至第（四）项".into()),
        },
        Basis {
            class,
            jurisdiction: "EU".into(),
            citation: "GDPR Art. 4(1), (5); Recital 26".into(),
            citation_zh: Some(
                "欧盟《通用数据保护条例》第四条第（一）项、第（五）项，序言第二十六段".into(),
            ),
        },
    ]
}

/// What the classification takes.
pub struct ClassifyInput<'a> {
    pub roles: Roles<'a>,
    /// Every column of the audit in table order: (name, its plain input column when it is a
    /// feature).
    pub columns: Vec<(&'a str, Option<&'a InputColumn>)>,
    pub screen: Option<&'a Screen>,
    pub packs: &'a [&'a Pack],
    pub categories: &'a [Category],
    /// The decision's stage: restrictions and grounds are cited as they apply at it.
    pub stage: Stage,
}

const SENSITIVE: &[Effect] = &[Effect::SpecialCategory];
const RESTRICTED: &[Effect] = &[
    Effect::ProhibitedProcessing,
    Effect::ProhibitedGround,
    Effect::RestrictedMonitoring,
    Effect::ProtectedActivity,
];

/// Classifies every column.
pub fn classify(input: &ClassifyInput) -> Vec<ColumnClass> {
    input
        .columns
        .iter()
        .map(|(name, col)| one(input, name, *col))
        .collect()
}

fn one(input: &ClassifyInput, name: &str, col: Option<&InputColumn>) -> ColumnClass {
    let r = &input.roles;
    let mut ev: Vec<ClassEvidence> = Vec::new();
    let mut basis: Vec<Basis> = Vec::new();
    let mut push = |class, source, detail: String| {
        ev.push(ClassEvidence {
            class,
            source,
            detail,
        })
    };
    // Direct identifiers.
    if r.id == Some(name) {
        push(DataClass::DirectIdentifier, "spec", "id".into());
    }
    if let Some(k) = identifier_name(name) {
        push(DataClass::DirectIdentifier, "identifier_name", k);
    }
    if let Some(k) = col.and_then(|c| identifier_values(&c.values)) {
        push(DataClass::DirectIdentifier, "identifier_values", k);
    }
    // Screening: prohibited or restricted inputs, and their categories.
    let findings: Vec<_> = input
        .screen
        .iter()
        .flat_map(|s| &s.findings)
        .filter(|f| f.column == name && f.kind == "prohibited_input")
        .collect();
    let mut category = findings.first().map(|f| f.category.clone());
    for f in &findings {
        let class = DataClass::ProhibitedOrRestricted;
        push(class, "screening", f.category.clone());
        for m in &f.evidence.name {
            let source = match m.source {
                crate::screen::names::MatchSource::Name => "name",
                crate::screen::names::MatchSource::Description => "dictionary",
            };
            push(class, source, m.term.clone());
        }
        if let Some(v) = f.evidence.content.first() {
            push(class, "content", v.pattern.clone());
        }
        if f.evidence.off_hours.is_some() {
            push(class, "content", "off_hours".into());
        }
        basis.extend(bases(
            input,
            DataClass::ProhibitedOrRestricted,
            &f.category,
            RESTRICTED,
        ));
    }
    // Proxies kept by the screening.
    for f in input
        .screen
        .iter()
        .flat_map(|s| &s.findings)
        .filter(|f| f.column == name && f.kind == "proxy")
    {
        push(DataClass::Proxy, "screening", f.category.clone());
        basis.extend(bases(
            input,
            DataClass::Proxy,
            &f.category,
            &[Effect::ProhibitedGround, Effect::ProxyRisk],
        ));
    }
    // Protected attributes and the category their name stands for.
    if r.attributes.iter().any(|a| a == name) {
        push(DataClass::ProtectedAttribute, "spec", "attribute".into());
        if let Some(c) = crate::screen::run::attribute_category(name, input.categories) {
            basis.extend(bases(
                input,
                DataClass::ProtectedAttribute,
                &c,
                &[Effect::ProhibitedGround],
            ));
            category.get_or_insert(c);
        }
    }
    // Sensitive personal information: a special-category rule for the category.
    let mut cats: Vec<String> = findings.iter().map(|f| f.category.clone()).collect();
    if let Some(c) = &category {
        if !cats.contains(c) {
            cats.push(c.clone());
        }
    }
    for c in &cats {
        let b = bases(input, DataClass::Sensitive, c, SENSITIVE);
        if !b.is_empty() {
            push(DataClass::Sensitive, "screening", c.clone());
            basis.extend(b);
        }
    }
    if r.quasi.iter().any(|q| q == name) {
        push(
            DataClass::QuasiIdentifier,
            "identifiability",
            "quasi_identifier".into(),
        );
    }
    if r.outputs.contains(&name) {
        push(DataClass::AlgorithmOutput, "spec", "output".into());
    }
    let mut classes: Vec<DataClass> = ev.iter().map(|e| e.class).collect();
    classes.sort();
    classes.dedup();
    if classes.is_empty() {
        classes.push(DataClass::WorkMeasure);
    }
    for c in [DataClass::DirectIdentifier, DataClass::QuasiIdentifier] {
        if classes.contains(&c) {
            basis.extend(identifier_bases(c));
        }
    }
    let mut category_labels: Vec<(String, String, String)> = Vec::new();
    for e in ev.iter().filter(|e| e.source == "screening") {
        if let Some(k) = input.categories.iter().find(|k| k.id == e.detail)
            && !category_labels.iter().any(|(id, _, _)| *id == k.id)
        {
            category_labels.push((k.id.clone(), k.label_en.clone(), k.label_zh.clone()));
        }
    }
    ColumnClass {
        column: name.to_string(),
        classes,
        category,
        evidence: ev,
        legal_basis: basis,
        category_labels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifier_names() {
        // The names layer's recogniser, as codes (its own tests and the names benchmark hold
        // the vocabulary).
        assert_eq!(
            identifier_name("worker_id").as_deref(),
            Some("employee_number")
        );
        assert_eq!(
            identifier_name("EmployeeNumber").as_deref(),
            Some("employee_number")
        );
        assert_eq!(identifier_name("phone").as_deref(), Some("phone"));
        assert_eq!(identifier_name("工号").as_deref(), Some("employee_number"));
        assert_eq!(
            identifier_name("员工编号").as_deref(),
            Some("employee_number")
        );
        assert!(identifier_name("station").is_none());
        assert!(identifier_name("shift").is_none());
        assert!(identifier_name("site_id").is_none());
        assert!(identifier_name("tenure_months").is_none());
        assert!(identifier_name("team_name").is_none());
    }

    #[test]
    fn identifier_values_by_shape() {
        let v = |xs: &[&str]| xs.iter().map(|s| (s.to_string(), 1u64)).collect::<Vec<_>>();
        let mails = ["a@b.cn", "c@d.com", "e@f.org", "g@h.cn", "i@j.net"];
        assert_eq!(identifier_values(&v(&mails)).as_deref(), Some("email"));
        let phones = [
            "13800138000",
            "13900138001",
            "15000138002",
            "18600138003",
            "17700138004",
        ];
        assert_eq!(identifier_values(&v(&phones)).as_deref(), Some("phone"));
        assert_eq!(identifier_values(&v(&["12", "40.5", "D07"])), None);
        assert_eq!(identifier_values(&[]), None);
    }
}
