//! Every metric Candor reports, in one table: its id (the `metric` column of audit.json and
//! metrics.csv, and the name `--fail-on` takes) and its name for people in each language.
//!
//! Formulas, small-group behaviour and references are in `docs/metrics.md` and on the function
//! that computes each metric (rates.rs, compare.rs, scores.rs).

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

use crate::i18n::Lang;

macro_rules! metrics {
    ($($variant:ident = $id:literal, $en:literal, $zh:literal;)*) => {
        /// A metric, by its id.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Metric { $($variant,)* }

        impl Metric {
            /// Every metric, in the order of the metrics table.
            pub const ALL: &'static [Metric] = &[$(Metric::$variant,)*];

            /// The id, as written in audit.json, metrics.csv and `--fail-on`.
            pub fn as_str(self) -> &'static str {
                match self { $(Metric::$variant => $id,)* }
            }

            /// The metric's name for people.
            pub fn name(self, lang: Lang) -> &'static str {
                match self { $(Metric::$variant => lang.pick($en, $zh),)* }
            }
        }
    };
}

metrics! {
    N = "n", "workers", "人数";
    ShareOfPopulation = "share_of_population", "share of the population", "占总体比例";
    Selected = "selected", "positive decisions", "正向决定数";
    Tp = "tp", "true positives", "真阳性数";
    Fp = "fp", "false positives", "假阳性数";
    Tn = "tn", "true negatives", "真阴性数";
    Fn = "fn", "false negatives", "假阴性数";
    SelectionRate = "selection_rate", "positive-decision rate", "正向决定率";
    FavorableRate = "favorable_rate", "favorable rate", "有利结果率";
    AdverseRate = "adverse_rate", "adverse rate", "不利结果率";
    Tpr = "tpr", "true positive rate", "真阳性率";
    Fpr = "fpr", "false positive rate", "假阳性率";
    Tnr = "tnr", "true negative rate", "真阴性率";
    Fnr = "fnr", "false negative rate", "假阴性率";
    Ppv = "ppv", "positive predictive value", "阳性预测值";
    Npv = "npv", "negative predictive value", "阴性预测值";
    Fdr = "fdr", "false discovery rate", "错误发现率";
    For = "for", "false omission rate", "错误遗漏率";
    Accuracy = "accuracy", "accuracy", "准确率";
    Prevalence = "prevalence", "prevalence of the label", "标签阳性率";
    ImpactRatio = "impact_ratio", "impact ratio", "影响比";
    AdverseRateRatio = "adverse_rate_ratio", "adverse-rate ratio", "不利结果率之比";
    SelectionRateDiff = "selection_rate_diff", "difference in positive-decision rate", "正向决定率之差";
    SelectionRateRatio = "selection_rate_ratio", "ratio of positive-decision rates", "正向决定率之比";
    TprDiff = "tpr_diff", "difference in true positive rate", "真阳性率之差";
    TprRatio = "tpr_ratio", "ratio of true positive rates", "真阳性率之比";
    FprDiff = "fpr_diff", "difference in false positive rate", "假阳性率之差";
    FprRatio = "fpr_ratio", "ratio of false positive rates", "假阳性率之比";
    TnrDiff = "tnr_diff", "difference in true negative rate", "真阴性率之差";
    TnrRatio = "tnr_ratio", "ratio of true negative rates", "真阴性率之比";
    FnrDiff = "fnr_diff", "difference in false negative rate", "假阴性率之差";
    FnrRatio = "fnr_ratio", "ratio of false negative rates", "假阴性率之比";
    PpvDiff = "ppv_diff", "difference in positive predictive value", "阳性预测值之差";
    PpvRatio = "ppv_ratio", "ratio of positive predictive values", "阳性预测值之比";
    NpvDiff = "npv_diff", "difference in negative predictive value", "阴性预测值之差";
    NpvRatio = "npv_ratio", "ratio of negative predictive values", "阴性预测值之比";
    FdrDiff = "fdr_diff", "difference in false discovery rate", "错误发现率之差";
    FdrRatio = "fdr_ratio", "ratio of false discovery rates", "错误发现率之比";
    ForDiff = "for_diff", "difference in false omission rate", "错误遗漏率之差";
    ForRatio = "for_ratio", "ratio of false omission rates", "错误遗漏率之比";
    AccuracyDiff = "accuracy_diff", "difference in accuracy", "准确率之差";
    AccuracyRatio = "accuracy_ratio", "ratio of accuracies", "准确率之比";
    PrevalenceDiff = "prevalence_diff", "difference in label prevalence", "标签阳性率之差";
    PrevalenceRatio = "prevalence_ratio", "ratio of label prevalences", "标签阳性率之比";
    EqualOpportunityDiff = "equal_opportunity_diff", "equal-opportunity difference", "机会均等差";
    PredictiveParityDiff = "predictive_parity_diff", "predictive-parity difference", "预测均等差";
    EqualizedOddsDiff = "equalized_odds_diff", "equalized-odds difference", "均等几率差";
    DemographicParityDifference = "demographic_parity_difference", "demographic-parity difference (all groups)", "人口均等差（全部群体）";
    DemographicParityRatio = "demographic_parity_ratio", "demographic-parity ratio (all groups)", "人口均等比（全部群体）";
    EqualizedOddsDifference = "equalized_odds_difference", "equalized-odds difference (all groups)", "均等几率差（全部群体）";
    EqualizedOddsRatio = "equalized_odds_ratio", "equalized-odds ratio (all groups)", "均等几率比（全部群体）";
    MeanScore = "mean_score", "mean score", "平均分";
    MedianScore = "median_score", "median score", "分数中位数";
    ScoringRate = "scoring_rate", "scoring rate (favorable side of the median)", "得分率（位于中位数有利一侧）";
    ScoringImpactRatio = "scoring_impact_ratio", "scoring-rate impact ratio", "得分率影响比";
    Auc = "auc", "area under the ROC curve", "ROC 曲线下面积";
    Ece = "ece", "expected calibration error", "期望校准误差";
    Smd = "smd", "standardised mean difference", "标准化均值差";
    Ks = "ks", "Kolmogorov-Smirnov distance", "Kolmogorov-Smirnov 距离";
    Wasserstein = "wasserstein", "Wasserstein distance", "Wasserstein 距离";
}

