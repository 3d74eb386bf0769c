//! The Portal Desk shell: the Tauri window and the CLI, both thin layers over
//! `portal_core`. [`run_app`] wires the app onto any Tauri runtime so tests can
//! drive it with the mock runtime.

// A release build loads the UI it embeds. Without Tauri's `custom-protocol`
// (tauri-build's `dev` cfg is then set) it would load `devUrl` instead, and
// any local process listening on that port would get the page, and with it
// full IPC. `cargo tauri build` turns it on, as `--features custom-protocol` does.
#[cfg(all(not(debug_assertions), dev))]
compile_error!(
    "a release build must embed the UI: build with `--features custom-protocol` (as `cargo tauri build` and `cargo xtask` do)"
);

pub mod cli;
pub mod commands;
pub mod error;
mod ipc_recorder;
pub mod language;
pub mod notifier;
pub mod opener;
mod progress;
pub mod save_dialog;
pub mod single_instance;
mod startup_times;
pub mod sync_board;
pub mod test_hooks;
mod text;

use std::path::PathBuf;
use std::sync::Arc;

use portal_core::cache::customer_index::CustomerIndexes;
use portal_core::{ApiBase, ApiKey, DataDir, Keychain, Mode, ProfileName, Profiles, StripeClient};
use tauri::Runtime;

/// What the commands share.
pub struct AppState {
    /// The profiles of the data folder, with their keys in the keychain.
    pub profiles: Profiles,
    /// The profile the window works on.
    pub profile: ProfileName,
    /// A local sandbox instead of Stripe (loopback only), if one was named.
    pub api_base: Option<ApiBase>,
    /// Opens links and files (records them under test).
    pub opener: opener::Opener,
    /// Where each profile's sync stands.
    pub syncs: sync_board::SyncBoard,
    /// Tells the user about portal changes found in the background.
    pub notifier: notifier::Notifier,
    /// Asks where to save exports.
    pub save_dialog: save_dialog::SaveDialog,
    /// Each cache's customer search index, kept between keystrokes.
    pub customer_indexes: CustomerIndexes,
    /// One Stripe client per profile, kept so its connections stay warm and a
    /// click costs one request. Dropped when the profile's key changes.
    clients: std::sync::Mutex<std::collections::HashMap<ProfileName, (Arc<StripeClient>, Mode)>>,
    /// The window profile's key status, read from the keychain on a thread
    /// while the WebView starts. Only the first `get_key_status` takes it; a
    /// changed key drops it.
    key_read_ahead: std::sync::Mutex<Option<std::thread::JoinHandle<KeyRead>>>,
}

/// What reading a profile's key status from the keychain gave.
pub type KeyRead = Result<Option<portal_core::KeyInfo>, portal_core::Error>;

impl AppState {
    /// State over `data_dir` and `keychain`, for the `default` profile and Stripe itself.
    pub fn new(data_dir: DataDir, keychain: Arc<Keychain>) -> AppState {
        AppState {
            profiles: Profiles::new(data_dir, keychain),
            profile: ProfileName::parse(ProfileName::DEFAULT).expect("the default name is valid"),
            api_base: None,
            syncs: Default::default(),
            opener: opener::Opener::from_env(),
            notifier: notifier::Notifier::from_env(),
            save_dialog: save_dialog::SaveDialog::from_env(),
            customer_indexes: Default::default(),
            clients: Default::default(),
            key_read_ahead: Default::default(),
        }
    }

    /// Keeps `read`, the window profile's key status being read ahead.
    pub fn read_key_ahead(&self, read: std::thread::JoinHandle<KeyRead>) {
        *self
            .key_read_ahead
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = Some(read);
    }

    /// The key status read ahead for `profile`, once (waiting for the read if
    /// it is still going); `None` for another profile or after the first call.
    pub fn key_read_ahead(&self, profile: &ProfileName) -> Option<KeyRead> {
        if *profile != self.profile {
            return None;
        }
        let read = self
            .key_read_ahead
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()?;
        read.join().ok()
    }

    /// The key of `profile` from the keychain, checked against the sandbox in use.
    pub fn key(&self, profile: &ProfileName) -> Result<ApiKey, portal_core::Error> {
        let key = self.profiles.key(profile)?.ok_or_else(|| {
            portal_core::Error::Profile(portal_core::ProfileError::NoKey(profile.to_string()))
        })?;
        if let Some(base) = &self.api_base {
            base.allows(&key)?;
        }
        Ok(key)
    }

