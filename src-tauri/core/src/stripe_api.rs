//! Talking to Stripe: one place that builds the client and turns Stripe's
//! answers into errors a person can act on.

use std::time::Duration;

use stripe::{ClientBuilder, RequestStrategy, StripeError};
use stripe_billing::invoice::ListInvoice;
use stripe_billing::subscription::ListSubscription;
use stripe_connect::account::RetrieveForMyAccountAccount;
use stripe_core::balance::RetrieveForMyAccountBalance;
use stripe_core::customer::{ListCustomer, ListPaymentMethodsCustomer};
use stripe_core::event::ListEvent;
use stripe_product::price::ListPrice;
use stripe_product::product::ListProduct;

use crate::api_base::ApiBase;
use crate::secret::{ApiKey, KeyKind};

/// How long one attempt may take before it counts as a network failure.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);

/// Why a Stripe call failed, in words for the user. Never contains the key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StripeFailure {
    /// 401: the key is wrong, rolled or revoked.
    #[error(
        "Stripe rejected this key (invalid or revoked). Copy a current key from the Stripe Dashboard under Developers → API keys."
    )]
    Rejected,
    /// A restricted key lacks read permissions Portal Desk needs.
    #[error(
        "This restricted key is missing permissions Portal Desk needs: {}. Edit the key in the Stripe Dashboard (Developers → API keys) and allow them.",
        .0.join(", ")
    )]
    MissingPermissions(Vec<&'static str>),
    /// Stripe could not be reached at all.
    #[error("Couldn't reach Stripe ({0}). Check your internet connection and try again.")]
    Unreachable(String),
    /// Any other answer from Stripe.
    #[error("Stripe answered with an error (HTTP {status}): {message}")]
    Api {
        /// HTTP status.
        status: u16,
        /// Stripe's own message.
        message: String,
    },
    /// An answer Portal Desk could not read.
    #[error("Stripe's answer could not be read ({0}).")]
    Unreadable(String),
}

impl StripeFailure {
    /// Whether the network, not Stripe, is the problem.
    pub fn is_network(&self) -> bool {
        matches!(self, StripeFailure::Unreachable(_))
    }

    fn from_error(error: StripeError) -> StripeFailure {
        match error {
            StripeError::Stripe(_, 401) => StripeFailure::Rejected,
            StripeError::Stripe(api, status) => StripeFailure::Api {
                status,
                message: api.message.clone().unwrap_or_else(|| "no message".into()),
            },
            StripeError::ClientError(detail) => {
                StripeFailure::Unreachable(plain_network_error(&detail))
            }
            StripeError::Timeout => StripeFailure::Unreachable("the request timed out".into()),
            StripeError::JSONDeserialize(detail) | StripeError::ConfigError(detail) => {
                StripeFailure::Unreadable(detail)
            }
        }
    }

    fn is_permission(&self) -> bool {
        matches!(self, StripeFailure::Api { status: 403, .. })
    }
}

/// hyper's errors ("client error (Connect)") in words a user understands.
fn plain_network_error(detail: &str) -> String {
    let lower = detail.to_ascii_lowercase();
    if lower.contains("dns") || lower.contains("resolve") {
        "its address could not be looked up".into()
    } else if lower.contains("connect") {
        "no connection could be made".into()
    } else if lower.contains("certificate") || lower.contains("tls") {
        "the secure connection failed".into()
    } else {
        "the connection failed".into()
    }
}

/// A Stripe client for one key, aimed at Stripe or at a loopback sandbox.
pub struct StripeClient {
    inner: stripe::Client,
}

impl StripeClient {
    /// A client for `key`; `api_base` must already have allowed the key.
    pub fn new(key: &ApiKey, api_base: Option<&ApiBase>) -> Result<StripeClient, StripeFailure> {
        let mut builder = ClientBuilder::new(key.expose_secret())
            .request_strategy(RequestStrategy::ExponentialBackoff(3))
            .timeout(REQUEST_TIMEOUT);
        if let Some(base) = api_base {
            builder = builder.url(format!("{}/", base.url()));
        }
        let inner = builder.build().map_err(StripeFailure::from_error)?;
        Ok(StripeClient { inner })
    }
}

/// What verifying a key learned about its account.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Account {
    /// `acct_…`, when the key may read the account.
    pub id: Option<String>,
    /// The business name, when the account has one.
    pub business_name: Option<String>,
}

/// Checks `key` with Stripe: `GET /v1/account` (business name and id), falling
/// back to `GET /v1/balance` for restricted keys. A restricted key is then
/// probed for each read permission Portal Desk needs; any missing ones are named.
pub async fn verify_key(client: &StripeClient, key: &ApiKey) -> Result<Account, StripeFailure> {
    let client = &client.inner;
    let account = match RetrieveForMyAccountAccount::new()
        .send(client)
        .await
        .map_err(StripeFailure::from_error)
    {
        Ok(account) => {
            let name = account
                .business_profile
                .as_ref()
                .and_then(|p| p.name.clone())
                .or_else(|| {
                    account
                        .settings
                        .as_ref()
                        .and_then(|s| s.dashboard.display_name.clone())
                });
            Account {
                id: Some(account.id.to_string()),
                business_name: name,
            }
        }
        Err(failure) if failure.is_permission() && key.kind() == KeyKind::Restricted => {
            match RetrieveForMyAccountBalance::new()
                .send(client)
                .await
                .map_err(StripeFailure::from_error)
            {
                // A 403 still proves the key is genuine; the probes below say what it may read.
                Ok(_) => Account::default(),
                Err(failure) if failure.is_permission() => Account::default(),
                Err(failure) => return Err(failure),
            }
        }
        Err(failure) => return Err(failure),
    };
    if key.kind() == KeyKind::Restricted {
        let missing = missing_permissions(client).await?;
        if !missing.is_empty() {
            return Err(StripeFailure::MissingPermissions(missing));
        }
    }
    Ok(account)
}

/// Read permissions Portal Desk needs, probed with one cheap list call each.
async fn missing_permissions(client: &stripe::Client) -> Result<Vec<&'static str>, StripeFailure> {
    let mut missing = Vec::new();
    let mut check =
        |result: Result<(), StripeError>, permission: &'static str| -> Result<(), StripeFailure> {
            match result.map_err(StripeFailure::from_error) {
                Ok(()) => Ok(()),
                Err(failure) if failure.is_permission() => {
                    missing.push(permission);
                    Ok(())
                }
                Err(failure) => Err(failure),
            }
        };
    let customers = ListCustomer::new().limit(1).send(client).await;
    let first_customer = customers
        .as_ref()
        .ok()
        .and_then(|list| list.data.first().map(|c| c.id.clone()));
    check(customers.map(drop), "Customers (read)")?;
    check(
        ListSubscription::new()
            .limit(1)
            .send(client)
            .await
            .map(drop),
        "Subscriptions (read)",
    )?;
    check(
        ListInvoice::new().limit(1).send(client).await.map(drop),
        "Invoices (read)",
    )?;
    check(
        ListProduct::new().limit(1).send(client).await.map(drop),
        "Products (read)",
    )?;
    check(
        ListPrice::new().limit(1).send(client).await.map(drop),
        "Prices (read)",
    )?;
    check(
        ListEvent::new().limit(1).send(client).await.map(drop),
        "Events (read)",
    )?;
    if let Some(customer) = first_customer {
        check(
            ListPaymentMethodsCustomer::new(customer)
                .limit(1)
                .send(client)
                .await
                .map(drop),
            "PaymentMethods (read)",
        )?;
    }
    Ok(missing)
}
