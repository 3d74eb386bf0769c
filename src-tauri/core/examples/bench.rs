//! Core measurements for `cargo xtask bench` (which builds this in release and
//! writes BENCHMARKS.md). Each scenario prints one JSON object on stdout.
//!
//! ```text
//! bench sync URL CHANGES              a full sync of the sandbox at URL, then CHANGES
//!                                     portal changes and an incremental sync
//! bench search CUSTOMERS              search latencies over a synthetic cache
//! bench write INVOICES                cache upsert throughput
//! bench fill CUSTOMERS PATH           a synthetic cache at PATH, marked synced now
//!                                     (the window benchmark opens it)
//! bench portal URL LATENCY_MS         open portal's overhead over the sandbox's latency
//! bench pace URL BUDGET               one full sync at BUDGET requests/s (25/s per
//!                                     operation), with the sandbox's 429 counts
//! ```

use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use portal_core::cache::Cache;
use portal_core::cache::customer_index::CustomerIndexes;
use portal_core::cache::customers::{self, Customer, CustomerQuery};
use portal_core::cache::invoices::{self, Invoice};
use portal_core::query;
use portal_core::sync::{SyncOptions, sync};
use portal_core::{ApiBase, ApiKey, StripeClient, TransportOptions};
use serde_json::{Value, json};

const KEY: &str = "sk_test_sandbox";

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = tempfile::tempdir()?;
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["sync", url, changes] => sync_scenario(url, changes.parse()?, dir.path()).await?,
        ["pace", url, budget] => paced_sync(url, budget.parse()?, dir.path()).await?,
        ["search", customers] => search(customers.parse()?, dir.path())?,
        ["write", invoices] => write(invoices.parse()?, dir.path())?,
        ["fill", customers, path] => fill(customers.parse()?, std::path::Path::new(path))?,
        ["portal", url, latency_ms] => {
            portal_overhead(url, latency_ms.parse()?, dir.path()).await?
        }
        _ => bail!(
            "usage: bench sync URL CHANGES | pace URL BUDGET | search N | write N | fill N PATH | portal URL LATENCY_MS"
        ),
    };
    println!("{result}");
    Ok(())
}

fn client(url: &str) -> anyhow::Result<StripeClient> {
    let key = ApiKey::parse(KEY)?;
    let base = ApiBase::parse(url)?;
    Ok(StripeClient::with_options(
        &key,
        Some(&base),
        TransportOptions::for_mode(key.mode()),
    ))
}

fn options(full: bool) -> SyncOptions {
    SyncOptions::for_rate(
        TransportOptions::for_mode(portal_core::Mode::Test).requests_per_second,
        full,
    )
}

async fn sync_scenario(url: &str, changes: usize, dir: &std::path::Path) -> anyhow::Result<Value> {
    let client = client(url)?;
    let mut cache = Cache::open(&dir.join("cache.sqlite3"))?;
    let full = sync(&client, &mut cache, &options(true), &mut |_| {}).await?;
    let rate_limited = ureq_get(&format!("{url}/_sandbox/counters"))?["rate_limited"].clone();

    let truth: Value = ureq_get(&format!("{url}/_sandbox/truth"))?;
    let customers: Vec<&str> = truth["customers"]
        .as_array()
        .context("customers")?
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    // A busy account's own payment traffic around the changes (300 events),
    // which the feed's `types[]` leaves unread.
    let noise = json!({"action": "checkout_payments", "count": 50});
    ureq_post(&format!("{url}/_sandbox/simulate"), &noise)?;
    for (n, customer) in customers.iter().take(changes).enumerate() {
        let body = match n % 3 {
            0 => {
                json!({"action": "update_email", "customer": customer, "email": format!("changed{n}@example.com")})
            }
            1 => json!({"action": "add_card", "customer": customer, "last4": "4242"}),
            _ => {
                json!({"action": "update_address", "customer": customer, "address": {"city": "Lyon"}})
            }
        };
        ureq_post(&format!("{url}/_sandbox/simulate"), &body)?;
    }
    ureq_post(&format!("{url}/_sandbox/simulate"), &noise)?;
    let least = incremental_minimum(&self::client(url)?).await?;
    let before = client.transport().counters().requests();
    let incremental = sync(&client, &mut cache, &options(false), &mut |_| {}).await?;
    let incremental_requests = client.transport().counters().requests() - before;

    // The baselines, against the same sandbox, each with a fresh client of the same kind.
    let sequential = sequential_listing(&self::client(url)?).await?;
    let seed = seed_pattern(&self::client(url)?, SEED_SAMPLE).await?;
    Ok(json!({
        "full": full,
        "rate_limited": rate_limited,
        "incremental": {
            "changes": changes,
            "events_applied": incremental.events_applied,
            "requests": incremental_requests,
            "duration_ms": incremental.duration_ms,
            "minimum": least,
        },
        "sequential": sequential,
        "seed": seed,
    }))
}

