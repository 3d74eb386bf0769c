//! The settings screen: the profile's settings, its SMTP server, its cache and
//! its key.

use portal_core::export;
use portal_core::mail::{SmtpSettings, TlsMode};
use portal_core::portal::{PortalError, check_url};
use portal_core::{ProfileName, Profiles};
use portal_ipc::{
    ExportArgs, ExportDone, MAX_BUSINESS_NAME, MAX_REQUESTS_PER_SECOND, MAX_SYNC_INTERVAL_MINUTES,
    ProfileArgs, SaveSettingsArgs, SettingsView, SmtpFields,
};
use tauri::State;

use super::dto::IntoCore;
use crate::AppState;
use crate::error::AppError;

fn invalid(field: &'static str, reason: impl Into<String>) -> AppError {
    PortalError::InvalidValue {
        field,
        reason: reason.into(),
    }
    .into()
}

fn view(profiles: &Profiles, profile: &ProfileName) -> Result<SettingsView, AppError> {
    let settings = profiles.settings(profile)?;
    let (cache_bytes, invoice_bytes) = profiles.cache_size(profile);
    Ok(SettingsView {
        profile: profile.to_string(),
        profiles: profiles.names()?,
        return_url: settings.return_url,
        sync_interval_minutes: settings.sync_interval_minutes,
        requests_per_second: settings.requests_per_second.map(|r| r.round() as u32),
        business_name: settings.business_name,
        account_business_name: profiles.business_name(profile).ok().flatten(),
        smtp: settings.smtp.map(|s| SmtpFields {
            host: s.host,
            port: s.port,
            tls: s.tls.as_str().to_owned(),
            username: s.username,
            from: s.from,
        }),
        // Only a hint on screen: an unreachable keychain shows as "none saved".
        smtp_password_saved: profiles.has_smtp_password(profile).unwrap_or(false),
        smtp_password_removed: false,
        data_dir: profiles.data_dir().path().display().to_string(),
        cache_path: profiles.cache_path(profile).display().to_string(),
        cache_bytes,
        invoice_bytes,
    })
}

/// [`portal_ipc::GetSettings`]
#[tauri::command(async)]
pub fn get_settings(
    state: State<'_, AppState>,
    args: ProfileArgs,
) -> Result<SettingsView, AppError> {
    view(&state.profiles, &ProfileName::parse(&args.profile)?)
}

/// [`portal_ipc::SaveSettings`]: every value is checked before anything is saved.
#[tauri::command(async)]
pub fn save_settings(
    state: State<'_, AppState>,
    args: SaveSettingsArgs,
) -> Result<SettingsView, AppError> {
    let profile = ProfileName::parse(&args.profile)?;
    let return_url = match args.return_url.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(url) => Some(check_url("return URL", url, state.api_base.as_ref())?),
    };
    if args.sync_interval_minutes > MAX_SYNC_INTERVAL_MINUTES {
        return Err(invalid(
            "sync interval",
            format!("at most {MAX_SYNC_INTERVAL_MINUTES} minutes (a day); 0 turns it off"),
        ));
    }
    if args
        .requests_per_second
        .is_some_and(|r| !(1..=MAX_REQUESTS_PER_SECOND).contains(&r))
    {
        return Err(invalid(
            "sync speed",
            format!(
                "from 1 to {MAX_REQUESTS_PER_SECOND} requests per second, or empty for Stripe's standard share"
            ),
        ));
    }
    let business_name = match args.business_name.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(name) if name.chars().count() > MAX_BUSINESS_NAME => {
            return Err(invalid(
                "business name",
                format!("at most {MAX_BUSINESS_NAME} characters"),
            ));
        }
        Some(name) if name.chars().any(char::is_control) => {
            return Err(invalid(
                "business name",
                "one line, without control characters",
            ));
        }
        Some(name) => Some(name.to_owned()),
    };
    let smtp = match args.smtp {
        None => None,
        Some(fields) => Some(SmtpSettings {
            host: fields.host.trim().to_owned(),
            port: fields.port,
            tls: TlsMode::parse(&fields.tls)
                .ok_or_else(|| invalid("SMTP security", "choose STARTTLS, TLS or none"))?,
            username: fields
                .username
                .map(|u| u.trim().to_owned())
                .filter(|u| !u.is_empty()),
            from: fields.from.trim().to_owned(),
        }),
    };
    // Zeroed when this command ends, like the keychain's copy when it is read.
    let password = args.smtp_password.map(zeroize::Zeroizing::new);
    let saved = match smtp {
        Some(smtp) => {
            state
                .profiles
                .set_smtp(&profile, smtp, password.as_deref().map(String::as_str))?
        }
        None => {
            state.profiles.forget_smtp(&profile)?;
            Default::default()
        }
    };
    state.profiles.update_settings(&profile, |s| {
        s.return_url = return_url;
        s.sync_interval_minutes = args.sync_interval_minutes;
        s.requests_per_second = args.requests_per_second.map(f64::from);
        s.business_name = business_name;
    })?;
    Ok(SettingsView {
        smtp_password_removed: saved.password_removed,
        ..view(&state.profiles, &profile)?
    })
}

/// [`portal_ipc::ForgetKey`]
#[tauri::command(async)]
pub fn forget_key(state: State<'_, AppState>, args: ProfileArgs) -> Result<(), AppError> {
    let profile = ProfileName::parse(&args.profile)?;
    state.profiles.forget_key(&profile)?;
    state.drop_client(&profile);
    Ok(())
}

/// [`portal_ipc::ClearCache`]: refused while the profile syncs. WebKit's own
/// cache and storage go too: they may hold pages of customer data.
#[tauri::command(async)]
pub fn clear_cache<R: tauri::Runtime>(
    webview: tauri::Webview<R>,
    state: State<'_, AppState>,
    args: ProfileArgs,
) -> Result<SettingsView, AppError> {
    let profile = ProfileName::parse(&args.profile)?;
    // Holding the sync slot keeps a sync from opening the cache meanwhile.
    let Some(_no_sync) = state.syncs.start(&profile, true) else {
        return Err(invalid(
            "cache",
            "a sync is running; clear the cache when it has finished",
        ));
    };
    state.profiles.clear_cache(&profile)?;
    state.syncs.forget_last_sync(&profile);
    // The window keeps nothing of its own there, so this only drops copies.
    webview
        .clear_all_browsing_data()
        .map_err(|e| invalid("browsing data", e.to_string()))?;
    view(&state.profiles, &profile)
}

/// [`portal_ipc::ExportCsv`]: the save dialog, then the core's export.
#[tauri::command(async)]
pub fn export_csv(
    state: State<'_, AppState>,
    args: ExportArgs,
) -> Result<Option<ExportDone>, AppError> {
    let profile = ProfileName::parse(&args.profile)?;
    let kind = args.kind.into_core();
    let suggested = kind.file_name(profile.as_str(), portal_core::sync::unix_now());
    let chosen = tokio::task::block_in_place(|| state.save_dialog.choose(&suggested))
        .map_err(|reason| invalid("save dialog", reason))?;
    let Some(path) = chosen else {
        return Ok(None);
    };
    let cache = state.profiles.open_cache(&profile)?;
    let rows = export::write_csv(&cache, kind, &path)?;
    Ok(Some(ExportDone {
        path: path.display().to_string(),
        rows,
    }))
}
