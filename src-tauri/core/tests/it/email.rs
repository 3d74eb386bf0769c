//! Emailing portal links through a real SMTP conversation on loopback, with
//! links from the sandbox.

use std::sync::Arc;
use std::time::Duration;

use portal_core::cache::PooledCache;
use portal_core::mail::{EmailPurpose, LinkKind, SMTP_SECRET, SmtpSettings, TlsMode};
use portal_core::outreach::{self, Context, Delivery, EmailRequest};
use portal_core::sync::{SyncOptions, sync};
use portal_core::{ApiBase, DataDir, Error, Keychain, Mode, ProfileName, Profiles, StripeClient};
use portal_i18n::Language;
use serde_json::json;
use stripe_sandbox::smtp::SmtpServer;
use stripe_sandbox::{KeySpec, Sandbox};

const KEY: &str = "sk_test_51EmailTestsKey00000000email";
const SMTP_PASSWORD: &str = "smtp-canary-pw-9f2k";

struct Setup {
    sandbox: Sandbox,
    base: ApiBase,
    client: StripeClient,
    cache: PooledCache,
    profiles: Profiles,
    profile: ProfileName,
    dir: tempfile::TempDir,
}

impl Setup {
    async fn new() -> Setup {
        Setup::with_customers(6).await
    }

    async fn with_customers(customers: usize) -> Setup {
        let sandbox = crate::support::sandbox(customers, vec![KeySpec::full(KEY)]).await;
        sandbox
            .control("portal/default", json!({}))
            .expect("default configuration");
        let base = ApiBase::parse(sandbox.url()).expect("loopback");
        let client = crate::support::client(
            sandbox.url(),
            KEY,
            crate::support::unpaced(Duration::from_secs(5), 2),
        );
        let dir = tempfile::tempdir().expect("dir");
        let profiles = Profiles::new(
            DataDir::resolve(Some(dir.path().to_owned())).expect("dir"),
            Arc::new(Keychain::in_memory()),
        );
        let profile = ProfileName::parse("default").expect("name");
        let mut cache = profiles.open_cache(&profile).expect("cache");
        sync(
            &client,
            &mut cache,
            &SyncOptions {
                full: true,
                concurrency: 4,
            },
            &mut |_| {},
        )
        .await
        .expect("sync");
        Setup {
            sandbox,
            base,
            client,
            cache,
            profiles,
            profile,
            dir,
        }
    }

    fn cx(&self) -> Context<'_> {
        Context {
            client: &self.client,
            cache: &self.cache,
            profiles: &self.profiles,
            profile: &self.profile,
            api_base: Some(&self.base),
            mode: Mode::Test,
            language: portal_i18n::Language::En,
        }
    }

    fn customer(&self, n: usize) -> (String, String, String) {
        let c = &self.sandbox.truth()["customers"][n];
        (
            c["id"].as_str().expect("id").to_owned(),
            c["name"].as_str().expect("name").to_owned(),
            c["email"].as_str().expect("email").to_owned(),
        )
    }

    /// Sends the profile's email through `server`, as `from`, logged in as
    /// `username` when given.
    fn use_smtp(
        &self,
        server: &SmtpServer,
        username: Option<&str>,
        from: &str,
    ) -> anyhow::Result<()> {
        self.profiles.update_settings(&self.profile, |settings| {
            settings.smtp = Some(SmtpSettings {
                host: "127.0.0.1".into(),
                port: server.port,
                tls: TlsMode::None,
                username: username.map(str::to_owned),
                from: from.into(),
            })
        })?;
        Ok(())
    }

    async fn resync(&mut self) {
        sync(
            &self.client,
            &mut self.cache,
            &SyncOptions {
                full: false,
                concurrency: 4,
            },
            &mut |_| {},
        )
        .await
        .expect("sync");
    }
}

