//! `cargo xtask demo`: a local Stripe sandbox with a demo account, and the app
//! connected to it in a `demo` test-mode profile. No Stripe account needed.

use std::io::Write;
use std::process::{Command, Stdio};

use anyhow::{Context, bail};

use crate::{run, setup, shell, ui};
use sandbox_launcher::SandboxProcess;

const DEMO_PROFILE: &str = "demo";
const SANDBOX_KEY: &str = "sk_test_sandbox";

pub fn run() -> anyhow::Result<()> {
    setup::run(setup::Scope::App)?;
    run::require_display()?;
    shell::run(shell::cargo().args(["build", "-p", "stripe-sandbox"]))?;
    ui::build()?;
    shell::build_app(shell::Hooks::Off)?;

    let binary = shell::target_dir().join("debug").join("stripe-sandbox");
    let sandbox = SandboxProcess::start(&binary, &["--customers", "300", "--seed", "42"])?;
    let url = sandbox.url.clone();
    eprintln!("demo: Stripe sandbox with 300 customers at {url}");

    // The key goes through stdin into the keychain, like a user's would.
    let app = shell::app_binary();
    let mut key_set = Command::new(&app)
        .args(["--profile", DEMO_PROFILE, "--api-base", &url, "key", "set"])
        .stdin(Stdio::piped())
        .spawn()
        .context("running portal-desk key set")?;
    key_set
        .stdin
        .take()
        .context("key set stdin")?
        .write_all(SANDBOX_KEY.as_bytes())?;
    if !key_set.wait()?.success() {
        bail!("could not store the demo key (see above); the demo needs the system keychain");
    }

    // Fill the cache, so the CLI can browse the demo account straight away.
    shell::run(Command::new(&app).args(["--profile", DEMO_PROFILE, "--api-base", &url, "sync"]))?;
    eprintln!(
        "demo: try the CLI in another terminal while the window is open, for example:\n  \
         portal-desk --profile {DEMO_PROFILE} --api-base {url} customers --status past_due\n  \
         portal-desk --profile {DEMO_PROFILE} --api-base {url} configs create --recommended\n  \
         portal-desk --profile {DEMO_PROFILE} --api-base {url} portal CUSTOMER_ID --print"
    );
    eprintln!(
        "demo: opening Portal Desk on profile {DEMO_PROFILE}; close the window to stop the sandbox"
    );
    shell::run(Command::new(&app).args(["--profile", DEMO_PROFILE, "--api-base", &url]))?;
    drop(sandbox);
    Ok(())
}
