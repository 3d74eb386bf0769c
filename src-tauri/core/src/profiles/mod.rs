//! Profiles: a named Stripe account connection (key in the keychain, record in
//! the data folder). Several profiles live side by side, e.g. `test` and `live`.
//!
//! This file holds names, keys and [`Profiles`] itself; `settings.rs` what a
//! user sets per profile, `caches.rs` a profile's cache and PDFs, and
//! `registry.rs` the `profiles.json` file they are recorded in.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use crate::api_base::ApiBase;
use crate::cache::CachePool;
use crate::data_dir::DataDir;
use crate::error::Error;
use crate::keychain::Keychain;
use crate::secret::{ApiKey, KeyKind, Mode};
use crate::stripe_api::{Account, StripeClient, verify_key};

mod caches;
mod registry;
mod settings;

use registry::ProfileRecord;
pub use settings::{ProfileSettings, SmtpSaved};

/// A valid profile name: 1 to 40 ASCII letters, digits, `-` or `_`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProfileName(String);

/// A profile name or record that can't be used.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    /// The name breaks the naming rule.
    #[error(
        "{0:?} is not a usable profile name: use 1 to 40 letters, digits, '-' or '_' (for example default, test or live)"
    )]
    InvalidName(String),
    /// The name looks like a Stripe key pasted into the wrong place: refused,
    /// and never repeated back, so the key doesn't reach a screen or a log.
    #[error(
        "that looks like a Stripe key, not a profile name, so it was not used or shown; a profile name is a short label such as default, test or live"
    )]
    NameLooksLikeKey,
    /// No profile of that name is recorded.
    #[error(
        "there is no profile named {0}; save a key for it first with `portal-desk --profile {0} key set`"
    )]
    Unknown(String),
    /// No key is saved for the profile.
    #[error("no Stripe key is saved for profile {0}; connect your Stripe account first")]
    NoKey(String),
    /// `profiles.json` exists but can't be read.
    #[error("the profile list {} is damaged ({reason}); move it aside and save your key again", path.display())]
    DamagedRegistry {
        /// The file.
        path: PathBuf,
        /// What was wrong with it.
        reason: String,
    },
}

impl ProfileName {
    /// The profile used when none is named.
    pub const DEFAULT: &'static str = "default";

    /// Checks `name` against the naming rule.
    pub fn parse(name: &str) -> Result<ProfileName, ProfileError> {
        if crate::secret::looks_like_key(name) {
            return Err(ProfileError::NameLooksLikeKey);
        }
        let valid = (1..=40).contains(&name.len())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if valid {
            Ok(ProfileName(name.to_owned()))
        } else {
            // Shown quoted; cap it so a pasted key or essay doesn't flood the message.
            Err(ProfileError::InvalidName(name.chars().take(40).collect()))
        }
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ProfileName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a profile's key was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySource {
    /// The OS keychain.
    Keychain,
    /// `STRIPE_API_KEY` (CLI only).
    Environment,
}

/// All that may be shown about a key: never the key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyInfo {
    /// The profile.
    pub profile: ProfileName,
    /// Test or live.
    pub mode: Mode,
    /// Secret or restricted.
    pub kind: KeyKind,
    /// The last four characters.
    pub last4: String,
    /// Where it came from.
    pub source: KeySource,
    /// The account's business name, when the key was verified and Stripe has one.
    pub business_name: Option<String>,
    /// `acct_…`, when the key was verified and may read the account.
    pub account_id: Option<String>,
}

impl KeyInfo {
    /// Describes `key` without keeping it.
    pub fn describe(profile: &ProfileName, key: &ApiKey, source: KeySource) -> KeyInfo {
        KeyInfo {
            profile: profile.clone(),
            mode: key.mode(),
            kind: key.kind(),
            last4: key.last4().to_owned(),
            source,
            business_name: None,
            account_id: None,
        }
    }
}

/// The profiles of one data folder and their keys in the keychain.
pub struct Profiles {
    data_dir: DataDir,
    keychain: Arc<Keychain>,
    /// The caches' connections, kept open between requests.
    caches: CachePool,
}

impl Profiles {
    /// Profiles stored in `data_dir`, with keys in `keychain`.
    pub fn new(data_dir: DataDir, keychain: Arc<Keychain>) -> Profiles {
        Profiles {
            data_dir,
            keychain,
            caches: CachePool::default(),
        }
    }

