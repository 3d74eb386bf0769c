//! Creating and editing portal configurations. A [`ConfigurationSpec`] holds
//! the fields a user set (unset fields are left alone on update); every value
//! is checked before any request, with the field named, then encoded as
//! Stripe's bracketed form.

use serde::{Deserialize, Serialize};
use stripe_client_core::{RequestBuilder, StripeMethod};

use crate::api_base::ApiBase;
use crate::cache::Cache;
use crate::error::quote;
use crate::percent;
use crate::portal::{PortalError, check_url};
use crate::stripe_api::{StripeClient, StripeFailure};
use crate::sync::objects::{is_chosen_id, is_generated_id};

/// Customer details the portal may let customers change.
pub const CUSTOMER_FIELDS: [&str; 6] = ["address", "email", "name", "phone", "shipping", "tax_id"];
/// What a plan switch may change.
pub const PLAN_UPDATES: [&str; 3] = ["price", "quantity", "promotion_code"];
/// Cancellation reasons offered when reasons are collected.
pub const CANCEL_REASONS: [&str; 8] = [
    "too_expensive",
    "missing_features",
    "switched_service",
    "unused",
    "customer_service",
    "too_complex",
    "low_quality",
    "other",
];
/// Stripe's limit on products offered for plan switching.
pub const MAX_PLAN_PRODUCTS: usize = 10;

/// How cancellation works in the portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CancelMode {
    /// Customers can't cancel.
    Off,
    /// At the end of the paid period.
    AtPeriodEnd,
    /// Right away.
    Immediately,
}

impl CancelMode {
    /// Parses `off`, `at_period_end` or `immediately`.
    pub fn parse(text: &str) -> Result<CancelMode, PortalError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "off" => Ok(CancelMode::Off),
            "at_period_end" => Ok(CancelMode::AtPeriodEnd),
            "immediately" => Ok(CancelMode::Immediately),
            other => Err(invalid(
                "cancel mode",
                format!(
                    "{} is not one of off, at_period_end, immediately",
                    quote(other)
                ),
            )),
        }
    }
}

/// The fields of a configuration a user sets. `None` leaves a field as it is
/// (on create: Stripe's default).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConfigurationSpec {
    /// The headline shown in the portal (at most 60 characters; empty clears it).
    pub headline: Option<String>,
    /// Privacy policy link (https; empty clears it).
    pub privacy_policy_url: Option<String>,
    /// Terms of service link (https; empty clears it).
    pub terms_of_service_url: Option<String>,
    /// Where the portal's back link goes.
    pub default_return_url: Option<String>,
    /// The durable login page.
    pub login_page: Option<bool>,
    /// Customer details customers may change (empty: none).
    pub customer_updates: Option<Vec<String>>,
    /// Invoice history.
    pub invoice_history: Option<bool>,
    /// Updating payment methods.
    pub payment_method_update: Option<bool>,
    /// Cancellation.
    pub cancel_mode: Option<CancelMode>,
    /// Prorations on immediate cancellation: `none` or `create_prorations`.
    pub cancel_proration: Option<String>,
    /// Ask why customers cancel.
    pub cancel_reasons: Option<bool>,
    /// Plan switching.
    pub plan_switching: Option<bool>,
    /// Products offered for switching (up to 10), with their active recurring prices from the cache.
    pub plan_products: Option<Vec<String>>,
    /// What a switch may change: price, quantity, promotion_code.
    pub plan_updates: Option<Vec<String>>,
    /// Prorations on a switch: `none`, `create_prorations` or `always_invoice`.
    pub plan_proration: Option<String>,
    /// Downgrades wait until the end of the period.
    pub schedule_at_period_end: Option<bool>,
}

fn invalid(field: &'static str, reason: impl Into<String>) -> PortalError {
    PortalError::InvalidValue {
        field,
        reason: reason.into(),
    }
}

