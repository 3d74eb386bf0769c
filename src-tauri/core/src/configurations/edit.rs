//! Creating and updating configurations: a checked spec sent as a form, and
//! the recommended configuration Portal Desk offers to create.

use stripe_billing::billing_portal_configuration::{
    CreateBillingPortalConfiguration, CreateBillingPortalConfigurationFeatures,
    CreateBillingPortalConfigurationFeaturesCustomerUpdate,
    CreateBillingPortalConfigurationFeaturesCustomerUpdateAllowedUpdates,
    CreateBillingPortalConfigurationFeaturesSubscriptionCancel,
    CreateBillingPortalConfigurationFeaturesSubscriptionCancelMode, InvoiceListParam,
    PaymentMethodUpdateParam,
};
use stripe_client_core::{RequestBuilder, StripeMethod, StripeRequest};

use super::encode::{encode, form_body};
use super::invalid;
use super::spec::ConfigurationSpec;
use crate::api_base::ApiBase;
use crate::cache::Cache;
use crate::error::quote;
use crate::portal::{PortalError, check_url};
use crate::stripe_api::{StripeClient, StripeFailure};
use crate::sync::objects::is_generated_id;

/// Creates a configuration from `spec`; returns Stripe's object. The request
/// carries its own idempotency key, so a retried attempt can't create two.
pub async fn create(
    client: &StripeClient,
    cache: &Cache,
    api_base: Option<&ApiBase>,
    spec: &ConfigurationSpec,
) -> Result<serde_json::Value, PortalError> {
    let form = encode(spec, cache, api_base, true)?;
    let key = crate::portal::idempotency_key("configuration");
    send(
        client,
        "/billing_portal/configurations".into(),
        &form,
        Some(&key),
    )
    .await
}

/// Applies `spec` to configuration `id`; returns Stripe's object.
pub async fn update(
    client: &StripeClient,
    cache: &Cache,
    api_base: Option<&ApiBase>,
    id: &str,
    spec: &ConfigurationSpec,
) -> Result<serde_json::Value, PortalError> {
    let id = id.trim();
    if !id.starts_with("bpc_") || !is_generated_id(id) {
        return Err(invalid(
            "configuration",
            format!("{} is not a portal configuration id (bpc_…)", quote(id)),
        ));
    }
    let form = encode(spec, cache, api_base, false)?;
    if form.is_empty() {
        return Err(invalid(
            "configuration",
            "nothing to change: give at least one field",
        ));
    }
    send(
        client,
        format!("/billing_portal/configurations/{id}"),
        &form,
        None,
    )
    .await
}

async fn send(
    client: &StripeClient,
    path: String,
    form: &[(String, String)],
    idempotency_key: Option<&str>,
) -> Result<serde_json::Value, PortalError> {
    let mut request = RequestBuilder::new(StripeMethod::Post, path);
    request.body = Some(form_body(form));
    let body = client
        .transport()
        .send(request, idempotency_key)
        .await
        .map_err(|failure| match failure {
            StripeFailure::Api {
                status: 400 | 404,
                ref message,
                ..
            } if failure.is_missing("configuration", "") => {
                invalid("configuration", message.clone())
            }
            other => PortalError::Stripe(other),
        })?;
    serde_json::from_slice(&body)
        .map_err(|_| StripeFailure::Unreadable("the configuration was not JSON".into()).into())
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
