//! `invoices`: amounts in minor units beside their currency, never divided here.

use rusqlite::{Connection, Row, params};
use serde::Serialize;

use super::SqlResult;

/// A cached invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Invoice {
    /// `in_…`.
    pub id: String,
    /// `cus_…`.
    pub customer_id: Option<String>,
    /// `sub_…`, for subscription invoices.
    pub subscription_id: Option<String>,
    /// The invoice number, once finalized.
    pub number: Option<String>,
    /// draft, open, paid, uncollectible or void (unknown values kept).
    pub status: Option<String>,
    /// Three-letter currency code.
    pub currency: String,
    /// Total, in minor units.
    pub total: i64,
    /// Amount due, in minor units.
    pub amount_due: i64,
    /// Amount paid, in minor units.
    pub amount_paid: i64,
    /// Amount remaining, in minor units.
    pub amount_remaining: i64,
    /// Billing period start.
    pub period_start: Option<i64>,
    /// Billing period end.
    pub period_end: Option<i64>,
    /// Unix seconds.
    pub created: i64,
    /// Payment due date.
    pub due_date: Option<i64>,
    /// When Stripe next tries to collect it automatically, if it will.
    pub next_payment_attempt: Option<i64>,
    /// The hosted invoice page.
    pub hosted_invoice_url: Option<String>,
    /// The PDF.
    pub invoice_pdf: Option<String>,
}

/// Inserts or updates `invoice`.
pub fn upsert(conn: &Connection, invoice: &Invoice, run: i64) -> SqlResult<()> {
    conn.prepare_cached(
        "INSERT INTO invoices (id, customer_id, subscription_id, number, status, currency, total,
             amount_due, amount_paid, amount_remaining, period_start, period_end, created,
             due_date, hosted_invoice_url, invoice_pdf, seen_run, next_payment_attempt)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
         ON CONFLICT (id) DO UPDATE SET customer_id = ?2, subscription_id = ?3, number = ?4,
             status = ?5, currency = ?6, total = ?7, amount_due = ?8, amount_paid = ?9,
             amount_remaining = ?10, period_start = ?11, period_end = ?12, created = ?13,
             due_date = ?14, hosted_invoice_url = ?15, invoice_pdf = ?16,
             seen_run = max(seen_run, ?17), next_payment_attempt = ?18",
    )?
    .execute(params![
        invoice.id,
        invoice.customer_id,
        invoice.subscription_id,
        invoice.number,
        invoice.status,
        invoice.currency,
        invoice.total,
        invoice.amount_due,
        invoice.amount_paid,
        invoice.amount_remaining,
        invoice.period_start,
        invoice.period_end,
        invoice.created,
        invoice.due_date,
        invoice.hosted_invoice_url,
        invoice.invoice_pdf,
        run,
        invoice.next_payment_attempt,
    ])?;
    Ok(())
}

/// Removes invoice `id` (Stripe deletes only drafts).
pub fn delete(conn: &Connection, id: &str) -> SqlResult<bool> {
    Ok(conn.execute("DELETE FROM invoices WHERE id = ?1", [id])? > 0)
}

/// Deletes invoices the full sync `run` did not see; returns how many.
pub fn delete_unseen(conn: &Connection, run: i64) -> SqlResult<usize> {
    conn.execute("DELETE FROM invoices WHERE seen_run < ?1", [run])
}

/// The newest `limit` invoices of `customer_id`.
pub fn latest_of_customer(
    conn: &Connection,
    customer_id: &str,
    limit: usize,
) -> SqlResult<Vec<Invoice>> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM invoices i
             WHERE i.customer_id = ?1 ORDER BY i.created DESC, i.id DESC LIMIT ?2"
    ))?
    .query_map(params![customer_id, limit as i64], from_row)?
    .collect()
}

/// Invoice statuses that still take a payment: `open`, and `uncollectible`
/// (Stripe stopped trying, as for an `unpaid` subscription, but the customer
/// can still pay it).
const PAYABLE: &str = "i.status IN ('open', 'uncollectible') AND i.amount_remaining > 0";

