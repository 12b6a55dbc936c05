//! Writes a large, realistic claims CSV to stdout, for the speed benchmark
//! (`bench/run.sh`, SPEC §9).
//!
//! ```text
//! cargo run --release --example gen_claims -- --rows 1000000 --seed 20241125 > claims.csv
//! ```
//!
//! The output depends only on `--rows` and `--seed`: the generator uses its
//! own PRNG (splitmix64) and no external crate (the ids' check characters come
//! from the project's own `claims::checkchar`). Rows are spread over all 43
//! items of the catalogue (SPEC §4), about 20,000 applicants, dates in
//! 2024..2026 in the three usual spellings, amounts with and without thousands
//! separators, ~2% repeated refs (duplicates), `是` in other_city_support now
//! and then, scores and facts where items need them, a few applicants of the
//! wrong type, and about 0.5% deliberately bad rows (bad date, bad amount,
//! unknown item). One million rows make roughly 100 MB.

use std::collections::HashSet;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use subsidy::claims::checkchar::{check_character, IdKind};

const DEFAULT_ROWS: u64 = 1_000_000;
const DEFAULT_SEED: u64 = 20_241_125;
const APPLICANTS: usize = 20_000;

const HEADER: &str = "claim_id,applicant_id,applicant_name,applicant_type,item,date,quantity,\
amount,ref,tags,other_city_support,score,valid_invention_patents,service_years\n";

const USAGE: &str =
    "usage: gen_claims [--rows N] [--seed S]   (defaults: 1000000 rows, seed 20241125)
Writes a synthetic claims CSV for `subsidy calc` to standard output.";

// ---------------------------------------------------------------------------
// PRNG

/// splitmix64: tiny, fast, and good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0), by multiply-shift.
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next() >> 32) * u128::from(n)) >> 32) as u64
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `per_mille` / 1000.
    fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

// ---------------------------------------------------------------------------
// The catalogue, as the generator needs it

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Enterprise,
    Institution,
    Individual,
    Agency,
    Park,
    Organization,
}

const KINDS: [Kind; 6] = [
    Kind::Enterprise,
    Kind::Institution,
    Kind::Individual,
    Kind::Agency,
    Kind::Park,
    Kind::Organization,
];

impl Kind {
    /// How many of the 20,000 applicants are of this type (per 1000).
    fn share(self) -> usize {
        match self {
            Kind::Enterprise => 700,
            Kind::Institution => 40,
            Kind::Individual => 150,
            Kind::Agency => 30,
            Kind::Park => 10,
            Kind::Organization => 70,
        }
    }

    /// The id, then Chinese names and aliases the policy file accepts.
    fn spellings(self) -> &'static [&'static str] {
        match self {
            Kind::Enterprise => &["enterprise", "企业", "公司"],
            Kind::Institution => &["institution", "事业单位", "高校", "科研院所"],
            Kind::Individual => &["individual", "个人"],
            Kind::Agency => &["agency", "知识产权服务机构", "专利代理机构"],
            Kind::Park => &["park", "园区", "产业集聚区", "县域"],
            Kind::Organization => &["organization", "社会组织", "行业协会", "专业市场"],
        }
    }
}

