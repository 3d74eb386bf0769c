//! The control API under `/_sandbox/` (no auth): truth, counters, conditions,
//! keys, the portal simulation, reset.

use serde_json::{Value, json};

use super::simulate;
use crate::http::{Request, Response};
use crate::store::Kind;
use crate::{DatasetConfig, FaultPlan, KeySpec, Shared, State};

/// Everything the sandbox holds.
pub fn truth(state: &State) -> Value {
    let mut out = serde_json::Map::new();
    for kind in Kind::ALL {
        let objects: Vec<Value> = state
            .store
            .collection(kind)
            .records()
            .iter()
            .map(|r| r.value())
            .collect();
        out.insert(kind.plural().into(), json!(objects));
    }
    out.insert(
        "deleted_customers".into(),
        json!(state.store.deleted_customers().collect::<Vec<_>>()),
    );
    Value::Object(out)
}

/// Requests by route, injected faults and 429s.
pub fn counters(shared: &Shared) -> Value {
    let (routes, unknown_parameters) = {
        let state = shared.state();
        (state.counters.clone(), state.unknown_parameters.clone())
    };
    let conditions = shared.conditions();
    json!({
        "total": routes.values().sum::<u64>(),
        "routes": routes,
        "unknown_parameters": unknown_parameters,
        "faults": conditions.injected,
        "rate_limited": conditions.rate_limited,
        "rate_limited_by": conditions.rate_limited_by,
        "rate_limited_routes": conditions.rate_limited_routes,
    })
}

/// Serves `/_sandbox/...`.
pub fn handle(shared: &Shared, request: &Request) -> Response {
    let path = request.path.trim_start_matches("/_sandbox/");
    let reply = match request.method.as_str() {
        "GET" => match path {
            "truth" => Ok(truth(&shared.state())),
            "counters" => Ok(counters(shared)),
            "requests" => Ok(json!(shared.state().requests.iter().collect::<Vec<_>>())),
            "conditions" => Ok(conditions(shared)),
            "health" => Ok(json!({"ok": true})),
            _ => Err(format!("unknown control call GET /_sandbox/{path}")),
        },
        "POST" | "DELETE" => {
            let body: Value = if request.body.is_empty() {
                json!({})
            } else {
                match serde_json::from_slice(&request.body) {
                    Ok(body) => body,
                    Err(e) => {
                        return Response::json(
                            400,
                            &json!({"error": format!("the body must be JSON: {e}")}),
                        );
                    }
                }
            };
            let name = if request.method == "DELETE" {
                format!("delete/{path}")
            } else {
                path.to_owned()
            };
            apply(shared, &name, &body)
        }
        _ => Err("unsupported method".into()),
    };
    match reply {
        Ok(value) => Response::json(200, &value),
        Err(message) => Response::json(400, &json!({"error": message})),
    }
}

fn conditions(shared: &Shared) -> Value {
    let c = shared.conditions();
    json!({
        "latency_ms": c.latency.as_millis() as u64,
        "rate_limit": c.rate_limit(),
        "endpoint_rate_limit": c.endpoint_rate_limit(),
        "max_in_flight": c.max_in_flight(),
        "pdf_link_ttl_secs": c.pdf_link_ttl.map(|t| t.as_secs()),
        "portal_domain": c.portal_domain,
        "lenient": c.lenient,
        "faults": c.faults(),
        "hold": c.hold,
    })
}

