//! The sandbox's state: one ordered collection per resource, indexed by id.

use std::collections::{BTreeSet, HashMap};

use serde_json::{Value, json};

/// The resources the sandbox keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// `cus_`
    Customer,
    /// `sub_`
    Subscription,
    /// `in_`
    Invoice,
    /// `pm_`
    PaymentMethod,
    /// `price_`
    Price,
    /// `prod_`
    Product,
    /// `evt_`
    Event,
    /// `bpc_`
    PortalConfiguration,
    /// `bps_`
    PortalSession,
    /// A coupon: its id is the merchant's (`SAVE-20`) or random, with no prefix.
    Coupon,
    /// `clock_`: a test clock, which hides its customers and subscriptions
    /// from the plain lists.
    TestClock,
}

impl Kind {
    /// Every kind, in dump order.
    pub const ALL: [Kind; 11] = [
        Kind::Customer,
        Kind::Subscription,
        Kind::Invoice,
        Kind::PaymentMethod,
        Kind::Price,
        Kind::Product,
        Kind::Event,
        Kind::PortalConfiguration,
        Kind::PortalSession,
        Kind::Coupon,
        Kind::TestClock,
    ];

    /// The id prefix (coupons have none).
    pub fn prefix(self) -> Option<&'static str> {
        Some(match self {
            Kind::Customer => "cus_",
            Kind::Subscription => "sub_",
            Kind::Invoice => "in_",
            Kind::PaymentMethod => "pm_",
            Kind::Price => "price_",
            Kind::Product => "prod_",
            Kind::Event => "evt_",
            Kind::PortalConfiguration => "bpc_",
            Kind::PortalSession => "bps_",
            Kind::TestClock => "clock_",
            Kind::Coupon => return None,
        })
    }

    /// The `object` field, also the word in "No such X" messages.
    pub fn object(self) -> &'static str {
        match self {
            Kind::Customer => "customer",
            Kind::Subscription => "subscription",
            Kind::Invoice => "invoice",
            Kind::PaymentMethod => "payment_method",
            Kind::Price => "price",
            Kind::Product => "product",
            Kind::Event => "event",
            Kind::PortalConfiguration => "billing_portal.configuration",
            Kind::PortalSession => "billing_portal.session",
            Kind::Coupon => "coupon",
            Kind::TestClock => "test_helpers.test_clock",
        }
    }

    /// The key in the truth dump.
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Customer => "customers",
            Kind::Subscription => "subscriptions",
            Kind::Invoice => "invoices",
            Kind::PaymentMethod => "payment_methods",
            Kind::Price => "prices",
            Kind::Product => "products",
            Kind::Event => "events",
            Kind::PortalConfiguration => "portal_configurations",
            Kind::PortalSession => "portal_sessions",
            Kind::Coupon => "coupons",
            Kind::TestClock => "test_clocks",
        }
    }

    /// The kind whose ids start like `id`.
    pub fn of_id(id: &str) -> Option<Kind> {
        // `prod_` and `price_` both start with `pr`; check the longer prefixes first.
        Kind::ALL
            .into_iter()
            .find(|k| k.prefix().is_some_and(|prefix| id.starts_with(prefix)))
    }
}

/// Objects of one kind in list order: ascending `created`, then insertion.
#[derive(Debug, Default, Clone)]
pub struct Collection {
    records: Vec<Record>,
    index: HashMap<String, usize>,
}

/// One stored object: its JSON, and a small projection of the fields that
/// filters read, so a large account stays small in memory.
#[derive(Debug, Clone)]
pub struct Record {
    /// Sort key, from `created`.
    pub created: i64,
    /// Tie-breaker: insertion order.
    pub seq: u64,
    json: Box<str>,
    fields: Value,
}

/// A record built off the store (on a generator thread), not yet ordered.
#[derive(Debug)]
pub struct Staged {
    kind: Kind,
    record: Record,
}

impl Staged {
    /// Serializes `value` for `kind`.
    pub fn new(kind: Kind, value: &Value) -> Staged {
        Staged {
            kind,
            record: Record::encode(value, 0),
        }
    }
}

/// The fields list filters and lookups use.
fn project(value: &Value) -> Value {
    let mut out = serde_json::Map::new();
    for key in [
        "id",
        "created",
        "email",
        "name",
        "phone",
        "metadata",
        "status",
        "customer",
        "type",
        "active",
        "product",
        "currency",
        "is_default",
        "test_clock",
    ] {
        if let Some(v) = value.get(key) {
            out.insert(key.into(), v.clone());
        }
    }
    if let Some(items) = value["items"]["data"].as_array() {
        let prices: Vec<Value> = items
            .iter()
            .map(|i| json!({"price": {"id": i["price"]["id"]}}))
            .collect();
        out.insert("items".into(), json!({"data": prices}));
    }
    if let Some(subscription) = value["parent"]["subscription_details"]["subscription"].as_str() {
        out.insert(
            "parent".into(),
            json!({"subscription_details": {"subscription": subscription}}),
        );
    }
    Value::Object(out)
}

