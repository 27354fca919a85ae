//! Per-group counts and rates, and the impact ratio.
//!
//! - `selection_rate = selected / n` (positive decisions), Wilson interval.
//! - `favorable_rate = favorable / n`, where favorable is the positive decision when it helps
//!   the worker and the negative decision when the positive one harms them.
//! - `impact_ratio = favorable_rate(g) / max_h favorable_rate(h)` over the attribute's eligible
//!   groups (the four-fifths rule, 29 C.F.R. 1607.4(D); NYC 6 RCNY 5-301), Katz log interval,
//!   p-value from Fisher's exact test when an expected cell is below 5, else Pearson's
//!   chi-square with Yates' correction.
//! - With a label: tpr, fpr, tnr, fnr, ppv, npv, fdr, for, accuracy, prevalence.
//!
//! Small groups: below `min_group_size` a group's rates are suppressed (null, with the reason
//! "insufficient data"), never reported as 0 and never as parity. Its counts are still given.

use super::intervals::{katz_ratio, wilson};
use super::significance::{chi_square_2x2, fisher_exact_2x2, min_detectable_ratio};
use super::{MetricParams, MetricRow, Test, favorable};
use crate::i18n::Lang;
use crate::stats::{Group, GroupStats, Slice};

/// A rate as numerator and denominator.
pub(crate) type Frac = (u64, u64);

/// Everything about a slice that several metric families need.
pub(crate) struct SliceContext<'a> {
    pub slice: &'a Slice,
    pub params: &'a MetricParams,
    pub total: u64,
    /// Index of the group with the highest favorable rate among eligible groups (binary).
    pub highest: Option<usize>,
}

impl<'a> SliceContext<'a> {
    pub fn new(slice: &'a Slice, params: &'a MetricParams, total: u64) -> Self {
        let mut ctx = SliceContext {
            slice,
            params,
            total,
            highest: None,
        };
        if params.classes.is_empty() {
            ctx.highest = ctx.best_by(|g| rate(favorable(g, params.positive_is_favorable), g.n));
        }
        ctx
    }

    /// The eligible group maximising `f` (ties: the larger group, then the first by name).
    pub fn best_by(&self, f: impl Fn(&GroupStats) -> Option<f64>) -> Option<usize> {
        let mut best: Option<(usize, f64, u64)> = None;
        for (i, g) in self.slice.groups.iter().enumerate() {
            if !self.can_be_reference(g) {
                continue;
            }
            let Some(v) = f(&g.stats) else { continue };
            // Ties: the larger group, then the content of the statistics, so that the choice
            // does not depend on group names; identical statistics give identical results
            // whichever is chosen.
            let better = match best {
                None => true,
                Some((bi, bv, bn)) => {
                    v > bv
                        || (v == bv && g.stats.n > bn)
                        || (v == bv
                            && g.stats.n == bn
                            && content_key(&g.stats) > content_key(&self.slice.groups[bi].stats))
                }
            };
            if better {
                best = Some((i, v, g.stats.n));
            }
        }
        best.map(|b| b.0)
    }

    pub fn is_unknown(&self, g: &Group) -> bool {
        g.values.iter().any(|v| v.starts_with(&self.params.unknown))
    }

    /// Large enough for its rates to be reported.
    pub fn sufficient(&self, g: &GroupStats) -> bool {
        g.n >= self.params.min_group_size.max(1)
    }

    /// Below the share threshold (NYC LL144's optional 2 % rule).
    pub fn excluded(&self, g: &GroupStats) -> bool {
        self.total > 0 && (g.n as f64) < self.params.exclude_below_share * self.total as f64
    }

    pub fn can_be_reference(&self, g: &Group) -> bool {
        self.sufficient(&g.stats) && !self.excluded(&g.stats) && !self.is_unknown(g)
    }

    pub fn status(&self, g: &Group) -> &'static str {
        if self.is_unknown(g) {
            "unknown"
        } else if !self.sufficient(&g.stats) {
            "insufficient"
        } else if self.excluded(&g.stats) {
            "excluded"
        } else {
            "ok"
        }
    }

    pub fn insufficient_reason(&self, g: &GroupStats) -> String {
        let (n, min) = (g.n, self.params.min_group_size);
        crate::tr!(
            self.params.lang,
            "insufficient data: n = {n} is below the minimum group size {min}",
            "样本不足：n = {n}，低于最小群体规模 {min}"
        )
    }
}

