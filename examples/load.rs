//! Load on `subsidy serve` over loopback: rounds of 200 concurrent
//! requests (one connection each, std TcpStream), every one a full dry run
//! and result page; prints p50, p99 and the slowest, and fails on any
//! error or a non-200 answer.
//!
//! cargo run --release --example load [ROUNDS]   (default 10 rounds = 2,000 requests)

#[path = "../tests/http/mod.rs"]
mod http;

use std::time::{Duration, Instant};

const CONCURRENT: usize = 200;

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10)
        .clamp(1, 100);
    let policy = subsidy::policy::bundled().expect("the bundled policy");
    let address = subsidy::serve::spawn(policy, "127.0.0.1:0").expect("serves");
    let paths = [
        "/?item=high_value_patent&type=enterprise&quantity=3&date=2024-05-01",
        "/?item=patent_transfer&type=enterprise&amount=12345.70&date=2024-05-01",
        "/?item=patent_navigation&type=enterprise&amount=150000&date=2024-05-01",
        "/catalogue",
    ];
    let mut times: Vec<Duration> = Vec::with_capacity(rounds * CONCURRENT);
    let start = Instant::now();
    for _ in 0..rounds {
        let threads: Vec<_> = (0..CONCURRENT)
            .map(|i| {
                let path = paths[i % paths.len()];
                std::thread::spawn(move || {
                    let t = Instant::now();
                    let reply = http::get(address, path);
                    (t.elapsed(), reply.map(|r| r.status))
                })
            })
            .collect();
        for t in threads {
            let (took, status) = t.join().expect("a client thread");
            match status {
                Ok(200) => times.push(took),
                Ok(s) => panic!("status {s}"),
                Err(e) => panic!("request failed: {e}"),
            }
        }
    }
    let total = start.elapsed();
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q).ceil() as usize).saturating_sub(1)];
    println!(
        "{} requests in {rounds} rounds of {CONCURRENT} concurrent, {total:.2?}: \
         p50 {:.1?}, p99 {:.1?}, max {:.1?}; no errors",
        times.len(),
        at(0.50),
        at(0.99),
        times[times.len() - 1]
    );
}
