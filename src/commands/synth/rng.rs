//! Random numbers: one ChaCha8 stream, only `next_u64`, portable maths.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::dataset::Dataset;

pub(super) const TWO_POW_M53: f64 = 1.0 / 9_007_199_254_740_992.0;
pub(super) const LN2: f64 = std::f64::consts::LN_2;

pub(super) struct Gen {
    pub(super) rng: ChaCha8Rng,
    pub(super) zig: &'static Ziggurat,
}

impl Gen {
    pub(super) fn new(seed: u64, dataset: Dataset) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(dataset.stream());
        Gen {
            rng,
            zig: Ziggurat::get(),
        }
    }

    /// Uniform on the open interval (0, 1), 53 random bits.
    pub(super) fn u01(&mut self) -> f64 {
        ((self.rng.next_u64() >> 11) as f64 + 0.5) * TWO_POW_M53
    }

    pub(super) fn chance(&mut self, p: f64) -> bool {
        self.u01() < p
    }

    /// Uniform integer in `0..n` (`n > 0`).
    pub(super) fn below(&mut self, n: u32) -> u32 {
        ((self.u01() * f64::from(n)) as u32).min(n - 1)
    }

    /// Index drawn with the given weights (which sum to about 1).
    pub(super) fn pick(&mut self, weights: &[f64]) -> usize {
        let mut u = self.u01();
        for (i, w) in weights.iter().enumerate() {
            if u < *w {
                return i;
            }
            u -= w;
        }
        weights.len() - 1
    }

    /// Standard normal, by Marsaglia and Tsang's ziggurat: one 64-bit draw and one comparison
    /// almost every time; the rare edge and tail cases use the portable `exp` and `ln`.
    pub(super) fn std_normal(&mut self) -> f64 {
        let z = self.zig;
        loop {
            let bits = self.rng.next_u64();
            let hz = bits as u32 as i32;
            let iz = ((bits >> 32) & 127) as usize;
            let x = f64::from(hz) * z.w[iz];
            if hz.unsigned_abs() < z.k[iz] {
                return x;
            }
            if iz == 0 {
                // The tail beyond ZIG_R (Marsaglia's method).
                loop {
                    let t = -det_ln(self.u01()) / ZIG_R;
                    let y = -det_ln(self.u01());
                    if y + y >= t * t {
                        return if hz > 0 { ZIG_R + t } else { -ZIG_R - t };
                    }
                }
            }
            if z.f[iz] + self.u01() * (z.f[iz - 1] - z.f[iz]) < det_exp(-0.5 * x * x) {
                return x;
            }
        }
    }

    pub(super) fn normal(&mut self, mean: f64, sd: f64) -> f64 {
        mean + sd * self.std_normal()
    }

    /// Log-normal with the given median and log-scale standard deviation.
    pub(super) fn lognormal(&mut self, median: f64, sigma: f64) -> f64 {
        median * det_exp(sigma * self.std_normal())
    }

    /// Poisson count: inversion (one uniform) below 30, rounded normal above.
    pub(super) fn poisson(&mut self, lambda: f64) -> u32 {
        if lambda <= 0.0 {
            return 0;
        }
        if lambda >= 30.0 {
            let x = round_half_away(lambda + lambda.sqrt() * self.std_normal());
            return x.clamp(0, 1_000_000) as u32;
        }
        let u = self.u01();
        let mut k = 0u32;
        let mut p = det_exp(-lambda);
        let mut cdf = p;
        // p reaches zero long before k = 1000, which ends the loop even if rounding keeps the
        // running sum just below u.
        while u > cdf && p > 0.0 && k < 1000 {
            k += 1;
            let inv_k = match RECIPROCALS.get(k as usize) {
                Some(r) => *r,
                None => 1.0 / f64::from(k),
            };
            p *= lambda * inv_k;
            cdf += p;
        }
        k
    }
}

/// Start of the tail of the 128-layer normal ziggurat.
pub(super) const ZIG_R: f64 = 3.442_619_855_899;
/// Area of each ziggurat layer.
pub(super) const ZIG_V: f64 = 9.912_563_035_262_17e-3;

/// Tables of the 128-layer normal ziggurat (Marsaglia and Tsang 2000), built once with the
/// portable `exp` and `ln`, so they are the same on every platform.
pub(super) struct Ziggurat {
    pub(super) k: [u32; 128],
    pub(super) w: [f64; 128],
    pub(super) f: [f64; 128],
}

impl Ziggurat {
    pub(super) fn get() -> &'static Ziggurat {
        static TABLES: std::sync::OnceLock<Ziggurat> = std::sync::OnceLock::new();
        TABLES.get_or_init(Ziggurat::build)
    }

    pub(super) fn build() -> Ziggurat {
        const M1: f64 = 2_147_483_648.0; // 2^31
        let mut z = Ziggurat {
            k: [0; 128],
            w: [0.0; 128],
            f: [0.0; 128],
        };
        let mut dn = ZIG_R;
        let mut tn = dn;
        let q = ZIG_V / det_exp(-0.5 * dn * dn);
        z.k[0] = (dn / q * M1) as u32;
        z.k[1] = 0;
        z.w[0] = q / M1;
        z.w[127] = dn / M1;
        z.f[0] = 1.0;
        z.f[127] = det_exp(-0.5 * dn * dn);
        for i in (1..=126).rev() {
            dn = (-2.0 * det_ln(ZIG_V / dn + det_exp(-0.5 * dn * dn))).sqrt();
            z.k[i + 1] = (dn / tn * M1) as u32;
            tn = dn;
            z.f[i] = det_exp(-0.5 * dn * dn);
            z.w[i] = dn / M1;
        }
        z
    }
}

