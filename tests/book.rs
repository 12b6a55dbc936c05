//! The office's book, through the binary: a book gives exactly what the
//! `--ledger` chain gives; a commit is all or nothing; a file that is not a
//! book, or is damaged, or is of a later schema is refused; a batch cannot
//! be recorded twice; an edit made outside the tool is found by `verify`.

use crate::gen;

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::common::{claim, csv};
use assert_cmd::Command;
use predicates::prelude::*;

fn subsidy() -> Command {
    let mut cmd = crate::common::subsidy();
    cmd.env_remove("SUBSIDY_BOOK")
        .env_remove("SUBSIDY_BOOK_TEST_PAUSE");
    cmd
}

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("subsidy")
}

/// A new empty book in `dir`.
fn init(dir: &Path) -> PathBuf {
    let book = dir.join("office.book");
    subsidy()
        .args(["book", "init"])
        .arg(&book)
        .assert()
        .success();
    book
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("writes a test file");
    path
}

/// `calc FILE --book BOOK --commit`, in English.
fn commit(book: &Path, claims: &Path) -> assert_cmd::assert::Assert {
    subsidy()
        .args(["--lang", "en", "calc"])
        .arg(claims)
        .arg("--book")
        .arg(book)
        .args(["--commit", "--by", "tester", "--format", "csv"])
        .assert()
}

fn list(book: &Path) -> String {
    let out = subsidy()
        .args(["--lang", "en", "book", "list", "--book"])
        .arg(book)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn export(book: &Path, batch: u32, dir: &Path) -> Vec<u8> {
    let out = dir.join(format!("export-{batch}.csv"));
    subsidy()
        .args(["book", "export", &batch.to_string(), "--out"])
        .arg(&out)
        .arg("--book")
        .arg(book)
        .assert()
        .success();
    std::fs::read(out).expect("the export")
}

/// The generated batch of `rows` rows cut into pieces at `cuts` (row
/// numbers), each piece a claims file of its own.
fn pieces(dir: &Path, rows: u64, seed: u64, cuts: &[usize]) -> Vec<PathBuf> {
    let mut whole = Vec::new();
    gen::generate_into(&mut whole, rows, seed).expect("generates");
    let mut reader = ::csv::Reader::from_reader(whole.as_slice());
    let header = reader.headers().expect("a header").clone();
    let records: Vec<_> = reader.records().map(|r| r.expect("a record")).collect();
    let mut bounds = vec![0];
    bounds.extend(cuts.iter().copied());
    bounds.push(records.len());
    bounds
        .windows(2)
        .enumerate()
        .map(|(i, w)| {
            let path = dir.join(format!("claims-{seed}-{i}.csv"));
            let mut out = ::csv::Writer::from_path(&path).expect("creates a piece");
            out.write_record(&header).expect("writes");
            for r in &records[w[0]..w[1]] {
                out.write_record(r).expect("writes");
            }
            out.flush().expect("writes");
            path
        })
        .collect()
}

#[test]
fn a_book_gives_exactly_what_the_ledger_chain_gives() {
    for (seed, cuts) in [
        (3, vec![150]),
        (5, vec![60, 61, 200]),
        (11, vec![10, 120, 121]),
    ] {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let book = init(dir.path());
        let mut ledgers: Vec<PathBuf> = Vec::new();
        for (i, piece) in pieces(dir.path(), 240, seed, &cuts).iter().enumerate() {
            let payout = dir.path().join(format!("payout-{i}.csv"));
            let mut chain = subsidy();
            chain.args(["--lang", "en", "calc"]).arg(piece);
            for l in &ledgers {
                chain.arg("--ledger").arg(l);
            }
            chain
                .args(["--no-bom", "--out"])
                .arg(&payout)
                .assert()
                .success();
            commit(&book, piece).success();
            let recorded = export(&book, i as u32 + 1, dir.path());
            let expected = std::fs::read(&payout).expect("the chain's payout");
            assert!(
                recorded == expected,
                "seed {seed}, cuts {cuts:?}, batch {}: the book's payout differs from the chain's",
                i + 1
            );
            ledgers.push(payout);
        }
        subsidy()
            .args(["--lang", "en", "book", "verify", "--book"])
            .arg(&book)
            .assert()
            .success()
            .stdout(predicate::str::contains("the book verifies"));
    }
}

#[test]
fn a_book_of_ten_batches_and_a_withdrawal_replays_identically() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = init(dir.path());
    let cuts: Vec<usize> = (1..10).map(|i| i * 40).collect();
    for (i, piece) in pieces(dir.path(), 400, 23, &cuts).iter().enumerate() {
        commit(&book, piece).success();
        if i == 4 {
            subsidy()
                .args(["book", "void", "3", "--reason", "财政未拨付", "--book"])
                .arg(&book)
                .assert()
                .success();
        }
    }
    let out = subsidy()
        .args(["--lang", "en", "book", "verify", "--book"])
        .arg(&book)
        .output()
        .expect("runs");
    let said = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(out.status.success(), "{said}");
    assert_eq!(
        said.matches("replayed, the payout is identical").count(),
        10,
        "{said}"
    );
    assert!(said.contains("the book verifies: 11 entries"), "{said}");
}

