//! Stripe's fixture objects (`fixtures/fixtures3.json`, MIT, see fixtures/README.md).

use serde_json::Value;

static FIXTURES: &str = include_str!("../fixtures/fixtures3.json");

/// The fixture objects, by resource name (`customer`, `billing_portal.session`, ...).
#[derive(Debug, Clone)]
pub struct Templates {
    resources: serde_json::Map<String, Value>,
}

impl Templates {
    /// Parses the embedded fixtures.
    pub fn load() -> Templates {
        let mut all: Value =
            serde_json::from_str(FIXTURES).expect("the embedded fixtures are valid JSON");
        let resources = match all["resources"].take() {
            Value::Object(map) => map,
            _ => panic!("fixtures3.json has no resources object"),
        };
        Templates { resources }
    }

    /// A deep copy of the fixture object `name`.
    pub fn get(&self, name: &str) -> Value {
        self.resources
            .get(name)
            .cloned()
            .unwrap_or_else(|| panic!("no fixture named {name}"))
    }
}
