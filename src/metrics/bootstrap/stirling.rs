//! `ln k!` by Stirling's formula with its error term, for the rejection steps of the binomial
//! and Poisson generators.

/// `fc(k) = ln k! - [(k + 1/2) ln(k + 1) - (k + 1) + ln(2 pi) / 2]`, the error of Stirling's
/// formula for `ln k!`: exact values for k < 10 (as in Hörmann's BTRD and Boost), the
/// asymptotic series `1/12x - 1/360x^3 + 1/1260x^5 - 1/1680x^7 + 1/1188x^9` (x = k + 1) from
/// 10 on, where its error is below 1e-14.
pub(super) fn stirling_tail(k: u64) -> f64 {
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
pub(super) fn ln_factorial(k: u64) -> f64 {
    const HALF_LN_2PI: f64 = 0.918_938_533_204_672_8;
    let x = k as f64 + 1.0;
    (x - 0.5) * x.ln() - x + HALF_LN_2PI + stirling_tail(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stirling_formula_matches_ln_factorial() {
        use statrs::function::factorial::ln_factorial as exact;
        for k in (0..400).chain([1_000, 12_345, 1 << 20, 3_000_000_000]) {
            let (a, b) = (ln_factorial(k), exact(k));
            assert!((a - b).abs() <= 1e-13 * b.max(1.0), "{k}: {a} {b}");
        }
    }
}
