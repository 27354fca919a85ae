//! Seeded generator of Candor's demo datasets.
//!
//! Two made-up tables about workers (no real person is in them), each with problems planted on
//! purpose so that an audit has something to find:
//!
//! * [`Dataset::Warehouse`]: one row per warehouse worker. A vendor's performance score sends
//!   workers scoring below 40 to termination review. The score uses fair work measures, but also
//!   sick leave, bathroom-break minutes, after-hours team-app messages and the worker's home
//!   district, which stands in for rural hukou. A later human review that looked only at the fair
//!   measures says who really underperformed.
//! * [`Dataset::Attrition`]: one row per employee. A "flight risk" score flags employees thought
//!   likely to quit. It uses visits to job boards, maternity leave and commute distance (which
//!   stands in for hukou) besides fair measures. Who actually left within 12 months comes from a
//!   separate true model.
//!
//! `datasets/DATASHEET.md` explains every column, formula and planted problem in plain words;
//! `datasets/ground_truth.toml` lists the same facts for tests.
//!
//! The output depends only on the seed and the row count: the same arguments give the same
//! bytes on every platform. All randomness comes from one ChaCha8 stream (`seed_from_u64(seed)`,
//! one stream number per dataset); the exponential and logarithm are computed here from `+ - * /`
//! only (platform maths libraries differ in the last bit), and so are the tables of the ziggurat
//! that draws normal numbers; numbers are printed from integers, never through float formatting.
//! The Chinese file holds the same rows as the English one, with Chinese column names and
//! category values; numbers, codes and timestamps are identical.

use std::io::{self, Write};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Seed of the committed demo files in `datasets/`.
pub const DEMO_SEED: u64 = 20261123;

/// Language of column names and category values (Chinese: the same rows and numbers).
pub use crate::i18n::Lang;

/// Column `[en, zh]` of a name table.
fn idx(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Zh => 1,
    }
}

/// Which demo table to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dataset {
    /// Warehouse performance scoring and termination-review flags.
    Warehouse,
    /// Attrition ("flight risk") prediction.
    Attrition,
    /// Delivery couriers: a risk score (low is good) with steps and caps sends couriers to
    /// deactivation review.
    Couriers,
}

impl Dataset {
    /// Both datasets.
    pub const ALL: [Dataset; 3] = [Dataset::Warehouse, Dataset::Attrition, Dataset::Couriers];

    /// Number of rows in the committed demo file.
    pub fn demo_rows(self) -> usize {
        match self {
            Dataset::Warehouse => 20_000,
            Dataset::Attrition => 10_000,
            Dataset::Couriers => 8_000,
        }
    }

    /// File name of the committed demo file, e.g. `warehouse_zh.csv`.
    pub fn file_name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Dataset::Warehouse, Lang::En) => "warehouse.csv",
            (Dataset::Warehouse, Lang::Zh) => "warehouse_zh.csv",
            (Dataset::Attrition, Lang::En) => "attrition.csv",
            (Dataset::Attrition, Lang::Zh) => "attrition_zh.csv",
            (Dataset::Couriers, Lang::En) => "couriers.csv",
            (Dataset::Couriers, Lang::Zh) => "couriers_zh.csv",
        }
    }

    /// ChaCha stream number, so the two datasets never share random numbers.
    fn stream(self) -> u64 {
        match self {
            Dataset::Warehouse => 1,
            Dataset::Attrition => 2,
            Dataset::Couriers => 3,
        }
    }

    fn column_table(self) -> &'static [[&'static str; 2]] {
        match self {
            Dataset::Warehouse => &WAREHOUSE_COLUMNS,
            Dataset::Attrition => &ATTRITION_COLUMNS,
            Dataset::Couriers => &COURIER_COLUMNS,
        }
    }
}

/// Column names of `dataset` in `lang`, in file order.
pub fn columns(dataset: Dataset, lang: Lang) -> Vec<&'static str> {
    dataset
        .column_table()
        .iter()
        .map(|c| c[idx(lang)])
        .collect()
}

/// Writes `rows` rows of `dataset` as UTF-8 CSV (header line, commas, LF line endings, fields
/// quoted only when they need it). Rows are generated and written one at a time, so memory use
/// does not grow with `rows`. The same `seed` and `rows` always give the same bytes.
pub fn write_csv<W: Write>(
    w: W,
    dataset: Dataset,
    lang: Lang,
    rows: usize,
    seed: u64,
) -> io::Result<()> {
    let mut out = Out::new(w);
    for (i, name) in columns(dataset, lang).iter().enumerate() {
        if i > 0 {
            out.buf.push(b',');
        }
        push_text(&mut out.buf, name);
    }
    out.buf.push(b'\n');
    let mut g = Gen::new(seed, dataset);
    let l = idx(lang);
    match dataset {
        Dataset::Warehouse => {
            for n in 1..=rows {
                warehouse_row(&mut g).write(&mut out.buf, n, l);
                out.flush_if_full()?;
            }
        }
        Dataset::Attrition => {
            for n in 1..=rows {
                attrition_row(&mut g).write(&mut out.buf, n, l);
                out.flush_if_full()?;
            }
        }
        Dataset::Couriers => {
            for n in 1..=rows {
                courier_row(&mut g, n).write(&mut out.buf, n, l);
                out.flush_if_full()?;
            }
        }
    }
    out.finish()
}

// ---------------------------------------------------------------------------------------------
// Column names and category labels: [English, Chinese].