/// Two claims for one patent: the measures pay a patent once.
fn same_patent(dir: &Path) -> (PathBuf, PathBuf) {
    let a = csv(&[claim("A-1", "E1", "high_value_patent", "2024-03-01").reference("ZL-9")]);
    let b = csv(&[claim("B-1", "E1", "high_value_patent", "2024-04-01").reference("ZL-9")]);
    (write(dir, "a.csv", &a), write(dir, "b.csv", &b))
}

#[test]
fn a_dry_run_against_the_book_counts_what_it_paid() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = init(dir.path());
    let (a, b) = same_patent(dir.path());
    commit(&book, &a).success().stderr(predicate::str::contains(
        "committed as batch 1: 1 rows, ¥2,000.00 paid",
    ));
    // Without --commit nothing is recorded, and the patent is already paid.
    subsidy()
        .args(["--lang", "en", "calc"])
        .arg(&b)
        .arg("--book")
        .arg(&book)
        .args(["--format", "csv", "--no-bom"])
        .assert()
        .success()
        .stdout(predicate::str::contains("B-1").and(predicate::str::contains("rejected")));
    assert_eq!(list(&book).matches("tester").count(), 1);
}

#[test]
fn the_same_batch_twice_is_refused_and_names_the_first() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = init(dir.path());
    let (a, _) = same_patent(dir.path());
    commit(&book, &a).success();
    let before = std::fs::read(&book).expect("the book");
    commit(&book, &a).code(1).stderr(predicate::str::contains(
        "this file is already in the book as batch 1",
    ));
    // The same claim_id under another file name: refused too.
    let again = write(
        dir.path(),
        "again.csv",
        &std::fs::read_to_string(&a)
            .expect("a")
            .replace("2024-03-01", "2024-03-02"),
    );
    commit(&book, &again)
        .code(1)
        .stderr(predicate::str::contains(
            "claim A-1 was already decided in batch 1",
        ));
    assert_eq!(std::fs::read(&book).expect("the book"), before);
}

#[test]
fn a_new_book_is_its_owners_only_and_never_overwrites_a_file() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = init(dir.path());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&book)
            .expect("the book")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let other = write(dir.path(), "payout.csv", "precious");
    subsidy()
        .args(["--lang", "en", "book", "init"])
        .arg(&other)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "already exists; a book is made in a new file",
        ));
    assert_eq!(std::fs::read_to_string(&other).expect("kept"), "precious");
}

#[test]
fn a_file_that_is_not_a_usable_book_is_refused_with_exit_2_and_left_as_it_was() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = init(dir.path());
    let (a, _) = same_patent(dir.path());
    commit(&book, &a).success();
    let whole = std::fs::read(&book).expect("the book");
    let newer = dir.path().join("newer.book");
    std::fs::copy(&book, &newer).expect("copies");
    let conn = rusqlite::Connection::open(&newer).expect("opens");
    conn.execute("INSERT INTO book_schema (version) VALUES (99)", [])
        .expect("inserts");
    drop(conn);
    let cases = [
        (
            "not.book",
            b"claim_id,applicant_id\n".to_vec(),
            "not a book of this tool",
        ),
        (
            "cut.book",
            whole[..whole.len() / 2].to_vec(),
            "damaged or cut short",
        ),
        (
            "newer.book",
            std::fs::read(&newer).expect("newer"),
            "schema 99",
        ),
    ];
    for (name, bytes, says) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).expect("writes");
        for args in [&["book", "list"][..], &["calc"][..]] {
            let mut cmd = subsidy();
            cmd.arg("--lang").arg("en").args(args);
            if args == ["calc"] {
                cmd.arg(&a).arg("--commit");
            }
            cmd.arg("--book")
                .arg(&path)
                .assert()
                .code(2)
                .stderr(predicate::str::contains(says));
            assert_eq!(std::fs::read(&path).expect("still there"), bytes, "{name}");
        }
    }
}

