//! Portal sessions against the sandbox: every deep link sends what Stripe
//! requires, refusals are explained, and only Stripe's links come back.

use std::time::Duration;

use portal_core::cache::Cache;
use portal_core::portal::{self, AfterCompletion, Flow, PortalError, SessionRequest};
use portal_core::sync::{SyncOptions, sync};
use portal_core::{ApiBase, Mode, StripeClient};
use serde_json::{Value, json};
use stripe_sandbox::{KeySpec, Sandbox};

const KEY: &str = "sk_test_51PortalTestsKey0000000portal";

struct Setup {
    sandbox: Sandbox,
    base: ApiBase,
    client: StripeClient,
    cache: Cache,
    _dir: tempfile::TempDir,
}

async fn setup(default_configuration: bool) -> Setup {
    let sandbox = crate::support::sandbox(12, vec![KeySpec::full(KEY)]).await;
    if default_configuration {
        sandbox
            .control("portal/default", json!({}))
            .expect("a default configuration");
    }
    let base = ApiBase::parse(sandbox.url()).expect("loopback");
    let client = crate::support::client(
        sandbox.url(),
        KEY,
        crate::support::unpaced(Duration::from_secs(5), 2),
    );
    let dir = tempfile::tempdir().expect("dir");
    let mut cache = Cache::open(&dir.path().join("cache.sqlite3")).expect("cache");
    let options = SyncOptions {
        full: true,
        concurrency: 4,
    };
    sync(&client, &mut cache, &options, &mut |_| {})
        .await
        .expect("sync");
    Setup {
        sandbox,
        base,
        client,
        cache,
        _dir: dir,
    }
}

impl Setup {
    async fn open(
        &self,
        request: &SessionRequest,
        configuration: Option<&str>,
    ) -> Result<portal::PortalSession, PortalError> {
        portal::create_session(
            &self.client,
            &self.cache,
            Some(&self.base),
            Mode::Test,
            configuration,
            Some("https://example.com/account"),
            request,
        )
        .await
    }

    /// The form the sandbox received for the last session.
    fn last_session_params(&self) -> Value {
        self.sandbox
            .requests()
            .into_iter()
            .rev()
            .find(|r| r["path"] == "/v1/billing_portal/sessions")
            .map(|r| r["params"].clone())
            .expect("a session request")
    }

    fn customer_with_live_subscription(&self) -> (String, String, String) {
        let truth = self.sandbox.truth();
        let sub = truth["subscriptions"]
            .as_array()
            .expect("subscriptions")
            .iter()
            .find(|s| {
                s["status"] == "active"
                    && s["items"]["data"].as_array().is_some_and(|i| i.len() == 1)
            })
            .expect("an active subscription")
            .clone();
        (
            sub["customer"].as_str().expect("customer").to_owned(),
            sub["id"].as_str().expect("id").to_owned(),
            sub["items"]["data"][0]["id"]
                .as_str()
                .expect("item")
                .to_owned(),
        )
    }
}

