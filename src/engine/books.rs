//! The running books of a pass: what has been paid, to whom, under which
//! cap. Ledger rows and this batch's claims are entered the same way, which
//! is why two batches pay what one would.

use rust_decimal::Decimal;
use rustc_hash::{FxHashMap, FxHashSet};

use super::Prior;
use crate::claims::{ApplicantId, Claim, RefId, Refs};
use crate::policy::{ClauseIdx, ItemIdx, Policy, Unique};

/// Who made a payment: a ledger row or a claim of the batch, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payer {
    Prior(u32),
    Claim(u32),
}

/// A payment as the books need it: from a ledger row or from a claim just
/// decided.
#[derive(Debug, Clone, Copy)]
pub struct Payment<'r> {
    pub payer: Payer,
    pub applicant: ApplicantId,
    pub item: ItemIdx,
    pub refs: &'r Refs,
    pub year: i32,
    pub quantity: u32,
    /// The amount before caps: with the quantity, the figure per unit of
    /// an item whose figure is the claim's own (by applicant type).
    pub computed: Decimal,
    pub payable: Decimal,
}

/// Something that may be paid only once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Once {
    Ref(ItemIdx, RefId),
    ApplicantRef(ItemIdx, ApplicantId, RefId),
    Applicant(ItemIdx, ApplicantId),
    ItemYear(ItemIdx, ApplicantId, i32),
    ClauseYear(ClauseIdx, ApplicantId, i32),
    /// A unit's candidacy for a quota item in a year, held even when the
    /// ranking left it to the office and it was paid nothing.
    Candidacy(ItemIdx, ApplicantId, i32),
    /// The first payment for a reference under an award group.
    GroupRef(u16, RefId),
    /// The first payment of an item that another item requires, per
    /// applicant.
    Awarded(ItemIdx, ApplicantId),
}

/// Room under a cap, per applicant per year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Room {
    Units(ItemIdx, ApplicantId, i32),
    Item(ItemIdx, ApplicantId, i32),
    /// An item's cap per applicant over the life of the measures.
    ItemLife(ItemIdx, ApplicantId),
    Clause(ClauseIdx, ApplicantId, i32),
    /// The whole measure's cap per applicant per year.
    Measure(ApplicantId, i32),
    /// Units paid for one reference of an item, across claims and years.
    Ref(ItemIdx, RefId),
    /// Money paid for one reference under the items of an award group.
    Group(u16, RefId),
    /// Units paid for one reference under the items of a `ref_limit`.
    RefLimit(u16, RefId),
}

/// The once-only award that a claim or payment of `item` uses under the
/// item's own uniqueness rule, if it has one. The check of a claim and the
/// record of its payment both ask here, so they cannot disagree.
pub fn once_key(
    policy: &Policy,
    item: ItemIdx,
    applicant: ApplicantId,
    reference: Option<RefId>,
    year: i32,
) -> Option<Once> {
    match (policy.item(item).unique, reference) {
        (Unique::Ref, Some(r)) => Some(Once::Ref(item, r)),
        (Unique::ApplicantRef, Some(r)) => Some(Once::ApplicantRef(item, applicant, r)),
        (Unique::Applicant, _) => Some(Once::Applicant(item, applicant)),
        (Unique::ApplicantYear, _) => Some(Once::ItemYear(item, applicant, year)),
        (Unique::None | Unique::Ref | Unique::ApplicantRef, _) => None,
    }
}

/// The clause's one award per applicant per year, when the clause has that rule.
pub fn clause_year_key(
    policy: &Policy,
    item: ItemIdx,
    applicant: ApplicantId,
    year: i32,
) -> Option<Once> {
    let clause = policy.item(item).clause;
    policy.clauses[usize::from(clause)]
        .one_award_per_year
        .then_some(Once::ClauseYear(clause, applicant, year))
}

