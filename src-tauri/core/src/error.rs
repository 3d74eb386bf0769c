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

/// What a caller can do about an [`Error`], decided once here: the window's
/// error code and the CLI's exit code are each a table from it (gitbutler's
/// `but-error` `Code` is the model). Add a kind only when an edge acts on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// A value the user gave is unusable (an id, a URL, a field, a template):
    /// fix it and try again.
    InvalidInput,
    /// The key can't be used before Stripe is asked: its format, or a live
    /// key with a local sandbox.
    InvalidKey,
    /// Stripe refused the key itself: rejected, revoked, or missing permissions.
    KeyRejected,
    /// The profile's name or record is unusable.
    InvalidProfile,
    /// No key is saved for the profile: connect one first.
    NoKey,
    /// The OS keychain can't be reached.
    KeychainUnavailable,
    /// The network, not Stripe, is the problem.
    Offline,
    /// The customer, subscription, email address or document isn't there.
    NotFound,
    /// The Customer Portal isn't set up for this mode.
    NotConfigured,
    /// The configuration's durable login page is off.
    LoginPageOff,
    /// Stripe refused this request, or answered with something unusable.
    StripeRefused,
    /// A sync Stripe kept limiting: stopped at its last page, the next resumes.
    RateLimited,
    /// Stripe is overloaded or down (429 or 5xx after retries): not a refusal
    /// of this request, so try again later.
    StripeUnavailable,
    /// The mail server refused the email or could not be reached.
    MailFailed,
    /// Anything else (the cache, the data folder, a file): the message says what.
    Internal,
}

impl ErrorKind {
    /// Every kind, once each.
    pub const ALL: [ErrorKind; 15] = [
        ErrorKind::InvalidInput,
        ErrorKind::InvalidKey,
        ErrorKind::KeyRejected,
        ErrorKind::InvalidProfile,
        ErrorKind::NoKey,
        ErrorKind::KeychainUnavailable,
        ErrorKind::Offline,
        ErrorKind::NotFound,
        ErrorKind::NotConfigured,
        ErrorKind::LoginPageOff,
        ErrorKind::StripeRefused,
        ErrorKind::RateLimited,
        ErrorKind::StripeUnavailable,
        ErrorKind::MailFailed,
        ErrorKind::Internal,
    ];
}

impl Error {
    /// What the caller can do about this error.
    pub fn kind(&self) -> ErrorKind {
        use crate::documents::DocumentError;
        match self {
            Error::KeyFormat(_) | Error::ApiBase(_) => ErrorKind::InvalidKey,
            Error::Keychain(KeychainError::Unavailable { .. }) => ErrorKind::KeychainUnavailable,
            Error::Keychain(KeychainError::Corrupt { .. } | KeychainError::Failed { .. }) => {
                ErrorKind::Internal
            }
            Error::Profile(ProfileError::NoKey(_)) => ErrorKind::NoKey,
            Error::Profile(
                ProfileError::InvalidName(_)
                | ProfileError::NameLooksLikeKey
                | ProfileError::Unknown(_)
                | ProfileError::DamagedRegistry { .. },
            ) => ErrorKind::InvalidProfile,
            Error::Stripe(failure) => stripe_kind(failure),
            Error::Portal(portal) => portal_kind(portal),
            Error::Mail(mail) => mail_kind(mail),
            Error::Document(DocumentError::Unreachable(_)) => ErrorKind::Offline,
            Error::Document(DocumentError::NotCached(_) | DocumentError::Missing(_)) => {
                ErrorKind::NotFound
            }
            Error::Document(
                DocumentError::Untrusted
                | DocumentError::Expired(_)
                | DocumentError::BadRedirect(_)
                | DocumentError::NotPdf(_),
            ) => ErrorKind::StripeRefused,
            Error::Document(DocumentError::CouldNotOpen { .. } | DocumentError::Io { .. })
            | Error::Cache(_)
            | Error::Export(_)
            | Error::DataDir { .. } => ErrorKind::Internal,
        }
    }
}

fn stripe_kind(failure: &StripeFailure) -> ErrorKind {
    match failure {
        StripeFailure::Rejected | StripeFailure::MissingPermissions(_) => ErrorKind::KeyRejected,
        StripeFailure::Limited { .. } => ErrorKind::RateLimited,
        StripeFailure::Unreachable(_) => ErrorKind::Offline,
        // Stripe's own predicates, so the kinds mean what the sync's do.
        StripeFailure::Api { .. } if failure.is_not_found() => ErrorKind::NotFound,
        StripeFailure::Api { status, .. } if failure.is_rate_limited() || *status >= 500 => {
            ErrorKind::StripeUnavailable
        }
        StripeFailure::Api { .. } | StripeFailure::Unreadable(_) => ErrorKind::StripeRefused,
    }
}

fn portal_kind(error: &crate::portal::PortalError) -> ErrorKind {
    use crate::portal::PortalError;
    match error {
        PortalError::InvalidCustomerId(_)
        | PortalError::InvalidUrl { .. }
        | PortalError::InvalidLocale(_)
        | PortalError::InvalidValue { .. }
        | PortalError::SeveralItems(_) => ErrorKind::InvalidInput,
        PortalError::UnknownCustomer(_)
        | PortalError::DeletedCustomer(_)
        | PortalError::NoSubscription { .. } => ErrorKind::NotFound,
        PortalError::NotConfigured { .. } => ErrorKind::NotConfigured,
        PortalError::LoginPageOff(_) => ErrorKind::LoginPageOff,
        PortalError::UntrustedUrl(_) => ErrorKind::StripeRefused,
        PortalError::Stripe(failure) => stripe_kind(failure),
        PortalError::Cache(_) => ErrorKind::Internal,
    }
}

fn mail_kind(error: &crate::mail::MailError) -> ErrorKind {
    use crate::mail::MailError;
    match error {
        MailError::NoEmail(_) => ErrorKind::NotFound,
        MailError::BadAddress { .. }
        | MailError::BadSettings(_)
        | MailError::UnknownPlaceholder(_) => ErrorKind::InvalidInput,
        MailError::Send(_) => ErrorKind::MailFailed,
    }
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
