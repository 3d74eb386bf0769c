//! Customer Portal sessions: one click, one request. Everything that can be
//! checked is checked before the request (ids, URLs, locale, the subscription a
//! deep link needs, from the cache); Stripe's answer is checked before anything
//! is opened.

use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};
use stripe_billing::BillingPortalSessionLocale;
use stripe_billing::billing_portal_configuration::{
    CreateBillingPortalConfiguration, CreateBillingPortalConfigurationFeatures,
    CreateBillingPortalConfigurationFeaturesCustomerUpdate,
    CreateBillingPortalConfigurationFeaturesCustomerUpdateAllowedUpdates,
    CreateBillingPortalConfigurationFeaturesSubscriptionCancel,
    CreateBillingPortalConfigurationFeaturesSubscriptionCancelMode, InvoiceListParam,
    PaymentMethodUpdateParam,
};
use stripe_billing::billing_portal_session::{
    CreateBillingPortalSession, CreateBillingPortalSessionFlowData,
    CreateBillingPortalSessionFlowDataAfterCompletion,
    CreateBillingPortalSessionFlowDataAfterCompletionHostedConfirmation,
    CreateBillingPortalSessionFlowDataAfterCompletionRedirect,
    CreateBillingPortalSessionFlowDataAfterCompletionType,
    CreateBillingPortalSessionFlowDataSubscriptionCancel,
    CreateBillingPortalSessionFlowDataSubscriptionCancelRetention,
    CreateBillingPortalSessionFlowDataSubscriptionCancelRetentionCouponOffer,
    CreateBillingPortalSessionFlowDataSubscriptionCancelRetentionType,
    CreateBillingPortalSessionFlowDataSubscriptionUpdate,
    CreateBillingPortalSessionFlowDataSubscriptionUpdateConfirm,
    CreateBillingPortalSessionFlowDataSubscriptionUpdateConfirmItems,
    CreateBillingPortalSessionFlowDataType,
};
use stripe_client_core::StripeRequest;
use stripe_core::customer::RetrieveCustomer;

use crate::api_base::ApiBase;
use crate::cache::{Cache, CacheError, customers, subscriptions};
use crate::error::quote;
use crate::links::{self, Link};
use crate::secret::Mode;
use crate::stripe_api::{StripeClient, StripeFailure};
use crate::sync::objects::{is_chosen_id, is_generated_id};

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

/// Creates a portal session for `request`.
///
/// `configuration` is the profile's chosen configuration (the account default
/// when `None`); `default_return_url` the profile's return URL.
pub async fn create_session(
    client: &StripeClient,
    cache: &Cache,
    api_base: Option<&ApiBase>,
    mode: Mode,
    configuration: Option<&str>,
    default_return_url: Option<&str>,
    request: &SessionRequest,
) -> Result<PortalSession, PortalError> {
    let customer = request.customer.trim();
    if !customer.starts_with("cus_") || !is_generated_id(customer) {
        return Err(PortalError::InvalidCustomerId(
            customer.chars().take(40).collect(),
        ));
    }
    let mut create = CreateBillingPortalSession::new().customer(customer);
    if let Some(configuration) = configuration {
        create = create.configuration(configuration);
    }
    if let Some(url) = request.return_url.as_deref().or(default_return_url) {
        create = create.return_url(check_url("return URL", url, api_base)?);
    }
    if let Some(locale) = request.locale.as_deref().map(str::trim) {
        let parsed: BillingPortalSessionLocale = locale
            .parse()
            .map_err(|_| PortalError::InvalidLocale(locale.into()))?;
        if matches!(parsed, BillingPortalSessionLocale::Unknown(_)) {
            return Err(PortalError::InvalidLocale(
                locale.chars().take(20).collect(),
            ));
        }
        create = create.locale(parsed);
    }
    if let Some(flow) = &request.flow {
        create = create.flow_data(flow_data(cache, customer, flow, request, api_base)?);
    }

    let key = idempotency_key("session");
    let answer = client.transport().send(create.build(), Some(&key)).await;
    let body = match answer {
        Ok(body) => body,
        Err(failure) => return Err(explain(client, customer, mode, failure).await),
    };
    let session: serde_json::Value = serde_json::from_slice(&body)
        .map_err(|_| StripeFailure::Unreadable("the portal session was not JSON".into()))?;
    let url = stripe_link(session["url"].as_str().unwrap_or_default(), api_base)?;
    Ok(PortalSession {
        id: session["id"].as_str().unwrap_or_default().to_owned(),
        url: url.into_string(),
    })
}

