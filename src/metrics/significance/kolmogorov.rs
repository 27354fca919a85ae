//! The distribution of the two-sided one-sample Kolmogorov statistic `Dₙ` for finite `n`,
//! following scipy's `scipy.stats._ksstats._kolmogn` (which backs `scipy.stats.kstwo`).

const E128: f64 = 3.402_823_669_209_385e38; // 2^128
const EM128: f64 = 2.938_735_877_055_719e-39; // 2^-128
const LOG_2PI: f64 = 1.837_877_066_409_345_5;
const SQRT_2PI: f64 = 2.506_628_274_631_000_7;
const PI2: f64 = std::f64::consts::PI * std::f64::consts::PI;
/// `B_{2j}/(2j)/(2j-1)` for j = 8..1 (Stirling series), highest power first.
const STIRLING: [f64; 8] = [
    -3617.0 / 122_400.0,
    1.0 / 156.0,
    -691.0 / 360_360.0,
    1.0 / 1188.0,
    -1.0 / 1680.0,
    1.0 / 1260.0,
    -1.0 / 360.0,
    1.0 / 12.0,
];

fn clip(p: f64) -> f64 {
    if p.is_nan() { 1.0 } else { p.clamp(0.0, 1.0) }
}

/// `x · 2^e` without intermediate overflow.
fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

/// `ln(n! / nⁿ)` by Stirling's series.
fn log_nfactorial_div_n_pow_n(n: f64) -> f64 {
    let rn = 1.0 / n;
    let poly = STIRLING.iter().fold(0.0, |acc, &c| acc * (rn / n) + c);
    n.ln() / 2.0 - n + LOG_2PI / 2.0 + rn * poly
}

/// Survival function `P(Dₙ > x)`.
pub(super) fn kolmogn_sf(n: u64, x: f64) -> f64 {
    if x.is_nan() || n == 0 {
        return f64::NAN;
    }
    if x >= 1.0 {
        return 0.0;
    }
    if x <= 0.0 {
        return 1.0;
    }
    let nf = n as f64;
    let t = nf * x;
    if t <= 1.0 {
        if t <= 0.5 {
            return 1.0;
        }
        let cdf = if n <= 140 {
            (1..=n).fold(1.0, |acc, i| {
                acc * (i as f64 * (1.0 / nf) * (2.0 * t - 1.0))
            })
        } else {
            (log_nfactorial_div_n_pow_n(nf) + nf * (2.0 * t - 1.0).ln()).exp()
        };
        return clip(1.0 - cdf);
    }
    if t >= nf - 1.0 {
        return clip(2.0 * (1.0 - x).powf(nf));
    }
    if x >= 0.5 {
        return clip(2.0 * smirnov_sf(n, x));
    }
    let nxsquared = t * x;
    if n <= 140 {
        if nxsquared <= 0.754693 {
            return clip(1.0 - dmtw_cdf(n, x));
        }
        if nxsquared <= 4.0 {
            return clip(1.0 - pomeranz_cdf(n, x));
        }
        return clip(2.0 * smirnov_sf(n, x));
    }
    if nxsquared >= 370.0 {
        return 0.0;
    }
    if nxsquared >= 2.2 {
        return clip(2.0 * smirnov_sf(n, x));
    }
    let cdf = if n <= 100_000 && nf * x.powf(1.5) <= 1.4 {
        dmtw_cdf(n, x)
    } else {
        pelz_good_cdf(n, x)
    };
    clip(1.0 - cdf)
}

fn matmul(a: &[f64], b: &[f64], m: usize) -> Vec<f64> {
    let mut c = vec![0.0; m * m];
    for i in 0..m {
        for k in 0..m {
            let aik = a[i * m + k];
            if aik == 0.0 {
                continue;
            }
            for j in 0..m {
                c[i * m + j] += aik * b[k * m + j];
            }
        }
    }
    c
}

