//! The IPC contract between the Portal Desk core (the Tauri side) and the Yew UI.
//!
//! Both sides compile this crate, so a command's name, arguments, result and
//! error are checked by the compiler at each end. Every command takes one
//! argument named `args` (see [`Command`]); the UI's `ipc.rs` and the Tauri
//! commands in `src-tauri/src/commands/` are the only places that use it.

#![warn(missing_docs)]

mod error;
mod keys;

pub use error::{ErrorCode, ErrorDto};
pub use keys::{AppInfo, KeyKind, KeySource, KeyStatus, Mode, ProfileArgs, SaveKeyArgs};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// One Tauri command: its name and the types that cross the bridge.
///
/// The UI invokes `NAME` with `{"args": Args}` and receives `Output`, or an
/// [`ErrorDto`] when the command fails.
pub trait Command {
    /// The command's name as registered with Tauri (its Rust function name).
    const NAME: &'static str;
    /// What the UI sends.
    type Args: Serialize + DeserializeOwned;
    /// What the core answers on success.
    type Output: Serialize + DeserializeOwned;
}

/// Checks the format of a Stripe key and stores it in the OS keychain.
#[derive(Debug)]
pub enum SaveKey {}

impl Command for SaveKey {
    const NAME: &'static str = "save_key";
    type Args = SaveKeyArgs;
    type Output = KeyStatus;
}

/// Describes the key saved for a profile, if any, without revealing it.
#[derive(Debug)]
pub enum GetKeyStatus {}

impl Command for GetKeyStatus {
    const NAME: &'static str = "key_status";
    type Args = ProfileArgs;
    type Output = Option<KeyStatus>;
}

/// What the window was started with: its profile and, in the demo, the sandbox.
#[derive(Debug)]
pub enum GetAppInfo {}

impl Command for GetAppInfo {
    const NAME: &'static str = "app_info";
    type Args = ();
    type Output = AppInfo;
}

/// Every command the app registers. `build.rs` grants exactly these to the
/// webview, and a test checks the capability file against this list.
pub const COMMANDS: &[&str] = &[GetAppInfo::NAME, SaveKey::NAME, GetKeyStatus::NAME];
