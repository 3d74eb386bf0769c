//! The IPC edge of errors: every command fails with `{code, message}`.

use portal_core::mail::MailError;
use portal_core::portal::PortalError;
use portal_core::{DocumentError, Error, KeychainError, ProfileError, StripeFailure};
use portal_ipc::{ErrorCode, ErrorDto};

/// A command's error, serialized to the webview as [`ErrorDto`].
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct AppError(#[from] pub Error);

impl From<portal_core::ProfileError> for AppError {
    fn from(error: portal_core::ProfileError) -> AppError {
        AppError(error.into())
    }
}

impl AppError {
    /// The code the UI acts on.
    pub fn code(&self) -> ErrorCode {
        match &self.0 {
            Error::Stripe(failure) if failure.is_network() => ErrorCode::Offline,
            Error::Stripe(StripeFailure::Rejected | StripeFailure::MissingPermissions(_)) => {
                ErrorCode::InvalidKey
            }
            Error::Stripe(failure) if failure.is_not_found() => ErrorCode::NotFound,
            // A key being checked: any refusal is about the key.
            Error::KeyFormat(_) | Error::ApiBase(_) => ErrorCode::InvalidKey,
            Error::Stripe(_) => ErrorCode::StripeRefused,
            Error::Profile(ProfileError::NoKey(_)) => ErrorCode::NoKey,
            Error::Profile(_) => ErrorCode::InvalidProfile,
            Error::Portal(portal) => portal_code(portal),
            Error::Mail(mail) => mail_code(mail),
            Error::Keychain(KeychainError::Unavailable { .. }) => ErrorCode::KeychainUnavailable,
            Error::Document(DocumentError::Unreachable(_)) => ErrorCode::Offline,
            Error::Document(DocumentError::NotCached(_) | DocumentError::Missing(_)) => {
                ErrorCode::NotFound
            }
            Error::Document(DocumentError::Io { .. } | DocumentError::CouldNotOpen { .. }) => {
                ErrorCode::Internal
            }
            Error::Document(_) => ErrorCode::StripeRefused,
            Error::Keychain(_) | Error::DataDir { .. } | Error::Cache(_) | Error::Export(_) => {
                ErrorCode::Internal
            }
        }
    }

    /// The `{code, message}` the webview receives.
    pub fn to_dto(&self) -> ErrorDto {
        ErrorDto {
            code: self.code(),
            message: self.0.to_string(),
        }
    }
}

fn portal_code(error: &PortalError) -> ErrorCode {
    match error {
        PortalError::InvalidCustomerId(_)
        | PortalError::InvalidUrl { .. }
        | PortalError::InvalidLocale(_)
        | PortalError::InvalidValue { .. }
        | PortalError::SeveralItems(_) => ErrorCode::InvalidInput,
        PortalError::UnknownCustomer(_)
        | PortalError::DeletedCustomer(_)
        | PortalError::NoSubscription { .. } => ErrorCode::NotFound,
        PortalError::NotConfigured { .. } => ErrorCode::NotConfigured,
        PortalError::LoginPageOff(_) => ErrorCode::LoginPageOff,
        PortalError::Stripe(failure) if failure.is_network() => ErrorCode::Offline,
        PortalError::Stripe(_) | PortalError::UntrustedUrl(_) => ErrorCode::StripeRefused,
        PortalError::Cache(_) => ErrorCode::Internal,
    }
}

fn mail_code(error: &MailError) -> ErrorCode {
    match error {
        MailError::NoEmail(_) => ErrorCode::NotFound,
        MailError::BadAddress { .. }
        | MailError::BadSettings(_)
        | MailError::UnknownPlaceholder(_) => ErrorCode::InvalidInput,
        MailError::Send(_) => ErrorCode::MailFailed,
    }
}

impl serde::Serialize for AppError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_dto().serialize(serializer)
    }
}
