//! Exact binomial draws for a fixed probability.

use super::rng::{Rng, uniform};
use super::stirling::stirling_tail;

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
pub(super) struct FixedP {
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
    pub(super) fn new(p: f64) -> Self {
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
    pub(super) fn sample(&self, rng: &mut Rng, n: u64) -> u64 {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::bootstrap::laws::{assert_chi_square, binomial_pmf, histogram, window};
    use crate::metrics::bootstrap::rng_for;

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
}
