//! The sandbox's integration tests, one binary (`cargo test -p stripe-sandbox --test it`).
//! `support` starts a sandbox and talks to it.

mod support;

mod async_stripe;
mod behaviour;
mod pagination;
