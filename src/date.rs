//! Calendar dates as clerks write them.

use std::fmt;

use crate::text;

/// A calendar date. Field order makes the derived ordering chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    pub const EARLIEST: Date = Date {
        year: 1900,
        month: 1,
        day: 1,
    };
    pub const LATEST: Date = Date {
        year: 2999,
        month: 12,
        day: 31,
    };

    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        if !(1900..=2999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Today in UTC+8 (China Standard Time), the date an applicant's dry
    /// run assumes when none is given.
    pub fn today() -> Date {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days_since_epoch(((seconds + 8 * 3600) / 86_400) as i64)
    }

    /// The civil date `days` after 1970-01-01 (days-from-civil, inverted).
    pub(crate) fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date::new(year as u32, month as u32, day as u32).unwrap_or(Date::EARLIEST)
    }

    /// 2024-03-15 → 20240315: orders as the date does.
    pub fn ordinal(self) -> u32 {
        u32::from(self.year) * 10_000 + u32::from(self.month) * 100 + u32::from(self.day)
    }

    /// The date an `ordinal` stands for.
    pub fn from_ordinal(n: u32) -> Option<Date> {
        Date::new(n / 10_000, n / 100 % 100, n % 100)
    }

    /// The same day `months` months later; a day the month lacks becomes
    /// its last day (2024-01-31 + 1 month = 2024-02-29), as periods are
    /// counted (民法典第二百零二条: 到期月的对应日; 没有对应日的, 月末日).
    /// Past the last date the tool keeps, the last.
    pub fn plus_months(self, months: u32) -> Date {
        let index = u32::from(self.year) * 12 + u32::from(self.month) - 1 + months;
        let (year, month) = (index / 12, index % 12 + 1);
        if year > 2999 {
            return Date::LATEST;
        }
        let day = u32::from(self.day).min(days_in_month(year, month));
        Date::new(year, month, day).unwrap_or(Date::LATEST)
    }

    /// The day `days` days later (past the last date kept, the last).
    pub fn plus_days(self, days: u32) -> Date {
        let mut d = self;
        let mut left = days;
        while left > 0 {
            let in_month = days_in_month(u32::from(d.year), u32::from(d.month));
            let to_month_end = in_month - u32::from(d.day);
            if left <= to_month_end {
                return Date::new(
                    u32::from(d.year),
                    u32::from(d.month),
                    u32::from(d.day) + left,
                )
                .unwrap_or(Date::LATEST);
            }
            left -= to_month_end + 1;
            let next = d.plus_months(1);
            if next == Date::LATEST && d.year == 2999 && d.month == 12 {
                return Date::LATEST;
            }
            d = Date::new(u32::from(next.year), u32::from(next.month), 1).unwrap_or(Date::LATEST);
        }
        d
    }

    pub fn year(self) -> i32 {
        i32::from(self.year)
    }

    /// Reads `2024-03-15`, `2024/3/15`, `2024.3.15`, `2024年3月15日` (or
    /// `号`) and `20240315`, in full-width digits too, and any of them with
    /// a time of day after it as a spreadsheet writes a date cell
    /// (`2024/3/5 0:00`, `2024-03-05 00:00:00`, `2024-03-05T00:00:00`).
    /// Anything else is `None`.
    pub fn parse(written: &str) -> Option<Date> {
        // The usual spelling, read straight from the bytes.
        if let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *written.as_bytes() {
            let digits = [y1, y2, y3, y4, m1, m2, d1, d2];
            if digits.iter().all(u8::is_ascii_digit) {
                let n = |a: &[u8]| a.iter().fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
                return Date::new(n(&digits[..4]), n(&digits[4..6]), n(&digits[6..]));
            }
        }
        let cleaned = text::clean(written);
        let s = without_time(cleaned.as_ref())?;
        if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
            return Date::new(number(&s[..4])?, number(&s[4..6])?, number(&s[6..])?);
        }
        let s = s.strip_suffix(['日', '号']).unwrap_or(s);
        let mut parts = s.split(['-', '/', '.', '年', '月']);
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || year.len() != 4 || month.len() > 2 || day.len() > 2 {
            return None;
        }
        let separators_agree = {
            let mut seps = s.chars().filter(|c| !c.is_ascii_digit());
            match (seps.next(), seps.next(), seps.next()) {
                (Some('年'), Some('月'), None) => true,
                (Some(a), Some(b), None) => a == b && a != '年',
                _ => false,
            }
        };
        if !separators_agree {
            return None;
        }
        Date::new(number(year)?, number(month)?, number(day)?)
    }
}

