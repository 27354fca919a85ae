//! Prohibited inputs and proxies: how each input was checked, Candor's model of the
//! algorithm, and the flagged inputs worst first with their evidence.

use crate::audit::{AnyFinding, Audit};
use crate::codes::FindingKind;
use crate::i18n::Lang;
use crate::report::doc::{DocTable, Section};
use crate::screen::run::InputFinding;
use crate::tr;

use super::cells::{FindingIds, headers};
use super::finding_id;

pub(super) fn inputs_section(a: &Audit, ids: &FindingIds) -> Option<Section> {
    let l = a.spec.lang;
    let sc = a.screen.as_ref()?;
    let mut s = Section::new(
        "inputs",
        l.pick("Prohibited inputs and proxies", "禁用输入与替代变量"),
    );
    s.para(l.pick(
        "Each input was checked four ways: its name and description against the policy lexicons (English, Chinese, pinyin); its values (e.g. diagnosis codes, timestamps outside working hours); whether the algorithm relies on it (a model of the algorithm fitted with and without it, likelihood-ratio test); and how well it predicts a protected attribute (proxy). Severity is the worst over the selected legal packs.",
        "每个输入变量都从四个方面检查：名称和说明是否与政策词库（英文、中文、拼音）匹配；取值（如疾病诊断代码、工作时间以外的时间戳）；算法是否依赖它（分别拟合包含和不包含该变量的算法模型，作似然比检验）；以及它对受保护属性的预测能力（是否为替代变量）。严重程度取所选法律规则包中最严重的一项。",
    ));
    if let Some(sur) = &sc.surrogate {
        let (n, fid) = (sur.n, format!("{:.3}", sur.fidelity));
        let logistic = sur.model == "logistic";
        s.para(match l {
            Lang::En => format!(
                "Candor's model of the algorithm: {} regression on {n} rows, fidelity {fid} ({}).",
                sur.model,
                if logistic {
                    "share of decisions it reproduces"
                } else {
                    "R squared"
                }
            ),
            Lang::Zh => format!(
                "Candor 对算法的模型：基于 {n} 行数据的{}回归，保真度 {fid}（{}）。",
                if logistic { "逻辑" } else { "线性" },
                if logistic {
                    "能复现的原决定所占比例"
                } else {
                    "决定系数 R²"
                }
            ),
        });
    }
    if let Some(note) = &sc.usage_note {
        s.para(tr!(l, "Note: {note}.", "说明：{note}。"));
    }
    let mut t = DocTable::new(
        "t-inputs",
        l.pick(
            "Inputs flagged, worst first",
            "被标记的输入（按严重程度排列）",
        ),
        headers(
            l,
            &[
                "Finding",
                "Column",
                "Kind",
                "Category",
                "Severity",
                "Used by the algorithm",
                "Evidence",
                "Legal sources",
            ],
            &[
                "发现",
                "列名",
                "类型",
                "类别",
                "严重程度",
                "算法是否使用",
                "证据",
                "法律依据",
            ],
        ),
    );
    for f in &sc.findings {
        let pos = a
            .findings
            .iter()
            .position(|x| matches!(x, AnyFinding::Input(i) if **i == *f));
        let cells = input_cells(f, pos, l);
        match pos {
            Some(i) => t.push_with_id(ids.ids[i].clone(), cells),
            None => t.push(cells),
        }
    }
    s.table(t);
    Some(s)
}

/// The cells of one flagged input's row; `pos` is its place among the audit's findings.
fn input_cells(f: &InputFinding, pos: Option<usize>, l: Lang) -> Vec<String> {
    let kind = FindingKind::from_code(&f.kind)
        .map_or_else(|| f.kind.replace('_', " "), |k| k.text(l).to_string());
    let sev = f
        .severity
        .parse::<crate::codes::Severity>()
        .map_or_else(|_| f.severity.clone(), |x| x.text(l).to_string());
    vec![
        pos.map(finding_id).unwrap_or_default(),
        f.column.clone(),
        kind,
        match l {
            Lang::En => f.category_label_en.clone(),
            Lang::Zh if !f.category_label_zh.is_empty() => f.category_label_zh.clone(),
            Lang::Zh => f.category_label_en.clone(),
        },
        sev,
        match f.used {
            Some(true) => l.pick("yes", "是").into(),
            Some(false) => l
                .pick("no (present but unused)", "否（存在但未被使用）")
                .into(),
            None => l.pick("not tested", "未检验").into(),
        },
        evidence(f, l),
        f.legal_sources
            .iter()
            .map(|s| s.citation.clone())
            .collect::<Vec<_>>()
            .join(l.pick("; ", "；")),
    ]
}

/// The evidence against an input: what its name matches, its values, its use by the
/// algorithm and what it predicts.
fn evidence(f: &InputFinding, l: Lang) -> String {
    let mut ev = Vec::new();
    if let Some(m) = f.evidence.name.first() {
        let term = l.quote(&m.term);
        ev.push(tr!(l, "name matches {term}", "名称匹配词条{term}"));
    }
    if let Some(v) = f.evidence.content.first() {
        let (share, pattern) = (format!("{:.1}", v.share * 100.0), &v.pattern);
        ev.push(tr!(
            l,
            "{share} % of values match {pattern}",
            "{share}% 的取值匹配 {pattern}"
        ));
    }
    if let Some(o) = &f.evidence.off_hours {
        let (share, n) = (format!("{:.1}", o.share * 100.0), o.parsed_rows);
        ev.push(tr!(
            l,
            "{share} % of timestamps outside working hours (of {n} examined)",
            "{share}% 的时间戳在工作时间以外（共检查 {n} 个）"
        ));
    }
    if let Some(u) = &f.evidence.usage {
        let (p, k) = (crate::i18n::fmt_p_eq(u.p_value), u.decisions_changed);
        ev.push(tr!(
            l,
            "likelihood-ratio test p {p}, {k} decisions change",
            "似然比检验 p {p}，{k} 个决定改变"
        ));
    }
    if let Some(p) = f.evidence.proxy.first() {
        let (attr, auc) = (
            &p.attribute,
            p.auc.map_or("–".into(), |x| format!("{x:.2}")),
        );
        ev.push(tr!(
            l,
            "predicts {attr} (AUC {auc})",
            "可预测{attr}（AUC {auc}）"
        ));
    }
    ev.join(l.pick("; ", "；"))
}
