//! Worked cases, clause by clause, with figures a person can check against
//! the measures (policy-source.zh.txt). Applicant ids start with their type:
//! E enterprise, I institution, P individual (person), A agency, K park,
//! O organization.

use crate::common::*;

// （一）每件2000元；首次认定一次性奖励1万元；同一项专利仅资助一次；同一单位年度资助最高5万元。

#[test]
fn one_thirty_high_value_patents_compute_60000_and_pay_the_50000_cap() {
    let r = run(&[claim("C1", "E1", "high_value_patent", "2024-03-01").refs("ZL-A", 30)]);
    r.expect("C1", "capped", "60000", "50000");
    r.reason_has("C1", "clause 1 annual cap 50000: 50000 left");
}

#[test]
fn one_the_first_award_counts_inside_the_same_50000_cap() {
    let r = run(&[
        claim("C1", "E1", "high_value_patent_first", "2024-02-01").tags("srdi"),
        claim("C2", "E1", "high_value_patent", "2024-03-01").refs("ZL-A", 25),
    ]);
    r.expect("C1", "paid", "10000", "10000");
    // 25 × 2000 = 50000, but only 50000 − 10000 = 40000 is left this year.
    r.expect("C2", "capped", "50000", "40000");
    r.reason_has("C2", "40000 left");
}

#[test]
fn one_exactly_50000_passes_the_cap_whole() {
    let r = run(&[claim("C1", "E1", "high_value_patent", "2024-03-01").refs("ZL-A", 25)]);
    r.expect("C1", "paid", "50000", "50000");
}

#[test]
fn one_the_cap_is_per_calendar_year() {
    let r = run(&[
        claim("C1", "E1", "high_value_patent", "2024-12-31").refs("ZL-A", 25),
        claim("C2", "E1", "high_value_patent", "2025-01-01").refs("ZL-B", 25),
    ]);
    r.expect("C1", "paid", "50000", "50000");
    r.expect("C2", "paid", "50000", "50000");
}

#[test]
fn one_the_same_patent_is_paid_once_even_written_differently() {
    let r = run(&[
        claim("C1", "E1", "high_value_patent", "2024-03-01").reference("ZL202410001001.1"),
        claim("C2", "E2", "high_value_patent", "2024-04-01").reference("ｚｌ202410001001.1"),
    ]);
    r.expect("C1", "paid", "2000", "2000");
    r.expect("C2", "rejected", "2000", "0");
    r.reason_has("C2", "C1");
}

#[test]
fn one_the_first_award_needs_a_tag_and_is_paid_once() {
    let r = run(&[
        claim("C1", "E1", "high_value_patent_first", "2024-02-01"),
        claim("C2", "E2", "high_value_patent_first", "2024-02-01").tags("高新技术企业"),
        claim("C3", "E2", "high_value_patent_first", "2025-02-01").tags("hnte"),
    ]);
    r.expect("C1", "rejected", "10000", "0");
    r.expect("C2", "paid", "10000", "10000");
    r.expect("C3", "rejected", "10000", "0");
}

#[test]
fn one_institutions_may_claim_individuals_may_not() {
    let r = run(&[
        claim("C1", "I1", "high_value_patent", "2024-03-01").reference("ZL-1"),
        claim("C2", "P1", "high_value_patent", "2024-03-01").reference("ZL-2"),
    ]);
    r.expect("C1", "paid", "2000", "2000");
    r.expect("C2", "rejected", "2000", "0");
}

// （二）专利奖按市人才政策；代理机构每项1万元；赛事金奖、银奖每项5万元、2万元。

#[test]
fn two_patent_awards_are_manual_and_contest_awards_are_fixed() {
    let r = run(&[
        claim("C1", "E1", "patent_award", "2024-05-01"),
        claim("C2", "A1", "agency_patent_award", "2024-05-01").refs("粤专奖-1", 2),
        claim("C3", "E1", "ip_contest_gold", "2024-05-01").reference("赛-金-1"),
        claim("C4", "O1", "ip_contest_silver", "2024-05-01").reference("赛-银-1"),
        claim("C5", "P1", "ip_contest_gold", "2024-05-01").reference("赛-金-2"),
    ]);
    r.expect("C1", "manual", "0", "0");
    r.reason_has("C1", "talent policy");
    r.expect("C2", "paid", "20000", "20000");
    r.expect("C3", "paid", "50000", "50000");
    r.expect("C4", "paid", "20000", "20000");
    r.expect("C5", "rejected", "50000", "0");
}

