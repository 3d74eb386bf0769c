//! Amounts, dates and ages in the user's locale, through the browser's `Intl`.

use js_sys::{Array, Date, Intl, Object, Reflect};
use portal_ipc::Money;
use wasm_bindgen::JsValue;

/// The locale `Intl` formats in: the OS's own (say `en-GB` or `de-AT`) when
/// it speaks the window's language, else the language chosen in Settings.
fn locales() -> Array {
    let language = crate::i18n::language();
    let os = web_sys::window().and_then(|w| w.navigator().language());
    match os {
        Some(os) if portal_i18n::Language::from_locale(&os) == Some(language) => {
            Array::of1(&os.into())
        }
        _ => Array::of1(&JsValue::from_str(language.tag())),
    }
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        // Setting a plain property on a fresh object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

/// `1999 USD` → "$19.99" (or "19,99 $US" in French); zero-decimal currencies
/// are never divided.
pub fn money(amount: &Money) -> String {
    let digits = JsValue::from(amount.decimals);
    let format = Intl::NumberFormat::new(
        &locales(),
        &options(&[
            ("style", "currency".into()),
            ("currency", amount.currency.as_str().into()),
            ("minimumFractionDigits", digits.clone()),
            ("maximumFractionDigits", digits),
        ]),
    );
    let major = amount.minor as f64 / 10f64.powi(amount.decimals as i32);
    format
        .format()
        .call1(&JsValue::NULL, &major.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| format!("{} {major}", amount.currency))
}

/// Unix seconds → "24 Nov 2026" in the user's locale.
pub fn date(unix: i64) -> String {
    let date = Date::new(&JsValue::from_f64(unix as f64 * 1000.0));
    date.to_locale_date_string(
        &String::from(locales().join("")),
        &options(&[
            ("year", "numeric".into()),
            ("month", "short".into()),
            ("day", "numeric".into()),
        ]),
    )
    .into()
}

/// Unix seconds → "5 min ago", "2 h ago", "3 days ago".
pub fn age(unix: i64) -> String {
    let seconds = (now() - unix).max(0);
    match seconds {
        0..60 => t!("common-age-just-now"),
        60..3600 => t!("common-age-minutes", count = seconds / 60),
        3600..86400 => t!("common-age-hours", count = seconds / 3600),
        _ => match seconds / 86400 {
            1 => t!("common-age-yesterday"),
            days => t!("common-age-days", count = days),
        },
    }
}

/// Now, in unix seconds.
pub fn now() -> i64 {
    (Date::now() / 1000.0) as i64
}

/// A whole number with the locale's grouping: 100000 → "100,000".
pub fn count(n: u64) -> String {
    Intl::NumberFormat::new(&locales(), &Object::new())
        .format()
        .call1(&JsValue::NULL, &JsValue::from_f64(n as f64))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| n.to_string())
}

/// A size on disk: "512 KB", "3.4 MB".
pub fn bytes(n: u64) -> String {
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < 3 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        return t!("common-size-bytes", count = n);
    }
    // One decimal under 10, kept even when it is 0 ("1.0 MB"); the catalogue
    // writes the decimal separator of the language.
    let digits = if value < 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.0}")
    };
    let size = portal_i18n::FluentValue::try_number(&digits);
    match unit {
        1 => t!("common-size-kb", size = size),
        2 => t!("common-size-mb", size = size),
        _ => t!("common-size-gb", size = size),
    }
}