const WAREHOUSE_COLUMNS: [[&str; 2]; 22] = [
    ["worker_id", "工号"],
    ["sex", "性别"],
    ["age_band", "年龄段"],
    ["hukou", "户口类型"],
    ["ethnicity", "民族"],
    ["disability", "残疾"],
    ["shift", "班次"],
    ["tenure_months", "工龄月数"],
    ["units_per_hour", "每小时拣货件数"],
    ["pick_error_rate", "拣货差错率"],
    ["safety_incidents", "安全事故次数"],
    ["training_hours", "培训小时数"],
    ["sick_leave_days", "病假天数"],
    ["bathroom_break_minutes", "如厕分钟数"],
    ["after_hours_messages", "下班后消息数"],
    ["last_message_at", "最后消息时间"],
    ["job_site_visits", "其他工地到访次数"],
    ["union_chat_mentions", "工会群聊提及次数"],
    ["home_district", "居住区"],
    ["performance_score", "绩效分"],
    ["flagged_for_termination_review", "列入解雇审查"],
    ["confirmed_underperformance", "复核确认绩效不足"],
];

const ATTRITION_COLUMNS: [[&str; 2]; 20] = [
    ["employee_id", "员工编号"],
    ["sex", "性别"],
    ["age_band", "年龄段"],
    ["hukou", "户口类型"],
    ["ethnicity", "民族"],
    ["disability", "残疾"],
    ["marital_status", "婚姻状况"],
    ["tenure_months", "工龄月数"],
    ["salary_band", "薪资等级"],
    ["overtime_hours_month", "月加班小时数"],
    ["performance_rating", "绩效评级"],
    ["promotions_last_3y", "近三年晋升次数"],
    ["commute_km", "通勤公里数"],
    ["job_board_visits", "招聘网站访问次数"],
    ["personal_social_media_posts", "个人社交媒体发帖数"],
    ["maternity_leave_days", "产假天数"],
    ["union_chat_mentions", "工会群聊提及次数"],
    ["flight_risk_score", "离职风险分"],
    ["flight_risk_flag", "离职风险标记"],
    ["left_within_12_months", "十二个月内离职"],
];

const COURIER_COLUMNS: [[&str; 2]; 18] = [
    ["courier_id", "骑手编号"],
    ["sex", "性别"],
    ["age_band", "年龄段"],
    ["hukou", "户口类型"],
    ["ethnicity", "民族"],
    ["disability", "残疾"],
    ["station", "站点"],
    ["tenure_months", "工龄月数"],
    ["deliveries_per_week", "每周配送单数"],
    ["on_time_rate", "准时率"],
    ["customer_complaints", "顾客投诉次数"],
    ["cancelled_orders", "取消订单数"],
    ["sick_days", "病假天数"],
    ["home_distance_km", "住处距离公里数"],
    ["union_chat_mentions", "工会群聊提及次数"],
    ["risk_score", "风险分"],
    ["deactivation_review", "列入停用审查"],
    ["violation_confirmed", "复核确认违规"],
];

const SEX: [[&str; 2]; 2] = [["Female", "女"], ["Male", "男"]];
const AGE_BAND: [[&str; 2]; 3] = [["18-29", "18-29"], ["30-44", "30-44"], ["45+", "45+"]];
const HUKOU: [[&str; 2]; 2] = [["urban", "城镇"], ["rural", "农村"]];
const ETHNICITY: [[&str; 2]; 6] = [
    ["Han", "汉族"],
    ["Zhuang", "壮族"],
    ["Hui", "回族"],
    ["Uyghur", "维吾尔族"],
    ["Yi", "彝族"],
    ["Tibetan", "藏族"],
];
const YES_NO: [[&str; 2]; 2] = [["yes", "是"], ["no", "否"]];
const SHIFT: [[&str; 2]; 2] = [["day", "白班"], ["night", "夜班"]];
const MARITAL: [[&str; 2]; 3] = [
    ["single", "未婚"],
    ["married", "已婚"],
    ["divorced", "离异"],
];

// ---------------------------------------------------------------------------------------------
// Random numbers: one ChaCha8 stream, only `next_u64`, portable maths.

const TWO_POW_M53: f64 = 1.0 / 9_007_199_254_740_992.0;
const LN2: f64 = std::f64::consts::LN_2;

struct Gen {
    rng: ChaCha8Rng,
    zig: &'static Ziggurat,
}

