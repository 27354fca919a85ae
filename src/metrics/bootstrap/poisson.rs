//! Exact Poisson draws for a fixed mean: inversion below 10, PTRS from 10 on.

use super::rng::{Rng, uniform};
use super::stirling::ln_factorial;

/// Exact Poisson(mu) draws, mu < 10, by inversion on the precomputed distribution function:
/// one uniform u, then the smallest k with `u < P(X <= k)` (past the table, which ends where
/// the terms fall below 1e-20, the search goes on with `P(X = k) / P(X = k - 1) = mu / k`).
#[derive(Debug, Clone)]
pub(super) struct SmallPoisson {
    mu: f64,
    /// `P(X <= k)` for k = 0, 1, ...
    cdf: Vec<f64>,
    /// `P(X = k)` for the last k of the table.
    last_pmf: f64,
}

impl SmallPoisson {
    pub(super) fn new(mu: f64) -> Self {
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

    pub(super) fn sample(&self, rng: &mut Rng) -> u64 {
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
pub(super) struct Ptrs {
    /// The cell drawn.
    pub(super) cell: usize,
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
    pub(super) fn new(cell: usize, mu: f64) -> Self {
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
    pub(super) fn in_box(&self, v: f64) -> (bool, u64) {
        let u = v * self.inv_vr - 0.43;
        let x = (self.a2 / (0.5 - u.abs()) + self.b) * u + self.c;
        // k = floor(x) (`as` truncates; x > 0 in the box for mu >= 10).
        (v <= self.urvr && x >= 0.0, x as i64 as u64)
    }

    /// The draw, from a first uniform `v` that the box step did not accept.
    pub(super) fn finish(&self, rng: &mut Rng, first: f64) -> u64 {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::bootstrap::laws::{assert_chi_square, histogram, poisson_pmf, window};
    use crate::metrics::bootstrap::rng_for;

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
}
