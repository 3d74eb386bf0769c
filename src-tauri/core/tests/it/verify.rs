//! Verifying keys against the Stripe sandbox over real HTTP.

use std::sync::Arc;

use portal_core::{ApiBase, DataDir, Keychain, ProfileName, Profiles, StripeFailure};
use serde_json::json;
use stripe_sandbox::{Config, DatasetConfig, KeySpec, Sandbox};

const GOOD: &str = "sk_test_51VerifyKeyForTests0000good";
const READ_ALL: &str = "rk_test_51VerifyKeyForTests000reads";
const NO_INVOICES: &str = "rk_test_51VerifyKeyForTests00noinv";
const READ_ONLY: &str = "rk_test_51VerifyKeyForTests0readonly";

async fn sandbox() -> Sandbox {
    let reads =
        "customer_read,subscription_read,invoice_read,product_read,event_read,payment_method_read";
    let needed = format!("{reads},customer_portal_write");
    Sandbox::start(Config {
        dataset: DatasetConfig {
            customers: 5,
            ..DatasetConfig::default()
        },
        keys: vec![
            KeySpec::full(GOOD),
            KeySpec::parse(&format!("{READ_ALL}={needed}")),
            KeySpec::parse(&format!(
                "{NO_INVOICES}={}",
                needed.replace("invoice_read,", "")
            )),
            KeySpec::parse(&format!("{READ_ONLY}={reads}")),
        ],
        ..Config::default()
    })
    .await
    .expect("the sandbox starts")
}

fn profiles(dir: &std::path::Path) -> Profiles {
    Profiles::new(
        DataDir::resolve(Some(dir.to_owned())).expect("dir"),
        Arc::new(Keychain::in_memory()),
    )
}

fn base(sandbox: &Sandbox) -> ApiBase {
    ApiBase::parse(sandbox.url()).expect("loopback")
}

#[tokio::test]
async fn a_secret_key_is_verified_with_the_account_name() -> anyhow::Result<()> {
    let sandbox = sandbox().await;
    let tmp = tempfile::tempdir()?;
    let profiles = profiles(tmp.path());
    let name = ProfileName::parse("default")?;
    let info = profiles.connect(&name, GOOD, Some(&base(&sandbox))).await?;
    assert_eq!(
        info.business_name.as_deref(),
        Some("Sandbox Coffee Roasters")
    );
    assert!(
        info.account_id
            .as_deref()
            .is_some_and(|id| id.starts_with("acct_"))
    );

    let again = profiles.key_info(&name)?.expect("stored");
    assert_eq!(
        again.business_name, info.business_name,
        "the business name is remembered"
    );
    let registry = std::fs::read_to_string(tmp.path().join("profiles.json"))?;
    assert!(!registry.contains("VerifyKey"), "no key in files");
    Ok(())
}

#[tokio::test]
async fn a_wrong_or_revoked_key_is_rejected_and_not_stored() -> anyhow::Result<()> {
    let sandbox = sandbox().await;
    let tmp = tempfile::tempdir()?;
    let profiles = profiles(tmp.path());
    let name = ProfileName::parse("default")?;
    let error = profiles
        .connect(
            &name,
            "sk_test_51VerifyKeyForTests000wrong",
            Some(&base(&sandbox)),
        )
        .await
        .expect_err("unknown key");
    assert!(
        matches!(error, portal_core::Error::Stripe(StripeFailure::Rejected)),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .starts_with("Stripe rejected this key (invalid or revoked)")
    );
    assert!(profiles.key_info(&name)?.is_none(), "nothing stored");

    sandbox
        .control("keys/revoke", json!({"key": GOOD}))
        .map_err(anyhow::Error::msg)?;
    let error = profiles
        .connect(&name, GOOD, Some(&base(&sandbox)))
        .await
        .expect_err("revoked");
    assert!(
        matches!(error, portal_core::Error::Stripe(StripeFailure::Rejected)),
        "{error}"
    );
    Ok(())
}

#[tokio::test]
async fn a_restricted_key_names_the_permissions_it_lacks() -> anyhow::Result<()> {
    let sandbox = sandbox().await;
    let tmp = tempfile::tempdir()?;
    let profiles = profiles(tmp.path());
    let name = ProfileName::parse("default")?;

    let info = profiles
        .connect(&name, READ_ALL, Some(&base(&sandbox)))
        .await?;
    assert_eq!(
        info.account_id, None,
        "the account can't be read, the balance fallback proves the key"
    );

    let error = profiles
        .connect(&name, NO_INVOICES, Some(&base(&sandbox)))
        .await
        .expect_err("missing");
    assert_eq!(
        error.to_string(),
        StripeFailure::MissingPermissions(vec!["Invoices (read)"]).to_string()
    );

    // Reading everything is not enough to open the portal, and finding that
    // out creates no session.
    let error = profiles
        .connect(&name, READ_ONLY, Some(&base(&sandbox)))
        .await
        .expect_err("no portal write");
    assert_eq!(
        error.to_string(),
        StripeFailure::MissingPermissions(vec!["Customer portal (write)"]).to_string()
    );
    assert_eq!(sandbox.truth()["portal_sessions"], json!([]));
    let probes: Vec<serde_json::Value> = sandbox
        .requests()
        .into_iter()
        .filter(|r| r["path"] == "/v1/billing_portal/sessions")
        .collect();
    assert_eq!(probes.len(), 3, "one probe per restricted key checked");
    Ok(())
}

#[tokio::test]
async fn an_unreachable_stripe_is_a_network_error() -> anyhow::Result<()> {
    let sandbox = sandbox().await;
    let base = base(&sandbox);
    sandbox.stop();
    drop(sandbox);
    // Nothing listens there any more.
    let tmp = tempfile::tempdir()?;
    let error = profiles(tmp.path())
        .connect(&ProfileName::parse("default")?, GOOD, Some(&base))
        .await
        .expect_err("offline");
    match &error {
        portal_core::Error::Stripe(failure) => assert!(failure.is_network(), "{failure}"),
        other => panic!("expected a network failure, got {other}"),
    }
    assert!(
        error.to_string().starts_with("Couldn't reach Stripe"),
        "{error}"
    );
    Ok(())
}
