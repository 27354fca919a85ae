//! The random generator of the bootstrap, its seeds derived from content, and uniform draws.

use rand::Rng as _;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

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

/// SplitMix64 (G. Steele, D. Lea, C. Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014): advances `state` and returns its next output. Seeded from the audit seed and a
/// row index it gives each row its own draw without a stream (the explanation model's fold of
/// each row).
#[inline]
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A uniform number in [0, 1): the top 53 bits of one 64-bit output, times 2^-53 (every value
/// is a multiple of 2^-53, each equally likely).
#[inline]
pub(super) fn uniform(rng: &mut Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

/// A uniform integer in [0, n), n > 0, exactly (Lemire's multiply-and-reject method:
/// D. Lemire, "Fast random integer generation in an interval", ACM TOMACS 29 (2019)).
#[inline]
pub(super) fn below(rng: &mut Rng, n: u64) -> u64 {
    let mut m = u128::from(rng.next_u64()) * u128::from(n);
    if (m as u64) < n {
        let threshold = n.wrapping_neg() % n;
        while (m as u64) < threshold {
            m = u128::from(rng.next_u64()) * u128::from(n);
        }
    }
    (m >> 64) as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::bootstrap::resample;

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
    fn splitmix64_is_the_published_generator() {
        // The reference implementation's first outputs from state 0.
        let mut s = 0;
        assert_eq!(splitmix64(&mut s), 0xE220_A839_7B1D_CDAF);
        assert_eq!(splitmix64(&mut s), 0x6E78_9E6A_A1B9_65F4);
    }
}
