//! The Stripe sandbox binary, for tests that need Stripe.

use std::path::PathBuf;

use anyhow::Context;
use sandbox_launcher::SandboxProcess;

/// A running `stripe-sandbox`; dropping it stops it with SIGTERM.
pub struct StripeSandbox {
    _process: SandboxProcess,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
}

impl StripeSandbox {
    /// Starts the sandbox (built by `cargo xtask e2e`) accepting `key`.
    pub fn start(key: &str) -> anyhow::Result<StripeSandbox> {
        StripeSandbox::start_with(key, &["--customers", "20"])
    }

    /// Starts the sandbox with more arguments (`--customers N`, `--latency-ms L`, …).
    pub fn start_with(key: &str, args: &[&str]) -> anyhow::Result<StripeSandbox> {
        let binary = std::env::var_os("STRIPE_SANDBOX_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/debug/stripe-sandbox")
            });
        let process = SandboxProcess::start(&binary, &[&["--key", key], args].concat())?;
        Ok(StripeSandbox {
            url: process.url.clone(),
            _process: process,
        })
    }
}

impl StripeSandbox {
    /// A control call (`POST /_sandbox/<path>`), such as `simulate`.
    pub fn control(
        &self,
        path: &str,
        body: serde_json::Value,
    ) -> anyhow::Result<serde_json::Value> {
        let response = ureq::post(&format!("{}/_sandbox/{path}", self.url))
            .send_json(body)
            .with_context(|| format!("POST /_sandbox/{path}"))?;
        Ok(response.into_json()?)
    }

    /// Everything the sandbox holds (`GET /_sandbox/truth`).
    pub fn truth(&self) -> anyhow::Result<serde_json::Value> {
        Ok(ureq::get(&format!("{}/_sandbox/truth", self.url))
            .call()?
            .into_json()?)
    }

    /// The requests it received (`GET /_sandbox/requests`).
    pub fn requests(&self) -> anyhow::Result<Vec<serde_json::Value>> {
        let all: serde_json::Value = ureq::get(&format!("{}/_sandbox/requests", self.url))
            .call()?
            .into_json()?;
        Ok(all.as_array().cloned().unwrap_or_default())
    }

    /// The newest request it received for `path`.
    pub fn last_request(&self, path: &str) -> anyhow::Result<serde_json::Value> {
        self.requests()?
            .into_iter()
            .rev()
            .find(|r| r["path"] == path)
            .with_context(|| format!("no request for {path}"))
    }
}
