//! Deterministic row subsampling for big tables.

use crate::metrics::bootstrap::splitmix64;

/// Above this many rows, callers are expected to subsample with [`subsample_indices`].
pub const SUGGESTED_MAX_ROWS: usize = 200_000;

/// A deterministic, sorted sample of `min(n, max)` distinct row indices from `0..n`.
///
/// `n <= max` returns `0..n`. Otherwise Knuth's selection sampling (Algorithm S): row `i` is
/// taken with probability `(max - taken) / (n - i)`, driven by SplitMix64 seeded with `seed`, so
/// every subset of size `max` is equally likely and the output is sorted. Callers subsample
/// above [`SUGGESTED_MAX_ROWS`] (200,000) rows before [`usage_tests`](super::usage_tests).
/// `max = 0` gives an empty sample.
pub fn subsample_indices(n: usize, max: usize, seed: u64) -> Vec<usize> {
    if n <= max {
        return (0..n).collect();
    }
    let mut state = seed;
    let mut out = Vec::with_capacity(max);
    for i in 0..n {
        let needed = max - out.len();
        if needed == 0 {
            break;
        }
        let remaining = n - i;
        if needed == remaining {
            out.extend(i..n);
            break;
        }
        // Uniform in [0, 1) from the top 53 bits.
        let u = (splitmix64(&mut state) >> 11) as f64 / (1u64 << 53) as f64;
        if (remaining as f64) * u < needed as f64 {
            out.push(i);
        }
    }
    out
}
