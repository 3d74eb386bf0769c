//! The desk through the real window against the sandbox: the first sync with
//! its progress, search and filters, a customer's billing info against the
//! sandbox's truth, the portal (not configured, recovered, every deep link,
//! copy link), a portal change caught by the next sync, and going offline.

use std::path::{Path, PathBuf};

use anyhow::Context;
use portal_e2e::{App, AppOptions, Session, StripeSandbox, screenshot_dir};
use portal_i18n::Language;
use serde_json::{Value, json};

const KEY: &str = "sk_test_51FakeKeyForE2eTests000abcd";

/// Saves the key through onboarding and continues to the desk.
fn connect(ui: &Session) -> anyhow::Result<()> {
    connect_in(ui, Language::En)
}

/// The text of message `id` in `language` before its variable `$name`: what
/// a screen shows whatever the variable holds.
fn before_variable(language: Language, id: &str, name: &str) -> String {
    let mut args = portal_i18n::FluentArgs::new();
    args.set(name.to_owned(), "\u{0}");
    let text = portal_i18n::message(language, id, Some(&args));
    text.split('\u{0}')
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// [`connect`], with the window in `language`.
fn connect_in(ui: &Session, language: Language) -> anyhow::Result<()> {
    ui.find("#api-key")?.type_text(KEY)?;
    ui.find("#save-key")?.click()?;
    let verified = before_variable(language, "desk-key-verified-name", "name");
    ui.wait_for_text("#key-account", &verified)?;
    ui.find("#continue")?.click()?;
    Ok(())
}

/// Connects, then waits for the first sync to list every customer; returns
/// the sandbox's truth and its customer count.
fn connect_and_sync(ui: &Session, stripe: &StripeSandbox) -> anyhow::Result<(Value, usize)> {
    connect(ui)?;
    let truth = stripe.truth()?;
    let total = truth["customers"].as_array().context("customers")?.len();
    lists_everyone(ui, total)?;
    Ok((truth, total))
}

/// Waits until the list counts all `total` customers.
fn lists_everyone(ui: &Session, total: usize) -> anyhow::Result<()> {
    lists_everyone_in(ui, total, Language::En)
}

/// [`lists_everyone`], with the window in `language`.
fn lists_everyone_in(ui: &Session, total: usize, language: Language) -> anyhow::Result<()> {
    let count = portal_i18n::tr!(language, "common-customers", count = total);
    ui.wait_for_text("#customer-count", &count)?;
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
    App::launch(AppOptions {
        env,
        ..AppOptions::default()
    })
}

/// [`launch`], with the save dialog answering with `scratch/exports` (a
/// native dialog can't be driven); returns the app and that folder.
fn launch_saving(stripe: &StripeSandbox, scratch: &Path) -> anyhow::Result<(App, PathBuf)> {
    let exports = scratch.join("exports");
    std::fs::create_dir(&exports)?;
    let app = launch(
        stripe,
        &scratch.join("opened.log"),
        &[("PORTAL_DESK_TEST_SAVE_DIR", &exports.display().to_string())],
    )?;
    Ok((app, exports))
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

// The tests run in name order (`--test-threads=1`).
#[test]
fn step1_first_sync_search_detail_and_the_portal() -> anyhow::Result<()> {
    let stripe = StripeSandbox::start_with(KEY, &["--customers", "300"])?;
    let scratch = tempfile::tempdir()?;
    let opened = scratch.path().join("opened.log");
    let app = launch(&stripe, &opened, &[])?;
    let ui = &app.session;
    let shots = screenshot_dir();

    // Customers are held until the empty list has shown the first-sync panel
    // (the list is read once when the desk opens; if a page of customers were
    // stored first, the list would show them instead). Invoices stay held, so
    // the sync stays on screen however fast the machine is.
    stripe.control(
        "conditions",
        json!({"hold": ["/v1/customers", "/v1/invoices"]}),
    )?;
    connect(ui)?;
    ui.find("#test-mode-banner")?;
    ui.find("#first-sync")?;
    ui.wait_for("the empty list to be read", || {
        Ok(ui.try_find("#customer-list[data-answered]")?.map(|_| ()))
    })?;
    stripe.control("conditions", json!({"hold": ["/v1/invoices"]}))?;
    ui.wait_for_text("#first-sync-label", " read")?;
    ui.find("#first-sync-progress")?;
    ui.find("#sync-progress")?;
    ui.screenshot(&shots.join("desk-first-sync.png"))?;
    portal_e2e::axe::audit(ui, "desk-first-sync")?;
    stripe.control("conditions", json!({"hold": null}))?;
    let truth = stripe.truth()?;
    let total = truth["customers"].as_array().context("customers")?.len();
    lists_everyone(ui, total)?;
    ui.wait_for_text("#sync-label", "Synced")?;
    ui.screenshot(&shots.join("desk-list.png"))?;
    portal_e2e::axe::audit(ui, "desk-list")?;

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
    search.replace_text("zzzz-nobody")?;
    ui.wait_for_text("#no-match", "No customer matches")?;
    // Clearing by script fires no input event (and a late re-render could
    // restore the old text): type over it, then erase, as a user would.
    search.replace_text("a\u{E003}")?;
    lists_everyone(ui, total)?;

    // Every status has its chip, and the chips add up to All.
    let counts: Vec<usize> = ui
        .texts(".chips .chip-count")?
        .iter()
        .map(|n| n.replace(',', "").parse())
        .collect::<Result<_, _>>()?;
    assert_eq!(counts[0], total, "All counts everyone");
    assert_eq!(counts[1..].iter().sum::<usize>(), total, "{counts:?}");
    ui.find("#chip-unpaid")?;

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
    lists_everyone(ui, total)?;

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
    portal_e2e::axe::audit(ui, "desk-detail")?;

    // No portal settings yet: the recovery creates them and opens the portal.
    ui.find("#open-portal")?.click()?;
    ui.wait_for_text("#not-configured", "Set up the Customer Portal first")?;
    ui.screenshot(&shots.join("desk-not-configured.png"))?;
    portal_e2e::axe::audit(ui, "desk-not-configured")?;
    // The Dashboard link: the page names the page, Rust opens the link.
    ui.find("#open-portal-settings")?.click()?;
    assert_eq!(
        wait_opened(ui, &opened, 1)?,
        "https://dashboard.stripe.com/test/settings/billing/portal"
    );
    ui.find("#create-configuration")?.click()?;
    let url = wait_opened(ui, &opened, 2)?;
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
            portal_e2e::axe::audit(ui, "desk-deep-links")?;
        }
        ui.find(item)?.click()?;
        wait_opened(ui, &opened, n + 3)?;
        let session = stripe.last_request("/v1/billing_portal/sessions")?;
        assert_eq!(session["params"]["customer"], id);
        assert_eq!(session["params"]["flow_data"]["type"], flow, "{item}");
    }

    // The recommended settings leave plan switching off (it needs products
    // chosen): Stripe's refusal shows in place, and nothing opens.
    ui.find("#deep-links")?.click()?;
    ui.find("#flow-change-plan")?.click()?;
    ui.wait_for_text("#portal-error", "subscription_update")?;
    let session = stripe.last_request("/v1/billing_portal/sessions")?;
    assert_eq!(
        session["params"]["flow_data"]["type"],
        "subscription_update"
    );
    ui.screenshot(&shots.join("desk-portal-error.png"))?;
    assert_eq!(opened_lines(&opened).len(), 4);

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
    assert_eq!(opened_lines(&opened).len(), 4, "copying opens nothing");

    // An account with a Stripe custom domain: the portal opens there, and the window names it.
    stripe.control(
        "conditions",
        json!({"portal_domain": "billing.coffee.example"}),
    )?;
    ui.find("#open-portal")?.click()?;
    let url = wait_opened(ui, &opened, 5)?;
    assert!(
        url.starts_with("https://billing.coffee.example/p/session/"),
        "{url}"
    );
    ui.wait_for_text("#portal-domain", "billing.coffee.example")?;
    let tooltip = ui.find("#open-portal")?.property("title")?;
    assert_eq!(
        tooltip,
        json!("Opens on billing.coffee.example, your Stripe custom domain")
    );
    ui.screenshot(&shots.join("desk-custom-domain.png"))?;
    stripe.control("conditions", json!({"portal_domain": null}))?;

    // The customer switches plan in the portal; the next sync shows it.
    cancels_in_the_portal(ui, &stripe, id)?;
    ui.wait_for_text("#subscription-renewal", "Cancels on")?;
    ui.screenshot(&shots.join("desk-activity.png"))?;
    ui.find("#show-activity")?.click()?;
    ui.wait_for_text("#activity-feed", name)?;
    ui.screenshot(&shots.join("desk-activity-feed.png"))?;
    portal_e2e::axe::audit(ui, "desk-activity-feed")?;
    Ok(())
}

