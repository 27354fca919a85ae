//! The report's words: numbers as people read them, the decision's outcomes in the data's own
//! terms, and one sentence per finding, in English and Chinese. Every number a sentence quotes
//! is formatted by the same function as the table cell that holds it.

use crate::audit::{AnyFinding, Audit};
use crate::codes::FindingKind;
use crate::data::DecisionValues;
use crate::findings::Finding;
use crate::i18n::{Lang, fmt_p_eq};
use crate::metrics::Metric;
use crate::spec::ReferenceRule;
use crate::t;
use crate::ts;

pub use crate::i18n::{group, pct};

/// A ratio as printed in sentences and in the findings table: two decimals.
pub fn ratio(x: Option<f64>) -> String {
    x.map_or_else(|| "–".into(), |v| format!("{v:.2}"))
}

/// A ratio in the per-group tables: three decimals (as the LL144 tables print them).
pub fn ratio3(x: Option<f64>) -> String {
    x.map_or_else(|| "–".into(), |v| format!("{v:.3}"))
}

/// An interval of ratios: "1.70–2.03".
pub fn interval(lo: Option<f64>, hi: Option<f64>) -> String {
    match (lo, hi) {
        (Some(a), Some(b)) => format!("{a:.2}–{b:.2}"),
        _ => "–".into(),
    }
}

/// An interval of ratios with three decimals.
pub fn interval3(lo: Option<f64>, hi: Option<f64>) -> String {
    match (lo, hi) {
        (Some(a), Some(b)) => format!("{a:.3}–{b:.3}"),
        _ => "–".into(),
    }
}

/// An interval of rates as percentages: "12.1–15.0 %".
pub fn pct_interval(lo: Option<f64>, hi: Option<f64>, lang: Lang) -> String {
    match (lo, hi) {
        (Some(a), Some(b)) => {
            lang.catalogue()
                .percent(&format!("{:.1}–{:.1}", a * 100.0, b * 100.0))
        }
        _ => "–".into(),
    }
}

/// The confidence level as a percentage: "95 %" / "95%".
pub fn level(a: &Audit) -> String {
    let l = a.spec.lang;
    let c = crate::report::num(Some(a.spec.stats.confidence * 100.0));
    l.catalogue().percent(&c)
}

/// A test's name for people.
pub fn test_name(code: Option<&str>, lang: Lang) -> &'static str {
    match code {
        Some("fisher_exact") => ts!(lang, "report.text.fisher_s_exact_test"),
        Some("chi_square_yates") => ts!(lang, "report.text.chi_square_test"),
        Some("kolmogorov_smirnov") => {
            ts!(lang, "report.text.kolmogorov_smirnov_test")
        }
        _ => "",
    }
}

/// The decision's outcome in the data's terms: the favorable one (`favorable = true`) or the
/// adverse one, e.g. "flagged_for_termination_review = 1" or "score < 40".
pub fn outcome(a: &Audit, favorable: bool) -> String {
    let positive = favorable == a.spec.decision.positive_is_favorable;
    let l = a.spec.lang;
    let or = ts!(l, "report.text.or_separator");
    match &a.decision {
        DecisionValues::Binary {
            column,
            positive: pos,
            negative: neg,
        } => {
            if positive {
                format!("{column} = {}", pos.join(or))
            } else if !neg.is_empty() {
                format!("{column} = {}", neg.join(or))
            } else {
                format!("{column} ≠ {}", pos.join(or))
            }
        }
        DecisionValues::Threshold { score, threshold } => {
            let t = crate::report::num(Some(*threshold));
            if positive {
                format!("{score} ≥ {t}")
            } else {
                format!("{score} < {t}")
            }
        }
        DecisionValues::MultiClass { column, .. } => column.clone(),
        DecisionValues::Absent => String::new(),
    }
}

/// The favorable side of the median, e.g. "below the median 51.9".
pub fn scoring_side(a: &Audit) -> String {
    let l = a.spec.lang;
    let m = crate::report::num(a.score_median);
    let higher = a.spec.score.as_ref().is_none_or(|s| s.higher_is_favorable);
    if higher {
        t!(l, "report.text.above_sample_median", m)
    } else {
        t!(l, "report.text.below_sample_median", m)
    }
}

/// What the reference is, under the spec's rule.
pub fn reference_rule(a: &Audit) -> String {
    let l = a.spec.lang;
    let mut s = match a.spec.reference {
        ReferenceRule::Highest => {
            ts!(l, "report.text.group_highest_rate_favorable_outcome").to_string()
        }
        ReferenceRule::Largest => ts!(l, "report.text.largest_group").to_string(),
        ReferenceRule::Population => ts!(l, "report.text.whole_audited_population").to_string(),
    };
    for (attr, g) in &a.spec.references {
        let g = l.quote(g);
        s.push_str(&t!(l, "report.text.for", attr, g));
    }
    s
}

/// The words for a group that is compared: "hukou = rural".
fn who(attr: &str, g: &str, lang: Lang) -> String {
    format!("{attr} = {}", group(g, lang))
}

