use std::path::PathBuf;

use crate::api_base::ApiBaseError;
use crate::keychain::KeychainError;
use crate::profiles::ProfileError;
use crate::secret::KeyFormatError;
use crate::stripe_api::StripeFailure;

/// Every failure of the core. The Tauri commands turn it into `{code, message}`
/// and the CLI into an exit code; both show the `Display` text to the user.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The key's format is wrong.
    #[error(transparent)]
    KeyFormat(#[from] KeyFormatError),
    /// The OS keychain failed.
    #[error(transparent)]
    Keychain(#[from] KeychainError),
    /// The profile name or record is unusable.
    #[error(transparent)]
    Profile(#[from] ProfileError),
    /// Stripe refused or could not be reached.
    #[error(transparent)]
    Stripe(#[from] StripeFailure),
    /// The API base override was refused.
    #[error(transparent)]
    ApiBase(#[from] ApiBaseError),
    /// A portal action was refused (bad input, unknown customer, not set up).
    #[error(transparent)]
    Portal(crate::portal::PortalError),
    /// An email could not be prepared or sent.
    #[error(transparent)]
    Mail(#[from] crate::mail::MailError),
    /// An invoice document could not be had.
    #[error(transparent)]
    Document(#[from] crate::documents::DocumentError),
    /// The local cache failed.
    #[error(transparent)]
    Cache(#[from] crate::cache::CacheError),
    /// A CSV export could not be written.
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    /// The data folder could not be read or written.
    #[error("could not use the data folder {}: {source}", path.display())]
    DataDir {
        /// The folder or file involved.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
}

impl From<crate::sync::SyncError> for Error {
    fn from(error: crate::sync::SyncError) -> Error {
        match error {
            crate::sync::SyncError::Stripe(failure) => Error::Stripe(failure),
            crate::sync::SyncError::Cache(failure) => Error::Cache(failure),
        }
    }
}

impl From<crate::portal::PortalError> for Error {
    fn from(error: crate::portal::PortalError) -> Error {
        match error {
            crate::portal::PortalError::Stripe(failure) => Error::Stripe(failure),
            crate::portal::PortalError::Cache(failure) => Error::Cache(failure),
            other => Error::Portal(other),
        }
    }
}