/// Customer `id` (open in the detail view) cancels at the period's end in the
/// portal; waits until a sync shows it in their activity.
fn cancels_in_the_portal(ui: &Session, stripe: &StripeSandbox, id: &str) -> anyhow::Result<()> {
    stripe.control(
        "simulate",
        json!({"action": "cancel_at_period_end", "customer": id}),
    )?;
    ui.find("#sync-now")?.click()?;
    ui.wait_for_text("#customer-activity", "canceled")?;
    Ok(())
}

/// Runs `portal-desk` (the CLI of the app under test) on the app's data folder.
fn cli(app: &App, stripe: &StripeSandbox, args: &[&str], stdin: &str) -> anyhow::Result<String> {
    Ok(portal_e2e::run_cli(app.data_path(), &stripe.url, args, stdin)?.0)
}

/// Points the app's profile at the SMTP listener on `port` (through the CLI).
fn use_smtp(app: &App, stripe: &StripeSandbox, port: u16) -> anyhow::Result<()> {
    let port = port.to_string();
    let args = [
        "smtp",
        "set",
        "--host",
        "127.0.0.1",
        "--port",
        &port,
        "--tls",
        "none",
    ];
    let from = ["--from", "Sandbox Coffee <billing@coffee.example>"];
    cli(app, stripe, &[&args[..], &from[..]].concat(), "")?;
    Ok(())
}

/// A 40-customer account with portal settings, a real SMTP listener (on
/// `_runtime`), and the app on it, recording what it opens in `opened`.
struct Emailing {
    _runtime: tokio::runtime::Runtime,
    _scratch: tempfile::TempDir,
    smtp: stripe_sandbox::smtp::SmtpServer,
    stripe: StripeSandbox,
    opened: PathBuf,
    app: App,
}

/// The app with an SMTP server and a sandbox with a default portal
/// configuration; `extra` is more environment for the app.
fn emailing(extra: &[(&str, &str)]) -> anyhow::Result<Emailing> {
    let runtime = tokio::runtime::Runtime::new()?;
    let smtp = runtime.block_on(stripe_sandbox::smtp::SmtpServer::start());
    let stripe = StripeSandbox::start_with(KEY, &["--customers", "40"])?;
    stripe.control("portal/default", json!({}))?;
    let scratch = tempfile::tempdir()?;
    let opened = scratch.path().join("opened.log");
    let app = launch(&stripe, &opened, extra)?;
    Ok(Emailing {
        _runtime: runtime,
        _scratch: scratch,
        smtp,
        stripe,
        opened,
        app,
    })
}

#[test]
fn step2_email_with_a_preview_then_offline_from_the_cache() -> anyhow::Result<()> {
    // Bound last, so the app is dropped first.
    let Emailing {
        _runtime,
        _scratch,
        smtp,
        stripe,
        opened,
        app,
    } = emailing(&[])?;
    let ui = &app.session;
    let shots = screenshot_dir();
    let (truth, total) = connect_and_sync(ui, &stripe)?;
    use_smtp(&app, &stripe, smtp.port)?;

    let (customer, _) = subscriber(&truth)?;
    let id = customer["id"].as_str().context("id")?;
    let email = customer["email"].as_str().context("email")?;
    ui.find("#search")?.type_text(id)?;
    ui.find(&format!(".row[data-id='{id}']"))?.click()?;
    ui.wait_for_text("#detail-id", id)?;

    // The email: the sign-in page question first (it is off), then a
    // preview with its link, then sent through SMTP.
    ui.find("#email-link")?.click()?;
    ui.wait_for_text("#email-error", "sign-in page is off")?;
    ui.screenshot(&shots.join("desk-email-login-page.png"))?;
    ui.find("#enable-login-page")?.click()?;
    ui.wait_for_text("#email-to", email)?;
    let subject = ui.find("#email-subject")?.text()?;
    assert!(!subject.is_empty());
    ui.wait_for_text("#email-body", &format!("{}/_login/", stripe.url))?;
    ui.screenshot(&shots.join("desk-email-preview.png"))?;
    portal_e2e::axe::audit(ui, "desk-email-preview")?;
    ui.find("#email-send")?.click()?;
    ui.wait_for_text("#email-outcome", "Sent")?;
    ui.screenshot(&shots.join("desk-email-sent.png"))?;
    portal_e2e::axe::audit(ui, "desk-email-sent")?;
    let messages = smtp.messages();
    assert_eq!(messages.len(), 1, "exactly one email");
    assert!(
        messages[0].to.iter().any(|to| to.contains(email)),
        "{:?}",
        messages[0].to
    );
    assert!(
        messages[0]
            .data
            .contains(&format!("{}/_login/", stripe.url)),
        "the email carries the sign-in link"
    );
    ui.find("#email-close")?.click()?;

    // Save one invoice's PDF while online.
    ui.find("#invoices button.pdf")?.click()?;
    let pdf = wait_opened(ui, &opened, 1)?;
    assert!(std::fs::read(&pdf)?.starts_with(b"%PDF"), "{pdf}");
    ui.wait_for_text("#invoices button.pdf", "PDF ✓")?;

    at_risk_customers_are_asked_to_update_the_card(ui, &stripe, &truth, &smtp)?;
    ui.find("#search")?.replace_text(id)?;
    ui.find(&format!(".row[data-id='{id}']"))?.click()?;
    ui.wait_for_text("#detail-id", id)?;

    // Stripe goes away: the banner says so, the cache still answers.
    drop(stripe);
    ui.find("#sync-now")?.click()?;
    ui.wait_for_text("#offline-banner", "Stripe can't be reached")?;
    ui.wait_for_text("#sync-state", "Sync paused: offline")?;
    let disabled = ui.find("#open-portal")?.property("disabled")?;
    assert_eq!(disabled, json!(true), "the portal waits for the network");
    ui.find("#invoices button.pdf")?.click()?;
    assert_eq!(
        wait_opened(ui, &opened, 2)?,
        pdf,
        "the saved PDF opens offline"
    );
    ui.find("#search")?.replace_text("a\u{E003}")?;
    lists_everyone(ui, total)?;
    // The list draws only the rows on screen: search for the customer, whose
    // place in the name order depends on the day's data.
    ui.find("#search")?.replace_text(id)?;
    ui.find(&format!(".row[data-id='{id}']"))?.click()?;
    ui.wait_for_text("#detail-email", email)?;
    ui.screenshot(&shots.join("desk-offline.png"))?;
    portal_e2e::axe::audit(ui, "desk-offline")?;
    Ok(())
}

