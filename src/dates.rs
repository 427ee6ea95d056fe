//! Dates as a ledger (台账) records them: local dates in Beijing time (UTC+8 all year; China
//! has kept no daylight saving since 1991), `YYYY-MM-DD`, which Excel reads as dates.
//!
//! The app stamps records with ISO 8601 UTC timestamps (`2026-11-29T08:30:00.000Z`, what
//! the browser's `Date.toISOString` writes); this module turns them into Beijing dates
//! and does the month arithmetic a monthly report (月报) needs. Std only, no date crate.
//!
//! ```
//! use zonematch::dates::{beijing_date, beijing_date_time, YearMonth};
//! assert_eq!(beijing_date("2026-12-31T16:00:00.000Z").as_deref(), Some("2027-01-01"));
//! assert_eq!(beijing_date_time("2028-02-28T20:15:00Z").as_deref(), Some("2028-02-29 04:15"));
//! let m = YearMonth::new(2026, 2).unwrap();
//! assert_eq!(m.plus(-11).to_string(), "2025-03");
//! assert_eq!(m.last_day(), "2026-02-28");
//! ```

/// Beijing time's offset from UTC, minutes.
pub const BEIJING_OFFSET_MINUTES: i64 = 8 * 60;

/// True for a Gregorian leap year (2028, 2000; not 2100).
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1-12) of `year`; 0 for a month outside 1-12.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A calendar date as `YYYY-MM-DD`.
pub fn format_date(year: i32, month: u32, day: u32) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

/// Read a calendar date into (year, month, day), checked (no 2026-02-29, no month 13).
///
/// Takes `YYYY-MM-DD` and what spreadsheets write back for it: `/` or `.` as separators,
/// one-digit months and days (`2026/3/5`, Chinese Excel's way) and `2026年3月5日`. A
/// time after the date (`2026-03-05 14:00`, `2026-03-05T06:00:00Z`) is ignored: it reads
/// the date as written, with no time-zone conversion (for that, see [`beijing_date`]).
pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let s = s.trim();
    let s = s.split(['T', ' ']).next().unwrap_or("");
    let s = s.strip_suffix('日').unwrap_or(s);
    let mut parts = s.split(['-', '/', '.', '年', '月']);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || y.len() != 4
        || !(1..=2).contains(&m.len())
        || !(1..=2).contains(&d.len())
    {
        return None;
    }
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if !digits(y) || !digits(m) || !digits(d) {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    (d >= 1 && d <= days_in_month(y, m)).then_some((y, m, d))
}

/// A date in any form [`parse_date`] reads, written as `YYYY-MM-DD`; `None` when it is
/// not a date.
pub fn normalize_date(s: &str) -> Option<String> {
    parse_date(s).map(|(y, m, d)| format_date(y, m, d))
}

/// A date as one sortable number, `YYYYMMDD` (20260305), for comparing dates whatever
/// their spelling; `None` when `s` is not a date.
pub fn day_number(s: &str) -> Option<i64> {
    parse_date(s).map(|(y, m, d)| i64::from(y) * 10_000 + i64::from(m) * 100 + i64::from(d))
}

/// A date as a spreadsheet cell gives it: a day or only a month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellDate {
    /// `YYYY-MM-DD`.
    Day(String),
    /// `YYYY-MM` (`1988.06`, `2023年8月`: the cell names no day).
    Month(String),
}

/// The date of an Excel serial number (days since 1899-12-30 in the 1900 date system,
/// which counts a 1900-02-29 that never was: serial 60 is refused, 61 is 1900-03-01).
/// Serials below 1 or after 9999-12-31 (2,958,465) are not dates; a time of day (the
/// fraction) is dropped.
pub fn excel_serial_date(serial: f64) -> Option<String> {
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let whole = serial.floor() as i64;
    if whole == 60 {
        return None;
    }
    // Serials 1-59 are 1900-01-01..1900-02-28; from 61 on, one day too many is counted.
    let days_since_1899_12_31 = if whole < 60 { whole } else { whole - 1 };
    let (y, m, d) = civil_from_days(days_from_civil(1899, 12, 31) + days_since_1899_12_31);
    Some(format_date(y as i32, m, d))
}

