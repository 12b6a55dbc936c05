//! The dry-run page: the form, and under it what `dryrun::answer` made of
//! the claim — the figures and reason of its outcome and the derivation
//! `check` prints — or each problem beside its field.

use std::fmt::Write as _;

use super::form::{fact_field, field_of, fields_of, Form};
use super::html::{escape, lang_code, other, page, url_value};
use crate::claims::{Keys, Problem};
use crate::dryrun::{self, Answer};
use crate::engine::Status;
use crate::money::write_plain;
use crate::policy::Policy;
use crate::report::{reason, yuan};
use crate::words::{Label, Lang, PageWord};

/// The dry-run page for a form (empty or sent).
pub fn render(policy: &Policy, form: &Form) -> String {
    let lang = form.lang();
    let ran = form.submitted().then(|| run(policy, form, lang));
    let problems: &[Problem] = match &ran {
        Some(Err(p)) => p,
        _ => &[],
    };
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<p class=\"lead\">{}</p>",
        escape(lang.words().page(PageWord::Lead))
    );
    body.push_str(&form_html(policy, form, lang, problems));
    match &ran {
        Some(Ok(answer)) => body.push_str(&result_html(policy, answer, form, lang)),
        Some(Err(problems)) => body.push_str(&claim_problems(policy, problems, lang)),
        None => {}
    }
    page(policy, lang, PageWord::Title, &other_url(form, lang), &body)
}

/// The dry run of the form's claim: the same function `check` calls, with
/// no ledger and no applicant.
pub fn run(policy: &Policy, form: &Form, lang: Lang) -> Result<Answer, Vec<Problem>> {
    let request = form.request(policy);
    let placeholder = lang.words().label(Label::DryRunApplicant);
    dryrun::answer(
        policy,
        &request,
        (&[], &mut Keys::default(), false),
        placeholder,
    )
}

/// This page with the same values in the other language.
fn other_url(form: &Form, lang: Lang) -> String {
    let mut url = format!("/?lang={}", lang_code(other(lang)));
    if form.submitted() {
        for name in ["item", "type", "date", "quantity", "amount", "ref", "score"] {
            if let Some(v) = form.get(name) {
                let _ = write!(url, "&{name}={}", url_value(v));
            }
        }
        for tag in form.all("tags") {
            let _ = write!(url, "&tags={}", url_value(tag));
        }
    }
    url
}

/// The form. It is sent with GET, so a result page is a URL.
fn form_html(policy: &Policy, form: &Form, lang: Lang, problems: &[Problem]) -> String {
    let words = lang.words();
    let w = |word| escape(words.page(word));
    let beside = |field: &str| -> String {
        problems
            .iter()
            .filter(|p| field_of(p, policy).as_deref() == Some(field))
            .map(|p| {
                format!(
                    "<span class=\"problem\">{}</span>",
                    escape(&p.message(lang))
                )
            })
            .collect()
    };
    let mut out = format!(
        "<form method=\"get\" action=\"/\" id=\"claim\">\n\
         <input type=\"hidden\" name=\"lang\" value=\"{}\">\n",
        lang_code(lang)
    );
    let typed = form.get("item").unwrap_or_default().trim();
    let item_problem = find_link(beside("item"), typed, lang);
    out.push_str(&item_field(policy, form, lang, &item_problem));
    out.push_str(&type_field(policy, form, lang, &beside("type")));
    // The fields of the item chosen, as the page's script shows them: a
    // field it does not use is not shown (nor sent); with no item known,
    // every field is.
    let uses = policy
        .find_item_or_part(typed)
        .map(|i| fields_of(policy, policy.item(i)));
    let shown = |name: &str| {
        name == "date"
            || !beside(name).is_empty()
            || uses
                .as_ref()
                .is_none_or(|uses| uses.iter().any(|u| u == name))
    };
    for (name, label, hint, kind) in [
        ("date", PageWord::FieldDate, PageWord::DateHint, "text"),
        (
            "quantity",
            PageWord::FieldQuantity,
            PageWord::QuantityHint,
            "text",
        ),
        (
            "amount",
            PageWord::FieldAmount,
            PageWord::AmountHint,
            "text",
        ),
        ("ref", PageWord::FieldRef, PageWord::RefHint, "text"),
    ] {
        let value = form.get(name).unwrap_or_default();
        out.push_str(&text_field(
            name,
            (&w(label), &w(hint)),
            value,
            (kind, shown(name)),
            &beside(name),
        ));
    }
    out.push_str(&tags_field(
        policy,
        form,
        (lang, shown("tags")),
        &beside("tags"),
    ));
    let score = form.get("score").unwrap_or_default();
    out.push_str(&text_field(
        "score",
        (&w(PageWord::FieldScore), ""),
        score,
        ("text", shown("score")),
        &beside("score"),
    ));
    out.push_str(&fact_fields(policy, form, lang, (&shown, &beside)));
    out.push_str(&form_end(form, lang));
    out
}