    /// The Stripe client of `profile` and the key's mode. The key is read from
    /// the keychain only for the first client: later calls reuse it, so a
    /// click doesn't take the key out of the keychain again.
    pub fn client(
        &self,
        profile: &ProfileName,
    ) -> Result<(Arc<StripeClient>, Mode), portal_core::Error> {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(known) = clients.get(profile) {
            return Ok(known.clone());
        }
        let key = self.key(profile)?;
        let known = (
            Arc::new(StripeClient::new(&key, self.api_base.as_ref())),
            key.mode(),
        );
        clients.insert(profile.clone(), known.clone());
        Ok(known)
    }

    /// Forgets the client of `profile` (its key changed), and any status of
    /// its key read ahead.
    pub fn drop_client(&self, profile: &ProfileName) {
        if *profile == self.profile {
            self.key_read_ahead
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take();
        }
        self.clients
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(profile);
    }

    /// The same state opening links and files with `opener`.
    pub fn with_opener(mut self, opener: opener::Opener) -> AppState {
        self.opener = opener;
        self
    }

    /// The same state telling the user through `notifier`.
    pub fn with_notifier(mut self, notifier: notifier::Notifier) -> AppState {
        self.notifier = notifier;
        self
    }

    /// The same state asking where to save through `dialog`.
    pub fn with_save_dialog(mut self, dialog: save_dialog::SaveDialog) -> AppState {
        self.save_dialog = dialog;
        self
    }

    /// The same state for `profile`, talking to `api_base` when given.
    pub fn with_profile(mut self, profile: ProfileName, api_base: Option<ApiBase>) -> AppState {
        self.profile = profile;
        self.api_base = api_base;
        self
    }
}

/// Adds Portal Desk's plugins, state and commands to `builder`.
pub fn run_app<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    // No opener plugin: the webview opens nothing itself. Rust opens every
    // link through `opener::Opener`, after the one URL check.
    builder
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::app::get_app_info,
            commands::keys::save_key,
            commands::keys::get_key_status,
            commands::portal::open_portal,
            commands::portal::create_recommended_configuration,
            commands::portal::list_configurations,
            commands::portal::save_configuration,
            commands::portal::use_configuration,
            commands::portal::get_configuration,
            commands::portal::switchable_products,
            commands::portal::preview_email,
            commands::portal::send_email,
            commands::portal::plan_bulk_email,
            commands::portal::send_bulk_email,
            commands::portal::refresh_after_portal,
            commands::browse::list_customers,
            commands::browse::count_customers,
            commands::browse::get_customer,
            commands::browse::activity_feed,
            commands::browse::open_invoice,
            commands::browse::sync_now,
            commands::browse::get_sync_status,
            commands::settings::get_settings,
            commands::settings::save_settings,
            commands::settings::forget_key,
            commands::settings::clear_cache,
            commands::settings::export_csv,
            commands::app::open_dashboard,
            commands::app::set_language,
        ])
}

/// WebKit's folder (its cache and storage) inside the data folder.
pub const WEBVIEW_DATA_FOLDER: &str = "webview";

/// Both programs' `main` (`portal-desk` and, on Windows, the console
/// `portal-desk.com`): the window with no command, else the CLI.
pub fn main() -> std::process::ExitCode {
    use clap::Parser;
    startup_times::step("main");
    make_new_files_private();
    test_hooks::warn_ignored();
    cli::run(cli::Cli::parse())
}

/// Everything this process creates from now on, and everything the processes
/// it starts create (WebKit's), is for this user only: folders 0700, files
/// 0600, whatever mode the code that creates them asks for.
pub fn make_new_files_private() {
    #[cfg(unix)]
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
}

