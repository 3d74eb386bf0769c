//! Full and incremental sync against the Stripe sandbox over real HTTP, into a
//! real SQLite file.

use std::collections::BTreeSet;
use std::time::Duration;

use portal_core::cache::Cache;
use portal_core::cache::customers::{CustomerQuery, StatusFilter};
use portal_core::sync::{SyncMode, SyncOptions, SyncReport, sync};
use portal_core::{StripeClient, StripeFailure, TransportOptions, query};
use serde_json::{Value, json};
use stripe_sandbox::{Config, DatasetConfig, KeySpec, Sandbox};

const KEY: &str = "sk_test_51SyncTestsKey000000000sync";

async fn sandbox(customers: usize) -> Sandbox {
    crate::support::sandbox(
        customers,
        vec![
            KeySpec::full(KEY),
            KeySpec::parse("rk_test_51SyncTestsNoEvents0000=customer_read"),
        ],
    )
    .await
}

fn client(sandbox: &Sandbox, key: &str) -> StripeClient {
    crate::support::client(
        sandbox.url(),
        key,
        // As many attempts as a real sync makes: with jittered backoff a retry
        // can come before other requests have used up a storm of 429s, so a
        // request may meet its own storm twice.
        TransportOptions {
            requests_per_second: 1000.0,
            per_operation: 1000.0,
            backoff_base: Duration::from_millis(250),
            timeout: Duration::from_secs(2),
            max_attempts: 6,
            max_in_flight: 32,
        },
    )
}

fn options(full: bool) -> SyncOptions {
    SyncOptions {
        full,
        concurrency: 6,
    }
}

async fn run(
    client: &StripeClient,
    cache: &mut Cache,
    full: bool,
) -> Result<SyncReport, portal_core::sync::SyncError> {
    sync(client, cache, &options(full), &mut |_| {}).await
}

fn ids(truth: &Value, list: &str) -> BTreeSet<String> {
    truth[list]
        .as_array()
        .expect("a truth list")
        .iter()
        .filter_map(|o| o["id"].as_str().map(str::to_owned))
        .collect()
}

