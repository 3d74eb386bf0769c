//! `cargo xtask bench`: measurements anyone can rerun, written to BENCHMARKS.md.
//! Speed is measured here, never asserted in tests.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use crate::sandbox::SandboxProcess;
use crate::shell;

const RUNS: usize = 7;
const PAGE_REQUESTS: usize = 25;

/// Runs every benchmark and rewrites BENCHMARKS.md.
pub fn run() -> anyhow::Result<()> {
    shell::run(shell::cargo().args(["build", "--release", "-p", "stripe-sandbox"]))?;
    let binary = shell::target_dir().join("release").join("stripe-sandbox");

    let mut starts = Vec::new();
    let mut pages = Vec::new();
    let mut rss = Vec::new();
    for run in 0..RUNS {
        let started = Instant::now();
        let sandbox = SandboxProcess::start(&binary, &["--customers", "10000"])?;
        starts.push(started.elapsed().as_secs_f64() * 1000.0);
        rss.push(resident_mb(sandbox.id()).unwrap_or(0.0));
        let mut samples = page_times(&sandbox.url)?;
        pages.push(median(&mut samples));
        drop(sandbox);
        eprintln!(
            "bench: run {}/{RUNS}: start {:.0} ms, page {:.1} ms",
            run + 1,
            starts[run],
            pages[run]
        );
    }

    let report = format!(
        "# Benchmarks\n\n\
         Produced by `cargo xtask bench` on {date}. Each figure is the median of {RUNS} runs, with the\n\
         spread (min–max) beside it. Goals come from the issues; a missed goal says by how much and why.\n\n\
         **Machine:** {machine}\n\n\
         ## Stripe sandbox (`stripe-sandbox`, release build)\n\n\
         Command: `target/release/stripe-sandbox --customers 10000` (1 subscription, 4 invoices and 1 card per\n\
         customer: 70,020 objects). *Start* is process spawn to the `listening on` line. *Page* is the median of\n\
         {PAGE_REQUESTS} `GET /v1/invoices?limit=100` over one keep-alive connection (about 540 kB of JSON each).\n\
         The first run of a session starts from a cold page cache, which is the top of the start spread.\n\n\
         | measure | goal | median | spread |\n\
         | --- | --- | --- | --- |\n\
         | start with 10,000 customers | < 1 s | {start_median:.0} ms | {start_min:.0}–{start_max:.0} ms |\n\
         | 100-object page | < 20 ms | {page_median:.1} ms | {page_min:.1}–{page_max:.1} ms |\n\
         | resident memory after start | — | {rss_median:.0} MB | {rss_min:.0}–{rss_max:.0} MB |\n",
        date = today(),
        machine = machine(),
        start_median = median(&mut starts.clone()),
        start_min = min(&starts),
        start_max = max(&starts),
        page_median = median(&mut pages.clone()),
        page_min = min(&pages),
        page_max = max(&pages),
        rss_median = median(&mut rss.clone()),
        rss_min = min(&rss),
        rss_max = max(&rss),
    );
    let path = shell::root().join("BENCHMARKS.md");
    std::fs::write(&path, report).with_context(|| format!("writing {}", path.display()))?;
    println!("bench: wrote {}", path.display());
    Ok(())
}

/// Milliseconds per `GET /v1/invoices?limit=100`, over one keep-alive connection.
fn page_times(url: &str) -> anyhow::Result<Vec<f64>> {
    let address = url.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address)?;
    // One write per request and no Nagle, or delayed ACKs add 40 ms to each.
    stream.set_nodelay(true)?;
    let request = format!(
        "GET /v1/invoices?limit=100 HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer sk_test_sandbox\r\n\r\n"
    );
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut times = Vec::new();
    for _ in 0..PAGE_REQUESTS {
        let started = Instant::now();
        stream.write_all(request.as_bytes())?;
        let mut length = 0usize;
        let mut status = String::new();
        reader.read_line(&mut status)?;
        if !status.contains(" 200 ") {
            bail!("the sandbox answered {status:?}");
        }
        loop {
            let mut header = String::new();
            reader.read_line(&mut header)?;
            if header == "\r\n" {
                break;
            }
            if let Some(value) = header.to_ascii_lowercase().strip_prefix("content-length:") {
                length = value.trim().parse()?;
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body)?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(times)
}

fn resident_mb(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

fn min(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::INFINITY, f64::min)
}

fn max(values: &[f64]) -> f64 {
    values.iter().copied().fold(0.0, f64::max)
}

fn today() -> String {
    Command::new("date")
        .arg("+%Y-%m-%d")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| format!("{:.0} GiB", kb / 1024.0 / 1024.0))
        .unwrap_or_default();
    format!(
        "{cpu}, {cores} cores, {memory} RAM, {} {}",
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}