#[tokio::test]
async fn every_flow_sends_what_stripe_requires() -> anyhow::Result<()> {
    let s = setup(true).await;
    let (customer, subscription, item) = s.customer_with_live_subscription();
    let price = s.sandbox.truth()["prices"]
        .as_array()
        .expect("prices")
        .iter()
        .find(|p| p["recurring"].is_object())
        .and_then(|p| p["id"].as_str())
        .expect("a price")
        .to_owned();

    let plain = s
        .open(
            &SessionRequest {
                customer: customer.clone(),
                ..Default::default()
            },
            None,
        )
        .await?;
    assert!(plain.url.starts_with(s.sandbox.url()), "{}", plain.url);
    let params = s.last_session_params();
    assert_eq!(
        (params["customer"].as_str(), params["return_url"].as_str()),
        (Some(customer.as_str()), Some("https://example.com/account"))
    );
    assert!(params.get("flow_data").is_none());

    let cases = [
        (
            Flow::PaymentMethodUpdate,
            json!({"type": "payment_method_update"}),
        ),
        (
            Flow::SubscriptionCancel {
                retention_coupon: None,
            },
            json!({"type": "subscription_cancel", "subscription_cancel": {"subscription": subscription}}),
        ),
        (
            Flow::SubscriptionUpdate,
            json!({"type": "subscription_update", "subscription_update": {"subscription": subscription}}),
        ),
        (
            Flow::SubscriptionUpdateConfirm {
                price: price.clone(),
                quantity: Some(2),
                item: None,
            },
            json!({"type": "subscription_update_confirm", "subscription_update_confirm": {
                "subscription": subscription, "items": [{"id": item, "price": price, "quantity": "2"}]}}),
        ),
    ];
    for (flow, expected) in cases {
        let name = flow.name();
        let request = SessionRequest {
            customer: customer.clone(),
            flow: Some(flow),
            after_completion: Some(AfterCompletion::HostedConfirmation {
                message: Some("Thanks!".into()),
            }),
            locale: Some("fr".into()),
            ..Default::default()
        };
        s.open(&request, None)
            .await
            .map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
        let params = s.last_session_params();
        let mut sent = params["flow_data"].clone();
        assert_eq!(
            sent["after_completion"],
            json!({"type": "hosted_confirmation", "hosted_confirmation": {"custom_message": "Thanks!"}}),
            "{name}"
        );
        sent.as_object_mut()
            .expect("object")
            .remove("after_completion");
        assert_eq!(sent, expected, "{name}");
        assert_eq!(params["locale"], "fr");
    }

    let redirect = SessionRequest {
        customer: customer.clone(),
        flow: Some(Flow::PaymentMethodUpdate),
        after_completion: Some(AfterCompletion::Redirect {
            url: "https://example.com/thanks".into(),
        }),
        ..Default::default()
    };
    s.open(&redirect, None).await?;
    assert_eq!(
        s.last_session_params()["flow_data"]["after_completion"],
        json!({"type": "redirect", "redirect": {"return_url": "https://example.com/thanks"}})
    );
    // Every create carries its own idempotency key.
    let keys: Vec<Value> = s
        .sandbox
        .requests()
        .into_iter()
        .filter(|r| r["path"] == "/v1/billing_portal/sessions")
        .map(|r| r["idempotency_key"].clone())
        .collect();
    assert!(keys.iter().all(Value::is_string));
    assert_eq!(
        keys.iter()
            .map(Value::to_string)
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        keys.len()
    );
    Ok(())
}

