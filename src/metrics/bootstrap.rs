//! Seeded bootstrap on sufficient statistics.
//!
//! Resampling n rows with replacement from a group is the same, for any metric that depends
//! only on the counts of (decision, label, score) cells, as one multinomial draw of n over
//! those cells with probabilities `count_i / n`. So a replicate costs one pass over the cells,
//! not over the rows, so its cost does not grow with the number of rows.
//!
//! The multinomial is drawn exactly (see [`Multinomial`]): for a few cells as a chain of
//! conditional binomials, for many cells (the score tables, about 2,000 (score, label) cells)
//! as independent Poisson counts completed to the exact total. Every generator is an exact one
//! (inversion or rejection, no normal approximation), its setup done once per table. On the 13
//! score tables of the 10-million-row benchmark (one core of the project's machine), a
//! (score, label) cell costs about 50 ns per replicate, against about 140 ns with a
//! `rand_distr::Binomial` built for each cell as before. The seed of
//! each resampling is derived from the audit seed and the *content* of the statistics
//! resampled (not from the group's name or position), so intervals do not change when groups
//! are renamed or rows reordered. Intervals are percentile intervals; replicates where the
//! metric is undefined are dropped, and no interval is given when more than half are.

use rand::Rng as _;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::intervals::Interval;

/// The random generator used for bootstrap draws.
pub type Rng = ChaCha8Rng;

/// FNV-1a over 64-bit words, for seeds derived from content.
pub fn mix(seed: u64, words: impl IntoIterator<Item = u64>) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for w in words {
        for b in w.to_le_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// A generator seeded from the audit seed, a metric tag and the statistics' content.
pub fn rng_for(seed: u64, tag: &str, content: impl IntoIterator<Item = u64>) -> Rng {
    let tag_words = tag.bytes().map(u64::from);
    Rng::seed_from_u64(mix(seed, tag_words.chain(content)))
}

/// A uniform number in [0, 1): the top 53 bits of one 64-bit output, times 2^-53 (every value
/// is a multiple of 2^-53, each equally likely).
#[inline]
fn uniform(rng: &mut Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

/// `fc(k) = ln k! - [(k + 1/2) ln(k + 1) - (k + 1) + ln(2 pi) / 2]`, the error of Stirling's
/// formula for `ln k!`: exact values for k < 10 (as in Hörmann's BTRD and Boost), the
/// asymptotic series `1/12x - 1/360x^3 + 1/1260x^5 - 1/1680x^7 + 1/1188x^9` (x = k + 1) from
/// 10 on, where its error is below 1e-14.
fn stirling_tail(k: u64) -> f64 {
    const TABLE: [f64; 10] = [
        0.081_061_466_795_327_26,
        0.041_340_695_955_409_29,
        0.027_677_925_684_998_34,
        0.020_790_672_103_765_09,
        0.016_644_691_189_821_19,
        0.013_876_128_823_070_75,
        0.011_896_709_945_891_77,
        0.010_411_265_261_972_09,
        0.009_255_462_182_712_733,
        0.008_330_563_433_362_87,
    ];
    if k < 10 {
        TABLE[k as usize]
    } else {
        let x = 1.0 / (k as f64 + 1.0);
        let x2 = x * x;
        (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - (1.0 / 1680.0 - x2 / 1188.0) * x2) * x2) * x2)
            * x
    }
}

/// `ln k!` by Stirling's formula with its error term [`stirling_tail`].
fn ln_factorial(k: u64) -> f64 {
    const HALF_LN_2PI: f64 = 0.918_938_533_204_672_8;
    let x = k as f64 + 1.0;
    (x - 0.5) * x.ln() - x + HALF_LN_2PI + stirling_tail(k)
}

