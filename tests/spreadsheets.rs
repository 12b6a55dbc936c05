//! The office's own files, through the real binary: the sample claims saved
//! as Excel and WPS save them give the payout of the UTF-8 sample, byte for
//! byte.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const SAMPLE: &str = "samples/claims-2024.csv";
const LEDGER: &str = "samples/ledger-2024.csv";

fn subsidy() -> Command {
    let mut command = Command::cargo_bin("subsidy").unwrap_or_else(|e| panic!("{e}"));
    command.env_remove("SUBSIDY_LANG");
    command
}

fn sample_text() -> String {
    let text = std::fs::read_to_string(SAMPLE).unwrap_or_else(|e| panic!("{e}"));
    text.trim_start_matches('\u{feff}').to_string()
}

/// The sample's rows as cells.
fn sample_rows() -> Vec<Vec<String>> {
    let text = sample_text();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| {
            let record = r.unwrap_or_else(|e| panic!("{e}"));
            record.iter().map(str::to_string).collect()
        })
        .collect()
}

/// The payout CSV of `claims` (with the sample ledger), and stderr.
fn payout_of(claims: &Path, extra: &[&str]) -> (Vec<u8>, String) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("payout.csv");
    let run = subsidy()
        .arg("calc")
        .arg(claims)
        .args(["--ledger", LEDGER, "--out"])
        .arg(&out)
        .args(extra)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(run.status.success(), "{stderr}");
    let bytes = std::fs::read(&out).unwrap_or_else(|e| panic!("{e}"));
    (bytes, stderr)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    path
}

/// Stderr with the file's name taken out, to compare runs on copies.
fn located(stderr: &str, file: &Path) -> String {
    stderr.replace(&file.display().to_string(), "FILE")
}

#[test]
fn the_sample_saved_as_gb18030_gives_the_same_payout() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text = sample_text().replace('\n', "\r\n");
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let file = write(dir.path(), "claims-gbk.csv", &gbk);
    let (expected, expected_err) = payout_of(Path::new(SAMPLE), &[]);
    let (got, got_err) = payout_of(&file, &[]);
    assert!(got == expected, "the GB18030 payout differs");
    assert_eq!(
        located(&got_err, &file),
        located(&expected_err, Path::new(SAMPLE))
    );
    let (named, _) = payout_of(&file, &["--encoding", "gbk"]);
    assert!(named == expected);
}

#[test]
fn the_sample_saved_as_unicode_text_gives_the_same_payout() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    for row in sample_rows() {
        writer.write_record(&row).unwrap_or_else(|e| panic!("{e}"));
    }
    let text = String::from_utf8(writer.into_inner().unwrap_or_else(|e| panic!("{e}")))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let file = write(dir.path(), "claims.txt", &utf16);
    let (expected, expected_err) = payout_of(Path::new(SAMPLE), &[]);
    let (got, got_err) = payout_of(&file, &[]);
    assert!(got == expected, "the UTF-16 payout differs");
    assert_eq!(
        located(&got_err, &file),
        located(&expected_err, Path::new(SAMPLE))
    );
    let (named, _) = payout_of(&file, &["--encoding", "utf-16"]);
    assert!(named == expected);
}

#[test]
fn a_gb18030_file_with_a_byte_of_no_encoding_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut text = sample_text();
    // Line 5 gets a byte that starts no GB18030 character.
    let mut lines: Vec<&str> = text.lines().collect();
    let fifth = format!("{}\u{1}", lines[4]);
    lines[4] = &fifth;
    text = lines.join("\n");
    let mut gbk = encoding_rs::GB18030.encode(&text).0.into_owned();
    let at = gbk
        .iter()
        .position(|&b| b == 1)
        .unwrap_or_else(|| panic!("no marker"));
    gbk[at] = 0xFF;
    let file = write(dir.path(), "bad.csv", &gbk);
    for (lang, said) in [("zh", "GB18030"), ("en", "not valid GB18030 text")] {
        let out = subsidy()
            .args(["--lang", lang, "calc"])
            .arg(&file)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(1));
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with(&format!("{}:5: ", file.display())),
            "{stderr}"
        );
        assert!(stderr.contains(said), "{stderr}");
        assert!(!stderr.contains('\u{FFFD}'));
    }
}

