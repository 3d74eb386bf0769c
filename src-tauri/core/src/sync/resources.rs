//! The lists a full sync reads and the single objects an incremental sync
//! re-fetches, as async-stripe requests, and how each object lands in the cache.

use serde_json::Value;
use stripe_billing::invoice::{ListInvoice, RetrieveInvoice};
use stripe_billing::subscription::{
    ListSubscription, ListSubscriptionStatus, RetrieveSubscription,
};
use stripe_client_core::{RequestBuilder, StripeRequest};
use stripe_core::customer::{ListCustomer, RetrieveCustomer};
use stripe_payment::payment_method::RetrievePaymentMethod;
use stripe_product::price::{ListPrice, RetrievePrice};
use stripe_product::product::{ListProduct, RetrieveProduct};
use stripe_types::{RangeBoundsTs, RangeQueryTs};

use super::objects;
use crate::cache::{self, SqlResult, Transaction};

/// A kind of object the cache holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Resource {
    /// Products (listed first: prices and plans refer to them).
    Products,
    /// Prices.
    Prices,
    /// Customers, with their default payment method expanded.
    Customers,
    /// Subscriptions of every status, with their default payment method expanded.
    Subscriptions,
    /// Invoices.
    Invoices,
    /// Payment methods (fetched one by one when events name them).
    PaymentMethods,
}

impl Resource {
    /// The lists of a full sync.
    pub const LISTED: [Resource; 5] = [
        Resource::Products,
        Resource::Prices,
        Resource::Customers,
        Resource::Subscriptions,
        Resource::Invoices,
    ];