/// Checks each value of `spec` and returns Stripe's form for it. The product
/// prices come from `cache` (zero requests).
pub fn encode(
    spec: &ConfigurationSpec,
    cache: &Cache,
    api_base: Option<&ApiBase>,
    creating: bool,
) -> Result<Vec<(String, String)>, PortalError> {
    let mut form: Vec<(String, String)> = Vec::new();
    let mut put = |key: &str, value: String| form.push((key.to_owned(), value));
    let flag = |b: bool| b.to_string();

    if let Some(headline) = &spec.headline {
        let headline = headline.trim();
        if headline.chars().count() > 60 {
            return Err(invalid("headline", "at most 60 characters"));
        }
        if headline.chars().any(char::is_control) {
            return Err(invalid("headline", "no line breaks or control characters"));
        }
        // An empty value unsets on update; Stripe refuses it on create.
        if !(creating && headline.is_empty()) {
            put("business_profile[headline]", headline.to_owned());
        }
    }
    for (field, key, value) in [
        (
            "privacy policy URL",
            "business_profile[privacy_policy_url]",
            &spec.privacy_policy_url,
        ),
        (
            "terms of service URL",
            "business_profile[terms_of_service_url]",
            &spec.terms_of_service_url,
        ),
        (
            "default return URL",
            "default_return_url",
            &spec.default_return_url,
        ),
    ] {
        if let Some(url) = value {
            if url.trim().is_empty() {
                if !creating {
                    put(key, String::new());
                }
            } else {
                put(key, check_url(field, url, api_base)?);
            }
        }
    }
    if let Some(on) = spec.login_page {
        put("login_page[enabled]", flag(on));
    }
    if let Some(fields) = &spec.customer_updates {
        let fields = checked_list("customer updates", fields, &CUSTOMER_FIELDS)?;
        put(
            "features[customer_update][enabled]",
            flag(!fields.is_empty()),
        );
        if fields.is_empty() {
            put("features[customer_update][allowed_updates]", String::new());
        }
        for field in fields {
            put("features[customer_update][allowed_updates][]", field);
        }
    }
    if let Some(on) = spec.invoice_history {
        put("features[invoice_history][enabled]", flag(on));
    }
    if let Some(on) = spec.payment_method_update {
        put("features[payment_method_update][enabled]", flag(on));
    }
    if let Some(mode) = spec.cancel_mode {
        put(
            "features[subscription_cancel][enabled]",
            flag(mode != CancelMode::Off),
        );
        match mode {
            CancelMode::AtPeriodEnd => put(
                "features[subscription_cancel][mode]",
                "at_period_end".into(),
            ),
            CancelMode::Immediately => {
                put("features[subscription_cancel][mode]", "immediately".into())
            }
            CancelMode::Off => {}
        }
    }
    if let Some(proration) = &spec.cancel_proration {
        let proration = one_of(
            "cancel proration",
            proration,
            &["none", "create_prorations"],
        )?;
        if proration == "create_prorations" && spec.cancel_mode == Some(CancelMode::AtPeriodEnd) {
            return Err(invalid(
                "cancel proration",
                "create_prorations only applies when subscriptions cancel immediately",
            ));
        }
        put(
            "features[subscription_cancel][proration_behavior]",
            proration,
        );
    }
    if let Some(on) = spec.cancel_reasons {
        put(
            "features[subscription_cancel][cancellation_reason][enabled]",
            flag(on),
        );
        if on {
            for reason in CANCEL_REASONS {
                put(
                    "features[subscription_cancel][cancellation_reason][options][]",
                    reason.into(),
                );
            }
        }
    }
    if spec.plan_switching == Some(true)
        && (spec.payment_method_update == Some(false)
            || (creating && spec.payment_method_update.is_none()))
    {
        // Stripe's rule (on create, an unset feature is off).
        return Err(invalid(
            "plan switching",
            "needs card updates on: Stripe doesn't let customers switch plans while they can't update their payment method",
        ));
    }
    if let Some(on) = spec.plan_switching {
        put("features[subscription_update][enabled]", flag(on));
        if on && spec.plan_products.as_ref().is_none_or(Vec::is_empty) && creating {
            return Err(invalid(
                "plan products",
                "choose at least one product to switch between",
            ));
        }
        if on && spec.plan_updates.is_none() && creating {
            put(
                "features[subscription_update][default_allowed_updates][]",
                "price".into(),
            );
        }
    }
    if let Some(updates) = &spec.plan_updates {
        let updates = checked_list("plan updates", updates, &PLAN_UPDATES)?;
        if updates.is_empty() {
            put(
                "features[subscription_update][default_allowed_updates]",
                String::new(),
            );
        }
        for update in updates {
            put(
                "features[subscription_update][default_allowed_updates][]",
                update,
            );
        }
    }
    if let Some(products) = &spec.plan_products {
        if products.len() > MAX_PLAN_PRODUCTS {
            return Err(invalid(
                "plan products",
                format!(
                    "Stripe allows at most {MAX_PLAN_PRODUCTS} products (got {})",
                    products.len()
                ),
            ));
        }
        for (n, product) in products.iter().enumerate() {
            let product = product.trim();
            // A merchant may have named the product itself (`gold-plan`).
            if !is_chosen_id(product) {
                return Err(invalid(
                    "plan products",
                    format!("{} is not a product id", quote(product)),
                ));
            }
            let prices = recurring_prices(cache, product)?;
            if prices.is_empty() {
                return Err(invalid(
                    "plan products",
                    format!(
                        "{product} has no active recurring price in the cache; sync, or pick another product"
                    ),
                ));
            }
            put(
                &format!("features[subscription_update][products][{n}][product]"),
                product.to_owned(),
            );
            for price in prices {
                put(
                    &format!("features[subscription_update][products][{n}][prices][]"),
                    price,
                );
            }
        }
    }
    if let Some(proration) = &spec.plan_proration {
        let proration = one_of(
            "plan proration",
            proration,
            &["none", "create_prorations", "always_invoice"],
        )?;
        put(
            "features[subscription_update][proration_behavior]",
            proration,
        );
    }
    if let Some(on) = spec.schedule_at_period_end {
        if on {
            put(
                "features[subscription_update][schedule_at_period_end][conditions][0][type]",
                "decreasing_item_amount".into(),
            );
            put(
                "features[subscription_update][schedule_at_period_end][conditions][1][type]",
                "shortening_interval".into(),
            );
        } else {
            put(
                "features[subscription_update][schedule_at_period_end][conditions]",
                String::new(),
            );
        }
    }
    if creating && form.iter().all(|(k, _)| !k.starts_with("features[")) {
        return Err(invalid(
            "features",
            "turn on at least one feature (for example invoice history)",
        ));
    }
    Ok(form)
}

