//! The typical worker's values, and the precision a column is recorded with.

use std::collections::BTreeMap;

use super::counterfactual;
use super::privacy::disclose;
use crate::data::SubjectData;
use crate::screen::features::Feature;

/// The typical worker's value of each input: the median of a number (at the column's recorded
/// precision) or the most common category when at least `min` workers share it (a median over
/// at least `min` workers is never one colleague's value alone).
pub(super) fn typical_values(
    subjects: &SubjectData,
    features: &[Feature],
    min: u64,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for f in features {
        match &f.values {
            crate::screen::features::FeatureValues::Numeric(v) => {
                let mut obs: Vec<f64> = v.iter().flatten().copied().collect();
                if (obs.len() as u64) < min.max(1) {
                    continue;
                }
                // A timestamp enters the model as 1 outside working hours, 0 inside: its
                // median is not a value of the column, so no typical value is shown.
                let derived = subjects
                    .raw
                    .iter()
                    .find(|(n, _)| n == &f.name)
                    .and_then(|(_, r)| r.iter().flatten().next())
                    .is_some_and(|t| t.trim().parse::<f64>().is_err());
                if derived {
                    continue;
                }
                obs.sort_by(f64::total_cmp);
                let med = obs[obs.len() / 2];
                let d = recorded_places(subjects, &f.name, 10_000);
                out.insert(f.name.clone(), format!("{med:.d$}"));
            }
            crate::screen::features::FeatureValues::Categorical { levels, codes } => {
                let mut counts = vec![0u64; levels.len()];
                for c in codes.iter().flatten() {
                    if let Some(x) = counts.get_mut(*c as usize) {
                        *x += 1;
                    }
                }
                if let Some((i, &c)) = counts
                    .iter()
                    .enumerate()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))
                    && c >= min.max(1)
                {
                    out.insert(f.name.clone(), disclose(&levels[i]));
                }
            }
        }
    }
    out
}

/// The most decimals a raw input column is written with, over its first `take` values.
pub(super) fn recorded_places(subjects: &SubjectData, column: &str, take: usize) -> usize {
    subjects
        .raw
        .iter()
        .find(|(n, _)| n == column)
        .map(|(_, r)| {
            r.iter()
                .flatten()
                .take(take)
                .map(|t| counterfactual::decimals(t))
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0)
}
