//! The Tauri commands on the mock runtime: the real IPC path and the real ACL
//! (the app's generated context, so the capability file is enforced), with an
//! in-memory keychain.

use std::sync::Arc;

use portal_core::{DataDir, Keychain};
use portal_desk::{AppState, run_app};
use portal_ipc::{Command, ErrorCode, ErrorDto, GetKeyStatus, KeyStatus, OpenDashboard, SaveKey};
use serde_json::{Value, json};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

const KEY: &str = "sk_test_51FakeKeyForTests0000abcd";

fn app(data_dir: &std::path::Path) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    app_against(data_dir, None)
}

/// The app talking to `api_base` (a sandbox) instead of Stripe.
fn app_against(
    data_dir: &std::path::Path,
    api_base: Option<&str>,
) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    app_opening(data_dir, api_base, data_dir.join("opened.log"))
}

/// The app talking to `api_base`, recording what it opens in `opener_log`.
fn app_opening(
    data_dir: &std::path::Path,
    api_base: Option<&str>,
    opener_log: std::path::PathBuf,
) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let state = AppState::new(
        DataDir::resolve(Some(data_dir.to_owned())).expect("explicit dir"),
        Arc::new(Keychain::in_memory()),
    )
    .with_profile(
        portal_core::ProfileName::parse("default").expect("valid"),
        api_base.map(|url| portal_core::ApiBase::parse(url).expect("loopback")),
    )
    .with_opener(portal_desk::opener::Opener::recording(opener_log))
    .with_notifier(portal_desk::notifier::Notifier::recording(
        data_dir.join("notified.log"),
    ))
    .with_save_dialog(portal_desk::save_dialog::SaveDialog::into_folder(
        data_dir.join("exports"),
    ));
    let app = run_app(mock_builder(), state)
        .build(tauri::generate_context!(test = true))
        .expect("the app builds on the mock runtime");
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("a mock window");
    (app, webview)
}

/// A command's output, or the test fails with its error.
fn ok<T: serde::de::DeserializeOwned>(result: Result<Value, Value>) -> anyhow::Result<T> {
    let value = result.map_err(|e| anyhow::anyhow!("the command failed: {e}"))?;
    Ok(serde_json::from_value(value)?)
}

fn invoke<C: Command>(webview: &WebviewWindow<MockRuntime>, args: Value) -> Result<Value, Value> {
    let origin = webview.url().expect("the mock webview has a URL");
    invoke_from::<C>(webview, origin, args)
}

fn invoke_from<C: Command>(
    webview: &WebviewWindow<MockRuntime>,
    origin: tauri::Url,
    args: Value,
) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: C::NAME.into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: origin,
        body: tauri::ipc::InvokeBody::Json(json!({ "args": args })),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(webview, request).map(|body| body.deserialize::<Value>().expect("json"))
}

#[test]
fn save_key_verifies_with_stripe_and_returns_mode_and_last4_only() -> anyhow::Result<()> {
    let (_runtime, sandbox) = sandbox();
    let tmp = tempfile::tempdir()?;
    let (_app, webview) = app_against(tmp.path(), Some(sandbox.url()));
    let response = invoke::<SaveKey>(
        &webview,
        json!({"profile": "default", "key": format!("  {KEY} \n")}),
    )
    .map_err(|e| anyhow::anyhow!("save_key failed: {e}"))?;
    assert!(
        !response.to_string().contains("FakeKey"),
        "the key must never come back over IPC: {response}"
    );
    let status: KeyStatus = serde_json::from_value(response)?;
    assert_eq!(
        status.saved_sentence(portal_i18n::Language::En),
        "Key saved for profile default (test mode), ending in ...abcd"
    );
    assert_eq!(
        status.business_name.as_deref(),
        Some("Sandbox Coffee Roasters")
    );

    let again = invoke::<GetKeyStatus>(&webview, json!({"profile": "default"}))
        .map_err(|e| anyhow::anyhow!("key_status failed: {e}"))?;
    let again: Option<KeyStatus> = serde_json::from_value(again)?;
    assert_eq!(again, Some(status), "status reads back what was saved");
    Ok(())
}

#[test]
fn a_bad_key_fails_with_code_and_message() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let (_app, webview) = app(tmp.path());
    for (key, expected) in [
        ("pk_test_51FakeKeyForTests0000abcd", "publishable key"),
        ("", "Enter your Stripe secret key"),
        ("sk_test_51Fake KeyForTests", "spaces"),
    ] {
        let error = invoke::<SaveKey>(&webview, json!({"profile": "default", "key": key}))
            .expect_err("a bad key must be refused");
        let error: ErrorDto = serde_json::from_value(error)?;
        assert_eq!(error.code, ErrorCode::InvalidKey, "{key:?}");
        assert!(
            error.message.contains(expected),
            "{key:?}: {}",
            error.message
        );
    }
    let status = invoke::<GetKeyStatus>(&webview, json!({"profile": "default"}));
    assert_eq!(status, Ok(Value::Null), "nothing was saved");
    Ok(())
}

#[test]
fn a_bad_profile_name_is_its_own_error() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let (_app, webview) = app(tmp.path());
    let error = invoke::<GetKeyStatus>(&webview, json!({"profile": "no spaces please"}))
        .expect_err("refused");
    let error: ErrorDto = serde_json::from_value(error)?;
    assert_eq!(error.code, ErrorCode::InvalidProfile);
    Ok(())
}

