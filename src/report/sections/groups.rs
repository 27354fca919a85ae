//! The groups: which are small, withheld, unknown or excluded, and the rows and columns left
//! out of the data.

use crate::audit::Audit;
use crate::i18n::Lang;
use crate::report::doc::{DocTable, Section};
use crate::report::text::group;

use super::cells::headers;
use crate::t;
use crate::ts;

pub(super) fn groups_section(a: &Audit) -> Section {
    let l = a.spec.lang;
    let mut s = Section::new("groups", ts!(l, "report.groups.groups"));
    let (min, publ) = (a.spec.min_group_size, a.spec.report.min_published_group);
    s.para(t!(
        l,
        "report.groups.every_group_counted_groups_fewer",
        min,
        publ
    ));
    let mut t = DocTable::new(
        "t-groups",
        ts!(l, "report.groups.groups_that_not_fully_compared"),
        headers(&[
            ts!(l, "report.groups.col_attribute"),
            ts!(l, "report.groups.col_group"),
            ts!(l, "report.groups.col_n"),
            ts!(l, "report.groups.col_status"),
        ]),
    );
    for g in a.groups.iter().filter(|g| g.status != "ok") {
        t.push(vec![
            g.attribute.clone(),
            group(&g.group, l),
            g.n.to_string(),
            status_text(&g.status, l).into(),
        ]);
    }
    if t.rows.is_empty() {
        s.para(ts!(l, "report.groups.every_group_large_enough_known"));
    } else {
        s.table(t);
    }
    for e in a.provenance.inputs.iter().flat_map(|x| &x.excluded) {
        let (rows, reason) = (e.rows, &e.reason);
        s.para(t!(l, "report.groups.excluded_rows", rows, reason));
    }
    for r in a.provenance.inputs.iter().flat_map(|x| &x.renamed_columns) {
        let (o, n) = (l.quote(&r.original), l.quote(&r.renamed));
        s.para(t!(l, "report.groups.duplicate_column_name_read", o, n));
    }
    s
}

/// The words of a group status code.
fn status_text(code: &str, lang: Lang) -> &'static str {
    match code {
        "small" => ts!(lang, "report.groups.small_figures_published_exact_tests"),
        "withheld" => ts!(lang, "report.groups.withheld_too_few_workers_publish"),
        "unknown" => ts!(lang, "report.groups.missing_value_counted_not_compared"),
        "excluded" => ts!(lang, "report.groups.excluded_from_ratios_under_share"),
        _ => ts!(lang, "report.groups.compared"),
    }
}
