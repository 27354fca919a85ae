//! Screening layer "proxy": how well does each input predict a protected attribute?
//!
//! For one input and one protected attribute (given as level labels plus one code per row, with
//! "unknown" already a level of its own), [`proxy_stats`] reports three views of the same
//! question:
//!
//! * an association in `[0, 1]`: plain (not bias-corrected) Cramér's V for a categorical input,
//!   the correlation ratio eta for a numeric one;
//! * the mutual information in bits, numeric inputs cut into 10 quantile bins;
//! * the AUC of predicting the attribute's group from the input alone.
//!
//! Rows where the input is missing are skipped. All of it is exact counting and sorting on one
//! thread: deterministic, no sampling.

use serde::Serialize;

use super::features::{Feature, FeatureValues};

/// Number of quantile bins a numeric input is cut into for the mutual information.
pub const MI_BINS: usize = 10;

/// How strongly one input is tied to one protected attribute.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProxyStat {
    /// The input's name.
    pub column: String,
    /// The protected attribute's name.
    pub attribute: String,
    /// Rows used (rows where the input is present).
    pub n: u64,
    /// Cramér's V (categorical input) or correlation ratio (numeric input), in `[0, 1]`.
    pub association: f64,
    /// `"cramers_v"` for categorical inputs, `"correlation_ratio"` for numeric ones.
    pub measure: String,
    /// Mutual information in bits; numeric inputs discretised into 10 quantile bins.
    pub mutual_information: f64,
    /// AUC of predicting the attribute's group from this input alone (see [`proxy_stats`]);
    /// `None` when undefined.
    pub auc: Option<f64>,
    /// For the AUC: the group best predicted.
    pub group: Option<String>,
}

/// Association, mutual information and AUC between `feature` and a protected attribute.
///
/// `levels` names the attribute's groups and `codes[i]` (an index into `levels`) is row `i`'s
/// group; rows where the feature is missing (numeric `None` or non-finite, categorical `None`)
/// are skipped and `n` counts the rows used. Groups and input levels without used rows are
/// ignored.
///
/// * Categorical input, `r` levels by `c` groups present: Cramér's
///   `V = sqrt(chi2 / (n min(r - 1, c - 1)))` with Pearson's `chi2 = sum (O - E)^2 / E`,
///   `E = row total x column total / n` (no bias correction, no continuity correction); 0 when
///   the input has a single level.
/// * Numeric input: correlation ratio `eta = sqrt(sum_g n_g (mean_g - mean)^2 /
///   sum_i (x_i - mean)^2)`; 0 when the input is constant.
/// * Mutual information `sum p_xy log2(p_xy / (p_x p_y))` over the contingency table. A numeric
///   input is first cut as pandas' `qcut(x, 10, duplicates="drop")` does: edges at the 0, 0.1,
///   ..., 1 quantiles (linear interpolation), duplicates dropped, bins `[e0, e1], (e1, e2], ...`.
/// * AUC (Mann-Whitney, ties count one half). Two groups: the score is the input's value
///   (numeric) or, for a categorical input, each level's share of the less frequent group
///   (ties: the first in `levels`); the AUC for that group is reported as `max(auc, 1 - auc)` and
///   `group` is that less frequent group. More than two groups: one-vs-rest AUCs with the same
///   scores for each group (per-level share of that group for a categorical input), each as
///   `max(auc, 1 - auc)`, macro-averaged; `group` is the group with the highest one (ties: the
///   first). The categorical scores are fitted on the same rows, so their AUC is in-sample.
///
/// Returns `None` when the lengths of `feature` and `codes` differ, a code (of the attribute or
/// of a categorical feature) is out of range, no row is usable, or fewer than two groups occur
/// among the used rows (nothing to tell apart).
pub fn proxy_stats(
    feature: &Feature,
    attribute_name: &str,
    levels: &[String],
    codes: &[u32],
) -> Option<ProxyStat> {
    if feature.len() != codes.len() || codes.iter().any(|&c| c as usize >= levels.len()) {
        return None;
    }
    let (measure, association, mutual_information, auc, group_index, n) = match &feature.values {
        FeatureValues::Numeric(values) => {
            let rows: Vec<(f64, u32)> = values
                .iter()
                .zip(codes)
                .filter_map(|(v, &g)| v.filter(|x| x.is_finite()).map(|x| (x, g)))
                .collect();
            let groups = ProxyGroups::new(rows.iter().map(|r| r.1), levels.len())?;
            let n = rows.len();
            let (eta, mi, (auc, best)) = numeric_stats(rows, &groups);
            ("correlation_ratio", eta, mi, auc, best, n)
        }
        FeatureValues::Categorical {
            levels: feature_levels,
            codes: feature_codes,
        } => {
            let k = feature_levels.len();
            if feature_codes.iter().flatten().any(|&c| c as usize >= k) {
                return None;
            }
            let rows: Vec<(u32, u32)> = feature_codes
                .iter()
                .zip(codes)
                .filter_map(|(f, &g)| f.map(|f| (f, g)))
                .collect();
            let groups = ProxyGroups::new(rows.iter().map(|r| r.1), levels.len())?;
            let n = rows.len();
            let table = ProxyTable::new(&rows, k, &groups);
            let (auc, best) = table.auc(&groups);
            (
                "cramers_v",
                table.cramers_v(),
                table.mutual_information(),
                auc,
                best,
                n,
            )
        }
    };
    let group = group_index.map(|g| levels[g].clone());
    Some(ProxyStat {
        column: feature.name.clone(),
        attribute: attribute_name.to_string(),
        n: n as u64,
        association: finite_or(association, 0.0).clamp(0.0, 1.0),
        measure: measure.to_string(),
        mutual_information: finite_or(mutual_information, 0.0).max(0.0),
        auc: auc.filter(|a| a.is_finite()),
        group,
    })
}