impl Gen {
    fn new(seed: u64, dataset: Dataset) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(dataset.stream());
        Gen {
            rng,
            zig: Ziggurat::get(),
        }
    }

    /// Uniform on the open interval (0, 1), 53 random bits.
    fn u01(&mut self) -> f64 {
        ((self.rng.next_u64() >> 11) as f64 + 0.5) * TWO_POW_M53
    }

    fn chance(&mut self, p: f64) -> bool {
        self.u01() < p
    }

    /// Uniform integer in `0..n` (`n > 0`).
    fn below(&mut self, n: u32) -> u32 {
        ((self.u01() * f64::from(n)) as u32).min(n - 1)
    }

    /// Index drawn with the given weights (which sum to about 1).
    fn pick(&mut self, weights: &[f64]) -> usize {
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
    fn std_normal(&mut self) -> f64 {
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

    fn normal(&mut self, mean: f64, sd: f64) -> f64 {
        mean + sd * self.std_normal()
    }

    /// Log-normal with the given median and log-scale standard deviation.
    fn lognormal(&mut self, median: f64, sigma: f64) -> f64 {
        median * det_exp(sigma * self.std_normal())
    }

    /// Poisson count: inversion (one uniform) below 30, rounded normal above.
    fn poisson(&mut self, lambda: f64) -> u32 {
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
const ZIG_R: f64 = 3.442_619_855_899;
/// Area of each ziggurat layer.
const ZIG_V: f64 = 9.912_563_035_262_17e-3;

/// Tables of the 128-layer normal ziggurat (Marsaglia and Tsang 2000), built once with the
/// portable `exp` and `ln`, so they are the same on every platform.
struct Ziggurat {
    k: [u32; 128],
    w: [f64; 128],
    f: [f64; 128],
}

impl Ziggurat {
    fn get() -> &'static Ziggurat {
        static TABLES: std::sync::OnceLock<Ziggurat> = std::sync::OnceLock::new();
        TABLES.get_or_init(Ziggurat::build)
    }

    fn build() -> Ziggurat {
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
const RECIPROCALS: [f64; 64] = {
    let mut r = [0.0; 64];
    let mut k = 1;
    while k < 64 {
        r[k] = 1.0 / k as f64;
        k += 1;
    }
    r
};

/// Rounds half away from zero with a truncating cast (no libm call; exact and portable).
fn round_half_away(x: f64) -> i64 {
    if x >= 0.0 {
        (x + 0.5) as i64
    } else {
        (x - 0.5) as i64
    }
}

/// 1/n! for n = 0..=13: Taylor coefficients of the exponential.
const EXP_COEF: [f64; 14] = [
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
const LN_COEF: [f64; 12] = [
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
fn det_exp(x: f64) -> f64 {
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
fn det_ln(x: f64) -> f64 {
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

fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + det_exp(-x))
}

/// `x` rounded to `decimals` places, as an integer count of 10^-decimals.
fn fixed(x: f64, decimals: i32) -> i64 {
    let scale = [1.0, 10.0, 100.0, 1000.0][decimals as usize];
    round_half_away(x * scale)
}

fn unfixed(v: i64, decimals: i32) -> f64 {
    let scale = [1.0, 10.0, 100.0, 1000.0][decimals as usize];
    v as f64 / scale
}

// ---------------------------------------------------------------------------------------------
// Output buffer and field formatting.

struct Out<W: Write> {
    w: W,
    buf: Vec<u8>,
}

const FLUSH_AT: usize = 1 << 16;

impl<W: Write> Out<W> {
    fn new(w: W) -> Self {
        Out {
            w,
            buf: Vec::with_capacity(FLUSH_AT + 1024),
        }
    }

    fn flush_if_full(&mut self) -> io::Result<()> {
        if self.buf.len() >= FLUSH_AT {
            self.w.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn finish(mut self) -> io::Result<()> {
        self.w.write_all(&self.buf)?;
        self.buf.clear();
        self.w.flush()
    }
}

/// A text field, quoted (RFC 4180) when it holds a comma, quote or line break.
fn push_text(buf: &mut Vec<u8>, s: &str) {
    if s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        buf.push(b'"');
        for b in s.bytes() {
            if b == b'"' {
                buf.push(b'"');
            }
            buf.push(b);
        }
        buf.push(b'"');
    } else {
        // Category values are a few bytes long: pushing them beats a `memcpy` call.
        for b in s.bytes() {
            buf.push(b);
        }
    }
}

fn push_u64(buf: &mut Vec<u8>, n: u64) {
    push_padded(buf, n, 1);
}

/// `n` in decimal with at least `width` digits (zero-padded).
fn push_padded(buf: &mut Vec<u8>, mut n: u64, width: usize) {
    // Digits are pushed last-first and then reversed in place: short values are the common
    // case, and byte pushes are cheaper than a `memcpy` call for each of them.
    let start = buf.len();
    let mut digits = 0;
    loop {
        buf.push(b'0' + (n % 10) as u8);
        n /= 10;
        digits += 1;
        if n == 0 && digits >= width {
            break;
        }
    }
    buf[start..].reverse();
}

/// A fixed-point number: `v` counts units of 10^-decimals.
fn push_fixed(buf: &mut Vec<u8>, v: i64, decimals: i32) {
    if v < 0 {
        buf.push(b'-');
    }
    let a = v.unsigned_abs();
    let scale = [1, 10, 100, 1000][decimals as usize];
    push_u64(buf, a / scale);
    if decimals > 0 {
        buf.push(b'.');
        push_padded(buf, a % scale, decimals as usize);
    }
}

fn push_bit(buf: &mut Vec<u8>, b: bool) {
    buf.push(if b { b'1' } else { b'0' });
}

// ---------------------------------------------------------------------------------------------
// People: the group attributes shared by both datasets.

struct Shares {
    female: f64,
    age: [f64; 3],
    rural: f64,
    /// First entry is "not recorded" (empty cell), then the `ETHNICITY` order.
    ethnicity: [f64; 7],
    disabled_by_age: [f64; 3],
}

#[derive(Clone, Copy, Debug)]
struct Person {
    female: bool,
    /// 0 = 18-29, 1 = 30-44, 2 = 45+.
    age: usize,
    rural: bool,
    /// Index into `ETHNICITY`; `None` = not recorded.
    ethnicity: Option<usize>,
    disabled: bool,
}

impl Person {
    fn draw(g: &mut Gen, s: &Shares) -> Person {
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
    fn write(&self, buf: &mut Vec<u8>, l: usize) {
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
fn draw_tenure(g: &mut Gen, age: usize, medians: [f64; 3], caps: [i64; 3]) -> u32 {
    round_half_away(g.lognormal(medians[age], 0.8)).clamp(1, caps[age]) as u32
}

/// Union-chat mentions in the last 90 days: most workers never or rarely mention the union,
/// about 15 % are active. Independent of everything else, and used by neither score.
fn draw_union_mentions(g: &mut Gen) -> u32 {
    if g.chance(0.15) {
        g.poisson(4.0)
    } else {
        g.poisson(0.2)
    }
}

// ---------------------------------------------------------------------------------------------
// Warehouse.

const WAREHOUSE_SHARES: Shares = Shares {
    female: 0.42,
    age: [0.40, 0.40, 0.20],
    rural: 0.55,
    ethnicity: [0.01, 0.89, 0.03, 0.025, 0.02, 0.015, 0.01],
    disabled_by_age: [0.025, 0.04, 0.07],
};

/// Intercept of the vendor's performance score (points).
const WH_BASE: f64 = 62.0;
/// Standard deviation of the score's unexplained noise (points).
const WH_NOISE_SD: f64 = 4.0;
/// Workers scoring below this are flagged for termination review.
const WH_FLAG_BELOW: f64 = 40.0;
/// The human review confirms underperformance when the fair-measure points plus the
/// reviewer's own noise fall below this.
const WH_REVIEW_BELOW: f64 = -13.5;
const WH_REVIEW_SD: f64 = 3.0;
/// Home districts D07-D12 ("outer districts") lose this many points in the score.
const WH_OUTER_DISTRICT_PENALTY: f64 = 8.0;
/// Points lost per sick-leave day.
const WH_SICK_DAY_PENALTY: f64 = 1.0;
/// Points lost per bathroom-break minute above 20 (gained below 20).
const WH_BATHROOM_MINUTE_PENALTY: f64 = 0.6;
/// Points gained per after-hours message, counting at most 20 messages.
const WH_AFTER_HOURS_MESSAGE_BONUS: f64 = 0.25;

/// The fair work measures, as printed in the file.
#[derive(Clone, Copy, Debug)]
struct WarehouseLegit {
    night_shift: bool,
    tenure_months: u32,
    units_per_hour: f64,
    pick_error_rate: f64,
    safety_incidents: u32,
    training_hours: u32,
}

/// The prohibited, restricted and proxy inputs, as printed in the file.
#[derive(Clone, Copy, Debug)]
struct WarehouseRestricted {
    sick_leave_days: u32,
    bathroom_break_minutes: f64,
    after_hours_messages: u32,
    last_message_at: Option<MessageTime>,
    job_site_visits: u32,
    union_chat_mentions: u32,
    /// 1..=12; 7..=12 are the outer, mostly rural-hukou districts.
    home_district: u32,
}

struct WarehouseRow {
    person: Person,
    legit: WarehouseLegit,
    restricted: WarehouseRestricted,
    /// Performance score in tenths of a point.
    score_tenths: i64,
    flagged: bool,
    confirmed: bool,
}

/// Points the score gives for the fair measures alone (no noise). The human review uses only
/// this.
fn warehouse_fair_points(l: &WarehouseLegit) -> f64 {
    0.5 * (l.units_per_hour - 100.0)
        - 4.0 * (l.pick_error_rate - 1.5)
        - 6.0 * f64::from(l.safety_incidents)
        + 0.15 * (f64::from(l.training_hours) - 20.0)
        + 0.04 * f64::from(l.tenure_months.min(60))
}

/// Points the score adds or removes for prohibited and proxy inputs. It reads sick leave,
/// bathroom breaks, after-hours messages and home district; `job_site_visits`,
/// `union_chat_mentions` and `last_message_at` are never read.
fn warehouse_planted_points(r: &WarehouseRestricted) -> f64 {
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
fn warehouse_model_score(l: &WarehouseLegit, r: &WarehouseRestricted) -> f64 {
    WH_BASE + warehouse_fair_points(l) + warehouse_planted_points(r)
}

/// The later human review: depends only on the fair measures (and the reviewer's noise).
fn warehouse_review(l: &WarehouseLegit, reviewer_noise: f64) -> bool {
    warehouse_fair_points(l) + reviewer_noise < WH_REVIEW_BELOW
}

/// A local timestamp between Monday 2026-11-09 and Sunday 2026-11-22.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct MessageTime {
    /// Day of November 2026 (9..=22); day 9 is a Monday.
    day: u32,
    /// Seconds after midnight.
    secs: u32,
}

impl MessageTime {
    #[cfg(test)]
    fn is_working_hours(self) -> bool {
        let weekday = (self.day - 9) % 7 < 5;
        weekday && (8 * 3600..18 * 3600).contains(&self.secs)
    }

    fn write(self, buf: &mut Vec<u8>) {
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
fn draw_last_message(g: &mut Gen, night_shift: bool, after_hours: u32) -> Option<MessageTime> {
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
fn draw_district(g: &mut Gen, rural: bool) -> u32 {
    let outer = g.chance(if rural { 0.80 } else { 0.15 });
    1 + g.below(6) + if outer { 6 } else { 0 }
}

fn warehouse_row(g: &mut Gen) -> WarehouseRow {
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
    fn write(&self, buf: &mut Vec<u8>, n: usize, l: usize) {
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

// ---------------------------------------------------------------------------------------------
// Attrition.

const ATTRITION_SHARES: Shares = Shares {
    female: 0.45,
    age: [0.35, 0.43, 0.22],
    rural: 0.40,
    ethnicity: [0.01, 0.87, 0.035, 0.03, 0.02, 0.02, 0.015],
    disabled_by_age: [0.025, 0.04, 0.065],
};

/// Shares of single, married and divorced employees in each age band.
const MARITAL_BY_AGE: [[f64; 3]; 3] = [[0.65, 0.33, 0.02], [0.15, 0.78, 0.07], [0.05, 0.83, 0.12]];

/// Intercept of the vendor's flight-risk logit.
const AT_SCORE_BASE: f64 = -1.35;
/// Intercept of the true model that decides who actually leaves.
const AT_TRUE_BASE: f64 = -1.55;

/// The fair work measures, as printed in the file.
#[derive(Clone, Copy, Debug)]
struct AttritionLegit {
    tenure_months: u32,
    salary_band: u32,
    overtime_hours_month: f64,
    performance_rating: u32,
    promotions_last_3y: u32,
}

/// The restricted, prohibited and proxy inputs, as printed in the file.
#[derive(Clone, Copy, Debug)]
struct AttritionRestricted {
    commute_km: f64,
    job_board_visits: u32,
    personal_social_media_posts: u32,
    maternity_leave_days: u32,
    union_chat_mentions: u32,
}

struct AttritionRow {
    person: Person,
    /// Index into `MARITAL`.
    marital: usize,
    legit: AttritionLegit,
    restricted: AttritionRestricted,
    /// Flight-risk score in thousandths.
    score_milli: i64,
    flagged: bool,
    left: bool,
}

/// Logit contribution of the fair measures (shared shape, separate weights per model).
fn attrition_fair_logit(l: &AttritionLegit, w: [f64; 5]) -> f64 {
    w[0] * (f64::from(l.tenure_months.min(120)) - 36.0)
        + w[1] * (f64::from(l.salary_band) - 3.0)
        + w[2] * (l.overtime_hours_month - 18.0)
        + w[3] * (f64::from(l.performance_rating) - 3.0)
        + w[4] * f64::from(l.promotions_last_3y)
}

/// The vendor's flight-risk logit. Reads commute, job-board visits and maternity leave;
/// `personal_social_media_posts` and `union_chat_mentions` are never read.
fn attrition_score_logit(l: &AttritionLegit, r: &AttritionRestricted) -> f64 {
    AT_SCORE_BASE
        + attrition_fair_logit(l, [-0.012, -0.30, 0.02, -0.20, -0.35])
        + 0.035 * (r.commute_km - 12.0)
        + 0.45 * f64::from(r.job_board_visits.min(10))
        + 0.011 * f64::from(r.maternity_leave_days)
}

/// The true model of leaving: fair measures, commute and the hidden intention to leave
/// (which job-board visits only reflect). Maternity leave has no effect.
fn attrition_true_logit(l: &AttritionLegit, commute_km: f64, intent: f64) -> f64 {
    AT_TRUE_BASE
        + attrition_fair_logit(l, [-0.012, -0.35, 0.025, -0.25, -0.40])
        + 0.015 * (commute_km - 12.0)
        + 1.0 * intent
}

fn attrition_row(g: &mut Gen) -> AttritionRow {
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
    fn write(&self, buf: &mut Vec<u8>, n: usize, l: usize) {
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

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Couriers.

const COURIER_SHARES: Shares = Shares {
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
const CR_SMALL_EVERY: usize = 640;
const CR_SMALL_FIRST: usize = 321;

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

struct CourierRow {
    person: Person,
    station: u32,
    inputs: CourierInputs,
    union_chat_mentions: u32,
    /// Risk score in tenths of a point.
    score_tenths: i64,
    flagged: bool,
    confirmed: bool,
}

fn courier_row(g: &mut Gen, n: usize) -> CourierRow {
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
    fn write(&self, buf: &mut Vec<u8>, n: usize, l: usize) {
        let (p, x) = (&self.person, &self.inputs);
        buf.push(b'C');
        push_padded(buf, n as u64, 7);
        buf.push(b',');
        push_text(buf, SEX[usize::from(!p.female)][l]);
        buf.push(b',');
        push_text(buf, AGE_BAND[p.age][l]);
        buf.push(b',');
        push_text(buf, HUKOU[usize::from(p.rural)][l]);
        buf.push(b',');
        if let Some(e) = p.ethnicity {
            push_text(buf, ETHNICITY[e][l]);
        }
        buf.push(b',');
        push_text(buf, YES_NO[usize::from(!p.disabled)][l]);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(dataset: Dataset, lang: Lang, rows: usize, seed: u64) -> Vec<u8> {
        let mut v = Vec::new();
        write_csv(&mut v, dataset, lang, rows, seed).expect("writing to a Vec cannot fail");
        v
    }

    fn text(bytes: Vec<u8>) -> String {
        String::from_utf8(bytes).expect("output is UTF-8")
    }

    fn fnv1a(bytes: &[u8]) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h
    }

    fn warehouse_rows(n: usize, seed: u64) -> Vec<WarehouseRow> {
        let mut g = Gen::new(seed, Dataset::Warehouse);
        (0..n).map(|_| warehouse_row(&mut g)).collect()
    }

    fn attrition_rows(n: usize, seed: u64) -> Vec<AttritionRow> {
        let mut g = Gen::new(seed, Dataset::Attrition);
        (0..n).map(|_| attrition_row(&mut g)).collect()
    }

    fn courier_rows(n: usize, seed: u64) -> Vec<CourierRow> {
        let mut g = Gen::new(seed, Dataset::Couriers);
        (1..=n).map(|i| courier_row(&mut g, i)).collect()
    }

    #[test]
    fn couriers_score_is_the_stated_formula_plus_noise() {
        let rows = courier_rows(8000, DEMO_SEED);
        let res: Vec<f64> = rows
            .iter()
            .map(|r| unfixed(r.score_tenths, 1))
            .zip(&rows)
            .filter(|(s, _)| *s > 0.0 && *s < 100.0)
            .map(|(s, r)| s - courier_score(&r.inputs))
            .collect();
        let n = res.len() as f64;
        let mean = res.iter().sum::<f64>() / n;
        let sd = (res.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
        assert!(mean.abs() < 0.15, "mean residual {mean}");
        assert!((sd - CR_NOISE_SD).abs() < 0.15, "residual sd {sd}");
        for r in &rows {
            assert_eq!(r.flagged, unfixed(r.score_tenths, 1) >= CR_REVIEW_AT);
        }
    }

    #[test]
    fn couriers_planted_structure() {
        let rows = courier_rows(8000, DEMO_SEED);
        let small: Vec<&CourierRow> = rows.iter().filter(|r| r.station == 21).collect();
        assert_eq!(small.len(), 12);
        assert_eq!(small.iter().filter(|r| r.flagged).count(), 10);
        let flagged = |r: &CourierRow| r.flagged;
        let all = rate(&rows, |_| true, flagged);
        assert!((0.25..0.35).contains(&all), "{all}");
        // Rural couriers flagged far more often; older couriers less often.
        assert!(
            rate(&rows, |r| r.person.rural, flagged)
                > 2.0 * rate(&rows, |r| !r.person.rural, flagged)
        );
        assert!(
            rate(&rows, |r| r.person.age == 2, flagged)
                < 0.7 * rate(&rows, |r| r.person.age < 2, flagged)
        );
        // About 4 % of ethnicity cells are empty.
        let missing = rate(&rows, |_| true, |r| r.person.ethnicity.is_none());
        assert!((0.03..0.05).contains(&missing), "{missing}");
    }

    #[test]
    fn couriers_score_has_steps_and_caps() {
        let base = CourierInputs {
            tenure_months: 12,
            deliveries_per_week: 100,
            on_time_rate: 0.95,
            customer_complaints: 0,
            cancelled_orders: 0,
            sick_days: 0,
            home_distance_km: 10.0,
        };
        let s = |f: &dyn Fn(&mut CourierInputs)| {
            let mut x = base;
            f(&mut x);
            courier_score(&x) - courier_score(&base)
        };
        assert_eq!(s(&|x| x.customer_complaints = 1), 8.0);
        assert_eq!(s(&|x| x.customer_complaints = 9), 20.0);
        assert_eq!(s(&|x| x.cancelled_orders = 10), 15.0);
        assert_eq!(s(&|x| x.home_distance_km = 25.1), 10.0);
        assert_eq!(s(&|x| x.home_distance_km = 25.0), 0.0);
        assert_eq!(s(&|x| x.sick_days = 30), 20.0);
        // Lateness: 80 points per unit below 0.97 (capped at 18), plus a step of 10 below 0.85.
        assert!((s(&|x| x.on_time_rate = 0.849) - (80.0 * 0.121 + 10.0 - 1.6)).abs() < 1e-9);
        assert!((s(&|x| x.on_time_rate = 0.70) - (18.0 + 10.0 - 1.6)).abs() < 1e-9);
    }

    /// Share of rows in `rows` matching `group` that satisfy `hit`.
    fn rate<T>(rows: &[T], group: impl Fn(&T) -> bool, hit: impl Fn(&T) -> bool) -> f64 {
        let (mut n, mut k) = (0u32, 0u32);
        for r in rows.iter().filter(|r| group(r)) {
            n += 1;
            k += u32::from(hit(r));
        }
        assert!(n > 0, "empty group");
        f64::from(k) / f64::from(n)
    }

    #[test]
    fn same_seed_gives_identical_bytes() {
        for d in Dataset::ALL {
            for l in Lang::ALL {
                assert_eq!(csv(d, l, 3000, 7), csv(d, l, 3000, 7), "{d:?} {l:?}");
            }
        }
    }

    #[test]
    fn different_seed_gives_different_bytes() {
        for d in Dataset::ALL {
            assert_ne!(csv(d, Lang::En, 500, 7), csv(d, Lang::En, 500, 8), "{d:?}");
        }
    }

    #[test]
    fn prefix_of_a_longer_file_is_the_shorter_file() {
        let short = csv(Dataset::Warehouse, Lang::En, 100, 3);
        let long = csv(Dataset::Warehouse, Lang::En, 200, 3);
        assert!(long.starts_with(&short));
    }

    /// Pins the committed demo files: if this fails, the generator changed and the files in
    /// `datasets/` (and the realised figures in DATASHEET.md / ground_truth.toml) must be
    /// regenerated.
    #[test]
    fn demo_files_are_pinned() {
        let expected: [(Dataset, Lang, u64); 6] = [
            (Dataset::Warehouse, Lang::En, 0x760a_6ab2_57e4_e055),
            (Dataset::Warehouse, Lang::Zh, 0xa128_1e33_2d02_a65a),
            (Dataset::Attrition, Lang::En, 0x82a7_7fa9_7fb0_408d),
            (Dataset::Attrition, Lang::Zh, 0x3a53_77f1_2468_aa4d),
            (Dataset::Couriers, Lang::En, 0x8c41_00c8_c1d9_bc08),
            (Dataset::Couriers, Lang::Zh, 0x1c86_614b_958b_13b4),
        ];
        for (d, l, hash) in expected {
            let got = fnv1a(&csv(d, l, d.demo_rows(), DEMO_SEED));
            assert_eq!(got, hash, "{d:?} {l:?}: {got:#018x}");
        }
    }

    #[test]
    fn every_row_has_the_header_column_count_and_lf_endings() {
        for d in Dataset::ALL {
            for l in Lang::ALL {
                let t = text(csv(d, l, 2000, 11));
                assert!(!t.contains('\r') && !t.contains('"'));
                assert!(t.ends_with('\n'));
                let n = columns(d, l).len();
                let mut lines = t.lines();
                let header: Vec<&str> = lines.next().expect("header").split(',').collect();
                assert_eq!(header, columns(d, l));
                let mut count = 0;
                for line in lines {
                    assert_eq!(line.split(',').count(), n, "{line}");
                    count += 1;
                }
                assert_eq!(count, 2000);
            }
        }
    }

    #[test]
    fn columns_are_unique_and_match_across_languages() {
        for d in Dataset::ALL {
            for l in Lang::ALL {
                let mut c = columns(d, l);
                let n = c.len();
                c.sort_unstable();
                c.dedup();
                assert_eq!(c.len(), n, "{d:?} {l:?}");
            }
            assert_eq!(columns(d, Lang::En).len(), columns(d, Lang::Zh).len());
        }
    }

    #[test]
    fn chinese_file_is_the_english_file_translated() {
        let tables: [&[[&str; 2]]; 7] = [
            &SEX, &AGE_BAND, &HUKOU, &ETHNICITY, &YES_NO, &SHIFT, &MARITAL,
        ];
        let translate = |en: &str| {
            tables
                .iter()
                .flat_map(|t| t.iter())
                .find(|pair| pair[0] == en)
                .map(|pair| pair[1])
        };
        for d in Dataset::ALL {
            let en = text(csv(d, Lang::En, 1500, 5));
            let zh = text(csv(d, Lang::Zh, 1500, 5));
            let mut translated_cells = 0;
            for (a, b) in en.lines().skip(1).zip(zh.lines().skip(1)) {
                for (x, y) in a.split(',').zip(b.split(',')) {
                    if x != y {
                        assert_eq!(translate(x), Some(y), "{x} vs {y}");
                        translated_cells += 1;
                    }
                }
            }
            assert!(translated_cells > 1500 * 3);
            assert_eq!(en.lines().count(), zh.lines().count());
        }
        let zh = text(csv(Dataset::Attrition, Lang::Zh, 200, 5));
        for word in ["女", "男", "城镇", "农村", "汉族", "是", "否", "已婚"] {
            assert!(zh.contains(word), "{word}");
        }
    }

    #[test]
    fn quoting_only_when_needed() {
        let mut b = Vec::new();
        push_text(&mut b, "plain");
        b.push(b'|');
        push_text(&mut b, "a,b");
        b.push(b'|');
        push_text(&mut b, "say \"hi\"");
        assert_eq!(b, b"plain|\"a,b\"|\"say \"\"hi\"\"\"");
    }

    #[test]
    fn number_formatting() {
        let mut b = Vec::new();
        push_fixed(&mut b, 1234, 1);
        b.push(b' ');
        push_fixed(&mut b, 5, 2);
        b.push(b' ');
        push_fixed(&mut b, 0, 3);
        b.push(b' ');
        push_padded(&mut b, 12_345_678, 7);
        b.push(b' ');
        push_padded(&mut b, 42, 7);
        assert_eq!(b, b"123.4 0.05 0.000 12345678 0000042");
    }

    #[test]
    fn ziggurat_normal_has_the_right_distribution() {
        let mut g = Gen::new(1, Dataset::Warehouse);
        let n = 1_000_000;
        let (mut sum, mut sq) = (0.0, 0.0);
        let cuts = [-2.5, -1.0, 0.0, 0.5, 1.5, 3.0];
        let cdf = [0.006_21, 0.158_655, 0.5, 0.691_462, 0.933_193, 0.998_65];
        let mut below = [0u32; 6];
        for _ in 0..n {
            let z = g.std_normal();
            sum += z;
            sq += z * z;
            for (c, b) in cuts.iter().zip(below.iter_mut()) {
                *b += u32::from(z < *c);
            }
        }
        let mean = sum / f64::from(n);
        assert!(mean.abs() < 0.005, "mean {mean}");
        assert!((sq / f64::from(n) - 1.0).abs() < 0.01, "variance");
        for ((b, p), c) in below.iter().zip(cdf).zip(cuts) {
            let got = f64::from(*b) / f64::from(n);
            assert!((got - p).abs() < 0.002, "P(z < {c}) = {got}, expected {p}");
        }
    }

    #[test]
    fn portable_exp_and_ln_are_accurate() {
        for i in -4000..=4000 {
            let x = f64::from(i) * 0.01;
            let rel = (det_exp(x) - x.exp()).abs() / x.exp();
            assert!(rel < 1e-14, "exp({x})");
        }
        for i in 1..=5000 {
            let x = f64::from(i) * 0.013;
            assert!((det_ln(x) - x.ln()).abs() < 1e-14, "ln({x})");
        }
        assert!((det_ln(1e-12) - 1e-12f64.ln()).abs() < 1e-12);
    }

    #[test]
    fn warehouse_flag_rate_is_in_band_and_flags_match_scores() {
        let rows = warehouse_rows(20_000, DEMO_SEED + 1);
        let flagged = rate(&rows, |_| true, |r| r.flagged);
        assert!((0.10..=0.20).contains(&flagged), "flagged {flagged}");
        let confirmed = rate(&rows, |_| true, |r| r.confirmed);
        assert!((0.06..=0.18).contains(&confirmed), "confirmed {confirmed}");
        assert!(rows.iter().all(|r| r.flagged == (r.score_tenths < 400)));
        assert!(rows.iter().all(|r| (0..=1000).contains(&r.score_tenths)));
    }

    #[test]
    fn warehouse_planted_disparities_are_there() {
        let rows = warehouse_rows(20_000, DEMO_SEED + 2);
        let flag = |r: &WarehouseRow| r.flagged;
        let disabled = rate(&rows, |r| r.person.disabled, flag);
        let able = rate(&rows, |r| !r.person.disabled, flag);
        assert!(disabled > able + 0.15, "disabled {disabled} vs {able}");
        let rural = rate(&rows, |r| r.person.rural, flag);
        let urban = rate(&rows, |r| !r.person.rural, flag);
        assert!(rural > urban + 0.05, "rural {rural} vs {urban}");
        let women = rate(&rows, |r| r.person.female && r.person.age < 2, flag);
        let men = rate(&rows, |r| !r.person.female && r.person.age < 2, flag);
        assert!(women > men + 0.03, "women 18-44 {women} vs men {men}");
        let old = rate(&rows, |r| r.person.age == 2, flag);
        let young = rate(&rows, |r| r.person.age == 0, flag);
        assert!(old > young + 0.03, "45+ {old} vs 18-29 {young}");
        // No planted ethnicity effect: Han and the minorities together are flagged alike.
        let han = rate(&rows, |r| r.person.ethnicity == Some(0), flag);
        let minority = rate(&rows, |r| r.person.ethnicity.is_some_and(|e| e > 0), flag);
        assert!(
            (han - minority).abs() < 0.035,
            "Han {han} vs minorities {minority}"
        );
        // The human review does not depend on disability: flags are wrong more often for them.
        let fp = |r: &WarehouseRow| r.flagged && !r.confirmed;
        let fp_disabled = rate(&rows, |r| r.person.disabled && !r.confirmed, fp);
        let fp_able = rate(&rows, |r| !r.person.disabled && !r.confirmed, fp);
        assert!(
            fp_disabled > 2.0 * fp_able,
            "FPR {fp_disabled} vs {fp_able}"
        );
    }

    #[test]
    fn warehouse_home_district_is_a_proxy_for_rural_hukou() {
        let rows = warehouse_rows(20_000, DEMO_SEED + 3);
        let outer = |r: &WarehouseRow| r.restricted.home_district >= 7;
        assert!(rate(&rows, outer, |r| r.person.rural) > 0.8);
        assert!(rate(&rows, |r| !outer(r), |r| !r.person.rural) > 0.75);
    }

    #[test]
    fn warehouse_last_message_times_leave_working_hours() {
        let rows = warehouse_rows(10_000, DEMO_SEED + 4);
        let stamped: Vec<MessageTime> = rows
            .iter()
            .filter_map(|r| r.restricted.last_message_at)
            .collect();
        let missing = 1.0 - stamped.len() as f64 / rows.len() as f64;
        assert!((0.002..0.05).contains(&missing), "missing {missing}");
        let outside =
            stamped.iter().filter(|s| !s.is_working_hours()).count() as f64 / stamped.len() as f64;
        assert!((0.3..0.7).contains(&outside), "outside {outside}");
        let mut b = Vec::new();
        MessageTime { day: 9, secs: 3661 }.write(&mut b);
        assert_eq!(b, b"2026-11-09 01:01:01");
    }

    fn sample_warehouse_inputs() -> (WarehouseLegit, WarehouseRestricted) {
        let rows = warehouse_rows(1, 99);
        (rows[0].legit, rows[0].restricted)
    }

    #[test]
    fn warehouse_score_ignores_union_job_sites_and_timestamps_by_construction() {
        let (l, r) = sample_warehouse_inputs();
        let base = warehouse_model_score(&l, &r);
        let mut changed = r;
        changed.union_chat_mentions = r.union_chat_mentions + 40;
        changed.job_site_visits = r.job_site_visits + 25;
        changed.last_message_at = Some(MessageTime { day: 22, secs: 3 });
        assert_eq!(warehouse_model_score(&l, &changed), base);
        changed.last_message_at = None;
        assert_eq!(warehouse_model_score(&l, &changed), base);
    }

    #[test]
    fn warehouse_score_uses_the_planted_inputs() {
        let (l, r) = sample_warehouse_inputs();
        let base = warehouse_model_score(&l, &r);
        let with = |f: &dyn Fn(&mut WarehouseRestricted)| {
            let mut x = r;
            f(&mut x);
            warehouse_model_score(&l, &x) - base
        };
        let sick = with(&|x| x.sick_leave_days += 1);
        assert!((sick + 1.0).abs() < 1e-9);
        let bath = with(&|x| x.bathroom_break_minutes += 10.0);
        assert!((bath + 6.0).abs() < 1e-9);
        let mut near = r;
        near.home_district = 3;
        let mut far = r;
        far.home_district = 11;
        let gap = warehouse_model_score(&l, &near) - warehouse_model_score(&l, &far);
        assert!((gap - WH_OUTER_DISTRICT_PENALTY).abs() < 1e-9);
        let mut quiet = r;
        quiet.after_hours_messages = 0;
        let mut chatty = r;
        chatty.after_hours_messages = 8;
        let bonus = warehouse_model_score(&l, &chatty) - warehouse_model_score(&l, &quiet);
        assert!((bonus - 2.0).abs() < 1e-9);
    }

    #[test]
    fn attrition_flags_and_planted_structure() {
        let rows = attrition_rows(10_000, DEMO_SEED + 5);
        let flag = |r: &AttritionRow| r.flagged;
        let flagged = rate(&rows, |_| true, flag);
        assert!((0.12..=0.30).contains(&flagged), "flagged {flagged}");
        let left = rate(&rows, |_| true, |r| r.left);
        assert!((0.12..=0.30).contains(&left), "left {left}");
        assert!(rows.iter().all(|r| r.flagged == (r.score_milli >= 500)));
        assert!(rows.iter().all(|r| (0..=1000).contains(&r.score_milli)));
        let mat = rate(&rows, |r| r.restricted.maternity_leave_days > 0, flag);
        let no_mat = rate(&rows, |r| r.restricted.maternity_leave_days == 0, flag);
        assert!(mat > no_mat + 0.3, "maternity {mat} vs {no_mat}");
        // ...although maternity leave does not make anyone more likely to leave.
        let left_mat = rate(&rows, |r| r.restricted.maternity_leave_days > 0, |r| r.left);
        let left_no = rate(
            &rows,
            |r| r.restricted.maternity_leave_days == 0,
            |r| r.left,
        );
        assert!((left_mat - left_no).abs() < 0.07, "{left_mat} vs {left_no}");
        let women = rate(&rows, |r| r.person.female && r.person.age < 2, flag);
        let men = rate(&rows, |r| !r.person.female && r.person.age < 2, flag);
        assert!(women > men + 0.05, "women 18-44 {women} vs men {men}");
        let rural = rate(&rows, |r| r.person.rural, flag);
        let urban = rate(&rows, |r| !r.person.rural, flag);
        assert!(rural > urban + 0.04, "rural {rural} vs {urban}");
        assert!(
            rows.iter()
                .all(|r| r.person.female || r.restricted.maternity_leave_days == 0)
        );
    }

    #[test]
    fn attrition_score_ignores_social_media_and_union_by_construction() {
        let rows = attrition_rows(1, 98);
        let (l, r) = (rows[0].legit, rows[0].restricted);
        let base = attrition_score_logit(&l, &r);
        let mut changed = r;
        changed.personal_social_media_posts += 100;
        changed.union_chat_mentions += 30;
        assert_eq!(attrition_score_logit(&l, &changed), base);
        let mut none = r;
        none.job_board_visits = 0;
        let mut some = r;
        some.job_board_visits = 4;
        let gap = attrition_score_logit(&l, &some) - attrition_score_logit(&l, &none);
        assert!((gap - 1.8).abs() < 1e-9);
        let mut leave = r;
        leave.maternity_leave_days = r.maternity_leave_days + 98;
        assert!(attrition_score_logit(&l, &leave) > base + 1.0);
    }
}
