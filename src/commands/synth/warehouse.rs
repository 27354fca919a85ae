//! Warehouse.

use super::csv::{push_bit, push_fixed, push_padded, push_text, push_u64};
use super::people::{Person, Shares, draw_tenure, draw_union_mentions};
use super::rng::{Gen, det_exp, fixed, round_half_away, unfixed};
use super::tables::SHIFT;

pub(super) const WAREHOUSE_SHARES: Shares = Shares {
    female: 0.42,
    age: [0.40, 0.40, 0.20],
    rural: 0.55,
    ethnicity: [0.01, 0.89, 0.03, 0.025, 0.02, 0.015, 0.01],
    disabled_by_age: [0.025, 0.04, 0.07],
};

/// Intercept of the vendor's performance score (points).
pub(super) const WH_BASE: f64 = 62.0;
/// Standard deviation of the score's unexplained noise (points).
pub(super) const WH_NOISE_SD: f64 = 4.0;
/// Workers scoring below this are flagged for termination review.
pub(super) const WH_FLAG_BELOW: f64 = 40.0;
/// The human review confirms underperformance when the fair-measure points plus the
/// reviewer's own noise fall below this.
pub(super) const WH_REVIEW_BELOW: f64 = -13.5;
pub(super) const WH_REVIEW_SD: f64 = 3.0;
/// Home districts D07-D12 ("outer districts") lose this many points in the score.
pub(super) const WH_OUTER_DISTRICT_PENALTY: f64 = 8.0;
/// Points lost per sick-leave day.
pub(super) const WH_SICK_DAY_PENALTY: f64 = 1.0;
/// Points lost per bathroom-break minute above 20 (gained below 20).
pub(super) const WH_BATHROOM_MINUTE_PENALTY: f64 = 0.6;
/// Points gained per after-hours message, counting at most 20 messages.
pub(super) const WH_AFTER_HOURS_MESSAGE_BONUS: f64 = 0.25;

/// The fair work measures, as printed in the file.
#[derive(Clone, Copy, Debug)]
pub(super) struct WarehouseLegit {
    pub(super) night_shift: bool,
    pub(super) tenure_months: u32,
    pub(super) units_per_hour: f64,
    pub(super) pick_error_rate: f64,
    pub(super) safety_incidents: u32,
    pub(super) training_hours: u32,
}

/// The prohibited, restricted and proxy inputs, as printed in the file.
#[derive(Clone, Copy, Debug)]
pub(super) struct WarehouseRestricted {
    pub(super) sick_leave_days: u32,
    pub(super) bathroom_break_minutes: f64,
    pub(super) after_hours_messages: u32,
    pub(super) last_message_at: Option<MessageTime>,
    pub(super) job_site_visits: u32,
    pub(super) union_chat_mentions: u32,
    /// 1..=12; 7..=12 are the outer, mostly rural-hukou districts.
    pub(super) home_district: u32,
}

pub(super) struct WarehouseRow {
    pub(super) person: Person,
    pub(super) legit: WarehouseLegit,
    pub(super) restricted: WarehouseRestricted,
    /// Performance score in tenths of a point.
    pub(super) score_tenths: i64,
    pub(super) flagged: bool,
    pub(super) confirmed: bool,
}

/// Points the score gives for the fair measures alone (no noise). The human review uses only
/// this.
pub(super) fn warehouse_fair_points(l: &WarehouseLegit) -> f64 {
    0.5 * (l.units_per_hour - 100.0)
        - 4.0 * (l.pick_error_rate - 1.5)
        - 6.0 * f64::from(l.safety_incidents)
        + 0.15 * (f64::from(l.training_hours) - 20.0)
        + 0.04 * f64::from(l.tenure_months.min(60))
}

/// Points the score adds or removes for prohibited and proxy inputs. It reads sick leave,
/// bathroom breaks, after-hours messages and home district; `job_site_visits`,
/// `union_chat_mentions` and `last_message_at` are never read.
pub(super) fn warehouse_planted_points(r: &WarehouseRestricted) -> f64 {
    let outer = if r.home_district >= 7 {
        -WH_OUTER_DISTRICT_PENALTY
    } else {
        0.0
    };
    -WH_SICK_DAY_PENALTY * f64::from(r.sick_leave_days)
        - WH_BATHROOM_MINUTE_PENALTY * (r.bathroom_break_minutes - 20.0)
        + outer
        + WH_AFTER_HOURS_MESSAGE_BONUS * f64::from(r.after_hours_messages.min(20))
}

