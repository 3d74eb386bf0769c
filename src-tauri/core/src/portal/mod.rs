//! Customer Portal sessions: one click, one request. Everything that can be
//! checked is checked before the request (ids, URLs, locale, the subscription a
//! deep link needs, from the cache); Stripe's answer is checked before anything
//! is opened.
//!
//! This file holds what a session is asked with and answers ([`Flow`],
//! [`SessionRequest`], [`PortalSession`], [`PortalError`]) and the URL rules;
//! `session.rs` makes the request. Configurations (listing, reading, choosing,
//! creating) live in [`crate::configurations`], re-exported here.

use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use crate::api_base::ApiBase;
use crate::cache::CacheError;
use crate::error::quote;
use crate::links::{self, Link};
use crate::secret::Mode;
use crate::stripe_api::StripeFailure;

mod session;

pub use crate::configurations::{
    ConfigurationSummary, configuration_detail, create_recommended_configuration,
    get_configuration, list_configurations, recommended_configuration_for, use_configuration,
};
pub use session::{create_session, create_session_for};

/// A deep link into the portal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Flow {
    /// Update the card (or other payment method).
    PaymentMethodUpdate,
    /// Cancel a subscription, optionally offering a coupon to stay.
    SubscriptionCancel {
        /// A coupon offered before the customer confirms.
        #[serde(default)]
        retention_coupon: Option<String>,
    },
    /// Choose another plan.
    SubscriptionUpdate,
    /// Confirm a specific change of price and/or quantity.
    SubscriptionUpdateConfirm {
        /// The new price.
        price: String,
        /// The new quantity.
        #[serde(default)]
        quantity: Option<u64>,
        /// The item to change (the subscription's only item when unset).
        #[serde(default)]
        item: Option<String>,
    },
}

impl Flow {
    /// The name Stripe and the CLI use.
    pub fn name(&self) -> &'static str {
        match self {
            Flow::PaymentMethodUpdate => "payment_method_update",
            Flow::SubscriptionCancel { .. } => "subscription_cancel",
            Flow::SubscriptionUpdate => "subscription_update",
            Flow::SubscriptionUpdateConfirm { .. } => "subscription_update_confirm",
        }
    }

    fn verb(&self) -> &'static str {
        match self {
            Flow::SubscriptionCancel { .. } => "cancel",
            _ => "change",
        }
    }

    fn statuses_it_acts_on(&self) -> &'static str {
        match self {
            Flow::SubscriptionCancel { .. } => "active, trialing, past due, unpaid or paused",
            _ => "active or trialing",
        }
    }

    /// Whether the portal acts on a subscription in `status` in this flow. It
    /// changes the plan only of one that is active or trialing (past due,
    /// unpaid and paused ones are settled with a payment method first), and
    /// cancels any that has started and not ended.
    pub fn acts_on(&self, status: &str) -> bool {
        match self {
            Flow::PaymentMethodUpdate => true,
            Flow::SubscriptionCancel { .. } => matches!(
                status,
                "active" | "trialing" | "past_due" | "unpaid" | "paused"
            ),
            Flow::SubscriptionUpdate | Flow::SubscriptionUpdateConfirm { .. } => {
                matches!(status, "active" | "trialing")
            }
        }
    }
}

/// Where the customer goes when a deep-link flow is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AfterCompletion {
    /// Back to this URL.
    Redirect {
        /// Where to.
        url: String,
    },
    /// A confirmation page hosted by Stripe.
    HostedConfirmation {
        /// Shown on it.
        #[serde(default)]
        message: Option<String>,
    },
    /// The portal's home page.
    PortalHomepage,
}

/// What to open.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRequest {
    /// `cus_…`.
    pub customer: String,
    /// A deep link, if any.
    #[serde(default)]
    pub flow: Option<Flow>,
    /// The subscription a deep link acts on (the customer's current one when unset).
    #[serde(default)]
    pub subscription: Option<String>,
    /// After a deep link.
    #[serde(default)]
    pub after_completion: Option<AfterCompletion>,
    /// Overrides the profile's return URL.
    #[serde(default)]
    pub return_url: Option<String>,
    /// `auto` or an IETF tag Stripe supports (`fr`, `pt-BR`, …).
    #[serde(default)]
    pub locale: Option<String>,
}

/// A created session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PortalSession {
    /// `bps_…`.
    pub id: String,
    /// The portal link. It expires within minutes: open it now.
    pub url: String,
}

