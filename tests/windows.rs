//! The Windows build, `subsidy.exe`, run under Wine: the same payout bytes
//! as the Linux build, Windows paths (backslashes, a folder named in
//! Chinese), and the exit codes.
//!
//! The .exe is `SUBSIDY_EXE` or `target/x86_64-pc-windows-gnu/release/subsidy.exe`
//! (`.ci/run` builds it). Without it, without `wine`, or without MinGW to
//! build the Wine stand-in DLL, the tests print "skipped: …" once and pass,
//! unless `SUBSIDY_WINE_REQUIRED=1` (set by `.ci/run`), where it fails.
//!
//! Wine 8.0 lacks bcryptprimitives.dll, whose ProcessPrng Rust's standard
//! library calls at start-up: `tests/wine/bcryptprimitives.c` is a stand-in,
//! built here with MinGW (or taken from `SUBSIDY_WINE_DLL`) and copied with
//! the .exe into a test folder. It never goes beside the real build or into
//! a release zip.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use crate::common::subsidy;

const SAMPLE: &str = "samples/claims-2024.csv";
const LEDGER: &str = "samples/ledger-2024.csv";
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Where the .exe runs from, and the Wine prefix it runs in.
struct Wine {
    exe: PathBuf,
    prefix: PathBuf,
}

fn required() -> bool {
    std::env::var("SUBSIDY_WINE_REQUIRED").is_ok_and(|v| v == "1")
}

/// The prepared Wine set-up, or why there is none (printed by each test).
fn wine() -> Option<&'static Wine> {
    static WINE: OnceLock<Result<Wine, String>> = OnceLock::new();
    match WINE.get_or_init(set_up) {
        Ok(w) => Some(w),
        Err(why) if required() => panic!("SUBSIDY_WINE_REQUIRED=1 but {why}"),
        Err(why) => {
            // Once, and past the harness's capture of eprintln!, so that a
            // plain `cargo test` shows it.
            static SAID: AtomicBool = AtomicBool::new(false);
            if !SAID.swap(true, Ordering::Relaxed) {
                let _ = writeln!(io::stderr(), "skipped: tests/windows.rs: {why}");
            }
            None
        }
    }
}

fn set_up() -> Result<Wine, String> {
    let exe = match std::env::var_os("SUBSIDY_EXE") {
        Some(p) => PathBuf::from(p),
        None => Path::new(ROOT).join("target/x86_64-pc-windows-gnu/release/subsidy.exe"),
    };
    if !exe.is_file() {
        return Err(format!(
            "no Windows build at {} (build it with .ci/run or set SUBSIDY_EXE)",
            exe.display()
        ));
    }
    let runs = Command::new("wine")
        .arg("--version")
        .env("WINEDEBUG", "-all")
        .output()
        .is_ok_and(|o| o.status.success());
    if !runs {
        return Err("wine is not installed".into());
    }

    // The .exe and the stand-in DLL, together in a folder of the tests' own.
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let bin = tmp.join("wine-bin");
    fs::create_dir_all(&bin).map_err(|e| format!("cannot create {}: {e}", bin.display()))?;
    let dll = bin.join("bcryptprimitives.dll");
    let fresh = dll.with_extension(format!("{}.tmp", std::process::id()));
    match std::env::var_os("SUBSIDY_WINE_DLL") {
        Some(built) => {
            fs::copy(&built, &fresh).map_err(|e| format!("cannot copy SUBSIDY_WINE_DLL: {e}"))?;
        }
        None => {
            let source = Path::new(ROOT).join("tests/wine/bcryptprimitives.c");
            let gcc = Command::new("x86_64-w64-mingw32-gcc")
                .args(["-shared", "-O2", "-s", "-o"])
                .arg(&fresh)
                .arg(&source)
                .arg("-ladvapi32")
                .output()
                .map_err(|_| "x86_64-w64-mingw32-gcc (MinGW) is not installed".to_string())?;
            if !gcc.status.success() {
                return Err(format!(
                    "MinGW could not build the stand-in DLL: {}",
                    String::from_utf8_lossy(&gcc.stderr)
                ));
            }
        }
    }
    fs::rename(&fresh, &dll).map_err(|e| format!("cannot place the DLL: {e}"))?;
    let copy = bin.join(format!("subsidy.{}.tmp", std::process::id()));
    fs::copy(&exe, &copy).map_err(|e| format!("cannot copy {}: {e}", exe.display()))?;
    fs::rename(&copy, bin.join("subsidy.exe")).map_err(|e| format!("cannot place the exe: {e}"))?;

    // A prefix of our own. The server and Wine's own services start here,
    // detached from every test's pipes: started by a test's `wine`, they
    // would hold its output open, and the test waiting, until they exit.
    // The server stays 10 s after its last client; `wineboot -i` creates
    // the prefix the first time, `-r` starts the services in it.
    let prefix = match std::env::var_os("WINEPREFIX") {
        Some(p) => PathBuf::from(p),
        None => tmp.join("wine-prefix"),
    };
    fs::create_dir_all(&prefix).map_err(|e| format!("cannot create {}: {e}", prefix.display()))?;
    let boot = if prefix.join("system.reg").is_file() {
        "-r"
    } else {
        "-i"
    };
    for (program, arg) in [("wineserver", "-p10"), ("wineboot", boot)] {
        let status = Command::new(program)
            .arg(arg)
            .env("WINEPREFIX", &prefix)
            .env("WINEDEBUG", "-all")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map_err(|e| format!("{program} cannot start: {e}"))?;
        if !status.success() {
            return Err(format!(
                "`{program} {arg}` failed ({status}) in {}",
                prefix.display()
            ));
        }
    }
    Ok(Wine {
        exe: bin.join("subsidy.exe"),
        prefix,
    })
}