#[test]
fn verify_names_the_batch_whose_row_was_edited_by_hand() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = init(dir.path());
    let (a, b) = same_patent(dir.path());
    commit(&book, &a).success();
    commit(&book, &b).success();
    let conn = rusqlite::Connection::open(&book).expect("opens");
    // What a person with any SQLite tool can do: drop the guard, edit.
    conn.execute_batch(
        "DROP TRIGGER entries_no_update;
         UPDATE entries SET payout = replace(payout, '2000', '20000') WHERE batch = 1;",
    )
    .expect("edits");
    drop(conn);
    subsidy()
        .args(["--lang", "en", "book", "verify", "--book"])
        .arg(&book)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "batch 1: the entry is not what was recorded",
        ))
        .stdout(predicate::str::contains(
            "batch 2: replayed, the payout is identical",
        ));
}

#[test]
fn verify_finds_a_claim_id_taken_out_of_the_index() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = init(dir.path());
    let (a, _) = same_patent(dir.path());
    commit(&book, &a).success();
    let conn = rusqlite::Connection::open(&book).expect("opens");
    conn.execute_batch(
        "DROP TRIGGER claim_ids_no_delete; DELETE FROM claim_ids WHERE claim_id = 'A-1';",
    )
    .expect("edits");
    drop(conn);
    subsidy()
        .args(["--lang", "en", "book", "verify", "--book"])
        .arg(&book)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "the index of claim_ids is not what",
        ));
}

#[test]
fn nothing_in_the_book_can_be_updated_or_deleted() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = init(dir.path());
    let (a, _) = same_patent(dir.path());
    commit(&book, &a).success();
    let conn = rusqlite::Connection::open(&book).expect("opens");
    assert!(conn.execute("DELETE FROM entries", []).is_err());
    assert!(conn.execute("UPDATE entries SET paid = '0'", []).is_err());
    assert!(conn.execute("DELETE FROM claim_ids", []).is_err());
}

/// `calc FILE --book BOOK --commit` started in the background, held for
/// `pause` inside its transaction.
fn commit_paused(book: &Path, claims: &Path, pause: Duration) -> Child {
    std::process::Command::new(bin())
        .args(["--lang", "en", "calc"])
        .arg(claims)
        .arg("--book")
        .arg(book)
        .args(["--commit", "--format", "csv"])
        .env("SUBSIDY_BOOK_TEST_PAUSE", pause.as_millis().to_string())
        .env_remove("SUBSIDY_BOOK")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts")
}

/// Waits until the commit has written into its transaction (SQLite's
/// rollback journal is there).
fn wait_for_journal(book: &Path) {
    let journal = PathBuf::from(format!("{}-journal", book.display()));
    let start = Instant::now();
    while !journal.exists() {
        assert!(start.elapsed() < Duration::from_secs(60), "no commit began");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_commit_killed_midway_leaves_the_book_as_it_was() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = init(dir.path());
    let (a, b) = same_patent(dir.path());
    commit(&book, &a).success();
    let before = list(&book);
    let mut child = commit_paused(&book, &b, Duration::from_secs(60));
    wait_for_journal(&book);
    child.kill().expect("kills");
    let _ = child.wait();
    assert_eq!(list(&book), before);
    subsidy()
        .args(["--lang", "en", "book", "verify", "--book"])
        .arg(&book)
        .assert()
        .success();
    // The batch that was killed can be committed afresh.
    commit(&book, &b)
        .success()
        .stderr(predicate::str::contains("committed as batch 2"));
}

/// A disk that fills up in the middle of a commit, made with the file size
/// limit of the process (no mount needed): SQLite's writes fail there as on
/// a full disk.
#[cfg(unix)]
#[test]
fn a_commit_onto_a_full_disk_leaves_the_book_as_it_was() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = init(dir.path());
    let (a, _) = same_patent(dir.path());
    commit(&book, &a).success();
    let before = list(&book);
    let big = pieces(dir.path(), 3000, 17, &[]).remove(0);
    let limit = std::fs::metadata(&book).expect("the book").len() / 1024 + 16;
    let script = format!(
        "trap '' XFSZ; ulimit -f {limit}; \
         exec \"$0\" --lang en calc \"$1\" --book \"$2\" --commit --format csv --no-bom"
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script])
        .arg(bin())
        .arg(&big)
        .arg(&book)
        .env_remove("SUBSIDY_BOOK")
        .stdout(Stdio::null())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("the book refused"), "{said}");
    assert_eq!(list(&book), before);
    subsidy()
        .args(["--lang", "en", "book", "verify", "--book"])
        .arg(&book)
        .assert()
        .success();
}

