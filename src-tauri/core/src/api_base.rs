//! Where Stripe calls go. Normally api.stripe.com; a local sandbox may be named
//! explicitly (`--api-base`, `PORTAL_DESK_API_BASE`), but only on a loopback
//! address and only with a test key, so a key can never be sent to a stranger.

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
        "the API base must be on this computer, written as a loopback address such as 127.0.0.1 or [::1]; {host} is not, so your Stripe key won't be sent there"
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
    /// Accepts `http(s)://HOST[:PORT][/]` where HOST is a literal loopback
    /// address. A name such as `localhost` is refused: it resolves through
    /// files and servers that could point it anywhere, and the key would follow.
    pub fn parse(text: &str) -> Result<ApiBase, ApiBaseError> {
        let trimmed = text.trim();
        let not_a_url = || ApiBaseError::NotAUrl(trimmed.chars().take(100).collect());
        if trimmed.contains('\\') || !trimmed.is_ascii() {
            return Err(not_a_url());
        }
        let url = url::Url::parse(trimmed).map_err(|_| not_a_url())?;
        if !matches!(url.scheme(), "http" | "https")
            || !url.username().is_empty()
            || url.password().is_some()
            || !matches!(url.path(), "" | "/")
            || url.query().is_some()
            || url.fragment().is_some()
        {
            return Err(not_a_url());
        }
        let loopback = match url.host() {
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            Some(url::Host::Domain(host)) => {
                return Err(ApiBaseError::NotLoopback {
                    host: host.chars().take(100).collect(),
                });
            }
            None => return Err(not_a_url()),
        };
        if !loopback {
            return Err(ApiBaseError::NotLoopback {
                host: url
                    .host_str()
                    .unwrap_or_default()
                    .chars()
                    .take(100)
                    .collect(),
            });
        }
        Ok(ApiBase {
            url: url.as_str().trim_end_matches('/').to_owned(),
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
            // A name, even this one, could resolve anywhere.
            "http://localhost:8080",
            "http://LOCALHOST",
            "http://127.0.0.1?x",
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
        let live =
            ApiKey::parse("rk_live_51FakeKeyForTests0000abcdefghijklmnopqrstuvwxyz0123456789")
                .expect("valid");
        let test = ApiKey::parse("sk_test_51FakeKeyForTests0000abcd").expect("valid");
        assert_eq!(base.allows(&live), Err(ApiBaseError::LiveKey));
        assert_eq!(base.allows(&test), Ok(()));
    }
}
