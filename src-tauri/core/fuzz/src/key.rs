//! The key parser: `ApiKey::parse` accepts exactly Stripe's secret and
//! restricted keys, and its errors never depend on what was typed.

use portal_core::{ApiKey, KeyFormatError, KeyKind, Mode};

/// Stripe's API key prefixes, restated from the docs rather than read from the parser.
const PREFIXES: [(&str, KeyKind, Mode); 4] = [
    ("sk_test_", KeyKind::Secret, Mode::Test),
    ("sk_live_", KeyKind::Secret, Mode::Live),
    ("rk_test_", KeyKind::Restricted, Mode::Test),
    ("rk_live_", KeyKind::Restricted, Mode::Live),
];

/// What a usable key is: a prefix, then at least 4 of `[A-Za-z0-9_]`, at most
/// 255 characters in all, with surrounding whitespace ignored.
fn expected(trimmed: &str) -> Option<(KeyKind, Mode)> {
    let &(prefix, kind, mode) = PREFIXES.iter().find(|(p, ..)| trimmed.starts_with(p))?;
    let body = &trimmed[prefix.len()..];
    let valid = body.len() >= 4
        && trimmed.len() <= 255
        && body.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    valid.then_some((kind, mode))
}

/// Checks one typed or pasted key.
pub fn check(data: &[u8]) {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    let trimmed = raw.trim();
    match (ApiKey::parse(raw), expected(trimmed)) {
        (Ok(key), Some((kind, mode))) => {
            assert_eq!(key.expose_secret(), trimmed, "the key is the trimmed input");
            assert_eq!((key.kind(), key.mode()), (kind, mode));
            assert_eq!(key.last4(), &trimmed[trimmed.len() - 4..]);
        }
        (Err(error), None) => {
            // The message depends on the kind of mistake and the length only,
            // never on the characters typed.
            let message = error.to_string();
            let fixed = [
                KeyFormatError::Empty,
                KeyFormatError::Publishable,
                KeyFormatError::WebhookSecret,
                KeyFormatError::ContainsWhitespace,
                KeyFormatError::UnknownPrefix,
                KeyFormatError::InvalidCharacters,
                KeyFormatError::TooShort,
                KeyFormatError::TooLong { len: trimmed.len() },
            ];
            assert!(
                fixed.iter().any(|e| e.to_string() == message),
                "the message depends on the input: {message}"
            );
        }
        (Ok(_), None) => panic!("accepted a malformed key: {raw:?}"),
        (Err(error), Some(_)) => panic!("refused a valid key {raw:?}: {error}"),
    }
}
