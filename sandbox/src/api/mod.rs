//! The `/v1/` API: authentication, permissions, idempotency and routing.

pub mod control;
pub mod errors;
mod list;
mod params;
mod portal;
mod resources;
mod simulate;

use serde_json::{Value, json};

use crate::http::{Request, Response};
use crate::{API_VERSION, KeySpec, Shared, State, form};
use errors::ApiError;

/// Counts a request under its route ("GET /v1/customers/{id}").
pub fn count(shared: &Shared, request: &Request) {
    let route = operation(request);
    *shared.state().counters.entry(route).or_default() += 1;
}

/// The API operation of `request`, as Stripe's limiters key it: the method and
/// the route, ids replaced ("GET /v1/customers/{id}").
pub fn operation(request: &Request) -> String {
    let path: Vec<&str> = request
        .path
        .split('/')
        .map(|segment| {
            if ROUTE_WORDS.contains(&segment) {
                segment
            } else {
                "{id}"
            }
        })
        .collect();
    format!("{} {}", request.method, path.join("/"))
}

/// Every path segment of the routes the sandbox knows that is not an id. An
/// id can look like anything (`gold-monthly`, `SAVE-20`), so this decides.
const ROUTE_WORDS: &[&str] = &[
    "",
    "v1",
    "customers",
    "search",
    "payment_methods",
    "subscriptions",
    "invoices",
    "prices",
    "products",
    "events",
    "balance",
    "account",
    "coupons",
    "test_helpers",
    "test_clocks",
    "billing_portal",
    "sessions",
    "configurations",
];

/// Answers one authenticated API request.
pub fn dispatch(shared: &Shared, request: &Request) -> Response {
    let mut state = shared.state();
    *state.counters.entry(operation(request)).or_default() += 1;
    let request_id = state.rng.id("req_")[..18].to_owned();
    let response = match answer(shared, &mut state, request) {
        Ok(response) => response,
        Err(error) => error.response(),
    };
    response.with_header("Request-Id", request_id).with_header(
        "Stripe-Version",
        request
            .header("stripe-version")
            .unwrap_or(API_VERSION)
            .to_owned(),
    )
}

fn answer(shared: &Shared, state: &mut State, request: &Request) -> Result<Response, ApiError> {
    let key = authenticate(state, request)?;
    let mut params = form::decode(&request.query);
    if request.method == "POST" {
        let body = form::decode(&String::from_utf8_lossy(&request.body));
        if let (Value::Object(into), Value::Object(from)) = (&mut params, body) {
            into.extend(from);
        }
    }
    log(state, request, &params);

    let idempotency_key = request.header("idempotency-key").map(str::to_owned);
    if request.method == "POST"
        && let Some(idem) = &idempotency_key
        && let Some((seen_params, seen)) = state.idempotency.get(idem)
    {
        if *seen_params != params {
            return Err(ApiError {
                kind: "idempotency_error",
                ..ApiError::invalid(
                    format!(
                        "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{idem}' if you meant to execute a different request."
                    ),
                    None,
                )
            });
        }
        return Ok(seen.clone().with_header("Idempotent-Replayed", "true"));
    }

    // An id chosen by the merchant (`gold monthly`) arrives percent-encoded.
    let decoded: Vec<String> = request
        .path
        .trim_start_matches("/v1/")
        .split('/')
        .map(|segment| {
            percent_encoding::percent_decode_str(segment)
                .decode_utf8_lossy()
                .into_owned()
        })
        .collect();
    let segments: Vec<&str> = decoded.iter().map(String::as_str).collect();
    let permission = required_permission(&request.method, &segments);
    if let (Some(granted), Some(needed)) = (&key.permissions, permission)
        && !granted.contains(needed)
    {
        return Err(ApiError {
            status: 403,
            ..ApiError::invalid(
                format!(
                    "The provided key '{}' does not have the required permissions for this endpoint on account '{}'. Having the 'rak_{needed}' permission would allow this request to continue.",
                    masked(&key.key),
                    state.account_id
                ),
                None,
            )
        });
    }

    if !shared.conditions().lenient
        && let Err(refusal) = params::check(&request.method, &segments, &params)
    {
        let param = refusal.param.clone().unwrap_or_default();
        *state.unknown_parameters.entry(param).or_default() += 1;
        return Err(refusal);
    }
    let mut body = route(shared, state, request, &segments, &params)?;
    issue_pdf_links(&mut body, &shared.base_url, state.pdf_link_epoch);
    let body = if key.live() {
        with_livemode(body)
    } else {
        body
    };
    let response = Response::json(200, &body);
    if request.method == "POST"
        && let Some(idem) = idempotency_key
    {
        state.idempotency.insert(idem, (params, response.clone()));
    }
    Ok(response)
}