#[test]
fn a_foreign_origin_is_refused_by_the_capability() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let (_app, webview) = app(tmp.path());
    let error = invoke_from::<GetKeyStatus>(
        &webview,
        "https://evil.example/".parse()?,
        json!({"profile": "default"}),
    )
    .expect_err("only the app's own pages may call commands");
    assert!(error.to_string().contains("not allowed"), "{error}");
    Ok(())
}

/// A raw IPC request from the main window, for commands outside the contract.
fn invoke_raw(
    webview: &WebviewWindow<MockRuntime>,
    cmd: &str,
    body: Value,
) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: webview.url().expect("the mock webview has a URL"),
        body: tauri::ipc::InvokeBody::Json(body),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(webview, request).map(|body| body.deserialize::<Value>().expect("json"))
}

#[test]
fn the_webview_cannot_open_urls_itself() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let log = tmp.path().join("opened.log");
    let (_app, webview) = app_opening(tmp.path(), None, log.clone());
    for url in [
        "https://attacker.example/?.stripe.com/x",
        "https://billing.stripe.com/p/session/x",
        "mailto:someone@example.com",
    ] {
        for cmd in [
            "plugin:opener|open_url",
            "plugin:opener|open_path",
            "plugin:shell|open",
        ] {
            let refused = invoke_raw(&webview, cmd, json!({"url": url, "path": url}));
            assert!(refused.is_err(), "{cmd} {url} must be refused: {refused:?}");
        }
    }
    assert!(!log.exists(), "nothing was opened");

    // The two Dashboard pages, named by an enum; Rust builds and opens the link.
    let _: () = ok(invoke::<OpenDashboard>(
        &webview,
        json!({"page": "api_keys"}),
    ))?;
    let _: () = ok(invoke::<OpenDashboard>(
        &webview,
        json!({"page": "portal_settings", "mode": "test"}),
    ))?;
    assert_eq!(
        std::fs::read_to_string(&log)?,
        "https://dashboard.stripe.com/apikeys\nhttps://dashboard.stripe.com/test/settings/billing/portal\n"
    );
    let refused = invoke::<OpenDashboard>(&webview, json!({"page": "https://evil.example/"}));
    assert!(refused.is_err(), "only the named pages: {refused:?}");
    Ok(())
}

#[test]
fn app_info_names_the_profile_and_the_sandbox() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let state = AppState::new(
        DataDir::resolve(Some(tmp.path().to_owned()))?,
        Arc::new(Keychain::in_memory()),
    )
    .with_profile(
        portal_core::ProfileName::parse("demo")?,
        Some(portal_core::ApiBase::parse("http://127.0.0.1:12111/")?),
    );
    let app = run_app(mock_builder(), state).build(tauri::generate_context!(test = true))?;
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default()).build()?;

    let info = invoke::<portal_ipc::GetAppInfo>(&webview, Value::Null)
        .map_err(|e| anyhow::anyhow!("app_info failed: {e}"))?;
    // No language chosen yet: the OS's (English when Portal Desk doesn't speak it).
    let os = portal_desk::language::os_language().unwrap_or_default();
    assert_eq!(
        info,
        json!({"profile": "demo", "sandbox": "http://127.0.0.1:12111",
               "language": os.tag(), "language_choice": null})
    );
    // A choice in Settings is kept for the installation, until it follows the OS again.
    let chosen = invoke::<portal_ipc::SetLanguage>(&webview, json!({"language": "fr"}))
        .map_err(|e| anyhow::anyhow!("set_language failed: {e}"))?;
    assert_eq!(
        (&chosen["language"], &chosen["language_choice"]),
        (&json!("fr"), &json!("fr"))
    );
    let again = invoke::<portal_ipc::GetAppInfo>(&webview, Value::Null)
        .map_err(|e| anyhow::anyhow!("app_info failed: {e}"))?;
    assert_eq!(again["language"], json!("fr"));
    let registry = std::fs::read_to_string(tmp.path().join("profiles.json"))?;
    assert!(registry.contains("\"language\": \"fr\""), "{registry}");
    let system = invoke::<portal_ipc::SetLanguage>(&webview, json!({"language": null}))
        .map_err(|e| anyhow::anyhow!("set_language failed: {e}"))?;
    assert_eq!(
        (&system["language"], &system["language_choice"]),
        (&json!(os.tag()), &Value::Null)
    );

    let error = invoke::<SaveKey>(
        &webview,
        json!({"profile": "demo", "key": "sk_live_FAKE_test_only_0000_abcd"}),
    )
    .expect_err("a live key never goes to a sandbox");
    let error: ErrorDto = serde_json::from_value(error)?;
    assert_eq!(error.code, ErrorCode::InvalidKey);
    assert!(error.message.contains("live-mode key"), "{}", error.message);
    Ok(())
}

/// A sandbox that knows [`KEY`], served by its own runtime.
fn sandbox() -> (tokio::runtime::Runtime, stripe_sandbox::Sandbox) {
    crate::support::start_sandbox(stripe_sandbox::Config {
        keys: vec![stripe_sandbox::KeySpec::full(KEY)],
        ..Default::default()
    })
}

