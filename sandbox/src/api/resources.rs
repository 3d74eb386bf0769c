//! Customers, subscriptions, invoices, payment methods, prices, products,
//! events, balance and account.

use serde_json::{Value, json};

use super::errors::{ApiError, boolean, string};
use super::list::{ListParams, expand_path, expand_paths, page};
use crate::store::Kind;
use crate::{Shared, State};

pub fn list_customers(state: &State, params: &Value) -> Result<Value, ApiError> {
    let list = ListParams::parse(params)?;
    let email = string(params, "email");
    let clock = test_clock(state, params)?;
    page(&state.store, Kind::Customer, &list, "/v1/customers", |c| {
        email.is_none_or(|e| c["email"].as_str() == Some(e)) && on_clock(c, clock)
    })
}

/// `test_clock`, which must name a clock of the account.
fn test_clock<'p>(state: &State, params: &'p Value) -> Result<Option<&'p str>, ApiError> {
    let clock = string(params, "test_clock");
    if let Some(id) = clock
        && state.store.collection(Kind::TestClock).get(id).is_none()
    {
        return Err(ApiError::no_such(
            "test_helpers.test_clock",
            id,
            "test_clock",
            400,
        ));
    }
    Ok(clock)
}

/// Stripe lists an object attached to a test clock only when that clock is
/// asked for, and one on no clock only when none is.
fn on_clock(object: &Value, clock: Option<&str>) -> bool {
    object["test_clock"].as_str() == clock
}

/// `GET /v1/test_helpers/test_clocks`.
pub fn list_test_clocks(state: &State, params: &Value) -> Result<Value, ApiError> {
    let list = ListParams::parse(params)?;
    page(
        &state.store,
        Kind::TestClock,
        &list,
        "/v1/test_helpers/test_clocks",
        |_| true,
    )
}

/// `GET /v1/coupons`.
pub fn list_coupons(state: &State, params: &Value) -> Result<Value, ApiError> {
    let list = ListParams::parse(params)?;
    page(&state.store, Kind::Coupon, &list, "/v1/coupons", |_| true)
}

pub fn retrieve_customer(state: &State, id: &str, params: &Value) -> Result<Value, ApiError> {
    if state.store.is_deleted(id) {
        return Ok(json!({"id": id, "object": "customer", "deleted": true}));
    }
    retrieve(state, Kind::Customer, id, params)
}

/// Any object by id, with `expand[]`.
pub fn retrieve(state: &State, kind: Kind, id: &str, params: &Value) -> Result<Value, ApiError> {
    let mut value = state
        .store
        .collection(kind)
        .get(id)
        .ok_or_else(|| ApiError::no_such(kind.object(), id, "id", 404))?;
    for path in expand_paths(params)? {
        expand_path(&state.store, &mut value, &path)?;
    }
    Ok(value)
}

/// `GET /v1/customers/{id}/payment_methods`: an unknown customer is a 404.
pub fn list_customer_payment_methods(
    state: &State,
    customer: &str,
    params: &Value,
) -> Result<Value, ApiError> {
    let url = format!("/v1/customers/{customer}/payment_methods");
    payment_methods_of(state, customer, params, &url, 404)
}

/// `GET /v1/payment_methods?customer=`: the customer is a required parameter.
pub fn list_payment_methods(state: &State, params: &Value) -> Result<Value, ApiError> {
    let customer = string(params, "customer").ok_or_else(|| ApiError::missing("customer"))?;
    payment_methods_of(state, customer, params, "/v1/payment_methods", 400)
}

fn payment_methods_of(
    state: &State,
    customer: &str,
    params: &Value,
    url: &str,
    missing_status: u16,
) -> Result<Value, ApiError> {
    if !state.store.collection(Kind::Customer).contains(customer) {
        return Err(ApiError::no_such(
            "customer",
            customer,
            "customer",
            missing_status,
        ));
    }
    let list = ListParams::parse(params)?;
    let kind = string(params, "type");
    page(&state.store, Kind::PaymentMethod, &list, url, |pm| {
        pm["customer"].as_str() == Some(customer)
            && kind.is_none_or(|t| pm["type"].as_str() == Some(t))
    })
}

const SUBSCRIPTION_STATUSES: &[&str] = &[
    "active",
    "all",
    "canceled",
    "ended",
    "incomplete",
    "incomplete_expired",
    "past_due",
    "paused",
    "trialing",
    "unpaid",
];

