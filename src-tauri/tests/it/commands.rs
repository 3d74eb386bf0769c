//! The Tauri commands on the mock runtime: the real IPC path and the real ACL
//! (the app's generated context, so the capability file is enforced), with an
//! in-memory keychain.

use std::sync::Arc;

use portal_core::{DataDir, Keychain};
use portal_desk::{AppState, run_app};
use portal_ipc::{
    AppInfo, Command, DashboardPage, ErrorCode, ErrorDto, GetAppInfo, GetKeyStatus, KeyStatus,
    Language, Mode, OpenDashboard, ProfileArgs, SaveKey, SaveKeyArgs, SetLanguage, SetLanguageArgs,
    SyncArgs,
};
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

/// What the window's `ipc.rs` does: the typed arguments in, the typed output
/// or the [`ErrorDto`] out. A rejection that isn't an `ErrorDto` (Tauri's own,
/// as a string) and an output that doesn't decode are [`ErrorCode::Bridge`]
/// errors, as the window sees them.
fn invoke<C: Command>(
    webview: &WebviewWindow<MockRuntime>,
    args: &C::Args,
) -> Result<C::Output, ErrorDto> {
    let args = serde_json::to_value(args).expect("the contract's arguments serialize");
    let bridge = |detail: String| ErrorDto::new(ErrorCode::Bridge, detail);
    match invoke_json::<C>(webview, args) {
        Ok(output) => serde_json::from_value(output).map_err(|e| bridge(e.to_string())),
        Err(error) => {
            Err(serde_json::from_value(error.clone()).unwrap_or_else(|_| bridge(error.to_string())))
        }
    }
}

/// A command called with raw JSON, and its raw answer. Only for what the UI's
/// types could never send (an unknown enum value, a URL where a page name is
/// expected, a foreign origin): the IPC edge must refuse those too. And for
/// reading the answer as it crosses the bridge, where a test checks that a
/// secret never comes back (a typed output would drop a field it doesn't know).
fn invoke_json<C: Command>(
    webview: &WebviewWindow<MockRuntime>,
    args: Value,
) -> Result<Value, Value> {
    let origin = webview.url().expect("the mock webview has a URL");
    invoke_from::<C>(webview, origin, args)
}

/// [`invoke_json`] from the page at `origin`.
fn invoke_from<C: Command>(
    webview: &WebviewWindow<MockRuntime>,
    origin: tauri::Url,
    args: Value,
) -> Result<Value, Value> {
    send(webview, origin, C::NAME, json!({ "args": args }))
}

/// One IPC request from `origin`: its answer, or its rejection, as JSON.
fn send(
    webview: &WebviewWindow<MockRuntime>,
    origin: tauri::Url,
    cmd: &str,
    body: Value,
) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: origin,
        body: tauri::ipc::InvokeBody::Json(body),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(webview, request).map(|body| body.deserialize::<Value>().expect("json"))
}

/// `args` are refused as invalid input, the message naming what is wrong (`needle`).
fn refused_as_invalid_input<C: Command>(
    webview: &WebviewWindow<MockRuntime>,
    args: &C::Args,
    needle: &str,
) where
    C::Args: std::fmt::Debug,
    C::Output: std::fmt::Debug,
{
    let error = invoke::<C>(webview, args).expect_err("refused");
    assert_eq!(error.code, ErrorCode::InvalidInput, "{args:?}");
    assert!(
        error.message.contains(needle),
        "{args:?}: {}",
        error.message
    );
}

/// A profile's name, as the window sends it.
fn profile(name: &str) -> ProfileArgs {
    ProfileArgs {
        profile: name.into(),
    }
}

/// Saving `key` for the default profile, checked with Stripe first (the window's default).
fn save_key(key: &str) -> SaveKeyArgs {
    SaveKeyArgs {
        profile: "default".into(),
        key: key.into(),
        verify: true,
    }
}

/// A sync of the default profile that the user asked for: every list, or only the events.
fn sync_args(full: bool) -> SyncArgs {
    SyncArgs {
        profile: "default".into(),
        full,
        background: false,
    }
}