fn finite_or(v: f64, default: f64) -> f64 {
    if v.is_finite() { v } else { default }
}

/// The attribute groups that occur among the used rows.
struct ProxyGroups {
    /// Rows per attribute level (all levels, zeros included).
    counts: Vec<u64>,
    /// Attribute level of each present group, ascending.
    present: Vec<usize>,
    /// For each attribute level, its index in `present` (if present).
    index: Vec<Option<usize>>,
}

impl ProxyGroups {
    /// `None` when fewer than two groups occur.
    fn new(codes: impl Iterator<Item = u32>, levels: usize) -> Option<Self> {
        let mut counts = vec![0u64; levels];
        for c in codes {
            counts[c as usize] += 1;
        }
        let present: Vec<usize> = (0..levels).filter(|&l| counts[l] > 0).collect();
        if present.len() < 2 {
            return None;
        }
        let mut index = vec![None; levels];
        for (i, &l) in present.iter().enumerate() {
            index[l] = Some(i);
        }
        Some(Self {
            counts,
            present,
            index,
        })
    }

    fn len(&self) -> usize {
        self.present.len()
    }

    /// Index (into `present`) of the attribute level `code`.
    fn of(&self, code: u32) -> usize {
        self.index[code as usize].expect("every used row's group is present")
    }

    /// Index (into `present`) of the least frequent present group; ties go to the first.
    fn minority(&self) -> usize {
        let mut best = 0;
        for (i, &l) in self.present.iter().enumerate() {
            if self.counts[l] < self.counts[self.present[best]] {
                best = i;
            }
        }
        best
    }

    fn total(&self) -> u64 {
        self.counts.iter().sum()
    }
}

/// Mutual information in bits of a contingency table given as counts `table[row][col]`.
fn mutual_information(table: &[Vec<u64>]) -> f64 {
    let cols = table.first().map_or(0, Vec::len);
    let n: u64 = table.iter().flatten().sum();
    if n == 0 {
        return 0.0;
    }
    let row_totals: Vec<u64> = table.iter().map(|r| r.iter().sum()).collect();
    let col_totals: Vec<u64> = (0..cols)
        .map(|j| table.iter().map(|r| r[j]).sum())
        .collect();
    let nf = n as f64;
    let mut mi = 0.0;
    for (row, &rt) in table.iter().zip(&row_totals) {
        for (&c, &ct) in row.iter().zip(&col_totals) {
            if c > 0 {
                let c = c as f64;
                mi += c / nf * (c * nf / (rt as f64 * ct as f64)).log2();
            }
        }
    }
    mi.max(0.0)
}

/// Counts of (input level present, group present).
struct ProxyTable {
    /// `cells[level][group]`, only levels with rows.
    cells: Vec<Vec<u64>>,
}

