//! Creating a portal session: the request checked from the cache (the
//! customer, the subscription and item a deep link acts on), sent once with an
//! idempotency key, and Stripe's refusal put in the user's words.

use stripe_billing::BillingPortalSessionLocale;
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

use super::{
    AfterCompletion, Flow, PortalError, PortalSession, SessionRequest, check_url,
    dashboard_portal_settings, idempotency_key, stripe_link,
};
use crate::api_base::ApiBase;
use crate::cache::{Cache, customers, subscriptions};
use crate::error::quote;
use crate::secret::Mode;
use crate::stripe_api::{StripeClient, StripeFailure};
use crate::sync::objects::{is_chosen_id, is_generated_id};

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
            if cache
                .read(|conn| crate::cache::prices::get(conn, price.trim()))?
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
    let get = |id: &str| cache.read(|conn| subscriptions::get(conn, id));
    let label = || -> Result<String, PortalError> {
        Ok(cache
            .read(|conn| customers::get(conn, customer))?
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
    for id in cache.read(|conn| subscriptions::ids_of_customer(conn, customer))? {
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