/// Who may claim an item: the pool its applicants are drawn from.
#[derive(Clone, Copy)]
enum Who {
    Only(Kind),
    EnterpriseInstitution,
    ParkOrganization,
    Unit,
    Any,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Qty {
    /// Not a per-unit item: quantity empty (now and then a literal `1`).
    One,
    /// Per-unit: 1..20, mostly 1.
    PerUnit,
    /// copyright_registration: 1..20, sometimes up to 150 (quantity caps).
    Copyright,
    /// agency_invention_grants: 5..30 (threshold 10).
    Grants,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Amount {
    None,
    /// Required: a value in yuan between the bounds.
    Range(u64, u64),
    /// floor: empty half of the time (the minimum), otherwise a value.
    Optional(u64, u64),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Extra {
    None,
    /// high_value_patent_first: the enterprise's tags are always written.
    Tags,
    /// protection_station_excellent: a score.
    Score,
    /// ip_management_standard: valid_invention_patents.
    Patents,
    /// ip_talent: service_years.
    Years,
}

/// How a ref is spelled: `prefix` + year + `sep` + digits + `suffix`.
#[derive(Clone, Copy)]
enum Ref {
    None,
    /// ZL2024xxxxxxxx.x
    Patent,
    /// One of a few geographical-indication names (ref once per applicant).
    GiName,
    /// Given only some of the time (items without a uniqueness rule).
    Sometimes(&'static str, &'static str, &'static str),
    Serial(&'static str, &'static str, &'static str),
}

struct Item {
    id: &'static str,
    weight: u64,
    who: Who,
    qty: Qty,
    amount: Amount,
    reference: Ref,
    extra: Extra,
}

const fn item(id: &'static str, weight: u64, who: Who) -> Item {
    Item {
        id,
        weight,
        who,
        qty: Qty::One,
        amount: Amount::None,
        reference: Ref::None,
        extra: Extra::None,
    }
}

impl Item {
    const fn qty(mut self, qty: Qty) -> Item {
        self.qty = qty;
        self
    }
    const fn amount(mut self, amount: Amount) -> Item {
        self.amount = amount;
        self
    }
    const fn reference(mut self, reference: Ref) -> Item {
        self.reference = reference;
        self
    }
    const fn extra(mut self, extra: Extra) -> Item {
        self.extra = extra;
        self
    }
}

use Kind::{Agency, Enterprise, Individual, Park};
use Who::{Any, EnterpriseInstitution, Only, ParkOrganization, Unit};

/// All 43 items of SPEC §4, with a weight: how common a claim is per 1000.
const ITEMS: [Item; 43] = [
    // 一
    item("high_value_patent", 150, EnterpriseInstitution)
        .qty(Qty::PerUnit)
        .reference(Ref::Patent),
    item("high_value_patent_first", 12, Only(Enterprise)).extra(Extra::Tags),
    // 二
    item("patent_award", 8, Any).reference(Ref::Sometimes("中国专利奖", "-", "")),
    item("agency_patent_award", 8, Only(Agency))
        .qty(Qty::PerUnit)
        .reference(Ref::Serial("粤专奖", "-", "")),
    item("ip_contest_gold", 4, Unit)
        .qty(Qty::PerUnit)
        .reference(Ref::Serial("赛事", "-金-", "")),
    item("ip_contest_silver", 8, Unit)
        .qty(Qty::PerUnit)
        .reference(Ref::Serial("赛事", "-银-", "")),
    // 三
    item("well_known_trademark", 4, Only(Enterprise)).reference(Ref::Serial("驰名", "-", "")),
    item("gd_key_trademark", 40, Only(Enterprise))
        .qty(Qty::PerUnit)
        .reference(Ref::Serial("粤重点商标", "-", "")),
    item("gi_mark_user", 20, Only(Enterprise)).reference(Ref::GiName),
    item("gi_product", 4, Unit).reference(Ref::Serial("地标", "-", "")),
    // 四
    item("copyright_registration", 150, Any).qty(Qty::Copyright),
    item("gd_valuable_copyright_work", 15, Any)
        .qty(Qty::PerUnit)
        .reference(Ref::Serial("粤版", "-", "")),
    item("national_copyright_park", 3, Only(Park)),
    item("national_copyright_unit", 8, Unit),
    item("gd_copyright_park", 3, Only(Park)),
    item("gd_copyright_unit", 10, Unit),
    // 五
    item("patent_transfer", 80, Only(Enterprise))
        .amount(Amount::Range(10_000, 2_000_000))
        .reference(Ref::Patent),
    // 六
    item("pledge_interest", 60, Only(Enterprise))
        .amount(Amount::Range(1_000, 300_000))
        .reference(Ref::Sometimes("质押", "-", "")),
    item("ip_insurance", 60, EnterpriseInstitution).amount(Amount::Range(1_000, 250_000)),
    item("ip_securitization", 5, Unit).amount(Amount::Optional(1_000_000, 50_000_000)),
    // 七
    item("standard_international", 4, Only(Enterprise)).reference(Ref::Serial("ISO ", ":", "")),
    item("standard_national", 10, Only(Enterprise)).reference(Ref::Serial("GB/T ", "-", "")),
    item("standard_industry", 20, Only(Enterprise)).reference(Ref::Serial("HG/T ", "-", "")),
    // 八
    item("patent_navigation", 25, Only(Enterprise))
        .amount(Amount::Range(20_000, 150_000))
        .reference(Ref::Serial("导航", "-", "")),
    // 九
    item("national_ip_demo_enterprise", 8, Only(Enterprise)),
    item("national_ip_advantage_enterprise", 10, Only(Enterprise)),
    item("gd_ip_demo_enterprise", 12, Only(Enterprise)),
    item("ip_management_standard", 20, Only(Enterprise)).extra(Extra::Patents),
    item("iso56005", 12, EnterpriseInstitution),
    // 十
    item("infringement_report", 10, Any),
    // 十一
    item("litigation_first_instance", 30, Only(Enterprise))
        .qty(Qty::PerUnit)
        .reference(Ref::Serial("(", ")粤1882民初", "号")),
    item("litigation_second_instance", 15, Only(Enterprise))
        .qty(Qty::PerUnit)
        .reference(Ref::Serial("(", ")粤18民终", "号")),
    item("litigation_overseas", 5, Only(Enterprise))
        .qty(Qty::PerUnit)
        .reference(Ref::Serial("US-", "-CV-", "")),
    // 十二
    item("protection_station_excellent", 8, ParkOrganization).extra(Extra::Score),
    item("protection_station_qualified", 10, ParkOrganization),
    // 十三
    item("mediation_qualified", 10, Unit),
    item("mediation_excellent", 6, Unit),
    // 十四
    item("agency_invention_grants", 15, Only(Agency)).qty(Qty::Grants),
    // 十五
    item("service_project", 15, Only(Agency))
        .amount(Amount::Range(20_000, 150_000))
        .reference(Ref::Serial("服务", "-", "")),
    // 十六
    item("ip_county_matching", 8, Only(Park))
        .amount(Amount::Range(50_000, 500_000))
        .reference(Ref::Serial("国知试点县-", "-", "")),
    // 十七
    item("park_performance", 10, Only(Park)).amount(Amount::Optional(30_000, 120_000)),
    // 十八
    item("ip_talent", 20, Only(Individual)).extra(Extra::Years),
    // 十九
    item("training_base", 10, Any),
];

const GI_NAMES: [&str; 6] = [
    "连州菜心",
    "连州水晶梨",
    "连州东陂腊味",
    "连州沙坊粉",
    "连州溪谷田鸡",
    "连州东陂白茶",
];

const BRANDS: [&str; 32] = [
    "华创",
    "粤北",
    "南岭",
    "湟川",
    "瑶乡",
    "燕喜",
    "金鹰",
    "永盛",
    "宏达",
    "恒信",
    "鸿运",
    "天诚",
    "星辰",
    "龙潭",
    "丰源",
    "瑞祥",
    "新锐",
    "博远",
    "卓越",
    "嘉禾",
    "润丰",
    "山水",
    "绿源",
    "科润",
    "东陂",
    "西岸",
    "保安",
    "九陂",
    "大路边",
    "星子",
    "龙坪",
    "连南",
];

const INDUSTRIES: [&str; 12] = [
    "科技",
    "新材料",
    "食品",
    "电子",
    "农业科技",
    "生物科技",
    "机械制造",
    "智能装备",
    "化工",
    "文化传媒",
    "建材",
    "医药",
];

const SURNAMES: [&str; 20] = [
    "张", "王", "李", "赵", "陈", "刘", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何",
    "郭", "马", "罗", "梁",
];

const GIVEN: [&str; 20] = [
    "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
    "涛", "明", "超", "秀兰", "霞",
];

/// Unknown items for bad rows: typos a clerk makes.
const BAD_ITEMS: [&str; 4] = [
    "high_value_patnet",
    "patent_transfers",
    "copyright_reg",
    "专利资助",
];
const BAD_DATES: [&str; 5] = [
    "2024-02-30",
    "2025-13-01",
    "2024/0/12",
    "明年三月",
    "2025-6",
];
const BAD_AMOUNTS: [&str; 4] = ["abc", "12.34.5", "约5万元左右", "\"1,2,3\""];

/// Characters of a unified social credit code (no I, O, S, V, Z).
const CODE_CHARS: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

// ---------------------------------------------------------------------------
// Applicants

struct Applicant {
    id: [u8; 18],
    name: String,
    kind: Kind,
    /// The tags cell of its claims (empty for most).
    tags: &'static str,
}

fn make_applicants(rng: &mut Rng) -> (Vec<Applicant>, [Vec<u32>; 6]) {
    let mut all = Vec::with_capacity(APPLICANTS);
    let mut seen = HashSet::with_capacity(APPLICANTS);
    for kind in KINDS {
        let count = APPLICANTS * kind.share() / 1000;
        let mut made = 0;
        while made < count {
            let id = applicant_id(rng, kind);
            if !seen.insert(id) {
                continue;
            }
            made += 1;
            let n = all.len() + 1;
            let brand = rng.pick(&BRANDS);
            let name = match kind {
                Kind::Enterprise => format!("连州市{brand}{}有限公司{n}", rng.pick(&INDUSTRIES)),
                Kind::Institution => format!(
                    "连州市{brand}{}{n}",
                    rng.pick(&["职业技术学校", "农业科学研究所", "林业科学研究所", "中学"])
                ),
                Kind::Individual => format!("{}{}", rng.pick(&SURNAMES), rng.pick(&GIVEN)),
                Kind::Agency => format!(
                    "连州市{brand}{}{n}",
                    rng.pick(&["专利代理事务所", "知识产权服务有限公司"])
                ),
                Kind::Park => format!(
                    "连州市{brand}{}{n}",
                    rng.pick(&["产业园", "工业园", "产业转移工业园"])
                ),
                Kind::Organization => format!(
                    "连州市{}{}{n}",
                    rng.pick(&INDUSTRIES),
                    rng.pick(&["协会", "商会", "专业市场", "纠纷调解中心"])
                ),
            };
            let tags = if kind == Kind::Enterprise && rng.chance(250) {
                *rng.pick(&[
                    "srdi",
                    "hnte",
                    "above_scale",
                    "hnte;above_scale",
                    "专精特新",
                    "高新技术企业",
                    "高新、规上",
                    "srdi；hnte",
                ])
            } else {
                ""
            };
            all.push(Applicant {
                id,
                name,
                kind,
                tags,
            });
        }
    }
    let mut pools: [Vec<u32>; 6] = Default::default();
    for (i, a) in all.iter().enumerate() {
        pools[a.kind as usize].push(i as u32);
    }
    (all, pools)
}

fn applicant_id(rng: &mut Rng, kind: Kind) -> [u8; 18] {
    let mut id = [b'0'; 18];
    let (prefix, free): (&[u8], usize) = match kind {
        Kind::Enterprise | Kind::Agency => (b"91441882MA5", 11),
        Kind::Institution => (b"12441882", 8),
        Kind::Park => (b"11441882MB", 10),
        Kind::Organization => (b"51441882MJ", 10),
        Kind::Individual => {
            // 441882 + birth date + sequence + check character.
            let mut s = *b"441882000000000000";
            let (y, m, d) = (rng.range(1950, 2002), rng.range(1, 12), rng.range(1, 28));
            put_digits(&mut s[6..10], y);
            put_digits(&mut s[10..12], m);
            put_digits(&mut s[12..14], d);
            put_digits(&mut s[14..17], rng.below(1000));
            // The draw that once chose the check character is kept, so
            // the rest of the file stays what the seed made it.
            let _ = rng.below(11);
            return with_check_character(s, IdKind::IdNumber);
        }
    };
    id[..free].copy_from_slice(prefix);
    for c in &mut id[free..] {
        *c = CODE_CHARS[rng.below(CODE_CHARS.len() as u64) as usize];
    }
    with_check_character(id, IdKind::CreditCode)
}

/// The id with its last character made the check character of the first
/// 17 (GB 32100 for a credit code, GB 11643 for an ID number), so that the
/// benchmark's ids are all valid and `calc` warns of none.
fn with_check_character(mut id: [u8; 18], kind: IdKind) -> [u8; 18] {
    if let Some(check) = check_character(kind, &id[..17]) {
        id[17] = check;
    }
    id
}

fn put_digits(out: &mut [u8], mut v: u64) {
    for c in out.iter_mut().rev() {
        *c = b'0' + (v % 10) as u8;
        v /= 10;
    }
}

// ---------------------------------------------------------------------------
// Writing

/// Appends numbers without going through `format!`.
fn push_uint(buf: &mut Vec<u8>, mut v: u64) {
    let mut tmp = [0u8; 20];
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    buf.extend_from_slice(&tmp[i..]);
}

fn push_padded(buf: &mut Vec<u8>, v: u64, width: usize) {
    let mut tmp = [b'0'; 20];
    put_digits(&mut tmp[..width], v);
    buf.extend_from_slice(&tmp[..width]);
    if v >= 10u64.pow(width as u32) {
        // Wider than the pad: write it whole instead.
        buf.truncate(buf.len() - width);
        push_uint(buf, v);
    }
}

/// Yuan with two decimals, `12345.67`, or `"12,345.67"` when `grouped`.
fn push_money(buf: &mut Vec<u8>, cents: u64, grouped: bool) {
    let (yuan, fen) = (cents / 100, cents % 100);
    if grouped && yuan >= 1000 {
        buf.push(b'"');
        let mut tmp = Vec::with_capacity(24);
        push_uint(&mut tmp, yuan);
        let lead = tmp.len() % 3;
        for (i, &d) in tmp.iter().enumerate() {
            if i > 0 && (i + 3 - lead) % 3 == 0 {
                buf.push(b',');
            }
            buf.push(d);
        }
    } else {
        push_uint(buf, yuan);
    }
    buf.push(b'.');
    push_padded(buf, fen, 2);
    if grouped && yuan >= 1000 {
        buf.push(b'"');
    }
}

fn days_in_month(year: u64, month: u64) -> u64 {
    match month {
        2 if year % 4 == 0 => 29, // 2024..2026 only
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn push_date(buf: &mut Vec<u8>, rng: &mut Rng) {
    let year = rng.range(2024, 2026);
    let month = rng.range(1, 12);
    let day = rng.range(1, days_in_month(year, month));
    match rng.below(100) {
        0..=2 => {
            push_uint(buf, year);
            buf.push(b'/');
            push_uint(buf, month);
            buf.push(b'/');
            push_uint(buf, day);
        }
        3..=5 => {
            push_uint(buf, year);
            buf.extend_from_slice("年".as_bytes());
            push_uint(buf, month);
            buf.extend_from_slice("月".as_bytes());
            push_uint(buf, day);
            buf.extend_from_slice("日".as_bytes());
        }
        _ => {
            push_uint(buf, year);
            buf.push(b'-');
            push_padded(buf, month, 2);
            buf.push(b'-');
            push_padded(buf, day, 2);
        }
    }
}

/// Refs: per item, a counter through a bijection of 0..10^8 (distinct until
/// 10^8 claims of one item), and a ring of recent serials for the repeats.
struct Refs {
    next: [u64; 43],
    offset: [u64; 43],
    recent: Vec<[u64; 64]>,
    filled: [usize; 43],
}

const RING: usize = 64;
const SERIAL_SPACE: u64 = 100_000_000;

impl Refs {
    fn new(rng: &mut Rng) -> Refs {
        let mut offset = [0; 43];
        for o in &mut offset {
            *o = rng.below(SERIAL_SPACE);
        }
        Refs {
            next: [0; 43],
            offset,
            recent: vec![[0; RING]; 43],
            filled: [0; 43],
        }
    }

    /// A fresh serial, or (2% of the time, once there is one) an earlier one.
    fn serial(&mut self, rng: &mut Rng, item: usize) -> u64 {
        let filled = self.filled[item];
        if filled > 0 && rng.chance(20) {
            return self.recent[item][rng.below(filled.min(RING) as u64) as usize];
        }
        let n = self.next[item];
        self.next[item] += 1;
        // 7919 is odd and not a multiple of 5: n -> 7919 n + c is a bijection mod 10^8.
        let s = (n.wrapping_mul(7919).wrapping_add(self.offset[item])) % SERIAL_SPACE;
        self.recent[item][filled % RING] = s;
        self.filled[item] = filled + 1;
        s
    }
}

fn push_ref(buf: &mut Vec<u8>, style: Ref, serial: u64, gi: usize) {
    let year = 2018 + serial % 8;
    match style {
        Ref::None => {}
        Ref::Patent => {
            buf.extend_from_slice(b"ZL");
            push_uint(buf, year);
            push_padded(buf, serial / 10, 8);
            buf.push(b'.');
            push_uint(buf, serial % 10);
        }
        Ref::GiName => buf.extend_from_slice(GI_NAMES[gi].as_bytes()),
        Ref::Sometimes(prefix, sep, suffix) | Ref::Serial(prefix, sep, suffix) => {
            buf.extend_from_slice(prefix.as_bytes());
            push_uint(buf, year);
            buf.extend_from_slice(sep.as_bytes());
            push_padded(buf, serial / 8 % 1_000_000, 6);
            buf.extend_from_slice(suffix.as_bytes());
        }
    }
}

struct Generator {
    rng: Rng,
    applicants: Vec<Applicant>,
    pools: [Vec<u32>; 6],
    units: Vec<u32>,
    park_orgs: Vec<u32>,
    ent_inst: Vec<u32>,
    cumulative: [u64; 43],
    total_weight: u64,
    refs: Refs,
}

impl Generator {
    fn new(seed: u64) -> Generator {
        let mut rng = Rng(seed);
        let (applicants, pools) = make_applicants(&mut rng);
        let of = |kinds: &[Kind]| -> Vec<u32> {
            let mut v: Vec<u32> = Vec::new();
            for &k in kinds {
                v.extend_from_slice(&pools[k as usize]);
            }
            v
        };
        let units = of(&[
            Kind::Enterprise,
            Kind::Institution,
            Kind::Agency,
            Kind::Park,
            Kind::Organization,
        ]);
        let park_orgs = of(&[Kind::Park, Kind::Organization]);
        let ent_inst = of(&[Kind::Enterprise, Kind::Institution]);
        let mut cumulative = [0; 43];
        let mut total_weight = 0;
        for (c, it) in cumulative.iter_mut().zip(ITEMS.iter()) {
            total_weight += it.weight;
            *c = total_weight;
        }
        let refs = Refs::new(&mut rng);
        Generator {
            rng,
            applicants,
            pools,
            units,
            park_orgs,
            ent_inst,
            cumulative,
            total_weight,
            refs,
        }
    }

    fn pick_item(&mut self) -> usize {
        let r = self.rng.below(self.total_weight);
        self.cumulative.partition_point(|&c| c <= r)
    }

    /// An applicant allowed to claim the item (97%), or anyone (3%). Within a
    /// pool the draw leans to the first applicants, so some claim a lot and
    /// meet their caps.
    fn pick_applicant(&mut self, who: Who) -> usize {
        if self.rng.chance(30) {
            return self.rng.below(self.applicants.len() as u64) as usize;
        }
        let pool: &[u32] = match who {
            Who::Only(k) => &self.pools[k as usize],
            Who::EnterpriseInstitution => &self.ent_inst,
            Who::ParkOrganization => &self.park_orgs,
            Who::Unit => &self.units,
            Who::Any => return self.rng.below(self.applicants.len() as u64) as usize,
        };
        let n = pool.len() as u64;
        let i = self.rng.below(n).min(self.rng.below(n));
        pool[i as usize] as usize
    }

    /// One row, with its newline, appended to `buf`.
    fn row(&mut self, buf: &mut Vec<u8>, number: u64) {
        let idx = self.pick_item();
        let it = &ITEMS[idx];
        let a = self.pick_applicant(it.who);
        let rng = &mut self.rng;
        let applicant = &self.applicants[a];
        // 0.5% bad rows: 0 bad date, 1 bad amount, 2 unknown item.
        let bad = if rng.chance(5) { rng.below(3) } else { 3 };

        buf.push(b'C');
        push_padded(buf, number, 7);
        buf.push(b',');
        buf.extend_from_slice(&applicant.id);
        buf.push(b',');
        buf.extend_from_slice(applicant.name.as_bytes());
        buf.push(b',');
        let spellings = applicant.kind.spellings();
        let spelling = if rng.chance(850) {
            spellings[0]
        } else {
            rng.pick(spellings)
        };
        buf.extend_from_slice(spelling.as_bytes());
        buf.push(b',');
        if bad == 2 {
            buf.extend_from_slice(rng.pick(&BAD_ITEMS).as_bytes());
        } else {
            buf.extend_from_slice(it.id.as_bytes());
        }
        buf.push(b',');
        if bad == 0 {
            buf.extend_from_slice(rng.pick(&BAD_DATES).as_bytes());
        } else {
            push_date(buf, rng);
        }
        buf.push(b',');
        let units = push_quantity(buf, rng, it.qty);
        buf.push(b',');
        push_amount(buf, rng, it.amount, bad == 1);
        buf.push(b',');
        let style = match it.reference {
            Ref::Sometimes(..) if rng.chance(700) => Ref::None,
            style => style,
        };
        if !matches!(style, Ref::None) {
            // A per-unit item lists one reference per unit (SPEC §6).
            for n in 0..units {
                if n > 0 {
                    buf.extend_from_slice("；".as_bytes());
                }
                let serial = self.refs.serial(rng, idx);
                let gi = rng.below(GI_NAMES.len() as u64) as usize;
                push_ref(buf, style, serial, gi);
            }
        }
        buf.push(b',');
        push_extras(buf, rng, applicant, it);
        buf.push(b'\n');
    }
}

// ---------------------------------------------------------------------------

fn parse_args() -> Result<(u64, u64), String> {
    let mut rows = DEFAULT_ROWS;
    let mut seed = DEFAULT_SEED;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f.to_string(), Some(v.to_string())),
            None => (arg, None),
        };
        let target = match flag.as_str() {
            "--rows" => &mut rows,
            "--seed" => &mut seed,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        };
        let value = inline
            .or_else(|| args.next())
            .ok_or_else(|| format!("{flag} needs a value"))?;
        *target = value
            .replace('_', "")
            .parse()
            .map_err(|_| format!("{flag}: `{value}` is not a whole number"))?;
    }
    Ok((rows, seed))
}

fn generate(rows: u64, seed: u64) -> io::Result<()> {
    let stdout = io::stdout();
    generate_into(BufWriter::with_capacity(1 << 20, stdout.lock()), rows, seed)
}

/// The claims file of `rows` rows for `seed`, written to `out` (the
/// checksum tests call this through `#[path]`).
pub fn generate_into<W: Write>(mut out: W, rows: u64, seed: u64) -> io::Result<()> {
    out.write_all(HEADER.as_bytes())?;
    let mut generator = Generator::new(seed);
    let mut buf = Vec::with_capacity(1 << 16);
    for number in 1..=rows {
        generator.row(&mut buf, number);
        if buf.len() >= (1 << 16) - 1024 {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)?;
    out.flush()
}

fn main() -> ExitCode {
    let (rows, seed) = match parse_args() {
        Ok(v) => v,
        Err(msg) => {
            if msg.is_empty() {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            eprintln!("gen_claims: {msg}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match generate(rows, seed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_claims: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The quantity cell; returns the units of a per-unit item (one reference
/// each, SPEC revision 2), else 1.
fn push_quantity(buf: &mut Vec<u8>, rng: &mut Rng, qty: Qty) -> u64 {
    match qty {
        Qty::One => {
            if rng.chance(50) {
                buf.push(b'1');
            }
        }
        Qty::PerUnit => {
            let q = if rng.chance(600) { 1 } else { rng.range(2, 20) };
            push_uint(buf, q);
            return q;
        }
        Qty::Copyright => {
            let q = if rng.chance(50) {
                rng.range(21, 150)
            } else {
                rng.range(1, 20)
            };
            push_uint(buf, q);
        }
        Qty::Grants => push_uint(buf, rng.range(5, 30)),
    }
    1
}

fn push_amount(buf: &mut Vec<u8>, rng: &mut Rng, amount: Amount, bad: bool) {
    if bad {
        buf.extend_from_slice(rng.pick(&BAD_AMOUNTS).as_bytes());
    } else {
        let range = match amount {
            Amount::None => None,
            Amount::Range(lo, hi) => Some((lo, hi)),
            Amount::Optional(lo, hi) => rng.chance(500).then_some((lo, hi)),
        };
        if let Some((lo, hi)) = range {
            let cents = rng.range(lo * 100, hi * 100);
            let grouped = rng.chance(100);
            push_money(buf, cents, grouped);
        }
    }
}

/// Tags, other-city support, score and the facts.
fn push_extras(buf: &mut Vec<u8>, rng: &mut Rng, applicant: &Applicant, it: &Item) {
    if applicant.kind == Kind::Enterprise
        && (it.extra == Extra::Tags || rng.chance(300))
        && !applicant.tags.is_empty()
    {
        buf.extend_from_slice(applicant.tags.as_bytes());
    }
    buf.push(b',');
    match rng.below(1000) {
        0..=19 => buf.extend_from_slice("是".as_bytes()),
        20..=69 => buf.extend_from_slice("否".as_bytes()),
        _ => {}
    }
    buf.push(b',');
    if it.extra == Extra::Score && rng.chance(900) {
        push_uint(buf, rng.range(60, 100));
    }
    buf.push(b',');
    if it.extra == Extra::Patents {
        push_uint(buf, rng.range(0, 20));
    }
    buf.push(b',');
    if it.extra == Extra::Years {
        push_uint(buf, rng.range(0, 10));
        if rng.chance(100) {
            buf.extend_from_slice(b".5");
        }
    }
}
