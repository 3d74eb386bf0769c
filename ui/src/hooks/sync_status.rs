//! The profile's sync, as the desk sees it: a loop that reads the status,
//! starts the first and the periodic syncs (`state::sync` decides when), and
//! says when one ended so what is on screen reads the cache again.

use std::cell::Cell;
use std::rc::Rc;

use portal_ipc::SyncStatus;
use yew::platform::spawn_local;
use yew::platform::time::sleep;
use yew::prelude::*;

use crate::format;
use crate::ipc;
use crate::state::sync::{POLL_FAILED, SyncLoop};

/// What [`use_sync_status`] keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncStatusHandle {
    /// The last status read; `None` until the first.
    pub status: Option<SyncStatus>,
    /// Bumped each time a sync ended: what reads the cache reads again.
    pub version: u64,
    /// Stripe could not be reached: as the last status said, until a portal
    /// request (which the desk makes) says otherwise.
    pub offline: UseStateHandle<bool>,
}

/// Polls `profile`'s sync status while the component lives, and calls
/// `on_ended` each time a sync ended.
#[hook]
pub fn use_sync_status(profile: AttrValue, on_ended: Callback<()>) -> SyncStatusHandle {
    let status = use_state(|| None::<SyncStatus>);
    let version = use_state(|| 0u64);
    let offline = use_state(|| false);
    let latest_on_ended = use_mut_ref(|| on_ended.clone());
    *latest_on_ended.borrow_mut() = on_ended;
    {
        let status = status.clone();
        let version = version.clone();
        let offline = offline.clone();
        use_effect_with(profile, move |profile| {
            let profile = profile.clone();
            let alive = Rc::new(Cell::new(true));
            let running = alive.clone();
            spawn_local(async move {
                let mut sync = SyncLoop::default();
                let mut ended = 0u64;
                while running.get() {
                    let Ok(read) = ipc::sync_status(&profile).await else {
                        sleep(POLL_FAILED).await;
                        continue;
                    };
                    let poll = sync.poll(&read, format::now());
                    if poll.ended {
                        ended += 1;
                        version.set(ended);
                        let on_ended = latest_on_ended.borrow().clone();
                        on_ended.emit(());
                    }
                    offline.set(read.offline);
                    if let Some(start) = poll.start {
                        start_sync(&profile, start.full, start.background);
                    }
                    status.set(Some(read));
                    sleep(poll.pause).await;
                }
            });
            move || alive.set(false)
        });
    }
    SyncStatusHandle {
        status: (*status).clone(),
        version: *version,
        offline,
    }
}

/// Starts a sync; the status loop shows its progress and result.
pub fn start_sync(profile: &str, full: bool, background: bool) {
    let profile = profile.to_owned();
    spawn_local(async move {
        // The outcome is recorded in the sync status, which the bar shows.
        let _ = ipc::sync_now(&profile, full, background).await;
    });
}