/// The fewest requests that apply the account's relevant events, counted from
/// the feed itself: ⌈events ÷ 100⌉ pages plus one retrieve per distinct object
/// of a cached kind.
async fn incremental_minimum(client: &StripeClient) -> anyhow::Result<Value> {
    use portal_core::sync::{incremental::EVENT_TYPES, objects, resources::Resource};
    use stripe_client_core::StripeRequest;
    use stripe_core::event::ListEvent;
    let transport = client.transport();
    let (mut events, mut objects) = (0u64, std::collections::BTreeSet::new());
    let mut cursor: Option<String> = None;
    loop {
        let mut request = ListEvent::new()
            .limit(100)
            .types(EVENT_TYPES.map(str::to_owned).to_vec());
        if let Some(cursor) = &cursor {
            request = request.starting_after(cursor.as_str());
        }
        let body = transport.send(request.build(), None).await?;
        let page = objects::page(&body).context("an event page")?;
        for event in &page.data {
            events += 1;
            let id = event["data"]["object"]["id"].as_str().unwrap_or_default();
            if Resource::of_id(id).is_some() {
                objects.insert(id.to_owned());
            }
        }
        cursor = page
            .data
            .last()
            .and_then(|e| e["id"].as_str())
            .map(str::to_owned);
        if !page.has_more || cursor.is_none() {
            break;
        }
    }
    Ok(json!({
        "events": events,
        "objects": objects.len(),
        "requests": events.div_ceil(100) + objects.len() as u64,
    }))
}

/// One full sync at `budget` requests/s in all and Stripe's default 25/s per
/// operation, as a sync of a live account paced by hand. A failed sync is
/// reported, not raised: the bench counts them.
async fn paced_sync(url: &str, budget: f64, dir: &std::path::Path) -> anyhow::Result<Value> {
    let key = ApiKey::parse(KEY)?;
    let base = ApiBase::parse(url)?;
    let pacing = TransportOptions {
        requests_per_second: budget,
        ..TransportOptions::for_sync(portal_core::Mode::Live)
    };
    let client = StripeClient::with_options(&key, Some(&base), pacing);
    let mut cache = Cache::open(&dir.join("cache.sqlite3"))?;
    let outcome = sync(
        &client,
        &mut cache,
        &SyncOptions::for_rate(budget, true),
        &mut |_| {},
    )
    .await;
    let counters = ureq_get(&format!("{url}/_sandbox/counters"))?;
    let sent = client.transport().counters();
    Ok(json!({
        "failed": outcome.as_ref().err().map(ToString::to_string),
        "full": outcome.ok(),
        "requests": sent.requests(),
        "rate_limited": counters["rate_limited"],
        "rate_limited_by": counters["rate_limited_by"],
    }))
}

/// Customers the seed pattern's per-customer requests are timed on (all
/// 10,000, one request after another, would take over an hour a run); the
/// rest is multiplied out from them.
const SEED_SAMPLE: usize = 20;