/// A quota item under a clause of one award a year takes one candidacy per
/// applicant a year (SPEC §5.6): the first claim that passes is it.
pub fn candidacy_key(
    policy: &Policy,
    item: ItemIdx,
    applicant: ApplicantId,
    year: i32,
) -> Option<Once> {
    let it = policy.item(item);
    (it.quota.is_some() && policy.clauses[usize::from(it.clause)].one_award_per_year)
        .then_some(Once::Candidacy(item, applicant, year))
}

/// The rooms under caps that a payment of `item` uses, when the item or its
/// clause has such a cap.
#[derive(Debug, Clone, Copy)]
pub struct Rooms {
    pub units: Option<Room>,
    pub item: Option<Room>,
    pub item_life: Option<Room>,
    pub clause: Option<Room>,
    pub measure: Option<Room>,
}

pub fn rooms(policy: &Policy, item: ItemIdx, applicant: ApplicantId, year: i32) -> Rooms {
    let it = policy.item(item);
    let clause = policy.clause_of(item);
    Rooms {
        units: (!it.quantity_caps.is_empty()).then_some(Room::Units(item, applicant, year)),
        item: it.annual_cap.map(|_| Room::Item(item, applicant, year)),
        item_life: it.lifetime_cap.map(|_| Room::ItemLife(item, applicant)),
        clause: clause
            .annual_cap
            .map(|_| Room::Clause(it.clause, applicant, year)),
        measure: policy
            .measure_cap_of(item)
            .map(|_| Room::Measure(applicant, year)),
    }
}

/// The references of a per-unit claim already paid before it, each with the
/// claim that paid it (its position in the claim's list, the payer's name).
/// The check of a claim and its first cap step both ask here.
pub fn refs_paid_before<'b>(
    policy: &Policy,
    claim: &Claim,
    books: &'b Books<'_>,
) -> Vec<(usize, &'b str)> {
    let Refs::PerUnit(list) = &claim.refs else {
        return Vec::new();
    };
    list.iter()
        .enumerate()
        .filter_map(|(i, (r, _))| {
            let key = once_key(
                policy,
                claim.item,
                claim.applicant,
                Some(*r),
                claim.date.year(),
            )?;
            books.paid_by(&key).map(|by| (i, by))
        })
        .collect()
}

/// The claims that used a room, with how much each used.
pub type Users = Vec<(Box<str>, Decimal)>;

pub struct Books<'a> {
    claims: &'a [Claim],
    prior: &'a [Prior],
    ledger_claims: FxHashSet<&'a str>,
    /// The payment that first used each once-only award.
    paid: FxHashMap<Once, Payer>,
    used: FxHashMap<Room, Decimal>,
    /// Who used each room, kept only when a derivation is asked for.
    users: Option<FxHashMap<Room, Vec<(Payer, Decimal)>>>,
}

