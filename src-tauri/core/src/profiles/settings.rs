//! What a user sets per profile ([`ProfileSettings`], no secrets), the SMTP
//! server with its password in the keychain, and the installation's language.

use serde::{Deserialize, Serialize};

use super::{ProfileName, Profiles};
use crate::error::Error;

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

/// What saving an SMTP server did besides saving it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SmtpSaved {
    /// The saved password was removed: the server changed and no new password
    /// came with it. The user is asked for the new server's password.
    pub password_removed: bool,
}

impl Profiles {
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
}
