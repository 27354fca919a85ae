//! Couriers.

use super::csv::{push_bit, push_fixed, push_padded, push_u64};
use super::people::{Person, Shares, draw_tenure, draw_union_mentions};
use super::rng::{Gen, det_exp, fixed, round_half_away, unfixed};

pub(super) const COURIER_SHARES: Shares = Shares {
    female: 0.30,
    age: [0.45, 0.38, 0.17],
    rural: 0.60,
    ethnicity: [0.04, 0.86, 0.035, 0.025, 0.02, 0.01, 0.01],
    disabled_by_age: [0.01, 0.015, 0.03],
};

/// Intercept of the platform's risk score (points; a low score is good for the courier).
pub const CR_BASE: f64 = 38.0;
/// Standard deviation of the risk score's unexplained noise (points).
pub const CR_NOISE_SD: f64 = 3.0;
/// Couriers scoring at or above this are sent to deactivation review.
pub const CR_REVIEW_AT: f64 = 60.0;
/// Every `CR_SMALL_EVERY`-th courier, from number `CR_SMALL_FIRST`, works at the small
/// station S21, whose records are harsh: 10 of each 12 get the marks below.
pub(super) const CR_SMALL_EVERY: usize = 640;
pub(super) const CR_SMALL_FIRST: usize = 321;

/// The inputs of the risk score, as printed in the file.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CourierInputs {
    pub tenure_months: u32,
    pub deliveries_per_week: u32,
    pub on_time_rate: f64,
    pub customer_complaints: u32,
    pub cancelled_orders: u32,
    pub sick_days: u32,
    pub home_distance_km: f64,
}

/// The platform's risk score before noise and clamping: steps and caps, as DATASHEET.md
/// section 6 states them.
pub fn courier_score(x: &CourierInputs) -> f64 {
    let complaints = match x.customer_complaints {
        0 => 0.0,
        1 | 2 => 8.0,
        _ => 20.0,
    };
    let late = (80.0 * (0.97 - x.on_time_rate)).clamp(0.0, 18.0)
        + if x.on_time_rate < 0.85 { 10.0 } else { 0.0 };
    let cancelled = (3.0 * f64::from(x.cancelled_orders)).min(15.0);
    let volume = (-0.1 * (f64::from(x.deliveries_per_week) - 100.0)).clamp(-6.0, 6.0);
    let sick = 2.5 * f64::from(x.sick_days.min(8));
    let far = if x.home_distance_km > 25.0 { 10.0 } else { 0.0 };
    let tenure = -f64::from(x.tenure_months.min(36)) / 6.0;
    CR_BASE + complaints + late + cancelled + volume + sick + far + tenure
}

pub(super) struct CourierRow {
    pub(super) person: Person,
    pub(super) station: u32,
    pub(super) inputs: CourierInputs,
    pub(super) union_chat_mentions: u32,
    /// Risk score in tenths of a point.
    pub(super) score_tenths: i64,
    pub(super) flagged: bool,
    pub(super) confirmed: bool,
}

pub(super) fn courier_row(g: &mut Gen, n: usize) -> CourierRow {
    let person = Person::draw(g, &COURIER_SHARES);
    let small = n >= CR_SMALL_FIRST && (n - CR_SMALL_FIRST) % CR_SMALL_EVERY == 0;
    let harsh = small && ((n - CR_SMALL_FIRST) / CR_SMALL_EVERY) % 6 != 5;
    let station = if small { 21 } else { 1 + g.below(20) };
    let tenure_months = draw_tenure(g, person.age, [8.0, 18.0, 30.0], [96, 180, 240]);
    let older = person.age == 2;
    // Older couriers: fewer complaints and cancellations, more punctual (experience).
    let care = if older { 0.45 } else { 1.0 };
    let skill = g.normal(0.0, 1.0);
    let far = g.chance(if person.rural { 0.75 } else { 0.12 });
    let home_distance_km = if far {
        g.lognormal(34.0, 0.25)
    } else {
        g.lognormal(9.0, 0.5)
    }
    .clamp(0.5, 120.0);
    let mut on_time = 0.945 + 0.02 * skill - if far { 0.012 } else { 0.0 }
        + if older { 0.015 } else { 0.0 }
        + g.normal(0.0, 0.02);
    let mut complaints = g.poisson(care * 0.9 * det_exp(-0.3 * skill));
    let mut cancelled = g.poisson(care * 1.2);
    let deliveries =
        round_half_away(g.normal(if older { 95.0 } else { 105.0 }, 22.0)).clamp(10, 250);
    let sick_lambda = [1.2, 1.6, 2.2][person.age] * if person.disabled { 2.0 } else { 1.0 };
    let frailty = g.lognormal(1.0, 0.5);
    let sick_days = g.poisson(sick_lambda * frailty).min(60);
    if small {
        if harsh {
            complaints = 3 + g.poisson(1.0);
            cancelled = 5 + g.poisson(1.0);
            on_time = 0.80 + 0.03 * g.u01();
        } else {
            complaints = 0;
            cancelled = 0;
            on_time = 0.975 + 0.02 * g.u01();
        }
    }
    let inputs = CourierInputs {
        tenure_months,
        deliveries_per_week: deliveries as u32,
        on_time_rate: unfixed(fixed(on_time.clamp(0.6, 1.0), 3), 3),
        customer_complaints: complaints,
        cancelled_orders: cancelled,
        sick_days,
        home_distance_km: unfixed(fixed(home_distance_km, 1), 1),
    };
    let union_chat_mentions = draw_union_mentions(g);
    let score = courier_score(&inputs) + g.normal(0.0, CR_NOISE_SD);
    let score_tenths = fixed(score.clamp(0.0, 100.0), 1);
    let flagged = unfixed(score_tenths, 1) >= CR_REVIEW_AT;
    // The later review looks only at complaints, lateness and cancellations.
    let evidence = 6.0 * f64::from(inputs.customer_complaints.min(5))
        + 100.0 * (0.95 - inputs.on_time_rate).max(0.0)
        + 2.0 * f64::from(inputs.cancelled_orders.min(8));
    let confirmed = evidence + g.normal(0.0, 4.0) > 14.0;
    CourierRow {
        person,
        station,
        inputs,
        union_chat_mentions,
        score_tenths,
        flagged,
        confirmed,
    }
}

impl CourierRow {
    pub(super) fn write(&self, buf: &mut Vec<u8>, n: usize, l: usize) {
        let (p, x) = (&self.person, &self.inputs);
        buf.push(b'C');
        push_padded(buf, n as u64, 7);
        p.write(buf, l);
        buf.extend_from_slice(b",S");
        push_padded(buf, u64::from(self.station), 2);
        buf.push(b',');
        push_u64(buf, u64::from(x.tenure_months));
        buf.push(b',');
        push_u64(buf, u64::from(x.deliveries_per_week));
        buf.push(b',');
        push_fixed(buf, fixed(x.on_time_rate, 3), 3);
        buf.push(b',');
        push_u64(buf, u64::from(x.customer_complaints));
        buf.push(b',');
        push_u64(buf, u64::from(x.cancelled_orders));
        buf.push(b',');
        push_u64(buf, u64::from(x.sick_days));
        buf.push(b',');
        push_fixed(buf, fixed(x.home_distance_km, 1), 1);
        buf.push(b',');
        push_u64(buf, u64::from(self.union_chat_mentions));
        buf.push(b',');
        push_fixed(buf, self.score_tenths, 1);
        buf.push(b',');
        push_bit(buf, self.flagged);
        buf.push(b',');
        push_bit(buf, self.confirmed);
        buf.push(b'\n');
    }
}