/// The Needs attention filter counts past due, unpaid and incomplete customers
/// with what they owe; an at-risk customer shows the failed invoice beside the
/// subscription, and "Ask to update the card" emails them through the preview.
fn at_risk_customers_are_asked_to_update_the_card(
    ui: &Session,
    stripe: &StripeSandbox,
    truth: &Value,
    smtp: &stripe_sandbox::smtp::SmtpServer,
) -> anyhow::Result<()> {
    let shots = screenshot_dir();
    ui.find("#search")?.replace_text("a\u{E003}")?;
    let chip_number = |css: &str| -> anyhow::Result<u64> {
        Ok(match ui.try_find(&format!("{css} .chip-count"))? {
            Some(count) => count.text()?.replace(',', "").parse()?,
            None => 0,
        })
    };
    let expected = chip_number("#chip-past_due")?
        + chip_number("#chip-unpaid")?
        + chip_number("#chip-incomplete")?;
    let chip = ui.find("#chip-needs_attention")?;
    let count: u64 = ui
        .find("#chip-needs_attention .attention-count")?
        .text()?
        .replace(',', "")
        .parse()?;
    assert_eq!(count, expected, "past due, unpaid and incomplete together");
    let owed = ui.find("#attention-owed")?.text()?;
    assert!(owed.chars().any(|c| c.is_ascii_digit()), "{owed}");
    chip.click()?;
    ui.wait_for_text("#customer-count", &format!("{count} customer"))?;
    let statuses = ui.texts(".row .status")?;
    assert!(
        !statuses.is_empty()
            && statuses
                .iter()
                .all(|s| ["Past due", "Unpaid", "Incomplete"].contains(&s.as_str())),
        "{statuses:?}"
    );
    ui.screenshot(&shots.join("desk-needs-attention.png"))?;
    portal_e2e::axe::audit(ui, "desk-needs-attention")?;

    // A past-due customer with a name and an email, and their newest open invoice.
    let customers = truth["customers"].as_array().context("customers")?;
    let (customer, invoice) = truth["subscriptions"]
        .as_array()
        .context("subscriptions")?
        .iter()
        .filter(|s| s["status"] == "past_due")
        .find_map(|s| {
            let customer = customers.iter().find(|c| {
                c["id"] == s["customer"] && c["name"].is_string() && c["email"].is_string()
            })?;
            let invoice = truth["invoices"]
                .as_array()?
                .iter()
                .filter(|i| i["customer"] == customer["id"] && i["status"] == "open")
                .max_by_key(|i| i["created"].as_i64())?;
            Some((customer.clone(), invoice.clone()))
        })
        .context("a past-due customer with an open invoice")?;
    let id = customer["id"].as_str().context("id")?;
    let number = invoice["number"].as_str().context("number")?;
    ui.find(&format!(".row[data-id='{id}']"))?.click()?;
    ui.wait_for_text("#detail-id", id)?;
    ui.wait_for_text("#trouble-owed", &format!("invoice {number}"))?;
    ui.wait_for_text("#trouble-retry", "Stripe tries the card again on")?;
    ui.screenshot(&shots.join("desk-at-risk.png"))?;
    portal_e2e::axe::audit(ui, "desk-at-risk")?;

    ui.find("#ask-update-card")?.click()?;
    ui.wait_for_text("#email-title", "Ask to update the card")?;
    ui.wait_for_text("#email-body", &format!("due on invoice {number}"))?;
    ui.wait_for_text("#email-body", &format!("{}/_login/", stripe.url))?;
    ui.screenshot(&shots.join("desk-ask-update-card.png"))?;
    portal_e2e::axe::audit(ui, "desk-ask-update-card")?;
    // The direct link opens the portal's card page.
    ui.find("#link-session")?.click()?;
    ui.wait_for_text("#email-body", &format!("{}/_portal/", stripe.url))?;
    let session = stripe.last_request("/v1/billing_portal/sessions")?;
    assert_eq!(session["params"]["customer"], id);
    assert_eq!(
        session["params"]["flow_data"]["type"],
        "payment_method_update"
    );
    ui.find("#email-send")?.click()?;
    ui.wait_for_text("#email-outcome", "Sent")?;
    let messages = smtp.messages();
    let last = messages.last().context("the card email")?;
    assert!(
        last.data
            .contains("Subject: Please update your payment details"),
        "{}",
        last.data
    );
    ui.find("#email-close")?.click()?;
    ui.find("#chip-all")?.click()?;
    Ok(())
}

#[test]
fn step3_layouts_at_both_sizes_in_the_dark_theme() -> anyhow::Result<()> {
    layouts_at_both_sizes(&[("GTK_THEME", "Adwaita:dark")])
}

#[test]
fn step3_layouts_at_both_sizes_in_the_light_theme() -> anyhow::Result<()> {
    layouts_at_both_sizes(&[])
}

/// Every screen at 1280×800 and 900×600, screenshotted and audited in the
/// theme `env` gives the window.
fn layouts_at_both_sizes(env: &[(&str, &str)]) -> anyhow::Result<()> {
    let stripe = StripeSandbox::start_with(KEY, &["--customers", "60"])?;
    let scratch = tempfile::tempdir()?;
    let opened = scratch.path().join("opened.log");
    let app = launch(&stripe, &opened, env)?;
    let ui = &app.session;
    let shots = screenshot_dir();
    ui.find("#api-key")?;
    portal_e2e::axe::audit(ui, "onboarding-empty")?;
    let (truth, total) = connect_and_sync(ui, &stripe)?;
    let dark = ui.execute(
        "return window.matchMedia('(prefers-color-scheme: dark)').matches;",
        vec![],
    )?;
    let (customer, _) = subscriber(&truth)?;
    let id = customer["id"].as_str().context("id")?;
    // Keyboard: Ctrl+K focuses the search, Enter opens the highlighted row.
    ui.press("\u{E009}k")?;
    let focused = ui.execute("return document.activeElement.id;", vec![])?;
    assert_eq!(focused, json!("search"));
    ui.find("#search")?.type_text(id)?;
    ui.find(&format!(".row[data-id='{id}']"))?;
    ui.execute("document.activeElement.blur();", vec![])?;
    ui.press("\u{E015}")?;
    ui.press("\u{E007}")?;
    ui.wait_for_text("#detail-id", id)?;
    let theme = if dark == json!(true) { "dark" } else { "light" };
    ui.screenshot(&shots.join(format!("desk-detail-{theme}.png")))?;
    portal_e2e::axe::audit(ui, "desk-detail")?;
    // The dialogs and menus of the detail view, audited in this theme too.
    ui.find("#deep-links")?.click()?;
    ui.find("#flow-update-card")?;
    portal_e2e::axe::audit(ui, "desk-deep-links")?;
    ui.find("#deep-links")?.click()?;
    ui.find("#open-portal")?.click()?;
    ui.wait_for_text("#not-configured", "Set up the Customer Portal first")?;
    portal_e2e::axe::audit(ui, "desk-not-configured")?;
    ui.find("#create-configuration")?.click()?;
    ui.wait_for_text("#portal-outcome", "opened in your browser")?;
    ui.find("#email-link")?.click()?;
    ui.find("#enable-login-page")?.click()?;
    ui.wait_for_text("#email-body", "/_login/")?;
    portal_e2e::axe::audit(ui, "desk-email-preview")?;
    ui.find("#email-close")?.click()?;
    cancels_in_the_portal(ui, &stripe, id)?;
    ui.find("#show-activity")?.click()?;
    ui.find("#activity-feed")?;
    portal_e2e::axe::audit(ui, "desk-activity-feed")?;
    ui.find(&format!(".row[data-id='{id}']"))?.click()?;
    ui.wait_for_text("#detail-id", id)?;
    ui.set_window_size(900, 600)?;
    ui.screenshot(&shots.join(format!("desk-detail-{theme}-900x600.png")))?;
    ui.find("#search")?.replace_text("a\u{E003}")?;
    lists_everyone(ui, total)?;
    ui.screenshot(&shots.join(format!("desk-list-{theme}-900x600.png")))?;
    portal_e2e::axe::audit(ui, "desk-list-900x600")?;
    // A customer whose payment failed, at the small size.
    let at_risk = ui.find("#chip-needs_attention .attention-count")?.text()?;
    ui.find("#chip-needs_attention")?.click()?;
    ui.wait_for_text("#customer-count", &format!("{at_risk} customer"))?;
    ui.find(".row[data-id]")?.click()?;
    ui.find("#payment-trouble")?;
    ui.execute(
        "document.querySelector('#payment-trouble').scrollIntoView({block: 'center'});",
        vec![],
    )?;
    ui.screenshot(&shots.join(format!("desk-at-risk-{theme}-900x600.png")))?;
    portal_e2e::axe::audit(ui, "desk-at-risk-900x600")?;
    ui.find("#chip-all")?.click()?;

    // The other sections at the small size.
    ui.find("#view-configurations")?.click()?;
    // The configuration the not-configured dialog created.
    ui.find("#configurations")?;
    portal_e2e::axe::audit(ui, "configurations-list-900x600")?;
    ui.find("#new-configuration")?.click()?;
    ui.find("#headline")?;
    ui.screenshot(&shots.join(format!("configurations-editor-{theme}-900x600.png")))?;
    portal_e2e::axe::audit(ui, "configurations-editor-900x600")?;
    ui.find("#editor-close")?.click()?;
    ui.find("#view-bulk")?.click()?;
    ui.find("#bulk-preview")?.click()?;
    ui.wait_for_text("#bulk-summary", "will get the email")?;
    ui.screenshot(&shots.join(format!("bulk-{theme}-900x600.png")))?;
    portal_e2e::axe::audit(ui, "bulk-preview-900x600")?;
    ui.find("#view-settings")?.click()?;
    ui.wait_for_text("#cache-size", "KB")?;
    ui.screenshot(&shots.join(format!("settings-{theme}-900x600.png")))?;
    portal_e2e::axe::audit(ui, "settings-900x600")?;
    // Further down: export and the cache.
    ui.execute(
        "document.querySelector('#export-title').scrollIntoView({block: 'start'});",
        vec![],
    )?;
    ui.screenshot(&shots.join(format!("settings-export-{theme}-900x600.png")))?;
    Ok(())
}

