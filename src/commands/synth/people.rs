//! People: the group attributes shared by all datasets.

use super::csv::push_text;
use super::rng::{Gen, round_half_away};
use super::tables::{AGE_BAND, ETHNICITY, HUKOU, SEX, YES_NO};

pub(super) struct Shares {
    pub(super) female: f64,
    pub(super) age: [f64; 3],
    pub(super) rural: f64,
    /// First entry is "not recorded" (empty cell), then the `ETHNICITY` order.
    pub(super) ethnicity: [f64; 7],
    pub(super) disabled_by_age: [f64; 3],
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Person {
    pub(super) female: bool,
    /// 0 = 18-29, 1 = 30-44, 2 = 45+.
    pub(super) age: usize,
    pub(super) rural: bool,
    /// Index into `ETHNICITY`; `None` = not recorded.
    pub(super) ethnicity: Option<usize>,
    pub(super) disabled: bool,
}

impl Person {
    pub(super) fn draw(g: &mut Gen, s: &Shares) -> Person {
        let ethnicity = g.pick(&s.ethnicity).checked_sub(1);
        let female = g.chance(s.female);
        let age = g.pick(&s.age);
        let rural = g.chance(s.rural);
        let disabled = g.chance(s.disabled_by_age[age]);
        Person {
            female,
            age,
            rural,
            ethnicity,
            disabled,
        }
    }

    /// Writes `,sex,age_band,hukou,ethnicity,disability`.
    pub(super) fn write(&self, buf: &mut Vec<u8>, l: usize) {
        buf.push(b',');
        push_text(buf, SEX[usize::from(!self.female)][l]);
        buf.push(b',');
        push_text(buf, AGE_BAND[self.age][l]);
        buf.push(b',');
        push_text(buf, HUKOU[usize::from(self.rural)][l]);
        buf.push(b',');
        if let Some(e) = self.ethnicity {
            push_text(buf, ETHNICITY[e][l]);
        }
        buf.push(b',');
        push_text(buf, YES_NO[usize::from(!self.disabled)][l]);
    }
}

/// Tenure in whole months: log-normal around an age-dependent median, within [1, cap].
pub(super) fn draw_tenure(g: &mut Gen, age: usize, medians: [f64; 3], caps: [i64; 3]) -> u32 {
    round_half_away(g.lognormal(medians[age], 0.8)).clamp(1, caps[age]) as u32
}

/// Union-chat mentions in the last 90 days: most workers never or rarely mention the union,
/// about 15 % are active. Independent of everything else, and used by neither score.
pub(super) fn draw_union_mentions(g: &mut Gen) -> u32 {
    if g.chance(0.15) {
        g.poisson(4.0)
    } else {
        g.poisson(0.2)
    }
}
