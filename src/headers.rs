//! Header rows as clerks type them: `Claim_ID `, `申请编号`, `ＣＬＡＩＭ＿ＩＤ`
//! are the same column. Names are compared after trimming, full-width
//! folding and case folding; a missing column is matched to the nearest
//! header the file has, to suggest it.

/// A header as it is compared: trimmed, half-width, in lower case.
pub fn header_key(name: &str) -> String {
    crate::text::half_width(crate::text::trim(name))
        .trim()
        .to_lowercase()
}

/// Whether a header names a column known by `names`.
pub fn is_named(key: &str, names: &[&str]) -> bool {
    names.iter().any(|n| header_key(n) == key)
}

/// How alike two headers are, from 0 to 1: the better of the edit distance
/// (for typed English names) and the characters they share (for Chinese
/// names, where `申请人代码` and `统一社会信用代码` share a word).
pub fn likeness(a: &str, b: &str) -> f64 {
    let (a, b) = (header_key(a), header_key(b));
    let edits = strsim::normalized_levenshtein(&a, &b);
    let chars_a: Vec<char> = a.chars().collect();
    let chars_b: Vec<char> = b.chars().collect();
    if chars_a.is_empty() || chars_b.is_empty() {
        return edits;
    }
    let shared = chars_a.iter().filter(|c| chars_b.contains(c)).count();
    let shared = 2.0 * shared as f64 / (chars_a.len() + chars_b.len()) as f64;
    edits.max(if a.is_ascii() { 0.0 } else { shared })
}

/// Below this likeness a header is not suggested.
const NEAR: f64 = 0.3;

/// For each wanted column (with all its names), the header of `unmatched`
/// most like one of its names, when one is near enough.
pub fn nearest<C: Copy>(wanted: &[(C, Vec<&str>)], unmatched: &[String]) -> Vec<(String, C)> {
    let mut out = Vec::new();
    for (column, names) in wanted {
        let best = unmatched
            .iter()
            .map(|h| {
                let score = names.iter().map(|n| likeness(h, n)).fold(0.0, f64::max);
                (score, h)
            })
            .filter(|(score, _)| *score >= NEAR)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, header)) = best {
            out.push((header.clone(), *column));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_compare_without_case_width_or_spaces() {
        assert_eq!(header_key(" Claim_ID "), "claim_id");
        assert_eq!(header_key("ＣＬＡＩＭ＿ＩＤ"), "claim_id");
        assert_eq!(header_key("\u{3000}申请编号"), "申请编号");
        assert!(is_named("claim_id", &["claim_id"]));
    }

    #[test]
    fn the_nearest_header_is_suggested() {
        let wanted = vec![
            (1, vec!["applicant_id", "统一社会信用代码", "证件号码"]),
            (2, vec!["date", "日期"]),
        ];
        let found = vec!["申请人代码".to_string(), "备注".to_string()];
        assert_eq!(
            nearest(&wanted, &found),
            vec![("申请人代码".to_string(), 1)]
        );
        let typed = vec!["applicantid".to_string()];
        assert_eq!(
            nearest(&wanted, &typed),
            vec![("applicantid".to_string(), 1)]
        );
    }
}
