//! Settings: the profile's return URL, sync interval and SMTP server, and its
//! cache. Secrets only ever travel toward the core: the SMTP password is sent
//! when changed and never returned.

use serde::{Deserialize, Serialize};

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
    /// The SMTP server, if set.
    pub smtp: Option<SmtpFields>,
    /// An SMTP password is in the keychain.
    pub smtp_password_saved: bool,
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveSettingsArgs {
    /// The profile.
    pub profile: String,
    /// Where the portal sends customers back (https; empty: none).
    #[serde(default)]
    pub return_url: Option<String>,
    /// Minutes between background syncs (0: off, at most 1440).
    pub sync_interval_minutes: u32,
    /// The SMTP server (`None`: remove it and its password).
    #[serde(default)]
    pub smtp: Option<SmtpFields>,
    /// A new SMTP password (`None`: keep the saved one).
    #[serde(default)]
    pub smtp_password: Option<String>,
}
