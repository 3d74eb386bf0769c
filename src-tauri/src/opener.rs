//! Opening links in the system browser and files in their default app. This
//! is the app's only door to the browser: the webview has no opener permission,
//! so every URL is opened here, after the core's one URL check
//! ([`portal_core::links::check`]).
//!
//! Under test, what would be opened is appended to a log file instead, so a
//! test can check exactly that: the `PORTAL_DESK_TEST_OPENER_LOG` hook names it
//! for the CLI and the window (test builds only, see [`crate::test_hooks`]),
//! and [`Opener::recording`] for in-process tests.

use std::io::Write;
use std::path::{Path, PathBuf};

use portal_core::{ApiBase, links};

use crate::test_hooks;

/// Opens links and files, or records them under test.
#[derive(Debug, Clone, Default)]
pub struct Opener {
    log: Option<PathBuf>,
}

impl Opener {
    /// The system opener, unless the opener-log test hook is set.
    pub fn from_env() -> Opener {
        Opener {
            log: test_hooks::var(test_hooks::OPENER_LOG).map(PathBuf::from),
        }
    }

    /// An opener that only appends what it is asked to open to `log`.
    pub fn recording(log: PathBuf) -> Opener {
        Opener { log: Some(log) }
    }

    /// Opens `url` in the default browser once it passes the URL check
    /// (https, or loopback http while `api_base` names a sandbox).
    pub fn open_url(&self, url: &str, api_base: Option<&ApiBase>) -> Result<(), String> {
        let link = links::check(url, api_base)
            .map_err(|problem| format!("the link was not opened: it {problem}"))?;
        self.record_or(link.as_str(), || {
            tauri_plugin_opener::open_url(link.as_str(), None::<&str>).map_err(|e| e.to_string())
        })
    }

    /// Opens a `mailto:` draft (built by the core) in the mail program.
    pub fn open_mail_draft(&self, mailto: &str) -> Result<(), String> {
        if !mailto.starts_with("mailto:") || mailto.chars().any(char::is_control) {
            return Err("only a mail draft can be opened in the mail program".into());
        }
        self.record_or(mailto, || {
            tauri_plugin_opener::open_url(mailto, None::<&str>).map_err(|e| e.to_string())
        })
    }

    /// Opens the file at `path` in its default app.
    pub fn open_path(&self, path: &Path) -> Result<(), String> {
        self.record_or(&path.display().to_string(), || {
            tauri_plugin_opener::open_path(path, None::<&str>).map_err(|e| e.to_string())
        })
    }

    fn record_or(
        &self,
        target: &str,
        open: impl FnOnce() -> Result<(), String>,
    ) -> Result<(), String> {
        let Some(log) = &self.log else {
            return open();
        };
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .map_err(|e| e.to_string())?;
        writeln!(file, "{target}").map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_checked_links_and_mail_drafts_are_opened() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let log = dir.path().join("opened.log");
        let opener = Opener::recording(log.clone());
        for refused in [
            "https://evil.example\\.stripe.com/",
            "https://billing.stripe.com@evil.example/",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "http://127.0.0.1:9/p",
        ] {
            assert!(opener.open_url(refused, None).is_err(), "{refused}");
        }
        assert!(
            opener
                .open_mail_draft("https://billing.stripe.com/p")
                .is_err()
        );
        assert!(!log.exists(), "nothing refused was opened");

        opener
            .open_url("https://billing.stripe.com/p/session/x", None)
            .expect("a Stripe link");
        opener
            .open_mail_draft("mailto:ana@example.com?subject=Hi")
            .expect("a draft");
        assert_eq!(
            std::fs::read_to_string(&log).expect("the log"),
            "https://billing.stripe.com/p/session/x\nmailto:ana@example.com?subject=Hi\n"
        );
    }
}
