//! The IPC edge of errors: every command fails with `{code, message}`.

use portal_core::{Error, KeychainError};
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
            Error::KeyFormat(_) | Error::ApiBase(_) | Error::Stripe(_) => ErrorCode::InvalidKey,
            Error::Profile(_) => ErrorCode::InvalidProfile,
            Error::Portal(_) | Error::Mail(_) => ErrorCode::Internal,
            Error::Keychain(KeychainError::Unavailable { .. }) => ErrorCode::KeychainUnavailable,
            Error::Keychain(_) | Error::DataDir { .. } | Error::Cache(_) => ErrorCode::Internal,
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

impl serde::Serialize for AppError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_dto().serialize(serializer)
    }
}
