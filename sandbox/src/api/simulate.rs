//! What a customer does in the hosted portal, applied to the sandbox's truth
//! with the events Stripe would emit (`previous_attributes` included).

use serde::Deserialize;
use serde_json::{Value, json};

use crate::dataset::Rng;
use crate::store::Kind;
use crate::{API_VERSION, Shared, State};

/// One portal action (the body of `POST /_sandbox/simulate`).
#[derive(Debug, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// The customer changes their email.
    UpdateEmail { customer: String, email: String },
    /// The customer changes their name (any text: the portal and Checkout
    /// take what the customer types).
    UpdateName { customer: String, name: String },
    /// The customer changes their billing address.
    UpdateAddress { customer: String, address: Value },
    /// The merchant sets the customer's languages (`preferred_locales`) in
    /// the Dashboard; Stripe keeps them as given, most preferred first.
    SetPreferredLocales {
        customer: String,
        locales: Vec<String>,
    },
    /// The customer cancels at the end of the period.
    CancelAtPeriodEnd {
        customer: String,
        subscription: Option<String>,
    },
    /// The customer cancels right away.
    CancelNow {
        customer: String,
        subscription: Option<String>,
    },
    /// The customer switches plan.
    SwitchPrice {
        customer: String,
        subscription: Option<String>,
        price: String,
    },
    /// The customer adds a card and makes it the default.
    AddCard {
        customer: String,
        #[serde(default)]
        brand: Option<String>,
        #[serde(default)]
        last4: Option<String>,
        #[serde(default)]
        exp_month: Option<u32>,
        #[serde(default)]
        exp_year: Option<u32>,
    },
    /// The customer is deleted (from the Dashboard or the API).
    DeleteCustomer { customer: String },
    /// A busy account's own checkout traffic, nothing the desk caches: per
    /// payment, the `payment_intent.succeeded`, `charge.succeeded` and
    /// `balance.available` events Stripe emits.
    CheckoutPayments { count: u32 },
    /// The merchant tests a renewal on a test clock: a new clock, and a new
    /// customer on it with an active subscription (as the newest customer's).
    /// Stripe's plain lists leave both out; `test_clock=` lists them.
    TestClockCustomer { name: String, email: String },
    /// The merchant charges the customer once from the Dashboard: a one-off
    /// invoice in the customer's currency (`amount` in its minor units), paid at once.
    ChargeOnce { customer: String, amount: i64 },
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Sets one field of a customer, as the portal (or the Dashboard) does;
/// returns the `customer.updated` event, with the field's old value as
/// `previous_attributes`.
fn set_customer_field(
    shared: &Shared,
    state: &mut State,
    customer: &str,
    field: &str,
    value: Value,
) -> Result<String, String> {
    let mut before = load(state, Kind::Customer, customer)?;
    let previous = json!({ field: before[field] });
    before[field] = value;
    let snapshot = save(state, Kind::Customer, before);
    Ok(event(
        shared,
        state,
        "customer.updated",
        snapshot,
        Some(previous),
    ))
}