/// Sets a `<select>` the way a user's choice does: the value, then `change`.
fn choose(ui: &Session, select: &str, value: &str) -> anyhow::Result<()> {
    ui.execute(
        "const s = document.querySelector(arguments[0]); s.value = arguments[1];
         s.dispatchEvent(new Event('change', {bubbles: true}));",
        vec![json!(select), json!(value)],
    )?;
    Ok(())
}

/// The account's only portal configuration in the sandbox.
fn only_configuration(stripe: &StripeSandbox) -> anyhow::Result<Value> {
    let truth = stripe.truth()?;
    let all = truth["portal_configurations"]
        .as_array()
        .context("configurations")?;
    anyhow::ensure!(all.len() == 1, "one configuration: {all:?}");
    Ok(all[0].clone())
}

#[test]
fn step4_edit_a_configuration_then_bulk_email_through_smtp() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Runtime::new()?;
    let smtp = runtime.block_on(stripe_sandbox::smtp::SmtpServer::start());
    let stripe = StripeSandbox::start_with(KEY, &["--customers", "40"])?;
    let scratch = tempfile::tempdir()?;
    let app = launch(&stripe, &scratch.path().join("opened.log"), &[])?;
    let ui = &app.session;
    let shots = screenshot_dir();
    connect_and_sync(ui, &stripe)?;

    // A new configuration: problems show beside their fields as they are typed.
    ui.find("#view-configurations")?.click()?;
    ui.wait_for_text("#no-configurations", "No portal settings yet")?;
    ui.find("#new-configuration")?.click()?;
    ui.find("#headline")?
        .type_text(&"Sandbox Coffee ".repeat(5))?;
    ui.wait_for_text("#headline-help", "At most 60 characters")?;
    ui.find("#privacy-url")?
        .type_text("http://coffee.example/privacy")?;
    ui.wait_for_text("#privacy-url-help", "https://")?;
    ui.find("#plan-switching")?.click()?;
    ui.wait_for_text("#products-problem", "Choose the products")?;
    // Stripe's rule is named beside the field: no plan switching without card updates.
    ui.find("#payment-method-update")?.click()?;
    ui.wait_for_text(
        "#payment-method-problem",
        "Switching plans (below) needs this on",
    )?;
    ui.wait_for_text("#plan-switching-problem", "update their card")?;
    ui.screenshot(&shots.join("configurations-card-rule.png"))?;
    ui.find("#payment-method-update")?.click()?;
    ui.wait_for("the card rule to be met", || {
        Ok(ui
            .try_find("#plan-switching-problem")?
            .is_none()
            .then_some(()))
    })?;
    let save_disabled = |ui: &Session| -> anyhow::Result<bool> {
        Ok(ui.find("#editor-save")?.property("disabled")? == json!(true))
    };
    ui.find("#editor-save")?.click()?;
    assert!(
        save_disabled(ui)?,
        "Save waits until the problems are fixed"
    );
    ui.screenshot(&shots.join("configurations-problems.png"))?;
    portal_e2e::axe::audit(ui, "configurations-editor-errors")?;
    assert_eq!(
        stripe.truth()?["portal_configurations"]
            .as_array()
            .map(Vec::len),
        Some(0),
        "nothing was sent"
    );

    ui.find("#headline")?
        .replace_text("Sandbox Coffee billing")?;
    ui.find("#privacy-url")?
        .replace_text("https://coffee.example/privacy")?;
    let product_id = ui
        .execute(
            "return document.querySelector('#plan-products .plan-product').dataset.id;",
            vec![],
        )?
        .as_str()
        .context("a product id")?
        .to_owned();
    let product = ui.find("#plan-products .plan-product")?;
    product.click()?;
    ui.wait_for("Save to be enabled", || {
        Ok((!save_disabled(ui)?).then_some(()))
    })?;
    ui.find("#editor-save")?.click()?;
    ui.wait_for_text("#editor-saved", "Saved")?;
    let saved = only_configuration(&stripe)?;
    assert_eq!(
        saved["business_profile"]["headline"],
        "Sandbox Coffee billing"
    );
    assert_eq!(
        saved["business_profile"]["privacy_policy_url"],
        "https://coffee.example/privacy"
    );
    let switching = &saved["features"]["subscription_update"];
    assert_eq!(switching["enabled"], true);
    assert_eq!(switching["products"][0]["product"], json!(product_id));
    ui.find("#editor-close")?.click()?;
    let id = saved["id"].as_str().context("id")?;
    ui.wait_for_text(&format!("tr[data-id='{id}']"), "Used for portal links")?;

    // Editing starts from what Stripe has and changes only what was changed.
    ui.find(&format!("tr[data-id='{id}'] .edit-configuration"))?
        .click()?;
    ui.wait_for("the editor to load", || {
        let value = ui.find("#headline")?.property("value")?;
        Ok((value == json!("Sandbox Coffee billing")).then_some(()))
    })?;
    choose(ui, "#cancel-mode", "immediately")?;
    ui.find("#cancel-proration")?;
    ui.screenshot(&shots.join("configurations-editor.png"))?;
    ui.find("#editor-save")?.click()?;
    ui.wait_for_text("#editor-saved", "Saved")?;
    let edited = only_configuration(&stripe)?;
    assert_eq!(
        edited["features"]["subscription_cancel"]["mode"],
        "immediately"
    );
    assert_eq!(
        edited["business_profile"]["headline"], "Sandbox Coffee billing",
        "unchanged fields stay"
    );
    assert_eq!(
        edited["features"]["subscription_update"]["products"][0]["product"],
        json!(product_id)
    );
    ui.find("#editor-close")?.click()?;
    ui.screenshot(&shots.join("configurations-list.png"))?;
    portal_e2e::axe::audit(ui, "configurations-list")?;

    // Bulk email to the active customers, through a real SMTP server.
    use_smtp(&app, &stripe, smtp.port)?;
    ui.find("#view-bulk")?.click()?;
    choose(ui, "#bulk-status", "active")?;
    ui.find("#bulk-campaign")?
        .type_text("November card check")?;
    ui.find("#bulk-preview")?.click()?;
    ui.wait_for_text("#bulk-summary", "will get the email")?;
    let rows = ui.texts("#bulk-recipients tr.recipient")?.len();
    let ready = ui.texts("#bulk-recipients tr.outcome-ready")?.len();
    assert!(ready > 0, "someone to email");
    ui.screenshot(&shots.join("bulk-preview.png"))?;
    portal_e2e::axe::audit(ui, "bulk-preview")?;
    assert!(smtp.messages().is_empty(), "a preview sends nothing");
    ui.find("#bulk-send")?.click()?;
    ui.wait_for_text("#bulk-report", &format!("Sent {ready} "))?;
    assert_eq!(ui.texts("#bulk-recipients tr.outcome-sent")?.len(), ready);
    assert_eq!(
        ui.texts("#bulk-recipients tr.recipient")?.len(),
        rows,
        "every recipient has a result"
    );
    let messages = smtp.messages();
    assert_eq!(messages.len(), ready, "one email per recipient");
    assert!(
        messages
            .iter()
            .all(|m| m.data.contains(&format!("{}/_login/", stripe.url))),
        "each carries the sign-in link"
    );
    ui.screenshot(&shots.join("bulk-sent.png"))?;
    portal_e2e::axe::audit(ui, "bulk-sent")?;

    // The same campaign again emails nobody twice.
    ui.find("#bulk-again")?.click()?;
    ui.find("#bulk-preview")?.click()?;
    ui.wait_for_text("#bulk-summary", "0 will get the email")?;
    assert!(ui.texts("#bulk-recipients tr.outcome-ready")?.is_empty());
    assert_eq!(ui.find("#bulk-send")?.property("disabled")?, json!(true));
    assert_eq!(smtp.messages().len(), ready);
    ui.set_window_size(900, 600)?;
    ui.screenshot(&shots.join("bulk-sent-again-900x600.png"))?;
    ui.find("#view-configurations")?.click()?;
    ui.find(&format!("tr[data-id='{id}']"))?;
    ui.screenshot(&shots.join("configurations-list-900x600.png"))?;
    Ok(())
}

