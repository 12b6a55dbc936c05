//! Money: parsing what clerks write, rounding as the policy declares, and
//! printing for people and for machines. Always `Decimal`, never a float.

use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::text;

/// How results are rounded. The policy file declares it; the engine never
/// assumes one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rounding {
    pub mode: RoundingMode,
    pub decimals: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundingMode {
    /// 四舍五入: a half rounds away from zero (all our money is non-negative).
    HalfUp,
    /// Banker's rounding, for a policy that asks for it.
    HalfEven,
    /// Truncation toward zero (舍去).
    Down,
}

impl RoundingMode {
    pub fn from_name(name: &str) -> Option<RoundingMode> {
        match name {
            "half_up" => Some(RoundingMode::HalfUp),
            "half_even" => Some(RoundingMode::HalfEven),
            "down" => Some(RoundingMode::Down),
            _ => None,
        }
    }
}

impl Rounding {
    pub const FEN_HALF_UP: Rounding = Rounding {
        mode: RoundingMode::HalfUp,
        decimals: 2,
    };

    pub fn apply(self, value: Decimal) -> Decimal {
        let strategy = match self.mode {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::Down => RoundingStrategy::ToZero,
        };
        value.round_dp_with_strategy(self.decimals, strategy)
    }
}

/// Why a written amount could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountError {
    NotANumber,
    Negative,
    TooLarge,
}

/// One trillion yuan: no subsidy claim comes near it, so such a figure is a
/// typing slip (or a pasted account number).
fn too_large(value: Decimal) -> bool {
    value >= Decimal::from(1_000_000_000_000_i64)
}

/// Reads `12345.67`, `12,345.67`, `¥12,345.67`, `12345.67元`, `1.5万`,
/// `1.5万元` and their full-width forms. Digits are used exactly as written.
pub fn parse_amount(written: &str) -> Result<Decimal, AmountError> {
    let cleaned = text::clean(written);
    let mut s = cleaned.as_ref();
    s = s.strip_prefix('¥').unwrap_or(s).trim_start();
    s = s.strip_suffix('元').unwrap_or(s).trim_end();
    let (s, scale) = match s.strip_suffix('万') {
        Some(rest) => (rest.trim_end(), Decimal::from(10_000)),
        None => (s, Decimal::ONE),
    };
    let value = parse_plain(s)?
        .checked_mul(scale)
        .ok_or(AmountError::TooLarge)?;
    if too_large(value) {
        return Err(AmountError::TooLarge);
    }
    Ok(value)
}

/// A plain non-negative number with optional thousands separators: the
/// form of scores and facts (`95.5`, `12`).
pub fn parse_number(written: &str) -> Result<Decimal, AmountError> {
    let cleaned = text::clean(written);
    let value = parse_plain(cleaned.as_ref())?;
    if too_large(value) {
        return Err(AmountError::TooLarge);
    }
    Ok(value)
}

fn parse_plain(s: &str) -> Result<Decimal, AmountError> {
    // Any number of minus signs (a loop, not a recursion: a cell of a
    // million of them must not overflow the stack).
    let mut rest = s;
    let mut negative = false;
    while let Some(r) = rest.strip_prefix('-') {
        rest = r.trim_start();
        negative = true;
    }
    match parse_unsigned(rest) {
        Ok(v) if negative && !v.is_zero() => Err(AmountError::Negative),
        other => other,
    }
}

fn parse_unsigned(s: &str) -> Result<Decimal, AmountError> {
    let (whole, fraction) = match s.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (s, None),
    };
    if let Some(f) = fraction {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AmountError::NotANumber);
        }
    }
    if whole.is_empty() {
        return Err(AmountError::NotANumber);
    }
    if !whole.contains(',') {
        if !whole.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AmountError::NotANumber);
        }
        return Decimal::from_str(s).map_err(|_| AmountError::TooLarge);
    }
    let mut digits = ungroup(whole).ok_or(AmountError::NotANumber)?;
    if let Some(f) = fraction {
        digits.push('.');
        digits.push_str(f);
    }
    Decimal::from_str(&digits).map_err(|_| AmountError::TooLarge)
}

/// Removes thousands separators, refusing misplaced ones (`1,2345`), which
/// are more likely a slip than a number.
fn ungroup(whole: &str) -> Option<String> {
    let mut groups = whole.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut out = first.to_string();
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        out.push_str(group);
    }
    Some(out)
}

