//! `portal-desk portal` and `configs` against the sandbox.

use std::process::Command;

use crate::support::{active_customer, cli, run, start_sandbox, text};
use serde_json::json;

const KEY: &str = "sk_test_51PortalCliTestsKey000000cli";

fn sandbox() -> (tokio::runtime::Runtime, stripe_sandbox::Sandbox) {
    start_sandbox(stripe_sandbox::Config {
        dataset: stripe_sandbox::DatasetConfig {
            customers: 8,
            ..Default::default()
        },
        keys: vec![stripe_sandbox::KeySpec::full(KEY)],
        ..Default::default()
    })
}

fn portal(dir: &std::path::Path, url: &str) -> Command {
    let mut command = cli(dir);
    command
        .env("STRIPE_API_KEY", KEY)
        .env("PORTAL_DESK_TEST_OPENER_LOG", dir.join("opened.txt"))
        .args(["--api-base", url]);
    command
}

#[test]
fn opening_the_portal_from_a_fresh_account() -> anyhow::Result<()> {
    let (_runtime, sandbox) = sandbox();
    let url = sandbox.url().to_owned();
    let tmp = tempfile::tempdir()?;
    let customer = active_customer(&sandbox);
    assert_eq!(
        run(portal(tmp.path(), &url).arg("sync"), "").status.code(),
        Some(0)
    );

    // No default configuration yet: explained, with both ways out.
    let output = run(portal(tmp.path(), &url).args(["portal", &customer]), "");
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(5), "{stderr}");
    assert!(
        stderr.contains("https://dashboard.stripe.com/test/settings/billing/portal"),
        "{stderr}"
    );
    assert!(stderr.contains("configs create --recommended"), "{stderr}");

    // Creating it twice makes one configuration, which the profile then uses.
    for _ in 0..2 {
        let output = run(
            portal(tmp.path(), &url).args(["configs", "create", "--recommended"]),
            "",
        );
        assert_eq!(output.status.code(), Some(0), "{:?}", text(&output));
    }
    assert_eq!(
        sandbox.truth()["portal_configurations"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    let output = run(
        portal(tmp.path(), &url).args(["configs", "list", "--json"]),
        "",
    );
    let list: serde_json::Value = serde_json::from_str(&text(&output).0)?;
    assert_eq!(list.as_array().map(Vec::len), Some(1));

    // One click: the link is checked and handed to the browser.
    let output = run(portal(tmp.path(), &url).args(["portal", &customer]), "");
    assert_eq!(output.status.code(), Some(0), "{:?}", text(&output));
    let opened = std::fs::read_to_string(tmp.path().join("opened.txt"))?;
    let link = opened.lines().last().expect("a link was opened");
    assert!(link.starts_with(&format!("{url}/")), "{link}");
    let sessions: Vec<_> = sandbox
        .requests()
        .into_iter()
        .filter(|r| r["path"] == "/v1/billing_portal/sessions")
        .collect();
    let last = sessions.last().expect("a session was created");
    assert_eq!(last["params"]["configuration"], list[0]["id"]);

    // --print prints only the link; deep links and their flags.
    let output = run(
        portal(tmp.path(), &url).args([
            "portal",
            &customer,
            "--flow",
            "subscription_cancel",
            "--after",
            "confirmation:See you",
            "--print",
        ]),
        "",
    );
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(stdout.lines().count(), 1);
    assert!(stdout.starts_with(&format!("{url}/")));
    let params = sandbox
        .requests()
        .into_iter()
        .rev()
        .find(|r| r["path"] == "/v1/billing_portal/sessions")
        .expect("session")["params"]
        .clone();
    assert_eq!(params["flow_data"]["type"], "subscription_cancel");
    assert_eq!(
        params["flow_data"]["after_completion"]["hosted_confirmation"],
        json!({"custom_message": "See you"})
    );
    Ok(())
}

#[test]
fn bad_portal_inputs_get_their_exit_codes() -> anyhow::Result<()> {
    let (_runtime, sandbox) = sandbox();
    let url = sandbox.url().to_owned();
    sandbox
        .control("portal/default", json!({}))
        .map_err(anyhow::Error::msg)?;
    let tmp = tempfile::tempdir()?;
    let customer = active_customer(&sandbox);
    for (args, code, says) in [
        (
            vec!["portal", "not-a-customer"],
            2,
            "not a Stripe customer id",
        ),
        (
            vec!["portal", &customer, "--return-url", "http://example.com"],
            2,
            "https://",
        ),
        (
            vec!["portal", &customer, "--locale", "xx-YY-ZZ"],
            2,
            "not a portal language",
        ),
        (
            vec!["portal", &customer, "--flow", "subscription_update_confirm"],
            2,
            "--price",
        ),
        (
            vec!["portal", "cus_UnknownCustomer00"],
            5,
            "Stripe has no customer",
        ),
        (
            vec!["configs", "use", "bpc_DoesNotExist0000"],
            2,
            "no portal configuration",
        ),
    ] {
        let output = run(portal(tmp.path(), &url).args(&args), "");
        let (_, stderr) = text(&output);
        assert_eq!(output.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
    assert!(
        !tmp.path().join("opened.txt").exists(),
        "nothing was opened"
    );
    Ok(())
}

#[test]
fn emailing_the_portal_link() -> anyhow::Result<()> {
    let (runtime, sandbox) = sandbox();
    let url = sandbox.url().to_owned();
    sandbox
        .control("portal/default", json!({}))
        .map_err(anyhow::Error::msg)?;
    let smtp = runtime.block_on(stripe_sandbox::smtp::SmtpServer::start());
    let tmp = tempfile::tempdir()?;
    let customer = active_customer(&sandbox);
    let email = sandbox.truth()["customers"]
        .as_array()
        .expect("customers")
        .iter()
        .find(|c| c["id"] == customer.as_str())
        .and_then(|c| c["email"].as_str())
        .expect("an email")
        .to_owned();
    assert_eq!(
        run(portal(tmp.path(), &url).arg("sync"), "").status.code(),
        Some(0)
    );

    // The preview shows everything and sends nothing.
    let output = run(
        portal(tmp.path(), &url).args(["email", &customer, "--link", "session", "--dry-run"]),
        "",
    );
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stdout.contains(&format!("<{email}>"))
            && stdout.contains("Subject: Manage your billing with"),
        "{stdout}"
    );
    assert!(stdout.contains("works for a short time"), "{stdout}");
    assert!(!tmp.path().join("opened.txt").exists());

    // Without an SMTP server, the mail program gets a draft.
    let output = run(
        portal(tmp.path(), &url).args(["email", &customer, "--link", "session"]),
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{:?}", text(&output));
    let opened = std::fs::read_to_string(tmp.path().join("opened.txt"))?;
    assert!(
        opened.starts_with(&format!("mailto:{email}?subject=")),
        "{opened}"
    );

    // Plain SMTP to another computer is refused; to this one it works.
    let output = run(
        portal(tmp.path(), &url).args([
            "smtp",
            "set",
            "--host",
            "smtp.example.com",
            "--tls",
            "none",
            "--from",
            "billing@example.com",
        ]),
        "",
    );
    assert_eq!(output.status.code(), Some(2), "{:?}", text(&output));
    let port = smtp.port.to_string();
    let output = run(
        portal(tmp.path(), &url).args([
            "smtp",
            "set",
            "--host",
            "127.0.0.1",
            "--port",
            &port,
            "--tls",
            "none",
            "--from",
            "Coffee Billing <billing@coffee.example>",
        ]),
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{:?}", text(&output));

    // The durable login link needs the login page: asked for, then sent.
    let output = run(portal(tmp.path(), &url).args(["email", &customer]), "");
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output).1.contains("login page is off"));
    let output = run(
        portal(tmp.path(), &url).args(["email", &customer, "--enable-login-page"]),
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{:?}", text(&output));
    let messages = smtp.messages();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].to, vec![format!("<{email}>")]);
    assert!(
        messages[0].data.contains(&format!("{url}/_login/")),
        "{}",
        messages[0].data
    );
    Ok(())
}

#[test]
fn bulk_email_by_status_previews_sends_and_never_repeats() -> anyhow::Result<()> {
    let (runtime, sandbox) = sandbox();
    let url = sandbox.url().to_owned();
    sandbox
        .control("portal/default", json!({}))
        .map_err(anyhow::Error::msg)?;
    let smtp = runtime.block_on(stripe_sandbox::smtp::SmtpServer::start());
    let tmp = tempfile::tempdir()?;
    assert_eq!(
        run(portal(tmp.path(), &url).arg("sync"), "").status.code(),
        Some(0)
    );
    let port = smtp.port.to_string();
    let output = run(
        portal(tmp.path(), &url).args([
            "smtp",
            "set",
            "--host",
            "127.0.0.1",
            "--port",
            &port,
            "--tls",
            "none",
            "--from",
            "billing@coffee.example",
        ]),
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{:?}", text(&output));
    let active = run(
        portal(tmp.path(), &url).args(["customers", "--status", "active", "--json"]),
        "",
    );
    let active: serde_json::Value = serde_json::from_str(&text(&active).0)?;
    let reachable = active
        .as_array()
        .expect("array")
        .iter()
        .filter(|c| c["email"].as_str().is_some_and(|e| !e.is_empty()))
        .count();
    assert!(reachable > 0);

    let args = [
        "email",
        "--status",
        "active",
        "--link",
        "session",
        "--campaign",
        "renewal",
    ];
    let output = run(portal(tmp.path(), &url).args(args).arg("--dry-run"), "");
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(stdout.matches("will send").count(), reachable, "{stdout}");
    assert!(smtp.messages().is_empty(), "a preview sends nothing");

    let output = run(portal(tmp.path(), &url).args(args), "");
    assert_eq!(output.status.code(), Some(0), "{:?}", text(&output));
    assert!(
        text(&output)
            .0
            .contains(&format!("{reachable} sent, 0 failed")),
        "{:?}",
        text(&output)
    );
    assert_eq!(smtp.messages().len(), reachable);

    let output = run(portal(tmp.path(), &url).args(args), "");
    assert!(
        text(&output).0.contains("0 sent, 0 failed"),
        "{:?}",
        text(&output)
    );
    assert_eq!(smtp.messages().len(), reachable, "nobody twice");
    Ok(())
}

#[test]
fn creating_and_editing_a_configuration() -> anyhow::Result<()> {
    let (_runtime, sandbox) = sandbox();
    let url = sandbox.url().to_owned();
    let tmp = tempfile::tempdir()?;
    assert_eq!(
        run(portal(tmp.path(), &url).arg("sync"), "").status.code(),
        Some(0)
    );
    let products: Vec<String> = sandbox.truth()["products"]
        .as_array()
        .expect("products")
        .iter()
        .filter_map(|p| p["id"].as_str().map(str::to_owned))
        .collect();
    let output = run(
        portal(tmp.path(), &url).args([
            "configs",
            "create",
            "--use",
            "--headline",
            "Sandbox Coffee billing",
            "--invoice-history",
            "on",
            "--payment-methods",
            "on",
            "--customer-updates",
            "email,address",
            "--cancel",
            "at_period_end",
            "--cancel-reasons",
            "on",
            "--plans",
            "on",
            "--plan-products",
            &products.join(","),
            "--plan-proration",
            "create_prorations",
            "--schedule-at-period-end",
            "on",
        ]),
        "",
    );
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stdout.contains("now opens the portal with it"), "{stdout}");
    let truth = sandbox.truth();
    let created = &truth["portal_configurations"][0];
    assert_eq!(
        created["business_profile"]["headline"],
        "Sandbox Coffee billing"
    );
    let switch = &created["features"]["subscription_update"];
    assert_eq!(switch["enabled"], true);
    assert_eq!(
        switch["products"].as_array().map(Vec::len),
        Some(products.len())
    );
    assert!(
        switch["products"][0]["prices"]
            .as_array()
            .is_some_and(|p| !p.is_empty()),
        "prices from the cache"
    );
    assert_eq!(
        created["features"]["subscription_cancel"]["cancellation_reason"]["enabled"],
        true
    );
    let id = created["id"].as_str().expect("id").to_owned();

    // Update changes only what is given; the login page shows its durable link.
    let output = run(
        portal(tmp.path(), &url).args(["configs", "update", &id, "--login-page", "on"]),
        "",
    );
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stdout.contains(&format!("login page:        on {url}/_login/")),
        "{stdout}"
    );
    assert!(
        stdout.contains("Sandbox Coffee billing"),
        "the headline stayed: {stdout}"
    );

    // Invalid values are refused before any request, with the field named.
    sandbox
        .control("counters/reset", json!({}))
        .map_err(anyhow::Error::msg)?;
    let eleven: Vec<String> = (0..11).map(|n| format!("prod_Fake{n:02}")).collect();
    for (args, field) in [
        (
            vec!["--plan-products".to_owned(), eleven.join(",")],
            "plan products",
        ),
        (vec!["--headline".to_owned(), "x".repeat(61)], "headline"),
        (
            vec![
                "--privacy-url".to_owned(),
                "http://example.com/privacy".to_owned(),
            ],
            "privacy policy URL",
        ),
        (
            vec!["--customer-updates".to_owned(), "password".to_owned()],
            "customer updates",
        ),
    ] {
        let output = run(
            portal(tmp.path(), &url)
                .args(["configs", "update", &id])
                .args(&args),
            "",
        );
        let (_, stderr) = text(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(field), "{args:?}: {stderr}");
    }
    assert_eq!(
        sandbox.counters()["routes"].get("POST /v1/billing_portal/configurations/:id"),
        None
    );
    let posts: u64 = sandbox.counters()["routes"]
        .as_object()
        .expect("routes")
        .iter()
        .filter(|(route, _)| route.starts_with("POST"))
        .map(|(_, n)| n.as_u64().unwrap_or(0))
        .sum();
    assert_eq!(posts, 0, "nothing was sent");
    Ok(())
}