/// A date cell of a table, in any form people keep dates in: what [`parse_date`] reads
/// (`2023-08-24`, `2023/8/24`, `2023.8.24`, `2023年8月24日`), an Excel serial typed or
/// exported as text (`45162`, five digits, is 2023-08-24), a month alone
/// (`2023.08`, `2023-08`, `2023/8`, `2023年8月`, `198806`), or a day-first date whose
/// day cannot be a month (`24/8/2023`). A date whose day and month could be swapped
/// (`5/8/2023`) and a year alone are not read: `None`, so the cell is flagged, never
/// guessed.
pub fn read_cell_date(s: &str) -> Option<CellDate> {
    let s: String = s
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFF10 + u32::from(b'0')).unwrap_or(c),
            '．' | '。' => '.',
            '／' => '/',
            '－' => '-',
            _ => c,
        })
        .collect();
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(d) = normalize_date(s) {
        return Some(CellDate::Day(d));
    }
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    // An Excel serial: a whole number of five digits (10000 is 1927-05-18), or
    // one with a time fraction.
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if digits(int) && int.len() == 5 && (frac.is_empty() || digits(frac)) {
        return s
            .parse()
            .ok()
            .and_then(excel_serial_date)
            .map(CellDate::Day);
    }
    // YYYYMM and YYYYMMDD.
    if digits(s) && (s.len() == 6 || s.len() == 8) {
        let (y, rest) = s.split_at(4);
        let (m, d) = rest.split_at(2);
        if d.is_empty() {
            return YearMonth::new(y.parse().ok()?, m.parse().ok()?)
                .map(|ym| CellDate::Month(ym.to_string()));
        }
        return normalize_date(&format!("{y}-{m}-{d}")).map(CellDate::Day);
    }
    // A month alone.
    let month = s.strip_suffix('月').unwrap_or(s);
    if let Some((y, m)) = month.split_once(['-', '/', '.', '年']) {
        if y.len() == 4 && digits(y) && (1..=2).contains(&m.len()) && digits(m) {
            return YearMonth::new(y.parse().ok()?, m.parse().ok()?)
                .map(|ym| CellDate::Month(ym.to_string()));
        }
    }
    // Day first, year last: read only when the first number cannot be a month.
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    if let [d, m, y] = parts[..] {
        if y.len() == 4 && digits(d) && digits(m) && digits(y) && d.len() <= 2 && m.len() <= 2 {
            let (d, m): (u32, u32) = (d.parse().ok()?, m.parse().ok()?);
            if d > 12 {
                return normalize_date(&format!("{y}-{m}-{d}")).map(CellDate::Day);
            }
        }
    }
    None
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian; H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01 (inverse of [`days_from_civil`]).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Two ASCII digits as a number.
fn two_digits(s: &str) -> Option<u32> {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Beijing local time of an ISO 8601 timestamp: (year, month, day, hour, minute).
///
/// Reads `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z`, an offset (`+08:00`, `-0500`,
/// `+08`) or nothing (taken as UTC, the only zone the app writes); `T` may be a space.
/// A bare `YYYY-MM-DD` is taken as a Beijing date already (midnight).
fn beijing(iso: &str) -> Option<(i32, u32, u32, u32, u32)> {
    let s = iso.trim();
    let date = s.get(..10)?;
    let (y, m, d) =
        parse_date(date).filter(|_| date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-')?;
    let rest = &s[10..];
    if rest.is_empty() {
        return Some((y, m, d, 0, 0));
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let hour = two_digits(rest.get(..2)?)?;
    let minute = two_digits(rest.get(3..5).filter(|_| rest.as_bytes()[2] == b':')?)?;
    let mut rest = &rest[5..];
    if let Some(r) = rest.strip_prefix(':') {
        let second = two_digits(r.get(..2)?)?;
        if second > 60 {
            return None;
        }
        rest = &r[2..];
        if let Some(r) = rest.strip_prefix(['.', ',']) {
            let digits = r.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            rest = &r[digits..];
        }
    }
    // The timestamp's offset from UTC, minutes.
    let offset: i64 = match rest {
        "" | "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let r = &rest[1..];
            let (hh, mm) = match r.len() {
                2 => (two_digits(r)?, 0),
                4 => (two_digits(r.get(..2)?)?, two_digits(r.get(2..)?)?),
                5 if r.as_bytes()[2] == b':' => {
                    (two_digits(r.get(..2)?)?, two_digits(r.get(3..)?)?)
                }
                _ => return None,
            };
            if hh > 23 || mm > 59 {
                return None;
            }
            sign * i64::from(hh * 60 + mm)
        }
    };
    if hour > 23 || minute > 59 {
        return None;
    }
    let minutes = days_from_civil(i64::from(y), m, d) * 1_440
        + i64::from(hour * 60 + minute)
        + BEIJING_OFFSET_MINUTES
        - offset;
    let (y, m, d) = civil_from_days(minutes.div_euclid(1_440));
    let in_day = minutes.rem_euclid(1_440) as u32;
    Some((i32::try_from(y).ok()?, m, d, in_day / 60, in_day % 60))
}

/// The Beijing local date (`YYYY-MM-DD`) of an ISO 8601 timestamp: UTC 16:00 or later is
/// already the next day in Beijing. `None` when `iso` is not a timestamp (see [`beijing`]
/// for the forms read).
pub fn beijing_date(iso: &str) -> Option<String> {
    beijing(iso).map(|(y, m, d, _, _)| format_date(y, m, d))
}

/// The Beijing local date and time (`YYYY-MM-DD HH:MM`) of an ISO 8601 timestamp.
pub fn beijing_date_time(iso: &str) -> Option<String> {
    beijing(iso).map(|(y, m, d, h, min)| format!("{} {h:02}:{min:02}", format_date(y, m, d)))
}

/// A calendar month, the unit of the monthly report (月报).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    /// 1-12.
    pub month: u32,
}

impl YearMonth {
    /// The month, when `month` is 1-12.
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        (1..=12)
            .contains(&month)
            .then_some(YearMonth { year, month })
    }

    /// The month of `YYYY-MM` (what `<input type=month>` gives) or of any date
    /// [`parse_date`] reads.
    pub fn parse(s: &str) -> Option<YearMonth> {
        if let Some((y, m, _)) = parse_date(s) {
            return YearMonth::new(y, m);
        }
        let (y, m) = s.trim().split_once(['-', '/'])?;
        if y.len() != 4 || !(1..=2).contains(&m.len()) {
            return None;
        }
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if !digits(y) || !digits(m) {
            return None;
        }
        YearMonth::new(y.parse().ok()?, m.parse().ok()?)
    }

    /// The month `n` months later (earlier when `n` is negative), across year ends.
    pub fn plus(self, n: i32) -> YearMonth {
        let index = self.year * 12 + self.month as i32 - 1 + n;
        YearMonth {
            year: index.div_euclid(12),
            month: index.rem_euclid(12) as u32 + 1,
        }
    }

    /// The `n` months ending at this one, oldest first (`n = 12`: this month and the 11
    /// before it).
    pub fn months_ending(self, n: u32) -> Vec<YearMonth> {
        (0..n as i32).rev().map(|k| self.plus(-k)).collect()
    }

    /// January of this month's year: where a year-to-date (本年累计) figure starts.
    pub fn january(self) -> YearMonth {
        YearMonth {
            year: self.year,
            month: 1,
        }
    }

    /// First day, `YYYY-MM-01`.
    pub fn first_day(self) -> String {
        format_date(self.year, self.month, 1)
    }

    /// Last day, `YYYY-MM-DD` (28-31, leap years included).
    pub fn last_day(self) -> String {
        format_date(self.year, self.month, days_in_month(self.year, self.month))
    }

    /// The month of a date in any form [`parse_date`] reads.
    pub fn of_date(date: &str) -> Option<YearMonth> {
        parse_date(date).and_then(|(y, m, _)| YearMonth::new(y, m))
    }
}

