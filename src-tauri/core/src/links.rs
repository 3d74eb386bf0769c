//! The one URL check for everything Portal Desk opens, downloads, emails or
//! sends to Stripe as a return address.
//!
//! Every URL is parsed with the `url` crate (the WHATWG parser browsers follow),
//! so the host we check is the host a browser would visit: never a guess from
//! splitting text. The trust rule, from STRIPE-FACTS.md: a URL that Stripe's API
//! returned over TLS, in answer to our own request, is Stripe's to choose (an
//! account's custom domain included). It must be https, with a host and no
//! userinfo; plain http only to a loopback address while a local sandbox is in
//! use. Text that a browser would read differently from a plain reading
//! (backslashes, spaces, control or non-ASCII characters) is refused outright.

use std::net::IpAddr;

use url::{Host, Url};

use crate::api_base::ApiBase;

/// Why a URL was refused; the `Display` text finishes "it …" sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LinkProblem {
    /// Longer than [`MAX_URL_LEN`].
    #[error("is longer than 2,000 characters")]
    TooLong,
    /// Spaces or control characters.
    #[error("contains spaces or control characters")]
    Spaces,
    /// A backslash, which browsers read as `/` in the host.
    #[error("contains a backslash")]
    Backslash,
    /// Non-ASCII text (look-alike hosts, hidden direction marks).
    #[error("contains characters other than plain ASCII; copy it from the browser's address bar")]
    NotAscii,
    /// Not a URL at all.
    #[error("is not a web address")]
    NotAUrl,
    /// `http:` to a host other than this computer, or no sandbox in use.
    #[error("must use https:// (Stripe sends customers only to secure pages)")]
    NotHttps,
    /// Another scheme: `javascript:`, `file:`, `data:`, `ftp:`…
    #[error("must start with https://")]
    OtherScheme,
    /// `user:password@` before the host, which can disguise where it goes.
    #[error("has a user name or password before the host")]
    UserInfo,
    /// No host to visit.
    #[error("has no usable host")]
    NoHost,
    /// A download that must come from Stripe points elsewhere.
    #[error("is not on Stripe's own hosts")]
    NotStripe,
}

/// Longer URLs are refused: Stripe's links are far shorter.
pub const MAX_URL_LEN: usize = 2_000;

/// A URL that passed [`check`]: safe to open, download or email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    url: Url,
}

impl Link {
    /// The URL, as the parser serialises it (what is opened or sent).
    pub fn as_str(&self) -> &str {
        self.url.as_str()
    }

    /// The host a browser visits (ASCII; IPv6 in brackets).
    pub fn host(&self) -> String {
        self.url.host_str().unwrap_or_default().to_owned()
    }

    /// Whether the host is Stripe's own (`stripe.com` or below it).
    pub fn is_stripe_host(&self) -> bool {
        matches!(self.url.host(), Some(Host::Domain(host))
            if host == "stripe.com" || host.ends_with(".stripe.com"))
    }

    /// Whether the host is a loopback address (the sandbox's).
    pub fn is_loopback(&self) -> bool {
        is_loopback(&self.url)
    }

    /// The host, when it is neither Stripe's nor this computer's: an account's
    /// custom domain, which the window names before a customer is sent there.
    pub fn custom_domain(&self) -> Option<String> {
        (!self.is_stripe_host() && !self.is_loopback()).then(|| self.host())
    }

    /// `location` (a redirect's target) read against this URL, as a browser
    /// reads it; the result is checked again before it is followed.
    pub fn join(&self, location: &str) -> Option<String> {
        self.url.join(location.trim()).ok().map(String::from)
    }

    /// The URL itself.
    pub fn into_string(self) -> String {
        self.url.into()
    }
}

/// Checks `raw` by the trust rule: https (or http to loopback while
/// `api_base` names a sandbox), a host, no userinfo, nothing a browser would
/// read differently.
pub fn check(raw: &str, api_base: Option<&ApiBase>) -> Result<Link, LinkProblem> {
    let raw = raw.trim();
    if raw.len() > MAX_URL_LEN {
        return Err(LinkProblem::TooLong);
    }
    if raw.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(LinkProblem::Spaces);
    }
    if raw.contains('\\') {
        return Err(LinkProblem::Backslash);
    }
    if !raw.is_ascii() {
        return Err(LinkProblem::NotAscii);
    }
    let url = Url::parse(raw).map_err(|_| LinkProblem::NotAUrl)?;
    match url.scheme() {
        "https" => {}
        "http" if api_base.is_some() && is_loopback(&url) => {}
        "http" => return Err(LinkProblem::NotHttps),
        _ => return Err(LinkProblem::OtherScheme),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(LinkProblem::UserInfo);
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(LinkProblem::NoHost);
    }
    Ok(Link { url })
}