#[tokio::test]
async fn bad_inputs_are_refused_before_any_request() -> anyhow::Result<()> {
    let s = setup(true).await;
    let (customer, _, _) = s.customer_with_live_subscription();
    s.sandbox
        .control("counters/reset", json!({}))
        .map_err(anyhow::Error::msg)?;
    let bad = [
        SessionRequest {
            customer: "'; DROP TABLE customers".into(),
            ..Default::default()
        },
        SessionRequest {
            customer: customer.clone(),
            return_url: Some("http://example.com".into()),
            ..Default::default()
        },
        SessionRequest {
            customer: customer.clone(),
            locale: Some("klingon".into()),
            ..Default::default()
        },
        SessionRequest {
            customer: customer.clone(),
            flow: Some(Flow::SubscriptionUpdateConfirm {
                price: "not a price".into(),
                quantity: None,
                item: None,
            }),
            ..Default::default()
        },
        SessionRequest {
            customer: customer.clone(),
            flow: Some(Flow::PaymentMethodUpdate),
            after_completion: Some(AfterCompletion::Redirect {
                url: "javascript:alert(1)".into(),
            }),
            ..Default::default()
        },
    ];
    for request in &bad {
        let error = s.open(request, None).await.expect_err("refused");
        assert!(!error.to_string().is_empty());
    }
    assert_eq!(s.sandbox.counters()["total"], 0, "nothing was sent");

    // A customer without a live subscription gets a clear message for a cancel link.
    let truth = s.sandbox.truth();
    let live: std::collections::BTreeSet<&str> = truth["subscriptions"]
        .as_array()
        .expect("subs")
        .iter()
        .filter(|s| s["status"] != "canceled")
        .filter_map(|s| s["customer"].as_str())
        .collect();
    if let Some(without) = truth["customers"]
        .as_array()
        .expect("customers")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .find(|c| !live.contains(c))
    {
        let request = SessionRequest {
            customer: without.into(),
            flow: Some(Flow::SubscriptionCancel {
                retention_coupon: None,
            }),
            ..Default::default()
        };
        let error = s.open(&request, None).await.expect_err("no subscription");
        assert!(
            error
                .to_string()
                .contains("has no active subscription to cancel"),
            "{error}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn each_flow_picks_a_subscription_stripe_will_act_on() -> anyhow::Result<()> {
    let s = setup(true).await;
    let truth = s.sandbox.truth();
    let subscriptions = truth["subscriptions"].as_array().expect("subscriptions");
    // A customer whose only subscription is past due: its plan can't be
    // changed in the portal, but it can be cancelled.
    let past_due = subscriptions
        .iter()
        .find(|sub| {
            sub["status"] == "past_due"
                && subscriptions
                    .iter()
                    .filter(|other| other["customer"] == sub["customer"])
                    .count()
                    == 1
        })
        .expect("a past-due subscription");
    let customer = past_due["customer"].as_str().expect("customer").to_owned();
    let id = past_due["id"].as_str().expect("id").to_owned();
    s.sandbox
        .control("counters/reset", json!({}))
        .map_err(anyhow::Error::msg)?;
    let update = |subscription: Option<String>| SessionRequest {
        customer: customer.clone(),
        subscription,
        flow: Some(Flow::SubscriptionUpdate),
        ..Default::default()
    };
    let none = s
        .open(&update(None), None)
        .await
        .expect_err("nothing to change");
    assert!(matches!(none, PortalError::NoSubscription { .. }), "{none}");
    let named = s
        .open(&update(Some(id.clone())), None)
        .await
        .expect_err("past due");
    assert!(
        named.to_string().contains("is past due, and the customer portal can only change a subscription that is active or trialing"),
        "{named}"
    );
    assert_eq!(
        s.sandbox.counters()["total"],
        0,
        "refused before any request"
    );

    let cancel = SessionRequest {
        customer: customer.clone(),
        flow: Some(Flow::SubscriptionCancel {
            retention_coupon: Some("SAVE-20".into()),
        }),
        ..Default::default()
    };
    s.open(&cancel, None).await?;
    let sent = s.last_session_params();
    assert_eq!(
        sent["flow_data"]["subscription_cancel"]["subscription"],
        id.as_str()
    );
    assert_eq!(
        sent["flow_data"]["subscription_cancel"]["retention"]["coupon_offer"]["coupon"], "SAVE-20",
        "a coupon id the merchant chose goes as it is"
    );
    Ok(())
}

#[tokio::test]
async fn unknown_and_deleted_customers_get_their_own_message() -> anyhow::Result<()> {
    let s = setup(true).await;
    let error = s
        .open(
            &SessionRequest {
                customer: "cus_DoesNotExist000".into(),
                ..Default::default()
            },
            None,
        )
        .await
        .expect_err("unknown");
    assert!(matches!(error, PortalError::UnknownCustomer(_)), "{error}");
    let (customer, _, _) = s.customer_with_live_subscription();
    s.sandbox
        .control(
            "simulate",
            json!({"action": "delete_customer", "customer": customer}),
        )
        .map_err(anyhow::Error::msg)?;
    let error = s
        .open(
            &SessionRequest {
                customer: customer.clone(),
                ..Default::default()
            },
            None,
        )
        .await
        .expect_err("deleted");
    assert!(matches!(error, PortalError::DeletedCustomer(_)), "{error}");
    assert!(error.to_string().contains("was deleted"));
    Ok(())
}

#[tokio::test]
async fn without_a_default_configuration_one_is_created_once() -> anyhow::Result<()> {
    let s = setup(false).await;
    let (customer, _, _) = s.customer_with_live_subscription();
    let request = SessionRequest {
        customer,
        ..Default::default()
    };
    let error = s.open(&request, None).await.expect_err("not configured");
    match &error {
        PortalError::NotConfigured { dashboard_url, .. } => {
            assert_eq!(
                dashboard_url,
                "https://dashboard.stripe.com/test/settings/billing/portal"
            )
        }
        other => panic!("expected NotConfigured, got {other}"),
    }
    // "Create one for me", clicked three times (a retry, a double click…): one configuration.
    let mut ids = Vec::new();
    for _ in 0..3 {
        ids.push(
            portal::create_recommended_configuration(&s.client, "default", None, Some(&s.base))
                .await?,
        );
    }
    assert!(ids.windows(2).all(|w| w[0] == w[1]), "{ids:?}");
    let configurations = s.sandbox.truth()["portal_configurations"]
        .as_array()
        .map_or(0, Vec::len);
    assert_eq!(configurations, 1);
    let session = s.open(&request, Some(&ids[0])).await?;
    assert!(session.url.starts_with(s.sandbox.url()));
    assert_eq!(s.last_session_params()["configuration"], ids[0].as_str());
    Ok(())
}

#[tokio::test]
async fn an_account_with_a_custom_domain_gets_its_portal_links_on_that_domain() -> anyhow::Result<()>
{
    let s = setup(true).await;
    s.sandbox
        .control("conditions", json!({"portal_domain": "billing.acme.test"}))
        .map_err(anyhow::Error::msg)?;
    let (customer, _, _) = s.customer_with_live_subscription();
    let session = s
        .open(
            &SessionRequest {
                customer,
                flow: Some(Flow::PaymentMethodUpdate),
                ..Default::default()
            },
            None,
        )
        .await?;
    // Stripe chose the host, over TLS, in answer to our request: it is trusted as it is.
    assert!(
        session
            .url
            .starts_with("https://billing.acme.test/p/session/"),
        "{}",
        session.url
    );
    Ok(())
}
