//! `subsidy serve`: the page shows what `check` computes, for every item;
//! bad values are shown beside their field; large requests are refused;
//! every response carries the Content-Security-Policy; values are escaped;
//! 200 concurrent requests are all served.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::http::{enc, get, post};
use assert_cmd::cargo::CommandCargoExt;
use subsidy::policy::{bundled, Item, Kind, Policy};

fn policy() -> Policy {
    bundled().expect("the bundled policy loads")
}

/// One server for the tests of this file.
fn server() -> SocketAddr {
    static ADDRESS: OnceLock<SocketAddr> = OnceLock::new();
    *ADDRESS.get_or_init(|| subsidy::serve::spawn(policy(), "127.0.0.1:0").expect("serves"))
}

/// A claim of an item that the item accepts: its first applicant type,
/// its first tag, its facts at their minimum, a quantity for a per-unit
/// item and an amount where one is needed. (field, value) pairs.
fn sample(policy: &Policy, item: &Item) -> Vec<(&'static str, String)> {
    let t = (0..32u8)
        .find(|t| item.applicants.contains(*t))
        .expect("a type");
    let mut fields = vec![
        ("item", item.id.clone()),
        ("type", policy.applicant_types[usize::from(t)].id.clone()),
        ("date", "2024-05-01".to_string()),
    ];
    if item.per_unit {
        fields.push((
            "quantity",
            item.min_quantity.unwrap_or(1).max(3).to_string(),
        ));
    }
    if item.needs_amount() || matches!(item.kind, Kind::Floor { .. }) {
        fields.push(("amount", "12345.70".to_string()));
    }
    if let Some(tag) = item.tags_any.iter().next() {
        fields.push(("tags", policy.tags[usize::from(tag)].id.clone()));
    }
    for (fact, minimum) in &item.facts_min {
        let id = &policy.facts[usize::from(*fact)].id;
        fields.push(("fact", format!("{id}={}", minimum.normalize())));
    }
    fields
}

/// (status, computed, payable, cut) as `subsidy check` prints them.
fn check(fields: &[(&str, String)]) -> [String; 4] {
    let mut cmd = Command::cargo_bin("subsidy").expect("the binary");
    cmd.args(["--lang", "en", "check"]);
    for (name, value) in fields {
        cmd.arg(format!("--{name}")).arg(value);
    }
    let out = cmd.output().expect("check runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{fields:?}: {stdout}");
    let line = stdout
        .lines()
        .find_map(|l| l.strip_prefix("result: "))
        .unwrap_or_else(|| panic!("no result line for {fields:?}: {stdout}"));
    let parts: Vec<&str> = line.split(" · ").collect();
    let money = |i: usize, word: &str| {
        parts[i]
            .strip_prefix(word)
            .unwrap_or_default()
            .trim()
            .replace(['¥', ','], "")
    };
    [
        parts[0]
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string(),
        money(1, "computed"),
        money(2, "payable"),
        money(3, "cut"),
    ]
}