impl Record {
    /// `value` as stored: compact JSON and its projected fields.
    fn encode(value: &Value, seq: u64) -> Record {
        Record {
            created: value["created"].as_i64().unwrap_or(0),
            seq,
            json: serde_json::to_string(value)
                .expect("JSON values serialize")
                .into_boxed_str(),
            fields: project(value),
        }
    }

    /// The whole object.
    pub fn value(&self) -> Value {
        serde_json::from_str(&self.json).expect("the store holds valid JSON")
    }

    /// The projected fields (id, created, customer, status, email, ...).
    pub fn fields(&self) -> &Value {
        &self.fields
    }

    fn id(&self) -> &str {
        self.fields["id"].as_str().unwrap_or_default()
    }
}

impl Collection {
    /// Adds `value`, keeping the order; replaces an object with the same id.
    pub fn insert(&mut self, value: Value, seq: u64) {
        let record = Record::encode(&value, seq);
        if let Some(&i) = self.index.get(record.id()) {
            // Same object, new content: its place in the list doesn't move.
            self.records[i].json = record.json;
            self.records[i].fields = record.fields;
            return;
        }
        let created = record.created;
        let at = self
            .records
            .partition_point(|r| (r.created, r.seq) <= (created, seq));
        self.records.insert(at, record);
        for i in at..self.records.len() {
            let id = self.records[i].id().to_owned();
            self.index.insert(id, i);
        }
    }

    /// Removes the object `id`.
    pub fn remove(&mut self, id: &str) -> Option<Value> {
        let i = self.index.remove(id)?;
        let record = self.records.remove(i);
        self.reindex();
        Some(record.value())
    }

    fn reindex(&mut self) {
        self.index = self
            .records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id().to_owned(), i))
            .collect();
    }

    /// Sorts staged records into list order, makes `created` strictly
    /// increasing (nudging ties forward a second; the order doesn't change),
    /// and indexes them.
    fn finish_loading(&mut self) {
        self.records.sort_by_key(|r| (r.created, r.seq));
        let mut previous = i64::MIN;
        for record in &mut self.records {
            if record.created <= previous {
                record.created = previous + 1;
                let mut value = record.value();
                value["created"] = json!(record.created);
                record.json = serde_json::to_string(&value)
                    .expect("serializes")
                    .into_boxed_str();
                record.fields["created"] = json!(record.created);
            }
            previous = record.created;
        }
        self.reindex();
    }

    /// The object `id`.
    pub fn get(&self, id: &str) -> Option<Value> {
        self.index.get(id).map(|&i| self.records[i].value())
    }

    /// Whether `id` is here.
    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    /// Position of `id` in list order.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// All records, oldest first.
    pub fn records(&self) -> &[Record] {
        &self.records
    }
}

/// Every collection.
#[derive(Debug, Default, Clone)]
pub struct Store {
    collections: HashMap<Kind, Collection>,
    deleted_customers: BTreeSet<String>,
    seq: u64,
}

impl Store {
    /// Adds or replaces an object of `kind`.
    pub fn insert(&mut self, kind: Kind, value: Value) {
        self.seq += 1;
        let seq = self.seq;
        self.collections.entry(kind).or_default().insert(value, seq);
    }

    /// Adds a record during bulk loading (call [`Store::finish_loading`] after).
    pub fn stage(&mut self, staged: Staged) {
        self.seq += 1;
        let mut record = staged.record;
        record.seq = self.seq;
        self.collections
            .entry(staged.kind)
            .or_default()
            .records
            .push(record);
    }

    /// Orders and indexes everything staged.
    pub fn finish_loading(&mut self) {
        for collection in self.collections.values_mut() {
            collection.finish_loading();
        }
    }

    /// The collection of `kind`.
    pub fn collection(&self, kind: Kind) -> &Collection {
        static EMPTY: std::sync::OnceLock<Collection> = std::sync::OnceLock::new();
        self.collections
            .get(&kind)
            .unwrap_or_else(|| EMPTY.get_or_init(Collection::default))
    }

    /// The collection of `kind`, to change.
    pub fn collection_mut(&mut self, kind: Kind) -> &mut Collection {
        self.collections.entry(kind).or_default()
    }

    /// Removes customer `id` and remembers it, so retrieving it says `deleted: true`.
    pub fn delete_customer(&mut self, id: &str) -> Option<Value> {
        let removed = self.collection_mut(Kind::Customer).remove(id)?;
        self.deleted_customers.insert(id.to_owned());
        Some(removed)
    }

    /// Whether customer `id` was deleted.
    pub fn is_deleted(&self, id: &str) -> bool {
        self.deleted_customers.contains(id)
    }

    /// The ids of deleted customers.
    pub fn deleted_customers(&self) -> impl Iterator<Item = &String> {
        self.deleted_customers.iter()
    }

    /// Any object by id.
    pub fn find(&self, id: &str) -> Option<Value> {
        self.collection(Kind::of_id(id)?).get(id)
    }
}
