//! Full sync: every list in `created` windows, paged in parallel.
//!
//! Each list starts as one window from the account's creation onwards. Once a
//! window's first pages show how dense it is, the window with the most left is
//! split in two at the middle of its unread range, until enough windows run to
//! keep the rate limiter busy. Windows are only split when each half still has
//! several pages, so the extra requests (one partial last page per window)
//! stay a few percent of the minimum.

use std::collections::BTreeMap;

use futures_util::stream::{FuturesUnordered, StreamExt};
use serde_json::Value;
use stripe_client_core::StripeRequest;
use stripe_connect::account::RetrieveForMyAccountAccount;
use stripe_core::event::ListEvent;

use super::objects;
use super::resources::Resource;
use super::{Progress, ResourceProgress, SyncError, SyncMode, SyncOptions, unix_now};
use crate::cache::sync_state::{self, Window, keys};
use crate::cache::{self, Cache};
use crate::stripe_api::{StripeClient, StripeFailure};

/// No Stripe object is older than this (2011-01-01).
const STRIPE_EPOCH: i64 = 1_293_840_000;
/// Split only a window with at least this many objects left (six pages), so
/// each half keeps three or more.
const MIN_SPLIT_REMAINING: f64 = 600.0;
/// Events this close before the sync's start may already be reflected in it.
pub(super) const EVENTS_OVERLAP_SECS: i64 = 300;

struct Slot {
    window: Window,
    resource: Resource,
    in_flight: bool,
    /// Objects expected in a window not read yet (half its parent's remainder).
    guess: f64,
}

impl Slot {
    /// Objects expected in the unread part of the window.
    fn remaining(&self) -> f64 {
        if self.window.done {
            return 0.0;
        }
        match (self.window.first_created, self.window.cursor_created) {
            (Some(first), Some(cursor)) => {
                let density = self.window.fetched as f64 / (first - cursor).max(1) as f64;
                density * (cursor - self.window.lo).max(0) as f64
            }
            _ => self.guess,
        }
    }
}

pub(super) async fn run(
    client: &StripeClient,
    cache: &mut Cache,
    options: &SyncOptions,
    on_progress: &mut dyn FnMut(&Progress),
) -> Result<(), SyncError> {
    let transport = client.transport();
    let run = begin(client, cache).await?;
    let mut slots: Vec<Slot> = sync_state::windows(cache.conn(), run)
        .map_err(|e| cache.error(e))?
        .into_iter()
        .filter_map(|window| {
            Some(Slot {
                resource: Resource::from_name(&window.resource)?,
                window,
                in_flight: false,
                guess: 0.0,
            })
        })
        .collect();
    let mut requests: BTreeMap<Resource, u64> = BTreeMap::new();
    let mut in_flight = FuturesUnordered::new();
    report(&slots, &requests, client, on_progress);

    loop {
        split(&mut slots, options.concurrency, cache, run)?;
        for (index, slot) in slots.iter_mut().enumerate() {
            if slot.window.done || slot.in_flight {
                continue;
            }
            slot.in_flight = true;
            *requests.entry(slot.resource).or_default() += 1;
            let request = slot.resource.list_page(
                slot.window.lo,
                slot.window.hi,
                slot.window.cursor.as_deref(),
            );
            in_flight.push(async move { (index, transport.send(request, None).await) });
        }
        let Some((index, answer)) = in_flight.next().await else {
            break;
        };
        let body = answer?;
        let page = objects::page(&body)
            .ok_or_else(|| StripeFailure::Unreadable("a list page was not a Stripe list".into()))?;
        let slot = &mut slots[index];
        slot.in_flight = false;
        store_page(cache, run, slot, page)?;
        report(&slots, &requests, client, on_progress);
    }
    finish(cache, run)
}

