//! Amounts, dates and ages in the user's locale, through the browser's `Intl`.

use js_sys::{Array, Date, Intl, Object, Reflect};
use portal_ipc::Money;
use wasm_bindgen::JsValue;

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
        &Array::new(),
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
        "default",
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
        0..60 => "just now".to_owned(),
        60..3600 => format!("{} min ago", seconds / 60),
        3600..86400 => format!("{} h ago", seconds / 3600),
        _ => match seconds / 86400 {
            1 => "yesterday".to_owned(),
            days => format!("{days} days ago"),
        },
    }
}

/// Now, in unix seconds.
pub fn now() -> i64 {
    (Date::now() / 1000.0) as i64
}

/// A whole number with the locale's grouping: 100000 → "100,000".
pub fn count(n: u64) -> String {
    Intl::NumberFormat::new(&Array::new(), &Object::new())
        .format()
        .call1(&JsValue::NULL, &JsValue::from_f64(n as f64))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| n.to_string())
}

/// A size on disk: "512 KB", "3.4 MB".
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["bytes", "KB", "MB", "GB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    match unit {
        0 => format!("{n} bytes"),
        _ if value < 10.0 => format!("{value:.1} {}", UNITS[unit]),
        _ => format!("{value:.0} {}", UNITS[unit]),
    }
}
