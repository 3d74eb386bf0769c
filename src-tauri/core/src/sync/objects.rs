//! Stripe's JSON objects read into cache rows. Reading is lenient: unknown
//! fields and enum values pass through, missing optional fields become `None`,
//! and an object without an id or `created` is refused on its own instead of
//! failing its whole page.

use serde_json::Value;

use crate::cache::customers::{Address, Customer};
use crate::cache::invoices::Invoice;
use crate::cache::payment_methods::PaymentMethod;
use crate::cache::prices::Price;
use crate::cache::products::Product;
use crate::cache::subscriptions::{Subscription, SubscriptionItem};

/// A list page: `{"object":"list","data":[…],"has_more":…}`.
#[derive(Debug)]
pub struct Page {
    /// The objects, as given.
    pub data: Vec<Value>,
    /// Whether more follow.
    pub has_more: bool,
}

/// Reads a list page; `None` when the body is not one.
pub fn page(body: &[u8]) -> Option<Page> {
    let mut value: Value = serde_json::from_slice(body).ok()?;
    let has_more = value.get("has_more")?.as_bool()?;
    // Taken, not cloned: a page of expanded invoices is a lot of maps.
    let Value::Array(data) = value.get_mut("data")?.take() else {
        return None;
    };
    Some(Page { data, has_more })
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key)?.as_str().map(str::to_owned)
}

fn int(v: &Value, key: &str) -> Option<i64> {
    v.get(key)?.as_i64()
}

fn flag(v: &Value, key: &str) -> bool {
    v.get(key).and_then(Value::as_bool).unwrap_or(false)
}

/// An expandable field: its id whether it came as a string or an object.
fn id_of(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(id) => Some(id.clone()),
        Value::Object(o) => o.get("id")?.as_str().map(str::to_owned),
        _ => None,
    }
}

/// An expanded object, when the field holds one.
fn expanded<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    v.get(key).filter(|o| o.is_object())
}

/// An id Stripe makes itself (`cus_…`, `in_…`): a prefix, then letters,
/// digits and `_`. Customers, subscriptions, invoices, payment methods,
/// events and configurations have only these, so anything else there is
/// refused; and only these are safe as a file name.
pub fn is_generated_id(id: &str) -> bool {
    (3..=255).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Any id Stripe can return. Products, plans (so the prices of legacy plans),
/// coupons and promotion codes take ids the merchant chose (`gold-monthly`,
/// `SAVE-20`, `pro 2019`): printable, without spaces at the ends, at most 255
/// characters. Shown as they are; percent-encoded wherever they go in a path.
pub fn is_chosen_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().count() <= 255
        && id.trim() == id
        && !id.chars().any(char::is_control)
}

fn object_id(v: &Value) -> Option<String> {
    text(v, "id").filter(|id| is_generated_id(id))
}

/// The id of an object whose id the merchant may have chosen.
fn chosen_id(v: &Value) -> Option<String> {
    text(v, "id").filter(|id| is_chosen_id(id))
}

/// Whether Stripe answered with `{"deleted": true}` for this object.
pub fn is_deleted(v: &Value) -> bool {
    flag(v, "deleted")
}