/// Baseline: every list a full sync reads, one page after another with plain
/// `starting_after` pagination (the sync's own request shapes), nothing stored.
async fn sequential_listing(client: &StripeClient) -> anyhow::Result<Value> {
    use portal_core::sync::{objects, resources::Resource};
    let started = Instant::now();
    let transport = client.transport();
    for resource in Resource::LISTED {
        let mut cursor: Option<String> = None;
        loop {
            let body = transport
                .send(resource.list_page(0, None, cursor.as_deref()), None)
                .await?;
            let page = objects::page(&body).context("a list page")?;
            cursor = page
                .data
                .last()
                .and_then(|o| o["id"].as_str())
                .map(str::to_owned);
            if !page.has_more || cursor.is_none() {
                break;
            }
        }
    }
    Ok(json!({
        "requests": transport.counters().requests(),
        "duration_ms": started.elapsed().as_millis() as u64,
    }))
}

/// Baseline: the seed pattern. List the customers, then for each one retrieve
/// it, list 1 subscription and list 5 invoices, one request after another.
/// Timed on the first `sample` customers.
async fn seed_pattern(client: &StripeClient, sample: usize) -> anyhow::Result<Value> {
    use portal_core::sync::objects;
    use stripe_billing::invoice::ListInvoice;
    use stripe_billing::subscription::ListSubscription;
    use stripe_client_core::StripeRequest;
    use stripe_core::customer::{ListCustomer, RetrieveCustomer};
    let transport = client.transport();
    let started = Instant::now();
    let mut ids = Vec::new();
    loop {
        let mut list = ListCustomer::new().limit(100);
        if let Some(last) = ids.last() {
            list = list.starting_after(String::clone(last));
        }
        let page = objects::page(&transport.send(list.build(), None).await?).context("a page")?;
        ids.extend(
            page.data
                .iter()
                .filter_map(|c| c["id"].as_str().map(str::to_owned)),
        );
        if !page.has_more || page.data.is_empty() {
            break;
        }
    }
    let list_requests = transport.counters().requests();
    let list_ms = started.elapsed().as_secs_f64() * 1000.0;
    let started = Instant::now();
    for id in ids.iter().take(sample) {
        transport
            .send(RetrieveCustomer::new(id.as_str()).build(), None)
            .await?;
        transport
            .send(
                ListSubscription::new()
                    .customer(id.as_str())
                    .limit(1)
                    .build(),
                None,
            )
            .await?;
        transport
            .send(
                ListInvoice::new().customer(id.as_str()).limit(5).build(),
                None,
            )
            .await?;
    }
    Ok(json!({
        "customers": ids.len(),
        "list_requests": list_requests,
        "list_ms": list_ms,
        "sample": sample.min(ids.len()),
        "sample_requests": transport.counters().requests() - list_requests,
        "sample_ms": started.elapsed().as_secs_f64() * 1000.0,
    }))
}

/// Portal sessions opened per `bench portal` run.
const PORTAL_CLICKS: usize = 30;

/// "Open portal" through the core call the `open_portal` command makes
/// (`portal::create_session_for`), with the client the app keeps warm.
/// Reports the time from the call to the opener, minus the sandbox's
/// `latency_ms` (one request's worth).
async fn portal_overhead(
    url: &str,
    latency_ms: f64,
    dir: &std::path::Path,
) -> anyhow::Result<Value> {
    use portal_core::portal::{self, SessionRequest};
    use portal_core::{DataDir, Keychain, ProfileName, Profiles};
    ureq_post(&format!("{url}/_sandbox/portal/default"), &json!({}))?;
    let truth = ureq_get(&format!("{url}/_sandbox/truth"))?;
    let customer = truth["customers"][0]["id"]
        .as_str()
        .context("a customer")?
        .to_owned();
    let profiles = Profiles::new(
        DataDir::resolve(Some(dir.join("data")))?,
        std::sync::Arc::new(Keychain::in_memory()),
    );
    let profile = ProfileName::parse(ProfileName::DEFAULT)?;
    let client = client(url)?;
    let base = ApiBase::parse(url)?;
    let request = SessionRequest {
        customer,
        ..Default::default()
    };
    let mut overheads = Vec::with_capacity(PORTAL_CLICKS);
    for _ in 0..PORTAL_CLICKS {
        let started = Instant::now();
        let session = portal::create_session_for(
            &client,
            &profiles,
            &profile,
            Some(&base),
            portal_core::Mode::Test,
            &request,
        )
        .await?;
        // The opener is called here, with the session's link.
        std::hint::black_box(&session.url);
        overheads.push(started.elapsed().as_secs_f64() * 1000.0 - latency_ms);
    }
    overheads.sort_by(f64::total_cmp);
    let at = |p: f64| overheads[((overheads.len() as f64 * p) as usize).min(overheads.len() - 1)];
    Ok(json!({"clicks": PORTAL_CLICKS, "p50_ms": at(0.5), "p95_ms": at(0.95)}))
}

