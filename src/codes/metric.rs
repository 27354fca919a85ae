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
    ($($variant:ident = $id:literal, $key:literal;)*) => {
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
                match self { $(Metric::$variant => $crate::ts!(lang, $key),)* }
            }
        }
    };
}

metrics! {
    N = "n", "codes.metric.n";
    ShareOfPopulation = "share_of_population", "codes.metric.share_of_population";
    Selected = "selected", "codes.metric.selected";
    Tp = "tp", "codes.metric.tp";
    Fp = "fp", "codes.metric.fp";
    Tn = "tn", "codes.metric.tn";
    Fn = "fn", "codes.metric.fn";
    SelectionRate = "selection_rate", "codes.metric.selection_rate";
    FavorableRate = "favorable_rate", "codes.metric.favorable_rate";
    AdverseRate = "adverse_rate", "codes.metric.adverse_rate";
    Tpr = "tpr", "codes.metric.tpr";
    Fpr = "fpr", "codes.metric.fpr";
    Tnr = "tnr", "codes.metric.tnr";
    Fnr = "fnr", "codes.metric.fnr";
    Ppv = "ppv", "codes.metric.ppv";
    Npv = "npv", "codes.metric.npv";
    Fdr = "fdr", "codes.metric.fdr";
    For = "for", "codes.metric.for";
    Accuracy = "accuracy", "codes.metric.accuracy";
    Prevalence = "prevalence", "codes.metric.prevalence";
    ImpactRatio = "impact_ratio", "codes.metric.impact_ratio";
    AdverseRateRatio = "adverse_rate_ratio", "codes.metric.adverse_rate_ratio";
    SelectionRateDiff = "selection_rate_diff", "codes.metric.selection_rate_diff";
    SelectionRateRatio = "selection_rate_ratio", "codes.metric.selection_rate_ratio";
    TprDiff = "tpr_diff", "codes.metric.tpr_diff";
    TprRatio = "tpr_ratio", "codes.metric.tpr_ratio";
    FprDiff = "fpr_diff", "codes.metric.fpr_diff";
    FprRatio = "fpr_ratio", "codes.metric.fpr_ratio";
    TnrDiff = "tnr_diff", "codes.metric.tnr_diff";
    TnrRatio = "tnr_ratio", "codes.metric.tnr_ratio";
    FnrDiff = "fnr_diff", "codes.metric.fnr_diff";
    FnrRatio = "fnr_ratio", "codes.metric.fnr_ratio";
    PpvDiff = "ppv_diff", "codes.metric.ppv_diff";
    PpvRatio = "ppv_ratio", "codes.metric.ppv_ratio";
    NpvDiff = "npv_diff", "codes.metric.npv_diff";
    NpvRatio = "npv_ratio", "codes.metric.npv_ratio";
    FdrDiff = "fdr_diff", "codes.metric.fdr_diff";
    FdrRatio = "fdr_ratio", "codes.metric.fdr_ratio";
    ForDiff = "for_diff", "codes.metric.for_diff";
    ForRatio = "for_ratio", "codes.metric.for_ratio";
    AccuracyDiff = "accuracy_diff", "codes.metric.accuracy_diff";
    AccuracyRatio = "accuracy_ratio", "codes.metric.accuracy_ratio";
    PrevalenceDiff = "prevalence_diff", "codes.metric.prevalence_diff";
    PrevalenceRatio = "prevalence_ratio", "codes.metric.prevalence_ratio";
    EqualOpportunityDiff = "equal_opportunity_diff", "codes.metric.equal_opportunity_diff";
    PredictiveParityDiff = "predictive_parity_diff", "codes.metric.predictive_parity_diff";
    EqualizedOddsDiff = "equalized_odds_diff", "codes.metric.equalized_odds_diff";
    DemographicParityDifference = "demographic_parity_difference", "codes.metric.demographic_parity_difference";
    DemographicParityRatio = "demographic_parity_ratio", "codes.metric.demographic_parity_ratio";
    EqualizedOddsDifference = "equalized_odds_difference", "codes.metric.equalized_odds_difference";
    EqualizedOddsRatio = "equalized_odds_ratio", "codes.metric.equalized_odds_ratio";
    MeanScore = "mean_score", "codes.metric.mean_score";
    MedianScore = "median_score", "codes.metric.median_score";
    ScoringRate = "scoring_rate", "codes.metric.scoring_rate";
    ScoringImpactRatio = "scoring_impact_ratio", "codes.metric.scoring_impact_ratio";
    Auc = "auc", "codes.metric.auc";
    Ece = "ece", "codes.metric.ece";
    Smd = "smd", "codes.metric.smd";
    Ks = "ks", "codes.metric.ks";
    Wasserstein = "wasserstein", "codes.metric.wasserstein";
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