/// `12345.6` → `12345.60`: two decimals at least, more only when the
/// figure was written with more (an input amount is shown as written).
pub fn plain(value: Decimal) -> String {
    let mut out = String::with_capacity(16);
    write_plain(&mut out, value);
    out
}

/// As `plain`, appended to `out` without a string of its own: the payout
/// of a million rows prints four figures a row.
pub fn write_plain(out: &mut String, value: Decimal) {
    push_decimal(out, value, Decimals::AtLeastTwo);
}

enum Decimals {
    /// Trailing zeros dropped, then padded to two places.
    AtLeastTwo,
    /// Trailing zeros dropped; whole numbers without a point, others with
    /// at least two places.
    Short,
}

/// Prints a decimal from its integer mantissa and scale (rust_decimal's own
/// `Display` goes through the formatting machinery, several times slower).
fn push_decimal(out: &mut String, value: Decimal, decimals: Decimals) {
    // Every sum of money fits 64 bits, where division is a few cycles
    // rather than a call: the payout prints four figures a row.
    let mantissa = value.mantissa().unsigned_abs();
    match u64::try_from(mantissa) {
        Ok(narrow) => push_mantissa(out, value, narrow, decimals),
        Err(_) => push_mantissa(out, value, mantissa, decimals),
    }
}

/// An unsigned mantissa whose decimal digits can be read off one by one.
trait Mantissa: Copy {
    /// The number divided by ten, and the digit that falls off.
    fn tenth(self) -> (Self, u8);
    /// Ten times the number, if it fits.
    fn times_ten(self) -> Option<Self>;
    fn is_zero(self) -> bool;
}

impl Mantissa for u64 {
    fn tenth(self) -> (u64, u8) {
        (self / 10, (self % 10) as u8)
    }
    fn times_ten(self) -> Option<u64> {
        self.checked_mul(10)
    }
    fn is_zero(self) -> bool {
        self == 0
    }
}

impl Mantissa for u128 {
    fn tenth(self) -> (u128, u8) {
        (self / 10, (self % 10) as u8)
    }
    fn times_ten(self) -> Option<u128> {
        self.checked_mul(10)
    }
    fn is_zero(self) -> bool {
        self == 0
    }
}

/// The sign, then the digits of `mantissa` with the point `value`'s scale
/// puts in them: trailing zeros dropped, then padded as `decimals` says.
fn push_mantissa<M: Mantissa>(
    out: &mut String,
    value: Decimal,
    mut mantissa: M,
    decimals: Decimals,
) {
    let mut scale = value.scale();
    while scale > 0 {
        match mantissa.tenth() {
            (shorter, 0) => mantissa = shorter,
            _ => break,
        }
        scale -= 1;
    }
    let wanted = match decimals {
        Decimals::AtLeastTwo => 2,
        Decimals::Short if scale == 0 => 0,
        Decimals::Short => 2,
    };
    while scale < wanted {
        match mantissa.times_ten() {
            Some(longer) => mantissa = longer,
            // Padding took it past 64 bits: the wide path (a 96-bit
            // mantissa times 100 fits 128 bits).
            None => return push_mantissa(out, value, value.mantissa().unsigned_abs(), decimals),
        }
        scale += 1;
    }
    let mut digits = [0u8; 40];
    let mut n = 0;
    loop {
        let (rest, digit) = mantissa.tenth();
        digits[n] = b'0' + digit;
        mantissa = rest;
        n += 1;
        if n > scale as usize && rest.is_zero() {
            break;
        }
    }
    if value.is_sign_negative() && !value.is_zero() {
        out.push('-');
    }
    let scale = scale as usize;
    for i in (0..n).rev() {
        out.push(char::from(digits[i]));
        if i == scale && i > 0 {
            out.push('.');
        }
    }
}

