//! Incremental sync: the Events API from where the last sync stopped.
//!
//! Events are triggers only. Their embedded objects are rendered in the API
//! version of their day and may arrive out of order, so each changed object is
//! re-fetched once per batch in our pinned version, and the cache's previous
//! state says what changed.

use std::collections::{BTreeMap, BTreeSet};

use futures_util::stream::{self, StreamExt};
use serde_json::Value;
use stripe_client_core::StripeRequest;
use stripe_core::event::ListEvent;
use stripe_types::RangeQueryTs;

use super::changes::{self, Snapshot};
use super::full::EVENTS_OVERLAP_SECS;
use super::objects;
use super::resources::Resource;
use super::{Progress, ResourceProgress, SyncError, SyncMode, unix_now};
use crate::cache::sync_state::{self, keys};
use crate::cache::{self, Cache, CacheError};
use crate::stripe_api::{StripeClient, StripeFailure};
use crate::transport::Transport;

/// An object named by events: its kind and id.
pub type Target = (Resource, String);

/// The event types the cache applies, passed as `types[]` so a busy account's
/// payment traffic (`charge.*`, `payment_intent.*`, `balance.*`) is never
/// paged. Stripe takes at most 20 exact names. Products and prices are left
/// out: they change in the Dashboard, not the portal; the prices a
/// subscription names come with it, and a full sync reads the rest.
pub const EVENT_TYPES: [&str; 20] = [
    "customer.created",
    "customer.updated",
    "customer.deleted",
    "customer.subscription.created",
    "customer.subscription.updated",
    "customer.subscription.deleted",
    "customer.subscription.paused",
    "customer.subscription.resumed",
    "invoice.created",
    "invoice.updated",
    "invoice.deleted",
    "invoice.finalized",
    "invoice.paid",
    "invoice.payment_failed",
    "invoice.voided",
    "invoice.marked_uncollectible",
    "payment_method.attached",
    "payment_method.detached",
    "payment_method.updated",
    "payment_method.automatically_updated",
];

/// One page of the feed: 100 events of [`EVENT_TYPES`], created at or after
/// `from` (all Stripe keeps when `None`), after `cursor`.
pub(super) fn feed_page(from: Option<i64>, cursor: Option<&str>) -> ListEvent {
    let mut request = ListEvent::new()
        .limit(100)
        .types(EVENT_TYPES.map(str::to_owned).to_vec());
    if let Some(from) = from {
        request = request.created(RangeQueryTs::gte(from));
    }
    if let Some(cursor) = cursor {
        request = request.starting_after(cursor);
    }
    request
}

/// Events applied per transaction.
const BATCH: usize = 200;
/// Objects re-fetched at once.
const FETCH_CONCURRENCY: usize = 8;
/// Applied-event ids are kept a little longer than Stripe lists events.
pub const APPLIED_EVENT_RETENTION_SECS: i64 = 31 * 86_400;

/// An event as listed, reduced to what applying it needs.
#[derive(Debug, Clone)]
pub struct Event {
    id: String,
    kind: String,
    created: i64,
    object_id: Option<String>,
    /// `data.object.object`: what kind of object, whatever its id looks like.
    object_kind: Option<String>,
}

impl Event {
    /// Reads one entry of the Events API's list; `None` when it lacks an id,
    /// a type or a time.
    pub fn read(v: &Value) -> Option<Event> {
        Some(Event {
            id: v["id"]
                .as_str()
                .filter(|id| objects::is_generated_id(id))?
                .to_owned(),
            kind: v["type"].as_str()?.to_owned(),
            created: v["created"].as_i64()?,
            object_id: v["data"]["object"]["id"]
                .as_str()
                .filter(|id| objects::is_chosen_id(id))
                .map(str::to_owned),
            object_kind: v["data"]["object"]["object"].as_str().map(str::to_owned),
        })
    }

    /// The object to re-fetch, if the cache holds its kind.
    pub fn target(&self) -> Option<Target> {
        let id = self.object_id.clone()?;
        // A plan's or product's id may be the merchant's (`gold-monthly`), so
        // the object's own kind decides, and the id's prefix only without it.
        let resource = match self.object_kind.as_deref() {
            Some(kind) => Resource::of_object(kind)?,
            None => Resource::of_id(&id)?,
        };
        Some((resource, id))
    }
}