/// A customer whose current subscription's payment failed, with a name and an
/// email, and what the sandbox says they owe: (id, currency, minor units,
/// the newest owed invoice's number and next retry).
fn at_risk_customer(truth: &serde_json::Value) -> (String, String, i64, String, Option<i64>) {
    let subscription = truth["subscriptions"]
        .as_array()
        .expect("subscriptions")
        .iter()
        .find(|s| s["status"] == "past_due")
        .expect("a past_due subscription");
    let customer = subscription["customer"].as_str().expect("customer");
    let mut owed: Vec<&serde_json::Value> = truth["invoices"]
        .as_array()
        .expect("invoices")
        .iter()
        .filter(|i| i["customer"] == customer)
        .filter(|i| i["status"] == "open" || i["status"] == "uncollectible")
        .filter(|i| i["amount_remaining"].as_i64() > Some(0))
        .collect();
    owed.sort_by_key(|i| std::cmp::Reverse(i["created"].as_i64()));
    let latest = owed.first().expect("an owed invoice");
    (
        customer.to_owned(),
        latest["currency"].as_str().expect("currency").to_owned(),
        owed.iter()
            .map(|i| i["amount_remaining"].as_i64().expect("amount"))
            .sum(),
        latest["number"].as_str().expect("number").to_owned(),
        latest["next_payment_attempt"].as_i64(),
    )
}

#[tokio::test]
async fn a_customer_whose_payment_failed_is_asked_to_update_the_card() -> anyhow::Result<()> {
    let s = Setup::with_customers(40).await;
    let truth = s.sandbox.truth();
    let (customer, currency, owed, number, retry) = at_risk_customer(&truth);

    // The billing info says what is owed, on which invoice, and when Stripe retries.
    let info = portal_core::query::billing_info(&s.cache, &customer, 0)?.expect("cached");
    let trouble = info.trouble.expect("at risk");
    assert_eq!(trouble.amount_due, owed);
    assert_eq!(trouble.invoice.currency, currency);
    assert_eq!(trouble.invoice.number.as_deref(), Some(number.as_str()));
    assert_eq!(trouble.next_retry(), retry);
    assert!(
        retry.is_some(),
        "an open invoice of a past_due subscription is retried"
    );

    // A direct link opens the portal on its payment-method page.
    let ask = EmailRequest {
        purpose: EmailPurpose::UpdateCard,
        ..request(&customer, LinkKind::Session, false)
    };
    let draft = outreach::draft(&s.cx(), &ask).await?;
    let sent = last_session_request(&s.sandbox);
    assert_eq!(sent["flow_data"]["type"], "payment_method_update", "{sent}");
    assert_eq!(
        draft.subject,
        "Please update your payment details for Sandbox Coffee Roasters"
    );
    let amount = portal_core::money::format_amount(owed, &currency);
    assert!(
        draft
            .body
            .contains(&format!("{amount} is due on invoice {number}")),
        "{}",
        draft.body
    );
    assert!(draft.body.contains(&draft.link), "{}", draft.body);

    // The durable sign-in link asks the same, without a flow (it can't carry one).
    let ask = EmailRequest {
        purpose: EmailPurpose::UpdateCard,
        ..request(&customer, LinkKind::Login, true)
    };
    let draft = outreach::draft(&s.cx(), &ask).await?;
    assert!(draft.link.contains("/_login/"), "{}", draft.link);
    assert!(draft.body.contains("update your card"), "{}", draft.body);

    // The list's Needs attention filter adds up what its customers owe.
    let at_risk = portal_core::query::at_risk(&s.cache)?;
    let statuses = ["past_due", "unpaid", "incomplete"];
    let customers = truth["customers"].as_array().expect("customers");
    let status_of = |id: &serde_json::Value| {
        // The current subscription: the newest live one, as the cache derives it.
        let mut subs: Vec<&serde_json::Value> = truth["subscriptions"]
            .as_array()
            .expect("subscriptions")
            .iter()
            .filter(|s| s["customer"] == *id)
            .collect();
        subs.sort_by_key(|s| {
            let ended = matches!(
                s["status"].as_str(),
                Some("canceled" | "incomplete_expired")
            );
            (ended, std::cmp::Reverse(s["created"].as_i64()))
        });
        subs.first()
            .and_then(|s| s["status"].as_str())
            .unwrap_or("none")
            .to_owned()
    };
    let risky: Vec<&serde_json::Value> = customers
        .iter()
        .filter(|c| statuses.contains(&status_of(&c["id"]).as_str()))
        .collect();
    assert_eq!(at_risk.customers, risky.len() as u64);
    let mut expected: std::collections::BTreeMap<String, i64> = Default::default();
    for invoice in truth["invoices"].as_array().expect("invoices") {
        let payable = matches!(invoice["status"].as_str(), Some("open" | "uncollectible"))
            && invoice["amount_remaining"].as_i64() > Some(0);
        if payable && risky.iter().any(|c| c["id"] == invoice["customer"]) {
            *expected
                .entry(invoice["currency"].as_str().expect("currency").to_owned())
                .or_default() += invoice["amount_remaining"].as_i64().expect("amount");
        }
    }
    assert_eq!(at_risk.owed, expected.into_iter().collect::<Vec<_>>());
    Ok(())
}