    /// The data folder these profiles live in.
    pub fn data_dir(&self) -> &DataDir {
        &self.data_dir
    }

    /// Checks the format of `raw`, stores it in the keychain for `profile` and
    /// records the profile. Only the key's description comes back.
    ///
    /// With a sandbox `api_base`, live keys are refused before anything is stored.
    pub fn save_key(
        &self,
        profile: &ProfileName,
        raw: &str,
        api_base: Option<&ApiBase>,
    ) -> Result<KeyInfo, Error> {
        let key = accepted_key(raw, api_base)?;
        self.store(profile, &key, Account::default())
    }

    /// Like [`Profiles::save_key`], but first verifies the key with Stripe
    /// (account, or balance for restricted keys, and the read permissions the
    /// app needs). Nothing is stored when Stripe refuses or can't be reached.
    pub async fn connect(
        &self,
        profile: &ProfileName,
        raw: &str,
        api_base: Option<&ApiBase>,
    ) -> Result<KeyInfo, Error> {
        let key = accepted_key(raw, api_base)?;
        let client = StripeClient::new(&key, api_base);
        let account = verify_key(&client, &key).await?;
        self.store(profile, &key, account)
    }

    fn store(
        &self,
        profile: &ProfileName,
        key: &ApiKey,
        account: Account,
    ) -> Result<KeyInfo, Error> {
        self.keychain.save(profile, key)?;
        let mut info = KeyInfo::describe(profile, key, KeySource::Keychain);
        info.business_name = account.business_name;
        info.account_id = account.id;
        self.update_registry(|registry| {
            registry.profiles.retain(|p| p.name != profile.as_str());
            registry.profiles.push(ProfileRecord {
                name: profile.to_string(),
                mode: info.mode.as_str().into(),
                key_kind: info.kind.as_str().into(),
                business_name: info.business_name.clone(),
                account_id: info.account_id.clone(),
            });
        })?;
        Ok(info)
    }

    /// The description of the key saved for `profile`, if any.
    pub fn key_info(&self, profile: &ProfileName) -> Result<Option<KeyInfo>, Error> {
        let Some(key) = self.keychain.load(profile)? else {
            return Ok(None);
        };
        let mut info = KeyInfo::describe(profile, &key, KeySource::Keychain);
        if let Some(record) = self
            .read_registry()?
            .profiles
            .into_iter()
            .find(|p| p.name == profile.as_str())
        {
            info.business_name = record.business_name;
            info.account_id = record.account_id;
        }
        Ok(Some(info))
    }

    /// Removes the key of `profile` from the keychain and its record from the
    /// data folder; `false` when there was no key.
    pub fn forget_key(&self, profile: &ProfileName) -> Result<bool, Error> {
        let removed = self.keychain.forget(profile)?;
        if self.registry_path().exists() {
            self.update_registry(|registry| {
                registry.profiles.retain(|p| p.name != profile.as_str())
            })?;
        }
        Ok(removed)
    }

    /// The key saved for `profile`, if any. Stays in this process: it is only
    /// ever handed to a [`StripeClient`].
    pub fn key(&self, profile: &ProfileName) -> Result<Option<ApiKey>, Error> {
        Ok(self.keychain.load(profile)?)
    }

    /// The keychain these profiles keep their secrets in.
    pub fn keychain(&self) -> &Keychain {
        &self.keychain
    }

    /// The business name recorded when the key was verified.
    pub fn business_name(&self, profile: &ProfileName) -> Result<Option<String>, Error> {
        Ok(self
            .read_registry()?
            .profiles
            .into_iter()
            .find(|p| p.name == profile.as_str())
            .and_then(|p| p.business_name))
    }

    /// The names of the profiles recorded in the data folder, sorted.
    pub fn names(&self) -> Result<Vec<String>, Error> {
        let mut names: Vec<String> = self
            .read_registry()?
            .profiles
            .into_iter()
            .map(|p| p.name)
            .collect();
        names.sort();
        Ok(names)
    }
}

/// A well-formed key that `api_base` (a sandbox) may receive.
fn accepted_key(raw: &str, api_base: Option<&ApiBase>) -> Result<ApiKey, Error> {
    let key = ApiKey::parse(raw)?;
    if let Some(base) = api_base {
        base.allows(&key)?;
    }
    Ok(key)
}

#[cfg(test)]
mod tests;
