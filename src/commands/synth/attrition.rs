//! Attrition.

use super::csv::{push_bit, push_fixed, push_padded, push_text, push_u64};
use super::people::{Person, Shares, draw_tenure, draw_union_mentions};
use super::rng::{Gen, det_exp, det_ln, fixed, logistic, unfixed};
use super::tables::MARITAL;

pub(super) const ATTRITION_SHARES: Shares = Shares {
    female: 0.45,
    age: [0.35, 0.43, 0.22],
    rural: 0.40,
    ethnicity: [0.01, 0.87, 0.035, 0.03, 0.02, 0.02, 0.015],
    disabled_by_age: [0.025, 0.04, 0.065],
};

/// Shares of single, married and divorced employees in each age band.
pub(super) const MARITAL_BY_AGE: [[f64; 3]; 3] =
    [[0.65, 0.33, 0.02], [0.15, 0.78, 0.07], [0.05, 0.83, 0.12]];

/// Intercept of the vendor's flight-risk logit.
pub(super) const AT_SCORE_BASE: f64 = -1.35;
/// Intercept of the true model that decides who actually leaves.
pub(super) const AT_TRUE_BASE: f64 = -1.55;

/// The fair work measures, as printed in the file.
#[derive(Clone, Copy, Debug)]
pub(super) struct AttritionLegit {
    pub(super) tenure_months: u32,
    pub(super) salary_band: u32,
    pub(super) overtime_hours_month: f64,
    pub(super) performance_rating: u32,
    pub(super) promotions_last_3y: u32,
}

/// The restricted, prohibited and proxy inputs, as printed in the file.
#[derive(Clone, Copy, Debug)]
pub(super) struct AttritionRestricted {
    pub(super) commute_km: f64,
    pub(super) job_board_visits: u32,
    pub(super) personal_social_media_posts: u32,
    pub(super) maternity_leave_days: u32,
    pub(super) union_chat_mentions: u32,
}

pub(super) struct AttritionRow {
    pub(super) person: Person,
    /// Index into `MARITAL`.
    pub(super) marital: usize,
    pub(super) legit: AttritionLegit,
    pub(super) restricted: AttritionRestricted,
    /// Flight-risk score in thousandths.
    pub(super) score_milli: i64,
    pub(super) flagged: bool,
    pub(super) left: bool,
}

/// Logit contribution of the fair measures (shared shape, separate weights per model).
pub(super) fn attrition_fair_logit(l: &AttritionLegit, w: [f64; 5]) -> f64 {
    w[0] * (f64::from(l.tenure_months.min(120)) - 36.0)
        + w[1] * (f64::from(l.salary_band) - 3.0)
        + w[2] * (l.overtime_hours_month - 18.0)
        + w[3] * (f64::from(l.performance_rating) - 3.0)
        + w[4] * f64::from(l.promotions_last_3y)
}

/// The vendor's flight-risk logit. Reads commute, job-board visits and maternity leave;
/// `personal_social_media_posts` and `union_chat_mentions` are never read.
pub(super) fn attrition_score_logit(l: &AttritionLegit, r: &AttritionRestricted) -> f64 {
    AT_SCORE_BASE
        + attrition_fair_logit(l, [-0.012, -0.30, 0.02, -0.20, -0.35])
        + 0.035 * (r.commute_km - 12.0)
        + 0.45 * f64::from(r.job_board_visits.min(10))
        + 0.011 * f64::from(r.maternity_leave_days)
}

/// The true model of leaving: fair measures, commute and the hidden intention to leave
/// (which job-board visits only reflect). Maternity leave has no effect.
pub(super) fn attrition_true_logit(l: &AttritionLegit, commute_km: f64, intent: f64) -> f64 {
    AT_TRUE_BASE
        + attrition_fair_logit(l, [-0.012, -0.35, 0.025, -0.25, -0.40])
        + 0.015 * (commute_km - 12.0)
        + 1.0 * intent
}