fn authenticate(state: &State, request: &Request) -> Result<KeySpec, ApiError> {
    let unauthorized = |message: String| ApiError {
        status: 401,
        ..ApiError::invalid(message, None)
    };
    let header = request.header("authorization").ok_or_else(|| {
        unauthorized("You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.".into())
    })?;
    // Stripe takes the key as a Bearer token or as Basic auth's user name
    // (`curl -u sk_test_…:`), and nothing else.
    let basic = header.strip_prefix("Basic ").map(|encoded| {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD
            .decode(encoded.trim())
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .map(|pair| pair.split(':').next().unwrap_or_default().to_owned())
            .unwrap_or_default()
    });
    let key = match (header.strip_prefix("Bearer "), &basic) {
        (Some(token), _) => token.trim(),
        (None, Some(user)) => user.as_str(),
        (None, None) => "",
    };
    state
        .keys
        .iter()
        .find(|k| k.key == key)
        .cloned()
        .ok_or_else(|| unauthorized(format!("Invalid API Key provided: {}", masked(key))))
}

/// Stripe shows keys as `sk_test_********abcd`.
fn masked(key: &str) -> String {
    let prefix_len = key
        .match_indices('_')
        .nth(1)
        .map(|(i, _)| i + 1)
        .unwrap_or(0)
        .min(key.len());
    let tail: String = key
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!(
        "{}{}{}",
        &key[..prefix_len],
        "*".repeat(key.len().saturating_sub(prefix_len + 4).min(24)),
        tail
    )
}

fn required_permission(method: &str, segments: &[&str]) -> Option<&'static str> {
    let write = method != "GET";
    Some(match segments.first().copied()? {
        "customers" if segments.get(2) == Some(&"payment_methods") => "payment_method_read",
        "customers" => "customer_read",
        "subscriptions" => "subscription_read",
        "invoices" => "invoice_read",
        "payment_methods" => "payment_method_read",
        "prices" | "products" => "product_read",
        "events" => "event_read",
        "balance" => "balance_read",
        "coupons" => "coupon_read",
        "test_helpers" => "test_clock_read",
        "account" => "account_read",
        "billing_portal" if write => "customer_portal_write",
        "billing_portal" => "customer_portal_read",
        _ => return None,
    })
}

