//! What the page's form sends, read into the dry run's `Request`; which
//! fields an item uses; where a problem of the reader belongs on the page.

use crate::claims::Problem;
use crate::dryrun::Request;
use crate::policy::{FigureBy, Item, Kind, Measured, Policy};
use crate::words::Lang;

/// The name/value pairs of a submitted form (query string or body), as sent.
#[derive(Debug, Default)]
pub struct Form {
    pairs: Vec<(String, String)>,
}

impl Form {
    pub fn new(pairs: Vec<(String, String)>) -> Form {
        Form { pairs }
    }

    /// The first value of a field, as typed.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a field (the tag boxes send one each).
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.pairs
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// A field's value when it is not blank.
    fn given(&self, name: &str) -> Option<String> {
        self.get(name)
            .filter(|v| !v.trim().is_empty())
            .map(str::to_string)
    }

    /// Whether the form was sent (an item field is present, even empty).
    pub fn submitted(&self) -> bool {
        self.get("item").is_some()
    }

    /// `lang=en` gives English; anything else Chinese.
    pub fn lang(&self) -> Lang {
        self.get("lang")
            .and_then(Lang::from_name)
            .unwrap_or_default()
    }

    /// The dry run's request: each value as typed, blank meaning not given.
    pub fn request(&self, policy: &Policy) -> Request {
        let tags: Vec<&str> = self.all("tags").filter(|t| !t.trim().is_empty()).collect();
        Request {
            item: self.get("item").unwrap_or_default().to_string(),
            applicant_type: self.get("type").unwrap_or_default().to_string(),
            quantity: self.given("quantity"),
            amount: self.given("amount"),
            date: self.given("date"),
            tags: (!tags.is_empty()).then(|| tags.join(";")),
            reference: self.given("ref"),
            score: self.given("score"),
            facts: policy
                .facts
                .iter()
                .map(|f| self.get(&fact_field(&f.id)).unwrap_or_default().to_string())
                .collect(),
            other_city_support: self.get("other_city_support").is_some(),
            applicant: None,
        }
    }
}

/// The form field of a declared fact.
pub fn fact_field(id: &str) -> String {
    format!("fact_{id}")
}

/// The field beside which a problem of the reader is shown; `None` for a
/// problem of the whole claim.
pub fn field_of(problem: &Problem, policy: &Policy) -> Option<String> {
    match problem.column.as_str() {
        "applicant_type" => Some("type".into()),
        c @ ("item" | "date" | "quantity" | "amount" | "tags" | "ref" | "score"
        | "other_city_support") => Some(c.to_string()),
        c if policy.facts.iter().any(|f| f.id == c) => Some(fact_field(c)),
        _ => None,
    }
}

/// The optional fields an item uses, beyond item, type, date and the
/// other-support box which every item has: a fact or the amount that a
/// range or a band of its figure is on counts as used.
pub fn fields_of(policy: &Policy, item: &Item) -> Vec<String> {
    let tiers_on = match &item.figure_by {
        Some(FigureBy::Tiers { on, .. }) => Some(*on),
        _ => None,
    };
    let mut fields = Vec::new();
    if item.per_unit {
        fields.push("quantity".to_string());
    }
    if item.needs_amount()
        || matches!(item.kind, Kind::Floor { .. })
        || item.amount_range.is_some()
        || tiers_on == Some(Measured::Amount)
    {
        fields.push("amount".to_string());
    }
    if item.needs_ref() {
        fields.push("ref".to_string());
    }
    if !item.tags_any.is_empty() {
        fields.push("tags".to_string());
    }
    if item.quota.is_some() {
        fields.push("score".to_string());
    }
    let facts = item
        .facts_min
        .iter()
        .map(|(f, _)| *f)
        .chain(item.facts_range.iter().map(|(f, _)| *f))
        .chain(tiers_on.and_then(|on| match on {
            Measured::Fact(f) => Some(f),
            Measured::Amount => None,
        }));
    for fact in facts {
        if let Some(f) = policy.facts.get(usize::from(fact)) {
            let field = fact_field(&f.id);
            if !fields.contains(&field) {
                fields.push(field);
            }
        }
    }
    fields
}
