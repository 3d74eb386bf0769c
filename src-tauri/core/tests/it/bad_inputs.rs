//! The bad-input table (docs/bad-inputs.md): keys, ids, emails, URLs, search
//! text, configuration fields and odd Stripe answers. Each gets a clear error
//! or is handled, never a panic, and never a change to the cache.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::Duration;

use portal_core::ApiKey;
use portal_core::cache::Cache;
use portal_core::cache::customer_index::CustomerIndexes;
use portal_core::cache::customers::CustomerQuery;
use portal_core::configurations::{ConfigurationSpec, encode};
use portal_core::mail::check_address;
use portal_core::portal::check_url;
use portal_core::sync::{SyncError, SyncOptions, sync};

#[test]
fn bad_keys_are_refused_with_a_reason() {
    let cases = [
        "",
        "   ",
        "pk_test_51PublishableKey000000000",
        "pk_live_FAKE_test_only_publishable00",
        "whsec_1234567890abcdef",
        "sk_test_51Key With Spaces0000000",
        "sk_test_",
        "sk_test_x",
        "rk_test_",
        "sk_prod_51Key00000000000000000",
        "SK_TEST_51UPPERCASE0000000000",
        "sk_test_51Key\u{0}WithNul000000000",
        "sk_test_51Kéy0000000000000000",
        "sk_test_51Key😀00000000000000",
        &format!("sk_test_{}", "a".repeat(5000)),
    ];
    for raw in cases {
        let error = match ApiKey::parse(raw) {
            Ok(_) => panic!("accepted {raw:?}"),
            Err(error) => error.to_string(),
        };
        assert!(!error.is_empty(), "{raw:?}");
        assert!(error.len() < 400, "the message stays short: {error}");
        if raw.len() > 12 {
            assert!(
                !error.contains(&raw[8..]),
                "the message doesn't repeat the key: {error}"
            );
        }
    }
}

#[test]
fn bad_emails_are_refused() {
    for address in [
        "",
        "plainaddress",
        "@no-local.example",
        "no-domain@",
        "no-dot@example",
        "two@@example.com",
        "spa ce@example.com",
        "tab\t@example.com",
        "new\nline@example.com",
        "dot@.example.com",
        "dot@example.com.",
        &format!("{}@example.com", "x".repeat(300)),
    ] {
        assert!(check_address(address).is_err(), "{address:?}");
    }
}

#[test]
fn bad_urls_are_refused() {
    for url in [
        "",
        "example.com",
        "http://example.com/back",
        "ftp://example.com",
        "javascript:alert(1)",
        "data:text/html,hi",
        "https://",
        "https://user:pw@example.com",
        "https://exa mple.com",
        "https://example.com/\u{202e}gnp.exe",
        &format!("https://example.com/{}", "a".repeat(2100)),
        // A browser reads each of these differently from a plain reading.
        "https://evil.example\\.stripe.com/",
        "https://billing.stripe.com@evil.example/",
        "https://stripe.com%2f@evil.example/",
        "https://str\u{ed}pe.com/back",
        "file:///etc/passwd",
        "JavaScript://example.com/%0aalert(1)",
        "http://localhost:3000/back",
    ] {
        assert!(check_url("return URL", url, None).is_err(), "{url:?}");
    }
    let refused =
        check_url("return URL", "https://a.example\\.b.example/", None).expect_err("a backslash");
    assert!(refused.to_string().contains("backslash"), "{refused}");
}

#[test]
fn odd_search_text_is_just_text_and_changes_nothing() -> anyhow::Result<()> {
    let mut cache = Cache::in_memory()?;
    cache.write(|tx| {
        let customer = portal_core::cache::customers::Customer {
            id: "cus_Odd00000001".into(),
            name: Some("محمد علي".into()),
            email: Some("rtl@example.com".into()),
            phone: None,
            description: None,
            address: None,
            currency: None,
            balance: 0,
            delinquent: false,
            default_payment_method: None,
            created: 1,
            preferred_locales: Vec::new(),
        };
        portal_core::cache::customers::upsert(tx, &customer, 1)
    })?;
    let before = cache.counts()?;
    let indexes = CustomerIndexes::default();
    for text in [
        "'; DROP TABLE customers; --",
        "\" OR 1=1",
        "name:bob*",
        "NEAR(a b)",
        "a AND b OR NOT c",
        "^start",
        "*",
        "\"",
        "(((",
        "%_%",
        "\u{0}",
        "😀😀😀",
        "محمد",
        "\u{202e}reversed",
        &"x".repeat(100_000),
    ] {
        let query = CustomerQuery {
            text: text.into(),
            limit: 10,
            ..Default::default()
        };
        let (rows, _) = portal_core::query::customers(&cache, &indexes, &query)?;
        if text == "محمد" {
            assert_eq!(rows.len(), 1, "right-to-left text matches");
        }
    }
    assert_eq!(cache.counts()?, before);
    assert_eq!(cache.integrity_check()?, "ok");
    Ok(())
}

