//! The OS keychain, through `keyring-core` and the platform's store.
//!
//! The store is opened on first use, not at startup, and a failure is not
//! remembered: after the user unlocks their keyring the next call succeeds.

use std::sync::{Arc, Mutex};

use keyring_core::{CredentialStore, Entry};

use crate::profiles::ProfileName;
use crate::secret::ApiKey;

/// The keychain service name every Portal Desk entry uses; the account is the
/// profile name (`secret-tool search service portal-desk` lists them on Linux).
pub const KEYCHAIN_SERVICE: &str = "portal-desk";

type StoreOpener = Box<dyn Fn() -> keyring_core::Result<Arc<CredentialStore>> + Send + Sync>;

/// Where Stripe keys are kept. Cheap to share behind an `Arc`.
pub struct Keychain {
    open: StoreOpener,
    store: Mutex<Option<Arc<CredentialStore>>>,
}

/// A keychain failure. Messages never contain a secret.
#[derive(Debug, thiserror::Error)]
pub enum KeychainError {
    /// No store could be reached: no D-Bus session, no Secret Service, a
    /// locked keyring, or access refused.
    #[error(
        "the system keychain is unavailable ({detail}). Portal Desk keeps your Stripe key only there: on Linux, make sure a Secret Service (GNOME Keyring or KWallet) is running and unlocked."
    )]
    Unavailable {
        /// What the platform said, without any secret.
        detail: String,
    },
    /// The keychain holds something for this profile that is not a Stripe key.
    #[error(
        "the keychain entry for profile {profile} does not hold a usable Stripe key; save the key again"
    )]
    Corrupt {
        /// The profile whose entry is unusable.
        profile: String,
    },
    /// Any other refusal by the store.
    #[error("the system keychain refused the request: {detail}")]
    Failed {
        /// What the store said, without any secret.
        detail: String,
    },
}

impl Keychain {
    /// The keychain of this OS: Secret Service on Linux, Keychain on macOS,
    /// Credential Manager on Windows.
    pub fn platform() -> Keychain {
        Keychain::with_opener(Box::new(open_platform_store))
    }

    /// An in-memory keychain for unit tests; nothing outlives the process.
    pub fn in_memory() -> Keychain {
        let store: Arc<CredentialStore> =
            keyring_core::mock::Store::new().expect("the mock store cannot fail to build");
        Keychain::with_opener(Box::new(move || Ok(store.clone())))
    }

    fn with_opener(open: StoreOpener) -> Keychain {
        Keychain {
            open,
            store: Mutex::new(None),
        }
    }

    /// Stores `key` for `profile`, replacing any earlier key.
    pub fn save(&self, profile: &ProfileName, key: &ApiKey) -> Result<(), KeychainError> {
        self.entry(profile)?
            .set_password(key.expose_secret())
            .map_err(map_error)
    }

    /// The key saved for `profile`; `Ok(None)` when there is none.
    pub fn load(&self, profile: &ProfileName) -> Result<Option<ApiKey>, KeychainError> {
        match self
            .entry(profile)?
            .get_password()
            .map(zeroize::Zeroizing::new)
        {
            Ok(stored) => ApiKey::parse(&stored)
                .map(Some)
                .map_err(|_| KeychainError::Corrupt {
                    profile: profile.to_string(),
                }),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_error(e)),
        }
    }

    /// Removes the key of `profile`; `Ok(false)` when there was none.
    pub fn forget(&self, profile: &ProfileName) -> Result<bool, KeychainError> {
        match self.entry(profile)?.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring_core::Error::NoEntry) => Ok(false),
            Err(e) => Err(map_error(e)),
        }
    }

    /// Stores another secret of `profile` (the SMTP password), under the account
    /// `KIND:profile` of the same service.
    pub fn save_secret(
        &self,
        kind: &str,
        profile: &ProfileName,
        secret: &str,
    ) -> Result<(), KeychainError> {
        self.secret_entry(kind, profile)?
            .set_password(secret)
            .map_err(map_error)
    }

    /// The secret saved by [`Keychain::save_secret`], if any.
    pub fn load_secret(
        &self,
        kind: &str,
        profile: &ProfileName,
    ) -> Result<Option<zeroize::Zeroizing<String>>, KeychainError> {
        match self.secret_entry(kind, profile)?.get_password() {
            Ok(secret) => Ok(Some(zeroize::Zeroizing::new(secret))),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_error(e)),
        }
    }

    /// Removes a secret saved by [`Keychain::save_secret`]; `Ok(false)` when there was none.
    pub fn forget_secret(&self, kind: &str, profile: &ProfileName) -> Result<bool, KeychainError> {
        match self.secret_entry(kind, profile)?.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring_core::Error::NoEntry) => Ok(false),
            Err(e) => Err(map_error(e)),
        }
    }

    fn secret_entry(&self, kind: &str, profile: &ProfileName) -> Result<Entry, KeychainError> {
        self.store()?
            .build(
                KEYCHAIN_SERVICE,
                &format!("{kind}:{}", profile.as_str()),
                None,
            )
            .map_err(map_error)
    }

    fn entry(&self, profile: &ProfileName) -> Result<Entry, KeychainError> {
        self.store()?
            .build(KEYCHAIN_SERVICE, profile.as_str(), None)
            .map_err(map_error)
    }

    fn store(&self) -> Result<Arc<CredentialStore>, KeychainError> {
        let mut cached = self
            .store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(store) = cached.as_ref() {
            return Ok(store.clone());
        }
        let store = (self.open)().map_err(map_error)?;
        *cached = Some(store.clone());
        Ok(store)
    }
}