/// Applies the events since the last sync; returns how many.
pub(super) async fn run(
    client: &StripeClient,
    cache: &mut Cache,
    on_progress: &mut dyn FnMut(&Progress),
) -> Result<u64, SyncError> {
    let transport = client.transport();
    let from = cache
        .read(|conn| sync_state::get_i64(conn, keys::EVENTS_FROM))?
        .unwrap_or_else(unix_now);

    let mut listed = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let request = feed_page(
            Some(from.saturating_sub(EVENTS_OVERLAP_SECS)),
            cursor.as_deref(),
        );
        let body = transport.send(request.build(), None).await?;
        let page = objects::page(&body).ok_or_else(|| {
            StripeFailure::Unreadable("the event list was not a Stripe list".into())
        })?;
        let events: Vec<Event> = page.data.iter().filter_map(Event::read).collect();
        cursor = events.last().map(|e| e.id.clone());
        listed.extend(events);
        if !page.has_more || cursor.is_none() {
            break;
        }
    }

    let mut fresh = Vec::new();
    let mut seen = BTreeSet::new();
    for event in listed {
        let applied = cache.read(|conn| cache::events::is_applied(conn, &event.id))?;
        if !applied && seen.insert(event.id.clone()) {
            fresh.push(event);
        }
    }
    // Oldest first, so the saved position only moves forward.
    fresh.sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));

    let total = fresh.len() as u64;
    let mut applied = 0;
    report(client, applied, total, on_progress);
    for batch in fresh.chunks(BATCH) {
        apply_batch(transport, cache, batch).await?;
        applied += batch.len() as u64;
        report(client, applied, total, on_progress);
    }
    if fresh.is_empty() {
        cache.write(|tx| sync_state::set(tx, keys::LAST_SYNC, unix_now()))?;
    }
    Ok(applied)
}

/// Re-fetches what `batch` names and applies it in one transaction.
async fn apply_batch(
    transport: &Transport,
    cache: &mut Cache,
    batch: &[Event],
) -> Result<(), SyncError> {
    let targets: BTreeSet<Target> = batch.iter().filter_map(Event::target).collect();
    let fetched: Vec<(Target, Result<Option<Value>, StripeFailure>)> = stream::iter(targets)
        .map(|(resource, id)| async move {
            let answer = fetch(transport, resource, &id).await;
            ((resource, id), answer)
        })
        .buffer_unordered(FETCH_CONCURRENCY)
        .collect()
        .await;
    let mut objects = Vec::with_capacity(fetched.len());
    for (target, answer) in fetched {
        objects.push((target, answer?));
    }
    apply_fetched(cache, batch, objects, unix_now())?;
    Ok(())
}

/// Applies `batch` in one transaction, given each object it names as Stripe
/// has it now (`None`: gone): stores or removes the objects, writes the
/// activity feed from the cache's before and after, marks the events applied
/// and moves the saved position. Objects no event names are ignored.
pub fn apply_fetched(
    cache: &mut Cache,
    batch: &[Event],
    mut objects: Vec<(Target, Option<Value>)>,
    now: i64,
) -> Result<(), CacheError> {
    // The latest event of each object names the feed entry.
    let mut targets: BTreeMap<Target, &Event> = BTreeMap::new();
    for event in batch {
        if let Some(target) = event.target() {
            targets.insert(target, event);
        }
    }
    // Methods before customers, so "made Visa •••• 4242 their default" can name the card.
    objects.sort_by_key(|((resource, id), _)| (apply_rank(*resource), id.clone()));
    cache.write(|tx| {
        let mut touched = BTreeSet::new();
        for ((resource, id), object) in &objects {
            let Some(event) = targets.get(&(*resource, id.clone())) else {
                continue;
            };
            let before = Snapshot::load(tx, *resource, id)?;
            match object {
                Some(object) => {
                    resource.store(tx, object, 0)?;
                }
                None => {
                    resource.remove(tx, id)?;
                }
            }
            let after = Snapshot::load(tx, *resource, id)?;
            touched.extend(before.customer_id().map(str::to_owned));
            touched.extend(after.customer_id().map(str::to_owned));
            // An applied event has written its feed entries; applying it again
            // must not repeat them (the before can differ when another object
            // of the batch removed this one).
            if cache::events::is_applied(tx, &event.id)? {
                continue;
            }
            for entry in changes::describe(tx, &before, &after, event.created, &event.id)? {
                cache::activity::add(tx, &entry)?;
            }
        }
        let touched: Vec<String> = touched.into_iter().collect();
        cache::customers::refresh_status(tx, Some(&touched))?;
        for event in batch {
            cache::events::mark_applied(tx, &event.id, &event.kind, event.created)?;
        }
        let newest = batch.iter().map(|e| e.created).max().unwrap_or(now);
        let from = sync_state::get_i64(tx, keys::EVENTS_FROM)?.unwrap_or(newest);
        sync_state::set(tx, keys::EVENTS_FROM, from.max(newest))?;
        sync_state::set(tx, keys::LAST_SYNC, now)?;
        cache::events::prune(tx, now - APPLIED_EVENT_RETENTION_SECS)?;
        Ok(())
    })
}

/// The object as Stripe has it now; `None` when it is gone.
async fn fetch(
    transport: &Transport,
    resource: Resource,
    id: &str,
) -> Result<Option<Value>, StripeFailure> {
    match transport.send(resource.retrieve(id), None).await {
        Ok(body) => read_fetched(id, &body),
        Err(failure) if failure.is_not_found() => Ok(None),
        Err(failure) => Err(failure),
    }
}

