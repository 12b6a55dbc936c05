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

/// A header as compared by meaning: `header_key`, without the marks a
/// clerk adds around words (spaces, `_`, `-`, `*`, colons, quotes, bracket
/// characters), and `其他` read as `其它`: `Claim ID`, `claim_id` and
/// `*申请编号：` are one name.
pub fn fold(name: &str) -> String {
    header_key(name)
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '_' | '-' | '*' | ':' | '"' | '\'' | '“' | '”' | '‘' | '’' | '·' | '.'
                )
                && !is_bracket(*c)
        })
        .collect::<String>()
        .replace("其他", "其它")
}

fn is_bracket(c: char) -> bool {
    matches!(
        c,
        '(' | ')' | '[' | ']' | '<' | '>' | '{' | '}' | '【' | '】' | '〔' | '〕' | '《' | '》'
    )
}

fn opens(c: char) -> bool {
    matches!(c, '(' | '[' | '<' | '{' | '【' | '〔' | '《')
}

/// The header without its bracketed parts (`金额（元）` is `金额`,
/// `是否获市级其它政策扶持（是/否）` is `是否获市级其它政策扶持`), or `None`
/// when a bracket says the cells are counted in another unit than the
/// column's (`金额（万元）`): read as the column, 5 would be 5 yuan.
fn unbracketed(key: &str) -> Option<String> {
    let mut depth = 0usize;
    let (mut outside, mut inside) = (String::new(), String::new());
    for c in key.chars() {
        match c {
            c if opens(c) => depth += 1,
            c if is_bracket(c) => depth = depth.saturating_sub(1),
            c if depth > 0 => inside.push(c),
            c => outside.push(c),
        }
    }
    let scaled = ['万', '千', '百', '%', '‰'];
    (!inside.contains(scaled)).then_some(outside)
}

/// The ways a header can be read as a name, each folded: the whole of it,
/// without its bracketed parts, and each part of a header that joins two
/// names with `/` (`专利号/证书号`).
pub fn readings(name: &str) -> Vec<String> {
    let key = header_key(name);
    let mut out = vec![fold(&key)];
    if let Some(bare) = unbracketed(&key) {
        out.push(fold(&bare));
        out.extend(bare.split(['/', '|', '\\']).map(fold));
    }
    // A measure of another level writes its own (已获区级其它扶持, 县级):
    // the names this tool knows say 市级.
    let levelled: Vec<String> = out.iter().filter_map(|r| at_city_level(r)).collect();
    out.extend(levelled);
    let mut unique: Vec<String> = Vec::new();
    for reading in out {
        if !reading.is_empty() && !unique.contains(&reading) {
            unique.push(reading);
        }
    }
    unique
}

/// A reading with the level of government before 级其它 said as 市级, if
/// it names another (区级, 县级, 镇级).
fn at_city_level(reading: &str) -> Option<String> {
    let at = reading.find("级其它")?;
    let level = reading[..at].chars().next_back()?;
    (level != '市' && "区县镇乡旗同".contains(level)).then(|| {
        let start = at - level.len_utf8();
        format!("{}市{}", &reading[..start], &reading[at..])
    })
}

/// Whether a header reads as one of `names` (see `readings`).
pub fn reads_as(header: &str, names: &[&str]) -> bool {
    let readings = readings(header);
    names.iter().any(|n| readings.contains(&fold(n)))
}

/// A flag's value as it is typed into a shell: quoted when a shell would
/// split or expand it (a header with a space or `(`).
pub fn shell_word(value: &str) -> String {
    let plain = value
        .chars()
        .all(|c| !c.is_whitespace() && !"'\"$`\\()<>|&;*?!#~{}[]".contains(c));
    match plain {
        true => value.to_string(),
        false => format!("'{}'", value.replace('\'', "'\\''")),
    }
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
    fn headers_are_read_without_marks_notes_or_a_second_name() {
        assert_eq!(fold("*Claim ID："), "claimid");
        assert_eq!(fold("是否获市级其他政策扶持"), "是否获市级其它政策扶持");
        assert!(reads_as("金额（元）", &["金额"]));
        assert!(reads_as(
            "是否获市级其它政策扶持（是/否）",
            &["是否获市级其它政策扶持"]
        ));
        assert!(reads_as("专利号/证书号", &["证书号"]));
        assert!(!reads_as("金额（万元）", &["金额"]));
        assert_eq!(shell_word("备注"), "备注");
        assert_eq!(shell_word("ref=No. (1)"), "'ref=No. (1)'");
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

#[cfg(test)]
mod level_tests {
    #[test]
    fn another_level_of_government_reads_as_the_names_known() {
        for header in ["已获区级其它扶持", "是否获县级其他政策扶持（是/否）"]
        {
            assert_eq!(
                crate::claims::Column::from_header(header),
                Some(crate::claims::Column::OtherCitySupport),
                "{header}"
            );
        }
        assert_eq!(crate::claims::Column::from_header("区级"), None);
    }
}
