//! The IPC edge of errors: every command fails with `{code, message}`.

use portal_core::mail::MailError;
use portal_core::portal::PortalError;
use portal_core::{Error, ErrorKind, KeychainError, ProfileError, StripeFailure};
use portal_ipc::{ErrorCode, ErrorDetail, ErrorDto};

/// A command's error, serialized to the webview as [`ErrorDto`].
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct AppError(pub Error);

/// Any of the core's errors, so `?` works in a command: `CacheError`,
/// `PortalError`, `StripeFailure`… become an [`Error`] first.
impl<E: Into<Error>> From<E> for AppError {
    fn from(error: E) -> AppError {
        AppError(error.into())
    }
}

/// The code the UI acts on, for each kind of failure.
pub fn error_code(kind: ErrorKind) -> ErrorCode {
    match kind {
        ErrorKind::InvalidInput => ErrorCode::InvalidInput,
        ErrorKind::InvalidKey | ErrorKind::KeyRejected => ErrorCode::InvalidKey,
        ErrorKind::InvalidProfile => ErrorCode::InvalidProfile,
        ErrorKind::NoKey => ErrorCode::NoKey,
        ErrorKind::KeychainUnavailable => ErrorCode::KeychainUnavailable,
        ErrorKind::Offline => ErrorCode::Offline,
        ErrorKind::NotFound => ErrorCode::NotFound,
        ErrorKind::NotConfigured => ErrorCode::NotConfigured,
        ErrorKind::LoginPageOff => ErrorCode::LoginPageOff,
        ErrorKind::StripeRefused | ErrorKind::RateLimited | ErrorKind::StripeUnavailable => {
            ErrorCode::StripeRefused
        }
        ErrorKind::MailFailed => ErrorCode::MailFailed,
        ErrorKind::Internal => ErrorCode::Internal,
    }
}

impl AppError {
    /// The code the UI acts on.
    pub fn code(&self) -> ErrorCode {
        error_code(self.0.kind())
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

impl serde::Serialize for AppError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_dto().serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::exit;
    use portal_core::{ApiBaseError, DocumentError, KeyFormatError};

    /// The CLI exit codes a window code may go with: a failure lands in the
    /// same family at both edges.
    fn exits_for(code: ErrorCode) -> &'static [u8] {
        match code {
            ErrorCode::InvalidInput => &[exit::USAGE],
            ErrorCode::Offline => &[exit::NETWORK],
            ErrorCode::NoKey | ErrorCode::KeychainUnavailable => &[exit::NO_KEY],
            ErrorCode::NotFound | ErrorCode::NotConfigured => &[exit::REFUSED],
            // A key unusable before Stripe is asked is "other"; Stripe's refusal of it is refused.
            ErrorCode::InvalidKey => &[exit::OTHER, exit::REFUSED],
            // Stripe's "no" is refused; Stripe overloaded or down is "other".
            ErrorCode::StripeRefused => &[exit::REFUSED, exit::OTHER],
            ErrorCode::InvalidProfile
            | ErrorCode::LoginPageOff
            | ErrorCode::MailFailed
            | ErrorCode::Internal => &[exit::OTHER],
            // Never a command's failure.
            ErrorCode::Bridge | ErrorCode::Unknown => &[],
        }
    }