/// `P(Dₙ ≤ d)` by Durbin's matrix method as arranged by Marsaglia, Tsang & Wang (2003).
pub(super) fn dmtw_cdf(n: u64, d: f64) -> f64 {
    if d >= 1.0 {
        return 1.0;
    }
    let nf = n as f64;
    let nd = nf * d;
    if nd <= 0.5 {
        return 0.0;
    }
    let k = nd.ceil() as usize;
    let h = k as f64 - nd;
    let m = 2 * k - 1;
    let mut v = vec![0.0; m];
    let mut w = vec![0.0; m];
    let mut fac = 1.0;
    for j in 1..=m {
        w[j - 1] = fac;
        fac /= j as f64;
        v[j - 1] = (1.0 - h.powi(j as i32)) * fac;
    }
    let tt = (2.0 * h - 1.0).max(0.0).powi(m as i32) - 2.0 * h.powi(m as i32);
    v[m - 1] = (1.0 + tt) * fac;
    let mut hm = vec![0.0; m * m];
    for i in 1..m {
        for r in (i - 1)..m {
            hm[r * m + i] = w[r - (i - 1)];
        }
    }
    for r in 0..m {
        hm[r * m] = v[r];
    }
    for j in 0..m {
        hm[(m - 1) * m + j] = v[m - 1 - j];
    }
    let mut pwr = vec![0.0; m * m];
    for i in 0..m {
        pwr[i * m + i] = 1.0;
    }
    let mut nn = n;
    let mut expnt: i64 = 0;
    let mut h_expnt: i64 = 0;
    while nn > 0 {
        if nn % 2 == 1 {
            pwr = matmul(&pwr, &hm, m);
            expnt += h_expnt;
        }
        hm = matmul(&hm, &hm, m);
        h_expnt *= 2;
        if hm[(k - 1) * m + (k - 1)].abs() > E128 {
            for e in hm.iter_mut() {
                *e /= E128;
            }
            h_expnt += 128;
        }
        nn /= 2;
    }
    let mut p = pwr[(k - 1) * m + (k - 1)];
    for i in 1..=n {
        p = i as f64 * p / nf;
        if p.abs() < EM128 {
            p *= E128;
            expnt -= 128;
        }
    }
    if expnt != 0 {
        p = ldexp(p, expnt);
    }
    p.clamp(0.0, 1.0)
}

fn pomeranz_j1j2(i: i64, n: i64, ll: i64, ceilf: i64, roundf: i64) -> (i64, i64) {
    let (j1, j2) = if i == 0 {
        (-ll - ceilf - 1, ll + ceilf - 1)
    } else {
        let (ip1div2, ip1mod2) = ((i + 1) / 2, (i + 1) % 2);
        if ip1mod2 == 0 {
            if ip1div2 == n + 1 {
                (n - ll - ceilf - 1, n + ll + ceilf - 1)
            } else {
                (ip1div2 - 1 - ll - roundf - 1, ip1div2 + ll - 1 + ceilf - 1)
            }
        } else {
            (ip1div2 - 1 - ll - 1, ip1div2 + ll + roundf - 1)
        }
    };
    ((j1 + 2).max(0), j2.min(n))
}

/// `P(Dₙ ≤ x)` by Pomeranz's (1974) recursion.
pub(super) fn pomeranz_cdf(n: u64, x: f64) -> f64 {
    let nf = n as f64;
    let ni = n as i64;
    let t = nf * x;
    let ll = t.floor() as i64;
    let f = t - ll as f64;
    let g = f.min(1.0 - f);
    let ceilf = i64::from(f > 0.0);
    let roundf = i64::from(f > 0.5);
    let npwrs = (2 * (ll + 1)) as usize;
    let mut gpower = vec![1.0; npwrs];
    let mut twogpower = vec![1.0; npwrs];
    let mut onem2gpower = vec![1.0; npwrs];
    let (g_n, two_g_n, one_m2g_n) = (g / nf, 2.0 * g / nf, (1.0 - 2.0 * g) / nf);
    for m in 1..npwrs {
        gpower[m] = gpower[m - 1] * g_n / m as f64;
        twogpower[m] = twogpower[m - 1] * two_g_n / m as f64;
        onem2gpower[m] = onem2gpower[m - 1] * one_m2g_n / m as f64;
    }
    let mut v0 = vec![0.0; npwrs];
    let mut v1 = vec![0.0; npwrs];
    v1[0] = 1.0;
    let (mut v0s, mut v1s): (i64, i64) = (0, 0);
    let mut expnt: i64 = 0;
    let (mut j1, _) = pomeranz_j1j2(0, ni, ll, ceilf, roundf);
    for i in 1..(2 * ni + 2) {
        let k1 = j1;
        std::mem::swap(&mut v0, &mut v1);
        std::mem::swap(&mut v0s, &mut v1s);
        v1.iter_mut().for_each(|e| *e = 0.0);
        let (nj1, nj2) = pomeranz_j1j2(i, ni, ll, ceilf, roundf);
        j1 = nj1;
        let pwrs = if i == 1 || i == 2 * ni + 1 {
            &gpower
        } else if i % 2 == 1 {
            &twogpower
        } else {
            &onem2gpower
        };
        let ln2 = nj2 - k1 + 1;
        if ln2 > 0 {
            let start = (k1 - v0s).max(0) as usize;
            let end = ((k1 - v0s + ln2).max(0) as usize).min(npwrs);
            let a = &v0[start.min(end)..end];
            let b = &pwrs[..(ln2 as usize).min(npwrs)];
            let conv_start = nj1 - k1;
            let conv_len = nj2 - nj1 + 1;
            for idx in 0..conv_len.max(0) {
                let kk = conv_start + idx; // index into the full convolution
                if kk < 0 || idx as usize >= npwrs {
                    continue;
                }
                let kk = kk as usize;
                let mut s = 0.0;
                let lo = kk.saturating_sub(b.len().saturating_sub(1));
                for (ai, av) in a.iter().enumerate().take(kk + 1).skip(lo) {
                    s += av * b[kk - ai];
                }
                v1[idx as usize] = s;
            }
            let mx = v1.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            if mx > 0.0 && mx < EM128 {
                v1.iter_mut().for_each(|e| *e *= E128);
                expnt -= 128;
            }
            v1s = v0s + nj1 - k1;
        }
    }
    let idx = ni - v1s;
    let mut ans = if idx >= 0 && (idx as usize) < npwrs {
        v1[idx as usize]
    } else {
        0.0
    };
    for m in 1..=n {
        if ans.abs() > E128 {
            ans *= EM128;
            expnt += 128;
        }
        ans *= m as f64;
    }
    if expnt != 0 {
        ans = ldexp(ans, expnt);
    }
    ans.clamp(0.0, 1.0)
}