impl ProxyTable {
    fn new(rows: &[(u32, u32)], levels: usize, groups: &ProxyGroups) -> Self {
        let mut cells = vec![vec![0u64; groups.len()]; levels];
        for &(f, g) in rows {
            cells[f as usize][groups.of(g)] += 1;
        }
        cells.retain(|r| r.iter().any(|&c| c > 0));
        Self { cells }
    }

    fn cramers_v(&self) -> f64 {
        let r = self.cells.len();
        let c = self.cells.first().map_or(0, Vec::len);
        let k = r.min(c);
        if k < 2 {
            return 0.0;
        }
        let n: u64 = self.cells.iter().flatten().sum();
        let nf = n as f64;
        let row_totals: Vec<f64> = self
            .cells
            .iter()
            .map(|row| row.iter().sum::<u64>() as f64)
            .collect();
        let col_totals: Vec<f64> = (0..c)
            .map(|j| self.cells.iter().map(|row| row[j]).sum::<u64>() as f64)
            .collect();
        let mut chi2 = 0.0;
        for (row, &rt) in self.cells.iter().zip(&row_totals) {
            for (&o, &ct) in row.iter().zip(&col_totals) {
                let e = rt * ct / nf;
                chi2 += (o as f64 - e) * (o as f64 - e) / e;
            }
        }
        (chi2 / (nf * (k - 1) as f64)).sqrt()
    }

    fn mutual_information(&self) -> f64 {
        mutual_information(&self.cells)
    }

    /// AUC of group `g` (index into present groups) against the rest, scoring each level by its
    /// share of `g`.
    fn auc_for(&self, g: usize) -> f64 {
        // (share of g, positives, negatives) per level, sorted by share.
        let mut scored: Vec<(f64, u64, u64)> = self
            .cells
            .iter()
            .map(|row| {
                let total: u64 = row.iter().sum();
                let pos = row[g];
                (pos as f64 / total as f64, pos, total - pos)
            })
            .collect();
        scored.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut runs = Vec::new();
        let mut i = 0;
        while i < scored.len() {
            let mut j = i;
            let (mut pos, mut neg) = (0, 0);
            while j < scored.len() && scored[j].0 == scored[i].0 {
                pos += scored[j].1;
                neg += scored[j].2;
                j += 1;
            }
            runs.push((pos, neg));
            i = j;
        }
        auc_from_runs(&runs)
    }

    fn auc(&self, groups: &ProxyGroups) -> (Option<f64>, Option<usize>) {
        if groups.len() == 2 {
            let m = groups.minority();
            let a = self.auc_for(m);
            return (Some(a.max(1.0 - a)), Some(groups.present[m]));
        }
        let aucs: Vec<f64> = (0..groups.len())
            .map(|g| {
                let a = self.auc_for(g);
                a.max(1.0 - a)
            })
            .collect();
        macro_average(&aucs, groups)
    }
}

/// Mann-Whitney AUC from score runs in ascending score order, each run `(positives,
/// negatives)` sharing one score: `sum pos_r (neg_below + neg_r / 2) / (P N)`.
fn auc_from_runs(runs: &[(u64, u64)]) -> f64 {
    let p: u64 = runs.iter().map(|r| r.0).sum();
    let n: u64 = runs.iter().map(|r| r.1).sum();
    let mut below = 0.0;
    let mut sum = 0.0;
    for &(pos, neg) in runs {
        sum += pos as f64 * (below + 0.5 * neg as f64);
        below += neg as f64;
    }
    sum / (p as f64 * n as f64)
}

/// Macro average of per-group AUCs and the (attribute level of the) best group.
fn macro_average(aucs: &[f64], groups: &ProxyGroups) -> (Option<f64>, Option<usize>) {
    if aucs.is_empty() || aucs.iter().any(|a| !a.is_finite()) {
        return (None, None);
    }
    let mean = aucs.iter().sum::<f64>() / aucs.len() as f64;
    let mut best = 0;
    for (i, &a) in aucs.iter().enumerate() {
        if a > aucs[best] {
            best = i;
        }
    }
    (Some(mean), Some(groups.present[best]))
}

