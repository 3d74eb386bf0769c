//! The sync loop's arithmetic: when a sync is due, when a failed one is
//! tried again, when one ended, and how soon to ask again. Pure: the loop in
//! `hooks/sync_status.rs` reads the status and the clock, and does what
//! [`SyncLoop::poll`] says.

use std::time::Duration;

use portal_ipc::{SyncProgress, SyncStatus};

/// The pause while a sync runs, or just after one was started.
pub const POLL_BUSY: Duration = Duration::from_millis(300);
/// The pause while nothing runs.
pub const POLL_IDLE: Duration = Duration::from_millis(1500);
/// The pause after the status could not be read.
pub const POLL_FAILED: Duration = Duration::from_secs(2);
/// Seconds after starting a sync during which the loop still polls fast:
/// the core may not report it running yet.
const JUST_STARTED: i64 = 3;

/// A sync to start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Start {
    /// Read everything (the first sync), not only what changed.
    pub full: bool,
    /// Started unasked: the core records it as a background sync.
    pub background: bool,
}

/// What to do after one status was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Poll {
    /// A sync ended since the last status (however briefly it ran): read
    /// what it wrote.
    pub ended: bool,
    /// Start a sync now.
    pub start: Option<Start>,
    /// How long to wait before reading the status again.
    pub pause: Duration,
}

/// What the loop remembers from one status to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncLoop {
    /// The status's count of ended syncs, as last seen.
    completed: Option<u64>,
    /// When the loop last started a sync, unix seconds.
    started_at: Option<i64>,
}

impl SyncLoop {
    /// Takes in `status`, read at `now` (unix seconds).
    pub fn poll(&mut self, status: &SyncStatus, now: i64) -> Poll {
        let running = status.running.is_some();
        let ended = self.completed.is_some_and(|seen| seen != status.completed);
        self.completed = Some(status.completed);
        // After a failure, wait a full interval (or a minute) before trying again.
        let recently = status.last_error.is_some()
            && self
                .started_at
                .is_some_and(|at| now - at < retry_after(status));
        let start = (!running && is_due(status, now) && !recently).then(|| {
            self.started_at = Some(now);
            // The first sync fills the list; later ones run unasked.
            let first = status.last_synced.is_none();
            Start {
                full: first,
                background: !first,
            }
        });
        let just_started = self.started_at.is_some_and(|at| now - at < JUST_STARTED);
        let pause = if running || just_started {
            POLL_BUSY
        } else {
            POLL_IDLE
        };
        Poll {
            ended,
            start,
            pause,
        }
    }
}

/// A sync is due: none ever finished, or the interval (if any) has passed.
pub fn is_due(status: &SyncStatus, now: i64) -> bool {
    match status.last_synced {
        None => true,
        Some(last) => {
            status.interval_minutes > 0 && now - last >= i64::from(status.interval_minutes) * 60
        }
    }
}

/// Seconds to wait after a failed sync: the interval, or a minute when the
/// background sync is off.
pub fn retry_after(status: &SyncStatus) -> i64 {
    i64::from(status.interval_minutes.max(1)) * 60
}

/// "Sync now" reads everything while no sync has finished yet.
pub fn sync_now_is_full(status: Option<&SyncStatus>) -> bool {
    status.is_none_or(|s| s.last_synced.is_none())
}

/// The first sync is running: the list shows its progress.
pub fn is_first_sync(status: Option<&SyncStatus>) -> bool {
    status.is_some_and(|s| s.last_synced.is_none() && s.running.is_some())
}

/// How far a running sync is, in percent, once its total is known.
pub fn percent(progress: &SyncProgress) -> Option<u8> {
    progress
        .total
        .filter(|total| *total > 0)
        .map(|total| (progress.done.min(total) as f64 / total as f64 * 100.0).round() as u8)
}

#[cfg(test)]
mod tests {
    use portal_ipc::{ErrorCode, ErrorDto, SyncStep};

    use super::*;

    const NOW: i64 = 1_800_000_000;

    fn synced(minutes_ago: i64, interval_minutes: u32) -> SyncStatus {
        SyncStatus {
            last_synced: Some(NOW - minutes_ago * 60),
            interval_minutes,
            ..SyncStatus::default()
        }
    }

    fn failed(mut status: SyncStatus) -> SyncStatus {
        status.last_error = Some(ErrorDto::new(ErrorCode::Offline, "offline"));
        status
    }

    fn progress(done: u64, total: Option<u64>) -> SyncProgress {
        SyncProgress {
            step: SyncStep::Customers,
            done,
            total,
            full: true,
        }
    }

    #[test]
    fn the_first_sync_starts_at_once_reads_everything_and_polls_fast() {
        let mut sync = SyncLoop::default();
        let poll = sync.poll(&SyncStatus::default(), NOW);
        assert_eq!(
            poll.start,
            Some(Start {
                full: true,
                background: false
            }),
            "nothing synced yet: a full sync, asked for"
        );
        assert!(!poll.ended, "the first status ends nothing");
        assert_eq!(poll.pause, POLL_BUSY, "just started: poll fast");
    }