#[test]
fn offline_is_its_own_code_and_the_key_can_be_stored_unchecked() -> anyhow::Result<()> {
    let (runtime, sandbox) = sandbox();
    let url = sandbox.url().to_owned();
    sandbox.stop();
    drop(sandbox);
    drop(runtime);
    let tmp = tempfile::tempdir()?;
    let (_app, webview) = app_against(tmp.path(), Some(&url));

    let error = invoke::<SaveKey>(&webview, json!({"profile": "default", "key": KEY}))
        .expect_err("Stripe can't be reached");
    let error: ErrorDto = serde_json::from_value(error)?;
    assert_eq!(error.code, ErrorCode::Offline, "{}", error.message);
    assert!(
        error.message.starts_with("Couldn't reach Stripe"),
        "{}",
        error.message
    );
    assert_eq!(
        invoke::<GetKeyStatus>(&webview, json!({"profile": "default"})),
        Ok(Value::Null)
    );

    let saved = invoke::<SaveKey>(
        &webview,
        json!({"profile": "default", "key": KEY, "verify": false}),
    )
    .map_err(|e| anyhow::anyhow!("unchecked save failed: {e}"))?;
    let saved: KeyStatus = serde_json::from_value(saved)?;
    assert_eq!(saved.business_name, None, "nothing was learned from Stripe");
    Ok(())
}

#[test]
fn a_key_stripe_rejects_is_an_invalid_key() -> anyhow::Result<()> {
    let (_runtime, sandbox) = sandbox();
    let tmp = tempfile::tempdir()?;
    let (_app, webview) = app_against(tmp.path(), Some(sandbox.url()));
    let error = invoke::<SaveKey>(
        &webview,
        json!({"profile": "default", "key": "sk_test_51SomeOtherKey00000000zzzz"}),
    )
    .expect_err("unknown to Stripe");
    let error: ErrorDto = serde_json::from_value(error)?;
    assert_eq!(error.code, ErrorCode::InvalidKey);
    assert!(
        error.message.starts_with("Stripe rejected this key"),
        "{}",
        error.message
    );
    Ok(())
}

mod portal_actions {
    use super::*;
    use crate::support::active_customer;
    use portal_ipc::{
        CreateRecommendedConfiguration, OpenPortal, PreviewEmail, RefreshAfterPortal, SendEmail,
        SyncNow, SyncStatus,
    };

    fn code(error: Value) -> ErrorCode {
        serde_json::from_value::<ErrorDto>(error)
            .expect("an ErrorDto")
            .code
    }

    /// The key saved, `customer` cached (a first sync) and the recommended
    /// configuration created: what the window has once its portal opens.
    fn ready_to_open_portals(
        webview: &WebviewWindow<MockRuntime>,
        customer: &str,
    ) -> anyhow::Result<()> {
        invoke::<SaveKey>(webview, json!({"profile": "default", "key": KEY}))
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        invoke::<RefreshAfterPortal>(webview, json!({"profile": "default", "customer": customer}))
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let _: String = ok(invoke::<CreateRecommendedConfiguration>(
            webview,
            json!({"profile": "default"}),
        ))?;
        Ok(())
    }

