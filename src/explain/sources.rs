//! What the inputs say in the document's language: the data dictionary's plain names, the
//! declared purpose and contact, the screening's category names, citations and legal limits,
//! and the policy packs' laws, citations, summaries and deadline texts. The [`Explanation`]
//! holds none of it (it does not depend on the language); the renderer looks it up by column
//! and by right.
//!
//! [`Explanation`]: super::Explanation

use std::collections::BTreeMap;

use crate::audit::Audit;
use crate::i18n::Lang;
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
            let l = match spec.lang {
                Lang::En => e.label.clone(),
                Lang::Zh => e.label_zh.clone(),
            };
            l.map(|l| (c.clone(), l))
        })
        .collect())
}

/// The purpose and contact declared in the settings, in the document's language (the
/// English text when there is no Chinese one).
pub(super) fn declared(settings: &ExplainSpec, lang: Lang) -> (Option<String>, Option<String>) {
    match lang {
        Lang::En => (settings.purpose.clone(), settings.contact.clone()),
        Lang::Zh => (
            settings
                .purpose_zh
                .clone()
                .or_else(|| settings.purpose.clone()),
            settings
                .contact_zh
                .clone()
                .or_else(|| settings.contact.clone()),
        ),
    }
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
                category_label: match lang {
                    Lang::En => f.category_label_en.clone(),
                    Lang::Zh => f.category_label_zh.clone(),
                },
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
            .map(|i| match lang {
                Lang::En => i.name_en.clone(),
                Lang::Zh => i.name_zh.clone(),
            })
            .unwrap_or_default(),
        citation: match lang {
            Lang::Zh => r.citation_zh.clone().unwrap_or_else(|| r.citation.clone()),
            Lang::En => r.citation.clone(),
        },
        summary: match lang {
            Lang::En => r.summary_en.clone(),
            Lang::Zh => r.summary_zh.clone(),
        },
        when: r
            .deadline
            .as_ref()
            .map(|d| match lang {
                Lang::En => d.when_en.clone(),
                Lang::Zh => d.when_zh.clone(),
            })
            .unwrap_or_default(),
    }
}
