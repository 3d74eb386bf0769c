//! Stripe's parameter check. A parameter an endpoint doesn't take is a 400
//! (`parameter_unknown`, "Received unknown parameter: X"), so a client that
//! sends one fails here as it would on Stripe. The lists are Stripe's own for
//! each endpoint the sandbox serves (API reference, 2026), not what the app
//! happens to send: the check must never be stricter than Stripe.
//!
//! A pattern is a parameter in Stripe's bracket notation where `[]` is any
//! array element and `[*]` any key (`metadata[*]`).

use serde_json::Value;

use super::errors::ApiError;

/// Every list's own parameters.
const LIST: &[&str] = &["limit", "starting_after", "ending_before", "expand[]"];

/// A `created` (or other timestamp) filter, as a value or a range.
const CREATED: &[&str] = &[
    "created",
    "created[gt]",
    "created[gte]",
    "created[lt]",
    "created[lte]",
];

const EXPAND: &[&str] = &["expand[]"];

const CUSTOMERS: &[&str] = &["email", "test_clock"];
const CUSTOMER_SEARCH: &[&str] = &["query", "limit", "page", "expand[]"];
const CUSTOMER_PAYMENT_METHODS: &[&str] = &["type", "allow_redisplay"];
const SUBSCRIPTIONS: &[&str] = &[
    "customer",
    "customer_account",
    "price",
    "status",
    "test_clock",
    "collection_method",
    "automatic_tax[enabled]",
    "current_period_end",
    "current_period_end[gt]",
    "current_period_end[gte]",
    "current_period_end[lt]",
    "current_period_end[lte]",
    "current_period_start",
    "current_period_start[gt]",
    "current_period_start[gte]",
    "current_period_start[lt]",
    "current_period_start[lte]",
];
const INVOICES: &[&str] = &[
    "customer",
    "customer_account",
    "subscription",
    "status",
    "collection_method",
    "due_date",
    "due_date[gt]",
    "due_date[gte]",
    "due_date[lt]",
    "due_date[lte]",
];
const PAYMENT_METHODS: &[&str] = &["customer", "customer_account", "type", "allow_redisplay"];
const PRICES: &[&str] = &[
    "active",
    "currency",
    "product",
    "type",
    "lookup_keys[]",
    "recurring[interval]",
    "recurring[meter]",
    "recurring[usage_type]",
];
const PRODUCTS: &[&str] = &["active", "ids[]", "shippable", "url"];
const EVENTS: &[&str] = &["type", "types[]", "delivery_success"];
const CONFIGURATIONS: &[&str] = &["active", "is_default"];

const SESSION: &[&str] = &[
    "customer",
    "customer_account",
    "configuration",
    "locale",
    "on_behalf_of",
    "return_url",
    "expand[]",
    "flow_data[type]",
    "flow_data[after_completion][type]",
    "flow_data[after_completion][hosted_confirmation][custom_message]",
    "flow_data[after_completion][redirect][return_url]",
    "flow_data[subscription_cancel][subscription]",
    "flow_data[subscription_cancel][retention][type]",
    "flow_data[subscription_cancel][retention][coupon_offer][coupon]",
    "flow_data[subscription_update][subscription]",
    "flow_data[subscription_update_confirm][subscription]",
    "flow_data[subscription_update_confirm][items][][id]",
    "flow_data[subscription_update_confirm][items][][price]",
    "flow_data[subscription_update_confirm][items][][quantity]",
    "flow_data[subscription_update_confirm][discounts][][coupon]",
    "flow_data[subscription_update_confirm][discounts][][promotion_code]",
];

/// What a configuration's create and update both take.
const CONFIGURATION_FIELDS: &[&str] = &[
    "expand[]",
    "name",
    "metadata",
    "metadata[*]",
    "default_return_url",
    "business_profile[headline]",
    "business_profile[privacy_policy_url]",
    "business_profile[terms_of_service_url]",
    "login_page[enabled]",
    "features[customer_update][enabled]",
    "features[customer_update][allowed_updates]",
    "features[customer_update][allowed_updates][]",
    "features[invoice_history][enabled]",
    "features[payment_method_update][enabled]",
    "features[payment_method_update][payment_method_configuration]",
    "features[subscription_cancel][enabled]",
    "features[subscription_cancel][mode]",
    "features[subscription_cancel][proration_behavior]",
    "features[subscription_cancel][cancellation_reason][enabled]",
    "features[subscription_cancel][cancellation_reason][options]",
    "features[subscription_cancel][cancellation_reason][options][]",
    "features[subscription_update][enabled]",
    "features[subscription_update][default_allowed_updates]",
    "features[subscription_update][default_allowed_updates][]",
    "features[subscription_update][proration_behavior]",
    "features[subscription_update][billing_cycle_anchor]",
    "features[subscription_update][trial_update_behavior]",
    "features[subscription_update][products]",
    "features[subscription_update][products][][product]",
    "features[subscription_update][products][][prices][]",
    "features[subscription_update][products][][adjustable_quantity][enabled]",
    "features[subscription_update][products][][adjustable_quantity][maximum]",
    "features[subscription_update][products][][adjustable_quantity][minimum]",
    "features[subscription_update][schedule_at_period_end][conditions]",
    "features[subscription_update][schedule_at_period_end][conditions][][type]",
];
/// Only an update takes `active`.
const CONFIGURATION_UPDATE: &[&str] = &["active"];

