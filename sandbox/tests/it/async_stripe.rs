//! Every endpoint through async-stripe 1.0.0-rc.10: each response must
//! deserialize into the crate's types, exactly as from api.stripe.com.

use serde_json::json;
use stripe_billing::billing_portal_configuration::{
    CreateBillingPortalConfiguration, CreateBillingPortalConfigurationFeatures,
    ListBillingPortalConfiguration, RetrieveBillingPortalConfiguration,
    UpdateBillingPortalConfiguration,
};
use stripe_billing::billing_portal_session::{
    CreateBillingPortalSession, CreateBillingPortalSessionFlowData,
    CreateBillingPortalSessionFlowDataSubscriptionCancel, CreateBillingPortalSessionFlowDataType,
};
use stripe_billing::invoice::{ListInvoice, RetrieveInvoice};
use stripe_billing::subscription::{
    ListSubscription, ListSubscriptionStatus, RetrieveSubscription,
};
use stripe_connect::account::RetrieveForMyAccountAccount;
use stripe_core::balance::RetrieveForMyAccountBalance;
use stripe_core::customer::{
    ListCustomer, ListPaymentMethodsCustomer, RetrieveCustomer, RetrieveCustomerReturned,
    SearchCustomer,
};
use stripe_core::event::{ListEvent, RetrieveEvent};
use stripe_payment::payment_method::{ListPaymentMethod, RetrievePaymentMethod};
use stripe_product::price::{ListPrice, RetrievePrice};
use stripe_product::product::{ListProduct, RetrieveProduct};

#[tokio::test]
async fn every_endpoint_deserializes_through_async_stripe() -> anyhow::Result<()> {
    let sandbox = crate::support::sandbox(30).await;
    let client = crate::support::client(&sandbox);

    let customers = ListCustomer::new()
        .limit(100)
        .expand(vec![
            "data.invoice_settings.default_payment_method".to_string(),
        ])
        .send(&client)
        .await?;
    assert_eq!(customers.data.len(), 30, "every customer on one page");
    let customer = &customers.data[0];
    let customer_id = customer.id.clone();

    let retrieved = RetrieveCustomer::new(customer_id.clone())
        .send(&client)
        .await?;
    assert!(matches!(retrieved, RetrieveCustomerReturned::Customer(_)));

    let found = SearchCustomer::new(format!(
        "email:'{}'",
        customer.email.clone().unwrap_or_default()
    ))
    .send(&client)
    .await?;
    assert!(found.data.len() <= 1);

    let pms = ListPaymentMethodsCustomer::new(customer_id.clone())
        .send(&client)
        .await?;
    let pm = pms.data.first().expect("each customer has a card");
    RetrievePaymentMethod::new(pm.id.clone())
        .send(&client)
        .await?;
    ListPaymentMethod::new()
        .customer(customer_id.as_str())
        .send(&client)
        .await?;

    let subscriptions = ListSubscription::new()
        .status(ListSubscriptionStatus::All)
        .limit(100)
        .expand(vec![
            "data.default_payment_method".to_string(),
            "data.customer".to_string(),
        ])
        .send(&client)
        .await?;
    assert_eq!(
        subscriptions.data.len(),
        30,
        "status=all includes canceled ones"
    );
    let live = subscriptions
        .data
        .iter()
        .find(|s| s.status.as_str() != "canceled")
        .expect("some subscription is live");
    RetrieveSubscription::new(live.id.clone())
        .send(&client)
        .await?;

    let invoices = ListInvoice::new()
        .limit(100)
        .expand(vec!["data.customer".to_string()])
        .send(&client)
        .await?;
    let all_invoices = sandbox.truth()["invoices"].as_array().map_or(0, Vec::len);
    assert!(all_invoices > 0, "the account has invoices");
    assert_eq!(invoices.data.len(), all_invoices.min(100), "a full page");
    let invoice_id = invoices.data[0].id.clone().expect("invoices have ids");
    RetrieveInvoice::new(invoice_id).send(&client).await?;

    let prices = ListPrice::new().limit(100).send(&client).await?;
    RetrievePrice::new(prices.data[0].id.clone())
        .send(&client)
        .await?;
    let products = ListProduct::new().send(&client).await?;
    RetrieveProduct::new(products.data[0].id.clone())
        .send(&client)
        .await?;

    RetrieveForMyAccountBalance::new().send(&client).await?;
    let account = RetrieveForMyAccountAccount::new().send(&client).await?;
    assert_eq!(
        account.business_profile.and_then(|b| b.name).as_deref(),
        Some("Sandbox Coffee Roasters")
    );

    // Configurations: none yet, so a session without one fails with Stripe's message.
    let error = CreateBillingPortalSession::new()
        .customer(customer_id.as_str())
        .send(&client)
        .await
        .expect_err("no default configuration yet");
    assert!(
        error.to_string().contains("No configuration provided and your test mode default configuration has not been created"),
        "{error}"
    );

    let mut features = CreateBillingPortalConfigurationFeatures::new();
    features.invoice_history =
        Some(stripe_billing::billing_portal_configuration::InvoiceListParam::new(true));
    let created = CreateBillingPortalConfiguration::new(features)
        .send(&client)
        .await?;
    let listed = ListBillingPortalConfiguration::new().send(&client).await?;
    assert_eq!(listed.data.len(), 1);
    RetrieveBillingPortalConfiguration::new(created.id.clone())
        .send(&client)
        .await?;
    let updated = UpdateBillingPortalConfiguration::new(created.id.clone())
        .default_return_url("https://example.com/account")
        .send(&client)
        .await?;
    assert_eq!(
        updated.default_return_url.as_deref(),
        Some("https://example.com/account")
    );

    let session = CreateBillingPortalSession::new()
        .customer(customer_id.as_str())
        .configuration(created.id.as_str())
        .return_url("https://example.com/back")
        .send(&client)
        .await?;
    assert!(session.url.starts_with(sandbox.url()), "{}", session.url);

    // Events appear when a customer acts in the portal.
    sandbox
        .control(
            "simulate",
            json!({"action": "cancel_at_period_end", "customer": live.customer_id()}),
        )
        .map_err(anyhow::Error::msg)?;
    let events = ListEvent::new().send(&client).await?;
    assert_eq!(events.data.len(), 1);
    RetrieveEvent::new(events.data[0].id.clone())
        .send(&client)
        .await?;
    Ok(())
}