#[test]
fn step5_one_window_per_data_folder_that_remembers_its_size() -> anyhow::Result<()> {
    let stripe = StripeSandbox::start_with(KEY, &["--customers", "5"])?;
    let scratch = tempfile::tempdir()?;
    let opened = scratch.path().join("opened.log");
    let config = scratch.path().join("config");
    let config_home = [("XDG_CONFIG_HOME", config.to_str().context("utf-8")?)];
    let outer_size = |ui: &Session| -> anyhow::Result<Value> {
        ui.execute("return [window.outerWidth, window.outerHeight];", vec![])
    };

    let app = launch(&stripe, &opened, &config_home)?;
    app.session.find("#api-key")?;
    app.session.set_window_size(1040, 720)?;
    assert_eq!(outer_size(&app.session)?, json!([1040, 720]));

    // A second launch on the same data folder hands over to the first and exits.
    let binary = portal_e2e::app_binary()?;
    let second = std::process::Command::new(binary)
        .args(["--api-base", &stripe.url])
        .env("PORTAL_DESK_DATA_DIR", app.data_path())
        .env("XDG_CONFIG_HOME", &config)
        .output()?;
    assert!(second.status.success(), "{second:?}");
    assert!(
        String::from_utf8_lossy(&second.stderr).contains("already open"),
        "{second:?}"
    );
    app.session.find("#api-key")?;

    // A resize is saved at once (not only on a clean exit), so even a killed
    // window opens at its last size next time.
    let state_file = config.join("io.portaldesk.desk").join(".window-state.json");
    // The file may already hold the size at start: wait for the new one.
    app.session.wait_for("the new size saved", || {
        let saved: Value = std::fs::read(&state_file)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        Ok((saved["main"]["width"] == 1040 && saved["main"]["height"] == 720).then_some(()))
    })?;
    drop(app);
    let again = launch(&stripe, &opened, &config_home)?;
    again.session.find("#api-key")?;
    assert_eq!(outer_size(&again.session)?, json!([1040, 720]));
    Ok(())
}

#[test]
fn step6_settings_smtp_cache_profiles_and_forgetting_the_key() -> anyhow::Result<()> {
    let stripe = StripeSandbox::start_with(KEY, &["--customers", "30"])?;
    let scratch = tempfile::tempdir()?;
    let (app, exports) = launch_saving(&stripe, scratch.path())?;
    let ui = &app.session;
    let shots = screenshot_dir();
    let (truth, total) = connect_and_sync(ui, &stripe)?;

    ui.find("#view-settings")?.click()?;
    ui.wait_for_text("#cache-size", "KB")?;

    // CSV export: customers and invoices, each a header and one row per object.
    ui.find("#export-customers")?.click()?;
    ui.wait_for_text("#settings-notice", &format!("Saved {total} customers to"))?;
    ui.screenshot(&shots.join("settings-export.png"))?;
    ui.find("#export-invoices")?.click()?;
    ui.wait_for_text("#settings-notice", "invoices to")?;
    let mut files: Vec<_> = std::fs::read_dir(&exports)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.sort();
    assert_eq!(files.len(), 2, "{files:?}");
    let invoices = truth["invoices"].as_array().context("invoices")?.len();
    for (file, rows) in files.iter().zip([total, invoices]) {
        let text = std::fs::read_to_string(file)?;
        // Excel needs the byte-order mark to read accents as UTF-8.
        assert!(text.starts_with('\u{feff}'), "{}", file.display());
        assert_eq!(text.lines().count(), rows + 1, "{}", file.display());
    }
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect::<Option<_>>()
        .context("file names")?;
    assert!(
        names[0].starts_with("portal-desk-customers-")
            && names[1].starts_with("portal-desk-invoices-"),
        "{names:?}"
    );
    let interval = ui.find("#sync-interval")?;
    interval.replace_text("2000")?;
    ui.wait_for_text("#sync-interval-help", "1440")?;
    assert_eq!(
        ui.find("#settings-save")?.property("disabled")?,
        json!(true)
    );
    interval.replace_text("30")?;
    ui.find("#smtp-on")?.click()?;
    ui.find("#smtp-host")?.type_text("127.0.0.1")?;
    ui.find("#smtp-port")?.replace_text("2525")?;
    assert_eq!(ui.find("#smtp-port")?.property("value")?, json!("2525"));
    choose(ui, "#smtp-tls", "none")?;
    ui.find("#smtp-from")?
        .type_text("Sandbox Coffee <billing@coffee.example>")?;
    ui.find("#smtp-username")?.type_text("coffee")?;
    ui.find("#smtp-password")?.type_text("smtp-password-e2e")?;
    // The name emails sign with, over the Stripe account's (its placeholder).
    let placeholder = ui.execute(
        "return document.querySelector('#sign-emails-as').getAttribute('placeholder');",
        vec![],
    )?;
    assert_eq!(placeholder, json!("Sandbox Coffee Roasters"));
    let business = ui.find("#sign-emails-as")?;
    business.type_text("Sandbox Coffee & Co")?;
    ui.find("#settings-save")?.click()?;
    ui.wait_for_text("#settings-notice", "Saved")?;
    assert_eq!(
        ui.find("#sign-emails-as")?.property("value")?,
        json!("Sandbox Coffee & Co")
    );
    assert_eq!(ui.find("#smtp-password")?.property("value")?, json!(""));
    let status = cli(&app, &stripe, &["smtp", "status"], "")?;
    assert!(status.contains("127.0.0.1:2525"), "{status}");
    assert!(status.contains("password: in the keychain"), "{status}");
    ui.screenshot(&shots.join("settings.png"))?;
    portal_e2e::axe::audit(ui, "settings")?;

    // Another server (here another port) without a new password: the saved
    // one is removed rather than sent there, and the window asks for it.
    ui.find("#smtp-port")?.replace_text("2526")?;
    ui.find("#settings-save")?.click()?;
    ui.wait_for_text("#settings-notice", "enter the password for the new server")?;
    assert_eq!(
        ui.find("#smtp-password")?.property("placeholder")?,
        json!("Enter the password for the new server")
    );
    ui.wait_for_text("#smtp-password-help", "enter its password")?;
    let status = cli(&app, &stripe, &["smtp", "status"], "")?;
    assert!(status.contains("127.0.0.1:2526"), "{status}");
    assert!(!status.contains("password: in the keychain"), "{status}");
    ui.screenshot(&shots.join("settings-smtp-server-changed.png"))?;

    // Clearing the cache empties it; the next sync reads everything again.
    ui.find("#clear-cache")?.click()?;
    ui.find("#clear-yes")?.click()?;
    ui.wait_for_text("#settings-notice", "Cleared")?;
    ui.find("#view-customers")?.click()?;
    lists_everyone(ui, total)?;

    // Another profile starts at onboarding, with a way back.
    ui.find("#view-settings")?.click()?;
    ui.find("#new-profile")?.type_text("second")?;
    ui.find("#add-profile")?.click()?;
    ui.find("#api-key")?;
    ui.wait_for_text("#back-to-profile", "Back to default")?;
    ui.find("#back-to-profile")?.click()?;
    lists_everyone(ui, total)?;

    // Forgetting the key goes back to onboarding and empties the keychain.
    ui.find("#view-settings")?.click()?;
    ui.find("#forget-key")?.click()?;
    ui.find("#forget-yes")?.click()?;
    ui.find("#api-key")?;
    let keys = cli(&app, &stripe, &["key", "status"], "");
    let refusal = keys.expect_err("no key is left").to_string();
    assert!(refusal.contains("no Stripe key"), "{refusal}");
    Ok(())
}