/// Applies `action`; returns the ids of the events it created.
pub fn apply(shared: &Shared, state: &mut State, action: Action) -> Result<Vec<String>, String> {
    let mut events = Vec::new();
    match action {
        Action::UpdateEmail { customer, email } => {
            events.push(set_customer_field(
                shared,
                state,
                &customer,
                "email",
                json!(email),
            )?);
        }
        Action::UpdateName { customer, name } => {
            events.push(set_customer_field(
                shared,
                state,
                &customer,
                "name",
                json!(name),
            )?);
        }
        Action::UpdateAddress { customer, address } => {
            let mut before = load(state, Kind::Customer, &customer)?;
            let previous = json!({"address": before["address"]});
            let mut merged = before["address"].clone();
            if let (Some(into), Some(from)) = (merged.as_object_mut(), address.as_object()) {
                for (k, v) in from {
                    into.insert(k.clone(), v.clone());
                }
            }
            before["address"] = merged;
            let snapshot = save(state, Kind::Customer, before);
            events.push(event(
                shared,
                state,
                "customer.updated",
                snapshot,
                Some(previous),
            ));
        }
        Action::SetPreferredLocales { customer, locales } => {
            events.push(set_customer_field(
                shared,
                state,
                &customer,
                "preferred_locales",
                json!(locales),
            )?);
        }
        Action::CancelAtPeriodEnd {
            customer,
            subscription,
        } => {
            let id = current_subscription(state, &customer, subscription)?;
            let mut sub = load(state, Kind::Subscription, &id)?;
            let period_end = sub["items"]["data"][0]["current_period_end"].clone();
            let previous = json!({
                "cancel_at_period_end": sub["cancel_at_period_end"],
                "cancel_at": sub["cancel_at"],
                "canceled_at": sub["canceled_at"],
                "cancellation_details": sub["cancellation_details"],
            });
            sub["cancel_at_period_end"] = json!(true);
            sub["cancel_at"] = period_end;
            sub["canceled_at"] = json!(now());
            sub["cancellation_details"] =
                json!({"comment": null, "feedback": null, "reason": "cancellation_requested"});
            let snapshot = save(state, Kind::Subscription, sub);
            events.push(event(
                shared,
                state,
                "customer.subscription.updated",
                snapshot,
                Some(previous),
            ));
        }
        Action::CancelNow {
            customer,
            subscription,
        } => {
            let id = current_subscription(state, &customer, subscription)?;
            let snapshot = cancel(state, &id)?;
            events.push(event(
                shared,
                state,
                "customer.subscription.deleted",
                snapshot,
                None,
            ));
        }
        Action::SwitchPrice {
            customer,
            subscription,
            price,
        } => {
            let id = current_subscription(state, &customer, subscription)?;
            let price_object = state
                .store
                .collection(Kind::Price)
                .get(&price)
                .ok_or(format!("no such price {price}"))?;
            let mut sub = load(state, Kind::Subscription, &id)?;
            // Stripe bills a customer in one currency: the portal offers only
            // prices in the subscription's.
            if sub["currency"] != price_object["currency"] {
                return Err(format!(
                    "{price} is in {}, and subscription {id} bills in {}; Stripe keeps one currency per customer",
                    price_object["currency"].as_str().unwrap_or("?"),
                    sub["currency"].as_str().unwrap_or("?")
                ));
            }
            let previous = json!({"items": sub["items"], "plan": sub["items"]["data"][0]["plan"]});
            let item = &mut sub["items"]["data"][0];
            let old_plan = item["plan"].clone();
            item["price"] = price_object.clone();
            let mut plan = old_plan;
            plan["id"] = price_object["id"].clone();
            plan["amount"] = price_object["unit_amount"].clone();
            plan["amount_decimal"] = price_object["unit_amount_decimal"].clone();
            plan["currency"] = price_object["currency"].clone();
            plan["interval"] = price_object["recurring"]["interval"].clone();
            plan["nickname"] = price_object["nickname"].clone();
            plan["product"] = price_object["product"].clone();
            item["plan"] = plan;
            sub["currency"] = price_object["currency"].clone();
            let snapshot = save(state, Kind::Subscription, sub);
            events.push(event(
                shared,
                state,
                "customer.subscription.updated",
                snapshot,
                Some(previous),
            ));
        }
        Action::AddCard {
            customer,
            brand,
            last4,
            exp_month,
            exp_year,
        } => {
            let owner = state
                .store
                .collection(Kind::Customer)
                .get(&customer)
                .ok_or(format!("no such customer {customer}"))?;
            let id = state.rng.id("pm_");
            let mut pm = shared.templates.get("payment_method");
            let brand = brand.unwrap_or_else(|| "visa".into());
            pm["id"] = json!(id);
            pm["customer"] = json!(customer);
            pm["created"] = json!(now());
            pm["livemode"] = json!(false);
            pm["type"] = json!("card");
            pm["metadata"] = json!({});
            pm["billing_details"]["name"] = owner["name"].clone();
            pm["billing_details"]["email"] = owner["email"].clone();
            pm["card"]["brand"] = json!(brand);
            pm["card"]["display_brand"] = json!(brand);
            pm["card"]["last4"] = json!(last4.unwrap_or_else(|| "4242".into()));
            pm["card"]["exp_month"] = json!(exp_month.unwrap_or(12));
            pm["card"]["exp_year"] = json!(exp_year.unwrap_or(2030));
            state.store.insert(Kind::PaymentMethod, pm.clone());
            events.push(event(shared, state, "payment_method.attached", pm, None));

            let mut owner = load(state, Kind::Customer, &customer)?;
            let previous = json!({"invoice_settings": {"default_payment_method": owner["invoice_settings"]["default_payment_method"]}});
            owner["invoice_settings"]["default_payment_method"] = json!(id);
            let snapshot = save(state, Kind::Customer, owner);
            events.push(event(
                shared,
                state,
                "customer.updated",
                snapshot,
                Some(previous),
            ));
        }
        Action::ChargeOnce { customer, amount } => {
            if amount <= 0 {
                return Err(format!("amount must be positive, not {amount}"));
            }
            let mut owner = load(state, Kind::Customer, &customer)?;
            let id = state.rng.id("in_");
            let invoice = crate::dataset::one_off_invoice(
                &shared.templates,
                &mut state.rng,
                &owner,
                &id,
                amount,
                now(),
                &shared.base_url,
            );
            state.store.insert(Kind::Invoice, invoice.clone());
            let sequence = owner["next_invoice_sequence"].as_i64().unwrap_or(1);
            owner["next_invoice_sequence"] = json!(sequence + 1);
            save(state, Kind::Customer, owner);
            for kind in ["invoice.created", "invoice.finalized", "invoice.paid"] {
                events.push(event(shared, state, kind, invoice.clone(), None));
            }
        }
        Action::DeleteCustomer { customer } => {
            let owner = state
                .store
                .collection(Kind::Customer)
                .get(&customer)
                .ok_or(format!("no such customer {customer}"))?;
            let subscriptions: Vec<String> = live_subscriptions(state, &customer);
            for id in subscriptions {
                let snapshot = cancel(state, &id)?;
                events.push(event(
                    shared,
                    state,
                    "customer.subscription.deleted",
                    snapshot,
                    None,
                ));
            }
            let cards: Vec<String> = state
                .store
                .collection(Kind::PaymentMethod)
                .records()
                .iter()
                .filter(|r| r.fields()["customer"].as_str() == Some(customer.as_str()))
                .filter_map(|r| r.fields()["id"].as_str().map(str::to_owned))
                .collect();
            for id in cards {
                let mut pm = load(state, Kind::PaymentMethod, &id)?;
                pm["customer"] = Value::Null;
                save(state, Kind::PaymentMethod, pm);
            }
            state.store.delete_customer(&customer);
            events.push(event(shared, state, "customer.deleted", owner, None));
        }
        Action::TestClockCustomer { name, email } => {
            let at = now();
            let clock_id = state.rng.id("clock_");
            let mut clock = shared.templates.get("test_helpers.test_clock");
            clock["id"] = json!(clock_id);
            clock["created"] = json!(at);
            clock["frozen_time"] = json!(at);
            clock["deletes_after"] = json!(at + 30 * 86_400);
            clock["name"] = json!(format!("Renewal test for {name}"));
            state.store.insert(Kind::TestClock, clock);

            let model = state
                .store
                .collection(Kind::Subscription)
                .records()
                .iter()
                .rev()
                .find(|r| r.fields()["status"] == json!("active"))
                .map(|r| r.value())
                .ok_or("the account has no active subscription to model one on")?;
            let mut customer = load(
                state,
                Kind::Customer,
                model["customer"].as_str().unwrap_or_default(),
            )?;
            let customer_id = state.rng.id("cus_");
            customer["id"] = json!(customer_id);
            customer["name"] = json!(name);
            customer["email"] = json!(email);
            customer["created"] = json!(at);
            customer["test_clock"] = json!(clock_id);
            customer["balance"] = json!(0);
            customer["delinquent"] = json!(false);
            customer["invoice_settings"]["default_payment_method"] = Value::Null;
            let snapshot = save(state, Kind::Customer, customer);
            events.push(event(shared, state, "customer.created", snapshot, None));

            let mut subscription = model;
            let subscription_id = state.rng.id("sub_");
            subscription["id"] = json!(subscription_id);
            if let Some(items) = subscription["items"]["data"].as_array_mut() {
                for item in items {
                    item["id"] = json!(state.rng.id("si_"));
                    item["subscription"] = json!(subscription_id);
                }
            }
            subscription["customer"] = json!(customer_id);
            subscription["created"] = json!(at);
            subscription["test_clock"] = json!(clock_id);
            subscription["default_payment_method"] = Value::Null;
            subscription["latest_invoice"] = Value::Null;
            let snapshot = save(state, Kind::Subscription, subscription);
            events.push(event(
                shared,
                state,
                "customer.subscription.created",
                snapshot,
                None,
            ));
        }
        Action::CheckoutPayments { count } => {
            for _ in 0..count {
                let intent = state.rng.id("pi_");
                let charge = state.rng.id("ch_");
                let paid = json!({"amount": 1_200, "currency": "usd", "status": "succeeded"});
                let with = |id: &str, object: &str| {
                    let mut value = paid.clone();
                    value["id"] = json!(id);
                    value["object"] = json!(object);
                    value
                };
                let (intent_object, charge_object) =
                    (with(&intent, "payment_intent"), with(&charge, "charge"));
                events.push(event(
                    shared,
                    state,
                    "payment_intent.succeeded",
                    intent_object,
                    None,
                ));
                events.push(event(
                    shared,
                    state,
                    "charge.succeeded",
                    charge_object,
                    None,
                ));
                let balance = json!({"object": "balance", "livemode": false,
                    "available": [{"amount": 1_200, "currency": "usd"}]});
                events.push(event(shared, state, "balance.available", balance, None));
            }
        }
    }
    Ok(events)
}