fn request(customer: &str, link: LinkKind, enable: bool) -> EmailRequest {
    EmailRequest {
        customer: customer.into(),
        link,
        enable_login_page: enable,
        purpose: EmailPurpose::Portal,
    }
}

/// The last portal session the sandbox was asked for: its parameters.
fn last_session_request(sandbox: &Sandbox) -> serde_json::Value {
    sandbox
        .requests()
        .into_iter()
        .rev()
        .find(|r| r["path"] == "/v1/billing_portal/sessions")
        .map(|r| r["params"].clone())
        .expect("a session request")
}

#[tokio::test]
async fn a_customer_who_prefers_french_gets_the_email_and_the_portal_in_french()
-> anyhow::Result<()> {
    let mut s = Setup::new().await;
    let server = SmtpServer::start().await;
    s.use_smtp(
        &server,
        None,
        "Sandbox Coffee <billing@sandbox-coffee.example>",
    )?;
    let (french, name, email) = s.customer(0);
    let (unknown, other_name, _) = s.customer(1);
    // Stripe keeps the merchant's order; Portal Desk doesn't speak pt-BR.
    s.sandbox
        .control(
            "simulate",
            json!({"action": "set_preferred_locales", "customer": french, "locales": ["pt-BR", "fr"]}),
        )
        .map_err(anyhow::Error::msg)?;
    s.resync().await;

    let draft = outreach::draft(&s.cx(), &request(&french, LinkKind::Session, false)).await?;
    assert_eq!(last_session_request(&s.sandbox)["locale"], "fr");
    assert_eq!(draft.language, Language::Fr);
    assert_eq!(draft.chosen_by.as_deref(), Some("fr"));
    assert_eq!(
        draft.subject,
        "Gérez votre facturation avec Sandbox Coffee Roasters"
    );
    assert!(
        draft.body.starts_with(&format!("Bonjour {name},\n")),
        "{}",
        draft.body
    );
    assert!(
        draft.body.contains("gérer votre abonnement"),
        "{}",
        draft.body
    );
    assert!(
        draft
            .body
            .contains("Ce lien n’est valable que peu de temps"),
        "{}",
        draft.body
    );
    assert!(!draft.body.contains("Thank you"), "{}", draft.body);
    assert_eq!(
        outreach::deliver(&s.profiles, &s.profile, &draft).await?,
        Delivery::Smtp
    );
    let messages = server.messages();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].to, vec![format!("<{email}>")]);
    assert!(
        messages[0]
            .data
            .lines()
            .any(|line| line.trim_end() == "Content-Language: fr"),
        "{}",
        messages[0].data
    );

    // Stripe knows no language for this one: the app's own (German here).
    let german = Context {
        language: Language::De,
        ..s.cx()
    };
    let draft = outreach::draft(&german, &request(&unknown, LinkKind::Session, false)).await?;
    assert_eq!(last_session_request(&s.sandbox)["locale"], "de");
    assert_eq!(
        (draft.language, draft.chosen_by.as_deref()),
        (Language::De, None)
    );
    assert!(
        draft.body.starts_with(&format!("Hallo {other_name},\n")),
        "{}",
        draft.body
    );
    Ok(())
}

