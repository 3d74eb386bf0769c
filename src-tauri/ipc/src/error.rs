use serde::{Deserialize, Serialize};
use std::fmt;

/// The one error shape that crosses the IPC bridge: `{code, message}`.
///
/// `message` is written for the person using the app; `code` exists only
/// where the UI acts differently on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDto {
    /// What kind of failure this is.
    pub code: ErrorCode,
    /// A human sentence saying what went wrong and what to do, in English
    /// (as the CLI and the logs say it).
    pub message: String,
    /// The same failure as a catalogue message, for a window in another
    /// language: its id in `errors.ftl` and the core's details (which value,
    /// which field) as arguments. `None`: the window says what the code means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<ErrorDetail>,
}

/// A catalogue message standing for one error (see [`ErrorDto::detail`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    /// The message's id, e.g. `error-unknown-customer`.
    pub id: String,
    /// Its arguments, e.g. `[("id", "cus_123")]`.
    #[serde(default)]
    pub args: Vec<(String, String)>,
}

impl ErrorDto {
    /// An error the UI makes itself, or a test: no catalogue detail.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ErrorDto {
        ErrorDto {
            code,
            message: message.into(),
            detail: None,
        }
    }
}

/// The failures the UI tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The key's format is wrong; the message says how.
    InvalidKey,
    /// The profile name is not usable.
    InvalidProfile,
    /// Stripe could not be reached; the UI offers to store the key unchecked.
    Offline,
    /// The OS keychain could not be reached or refused access.
    KeychainUnavailable,
    /// No key is saved for the profile; the UI sends the user to onboarding.
    NoKey,
    /// A value the user gave is not usable; the message names the field.
    InvalidInput,
    /// The customer (or another object) doesn't exist or was deleted.
    NotFound,
    /// The Customer Portal isn't set up for this mode: the UI offers the
    /// Dashboard's settings page or "Create a configuration for me".
    NotConfigured,
    /// The configuration's login page is off: the UI asks before turning it on.
    LoginPageOff,
    /// Stripe refused the request; the message says why.
    StripeRefused,
    /// The email could not be sent.
    MailFailed,
    /// The IPC call itself failed (the bridge, not the command).
    Bridge,
    /// Anything else; the message explains.
    Internal,
    /// A code from a newer core that this UI does not know.
    #[serde(other)]
    Unknown,
}

impl fmt::Display for ErrorDto {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ErrorDto {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_serializes_as_code_and_message() {
        let dto = ErrorDto::new(
            ErrorCode::KeychainUnavailable,
            "the system keychain is unavailable",
        );
        let json = serde_json::to_value(&dto).expect("serializes");
        assert_eq!(
            json,
            serde_json::json!({"code": "keychain_unavailable", "message": "the system keychain is unavailable"}),
            "the IPC edge promises {{code, message}} with snake_case codes"
        );
    }

    #[test]
    fn unknown_codes_from_a_newer_core_still_decode() {
        let dto: ErrorDto = serde_json::from_str(r#"{"code":"brand_new","message":"m"}"#)
            .expect("an unknown code must not break decoding");
        assert_eq!(dto.code, ErrorCode::Unknown);
    }
}