/// 1/k for k < 64 (index 0 unused): multiplying is much faster than dividing.
pub(super) const RECIPROCALS: [f64; 64] = {
    let mut r = [0.0; 64];
    let mut k = 1;
    while k < 64 {
        r[k] = 1.0 / k as f64;
        k += 1;
    }
    r
};

/// Rounds half away from zero with a truncating cast (no libm call; exact and portable).
pub(super) fn round_half_away(x: f64) -> i64 {
    if x >= 0.0 {
        (x + 0.5) as i64
    } else {
        (x - 0.5) as i64
    }
}

/// 1/n! for n = 0..=13: Taylor coefficients of the exponential.
pub(super) const EXP_COEF: [f64; 14] = [
    1.0,
    1.0,
    1.0 / 2.0,
    1.0 / 6.0,
    1.0 / 24.0,
    1.0 / 120.0,
    1.0 / 720.0,
    1.0 / 5040.0,
    1.0 / 40_320.0,
    1.0 / 362_880.0,
    1.0 / 3_628_800.0,
    1.0 / 39_916_800.0,
    1.0 / 479_001_600.0,
    1.0 / 6_227_020_800.0,
];

/// 1/(2k+1) for k = 0..12: coefficients of the atanh series.
pub(super) const LN_COEF: [f64; 12] = [
    1.0,
    1.0 / 3.0,
    1.0 / 5.0,
    1.0 / 7.0,
    1.0 / 9.0,
    1.0 / 11.0,
    1.0 / 13.0,
    1.0 / 15.0,
    1.0 / 17.0,
    1.0 / 19.0,
    1.0 / 21.0,
    1.0 / 23.0,
];

/// `e^x` from `+ - *` only, so it gives the same bits on every platform (relative error
/// below 1e-15; `x` is clamped to [-700, 700]).
pub(super) fn det_exp(x: f64) -> f64 {
    const INV_LN2: f64 = std::f64::consts::LOG2_E;
    const LN2_HI: f64 = 6.931_471_803_691_238e-1;
    const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;
    let x = x.clamp(-700.0, 700.0);
    let k = round_half_away(x * INV_LN2);
    let kf = k as f64;
    let r = (x - kf * LN2_HI) - kf * LN2_LO; // |r| <= 0.35
    // Taylor polynomial of degree 13 in Estrin's scheme (short dependency chains).
    let c = &EXP_COEF;
    let r2 = r * r;
    let r4 = r2 * r2;
    let r8 = r4 * r4;
    let b0 = (c[0] + c[1] * r) + (c[2] + c[3] * r) * r2;
    let b1 = (c[4] + c[5] * r) + (c[6] + c[7] * r) * r2;
    let b2 = (c[8] + c[9] * r) + (c[10] + c[11] * r) * r2;
    let b3 = c[12] + c[13] * r;
    let p = (b0 + b1 * r4) + (b2 + b3 * r4) * r8;
    // k is in [-1010, 1010], so 2^k is a normal float.
    p * f64::from_bits(((k + 1023) as u64) << 52)
}

/// Natural logarithm from `+ - * /` only (`x` positive and normal).
pub(super) fn det_ln(x: f64) -> f64 {
    if x < f64::MIN_POSITIVE {
        return -708.0;
    }
    let bits = x.to_bits();
    let mut e = ((bits >> 52) & 0x7ff) as i64 - 1023;
    let mut m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    if m > std::f64::consts::SQRT_2 {
        m *= 0.5;
        e += 1;
    }
    // ln m = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...), |s| < 0.172, in Estrin's scheme.
    let s = (m - 1.0) / (m + 1.0);
    let q = s * s;
    let q2 = q * q;
    let q4 = q2 * q2;
    let q8 = q4 * q4;
    let c = &LN_COEF;
    let b0 = (c[0] + c[1] * q) + (c[2] + c[3] * q) * q2;
    let b1 = (c[4] + c[5] * q) + (c[6] + c[7] * q) * q2;
    let b2 = (c[8] + c[9] * q) + (c[10] + c[11] * q) * q2;
    let p = (b0 + b1 * q4) + b2 * q8;
    2.0 * s * p + e as f64 * LN2
}

pub(super) fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + det_exp(-x))
}

/// `x` rounded to `decimals` places, as an integer count of 10^-decimals.
pub(super) fn fixed(x: f64, decimals: i32) -> i64 {
    let scale = [1.0, 10.0, 100.0, 1000.0][decimals as usize];
    round_half_away(x * scale)
}

pub(super) fn unfixed(v: i64, decimals: i32) -> f64 {
    let scale = [1.0, 10.0, 100.0, 1000.0][decimals as usize];
    v as f64 / scale
}
