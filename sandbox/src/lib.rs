//! `stripe-sandbox`: a local, stateful Stripe test double.
//!
//! It serves Stripe's API shapes (built from Stripe's own fixture objects) for a
//! deterministic generated account, with Stripe's list semantics, errors, keys
//! and permissions, billing portal sessions and configurations, an events feed
//! fed by a portal simulation, and simulated latency, rate limits and faults.
//! Start it in-process on port 0 with [`Sandbox::start`] and use [`Sandbox::url`],
//! or run the `stripe-sandbox` command. The control API lives under `/_sandbox/`.

#![warn(missing_docs)]

mod api;
mod conditions;
mod dataset;
mod fixtures;
pub mod form;
mod http;
mod pages;
pub mod smtp;
mod store;

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::watch;

pub use conditions::{FaultKind, FaultPlan};
pub use dataset::{DatasetConfig, zero_decimal};

use conditions::{Conditions, Verdict};
use fixtures::Templates;
use http::{Outcome, Request, Response};
use store::Store;

/// The key every sandbox accepts unless told otherwise.
pub const DEFAULT_KEY: &str = "sk_test_sandbox";

/// The API version the sandbox speaks (the one async-stripe 1.0.0-rc.10 pins).
pub const API_VERSION: &str = "2026-09-30.endive";

/// How to start a sandbox.
#[derive(Debug, Clone)]
pub struct Config {
    /// Port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// The generated account.
    pub dataset: DatasetConfig,
    /// Accepted keys (default: [`DEFAULT_KEY`]).
    pub keys: Vec<KeySpec>,
    /// Added to every `/v1/` answer.
    pub latency: Duration,
    /// Requests per second before 429s (none: unlimited).
    pub rate_limit: Option<f64>,
    /// Requests per second per API operation before 429s (none: unlimited;
    /// Stripe's default is 25).
    pub endpoint_rate_limit: Option<f64>,
    /// Requests in flight at once before 429s (none: no cap).
    pub max_in_flight: Option<u32>,
    /// How long an `invoice_pdf` link works after it was handed out (none: until
    /// `POST /_sandbox/pdf_links/expire`).
    pub pdf_link_ttl: Option<Duration>,
    /// A custom domain (`billing.acme.test`) for portal session and login-page
    /// URLs, as an account with a Stripe custom domain gets.
    pub portal_domain: Option<String>,
    /// Take parameters Stripe would refuse as unknown (default: refuse them,
    /// as Stripe does).
    pub lenient: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            port: 0,
            dataset: DatasetConfig::default(),
            keys: vec![KeySpec::full(DEFAULT_KEY)],
            latency: Duration::ZERO,
            rate_limit: None,
            endpoint_rate_limit: None,
            max_in_flight: None,
            pdf_link_ttl: None,
            portal_domain: None,
            lenient: false,
        }
    }
}

/// An accepted API key and, for restricted keys, its permissions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySpec {
    /// The key.
    pub key: String,
    /// `None`: everything. Otherwise the permissions granted, e.g. `customer_read`.
    pub permissions: Option<BTreeSet<String>>,
}

impl KeySpec {
    /// A key that may do everything.
    pub fn full(key: &str) -> KeySpec {
        KeySpec {
            key: key.to_owned(),
            permissions: None,
        }
    }

    /// Parses the command line's `--key K` or `--key rk_test_x=customer_read,invoice_read`.
    pub fn parse(text: &str) -> KeySpec {
        match text.split_once('=') {
            Some((key, permissions)) => KeySpec {
                key: key.to_owned(),
                permissions: Some(
                    permissions
                        .split(',')
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map(str::to_owned)
                        .collect(),
                ),
            },
            None => KeySpec::full(text),
        }
    }

    /// Whether objects should say `livemode: true`.
    pub fn live(&self) -> bool {
        self.key.starts_with("sk_live_") || self.key.starts_with("rk_live_")
    }
}

/// A running sandbox. Dropping it stops the server.
pub struct Sandbox {
    url: String,
    addr: SocketAddr,
    shared: Arc<Shared>,
    shutdown: watch::Sender<bool>,
}

impl std::fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sandbox").field("url", &self.url).finish()
    }
}

pub(crate) struct Shared {
    base_url: String,
    /// The file host invoice PDFs redirect to (Stripe's is Amazon S3): a
    /// second listener, so a download crosses to another host as a real one does.
    file_host_url: String,
    templates: Templates,
    state: Mutex<State>,
    conditions: Mutex<Conditions>,
}

pub(crate) struct State {
    dataset: DatasetConfig,
    store: Store,
    keys: Vec<KeySpec>,
    account_id: String,
    counters: BTreeMap<String, u64>,
    /// Parameters refused as unknown, by name: a client's bug, counted so a
    /// test can check that none was sent.
    unknown_parameters: BTreeMap<String, u64>,
    requests: VecDeque<Value>,
    idempotency: HashMap<String, (Value, Response)>,
    login_pages: HashMap<String, String>,
    /// `invoice_pdf` links handed out before this generation have expired.
    pdf_link_epoch: u64,
    rng: dataset::Rng,
}

impl State {
    /// A state holding `store`, with nothing counted, requested or replayed yet.
    fn new(
        dataset: DatasetConfig,
        store: Store,
        keys: Vec<KeySpec>,
        account_id: String,
        rng: dataset::Rng,
    ) -> State {
        State {
            dataset,
            store,
            keys,
            account_id,
            counters: BTreeMap::new(),
            unknown_parameters: BTreeMap::new(),
            requests: VecDeque::new(),
            idempotency: HashMap::new(),
            login_pages: HashMap::new(),
            pdf_link_epoch: 0,
            rng,
        }
    }
}

