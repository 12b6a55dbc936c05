//! The measures as data: the policy file, loaded and checked.

mod load;
mod model;
mod problem;
pub(crate) mod raw;

pub use load::load;
pub use model::*;
pub use problem::{FigureName, KindName, PolicyError, PolicyFault, PolicyProblem};

/// The bundled policy, used when `--policy` is absent.
pub const BUNDLED: &str = include_str!("../../policy/lianzhou-2024.toml");
pub const BUNDLED_NAME: &str = "policy/lianzhou-2024.toml";

/// Loads the policy bundled into the binary.
pub fn bundled() -> Result<Policy, PolicyError> {
    load(BUNDLED_NAME, BUNDLED)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_policy_loads_with_every_clause() {
        let policy = bundled().unwrap_or_else(|e| panic!("{e}"));
        let numbers: Vec<u32> = policy.clauses.iter().map(|c| c.number).collect();
        assert_eq!(numbers, (1..=21).collect::<Vec<_>>());
        let ids: Vec<&str> = policy.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, CATALOGUE);
        assert!(policy.clauses.iter().all(|c| !c.source.trim().is_empty()));
    }

    /// SPEC §4: the item ids are part of the contract.
    const CATALOGUE: [&str; 43] = [
        "high_value_patent",
        "high_value_patent_first",
        "patent_award",
        "agency_patent_award",
        "ip_contest_gold",
        "ip_contest_silver",
        "well_known_trademark",
        "gd_key_trademark",
        "gi_mark_user",
        "gi_product",
        "copyright_registration",
        "gd_valuable_copyright_work",
        "national_copyright_park",
        "national_copyright_unit",
        "gd_copyright_park",
        "gd_copyright_unit",
        "patent_transfer",
        "pledge_interest",
        "ip_insurance",
        "ip_securitization",
        "standard_international",
        "standard_national",
        "standard_industry",
        "patent_navigation",
        "national_ip_demo_enterprise",
        "national_ip_advantage_enterprise",
        "gd_ip_demo_enterprise",
        "ip_management_standard",
        "iso56005",
        "infringement_report",
        "litigation_first_instance",
        "litigation_second_instance",
        "litigation_overseas",
        "protection_station_excellent",
        "protection_station_qualified",
        "mediation_qualified",
        "mediation_excellent",
        "agency_invention_grants",
        "service_project",
        "ip_county_matching",
        "park_performance",
        "ip_talent",
        "training_base",
    ];
}
