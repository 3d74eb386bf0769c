//! Test hook: with `PORTAL_DESK_TEST_IPC_RECORD` set (in a build with test
//! hooks, see [`crate::test_hooks`]), the webview keeps every
//! message it receives from Rust in `window.__portalDeskIpcLog`, so the secret
//! canary (`e2e/tests/canary.rs`) can search all of them for the key and the
//! SMTP password. Off (not even installed) otherwise.

use tauri::Runtime;
use tauri::plugin::TauriPlugin;

use crate::test_hooks::{self, IPC_RECORD as ENV};

/// The recording plugin, when the hook is set.
pub fn plugin<R: Runtime>() -> Option<TauriPlugin<R>> {
    test_hooks::var(ENV)?;
    // Said out loud, so the hook is never on unnoticed (and the canary knows
    // the app's output reaches its log).
    eprintln!("Portal Desk: recording IPC messages for a test ({ENV} is set)");
    Some(
        tauri::plugin::Builder::new("ipc-recorder")
            .js_init_script(include_str!("ipc_recorder.js").to_owned())
            .build(),
    )
}
