//! Property tests of the cap-aware pass (SPEC §5) on the bundled policy.
//!
//! Each case generates a small batch of valid claims as CSV text: a few
//! applicants of every type, items picked so that the caps bind often (big
//! quantities and amounts, refs drawn from a small pool so duplicates occur,
//! several protection stations competing for the two excellent places),
//! dates mostly in 2024 (some early 2025, a second year of caps) and a few
//! in 2023 and 2028 that must be refused.
//! The batch goes through `claims::read_claims` and `engine::run`, and the
//! tests check what SPEC §4–§5 promise whatever the data:
//!
//! 1. no cap, quota or uniqueness rule is ever exceeded;
//! 2. every row balances (computed = payable + cut) and its status agrees
//!    with its figures;
//! 3. the outcome of each claim does not depend on the order of the rows;
//! 4. a year run as two chronological batches, the second with the first's
//!    payout CSV as its ledger, pays exactly what one batch would.
//!
//! The worked cases pin single figures; these check that the rules hold
//! whatever the mix of claims, which is what the finance bureau relies on.
//! Property 4 keeps every clause （十二） claim after the cutoff, since a
//! year's quota ranking must be settled in one batch (SPEC §5.6).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::Union;
use rust_decimal::Decimal;

use subsidy::claims::{self, Batch, Entry, Keys, Refs};
use subsidy::engine::{self, Outcome, Status};
use subsidy::ledger;
use subsidy::policy::{self, Policy};
use subsidy::report::{self, Decided};
use subsidy::words::Lang;

static POLICY: LazyLock<Policy> =
    LazyLock::new(|| policy::bundled().unwrap_or_else(|e| panic!("bundled policy: {e}")));

const HEADER: [&str; 14] = [
    "claim_id",
    "applicant_id",
    "applicant_name",
    "applicant_type",
    "item",
    "date",
    "quantity",
    "amount",
    "ref",
    "tags",
    "other_city_support",
    "score",
    "valid_invention_patents",
    "service_years",
];

// ---------------------------------------------------------------------------
// The applicants, one or two of each type. Four candidates for the
// protection-station quota (two parks, two organizations): more than two are
// needed for the quota of two to bind, since each gets one award a year.

struct Applicant {
    id: &'static str,
    name: &'static str,
    /// As written in the claims file: ids, Chinese names and aliases mixed.
    kind: &'static str,
}

const APPLICANTS: [Applicant; 9] = [
    Applicant {
        id: "91441882MA51A0001J",
        name: "连州市甲科技有限公司",
        kind: "enterprise",
    },
    Applicant {
        id: "91441882MA51B0002D",
        name: "连州市乙制造有限公司",
        kind: "企业",
    },
    Applicant {
        id: "12441882MB2C00003C",
        name: "连州市某研究院",
        kind: "institution",
    },
    Applicant {
        id: "91441882MA51D00043",
        name: "连州市某专利代理事务所",
        kind: "专利代理机构",
    },
    Applicant {
        id: "11441882PE00000057",
        name: "连州高新技术产业园",
        kind: "park",
    },
    Applicant {
        id: "11441882PF0000006C",
        name: "连州经济开发区",
        kind: "园区",
    },
    Applicant {
        id: "51441882MJ0000007T",
        name: "连州市知识产权协会",
        kind: "organization",
    },
    Applicant {
        id: "51441882MJ0000008X",
        name: "连州市知识产权纠纷人民调解委员会",
        kind: "调解组织",
    },
    Applicant {
        id: "441882199001010019",
        name: "张三",
        kind: "individual",
    },
];

const E1: usize = 0;
const E2: usize = 1;
const INST: usize = 2;
const AGENCY: usize = 3;
const PARK1: usize = 4;
const PARK2: usize = 5;
const ORG: usize = 6;
const ORG2: usize = 7;
const PERSON: usize = 8;

const ENTERPRISES: &[usize] = &[E1, E2];
const FIRMS: &[usize] = &[E1, E2, INST];
const UNITS: &[usize] = &[E1, E2, INST, AGENCY, PARK1, PARK2, ORG, ORG2];
const ANYONE: &[usize] = &[E1, E2, INST, AGENCY, PARK1, PARK2, ORG, ORG2, PERSON];
const STATIONS: &[usize] = &[PARK1, PARK2, ORG, ORG2];
const PARKS: &[usize] = &[PARK1, PARK2];

