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

/// Separators of a list of references: punctuation and line breaks, never
/// spaces (SPEC §6, rev 3): patent numbers are written with spaces
/// (`ZL 2024 1 0001234.5`), and spaces inside a reference are ignored when
/// references are compared.
const LIST: [char; 7] = [';', '；', '、', ',', '，', '\n', '\r'];

/// Splits a `ref` cell as the item reads it: one reference per unit for a
/// per-unit item paid once per reference, one reference otherwise (`GB/T
/// 1234-2024` is one: only punctuation and line breaks split).
pub fn split_refs<'a>(item: &Item, cell: &'a str) -> Result<RefCell<'a>, RefFault> {
    let per_unit = item.per_unit && item.needs_ref();
    // The usual cell holds one reference and no separator: no list is built.
    let one = crate::text::trim(cell);
    if !one.contains(LIST) {
        return Ok(if one.is_empty() {
            RefCell::Empty
        } else {
            RefCell::One(one)
        });
    }
    let parts: Vec<&str> = cell
        .split(LIST)
        .map(crate::text::trim)
        .filter(|p| !p.is_empty())
        .collect();
    match parts.len() {
        0 => Ok(RefCell::Empty),
        1 => Ok(RefCell::One(parts[0])),
        _ if !per_unit => Err(RefFault::OnlyOne),
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

/// An id that Excel has turned into a number, in the forms a spreadsheet
/// writes (SPEC §6, rev 3): a mantissa with a decimal point and an exponent
/// (`4.41882E+17`, `4.41882e17`), one digit and an exponent (`4E+17`),
/// digits and a signed exponent (`441882E+12`), digits with a decimal point
/// (`441882199001011230.0`, `441882199001011230.`). Read as written it
/// would merge applicants. Several digits around a bare unsigned `E`
/// (`91441882E1`) are an id as written: a real credit code may read so.
pub fn is_mangled_id(written: &str) -> bool {
    let s = crate::text::half_width(written);
    let s = s.trim();
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(at) => (&s[..at], Some(&s[at + 1..])),
        None => (s, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let (number, point) = match mantissa.split_once('.') {
        Some((whole, frac)) => (digits(whole) && (frac.is_empty() || digits(frac)), true),
        None => (digits(mantissa), false),
    };
    match exponent {
        Some(e) => {
            let unsigned = e.strip_prefix(['+', '-']);
            let signed = unsigned.is_some();
            number && digits(unsigned.unwrap_or(e)) && (point || signed || mantissa.len() == 1)
        }
        None => number && point,
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
            "441882199001011230.",
            "9.14419E+17",
            "4E+17",
            "4e17",
            "441882E+12",
            "441882e-3",
            "４.４１８８２Ｅ＋１７",
        ] {
            assert!(is_mangled_id(mangled), "{mangled}");
        }
        for fine in [
            "441882199001011230",
            "44188219900101123X",
            "91441882MA5123456M",
            "E1",
            "12E",
            "91441882E1",
            "914418821548E60499",
            "4.4E+",
            "1.2.3",
            "441882E++12",
        ] {
            assert!(!is_mangled_id(fine), "{fine}");
        }
    }
}
