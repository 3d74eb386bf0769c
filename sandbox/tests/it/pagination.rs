//! Every list, paged with limit 1, 7 and 100 through async-stripe's paginator,
//! returns each object exactly once, newest first, as Stripe does.

use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;

use futures_util::{Stream, TryStreamExt};
use serde_json::{Value, json};
use stripe_billing::invoice::ListInvoice;
use stripe_billing::subscription::{ListSubscription, ListSubscriptionStatus};
use stripe_core::customer::ListCustomer;
use stripe_core::event::ListEvent;
use stripe_payment::payment_method::ListPaymentMethod;
use stripe_product::price::ListPrice;
use stripe_product::product::ListProduct;
use stripe_types::{RangeBoundsTs, RangeQueryTs};

/// The ids of `kind` in the truth, in Stripe's order: newest first.
fn expected(truth: &Value, kind: &str, keep: impl Fn(&Value) -> bool) -> Vec<String> {
    let mut objects: Vec<(i64, usize, String)> = truth[kind]
        .as_array()
        .expect("a list in the truth")
        .iter()
        .enumerate()
        .filter(|(_, o)| keep(o))
        .map(|(i, o)| {
            (
                o["created"].as_i64().expect("created"),
                i,
                o["id"].as_str().expect("id").to_owned(),
            )
        })
        .collect();
    objects.sort();
    objects.into_iter().rev().map(|(.., id)| id).collect()
}

fn assert_once_in_order(got: &[String], want: &[String], what: &str) {
    let unique: HashSet<&String> = got.iter().collect();
    assert_eq!(unique.len(), got.len(), "{what}: duplicates");
    assert_eq!(got, want, "{what}: each object exactly once, newest first");
}

/// A client and the customer whose payment methods are listed.
type Target = (stripe::Client, String);

/// Pages one list with a limit, returning its ids.
type Lister<'a> =
    &'a dyn for<'t> Fn(
        &'t Target,
        i64,
    ) -> Pin<Box<dyn Future<Output = anyhow::Result<Vec<String>>> + 't>>;

/// One list of the table: its name, its kind in the truth, which of those it
/// lists, and its pages' ids.
struct Listing<'a> {
    label: &'a str,
    kind: &'a str,
    keep: &'a dyn Fn(&Value) -> bool,
    ids: Lister<'a>,
}

/// Every id a list's `pages` yield, in order.
async fn ids<T>(
    pages: impl Stream<Item = Result<T, stripe::StripeError>> + Unpin,
    id: impl Fn(&T) -> String,
) -> anyhow::Result<Vec<String>> {
    Ok(pages.map_ok(|object| id(&object)).try_collect().await?)
}

