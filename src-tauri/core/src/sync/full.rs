//! Full sync: every list in `created` windows, paged in parallel.
//!
//! Each list starts as one window from the account's creation onwards. Once a
//! window's first pages show how dense it is, the window with the most left is
//! split in two at the middle of its unread range, until enough windows run to
//! keep the rate limiter busy: as many as the budget fills at the round trips
//! measured so far, never more than `SyncOptions::concurrency`. Windows are
//! only split when each half still has several pages, so the extra requests
//! (one partial last page per window) stay a few percent of the minimum.

use std::collections::BTreeMap;

use futures_util::future::BoxFuture;
use futures_util::stream::{FuturesUnordered, StreamExt};
use serde_json::Value;
use stripe_client_core::{RequestBuilder, StripeMethod, StripeRequest};
use stripe_connect::account::RetrieveForMyAccountAccount;

use super::resources::Resource;
use super::{Progress, ResourceProgress, SyncError, SyncMode, SyncOptions, unix_now};
use super::{incremental, objects};
use crate::cache::sync_state::{self, Window, keys};
use crate::cache::{self, Cache};
use crate::secret::Mode;
use crate::stripe_api::{StripeClient, StripeFailure};
use crate::transport::{Dated, Transport};

/// No Stripe object is older than this (2011-01-01).
const STRIPE_EPOCH: i64 = 1_293_840_000;
/// Split only a window with at least this many objects left (six pages), so
/// each half keeps three or more.
const MIN_SPLIT_REMAINING: f64 = 600.0;
/// Windows beyond the round trips' need, for answers waiting to be stored.
const WINDOW_MARGIN: f64 = 1.5;
/// Each new round trip's weight in the running estimate.
const ROUND_TRIP_WEIGHT: f64 = 0.2;
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
    /// Objects expected in the unread part of the window, none older than `floor`.
    fn remaining(&self, floor: i64) -> f64 {
        if self.window.done {
            return 0.0;
        }
        match (self.window.first_created, self.window.cursor_created) {
            (Some(first), Some(cursor)) => {
                let density = self.window.fetched as f64 / (first - cursor).max(1) as f64;
                density * (cursor - self.window.lo.max(floor)).max(0) as f64
            }
            _ => self.guess,
        }
    }
}

/// What came back: a page of window `index`, the account's creation, or the
/// test clocks' customers and subscriptions.
enum Answer {
    Page(usize, Result<Dated, StripeFailure>),
    Floor(Result<i64, StripeFailure>),
    Clocks(Result<OnClocks, StripeFailure>),
}

pub(super) async fn run(
    client: &StripeClient,
    cache: &mut Cache,
    options: &SyncOptions,
    on_progress: &mut dyn FnMut(&Progress),
) -> Result<(), SyncError> {
    let transport = client.transport();
    let Begun {
        run,
        mut floor,
        mut feed_placed,
    } = begin(cache)?;
    let mut slots: Vec<Slot> = cache
        .read(|conn| sync_state::windows(conn, run))?
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
    let mut in_flight: FuturesUnordered<BoxFuture<'_, Answer>> = FuturesUnordered::new();
    // The account's creation only guides where windows split, so it is asked
    // for beside the first pages, not before them.
    if floor.is_none() {
        in_flight.push(Box::pin(async {
            Answer::Floor(account_created(transport).await)
        }));
    }
    let mut clocks = match client.mode() {
        Mode::Test => {
            in_flight.push(Box::pin(async {
                Answer::Clocks(on_test_clocks(transport).await)
            }));
            None
        }
        // Live mode has no test clocks.
        Mode::Live => Some(Clocks::Read),
    };
    report(&slots, floor, &requests, client, on_progress);
    let mut round_trip: Option<f64> = None;

    loop {
        if let (Some(floor), Some(round_trip)) = (floor, round_trip) {
            let windows = windows_needed(transport.budget(), round_trip, options.concurrency);
            split(&mut slots, floor, windows, cache, run)?;
        }
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
            in_flight.push(Box::pin(async move {
                Answer::Page(index, transport.send_dated(request, None).await)
            }));
        }
        let Some(answer) = in_flight.next().await else {
            break;
        };
        let (index, answer) = match answer {
            Answer::Floor(created) => {
                let created = created?.max(STRIPE_EPOCH);
                cache.write(|tx| sync_state::set(tx, keys::ACCOUNT_CREATED, created))?;
                floor = Some(created);
                continue;
            }
            Answer::Clocks(found) => {
                clocks = Some(store_on_clocks(cache, run, found?)?);
                continue;
            }
            Answer::Page(index, answer) => (index, answer?),
        };
        let took = answer.round_trip.as_secs_f64();
        round_trip = Some(round_trip.map_or(took, |average| {
            average + ROUND_TRIP_WEIGHT * (took - average)
        }));
        if !feed_placed {
            place_feed(transport, cache, answer.date).await?;
            feed_placed = true;
        }
        let page = objects::page(&answer.body)
            .ok_or_else(|| StripeFailure::Unreadable("a list page was not a Stripe list".into()))?;
        let slot = &mut slots[index];
        slot.in_flight = false;
        store_page(cache, run, slot, page)?;
        report(&slots, floor, &requests, client, on_progress);
    }
    // Every future ran to its end, so the clocks were read (or refused).
    finish(cache, run, clocks.unwrap_or(Clocks::Hidden))
}

