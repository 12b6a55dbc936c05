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

    pub fn year(self) -> i32 {
        i32::from(self.year)
    }

    /// Reads `2024-03-15`, `2024/3/15`, `2024.3.15`, `2024年3月15日` and
    /// `20240315`, in full-width digits too. Anything else is `None`.
    pub fn parse(written: &str) -> Option<Date> {
        let cleaned = text::clean(written);
        let s = cleaned.as_ref();
        if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
            return Date::new(number(&s[..4])?, number(&s[4..6])?, number(&s[6..])?);
        }
        let s = s.strip_suffix('日').unwrap_or(s);
        let mut parts = s.split(['-', '/', '.', '年', '月']);
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || year.len() != 4 || month.len() > 2 || day.len() > 2 {
            return None;
        }
        let separators_agree = {
            let seps: Vec<char> = s.chars().filter(|c| !c.is_ascii_digit()).collect();
            matches!(seps.as_slice(), ['年', '月'])
                || (seps.len() == 2 && seps[0] == seps[1] && seps[0] != '年')
        };
        if !separators_agree {
            return None;
        }
        Date::new(number(year)?, number(month)?, number(day)?)
    }
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

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn dates_order_chronologically() {
        assert!(Date::parse("2024-01-31") < Date::parse("2024-02-01"));
        assert!(Date::parse("2023-12-31") < Date::parse("2024-01-01"));
    }
}