// Small pools of references, so the same patent or case comes back.
const PATENTS: &[&str] = &[
    "ZL202410001001.1",
    "zl202410001001.1",
    "ZL202410001002.X",
    "ZL202410001003.5",
    "ZL202410001004.2",
    "ZL202410001005.9",
    "ZL202410001006.0",
    "ZL202410001007.4",
    "ZL202410001008.8",
    "ZL202420002004.7",
    "ZL202320003005.2",
    "ＺＬ２０２３２０００３００５.２",
];
const CASES: &[&str] = &[
    "(2024)粤18民初1号",
    "（2024）粤18民初1号",
    "(2024)粤18民初2号",
    "(2024)粤民终3号",
];
const PROJECTS: &[&str] = &["DH-2024-01", "DH-2024-02", "dh-2024-01", "YJ-2024-03"];
const WORKS: &[&str] = &["粤作登字-2024-A-001", "粤作登字-2024-A-002"];
/// Registration numbers of transfer and licence contracts (（五）, paid once each).
const CONTRACTS: &[&str] = &["2024440000001", "2024440000002", "2024440000003"];
const MARKS: &[&str] = &["连州菜心", "连州水晶梨"];
const COUNTIES: &[&str] = &["国知发2024-1号", "国知发2024-2号"];

// ---------------------------------------------------------------------------
// One generated claim, before it is written as a CSV row.

#[derive(Debug, Clone)]
struct Spec {
    number: usize,
    applicant: usize,
    /// Write the applicant id in lower case (the same unit, SPEC: by key).
    lower_id: bool,
    item: &'static str,
    date: (u32, u32, u32),
    date_style: u8,
    quantity: Option<u32>,
    amount: Option<String>,
    reference: Option<String>,
    tags: &'static str,
    other_city_support: bool,
    score: Option<String>,
    valid_invention_patents: Option<u32>,
    service_years: Option<u32>,
}

impl Spec {
    fn claim_id(&self) -> String {
        format!("C{}", self.number)
    }

    fn is_clause_twelve(&self) -> bool {
        self.item.starts_with("protection_station_")
    }

    fn row(&self) -> [String; 14] {
        let a = &APPLICANTS[self.applicant];
        let (y, m, d) = self.date;
        let date = match self.date_style {
            0 => format!("{y}/{m}/{d}"),
            1 => format!("{y}年{m}月{d}日"),
            2 => format!("{y}{m:02}{d:02}"),
            _ => format!("{y}-{m:02}-{d:02}"),
        };
        let opt = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
        [
            self.claim_id(),
            if self.lower_id {
                a.id.to_lowercase()
            } else {
                a.id.to_string()
            },
            a.name.to_string(),
            a.kind.to_string(),
            self.item.to_string(),
            date,
            opt(self.quantity),
            self.amount.clone().unwrap_or_default(),
            self.reference.clone().unwrap_or_default(),
            self.tags.to_string(),
            if self.other_city_support { "是" } else { "" }.to_string(),
            self.score.clone().unwrap_or_default(),
            opt(self.valid_invention_patents),
            opt(self.service_years),
        ]
    }
}

fn base(item: &'static str, applicant: usize) -> Spec {
    Spec {
        number: 0,
        applicant,
        lower_id: false,
        item,
        date: (2024, 1, 1),
        date_style: 3,
        quantity: None,
        amount: None,
        reference: None,
        tags: "",
        other_city_support: false,
        score: None,
        valid_invention_patents: None,
        service_years: None,
    }
}

fn csv_of<'a>(specs: impl IntoIterator<Item = &'a Spec>) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER).expect("header");
    for s in specs {
        w.write_record(s.row()).expect("row");
    }
    w.into_inner().expect("csv bytes")
}

// ---------------------------------------------------------------------------
// Strategies.

/// Mostly an applicant the item allows; now and then anyone (to be refused).
fn who(eligible: &'static [usize]) -> impl Strategy<Value = usize> {
    prop_oneof![12 => select(eligible), 1 => 0..APPLICANTS.len()]
}