// （三）驰名商标10万元；重点商标每件5000元；地理标志专用标志每家2000元；地理标志保护产品10万元。

#[test]
fn three_brand_awards() {
    let r = run(&[
        claim("C1", "E1", "well_known_trademark", "2024-06-01").reference("驰名-1"),
        claim("C2", "E1", "gd_key_trademark", "2024-06-01").refs("粤重点-1", 3),
        claim("C3", "E1", "gi_mark_user", "2024-06-01").reference("连州菜心"),
        claim("C4", "E2", "gi_mark_user", "2024-06-01").reference("连州菜心"),
        claim("C5", "E1", "gi_mark_user", "2024-07-01").reference("连州菜心"),
        claim("C6", "O1", "gi_product", "2024-06-01").reference("地标-1"),
    ]);
    r.expect("C1", "paid", "100000", "100000");
    r.expect("C2", "paid", "15000", "15000");
    // 每家: the same mark pays each enterprise once.
    r.expect("C3", "paid", "2000", "2000");
    r.expect("C4", "paid", "2000", "2000");
    r.expect("C5", "rejected", "2000", "0");
    r.expect("C6", "paid", "100000", "100000");
}

// （四）200元/个，同一单位每年最高100件，同一个人每年最高50件；示范称号一次性。

#[test]
fn four_a_unit_is_paid_for_100_works_and_an_individual_for_50() {
    let r = run(&[
        claim("C1", "I1", "copyright_registration", "2024-07-01").qty(120),
        claim("C2", "P1", "copyright_registration", "2024-07-01").qty(60),
    ]);
    r.expect("C1", "capped", "24000", "20000");
    r.expect("C2", "capped", "12000", "10000");
    r.reason_has("C2", "quantity cap 50 per year: 0 used, 50 left");
}

#[test]
fn four_the_quantity_cap_spans_the_claims_of_a_year() {
    let r = run(&[
        claim("C1", "E1", "copyright_registration", "2024-03-01").qty(70),
        claim("C2", "E1", "copyright_registration", "2024-04-01").qty(50),
        claim("C3", "E1", "copyright_registration", "2024-05-01").qty(5),
        claim("C4", "E1", "copyright_registration", "2025-01-02").qty(5),
    ]);
    r.expect("C1", "paid", "14000", "14000");
    r.expect("C2", "capped", "10000", "6000");
    r.expect("C3", "capped", "1000", "0");
    r.expect("C4", "paid", "1000", "1000");
}

#[test]
fn four_demonstration_titles_go_to_the_right_applicants_once() {
    let r = run(&[
        claim("C1", "K1", "national_copyright_park", "2024-07-01"),
        claim("C2", "E1", "national_copyright_park", "2024-07-01"),
        claim("C3", "E1", "national_copyright_unit", "2024-07-01"),
        claim("C4", "K2", "gd_copyright_park", "2024-07-01"),
        claim("C5", "E1", "gd_copyright_unit", "2024-07-01"),
        claim("C6", "E1", "gd_copyright_unit", "2025-07-01"),
        claim("C7", "P1", "gd_valuable_copyright_work", "2024-07-01").reference("粤版-9"),
    ]);
    r.expect("C1", "paid", "100000", "100000");
    r.expect("C2", "rejected", "100000", "0");
    r.expect("C3", "paid", "50000", "50000");
    r.expect("C4", "paid", "50000", "50000");
    r.expect("C5", "paid", "20000", "20000");
    r.expect("C6", "rejected", "20000", "0");
    r.expect("C7", "paid", "20000", "20000");
}

// （五）按实际交易金额5%；每个单位年度资助不超过5万元。

#[test]
fn five_five_percent_rounded_half_up_to_the_fen() {
    let r = run(&[
        claim("C1", "E1", "patent_transfer", "2024-07-01")
            .amount("100.10")
            .reference("ZL-1"),
        claim("C2", "E2", "patent_transfer", "2024-07-01")
            .amount("100.30")
            .reference("ZL-2"),
    ]);
    // 100.10 × 5% = 5.005 → 5.01 (四舍五入; banker's rounding would give 5.00)
    r.expect("C1", "paid", "5.01", "5.01");
    // 100.30 × 5% = 5.015 → 5.02
    r.expect("C2", "paid", "5.02", "5.02");
}

