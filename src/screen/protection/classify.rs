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

/// Tokens of a column name (lowercase; camelCase split).
fn tokens(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for ch in name.chars() {
        if !ch.is_alphanumeric() || !ch.is_ascii() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if ch.is_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = ch.is_lowercase() || ch.is_ascii_digit();
        cur.push(ch.to_ascii_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The term by which a column's name says it identifies a person directly, if it does. A
/// small list of its own (the names layer is reconciled separately): person words followed by
/// an id word, and names, phones, e-mails and ID documents, in English, pinyin and Chinese.
pub fn identifier_name(name: &str) -> Option<String> {
    const ZH: &[&str] = &[
        "身份证",
        "姓名",
        "手机",
        "电话",
        "邮箱",
        "电子邮件",
        "工号",
        "员工编号",
        "骑手编号",
        "职工编号",
        "员工号",
        "护照",
    ];
    if let Some(t) = ZH.iter().find(|t| name.contains(**t)) {
        return Some((*t).to_string());
    }
    let t = tokens(name);
    let has = |w: &str| t.iter().any(|x| x == w);
    const WHOLE: &[&str] = &[
        "phone",
        "mobile",
        "telephone",
        "tel",
        "cellphone",
        "email",
        "mail",
        "ssn",
        "passport",
        "surname",
        "fullname",
        "firstname",
        "lastname",
        "shoujihao",
        "xingming",
        "shenfenzheng",
        "gonghao",
    ];
    if let Some(w) = WHOLE.iter().find(|w| has(w)) {
        return Some((*w).to_string());
    }
    const PERSON: &[&str] = &[
        "worker",
        "employee",
        "staff",
        "courier",
        "rider",
        "driver",
        "person",
        "user",
        "applicant",
        "candidate",
        "emp",
        "member",
    ];
    const ID: &[&str] = &["id", "no", "number", "code", "num", "nr"];
    for w in t.windows(2) {
        if PERSON.contains(&w[0].as_str()) && ID.contains(&w[1].as_str()) {
            return Some(format!("{} {}", w[0], w[1]));
        }
    }
    if t.len() >= 2 && has("name") && !has("file") && !has("site") && !has("team") {
        return Some("name".into());
    }
    if t.iter().any(|x| x == "national") && has("id") || has("idcard") || (has("id") && has("card"))
    {
        return Some("id card".into());
    }
    None
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// The kind of identifier most of a column's values have the shape of (`email`,
/// `cn_mobile`, `cn_resident_id`), when at least half of the rows do.
pub fn identifier_values(values: &[(String, u64)]) -> Option<&'static str> {
    let total: u64 = values.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return None;
    }
    let share = |f: &dyn Fn(&str) -> bool| -> f64 {
        values
            .iter()
            .filter(|(v, _)| f(v.trim()))
            .map(|(_, n)| *n)
            .sum::<u64>() as f64
            / total as f64
    };
    let email = |v: &str| {
        v.split_once('@')
            .is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !v.contains(' '))
    };
    let mobile = |v: &str| {
        let d = digits(v);
        let d = d.strip_prefix("86").filter(|_| d.len() == 13).unwrap_or(&d);
        d.len() == 11
            && d.starts_with('1')
            && v.chars().all(|c| c.is_ascii_digit() || " -+".contains(c))
    };
    let resident = |v: &str| {
        v.len() == 18
            && v[..17].chars().all(|c| c.is_ascii_digit())
            && v[17..]
                .chars()
                .all(|c| c.is_ascii_digit() || c == 'X' || c == 'x')
    };
    [
        ("email", share(&email)),
        ("cn_mobile", share(&mobile)),
        ("cn_resident_id", share(&resident)),
    ]
    .into_iter()
    .find(|(_, s)| *s >= 0.5)
    .map(|(k, _)| k)
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
    if let Some(t) = identifier_name(name) {
        push(DataClass::DirectIdentifier, "name", t);
    }
    if let Some(k) = col.and_then(|c| identifier_values(&c.values)) {
        push(DataClass::DirectIdentifier, "content", k.into());
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
        assert_eq!(identifier_name("worker_id").as_deref(), Some("worker id"));
        assert_eq!(
            identifier_name("EmployeeNumber").as_deref(),
            Some("employee number")
        );
        assert_eq!(identifier_name("phone").as_deref(), Some("phone"));
        assert_eq!(identifier_name("工号").as_deref(), Some("工号"));
        assert_eq!(identifier_name("员工编号").as_deref(), Some("员工编号"));
        assert!(identifier_name("station").is_none());
        assert!(identifier_name("shift").is_none());
        assert!(identifier_name("site_id").is_none());
        assert!(identifier_name("tenure_months").is_none());
        assert!(identifier_name("team_name").is_none());
    }

    #[test]
    fn identifier_values_by_shape() {
        let v = |xs: &[&str]| xs.iter().map(|s| (s.to_string(), 1u64)).collect::<Vec<_>>();
        assert_eq!(identifier_values(&v(&["a@b.cn", "c@d.com"])), Some("email"));
        assert_eq!(
            identifier_values(&v(&["13800138000", "139 0013 8000"])),
            Some("cn_mobile")
        );
        assert_eq!(
            identifier_values(&v(&["11010519491231002X", "1"])),
            Some("cn_resident_id")
        );
        assert_eq!(identifier_values(&v(&["12", "40.5", "D07"])), None);
        assert_eq!(identifier_values(&[]), None);
    }
}
