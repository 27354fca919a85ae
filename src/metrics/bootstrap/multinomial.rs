//! The exact multinomial sampler (a chain of binomials or Poissonization, whichever is
//! cheaper for the counts), and `resample`.

use rand::Rng as _;

use super::binomial::FixedP;
use super::poisson::{Ptrs, SmallPoisson};
use super::rng::{Rng, below, uniform};

/// Costs (ns, measured on the benchmark machine) of a binomial draw with per-draw setup, a
/// Poisson draw with fixed mean and one item placed at random. They only choose between two
/// exact methods, from the counts alone.
const COST_BINOMIAL: f64 = 90.0;
const COST_POISSON: f64 = 30.0;
const COST_PICK: f64 = 4.0;

/// Gaps z (in standard deviations of n) tried between n and the mean of the Poisson total,
/// with the standard normal Phi(z) and phi(z) at each: about 1 - Phi(z) of the Poisson draws
/// are rejected (S > n), and about `(z + phi(z) / Phi(z)) sqrt(n)` items are left to place.
const GAPS: [(f64, f64, f64); 6] = [
    (0.5, 0.691_462_461, 0.352_065_327),
    (1.0, 0.841_344_746, 0.241_970_725),
    (1.5, 0.933_192_799, 0.129_517_596),
    (2.0, 0.977_249_868, 0.053_990_967),
    (2.5, 0.993_790_335, 0.017_528_300),
    (3.0, 0.998_650_102, 0.004_431_848),
];

/// An exact multinomial sampler for fixed cell counts: `sample` draws `n = sum(counts)` items
/// over the cells with probabilities `p_i = count_i / n`, the same in distribution as
/// resampling the rows with replacement. One of two exact methods, whichever is cheaper for
/// the counts (the choice depends only on the counts, so results stay deterministic):
///
/// * Chain of conditional binomials: with `n_i` items left for the non-empty cells
///   `i, i + 1, ...` (total count `M_i`), cell i gets `Binomial(n_i, count_i / M_i)` and the
///   last cell the rest. Exact because, given the draws of the cells before it, the items left
///   are spread over the remaining cells as a multinomial with probabilities proportional to
///   their counts, whose marginal for one cell is that binomial. Used for few cells.
/// * Poissonization: independent `X_i ~ Poisson(lambda count_i)` with `lambda n` a few
///   standard deviations below n, drawn again while `S = sum X_i > n`; then the `n - S` items
///   left are placed one by one, each in a cell drawn with probability `p_i` (a uniform row
///   among the n, found in the cumulative counts). Exact because, given `S = s`, the Poisson
///   counts are multinomial(s, p) (the classical Poisson-multinomial relation), and adding an
///   independent multinomial(n - s, p) makes a multinomial(n, p) whatever s is, so neither
///   conditioning on `S <= n` nor the value of S changes the result's law. The Poisson means
///   are fixed, so every setup is done once and the cells' draws do not depend on each other
///   (their common first step is one pass over all cells). Used for many cells (the placed
///   items cost about `sqrt(n)`).
///
/// References: L. Devroye, *Non-Uniform Random Variate Generation* (Springer, 1986), chapter
/// XI (the multinomial by conditional binomials). The Poisson-multinomial relation in one
/// line, with `mu = sum mu_i`: `P(X = x | S = s) = prod(e^-mu_i mu_i^x_i / x_i!) /
/// (e^-mu mu^s / s!) = s! / prod(x_i!) prod((mu_i / mu)^x_i)`, and `mu_i / mu = p_i`.
#[derive(Debug, Clone)]
pub struct Multinomial {
    method: Method,
    total: u64,
    cells: usize,
}

#[derive(Debug, Clone)]
enum Method {
    Chain {
        /// (cell, conditional probability) of every non-empty cell but the last.
        steps: Vec<(usize, FixedP)>,
        /// The last non-empty cell, which gets the items left.
        last: Option<usize>,
    },
    Poisson(Box<Poissonized>),
}

