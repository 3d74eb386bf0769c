//! The desk through the real window against the sandbox: the first sync with
//! its progress, search and filters, a customer's billing info against the
//! sandbox's truth, the portal (not configured, recovered, every deep link,
//! copy link), a portal change caught by the next sync, and going offline.

use std::path::Path;

use anyhow::Context;
use portal_e2e::{App, AppOptions, Session, StripeSandbox, screenshot_dir};
use serde_json::{Value, json};

const KEY: &str = "sk_test_51FakeKeyForE2eTests000abcd";

/// Saves the key through onboarding and continues to the desk.
fn connect(ui: &Session) -> anyhow::Result<()> {
    ui.find("#api-key")?.type_text(KEY)?;
    ui.find("#save-key")?.click()?;
    ui.wait_for_text("#key-account", "Verified with Stripe")?;
    ui.find("#continue")?.click()?;
    Ok(())
}

/// The app on a fresh data folder, talking to `stripe`, recording what it opens.
fn launch(stripe: &StripeSandbox, opened: &Path, extra: &[(&str, &str)]) -> anyhow::Result<App> {
    let mut env = vec![
        ("PORTAL_DESK_API_BASE".to_owned(), stripe.url.clone()),
        (
            "PORTAL_DESK_TEST_OPENER_LOG".to_owned(),
            opened.display().to_string(),
        ),
    ];
    env.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    App::launch(AppOptions { env })
}

fn opened_lines(log: &Path) -> Vec<String> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Waits until the opener log has `count` lines and returns the last.
fn wait_opened(ui: &Session, log: &Path, count: usize) -> anyhow::Result<String> {
    ui.wait_for(&format!("{count} links opened"), || {
        let lines = opened_lines(log);
        Ok((lines.len() >= count).then(|| lines[count - 1].clone()))
    })
}

/// A customer with a name, an email, a live subscription and a card.
fn subscriber(truth: &Value) -> anyhow::Result<(Value, Value)> {
    let subscriptions = truth["subscriptions"].as_array().context("subscriptions")?;
    let customers = truth["customers"].as_array().context("customers")?;
    for sub in subscriptions.iter().filter(|s| s["status"] == "active") {
        let Some(customer) = customers.iter().find(|c| {
            c["id"] == sub["customer"] && c["name"].is_string() && c["email"].is_string()
        }) else {
            continue;
        };
        return Ok((customer.clone(), sub.clone()));
    }
    anyhow::bail!("no active subscriber with a name and an email")
}