/// An amount in yuan between `lo` and `hi`, in one of the spellings of §6.
fn money(lo: u64, hi: u64) -> impl Strategy<Value = String> {
    (lo * 100..=hi * 100, 0..5u8).prop_map(|(cents, style)| {
        let yuan = cents / 100;
        let fen = cents % 100;
        let grouped = {
            let digits = yuan.to_string();
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            out
        };
        match style {
            0 => format!("{grouped}.{fen:02}"),
            1 => format!("¥{grouped}"),
            2 => format!("{yuan}元"),
            3 => format!("{}万", Decimal::new(cents as i64, 6).normalize()),
            _ => format!("{yuan}.{fen:02}"),
        }
    })
}

fn score() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        1 => Just(None),
        3 => (80u32..=95).prop_map(|s| Some(s.to_string())),
        1 => Just(Some("90.5".to_string())),
    ]
}

/// References that are different patents or cases, whatever their spelling:
/// one cell may not name the same one twice.
fn distinct(refs: Vec<&'static str>) -> Vec<&'static str> {
    let mut seen = HashSet::new();
    refs.into_iter()
        .filter(|r| seen.insert(subsidy::text::reference_key(r)))
        .collect()
}

fn item_part() -> impl Strategy<Value = Spec> {
    let arms: Vec<(u32, BoxedStrategy<Spec>)> = vec![
        (
            6,
            (
                who(FIRMS),
                proptest::sample::subsequence(PATENTS, 1..=5),
                any::<bool>(),
            )
                .prop_map(|(a, refs, counted)| (a, distinct(refs), counted))
                .prop_map(|(a, refs, counted)| Spec {
                    quantity: counted.then_some(refs.len() as u32),
                    reference: Some(refs.join("；")),
                    ..base("high_value_patent", a)
                })
                .boxed(),
        ),
        (
            3,
            (
                who(ENTERPRISES),
                select(
                    &[
                        "srdi",
                        "hnte；规上",
                        "above_scale",
                        "",
                        "高新、srdi",
                        "other",
                    ][..],
                ),
            )
                .prop_map(|(a, t)| Spec {
                    tags: t,
                    ..base("high_value_patent_first", a)
                })
                .boxed(),
        ),
        (
            6,
            (
                prop_oneof![select(ANYONE), Just(PERSON), Just(E1)],
                1..=150u32,
            )
                .prop_map(|(a, q)| Spec {
                    quantity: Some(q),
                    ..base("copyright_registration", a)
                })
                .boxed(),
        ),
        (
            1,
            (who(ANYONE), select(WORKS))
                .prop_map(|(a, r)| Spec {
                    reference: Some(r.to_string()),
                    ..base("gd_valuable_copyright_work", a)
                })
                .boxed(),
        ),
        (
            4,
            (
                who(ENTERPRISES),
                money(10_000, 1_500_000),
                select(CONTRACTS),
            )
                .prop_map(|(a, m, r)| Spec {
                    amount: Some(m),
                    reference: Some(r.to_string()),
                    ..base("patent_transfer", a)
                })
                .boxed(),
        ),
        (
            3,
            (who(ENTERPRISES), money(1_000, 300_000))
                .prop_map(|(a, m)| Spec {
                    amount: Some(m),
                    ..base("pledge_interest", a)
                })
                .boxed(),
        ),
        (
            3,
            (who(FIRMS), money(1_000, 300_000))
                .prop_map(|(a, m)| Spec {
                    amount: Some(m),
                    ..base("ip_insurance", a)
                })
                .boxed(),
        ),
        (
            6,
            (
                who(ENTERPRISES),
                select(
                    &[
                        "litigation_first_instance",
                        "litigation_second_instance",
                        "litigation_overseas",
                    ][..],
                ),
                proptest::sample::subsequence(CASES, 1..=3),
            )
                .prop_map(|(a, item, refs)| (a, item, distinct(refs)))
                .prop_map(|(a, item, refs)| Spec {
                    quantity: Some(refs.len() as u32),
                    reference: Some(refs.join("、")),
                    ..base(item, a)
                })
                .boxed(),
        ),
        (
            6,
            (who(&[AGENCY]), 5..=30u32)
                .prop_map(|(a, q)| Spec {
                    quantity: Some(q),
                    ..base("agency_invention_grants", a)
                })
                .boxed(),
        ),
        (
            6,
            (who(STATIONS), score())
                .prop_map(|(a, s)| Spec {
                    score: s,
                    ..base("protection_station_excellent", a)
                })
                .boxed(),
        ),
        (
            2,
            (who(STATIONS), score())
                .prop_map(|(a, s)| Spec {
                    score: s,
                    ..base("protection_station_qualified", a)
                })
                .boxed(),
        ),
        (
            3,
            (
                who(UNITS),
                select(&["mediation_qualified", "mediation_excellent"][..]),
            )
                .prop_map(|(a, item)| base(item, a))
                .boxed(),
        ),
        (
            2,
            (who(PARKS), proptest::option::of(money(20_000, 120_000)))
                .prop_map(|(a, m)| Spec {
                    amount: m,
                    ..base("park_performance", a)
                })
                .boxed(),
        ),
        (
            3,
            (
                who(ENTERPRISES),
                prop_oneof![money(50_000, 150_000), Just("100000".to_string())],
                select(PROJECTS),
            )
                .prop_map(|(a, m, r)| Spec {
                    amount: Some(m),
                    reference: Some(r.to_string()),
                    ..base("patent_navigation", a)
                })
                .boxed(),
        ),
        (
            1,
            (who(&[AGENCY]), money(50_000, 150_000), select(PROJECTS))
                .prop_map(|(a, m, r)| Spec {
                    amount: Some(m),
                    reference: Some(r.to_string()),
                    ..base("service_project", a)
                })
                .boxed(),
        ),
        (
            1,
            (who(PARKS), money(10_000, 500_000), select(COUNTIES))
                .prop_map(|(a, m, r)| Spec {
                    amount: Some(m),
                    reference: Some(r.to_string()),
                    ..base("ip_county_matching", a)
                })
                .boxed(),
        ),
        (
            1,
            (who(ENTERPRISES), select(MARKS))
                .prop_map(|(a, r)| Spec {
                    reference: Some(r.to_string()),
                    ..base("gi_mark_user", a)
                })
                .boxed(),
        ),
        (
            2,
            (
                who(FIRMS),
                select(&["iso56005", "national_copyright_unit", "gd_copyright_unit"][..]),
            )
                .prop_map(|(a, item)| base(item, a))
                .boxed(),
        ),
        (
            1,
            (who(ENTERPRISES), proptest::option::of(0..3u32))
                .prop_map(|(a, v)| Spec {
                    valid_invention_patents: v,
                    ..base("ip_management_standard", a)
                })
                .boxed(),
        ),
        (
            1,
            (who(&[PERSON]), proptest::option::of(0..5u32))
                .prop_map(|(a, y)| Spec {
                    service_years: y,
                    ..base("ip_talent", a)
                })
                .boxed(),
        ),
        (
            2,
            (
                who(ANYONE),
                select(
                    &[
                        "patent_award",
                        "ip_securitization",
                        "infringement_report",
                        "training_base",
                    ][..],
                ),
            )
                .prop_map(|(a, item)| base(item, a))
                .boxed(),
        ),
    ];
    Union::new_weighted(arms)
}

/// A date of the whole claim mix: 2024 mostly (few distinct days, so ties
/// are settled by claim_id), some early 2025 (a second year of caps), a few
/// outside the validity.
fn any_date() -> impl Strategy<Value = (u32, u32, u32)> {
    prop_oneof![
        20 => (1..=12u32, select(&[1u32, 5, 10, 15, 20, 28][..])).prop_map(|(m, d)| (2024, m, d)),
        2 => (1..=3u32, select(&[1u32, 15][..])).prop_map(|(m, d)| (2025, m, d)),
        1 => (1..=12u32, 1..=28u32).prop_map(|(m, d)| (2023, m, d)),
        1 => (1..=12u32, 1..=28u32).prop_map(|(m, d)| (2028, m, d)),
    ]
}

/// Clause （十二） claims come late in the year (after every cutoff of
/// property 4), so a year's quota candidates sit in one batch (SPEC §5.6).
fn late_date() -> impl Strategy<Value = (u32, u32, u32)> {
    prop_oneof![
        12 => select(&[10u32, 15, 20, 28][..]).prop_map(|d| (2024, 12, d)),
        1 => (1..=12u32, 1..=28u32).prop_map(|(m, d)| (2028, m, d)),
    ]
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        item_part(),
        any_date(),
        late_date(),
        0..8u8,
        prop::bool::weighted(0.06),
        prop::bool::weighted(0.15),
    )
        .prop_map(|(mut s, date, late, style, other, lower)| {
            s.date = if s.is_clause_twelve() { late } else { date };
            s.date_style = style;
            s.other_city_support = other;
            s.lower_id = lower;
            s
        })
}