#[test]
fn step7_a_test_clock_customer_and_a_legacy_plan_as_real_accounts_have_them() -> anyhow::Result<()>
{
    let stripe = StripeSandbox::start_with(KEY, &["--customers", "40"])?;
    let scratch = tempfile::tempdir()?;
    // A customer on the legacy plan `gold-monthly`, whose id the merchant chose.
    let truth = stripe.truth()?;
    let legacy_id = truth["subscriptions"]
        .as_array()
        .context("subscriptions")?
        .iter()
        .find(|s| s["status"] == "active" && s["currency"] == "usd")
        .and_then(|s| s["customer"].as_str())
        .context("a customer billed in dollars")?
        .to_owned();
    stripe.control(
        "simulate",
        json!({"action": "switch_price", "customer": legacy_id, "price": "gold-monthly"}),
    )?;
    let (app, exports) = launch_saving(&stripe, scratch.path())?;
    let ui = &app.session;
    let shots = screenshot_dir();
    let (_, total) = connect_and_sync(ui, &stripe)?;

    // The merchant tests a renewal on a test clock; Stripe's plain lists leave
    // that customer out, and the desk still lists them.
    stripe.control(
        "simulate",
        json!({"action": "test_clock_customer", "name": "Clockwork Ltd", "email": "ops@clockwork.test"}),
    )?;
    // A click while a sync still runs joins it; click until a sync reads the
    // feed after the change.
    let feed_reads = || -> anyhow::Result<usize> {
        Ok(stripe
            .requests()?
            .iter()
            .filter(|r| r["path"] == "/v1/events")
            .count())
    };
    let before = feed_reads()?;
    ui.wait_for("a sync that reads the change", || {
        if feed_reads()? > before {
            return Ok(Some(()));
        }
        ui.find("#sync-now")?.click()?;
        Ok(None)
    })?;
    lists_everyone(ui, total + 1)?;
    let full = cli(&app, &stripe, &["sync", "--full"], "")?;
    assert!(!full.is_empty());
    ui.find("#sync-now")?.click()?;
    ui.wait_for_text("#sync-label", "Synced")?;
    lists_everyone(ui, total + 1)?;
    let search = ui.find("#search")?;
    search.type_text("Clockwork")?;
    ui.wait_for_text("#customer-count", "1 customer")?;
    ui.screenshot(&shots.join("desk-test-clock-customer.png"))?;

    // The legacy plan by name in the detail view and in the CSV export.
    search.replace_text(&legacy_id)?;
    ui.find(&format!(".row[data-id='{legacy_id}']"))?.click()?;
    ui.wait_for_text("#detail-id", &legacy_id)?;
    ui.wait_for_text("#subscription-plan", "Gold (2019) · Gold monthly")?;
    ui.screenshot(&shots.join("desk-legacy-plan.png"))?;
    ui.find("#view-settings")?.click()?;
    ui.find("#export-customers")?.click()?;
    ui.wait_for_text(
        "#settings-notice",
        &format!("Saved {} customers to", total + 1),
    )?;
    let file = std::fs::read_dir(&exports)?
        .next()
        .context("an export")??
        .path();
    let csv = std::fs::read_to_string(&file)?;
    let row = csv
        .lines()
        .find(|line| line.starts_with(&legacy_id))
        .context("the legacy customer's row")?;
    assert!(row.contains("Gold (2019) · Gold monthly"), "{row}");
    assert!(
        csv.contains("Clockwork Ltd"),
        "the clock's customer is exported too"
    );
    Ok(())
}

/// Month abbreviations as ICU writes them in a medium date: English, German.
const MONTHS: [(&str, &str); 12] = [
    ("Jan", "Jan."),
    ("Feb", "Feb."),
    ("Mar", "März"),
    ("Apr", "Apr."),
    ("May", "Mai"),
    ("Jun", "Juni"),
    ("Jul", "Juli"),
    ("Aug", "Aug."),
    ("Sep", "Sept."),
    ("Oct", "Okt."),
    ("Nov", "Nov."),
    ("Dec", "Dez."),
];

/// `unix` (UTC) as the window shows a date in `locale`: "Dec 21, 2026" or "21. Dez. 2026".
fn shown_date(unix: i64, locale: &str) -> String {
    let (year, month, day) = portal_core::money::civil_date(unix);
    let (english, german) = MONTHS[(month - 1) as usize];
    match locale {
        "de_DE" => format!("{day}. {german} {year}"),
        _ => format!("{english} {day}, {year}"),
    }
}