/// The `flow_data` of a deep link, with the subscription (and item) from the cache.
fn flow_data(
    cache: &Cache,
    customer: &str,
    flow: &Flow,
    request: &SessionRequest,
    api_base: Option<&ApiBase>,
) -> Result<CreateBillingPortalSessionFlowData, PortalError> {
    use CreateBillingPortalSessionFlowDataType as Type;
    let subscription = || subscription_for(cache, customer, request.subscription.as_deref(), flow);
    let mut data = match flow {
        Flow::PaymentMethodUpdate => {
            CreateBillingPortalSessionFlowData::new(Type::PaymentMethodUpdate)
        }
        Flow::SubscriptionCancel { retention_coupon } => {
            let mut cancel =
                CreateBillingPortalSessionFlowDataSubscriptionCancel::new(subscription()?.id);
            if let Some(coupon) = retention_coupon
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
            {
                check_chosen_id("retention coupon", coupon)?;
                cancel.retention = Some(CreateBillingPortalSessionFlowDataSubscriptionCancelRetention::new(
                    CreateBillingPortalSessionFlowDataSubscriptionCancelRetentionCouponOffer::new(coupon),
                    CreateBillingPortalSessionFlowDataSubscriptionCancelRetentionType::CouponOffer,
                ));
            }
            let mut data = CreateBillingPortalSessionFlowData::new(Type::SubscriptionCancel);
            data.subscription_cancel = Some(cancel);
            data
        }
        Flow::SubscriptionUpdate => {
            let mut data = CreateBillingPortalSessionFlowData::new(Type::SubscriptionUpdate);
            data.subscription_update = Some(
                CreateBillingPortalSessionFlowDataSubscriptionUpdate::new(subscription()?.id),
            );
            data
        }
        Flow::SubscriptionUpdateConfirm {
            price,
            quantity,
            item,
        } => {
            let subscription = subscription()?;
            check_chosen_id("price", price)?;
            // Any text may be a merchant's price id, so the cache decides.
            if crate::cache::prices::get(cache.conn(), price.trim())
                .map_err(|e| cache.error(e))?
                .is_none()
            {
                return Err(PortalError::InvalidValue {
                    field: "price",
                    reason: format!(
                        "{} is not a price in the cache; sync and try again",
                        quote(price)
                    ),
                });
            }
            if quantity == &Some(0) {
                return Err(PortalError::InvalidValue {
                    field: "quantity",
                    reason: "it must be at least 1".into(),
                });
            }
            let item = match item {
                Some(item) => {
                    check_id("subscription item", item)?;
                    item.clone()
                }
                None => match subscription.items.as_slice() {
                    [only] => only.id.clone(),
                    [] => {
                        return Err(PortalError::InvalidValue {
                            field: "subscription item",
                            reason: format!(
                                "subscription {} has no items in the cache; sync and try again",
                                subscription.id
                            ),
                        });
                    }
                    _ => return Err(PortalError::SeveralItems(subscription.id.clone())),
                },
            };
            let mut line =
                CreateBillingPortalSessionFlowDataSubscriptionUpdateConfirmItems::new(item);
            line.price = Some(price.trim().to_owned());
            line.quantity = *quantity;
            let mut data = CreateBillingPortalSessionFlowData::new(Type::SubscriptionUpdateConfirm);
            data.subscription_update_confirm = Some(
                CreateBillingPortalSessionFlowDataSubscriptionUpdateConfirm::new(
                    vec![line],
                    subscription.id,
                ),
            );
            data
        }
    };
    if let Some(after) = &request.after_completion {
        use CreateBillingPortalSessionFlowDataAfterCompletionType as After;
        let mut completion = match after {
            AfterCompletion::Redirect { .. } => {
                CreateBillingPortalSessionFlowDataAfterCompletion::new(After::Redirect)
            }
            AfterCompletion::HostedConfirmation { .. } => {
                CreateBillingPortalSessionFlowDataAfterCompletion::new(After::HostedConfirmation)
            }
            AfterCompletion::PortalHomepage => {
                CreateBillingPortalSessionFlowDataAfterCompletion::new(After::PortalHomepage)
            }
        };
        match after {
            AfterCompletion::Redirect { url } => {
                completion.redirect = Some(
                    CreateBillingPortalSessionFlowDataAfterCompletionRedirect::new(check_url(
                        "redirect URL",
                        url,
                        api_base,
                    )?),
                );
            }
            AfterCompletion::HostedConfirmation { message } => {
                let mut confirmation =
                    CreateBillingPortalSessionFlowDataAfterCompletionHostedConfirmation::new();
                if let Some(message) = message.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
                    if message.chars().count() > 500 {
                        return Err(PortalError::InvalidValue {
                            field: "confirmation message",
                            reason: "it is longer than 500 characters".into(),
                        });
                    }
                    confirmation.custom_message = Some(message.to_owned());
                }
                completion.hosted_confirmation = Some(confirmation);
            }
            AfterCompletion::PortalHomepage => {}
        }
        data.after_completion = Some(completion);
    }
    Ok(data)
}

