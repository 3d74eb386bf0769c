//! `customers`: one row per Stripe customer, with a status derived from their
//! subscriptions and a folded text that search scans (see `customer_index`).

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use super::customer_index::CustomerIndex;
use super::{SqlResult, fold};

/// A postal address as Stripe gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    /// Street line 1.
    #[serde(default)]
    pub line1: Option<String>,
    /// Street line 2.
    #[serde(default)]
    pub line2: Option<String>,
    /// City.
    #[serde(default)]
    pub city: Option<String>,
    /// State or region.
    #[serde(default)]
    pub state: Option<String>,
    /// Postal code.
    #[serde(default)]
    pub postal_code: Option<String>,
    /// Two-letter country code.
    #[serde(default)]
    pub country: Option<String>,
}

impl Address {
    /// Whether no field is set.
    pub fn is_empty(&self) -> bool {
        *self == Address::default()
    }

    /// The address as printed on an envelope: street lines, "postal code city
    /// state", country; empty parts left out.
    pub fn lines(&self) -> Vec<String> {
        let city = [&self.postal_code, &self.city, &self.state]
            .into_iter()
            .flatten()
            .map(|part| part.trim())
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        [
            self.line1.clone(),
            self.line2.clone(),
            Some(city),
            self.country.clone(),
        ]
        .into_iter()
        .flatten()
        .filter(|line| !line.trim().is_empty())
        .collect()
    }
}

/// A cached customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Customer {
    /// `cus_…`.
    pub id: String,
    /// Name.
    pub name: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Free text from the Dashboard.
    pub description: Option<String>,
    /// Billing address.
    pub address: Option<Address>,
    /// Default currency.
    pub currency: Option<String>,
    /// Balance in minor units of `currency`.
    pub balance: i64,
    /// Whether the latest invoice is unpaid.
    pub delinquent: bool,
    /// `invoice_settings.default_payment_method`.
    pub default_payment_method: Option<String>,
    /// Unix seconds.
    pub created: i64,
    /// Stripe's `preferred_locales`, most preferred first (`["fr-FR", "en"]`).
    pub preferred_locales: Vec<String>,
}

/// Inserts or updates `customer`, marking it seen by full sync `run`.
pub fn upsert(conn: &Connection, customer: &Customer, run: i64) -> SqlResult<()> {
    let address = customer
        .address
        .as_ref()
        .filter(|a| !a.is_empty())
        .map(|a| serde_json::to_string(a).unwrap_or_default());
    let folded = fold(&format!(
        "{} {} {} {}",
        customer.name.as_deref().unwrap_or(""),
        customer.email.as_deref().unwrap_or(""),
        customer.id,
        customer.phone.as_deref().unwrap_or("")
    ));
    conn.prepare_cached(
        "INSERT INTO customers (id, name, email, phone, description, address, currency, balance,
             delinquent, default_payment_method, created, folded, seen_run, preferred_locales)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (id) DO UPDATE SET name = ?2, email = ?3, phone = ?4, description = ?5,
             address = ?6, currency = ?7, balance = ?8, delinquent = ?9,
             default_payment_method = ?10, created = ?11, folded = ?12,
             seen_run = max(seen_run, ?13), preferred_locales = ?14",
    )?
    .execute(params![
        customer.id,
        customer.name,
        customer.email,
        customer.phone,
        customer.description,
        address,
        customer.currency,
        customer.balance,
        customer.delinquent,
        customer.default_payment_method,
        customer.created,
        folded,
        run,
        (!customer.preferred_locales.is_empty()).then(|| customer.preferred_locales.join(",")),
    ])?;
    Ok(())
}

/// Removes customer `id`; `true` if it was cached.
pub fn delete(conn: &Connection, id: &str) -> SqlResult<bool> {
    Ok(conn.execute("DELETE FROM customers WHERE id = ?1", [id])? > 0)
}

/// The customer's current subscription, as [`refresh_status`] chose it.
pub fn current_subscription(conn: &Connection, id: &str) -> SqlResult<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT current_subscription FROM customers WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .flatten())
}

/// How many customers have each stored status, most common first.
pub fn status_counts(conn: &Connection) -> SqlResult<Vec<(String, u64)>> {
    conn.prepare_cached(
        "SELECT status, count(*) FROM customers GROUP BY status ORDER BY count(*) DESC",
    )?
    .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?
    .collect()
}

/// The customer `id`, if cached.
pub fn get(conn: &Connection, id: &str) -> SqlResult<Option<Customer>> {
    conn.prepare_cached(
        "SELECT id, name, email, phone, description, address, currency, balance, delinquent,
                default_payment_method, created, preferred_locales
         FROM customers WHERE id = ?1",
    )?
    .query_row([id], from_row)
    .optional()
}

