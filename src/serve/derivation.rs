//! The derivation of a dry run as HTML: the same facts `check` prints
//! (`report::derivation`), each said by the report words, under the page's
//! headings; what the page cannot check is marked ○ in the page's words.

use std::fmt::Write as _;

use super::html::escape;
use crate::dryrun::Answer;
use crate::engine::Check;
use crate::money::short_grouped;
use crate::policy::Policy;
use crate::words::{Label, Lang, PageWord};

pub fn render(policy: &Policy, answer: &Answer, lang: Lang) -> String {
    let words = lang.words();
    let w = |word| escape(words.page(word));
    let claim = &answer.claim;
    let item = policy.item(claim.item);
    let clause = policy.clause_of(claim.item);
    let o = &answer.outcome;
    let mut out = format!(
        "<section id=\"derivation\">\n<h3>{}</h3>\n<dl>\n\
         <dt>{}</dt><dd>{} ({})</dd>\n\
         <dt>{}</dt><dd>{} {}<blockquote id=\"clause-source\">“{}”</blockquote></dd>\n",
        w(PageWord::DerivationHeading),
        w(PageWord::DateLine),
        claim.date,
        claim.date.year(),
        w(PageWord::ClauseLine),
        escape(&clause.label()),
        escape(clause.title(lang)),
        escape(&clause.source),
    );
    let _ = write!(
        out,
        "<dt>{}</dt><dd><code>{}</code> {}",
        w(PageWord::ItemLine),
        escape(&item.id),
        escape(item.name(lang))
    );
    if let Some(source) = &item.source {
        let _ = write!(
            out,
            "<blockquote id=\"item-source\">“{}”</blockquote>",
            escape(source)
        );
    }
    let figure = words.basis(policy, &o.basis, o.computed, short_grouped);
    let figure = if figure.is_empty() {
        words.label(Label::NotComputedHere).to_string()
    } else {
        figure
    };
    let _ = writeln!(
        out,
        "</dd>\n<dt>{}</dt><dd id=\"basis\">{}</dd>\n</dl>",
        w(PageWord::ComputationLine),
        escape(&figure)
    );
    out.push_str(&checks(policy, answer, lang));
    out.push_str(&caps(policy, answer, lang));
    out.push_str(&intake(policy, answer, lang));
    out.push_str("</section>\n");
    out
}

/// Each check: ✓ passed, ✗ failed (with the rejection), ○ not made here.
fn checks(policy: &Policy, answer: &Answer, lang: Lang) -> String {
    let words = lang.words();
    let needs_ref = policy.item(answer.claim.item).needs_ref();
    let mut out = format!(
        "<h4>{}</h4>\n<ul class=\"checks\">",
        escape(words.page(PageWord::ChecksHeading))
    );
    for (check, passed) in &answer.trace.checks {
        if !answer.dry_run.made(*check, needs_ref) {
            let word = match check {
                Check::LedgerClaimId => continue,
                Check::Unique => PageWord::UncheckedEarlier,
                Check::ClauseOneAward => PageWord::UncheckedClauseAward,
                _ => PageWord::Unchecked,
            };
            let _ = write!(
                out,
                "<li class=\"unchecked\">○ {}</li>",
                escape(words.page(word))
            );
            continue;
        }
        if *check == Check::OtherCitySupport && *passed {
            // The box left empty is the applicant's word, not a check.
            let said = words.said_no_other_support(&policy.wording.level);
            let _ = write!(out, "<li class=\"declared\">{}</li>", escape(&said));
            continue;
        }
        let text = match (passed, &answer.outcome.rejection) {
            (true, _) => words.passed_check(policy, &answer.claim, *check),
            (false, Some(r)) => words.rejection(policy, &answer.claim, r),
            (false, None) => String::new(),
        };
        let (class, mark) = if *passed {
            ("passed", "✓")
        } else {
            ("failed", "✗")
        };
        let _ = write!(out, "<li class=\"{class}\">{mark} {}</li>", escape(&text));
    }
    out.push_str("</ul>\n");
    out
}

/// Each cap in order with what it had and left; the quota a dry run
/// cannot rank.
fn caps(policy: &Policy, answer: &Answer, lang: Lang) -> String {
    let words = lang.words();
    let mut out = String::new();
    let steps = &answer.trace.steps;
    if !steps.is_empty() {
        let _ = write!(
            out,
            "<h4>{}</h4>\n<ol class=\"caps\">",
            escape(words.page(PageWord::CapsHeading))
        );
        for step in steps {
            let _ = write!(out, "<li>{}</li>", escape(&words.cap_line(policy, step)));
        }
        out.push_str("</ol>\n");
    }
    let quota = policy.item(answer.claim.item).quota;
    if let Some(quota) = quota.filter(|_| answer.dry_run.ranking) {
        let overflow = policy.item(quota.overflow).name(lang);
        let _ = writeln!(
            out,
            "<p class=\"unchecked\">○ {}</p>",
            escape(&words.quota_not_ranked(&policy.wording, quota.per_year, overflow))
        );
    }
    out
}

/// The conditions the office verifies at intake: listed, never ticked.
fn intake(policy: &Policy, answer: &Answer, lang: Lang) -> String {
    let item = policy.item(answer.claim.item);
    if item.intake.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<h4>{}</h4>\n<ul id=\"intake\">",
        escape(lang.words().intake_heading())
    );
    for condition in &item.intake {
        let _ = write!(out, "<li>{}</li>", escape(lang.text(condition)));
    }
    out.push_str("</ul>\n");
    out
}
