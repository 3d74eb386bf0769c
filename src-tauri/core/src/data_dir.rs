//! The folder that holds Portal Desk's files (never a secret).

use std::io;
use std::path::{Path, PathBuf};

/// The app's identifier; also the folder name under the OS data dir, the same
/// folder Tauri's `app_data_dir()` gives the window.
pub const APP_IDENTIFIER: &str = "io.portaldesk.desk";

/// The data folder: `--data-dir`, `PORTAL_DESK_DATA_DIR`, or the OS default
/// (`~/.local/share/io.portaldesk.desk` on Linux).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    path: PathBuf,
}

impl DataDir {
    /// `explicit` when given, else the OS app-data folder.
    pub fn resolve(explicit: Option<PathBuf>) -> io::Result<DataDir> {
        let path = match explicit {
            Some(path) => path,
            None => dirs::data_dir()
                .ok_or_else(|| {
                    io::Error::new(
                        io::ErrorKind::NotFound,
                        "this system has no user data folder; pass --data-dir",
                    )
                })?
                .join(APP_IDENTIFIER),
        };
        Ok(DataDir { path })
    }

    /// The folder itself.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Creates the folder if needed, readable by this user only.
    pub fn ensure(&self) -> io::Result<&Path> {
        crate::private_files::create_dir_all(&self.path)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&self.path, std::fs::Permissions::from_mode(0o700))?;
        }
        Ok(&self.path)
    }
}