#[tokio::test]
async fn every_list_pages_each_object_exactly_once_in_order() -> anyhow::Result<()> {
    let sandbox = crate::support::sandbox(45).await;
    let client = crate::support::client(&sandbox);
    // Some events to page through.
    let truth = sandbox.truth();
    for customer in truth["customers"]
        .as_array()
        .expect("customers")
        .iter()
        .take(9)
    {
        let id = customer["id"].as_str().expect("id");
        sandbox
            .control("simulate", json!({"action": "update_email", "customer": id, "email": format!("new.{id}@example.com")}))
            .map_err(anyhow::Error::msg)?;
    }
    let truth = sandbox.truth();
    let all = |_: &Value| true;
    let customer_id = truth["customers"][0]["id"].as_str().expect("id").to_owned();

    // Each list: its name, its objects in the truth, and its pages' ids.
    let belongs_to_customer = |p: &Value| p["customer"].as_str() == Some(customer_id.as_str());
    let lists: [Listing; 7] = [
        Listing {
            label: "customers",
            kind: "customers",
            keep: &all,
            ids: &|client, limit| {
                Box::pin(ids(
                    ListCustomer::new()
                        .limit(limit)
                        .paginate()
                        .stream(&client.0),
                    |c| c.id.to_string(),
                ))
            },
        },
        Listing {
            label: "subscriptions",
            kind: "subscriptions",
            keep: &all,
            ids: &|client, limit| {
                Box::pin(ids(
                    ListSubscription::new()
                        .status(ListSubscriptionStatus::All)
                        .limit(limit)
                        .paginate()
                        .stream(&client.0),
                    |s| s.id.to_string(),
                ))
            },
        },
        Listing {
            label: "invoices",
            kind: "invoices",
            keep: &all,
            ids: &|client, limit| {
                Box::pin(ids(
                    ListInvoice::new().limit(limit).paginate().stream(&client.0),
                    |i| i.id.as_ref().map(|id| id.to_string()).unwrap_or_default(),
                ))
            },
        },
        Listing {
            label: "prices",
            kind: "prices",
            keep: &all,
            ids: &|client, limit| {
                Box::pin(ids(
                    ListPrice::new().limit(limit).paginate().stream(&client.0),
                    |p| p.id.to_string(),
                ))
            },
        },
        Listing {
            label: "products",
            kind: "products",
            keep: &all,
            ids: &|client, limit| {
                Box::pin(ids(
                    ListProduct::new().limit(limit).paginate().stream(&client.0),
                    |p| p.id.to_string(),
                ))
            },
        },
        Listing {
            label: "events",
            kind: "events",
            keep: &all,
            ids: &|client, limit| {
                Box::pin(ids(
                    ListEvent::new().limit(limit).paginate().stream(&client.0),
                    |e| e.id.to_string(),
                ))
            },
        },
        Listing {
            label: "payment methods",
            kind: "payment_methods",
            keep: &belongs_to_customer,
            ids: &|client, limit| {
                let customer = client.1.clone();
                Box::pin(async move {
                    ids(
                        ListPaymentMethod::new()
                            .customer(customer.as_str())
                            .limit(limit)
                            .paginate()
                            .stream(&client.0),
                        |p| p.id.to_string(),
                    )
                    .await
                })
            },
        },
    ];
    let target = (client.clone(), customer_id.clone());
    for limit in [1, 7, 100] {
        for list in &lists {
            let got = (list.ids)(&target, limit).await?;
            assert_once_in_order(
                &got,
                &expected(&truth, list.kind, list.keep),
                &format!("{}, limit {limit}", list.label),
            );
        }
    }

    // Without status=all, Stripe leaves canceled subscriptions out.
    let got: Vec<String> = ListSubscription::new()
        .limit(100)
        .paginate()
        .stream(&client)
        .map_ok(|s| s.id.to_string())
        .try_collect()
        .await?;
    let want = expected(&truth, "subscriptions", |s| s["status"] != "canceled");
    assert_once_in_order(&got, &want, "subscriptions without status");
    assert!(
        want.len() < expected(&truth, "subscriptions", all).len(),
        "the dataset has canceled subscriptions"
    );
    Ok(())
}

#[tokio::test]
async fn paging_backwards_with_ending_before_sees_everything_once() -> anyhow::Result<()> {
    let sandbox = crate::support::sandbox(40).await;
    let client = crate::support::client(&sandbox);
    let truth = sandbox.truth();
    let want = expected(&truth, "invoices", |_| true);
    let oldest = want.last().expect("invoices").clone();

    // From the oldest towards the newest, 7 at a time; each page is newest first.
    let mut seen = vec![oldest.clone()];
    let mut cursor = oldest;
    loop {
        let page = ListInvoice::new()
            .limit(7)
            .ending_before(cursor.as_str())
            .send(&client)
            .await?;
        let ids: Vec<String> = page
            .data
            .iter()
            .filter_map(|i| i.id.as_ref().map(|id| id.to_string()))
            .collect();
        let Some(newest) = ids.first().cloned() else {
            break;
        };
        seen.extend(ids.into_iter().rev());
        cursor = newest;
        if !page.has_more {
            break;
        }
    }
    seen.reverse();
    assert_once_in_order(&seen, &want, "invoices paged backwards");
    Ok(())
}

#[tokio::test]
async fn created_windows_partition_a_list() -> anyhow::Result<()> {
    let sandbox = crate::support::sandbox(50).await;
    let client = crate::support::client(&sandbox);
    let truth = sandbox.truth();
    let want = expected(&truth, "invoices", |_| true);
    let times: Vec<i64> = truth["invoices"]
        .as_array()
        .expect("invoices")
        .iter()
        .map(|i| i["created"].as_i64().expect("created"))
        .collect();
    let (first, last) = (
        *times.iter().min().expect("min"),
        *times.iter().max().expect("max") + 1,
    );
    let cut = first + (last - first) / 3;
    let cut2 = first + 2 * (last - first) / 3;

    let mut got = Vec::new();
    // Newest window first, so concatenation keeps Stripe's order.
    for (gte, lt) in [(cut2, last), (cut, cut2), (first, cut)] {
        let window = RangeQueryTs::Bounds(RangeBoundsTs {
            gte: Some(gte),
            lt: Some(lt),
            ..Default::default()
        });
        let ids: Vec<String> = ListInvoice::new()
            .limit(100)
            .created(window)
            .paginate()
            .stream(&client)
            .map_ok(|i| i.id.map(|id| id.to_string()).unwrap_or_default())
            .try_collect()
            .await?;
        got.extend(ids);
    }
    assert_once_in_order(&got, &want, "invoices in three created windows");
    Ok(())
}