/// Correlation ratio, mutual information (10 quantile bins) and AUC for a numeric input.
fn numeric_stats(
    mut rows: Vec<(f64, u32)>,
    groups: &ProxyGroups,
) -> (f64, f64, (Option<f64>, Option<usize>)) {
    let n = rows.len();
    let k = groups.len();
    let nf = n as f64;

    // Correlation ratio, two passes.
    let mean = rows.iter().map(|r| r.0).sum::<f64>() / nf;
    let mut group_sum = vec![0.0; k];
    let mut group_n = vec![0u64; k];
    let mut sst = 0.0;
    for &(x, g) in &rows {
        let gi = groups.of(g);
        group_sum[gi] += x - mean;
        group_n[gi] += 1;
        sst += (x - mean) * (x - mean);
    }
    let ssb: f64 = group_sum
        .iter()
        .zip(&group_n)
        .map(|(&s, &m)| if m > 0 { s * s / m as f64 } else { 0.0 })
        .sum();
    let eta = if sst > 0.0 {
        (ssb / sst).min(1.0).sqrt()
    } else {
        0.0
    };

    rows.sort_by(|a, b| a.0.total_cmp(&b.0));

    // Quantile bins as pandas.qcut(x, 10, duplicates="drop").
    let quantile = |q: f64| -> f64 {
        let h = (n - 1) as f64 * q;
        let lo = h.floor() as usize;
        let hi = (lo + 1).min(n - 1);
        let (a, b) = (rows[lo].0, rows[hi].0);
        a + (h - lo as f64) * (b - a)
    };
    let mut edges: Vec<f64> = (0..=MI_BINS)
        .map(|i| quantile(i as f64 / MI_BINS as f64))
        .collect();
    edges.dedup();
    let interior = if edges.len() > 2 {
        &edges[1..edges.len() - 1]
    } else {
        &[][..]
    };
    let mut bins = vec![vec![0u64; k]; interior.len() + 1];
    for &(x, g) in &rows {
        let b = interior.partition_point(|&e| e < x);
        bins[b][groups.of(g)] += 1;
    }
    let mi = mutual_information(&bins);

    // AUCs by rank sums: midranks over runs of equal values.
    let mut rank_sum = vec![0.0; k];
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j < n && rows[j].0 == rows[i].0 {
            j += 1;
        }
        // 1-based ranks i+1 ..= j share their mean.
        let midrank = (i + 1 + j) as f64 / 2.0;
        for r in &rows[i..j] {
            rank_sum[groups.of(r.1)] += midrank;
        }
        i = j;
    }
    let auc_of = |g: usize| -> f64 {
        let pos = group_n[g] as f64;
        let neg = (groups.total() - group_n[g]) as f64;
        (rank_sum[g] - pos * (pos + 1.0) / 2.0) / (pos * neg)
    };
    let auc = if k == 2 {
        let m = groups.minority();
        let a = auc_of(m);
        (Some(a.max(1.0 - a)), Some(groups.present[m]))
    } else {
        let aucs: Vec<f64> = (0..k)
            .map(|g| {
                let a = auc_of(g);
                a.max(1.0 - a)
            })
            .collect();
        macro_average(&aucs, groups)
    };
    (eta, mi, auc)
}

#[cfg(test)]
mod tests {
    use super::*;

    // A fixed dataset drawn once with numpy default_rng(3) (proxy_ref.py), written out literally.
    #[rustfmt::skip]
    const A2: [u32; 40] = [
        1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 1,
        1, 1, 1, 0, 0, 1, 1, 1, 1, 0,
    ];
    #[rustfmt::skip]
    const A3: [u32; 40] = [
        2, 0, 0, 2, 2, 0, 0, 0, 0, 2, 1, 1, 0, 1, 0, 2, 1, 0, 0, 2, 1, 1, 0, 0, 1, 1, 1, 2, 2, 0,
        1, 1, 0, 0, 1, 2, 0, 2, 1, 0,
    ];
    #[rustfmt::skip]
    const F: [Option<u32>; 40] = [
        Some(3), Some(2), Some(2), Some(3), Some(2), None, Some(0), Some(2), Some(2), Some(3),
        Some(3), Some(3), Some(0), Some(3), Some(1), Some(2), Some(2), None, Some(1), Some(3),
        Some(3), Some(2), Some(1), Some(0), Some(1), Some(3), Some(3), Some(2), Some(3), Some(2),
        Some(1), Some(1), Some(1), Some(1), Some(2), Some(3), Some(0), Some(3), Some(3), Some(0),
    ];
    #[rustfmt::skip]
    const V: [Option<f64>; 40] = [
        Some(1.0), Some(-1.0), None, Some(0.0), Some(1.0), Some(-0.5), Some(-0.0), Some(1.0),
        Some(0.5), None, Some(0.0), Some(0.5), Some(0.0), Some(1.0), Some(-0.5), Some(0.5),
        Some(0.0), Some(1.0), Some(-0.0), Some(0.5), Some(-0.5), Some(1.0), Some(1.0), Some(1.0),
        Some(1.0), Some(0.5), Some(0.5), Some(0.5), Some(0.0), Some(1.0), Some(-0.0), Some(0.5),
        Some(0.0), None, Some(0.5), Some(0.5), Some(-0.5), Some(1.0), Some(1.5), Some(0.5),
    ];

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn cat() -> Feature {
        Feature::categorical("f", names(&["p", "q", "r", "s"]), F.to_vec())
    }

