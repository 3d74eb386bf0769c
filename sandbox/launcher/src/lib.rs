//! The `stripe-sandbox` binary as a child process: `cargo xtask bench` and
//! `demo`, and the E2E tests, start it this one way. Kept out of the sandbox's
//! own crate so neither has to build the sandbox's library to launch its binary.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use anyhow::Context;

/// A running sandbox; dropping it stops it with SIGTERM.
#[derive(Debug)]
pub struct SandboxProcess {
    child: Child,
    /// `http://127.0.0.1:PORT`, from its first line on stdout.
    pub url: String,
}

impl SandboxProcess {
    /// Starts `binary` with `args` and waits for its `listening on URL` line.
    pub fn start(binary: &Path, args: &[&str]) -> anyhow::Result<SandboxProcess> {
        let mut child = Command::new(binary)
            .args(args)
            .stdout(Stdio::piped())
            .spawn()
            .with_context(|| format!("starting {}", binary.display()))?;
        let stdout = child.stdout.take().context("sandbox stdout")?;
        // From here on, drop stops the child even if the first line is wrong.
        let mut sandbox = SandboxProcess {
            child,
            url: String::new(),
        };
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        sandbox.url = line
            .trim()
            .strip_prefix("listening on ")
            .with_context(|| format!("the sandbox said {line:?}"))?
            .to_owned();
        Ok(sandbox)
    }

    /// The process id (to read its memory use).
    pub fn id(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for SandboxProcess {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}
