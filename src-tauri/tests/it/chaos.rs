//! Chaos: `portal-desk sync` (full, then incremental after portal changes)
//! under seeded fault schedules (429 storms, 5xx, dropped connections,
//! truncated bodies, stalls), and killed with SIGKILL at a seeded point, then
//! restarted. Every run must end equal to the sandbox's truth: no customer,
//! subscription or invoice missing, none extra, none stale, no duplicate in
//! the search index, and `PRAGMA integrity_check` = ok.
//!
//! `cargo xtask test` runs the short version (3 schedules, 1 kill, 1 storm on
//! invoices under Stripe's limiters); `cargo xtask chaos` the full one
//! (`CHAOS_SCHEDULES=20 CHAOS_KILLS=5 CHAOS_STORMS=5`).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{cli, start_sandbox, text};
use serde_json::{Value, json};

const KEY: &str = "sk_test_51ChaosTestsKey00000000chaos";
const CUSTOMERS: usize = 400;

fn count_from_env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn sandbox(seed: u64) -> (tokio::runtime::Runtime, stripe_sandbox::Sandbox) {
    sandbox_with(seed, Default::default())
}

fn sandbox_with(
    seed: u64,
    config: stripe_sandbox::Config,
) -> (tokio::runtime::Runtime, stripe_sandbox::Sandbox) {
    start_sandbox(stripe_sandbox::Config {
        dataset: stripe_sandbox::DatasetConfig {
            customers: CUSTOMERS,
            seed,
            ..Default::default()
        },
        keys: vec![stripe_sandbox::KeySpec::full(KEY)],
        ..config
    })
}

/// Schedule `seed`: which faults, how often, how long a storm lasts.
fn fault_plan(seed: u64) -> Value {
    const KINDS: [&str; 5] = ["rate_limit", "server_error", "drop", "truncate", "stall"];
    // Every schedule mixes all five kinds; seeds rotate which one is doubled.
    let mut kinds = KINDS.to_vec();
    kinds.push(KINDS[seed as usize % KINDS.len()]);
    json!({
        "seed": seed,
        "percent": 15 + seed % 10,
        "kinds": kinds,
        "stall_ms": 600,
        "storm_length": 2 + seed % 4,
        "max_faults": 30,
    })
}

fn portal(dir: &Path, url: &str) -> Command {
    let mut command = cli(dir);
    command.env("STRIPE_API_KEY", KEY).args(["--api-base", url]);
    command
}

/// Syncs until a run succeeds (a run may give up when faults outlast its
/// retries; the next one resumes). Returns how many runs it took.
fn sync_until_done(dir: &Path, url: &str) -> usize {
    for attempt in 1..=6 {
        let started = Instant::now();
        let output = run_guarded(portal(dir, url).arg("sync"));
        if output.status.success() {
            return attempt;
        }
        let (_, stderr) = text(&output);
        // Faults that outlast a run's retries end it with a clear message,
        // keeping what it synced; anything else is a bug.
        assert!(
            stderr.contains("run `portal-desk sync` again to resume"),
            "a run failed without saying how to resume ({:?}): {stderr}",
            started.elapsed()
        );
    }
    panic!("six syncs in a row failed");
}

