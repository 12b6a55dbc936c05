//! A small harness for cases a person can check by hand: claims written as
//! builders, run through the real reader and the real pass with the bundled
//! policy, results looked up by claim_id.
#![allow(dead_code)]

use std::collections::HashMap;
use std::str::FromStr;

use assert_cmd::Command;
use rust_decimal::Decimal;
use subsidy::claims::{read_claims, Keys};
use subsidy::engine::{self, Outcome};
use subsidy::ledger::read_ledger;
use subsidy::policy::{self, Policy};
use subsidy::report::{write_payout, Decided};

pub const HEADER: &str = "claim_id,applicant_id,applicant_name,applicant_type,item,date,quantity,amount,ref,tags,other_city_support,score,valid_invention_patents,service_years";

/// One claim row, built field by field.
#[derive(Clone, Debug)]
pub struct C {
    id: String,
    applicant: String,
    kind: String,
    item: String,
    date: String,
    quantity: String,
    amount: String,
    reference: String,
    tags: String,
    other: String,
    score: String,
    patents: String,
    years: String,
}

/// A claim by `applicant` (its type is read from the id's prefix:
/// E enterprise, I institution, P individual, A agency, K park, O organization).
pub fn claim(id: &str, applicant: &str, item: &str, date: &str) -> C {
    let kind = match applicant.chars().next() {
        Some('E') => "enterprise",
        Some('I') => "institution",
        Some('P') => "individual",
        Some('A') => "agency",
        Some('K') => "park",
        Some('O') => "organization",
        _ => "enterprise",
    };
    C {
        id: id.into(),
        applicant: applicant.into(),
        kind: kind.into(),
        item: item.into(),
        date: date.into(),
        quantity: String::new(),
        amount: String::new(),
        reference: String::new(),
        tags: String::new(),
        other: String::new(),
        score: String::new(),
        patents: String::new(),
        years: String::new(),
    }
}

impl C {
    pub fn qty(mut self, q: u32) -> C {
        self.quantity = q.to_string();
        self
    }
    pub fn amount(mut self, a: &str) -> C {
        self.amount = a.into();
        self
    }
    /// `n` units, one reference each: `ZL-A-1；ZL-A-2；…` (SPEC §6).
    pub fn refs(mut self, base: &str, n: u32) -> C {
        self.quantity = n.to_string();
        self.reference = (1..=n)
            .map(|i| format!("{base}-{i}"))
            .collect::<Vec<_>>()
            .join("；");
        self
    }
    pub fn reference(mut self, r: &str) -> C {
        self.reference = r.into();
        self
    }
    pub fn tags(mut self, t: &str) -> C {
        self.tags = t.into();
        self
    }
    pub fn other_city_support(mut self) -> C {
        self.other = "yes".into();
        self
    }
    pub fn score(mut self, s: &str) -> C {
        self.score = s.into();
        self
    }
    pub fn patents(mut self, n: &str) -> C {
        self.patents = n.into();
        self
    }
    pub fn service_years(mut self, y: &str) -> C {
        self.years = y.into();
        self
    }
    /// Overrides the applicant type read from the id's prefix.
    pub fn applicant_type(mut self, t: &str) -> C {
        self.kind = t.into();
        self
    }

    fn row(&self) -> String {
        [
            &self.id,
            &self.applicant,
            &format!("{}名称", self.applicant),
            &self.kind,
            &self.item,
            &self.date,
            &self.quantity,
            &self.amount,
            &self.reference,
            &self.tags,
            &self.other,
            &self.score,
            &self.patents,
            &self.years,
        ]
        .iter()
        .map(|c| {
            if c.contains(',') {
                format!("\"{c}\"")
            } else {
                c.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
    }
}

pub fn csv(claims: &[C]) -> String {
    let mut out = String::from(HEADER);
    for c in claims {
        out.push('\n');
        out.push_str(&c.row());
    }
    out.push('\n');
    out
}

/// What became of one claim.
#[derive(Debug, Clone)]
pub struct Got {
    pub status: String,
    pub computed: Decimal,
    pub payable: Decimal,
    pub cut: Decimal,
    pub reason: String,
}

pub struct Results {
    by_id: HashMap<String, Got>,
    pub payout: String,
}

pub fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|_| panic!("bad figure in test: {s}"))
}

impl Results {
    pub fn get(&self, id: &str) -> &Got {
        self.by_id
            .get(id)
            .unwrap_or_else(|| panic!("no claim {id} in results"))
    }