/// Whether a field shows.
type Shown<'a> = &'a dyn Fn(&str) -> bool;
/// The problems shown beside a field.
type Beside<'a> = &'a dyn Fn(&str) -> String;

/// A text field per declared fact of the policy; `shown` and `beside`
/// say of a field whether it shows and what problem it has.
fn fact_fields(
    policy: &Policy,
    form: &Form,
    lang: Lang,
    (shown, beside): (Shown, Beside),
) -> String {
    let mut out = String::new();
    for fact in &policy.facts {
        let name = fact_field(&fact.id);
        let value = form.get(&name).unwrap_or_default();
        let label = escape(fact.label(lang));
        out.push_str(&text_field(
            &name,
            (&label, ""),
            value,
            ("text", shown(&name)),
            &beside(&name),
        ));
    }
    out
}

/// The problem of the item with, when something was typed, a link to the
/// catalogue: a part of a name is not an item, and the catalogue finds the
/// items whose names contain it.
fn find_link(mut problem: String, typed: &str, lang: Lang) -> String {
    if !problem.is_empty() && !typed.is_empty() {
        let _ = write!(
            problem,
            "<a id=\"find\" href=\"/catalogue?lang={}&amp;q={}\">{}</a>",
            lang_code(lang),
            url_value(typed),
            escape(lang.words().page(PageWord::FindInCatalogue))
        );
    }
    problem
}

/// The other-support box, the submit button and the link to the catalogue.
fn form_end(form: &Form, lang: Lang) -> String {
    let words = lang.words();
    let w = |word| escape(words.page(word));
    let checked = if form.get("other_city_support").is_some() {
        " checked"
    } else {
        ""
    };
    format!(
        "<div class=\"field\" data-field=\"other_city_support\"><label>\
         <input type=\"checkbox\" name=\"other_city_support\" value=\"yes\"{checked}> {}</label></div>\n\
         <p class=\"note\">{}</p>\n<p><button type=\"submit\">{}</button> \
         <a href=\"/catalogue?lang={}\">{}</a></p>\n</form>\n",
        w(PageWord::FieldOtherCitySupport),
        w(PageWord::FieldsNote),
        w(PageWord::Submit),
        lang_code(lang),
        w(PageWord::Browse)
    )
}

/// The item: typed, with every item of the catalogue offered by name.
fn item_field(policy: &Policy, form: &Form, lang: Lang, problem: &str) -> String {
    let words = lang.words();
    let mut out = format!(
        "<div class=\"field\" data-field=\"item\"><label for=\"item\">{}</label>\
         <input id=\"item\" name=\"item\" list=\"items\" value=\"{}\" autocomplete=\"off\">\
         <small>{}</small>{problem}\n<datalist id=\"items\">\n",
        escape(words.page(PageWord::FieldItem)),
        escape(form.get("item").unwrap_or_default()),
        escape(words.page(PageWord::ItemHint)),
    );
    for clause in &policy.clauses {
        for &i in &clause.items {
            let item = policy.item(i);
            let _ = writeln!(
                out,
                "<option value=\"{}\" label=\"{} {} · {}\" data-id=\"{}\" data-fields=\"{}\"></option>",
                escape(&item.name.zh),
                escape(&clause.label()),
                escape(&item.id),
                escape(item.name(lang)),
                escape(&item.id),
                escape(&fields_of(policy, item).join(" ")),
            );
        }
    }
    out.push_str("</datalist></div>\n");
    out
}

/// The applicant type: one of the policy's types.
fn type_field(policy: &Policy, form: &Form, lang: Lang, problem: &str) -> String {
    let words = lang.words();
    let chosen = form.get("type").unwrap_or_default();
    let chosen = policy.find_type(chosen);
    let mut out = format!(
        "<div class=\"field\" data-field=\"type\"><label for=\"type\">{}</label>\
         <select id=\"type\" name=\"type\"><option value=\"\">{}</option>\n",
        escape(words.page(PageWord::FieldType)),
        escape(words.page(PageWord::ChooseType)),
    );
    for (i, t) in policy.applicant_types.iter().enumerate() {
        let selected = if chosen == Some(i as u8) {
            " selected"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<option value=\"{}\"{selected}>{}</option>",
            escape(&t.id),
            escape(t.label(lang))
        );
    }
    let _ = writeln!(out, "</select>{problem}</div>");
    out
}

/// ` hidden` and ` disabled` for a field the chosen item does not use.
fn hidden(shown: bool) -> (&'static str, &'static str) {
    if shown {
        ("", "")
    } else {
        (" hidden", " disabled")
    }
}