/// Exact Binomial(n, p) draws for one fixed `p` and any `n`: the constants that depend on `p`
/// only are computed once, the rest (a square root and a few products) on each draw.
///
/// Two classical exact methods, chosen by the mode `m = floor((n + 1) p)` (after mirroring so
/// that p <= 1/2, the draw for p > 1/2 being `n - X` with `X ~ Binomial(n, 1 - p)`):
///
/// * m < 11: inversion by sequential search from 0 (Kachitvichyanukul & Schmeiser's BINV):
///   one uniform `u`, then the smallest x with `u < P(X <= x)`, the probabilities from
///   `P(X = 0) = (1 - p)^n = exp(n ln(1 - p))` and the ratio
///   `P(X = x) / P(X = x - 1) = ((n + 1) / x - 1) p / (1 - p)`. About `np + 1` steps.
/// * m >= 11: BTRD, transformed rejection with decomposition (W. Hörmann, "The generation of
///   binomial random variates", Journal of Statistical Computation and Simulation 46 (1993)
///   101-110; the same algorithm as `boost::random::binomial_distribution`). A point is drawn
///   under a hat built from the transformation `k = floor((2a / (1/2 - |u|) + b) u + c)`; about
///   80 % of draws fall in a box where the hat lies under the binomial probabilities and are
///   accepted at once (one uniform, no logarithm); the others are accepted with probability
///   `P(X = k) / hat(k)`, evaluated by the ratio recurrence near the mode, else by a squeeze
///   and finally by Stirling's formula with its error term `fc`. No setup beyond a square root
///   and a division (no `powf`). Used by the chain of conditional binomials ([`Multinomial`]),
///   where p is fixed for a table and n changes with every draw.
///
/// Both are exact: rejection sampling returns k with probability proportional to
/// `P(X = k)`, and inversion returns k when u falls in an interval of length `P(X = k)`
/// (up to floating-point rounding, as with any generator of this kind; a draw whose search
/// runs past the support through rounding is repeated).
#[derive(Debug, Clone, Copy)]
struct FixedP {
    /// min(p, 1 - p).
    p: f64,
    /// 1 - self.p.
    q: f64,
    /// p / q.
    r: f64,
    /// ln(1 - p) = ln q.
    ln_q: f64,
    /// Whether the given p was above 1/2.
    flipped: bool,
}

impl FixedP {
    /// `p` in [0, 1]; values outside are clamped (NaN is taken as 0).
    fn new(p: f64) -> Self {
        let p = if p.is_nan() { 0.0 } else { p.clamp(0.0, 1.0) };
        let flipped = p > 0.5;
        let p = if flipped { 1.0 - p } else { p };
        let q = 1.0 - p;
        FixedP {
            p,
            q,
            r: p / q,
            ln_q: (-p).ln_1p(),
            flipped,
        }
    }

    /// One draw of Binomial(n, p).
    #[inline]
    fn sample(&self, rng: &mut Rng, n: u64) -> u64 {
        let x = if n == 0 || self.p <= 0.0 {
            0
        } else {
            // The mode; `as` truncates, which is the floor of a non-negative number.
            let m = ((n as f64 + 1.0) * self.p) as u64;
            if m < 11 {
                self.inversion(rng, n)
            } else {
                self.btrd(rng, n, m)
            }
        };
        if self.flipped { n - x } else { x }
    }

    /// Sequential-search inversion (mode below 11, so `P(X = 0) > e^-12`).
    fn inversion(&self, rng: &mut Rng, n: u64) -> u64 {
        let p0 = (n as f64 * self.ln_q).exp();
        let a = (n as f64 + 1.0) * self.r;
        loop {
            let mut u = uniform(rng);
            let mut f = p0;
            let mut x = 0u64;
            while u >= f {
                u -= f;
                x += 1;
                f *= a / x as f64 - self.r;
                if x > n || f <= 0.0 {
                    break;
                }
            }
            // Past the support or the representable probabilities only through rounding:
            // draw again.
            if x <= n && u < f {
                return x;
            }
        }
    }