/// An id Stripe makes itself (a subscription's, an item's).
fn check_id(field: &'static str, id: &str) -> Result<(), PortalError> {
    check_with(field, id, is_generated_id)
}

/// An id the merchant may have chosen (a coupon's, a legacy plan's price).
fn check_chosen_id(field: &'static str, id: &str) -> Result<(), PortalError> {
    check_with(field, id.trim(), is_chosen_id)
}

fn check_with(field: &'static str, id: &str, rule: fn(&str) -> bool) -> Result<(), PortalError> {
    if rule(id.trim()) {
        Ok(())
    } else {
        Err(PortalError::InvalidValue {
            field,
            reason: format!("{} is not a Stripe id", quote(id)),
        })
    }
}

/// The named subscription, or the customer's current live one, from the cache.
fn subscription_for(
    cache: &Cache,
    customer: &str,
    named: Option<&str>,
    flow: &Flow,
) -> Result<subscriptions::Subscription, PortalError> {
    let conn = cache.conn();
    let get = |id: &str| subscriptions::get(conn, id).map_err(|e| cache.error(e));
    let label = || -> Result<String, PortalError> {
        Ok(customers::get(conn, customer)
            .map_err(|e| cache.error(e))?
            .and_then(|c| c.name.filter(|n| !n.is_empty()).or(c.email))
            .unwrap_or_else(|| customer.to_owned()))
    };
    if let Some(id) = named {
        check_id("subscription", id)?;
        return match get(id.trim())? {
            Some(subscription)
                if subscription.customer_id == customer && !flow.acts_on(&subscription.status) =>
            {
                Err(PortalError::InvalidValue {
                    field: "subscription",
                    reason: format!(
                        "{id} is {}, and the customer portal can only {} a subscription that is {}",
                        subscription.status.replace('_', " "),
                        flow.verb(),
                        flow.statuses_it_acts_on()
                    ),
                })
            }
            Some(subscription) if subscription.customer_id == customer => Ok(subscription),
            Some(_) => Err(PortalError::InvalidValue {
                field: "subscription",
                reason: format!("{id} belongs to another customer"),
            }),
            None => Err(PortalError::InvalidValue {
                field: "subscription",
                reason: format!("{id} is not in the cache; sync and try again"),
            }),
        };
    }
    for id in subscriptions::ids_of_customer(conn, customer).map_err(|e| cache.error(e))? {
        // The newest one the flow can act on: a past-due plan can't be
        // changed, but an older active one beside it can.
        if let Some(subscription) = get(&id)?
            && flow.acts_on(&subscription.status)
        {
            return Ok(subscription);
        }
    }
    Err(PortalError::NoSubscription {
        customer: label()?,
        verb: flow.verb(),
    })
}