#[tokio::test]
async fn the_login_link_arrives_by_smtp_and_the_password_stays_in_the_keychain()
-> anyhow::Result<()> {
    let s = Setup::new().await;
    let server = SmtpServer::start().await;
    s.use_smtp(
        &server,
        Some("owner"),
        "Sandbox Coffee <billing@sandbox-coffee.example>",
    )?;
    s.profiles
        .keychain()
        .save_secret(SMTP_SECRET, &s.profile, SMTP_PASSWORD)?;
    let (customer, name, email) = s.customer(0);

    // The login page is off: the user is asked first.
    let error = outreach::draft(&s.cx(), &request(&customer, LinkKind::Login, false))
        .await
        .expect_err("asks first");
    assert!(error.to_string().contains("login page is off"), "{error}");

    let draft = outreach::draft(&s.cx(), &request(&customer, LinkKind::Login, true)).await?;
    assert_eq!(draft.to, email);
    assert!(
        draft
            .link
            .starts_with(&format!("{}/_login/", s.sandbox.url())),
        "{}",
        draft.link
    );
    assert!(draft.body.contains(&format!("Hi {name},")));
    assert_eq!(
        outreach::deliver(&s.profiles, &s.profile, &draft).await?,
        Delivery::Smtp
    );

    let messages = server.messages();
    assert_eq!(messages.len(), 1);
    let message = &messages[0];
    assert_eq!(message.to, vec![format!("<{email}>")]);
    assert_eq!(message.from, "<billing@sandbox-coffee.example>");
    assert!(
        message
            .data
            .contains("Subject: Manage your billing with Sandbox Coffee"),
        "{}",
        message.data
    );
    assert!(message.data.contains(&draft.link), "{}", message.data);
    assert!(message.auth.is_some(), "the server was logged in to");

    for file in walk(s.dir.path()) {
        let bytes = std::fs::read(&file)?;
        assert!(
            !bytes
                .windows(SMTP_PASSWORD.len())
                .any(|w| w == SMTP_PASSWORD.as_bytes()),
            "password in {}",
            file.display()
        );
    }
    Ok(())
}

#[tokio::test]
async fn a_session_link_says_it_expires_and_without_smtp_a_mailto_draft_opens() -> anyhow::Result<()>
{
    let s = Setup::new().await;
    let (customer, _, email) = s.customer(1);
    let draft = outreach::draft(&s.cx(), &request(&customer, LinkKind::Session, false)).await?;
    assert!(draft.link.contains("/_portal/"), "{}", draft.link);
    assert!(draft.body.contains("works for a short time"));
    match outreach::deliver(&s.profiles, &s.profile, &draft).await? {
        Delivery::Mailto { url } => {
            assert!(
                url.starts_with(&format!("mailto:{email}?subject=")),
                "{url}"
            );
            assert!(url.contains("short%20time"));
        }
        other => panic!("expected a mailto draft, got {other:?}"),
    }

    // A name typed in the settings (as for a restricted key, which may not
    // read the account's) signs the email instead.
    s.profiles.update_settings(&s.profile, |settings| {
        settings.business_name = Some("Acme Bakery".into());
    })?;
    let draft = outreach::draft(&s.cx(), &request(&customer, LinkKind::Session, false)).await?;
    assert_eq!(draft.subject, "Manage your billing with Acme Bakery");
    assert!(draft.body.contains("Acme Bakery"), "{}", draft.body);
    Ok(())
}

