//! `--out` through the real binary: what it does to a regular file, a
//! symbolic link, a FIFO, a device node, and when the write fails (a missing
//! directory, a full or read-only disk, a killed process). Everything happens
//! inside temporary directories; nothing here touches a real path under /dev.

use std::fs;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use crate::common::subsidy;

const SAMPLE: &str = "samples/claims-2024.csv";

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

fn is_root() -> bool {
    StdCommand::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// What the sample's payout looks like, written to stdout.
fn sample_payout() -> Vec<u8> {
    let out = subsidy()
        .args(["calc", SAMPLE, "--format", "csv"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    out.stdout
}

fn read(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn run_ok(cmd: &str, args: &[&str]) -> bool {
    StdCommand::new(cmd)
        .args(args)
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// A claims file of `rows` distinct, valid claims.
fn big_claims(path: &Path, rows: usize) {
    let mut text = String::with_capacity(rows * 100);
    text.push_str(crate::common::HEADER);
    text.push('\n');
    for i in 0..rows {
        text.push_str(&format!(
            "K{i},91441882MA{i:08},连州市测试{i}有限公司,enterprise,high_value_patent,2024-03-01,1,,ZL{i},,,,,\n"
        ));
    }
    fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_regular_file_is_replaced_whole_and_nothing_else_is_left() {
    let dir = tempdir();
    let out = dir.path().join("payout.csv");
    fs::write(&out, "old\n").unwrap_or_else(|e| panic!("{e}"));
    subsidy()
        .args(["calc", SAMPLE, "--out"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(read(&out), sample_payout());
    assert_eq!(names_in(dir.path()), ["payout.csv"]);
}

#[test]
fn a_new_payout_is_made_as_the_umask_says() {
    let dir = tempdir();
    let out = dir.path().join("payout.csv");
    let bin = assert_cmd::cargo::cargo_bin("subsidy");
    let status = StdCommand::new("sh")
        .args(["-c", "umask 027 && exec \"$0\" calc \"$1\" --out \"$2\""])
        .arg(&bin)
        .arg(SAMPLE)
        .arg(&out)
        .stderr(Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success());
    let meta = fs::metadata(&out).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(meta.mode() & 0o7777, 0o640);
}

#[test]
fn a_0600_payout_stays_0600() {
    let dir = tempdir();
    let out = dir.path().join("payout.csv");
    fs::write(&out, "old\n").unwrap_or_else(|e| panic!("{e}"));
    fs::set_permissions(&out, fs::Permissions::from_mode(0o600)).unwrap_or_else(|e| panic!("{e}"));
    subsidy()
        .args(["calc", SAMPLE, "--out"])
        .arg(&out)
        .assert()
        .success();
    let meta = fs::metadata(&out).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(meta.mode() & 0o7777, 0o600);
    assert_eq!(read(&out), sample_payout());
}

#[test]
fn the_owner_of_a_payout_is_kept_when_root() {
    if !is_root() {
        eprintln!("SKIPPED the_owner_of_a_payout_is_kept_when_root: needs root for chown");
        return;
    }
    let dir = tempdir();
    let out = dir.path().join("payout.csv");
    fs::write(&out, "old\n").unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::chown(&out, Some(4321), Some(4322)).unwrap_or_else(|e| panic!("{e}"));
    fs::set_permissions(&out, fs::Permissions::from_mode(0o640)).unwrap_or_else(|e| panic!("{e}"));
    subsidy()
        .args(["calc", SAMPLE, "--out"])
        .arg(&out)
        .assert()
        .success();
    let meta = fs::metadata(&out).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((meta.uid(), meta.gid()), (4321, 4322));
    assert_eq!(meta.mode() & 0o7777, 0o640);
    assert_eq!(read(&out), sample_payout());
}

#[test]
fn a_symlink_is_followed_and_stays_a_link() {
    let dir = tempdir();
    let target = dir.path().join("target.csv");
    let link = dir.path().join("link.csv");
    fs::write(&target, "old\n").unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink("target.csv", &link).unwrap_or_else(|e| panic!("{e}"));
    subsidy()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["calc", SAMPLE, "--out"])
        .arg(&link)
        .assert()
        .success();
    let meta = fs::symlink_metadata(&link).unwrap_or_else(|e| panic!("{e}"));
    assert!(meta.file_type().is_symlink(), "the link was replaced");
    assert_eq!(read(&target), sample_payout());
    assert_eq!(names_in(dir.path()), ["link.csv", "target.csv"]);
}

#[test]
fn a_fifo_is_written_into_not_replaced() {
    let dir = tempdir();
    let fifo = dir.path().join("pipe");
    assert!(run_ok("mkfifo", &[&fifo.to_string_lossy()]), "mkfifo");
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut got = Vec::new();
            fs::File::open(&fifo)
                .and_then(|mut f| f.read_to_end(&mut got))
                .unwrap_or_else(|e| panic!("{e}"));
            got
        })
    };
    subsidy()
        .args(["calc", SAMPLE, "--out"])
        .arg(&fifo)
        .assert()
        .success();
    let got = reader.join().unwrap_or_else(|_| panic!("reader thread"));
    assert_eq!(got, sample_payout());
    let meta = fs::symlink_metadata(&fifo).unwrap_or_else(|e| panic!("{e}"));
    assert!(meta.file_type().is_fifo(), "the FIFO was replaced");
    assert_eq!(names_in(dir.path()), ["pipe"]);
}

#[test]
fn a_device_node_is_written_into_not_replaced() {
    if !is_root() {
        eprintln!("SKIPPED a_device_node_is_written_into_not_replaced: needs root for mknod");
        return;
    }
    let dir = tempdir();
    // A node like /dev/null (char 1:3), made inside the temporary directory.
    let node = dir.path().join("null");
    if !run_ok("mknod", &[&node.to_string_lossy(), "c", "1", "3"]) {
        eprintln!("SKIPPED a_device_node_is_written_into_not_replaced: mknod failed here");
        return;
    }
    let before = fs::symlink_metadata(&node).unwrap_or_else(|e| panic!("{e}"));
    subsidy()
        .args(["calc", SAMPLE, "--out"])
        .arg(&node)
        .assert()
        .success();
    let after = fs::symlink_metadata(&node).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        after.file_type().is_char_device(),
        "the device node was replaced"
    );
    assert_eq!(after.rdev(), before.rdev());
    assert_eq!(after.ino(), before.ino());
    assert_eq!(names_in(dir.path()), ["null"]);
}

#[test]
fn a_missing_directory_fails_with_the_path_and_exit_1() {
    let dir = tempdir();
    let out = dir.path().join("no-such-dir").join("payout.csv");
    let got = subsidy()
        .args(["--lang", "en", "calc", SAMPLE, "--out"])
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&got.stderr);
    assert!(
        stderr.contains(&format!(
            "{}: cannot write: No such file or directory",
            out.display()
        )),
        "{stderr}"
    );
    assert_eq!(names_in(dir.path()), Vec::<String>::new());
}

/// A small tmpfs mounted inside a temporary directory, unmounted on drop.
struct Tmpfs {
    dir: tempfile::TempDir,
    mounted: bool,
}

impl Tmpfs {
    fn mount(test: &str, size: &str) -> Option<Tmpfs> {
        if !is_root() {
            eprintln!("SKIPPED {test}: needs root to mount a tmpfs");
            return None;
        }
        let dir = tempdir();
        let path = dir.path().to_string_lossy().into_owned();
        let options = format!("size={size},mode=0755");
        if !run_ok("mount", &["-t", "tmpfs", "-o", &options, "tmpfs", &path]) {
            eprintln!("SKIPPED {test}: mount -t tmpfs failed here");
            return None;
        }
        Some(Tmpfs { dir, mounted: true })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        if self.mounted {
            let _ = run_ok("umount", &[&self.dir.path().to_string_lossy()]);
        }
    }
}

#[test]
fn a_full_disk_leaves_the_earlier_file_and_no_temporary_file() {
    let Some(disk) = Tmpfs::mount("a_full_disk_leaves_the_earlier_file", "64k") else {
        return;
    };
    let claims_dir = tempdir();
    let claims = claims_dir.path().join("claims.csv");
    big_claims(&claims, 2000); // a payout of some 400 KB
    let out = disk.path().join("payout.csv");
    fs::write(&out, "old\n").unwrap_or_else(|e| panic!("{e}"));
    let got = subsidy()
        .args(["--lang", "en", "calc"])
        .arg(&claims)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&got.stderr);
    assert!(
        stderr.contains(&format!(
            "{}: cannot write: No space left on device",
            out.display()
        )),
        "{stderr}"
    );
    assert_eq!(read(&out), b"old\n");
    assert_eq!(names_in(disk.path()), ["payout.csv"]);
}

#[test]
fn a_read_only_disk_leaves_the_earlier_file() {
    let Some(disk) = Tmpfs::mount("a_read_only_disk_leaves_the_earlier_file", "1m") else {
        return;
    };
    let out = disk.path().join("payout.csv");
    fs::write(&out, "old\n").unwrap_or_else(|e| panic!("{e}"));
    let path = disk.path().to_string_lossy().into_owned();
    assert!(run_ok("mount", &["-o", "remount,ro", &path]), "remount ro");
    let got = subsidy()
        .args(["--lang", "en", "calc", SAMPLE, "--out"])
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&got.stderr);
    assert!(
        stderr.contains(&format!(
            "{}: cannot write: Read-only file system",
            out.display()
        )),
        "{stderr}"
    );
    assert_eq!(read(&out), b"old\n");
    assert_eq!(names_in(disk.path()), ["payout.csv"]);
}

