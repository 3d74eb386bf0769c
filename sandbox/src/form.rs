//! Stripe's bracket encoding (`a[b][0][c]=v`, `expand[]=x`) for query strings and
//! form bodies, decoded into JSON with every leaf a string.

use serde_json::{Map, Value};

/// Decodes `a=1&b[c]=2&d[]=x&d[]=y&e[0][f]=z` into nested JSON. Numeric keys
/// and `[]` make arrays. Malformed pairs are kept as flat keys rather than lost.
pub fn decode(input: &str) -> Value {
    let mut root = Value::Object(Map::new());
    for pair in input.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(raw_key);
        let value = percent_decode(raw_value);
        let path = split_key(&key);
        insert(&mut root, &path, Value::String(value));
    }
    root
}

fn split_key(key: &str) -> Vec<String> {
    let Some(open) = key.find('[') else {
        return vec![key.to_owned()];
    };
    if !key.ends_with(']') {
        return vec![key.to_owned()];
    }
    let mut parts = vec![key[..open].to_owned()];
    parts.extend(key[open + 1..key.len() - 1].split("][").map(str::to_owned));
    parts
}

fn insert(node: &mut Value, path: &[String], value: Value) {
    let Some((head, rest)) = path.split_first() else {
        *node = value;
        return;
    };
    if head.is_empty() {
        // `[]`: append to an array.
        if !node.is_array() {
            *node = Value::Array(Vec::new());
        }
        let array = node.as_array_mut().expect("just made an array");
        if rest.is_empty() {
            array.push(value);
        } else {
            let mut child = Value::Null;
            insert(&mut child, rest, value);
            array.push(child);
        }
        return;
    }
    if let Ok(index) = head.parse::<usize>() {
        if node.is_null() {
            *node = Value::Array(Vec::new());
        }
        if let Some(array) = node.as_array_mut() {
            while array.len() <= index.min(1000) {
                array.push(Value::Null);
            }
            if index <= 1000 {
                insert(&mut array[index], rest, value);
            }
            return;
        }
    }
    if !node.is_object() {
        *node = Value::Object(Map::new());
    }
    let object = node.as_object_mut().expect("just made an object");
    insert(
        object.entry(head.clone()).or_insert(Value::Null),
        rest,
        value,
    );
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(digit: u8) -> Option<u8> {
    (digit as char).to_digit(16).map(|d| d as u8)
}

/// Encodes JSON the way Stripe's SDKs do (`a[b][0]=v`); the inverse of [`decode`]
/// for string leaves. Used by tests and the control API's examples.
pub fn encode(value: &Value) -> String {
    let mut pairs = Vec::new();
    encode_into(value, String::new(), &mut pairs);
    pairs.join("&")
}

fn encode_into(value: &Value, prefix: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}[{k}]")
                };
                encode_into(v, key, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                encode_into(v, format!("{prefix}[{i}]"), out);
            }
        }
        Value::Null => out.push(format!("{}=", percent_encode(&prefix))),
        Value::String(s) => out.push(format!("{}={}", percent_encode(&prefix), percent_encode(s))),
        other => out.push(format!(
            "{}={}",
            percent_encode(&prefix),
            percent_encode(&other.to_string())
        )),
    }
}

/// Every byte but RFC 3986's unreserved `A-Z a-z 0-9 - _ . ~`, as Stripe's SDKs send.
const ESCAPED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn percent_encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, ESCAPED).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn decodes_nested_brackets_and_arrays() {
        let decoded = decode(
            "customer=cus_1&expand[]=data.customer&expand[]=data.default_payment_method\
             &flow_data[type]=subscription_update_confirm\
             &flow_data[subscription_update_confirm][items][0][id]=si_1\
             &flow_data[subscription_update_confirm][items][0][price]=price_2\
             &return_url=https%3A%2F%2Fexample.com%2Fback%3Fa%3D1&name=Jos%C3%A9+%C3%81lvarez",
        );
        assert_eq!(
            decoded,
            json!({
                "customer": "cus_1",
                "expand": ["data.customer", "data.default_payment_method"],
                "flow_data": {
                    "type": "subscription_update_confirm",
                    "subscription_update_confirm": {"items": [{"id": "si_1", "price": "price_2"}]}
                },
                "return_url": "https://example.com/back?a=1",
                "name": "José Álvarez"
            })
        );
    }

    #[test]
    fn encode_then_decode_round_trips() {
        let value = json!({"a": {"b": [{"c": "v w"}, {"c": "ü&="}]}, "expand": ["x", "y"]});
        assert_eq!(decode(&encode(&value)), value);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for input in [
            "%",
            "%zz",
            "a[",
            "a]",
            "[]=x",
            "a[99999999]=x",
            "&&&",
            "=",
            "a[b]c=1",
            "%E2%82",
            "%\u{e9}x",
            "a=%",
        ] {
            let _ = decode(input);
        }
    }
}
