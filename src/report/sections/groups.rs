//! The groups: which are small, withheld, unknown or excluded, and the rows and columns left
//! out of the data.

use crate::audit::Audit;
use crate::i18n::Lang;
use crate::report::doc::{DocTable, Section};
use crate::report::text::group;
use crate::tr;

use super::cells::headers;

pub(super) fn groups_section(a: &Audit) -> Section {
    let l = a.spec.lang;
    let mut s = Section::new("groups", l.pick("Groups", "群体"));
    let (min, publ) = (a.spec.min_group_size, a.spec.report.min_published_group);
    s.para(tr!(
        l,
        "Every group is counted. Groups of fewer than {min} workers are small: their figures are published with exact tests, and they never serve as the reference. Groups of fewer than {publ} workers have every figure withheld (the disclosure setting report.min_published_group). Workers with a missing value form the group 'unknown': counted and described, never compared, never a reference.",
        "每个群体都计入人数。少于 {min} 人的群体为小群体：公布其数字并使用精确检验，但从不作为参照组。少于 {publ} 人的群体不公布任何数字（披露设置 report.min_published_group）。取值缺失的劳动者归入“未知”组：计入人数并予描述，但不参与比较，也不作参照组。"
    ));
    let mut t = DocTable::new(
        "t-groups",
        l.pick("Groups that are not fully compared", "未完全参与比较的群体"),
        headers(
            l,
            &["Attribute", "Group", "n", "Status"],
            &["属性", "群体", "人数", "状态"],
        ),
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
        s.para(l.pick(
            "Every group is large enough, known and compared.",
            "所有群体人数充足、取值已知，均参与比较。",
        ));
    } else {
        s.table(t);
    }
    for e in a.provenance.inputs.iter().flat_map(|x| &x.excluded) {
        let (rows, reason) = (e.rows, &e.reason);
        s.para(tr!(
            l,
            "Excluded: {rows} rows ({reason}).",
            "已排除：{rows} 行（{reason}）。"
        ));
    }
    for r in a.provenance.inputs.iter().flat_map(|x| &x.renamed_columns) {
        let (o, n) = (l.quote(&r.original), l.quote(&r.renamed));
        s.para(tr!(
            l,
            "Duplicate column name {o} read as {n}.",
            "重复的列名{o}按{n}读取。"
        ));
    }
    s
}

/// The words of a group status code.
fn status_text(code: &str, lang: Lang) -> &'static str {
    match code {
        "small" => lang.pick(
            "small: figures published with exact tests, never the reference",
            "人数较少：公布数字并用精确检验，不作参照组",
        ),
        "withheld" => lang.pick("withheld: too few workers to publish", "不予公布：人数过少"),
        "unknown" => lang.pick(
            "missing value: counted, not compared",
            "取值缺失：计入人数，不参与比较",
        ),
        "excluded" => lang.pick(
            "excluded from the ratios (under the share threshold)",
            "不计入比值（低于占比门槛）",
        ),
        _ => lang.pick("compared", "参与比较"),
    }
}