impl Wine {
    /// `subsidy.exe ARGS` under Wine, in the project's folder, headless.
    fn run(&self, args: &[&str]) -> Output {
        Command::new("wine")
            .arg(&self.exe)
            .args(args)
            .current_dir(ROOT)
            .env("WINEPREFIX", &self.prefix)
            .env("WINEDEBUG", "-all")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("SUBSIDY_LANG")
            .output()
            .unwrap_or_else(|e| panic!("wine cannot start: {e}"))
    }
}

/// A Linux path as the .exe sees it: Wine maps `/` to drive Z:.
fn windows_path(path: &Path) -> String {
    format!("Z:{}", path.display()).replace('/', "\\")
}

fn linux(args: &[&str]) -> Output {
    subsidy()
        .args(args)
        .current_dir(ROOT)
        .output()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap_or_else(|e| panic!("not UTF-8: {e}"))
}

#[test]
fn the_sample_payout_is_byte_identical_to_the_linux_build() {
    let Some(wine) = wine() else { return };
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let from_linux = dir.path().join("linux.csv");
    let from_windows = dir.path().join("windows.csv");

    let out = linux(&[
        "calc",
        SAMPLE,
        "--ledger",
        LEDGER,
        "--out",
        &from_linux.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = wine.run(&[
        "calc",
        SAMPLE,
        "--ledger",
        LEDGER,
        "--out",
        &windows_path(&from_windows),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    let linux_bytes = fs::read(&from_linux).unwrap_or_else(|e| panic!("{e}"));
    let windows_bytes = fs::read(&from_windows).unwrap_or_else(|e| panic!("{e}"));
    assert!(linux_bytes.starts_with("\u{feff}claim_id,".as_bytes()));
    assert!(!windows_bytes.contains(&b'\r'), "no CRLF on Windows either");
    assert!(
        linux_bytes == windows_bytes,
        "the payout CSVs differ ({} and {} bytes)",
        linux_bytes.len(),
        windows_bytes.len()
    );
}

#[test]
fn tables_and_messages_are_utf8_when_redirected_and_match_the_linux_build() {
    let Some(wine) = wine() else { return };
    let args = ["calc", SAMPLE, "--ledger", LEDGER];
    let windows = wine.run(&args);
    let linux = linux(&args);
    assert_eq!(windows.status.code(), Some(0));
    let stdout = text(&windows.stdout);
    assert!(stdout.contains("按申请人汇总"), "{stdout}");
    assert!(stdout.contains("连州市华创科技有限公司"));
    assert_eq!(stdout, text(&linux.stdout), "the tables differ");
    assert_eq!(
        text(&windows.stderr),
        text(&linux.stderr),
        "the messages differ"
    );
}

#[test]
fn the_version_line_is_the_linux_builds_and_names_commit_and_policy() {
    let Some(wine) = wine() else { return };
    let windows = wine.run(&["--version"]);
    let linux = linux(&["--version"]);
    assert_eq!(windows.status.code(), Some(0));
    let line = text(&linux.stdout);
    assert!(line.starts_with(&format!("subsidy {} (commit ", env!("CARGO_PKG_VERSION"))));
    assert!(
        line.trim_end().ends_with(", policy lianzhou-2024)"),
        "{line}"
    );
    assert_eq!(text(&windows.stdout), line);
}

#[test]
fn out_into_a_folder_named_in_chinese_and_over_an_earlier_file() {
    let Some(wine) = wine() else { return };
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let folder = dir.path().join("资助 2024年 拨付");
    fs::create_dir(&folder).unwrap_or_else(|e| panic!("{e}"));
    let target = folder.join("拨付表（第一批）.csv");
    let out_arg = windows_path(&target);

    let out = wine.run(&["calc", SAMPLE, "--ledger", LEDGER, "--out", &out_arg]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let first = fs::read(&target).unwrap_or_else(|e| panic!("{e}"));
    assert!(text(&first).contains("C-061,"));

    // A second run replaces the file (a rename over an existing file).
    let out = wine.run(&["calc", SAMPLE, "--out", &out_arg, "--no-bom"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let second = fs::read(&target).unwrap_or_else(|e| panic!("{e}"));
    assert!(second.starts_with(b"claim_id,"));
    let names: Vec<String> = fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{e}"))
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(names, ["拨付表（第一批）.csv"], "no temporary file left");
}

#[test]
fn a_claims_path_with_backslashes_is_read_and_named_as_typed() {
    let Some(wine) = wine() else { return };
    let out = wine.run(&["calc", "samples\\claims-2024.csv", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("C-003,"));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("samples\\claims-2024.csv:57: column date:"),
        "{stderr}"
    );
}

#[test]
fn exit_codes_0_done_1_unreadable_or_strict_2_usage() {
    let Some(wine) = wine() else { return };
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));

    assert_eq!(wine.run(&["calc", SAMPLE]).status.code(), Some(0));

    let missing = wine.run(&["calc", "samples\\no-such-file.csv"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("no-such-file.csv"));

    let strict_out = dir.path().join("strict.csv");
    let strict = wine.run(&[
        "calc",
        SAMPLE,
        "--strict",
        "--out",
        &windows_path(&strict_out),
    ]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(!strict_out.exists(), "nothing written under --strict");
    assert!(fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .next()
        .is_none());

    assert_eq!(wine.run(&["calc", "--frobnicate"]).status.code(), Some(2));
    assert_eq!(wine.run(&["nonsense"]).status.code(), Some(2));
}

#[test]
fn run_sample_bat_runs_the_sample_from_its_own_folder() {
    let Some(wine) = wine() else { return };
    // The unzipped folder, as a double-click starts it: from elsewhere.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let folder = dir.path().join("下载").join("subsidy");
    fs::create_dir_all(folder.join("samples")).unwrap_or_else(|e| panic!("{e}"));
    for file in [SAMPLE, LEDGER] {
        fs::copy(Path::new(ROOT).join(file), folder.join(file)).unwrap_or_else(|e| panic!("{e}"));
    }
    let bin = wine.exe.parent().unwrap_or(Path::new("."));
    for file in ["subsidy.exe", "bcryptprimitives.dll"] {
        fs::copy(bin.join(file), folder.join(file)).unwrap_or_else(|e| panic!("{e}"));
    }
    let bat = fs::read_to_string(Path::new(ROOT).join("dist/windows/run-sample.bat"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        bat.is_ascii(),
        "cmd.exe reads a .bat in the console's code page"
    );
    let crlf: String = bat.lines().map(|l| format!("{l}\r\n")).collect();
    fs::write(folder.join("run-sample.bat"), crlf).unwrap_or_else(|e| panic!("{e}"));

    let out = Command::new("wine")
        .args(["cmd", "/c"])
        .arg(windows_path(&folder.join("run-sample.bat")))
        .current_dir(dir.path())
        .env("WINEPREFIX", &wine.prefix)
        .env("WINEDEBUG", "-all")
        .env_remove("SUBSIDY_LANG")
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("wine cannot start: {e}"));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("合计：输入 66 行 = 全额 34 + 封顶 8 + 驳回 12 + 人工 4 + 无效 8"),
        "{stdout}"
    );
}

#[test]
fn a_gb18030_claims_file_as_windows_saves_it_pays_what_the_utf8_sample_pays() {
    let Some(wine) = wine() else { return };
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let sample = fs::read_to_string(SAMPLE).unwrap_or_else(|e| panic!("{e}"));
    // What Excel on Chinese Windows writes for "CSV (逗号分隔)": GB18030, CR LF.
    let crlf = sample.replace('\n', "\r\n");
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&crlf);
    assert!(!unmappable);
    let claims = dir.path().join("申报-gbk.csv");
    fs::write(&claims, &gbk).unwrap_or_else(|e| panic!("{e}"));
    let from_linux = dir.path().join("linux.csv");
    let from_windows = dir.path().join("windows.csv");
    let out = linux(&["calc", SAMPLE, "--out", &from_linux.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = wine.run(&[
        "calc",
        &windows_path(&claims),
        "--out",
        &windows_path(&from_windows),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let linux_bytes = fs::read(&from_linux).unwrap_or_else(|e| panic!("{e}"));
    let windows_bytes = fs::read(&from_windows).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        linux_bytes == windows_bytes,
        "the payouts differ ({} and {} bytes)",
        linux_bytes.len(),
        windows_bytes.len()
    );
}
