//! Simulated conditions: latency, Stripe's three limiters, and seeded faults.
//!
//! Stripe limits a key three ways, and the sandbox does the same: a global
//! rate (100 requests/s live, 25/s in test mode), a rate per API operation
//! (25/s by default, counted toward the global one; an operation is a method
//! and a route, so `GET /v1/customers/{id}` is one whatever the id), and a cap
//! on requests in flight. Each refusal is Stripe's 429 (`code: rate_limit`).

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::dataset::Rng;

/// A fault injected instead of (or into) a normal answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    /// A 500 with `Stripe-Should-Retry: true`.
    ServerError,
    /// The connection closes without an answer.
    Drop,
    /// Headers and half the body, then the connection closes.
    Truncate,
    /// The connection hangs for `stall_ms`, then closes.
    Stall,
    /// A storm: this and the next `storm_length - 1` requests get 429.
    RateLimit,
}

/// A seeded fault schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FaultPlan {
    /// Seed of the schedule: the same seed and request order give the same faults.
    pub seed: u64,
    /// Chance that a request gets a fault, in percent (0-100).
    pub percent: u32,
    /// The kinds to draw from.
    pub kinds: Vec<FaultKind>,
    /// How long a stall lasts.
    #[serde(default = "default_stall_ms")]
    pub stall_ms: u64,
    /// How many 429s a storm lasts.
    #[serde(default = "default_storm")]
    pub storm_length: u32,
    /// Only requests whose path starts with one of these (empty: every `/v1/` path).
    #[serde(default)]
    pub paths: Vec<String>,
    /// Stop injecting after this many faults (none: no limit).
    #[serde(default)]
    pub max_faults: Option<u64>,
}

fn default_stall_ms() -> u64 {
    30_000
}
fn default_storm() -> u32 {
    8
}

/// A token bucket holding one second's worth of requests, like Stripe's.
#[derive(Debug, Clone)]
struct Bucket {
    rate: f64,
    tokens: f64,
    refilled: Instant,
}

impl Bucket {
    fn new(rate: f64) -> Bucket {
        Bucket {
            rate,
            tokens: rate.max(1.0),
            refilled: Instant::now(),
        }
    }

    /// Refills for the time passed; whether a request may go.
    fn has_token(&mut self, now: Instant) -> bool {
        let elapsed = now.duration_since(self.refilled).as_secs_f64();
        self.refilled = now;
        self.tokens = (self.tokens + elapsed * self.rate).min(self.rate.max(1.0));
        self.tokens >= 1.0
    }
}

/// Which of Stripe's limiters refused a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limiter {
    /// The account's global rate.
    Global,
    /// The operation's own rate.
    Endpoint,
    /// Too many requests in flight.
    Concurrency,
}

impl Limiter {
    /// The name `/_sandbox/counters` reports it under.
    pub fn name(self) -> &'static str {
        match self {
            Limiter::Global => "global",
            Limiter::Endpoint => "endpoint",
            Limiter::Concurrency => "concurrency",
        }
    }
}

/// What happens to one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Serve it.
    Serve,
    /// Answer 429 (a limiter, or a fault storm).
    RateLimited,
    /// Inject this fault.
    Fault(FaultKind),
}

/// The live conditions of a sandbox.
#[derive(Debug)]
pub struct Conditions {
    /// Added before every `/v1/` answer.
    pub latency: Duration,
    /// How long an `invoice_pdf` link works (none: until expired by hand).
    pub pdf_link_ttl: Option<Duration>,
    /// The account's custom domain: portal session and login-page URLs use it.
    pub portal_domain: Option<String>,
    /// Takes parameters Stripe would refuse as unknown. Off by default: the
    /// sandbox is as strict as Stripe unless a test says it needs leniency.
    pub lenient: bool,
    global: Option<Bucket>,
    endpoint_rate: Option<f64>,
    endpoints: std::collections::HashMap<String, Bucket>,
    max_in_flight: Option<u32>,
    in_flight: u32,
    faults: Option<FaultPlan>,
    rng: Rng,
    storm_left: u32,
    /// Faults injected so far, by kind.
    pub injected: std::collections::BTreeMap<String, u64>,
    /// Requests refused by a limiter (not by an injected storm).
    pub rate_limited: u64,
    /// Those refusals by limiter (`global`, `endpoint`, `concurrency`).
    pub rate_limited_by: std::collections::BTreeMap<&'static str, u64>,
    /// Those refusals by operation (`GET /v1/invoices`).
    pub rate_limited_routes: std::collections::BTreeMap<String, u64>,
    /// Requests whose path starts with one of these wait until it is lifted,
    /// so a test can hold a sync mid-way and look at it.
    pub hold: Vec<String>,
}