    fn num() -> Feature {
        Feature::numeric("v", V.to_vec())
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * (1.0 + b.abs())
    }

    // References (proxy_ref.py, used rows only): scipy 1.17.1
    // scipy.stats.contingency.association(pd.crosstab(f, a).values, method="cramer");
    // scikit-learn 1.9.1 mutual_info_score(a, f) / ln 2 (numeric: of
    // pandas.qcut(v, 10, duplicates="drop", labels=False)) and roc_auc_score(a == g, score) with
    // max(auc, 1 - auc); correlation ratio sqrt(1 - SS_within / SS_total) in numpy.

    #[test]
    fn categorical_input_binary_attribute() {
        let s = proxy_stats(&cat(), "gender", &names(&["F", "M"]), &A2).expect("defined");
        assert_eq!((s.column.as_str(), s.attribute.as_str()), ("f", "gender"));
        assert_eq!((s.n, s.measure.as_str()), (38, "cramers_v"));
        assert!(
            close(s.association, 0.29812612773598346),
            "{}",
            s.association
        );
        assert!(close(s.mutual_information, 0.06631063381089017));
        assert!(close(s.auc.expect("auc"), 0.634453781512605));
        assert_eq!(s.group.as_deref(), Some("M"));
    }

    #[test]
    fn categorical_input_three_groups() {
        let s = proxy_stats(&cat(), "origin", &names(&["A", "B", "C"]), &A3).expect("defined");
        assert_eq!(s.n, 38);
        assert!(close(s.association, 0.5213953843803634));
        assert!(close(s.mutual_information, 0.5506074984835374));
        assert!(close(s.auc.expect("auc"), 0.7917259913999044));
        assert_eq!(s.group.as_deref(), Some("A"));
    }

    #[test]
    fn numeric_input_binary_attribute() {
        let s = proxy_stats(&num(), "gender", &names(&["F", "M"]), &A2).expect("defined");
        assert_eq!((s.n, s.measure.as_str()), (37, "correlation_ratio"));
        assert!(
            close(s.association, 0.17123372230469416),
            "{}",
            s.association
        );
        assert!(close(s.mutual_information, 0.06490641986080979));
        assert!(close(s.auc.expect("auc"), 0.587719298245614));
        assert_eq!(s.group.as_deref(), Some("F"));
    }

    #[test]
    fn numeric_input_three_groups() {
        let s = proxy_stats(&num(), "origin", &names(&["A", "B", "C"]), &A3).expect("defined");
        assert_eq!(s.n, 37);
        assert!(close(s.association, 0.2530738218078957));
        assert!(close(s.mutual_information, 0.18240152981768143));
        assert!(close(s.auc.expect("auc"), 0.5856176231176232));
        assert_eq!(s.group.as_deref(), Some("A"));
    }

