//! What people type into spreadsheets, made comparable.
//!
//! Chinese input methods produce full-width digits and punctuation
//! (`２０２４－０５－０１`, `１２，３４５．６７`); a clerk cannot see the
//! difference, so every parser reads them as their ASCII forms.

use std::borrow::Cow;

/// Maps full-width ASCII variants (U+FF01..U+FF5E), the ideographic space and
/// the full-width yen sign to their ASCII (or Latin-1) forms.
pub fn half_width(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    if !text.chars().any(is_full_width) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(to_half_width_char).collect())
}

/// A character that `half_width` would change.
pub fn is_full_width(c: char) -> bool {
    matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}' | '\u{FFE5}')
}

fn to_half_width_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{FFE5}' => '¥',
        _ => c,
    }
}

/// `str::trim`, quicker on the usual case of ASCII ends; a byte-order mark
/// (left inside a cell when files are joined) is trimmed too.
pub fn trim(text: &str) -> &str {
    let t = text.trim_ascii();
    let unicode_ends =
        t.starts_with(|c: char| !c.is_ascii()) || t.ends_with(|c: char| !c.is_ascii());
    if unicode_ends {
        t.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
    } else {
        t
    }
}

/// Half-width, trimmed (including the ideographic space, which `str::trim`
/// already counts as white space).
pub fn clean(text: &str) -> Cow<'_, str> {
    match half_width(text) {
        Cow::Borrowed(s) => Cow::Borrowed(trim(s)),
        Cow::Owned(s) => Cow::Owned(s.trim().to_string()),
    }
}

/// The key under which a reference (patent number, certificate, case number)
/// is compared: half-width, without spaces, upper case. `zl 2024 1000.5` and
/// `ZL20241000.5` are the same patent to an examiner.
pub fn reference_key(text: &str) -> String {
    half_width(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The key under which applicant ids are compared: half-width and upper
/// case (a credit code typed `91441882ma…` is the unit `91441882MA…`). An id
/// already in that form is returned as it is.
pub fn applicant_key(written: &str) -> Cow<'_, str> {
    let written = trim(written);
    if written.is_ascii() && !written.bytes().any(|b| b.is_ascii_lowercase()) {
        return Cow::Borrowed(written);
    }
    Cow::Owned(
        half_width(written)
            .chars()
            .flat_map(char::to_uppercase)
            .collect(),
    )
}

/// Edit distance, for suggesting the item id a clerk probably meant.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            let cost = usize::from(ca != *cb);
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + cost);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_and_punctuation_become_ascii() {
        assert_eq!(half_width("２０２４－０５－０１"), "2024-05-01");
        assert_eq!(half_width("１２，３４５．６７"), "12,345.67");
        assert_eq!(half_width("￥１００"), "¥100");
        assert_eq!(clean("\u{3000} 12 \u{3000}"), "12");
        assert_eq!(trim(" \u{3000}企业 "), "企业");
        assert_eq!(trim("\t2024-01-01\r"), "2024-01-01");
    }

    #[test]
    fn other_scripts_stay_as_they_are() {
        assert_eq!(half_width("١٢"), "١٢");
        assert_eq!(half_width("企业"), "企业");
    }

    #[test]
    fn references_compare_without_case_or_spaces() {
        assert_eq!(reference_key(" zl 2024 1000.5 "), "ZL20241000.5");
        assert_eq!(reference_key("ＺＬ２０２４"), "ZL2024");
        assert_eq!(applicant_key(" 91441882ma5x "), "91441882MA5X");
        assert_eq!(applicant_key("９１４４"), "9144");
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("ip_talent", "ip_talent"), 0);
        assert_eq!(edit_distance("ip_talnet", "ip_talent"), 2);
    }
}
