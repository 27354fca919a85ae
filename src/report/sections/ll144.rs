//! The NYC Local Law 144 tables, in the rule's format, and their summary on the cover.

use crate::audit::Audit;
use crate::i18n::Lang;
use crate::report::doc::{DocTable, Section};
use crate::report::num;
use crate::report::text::{self, group, outcome, pct, ratio3};
use crate::tr;

use super::cells::withheld;

/// NYC LL144 in a few lines: applicants, unknowns, excluded categories, and whether the law
/// applies at all.
pub(super) fn ll144_summary(a: &Audit) -> Option<String> {
    let l = a.spec.lang;
    let ll = a.ll144.as_ref()?;
    let n = ll.applicants;
    let mut unknown: Vec<String> = Vec::new();
    let mut excluded: Vec<String> = Vec::new();
    for t in &ll.tables {
        let (attr, u) = (&t.attribute, t.unknown);
        let item = tr!(l, "{u} for {attr}", "{attr} {u} 人");
        if t.table != "intersectional" && !unknown.contains(&item) {
            unknown.push(item);
        }
        for r in t.rows.iter().filter(|r| r.excluded) {
            let c = format!("{} = {}", t.attribute, group(&r.category, l));
            if !excluded.contains(&c) {
                excluded.push(c);
            }
        }
    }
    let unknown = unknown.join(l.pick(", ", "，"));
    let excluded = if excluded.is_empty() {
        l.pick("none", "无").to_string()
    } else {
        excluded.join(l.pick(", ", "，"))
    };
    // Every built-in pack applies when none is named.
    let pack =
        a.spec.screen.policy.is_empty() || a.spec.screen.policy.iter().any(|p| p == "nyc-ll144");
    let applies = pack && matches!(a.spec.screen.stage.as_str(), "recruitment" | "employment");
    let note = if applies {
        l.pick(
            "LL144 applies to automated employment decision tools used in New York City to screen candidates for hiring or employees for promotion: check that this system is one.",
            "LL144 适用于在纽约市用于筛选求职者或晋升候选员工的自动化雇用决策工具：请确认本系统属于此类。",
        )
    } else {
        l.pick(
            "LL144 applies only to automated employment decision tools used in New York City for hiring or promotion; this audit does not declare such a use (policy pack nyc-ll144 at the recruitment or employment stage), so the tables are given in the rule's format for comparison only.",
            "LL144 仅适用于在纽约市用于招聘或晋升的自动化雇用决策工具；本次审计未声明此类用途（在招聘或在职阶段选择 nyc-ll144 规则包），因此下列表格仅按该规则的格式列出，供比较之用。",
        )
    };
    Some(tr!(
        l,
        "NYC Local Law 144 summary: {n} individuals audited; unknown category: {unknown}; categories excluded under the 2 % option: {excluded}. {note}",
        "纽约市第 144 号地方法摘要：受审计 {n} 人；类别未知：{unknown}；按 2% 选项排除的类别：{excluded}。{note}"
    ))
}

pub(super) fn ll144_section(a: &Audit) -> Option<Section> {
    let l = a.spec.lang;
    let ll = a.ll144.as_ref()?;
    let mut s = Section::new(
        "ll144",
        l.pick(
            "NYC Local Law 144 tables",
            "纽约市第 144 号地方法（LL144）格式表格",
        ),
    );
    let fav = outcome(a, true);
    s.para(tr!(
        l,
        "Selection rate, in these tables, is the share of a category with the favorable outcome ({fav}); the impact ratio divides it by the highest category's rate.",
        "本节表格中的选择率，是各类别中获得有利结果（{fav}）者所占比例；影响比为该比率除以比率最高类别的比率。"
    ));
    if ll.median_score.is_some() {
        let side = text::scoring_side(a);
        let why = if ll.scoring_above_median == Some(false) {
            l.pick(
                " The rule counts scores above the median; this score is favorable when low, so the scoring rate counts the favorable side, below the median.",
                "该规则统计高于中位数的分数；本分数越低对劳动者越有利，因此得分率统计有利的一侧，即低于中位数者。",
            )
        } else {
            ""
        };
        s.para(tr!(
            l,
            "Scoring rate: the share of a category scoring {side}.{why}",
            "得分率：各类别中分数{side}者所占比例。{why}"
        ));
    }
    let share = num(Some(a.spec.exclude_below_share * 100.0));
    for (ti, t) in ll.tables.iter().enumerate() {
        let rate = match (t.rate.as_str(), l) {
            ("selection", Lang::En) => "selection rate".to_string(),
            ("scoring", Lang::En) => "scoring rate".to_string(),
            ("selection", Lang::Zh) => "选择率".into(),
            ("scoring", Lang::Zh) => "得分率".into(),
            (r, _) => r.to_string(),
        };
        let table = match (t.table.as_str(), l) {
            (x, Lang::En) => x.to_string(),
            ("sex", Lang::Zh) => "性别".into(),
            ("race/ethnicity", Lang::Zh) => "种族/族裔".into(),
            ("intersectional", Lang::Zh) => "交叉类别".into(),
            (x, Lang::Zh) => x.to_string(),
        };
        let (attr, unknown) = (&t.attribute, t.unknown);
        let mut tab = DocTable::new(
            format!("t-ll144-{ti}"),
            tr!(
                l,
                "{rate} by {table} ({attr}); unknown category: {unknown}",
                "按{table}（{attr}）统计的{rate}；类别未知：{unknown} 人"
            ),
            vec![
                l.pick("Category", "类别").into(),
                l.pick("Number", "人数").into(),
                rate.clone(),
                l.pick("Impact ratio", "影响比").into(),
            ],
        );
        for r in &t.rows {
            tab.push(vec![
                group(&r.category, l),
                r.n.to_string(),
                if r.withheld {
                    withheld(a)
                } else {
                    pct(r.rate, l)
                },
                if r.withheld {
                    "–".into()
                } else if r.excluded {
                    tr!(l, "excluded (< {share} %)", "已排除（< {share}%）")
                } else {
                    ratio3(r.impact_ratio)
                },
            ]);
        }
        s.table(tab);
    }
    Some(s)
}