/// `YYYY-MM`.
impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_dates() {
        let day = |s: &str| Some(CellDate::Day(s.to_string()));
        let month = |s: &str| Some(CellDate::Month(s.to_string()));
        let cases: &[(&str, Option<CellDate>)] = &[
            ("2023/8/24", day("2023-08-24")),
            ("2023-08-24", day("2023-08-24")),
            ("2023.8.24", day("2023-08-24")),
            ("2023年8月24日", day("2023-08-24")),
            ("２０２３年８月２４日", day("2023-08-24")),
            ("2023-08-24 10:30", day("2023-08-24")),
            ("2019/12/6", day("2019-12-06")),
            ("45162", day("2023-08-24")),
            ("45162.5", day("2023-08-24")),
            ("20230824", day("2023-08-24")),
            ("24/8/2023", day("2023-08-24")),
            ("1988.06", month("1988-06")),
            ("2023.08", month("2023-08")),
            ("2023-8", month("2023-08")),
            ("2023年8月", month("2023-08")),
            ("198806", month("1988-06")),
            ("5/8/2023", None),
            ("8/24/2023", None),
            ("2023", None),
            ("2023/2/30", None),
            ("2023.13", None),
            ("下个月", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(&read_cell_date(input), want, "{input}");
        }
        assert_eq!(excel_serial_date(1.0).as_deref(), Some("1900-01-01"));
        assert_eq!(excel_serial_date(59.0).as_deref(), Some("1900-02-28"));
        assert_eq!(excel_serial_date(60.0), None);
        assert_eq!(excel_serial_date(61.0).as_deref(), Some("1900-03-01"));
        assert_eq!(excel_serial_date(43831.0).as_deref(), Some("2020-01-01"));
        assert_eq!(
            excel_serial_date(2_958_465.0).as_deref(),
            Some("9999-12-31")
        );
        assert_eq!(excel_serial_date(f64::NAN), None);
    }

    #[test]
    fn day_counts_round_trip() {
        for days in [-800_000, -1, 0, 1, 10_957, 20_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }
}