/// The query of a sample, as the page's form sends it.
fn query(fields: &[(&str, String)]) -> String {
    fields
        .iter()
        .map(|(name, value)| match (*name, value.split_once('=')) {
            ("fact", Some((id, v))) => format!("fact_{id}={}", enc(v)),
            _ => format!("{name}={}", enc(value)),
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[test]
fn the_page_shows_what_check_computes_for_every_item() {
    let policy = policy();
    assert!(policy.items.len() > 30);
    for item in &policy.items {
        let fields = sample(&policy, item);
        let expected = check(&fields);
        let reply = get(server(), &format!("/?{}", query(&fields))).expect("a reply");
        assert_eq!(reply.status, 200, "{}", item.id);
        let shown = ["status", "computed", "payable", "cut"].map(|id| {
            reply
                .value(id)
                .unwrap_or_else(|| panic!("no {id} for {}", item.id))
        });
        assert_eq!(shown, expected, "item {}", item.id);
    }
}

#[test]
fn the_three_figures_of_the_issue() {
    for (q, computed, payable, status) in [
        (
            "item=high_value_patent&type=enterprise&quantity=3",
            "6000.00",
            "6000.00",
            "paid",
        ),
        (
            "item=patent_transfer&type=enterprise&amount=12345.70",
            "617.29",
            "617.29",
            "paid",
        ),
        (
            "item=patent_transfer&type=enterprise&amount=12345.67",
            "617.28",
            "617.28",
            "paid",
        ),
        (
            "item=patent_navigation&type=enterprise&amount=150000",
            "150000.00",
            "100000.00",
            "capped",
        ),
    ] {
        let reply = get(server(), &format!("/?{q}&date=2024-05-01")).expect("a reply");
        assert_eq!(reply.value("computed").as_deref(), Some(computed), "{q}");
        assert_eq!(reply.value("payable").as_deref(), Some(payable), "{q}");
        assert_eq!(reply.value("status").as_deref(), Some(status), "{q}");
    }
}

#[test]
fn items_are_found_by_chinese_name_and_the_result_has_its_sources() {
    let name = enc("专利受让、许可实施");
    let q = format!("/?item={name}&type=%E4%BC%81%E4%B8%9A&amount=1%2C000&date=2024-05-01");
    let reply = get(server(), &q).expect("a reply");
    assert_eq!(
        reply.value("payable").as_deref(),
        Some("50.00"),
        "{}",
        reply.body
    );
    assert!(
        reply.body.contains("<blockquote id=\"item-source\">“"),
        "the quoted source sentence"
    );
    assert!(
        reply.body.contains("class=\"passed\">✓") && reply.body.contains("class=\"unchecked\">○")
    );
    assert!(
        reply.body.contains("须由受理窗口核验"),
        "the intake conditions"
    );
    assert!(reply.body.contains("id=\"not-known\""));
    assert!(reply.body.contains("id=\"draft\""), "the draft notice");
    let en = get(server(), &format!("{q}&lang=en")).expect("a reply");
    assert!(en.body.contains("Payable") && en.body.contains("lang=\"en\""));
    assert!(!en.body.contains("拨付金额"));
}

#[test]
fn a_bad_value_is_shown_beside_its_field() {
    let q = "/?item=patent_transfer&type=nobody&amount=12x&date=2024-02-30";
    let reply = get(server(), q).expect("a reply");
    assert_eq!(reply.status, 200);
    assert!(!reply.body.contains("id=\"result\""));
    for field in ["type", "amount", "date"] {
        let at = reply
            .body
            .find(&format!("data-field=\"{field}\""))
            .expect(field);
        let end = at + reply.body[at..].find("</div>").expect("the field ends");
        assert!(
            reply.body[at..end].contains("class=\"problem\""),
            "no problem beside {field}: {}",
            &reply.body[at..end]
        );
    }
    let unknown = get(server(), "/?item=no_such_item&type=enterprise").expect("a reply");
    assert_eq!(unknown.status, 200);
    assert!(unknown.body.contains("class=\"problem\""));
    // A part of a name several items share: the problem links to the
    // catalogue filtered by it.
    let part = get(server(), &format!("/?item={}&type=enterprise", enc("专利"))).expect("a reply");
    let link = format!("href=\"/catalogue?lang=zh&amp;q={}\"", enc("专利"));
    assert!(part.body.contains(&link), "{}", part.body);
}

#[test]
fn values_are_escaped() {
    let script = enc("<script>alert(1)</script>\"'");
    let reply = get(
        server(),
        &format!("/?item={script}&type={script}&date={script}"),
    )
    .expect("a reply");
    assert_eq!(reply.status, 200);
    assert!(!reply.body.contains("<script>alert"));
    assert!(!reply.body.contains("</script>\""));
    assert!(reply
        .body
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;"));
    let search = get(server(), &format!("/catalogue?q={script}")).expect("a reply");
    assert!(!search.body.contains("<script>alert"));
}

#[test]
fn every_response_carries_the_security_headers() {
    for path in [
        "/",
        "/?item=high_value_patent",
        "/catalogue",
        "/app.js",
        "/app.css",
        "/nothing",
    ] {
        let reply = get(server(), path).expect("a reply");
        let csp = reply.header("content-security-policy").unwrap_or_default();
        assert!(csp.contains("default-src 'self'"), "{path}: {csp}");
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}"
        );
        assert_eq!(
            reply.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
    }
    let page = get(server(), "/").expect("a reply");
    assert!(!page.body.contains("<script>"), "no inline script");
    assert!(!page.body.contains("style=\""), "no inline style");
    // Without the script every field shows: the server hides none.
    assert!(
        !page.body.contains(" hidden"),
        "a field hidden without the script"
    );
    assert_eq!(get(server(), "/nothing").expect("a reply").status, 404);
}

#[test]
fn large_requests_are_refused() {
    let big = format!(
        "item=high_value_patent&type=enterprise&ref={}",
        "A".repeat(17 * 1024)
    );
    assert_eq!(
        post(server(), "/", big.as_bytes()).expect("a reply").status,
        413
    );
    let small = "item=high_value_patent&type=enterprise&quantity=2&date=2024-05-01";
    let reply = post(server(), "/", small.as_bytes()).expect("a reply");
    assert_eq!(reply.status, 200);
    assert_eq!(reply.value("payable").as_deref(), Some("4000.00"));
    let long = format!("/?item=high_value_patent&ref={}", "A".repeat(17 * 1024));
    assert_eq!(get(server(), &long).expect("a reply").status, 414);
}

#[test]
fn the_catalogue_lists_every_item_grouped_by_clause_and_filters() {
    let policy = policy();
    let all = get(server(), "/catalogue").expect("a reply");
    assert_eq!(all.status, 200);
    for item in &policy.items {
        assert!(
            all.body.contains(&format!("<tr id=\"{}\">", item.id)),
            "{}",
            item.id
        );
    }
    assert!(all.body.contains("class=\"clause\"") && all.body.contains("id=\"draft\""));
    let pledge = get(server(), &format!("/catalogue?q={}", enc("质押"))).expect("a reply");
    assert!(pledge.body.contains("<tr id=\"pledge_interest\">"));
    assert!(!pledge.body.contains("<tr id=\"high_value_patent\">"));
    let en = get(server(), "/catalogue?lang=en").expect("a reply");
    assert!(en.body.contains("Catalogue of items"));
}

/// 200 requests at once, each on its own connection: every one answered
/// 200 with its figures. Prints the latencies' p50 and p99.
#[test]
fn two_hundred_concurrent_requests_are_all_served() {
    let address = server();
    let path = "/?item=patent_navigation&type=enterprise&amount=150000&date=2024-05-01";
    let start = Instant::now();
    let threads: Vec<_> = (0..200)
        .map(|_| {
            std::thread::spawn(move || {
                let t = Instant::now();
                let reply = get(address, path);
                (t.elapsed(), reply.map(|r| (r.status, r.value("payable"))))
            })
        })
        .collect();
    let mut times = Vec::new();
    for t in threads {
        let (took, reply) = t.join().expect("a client thread");
        let (status, payable) = reply.expect("an answer");
        assert_eq!((status, payable.as_deref()), (200, Some("100000.00")));
        times.push(took);
    }
    times.sort();
    // Speed is the load benchmark's (examples/load.rs); here every answer
    // must come, right, however slow the machine.
    let total = start.elapsed();
    eprintln!(
        "200 concurrent requests: p50 {:?}, p99 {:?}, all in {total:?}",
        times[99], times[197]
    );
}

#[test]
fn the_command_prints_its_address_and_serves_on_loopback() {
    let help = Command::cargo_bin("subsidy")
        .expect("the binary")
        .args(["serve", "--help"])
        .output()
        .expect("help");
    assert!(String::from_utf8_lossy(&help.stdout).contains("127.0.0.1:8080"));
    let mut child = Command::cargo_bin("subsidy")
        .expect("the binary")
        .args(["--lang", "en", "serve", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("serve starts");
    let mut line = String::new();
    let stdout = child.stdout.take().expect("stdout");
    BufReader::new(stdout).read_line(&mut line).expect("a line");
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .expect("the address");
    let address: SocketAddr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .expect("an address");
    let reply = get(
        address,
        "/?item=high_value_patent&type=enterprise&quantity=3&date=2024-05-01",
    );
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(
        reply.expect("a reply").value("payable").as_deref(),
        Some("6000.00")
    );
}

#[test]
fn the_derivation_marks_failed_checks_the_quota_and_intake_conditions() {
    let rejected = get(
        server(),
        "/?item=patent_transfer&type=individual&amount=1000&date=2024-05-01",
    )
    .expect("a reply");
    assert_eq!(rejected.value("status").as_deref(), Some("rejected"));
    assert!(rejected.body.contains("class=\"failed\">✗"));
    assert!(rejected.body.contains("<ul id=\"intake\">"));
    let quota = get(
        server(),
        "/?item=protection_station_excellent&type=organization&date=2024-05-01",
    )
    .expect("a reply");
    assert!(
        quota.body.contains("<p class=\"unchecked\">○"),
        "{}",
        quota.body
    );
    assert!(quota.body.contains("全市每年 2 个名额"));
    assert!(
        !quota.body.contains("--ledger"),
        "no command-line flags on the page"
    );
}

/// A server as `serve` runs it, but that waits one second where the real
/// one waits ten, so that the tests of slow clients take seconds, not
/// minutes.
fn impatient_server() -> SocketAddr {
    let patience = subsidy::serve::Patience {
        head: Duration::from_secs(1),
        body: Duration::from_secs(1),
        ..Default::default()
    };
    subsidy::serve::spawn_with(policy(), "127.0.0.1:0", patience).expect("serves")
}

/// A client that never finishes its request's head is cut off, and the
/// server goes on serving others meanwhile.
#[test]
fn a_slow_client_is_cut_off() {
    use std::io::{Read, Write};
    // What the README promises an office: ten seconds for a head or a body.
    let real = subsidy::serve::Patience::default();
    assert_eq!(
        (real.head, real.body),
        (Duration::from_secs(10), Duration::from_secs(10))
    );
    let address = impatient_server();
    let mut slow = std::net::TcpStream::connect(address).expect("connects");
    slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
        .expect("half a head");
    slow.set_read_timeout(Some(Duration::from_secs(30)))
        .expect("a timeout");
    let start = Instant::now();
    let other = get(address, "/catalogue").expect("another client is served");
    assert_eq!(other.status, 200);
    let mut rest = Vec::new();
    let _ = slow.read_to_end(&mut rest);
    let took = start.elapsed();
    assert!(
        took < Duration::from_secs(10),
        "the slow client held on for {took:?}"
    );
    assert!(took >= Duration::from_millis(900), "cut off after {took:?}");
}

/// A GET from another loopback address than the test's other clients;
/// the status of the reply.
#[cfg(target_os = "linux")]
fn status_from(source: &str, address: SocketAddr, path: &str) -> std::io::Result<u16> {
    use std::io::{Read, Write};
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let stream = runtime.block_on(async {
        let socket = tokio::net::TcpSocket::new_v4()?;
        socket.bind(
            format!("{source}:0")
                .parse()
                .map_err(std::io::Error::other)?,
        )?;
        socket.connect(address).await
    })?;
    let mut stream = stream.into_std()?;
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    stream.write_all(
        format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
    )?;
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply)?;
    String::from_utf8_lossy(&reply)
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("no status line"))
}

/// 1,100 clients that send a request's head and never its body, more than
/// the 1,024 connections served at once, all from one address: they held
/// every slot for a minute and other clients timed out. One address gets a
/// quarter of the slots, the rest are closed at once; a client elsewhere
/// is served meanwhile; and each slow body is answered 408 once its time
/// (here one second) is up.
#[cfg(target_os = "linux")]
#[test]
fn more_slow_clients_than_slots_leave_the_page_to_others() {
    use std::io::{Read, Write};
    let address = impatient_server();
    let head = "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nitem=";
    let start = Instant::now();
    let mut slow: Vec<std::net::TcpStream> = (0..1100)
        .filter_map(|_| {
            let mut s = std::net::TcpStream::connect(address).ok()?;
            let _ = s.write_all(head.as_bytes());
            Some(s)
        })
        .collect();
    assert!(slow.len() > 1024, "only {} slow clients", slow.len());
    let asked = Instant::now();
    assert_eq!(
        status_from("127.0.0.2", address, "/catalogue").expect("a reply"),
        200
    );
    let took = asked.elapsed();
    assert!(took < Duration::from_secs(5), "served after {took:?}");
    let first = &mut slow[0];
    first
        .set_read_timeout(Some(Duration::from_secs(40)))
        .expect("a timeout");
    let mut reply = Vec::new();
    let _ = first.read_to_end(&mut reply);
    let took = start.elapsed();
    let reply = String::from_utf8_lossy(&reply);
    assert!(reply.starts_with("HTTP/1.1 408"), "{reply}");
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(20),
        "answered after {took:?}"
    );
}

/// `subsidy serve` started as a command, stopped when dropped.
struct Served(std::process::Child, SocketAddr);

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn served() -> Served {
    let mut child = Command::cargo_bin("subsidy")
        .expect("the binary")
        .args(["serve", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("serve starts");
    let stdout = child.stdout.take();
    let mut served = Served(child, SocketAddr::from(([127, 0, 0, 1], 0)));
    let mut line = String::new();
    BufReader::new(stdout.expect("stdout"))
        .read_line(&mut line)
        .expect("a line");
    let at = line.find("http://").expect("the address") + "http://".len();
    let address: String = line[at..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ':')
        .collect();
    served.1 = address.parse().expect("an address");
    served
}

/// The table of figures of a result page.
fn figures(body: &str) -> &str {
    let start = body.find("<table class=\"figures\">").expect("figures");
    let end = body[start..].find("</table>").expect("end of figures");
    &body[start..start + end]
}

#[test]
fn the_page_showed_fields_the_item_does_not_use_ticked_an_unchecked_box_and_headlined_a_rejected_amount(
) {
    let server = served();
    // 新增高价值发明专利 is per patent and paid once per patent number: it
    // uses the quantity and the reference, not an amount, tags or a score.
    let paid = get(
        server.1,
        "/?item=high_value_patent&type=enterprise&quantity=3&date=2024-05-01",
    )
    .expect("a reply");
    assert_eq!(paid.value("payable").as_deref(), Some("6000.00"));
    for used in ["quantity", "ref", "date", "other_city_support"] {
        assert!(
            paid.body.contains(&format!("data-field=\"{used}\">")),
            "{used} is shown"
        );
    }
    for unused in ["amount", "tags", "score"] {
        assert!(
            paid.body
                .contains(&format!("data-field=\"{unused}\" hidden>")),
            "{unused} is hidden"
        );
    }
    assert!(paid
        .body
        .contains("name=\"amount\" type=\"text\" value=\"\" disabled>"));
    // Before an item is chosen every field shows.
    let empty = get(server.1, "/").expect("a reply");
    assert!(!empty.body.contains(" hidden>"), "nothing hidden");
    // The other-support box was left empty: the applicant's word, no ✓.
    assert!(paid
        .body
        .contains("<li class=\"declared\">您声明：未获市级其它政策扶持"));
    assert!(!paid.body.contains("✓ 未获市级其它政策扶持"));
    assert!(
        paid.body.contains("class=\"passed\">✓"),
        "the date was checked"
    );
    // Rejected (an individual may not claim 专利受让): 5% of 1,000 would be
    // 50, paid 0. The page leads with the 0 and does not call 50 核定金额.
    let rejected = get(
        server.1,
        "/?item=patent_transfer&type=individual&amount=1000&date=2024-05-01",
    )
    .expect("a reply");
    assert_eq!(rejected.value("status").as_deref(), Some("rejected"));
    assert_eq!(rejected.value("computed").as_deref(), Some("50.00"));
    assert_eq!(rejected.value("payable").as_deref(), Some("0.00"));
    let table = figures(&rejected.body);
    assert!(!table.contains("核定金额"), "{table}");
    assert!(table.contains("未驳回时的计算金额（未核定）"), "{table}");
    let (payable, computed) = (table.find("id=\"payable\""), table.find("id=\"computed\""));
    assert!(payable < computed, "{table}");
    // A paid claim keeps its 核定金额 first.
    let table = figures(&paid.body);
    assert!(table.contains("核定金额"), "{table}");
    assert!(table.find("id=\"computed\"") < table.find("id=\"payable\""));
}