#[test]
fn five_the_annual_cap_of_50000_spans_transactions() {
    let r = run(&[
        claim("C1", "E1", "patent_transfer", "2024-03-01")
            .amount("600000")
            .reference("ZL-1"),
        claim("C2", "E1", "patent_transfer", "2024-04-01")
            .amount("¥600,000.00")
            .reference("ZL-2"),
        claim("C3", "E1", "patent_transfer", "2024-05-01")
            .amount("1.2万")
            .reference("ZL-3"),
    ]);
    r.expect("C1", "paid", "30000", "30000");
    r.expect("C2", "capped", "30000", "20000");
    r.expect("C3", "capped", "600", "0");
}

// （六）贴息按实缴利息的50%，每家企业年度不超过10万；保险按保费50%，年度不超过10万元；证券化一事一议。

#[test]
fn six_interest_and_insurance_at_half_within_100000() {
    let r = run(&[
        claim("C1", "E1", "pledge_interest", "2024-07-01").amount("250000"),
        claim("C2", "I1", "ip_insurance", "2024-07-01").amount("8000元"),
        claim("C3", "I1", "pledge_interest", "2024-07-01").amount("1000"),
        claim("C4", "E1", "ip_securitization", "2024-07-01"),
        claim("C5", "E1", "ip_insurance", "2024-07-02").amount("200000"),
    ]);
    r.expect("C1", "capped", "125000", "100000");
    r.expect("C2", "paid", "4000", "4000");
    r.expect("C3", "rejected", "500", "0");
    r.expect("C4", "manual", "0", "0");
    // The insurance cap is separate from the interest cap.
    r.expect("C5", "paid", "100000", "100000");
}

// （七）国际标准、国家标准、行业标准分别15万元、10万元、5万元。

#[test]
fn seven_standards_by_level() {
    let r = run(&[
        claim("C1", "E1", "standard_international", "2024-07-01").reference("ISO 1"),
        claim("C2", "E1", "standard_national", "2024-07-01").reference("GB/T 1"),
        claim("C3", "E2", "standard_industry", "2024-07-01").reference("HG/T 1"),
        claim("C4", "E3", "standard_industry", "2024-08-01").reference("HG/T 1"),
    ]);
    r.expect("C1", "paid", "150000", "150000");
    r.expect("C2", "paid", "100000", "100000");
    r.expect("C3", "paid", "50000", "50000");
    r.expect("C4", "rejected", "50000", "0");
}

// （八）专利导航、预警分析项目单项最高10万元。

#[test]
fn eight_navigation_projects_up_to_100000_each() {
    let r = run(&[
        claim("C1", "E1", "patent_navigation", "2024-07-01")
            .amount("150000")
            .reference("导航-1"),
        claim("C2", "E1", "patent_navigation", "2024-07-02")
            .amount("100000")
            .reference("导航-2"),
        claim("C3", "E1", "patent_navigation", "2024-07-03")
            .amount("80000.005")
            .reference("导航-3"),
    ]);
    r.expect("C1", "capped", "150000", "100000");
    r.reason_has("C1", "per-project maximum 100000");
    r.expect("C2", "paid", "100000", "100000");
    // An approved amount written with three decimals is rounded half-up.
    r.expect("C3", "paid", "80000.01", "80000.01");
}

// （九）示范、优势企业8万、5万、3万；管理规范且1件以上有效发明专利1万；ISO56005二级以上3万。

