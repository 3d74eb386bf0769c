//! Where Stripe calls go. Normally api.stripe.com; a local sandbox may be named
//! explicitly (`--api-base`, `PORTAL_DESK_API_BASE`), but only on a loopback
//! address and only with a test key, so a key can never be sent to a stranger.

use std::net::IpAddr;

use crate::secret::{ApiKey, Mode};

/// A validated override of the Stripe API base: a loopback URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiBase {
    url: String,
}

/// Why an API base was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiBaseError {
    /// Not an `http://` or `https://` URL with a host.
    #[error("the API base {0:?} is not a URL like http://127.0.0.1:12111")]
    NotAUrl(String),
    /// The host is not this computer.
    #[error(
        "the API base must be on this computer (127.0.0.1, localhost or [::1]); {host} is not, so your Stripe key won't be sent there"
    )]
    NotLoopback {
        /// The host that was given.
        host: String,
    },
    /// A live key with a local sandbox.
    #[error(
        "a live-mode key can't be used with a local API base; use a test key (sk_test_…) with the sandbox"
    )]
    LiveKey,
}

impl ApiBase {
    /// Accepts `http(s)://HOST[:PORT][/]` where HOST is loopback.
    pub fn parse(text: &str) -> Result<ApiBase, ApiBaseError> {
        let trimmed = text.trim();
        let rest = trimmed
            .strip_prefix("http://")
            .or_else(|| trimmed.strip_prefix("https://"))
            .ok_or_else(|| ApiBaseError::NotAUrl(trimmed.chars().take(100).collect()))?;
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if authority.is_empty() || authority.contains('@') {
            return Err(ApiBaseError::NotAUrl(trimmed.chars().take(100).collect()));
        }
        let host = match authority.strip_prefix('[') {
            Some(v6) => v6.split(']').next().unwrap_or_default(),
            None => authority
                .rsplit_once(':')
                .map_or(authority, |(host, _port)| host),
        };
        let loopback = host.eq_ignore_ascii_case("localhost")
            || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
        if !loopback {
            return Err(ApiBaseError::NotLoopback {
                host: host.chars().take(100).collect(),
            });
        }
        let path = &rest[authority.len()..];
        if !(path.is_empty() || path == "/") {
            return Err(ApiBaseError::NotAUrl(trimmed.chars().take(100).collect()));
        }
        Ok(ApiBase {
            url: trimmed.trim_end_matches('/').to_owned(),
        })
    }

    /// The URL without a trailing slash, e.g. `http://127.0.0.1:12111`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Refuses live keys: a sandbox only ever sees test keys.
    pub fn allows(&self, key: &ApiKey) -> Result<(), ApiBaseError> {
        match key.mode() {
            Mode::Test => Ok(()),
            Mode::Live => Err(ApiBaseError::LiveKey),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts_are_accepted() {
        for url in [
            "http://127.0.0.1:12111",
            "http://127.0.0.1:12111/",
            "https://127.8.9.10",
            "http://localhost:8080",
            "http://LOCALHOST",
            "http://[::1]:9000",
        ] {
            assert!(ApiBase::parse(url).is_ok(), "{url}");
        }
        assert_eq!(
            ApiBase::parse("http://127.0.0.1:1/").map(|b| b.url().to_owned()),
            Ok("http://127.0.0.1:1".into())
        );
    }

    #[test]
    fn anything_else_is_refused() {
        for url in [
            "https://api.stripe.com",
            "http://10.0.0.1",
            "http://192.168.1.10:80",
            "http://localhost.evil.example",
            "http://127.0.0.1.evil.example",
            "http://user@127.0.0.1",
            "http://evil.example@127.0.0.1",
            "ftp://127.0.0.1",
            "127.0.0.1:12111",
            "http://",
            "http://127.0.0.1/v1/other",
            "",
        ] {
            assert!(ApiBase::parse(url).is_err(), "{url} must be refused");
        }
    }

    #[test]
    fn live_keys_never_go_to_a_sandbox() {
        let base = ApiBase::parse("http://127.0.0.1:12111").expect("loopback");
        let live = ApiKey::parse("sk_live_FAKE_test_only_0000_abcd").expect("valid");
        let test = ApiKey::parse("sk_test_51FakeKeyForTests0000abcd").expect("valid");
        assert_eq!(base.allows(&live), Err(ApiBaseError::LiveKey));
        assert_eq!(base.allows(&test), Ok(()));
    }
}