fn from_row(row: &Row<'_>) -> SqlResult<Customer> {
    let address: Option<String> = row.get(5)?;
    Ok(Customer {
        id: row.get(0)?,
        name: row.get(1)?,
        email: row.get(2)?,
        phone: row.get(3)?,
        description: row.get(4)?,
        address: address.and_then(|a| serde_json::from_str(&a).ok()),
        currency: row.get(6)?,
        balance: row.get(7)?,
        delinquent: row.get(8)?,
        default_payment_method: row.get(9)?,
        created: row.get(10)?,
        preferred_locales: row
            .get::<_, Option<String>>(11)?
            .map(|locales| locales.split(',').map(str::to_owned).collect())
            .unwrap_or_default(),
    })
}

/// A customer with what the list derives for them, as exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerStanding {
    /// The customer.
    pub customer: Customer,
    /// Derived status (see [`CustomerSummary::status`]).
    pub status: String,
    /// When the current subscription renews, if it does.
    pub next_renewal: Option<i64>,
    /// The current subscription's id.
    pub current_subscription: Option<String>,
}

/// Visits every customer in name order. Reads one row at a time, so an
/// export of any size needs little memory.
pub fn for_each<E: From<rusqlite::Error>>(
    conn: &Connection,
    mut visit: impl FnMut(CustomerStanding) -> Result<(), E>,
) -> Result<(), E> {
    let mut statement = conn.prepare(
        "SELECT id, name, email, phone, description, address, currency, balance, delinquent,
                default_payment_method, created, preferred_locales, status, next_renewal,
                current_subscription
         FROM customers ORDER BY name IS NULL, name COLLATE NOCASE, id",
    )?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        visit(CustomerStanding {
            customer: from_row(row)?,
            status: row.get(12)?,
            next_renewal: row.get(13)?,
            current_subscription: row.get(14)?,
        })?;
    }
    Ok(())
}

/// Recomputes the derived status, current subscription and next renewal of
/// the customers in `ids` (every customer when `None`) from their subscriptions.
///
/// The current subscription is the newest live one (active, trialing,
/// past_due, unpaid, paused, incomplete), else the newest ended one. A
/// customer without subscriptions is `none`, with no renewal.
pub fn refresh_status(conn: &Connection, ids: Option<&[String]>) -> SqlResult<()> {
    const PICK: &str = "
        UPDATE customers SET (status, current_subscription, next_renewal) = (
            SELECT CASE s.status WHEN 'incomplete_expired' THEN 'canceled' ELSE s.status END,
                   s.id,
                   CASE WHEN s.status IN ('canceled', 'incomplete_expired')
                          OR s.cancel_at_period_end THEN NULL
                        ELSE s.current_period_end END
            FROM subscriptions s WHERE s.customer_id = customers.id
            ORDER BY CASE WHEN s.status IN ('canceled', 'incomplete_expired') THEN 1 ELSE 0 END,
                     s.created DESC, s.id DESC
            LIMIT 1)
        WHERE EXISTS (SELECT 1 FROM subscriptions s WHERE s.customer_id = customers.id)";
    // Without this split, the pick's empty answer would set `status` to NULL
    // (a NOT NULL column), failing the whole batch.
    const NONE: &str = "
        UPDATE customers SET (status, current_subscription, next_renewal) = ('none', NULL, NULL)
        WHERE NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.customer_id = customers.id)";
    match ids {
        None => {
            conn.execute(PICK, [])?;
            conn.execute(NONE, [])?;
        }
        Some(ids) => {
            let mut pick = conn.prepare_cached(&format!("{PICK} AND id = ?1"))?;
            let mut none = conn.prepare_cached(&format!("{NONE} AND id = ?1"))?;
            for id in ids {
                pick.execute([id])?;
                none.execute([id])?;
            }
        }
    }
    Ok(())
}

/// Deletes customers the full sync `run` did not see; returns how many.
pub fn delete_unseen(conn: &Connection, run: i64) -> SqlResult<usize> {
    conn.execute("DELETE FROM customers WHERE seen_run < ?1", [run])
}

/// The status filter chips of the customer list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusFilter {
    /// A subscription in good standing.
    Active,
    /// In a trial.
    Trialing,
    /// The last payment failed.
    PastDue,
    /// Retries ran out; invoices go unpaid until the card is fixed.
    Unpaid,
    /// The first payment never went through.
    Incomplete,
    /// A trial ended without a payment method.
    Paused,
    /// Only ended subscriptions.
    Canceled,
    /// Never subscribed.
    None,
    /// Past due, unpaid or incomplete: a payment failed and the customer
    /// needs to act (not one of [`StatusFilter::ALL`], which don't overlap).
    NeedsAttention,
}

