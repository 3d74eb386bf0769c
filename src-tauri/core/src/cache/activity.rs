//! `activity`: what customers changed, in words ("Jane Doe switched from
//! Monthly to Annual"), newest first.

use rusqlite::{Connection, params};
use serde::Serialize;

use super::SqlResult;

/// One entry of the activity feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Unix seconds of the change (the event's `created`).
    pub at: i64,
    /// The customer concerned.
    pub customer_id: Option<String>,
    /// The event that reported it.
    pub event_id: Option<String>,
    /// A stable kind for icons and filters (`plan_changed`, `card_added`, …).
    pub kind: String,
    /// The sentence, in English (the CLI's and the logs').
    pub message: String,
    /// What the sentence says, by name (`who`, `plan`, `method`, …), for the
    /// catalogue's `activity-<kind>` message. Empty for entries older than it.
    pub args: Vec<(String, String)>,
}

/// Adds `entry`.
pub fn add(conn: &Connection, entry: &Entry) -> SqlResult<()> {
    conn.prepare_cached(
        "INSERT INTO activity (at, customer_id, event_id, kind, message, args)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        entry.at,
        entry.customer_id,
        entry.event_id,
        entry.kind,
        entry.message,
        serde_json::to_string(&entry.args).unwrap_or_default(),
    ])?;
    Ok(())
}

/// How many entries there are.
pub fn count(conn: &Connection) -> SqlResult<u64> {
    conn.query_row("SELECT count(*) FROM activity", [], |r| r.get::<_, i64>(0))
        .map(|n| n as u64)
}

/// The newest `limit` entries, of one customer when given.
pub fn latest(conn: &Connection, customer_id: Option<&str>, limit: usize) -> SqlResult<Vec<Entry>> {
    let mut statement = conn.prepare_cached(
        "SELECT at, customer_id, event_id, kind, message, args FROM activity
         WHERE ?1 IS NULL OR customer_id = ?1 ORDER BY at DESC, id DESC LIMIT ?2",
    )?;
    statement
        .query_map(params![customer_id, limit as i64], |r| {
            Ok(Entry {
                at: r.get(0)?,
                customer_id: r.get(1)?,
                event_id: r.get(2)?,
                kind: r.get(3)?,
                message: r.get(4)?,
                args: r
                    .get::<_, Option<String>>(5)?
                    .and_then(|args| serde_json::from_str(&args).ok())
                    .unwrap_or_default(),
            })
        })?
        .collect()
}
