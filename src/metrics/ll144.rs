//! NYC Local Law 144 bias-audit tables, as DCWP's rule (6 RCNY 5-300, 5-301) defines them.
//!
//! - Selection rate = selected in a category / applicants in the category. "Selected" is the
//!   favorable outcome (moving forward, not flagged), whichever decision value encodes it.
//! - Scoring rate = share of a category scoring above the median score of the full sample;
//!   for a score where a low value is good for the worker, the share scoring below it (the
//!   rule assumes a high score is the favorable one; the report says which side counts).
//! - Impact ratio = a category's rate / the highest rate among the categories of the same
//!   table (sex; race/ethnicity; sex x race/ethnicity).
//! - Categories under 2 % of the data may be excluded from the impact-ratio calculation
//!   (`groups.exclude_below_share = 0.02`); they are still listed with counts and rates.
//! - Individuals of unknown category are counted and reported, not put in any category.
//! - Categories with fewer workers than the disclosure setting have their figures withheld.
//!
//! Candor builds these tables whenever an attribute is named sex or gender and another race,
//! ethnicity or race_ethnicity (case-insensitive).

use serde::Serialize;

use super::favorable;
use super::rates::rate;
use super::scores::favorable_side;
use crate::stats::{Aggregates, GroupStats, Slice};

/// One category's line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ll144Row {
    pub category: String,
    pub n: u64,
    /// Selected (selection tables) or scoring on the favorable side of the median (scoring
    /// tables); null when withheld.
    pub count: Option<u64>,
    pub rate: Option<f64>,
    pub impact_ratio: Option<f64>,
    /// Left out of the impact ratios under the 2 % option.
    pub excluded: bool,
    /// Fewer workers than the disclosure setting: count, rate and ratio withheld (null), and
    /// the category never sets the highest rate.
    pub withheld: bool,
}

/// One table of the rule's format.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ll144Table {
    /// `sex`, `race/ethnicity` or `intersectional`.
    pub table: String,
    pub attribute: String,
    /// `selection` or `scoring`.
    pub rate: String,
    pub rows: Vec<Ll144Row>,
    /// Individuals of unknown category.
    pub unknown: u64,
}

/// All LL144 tables of an audit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ll144 {
    pub tables: Vec<Ll144Table>,
    /// The sample median used for scoring rates.
    pub median_score: Option<f64>,
    /// Whether the scoring rate counts scores above the median (a high score is favorable)
    /// or below it; None without a score.
    pub scoring_above_median: Option<bool>,
    /// Individuals audited (the rule's "number of applicants").
    pub applicants: u64,
}

/// What the tables are built from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ll144Params<'a> {
    pub binary_decision: bool,
    pub positive_is_favorable: bool,
    pub higher_is_favorable: bool,
    pub exclude_below_share: f64,
    pub min_published: u64,
    /// Per attribute, the group name of its missing values.
    pub missing: &'a std::collections::BTreeMap<String, String>,
}

/// Impact ratios of (n, count) categories: rate / highest rate among the categories not
/// excluded. None for an empty category or when the highest rate is 0.
pub fn impact_ratios(cats: &[(u64, u64)], excluded: &[bool]) -> Vec<Option<f64>> {
    let max = cats
        .iter()
        .zip(excluded)
        .filter(|(_, e)| !**e)
        .filter_map(|((n, x), _)| rate(*x, *n))
        .fold(None, |m: Option<f64>, r| Some(m.map_or(r, |m| m.max(r))));
    cats.iter()
        .map(|(n, x)| match (rate(*x, *n), max) {
            (Some(r), Some(m)) if m > 0.0 => Some(r / m),
            _ => None,
        })
        .collect()
}

