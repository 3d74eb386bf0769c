//! The one HTTP path to Stripe. async-stripe's request builders describe each
//! call; this transport sends them, so every attempt goes through the same
//! pacing, the same retry policy, the same per-attempt timeout and one warm
//! connection pool, and is counted.
//!
//! Pacing follows Stripe's limiters: one limiter for the whole budget, and one
//! per API operation (25/s by default, Stripe's own per-operation limit). A 429
//! halves that operation's pace, which then recovers a little with every
//! success, so a storm on `GET /v1/invoices` slows invoices alone. Retries wait
//! an exponential time with full jitter, and `Stripe-Should-Retry` overrides
//! the status code either way.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::header::{AUTHORIZATION, CONTENT_TYPE, HeaderName, HeaderValue, USER_AGENT};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client as HyperClient;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use stripe_client_core::{
    CustomizedStripeRequest, RequestBuilder, StripeClient, StripeClientErr, StripeMethod,
};

use crate::api_base::ApiBase;
use crate::rate_limit::{self, RateLimiter};
use crate::secret::{ApiKey, Mode};
use crate::stripe_api::StripeFailure;

/// The API version every request pins (the one async-stripe rc.10 is generated for).
pub const API_VERSION: &str = "2026-09-30.endive";
const STRIPE_BASE: &str = "https://api.stripe.com/";

/// How the transport paces and retries.
#[derive(Debug, Clone, PartialEq)]
pub struct TransportOptions {
    /// Requests per second in all, every attempt included.
    pub requests_per_second: f64,
    /// Requests per second to one API operation (Stripe allows 25).
    pub per_operation: f64,
    /// The first retry waits up to this long; each later one up to twice as long.
    pub backoff_base: Duration,
    /// How long one attempt may take.
    pub timeout: Duration,
    /// Attempts per request, the first included.
    pub max_attempts: u32,
    /// Requests waiting for their answer at once.
    pub max_in_flight: usize,
}

impl TransportOptions {
    /// Stripe's documented limits: 25 requests/s in test mode, 100 in live mode.
    pub fn for_mode(mode: Mode) -> TransportOptions {
        TransportOptions {
            requests_per_second: match mode {
                Mode::Test => 25.0,
                Mode::Live => 100.0,
            },
            per_operation: PER_OPERATION_LIMIT,
            backoff_base: Duration::from_secs(1),
            timeout: Duration::from_secs(20),
            max_attempts: 6,
            max_in_flight: MAX_IN_FLIGHT,
        }
    }

    /// For a background sync: a share of Stripe's limit, not all of it. Live,
    /// half (50 requests/s), so the account's own traffic (its checkout, its
    /// servers) keeps the rest, as Stripe asks of background jobs. In test
    /// mode, 25/s less [`CLICK_RESERVE`], so a click during a sync still fits.
    pub fn for_sync(mode: Mode) -> TransportOptions {
        TransportOptions {
            requests_per_second: match mode {
                Mode::Test => 25.0 - CLICK_RESERVE,
                Mode::Live => 50.0,
            },
            ..TransportOptions::for_mode(mode)
        }
    }

    /// For a person waiting on a click: fewer retries (about 3 s of backoff
    /// in all), so "offline" comes back quickly.
    pub fn interactive(mode: Mode) -> TransportOptions {
        TransportOptions {
            max_attempts: 3,
            timeout: Duration::from_secs(15),
            ..TransportOptions::for_mode(mode)
        }
    }
}

/// Requests per second a test-mode sync leaves free for clicks (portal, email).
pub const CLICK_RESERVE: f64 = 2.0;
/// Stripe's default limit for one API operation, requests per second.
pub const PER_OPERATION_LIMIT: f64 = 25.0;
/// Stripe's concurrency limiter refuses requests beyond a cap it doesn't
/// publish. Twenty in flight carry 100 requests/s at 200 ms a request, and
/// keep a sync from bursting past the cap after its task was busy storing.
pub const MAX_IN_FLIGHT: usize = 20;
/// The longest wait before a retry.
const MAX_BACKOFF: Duration = Duration::from_secs(16);
/// After a success, an operation slowed by a 429 speeds up by this much (per second).
const RECOVERY_STEP: f64 = 0.5;

