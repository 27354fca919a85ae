//! Multiple-testing corrections: adjusted p-values for a family of tests.

/// Holm's step-down adjusted p-values, in input order:
/// with `p₍₁₎ ≤ … ≤ p₍ₘ₎`, `p̃₍ᵢ₎ = min(1, maxⱼ≤ᵢ (m - j + 1)·p₍ⱼ₎)`.
///
/// An empty input gives an empty output. A NaN p-value is treated as 1.0 (a missing test is
/// never significant) and values are clamped into `[0, 1]`, so the output never holds a NaN.
///
/// Reference: Holm (1979), Scand. J. Statist. 6:65–70;
/// `statsmodels.stats.multitest.multipletests(p, method="holm")[1]`.
pub fn holm(p: &[f64]) -> Vec<f64> {
    let clean = clean_p(p);
    let m = clean.len();
    let order = sorted_order(&clean);
    let mut out = vec![1.0; m];
    let mut running: f64 = 0.0;
    for (rank, &idx) in order.iter().enumerate() {
        let raw = (m - rank) as f64 * clean[idx];
        running = running.max(raw);
        out[idx] = running.min(1.0);
    }
    out
}

/// Benjamini–Hochberg adjusted p-values (false discovery rate), in input order:
/// with `p₍₁₎ ≤ … ≤ p₍ₘ₎`, `p̃₍ᵢ₎ = min(1, minⱼ≥ᵢ m·p₍ⱼ₎ / j)`.
///
/// An empty input gives an empty output. A NaN p-value is treated as 1.0 and values are
/// clamped into `[0, 1]`, so the output never holds a NaN.
///
/// Reference: Benjamini & Hochberg (1995), JRSS B 57:289–300;
/// `statsmodels.stats.multitest.multipletests(p, method="fdr_bh")[1]`.
pub fn benjamini_hochberg(p: &[f64]) -> Vec<f64> {
    let clean = clean_p(p);
    let m = clean.len();
    let order = sorted_order(&clean);
    let mut out = vec![1.0; m];
    let mut running: f64 = 1.0;
    for (rank, &idx) in order.iter().enumerate().rev() {
        let raw = m as f64 * clean[idx] / (rank + 1) as f64;
        running = running.min(raw);
        out[idx] = running.min(1.0);
    }
    out
}

fn clean_p(p: &[f64]) -> Vec<f64> {
    p.iter()
        .map(|&x| if x.is_nan() { 1.0 } else { x.clamp(0.0, 1.0) })
        .collect()
}

fn sorted_order(p: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..p.len()).collect();
    order.sort_by(|&i, &j| p[i].total_cmp(&p[j]));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::close;

    #[test]
    fn holm_matches_statsmodels() {
        // statsmodels 0.15.0: multipletests([0.01, 0.04, 0.03, 0.005, 0.5, 0.04, 0.2],
        //   method="holm")[1]
        let p = [0.01, 0.04, 0.03, 0.005, 0.5, 0.04, 0.2];
        let expected = [0.06, 0.16, 0.15, 0.035, 0.5, 0.16, 0.4];
        for (got, want) in holm(&p).iter().zip(expected) {
            close(*got, want, 1e-12);
        }
        // statsmodels 0.15.0: multipletests([0.02, 1.0, 0.001], method="holm")[1]
        // (our NaN is treated as 1.0)
        let got = holm(&[0.02, f64::NAN, 0.001]);
        for (g, want) in got.iter().zip([0.04, 1.0, 0.003]) {
            close(*g, want, 1e-12);
        }
        assert!(holm(&[]).is_empty());
        assert_eq!(holm(&[0.3]), vec![0.3]);
    }

    #[test]
    fn benjamini_hochberg_matches_statsmodels() {
        // statsmodels 0.15.0: multipletests([0.01, 0.04, 0.03, 0.005, 0.5, 0.04, 0.2],
        //   method="fdr_bh")[1]
        let p = [0.01, 0.04, 0.03, 0.005, 0.5, 0.04, 0.2];
        let expected = [0.035, 0.056, 0.056, 0.035, 0.5, 0.056, 0.23333333333333336];
        for (got, want) in benjamini_hochberg(&p).iter().zip(expected) {
            close(*got, want, 1e-12);
        }
        // statsmodels 0.15.0: multipletests([0.02, 1.0, 0.001], method="fdr_bh")[1]
        let got = benjamini_hochberg(&[0.02, f64::NAN, 0.001]);
        for (g, want) in got.iter().zip([0.030000000000000002, 1.0, 0.003]) {
            close(*g, want, 1e-12);
        }
        assert!(benjamini_hochberg(&[]).is_empty());
        assert_eq!(benjamini_hochberg(&[0.3]), vec![0.3]);
    }
}