fn batch() -> impl Strategy<Value = Vec<Spec>> {
    prop::collection::vec(spec(), 1..60).prop_map(|mut specs| {
        for (i, s) in specs.iter_mut().enumerate() {
            s.number = i + 1;
        }
        specs
    })
}

// ---------------------------------------------------------------------------
// Running a batch.

struct Run {
    batch: Batch,
    outcomes: Vec<Outcome>,
}

fn read(csv: &[u8], keys: &mut Keys) -> Batch {
    let batch = claims::read_claims("claims.csv", csv, &POLICY, keys)
        .unwrap_or_else(|e| panic!("claims do not read: {e}"));
    for row in &batch.rows {
        if let Entry::Invalid(bad) = &row.entry {
            panic!(
                "generated row {} is invalid: {}",
                bad.claim_id,
                report::invalid_reason(bad, Lang::En)
            );
        }
    }
    batch
}

fn run_with(csv: &[u8], keys: &mut Keys, prior: &[engine::Prior]) -> Run {
    let batch = read(csv, keys);
    let outcomes = engine::run(&POLICY, &batch.claims, prior);
    assert_eq!(outcomes.len(), batch.claims.len());
    Run { batch, outcomes }
}

fn run(csv: &[u8]) -> Run {
    run_with(csv, &mut Keys::default(), &[])
}

