//! Talking to Stripe: one place that builds the client and turns Stripe's
//! answers into errors a person can act on.

use serde_json::Value;
use stripe_billing::invoice::ListInvoice;
use stripe_billing::subscription::ListSubscription;
use stripe_client_core::{RequestBuilder, StripeMethod, StripeRequest};
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
/// back to `GET /v1/balance` for restricted keys, which Stripe refuses the
/// account unless they hold its permission. A restricted key is then probed
/// for each permission Portal Desk needs; any missing ones are named.
///
/// Every answer is read as raw JSON for the few fields used: async-stripe's
/// typed objects require fields real accounts have been seen to lack
/// (async-stripe issue #627), and a verification must not fail on those.
pub async fn verify_key(client: &StripeClient, key: &ApiKey) -> Result<Account, StripeFailure> {
    let client = &client.transport;
    let account = match client
        .send(RetrieveForMyAccountAccount::new().build(), None)
        .await
    {
        Ok(body) => account_of(&body),
        Err(failure) if failure.is_permission() && key.kind() == KeyKind::Restricted => {
            match client
                .send(RetrieveForMyAccountBalance::new().build(), None)
                .await
            {
                // A 403 still proves the key is genuine; the probes below say what it may do.
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

/// The account's id and business name, whichever fields it has.
fn account_of(body: &[u8]) -> Account {
    let account: Value = serde_json::from_slice(body).unwrap_or_default();
    let text = |v: &Value| {
        v.as_str()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    Account {
        id: text(&account["id"]),
        business_name: text(&account["business_profile"]["name"])
            .or_else(|| text(&account["settings"]["dashboard"]["display_name"])),
    }
}

/// A customer id Stripe never makes, for the portal permission probe.
const PROBE_CUSTOMER: &str = "cus_PortalDeskPermissionProbe";

/// The permissions Portal Desk needs, probed with one cheap call each.
async fn missing_permissions(client: &Transport) -> Result<Vec<&'static str>, StripeFailure> {
    let mut missing = Vec::new();
    let mut check = |result: Result<bytes::Bytes, StripeFailure>,
                     permission: &'static str|
     -> Result<Option<bytes::Bytes>, StripeFailure> {
        match result {
            Ok(body) => Ok(Some(body)),
            Err(failure) if failure.is_permission() => {
                missing.push(permission);
                Ok(None)
            }
            Err(failure) => Err(failure),
        }
    };
    let customers = check(
        client
            .send(ListCustomer::new().limit(1).build(), None)
            .await,
        "Customers (read)",
    )?;
    let first_customer = customers.and_then(|body| {
        let page: Value = serde_json::from_slice(&body).ok()?;
        page["data"][0]["id"].as_str().map(str::to_owned)
    });
    for (request, permission) in [
        (
            ListSubscription::new().limit(1).build(),
            "Subscriptions (read)",
        ),
        (ListInvoice::new().limit(1).build(), "Invoices (read)"),
        (ListProduct::new().limit(1).build(), "Products (read)"),
        (ListPrice::new().limit(1).build(), "Prices (read)"),
        (ListEvent::new().limit(1).build(), "Events (read)"),
    ] {
        check(client.send(request, None).await, permission)?;
    }
    if let Some(customer) = first_customer {
        check(
            client
                .send(
                    ListPaymentMethodsCustomer::new(customer).limit(1).build(),
                    None,
                )
                .await,
            "PaymentMethods (read)",
        )?;
    }
    // Opening the portal needs Customer portal (write). Stripe checks a key's
    // permission before the request's objects, so a session for a customer
    // that doesn't exist is refused as forbidden without it and as "no such
    // customer" with it: the probe tells the two apart and creates nothing.
    let mut probe = RequestBuilder::new(StripeMethod::Post, "/billing_portal/sessions");
    probe.body = Some(format!("customer={PROBE_CUSTOMER}"));
    match client.send(probe, None).await {
        Err(failure) if failure.is_permission() => missing.push("Customer portal (write)"),
        Err(StripeFailure::Api {
            status: 400 | 404, ..
        })
        | Ok(_) => {}
        Err(failure) => return Err(failure),
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