    #[test]
    fn a_click_during_a_full_sync_goes_before_the_syncs_queued_requests() -> anyhow::Result<()> {
        use tauri::Manager;
        let (_runtime, sandbox) = sandbox();
        let tmp = tempfile::tempdir()?;
        let (app, webview) = app_against(tmp.path(), Some(sandbox.url()));
        let customer = active_customer(&sandbox);
        ready_to_open_portals(&webview, &customer)?;
        // A slow sync budget (a slot a second), so the sync's requests wait in
        // its queue: a click behind them would come three or more requests late.
        let name = portal_core::ProfileName::parse("default")?;
        app.state::<AppState>()
            .profiles
            .update_settings(&name, |s| s.requests_per_second = Some(1.0))?;

        let sent = || sandbox.requests().len();
        std::thread::scope(|scope| -> anyhow::Result<()> {
            let started = sent();
            let sync = scope
                .spawn(|| invoke::<SyncNow>(&webview, json!({"profile": "default", "full": true})));
            while sent() < started + 3 {
                anyhow::ensure!(!sync.is_finished(), "the sync ended before the click");
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            let before_click = sent();
            let _: Value = ok(invoke::<OpenPortal>(
                &webview,
                json!({"profile": "default", "customer": customer, "open": false}),
            ))?;
            let log = sandbox.requests();
            let session = log
                .iter()
                .rposition(|r| r["path"] == "/v1/billing_portal/sessions")
                .expect("the click's request");
            let sync_first = session - before_click;
            assert!(
                sync_first <= 1,
                "the click waited behind {sync_first} of the sync's requests"
            );
            let synced: SyncStatus = ok(sync.join().expect("the sync thread"))?;
            assert!(synced.last_error.is_none(), "{synced:?}");
            assert!(
                log.len() > session + 1 || sent() > session + 1,
                "the sync was still running when the click went"
            );
            Ok(())
        })
    }

    #[test]
    fn a_click_after_the_first_does_not_read_the_key_again() -> anyhow::Result<()> {
        use tauri::Manager;
        let (_runtime, sandbox) = sandbox();
        let tmp = tempfile::tempdir()?;
        let (app, webview) = app_against(tmp.path(), Some(sandbox.url()));
        let customer = active_customer(&sandbox);
        ready_to_open_portals(&webview, &customer)?;
        let open = json!({"profile": "default", "customer": customer, "open": false});
        let _: Value = ok(invoke::<OpenPortal>(&webview, open.clone()))?;

        // Taken out of the keychain behind the window's back: the next click
        // still works, so it did not take the key out of the keychain again.
        let name = portal_core::ProfileName::parse("default")?;
        assert!(app.state::<AppState>().profiles.keychain().forget(&name)?);
        let _: Value = ok(invoke::<OpenPortal>(&webview, open))?;
        Ok(())
    }

    #[test]
    fn the_portal_from_the_window_not_configured_then_recovered() -> anyhow::Result<()> {
        let (_runtime, sandbox) = sandbox();
        let tmp = tempfile::tempdir()?;
        let (_app, webview) = app_against(tmp.path(), Some(sandbox.url()));
        let customer = active_customer(&sandbox);
        let open = json!({"profile": "default", "customer": customer, "open": false});

        let error = invoke::<OpenPortal>(&webview, open.clone()).expect_err("no key yet");
        assert_eq!(code(error), ErrorCode::NoKey);
        invoke::<SaveKey>(&webview, json!({"profile": "default", "key": KEY}))
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        // The first visit syncs the cache (deep links read the subscription from it).
        invoke::<RefreshAfterPortal>(
            &webview,
            json!({"profile": "default", "customer": customer}),
        )
        .map_err(|e| anyhow::anyhow!("{e}"))?;

        let error = invoke::<OpenPortal>(&webview, open.clone()).expect_err("not set up");
        let error: ErrorDto = serde_json::from_value(error)?;
        assert_eq!(error.code, ErrorCode::NotConfigured);
        assert!(
            error
                .message
                .contains("dashboard.stripe.com/test/settings/billing/portal")
        );

        let first =
            invoke::<CreateRecommendedConfiguration>(&webview, json!({"profile": "default"}))
                .map_err(|e| anyhow::anyhow!("{e}"))?;
        let again =
            invoke::<CreateRecommendedConfiguration>(&webview, json!({"profile": "default"}))
                .map_err(|e| anyhow::anyhow!("{e}"))?;
        assert_eq!(first, again, "one configuration, reused");
        assert_eq!(
            sandbox.truth()["portal_configurations"]
                .as_array()
                .map(Vec::len),
            Some(1)
        );

        let link = invoke::<OpenPortal>(
            &webview,
            json!({"profile": "default", "customer": customer, "open": false,
                   "flow": {"type": "subscription_cancel"}, "after_completion": {"type": "portal_homepage"}}),
        )
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        assert!(
            link["url"]
                .as_str()
                .is_some_and(|u| u.starts_with(sandbox.url())),
            "{link}"
        );
        assert_eq!(link["opened"], false);
        let sent = sandbox
            .requests()
            .into_iter()
            .rev()
            .find(|r| r["path"] == "/v1/billing_portal/sessions")
            .expect("a session");
        assert_eq!(sent["params"]["configuration"], first);
        assert_eq!(sent["params"]["flow_data"]["type"], "subscription_cancel");

        for (args, expected) in [
            (
                json!({"profile": "default", "customer": "nope", "open": false}),
                ErrorCode::InvalidInput,
            ),
            (
                json!({"profile": "default", "customer": "cus_Unknown00000", "open": false}),
                ErrorCode::NotFound,
            ),
            (
                json!({"profile": "default", "customer": customer, "open": false, "return_url": "http://example.com"}),
                ErrorCode::InvalidInput,
            ),
        ] {
            let error = invoke::<OpenPortal>(&webview, args.clone()).expect_err("refused");
            assert_eq!(code(error), expected, "{args}");
        }
        Ok(())
    }

    #[test]
    fn email_preview_send_and_the_refresh_after_a_visit() -> anyhow::Result<()> {
        let (runtime, sandbox) = sandbox();
        sandbox
            .control("portal/default", json!({}))
            .map_err(anyhow::Error::msg)?;
        let smtp = runtime.block_on(stripe_sandbox::smtp::SmtpServer::start());
        let tmp = tempfile::tempdir()?;
        let (_app, webview) = app_against(tmp.path(), Some(sandbox.url()));
        invoke::<SaveKey>(&webview, json!({"profile": "default", "key": KEY}))
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let customer = active_customer(&sandbox);
        let args = json!({"profile": "default", "customer": customer});
        invoke::<RefreshAfterPortal>(&webview, args.clone()).map_err(|e| anyhow::anyhow!("{e}"))?;

        let email = json!({"profile": "default", "customer": customer, "link": "login"});
        let error = invoke::<PreviewEmail>(&webview, email.clone()).expect_err("asks first");
        assert_eq!(code(error), ErrorCode::LoginPageOff);
        let consented = json!({"profile": "default", "customer": customer, "link": "login", "enable_login_page": true});
        let draft = invoke::<PreviewEmail>(&webview, consented.clone())
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        assert!(
            draft["link"]
                .as_str()
                .is_some_and(|l| l.contains("/_login/")),
            "{draft}"
        );

        // With SMTP set up for the profile, the email leaves through it.
        let profiles = portal_core::Profiles::new(
            DataDir::resolve(Some(tmp.path().to_owned()))?,
            Arc::new(Keychain::in_memory()),
        );
        profiles.update_settings(&portal_core::ProfileName::parse("default")?, |s| {
            s.smtp = Some(portal_core::mail::SmtpSettings {
                host: "127.0.0.1".into(),
                port: smtp.port,
                tls: portal_core::mail::TlsMode::None,
                username: None,
                from: "billing@coffee.example".into(),
            })
        })?;
        let delivery =
            invoke::<SendEmail>(&webview, consented).map_err(|e| anyhow::anyhow!("{e}"))?;
        assert_eq!(delivery, json!({"via": "smtp"}));
        assert_eq!(smtp.messages().len(), 1);
        assert!(
            smtp.messages()[0]
                .data
                .contains(draft["link"].as_str().unwrap_or("?"))
        );

        // The customer changes plan in the portal; coming back shows it.
        sandbox
            .control(
                "simulate",
                json!({"action": "cancel_at_period_end", "customer": customer}),
            )
            .map_err(anyhow::Error::msg)?;
        let activity =
            invoke::<RefreshAfterPortal>(&webview, args).map_err(|e| anyhow::anyhow!("{e}"))?;
        let newest = activity[0]["message"].as_str().unwrap_or_default();
        assert!(newest.contains("at period end"), "{activity}");
        Ok(())
    }
}

mod notifications {
    use super::*;
    use portal_ipc::{SyncNow, SyncStatus};

