//! Browsing the cache (the customer list, a customer's billing info, the
//! activity feed, invoice documents) and the sync that fills it.

use serde::{Deserialize, Serialize};

use crate::{ActivityEntry, ErrorDto};

/// A status filter chip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomerStatus {
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
    /// Past due, unpaid or incomplete together: the customers a failed
    /// payment puts at risk (a filter of its own, not one of [`CustomerStatus::ALL`]).
    NeedsAttention,
}

impl CustomerStatus {
    /// The chips, in the order they are shown.
    pub const ALL: [CustomerStatus; 8] = [
        CustomerStatus::Active,
        CustomerStatus::Trialing,
        CustomerStatus::PastDue,
        CustomerStatus::Unpaid,
        CustomerStatus::Incomplete,
        CustomerStatus::Paused,
        CustomerStatus::Canceled,
        CustomerStatus::None,
    ];

    /// What the chip says.
    pub fn label(self) -> &'static str {
        match self {
            CustomerStatus::Active => "Active",
            CustomerStatus::Trialing => "Trialing",
            CustomerStatus::PastDue => "Past due",
            CustomerStatus::Unpaid => "Unpaid",
            CustomerStatus::Incomplete => "Incomplete",
            CustomerStatus::Paused => "Paused",
            CustomerStatus::Canceled => "Canceled",
            CustomerStatus::None => "No subscription",
            CustomerStatus::NeedsAttention => "Needs attention",
        }
    }

    /// The stored word (`past_due`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            CustomerStatus::Active => "active",
            CustomerStatus::Trialing => "trialing",
            CustomerStatus::PastDue => "past_due",
            CustomerStatus::Unpaid => "unpaid",
            CustomerStatus::Incomplete => "incomplete",
            CustomerStatus::Paused => "paused",
            CustomerStatus::Canceled => "canceled",
            CustomerStatus::None => "none",
            CustomerStatus::NeedsAttention => "needs_attention",
        }
    }
}

/// The order of the customer list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomerSort {
    /// A to Z.
    #[default]
    Name,
    /// Newest first.
    Created,
    /// Soonest renewal first.
    NextRenewal,
}

/// `list_customers`' arguments: one window of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerListArgs {
    /// The profile.
    pub profile: String,
    /// Search text: part of a name, email, id or phone.
    #[serde(default)]
    pub text: String,
    /// Only this status.
    #[serde(default)]
    pub status: Option<CustomerStatus>,
    /// Order.
    #[serde(default)]
    pub sort: CustomerSort,
    /// First row.
    #[serde(default)]
    pub offset: u32,
    /// Rows wanted (at most 500).
    pub limit: u32,
}

/// A row of the customer list: only what a row shows (the detail has the
/// rest), so each keystroke sends and decodes as little as it can.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerRow {
    /// `cus_…`.
    pub id: String,
    /// Name.
    pub name: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// `active`, `trialing`, `past_due`, `canceled`, `none` or another Stripe status.
    pub status: String,
}

/// One window of the customer list and how many match in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerPage {
    /// The rows from `offset`.
    pub rows: Vec<CustomerRow>,
    /// The first row's position.
    pub offset: u32,
    /// How many customers match.
    pub total: u64,
}

/// How many cached customers have each status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCounts {
    /// Every customer.
    pub all: u64,
    /// Per chip, in [`CustomerStatus::ALL`] order.
    pub by_status: Vec<(CustomerStatus, u64)>,
    /// The customers at risk ([`CustomerStatus::NeedsAttention`]).
    #[serde(default)]
    pub at_risk: u64,
    /// What they owe, one amount per currency.
    #[serde(default)]
    pub owed: Vec<Money>,
}

impl StatusCounts {
    /// How many customers `status` selects.
    pub fn of(&self, status: CustomerStatus) -> u64 {
        match status {
            CustomerStatus::NeedsAttention => self.at_risk,
            one => self
                .by_status
                .iter()
                .find(|(s, _)| *s == one)
                .map_or(0, |(_, n)| *n),
        }
    }
}

/// An amount of money in minor units, with what it takes to show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    /// Minor units (cents; yen for zero-decimal currencies).
    pub minor: i64,
    /// ISO code, upper case.
    pub currency: String,
    /// Digits after the decimal point for this currency.
    pub decimals: u32,
}

/// The current subscription, as the detail view shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionSummary {
    /// `sub_…`.
    pub id: String,
    /// "Product · Nickname".
    pub plan: String,
    /// Stripe's status.
    pub status: String,
    /// What each period costs, when known.
    pub amount: Option<Money>,
    /// `month`, `year`, …
    pub interval: Option<String>,
    /// Intervals per charge.
    pub interval_count: Option<i64>,
    /// Renews (or ends) at, unix seconds.
    pub current_period_end: Option<i64>,
    /// Set to cancel when the period ends.
    pub cancel_at_period_end: bool,
    /// When it will be canceled, if scheduled.
    pub cancel_at: Option<i64>,
    /// When it was canceled.
    pub canceled_at: Option<i64>,
}

