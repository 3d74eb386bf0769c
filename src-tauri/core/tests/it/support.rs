//! Setup shared by the core's integration tests: a sandbox, a client for it.

use std::time::Duration;

use portal_core::{ApiBase, ApiKey, StripeClient, TransportOptions};
use stripe_sandbox::{Config, DatasetConfig, KeySpec, Sandbox};

/// A sandbox of `customers` accepting `keys`.
pub async fn sandbox(customers: usize, keys: Vec<KeySpec>) -> Sandbox {
    Sandbox::start(Config {
        dataset: DatasetConfig {
            customers,
            ..DatasetConfig::default()
        },
        keys,
        ..Config::default()
    })
    .await
    .expect("the sandbox starts")
}

/// A client of the Stripe (or stand-in) at `url` with `key`.
pub fn client(url: &str, key: &str, options: TransportOptions) -> StripeClient {
    let key = ApiKey::parse(key).expect("a test key");
    let base = ApiBase::parse(url).expect("loopback");
    StripeClient::with_options(&key, Some(&base), options)
}

/// No pacing to speak of (the tests' sandboxes have no limiter), a second
/// between attempts, `attempts` of them, each given `timeout`.
pub fn unpaced(timeout: Duration, attempts: u32) -> TransportOptions {
    TransportOptions {
        requests_per_second: 1000.0,
        per_operation: 1000.0,
        backoff_base: Duration::from_secs(1),
        timeout,
        max_attempts: attempts,
        max_in_flight: 64,
    }
}