#[derive(Debug, Clone)]
struct Poissonized {
    /// PTRS constants of the cells with a Poisson mean >= 10.
    large: Vec<Ptrs>,
    /// Cells with a smaller mean.
    small: Vec<(usize, SmallPoisson)>,
    /// Cells with a Poisson mean of 0 (an empty cell, or every cell when lambda is 0).
    empty: Vec<usize>,
    /// (index in `large`, first uniform) of the draws left to finish: scratch space, as long
    /// as `large`.
    pending: Vec<(usize, f64)>,
    /// To place one item in cell i with probability `count_i / n`.
    rows: Rows,
}

/// Picks a cell with probability `count_i / n`, exactly: a uniform row among the n (by
/// Lemire's method, from 32 random bits when n < 2^32), and the cell holding that row in the
/// cumulative counts, found from a guide table (indexed search: H.-C. Chen and Y. Asau, "On
/// generating random variates from an empirical distribution", AIIE Transactions 6 (1974)
/// 163-166) that points at once to the cell of most rows. Integer arithmetic only.
#[derive(Debug, Clone)]
struct Rows {
    /// `cum[j]` = the counts of the cells before j added up (length cells + 1).
    cum: Vec<u64>,
    /// For rows `g << shift ..= ((g + 1) << shift) - 1`: the cell of the first, with `PURE`
    /// set when every row of the range is in that cell.
    guide: Vec<u32>,
    shift: u32,
    total: u64,
}

/// Flag of a guide entry whose rows all lie in one cell.
const PURE: u32 = 1 << 31;

impl Rows {
    /// For counts with a positive total and fewer than 2^31 cells.
    fn new(counts: &[u64]) -> Self {
        let mut cum = Vec::with_capacity(counts.len() + 1);
        let mut acc = 0u64;
        cum.push(0);
        for &c in counts {
            acc += c;
            cum.push(acc);
        }
        let total = acc;
        // About 8 guide entries per cell, so that few ranges hold a cell boundary.
        let mut shift = 0u32;
        while (total >> shift) > 8 * counts.len() as u64 {
            shift += 1;
        }
        let mut guide = Vec::new();
        let mut j = 0usize;
        let mut first = 0u64;
        while first < total {
            let last = (first + (1 << shift) - 1).min(total - 1);
            while cum[j + 1] <= first {
                j += 1;
            }
            let pure = if cum[j + 1] > last { PURE } else { 0 };
            guide.push(j as u32 | pure);
            first += 1 << shift;
        }
        Rows {
            cum,
            guide,
            shift,
            total,
        }
    }

    /// The cell holding row `r < total`.
    #[inline]
    fn cell_of(&self, r: u64) -> usize {
        let e = self.guide[(r >> self.shift) as usize];
        let mut j = (e & !PURE) as usize;
        if e & PURE == 0 {
            while self.cum[j + 1] <= r {
                j += 1;
            }
        }
        j
    }

    /// Adds `count` items to `out`, each in a cell drawn with probability `count_i / n`.
    fn place(&self, rng: &mut Rng, count: u64, out: &mut [u64]) {
        if let Ok(n32) = u32::try_from(self.total) {
            // Two rows from each 64-bit output, by Lemire's method on 32 bits (a half in the
            // rejected zone is skipped).
            let reject = n32.wrapping_neg() % n32;
            let mut left = count;
            while left > 0 {
                let x = rng.next_u64();
                for half in [x & 0xffff_ffff, x >> 32] {
                    let m = half * u64::from(n32);
                    if left > 0 && (m as u32) >= reject {
                        out[self.cell_of(m >> 32)] += 1;
                        left -= 1;
                    }
                }
            }
        } else {
            for _ in 0..count {
                out[self.cell_of(below(rng, self.total))] += 1;
            }
        }
    }
}

