//! The Portal Desk core: everything the app does, with no knowledge of Tauri or
//! of the UI. The Tauri commands and the CLI in `src-tauri/src/` are thin layers
//! over this crate.
//!
//! It holds the Stripe key ([`ApiKey`]), the OS keychain ([`Keychain`]),
//! profiles ([`Profiles`]), the one HTTP path to Stripe ([`Transport`]), the
//! SQLite cache and its sync, portal sessions and configurations, and email.
//! Every failure is an [`Error`] whose [`Error::kind`] tells its callers what
//! it means.

#![warn(missing_docs)]

mod api_base;
pub mod cache;
pub mod configurations;
mod data_dir;
mod documents;
mod error;
pub mod export;
mod keychain;
pub mod links;
pub mod mail;
pub mod money;
pub mod outreach;
mod percent;
pub mod portal;
mod private_files;
mod profiles;
pub mod query;
mod rate_limit;
mod secret;
mod stripe_api;
pub mod sync;
mod transport;

pub use api_base::{ApiBase, ApiBaseError};
pub use data_dir::{APP_IDENTIFIER, DataDir};
pub use documents::{
    DocumentError, DocumentTarget, InvoiceDocument, InvoiceFiles, PdfExport, export_pdfs,
    invoice_document,
};
pub use error::{Error, ErrorKind};
pub use keychain::{KEYCHAIN_SERVICE, Keychain, KeychainError};
pub use profiles::{
    KeyInfo, KeySource, ProfileError, ProfileName, ProfileSettings, Profiles, SmtpSaved,
};
pub use secret::{ApiKey, KeyFormatError, KeyKind, Mode};
pub use stripe_api::{Account, StripeClient, StripeFailure, verify_key};
pub use transport::{API_VERSION, RequestCounters, Transport, TransportOptions};
