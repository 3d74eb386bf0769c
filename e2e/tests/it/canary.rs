//! The secret canary through the real window: a unique Stripe key and SMTP
//! password go through onboarding (a wrong key first), the first sync, the
//! SMTP settings, an emailed portal link and an opened portal. Then neither
//! may appear in any message the webview received (recorded by the app's
//! `PORTAL_DESK_TEST_IPC_RECORD` hook), the page, any process's arguments, the
//! app's output, or any file in its data and config folders.

use std::path::{Path, PathBuf};

use anyhow::Context;
use portal_e2e::{App, AppOptions, Session, StripeSandbox, screenshot_dir};
use serde_json::json;

/// A key and a password no other test uses, different on every run.
fn canaries() -> (String, String) {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let tag = format!("{:x}{:x}", std::process::id(), nanos);
    (
        format!("sk_test_51Canary{tag}Zq"),
        format!("smtp-canary-{tag}-pw"),
    )
}

/// The distinctive part of a key: the window may show its last four
/// characters ("ending in …abcd"), and "sk_test_" is no secret.
fn secret_part(key: &str) -> &str {
    &key["sk_test_".len()..key.len() - 4]
}

/// Every file under `dir` whose bytes contain `needle`.
fn files_containing(dir: &Path, needle: &str) -> Vec<PathBuf> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if std::fs::read(&path)
                .is_ok_and(|bytes| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
            {
                hits.push(path);
            }
        }
    }
    hits
}

/// The command lines of every process `ps` would list now that contain
/// `needle`, except the sandbox's: it plays Stripe, which issued the key.
fn command_lines_containing(needle: &str) -> anyhow::Result<Vec<String>> {
    let mut seen = 0;
    let mut hits = Vec::new();
    for entry in std::fs::read_dir("/proc")?.flatten() {
        if !entry
            .file_name()
            .to_string_lossy()
            .bytes()
            .all(|b| b.is_ascii_digit())
        {
            continue;
        }
        let Ok(raw) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        seen += 1;
        let line = String::from_utf8_lossy(&raw).replace('\0', " ");
        let stripe = line
            .split(' ')
            .next()
            .is_some_and(|program| program.ends_with("/stripe-sandbox"));
        if line.contains(needle) && !stripe {
            hits.push(line);
        }
    }
    anyhow::ensure!(seen > 5, "read only {seen} command lines from /proc");
    Ok(hits)
}

fn recorded_messages(ui: &Session) -> anyhow::Result<Vec<String>> {
    let log = ui.execute("return window.__portalDeskIpcLog || null;", vec![])?;
    let log = log
        .as_array()
        .context("no IPC log: was the app started with PORTAL_DESK_TEST_IPC_RECORD?")?;
    Ok(log
        .iter()
        .map(|m| m.as_str().unwrap_or_default().to_owned())
        .collect())
}

