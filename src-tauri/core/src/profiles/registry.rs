//! `profiles.json`, the list of profiles and their settings in the data
//! folder: read whole, changed, and written back atomically.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{ProfileError, ProfileSettings, Profiles};
use crate::error::Error;

const REGISTRY_FILE: &str = "profiles.json";

/// `profiles.json`: which profiles exist and their mode. No secrets, so the
/// app can list profiles without asking the keychain.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct Registry {
    pub(super) profiles: Vec<ProfileRecord>,
    /// Per profile name; kept apart from the key records so a profile whose key
    /// comes from `STRIPE_API_KEY`, or was forgotten, keeps its settings.
    #[serde(default)]
    pub(super) settings: std::collections::BTreeMap<String, ProfileSettings>,
    /// The installation's language, chosen in Settings (`None`: the OS's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) language: Option<portal_i18n::Language>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct ProfileRecord {
    pub(super) name: String,
    pub(super) mode: String,
    pub(super) key_kind: String,
    #[serde(default)]
    pub(super) business_name: Option<String>,
    #[serde(default)]
    pub(super) account_id: Option<String>,
}

impl Profiles {
    pub(super) fn registry_path(&self) -> PathBuf {
        self.data_dir.path().join(REGISTRY_FILE)
    }

    pub(super) fn read_registry(&self) -> Result<Registry, Error> {
        let path = self.registry_path();
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                ProfileError::DamagedRegistry {
                    path: path.clone(),
                    reason: e.to_string(),
                }
                .into()
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Registry::default()),
            Err(source) => Err(Error::DataDir { path, source }),
        }
    }

    pub(super) fn update_registry(&self, change: impl FnOnce(&mut Registry)) -> Result<(), Error> {
        let dir = self.data_dir.ensure().map_err(|source| Error::DataDir {
            path: self.data_dir.path().to_owned(),
            source,
        })?;
        let mut registry = self.read_registry()?;
        change(&mut registry);
        let json = serde_json::to_vec_pretty(&registry).expect("the registry always serializes");
        write_atomically(dir, &self.registry_path(), &json)
    }
}

/// Writes through a temporary file and a rename, so a crash leaves either the
/// old file or the new one, never half of one.
fn write_atomically(dir: &Path, path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let io_error = |source| Error::DataDir {
        path: path.to_owned(),
        source,
    };
    let tmp = dir.join(format!(".{REGISTRY_FILE}.tmp"));
    let mut file = crate::private_files::create_file(&tmp).map_err(io_error)?;
    file.write_all(bytes).map_err(io_error)?;
    file.sync_all().map_err(io_error)?;
    std::fs::rename(&tmp, path).map_err(io_error)
}