impl Conditions {
    /// `latency`, the global `rate` (none: unlimited), no other limit, no faults.
    pub fn new(latency: Duration, rate: Option<f64>) -> Conditions {
        let mut conditions = Conditions {
            latency,
            pdf_link_ttl: None,
            portal_domain: None,
            lenient: false,
            global: None,
            endpoint_rate: None,
            endpoints: Default::default(),
            max_in_flight: None,
            in_flight: 0,
            faults: None,
            rng: Rng::new(0),
            storm_left: 0,
            injected: Default::default(),
            rate_limited: 0,
            rate_limited_by: Default::default(),
            rate_limited_routes: Default::default(),
            hold: Vec::new(),
        };
        conditions.set_rate_limit(rate);
        conditions
    }

    /// Whether a request to `path` must wait for the hold to be lifted.
    pub fn holds(&self, path: &str) -> bool {
        self.hold
            .iter()
            .any(|prefix| path.starts_with(prefix.as_str()))
    }

    /// Requests per second allowed in all, if limited.
    pub fn rate_limit(&self) -> Option<f64> {
        self.global.as_ref().map(|b| b.rate)
    }

    /// Changes the global rate limit; the bucket starts full.
    pub fn set_rate_limit(&mut self, rate: Option<f64>) {
        self.global = rate.filter(|r| *r > 0.0).map(Bucket::new);
    }

    /// Requests per second allowed per operation, if limited.
    pub fn endpoint_rate_limit(&self) -> Option<f64> {
        self.endpoint_rate
    }

    /// Changes the per-operation rate limit; every bucket starts full.
    pub fn set_endpoint_rate_limit(&mut self, rate: Option<f64>) {
        self.endpoint_rate = rate.filter(|r| *r > 0.0);
        self.endpoints.clear();
    }

    /// Requests allowed in flight at once, if capped.
    pub fn max_in_flight(&self) -> Option<u32> {
        self.max_in_flight
    }

    /// Changes the cap on requests in flight (none or 0: no cap).
    pub fn set_max_in_flight(&mut self, cap: Option<u32>) {
        self.max_in_flight = cap.filter(|c| *c > 0);
    }

    /// A request admitted by [`Conditions::judge`] has been answered.
    pub fn finished(&mut self) {
        self.in_flight = self.in_flight.saturating_sub(1);
    }

    /// The fault plan in force.
    pub fn faults(&self) -> Option<&FaultPlan> {
        self.faults.as_ref()
    }

    /// Replaces the fault plan (none: no faults).
    pub fn set_faults(&mut self, plan: Option<FaultPlan>) {
        self.rng = Rng::new(plan.as_ref().map(|p| p.seed).unwrap_or(0));
        self.storm_left = 0;
        self.faults = plan;
    }

    /// Decides the fate of a request to `path`, of `operation` (method and
    /// route template). A request it serves is in flight until
    /// [`Conditions::finished`].
    pub fn judge(&mut self, path: &str, operation: &str) -> Verdict {
        if let Some(verdict) = self.draw_fault(path) {
            if verdict != Verdict::RateLimited {
                self.in_flight += 1;
            }
            return verdict;
        }
        if let Some(limiter) = self.limited_by(operation) {
            self.rate_limited += 1;
            *self.rate_limited_by.entry(limiter.name()).or_default() += 1;
            *self
                .rate_limited_routes
                .entry(operation.to_owned())
                .or_default() += 1;
            return Verdict::RateLimited;
        }
        self.in_flight += 1;
        Verdict::Serve
    }

