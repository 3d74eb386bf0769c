//! What a user sets in a configuration ([`ConfigurationSpec`]), the values
//! its fields take, and the spec of a configuration Stripe has ([`spec_of`]).

use serde::{Deserialize, Serialize};

use super::invalid;
use crate::error::quote;
use crate::portal::PortalError;

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
    /// Its word, Stripe's: `off`, `at_period_end` or `immediately`, which
    /// [`CancelMode::parse`] reads back.
    pub fn as_str(self) -> &'static str {
        match self {
            CancelMode::Off => "off",
            CancelMode::AtPeriodEnd => "at_period_end",
            CancelMode::Immediately => "immediately",
        }
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_cancel_mode_s_word_reads_back() {
        for mode in [
            CancelMode::Off,
            CancelMode::AtPeriodEnd,
            CancelMode::Immediately,
        ] {
            assert_eq!(CancelMode::parse(mode.as_str()).ok(), Some(mode));
        }
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
}