/// What a claim came to, comparable across runs.
#[derive(Debug, Clone, PartialEq)]
struct Figures {
    status: Status,
    computed: Decimal,
    payable: Decimal,
    cut: Decimal,
}

impl Run {
    fn figures(&self) -> HashMap<String, Figures> {
        self.batch
            .claims
            .iter()
            .zip(&self.outcomes)
            .map(|(c, o)| {
                (
                    c.claim_id.to_string(),
                    Figures {
                        status: o.status,
                        computed: o.computed,
                        payable: o.payable,
                        cut: o.cut(),
                    },
                )
            })
            .collect()
    }

    fn reasons(&self, lang: Lang) -> HashMap<String, String> {
        self.batch
            .claims
            .iter()
            .zip(&self.outcomes)
            .map(|(c, o)| (c.claim_id.to_string(), report::reason(&POLICY, c, o, lang)))
            .collect()
    }

    fn payout(&self) -> Vec<u8> {
        let decided = Decided {
            policy: &POLICY,
            batch: &self.batch,
            outcomes: &self.outcomes,
        };
        let mut out = Vec::new();
        report::write_payout(&decided, &mut out, false, Lang::Zh).expect("payout writes");
        out
    }
}

fn yuan(n: i64) -> Decimal {
    Decimal::from(n)
}

// ---------------------------------------------------------------------------
// The properties.