#[test]
fn two_commits_at_once_one_waits_and_decides_against_the_other() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = init(dir.path());
    let (a, b) = same_patent(dir.path());
    let first = commit_paused(&book, &a, Duration::from_millis(1500));
    wait_for_journal(&book);
    let second = commit_paused(&book, &b, Duration::ZERO);
    let first = first.wait_with_output().expect("the first ends");
    let second = second.wait_with_output().expect("the second ends");
    assert!(first.status.success(), "{first:?}");
    assert!(second.status.success(), "{second:?}");
    let said = String::from_utf8_lossy(&second.stderr);
    assert!(
        said.contains("committed as batch 2: 1 rows, ¥0.00 paid"),
        "{said}"
    );
    let payout = String::from_utf8(export(&book, 2, dir.path())).expect("UTF-8");
    assert!(
        payout.contains("B-1") && payout.contains(",rejected,"),
        "{payout}"
    );
}

#[test]
fn a_withdrawn_batch_stops_counting_and_the_book_still_verifies() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = init(dir.path());
    let (a, b) = same_patent(dir.path());
    commit(&book, &a).success();
    let void = |batch: &str| {
        let mut cmd = subsidy();
        cmd.args([
            "--lang",
            "en",
            "book",
            "void",
            batch,
            "--reason",
            "财政未拨付",
            "--by",
            "审计",
        ])
        .arg("--book")
        .arg(&book);
        cmd.assert()
    };
    void("1")
        .success()
        .stderr(predicate::str::contains("batch 1 withdrawn"));
    void("1")
        .code(1)
        .stderr(predicate::str::contains("batch 1 is already withdrawn"));
    void("9")
        .code(1)
        .stderr(predicate::str::contains("the book has no batch 9"));
    // The patent batch 1 would have paid is paid by batch 2.
    commit(&book, &b).success().stderr(predicate::str::contains(
        "committed as batch 2: 1 rows, ¥2,000.00 paid",
    ));
    let listed = list(&book);
    assert!(
        listed.contains("withdrawn") && listed.contains("财政未拨付"),
        "{listed}"
    );
    subsidy()
        .args(["--lang", "en", "book", "verify", "--book"])
        .arg(&book)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "batch 2: replayed, the payout is identical",
        ));
}

#[test]
fn an_imported_payout_counts_as_its_ledger_would() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = init(dir.path());
    let ledger = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/ledger-2024.csv");
    let claims = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/claims-2024.csv");
    let import = || {
        let mut cmd = subsidy();
        cmd.args(["--lang", "en", "book", "import"])
            .arg(&ledger)
            .arg("--book")
            .arg(&book);
        cmd.assert()
    };
    import()
        .success()
        .stderr(predicate::str::contains("imported as batch 1 (4 rows)"));
    import().code(1).stderr(predicate::str::contains(
        "this file is already in the book as batch 1",
    ));
    let run = |with: &[&std::ffi::OsStr]| {
        let out = subsidy()
            .args(["--lang", "en", "calc"])
            .arg(&claims)
            .args(with)
            .args(["--format", "csv", "--no-bom"])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{out:?}");
        out.stdout
    };
    let by_book = run(&["--book".as_ref(), book.as_os_str()]);
    let by_ledger = run(&["--ledger".as_ref(), ledger.as_os_str()]);
    assert!(
        by_book == by_ledger,
        "the book and the ledger decide differently"
    );
    let batch1 = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/claims-2024-batch1.csv");
    commit(&book, &batch1)
        .code(1)
        .stderr(predicate::str::contains("was already decided in batch 1"));
    subsidy()
        .args(["--lang", "en", "book", "verify", "--book"])
        .arg(&book)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "batch 1: imported, nothing to replay",
        ));
}

