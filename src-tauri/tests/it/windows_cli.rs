//! The Windows build of the CLI, run under Wine, against the same sandbox as
//! the Linux build: each command must exit and print the same. `cargo xtask
//! test` runs this (its windows stage) inside a private Secret Service
//! session, so the Linux side uses a real keychain as Windows uses Wine's
//! Credential Manager.
//!
//! Needs `PORTAL_DESK_WINDOWS_EXE` (the .exe, with `WebView2Loader.dll` and
//! the test-only `bcryptprimitives.dll` beside it), `WINE` (the loader) and
//! `WINEPREFIX` (a new prefix), which the windows stage sets.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support::{TEST_KEY, cli, files_containing, run, text};
use serde_json::json;

struct Windows {
    wine: PathBuf,
    exe: PathBuf,
    prefix: PathBuf,
}

impl Windows {
    /// What the windows stage set up: Wine, the .exe and a fresh prefix,
    /// with Wine's quiet settings already in the environment.
    fn from_env() -> Windows {
        let var = |name: &str| {
            std::env::var_os(name)
                .map(PathBuf::from)
                .unwrap_or_else(|| panic!("{name} is not set: run `cargo xtask test`"))
        };
        Windows {
            wine: var("WINE"),
            exe: var("PORTAL_DESK_WINDOWS_EXE"),
            prefix: var("WINEPREFIX"),
        }
    }

    fn wine(&self) -> Command {
        let mut command = Command::new(&self.wine);
        // Wine gives Windows the Unix locale, and the checks here read English
        // (as `cli` makes the Linux build speak it), whatever the machine's.
        command
            .env("WINEPREFIX", &self.prefix)
            .env("LC_ALL", "en_US.UTF-8")
            .env("LANG", "en_US.UTF-8")
            .env_remove("LC_MESSAGES")
            .env_remove("STRIPE_API_KEY")
            .env_remove("PORTAL_DESK_DATA_DIR")
            .env_remove("PORTAL_DESK_API_BASE");
        command
    }

    /// The CLI with no `--data-dir`, so it uses `%APPDATA%` as a user's would.
    fn cli(&self, work: &Path) -> Command {
        let mut command = self.wine();
        command.arg(&self.exe).current_dir(work);
        command
    }

    /// `%APPDATA%\io.portaldesk.desk` inside the prefix.
    fn data_dir(&self) -> Option<PathBuf> {
        let users = std::fs::read_dir(self.prefix.join("drive_c").join("users")).ok()?;
        users
            .flatten()
            .map(|user| user.path().join("AppData/Roaming/io.portaldesk.desk"))
            .find(|dir| dir.is_dir())
    }
}

/// What a run printed, with what legitimately differs between two runs made
/// one after the other replaced: the sandbox's address, elapsed seconds, a
/// PDF link's issue time and a portal session's token.
fn normalized(text: &str, sandbox_url: &str) -> String {
    let text = text.replace(sandbox_url, "SANDBOX");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while !rest.is_empty() {
        let mut replaced = false;
        for (marker, keep) in [
            (" in ", " in T s"),
            ("issued=", "issued=T"),
            ("/_portal/", "/_portal/TOKEN"),
        ] {
            if let Some(after) = rest.strip_prefix(marker) {
                let token_end = after
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
                    .unwrap_or(after.len());
                let token = &after[..token_end];
                // " in 0.3 s." is a duration; " in the cache" is just words.
                let is_duration = marker != " in "
                    || (token.chars().all(|c| c.is_ascii_digit() || c == '.')
                        && after[token_end..].starts_with(" s"));
                if is_duration && !token.is_empty() {
                    out.push_str(keep);
                    rest = &after[token_end..];
                    if marker == " in " {
                        rest = &rest[2..];
                    }
                    replaced = true;
                    break;
                }
            }
        }
        if !replaced {
            let next = rest.chars().next().expect("not empty");
            out.push(next);
            rest = &rest[next.len_utf8()..];
        }
    }
    out
}

#[test]
fn normalizing_keeps_words_and_replaces_what_varies() {
    let url = "http://127.0.0.1:4242";
    assert_eq!(
        normalized(
            "8 requests (0 retried) in 0.3 s.\nkept in this shop\nhttp://127.0.0.1:4242/_portal/bps_12?x issued=179 x",
            url
        ),
        "8 requests (0 retried) in T s.\nkept in this shop\nSANDBOX/_portal/TOKEN?x issued=T x"
    );
}

struct Outcome {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn outcome(output: &Output, sandbox_url: &str) -> Outcome {
    let (stdout, stderr) = text(output);
    Outcome {
        code: output.status.code(),
        stdout: normalized(&stdout, sandbox_url),
        stderr: normalized(&stderr, sandbox_url),
    }
}

#[test]
#[ignore = "needs Wine and the Windows build: run by `cargo xtask test` (windows stage)"]
fn windows_cli_answers_as_the_linux_cli_does() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let windows = Windows::from_env();
    let linux_data = tmp.path().join("linux-data");
    let linux_work = tmp.path().join("linux-work");
    let windows_work = tmp.path().join("windows-work");
    for dir in [&linux_work, &windows_work] {
        std::fs::create_dir_all(dir)?;
    }