/// Property 1: every cap, quota and uniqueness rule of the catalogue (SPEC
/// §4) holds over the whole batch.
fn check_caps(r: &Run) -> Result<(), TestCaseError> {
    let policy = &*POLICY;
    type Key = (u32, i32); // applicant, year
    let mut clause_sum: HashMap<(u32, Key), Decimal> = HashMap::new();
    let mut item_sum: HashMap<(&str, Key), Decimal> = HashMap::new();
    let mut copyright_units: HashMap<Key, (Decimal, bool)> = HashMap::new();
    let mut excellent_full: HashMap<i32, usize> = HashMap::new();
    let mut once: HashSet<String> = HashSet::new();

    for (c, o) in r.batch.claims.iter().zip(&r.outcomes) {
        let item = policy.item(c.item).id.as_str();
        let clause = policy.clause_of(c.item).number;
        let year = c.date.year();
        let key = (c.applicant, year);
        let paid = o.payable > Decimal::ZERO;

        *clause_sum.entry((clause, key)).or_default() += o.payable;
        *item_sum.entry((item, key)).or_default() += o.payable;

        if item == "copyright_registration" && paid {
            let units = o.payable / yuan(200);
            prop_assert_eq!(
                units.fract(),
                Decimal::ZERO,
                "{} pays part of a work: {}",
                c.claim_id,
                o.payable
            );
            let individual =
                policy.applicant_types[usize::from(c.applicant_type)].id == "individual";
            let entry = copyright_units
                .entry(key)
                .or_insert((Decimal::ZERO, individual));
            entry.0 += units;
        }
        if item == "protection_station_excellent" && o.payable == yuan(30_000) {
            *excellent_full.entry(year).or_default() += 1;
        }
        if item == "patent_navigation" {
            prop_assert!(
                o.payable <= yuan(100_000),
                "{} patent_navigation pays {} > 100000 a project",
                c.claim_id,
                o.payable
            );
        }
        if !paid {
            continue;
        }
        let reference = c.refs.first().map(|r| r.to_string()).unwrap_or_default();
        let mut keys = Vec::new();
        if let Refs::PerUnit(list) = &c.refs {
            // A claim paid in full paid every one of its references.
            if o.payable == o.computed {
                for (r, _) in list.iter() {
                    keys.push(format!("ref {item} {r}"));
                }
            }
            for k in keys.drain(..) {
                prop_assert!(once.insert(k.clone()), "{} paid twice: {}", k, c.claim_id);
            }
            continue;
        }
        match item {
            "high_value_patent"
            | "gd_valuable_copyright_work"
            | "litigation_first_instance"
            | "litigation_second_instance"
            | "litigation_overseas"
            | "patent_navigation"
            | "service_project"
            | "ip_county_matching"
            | "patent_transfer" => keys.push(format!("ref {item} {reference}")),
            "gi_mark_user" => keys.push(format!("ref {item} {} {reference}", c.applicant)),
            "high_value_patent_first"
            | "iso56005"
            | "national_copyright_unit"
            | "gd_copyright_unit"
            | "ip_management_standard"
            | "ip_talent" => keys.push(format!("applicant {item} {}", c.applicant)),
            "park_performance" | "agency_invention_grants" => {
                keys.push(format!("year {item} {} {year}", c.applicant))
            }
            _ => {}
        }
        if clause == 12 || clause == 13 {
            keys.push(format!("clause {clause} {} {year}", c.applicant));
        }
        for k in keys {
            prop_assert!(once.insert(k.clone()), "{} paid twice: {}", k, c.claim_id);
        }
    }

    for ((clause, key), sum) in &clause_sum {
        let cap = match clause {
            1 => yuan(50_000),
            11 => yuan(100_000),
            _ => continue,
        };
        prop_assert!(
            *sum <= cap,
            "clause {} pays {} to applicant-year {:?}, cap {}",
            clause,
            sum,
            key,
            cap
        );
    }
    for ((item, key), sum) in &item_sum {
        let cap = match *item {
            "patent_transfer" => yuan(50_000),
            "pledge_interest" | "ip_insurance" => yuan(100_000),
            "agency_invention_grants" => yuan(50_000),
            _ => continue,
        };
        prop_assert!(
            *sum <= cap,
            "{} pays {} to applicant-year {:?}, cap {}",
            item,
            sum,
            key,
            cap
        );
    }
    for (key, (units, individual)) in &copyright_units {
        let cap = if *individual { yuan(50) } else { yuan(100) };
        prop_assert!(
            *units <= cap,
            "copyright_registration pays {} works to {:?}, cap {}",
            units,
            key,
            cap
        );
    }
    for (year, n) in &excellent_full {
        prop_assert!(*n <= 2, "{} excellent stations paid 30000 in {}", n, year);
    }
    Ok(())
}