/// Why a portal session could not be opened, in words for the user.
#[derive(Debug, thiserror::Error)]
pub enum PortalError {
    /// Not a customer id.
    #[error(
        "{} is not a Stripe customer id; they look like cus_ followed by letters and digits", quote(.0)
    )]
    InvalidCustomerId(String),
    /// Stripe doesn't know the customer.
    #[error("Stripe has no customer {0}. Check the id, or sync to refresh the list.")]
    UnknownCustomer(String),
    /// The customer was deleted in Stripe.
    #[error("Customer {0} was deleted in Stripe, so there is no portal to open.")]
    DeletedCustomer(String),
    /// A deep link needs a subscription and there is none.
    #[error("{customer} has no active subscription to {verb}.")]
    NoSubscription {
        /// Who.
        customer: String,
        /// cancel or change.
        verb: &'static str,
    },
    /// A subscription with several items can't use the update-confirm flow.
    #[error(
        "Subscription {0} has several items; the portal can only confirm a change of a single-item subscription. Use the plan-change link instead."
    )]
    SeveralItems(String),
    /// A bad URL.
    #[error("The {field} {} can't be used: it {reason}.", quote(.url))]
    InvalidUrl {
        /// Which setting.
        field: &'static str,
        /// The URL as given (shortened).
        url: String,
        /// What is wrong.
        reason: links::LinkProblem,
    },
    /// A locale Stripe doesn't know.
    #[error(
        "{} is not a portal language Stripe supports; use auto, or a tag such as en, fr, de, es, pt-BR or ja.", quote(.0)
    )]
    InvalidLocale(String),
    /// Another malformed value.
    #[error("{field}: {reason}")]
    InvalidValue {
        /// The field.
        field: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// The account has no default portal configuration yet.
    #[error("Stripe's customer portal isn't set up for {mode} mode yet. Save your portal settings in the Stripe Dashboard ({dashboard_url}), or let Portal Desk create a configuration with sensible settings (`portal-desk configs create --recommended`).", mode = mode.as_str())]
    NotConfigured {
        /// The Dashboard page that sets it up.
        dashboard_url: String,
        /// Test or live.
        mode: Mode,
    },
    /// The configuration's durable login page is off.
    #[error(
        "The login page is off for portal configuration {0}. Turn it on to email a link that doesn't expire (in the app, or with `--enable-login-page`), or send a session link instead (`--link session`), which expires within minutes."
    )]
    LoginPageOff(String),
    /// Stripe answered with a URL that isn't Stripe's.
    #[error("Stripe's answer pointed somewhere unexpected ({0}); it was not opened.")]
    UntrustedUrl(String),
    /// Stripe refused or could not be reached.
    #[error(transparent)]
    Stripe(#[from] StripeFailure),
    /// The cache failed.
    #[error(transparent)]
    Cache(#[from] CacheError),
}

/// Checks a return or redirect URL the user typed, by the app's one URL rule
/// ([`links::check`]): https (or loopback http while a sandbox is in use), a
/// host, no userinfo, at most 2,000 plain ASCII characters.
pub fn check_url(
    field: &'static str,
    url: &str,
    api_base: Option<&ApiBase>,
) -> Result<String, PortalError> {
    links::check(url, api_base)
        .map(Link::into_string)
        .map_err(|problem| PortalError::InvalidUrl {
            field,
            url: url.trim().chars().take(80).collect(),
            reason: problem,
        })
}

/// A link Stripe's API returned (a session, a login page), checked by the
/// trust rule before it is opened or emailed.
pub(crate) fn stripe_link(url: &str, api_base: Option<&ApiBase>) -> Result<Link, PortalError> {
    links::check(url, api_base).map_err(|_| PortalError::UntrustedUrl(quote(url)))
}

/// The Dashboard's API keys page, where a key is found.
pub const DASHBOARD_API_KEYS: &str = "https://dashboard.stripe.com/apikeys";

/// A page of the Stripe Dashboard the window links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DashboardPage {
    /// Developers → API keys.
    ApiKeys,
    /// Settings → Billing → Customer portal, in a mode.
    PortalSettings(Mode),
}

impl DashboardPage {
    /// The page's address.
    pub fn url(self) -> String {
        match self {
            DashboardPage::ApiKeys => DASHBOARD_API_KEYS.to_owned(),
            DashboardPage::PortalSettings(mode) => dashboard_portal_settings(mode),
        }
    }
}

/// The Dashboard page where the portal is set up, in `mode`.
pub fn dashboard_portal_settings(mode: Mode) -> String {
    match mode {
        Mode::Test => "https://dashboard.stripe.com/test/settings/billing/portal".into(),
        Mode::Live => "https://dashboard.stripe.com/settings/billing/portal".into(),
    }
}

/// A key unique to this click: a retried request reuses it, a new click doesn't.
pub(crate) fn idempotency_key(what: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!(
        "portal-desk-{what}-{}-{nanos:x}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_urls_must_be_https_or_a_sandbox_on_loopback() {
        let sandbox = ApiBase::parse("http://127.0.0.1:12111").expect("loopback");
        assert!(check_url("return URL", "https://example.com/account", None).is_ok());
        for bad in [
            "http://example.com",
            "ftp://example.com",
            "example.com",
            "https://",
            "https://exa mple.com",
            "https://user@evil.example",
            "javascript:alert(1)",
        ] {
            assert!(check_url("return URL", bad, None).is_err(), "{bad}");
        }
        assert!(check_url("return URL", "http://127.0.0.1:3000/back", None).is_err());
        assert!(check_url("return URL", "http://127.0.0.1:3000/back", Some(&sandbox)).is_ok());
        assert!(check_url("return URL", "http://example.com/back", Some(&sandbox)).is_err());
        let long = format!("https://example.com/{}", "a".repeat(2100));
        assert!(check_url("return URL", &long, None).is_err());
    }

    #[test]
    fn session_links_are_checked_by_the_trust_rule() {
        let sandbox = ApiBase::parse("http://127.0.0.1:12111").expect("loopback");
        for good in [
            "https://billing.stripe.com/p/session/test_123",
            // An account's custom domain: Stripe's answer, Stripe's choice.
            "https://billing.acme.com/p/session/test_123",
        ] {
            assert!(stripe_link(good, None).is_ok(), "{good}");
        }
        for bad in [
            "http://billing.stripe.com/p/session",
            "https://evil.example\\.stripe.com/",
            "https://billing.stripe.com@evil.example/p",
            // A custom domain is trusted as Stripe's answer, never with credentials.
            "https://billing.acme.com@evil.example/p/session/test_123",
            "https://user:pass@billing.acme.com/p/session/test_123",
            "",
            "javascript:alert(1)",
        ] {
            assert!(stripe_link(bad, None).is_err(), "{bad}");
        }
        assert!(stripe_link("http://127.0.0.1:12111/p/session/x", Some(&sandbox)).is_ok());
        assert!(stripe_link("http://127.0.0.1:12111/p/session/x", None).is_err());
    }
}