#[test]
fn a_file_that_is_not_a_payout_is_not_imported() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = init(dir.path());
    let before = std::fs::read(&book).expect("the book");
    let (a, _) = same_patent(dir.path());
    subsidy()
        .args(["--lang", "en", "book", "import"])
        .arg(&a)
        .arg("--book")
        .arg(&book)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("a.csv"));
    assert_eq!(std::fs::read(&book).expect("the book"), before);
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

/// A book of the two sample batches of 2024: batch 1 pays ¥42,000.00, batch
/// 2 (the whole year's file, decided against batch 1) ¥1,709,505.01.
fn sample_book(dir: &Path) -> PathBuf {
    let book = init(dir);
    commit(&book, &sample("claims-2024-batch1.csv"))
        .success()
        .stderr(predicate::str::contains("¥42,000.00 paid"));
    commit(&book, &sample("claims-2024.csv"))
        .success()
        .stderr(predicate::str::contains("¥1,709,505.01 paid"));
    book
}

#[test]
fn the_public_list_masks_every_id_number_even_under_show_ids() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = sample_book(dir.path());
    let out = dir.path().join("公示名单.csv");
    subsidy()
        .args(["--show-ids", "book", "publish", "--year", "2024", "--out"])
        .arg(&out)
        .arg("--book")
        .arg(&book)
        .assert()
        .success();
    let list = std::fs::read_to_string(&out).expect("the list");
    assert!(
        list.starts_with("\u{feff}批次,申请人,证件号码,资助项目,金额（元）\n"),
        "{list}"
    );
    // 张三's registered work: 10,000 yuan in batch 2, his ID number masked.
    assert!(
        list.contains("2,张三,441882********1230,作品著作权登记证书,10000.00\n"),
        "{list}"
    );
    assert!(
        !list.contains("441882199001011230"),
        "an ID number shown whole:\n{list}"
    );
    // A credit code is public: shown whole.
    assert!(
        list.contains("1,连州市华创科技有限公司,91441882MA5123456M,"),
        "{list}"
    );
    let xlsx = dir.path().join("list.xlsx");
    subsidy()
        .args(["book", "publish", "--year", "2024", "--out"])
        .arg(&xlsx)
        .arg("--book")
        .arg(&book)
        .assert()
        .success();
    assert!(std::fs::read(&xlsx)
        .expect("the workbook")
        .starts_with(b"PK"));
}

#[test]
fn an_exported_workbook_names_the_claims_file_as_the_book_keeps_it() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = sample_book(dir.path());
    let workbook = dir.path().join("batch-2.xlsx");
    subsidy()
        .args(["book", "export", "2", "--out"])
        .arg(&workbook)
        .arg("--book")
        .arg(&book)
        .assert()
        .success();
    let file = std::fs::File::open(&workbook).expect("the workbook");
    let mut zip = zip::ZipArchive::new(file).expect("a workbook");
    let mut strings = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/sharedStrings.xml").expect("its strings"),
        &mut strings,
    )
    .expect("reads");
    assert!(strings.contains("<t>claims-2024.csv</t>"), "{strings}");
    assert!(strings.contains("张三") && strings.contains("441882199001011230"));
}

#[test]
fn the_annual_review_from_the_book_adds_up_its_batches() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = sample_book(dir.path());
    // 42,000.00 + 1,709,505.01 = 1,751,505.01.
    subsidy()
        .args(["--lang", "en", "report", "--year", "2024", "--book"])
        .arg(&book)
        .assert()
        .success()
        .stdout(predicate::str::contains("¥1,751,505.01"));
    subsidy()
        .args(["--lang", "en", "report", "--year", "2023", "--book"])
        .arg(&book)
        .assert()
        .success()
        .stdout(predicate::str::contains("¥1,751,505.01").not());
}

