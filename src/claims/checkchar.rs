//! The check character that ends an applicant's id: the 18th character of a
//! 统一社会信用代码 (GB 32100-2015) and of a 身份证号码 (GB 11643-1999,
//! ISO 7064 MOD 11-2). A wrong one is a typo somewhere in the id; the office
//! may hold the right number on paper, so it is noted, never refused.
//!
//! Which kind an id is: 18 characters, once trimmed, made half-width and
//! upper case (`text::applicant_key`). An ID number has 17 digits, then a
//! digit or `X`, and a plausible birth date in places 7–14
//! (`ids::is_person_id`, the test that also decides what is masked); any
//! other id of 18 characters all from the credit code's 31 characters is a
//! credit code. An id of another length, or with a character neither kind
//! uses, is not checked.

use std::borrow::Cow;

pub use crate::ids::IdKind;
use crate::ids::{code_value, kind_of, CODE_CHARS};

/// Weights of the first 17 characters of a credit code: 3^(i-1) mod 31.
const CODE_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Weights of the first 17 digits of an ID number: 2^(18-i) mod 11.
const PERSON_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// An id whose check character is not the one its other characters give.
/// Characters are ASCII, kept as bytes so that a claim stays small.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckFault {
    pub kind: IdKind,
    written: u8,
    expected: u8,
}

impl CheckFault {
    /// The check character as the id has it.
    pub fn written(&self) -> char {
        char::from(self.written)
    }

    /// The check character the first 17 characters give.
    pub fn expected(&self) -> char {
        char::from(self.expected)
    }
}

/// A wrong check character, as stderr says it: where the cell is, what it
/// holds (the words mask an individual's ID number unless `--show-ids`).
#[derive(Debug, Clone, Copy)]
pub struct CheckWarning<'a> {
    pub file: &'a str,
    pub line: u64,
    pub column: super::Column,
    /// The id as written.
    pub id: &'a str,
    pub fault: CheckFault,
}

/// The check character the first 17 characters of an id of this kind give,
/// or `None` when they are not characters of that kind.
pub fn check_character(kind: IdKind, body: &[u8]) -> Option<u8> {
    let body = body.get(..17)?;
    match kind {
        IdKind::CreditCode => {
            let mut sum = 0;
            for (&c, w) in body.iter().zip(CODE_WEIGHTS) {
                sum += code_value(c)? * w;
            }
            Some(CODE_CHARS[((31 - sum % 31) % 31) as usize])
        }
        IdKind::IdNumber => {
            let mut sum = 0;
            for (&c, w) in body.iter().zip(PERSON_WEIGHTS) {
                sum += u32::from(c.checked_sub(b'0').filter(|d| *d <= 9)?) * w;
            }
            Some(b"0123456789X"[((12 - sum % 11) % 11) as usize])
        }
    }
}

