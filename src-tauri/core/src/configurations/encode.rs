//! A [`ConfigurationSpec`] checked and encoded as Stripe's bracketed form:
//! every value is checked before any request, with the field named.

use super::invalid;
use super::spec::{
    CANCEL_REASONS, CUSTOMER_FIELDS, CancelMode, ConfigurationSpec, MAX_PLAN_PRODUCTS, PLAN_UPDATES,
};
use crate::api_base::ApiBase;
use crate::cache::Cache;
use crate::error::quote;
use crate::percent;
use crate::portal::{PortalError, check_url};
use crate::sync::objects::is_chosen_id;

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
        if mode != CancelMode::Off {
            put("features[subscription_cancel][mode]", mode.as_str().into());
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
    Ok(cache.read(|conn| crate::cache::prices::recurring_of_product(conn, product))?)
}

/// The body Stripe receives for `form`: `application/x-www-form-urlencoded`.
pub fn form_body(form: &[(String, String)]) -> String {
    form.iter()
        .map(|(k, v)| format!("{}={}", percent::encode(k), percent::encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache() -> Cache {
        Cache::in_memory().expect("cache")
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
