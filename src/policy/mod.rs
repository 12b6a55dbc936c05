//! The measures as data: the policy file, loaded and checked.

mod load;
mod model;
mod problem;
pub(crate) mod raw;

pub use load::load;
pub use load::text_of;
pub use model::*;
pub use problem::{
    FigureName, KindName, PolicyError, PolicyFault, PolicyProblem, RuleFault, ShapeFault, TomlType,
};

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

    /// SPEC revision 2: the validity, who may claim, the once-only rules,
    /// the unit words and the intake conditions of the bundled file.
    #[test]
    fn the_bundled_policy_follows_revision_2() {
        let policy = bundled().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(policy.valid_from.to_string(), "2024-01-01");
        assert_eq!(policy.valid_until.to_string(), "2026-12-31");
        assert!(policy.validity_note.is_some());
        let item = |id: &str| {
            let idx = policy.find_item(id).unwrap_or_else(|| panic!("{id}"));
            policy.item(idx)
        };
        let types = |written: &[&str]| {
            let mut set = TypeSet::default();
            for w in written {
                set.insert(policy.find_type(w).unwrap_or_else(|| panic!("{w}")));
            }
            set
        };
        assert_eq!(item("patent_transfer").unique, Unique::Ref);
        assert_eq!(
            item("agency_invention_grants").unique,
            Unique::ApplicantYear
        );
        assert_eq!(
            item("ip_county_matching").applicants,
            types(&["county", "park"])
        );
        let units = types(&["企业", "事业单位", "代理机构", "园区", "县", "社会组织"]);
        for id in [
            "protection_station_excellent",
            "protection_station_qualified",
            "training_base",
        ] {
            assert_eq!(item(id).applicants, units, "{id}");
        }
        for i in policy.items.iter().filter(|i| i.per_unit) {
            assert!(i.unit.is_some(), "{} has no unit word", i.id);
        }
        for id in [
            "high_value_patent_first",
            "ip_contest_gold",
            "copyright_registration",
            "patent_transfer",
            "pledge_interest",
            "standard_national",
            "iso56005",
            "litigation_overseas",
            "mediation_qualified",
            "agency_invention_grants",
            "ip_talent",
        ] {
            assert!(!item(id).intake.is_empty(), "{id} has no intake condition");
        }
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