/// The parameter groups endpoint `method /v1/segments…` takes; `None` for a
/// route the sandbox doesn't serve (the router answers those).
fn accepted(method: &str, segments: &[&str]) -> Option<Vec<&'static [&'static str]>> {
    let list = |own: &'static [&'static str]| Some(vec![LIST, CREATED, own]);
    match (method, segments) {
        ("GET", ["customers"]) => list(CUSTOMERS),
        ("GET", ["customers", "search"]) => Some(vec![CUSTOMER_SEARCH]),
        ("GET", ["customers", _, "payment_methods"]) => Some(vec![LIST, CUSTOMER_PAYMENT_METHODS]),
        ("GET", ["subscriptions"]) => list(SUBSCRIPTIONS),
        ("GET", ["invoices"]) => list(INVOICES),
        ("GET", ["payment_methods"]) => Some(vec![LIST, PAYMENT_METHODS]),
        ("GET", ["prices"]) => list(PRICES),
        ("GET", ["products"]) => list(PRODUCTS),
        ("GET", ["events"]) => list(EVENTS),
        ("GET", ["coupons"]) => list(&[]),
        ("GET", ["test_helpers", "test_clocks"]) => Some(vec![LIST]),
        ("GET", ["billing_portal", "configurations"]) => Some(vec![LIST, CONFIGURATIONS]),
        ("POST", ["billing_portal", "sessions"]) => Some(vec![SESSION]),
        ("POST", ["billing_portal", "configurations"]) => Some(vec![CONFIGURATION_FIELDS]),
        ("POST", ["billing_portal", "configurations", _]) => {
            Some(vec![CONFIGURATION_FIELDS, CONFIGURATION_UPDATE])
        }
        // A single object, the balance and the account take only `expand`.
        ("GET", [_, _] | ["balance" | "account"] | ["test_helpers", "test_clocks", _]) => {
            Some(vec![EXPAND])
        }
        _ => None,
    }
}

/// Refuses a parameter the endpoint doesn't take, as Stripe does.
pub fn check(method: &str, segments: &[&str], params: &Value) -> Result<(), ApiError> {
    let Some(groups) = accepted(method, segments) else {
        return Ok(());
    };
    let mut found = Vec::new();
    if let Value::Object(top) = params {
        for (key, value) in top {
            leaves(value, key.clone(), key.clone(), &mut found);
        }
    }
    match found.into_iter().find(|(_, shape)| {
        !groups
            .iter()
            .flat_map(|group| group.iter())
            .any(|pattern| matches(pattern, shape))
    }) {
        None => Ok(()),
        Some((name, _)) => Err(ApiError {
            code: Some("parameter_unknown"),
            ..ApiError::invalid(format!("Received unknown parameter: {name}"), Some(&name))
        }),
    }
}

/// Every leaf of `value` as (its name, `items[0][id]`; its shape, `items[][id]`).
fn leaves(value: &Value, name: String, shape: String, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(fields) => {
            for (key, child) in fields {
                leaves(
                    child,
                    format!("{name}[{key}]"),
                    format!("{shape}[{key}]"),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                leaves(child, format!("{name}[{index}]"), format!("{shape}[]"), out);
            }
        }
        _ => out.push((name, shape)),
    }
}

fn matches(pattern: &str, shape: &str) -> bool {
    let pattern: Vec<&str> = pattern.split('[').collect();
    let shape: Vec<&str> = shape.split('[').collect();
    pattern.len() == shape.len()
        && pattern
            .iter()
            .zip(&shape)
            .all(|(p, s)| p == s || *p == "*]")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form;

    fn verdict(method: &str, path: &str, query: &str) -> Result<(), String> {
        let segments: Vec<&str> = path.split('/').collect();
        check(method, &segments, &form::decode(query)).map_err(|e| e.message)
    }

    #[test]
    fn what_an_endpoint_takes_passes_and_anything_else_is_named() {
        assert_eq!(
            verdict(
                "GET",
                "customers",
                "limit=100&created[gte]=1&expand[0]=data.invoice_settings.default_payment_method"
            ),
            Ok(())
        );
        assert_eq!(
            verdict("GET", "customers", "limit=10&colour=blue"),
            Err("Received unknown parameter: colour".into())
        );
        assert_eq!(
            verdict("GET", "customers/cus_1", "expand[]=x&limit=3"),
            Err("Received unknown parameter: limit".into())
        );
        assert_eq!(
            verdict(
                "POST",
                "billing_portal/sessions",
                "customer=cus_1&flow_data[type]=subscription_update_confirm&flow_data[subscription_update_confirm][items][0][id]=si_1&flow_data[subscription_update_confirm][items][0][colour]=x"
            ),
            Err(
                "Received unknown parameter: flow_data[subscription_update_confirm][items][0][colour]"
                    .into()
            )
        );
        assert_eq!(
            verdict(
                "POST",
                "billing_portal/configurations/bpc_1",
                "metadata[anything]=1&active=false"
            ),
            Ok(())
        );
        assert_eq!(
            verdict("POST", "billing_portal/configurations", "active=false"),
            Err("Received unknown parameter: active".into())
        );
        assert_eq!(verdict("GET", "no_such_route", "x=1"), Ok(()));
    }
}
