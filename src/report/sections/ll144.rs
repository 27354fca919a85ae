//! The NYC Local Law 144 tables, in the rule's format, and their summary on the cover.

use crate::audit::Audit;
use crate::report::doc::{DocTable, Section};
use crate::report::num;
use crate::report::text::{self, group, outcome, pct, ratio3};

use super::cells::withheld;
use crate::t;
use crate::ts;

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
        let item = t!(l, "report.ll144.for", u, attr);
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
    let unknown = unknown.join(ts!(l, "report.ll144.comma"));
    let excluded = if excluded.is_empty() {
        ts!(l, "report.ll144.none").to_string()
    } else {
        excluded.join(ts!(l, "report.ll144.comma"))
    };
    // Every built-in pack applies when none is named.
    let pack =
        a.spec.screen.policy.is_empty() || a.spec.screen.policy.iter().any(|p| p == "nyc-ll144");
    let applies = pack && matches!(a.spec.screen.stage.as_str(), "recruitment" | "employment");
    let note = if applies {
        ts!(
            l,
            "report.ll144.ll144_applies_automated_employment_decision"
        )
    } else {
        ts!(l, "report.ll144.ll144_applies_only_automated_employment")
    };
    Some(t!(
        l,
        "report.ll144.nyc_local_law_144_summary",
        n,
        unknown,
        excluded,
        note
    ))
}

pub(super) fn ll144_section(a: &Audit) -> Option<Section> {
    let l = a.spec.lang;
    let ll = a.ll144.as_ref()?;
    let mut s = Section::new("ll144", ts!(l, "report.ll144.nyc_local_law_144_tables"));
    let fav = outcome(a, true);
    s.para(t!(l, "report.ll144.selection_rate_these_tables_share", fav));
    if ll.median_score.is_some() {
        let side = text::scoring_side(a);
        let why = if ll.scoring_above_median == Some(false) {
            ts!(l, "report.ll144.rule_counts_scores_above_median")
        } else {
            ""
        };
        s.para(t!(
            l,
            "report.ll144.scoring_rate_share_category_scoring",
            side,
            why
        ));
    }
    let share = num(Some(a.spec.exclude_below_share * 100.0));
    for (ti, t) in ll.tables.iter().enumerate() {
        let rate = match t.rate.as_str() {
            "selection" => ts!(l, "report.ll144.rate_selection").to_string(),
            "scoring" => ts!(l, "report.ll144.rate_scoring").to_string(),
            r => r.to_string(),
        };
        let table = match t.table.as_str() {
            "sex" => ts!(l, "report.ll144.table_sex").to_string(),
            "race/ethnicity" => ts!(l, "report.ll144.table_race_ethnicity").to_string(),
            "intersectional" => ts!(l, "report.ll144.table_intersectional").to_string(),
            x => x.to_string(),
        };
        let (attr, unknown) = (&t.attribute, t.unknown);
        let mut tab = DocTable::new(
            format!("t-ll144-{ti}"),
            t!(
                l,
                "report.ll144.unknown_category",
                rate,
                table,
                attr,
                unknown
            ),
            vec![
                ts!(l, "report.ll144.category").into(),
                ts!(l, "report.ll144.number").into(),
                rate.clone(),
                ts!(l, "report.ll144.impact_ratio").into(),
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
                    t!(l, "report.ll144.excluded", share)
                } else {
                    ratio3(r.impact_ratio)
                },
            ]);
        }
        s.table(tab);
    }
    Some(s)
}
