//! The report document as a whole: its title, the finding ids and the sections in order.

use crate::audit::Audit;
use crate::i18n::Lang;
use crate::report::doc::Doc;

use super::cells::{FindingIds, Lookup};
use super::{
    charts, cover, disparity, findings, groups, inputs, ll144, method, model, protection, scores,
    summary,
};
use crate::ts;

/// The report's title.
pub fn title(lang: Lang) -> &'static str {
    ts!(lang, "report.document.candor_audit_report")
}

/// The id of the `i`-th finding (0-based): F1, F2, ...
pub fn finding_id(i: usize) -> String {
    format!("F{}", i + 1)
}

/// Builds the report document.
pub fn document(a: &Audit) -> Doc {
    let l = a.spec.lang;
    let ids = FindingIds::new(a);
    let lookup = Lookup::new(a);
    let mut sections = vec![
        cover::cover(a),
        summary::summary(a, &ids),
        findings::findings_section(a, &ids),
        groups::groups_section(a),
    ];
    sections.extend(ll144::ll144_section(a));
    if !a.metrics.is_empty() {
        sections.push(disparity::disparity_section(a, &lookup));
    }
    sections.extend(scores::score_section(a, &lookup));
    sections.extend(inputs::inputs_section(a, &ids));
    sections.extend(protection::protection_section(a, &ids));
    sections.extend(model::model_section(a));
    if !a.metrics.is_empty() {
        sections.push(charts::charts_section(a, &lookup));
    }
    sections.push(method::method_section(a));
    Doc {
        title: title(l).to_string(),
        sections,
    }
}
