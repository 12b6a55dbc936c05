//! The `ref` cell and the applicant id as clerks and spreadsheets write
//! them: one reference per unit of a per-unit item paid once per reference
//! (SPEC §6), and ids that Excel has turned into numbers.

use crate::policy::Item;

/// What the `ref` cell of a claim holds, for the item it claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefCell<'a> {
    Empty,
    One(&'a str),
    /// One reference per unit.
    PerUnit(Vec<&'a str>),
}

/// Why a `ref` cell cannot be read for its item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefFault {
    /// The same reference twice in one cell.
    Repeated(String),
    /// Several references where the item takes one.
    OnlyOne,
}

/// Separators of a list of references; on a per-unit item white space
/// (a line break inside the cell included) separates too.
const LIST: [char; 5] = [';', '；', '、', ',', '，'];

/// Splits a `ref` cell as the item reads it: one reference per unit for a
/// per-unit item paid once per reference, one reference otherwise (`GB/T
/// 1234-2024` is one: only punctuation splits there).
pub fn split_refs<'a>(item: &Item, cell: &'a str) -> Result<RefCell<'a>, RefFault> {
    let per_unit = item.per_unit && item.needs_ref();
    // The usual cell holds one reference and no separator: no list is built.
    let separates = |c: char| LIST.contains(&c) || (per_unit && c.is_whitespace());
    let one = crate::text::trim(cell);
    if !one.contains(separates) {
        return Ok(if one.is_empty() {
            RefCell::Empty
        } else {
            RefCell::One(one)
        });
    }
    let parts: Vec<&str> = if per_unit {
        cell.split(|c: char| LIST.contains(&c) || c.is_whitespace())
            .filter(|p| !p.is_empty())
            .collect()
    } else {
        cell.split(LIST)
            .map(crate::text::trim)
            .filter(|p| !p.is_empty())
            .collect()
    };
    match parts.len() {
        0 => Ok(RefCell::Empty),
        1 if !per_unit => Ok(RefCell::One(parts[0])),
        _ if !per_unit => Err(RefFault::OnlyOne),
        1 => Ok(RefCell::One(parts[0])),
        _ => match repeated(&parts) {
            Some(p) => Err(RefFault::Repeated(p.to_string())),
            None => Ok(RefCell::PerUnit(parts)),
        },
    }
}

/// The first reference of a list that an earlier one already names, as
/// references are keyed (`claims::reference_key`).
fn repeated<'a>(parts: &[&'a str]) -> Option<&'a str> {
    let keys: Vec<std::borrow::Cow<str>> = parts
        .iter()
        .map(|p| super::reference_key(p).map_or(std::borrow::Cow::Borrowed(*p), Into::into))
        .collect();
    // A list is usually a few references: comparing each with those before
    // it is quicker than a table, up to a few dozen.
    if keys.len() <= 32 {
        return (1..keys.len())
            .find(|&i| keys[..i].contains(&keys[i]))
            .map(|i| parts[i]);
    }
    let mut seen = rustc_hash::FxHashSet::default();
    (0..keys.len())
        .find(|&i| !seen.insert(keys[i].as_ref()))
        .map(|i| parts[i])
}

/// An id that Excel has turned into a number (`4.41882E+17`,
/// `441882199001011230.0`): read as written it would merge applicants.
pub fn is_mangled_id(written: &str) -> bool {
    let s = crate::text::half_width(written);
    let s = s.trim();
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(at) => (&s[..at], Some(&s[at + 1..])),
        None => (s, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let number = match mantissa.split_once('.') {
        Some((whole, frac)) => digits(whole) && (frac.is_empty() || digits(frac)),
        None => digits(mantissa),
    };
    match exponent {
        Some(e) => number && digits(e.trim_start_matches(['+', '-'])),
        None => number && mantissa.contains('.'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_written_twice_in_a_list_is_found_in_a_short_list_and_a_long_one() {
        // The same patent in another case and width is the same reference.
        assert_eq!(repeated(&["ZL1", "ZL2", "zl1"]), Some("zl1"));
        assert_eq!(repeated(&["ZL1", "ZL 2", "ＺＬ２"]), Some("ＺＬ２"));
        assert_eq!(repeated(&["ZL1", "ZL2", "ZL3"]), None);
        let long: Vec<String> = (0..40).map(|i| format!("ZL{i}")).collect();
        let mut parts: Vec<&str> = long.iter().map(String::as_str).collect();
        assert_eq!(repeated(&parts), None);
        parts.push("zl 39");
        assert_eq!(repeated(&parts), Some("zl 39"));
    }

    #[test]
    fn ids_that_excel_made_numbers_are_told_apart() {
        for mangled in [
            "4.41882E+17",
            "4.41882e17",
            "441882199001011230.0",
            "9.14419E+17",
        ] {
            assert!(is_mangled_id(mangled), "{mangled}");
        }
        for fine in [
            "441882199001011230",
            "44188219900101123X",
            "91441882MA5123456M",
            "E1",
            "12E",
        ] {
            assert!(!is_mangled_id(fine), "{fine}");
        }
    }
}