#[test]
fn a_ledger_saved_as_gb18030_counts_as_the_utf8_one() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read_to_string(LEDGER).unwrap_or_else(|e| panic!("{e}"));
    let gbk = encoding_rs::GB18030
        .encode(text.trim_start_matches('\u{feff}'))
        .0
        .into_owned();
    let ledger = write(dir.path(), "ledger-gbk.csv", &gbk);
    let run = |ledger: &Path| {
        subsidy()
            .args(["calc", SAMPLE, "--format", "csv", "--ledger"])
            .arg(ledger)
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let (expected, got) = (run(Path::new(LEDGER)), run(&ledger));
    assert!(got.status.success());
    assert!(expected.stdout == got.stdout);
}

/// The Chinese header a sheet gives each column of the sample.
fn chinese_header(name: &str) -> String {
    let facts = [
        ("valid_invention_patents", "有效发明专利件数"),
        ("service_years", "连续服务年限"),
    ];
    if let Some((_, zh)) = facts.iter().find(|(id, _)| *id == name) {
        return zh.to_string();
    }
    let column = subsidy::claims::Column::from_header(name)
        .unwrap_or_else(|| panic!("{name} is not a column"));
    column.chinese_names()[0].to_string()
}

/// The sample with Chinese headers, some in full-width or with spaces.
fn sample_with_chinese_headers() -> String {
    let text = sample_text();
    let (header, rest) = text.split_once('\n').unwrap_or_else(|| panic!("no header"));
    let header: Vec<String> = header
        .split(',')
        .enumerate()
        .map(|(i, name)| match i % 3 {
            0 => format!(" {} ", chinese_header(name)),
            1 => chinese_header(name),
            _ => name.to_uppercase(),
        })
        .collect();
    format!("{}\n{rest}", header.join(","))
}

#[test]
fn chinese_headers_give_the_same_payout() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = write(
        dir.path(),
        "中文表头.csv",
        sample_with_chinese_headers().as_bytes(),
    );
    let (expected, _) = payout_of(Path::new(SAMPLE), &[]);
    let (got, _) = payout_of(&file, &[]);
    assert!(got == expected, "the payout of Chinese headers differs");
}

#[test]
fn a_missing_column_names_what_the_file_has_and_the_nearest_header() {
    let text = "申请编号,申请人编码,申请人,主体类型,资助项目,日期\nC-1,9144,甲,企业,gd_copyright_unit,2024-03-01\n";
    for (lang, said) in [
        (
            "zh",
            "“申请人编码”是否为 applicant_id（统一社会信用代码）？",
        ),
        ("en", "is `申请人编码` applicant_id?"),
    ] {
        let out = subsidy()
            .args(["--lang", lang, "calc", "-"])
            .write_stdin(text)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.starts_with("<stdin>:1: "), "{stderr}");
        assert!(stderr.contains("申请编号"), "{stderr}");
        assert!(stderr.contains(said), "{stderr}");
    }
}