/// `12345.6` → `12,345.60`, for tables people read.
pub fn grouped(value: Decimal) -> String {
    let s = plain(value);
    let (whole, fraction) = s.split_once('.').unwrap_or((&s, ""));
    let (sign, digits) = match whole.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", whole),
    };
    let mut out = String::with_capacity(s.len() + digits.len() / 3 + 1);
    out.push_str(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// `50000` stays `50000`, `8000.5` becomes `8000.50`: the short form used
/// inside reasons, where whole yuan read better without `.00`.
pub fn short(value: Decimal) -> String {
    let mut out = String::with_capacity(16);
    push_decimal(&mut out, value, Decimals::Short);
    out
}

/// `50000` → `50,000`, `8000.5` → `8,000.50`: `short` with thousands grouped.
pub fn short_grouped(value: Decimal) -> String {
    let g = grouped(value);
    match g.strip_suffix(".00") {
        Some(whole) if value.normalize().scale() == 0 => whole.to_string(),
        _ => g,
    }
}

/// `¥12,345.60`
pub fn yuan(value: Decimal) -> String {
    format!("¥{}", grouped(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn every_written_form_of_the_spec_is_read() {
        for (written, value) in [
            ("12345.67", "12345.67"),
            ("12,345.67", "12345.67"),
            ("¥12,345.67", "12345.67"),
            ("￥12,345.67", "12345.67"),
            ("12345.67元", "12345.67"),
            ("1.5万", "15000"),
            ("1.5万元", "15000"),
            ("１２，３４５．６７", "12345.67"),
            ("0.125", "0.125"),
            ("1,000,000", "1000000"),
        ] {
            assert_eq!(parse_amount(written), Ok(dec(value)), "{written}");
        }
    }

    #[test]
    fn bad_amounts_say_why() {
        assert_eq!(parse_amount("-5"), Err(AmountError::Negative));
        assert_eq!(parse_amount("abc"), Err(AmountError::NotANumber));
        assert_eq!(parse_amount("1,2345"), Err(AmountError::NotANumber));
        assert_eq!(parse_amount("12."), Err(AmountError::NotANumber));
        assert_eq!(parse_amount("١٢"), Err(AmountError::NotANumber));
        assert_eq!(parse_amount(""), Err(AmountError::NotANumber));
        assert_eq!(parse_amount("1000000000000"), Err(AmountError::TooLarge));
        assert_eq!(parse_amount("999999999999.99"), Ok(dec("999999999999.99")));
        assert_eq!(parse_amount("100000000万"), Err(AmountError::TooLarge));
    }

    #[test]
    fn half_up_to_the_fen_is_not_bankers_rounding() {
        let r = Rounding::FEN_HALF_UP;
        // 5% of 100.10 is 5.005: 四舍五入 gives 5.01, banker's would give 5.00.
        assert_eq!(r.apply(dec("100.10") * dec("0.05")), dec("5.01"));
        assert_eq!(r.apply(dec("0.125")), dec("0.13"));
        assert_eq!(r.apply(dec("0.124")), dec("0.12"));
        let even = Rounding {
            mode: RoundingMode::HalfEven,
            decimals: 2,
        };
        assert_eq!(even.apply(dec("0.125")), dec("0.12"));
        let down = Rounding {
            mode: RoundingMode::Down,
            decimals: 0,
        };
        assert_eq!(down.apply(dec("9.99")), dec("9"));
    }

    #[test]
    fn figures_beyond_64_bits_print_as_the_decimal_itself() {
        // The fast path stops at u64::MAX (18446744073709551615); past it
        // the wide path prints, and both agree with rust_decimal's own text.
        for text in [
            "18446744073709551615",
            "18446744073709551616",
            "1844674407370955161.5",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7922816251426433759354395033.5",
            "184467440737095516.15",
        ] {
            let value = dec(text);
            let mut expected = value.normalize().to_string();
            if !expected.contains('.') {
                expected.push_str(".00");
            } else if expected.split('.').nth(1).is_some_and(|f| f.len() == 1) {
                expected.push('0');
            }
            assert_eq!(plain(value), expected, "{text}");
        }
    }

    #[test]
    fn printing_keeps_two_decimals() {
        assert_eq!(plain(dec("12345.6")), "12345.60");
        assert_eq!(plain(dec("0")), "0.00");
        assert_eq!(plain(dec("1.125")), "1.125");
        assert_eq!(plain(dec("0.10")), "0.10");
        assert_eq!(plain(dec("5.000")), "5.00");
        assert_eq!(plain(dec("0.005")), "0.005");
        assert_eq!(plain(dec("-3.5")), "-3.50");
        assert_eq!(plain(dec("999999999999.99")), "999999999999.99");
        assert_eq!(short(dec("0")), "0");
        assert_eq!(short(dec("0.50")), "0.50");
        assert_eq!(short(dec("1200000.00")), "1200000");
        assert_eq!(grouped(dec("1234567.5")), "1,234,567.50");
        assert_eq!(grouped(dec("999")), "999.00");
        assert_eq!(short(dec("50000.00")), "50000");
        assert_eq!(short(dec("8000.5")), "8000.50");
        assert_eq!(short_grouped(dec("50000.00")), "50,000");
        assert_eq!(short_grouped(dec("8000.5")), "8,000.50");
    }
}
