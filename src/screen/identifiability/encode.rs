//! Integer codes per column and equivalence classes of code combinations.
//!
//! Every quasi-identifier is encoded once into dense `u32` codes (a missing value is a code of
//! its own: a blank tells a colleague something too). A combination of columns is counted by
//! folding the columns two at a time: `key = class * card + code`, made dense again through a
//! direct-address table when the key space is at most [`DENSE_LIMIT`], else through a hash map
//! with a multiplicative hash. Each fold is one pass over the items.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::data::columns::{Feature, FeatureValues};

/// Key spaces up to this size are counted in a direct-address table (16 MB of `u32`).
pub const DENSE_LIMIT: u64 = 1 << 22;

/// A column as dense codes.
#[derive(Debug, Clone)]
pub struct Encoded {
    pub name: String,
    /// One code per row, `0..card`.
    pub codes: Vec<u32>,
    pub card: u32,
    /// Rows per code.
    pub counts: Vec<u64>,
    /// For a numeric column: the value of each code (ascending); the missing code, if any, is
    /// the last and has no value.
    pub values: Option<Vec<f64>>,
    /// For a categorical column: the label of each code ("" for the missing code).
    pub labels: Vec<String>,
    /// Whether the last code stands for missing values.
    pub has_missing: bool,
}

impl Encoded {
    /// Distinct values, missing counted as one.
    pub fn distinct(&self) -> u64 {
        u64::from(self.card)
    }
}

/// Encodes a column: categorical levels keep their order; numeric values are sorted
/// (`total_cmp`), so codes follow the values.
pub fn encode(f: &Feature) -> Encoded {
    match &f.values {
        FeatureValues::Categorical { levels, codes } => {
            let nl = levels.len() as u32;
            let has_missing = codes.iter().any(|c| c.is_none_or(|c| c >= nl));
            let card = nl + u32::from(has_missing);
            let codes: Vec<u32> = codes
                .iter()
                .map(|c| c.filter(|&c| c < nl).unwrap_or(nl))
                .collect();
            let mut labels = levels.clone();
            if has_missing {
                labels.push(String::new());
            }
            finish(&f.name, codes, card, None, labels, has_missing)
        }
        FeatureValues::Numeric(v) => {
            let mut distinct: Vec<f64> = v
                .iter()
                .flatten()
                .copied()
                .filter(|x| x.is_finite())
                .collect();
            distinct.sort_unstable_by(f64::total_cmp);
            distinct.dedup_by(|a, b| a.total_cmp(b).is_eq());
            let nd = distinct.len() as u32;
            let has_missing = v.iter().any(|x| x.is_none_or(|x| !x.is_finite()));
            let codes: Vec<u32> = v
                .iter()
                .map(|x| match x.filter(|x| x.is_finite()) {
                    Some(x) => distinct
                        .binary_search_by(|d| d.total_cmp(&x))
                        .map_or(nd, |i| i as u32),
                    None => nd,
                })
                .collect();
            let labels = distinct.iter().map(|x| format!("{x}")).collect();
            finish(
                &f.name,
                codes,
                nd + u32::from(has_missing),
                Some(distinct),
                labels,
                has_missing,
            )
        }
    }
}

fn finish(
    name: &str,
    codes: Vec<u32>,
    card: u32,
    values: Option<Vec<f64>>,
    labels: Vec<String>,
    has_missing: bool,
) -> Encoded {
    let mut counts = vec![0u64; card as usize];
    for &c in &codes {
        counts[c as usize] += 1;
    }
    Encoded {
        name: name.to_string(),
        codes,
        card,
        counts,
        values,
        labels,
        has_missing,
    }
}

/// A multiplicative hash for `u64` keys (Fibonacci hashing with a final mix).
#[derive(Default)]
pub struct MixHasher(u64);

impl Hasher for MixHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, x: u64) {
        let h = (self.0 ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = h ^ (h >> 29);
    }
}

type MixMap = HashMap<u64, u32, BuildHasherDefault<MixHasher>>;

/// Reusable buffers for [`Classes::fold`].
#[derive(Default)]
pub struct Scratch {
    table: Vec<u32>,
    touched: Vec<u64>,
}

/// Equivalence classes of items (rows, or weighted distinct tuples): a dense class id per
/// item and the weight of each class.
#[derive(Debug, Clone)]
pub struct Classes {
    pub ids: Vec<u32>,
    pub card: u32,
}

impl Classes {
    /// One column's codes as classes.
    pub fn of(codes: &[u32], card: u32) -> Self {
        Classes {
            ids: codes.to_vec(),
            card,
        }
    }

    /// The classes refined by one more column (`codes`, `card` values): items share a class
    /// when they shared one and have the same code.
    pub fn fold(&self, codes: &[u32], card: u32, scratch: &mut Scratch) -> Self {
        let space = u64::from(self.card) * u64::from(card.max(1));
        let mut ids = Vec::with_capacity(self.ids.len());
        let mut next = 0u32;
        if space <= DENSE_LIMIT {
            let t = &mut scratch.table;
            if t.len() < space as usize {
                t.resize(space as usize, u32::MAX);
            }
            scratch.touched.clear();
            for (&a, &b) in self.ids.iter().zip(codes) {
                let key = u64::from(a) * u64::from(card) + u64::from(b);
                let slot = &mut t[key as usize];
                if *slot == u32::MAX {
                    *slot = next;
                    next += 1;
                    scratch.touched.push(key);
                }
                ids.push(*slot);
            }
            for &k in &scratch.touched {
                t[k as usize] = u32::MAX;
            }
        } else {
            let mut map = MixMap::default();
            for (&a, &b) in self.ids.iter().zip(codes) {
                let key = u64::from(a) * u64::from(card) + u64::from(b);
                let id = *map.entry(key).or_insert_with(|| {
                    next += 1;
                    next - 1
                });
                ids.push(id);
            }
        }
        Classes { ids, card: next }
    }

    /// The total weight of each class (`weights` None: one per item).
    pub fn sizes(&self, weights: Option<&[u32]>) -> Vec<u64> {
        let mut s = vec![0u64; self.card as usize];
        match weights {
            Some(w) => {
                for (&id, &w) in self.ids.iter().zip(w) {
                    s[id as usize] += u64::from(w);
                }
            }
            None => {
                for &id in &self.ids {
                    s[id as usize] += 1;
                }
            }
        }
        s
    }

    /// One representative item per class (the first).
    pub fn representatives(&self) -> Vec<u32> {
        let mut rep = vec![u32::MAX; self.card as usize];
        for (i, &id) in self.ids.iter().enumerate() {
            if rep[id as usize] == u32::MAX {
                rep[id as usize] = i as u32;
            }
        }
        rep
    }
}

/// The classes of the items on the given columns (codes per item, cards).
pub fn classes_of(cols: &[(&[u32], u32)], scratch: &mut Scratch) -> Classes {
    let Some(((first, card), rest)) = cols.split_first() else {
        return Classes {
            ids: Vec::new(),
            card: 0,
        };
    };
    let mut c = Classes::of(first, *card);
    for (codes, card) in rest {
        c = c.fold(codes, *card, scratch);
    }
    c
}