    /// Asserts status, computed and payable of one claim (cut follows).
    #[track_caller]
    pub fn expect(&self, id: &str, status: &str, computed: &str, payable: &str) {
        let got = self.get(id);
        assert_eq!(
            (got.status.as_str(), got.computed, got.payable),
            (status, dec(computed), dec(payable)),
            "claim {id}: reason was `{}`",
            got.reason
        );
        assert_eq!(got.cut, got.computed - got.payable, "claim {id}: cut");
    }

    #[track_caller]
    pub fn reason_has(&self, id: &str, words: &str) {
        let got = self.get(id);
        assert!(
            got.reason.contains(words),
            "claim {id}: reason `{}` lacks `{words}`",
            got.reason
        );
    }

    pub fn total_payable(&self) -> Decimal {
        self.by_id.values().map(|g| g.payable).sum()
    }
}

pub fn bundled() -> Policy {
    policy::bundled().unwrap_or_else(|e| panic!("{e}"))
}

/// Runs a batch, with the payout CSV of earlier batches as ledgers.
pub fn run_with(claims: &[C], ledgers: &[&str]) -> Results {
    run_text(&csv(claims), ledgers)
}

pub fn run(claims: &[C]) -> Results {
    run_with(claims, &[])
}

pub fn run_text(text: &str, ledgers: &[&str]) -> Results {
    run_under(&bundled(), text, ledgers)
}

/// The policy file at `path` (relative to the crate), loaded.
pub fn policy_file(path: &str) -> Policy {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    policy::load(path, &text).unwrap_or_else(|e| panic!("{e}"))
}

/// As `run_text`, under another city's measures.
pub fn run_under(policy: &Policy, text: &str, ledgers: &[&str]) -> Results {
    let mut keys = Keys::default();
    let batch = read_claims("test.csv", text.as_bytes(), policy, &mut keys)
        .unwrap_or_else(|e| panic!("{e}"));
    let mut prior = Vec::new();
    for l in ledgers {
        prior.extend(
            read_ledger("ledger.csv", l.as_bytes(), policy, &mut keys)
                .unwrap_or_else(|e| panic!("{e}")),
        );
    }
    let outcomes: Vec<Outcome> = engine::run(policy, &batch.claims, &prior);
    let decided = Decided {
        policy,
        batch: &batch,
        outcomes: &outcomes,
    };
    let mut payout = Vec::new();
    write_payout(&decided, &mut payout, false, subsidy::words::Lang::En)
        .unwrap_or_else(|e| panic!("{e}"));
    let mut by_id = HashMap::new();
    for line in decided.lines() {
        let (computed, payable, cut) = line.money();
        by_id.entry(line.claim_id().to_string()).or_insert(Got {
            status: line.status().as_str().to_string(),
            computed,
            payable,
            cut,
            reason: line.reason(policy, subsidy::words::Lang::En),
        });
    }
    Results {
        by_id,
        payout: String::from_utf8(payout).expect("output is UTF-8"),
    }
}

/// The real binary, with the language taken from the arguments only.
pub fn subsidy() -> Command {
    let mut cmd = Command::cargo_bin("subsidy").unwrap_or_else(|e| panic!("{e}"));
    cmd.env_remove("SUBSIDY_LANG");
    cmd
}

thread_local! {
    /// The pairs of sentences a test has said, for `pin_words`.
    static SAID: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// A fact said in both languages: neither empty, and not the same words.
/// The pair is kept for the test's `pin_words`.
pub fn both_said(zh: &str, en: &str, what: &dyn std::fmt::Debug) {
    assert!(!zh.trim().is_empty(), "no Chinese for {what:?}");
    assert!(!en.trim().is_empty(), "no English for {what:?}");
    assert_ne!(zh, en, "the same words in both languages for {what:?}");
    SAID.with(|said| {
        use std::fmt::Write as _;
        let _ = writeln!(said.borrow_mut(), "{what:?}\n  zh: {zh}\n  en: {en}");
    });
}

/// Every pair the test said, held against its stored snapshot
/// (`tests/snapshots/`): a sentence whose words change, in either
/// language, fails here until the new words are reviewed and accepted.
pub fn pin_words(name: &str) {
    let said = SAID.with(|said| std::mem::take(&mut *said.borrow_mut()));
    assert!(!said.is_empty(), "{name} said nothing");
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, said);
    });
}
