//! Billing portal sessions and configurations.

use serde_json::{Value, json};

use super::errors::{ApiError, boolean, string};
use super::list::{ListParams, page};
use crate::store::Kind;
use crate::{Shared, State};

const LOCALES: &[&str] = &[
    "auto", "bg", "cs", "da", "de", "el", "en", "en-AU", "en-CA", "en-GB", "en-IE", "en-IN",
    "en-NZ", "en-SG", "es", "es-419", "et", "fi", "fil", "fr", "fr-CA", "hr", "hu", "id", "it",
    "ja", "ko", "lt", "lv", "ms", "mt", "nb", "nl", "pl", "pt", "pt-BR", "ro", "ru", "sk", "sl",
    "sv", "th", "tr", "vi", "zh", "zh-HK", "zh-TW",
];

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

fn url_param(params: &Value, path: &[&str], name: &str) -> Result<Option<String>, ApiError> {
    let mut node = params;
    for segment in path {
        node = &node[*segment];
    }
    match node.as_str() {
        None | Some("") => Ok(None),
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
            Ok(Some(url.to_owned()))
        }
        Some(_) => Err(ApiError::invalid("Not a valid URL", Some(name))),
    }
}

/// `POST /v1/billing_portal/sessions`.
pub fn create_session(
    shared: &Shared,
    state: &mut State,
    params: &Value,
) -> Result<Value, ApiError> {
    let customer = string(params, "customer").ok_or_else(|| ApiError::missing("customer"))?;
    if !state.store.collection(Kind::Customer).contains(customer) {
        return Err(ApiError::no_such("customer", customer, "customer", 400));
    }
    let configuration = match string(params, "configuration") {
        Some(id) => {
            let config = state
                .store
                .collection(Kind::PortalConfiguration)
                .get(id)
                .ok_or_else(|| ApiError::no_such("configuration", id, "configuration", 400))?;
            if config["active"] == json!(false) {
                return Err(ApiError::invalid(
                    format!("The configuration {id} is not active."),
                    Some("configuration"),
                ));
            }
            config.clone()
        }
        None => default_configuration(state)
            .ok_or_else(|| ApiError::invalid(no_default_message(state), None))?,
    };
    let return_url = url_param(params, &["return_url"], "return_url")?.or_else(|| {
        configuration["default_return_url"]
            .as_str()
            .map(str::to_owned)
    });
    let locale = string(params, "locale");
    if let Some(locale) = locale
        && !LOCALES.contains(&locale)
    {
        return Err(ApiError::invalid(
            format!("Invalid locale: {locale}"),
            Some("locale"),
        ));
    }
    let flow = match params.get("flow_data") {
        None | Some(Value::Null) => Value::Null,
        Some(flow_data) => flow(state, customer, &configuration, flow_data)?,
    };

    let id = state.rng.id("bps_");
    let mut session = shared.templates.get("billing_portal.session");
    session["id"] = json!(id);
    session["object"] = json!("billing_portal.session");
    session["configuration"] = configuration["id"].clone();
    session["created"] = json!(now());
    session["customer"] = json!(customer);
    session["customer_account"] = Value::Null;
    session["livemode"] = json!(false);
    session["locale"] = json!(locale);
    session["on_behalf_of"] = Value::Null;
    session["return_url"] = json!(return_url);
    session["flow"] = flow;
    session["url"] = json!(match shared.conditions().portal_domain.clone() {
        Some(domain) => format!("https://{domain}/p/session/{id}"),
        None => format!("{}/_portal/{id}", shared.base_url),
    });
    state.store.insert(Kind::PortalSession, session.clone());
    Ok(session)
}

fn default_configuration(state: &State) -> Option<Value> {
    state
        .store
        .collection(Kind::PortalConfiguration)
        .records()
        .iter()
        .rev()
        .find(|r| r.fields()["is_default"] == json!(true))
        .map(|r| r.value())
}

