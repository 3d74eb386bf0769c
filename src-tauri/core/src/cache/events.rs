//! `applied_events`: the Stripe events already applied, so each is applied once.

use rusqlite::{Connection, params};

use super::SqlResult;

/// Whether event `id` was applied.
pub fn is_applied(conn: &Connection, id: &str) -> SqlResult<bool> {
    conn.prepare_cached("SELECT 1 FROM applied_events WHERE id = ?1")?
        .exists([id])
}

/// Records event `id` as applied.
pub fn mark_applied(conn: &Connection, id: &str, kind: &str, created: i64) -> SqlResult<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO applied_events (id, type, created) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![id, kind, created])?;
    Ok(())
}

/// Forgets events created before `before`: Stripe no longer lists them.
pub fn prune(conn: &Connection, before: i64) -> SqlResult<usize> {
    conn.execute("DELETE FROM applied_events WHERE created < ?1", [before])
}

/// How many events were applied.
pub fn count(conn: &Connection) -> SqlResult<u64> {
    conn.query_row("SELECT count(*) FROM applied_events", [], |r| {
        r.get::<_, i64>(0)
    })
    .map(|n| n as u64)
}