/// Whether every test clock's customers and subscriptions were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clocks {
    Read,
    /// The key may not list test clocks: a customer the lists left out may be
    /// on one, so none is deleted as unseen.
    Hidden,
}

/// What the test clocks hold, or `None` when the key may not list them.
type OnClocks = Option<Vec<(Resource, Vec<Value>)>>;

/// In test mode, Stripe's customer and subscription lists leave out what is
/// attached to a test clock unless the clock is named, so each clock's are
/// read too, beside the lists. Few accounts have more than a handful of clocks.
async fn on_test_clocks(transport: &Transport) -> Result<OnClocks, StripeFailure> {
    let clocks = match every_object(transport, |cursor| {
        RequestBuilder::new(StripeMethod::Get, "/test_helpers/test_clocks").query(&ClockPage {
            limit: 100,
            starting_after: cursor,
        })
    })
    .await
    {
        Ok(clocks) => clocks,
        Err(StripeFailure::Api { status: 403, .. }) => return Ok(None),
        Err(failure) => return Err(failure),
    };
    let ids = clocks
        .iter()
        .filter_map(|clock| clock["id"].as_str())
        .filter(|id| objects::is_generated_id(id));
    let mut found = Vec::new();
    for clock in ids {
        for resource in [Resource::Customers, Resource::Subscriptions] {
            let objects =
                every_object(transport, |cursor| resource.list_on_clock(clock, cursor)).await?;
            found.push((resource, objects));
        }
    }
    Ok(Some(found))
}

/// Stores what the test clocks hold as seen in `run`.
fn store_on_clocks(cache: &mut Cache, run: i64, found: OnClocks) -> Result<Clocks, SyncError> {
    let Some(found) = found else {
        return Ok(Clocks::Hidden);
    };
    cache.write(|tx| {
        for (resource, objects) in &found {
            for object in objects {
                resource.store(tx, object, run)?;
            }
        }
        Ok(())
    })?;
    Ok(Clocks::Read)
}

/// Every object of a short list, page after page (`request` makes the page
/// after a cursor).
async fn every_object(
    transport: &Transport,
    request: impl Fn(Option<&str>) -> RequestBuilder,
) -> Result<Vec<Value>, StripeFailure> {
    let mut found: Vec<Value> = Vec::new();
    loop {
        let cursor = found.last().and_then(|o| o["id"].as_str());
        let body = transport.send(request(cursor), None).await?;
        let page = objects::page(&body)
            .ok_or_else(|| StripeFailure::Unreadable("a list page was not a Stripe list".into()))?;
        let last_page = !page.has_more || page.data.is_empty();
        found.extend(page.data);
        if last_page {
            return Ok(found);
        }
    }
}

#[derive(serde::Serialize)]
struct ClockPage<'a> {
    limit: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    starting_after: Option<&'a str>,
}

/// The run a sync continues: its number, the account's creation if known,
/// and whether the event feed's position was saved for it.
struct Begun {
    run: i64,
    floor: Option<i64>,
    feed_placed: bool,
}