    fn notified(dir: &std::path::Path) -> Vec<String> {
        std::fs::read_to_string(dir.join("notified.log"))
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn only_a_background_sync_that_finds_portal_changes_notifies() -> anyhow::Result<()> {
        let (_runtime, sandbox) = sandbox();
        let tmp = tempfile::tempdir()?;
        let (_app, webview) = app_against(tmp.path(), Some(sandbox.url()));
        invoke::<SaveKey>(&webview, json!({"profile": "default", "key": KEY}))
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let sync = |full: bool, background: bool| -> anyhow::Result<SyncStatus> {
            let status = invoke::<SyncNow>(
                &webview,
                json!({"profile": "default", "full": full, "background": background}),
            )
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            Ok(serde_json::from_value(status)?)
        };
        sync(true, false)?;
        sync(false, true)?;
        assert!(
            notified(tmp.path()).is_empty(),
            "nothing changed, nothing said"
        );

        let customer = sandbox.truth()["subscriptions"]
            .as_array()
            .and_then(|subs| subs.iter().find(|s| s["status"] == "active"))
            .and_then(|s| s["customer"].as_str())
            .expect("an active subscriber")
            .to_owned();
        let simulate = |customer: &str| {
            sandbox.control(
                "simulate",
                json!({"action": "cancel_at_period_end", "customer": customer}),
            )
        };
        simulate(&customer).map_err(anyhow::Error::msg)?;
        let status = sync(false, true)?;
        assert_eq!(status.changes, 1, "{status:?}");
        let lines = notified(tmp.path());
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(
            lines[0].starts_with("A customer changed their billing\t")
                && lines[0].contains("at period end"),
            "{lines:?}"
        );

        // A sync the user asked for shows its changes in the window instead.
        sandbox
            .control(
                "simulate",
                json!({"action": "update_email", "customer": customer, "email": "new@coffee.example"}),
            )
            .map_err(anyhow::Error::msg)?;
        let status = sync(false, false)?;
        assert!(status.changes > 0, "{status:?}");
        assert_eq!(notified(tmp.path()).len(), 1);
        Ok(())
    }
}

mod settings {
    use super::*;
    use portal_ipc::{
        ClearCache, ExportCsv, ExportDone, ForgetKey, GetSettings, GetSyncStatus, SaveSettings,
        SettingsView, SyncNow, SyncStatus,
    };

