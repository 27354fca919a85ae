//! Checks of the generators' exactness: their draws against the exact laws, computed
//! independently with statrs. Seeds are fixed, so the tests that use them are deterministic.

/// Pearson's chi-square of draws (`observed[k]` = draws equal to `lo + k`, none outside)
/// against `draws * pmf(k)`, pooling neighbouring values until each bin expects at least
/// 5 draws (the mass outside the range joins the end bins). Asserts it is below the upper
/// 1e-6 quantile of its chi-square law (Wilson-Hilferty approximation).
pub(super) fn assert_chi_square(what: &str, observed: &[u64], lo: u64, pmf: impl Fn(u64) -> f64) {
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
pub(super) fn histogram(draws: impl Iterator<Item = u64>, lo: u64, hi: u64) -> Vec<u64> {
    let mut h = vec![0u64; (hi - lo + 1) as usize];
    for x in draws {
        assert!((lo..=hi).contains(&x), "draw {x} outside [{lo}, {hi}]");
        h[(x - lo) as usize] += 1;
    }
    h
}

/// [lo, hi] = mean -+ 12 sd (clipped to the support [0, max]).
pub(super) fn window(mean: f64, sd: f64, max: u64) -> (u64, u64) {
    let lo = (mean - 12.0 * sd - 1.0).max(0.0) as u64;
    let hi = ((mean + 12.0 * sd + 12.0) as u64).min(max);
    (lo, hi)
}

pub(super) fn binomial_pmf(n: u64, p: f64) -> impl Fn(u64) -> f64 {
    use statrs::function::factorial::ln_binomial;
    move |k| {
        if k > n {
            return 0.0;
        }
        (ln_binomial(n, k) + k as f64 * p.ln() + (n - k) as f64 * (-p).ln_1p()).exp()
    }
}

pub(super) fn poisson_pmf(mu: f64) -> impl Fn(u64) -> f64 {
    use statrs::function::factorial::ln_factorial as exact;
    move |k| (k as f64 * mu.ln() - mu - exact(k)).exp()
}
