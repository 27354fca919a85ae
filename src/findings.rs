//! Findings: what a reader must know first, worst first.
//!
//! Takes the metric rows and returns the disparities worth reporting: impact ratios below the
//! four-fifths line (significant or not, said apart), significant differences within it, and
//! error-rate ratios outside [0.8, 1.25] that are significant after correction. Each finding
//! carries its evidence (the metric row) and one plain-language sentence.

use serde::Serialize;

use crate::i18n::Lang;
use crate::metrics::{MetricRow, Verdict};
use crate::tr;

/// One thing wrong or worth review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// `disparity` (later also `prohibited_input`, `proxy`).
    pub kind: String,
    /// `high`, `medium` or `low`.
    pub severity: String,
    pub attribute: String,
    pub group: String,
    pub metric: String,
    pub class: Option<String>,
    pub value: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub reference: Option<String>,
    pub p_adjusted: Option<f64>,
    pub verdict: Option<Verdict>,
    pub n: u64,
    /// One sentence in plain language, in the report's language.
    pub summary: String,
}

fn severity(v: Verdict) -> Option<&'static str> {
    match v {
        Verdict::AdverseSignificant => Some("high"),
        Verdict::AdverseNotSignificant => Some("medium"),
        Verdict::SignificantWithinThreshold => Some("low"),
        _ => None,
    }
}

/// The finding's sentence, e.g. "sex = M (n = 6) receive the favorable decision at 0.50 times
/// the rate of F (95 % interval 0.14 to 1.77): below 0.8, ...; corrected p = 0.0123".
fn describe(r: &MetricRow, lang: Lang) -> String {
    let (attr, group, n) = (&r.attribute, &r.group, r.n);
    // Findings are made from rows with a value; "undefined" is said rather than printing NaN.
    let v = r.value.map_or_else(
        || lang.pick("undefined", "无法计算").to_string(),
        |v| format!("{v:.2}"),
    );
    let ci = match (r.ci_low, r.ci_high) {
        (Some(a), Some(b)) => tr!(
            lang,
            " (95 % interval {a:.2} to {b:.2})",
            "（95% 置信区间 {a:.2} 至 {b:.2}）"
        ),
        _ => String::new(),
    };
    let p = r
        .p_adjusted
        .map(|p| {
            let p = fmt_p_eq(p);
            tr!(lang, "corrected p {p}", "校正后 p {p}")
        })
        .unwrap_or_default();
    let verdict = r.verdict.map(|v| v.text(lang)).unwrap_or_default();
    match lang {
        Lang::En => {
            let what = match r.metric.as_str() {
                "impact_ratio" => "receive the favorable decision at",
                "scoring_impact_ratio" => "score above the median at",
                "fpr_ratio" => "are wrongly given the positive decision (false positive rate) at",
                "fnr_ratio" => "are wrongly denied the positive decision (false negative rate) at",
                _ => "have this rate at",
            };
            let reference = r.reference.as_deref().unwrap_or("the reference");
            format!(
                "{attr} = {group} (n = {n}) {what} {v} times the rate of {reference}{ci}: {verdict}; {p}"
            )
        }
        Lang::Zh => {
            let what = match r.metric.as_str() {
                "impact_ratio" => "获得有利决定的比率",
                "scoring_impact_ratio" => "分数高于中位数的比率",
                "fpr_ratio" => "被错误给予正向决定的比率（假阳性率）",
                "fnr_ratio" => "被错误拒绝正向决定的比率（假阴性率）",
                _ => "该比率",
            };
            let reference = r
                .reference
                .as_deref()
                .map(|x| lang.quote(x))
                .unwrap_or_default();
            format!(
                "{attr} = {group}（n = {n}）{what}是参照组{reference}的 {v} 倍{ci}：{verdict}；{p}"
            )
        }
    }
}

/// A p-value for people: 4 decimals, or "< 0.0001".
pub fn fmt_p(p: f64) -> String {
    if p < 1e-4 {
        "< 0.0001".into()
    } else {
        format!("{p:.4}")
    }
}

/// A p-value after "p": "= 0.0123" or "< 0.0001".
pub fn fmt_p_eq(p: f64) -> String {
    let text = fmt_p(p);
    if text.starts_with('<') {
        text
    } else {
        format!("= {text}")
    }
}

/// The disparity findings of an audit, worst first, their sentences in `lang`.
pub fn disparities(rows: &[MetricRow], lang: Lang) -> Vec<Finding> {
    let mut out: Vec<(u8, Finding)> = Vec::new();
    for r in rows {
        let Some(v) = r.verdict else { continue };
        let sev = match r.metric.as_str() {
            "impact_ratio" | "scoring_impact_ratio" => severity(v),
            "fpr_ratio" | "fnr_ratio" => (v == Verdict::Significant
                && r.value.is_some_and(|x| !(0.8..=1.25).contains(&x)))
            .then_some("medium"),
            _ => None,
        };
        let Some(sev) = sev else { continue };
        let rank = match sev {
            "high" => 3,
            "medium" => 2,
            _ => 1,
        };
        out.push((
            rank,
            Finding {
                kind: "disparity".into(),
                severity: sev.into(),
                attribute: r.attribute.clone(),
                group: r.group.clone(),
                metric: r.metric.clone(),
                class: r.class.clone(),
                value: r.value,
                ci_low: r.ci_low,
                ci_high: r.ci_high,
                reference: r.reference.clone(),
                p_adjusted: r.p_adjusted,
                verdict: r.verdict,
                n: r.n,
                summary: describe(r, lang),
            },
        ));
    }
    // Worst first: severity, then distance from parity, then names for a stable order.
    out.sort_by(|(ra, a), (rb, b)| {
        let dist = |f: &Finding| f.value.map_or(0.0, |v| (v.ln()).abs());
        rb.cmp(ra)
            .then(dist(b).total_cmp(&dist(a)))
            .then(a.attribute.cmp(&b.attribute))
            .then(a.group.cmp(&b.group))
            .then(a.metric.cmp(&b.metric))
    });
    out.into_iter().map(|(_, f)| f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(g: &str, v: f64, verdict: Verdict) -> MetricRow {
        let mut r = MetricRow::new("race", g, "impact_ratio", 100).value(Some(v), "");
        r.verdict = Some(verdict);
        r.p_adjusted = Some(0.001);
        r.reference = Some("White".into());
        r
    }

    #[test]
    fn worst_first() {
        let rows = vec![
            row("A", 0.75, Verdict::AdverseNotSignificant),
            row("B", 0.70, Verdict::AdverseSignificant),
            row("C", 0.50, Verdict::AdverseSignificant),
            row("D", 0.99, Verdict::NoDisparity),
        ];
        let f = disparities(&rows, Lang::En);
        let order: Vec<&str> = f.iter().map(|f| f.group.as_str()).collect();
        assert_eq!(order, ["C", "B", "A"]);
        assert_eq!(f[0].severity, "high");
        assert!(
            f[0].summary.contains("0.50 times the rate of White"),
            "{}",
            f[0].summary
        );
    }

    #[test]
    fn chinese_sentence() {
        let mut r = row("B", 0.70, Verdict::AdverseSignificant);
        r.ci_low = Some(0.6);
        r.ci_high = Some(0.8);
        let f = disparities(&[r], Lang::Zh);
        assert_eq!(
            f[0].summary,
            "race = B（n = 100）获得有利决定的比率是参照组“White”的 0.70 倍（95% 置信区间 0.60 至 0.80）：低于 0.8，且经多重比较校正后统计显著；校正后 p = 0.0010"
        );
    }
}
