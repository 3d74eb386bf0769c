//! Asking the user where to save a file.
//!
//! The window connects the OS save dialog at start ([`SaveDialog::connect`]).
//! A native dialog can't be driven through WebDriver, so under test the
//! answer is a folder instead: the `PORTAL_DESK_TEST_SAVE_DIR` hook names it
//! (test builds only, see [`crate::test_hooks`]; the file gets the suggested
//! name there), or [`SaveDialog::into_folder`].

use std::path::PathBuf;
use std::sync::OnceLock;

type Ask = Box<dyn Fn(&str) -> Option<PathBuf> + Send + Sync>;

/// Asks where to save, or answers with a folder under test.
#[derive(Default)]
pub struct SaveDialog {
    folder: Option<PathBuf>,
    ask: OnceLock<Ask>,
}

impl SaveDialog {
    /// The OS dialog once connected, unless the save-folder test hook is set.
    pub fn from_env() -> SaveDialog {
        SaveDialog {
            folder: crate::test_hooks::var(crate::test_hooks::SAVE_DIR).map(PathBuf::from),
            ask: OnceLock::new(),
        }
    }

    /// A dialog that always answers `folder/<suggested name>`.
    pub fn into_folder(folder: PathBuf) -> SaveDialog {
        SaveDialog {
            folder: Some(folder),
            ask: OnceLock::new(),
        }
    }

    /// Asks through `ask` from now on: it gets the suggested file name, blocks
    /// until the user answers, and returns `None` when they cancel.
    pub fn connect(&self, ask: impl Fn(&str) -> Option<PathBuf> + Send + Sync + 'static) {
        let _ = self.ask.set(Box::new(ask));
    }

    /// Where to save a file named `suggested`; `None` when the user cancels.
    /// Blocks until the user answers, so call it off the main thread.
    pub fn choose(&self, suggested: &str) -> Result<Option<PathBuf>, String> {
        if let Some(folder) = &self.folder {
            return Ok(Some(folder.join(suggested)));
        }
        let ask = self.ask.get().ok_or("no save dialog is available here")?;
        Ok(ask(suggested))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_answers_with_the_suggested_name() {
        let dialog = SaveDialog::into_folder(PathBuf::from("/tmp/out"));
        assert_eq!(
            dialog.choose("a.csv"),
            Ok(Some(PathBuf::from("/tmp/out/a.csv")))
        );
    }

    #[test]
    fn the_connected_dialog_answers_and_can_cancel() {
        let dialog = SaveDialog::default();
        assert!(dialog.choose("a.csv").is_err(), "nothing connected");
        dialog.connect(|name| (name != "cancel.csv").then(|| PathBuf::from("/home").join(name)));
        assert_eq!(
            dialog.choose("a.csv"),
            Ok(Some(PathBuf::from("/home/a.csv")))
        );
        assert_eq!(dialog.choose("cancel.csv"), Ok(None));
    }
}
