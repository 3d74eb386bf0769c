use portal_ipc::AppInfo;
use tauri::State;

use crate::AppState;

/// [`portal_ipc::GetAppInfo`]
#[tauri::command]
pub fn app_info(state: State<'_, AppState>, args: ()) -> AppInfo {
    // Every command takes `args` (see `portal_ipc::Command`); this one has none.
    let () = args;
    AppInfo {
        profile: state.profile.to_string(),
        sandbox: state.api_base.as_ref().map(|base| base.url().to_owned()),
    }
}
