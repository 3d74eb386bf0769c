//! The sandbox's behaviour over real HTTP: keys, errors, portal rules,
//! simulation events, conditions, pages and the dataset itself.

use std::collections::{BTreeSet, HashSet};

use crate::support::{Raw, get, post, raw, raw_at};
use serde_json::{Value, json};
use stripe_sandbox::{Config, DatasetConfig, KeySpec, Sandbox};

async fn sandbox_with_keys(keys: Vec<KeySpec>) -> Sandbox {
    Sandbox::start(Config {
        keys,
        dataset: DatasetConfig {
            customers: 12,
            ..DatasetConfig::default()
        },
        ..Config::default()
    })
    .await
    .expect("starts")
}

fn first_id(truth: &Value, kind: &str) -> String {
    truth[kind][0]["id"].as_str().expect("an id").to_owned()
}

fn live_subscription(truth: &Value) -> (String, String, String) {
    let sub = truth["subscriptions"]
        .as_array()
        .expect("subscriptions")
        .iter()
        .find(|s| s["status"] == "active")
        .expect("an active subscription");
    (
        sub["id"].as_str().expect("id").to_owned(),
        sub["customer"].as_str().expect("customer").to_owned(),
        sub["items"]["data"][0]["id"]
            .as_str()
            .expect("item")
            .to_owned(),
    )
}