#[tokio::test]
async fn customers_without_a_usable_email_are_explained() -> anyhow::Result<()> {
    let mut s = Setup::new().await;
    let (no_email, _, _) = s.customer(2);
    let (bad_email, _, _) = s.customer(3);
    s.sandbox
        .control(
            "simulate",
            json!({"action": "update_email", "customer": no_email, "email": ""}),
        )
        .map_err(anyhow::Error::msg)?;
    s.sandbox
        .control(
            "simulate",
            json!({"action": "update_email", "customer": bad_email, "email": "not an email"}),
        )
        .map_err(anyhow::Error::msg)?;
    s.resync().await;
    let error = outreach::draft(&s.cx(), &request(&no_email, LinkKind::Session, false))
        .await
        .expect_err("no email");
    assert!(
        matches!(error, Error::Mail(portal_core::mail::MailError::NoEmail(_))),
        "{error}"
    );
    let error = outreach::draft(&s.cx(), &request(&bad_email, LinkKind::Session, false))
        .await
        .expect_err("bad email");
    assert!(
        error.to_string().contains("not a usable email address"),
        "{error}"
    );
    Ok(())
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[tokio::test]
async fn a_bulk_email_reports_each_recipient_and_never_emails_anyone_twice() -> anyhow::Result<()> {
    use portal_core::cache::campaigns::Outcome;
    use portal_core::cache::customers::CustomerQuery;
    use portal_core::outreach::Audience;
    let mut s = Setup::new().await;
    let server = SmtpServer::start().await;
    s.use_smtp(&server, None, "billing@sandbox-coffee.example")?;
    let (refused, _, _) = s.customer(0);
    let (without, _, _) = s.customer(1);
    s.sandbox
        .control(
            "simulate",
            json!({"action": "update_email", "customer": refused, "email": "reject@example.com"}),
        )
        .map_err(anyhow::Error::msg)?;
    s.sandbox
        .control(
            "simulate",
            json!({"action": "update_email", "customer": without, "email": ""}),
        )
        .map_err(anyhow::Error::msg)?;
    s.resync().await;
    let everyone = Audience {
        query: CustomerQuery::default(),
        label: "everyone".into(),
    };
    let truth = s.sandbox.truth();
    let customers = truth["customers"].as_array().expect("customers");
    let total = customers.len() as u64;
    // The generated account has customers without an email of its own, too.
    let no_email = customers
        .iter()
        .filter(|c| c["email"].as_str().is_none_or(str::is_empty))
        .count() as u64;
    assert!(no_email >= 1);

    let preview = outreach::plan(&s.cx(), "test campaign", &everyone)?;
    assert_eq!(preview.len() as u64, total);
    assert_eq!(
        preview
            .iter()
            .find(|p| p.customer_id == without)
            .and_then(|p| p.skip.clone())
            .as_deref(),
        Some("no email address")
    );

    let mut seen = Vec::new();
    let first = outreach::send_campaign(
        &s.cx(),
        "test campaign",
        &everyone,
        LinkKind::Session,
        false,
        Duration::from_millis(5),
        &mut |r| seen.push(r.clone()),
    )
    .await?;
    let skipped: Vec<_> = first
        .results
        .iter()
        .filter(|r| r.outcome == Outcome::Skipped)
        .collect();
    assert_eq!(
        (first.sent, first.failed, first.skipped),
        (total - 1 - no_email, 1, no_email),
        "{skipped:?}"
    );
    let failure = first
        .results
        .iter()
        .find(|r| r.customer_id == refused)
        .expect("the refused one");
    assert_eq!(failure.outcome, Outcome::Failed);
    assert!(
        failure
            .reason
            .as_deref()
            .unwrap_or_default()
            .contains("refused"),
        "{failure:?}"
    );
    assert_eq!(seen.len() as u64, total);
    assert_eq!(server.messages().len() as u64, total - 1 - no_email);

    // Running it again retries the failure and emails nobody twice.
    let second = outreach::send_campaign(
        &s.cx(),
        "test campaign",
        &everyone,
        LinkKind::Session,
        false,
        Duration::from_millis(5),
        &mut |_| {},
    )
    .await?;
    assert_eq!(
        (second.sent, second.failed, second.skipped),
        (0, 1, total - 1)
    );
    assert_eq!(
        server.messages().len() as u64,
        total - 1 - no_email,
        "nobody twice"
    );
    let recorded = portal_core::cache::campaigns::results(s.cache.conn(), "test campaign")?;
    assert_eq!(
        recorded
            .iter()
            .filter(|r| r.outcome == Outcome::Sent)
            .count() as u64,
        total - 1 - no_email
    );
    Ok(())
}