#[test]
fn a_ledger_with_the_payouts_chinese_headers_counts_as_the_english_one() {
    use subsidy::report::PayoutColumn;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read_to_string(LEDGER).unwrap_or_else(|e| panic!("{e}"));
    let (_, rest) = text.split_once('\n').unwrap_or_else(|| panic!("no header"));
    let header: Vec<&str> = PayoutColumn::ALL.iter().map(|c| c.name_zh()).collect();
    let ledger = write(
        dir.path(),
        "往期.csv",
        format!("{}\n{rest}", header.join(",")).as_bytes(),
    );
    let run = |ledger: &Path| {
        subsidy()
            .args(["calc", SAMPLE, "--format", "csv", "--ledger"])
            .arg(ledger)
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let (expected, got) = (run(Path::new(LEDGER)), run(&ledger));
    assert!(
        got.status.success(),
        "{}",
        String::from_utf8_lossy(&got.stderr)
    );
    assert!(expected.stdout == got.stdout);
}

/// Whether a cell of the sample is a plain number a clerk would type into a
/// number cell (one that reads back as written).
fn as_number(text: &str) -> Option<f64> {
    let value: f64 = text.parse().ok()?;
    (subsidy::sheet::number_text(value) == text).then_some(value)
}

/// A date cell for `yyyy-mm-dd` text that is a real date.
fn as_date(text: &str) -> Option<rust_xlsxwriter::ExcelDateTime> {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let date =
        rust_xlsxwriter::ExcelDateTime::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
            .ok()?;
    // from_ymd takes 2024-02-30; a real calendar does not.
    let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let (m, d): (usize, u32) = (m.parse().ok()?, d.parse().ok()?);
    (d <= days[m - 1]).then_some(date)
}

/// The sample as a workbook: a notes sheet first, then the claims on a sheet
/// `sheet` with Chinese headers, dates in date cells, numbers in number
/// cells, ids as text.
fn sample_workbook(sheet: &str) -> Vec<u8> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let date_format = Format::new().set_num_format("yyyy/m/d");
    let notes = workbook.add_worksheet();
    notes.set_name("说明").unwrap_or_else(|e| panic!("{e}"));
    notes
        .write_string(0, 0, "填表说明")
        .unwrap_or_else(|e| panic!("{e}"));
    let claims = workbook.add_worksheet();
    claims.set_name(sheet).unwrap_or_else(|e| panic!("{e}"));
    let rows = sample_rows();
    let header = &rows[0];
    for (c, name) in header.iter().enumerate() {
        claims
            .write_string(0, c as u16, chinese_header(name))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let numeric = [
        "quantity",
        "amount",
        "score",
        "valid_invention_patents",
        "service_years",
    ];
    for (r, row) in rows.iter().enumerate().skip(1) {
        for (c, cell) in row.iter().enumerate() {
            let (r, c16) = (r as u32, c as u16);
            let column = header.get(c).map(String::as_str).unwrap_or("");
            let written = match (column, as_date(cell), as_number(cell)) {
                (_, _, _) if cell.is_empty() => continue,
                ("date", Some(date), _) => {
                    claims.write_datetime_with_format(r, c16, date, &date_format)
                }
                (name, _, Some(n)) if numeric.contains(&name) => claims.write_number(r, c16, n),
                _ => claims.write_string(r, c16, cell),
            };
            written.unwrap_or_else(|e| panic!("{e}"));
        }
    }
    workbook.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_sample_saved_as_xlsx_gives_the_same_payout() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = write(dir.path(), "申报.xlsx", &sample_workbook("申报"));
    let (expected, expected_err) = payout_of(Path::new(SAMPLE), &[]);
    let (got, got_err) = payout_of(&file, &["--sheet", "申报"]);
    assert!(
        got == expected,
        "the XLSX payout differs:\n{}",
        String::from_utf8_lossy(&got)
    );
    assert_eq!(
        located(&got_err, &file),
        located(&expected_err, Path::new(SAMPLE))
    );
}

#[test]
fn a_missing_sheet_names_the_sheets_there_are() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = write(dir.path(), "申报.xlsx", &sample_workbook("申报"));
    let out = subsidy()
        .args(["--lang", "en", "calc"])
        .arg(&file)
        .args(["--sheet", "Sheet9"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Sheet9") && stderr.contains("说明, 申报"),
        "{stderr}"
    );
    // The first sheet is the notes: no claims columns there.
    let out = subsidy()
        .args(["--lang", "en", "calc"])
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing required column"));
}

#[test]
fn a_workbook_named_csv_is_told_to_be_named_xlsx() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = write(dir.path(), "claims.csv", &sample_workbook("申报"));
    for args in [vec!["calc"], vec!["calc", SAMPLE, "--ledger"]] {
        let out = subsidy()
            .args(["--lang", "en"])
            .args(&args)
            .arg(&file)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("name it .xlsx"), "{stderr}");
        assert!(!stderr.contains("GB18030"), "{stderr}");
    }
}

/// The payout rows of a claims text run with the bundled policy (or
/// `policy`), by claim_id: (status, reason).
fn decided(text: &str, policy: Option<&Path>) -> Vec<(String, String, String)> {
    let mut command = subsidy();
    command.args(["--lang", "zh", "calc", "-", "--format", "csv", "--no-bom"]);
    if let Some(p) = policy {
        command.arg("--policy").arg(p);
    }
    let out = command
        .write_stdin(text)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    reader
        .records()
        .map(|r| {
            let r = r.unwrap_or_else(|e| panic!("{e}"));
            (
                r[0].to_string(),
                r[5].to_string(),
                format!("{} {}", &r[14], &r[15]),
            )
        })
        .collect()
}