const REQUEST_LOG: usize = 10_000;

/// The longest a held request waits, so a test that forgets to lift a hold
/// still ends.
const HOLD_LIMIT: Duration = Duration::from_secs(60);

impl Shared {
    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn conditions(&self) -> MutexGuard<'_, Conditions> {
        self.conditions.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn fresh_state(&self, dataset: DatasetConfig, keys: Vec<KeySpec>) -> State {
        let store = dataset::generate(&dataset, &self.templates, &self.base_url);
        let mut rng = dataset::Rng::new(dataset.seed ^ 0x5EED);
        let account_id = rng.id("acct_")[..21].to_owned();
        State::new(dataset, store, keys, account_id, rng)
    }
}

impl Sandbox {
    /// Generates the dataset and starts serving on 127.0.0.1.
    pub async fn start(config: Config) -> std::io::Result<Sandbox> {
        let listener = TcpListener::bind(("127.0.0.1", config.port)).await?;
        let addr = listener.local_addr()?;
        let url = format!("http://127.0.0.1:{}", addr.port());
        let files = TcpListener::bind(("127.0.0.1", 0)).await?;
        let file_host_url = format!("http://127.0.0.1:{}", files.local_addr()?.port());
        let templates = Templates::load();
        let placeholder = State::new(
            config.dataset.clone(),
            Store::default(),
            Vec::new(),
            String::new(),
            dataset::Rng::new(0),
        );
        let shared = Arc::new(Shared {
            base_url: url.clone(),
            file_host_url,
            templates,
            state: Mutex::new(placeholder),
            conditions: Mutex::new({
                let mut conditions = Conditions::new(config.latency, config.rate_limit);
                conditions.set_endpoint_rate_limit(config.endpoint_rate_limit);
                conditions.set_max_in_flight(config.max_in_flight);
                conditions.pdf_link_ttl = config.pdf_link_ttl;
                conditions.portal_domain = config.portal_domain;
                conditions.lenient = config.lenient;
                conditions
            }),
        });
        let state = shared.fresh_state(config.dataset, config.keys);
        *shared.state() = state;

        let (shutdown, receiver) = watch::channel(false);
        let handler_shared = shared.clone();
        let handler = Arc::new(move |request: Request| {
            let shared = handler_shared.clone();
            async move { handle(shared, request).await }
        });
        tokio::spawn(http::serve(listener, handler, receiver.clone()));
        let file_shared = shared.clone();
        let file_handler = Arc::new(move |request: Request| {
            let shared = file_shared.clone();
            async move { Outcome::Respond(pages::file_host(&shared, &request)) }
        });
        tokio::spawn(http::serve(files, file_handler, receiver));
        Ok(Sandbox {
            url,
            addr,
            shared,
            shutdown,
        })
    }

    /// `http://127.0.0.1:PORT`, for `ClientBuilder::url` and the like.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops serving; open connections close.
    pub fn stop(&self) {
        let _ = self.shutdown.send(true);
    }

    /// Everything the sandbox holds now (what `GET /_sandbox/truth` returns).
    pub fn truth(&self) -> Value {
        api::control::truth(&self.shared.state())
    }

    /// Requests served so far, by route (what `GET /_sandbox/counters` returns).
    pub fn counters(&self) -> Value {
        api::control::counters(&self.shared)
    }

    /// The last requests received, with their decoded parameters.
    pub fn requests(&self) -> Vec<Value> {
        self.shared.state().requests.iter().cloned().collect()
    }

    /// Applies a control call in-process (same JSON as `POST /_sandbox/<path>`).
    pub fn control(&self, path: &str, body: Value) -> Result<Value, String> {
        api::control::apply(&self.shared, path, &body)
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A request Stripe's concurrency limiter counts; it stops counting when dropped.
struct InFlight(Arc<Shared>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.conditions().finished();
    }
}

async fn handle(shared: Arc<Shared>, request: Request) -> Outcome {
    if request.path.starts_with("/_sandbox/") {
        return Outcome::Respond(api::control::handle(&shared, &request));
    }
    if !request.path.starts_with("/v1/") {
        return Outcome::Respond(pages::handle(&shared, &request));
    }
    let (verdict, latency, stall) = {
        let mut conditions = shared.conditions();
        let verdict = conditions.judge(&request.path, &api::operation(&request));
        (verdict, conditions.latency, conditions.stall())
    };
    // In flight from here until the answer is ready, the latency included.
    let _in_flight = (verdict != Verdict::RateLimited).then(|| InFlight(shared.clone()));
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    // A held request waits for the hold to be lifted, at most a minute.
    let held_since = std::time::Instant::now();
    while shared.conditions().holds(&request.path) && held_since.elapsed() < HOLD_LIMIT {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    match verdict {
        Verdict::RateLimited => {
            api::count(&shared, &request);
            Outcome::Respond(api::errors::rate_limited().response())
        }
        Verdict::Fault(FaultKind::Drop) => Outcome::Drop,
        Verdict::Fault(FaultKind::Stall) => Outcome::Stall(stall),
        Verdict::Fault(FaultKind::ServerError) => {
            api::count(&shared, &request);
            Outcome::Respond(api::errors::server_error().response())
        }
        Verdict::Fault(FaultKind::Truncate) => Outcome::Truncate(api::dispatch(&shared, &request)),
        Verdict::Fault(FaultKind::RateLimit) | Verdict::Serve => {
            Outcome::Respond(api::dispatch(&shared, &request))
        }
    }
}
