//! Simulated conditions: latency, a token-bucket rate limit, and seeded faults.

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

/// What happens to one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Serve it.
    Serve,
    /// Answer 429 (rate limit or storm).
    RateLimited,
    /// Inject this fault.
    Fault(FaultKind),
}

/// The live conditions of a sandbox.
#[derive(Debug)]
pub struct Conditions {
    /// Added before every `/v1/` answer.
    pub latency: Duration,
    rate: Option<f64>,
    tokens: f64,
    refilled: Instant,
    faults: Option<FaultPlan>,
    rng: Rng,
    storm_left: u32,
    /// Faults injected so far, by kind.
    pub injected: std::collections::BTreeMap<String, u64>,
    /// Requests refused by the token bucket.
    pub rate_limited: u64,
    /// Requests whose path starts with one of these wait until it is lifted,
    /// so a test can hold a sync mid-way and look at it.
    pub hold: Vec<String>,
}

impl Conditions {
    /// No latency, no limit, no faults.
    pub fn new(latency: Duration, rate: Option<f64>) -> Conditions {
        Conditions {
            latency,
            rate,
            tokens: rate.unwrap_or(0.0),
            refilled: Instant::now(),
            faults: None,
            rng: Rng::new(0),
            storm_left: 0,
            injected: Default::default(),
            rate_limited: 0,
            hold: Vec::new(),
        }
    }

    /// Whether a request to `path` must wait for the hold to be lifted.
    pub fn holds(&self, path: &str) -> bool {
        self.hold
            .iter()
            .any(|prefix| path.starts_with(prefix.as_str()))
    }

    /// Requests per second allowed, if limited.
    pub fn rate_limit(&self) -> Option<f64> {
        self.rate
    }

    /// Changes the rate limit; the bucket starts full.
    pub fn set_rate_limit(&mut self, rate: Option<f64>) {
        self.rate = rate.filter(|r| *r > 0.0);
        self.tokens = self.rate.unwrap_or(0.0);
        self.refilled = Instant::now();
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

    /// Decides the fate of a request to `path`.
    pub fn judge(&mut self, path: &str) -> Verdict {
        if let Some(verdict) = self.draw_fault(path) {
            return verdict;
        }
        if let Some(rate) = self.rate {
            let now = Instant::now();
            let elapsed = now.duration_since(self.refilled).as_secs_f64();
            self.refilled = now;
            // A bucket of one second's worth of requests, like Stripe's.
            self.tokens = (self.tokens + elapsed * rate).min(rate.max(1.0));
            if self.tokens < 1.0 {
                self.rate_limited += 1;
                return Verdict::RateLimited;
            }
            self.tokens -= 1.0;
        }
        Verdict::Serve
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
