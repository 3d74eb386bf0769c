//! The bracket-form encoder: whatever a user types into a portal
//! configuration, `configurations::encode` either refuses it with a short
//! message or produces a form Stripe can read without ambiguity.

use std::sync::OnceLock;

use arbitrary::Unstructured;
use portal_core::cache::Cache;
use portal_core::configurations::{self, CancelMode, ConfigurationSpec};
use portal_core::sync::Resource;
use serde_json::json;

/// Products in the check's cache: the first has an active recurring price, the
/// second none.
const PRODUCTS: [&str; 2] = ["prod_FuzzPriced", "prod_FuzzUnpriced"];

/// Values worth trying beside arbitrary text: valid ones, near misses, odd ones.
const WORDS: &[&str] = &[
    "",
    " ",
    "email",
    "address",
    "shipping",
    "phone",
    "tax_id",
    "name",
    " Email ",
    "price",
    "quantity",
    "promotion_code",
    "none",
    "create_prorations",
    "always_invoice",
    "NONE",
    "prod_FuzzPriced",
    "prod_FuzzUnpriced",
    " prod_FuzzPriced ",
    "prod_",
    "prod_a b",
    "https://example.com/privacy",
    "https://example.com/a?b=c&d[e]=f#g",
    "HTTPS://EXAMPLE.COM",
    "http://example.com",
    "http://127.0.0.1:12111/x",
    "https://",
    "https://user@example.com",
    "javascript:alert(1)",
    "https://exa mple.com",
    "https://example.com/\u{202e}",
    "Billing & Support [beta]",
    "a\nb",
    "Zoë's café, 60 characters of headline text and then some more",
    "=&%[]",
];

fn text(u: &mut Unstructured<'_>) -> arbitrary::Result<String> {
    Ok(if u.arbitrary()? {
        (*u.choose(WORDS)?).to_owned()
    } else {
        u.arbitrary()?
    })
}

fn texts(u: &mut Unstructured<'_>) -> arbitrary::Result<Option<Vec<String>>> {
    if !u.arbitrary()? {
        return Ok(None);
    }
    let n = u.int_in_range(0..=12)?;
    (0..n).map(|_| text(u)).collect::<Result<_, _>>().map(Some)
}

fn maybe_text(u: &mut Unstructured<'_>) -> arbitrary::Result<Option<String>> {
    Ok(if u.arbitrary()? { Some(text(u)?) } else { None })
}

fn spec(u: &mut Unstructured<'_>) -> arbitrary::Result<ConfigurationSpec> {
    Ok(ConfigurationSpec {
        headline: maybe_text(u)?,
        privacy_policy_url: maybe_text(u)?,
        terms_of_service_url: maybe_text(u)?,
        default_return_url: maybe_text(u)?,
        login_page: u.arbitrary()?,
        customer_updates: texts(u)?,
        invoice_history: u.arbitrary()?,
        payment_method_update: u.arbitrary()?,
        cancel_mode: match u.int_in_range(0..=3)? {
            0 => None,
            1 => Some(CancelMode::Off),
            2 => Some(CancelMode::AtPeriodEnd),
            _ => Some(CancelMode::Immediately),
        },
        cancel_proration: maybe_text(u)?,
        cancel_reasons: u.arbitrary()?,
        plan_switching: u.arbitrary()?,
        plan_products: texts(u)?,
        plan_updates: texts(u)?,
        plan_proration: maybe_text(u)?,
        schedule_at_period_end: u.arbitrary()?,
    })
}

fn with_products() -> Cache {
    let mut cache = Cache::in_memory().expect("an in-memory cache");
    cache
        .write(|tx| {
            for (n, product) in PRODUCTS.iter().enumerate() {
                let object = json!({
                    "id": product, "object": "product", "name": format!("Plan {n}"),
                    "active": true, "created": 1_700_000_000,
                });
                Resource::Products.store(tx, &object, 0)?;
            }
            let mut price = crate::fixtures::object("price");
            price["id"] = json!("price_FuzzMonthly");
            price["product"] = json!(PRODUCTS[0]);
            Resource::Prices.store(tx, &price, 0)?;
            Ok(())
        })
        .expect("the products are stored");
    cache
}

