//! The activity feed in each language: what a customer changed, from the
//! kind and details the sync recorded.

use fluent_bundle::FluentArgs;

use crate::{Language, message};

/// The catalogue's message for an activity `kind` (`plan_changed`, …).
fn id_of(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "card_added" => "activity-card-added",
        "card_removed" => "activity-card-removed",
        "card_updated" => "activity-card-updated",
        "invoice_paid" => "activity-invoice-paid",
        "customer_created" => "activity-customer-created",
        "customer_deleted" => "activity-customer-deleted",
        "email_changed" => "activity-email-changed",
        "name_changed" => "activity-name-changed",
        "address_changed" => "activity-address-changed",
        "phone_changed" => "activity-phone-changed",
        "default_payment_method_changed" => "activity-default-payment-method-changed",
        "subscription_created" => "activity-subscription-created",
        "plan_changed" => "activity-plan-changed",
        "quantity_changed" => "activity-quantity-changed",
        "subscription_canceled" => "activity-subscription-canceled",
        "cancel_scheduled" => "activity-cancel-scheduled",
        "cancel_withdrawn" => "activity-cancel-withdrawn",
        "status_changed" => "activity-status-changed",
        _ => return None,
    })
}

/// What an empty detail stands for ("A customer", "their plan").
fn unknown(language: Language, name: &str) -> Option<String> {
    let id = match name {
        "who" => "activity-someone",
        "plan" => "activity-their-plan",
        "method" => "activity-a-payment-method",
        "name" => "activity-no-name",
        "from" | "to" => "activity-no-email",
        _ => return None,
    };
    Some(message(language, id, None))
}

/// The entry in `language`, its `ends` date written by `date` (unix seconds
/// in). `None` for a kind the catalogue doesn't know or an entry recorded
/// without details: the caller shows the English sentence it has.
pub fn activity(
    language: Language,
    kind: &str,
    details: &[(String, String)],
    date: &dyn Fn(i64) -> String,
) -> Option<String> {
    let id = id_of(kind)?;
    if details.is_empty() {
        return None;
    }
    let mut args = FluentArgs::new();
    for (name, value) in details {
        let value = match name.as_str() {
            "ends" => value
                .parse::<i64>()
                .map(date)
                .unwrap_or_else(|_| "none".to_owned()),
            _ if value.is_empty() => unknown(language, name).unwrap_or_default(),
            _ => value.clone(),
        };
        args.set(name.clone(), value);
    }
    Some(message(language, id, Some(&args)))
}