/// Maps `keyring-core` errors without ever formatting the variants that carry
/// secret bytes (`BadEncoding`, `BadDataFormat`).
fn map_error(error: keyring_core::Error) -> KeychainError {
    use keyring_core::Error as E;
    match error {
        E::NoStorageAccess(e) | E::PlatformFailure(e) => KeychainError::Unavailable {
            detail: e.to_string(),
        },
        E::NoDefaultStore => KeychainError::Unavailable {
            detail: "no credential store is configured".into(),
        },
        E::BadEncoding(_) | E::BadDataFormat(..) => KeychainError::Failed {
            detail: "the stored value is not readable text".into(),
        },
        E::NoEntry => KeychainError::Failed {
            detail: "no such entry".into(),
        },
        E::TooLong(field, max) => KeychainError::Failed {
            detail: format!("{field} is longer than {max}"),
        },
        E::Invalid(field, reason) => KeychainError::Failed {
            detail: format!("{field} {reason}"),
        },
        E::Ambiguous(_) => KeychainError::Failed {
            detail: "several entries match this profile".into(),
        },
        E::BadStoreFormat(_) | E::NotSupportedByStore(_) => KeychainError::Failed {
            detail: "the store does not support this operation".into(),
        },
        _ => KeychainError::Failed {
            detail: "unexpected keychain error".into(),
        },
    }
}

#[cfg(target_os = "linux")]
fn open_platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(zbus_secret_service_keyring_store::Store::new()?)
}

#[cfg(target_os = "macos")]
fn open_platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(apple_native_keyring_store::keychain::Store::new()?)
}

#[cfg(target_os = "windows")]
fn open_platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(windows_native_keyring_store::Store::new()?)
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
fn open_platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Err(keyring_core::Error::NoDefaultStore)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(name: &str) -> ProfileName {
        ProfileName::parse(name).expect("valid profile name")
    }

    #[test]
    fn save_load_forget_round_trip() {
        let keychain = Keychain::in_memory();
        let default = profile("default");
        assert!(
            keychain.load(&default).expect("load").is_none(),
            "empty at first"
        );

        let key = ApiKey::parse("sk_test_51FakeKeyForTests0000abcd").expect("valid");
        keychain.save(&default, &key).expect("save");
        let loaded = keychain.load(&default).expect("load").expect("saved key");
        assert_eq!(loaded.expose_secret(), key.expose_secret());

        assert!(
            keychain.forget(&default).expect("forget"),
            "there was a key"
        );
        assert!(
            !keychain.forget(&default).expect("forget again"),
            "nothing left"
        );
        assert!(keychain.load(&default).expect("load").is_none());
    }

    #[test]
    fn profiles_do_not_share_keys() {
        let keychain = Keychain::in_memory();
        let test_key = ApiKey::parse("sk_test_51FakeKeyForTests0000test").expect("valid");
        let live_key =
            ApiKey::parse("rk_live_51FakeKeyForTests0000abcdefghijklmnopqrstuvwxyz0123456789")
                .expect("valid");
        keychain
            .save(&profile("test"), &test_key)
            .expect("save test");
        keychain
            .save(&profile("live"), &live_key)
            .expect("save live");
        let loaded = keychain.load(&profile("test")).expect("load").expect("key");
        assert_eq!(loaded.last4(), "test");
    }

    #[test]
    fn an_unreachable_store_is_reported_as_unavailable() {
        let keychain = Keychain::with_opener(Box::new(|| Err(keyring_core::Error::NoDefaultStore)));
        let error = keychain.load(&profile("default")).err().expect("must fail");
        assert!(
            error
                .to_string()
                .starts_with("the system keychain is unavailable"),
            "{error}"
        );
    }
}