/// The run under way, or a new one with a window per list.
async fn begin(client: &StripeClient, cache: &mut Cache) -> Result<i64, SyncError> {
    let conn = cache.conn();
    if let Some(run) = sync_state::get_i64(conn, keys::FULL_RUN).map_err(|e| cache.error(e))? {
        return Ok(run);
    }
    let transport = client.transport();
    let known_floor =
        sync_state::get_i64(conn, keys::ACCOUNT_CREATED).map_err(|e| cache.error(e))?;
    // The account's creation (the windows' floor) and where the event feed
    // stands now (changes from there on are caught up after) are asked for
    // together: one round trip before the first pages, not two.
    let account = async {
        match known_floor {
            Some(created) => Ok(created),
            None => match transport
                .send(RetrieveForMyAccountAccount::new().build(), None)
                .await
            {
                Ok(body) => Ok(serde_json::from_slice::<Value>(&body)
                    .ok()
                    .and_then(|account| account["created"].as_i64())
                    .unwrap_or(STRIPE_EPOCH)),
                // A restricted key may not read the account; windows then start at Stripe's epoch.
                Err(StripeFailure::Api { status: 403, .. }) => Ok(STRIPE_EPOCH),
                Err(failure) => Err(failure),
            },
        }
    };
    let events = transport.send(ListEvent::new().limit(100).build(), None);
    let (floor, body) = futures_util::future::join(account, events).await;
    let floor = floor?.max(STRIPE_EPOCH);
    let body = body?;
    let head = objects::page(&body)
        .ok_or_else(|| StripeFailure::Unreadable("the event list was not a Stripe list".into()))?;
    let newest = head
        .data
        .iter()
        .filter_map(|e| e["created"].as_i64())
        .max()
        .unwrap_or_else(unix_now);

    Ok(cache.write(|tx| {
        let run = sync_state::get_i64(tx, keys::LAST_RUN)?.unwrap_or(0) + 1;
        sync_state::set(tx, keys::LAST_RUN, run)?;
        sync_state::set(tx, keys::FULL_RUN, run)?;
        sync_state::set(tx, keys::ACCOUNT_CREATED, floor)?;
        sync_state::set(tx, keys::EVENTS_FROM, newest)?;
        // Recent events describe changes this sync will read anyway.
        for event in &head.data {
            if let (Some(id), Some(kind), Some(created)) = (
                event["id"].as_str(),
                event["type"].as_str(),
                event["created"].as_i64(),
            ) && created >= newest - EVENTS_OVERLAP_SECS
            {
                cache::events::mark_applied(tx, id, kind, created)?;
            }
        }
        sync_state::clear_windows_before(tx, run)?;
        for resource in Resource::LISTED {
            let window = Window {
                resource: resource.name().to_owned(),
                lo: floor,
                hi: None,
                cursor: None,
                cursor_created: None,
                first_created: None,
                fetched: 0,
                done: false,
            };
            sync_state::save_window(tx, run, &window)?;
        }
        Ok(run)
    })?)
}

/// Splits the windows with the most left until `concurrency` run.
fn split(
    slots: &mut Vec<Slot>,
    concurrency: usize,
    cache: &mut Cache,
    run: i64,
) -> Result<(), SyncError> {
    loop {
        let active = slots.iter().filter(|s| !s.window.done).count();
        if active >= concurrency {
            return Ok(());
        }
        let candidate = slots
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                s.window
                    .cursor_created
                    .is_some_and(|c| c - s.window.lo >= 2)
            })
            .map(|(index, s)| (index, s.remaining()))
            .filter(|(_, remaining)| *remaining >= MIN_SPLIT_REMAINING)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let Some((index, remaining)) = candidate else {
            return Ok(());
        };
        let parent = &mut slots[index];
        let cursor = parent.window.cursor_created.unwrap_or(parent.window.lo);
        let mid = parent.window.lo + (cursor - parent.window.lo) / 2;
        let older = Window {
            resource: parent.window.resource.clone(),
            lo: parent.window.lo,
            hi: Some(mid),
            cursor: None,
            cursor_created: None,
            first_created: None,
            fetched: 0,
            done: false,
        };
        parent.window.lo = mid;
        let resource = parent.resource;
        let newer = parent.window.clone();
        // The older half keeps the parent's key (lo), the newer half gets a new row.
        cache.write(|tx| {
            sync_state::save_window(tx, run, &older)?;
            sync_state::save_window(tx, run, &newer)
        })?;
        slots.push(Slot {
            window: older,
            resource,
            in_flight: false,
            guess: remaining / 2.0,
        });
    }
}