#[test]
fn values_as_clerks_type_them() {
    let text =
        "申请编号,统一社会信用代码,申请人,主体类型,资助项目,日期,数量,金额,已获市级其它扶持,评分\n\
V1,K1,园区甲,园区,知识产权保护工作站(优秀),2024/3/5 0:00,,,无,90\n\
V2,K2,园区乙,园区,知识产权保护工作站（合格）,2024-03-05 00:00:00,,,,\n\
V3,E3,企业丙,企业,质押,2024年3月5号,,2000,否,\n\
V4,E4,企业丁,企业,gd_copyright_unit,2024-03-05,1件,,有,\n\
V5,K5,园区戊,园区,工作站,2024-03-05,,,,\n\
V6,K6,园区己,园区,知识产权保护站点,2024-03-05,,,,\n";
    let rows = decided(text, None);
    let find = |id: &str| {
        rows.iter()
            .find(|r| r.0 == id)
            .unwrap_or_else(|| panic!("{id}: {rows:?}"))
    };
    assert_eq!(find("V1").1, "protection_station_excellent");
    assert!(find("V1").2.starts_with("paid"), "{:?}", find("V1"));
    assert_eq!(find("V2").1, "protection_station_qualified");
    assert!(find("V2").2.starts_with("paid"), "{:?}", find("V2"));
    assert_eq!(find("V3").1, "pledge_interest");
    assert!(find("V3").2.starts_with("paid"), "{:?}", find("V3"));
    // 有 other city support: rejected, not invalid.
    assert!(find("V4").2.starts_with("rejected"), "{:?}", find("V4"));
    let ambiguous = &find("V5").2;
    assert!(ambiguous.starts_with("invalid"), "{ambiguous}");
    assert!(
        ambiguous.contains("知识产权保护工作站（优秀）")
            && ambiguous.contains("知识产权保护工作站（合格）"),
        "{ambiguous}"
    );
    let missed = &find("V6").2;
    assert!(missed.contains("知识产权保护工作站"), "{missed}");
}

#[test]
fn an_alias_from_the_policy_file_names_its_item() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text =
        std::fs::read_to_string("policy/lianzhou-2024.toml").unwrap_or_else(|e| panic!("{e}"));
    let text = text.replacen(
        "name = \"知识产权质押融资贴息\"",
        "name = \"知识产权质押融资贴息\"\naliases = [\"融资利息补贴\", \"PLI\"]",
        1,
    );
    let policy = write(dir.path(), "policy.toml", text.as_bytes());
    let claims = "claim_id,applicant_id,applicant_name,applicant_type,item,date,amount\n\
A1,E1,甲,企业,融资利息补贴,2024-03-05,1000\n\
A2,E2,乙,企业,pli,2024-03-05,1000\n";
    let rows = decided(claims, Some(&policy));
    for row in &rows {
        assert_eq!(row.1, "pledge_interest", "{row:?}");
        assert!(row.2.starts_with("paid"), "{row:?}");
    }
    let out = subsidy()
        .args(["policy", "show", "融资利息补贴", "--policy"])
        .arg(&policy)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("pledge_interest"));
}

