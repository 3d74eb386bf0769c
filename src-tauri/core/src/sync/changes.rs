//! The activity feed: what changed, found by comparing the cache before and
//! after an object was re-fetched (more reliable than an event's
//! `previous_attributes`, which come in the API version of the event's day).

use rusqlite::Connection;

use super::resources::Resource;
use crate::cache::activity::Entry;
use crate::cache::customers::{self, Customer};
use crate::cache::invoices::{self, Invoice};
use crate::cache::payment_methods::{self, PaymentMethod};
use crate::cache::subscriptions::{self, Subscription};
use crate::cache::{SqlResult, prices};
use crate::money::{format_amount, format_date};

/// An object as the cache holds it, before or after a change.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Snapshot {
    Customer(Option<Customer>),
    Subscription(Option<Subscription>),
    PaymentMethod(Option<PaymentMethod>),
    Invoice(Option<Invoice>),
    /// Prices and products: no feed entries.
    Catalog,
}

impl Snapshot {
    pub(super) fn load(conn: &Connection, resource: Resource, id: &str) -> SqlResult<Snapshot> {
        Ok(match resource {
            Resource::Customers => Snapshot::Customer(customers::get(conn, id)?),
            Resource::Subscriptions => Snapshot::Subscription(subscriptions::get(conn, id)?),
            Resource::PaymentMethods => Snapshot::PaymentMethod(payment_methods::get(conn, id)?),
            Resource::Invoices => Snapshot::Invoice(invoices::get(conn, id)?),
            Resource::Prices | Resource::Products => Snapshot::Catalog,
        })
    }

    /// The customer the object belongs to.
    pub(super) fn customer_id(&self) -> Option<&str> {
        match self {
            Snapshot::Customer(c) => c.as_ref().map(|c| c.id.as_str()),
            Snapshot::Subscription(s) => s.as_ref().map(|s| s.customer_id.as_str()),
            Snapshot::PaymentMethod(p) => p.as_ref().and_then(|p| p.customer_id.as_deref()),
            Snapshot::Invoice(i) => i.as_ref().and_then(|i| i.customer_id.as_deref()),
            Snapshot::Catalog => None,
        }
    }
}

/// What a change from `before` to `after` means to the business owner.
/// One activity line: its kind, its English sentence, and what it says by
/// name (an empty value: unknown, which the window words itself).
type Line = (&'static str, String, Vec<(&'static str, String)>);

pub(super) fn describe(
    conn: &Connection,
    before: &Snapshot,
    after: &Snapshot,
    at: i64,
    event_id: &str,
) -> SqlResult<Vec<Entry>> {
    let customer_id = after
        .customer_id()
        .or(before.customer_id())
        .map(str::to_owned);
    let who = match &customer_id {
        Some(id) => customer_label(conn, id, before)?,
        None => "A customer".to_owned(),
    };
    let mut lines: Vec<Line> = Vec::new();
    match (before, after) {
        (Snapshot::Customer(before), Snapshot::Customer(after)) => {
            customer_changes(conn, &who, before.as_ref(), after.as_ref(), &mut lines)?
        }
        (Snapshot::Subscription(before), Snapshot::Subscription(after)) => {
            subscription_changes(conn, &who, before.as_ref(), after.as_ref(), &mut lines)?
        }
        (Snapshot::PaymentMethod(before), Snapshot::PaymentMethod(after)) => {
            let attached =
                |m: &Option<PaymentMethod>| m.as_ref().filter(|m| m.customer_id.is_some()).cloned();
            match (attached(before), attached(after)) {
                (None, Some(added)) => lines.push((
                    "card_added",
                    format!("{who} added {}", method_label(&added)),
                    vec![("who", who.to_owned()), ("method", method_label(&added))],
                )),
                (Some(removed), None) => lines.push((
                    "card_removed",
                    format!("{who} removed {}", method_label(&removed)),
                    vec![("who", who.to_owned()), ("method", method_label(&removed))],
                )),
                (Some(old), Some(new))
                    if (old.exp_month, old.exp_year) != (new.exp_month, new.exp_year) =>
                {
                    lines.push((
                        "card_updated",
                        format!("{who} updated {}", method_label(&new)),
                        vec![("who", who.to_owned()), ("method", method_label(&new))],
                    ))
                }
                _ => {}
            }
        }
        (Snapshot::Invoice(before), Snapshot::Invoice(Some(after))) => {
            let was = before.as_ref().and_then(|b| b.status.as_deref());
            if after.status.as_deref() == Some("paid") && was != Some("paid") {
                let number = after.number.as_deref().unwrap_or(&after.id);
                let amount = format_amount(after.amount_paid, &after.currency);
                lines.push((
                    "invoice_paid",
                    format!("{who} paid invoice {number} ({amount})"),
                    vec![
                        ("who", who.to_owned()),
                        ("number", number.to_owned()),
                        ("amount", amount.clone()),
                    ],
                ));
            }
        }
        _ => {}
    }
    if customer_id.is_none() {
        // "A customer": the window says it in its own words.
        for (_, _, args) in &mut lines {
            for (name, value) in args.iter_mut() {
                if *name == "who" {
                    value.clear();
                }
            }
        }
    }
    Ok(lines
        .into_iter()
        .map(|(kind, message, args)| Entry {
            at,
            customer_id: customer_id.clone(),
            event_id: Some(event_id.to_owned()),
            kind: kind.to_owned(),
            message,
            args: args
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value))
                .collect(),
        })
        .collect())
}

