//! How the CLI fails: exit codes other tools can rely on, and the
//! [`Failure`] that carries one with its message.

use portal_core::{Error, ErrorKind, ProfileName};

/// Any other failure (success is 0).
pub(crate) const OTHER: u8 = 1;
/// The command line was wrong: a bad argument, flag or value.
pub(crate) const USAGE: u8 = 2;
/// No key is saved, or the keychain is unavailable.
pub(crate) const NO_KEY: u8 = 3;
/// The network is unreachable.
pub(crate) const NETWORK: u8 = 4;
/// Stripe refused (or has no such object, or the portal isn't set up).
pub(crate) const REFUSED: u8 = 5;

/// The exit code of each kind of failure.
pub(crate) fn exit_code(kind: ErrorKind) -> u8 {
    match kind {
        ErrorKind::InvalidInput => USAGE,
        ErrorKind::NoKey | ErrorKind::KeychainUnavailable => NO_KEY,
        ErrorKind::Offline => NETWORK,
        ErrorKind::KeyRejected
        | ErrorKind::NotFound
        | ErrorKind::NotConfigured
        | ErrorKind::StripeRefused
        // A sync Stripe kept limiting: refused for now; the next one resumes.
        | ErrorKind::RateLimited => REFUSED,
        // Stripe overloaded or down after retries is not a refusal of this
        // request. A key refused before Stripe is asked, a bad profile name and
        // a login page that is off have exited 1 since the CLI's first version.
        ErrorKind::StripeUnavailable
        | ErrorKind::InvalidKey
        | ErrorKind::InvalidProfile
        | ErrorKind::LoginPageOff
        | ErrorKind::MailFailed
        | ErrorKind::Internal => OTHER,
    }
}

/// A failed command: its exit code and what it says on stderr.
pub(crate) struct Failure {
    pub(crate) code: u8,
    pub(crate) message: String,
}

impl Failure {
    /// A wrong command line (exit 2).
    pub(crate) fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: USAGE,
            message: message.into(),
        }
    }

    /// Any other failure of the CLI's own (exit 1).
    pub(crate) fn other(message: impl Into<String>) -> Failure {
        Failure {
            code: OTHER,
            message: message.into(),
        }
    }

    /// No key for `profile` (exit 3).
    pub(crate) fn no_key(profile: &ProfileName) -> Failure {
        Failure {
            code: NO_KEY,
            message: t!("cli-no-key", profile = profile.as_str()),
        }
    }

    /// The same failure, with `hint` after its message.
    pub(crate) fn hint(mut self, hint: &str) -> Failure {
        self.message.push(' ');
        self.message.push_str(hint);
        self
    }
}

/// Any of the core's errors, by its kind.
impl<E: Into<Error>> From<E> for Failure {
    fn from(error: E) -> Failure {
        let error = error.into();
        Failure {
            code: exit_code(error.kind()),
            message: error.to_string(),
        }
    }
}
