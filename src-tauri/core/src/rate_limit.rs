//! Client-side pacing, so a sync stays inside every limit Stripe enforces
//! instead of bouncing off them: a [`RateLimiter`] hands out evenly spaced
//! send slots, [`operation`] names the API operation a request counts toward
//! (Stripe limits each one separately), and [`backoff`] spaces retries with
//! full jitter, so many windows refused together don't retry together.

use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// Hands out evenly spaced send slots, at a rate that can change.
#[derive(Debug)]
pub struct RateLimiter {
    state: Mutex<Slots>,
}

#[derive(Debug)]
struct Slots {
    rate: f64,
    next: Option<Instant>,
}

/// The slowest a limiter goes, however often it is slowed down.
const MIN_RATE: f64 = 0.5;

impl RateLimiter {
    /// A limiter for `rate` requests per second (at least 0.1).
    pub fn new(rate: f64) -> RateLimiter {
        RateLimiter {
            state: Mutex::new(Slots {
                rate: rate.max(0.1),
                next: None,
            }),
        }
    }

    /// Requests per second now.
    pub fn rate(&self) -> f64 {
        self.slots().rate
    }

    /// Changes the rate (at least [`MIN_RATE`]); the next slot moves with it.
    pub fn set_rate(&self, rate: f64) {
        self.slots().rate = rate.max(MIN_RATE);
    }

    /// Waits for the next free slot.
    pub async fn acquire(&self) {
        let slot = {
            let mut slots = self.slots();
            let now = Instant::now();
            // An idle limiter doesn't bank slots: no burst after a quiet spell.
            let slot = slots.next.map_or(now, |n| n.max(now));
            slots.next = Some(slot + Duration::from_secs_f64(1.0 / slots.rate));
            slot
        };
        tokio::time::sleep_until(slot).await;
    }

    fn slots(&self) -> std::sync::MutexGuard<'_, Slots> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The API operation a request counts toward, as Stripe's limiters key it: the
/// method and the route with ids replaced, so `GET /v1/customers/cus_1` and
/// `GET /v1/customers/cus_2` are one operation (`GET /customers/{id}`).
pub fn operation(method: &str, path: &str) -> String {
    // Namespaces whose next segment is still a collection.
    const NAMESPACES: [&str; 2] = ["billing_portal", "test_helpers"];
    let mut route = String::new();
    let mut segments = path.trim_start_matches('/').split('/').peekable();
    let mut expect_id = false;
    while let Some(segment) = segments.next() {
        route.push('/');
        if NAMESPACES.contains(&segment) {
            route.push_str(segment);
            if let Some(collection) = segments.next() {
                route.push('/');
                route.push_str(collection);
            }
            expect_id = true;
            continue;
        }
        // `customers/search` is an operation, not a customer.
        if expect_id && segment != "search" {
            route.push_str("{id}");
        } else {
            route.push_str(segment);
        }
        expect_id = !expect_id;
    }
    format!("{method} {route}")
}

/// How long to wait before retry number `retry` (1 for the first): a random
/// time up to `base × 2^(retry-1)`, at most `cap` ("full jitter").
pub fn backoff(retry: u32, base: Duration, cap: Duration) -> Duration {
    let ceiling = base
        .saturating_mul(1u32 << retry.saturating_sub(1).min(16))
        .min(cap);
    ceiling.mul_f64(random_fraction())
}

/// A number in [0, 1), different in every call (no RNG crate needed: std's
/// hasher keys are random per process and per `RandomState`).
fn random_fraction() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64),
    );
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn slots_are_evenly_spaced() {
        let limiter = RateLimiter::new(25.0);
        let start = Instant::now();
        for _ in 0..50 {
            limiter.acquire().await;
        }
        // 50 slots at 25/s: the first is immediate, the 50th 49 intervals later.
        assert_eq!(Instant::now() - start, Duration::from_millis(40) * 49);
    }

    #[tokio::test(start_paused = true)]
    async fn an_idle_limiter_does_not_burst() {
        let limiter = RateLimiter::new(10.0);
        limiter.acquire().await;
        tokio::time::sleep(Duration::from_secs(5)).await;
        let start = Instant::now();
        limiter.acquire().await;
        limiter.acquire().await;
        assert_eq!(Instant::now() - start, Duration::from_millis(100));
    }

    #[tokio::test(start_paused = true)]
    async fn a_slowed_limiter_spaces_its_slots_further() {
        let limiter = RateLimiter::new(20.0);
        limiter.set_rate(5.0);
        let start = Instant::now();
        for _ in 0..3 {
            limiter.acquire().await;
        }
        assert_eq!(Instant::now() - start, Duration::from_millis(400));
        limiter.set_rate(0.0);
        assert_eq!(limiter.rate(), MIN_RATE, "never stopped outright");
    }

    #[test]
    fn requests_to_one_route_are_one_operation() {
        let cases = [
            ("GET", "/customers", "GET /customers"),
            ("GET", "/customers/cus_1", "GET /customers/{id}"),
            ("GET", "/customers/cus_2", "GET /customers/{id}"),
            ("GET", "/customers/search", "GET /customers/search"),
            (
                "GET",
                "/customers/cus_1/payment_methods",
                "GET /customers/{id}/payment_methods",
            ),
            ("GET", "/prices/gold-monthly", "GET /prices/{id}"),
            (
                "POST",
                "/billing_portal/sessions",
                "POST /billing_portal/sessions",
            ),
            (
                "POST",
                "/billing_portal/configurations/bpc_1",
                "POST /billing_portal/configurations/{id}",
            ),
            (
                "GET",
                "/test_helpers/test_clocks",
                "GET /test_helpers/test_clocks",
            ),
            ("GET", "/invoices", "GET /invoices"),
        ];
        for (method, path, expected) in cases {
            assert_eq!(operation(method, path), expected, "{method} {path}");
        }
    }

    #[test]
    fn retries_wait_a_random_time_under_a_doubling_ceiling() {
        let base = Duration::from_millis(500);
        let cap = Duration::from_secs(8);
        for retry in 1..=8 {
            let ceiling = (base * 2u32.pow(retry - 1)).min(cap);
            let waits: Vec<Duration> = (0..200).map(|_| backoff(retry, base, cap)).collect();
            assert!(waits.iter().all(|w| *w < ceiling), "retry {retry}");
            let distinct: std::collections::BTreeSet<_> = waits.iter().collect();
            assert!(
                distinct.len() > 150,
                "jittered, not in lockstep: {}",
                distinct.len()
            );
        }
    }
}
