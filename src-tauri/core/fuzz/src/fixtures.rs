//! Stripe's example objects (the sandbox's copy of `fixtures3.json`), as
//! templates for what a retrieve answers.

use std::sync::OnceLock;

use serde_json::Value;

/// Stripe's example `kind` object (`customer`, `invoice`, …), or null.
pub(crate) fn object(kind: &str) -> Value {
    static RESOURCES: OnceLock<Value> = OnceLock::new();
    let resources = RESOURCES.get_or_init(|| {
        let text = include_str!("../../../../sandbox/fixtures/fixtures3.json");
        let mut all: Value = serde_json::from_str(text).unwrap_or_default();
        all["resources"].take()
    });
    resources[kind].clone()
}