#[test]
fn save_key_verifies_with_stripe_and_returns_mode_and_last4_only() -> anyhow::Result<()> {
    let (_runtime, sandbox) = sandbox();
    let tmp = tempfile::tempdir()?;
    let (_app, webview) = app_against(tmp.path(), Some(sandbox.url()));
    // The answer as it crosses the bridge: the key must not be anywhere in it.
    let response = invoke_json::<SaveKey>(
        &webview,
        serde_json::to_value(save_key(&format!("  {KEY} \n")))?,
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

    let again = invoke::<GetKeyStatus>(&webview, &profile("default"))?;
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
        let error =
            invoke::<SaveKey>(&webview, &save_key(key)).expect_err("a bad key must be refused");
        assert_eq!(error.code, ErrorCode::InvalidKey, "{key:?}");
        assert!(
            error.message.contains(expected),
            "{key:?}: {}",
            error.message
        );
    }
    let status = invoke::<GetKeyStatus>(&webview, &profile("default"));
    assert_eq!(status, Ok(None), "nothing was saved");
    Ok(())
}

#[test]
fn a_bad_profile_name_is_its_own_error() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let (_app, webview) = app(tmp.path());
    let error =
        invoke::<GetKeyStatus>(&webview, &profile("no spaces please")).expect_err("refused");
    assert_eq!(error.code, ErrorCode::InvalidProfile);
    Ok(())
}

#[test]
fn a_foreign_origin_is_refused_by_the_capability() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let (_app, webview) = app(tmp.path());
    // Raw: the window's own calls always come from its own origin.
    let error = invoke_from::<GetKeyStatus>(
        &webview,
        "https://evil.example/".parse()?,
        json!({"profile": "default"}),
    )
    .expect_err("only the app's own pages may call commands");
    assert!(error.to_string().contains("not allowed"), "{error}");
    Ok(())
}

#[test]
fn the_webview_cannot_open_urls_itself() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let log = tmp.path().join("opened.log");
    let (_app, webview) = app_opening(tmp.path(), None, log.clone());
    let own = webview.url()?;
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
            // Commands outside the contract, as a compromised page would send them.
            let refused = send(&webview, own.clone(), cmd, json!({"url": url, "path": url}));
            assert!(refused.is_err(), "{cmd} {url} must be refused: {refused:?}");
        }
    }
    assert!(!log.exists(), "nothing was opened");

    // The two Dashboard pages, named by an enum; Rust builds and opens the link.
    invoke::<OpenDashboard>(&webview, &DashboardPage::ApiKeys)?;
    invoke::<OpenDashboard>(
        &webview,
        &DashboardPage::PortalSettings { mode: Mode::Test },
    )?;
    assert_eq!(
        std::fs::read_to_string(&log)?,
        "https://dashboard.stripe.com/apikeys\nhttps://dashboard.stripe.com/test/settings/billing/portal\n"
    );
    // Raw: a URL is what `DashboardPage` can't hold.
    let refused = invoke_json::<OpenDashboard>(&webview, json!({"page": "https://evil.example/"}));
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

    let info = invoke::<GetAppInfo>(&webview, &())?;
    // No language chosen yet: the OS's (English when Portal Desk doesn't speak it).
    let os = portal_desk::language::os_language().unwrap_or_default();
    assert_eq!(
        info,
        AppInfo {
            profile: "demo".into(),
            sandbox: Some("http://127.0.0.1:12111".into()),
            language: os,
            language_choice: None,
        }
    );
    // A choice in Settings is kept for the installation, until it follows the OS again.
    let chosen = invoke::<SetLanguage>(
        &webview,
        &SetLanguageArgs {
            language: Some(Language::Fr),
        },
    )?;
    assert_eq!(
        (chosen.language, chosen.language_choice),
        (Language::Fr, Some(Language::Fr))
    );
    let again = invoke::<GetAppInfo>(&webview, &())?;
    assert_eq!(again.language, Language::Fr);
    let registry = std::fs::read_to_string(tmp.path().join("profiles.json"))?;
    assert!(registry.contains("\"language\": \"fr\""), "{registry}");
    let system = invoke::<SetLanguage>(&webview, &SetLanguageArgs { language: None })?;
    assert_eq!((system.language, system.language_choice), (os, None));

    let error = invoke::<SaveKey>(
        &webview,
        &SaveKeyArgs {
            profile: "demo".into(),
            ..save_key("rk_live_51FakeKeyForTests0000abcdefghijklmnopqrstuvwxyz0123456789")
        },
    )
    .expect_err("a live key never goes to a sandbox");
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

    let error = invoke::<SaveKey>(&webview, &save_key(KEY)).expect_err("Stripe can't be reached");
    assert_eq!(error.code, ErrorCode::Offline, "{}", error.message);
    assert!(
        error.message.starts_with("Couldn't reach Stripe"),
        "{}",
        error.message
    );
    assert_eq!(
        invoke::<GetKeyStatus>(&webview, &profile("default")),
        Ok(None)
    );

    let saved = invoke::<SaveKey>(
        &webview,
        &SaveKeyArgs {
            verify: false,
            ..save_key(KEY)
        },
    )?;
    assert_eq!(saved.business_name, None, "nothing was learned from Stripe");
    Ok(())
}