#[test]
fn check_and_policy_show_take_a_part_of_a_name() {
    let out = subsidy()
        .args([
            "--lang", "en", "check", "--item", "质押", "--type", "企业", "--amount", "1000",
        ])
        .args(["--date", "2024-03-05"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("500"), "{stdout}");
    let out = subsidy()
        .args(["policy", "show", "质押"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("pledge_interest"));
    for (lang, said) in [
        (
            "zh",
            "知识产权保护工作站（优秀）（protection_station_excellent）",
        ),
        (
            "en",
            "protection_station_qualified (知识产权保护工作站（合格）)",
        ),
    ] {
        let out = subsidy()
            .args(["--lang", lang, "policy", "show", "工作站"])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(said), "{stderr}");
    }
    let out = subsidy()
        .args(["--lang", "en", "policy", "show", "保护工作站点"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("知识产权保护工作站"), "{stderr}");
}

/// `calc` of the sample with the sample ledger into `out`.
fn calc_into(out: &Path, extra: &[&str]) {
    let run = subsidy()
        .args(["calc", SAMPLE, "--ledger", LEDGER, "--out"])
        .arg(out)
        .args(extra)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

fn sheet(path: &Path, name: &str) -> calamine::Range<calamine::Data> {
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(path).unwrap_or_else(|e| panic!("{e}"));
    book.worksheet_range(name).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_xlsx_payout_equals_the_csv_payout_to_the_fen() {
    use calamine::Data;
    use rust_decimal::Decimal;
    use subsidy::report::PayoutColumn;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (xlsx, csv_path) = (
        dir.path().join("payout.xlsx"),
        dir.path().join("payout.csv"),
    );
    calc_into(&xlsx, &[]);
    calc_into(&csv_path, &[]);
    let text = std::fs::read_to_string(&csv_path).unwrap_or_else(|e| panic!("{e}"));
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    let claims = sheet(&xlsx, "明细");
    let header: Vec<String> = claims
        .rows()
        .next()
        .unwrap_or_default()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let mut zh: Vec<&str> = PayoutColumn::ALL.iter().map(|c| c.name_zh()).collect();
    zh.extend(["applicant_type", "item", "status"]);
    assert_eq!(header, zh);
    assert_eq!(claims.rows().count(), rows.len() + 1);
    let mut payable = Decimal::ZERO;
    for (r, (cells, row)) in claims.rows().skip(1).zip(&rows).enumerate() {
        for (c, column) in PayoutColumn::ALL.iter().enumerate() {
            let cell = &cells[c];
            if column.is_money() {
                let Data::Float(value) = cell else {
                    panic!("row {r} {}: {cell:?} is not a number", column.name());
                };
                let fen = Decimal::try_from(*value)
                    .unwrap_or_else(|e| panic!("{e}"))
                    .round_dp(2);
                let expected: Decimal = row[c].parse().unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(fen, expected, "row {r} {}", column.name());
                if *column == PayoutColumn::Payable {
                    payable += fen;
                }
            } else if matches!(
                column,
                PayoutColumn::ClaimId
                    | PayoutColumn::ApplicantId
                    | PayoutColumn::Ref
                    | PayoutColumn::Reason
                    | PayoutColumn::Status
            ) {
                let expected = row[c].trim_start_matches('\'');
                // The status is said in words; its id is in the last column.
                let cell = match column {
                    PayoutColumn::Status => &cells[PayoutColumn::ALL.len() + 2],
                    _ => cell,
                };
                match cell {
                    Data::String(s) => assert_eq!(s, expected),
                    Data::Empty => assert_eq!(expected, ""),
                    other => panic!("row {r} {}: {other:?} is not text", column.name()),
                }
            }
        }
    }
    assert_eq!(payable, "1709505.01".parse::<Decimal>().unwrap_or_default());
    for name in ["按申请人", "按条款", "汇总"] {
        assert!(sheet(&xlsx, name).rows().count() > 1, "{name}");
    }
    let summary: Vec<String> = sheet(&xlsx, "汇总")
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>())
        .collect();
    use sha2::Digest;
    let policy = std::fs::read("policy/lianzhou-2024.toml").unwrap_or_else(|e| panic!("{e}"));
    let sha: String = sha2::Sha256::digest(&policy)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    for wanted in [sha.as_str(), SAMPLE, "lianzhou-2024", "66"] {
        assert!(
            summary.iter().any(|c| c.contains(wanted)),
            "{wanted}: {summary:?}"
        );
    }
    let bytes = std::fs::read(&xlsx).unwrap_or_else(|e| panic!("{e}"));
    let chart = b"xl/charts/chart1.xml";
    assert!(bytes.windows(chart.len()).any(|w| w == chart), "no chart");
}

#[test]
fn an_xlsx_payout_and_a_chinese_headed_csv_are_ledgers_like_the_csv() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (xlsx, csv_en, csv_zh) = (
        dir.path().join("payout.xlsx"),
        dir.path().join("payout.csv"),
        dir.path().join("payout-zh.csv"),
    );
    calc_into(&xlsx, &[]);
    calc_into(&csv_en, &[]);
    calc_into(&csv_zh, &["--headers", "zh"]);
    let header = std::fs::read_to_string(&csv_zh).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        header.starts_with("\u{feff}申报编号,申请人代码,"),
        "{header}"
    );
    let run = |ledger: &Path| {
        let out = subsidy()
            .args([
                "calc",
                "samples/claims-2024-batch1.csv",
                "--format",
                "csv",
                "--ledger",
            ])
            .arg(ledger)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let expected = run(&csv_en);
    assert!(run(&xlsx) == expected, "the XLSX ledger counts differently");
    assert!(
        run(&csv_zh) == expected,
        "the Chinese-headed ledger counts differently"
    );
}

#[test]
fn every_workbook_label_is_said_in_both_languages() {
    use subsidy::words::{BookLabel, Lang};
    for label in BookLabel::ALL {
        let (zh, en) = (
            Lang::Zh.words().book_label(label),
            Lang::En.words().book_label(label),
        );
        assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{label:?}");
    }
}

#[test]
fn the_catalogue_lists_as_csv_and_json() {
    let out = subsidy()
        .args(["policy", "list", "--format", "csv"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, subsidy::report::CatalogueRow::FIELDS);
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    assert!(rows
        .iter()
        .any(|r| &r[1] == "pledge_interest" && &r[2] == "知识产权质押融资贴息"));
    let out = subsidy()
        .args(["--lang", "en", "policy", "list", "--format", "json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let items = json.as_array().unwrap_or_else(|| panic!("not an array"));
    assert_eq!(items.len(), rows.len());
    assert!(items.iter().any(|i| i["item"] == "pledge_interest"));
}

#[test]
fn the_template_is_a_claims_file_the_reader_takes() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for headers in ["en", "zh"] {
        let csv_path = dir.path().join(format!("template-{headers}.csv"));
        let out = subsidy()
            .args(["template", "--headers", headers, "--out"])
            .arg(&csv_path)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(out.status.success());
        let mut text = std::fs::read_to_string(&csv_path).unwrap_or_else(|e| panic!("{e}"));
        text.push_str("T1,91441882MA5T,甲,企业,知识产权质押融资贴息,2024-03-05,,2000,,,,,,\n");
        std::fs::write(&csv_path, text).unwrap_or_else(|e| panic!("{e}"));
        let out = subsidy()
            .args(["calc", "--format", "csv", "--no-bom"])
            .arg(&csv_path)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let payout = String::from_utf8_lossy(&out.stdout);
        assert!(
            payout.contains("T1,91441882MA5T,甲,enterprise,（六）,pledge_interest"),
            "{payout}"
        );
        assert!(payout.contains(",paid,"), "{payout}");
    }
    let xlsx = dir.path().join("template.xlsx");
    let out = subsidy()
        .args(["template", "--out"])
        .arg(&xlsx)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let claims = sheet(&xlsx, "申报");
    let header: Vec<String> = claims
        .rows()
        .next()
        .unwrap_or_default()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header[0], "申请编号");
    assert!(header.contains(&"有效发明专利件数".to_string()));
    let catalogue = sheet(&xlsx, "目录");
    assert!(catalogue
        .rows()
        .any(|r| r.iter().any(|c| *c == "知识产权质押融资贴息")));
    assert!(catalogue.rows().any(|r| r.iter().any(|c| *c == "企业")));
    let out = subsidy()
        .args(["calc", "--format", "csv"])
        .arg(&xlsx)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_alias_another_item_has_is_a_policy_problem() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text =
        std::fs::read_to_string("policy/lianzhou-2024.toml").unwrap_or_else(|e| panic!("{e}"));
    let text = text.replacen(
        "name = \"知识产权质押融资贴息\"",
        "name = \"知识产权质押融资贴息\"\naliases = [\"ip_insurance\"]",
        1,
    );
    let policy = write(dir.path(), "policy.toml", text.as_bytes());
    let out = subsidy()
        .args(["--lang", "en", "policy", "validate"])
        .arg(&policy)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains("alias `ip_insurance` is already the id, name or alias of item ip_insurance"),
        "{said}"
    );
}

#[test]
fn sheet_names_a_claims_sheet_and_a_workbook_ledger_still_reads_its_claims_sheet() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let claims = write(dir.path(), "申报.xlsx", &sample_workbook("申报"));
    let (ledger_xlsx, ledger_csv) = (dir.path().join("p.xlsx"), dir.path().join("p.csv"));
    calc_into(&ledger_xlsx, &[]);
    calc_into(&ledger_csv, &[]);
    let run = |ledger: &Path| {
        let out = subsidy()
            .arg("calc")
            .arg(&claims)
            .args(["--sheet", "申报", "--format", "csv", "--ledger"])
            .arg(ledger)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    assert!(run(&ledger_xlsx) == run(&ledger_csv));
}

#[test]
fn the_clerks_own_columns_come_back_in_the_payout_after_the_standard_ones() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let claims = dir.path().join("claims.csv");
    std::fs::write(
        &claims,
        "序号,claim_id,applicant_id,applicant_name,applicant_type,item,date,ref,备注\n\
         1,K1,E1,甲,企业,high_value_patent,2024-03-01,ZL-1,=急件\n\
         2,K2,E2,乙,企业,high_value_patent,2024-03-02,ZL-2,\n",
    )
    .expect("write a test file");
    let payout = dir.path().join("payout.csv");
    subsidy()
        .args(["calc", "--no-bom", "--out"])
        .arg(&payout)
        .arg(&claims)
        .assert()
        .success();
    let text = std::fs::read_to_string(&payout).expect("read the payout");
    let mut lines = text.lines();
    assert!(lines
        .next()
        .is_some_and(|h| h.ends_with(",status,reason,序号,备注")));
    assert!(lines
        .next()
        .is_some_and(|r| r.ends_with(",定额 2000,1,'=急件") || r.ends_with("2000,1,'=急件")));
    assert!(lines.next().is_some_and(|r| r.ends_with(",2,")));
    // The payout is still a ledger: K1 and K2 count as paid.
    subsidy()
        .args(["--lang", "en", "calc", "--format", "csv", "--no-bom"])
        .arg(&claims)
        .arg("--ledger")
        .arg(&payout)
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "this claim_id is already in a ledger",
        ));
}

