//! Profiles: a named Stripe account connection (key in the keychain, record in
//! the data folder). Several profiles live side by side, e.g. `test` and `live`.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::api_base::ApiBase;
use crate::cache::{CachePool, PooledCache};
use crate::data_dir::DataDir;
use crate::error::Error;
use crate::keychain::Keychain;
use crate::secret::{ApiKey, KeyKind, Mode};
use crate::stripe_api::{Account, StripeClient, verify_key};

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

/// What saving an SMTP server did besides saving it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SmtpSaved {
    /// The saved password was removed: the server changed and no new password
    /// came with it. The user is asked for the new server's password.
    pub password_removed: bool,
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

/// `profiles.json`: which profiles exist and their mode. No secrets, so the
/// app can list profiles without asking the keychain.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Registry {
    profiles: Vec<ProfileRecord>,
    /// Per profile name; kept apart from the key records so a profile whose key
    /// comes from `STRIPE_API_KEY`, or was forgotten, keeps its settings.
    #[serde(default)]
    settings: std::collections::BTreeMap<String, ProfileSettings>,
    /// The installation's language, chosen in Settings (`None`: the OS's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    language: Option<portal_i18n::Language>,
}

#[derive(Debug, Serialize, Deserialize)]
struct ProfileRecord {
    name: String,
    mode: String,
    key_kind: String,
    #[serde(default)]
    business_name: Option<String>,
    #[serde(default)]
    account_id: Option<String>,
}

/// What a user sets per profile. No secrets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileSettings {
    /// Where the portal sends customers back (https, or loopback http for a sandbox).
    pub return_url: Option<String>,
    /// The portal configuration (`bpc_…`) sessions use; the account default when unset.
    pub portal_configuration: Option<String>,
    /// Minutes between background syncs in the app.
    pub sync_interval_minutes: u32,
    /// Requests per second; Stripe's limit for the key's mode when unset.
    pub requests_per_second: Option<f64>,
    /// Where portal-link emails are sent from (the password is in the keychain).
    pub smtp: Option<crate::mail::SmtpSettings>,
    /// The email's subject and body, when changed from the default.
    pub email_template: Option<crate::mail::EmailTemplate>,
    /// The business name emails sign with, typed by the user: a restricted
    /// key usually may not read the account's.
    pub business_name: Option<String>,
}

impl Default for ProfileSettings {
    fn default() -> ProfileSettings {
        ProfileSettings {
            return_url: None,
            portal_configuration: None,
            sync_interval_minutes: 15,
            requests_per_second: None,
            smtp: None,
            email_template: None,
            business_name: None,
        }
    }
}