impl Metric {
    /// The label-based rates that are compared with the reference as a difference and a ratio,
    /// with their `_diff` and `_ratio` metrics (the positive-decision rate first).
    pub const COMPARED_RATES: [(Metric, Metric, Metric); 11] = [
        (
            Metric::SelectionRate,
            Metric::SelectionRateDiff,
            Metric::SelectionRateRatio,
        ),
        (Metric::Tpr, Metric::TprDiff, Metric::TprRatio),
        (Metric::Fpr, Metric::FprDiff, Metric::FprRatio),
        (Metric::Tnr, Metric::TnrDiff, Metric::TnrRatio),
        (Metric::Fnr, Metric::FnrDiff, Metric::FnrRatio),
        (Metric::Ppv, Metric::PpvDiff, Metric::PpvRatio),
        (Metric::Npv, Metric::NpvDiff, Metric::NpvRatio),
        (Metric::Fdr, Metric::FdrDiff, Metric::FdrRatio),
        (Metric::For, Metric::ForDiff, Metric::ForRatio),
        (
            Metric::Accuracy,
            Metric::AccuracyDiff,
            Metric::AccuracyRatio,
        ),
        (
            Metric::Prevalence,
            Metric::PrevalenceDiff,
            Metric::PrevalenceRatio,
        ),
    ];

    /// The `_diff` and `_ratio` metrics of a compared rate.
    pub fn diff_and_ratio(self) -> Option<(Metric, Metric)> {
        Self::COMPARED_RATES
            .iter()
            .find(|(r, _, _)| *r == self)
            .map(|(_, d, q)| (*d, *q))
    }

    /// The rate a `_diff` or `_ratio` metric compares.
    pub fn compared_rate(self) -> Option<Metric> {
        Self::COMPARED_RATES
            .iter()
            .find(|(_, d, q)| *d == self || *q == self)
            .map(|(r, _, _)| *r)
    }

    /// True for the ratios that the four-fifths rule grades (favorable-rate and scoring-rate
    /// impact ratios) and their adverse-rate twin.
    pub fn is_graded_ratio(self) -> bool {
        matches!(
            self,
            Metric::ImpactRatio | Metric::AdverseRateRatio | Metric::ScoringImpactRatio
        )
    }

    /// True for a share between 0 and 1.
    pub fn is_rate(self) -> bool {
        matches!(
            self,
            Metric::ShareOfPopulation
                | Metric::SelectionRate
                | Metric::FavorableRate
                | Metric::AdverseRate
                | Metric::Tpr
                | Metric::Fpr
                | Metric::Tnr
                | Metric::Fnr
                | Metric::Ppv
                | Metric::Npv
                | Metric::Fdr
                | Metric::For
                | Metric::Accuracy
                | Metric::Prevalence
                | Metric::ScoringRate
        )
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Metric {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<str> for Metric {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Metric {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// An id that names no metric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownMetric(pub String);

impl FromStr for Metric {
    type Err = UnknownMetric;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Metric::ALL
            .iter()
            .copied()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| UnknownMetric(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_round_trip() {
        let mut seen = std::collections::BTreeSet::new();
        for m in Metric::ALL {
            assert!(seen.insert(m.as_str()), "duplicate id {}", m.as_str());
            assert_eq!(m.as_str().parse::<Metric>(), Ok(*m));
            assert!(!m.name(Lang::Zh).is_empty() && !m.name(Lang::En).is_empty());
        }
        assert!("impcat_ratio".parse::<Metric>().is_err());
    }

    #[test]
    fn compared_rates_name_their_twins() {
        for (r, d, q) in Metric::COMPARED_RATES {
            assert_eq!(d.as_str(), format!("{}_diff", r.as_str()));
            assert_eq!(q.as_str(), format!("{}_ratio", r.as_str()));
            assert_eq!(d.compared_rate(), Some(r));
            assert_eq!(r.diff_and_ratio(), Some((d, q)));
        }
    }
}