fn route(
    shared: &Shared,
    state: &mut State,
    request: &Request,
    segments: &[&str],
    params: &Value,
) -> Result<Value, ApiError> {
    use resources as r;
    let unknown = || ApiError::unrecognized(&request.method, &request.path);
    match (request.method.as_str(), segments) {
        ("GET", ["customers"]) => r::list_customers(state, params),
        ("GET", ["customers", "search"]) => r::search_customers(state, params),
        ("GET", ["customers", id]) => r::retrieve_customer(state, id, params),
        ("GET", ["customers", id, "payment_methods"]) => {
            r::list_customer_payment_methods(state, id, params)
        }
        ("GET", ["subscriptions"]) => r::list_subscriptions(state, params),
        ("GET", ["subscriptions", id]) => {
            r::retrieve(state, crate::store::Kind::Subscription, id, params)
        }
        ("GET", ["invoices"]) => r::list_invoices(state, params),
        ("GET", ["invoices", id]) => r::retrieve(state, crate::store::Kind::Invoice, id, params),
        ("GET", ["payment_methods"]) => r::list_payment_methods(state, params),
        ("GET", ["payment_methods", id]) => {
            r::retrieve(state, crate::store::Kind::PaymentMethod, id, params)
        }
        ("GET", ["prices"]) => r::list_prices(state, params),
        ("GET", ["prices", id]) => r::retrieve(state, crate::store::Kind::Price, id, params),
        ("GET", ["products"]) => r::list_products(state, params),
        ("GET", ["products", id]) => r::retrieve(state, crate::store::Kind::Product, id, params),
        ("GET", ["events"]) => r::list_events(state, params),
        ("GET", ["coupons"]) => r::list_coupons(state, params),
        ("GET", ["coupons", id]) => r::retrieve(state, crate::store::Kind::Coupon, id, params),
        ("GET", ["test_helpers", "test_clocks"]) => r::list_test_clocks(state, params),
        ("GET", ["test_helpers", "test_clocks", id]) => {
            r::retrieve(state, crate::store::Kind::TestClock, id, params)
        }
        ("GET", ["events", id]) => r::retrieve(state, crate::store::Kind::Event, id, params),
        ("GET", ["balance"]) => Ok(r::balance(shared)),
        ("GET", ["account"]) => Ok(r::account(shared, state)),
        ("POST", ["billing_portal", "sessions"]) => portal::create_session(shared, state, params),
        ("GET", ["billing_portal", "configurations"]) => portal::list_configurations(state, params),
        ("POST", ["billing_portal", "configurations"]) => {
            portal::create_configuration(shared, state, params)
        }
        ("GET", ["billing_portal", "configurations", id]) => {
            r::retrieve(state, crate::store::Kind::PortalConfiguration, id, params)
        }
        ("POST", ["billing_portal", "configurations", id]) => {
            portal::update_configuration(shared, state, id, params)
        }
        _ => Err(unknown()),
    }
}

fn log(state: &mut State, request: &Request, params: &Value) {
    if state.requests.len() >= crate::REQUEST_LOG {
        state.requests.pop_front();
    }
    state.requests.push_back(json!({
        "method": request.method,
        "path": request.path,
        "params": params,
        "idempotency_key": request.header("idempotency-key"),
        "stripe_version": request.header("stripe-version"),
    }));
}

/// Stripe's `invoice_pdf` links expire, so each answer hands out links issued
/// now: `…/in_1.pdf?issued=T&epoch=E`, valid for the link lifetime and until
/// `POST /_sandbox/pdf_links/expire` moves the epoch on.
fn issue_pdf_links(value: &mut Value, base_url: &str, epoch: u64) {
    match value {
        Value::Object(object) => {
            if object.get("object").and_then(Value::as_str) == Some("invoice")
                && let Some(Value::String(link)) = object.get_mut("invoice_pdf")
                && link.starts_with(base_url)
            {
                let bare = link.split('?').next().unwrap_or_default().to_owned();
                *link = format!("{bare}?issued={}&epoch={epoch}", unix_now());
            }
            object
                .values_mut()
                .for_each(|v| issue_pdf_links(v, base_url, epoch));
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|v| issue_pdf_links(v, base_url, epoch)),
        _ => {}
    }
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Live keys see `livemode: true` on every object they receive.
fn with_livemode(mut body: Value) -> Value {
    fn mark(value: &mut Value) {
        if let Some(object) = value.as_object_mut()
            && object.contains_key("livemode")
        {
            object.insert("livemode".into(), json!(true));
        }
    }
    mark(&mut body);
    if let Some(items) = body.get_mut("data").and_then(Value::as_array_mut) {
        items.iter_mut().for_each(mark);
    }
    body
}
