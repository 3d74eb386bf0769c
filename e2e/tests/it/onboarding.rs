//! Onboarding through the real window: a refused key, then a saved one.

use std::process::Command;

use portal_e2e::{App, AppOptions, StripeSandbox, screenshot_dir};

const VALID_KEY: &str = "sk_test_51FakeKeyForE2eTests000abcd";

#[test]
fn onboarding_refuses_a_publishable_key_then_saves_a_secret_key() -> anyhow::Result<()> {
    let stripe = StripeSandbox::start(VALID_KEY)?;
    let app = App::launch(AppOptions {
        env: vec![("PORTAL_DESK_API_BASE".into(), stripe.url.clone())],
        ..AppOptions::default()
    })?;
    let ui = &app.session;
    let shots = screenshot_dir();

    ui.wait_for_text("h1", "Connect your Stripe account")?;
    assert_eq!(ui.title()?, "Portal Desk");
    ui.screenshot(&shots.join("onboarding-empty.png"))?;
    portal_e2e::axe::audit(ui, "onboarding-empty")?;

    let field = ui.find("#api-key")?;
    field.type_text("pk_test_51FakeKeyForE2eTests000abcd")?;
    ui.find("#save-key")?.click()?;
    let error = ui.wait_for_text("#key-error", "publishable key")?;
    assert!(
        !error.contains("FakeKey"),
        "the error must not echo the key: {error}"
    );
    ui.screenshot(&shots.join("onboarding-publishable-key.png"))?;
    portal_e2e::axe::audit(ui, "onboarding-publishable-key")?;

    field.replace_text(VALID_KEY)?;
    ui.find("#save-key")?.click()?;
    ui.wait_for_text(
        "#key-saved",
        "Key saved for profile default (test mode), ending in ...abcd",
    )?;
    ui.wait_for_text(
        "#key-account",
        "Verified with Stripe: Sandbox Coffee Roasters (acct_",
    )?;
    assert_eq!(
        field.property("value")?,
        "",
        "the key field is emptied once the key is stored"
    );
    ui.screenshot(&shots.join("onboarding-key-saved.png"))?;
    portal_e2e::axe::audit(ui, "onboarding-key-saved")?;

    let found = Command::new("secret-tool")
        .args([
            "search",
            "--all",
            "service",
            "portal-desk",
            "username",
            "default",
        ])
        .output()?;
    let found = String::from_utf8_lossy(&found.stdout);
    assert!(
        found.contains(VALID_KEY),
        "the key is in the Secret Service: {found}"
    );

    let leaks = files_with(app.data_path(), "FakeKeyForE2e");
    assert!(leaks.is_empty(), "the key reached files: {leaks:?}");
    Ok(())
}

fn files_with(dir: &std::path::Path, needle: &str) -> Vec<String> {
    let mut hits = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            hits.extend(files_with(&path, needle));
        } else if std::fs::read(&path)
            .map(|b| b.windows(needle.len()).any(|w| w == needle.as_bytes()))
            .unwrap_or(false)
        {
            hits.push(path.display().to_string());
        }
    }
    hits
}

#[test]
fn offline_the_key_can_be_saved_without_checking() -> anyhow::Result<()> {
    // A sandbox that is started and stopped leaves a port nobody listens on.
    let stripe = StripeSandbox::start(VALID_KEY)?;
    let url = stripe.url.clone();
    drop(stripe);
    let app = App::launch(AppOptions {
        env: vec![("PORTAL_DESK_API_BASE".into(), url)],
        ..AppOptions::default()
    })?;
    let ui = &app.session;
    let shots = screenshot_dir();

    ui.find("#api-key")?.type_text(VALID_KEY)?;
    ui.find("#save-key")?.click()?;
    ui.wait_for_text("#key-error", "Couldn't reach Stripe")?;
    ui.screenshot(&shots.join("onboarding-offline.png"))?;
    portal_e2e::axe::audit(ui, "onboarding-offline")?;

    ui.find("#save-unverified")?.click()?;
    ui.wait_for_text("#key-account", "Not checked with Stripe")?;
    ui.wait_for_text("#key-saved", "ending in ...abcd")?;
    ui.screenshot(&shots.join("onboarding-saved-unchecked.png"))?;
    Ok(())
}