/// Turns Stripe's refusal into the user's words: an unknown or deleted customer,
/// or the portal not set up yet.
async fn explain(
    client: &StripeClient,
    customer: &str,
    mode: Mode,
    failure: StripeFailure,
) -> PortalError {
    match &failure {
        StripeFailure::Api { message, .. } if message.starts_with("No configuration provided") => {
            PortalError::NotConfigured {
                dashboard_url: dashboard_portal_settings(mode),
                mode,
            }
        }
        failure if failure.is_missing("customer", "customer") => {
            // Deleted customers answer "no such customer" too; asking tells them apart.
            match client
                .transport()
                .send(RetrieveCustomer::new(customer).build(), None)
                .await
            {
                Ok(body)
                    if serde_json::from_slice::<serde_json::Value>(&body)
                        .is_ok_and(|c| c["deleted"] == true) =>
                {
                    PortalError::DeletedCustomer(customer.to_owned())
                }
                _ => PortalError::UnknownCustomer(customer.to_owned()),
            }
        }
        _ => PortalError::Stripe(failure),
    }
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

/// Creates the recommended configuration: invoice history, payment method
/// update, email and address updates, cancel at period end. Returns its id.
///
/// The idempotency key is derived from `profile`, so two clicks at once (or a
/// retry) still create one configuration.
pub async fn create_recommended_configuration(
    client: &StripeClient,
    profile: &str,
    return_url: Option<&str>,
    api_base: Option<&ApiBase>,
) -> Result<String, PortalError> {
    use CreateBillingPortalConfigurationFeaturesCustomerUpdateAllowedUpdates as Allowed;
    let mut features = CreateBillingPortalConfigurationFeatures::new();
    features.invoice_history = Some(InvoiceListParam::new(true));
    features.payment_method_update = Some(PaymentMethodUpdateParam::new(true));
    let mut update = CreateBillingPortalConfigurationFeaturesCustomerUpdate::new(true);
    update.allowed_updates = Some(vec![Allowed::Email, Allowed::Address]);
    features.customer_update = Some(update);
    let mut cancel = CreateBillingPortalConfigurationFeaturesSubscriptionCancel::new(true);
    cancel.mode = Some(CreateBillingPortalConfigurationFeaturesSubscriptionCancelMode::AtPeriodEnd);
    features.subscription_cancel = Some(cancel);
    let mut create = CreateBillingPortalConfiguration::new(features);
    if let Some(url) = return_url {
        create = create.default_return_url(check_url("return URL", url, api_base)?);
    }
    let key = format!("portal-desk-recommended-configuration-{profile}");
    let body = client.transport().send(create.build(), Some(&key)).await?;
    let configuration: serde_json::Value = serde_json::from_slice(&body)
        .map_err(|_| StripeFailure::Unreadable("the configuration was not JSON".into()))?;
    configuration["id"]
        .as_str()
        .filter(|id| is_generated_id(id))
        .map(str::to_owned)
        .ok_or_else(|| StripeFailure::Unreadable("the configuration had no id".into()).into())
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

/// A portal session for `profile`, as *Open portal* makes it: the profile's
/// configuration and return URL from its settings, the customer checked in its
/// cache. The window's command, the CLI and `cargo xtask bench` all call this.
pub async fn create_session_for(
    client: &StripeClient,
    profiles: &crate::Profiles,
    profile: &crate::ProfileName,
    api_base: Option<&ApiBase>,
    mode: Mode,
    request: &SessionRequest,
) -> Result<PortalSession, crate::Error> {
    let settings = profiles.settings(profile)?;
    let cache = profiles.open_cache(profile)?;
    Ok(create_session(
        client,
        &cache,
        api_base,
        mode,
        settings.portal_configuration.as_deref(),
        settings.return_url.as_deref(),
        request,
    )
    .await?)
}

/// The configuration "Create a configuration for me" gives `profile`: the one
/// stored in its settings if any, else a new recommended one, stored there so
/// every later click reuses it.
pub async fn recommended_configuration_for(
    client: &StripeClient,
    profiles: &crate::Profiles,
    profile: &crate::ProfileName,
    api_base: Option<&ApiBase>,
) -> Result<String, crate::Error> {
    let settings = profiles.settings(profile)?;
    if let Some(id) = settings.portal_configuration {
        return Ok(id);
    }
    let id = create_recommended_configuration(
        client,
        profile.as_str(),
        settings.return_url.as_deref(),
        api_base,
    )
    .await
    .map_err(crate::Error::from)?;
    profiles.update_settings(profile, |s| s.portal_configuration = Some(id.clone()))?;
    Ok(id)
}

/// A portal configuration in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConfigurationSummary {
    /// `bpc_…`.
    pub id: String,
    /// Managed in the Dashboard (the account default).
    pub is_default: bool,
    /// Usable for new sessions.
    pub active: bool,
    /// `business_profile.headline`.
    pub headline: Option<String>,
    /// The durable login-page link, when enabled.
    pub login_page_url: Option<String>,
}

impl ConfigurationSummary {
    /// The summary of Stripe's configuration object (`None` without a usable id).
    pub fn of(configuration: &serde_json::Value) -> Option<ConfigurationSummary> {
        let id = configuration["id"]
            .as_str()
            .filter(|id| is_generated_id(id))?;
        Some(ConfigurationSummary {
            id: id.to_owned(),
            is_default: configuration["is_default"] == true,
            active: configuration["active"] != false,
            headline: configuration["business_profile"]["headline"]
                .as_str()
                .map(str::to_owned),
            login_page_url: configuration["login_page"]["url"]
                .as_str()
                .map(str::to_owned),
        })
    }
}

/// One configuration for an editor: its summary and its editable fields.
pub async fn configuration_detail(
    client: &StripeClient,
    id: &str,
) -> Result<
    (
        ConfigurationSummary,
        crate::configurations::ConfigurationSpec,
    ),
    PortalError,
> {
    let configuration = get_configuration(client, id).await?;
    let summary = ConfigurationSummary::of(&configuration).ok_or_else(|| {
        PortalError::Stripe(StripeFailure::Unreadable(
            "the configuration had no id".into(),
        ))
    })?;
    Ok((summary, crate::configurations::spec_of(&configuration)))
}

/// Every portal configuration of the account (newest first).
pub async fn list_configurations(
    client: &StripeClient,
) -> Result<Vec<ConfigurationSummary>, StripeFailure> {
    use stripe_billing::billing_portal_configuration::ListBillingPortalConfiguration;
    let mut out = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut request = ListBillingPortalConfiguration::new().limit(100);
        if let Some(cursor) = &cursor {
            request = request.starting_after(cursor.as_str());
        }
        let body = client.transport().send(request.build(), None).await?;
        let page = crate::sync::objects::page(&body).ok_or_else(|| {
            StripeFailure::Unreadable("the configuration list was not a Stripe list".into())
        })?;
        out.extend(page.data.iter().filter_map(ConfigurationSummary::of));
        cursor = out.last().map(|c| c.id.clone());
        if !page.has_more || page.data.is_empty() {
            return Ok(out);
        }
    }
}