/// Stripe's exact message for a fresh account without saved portal settings.
fn no_default_message(state: &State) -> String {
    let live = state.keys.iter().all(|k| k.live());
    let (mode, path) = if live {
        ("live", "")
    } else {
        ("test", "test/")
    };
    format!(
        "No configuration provided and your {mode} mode default configuration has not been created. Provide a configuration or create your default by saving your customer portal settings in {mode} mode at https://dashboard.stripe.com/{path}settings/billing/portal."
    )
}

/// Validates `flow_data` by Stripe's rules and returns the session's `flow`.
fn flow(
    state: &State,
    customer: &str,
    configuration: &Value,
    data: &Value,
) -> Result<Value, ApiError> {
    let kind = data["type"]
        .as_str()
        .ok_or_else(|| ApiError::missing("flow_data[type]"))?;
    let after = &data["after_completion"];
    let after_type = after["type"].as_str().unwrap_or("portal_homepage");
    let after_completion = match after_type {
        "portal_homepage" => {
            json!({"type": "portal_homepage", "hosted_confirmation": null, "redirect": null})
        }
        "hosted_confirmation" => json!({
            "type": "hosted_confirmation",
            "hosted_confirmation": {"custom_message": after["hosted_confirmation"]["custom_message"].as_str()},
            "redirect": null
        }),
        "redirect" => {
            let url = url_param(
                data,
                &["after_completion", "redirect", "return_url"],
                "flow_data[after_completion][redirect][return_url]",
            )?
            .ok_or_else(|| {
                ApiError::missing("flow_data[after_completion][redirect][return_url]")
            })?;
            json!({"type": "redirect", "hosted_confirmation": null, "redirect": {"return_url": url}})
        }
        other => {
            return Err(ApiError::invalid(
                format!(
                    "Invalid flow_data[after_completion][type]: {other}; must be one of hosted_confirmation, portal_homepage, or redirect"
                ),
                Some("flow_data[after_completion][type]"),
            ));
        }
    };
    let mut flow = json!({
        "type": kind,
        "after_completion": after_completion,
        "subscription_cancel": null,
        "subscription_update": null,
        "subscription_update_confirm": null,
    });
    let feature_enabled =
        |feature: &str| configuration["features"][feature]["enabled"] == json!(true);
    let subscription_of = |section: &str| -> Result<Value, ApiError> {
        let param = format!("flow_data[{section}][subscription]");
        let id = data[section]["subscription"]
            .as_str()
            .filter(|s| !s.is_empty())
            .ok_or_else(|| ApiError::missing(&param))?;
        let sub = state
            .store
            .collection(Kind::Subscription)
            .get(id)
            .ok_or_else(|| ApiError::no_such("subscription", id, &param, 400))?;
        if sub["customer"].as_str() != Some(customer) {
            return Err(ApiError::invalid(
                format!("The subscription {id} does not belong to customer {customer}."),
                Some(&param),
            ));
        }
        if sub["status"] == json!("canceled") {
            return Err(ApiError::invalid(
                format!("The subscription {id} has been canceled."),
                Some(&param),
            ));
        }
        let status = sub["status"].as_str().unwrap_or_default();
        if !flow_acts_on(section, status) {
            return Err(ApiError::invalid(
                format!(
                    "The subscription {id} is {status}, and the customer portal can't {} it.",
                    if section == "subscription_cancel" {
                        "cancel"
                    } else {
                        "update"
                    }
                ),
                Some(&param),
            ));
        }
        Ok(sub)
    };
    match kind {
        "payment_method_update" => {
            if !feature_enabled("payment_method_update") {
                return Err(feature_disabled("payment_method_update"));
            }
        }
        "subscription_cancel" => {
            let sub = subscription_of("subscription_cancel")?;
            if !feature_enabled("subscription_cancel") {
                return Err(feature_disabled("subscription_cancel"));
            }
            let retention = &data["subscription_cancel"]["retention"];
            let retention = if retention.is_object() {
                let coupon = retention["coupon_offer"]["coupon"]
                    .as_str()
                    .ok_or_else(|| {
                        ApiError::missing(
                            "flow_data[subscription_cancel][retention][coupon_offer][coupon]",
                        )
                    })?;
                if state.store.collection(Kind::Coupon).get(coupon).is_none() {
                    return Err(ApiError::no_such(
                        "coupon",
                        coupon,
                        "flow_data[subscription_cancel][retention][coupon_offer][coupon]",
                        400,
                    ));
                }
                json!({"type": "coupon_offer", "coupon_offer": {"coupon": coupon}})
            } else {
                Value::Null
            };
            flow["subscription_cancel"] =
                json!({"subscription": sub["id"], "retention": retention});
        }
        "subscription_update" => {
            let sub = subscription_of("subscription_update")?;
            if !feature_enabled("subscription_update") {
                return Err(feature_disabled("subscription_update"));
            }
            flow["subscription_update"] = json!({"subscription": sub["id"]});
        }
        "subscription_update_confirm" => {
            let sub = subscription_of("subscription_update_confirm")?;
            let items = data["subscription_update_confirm"]["items"]
                .as_array()
                .filter(|i| !i.is_empty())
                .ok_or_else(|| {
                    ApiError::missing("flow_data[subscription_update_confirm][items]")
                })?;
            let mut confirmed = Vec::new();
            for (n, item) in items.iter().enumerate() {
                let param = format!("flow_data[subscription_update_confirm][items][{n}][id]");
                let id = item["id"]
                    .as_str()
                    .ok_or_else(|| ApiError::missing(&param))?;
                let belongs = sub["items"]["data"]
                    .as_array()
                    .is_some_and(|own| own.iter().any(|i| i["id"].as_str() == Some(id)));
                if !belongs {
                    return Err(ApiError::no_such("subscription item", id, &param, 400));
                }
                if let Some(price) = item["price"].as_str()
                    && !state.store.collection(Kind::Price).contains(price)
                {
                    return Err(ApiError::no_such(
                        "price",
                        price,
                        &format!("flow_data[subscription_update_confirm][items][{n}][price]"),
                        400,
                    ));
                }
                let quantity = match item["quantity"].as_str() {
                    None => Value::Null,
                    Some(q) => json!(q.parse::<u64>().map_err(|_| ApiError::invalid(
                        format!("Invalid integer: {q}"),
                        Some("quantity")
                    ))?),
                };
                confirmed
                    .push(json!({"id": id, "price": item["price"].as_str(), "quantity": quantity}));
            }
            flow["subscription_update_confirm"] =
                json!({"subscription": sub["id"], "items": confirmed, "discounts": null});
        }
        other => {
            return Err(ApiError::invalid(
                format!(
                    "Invalid flow_data[type]: {other}; must be one of payment_method_update, subscription_cancel, subscription_update, or subscription_update_confirm"
                ),
                Some("flow_data[type]"),
            ));
        }
    }
    Ok(flow)
}

