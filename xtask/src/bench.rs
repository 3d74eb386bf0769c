//! `cargo xtask bench`: measurements anyone can rerun, written to BENCHMARKS.md.
//! Speed is measured here, never asserted in tests.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::bail;

use crate::{report, shell};
use sandbox_launcher::SandboxProcess;

const RUNS: usize = 7;
const PAGE_REQUESTS: usize = 25;
/// Full syncs of the 10,000-customer scenario (about 30 s each).
const SYNC_RUNS: usize = 5;
/// Runs of the core's other measurements (open portal, search, cache writes).
const CORE_RUNS: usize = 5;
const PORTAL_CHANGES: usize = 50;
const SEARCH_CUSTOMERS: usize = 100_000;
/// The sandbox's latency while opening portals, taken off each measurement.
const PORTAL_LATENCY_MS: u64 = 150;
const WRITE_INVOICES: usize = 500_000;

/// Runs every benchmark and rewrites BENCHMARKS.md.
pub fn run() -> anyhow::Result<()> {
    let binary = build_release_tools()?;

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
         Produced by `cargo xtask bench` on {date}. Each figure is the median of several runs (the sandbox\n\
         {RUNS}, the syncs {SYNC_RUNS}, the core's other measurements {CORE_RUNS}, the window {WINDOW_RUNS}), with the\n\
         spread (min–max) beside it. Goals come from the issues; a missed goal says by how much and why.\n\n\
         **Machine:** {machine}\n\n\
         ## Stripe sandbox (`stripe-sandbox`, release build)\n\n\
         Command: `target/release/stripe-sandbox --customers 10000` (1 subscription, its invoices, at most 4, and 1\n\
         card per customer). *Start* is process spawn to the `listening on` line. *Page* is the median of\n\
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
    let mut report = report + &core_benchmarks(&binary)? + &window_benchmarks(&binary)?;
    // The fuzzing section is `cargo xtask fuzz`'s.
    if let Some(fuzzing) = report::section(&report::read(), crate::fuzz::HEADING) {
        report = report::set_section(&report, crate::fuzz::HEADING, fuzzing);
    }
    report::write(&report)
}

/// Reruns only the window's section and puts it in place of the old one.
pub fn run_window_only() -> anyhow::Result<()> {
    let binary = build_release_tools()?;
    let section = window_benchmarks(&binary)?;
    report::write(&report::set_section(
        &report::read(),
        WINDOW_HEADING,
        &section,
    ))
}

/// Builds the sandbox and portal-core's `bench` example in release; returns
/// the sandbox binary.
fn build_release_tools() -> anyhow::Result<std::path::PathBuf> {
    shell::run(shell::cargo().args(["build", "--release", "-p", "stripe-sandbox"]))?;
    shell::run(shell::cargo().args([
        "build",
        "--release",
        "-p",
        "portal-core",
        "--example",
        "bench",
    ]))?;
    Ok(shell::target_dir().join("release").join("stripe-sandbox"))
}

/// Sync, search and cache writes, measured by portal-core's `bench` example.
fn core_benchmarks(sandbox_binary: &std::path::Path) -> anyhow::Result<String> {
    let bench = shell::target_dir().join("release/examples/bench");
    let measure = |args: &[&str]| -> anyhow::Result<serde_json::Value> {
        let output = Command::new(&bench).args(args).output()?;
        if !output.status.success() {
            bail!(
                "bench {args:?} failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        Ok(serde_json::from_slice(&output.stdout)?)
    };
    let number = |v: &serde_json::Value| v.as_f64().unwrap_or(0.0);

    let (mut request_ratio, mut wall_ratio, mut walls, mut requests) =
        (vec![], vec![], vec![], vec![]);
    let (mut limited, mut inc_requests, mut inc_walls) = (vec![], vec![], vec![]);
    let (mut inc_ratio, mut inc_events, mut inc_objects) = (vec![], 0.0, 0.0);
    let mut pace_10k = Vec::new();
    // The baselines, and each one's ratio to the full sync of the same run.
    let (mut seq_ratio, mut seq_walls, mut seq_vs_sync) = (vec![], vec![], vec![]);
    let (mut seed_requests, mut seed_walls) = (vec![], vec![]);
    let (mut seed_vs_sync_requests, mut seed_vs_sync_wall) = (vec![], vec![]);
    let mut minimum = 0.0;
    let mut seed_sample = 0.0;
    for run in 0..SYNC_RUNS {
        let sandbox = SandboxProcess::start(
            sandbox_binary,
            &[
                "--customers",
                "10000",
                "--latency-ms",
                "150",
                "--rate-limit",
                "25",
            ],
        )?;
        let result = measure(&["sync", &sandbox.url, &PORTAL_CHANGES.to_string()])?;
        let full = &result["full"];
        let paced = Paced::from_full(full, 25.0);
        minimum = paced.minimum;
        let wall = paced.wall;
        request_ratio.push(paced.requests / minimum);
        wall_ratio.push(wall / paced.bound);
        walls.push(wall);
        requests.push(paced.requests);
        limited.push(number(&result["rate_limited"]));
        inc_requests.push(number(&result["incremental"]["requests"]));
        let least = &result["incremental"]["minimum"];
        inc_ratio.push(number(&result["incremental"]["requests"]) / number(&least["requests"]));
        inc_events = number(&least["events"]);
        inc_objects = number(&least["objects"]);
        pace_10k.push(paced);
        inc_walls.push(number(&result["incremental"]["duration_ms"]));
        let sequential = &result["sequential"];
        let seq_wall = number(&sequential["duration_ms"]) / 1000.0;
        seq_ratio.push(number(&sequential["requests"]) / minimum);
        seq_walls.push(seq_wall);
        seq_vs_sync.push(seq_wall / wall);
        // The seed pattern's per-customer part, timed on a sample, for every customer.
        let seed = &result["seed"];
        seed_sample = number(&seed["sample"]);
        let per_customer = |field: &str| number(&seed[field]) / number(&seed["sample"]).max(1.0);
        let customers = number(&seed["customers"]);
        let seed_request_count =
            number(&seed["list_requests"]) + per_customer("sample_requests") * customers;
        let seed_wall = (number(&seed["list_ms"]) + per_customer("sample_ms") * customers) / 1000.0;
        seed_requests.push(seed_request_count);
        seed_walls.push(seed_wall);
        seed_vs_sync_requests.push(seed_request_count / number(&full["requests"]));
        seed_vs_sync_wall.push(seed_wall / wall);
        eprintln!(
            "bench: sync run {}/{SYNC_RUNS}: {:.0} requests, {wall:.1} s",
            run + 1,
            requests[run]
        );
    }

    // Open portal against a small sandbox with the sync's latency.
    let (mut portal_p50, mut portal_p95) = (vec![], vec![]);
    let sandbox = SandboxProcess::start(
        sandbox_binary,
        &[
            "--customers",
            "20",
            "--latency-ms",
            &PORTAL_LATENCY_MS.to_string(),
        ],
    )?;
    for _ in 0..CORE_RUNS {
        let result = measure(&["portal", &sandbox.url, &PORTAL_LATENCY_MS.to_string()])?;
        portal_p50.push(number(&result["p50_ms"]));
        portal_p95.push(number(&result["p95_ms"]));
    }
    drop(sandbox);

    let (mut p50, mut p95, mut build) = (vec![], vec![], vec![]);
    for _ in 0..CORE_RUNS {
        let result = measure(&["search", &SEARCH_CUSTOMERS.to_string()])?;
        p50.push(number(&result["p50_ms"]));
        p95.push(number(&result["p95_ms"]));
        build.push(number(&result["index_build_ms"]));
    }
    let mut writes = vec![];
    for _ in 0..CORE_RUNS {
        writes.push(number(
            &measure(&["write", &WRITE_INVOICES.to_string()])?["per_second"],
        ));
    }

    let mut out = format!(
        "\n## Sync (portal-core, release build)\n\n\
         Command: `target/release/stripe-sandbox --customers 10000 --latency-ms 150 --rate-limit 25`, then\n\
         `target/release/examples/bench sync URL {PORTAL_CHANGES}`: a full sync into a new SQLite file, then\n\
         {PORTAL_CHANGES} portal changes (email, card, address) and an incremental sync. {SYNC_RUNS} runs, each on a fresh sandbox.\n\
         The minimum is Σ⌈count/100⌉ over the lists read (customers, subscriptions, invoices, prices,\n\
         products) plus one page of events: {minimum:.0} requests, so the rate-limit bound is {bound:.1} s at 25 requests/s.\n\n\
         | measure | goal | median | spread |\n\
         | --- | --- | --- | --- |\n",
        bound = minimum / 25.0
    );
    out += &row(
        "full sync: requests ÷ minimum",
        "≤ 1.05",
        &request_ratio,
        "",
        3,
    );
    out += &row(
        "full sync: wall ÷ rate-limit bound",
        "≤ 1.25",
        &wall_ratio,
        "",
        3,
    );
    out += &row("full sync: wall time", "—", &walls, " s", 1);
    out += &row("full sync: requests", "—", &requests, "", 0);
    out += &row("full sync: 429s from the sandbox", "0", &limited, "", 0);
    out += &row(
        &format!("incremental sync after {PORTAL_CHANGES} changes: requests"),
        "—",
        &inc_requests,
        "",
        0,
    );
    out += &row(
        &format!("incremental sync after {PORTAL_CHANGES} changes: wall time"),
        "—",
        &inc_walls,
        " ms",
        0,
    );
    out += &row(
        &format!("incremental sync after {PORTAL_CHANGES} changes: requests ÷ minimum"),
        "1.0",
        &inc_ratio,
        "",
        3,
    );
    out += &row(
        "baseline, sequential pagination: requests ÷ minimum",
        "—",
        &seq_ratio,
        "",
        3,
    );
    out += &row(
        "baseline, sequential pagination: wall time",
        "—",
        &seq_walls,
        " s",
        1,
    );
    out += &row(
        "baseline, sequential pagination: wall ÷ full sync's",
        "—",
        &seq_vs_sync,
        "",
        2,
    );
    out += &row(
        "baseline, seed pattern: requests",
        "—",
        &seed_requests,
        "",
        0,
    );
    out += &row(
        "baseline, seed pattern: wall time",
        "—",
        &seed_walls,
        " s",
        0,
    );
    out += &row(
        "baseline, seed pattern: requests ÷ full sync's",
        "—",
        &seed_vs_sync_requests,
        "",
        1,
    );
    out += &row(
        "baseline, seed pattern: wall ÷ full sync's",
        "—",
        &seed_vs_sync_wall,
        "",
        1,
    );
    let inc_pages = (inc_events / 100.0).ceil();
    let limits = limits_section(sandbox_binary, &measure, pace_10k)?;
    let portal_rows = row("open portal: overhead, p50", "—", &portal_p50, " ms", 1)
        + &row(
            "open portal: overhead, p95",
            "≤ 20 ms",
            &portal_p95,
            " ms",
            1,
        );
    out += &format!(
        "\nThe full sync sends every list's first page at once and reads the account beside them (its\n\
         creation date only guides where windows split); where the event feed stands comes from Stripe's\n\
         clock on the first answer (its `Date` header), so no request waits for another. Each list is paged\n\
         in `created` windows split while it runs; each window ends in a partial page, which, with the\n\
         account's read, is where the few requests above the minimum go. The incremental sync lists the new\n\
         events and re-fetches each changed object once.\n\n\
         The changes run between two bursts of the account's own payment traffic (300 `charge.*`,\n\
         `payment_intent.*` and `balance.*` events), which the feed's `types[]` leaves unread. Its minimum is\n\
         counted from the feed itself: {inc_events:.0} relevant events make ⌈{inc_events:.0} ÷ 100⌉ = {inc_pages:.0} page, and they name\n\
         {inc_objects:.0} distinct objects (each changed customer, plus each card added, which the customer's\n\
         `customer.updated` also names but whose retrieve the sync still makes: the customer's expansion would\n\
         carry it only when it became the default, and waiting for the customer first would put two round trips\n\
         in a row), so one retrieve each.\n\n\
         The baselines run in the same runs, against the same sandbox, after the syncs, each with a new\n\
         client of the same kind (paced to 25 requests/s, retrying the same way). *Sequential pagination*\n\
         reads the same five lists with the sync's request shapes, one page after another with plain\n\
         `starting_after`: about the same requests, but each waits for the last, so the sandbox's 150 ms\n\
         latency, not the rate limit, sets its pace. The *seed pattern* lists the customers, then for each\n\
         one retrieves it, lists 1 subscription and lists 5 invoices; its per-customer requests are timed on\n\
         the first {seed_sample} customers and multiplied out to all of them (the whole of it would take over an hour\n\
         a run: each of its 30,000 requests waits for the one before).\n\n\
         {limits}\
         ## Open portal (portal-core, release build)\n\n\
         Command: `target/release/stripe-sandbox --customers 20 --latency-ms {PORTAL_LATENCY_MS}`, then\n\
         `target/release/examples/bench portal URL {PORTAL_LATENCY_MS}`: 30 clicks on *Open portal* the way the\n\
         `open_portal` command makes them (the profile's settings, its cache, a session from Stripe over the\n\
         warm client the app keeps), each from the call to the moment the opener gets the link, minus the\n\
         sandbox's {PORTAL_LATENCY_MS} ms. The Tauri IPC hop is not in it (the window's keystroke rows include one).\n\n\
         | measure | goal | median | spread |\n\
         | --- | --- | --- | --- |\n\
         {portal_rows}\n\
         ## Search and cache writes (portal-core, release build)\n\n\
         *Search*: `bench search {SEARCH_CUSTOMERS}` fills a cache with {SEARCH_CUSTOMERS} synthetic customers (16 first names ×\n\
         12 last names, so names repeat a lot), then times every prefix a person types on the way to 40\n\
         names, emails and ids (1 to 12 characters, about 1,400 queries, first page of 50 plus the count),\n\
         through `query::customers` as the window calls it. The first search after the customers change\n\
         rebuilds the in-memory index (*index build*); the keystrokes after it find the index built.\n\
         *Writes*: `bench write {WRITE_INVOICES}` upserts {WRITE_INVOICES} invoices in transactions of 100 (one sync page).\n\n\
         | measure | goal | median | spread |\n\
         | --- | --- | --- | --- |\n"
    );
    out += &row(
        &format!("search p50, {SEARCH_CUSTOMERS} customers"),
        "—",
        &p50,
        " ms",
        1,
    );
    out += &row(
        &format!("search p95, {SEARCH_CUSTOMERS} customers"),
        "≤ 5 ms",
        &p95,
        " ms",
        1,
    );
    out += &row(
        &format!("search index build, {SEARCH_CUSTOMERS} customers"),
        "—",
        &build,
        " ms",
        0,
    );
    out += &row("cache upserts, invoices per second", "—", &writes, "", 0);
    out += "\nA search scans every customer's folded name, email, id and phone, held back to back in one\n\
         buffer (memchr's SIMD substring search), then sorts only the page's worth of matches by their\n\
         precomputed place in the list. Every count is exact, and a 1-character text costs about what a\n\
         12-character one does. The index is rebuilt when a trigger-bumped counter in the cache says the\n\
         customers changed, so once after each sync that changed a customer.\n";
    Ok(out)
}

/// Test-pace sizes besides the main scenario's 10,000 customers, with their runs.
const PACE_SIZES: [(usize, usize); 3] = [(300, 5), (2_000, 5), (50_000, 1)];
/// Full syncs at each live budget.
const LIVE_RUNS: usize = 3;
/// Stripe's default limit per API operation.
const PER_OPERATION: f64 = 25.0;

/// One full sync measured against its bounds.
struct Paced {
    requests: f64,
    wall: f64,
    /// Σ⌈count/100⌉ over the lists, plus the one page of events.
    minimum: f64,
    /// The rate-limit bound: every page at the budget, and the largest list at 25/s.
    bound: f64,
}

impl Paced {
    fn from_full(full: &serde_json::Value, budget: f64) -> Paced {
        let pages: Vec<f64> = [
            "customers",
            "subscriptions",
            "invoices",
            "prices",
            "products",
        ]
        .iter()
        .map(|list| {
            (full[*list].as_f64().unwrap_or(0.0) / 100.0)
                .ceil()
                .max(1.0)
        })
        .collect();
        let minimum = pages.iter().sum::<f64>() + 1.0;
        let largest = pages.iter().copied().fold(0.0, f64::max);
        Paced {
            requests: full["requests"].as_f64().unwrap_or(0.0),
            wall: full["duration_ms"].as_f64().unwrap_or(0.0) / 1000.0,
            minimum,
            bound: (minimum / budget).max(largest / PER_OPERATION),
        }
    }
}

/// Full syncs at Stripe's limits: the live budgets against a sandbox with
/// Stripe's three limiters, and the test pace at four sizes.
fn limits_section(
    sandbox_binary: &std::path::Path,
    measure: &dyn Fn(&[&str]) -> anyhow::Result<serde_json::Value>,
    pace_10k: Vec<Paced>,
) -> anyhow::Result<String> {
    let mut out = String::from(
        "## Sync at Stripe's limits (portal-core, release build)\n\n\
         Every sandbox here answers after 150 ms. *Live pace*: `stripe-sandbox --customers 10000 --latency-ms 150\n\
         --rate-limit 100 --endpoint-rate-limit 25 --max-in-flight 20` (Stripe's live limits: 100 requests/s in all,\n\
         25/s per API operation, and a cap on requests in flight), then `bench pace URL 100` (a client budget\n\
         of 100/s) and `bench pace URL 50` (the default live budget, half of the account's limit). The bound is\n\
         max(Σpages ÷ budget, largest list's pages ÷ 25): the invoices, the largest list, can go no faster than their\n\
         operation's 25/s. *Test pace*: `--rate-limit 25` and a 25/s budget, at four sizes (10,000 is the\n\
         sync section's scenario); the bound is the minimum ÷ 25.\n\n\
         | measure | goal | median | spread |\n\
         | --- | --- | --- | --- |\n",
    );
    let live_limits = [
        "--customers",
        "10000",
        "--latency-ms",
        "150",
        "--rate-limit",
        "100",
        "--endpoint-rate-limit",
        "25",
        "--max-in-flight",
        "20",
    ];
    for (budget, label) in [
        (100.0, "live pace, budget 100/s"),
        (50.0, "default live budget, 50/s"),
    ] {
        let (mut ratios, mut walls, mut refused, mut failed) = (vec![], vec![], vec![], 0.0);
        let mut bound = 0.0;
        for run in 0..LIVE_RUNS {
            let sandbox = SandboxProcess::start(sandbox_binary, &live_limits)?;
            let result = measure(&["pace", &sandbox.url, &budget.to_string()])?;
            if result["failed"].is_string() {
                failed += 1.0;
                eprintln!(
                    "bench: {label}: run {} failed: {}",
                    run + 1,
                    result["failed"]
                );
                continue;
            }
            let paced = Paced::from_full(&result["full"], budget);
            bound = paced.bound;
            ratios.push(paced.wall / paced.bound);
            walls.push(paced.wall);
            let sent = result["requests"].as_f64().unwrap_or(1.0).max(1.0);
            refused.push(100.0 * result["rate_limited"].as_f64().unwrap_or(0.0) / sent);
            eprintln!(
                "bench: {label}: run {}/{LIVE_RUNS}: {:.1} s",
                run + 1,
                paced.wall
            );
        }
        out += &row(
            &format!("{label}: wall ÷ bound ({bound:.1} s)"),
            "≤ 1.15",
            &ratios,
            "",
            3,
        );
        out += &row(&format!("{label}: wall time"), "—", &walls, " s", 1);
        out += &row(
            &format!("{label}: 429s, % of requests"),
            "≤ 1%",
            &refused,
            "%",
            2,
        );
        out += &row(&format!("{label}: failed syncs"), "0", &[failed], "", 0);
    }

    let mut sizes: Vec<(usize, Vec<Paced>)> = Vec::new();
    for (customers, runs) in PACE_SIZES {
        let mut paced = Vec::new();
        for run in 0..runs {
            let count = customers.to_string();
            let sandbox = SandboxProcess::start(
                sandbox_binary,
                &[
                    "--customers",
                    &count,
                    "--latency-ms",
                    "150",
                    "--rate-limit",
                    "25",
                ],
            )?;
            let result = measure(&["pace", &sandbox.url, "25"])?;
            if let Some(error) = result["failed"].as_str() {
                bail!("the test-pace sync of {customers} customers failed: {error}");
            }
            paced.push(Paced::from_full(&result["full"], 25.0));
            eprintln!(
                "bench: test pace, {customers} customers: run {}/{runs}",
                run + 1
            );
        }
        sizes.push((customers, paced));
    }
    sizes.push((10_000, pace_10k));
    sizes.sort_by_key(|(customers, _)| *customers);
    for (customers, runs) in &sizes {
        let pick = |f: &dyn Fn(&Paced) -> f64| runs.iter().map(f).collect::<Vec<f64>>();
        let (minimum, bound) = runs.first().map_or((0.0, 0.0), |p| (p.minimum, p.bound));
        let name = format!("test pace, {customers} customers");
        out += &row(
            &format!("{name}: requests ÷ minimum ({minimum:.0})"),
            "≤ 1.05",
            &pick(&|p| p.requests / p.minimum),
            "",
            3,
        );
        out += &row(
            &format!("{name}: wall ÷ bound ({bound:.2} s)"),
            "≤ 1.25",
            &pick(&|p| p.wall / p.bound),
            "",
            3,
        );
        out += &row(
            &format!("{name}: requests"),
            "—",
            &pick(&|p| p.requests),
            "",
            0,
        );
        out += &row(
            &format!("{name}: wall time"),
            "—",
            &pick(&|p| p.wall),
            " s",
            2,
        );
    }
    out += "\n";
    out += SMALL_ACCOUNT_NOTE;
    out += "\n";
    Ok(out)
}

/// Where the requests above the minimum go, and why the small sizes miss
/// their goals (the 300-customer figures follow from 150 ms and 100-object
/// pages; the 2,000-customer ones were measured while tuning the splits).
const SMALL_ACCOUNT_NOTE: &str = "\
Every test-mode sync sends two requests the minimum leaves out: the account's read (its creation
date guides where windows split) and the test clocks' list (customers on a test clock are missing
from the plain lists). The rest above the minimum are partial last pages, about half a page for
each window a list is split into.

At 300 customers both goals are missed, and at 150 ms latency no client can meet the two together:
the two extra requests alone are a ninth of the minimum, and the invoices' pages, unsplit, are one
chain of round trips that takes well over the bound; splitting them costs a partial page. The bound
also leaves out the round trips that no order of requests avoids (the last page, then the feed's catch-up).

At 2,000 customers the requests goal is missed by a few requests, and here too it pulls against the
wall time. The sync keeps as many windows open as fill 25/s at the round trip it measures, with half
again to spare (7 at 150 ms), and replaces each window that ends before the others. The sandbox's
newest invoices and subscriptions are its densest, so the first pages overstate how much is left,
and the older windows split from them end early: about 15 windows in all, 6 to 7 partial pages,
1.07–1.09×. Keeping only the windows the round trip strictly needs (5) sent 110 requests (1.07×) but
took 1.29× the bound; splitting nearer the newest objects (at the geometric mean of the read and the
unread spans) changed neither. From 10,000 customers on, both goals hold.
";

/// What the window's breakdowns led to (measured before and after each change).
const WINDOW_FINDINGS: &str = "
### What was tried, and what is left

Measured before and after in this way, on this machine (medians of 2 to 5 launches each):
- **Kept the last answer on screen** until the new query's first chunk replaces it, instead of
  emptying the list and filling it again: style and layout per keystroke went from a mean of
  10.1 ms to 3.9 ms, Yew's patch from 9.1 to 6.9 ms.
- **Rows carry only what a row shows** (id, name, email, status): the phone and dates went.
  Decoding was already about 1 ms; the gain is within the noise.
- **The search index is built while the WebView starts**: the first list page went from 287 ms
  to about 30 ms, and the start from 2.89× the blank window to 2.06× (2.47× in a later run, on
  a noisier machine).
- **The key's status is read from the keychain ahead**: that step is 3 to 17 ms, but it saved
  only about 10 ms: the keychain was not the slow part.
- **Connections stay open, and opening one no longer writes**: each request opened its SQLite
  file, set its pragmas, and ran the migration check in a write transaction (so it also
  waited behind a sync's writes). Now a few connections per file are kept (`cache/pool.rs`)
  and an up-to-date file is only read. The list's round trip per keystroke went from a mean of
  18.9 ms to 12–14.5 ms (a no-op command's is about 2 ms).
- **The request leaves before the re-render that notes it**: the list sent its request only
  after a second render of the desk. Now it is sent at once, and that render overlaps the
  core's answer: input to request went from a mean of 8.9 ms to 3–4 ms. With the change
  before, keystroke to render, p95, went from +52 ms over the blank window to +28–32 ms.
- **The first page is read before the desk's first render**: the desk rendered empty, was
  laid out and painted (Yew's scheduler yields to the browser after 16 ms of work), and only
  then asked for customers and laid everything out again. Now the window reads the first page
  right after the key's status (about 10 ms) and the desk's first render includes it. The
  phases after the key's status, to the first frame with customers, went from about 560 ms to
  about 385 ms, and the start from 2.47× the blank window to 2.07×.
- **Tried and dropped**: forcing WebKit's wasm straight to its optimizing tier
  (`JSC_useWasmIPInt=0 JSC_useWasmLLInt=0`) made nothing faster.

Left, by size: the desk's first render with its rows, to its effects (300–365 ms, the
largest start-up phase: in a probe, Yew's render of the empty desk took about 30 ms, so most
of it is WebKit's first style, layout and paint of the desk inside the scheduler's yield; its
fonts, and the glyphs the primary font lacks, are the next suspects); WebKit's web process
start (about 190–250 ms) and the WebView's creation (about 150 ms), which the blank window
pays too; the list request's core part (10–12 ms a keystroke against about 1 ms for the
search: the page's rows read by `pk`, serialized, and carried over the IPC); Yew's patch
(about 6 ms) and the frame's wait (about 12 ms). Memoized row components would not help a keystroke much: a
new query puts other customers at most places. Idle RSS is about 28 MB over the blank
window, about 10 MB of it the search index.
";

/// Launches of the app in the window benchmark.
const WINDOW_RUNS: usize = 5;
const WINDOW_CUSTOMERS: usize = 100_000;
/// The heading of the window's section.
const WINDOW_HEADING: &str = "## The window";

/// The real window with 100,000 cached customers: cold start, idle memory and
/// keystroke to render, measured by `e2e/tests/it/window_bench.rs` (ignored in
/// `cargo xtask test`) under Xvfb with a private keychain.
fn window_benchmarks(sandbox_binary: &std::path::Path) -> anyhow::Result<String> {
    crate::ui::build()?;
    shell::run(shell::cargo().args([
        "build",
        "--release",
        "-p",
        "portal-desk",
        "--features",
        "custom-protocol",
    ]))?;
    // The floor: a blank Tauri window, the same Tauri and WebKitGTK.
    shell::run(shell::cargo().args([
        "build",
        "--release",
        "-p",
        "portal-baseline-window",
        "--features",
        "custom-protocol",
    ]))?;
    shell::run(shell::cargo().args(["test", "-p", "portal-e2e", "--test", "it", "--no-run"]))?;
    let scratch = tempfile::tempdir()?;
    let cache = scratch.path().join("cache.sqlite3");
    let fill = shell::target_dir().join("release/examples/bench");
    shell::run(
        Command::new(&fill)
            .args(["fill", &WINDOW_CUSTOMERS.to_string()])
            .arg(&cache),
    )?;
    let out = scratch.path().join("window.json");
    let session = scratch.path().join("session");
    std::fs::create_dir(&session)?;
    let mut command = crate::keyring::in_private_session(
        &session,
        "xvfb-run -a -s '-screen 0 1280x800x24' cargo test -p portal-e2e --test it \
         -- --ignored --test-threads=1 --nocapture window_bench::",
    );
    command
        .current_dir(shell::root())
        .env(
            "PORTAL_DESK_APP",
            shell::target_dir().join("release").join("portal-desk"),
        )
        .env("STRIPE_SANDBOX_BIN", sandbox_binary)
        .env(
            "PORTAL_DESK_BASELINE_APP",
            shell::target_dir()
                .join("release")
                .join("portal-baseline-window"),
        )
        .env("PORTAL_DESK_BENCH_CACHE", &cache)
        .env("PORTAL_DESK_BENCH_OUT", &out)
        .env("PORTAL_DESK_BENCH_RUNS", WINDOW_RUNS.to_string());
    shell::run(&mut command)?;
    let result: serde_json::Value = serde_json::from_slice(&std::fs::read(&out)?)?;
    let values = |array: &serde_json::Value| -> Vec<f64> {
        array
            .as_array()
            .map(|values| values.iter().filter_map(|v| v.as_f64()).collect())
            .unwrap_or_default()
    };
    let series = |name: &str| values(&result[name]);
    let floor = |name: &str| values(&result["baseline"][name]);
    let keystrokes = result["keystrokes_per_run"].as_u64().unwrap_or(0);
    let mut out = format!(
        "\n{WINDOW_HEADING} (release build, {WINDOW_CUSTOMERS} cached customers)\n\n\
         `bench fill {WINDOW_CUSTOMERS}` writes a synthetic cache marked as synced; `e2e/tests/it/window_bench.rs` then\n\
         launches the release app on a copy of it {WINDOW_RUNS} times through tauri-driver and WebKitWebDriver under Xvfb.\n\
         *Cold start* is the app process's start (from `/proc`, to the 10 ms clock tick) to the moment the list first\n\
         shows customers (a User Timing mark the UI sets). *Idle memory* is read 5 s later: the app process's RSS, its\n\
         anonymous part (heap and stacks, without mapped libraries), and the PSS of the app with its WebKit web and\n\
         network processes. *Keystroke to render* types, one character at a\n\
         time, the way to three names, an email, a phone number and an id ({keystrokes} keystrokes a run): from the\n\
         input event to the first frame after the list shows that text's answer. Each figure is the median of the runs'\n\
         values, with their spread. The goals are relative to a blank Tauri window (the next table).\n\n\
         | measure | goal | median | spread |\n\
         | --- | --- | --- | --- |\n"
    );
    for (name, goal, series_name, unit, digits) in [
        (
            "cold start to an interactive list",
            "≤ 1.5× blank window",
            "cold_start_ms",
            " ms",
            0,
        ),
        (
            "keystroke to render, p50",
            "—",
            "keystroke_p50_ms",
            " ms",
            1,
        ),
        (
            "keystroke to render, p95",
            "≤ blank + 16 ms",
            "keystroke_p95_ms",
            " ms",
            1,
        ),
        (
            "idle memory: app process RSS",
            "≤ blank + 20 MB",
            "app_rss_mb",
            " MB",
            0,
        ),
        (
            "idle memory: app process, anonymous (heap)",
            "—",
            "app_anon_mb",
            " MB",
            0,
        ),
        (
            "idle memory: app + WebKit processes, PSS",
            "—",
            "total_pss_mb",
            " MB",
            0,
        ),
    ] {
        out += &row(name, goal, &series(series_name), unit, digits);
    }
    out += &against_the_floor(&series, &floor, keystrokes);
    out += &keystroke_breakdown(&result);
    out += &startup_breakdown(&result);
    out += WINDOW_FINDINGS;
    out += "\nMost of the app process's resident memory is mapped libraries (WebKitGTK, GTK, ICU data and\n\
         fonts), which the blank window maps too; the app's own heap and stacks are the anonymous row, about\n\
         10 MB of it the search index over 100,000 customers (their folded text, ids, statuses and list\n\
         positions). The web content (the Yew UI) lives in WebKit's web process, which the PSS row includes.\n";
    Ok(out)
}

/// The `name`d phases of the window bench's JSON: (phase, values).
fn phases(result: &serde_json::Value, key: &str) -> Vec<(String, Vec<Option<f64>>)> {
    result[key]
        .as_array()
        .map(|phases| {
            phases
                .iter()
                .map(|phase| {
                    let name = phase["name"].as_str().unwrap_or("?").to_owned();
                    let values = phase["ms"]
                        .as_array()
                        .map(|ms| ms.iter().map(|v| v.as_f64()).collect())
                        .unwrap_or_default();
                    (name, values)
                })
                .collect()
        })
        .unwrap_or_default()
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

fn p95(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted
        .get((sorted.len() * 95 / 100).min(sorted.len().saturating_sub(1)))
        .copied()
        .unwrap_or(0.0)
}

/// Where a keystroke's time goes: each step's mean (means add up to the
/// total's), median and p95 over every keystroke of every run.
fn keystroke_breakdown(result: &serde_json::Value) -> String {
    let steps = phases(result, "keystroke_phases");
    let noop: Vec<f64> = result["noop_ipc_ms"]
        .as_array()
        .map(|v| v.iter().filter_map(|x| x.as_f64()).collect())
        .unwrap_or_default();
    let mut out = String::from(
        "\n### Where a keystroke's time goes\n\n\
         Each keystroke of the runs above, cut at the UI's own steps (`ui/src/timing.rs` notes them while the bench\n\
         asks): the input handler, the request sent, its answer, the answer decoded, the rows patched (a\n\
         `MutationObserver`), a forced style and layout, and the next frame. Means add up to the total's mean;\n\
         medians and p95s don't add. WebKit's `performance.now()` counts whole milliseconds, so a step's median\n\
         of 0 or 1 ms is below that resolution.\n\n\
         | step | mean | median | p95 |\n\
         | --- | --- | --- | --- |\n",
    );
    let mut totals = Vec::new();
    for (name, values) in &steps {
        let values: Vec<f64> = values.iter().flatten().copied().collect();
        if totals.is_empty() {
            totals = vec![0.0; values.len()];
        }
        for (total, v) in totals.iter_mut().zip(&values) {
            *total += v;
        }
        out += &format!(
            "| {name} | {:.1} ms | {:.1} ms | {:.1} ms |\n",
            mean(&values),
            median(&mut values.clone()),
            p95(&values)
        );
    }
    out += &format!(
        "| **keystroke to render** | **{:.1} ms** | **{:.1} ms** | **{:.1} ms** |\n",
        mean(&totals),
        median(&mut totals.clone()),
        p95(&totals)
    );
    let ipc_step = steps
        .iter()
        .find(|(name, _)| name.starts_with("IPC round trip"))
        .map(|(_, v)| v.iter().flatten().copied().collect::<Vec<_>>())
        .unwrap_or_default();
    out += &format!(
        "\nThe IPC round trip alone, a command that does nothing (`get_app_info`, {} calls in the same windows):\n\
         mean {:.1} ms, median {:.1} ms, p95 {:.1} ms. So of the list request's mean {:.1} ms, about {:.1} ms is\n\
         the core's search, reading the page and sending it back.\n",
        noop.len(),
        mean(&noop),
        median(&mut noop.clone()),
        p95(&noop),
        mean(&ipc_step),
        (mean(&ipc_step) - mean(&noop)).max(0.0),
    );
    out
}

/// Where the start-up goes: each phase's median over the launches, from the
/// process's start to the first frame with customers.
fn startup_breakdown(result: &serde_json::Value) -> String {
    let mut out = String::from(
        "\n### Where the start-up goes\n\n\
         Each launch above, from the process's start (`/proc`, to the 10 ms tick) through the shell's steps\n\
         (printed with `PORTAL_DESK_STARTUP_TIMES` set) and the page's User Timing marks to the first frame with\n\
         customers. Each phase ends where the next begins; medians over the launches (which need not add up).\n\n\
         | phase | median | spread |\n\
         | --- | --- | --- |\n",
    );
    for (name, values) in phases(result, "startup_phases") {
        let values: Vec<f64> = values.into_iter().flatten().collect();
        if values.is_empty() {
            out += &format!("| {name} | — (not recorded: folded into the next) | |\n");
        } else {
            out += &row_without_goal(&name, &values);
        }
    }
    out
}

fn row_without_goal(name: &str, values: &[f64]) -> String {
    format!(
        "| {name} | {:.0} ms | {:.0}–{:.0} ms |\n",
        median(&mut values.to_vec()),
        min(values),
        max(values)
    )
}

/// Portal Desk beside the blank window of the same runs: ratios and
/// differences of the medians, each against its goal.
fn against_the_floor(
    desk: &dyn Fn(&str) -> Vec<f64>,
    floor: &dyn Fn(&str) -> Vec<f64>,
    keystrokes: u64,
) -> String {
    let med = |values: Vec<f64>| median(&mut values.clone());
    let mut out = format!(
        "\n### Against a blank Tauri window, in the same run\n\n\
         `e2e/baseline` is a Tauri 2 app with the same Tauri and WebKitGTK, built by the bench: an empty page with\n\
         one input and a User Timing mark at its first frame. Each run launches it right after Portal Desk and\n\
         measures it the same ways: process start to its first frame, idle memory 5 s later, and {keystrokes} input\n\
         events in its empty input, each to the next frame. Medians of the runs; CPU: {}.\n\n\
         | measure | Portal Desk | blank window | Portal Desk vs blank | goal | |\n\
         | --- | --- | --- | --- | --- | --- |\n",
        machine()
    );
    let ratio = |desk: f64, floor: f64| desk / floor.max(f64::EPSILON);
    let rows: [(&str, &str, &str, &str, bool, f64); 5] = [
        (
            "start: to an interactive list / to the first frame",
            "cold_start_ms",
            "start_ms",
            " ms",
            true,
            1.5,
        ),
        (
            "input to frame, p95 (a keystroke's search and render / an empty input)",
            "keystroke_p95_ms",
            "input_p95_ms",
            " ms",
            false,
            16.0,
        ),
        (
            "input to frame, p50",
            "keystroke_p50_ms",
            "input_p50_ms",
            " ms",
            false,
            f64::NAN,
        ),
        (
            "idle RSS, the app process",
            "app_rss_mb",
            "rss_mb",
            " MB",
            false,
            20.0,
        ),
        (
            "idle PSS, with the WebKit processes",
            "total_pss_mb",
            "pss_mb",
            " MB",
            false,
            f64::NAN,
        ),
    ];
    for (name, desk_name, floor_name, unit, as_ratio, goal) in rows {
        let (d, f) = (med(desk(desk_name)), med(floor(floor_name)));
        let (compared, goal_text, verdict) = if as_ratio {
            let r = ratio(d, f);
            let verdict = if r <= goal {
                "met".to_owned()
            } else {
                format!("missed by {:.2}×", r - goal)
            };
            (format!("{r:.2}×"), format!("≤ {goal}×"), verdict)
        } else {
            let diff = d - f;
            if goal.is_nan() {
                (format!("{diff:+.1}{unit}"), "—".to_owned(), String::new())
            } else {
                let verdict = if diff <= goal {
                    "met".to_owned()
                } else {
                    format!("missed by {:.1}{unit}", diff - goal)
                };
                (
                    format!("{diff:+.1}{unit}"),
                    format!("≤ +{goal:.0}{unit}"),
                    verdict,
                )
            }
        };
        out += &format!(
            "| {name} | {d:.1}{unit} | {f:.1}{unit} | {compared} | {goal_text} | {verdict} |\n"
        );
    }
    out
}

/// A table row: the median of `values` and their spread.
fn row(name: &str, goal: &str, values: &[f64], unit: &str, digits: usize) -> String {
    format!(
        "| {name} | {goal} | {:.digits$}{unit} | {:.digits$}–{:.digits$}{unit} |\n",
        median(&mut values.to_vec()),
        min(values),
        max(values)
    )
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

pub fn today() -> String {
    Command::new("date")
        .arg("+%Y-%m-%d")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

pub fn machine() -> String {
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