#[test]
fn step8_amounts_and_dates_in_a_us_and_a_german_locale() -> anyhow::Result<()> {
    let shots = screenshot_dir();
    for (locale, dollars, yen) in [
        ("en_US", "$1,234.56", "¥7,300"),
        ("de_DE", "1.234,56 $", "7.300 ¥"),
    ] {
        let stripe = StripeSandbox::start_with(KEY, &["--customers", "40"])?;
        let scratch = tempfile::tempdir()?;
        let lang = format!("{locale}.UTF-8");
        // Dates are checked in UTC, as `shown_date` computes them.
        let app = launch(
            &stripe,
            &scratch.path().join("opened.log"),
            &[("LANG", &lang), ("LC_ALL", &lang), ("TZ", "UTC")],
        )?;
        let ui = &app.session;
        // The window speaks the OS's language when Portal Desk does.
        let language = Language::from_locale(locale).context("a language we speak")?;
        connect_in(ui, language)?;
        let truth = stripe.truth()?;
        let total = truth["customers"].as_array().context("customers")?.len();
        lists_everyone_in(ui, total, language)?;

        // The merchant charges a dollar customer and a yen customer once.
        let customers = truth["customers"].as_array().context("customers")?;
        let in_currency = |currency: &str| -> anyhow::Result<String> {
            customers
                .iter()
                .find(|c| c["currency"] == currency && c["name"].is_string())
                .and_then(|c| c["id"].as_str().map(str::to_owned))
                .with_context(|| format!("a {currency} customer"))
        };
        let charges = [
            (in_currency("usd")?, 123_456, dollars),
            (in_currency("jpy")?, 7_300, yen),
        ];
        for (customer, amount, _) in &charges {
            stripe.control(
                "simulate",
                json!({"action": "charge_once", "customer": customer, "amount": amount}),
            )?;
        }
        ui.find("#sync-now")?.click()?;
        ui.wait_for_text(
            "#sync-label",
            &before_variable(language, "desk-synced", "age"),
        )?;

        let truth = stripe.truth()?;
        for (customer, amount, shown) in &charges {
            let invoice = truth["invoices"]
                .as_array()
                .context("invoices")?
                .iter()
                .find(|i| i["customer"] == *customer && i["total"] == *amount)
                .context("the one-off invoice")?;
            let id = invoice["id"].as_str().context("id")?;
            let date = shown_date(invoice["created"].as_i64().context("created")?, locale);
            ui.find("#search")?.replace_text(customer)?;
            ui.find(&format!(".row[data-id='{customer}']"))?.click()?;
            ui.wait_for_text("#detail-id", customer)?;
            let cells = ui.wait_for(&format!("the invoice {id}"), || {
                let cells: Vec<String> = ui
                    .texts(&format!("#invoices tr[data-id='{id}'] td"))?
                    .iter()
                    .map(|cell| cell.replace('\u{a0}', " ").trim().to_owned())
                    .collect();
                Ok((!cells.is_empty()).then_some(cells))
            })?;
            assert_eq!(cells.get(1), Some(&date), "{locale}: {cells:?}");
            assert_eq!(
                cells.get(2).map(String::as_str),
                Some(*shown),
                "{locale}: {cells:?}"
            );
        }
        ui.screenshot(&shots.join(format!("locale-{locale}-detail.png")))?;
    }
    Ok(())
}

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";

/// Whether the focus is inside `css`.
fn focus_inside(ui: &Session, css: &str) -> anyhow::Result<bool> {
    let inside = ui.execute(
        "const d = document.querySelector(arguments[0]); return !!d && d.contains(document.activeElement);",
        vec![json!(css)],
    )?;
    Ok(inside == json!(true))
}

#[test]
fn step9_keyboard_only_journeys_in_the_dark_theme() -> anyhow::Result<()> {
    // Bound last, so the app is dropped first.
    let Emailing {
        _runtime,
        _scratch,
        smtp,
        stripe,
        opened,
        app,
    } = emailing(&[("GTK_THEME", "Adwaita:dark")])?;
    let ui = &app.session;
    let shots = screenshot_dir();

    // Onboarding: Tab to the key, type it, Enter saves; Tab to Continue.
    ui.tab_to("api-key")?;
    ui.type_keys(KEY)?;
    ui.press(ENTER)?;
    ui.wait_for_text("#key-account", "Verified with Stripe")?;
    // The first sync held on screen for its audit, as in step 1.
    stripe.control(
        "conditions",
        json!({"hold": ["/v1/customers", "/v1/invoices"]}),
    )?;
    ui.tab_to("continue")?;
    ui.press(ENTER)?;
    ui.wait_for("the empty list to be read", || {
        Ok(ui.try_find("#customer-list[data-answered]")?.map(|_| ()))
    })?;
    stripe.control("conditions", json!({"hold": ["/v1/invoices"]}))?;
    ui.wait_for_text("#first-sync-label", " read")?;
    portal_e2e::axe::audit(ui, "desk-first-sync")?;
    stripe.control("conditions", json!({"hold": null}))?;
    let truth = stripe.truth()?;
    let total = truth["customers"].as_array().context("customers")?.len();
    lists_everyone(ui, total)?;
    use_smtp(&app, &stripe, smtp.port)?;

    // Ctrl+K, type an id, ↓ highlights it, Enter opens it.
    let (customer, _) = subscriber(&truth)?;
    let id = customer["id"].as_str().context("id")?;
    let email = customer["email"].as_str().context("email")?;
    ui.press("\u{E009}k")?;
    assert_eq!(ui.focused_id()?, "search");
    ui.type_keys(id)?;
    ui.wait_for_text("#customer-count", "1 customer")?;
    ui.press("\u{E015}")?;
    ui.press(ENTER)?;
    ui.wait_for_text("#detail-id", id)?;

    // Open portal, then a deep link from its menu.
    ui.tab_to("open-portal")?;
    ui.screenshot(&shots.join("keyboard-open-portal-focused.png"))?;
    ui.press(ENTER)?;
    let url = wait_opened(ui, &opened, 1)?;
    assert!(url.contains("/_portal/"), "{url}");
    ui.tab_to("deep-links")?;
    ui.press(ENTER)?;
    ui.tab_to("flow-update-card")?;
    ui.press(ENTER)?;
    wait_opened(ui, &opened, 2)?;
    let session = stripe.last_request("/v1/billing_portal/sessions")?;
    assert_eq!(
        session["params"]["flow_data"]["type"],
        "payment_method_update"
    );

    // The email dialog takes the focus, keeps it, and Escape gives it back.
    ui.tab_to("email-link")?;
    ui.press(ENTER)?;
    ui.find("#email-dialog")?;
    ui.wait_for("the focus in the email dialog", || {
        Ok(focus_inside(ui, "#email-dialog")?.then_some(()))
    })?;
    for _ in 0..12 {
        ui.press(TAB)?;
        assert!(focus_inside(ui, "#email-dialog")?, "Tab left the dialog");
    }
    ui.press(ESCAPE)?;
    ui.wait_for("the dialog to close", || {
        Ok(ui.try_find("#email-dialog")?.is_none().then_some(()))
    })?;
    assert_eq!(ui.focused_id()?, "email-link", "focus back on its button");

    // Again, this time through the preview to a sent email.
    ui.press(ENTER)?;
    ui.tab_to("enable-login-page")?;
    ui.press(ENTER)?;
    ui.wait_for_text("#email-to", email)?;
    ui.tab_to("email-send")?;
    ui.screenshot(&shots.join("keyboard-email-send-focused.png"))?;
    ui.press(ENTER)?;
    ui.wait_for_text("#email-outcome", "Sent")?;
    assert_eq!(smtp.messages().len(), 1, "one email");
    ui.press(ESCAPE)?;
    ui.wait_for("the dialog to close", || {
        Ok(ui.try_find("#email-dialog")?.is_none().then_some(()))
    })?;

    new_portal_settings_with_the_keyboard(ui, &stripe)?;
    bulk_email_with_the_keyboard(ui, &smtp)?;

    // Stripe goes away: the offline desk, audited in the dark theme.
    drop(stripe);
    ui.tab_to("view-customers")?;
    ui.press(ENTER)?;
    ui.tab_to("sync-now")?;
    ui.press(ENTER)?;
    ui.wait_for_text("#offline-banner", "Stripe can't be reached")?;
    portal_e2e::axe::audit(ui, "desk-offline")?;
    Ok(())
}