/// `P(Dₙ ≤ x)` by the Pelz–Good (1976) asymptotic expansion.
pub(super) fn pelz_good_cdf(n: u64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let nf = n as f64;
    let z = nf.sqrt() * x;
    let (z2, z3, z4, z6) = (z * z, z.powi(3), z.powi(4), z.powi(6));
    let qlog = -PI2 / 8.0 / z2;
    if qlog < -708.0 {
        return 0.0;
    }
    let q = qlog.exp();
    let pi4 = PI2 * PI2;
    let pi6 = pi4 * PI2;
    let k1a = -z2;
    let k1b = PI2 / 4.0;
    let k2a = 6.0 * z6 + 2.0 * z4;
    let k2b = (2.0 * z4 - 5.0 * z2) * PI2 / 4.0;
    let k2c = pi4 * (1.0 - 2.0 * z2) / 16.0;
    let k3d = pi6 * (5.0 - 30.0 * z2) / 64.0;
    let k3c = pi4 * (-60.0 * z2 + 212.0 * z4) / 16.0;
    let k3b = PI2 * (135.0 * z4 - 96.0 * z6) / 4.0;
    let k3a = -30.0 * z6 - 90.0 * z.powi(8);
    let mut kk = [0.0f64; 4];
    let maxk = (16.0 * z / std::f64::consts::PI).ceil() as i64;
    for k in (1..=maxk).rev() {
        let m = (2 * k - 1) as f64;
        let (m2, m4, m6) = (m * m, m.powi(4), m.powi(6));
        let qpower = q.powf((8 * k) as f64);
        let coeffs = [
            1.0,
            k1a + k1b * m2,
            k2a + k2b * m2 + k2c * m4,
            k3a + k3b * m2 + k3c * m4 + k3d * m6,
        ];
        for (acc, c) in kk.iter_mut().zip(coeffs) {
            *acc = *acc * qpower + c;
        }
    }
    let denoms = [z, 6.0 * z4, 72.0 * z.powi(7), 6480.0 * z.powi(10)];
    for (acc, dn) in kk.iter_mut().zip(denoms) {
        *acc = *acc * q * SQRT_2PI / dn;
    }
    let q2 = (-PI2 / 2.0 / z2).exp();
    let sqrt3z = 3f64.sqrt() * z;
    let (mut k2extra, mut k3extra) = (0.0, 0.0);
    for k in (1..=maxk).rev() {
        let kf = k as f64;
        let ksq = kf * kf;
        let qp = q2.powf(ksq);
        let kspi = std::f64::consts::PI * kf;
        k2extra += ksq * qp;
        k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
    }
    kk[2] += k2extra * PI2 * SQRT_2PI / (-36.0 * z3);
    kk[3] += k3extra * PI2 * SQRT_2PI / (216.0 * z6);
    let mut total = 0.0;
    for (i, acc) in kk.iter().enumerate() {
        total += acc / nf.powf(i as f64 / 2.0);
    }
    total
}