/// Excel's serial of 1970-01-01: a serial counts days from 1899-12-30.
const EXCEL_EPOCH: i64 = 25_569;

/// The serials of 2000-01-01 and 2099-12-31: a number outside them is no
/// date a claim of these years would carry.
const EXCEL_SERIALS: std::ops::RangeInclusive<i64> = 36_526..=73_050;

impl Date {
    /// A date a spreadsheet shows as its serial number (`45358` is
    /// 2024-03-07), as a cell copied out of its date format reads; `45358.0`
    /// too. Only the serials of 2000 to 2099 are taken.
    pub fn from_excel_serial(written: &str) -> Option<Date> {
        let cleaned = text::clean(written);
        let s = cleaned.as_ref();
        let s = s.strip_suffix(".0").unwrap_or(s);
        if s.len() != 5 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let serial = i64::from(number(s)?);
        EXCEL_SERIALS
            .contains(&serial)
            .then(|| Date::from_days_since_epoch(serial - EXCEL_EPOCH))
    }

    /// The spreadsheet serial of the date (see `from_excel_serial`).
    pub fn excel_serial(self) -> i64 {
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        // Days from civil: the inverse of `from_days_since_epoch`.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let shifted_month = (m + 9) % 12;
        let day_of_year = (153 * shifted_month + 2) / 5 + d - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468 + EXCEL_EPOCH
    }
}

/// The date part of a date written with a time of day (`H:MM` or
/// `H:MM:SS`, after a space or a `T`); `None` when the time is no time.
fn without_time(s: &str) -> Option<&str> {
    let Some((date, time)) = s.split_once([' ', 'T']) else {
        return Some(s);
    };
    let parts: Vec<&str> = time.trim().split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    for (part, limit) in parts.iter().zip([24, 60, 60]) {
        let value = number(part).filter(|_| part.len() <= 2)?;
        if value >= limit {
            return None;
        }
    }
    Some(date.trim_end())
}

