//! The Stripe secret key and its format rules.

use zeroize::Zeroize;

/// A Stripe secret or restricted key that passed the format check.
///
/// It deliberately implements neither `Debug`, `Display`, `Clone` nor
/// `Serialize`, so it cannot reach a log, a panic message, a file or the
/// webview by accident; the memory is wiped on drop. The only way to the
/// characters is [`ApiKey::expose_secret`], used where the key is handed to the
/// keychain or to Stripe.
///
/// ```compile_fail,E0277
/// let key = portal_core::ApiKey::parse("sk_test_1234567890abcd").unwrap();
/// println!("{key:?}");
/// ```
///
/// ```compile_fail,E0599
/// let key = portal_core::ApiKey::parse("sk_test_1234567890abcd").unwrap();
/// let copy = key.clone();
/// ```
pub struct ApiKey {
    value: String,
    mode: Mode,
    kind: KeyKind,
}

/// Stripe's two modes; each has its own objects and keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Keys with `_test_`.
    Test,
    /// Keys with `_live_`.
    Live,
}

/// The two kinds of key that can call the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// `sk_`: full access.
    Secret,
    /// `rk_`: the permissions chosen when it was created.
    Restricted,
}

/// Why a string is not a usable Stripe key. Messages never repeat the key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyFormatError {
    /// Nothing was entered.
    #[error(
        "Enter your Stripe secret key. It starts with sk_test_ or sk_live_ and is in the Stripe Dashboard under Developers → API keys."
    )]
    Empty,
    /// A publishable key was entered.
    #[error(
        "That is a publishable key (pk_…), which can't read customers or open the portal. Use your secret key (sk_…) or a restricted key (rk_…) instead."
    )]
    Publishable,
    /// A webhook signing secret was entered.
    #[error(
        "That is a webhook signing secret (whsec_…), not an API key. Use your secret key (sk_…) or a restricted key (rk_…)."
    )]
    WebhookSecret,
    /// Whitespace inside the key, usually from a broken copy.
    #[error(
        "The key contains spaces or line breaks. Copy it again from the Stripe Dashboard in one piece."
    )]
    ContainsWhitespace,
    /// The prefix is none of Stripe's API key prefixes.
    #[error(
        "This doesn't look like a Stripe API key: it should start with sk_test_, sk_live_, rk_test_ or rk_live_."
    )]
    UnknownPrefix,
    /// Characters that never appear in a Stripe key (often smart quotes).
    #[error(
        "The key contains characters that Stripe keys never have (only letters, digits and _). Copy it again from the Stripe Dashboard."
    )]
    InvalidCharacters,
    /// Too short to be a real key.
    #[error(
        "The key is too short to be a Stripe key. Copy the whole key from the Stripe Dashboard."
    )]
    TooShort,
    /// Longer than any Stripe key.
    #[error("The key is longer than any Stripe key ({len} characters). Copy just the key.")]
    TooLong {
        /// How many characters were given.
        len: usize,
    },
}

const PREFIXES: [(&str, KeyKind, Mode); 4] = [
    ("sk_test_", KeyKind::Secret, Mode::Test),
    ("sk_live_", KeyKind::Secret, Mode::Live),
    ("rk_test_", KeyKind::Restricted, Mode::Test),
    ("rk_live_", KeyKind::Restricted, Mode::Live),
];

/// Stripe keys are around 100 characters; anything far longer is a paste accident.
const MAX_KEY_LEN: usize = 255;
/// Enough characters after the prefix to show a last-4 that identifies the key.
const MIN_BODY_LEN: usize = 4;

impl ApiKey {
    /// Checks the format of a key as typed or pasted. Surrounding whitespace is
    /// trimmed; everything else must be exactly a Stripe key.
    pub fn parse(raw: &str) -> Result<ApiKey, KeyFormatError> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(KeyFormatError::Empty);
        }
        if trimmed.chars().any(char::is_whitespace) {
            return Err(KeyFormatError::ContainsWhitespace);
        }
        if trimmed.starts_with("pk_") {
            return Err(KeyFormatError::Publishable);
        }
        if trimmed.starts_with("whsec_") {
            return Err(KeyFormatError::WebhookSecret);
        }
        let Some(&(prefix, kind, mode)) = PREFIXES.iter().find(|(p, ..)| trimmed.starts_with(p))
        else {
            return Err(KeyFormatError::UnknownPrefix);
        };
        let body = &trimmed[prefix.len()..];
        if !body.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(KeyFormatError::InvalidCharacters);
        }
        if body.len() < MIN_BODY_LEN {
            return Err(KeyFormatError::TooShort);
        }
        if trimmed.len() > MAX_KEY_LEN {
            return Err(KeyFormatError::TooLong { len: trimmed.len() });
        }
        Ok(ApiKey {
            value: trimmed.to_owned(),
            mode,
            kind,
        })
    }

    /// Test or live, from the prefix.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Secret or restricted, from the prefix.
    pub fn kind(&self) -> KeyKind {
        self.kind
    }

    /// The last four characters, which the Stripe Dashboard also shows.
    pub fn last4(&self) -> &str {
        // The body is ASCII and at least four characters long (checked in `parse`).
        &self.value[self.value.len() - 4..]
    }

    /// The key itself, for the keychain and the Stripe client only.
    pub fn expose_secret(&self) -> &str {
        &self.value
    }
}