fn feature_disabled(feature: &str) -> ApiError {
    ApiError::invalid(
        format!(
            "This flow cannot be used because the {feature} feature is disabled in the portal configuration."
        ),
        Some("flow_data[type]"),
    )
}

/// `GET /v1/billing_portal/configurations`.
pub fn list_configurations(state: &State, params: &Value) -> Result<Value, ApiError> {
    let list = ListParams::parse(params)?;
    let is_default = boolean(params, "is_default")?;
    let active = boolean(params, "active")?;
    page(
        &state.store,
        Kind::PortalConfiguration,
        &list,
        "/v1/billing_portal/configurations",
        |c| {
            is_default.is_none_or(|d| c["is_default"].as_bool() == Some(d))
                && active.is_none_or(|a| c["active"].as_bool() == Some(a))
        },
    )
}

/// `POST /v1/billing_portal/configurations`.
pub fn create_configuration(
    shared: &Shared,
    state: &mut State,
    params: &Value,
) -> Result<Value, ApiError> {
    let mut config = shared.templates.get("billing_portal.configuration");
    let id = state.rng.id("bpc_");
    config["id"] = json!(id);
    config["created"] = json!(now());
    config["updated"] = json!(now());
    config["is_default"] = json!(false);
    config["active"] = json!(true);
    config["livemode"] = json!(false);
    config["application"] = Value::Null;
    config["name"] = Value::Null;
    config["metadata"] = json!({});
    config["default_return_url"] = Value::Null;
    config["business_profile"] =
        json!({"headline": null, "privacy_policy_url": null, "terms_of_service_url": null});
    config["login_page"] = json!({"enabled": false, "url": null});
    config["features"] = json!({
        "customer_update": {"allowed_updates": [], "enabled": false},
        "invoice_history": {"enabled": false},
        "payment_method_update": {"enabled": false, "payment_method_configuration": null},
        "subscription_cancel": {"cancellation_reason": {"enabled": false, "options": []}, "enabled": false, "mode": "at_period_end", "proration_behavior": "none"},
        "subscription_update": {"default_allowed_updates": [], "enabled": false, "proration_behavior": "none", "products": [], "schedule_at_period_end": {"conditions": []}, "trial_update_behavior": "end_trial", "billing_cycle_anchor": null},
    });
    if params.get("features").is_none() {
        return Err(ApiError::missing("features"));
    }
    // An empty string unsets a field, and on create there is nothing to unset.
    for (path, name) in [
        (
            ["business_profile", "headline"],
            "business_profile[headline]",
        ),
        (
            ["business_profile", "privacy_policy_url"],
            "business_profile[privacy_policy_url]",
        ),
        (
            ["business_profile", "terms_of_service_url"],
            "business_profile[terms_of_service_url]",
        ),
        (["default_return_url", ""], "default_return_url"),
    ] {
        let value = match path {
            [field, ""] => &params[field],
            [outer, inner] => &params[outer][inner],
        };
        if value.as_str() == Some("") {
            return Err(ApiError::invalid(
                format!(
                    "You passed an empty string for '{name}'. We assume empty values are an attempt to unset a parameter; however '{name}' cannot be unset. You should remove '{name}' from your request or supply a non-empty value."
                ),
                Some(name),
            ));
        }
    }
    apply_configuration(shared, state, &mut config, params)?;
    if params.get("is_default").is_some() {
        return Err(ApiError::invalid(
            "Received unknown parameter: is_default",
            Some("is_default"),
        ));
    }
    state
        .store
        .insert(Kind::PortalConfiguration, config.clone());
    Ok(config)
}