    /// At least one error of each kind, from each part of the core.
    fn samples() -> Vec<(ErrorKind, Error)> {
        let api = |status: u16| StripeFailure::Api {
            status,
            message: "no".into(),
            code: None,
            param: None,
        };
        vec![
            (
                ErrorKind::InvalidInput,
                PortalError::SeveralItems("sub_1".into()).into(),
            ),
            (
                ErrorKind::InvalidInput,
                MailError::UnknownPlaceholder("{x}".into()).into(),
            ),
            (ErrorKind::InvalidKey, KeyFormatError::Publishable.into()),
            (ErrorKind::InvalidKey, ApiBaseError::LiveKey.into()),
            (ErrorKind::KeyRejected, StripeFailure::Rejected.into()),
            (
                ErrorKind::KeyRejected,
                StripeFailure::MissingPermissions(vec!["customers"]).into(),
            ),
            (
                ErrorKind::InvalidProfile,
                ProfileError::NameLooksLikeKey.into(),
            ),
            (
                ErrorKind::NoKey,
                ProfileError::NoKey("default".into()).into(),
            ),
            (
                ErrorKind::KeychainUnavailable,
                KeychainError::Unavailable {
                    detail: "no bus".into(),
                }
                .into(),
            ),
            (
                ErrorKind::Offline,
                StripeFailure::Unreachable("refused".into()).into(),
            ),
            (
                ErrorKind::Offline,
                DocumentError::Unreachable("refused".into()).into(),
            ),
            (ErrorKind::NotFound, api(404).into()),
            (
                ErrorKind::NotFound,
                PortalError::NoSubscription {
                    customer: "cus_1".into(),
                    verb: "cancel",
                }
                .into(),
            ),
            (
                ErrorKind::NotFound,
                MailError::NoEmail("cus_1".into()).into(),
            ),
            (
                ErrorKind::NotFound,
                DocumentError::NotCached("in_1".into()).into(),
            ),
            (
                ErrorKind::NotConfigured,
                PortalError::NotConfigured {
                    dashboard_url: "https://dashboard.stripe.com".into(),
                    mode: portal_core::Mode::Test,
                }
                .into(),
            ),
            (
                ErrorKind::LoginPageOff,
                PortalError::LoginPageOff("bpc_1".into()).into(),
            ),
            (ErrorKind::StripeRefused, api(400).into()),
            (
                ErrorKind::StripeRefused,
                PortalError::UntrustedUrl("https://evil.example".into()).into(),
            ),
            (
                ErrorKind::StripeRefused,
                DocumentError::NotPdf("text/html".into()).into(),
            ),
            (
                ErrorKind::RateLimited,
                StripeFailure::Limited {
                    read: 1,
                    expected: 2,
                }
                .into(),
            ),
            (ErrorKind::StripeUnavailable, api(429).into()),
            (ErrorKind::StripeUnavailable, api(503).into()),
            (
                ErrorKind::MailFailed,
                MailError::Send("refused".into()).into(),
            ),
            (
                ErrorKind::Internal,
                Error::DataDir {
                    path: "/nowhere".into(),
                    source: std::io::Error::other("denied"),
                },
            ),
        ]
    }

    #[test]
    fn the_window_and_the_cli_classify_every_kind_alike() {
        for kind in ErrorKind::ALL {
            let (code, exit) = (error_code(kind), exit::exit_code(kind));
            assert!(
                exits_for(code).contains(&exit),
                "{kind:?} is {code:?} in the window but exits {exit} in the CLI"
            );
        }
        // The families the CLI promises scripts are exactly the window's.
        for kind in ErrorKind::ALL {
            let (code, exit) = (error_code(kind), exit::exit_code(kind));
            assert_eq!(
                code == ErrorCode::Offline,
                exit == exit::NETWORK,
                "{kind:?}"
            );
            assert_eq!(
                matches!(code, ErrorCode::NoKey | ErrorCode::KeychainUnavailable),
                exit == exit::NO_KEY,
                "{kind:?}"
            );
            assert_eq!(
                code == ErrorCode::InvalidInput,
                exit == exit::USAGE,
                "{kind:?}"
            );
        }
    }

    #[test]
    fn each_error_has_its_kind_and_both_edges_follow_it() {
        let samples = samples();
        for kind in ErrorKind::ALL {
            assert!(
                samples.iter().any(|(k, _)| *k == kind),
                "no sample error of kind {kind:?}"
            );
        }
        for (kind, error) in samples {
            let shown = error.to_string();
            assert_eq!(error.kind(), kind, "{shown}");
            let error = AppError(error);
            assert_eq!(error.code(), error_code(kind), "{shown}");
            assert_eq!(
                exit::Failure::from(error.0).code,
                exit::exit_code(kind),
                "{shown}"
            );
        }
    }
}