#[test]
fn subsidy_book_names_the_book_to_calc_but_never_adds_it_to_a_report_of_files() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = sample_book(dir.path());
    // Every claim of batch 1 is in the book already: nothing is paid again.
    subsidy()
        .env("SUBSIDY_BOOK", &book)
        .args(["--lang", "en", "calc"])
        .arg(sample("claims-2024-batch1.csv"))
        .args(["--format", "csv", "--no-bom"])
        .assert()
        .success()
        .stdout(predicate::str::contains(",rejected,"))
        .stdout(predicate::str::contains(",paid,").not());
    let first = dir.path().join("payout-1.csv");
    std::fs::write(&first, export(&book, 1, dir.path())).expect("writes");
    // Batch 1 alone: 42,000.00, not the book's 1,751,505.01 on top.
    subsidy()
        .env("SUBSIDY_BOOK", &book)
        .args(["--lang", "en", "report"])
        .arg(&first)
        .assert()
        .success()
        .stdout(predicate::str::contains("¥42,000.00"))
        .stdout(predicate::str::contains("¥1,751,505.01").not());
}

#[test]
fn compare_replays_the_years_batches_under_the_draft() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = sample_book(dir.path());
    let total = |alt: &[&str]| {
        let out = subsidy()
            .args([
                "--lang", "en", "compare", "--year", "2024", "--format", "csv", "--book",
            ])
            .arg(&book)
            .args(alt)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{out:?}");
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        text.lines()
            .find(|l| l.starts_with("total,"))
            .expect("a total")
            .to_string()
    };
    // Both sides under the measures the batches were committed under: what
    // was recorded, 42,000.00 + 1,709,505.01.
    assert_eq!(total(&[]), "total,,,1751505.01,1751505.01,0.00,,");
    // 3,000 a high-value patent instead of 2,000: batch 1 paid one (L-003,
    // 1,000 more); batch 2, against batch 1's payout, 3,000 more (what
    // `compare samples/claims-2024.csv --ledger PAYOUT-1 --alt-set …` says
    // of it alone): 4,000.
    assert_eq!(
        total(&["--alt-set", "item.high_value_patent.amount=3000"]),
        "total,,,1751505.01,1755505.01,4000.00,,"
    );
}

#[test]
fn compare_with_the_book_is_compare_with_its_payouts_as_ledgers() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = init(dir.path());
    let (a, b) = same_patent(dir.path());
    commit(&book, &a).success();
    let ledger = dir.path().join("payout-1.csv");
    std::fs::write(&ledger, export(&book, 1, dir.path())).expect("writes");
    let run = |with: &[&std::ffi::OsStr]| {
        let out = subsidy()
            .args(["--lang", "en", "compare"])
            .arg(&b)
            .args(with)
            .args(["--format", "csv"])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{out:?}");
        out.stdout
    };
    let by_book = run(&["--book".as_ref(), book.as_os_str()]);
    assert_eq!(by_book, run(&["--ledger".as_ref(), ledger.as_os_str()]));
    assert_ne!(by_book, run(&[]), "the book's payment was not counted");
}

/// The same book in PostgreSQL: `SUBSIDY_TEST_POSTGRES` is the address of a
/// server where the role may create databases (`.ci/run` starts one); each
/// test makes a database of its own. Without it these tests say so and
/// pass, unless `SUBSIDY_POSTGRES_REQUIRED=1` (CI) makes that a failure.
mod on_postgres {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    static MADE: AtomicU32 = AtomicU32::new(0);

    fn server() -> Option<String> {
        match std::env::var("SUBSIDY_TEST_POSTGRES") {
            Ok(url) if !url.trim().is_empty() => Some(url),
            _ => {
                let required = std::env::var("SUBSIDY_POSTGRES_REQUIRED").is_ok_and(|v| v == "1");
                assert!(
                    !required,
                    "SUBSIDY_TEST_POSTGRES is not set, and CI requires it"
                );
                eprintln!("skipped: no PostgreSQL server (SUBSIDY_TEST_POSTGRES unset)");
                None
            }
        }
    }

    /// A new database on the server with an empty book in it.
    fn new_book() -> Option<PathBuf> {
        let server = server()?;
        let name = format!(
            "subsidy_book_{}_{}",
            std::process::id(),
            MADE.fetch_add(1, Ordering::SeqCst)
        );
        let mut admin = postgres::Client::connect(&server, postgres::NoTls).expect("connects");
        for sql in [
            format!("DROP DATABASE IF EXISTS {name}"),
            format!("CREATE DATABASE {name}"),
        ] {
            admin.batch_execute(&sql).expect("makes a database");
        }
        let (base, _) = server.rsplit_once('/').expect("a database in the address");
        let book = PathBuf::from(format!("{base}/{name}"));
        subsidy()
            .args(["--lang", "en", "book", "init"])
            .arg(&book)
            .assert()
            .success()
            .stderr(predicate::str::contains("an empty book, in this database"));
        Some(book)
    }

