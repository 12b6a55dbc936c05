//! The language a person reads, and the little about language that the
//! layers below the words need: a text of the policy file in both
//! languages, and clause numbers as the measures print them. It is a leaf
//! (no words, no clap), so the policy loader, the readers, the ledger and
//! the what-if runs carry a language without importing every sentence; the
//! words of a language are reached from the words layer (`Lang::words`).

/// A text of the policy file (a name, a title, a note) in both languages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// A language by its name in any case, or by the language part of a
    /// locale: `zh`, `ZH`, `zh_CN.UTF-8`, `en-GB`.
    pub fn from_name(name: &str) -> Option<Lang> {
        let part = name
            .trim()
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match part.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// A text of the policy file in this language (the loader has already
    /// filled an English left out with a fallback).
    pub fn text(self, text: &Text) -> &str {
        match self {
            Lang::Zh => &text.zh,
            Lang::En => &text.en,
        }
    }
}

/// `1` → `（一）`, `21` → `（二十一）`: clause numbers as the measures print them.
pub fn clause_label(number: u32) -> String {
    format!("（{}）", chinese_numeral(number))
}

pub fn chinese_numeral(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!(
            "十{}",
            if n == 10 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            if n % 10 == 0 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_numbers_read_as_in_the_measures() {
        assert_eq!(clause_label(1), "（一）");
        assert_eq!(clause_label(10), "（十）");
        assert_eq!(clause_label(12), "（十二）");
        assert_eq!(clause_label(20), "（二十）");
        assert_eq!(clause_label(21), "（二十一）");
    }
}
