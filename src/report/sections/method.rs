//! The method: intervals, tests, the correction for multiple comparisons, disclosure and the
//! limits of the audit.

use crate::audit::Audit;
use crate::report::doc::{Item, Section};
use crate::report::text::level;
use crate::tr;

use super::cells::correction;

pub(super) fn method_section(a: &Audit) -> Section {
    let l = a.spec.lang;
    let mut s = Section::new("method", l.pick("Method", "方法"));
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
            tr!(
                l,
                "Rates: Wilson score intervals at {lvl} (Wilson 1927).",
                "比率：{lvl} Wilson 得分区间（Wilson 1927）。"
            ),
            l.pick(
                "Differences: Newcombe's hybrid score interval (Newcombe 1998, method 10). Ratios: Katz's log interval (Katz et al. 1978).",
                "差值：Newcombe 混合得分区间（Newcombe 1998，方法 10）。比值：Katz 对数区间（Katz 等，1978）。",
            ).into(),
            tr!(
                l,
                "Tests: Fisher's exact test when a group is smaller than {min} or an expected count is below 5, else Pearson's chi-square with Yates' correction; Kolmogorov-Smirnov for score distributions. The favorable-rate and adverse-rate ratios of one pair share one test.",
                "检验：群体少于 {min} 人或任一期望频数小于 5 时用 Fisher 精确检验，否则用带 Yates 连续性校正的 Pearson 卡方检验；分数分布用 Kolmogorov-Smirnov 检验。同一对群体的有利结果率之比与不利结果率之比共用一次检验。"
            ),
            tr!(
                l,
                "Multiple comparisons: {corr} correction across every comparison of the audit; significance level {alpha}. The detectable ratio (audit.json) is the smallest impact ratio a comparison would detect with 80 % power at the strictest level of the correction ({alpha} divided by the number of comparisons).",
                "多重比较：对本次审计的全部比较作 {corr} 校正；显著性水平 {alpha}。可检出比值（见 audit.json）指在校正的最严格水平（{alpha} 除以比较次数）下，以 80% 功效可检出的最小影响比。"
            ),
            tr!(
                l,
                "Other metrics: percentile intervals from {boot} bootstrap replicates drawn on the sufficient statistics (seed {seed}).",
                "其他指标：在充分统计量上作 {boot} 次自助法重抽样，取百分位区间（随机种子 {seed}）。"
            ),
            tr!(
                l,
                "Disclosure: figures about groups of fewer than {publ} workers are withheld in every output (rates, counts, ratios, charts); the statistics of small groups are otherwise reported in full. Limit: a withheld group's counts can sometimes be recovered by subtracting other groups' published counts from a total, or read off a larger group in which everyone got the same outcome; Candor does not yet hide such complementary cells.",
                "信息披露：少于 {publ} 人的群体，其各项数字（比率、人数、比值、图表）在所有输出中均不予公布；其余小群体的统计结果照常完整报告。局限：有时可以用总数减去其他群体公布的人数，或从所有人结果都相同的较大群体推出，而还原被隐去群体的人数；Candor 目前尚未隐去这类互补单元格。"
            ),
            l.pick(
                "Limitations: a statistical disparity is evidence to review, not by itself proof of unlawful discrimination; the audit sees only the data given to it.",
                "局限：统计上的差异是需要进一步审查的证据，其本身并不能证明存在违法歧视；本审计只能看到提供给它的数据。",
            ).into(),
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
    let mut text = l
        .pick(
            "Engine: the figures come from a cells table (the rows counted per group, decision, label and exact score value) that another engine computed from the data with the query that candor sql prints; Candor did not read the rows. Every disparity figure is computed from these counts exactly as from the rows.",
            "计算引擎：各项数字来自单元格表（按群体、决定、标签和精确分数值统计的行数），由其他引擎用 candor sql 给出的查询根据数据计算；Candor 未读取逐行数据。所有差异数字均由这些计数计算，与逐行计算完全相同。",
        )
        .to_string();
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
            a.spec.lang.pick(
                "Not run: the screening of the inputs for prohibited data and proxies, and the data-protection review of the table, which need the rows; this report says nothing about the inputs or about who in the table can be singled out.",
                "未进行：对输入变量的禁用数据和替代变量筛查，以及对数据表的数据保护审查（均需要逐行数据）；本报告不涉及输入变量，也不涉及表中哪些员工可被识别。",
            )
        })
}
