//! Helpers shared by the shell's integration tests.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A key shaped like a real one, unique enough to grep for.
pub const TEST_KEY: &str = "sk_test_51FakeKeyForTests0000abcd";

/// The CLI binary, with no Stripe key in its environment, speaking English
/// whatever the locale of the machine running the tests (a test that wants
/// another language sets `--lang` or the locale variables itself).
pub fn cli(data_dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_portal-desk"));
    command
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("STRIPE_API_KEY")
        .env_remove("PORTAL_DESK_DATA_DIR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    command
}

/// Runs `command` with `stdin` piped in. A hang is a failure, not a stuck suite:
/// the child is killed after a generous deadline (this is a guard, not a speed test).
pub fn run(command: &mut Command, stdin: &str) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if Instant::now() > deadline {
            child.kill().ok();
            panic!("the CLI hung: {command:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Text of stdout and stderr.
pub fn text(output: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Every file under `dir` whose bytes contain `needle`.
pub fn files_containing(dir: &Path, needle: &str) -> Vec<String> {
    let mut hits = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return hits;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            hits.extend(files_containing(&path, needle));
        } else if let Ok(bytes) = std::fs::read(&path)
            && bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
        {
            hits.push(path.display().to_string());
        }
    }
    hits
}

/// A Stripe sandbox started from `config`, served by its own runtime (kept
/// alive by the returned pair) while the test drives the CLI synchronously.
pub fn start_sandbox(
    config: stripe_sandbox::Config,
) -> (tokio::runtime::Runtime, stripe_sandbox::Sandbox) {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let sandbox = runtime
        .block_on(stripe_sandbox::Sandbox::start(config))
        .expect("the sandbox starts");
    (runtime, sandbox)
}

/// A sandbox of 3 customers accepting `keys`.
pub fn sandbox(keys: &[&str]) -> (tokio::runtime::Runtime, stripe_sandbox::Sandbox) {
    start_sandbox(stripe_sandbox::Config {
        dataset: stripe_sandbox::DatasetConfig {
            customers: 3,
            ..Default::default()
        },
        keys: keys
            .iter()
            .map(|k| stripe_sandbox::KeySpec::full(k))
            .collect(),
        ..Default::default()
    })
}

/// A customer whose subscription is active in the sandbox's truth.
pub fn active_customer(sandbox: &stripe_sandbox::Sandbox) -> String {
    sandbox.truth()["subscriptions"]
        .as_array()
        .expect("subscriptions")
        .iter()
        .find(|s| s["status"] == "active")
        .and_then(|s| s["customer"].as_str())
        .expect("an active customer")
        .to_owned()
}