impl StatusFilter {
    /// The statuses [`StatusFilter::NeedsAttention`] groups.
    pub const AT_RISK: [StatusFilter; 3] = [
        StatusFilter::PastDue,
        StatusFilter::Unpaid,
        StatusFilter::Incomplete,
    ];

    /// Every status, once each, in the order the chips show them.
    pub const ALL: [StatusFilter; 8] = [
        StatusFilter::Active,
        StatusFilter::Trialing,
        StatusFilter::PastDue,
        StatusFilter::Unpaid,
        StatusFilter::Incomplete,
        StatusFilter::Paused,
        StatusFilter::Canceled,
        StatusFilter::None,
    ];

    /// The stored status this filter selects.
    pub fn as_str(self) -> &'static str {
        match self {
            StatusFilter::Active => "active",
            StatusFilter::Trialing => "trialing",
            StatusFilter::PastDue => "past_due",
            StatusFilter::Unpaid => "unpaid",
            StatusFilter::Incomplete => "incomplete",
            StatusFilter::Paused => "paused",
            StatusFilter::Canceled => "canceled",
            StatusFilter::None => "none",
            StatusFilter::NeedsAttention => "needs_attention",
        }
    }

    /// The stored statuses this filter selects.
    pub fn selects(self) -> Vec<&'static str> {
        match self {
            StatusFilter::NeedsAttention => {
                StatusFilter::AT_RISK.map(StatusFilter::as_str).to_vec()
            }
            one => vec![one.as_str()],
        }
    }

    /// Parses a status's stored word (`active`, `past_due`, `none`, …) or
    /// `needs_attention`.
    pub fn parse(text: &str) -> Option<StatusFilter> {
        let text = text.trim().to_ascii_lowercase();
        StatusFilter::ALL
            .into_iter()
            .chain([StatusFilter::NeedsAttention])
            .find(|f| f.as_str() == text)
    }
}

/// How the customer list is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    /// By name, A to Z (customers without a name last).
    #[default]
    Name,
    /// Newest first.
    Created,
    /// Soonest renewal first (customers without one last).
    NextRenewal,
}

impl SortOrder {
    /// The ORDER BY clause, matching one of the table's indexes exactly.
    pub(super) fn order_by(self) -> &'static str {
        match self {
            SortOrder::Name => "name IS NULL, name COLLATE NOCASE, id",
            SortOrder::Created => "created DESC, id DESC",
            SortOrder::NextRenewal => "next_renewal IS NULL, next_renewal, id",
        }
    }
}

/// A customer list request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerQuery {
    /// Substring of name, email, id or phone; case and accents ignored.
    pub text: String,
    /// Only customers with this status.
    pub status: Option<StatusFilter>,
    /// Order.
    pub sort: SortOrder,
    /// At most this many rows.
    pub limit: usize,
    /// Skip this many rows.
    pub offset: usize,
}

/// A row of the customer list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CustomerSummary {
    /// `cus_…`.
    pub id: String,
    /// Name.
    pub name: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Derived status: active, trialing, past_due, canceled, none (or another
    /// Stripe subscription status such as unpaid).
    pub status: String,
    /// Phone.
    pub phone: Option<String>,
    /// Unix seconds.
    pub created: i64,
    /// When the current subscription renews, if it does.
    pub next_renewal: Option<i64>,
}

/// Longest search text honoured; longer input is cut (no customer field is that long).
pub const MAX_SEARCH_CHARS: usize = 200;

/// The customers matching `query`, and how many match in all, from `index`
/// (built from `conn` in the same read transaction; see [`super::customer_index`]).
pub fn search(
    conn: &Connection,
    index: &CustomerIndex,
    query: &CustomerQuery,
) -> SqlResult<(Vec<CustomerSummary>, u64)> {
    let text: String = query.text.trim().chars().take(MAX_SEARCH_CHARS).collect();
    let found = index.find(
        &fold(&text),
        query.status,
        query.sort,
        query.offset,
        query.limit,
    );
    let mut by_pk =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM customers WHERE pk = ?"))?;
    let mut page = Vec::with_capacity(found.pks.len());
    for pk in found.pks {
        if let Some(row) = by_pk.query_row([pk], summary).optional()? {
            page.push(row);
        }
    }
    Ok((page, found.count))
}

const COLUMNS: &str = "id, name, email, status, phone, created, next_renewal";

fn summary(row: &Row<'_>) -> SqlResult<CustomerSummary> {
    Ok(CustomerSummary {
        id: row.get(0)?,
        name: row.get(1)?,
        email: row.get(2)?,
        status: row.get(3)?,
        phone: row.get(4)?,
        created: row.get(5)?,
        next_renewal: row.get(6)?,
    })
}

#[cfg(test)]
mod tests;