fn table(
    name: &str,
    slice: &Slice,
    kind: &str,
    count: impl Fn(&GroupStats) -> u64,
    total: u64,
    p: &Ll144Params,
) -> Ll144Table {
    let mut unknown_n = 0;
    let mut cats = Vec::new();
    let mut names = Vec::new();
    for g in &slice.groups {
        let missing = |a: &str| {
            p.missing
                .get(a)
                .map_or(crate::data::UNKNOWN, String::as_str)
        };
        if g.values
            .iter()
            .zip(&slice.parts)
            .any(|(v, a)| v == missing(a))
        {
            unknown_n += g.stats.n;
            continue;
        }
        names.push(g.name.clone());
        cats.push((g.stats.n, count(&g.stats)));
    }
    let known: u64 = cats.iter().map(|c| c.0).sum();
    let base = if known > 0 { known } else { total };
    let excluded: Vec<bool> = cats
        .iter()
        .map(|(n, _)| (*n as f64) < p.exclude_below_share * base as f64)
        .collect();
    let withheld: Vec<bool> = cats.iter().map(|(n, _)| *n < p.min_published).collect();
    let left_out: Vec<bool> = excluded
        .iter()
        .zip(&withheld)
        .map(|(e, w)| *e || *w)
        .collect();
    let ratios = impact_ratios(&cats, &left_out);
    Ll144Table {
        table: name.to_string(),
        attribute: slice.attribute.clone(),
        rate: kind.to_string(),
        rows: names
            .into_iter()
            .zip(cats)
            .zip(excluded.iter().zip(ratios).zip(&withheld))
            .map(|((category, (n, x)), ((ex, ir), wh))| Ll144Row {
                category,
                n,
                count: if *wh { None } else { Some(x) },
                rate: if *wh { None } else { rate(x, n) },
                impact_ratio: if *ex || *wh { None } else { ir },
                excluded: *ex,
                withheld: *wh,
            })
            .collect(),
        unknown: unknown_n,
    }
}

fn is_sex(a: &str) -> bool {
    matches!(a.to_lowercase().as_str(), "sex" | "gender" | "性别")
}

fn is_race(a: &str) -> bool {
    matches!(
        a.to_lowercase().as_str(),
        "race" | "ethnicity" | "race_ethnicity" | "race/ethnicity" | "种族" | "民族"
    )
}

/// The attributes that LL144 tables are built from: (sex, race), when present.
pub fn attributes(attrs: &[String]) -> (Option<&str>, Option<&str>) {
    (
        attrs.iter().find(|a| is_sex(a)).map(String::as_str),
        attrs.iter().find(|a| is_race(a)).map(String::as_str),
    )
}

/// Builds the tables from the aggregates; None when neither attribute is present.
pub fn build(aggs: &Aggregates, p: &Ll144Params) -> Option<Ll144> {
    let parts: Vec<String> = aggs
        .slices
        .iter()
        .filter(|s| s.parts.len() == 1)
        .map(|s| s.attribute.clone())
        .collect();
    let (sex, race) = attributes(&parts);
    if sex.is_none() && race.is_none() {
        return None;
    }
    let median = super::distributions::median(&aggs.population.score_counts());
    let total = aggs.population.n;
    let mut tables = Vec::new();
    let find = |want: &[&str]| {
        aggs.slices.iter().find(|s| {
            s.parts.len() == want.len() && want.iter().all(|w| s.parts.iter().any(|p| p == w))
        })
    };
    let mut specs: Vec<(&str, &Slice)> = Vec::new();
    if let Some(s) = sex.and_then(|s| find(&[s])) {
        specs.push(("sex", s));
    }
    if let Some(r) = race.and_then(|r| find(&[r])) {
        specs.push(("race/ethnicity", r));
    }
    if let (Some(s), Some(r)) = (sex, race)
        && let Some(x) = find(&[s, r])
    {
        specs.push(("intersectional", x));
    }
    for (name, slice) in specs {
        if p.binary_decision {
            tables.push(table(
                name,
                slice,
                "selection",
                |g| favorable(g, p.positive_is_favorable),
                total,
                p,
            ));
        }
        if let Some(m) = median {
            tables.push(table(
                name,
                slice,
                "scoring",
                |g| favorable_side(g, m, p.higher_is_favorable),
                total,
                p,
            ));
        }
    }
    Some(Ll144 {
        tables,
        median_score: median,
        scoring_above_median: median.map(|_| p.higher_is_favorable),
        applicants: total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// DCWP worked example 1 (6 RCNY 5-301), sex table: Male 667/1390, Female 555/1181;
    /// printed impact ratios 1.00 and 0.979.
    #[test]
    fn dcwp_example1_sex() {
        let r = impact_ratios(&[(1390, 667), (1181, 555)], &[false, false]);
        assert_eq!(format!("{:.3}", r[1].unwrap()), "0.979");
        assert_eq!(r[0], Some(1.0));
    }

    #[test]
    fn excluded_category_not_reference() {
        // A tiny category with the highest rate is excluded and does not set the maximum.
        let r = impact_ratios(&[(100, 50), (2, 2)], &[false, true]);
        assert_eq!(r[0], Some(1.0));
    }

    #[test]
    fn all_zero_rates_undefined() {
        let r = impact_ratios(&[(10, 0), (5, 0)], &[false, false]);
        assert_eq!(r, vec![None, None]);
    }
}