/// Whether a deep-link flow acts on a subscription in `status`. The portal
/// changes the plan only of a subscription that is active or trialing (one
/// that is past due, unpaid or paused is settled with a payment method
/// first), and cancels any that has started and not ended: not one still
/// `incomplete` (its first payment never went through) or `incomplete_expired`.
/// Stripe's documentation gives the rule, not its wording; the message is ours.
fn flow_acts_on(section: &str, status: &str) -> bool {
    match section {
        "subscription_cancel" => matches!(
            status,
            "active" | "trialing" | "past_due" | "unpaid" | "paused"
        ),
        _ => matches!(status, "active" | "trialing"),
    }
}

/// `POST /v1/billing_portal/configurations/{id}`.
pub fn update_configuration(
    shared: &Shared,
    state: &mut State,
    id: &str,
    params: &Value,
) -> Result<Value, ApiError> {
    let mut config = state
        .store
        .collection(Kind::PortalConfiguration)
        .get(id)
        .ok_or_else(|| {
            ApiError::no_such("billing_portal.configuration", id, "configuration", 404)
        })?;
    apply_configuration(shared, state, &mut config, params)?;
    if let Some(active) = boolean(params, "active")? {
        config["active"] = json!(active);
    }
    config["updated"] = json!(now());
    state
        .store
        .insert(Kind::PortalConfiguration, config.clone());
    Ok(config)
}