#[test]
fn odd_text_exports_as_inert_cells_and_a_bad_destination_writes_nothing() -> anyhow::Result<()> {
    use portal_core::export::{ExportKind, write_csv};
    let mut cache = Cache::in_memory()?;
    let odd = [
        (
            "cus_Odd00000001",
            "=HYPERLINK(\"http://evil.example\",\"x\")",
        ),
        ("cus_Odd00000002", "@SUM(A1:A9)"),
        ("cus_Odd00000003", "-2+3+cmd|' /C calc'!A0"),
        ("cus_Odd00000004", "Line one\nline two, \"quoted\""),
        ("cus_Odd00000005", "محمد علي 😀"),
    ];
    cache.write(|tx| {
        for (id, name) in odd {
            let customer = portal_core::cache::customers::Customer {
                id: id.into(),
                name: Some(name.into()),
                email: Some("+1@example.com".into()),
                phone: Some("+1 (555) 010-0100".into()),
                description: Some("\t=1+1".into()),
                address: None,
                currency: Some("usd".into()),
                balance: -500,
                delinquent: false,
                default_payment_method: None,
                created: 1,
                preferred_locales: Vec::new(),
            };
            portal_core::cache::customers::upsert(tx, &customer, 1)?;
        }
        Ok(())
    })?;
    let before = cache.counts()?;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("customers.csv");
    assert_eq!(write_csv(&cache, ExportKind::Customers, &path)?, 5);
    let bytes = std::fs::read(&path)?;
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let cells: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.map(|r| r.iter().map(str::to_owned).collect()))
        .collect::<Result<_, _>>()?;
    assert_eq!(cells.len(), odd.len());
    for (id, name) in odd {
        let row = cells
            .iter()
            .find(|row| row[0] == id)
            .expect("a row per customer");
        // A formula-like name gets a leading quote; other text is kept as is.
        let expected = if name.starts_with(['=', '@', '-']) {
            format!("'{name}")
        } else {
            name.to_owned()
        };
        assert_eq!(row[1], expected, "{id}");
        assert_eq!(
            row[2], "'+1@example.com",
            "{id}: an email that starts with +"
        );
        assert_eq!(
            row[3], "+1 (555) 010-0100",
            "{id}: a phone number is left alone"
        );
        assert_eq!(row[13], "-5.00", "{id}: a negative balance stays a number");
        assert_eq!(row[16], "'\t=1+1", "{id}");
    }

    // A folder that doesn't exist, and a folder given as the file: clear errors, nothing written.
    for bad in [
        dir.path().join("no-such-folder").join("x.csv"),
        dir.path().to_owned(),
    ] {
        let error = write_csv(&cache, ExportKind::Invoices, &bad).expect_err("refused");
        assert!(error.to_string().starts_with("could not write"), "{error}");
    }
    let mut left: Vec<_> = std::fs::read_dir(dir.path())?
        .map(|e| e.map(|e| e.file_name()))
        .collect::<Result<_, _>>()?;
    left.sort();
    assert_eq!(left, ["customers.csv"], "no partial file is left behind");
    assert_eq!(cache.counts()?, before);
    Ok(())
}

