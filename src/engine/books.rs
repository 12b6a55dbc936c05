//! The running books of a pass: what has been paid, to whom, under which
//! cap. Ledger rows and this batch's claims are entered the same way, which
//! is why two batches pay what one would.

use rust_decimal::Decimal;
use rustc_hash::{FxHashMap, FxHashSet};

use super::Prior;
use crate::claims::{ApplicantId, Claim, RefId};
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
pub struct Payment {
    pub payer: Payer,
    pub applicant: ApplicantId,
    pub item: ItemIdx,
    pub reference: Option<RefId>,
    pub year: i32,
    pub quantity: u32,
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
}

/// Room under a cap, per applicant per year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Room {
    Units(ItemIdx, ApplicantId, i32),
    Item(ItemIdx, ApplicantId, i32),
    Clause(ClauseIdx, ApplicantId, i32),
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
        let clause = policy.clause_of(p.item);
        let mut once = |key: Once| {
            self.paid.entry(key).or_insert(p.payer);
        };
        match (item.unique, p.reference) {
            (Unique::Ref, Some(r)) => once(Once::Ref(p.item, r)),
            (Unique::ApplicantRef, Some(r)) => once(Once::ApplicantRef(p.item, p.applicant, r)),
            (Unique::Applicant, _) => once(Once::Applicant(p.item, p.applicant)),
            (Unique::ApplicantYear, _) => once(Once::ItemYear(p.item, p.applicant, p.year)),
            _ => {}
        }
        if clause.one_award_per_year {
            once(Once::ClauseYear(item.clause, p.applicant, p.year));
        }
        if let (false, Some(unit)) = (item.quantity_caps.is_empty(), item.unit_amount()) {
            self.use_room(
                Room::Units(p.item, p.applicant, p.year),
                units_paid(p, unit),
                p.payer,
            );
        }
        if item.annual_cap.is_some() {
            self.use_room(Room::Item(p.item, p.applicant, p.year), p.payable, p.payer);
        }
        if clause.annual_cap.is_some() {
            self.use_room(
                Room::Clause(item.clause, p.applicant, p.year),
                p.payable,
                p.payer,
            );
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
fn units_paid(p: &Payment, unit: Decimal) -> Decimal {
    if unit <= Decimal::ZERO {
        return Decimal::from(p.quantity);
    }
    (p.payable / unit).ceil().min(Decimal::from(p.quantity))
}
