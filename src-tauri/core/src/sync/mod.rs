//! Keeping the cache equal to Stripe with the fewest requests.
//!
//! - **Full sync** ([`full`]): only list endpoints, 100 objects a page, each
//!   list split into `created` windows paged in parallel under the client's
//!   rate limiter. Every page commits with its window's cursor, so an
//!   interrupted sync resumes without re-reading finished windows. Objects no
//!   longer in Stripe are dropped when it completes.
//! - **Incremental sync** ([`incremental`]): the Events API from the last
//!   applied event; each event only names what changed, which is re-fetched in
//!   our API version and compared with the cache to write the activity feed.
//!
//! Cancelling is dropping the future: every write is one synchronous
//! transaction, so the cache is always at a committed page or batch.

mod changes;
pub use changes::method_label;
mod full;
pub mod incremental;
pub mod objects;
pub mod resources;

use std::time::Instant;

use serde::Serialize;

pub use resources::Resource;

use crate::cache::{Cache, CacheError, Counts, sync_state};
use crate::stripe_api::{StripeClient, StripeFailure};

/// Stripe keeps events for 30 days; a cache older than this (with an hour of
/// margin) needs a full sync.
pub const EVENT_RETENTION_SECS: i64 = 30 * 86_400 - 3_600;

/// Why a sync stopped early. The cache keeps everything committed before it.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// Stripe refused or could not be reached.
    #[error(transparent)]
    Stripe(#[from] StripeFailure),
    /// The cache failed.
    #[error(transparent)]
    Cache(#[from] CacheError),
}

/// Which sync ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SyncMode {
    /// Every list read.
    Full,
    /// Only what events reported.
    Incremental,
}

/// What to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncOptions {
    /// Read everything even when events would do.
    pub full: bool,
    /// Windows paged at once in a full sync.
    pub concurrency: usize,
}

impl SyncOptions {
    /// At most enough parallel windows to keep `requests_per_second` busy
    /// when a page takes a second (the sync opens fewer when pages come back
    /// sooner, see `full`).
    pub fn for_rate(requests_per_second: f64, full: bool) -> SyncOptions {
        SyncOptions {
            full,
            concurrency: (requests_per_second.ceil() as usize).clamp(4, 32),
        }
    }
}

/// The pacing of a sync for a profile: a background share of Stripe's limit
/// for the key's mode ([`crate::TransportOptions::for_sync`]), unless the
/// profile's settings name another rate (an account whose limits Stripe raised).
pub fn pacing(
    settings: &crate::ProfileSettings,
    mode: crate::Mode,
    full: bool,
) -> (crate::TransportOptions, SyncOptions) {
    let mut transport = crate::TransportOptions::for_sync(mode);
    if let Some(rate) = settings.requests_per_second.filter(|r| *r > 0.0) {
        transport.requests_per_second = rate;
    }
    let options = SyncOptions::for_rate(transport.requests_per_second, full);
    (transport, options)
}

/// A client paced for a sync of `key`'s profile, and the sync's options.
pub fn sync_client(
    key: &crate::ApiKey,
    settings: &crate::ProfileSettings,
    api_base: Option<&crate::ApiBase>,
    full: bool,
) -> (StripeClient, SyncOptions) {
    let (transport, options) = pacing(settings, key.mode(), full);
    (
        StripeClient::with_options(key, api_base, transport),
        options,
    )
}

/// Where one list stands.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ResourceProgress {
    /// The list.
    pub name: String,
    /// Objects stored so far.
    pub fetched: u64,
    /// The expected total, from the density of what was read (none before the first page).
    pub estimated_total: Option<u64>,
    /// Requests made for it.
    pub requests: u64,
    /// Whether it is complete.
    pub done: bool,
}

/// A snapshot of a running sync, sent after every page or batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// The sync under way.
    pub mode: SyncMode,
    /// Per list (full sync) or the events (incremental).
    pub resources: Vec<ResourceProgress>,
    /// Requests so far, retries included.
    pub requests: u64,
    /// Retries so far.
    pub retries: u64,
    /// Events applied so far.
    pub events_applied: u64,
}