/// One text field with its label, hint and problem.
fn text_field(
    name: &str,
    (label, hint): (&str, &str),
    value: &str,
    (kind, shown): (&str, bool),
    problem: &str,
) -> String {
    let (hide, off) = hidden(shown);
    let hint = if hint.is_empty() {
        String::new()
    } else {
        format!("<small>{hint}</small>")
    };
    format!(
        "<div class=\"field\" data-field=\"{name}\"{hide}><label for=\"{name}\">{label}</label>\
         <input id=\"{name}\" name=\"{name}\" type=\"{kind}\" value=\"{}\"{off}>{hint}{problem}</div>\n",
        escape(value)
    )
}

/// The tags as boxes, one per tag of the policy.
fn tags_field(policy: &Policy, form: &Form, (lang, shown): (Lang, bool), problem: &str) -> String {
    let words = lang.words();
    let (hide, off) = hidden(shown);
    let given: Vec<_> = form
        .all("tags")
        .filter_map(|t| policy.find_tag(t))
        .collect();
    let mut out = format!(
        "<fieldset class=\"field\" data-field=\"tags\"{hide}><legend>{}</legend>",
        escape(words.page(PageWord::FieldTags))
    );
    for (i, tag) in policy.tags.iter().enumerate() {
        let checked = if given.contains(&(i as u8)) {
            " checked"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" name=\"tags\" value=\"{}\"{checked}{off}> {}</label> ",
            escape(&tag.id),
            escape(tag.label(lang))
        );
    }
    let _ = writeln!(out, "{problem}</fieldset>");
    out
}

/// Problems of the claim that belong to no field.
fn claim_problems(policy: &Policy, problems: &[Problem], lang: Lang) -> String {
    let rest: Vec<_> = problems
        .iter()
        .filter(|p| field_of(p, policy).is_none())
        .collect();
    if rest.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<section id=\"problems\"><p>{}</p><ul>",
        escape(lang.words().page(PageWord::Problems))
    );
    for p in rest {
        let _ = write!(
            out,
            "<li class=\"problem\">{}</li>",
            escape(&p.describe(lang))
        );
    }
    out.push_str("</ul></section>\n");
    out
}

/// The figures and reason of the outcome, the derivation, and what the
/// dry run could not know.
fn result_html(policy: &Policy, answer: &Answer, form: &Form, lang: Lang) -> String {
    let words = lang.words();
    let w = |word| escape(words.page(word));
    let o = &answer.outcome;
    // The status as the payout writes it, and in words where they differ.
    let status = match words.status(o.status) {
        said if said == o.status.as_str() => said.to_string(),
        said => format!("{} · {said}", o.status.as_str()),
    };
    let mut out = format!(
        "<section id=\"result\">\n<h2>{}</h2>\n<table class=\"figures\">\n\
         <tr><th>{}</th><td id=\"status\" data-value=\"{}\">{}</td></tr>\n",
        w(PageWord::ResultHeading),
        w(PageWord::Status),
        o.status.as_str(),
        escape(&status),
    );
    // A rejected claim has no approved amount: what it pays (nothing)
    // comes first, and its amount before caps is said to be what it
    // would have been.
    let rejected = o.status == Status::Rejected;
    let computed = if rejected {
        escape(words.rejected_computed())
    } else {
        w(PageWord::Computed)
    };
    let mut rows = [
        ("computed", computed, o.computed),
        ("payable", w(PageWord::Payable), o.payable),
        ("cut", w(PageWord::Cut), o.cut()),
    ];
    if rejected {
        rows.swap(0, 1);
    }
    for (id, label, value) in rows {
        let mut plain = String::new();
        write_plain(&mut plain, value);
        let _ = writeln!(
            out,
            "<tr><th>{label}</th><td id=\"{id}\" data-value=\"{plain}\">{}</td></tr>",
            escape(&yuan(value))
        );
    }
    let _ = writeln!(
        out,
        "<tr><th>{}</th><td id=\"reason\">{}</td></tr>\n</table>",
        w(PageWord::Reason),
        escape(&reason(policy, &answer.claim, o, lang))
    );
    out.push_str(&super::derivation::render(policy, answer, lang));
    out.push_str(&not_known(policy, answer, form, lang));
    out.push_str("</section>\n");
    out
}

/// What a dry run on this page could not know.
fn not_known(policy: &Policy, answer: &Answer, form: &Form, lang: Lang) -> String {
    let words = lang.words();
    let mut list = vec![PageWord::NoEarlierPayouts];
    if answer.dry_run.ranking {
        list.push(PageWord::NoRanking);
    }
    if policy.item(answer.claim.item).needs_ref()
        && form.get("ref").is_none_or(|r| r.trim().is_empty())
    {
        list.push(PageWord::NoReference);
    }
    let mut out = format!(
        "<h3>{}</h3>\n<ul id=\"not-known\">",
        escape(words.page(PageWord::NotKnownHeading))
    );
    for word in list {
        let _ = write!(out, "<li>{}</li>", escape(words.page(word)));
    }
    out.push_str("</ul>\n");
    out
}