/// New portal settings: Enter on a bad headline shows the problem and puts
/// the focus on it; fixed, Enter saves; Tab stays inside; Escape closes.
fn new_portal_settings_with_the_keyboard(
    ui: &Session,
    stripe: &StripeSandbox,
) -> anyhow::Result<()> {
    let shots = screenshot_dir();
    ui.tab_to("view-configurations")?;
    ui.press(ENTER)?;
    ui.find("#configurations")?;
    ui.tab_to("new-configuration")?;
    ui.press(ENTER)?;
    ui.wait_for("the focus in the editor", || {
        Ok(focus_inside(ui, "#configuration-editor")?.then_some(()))
    })?;
    assert_eq!(ui.focused_id()?, "headline", "the first field");
    ui.type_keys(&"Sandbox Coffee ".repeat(5))?;
    ui.tab_to("privacy-url")?;
    ui.type_keys("https://coffee.example/privacy")?;
    ui.press(ENTER)?;
    ui.wait_for_text("#headline-help", "At most 60 characters")?;
    ui.wait_for("the focus on the field to fix", || {
        Ok((ui.focused_id()? == "headline").then_some(()))
    })?;
    ui.screenshot(&shots.join("keyboard-editor-problem-focused.png"))?;
    portal_e2e::axe::audit(ui, "configurations-editor-errors")?;
    let before = stripe.truth()?["portal_configurations"]
        .as_array()
        .map_or(0, Vec::len);

    // Select the headline and type over it.
    ui.press("\u{E009}a")?;
    ui.type_keys("Sandbox Coffee billing")?;
    ui.wait_for_text("#headline-help", "top of the portal")?;
    ui.press(ENTER)?;
    ui.wait_for_text("#editor-saved", "Saved")?;
    let all = stripe.truth()?["portal_configurations"]
        .as_array()
        .cloned()
        .context("configurations")?;
    assert_eq!(all.len(), before + 1, "one new configuration");
    let saved = all
        .iter()
        .find(|c| c["business_profile"]["headline"] == "Sandbox Coffee billing")
        .context("the new configuration")?;
    assert_eq!(
        saved["business_profile"]["privacy_policy_url"],
        "https://coffee.example/privacy"
    );

    for _ in 0..40 {
        ui.press(TAB)?;
        assert!(
            focus_inside(ui, "#configuration-editor")?,
            "Tab left the editor"
        );
    }
    ui.press(ESCAPE)?;
    ui.wait_for("the editor to close", || {
        Ok(ui
            .try_find("#configuration-editor")?
            .is_none()
            .then_some(()))
    })?;
    assert_eq!(ui.focused_id()?, "new-configuration", "focus back");
    Ok(())
}

/// Bulk email: choose the active customers by typing in the list, name the
/// campaign, Enter previews, Enter on Send sends; the report takes the focus.
fn bulk_email_with_the_keyboard(
    ui: &Session,
    smtp: &stripe_sandbox::smtp::SmtpServer,
) -> anyhow::Result<()> {
    let shots = screenshot_dir();
    let before = smtp.messages().len();
    ui.tab_to("view-bulk")?;
    ui.press(ENTER)?;
    ui.tab_to("bulk-status")?;
    // A closed list box picks the option whose label starts with what is typed.
    ui.type_keys("Active")?;
    ui.wait_for("Active to be chosen", || {
        let value = ui.find("#bulk-status")?.property("value")?;
        Ok((value == json!("active")).then_some(()))
    })?;
    ui.tab_to("bulk-campaign")?;
    ui.type_keys("Keyboard card check")?;
    ui.press(ENTER)?;
    ui.wait_for_text("#bulk-summary", "will get the email")?;
    ui.tab_to("bulk-send")?;
    ui.screenshot(&shots.join("keyboard-bulk-send-focused.png"))?;
    ui.press(ENTER)?;
    ui.wait_for_text("#bulk-report", "Sent")?;
    ui.wait_for("the focus on the report", || {
        Ok((ui.focused_id()? == "bulk-report").then_some(()))
    })?;
    let report = ui.find("#bulk-report")?.text()?;
    let sent = smtp.messages().len() - before;
    assert!(sent > 0, "emails went out");
    assert!(report.contains(&format!("Sent {sent} ")), "{report}");
    portal_e2e::axe::audit(ui, "bulk-sent")?;
    ui.press(TAB)?;
    assert_eq!(ui.focused_id()?, "bulk-again");
    Ok(())
}

/// English left on a screen in `language`: catalogue phrases (of more than
/// one word) that the page shows in English although `language` says them
/// otherwise.
fn english_left(ui: &Session, language: Language) -> anyhow::Result<Vec<String>> {
    let shown = ui
        .execute("return document.body.innerText;", vec![])?
        .as_str()
        .unwrap_or_default()
        .to_owned();
    Ok(portal_i18n::english_phrases()
        .into_iter()
        .filter(|(_, english)| english.contains(' ') && shown.contains(english.as_str()))
        .filter(|(id, english)| portal_i18n::message(language, id, None) != *english)
        .map(|(id, english)| format!("{id}: {english:?}"))
        .collect())
}

/// Screenshots `name` for `language` (`docs/screenshots/languages/` keeps a
/// copy of each) and checks no English is left on it.
fn language_shot(ui: &Session, language: Language, name: &str) -> anyhow::Result<()> {
    let dir = screenshot_dir().join("languages");
    std::fs::create_dir_all(&dir)?;
    ui.screenshot(&dir.join(format!("{}-{name}-900x600.png", language.tag())))?;
    if language != Language::En {
        let left = english_left(ui, language)?;
        assert!(
            left.is_empty(),
            "{language} {name}: English left: {left:#?}"
        );
    }
    Ok(())
}

#[test]
fn step10_every_screen_in_every_language() -> anyhow::Result<()> {
    // Bound last, so the app is dropped first.
    let Emailing {
        _runtime,
        _scratch,
        smtp: _,
        stripe,
        opened: _,
        app,
    } = emailing(&[])?;
    let ui = &app.session;
    ui.set_window_size(900, 600)?;
    let (truth, total) = connect_and_sync(ui, &stripe)?;
    let (customer, _) = subscriber(&truth)?;
    let id = customer["id"].as_str().context("id")?;
    // The email's sign-in page is turned on once, in English.
    ui.find("#search")?.type_text(id)?;
    ui.find(&format!(".row[data-id='{id}']"))?.click()?;
    ui.wait_for_text("#detail-id", id)?;
    ui.find("#email-link")?.click()?;
    ui.find("#enable-login-page")?.click()?;
    ui.wait_for_text("#email-body", "/_login/")?;
    ui.find("#email-close")?.click()?;

    for language in [
        Language::De,
        Language::Fr,
        Language::Es,
        Language::Ja,
        Language::En,
    ] {
        // Settings: the choice applies at once, to the whole window.
        ui.find("#view-settings")?.click()?;
        ui.find("#language-select")?;
        choose(ui, "#language-select", language.tag())?;
        let title = portal_i18n::message(language, "settings-language-title", None);
        ui.wait_for_text("#language-title", &title)?;
        let lang = ui.execute("return document.documentElement.lang;", vec![])?;
        assert_eq!(lang, json!(language.tag()), "<html lang> follows");
        ui.wait_for_text("#cache-size", "")?;
        language_shot(ui, language, "settings")?;

        // The list, its detail and the email preview.
        ui.find("#view-customers")?.click()?;
        ui.find("#search")?.replace_text("a\u{E003}")?;
        lists_everyone_in(ui, total, language)?;
        language_shot(ui, language, "list")?;
        ui.find("#search")?.type_text(id)?;
        ui.find(&format!(".row[data-id='{id}']"))?.click()?;
        ui.wait_for_text("#detail-id", id)?;
        language_shot(ui, language, "detail")?;
        ui.find("#email-link")?.click()?;
        ui.wait_for_text("#email-body", "/_login/")?;
        // The customer has no language in Stripe: the email is in the app's.
        let subject = ui.find("#email-subject")?.text()?;
        let expected = portal_i18n::tr!(language, "mail-portal-subject", business_name = "\u{0}");
        let (before, after) = expected.split_once('\u{0}').context("the business name")?;
        assert!(
            subject.starts_with(before) && subject.ends_with(after),
            "{language}: {subject:?}"
        );
        language_shot(ui, language, "email")?;
        ui.find("#email-close")?.click()?;
    }
    Ok(())
}
