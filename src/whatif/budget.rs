//! A fixed fund (`--budget`): when the total payable exceeds it, every paid
//! or capped claim with money (but those of the priority clauses) is scaled
//! by one factor, rounded to the fen so that the scaled amounts add up to
//! exactly the fund: each gets the floor of its exact share, and the fen
//! left over go one each to the largest remainders, ties by claim_id. A
//! pure function over the engine's outcomes; the pass is not changed.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::WhatIfError;
use crate::engine::{Outcome, Status};

/// What scaling did to one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scaling {
    /// The payable the pass decided.
    pub unscaled: Decimal,
    pub factor: Decimal,
}

/// The batch's figures against the fund.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fund {
    pub fund: Decimal,
    /// The total payable the pass decided.
    pub payable: Decimal,
    /// Paid in full first (the priority clauses).
    pub priority: Decimal,
    /// The claims scaled, before scaling (zero when nothing was scaled).
    pub unscaled: Decimal,
    /// (fund − priority) ÷ unscaled; one when nothing was scaled.
    pub factor: Decimal,
}

impl Fund {
    pub fn within(&self) -> bool {
        self.payable <= self.fund
    }
}

/// The outcomes after the fund is shared out, and what was scaled.
#[derive(Debug, Clone)]
pub struct Shared {
    pub outcomes: Vec<Outcome>,
    /// Per claim, like `outcomes`: `Some` for a claim that was scaled.
    pub scaled: Vec<Option<Scaling>>,
    pub fund: Fund,
}

/// Shares `fund` among `outcomes`. `claim_ids[i]` and `priority[i]` belong
/// to `outcomes[i]`; `decimals` is the policy's rounding (2: the fen).
pub fn share(
    outcomes: &[Outcome],
    claim_ids: &[&str],
    priority: &[bool],
    fund: Decimal,
    decimals: u32,
) -> Result<Shared, WhatIfError> {
    let paying = |o: &Outcome| {
        matches!(o.status, Status::Paid | Status::Capped) && o.payable > Decimal::ZERO
    };
    let payable: Decimal = outcomes.iter().map(|o| o.payable).sum();
    let first: Decimal = outcomes
        .iter()
        .zip(priority)
        .filter(|(o, p)| **p && paying(o))
        .map(|(o, _)| o.payable)
        .sum();
    let scaled_ids: Vec<usize> = (0..outcomes.len())
        .filter(|&i| !priority[i] && paying(&outcomes[i]))
        .collect();
    let unscaled: Decimal = scaled_ids.iter().map(|&i| outcomes[i].payable).sum();
    let mut shared = Shared {
        outcomes: outcomes.to_vec(),
        scaled: vec![None; outcomes.len()],
        fund: Fund {
            fund,
            payable,
            priority: first,
            unscaled: Decimal::ZERO,
            factor: Decimal::ONE,
        },
    };
    if payable <= fund {
        return Ok(shared);
    }
    if first > fund || unscaled.is_zero() {
        return Err(WhatIfError::PriorityOverFund {
            priority: first,
            fund,
        });
    }
    // Every claim outside `scaled_ids` and the priority ones pays nothing.
    let room = fund - first;
    let factor = room / unscaled;
    shared.fund.unscaled = unscaled;
    shared.fund.factor = factor;
    let amounts: Vec<Decimal> = scaled_ids.iter().map(|&i| outcomes[i].payable).collect();
    let ids: Vec<&str> = scaled_ids.iter().map(|&i| claim_ids[i]).collect();
    let new = largest_remainder(&amounts, &ids, room, decimals);
    for (k, &i) in scaled_ids.iter().enumerate() {
        let o = &mut shared.outcomes[i];
        let was = o.payable;
        o.pay_at_most(new[k]);
        shared.scaled[i] = Some(Scaling {
            unscaled: was,
            factor,
        });
    }
    Ok(shared)
}

/// `amounts` scaled to add up to exactly `room` in units of
/// 10^-`decimals`: floors of the exact shares, then one unit each to the
/// largest remainders (ties by id). `room` must be below the amounts' sum.
pub fn largest_remainder(
    amounts: &[Decimal],
    ids: &[&str],
    room: Decimal,
    decimals: u32,
) -> Vec<Decimal> {
    let unit = Decimal::new(1, decimals);
    let units = |d: Decimal| (d / unit).trunc().to_i128().unwrap_or(0);
    let p: Vec<i128> = amounts.iter().map(|a| units(*a)).collect();
    let total: i128 = p.iter().sum();
    let room_units = units(room);
    if total == 0 {
        return amounts.to_vec();
    }
    let mut shares: Vec<(i128, i128)> = p
        .iter()
        .map(|&a| (a * room_units / total, a * room_units % total))
        .collect();
    let given: i128 = shares.iter().map(|s| s.0).sum();
    let mut order: Vec<usize> = (0..p.len()).collect();
    order.sort_by(|&a, &b| shares[b].1.cmp(&shares[a].1).then(ids[a].cmp(ids[b])));
    let left = usize::try_from(room_units - given).unwrap_or(0);
    for &i in order.iter().take(left) {
        shares[i].0 += 1;
    }
    shares
        .iter()
        .map(|(q, _)| Decimal::from_i128_with_scale(*q, decimals))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    /// 100 + 100 + 100 to 200: each 66.666…, the one fen left to the
    /// first claim_id.
    #[test]
    fn three_equal_claims_share_a_remainder_by_claim_id() {
        let got = largest_remainder(
            &[d("100"), d("100"), d("100")],
            &["B", "A", "C"],
            d("200"),
            2,
        );
        assert_eq!(got, vec![d("66.67"), d("66.67"), d("66.66")]);
    }
}
