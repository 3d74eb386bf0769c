//! The CLI without a keychain: formats, usage, exit codes, no display.

use crate::support::{TEST_KEY, cli, run, sandbox, text};

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
        cli(tmp.path()).args(["key", "status", "--json"]).env(
            "STRIPE_API_KEY",
            "rk_live_51FakeKeyForTests0000abcdefghijklmnopqrstuvwxyz0123456789",
        ),
        "",
    );
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout)?;
    assert_eq!(
        json,
        serde_json::json!({"profile": "default", "mode": "live", "kind": "restricted", "last4": "6789", "source": "environment", "business_name": null, "account_id": null})
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
        "rk_live_51FakeKeyForTests0000abcdefghijklmnopqrstuvwxyz0123456789\n",
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

/// `key status` of an environment key: no keychain, no network.
fn key_status(tmp: &std::path::Path, configure: impl FnOnce(&mut std::process::Command)) -> String {
    let mut command = cli(tmp);
    command.args(["key", "status"]).env(
        "STRIPE_API_KEY",
        "rk_live_51FakeKeyForTests0000abcdefghijklmnopqrstuvwxyz0123456789",
    );
    configure(&mut command);
    let output = run(&mut command, "");
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    stdout
}

#[test]
fn the_cli_speaks_english_by_default_and_the_language_asked_for() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let english = "profile:  default\n\
                   mode:     live\n\
                   key kind: restricted\n\
                   ends in:  ...6789\n\
                   from:     the STRIPE_API_KEY environment variable\n";
    assert_eq!(key_status(tmp.path(), |_| {}), english);

    let german = key_status(tmp.path(), |c| {
        c.args(["--lang", "de"]);
    });
    assert!(
        german.contains("Modus:        Live-Modus\n")
            && german.contains("Quelle:       Umgebungsvariable STRIPE_API_KEY\n"),
        "{german}"
    );
    // A locale spelling works too, and the flag wins over the environment.
    let flag = key_status(tmp.path(), |c| {
        c.args(["--lang", "de_DE.UTF-8"])
            .env("LC_ALL", "fr_FR.UTF-8");
    });
    assert_eq!(flag, german);

    let french = key_status(tmp.path(), |c| {
        c.env("LANG", "fr_FR.UTF-8");
    });
    assert!(
        french.contains("la variable d’environnement STRIPE_API_KEY"),
        "{french}"
    );

    // LC_ALL=C means untranslated, whatever LANG says.
    let c_locale = key_status(tmp.path(), |c| {
        c.env("LC_ALL", "C").env("LANG", "de_DE.UTF-8");
    });
    assert_eq!(c_locale, english);
    // A language Portal Desk doesn't speak is English too.
    let portuguese = key_status(tmp.path(), |c| {
        c.env("LANG", "pt_BR.UTF-8");
    });
    assert_eq!(portuguese, english);
    Ok(())
}

#[test]
fn json_output_is_the_same_in_every_language() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    for args in [&["key", "status", "--json"][..], &["customers", "--json"]] {
        let stdout = |lang: Option<&str>| {
            let mut command = cli(tmp.path());
            command.args(args).env(
                "STRIPE_API_KEY",
                "rk_live_51FakeKeyForTests0000abcdefghijklmnopqrstuvwxyz0123456789",
            );
            if let Some(lang) = lang {
                command.args(["--lang", lang]);
            }
            let output = run(&mut command, "");
            assert!(output.status.success(), "{args:?}: {}", text(&output).1);
            output.stdout
        };
        let plain = stdout(None);
        assert!(!plain.is_empty(), "{args:?}");
        assert_eq!(stdout(Some("ja")), plain, "{args:?}");
        assert_eq!(stdout(Some("de")), plain, "{args:?}");
    }
    Ok(())
}

#[test]
fn the_cli_s_own_failures_are_translated_the_core_s_stay_english() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let output = run(
        cli(tmp.path()).args(["--lang", "de", "show", "not-a-customer"]),
        "",
    );
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("Fehler: \"not-a-customer\" ist keine Stripe-Kunden-ID"),
        "{stderr}"
    );

    let output = run(
        cli(tmp.path()).args(["--lang", "de", "--profile", "../x", "key", "status"]),
        "",
    );
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("Fehler: ") && stderr.contains("not a usable profile name"),
        "{stderr}"
    );
    Ok(())
}

#[test]
fn an_unknown_language_is_a_usage_error_naming_the_five() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    for bad in ["pt", "C", "klingon"] {
        let output = run(cli(tmp.path()).args(["--lang", bad, "key", "status"]), "");
        let (_, stderr) = text(&output);
        assert_eq!(output.status.code(), Some(2), "{bad}: {stderr}");
        assert!(
            stderr.contains("use en, de, fr, es or ja"),
            "{bad}: {stderr}"
        );
    }
    Ok(())
}
