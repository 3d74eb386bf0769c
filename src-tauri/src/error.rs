//! The IPC edge of errors: every command fails with `{code, message}`.

use portal_core::mail::MailError;
use portal_core::portal::PortalError;
use portal_core::{DocumentError, Error, KeychainError, ProfileError, StripeFailure};
use portal_ipc::{ErrorCode, ErrorDetail, ErrorDto};

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
            detail: detail(&self.0),
        }
    }
}

/// The catalogue message (`errors.ftl`) for the failures a user meets most,
/// with the core's details as arguments. The rest are said by their code.
fn detail(error: &Error) -> Option<ErrorDetail> {
    let message = |id: &str, args: &[(&str, &str)]| {
        Some(ErrorDetail {
            id: id.to_owned(),
            args: args
                .iter()
                .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
                .collect(),
        })
    };
    match error {
        Error::KeyFormat(_) => message("error-key-format", &[]),
        Error::Stripe(StripeFailure::Rejected) => message("error-key-rejected", &[]),
        Error::Stripe(StripeFailure::MissingPermissions(missing)) => message(
            "error-missing-permissions",
            &[("permissions", &missing.join(", "))],
        ),
        Error::Stripe(StripeFailure::Limited { read, expected }) => message(
            "error-rate-limited",
            &[
                ("read", &read.to_string()),
                ("expected", &expected.to_string()),
            ],
        ),
        Error::Stripe(StripeFailure::Api { message: said, .. }) if !said.is_empty() => {
            message("error-stripe-said", &[("message", said)])
        }
        Error::Profile(ProfileError::NoKey(profile)) => {
            message("error-no-key", &[("profile", profile)])
        }
        Error::Keychain(KeychainError::Unavailable { .. }) => {
            message("error-keychain-unavailable", &[])
        }
        Error::Portal(portal) => match portal {
            PortalError::InvalidCustomerId(id) => {
                message("error-invalid-customer-id", &[("id", id)])
            }
            PortalError::UnknownCustomer(id) => message("error-unknown-customer", &[("id", id)]),
            PortalError::DeletedCustomer(id) => message("error-deleted-customer", &[("id", id)]),
            PortalError::NoSubscription { customer, .. } => {
                message("error-no-subscription", &[("customer", customer)])
            }
            PortalError::SeveralItems(subscription) => {
                message("error-several-items", &[("subscription", subscription)])
            }
            PortalError::InvalidUrl { url, .. } => message("error-invalid-url", &[("url", url)]),
            PortalError::NotConfigured { mode, .. } => {
                message("error-not-configured", &[("mode", mode.as_str())])
            }
            PortalError::LoginPageOff(configuration) => {
                message("error-login-page-off", &[("configuration", configuration)])
            }
            _ => None,
        },
        Error::Mail(mail) => match mail {
            MailError::NoEmail(customer) => message("error-no-email", &[("customer", customer)]),
            MailError::BadAddress { address, .. } => {
                message("error-bad-address", &[("address", address)])
            }
            MailError::BadSettings(_) => message("error-bad-smtp-settings", &[]),
            MailError::Send(reason) => message("error-send-failed", &[("reason", reason)]),
            MailError::UnknownPlaceholder(placeholder) => {
                message("error-unknown-placeholder", &[("placeholder", placeholder)])
            }
        },
        _ => None,
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
