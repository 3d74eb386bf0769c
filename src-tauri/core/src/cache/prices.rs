//! `prices`: what subscriptions charge, in minor units of their currency.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::SqlResult;

/// A cached price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Price {
    /// `price_…`.
    pub id: String,
    /// `prod_…`.
    pub product_id: Option<String>,
    /// The price's own name ("Monthly").
    pub nickname: Option<String>,
    /// Amount per unit, in minor units.
    pub unit_amount: Option<i64>,
    /// Currency.
    pub currency: String,
    /// day, week, month or year, for recurring prices.
    pub interval: Option<String>,
    /// Intervals between charges.
    pub interval_count: Option<i64>,
    /// Whether it can be used for new purchases.
    pub active: bool,
    /// Unix seconds.
    pub created: i64,
}

/// Inserts or updates `price`.
pub fn upsert(conn: &Connection, price: &Price, run: i64) -> SqlResult<()> {
    conn.prepare_cached(
        "INSERT INTO prices (id, product_id, nickname, unit_amount, currency, recurring_interval,
             recurring_interval_count, active, created, seen_run)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (id) DO UPDATE SET product_id = ?2, nickname = ?3, unit_amount = ?4,
             currency = ?5, recurring_interval = ?6, recurring_interval_count = ?7, active = ?8,
             created = ?9, seen_run = max(seen_run, ?10)",
    )?
    .execute(params![
        price.id,
        price.product_id,
        price.nickname,
        price.unit_amount,
        price.currency,
        price.interval,
        price.interval_count,
        price.active,
        price.created,
        run
    ])?;
    Ok(())
}

/// Removes price `id`.
pub fn delete(conn: &Connection, id: &str) -> SqlResult<bool> {
    Ok(conn.execute("DELETE FROM prices WHERE id = ?1", [id])? > 0)
}

/// Deletes prices the full sync `run` did not see.
pub fn delete_unseen(conn: &Connection, run: i64) -> SqlResult<usize> {
    conn.execute("DELETE FROM prices WHERE seen_run < ?1", [run])
}

/// Price `id`, if cached.
pub fn get(conn: &Connection, id: &str) -> SqlResult<Option<Price>> {
    conn.prepare_cached(
        "SELECT id, product_id, nickname, unit_amount, currency, recurring_interval,
                recurring_interval_count, active, created
         FROM prices WHERE id = ?1",
    )?
    .query_row([id], |row| {
        Ok(Price {
            id: row.get(0)?,
            product_id: row.get(1)?,
            nickname: row.get(2)?,
            unit_amount: row.get(3)?,
            currency: row.get(4)?,
            interval: row.get(5)?,
            interval_count: row.get(6)?,
            active: row.get(7)?,
            created: row.get(8)?,
        })
    })
    .optional()
}

/// The active recurring prices of `product_id`, oldest first.
pub fn recurring_of_product(conn: &Connection, product_id: &str) -> SqlResult<Vec<String>> {
    conn.prepare_cached(
        "SELECT id FROM prices WHERE product_id = ?1 AND active AND recurring_interval IS NOT NULL
         ORDER BY created, id",
    )?
    .query_map([product_id], |r| r.get(0))?
    .collect()
}

/// A plan name for `price_id`: "Product · Nickname", or whichever exists, or the id.
pub fn display_name(conn: &Connection, price_id: &str) -> SqlResult<String> {
    let names: Option<(Option<String>, Option<String>)> = conn
        .prepare_cached(
            "SELECT p.name, pr.nickname FROM prices pr LEFT JOIN products p ON p.id = pr.product_id
             WHERE pr.id = ?1",
        )?
        .query_row([price_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(match names {
        Some((Some(product), Some(nickname))) if product != nickname => {
            format!("{product} · {nickname}")
        }
        Some((Some(name), _)) | Some((None, Some(name))) => name,
        _ => price_id.to_owned(),
    })
}
