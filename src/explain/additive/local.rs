//! The held-out residuals along each input, for the model's local bias.

use super::basis::Value;

/// The held-out residuals along one input: for a number, the workers sorted by its value with
/// running sums of their residuals; for a category, each level's sum and count.
#[derive(Debug, Clone, Default)]
pub struct Local {
    /// The knots of the input's shape: a window never crosses one.
    knots: Vec<f64>,
    x: Vec<f64>,
    cum: Vec<f64>,
    cum2: Vec<f64>,
    levels: Vec<(f64, f64, u64)>,
}

/// Workers in the window whose mean residual estimates the model's bias at a value: 1 % of
/// the workers, at least 200 and at most 2,000.
fn window(n: usize) -> usize {
    (n / 100).clamp(200, 2000).min(n)
}

impl Local {
    pub(super) fn numeric(values: &[Option<f64>], resid: &[f64], knots: &[f64]) -> Local {
        let mut pairs: Vec<(f64, f64)> = values
            .iter()
            .zip(resid)
            .filter_map(|(v, r)| v.filter(|x| x.is_finite()).map(|x| (x, *r)))
            .collect();
        pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut cum = Vec::with_capacity(pairs.len() + 1);
        let mut cum2 = Vec::with_capacity(pairs.len() + 1);
        let (mut s, mut s2) = (0.0, 0.0);
        cum.push(0.0);
        cum2.push(0.0);
        for (_, r) in &pairs {
            s += r;
            s2 += r * r;
            cum.push(s);
            cum2.push(s2);
        }
        Local {
            knots: knots.to_vec(),
            x: pairs.into_iter().map(|p| p.0).collect(),
            cum,
            cum2,
            levels: Vec::new(),
        }
    }

    pub(super) fn categorical(codes: &[Option<u32>], n_levels: usize, resid: &[f64]) -> Local {
        let mut levels = vec![(0.0, 0.0, 0u64); n_levels];
        for (c, r) in codes.iter().zip(resid) {
            if let Some(l) = c.and_then(|c| levels.get_mut(c as usize)) {
                l.0 += r;
                l.1 += r * r;
                l.2 += 1;
            }
        }
        Local {
            levels,
            ..Local::default()
        }
    }

    /// The mean held-out residual at `v`, and the variance of that mean: from the workers with
    /// exactly this value (at least 10; the shape may jump at a value) or from the workers
    /// nearest to it within the same interval between two knots (where the shape is one
    /// straight piece), whichever estimate has the smaller variance.
    pub(super) fn at(&self, v: Value) -> Option<(f64, f64)> {
        let stats = |lo: usize, hi: usize| {
            (
                self.cum[hi] - self.cum[lo],
                self.cum2[hi] - self.cum2[lo],
                (hi - lo) as u64,
            )
        };
        let (s, s2, k) = match v {
            Value::Num(Some(x)) => {
                let n = self.x.len();
                if n == 0 {
                    return None;
                }
                let first = self.x.partition_point(|&a| a < x);
                let end = self.x.partition_point(|&a| a <= x);
                // The piece of the shape holding x: [left knot, right knot).
                let left = self
                    .knots
                    .iter()
                    .copied()
                    .filter(|&k| k <= x)
                    .fold(f64::NEG_INFINITY, f64::max);
                let right = self
                    .knots
                    .iter()
                    .copied()
                    .filter(|&k| k > x)
                    .fold(f64::INFINITY, f64::min);
                let a = self.x.partition_point(|&u| u < left);
                let b = self.x.partition_point(|&u| u < right);
                let k = window(n).min(b - a);
                let lo = first.saturating_sub(k / 2).max(a).min(b.saturating_sub(k));
                let near = mean_var(stats(lo, lo + k));
                let exact = (end - first >= 10)
                    .then(|| mean_var(stats(first, end)))
                    .flatten();
                return match (near, exact) {
                    (Some(a), Some(b)) => Some(if b.1 < a.1 { b } else { a }),
                    (a, b) => a.or(b),
                };
            }
            Value::Cat(Some(c)) => *self.levels.get(c as usize)?,
            _ => return None,
        };
        mean_var((s, s2, k))
    }
}

/// The mean of `k` residuals with sum `s` and sum of squares `s2`, and its variance.
fn mean_var((s, s2, k): (f64, f64, u64)) -> Option<(f64, f64)> {
    if k < 2 {
        return None;
    }
    let kf = k as f64;
    let mean = s / kf;
    let var = ((s2 - kf * mean * mean) / (kf - 1.0)).max(0.0);
    Some((mean, var / kf))
}