/// The run under way, or a new one with a window per list. No request is
/// made: every list starts at once.
fn begin(cache: &mut Cache) -> Result<Begun, SyncError> {
    let read = |key| cache.read(|conn| sync_state::get_i64(conn, key));
    let floor = read(keys::ACCOUNT_CREATED)?;
    let feed_placed = read(keys::EVENTS_FROM)?.is_some();
    // A run stopped before any page answered has nothing to resume and no
    // feed position: it starts again.
    if let Some(run) = read(keys::FULL_RUN)?
        && feed_placed
    {
        return Ok(Begun {
            run,
            floor,
            feed_placed,
        });
    }
    let run = cache.write(|tx| {
        let run = sync_state::get_i64(tx, keys::LAST_RUN)?.unwrap_or(0) + 1;
        sync_state::set(tx, keys::LAST_RUN, run)?;
        sync_state::set(tx, keys::FULL_RUN, run)?;
        // Placed again from this run's first answer.
        sync_state::remove(tx, keys::EVENTS_FROM)?;
        sync_state::clear_windows_before(tx, run)?;
        for resource in Resource::LISTED {
            let window = Window {
                resource: resource.name().to_owned(),
                // Until the account says when it opened, a window covers all of Stripe's time.
                lo: floor.unwrap_or(STRIPE_EPOCH),
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
    })?;
    Ok(Begun {
        run,
        floor,
        feed_placed: false,
    })
}

/// When the account was opened: no object is older, so windows split from there.
async fn account_created(transport: &Transport) -> Result<i64, StripeFailure> {
    match transport
        .send(RetrieveForMyAccountAccount::new().build(), None)
        .await
    {
        Ok(body) => Ok(serde_json::from_slice::<Value>(&body)
            .ok()
            .and_then(|account| account["created"].as_i64())
            .unwrap_or(STRIPE_EPOCH)),
        // A restricted key may not read the account; windows then split from Stripe's epoch.
        Err(StripeFailure::Api { status: 403, .. }) => Ok(STRIPE_EPOCH),
        Err(failure) => Err(failure),
    }
}

/// Saves where the event feed stands for this run: Stripe's clock at the
/// first page it answered. Events from there on (less an overlap) are caught
/// up after the lists, so no change made while they are read is missed, and
/// no request is spent on it. Without a `Date` header, the newest relevant
/// event says it instead (one request; none of Stripe's answers lack one).
async fn place_feed(
    transport: &Transport,
    cache: &mut Cache,
    stripe_now: Option<i64>,
) -> Result<(), SyncError> {
    let from = match stripe_now {
        Some(at) => at,
        None => {
            let body = transport
                .send(incremental::feed_page(None, None).limit(1).build(), None)
                .await?;
            let head = objects::page(&body).ok_or_else(|| {
                StripeFailure::Unreadable("the event list was not a Stripe list".into())
            })?;
            // No event yet: every one that comes is new.
            head.data
                .iter()
                .filter_map(|e| e["created"].as_i64())
                .max()
                .unwrap_or(0)
        }
    };
    cache.write(|tx| sync_state::set(tx, keys::EVENTS_FROM, from))?;
    Ok(())
}

/// Windows that keep `budget` requests/s busy when a page takes `round_trip`
/// seconds: at least four, at most `most`.
fn windows_needed(budget: f64, round_trip: f64, most: usize) -> usize {
    let needed = (budget * round_trip * WINDOW_MARGIN).ceil() as usize;
    needed.max(4).min(most)
}

/// Splits the windows with the most left until `windows` run; no
/// object is older than `floor`.
fn split(
    slots: &mut Vec<Slot>,
    floor: i64,
    windows: usize,
    cache: &mut Cache,
    run: i64,
) -> Result<(), SyncError> {
    loop {
        let active = slots.iter().filter(|s| !s.window.done).count();
        if active >= windows {
            return Ok(());
        }
        let candidate = slots
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                s.window
                    .cursor_created
                    .is_some_and(|c| c - s.window.lo.max(floor) >= 2)
            })
            .map(|(index, s)| (index, s.remaining(floor)))
            .filter(|(_, remaining)| *remaining >= MIN_SPLIT_REMAINING)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let Some((index, remaining)) = candidate else {
            return Ok(());
        };
        let parent = &mut slots[index];
        let lo = parent.window.lo.max(floor);
        let cursor = parent.window.cursor_created.unwrap_or(lo);
        let mid = lo + (cursor - lo) / 2;
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
            o["id"].as_str().filter(|id| objects::is_chosen_id(id))?,
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
fn finish(cache: &mut Cache, run: i64, clocks: Clocks) -> Result<(), SyncError> {
    let now = unix_now();
    cache.write(|tx| {
        for resource in Resource::LISTED
            .into_iter()
            .chain([Resource::PaymentMethods])
        {
            let maybe_on_a_clock = matches!(
                resource,
                Resource::Customers | Resource::Subscriptions | Resource::PaymentMethods
            );
            if clocks == Clocks::Hidden && maybe_on_a_clock {
                continue;
            }
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
    floor: Option<i64>,
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
            // Before the account answers there is no floor to estimate from.
            let remaining: f64 =
                floor.map_or(0.0, |floor| mine.clone().map(|s| s.remaining(floor)).sum());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_windows_follow_the_round_trip() {
        assert_eq!(windows_needed(25.0, 0.16, 25), 6, "the sandbox at 150 ms");
        assert_eq!(windows_needed(25.0, 0.5, 25), 19, "a slow expanded list");
        assert_eq!(windows_needed(100.0, 0.5, 32), 32, "capped");
        assert_eq!(windows_needed(25.0, 0.001, 8), 4, "at least four");
        assert_eq!(windows_needed(25.0, 0.001, 2), 2, "never past the cap");
    }
}
