//! The words of the applicants' page (`subsidy serve`): its headings,
//! field labels, hints and notices. The figures, the reason and the
//! derivation come from the report family, as `check` prints them.

mod sentences;

/// A fixed piece of text of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageWord {
    /// The title of the dry-run page.
    Title,
    /// What the page is for, under the title.
    Lead,
    /// The title of the catalogue page.
    CatalogueTitle,
    /// A link from the form to the catalogue.
    Browse,
    /// A link from the catalogue back to the form.
    BackToForm,
    /// The link to the page in the other language.
    OtherLanguage,
    FieldItem,
    ItemHint,
    FieldType,
    /// The empty choice of the applicant type.
    ChooseType,
    FieldDate,
    DateHint,
    FieldQuantity,
    QuantityHint,
    FieldAmount,
    AmountHint,
    FieldTags,
    FieldRef,
    RefHint,
    FieldScore,
    FieldFacts,
    FieldOtherCitySupport,
    /// Under the form: fields the chosen item does not use may stay empty.
    FieldsNote,
    Submit,
    /// Above the problems that belong to no single field.
    Problems,
    ResultHeading,
    Status,
    Computed,
    Payable,
    Cut,
    Reason,
    DerivationHeading,
    /// Derivation: the date and its year.
    DateLine,
    /// Derivation: the clause, with the sentence of the measures quoted.
    ClauseLine,
    /// Derivation: the item, with its own sentence quoted.
    ItemLine,
    /// Derivation: how the amount before caps was found.
    ComputationLine,
    /// Derivation: the checks made (✓ ✗) and not made (○).
    ChecksHeading,
    /// Derivation: the caps, in the order they apply.
    CapsHeading,
    /// A check the page cannot make: whether the item (or the same
    /// reference) was paid to this applicant before.
    UncheckedEarlier,
    /// A check the page cannot make: another award of the clause this year.
    UncheckedClauseAward,
    /// A check the page cannot make, of any other kind.
    Unchecked,
    /// What a dry run on this page cannot know.
    NotKnownHeading,
    /// Earlier payouts of the applicant are not known to the page.
    NoEarlierPayouts,
    /// The city-wide ranking of a quota is settled in the batch.
    NoRanking,
    /// No reference was given: a repeat of it was not checked.
    NoReference,
    /// Nothing typed here is stored or logged.
    Privacy,
    /// Beside an item that is not one: a link to the catalogue filtered
    /// by what was typed.
    FindInCatalogue,
    /// The search box of the catalogue.
    Search,
    SearchHint,
    /// No item matches the search.
    NoMatch,
    /// A request body or address too large to read.
    TooLarge,
    /// A request that is not a form this page can read.
    BadRequest,
    NotFound,
}

pub trait PageWords {
    /// The value of `?lang=` that asks for this language.
    fn lang_code(&self) -> &'static str;
    /// The page's `<html lang>`.
    fn html_lang(&self) -> &'static str;
    /// The language the page links to as the other one.
    fn other_lang(&self) -> crate::words::Lang;
    fn page(&self, word: PageWord) -> &'static str;
    /// What `subsidy serve` prints when it listens: the address to open.
    fn serving(&self, url: &str) -> String;
    /// How many items of the catalogue match a search.
    fn matches(&self, count: usize, query: &str) -> String;
    /// The quota of a clause is ranked by the batch: the dry run assumes a
    /// place, and names what is paid without one.
    fn quota_not_ranked(
        &self,
        wording: &crate::policy::Wording,
        per_year: u32,
        overflow: &str,
    ) -> String;
    /// `subsidy serve` could not listen on the address.
    fn cannot_listen(&self, address: &str, error: &str) -> String;
    /// The other-support box left empty: the applicant's word, which the
    /// page takes and does not check. `level` is the policy's (市级).
    fn said_no_other_support(&self, level: &str) -> String;
    /// The label of a rejected claim's amount before caps: what it would
    /// have been, not an approved amount.
    fn rejected_computed(&self) -> &'static str;
}