fn checked_list(
    field: &'static str,
    values: &[String],
    allowed: &[&str],
) -> Result<Vec<String>, PortalError> {
    let mut out = Vec::new();
    for value in values {
        let value = value.trim().to_ascii_lowercase();
        if value.is_empty() {
            continue;
        }
        if !allowed.contains(&value.as_str()) {
            return Err(invalid(
                field,
                format!("{} is not one of {}", quote(&value), allowed.join(", ")),
            ));
        }
        if !out.contains(&value) {
            out.push(value);
        }
    }
    Ok(out)
}

fn one_of(field: &'static str, value: &str, allowed: &[&str]) -> Result<String, PortalError> {
    let value = value.trim().to_ascii_lowercase();
    if allowed.contains(&value.as_str()) {
        Ok(value)
    } else {
        Err(invalid(
            field,
            format!("{} is not one of {}", quote(&value), allowed.join(", ")),
        ))
    }
}

fn recurring_prices(cache: &Cache, product: &str) -> Result<Vec<String>, PortalError> {
    crate::cache::prices::recurring_of_product(cache.conn(), product)
        .map_err(|e| cache.error(e).into())
}

/// The editable fields of Stripe's configuration object, every one set, so an
/// editor starts from what the portal does now.
pub fn spec_of(configuration: &serde_json::Value) -> ConfigurationSpec {
    let text = |v: &serde_json::Value| Some(v.as_str().unwrap_or_default().to_owned());
    let strings = |v: &serde_json::Value| {
        Some(
            v.as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default(),
        )
    };
    let profile = &configuration["business_profile"];
    let features = &configuration["features"];
    let customer_update = &features["customer_update"];
    let cancel = &features["subscription_cancel"];
    let update = &features["subscription_update"];
    let cancel_mode = match (cancel["enabled"] == true, cancel["mode"].as_str()) {
        (false, _) => CancelMode::Off,
        (true, Some("immediately")) => CancelMode::Immediately,
        (true, _) => CancelMode::AtPeriodEnd,
    };
    ConfigurationSpec {
        headline: text(&profile["headline"]),
        privacy_policy_url: text(&profile["privacy_policy_url"]),
        terms_of_service_url: text(&profile["terms_of_service_url"]),
        default_return_url: text(&configuration["default_return_url"]),
        login_page: Some(configuration["login_page"]["enabled"] == true),
        customer_updates: if customer_update["enabled"] == true {
            strings(&customer_update["allowed_updates"])
        } else {
            Some(Vec::new())
        },
        invoice_history: Some(features["invoice_history"]["enabled"] == true),
        payment_method_update: Some(features["payment_method_update"]["enabled"] == true),
        cancel_mode: Some(cancel_mode),
        cancel_proration: Some(
            cancel["proration_behavior"]
                .as_str()
                .unwrap_or("none")
                .to_owned(),
        ),
        cancel_reasons: Some(cancel["cancellation_reason"]["enabled"] == true),
        plan_switching: Some(update["enabled"] == true),
        plan_products: Some(
            update["products"]
                .as_array()
                .map(|products| {
                    products
                        .iter()
                        .filter_map(|p| p["product"].as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default(),
        ),
        plan_updates: strings(&update["default_allowed_updates"]),
        plan_proration: Some(
            update["proration_behavior"]
                .as_str()
                .unwrap_or("none")
                .to_owned(),
        ),
        schedule_at_period_end: Some(
            update["schedule_at_period_end"]["conditions"]
                .as_array()
                .is_some_and(|c| !c.is_empty()),
        ),
    }
}

/// The body Stripe receives for `form`: `application/x-www-form-urlencoded`.
pub fn form_body(form: &[(String, String)]) -> String {
    form.iter()
        .map(|(k, v)| format!("{}={}", percent::encode(k), percent::encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn cache() -> Cache {
        Cache::in_memory().expect("cache")
    }

    #[test]
    fn an_editor_starts_from_what_the_portal_does_now() {
        let configuration = serde_json::json!({
            "id": "bpc_1",
            "business_profile": {"headline": "Acme billing", "privacy_policy_url": null,
                                 "terms_of_service_url": "https://acme.test/terms"},
            "default_return_url": null,
            "login_page": {"enabled": true, "url": "https://billing.stripe.com/p/login/x"},
            "features": {
                "customer_update": {"enabled": true, "allowed_updates": ["email", "address"]},
                "invoice_history": {"enabled": true},
                "payment_method_update": {"enabled": false},
                "subscription_cancel": {"enabled": true, "mode": "immediately",
                    "proration_behavior": "create_prorations",
                    "cancellation_reason": {"enabled": false, "options": []}},
                "subscription_update": {"enabled": true, "default_allowed_updates": ["price"],
                    "products": [{"product": "prod_A", "prices": ["price_1"]}],
                    "proration_behavior": "always_invoice",
                    "schedule_at_period_end": {"conditions": [{"type": "shortening_interval"}]}}
            }
        });
        let spec = spec_of(&configuration);
        assert_eq!(spec.headline.as_deref(), Some("Acme billing"));
        assert_eq!(spec.privacy_policy_url.as_deref(), Some(""));
        assert_eq!(spec.login_page, Some(true));
        assert_eq!(
            spec.customer_updates,
            Some(vec!["email".to_owned(), "address".to_owned()])
        );
        assert_eq!(spec.payment_method_update, Some(false));
        assert_eq!(spec.cancel_mode, Some(CancelMode::Immediately));
        assert_eq!(spec.cancel_proration.as_deref(), Some("create_prorations"));
        assert_eq!(spec.plan_products, Some(vec!["prod_A".to_owned()]));
        assert_eq!(spec.plan_proration.as_deref(), Some("always_invoice"));
        assert_eq!(spec.schedule_at_period_end, Some(true));

        let off = spec_of(&serde_json::json!({"features": {
            "customer_update": {"enabled": false, "allowed_updates": ["email"]},
            "subscription_cancel": {"enabled": false, "mode": "at_period_end"}}}));
        assert_eq!(
            off.customer_updates,
            Some(Vec::new()),
            "off means none offered"
        );
        assert_eq!(off.cancel_mode, Some(CancelMode::Off));
        assert_eq!(off.plan_switching, Some(false));
    }

    #[test]
    fn bad_values_name_their_field_before_any_request() {
        let cache = cache();
        let cases = [
            (
                ConfigurationSpec {
                    headline: Some("x".repeat(61)),
                    ..Default::default()
                },
                "headline",
            ),
            (
                ConfigurationSpec {
                    privacy_policy_url: Some("http://example.com".into()),
                    ..Default::default()
                },
                "privacy policy URL",
            ),
            (
                ConfigurationSpec {
                    customer_updates: Some(vec!["password".into()]),
                    ..Default::default()
                },
                "customer updates",
            ),
            (
                ConfigurationSpec {
                    plan_products: Some((0..11).map(|n| format!("prod_{n}x")).collect()),
                    ..Default::default()
                },
                "plan products",
            ),
            (
                ConfigurationSpec {
                    plan_products: Some(vec!["prod_NotCached".into()]),
                    ..Default::default()
                },
                "plan products",
            ),
            (
                ConfigurationSpec {
                    plan_proration: Some("sometimes".into()),
                    ..Default::default()
                },
                "plan proration",
            ),
            (
                ConfigurationSpec {
                    cancel_mode: Some(CancelMode::AtPeriodEnd),
                    cancel_proration: Some("create_prorations".into()),
                    ..Default::default()
                },
                "cancel proration",
            ),
        ];
        for (spec, field) in cases {
            match encode(&spec, &cache, None, false) {
                Err(
                    PortalError::InvalidValue { field: named, .. }
                    | PortalError::InvalidUrl { field: named, .. },
                ) => {
                    assert_eq!(named, field)
                }
                other => panic!("{field}: expected a refusal, got {other:?}"),
            }
        }
        let empty = encode(&ConfigurationSpec::default(), &cache, None, true);
        assert!(empty.is_err(), "a configuration needs a feature");
    }

    #[test]
    fn stripes_rules_for_a_new_configuration_are_kept_before_sending() {
        let cache = cache();
        // Plan switching needs card updates, and on create an unset feature is off.
        let switching = ConfigurationSpec {
            plan_switching: Some(true),
            ..Default::default()
        };
        for creating in [true, false] {
            let spec = ConfigurationSpec {
                payment_method_update: (!creating).then_some(false),
                ..switching.clone()
            };
            assert!(
                matches!(
                    encode(&spec, &cache, None, creating),
                    Err(PortalError::InvalidValue {
                        field: "plan switching",
                        ..
                    })
                ),
                "creating: {creating}"
            );
        }
        // An update may leave card updates as they are.
        assert!(encode(&switching, &cache, None, false).is_ok());

        // Empty text unsets on update; on create it is left out, as Stripe refuses it.
        let blank = ConfigurationSpec {
            headline: Some(" ".into()),
            default_return_url: Some(String::new()),
            invoice_history: Some(true),
            ..Default::default()
        };
        let created = encode(&blank, &cache, None, true).expect("valid");
        assert!(created.iter().all(|(_, v)| !v.is_empty()), "{created:?}");
        let updated = encode(&blank, &cache, None, false).expect("valid");
        assert!(
            updated
                .iter()
                .any(|(k, v)| k == "default_return_url" && v.is_empty())
        );
    }

    #[test]
    fn the_form_uses_stripes_brackets_and_escapes_values() {
        let spec = ConfigurationSpec {
            headline: Some("Café & Co".into()),
            customer_updates: Some(vec!["email".into(), "Address".into(), "email".into()]),
            cancel_mode: Some(CancelMode::Immediately),
            ..Default::default()
        };
        let form = encode(&spec, &cache(), None, false).expect("valid");
        assert_eq!(
            form_body(&form),
            "business_profile%5Bheadline%5D=Caf%C3%A9%20%26%20Co\
             &features%5Bcustomer_update%5D%5Benabled%5D=true\
             &features%5Bcustomer_update%5D%5Ballowed_updates%5D%5B%5D=email\
             &features%5Bcustomer_update%5D%5Ballowed_updates%5D%5B%5D=address\
             &features%5Bsubscription_cancel%5D%5Benabled%5D=true\
             &features%5Bsubscription_cancel%5D%5Bmode%5D=immediately"
        );
    }
}
