//! The page in a real browser: headless Chromium loads three result pages
//! (the form is sent with GET, so a URL is a submission) and the figures
//! are read from the DOM it built, with /app.js run under the page's
//! Content-Security-Policy. A screenshot of a result page is taken.
//!
//! Without Chromium the test says so and passes, unless
//! SUBSIDY_BROWSER_REQUIRED=1 (set by .ci/run, which installs it).
//! SUBSIDY_KEEP_SCREENSHOT=1 copies the screenshot to tests/artifacts/.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::http::data_value;

/// The Chromium to drive: SUBSIDY_CHROMIUM, else the first of Debian's
/// and other distributions' names that runs.
fn chromium() -> Option<String> {
    let named = std::env::var("SUBSIDY_CHROMIUM")
        .ok()
        .filter(|s| !s.is_empty());
    named
        .into_iter()
        .chain(["chromium", "chromium-browser", "google-chrome"].map(String::from))
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
}

/// Runs headless Chromium with `args` and the URL; its stdout. Killed
/// after two minutes.
fn run(browser: &str, profile: &Path, args: &[String], url: &str) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let start = Instant::now();
    while child.try_wait().expect("chromium runs").is_none() {
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish within two minutes on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("chromium's output");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The opening tag of the element that has `data-field="name"`.
fn field_tag<'a>(dom: &'a str, name: &str) -> &'a str {
    let at = dom.find(&format!("data-field=\"{name}\"")).expect(name);
    let open = dom[..at].rfind('<').expect("a tag");
    let close = at + dom[at..].find('>').expect("the tag ends");
    &dom[open..=close]
}

#[test]
fn three_claims_in_headless_chromium() {
    let Some(browser) = chromium() else {
        let required = std::env::var("SUBSIDY_BROWSER_REQUIRED").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "SUBSIDY_BROWSER_REQUIRED=1 but no chromium was found"
        );
        eprintln!("skipped: tests/browser.rs: no chromium on PATH (apt-get install chromium, or set SUBSIDY_CHROMIUM)");
        return;
    };
    let policy = subsidy::policy::bundled().expect("the bundled policy");
    let address = subsidy::serve::spawn(policy, "127.0.0.1:0").expect("serves");
    let profile = tempfile::tempdir().expect("a profile folder");
    let base = format!("http://{address}/?date=2024-05-01&type=enterprise");
    let cases = [
        (
            "high_value_patent",
            "quantity=3",
            "6000.00",
            "6000.00",
            "paid",
        ),
        // 5% of 12,345.70 is 617.285: half a fen, rounded up.
        (
            "patent_transfer",
            "amount=12345.70",
            "617.29",
            "617.29",
            "paid",
        ),
        (
            "patent_navigation",
            "amount=150000",
            "150000.00",
            "100000.00",
            "capped",
        ),
    ];
    for (item, given, computed, payable, status) in cases {
        let url = format!("{base}&item={item}&{given}");
        let dom = run(&browser, profile.path(), &["--dump-dom".into()], &url);
        assert!(dom.contains("id=\"result\""), "no result for {item}: {dom}");
        assert_eq!(
            data_value(&dom, "computed").as_deref(),
            Some(computed),
            "{item}"
        );
        assert_eq!(
            data_value(&dom, "payable").as_deref(),
            Some(payable),
            "{item}"
        );
        assert_eq!(
            data_value(&dom, "status").as_deref(),
            Some(status),
            "{item}"
        );
        // /app.js ran (the server hides the unused fields of a result too).
        assert!(
            dom.contains("data-script=\"ran\""),
            "{item}: /app.js did not run"
        );
        // The fields the item does not use are hidden.
        assert!(
            field_tag(&dom, "score").contains("hidden"),
            "{item}: {}",
            field_tag(&dom, "score")
        );
        let used = if item == "high_value_patent" {
            "quantity"
        } else {
            "amount"
        };
        assert!(
            !field_tag(&dom, used).contains("hidden"),
            "{item}: {used} hidden"
        );
    }
    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("page-result.png");
    let _ = std::fs::remove_file(&shot);
    let url = format!("{base}&item=patent_navigation&amount=150000");
    run(
        &browser,
        profile.path(),
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1200,1800".into(),
            "--hide-scrollbars".into(),
        ],
        &url,
    );
    let png = std::fs::read(&shot).expect("the screenshot was written");
    assert!(png.starts_with(b"\x89PNG"), "not a PNG");
    if std::env::var("SUBSIDY_KEEP_SCREENSHOT").is_ok_and(|v| v == "1") {
        let keep = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts/page-result.png");
        std::fs::create_dir_all(keep.parent().expect("a folder")).expect("tests/artifacts");
        std::fs::copy(&shot, &keep).expect("the screenshot is kept");
    }
}
