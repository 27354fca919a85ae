//! The explanation is data: codes and numbers that do not depend on the document's language.

use std::path::Path;

use super::{ChallengePoint, Explainer, prepare};
use crate::i18n::Lang;
use crate::spec::SpecFile;

/// The explainer of a demo dataset with its documents in `lang` (no bootstrap: explanations do
/// not use it).
fn explainer(dataset: &str, lang: Lang) -> Explainer {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("datasets/{dataset}.toml"));
    let (mut spec, settings) = SpecFile::from_path(&path)
        .and_then(SpecFile::check_explain)
        .expect("demo spec");
    spec.lang = lang;
    spec.stats.bootstrap = 0;
    let table = crate::data::load(&spec).expect("demo data");
    let audit = crate::audit::run_table(&spec, &table, &|_| {}).expect("audit");
    prepare(&spec, &settings, &table, &audit).expect("explainer")
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
}

/// The same worker explained for an English and a Chinese document gives the same data (the
/// spec's hash aside: the spec names its language), and the data holds no Chinese: every word
/// is the renderer's. A sentence stored in the explanation would differ between the two, or
/// put Chinese characters into the data.
#[test]
fn explanations_do_not_depend_on_the_language() {
    for dataset in ["attrition", "warehouse"] {
        let (en, zh) = (explainer(dataset, Lang::En), explainer(dataset, Lang::Zh));
        let adverse: Vec<usize> = (0..en.len())
            .filter(|&i| en.adverse(i) == Some(true))
            .take(12)
            .collect();
        let favourable = (0..en.len()).find(|&i| en.adverse(i) == Some(false));
        let mut kinds = std::collections::BTreeSet::new();
        for i in adverse.into_iter().chain(favourable) {
            let a = en.explain(i);
            let mut b = zh.explain(i);
            assert_ne!(
                a.provenance.audit_spec_sha256, b.provenance.audit_spec_sha256,
                "the spec's hash covers its language"
            );
            b.provenance.audit_spec_sha256 = a.provenance.audit_spec_sha256.clone();
            assert_eq!(
                a, b,
                "{dataset} row {i}: the explanation depends on the language"
            );
            let data = serde_json::to_string(&a).expect("serialisable");
            let cjk: String = data.chars().filter(|&c| is_cjk(c)).collect();
            assert!(
                cjk.is_empty(),
                "{dataset} row {i}: Chinese in the data: {cjk}"
            );
            // The words are the renderer's: Chinese in the Chinese documents only.
            assert!(!en.json(&a).chars().any(is_cjk));
            assert!(zh.json(&b).chars().any(is_cjk));
            assert!(zh.markdown(&b).chars().any(is_cjk));
            kinds.extend(a.challenge.iter().map(ChallengePoint::code));
            assert!(!a.rights.is_empty());
        }
        // The planted inputs give challenge points of several kinds (an over-limit one in the
        // attrition data), so their wording is covered.
        assert!(
            kinds.contains("prohibited_input_used"),
            "{dataset}: {kinds:?}"
        );
        assert!(kinds.contains("group_disparity"), "{dataset}: {kinds:?}");
        if dataset == "attrition" {
            assert!(kinds.contains("over_legal_limit"), "{kinds:?}");
        }
    }
}
