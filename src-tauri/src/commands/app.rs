use portal_core::DocumentError;
use portal_ipc::AppInfo;
use tauri::State;

use super::dto::IntoCore;
use crate::AppState;
use crate::error::AppError;

/// [`portal_ipc::GetAppInfo`]
#[tauri::command]
pub fn get_app_info(state: State<'_, AppState>, args: ()) -> AppInfo {
    // Every command takes `args` (see `portal_ipc::Command`); this one has none.
    let () = args;
    info(&state)
}

fn info(state: &AppState) -> AppInfo {
    let (language, language_choice) = crate::language::window_language(&state.profiles);
    AppInfo {
        profile: state.profile.to_string(),
        sandbox: state.api_base.as_ref().map(|base| base.url().to_owned()),
        language,
        language_choice,
    }
}

/// [`portal_ipc::SetLanguage`]
#[tauri::command]
pub fn set_language(
    state: State<'_, AppState>,
    args: portal_ipc::SetLanguageArgs,
) -> Result<AppInfo, AppError> {
    state.profiles.set_language_choice(args.language)?;
    Ok(info(&state))
}

/// [`portal_ipc::OpenDashboard`]: the page is an enum, so the webview can
/// name a Dashboard page but never choose a URL.
#[tauri::command(async)]
pub fn open_dashboard(
    state: State<'_, AppState>,
    args: portal_ipc::DashboardPage,
) -> Result<(), AppError> {
    let page = args.into_core();
    state
        .opener
        .open_url(&page.url(), state.api_base.as_ref())
        .map_err(|reason| {
            AppError(
                DocumentError::CouldNotOpen {
                    what: "Stripe Dashboard",
                    reason,
                }
                .into(),
            )
        })
}