    /// Hörmann's BTRD (mode m >= 11), step numbers as in the paper.
    fn btrd(&self, rng: &mut Rng, n: u64, m: u64) -> u64 {
        let (p, r) = (self.p, self.r);
        let nf = n as f64;
        // Step 0: setup.
        let npq = nf * p * self.q;
        let spq = npq.sqrt();
        let b = 1.15 + 2.53 * spq;
        let a = -0.0873 + 0.0248 * b + 0.01 * p;
        let c = nf * p + 0.5;
        let vr = 0.92 - 4.2 / b;
        let urvr = 0.86 * vr;
        loop {
            // Step 1: the box where the hat is under the distribution (no rejection).
            let mut v = uniform(rng);
            if v <= urvr {
                let u = v / vr - 0.43;
                let x = (2.0 * a / (0.5 - u.abs()) + b) * u + c;
                // k = floor(x), taken when 0 <= k <= n (always, in this box).
                if x >= 0.0 && x < nf + 1.0 {
                    return x as u64;
                }
                continue;
            }
            // Step 2: a point (u, v) in the rest of the region under the hat.
            let u = if v >= vr {
                uniform(rng) - 0.5
            } else {
                let w = v / vr - 0.93;
                v = uniform(rng) * vr;
                0.5f64.copysign(w) - w
            };
            // Step 3.0.
            let us = 0.5 - u.abs();
            let x = (2.0 * a / us + b) * u + c;
            if !(x >= 0.0 && x < nf + 1.0) {
                continue;
            }
            let k = x as u64;
            let alpha = (2.83 + 5.1 / b) * spq;
            v *= alpha / (a / (us * us) + b);
            let km = k.abs_diff(m);
            if km <= 15 {
                // Step 3.1: P(X = k) / P(X = m) by the ratio recurrence.
                let nr = (nf + 1.0) * r;
                let mut f = 1.0;
                if m < k {
                    for i in m + 1..=k {
                        f *= nr / i as f64 - r;
                    }
                } else {
                    for i in k + 1..=m {
                        v *= nr / i as f64 - r;
                    }
                }
                if v <= f {
                    return k;
                }
                continue;
            }
            // Step 3.2: squeeze on ln(P(X = k) / P(X = m)).
            let v = v.ln();
            let kmf = km as f64;
            let rho = (kmf / npq) * (((kmf / 3.0 + 0.625) * kmf + 1.0 / 6.0) / npq + 0.5);
            let t = -kmf * kmf / (2.0 * npq);
            if v < t - rho {
                return k;
            }
            if v > t + rho {
                continue;
            }
            // Steps 3.3-3.4: the log ratio by Stirling's formula with its error term.
            let (mf, kf) = (m as f64, k as f64);
            let nm = (n - m) as f64 + 1.0;
            let nk = (n - k) as f64 + 1.0;
            let h =
                (mf + 0.5) * ((mf + 1.0) / (r * nm)).ln() + stirling_tail(m) + stirling_tail(n - m);
            let bound =
                h + (nf + 1.0) * ((kf - mf) / nk).ln_1p() + (kf + 0.5) * (nk * r / (kf + 1.0)).ln()
                    - stirling_tail(k)
                    - stirling_tail(n - k);
            if v <= bound {
                return k;
            }
        }
    }
}

/// Exact Poisson(mu) draws, mu < 10, by inversion on the precomputed distribution function:
/// one uniform u, then the smallest k with `u < P(X <= k)` (past the table, which ends where
/// the terms fall below 1e-20, the search goes on with `P(X = k) / P(X = k - 1) = mu / k`).
#[derive(Debug, Clone)]
struct SmallPoisson {
    mu: f64,
    /// `P(X <= k)` for k = 0, 1, ...
    cdf: Vec<f64>,
    /// `P(X = k)` for the last k of the table.
    last_pmf: f64,
}

impl SmallPoisson {
    fn new(mu: f64) -> Self {
        let mut pmf = (-mu).exp();
        let mut cum = pmf;
        let mut cdf = vec![cum];
        let mut k = 0.0;
        while k < mu || pmf > 1e-20 {
            k += 1.0;
            pmf *= mu / k;
            cum += pmf;
            cdf.push(cum);
        }
        SmallPoisson {
            mu,
            cdf,
            last_pmf: pmf,
        }
    }

    fn sample(&self, rng: &mut Rng) -> u64 {
        loop {
            let u = uniform(rng);
            if let Some(k) = self.cdf.iter().position(|&c| u < c) {
                return k as u64;
            }
            let (mut k, mut pmf) = (self.cdf.len() as u64 - 1, self.last_pmf);
            let mut cum = self.cdf.last().copied().unwrap_or(0.0);
            while pmf > 0.0 {
                k += 1;
                pmf *= self.mu / k as f64;
                cum += pmf;
                if u < cum {
                    return k;
                }
            }
            // Rounding left u above the total: draw again.
        }
    }
}

