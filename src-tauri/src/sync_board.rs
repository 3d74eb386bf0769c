//! Where each profile's sync stands, shared by the command that runs a sync
//! and the status bar that polls it.

use std::collections::HashMap;
use std::sync::Mutex;

use portal_core::ProfileName;
use portal_ipc::{ErrorCode, ErrorDto, SyncProgress, SyncStatus};

/// One [`SyncStatus`] per profile.
#[derive(Default)]
pub struct SyncBoard {
    statuses: Mutex<HashMap<ProfileName, SyncStatus>>,
}

/// A sync marked as running; dropping it marks it stopped even if the sync
/// panicked, so the window never shows a sync that never ends.
pub struct RunningSync<'a> {
    board: &'a SyncBoard,
    profile: ProfileName,
}

impl Drop for RunningSync<'_> {
    fn drop(&mut self) {
        self.board
            .update(&self.profile, |status| status.running = None);
    }
}

impl SyncBoard {
    fn update<T>(&self, profile: &ProfileName, change: impl FnOnce(&mut SyncStatus) -> T) -> T {
        let mut statuses = self.statuses.lock().unwrap_or_else(|e| e.into_inner());
        change(statuses.entry(profile.clone()).or_default())
    }

    /// Marks a sync of `profile` as started; `None` when one already runs.
    pub fn start(&self, profile: &ProfileName, full: bool) -> Option<RunningSync<'_>> {
        let started = self.update(profile, |status| {
            if status.running.is_some() {
                return false;
            }
            status.running = Some(SyncProgress {
                step: portal_ipc::SyncStep::Connecting,
                done: 0,
                total: None,
                full,
            });
            true
        });
        started.then(|| RunningSync {
            board: self,
            profile: profile.clone(),
        })
    }

    /// The running sync's latest progress.
    pub fn progress(&self, profile: &ProfileName, progress: SyncProgress) {
        self.update(profile, |status| {
            if status.running.is_some() {
                status.running = Some(progress);
            }
        });
    }

    /// Records how the sync ended: the feed entries it wrote, or why it failed.
    pub fn finish(&self, profile: &ProfileName, outcome: Result<u64, ErrorDto>) {
        self.update(profile, |status| {
            status.completed += 1;
            match outcome {
                Ok(changes) => {
                    status.last_synced = Some(portal_core::sync::unix_now());
                    status.last_error = None;
                    status.offline = false;
                    status.changes = changes;
                }
                Err(error) => {
                    status.offline = error.code == ErrorCode::Offline;
                    status.last_error = Some(error);
                    status.changes = 0;
                }
            }
        });
    }

    /// Marks `profile` offline or back online after any call to Stripe.
    pub fn saw_network(&self, profile: &ProfileName, reachable: bool) {
        self.update(profile, |status| {
            status.offline = !reachable;
            if reachable
                && status
                    .last_error
                    .as_ref()
                    .is_some_and(|e| e.code == ErrorCode::Offline)
            {
                status.last_error = None;
            }
        });
    }

    /// Forgets the last success of `profile` (its cache was cleared): the
    /// status reads the cache's own, and the window syncs everything again.
    pub fn forget_last_sync(&self, profile: &ProfileName) {
        self.update(profile, |status| {
            status.last_synced = None;
            status.changes = 0;
        });
    }

    /// `profile`'s status as last recorded.
    pub fn status(&self, profile: &ProfileName) -> SyncStatus {
        self.update(profile, |status| status.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> ProfileName {
        ProfileName::parse("default").expect("valid")
    }

    #[test]
    fn one_sync_at_a_time_and_a_dropped_sync_is_stopped() {
        let board = SyncBoard::default();
        let running = board.start(&profile(), true).expect("first start");
        assert!(
            board.start(&profile(), false).is_none(),
            "a second start waits"
        );
        assert!(board.status(&profile()).running.is_some());
        drop(running);
        assert_eq!(board.status(&profile()).running, None);
        assert!(board.start(&profile(), false).is_some());
    }

    #[test]
    fn an_offline_failure_is_cleared_by_a_success() {
        let board = SyncBoard::default();
        let offline = ErrorDto::new(ErrorCode::Offline, "Couldn't reach Stripe");
        board.finish(&profile(), Err(offline.clone()));
        let status = board.status(&profile());
        assert!(status.offline);
        assert_eq!(status.last_error, Some(offline));
        board.finish(&profile(), Ok(3));
        let status = board.status(&profile());
        assert!(!status.offline);
        assert_eq!(status.last_error, None);
        assert_eq!(status.changes, 3);
        assert!(status.last_synced.is_some());
        assert_eq!(
            status.completed, 2,
            "each ending counts, even two in one second"
        );
    }
}