    #[test]
    fn exports_are_written_where_the_dialog_says() -> anyhow::Result<()> {
        let (_runtime, sandbox) = sandbox();
        let tmp = tempfile::tempdir()?;
        let (_app, webview) = app_against(tmp.path(), Some(sandbox.url()));
        invoke::<SaveKey>(&webview, json!({"profile": "default", "key": KEY}))
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let _: SyncStatus = ok(invoke::<SyncNow>(
            &webview,
            json!({"profile": "default", "full": true}),
        ))?;
        let customers = sandbox.truth()["customers"].as_array().map_or(0, Vec::len);

        // The folder the dialog answers with doesn't exist yet: a clear refusal.
        let args = json!({"profile": "default", "kind": "customers"});
        let error: ErrorDto = serde_json::from_value(
            invoke::<ExportCsv>(&webview, args.clone()).expect_err("no folder"),
        )?;
        assert!(
            error.message.contains("could not write") && error.message.contains("customers"),
            "{}",
            error.message
        );

        std::fs::create_dir(tmp.path().join("exports"))?;
        let done: Option<ExportDone> = ok(invoke::<ExportCsv>(&webview, args))?;
        let done = done.expect("the dialog answered");
        assert_eq!(done.rows as usize, customers);
        let name = std::path::Path::new(&done.path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        assert!(
            name.starts_with("portal-desk-customers-") && name.ends_with(".csv"),
            "{name}"
        );
        let text = std::fs::read_to_string(&done.path)?;
        assert_eq!(
            text.lines().count(),
            customers + 1,
            "a header and a row each"
        );

        let invoices: Option<ExportDone> = ok(invoke::<ExportCsv>(
            &webview,
            json!({"profile": "default", "kind": "invoices"}),
        ))?;
        assert!(invoices.is_some_and(|d| d.rows > 0 && d.path.contains("invoices")));
        assert!(
            invoke::<ExportCsv>(&webview, json!({"profile": "default", "kind": "orders"})).is_err(),
            "an unknown kind is refused"
        );
        Ok(())
    }

    #[test]
    fn settings_are_checked_saved_and_the_cache_cleared() -> anyhow::Result<()> {
        let (_runtime, sandbox) = sandbox();
        let tmp = tempfile::tempdir()?;
        let (_app, webview) = app_against(tmp.path(), Some(sandbox.url()));
        invoke::<SaveKey>(&webview, json!({"profile": "default", "key": KEY}))
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let profile = json!({"profile": "default"});
        let before: SettingsView = ok(invoke::<GetSettings>(&webview, profile.clone()))?;
        assert_eq!(before.sync_interval_minutes, 15);
        assert_eq!(before.profiles, ["default"]);

        let smtp = json!({"host": "127.0.0.1", "port": 2525, "tls": "none",
                          "username": "me", "from": "Coffee <billing@coffee.example>"});
        for (args, needle) in [
            (
                json!({"profile": "default", "sync_interval_minutes": 15, "return_url": "http://example.com"}),
                "return URL",
            ),
            (
                json!({"profile": "default", "sync_interval_minutes": 5000}),
                "sync interval",
            ),
            (
                json!({"profile": "default", "sync_interval_minutes": 15, "requests_per_second": 0}),
                "sync speed",
            ),
            (
                json!({"profile": "default", "sync_interval_minutes": 15, "requests_per_second": 5000}),
                "sync speed",
            ),
            (
                json!({"profile": "default", "sync_interval_minutes": 15,
                       "smtp": {"host": "smtp.example", "port": 25, "tls": "none", "from": "nobody"}}),
                "sender",
            ),
            (
                json!({"profile": "default", "sync_interval_minutes": 15, "business_name": "x".repeat(101)}),
                "business name",
            ),
            (
                json!({"profile": "default", "sync_interval_minutes": 15, "business_name": "Acme\nBcc: x@evil.example"}),
                "business name",
            ),
        ] {
            let error: ErrorDto = serde_json::from_value(
                invoke::<SaveSettings>(&webview, args.clone()).expect_err("refused"),
            )?;
            assert_eq!(error.code, ErrorCode::InvalidInput, "{args}");
            assert!(error.message.contains(needle), "{args}: {}", error.message);
        }
        let unchanged: SettingsView = ok(invoke::<GetSettings>(&webview, profile.clone()))?;
        assert_eq!(unchanged, before, "a refused save changes nothing");

        let saved = invoke::<SaveSettings>(
            &webview,
            json!({"profile": "default", "sync_interval_minutes": 5, "requests_per_second": 80,
                   "return_url": format!("{}/account", sandbox.url()),
                   "business_name": "  Acme Bakery ",
                   "smtp": smtp, "smtp_password": "canary-smtp-pw"}),
        )
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        assert!(
            !saved.to_string().contains("canary-smtp-pw"),
            "the password never comes back"
        );
        let saved: SettingsView = serde_json::from_value(saved)?;
        assert_eq!(saved.sync_interval_minutes, 5);
        assert_eq!(saved.business_name.as_deref(), Some("Acme Bakery"));
        assert!(
            saved.account_business_name.is_some(),
            "the account's own name stays known beside it"
        );
        assert_eq!(
            saved.requests_per_second,
            Some(80),
            "an account with raised limits"
        );
        assert!(saved.smtp_password_saved);
        assert!(!saved.smtp_password_removed);
        assert_eq!(saved.smtp.map(|s| s.port), Some(2525));

        // A fixed host (a typo, or a stranger's server) without a new
        // password: the old password must not go there.
        let moved = json!({"host": "smtp.elsewhere.example", "port": 2525, "tls": "starttls",
                           "username": "me", "from": "Coffee <billing@coffee.example>"});
        let saved: SettingsView = ok(invoke::<SaveSettings>(
            &webview,
            json!({"profile": "default", "sync_interval_minutes": 5, "smtp": moved}),
        ))?;
        assert!(
            saved.smtp_password_removed,
            "the window is told to ask for it"
        );
        assert!(!saved.smtp_password_saved, "the old password is gone");
        assert_eq!(
            saved.smtp.as_ref().map(|s| s.host.as_str()),
            Some("smtp.elsewhere.example")
        );
        let reread: SettingsView = ok(invoke::<GetSettings>(&webview, profile.clone()))?;
        assert!(!reread.smtp_password_saved && !reread.smtp_password_removed);

        let _: SyncStatus = ok(invoke::<SyncNow>(
            &webview,
            json!({"profile": "default", "full": true}),
        ))?;
        let synced: SettingsView = ok(invoke::<GetSettings>(&webview, profile.clone()))?;
        assert!(synced.cache_bytes > 0);
        let cleared: SettingsView = ok(invoke::<ClearCache>(&webview, profile.clone()))?;
        assert_eq!((cleared.cache_bytes, cleared.invoice_bytes), (0, 0));
        assert_eq!(cleared.sync_interval_minutes, 5, "settings stay");
        let status: SyncStatus = ok(invoke::<GetSyncStatus>(&webview, profile.clone()))?;
        assert_eq!(status.last_synced, None, "the next sync reads everything");

        invoke::<ForgetKey>(&webview, profile.clone()).map_err(|e| anyhow::anyhow!("{e}"))?;
        let key = invoke::<GetKeyStatus>(&webview, profile).map_err(|e| anyhow::anyhow!("{e}"))?;
        assert_eq!(key, Value::Null);
        Ok(())
    }
}

mod configurations {
    use super::*;
    use portal_ipc::{
        ConfigurationDetail, GetConfiguration, ListConfigurations, ProductOption,
        SaveConfiguration, SwitchableProducts, SyncNow,
    };

