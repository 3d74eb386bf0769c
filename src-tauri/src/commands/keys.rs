use portal_core::ProfileName;
use portal_ipc::{KeyStatus, ProfileArgs, SaveKeyArgs};
use tauri::State;

use super::dto::IntoDto;
use crate::AppState;
use crate::error::AppError;

/// [`portal_ipc::SaveKey`]: checked with Stripe (unless `verify` is false), then
/// stored in the keychain; only its description comes back.
#[tauri::command]
pub async fn save_key(
    state: State<'_, AppState>,
    args: SaveKeyArgs,
) -> Result<KeyStatus, AppError> {
    let profile = ProfileName::parse(&args.profile)?;
    let api_base = state.api_base.as_ref();
    let saved = if args.verify {
        state
            .profiles
            .connect(&profile, &args.key, api_base)
            .await?
    } else {
        state.profiles.save_key(&profile, &args.key, api_base)?
    };
    // A new key means a new client on the next call.
    state.drop_client(&profile);
    Ok(saved.into_dto())
}

/// [`portal_ipc::GetKeyStatus`]
#[tauri::command(async)]
pub fn get_key_status(
    state: State<'_, AppState>,
    args: ProfileArgs,
) -> Result<Option<KeyStatus>, AppError> {
    let profile = ProfileName::parse(&args.profile)?;
    let read = match state.key_read_ahead(&profile) {
        Some(read) => read,
        None => state.profiles.key_info(&profile),
    };
    Ok(read?.map(IntoDto::into_dto))
}