/// Applies the writable fields in `params` to `config`, checking each.
fn apply_configuration(
    shared: &Shared,
    state: &mut State,
    config: &mut Value,
    params: &Value,
) -> Result<(), ApiError> {
    let profile = &params["business_profile"];
    if let Some(headline) = profile["headline"].as_str() {
        if headline.chars().count() > 60 {
            return Err(ApiError::invalid(
                "The headline must be at most 60 characters.",
                Some("business_profile[headline]"),
            ));
        }
        config["business_profile"]["headline"] = json!(Some(headline).filter(|h| !h.is_empty()));
    }
    for field in ["privacy_policy_url", "terms_of_service_url"] {
        if profile.get(field).is_some() {
            config["business_profile"][field] = json!(url_param(
                params,
                &["business_profile", field],
                &format!("business_profile[{field}]")
            )?);
        }
    }
    if params.get("default_return_url").is_some() {
        config["default_return_url"] = json!(url_param(
            params,
            &["default_return_url"],
            "default_return_url"
        )?);
    }
    if let Some(name) = params["name"].as_str() {
        config["name"] = json!(Some(name).filter(|n| !n.is_empty()));
    }
    if let Some(metadata) = params["metadata"].as_object() {
        for (k, v) in metadata {
            config["metadata"][k] = v.clone();
        }
    }
    if let Some(enabled) = boolean(&params["login_page"], "enabled")? {
        let was = config["login_page"]["enabled"] == json!(true);
        if enabled && !was {
            let token = state.rng.id("")[..20].to_owned();
            let url = match shared.conditions().portal_domain.clone() {
                Some(domain) => format!("https://{domain}/p/login/{token}"),
                None => format!("{}/_login/{token}", shared.base_url),
            };
            state
                .login_pages
                .insert(token, config["id"].as_str().unwrap_or_default().to_owned());
            config["login_page"] = json!({"enabled": true, "url": url});
        } else if !enabled {
            // Disabling revokes the durable link.
            state
                .login_pages
                .retain(|_, c| config["id"].as_str() != Some(c.as_str()));
            config["login_page"] = json!({"enabled": false, "url": null});
        }
    }
    let features = &params["features"];
    let f = &mut config["features"];
    if let Some(cu) = features.get("customer_update") {
        if let Some(enabled) = boolean(cu, "enabled")? {
            f["customer_update"]["enabled"] = json!(enabled);
        }
        if let Some(updates) = cu.get("allowed_updates") {
            let list = strings(updates);
            for u in &list {
                if !["address", "email", "name", "phone", "shipping", "tax_id"]
                    .contains(&u.as_str())
                {
                    return Err(ApiError::invalid(
                        format!("Invalid allowed_updates value: {u}"),
                        Some("features[customer_update][allowed_updates]"),
                    ));
                }
            }
            f["customer_update"]["allowed_updates"] = json!(list);
        }
    }
    if let Some(enabled) = boolean(&features["invoice_history"], "enabled")? {
        f["invoice_history"]["enabled"] = json!(enabled);
    }
    if let Some(enabled) = boolean(&features["payment_method_update"], "enabled")? {
        f["payment_method_update"]["enabled"] = json!(enabled);
    }
    if let Some(cancel) = features.get("subscription_cancel") {
        if let Some(enabled) = boolean(cancel, "enabled")? {
            f["subscription_cancel"]["enabled"] = json!(enabled);
        }
        if let Some(mode) = cancel["mode"].as_str() {
            one_of(
                mode,
                &["immediately", "at_period_end"],
                "features[subscription_cancel][mode]",
            )?;
            f["subscription_cancel"]["mode"] = json!(mode);
        }
        if let Some(p) = cancel["proration_behavior"].as_str() {
            one_of(
                p,
                &["none", "create_prorations", "always_invoice"],
                "features[subscription_cancel][proration_behavior]",
            )?;
            f["subscription_cancel"]["proration_behavior"] = json!(p);
        }
        let reason = &cancel["cancellation_reason"];
        if let Some(enabled) = boolean(reason, "enabled")? {
            f["subscription_cancel"]["cancellation_reason"]["enabled"] = json!(enabled);
        }
        if let Some(options) = reason.get("options") {
            let list = strings(options);
            for o in &list {
                one_of(
                    o,
                    &[
                        "too_expensive",
                        "missing_features",
                        "switched_service",
                        "unused",
                        "customer_service",
                        "too_complex",
                        "low_quality",
                        "other",
                    ],
                    "features[subscription_cancel][cancellation_reason][options]",
                )?;
            }
            f["subscription_cancel"]["cancellation_reason"]["options"] = json!(list);
        }
    }
    if let Some(update) = features.get("subscription_update") {
        if let Some(enabled) = boolean(update, "enabled")? {
            f["subscription_update"]["enabled"] = json!(enabled);
        }
        if let Some(allowed) = update.get("default_allowed_updates") {
            let list = strings(allowed);
            for a in &list {
                one_of(
                    a,
                    &["price", "quantity", "promotion_code"],
                    "features[subscription_update][default_allowed_updates]",
                )?;
            }
            f["subscription_update"]["default_allowed_updates"] = json!(list);
        }
        if let Some(p) = update["proration_behavior"].as_str() {
            one_of(
                p,
                &["none", "create_prorations", "always_invoice"],
                "features[subscription_update][proration_behavior]",
            )?;
            f["subscription_update"]["proration_behavior"] = json!(p);
        }
        if let Some(conditions) = update["schedule_at_period_end"].get("conditions") {
            let list: Vec<Value> = conditions
                .as_array()
                .map(|c| {
                    c.iter()
                        .filter_map(|x| x["type"].as_str().map(|t| json!({"type": t})))
                        .collect()
                })
                .unwrap_or_default();
            f["subscription_update"]["schedule_at_period_end"] = json!({"conditions": list});
        }
        if let Some(products) = update.get("products") {
            let products = products.as_array().cloned().unwrap_or_default();
            if products.len() > 10 {
                return Err(ApiError::invalid(
                    format!(
                        "You can specify at most 10 products (got {}).",
                        products.len()
                    ),
                    Some("features[subscription_update][products]"),
                ));
            }
            let mut checked = Vec::new();
            for (n, entry) in products.iter().enumerate() {
                let param = format!("features[subscription_update][products][{n}][product]");
                let product = entry["product"]
                    .as_str()
                    .ok_or_else(|| ApiError::missing(&param))?;
                if !state.store.collection(Kind::Product).contains(product) {
                    return Err(ApiError::no_such("product", product, &param, 400));
                }
                let prices = strings(&entry["prices"]);
                if prices.is_empty() {
                    return Err(ApiError::missing(&format!(
                        "features[subscription_update][products][{n}][prices]"
                    )));
                }
                for price in &prices {
                    let belongs = state
                        .store
                        .collection(Kind::Price)
                        .get(price)
                        .is_some_and(|p| p["product"].as_str() == Some(product));
                    if !belongs {
                        return Err(ApiError::no_such(
                            "price",
                            price,
                            &format!("features[subscription_update][products][{n}][prices]"),
                            400,
                        ));
                    }
                }
                checked.push(json!({"product": product, "prices": prices, "adjustable_quantity": {"enabled": false, "maximum": null, "minimum": 1}}));
            }
            f["subscription_update"]["products"] = json!(checked);
        }
    }
    let features = &config["features"];
    if features["subscription_update"]["enabled"] == json!(true)
        && features["payment_method_update"]["enabled"] != json!(true)
    {
        return Err(ApiError::invalid(
            "Cannot enable subscription updates while payment method update is disabled.",
            Some("features[subscription_update][enabled]"),
        ));
    }
    Ok(())
}

fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .filter(|s| !s.is_empty())
            .collect(),
        Value::Object(map) => map
            .values()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

fn one_of(value: &str, allowed: &[&str], param: &str) -> Result<(), ApiError> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(ApiError::invalid(
            format!("Invalid {param}: must be one of {}", allowed.join(", ")),
            Some(param),
        ))
    }
}