/// LibreOffice: SUBSIDY_SOFFICE, else `soffice` or `libreoffice` on PATH.
fn soffice() -> Option<String> {
    let named = std::env::var("SUBSIDY_SOFFICE")
        .ok()
        .filter(|s| !s.is_empty());
    named
        .into_iter()
        .chain(["soffice", "libreoffice"].map(String::from))
        .find(|name| {
            std::process::Command::new(name)
                .arg("--version")
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
}

/// Sheet `n` (from 1) of `book` as LibreOffice converts it to CSV: UTF-8,
/// values as stored (not as shown). Killed after two minutes.
fn converted_by_libreoffice(soffice: &str, book: &Path, n: usize) -> Vec<Vec<String>> {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let filter =
        format!("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,{n}");
    let mut child = std::process::Command::new(soffice)
        .env("HOME", dir.path().join("home"))
        .args(["--headless", "--convert-to", &filter, "--outdir"])
        .arg(dir.path().join("out"))
        .arg(book)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{soffice}: {e}"));
    let start = Instant::now();
    while child.try_wait().unwrap_or_else(|e| panic!("{e}")).is_none() {
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!(
                "LibreOffice did not convert {} within two minutes",
                book.display()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let file = std::fs::read_dir(dir.path().join("out"))
        .unwrap_or_else(|e| panic!("LibreOffice wrote nothing: {e}"))
        .next()
        .unwrap_or_else(|| panic!("LibreOffice wrote nothing"))
        .unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read_to_string(file.path()).unwrap_or_else(|e| panic!("{e}"));
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| {
            r.unwrap_or_else(|e| panic!("{e}"))
                .iter()
                .map(String::from)
                .collect()
        })
        .collect()
}

/// A figure as LibreOffice writes it (`2000`, `50005.01`), to the fen.
fn fen(cell: Option<&String>) -> String {
    let value: rust_decimal::Decimal = cell
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("{cell:?} is not a number"));
    format!("{value:.2}")
}

/// The sum, to the fen, of column `col` of the rows after title and header.
fn column_sum(rows: &[Vec<String>], col: usize) -> String {
    let sum: rust_decimal::Decimal = rows
        .iter()
        .skip(2)
        .map(|r| {
            fen(r.get(col))
                .parse::<rust_decimal::Decimal>()
                .unwrap_or_default()
        })
        .sum();
    format!("{sum:.2}")
}

/// LibreOffice opens the cost workbook of `compare` and the review
/// workbook of `report` and reads our totals: 1,749,505.01 against
/// 1,751,505.01 for the cap of 80,000 (README), and the year's
/// 1,751,505.01 payable of 2,246,005.01 computed over 70 rows; the clause
/// sheets add up to the same. Without LibreOffice the test says so and
/// passes, unless SUBSIDY_LIBREOFFICE_REQUIRED=1.
#[test]
fn libreoffice_reads_the_cost_and_review_workbooks_totals() {
    let Some(soffice) = soffice() else {
        let required = std::env::var("SUBSIDY_LIBREOFFICE_REQUIRED").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "SUBSIDY_LIBREOFFICE_REQUIRED=1 but no soffice was found"
        );
        eprintln!("skipped: LibreOffice check of the what-if workbooks: no soffice on PATH");
        return;
    };
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (cost, payout, review) = (
        dir.path().join("cost.xlsx"),
        dir.path().join("payout.csv"),
        dir.path().join("review.xlsx"),
    );
    subsidy()
        .args([
            "compare",
            SAMPLE,
            "--alt-set",
            "clause.1.annual_cap=80000",
            "--out",
        ])
        .arg(&cost)
        .assert()
        .success();
    calc_into(&payout, &[]);
    subsidy()
        .args(["report", LEDGER])
        .arg(&payout)
        .arg("--out")
        .arg(&review)
        .assert()
        .success();
    let summary = converted_by_libreoffice(&soffice, &cost, 1);
    let total = summary
        .iter()
        .find(|r| r[0] == "合计" && r.get(1).is_some_and(|c| !c.is_empty()))
        .unwrap_or_else(|| panic!("no total: {summary:?}"));
    let figures = [fen(total.get(1)), fen(total.get(2)), fen(total.get(3))];
    assert_eq!(figures, ["1749505.01", "1751505.01", "2000.00"]);
    let clauses = converted_by_libreoffice(&soffice, &cost, 2);
    assert_eq!(column_sum(&clauses, 2), "1749505.01");
    assert_eq!(column_sum(&clauses, 3), "1751505.01");
    let summary = converted_by_libreoffice(&soffice, &review, 1);
    let total = &summary[2];
    assert_eq!(total[0], "合计");
    let figures = [fen(total.get(2)), fen(total.get(3)), fen(total.get(4))];
    assert_eq!(total[1], "70");
    assert_eq!(figures, ["2246005.01", "1751505.01", "494500.00"]);
    let clauses = converted_by_libreoffice(&soffice, &review, 2);
    assert_eq!(column_sum(&clauses, 3), "1751505.01");
}

#[test]
fn the_payout_workbook_says_type_item_and_status_in_words_and_keeps_the_ids() {
    use calamine::Data;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let xlsx = dir.path().join("payout.xlsx");
    calc_into(&xlsx, &[]);
    let claims = sheet(&xlsx, "明细");
    let text = |cell: &Data| cell.to_string();
    let header: Vec<String> = claims
        .rows()
        .next()
        .unwrap_or_default()
        .iter()
        .map(text)
        .collect();
    let at = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}: {header:?}"))
    };
    let row = |id: &str| -> Vec<String> {
        claims
            .rows()
            .find(|r| r.first().map(text).as_deref() == Some(id))
            .unwrap_or_else(|| panic!("no row {id}"))
            .iter()
            .map(text)
            .collect()
    };
    // C-023: 5% of 1,200,000 is 60,000, capped at what the item's 50,000
    // a year leaves after the ledger's 20,000: 30,000.
    let capped = row("C-023");
    assert_eq!(capped[at("申请人类型")], "企业");
    assert_eq!(capped[at("资助项目")], "专利受让、许可实施");
    assert_eq!(capped[at("状态")], "已封顶");
    assert_eq!(capped[at("applicant_type")], "enterprise");
    assert_eq!(capped[at("item")], "patent_transfer");
    assert_eq!(capped[at("status")], "capped");
    assert_eq!(capped[at("拨付金额")], "30000");
    let paid = row("C-001");
    assert_eq!(
        (paid[at("资助项目")].as_str(), paid[at("状态")].as_str()),
        ("新增高价值发明专利", "全额拨付")
    );
    // In English the words are the policy's English names.
    let en = dir.path().join("payout-en.xlsx");
    calc_into(&en, &["--lang", "en"]);
    let claims = sheet(&en, "明细");
    let first: Vec<String> = claims
        .rows()
        .nth(1)
        .unwrap_or_default()
        .iter()
        .map(text)
        .collect();
    assert_eq!(first[at("状态")], "paid in full");
    assert_eq!(first[at("status")], "paid");
}
