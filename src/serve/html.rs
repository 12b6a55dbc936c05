//! The HTML of the pages: every value put into it goes through `escape`.
//! Every sentence comes from the words layer; this module only arranges.

use std::fmt::Write as _;

use crate::policy::Policy;
use crate::report::draft_notice;
use crate::words::{Lang, PageWord};

/// Text made safe to put into HTML, between tags or inside a quoted
/// attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // A control or bidi character shown, not obeyed (`text::shown`).
            c if crate::text::is_forbidden_control(c) || crate::text::is_bidi_control(c) => {
                let _ = write!(out, "{}", c.escape_unicode());
            }
            c => out.push(c),
        }
    }
    out
}

/// A query string value, percent-encoded.
pub fn url_value(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b))
            }
            b => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// The `lang` query value of a language.
pub fn lang_code(lang: Lang) -> &'static str {
    lang.words().lang_code()
}

/// The other language of the page, for its link.
pub fn other(lang: Lang) -> Lang {
    lang.words().other_lang()
}

/// A whole page: head, the draft notice while the policy is a draft, the
/// link to the other language, the body, and the privacy line.
pub fn page(policy: &Policy, lang: Lang, title: PageWord, other_url: &str, body: &str) -> String {
    let words = lang.words();
    let mut out = String::with_capacity(body.len() + 2048);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<link rel=\"stylesheet\" href=\"/app.css\">\n\
         <script src=\"/app.js\" defer></script>\n</head>\n<body>\n<header>\n",
        words.html_lang(),
        escape(words.page(title))
    );
    if let Some(notice) = draft_notice(policy, lang) {
        let _ = writeln!(
            out,
            "<p class=\"draft\" id=\"draft\">{}</p>",
            escape(&notice)
        );
    }
    let _ = write!(
        out,
        "<nav><a href=\"{}\" lang=\"{}\">{}</a></nav>\n<h1>{}</h1>\n\
         <p class=\"policy\">{}</p>\n</header>\n<main>\n{body}</main>\n\
         <footer><p>{}</p></footer>\n</body>\n</html>\n",
        escape(other_url),
        lang_code(other(lang)),
        escape(words.page(PageWord::OtherLanguage)),
        escape(words.page(title)),
        escape(&policy.title),
        escape(words.page(PageWord::Privacy)),
    );
    out
}

/// A short page that says only one thing (too large, not found).
pub fn message(policy: &Policy, lang: Lang, word: PageWord) -> String {
    let body = format!(
        "<p class=\"problem\">{}</p>\n<p><a href=\"/?lang={}\">{}</a></p>\n",
        escape(lang.words().page(word)),
        lang_code(lang),
        escape(lang.words().page(PageWord::BackToForm))
    );
    page(policy, lang, PageWord::Title, "/", &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape("<script>\"a\"&'b'</script>"),
            "&lt;script&gt;&quot;a&quot;&amp;&#39;b&#39;&lt;/script&gt;"
        );
        assert_eq!(escape("a\u{1b}[2J\u{202E}b\n"), "a\\u{1b}[2J\\u{202e}b\n");
    }

    #[test]
    fn values_are_percent_encoded() {
        assert_eq!(url_value("质押 a&b"), "%E8%B4%A8%E6%8A%BC%20a%26b");
    }
}