/// Requests sent and retried so far, shared with whoever reports progress.
#[derive(Debug, Default)]
pub struct RequestCounters {
    requests: AtomicU64,
    retries: AtomicU64,
    rate_limited: AtomicU64,
}

impl RequestCounters {
    /// Attempts sent, retries included.
    pub fn requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }

    /// Attempts that repeated an earlier one.
    pub fn retries(&self) -> u64 {
        self.retries.load(Ordering::Relaxed)
    }

    /// Attempts Stripe answered with 429.
    pub fn rate_limited(&self) -> u64 {
        self.rate_limited.load(Ordering::Relaxed)
    }
}

/// A Stripe HTTP client for one key.
pub struct Transport {
    http: HyperClient<HttpsConnector<HttpConnector>, Full<Bytes>>,
    base: String,
    authorization: HeaderValue,
    limiter: RateLimiter,
    in_flight: tokio::sync::Semaphore,
    operations: std::sync::Mutex<std::collections::HashMap<String, Arc<RateLimiter>>>,
    options: TransportOptions,
    counters: Arc<RequestCounters>,
}

impl Transport {
    /// A transport for `key`, aimed at Stripe or, when given, at a loopback sandbox
    /// (which must already have allowed the key).
    pub fn new(key: &ApiKey, api_base: Option<&ApiBase>, options: TransportOptions) -> Transport {
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_webpki_roots()
            .https_or_http()
            .enable_http1()
            .build();
        let http = HyperClient::builder(TokioExecutor::new())
            .pool_idle_timeout(Duration::from_secs(60))
            .build(connector);
        // The header is the one copy kept for the client's life; the text it
        // is made from is zeroed at once.
        let bearer = zeroize::Zeroizing::new(format!("Bearer {}", key.expose_secret()));
        let mut authorization =
            HeaderValue::from_str(&bearer).expect("a parsed key is printable ASCII");
        // Keeps the header out of hyper's debug output.
        authorization.set_sensitive(true);
        let base = api_base.map_or_else(|| STRIPE_BASE.to_owned(), |b| format!("{}/", b.url()));
        Transport {
            http,
            base,
            authorization,
            limiter: RateLimiter::new(options.requests_per_second),
            in_flight: tokio::sync::Semaphore::new(options.max_in_flight.max(1)),
            operations: Default::default(),
            options,
            counters: Arc::default(),
        }
    }

    /// Requests per second this transport may send in all.
    pub fn budget(&self) -> f64 {
        self.options.requests_per_second
    }

    /// The counters of this transport.
    pub fn counters(&self) -> Arc<RequestCounters> {
        self.counters.clone()
    }

    /// The pace of `operation` now (`GET /invoices`, see
    /// [`rate_limit::operation`]), in requests per second.
    pub fn operation_rate(&self, operation: &str) -> f64 {
        self.operations
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(operation)
            .map_or(self.options.per_operation, |l| l.rate())
    }

    fn operation_limiter(&self, operation: &str) -> Arc<RateLimiter> {
        self.operations
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(operation.to_owned())
            .or_insert_with(|| Arc::new(RateLimiter::new(self.options.per_operation)))
            .clone()
    }

    /// Sends `request`, retrying transient failures; POSTs carry `idempotency_key`
    /// (the same on every attempt) so a retried create never creates twice.
    pub async fn send(
        &self,
        request: RequestBuilder,
        idempotency_key: Option<&str>,
    ) -> Result<Bytes, StripeFailure> {
        Ok(self.send_dated(request, idempotency_key).await?.body)
    }