/// Whether `key` is Stripe's bracket form: a name, then `[name]`, `[0]` or a final `[]`.
fn is_bracket_key(key: &str) -> bool {
    let name = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    let (head, mut rest) = key
        .split_once('[')
        .map_or((key, ""), |(h, _)| (h, &key[h.len()..]));
    if !name(head) {
        return false;
    }
    while !rest.is_empty() {
        let Some(inner) = rest.strip_prefix('[').and_then(|r| r.split_once(']')) else {
            return false;
        };
        let (segment, after) = inner;
        let index = !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit());
        let last_append = segment.is_empty() && after.is_empty();
        if !(name(segment) || index || last_append) {
            return false;
        }
        rest = after;
    }
    true
}

/// Checks one configuration as a user might type it, on create and on update.
pub fn check(data: &[u8]) {
    static CACHE: OnceLock<std::sync::Mutex<Cache>> = OnceLock::new();
    let Ok(spec) = spec(&mut Unstructured::new(data)) else {
        return;
    };
    crate::show(&spec);
    let cache = CACHE.get_or_init(|| std::sync::Mutex::new(with_products()));
    let cache = cache
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    for creating in [true, false] {
        match configurations::encode(&spec, &cache, None, creating) {
            Ok(form) => check_form(&spec, &form, creating),
            Err(error) => {
                let message = error.to_string();
                assert!(
                    message.chars().count() <= 300,
                    "a short message, whatever was typed: {message}"
                );
            }
        }
    }
}

fn check_form(spec: &ConfigurationSpec, form: &[(String, String)], creating: bool) {
    for (key, value) in form {
        assert!(is_bracket_key(key), "{key:?} is not a bracket key");
        let scalar = !key.ends_with("[]");
        if scalar {
            let again = form.iter().filter(|(k, _)| k == key).count();
            assert_eq!(again, 1, "{key} is set {again} times");
            // `a=""` with `a[b]=…` or `a[]=…` asks Stripe for two things at once.
            let child = format!("{key}[");
            assert!(
                !form.iter().any(|(k, _)| k.starts_with(&child)),
                "{key} is both a value and a parent in {form:?}"
            );
        }
        if key.ends_with("_url]") || key == "default_return_url" {
            assert!(
                value.is_empty()
                    || value
                        .get(..8)
                        .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
                        && !value.contains(char::is_whitespace),
                "{key} = {value:?}"
            );
        }
    }
    if let Some(headline) = &spec.headline {
        let sent = value_of(form, "business_profile[headline]");
        // Empty text unsets on update; a create leaves it out (Stripe refuses it).
        if creating && headline.trim().is_empty() {
            assert_eq!(sent, None, "an empty headline is not sent on create");
        } else {
            let sent = sent.expect("the headline is sent");
            assert_eq!(sent, headline.trim());
            assert!(sent.chars().count() <= 60 && !sent.chars().any(char::is_control));
        }
    }
    if creating {
        assert!(
            form.iter().all(|(k, v)| !v.is_empty()
                || !(k.starts_with("business_profile[") || k == "default_return_url")),
            "no empty text on create: {form:?}"
        );
    }
    for product in spec.plan_products.iter().flatten() {
        let product = product.trim();
        assert!(
            form.iter().any(|(_, v)| v == product),
            "{product} is not in the form"
        );
    }
    if creating {
        assert!(form.iter().any(|(k, _)| k.starts_with("features[")));
    }
    let body = configurations::form_body(form);
    let decoded: Vec<(String, String)> = form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect();
    assert_eq!(decoded, form, "the body decodes to the form");
}

fn value_of<'a>(form: &'a [(String, String)], key: &str) -> Option<&'a str> {
    form.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::is_bracket_key;

    #[test]
    fn bracket_keys_are_recognised() {
        for good in [
            "a",
            "a_b[c]",
            "a[0][b]",
            "a[b][]",
            "features[x][products][10][prices][]",
        ] {
            assert!(is_bracket_key(good), "{good}");
        }
        for bad in [
            "", "A", "a[", "a[]b", "a[][b]", "a[B]", "a[b", "a]b", "[a]", "a[b]c",
        ] {
            assert!(!is_bracket_key(bad), "{bad}");
        }
    }
}
