//! The event applier: whatever events list and whatever retrieves answer,
//! applying a batch succeeds, leaves a sound cache that holds what Stripe
//! answered, and applying the same batch again changes nothing.

use arbitrary::{Arbitrary, Unstructured};
use portal_core::cache::sync_state::{self, keys};
use portal_core::cache::{Cache, customers, events};
use portal_core::sync::Resource;
use portal_core::sync::incremental::{self, APPLIED_EVENT_RETENTION_SECS, Event, Target};
use rusqlite::types::Value as SqlValue;
use serde_json::{Value, json};

/// The objects events may name; a few of each kind, so changes meet.
const IDS: [&str; 12] = [
    "cus_FuzzA",
    "cus_FuzzB",
    "cus_FuzzC",
    "sub_FuzzA",
    "sub_FuzzB",
    "pm_FuzzA",
    "pm_FuzzB",
    "card_FuzzC",
    "in_FuzzA",
    "in_FuzzB",
    "price_FuzzA",
    "prod_FuzzA",
];

const KINDS: [&str; 8] = [
    "customer.updated",
    "customer.deleted",
    "customer.subscription.updated",
    "customer.subscription.deleted",
    "payment_method.attached",
    "payment_method.detached",
    "invoice.paid",
    "price.updated",
];

/// When the batch is applied (Unix seconds).
const NOW: i64 = 1_760_000_000;

#[derive(Arbitrary, Debug)]
enum Age {
    Seconds(u16),
    Days(i8),
    Any(i64),
}

#[derive(Arbitrary, Debug)]
struct EventSpec {
    n: u8,
    kind: u8,
    age: Age,
    object: u8,
    /// An object id Stripe would never send.
    odd_object: Option<String>,
}

#[derive(Arbitrary, Debug)]
enum Leaf {
    Remove,
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
    Id(u8),
    EmptyObject,
    EmptyArray,
}

#[derive(Arbitrary, Debug)]
struct Edit {
    /// Each step picks a key or an element by position.
    path: Vec<u8>,
    leaf: Leaf,
}

#[derive(Arbitrary, Debug)]
enum Answer {
    /// 404.
    Gone,
    /// `{"deleted": true}`.
    DeletedStub,
    /// A body that may not be JSON.
    Raw(Vec<u8>),
    /// Stripe's example object of the kind, tied to our ids, then edited.
    Object { owner: u8, edits: Vec<Edit> },
}

#[derive(Arbitrary, Debug)]
struct Batch {
    events: Vec<EventSpec>,
    answers: Vec<Answer>,
}

fn fixture_kind(resource: Resource) -> &'static str {
    match resource {
        Resource::Customers => "customer",
        Resource::Subscriptions => "subscription",
        Resource::Invoices => "invoice",
        Resource::PaymentMethods => "payment_method",
        Resource::Prices => "price",
        Resource::Products => "product",
    }
}

fn event_json(spec: &EventSpec) -> Value {
    let created = match spec.age {
        Age::Seconds(s) => NOW - i64::from(s),
        Age::Days(d) => NOW - i64::from(d) * 86_400,
        Age::Any(t) => t,
    };
    let object = match &spec.odd_object {
        Some(odd) => odd.clone(),
        None => IDS[usize::from(spec.object) % IDS.len()].to_owned(),
    };
    json!({
        "id": format!("evt_Fuzz{:03}", spec.n),
        "object": "event",
        "type": KINDS[usize::from(spec.kind) % KINDS.len()],
        "created": created,
        "data": {"object": {"id": object}},
    })
}

