//! The outputs of generated batches, byte for byte, as stored checksums:
//! work on speed must not change a single figure or word. The batches come
//! from the benchmark's own generator (`examples/gen_claims.rs`, a fixed
//! seed), so a checksum changes only when the output does. When a change of
//! output is meant (new words, a new rule), the new checksums are printed
//! by the failing assertion and replace the old ones in the same commit.

use crate::gen;

use crate::common::subsidy;

use sha2::{Digest, Sha256};

const SEED: u64 = 7;

fn batch(rows: u64) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join(format!("claims-{rows}.csv"));
    let file = std::fs::File::create(&path).expect("creates the batch");
    gen::generate_into(std::io::BufWriter::new(file), rows, SEED).expect("generates");
    (dir, path)
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The output of `calc` on `claims` with `args`, the commit it was built
/// from blanked (JSON names it).
fn output(lang: &str, claims: &std::path::Path, args: &[&str]) -> Vec<u8> {
    let out = subsidy()
        .args(["--lang", lang, "calc"])
        .arg(claims)
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let commit = format!("\"commit\": \"{}\"", env!("SUBSIDY_GIT_COMMIT"));
    text.replacen(&commit, "\"commit\": \"-\"", 1).into_bytes()
}

#[test]
fn the_payout_of_100000_generated_claims_is_unchanged_in_both_languages() {
    let (_dir, claims) = batch(100_000);
    let zh = output("zh", &claims, &["--format", "csv", "--no-bom"]);
    assert_eq!(zh.iter().filter(|&&b| b == b'\n').count(), 100_001);
    assert_eq!(
        sha256(&zh),
        "6ec0e30466d257bbe85f9ef7e1f3b4e9cbe1cdd08edc81d207b26d8019680bb2",
        "the Chinese payout changed"
    );
    let en = output("en", &claims, &["--format", "csv", "--no-bom"]);
    assert_eq!(
        sha256(&en),
        "fb81848cc353beefe3b4ceaa06f56a475cf530dd495384beb5b27ec5fa908491",
        "the English payout changed"
    );
}

#[test]
fn the_json_of_10000_generated_claims_is_unchanged_in_both_languages() {
    let (_dir, claims) = batch(10_000);
    let zh = output("zh", &claims, &["--format", "json"]);
    assert_eq!(
        sha256(&zh),
        "5686f5bc01146bf0b4dbb9b0986bde732d0cb9e583b0e265b3cce78a53552d61",
        "the Chinese JSON changed"
    );
    let en = output("en", &claims, &["--format", "json"]);
    assert_eq!(
        sha256(&en),
        "cbcc955bbef09924dd2d4f4db6a8e7e5dc9b6f05496e2a09b5a30073c010ce72",
        "the English JSON changed"
    );
}

/// A batch over the progress bar's threshold (20 MB): 150,000 generated
/// claims make about 23 MB.
fn large_batch() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, claims) = batch(150_000);
    let size = std::fs::metadata(&claims).expect("the batch").len();
    assert!(size > subsidy::progress::THRESHOLD, "{size} bytes");
    (dir, claims)
}

#[test]
fn a_long_batch_shows_no_progress_bar_when_stderr_is_not_a_terminal() {
    let (_dir, claims) = large_batch();
    let out = subsidy()
        .args(["--lang", "zh", "calc"])
        .arg(&claims)
        .args(["--format", "csv", "--no-bom"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    for sign in ["读取", "写出", "\u{1b}[", "\r"] {
        assert!(!stderr.contains(sign), "{sign:?} on stderr");
    }
    assert_eq!(out.stdout.iter().filter(|&&b| b == b'\n').count(), 150_001);
}

#[test]
fn a_long_batch_shows_its_progress_on_a_terminal_unless_quiet() {
    // `script` (util-linux) gives the run a terminal; without it the test
    // says so and stops.
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no `script` to give the run a terminal");
        return;
    }
    let (dir, claims) = large_batch();
    let bin = assert_cmd::cargo::cargo_bin("subsidy");
    let run = |quiet: &str| {
        let payout = dir.path().join(format!("payout{quiet}.csv"));
        let command = format!(
            "{} --lang zh {quiet} calc {} --out {}",
            bin.display(),
            claims.display(),
            payout.display()
        );
        let typescript = dir.path().join(format!("typescript{quiet}"));
        let out = std::process::Command::new("script")
            .args(["-qec", &command])
            .arg(&typescript)
            .env_remove("SUBSIDY_LANG")
            .output()
            .expect("script runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
        let payout = std::fs::read(&payout).expect("the payout is written");
        assert_eq!(payout.iter().filter(|&&b| b == b'\n').count(), 150_001);
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let shown = run("");
    assert!(shown.contains("读取"), "no bar while reading: {shown:?}");
    assert!(shown.contains("行，每秒"), "no rows per second: {shown:?}");
    let quiet = run("--quiet");
    assert!(!quiet.contains("读取"), "a bar under --quiet: {quiet:?}");
}