fn customer_changes(
    conn: &Connection,
    who: &str,
    before: Option<&Customer>,
    after: Option<&Customer>,
    lines: &mut Vec<Line>,
) -> SqlResult<()> {
    match (before, after) {
        (None, Some(_)) => lines.push((
            "customer_created",
            format!("{who} became a customer"),
            vec![("who", who.to_owned())],
        )),
        (Some(_), None) => lines.push((
            "customer_deleted",
            format!("{who} was deleted"),
            vec![("who", who.to_owned())],
        )),
        (Some(old), Some(new)) => {
            if old.email != new.email {
                let shown = |e: &Option<String>| e.clone().unwrap_or_else(|| "no email".into());
                lines.push((
                    "email_changed",
                    format!(
                        "{who} changed their email from {} to {}",
                        shown(&old.email),
                        shown(&new.email)
                    ),
                    vec![
                        ("who", who.to_owned()),
                        ("from", old.email.clone().unwrap_or_default()),
                        ("to", new.email.clone().unwrap_or_default()),
                    ],
                ));
            }
            if old.name != new.name {
                let name = new.name.clone().unwrap_or_else(|| "no name".into());
                lines.push((
                    "name_changed",
                    format!("{who} changed their name to {name}"),
                    vec![
                        ("who", who.to_owned()),
                        ("name", new.name.clone().unwrap_or_default()),
                    ],
                ));
            }
            if old.address != new.address {
                lines.push((
                    "address_changed",
                    format!("{who} updated their billing address"),
                    vec![("who", who.to_owned())],
                ));
            }
            if old.phone != new.phone {
                lines.push((
                    "phone_changed",
                    format!("{who} updated their phone number"),
                    vec![("who", who.to_owned())],
                ));
            }
            if old.default_payment_method != new.default_payment_method
                && let Some(id) = &new.default_payment_method
            {
                let method = payment_methods::get(conn, id)?.map(|m| method_label(&m));
                let label = method
                    .clone()
                    .unwrap_or_else(|| "a new payment method".into());
                lines.push((
                    "default_payment_method_changed",
                    format!("{who} made {label} their default payment method"),
                    vec![
                        ("who", who.to_owned()),
                        ("method", method.unwrap_or_default()),
                    ],
                ));
            }
        }
        (None, None) => {}
    }
    Ok(())
}

