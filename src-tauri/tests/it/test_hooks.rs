//! The `PORTAL_DESK_TEST_*` hooks against the real binary. `cargo xtask test`
//! runs this file twice: in the test build (`--features test-hooks`), where the
//! opener hook records the link; and in a build without the feature, as a
//! release is, where every hook is ignored, said so on stderr, and the link
//! goes to the system opener (here a stand-in `xdg-open` that writes it down).
//! Linux only, for that stand-in.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::{cli, run, text};

const KEY: &str = "sk_test_51TestHooksKey0000000000hooks";

const HOOKS: [&str; 4] = [
    "PORTAL_DESK_TEST_OPENER_LOG",
    "PORTAL_DESK_TEST_SAVE_DIR",
    "PORTAL_DESK_TEST_NOTIFY_LOG",
    "PORTAL_DESK_TEST_IPC_RECORD",
];

/// Waits until `path` holds a line (the stand-in opener runs detached).
fn first_line(path: &Path) -> Option<String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(text) = std::fs::read_to_string(path)
            && let Some(line) = text.lines().next()
        {
            return Some(line.to_owned());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

#[test]
fn the_hooks_work_only_in_a_build_with_the_feature() -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;

    let (_runtime, sandbox) = crate::support::sandbox(&[KEY]);
    let tmp = tempfile::tempdir()?;
    let data = tmp.path().join("data");
    let desk = |args: &[&str]| {
        let mut command = cli(&data);
        command
            .env("STRIPE_API_KEY", KEY)
            .args(["--api-base", sandbox.url()])
            .args(args);
        command
    };
    for setup in [&["sync"][..], &["configs", "create", "--recommended"]] {
        let output = run(&mut desk(setup), "");
        anyhow::ensure!(output.status.success(), "{setup:?}: {:?}", text(&output));
    }
    let customer = sandbox.truth()["customers"][0]["id"]
        .as_str()
        .expect("a customer")
        .to_owned();

    // A stand-in for the system opener, first on the PATH.
    let bin = tmp.path().join("bin");
    std::fs::create_dir(&bin)?;
    let browser_log = tmp.path().join("browser.txt");
    let xdg_open = bin.join("xdg-open");
    std::fs::write(
        &xdg_open,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n",
            browser_log.display()
        ),
    )?;
    std::fs::set_permissions(&xdg_open, std::fs::Permissions::from_mode(0o755))?;
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );

    let hook_log = tmp.path().join("opened.txt");
    let mut command = desk(&["portal", &customer]);
    command
        .env("PATH", path)
        .env(HOOKS[0], &hook_log)
        .env(HOOKS[1], tmp.path())
        .env(HOOKS[2], tmp.path().join("notified.txt"))
        .env(HOOKS[3], "1");
    let output = run(&mut command, "");
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("Opened the customer portal"), "{stdout}");

    if cfg!(feature = "test-hooks") {
        let opened = std::fs::read_to_string(&hook_log)?;
        assert!(
            opened.contains("/_portal/"),
            "the hook recorded the link: {opened}"
        );
        assert!(!browser_log.exists(), "nothing reached the system opener");
        assert!(!stderr.contains("ignored"), "{stderr}");
    } else {
        for hook in HOOKS {
            assert!(
                stderr.contains(&format!("{hook} is set but ignored")),
                "{hook} must be named as ignored: {stderr}"
            );
        }
        let opened = first_line(&browser_log).expect("the system opener was asked");
        assert!(opened.contains("/_portal/"), "{opened}");
        assert!(
            !hook_log.exists(),
            "no bearer link was written to the hook's file"
        );
    }
    Ok(())
}