/// Exact Poisson(mu) draws, mu >= 10, by PTRS, transformed rejection with squeeze
/// (W. Hörmann, "The transformed rejection method for generating Poisson random variables",
/// Insurance: Mathematics and Economics 12 (1993) 39-45; numpy's method for mu >= 10), with
/// the decomposition of the same author's BTRD: the box `|u| <= 0.43, v <= vr`, where the hat
/// lies under the distribution and every point is accepted, is drawn with a single uniform
/// (`u = v / vr - 0.43` for `v <= 0.86 vr`, about 75 % of draws, no logarithm); a point
/// elsewhere under the hat is accepted when `ln(v / alpha / (a / us^2 + b)) <= ln P(X = k)`,
/// with `ln k!` by Stirling's formula and its error term. Every constant depends on mu only,
/// so it is computed once. Names as in the paper.
///
/// Exact: a point uniform under the hat is kept with probability `P(X = k) / hat`, so the
/// k kept have the Poisson law (transformed rejection); the box is a region where that
/// probability is 1 (Hörmann's squeeze). The decomposition only changes how the uniform point
/// is drawn: the box, the strip `v > vr` and the tails `|u| > 0.43, v <= vr` are taken with
/// their probabilities `0.86 vr`, `1 - vr` and `0.14 vr`, and a uniform point within each.
#[derive(Debug, Clone, Copy)]
struct Ptrs {
    /// The cell drawn.
    cell: usize,
    mu: f64,
    ln_mu: f64,
    a: f64,
    /// 2 a.
    a2: f64,
    b: f64,
    /// mu + 0.43.
    c: f64,
    /// 1 / alpha.
    inv_alpha: f64,
    vr: f64,
    /// 1 / vr.
    inv_vr: f64,
    /// 0.86 vr: the probability of the box.
    urvr: f64,
}

impl Ptrs {
    fn new(cell: usize, mu: f64) -> Self {
        let b = 0.931 + 2.53 * mu.sqrt();
        let a = -0.059 + 0.02483 * b;
        let vr = 0.9277 - 3.6224 / (b - 2.0);
        Ptrs {
            cell,
            mu,
            ln_mu: mu.ln(),
            a,
            a2: 2.0 * a,
            b,
            c: mu + 0.43,
            inv_alpha: 1.1239 + 1.1328 / (b - 3.4),
            vr,
            inv_vr: 1.0 / vr,
            urvr: 0.86 * vr,
        }
    }

    /// The box step for a first uniform `v`: (true, k) when the point is in the box.
    #[inline(always)]
    fn in_box(&self, v: f64) -> (bool, u64) {
        let u = v * self.inv_vr - 0.43;
        let x = (self.a2 / (0.5 - u.abs()) + self.b) * u + self.c;
        // k = floor(x) (`as` truncates; x > 0 in the box for mu >= 10).
        (v <= self.urvr && x >= 0.0, x as i64 as u64)
    }

    /// The draw, from a first uniform `v` that the box step did not accept.
    fn finish(&self, rng: &mut Rng, first: f64) -> u64 {
        let mut v = first;
        loop {
            if let (true, k) = self.in_box(v) {
                return k;
            }
            if v > self.urvr {
                // A point elsewhere under the hat: v above vr with a new u, or |u| > 0.43
                // with a new v.
                let u = if v >= self.vr {
                    uniform(rng) - 0.5
                } else {
                    let w = v * self.inv_vr - 0.93;
                    v = uniform(rng) * self.vr;
                    0.5f64.copysign(w) - w
                };
                let us = 0.5 - u.abs();
                let x = (self.a2 / us + self.b) * u + self.c;
                if (0.0..4.0e18).contains(&x) && !(us < 0.013 && v > us) {
                    let k = x as i64 as u64;
                    let lhs = (v * self.inv_alpha / (self.a / (us * us) + self.b)).ln();
                    if lhs <= k as f64 * self.ln_mu - self.mu - ln_factorial(k) {
                        return k;
                    }
                }
            }
            v = uniform(rng);
        }
    }
}

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