/// Property 2: every row balances and its status matches its figures.
fn check_rows(r: &Run) -> Result<(), TestCaseError> {
    let policy = &*POLICY;
    for (c, o) in r.batch.claims.iter().zip(&r.outcomes) {
        let id = &c.claim_id;
        prop_assert!(o.payable >= Decimal::ZERO, "{} payable < 0", id);
        prop_assert!(o.payable <= o.computed, "{} pays more than it computed", id);
        let manual = matches!(policy.item(c.item).kind, policy::Kind::Manual { .. });
        match o.status {
            Status::Rejected => {
                prop_assert_eq!(o.payable, Decimal::ZERO, "{} rejected but payable", id);
                prop_assert!(o.rejection.is_some(), "{} rejected without a reason", id);
            }
            Status::Manual => {
                // A computed item is manual only when a quota's ranking
                // could not place it without a guess (SPEC §5.6).
                prop_assert!(
                    manual || (o.undecided.is_some() && policy.item(c.item).quota.is_some()),
                    "{} manual status on a computed item",
                    id
                );
                prop_assert_eq!(
                    (o.computed, o.payable, o.cut()),
                    (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO),
                    "{} manual row with money",
                    id
                );
            }
            Status::Paid | Status::Capped => {
                prop_assert!(!manual, "{} manual item paid", id);
                prop_assert_eq!(
                    o.status == Status::Paid,
                    o.payable == o.computed,
                    "{}: status {:?} with computed {} payable {}",
                    id,
                    o.status,
                    o.computed,
                    o.payable
                );
                if o.status == Status::Capped {
                    prop_assert!(!o.cuts.is_empty(), "{} capped but no cap named", id);
                }
            }
            Status::Invalid => prop_assert!(false, "{} invalid after reading", id),
        }
        // The general rules of §4 refuse these, whatever else they are.
        let year = c.date.year();
        if c.other_city_support || !(2024..=2026).contains(&year) {
            prop_assert!(
                matches!(o.status, Status::Rejected),
                "{} should be rejected (other city support or date {})",
                id,
                c.date
            );
        }
    }
    Ok(())
}

/// 200 cases a test (a few seconds); `PROPTEST_CASES=5000` for a deeper run.
fn config() -> ProptestConfig {
    match std::env::var("PROPTEST_CASES") {
        Ok(_) => ProptestConfig::default(),
        Err(_) => ProptestConfig::with_cases(200),
    }
}

proptest! {
    #![proptest_config(config())]

    /// Properties 1 and 2 on one batch.
    #[test]
    fn caps_hold_and_rows_balance(specs in batch()) {
        let r = run(&csv_of(&specs));
        check_caps(&r)?;
        check_rows(&r)?;
    }

    /// Property 3: the rows in any order give every claim the same result,
    /// reason text included.
    #[test]
    fn order_of_rows_does_not_matter(
        (specs, order) in batch().prop_flat_map(|specs| {
            let order: Vec<usize> = (0..specs.len()).collect();
            (Just(specs), Just(order).prop_shuffle())
        })
    ) {
        let straight = run(&csv_of(&specs));
        let shuffled = run(&csv_of(order.iter().map(|&i| &specs[i])));
        let (a, b) = (straight.figures(), shuffled.figures());
        prop_assert_eq!(a.len(), specs.len());
        for (id, fa) in &a {
            prop_assert_eq!(Some(fa), b.get(id), "figures of {} differ", id);
        }
        for lang in [Lang::Zh, Lang::En] {
            let (ra, rb) = (straight.reasons(lang), shuffled.reasons(lang));
            for (id, why) in &ra {
                prop_assert_eq!(Some(why), rb.get(id), "reason of {} differs", id);
            }
        }
    }

    /// Property 4: two chronological batches, the second with the first's
    /// payout as its ledger, pay what one batch pays.
    #[test]
    fn two_batches_pay_what_one_pays(specs in batch(), cutoff_month in 1..=12u32) {
        let cutoff = (2024, cutoff_month, 1);
        let (first, second): (Vec<&Spec>, Vec<&Spec>) =
            specs.iter().partition(|s| s.date < cutoff);
        prop_assert!(second.iter().all(|s| s.date >= cutoff));
        prop_assert!(first.iter().all(|s| !s.is_clause_twelve()));

        let whole = run(&csv_of(&specs)).figures();

        let one = run(&csv_of(first.iter().copied()));
        let payout = one.payout();
        let mut keys = Keys::default();
        let prior = ledger::read_ledger("ledger.csv", &payout, &POLICY, &mut keys)
            .unwrap_or_else(|e| panic!("payout does not read back as a ledger: {e}"));
        // Manual rows decided nothing: the ledger passes over them.
        let manual = one.outcomes.iter().filter(|o| o.status == Status::Manual).count();
        prop_assert_eq!(prior.len(), first.len() - manual);
        let two = run_with(&csv_of(second.iter().copied()), &mut keys, &prior);

        let mut split = one.figures();
        split.extend(two.figures());
        prop_assert_eq!(split.len(), specs.len());
        for s in &specs {
            let id = s.claim_id();
            prop_assert_eq!(
                whole.get(&id),
                split.get(&id),
                "{} ({} on {:?}) differs between one batch and two (cutoff {:?})",
                &id,
                s.item,
                s.date,
                cutoff
            );
        }
    }
}
