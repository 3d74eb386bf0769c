//! Talking to Stripe: one place that builds the client and turns Stripe's
//! answers into errors a person can act on.

use stripe_billing::invoice::ListInvoice;
use stripe_billing::subscription::ListSubscription;
use stripe_connect::account::RetrieveForMyAccountAccount;
use stripe_core::balance::RetrieveForMyAccountBalance;
use stripe_core::customer::{ListCustomer, ListPaymentMethodsCustomer};
use stripe_core::event::ListEvent;
use stripe_product::price::ListPrice;
use stripe_product::product::ListProduct;

use crate::api_base::ApiBase;
use crate::secret::{ApiKey, KeyKind, Mode};
use crate::transport::{Transport, TransportOptions};

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
        /// Stripe's `error.code` (`resource_missing`, `parameter_unknown`…), when given.
        code: Option<String>,
        /// Stripe's `error.param`: the parameter the error is about, when given.
        param: Option<String>,
    },
    /// An answer Portal Desk could not read.
    #[error("Stripe's answer could not be read ({0}).")]
    Unreadable(String),
    /// A sync met 429s past every retry and stopped at its last committed page.
    #[error(
        "Stripe is limiting requests for this account; {read} of {expected} objects read, the next sync continues."
    )]
    Limited {
        /// Objects stored so far.
        read: u64,
        /// Objects expected in all (what was read where no estimate exists yet).
        expected: u64,
    },
}

impl StripeFailure {
    /// Whether the network, not Stripe, is the problem.
    pub fn is_network(&self) -> bool {
        matches!(self, StripeFailure::Unreachable(_))
    }

    /// Stripe's 429, after every retry.
    pub fn is_rate_limited(&self) -> bool {
        matches!(self, StripeFailure::Api { status: 429, .. })
    }

    /// Stripe's "no such object" answer.
    pub fn is_not_found(&self) -> bool {
        matches!(self, StripeFailure::Api { status: 404, .. })
    }

    /// Stripe's "no such object" for the object named by parameter `param`
    /// (`customer`, `configuration`, `id`…): by its `code` and `param` where
    /// Stripe gives them, else by the message's "No such {object}" ([`object`]).
    pub fn is_missing(&self, param: &str, object: &str) -> bool {
        match self {
            StripeFailure::Api {
                code: Some(code),
                param: given,
                ..
            } => {
                code == "resource_missing"
                    && given.as_deref().is_none_or(|p| p == param || p == "id")
            }
            StripeFailure::Api { message, .. } => message.starts_with(&format!("No such {object}")),
            _ => false,
        }
    }

    /// Turns an unsuccessful answer into a failure; the body may be anything
    /// (JSON error, HTML page, nothing).
    pub(crate) fn from_response(status: u16, body: &[u8]) -> StripeFailure {
        if status == 401 {
            return StripeFailure::Rejected;
        }
        let error = serde_json::from_slice::<serde_json::Value>(body)
            .ok()
            .map(|v| v["error"].clone())
            .unwrap_or_default();
        let text = |field: &str| error[field].as_str().map(str::to_owned);
        let (code, param) = (text("code"), text("param"));
        let message = text("message");
        let message = match (message, status) {
            (Some(message), _) => message,
            (None, 429) => "Stripe is limiting requests right now; try again in a minute".into(),
            (None, 500..) => "Stripe is having trouble right now; try again shortly".into(),
            (None, _) if body.is_empty() => "an empty answer".into(),
            (None, _) => "an answer that was not Stripe's usual JSON".into(),
        };
        StripeFailure::Api {
            status,
            message,
            code,
            param,
        }
    }

    fn is_permission(&self) -> bool {
        matches!(self, StripeFailure::Api { status: 403, .. })
    }
}

/// A Stripe client for one key, aimed at Stripe or at a loopback sandbox.
pub struct StripeClient {
    transport: Transport,
    mode: Mode,
}

impl StripeClient {
    /// A client for interactive calls with `key` (the rate limit of its mode,
    /// few retries); `api_base` must already have allowed the key.
    pub fn new(key: &ApiKey, api_base: Option<&ApiBase>) -> StripeClient {
        Self::with_options(key, api_base, TransportOptions::interactive(key.mode()))
    }

    /// A client with explicit pacing and retry options.
    pub fn with_options(
        key: &ApiKey,
        api_base: Option<&ApiBase>,
        options: TransportOptions,
    ) -> StripeClient {
        StripeClient {
            transport: Transport::new(key, api_base, options),
            mode: key.mode(),
        }
    }

    /// Test or live: the key's mode.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The HTTP transport (rate-limited, retried, counted).
    pub fn transport(&self) -> &Transport {
        &self.transport
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
    let client = &client.transport;
    let account = match RetrieveForMyAccountAccount::new().send(client).await {
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
            match RetrieveForMyAccountBalance::new().send(client).await {
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
async fn missing_permissions(client: &Transport) -> Result<Vec<&'static str>, StripeFailure> {
    let mut missing = Vec::new();
    let mut check = |result: Result<(), StripeFailure>,
                     permission: &'static str|
     -> Result<(), StripeFailure> {
        match result {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_object_is_known_by_stripes_code_and_param_before_its_words() {
        let coded = StripeFailure::from_response(
            400,
            br#"{"error": {"type": "invalid_request_error", "code": "resource_missing",
                "param": "customer", "message": "Some future wording"}}"#,
        );
        assert!(coded.is_missing("customer", "customer"));
        assert!(!coded.is_missing("configuration", "billing_portal.configuration"));
        let other_code = StripeFailure::from_response(
            400,
            br#"{"error": {"code": "parameter_unknown", "param": "customer",
                "message": "No such customer: 'cus_1'"}}"#,
        );
        assert!(
            !other_code.is_missing("customer", "customer"),
            "the code decides over the message"
        );
        // Without a code (a proxy's rewrite, an old answer), the message is the fallback.
        let worded = StripeFailure::from_response(
            404,
            br#"{"error": {"message": "No such customer: 'cus_1'"}}"#,
        );
        assert!(worded.is_missing("customer", "customer"));
        assert!(!worded.is_missing("price", "price"));
        let page = StripeFailure::from_response(404, b"<html>Not found</html>");
        assert!(!page.is_missing("customer", "customer"));
    }
}