/// Opens the window on `profile` and runs until it closes.
pub fn run_gui(
    data_dir: Option<PathBuf>,
    profile: ProfileName,
    api_base: Option<ApiBase>,
) -> anyhow::Result<()> {
    let data_dir = DataDir::resolve(data_dir)?;
    // Private before anything is put in it, the single-instance lock included.
    data_dir.ensure()?;
    let webview_data = data_dir.path().join(WEBVIEW_DATA_FOLDER);
    let instance = match single_instance::claim(data_dir.path())? {
        single_instance::Launch::First(instance) => instance,
        single_instance::Launch::AlreadyRunning => {
            eprintln!(
                "Portal Desk is already open on this data folder; it was brought to the front."
            );
            return Ok(());
        }
    };
    let state =
        AppState::new(data_dir, Arc::new(Keychain::platform())).with_profile(profile, api_base);
    let resizes = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_window_state::Builder::default().build())
        // The plugin saves on a clean exit; saving shortly after each move or
        // resize keeps the size through a crash or a kill as well.
        .on_window_event(move |window, event| {
            use std::sync::atomic::Ordering;
            use tauri::Manager;
            use tauri_plugin_window_state::{AppHandleExt, StateFlags};
            if !matches!(
                event,
                tauri::WindowEvent::Resized(_) | tauri::WindowEvent::Moved(_)
            ) {
                return;
            }
            let change = resizes.fetch_add(1, Ordering::SeqCst) + 1;
            let resizes = resizes.clone();
            let app = window.app_handle().clone();
            tauri::async_runtime::spawn(async move {
                tokio::time::sleep(std::time::Duration::from_millis(400)).await;
                if resizes.load(Ordering::SeqCst) == change {
                    let _ = app.save_window_state(StateFlags::all());
                }
            });
        })
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            use tauri::Manager;
            startup_times::step("tauri-setup");
            // The key's status and the search index while the WebView starts,
            // not after the page asks for them.
            {
                let handle = app.handle().clone();
                let read = std::thread::spawn(move || {
                    let state = handle.state::<AppState>();
                    let read = state.profiles.key_info(&state.profile);
                    startup_times::step("key-read");
                    read
                });
                app.state::<AppState>().read_key_ahead(read);
                let handle = app.handle().clone();
                std::thread::spawn(move || {
                    commands::browse::prepare_search(&handle.state::<AppState>());
                    startup_times::step("search-prepared");
                });
            }
            use tauri_plugin_dialog::DialogExt;
            use tauri_plugin_notification::NotificationExt;
            // The window of tauri.conf.json (`create: false` there), with
            // WebKit's own files inside the private data folder, where
            // `--data-dir` puts everything else, rather than beside it.
            let config = app
                .config()
                .app
                .windows
                .first()
                .cloned()
                .ok_or("tauri.conf.json describes no window")?;
            tauri::WebviewWindowBuilder::from_config(app.handle(), &config)?
                .data_directory(webview_data.clone())
                .build()?;
            startup_times::step("window-built");
            // The size again, once set up: the plugin's own restore, as the
            // window is created, left it at the default size under Xvfb.
            if let Some(window) = app.get_webview_window("main") {
                use tauri_plugin_window_state::{StateFlags, WindowExt};
                let _ = window.restore_state(StateFlags::SIZE | StateFlags::MAXIMIZED);
            }
            let handle = app.handle().clone();
            app.state::<AppState>()
                .notifier
                .connect(move |title, body| {
                    let _ = handle
                        .notification()
                        .builder()
                        .title(title)
                        .body(body)
                        .show();
                });
            let handle = app.handle().clone();
            app.state::<AppState>()
                .save_dialog
                .connect(move |suggested| {
                    let mut dialog = handle
                        .dialog()
                        .file()
                        .set_file_name(suggested)
                        .add_filter("CSV", &["csv"]);
                    if let Some(window) = handle.get_webview_window("main") {
                        dialog = dialog.set_parent(&window);
                    }
                    // Start where people keep documents, not in the app's working folder.
                    let paths = handle.path();
                    if let Ok(folder) = paths.document_dir().or_else(|_| paths.home_dir()) {
                        dialog = dialog.set_directory(folder);
                    }
                    dialog
                        .blocking_save_file()
                        .and_then(|path| path.into_path().ok())
                });
            {
                let handle = app.handle().clone();
                instance.serve(move || {
                    if let Some(window) = handle.get_webview_window("main") {
                        let _ = window.unminimize();
                        let _ = window.show();
                        let _ = window.set_focus();
                    }
                });
            }
            startup_times::step("setup-done");
            Ok(())
        });
    let builder = match ipc_recorder::plugin() {
        Some(recorder) => builder.plugin(recorder),
        None => builder,
    };
    run_app(builder, state).run(tauri::generate_context!())?;
    Ok(())
}
