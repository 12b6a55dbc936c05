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
        _ => {
            let mut seen = std::collections::HashSet::new();
            for p in &parts {
                if !seen.insert(crate::text::reference_key(p)) {
                    return Err(RefFault::Repeated(p.to_string()));
                }
            }
            Ok(RefCell::PerUnit(parts))
        }
    }
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