pub fn list_subscriptions(state: &State, params: &Value) -> Result<Value, ApiError> {
    let list = ListParams::parse(params)?;
    let customer = string(params, "customer");
    let price = string(params, "price");
    let status = string(params, "status");
    let clock = test_clock(state, params)?;
    if let Some(status) = status
        && !SUBSCRIPTION_STATUSES.contains(&status)
    {
        return Err(ApiError::invalid(
            format!(
                "Invalid status: must be one of {}",
                SUBSCRIPTION_STATUSES.join(", ")
            ),
            Some("status"),
        ));
    }
    page(
        &state.store,
        Kind::Subscription,
        &list,
        "/v1/subscriptions",
        |s| {
            let own = s["status"].as_str().unwrap_or_default();
            let status_ok = match status {
                // Without a status, Stripe leaves canceled subscriptions out.
                None => !matches!(own, "canceled" | "incomplete_expired"),
                Some("all") => true,
                Some("ended") => matches!(own, "canceled" | "incomplete_expired"),
                Some(wanted) => own == wanted,
            };
            status_ok
                && on_clock(s, clock)
                && customer.is_none_or(|c| s["customer"].as_str() == Some(c))
                && price.is_none_or(|p| {
                    s["items"]["data"].as_array().is_some_and(|items| {
                        items.iter().any(|i| i["price"]["id"].as_str() == Some(p))
                    })
                })
        },
    )
}

pub fn list_invoices(state: &State, params: &Value) -> Result<Value, ApiError> {
    let list = ListParams::parse(params)?;
    let customer = string(params, "customer");
    let status = string(params, "status");
    let subscription = string(params, "subscription");
    if let Some(status) = status
        && !["draft", "open", "paid", "uncollectible", "void"].contains(&status)
    {
        return Err(ApiError::invalid(
            "Invalid status: must be one of draft, open, paid, uncollectible, or void",
            Some("status"),
        ));
    }
    page(&state.store, Kind::Invoice, &list, "/v1/invoices", |i| {
        customer.is_none_or(|c| i["customer"].as_str() == Some(c))
            && status.is_none_or(|s| i["status"].as_str() == Some(s))
            && subscription.is_none_or(|s| {
                i["parent"]["subscription_details"]["subscription"].as_str() == Some(s)
            })
    })
}

pub fn list_prices(state: &State, params: &Value) -> Result<Value, ApiError> {
    let list = ListParams::parse(params)?;
    let active = boolean(params, "active")?;
    let product = string(params, "product");
    let currency = string(params, "currency");
    page(&state.store, Kind::Price, &list, "/v1/prices", |p| {
        active.is_none_or(|a| p["active"].as_bool() == Some(a))
            && product.is_none_or(|x| p["product"].as_str() == Some(x))
            && currency.is_none_or(|c| p["currency"].as_str() == Some(c))
    })
}

pub fn list_products(state: &State, params: &Value) -> Result<Value, ApiError> {
    let list = ListParams::parse(params)?;
    let active = boolean(params, "active")?;
    page(&state.store, Kind::Product, &list, "/v1/products", |p| {
        active.is_none_or(|a| p["active"].as_bool() == Some(a))
    })
}

pub fn list_events(state: &State, params: &Value) -> Result<Value, ApiError> {
    let list = ListParams::parse(params)?;
    let single = string(params, "type").map(str::to_owned);
    let many: Vec<String> = match params.get("types") {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|t| t.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    };
    if single.is_some() && !many.is_empty() {
        return Err(ApiError::invalid(
            "You may only specify one of these parameters: type, types.",
            Some("types"),
        ));
    }
    if many.len() > 20 {
        return Err(ApiError::invalid(
            "Invalid array: types may have at most 20 elements.",
            Some("types"),
        ));
    }
    // `type` takes one name or a `*` pattern; `types[]` takes exact names only.
    page(&state.store, Kind::Event, &list, "/v1/events", |e| {
        let kind = e["type"].as_str().unwrap_or_default();
        match &single {
            Some(pattern) => glob(pattern, kind),
            None => many.is_empty() || many.iter().any(|name| name == kind),
        }
    })
}

/// Stripe's event-type patterns: `*` matches any run of characters.
fn glob(pattern: &str, text: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == text,
        Some((head, tail)) => {
            text.starts_with(head)
                && (0..=text.len() - head.len()).any(|i| {
                    text.is_char_boundary(head.len() + i) && glob(tail, &text[head.len() + i..])
                })
        }
    }
}

pub fn balance(shared: &Shared) -> Value {
    let mut balance = shared.templates.get("balance");
    balance["livemode"] = json!(false);
    balance
}

pub fn account(shared: &Shared, state: &State) -> Value {
    let mut account = shared.templates.get("account");
    account["id"] = json!(state.account_id);
    // Opened a day before the dataset's first object (customers span two years).
    account["created"] = json!(state.dataset.now - 2 * 365 * 86_400 - 86_400);
    account["email"] = json!("owner@sandbox-coffee.example");
    account["country"] = json!("US");
    account["default_currency"] = json!("usd");
    account["business_profile"]["name"] = json!("Sandbox Coffee Roasters");
    account["business_profile"]["url"] = json!("https://sandbox-coffee.example");
    account["settings"]["dashboard"]["display_name"] = json!("Sandbox Coffee");
    account
}