impl<'a> Books<'a> {
    pub fn new(claims: &'a [Claim], prior: &'a [Prior], trace: bool) -> Books<'a> {
        Books {
            claims,
            prior,
            ledger_claims: FxHashSet::default(),
            paid: FxHashMap::default(),
            used: FxHashMap::default(),
            users: trace.then(FxHashMap::default),
        }
    }

    /// The claim_id of a payer, for reasons and derivations.
    pub fn name(&self, payer: Payer) -> &'a str {
        match payer {
            Payer::Prior(i) => &self.prior[i as usize].claim_id,
            Payer::Claim(i) => &self.claims[i as usize].claim_id,
        }
    }

    pub fn block_claim_id(&mut self, claim_id: &'a str) {
        if !claim_id.is_empty() {
            self.ledger_claims.insert(claim_id);
        }
    }

    pub fn claim_in_ledger(&self, claim_id: &str) -> bool {
        self.ledger_claims.contains(claim_id)
    }

    pub fn paid_by(&self, once: &Once) -> Option<&'a str> {
        self.paid.get(once).map(|p| self.name(*p))
    }

    pub fn used(&self, room: &Room) -> Decimal {
        self.used.get(room).copied().unwrap_or_default()
    }

    pub fn users(&self, room: &Room) -> Users {
        self.users
            .as_ref()
            .and_then(|u| u.get(room))
            .map(|list| {
                list.iter()
                    .map(|(p, d)| (self.name(*p).into(), *d))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Enters a payment. Only money actually paid (payable > 0) uses a
    /// once-only award or room under a cap.
    pub fn record(&mut self, policy: &Policy, p: &Payment) {
        if p.payable <= Decimal::ZERO {
            return;
        }
        let item = policy.item(p.item);
        match p.refs {
            // A row paid any money uses every reference it lists, a capped
            // row's too: the cap cuts money, it does not defer it (SPEC §5.5).
            Refs::PerUnit(list) => {
                for (r, _) in list.iter() {
                    if let Some(key) = once_key(policy, p.item, p.applicant, Some(*r), p.year) {
                        self.paid.entry(key).or_insert(p.payer);
                    }
                }
            }
            Refs::None | Refs::One(_) => {
                if let Some(key) = once_key(policy, p.item, p.applicant, p.refs.first(), p.year) {
                    self.paid.entry(key).or_insert(p.payer);
                }
            }
        }
        if let Some(key) = clause_year_key(policy, p.item, p.applicant, p.year) {
            self.paid.entry(key).or_insert(p.payer);
        }
        if let Some(key) = candidacy_key(policy, p.item, p.applicant, p.year) {
            self.paid.entry(key).or_insert(p.payer);
        }
        let rooms = rooms(policy, p.item, p.applicant, p.year);
        let unit = item.unit_figure(p.computed, p.quantity);
        if let (Some(room), Some(unit)) = (rooms.units, unit) {
            self.use_room(room, units_paid(p, unit), p.payer);
        }
        if let (Some(_), Some(r), Some(unit)) = (item.max_per_ref, p.refs.first(), unit) {
            self.use_room(Room::Ref(p.item, r), units_paid(p, unit), p.payer);
        }
        if let (Some(g), Some(r), Some(unit)) = (item.ref_limit, p.refs.first(), unit) {
            self.use_room(Room::RefLimit(g, r), units_paid(p, unit), p.payer);
        }
        if item.required {
            self.paid
                .entry(Once::Awarded(p.item, p.applicant))
                .or_insert(p.payer);
        }
        if let (Some(g), Some(r)) = (item.award_group, p.refs.first()) {
            self.paid.entry(Once::GroupRef(g, r)).or_insert(p.payer);
            self.use_room(Room::Group(g, r), p.payable, p.payer);
        }
        for room in [rooms.item, rooms.item_life, rooms.clause, rooms.measure]
            .into_iter()
            .flatten()
        {
            self.use_room(room, p.payable, p.payer);
        }
    }

    /// Enters a quota candidacy that was paid nothing: it is no award, so
    /// it blocks only the same unit's later candidacies that year.
    pub fn enter_candidacy(&mut self, policy: &Policy, claim: &Claim, payer: Payer) {
        if let Some(key) = candidacy_key(policy, claim.item, claim.applicant, claim.date.year()) {
            self.paid.entry(key).or_insert(payer);
        }
    }

    fn use_room(&mut self, room: Room, amount: Decimal, payer: Payer) {
        *self.used.entry(room).or_default() += amount;
        if let Some(users) = &mut self.users {
            users.entry(room).or_default().push((payer, amount));
        }
    }
}

/// How many units a payment covered: a unit paid even in part was
/// subsidised, and never more than were claimed.
fn units_paid(p: &Payment<'_>, unit: Decimal) -> Decimal {
    if unit <= Decimal::ZERO {
        return Decimal::from(p.quantity);
    }
    (p.payable / unit).ceil().min(Decimal::from(p.quantity))
}