/// Cells, then (score bits, n, positives) per score value.
type ContentKey = (Vec<[u64; 2]>, Vec<(u64, u64, u64)>);

/// A name-free ordering key of a group's statistics, for breaking ties.
fn content_key(g: &GroupStats) -> ContentKey {
    (
        g.cells.clone(),
        g.scores
            .iter()
            .map(|c| (c.value.to_bits(), c.n, c.label_pos))
            .collect(),
    )
}

/// The decision classes to report: (class index, class name) for each class of a
/// multi-class decision (one-vs-rest), or the positive class (index 1, no name) of a binary one.
pub(crate) fn decision_classes(p: &MetricParams) -> Vec<(usize, Option<&str>)> {
    if p.classes.is_empty() {
        vec![(1, None)]
    } else {
        p.classes
            .iter()
            .enumerate()
            .map(|(k, c)| (k, Some(c.as_str())))
            .collect()
    }
}

/// `x / n`, None when `n == 0`.
pub(crate) fn rate(x: u64, n: u64) -> Option<f64> {
    (n > 0).then(|| x as f64 / n as f64)
}

/// Two-sided p-value comparing two proportions: Fisher's exact test when any expected cell
/// count is below 5, else Pearson's chi-square with Yates' continuity correction.
pub(crate) fn two_by_two_p(a: Frac, b: Frac) -> Option<f64> {
    let (x1, n1) = a;
    let (x2, n2) = b;
    if n1 == 0 || n2 == 0 || x1 > n1 || x2 > n2 {
        return None;
    }
    let (c11, c12, c21, c22) = (x1, n1 - x1, x2, n2 - x2);
    let n = (n1 + n2) as f64;
    let col1 = (c11 + c21) as f64;
    let col2 = (c12 + c22) as f64;
    if col1 == 0.0 || col2 == 0.0 {
        return Some(1.0);
    }
    let min_expected = [
        n1 as f64 * col1,
        n1 as f64 * col2,
        n2 as f64 * col1,
        n2 as f64 * col2,
    ]
    .into_iter()
    .map(|e| e / n)
    .fold(f64::INFINITY, f64::min);
    if min_expected < 5.0 {
        Some(fisher_exact_2x2(c11, c12, c21, c22))
    } else {
        chi_square_2x2(c11, c12, c21, c22, true).map(|t| t.p_value)
    }
}

/// The label-based rates: (name, numerator, denominator).
pub(crate) fn label_rates(g: &GroupStats, class: usize) -> Vec<(&'static str, Frac)> {
    let Some(c) = g.confusion_for(class) else {
        return Vec::new();
    };
    vec![
        ("tpr", (c.tp, c.tp + c.fn_)),
        ("fpr", (c.fp, c.fp + c.tn)),
        ("tnr", (c.tn, c.tn + c.fp)),
        ("fnr", (c.fn_, c.fn_ + c.tp)),
        ("ppv", (c.tp, c.tp + c.fp)),
        ("npv", (c.tn, c.tn + c.fn_)),
        ("fdr", (c.fp, c.tp + c.fp)),
        ("for", (c.fn_, c.fn_ + c.tn)),
        ("accuracy", (c.tp + c.tn, g.n)),
        ("prevalence", (c.tp + c.fn_, g.n)),
    ]
}

fn zero_denominator(metric: &str, lang: Lang) -> String {
    crate::tr!(
        lang,
        "undefined: the denominator of {metric} is 0 in this group",
        "无法计算：该组 {metric} 的分母为 0"
    )
}