#[test]
fn neither_the_key_nor_the_smtp_password_reaches_the_webview_files_output_or_ps()
-> anyhow::Result<()> {
    let (key, password) = canaries();
    let runtime = tokio::runtime::Runtime::new()?;
    let smtp = runtime.block_on(stripe_sandbox::smtp::SmtpServer::start());
    let stripe = StripeSandbox::start_with(&key, &["--customers", "25"])?;
    stripe.control("portal/default", json!({}))?;
    let scratch = tempfile::tempdir()?;
    let output = scratch.path().join("app-output.log");
    let opened = scratch.path().join("opened.log");
    // Every folder the app and its webview write to is under `scratch`, which
    // outlives the app (these replace the harness's own settings).
    let folder = |name: &str| scratch.path().join(name).display().to_string();
    let app = App::launch(AppOptions {
        env: vec![
            ("PORTAL_DESK_DATA_DIR".into(), folder("data")),
            ("XDG_CONFIG_HOME".into(), folder("config")),
            ("XDG_DATA_HOME".into(), folder("xdg-data")),
            ("XDG_CACHE_HOME".into(), folder("cache")),
            ("PORTAL_DESK_API_BASE".into(), stripe.url.clone()),
            ("PORTAL_DESK_TEST_IPC_RECORD".into(), "1".into()),
            (
                "PORTAL_DESK_TEST_OPENER_LOG".into(),
                opened.display().to_string(),
            ),
        ],
        output: Some(output.clone()),
        ..AppOptions::default()
    })?;
    let ui = &app.session;

    // A wrong key first (the real one with its last character changed): the
    // refusal must not repeat it.
    let wrong = format!("{}X", &key[..key.len() - 1]);
    ui.find("#api-key")?.type_text(&wrong)?;
    ui.find("#save-key")?.click()?;
    ui.wait_for_text("#key-error", "")?;
    ui.find("#api-key")?.replace_text(&key)?;
    ui.find("#save-key")?.click()?;
    ui.wait_for_text("#key-account", "Verified with Stripe")?;
    ui.find("#continue")?.click()?;
    let truth = stripe.truth()?;
    let total = truth["customers"].as_array().context("customers")?.len();
    ui.wait_for_text("#customer-count", &format!("{total} customers"))?;

    // SMTP with the canary password, saved from Settings.
    ui.find("#view-settings")?.click()?;
    ui.find("#smtp-on")?.click()?;
    ui.find("#smtp-host")?.type_text("127.0.0.1")?;
    ui.find("#smtp-port")?
        .replace_text(&smtp.port.to_string())?;
    ui.execute(
        "const s = document.querySelector('#smtp-tls'); s.value = 'none';
         s.dispatchEvent(new Event('change', {bubbles: true}));",
        vec![],
    )?;
    ui.find("#smtp-from")?
        .type_text("Sandbox Coffee <billing@coffee.example>")?;
    ui.find("#smtp-username")?.type_text("coffee")?;
    ui.find("#smtp-password")?.type_text(&password)?;
    ui.find("#settings-save")?.click()?;
    ui.wait_for_text("#settings-notice", "Saved")?;

    // A portal link by email (through SMTP, logging in with the password),
    // then the portal itself.
    ui.find("#view-customers")?.click()?;
    let customer = truth["customers"]
        .as_array()
        .context("customers")?
        .iter()
        .find(|c| c["email"].is_string())
        .context("a customer with an email")?;
    let id = customer["id"].as_str().context("id")?;
    ui.find("#search")?.type_text(id)?;
    ui.find(&format!(".row[data-id='{id}']"))?.click()?;
    ui.wait_for_text("#detail-id", id)?;
    ui.find("#email-link")?.click()?;
    ui.wait_for_text("#email-error", "sign-in page is off")?;
    ui.find("#enable-login-page")?.click()?;
    ui.wait_for_text("#email-body", "/_login/")?;
    ui.find("#email-send")?.click()?;
    ui.wait_for_text("#email-outcome", "Sent")?;
    ui.find("#email-close")?.click()?;
    ui.find("#open-portal")?.click()?;
    ui.wait_for("the portal opened", || {
        Ok(std::fs::read_to_string(&opened)
            .ok()
            .filter(|log| !log.trim().is_empty()))
    })?;
    ui.screenshot(&screenshot_dir().join("canary-after.png"))?;

    // The canaries did their work: the email went out logged in with the password.
    let messages = smtp.messages();
    assert_eq!(messages.len(), 1, "one email");
    let auth = messages[0]
        .auth
        .clone()
        .context("the app logged in to SMTP")?;
    let decoded = base64_decode(&auth)?;
    assert!(
        decoded.contains(&password),
        "SMTP AUTH carried the password"
    );

    let secrets = [
        ("the key", secret_part(&key)),
        ("the SMTP password", &password[..]),
    ];
    let mut leaks = Vec::new();

    // Every message the webview received, the page, and every process's arguments.
    let ipc = recorded_messages(ui)?;
    anyhow::ensure!(
        ipc.len() > 20 && ipc.iter().any(|m| m.contains(id)),
        "the IPC log is too thin to prove anything: {} messages",
        ipc.len()
    );
    anyhow::ensure!(
        ipc.iter().any(|m| m.contains("\"code\"")),
        "the refused key's error answer was recorded too"
    );
    let page = ui.execute(
        "return document.documentElement.outerHTML + Array.from(document.querySelectorAll('input, textarea')).map(i => i.value).join(' ');",
        vec![],
    )?;
    let page = page.as_str().unwrap_or_default().to_owned();
    for (what, secret) in secrets {
        for message in ipc.iter().filter(|m| m.contains(secret)) {
            leaks.push(format!("{what} in an IPC message: {message}"));
        }
        if page.contains(secret) {
            leaks.push(format!("{what} in the page"));
        }
        for line in command_lines_containing(secret)? {
            leaks.push(format!("{what} in a process's arguments: {line}"));
        }
    }

    // The CLI on the same profile, its key from the keychain: nothing it
    // prints carries either secret.
    for args in [
        &["sync"][..],
        &["customers", "--limit", "5"],
        &["show", id],
        &["smtp", "status"],
        &["key", "status"],
        &["configs", "list"],
        &["portal", id, "--print"],
    ] {
        let (stdout, stderr) =
            portal_e2e::run_cli(&scratch.path().join("data"), &stripe.url, args, "")?;
        for (what, secret) in secrets {
            if stdout.contains(secret) || stderr.contains(secret) {
                leaks.push(format!("{what} printed by portal-desk {args:?}"));
            }
        }
    }

    // Everything the app wrote (data, config, WebKit's storage and caches,
    // its output), once it has stopped.
    drop(app);
    for (what, secret) in secrets {
        for file in files_containing(scratch.path(), secret) {
            leaks.push(format!("{what} in {}", file.display()));
        }
    }
    // The searches above saw the real thing: the app wrote its cache under
    // `scratch`, and its output reached the file (the recorder announces itself).
    anyhow::ensure!(
        scratch.path().join("data/cache-default.sqlite3").exists(),
        "the app's data folder is not where the scan looked"
    );
    let printed = std::fs::read_to_string(&output)?;
    anyhow::ensure!(
        printed.contains("recording IPC messages"),
        "the app's output did not reach {}: {printed}",
        output.display()
    );
    assert!(leaks.is_empty(), "{leaks:#?}");

    // Everything the app and its WebKit processes wrote in the data folder,
    // WebKit's own storage included (it lives there), is this user's only.
    let data = scratch.path().join("data");
    anyhow::ensure!(
        data.join("webview").is_dir(),
        "WebKit's folder is inside the data folder"
    );
    let walked = not_private(&data)?;
    anyhow::ensure!(walked.0 > 10, "only {} entries walked", walked.0);
    assert!(walked.1.is_empty(), "readable by others: {:#?}", walked.1);
    Ok(())
}

/// How many entries are under `dir`, and those whose mode is not 0700 (a
/// folder) or 0600 (a file). Sockets and links are the OS's business.
fn not_private(dir: &Path) -> anyhow::Result<(usize, Vec<String>)> {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let mut seen = 0;
    let mut open = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(path) = stack.pop() {
        let meta = std::fs::symlink_metadata(&path)?;
        let kind = meta.file_type();
        let mode = meta.permissions().mode() & 0o777;
        seen += 1;
        if kind.is_dir() {
            if mode != 0o700 {
                open.push(format!("{:o} {}", mode, path.display()));
            }
            for entry in std::fs::read_dir(&path)? {
                stack.push(entry?.path());
            }
        } else if kind.is_file() && mode != 0o600 {
            open.push(format!("{:o} {}", mode, path.display()));
        } else if kind.is_socket() && mode & 0o077 != 0 {
            open.push(format!("{:o} {} (socket)", mode, path.display()));
        }
    }
    Ok((seen, open))
}

fn base64_decode(text: &str) -> anyhow::Result<String> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD.decode(text.trim())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
