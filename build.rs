//! Build-time facts for `subsidy --version` and the JSON output: the git
//! commit the binary is built from and the id of the bundled policy.
//!
//! Sets `SUBSIDY_GIT_COMMIT` (short hash, or "unknown" when git or the
//! repository is absent, e.g. a source zip), `SUBSIDY_POLICY_ID` and
//! `SUBSIDY_LONG_VERSION` for `env!()`.

use std::path::{Path, PathBuf};
use std::process::Command;

const POLICY: &str = "policy/lianzhou-2024.toml";

fn main() {
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());

    println!("cargo:rerun-if-changed={POLICY}");
    println!("cargo:rerun-if-changed=build.rs");
    let policy_id = std::fs::read_to_string(dir.join(POLICY))
        .ok()
        .and_then(|text| top_level_id(&text))
        .unwrap_or_else(|| "unknown".to_string());

    let commit = git_commit(&dir).unwrap_or_else(|| "unknown".to_string());

    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    println!("cargo:rustc-env=SUBSIDY_GIT_COMMIT={commit}");
    println!("cargo:rustc-env=SUBSIDY_POLICY_ID={policy_id}");
    println!(
        "cargo:rustc-env=SUBSIDY_LONG_VERSION={version} (commit {commit}, policy {policy_id})"
    );
}

/// The `id = "…"` of the policy file, before its first table.
fn top_level_id(text: &str) -> Option<String> {
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            return None;
        }
        let Some(rest) = line.strip_prefix("id") else {
            continue;
        };
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let value = value.trim();
        let value = value.strip_prefix('"')?;
        let end = value.find('"')?;
        return Some(value[..end].to_string());
    }
    None
}

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The short commit hash, only when this directory is itself the top of a
/// git work tree (a source zip unpacked inside another repository is not).
fn git_commit(dir: &Path) -> Option<String> {
    let top = PathBuf::from(git(dir, &["rev-parse", "--show-toplevel"])?);
    if top.canonicalize().ok()? != dir.canonicalize().ok()? {
        return None;
    }
    // Rebuild when HEAD moves: HEAD itself, the branch it names, packed refs.
    for path in [
        Some("HEAD".to_string()),
        git(dir, &["symbolic-ref", "-q", "HEAD"]),
        Some("packed-refs".to_string()),
    ]
    .into_iter()
    .flatten()
    {
        if let Some(file) = git(dir, &["rev-parse", "--git-path", &path]) {
            let file = PathBuf::from(file);
            let file = if file.is_absolute() {
                file
            } else {
                dir.join(file)
            };
            if file.exists() {
                println!("cargo:rerun-if-changed={}", file.display());
            }
        }
    }
    git(dir, &["rev-parse", "--short", "HEAD"])
}