/// The invoices `customer_id` still owes, newest first.
pub fn payable_of_customer(conn: &Connection, customer_id: &str) -> SqlResult<Vec<Invoice>> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM invoices i
             WHERE i.customer_id = ?1 AND {PAYABLE} ORDER BY i.created DESC, i.id DESC"
    ))?
    .query_map([customer_id], from_row)?
    .collect()
}

/// What the customers whose status is one of `statuses` owe, per currency
/// (alphabetical), in minor units.
pub fn owed_by_status(conn: &Connection, statuses: &[&str]) -> SqlResult<Vec<(String, i64)>> {
    let wanted = vec!["?"; statuses.len()].join(", ");
    conn.prepare_cached(&format!(
        "SELECT i.currency, sum(i.amount_remaining) FROM invoices i
             JOIN customers c ON c.id = i.customer_id
             WHERE c.status IN ({wanted}) AND {PAYABLE}
             GROUP BY i.currency ORDER BY i.currency"
    ))?
    .query_map(rusqlite::params_from_iter(statuses), |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?
    .collect()
}

/// The columns [`from_row`] reads, in its order (the table aliased `i`).
const COLUMNS: &str = "i.id, i.customer_id, i.subscription_id, i.number, i.status, i.currency,
    i.total, i.amount_due, i.amount_paid, i.amount_remaining, i.period_start, i.period_end,
    i.created, i.due_date, i.hosted_invoice_url, i.invoice_pdf, i.next_payment_attempt";

fn from_row(row: &Row<'_>) -> SqlResult<Invoice> {
    Ok(Invoice {
        id: row.get(0)?,
        customer_id: row.get(1)?,
        subscription_id: row.get(2)?,
        number: row.get(3)?,
        status: row.get(4)?,
        currency: row.get(5)?,
        total: row.get(6)?,
        amount_due: row.get(7)?,
        amount_paid: row.get(8)?,
        amount_remaining: row.get(9)?,
        period_start: row.get(10)?,
        period_end: row.get(11)?,
        created: row.get(12)?,
        due_date: row.get(13)?,
        hosted_invoice_url: row.get(14)?,
        invoice_pdf: row.get(15)?,
        next_payment_attempt: row.get(16)?,
    })
}

/// An invoice as exported, with its customer's name and email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceExport {
    /// The invoice.
    pub invoice: Invoice,
    /// The customer's name, if cached.
    pub customer_name: Option<String>,
    /// The customer's email, if cached.
    pub customer_email: Option<String>,
}

/// Visits every invoice, newest first, as exported; one row at a time.
pub fn for_each<E: From<rusqlite::Error>>(
    conn: &Connection,
    mut visit: impl FnMut(InvoiceExport) -> Result<(), E>,
) -> Result<(), E> {
    let mut statement = conn.prepare(&format!(
        "SELECT {COLUMNS}, c.name, c.email
             FROM invoices i LEFT JOIN customers c ON c.id = i.customer_id
             ORDER BY i.created DESC, i.id DESC"
    ))?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        visit(InvoiceExport {
            invoice: from_row(row)?,
            customer_name: row.get(17)?,
            customer_email: row.get(18)?,
        })?;
    }
    Ok(())
}

/// The ids of every cached invoice Stripe keeps a PDF for, oldest first.
pub fn ids_with_pdf(conn: &Connection) -> SqlResult<Vec<String>> {
    conn.prepare("SELECT id FROM invoices WHERE invoice_pdf IS NOT NULL ORDER BY created, id")?
        .query_map([], |r| r.get(0))?
        .collect()
}

/// Invoice `id`, if cached.
pub fn get(conn: &Connection, id: &str) -> SqlResult<Option<Invoice>> {
    use rusqlite::OptionalExtension;
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM invoices i WHERE i.id = ?1"))?
        .query_row([id], from_row)
        .optional()
}