#[test]
fn first_sync_search_detail_and_the_portal() -> anyhow::Result<()> {
    // Latency makes the first sync slow enough to watch its progress.
    let stripe = StripeSandbox::start_with(KEY, &["--customers", "300", "--latency-ms", "400"])?;
    let scratch = tempfile::tempdir()?;
    let opened = scratch.path().join("opened.log");
    let app = launch(&stripe, &opened, &[])?;
    let ui = &app.session;
    let shots = screenshot_dir();

    connect(ui)?;
    ui.find("#test-mode-banner")?;
    ui.wait_for_text("#first-sync-label", " read")?;
    ui.find("#sync-progress")?;
    ui.screenshot(&shots.join("desk-first-sync.png"))?;
    let truth = stripe.truth()?;
    let total = truth["customers"].as_array().context("customers")?.len();
    ui.wait_for_text("#customer-count", &format!("{total} customers"))?;
    ui.wait_for_text("#sync-label", "Synced")?;
    ui.screenshot(&shots.join("desk-list.png"))?;

    // Search by part of a name, then by email.
    let (customer, subscription) = subscriber(&truth)?;
    let id = customer["id"].as_str().context("id")?;
    let name = customer["name"].as_str().context("name")?;
    let search = ui.find("#search")?;
    search.type_text(name)?;
    ui.wait_for(&format!("{name} in the results"), || {
        Ok(ui.try_find(&format!(".row[data-id='{id}']"))?.map(|_| ()))
    })?;
    let count = ui.find("#customer-count")?.text()?;
    assert!(
        count.ends_with("customer") || count.ends_with("customers"),
        "{count}"
    );
    ui.screenshot(&shots.join("desk-search.png"))?;
    search.clear()?;
    search.type_text("zzzz-nobody")?;
    ui.wait_for_text("#no-match", "No customer matches")?;
    search.clear()?;
    // Clearing by script fires no input event: type and erase one character.
    search.type_text("a\u{E003}")?;
    ui.wait_for_text("#customer-count", &format!("{total} customers"))?;

    // The past-due chip shows only past-due customers, as many as it says.
    let chip = ui.find("#chip-past_due")?;
    let chip_count: usize = chip
        .text()?
        .trim_start_matches("Past due")
        .trim()
        .replace(',', "")
        .parse()?;
    chip.click()?;
    ui.wait_for_text("#customer-count", &format!("{chip_count} customer"))?;
    let statuses = ui.texts(".row .status")?;
    assert!(
        !statuses.is_empty() && statuses.iter().all(|s| s == "Past due"),
        "{statuses:?}"
    );
    ui.screenshot(&shots.join("desk-filter-past-due.png"))?;
    ui.find("#chip-all")?.click()?;
    ui.wait_for_text("#customer-count", &format!("{total} customers"))?;

    // The detail view against the sandbox's truth.
    search.type_text(id)?;
    ui.find(&format!(".row[data-id='{id}']"))?.click()?;
    ui.wait_for_text("#detail-id", id)?;
    ui.wait_for_text(
        "#detail-email",
        customer["email"].as_str().context("email")?,
    )?;
    let invoices = truth["invoices"]
        .as_array()
        .context("invoices")?
        .iter()
        .filter(|i| i["customer"] == id)
        .count();
    let rows = ui.texts("#invoices tbody tr")?;
    assert_eq!(rows.len(), invoices.min(5), "{rows:?}");
    ui.wait_for_text("#subscription-status", "Active")?;
    let renewal = ui.find("#subscription-renewal")?.text()?;
    assert!(
        renewal.starts_with("Renews on") || renewal.starts_with("Cancels on"),
        "{renewal}"
    );
    let amount = ui.find("#subscription-amount")?.text()?;
    let price = &subscription["items"]["data"][0]["price"];
    let unit = price["unit_amount"].as_i64().context("unit_amount")?;
    let quantity = subscription["items"]["data"][0]["quantity"]
        .as_i64()
        .unwrap_or(1);
    let major = format!("{}", (unit * quantity) / 100);
    assert!(
        amount.replace(',', "").contains(&major),
        "{amount} shows {major}"
    );
    if let Some(card) = truth["payment_methods"]
        .as_array()
        .context("payment methods")?
        .iter()
        .find(|pm| {
            pm["customer"] == id
                && pm["id"] == customer["invoice_settings"]["default_payment_method"]
        })
    {
        let last4 = card["card"]["last4"].as_str().context("last4")?;
        ui.wait_for_text("#payment-methods", &format!("•••• {last4}"))?;
        ui.wait_for_text("#payment-methods", "Default")?;
    }
    ui.screenshot(&shots.join("desk-detail.png"))?;

    // No portal settings yet: the recovery creates them and opens the portal.
    ui.find("#open-portal")?.click()?;
    ui.wait_for_text("#not-configured", "Set up the Customer Portal first")?;
    ui.screenshot(&shots.join("desk-not-configured.png"))?;
    ui.find("#create-configuration")?.click()?;
    let url = wait_opened(ui, &opened, 1)?;
    assert!(
        url.starts_with(&format!("{}/_portal/", stripe.url)),
        "{url}"
    );
    ui.wait_for_text("#portal-outcome", "opened in your browser")?;
    let configurations = stripe.truth()?["portal_configurations"]
        .as_array()
        .map(Vec::len);
    assert_eq!(configurations, Some(1), "one configuration was created");

    // Every deep link, each a session with its flow.
    for (n, (item, flow)) in [
        ("#flow-update-card", "payment_method_update"),
        ("#flow-cancel", "subscription_cancel"),
    ]
    .into_iter()
    .enumerate()
    {
        ui.find("#deep-links")?.click()?;
        if n == 0 {
            ui.find(item)?;
            ui.screenshot(&shots.join("desk-deep-links.png"))?;
        }
        ui.find(item)?.click()?;
        wait_opened(ui, &opened, n + 2)?;
        let session = stripe
            .requests()?
            .into_iter()
            .rev()
            .find(|r| r["path"] == "/v1/billing_portal/sessions")
            .context("a session request")?;
        assert_eq!(session["params"]["customer"], id);
        assert_eq!(session["params"]["flow_data"]["type"], flow, "{item}");
    }

    // The recommended settings leave plan switching off (it needs products
    // chosen): Stripe's refusal shows in place, and nothing opens.
    ui.find("#deep-links")?.click()?;
    ui.find("#flow-change-plan")?.click()?;
    ui.wait_for_text("#portal-error", "subscription_update")?;
    let session = stripe
        .requests()?
        .into_iter()
        .rev()
        .find(|r| r["path"] == "/v1/billing_portal/sessions")
        .context("a session request")?;
    assert_eq!(
        session["params"]["flow_data"]["type"],
        "subscription_update"
    );
    ui.screenshot(&shots.join("desk-portal-error.png"))?;
    assert_eq!(opened_lines(&opened).len(), 3);

    // Copy link creates a session without opening it.
    ui.find("#copy-link")?.click()?;
    let link = ui.wait_for("the copied link", || {
        Ok(ui
            .try_find("#portal-link")?
            .map(|field| field.property("value"))
            .transpose()?
            .and_then(|v| v.as_str().map(str::to_owned)))
    })?;
    assert!(
        link.starts_with(&format!("{}/_portal/", stripe.url)),
        "{link}"
    );
    assert_eq!(opened_lines(&opened).len(), 3, "copying opens nothing");

    // The customer switches plan in the portal; the next sync shows it.
    stripe.control(
        "simulate",
        json!({"action": "cancel_at_period_end", "customer": id}),
    )?;
    ui.find("#sync-now")?.click()?;
    ui.wait_for_text("#customer-activity", "canceled")?;
    ui.wait_for_text("#subscription-renewal", "Cancels on")?;
    ui.screenshot(&shots.join("desk-activity.png"))?;
    ui.find("#show-activity")?.click()?;
    ui.wait_for_text("#activity-feed", name)?;
    ui.screenshot(&shots.join("desk-activity-feed.png"))?;
    Ok(())
}
