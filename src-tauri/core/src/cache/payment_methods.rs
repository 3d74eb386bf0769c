//! `payment_methods`: the cards and other methods attached to customers.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::SqlResult;

/// A cached payment method.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PaymentMethod {
    /// `pm_…`.
    pub id: String,
    /// The customer it is attached to.
    pub customer_id: Option<String>,
    /// card, sepa_debit, us_bank_account, …
    pub kind: String,
    /// Card brand (visa, mastercard, …) or bank name.
    pub brand: Option<String>,
    /// Last four digits.
    pub last4: Option<String>,
    /// Expiry month (cards).
    pub exp_month: Option<u32>,
    /// Expiry year (cards).
    pub exp_year: Option<u32>,
    /// Unix seconds.
    pub created: i64,
}

/// Inserts or updates `method`.
pub fn upsert(conn: &Connection, method: &PaymentMethod, run: i64) -> SqlResult<()> {
    conn.prepare_cached(
        "INSERT INTO payment_methods (id, customer_id, type, brand, last4, exp_month, exp_year,
             created, seen_run)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (id) DO UPDATE SET customer_id = ?2, type = ?3, brand = ?4, last4 = ?5,
             exp_month = ?6, exp_year = ?7, created = ?8, seen_run = max(seen_run, ?9)",
    )?
    .execute(params![
        method.id,
        method.customer_id,
        method.kind,
        method.brand,
        method.last4,
        method.exp_month,
        method.exp_year,
        method.created,
        run
    ])?;
    Ok(())
}

/// Removes payment method `id`.
pub fn delete(conn: &Connection, id: &str) -> SqlResult<bool> {
    Ok(conn.execute("DELETE FROM payment_methods WHERE id = ?1", [id])? > 0)
}

/// Removes customer `id`'s payment methods (deleting a customer detaches
/// them in Stripe).
pub fn delete_of_customer(conn: &Connection, id: &str) -> SqlResult<usize> {
    conn.execute("DELETE FROM payment_methods WHERE customer_id = ?1", [id])
}

/// Removes the payment methods of customers no longer cached (a deleted
/// customer's cards are detached in Stripe).
pub fn delete_orphans(conn: &Connection) -> SqlResult<usize> {
    conn.execute(
        "DELETE FROM payment_methods
         WHERE customer_id IS NOT NULL AND customer_id NOT IN (SELECT id FROM customers)",
        [],
    )
}

/// Payment method `id`, if cached.
pub fn get(conn: &Connection, id: &str) -> SqlResult<Option<PaymentMethod>> {
    conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()
}

/// Deletes payment methods the full sync `run` did not see, except those
/// fetched on their own since (`seen_run` 0 rows come from events or the
/// detail view and are checked by those paths).
pub fn delete_unseen(conn: &Connection, run: i64) -> SqlResult<usize> {
    conn.execute(
        "DELETE FROM payment_methods WHERE seen_run < ?1 AND seen_run > 0",
        [run],
    )
}

/// The payment methods attached to `customer_id`, newest first.
pub fn of_customer(conn: &Connection, customer_id: &str) -> SqlResult<Vec<PaymentMethod>> {
    conn.prepare_cached(&format!(
        "{SELECT} WHERE customer_id = ?1 ORDER BY created DESC, id DESC"
    ))?
    .query_map([customer_id], from_row)?
    .collect()
}

const SELECT: &str =
    "SELECT id, customer_id, type, brand, last4, exp_month, exp_year, created FROM payment_methods";

fn from_row(row: &Row<'_>) -> SqlResult<PaymentMethod> {
    Ok(PaymentMethod {
        id: row.get(0)?,
        customer_id: row.get(1)?,
        kind: row.get(2)?,
        brand: row.get(3)?,
        last4: row.get(4)?,
        exp_month: row.get(5)?,
        exp_year: row.get(6)?,
        created: row.get(7)?,
    })
}