/// One sentence for a disparity finding.
/// The label stratum an error-rate finding is about: "label = 1", or "label ≠ 1".
fn stratum_label(a: &Audit, f: &Finding) -> String {
    a.label.as_ref().map_or(String::new(), |x| {
        let value = if f.label_stratum == Some(1) {
            x.positive.clone()
        } else {
            x.negative
                .clone()
                .unwrap_or_else(|| format!("≠ {}", x.positive))
        };
        if value.starts_with('≠') {
            format!("{} {value}", x.column)
        } else {
            format!("{} = {value}", x.column)
        }
    })
}

fn disparity_sentence(a: &Audit, f: &Finding) -> String {
    let l = a.spec.lang;
    let attr = &f.attribute;
    let g = who(attr, &f.group, l);
    let r = f
        .reference
        .as_deref()
        .map(|r| {
            if r == "population" && a.spec.reference == ReferenceRule::Population {
                ts!(l, "report.text.whole_population").to_string()
            } else {
                l.catalogue().inline_name(&group(r, l))
            }
        })
        .unwrap_or_default();
    let (v, lvl) = (ratio(f.value), level(a));
    let ci = interval(f.ci_low, f.ci_high);
    let n = f.n;
    // "95 % interval 1.70–2.03", or nothing when no interval is given.
    let civ = if f.ci_low.is_some() {
        t!(l, "report.text.interval", lvl, ci)
    } else {
        ts!(l, "report.text.no_interval").to_string()
    };
    let rates = match (f.group_rate, f.reference_rate) {
        (Some(x), Some(y)) => {
            let (x, y) = (pct(Some(x), l), pct(Some(y), l));
            t!(l, "report.text.against", x, y)
        }
        _ => String::new(),
    };
    let twin = f
        .twin
        .as_ref()
        .filter(|t| t.value.is_some())
        .map(|t| {
            let (name, tv) = (t.metric.name(l), ratio(t.value));
            t!(l, "report.text.semicolon_name_tv", name, tv)
        })
        .unwrap_or_default();
    let verdict = f.verdict.map(|v| v.text(l)).unwrap_or_default();
    let p = f
        .p_adjusted
        .map(|p| {
            let (p, test) = (fmt_p_eq(p), test_name(f.test, l));
            t!(l, "report.text.corrected_p", p, test)
        })
        .unwrap_or_default();
    let worse_ref = f.worse_off.is_some() && f.worse_off.as_deref() != Some(f.group.as_str());
    let lead = if worse_ref {
        let wr = group(f.worse_off.as_deref().unwrap_or_default(), l);
        t!(l, "report.text.worse_off_than", wr, g)
    } else {
        String::new()
    };
    let body = match (f.kind, f.metric) {
        (FindingKind::ErrorRateDisparity, m) => {
            let label = stratum_label(a, f);
            let adverse = outcome(a, false);
            let name = m.name(l);
            t!(
                l,
                "report.text.among_workers_n_received_adverse",
                label,
                g,
                n,
                adverse,
                v,
                r,
                rates,
                civ,
                name,
                twin
            )
        }
        (_, Metric::SelectionRateRatio) => {
            let class = f.class.clone().unwrap_or_default();
            let col = outcome(a, true);
            t!(
                l,
                "report.text.n_received_times_rate_favorable",
                g,
                n,
                col,
                class,
                v,
                r,
                rates,
                civ
            )
        }
        (_, Metric::AdverseRateRatio) => {
            let adverse = outcome(a, false);
            t!(
                l,
                "report.text.n_received_adverse_outcome_times",
                g,
                n,
                adverse,
                v,
                r,
                rates,
                civ,
                twin
            )
        }
        (_, Metric::ScoringImpactRatio) => {
            let side = scoring_side(a);
            t!(
                l,
                "report.text.n_scored_favorable_side_times",
                g,
                n,
                side,
                v,
                r,
                rates,
                civ
            )
        }
        _ => {
            let fav = outcome(a, true);
            t!(
                l,
                "report.text.n_received_favorable_outcome_times",
                g,
                n,
                fav,
                v,
                r,
                rates,
                civ,
                twin
            )
        }
    };
    t!(
        l,
        "report.text.lead_body_colon_verdict_semicolon_p",
        lead,
        body,
        verdict,
        p
    )
}

/// One sentence for any finding, in the report's language.
pub fn finding_sentence(a: &Audit, f: &AnyFinding) -> String {
    let l = a.spec.lang;
    match f {
        AnyFinding::Disparity(d) if d.kind == FindingKind::SingleGroup => {
            let attr = &d.attribute;
            t!(l, "report.text.every_audited_worker_one_group", attr)
        }
        AnyFinding::Disparity(d) => disparity_sentence(a, d),
        AnyFinding::Input(i) => i.summary.clone(),
        AnyFinding::Protection(p) => super::protection_text::sentence(a, p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_is_translated_part_by_part() {
        assert_eq!(group("Female & unknown", Lang::Zh), "Female & 未知");
        assert_eq!(group("unknown", Lang::En), "unknown");
        assert_eq!(group("rural", Lang::Zh), "rural");
    }

    #[test]
    fn numbers_as_people_read_them() {
        assert_eq!(ratio(Some(1.8612)), "1.86");
        assert_eq!(pct(Some(0.1416), Lang::En), "14.2 %");
        assert_eq!(pct(Some(0.1416), Lang::Zh), "14.2%");
        assert_eq!(interval(Some(1.7), Some(2.034)), "1.70–2.03");
    }
}
