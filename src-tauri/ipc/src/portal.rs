//! Portal actions: sessions and deep links, the recommended configuration,
//! configurations, emailing the link (one customer or many) and the refresh
//! after a portal visit.

use serde::{Deserialize, Serialize};

/// A deep link into the portal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PortalFlow {
    /// Update the card.
    PaymentMethodUpdate,
    /// Cancel, optionally offering a coupon.
    SubscriptionCancel {
        /// The coupon offered.
        #[serde(default)]
        retention_coupon: Option<String>,
    },
    /// Choose another plan.
    SubscriptionUpdate,
    /// Confirm a given price and quantity.
    SubscriptionUpdateConfirm {
        /// The new price.
        price: String,
        /// The new quantity.
        #[serde(default)]
        quantity: Option<u64>,
        /// The item (the only one when unset).
        #[serde(default)]
        item: Option<String>,
    },
}

/// Where the customer lands after a deep-link flow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AfterCompletion {
    /// Back to a URL.
    Redirect {
        /// Where.
        url: String,
    },
    /// Stripe's confirmation page.
    HostedConfirmation {
        /// Its message.
        #[serde(default)]
        message: Option<String>,
    },
    /// The portal's home.
    PortalHomepage,
}

/// `open_portal`'s arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenPortalArgs {
    /// The profile.
    pub profile: String,
    /// `cus_…`.
    pub customer: String,
    /// A deep link.
    #[serde(default)]
    pub flow: Option<PortalFlow>,
    /// The subscription it acts on (the current one when unset).
    #[serde(default)]
    pub subscription: Option<String>,
    /// After the flow.
    #[serde(default)]
    pub after_completion: Option<AfterCompletion>,
    /// Overrides the profile's return URL.
    #[serde(default)]
    pub return_url: Option<String>,
    /// Portal language.
    #[serde(default)]
    pub locale: Option<String>,
    /// Open it in the browser (false: only return the link, for "Copy link").
    pub open: bool,
}

/// A created portal link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortalLink {
    /// The link; it expires within minutes.
    pub url: String,
    /// Whether it was handed to the browser.
    pub opened: bool,
    /// The host it opens when that is not Stripe's own (the account's custom domain).
    pub custom_domain: Option<String>,
}

/// Which link an email carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailLink {
    /// The durable login-page link.
    #[default]
    Login,
    /// A session link that expires within minutes.
    Session,
}

/// What an email asks of the customer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailPurpose {
    /// Here is your billing portal.
    #[default]
    Portal,
    /// A payment failed: please update your card.
    UpdateCard,
}

/// `preview_email` and `send_email` arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailArgs {
    /// The profile.
    pub profile: String,
    /// `cus_…`.
    pub customer: String,
    /// Which link.
    #[serde(default)]
    pub link: EmailLink,
    /// The user agreed to turn the login page on.
    #[serde(default)]
    pub enable_login_page: bool,
    /// What the email asks.
    #[serde(default)]
    pub purpose: EmailPurpose,
}

/// An email as the preview shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailDraft {
    /// Recipient address.
    pub to: String,
    /// Recipient name.
    pub to_name: Option<String>,
    /// Subject.
    pub subject: String,
    /// Body.
    pub body: String,
    /// The link in it.
    pub link: String,
    /// Which kind of link.
    pub link_kind: EmailLink,
    /// The host the link opens when that is not Stripe's own (the account's custom domain).
    pub custom_domain: Option<String>,
    /// The language it is written in (and the portal opens in).
    #[serde(default)]
    pub language: crate::Language,
    /// The customer's preferred locale in Stripe that chose it (`None`: Stripe
    /// knows none Portal Desk speaks, so the app's language).
    #[serde(default)]
    pub chosen_by: Option<String>,
}

/// How an email left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "via", rename_all = "snake_case")]
pub enum EmailDelivery {
    /// Through the profile's SMTP server.
    Smtp,
    /// No SMTP server: the draft was opened in the mail program.
    Mailto {
        /// The `mailto:` link.
        url: String,
    },
}

/// Who a bulk email goes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkEmailArgs {
    /// The profile.
    pub profile: String,
    /// The campaign's name; re-running it never emails anyone twice. Blank:
    /// the filter and today's date.
    #[serde(default)]
    pub campaign: String,
    /// Only customers with this status (active, trialing, past_due, canceled, none).
    #[serde(default)]
    pub status: Option<String>,
    /// Only customers matching this search.
    #[serde(default)]
    pub search: Option<String>,
    /// Which link.
    #[serde(default)]
    pub link: EmailLink,
    /// The user agreed to turn the login page on.
    #[serde(default)]
    pub enable_login_page: bool,
}