/// Reads a retrieve's answer for object `id`: the object, or `None` when
/// Stripe answers with a deleted stub.
pub fn read_fetched(id: &str, body: &[u8]) -> Result<Option<Value>, StripeFailure> {
    let object: Value = serde_json::from_slice(body)
        .map_err(|_| StripeFailure::Unreadable(format!("the answer for {id} was not JSON")))?;
    Ok((!objects::is_deleted(&object)).then_some(object))
}

fn apply_rank(resource: Resource) -> u8 {
    match resource {
        Resource::Products => 0,
        Resource::Prices => 1,
        Resource::PaymentMethods => 2,
        Resource::Customers => 3,
        Resource::Subscriptions => 4,
        Resource::Invoices => 5,
    }
}

fn report(client: &StripeClient, applied: u64, total: u64, on_progress: &mut dyn FnMut(&Progress)) {
    let counters = client.transport().counters();
    on_progress(&Progress {
        mode: SyncMode::Incremental,
        resources: vec![ResourceProgress {
            name: "events".into(),
            fetched: applied,
            estimated_total: Some(total),
            requests: counters.requests(),
            done: applied == total,
        }],
        requests: counters.requests(),
        retries: counters.retries(),
        events_applied: applied,
    });
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn event(n: u32, object: &str) -> Event {
        Event::read(&json!({
            "id": format!("evt_{n}"), "type": "x.updated", "created": 1_700_000_000 + n,
            "data": {"object": {"id": object}},
        }))
        .expect("a readable event")
    }

    fn customer(id: &str) -> Option<Value> {
        Some(json!({"id": id, "object": "customer", "created": 1_700_000_000}))
    }

    /// Found by the event applier's fuzzer: removing a customer swept every
    /// method without a cached customer, including one whose customer came
    /// later in the same batch.
    #[test]
    fn removing_a_customer_keeps_the_method_of_one_stored_after_it() -> anyhow::Result<()> {
        let mut cache = Cache::in_memory()?;
        let card = json!({
            "id": "pm_New", "object": "payment_method", "type": "card", "created": 1_700_000_000,
            "customer": "cus_New", "card": {"brand": "visa", "last4": "4242"},
        });
        let old_card = json!({
            "id": "pm_Old", "object": "payment_method", "type": "card", "created": 1_700_000_000,
            "customer": "cus_Gone", "card": {"brand": "visa", "last4": "1111"},
        });
        apply_fetched(
            &mut cache,
            &[event(1, "cus_Gone"), event(2, "pm_Old")],
            vec![
                (
                    (Resource::Customers, "cus_Gone".into()),
                    customer("cus_Gone"),
                ),
                ((Resource::PaymentMethods, "pm_Old".into()), Some(old_card)),
            ],
            1_700_000_100,
        )?;
        // Methods apply before customers, and "cus_Gone" sorts before "cus_New".
        apply_fetched(
            &mut cache,
            &[
                event(3, "pm_New"),
                event(4, "cus_Gone"),
                event(5, "cus_New"),
            ],
            vec![
                ((Resource::PaymentMethods, "pm_New".into()), Some(card)),
                ((Resource::Customers, "cus_Gone".into()), None),
                ((Resource::Customers, "cus_New".into()), customer("cus_New")),
            ],
            1_700_000_100,
        )?;
        let conn = cache.conn();
        assert!(cache::payment_methods::get(conn, "pm_New")?.is_some());
        assert!(cache::payment_methods::get(conn, "pm_Old")?.is_none());
        assert!(cache::customers::get(conn, "cus_Gone")?.is_none());
        Ok(())
    }

    /// Found by the event applier's fuzzer: a card added and then swept by its
    /// customer's removal in the same batch was "added" again when the batch
    /// was applied a second time.
    #[test]
    fn applying_a_batch_again_writes_no_feed_entries() -> anyhow::Result<()> {
        let mut cache = Cache::in_memory()?;
        let card = json!({
            "id": "pm_Swept", "object": "payment_method", "type": "card", "created": 1_700_000_000,
            "customer": "cus_Gone", "card": {"brand": "visa", "last4": "4242"},
        });
        let batch = [event(1, "pm_Swept"), event(2, "cus_Gone")];
        let objects = vec![
            ((Resource::PaymentMethods, "pm_Swept".into()), Some(card)),
            ((Resource::Customers, "cus_Gone".into()), None),
        ];
        apply_fetched(&mut cache, &batch, objects.clone(), 1_700_000_100)?;
        let feed = cache::activity::count(cache.conn())?;
        assert_eq!(feed, 1, "the card's addition is in the feed");
        apply_fetched(&mut cache, &batch, objects, 1_700_000_100)?;
        assert_eq!(cache::activity::count(cache.conn())?, feed);
        assert!(cache::payment_methods::get(cache.conn(), "pm_Swept")?.is_none());
        Ok(())
    }
}
