//! A client-side rate limiter: requests leave at most `rate` per second, evenly
//! spaced, so a sync stays just under Stripe's limit instead of bouncing off it.

use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// Hands out evenly spaced send slots.
#[derive(Debug)]
pub struct RateLimiter {
    interval: Duration,
    next_slot: Mutex<Option<Instant>>,
}

impl RateLimiter {
    /// A limiter for `rate` requests per second (at least 0.1).
    pub fn new(rate: f64) -> RateLimiter {
        RateLimiter {
            interval: Duration::from_secs_f64(1.0 / rate.max(0.1)),
            next_slot: Mutex::new(None),
        }
    }

    /// Waits for the next free slot.
    pub async fn acquire(&self) {
        let slot = {
            let mut next = self.next_slot.lock().unwrap_or_else(|e| e.into_inner());
            let now = Instant::now();
            // An idle limiter doesn't bank slots: no burst after a quiet spell.
            let slot = next.map_or(now, |n| n.max(now));
            *next = Some(slot + self.interval);
            slot
        };
        tokio::time::sleep_until(slot).await;
    }
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
}
