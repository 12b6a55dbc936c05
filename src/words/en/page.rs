//! The applicants' page in English.

use super::English;
use crate::words::page::{PageWord, PageWords};
use crate::words::Lang;

impl PageWords for English {
    fn lang_code(&self) -> &'static str {
        "en"
    }

    fn html_lang(&self) -> &'static str {
        "en"
    }

    fn other_lang(&self) -> Lang {
        Lang::Zh
    }

    fn page(&self, word: PageWord) -> &'static str {
        match word {
            PageWord::Title => "IP subsidy dry run",
            PageWord::Lead => "Describe one claim and see at once what the policy file computes and pays for it, and why. A dry run is not a filing: the office's review decides.",
            PageWord::CatalogueTitle => "Catalogue of items",
            PageWord::Browse => "Browse every item by clause",
            PageWord::BackToForm => "Back to the dry run",
            PageWord::OtherLanguage => "中文",
            PageWord::FieldItem => "Item",
            PageWord::ItemHint => "Any part of the item's Chinese name (质押, 专利转让) or its id",
            PageWord::FieldType => "Applicant type",
            PageWord::ChooseType => "Choose",
            PageWord::FieldDate => "Date",
            PageWord::DateHint => "e.g. 2024-05-01; empty means today",
            PageWord::FieldQuantity => "Quantity",
            PageWord::QuantityHint => "patents, awards, works or cases; empty means 1",
            PageWord::FieldAmount => "Amount (yuan)",
            PageWord::AmountHint => "transaction amount, interest, premium or approved amount, e.g. 12,345.67 or 1.5万",
            PageWord::FieldTags => "Qualifications",
            PageWord::FieldRef => "Reference",
            PageWord::RefHint => "patent number, contract registration or case number; one per unit, separated by semicolons",
            PageWord::FieldScore => "Review score",
            PageWord::FieldFacts => "Other conditions",
            PageWord::FieldOtherCitySupport => "The project already has support under another policy of the same level",
            PageWord::FieldsNote => "Fields the chosen item does not use may stay empty.",
            PageWord::Submit => "Dry run",
            PageWord::Problems => "These could not be read:",
            PageWord::ResultHeading => "Result",
            PageWord::Status => "Status",
            PageWord::Computed => "Computed",
            PageWord::Payable => "Payable",
            PageWord::Cut => "Cut",
            PageWord::Reason => "Reason",
            PageWord::DerivationHeading => "Derivation",
            PageWord::DateLine => "Date",
            PageWord::ClauseLine => "Clause",
            PageWord::ItemLine => "Item",
            PageWord::ComputationLine => "Computation",
            PageWord::ChecksHeading => "Checks",
            PageWord::CapsHeading => "Caps (applied in order)",
            PageWord::UncheckedEarlier => "not checked whether this was paid before (the page reads no earlier payouts)",
            PageWord::UncheckedClauseAward => "not checked whether another award of this clause was paid this year (the page reads no earlier payouts)",
            PageWord::Unchecked => "not checked",
            PageWord::NotKnownHeading => "What this dry run cannot know:",
            PageWord::NoEarlierPayouts => "the applicant's earlier payouts: annual caps count as unused and once-only items as not yet paid.",
            PageWord::NoRanking => "the ranking of a quota: it is settled when all of the year's claims are in.",
            PageWord::NoReference => "whether the same reference was paid before: no reference was given, so it was not checked.",
            PageWord::Privacy => "Nothing typed on this page is stored or logged.",
            PageWord::FindInCatalogue => "Find the items whose names contain this in the catalogue",
            PageWord::Search => "Filter",
            PageWord::SearchHint => "any part of the Chinese name, e.g. 质押",
            PageWord::NoMatch => "No item's name contains this.",
            PageWord::TooLarge => "The request is too large and was not read.",
            PageWord::BadRequest => "The request could not be read.",
            PageWord::NotFound => "There is no such page.",
        }
    }

    fn serving(&self, url: &str) -> String {
        format!("The dry-run page is served at {url} (Ctrl+C stops it)")
    }

    fn matches(&self, count: usize, query: &str) -> String {
        match count {
            1 => format!("1 item's name contains “{query}”."),
            n => format!("{n} items' names contain “{query}”."),
        }
    }

    fn quota_not_ranked(
        &self,
        wording: &crate::policy::Wording,
        per_year: u32,
        overflow: &str,
    ) -> String {
        format!("the {per_year} places a year ({}) are ranked by score among all of the year's claims; a dry run does not rank: the figures above assume a place; without one the claim is paid as “{overflow}”", wording.area_en)
    }

    fn said_no_other_support(&self, _level: &str) -> String {
        "you said: no support under another policy of the same level (the dry run does not verify it; the office does)".to_string()
    }

    fn rejected_computed(&self) -> &'static str {
        "amount had it not been rejected (not approved)"
    }

    fn cannot_listen(&self, address: &str, error: &str) -> String {
        format!("cannot serve the page at {address}: {error}")
    }
}