    /// [`Transport::send`], with Stripe's clock at the answer: its `Date`
    /// header in Unix seconds, when it sent a readable one.
    pub async fn send_dated(
        &self,
        request: RequestBuilder,
        idempotency_key: Option<&str>,
    ) -> Result<Dated, StripeFailure> {
        let mut uri = format!("{}v1{}", self.base, request.path);
        if let Some(query) = &request.query {
            uri.push('?');
            uri.push_str(query);
        }
        let method = match request.method {
            StripeMethod::Get => hyper::Method::GET,
            StripeMethod::Post => hyper::Method::POST,
            StripeMethod::Delete => hyper::Method::DELETE,
        };
        let body = Bytes::from(request.body.clone().unwrap_or_default());
        let operation = rate_limit::operation(method.as_str(), &request.path);
        let pace = self.operation_limiter(&operation);

        let mut tries: u32 = 0;
        let mut last_status = None;
        let mut last_should_retry = None;
        let mut last_failure = StripeFailure::Unreachable("no attempt was made".into());
        loop {
            if tries > 0 {
                if tries >= self.options.max_attempts
                    || !worth_retrying(last_status, last_should_retry)
                {
                    return Err(last_failure);
                }
                tokio::time::sleep(rate_limit::backoff(
                    tries,
                    self.options.backoff_base,
                    MAX_BACKOFF,
                ))
                .await;
                self.counters.retries.fetch_add(1, Ordering::Relaxed);
            }
            tries += 1;
            // The operation's own pace first, then the budget's: a slowed
            // operation waits without holding up the others' slots.
            pace.acquire().await;
            self.limiter.acquire().await;
            // Held until the answer is read: the semaphore is never closed.
            let _in_flight = self.in_flight.acquire().await.ok();
            self.counters.requests.fetch_add(1, Ordering::Relaxed);

            let mut builder = hyper::Request::builder()
                .method(method.clone())
                .uri(&uri)
                .header(AUTHORIZATION, self.authorization.clone())
                .header(
                    USER_AGENT,
                    concat!("PortalDesk/", env!("CARGO_PKG_VERSION")),
                )
                .header(HeaderName::from_static("stripe-version"), API_VERSION);
            if request.body.is_some() {
                builder = builder.header(CONTENT_TYPE, "application/x-www-form-urlencoded");
            }
            if let Some(key) = idempotency_key {
                builder = builder.header(HeaderName::from_static("idempotency-key"), key);
            }
            let http_request = builder
                .body(Full::new(body.clone()))
                .map_err(|e| StripeFailure::Unreadable(format!("bad request: {e}")))?;

            let sent = std::time::Instant::now();
            let attempt = async {
                let response = self.http.request(http_request).await?;
                let status = response.status().as_u16();
                let header = |name: &str| {
                    response
                        .headers()
                        .get(name)
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned)
                };
                let should_retry = header("stripe-should-retry").and_then(|v| v.parse().ok());
                let date = header("date").as_deref().and_then(unix_seconds);
                let bytes = response.into_body().collect().await?.to_bytes();
                Ok::<_, Box<dyn std::error::Error + Send + Sync>>((
                    status,
                    should_retry,
                    Dated {
                        body: bytes,
                        date,
                        round_trip: sent.elapsed(),
                    },
                ))
            };
            match tokio::time::timeout(self.options.timeout, attempt).await {
                Err(_) => {
                    last_status = None;
                    last_should_retry = None;
                    last_failure = StripeFailure::Unreachable("the request timed out".into());
                }
                Ok(Err(error)) => {
                    let reason = network_error(&*error);
                    // Nobody listening or no address: retrying for half a minute
                    // only delays "you're offline". A cut-off answer is retried in full.
                    let no_route = reason == NO_CONNECTION || reason == NO_ADDRESS;
                    if no_route && tries >= 2 {
                        return Err(StripeFailure::Unreachable(reason));
                    }
                    last_status = None;
                    last_should_retry = None;
                    last_failure = StripeFailure::Unreachable(reason);
                }
                Ok(Ok((status, _, answer))) if (200..300).contains(&status) => {
                    let rate = pace.rate();
                    if rate < self.options.per_operation {
                        pace.set_rate((rate + RECOVERY_STEP).min(self.options.per_operation));
                    }
                    return Ok(answer);
                }
                Ok(Ok((status, should_retry, Dated { body: bytes, .. }))) => {
                    if status == 429 {
                        self.counters.rate_limited.fetch_add(1, Ordering::Relaxed);
                        pace.set_rate(pace.rate() / 2.0);
                    }
                    last_status = Some(status);
                    last_should_retry = should_retry;
                    last_failure = StripeFailure::from_response(status, &bytes);
                }
            }
        }
    }
}