#[tokio::test]
async fn keys_are_checked_like_stripe() -> anyhow::Result<()> {
    let sandbox = sandbox_with_keys(vec![
        KeySpec::full("sk_test_sandbox"),
        KeySpec::parse("rk_test_limited=customer_read"),
        KeySpec::full("rk_live_51FakeKeyForTests0000abcdefghijklmnopqrstuvwxyz0123456789"),
    ])
    .await;

    // Basic auth with the key as the user name, as `curl -u sk_test_…:` sends it.
    let basic = raw_at(
        sandbox.addr(),
        "GET",
        "/v1/customers?limit=1",
        Some("Basic c2tfdGVzdF9zYW5kYm94Og=="),
        "",
    )
    .await?;
    assert_eq!(basic.status, 200, "{:?}", basic.json());
    // A bare key with no scheme is not an API key Stripe reads.
    let bare = raw_at(
        sandbox.addr(),
        "GET",
        "/v1/customers",
        Some("sk_test_sandbox"),
        "",
    )
    .await?;
    assert_eq!(bare.status, 401);

    let none = raw(&sandbox, "GET", "/v1/customers", None, "").await?;
    assert_eq!(none.status, 401);
    assert!(
        none.json()["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("You did not provide an API key")
    );

    let wrong = raw(
        &sandbox,
        "GET",
        "/v1/customers",
        Some("sk_test_wrongkey1234"),
        "",
    )
    .await?;
    assert_eq!(wrong.status, 401);
    let message = wrong.json()["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        message.starts_with("Invalid API Key provided: sk_test_"),
        "{message}"
    );
    assert!(
        !message.contains("wrongkey"),
        "the key is masked: {message}"
    );

    let allowed = raw(
        &sandbox,
        "GET",
        "/v1/customers",
        Some("rk_test_limited"),
        "",
    )
    .await?;
    assert_eq!(allowed.status, 200);
    let refused = raw(&sandbox, "GET", "/v1/invoices", Some("rk_test_limited"), "").await?;
    assert_eq!(refused.status, 403);
    let message = refused.json()["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        message.contains("'rak_invoice_read'"),
        "names the permission: {message}"
    );

    let live = raw(
        &sandbox,
        "GET",
        "/v1/customers?limit=3",
        Some("rk_live_51FakeKeyForTests0000abcdefghijklmnopqrstuvwxyz0123456789"),
        "",
    )
    .await?;
    assert!(
        live.json()["data"]
            .as_array()
            .expect("data")
            .iter()
            .all(|c| c["livemode"] == true)
    );
    let test = get(&sandbox, "/v1/customers?limit=3").await;
    assert!(
        test.json()["data"]
            .as_array()
            .expect("data")
            .iter()
            .all(|c| c["livemode"] == false)
    );

    sandbox
        .control(
            "keys/revoke",
            json!({"key": "rk_live_51FakeKeyForTests0000abcdefghijklmnopqrstuvwxyz0123456789"}),
        )
        .map_err(anyhow::Error::msg)?;
    let revoked = raw(
        &sandbox,
        "GET",
        "/v1/customers",
        Some("rk_live_51FakeKeyForTests0000abcdefghijklmnopqrstuvwxyz0123456789"),
        "",
    )
    .await?;
    assert_eq!(revoked.status, 401, "a revoked key is refused");
    Ok(())
}

#[tokio::test]
async fn errors_have_stripes_shape() -> anyhow::Result<()> {
    let sandbox = sandbox_with_keys(vec![KeySpec::full("sk_test_sandbox")]).await;
    for (path, status, needle) in [
        ("/v1/customers?limit=0", 400, "limit"),
        ("/v1/customers?limit=101", 400, "limit"),
        ("/v1/customers?limit=abc", 400, "Invalid integer"),
        (
            "/v1/customers?starting_after=cus_unknown",
            400,
            "No such customer",
        ),
        (
            "/v1/customers?starting_after=cus_a&ending_before=cus_b",
            400,
            "only specify one",
        ),
        ("/v1/customers/cus_unknown", 404, "No such customer"),
        (
            "/v1/customers?expand[]=data.nothing",
            400,
            "cannot be expanded",
        ),
        ("/v1/customers?expand[]=data.a.b.c.d", 400, "4 levels"),
        ("/v1/subscriptions?status=bogus", 400, "Invalid status"),
        ("/v1/events?types[]=a&type=b", 400, "only specify one"),
        ("/v1/payment_methods", 400, "customer"),
        (
            "/v1/teapots",
            404,
            "Unrecognized request URL (GET: /v1/teapots)",
        ),
    ] {
        let answer = get(&sandbox, path).await;
        assert_eq!(answer.status, status, "{path}");
        let error = &answer.json()["error"];
        assert_eq!(error["type"], "invalid_request_error", "{path}");
        assert!(
            error["message"]
                .as_str()
                .unwrap_or_default()
                .contains(needle),
            "{path}: {error}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn unknown_parameters_are_refused_unless_told_to_be_lenient() -> anyhow::Result<()> {
    let sandbox = sandbox_with_keys(vec![KeySpec::full("sk_test_sandbox")]).await;
    let customer = first_id(&sandbox.truth(), "customers");
    for (method, path, form, param) in [
        (
            "GET",
            "/v1/customers?limit=3&colour=blue".to_owned(),
            "",
            "colour",
        ),
        (
            "GET",
            format!("/v1/customers/{customer}?limit=3"),
            "",
            "limit",
        ),
        (
            "POST",
            "/v1/billing_portal/sessions".to_owned(),
            "customer=cus_x&flow_data[type]=payment_method_update&flow_data[payment_method_update][x]=1",
            "flow_data[payment_method_update][x]",
        ),
        (
            "POST",
            "/v1/billing_portal/configurations".to_owned(),
            "features[invoice_history][enabled]=true&features[invoice_history][colour]=red",
            "features[invoice_history][colour]",
        ),
    ] {
        let answer = raw(&sandbox, method, &path, Some("sk_test_sandbox"), form).await?;
        assert_eq!(answer.status, 400, "{path}");
        let error = &answer.json()["error"];
        assert_eq!(error["code"], "parameter_unknown", "{path}");
        assert_eq!(error["param"], param, "{path}");
        assert_eq!(
            error["message"],
            format!("Received unknown parameter: {param}"),
            "{path}"
        );
    }
    assert_eq!(
        sandbox.counters()["unknown_parameters"]["colour"],
        json!(1),
        "each refusal is counted by name"
    );

    sandbox
        .control("conditions", json!({"lenient": true}))
        .expect("lenient");
    assert_eq!(
        get(&sandbox, "/v1/customers?limit=3&colour=blue")
            .await
            .status,
        200
    );
    Ok(())
}

#[tokio::test]
async fn ids_a_merchant_chose_are_served_escaped_and_as_they_are() -> anyhow::Result<()> {
    let sandbox = sandbox_with_keys(vec![KeySpec::full("sk_test_sandbox")]).await;
    let truth = sandbox.truth();
    let ids = |kind: &str| -> Vec<String> {
        truth[kind]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|o| o["id"].as_str().map(str::to_owned))
            .collect()
    };
    assert!(ids("products").contains(&"gold-plan".to_owned()));
    assert!(ids("prices").contains(&"gold-monthly".to_owned()));
    assert!(ids("coupons").contains(&"SAVE-20".to_owned()));

    let plan = get(&sandbox, "/v1/prices/pro%20annual%202019").await;
    assert_eq!(plan.status, 200);
    assert_eq!(plan.json()["id"], "pro annual 2019");
    assert_eq!(plan.json()["product"], "pro_2019");
    let coupon = get(&sandbox, "/v1/coupons/loyal%20customer%2010%25").await;
    assert_eq!(coupon.json()["id"], "loyal customer 10%");
    let counters = sandbox.counters();
    assert_eq!(counters["routes"]["GET /v1/prices/{id}"], json!(1));

    // A retention coupon must exist, whatever its id looks like.
    sandbox
        .control("portal/default", json!({}))
        .expect("a default configuration");
    let (subscription, customer, _) = live_subscription(&truth);
    let cancel = |coupon: &str| {
        format!(
            "customer={customer}&flow_data[type]=subscription_cancel&flow_data[subscription_cancel][subscription]={subscription}&flow_data[subscription_cancel][retention][type]=coupon_offer&flow_data[subscription_cancel][retention][coupon_offer][coupon]={coupon}"
        )
    };
    let offered = post(&sandbox, "/v1/billing_portal/sessions", &cancel("SAVE-20")).await;
    assert_eq!(offered.status, 200, "{}", offered.json());
    let unknown = post(&sandbox, "/v1/billing_portal/sessions", &cancel("SAVE-99")).await;
    assert_eq!(unknown.status, 400);
    assert_eq!(
        unknown.json()["error"]["message"],
        "No such coupon: 'SAVE-99'"
    );
    assert_eq!(unknown.json()["error"]["code"], "resource_missing");
    Ok(())
}

#[tokio::test]
async fn a_test_clock_hides_its_customers_from_the_plain_lists() -> anyhow::Result<()> {
    let sandbox = sandbox_with_keys(vec![KeySpec::full("sk_test_sandbox")]).await;
    sandbox.control(
        "simulate",
        json!({"action": "test_clock_customer", "name": "Clockwork Ltd", "email": "ops@clockwork.test"}),
    ).expect("a clock customer");
    let truth = sandbox.truth();
    let clock = truth["test_clocks"][0]["id"]
        .as_str()
        .expect("a clock")
        .to_owned();
    let on_clock = truth["customers"]
        .as_array()
        .expect("customers")
        .iter()
        .find(|c| c["test_clock"] == clock.as_str())
        .and_then(|c| c["id"].as_str())
        .expect("a customer on the clock")
        .to_owned();
    let listed = |path: String| {
        let sandbox = &sandbox;
        async move {
            let answer = get(sandbox, &path).await;
            assert_eq!(answer.status, 200, "{path}: {}", answer.json());
            answer.json()["data"]
                .as_array()
                .expect("a list")
                .iter()
                .filter_map(|o| o["id"].as_str().map(str::to_owned))
                .collect::<Vec<_>>()
        }
    };
    assert!(
        !listed("/v1/customers?limit=100".into())
            .await
            .contains(&on_clock)
    );
    assert_eq!(
        listed(format!("/v1/customers?test_clock={clock}")).await,
        vec![on_clock.clone()]
    );
    let subscriptions = listed(format!("/v1/subscriptions?status=all&test_clock={clock}")).await;
    assert_eq!(subscriptions.len(), 1);
    assert!(
        !listed("/v1/subscriptions?status=all&limit=100".into())
            .await
            .contains(&subscriptions[0])
    );
    assert_eq!(
        listed("/v1/test_helpers/test_clocks".into()).await,
        vec![clock]
    );
    assert_eq!(
        get(&sandbox, &format!("/v1/customers/{on_clock}"))
            .await
            .status,
        200
    );
    let wrong = get(&sandbox, "/v1/customers?test_clock=clock_nope").await;
    assert_eq!(wrong.status, 400);
    assert_eq!(wrong.json()["error"]["param"], "test_clock");
    Ok(())
}

#[tokio::test]
async fn flows_act_only_on_subscriptions_the_portal_can_change() -> anyhow::Result<()> {
    let sandbox = sandbox_with_keys(vec![KeySpec::full("sk_test_sandbox")]).await;
    sandbox
        .control("portal/default", json!({}))
        .expect("a default configuration");
    let truth = sandbox.truth();
    let with_status = |status: &str| {
        truth["subscriptions"]
            .as_array()
            .expect("subscriptions")
            .iter()
            .find(|s| s["status"] == status)
            .map(|s| {
                (
                    s["id"].as_str().expect("id").to_owned(),
                    s["customer"].as_str().expect("customer").to_owned(),
                )
            })
    };
    let session = |flow: &str, (id, customer): &(String, String)| {
        format!("customer={customer}&flow_data[type]={flow}&flow_data[{flow}][subscription]={id}")
    };
    for (status, update_ok, cancel_ok) in [
        ("active", true, true),
        ("trialing", true, true),
        ("past_due", false, true),
        ("unpaid", false, true),
        ("incomplete", false, false),
    ] {
        let Some(subscription) = with_status(status) else {
            continue;
        };
        for (flow, ok) in [
            ("subscription_update", update_ok),
            ("subscription_cancel", cancel_ok),
        ] {
            let answer = post(
                &sandbox,
                "/v1/billing_portal/sessions",
                &session(flow, &subscription),
            )
            .await;
            assert_eq!(
                answer.status == 200,
                ok,
                "{flow} on {status}: {}",
                answer.json()
            );
            if !ok {
                assert_eq!(
                    answer.json()["error"]["param"],
                    format!("flow_data[{flow}][subscription]")
                );
            }
        }
    }
    Ok(())
}

#[tokio::test]
async fn filters_and_expansions() -> anyhow::Result<()> {
    let sandbox = sandbox_with_keys(vec![KeySpec::full("sk_test_sandbox")]).await;
    let truth = sandbox.truth();
    let customer = &truth["customers"][3];
    let id = customer["id"].as_str().expect("id");

    let invoices = get(
        &sandbox,
        &format!("/v1/invoices?customer={id}&limit=100&expand[]=data.customer"),
    )
    .await
    .json();
    let data = invoices["data"].as_array().expect("data");
    let owned = truth["invoices"]
        .as_array()
        .expect("invoices")
        .iter()
        .filter(|i| i["customer"] == customer["id"])
        .count();
    assert!(owned > 0, "the customer has invoices");
    assert_eq!(data.len(), owned, "every invoice of the customer");
    assert!(
        data.iter().all(|i| i["customer"]["id"] == customer["id"]),
        "expanded to the customer object"
    );

    let subs = get(
        &sandbox,
        &format!("/v1/subscriptions?customer={id}&status=all&expand[]=data.default_payment_method"),
    )
    .await
    .json();
    let sub = &subs["data"][0];
    assert_eq!(sub["default_payment_method"]["object"], "payment_method");

    let pms = get(&sandbox, &format!("/v1/customers/{id}/payment_methods"))
        .await
        .json();
    assert_eq!(pms["data"][0]["customer"], customer["id"]);

    if let Some(email) = customer["email"].as_str() {
        let found = get(&sandbox, &format!("/v1/customers?email={email}"))
            .await
            .json();
        assert_eq!(found["data"][0]["id"], customer["id"]);
        let searched = get(
            &sandbox,
            &format!("/v1/customers/search?query=email:'{email}'"),
        )
        .await
        .json();
        assert_eq!(searched["object"], "search_result");
        assert_eq!(searched["data"][0]["id"], customer["id"]);
    }
    Ok(())
}

#[tokio::test]
async fn every_flow_type_enforces_its_required_parameters() -> anyhow::Result<()> {
    let sandbox = sandbox_with_keys(vec![KeySpec::full("sk_test_sandbox")]).await;
    sandbox
        .control("portal/default", json!({}))
        .map_err(anyhow::Error::msg)?;
    let truth = sandbox.truth();
    let (sub, customer, item) = live_subscription(&truth);
    let price = first_id(&truth, "prices");
    let base = format!("customer={customer}");

    let missing = [
        (
            "flow_data[type]=subscription_cancel",
            "flow_data[subscription_cancel][subscription]",
        ),
        (
            "flow_data[type]=subscription_update",
            "flow_data[subscription_update][subscription]",
        ),
        (
            &format!(
                "flow_data[type]=subscription_update_confirm&flow_data[subscription_update_confirm][subscription]={sub}"
            ) as &str,
            "flow_data[subscription_update_confirm][items]",
        ),
        (
            "flow_data[type]=payment_method_update&flow_data[after_completion][type]=redirect",
            "flow_data[after_completion][redirect][return_url]",
        ),
        ("flow_data[type]=teleport", "flow_data[type]"),
    ];
    for (flow, param) in missing {
        let answer = post(
            &sandbox,
            "/v1/billing_portal/sessions",
            &format!("{base}&{flow}"),
        )
        .await;
        assert_eq!(answer.status, 400, "{flow}");
        assert_eq!(answer.json()["error"]["param"], param, "{flow}");
    }

    let complete = [
        "flow_data[type]=payment_method_update".to_owned(),
        format!(
            "flow_data[type]=subscription_cancel&flow_data[subscription_cancel][subscription]={sub}"
        ),
        format!(
            "flow_data[type]=subscription_update&flow_data[subscription_update][subscription]={sub}"
        ),
        format!(
            "flow_data[type]=subscription_update_confirm&flow_data[subscription_update_confirm][subscription]={sub}\
             &flow_data[subscription_update_confirm][items][0][id]={item}&flow_data[subscription_update_confirm][items][0][price]={price}\
             &flow_data[subscription_update_confirm][items][0][quantity]=2\
             &flow_data[after_completion][type]=hosted_confirmation&flow_data[after_completion][hosted_confirmation][custom_message]=Thanks"
        ),
    ];
    for flow in complete {
        let answer = post(
            &sandbox,
            "/v1/billing_portal/sessions",
            &format!("{base}&return_url=https%3A%2F%2Fexample.com&{flow}"),
        )
        .await;
        assert_eq!(
            answer.status,
            200,
            "{flow}: {}",
            String::from_utf8_lossy(&answer.body)
        );
        let session = answer.json();
        let kind = flow
            .split('&')
            .next()
            .and_then(|p| p.strip_prefix("flow_data[type]="))
            .expect("type");
        assert_eq!(session["flow"]["type"], kind);
    }
    // The request log keeps the decoded form body for assertions.
    let last = sandbox.requests().pop().expect("logged");
    assert_eq!(
        last["params"]["flow_data"]["subscription_update_confirm"]["items"][0]["quantity"],
        "2"
    );
    assert_eq!(last["params"]["return_url"], "https://example.com");

    let wrong_owner = truth["customers"]
        .as_array()
        .expect("customers")
        .iter()
        .map(|c| c["id"].as_str().expect("id"))
        .find(|c| *c != customer)
        .expect("another");
    let answer = post(&sandbox, "/v1/billing_portal/sessions", &format!("customer={wrong_owner}&flow_data[type]=subscription_cancel&flow_data[subscription_cancel][subscription]={sub}")).await;
    assert_eq!(
        answer.status, 400,
        "a subscription of another customer is refused"
    );

    let answer = post(
        &sandbox,
        "/v1/billing_portal/sessions",
        &format!("{base}&locale=xx-YY"),
    )
    .await;
    assert_eq!(answer.json()["error"]["param"], "locale");
    Ok(())
}

#[tokio::test]
async fn idempotency_keys_replay_and_refuse_changed_parameters() -> anyhow::Result<()> {
    let sandbox = sandbox_with_keys(vec![KeySpec::full("sk_test_sandbox")]).await;
    sandbox
        .control("portal/default", json!({}))
        .map_err(anyhow::Error::msg)?;
    let customer = first_id(&sandbox.truth(), "customers");
    let send = |form: String| {
        let sandbox = &sandbox;
        async move {
            use tokio::io::{AsyncReadExt, AsyncWriteExt};
            let mut stream = tokio::net::TcpStream::connect(sandbox.addr())
                .await
                .expect("connect");
            let request = format!(
                "POST /v1/billing_portal/sessions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk_test_sandbox\r\nIdempotency-Key: click-1\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{form}",
                form.len()
            );
            stream.write_all(request.as_bytes()).await.expect("write");
            let mut out = String::new();
            stream.read_to_string(&mut out).await.expect("read");
            out
        }
    };
    let first = send(format!("customer={customer}")).await;
    let again = send(format!("customer={customer}")).await;
    let id = |text: &str| {
        text.split("\"id\": \"")
            .nth(1)
            .and_then(|t| t.split('"').next())
            .map(str::to_owned)
    };
    assert_eq!(
        id(&first),
        id(&again),
        "the same key replays the same session"
    );
    assert!(again.contains("Idempotent-Replayed: true"));
    let changed = send(format!("customer={customer}&locale=fr")).await;
    assert!(changed.contains("idempotency_error"), "{changed}");
    Ok(())
}

#[tokio::test]
async fn configurations_follow_stripes_rules() -> anyhow::Result<()> {
    let sandbox = sandbox_with_keys(vec![KeySpec::full("sk_test_sandbox")]).await;
    let truth = sandbox.truth();
    let product = first_id(&truth, "products");
    let price = truth["prices"]
        .as_array()
        .expect("prices")
        .iter()
        .find(|p| p["product"] == product.as_str())
        .expect("a price")["id"]
        .as_str()
        .expect("id")
        .to_owned();

    let eleven: String = (0..11)
        .map(|n| format!("&features[subscription_update][products][{n}][product]={product}&features[subscription_update][products][{n}][prices][0]={price}"))
        .collect();
    let answer = post(
        &sandbox,
        "/v1/billing_portal/configurations",
        &format!("features[subscription_update][enabled]=true{eleven}"),
    )
    .await;
    assert_eq!(answer.status, 400);
    assert!(
        answer.json()["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("at most 10 products")
    );

    let answer = post(
        &sandbox,
        "/v1/billing_portal/configurations",
        "features[subscription_cancel][mode]=sometimes",
    )
    .await;
    assert_eq!(
        answer.json()["error"]["param"],
        "features[subscription_cancel][mode]"
    );

    // Stripe's rule: plan switching needs card updates (on create, unset is off).
    let switching = format!(
        "features[subscription_update][enabled]=true&features[subscription_update][products][0][product]={product}\
         &features[subscription_update][products][0][prices][0]={price}"
    );
    let answer = post(&sandbox, "/v1/billing_portal/configurations", &switching).await;
    assert_eq!(answer.status, 400);
    assert_eq!(
        answer.json()["error"]["message"],
        "Cannot enable subscription updates while payment method update is disabled."
    );
    // An empty string tries to unset, and nothing can be unset on create.
    let answer = post(
        &sandbox,
        "/v1/billing_portal/configurations",
        "features[invoice_history][enabled]=true&default_return_url=",
    )
    .await;
    assert_eq!(answer.status, 400);
    assert_eq!(answer.json()["error"]["param"], "default_return_url");

    let created = post(
        &sandbox,
        "/v1/billing_portal/configurations",
        &format!(
            "features[invoice_history][enabled]=true&business_profile[headline]=Acme%20billing\
             &features[payment_method_update][enabled]=true\
             &features[subscription_update][enabled]=true&features[subscription_update][products][0][product]={product}\
             &features[subscription_update][products][0][prices][0]={price}&login_page[enabled]=true"
        ),
    )
    .await
    .json();
    let id = created["id"].as_str().expect("id");
    assert_eq!(created["business_profile"]["headline"], "Acme billing");
    let login = created["login_page"]["url"]
        .as_str()
        .expect("a durable login URL")
        .to_owned();
    let path = login.trim_start_matches(sandbox.url());
    assert_eq!(
        raw(&sandbox, "GET", path, None, "").await?.status,
        200,
        "the login page is served"
    );

    let updated = post(
        &sandbox,
        &format!("/v1/billing_portal/configurations/{id}"),
        "login_page[enabled]=false",
    )
    .await
    .json();
    assert_eq!(updated["login_page"]["url"], Value::Null);
    assert_eq!(
        raw(&sandbox, "GET", path, None, "").await?.status,
        404,
        "disabling revokes the link"
    );

    let listed = get(
        &sandbox,
        "/v1/billing_portal/configurations?is_default=false",
    )
    .await
    .json();
    assert_eq!(listed["data"].as_array().expect("data").len(), 1);
    Ok(())
}

#[tokio::test]
async fn a_one_off_charge_is_a_paid_invoice_in_the_customers_currency() -> anyhow::Result<()> {
    let sandbox = sandbox_with_keys(vec![KeySpec::full("sk_test_sandbox")]).await;
    let truth = sandbox.truth();
    let customer = &truth["customers"][0];
    let id = customer["id"].as_str().expect("id");
    let refused = sandbox.control(
        "simulate",
        json!({"action": "charge_once", "customer": id, "amount": 0}),
    );
    assert!(refused.is_err_and(|e| e.contains("positive")));
    sandbox
        .control(
            "simulate",
            json!({"action": "charge_once", "customer": id, "amount": 123_456}),
        )
        .map_err(anyhow::Error::msg)?;

    let listed = get(&sandbox, &format!("/v1/invoices?customer={id}&limit=1"))
        .await
        .json();
    let invoice = &listed["data"][0];
    assert_eq!(invoice["total"], 123_456);
    assert_eq!(invoice["amount_paid"], 123_456);
    assert_eq!(invoice["status"], "paid");
    assert_eq!(invoice["currency"], customer["currency"]);
    assert_eq!(invoice["billing_reason"], "manual");
    let sequence = customer["next_invoice_sequence"]
        .as_i64()
        .expect("sequence");
    assert_eq!(
        invoice["number"],
        format!(
            "{}-{sequence:04}",
            customer["invoice_prefix"].as_str().expect("prefix")
        )
    );
    let events = get(&sandbox, "/v1/events?limit=3").await.json();
    let kinds: Vec<&str> = events["data"]
        .as_array()
        .expect("data")
        .iter()
        .rev()
        .map(|e| e["type"].as_str().expect("type"))
        .collect();
    assert_eq!(
        kinds,
        ["invoice.created", "invoice.finalized", "invoice.paid"]
    );
    Ok(())
}

#[tokio::test]
async fn each_portal_action_appends_its_events() -> anyhow::Result<()> {
    let sandbox = sandbox_with_keys(vec![KeySpec::full("sk_test_sandbox")]).await;
    let truth = sandbox.truth();
    let (sub, customer, _) = live_subscription(&truth);
    let other_price = truth["prices"]
        .as_array()
        .expect("prices")
        .iter()
        .rev()
        .find(|p| {
            p["currency"]
                == truth["subscriptions"]
                    .as_array()
                    .expect("s")
                    .iter()
                    .find(|s| s["id"] == sub.as_str())
                    .expect("sub")["currency"]
        })
        .expect("price")["id"]
        .clone();
    let act = |body: Value| {
        sandbox
            .control("simulate", body)
            .map_err(anyhow::Error::msg)
    };

    act(json!({"action": "update_email", "customer": customer, "email": "jane@example.net"}))?;
    act(json!({"action": "update_address", "customer": customer, "address": {"city": "Lyon"}}))?;
    let foreign = truth["prices"]
        .as_array()
        .expect("prices")
        .iter()
        .find(|p| {
            p["currency"]
                != truth["prices"]
                    .as_array()
                    .expect("prices")
                    .iter()
                    .find(|q| q["id"] == other_price)
                    .expect("price")["currency"]
        })
        .expect("a price in another currency")["id"]
        .clone();
    let refused = act(json!({"action": "switch_price", "customer": customer, "price": foreign}));
    assert!(
        refused.is_err_and(|e| e.to_string().contains("one currency per customer")),
        "a customer keeps one currency"
    );
    act(json!({"action": "switch_price", "customer": customer, "price": other_price}))?;
    act(
        json!({"action": "add_card", "customer": customer, "brand": "mastercard", "last4": "4444"}),
    )?;
    act(json!({"action": "cancel_at_period_end", "customer": customer}))?;
    act(json!({"action": "cancel_now", "customer": customer}))?;
    act(json!({"action": "delete_customer", "customer": customer}))?;

    let events = get(&sandbox, "/v1/events?limit=100").await.json();
    let mut kinds: Vec<String> = events["data"]
        .as_array()
        .expect("data")
        .iter()
        .map(|e| e["type"].as_str().expect("type").to_owned())
        .collect();
    kinds.reverse();
    assert_eq!(
        kinds,
        [
            "customer.updated",
            "customer.updated",
            "customer.subscription.updated",
            "payment_method.attached",
            "customer.updated",
            "customer.subscription.updated",
            "customer.subscription.deleted",
            "customer.deleted"
        ]
    );
    let first = &events["data"]
        .as_array()
        .expect("data")
        .last()
        .expect("oldest")["data"];
    assert_eq!(first["object"]["email"], "jane@example.net");
    assert!(
        first["previous_attributes"]["email"].is_string()
            || first["previous_attributes"]["email"].is_null()
    );

    let only = get(&sandbox, "/v1/events?type=customer.subscription.*")
        .await
        .json();
    assert_eq!(only["data"].as_array().expect("data").len(), 3);
    // `types[]` takes exact names only, as Stripe's does: a pattern matches nothing.
    let named = get(
        &sandbox,
        "/v1/events?types[]=customer.deleted&types[]=payment_method.attached",
    )
    .await
    .json();
    assert_eq!(named["data"].as_array().expect("data").len(), 2);
    let pattern = get(&sandbox, "/v1/events?types[]=customer.*").await.json();
    assert_eq!(pattern["data"].as_array().expect("data").len(), 0);
    // Stripe's clock comes with every answer.
    let answer = get(&sandbox, "/v1/events?limit=1").await;
    let date = answer.header("date").expect("a Date header");
    let stripe_now = httpdate::parse_http_date(date)?;
    let drift = std::time::SystemTime::now()
        .duration_since(stripe_now)
        .unwrap_or_default();
    assert!(drift < std::time::Duration::from_secs(5), "{date}");

    act(json!({"action": "checkout_payments", "count": 2}))?;
    let busy = get(&sandbox, "/v1/events?limit=100&types[]=customer.deleted")
        .await
        .json();
    assert_eq!(
        busy["data"].as_array().expect("data").len(),
        1,
        "payment traffic is not in a named feed"
    );
    let all = get(&sandbox, "/v1/events?limit=100").await.json();
    assert_eq!(all["data"].as_array().expect("data").len(), 8 + 6);

    let gone = get(&sandbox, &format!("/v1/customers/{customer}"))
        .await
        .json();
    assert_eq!(
        gone,
        json!({"id": customer, "object": "customer", "deleted": true})
    );
    let listed = get(&sandbox, "/v1/customers?limit=100").await.json();
    assert!(
        listed["data"]
            .as_array()
            .expect("data")
            .iter()
            .all(|c| c["id"] != customer.as_str()),
        "deleted customers leave lists"
    );
    Ok(())
}

#[tokio::test]
async fn injected_faults_and_rate_limits() -> anyhow::Result<()> {
    let sandbox = sandbox_with_keys(vec![KeySpec::full("sk_test_sandbox")]).await;
    let plan = |kind: &str| json!({"faults": {"seed": 1, "percent": 100, "kinds": [kind], "stall_ms": 300, "storm_length": 3}});

    sandbox
        .control("conditions", plan("server_error"))
        .map_err(anyhow::Error::msg)?;
    let answer = get(&sandbox, "/v1/customers").await;
    assert_eq!(answer.status, 500);
    assert_eq!(answer.header("Stripe-Should-Retry"), Some("true"));

    sandbox
        .control("conditions", plan("drop"))
        .map_err(anyhow::Error::msg)?;
    assert!(
        raw(
            &sandbox,
            "GET",
            "/v1/customers",
            Some("sk_test_sandbox"),
            ""
        )
        .await
        .is_err(),
        "dropped"
    );

    sandbox
        .control("conditions", plan("truncate"))
        .map_err(anyhow::Error::msg)?;
    let truncated = raw(
        &sandbox,
        "GET",
        "/v1/customers",
        Some("sk_test_sandbox"),
        "",
    )
    .await;
    assert!(
        truncated.is_err_and(|e| e.to_string().contains("truncated")),
        "a truncated body"
    );

    sandbox
        .control("conditions", plan("stall"))
        .map_err(anyhow::Error::msg)?;
    assert!(
        raw(
            &sandbox,
            "GET",
            "/v1/customers",
            Some("sk_test_sandbox"),
            ""
        )
        .await
        .is_err(),
        "stalled, then closed"
    );

    sandbox
        .control("conditions", plan("rate_limit"))
        .map_err(anyhow::Error::msg)?;
    for _ in 0..3 {
        let answer = get(&sandbox, "/v1/customers").await;
        assert_eq!(answer.status, 429, "a storm of 429s");
        assert_eq!(answer.header("Stripe-Should-Retry"), Some("true"));
    }

    sandbox
        .control("conditions", json!({"faults": null, "rate_limit": 3}))
        .map_err(anyhow::Error::msg)?;
    let mut statuses = Vec::new();
    for _ in 0..8 {
        statuses.push(get(&sandbox, "/v1/customers?limit=1").await.status);
    }
    assert!(
        statuses.contains(&200) && statuses.contains(&429),
        "the token bucket refuses a burst: {statuses:?}"
    );

    let counters = sandbox.counters();
    assert!(
        counters["routes"]["GET /v1/customers"]
            .as_u64()
            .unwrap_or(0)
            >= 10,
        "{counters}"
    );
    assert!(counters["faults"]["drop"].as_u64() == Some(1), "{counters}");
    assert!(
        counters["rate_limited"].as_u64().unwrap_or(0) >= 1,
        "{counters}"
    );
    Ok(())
}

#[tokio::test]
async fn a_hold_keeps_matching_requests_waiting_until_lifted() -> anyhow::Result<()> {
    let sandbox = sandbox_with_keys(vec![KeySpec::full("sk_test_sandbox")]).await;
    sandbox
        .control("conditions", json!({"hold": ["/v1/invoices"]}))
        .map_err(anyhow::Error::msg)?;

    // Other paths are served; the held one is still waiting a while later.
    assert_eq!(get(&sandbox, "/v1/customers?limit=1").await.status, 200);
    let mut held = Box::pin(get(&sandbox, "/v1/invoices?limit=1"));
    let waited = tokio::time::timeout(std::time::Duration::from_millis(500), &mut held).await;
    assert!(waited.is_err(), "the held request was answered");

    sandbox
        .control("conditions", json!({"hold": null}))
        .map_err(anyhow::Error::msg)?;
    assert_eq!(held.await.status, 200);
    Ok(())
}

#[tokio::test]
async fn pages_serve_a_valid_pdf_and_html() -> anyhow::Result<()> {
    let sandbox = sandbox_with_keys(vec![KeySpec::full("sk_test_sandbox")]).await;
    let truth = sandbox.truth();
    let invoice = &truth["invoices"][0];
    let id = invoice["id"].as_str().expect("id");
    // Each answer hands out a link issued now; Stripe's redirects to its file host.
    let link_of = |answer: Raw| {
        answer.json()["invoice_pdf"]
            .as_str()
            .expect("pdf url")
            .trim_start_matches(sandbox.url())
            .to_owned()
    };
    let pdf_path = link_of(get(&sandbox, &format!("/v1/invoices/{id}")).await);
    assert!(pdf_path.contains("issued="), "{pdf_path}");
    let found = raw(&sandbox, "GET", &pdf_path, None, "").await?;
    assert_eq!(found.status, 302);
    let location = found.header("Location").expect("a redirect").to_owned();
    let rest = location
        .strip_prefix("http://")
        .expect("loopback file host");
    let (host, file) = rest.split_at(rest.find('/').expect("a path"));
    let file_host: std::net::SocketAddr = host.parse()?;
    assert_ne!(file_host, sandbox.addr(), "another host than the API's");
    let pdf = raw_at(file_host, "GET", file, None, "").await?;
    assert_eq!(pdf.header("Content-Type"), Some("application/pdf"));
    let text = String::from_utf8_lossy(&pdf.body).into_owned();
    assert!(text.starts_with("%PDF-1.4") && text.trim_end().ends_with("%%EOF"));
    let startxref: usize = text
        .rsplit("startxref\n")
        .next()
        .and_then(|t| t.lines().next())
        .and_then(|n| n.parse().ok())
        .expect("startxref");
    assert!(
        text[startxref..].starts_with("xref"),
        "the xref offset is right"
    );

    // Links expire: those handed out before an expiry answer 404, a fresh retrieve works.
    let never_issued = invoice["invoice_pdf"]
        .as_str()
        .expect("stored url")
        .trim_start_matches(sandbox.url())
        .to_owned();
    assert_eq!(
        raw(&sandbox, "GET", &never_issued, None, "").await?.status,
        404
    );
    sandbox
        .control("pdf_links/expire", json!({}))
        .map_err(anyhow::Error::msg)?;
    assert_eq!(raw(&sandbox, "GET", &pdf_path, None, "").await?.status, 404);
    let fresh = link_of(get(&sandbox, &format!("/v1/invoices/{id}")).await);
    assert_eq!(raw(&sandbox, "GET", &fresh, None, "").await?.status, 302);
    sandbox
        .control("conditions", json!({"pdf_link_ttl_secs": 0}))
        .map_err(anyhow::Error::msg)?;
    // A link handed out long ago (issued at 1 s past the epoch) has outlived any lifetime.
    let (before, after) = fresh.split_once("issued=").expect("issued");
    let rest = after.trim_start_matches(|c: char| c.is_ascii_digit());
    let aged = format!("{before}issued=1{rest}");
    assert_eq!(
        raw(&sandbox, "GET", &aged, None, "").await?.status,
        404,
        "{aged}"
    );

    let hosted = invoice["hosted_invoice_url"]
        .as_str()
        .expect("hosted url")
        .trim_start_matches(sandbox.url())
        .to_owned();
    let page = raw(&sandbox, "GET", &hosted, None, "").await?;
    assert_eq!(page.status, 200);
    assert!(
        String::from_utf8_lossy(&page.body).contains(invoice["number"].as_str().expect("number"))
    );
    Ok(())
}

#[tokio::test]
async fn the_billing_history_follows_each_plan() -> anyhow::Result<()> {
    const DAY: i64 = 86_400;
    let now = 1_780_000_000;
    let sandbox = Sandbox::start(Config {
        dataset: DatasetConfig {
            customers: 300,
            now,
            ..DatasetConfig::default()
        },
        ..Config::default()
    })
    .await?;
    let truth = sandbox.truth();
    let invoices = truth["invoices"].as_array().expect("invoices");
    let (mut monthly, mut yearly, mut full) = (0, 0, 0);
    for sub in truth["subscriptions"].as_array().expect("subscriptions") {
        let item = &sub["items"]["data"][0];
        let price = &item["price"];
        let interval = price["recurring"]["interval"].as_str().expect("interval");
        let mut history: Vec<&Value> = invoices
            .iter()
            .filter(|i| i["parent"]["subscription_details"]["subscription"] == sub["id"])
            .collect();
        history.sort_by_key(|i| i["created"].as_i64());
        let (first, last) = (history[0], history[history.len() - 1]);
        assert!(history.len() <= 4, "at most invoices_per_customer");
        assert_eq!(sub["latest_invoice"], last["id"]);
        assert_eq!(
            last["lines"]["data"][0]["period"]["start"], item["current_period_start"],
            "the latest invoice bills the current period"
        );
        let ended = sub["ended_at"].as_i64().unwrap_or(now);
        assert!(
            last["created"].as_i64() <= Some(ended),
            "none after it ended"
        );
        if first["billing_reason"] == "subscription_create" {
            assert_eq!(first["created"], sub["created"], "the first at sign-up");
        }
        for pair in history.windows(2) {
            let gap =
                pair[1]["created"].as_i64().expect("t") - pair[0]["created"].as_i64().expect("t");
            let days = if interval == "year" {
                365..=366
            } else {
                28..=31
            };
            assert!(
                gap % DAY == 0 && days.contains(&(gap / DAY)),
                "a {interval} apart: {gap} s in {}",
                sub["id"]
            );
        }
        for invoice in &history {
            let trial = sub["status"] == "trialing";
            let amount = if trial {
                json!(0)
            } else {
                price["unit_amount"].clone()
            };
            assert_eq!(invoice["amount_due"], amount, "the price's amount");
            assert_eq!(
                invoice["lines"]["data"][0]["pricing"]["price_details"]["price"],
                price["id"]
            );
        }
        if sub["status"] == "incomplete" || sub["status"] == "trialing" {
            assert_eq!(history.len(), 1, "only its first invoice");
        }
        match interval {
            "year" => yearly += 1,
            _ => monthly += 1,
        }
        full += usize::from(history.len() == 4);
        let customer = truth["customers"]
            .as_array()
            .expect("customers")
            .iter()
            .find(|c| c["id"] == sub["customer"])
            .expect("its customer");
        assert_eq!(
            customer["next_invoice_sequence"].as_u64(),
            Some(history.len() as u64 + 1),
            "Stripe numbers the next one after these"
        );
    }
    assert!(
        monthly > 0 && yearly > 0,
        "{monthly} monthly, {yearly} yearly"
    );
    assert!(full > 0, "older subscriptions have the full four invoices");
    Ok(())
}

#[tokio::test]
async fn the_dataset_is_deterministic_and_varied() -> anyhow::Result<()> {
    let start = |seed| {
        Sandbox::start(Config {
            dataset: DatasetConfig {
                customers: 3000,
                seed,
                now: 1_780_000_000,
                ..DatasetConfig::default()
            },
            ..Config::default()
        })
    };
    let (a, b, c) = (start(9).await?, start(9).await?, start(10).await?);
    let ids = |s: &Sandbox| {
        s.truth()["customers"]
            .as_array()
            .expect("c")
            .iter()
            .map(|c| c["id"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&a), ids(&b), "same seed, same account");
    assert_ne!(ids(&a), ids(&c), "another seed, another account");

    let truth = a.truth();
    let customers = truth["customers"].as_array().expect("customers");
    assert!(
        customers.iter().any(|c| c["email"].is_null()),
        "some customers have no email"
    );
    assert!(
        customers
            .iter()
            .any(|c| c["name"].as_str().is_some_and(|n| !n.is_ascii())),
        "non-ASCII names"
    );
    let statuses: BTreeSet<&str> = truth["subscriptions"]
        .as_array()
        .expect("s")
        .iter()
        .filter_map(|s| s["status"].as_str())
        .collect();
    for s in [
        "active",
        "trialing",
        "past_due",
        "canceled",
        "unpaid",
        "incomplete",
    ] {
        assert!(statuses.contains(s), "a {s} subscription");
    }
    let invoice_statuses: BTreeSet<&str> = truth["invoices"]
        .as_array()
        .expect("i")
        .iter()
        .filter_map(|i| i["status"].as_str())
        .collect();
    assert_eq!(
        invoice_statuses,
        BTreeSet::from(["open", "paid", "uncollectible", "void"])
    );
    let currencies: BTreeSet<&str> = truth["invoices"]
        .as_array()
        .expect("i")
        .iter()
        .filter_map(|i| i["currency"].as_str())
        .collect();
    assert!(
        currencies.contains("jpy") && currencies.len() >= 3,
        "{currencies:?}"
    );
    let brands: HashSet<&str> = truth["payment_methods"]
        .as_array()
        .expect("p")
        .iter()
        .filter_map(|p| p["card"]["brand"].as_str())
        .collect();
    assert!(brands.len() >= 4, "{brands:?}");
    for kind in [
        "customers",
        "subscriptions",
        "invoices",
        "payment_methods",
        "prices",
        "products",
    ] {
        let created: Vec<i64> = truth[kind]
            .as_array()
            .expect("list")
            .iter()
            .map(|o| o["created"].as_i64().expect("created"))
            .collect();
        assert!(
            created.windows(2).all(|w| w[0] < w[1]),
            "{kind}: strictly increasing created"
        );
        let ids: HashSet<&str> = truth[kind]
            .as_array()
            .expect("list")
            .iter()
            .filter_map(|o| o["id"].as_str())
            .collect();
        assert_eq!(ids.len(), created.len(), "{kind}: unique ids");
    }
    Ok(())
}

#[tokio::test]
async fn reset_restores_the_generated_account() -> anyhow::Result<()> {
    let sandbox = sandbox_with_keys(vec![KeySpec::full("sk_test_sandbox")]).await;
    let before = sandbox.truth();
    let customer = first_id(&before, "customers");
    sandbox
        .control(
            "simulate",
            json!({"action": "delete_customer", "customer": customer}),
        )
        .map_err(anyhow::Error::msg)?;
    sandbox
        .control(
            "conditions",
            json!({"faults": {"seed": 1, "percent": 100, "kinds": ["server_error"]}}),
        )
        .map_err(anyhow::Error::msg)?;
    assert_ne!(sandbox.truth()["customers"], before["customers"]);

    sandbox
        .control("reset", json!({}))
        .map_err(anyhow::Error::msg)?;
    let after = sandbox.truth();
    assert_eq!(
        after["customers"], before["customers"],
        "the same account again"
    );
    assert_eq!(after["events"], json!([]), "no events");
    assert_eq!(
        get(&sandbox, "/v1/customers?limit=1").await.status,
        200,
        "faults cleared"
    );

    sandbox
        .control("reset", json!({"customers": 5}))
        .map_err(anyhow::Error::msg)?;
    assert_eq!(
        sandbox.truth()["customers"].as_array().map(Vec::len),
        Some(5)
    );
    Ok(())
}