#[test]
fn bad_configuration_fields_name_the_field() -> anyhow::Result<()> {
    let cache = Cache::in_memory()?;
    let cases: Vec<ConfigurationSpec> = vec![
        ConfigurationSpec {
            headline: Some("x".repeat(61)),
            ..Default::default()
        },
        ConfigurationSpec {
            headline: Some("line\nbreak".into()),
            ..Default::default()
        },
        ConfigurationSpec {
            terms_of_service_url: Some("javascript:alert(1)".into()),
            ..Default::default()
        },
        ConfigurationSpec {
            customer_updates: Some(vec!["credit_card".into()]),
            ..Default::default()
        },
        ConfigurationSpec {
            plan_updates: Some(vec!["everything".into()]),
            ..Default::default()
        },
        ConfigurationSpec {
            plan_products: Some(vec!["'; DROP".into()]),
            ..Default::default()
        },
        ConfigurationSpec {
            cancel_proration: Some("always_invoice".into()),
            ..Default::default()
        },
    ];
    for spec in cases {
        let error = encode(&spec, &cache, None, false).expect_err("refused");
        assert!(!error.to_string().is_empty());
    }
    Ok(())
}

/// A fake Stripe that answers every request with `status` and `body`.
fn fake_stripe(status: u16, body: &'static [u8]) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut buffer = [0u8; 8192];
            let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
            let _ = stream.read(&mut buffer);
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body);
        }
    });
    url
}

#[tokio::test]
async fn odd_stripe_answers_stop_the_sync_cleanly_and_leave_the_cache_alone() -> anyhow::Result<()>
{
    let answers: [(u16, &'static [u8]); 9] = [
        (200, b"{not json"),
        (200, b""),
        (200, b"<html><body>502 Bad Gateway</body></html>"),
        (200, br#"{"object": "list", "data": "not a list", "has_more": false}"#),
        (200, br#"{"object": "list"}"#),
        (200, br#"{"id": "cus_1", "object": "customer", "deleted": true}"#),
        (400, b"<html>Bad request</html>"),
        (404, br#"{"error": {"type": "invalid_request_error", "message": "Unrecognized request URL (GET: /v1/customers)."}}"#),
        (402, br#"{"error": {"type": "card_error", "code": "unexpected_new_code"}}"#),
    ];
    for (status, body) in answers {
        let url = fake_stripe(status, body);
        let dir = tempfile::tempdir()?;
        let mut cache = Cache::open(&dir.path().join("cache.sqlite3"))?;
        let before = cache.counts()?;
        let client = crate::support::client(
            &url,
            "sk_test_51BadAnswersTestKey0000000bad",
            crate::support::unpaced(Duration::from_secs(2), 2),
        );
        let options = SyncOptions {
            full: true,
            concurrency: 4,
        };
        let error = sync(&client, &mut cache, &options, &mut |_| {})
            .await
            .expect_err("an odd answer is an error");
        let message = error.to_string();
        assert!(matches!(error, SyncError::Stripe(_)), "{status}: {message}");
        assert!(!message.is_empty() && message.len() < 400, "{message}");
        assert_eq!(
            cache.counts()?,
            before,
            "{status} {body:?}: nothing changed"
        );
        assert_eq!(cache.integrity_check()?, "ok");
    }
    Ok(())
}

#[test]
fn odd_objects_in_a_page_are_skipped_alone() {
    use portal_core::sync::objects;
    use serde_json::json;
    // Missing fields, wrong types, unexpected enum values, deleted stand-ins.
    assert!(objects::customer(&json!({"object": "customer"})).is_none());
    assert!(objects::customer(&json!({"id": 42, "created": 1})).is_none());
    assert!(objects::customer(&json!({"id": "cus_1", "created": "yesterday"})).is_none());
    assert!(
        objects::subscription(&json!({"id": "sub_1", "created": 1})).is_none(),
        "no customer"
    );
    let (odd, _) = objects::subscription(&json!({"id": "sub_1", "customer": "cus_1", "created": 1,
        "status": "a_status_from_the_future", "items": "not an object"}))
    .expect("read leniently");
    assert_eq!(odd.status, "a_status_from_the_future");
    assert!(odd.items.is_empty());
    let method = objects::payment_method(&json!({"id": "pm_1", "created": 1, "type": "klarna"}))
        .expect("an unknown type is kept");
    assert_eq!((method.kind.as_str(), method.last4), ("klarna", None));
    assert!(objects::invoice(&json!({"id": "in_1", "created": 1, "currency": null})).is_some());
    assert!(objects::is_deleted(
        &json!({"id": "cus_1", "deleted": true})
    ));
    assert!(
        objects::price(&json!({"id": "price_1", "created": 1, "recurring": "monthly"})).is_some()
    );
    assert!(
        objects::product(&json!({"id": "prod_1"})).is_none(),
        "no created"
    );
}
