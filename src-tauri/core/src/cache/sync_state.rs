//! `sync_state` (a small key/value record of sync progress) and `sync_windows`
//! (the `created` windows of a full sync, each with its cursor).

use rusqlite::{Connection, OptionalExtension, params};

use super::SqlResult;

/// Keys of `sync_state`.
pub mod keys {
    /// The full sync under way (its run number), absent when none is.
    pub const FULL_RUN: &str = "full_run";
    /// The number of the last full sync started.
    pub const LAST_RUN: &str = "last_run";
    /// Unix seconds when the last full sync completed.
    pub const LAST_FULL_SYNC: &str = "last_full_sync";
    /// Unix seconds when the last sync of any kind completed.
    pub const LAST_SYNC: &str = "last_sync";
    /// Events created at or after this (minus an overlap) are still to be read.
    pub const EVENTS_FROM: &str = "events_from";
    /// Lower bound of `created` for windows: the account's creation.
    pub const ACCOUNT_CREATED: &str = "account_created";
}

/// The value of `key`.
pub fn get(conn: &Connection, key: &str) -> SqlResult<Option<String>> {
    conn.prepare_cached("SELECT value FROM sync_state WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()
}

/// The value of `key` as a number.
pub fn get_i64(conn: &Connection, key: &str) -> SqlResult<Option<i64>> {
    Ok(get(conn, key)?.and_then(|v| v.parse().ok()))
}

/// Sets `key`.
pub fn set(conn: &Connection, key: &str, value: impl ToString) -> SqlResult<()> {
    conn.prepare_cached("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?1, ?2)")?
        .execute(params![key, value.to_string()])?;
    Ok(())
}

/// Removes `key`.
pub fn remove(conn: &Connection, key: &str) -> SqlResult<()> {
    conn.execute("DELETE FROM sync_state WHERE key = ?1", [key])?;
    Ok(())
}

/// A `created` window of one list in a full sync: objects with
/// `lo <= created < hi` (no upper bound when `hi` is `None`), paged newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// Which list (customers, subscriptions, …).
    pub resource: String,
    /// Inclusive lower bound; also the window's key.
    pub lo: i64,
    /// Exclusive upper bound.
    pub hi: Option<i64>,
    /// The last object of the last committed page.
    pub cursor: Option<String>,
    /// Its `created`.
    pub cursor_created: Option<i64>,
    /// `created` of the window's first (newest) object.
    pub first_created: Option<i64>,
    /// Objects committed from this window.
    pub fetched: u64,
    /// Whether the window is exhausted.
    pub done: bool,
}

/// Saves `window` of full sync `run`.
pub fn save_window(conn: &Connection, run: i64, window: &Window) -> SqlResult<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO sync_windows (run, resource, lo, hi, cursor, cursor_created,
             first_created, fetched, done)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        run,
        window.resource,
        window.lo,
        window.hi,
        window.cursor,
        window.cursor_created,
        window.first_created,
        window.fetched as i64,
        window.done
    ])?;
    Ok(())
}

/// The windows of full sync `run`.
pub fn windows(conn: &Connection, run: i64) -> SqlResult<Vec<Window>> {
    conn.prepare_cached(
        "SELECT resource, lo, hi, cursor, cursor_created, first_created, fetched, done
         FROM sync_windows WHERE run = ?1 ORDER BY resource, lo",
    )?
    .query_map([run], |r| {
        Ok(Window {
            resource: r.get(0)?,
            lo: r.get(1)?,
            hi: r.get(2)?,
            cursor: r.get(3)?,
            cursor_created: r.get(4)?,
            first_created: r.get(5)?,
            fetched: r.get::<_, i64>(6)? as u64,
            done: r.get(7)?,
        })
    })?
    .collect()
}

/// Forgets the windows of every run before `run`.
pub fn clear_windows_before(conn: &Connection, run: i64) -> SqlResult<()> {
    conn.execute("DELETE FROM sync_windows WHERE run < ?1", [run])?;
    Ok(())
}