fn fill(count: usize, path: &std::path::Path) -> anyhow::Result<Value> {
    let mut cache = Cache::open(path)?;
    fill_customers(&mut cache, count)?;
    // Synced just now, so the window opens on it without a first sync.
    let now = portal_core::sync::unix_now();
    cache.write(|tx| {
        use portal_core::cache::sync_state::{self, keys};
        sync_state::set(tx, keys::LAST_SYNC, now)?;
        sync_state::set(tx, keys::LAST_FULL_SYNC, now)
    })?;
    Ok(json!({"customers": count, "path": path.display().to_string()}))
}

fn search(count: usize, dir: &std::path::Path) -> anyhow::Result<Value> {
    let mut cache = Cache::open(&dir.join("cache.sqlite3"))?;
    let names = fill_customers(&mut cache, count)?;
    // Every prefix a person types on the way to a name, an email and an id.
    let mut typed = Vec::new();
    for (n, name) in names.iter().step_by(count / 40).enumerate() {
        let targets = [
            name.clone(),
            format!("{}.{n}", name.to_lowercase()),
            random_id(n * (count / 40)),
        ];
        for target in targets {
            for len in 1..=target.chars().count().min(12) {
                typed.push(target.chars().take(len).collect::<String>());
            }
        }
    }
    // The first search after a sync builds the in-memory index; the window
    // keeps it, so keystrokes after that find it built.
    let indexes = CustomerIndexes::default();
    let started = Instant::now();
    query::customers(&cache, &indexes, &CustomerQuery::default())?;
    let build = started.elapsed();
    let mut times = Vec::new();
    let mut by_len: std::collections::BTreeMap<usize, Vec<f64>> = Default::default();
    let mut by_text: Vec<(f64, &str)> = Vec::new();
    for text in &typed {
        let started = Instant::now();
        let query = CustomerQuery {
            text: text.clone(),
            limit: 50,
            ..Default::default()
        };
        query::customers(&cache, &indexes, &query)?;
        times.push(started.elapsed());
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        by_len.entry(text.chars().count()).or_default().push(ms);
        by_text.push((ms, text));
    }
    if std::env::var_os("BENCH_DETAIL").is_some() {
        by_text.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (ms, text) in by_text.iter().take(40) {
            eprintln!("{ms:.2} ms  {text:?}");
        }
        for (len, mut t) in by_len {
            t.sort_by(f64::total_cmp);
            eprintln!(
                "len {len}: p50 {:.2} max {:.2}",
                t[t.len() / 2],
                t[t.len() - 1]
            );
        }
    }
    times.sort();
    let at = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    Ok(
        json!({"customers": count, "index_build_ms": ms(build), "queries": times.len(), "p50_ms": ms(at(0.5)), "p95_ms": ms(at(0.95)), "max_ms": ms(at(1.0))}),
    )
}

