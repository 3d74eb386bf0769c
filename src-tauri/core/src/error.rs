use std::path::PathBuf;

use crate::api_base::ApiBaseError;
use crate::keychain::KeychainError;
use crate::profiles::ProfileError;
use crate::secret::KeyFormatError;
use crate::stripe_api::StripeFailure;

/// `text` as an error message quotes it: in double quotes, at most 40
/// characters (then "…"), with control and invisible characters shown as "�",
/// so a pasted page or a stray escape can't flood or garble the message.
pub(crate) fn quote(text: &str) -> String {
    const MAX: usize = 40;
    // Zero-width and direction marks: they hide or reorder what is shown.
    let invisible = |c: char| matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}');
    let mut shown: String = text
        .chars()
        .take(MAX)
        .map(|c| {
            if c.is_control() || invisible(c) {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    if text.chars().nth(MAX).is_some() {
        shown.push('…');
    }
    format!("\"{shown}\"")
}

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

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn a_quote_is_short_and_shows_no_control_or_invisible_characters() {
        assert_eq!(quote("cus_123"), "\"cus_123\"");
        assert_eq!(quote("a\u{1c}b\nc\u{202e}d"), "\"a�b�c�d\"");
        let long = "x".repeat(5_000);
        assert_eq!(quote(&long), format!("\"{}…\"", "x".repeat(40)));
        assert_eq!(quote(&"é".repeat(40)), format!("\"{}\"", "é".repeat(40)));
    }
}