impl Multinomial {
    /// The sampler for these counts, by the cheaper method for them.
    pub fn new(counts: &[u64]) -> Self {
        let total: u64 = counts.iter().sum();
        let nonzero = counts.iter().filter(|c| **c > 0).count();
        // Expected costs: the chain, and Poissonization at the best gap.
        let chain = COST_BINOMIAL * nonzero as f64;
        let sd = (total as f64).sqrt();
        let best = GAPS
            .iter()
            .map(|&(z, big, small)| {
                let cost = COST_POISSON * nonzero as f64 / big + COST_PICK * sd * (z + small / big);
                (cost, z)
            })
            .min_by(|a, b| a.0.total_cmp(&b.0));
        match best {
            Some((cost, z))
                if cost < chain && total > 0 && total < 1 << 52 && counts.len() < 1 << 31 =>
            {
                Self::poissonized(counts, z)
            }
            _ => Self::chain(counts),
        }
    }

    /// The chain of conditional binomials.
    fn chain(counts: &[u64]) -> Self {
        let total: u64 = counts.iter().sum();
        let mut steps = Vec::new();
        let mut last = None;
        let mut mass_left = total;
        for (i, &c) in counts.iter().enumerate().filter(|(_, c)| **c > 0) {
            if c >= mass_left {
                last = Some(i);
                break;
            }
            steps.push((i, FixedP::new(c as f64 / mass_left as f64)));
            mass_left -= c;
        }
        Multinomial {
            method: Method::Chain { steps, last },
            total,
            cells: counts.len(),
        }
    }

    /// Poissonization with the mean of the Poisson total `z` standard deviations below the
    /// total n (`0 < n < 2^52`, fewer than 2^31 cells).
    fn poissonized(counts: &[u64], z: f64) -> Self {
        let total: u64 = counts.iter().sum();
        let n = total as f64;
        let lambda = ((n - z * n.sqrt()) / n).max(0.0);
        let (mut large, mut small, mut empty) = (Vec::new(), Vec::new(), Vec::new());
        for (i, &c) in counts.iter().enumerate() {
            let mu = lambda * c as f64;
            if mu >= 10.0 {
                large.push(Ptrs::new(i, mu));
            } else if mu > 0.0 {
                small.push((i, SmallPoisson::new(mu)));
            } else {
                empty.push(i);
            }
        }
        Multinomial {
            method: Method::Poisson(Box::new(Poissonized {
                pending: vec![(0, 0.0); large.len()],
                large,
                small,
                empty,
                rows: Rows::new(counts),
            })),
            total,
            cells: counts.len(),
        }
    }

    /// One draw, written into `out` (resized to the number of cells).
    pub fn sample(&mut self, rng: &mut Rng, out: &mut Vec<u64>) {
        let total = self.total;
        match &mut self.method {
            Method::Chain { steps, last } => {
                out.clear();
                out.resize(self.cells, 0);
                let mut n_left = total;
                for (i, b) in steps.iter() {
                    if n_left == 0 {
                        return;
                    }
                    let k = b.sample(rng, n_left);
                    out[*i] = k;
                    n_left -= k;
                }
                if let Some(i) = last {
                    out[*i] = n_left;
                }
            }
            Method::Poisson(p) => {
                // Every non-empty cell is written below; the empty ones stay 0.
                if out.len() != self.cells {
                    out.clear();
                    out.resize(self.cells, 0);
                }
                for &i in &p.empty {
                    out[i] = 0;
                }
                let s = loop {
                    // First steps of all the PTRS draws, without branches; the draws outside
                    // the box (about a quarter) are finished after.
                    let mut s = 0u64;
                    let p = &mut **p;
                    let mut left = 0;
                    for (j, t) in p.large.iter().enumerate() {
                        let v = uniform(rng);
                        let (ok, k) = t.in_box(v);
                        let k = if ok { k } else { 0 };
                        out[t.cell] = k;
                        s = s.saturating_add(k);
                        p.pending[left] = (j, v);
                        left += usize::from(!ok);
                    }
                    for &(j, v) in &p.pending[..left] {
                        let t = &p.large[j];
                        let k = t.finish(rng, v);
                        out[t.cell] = k;
                        s = s.saturating_add(k);
                    }
                    for (cell, d) in &p.small {
                        let k = d.sample(rng);
                        out[*cell] = k;
                        s = s.saturating_add(k);
                    }
                    if s <= total {
                        break s;
                    }
                };
                // The n - S items left, each in a cell drawn with probability p_i.
                p.rows.place(rng, total - s, out);
            }
        }
    }
}