    #[test]
    fn the_loop_polls_fast_for_a_few_seconds_after_starting_a_sync() {
        let mut sync = SyncLoop::default();
        assert!(sync.poll(&synced(15, 15), NOW).start.is_some());
        // It ended before the core said it ran: nothing is due any more.
        let poll = sync.poll(&synced(0, 15), NOW + JUST_STARTED - 1);
        assert_eq!((poll.start, poll.pause), (None, POLL_BUSY));
        let poll = sync.poll(&synced(0, 15), NOW + JUST_STARTED);
        assert_eq!((poll.start, poll.pause), (None, POLL_IDLE));
    }

    #[test]
    fn a_sync_is_due_once_its_interval_has_passed_and_runs_in_the_background() {
        let mut sync = SyncLoop::default();
        let poll = sync.poll(&synced(14, 15), NOW);
        assert_eq!(poll.start, None, "14 of 15 minutes");
        assert_eq!(poll.pause, POLL_IDLE);
        let poll = sync.poll(&synced(15, 15), NOW);
        assert_eq!(
            poll.start,
            Some(Start {
                full: false,
                background: true
            }),
            "15 of 15 minutes: a catch-up, unasked"
        );
        assert!(!is_due(&synced(600, 0), NOW), "an interval of 0 is off");
        assert!(is_due(&SyncStatus::default(), NOW), "never synced");
    }

    #[test]
    fn no_sync_starts_while_one_runs_and_the_loop_polls_fast() {
        let running = SyncStatus {
            running: Some(progress(10, None)),
            ..SyncStatus::default()
        };
        let poll = SyncLoop::default().poll(&running, NOW);
        assert_eq!(poll.start, None);
        assert_eq!(poll.pause, POLL_BUSY);
    }

    #[test]
    fn a_failed_sync_is_tried_again_after_its_interval_or_a_minute() {
        let mut sync = SyncLoop::default();
        assert!(sync.poll(&synced(30, 15), NOW).start.is_some());
        let poll = sync.poll(&failed(synced(30, 15)), NOW + 15 * 60 - 1);
        assert_eq!(poll.start, None, "the interval hasn't passed since the try");
        let poll = sync.poll(&failed(synced(30, 15)), NOW + 15 * 60);
        assert!(poll.start.is_some(), "a full interval later");

        let mut off = SyncLoop::default();
        assert!(off.poll(&SyncStatus::default(), NOW).start.is_some());
        let never = failed(SyncStatus::default());
        assert_eq!(off.poll(&never, NOW + 59).start, None);
        assert!(off.poll(&never, NOW + 60).start.is_some(), "a minute later");
        assert_eq!(retry_after(&synced(0, 0)), 60);
        assert_eq!(retry_after(&synced(0, 30)), 30 * 60);
    }

    #[test]
    fn a_failure_the_loop_did_not_start_is_tried_when_due() {
        let poll = SyncLoop::default().poll(&failed(synced(15, 15)), NOW);
        assert!(poll.start.is_some(), "the window just opened");
    }

    #[test]
    fn a_sync_ended_when_the_count_of_ended_syncs_moves() {
        let mut sync = SyncLoop::default();
        let at = |completed| SyncStatus {
            completed,
            ..synced(1, 15)
        };
        assert!(!sync.poll(&at(4), NOW).ended, "first seen");
        assert!(!sync.poll(&at(4), NOW).ended, "unchanged");
        assert!(sync.poll(&at(5), NOW).ended, "one more ended");
        assert!(!sync.poll(&at(5), NOW).ended);
        assert!(sync.poll(&at(0), NOW).ended, "the core restarted");
    }

    #[test]
    fn sync_now_reads_everything_until_a_sync_has_finished() {
        assert!(sync_now_is_full(None), "no status yet");
        assert!(sync_now_is_full(Some(&SyncStatus::default())));
        assert!(!sync_now_is_full(Some(&synced(5, 15))));
    }

    #[test]
    fn the_first_sync_is_one_running_before_any_finished() {
        let running = SyncStatus {
            running: Some(progress(0, None)),
            ..SyncStatus::default()
        };
        assert!(is_first_sync(Some(&running)));
        assert!(!is_first_sync(Some(&SyncStatus::default())), "not running");
        let catch_up = SyncStatus {
            running: Some(progress(0, None)),
            ..synced(5, 15)
        };
        assert!(!is_first_sync(Some(&catch_up)));
        assert!(!is_first_sync(None));
    }

    #[test]
    fn progress_is_a_rounded_percent_once_the_total_is_known() {
        assert_eq!(percent(&progress(50, Some(200))), Some(25));
        assert_eq!(percent(&progress(1, Some(3))), Some(33));
        assert_eq!(percent(&progress(2, Some(3))), Some(67));
        assert_eq!(percent(&progress(250, Some(200))), Some(100), "capped");
        assert_eq!(percent(&progress(5, Some(0))), None, "no total yet");
        assert_eq!(percent(&progress(5, None)), None);
    }
}