    #[test]
    fn create_read_edit_and_refuse_a_configuration() -> anyhow::Result<()> {
        let (_runtime, sandbox) = sandbox();
        let tmp = tempfile::tempdir()?;
        let (_app, webview) = app_against(tmp.path(), Some(sandbox.url()));
        invoke::<SaveKey>(&webview, json!({"profile": "default", "key": KEY}))
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let _: Value = ok(invoke::<SyncNow>(
            &webview,
            json!({"profile": "default", "full": true}),
        ))?;
        let profile = json!({"profile": "default"});
        let products: Vec<ProductOption> =
            ok(invoke::<SwitchableProducts>(&webview, profile.clone()))?;
        assert!(!products.is_empty(), "the sandbox sells recurring plans");

        let id: String = ok(invoke::<SaveConfiguration>(
            &webview,
            json!({"profile": "default", "use_it": true, "fields": {
                "headline": "Acme billing", "invoice_history": true,
                "payment_method_update": true,
                "cancel_mode": "at_period_end", "plan_switching": true,
                "plan_products": [products[0].id]}}),
        ))?;
        let detail: ConfigurationDetail = ok(invoke::<GetConfiguration>(
            &webview,
            json!({"profile": "default", "id": id}),
        ))?;
        assert!(detail.in_use, "saved with use_it");
        assert_eq!(detail.fields.headline.as_deref(), Some("Acme billing"));
        assert_eq!(detail.fields.cancel_mode.as_deref(), Some("at_period_end"));
        assert_eq!(detail.fields.plan_switching, Some(true));
        assert_eq!(
            detail.fields.plan_products,
            Some(vec![products[0].id.clone()])
        );

        // The editor sends every field back; only the changed one differs.
        let mut fields = detail.fields.clone();
        fields.headline = Some("Acme · billing".into());
        let again: String = ok(invoke::<SaveConfiguration>(
            &webview,
            json!({"profile": "default", "id": id, "fields": fields}),
        ))?;
        assert_eq!(again, id);
        let edited: ConfigurationDetail = ok(invoke::<GetConfiguration>(
            &webview,
            json!({"profile": "default", "id": id}),
        ))?;
        assert_eq!(edited.fields.headline.as_deref(), Some("Acme · billing"));
        assert_eq!(edited.fields.plan_products, fields.plan_products);
        let listed: Vec<Value> = ok(invoke::<ListConfigurations>(&webview, profile))?;
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0]["headline"], "Acme · billing");

        for (args, needle) in [
            (
                json!({"profile": "default", "id": id, "fields": {"headline": "x".repeat(61)}}),
                "headline",
            ),
            (
                json!({"profile": "default", "id": id, "fields": {"privacy_policy_url": "http://acme.test"}}),
                "privacy policy",
            ),
            (
                json!({"profile": "default", "id": "bpc_Missing000", "fields": {"headline": "x"}}),
                "No such",
            ),
        ] {
            let error: ErrorDto = serde_json::from_value(
                invoke::<SaveConfiguration>(&webview, args.clone()).expect_err("refused"),
            )?;
            assert_eq!(error.code, ErrorCode::InvalidInput, "{args}");
            assert!(error.message.contains(needle), "{args}: {}", error.message);
        }
        let error: ErrorDto = serde_json::from_value(
            invoke::<GetConfiguration>(
                &webview,
                json!({"profile": "default", "id": "bpc_Missing000"}),
            )
            .expect_err("unknown"),
        )?;
        assert!(
            error.message.contains("no portal configuration"),
            "{}",
            error.message
        );
        Ok(())
    }
}

mod browsing {
    use super::*;
    use portal_ipc::{
        ActivityFeed, CountCustomers, CustomerDetail, CustomerPage, GetCustomer, GetSyncStatus,
        ListCustomers, OpenInvoice, StatusCounts, SyncNow, SyncStatus,
    };