    fn client(book: &Path) -> postgres::Client {
        postgres::Client::connect(book.to_str().expect("an address"), postgres::NoTls)
            .expect("connects")
    }

    /// Waits until a commit holds the book's write lock.
    fn wait_for_lock(book: &Path) {
        let mut db = client(book);
        let start = Instant::now();
        loop {
            let held: i64 = db
                .query_one(
                    "SELECT count(*) FROM pg_locks l JOIN pg_class c ON l.relation = c.oid \
                     WHERE c.relname = 'entries' AND l.mode = 'ExclusiveLock' AND l.granted",
                    &[],
                )
                .expect("asks")
                .get(0);
            if held > 0 {
                return;
            }
            assert!(start.elapsed() < Duration::from_secs(60), "no commit began");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    #[test]
    fn a_book_in_postgres_gives_what_the_ledger_chain_gives() {
        let Some(book) = new_book() else { return };
        let dir = tempfile::tempdir().expect("a temporary directory");
        let mut ledgers: Vec<PathBuf> = Vec::new();
        for (i, piece) in pieces(dir.path(), 200, 13, &[70, 140]).iter().enumerate() {
            let payout = dir.path().join(format!("payout-{i}.csv"));
            let mut chain = subsidy();
            chain.args(["--lang", "en", "calc"]).arg(piece);
            for l in &ledgers {
                chain.arg("--ledger").arg(l);
            }
            chain
                .args(["--no-bom", "--out"])
                .arg(&payout)
                .assert()
                .success();
            commit(&book, piece).success();
            let expected = std::fs::read(&payout).expect("the chain's payout");
            assert!(
                export(&book, i as u32 + 1, dir.path()) == expected,
                "batch {}",
                i + 1
            );
            ledgers.push(payout);
        }
        commit(&book, &dir.path().join("claims-13-0.csv"))
            .code(1)
            .stderr(predicate::str::contains(
                "this file is already in the book as batch 1",
            ));
        subsidy()
            .args(["--lang", "en", "book", "verify", "--book"])
            .arg(&book)
            .assert()
            .success();
    }

    #[test]
    fn two_offices_committing_at_once_never_pay_one_patent_twice() {
        let Some(book) = new_book() else { return };
        let dir = tempfile::tempdir().expect("a temporary directory");
        let (a, b) = same_patent(dir.path());
        let first = commit_paused(&book, &a, Duration::from_millis(1500));
        wait_for_lock(&book);
        let second = commit_paused(&book, &b, Duration::ZERO);
        let first = first.wait_with_output().expect("the first ends");
        let second = second.wait_with_output().expect("the second ends");
        assert!(first.status.success(), "{first:?}");
        assert!(second.status.success(), "{second:?}");
        let said = String::from_utf8_lossy(&second.stderr);
        assert!(
            said.contains("committed as batch 2: 1 rows, ¥0.00 paid"),
            "{said}"
        );
        let payout = String::from_utf8(export(&book, 2, dir.path())).expect("UTF-8");
        assert!(payout.contains(",rejected,"), "{payout}");
    }

    #[test]
    fn a_killed_commit_and_an_edit_by_hand_in_postgres() {
        let Some(book) = new_book() else { return };
        let dir = tempfile::tempdir().expect("a temporary directory");
        let (a, b) = same_patent(dir.path());
        commit(&book, &a).success();
        let before = list(&book);
        let mut child = commit_paused(&book, &b, Duration::from_secs(60));
        wait_for_lock(&book);
        child.kill().expect("kills");
        let _ = child.wait();
        assert_eq!(list(&book), before);
        let mut db = client(&book);
        assert!(db.execute("DELETE FROM entries", &[]).is_err());
        db.batch_execute(
            "ALTER TABLE entries DISABLE TRIGGER USER;
             UPDATE entries SET paid = '20000' WHERE batch = 1;",
        )
        .expect("edits");
        subsidy()
            .args(["--lang", "en", "book", "verify", "--book"])
            .arg(&book)
            .assert()
            .code(1)
            .stdout(predicate::str::contains(
                "batch 1: the entry is not what was recorded",
            ));
    }
}