/// Whether `text` looks like a Stripe key or secret (what was pasted into
/// another field): such text is refused without being repeated.
pub(crate) fn looks_like_key(text: &str) -> bool {
    const KEY_LIKE: [&str; 5] = ["sk_", "rk_", "pk_", "whsec_", "ek_"];
    let text = text.trim();
    KEY_LIKE.iter().any(|p| text.starts_with(p))
}

impl Drop for ApiKey {
    fn drop(&mut self) {
        self.value.zeroize();
    }
}

impl Mode {
    /// `test` or `live`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Test => "test",
            Mode::Live => "live",
        }
    }
}

impl KeyKind {
    /// `secret` or `restricted`.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyKind::Secret => "secret",
            KeyKind::Restricted => "restricted",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rejects(raw: &str) -> KeyFormatError {
        match ApiKey::parse(raw) {
            Ok(_) => panic!("{raw:?} should be rejected"),
            Err(e) => e,
        }
    }

    #[test]
    fn accepts_each_prefix_with_its_mode_and_kind() {
        for (raw, kind, mode, last4) in [
            (
                "sk_test_51FakeKeyForTests0000abcd",
                KeyKind::Secret,
                Mode::Test,
                "abcd",
            ),
            (
                "sk_live_51FakeKeyForTests0000abcdefghijklmnopqrstuvwxyz0123456789",
                KeyKind::Secret,
                Mode::Live,
                "6789",
            ),
            (
                "rk_test_51FakeKeyForTests0000abcd",
                KeyKind::Restricted,
                Mode::Test,
                "abcd",
            ),
            (
                "rk_live_51FakeKeyForTests0000abcdefghijklmnopqrstuvwxyz0123456789",
                KeyKind::Restricted,
                Mode::Live,
                "6789",
            ),
        ] {
            let key = ApiKey::parse(raw).unwrap_or_else(|e| panic!("{raw}: {e}"));
            assert_eq!((key.kind(), key.mode()), (kind, mode), "{raw}");
            assert_eq!(key.last4(), last4, "{raw}");
        }
    }

    #[test]
    fn trims_surrounding_whitespace_and_newlines() {
        let key =
            ApiKey::parse("  sk_test_51FakeKeyForTests0000abcd\r\n").expect("valid after trim");
        assert_eq!(key.expose_secret(), "sk_test_51FakeKeyForTests0000abcd");
    }

    #[test]
    fn each_bad_shape_has_its_own_message() {
        assert_eq!(rejects(""), KeyFormatError::Empty);
        assert_eq!(rejects(" \t\n"), KeyFormatError::Empty);
        assert_eq!(
            rejects("pk_test_51FakeKey0000abcd"),
            KeyFormatError::Publishable
        );
        assert_eq!(
            rejects("whsec_51FakeKey0000abcd"),
            KeyFormatError::WebhookSecret
        );
        assert_eq!(
            rejects("sk_test_51Fake Key0000abcd"),
            KeyFormatError::ContainsWhitespace
        );
        assert_eq!(
            rejects("sk_test_51Fake\nKey0000abcd"),
            KeyFormatError::ContainsWhitespace
        );
        assert_eq!(
            rejects("sk_51FakeKey0000abcd"),
            KeyFormatError::UnknownPrefix
        );
        assert_eq!(
            rejects("SK_TEST_51FakeKey0000abcd"),
            KeyFormatError::UnknownPrefix
        );
        assert_eq!(
            rejects("sk_test_51Fake\u{201d}Key"),
            KeyFormatError::InvalidCharacters
        );
        assert_eq!(
            rejects("sk_test_51Fake-Key0000"),
            KeyFormatError::InvalidCharacters
        );
        assert_eq!(rejects("sk_test_abc"), KeyFormatError::TooShort);
        let long = format!("sk_test_{}", "a".repeat(300));
        assert_eq!(rejects(&long), KeyFormatError::TooLong { len: 308 });
    }

    #[test]
    fn no_message_repeats_the_key() {
        for raw in [
            "pk_test_canary123456",
            "sk_test_canary 123456",
            "zz_canary123456",
            "sk_test_canary\u{201c}",
        ] {
            let message = rejects(raw).to_string();
            assert!(
                !message.contains("canary"),
                "{raw:?} leaked into {message:?}"
            );
        }
    }
}
