//! Every word of the applicants' page is said in both languages.
//!
//! `PageWord` is walked as a chain: `after` has a `match` without a
//! wildcard, so a new word does not compile until it has its place here.

use crate::common::both_said;
use subsidy::words::{Lang, PageWord};

fn after(w: &PageWord) -> Option<PageWord> {
    use PageWord as P;
    Some(match w {
        P::Title => P::Lead,
        P::Lead => P::CatalogueTitle,
        P::CatalogueTitle => P::Browse,
        P::Browse => P::BackToForm,
        P::BackToForm => P::OtherLanguage,
        P::OtherLanguage => P::FieldItem,
        P::FieldItem => P::ItemHint,
        P::ItemHint => P::FieldType,
        P::FieldType => P::ChooseType,
        P::ChooseType => P::FieldDate,
        P::FieldDate => P::DateHint,
        P::DateHint => P::FieldQuantity,
        P::FieldQuantity => P::QuantityHint,
        P::QuantityHint => P::FieldAmount,
        P::FieldAmount => P::AmountHint,
        P::AmountHint => P::FieldTags,
        P::FieldTags => P::FieldRef,
        P::FieldRef => P::RefHint,
        P::RefHint => P::FieldScore,
        P::FieldScore => P::FieldFacts,
        P::FieldFacts => P::FieldOtherCitySupport,
        P::FieldOtherCitySupport => P::FieldsNote,
        P::FieldsNote => P::Submit,
        P::Submit => P::Problems,
        P::Problems => P::ResultHeading,
        P::ResultHeading => P::Status,
        P::Status => P::Computed,
        P::Computed => P::Payable,
        P::Payable => P::Cut,
        P::Cut => P::Reason,
        P::Reason => P::DerivationHeading,
        P::DerivationHeading => P::DateLine,
        P::DateLine => P::ClauseLine,
        P::ClauseLine => P::ItemLine,
        P::ItemLine => P::ComputationLine,
        P::ComputationLine => P::ChecksHeading,
        P::ChecksHeading => P::CapsHeading,
        P::CapsHeading => P::UncheckedEarlier,
        P::UncheckedEarlier => P::UncheckedClauseAward,
        P::UncheckedClauseAward => P::Unchecked,
        P::Unchecked => P::NotKnownHeading,
        P::NotKnownHeading => P::NoEarlierPayouts,
        P::NoEarlierPayouts => P::NoRanking,
        P::NoRanking => P::NoReference,
        P::NoReference => P::Privacy,
        P::Privacy => P::FindInCatalogue,
        P::FindInCatalogue => P::Search,
        P::Search => P::SearchHint,
        P::SearchHint => P::NoMatch,
        P::NoMatch => P::TooLarge,
        P::TooLarge => P::BadRequest,
        P::BadRequest => P::NotFound,
        P::NotFound => return None,
    })
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_page_word_is_said_in_both_languages() {
    let mut word = PageWord::Title;
    let mut count = 0;
    loop {
        let zh = Lang::Zh.words().page(word);
        let en = Lang::En.words().page(word);
        both_said(zh, en, &word);
        // The link to the other language is written in that language.
        if word != PageWord::OtherLanguage {
            assert!(has_chinese(zh), "{word:?} in Chinese: {zh}");
        }
        count += 1;
        match after(&word) {
            Some(next) => word = next,
            None => break,
        }
    }
    assert_eq!(count, 53);
    crate::common::pin_words("words_page__every_page_word_is_said_in_both_languages");
}

#[test]
fn the_page_sentences_are_said_in_both_languages() {
    let (zh, en) = (Lang::Zh.words(), Lang::En.words());
    let url = "http://127.0.0.1:8080/";
    both_said(&zh.serving(url), &en.serving(url), &"serving");
    assert!(zh.serving(url).contains(url) && en.serving(url).contains(url));
    for n in [0, 1, 5] {
        both_said(
            &zh.matches(n, "质押"),
            &en.matches(n, "质押"),
            &("matches", n),
        );
        assert!(en.matches(n, "质押").contains(&n.to_string()));
    }
    assert_eq!((zh.lang_code(), en.lang_code()), ("zh", "en"));
    assert_eq!(Lang::from_name(zh.lang_code()), Some(Lang::Zh));
    assert_eq!(Lang::from_name(en.lang_code()), Some(Lang::En));
    assert_eq!((zh.other_lang(), en.other_lang()), (Lang::En, Lang::Zh));
    both_said(zh.html_lang(), en.html_lang(), &"html_lang");
    let (q_zh, q_en) = (
        zh.quota_not_ranked(&subsidy::policy::Wording::default(), 2, "合格"),
        en.quota_not_ranked(&subsidy::policy::Wording::default(), 2, "qualified"),
    );
    both_said(&q_zh, &q_en, &"quota_not_ranked");
    assert!(q_zh.contains('2') && q_zh.contains("合格") && q_en.contains("qualified"));
    both_said(
        &zh.said_no_other_support("市级"),
        &en.said_no_other_support("市级"),
        &"said_no_other_support",
    );
    assert!(zh.said_no_other_support("县级").contains("县级"));
    both_said(
        zh.rejected_computed(),
        en.rejected_computed(),
        &"rejected_computed",
    );
    let (a, e) = ("127.0.0.1:80", "Address already in use");
    both_said(
        &zh.cannot_listen(a, e),
        &en.cannot_listen(a, e),
        &"cannot_listen",
    );
    crate::common::pin_words("words_page__the_page_sentences_are_said_in_both_languages");
}