    /// The name used in progress, `sync --json` and the sync windows table.
    pub fn name(self) -> &'static str {
        match self {
            Resource::Products => "products",
            Resource::Prices => "prices",
            Resource::Customers => "customers",
            Resource::Subscriptions => "subscriptions",
            Resource::Invoices => "invoices",
            Resource::PaymentMethods => "payment_methods",
        }
    }

    /// The resource called `name`.
    pub fn from_name(name: &str) -> Option<Resource> {
        Resource::LISTED
            .into_iter()
            .chain([Resource::PaymentMethods])
            .find(|r| r.name() == name)
    }

    /// The resource a Stripe `object` field names.
    pub fn of_object(object: &str) -> Option<Resource> {
        Some(match object {
            "product" => Resource::Products,
            "price" | "plan" => Resource::Prices,
            "customer" => Resource::Customers,
            "subscription" => Resource::Subscriptions,
            "invoice" => Resource::Invoices,
            "payment_method" | "card" | "source" => Resource::PaymentMethods,
            _ => return None,
        })
    }

    /// The resource an id belongs to, by its prefix.
    pub fn of_id(id: &str) -> Option<Resource> {
        // Subscription schedules (`sub_sched_…`) are not subscriptions, and
        // the cache keeps none: their events cost no request.
        if id.starts_with("sub_sched_") {
            return None;
        }
        let prefix = id.split('_').next()?;
        Some(match prefix {
            "prod" => Resource::Products,
            "price" | "plan" => Resource::Prices,
            "cus" => Resource::Customers,
            "sub" => Resource::Subscriptions,
            "in" => Resource::Invoices,
            "pm" | "card" | "src" => Resource::PaymentMethods,
            _ => return None,
        })
    }

    /// One page of this list: 100 objects with `lo <= created < hi`, after `cursor`.
    pub fn list_page(self, lo: i64, hi: Option<i64>, cursor: Option<&str>) -> RequestBuilder {
        let created = RangeQueryTs::Bounds(RangeBoundsTs {
            gte: Some(lo),
            lt: hi,
            ..Default::default()
        });
        macro_rules! page {
            ($request:expr) => {{
                let mut request = $request.limit(100).created(created);
                if let Some(cursor) = cursor {
                    request = request.starting_after(cursor);
                }
                request.build()
            }};
        }
        match self {
            Resource::Customers => {
                page!(ListCustomer::new().expand(vec![CUSTOMER_EXPAND.to_owned()]))
            }
            Resource::Subscriptions => page!(
                ListSubscription::new()
                    .status(ListSubscriptionStatus::All)
                    .expand(vec![SUBSCRIPTION_LIST_EXPAND.to_owned()])
            ),
            Resource::Invoices => page!(ListInvoice::new()),
            Resource::Prices => page!(ListPrice::new()),
            Resource::Products => page!(ListProduct::new()),
            Resource::PaymentMethods => unreachable!("payment methods are not listed"),
        }
    }

    /// One page of the customers or subscriptions on test clock `clock`,
    /// which the plain lists leave out.
    pub fn list_on_clock(self, clock: &str, cursor: Option<&str>) -> RequestBuilder {
        match self {
            Resource::Customers => {
                let mut request = ListCustomer::new()
                    .limit(100)
                    .test_clock(clock)
                    .expand(vec![CUSTOMER_EXPAND.to_owned()]);
                if let Some(cursor) = cursor {
                    request = request.starting_after(cursor);
                }
                request.build()
            }
            Resource::Subscriptions => {
                let mut request = ListSubscription::new()
                    .limit(100)
                    .status(ListSubscriptionStatus::All)
                    .test_clock(clock)
                    .expand(vec![SUBSCRIPTION_LIST_EXPAND.to_owned()]);
                if let Some(cursor) = cursor {
                    request = request.starting_after(cursor);
                }
                request.build()
            }
            _ => unreachable!("only customers and subscriptions sit on test clocks"),
        }
    }

    /// Retrieves object `id` of this kind in our pinned API version.
    pub fn retrieve(self, id: &str) -> RequestBuilder {
        let mut request = match self {
            Resource::Customers => RetrieveCustomer::new(id)
                .expand(vec!["invoice_settings.default_payment_method".to_owned()])
                .build(),
            Resource::Subscriptions => RetrieveSubscription::new(id)
                .expand(vec!["default_payment_method".to_owned()])
                .build(),
            Resource::Invoices => RetrieveInvoice::new(id).build(),
            Resource::Prices => RetrievePrice::new(id).build(),
            Resource::Products => RetrieveProduct::new(id).build(),
            Resource::PaymentMethods => RetrievePaymentMethod::new(id).build(),
        };
        // async-stripe puts the id in the path as it is, and an id a merchant
        // chose (`pro annual (2019)`) must be escaped there.
        request.path = format!("/{}/{}", self.name(), crate::percent::encode(id));
        request
    }

    /// Writes `object` (a Stripe object of this kind) to the cache; `false`
    /// when the object could not be read and was skipped.
    pub fn store(self, tx: &Transaction<'_>, object: &Value, run: i64) -> SqlResult<bool> {
        match self {
            Resource::Customers => {
                let Some((customer, method)) = objects::customer(object) else {
                    return Ok(false);
                };
                if let Some(method) = method.filter(|m| m.customer_id.is_some()) {
                    cache::payment_methods::upsert(tx, &method, run)?;
                }
                cache::customers::upsert(tx, &customer, run)?;
            }
            Resource::Subscriptions => {
                let Some((subscription, method)) = objects::subscription(object) else {
                    return Ok(false);
                };
                if let Some(method) = method.filter(|m| m.customer_id.is_some()) {
                    cache::payment_methods::upsert(tx, &method, run)?;
                }
                // Each item carries its whole price: a plan switched to a price
                // created since the last full sync is named (the feed skips price events).
                for price in objects::item_prices(object) {
                    cache::prices::upsert(tx, &price, run)?;
                }
                cache::subscriptions::upsert(tx, &subscription, run)?;
            }
            Resource::Invoices => match objects::invoice(object) {
                Some(invoice) => cache::invoices::upsert(tx, &invoice, run)?,
                None => return Ok(false),
            },
            Resource::Prices => match objects::price(object) {
                Some(price) => cache::prices::upsert(tx, &price, run)?,
                None => return Ok(false),
            },
            Resource::Products => match objects::product(object) {
                Some(product) => cache::products::upsert(tx, &product, run)?,
                None => return Ok(false),
            },
            Resource::PaymentMethods => match objects::payment_method(object) {
                // A detached method has no customer: it no longer belongs in the cache.
                Some(method) if method.customer_id.is_none() => {
                    cache::payment_methods::delete(tx, &method.id)?;
                }
                Some(method) => cache::payment_methods::upsert(tx, &method, run)?,
                None => return Ok(false),
            },
        }
        Ok(true)
    }

    /// Removes object `id` of this kind from the cache.
    pub fn remove(self, tx: &Transaction<'_>, id: &str) -> SqlResult<bool> {
        match self {
            Resource::Customers => {
                let removed = cache::customers::delete(tx, id)?;
                // Only theirs: a method whose customer arrives later in the
                // same batch has no customer row yet.
                cache::payment_methods::delete_of_customer(tx, id)?;
                Ok(removed)
            }
            Resource::Subscriptions => cache::subscriptions::delete(tx, id),
            Resource::Invoices => cache::invoices::delete(tx, id),
            Resource::Prices => cache::prices::delete(tx, id),
            Resource::Products => cache::products::delete(tx, id),
            Resource::PaymentMethods => cache::payment_methods::delete(tx, id),
        }
    }

    /// Deletes what full sync `run` did not see.
    pub fn delete_unseen(self, tx: &Transaction<'_>, run: i64) -> SqlResult<usize> {
        match self {
            Resource::Customers => cache::customers::delete_unseen(tx, run),
            Resource::Subscriptions => cache::subscriptions::delete_unseen(tx, run),
            Resource::Invoices => cache::invoices::delete_unseen(tx, run),
            Resource::Prices => cache::prices::delete_unseen(tx, run),
            Resource::Products => cache::products::delete_unseen(tx, run),
            Resource::PaymentMethods => cache::payment_methods::delete_unseen(tx, run),
        }
    }
}

const CUSTOMER_EXPAND: &str = "data.invoice_settings.default_payment_method";
const SUBSCRIPTION_LIST_EXPAND: &str = "data.default_payment_method";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ids_of_cached_kinds_name_a_list() {
        for (id, expected) in [
            ("cus_1", Some(Resource::Customers)),
            ("sub_1", Some(Resource::Subscriptions)),
            ("in_1", Some(Resource::Invoices)),
            ("pm_1", Some(Resource::PaymentMethods)),
            ("price_1", Some(Resource::Prices)),
            ("prod_1", Some(Resource::Products)),
            ("sub_sched_1", None),
            ("ch_1", None),
            ("pi_1", None),
            ("txn_1", None),
        ] {
            assert_eq!(Resource::of_id(id), expected, "{id}");
        }
    }

    #[test]
    fn a_retrieve_escapes_the_id_in_its_path() {
        assert_eq!(
            Resource::Prices.retrieve("pro annual (2019)").path,
            "/prices/pro%20annual%20%282019%29"
        );
        assert_eq!(
            Resource::Customers.retrieve("cus_1").path,
            "/customers/cus_1"
        );
        assert_eq!(
            Resource::PaymentMethods.retrieve("pm_1").path,
            "/payment_methods/pm_1"
        );
    }
}
