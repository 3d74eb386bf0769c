//! Against the real Secret Service. `cargo xtask test` runs these (its keychain
//! stage) inside a private D-Bus session with an unlocked gnome-keyring.

use std::process::Command;

use crate::support::{TEST_KEY, cli, files_containing, run, sandbox, text};
use portal_core::{ApiKey, Keychain, ProfileName};

fn secret_tool_search(account: &str) -> String {
    let output = Command::new("secret-tool")
        .args([
            "search",
            "--all",
            "service",
            "portal-desk",
            "username",
            account,
        ])
        .output()
        .expect("secret-tool (libsecret-tools) is installed");
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
#[ignore = "needs a Secret Service: run by `cargo xtask test` (keychain stage)"]
fn cli_key_set_status_forget_round_trip() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let data_dir = tmp.path().join("data");

    let (_runtime, sandbox) = sandbox(&[TEST_KEY]);
    let output = run(
        cli(&data_dir).args(["--api-base", sandbox.url(), "key", "set"]),
        &format!("{TEST_KEY}\n"),
    );
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "key set failed: {stderr}");
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next(),
        Some("Key saved for profile default (test mode), ending in ...abcd")
    );
    assert!(
        lines
            .next()
            .is_some_and(|l| l.starts_with("Verified with Stripe: Sandbox Coffee Roasters (acct_")),
        "verified online: {stdout}"
    );

    let found = secret_tool_search("default");
    assert!(
        found.contains(TEST_KEY),
        "the Secret Service holds the key: {found}"
    );

    let output = run(cli(&data_dir).args(["key", "status", "--json"]), "");
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "key status failed: {stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout)?;
    assert_eq!(json["mode"], "test");
    assert_eq!(json["last4"], "abcd");
    assert_eq!(json["source"], "keychain");
    assert_eq!(json["business_name"], "Sandbox Coffee Roasters");
    assert!(
        !stdout.contains("FakeKey"),
        "status reveals no more than the last 4: {stdout}"
    );

    assert!(
        data_dir.join("profiles.json").exists(),
        "the profile is recorded"
    );
    let hits = files_containing(&data_dir, "FakeKeyForTests");
    assert!(hits.is_empty(), "the key is in files: {hits:?}");

    let output = run(cli(&data_dir).args(["key", "forget"]), "");
    assert!(
        output.status.success(),
        "key forget failed: {}",
        text(&output).1
    );
    let found = secret_tool_search("default");
    assert!(
        !found.contains(TEST_KEY),
        "forget removes the item: {found}"
    );

    let output = run(cli(&data_dir).args(["key", "status"]), "");
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(3), "no key now: {stderr}");
    assert!(
        stderr.contains("no Stripe key is saved for profile default"),
        "{stderr}"
    );
    Ok(())
}

#[test]
#[ignore = "needs a Secret Service: run by `cargo xtask test` (keychain stage)"]
fn profiles_keep_separate_items() -> anyhow::Result<()> {
    let keychain = Keychain::platform();
    let test = ProfileName::parse("kc-test")?;
    let live = ProfileName::parse("kc-live")?;
    keychain.save(&test, &ApiKey::parse("sk_test_51FakeKeyForTests0000test")?)?;
    keychain.save(
        &live,
        &ApiKey::parse("rk_live_51FakeKeyForTests0000abcdefghijklmnopqrstuvwxyz0123456789")?,
    )?;

    let loaded = keychain.load(&test)?.expect("test key");
    assert_eq!(loaded.last4(), "test");
    let loaded = keychain.load(&live)?.expect("live key");
    assert_eq!(loaded.last4(), "6789");

    assert!(keychain.forget(&test)?);
    assert!(keychain.load(&test)?.is_none(), "gone after forget");
    assert!(
        keychain.load(&live)?.is_some(),
        "the other profile is untouched"
    );
    assert!(keychain.forget(&live)?);
    Ok(())
}

#[test]
#[ignore = "needs a Secret Service: run by `cargo xtask test` (keychain stage)"]
fn no_verify_stores_the_key_while_offline() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let output = run(
        cli(tmp.path()).args([
            "--profile",
            "offline",
            "--api-base",
            "http://127.0.0.1:9",
            "key",
            "set",
            "--no-verify",
        ]),
        &format!("{TEST_KEY}\n"),
    );
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stdout.contains("Not checked with Stripe (--no-verify)."),
        "{stdout}"
    );
    let output = run(
        cli(tmp.path()).args(["--profile", "offline", "key", "forget"]),
        "",
    );
    assert!(output.status.success());
    Ok(())
}

#[test]
#[ignore = "needs a Secret Service: run by `cargo xtask test` (keychain stage)"]
fn the_smtp_password_lives_only_in_the_keychain() -> anyhow::Result<()> {
    const PASSWORD: &str = "smtp-canary-7Hq2-never-in-files";
    let tmp = tempfile::tempdir()?;
    let data_dir = tmp.path().join("data");
    let output = run(
        cli(&data_dir).args([
            "--profile",
            "mailtest",
            "smtp",
            "set",
            "--host",
            "smtp.example.com",
            "--username",
            "owner",
            "--from",
            "billing@example.com",
        ]),
        &format!("{PASSWORD}\n"),
    );
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stdout.contains(PASSWORD) && !stderr.contains(PASSWORD));
    assert!(
        secret_tool_search("smtp:mailtest").contains("smtp:mailtest"),
        "stored under smtp:PROFILE"
    );
    assert!(
        files_containing(&data_dir, PASSWORD).is_empty(),
        "the password is in no file"
    );

    let output = run(
        cli(&data_dir).args(["--profile", "mailtest", "smtp", "status"]),
        "",
    );
    let (stdout, _) = text(&output);
    assert!(
        stdout.contains("in the keychain") && !stdout.contains(PASSWORD),
        "{stdout}"
    );

    let output = run(
        cli(&data_dir).args(["--profile", "mailtest", "smtp", "forget"]),
        "",
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(
        !secret_tool_search("smtp:mailtest").contains("smtp:mailtest"),
        "removed"
    );
    Ok(())
}