/// One-sided Smirnov survival function `P(Dₙ⁺ > x)` by the Birnbaum–Tingey sum
/// `x · Σ_{v=0}^{⌊n(1-x)⌋} C(n, v) (1 - x - v/n)^(n-v) (x + v/n)^(v-1)`, as
/// `scipy.special.smirnov` (including its approximation `exp(-(6nx+1)²/(18n))` for
/// `n > 10⁶`).
pub(super) fn smirnov_sf(n: u64, x: f64) -> f64 {
    if !(0.0..=1.0).contains(&x) || n == 0 {
        return f64::NAN;
    }
    if n == 1 {
        return 1.0 - x;
    }
    if x == 0.0 {
        return 1.0;
    }
    if x == 1.0 {
        return 0.0;
    }
    let nf = n as f64;
    let nx = nf * x;
    let mut nxfl = nx.floor();
    let mut alpha = nx - nxfl;
    if alpha >= 1.0 {
        nxfl += 1.0;
        alpha = 0.0;
    }
    if nxfl == 0.0 || (nxfl == 1.0 && alpha == 0.0) {
        let cdf = x * (1.0 + x).powf(nf - 1.0);
        return 1.0 - cdf;
    }
    // MINLOG of cephes: ln(2^-1022)
    if -2.0 * nf * x * x < -7.083_964_185_322_641e2 {
        return 0.0;
    }
    if nxfl >= nf - 1.0 {
        return (1.0 - x).powf(nf);
    }
    if n > 1_000_000 {
        let logp = -(6.0 * nx + 1.0).powi(2) / 18.0 / nf;
        return if logp < -std::f64::consts::LN_2 {
            logp.exp()
        } else {
            1.0 + logp.exp_m1()
        };
    }
    let last = n - nxfl as u64 - 1; // largest v with 1 - x - v/n > 0
    let n_terms = last + 1;
    let mut sum = (1.0 - x).powf(nf) / x; // v = 0
    let mut ln_c = 0.0; // ln C(n, v)
    let mut seen_nonzero = sum > 0.0;
    for v in 1..n_terms {
        ln_c += ((n - v + 1) as f64 / v as f64).ln();
        let vf = v as f64;
        let b2 = ((nf - vf) - nx) / nf; // 1 - x - v/n
        let b1 = (nx + vf) / nf; // x + v/n
        if b2 <= 0.0 {
            break;
        }
        let ln_term = ln_c + (nf - vf) * b2.ln() + (vf - 1.0) * b1.ln();
        let term = ln_term.exp();
        if term > 0.0 {
            sum += term;
            seen_nonzero = true;
            if 4.0 * (n_terms - v) as f64 * term < f64::EPSILON * sum && v != n_terms - 1 {
                break;
            }
        } else if seen_nonzero && v > n / 2 {
            break;
        }
    }
    (x * sum).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use crate::metrics::significance::kolmogorov;
    use crate::metrics::test_support::rel;

    /// Relative tolerance for p-values and other iterative results.
    const P_TOL: f64 = 1e-6;

    #[test]
    fn kolmogorov_distribution_every_branch() {
        // scipy 1.17.1: kstwo.sf(x, n); the comment names the branch of scipy's _kolmogn
        let cases: [(u64, f64, f64); 15] = [
            (10, 0.03, 1.0),                          // n·x <= 0.5
            (10, 0.08, 0.9999978058034054),           // Ruben-Gambino, n·x <= 1
            (10, 0.95, 1.9531250000000172e-13),       // Ruben-Gambino, n·x >= n - 1
            (10, 0.6, 0.0005681672000000003),         // x >= 0.5: 2·smirnov
            (100, 0.05, 0.9532159710635725),          // n <= 140: Durbin matrix
            (100, 0.15, 0.019839242125641813),        // n <= 140: Pomeranz
            (100, 0.25, 5.408871776434847e-06),       // n <= 140: 2·smirnov
            (1000, 0.01, 0.9999496745370611),         // Durbin matrix
            (1000, 0.02, 0.8108971656895577),         // Pelz-Good
            (1000, 0.05, 0.013012074781090332),       // 2·smirnov
            (1000, 0.7, 0.0),                         // x >= 0.5: 2·smirnov underflows
            (200_000, 0.001, 0.9881500208855729),     // n > 100000: Pelz-Good
            (2_000_000, 0.002, 2.247704493692889e-7), // smirnov, n > 1e6 approximation
            (2_000_000, 0.0005, 0.6991771101944892),  // Pelz-Good
            (50_000, 0.3, 0.0),                       // n·x² >= 370
        ];
        for (n, x, expected) in cases {
            let got = kolmogorov::kolmogn_sf(n, x);
            if expected == 0.0 {
                assert!(got < 1e-300, "n={n} x={x}: {got:e}");
            } else {
                rel(got, expected, P_TOL);
            }
        }
    }
}