/// One recipient in a bulk email's preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkRecipient {
    /// `cus_…`.
    pub customer_id: String,
    /// Name.
    pub name: Option<String>,
    /// Address, if usable.
    pub email: Option<String>,
    /// Why they will be skipped.
    pub skip: Option<String>,
}

/// One recipient's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkResult {
    /// `cus_…`.
    pub customer_id: String,
    /// The address used.
    pub email: Option<String>,
    /// `sent`, `failed` or `skipped`.
    pub outcome: String,
    /// Why it failed or was skipped.
    pub reason: Option<String>,
}

/// The outcome of a bulk send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkReport {
    /// The campaign.
    pub campaign: String,
    /// Sent in this run.
    pub sent: u64,
    /// Failed (a re-run retries them).
    pub failed: u64,
    /// Skipped.
    pub skipped: u64,
    /// Per recipient.
    pub results: Vec<BulkResult>,
}

/// A portal configuration in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigurationSummary {
    /// `bpc_…`.
    pub id: String,
    /// The account default (managed in the Dashboard).
    pub is_default: bool,
    /// Usable.
    pub active: bool,
    /// Headline.
    pub headline: Option<String>,
    /// The durable login link, when on.
    pub login_page_url: Option<String>,
    /// The one this profile's sessions use.
    pub in_use: bool,
}

/// The editable fields of a configuration; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConfigurationFields {
    /// Headline (at most 60 characters).
    pub headline: Option<String>,
    /// Privacy policy link.
    pub privacy_policy_url: Option<String>,
    /// Terms of service link.
    pub terms_of_service_url: Option<String>,
    /// Default return URL.
    pub default_return_url: Option<String>,
    /// Login page on or off.
    pub login_page: Option<bool>,
    /// Customer details customers may change.
    pub customer_updates: Option<Vec<String>>,
    /// Invoice history.
    pub invoice_history: Option<bool>,
    /// Payment method updates.
    pub payment_method_update: Option<bool>,
    /// `off`, `at_period_end` or `immediately`.
    pub cancel_mode: Option<String>,
    /// `none` or `create_prorations`.
    pub cancel_proration: Option<String>,
    /// Ask why customers cancel.
    pub cancel_reasons: Option<bool>,
    /// Plan switching.
    pub plan_switching: Option<bool>,
    /// Products offered (up to 10).
    pub plan_products: Option<Vec<String>>,
    /// price, quantity, promotion_code.
    pub plan_updates: Option<Vec<String>>,
    /// `none`, `create_prorations` or `always_invoice`.
    pub plan_proration: Option<String>,
    /// Downgrades wait for the period's end.
    pub schedule_at_period_end: Option<bool>,
}

/// `save_configuration`: create (no `id`) or update a configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SaveConfigurationArgs {
    /// The profile.
    pub profile: String,
    /// The configuration to update; `None` creates one.
    #[serde(default)]
    pub id: Option<String>,
    /// The fields.
    pub fields: ConfigurationFields,
    /// Make it the profile's configuration.
    #[serde(default)]
    pub use_it: bool,
}

/// A configuration in the editor: its fields as they are now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfigurationDetail {
    /// `bpc_…`.
    pub id: String,
    /// The account default.
    pub is_default: bool,
    /// The durable login link, when on.
    pub login_page_url: Option<String>,
    /// The one this profile's sessions use.
    pub in_use: bool,
    /// Every editable field, set.
    pub fields: ConfigurationFields,
}

/// A product plan switching can offer (it has an active recurring price).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductOption {
    /// `prod_…`.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// A configuration of a profile (`use_configuration`, `get_configuration`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigurationArgs {
    /// The profile.
    pub profile: String,
    /// `bpc_…`.
    pub id: String,
}

/// A customer of a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerArgs {
    /// The profile.
    pub profile: String,
    /// `cus_…`.
    pub customer: String,
}

/// One entry of the activity feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityEntry {
    /// Unix seconds.
    pub at: i64,
    /// The customer.
    pub customer_id: Option<String>,
    /// A stable kind (`plan_changed`, `card_added`, …).
    pub kind: String,
    /// The sentence, in English.
    pub message: String,
    /// What it says by name (`who`, `plan`, …), for the window's language;
    /// empty for entries recorded before Portal Desk kept them.
    #[serde(default)]
    pub args: Vec<(String, String)>,
}