/// Checks a download that must stay on Stripe's own hosts (or the sandbox in use).
pub fn on_stripe_host(raw: &str, api_base: Option<&ApiBase>) -> Result<Link, LinkProblem> {
    let link = check(raw, api_base)?;
    if link.is_stripe_host() || (api_base.is_some() && link.is_loopback()) {
        Ok(link)
    } else {
        Err(LinkProblem::NotStripe)
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        // Only literal addresses: a name could resolve anywhere.
        Some(Host::Domain(_)) | None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sandbox() -> ApiBase {
        ApiBase::parse("http://127.0.0.1:12111").expect("loopback")
    }

    /// Each tricky URL and what it gets: `Ok(host)` or the problem.
    #[test]
    fn tricky_urls_get_what_a_browser_would_do_with_them() {
        let table: &[(&str, Result<&str, LinkProblem>)] = &[
            (
                "https://billing.stripe.com/p/session/x",
                Ok("billing.stripe.com"),
            ),
            (
                "https://billing.acme.com/p/session/x",
                Ok("billing.acme.com"),
            ),
            // Browsers read a backslash as a slash: the host is evil.example.
            (
                "https://evil.example\\.stripe.com/",
                Err(LinkProblem::Backslash),
            ),
            (
                "https://billing.stripe.com@evil.example/",
                Err(LinkProblem::UserInfo),
            ),
            (
                "https://user:pw@billing.stripe.com/",
                Err(LinkProblem::UserInfo),
            ),
            (
                "https://stripe.com%2f@evil.example/",
                Err(LinkProblem::UserInfo),
            ),
            // `%2e` in the path is a dot; the host is unchanged.
            (
                "https://billing.stripe.com/%2e%2e/p",
                Ok("billing.stripe.com"),
            ),
            ("https://evil.example%2e/x", Ok("evil.example.")),
            ("https://xn--strpe-gva.com/p", Ok("xn--strpe-gva.com")),
            ("https://str\u{ed}pe.com/p", Err(LinkProblem::NotAscii)),
            (
                "https://billing.stripe.com:8443/p",
                Ok("billing.stripe.com"),
            ),
            ("https://[::1]:8443/p", Ok("[::1]")),
            ("http://billing.stripe.com/p", Err(LinkProblem::NotHttps)),
            ("javascript:alert(1)", Err(LinkProblem::OtherScheme)),
            (
                "JavaScript://billing.stripe.com/%0aalert(1)",
                Err(LinkProblem::OtherScheme),
            ),
            ("file:///etc/passwd", Err(LinkProblem::OtherScheme)),
            (
                "data:text/html,<script>x</script>",
                Err(LinkProblem::OtherScheme),
            ),
            ("mailto:someone@example.com", Err(LinkProblem::OtherScheme)),
            ("ftp://example.com/", Err(LinkProblem::OtherScheme)),
            ("https://", Err(LinkProblem::NotAUrl)),
            ("example.com", Err(LinkProblem::NotAUrl)),
            ("https://exa mple.com", Err(LinkProblem::Spaces)),
            (
                "https://example.com/\u{1b}]0;x\u{7}",
                Err(LinkProblem::Spaces),
            ),
            ("https://example.com/\u{202e}", Err(LinkProblem::NotAscii)),
        ];
        for (url, expected) in table {
            let got = check(url, None).map(|l| l.host());
            assert_eq!(got.as_deref().map_err(|e| *e), *expected, "{url:?}");
        }
        let long = format!("https://example.com/{}", "a".repeat(MAX_URL_LEN));
        assert_eq!(check(&long, None), Err(LinkProblem::TooLong));
    }

    #[test]
    fn plain_http_only_to_a_loopback_address_while_a_sandbox_is_in_use() {
        let sandbox = sandbox();
        for url in [
            "http://127.0.0.1:3000/p",
            "http://[::1]:3000/p",
            "http://127.0.0.2:1/",
        ] {
            assert_eq!(check(url, None), Err(LinkProblem::NotHttps), "{url}");
            assert!(check(url, Some(&sandbox)).is_ok(), "{url}");
        }
        for url in [
            "http://localhost:3000/p",
            "http://example.com/p",
            "http://127.0.0.1.evil.example/",
        ] {
            assert_eq!(
                check(url, Some(&sandbox)),
                Err(LinkProblem::NotHttps),
                "{url}"
            );
        }
    }

    #[test]
    fn only_hosts_outside_stripe_and_this_computer_are_custom_domains() {
        let domain = |url: &str| check(url, None).expect("valid").custom_domain();
        assert_eq!(
            domain("https://billing.acme.com/p/session/x").as_deref(),
            Some("billing.acme.com")
        );
        assert_eq!(domain("https://billing.stripe.com/p/session/x"), None);
        let sandbox = ApiBase::parse("http://127.0.0.1:4242").expect("loopback");
        let local = check("http://127.0.0.1:4242/_portal/x", Some(&sandbox)).expect("valid");
        assert_eq!(local.custom_domain(), None);
    }

    #[test]
    fn stripe_hosts_are_told_from_look_alikes() {
        for url in [
            "https://stripe.com/x",
            "https://billing.stripe.com/p",
            "https://BILLING.STRIPE.COM/p",
        ] {
            assert_eq!(
                on_stripe_host(url, None).map(|l| l.is_stripe_host()),
                Ok(true),
                "{url}"
            );
        }
        for url in [
            "https://billing.stripe.com.evil.example/p",
            "https://evilstripe.com/p",
            "https://attacker.example/?.stripe.com/x",
            "https://attacker.example/#.stripe.com",
            "https://billing.acme.com/p",
        ] {
            assert_eq!(
                on_stripe_host(url, None),
                Err(LinkProblem::NotStripe),
                "{url}"
            );
        }
        assert!(on_stripe_host("http://127.0.0.1:9/in_1.pdf", Some(&sandbox())).is_ok());
        assert_eq!(
            on_stripe_host("https://127.0.0.1:9/in_1.pdf", None),
            Err(LinkProblem::NotStripe)
        );
    }
}