    /// The limiter that refuses `operation` now, if any; otherwise its tokens
    /// are taken (from its own bucket and the global one: both count it).
    fn limited_by(&mut self, operation: &str) -> Option<Limiter> {
        if self.max_in_flight.is_some_and(|cap| self.in_flight >= cap) {
            return Some(Limiter::Concurrency);
        }
        let now = Instant::now();
        if let Some(rate) = self.endpoint_rate {
            let bucket = self
                .endpoints
                .entry(operation.to_owned())
                .or_insert_with(|| Bucket::new(rate));
            if !bucket.has_token(now) {
                return Some(Limiter::Endpoint);
            }
        }
        if let Some(global) = &mut self.global
            && !global.has_token(now)
        {
            return Some(Limiter::Global);
        }
        if let Some(bucket) = self.endpoints.get_mut(operation) {
            bucket.tokens -= 1.0;
        }
        if let Some(global) = &mut self.global {
            global.tokens -= 1.0;
        }
        None
    }

    fn draw_fault(&mut self, path: &str) -> Option<Verdict> {
        let plan = self.faults.as_ref()?;
        if !plan.paths.is_empty() && !plan.paths.iter().any(|p| path.starts_with(p.as_str())) {
            return None;
        }
        if self.storm_left > 0 {
            self.storm_left -= 1;
            *self.injected.entry("rate_limit".into()).or_default() += 1;
            return Some(Verdict::RateLimited);
        }
        let total: u64 = self.injected.values().sum();
        if plan.max_faults.is_some_and(|max| total >= max) || plan.kinds.is_empty() {
            return None;
        }
        if self.rng.below(100) >= u64::from(plan.percent) {
            return None;
        }
        let kind = *self.rng.pick(&plan.kinds);
        let name = serde_json::to_value(kind).ok()?.as_str()?.to_owned();
        *self.injected.entry(name).or_default() += 1;
        Some(match kind {
            FaultKind::RateLimit => {
                self.storm_left = plan.storm_length.saturating_sub(1);
                Verdict::RateLimited
            }
            other => Verdict::Fault(other),
        })
    }

    /// How long an injected stall lasts.
    pub fn stall(&self) -> Duration {
        Duration::from_millis(self.faults.as_ref().map(|p| p.stall_ms).unwrap_or(30_000))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INVOICES: &str = "GET /v1/invoices";
    const CUSTOMER: &str = "GET /v1/customers/{id}";

    fn served(c: &mut Conditions, operation: &str, n: usize) -> usize {
        (0..n)
            .filter(|_| {
                let verdict = c.judge("/v1/x", operation);
                if verdict == Verdict::Serve {
                    c.finished();
                }
                verdict == Verdict::Serve
            })
            .count()
    }

    #[test]
    fn each_operation_has_its_own_bucket_and_all_count_toward_the_global_one() {
        let mut c = Conditions::new(Duration::ZERO, Some(100.0));
        c.set_endpoint_rate_limit(Some(25.0));
        // A burst: each operation gets its second's worth, no more.
        assert_eq!(served(&mut c, INVOICES, 60), 25);
        assert_eq!(served(&mut c, CUSTOMER, 60), 25);
        assert_eq!(c.rate_limited_by.get("endpoint"), Some(&70));
        assert_eq!(c.rate_limited_routes.get(INVOICES), Some(&35));
        // Five more operations: the global bucket (100) runs out in the fourth.
        let others: usize = (0..5)
            .map(|n| served(&mut c, &format!("GET /v1/list{n}"), 25))
            .sum();
        assert_eq!(others, 50, "100 in all, whatever the operations");
        assert_eq!(c.rate_limited_by.get("global"), Some(&75));
        assert_eq!(c.rate_limited, 145);
    }

    #[test]
    fn requests_in_flight_are_capped_until_they_finish() {
        let mut c = Conditions::new(Duration::ZERO, None);
        c.set_max_in_flight(Some(2));
        assert_eq!(c.judge("/v1/invoices", INVOICES), Verdict::Serve);
        assert_eq!(c.judge("/v1/invoices", INVOICES), Verdict::Serve);
        assert_eq!(c.judge("/v1/invoices", INVOICES), Verdict::RateLimited);
        assert_eq!(c.rate_limited_by.get("concurrency"), Some(&1));
        c.finished();
        assert_eq!(c.judge("/v1/invoices", INVOICES), Verdict::Serve);
    }
}