    #[test]
    fn numeric_proxy_for_a_binary_attribute_gets_a_high_auc() {
        // Height-like input: group 1 is shifted by 2 SD. Deterministic LCG noise.
        let mut state = 12_345u64;
        let mut uniform = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((state >> 11) as f64 + 0.5) / (1u64 << 53) as f64
        };
        let n = 5000;
        let mut codes = Vec::with_capacity(n);
        let mut values = Vec::with_capacity(n);
        for _ in 0..n {
            let g = u32::from(uniform() < 0.3);
            let z = (-2.0 * uniform().ln()).sqrt() * (2.0 * std::f64::consts::PI * uniform()).cos();
            codes.push(g);
            values.push(Some(z + 2.0 * f64::from(g)));
        }
        let f = Feature::numeric("height", values);
        let s = proxy_stats(&f, "sex", &names(&["male", "female"]), &codes).expect("defined");
        // Binormal AUC with a 2 SD shift: Phi(2 / sqrt 2) = 0.921.
        let auc = s.auc.expect("auc");
        assert!((0.90..0.94).contains(&auc), "{auc}");
        assert_eq!(s.group.as_deref(), Some("female"));
        assert!(s.association > 0.6, "{}", s.association);
        assert!(s.mutual_information > 0.3, "{}", s.mutual_information);
        // Reversing the sign of the input does not change the AUC.
        let neg = Feature::numeric(
            "neg",
            match &f.values {
                FeatureValues::Numeric(v) => v.iter().map(|x| x.map(|x| -x)).collect(),
                FeatureValues::Categorical { .. } => unreachable!("numeric"),
            },
        );
        let s2 = proxy_stats(&neg, "sex", &names(&["male", "female"]), &codes).expect("defined");
        assert!((s2.auc.expect("auc") - auc).abs() < 1e-12);
    }

    #[test]
    fn independent_input_has_no_association() {
        // Level = bits 0 and 2 of the row number, group = bit 1: a perfectly balanced table.
        let codes: Vec<u32> = (0..400).map(|i| (i / 2 % 2) as u32).collect();
        let f = Feature::categorical(
            "team",
            names(&["a", "b", "c", "d"]),
            (0..400)
                .map(|i| Some((i % 2 + i / 4 % 2 * 2) as u32))
                .collect(),
        );
        let s = proxy_stats(&f, "g", &names(&["x", "y"]), &codes).expect("defined");
        assert!(s.association.abs() < 1e-12, "{}", s.association);
        assert!(s.mutual_information.abs() < 1e-12);
        assert!((s.auc.expect("auc") - 0.5).abs() < 1e-12);
    }

    #[test]
    fn degenerate_inputs() {
        let lv = names(&["F", "M"]);
        // Empty.
        assert!(proxy_stats(&Feature::numeric("x", vec![]), "g", &lv, &[]).is_none());
        // Length mismatch, bad attribute code, bad feature code.
        assert!(proxy_stats(&num(), "g", &lv, &A2[..10]).is_none());
        let mut bad = A2;
        bad[0] = 2;
        assert!(proxy_stats(&num(), "g", &lv, &bad).is_none());
        let f = Feature::categorical("c", names(&["a"]), vec![Some(1), Some(0)]);
        assert!(proxy_stats(&f, "g", &lv, &[0, 1]).is_none());
        // A single group among the used rows (the other only where the input is missing).
        let f = Feature::numeric("x", vec![Some(1.0), Some(2.0), None]);
        assert!(proxy_stats(&f, "g", &lv, &[0, 0, 1]).is_none());
        // All missing.
        let f = Feature::numeric("x", vec![None, Some(f64::NAN)]);
        assert!(proxy_stats(&f, "g", &lv, &[0, 1]).is_none());
        // Constant inputs: no association, chance AUC.
        let f = Feature::numeric("x", vec![Some(3.0); 4]);
        let s = proxy_stats(&f, "g", &lv, &[0, 1, 0, 1]).expect("defined");
        assert_eq!(
            (s.association, s.mutual_information, s.auc),
            (0.0, 0.0, Some(0.5))
        );
        let f = Feature::categorical("c", names(&["a", "b"]), vec![Some(1); 4]);
        let s = proxy_stats(&f, "g", &lv, &[0, 1, 1, 1]).expect("defined");
        assert_eq!(
            (s.association, s.mutual_information, s.auc),
            (0.0, 0.0, Some(0.5))
        );
        assert_eq!(s.group.as_deref(), Some("F"));
        // Unused attribute levels are ignored: three levels, two present, is binary.
        let s = proxy_stats(&num(), "g", &names(&["F", "M", "unknown"]), &A2).expect("defined");
        assert!(close(s.auc.expect("auc"), 0.587719298245614));
    }

    #[test]
    fn perfect_proxy() {
        let f = Feature::categorical(
            "c",
            names(&["a", "b", "c"]),
            vec![Some(0), Some(1), Some(2), Some(0), Some(1), Some(2)],
        );
        let s = proxy_stats(&f, "g", &names(&["x", "y", "z"]), &[0, 1, 2, 0, 1, 2]).expect("ok");
        assert!(close(s.association, 1.0));
        assert!(close(s.mutual_information, 3f64.log2()));
        assert_eq!(s.auc, Some(1.0));
    }
}