impl Progress {
    /// Objects read so far and expected in all (a list without an estimate
    /// yet counts what it has read).
    pub fn objects(&self) -> (u64, u64) {
        self.resources.iter().fold((0, 0), |(read, expected), r| {
            (
                read + r.fetched,
                expected + r.estimated_total.unwrap_or(r.fetched).max(r.fetched),
            )
        })
    }
}

/// The outcome of a sync.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// Full or incremental (a resumed or fallen-back full sync says full).
    pub mode: SyncMode,
    /// What the cache holds afterwards.
    #[serde(flatten)]
    pub counts: Counts,
    /// Events applied.
    pub events_applied: u64,
    /// Requests made, retries included.
    pub requests: u64,
    /// Retries.
    pub retries: u64,
    /// Wall time.
    pub duration_ms: u64,
    /// Portal changes this sync wrote to the activity feed.
    pub changes: u64,
    /// Why a full sync ran when an incremental one was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Brings `cache` up to date with Stripe: resumes an interrupted full sync,
/// runs a full sync when asked, when the cache was never filled or when it is
/// older than Stripe's event retention, and otherwise applies new events.
pub async fn sync(
    client: &StripeClient,
    cache: &mut Cache,
    options: &SyncOptions,
    on_progress: &mut dyn FnMut(&Progress),
) -> Result<SyncReport, SyncError> {
    let started = Instant::now();
    let counters = client.transport().counters();
    let (requests_before, retries_before) = (counters.requests(), counters.retries());

    let feed_before = cache.read(crate::cache::activity::count)?;
    let read = |key| cache.read(|conn| sync_state::get_i64(conn, key));
    let in_progress = read(sync_state::keys::FULL_RUN)?.is_some();
    let last_sync = read(sync_state::keys::LAST_SYNC)?;
    let now = unix_now();
    let mut note = None;
    let run_full = if in_progress {
        note = Some("Resumed the full sync that was interrupted.".to_owned());
        true
    } else if options.full {
        true
    } else {
        match last_sync {
            None => {
                note = Some("First sync: read the whole account.".to_owned());
                true
            }
            Some(at) if now - at > EVENT_RETENTION_SECS => {
                note = Some(format!(
                    "The last sync was {} days ago and Stripe keeps events for 30 days, so Portal Desk ran a full sync.",
                    (now - at) / 86_400
                ));
                true
            }
            Some(_) => false,
        }
    };

    // The newest progress, to say how far a sync Stripe slowed down got.
    let mut latest: Option<Progress> = None;
    let mut on_progress = |progress: &Progress| {
        latest = Some(progress.clone());
        on_progress(progress);
    };
    let mut events_applied = 0;
    let outcome = async {
        if run_full {
            full::run(client, cache, options, &mut on_progress).await?;
        }
        // After a full sync this catches what changed while it ran.
        incremental::run(client, cache, &mut on_progress).await
    }
    .await;
    events_applied += match outcome {
        Ok(applied) => applied,
        Err(SyncError::Stripe(failure)) if failure.is_rate_limited() => {
            let (read, expected) = latest.as_ref().map_or((0, 0), Progress::objects);
            return Err(SyncError::Stripe(StripeFailure::Limited { read, expected }));
        }
        Err(other) => return Err(other),
    };

    let counts = cache.counts()?;
    let feed_after = cache.read(crate::cache::activity::count)?;
    Ok(SyncReport {
        mode: if run_full {
            SyncMode::Full
        } else {
            SyncMode::Incremental
        },
        counts,
        events_applied,
        requests: counters.requests() - requests_before,
        retries: counters.retries() - retries_before,
        duration_ms: started.elapsed().as_millis() as u64,
        changes: feed_after.saturating_sub(feed_before),
        note,
    })
}

/// Seconds since the Unix epoch.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// When the last sync of any kind completed, if ever.
pub fn last_synced(cache: &Cache) -> Result<Option<i64>, CacheError> {
    cache.read(|conn| sync_state::get_i64(conn, sync_state::keys::LAST_SYNC))
}
