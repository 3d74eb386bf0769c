//! Opening links in the system browser and files in their default app.
//!
//! Under test, what would be opened is appended to a log file instead, so a
//! test can check exactly that: `PORTAL_DESK_TEST_OPENER_LOG` names it for the
//! CLI and the window, and [`Opener::recording`] for in-process tests.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Opens links and files, or records them under test.
#[derive(Debug, Clone, Default)]
pub struct Opener {
    log: Option<PathBuf>,
}

impl Opener {
    /// The system opener, unless `PORTAL_DESK_TEST_OPENER_LOG` is set.
    pub fn from_env() -> Opener {
        Opener {
            log: std::env::var_os("PORTAL_DESK_TEST_OPENER_LOG").map(PathBuf::from),
        }
    }

    /// An opener that only appends what it is asked to open to `log`.
    pub fn recording(log: PathBuf) -> Opener {
        Opener { log: Some(log) }
    }

    /// Opens `url` in the default browser.
    pub fn open_url(&self, url: &str) -> Result<(), String> {
        self.record_or(url, || {
            tauri_plugin_opener::open_url(url, None::<&str>).map_err(|e| e.to_string())
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

/// Opens `url` with the opener the environment selects (the CLI's door).
pub fn open_url(url: &str) -> Result<(), String> {
    Opener::from_env().open_url(url)
}
