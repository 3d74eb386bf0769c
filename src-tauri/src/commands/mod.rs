//! Thin Tauri commands: parse the arguments, call one core function, convert.
//! Each command's name and types come from `portal_ipc`.

pub mod app;
pub mod browse;
pub mod keys;
pub mod portal;
pub mod settings;

use portal_core::{KeyInfo, KeySource};
use portal_ipc::KeyStatus;

/// Runs a non-`Send` future to completion on this worker thread, telling the
/// runtime to move its other tasks elsewhere meanwhile. The core's futures
/// borrow the cache (a single-threaded SQLite connection), so they are not `Send`.
fn run_here<F: std::future::Future>(future: F) -> F::Output {
    tokio::task::block_in_place(|| tauri::async_runtime::block_on(future))
}

/// The IPC view of a key description.
pub fn key_status_dto(info: KeyInfo) -> KeyStatus {
    KeyStatus {
        profile: info.profile.to_string(),
        mode: match info.mode {
            portal_core::Mode::Test => portal_ipc::Mode::Test,
            portal_core::Mode::Live => portal_ipc::Mode::Live,
        },
        kind: match info.kind {
            portal_core::KeyKind::Secret => portal_ipc::KeyKind::Secret,
            portal_core::KeyKind::Restricted => portal_ipc::KeyKind::Restricted,
        },
        last4: info.last4,
        source: match info.source {
            KeySource::Keychain => portal_ipc::KeySource::Keychain,
            KeySource::Environment => portal_ipc::KeySource::Environment,
        },
        business_name: info.business_name,
        account_id: info.account_id,
    }
}
