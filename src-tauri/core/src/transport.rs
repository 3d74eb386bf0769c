//! The one HTTP path to Stripe. async-stripe's request builders describe each
//! call; this transport sends them, so every attempt goes through the same
//! client-side rate limiter, the same retry policy (async-stripe's
//! [`RequestStrategy`], which honours `Stripe-Should-Retry`), the same
//! per-attempt timeout and one warm connection pool, and is counted.

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
    CustomizedStripeRequest, Outcome, RequestBuilder, RequestStrategy, StripeClient,
    StripeClientErr, StripeMethod,
};

use crate::api_base::ApiBase;
use crate::rate_limit::RateLimiter;
use crate::secret::{ApiKey, Mode};
use crate::stripe_api::StripeFailure;

/// The API version every request pins (the one async-stripe rc.10 is generated for).
pub const API_VERSION: &str = "2026-09-30.endive";
const STRIPE_BASE: &str = "https://api.stripe.com/";

/// How the transport paces and retries.
#[derive(Debug, Clone, PartialEq)]
pub struct TransportOptions {
    /// Requests per second, every attempt included.
    pub requests_per_second: f64,
    /// How long one attempt may take.
    pub timeout: Duration,
    /// Attempts per request, the first included.
    pub max_attempts: u32,
}

impl TransportOptions {
    /// Stripe's documented limits: 25 requests/s in test mode, 100 in live mode.
    pub fn for_mode(mode: Mode) -> TransportOptions {
        TransportOptions {
            requests_per_second: match mode {
                Mode::Test => 25.0,
                Mode::Live => 100.0,
            },
            timeout: Duration::from_secs(20),
            max_attempts: 6,
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

/// Requests sent and retried so far, shared with whoever reports progress.
#[derive(Debug, Default)]
pub struct RequestCounters {
    requests: AtomicU64,
    retries: AtomicU64,
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
}

/// A Stripe HTTP client for one key.
pub struct Transport {
    http: HyperClient<HttpsConnector<HttpConnector>, Full<Bytes>>,
    base: String,
    authorization: HeaderValue,
    limiter: RateLimiter,
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
            options,
            counters: Arc::default(),
        }
    }

    /// The counters of this transport.
    pub fn counters(&self) -> Arc<RequestCounters> {
        self.counters.clone()
    }

    /// Sends `request`, retrying transient failures; POSTs carry `idempotency_key`
    /// (the same on every attempt) so a retried create never creates twice.
    pub async fn send(
        &self,
        request: RequestBuilder,
        idempotency_key: Option<&str>,
    ) -> Result<Bytes, StripeFailure> {
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
        let strategy = RequestStrategy::ExponentialBackoff(self.options.max_attempts);

        let mut tries = 0;
        let mut last_status = None;
        let mut last_should_retry = None;
        let mut last_failure = StripeFailure::Unreachable("no attempt was made".into());
        loop {
            match strategy.test(last_status, last_should_retry, tries) {
                Outcome::Stop => return Err(last_failure),
                Outcome::Continue(backoff) => {
                    if let Some(backoff) = backoff {
                        tokio::time::sleep(backoff).await;
                    }
                }
            }
            if tries > 0 {
                self.counters.retries.fetch_add(1, Ordering::Relaxed);
            }
            tries += 1;
            self.limiter.acquire().await;
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

            let attempt = async {
                let response = self.http.request(http_request).await?;
                let status = response.status().as_u16();
                let should_retry = response
                    .headers()
                    .get("stripe-should-retry")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.parse::<bool>().ok());
                let bytes = response.into_body().collect().await?.to_bytes();
                Ok::<_, Box<dyn std::error::Error + Send + Sync>>((status, should_retry, bytes))
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
                Ok(Ok((status, _, bytes))) if (200..300).contains(&status) => return Ok(bytes),
                Ok(Ok((status, should_retry, bytes))) => {
                    last_status = Some(status);
                    last_should_retry = should_retry;
                    last_failure = StripeFailure::from_response(status, &bytes);
                }
            }
        }
    }
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
