//! The catalogue page: `policy list` as an HTML table from the policy
//! model, grouped by clause, filtered by any part of a name.

use std::fmt::Write as _;

use super::form::Form;
use super::html::{escape, lang_code, other, page, url_value};
use crate::policy::{Item, Policy};
use crate::report::{figure, rules, who};
use crate::words::{Lang, PageWord, Sep};

/// Whether an item's id or name (either language) contains the search.
fn matches(item: &Item, query: &str) -> bool {
    let query = query.trim().to_lowercase();
    query.is_empty()
        || item.id.to_lowercase().contains(&query)
        || item.name.zh.contains(&query)
        || item.name.en.to_lowercase().contains(&query)
}

pub fn render(policy: &Policy, form: &Form) -> String {
    let lang = form.lang();
    let words = lang.words();
    let query = form.get("q").unwrap_or_default();
    let mut body = search_form(query, lang);
    let mut found = 0;
    let mut rows = String::new();
    for clause in &policy.clauses {
        let items: Vec<_> = clause
            .items
            .iter()
            .map(|&i| policy.item(i))
            .filter(|item| matches(item, query))
            .collect();
        if items.is_empty() {
            continue;
        }
        found += items.len();
        let _ = writeln!(
            rows,
            "<tbody><tr class=\"clause\"><th colspan=\"7\">{} {}</th></tr>",
            escape(&clause.label()),
            escape(clause.title(lang))
        );
        for item in items {
            rows.push_str(&row(policy, item, lang));
        }
        rows.push_str("</tbody>\n");
    }
    if !query.trim().is_empty() {
        let _ = writeln!(
            body,
            "<p id=\"found\">{}</p>",
            escape(&words.matches(found, query.trim()))
        );
    }
    if found == 0 {
        let _ = writeln!(body, "<p>{}</p>", escape(words.page(PageWord::NoMatch)));
    } else {
        body.push_str(&header(lang));
        body.push_str(&rows);
        body.push_str("</table>\n");
    }
    let _ = writeln!(
        body,
        "<p class=\"note\">{}</p>",
        escape(&words.catalogue_footer(policy))
    );
    let other_url = format!(
        "/catalogue?lang={}&q={}",
        lang_code(other(lang)),
        url_value(query)
    );
    page(policy, lang, PageWord::CatalogueTitle, &other_url, &body)
}

fn search_form(query: &str, lang: Lang) -> String {
    let words = lang.words();
    format!(
        "<form method=\"get\" action=\"/catalogue\" id=\"search\">\
         <input type=\"hidden\" name=\"lang\" value=\"{}\">\
         <input name=\"q\" value=\"{}\" placeholder=\"{}\"> <button type=\"submit\">{}</button> \
         <a href=\"/?lang={}\">{}</a></form>\n",
        lang_code(lang),
        escape(query),
        escape(words.page(PageWord::SearchHint)),
        escape(words.page(PageWord::Search)),
        lang_code(lang),
        escape(words.page(PageWord::BackToForm)),
    )
}

fn header(lang: Lang) -> String {
    let words = lang.words();
    let mut out = String::from("<table class=\"catalogue\"><thead><tr>");
    for label in crate::report::CATALOGUE_COLUMNS {
        let _ = write!(out, "<th>{}</th>", escape(words.label(label)));
    }
    out.push_str("</tr></thead>\n");
    out
}

fn row(policy: &Policy, item: &Item, lang: Lang) -> String {
    let words = lang.words();
    let clause = &policy.clauses[usize::from(item.clause)];
    let rules = rules(policy, item)
        .iter()
        .map(|r| words.rule(policy, r))
        .collect::<Vec<_>>()
        .join(words.separator(Sep::Parts));
    format!(
        "<tr id=\"{id}\"><td>{}</td><td><a href=\"/?lang={}&amp;item={}\">{id}</a></td>\
         <td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        escape(&clause.label()),
        lang_code(lang),
        url_value(&item.id),
        escape(item.name(lang)),
        escape(item.kind.name()),
        escape(&figure(item, lang)),
        escape(&who(policy, item.applicants, lang)),
        escape(&rules),
        id = escape(&item.id),
    )
}
