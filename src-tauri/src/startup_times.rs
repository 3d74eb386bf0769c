//! The shell's start-up steps for `cargo xtask bench`: with
//! `PORTAL_DESK_STARTUP_TIMES` set, each step prints when it ended, in
//! milliseconds since the epoch, so the bench can line them up with the
//! process's start and the web page's marks.

use std::time::{SystemTime, UNIX_EPOCH};

/// The line each step prints: `portal-desk startup: STEP MS`.
pub const PREFIX: &str = "portal-desk startup:";

/// Prints that `step` ended now, if the bench asked for it.
pub fn step(step: &str) {
    if std::env::var_os("PORTAL_DESK_STARTUP_TIMES").is_none() {
        return;
    }
    let ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |since| since.as_secs_f64() * 1000.0);
    eprintln!("{PREFIX} {step} {ms:.1}");
}