#[test]
fn nine_management_awards() {
    let r = run(&[
        claim("C1", "E1", "national_ip_demo_enterprise", "2024-07-01"),
        claim("C2", "E2", "national_ip_advantage_enterprise", "2024-07-01"),
        claim("C3", "E3", "gd_ip_demo_enterprise", "2024-07-01"),
        claim("C4", "E1", "ip_management_standard", "2024-07-01").patents("1"),
        claim("C5", "E2", "ip_management_standard", "2024-07-01").patents("0"),
        claim("C6", "E3", "ip_management_standard", "2024-07-01"),
        claim("C7", "I1", "iso56005", "2024-07-01"),
        claim("C8", "E1", "national_ip_demo_enterprise", "2025-07-01"),
    ]);
    r.expect("C1", "paid", "80000", "80000");
    r.expect("C2", "paid", "50000", "50000");
    r.expect("C3", "paid", "30000", "30000");
    r.expect("C4", "paid", "10000", "10000");
    r.expect("C5", "rejected", "10000", "0");
    r.expect("C6", "rejected", "10000", "0");
    r.reason_has("C6", "not given");
    r.expect("C7", "paid", "30000", "30000");
    r.expect("C8", "rejected", "80000", "0");
}

// （十）举报奖励按省市有关奖励办法执行。

#[test]
fn ten_reporting_rewards_are_manual() {
    let r = run(&[claim("C1", "P1", "infringement_report", "2024-07-01")]);
    r.expect("C1", "manual", "0", "0");
}

// （十一）一审、二审胜诉各2万元；境外胜诉5万元；同一申请人年度资助不超过10万元。

#[test]
fn eleven_four_wins_sum_to_140000_and_are_capped_at_100000() {
    let r = run(&[
        claim("C1", "E1", "litigation_first_instance", "2024-03-01")
            .reference("(2024)粤1882民初1号"),
        claim("C2", "E1", "litigation_second_instance", "2024-05-01")
            .reference("(2024)粤18民终2号"),
        claim("C3", "E1", "litigation_overseas", "2024-07-01").refs("US-1", 2),
    ]);
    r.expect("C1", "paid", "20000", "20000");
    r.expect("C2", "paid", "20000", "20000");
    r.expect("C3", "capped", "100000", "60000");
    assert_eq!(r.total_payable(), dec("100000"));
}

#[test]
fn eleven_one_case_wins_at_both_instances() {
    let r = run(&[
        claim("C1", "E1", "litigation_first_instance", "2024-03-01").reference("案-1"),
        claim("C2", "E1", "litigation_second_instance", "2024-05-01").reference("案-1"),
        claim("C3", "E1", "litigation_first_instance", "2024-06-01").reference("案-1"),
    ]);
    r.expect("C1", "paid", "20000", "20000");
    r.expect("C2", "paid", "20000", "20000");
    r.expect("C3", "rejected", "20000", "0");
}

// （十二）优秀3万元、合格1万元，获评优秀的单位每年不超过2个。

#[test]
fn twelve_the_two_best_scores_get_30000_and_the_third_10000() {
    let r = run(&[
        claim("C1", "O1", "protection_station_excellent", "2024-11-01").score("80"),
        claim("C2", "K1", "protection_station_excellent", "2024-11-01").score("95"),
        claim("C3", "O2", "protection_station_excellent", "2024-10-01").score("70"),
        claim("C4", "K2", "protection_station_qualified", "2024-11-01"),
    ]);
    r.expect("C2", "paid", "30000", "30000");
    r.expect("C1", "paid", "30000", "30000");
    r.expect("C3", "capped", "30000", "10000");
    r.reason_has("C3", "ranked 3");
    r.expect("C4", "paid", "10000", "10000");
}

#[test]
fn twelve_an_unscored_candidate_over_the_places_leaves_the_year_to_the_office() {
    // Two places, three candidates, one without a score: the ranking cannot
    // be decided, so none is paid on a guess (SPEC §5.6, rev 3).
    let r = run(&[
        claim("C9", "O1", "protection_station_excellent", "2024-11-01").score("90"),
        claim("C10", "O2", "protection_station_excellent", "2024-11-01").score("80"),
        claim("C1", "O3", "protection_station_excellent", "2024-11-01"),
    ]);
    for id in ["C9", "C10", "C1"] {
        r.expect(id, "manual", "0", "0");
        r.reason_has(id, "1 without a score");
    }
    // Candidates that fit in the places are paid, scored or not.
    let r = run(&[
        claim("C9", "O1", "protection_station_excellent", "2024-11-01"),
        claim("C10", "O2", "protection_station_excellent", "2024-11-01").score("80"),
    ]);
    r.expect("C9", "paid", "30000", "30000");
    r.expect("C10", "paid", "30000", "30000");
}

