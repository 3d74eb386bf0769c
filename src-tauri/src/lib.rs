//! The Portal Desk shell: the Tauri window and the CLI, both thin layers over
//! `portal_core`. [`run_app`] wires the app onto any Tauri runtime so tests can
//! drive it with the mock runtime.

pub mod cli;
pub mod commands;
pub mod error;

use std::path::PathBuf;
use std::sync::Arc;

use portal_core::{DataDir, Keychain, Profiles};
use tauri::Runtime;

/// What the commands share.
pub struct AppState {
    /// The profiles of the data folder, with their keys in the keychain.
    pub profiles: Profiles,
}

impl AppState {
    /// State over `data_dir` and `keychain`.
    pub fn new(data_dir: DataDir, keychain: Arc<Keychain>) -> AppState {
        AppState {
            profiles: Profiles::new(data_dir, keychain),
        }
    }
}

/// Adds Portal Desk's plugins, state and commands to `builder`.
pub fn run_app<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::keys::save_key,
            commands::keys::key_status,
        ])
}

/// Opens the window and runs until it closes.
pub fn run_gui(data_dir: Option<PathBuf>) -> anyhow::Result<()> {
    let data_dir = DataDir::resolve(data_dir)?;
    let state = AppState::new(data_dir, Arc::new(Keychain::platform()));
    run_app(tauri::Builder::default(), state).run(tauri::generate_context!())?;
    Ok(())
}