/// Fills `cache` with `count` synthetic customers (16 first names × 12 last
/// names, so names repeat a lot); returns their names in insertion order.
fn fill_customers(cache: &mut Cache, count: usize) -> anyhow::Result<Vec<String>> {
    const FIRST: [&str; 16] = [
        "Ana", "Björn", "Chloé", "Dmitri", "Émile", "Fatima", "Grace", "Hiro", "Inès", "José",
        "Kofi", "Léa", "Mateo", "Noor", "Olga", "Zoë",
    ];
    const LAST: [&str; 12] = [
        "Álvarez",
        "Brown",
        "Chen",
        "Dubois",
        "Eriksson",
        "García",
        "Huang",
        "Kowalski",
        "Müller",
        "Nakamura",
        "Petrović",
        "Yılmaz",
    ];
    let mut names = Vec::with_capacity(count);
    cache.write(|tx| {
        for n in 0..count {
            let name = format!(
                "{} {}",
                FIRST[n % FIRST.len()],
                LAST[(n / FIRST.len()) % LAST.len()]
            );
            let customer = Customer {
                id: random_id(n),
                email: Some(format!(
                    "{}.{n}@example.com",
                    name.to_lowercase().replace(' ', ".")
                )),
                name: Some(name.clone()),
                phone: Some(format!("+1 555 {:07}", n)),
                description: None,
                address: None,
                currency: Some("usd".into()),
                balance: 0,
                delinquent: false,
                default_payment_method: None,
                created: 1_700_000_000 + n as i64,
                preferred_locales: Vec::new(),
            };
            customers::upsert(tx, &customer, 1)?;
            names.push(name);
        }
        Ok(())
    })?;
    Ok(names)
}

/// A Stripe-like id: `cus_` and 24 pseudo-random letters and digits.
fn random_id(n: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut state = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    let tail: String = (0..24)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            ALPHABET[(state % ALPHABET.len() as u64) as usize] as char
        })
        .collect();
    format!("cus_{tail}")
}

fn write(count: usize, dir: &std::path::Path) -> anyhow::Result<Value> {
    let mut cache = Cache::open(&dir.join("cache.sqlite3"))?;
    let started = Instant::now();
    for chunk in (0..count).collect::<Vec<_>>().chunks(100) {
        cache.write(|tx| {
            for n in chunk {
                let invoice = Invoice {
                    id: format!("in_bench{n:09}"),
                    customer_id: Some(format!("cus_bench{:08}", n / 4)),
                    subscription_id: None,
                    number: Some(format!("BENCH-{n:06}")),
                    status: Some("paid".into()),
                    currency: "usd".into(),
                    total: 1999,
                    amount_due: 1999,
                    amount_paid: 1999,
                    amount_remaining: 0,
                    period_start: Some(1_700_000_000),
                    period_end: Some(1_702_592_000),
                    created: 1_700_000_000 + *n as i64,
                    due_date: None,
                    next_payment_attempt: None,
                    hosted_invoice_url: Some(format!("https://invoice.stripe.com/i/{n}")),
                    invoice_pdf: Some(format!("https://pay.stripe.com/invoice/{n}/pdf")),
                };
                invoices::upsert(tx, &invoice, 1)?;
            }
            Ok(())
        })?;
    }
    let elapsed = started.elapsed().as_secs_f64();
    Ok(json!({"invoices": count, "seconds": elapsed, "per_second": count as f64 / elapsed}))
}

/// Minimal HTTP for the sandbox's control API (plain HTTP on loopback).
fn ureq_get(url: &str) -> anyhow::Result<Value> {
    http("GET", url, None)
}

fn ureq_post(url: &str, body: &Value) -> anyhow::Result<Value> {
    http("POST", url, Some(body))
}

fn http(method: &str, url: &str, body: Option<&Value>) -> anyhow::Result<Value> {
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://").context("http URL")?;
    let (host, path) = rest.split_once('/').context("a path")?;
    let mut stream = std::net::TcpStream::connect(host)?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        stream,
        "{method} /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let text = String::from_utf8_lossy(&response);
    let (_, body) = text.split_once("\r\n\r\n").context("an HTTP answer")?;
    Ok(serde_json::from_str(body)?)
}