#[test]
fn twelve_with_no_place_left_every_candidate_gets_the_overflow_scored_or_not() {
    let first = run(&[
        claim("C1", "O1", "protection_station_excellent", "2024-03-01").score("60"),
        claim("C2", "O2", "protection_station_excellent", "2024-03-01").score("50"),
    ]);
    let second = run_with(
        &[
            claim("C3", "O3", "protection_station_excellent", "2024-06-01"),
            claim("C4", "K1", "protection_station_excellent", "2024-06-01").score("99"),
        ],
        &[&first.payout],
    );
    second.expect("C3", "capped", "30000", "10000");
    second.expect("C4", "capped", "30000", "10000");
}

#[test]
fn twelve_one_award_per_unit_per_year_and_places_in_a_ledger_count() {
    let first = run(&[
        claim("C1", "O1", "protection_station_excellent", "2024-03-01").score("60"),
        claim("C2", "O2", "protection_station_excellent", "2024-03-01").score("50"),
    ]);
    first.expect("C1", "paid", "30000", "30000");
    first.expect("C2", "paid", "30000", "30000");
    let second = run_with(
        &[
            claim("C3", "O3", "protection_station_excellent", "2024-06-01").score("99"),
            claim("C4", "O1", "protection_station_qualified", "2024-06-01"),
            claim("C5", "O3", "protection_station_excellent", "2025-06-01").score("10"),
        ],
        &[&first.payout],
    );
    second.expect("C3", "capped", "30000", "10000");
    second.reason_has("C3", "2 taken in a ledger");
    second.expect("C4", "rejected", "10000", "0");
    second.expect("C5", "paid", "30000", "30000");
}

// （十三）调解组织评价合格1万元，优秀3万元（每年一次评价）。

#[test]
fn thirteen_one_mediation_award_a_year() {
    let r = run(&[
        claim("C1", "O1", "mediation_excellent", "2024-10-01"),
        claim("C2", "O1", "mediation_qualified", "2024-10-20"),
        claim("C3", "O1", "mediation_qualified", "2025-10-20"),
        claim("C4", "E1", "mediation_qualified", "2024-10-20"),
    ]);
    r.expect("C1", "paid", "30000", "30000");
    r.expect("C2", "rejected", "10000", "0");
    r.expect("C3", "paid", "10000", "10000");
    r.expect("C4", "paid", "10000", "10000");
}

// （十四）上年度授权量10件以上（含10件）的，500元/件，每年不超过5万元。

#[test]
fn fourteen_nine_grants_are_refused_ten_are_paid() {
    let r = run(&[
        claim("C1", "A1", "agency_invention_grants", "2024-03-01").qty(9),
        claim("C2", "A2", "agency_invention_grants", "2024-03-01").qty(10),
        claim("C3", "A3", "agency_invention_grants", "2024-03-01").qty(120),
    ]);
    r.expect("C1", "rejected", "4500", "0");
    r.expect("C2", "paid", "5000", "5000");
    r.expect("C3", "capped", "60000", "50000");
}

// （十五）优质服务项目单项最高10万元。

#[test]
fn fifteen_service_projects_up_to_100000() {
    let r = run(&[
        claim("C1", "A1", "service_project", "2024-08-01")
            .amount("120000")
            .reference("服务-1"),
        claim("C2", "A1", "service_project", "2024-08-02")
            .amount("45000")
            .reference("服务-2"),
        claim("C3", "E1", "service_project", "2024-08-02")
            .amount("45000")
            .reference("服务-3"),
    ]);
    r.expect("C1", "capped", "120000", "100000");
    r.expect("C2", "paid", "45000", "45000");
    r.expect("C3", "rejected", "45000", "0");
}

// （十六）按照不低于1:1配套。

#[test]
fn sixteen_county_funds_matched_one_to_one() {
    let r = run(&[
        claim("C1", "K1", "ip_county_matching", "2024-08-01")
            .amount("200000")
            .reference("试点县-1"),
        claim("C2", "K1", "ip_county_matching", "2024-09-01")
            .amount("200000")
            .reference("试点县-1"),
    ]);
    r.expect("C1", "paid", "200000", "200000");
    r.expect("C2", "rejected", "200000", "0");
}