#[test]
fn a_key_stripe_rejects_is_an_invalid_key() -> anyhow::Result<()> {
    let (_runtime, sandbox) = sandbox();
    let tmp = tempfile::tempdir()?;
    let (_app, webview) = app_against(tmp.path(), Some(sandbox.url()));
    let error = invoke::<SaveKey>(&webview, &save_key("sk_test_51SomeOtherKey00000000zzzz"))
        .expect_err("unknown to Stripe");
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
        AfterCompletion, CreateRecommendedConfiguration, CustomerArgs, EmailArgs, EmailDelivery,
        EmailLink, EmailPurpose, OpenPortal, OpenPortalArgs, PortalFlow, PreviewEmail,
        RefreshAfterPortal, SendEmail, SyncNow,
    };

    /// The default profile and `customer`.
    fn customer_args(customer: &str) -> CustomerArgs {
        CustomerArgs {
            profile: "default".into(),
            customer: customer.into(),
        }
    }

    /// "Copy link" for `customer`: a session on the portal's home, not opened.
    fn link_for(customer: &str) -> OpenPortalArgs {
        OpenPortalArgs {
            profile: "default".into(),
            customer: customer.into(),
            flow: None,
            subscription: None,
            after_completion: None,
            return_url: None,
            locale: None,
            open: false,
        }
    }

    /// The key saved, `customer` cached (a first sync) and the recommended
    /// configuration created: what the window has once its portal opens.
    fn ready_to_open_portals(
        webview: &WebviewWindow<MockRuntime>,
        customer: &str,
    ) -> anyhow::Result<()> {
        invoke::<SaveKey>(webview, &save_key(KEY))?;
        invoke::<RefreshAfterPortal>(webview, &customer_args(customer))?;
        invoke::<CreateRecommendedConfiguration>(webview, &profile("default"))?;
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
            let sync = scope.spawn(|| invoke::<SyncNow>(&webview, &sync_args(true)));
            while sent() < started + 3 {
                anyhow::ensure!(!sync.is_finished(), "the sync ended before the click");
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            let before_click = sent();
            invoke::<OpenPortal>(&webview, &link_for(&customer))?;
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
            let synced = sync.join().expect("the sync thread")?;
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
        let open = link_for(&customer);
        invoke::<OpenPortal>(&webview, &open)?;

        // Taken out of the keychain behind the window's back: the next click
        // still works, so it did not take the key out of the keychain again.
        let name = portal_core::ProfileName::parse("default")?;
        assert!(app.state::<AppState>().profiles.keychain().forget(&name)?);
        invoke::<OpenPortal>(&webview, &open)?;
        Ok(())
    }

    #[test]
    fn the_portal_from_the_window_not_configured_then_recovered() -> anyhow::Result<()> {
        let (_runtime, sandbox) = sandbox();
        let tmp = tempfile::tempdir()?;
        let (_app, webview) = app_against(tmp.path(), Some(sandbox.url()));
        let customer = active_customer(&sandbox);
        let open = link_for(&customer);

        let error = invoke::<OpenPortal>(&webview, &open).expect_err("no key yet");
        assert_eq!(error.code, ErrorCode::NoKey);
        invoke::<SaveKey>(&webview, &save_key(KEY))?;
        // The first visit syncs the cache (deep links read the subscription from it).
        invoke::<RefreshAfterPortal>(&webview, &customer_args(&customer))?;

        let error = invoke::<OpenPortal>(&webview, &open).expect_err("not set up");
        assert_eq!(error.code, ErrorCode::NotConfigured);
        assert!(
            error
                .message
                .contains("dashboard.stripe.com/test/settings/billing/portal")
        );

        let first = invoke::<CreateRecommendedConfiguration>(&webview, &profile("default"))?;
        let again = invoke::<CreateRecommendedConfiguration>(&webview, &profile("default"))?;
        assert_eq!(first, again, "one configuration, reused");
        assert_eq!(
            sandbox.truth()["portal_configurations"]
                .as_array()
                .map(Vec::len),
            Some(1)
        );

        let link = invoke::<OpenPortal>(
            &webview,
            &OpenPortalArgs {
                flow: Some(PortalFlow::SubscriptionCancel {
                    retention_coupon: None,
                }),
                after_completion: Some(AfterCompletion::PortalHomepage),
                ..open.clone()
            },
        )?;
        assert!(link.url.starts_with(sandbox.url()), "{link:?}");
        assert!(!link.opened);
        let sent = sandbox
            .requests()
            .into_iter()
            .rev()
            .find(|r| r["path"] == "/v1/billing_portal/sessions")
            .expect("a session");
        assert_eq!(sent["params"]["configuration"], first);
        assert_eq!(sent["params"]["flow_data"]["type"], "subscription_cancel");

        for (args, expected) in [
            (link_for("nope"), ErrorCode::InvalidInput),
            (link_for("cus_Unknown00000"), ErrorCode::NotFound),
            (
                OpenPortalArgs {
                    return_url: Some("http://example.com".into()),
                    ..open
                },
                ErrorCode::InvalidInput,
            ),
        ] {
            let error = invoke::<OpenPortal>(&webview, &args).expect_err("refused");
            assert_eq!(error.code, expected, "{args:?}");
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
        invoke::<SaveKey>(&webview, &save_key(KEY))?;
        let customer = active_customer(&sandbox);
        let args = customer_args(&customer);
        invoke::<RefreshAfterPortal>(&webview, &args)?;

        let email = EmailArgs {
            profile: "default".into(),
            customer: customer.clone(),
            link: EmailLink::Login,
            enable_login_page: false,
            purpose: EmailPurpose::Portal,
        };
        let error = invoke::<PreviewEmail>(&webview, &email).expect_err("asks first");
        assert_eq!(error.code, ErrorCode::LoginPageOff);
        let consented = EmailArgs {
            enable_login_page: true,
            ..email
        };
        let draft = invoke::<PreviewEmail>(&webview, &consented)?;
        assert!(draft.link.contains("/_login/"), "{draft:?}");

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
        let delivery = invoke::<SendEmail>(&webview, &consented)?;
        assert_eq!(delivery, EmailDelivery::Smtp);
        assert_eq!(smtp.messages().len(), 1);
        assert!(smtp.messages()[0].data.contains(&draft.link));

        // The customer changes plan in the portal; coming back shows it.
        sandbox
            .control(
                "simulate",
                json!({"action": "cancel_at_period_end", "customer": customer}),
            )
            .map_err(anyhow::Error::msg)?;
        let activity = invoke::<RefreshAfterPortal>(&webview, &args)?;
        let newest = activity.first().map_or("", |a| a.message.as_str());
        assert!(newest.contains("at period end"), "{activity:?}");
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
        invoke::<SaveKey>(&webview, &save_key(KEY))?;
        let sync = |full: bool, background: bool| -> anyhow::Result<SyncStatus> {
            let args = SyncArgs {
                background,
                ..sync_args(full)
            };
            Ok(invoke::<SyncNow>(&webview, &args)?)
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
        ClearCache, ExportArgs, ExportCsv, ExportKind, ForgetKey, GetSettings, GetSyncStatus,
        SaveSettings, SaveSettingsArgs, SettingsView, SmtpFields, SyncNow,
    };

    #[test]
    fn exports_are_written_where_the_dialog_says() -> anyhow::Result<()> {
        let (_runtime, sandbox) = sandbox();
        let tmp = tempfile::tempdir()?;
        let (_app, webview) = app_against(tmp.path(), Some(sandbox.url()));
        invoke::<SaveKey>(&webview, &save_key(KEY))?;
        invoke::<SyncNow>(&webview, &sync_args(true))?;
        let customers = sandbox.truth()["customers"].as_array().map_or(0, Vec::len);

        // The folder the dialog answers with doesn't exist yet: a clear refusal.
        let args = ExportArgs {
            profile: "default".into(),
            kind: ExportKind::Customers,
        };
        let error = invoke::<ExportCsv>(&webview, &args).expect_err("no folder");
        assert!(
            error.message.contains("could not write") && error.message.contains("customers"),
            "{}",
            error.message
        );

        std::fs::create_dir(tmp.path().join("exports"))?;
        let done = invoke::<ExportCsv>(&webview, &args)?;
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

        let invoices = invoke::<ExportCsv>(
            &webview,
            &ExportArgs {
                kind: ExportKind::Invoices,
                ..args
            },
        )?;
        assert!(invoices.is_some_and(|d| d.rows > 0 && d.path.contains("invoices")));
        // Raw: `ExportKind` has no such kind.
        assert!(
            invoke_json::<ExportCsv>(&webview, json!({"profile": "default", "kind": "orders"}))
                .is_err(),
            "an unknown kind is refused"
        );
        Ok(())
    }

    #[test]
    fn settings_are_checked_saved_and_the_cache_cleared() -> anyhow::Result<()> {
        let (_runtime, sandbox) = sandbox();
        let tmp = tempfile::tempdir()?;
        let (_app, webview) = app_against(tmp.path(), Some(sandbox.url()));
        invoke::<SaveKey>(&webview, &save_key(KEY))?;
        let profile = profile("default");
        let before = invoke::<GetSettings>(&webview, &profile)?;
        assert_eq!(before.sync_interval_minutes, 15);
        assert_eq!(before.profiles, ["default"]);

        let smtp = SmtpFields {
            host: "127.0.0.1".into(),
            port: 2525,
            tls: "none".into(),
            username: Some("me".into()),
            from: "Coffee <billing@coffee.example>".into(),
        };
        let every_15 = SaveSettingsArgs {
            profile: "default".into(),
            return_url: None,
            sync_interval_minutes: 15,
            requests_per_second: None,
            business_name: None,
            smtp: None,
            smtp_password: None,
        };
        for (args, needle) in [
            (
                SaveSettingsArgs {
                    return_url: Some("http://example.com".into()),
                    ..every_15.clone()
                },
                "return URL",
            ),
            (
                SaveSettingsArgs {
                    sync_interval_minutes: 5000,
                    ..every_15.clone()
                },
                "sync interval",
            ),
            (
                SaveSettingsArgs {
                    requests_per_second: Some(0),
                    ..every_15.clone()
                },
                "sync speed",
            ),
            (
                SaveSettingsArgs {
                    requests_per_second: Some(5000),
                    ..every_15.clone()
                },
                "sync speed",
            ),
            (
                SaveSettingsArgs {
                    smtp: Some(SmtpFields {
                        host: "smtp.example".into(),
                        port: 25,
                        tls: "none".into(),
                        username: None,
                        from: "nobody".into(),
                    }),
                    ..every_15.clone()
                },
                "sender",
            ),
            (
                SaveSettingsArgs {
                    business_name: Some("x".repeat(101)),
                    ..every_15.clone()
                },
                "business name",
            ),
            (
                SaveSettingsArgs {
                    business_name: Some("Acme\nBcc: x@evil.example".into()),
                    ..every_15.clone()
                },
                "business name",
            ),
        ] {
            refused_as_invalid_input::<SaveSettings>(&webview, &args, needle);
        }
        let unchanged = invoke::<GetSettings>(&webview, &profile)?;
        assert_eq!(unchanged, before, "a refused save changes nothing");

        let every_5 = SaveSettingsArgs {
            sync_interval_minutes: 5,
            ..every_15
        };
        // The answer as it crosses the bridge: the password must not be anywhere in it.
        let saved = invoke_json::<SaveSettings>(
            &webview,
            serde_json::to_value(SaveSettingsArgs {
                requests_per_second: Some(80),
                return_url: Some(format!("{}/account", sandbox.url())),
                business_name: Some("  Acme Bakery ".into()),
                smtp: Some(smtp.clone()),
                smtp_password: Some("canary-smtp-pw".into()),
                ..every_5.clone()
            })?,
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
        let moved = SmtpFields {
            host: "smtp.elsewhere.example".into(),
            tls: "starttls".into(),
            ..smtp
        };
        let saved = invoke::<SaveSettings>(
            &webview,
            &SaveSettingsArgs {
                smtp: Some(moved),
                ..every_5
            },
        )?;
        assert!(
            saved.smtp_password_removed,
            "the window is told to ask for it"
        );
        assert!(!saved.smtp_password_saved, "the old password is gone");
        assert_eq!(
            saved.smtp.as_ref().map(|s| s.host.as_str()),
            Some("smtp.elsewhere.example")
        );
        let reread = invoke::<GetSettings>(&webview, &profile)?;
        assert!(!reread.smtp_password_saved && !reread.smtp_password_removed);

        invoke::<SyncNow>(&webview, &sync_args(true))?;
        let synced = invoke::<GetSettings>(&webview, &profile)?;
        assert!(synced.cache_bytes > 0);
        let cleared = invoke::<ClearCache>(&webview, &profile)?;
        assert_eq!((cleared.cache_bytes, cleared.invoice_bytes), (0, 0));
        assert_eq!(cleared.sync_interval_minutes, 5, "settings stay");
        let status = invoke::<GetSyncStatus>(&webview, &profile)?;
        assert_eq!(status.last_synced, None, "the next sync reads everything");

        invoke::<ForgetKey>(&webview, &profile)?;
        let key = invoke::<GetKeyStatus>(&webview, &profile)?;
        assert_eq!(key, None);
        Ok(())
    }
}

mod configurations {
    use super::*;
    use portal_ipc::{
        ConfigurationArgs, ConfigurationFields, GetConfiguration, ListConfigurations,
        SaveConfiguration, SaveConfigurationArgs, SwitchableProducts, SyncNow,
    };

    #[test]
    fn create_read_edit_and_refuse_a_configuration() -> anyhow::Result<()> {
        let (_runtime, sandbox) = sandbox();
        let tmp = tempfile::tempdir()?;
        let (_app, webview) = app_against(tmp.path(), Some(sandbox.url()));
        invoke::<SaveKey>(&webview, &save_key(KEY))?;
        invoke::<SyncNow>(&webview, &sync_args(true))?;
        let profile = profile("default");
        let products = invoke::<SwitchableProducts>(&webview, &profile)?;
        assert!(!products.is_empty(), "the sandbox sells recurring plans");

        let id = invoke::<SaveConfiguration>(
            &webview,
            &SaveConfigurationArgs {
                profile: "default".into(),
                id: None,
                fields: ConfigurationFields {
                    headline: Some("Acme billing".into()),
                    invoice_history: Some(true),
                    payment_method_update: Some(true),
                    cancel_mode: Some("at_period_end".into()),
                    plan_switching: Some(true),
                    plan_products: Some(vec![products[0].id.clone()]),
                    ..Default::default()
                },
                use_it: true,
            },
        )?;
        let this_one = ConfigurationArgs {
            profile: "default".into(),
            id: id.clone(),
        };
        let detail = invoke::<GetConfiguration>(&webview, &this_one)?;
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
        let edit = |fields: ConfigurationFields| SaveConfigurationArgs {
            profile: "default".into(),
            id: Some(id.clone()),
            fields,
            use_it: false,
        };
        let again = invoke::<SaveConfiguration>(&webview, &edit(fields.clone()))?;
        assert_eq!(again, id);
        let edited = invoke::<GetConfiguration>(&webview, &this_one)?;
        assert_eq!(edited.fields.headline.as_deref(), Some("Acme · billing"));
        assert_eq!(edited.fields.plan_products, fields.plan_products);
        let listed = invoke::<ListConfigurations>(&webview, &profile)?;
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].headline.as_deref(), Some("Acme · billing"));

        for (args, needle) in [
            (
                edit(ConfigurationFields {
                    headline: Some("x".repeat(61)),
                    ..Default::default()
                }),
                "headline",
            ),
            (
                edit(ConfigurationFields {
                    privacy_policy_url: Some("http://acme.test".into()),
                    ..Default::default()
                }),
                "privacy policy",
            ),
            (
                SaveConfigurationArgs {
                    id: Some("bpc_Missing000".into()),
                    ..edit(ConfigurationFields {
                        headline: Some("x".into()),
                        ..Default::default()
                    })
                },
                "No such",
            ),
        ] {
            refused_as_invalid_input::<SaveConfiguration>(&webview, &args, needle);
        }
        let error = invoke::<GetConfiguration>(
            &webview,
            &ConfigurationArgs {
                profile: "default".into(),
                id: "bpc_Missing000".into(),
            },
        )
        .expect_err("unknown");
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
        ActivityFeed, CountCustomers, CustomerArgs, CustomerListArgs, CustomerSort, GetCustomer,
        GetSyncStatus, InvoiceDocument, ListCustomers, OpenInvoice, OpenInvoiceArgs, SyncNow,
    };

    #[test]
    fn sync_list_detail_and_invoice_pdf_then_offline() -> anyhow::Result<()> {
        let (_runtime, sandbox) = sandbox();
        let tmp = tempfile::tempdir()?;
        let opened_log = tmp.path().join("opened.log");
        let (_app, webview) = app_opening(tmp.path(), Some(sandbox.url()), opened_log.clone());
        invoke::<SaveKey>(&webview, &save_key(KEY))?;
        let profile = profile("default");

        let synced = invoke::<SyncNow>(&webview, &sync_args(true))?;
        assert!(
            synced.running.is_none() && synced.last_error.is_none(),
            "{synced:?}"
        );
        assert!(synced.last_synced.is_some());

        let truth = sandbox.truth();
        let customers = truth["customers"].as_array().expect("customers");
        let counts = invoke::<CountCustomers>(&webview, &profile)?;
        assert_eq!(counts.all, customers.len() as u64);
        // Other Stripe statuses (unpaid, incomplete, …) count in "all" only.
        let chips: u64 = counts.by_status.iter().map(|(_, n)| n).sum();
        assert!(chips <= counts.all && chips > 0, "{counts:?}");

        let wanted = customers
            .iter()
            .find(|c| c["name"].is_string() && c["email"].is_string())
            .expect("a named customer");
        let name = wanted["name"].as_str().expect("name");
        let first_50 = CustomerListArgs {
            profile: "default".into(),
            text: String::new(),
            status: None,
            sort: CustomerSort::Name,
            offset: 0,
            limit: 50,
        };
        let page = invoke::<ListCustomers>(
            &webview,
            &CustomerListArgs {
                text: name.into(),
                ..first_50.clone()
            },
        )?;
        assert!(
            page.rows.iter().any(|r| wanted["id"] == r.id.as_str()),
            "searching {name:?} finds it: {page:?}"
        );
        let window = invoke::<ListCustomers>(
            &webview,
            &CustomerListArgs {
                offset: 5,
                limit: 3,
                sort: CustomerSort::Created,
                ..first_50
            },
        )?;
        assert_eq!((window.offset, window.rows.len()), (5, 3));

        let id = wanted["id"].as_str().expect("id");
        let customer = CustomerArgs {
            profile: "default".into(),
            customer: id.into(),
        };
        let detail = invoke::<GetCustomer>(&webview, &customer)?;
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

        let pdf_of = |invoice: &str| OpenInvoiceArgs {
            profile: "default".into(),
            invoice: invoice.into(),
            document: InvoiceDocument::Pdf,
        };
        invoke::<OpenInvoice>(&webview, &pdf_of(&invoice.id))?;
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
        invoke::<OpenInvoice>(&webview, &pdf_of(&invoice.id))
            .map_err(|e| anyhow::anyhow!("a saved PDF opens offline: {e}"))?;
        assert_eq!(std::fs::read_to_string(&opened_log)?.trim(), pdf);
        let error = invoke::<OpenInvoice>(&webview, &pdf_of(&detail.invoices[1].id))
            .expect_err("an unsaved PDF needs the network");
        assert_eq!(error.code, ErrorCode::Offline);

        let error = invoke::<OpenInvoice>(&webview, &pdf_of("in_NotCached0000"))
            .expect_err("not in the cache");
        assert_eq!(error.code, ErrorCode::NotFound);

        let error = invoke::<SyncNow>(&webview, &sync_args(false)).expect_err("offline");
        assert_eq!(error.code, ErrorCode::Offline);
        let status = invoke::<GetSyncStatus>(&webview, &profile)?;
        assert!(status.offline && status.running.is_none(), "{status:?}");
        assert_eq!(
            status.last_synced, synced.last_synced,
            "the last success stays"
        );

        let detail = invoke::<GetCustomer>(&webview, &customer)?;
        assert!(
            detail.is_some_and(|d| d.invoices[0].pdf_saved),
            "offline, from the cache"
        );
        let feed = invoke::<ActivityFeed>(&webview, &profile)?;
        assert!(feed.is_empty(), "no portal changes yet: {feed:?}");
        Ok(())
    }
}