/// One multinomial draw of `sum(counts)` items over cells with probabilities proportional to
/// `counts`, written into `out` (see [`Multinomial`]; prepare one to draw many times).
pub fn resample(rng: &mut Rng, counts: &[u64], out: &mut Vec<u64>) {
    Multinomial::new(counts).sample(rng, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::bootstrap::laws::{assert_chi_square, binomial_pmf, window};
    use crate::metrics::bootstrap::rng_for;

    #[test]
    fn resample_keeps_total() {
        let mut rng = rng_for(1, "t", [1, 2, 3]);
        let mut out = Vec::new();
        for _ in 0..100 {
            resample(&mut rng, &[5, 0, 10, 85], &mut out);
            assert_eq!(out.iter().sum::<u64>(), 100);
            assert_eq!(out[1], 0, "an empty cell stays empty");
        }
    }

    #[test]
    fn resample_mean_matches_probabilities() {
        // E[draw_i] = n p_i; over 4000 draws the mean of cell 0 (p = 0.3, n = 100) is 30
        // within 4 standard errors (sd = sqrt(100 * 0.3 * 0.7) / sqrt(4000) = 0.072).
        let mut rng = rng_for(7, "mean", []);
        let mut out = Vec::new();
        let mut sum = 0u64;
        for _ in 0..4000 {
            resample(&mut rng, &[30, 50, 20], &mut out);
            sum += out[0];
        }
        let mean = sum as f64 / 4000.0;
        assert!((mean - 30.0).abs() < 0.3, "{mean}");
    }
    #[test]
    fn rows_are_picked_in_proportion_to_the_counts() {
        // 32-bit path, with empty cells; then the 64-bit path (n >= 2^32).
        for counts in [
            vec![0, 7, 1, 0, 120, 3, 55, 0, 1, 2_000, 9],
            vec![3 << 32, 0, 1 << 32, 5 << 31, 12_345],
        ] {
            let rows = Rows::new(&counts);
            let n: u64 = counts.iter().sum();
            let mut rng = rng_for(13, "rows", counts.iter().copied());
            let mut out = vec![0u64; counts.len()];
            let draws = 200_000;
            rows.place(&mut rng, draws, &mut out);
            assert_eq!(out.iter().sum::<u64>(), draws);
            for (c, o) in counts.iter().zip(&out) {
                let e = draws as f64 * *c as f64 / n as f64;
                assert!(
                    (*o as f64 - e).abs() <= 5.0 * e.sqrt() + 1e-9,
                    "{counts:?}: {o} vs {e}"
                );
            }
        }
    }

    /// Checks `sampler` against Multinomial(n, counts / n) over `draws` draws: the total and the
    /// empty cells every time; the law of one cell (Binomial(n, p_i), chi-square); the means
    /// `n p_i` and covariances `n (p_i [i = j] - p_i p_j)` within 5 standard errors.
    fn assert_multinomial(
        what: &str,
        mut sampler: Multinomial,
        counts: &[u64],
        cell: usize,
        draws: usize,
    ) {
        let n: u64 = counts.iter().sum();
        let p: Vec<f64> = counts.iter().map(|&c| c as f64 / n as f64).collect();
        let k = counts.len();
        let mut rng = rng_for(14, what, counts.iter().copied());
        let mut out = Vec::new();
        let (mut sum, mut cross) = (vec![0.0f64; k], vec![0.0f64; k * k]);
        let pc = p[cell];
        let (lo, hi) = window(n as f64 * pc, (n as f64 * pc * (1.0 - pc)).sqrt(), n);
        let mut hist = vec![0u64; (hi - lo + 1) as usize];
        for _ in 0..draws {
            sampler.sample(&mut rng, &mut out);
            assert_eq!(out.len(), k);
            assert_eq!(out.iter().sum::<u64>(), n, "{what}: the total is kept");
            for (i, &x) in out.iter().enumerate() {
                assert!(counts[i] > 0 || x == 0, "{what}: an empty cell stays empty");
                sum[i] += x as f64;
                for (j, &y) in out.iter().enumerate() {
                    cross[i * k + j] += x as f64 * y as f64;
                }
            }
            assert!(
                (lo..=hi).contains(&out[cell]),
                "{what}: draw outside the window"
            );
            hist[(out[cell] - lo) as usize] += 1;
        }
        assert_chi_square(
            &format!("{what}: cell {cell}"),
            &hist,
            lo,
            binomial_pmf(n, pc),
        );
        let d = draws as f64;
        let nf = n as f64;
        for i in 0..k {
            let mean = sum[i] / d;
            let var_i = nf * p[i] * (1.0 - p[i]);
            assert!(
                (mean - nf * p[i]).abs() <= 5.0 * (var_i / d).sqrt() + 1e-9,
                "{what}: mean {i}"
            );
            for j in 0..k {
                let cov = cross[i * k + j] / d - mean * (sum[j] / d);
                let theory = nf * (if i == j { p[i] } else { 0.0 } - p[i] * p[j]);
                let var_j = nf * p[j] * (1.0 - p[j]);
                let se = ((var_i * var_j + theory * theory) / d).sqrt();
                assert!(
                    (cov - theory).abs() <= 5.0 * se + 1e-9,
                    "{what}: cov({i}, {j}) = {cov}, theory {theory}"
                );
            }
        }
    }

    #[test]
    fn both_multinomial_methods_are_exact() {
        let counts = [3, 0, 41, 700, 1, 2_500, 12, 160, 0, 9, 30, 88];
        let draws = 25_000;
        assert_multinomial("chain", Multinomial::chain(&counts), &counts, 7, draws);
        for z in [0.5, 1.5, 3.0] {
            let m = Multinomial::poissonized(&counts, z);
            assert_multinomial(&format!("poisson z={z}"), m, &counts, 7, draws);
        }
        // A score-table-like case: 300 cells, skewed, 200,000 rows.
        let counts: Vec<u64> = (0..300u64)
            .map(|i| {
                let x = (i as f64 - 180.0) / 40.0;
                (1_600.0 * (-x * x / 2.0).exp()) as u64 + i % 3
            })
            .collect();
        let m = Multinomial::new(&counts);
        assert!(matches!(m.method, Method::Poisson(_)));
        assert_multinomial("poisson, 300 cells", m, &counts, 170, 4_000);
    }

    #[test]
    fn method_follows_the_shape_of_the_counts() {
        // Few cells (the confusion matrix): the binomial chain; a score table: Poissonization.
        let m = Multinomial::new(&[4_000_000, 2_500_000, 3_000_000, 500_000]);
        assert!(matches!(m.method, Method::Chain { .. }));
        let table: Vec<u64> = (0..2_000).map(|i| 300 + (i % 700)).collect();
        assert!(matches!(
            Multinomial::new(&table).method,
            Method::Poisson(_)
        ));
        // Degenerate counts.
        let mut rng = rng_for(15, "degenerate", []);
        let mut out = Vec::new();
        Multinomial::new(&[0, 0, 0]).sample(&mut rng, &mut out);
        assert_eq!(out, vec![0, 0, 0]);
        Multinomial::new(&[]).sample(&mut rng, &mut out);
        assert!(out.is_empty());
        let mut tiny = Multinomial::poissonized(&[1, 0, 1], 3.0);
        for _ in 0..100 {
            tiny.sample(&mut rng, &mut out);
            assert_eq!(out.iter().sum::<u64>(), 2);
            assert_eq!(out[1], 0);
        }
    }
}
