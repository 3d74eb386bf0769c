//! The sandbox's state: one ordered collection per resource, indexed by id.

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

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
}

impl Kind {
    /// Every kind, in dump order.
    pub const ALL: [Kind; 9] = [
        Kind::Customer,
        Kind::Subscription,
        Kind::Invoice,
        Kind::PaymentMethod,
        Kind::Price,
        Kind::Product,
        Kind::Event,
        Kind::PortalConfiguration,
        Kind::PortalSession,
    ];

    /// The id prefix.
    pub fn prefix(self) -> &'static str {
        match self {
            Kind::Customer => "cus_",
            Kind::Subscription => "sub_",
            Kind::Invoice => "in_",
            Kind::PaymentMethod => "pm_",
            Kind::Price => "price_",
            Kind::Product => "prod_",
            Kind::Event => "evt_",
            Kind::PortalConfiguration => "bpc_",
            Kind::PortalSession => "bps_",
        }
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
        }
    }

    /// The kind whose ids start like `id`.
    pub fn of_id(id: &str) -> Option<Kind> {
        // `prod_` and `price_` both start with `pr`; check the longer prefixes first.
        Kind::ALL.into_iter().find(|k| id.starts_with(k.prefix()))
    }
}

/// Objects of one kind in list order: ascending `created`, then insertion.
#[derive(Debug, Default, Clone)]
pub struct Collection {
    records: Vec<Record>,
    index: HashMap<String, usize>,
}

/// One stored object.
#[derive(Debug, Clone)]
pub struct Record {
    /// Sort key, from `created`.
    pub created: i64,
    /// Tie-breaker: insertion order.
    pub seq: u64,
    /// The object as Stripe would return it (references as ids).
    pub value: Value,
}

impl Collection {
    /// Adds `value`, keeping the order; replaces an object with the same id.
    pub fn insert(&mut self, value: Value, seq: u64) {
        let id = value["id"].as_str().unwrap_or_default().to_owned();
        let created = value["created"].as_i64().unwrap_or(0);
        if let Some(&i) = self.index.get(&id) {
            self.records[i].value = value;
            return;
        }
        let record = Record {
            created,
            seq,
            value,
        };
        let at = self
            .records
            .partition_point(|r| (r.created, r.seq) <= (created, seq));
        if at == self.records.len() {
            self.index.insert(id, at);
            self.records.push(record);
        } else {
            self.records.insert(at, record);
            self.reindex();
        }
    }

    /// Removes the object `id`.
    pub fn remove(&mut self, id: &str) -> Option<Value> {
        let i = self.index.remove(id)?;
        let record = self.records.remove(i);
        self.reindex();
        Some(record.value)
    }

    fn reindex(&mut self) {
        self.index = self
            .records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.value["id"].as_str().unwrap_or_default().to_owned(), i))
            .collect();
    }

    /// Appends without keeping order; [`Collection::finish_loading`] sorts once.
    fn stage(&mut self, value: Value, seq: u64) {
        let created = value["created"].as_i64().unwrap_or(0);
        self.records.push(Record {
            created,
            seq,
            value,
        });
    }

    /// Sorts staged records into list order and indexes them.
    fn finish_loading(&mut self) {
        self.records.sort_by_key(|r| (r.created, r.seq));
        self.make_created_strictly_increasing();
        self.reindex();
    }

    /// Nudges equal timestamps forward a second at a time, so `created` is
    /// strictly increasing in list order (the order itself doesn't change).
    fn make_created_strictly_increasing(&mut self) {
        let mut previous = i64::MIN;
        for record in &mut self.records {
            if record.created <= previous {
                record.created = previous + 1;
                record.value["created"] = serde_json::json!(record.created);
            }
            previous = record.created;
        }
    }

    /// The object `id`.
    pub fn get(&self, id: &str) -> Option<&Value> {
        self.index.get(id).map(|&i| &self.records[i].value)
    }

    /// The object `id`, to change in place (its `created` must not change).
    pub fn get_mut(&mut self, id: &str) -> Option<&mut Value> {
        self.index.get(id).map(|&i| &mut self.records[i].value)
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
    /// Adds an object of `kind`.
    pub fn insert(&mut self, kind: Kind, value: Value) {
        self.seq += 1;
        let seq = self.seq;
        self.collections.entry(kind).or_default().insert(value, seq);
    }

    /// Adds an object during bulk loading (call [`Store::finish_loading`] after).
    pub fn stage(&mut self, kind: Kind, value: Value) {
        self.seq += 1;
        let seq = self.seq;
        self.collections.entry(kind).or_default().stage(value, seq);
    }

    /// Orders and indexes everything staged, with strictly increasing `created`
    /// within each list.
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
    pub fn find(&self, id: &str) -> Option<&Value> {
        self.collection(Kind::of_id(id)?).get(id)
    }
}