fn load(state: &State, kind: Kind, id: &str) -> Result<Value, String> {
    state
        .store
        .collection(kind)
        .get(id)
        .ok_or(format!("no such {} {id}", kind.object()))
}

/// Stores the changed object and returns it, for the event's snapshot.
fn save(state: &mut State, kind: Kind, value: Value) -> Value {
    state.store.insert(kind, value.clone());
    value
}

fn live_subscriptions(state: &State, customer: &str) -> Vec<String> {
    state
        .store
        .collection(Kind::Subscription)
        .records()
        .iter()
        .rev()
        .filter(|r| {
            r.fields()["customer"].as_str() == Some(customer)
                && r.fields()["status"] != json!("canceled")
        })
        .filter_map(|r| r.fields()["id"].as_str().map(str::to_owned))
        .collect()
}

fn current_subscription(
    state: &State,
    customer: &str,
    named: Option<String>,
) -> Result<String, String> {
    if let Some(id) = named {
        return Ok(id);
    }
    live_subscriptions(state, customer)
        .into_iter()
        .next()
        .ok_or(format!("customer {customer} has no live subscription"))
}

fn cancel(state: &mut State, id: &str) -> Result<Value, String> {
    let mut sub = load(state, Kind::Subscription, id)?;
    let at = now();
    sub["status"] = json!("canceled");
    sub["canceled_at"] = json!(at);
    sub["ended_at"] = json!(at);
    sub["cancel_at_period_end"] = json!(false);
    sub["cancellation_details"] =
        json!({"comment": null, "feedback": null, "reason": "cancellation_requested"});
    Ok(save(state, Kind::Subscription, sub))
}

fn event(
    shared: &Shared,
    state: &mut State,
    kind: &str,
    object: Value,
    previous: Option<Value>,
) -> String {
    let id = state.rng.id("evt_");
    let mut event = shared.templates.get("event");
    event["id"] = json!(id);
    event["type"] = json!(kind);
    event["created"] = json!(now());
    event["api_version"] = json!(API_VERSION);
    event["livemode"] = json!(false);
    event["pending_webhooks"] = json!(0);
    event["request"] = json!({"id": format!("req_{}", &Rng::new(now() as u64).id("")[..14]), "idempotency_key": null});
    let mut data = json!({"object": object});
    if let Some(previous) = previous {
        data["previous_attributes"] = previous;
    }
    event["data"] = data;
    state.store.insert(Kind::Event, event);
    id
}
