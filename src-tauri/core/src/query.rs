//! Answers for the UI and the CLI, from the cache alone: zero requests, so they
//! work offline.

use serde::Serialize;

use crate::cache::customer_index::CustomerIndexes;
use crate::cache::customers::{self, Customer, CustomerQuery, CustomerSummary, StatusFilter};
use crate::cache::invoices::{self, Invoice};
use crate::cache::payment_methods::{self, PaymentMethod};
use crate::cache::subscriptions::{self, Subscription};
use crate::cache::{Cache, CacheError, activity, prices};
use crate::portal::PortalError;

/// Invoices shown with a customer's billing info.
pub const RECENT_INVOICES: usize = 5;

/// A customer's billing at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BillingInfo {
    /// The customer.
    pub customer: Customer,
    /// The current subscription (the newest live one, else the newest ended one).
    pub subscription: Option<SubscriptionView>,
    /// Payment methods, the default first.
    pub payment_methods: Vec<PaymentMethodView>,
    /// The newest invoices.
    pub invoices: Vec<Invoice>,
    /// What the customer owes after a failed payment, if anything.
    pub trouble: Option<PaymentTrouble>,
}

/// A customer at risk: what they owe and what Stripe does next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PaymentTrouble {
    /// The newest invoice still owed (the one whose payment failed last).
    pub invoice: Invoice,
    /// What every invoice still owed comes to, in that invoice's currency.
    pub amount_due: i64,
    /// How many invoices are still owed.
    pub invoices_owed: usize,
}

impl PaymentTrouble {
    /// When Stripe tries the payment again: only an open invoice is retried.
    pub fn next_retry(&self) -> Option<i64> {
        self.invoice
            .next_payment_attempt
            .filter(|_| self.invoice.status.as_deref() == Some("open"))
    }

    /// What customer `id` still owes, if anything (whatever their status).
    pub(crate) fn of_customer(
        conn: &rusqlite::Connection,
        id: &str,
    ) -> rusqlite::Result<Option<PaymentTrouble>> {
        Ok(PaymentTrouble::of(invoices::payable_of_customer(conn, id)?))
    }

    /// The trouble in `owed` (newest first), if a payment failed.
    fn of(owed: Vec<Invoice>) -> Option<PaymentTrouble> {
        let invoice = owed.first()?.clone();
        let same_currency = owed.iter().filter(|i| i.currency == invoice.currency);
        Some(PaymentTrouble {
            amount_due: same_currency.map(|i| i.amount_remaining).sum(),
            invoices_owed: owed.len(),
            invoice,
        })
    }
}

/// The customers a failed payment puts at risk ([`StatusFilter::NeedsAttention`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AtRisk {
    /// How many there are.
    pub customers: u64,
    /// What they owe, per currency (alphabetical), in minor units.
    pub owed: Vec<(String, i64)>,
}

/// A subscription with what its plan is called and costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubscriptionView {
    /// The subscription.
    #[serde(flatten)]
    pub subscription: Subscription,
    /// "Product · Nickname" of the first item's price.
    pub plan: String,
    /// Price × quantity of every item, in minor units, when known.
    pub amount: Option<i64>,
    /// The interval (month, year, …).
    pub interval: Option<String>,
    /// Intervals between charges.
    pub interval_count: Option<i64>,
}

/// A payment method with what the detail view flags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PaymentMethodView {
    /// The method.
    #[serde(flatten)]
    pub method: PaymentMethod,
    /// The customer's (or the subscription's) default.
    pub is_default: bool,
    /// A card past its expiry month.
    pub expired: bool,
}

/// A status filter as the user types it (`active`, `past_due`, …, `none` or
/// `needs_attention`), for the CLI's `--status` and the window's bulk email:
/// the error names every status.
pub fn parse_status(text: &str) -> Result<StatusFilter, PortalError> {
    StatusFilter::parse(text).ok_or_else(|| {
        let word = |filter: &StatusFilter| filter.as_str();
        let each: Vec<&str> = StatusFilter::ALL.iter().map(word).collect();
        let at_risk: Vec<&str> = StatusFilter::AT_RISK.iter().map(word).collect();
        PortalError::InvalidValue {
            field: "status",
            reason: format!(
                "{} is not one of {}, {} ({} together)",
                crate::error::quote(text),
                each.join(", "),
                StatusFilter::NeedsAttention.as_str(),
                at_risk.join(", ")
            ),
        }
    })
}

/// The customer list: matching rows and the total count, searched with the
/// index `indexes` keeps for this cache (rebuilt first if the customers changed).
pub fn customers(
    cache: &Cache,
    indexes: &CustomerIndexes,
    query: &CustomerQuery,
) -> Result<(Vec<CustomerSummary>, u64), CacheError> {
    cache.read(|conn| {
        // One snapshot: the rows read by `pk` are the ones the index was built from.
        let snapshot = conn.unchecked_transaction()?;
        let index = indexes.current(&snapshot, cache.path())?;
        let found = customers::search(&snapshot, &index, query)?;
        snapshot.finish()?;
        Ok(found)
    })
}