/// The vendor's performance score before noise and clamping.
pub(super) fn warehouse_model_score(l: &WarehouseLegit, r: &WarehouseRestricted) -> f64 {
    WH_BASE + warehouse_fair_points(l) + warehouse_planted_points(r)
}

/// The later human review: depends only on the fair measures (and the reviewer's noise).
pub(super) fn warehouse_review(l: &WarehouseLegit, reviewer_noise: f64) -> bool {
    warehouse_fair_points(l) + reviewer_noise < WH_REVIEW_BELOW
}

/// A local timestamp between Monday 2026-11-09 and Sunday 2026-11-22.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct MessageTime {
    /// Day of November 2026 (9..=22); day 9 is a Monday.
    pub(super) day: u32,
    /// Seconds after midnight.
    pub(super) secs: u32,
}

impl MessageTime {
    #[cfg(test)]
    pub(super) fn is_working_hours(self) -> bool {
        let weekday = (self.day - 9) % 7 < 5;
        weekday && (8 * 3600..18 * 3600).contains(&self.secs)
    }

    pub(super) fn write(self, buf: &mut Vec<u8>) {
        for b in *b"2026-11-" {
            buf.push(b);
        }
        push_padded(buf, u64::from(self.day), 2);
        buf.push(b' ');
        push_padded(buf, u64::from(self.secs / 3600), 2);
        buf.push(b':');
        push_padded(buf, u64::from(self.secs / 60 % 60), 2);
        buf.push(b':');
        push_padded(buf, u64::from(self.secs % 60), 2);
    }
}

/// Time of the worker's last team-app message in the two weeks before extraction (Monday
/// 2026-11-23). Night-shift workers and workers who message a lot after hours mostly have
/// their last message outside 08:00-18:00 Monday-Friday.
pub(super) fn draw_last_message(
    g: &mut Gen,
    night_shift: bool,
    after_hours: u32,
) -> Option<MessageTime> {
    if after_hours == 0 && g.chance(0.12) {
        return None; // never used the team app in the period
    }
    let p_outside = if night_shift {
        0.9
    } else {
        (0.06 + 0.05 * f64::from(after_hours)).min(0.85)
    };
    let week = u32::from(g.chance(0.7));
    let (dow, secs) = if g.chance(p_outside) {
        if g.chance(0.3) {
            (5 + g.below(2), g.below(86_400))
        } else {
            (g.below(5), (18 * 3600 + g.below(14 * 3600)) % 86_400)
        }
    } else {
        (g.below(5), 8 * 3600 + g.below(10 * 3600))
    };
    Some(MessageTime {
        day: 9 + 7 * week + dow,
        secs,
    })
}

/// Home district 1..=12. Rural-hukou workers mostly live in the outer districts 7-12,
/// urban-hukou workers mostly in 1-6.
pub(super) fn draw_district(g: &mut Gen, rural: bool) -> u32 {
    let outer = g.chance(if rural { 0.80 } else { 0.15 });
    1 + g.below(6) + if outer { 6 } else { 0 }
}

