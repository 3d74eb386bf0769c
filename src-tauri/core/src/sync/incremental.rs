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
use crate::cache::{self, Cache};
use crate::stripe_api::{StripeClient, StripeFailure};
use crate::transport::Transport;

/// An object named by events: its kind and id.
type Target = (Resource, String);

/// Events applied per transaction.
const BATCH: usize = 200;
/// Objects re-fetched at once.
const FETCH_CONCURRENCY: usize = 8;
/// Applied-event ids are kept a little longer than Stripe lists events.
const APPLIED_EVENT_RETENTION_SECS: i64 = 31 * 86_400;

#[derive(Debug, Clone)]
struct Event {
    id: String,
    kind: String,
    created: i64,
    object_id: Option<String>,
}

impl Event {
    fn read(v: &Value) -> Option<Event> {
        Some(Event {
            id: v["id"]
                .as_str()
                .filter(|id| objects::is_stripe_id(id))?
                .to_owned(),
            kind: v["type"].as_str()?.to_owned(),
            created: v["created"].as_i64()?,
            object_id: v["data"]["object"]["id"]
                .as_str()
                .filter(|id| objects::is_stripe_id(id))
                .map(str::to_owned),
        })
    }

    /// The object to re-fetch, if the cache holds its kind.
    fn target(&self) -> Option<(Resource, String)> {
        let id = self.object_id.clone()?;
        Some((Resource::of_id(&id)?, id))
    }
}

/// Applies the events since the last sync; returns how many.
pub(super) async fn run(
    client: &StripeClient,
    cache: &mut Cache,
    on_progress: &mut dyn FnMut(&Progress),
) -> Result<u64, SyncError> {
    let transport = client.transport();
    let from = sync_state::get_i64(cache.conn(), keys::EVENTS_FROM)
        .map_err(|e| cache.error(e))?
        .unwrap_or_else(unix_now);

    let mut listed = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut request = ListEvent::new()
            .limit(100)
            .created(RangeQueryTs::gte(from - EVENTS_OVERLAP_SECS));
        if let Some(cursor) = &cursor {
            request = request.starting_after(cursor.as_str());
        }
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
        let applied =
            cache::events::is_applied(cache.conn(), &event.id).map_err(|e| cache.error(e))?;
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
    // The latest event of each object names the feed entry.
    let mut targets: BTreeMap<(Resource, String), &Event> = BTreeMap::new();
    for event in batch {
        if let Some(target) = event.target() {
            targets.insert(target, event);
        }
    }
    let fetched: Vec<(Target, Result<Option<Value>, StripeFailure>)> =
        stream::iter(targets.keys().cloned())
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
    // Methods before customers, so "made Visa •••• 4242 their default" can name the card.
    objects.sort_by_key(|((resource, id), _)| (apply_rank(*resource), id.clone()));

    let now = unix_now();
    cache.write(|tx| {
        let mut touched = BTreeSet::new();
        for ((resource, id), object) in &objects {
            let event = targets[&(*resource, id.clone())];
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
    })?;
    Ok(())
}

/// The object as Stripe has it now; `None` when it is gone.
async fn fetch(
    transport: &Transport,
    resource: Resource,
    id: &str,
) -> Result<Option<Value>, StripeFailure> {
    match transport.send(resource.retrieve(id), None).await {
        Ok(body) => {
            let object: Value = serde_json::from_slice(&body).map_err(|_| {
                StripeFailure::Unreadable(format!("the answer for {id} was not JSON"))
            })?;
            Ok((!objects::is_deleted(&object)).then_some(object))
        }
        Err(failure) if failure.is_not_found() => Ok(None),
        Err(failure) => Err(failure),
    }
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
