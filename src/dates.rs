//! Dates, times and working hours, with no calendar library: civil dates to day counts
//! (Hinnant's algorithm), ISO weekdays, timestamps with an optional UTC offset, and the
//! contracted working schedule. Used by the spec (date keys), the data layer (a timestamp as an
//! "outside working hours" input) and the screening (off-hours activity).

use serde::Serialize;

/// A contracted working schedule.
///
/// `days` are ISO weekday numbers (1 = Monday … 7 = Sunday); numbers outside `1..=7` never
/// match. `start` and `end` are minutes since local midnight (values above 1440 are treated as
/// 1440); the window is `[start, end)`. If `end < start` the shift runs overnight and its
/// after-midnight part belongs to the day it started. `start == end` means the whole day.
/// `utc_offset_minutes` is the workplace's offset from UTC (480 for China, UTC+8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkingHours {
    /// Working days, ISO numbering (1 = Monday).
    pub days: Vec<u8>,
    /// Start of the working window, minutes since local midnight.
    pub start: u16,
    /// End of the working window (exclusive), minutes since local midnight.
    pub end: u16,
    /// The workplace's offset from UTC, in minutes.
    pub utc_offset_minutes: i32,
}

impl WorkingHours {
    /// The fallback schedule used when no contract schedule is known: Monday to Friday,
    /// 08:00 to 19:00 local time.
    pub fn office(utc_offset_minutes: i32) -> Self {
        WorkingHours {
            days: vec![1, 2, 3, 4, 5],
            start: 8 * 60,
            end: 19 * 60,
            utc_offset_minutes,
        }
    }

    pub fn works_on(&self, weekday: u8) -> bool {
        self.days.contains(&weekday)
    }

    /// Whether local `weekday` (1–7) at `minute` (0–1439) is inside the schedule.
    pub fn contains(&self, weekday: u8, minute: u32) -> bool {
        let start = u32::from(self.start.min(1440));
        let end = u32::from(self.end.min(1440));
        let previous = if weekday == 1 { 7 } else { weekday - 1 };
        match start.cmp(&end) {
            std::cmp::Ordering::Equal => self.works_on(weekday),
            std::cmp::Ordering::Less => self.works_on(weekday) && (start..end).contains(&minute),
            std::cmp::Ordering::Greater => {
                (self.works_on(weekday) && minute >= start)
                    || (self.works_on(previous) && minute < end)
            }
        }
    }
}

/// A parsed timestamp: minutes since 1970-01-01 00:00 as written, and the offset if given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub minutes: i64,
    pub offset_minutes: Option<i32>,
}

/// Days from 1970-01-01 to the civil date (proleptic Gregorian), after H. Hinnant's
/// `days_from_civil`.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// ISO weekday (1 = Monday … 7 = Sunday) of a day count since 1970-01-01, a Thursday.
pub fn iso_weekday(days: i64) -> u8 {
    // 1970-01-01 is day 0 and a Thursday (ISO 4).
    u8::try_from((days + 3).rem_euclid(7) + 1).unwrap_or(1)
}

pub fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

pub fn number(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

pub fn parse_timestamp(text: &str) -> Option<Stamp> {
    let bytes = text.as_bytes();
    if bytes.len() < 16 {
        return None;
    }
    let sep = bytes[4];
    if !(sep == b'-' || sep == b'/') || bytes[7] != sep || !(bytes[10] == b' ' || bytes[10] == b'T')
    {
        return None;
    }
    let year = i64::from(number(text.get(0..4)?)?);
    let month = number(text.get(5..7)?)?;
    let day = number(text.get(8..10)?)?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let rest = text.get(11..)?;
    // Split the time from the zone suffix.
    let zone_at = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let (time, zone) = rest.split_at(zone_at);
    let mut fields = time.split(':');
    let hour = number(fields.next()?)?;
    let minute = number(fields.next()?)?;
    let second_field = fields.next();
    if fields.next().is_some() || hour > 23 || minute > 59 {
        return None;
    }
    if let Some(second) = second_field {
        let (whole, fraction) = second.split_once('.').unwrap_or((second, "0"));
        if whole.len() != 2 || number(whole)? > 60 || number(fraction).is_none() {
            return None;
        }
    }
    let offset_minutes = parse_zone(zone)?;
    let minutes =
        days_from_civil(year, month, day) * 1440 + i64::from(hour) * 60 + i64::from(minute);
    Some(Stamp {
        minutes,
        offset_minutes,
    })
}

/// `""` → no offset; `Z` → 0; `+08:00`, `+0800`, `+08` → minutes. `None` if malformed.
pub fn parse_zone(zone: &str) -> Option<Option<i32>> {
    if zone.is_empty() {
        return Some(None);
    }
    if zone == "Z" || zone == "z" {
        return Some(Some(0));
    }
    let sign = match zone.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
    if zone[1..].matches(':').count() > 1 {
        return None;
    }
    let (h, m) = match digits.len() {
        2 => (number(&digits)?, 0),
        4 => (number(&digits[..2])?, number(&digits[2..])?),
        _ => return None,
    };
    if h > 14 || m > 59 {
        return None;
    }
    Some(Some(sign * i32::try_from(h * 60 + m).ok()?))
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (the first ten characters of `text`); None
/// for anything else or an impossible date (2026-02-30).
pub fn parse_date(text: &str) -> Option<i64> {
    let t = text.trim().get(..10)?;
    let b = t.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i64::from(number(t.get(0..4)?)?);
    let month = number(t.get(5..7)?)?;
    let day = number(t.get(8..10)?)?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

/// Whether one timestamp falls outside the working schedule (None when it does not parse).
/// A timestamp with an offset is converted to the workplace's local time.
pub fn is_off_hours(text: &str, hours: &WorkingHours) -> Option<bool> {
    let stamp = parse_timestamp(text.trim())?;
    let local = match stamp.offset_minutes {
        Some(offset) => stamp.minutes - i64::from(offset) + i64::from(hours.utc_offset_minutes),
        None => stamp.minutes,
    };
    let day = local.div_euclid(1440);
    let minute = u32::try_from(local.rem_euclid(1440)).unwrap_or(0);
    Some(!hours.contains(iso_weekday(day), minute))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_count_days() {
        assert_eq!(parse_date("1970-01-01"), Some(0));
        assert_eq!(parse_date("2026-11-23"), Some(20_780));
        assert_eq!(parse_date("2024-02-29"), Some(19_782));
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("2026/11/23"), None);
        assert_eq!(parse_date("23.11.2026"), None);
        // 1970-01-01 was a Thursday (ISO 4); 2026-11-23 a Monday.
        assert_eq!(iso_weekday(0), 4);
        assert_eq!(iso_weekday(20_780), 1);
    }

    #[test]
    fn one_timestamp_against_the_schedule() {
        let office = WorkingHours::office(480);
        assert_eq!(is_off_hours("2026-11-23 09:00", &office), Some(false));
        assert_eq!(is_off_hours("2026-11-23 20:00", &office), Some(true));
        assert_eq!(is_off_hours("2026-11-22 10:00", &office), Some(true)); // a Sunday
        // 02:00 UTC is 10:00 in UTC+8.
        assert_eq!(is_off_hours("2026-11-23T02:00:00Z", &office), Some(false));
        assert_eq!(is_off_hours("not a time", &office), None);
    }
}