pub(super) fn attrition_row(g: &mut Gen) -> AttritionRow {
    let person = Person::draw(g, &ATTRITION_SHARES);
    let marital = g.pick(&MARITAL_BY_AGE[person.age]);
    let tenure_months = draw_tenure(g, person.age, [14.0, 36.0, 70.0], [132, 300, 480]);
    let t = f64::from(tenure_months);
    let salary_latent = 0.8 * det_ln(1.0 + t / 12.0) + g.normal(0.0, 0.7);
    let salary_band = 1 + [0.4, 1.0, 1.6, 2.2]
        .iter()
        .filter(|cut| salary_latent >= **cut)
        .count() as u32;
    let performance_rating = 1 + g.pick(&[0.05, 0.15, 0.45, 0.27, 0.08]) as u32;
    let promotions_last_3y = if tenure_months < 6 {
        0
    } else {
        let extra = 0.25 * f64::from(performance_rating.saturating_sub(3));
        g.poisson(0.25 + extra).min(3)
    };
    let overtime = g.lognormal(18.0, 0.6).clamp(0.0, 120.0);
    let legit = AttritionLegit {
        tenure_months,
        salary_band,
        overtime_hours_month: unfixed(fixed(overtime, 1), 1),
        performance_rating,
        promotions_last_3y,
    };

    let commute = if person.rural {
        g.lognormal(16.0, 0.55)
    } else {
        g.lognormal(7.0, 0.6)
    };
    let intent = g.std_normal();
    let job_board_visits = g.poisson(0.6 * det_exp(0.9 * intent)).min(200);
    let posting = g.lognormal(1.0, 1.0);
    let personal_social_media_posts = g.poisson(6.0 * posting).min(300);
    let p_maternity = if !person.female {
        0.0
    } else {
        let married = marital == 1;
        match (person.age, married) {
            (0, true) => 0.25,
            (1, true) => 0.16,
            (2, _) => 0.003,
            _ => 0.02,
        }
    };
    let maternity_leave_days = if g.chance(p_maternity) {
        [98, 128, 158, 188][g.pick(&[0.35, 0.25, 0.30, 0.10])]
    } else {
        0
    };
    let union_chat_mentions = draw_union_mentions(g);
    let restricted = AttritionRestricted {
        commute_km: unfixed(fixed(commute.clamp(0.5, 80.0), 1), 1),
        job_board_visits,
        personal_social_media_posts,
        maternity_leave_days,
        union_chat_mentions,
    };

    let score_milli = fixed(logistic(attrition_score_logit(&legit, &restricted)), 3);
    let flagged = score_milli >= 500;
    let p_leave = logistic(attrition_true_logit(&legit, restricted.commute_km, intent));
    let left = g.chance(p_leave);
    AttritionRow {
        person,
        marital,
        legit,
        restricted,
        score_milli,
        flagged,
        left,
    }
}

impl AttritionRow {
    pub(super) fn write(&self, buf: &mut Vec<u8>, n: usize, l: usize) {
        let (x, r) = (&self.legit, &self.restricted);
        buf.push(b'E');
        push_padded(buf, n as u64, 7);
        self.person.write(buf, l);
        buf.push(b',');
        push_text(buf, MARITAL[self.marital][l]);
        buf.push(b',');
        push_u64(buf, u64::from(x.tenure_months));
        buf.push(b',');
        push_u64(buf, u64::from(x.salary_band));
        buf.push(b',');
        push_fixed(buf, fixed(x.overtime_hours_month, 1), 1);
        buf.push(b',');
        push_u64(buf, u64::from(x.performance_rating));
        buf.push(b',');
        push_u64(buf, u64::from(x.promotions_last_3y));
        buf.push(b',');
        push_fixed(buf, fixed(r.commute_km, 1), 1);
        buf.push(b',');
        push_u64(buf, u64::from(r.job_board_visits));
        buf.push(b',');
        push_u64(buf, u64::from(r.personal_social_media_posts));
        buf.push(b',');
        push_u64(buf, u64::from(r.maternity_leave_days));
        buf.push(b',');
        push_u64(buf, u64::from(r.union_chat_mentions));
        buf.push(b',');
        push_fixed(buf, self.score_milli, 3);
        buf.push(b',');
        push_bit(buf, self.flagged);
        buf.push(b',');
        push_bit(buf, self.left);
        buf.push(b'\n');
    }
}