const REGISTRY_FILE: &str = "profiles.json";

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

    /// The cache file of `profile` (one SQLite file per profile).
    pub fn cache_path(&self, profile: &ProfileName) -> PathBuf {
        self.data_dir
            .path()
            .join(format!("cache-{}.sqlite3", profile.as_str()))
    }

    /// The saved invoice PDFs of `profile`.
    pub fn invoice_files(&self, profile: &ProfileName) -> crate::InvoiceFiles {
        crate::InvoiceFiles::new(self.invoice_dir(profile))
    }

    fn invoice_dir(&self, profile: &ProfileName) -> PathBuf {
        self.data_dir
            .path()
            .join(format!("invoices-{}", profile.as_str()))
    }

    /// The cache file of `profile` with SQLite's journal files beside it.
    fn cache_files(&self, profile: &ProfileName) -> [PathBuf; 3] {
        let main = self.cache_path(profile);
        let beside = |suffix: &str| {
            let mut name = main.clone().into_os_string();
            name.push(suffix);
            PathBuf::from(name)
        };
        [beside("-wal"), beside("-shm"), main]
    }

    /// Bytes on disk: the cache of `profile`, and its saved invoice PDFs.
    pub fn cache_size(&self, profile: &ProfileName) -> (u64, u64) {
        let size = |path: &Path| std::fs::metadata(path).map_or(0, |m| m.len());
        let cache = self.cache_files(profile).iter().map(|p| size(p)).sum();
        let pdfs = std::fs::read_dir(self.invoice_dir(profile))
            .map(|entries| entries.flatten().map(|e| size(&e.path())).sum())
            .unwrap_or(0);
        (cache, pdfs)
    }

    /// Deletes the cache of `profile` and its saved PDFs; the next sync reads
    /// everything again. Keys and settings stay. No connection to the cache may
    /// be open (the caller waits for syncs to end).
    pub fn clear_cache(&self, profile: &ProfileName) -> Result<(), Error> {
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| Error::DataDir { path, source }
        };
        self.caches.forget(&self.cache_path(profile));
        // The main file last: a crash midway leaves a file SQLite still opens.
        for path in self.cache_files(profile) {
            match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(&path)(e)),
                _ => {}
            }
        }
        let pdfs = self.invoice_dir(profile);
        match std::fs::remove_dir_all(&pdfs) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(&pdfs)(e)),
            _ => Ok(()),
        }
    }

    /// Saves the SMTP server of `profile` after checking it, with `password`
    /// (when given) in the keychain. Without a login, a saved password is removed.
    ///
    /// A saved password belongs to the server it was typed for: when the host,
    /// port, login or security changes and no new password comes with it, the
    /// old one is removed, so a typo fix never sends it to another server.
    pub fn set_smtp(
        &self,
        profile: &ProfileName,
        settings: crate::mail::SmtpSettings,
        password: Option<&str>,
    ) -> Result<SmtpSaved, Error> {
        settings.check()?;
        let secret = crate::mail::SMTP_SECRET;
        let password = password.filter(|p| !p.is_empty());
        let previous = self.settings(profile)?.smtp;
        let same_server = previous.as_ref().is_some_and(|p| {
            (&p.host, p.port, &p.username, p.tls)
                == (
                    &settings.host,
                    settings.port,
                    &settings.username,
                    settings.tls,
                )
        });
        let mut saved = SmtpSaved::default();
        match (&settings.username, password) {
            (None, _) => {
                // Unused without a login: removed when the keychain can be
                // reached, and no reason to refuse the server when it can't.
                let _ = self.keychain.forget_secret(secret, profile);
            }
            (Some(_), Some(password)) => {
                self.keychain.save_secret(secret, profile, password)?;
            }
            (Some(_), None) if same_server => {}
            (Some(_), None) => {
                // Must succeed: the password may not outlive its server.
                saved.password_removed = self.keychain.forget_secret(secret, profile)?;
            }
        }
        self.update_settings(profile, |s| s.smtp = Some(settings))?;
        Ok(saved)
    }

    /// Whether an SMTP password of `profile` is in the keychain.
    pub fn has_smtp_password(&self, profile: &ProfileName) -> Result<bool, Error> {
        Ok(self
            .keychain
            .load_secret(crate::mail::SMTP_SECRET, profile)?
            .is_some())
    }

    /// Removes the SMTP server of `profile` and its password.
    pub fn forget_smtp(&self, profile: &ProfileName) -> Result<(), Error> {
        self.keychain
            .forget_secret(crate::mail::SMTP_SECRET, profile)?;
        self.update_settings(profile, |s| s.smtp = None)?;
        Ok(())
    }

    /// The cache of `profile`, kept open between calls (see [`CachePool`]),
    /// creating the data folder and the file if needed.
    pub fn open_cache(&self, profile: &ProfileName) -> Result<PooledCache, Error> {
        self.data_dir.ensure().map_err(|source| Error::DataDir {
            path: self.data_dir.path().to_owned(),
            source,
        })?;
        Ok(self.caches.open(&self.cache_path(profile))?)
    }

    /// The settings of `profile` (defaults when none were saved).
    pub fn settings(&self, profile: &ProfileName) -> Result<ProfileSettings, Error> {
        Ok(self
            .read_registry()?
            .settings
            .remove(profile.as_str())
            .unwrap_or_default())
    }

    /// Changes the settings of `profile`.
    pub fn update_settings(
        &self,
        profile: &ProfileName,
        change: impl FnOnce(&mut ProfileSettings),
    ) -> Result<ProfileSettings, Error> {
        let mut updated = ProfileSettings::default();
        self.update_registry(|registry| {
            let settings = registry.settings.entry(profile.to_string()).or_default();
            change(settings);
            updated = settings.clone();
        })?;
        Ok(updated)
    }

    /// The language chosen for this installation (`None`: follow the OS).
    pub fn language_choice(&self) -> Result<Option<portal_i18n::Language>, Error> {
        Ok(self.read_registry()?.language)
    }

    /// Saves the installation's language; `None` follows the OS again.
    pub fn set_language_choice(
        &self,
        language: Option<portal_i18n::Language>,
    ) -> Result<(), Error> {
        self.update_registry(|registry| registry.language = language)
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

    fn registry_path(&self) -> PathBuf {
        self.data_dir.path().join(REGISTRY_FILE)
    }

    fn read_registry(&self) -> Result<Registry, Error> {
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

    fn update_registry(&self, change: impl FnOnce(&mut Registry)) -> Result<(), Error> {
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

/// A well-formed key that `api_base` (a sandbox) may receive.
fn accepted_key(raw: &str, api_base: Option<&ApiBase>) -> Result<ApiKey, Error> {
    let key = ApiKey::parse(raw)?;
    if let Some(base) = api_base {
        base.allows(&key)?;
    }
    Ok(key)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn profiles(dir: &Path) -> Profiles {
        let data_dir = DataDir::resolve(Some(dir.join("data"))).expect("explicit dir");
        Profiles::new(data_dir, Arc::new(Keychain::in_memory()))
    }

    #[test]
    fn a_key_given_as_a_profile_name_is_refused_without_being_repeated() {
        for pasted in [
            "sk_test_51FakeKeyForTests0000abcd",
            "rk_live_51FakeKeyForTests0000abcdefghijklmnopqrstuvwxyz0123456789",
            "sk_test_short",
            "  sk_test_padded  ",
            "pk_test_51FakeKeyForTests0000abcd",
            "whsec_FakeSecret0000abcd",
        ] {
            let error = ProfileName::parse(pasted).expect_err("a key is no profile name");
            let message = error.to_string();
            assert!(
                ["sk_", "rk_", "pk_", "whsec_", "Fake"]
                    .iter()
                    .all(|part| !message.contains(part)),
                "nothing of the key is repeated: {message}"
            );
            assert!(
                matches!(error, ProfileError::NameLooksLikeKey),
                "{pasted}: {error:?}"
            );
        }
        assert!(
            ProfileName::parse("desk_ops").is_ok(),
            "an ordinary name with _"
        );
    }

    #[test]
    fn profile_names_follow_the_rule() {
        for good in ["default", "test", "live", "acme-eu_2"] {
            assert!(ProfileName::parse(good).is_ok(), "{good}");
        }
        for bad in ["", "with space", "../etc", "ünïcode", &"x".repeat(41)] {
            assert!(ProfileName::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn save_key_records_the_profile_without_the_key() -> anyhow::Result<()> {
        let tmp = tempfile::tempdir()?;
        let profiles = profiles(tmp.path());
        let name = ProfileName::parse("default")?;
        let info = profiles.save_key(&name, " sk_test_51FakeKeyForTests0000abcd\n", None)?;
        assert_eq!((info.mode, info.last4.as_str()), (Mode::Test, "abcd"));
        assert_eq!(profiles.names()?, vec!["default".to_string()]);

        let registry = std::fs::read_to_string(tmp.path().join("data/profiles.json"))?;
        assert!(
            !registry.contains("FakeKeyForTests"),
            "the key must stay out of files"
        );
        Ok(())
    }

    #[test]
    fn clearing_the_cache_keeps_keys_and_settings_and_the_next_open_starts_empty()
    -> anyhow::Result<()> {
        let tmp = tempfile::tempdir()?;
        let profiles = profiles(tmp.path());
        let name = ProfileName::parse("default")?;
        profiles.save_key(&name, "sk_test_51FakeKeyForTests0000abcd", None)?;
        profiles.update_settings(&name, |s| s.sync_interval_minutes = 5)?;
        let mut cache = profiles.open_cache(&name)?;
        cache.write(|tx| crate::cache::sync_state::set(tx, "probe", 1))?;
        drop(cache);
        let pdfs = tmp.path().join("data/invoices-default");
        std::fs::create_dir_all(&pdfs)?;
        std::fs::write(pdfs.join("in_1.pdf"), b"%PDF-1.4 12345")?;
        let (cache_bytes, pdf_bytes) = profiles.cache_size(&name);
        assert!(cache_bytes > 0);
        assert_eq!(pdf_bytes, 14);

        profiles.clear_cache(&name)?;
        assert_eq!(profiles.cache_size(&name), (0, 0));
        assert!(profiles.key(&name)?.is_some(), "the key stays");
        assert_eq!(profiles.settings(&name)?.sync_interval_minutes, 5);
        let cache = profiles.open_cache(&name)?;
        assert_eq!(crate::sync::last_synced(&cache)?, None, "a fresh cache");
        profiles.clear_cache(&ProfileName::parse("never-used")?)?;
        Ok(())
    }

    #[test]
    fn smtp_is_checked_and_its_password_kept_only_with_a_login() -> anyhow::Result<()> {
        let tmp = tempfile::tempdir()?;
        let profiles = profiles(tmp.path());
        let name = ProfileName::parse("default")?;
        let server = |username: Option<&str>, from: &str| crate::mail::SmtpSettings {
            host: "smtp.coffee.example".into(),
            port: 587,
            tls: crate::mail::TlsMode::Starttls,
            username: username.map(str::to_owned),
            from: from.into(),
        };
        assert!(
            profiles
                .set_smtp(&name, server(None, "not an address"), None)
                .is_err()
        );
        assert_eq!(profiles.settings(&name)?.smtp, None, "nothing saved");

        profiles.set_smtp(
            &name,
            server(Some("me"), "billing@coffee.example"),
            Some("pw"),
        )?;
        assert!(profiles.has_smtp_password(&name)?);
        // Saving again without a password keeps the saved one.
        profiles.set_smtp(&name, server(Some("me"), "billing@coffee.example"), None)?;
        assert!(profiles.has_smtp_password(&name)?);
        let registry = std::fs::read_to_string(tmp.path().join("data/profiles.json"))?;
        assert!(
            !registry.contains("\"pw\""),
            "the password stays out of files"
        );
        profiles.set_smtp(&name, server(None, "billing@coffee.example"), None)?;
        assert!(!profiles.has_smtp_password(&name)?, "no login, no password");
        profiles.forget_smtp(&name)?;
        assert_eq!(profiles.settings(&name)?.smtp, None);
        Ok(())
    }

    #[test]
    fn a_changed_smtp_server_never_gets_the_old_password() -> anyhow::Result<()> {
        use crate::mail::{SmtpSettings, TlsMode};
        let tmp = tempfile::tempdir()?;
        let profiles = profiles(tmp.path());
        let name = ProfileName::parse("default")?;
        let typed = SmtpSettings {
            host: "smtp.gmial.com".into(),
            port: 587,
            tls: TlsMode::Starttls,
            username: Some("me@coffee.example".into()),
            from: "billing@coffee.example".into(),
        };
        type Change = fn(&mut SmtpSettings);
        let changes: [(&str, Change); 4] = [
            ("host", |s| s.host = "smtp.gmail.com".into()),
            ("port", |s| s.port = 465),
            ("login", |s| {
                s.username = Some("other@coffee.example".into())
            }),
            ("security", |s| s.tls = TlsMode::Tls),
        ];
        for (what, change) in changes {
            profiles.set_smtp(&name, typed.clone(), Some("pw"))?;
            let kept = profiles.set_smtp(
                &name,
                SmtpSettings {
                    from: "hello@coffee.example".into(),
                    ..typed.clone()
                },
                None,
            )?;
            assert!(!kept.password_removed, "only the sender changed ({what})");
            assert!(profiles.has_smtp_password(&name)?, "same server ({what})");

            let mut moved = typed.clone();
            change(&mut moved);
            let saved = profiles.set_smtp(&name, moved.clone(), None)?;
            assert!(saved.password_removed, "a new {what} without a password");
            assert!(
                !profiles.has_smtp_password(&name)?,
                "the old password must not follow a new {what}"
            );
            assert_eq!(
                profiles.settings(&name)?.smtp,
                Some(moved),
                "saved all the same"
            );

            profiles.set_smtp(&name, typed.clone(), Some("pw"))?;
            let mut moved = typed.clone();
            change(&mut moved);
            let with_new = profiles.set_smtp(&name, moved, Some("pw2"))?;
            assert!(
                !with_new.password_removed,
                "a new password came along ({what})"
            );
            assert!(profiles.has_smtp_password(&name)?);
        }
        Ok(())
    }

    #[test]
    fn a_rejected_key_leaves_nothing_behind() -> anyhow::Result<()> {
        let tmp = tempfile::tempdir()?;
        let profiles = profiles(tmp.path());
        let name = ProfileName::parse("default")?;
        assert!(
            profiles
                .save_key(&name, "pk_test_51FakeKey0000abcd", None)
                .is_err()
        );
        assert!(profiles.key_info(&name)?.is_none(), "no key stored");
        assert!(!tmp.path().join("data").exists(), "no data folder created");
        Ok(())
    }

    #[test]
    fn forget_removes_key_and_record() -> anyhow::Result<()> {
        let tmp = tempfile::tempdir()?;
        let profiles = profiles(tmp.path());
        let name = ProfileName::parse("live")?;
        profiles.save_key(&name, "sk_live_FAKE_test_only_0000_wxyz", None)?;
        assert!(profiles.forget_key(&name)?, "a key was there");
        assert!(profiles.key_info(&name)?.is_none());
        assert!(profiles.names()?.is_empty());
        assert!(!profiles.forget_key(&name)?, "nothing left to forget");
        Ok(())
    }

    #[test]
    fn a_live_key_is_refused_with_a_sandbox_base() -> anyhow::Result<()> {
        let tmp = tempfile::tempdir()?;
        let profiles = profiles(tmp.path());
        let name = ProfileName::parse("demo")?;
        let base = ApiBase::parse("http://127.0.0.1:12111")?;
        let error = profiles
            .save_key(&name, "sk_live_FAKE_test_only_0000_wxyz", Some(&base))
            .expect_err("refused");
        assert!(error.to_string().contains("live-mode key"), "{error}");
        assert!(profiles.key_info(&name)?.is_none(), "nothing stored");
        profiles.save_key(&name, "sk_test_51FakeKeyForTests0000wxyz", Some(&base))?;
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn data_files_are_private() -> anyhow::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir()?;
        let profiles = profiles(tmp.path());
        profiles.save_key(
            &ProfileName::parse("default")?,
            "sk_test_51FakeKeyForTests0000abcd",
            None,
        )?;
        let dir_mode = std::fs::metadata(tmp.path().join("data"))?
            .permissions()
            .mode()
            & 0o777;
        let file_mode = std::fs::metadata(tmp.path().join("data/profiles.json"))?
            .permissions()
            .mode()
            & 0o777;
        assert_eq!((dir_mode, file_mode), (0o700, 0o600));
        Ok(())
    }
}
