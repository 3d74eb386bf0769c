//! The CLI without a keychain: formats, usage, exit codes, no display.

mod support;

use support::{TEST_KEY, cli, run, sandbox, text};

/// A D-Bus-less environment: no session bus and an empty runtime dir, so the
/// Secret Service can't be reached.
fn without_dbus(command: &mut std::process::Command, runtime: &std::path::Path) {
    command
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("XDG_RUNTIME_DIR", runtime);
}

#[test]
fn a_publishable_key_is_refused_before_the_keychain() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let mut command = cli(tmp.path());
    without_dbus(&mut command, tmp.path());
    let output = run(
        command.args(["key", "set"]),
        "pk_test_51FakeKeyForTests0000abcd\n",
    );
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    assert!(stderr.contains("publishable key"), "stderr: {stderr}");
    assert!(
        !stderr.contains("FakeKey") && !stdout.contains("FakeKey"),
        "no echo of the key"
    );
    Ok(())
}

#[test]
fn without_a_dbus_session_the_keychain_is_unavailable_and_exit_is_3() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    for args in [
        &["key", "set", "--no-verify"][..],
        &["key", "status"],
        &["key", "forget"],
    ] {
        let mut command = cli(tmp.path());
        without_dbus(&mut command, tmp.path());
        let output = run(command.args(args), &format!("{TEST_KEY}\n"));
        let (_, stderr) = text(&output);
        assert_eq!(output.status.code(), Some(3), "{args:?}: {stderr}");
        assert!(
            stderr.contains("the system keychain is unavailable"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("FakeKey"), "no echo of the key: {stderr}");
    }
    Ok(())
}

#[test]
fn usage_errors_exit_2() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    for args in [
        &["key", "bogus"][..],
        &["nonsense"],
        &["key", "status", "--jsn"],
    ] {
        let output = run(cli(tmp.path()).args(args), "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
    Ok(())
}

#[test]
fn help_says_why_amounts_and_dates_ignore_the_terminal_locale() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    for command in ["show", "customers"] {
        let output = run(
            cli(tmp.path())
                .args([command, "--help"])
                .env("LC_ALL", "de_DE.UTF-8"),
            "",
        );
        let (stdout, _) = text(&output);
        assert_eq!(output.status.code(), Some(0), "{command}");
        assert!(
            stdout.contains("`USD 1234.56`") && stdout.contains("whatever the terminal's"),
            "{command}: {stdout}"
        );
    }
    Ok(())
}

#[test]
fn a_bad_profile_name_is_explained() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let output = run(
        cli(tmp.path()).args(["--profile", "../x", "key", "status"]),
        "",
    );
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("not a usable profile name"), "{stderr}");
    Ok(())
}

#[test]
fn status_reports_an_environment_key_without_revealing_it() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let output = run(
        cli(tmp.path())
            .args(["key", "status", "--json"])
            .env("STRIPE_API_KEY", "rk_live_FAKE_test_only_0000_wxyz"),
        "",
    );
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout)?;
    assert_eq!(
        json,
        serde_json::json!({"profile": "default", "mode": "live", "kind": "restricted", "last4": "wxyz", "source": "environment", "business_name": null, "account_id": null})
    );
    assert!(
        !stdout.contains("FAKE_test_only"),
        "no more of the key than its last 4"
    );
    Ok(())
}

#[test]
fn without_a_display_the_window_explains_how_to_run() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let output = run(
        cli(tmp.path())
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY"),
        "",
    );
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("xvfb-run"), "{stderr}");
    Ok(())
}

#[test]
fn an_api_base_off_this_computer_is_refused() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let output = run(
        cli(tmp.path()).args(["--api-base", "https://api.evil.example", "key", "status"]),
        "",
    );
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("must be on this computer"), "{stderr}");

    let output = run(
        cli(tmp.path())
            .args(["key", "status"])
            .env("PORTAL_DESK_API_BASE", "http://192.168.1.5:12111"),
        "",
    );
    assert_eq!(
        output.status.code(),
        Some(2),
        "the environment variable is checked too"
    );
    Ok(())
}

#[test]
fn a_live_key_is_refused_for_a_sandbox_before_the_keychain() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let mut command = cli(tmp.path());
    without_dbus(&mut command, tmp.path());
    let output = run(
        command.args(["--api-base", "http://127.0.0.1:12111", "key", "set"]),
        "sk_live_FAKE_test_only_0000_abcd\n",
    );
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("live-mode key"), "{stderr}");
    Ok(())
}

#[test]
fn a_key_stripe_rejects_exits_5_and_is_not_stored() -> anyhow::Result<()> {
    let (_runtime, sandbox) = sandbox(&["sk_test_51SomeOtherKey00000000zzzz"]);
    let tmp = tempfile::tempdir()?;
    let mut command = cli(tmp.path());
    without_dbus(&mut command, tmp.path());
    let output = run(
        command.args(["--api-base", sandbox.url(), "key", "set"]),
        &format!("{TEST_KEY}\n"),
    );
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(5), "{stderr}");
    assert!(
        stderr.contains("Stripe rejected this key (invalid or revoked)"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("FakeKey") && !stdout.contains("FakeKey"),
        "no echo of the key"
    );
    Ok(())
}

#[test]
fn offline_exits_4_and_suggests_no_verify() -> anyhow::Result<()> {
    let (runtime, sandbox) = sandbox(&[TEST_KEY]);
    let url = sandbox.url().to_owned();
    sandbox.stop();
    drop(sandbox);
    drop(runtime);
    let tmp = tempfile::tempdir()?;
    let mut command = cli(tmp.path());
    without_dbus(&mut command, tmp.path());
    let output = run(
        command.args(["--api-base", &url, "key", "set"]),
        &format!("{TEST_KEY}\n"),
    );
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("Couldn't reach Stripe"), "{stderr}");
    assert!(stderr.contains("--no-verify"), "{stderr}");
    Ok(())
}

#[test]
fn a_sync_budget_must_be_a_sensible_rate() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    for bad in ["0", "0.5", "fast", "5000"] {
        let output = run(
            cli(tmp.path()).args(["sync", "--requests-per-second", bad]),
            "",
        );
        let (_, stderr) = text(&output);
        assert_eq!(output.status.code(), Some(2), "{bad}: {stderr}");
        assert!(stderr.contains("from 1 to 1000"), "{bad}: {stderr}");
    }
    Ok(())
}