    let (_runtime, sandbox) = crate::support::sandbox(&[TEST_KEY]);
    let url = sandbox.url().to_owned();
    let customers = sandbox.truth()["customers"].clone();
    let first = customers[0]["id"].as_str().expect("a customer").to_owned();

    let mut compared = Vec::new();
    // Runs `args` on both, checks the exit code, and that both said the same.
    let mut both = |args: &[&str], stdin: &str, expected_code: i32| {
        let mut linux = cli(&linux_data);
        linux
            .current_dir(&linux_work)
            .args(["--api-base", &url])
            .args(args);
        let mut windows_cli = windows.cli(&windows_work);
        windows_cli.args(["--api-base", &url]).args(args);
        let linux = outcome(&run(&mut linux, stdin), &url);
        let win = outcome(&run(&mut windows_cli, stdin), &url);
        assert_eq!(
            linux.code,
            Some(expected_code),
            "Linux `{args:?}`: {} {}",
            linux.stdout,
            linux.stderr
        );
        assert_eq!(
            win.code, linux.code,
            "Windows `{args:?}` exits as Linux does: {} {}",
            win.stdout, win.stderr
        );
        assert_eq!(win.stdout, linux.stdout, "Windows `{args:?}`: stdout");
        assert_eq!(win.stderr, linux.stderr, "Windows `{args:?}`: stderr");
        compared.push(args.join(" "));
        linux.stdout
    };

    let saved = both(&["key", "set"], &format!("{TEST_KEY}\n"), 0);
    assert!(saved.contains("ending in ...abcd"), "{saved}");
    let status = both(&["key", "status", "--json"], "", 0);
    assert!(status.contains(r#""source":"keychain""#), "{status}");

    let full = both(&["sync"], "", 0);
    assert!(full.starts_with("Synced (full): 3 customers"), "{full}");
    let data = windows
        .data_dir()
        .expect("the Windows data folder is under %APPDATA%");
    assert!(data.join("profiles.json").is_file(), "{}", data.display());
    for dir in [&data, &linux_data] {
        let hits = files_containing(dir, TEST_KEY);
        assert!(hits.is_empty(), "the key is in files: {hits:?}");
    }

    let list = both(&["customers"], "", 0);
    assert_eq!(list.lines().count(), 3, "{list}");
    both(&["customers", "--status", "past_due", "--json"], "", 0);
    both(&["show", &first], "", 0);

    let exported = both(&["export", "customers", "--out", "customers.csv"], "", 0);
    assert!(exported.contains("customers.csv"), "{exported}");
    let linux_csv = std::fs::read(linux_work.join("customers.csv"))?;
    let windows_csv = std::fs::read(windows_work.join("customers.csv"))?;
    assert_eq!(windows_csv, linux_csv, "the two CSV files are the same");

    // The account's configuration is Stripe's state: made once, then each
    // profile chooses it.
    let created = run(
        cli(&linux_data).args(["--api-base", &url, "configs", "create", "--recommended"]),
        "",
    );
    assert!(created.status.success(), "{:?}", text(&created));
    let config = text(&created)
        .0
        .split_whitespace()
        .find(|word| word.starts_with("bpc_"))
        .map(|id| id.trim_end_matches('.').to_owned())
        .expect("the new configuration's id");
    let chosen = run(
        windows
            .cli(&windows_work)
            .args(["--api-base", &url, "configs", "use", &config]),
        "",
    );
    assert!(chosen.status.success(), "{:?}", text(&chosen));
    let configs = both(&["configs", "list"], "", 0);
    assert!(configs.contains("used by this profile"), "{configs}");
    let link = both(
        &[
            "portal",
            &first,
            "--print",
            "--flow",
            "payment_method_update",
        ],
        "",
        0,
    );
    assert!(link.contains("SANDBOX/_portal/TOKEN"), "{link}");
    let draft = both(&["email", &first, "--dry-run", "--link", "session"], "", 0);
    assert!(draft.starts_with("To:"), "{draft}");

    sandbox
        .control(
            "simulate",
            json!({"action": "update_email", "customer": first, "email": "moved@example.com"}),
        )
        .map_err(anyhow::Error::msg)?;
    let incremental = both(&["sync"], "", 0);
    assert!(
        incremental.starts_with("Synced (incremental)"),
        "{incremental}"
    );
    let shown = both(&["show", &first], "", 0);
    assert!(shown.contains("moved@example.com"), "{shown}");

    both(&["key", "forget"], "", 0);
    both(&["key", "status"], "", 3);

    assert!(compared.len() >= 10, "{compared:?}");
    eprintln!("compared with Linux: {}", compared.join(" | "));
    Ok(())
}