/// A uniform integer in [0, n), n > 0, exactly (Lemire's multiply-and-reject method:
/// D. Lemire, "Fast random integer generation in an interval", ACM TOMACS 29 (2019)).
#[inline]
fn below(rng: &mut Rng, n: u64) -> u64 {
    let mut m = u128::from(rng.next_u64()) * u128::from(n);
    if (m as u64) < n {
        let threshold = n.wrapping_neg() % n;
        while (m as u64) < threshold {
            m = u128::from(rng.next_u64()) * u128::from(n);
        }
    }
    (m >> 64) as u64
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

/// Percentile interval of the defined replicate values; None when fewer than half of the
/// `replicates` were defined.
pub fn percentile_interval(
    values: &mut [f64],
    replicates: usize,
    confidence: f64,
) -> Option<Interval> {
    if values.is_empty() || values.len() * 2 < replicates {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let q = |p: f64| {
        // Linear interpolation between order statistics (numpy's default "linear" method).
        let pos = p * (values.len() - 1) as f64;
        let lo = pos.floor() as usize;
        let hi = pos.ceil() as usize;
        let frac = pos - lo as f64;
        values[lo] + (values[hi] - values[lo]) * frac
    };
    let a = (1.0 - confidence) / 2.0;
    Some(Interval {
        low: q(a),
        high: q(1.0 - a),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn same_content_same_stream() {
        let mut a = rng_for(3, "x", [1, 2]);
        let mut b = rng_for(3, "x", [1, 2]);
        let mut oa = Vec::new();
        let mut ob = Vec::new();
        resample(&mut a, &[10, 20], &mut oa);
        resample(&mut b, &[10, 20], &mut ob);
        assert_eq!(oa, ob);
    }

    #[test]
    fn percentile_interval_linear() {
        // numpy.percentile([1..=5], [2.5, 97.5]) = [1.1, 4.9]
        let mut v = vec![5.0, 1.0, 3.0, 2.0, 4.0];
        let i = percentile_interval(&mut v, 5, 0.95).unwrap();
        assert!((i.low - 1.1).abs() < 1e-12 && (i.high - 4.9).abs() < 1e-12);
        assert!(percentile_interval(&mut [1.0], 5, 0.95).is_none());
    }

    // Exactness of the generators: their draws against the exact laws, computed independently
    // with statrs. Seeds are fixed, so these tests are deterministic.

    /// Pearson's chi-square of draws (`observed[k]` = draws equal to `lo + k`, none outside)
    /// against `draws * pmf(k)`, pooling neighbouring values until each bin expects at least
    /// 5 draws (the mass outside the range joins the end bins). Asserts it is below the upper
    /// 1e-6 quantile of its chi-square law (Wilson-Hilferty approximation).
    fn assert_chi_square(what: &str, observed: &[u64], lo: u64, pmf: impl Fn(u64) -> f64) {
        let draws: u64 = observed.iter().sum();
        let expected: Vec<f64> = (0..observed.len() as u64)
            .map(|k| draws as f64 * pmf(lo + k))
            .collect();
        let outside = draws as f64 - expected.iter().sum::<f64>();
        let mut bins: Vec<(f64, f64)> = Vec::new();
        let (mut o, mut e) = (0.0, outside.max(0.0) / 2.0);
        for (ok, ek) in observed.iter().zip(&expected) {
            o += *ok as f64;
            e += ek;
            if e >= 5.0 {
                bins.push((o, e));
                (o, e) = (0.0, 0.0);
            }
        }
        e += outside.max(0.0) / 2.0;
        match bins.last_mut() {
            Some(last) => {
                last.0 += o;
                last.1 += e;
            }
            None => bins.push((o, e)),
        }
        let stat: f64 = bins.iter().map(|(o, e)| (o - e) * (o - e) / e).sum();
        let df = (bins.len() - 1).max(1) as f64;
        let z = 4.75;
        let limit = df * (1.0 - 2.0 / (9.0 * df) + z * (2.0 / (9.0 * df)).sqrt()).powi(3);
        assert!(
            stat < limit,
            "{what}: chi-square {stat:.1} on {df} degrees of freedom (limit {limit:.1})"
        );
    }

    /// Histogram of draws over [lo, hi]; panics on a draw outside.
    fn histogram(draws: impl Iterator<Item = u64>, lo: u64, hi: u64) -> Vec<u64> {
        let mut h = vec![0u64; (hi - lo + 1) as usize];
        for x in draws {
            assert!((lo..=hi).contains(&x), "draw {x} outside [{lo}, {hi}]");
            h[(x - lo) as usize] += 1;
        }
        h
    }

    /// [lo, hi] = mean -+ 12 sd (clipped to the support [0, max]).
    fn window(mean: f64, sd: f64, max: u64) -> (u64, u64) {
        let lo = (mean - 12.0 * sd - 1.0).max(0.0) as u64;
        let hi = ((mean + 12.0 * sd + 12.0) as u64).min(max);
        (lo, hi)
    }

    fn binomial_pmf(n: u64, p: f64) -> impl Fn(u64) -> f64 {
        use statrs::function::factorial::ln_binomial;
        move |k| {
            if k > n {
                return 0.0;
            }
            (ln_binomial(n, k) + k as f64 * p.ln() + (n - k) as f64 * (-p).ln_1p()).exp()
        }
    }

    fn poisson_pmf(mu: f64) -> impl Fn(u64) -> f64 {
        use statrs::function::factorial::ln_factorial as exact;
        move |k| (k as f64 * mu.ln() - mu - exact(k)).exp()
    }

    #[test]
    fn stirling_formula_matches_ln_factorial() {
        use statrs::function::factorial::ln_factorial as exact;
        for k in (0..400).chain([1_000, 12_345, 1 << 20, 3_000_000_000]) {
            let (a, b) = (ln_factorial(k), exact(k));
            assert!((a - b).abs() <= 1e-13 * b.max(1.0), "{k}: {a} {b}");
        }
    }

    #[test]
    fn binomial_draws_follow_the_binomial_law() {
        // Inversion (mode < 11), BTRD, both mirrored (p > 1/2), and n in the millions.
        let cases = [
            (20, 0.3),
            (1_000, 0.004),
            (45, 0.9),
            (60, 0.5),
            (10_000, 0.07),
            (1_000, 0.8),
            (2_000_000, 0.0009),
            (3_000_000, 0.37),
        ];
        let mut rng = rng_for(11, "binomial law", []);
        for (n, p) in cases {
            let b = FixedP::new(p);
            let (mean, sd) = (n as f64 * p, (n as f64 * p * (1.0 - p)).sqrt());
            let (lo, hi) = window(mean, sd, n);
            let draws = 100_000;
            let h = histogram((0..draws).map(|_| b.sample(&mut rng, n)), lo, hi);
            assert_chi_square(&format!("Binomial({n}, {p})"), &h, lo, binomial_pmf(n, p));
        }
        assert_eq!(FixedP::new(0.0).sample(&mut rng, 50), 0);
        assert_eq!(FixedP::new(1.0).sample(&mut rng, 50), 50);
        assert_eq!(FixedP::new(0.4).sample(&mut rng, 0), 0);
    }

    #[test]
    fn poisson_draws_follow_the_poisson_law() {
        let mut rng = rng_for(12, "poisson law", []);
        for mu in [0.3, 4.2, 9.99, 10.0, 23.7, 180.4, 5_000.5, 2.0e6] {
            let (lo, hi) = window(mu, mu.sqrt(), u64::MAX);
            let draws = 100_000;
            let h = if mu < 10.0 {
                let d = SmallPoisson::new(mu);
                histogram((0..draws).map(|_| d.sample(&mut rng)), lo, hi)
            } else {
                let d = Ptrs::new(0, mu);
                let draw = |rng: &mut Rng| {
                    let v = uniform(rng);
                    match d.in_box(v) {
                        (true, k) => k,
                        _ => d.finish(rng, v),
                    }
                };
                histogram((0..draws).map(|_| draw(&mut rng)), lo, hi)
            };
            assert_chi_square(&format!("Poisson({mu})"), &h, lo, poisson_pmf(mu));
        }
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