/// `/v1/customers/search`: a useful subset of Stripe's query language:
/// `field:'value'` (exact, case-insensitive), `field~'value'` (substring),
/// `-` to negate, clauses joined by `AND` or by `OR` (not both), over
/// `email`, `name`, `phone` and `metadata['key']`.
pub fn search_customers(state: &State, params: &Value) -> Result<Value, ApiError> {
    let query = string(params, "query").ok_or_else(|| ApiError::missing("query"))?;
    let limit = match string(params, "limit") {
        None => 10,
        Some(text) => match text.parse::<usize>() {
            Ok(n) if (1..=100).contains(&n) => n,
            _ => {
                return Err(ApiError::invalid(
                    "Invalid limit: must be between 1 and 100.",
                    Some("limit"),
                ));
            }
        },
    };
    let offset = match string(params, "page") {
        None => 0,
        Some(token) => token
            .strip_prefix("page_")
            .and_then(|n| n.parse::<usize>().ok())
            .ok_or_else(|| ApiError::invalid("Invalid page token.", Some("page")))?,
    };
    let search = Query::parse(query)?;
    let matching: Vec<&crate::store::Record> = state
        .store
        .collection(Kind::Customer)
        .records()
        .iter()
        .rev()
        .filter(|r| search.matches(r.fields()))
        .collect();
    let data: Vec<Value> = matching
        .iter()
        .skip(offset)
        .take(limit)
        .map(|r| r.value())
        .collect();
    let has_more = matching.len() > offset + limit;
    Ok(json!({
        "object": "search_result",
        "data": data,
        "has_more": has_more,
        "next_page": if has_more { Some(format!("page_{}", offset + limit)) } else { None },
        "url": "/v1/customers/search",
    }))
}

struct Clause {
    field: String,
    value: String,
    substring: bool,
    negated: bool,
}

struct Query {
    clauses: Vec<Clause>,
    any: bool,
}

impl Query {
    fn parse(text: &str) -> Result<Query, ApiError> {
        let bad =
            |why: &str| ApiError::invalid(format!("Invalid search query: {why}"), Some("query"));
        let has_and = text.contains(" AND ");
        let has_or = text.contains(" OR ");
        if has_and && has_or {
            return Err(bad("AND and OR cannot be combined in one query"));
        }
        let separator = if has_or { " OR " } else { " AND " };
        let mut clauses = Vec::new();
        for raw in text.split(separator) {
            let raw = raw.trim();
            let (negated, raw) = match raw.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, raw),
            };
            let split = raw
                .find([':', '~'])
                .ok_or_else(|| bad(&format!("expected field:value in {raw:?}")))?;
            let (field, rest) = raw.split_at(split);
            let substring = rest.starts_with('~');
            let value = rest[1..].trim();
            let value = value
                .strip_prefix('\'')
                .and_then(|v| v.strip_suffix('\''))
                .or_else(|| value.strip_prefix('"').and_then(|v| v.strip_suffix('"')))
                .unwrap_or(value);
            let field = field.trim();
            let known =
                ["email", "name", "phone"].contains(&field) || field.starts_with("metadata[");
            if !known {
                return Err(bad(&format!("unsupported field {field:?}")));
            }
            if substring && value.chars().count() < 3 {
                return Err(bad("substring matches need at least 3 characters"));
            }
            clauses.push(Clause {
                field: field.to_owned(),
                value: value.to_lowercase(),
                substring,
                negated,
            });
        }
        Ok(Query {
            clauses,
            any: has_or,
        })
    }

    fn matches(&self, customer: &Value) -> bool {
        let test = |clause: &Clause| {
            let field = if let Some(key) = clause.field.strip_prefix("metadata[") {
                let key = key
                    .trim_end_matches(']')
                    .trim_matches(|c| c == '\'' || c == '"');
                customer["metadata"][key].as_str()
            } else {
                customer[clause.field.as_str()].as_str()
            };
            let hit = field.is_some_and(|v| {
                let v = v.to_lowercase();
                if clause.substring {
                    v.contains(&clause.value)
                } else {
                    v == clause.value
                }
            });
            hit != clause.negated
        };
        if self.any {
            self.clauses.iter().any(test)
        } else {
            self.clauses.iter().all(test)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::glob;

    #[test]
    fn event_type_wildcards() {
        assert!(glob("customer.*", "customer.subscription.updated"));
        assert!(glob("*.updated", "customer.updated"));
        assert!(!glob("customer.*", "invoice.paid"));
        assert!(glob("invoice.paid", "invoice.paid"));
    }
}