/// The files under `dir` the process `pid` has open, other than `except`.
fn open_files_under(pid: u32, dir: &Path, except: &[PathBuf]) -> Vec<String> {
    let Ok(fds) = fs::read_dir(format!("/proc/{pid}/fd")) else {
        return Vec::new();
    };
    fds.filter_map(|e| e.ok())
        .filter_map(|e| fs::read_link(e.path()).ok())
        .filter(|t| t.starts_with(dir) && !except.contains(t))
        .map(|t| t.to_string_lossy().into_owned())
        .collect()
}

#[test]
fn a_process_killed_mid_write_leaves_the_earlier_file_and_no_temporary_file() {
    let dir = tempdir();
    let root = fs::canonicalize(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let claims = root.join("claims.csv");
    big_claims(&claims, 200_000);
    let out = root.join("payout.csv");
    fs::write(&out, "old\n").unwrap_or_else(|e| panic!("{e}"));
    let bin = assert_cmd::cargo::cargo_bin("subsidy");
    let mut child = StdCommand::new(bin)
        .args(["calc"])
        .arg(&claims)
        .arg("--out")
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    // Wait until it has the temporary file open, then kill it.
    let start = Instant::now();
    let mut writing = Vec::new();
    while writing.is_empty() {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("finished ({status}) before it could be killed mid-write");
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "never started writing"
        );
        writing = open_files_under(child.id(), &root, &[claims.clone(), out.clone()]);
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap_or_else(|e| panic!("{e}"));
    let _ = child.wait();
    eprintln!("killed while writing {writing:?}");
    assert_eq!(read(&out), b"old\n");
    assert_eq!(names_in(&root), ["claims.csv", "payout.csv"]);
}
