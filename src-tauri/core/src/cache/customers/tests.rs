use super::*;
use crate::cache::{Cache, subscriptions};

#[test]
fn an_address_prints_without_empty_parts() {
    let address = Address {
        line1: Some("695 Market Street".into()),
        line2: Some("  ".into()),
        city: Some("Berlin".into()),
        postal_code: Some("10115".into()),
        country: Some("DE".into()),
        ..Address::default()
    };
    assert_eq!(address.lines(), ["695 Market Street", "10115 Berlin", "DE"]);
    assert!(Address::default().lines().is_empty());
}

fn customer(id: &str, name: &str, email: &str) -> Customer {
    Customer {
        id: id.into(),
        name: Some(name.into()),
        email: Some(email.into()),
        phone: Some("+1 555 0100".into()),
        description: None,
        address: None,
        currency: Some("usd".into()),
        balance: 0,
        delinquent: false,
        default_payment_method: None,
        created: 1_700_000_000,
        preferred_locales: Vec::new(),
    }
}

fn ids(conn: &Connection, text: &str) -> Vec<String> {
    let query = CustomerQuery {
        text: text.into(),
        limit: 50,
        ..Default::default()
    };
    let index = CustomerIndex::load(conn).expect("index builds");
    search(conn, &index, &query)
        .expect("search runs")
        .0
        .into_iter()
        .map(|c| c.id)
        .collect()
}

#[test]
fn search_ignores_case_and_accents_and_matches_substrings() -> anyhow::Result<()> {
    let mut cache = Cache::in_memory()?;
    cache.write(|tx| {
        upsert(tx, &customer("cus_A1", "Zoë Saldaña", "zoe@example.com"), 1)?;
        upsert(tx, &customer("cus_B2", "Bob Smith", "bob@smith.example"), 1)?;
        Ok(())
    })?;
    let conn = cache.conn();
    assert_eq!(ids(conn, "zoe"), ["cus_A1"]);
    assert_eq!(ids(conn, "SALDANA"), ["cus_A1"]);
    assert_eq!(ids(conn, "aldañ"), ["cus_A1"]);
    assert_eq!(ids(conn, "smith.ex"), ["cus_B2"]);
    assert_eq!(ids(conn, "cus_b"), ["cus_B2"]);
    assert_eq!(ids(conn, "Zö"), ["cus_A1"], "a short query still matches");
    assert_eq!(ids(conn, "").len(), 2);
    assert!(
        ids(conn, "\") OR 1=1 --").is_empty(),
        "FTS syntax is plain text"
    );
    assert!(ids(conn, "name:bob*").is_empty());
    Ok(())
}

#[test]
fn an_update_moves_the_search_index_along() -> anyhow::Result<()> {
    let mut cache = Cache::in_memory()?;
    cache.write(|tx| upsert(tx, &customer("cus_A1", "Ann Old", "ann@old.example"), 1))?;
    cache.write(|tx| upsert(tx, &customer("cus_A1", "Ann New", "ann@new.example"), 1))?;
    assert!(ids(cache.conn(), "old.example").is_empty());
    assert_eq!(ids(cache.conn(), "new.example"), ["cus_A1"]);
    cache.write(|tx| delete(tx, "cus_A1"))?;
    assert!(ids(cache.conn(), "Ann").is_empty());
    Ok(())
}

/// Found by the event applier's fuzzer: a customer without subscriptions
/// made the refresh write NULL into `status` and fail the whole batch.
#[test]
fn a_customer_without_subscriptions_is_none_with_no_renewal() -> anyhow::Result<()> {
    let mut cache = Cache::in_memory()?;
    let read = |cache: &Cache| -> anyhow::Result<(String, Option<String>, Option<i64>)> {
        Ok(cache.conn().query_row(
            "SELECT status, current_subscription, next_renewal FROM customers WHERE id = 'cus_A1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?)
    };
    let active = subscriptions::Subscription {
        id: "sub_1".into(),
        customer_id: "cus_A1".into(),
        status: "active".into(),
        cancel_at_period_end: false,
        cancel_at: None,
        canceled_at: None,
        current_period_start: None,
        current_period_end: Some(1_800_000_000),
        created: 1_700_000_000,
        currency: None,
        default_payment_method: None,
        items: Vec::new(),
    };
    let everyone = ["cus_A1".to_owned()];
    for ids in [Some(&everyone[..]), None] {
        cache.write(|tx| {
            upsert(tx, &customer("cus_A1", "Ann", "ann@example.com"), 1)?;
            refresh_status(tx, ids)
        })?;
        assert_eq!(read(&cache)?, ("none".into(), None, None));

        cache.write(|tx| {
            subscriptions::upsert(tx, &active, 1)?;
            refresh_status(tx, ids)
        })?;
        assert_eq!(
            read(&cache)?,
            ("active".into(), Some("sub_1".into()), Some(1_800_000_000))
        );

        // The last subscription gone: back to none, renewal and all.
        cache.write(|tx| {
            subscriptions::delete(tx, "sub_1")?;
            refresh_status(tx, ids)
        })?;
        assert_eq!(read(&cache)?, ("none".into(), None, None));
    }
    Ok(())
}
