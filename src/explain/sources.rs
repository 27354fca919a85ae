//! What the inputs say in the document's language: the data dictionary's plain names, the
//! declared purpose and contact, the screening's category names, citations and legal limits,
//! and the policy packs' laws, citations, summaries and deadline texts. The [`Explanation`]
//! holds none of it (it does not depend on the language); the renderer looks it up by column
//! and by right.
//!
//! [`Explanation`]: super::Explanation

use std::collections::BTreeMap;

use crate::audit::Audit;
use crate::i18n::{Lang, Texts};
use crate::screen::policy;
use crate::spec::{AuditSpec, ExplainSpec};

/// A flagged input's texts, from the screening.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FlagSource {
    pub category_label: String,
    pub citations: Vec<String>,
}

/// A right's texts, from its policy pack.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RightSource {
    pub law: String,
    pub citation: String,
    pub summary: String,
    /// From when its deadline runs (when the pack gives a deadline).
    pub when: String,
}

/// The inputs' texts in one language, looked up by the renderer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sources {
    /// Plain names of the columns (data dictionary).
    pub labels: BTreeMap<String, String>,
    /// The algorithm's declared purpose, and whom to contact at the employer.
    pub purpose: Option<String>,
    pub contact: Option<String>,
    /// Flagged inputs' category names and citations, by column.
    pub flags: BTreeMap<String, FlagSource>,
    /// Legal limits on inputs, in words, by column.
    pub limits: BTreeMap<String, String>,
    /// Rights' texts, by pack and right id.
    pub rights: BTreeMap<(String, String), RightSource>,
}

impl Sources {
    /// A column's plain name, if the dictionary gives one.
    pub fn label(&self, column: &str) -> Option<String> {
        self.labels.get(column).cloned()
    }

    /// A flagged input's texts (empty when the screening gave none).
    pub fn flag(&self, column: &str) -> FlagSource {
        self.flags.get(column).cloned().unwrap_or_default()
    }

    /// A right's texts (empty when its pack is not loaded).
    pub fn right(&self, pack: &str, id: &str) -> RightSource {
        self.rights
            .get(&(pack.to_string(), id.to_string()))
            .cloned()
            .unwrap_or_default()
    }
}

/// Plain column names from the data dictionary, in the document's language.
pub(super) fn column_labels(spec: &AuditSpec) -> crate::error::Result<BTreeMap<String, String>> {
    let dictionary = match &spec.screen.dictionary {
        Some(p) => crate::data::read_dictionary(p)?,
        None => BTreeMap::new(),
    };
    Ok(dictionary
        .iter()
        .filter_map(|(c, e)| {
            Texts::optional(e.label.as_deref(), e.label_zh.as_deref())
                .own(spec.lang)
                .map(|l| (c.clone(), l.to_string()))
        })
        .collect())
}

/// The purpose and contact declared in the settings, in the document's language (the
/// English text when there is no Chinese one).
pub(super) fn declared(settings: &ExplainSpec, lang: Lang) -> (Option<String>, Option<String>) {
    let text = |en: &Option<String>, zh: &Option<String>| {
        Texts::optional(en.as_deref(), zh.as_deref())
            .get_opt(lang)
            .map(str::to_string)
    };
    (
        text(&settings.purpose, &settings.purpose_zh),
        text(&settings.contact, &settings.contact_zh),
    )
}

/// The screening's texts of each flagged input and legal limit, by column. A prohibited
/// input's finding wins over a proxy's, as in the flags themselves.
pub(super) fn screening_texts(
    audit: &Audit,
    lang: Lang,
) -> (BTreeMap<String, FlagSource>, BTreeMap<String, String>) {
    let mut flags: BTreeMap<String, (bool, FlagSource)> = BTreeMap::new();
    let mut limits = BTreeMap::new();
    for f in audit.screen.iter().flat_map(|sc| &sc.findings) {
        if let Some(o) = &f.evidence.over_limit {
            limits.insert(f.column.clone(), o.what.clone());
        }
        if f.kind != "prohibited_input" && f.kind != "proxy" {
            continue;
        }
        let prohibited = f.kind == "prohibited_input";
        let replace = match flags.get(&f.column) {
            None => true,
            Some((old_prohibited, _)) => !old_prohibited && prohibited,
        };
        if replace {
            let source = FlagSource {
                category_label: f.category_label().get(lang).to_string(),
                citations: f.legal_sources.iter().map(|l| l.citation.clone()).collect(),
            };
            flags.insert(f.column.clone(), (prohibited, source));
        }
    }
    (
        flags.into_iter().map(|(c, (_, s))| (c, s)).collect(),
        limits,
    )
}

/// One right's texts from its pack, in the document's language.
pub(super) fn right_source(lang: Lang, pack: &policy::Pack, r: &policy::Right) -> RightSource {
    RightSource {
        law: pack
            .instruments
            .iter()
            .find(|i| i.id == r.instrument)
            .map(|i| i.name().get(lang).to_string())
            .unwrap_or_default(),
        citation: r.cite().get(lang).to_string(),
        summary: r.summary().get(lang).to_string(),
        when: r
            .deadline
            .as_ref()
            .map(|d| d.when().get(lang).to_string())
            .unwrap_or_default(),
    }
}