// （十七）年度工作绩效突出的产业园区，不低于5万元。

#[test]
fn seventeen_park_awards_are_at_least_50000_once_a_year() {
    let r = run(&[
        claim("C1", "K1", "park_performance", "2024-12-01"),
        claim("C2", "K2", "park_performance", "2024-12-01").amount("30000"),
        claim("C3", "K3", "park_performance", "2024-12-01").amount("80000"),
        claim("C4", "K1", "park_performance", "2024-12-20").amount("60000"),
        claim("C5", "K1", "park_performance", "2025-12-01"),
    ]);
    r.expect("C1", "paid", "50000", "50000");
    // Raising to the minimum is not a cut: the claim is paid, not capped.
    r.expect("C2", "paid", "50000", "50000");
    r.expect("C3", "paid", "80000", "80000");
    r.expect("C4", "rejected", "60000", "0");
    r.expect("C5", "paid", "50000", "50000");
}

// （十八）连续服务2年以上的，一次性奖励5000元。

#[test]
fn eighteen_two_years_of_service_qualify() {
    let r = run(&[
        claim("C1", "P1", "ip_talent", "2024-09-01").service_years("2"),
        claim("C2", "P2", "ip_talent", "2024-09-01").service_years("1.9"),
        claim("C3", "P1", "ip_talent", "2025-09-01").service_years("3"),
        claim("C4", "E1", "ip_talent", "2024-09-01").service_years("5"),
    ]);
    r.expect("C1", "paid", "5000", "5000");
    r.expect("C2", "rejected", "5000", "0");
    r.expect("C3", "rejected", "5000", "0");
    r.expect("C4", "rejected", "5000", "0");
}

// （十九）培训基地给予适当补助。

#[test]
fn nineteen_training_bases_are_manual() {
    let r = run(&[claim("C1", "O1", "training_base", "2024-09-01")]);
    r.expect("C1", "manual", "0", "0");
}

// 施行日期与排除条款（本办法最后一段）。

#[test]
fn validity_window_includes_both_ends() {
    let r = run(&[
        claim("C1", "E1", "standard_industry", "2023-12-31").reference("1"),
        claim("C2", "E1", "standard_industry", "2024-01-01").reference("2"),
        claim("C3", "E1", "standard_industry", "2026-12-31").reference("3"),
        claim("C4", "E1", "standard_industry", "2027-01-01").reference("4"),
    ]);
    r.expect("C1", "rejected", "50000", "0");
    r.expect("C2", "paid", "50000", "50000");
    r.expect("C3", "paid", "50000", "50000");
    r.expect("C4", "rejected", "50000", "0");
}

#[test]
fn support_under_another_city_policy_excludes_the_claim() {
    let r = run(&[claim("C1", "E1", "standard_industry", "2024-03-01")
        .reference("1")
        .other_city_support()]);
    r.expect("C1", "rejected", "50000", "0");
    r.reason_has("C1", "another city-level policy");
}

#[test]
fn a_rejected_claim_uses_no_room() {
    let r = run(&[
        claim("C1", "E1", "high_value_patent", "2024-03-01")
            .refs("ZL-A", 25)
            .other_city_support(),
        claim("C2", "E1", "high_value_patent", "2024-04-01").refs("ZL-B", 25),
    ]);
    r.expect("C1", "rejected", "50000", "0");
    r.expect("C2", "paid", "50000", "50000");
}

#[test]
fn a_ledger_counts_first_and_blocks_its_claim_ids() {
    let first = run(&[claim("C1", "E1", "high_value_patent", "2024-03-01").refs("ZL-A", 20)]);
    first.expect("C1", "paid", "40000", "40000");
    let second = run_with(
        &[
            claim("C1", "E1", "high_value_patent", "2024-05-01")
                .qty(1)
                .reference("ZL-X"),
            claim("C2", "E1", "high_value_patent", "2024-05-01").refs("ZL-B", 10),
            claim("C3", "E2", "high_value_patent", "2024-05-01").reference("ZL-A-1"),
        ],
        &[&first.payout],
    );
    second.expect("C1", "rejected", "2000", "0");
    second.expect("C2", "capped", "20000", "10000");
    second.expect("C3", "rejected", "2000", "0");
}
