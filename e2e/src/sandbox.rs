//! The Stripe sandbox binary, for tests that need Stripe.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use anyhow::Context;

/// A running `stripe-sandbox`; dropping it stops it with SIGTERM.
pub struct StripeSandbox {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
}

impl StripeSandbox {
    /// Starts the sandbox (built by `cargo xtask e2e`) accepting `key`.
    pub fn start(key: &str) -> anyhow::Result<StripeSandbox> {
        let binary = std::env::var_os("STRIPE_SANDBOX_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/debug/stripe-sandbox")
            });
        let mut child = Command::new(&binary)
            .args(["--customers", "20", "--key", key])
            .stdout(Stdio::piped())
            .spawn()
            .with_context(|| format!("starting {}", binary.display()))?;
        let mut line = String::new();
        BufReader::new(child.stdout.take().context("sandbox stdout")?).read_line(&mut line)?;
        let url = line
            .trim()
            .strip_prefix("listening on ")
            .with_context(|| format!("the sandbox said {line:?}"))?
            .to_owned();
        Ok(StripeSandbox { child, url })
    }
}

impl Drop for StripeSandbox {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}
