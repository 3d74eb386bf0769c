//! `subscriptions` and their `subscription_items`.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::SqlResult;

/// One line of a subscription.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubscriptionItem {
    /// `si_…`.
    pub id: String,
    /// `price_…`.
    pub price_id: Option<String>,
    /// Quantity.
    pub quantity: Option<i64>,
}

/// A cached subscription (canceled ones included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Subscription {
    /// `sub_…`.
    pub id: String,
    /// `cus_…`.
    pub customer_id: String,
    /// Stripe's status, kept as given (unknown values included).
    pub status: String,
    /// Cancels when the period ends.
    pub cancel_at_period_end: bool,
    /// When it will cancel.
    pub cancel_at: Option<i64>,
    /// When cancellation was requested or happened.
    pub canceled_at: Option<i64>,
    /// Current period (from the first item in recent API versions).
    pub current_period_start: Option<i64>,
    /// End of the current period: the renewal date.
    pub current_period_end: Option<i64>,
    /// Unix seconds.
    pub created: i64,
    /// Currency.
    pub currency: Option<String>,
    /// The subscription's own default payment method.
    pub default_payment_method: Option<String>,
    /// Its items.
    pub items: Vec<SubscriptionItem>,
}

/// Inserts or replaces `subscription` and its items.
pub fn upsert(conn: &Connection, subscription: &Subscription, run: i64) -> SqlResult<()> {
    conn.prepare_cached(
        "INSERT INTO subscriptions (id, customer_id, status, cancel_at_period_end, cancel_at,
             canceled_at, current_period_start, current_period_end, created, currency,
             default_payment_method, seen_run)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (id) DO UPDATE SET customer_id = ?2, status = ?3, cancel_at_period_end = ?4,
             cancel_at = ?5, canceled_at = ?6, current_period_start = ?7,
             current_period_end = ?8, created = ?9, currency = ?10,
             default_payment_method = ?11, seen_run = max(seen_run, ?12)",
    )?
    .execute(params![
        subscription.id,
        subscription.customer_id,
        subscription.status,
        subscription.cancel_at_period_end,
        subscription.cancel_at,
        subscription.canceled_at,
        subscription.current_period_start,
        subscription.current_period_end,
        subscription.created,
        subscription.currency,
        subscription.default_payment_method,
        run,
    ])?;
    conn.prepare_cached("DELETE FROM subscription_items WHERE subscription_id = ?1")?
        .execute([&subscription.id])?;
    let mut insert = conn.prepare_cached(
        "INSERT OR REPLACE INTO subscription_items (id, subscription_id, price_id, quantity, position)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (position, item) in subscription.items.iter().enumerate() {
        insert.execute(params![
            item.id,
            subscription.id,
            item.price_id,
            item.quantity,
            position as i64
        ])?;
    }
    Ok(())
}

/// Removes subscription `id`.
pub fn delete(conn: &Connection, id: &str) -> SqlResult<bool> {
    Ok(conn.execute("DELETE FROM subscriptions WHERE id = ?1", [id])? > 0)
}

/// Deletes subscriptions the full sync `run` did not see; returns how many.
pub fn delete_unseen(conn: &Connection, run: i64) -> SqlResult<usize> {
    conn.execute("DELETE FROM subscriptions WHERE seen_run < ?1", [run])
}

/// Subscription `id`, if cached.
pub fn get(conn: &Connection, id: &str) -> SqlResult<Option<Subscription>> {
    let Some(mut subscription) = conn
        .prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
    else {
        return Ok(None);
    };
    subscription.items = conn
        .prepare_cached(
            "SELECT id, price_id, quantity FROM subscription_items
             WHERE subscription_id = ?1 ORDER BY position",
        )?
        .query_map([id], |row| {
            Ok(SubscriptionItem {
                id: row.get(0)?,
                price_id: row.get(1)?,
                quantity: row.get(2)?,
            })
        })?
        .collect::<SqlResult<_>>()?;
    Ok(Some(subscription))
}

/// The ids of every subscription of `customer_id`, newest first.
pub fn ids_of_customer(conn: &Connection, customer_id: &str) -> SqlResult<Vec<String>> {
    conn.prepare_cached(
        "SELECT id FROM subscriptions WHERE customer_id = ?1 ORDER BY created DESC, id DESC",
    )?
    .query_map([customer_id], |row| row.get(0))?
    .collect()
}

const SELECT: &str = "SELECT id, customer_id, status, cancel_at_period_end, cancel_at, canceled_at,
        current_period_start, current_period_end, created, currency, default_payment_method
    FROM subscriptions";

fn from_row(row: &Row<'_>) -> SqlResult<Subscription> {
    Ok(Subscription {
        id: row.get(0)?,
        customer_id: row.get(1)?,
        status: row.get(2)?,
        cancel_at_period_end: row.get(3)?,
        cancel_at: row.get(4)?,
        canceled_at: row.get(5)?,
        current_period_start: row.get(6)?,
        current_period_end: row.get(7)?,
        created: row.get(8)?,
        currency: row.get(9)?,
        default_payment_method: row.get(10)?,
        items: Vec::new(),
    })
}