/// The per-group rows of a slice.
pub(crate) fn group_rows(ctx: &SliceContext, out: &mut Vec<(MetricRow, Test)>) {
    let p = ctx.params;
    let attr = &ctx.slice.attribute;
    let multiclass = !p.classes.is_empty();
    for g in &ctx.slice.groups {
        let s = &g.stats;
        let name = g.name.as_str();
        let row = |m: &str| MetricRow::new(attr, name, m, s.n);
        out.push((row("n").value(Some(s.n as f64), ""), Test::None));
        out.push((
            row("share_of_population")
                .value(
                    rate(s.n, ctx.total),
                    p.lang
                        .pick("undefined: the population is empty", "无法计算：总体为空"),
                )
                .ci(wilson(s.n, ctx.total, p.confidence)),
            Test::None,
        ));
        let sufficient = ctx.sufficient(s);
        let insufficient = ctx.insufficient_reason(s);
        let classes = decision_classes(p);
        for (k, class) in &classes {
            out.push((
                row("selected")
                    .value(Some(s.class_total(*k) as f64), "")
                    .class(*class),
                Test::None,
            ));
            if let Some(c) = s.confusion_for(*k) {
                for (m, v) in [("tp", c.tp), ("fp", c.fp), ("tn", c.tn), ("fn", c.fn_)] {
                    out.push((row(m).value(Some(v as f64), "").class(*class), Test::None));
                }
            }
            let rate_row = |m: &str, x: u64, n: u64| {
                if sufficient {
                    row(m)
                        .value(rate(x, n), &zero_denominator(m, p.lang))
                        .ci(wilson(x, n, p.confidence))
                        .class(*class)
                } else {
                    row(m).value(None, &insufficient).class(*class)
                }
            };
            out.push((
                rate_row("selection_rate", s.class_total(*k), s.n),
                Test::None,
            ));
            if !multiclass {
                let fav = favorable(s, p.positive_is_favorable);
                out.push((rate_row("favorable_rate", fav, s.n), Test::None));
            }
            for (m, (x, n)) in label_rates(s, *k) {
                out.push((rate_row(m, x, n), Test::None));
            }
        }
        if !multiclass {
            out.push(impact_ratio(ctx, g));
        }
    }
}

fn impact_ratio(ctx: &SliceContext, g: &Group) -> (MetricRow, Test) {
    let p = ctx.params;
    let s = &g.stats;
    let mut row = MetricRow::new(&ctx.slice.attribute, &g.name, "impact_ratio", s.n);
    if !ctx.sufficient(s) {
        return (row.value(None, &ctx.insufficient_reason(s)), Test::None);
    }
    if ctx.excluded(s) {
        let share = p.exclude_below_share * 100.0;
        let reason = crate::tr!(
            p.lang,
            "excluded: the group is under {share} % of the data (the LL144 option); its counts and rates are disclosed",
            "已排除：该组占数据不足 {share}%（LL144 选项）；其人数和比率仍予披露"
        );
        return (row.value(None, &reason), Test::None);
    }
    let Some(h) = ctx.highest.map(|i| &ctx.slice.groups[i]) else {
        return (
            row.value(
                None,
                p.lang.pick(
                    "undefined: no group is large enough to serve as the reference",
                    "无法计算：没有足够大的群体可作参照组",
                ),
            ),
            Test::None,
        );
    };
    let hs = &h.stats;
    let fav = favorable(s, p.positive_is_favorable);
    let hfav = favorable(hs, p.positive_is_favorable);
    row.reference = Some(h.name.clone());
    let value = match (rate(fav, s.n), rate(hfav, hs.n)) {
        (Some(a), Some(b)) if b > 0.0 => Some(a / b),
        _ => None,
    };
    row = row.value(
        value,
        p.lang.pick(
            "undefined: the highest favorable rate is 0 (no group has a favorable decision)",
            "无法计算：最高有利结果率为 0（没有任何群体获得有利决定）",
        ),
    );
    if h.name == g.name {
        row.reason = Some(
            p.lang
                .pick(
                    "reference: the group with the highest favorable rate",
                    "参照组：有利结果率最高的群体",
                )
                .into(),
        );
        return (row, Test::None);
    }
    row = row.ci(katz_ratio(fav, s.n, hfav, hs.n, p.confidence));
    row.p_value = two_by_two_p((fav, s.n), (hfav, hs.n));
    row.detectable_ratio =
        rate(hfav, hs.n).and_then(|pr| min_detectable_ratio(s.n, hs.n, pr, p.alpha, 0.8));
    let pv = row.p_value;
    (row, Test::New(pv))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_by_two_uses_fisher_for_small() {
        // scipy.stats.fisher_exact([[3, 1], [1, 3]]) -> p = 0.48571428571428565
        let p = two_by_two_p((3, 4), (1, 4)).unwrap();
        assert!((p - 0.48571428571428565).abs() < 1e-9, "{p}");
    }

    #[test]
    fn two_by_two_empty_is_none() {
        assert!(two_by_two_p((0, 0), (1, 4)).is_none());
    }
}