/// One configuration, as Stripe gives it.
pub async fn get_configuration(
    client: &StripeClient,
    id: &str,
) -> Result<serde_json::Value, PortalError> {
    use stripe_billing::billing_portal_configuration::RetrieveBillingPortalConfiguration;
    let id = id.trim();
    if !id.starts_with("bpc_") || !is_generated_id(id) {
        return Err(PortalError::InvalidValue {
            field: "configuration",
            reason: format!(
                "{} is not a portal configuration id (they look like bpc_…)",
                quote(id)
            ),
        });
    }
    let body = client
        .transport()
        .send(RetrieveBillingPortalConfiguration::new(id).build(), None)
        .await
        .map_err(|failure| match failure {
            StripeFailure::Api {
                status: 400 | 404, ..
            } if failure.is_missing("configuration", "billing_portal.configuration") => {
                PortalError::InvalidValue {
                    field: "configuration",
                    reason: format!("Stripe has no portal configuration {id}"),
                }
            }
            other => PortalError::Stripe(other),
        })?;
    serde_json::from_slice(&body)
        .map_err(|_| StripeFailure::Unreadable("the configuration was not JSON".into()).into())
}

/// Makes configuration `id` the one `profile`'s sessions use, after checking
/// with Stripe that it exists. Returns the configuration.
pub async fn use_configuration(
    client: &StripeClient,
    profiles: &crate::Profiles,
    profile: &crate::ProfileName,
    id: &str,
) -> Result<serde_json::Value, crate::Error> {
    let configuration = get_configuration(client, id).await?;
    let id = configuration["id"].as_str().unwrap_or(id).to_owned();
    profiles.update_settings(profile, |s| s.portal_configuration = Some(id))?;
    Ok(configuration)
}