/// Stripe's example object for `target`, pointing at our customers, prices and methods.
fn object(target: &Target, owner: u8, edits: &[Edit]) -> Value {
    let (resource, id) = target;
    let customer = IDS[usize::from(owner) % 3];
    let mut object = crate::fixtures::object(fixture_kind(*resource));
    object["id"] = json!(id);
    match resource {
        Resource::Customers => {
            object["invoice_settings"]["default_payment_method"] = json!("pm_FuzzA");
        }
        Resource::Subscriptions => {
            object["customer"] = json!(customer);
            object["default_payment_method"] = json!("pm_FuzzB");
            if let Some(items) = object["items"]["data"].as_array_mut() {
                for (n, item) in items.iter_mut().enumerate() {
                    // Item ids are unique across subscriptions in Stripe.
                    item["id"] = json!(format!("si_{}{n}", id.replace('_', "")));
                    item["price"]["id"] = json!("price_FuzzA");
                    item["price"]["product"] = json!("prod_FuzzA");
                }
            }
        }
        Resource::Invoices => {
            object["customer"] = json!(customer);
            object["subscription"] = json!("sub_FuzzA");
        }
        Resource::PaymentMethods => object["customer"] = json!(customer),
        Resource::Prices => object["product"] = json!("prod_FuzzA"),
        Resource::Products => {}
    }
    for edit in edits.iter().take(8) {
        apply_edit(&mut object, &edit.path, &edit.leaf);
    }
    object
}

fn apply_edit(node: &mut Value, path: &[u8], leaf: &Leaf) {
    let Some((&step, rest)) = path.split_first() else {
        return;
    };
    let (child, parent_key): (Option<&mut Value>, _) = match node {
        Value::Object(map) if !map.is_empty() => {
            let key = map.keys().nth(usize::from(step) % map.len()).cloned();
            let key = key.unwrap_or_default();
            (map.get_mut(&key), Some(key))
        }
        Value::Array(items) if !items.is_empty() => {
            let n = usize::from(step) % items.len();
            (items.get_mut(n), None)
        }
        _ => return,
    };
    let Some(child) = child else { return };
    if !rest.is_empty() && (child.is_object() || child.is_array()) {
        return apply_edit(child, rest, leaf);
    }
    let value = match leaf {
        Leaf::Remove => {
            if let (Value::Object(map), Some(key)) = (node, parent_key) {
                map.remove(&key);
            }
            return;
        }
        Leaf::Null => Value::Null,
        Leaf::Bool(b) => json!(b),
        Leaf::Int(i) => json!(i),
        Leaf::Float(f) => json!(f),
        Leaf::Text(t) => json!(t),
        Leaf::Id(n) => json!(IDS[usize::from(*n) % IDS.len()]),
        Leaf::EmptyObject => json!({}),
        Leaf::EmptyArray => json!([]),
    };
    *child = value;
}

/// What each retrieve answers; `None` when the batch can't be read (the real
/// sync then stops before writing anything).
fn fetched(targets: &[Target], answers: &[Answer]) -> Option<Vec<(Target, Option<Value>)>> {
    let mut out = Vec::new();
    for (n, target) in targets.iter().enumerate() {
        let owner_default = Answer::Object {
            owner: n as u8,
            edits: Vec::new(),
        };
        let answer = if answers.is_empty() {
            &owner_default
        } else {
            &answers[n % answers.len()]
        };
        let body = match answer {
            Answer::Gone => {
                out.push((target.clone(), None));
                continue;
            }
            Answer::DeletedStub => {
                serde_json::to_vec(&json!({"id": target.1, "deleted": true})).ok()?
            }
            Answer::Raw(bytes) => bytes.clone(),
            Answer::Object { owner, edits } => {
                serde_json::to_vec(&object(target, *owner, edits)).ok()?
            }
        };
        out.push((
            target.clone(),
            incremental::read_fetched(&target.1, &body).ok()?,
        ));
    }
    Some(out)
}

/// Every row of every table but the change counter, as text.
fn dump(cache: &Cache) -> Vec<String> {
    let conn = cache.conn();
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table'
             AND name NOT LIKE 'sqlite_%' AND name != 'customers_generation' ORDER BY name",
        )
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("the tables are listed");
    let mut rows = Vec::new();
    for table in tables {
        let mut select = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1"))
            .expect("a table reads");
        let width = select.column_count();
        let mut found = select.query([]).expect("a table reads");
        while let Some(row) = found.next().expect("a row reads") {
            let values: Vec<SqlValue> = (0..width)
                .map(|i| row.get(i).expect("a value reads"))
                .collect();
            rows.push(format!("{table} {values:?}"));
        }
    }
    rows
}