#[tokio::test]
async fn a_deleted_customer_retrieves_as_deleted() -> anyhow::Result<()> {
    let sandbox = crate::support::sandbox(3).await;
    let client = crate::support::client(&sandbox);
    let customers = ListCustomer::new().send(&client).await?;
    let id = customers.data[0].id.clone();
    sandbox
        .control(
            "simulate",
            json!({"action": "delete_customer", "customer": id.as_str()}),
        )
        .map_err(anyhow::Error::msg)?;
    let retrieved = RetrieveCustomer::new(id).send(&client).await?;
    assert!(matches!(
        retrieved,
        RetrieveCustomerReturned::DeletedCustomer(_)
    ));
    Ok(())
}

#[tokio::test]
async fn a_session_deep_link_deserializes_with_its_flow() -> anyhow::Result<()> {
    let sandbox = crate::support::sandbox(10).await;
    let client = crate::support::client(&sandbox);
    sandbox
        .control("portal/default", json!({}))
        .map_err(anyhow::Error::msg)?;
    let subscriptions = ListSubscription::new().send(&client).await?;
    // Stripe's portal cancels only a subscription that is under way.
    let sub = subscriptions
        .data
        .iter()
        .find(|s| s.status.as_str() == "active")
        .expect("an active subscription");
    let mut flow = CreateBillingPortalSessionFlowData::new(
        CreateBillingPortalSessionFlowDataType::SubscriptionCancel,
    );
    flow.subscription_cancel = Some(CreateBillingPortalSessionFlowDataSubscriptionCancel::new(
        sub.id.as_str(),
    ));
    let session = CreateBillingPortalSession::new()
        .customer(sub.customer_id())
        .flow_data(flow)
        .send(&client)
        .await?;
    let flow = session.flow.expect("a deep-linked session has a flow");
    assert_eq!(flow.type_.as_str(), "subscription_cancel");
    Ok(())
}

trait CustomerId {
    fn customer_id(&self) -> String;
}

impl CustomerId for stripe_shared::Subscription {
    fn customer_id(&self) -> String {
        self.customer.id().to_string()
    }
}
