//! End-to-end harness: starts `tauri-driver` (which starts WebKitWebDriver and
//! the real app), and drives the window over the W3C WebDriver protocol.
//!
//! `cargo xtask e2e` builds the app with the UI embedded, then runs these tests
//! under Xvfb inside a private D-Bus session with an unlocked gnome-keyring.

pub mod axe;
mod driver;
mod sandbox;
mod webdriver;

pub use driver::{App, AppOptions, app_binary, run_cli};
pub use sandbox::StripeSandbox;
pub use webdriver::{Element, Session};

use std::path::PathBuf;

/// Where screenshots go: `target/e2e-screenshots/`.
pub fn screenshot_dir() -> PathBuf {
    target_dir("e2e-screenshots")
}

/// `target/NAME/`, created if need be.
pub(crate) fn target_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("e2e/ is inside the workspace")
        .join("target")
        .join(name);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
    dir
}