/// Runs `command`, killing it after three minutes: a sync that outlasts
/// every retry and timeout it has is hung.
fn run_guarded(command: &mut Command) -> std::process::Output {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    let deadline = Instant::now() + Duration::from_secs(180);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            child.kill().ok();
            panic!("the sync hung: {command:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

/// A few portal changes (emails, cancellations, a new card, a deletion),
/// each with the events Stripe sends.
fn portal_changes(sandbox: &stripe_sandbox::Sandbox, seed: u64) {
    let truth = sandbox.truth();
    let customers = truth["customers"].as_array().expect("customers");
    let pick = |k: u64| customers[((seed * 31 + k * 17) as usize) % customers.len()]["id"].clone();
    let subscribed: Vec<Value> = truth["subscriptions"]
        .as_array()
        .expect("subscriptions")
        .iter()
        .filter(|s| s["status"] == "active" && s["cancel_at_period_end"] == false)
        .map(|s| s["customer"].clone())
        .collect();
    let mut actions = vec![
        json!({"action": "update_email", "customer": pick(1), "email": format!("chaos{seed}@example.com")}),
        json!({"action": "update_email", "customer": pick(2), "email": format!("moved{seed}@example.com")}),
        json!({"action": "add_card", "customer": pick(3), "brand": "visa", "last4": "4242", "exp_month": 12, "exp_year": 2031}),
        json!({"action": "delete_customer", "customer": pick(4)}),
    ];
    for customer in subscribed.iter().skip(seed as usize % 7).take(2) {
        actions.push(json!({"action": "cancel_at_period_end", "customer": customer}));
    }
    for action in actions {
        sandbox
            .control("simulate", action.clone())
            .unwrap_or_else(|e| panic!("{action}: {e}"));
    }
}

/// The cache's rows of `table`: id → the columns compared with the truth.
fn cached(dir: &Path, sql: &str) -> BTreeMap<String, String> {
    let cache = portal_core::cache::Cache::open(&dir.join("cache-default.sqlite3")).expect("cache");
    let mut statement = cache.conn().prepare(sql).expect("sql");
    statement
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

fn truth_of(
    truth: &Value,
    list: &str,
    fields: impl Fn(&Value) -> String,
) -> BTreeMap<String, String> {
    truth[list]
        .as_array()
        .expect("list")
        .iter()
        .map(|o| (o["id"].as_str().expect("id").to_owned(), fields(o)))
        .collect()
}

/// Missing, extra and stale ids of one kind, reported together.
fn compare(
    what: &str,
    expected: &BTreeMap<String, String>,
    actual: &BTreeMap<String, String>,
) -> Vec<String> {
    let missing = expected
        .keys()
        .filter(|id| !actual.contains_key(*id))
        .count();
    let extra = actual
        .keys()
        .filter(|id| !expected.contains_key(*id))
        .count();
    let stale: Vec<&String> = expected
        .iter()
        .filter(|(id, v)| actual.get(*id).is_some_and(|a| a != *v))
        .map(|(id, _)| id)
        .collect();
    if missing + extra + stale.len() == 0 {
        return Vec::new();
    }
    vec![format!(
        "{what}: {missing} missing, {extra} extra, {} stale (first: {:?})",
        stale.len(),
        stale.first()
    )]
}

fn assert_equal_to_truth(dir: &Path, sandbox: &stripe_sandbox::Sandbox, label: &str) {
    let truth = sandbox.truth();
    let text = |v: &Value| v.as_str().unwrap_or("").to_owned();
    let mut problems = Vec::new();
    problems.extend(compare(
        "customers",
        &truth_of(&truth, "customers", |c| text(&c["email"])),
        &cached(dir, "SELECT id, coalesce(email, '') FROM customers"),
    ));
    problems.extend(compare(
        "subscriptions",
        &truth_of(&truth, "subscriptions", |s| {
            format!("{} {}", text(&s["status"]), s["cancel_at_period_end"] == true)
        }),
        &cached(
            dir,
            "SELECT id, status || ' ' || CASE cancel_at_period_end WHEN 1 THEN 'true' ELSE 'false' END
             FROM subscriptions",
        ),
    ));
    problems.extend(compare(
        "invoices",
        &truth_of(&truth, "invoices", |i| text(&i["status"])),
        &cached(dir, "SELECT id, coalesce(status, '') FROM invoices"),
    ));
    let cache = portal_core::cache::Cache::open(&dir.join("cache-default.sqlite3")).expect("cache");
    // Search reads each customer's folded text: every customer is found by
    // their email, as Stripe has it now.
    let indexes = portal_core::cache::customer_index::CustomerIndexes::default();
    for (id, email) in cached(
        dir,
        "SELECT id, email FROM customers WHERE email IS NOT NULL",
    ) {
        let query = portal_core::cache::customers::CustomerQuery {
            text: email.clone(),
            limit: 50,
            ..Default::default()
        };
        let (rows, _) = portal_core::query::customers(&cache, &indexes, &query).expect("search");
        if !rows.iter().any(|row| row.id == id) {
            problems.push(format!("search: {email} does not find {id}"));
        }
    }
    let integrity = cache.integrity_check().expect("integrity_check");
    if integrity != "ok" {
        problems.push(format!("integrity_check: {integrity}"));
    }
    assert!(problems.is_empty(), "{label}: {problems:#?}");
}

#[test]
fn syncs_under_fault_schedules_end_equal_to_stripe() {
    // `CHAOS_FROM` reruns a failing schedule alone.
    let first = count_from_env("CHAOS_FROM", 1);
    for seed in first..first + count_from_env("CHAOS_SCHEDULES", 3) {
        let (_runtime, sandbox) = sandbox(seed);
        let url = sandbox.url().to_owned();
        let tmp = tempfile::tempdir().expect("tmp");
        sandbox
            .control("conditions", json!({"faults": fault_plan(seed)}))
            .expect("faults");

        let started = Instant::now();
        let full_runs = sync_until_done(tmp.path(), &url);
        let full_time = started.elapsed();
        assert_equal_to_truth(tmp.path(), &sandbox, &format!("schedule {seed}, full sync"));
        portal_changes(&sandbox, seed);
        // The same schedule goes on faulting (its budget permitting).
        let incremental_runs = sync_until_done(tmp.path(), &url);
        assert_equal_to_truth(
            tmp.path(),
            &sandbox,
            &format!("schedule {seed}, incremental"),
        );
        let faults = sandbox.counters()["faults"].clone();
        let injected: u64 = faults
            .as_object()
            .map_or(0, |kinds| kinds.values().filter_map(Value::as_u64).sum());
        assert!(injected > 0, "schedule {seed} injected no fault");
        eprintln!(
            "chaos schedule {seed}: faults {faults}, {full_runs} full runs ({full_time:.1?}) and \
             {incremental_runs} incremental"
        );
    }
}

/// 429 storms on one operation, `GET /v1/invoices` (the longest list), with
/// Stripe's limiters on for a test-mode account: 25 requests/s in all, 25/s
/// per operation, 20 in flight.
#[test]
fn syncs_under_429_storms_on_invoices_end_equal_to_stripe() {
    for seed in 1..=count_from_env("CHAOS_STORMS", 1) {
        let (_runtime, sandbox) = sandbox_with(
            200 + seed,
            stripe_sandbox::Config {
                rate_limit: Some(25.0),
                endpoint_rate_limit: Some(25.0),
                max_in_flight: Some(20),
                ..Default::default()
            },
        );
        let url = sandbox.url().to_owned();
        let tmp = tempfile::tempdir().expect("tmp");
        sandbox
            .control(
                "conditions",
                json!({"faults": {"seed": seed, "percent": 30, "kinds": ["rate_limit"],
                       "storm_length": 3 + seed % 4, "paths": ["/v1/invoices"], "max_faults": 24}}),
            )
            .expect("faults");
        let runs = sync_until_done(tmp.path(), &url);
        assert_equal_to_truth(tmp.path(), &sandbox, &format!("storm {seed}, full sync"));
        portal_changes(&sandbox, seed);
        sync_until_done(tmp.path(), &url);
        assert_equal_to_truth(tmp.path(), &sandbox, &format!("storm {seed}, incremental"));
        let counters = sandbox.counters();
        assert!(
            counters["faults"]["rate_limit"].as_u64().unwrap_or(0) > 0,
            "storm {seed} hit nothing: {counters}"
        );
        eprintln!(
            "chaos storm {seed}: {runs} full runs, storms {}, limiters {}",
            counters["faults"], counters["rate_limited_by"]
        );
    }
}

#[test]
fn a_sync_killed_at_a_seeded_point_restarts_to_stripes_truth() {
    for seed in 1..=count_from_env("CHAOS_KILLS", 1) {
        let (_runtime, sandbox) = sandbox(100 + seed);
        let url = sandbox.url().to_owned();
        let tmp = tempfile::tempdir().expect("tmp");
        sandbox
            .control("conditions", json!({"faults": fault_plan(seed + 50)}))
            .expect("faults");

        // A full sync of 400 customers reads about 30 pages; kill it after 3 to 22.
        let kill_after = 3 + (seed * 7) % 20;
        let mut child = portal(tmp.path(), &url)
            .arg("sync")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("sync starts");
        let deadline = Instant::now() + Duration::from_secs(60);
        while sandbox.counters()["total"].as_u64().unwrap_or(0) < kill_after {
            assert!(Instant::now() < deadline, "the sync never got going");
            if child.try_wait().expect("wait").is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        child.kill().ok(); // SIGKILL
        child.wait().expect("reaped");
        let cache = portal_core::cache::Cache::open(&tmp.path().join("cache-default.sqlite3"))
            .expect("cache");
        assert_eq!(cache.integrity_check().expect("check"), "ok", "kill {seed}");
        drop(cache);

        sync_until_done(tmp.path(), &url);
        assert_equal_to_truth(
            tmp.path(),
            &sandbox,
            &format!("kill {seed} after {kill_after} requests"),
        );
        portal_changes(&sandbox, seed);
        sync_until_done(tmp.path(), &url);
        assert_equal_to_truth(
            tmp.path(),
            &sandbox,
            &format!("kill {seed}, then incremental"),
        );
    }
}