fn cached(cache: &Cache, table: &str) -> BTreeSet<String> {
    let mut statement = cache
        .conn()
        .prepare(&format!("SELECT id FROM {table}"))
        .expect("table");
    statement
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

/// The default payment methods of live customers and subscriptions: what a
/// full sync reads through its expansions.
fn default_methods(truth: &Value) -> BTreeSet<String> {
    let attached: BTreeSet<String> = truth["payment_methods"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|pm| pm["customer"].is_string())
        .filter_map(|pm| pm["id"].as_str().map(str::to_owned))
        .collect();
    let customers = truth["customers"].as_array().expect("list").iter();
    let subscriptions = truth["subscriptions"].as_array().expect("list").iter();
    customers
        .filter_map(|c| c["invoice_settings"]["default_payment_method"].as_str())
        .chain(subscriptions.filter_map(|s| s["default_payment_method"].as_str()))
        .map(str::to_owned)
        .filter(|id| attached.contains(id))
        .collect()
}

fn assert_equal_to_truth(sandbox: &Sandbox, cache: &Cache) {
    let truth = sandbox.truth();
    for (list, table) in [
        ("customers", "customers"),
        ("subscriptions", "subscriptions"),
        ("invoices", "invoices"),
        ("prices", "prices"),
        ("products", "products"),
    ] {
        let expected = ids(&truth, list);
        let actual = cached(cache, table);
        assert_eq!(
            (
                expected.difference(&actual).count(),
                actual.difference(&expected).count()
            ),
            (0, 0),
            "{list}: missing or extra ids"
        );
    }
    assert_eq!(cached(cache, "payment_methods"), default_methods(&truth));
    assert_eq!(cache.integrity_check().expect("check"), "ok");
}

fn cache_file(dir: &tempfile::TempDir) -> Cache {
    Cache::open(&dir.path().join("cache.sqlite3")).expect("cache opens")
}

#[tokio::test]
async fn a_full_sync_equals_the_sandbox_and_reads_only_lists() -> anyhow::Result<()> {
    let sandbox = sandbox(450).await;
    let dir = tempfile::tempdir()?;
    let mut cache = cache_file(&dir);
    let client = client(&sandbox, KEY);

    let mut snapshots = Vec::new();
    let report = sync(&client, &mut cache, &options(false), &mut |p| {
        snapshots.push(p.clone())
    })
    .await?;
    assert_eq!(
        report.mode,
        SyncMode::Full,
        "the first sync reads everything"
    );
    assert_equal_to_truth(&sandbox, &cache);
    assert_eq!(report.counts.customers, 450);
    // Every stored status has its filter, so the chips add up to All.
    let counts = query::status_counts(&cache)?;
    for (status, n) in &counts {
        assert!(
            StatusFilter::parse(status).is_some(),
            "{n} customers are {status}, which no filter selects"
        );
    }
    assert!(
        counts.iter().any(|(status, _)| status == "unpaid"),
        "{counts:?}"
    );
    let canceled: i64 = cache.conn().query_row(
        "SELECT count(*) FROM subscriptions WHERE status = 'canceled'",
        [],
        |r| r.get(0),
    )?;
    assert!(canceled > 0, "canceled subscriptions are synced too");

    // Only list endpoints (plus the account, the event feed and, in test
    // mode, the account's test clocks), never one per customer.
    let requests = sandbox.requests();
    assert!(!requests.is_empty());
    for request in &requests {
        let path = request["path"].as_str().unwrap_or_default();
        assert!(
            matches!(
                path,
                "/v1/customers"
                    | "/v1/subscriptions"
                    | "/v1/invoices"
                    | "/v1/prices"
                    | "/v1/products"
                    | "/v1/events"
                    | "/v1/test_helpers/test_clocks"
                    | "/v1/account"
            ),
            "unexpected request {path}"
        );
    }
    let last = snapshots
        .iter()
        .rev()
        .find(|p| p.mode == SyncMode::Full)
        .expect("full-sync progress was reported");
    assert!(last.resources.iter().all(|r| r.done));
    let customers = last
        .resources
        .iter()
        .find(|r| r.name == "customers")
        .expect("customers");
    assert_eq!(customers.fetched, 450);

    // A second sync reads only events.
    sandbox
        .control("counters/reset", json!({}))
        .map_err(anyhow::Error::msg)?;
    let again = run(&client, &mut cache, false).await?;
    assert_eq!((again.mode, again.requests), (SyncMode::Incremental, 1));
    Ok(())
}

fn paths(requests: &[Value]) -> Vec<String> {
    requests
        .iter()
        .filter_map(|r| r["path"].as_str().map(str::to_owned))
        .collect()
}

const LISTS: [&str; 5] = [
    "/v1/customers",
    "/v1/subscriptions",
    "/v1/invoices",
    "/v1/prices",
    "/v1/products",
];

#[tokio::test]
async fn every_list_starts_before_the_account_answers() -> anyhow::Result<()> {
    let sandbox = sandbox(30).await;
    let control = |body: Value| {
        sandbox
            .control("conditions", body)
            .map_err(anyhow::Error::msg)
    };
    // The account (which only guides where windows split) waits until lifted.
    control(json!({"hold": ["/v1/account"]}))?;
    let dir = tempfile::tempdir()?;
    let mut cache = cache_file(&dir);
    let client = client(&sandbox, KEY);

    let watch = async {
        let mut seen = Vec::new();
        // A bound on the wait, not a speed test: a sync that waits for the
        // account never reads a list while it is held.
        for _ in 0..200 {
            seen = paths(&sandbox.requests());
            if LISTS.iter().all(|list| seen.iter().any(|p| p == list)) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        control(json!({"hold": null})).map(|_| seen)
    };
    let (report, seen) = tokio::join!(run(&client, &mut cache, true), watch);
    let seen = seen?;
    for list in LISTS {
        assert!(
            seen.iter().any(|p| p == list),
            "{list} was read while the account was held: {seen:?}"
        );
    }
    assert!(!seen.iter().any(|p| p == "/v1/account"), "{seen:?}");
    assert!(
        seen.iter().any(|p| p == "/v1/test_helpers/test_clocks"),
        "the test clocks are read beside the lists, not after them: {seen:?}"
    );
    assert!(
        !seen.iter().any(|p| p == "/v1/events"),
        "no request waits on the event feed before the lists: {seen:?}"
    );
    report?;
    assert_equal_to_truth(&sandbox, &cache);
    // The feed's position came from Stripe's clock; its one request catches up after the lists.
    let all = paths(&sandbox.requests());
    assert_eq!(all.iter().filter(|p| *p == "/v1/events").count(), 1);
    assert_eq!(all.last().map(String::as_str), Some("/v1/events"));
    Ok(())
}

#[tokio::test]
async fn the_feed_pages_only_what_the_cache_applies_at_the_fewest_requests() -> anyhow::Result<()> {
    let sandbox = sandbox(40).await;
    let dir = tempfile::tempdir()?;
    let mut cache = cache_file(&dir);
    let client = client(&sandbox, KEY);
    run(&client, &mut cache, true).await?;
    let simulate = |body: Value| {
        sandbox
            .control("simulate", body)
            .map_err(anyhow::Error::msg)
    };
    // A busy account's checkout traffic: 450 events, four and a half pages
    // of a feed without `types[]`.
    simulate(json!({"action": "checkout_payments", "count": 150}))?;
    let truth = sandbox.truth();
    let customers: Vec<String> = ids(&truth, "customers").into_iter().take(5).collect();
    for customer in &customers[..3] {
        simulate(json!({"action": "update_email", "customer": customer,
                        "email": format!("new.{customer}@example.com")}))?;
    }
    for customer in &customers[3..] {
        simulate(json!({"action": "add_card", "customer": customer, "last4": "4242"}))?;
    }
    simulate(json!({"action": "checkout_payments", "count": 20}))?;
    sandbox
        .control("counters/reset", json!({}))
        .map_err(anyhow::Error::msg)?;
    let before = sandbox.requests().len();

    let report = run(&client, &mut cache, false).await?;
    assert_eq!(report.mode, SyncMode::Incremental);
    // 7 events (3 emails, 2 cards with their customer's update): one page,
    // then one retrieve per distinct object (5 customers, 2 cards).
    assert_eq!(report.events_applied, 7);
    assert_eq!(report.requests, 1 + 7);
    let requests = sandbox.requests();
    let feed: Vec<&Value> = requests[before..]
        .iter()
        .filter(|r| r["path"] == "/v1/events")
        .collect();
    assert_eq!(feed.len(), 1);
    let types = feed[0]["params"]["types"].as_array().expect("types[] sent");
    assert_eq!(types.len(), 20, "Stripe takes at most 20");
    assert!(
        types
            .iter()
            .all(|t| t.as_str().is_some_and(|t| !t.contains('*')
                && !t.starts_with("charge.")
                && !t.starts_with("payment_intent.")
                && !t.starts_with("balance."))),
        "{types:?}"
    );
    assert_equal_to_truth(&sandbox, &cache);
    Ok(())
}

#[tokio::test]
async fn deleted_objects_leave_the_cache_after_a_full_sync() -> anyhow::Result<()> {
    let sandbox = sandbox(30).await;
    let dir = tempfile::tempdir()?;
    let mut cache = cache_file(&dir);
    let client = client(&sandbox, KEY);
    run(&client, &mut cache, true).await?;
    let gone = ids(&sandbox.truth(), "customers")
        .into_iter()
        .next()
        .expect("a customer");
    // Deleted without us reading the event: only a full sync can notice.
    sandbox
        .control(
            "simulate",
            json!({"action": "delete_customer", "customer": gone}),
        )
        .map_err(anyhow::Error::msg)?;
    run(&client, &mut cache, true).await?;
    assert!(!cached(&cache, "customers").contains(&gone));
    assert_equal_to_truth(&sandbox, &cache);
    Ok(())
}

#[tokio::test]
async fn a_customer_on_a_test_clock_is_read_and_never_deleted_as_unseen() -> anyhow::Result<()> {
    let sandbox = sandbox(30).await;
    let dir = tempfile::tempdir()?;
    let mut cache = cache_file(&dir);
    let client = client(&sandbox, KEY);
    run(&client, &mut cache, true).await?;
    sandbox
        .control(
            "simulate",
            json!({"action": "test_clock_customer", "name": "Clockwork Ltd", "email": "ops@clockwork.test"}),
        )
        .map_err(anyhow::Error::msg)?;
    let truth = sandbox.truth();
    let on_clock: Vec<&Value> = truth["customers"]
        .as_array()
        .expect("customers")
        .iter()
        .filter(|c| c["test_clock"].is_string())
        .collect();
    let customer = on_clock[0]["id"].as_str().expect("id").to_owned();

    // Its events bring it in; a full sync, whose plain lists leave it out, keeps it.
    run(&client, &mut cache, false).await?;
    assert!(cached(&cache, "customers").contains(&customer));
    sandbox
        .control("counters/reset", json!({}))
        .map_err(anyhow::Error::msg)?;
    run(&client, &mut cache, true).await?;
    assert!(cached(&cache, "customers").contains(&customer));
    assert_equal_to_truth(&sandbox, &cache);
    let clock = on_clock[0]["test_clock"].as_str().expect("clock");
    let asked: Vec<String> = sandbox
        .requests()
        .iter()
        .filter(|r| r["params"]["test_clock"] == clock)
        .filter_map(|r| r["path"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(
        asked,
        ["/v1/customers", "/v1/subscriptions"],
        "each list once for the clock"
    );

    // A key that may not list clocks can't see them: nothing of theirs is
    // deleted as unseen (the feed still removes a deleted customer).
    let blind = client_with_permissions(
        &sandbox,
        "rk_test_51SyncTestsNoClocks0000",
        "customer_read,subscription_read,invoice_read,product_read,payment_method_read,event_read",
    );
    let dir = tempfile::tempdir()?;
    let mut other = cache_file(&dir);
    run(&client, &mut other, true).await?;
    run(&blind, &mut other, true).await?;
    assert!(cached(&other, "customers").contains(&customer));
    Ok(())
}

fn client_with_permissions(sandbox: &Sandbox, key: &str, permissions: &str) -> StripeClient {
    sandbox
        .control(
            "keys",
            json!({"key": key, "permissions": permissions.split(',').collect::<Vec<_>>()}),
        )
        .expect("a restricted key");
    client(sandbox, key)
}

#[tokio::test]
async fn legacy_plans_and_products_keep_the_ids_their_merchant_chose() -> anyhow::Result<()> {
    let sandbox = sandbox(20).await;
    let dir = tempfile::tempdir()?;
    let mut cache = cache_file(&dir);
    let client = client(&sandbox, KEY);
    run(&client, &mut cache, true).await?;
    let prices = cached(&cache, "prices");
    assert!(prices.contains("gold-monthly") && prices.contains("pro annual 2019"));
    assert!(cached(&cache, "products").contains("gold-plan"));

    // A customer moves to the legacy plan: the event's retrieve and the item's
    // price both carry the hyphenated id.
    let truth = sandbox.truth();
    let customer = truth["subscriptions"]
        .as_array()
        .expect("subscriptions")
        .iter()
        .find(|s| s["status"] == "active" && s["currency"] == "usd")
        .and_then(|s| s["customer"].as_str())
        .expect("a customer billed in dollars")
        .to_owned();
    sandbox
        .control(
            "simulate",
            json!({"action": "switch_price", "customer": customer, "price": "gold-monthly"}),
        )
        .map_err(anyhow::Error::msg)?;
    run(&client, &mut cache, false).await?;
    let on_plan: i64 = cache.conn().query_row(
        "SELECT count(*) FROM subscription_items i JOIN subscriptions s ON s.id = i.subscription_id
         WHERE s.customer_id = ?1 AND i.price_id = 'gold-monthly'",
        [&customer],
        |r| r.get(0),
    )?;
    assert_eq!(on_plan, 1);
    assert_equal_to_truth(&sandbox, &cache);
    Ok(())
}

fn first_live_customer(cache: &Cache) -> (String, String) {
    let (rows, _) = query::customers(
        cache,
        &Default::default(),
        &CustomerQuery {
            status: Some(StatusFilter::Active),
            limit: 1,
            ..Default::default()
        },
    )
    .expect("query");
    let row = rows.into_iter().next().expect("an active customer");
    (row.id, row.name.unwrap_or_default())
}

/// The customer's feed, newest first. Each entry's details, in the English
/// catalogue, read exactly as the core's own sentence: the window words the
/// same facts in every language.
fn activity(cache: &Cache, customer: &str) -> Vec<String> {
    let entries = query::activity(cache, Some(customer), 20).expect("activity");
    for entry in &entries {
        let worded = portal_i18n::activity(
            portal_i18n::Language::En,
            &entry.kind,
            &entry.args,
            &portal_core::money::format_date,
        );
        assert_eq!(worded.as_deref(), Some(entry.message.as_str()), "{entry:?}");
    }
    entries.into_iter().map(|e| e.message).collect()
}

#[tokio::test]
async fn each_portal_change_is_applied_from_events_with_an_activity_entry() -> anyhow::Result<()> {
    let sandbox = sandbox(40).await;
    let dir = tempfile::tempdir()?;
    let mut cache = cache_file(&dir);
    let client = client(&sandbox, KEY);
    run(&client, &mut cache, false).await?;
    let (customer, name) = first_live_customer(&cache);
    let simulate = |body: Value| {
        sandbox
            .control("simulate", body)
            .map_err(anyhow::Error::msg)
    };

    simulate(json!({"action": "update_email", "customer": customer, "email": "new@example.com"}))?;
    let report = run(&client, &mut cache, false).await?;
    assert_eq!(
        (report.mode, report.events_applied),
        (SyncMode::Incremental, 1)
    );
    let info = query::billing_info(&cache, &customer, 0)?.expect("cached");
    assert_eq!(info.customer.email.as_deref(), Some("new@example.com"));
    assert!(
        activity(&cache, &customer)[0].contains("changed their email"),
        "{:?}",
        activity(&cache, &customer)
    );

    simulate(
        json!({"action": "update_address", "customer": customer, "address": {"city": "Lyon"}}),
    )?;
    run(&client, &mut cache, false).await?;
    let info = query::billing_info(&cache, &customer, 0)?.expect("cached");
    assert_eq!(
        info.customer.address.and_then(|a| a.city).as_deref(),
        Some("Lyon")
    );
    assert!(activity(&cache, &customer)[0].contains("billing address"));

    simulate(
        json!({"action": "add_card", "customer": customer, "brand": "visa", "last4": "4242"}),
    )?;
    run(&client, &mut cache, false).await?;
    let info = query::billing_info(&cache, &customer, 0)?.expect("cached");
    let default = info.payment_methods.first().expect("a default method");
    assert_eq!(
        (default.method.last4.as_deref(), default.is_default),
        (Some("4242"), true)
    );
    let feed = activity(&cache, &customer).join("\n");
    assert!(
        feed.contains(&format!("{name} added Visa •••• 4242")),
        "{feed}"
    );

    let truth = sandbox.truth();
    let other_price = truth["prices"]
        .as_array()
        .expect("prices")
        .iter()
        .filter(|p| p["recurring"].is_object())
        .filter(|p| {
            Some(p["currency"].as_str().unwrap_or_default())
                == info
                    .subscription
                    .as_ref()
                    .and_then(|s| s.subscription.currency.as_deref())
        })
        .filter_map(|p| p["id"].as_str())
        .find(|id| {
            Some(*id)
                != info
                    .subscription
                    .as_ref()
                    .and_then(|s| s.subscription.items[0].price_id.as_deref())
        })
        .expect("another price")
        .to_owned();
    simulate(json!({"action": "switch_price", "customer": customer, "price": other_price}))?;
    run(&client, &mut cache, false).await?;
    let info = query::billing_info(&cache, &customer, 0)?.expect("cached");
    let subscription = info.subscription.expect("a subscription");
    assert_eq!(
        subscription.subscription.items[0].price_id.as_deref(),
        Some(other_price.as_str())
    );
    assert!(
        activity(&cache, &customer)[0].contains("switched from"),
        "{:?}",
        activity(&cache, &customer)
    );

    simulate(json!({"action": "cancel_at_period_end", "customer": customer}))?;
    run(&client, &mut cache, false).await?;
    let info = query::billing_info(&cache, &customer, 0)?.expect("cached");
    assert!(
        info.subscription
            .expect("subscription")
            .subscription
            .cancel_at_period_end
    );
    assert!(activity(&cache, &customer)[0].contains("at period end"));

    simulate(json!({"action": "cancel_now", "customer": customer}))?;
    run(&client, &mut cache, false).await?;
    let info = query::billing_info(&cache, &customer, 0)?.expect("cached");
    assert_eq!(
        info.subscription.expect("subscription").subscription.status,
        "canceled"
    );
    assert!(activity(&cache, &customer)[0].contains("was canceled"));

    simulate(json!({"action": "delete_customer", "customer": customer}))?;
    run(&client, &mut cache, false).await?;
    assert!(query::billing_info(&cache, &customer, 0)?.is_none());
    assert!(activity(&cache, &customer)[0].contains("was deleted"));

    assert_equal_to_truth(&sandbox, &cache);
    // Every event once: a sync with nothing new applies nothing.
    let quiet = run(&client, &mut cache, false).await?;
    assert_eq!(quiet.events_applied, 0);
    Ok(())
}

#[tokio::test]
async fn a_sync_survives_faults_and_resumes_where_it_stopped() -> anyhow::Result<()> {
    let sandbox = sandbox(600).await;
    let dir = tempfile::tempdir()?;
    let mut cache = cache_file(&dir);
    let client = client(&sandbox, KEY);

    // Transient faults are retried inside the sync.
    sandbox
        .control(
            "conditions",
            json!({"faults": {"seed": 7, "percent": 15, "kinds": ["server_error", "drop", "truncate", "rate_limit"],
                   "storm_length": 2}}),
        )
        .map_err(anyhow::Error::msg)?;
    let report = run(&client, &mut cache, true).await?;
    assert!(report.retries > 0, "faults were injected and retried");
    assert_equal_to_truth(&sandbox, &cache);

    // A network that goes away mid-sync: the sync stops, keeping its pages…
    sandbox
        .control("conditions", json!({"faults": null}))
        .map_err(anyhow::Error::msg)?;
    sandbox
        .control(
            "conditions",
            json!({"faults": {"seed": 1, "percent": 100, "kinds": ["drop"], "paths": ["/v1/invoices"]}}),
        )
        .map_err(anyhow::Error::msg)?;
    let error = run(&client, &mut cache, true)
        .await
        .expect_err("invoices can't be read");
    assert!(
        matches!(
            error,
            portal_core::sync::SyncError::Stripe(StripeFailure::Unreachable(_))
        ),
        "{error}"
    );
    assert_eq!(cache.integrity_check()?, "ok");
    let customers_before: i64 = cache.conn().query_row(
        "SELECT sum(fetched) FROM sync_windows WHERE resource = 'customers' AND done",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(customers_before, 600, "finished windows are committed");

    // …and the next sync resumes it without reading the customers again.
    sandbox
        .control("conditions", json!({"faults": null}))
        .map_err(anyhow::Error::msg)?;
    sandbox
        .control("counters/reset", json!({}))
        .map_err(anyhow::Error::msg)?;
    let resumed = run(&client, &mut cache, false).await?;
    assert_eq!(resumed.mode, SyncMode::Full);
    assert!(
        resumed
            .note
            .as_deref()
            .unwrap_or_default()
            .contains("Resumed")
    );
    let routes = &sandbox.counters()["routes"];
    assert!(
        routes.get("GET /v1/customers").is_none(),
        "customers were not read again: {routes}"
    );
    assert_equal_to_truth(&sandbox, &cache);
    Ok(())
}

#[tokio::test]
async fn refused_keys_and_a_lost_network_leave_the_cache_intact() -> anyhow::Result<()> {
    let sandbox = sandbox(20).await;
    let dir = tempfile::tempdir()?;
    let mut cache = cache_file(&dir);
    run(&client(&sandbox, KEY), &mut cache, true).await?;
    let counts = cache.counts()?;

    let no_events = client(&sandbox, "rk_test_51SyncTestsNoEvents0000");
    match run(&no_events, &mut cache, true).await {
        Err(portal_core::sync::SyncError::Stripe(StripeFailure::Api { status: 403, .. })) => {}
        other => panic!("expected a 403, got {other:?}"),
    }
    sandbox
        .control("keys/revoke", json!({"key": KEY}))
        .map_err(anyhow::Error::msg)?;
    match run(&client(&sandbox, KEY), &mut cache, false).await {
        Err(portal_core::sync::SyncError::Stripe(StripeFailure::Rejected)) => {}
        other => panic!("expected a rejected key, got {other:?}"),
    }
    let url = sandbox.url().to_owned();
    drop(sandbox);
    let offline = crate::support::client(
        &url,
        KEY,
        crate::support::unpaced(Duration::from_secs(1), 2),
    );
    let error = run(&offline, &mut cache, false).await.expect_err("offline");
    assert!(matches!(
        error,
        portal_core::sync::SyncError::Stripe(StripeFailure::Unreachable(_))
    ));
    assert_eq!(cache.counts()?, counts, "nothing lost");
    assert_eq!(cache.integrity_check()?, "ok");
    Ok(())
}

#[tokio::test]
async fn a_cache_older_than_stripes_event_retention_gets_a_full_sync() -> anyhow::Result<()> {
    use portal_core::cache::sync_state;
    let sandbox = sandbox(15).await;
    let dir = tempfile::tempdir()?;
    let mut cache = cache_file(&dir);
    let client = client(&sandbox, KEY);
    run(&client, &mut cache, false).await?;
    let forty_days_ago = portal_core::sync::unix_now() - 40 * 86_400;
    cache.write(|tx| sync_state::set(tx, sync_state::keys::LAST_SYNC, forty_days_ago))?;

    let report = run(&client, &mut cache, false).await?;
    assert_eq!(report.mode, SyncMode::Full);
    let note = report.note.unwrap_or_default();
    assert!(
        note.contains("40 days ago") && note.contains("30 days"),
        "{note}"
    );
    assert_equal_to_truth(&sandbox, &cache);
    Ok(())
}

/// Stripe's three limiters, as the sandbox enforces them: 100 requests/s in
/// all (live mode), 25/s per API operation, and a cap on requests in flight.
async fn limited_sandbox(customers: usize) -> Sandbox {
    Sandbox::start(Config {
        dataset: DatasetConfig {
            customers,
            ..DatasetConfig::default()
        },
        keys: vec![KeySpec::full(KEY)],
        rate_limit: Some(100.0),
        endpoint_rate_limit: Some(25.0),
        max_in_flight: Some(20),
        ..Config::default()
    })
    .await
    .expect("the sandbox starts")
}

fn paced_client(sandbox: &Sandbox, options: TransportOptions) -> StripeClient {
    crate::support::client(sandbox.url(), KEY, options)
}

#[tokio::test]
async fn a_live_paced_full_sync_stays_inside_every_limiter() -> anyhow::Result<()> {
    let sandbox = limited_sandbox(2_000).await;
    let dir = tempfile::tempdir()?;
    let mut cache = cache_file(&dir);
    // A live key's background budget (the sandbox takes test keys only).
    let pacing = TransportOptions::for_sync(portal_core::Mode::Live);
    let client = paced_client(&sandbox, pacing.clone());
    let options = SyncOptions::for_rate(pacing.requests_per_second, true);
    sync(&client, &mut cache, &options, &mut |_| {}).await?;
    assert_equal_to_truth(&sandbox, &cache);

    let counters = sandbox.counters();
    let total = counters["total"].as_u64().unwrap_or(0);
    let refused = counters["rate_limited"].as_u64().unwrap_or(u64::MAX);
    assert!(total > 100, "a real sync: {counters}");
    assert!(
        refused * 100 <= total,
        "at most 1% of requests refused by a limiter: {refused} of {total} ({})",
        counters["rate_limited_by"]
    );
    Ok(())
}

#[tokio::test]
async fn the_client_keeps_its_requests_in_flight_under_the_cap() -> anyhow::Result<()> {
    // Slow answers and a tight cap: a sync starts every list at once and
    // splits them into windows, so without its own cap it would have far
    // more than three requests waiting.
    let sandbox = Sandbox::start(Config {
        dataset: DatasetConfig {
            customers: 300,
            ..DatasetConfig::default()
        },
        keys: vec![KeySpec::full(KEY)],
        latency: Duration::from_millis(60),
        max_in_flight: Some(3),
        ..Config::default()
    })
    .await
    .expect("the sandbox starts");
    let dir = tempfile::tempdir()?;
    let mut cache = cache_file(&dir);
    let pacing = TransportOptions {
        max_in_flight: 3,
        ..crate::support::unpaced(Duration::from_secs(5), 6)
    };
    let client = paced_client(&sandbox, pacing);
    let options = SyncOptions {
        full: true,
        concurrency: 16,
    };
    sync(&client, &mut cache, &options, &mut |_| {}).await?;
    assert_equal_to_truth(&sandbox, &cache);

    let counters = sandbox.counters();
    assert!(counters["total"].as_u64().unwrap_or(0) > 10, "{counters}");
    assert_eq!(
        counters["rate_limited"], 0,
        "no request was refused for concurrency: {counters}"
    );
    Ok(())
}

#[tokio::test]
async fn a_storm_of_429s_on_one_operation_slows_that_operation_only() -> anyhow::Result<()> {
    let sandbox = limited_sandbox(600).await;
    sandbox
        .control(
            "conditions",
            json!({"faults": {"seed": 3, "percent": 100, "kinds": ["rate_limit"],
                   "storm_length": 1, "max_faults": 4, "paths": ["/v1/invoices"]}}),
        )
        .map_err(anyhow::Error::msg)?;
    let dir = tempfile::tempdir()?;
    let mut cache = cache_file(&dir);
    let pacing = TransportOptions {
        backoff_base: Duration::from_millis(100),
        ..TransportOptions::for_sync(portal_core::Mode::Test)
    };
    let client = paced_client(&sandbox, pacing.clone());
    let options = SyncOptions::for_rate(pacing.requests_per_second, true);
    sync(&client, &mut cache, &options, &mut |_| {}).await?;
    assert_equal_to_truth(&sandbox, &cache);

    assert_eq!(
        sandbox.counters()["faults"]["rate_limit"],
        4,
        "the storm hit"
    );
    let transport = client.transport();
    let invoices = transport.operation_rate("GET /invoices");
    assert!(
        invoices < pacing.per_operation,
        "the refused operation slowed down: {invoices}/s"
    );
    for other in ["GET /customers", "GET /subscriptions"] {
        assert_eq!(
            transport.operation_rate(other),
            pacing.per_operation,
            "{other} kept its pace"
        );
    }
    assert_eq!(transport.counters().rate_limited(), 4);
    Ok(())
}

#[tokio::test]
async fn a_sync_stripe_keeps_limiting_stops_cleanly_and_the_next_one_continues()
-> anyhow::Result<()> {
    let sandbox = limited_sandbox(450).await;
    sandbox
        .control(
            "conditions",
            json!({"faults": {"seed": 5, "percent": 100, "kinds": ["rate_limit"],
                   "storm_length": 1, "paths": ["/v1/invoices"]}}),
        )
        .map_err(anyhow::Error::msg)?;
    let dir = tempfile::tempdir()?;
    let mut cache = cache_file(&dir);
    let pacing = TransportOptions {
        backoff_base: Duration::from_millis(50),
        max_attempts: 4,
        ..TransportOptions::for_sync(portal_core::Mode::Test)
    };
    let client = paced_client(&sandbox, pacing.clone());
    let options = SyncOptions::for_rate(pacing.requests_per_second, true);
    let error = sync(&client, &mut cache, &options, &mut |_| {})
        .await
        .expect_err("every invoice page is refused");
    let portal_core::sync::SyncError::Stripe(StripeFailure::Limited { read, expected }) = &error
    else {
        panic!("not the rate-limit stop: {error:?}");
    };
    assert!(*read > 0 && read <= expected, "{read} of {expected}");
    assert_eq!(
        error.to_string(),
        format!(
            "Stripe is limiting requests for this account; {read} of {expected} objects read, the next sync continues."
        )
    );
    let kept = cached(&cache, "customers").len();
    assert!(kept > 0, "the committed pages are kept");

    sandbox
        .control("conditions", json!({"faults": null}))
        .map_err(anyhow::Error::msg)?;
    let report = sync(&client, &mut cache, &options, &mut |_| {}).await?;
    assert_eq!(
        report.note.as_deref(),
        Some("Resumed the full sync that was interrupted.")
    );
    assert_equal_to_truth(&sandbox, &cache);
    Ok(())
}