/// Builds the search index of `cache` ahead of the first search, which then
/// finds it ready (the window does this while its WebView starts).
pub fn prepare_search(cache: &Cache, indexes: &CustomerIndexes) -> Result<(), CacheError> {
    cache.read(|conn| {
        let snapshot = conn.unchecked_transaction()?;
        indexes.current(&snapshot, cache.path())?;
        snapshot.finish()
    })
}

/// How many cached customers have each status.
pub fn status_counts(cache: &Cache) -> Result<Vec<(String, u64)>, CacheError> {
    cache.read(customers::status_counts)
}

/// The customers at risk and what they owe.
pub fn at_risk(cache: &Cache) -> Result<AtRisk, CacheError> {
    cache.read(|conn| {
        let selects = StatusFilter::NeedsAttention.selects();
        let customers = customers::status_counts(conn)?
            .into_iter()
            .filter(|(status, _)| selects.contains(&status.as_str()))
            .map(|(_, n)| n)
            .sum();
        Ok(AtRisk {
            customers,
            owed: invoices::owed_by_status(conn, &selects)?,
        })
    })
}

/// The billing info of customer `id`; `None` when the cache doesn't have it.
pub fn billing_info(cache: &Cache, id: &str, now: i64) -> Result<Option<BillingInfo>, CacheError> {
    cache.read(|conn| {
        let Some(customer) = customers::get(conn, id)? else {
            return Ok(None);
        };
        let subscription = subscription_of(conn, customers::current_subscription(conn, id)?)?;
        let defaults = [
            customer.default_payment_method.clone(),
            subscription
                .as_ref()
                .and_then(|s| s.subscription.default_payment_method.clone()),
        ];
        let (year, month, _) = crate::money::civil_date(now);
        let mut methods: Vec<PaymentMethodView> = payment_methods::of_customer(conn, id)?
            .into_iter()
            .map(|method| PaymentMethodView {
                is_default: defaults.iter().flatten().any(|d| *d == method.id),
                expired: match (method.exp_year, method.exp_month) {
                    (Some(y), Some(m)) => (i64::from(y), i64::from(m)) < (year, month),
                    _ => false,
                },
                method,
            })
            .collect();
        methods.sort_by_key(|m| !m.is_default);
        // An invoice written off long ago doesn't put a paying customer at risk.
        let at_risk = customer.delinquent
            || subscription.as_ref().is_some_and(|s| {
                StatusFilter::NeedsAttention
                    .selects()
                    .contains(&s.subscription.status.as_str())
            });
        Ok(Some(BillingInfo {
            customer,
            subscription,
            payment_methods: methods,
            invoices: invoices::latest_of_customer(conn, id, RECENT_INVOICES)?,
            trouble: if at_risk {
                PaymentTrouble::of_customer(conn, id)?
            } else {
                None
            },
        }))
    })
}

/// The newest activity, of one customer when given.
pub fn activity(
    cache: &Cache,
    customer_id: Option<&str>,
    limit: usize,
) -> Result<Vec<activity::Entry>, CacheError> {
    cache.read(|conn| activity::latest(conn, customer_id, limit))
}

/// The view of subscription `id`, if there is one and it is cached.
pub(crate) fn subscription_of(
    conn: &rusqlite::Connection,
    id: Option<String>,
) -> rusqlite::Result<Option<SubscriptionView>> {
    match id {
        Some(id) => subscriptions::get(conn, &id)?
            .map(|subscription| subscription_view(conn, subscription))
            .transpose(),
        None => Ok(None),
    }
}

fn subscription_view(
    conn: &rusqlite::Connection,
    subscription: Subscription,
) -> rusqlite::Result<SubscriptionView> {
    let first_price = subscription.items.first().and_then(|i| i.price_id.clone());
    let plan = match &first_price {
        Some(price) => prices::display_name(conn, price)?,
        None => "No plan".into(),
    };
    let mut amount = Some(0i64);
    let mut interval = None;
    let mut interval_count = None;
    for item in &subscription.items {
        let price = match &item.price_id {
            Some(id) => prices::get(conn, id)?,
            None => None,
        };
        match price.as_ref().and_then(|p| p.unit_amount) {
            Some(unit) => {
                amount = amount
                    .map(|a| a.saturating_add(unit.saturating_mul(item.quantity.unwrap_or(1))))
            }
            None => amount = None,
        }
        if interval.is_none() {
            interval = price.as_ref().and_then(|p| p.interval.clone());
            interval_count = price.as_ref().and_then(|p| p.interval_count);
        }
    }
    Ok(SubscriptionView {
        subscription,
        plan,
        amount,
        interval,
        interval_count,
    })
}