fn number(digits: &str) -> Option<u32> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// `2024-05-01` appended to `out`, without the formatting machinery:
    /// the payout prints a date on every row.
    pub fn write_iso(&self, out: &mut String) {
        let year = self.year.clamp(0, 9999) as u32;
        if year != self.year as u32 {
            use fmt::Write as _;
            let _ = write!(out, "{self}");
            return;
        }
        let digits = [
            year / 1000,
            year / 100 % 10,
            year / 10 % 10,
            year % 10,
            u32::from(self.month) / 10,
            u32::from(self.month) % 10,
            u32::from(self.day) / 10,
            u32::from(self.day) % 10,
        ]
        .map(|d| char::from(b'0' + d as u8));
        out.extend(&digits[..4]);
        out.push('-');
        out.extend(&digits[4..6]);
        out.push('-');
        out.extend(&digits[6..]);
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_written_for_the_payout_is_its_iso_text() {
        for text in [
            "2024-01-01",
            "2024-12-31",
            "2026-02-28",
            "1999-09-09",
            "0999-10-10",
        ] {
            let Some(date) = Date::parse(text) else {
                continue;
            };
            let mut out = String::new();
            date.write_iso(&mut out);
            assert_eq!(out, date.to_string());
            assert_eq!(out, text);
        }
    }

    fn d(s: &str) -> Option<String> {
        Date::parse(s).map(|d| d.to_string())
    }

    #[test]
    fn every_spelling_of_the_spec_reads_the_same_day() {
        for written in [
            "2024-03-15",
            "2024/3/15",
            "2024年3月15日",
            "20240315",
            "2024.03.15",
            "２０２４－０３－１５",
            " 2024-3-15 ",
            "2024年3月15号",
            "2024/3/15 0:00",
            "2024-03-15 00:00:00",
            "2024-03-15T00:00:00",
            "2024/3/15 14:30",
            "２０２４／３／１５　０：００",
        ] {
            assert_eq!(d(written).as_deref(), Some("2024-03-15"), "{written}");
        }
    }

    #[test]
    fn impossible_or_ambiguous_dates_are_refused() {
        for written in [
            "2024-02-30",
            "2023-02-29",
            "2024-13-01",
            "2024-3",
            "15/3/2024",
            "2024-03/15",
            "2024年3月",
            "24-3-15",
            "",
            "yesterday",
            "٢٠٢٤-٠٣-١٥",
            "2024-03-15 25:00",
            "2024-03-15 0",
            "2024-03-15 noon",
            "2024-03-15 0:00:00:00",
            "2024-02-30 0:00",
        ] {
            assert_eq!(d(written), None, "{written}");
        }
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2000-02-29").is_some());
        assert!(Date::parse("2100-02-29").is_none());
    }

    #[test]
    fn days_since_1970_become_calendar_dates() {
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(
            Date::from_days_since_epoch(19_722).to_string(),
            "2023-12-31"
        );
        assert_eq!(
            Date::from_days_since_epoch(19_782).to_string(),
            "2024-02-29"
        );
        assert_eq!(
            Date::from_days_since_epoch(20_417).to_string(),
            "2025-11-25"
        );
    }

    #[test]
    fn dates_order_chronologically() {
        assert!(Date::parse("2024-01-31") < Date::parse("2024-02-01"));
        assert!(Date::parse("2023-12-31") < Date::parse("2024-01-01"));
    }

    #[test]
    fn a_spreadsheet_serial_is_a_date_of_this_century() {
        assert_eq!(Date::from_excel_serial("45358"), Date::new(2024, 3, 7));
        assert_eq!(Date::from_excel_serial("45358.0"), Date::new(2024, 3, 7));
        assert_eq!(Date::from_excel_serial("36526"), Date::new(2000, 1, 1));
        assert_eq!(Date::from_excel_serial("73050"), Date::new(2099, 12, 31));
        for bad in ["36525", "73051", "4535", "45358.5", "2024"] {
            assert_eq!(Date::from_excel_serial(bad), None, "{bad}");
        }
        for date in ["2000-01-01", "2024-02-29", "2024-03-07", "2099-12-31"] {
            let d = Date::parse(date).expect("a date");
            assert_eq!(
                Date::from_excel_serial(&d.excel_serial().to_string()),
                Some(d)
            );
        }
        assert_eq!(
            Date::parse("2024-03-07").map(Date::excel_serial),
            Some(45358)
        );
    }
}

#[cfg(test)]
mod window_tests {
    use super::Date;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap_or(Date::EARLIEST)
    }

    #[test]
    fn periods_end_on_the_corresponding_day_or_the_month_end() {
        assert_eq!(d("2024-03-15").plus_months(12), d("2025-03-15"));
        assert_eq!(d("2024-02-29").plus_months(12), d("2025-02-28"));
        assert_eq!(d("2024-01-31").plus_months(1), d("2024-02-29"));
        assert_eq!(d("2024-11-30").plus_months(3), d("2025-02-28"));
        assert_eq!(d("2024-12-31").plus_days(1), d("2025-01-01"));
        assert_eq!(d("2024-02-28").plus_days(1), d("2024-02-29"));
        assert_eq!(d("2024-03-15").plus_days(30), d("2024-04-14"));
        assert_eq!(d("2024-01-01").plus_days(366), d("2025-01-01"));
        assert_eq!(d("2999-12-01").plus_months(5), Date::LATEST);
        assert_eq!(Date::from_ordinal(20240315), Some(d("2024-03-15")));
        assert_eq!(Date::from_ordinal(20240230), None);
    }
}