fn exists(cache: &Cache, (resource, id): &Target) -> bool {
    let sql = format!("SELECT count(*) FROM {} WHERE id = ?1", resource.name());
    cache
        .conn()
        .query_row(&sql, [id], |r| r.get::<_, i64>(0))
        .expect("a count reads")
        > 0
}

/// Each customer's status columns, as `refresh_status` would set them for all.
fn statuses_hold(cache: &Cache) -> bool {
    let conn = cache.conn();
    let read = || -> Vec<(String, String, Option<String>, Option<i64>)> {
        conn.prepare(
            "SELECT id, status, current_subscription, next_renewal FROM customers ORDER BY id",
        )
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect()
        })
        .expect("the statuses read")
    };
    let before = read();
    let tx = conn.unchecked_transaction().expect("a transaction");
    customers::refresh_status(&tx, None).expect("the statuses refresh");
    let after = read();
    drop(tx);
    before == after
}

/// Checks a few batches of events applied in turn to one cache.
pub fn check(data: &[u8]) {
    let Ok(mut batches) = Vec::<Batch>::arbitrary(&mut Unstructured::new(data)) else {
        return;
    };
    batches.truncate(4);
    crate::show(&batches);
    let mut cache = Cache::in_memory().expect("an in-memory cache");
    for batch in &batches {
        // A batch lists each event once (`incremental::run` drops repeats).
        let mut listed = std::collections::BTreeSet::new();
        let specs: Vec<&EventSpec> = batch
            .events
            .iter()
            .take(30)
            .filter(|spec| listed.insert(spec.n))
            .collect();
        let events: Vec<Event> = specs
            .iter()
            .filter_map(|spec| Event::read(&event_json(spec)))
            .collect();
        let mut targets: Vec<Target> = events.iter().filter_map(Event::target).collect();
        targets.sort();
        targets.dedup();
        let Some(objects) = fetched(&targets, &batch.answers) else {
            continue;
        };

        let previous_from =
            sync_state::get_i64(cache.conn(), keys::EVENTS_FROM).expect("the position reads");
        incremental::apply_fetched(&mut cache, &events, objects.clone(), NOW)
            .unwrap_or_else(|e| panic!("the batch failed: {e}"));
        assert_eq!(cache.integrity_check().expect("the check runs"), "ok");

        for spec in &specs {
            let json = event_json(spec);
            let Some(read) = Event::read(&json) else {
                continue;
            };
            let created = json["created"].as_i64().unwrap_or_default();
            if created >= NOW - APPLIED_EVENT_RETENTION_SECS {
                let id = json["id"].as_str().unwrap_or_default();
                assert!(
                    events::is_applied(cache.conn(), id).expect("reads"),
                    "{read:?} applied"
                );
            }
        }
        let from =
            sync_state::get_i64(cache.conn(), keys::EVENTS_FROM).expect("the position reads");
        if let (Some(previous), Some(from)) = (previous_from, from) {
            assert!(
                from >= previous,
                "the position moved back: {previous} to {from}"
            );
        }
        for (target, object) in &objects {
            if object.is_none() {
                assert!(
                    !exists(&cache, target),
                    "{target:?} is gone from Stripe but cached"
                );
            }
        }
        assert!(statuses_hold(&cache), "a customer's status is stale");

        // The cache remembers applied events for 31 days (Stripe keeps them
        // 30); an older one applied again is new to it and may write its feed
        // entries again.
        let forgotten: Vec<String> = specs
            .iter()
            .map(|spec| event_json(spec))
            .filter(|json| json["created"].as_i64() < Some(NOW - APPLIED_EVENT_RETENTION_SECS))
            .map(|json| format!("{:?}", json["id"].as_str().unwrap_or_default()))
            .collect();
        let remembered = |line: &String| {
            !line.starts_with("activity ") || !forgotten.iter().any(|id| line.contains(id))
        };
        let once: Vec<String> = dump(&cache).into_iter().filter(remembered).collect();
        incremental::apply_fetched(&mut cache, &events, objects, NOW)
            .unwrap_or_else(|e| panic!("the batch failed again: {e}"));
        let twice: Vec<String> = dump(&cache).into_iter().filter(remembered).collect();
        assert_eq!(twice, once, "applying the batch again changed the cache");
    }
}