/// What is wrong with the check character of an applicant id as written,
/// or `None` when it is right or the id is of neither kind.
pub fn fault(written: &str) -> Option<CheckFault> {
    let key: Cow<str> = crate::text::applicant_key(written);
    let kind = kind_of(&key)?;
    let b = key.as_bytes();
    let expected = check_character(kind, b)?;
    (b[17] != expected).then_some(CheckFault {
        kind,
        written: b[17],
        expected,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // A credit code by hand: 91441882MA5123456M.
    //   values  9  1  4  4  1  8  8  2 M=21 A=10 5  1  2  3  4  5  6
    //   weights 1  3  9 27 19 26 16 17  20   29 25 13  8 24 10 30 28
    //   products 9 3 36 108 19 208 128 34 420 290 125 13 16 72 40 150 168
    //   sum 1839; 1839 mod 31 = 10 (31 × 59 = 1829); 31 − 10 = 21 → M.
    const CODE: &str = "91441882MA5123456M";

    // An ID number by hand: 441882199001011230.
    //   digits  4 4 1 8 8 2 1  9 9 0 0 1 0  1 1 2 3
    //   weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    //   products 28 36 10 40 64 8 2 9 54 0 0 9 0 5 8 8 6
    //   sum 287; 287 mod 11 = 1 (11 × 26 = 286); (12 − 1) mod 11 = 0 → 0.
    const PERSON: &str = "441882199001011230";

    // An ID number whose check character is X, by hand: 11010519491231002X
    // (the example of GB 11643).
    //   digits  1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2
    //   products 7 9 0 5 0 20 2 9 24 27 7 18 30 5 0 0 4
    //   sum 167; 167 mod 11 = 2 (11 × 15 = 165); (12 − 2) mod 11 = 10 → X.
    const PERSON_X: &str = "11010519491231002X";

    // Letters count by their value (A=10 … G=16 … Y=30): 91441882MA5ABCDE1G.
    //   the first 11 as in CODE: 9+3+36+108+19+208+128+34+420+290+125 = 1380
    //   A=10×13 + B=11×8 + C=12×24 + D=13×10 + E=14×30 + 1×28
    //     = 130 + 88 + 288 + 130 + 420 + 28 = 1084
    //   sum 2464; 2464 mod 31 = 15 (31 × 79 = 2449); 31 − 15 = 16 → G.
    const CODE_LETTERS: &str = "91441882MA5ABCDE1G";

    // 31 − 0 = 31 is written 0: 91441882MA5ABCDE60.
    //   as above with 6 × 28 = 168 for the last: 2464 − 28 + 168 = 2604
    //   = 31 × 84, so 2604 mod 31 = 0 → 0.
    const CODE_ZERO: &str = "91441882MA5ABCDE60";

    #[test]
    fn ids_worked_by_hand_have_the_check_character_computed() {
        assert_eq!(kind_of(CODE), Some(IdKind::CreditCode));
        assert_eq!(kind_of(PERSON), Some(IdKind::IdNumber));
        assert_eq!(kind_of(PERSON_X), Some(IdKind::IdNumber));
        assert_eq!(
            check_character(IdKind::CreditCode, CODE.as_bytes()),
            Some(b'M')
        );
        assert_eq!(
            check_character(IdKind::IdNumber, PERSON.as_bytes()),
            Some(b'0')
        );
        assert_eq!(
            check_character(IdKind::IdNumber, PERSON_X.as_bytes()),
            Some(b'X')
        );
        for good in [CODE, PERSON, PERSON_X, CODE_LETTERS, CODE_ZERO] {
            assert_eq!(fault(good), None, "{good}");
        }
    }

    #[test]
    fn a_wrong_check_character_says_what_it_should_be() {
        assert_eq!(
            fault("91441882MA51234567"),
            Some(CheckFault {
                kind: IdKind::CreditCode,
                written: b'7',
                expected: b'M',
            })
        );
        let wrong = fault("441882199001011234").map(|f| (f.kind, f.written(), f.expected()));
        assert_eq!(wrong, Some((IdKind::IdNumber, '4', '0')));
        let wrong = fault("110105194912310021").map(|f| f.expected());
        assert_eq!(wrong, Some('X'));
    }

    #[test]
    fn ids_are_checked_as_the_applicant_key_reads_them() {
        // Lower case, full width and spaces around do not change the id.
        assert_eq!(fault(" 91441882ma5123456m "), None);
        assert_eq!(fault("９１４４１８８２MA5123456M"), None);
        assert_eq!(fault("11010519491231002x"), None);
        assert!(fault("91441882ma51234567").is_some());
    }

    #[test]
    fn ids_of_neither_kind_are_not_checked() {
        for other in [
            "",
            "CHECK",
            "4.41882E+17",
            // 15 digits: an ID number of the old kind, with no check digit.
            "441882900101123",
            // 17 and 19 characters.
            "91441882MA5123456",
            "91441882MA5123456M1",
            // O, Z, I, S and V are no characters of a credit code.
            "91441882MA5XYZ0001",
            "51441882MJ0ASSOC01",
            "9144188 MA5123456M",
            "连州市华创科技有限公司",
        ] {
            assert_eq!(kind_of(&crate::text::applicant_key(other)), None, "{other}");
            assert_eq!(fault(other), None, "{other}");
        }
        // 18 digits without a birth date are a credit code (a 机关 or an
        // institution may have one), not an ID number.
        assert_eq!(kind_of("124418824567890123"), Some(IdKind::CreditCode));
    }

    /// An id of `kind` with the check character its body gives.
    fn valid(kind: IdKind, body: &str) -> String {
        let check = check_character(kind, body.as_bytes()).map(char::from);
        format!("{body}{}", check.unwrap_or('?'))
    }

    /// Every id that differs from `id` in one place, by a character of its
    /// kind.
    fn one_off(id: &str, kind: IdKind) -> Vec<String> {
        let chars: &[u8] = match kind {
            IdKind::CreditCode => CODE_CHARS,
            IdKind::IdNumber => b"0123456789X",
        };
        let mut out = Vec::new();
        for at in 0..18 {
            for &c in chars {
                let mut b = id.as_bytes().to_vec();
                if b[at] != c && (kind == IdKind::CreditCode || at == 17 || c != b'X') {
                    b[at] = c;
                    out.push(String::from_utf8(b).unwrap_or_default());
                }
            }
        }
        out
    }

    /// A changed id is noted, unless it is no longer of its kind (an ID
    /// number whose birth date became impossible is not one).
    fn assert_every_change_is_caught(id: &str) -> Result<(), String> {
        let kind = kind_of(id).ok_or(format!("{id} is of no kind"))?;
        for changed in one_off(id, kind) {
            if kind_of(&changed) == Some(kind) && fault(&changed).is_none() {
                return Err(format!("{changed} (from {id}) passes"));
            }
        }
        Ok(())
    }

    /// Two neighbours swapped are noted too, on the same terms.
    fn assert_every_swap_is_caught(id: &str) -> Result<(), String> {
        let kind = kind_of(id).ok_or(format!("{id} is of no kind"))?;
        for at in 0..17 {
            let mut b = id.as_bytes().to_vec();
            b.swap(at, at + 1);
            let swapped = String::from_utf8(b).unwrap_or_default();
            let same_kind = kind_of(&swapped) == Some(kind);
            if swapped != id && same_kind && fault(&swapped).is_none() {
                return Err(format!("{swapped} (from {id}) passes"));
            }
        }
        Ok(())
    }

    #[test]
    fn every_single_change_of_the_ids_worked_by_hand_is_caught() {
        for id in [CODE, PERSON, PERSON_X, CODE_LETTERS, CODE_ZERO] {
            assert_eq!(assert_every_change_is_caught(id), Ok(()));
            assert_eq!(assert_every_swap_is_caught(id), Ok(()));
        }
        // 18 × 30 changes of a credit code, all of them still credit codes.
        assert_eq!(one_off(CODE, IdKind::CreditCode).len(), 540);
    }

    proptest::proptest! {
        #[test]
        fn a_credit_code_changed_in_one_place_is_caught(
            body in "[0-9A-HJ-NP-RTUW-Y]{17}",
            at in 0usize..18,
            by in 0usize..31,
        ) {
            let id = valid(IdKind::CreditCode, &body);
            proptest::prop_assert_eq!(fault(&id), None);
            let mut b = id.clone().into_bytes();
            proptest::prop_assume!(b[at] != CODE_CHARS[by]);
            b[at] = CODE_CHARS[by];
            let changed = String::from_utf8(b).unwrap_or_default();
            if kind_of(&changed) == Some(IdKind::CreditCode) {
                proptest::prop_assert!(fault(&changed).is_some(), "{} passes", changed);
            }
            proptest::prop_assert_eq!(assert_every_swap_is_caught(&id), Ok(()));
        }

        #[test]
        fn an_id_number_changed_in_one_place_is_caught(
            place in 100_000u32..999_999,
            year in 1900u32..=2100,
            month in 1u32..=12,
            day in 1u32..=28,
            serial in 0u32..1000,
            at in 0usize..18,
            digit in 0u8..11,
        ) {
            let body = format!("{place}{year:04}{month:02}{day:02}{serial:03}");
            let id = valid(IdKind::IdNumber, &body);
            proptest::prop_assert_eq!(kind_of(&id), Some(IdKind::IdNumber));
            proptest::prop_assert_eq!(fault(&id), None);
            let c = b"0123456789X"[usize::from(digit)];
            let mut b = id.clone().into_bytes();
            proptest::prop_assume!(b[at] != c && (at == 17 || c != b'X'));
            b[at] = c;
            let changed = String::from_utf8(b).unwrap_or_default();
            if kind_of(&changed) == Some(IdKind::IdNumber) {
                proptest::prop_assert!(fault(&changed).is_some(), "{} passes", changed);
            }
            proptest::prop_assert_eq!(assert_every_swap_is_caught(&id), Ok(()));
        }
    }
}