/// A payment method of the customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentMethodSummary {
    /// `pm_…`.
    pub id: String,
    /// `card`, `sepa_debit`, …
    pub kind: String,
    /// `visa`, …
    pub brand: Option<String>,
    /// Last four digits.
    pub last4: Option<String>,
    /// Expiry month.
    pub exp_month: Option<u32>,
    /// Expiry year.
    pub exp_year: Option<u32>,
    /// The default for invoices.
    pub is_default: bool,
    /// Past its expiry month.
    pub expired: bool,
}

/// An invoice in the customer's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceSummary {
    /// `in_…`.
    pub id: String,
    /// The invoice number.
    pub number: Option<String>,
    /// `paid`, `open`, …
    pub status: Option<String>,
    /// Unix seconds.
    pub created: i64,
    /// Its total.
    pub total: Money,
    /// Whether Stripe has a PDF of it.
    pub has_pdf: bool,
    /// Whether Stripe has a hosted page for it.
    pub has_page: bool,
    /// Whether the PDF is saved on this computer (it opens offline).
    pub pdf_saved: bool,
}

/// What a customer at risk owes after a failed payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentTrouble {
    /// Every invoice still owed, in the failed invoice's currency.
    pub amount_due: Money,
    /// The newest invoice still owed: the one whose payment failed last.
    pub invoice_id: String,
    /// Its number.
    pub invoice_number: Option<String>,
    /// `open`, or `uncollectible` once Stripe stopped trying.
    pub invoice_status: Option<String>,
    /// How many invoices are owed.
    pub invoices_owed: u32,
    /// When Stripe tries the payment again, if it will.
    pub next_payment_attempt: Option<i64>,
}

/// A customer's billing info, from the cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerDetail {
    /// `cus_…`.
    pub id: String,
    /// Name.
    pub name: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Dashboard note.
    pub description: Option<String>,
    /// The billing address, one line each.
    pub address: Vec<String>,
    /// Unix seconds.
    pub created: i64,
    /// The latest invoice is unpaid.
    pub delinquent: bool,
    /// Credit (negative) or amount owed, when not zero.
    pub balance: Option<Money>,
    /// The current subscription.
    pub subscription: Option<SubscriptionSummary>,
    /// What the customer owes after a failed payment.
    #[serde(default)]
    pub trouble: Option<PaymentTrouble>,
    /// The default first.
    pub payment_methods: Vec<PaymentMethodSummary>,
    /// Newest first.
    pub invoices: Vec<InvoiceSummary>,
    /// This customer's activity, newest first.
    pub activity: Vec<ActivityEntry>,
}

/// What of an invoice to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceDocument {
    /// The PDF, saved on this computer the first time.
    Pdf,
    /// Stripe's hosted invoice page (needs the network).
    HostedPage,
}

/// `open_invoice`'s arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenInvoiceArgs {
    /// The profile.
    pub profile: String,
    /// `in_…`.
    pub invoice: String,
    /// PDF or page.
    pub document: InvoiceDocument,
}

/// `sync_now`'s arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncArgs {
    /// The profile.
    pub profile: String,
    /// Read every list, not only the events.
    #[serde(default)]
    pub full: bool,
    /// A periodic sync nobody asked for: portal changes it finds are announced
    /// with a desktop notification.
    #[serde(default)]
    pub background: bool,
}

/// A sync under way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncProgress {
    /// What it is reading now; the window words it in its language.
    pub step: SyncStep,
    /// Objects read so far, over every list.
    pub done: u64,
    /// The expected total, once known.
    pub total: Option<u64>,
    /// A full sync (every list) rather than a catch-up.
    pub full: bool,
}

/// What a running sync is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SyncStep {
    /// Started; nothing read yet.
    Connecting,
    /// A full sync reading one of its lists.
    Customers,
    /// The subscriptions list.
    Subscriptions,
    /// The invoices list.
    Invoices,
    /// The prices list.
    Prices,
    /// The products list.
    Products,
    /// The payment methods list.
    PaymentMethods,
    /// Every list read; the last writes.
    Finishing,
    /// A catch-up sync reading events.
    Changes,
    /// A list this window has no word for (or a step from a newer core).
    #[serde(other)]
    BillingData,
}

/// Where the profile's sync stands: the status bar.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncStatus {
    /// A sync is running; its progress.
    pub running: Option<SyncProgress>,
    /// The last successful sync, unix seconds.
    pub last_synced: Option<i64>,
    /// Why the last sync failed.
    pub last_error: Option<ErrorDto>,
    /// Stripe could not be reached the last time we tried.
    pub offline: bool,
    /// Portal changes the last sync found (feed entries written).
    pub changes: u64,
    /// Minutes between background syncs (0: off).
    pub interval_minutes: u32,
    /// Syncs that ended since the app started, however they ended. The window
    /// reloads what it shows when this moves: `last_synced` is in seconds, and
    /// two syncs can end within one.
    #[serde(default)]
    pub completed: u64,
}
