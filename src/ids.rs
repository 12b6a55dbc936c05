//! The two kinds of applicant id the office can tell apart by their shape
//! alone: a 统一社会信用代码 (GB 32100-2015) and a 身份证号码 (GB 11643-1999).
//! Both the keys of the text module (an id's dashes go only when it is one
//! of these) and the check characters of the claims reader ask which kind an
//! id is, so the answer stands below both.

/// The 31 characters of a credit code in the order of their values
/// (0–30): digits, then capitals without I, O, S, V and Z.
pub(crate) const CODE_CHARS: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// The two kinds of id whose last character checks the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    /// 统一社会信用代码, GB 32100-2015.
    CreditCode,
    /// 身份证号码, GB 11643-1999.
    IdNumber,
}

/// The value + 1 of each ASCII character in a credit code (0: none). The
/// reader looks up every id of a batch: a table, not a search.
const CODE_VALUES: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut v = 0;
    while v < CODE_CHARS.len() {
        table[CODE_CHARS[v] as usize] = v as u8 + 1;
        v += 1;
    }
    table
};

/// The value of a credit code's character (0–30), or `None` for a
/// character credit codes do not use.
pub(crate) fn code_value(c: u8) -> Option<u32> {
    match CODE_VALUES.get(usize::from(c)) {
        Some(&v) if v > 0 => Some(u32::from(v - 1)),
        _ => None,
    }
}

/// An individual's 身份证号码 (GB 11643: 17 digits, a digit or X, a birth
/// date in places 7–14). A 统一社会信用代码 is public and never one.
pub fn is_person_id(id: &str) -> bool {
    let b = id.as_bytes();
    if b.len() != 18 || !b[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    if !(b[17].is_ascii_digit() || b[17] == b'X' || b[17] == b'x') {
        return false;
    }
    let number = |r: std::ops::Range<usize>| id[r].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (number(6..10), number(10..12), number(12..14));
    (1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// Which kind an id is, in the key form (half-width, upper case, trimmed).
pub fn kind_of(key: &str) -> Option<IdKind> {
    let b = key.as_bytes();
    if b.len() != 18 {
        return None;
    }
    if is_person_id(key) {
        return Some(IdKind::IdNumber);
    }
    b.iter()
        .all(|&c| code_value(c).is_some())
        .then_some(IdKind::CreditCode)
}