/// Applies a control call by name (`conditions`, `keys`, `simulate`, `reset`, ...).
pub fn apply(shared: &Shared, name: &str, body: &Value) -> Result<Value, String> {
    match name {
        "conditions" => {
            let mut c = shared.conditions();
            if let Some(latency) = body.get("latency_ms") {
                c.latency = std::time::Duration::from_millis(latency.as_u64().unwrap_or(0));
            }
            if let Some(rate) = body.get("rate_limit") {
                c.set_rate_limit(rate.as_f64());
            }
            if let Some(rate) = body.get("endpoint_rate_limit") {
                c.set_endpoint_rate_limit(rate.as_f64());
            }
            if let Some(cap) = body.get("max_in_flight") {
                c.set_max_in_flight(cap.as_u64().and_then(|c| u32::try_from(c).ok()));
            }
            if let Some(domain) = body.get("portal_domain") {
                c.portal_domain = domain.as_str().map(str::to_owned);
            }
            if let Some(lenient) = body.get("lenient") {
                c.lenient = lenient.as_bool().unwrap_or(false);
            }
            if let Some(ttl) = body.get("pdf_link_ttl_secs") {
                c.pdf_link_ttl = ttl.as_u64().map(std::time::Duration::from_secs);
            }
            if let Some(hold) = body.get("hold") {
                // `null` or `[]` lifts the hold.
                c.hold = serde_json::from_value::<Option<Vec<String>>>(hold.clone())
                    .map_err(|e| format!("hold: {e}"))?
                    .unwrap_or_default();
            }
            if let Some(faults) = body.get("faults") {
                let plan: Option<FaultPlan> = if faults.is_null() {
                    None
                } else {
                    Some(
                        serde_json::from_value(faults.clone())
                            .map_err(|e| format!("faults: {e}"))?,
                    )
                };
                c.set_faults(plan);
            }
            drop(c);
            Ok(conditions(shared))
        }
        "counters/reset" => {
            {
                let mut state = shared.state();
                state.counters.clear();
                state.unknown_parameters.clear();
            }
            let mut c = shared.conditions();
            c.injected.clear();
            c.rate_limited = 0;
            Ok(json!({"ok": true}))
        }
        "delete/requests" => {
            shared.state().requests.clear();
            Ok(json!({"ok": true}))
        }
        "keys" => {
            let key = body["key"].as_str().ok_or("keys: `key` is required")?;
            let permissions = body["permissions"].as_array().map(|p| {
                p.iter()
                    .filter_map(|x| x.as_str().map(str::to_owned))
                    .collect()
            });
            let mut state = shared.state();
            state.keys.retain(|k| k.key != key);
            state.keys.push(KeySpec {
                key: key.to_owned(),
                permissions,
            });
            Ok(json!({"keys": state.keys.len()}))
        }
        "keys/revoke" => {
            let key = body["key"]
                .as_str()
                .ok_or("keys/revoke: `key` is required")?;
            let mut state = shared.state();
            let before = state.keys.len();
            state.keys.retain(|k| k.key != key);
            Ok(json!({"revoked": before != state.keys.len()}))
        }
        "simulate" => {
            let action: simulate::Action =
                serde_json::from_value(body.clone()).map_err(|e| format!("simulate: {e}"))?;
            let mut state = shared.state();
            let events = simulate::apply(shared, &mut state, action)?;
            Ok(json!({"events": events}))
        }
        "portal/default" => {
            let mut state = shared.state();
            let config = create_default_configuration(shared, &mut state);
            Ok(config)
        }
        "pdf_links/expire" => {
            // Every `invoice_pdf` link handed out so far stops working; a
            // retrieve hands out a fresh one.
            let mut state = shared.state();
            state.pdf_link_epoch += 1;
            Ok(json!({"epoch": state.pdf_link_epoch}))
        }
        "reset" => {
            let dataset = {
                let state = shared.state();
                let mut dataset: DatasetConfig = state.dataset.clone();
                if let Some(n) = body["customers"].as_u64() {
                    dataset.customers = n as usize;
                }
                if let Some(seed) = body["seed"].as_u64() {
                    dataset.seed = seed;
                }
                for (field, slot) in [
                    (
                        "subscriptions_per_customer",
                        &mut dataset.subscriptions_per_customer,
                    ),
                    ("invoices_per_customer", &mut dataset.invoices_per_customer),
                    (
                        "payment_methods_per_customer",
                        &mut dataset.payment_methods_per_customer,
                    ),
                    ("products", &mut dataset.products),
                ] {
                    if let Some(n) = body[field].as_u64() {
                        *slot = n as usize;
                    }
                }
                dataset
            };
            let keys = shared.state().keys.clone();
            let fresh = shared.fresh_state(dataset, keys);
            *shared.state() = fresh;
            shared.conditions().set_faults(None);
            Ok(json!({"ok": true}))
        }
        _ => Err(format!("unknown control call {name}")),
    }
}

/// The configuration a Dashboard user gets by saving portal settings once.
fn create_default_configuration(shared: &Shared, state: &mut State) -> Value {
    if let Some(existing) = state
        .store
        .collection(Kind::PortalConfiguration)
        .records()
        .iter()
        .find(|r| r.fields()["is_default"] == json!(true))
    {
        return existing.value();
    }
    let params = crate::form::decode(
        "features[invoice_history][enabled]=true&features[payment_method_update][enabled]=true\
         &features[customer_update][enabled]=true&features[customer_update][allowed_updates][]=email\
         &features[customer_update][allowed_updates][]=address&features[subscription_cancel][enabled]=true\
         &features[subscription_cancel][mode]=at_period_end&features[subscription_update][enabled]=true\
         &features[subscription_update][default_allowed_updates][]=price",
    );
    let mut config = super::portal::create_configuration(shared, state, &params)
        .expect("the built-in default configuration is valid");
    config["is_default"] = json!(true);
    state
        .store
        .insert(Kind::PortalConfiguration, config.clone());
    config
}