/// Stores one page and its window's new cursor in one transaction.
fn store_page(
    cache: &mut Cache,
    run: i64,
    slot: &mut Slot,
    page: objects::Page,
) -> Result<(), SyncError> {
    let lo = slot.window.lo;
    let created = |o: &Value| o["created"].as_i64();
    // A window split while this page was in flight may have lent its older part away.
    let kept: Vec<&Value> = page
        .data
        .iter()
        .filter(|o| created(o).is_none_or(|c| c >= lo))
        .collect();
    let crossed = kept.len() < page.data.len();
    let last = kept.iter().rev().find_map(|o| {
        Some((
            o["id"].as_str().filter(|id| objects::is_stripe_id(id))?,
            created(o)?,
        ))
    });
    let mut window = slot.window.clone();
    if window.first_created.is_none() {
        window.first_created = kept.iter().find_map(|o| created(o));
    }
    if let Some((id, at)) = last {
        window.cursor = Some(id.to_owned());
        window.cursor_created = Some(at);
    } else if !kept.is_empty() {
        return Err(
            StripeFailure::Unreadable("a list page had no usable object ids".into()).into(),
        );
    }
    window.done = !page.has_more || crossed || kept.is_empty();
    let resource = slot.resource;
    cache.write(|tx| {
        for object in &kept {
            if resource.store(tx, object, run)? {
                window.fetched += 1;
            }
        }
        sync_state::save_window(tx, run, &window)
    })?;
    slot.window = window;
    Ok(())
}

/// Drops what Stripe no longer has and marks the sync complete.
fn finish(cache: &mut Cache, run: i64) -> Result<(), SyncError> {
    let now = unix_now();
    cache.write(|tx| {
        for resource in Resource::LISTED
            .into_iter()
            .chain([Resource::PaymentMethods])
        {
            resource.delete_unseen(tx, run)?;
        }
        cache::payment_methods::delete_orphans(tx)?;
        cache::customers::refresh_status(tx, None)?;
        sync_state::remove(tx, keys::FULL_RUN)?;
        sync_state::set(tx, keys::LAST_FULL_SYNC, now)?;
        sync_state::set(tx, keys::LAST_SYNC, now)?;
        sync_state::clear_windows_before(tx, run + 1)
    })?;
    Ok(())
}

fn report(
    slots: &[Slot],
    requests: &BTreeMap<Resource, u64>,
    client: &StripeClient,
    on_progress: &mut dyn FnMut(&Progress),
) {
    let counters = client.transport().counters();
    let resources = Resource::LISTED
        .into_iter()
        .map(|resource| {
            let mine = slots.iter().filter(|s| s.resource == resource);
            let fetched: u64 = mine.clone().map(|s| s.window.fetched).sum();
            let started = mine
                .clone()
                .any(|s| s.window.first_created.is_some() || s.window.done);
            let remaining: f64 = mine.clone().map(Slot::remaining).sum();
            ResourceProgress {
                name: resource.name().to_owned(),
                fetched,
                estimated_total: started.then(|| fetched + remaining.round() as u64),
                requests: requests.get(&resource).copied().unwrap_or(0),
                done: mine.clone().all(|s| s.window.done),
            }
        })
        .collect();
    on_progress(&Progress {
        mode: SyncMode::Full,
        resources,
        requests: counters.requests(),
        retries: counters.retries(),
        events_applied: 0,
    });
}