pub(super) fn warehouse_row(g: &mut Gen) -> WarehouseRow {
    let person = Person::draw(g, &WAREHOUSE_SHARES);
    let night_shift = g.chance(0.35);
    let tenure_months = draw_tenure(g, person.age, [10.0, 24.0, 40.0], [120, 240, 360]);
    let t = f64::from(tenure_months);
    let uph = g.normal(92.0, 14.0) + 6.0 * (1.0 - det_exp(-t / 9.0));
    let err = g.lognormal(1.3, 0.55) * (1.0 + 0.4 * det_exp(-t / 6.0));
    let safety_incidents = g.poisson(if night_shift { 0.18 } else { 0.12 });
    let training = 16.0 + 14.0 * det_exp(-t / 12.0) + g.normal(0.0, 6.0);
    let legit = WarehouseLegit {
        night_shift,
        tenure_months,
        units_per_hour: unfixed(fixed(uph.clamp(25.0, 170.0), 1), 1),
        pick_error_rate: unfixed(fixed(err.clamp(0.05, 15.0), 2), 2),
        safety_incidents,
        training_hours: round_half_away(training).clamp(0, 80) as u32,
    };

    let age_factor = [1.0, 1.4, 2.8][person.age];
    let disability_factor = if person.disabled { 2.2 } else { 1.0 };
    let frailty = g.lognormal(1.0, 0.6);
    let sick_lambda = 2.5 * age_factor * disability_factor * frailty;
    let sick_leave_days = g.poisson(sick_lambda).min(90);
    let woman_18_44 = person.female && person.age < 2;
    let pregnant = woman_18_44 && g.chance(0.08);
    let mut bathroom = 20.0 + g.normal(0.0, 5.0);
    if woman_18_44 {
        bathroom += 3.0;
    }
    if pregnant {
        bathroom += 14.0;
    }
    if person.disabled {
        bathroom += 8.0;
    }
    let chattiness = g.lognormal(1.0, 0.9);
    let after_hours_messages = g.poisson(3.0 * chattiness).min(500);
    let last_message_at = draw_last_message(g, night_shift, after_hours_messages);
    let job_site_visits = if g.chance(0.08) {
        g.poisson(2.5)
    } else {
        g.poisson(0.1)
    };
    let union_chat_mentions = draw_union_mentions(g);
    let home_district = draw_district(g, person.rural);
    let restricted = WarehouseRestricted {
        sick_leave_days,
        bathroom_break_minutes: unfixed(fixed(bathroom.clamp(4.0, 90.0), 1), 1),
        after_hours_messages,
        last_message_at,
        job_site_visits,
        union_chat_mentions,
        home_district,
    };

    let score = warehouse_model_score(&legit, &restricted) + g.normal(0.0, WH_NOISE_SD);
    let score_tenths = fixed(score.clamp(0.0, 100.0), 1);
    let flagged = unfixed(score_tenths, 1) < WH_FLAG_BELOW;
    let confirmed = warehouse_review(&legit, g.normal(0.0, WH_REVIEW_SD));
    WarehouseRow {
        person,
        legit,
        restricted,
        score_tenths,
        flagged,
        confirmed,
    }
}

impl WarehouseRow {
    pub(super) fn write(&self, buf: &mut Vec<u8>, n: usize, l: usize) {
        let (p, x, r) = (&self.person, &self.legit, &self.restricted);
        buf.push(b'W');
        push_padded(buf, n as u64, 7);
        p.write(buf, l);
        buf.push(b',');
        push_text(buf, SHIFT[usize::from(x.night_shift)][l]);
        buf.push(b',');
        push_u64(buf, u64::from(x.tenure_months));
        buf.push(b',');
        push_fixed(buf, fixed(x.units_per_hour, 1), 1);
        buf.push(b',');
        push_fixed(buf, fixed(x.pick_error_rate, 2), 2);
        buf.push(b',');
        push_u64(buf, u64::from(x.safety_incidents));
        buf.push(b',');
        push_u64(buf, u64::from(x.training_hours));
        buf.push(b',');
        push_u64(buf, u64::from(r.sick_leave_days));
        buf.push(b',');
        push_fixed(buf, fixed(r.bathroom_break_minutes, 1), 1);
        buf.push(b',');
        push_u64(buf, u64::from(r.after_hours_messages));
        buf.push(b',');
        if let Some(s) = r.last_message_at {
            s.write(buf);
        }
        buf.push(b',');
        push_u64(buf, u64::from(r.job_site_visits));
        buf.push(b',');
        push_u64(buf, u64::from(r.union_chat_mentions));
        buf.extend_from_slice(b",D");
        push_padded(buf, u64::from(r.home_district), 2);
        buf.push(b',');
        push_fixed(buf, self.score_tenths, 1);
        buf.push(b',');
        push_bit(buf, self.flagged);
        buf.push(b',');
        push_bit(buf, self.confirmed);
        buf.push(b'\n');
    }
}