/// A successful answer and when Stripe sent it.
#[derive(Debug, Clone)]
pub struct Dated {
    /// The body.
    pub body: Bytes,
    /// Stripe's clock when it answered (Unix seconds, from `Date`).
    pub date: Option<i64>,
    /// From sending the answered attempt to its last byte read: pacing left
    /// out, but any time the caller was too busy to read counted, as it
    /// should be when sizing how many requests to keep going.
    pub round_trip: Duration,
}

/// An HTTP date (`Tue, 01 Dec 2026 23:49:34 GMT`) in Unix seconds.
fn unix_seconds(text: &str) -> Option<i64> {
    let at = httpdate::parse_http_date(text).ok()?;
    let seconds = at.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    i64::try_from(seconds).ok()
}

/// Whether a failed attempt is worth another: `Stripe-Should-Retry` decides when
/// Stripe sends it; otherwise conflicts (409), failed dependencies (424), 429s,
/// 5xx and network failures (no status) are retried, and nothing else.
fn worth_retrying(status: Option<u16>, should_retry: Option<bool>) -> bool {
    should_retry.unwrap_or_else(|| status.is_none_or(|s| matches!(s, 409 | 424 | 429 | 500..)))
}

const NO_ADDRESS: &str = "its address could not be looked up";
const NO_CONNECTION: &str = "no connection could be made";

/// hyper's error chain ("client error (Connect)") in words a user understands.
fn network_error(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(inner) = source {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    let lower = text.to_ascii_lowercase();
    // An answer cut off mid-way mentions the connection too, so it is checked first.
    if ["closed", "incomplete", "reset", "end of file", "body"]
        .iter()
        .any(|word| lower.contains(word))
    {
        "the connection was cut off".into()
    } else if lower.contains("dns") || lower.contains("resolve") || lower.contains("lookup") {
        NO_ADDRESS.into()
    } else if lower.contains("certificate") || lower.contains("tls") {
        "the secure connection failed".into()
    } else if lower.contains("connect") {
        NO_CONNECTION.into()
    } else {
        "the connection failed".into()
    }
}

impl StripeClientErr for StripeFailure {
    fn deserialize_err(msg: impl std::fmt::Display) -> Self {
        StripeFailure::Unreadable(msg.to_string())
    }
}

impl StripeClient for Transport {
    type Err = StripeFailure;

    async fn execute(&self, request: CustomizedStripeRequest) -> Result<Bytes, StripeFailure> {
        let (request, _config) = request.into_pieces();
        self.send(request, None).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stripe_should_retry_overrides_the_status() {
        assert!(worth_retrying(Some(429), None));
        assert!(worth_retrying(Some(503), None));
        assert!(worth_retrying(None, None), "the network failed");
        assert!(!worth_retrying(Some(400), None));
        assert!(!worth_retrying(Some(429), Some(false)), "Stripe says no");
        assert!(worth_retrying(Some(400), Some(true)), "Stripe says yes");
    }

    #[test]
    fn stripes_clock_is_read_from_the_date_header() {
        assert_eq!(
            unix_seconds("Tue, 01 Dec 2026 23:49:34 GMT"),
            Some(1_796_168_974)
        );
        assert_eq!(unix_seconds("yesterday"), None);
    }
}