fn subscription_changes(
    conn: &Connection,
    who: &str,
    before: Option<&Subscription>,
    after: Option<&Subscription>,
    lines: &mut Vec<Line>,
) -> SqlResult<()> {
    let Some(new) = after else { return Ok(()) };
    // The plan's name, or empty when the subscription has no price.
    let plan_arg = |s: &Subscription| -> SqlResult<String> {
        match s.items.first().and_then(|i| i.price_id.as_deref()) {
            Some(price) => prices::display_name(conn, price),
            None => Ok(String::new()),
        }
    };
    let plan_of = |s: &Subscription| -> SqlResult<String> {
        let name = plan_arg(s)?;
        Ok(if name.is_empty() {
            "their plan".into()
        } else {
            name
        })
    };
    let plan = plan_of(new)?;
    let ended = |status: &str| matches!(status, "canceled" | "incomplete_expired");
    let Some(old) = before else {
        if !ended(&new.status) {
            lines.push((
                "subscription_created",
                format!("{who} subscribed to {plan}"),
                vec![("who", who.to_owned()), ("plan", plan_arg(new)?)],
            ));
        }
        return Ok(());
    };
    let price = |s: &Subscription| s.items.first().and_then(|i| i.price_id.clone());
    if price(old) != price(new) {
        lines.push((
            "plan_changed",
            format!("{who} switched from {} to {plan}", plan_of(old)?),
            vec![
                ("who", who.to_owned()),
                ("from", plan_arg(old)?),
                ("plan", plan_arg(new)?),
            ],
        ));
    }
    let quantity = |s: &Subscription| s.items.first().and_then(|i| i.quantity);
    if let (Some(was), Some(now)) = (quantity(old), quantity(new))
        && was != now
    {
        lines.push((
            "quantity_changed",
            format!("{who} changed the quantity of {plan} from {was} to {now}"),
            vec![
                ("who", who.to_owned()),
                ("plan", plan_arg(new)?),
                ("from", was.to_string()),
                ("to", now.to_string()),
            ],
        ));
    }
    if ended(&new.status) && !ended(&old.status) {
        lines.push((
            "subscription_canceled",
            format!("{who}'s {plan} subscription was canceled"),
            vec![("who", who.to_owned()), ("plan", plan_arg(new)?)],
        ));
    } else if new.cancel_at_period_end && !old.cancel_at_period_end {
        let ends = new
            .cancel_at
            .or(new.current_period_end)
            .map(|t| format!(" (ends {})", format_date(t)))
            .unwrap_or_default();
        lines.push((
            "cancel_scheduled",
            format!("{who} canceled {plan} at period end{ends}"),
            vec![
                ("who", who.to_owned()),
                ("plan", plan_arg(new)?),
                (
                    "ends",
                    new.cancel_at
                        .or(new.current_period_end)
                        .map(|t| t.to_string())
                        .unwrap_or_default(),
                ),
            ],
        ));
    } else if old.cancel_at_period_end && !new.cancel_at_period_end && !ended(&new.status) {
        lines.push((
            "cancel_withdrawn",
            format!("{who} renewed {plan}: it will no longer cancel"),
            vec![("who", who.to_owned()), ("plan", plan_arg(new)?)],
        ));
    } else if old.status != new.status {
        let status = new.status.replace('_', " ");
        lines.push((
            "status_changed",
            format!("{who}'s {plan} subscription is now {status}"),
            vec![
                ("who", who.to_owned()),
                ("plan", plan_arg(new)?),
                ("status", new.status.clone()),
            ],
        ));
    }
    Ok(())
}

/// "Jane Doe", else her email, else her id.
fn customer_label(conn: &Connection, id: &str, before: &Snapshot) -> SqlResult<String> {
    let cached = customers::get(conn, id)?.or_else(|| match before {
        Snapshot::Customer(c) => c.clone(),
        _ => None,
    });
    Ok(cached
        .and_then(|c| c.name.filter(|n| !n.trim().is_empty()).or(c.email))
        .unwrap_or_else(|| id.to_owned()))
}

/// "Visa •••• 4242".
pub fn method_label(method: &PaymentMethod) -> String {
    let brand = match method.brand.as_deref() {
        Some("amex") => "American Express".to_owned(),
        Some("mastercard") => "Mastercard".to_owned(),
        Some(other) if !other.is_empty() => {
            let mut chars = other.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        _ => method.kind.replace('_', " "),
    };
    match &method.last4 {
        Some(last4) => format!("{brand} •••• {last4}"),
        None => brand,
    }
}
