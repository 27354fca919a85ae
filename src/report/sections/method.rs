//! The method: intervals, tests, the correction for multiple comparisons, disclosure and the
//! limits of the audit.

use crate::audit::Audit;
use crate::report::doc::{Item, Section};
use crate::report::text::level;

use super::cells::correction;
use crate::t;
use crate::ts;

pub(super) fn method_section(a: &Audit) -> Section {
    let l = a.spec.lang;
    let mut s = Section::new("method", ts!(l, "report.method.method"));
    let corr = correction(a);
    let (alpha, boot, seed, min, publ) = (
        a.spec.stats.alpha,
        a.spec.stats.bootstrap,
        a.spec.stats.seed,
        a.spec.min_group_size,
        a.spec.report.min_published_group,
    );
    let lvl = level(a);
    s.list(
        [
            t!(l, "report.method.rates_wilson_score_intervals_wilson", lvl),
            ts!(l, "report.method.differences_newcombe_s_hybrid_score").into(),
            t!(l, "report.method.tests_fisher_s_exact_test", min),
            t!(
                l,
                "report.method.multiple_comparisons_correction_across_every",
                corr,
                alpha
            ),
            t!(
                l,
                "report.method.other_metrics_percentile_intervals_from",
                boot,
                seed
            ),
            t!(
                l,
                "report.method.disclosure_figures_about_groups_fewer",
                publ
            ),
            ts!(
                l,
                "report.method.limitations_statistical_disparity_evidence_review"
            )
            .into(),
        ]
        .into_iter()
        .chain(engine_note(a))
        .map(Item::new)
        .collect(),
    );
    s
}

/// What an audit from a cells table rests on, and what it could not do.
fn engine_note(a: &Audit) -> Option<String> {
    let l = a.spec.lang;
    if a.provenance.engine == Some(crate::data::EngineKind::Spark) {
        return Some(spark_note(a));
    }
    if a.provenance.engine != Some(crate::data::EngineKind::Cells) {
        return None;
    }
    let mut text = ts!(l, "report.method.engine_figures_come_from_cells").to_string();
    if let Some(not_run) = not_run(a) {
        text.push(' ');
        text.push_str(not_run);
    }
    Some(text)
}

/// What an audit on Spark rests on: exact cells, and the rows screening read.
fn spark_note(a: &Audit) -> String {
    let l = a.spec.lang;
    let mut text = l
        .pick(
            "Engine: Apache Spark computed the cells (the rows counted per group, decision, label and exact score value) where the data lives, through Spark Connect, with the query that candor sql --dialect spark prints; every disparity figure is computed from these counts exactly as from the rows.",
            "计算引擎：Apache Spark 在数据所在处通过 Spark Connect、用 candor sql --dialect spark 给出的查询计算单元格（按群体、决定、标签和精确分数值统计的行数）；所有差异数字均由这些计数计算，与逐行计算完全相同。",
        )
        .to_string();
    if let Some(r) = a.provenance.rows_screened {
        let (rows, of) = (r.rows, r.of);
        text.push(' ');
        text.push_str(&if rows >= of {
            tr!(
                l,
                "The screening of the inputs and the data-protection review read all {of} rows, fetched from Spark.",
                "输入变量筛查和数据保护审查读取了从 Spark 取回的全部 {of} 行。"
            )
        } else {
            tr!(
                l,
                "The screening of the inputs and the data-protection review read a seeded sample of {rows} of the {of} rows (drawn by a hash of the worker id and the seed when the spec names an id, else by Spark's seeded random numbers): their figures are estimates from that sample, and a group or combination rare in the table may be missing from it. The disparity figures use every row.",
                "输入变量筛查和数据保护审查读取的是 {of} 行中按种子抽取的 {rows} 行样本（规格指定了员工编号时按编号与种子的哈希抽取，否则按 Spark 的带种子随机数抽取）：相关数字是基于样本的估计，表中罕见的群体或组合可能未被抽到。差异数字使用全部行。"
            )
        });
    }
    text
}

/// What the audit could not run because its engine held no rows, in words; None when
/// everything ran.
pub(super) fn not_run(a: &Audit) -> Option<&'static str> {
    a.provenance
        .not_run
        .iter()
        .any(|c| c == "screening")
        .then(|| {
            ts!(
                a.spec.lang,
                "report.method.not_run_screening_inputs_prohibited"
            )
        })
}