/// A customer, and its expanded default payment method if any.
pub fn customer(v: &Value) -> Option<(Customer, Option<PaymentMethod>)> {
    let id = object_id(v)?;
    let settings = v.get("invoice_settings").unwrap_or(&Value::Null);
    let default_method = expanded(settings, "default_payment_method").and_then(payment_method);
    let address = v
        .get("address")
        .filter(|a| a.is_object())
        .and_then(|a| serde_json::from_value::<Address>(a.clone()).ok());
    let customer = Customer {
        id: id.clone(),
        name: text(v, "name"),
        email: text(v, "email"),
        phone: text(v, "phone"),
        description: text(v, "description"),
        address,
        currency: text(v, "currency"),
        balance: int(v, "balance").unwrap_or(0),
        delinquent: flag(v, "delinquent"),
        default_payment_method: id_of(settings, "default_payment_method"),
        created: int(v, "created")?,
        preferred_locales: v
            .get("preferred_locales")
            .and_then(Value::as_array)
            .map(|locales| {
                locales
                    .iter()
                    .filter_map(Value::as_str)
                    // A locale is a short tag; anything else isn't one.
                    .filter(|l| !l.is_empty() && l.len() <= 16 && !l.contains(','))
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default(),
    };
    // An expanded method without a `customer` field belongs to this customer.
    let default_method = default_method.map(|mut pm| {
        if settings["default_payment_method"].get("customer").is_none() {
            pm.customer_id = Some(id);
        }
        pm
    });
    Some((customer, default_method))
}

/// A subscription, and its expanded default payment method if any.
pub fn subscription(v: &Value) -> Option<(Subscription, Option<PaymentMethod>)> {
    let id = object_id(v)?;
    let customer_id = id_of(v, "customer")?;
    let items: Vec<&Value> = v
        .get("items")
        .and_then(|i| i.get("data"))
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let first = items.first().copied().unwrap_or(&Value::Null);
    let subscription = Subscription {
        id,
        customer_id: customer_id.clone(),
        status: text(v, "status").unwrap_or_else(|| "unknown".into()),
        cancel_at_period_end: flag(v, "cancel_at_period_end"),
        cancel_at: int(v, "cancel_at"),
        canceled_at: int(v, "canceled_at"),
        // Recent API versions keep the period on the items; older ones on the subscription.
        current_period_start: int(first, "current_period_start")
            .or_else(|| int(v, "current_period_start")),
        current_period_end: int(first, "current_period_end")
            .or_else(|| int(v, "current_period_end")),
        created: int(v, "created")?,
        currency: text(v, "currency"),
        default_payment_method: id_of(v, "default_payment_method"),
        items: items
            .iter()
            .filter_map(|item| {
                Some(SubscriptionItem {
                    id: object_id(item)?,
                    price_id: id_of(item, "price"),
                    quantity: int(item, "quantity"),
                })
            })
            .collect(),
    };
    let default_method = expanded(v, "default_payment_method")
        .and_then(payment_method)
        .map(|mut pm| {
            if v["default_payment_method"].get("customer").is_none() {
                pm.customer_id = Some(customer_id);
            }
            pm
        });
    Some((subscription, default_method))
}

/// The prices a subscription's items carry in full.
pub fn item_prices(subscription: &Value) -> Vec<Price> {
    subscription["items"]["data"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|item| item["price"].is_object())
        .filter_map(|item| price(&item["price"]))
        .collect()
}

/// An invoice.
pub fn invoice(v: &Value) -> Option<Invoice> {
    let subscription_id = id_of(v, "subscription").or_else(|| {
        v.get("parent")
            .and_then(|p| p.get("subscription_details"))
            .and_then(|d| id_of(d, "subscription"))
    });
    Some(Invoice {
        id: object_id(v)?,
        customer_id: id_of(v, "customer"),
        subscription_id,
        number: text(v, "number"),
        status: text(v, "status"),
        currency: text(v, "currency").unwrap_or_default(),
        total: int(v, "total").unwrap_or(0),
        amount_due: int(v, "amount_due").unwrap_or(0),
        amount_paid: int(v, "amount_paid").unwrap_or(0),
        amount_remaining: int(v, "amount_remaining").unwrap_or(0),
        period_start: int(v, "period_start"),
        period_end: int(v, "period_end"),
        created: int(v, "created")?,
        due_date: int(v, "due_date"),
        next_payment_attempt: int(v, "next_payment_attempt"),
        hosted_invoice_url: text(v, "hosted_invoice_url"),
        invoice_pdf: text(v, "invoice_pdf"),
    })
}

/// A payment method.
pub fn payment_method(v: &Value) -> Option<PaymentMethod> {
    let kind = text(v, "type").unwrap_or_else(|| "unknown".into());
    let details = v.get(&kind).unwrap_or(&Value::Null);
    let brand = text(details, "display_brand")
        .or_else(|| text(details, "brand"))
        .or_else(|| text(details, "bank_name"));
    let month = int(details, "exp_month").and_then(|m| u32::try_from(m).ok());
    let year = int(details, "exp_year").and_then(|y| u32::try_from(y).ok());
    Some(PaymentMethod {
        id: object_id(v)?,
        customer_id: id_of(v, "customer"),
        brand,
        last4: text(details, "last4"),
        exp_month: month,
        exp_year: year,
        created: int(v, "created")?,
        kind,
    })
}

/// A price.
pub fn price(v: &Value) -> Option<Price> {
    let recurring = v.get("recurring").unwrap_or(&Value::Null);
    Some(Price {
        id: chosen_id(v)?,
        product_id: id_of(v, "product"),
        nickname: text(v, "nickname"),
        unit_amount: int(v, "unit_amount"),
        currency: text(v, "currency").unwrap_or_default(),
        interval: text(recurring, "interval"),
        interval_count: int(recurring, "interval_count"),
        active: flag(v, "active"),
        created: int(v, "created")?,
    })
}

/// A product.
pub fn product(v: &Value) -> Option<Product> {
    Some(Product {
        id: chosen_id(v)?,
        name: text(v, "name").unwrap_or_default(),
        active: flag(v, "active"),
        created: int(v, "created")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn expanded_and_plain_ids_read_the_same() {
        let plain = json!({"id": "sub_1", "customer": "cus_1", "status": "active", "created": 5,
            "default_payment_method": "pm_1", "items": {"data": []}});
        let expanded = json!({"id": "sub_1", "customer": {"id": "cus_1"}, "status": "active",
            "created": 5, "default_payment_method": {"id": "pm_1", "type": "card", "created": 4,
            "card": {"brand": "visa", "last4": "4242", "exp_month": 12, "exp_year": 2030}},
            "items": {"data": []}});
        let (a, none) = subscription(&plain).expect("reads");
        let (b, method) = subscription(&expanded).expect("reads");
        assert_eq!(a, b);
        assert!(none.is_none());
        let method = method.expect("expanded method");
        assert_eq!(
            (
                method.brand.as_deref(),
                method.last4.as_deref(),
                method.customer_id.as_deref()
            ),
            (Some("visa"), Some("4242"), Some("cus_1"))
        );
    }

    #[test]
    fn odd_objects_are_refused_alone_or_read_leniently() {
        assert!(customer(&json!({"name": "no id", "created": 1})).is_none());
        assert!(customer(&json!({"id": "cus_1"})).is_none(), "no created");
        assert!(customer(&json!({"id": "../../v1/charges", "created": 1})).is_none());
        assert!(customer(&json!({"id": "gold-monthly", "created": 1})).is_none());
        let (odd, _) = subscription(&json!({"id": "sub_1", "customer": "cus_1",
            "status": "some_new_status", "created": 1}))
        .expect("unknown status kept");
        assert_eq!(odd.status, "some_new_status");
        let invoice = invoice(&json!({"id": "in_1", "created": 1, "total": "NaN",
            "parent": {"subscription_details": {"subscription": "sub_9"}}}))
        .expect("reads");
        assert_eq!(
            (invoice.total, invoice.subscription_id.as_deref()),
            (0, Some("sub_9"))
        );
        assert!(page(b"<html>502 Bad Gateway</html>").is_none());
        assert!(page(b"").is_none());
        assert!(page(br#"{"data": "x", "has_more": false}"#).is_none());
    }

    #[test]
    fn products_and_prices_keep_the_ids_a_merchant_chose() {
        for id in [
            "gold-monthly",
            "pro_2019",
            "SAVE-20",
            "pro annual (2019)",
            "café/plan",
        ] {
            let price = price(&json!({"id": id, "created": 1, "currency": "usd"}));
            assert_eq!(price.map(|p| p.id).as_deref(), Some(id), "{id}");
            let product = product(&json!({"id": id, "created": 1}));
            assert_eq!(product.map(|p| p.id).as_deref(), Some(id), "{id}");
        }
        let too_long = "x".repeat(256);
        for id in [
            "",
            " gold",
            "gold ",
            "gold\nplan",
            "bell\u{7}",
            too_long.as_str(),
        ] {
            assert!(price(&json!({"id": id, "created": 1})).is_none(), "{id:?}");
        }
    }
}
