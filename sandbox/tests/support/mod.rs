//! Shared setup: an in-process sandbox and an async-stripe client pointed at it.
#![allow(dead_code)]

use stripe_sandbox::{Config, DEFAULT_KEY, DatasetConfig, Sandbox};

/// A sandbox with `customers` customers (1 subscription, 4 invoices, 1 card each).
pub async fn sandbox(customers: usize) -> Sandbox {
    Sandbox::start(Config {
        dataset: DatasetConfig {
            customers,
            seed: 7,
            ..DatasetConfig::default()
        },
        ..Config::default()
    })
    .await
    .expect("the sandbox starts")
}

/// An async-stripe client for `sandbox`, with `key`.
pub fn client_with(sandbox: &Sandbox, key: &str) -> stripe::Client {
    stripe::ClientBuilder::new(key)
        .url(format!("{}/", sandbox.url()))
        .build()
        .expect("a client")
}

/// An async-stripe client with the default sandbox key.
pub fn client(sandbox: &Sandbox) -> stripe::Client {
    client_with(sandbox, DEFAULT_KEY)
}
