//! Settings: the profile's return URL, sync interval and SMTP server, and its
//! cache. Secrets only ever travel toward the core: the SMTP password is sent
//! when changed and never returned.

use serde::{Deserialize, Serialize};

/// The highest sync budget the window takes, requests per second (Stripe's
/// raised limits stay well below it).
pub const MAX_REQUESTS_PER_SECOND: u32 = 1000;

/// The longest business name emails sign with, in characters.
pub const MAX_BUSINESS_NAME: usize = 100;

/// The longest sync interval: a day. `save_settings` refuses more, and the
/// settings screen says so as the number is typed.
pub const MAX_SYNC_INTERVAL_MINUTES: u32 = 24 * 60;

/// An SMTP server (the password is in the keychain).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmtpFields {
    /// Host name.
    pub host: String,
    /// Port.
    pub port: u16,
    /// `starttls`, `tls` or `none`.
    pub tls: String,
    /// The login, if the server wants one.
    #[serde(default)]
    pub username: Option<String>,
    /// The sender, `Name <address>` or an address.
    pub from: String,
}

/// What the settings screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsView {
    /// The profile.
    pub profile: String,
    /// Every profile with a saved key, sorted.
    pub profiles: Vec<String>,
    /// Where the portal sends customers back.
    pub return_url: Option<String>,
    /// Minutes between background syncs (0: off).
    pub sync_interval_minutes: u32,
    /// The sync's budget in requests per second (`None`: Stripe's standard
    /// share, 50 live and 23 in test mode).
    #[serde(default)]
    pub requests_per_second: Option<u32>,
    /// The name emails sign with, as typed here (`None`: the Stripe account's).
    #[serde(default)]
    pub business_name: Option<String>,
    /// The Stripe account's business name, when the key may read the account
    /// (a restricted key usually may not).
    #[serde(default)]
    pub account_business_name: Option<String>,
    /// The SMTP server, if set.
    pub smtp: Option<SmtpFields>,
    /// An SMTP password is in the keychain.
    pub smtp_password_saved: bool,
    /// This save removed the SMTP password: the server changed (host, port,
    /// login or security) and no new password came with it, so the old one
    /// can't reach a server it wasn't typed for. The window asks for the new one.
    #[serde(default)]
    pub smtp_password_removed: bool,
    /// The data folder.
    pub data_dir: String,
    /// The profile's cache file.
    pub cache_path: String,
    /// Its size in bytes.
    pub cache_bytes: u64,
    /// Bytes of saved invoice PDFs.
    pub invoice_bytes: u64,
}

/// What to export as CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportKind {
    /// One row per customer, with their plan and default card.
    Customers,
    /// One row per invoice, with its customer.
    Invoices,
}

/// `export_csv`: asks where to save, then writes the profile's cached rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportArgs {
    /// The profile.
    pub profile: String,
    /// Customers or invoices.
    pub kind: ExportKind,
}

/// A finished export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportDone {
    /// The file written.
    pub path: String,
    /// Rows written (the header not counted).
    pub rows: u64,
}

/// `save_settings`: every field is saved as given.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveSettingsArgs {
    /// The profile.
    pub profile: String,
    /// Where the portal sends customers back (https; empty: none).
    #[serde(default)]
    pub return_url: Option<String>,
    /// Minutes between background syncs (0: off, at most 1440).
    pub sync_interval_minutes: u32,
    /// The sync's budget, 1 to [`MAX_REQUESTS_PER_SECOND`] (`None`: the standard share).
    #[serde(default)]
    pub requests_per_second: Option<u32>,
    /// The name emails sign with (`None` or empty: the Stripe account's).
    #[serde(default)]
    pub business_name: Option<String>,
    /// The SMTP server (`None`: remove it and its password).
    #[serde(default)]
    pub smtp: Option<SmtpFields>,
    /// A new SMTP password (`None`: keep the saved one).
    #[serde(default)]
    pub smtp_password: Option<String>,
}

// Written by hand so the password never reaches a log through `{:?}`.
impl std::fmt::Debug for SaveSettingsArgs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SaveSettingsArgs")
            .field("profile", &self.profile)
            .field("return_url", &self.return_url)
            .field("sync_interval_minutes", &self.sync_interval_minutes)
            .field("requests_per_second", &self.requests_per_second)
            .field("business_name", &self.business_name)
            .field("smtp", &self.smtp)
            .field(
                "smtp_password",
                &self.smtp_password.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_prints_the_smtp_password() {
        let args = SaveSettingsArgs {
            profile: "default".into(),
            return_url: None,
            sync_interval_minutes: 15,
            requests_per_second: None,
            business_name: None,
            smtp: None,
            smtp_password: Some("hunter2-canary".into()),
        };
        let shown = format!("{args:?} {args:#?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("<redacted>"), "{shown}");
    }
}