    #[test]
    fn sync_list_detail_and_invoice_pdf_then_offline() -> anyhow::Result<()> {
        let (_runtime, sandbox) = sandbox();
        let tmp = tempfile::tempdir()?;
        let opened_log = tmp.path().join("opened.log");
        let (_app, webview) = app_opening(tmp.path(), Some(sandbox.url()), opened_log.clone());
        invoke::<SaveKey>(&webview, json!({"profile": "default", "key": KEY}))
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let profile = json!({"profile": "default"});

        let synced: SyncStatus = ok(invoke::<SyncNow>(
            &webview,
            json!({"profile": "default", "full": true}),
        ))?;
        assert!(
            synced.running.is_none() && synced.last_error.is_none(),
            "{synced:?}"
        );
        assert!(synced.last_synced.is_some());

        let truth = sandbox.truth();
        let customers = truth["customers"].as_array().expect("customers");
        let counts: StatusCounts = ok(invoke::<CountCustomers>(&webview, profile.clone()))?;
        assert_eq!(counts.all, customers.len() as u64);
        // Other Stripe statuses (unpaid, incomplete, …) count in "all" only.
        let chips: u64 = counts.by_status.iter().map(|(_, n)| n).sum();
        assert!(chips <= counts.all && chips > 0, "{counts:?}");

        let wanted = customers
            .iter()
            .find(|c| c["name"].is_string() && c["email"].is_string())
            .expect("a named customer");
        let name = wanted["name"].as_str().expect("name");
        let page: CustomerPage = ok(invoke::<ListCustomers>(
            &webview,
            json!({"profile": "default", "text": name, "limit": 50}),
        ))?;
        assert!(
            page.rows.iter().any(|r| wanted["id"] == r.id.as_str()),
            "searching {name:?} finds it: {page:?}"
        );
        let window: CustomerPage = ok(invoke::<ListCustomers>(
            &webview,
            json!({"profile": "default", "offset": 5, "limit": 3, "sort": "created"}),
        ))?;
        assert_eq!((window.offset, window.rows.len()), (5, 3));

        let id = wanted["id"].as_str().expect("id");
        let detail: Option<CustomerDetail> = ok(invoke::<GetCustomer>(
            &webview,
            json!({"profile": "default", "customer": id}),
        ))?;
        let detail = detail.expect("cached");
        assert_eq!(detail.email.as_deref(), wanted["email"].as_str());
        let invoices_of = |c: &str| {
            truth["invoices"]
                .as_array()
                .expect("invoices")
                .iter()
                .filter(|i| i["customer"] == c)
                .count()
        };
        assert_eq!(detail.invoices.len(), invoices_of(id).min(5));
        let invoice = detail.invoices.first().expect("an invoice").clone();
        assert!(invoice.has_pdf && !invoice.pdf_saved);

        invoke::<OpenInvoice>(
            &webview,
            json!({"profile": "default", "invoice": invoice.id, "document": "pdf"}),
        )
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        let opened = std::fs::read_to_string(&opened_log)?;
        let pdf = opened
            .lines()
            .last()
            .expect("the PDF was opened")
            .to_owned();
        assert!(pdf.ends_with(&format!("{}.pdf", invoice.id)), "{pdf}");
        assert!(std::fs::read(&pdf)?.starts_with(b"%PDF"));

        sandbox.stop();
        std::fs::remove_file(&opened_log)?;
        invoke::<OpenInvoice>(
            &webview,
            json!({"profile": "default", "invoice": invoice.id, "document": "pdf"}),
        )
        .map_err(|e| anyhow::anyhow!("a saved PDF opens offline: {e}"))?;
        assert_eq!(std::fs::read_to_string(&opened_log)?.trim(), pdf);
        let error = invoke::<OpenInvoice>(
            &webview,
            json!({"profile": "default", "invoice": detail.invoices[1].id, "document": "pdf"}),
        )
        .expect_err("an unsaved PDF needs the network");
        assert_eq!(
            serde_json::from_value::<ErrorDto>(error)?.code,
            ErrorCode::Offline
        );

        let error = invoke::<OpenInvoice>(
            &webview,
            json!({"profile": "default", "invoice": "in_NotCached0000", "document": "pdf"}),
        )
        .expect_err("not in the cache");
        assert_eq!(
            serde_json::from_value::<ErrorDto>(error)?.code,
            ErrorCode::NotFound
        );

        let error =
            invoke::<SyncNow>(&webview, json!({"profile": "default"})).expect_err("offline");
        assert_eq!(
            serde_json::from_value::<ErrorDto>(error)?.code,
            ErrorCode::Offline
        );
        let status: SyncStatus = ok(invoke::<GetSyncStatus>(&webview, profile.clone()))?;
        assert!(status.offline && status.running.is_none(), "{status:?}");
        assert_eq!(
            status.last_synced, synced.last_synced,
            "the last success stays"
        );

        let detail: Option<CustomerDetail> = ok(invoke::<GetCustomer>(
            &webview,
            json!({"profile": "default", "customer": id}),
        ))?;
        assert!(
            detail.is_some_and(|d| d.invoices[0].pdf_saved),
            "offline, from the cache"
        );
        let feed: Vec<portal_ipc::ActivityEntry> = ok(invoke::<ActivityFeed>(&webview, profile))?;
        assert!(feed.is_empty(), "no portal changes yet: {feed:?}");
        Ok(())
    }
}
