//! `campaigns` and `campaign_recipients`: the results of bulk emails, kept so
//! that running a campaign again never emails anyone twice.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::SqlResult;

/// What happened to one recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The email left.
    Sent,
    /// Sending failed; a re-run tries again.
    Failed,
    /// Not sent, on purpose (no email, bad address).
    Skipped,
}

impl Outcome {
    /// Its word, as stored and as the window shows it.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Sent => "sent",
            Outcome::Failed => "failed",
            Outcome::Skipped => "skipped",
        }
    }

    fn parse(text: &str) -> Outcome {
        match text {
            "sent" => Outcome::Sent,
            "skipped" => Outcome::Skipped,
            _ => Outcome::Failed,
        }
    }
}

/// One recipient's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecipientResult {
    /// `cus_…`.
    pub customer_id: String,
    /// The address used, if any.
    pub email: Option<String>,
    /// What happened.
    pub outcome: Outcome,
    /// Why it failed or was skipped.
    pub reason: Option<String>,
    /// Unix seconds.
    pub at: i64,
}

/// Records campaign `id` if it is new.
pub fn ensure(conn: &Connection, id: &str, audience: &str, link: &str, now: i64) -> SqlResult<()> {
    conn.execute(
        "INSERT OR IGNORE INTO campaigns (id, created, audience, link) VALUES (?1, ?2, ?3, ?4)",
        params![id, now, audience, link],
    )?;
    Ok(())
}

/// Records `result` for campaign `id`.
pub fn record(conn: &Connection, id: &str, result: &RecipientResult) -> SqlResult<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO campaign_recipients (campaign_id, customer_id, email, outcome, reason, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        id,
        result.customer_id,
        result.email,
        result.outcome.as_str(),
        result.reason,
        result.at
    ])?;
    Ok(())
}

/// Whether campaign `id` already emailed `customer_id`.
pub fn already_sent(conn: &Connection, id: &str, customer_id: &str) -> SqlResult<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT outcome FROM campaign_recipients WHERE campaign_id = ?1 AND customer_id = ?2",
        )?
        .query_row(params![id, customer_id], |r| r.get::<_, String>(0))
        .optional()?
        .is_some_and(|o| o == "sent"))
}

/// Every recorded result of campaign `id`.
pub fn results(conn: &Connection, id: &str) -> SqlResult<Vec<RecipientResult>> {
    conn.prepare_cached(
        "SELECT customer_id, email, outcome, reason, at FROM campaign_recipients
         WHERE campaign_id = ?1 ORDER BY at, customer_id",
    )?
    .query_map([id], |r| {
        Ok(RecipientResult {
            customer_id: r.get(0)?,
            email: r.get(1)?,
            outcome: Outcome::parse(&r.get::<_, String>(2)?),
            reason: r.get(3)?,
            at: r.get(4)?,
        })
    })?
    .collect()
}
