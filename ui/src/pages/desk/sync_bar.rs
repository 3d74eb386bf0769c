//! The status bar's sync: "Synced 5 min ago", a progress bar while syncing,
//! or why the last sync failed, with "Sync now" or "Retry".

use portal_ipc::{ErrorCode, SyncStatus};
use yew::prelude::*;

use crate::format;
use crate::state::sync;

#[derive(Properties, PartialEq)]
pub struct SyncBarProps {
    pub status: Option<SyncStatus>,
    pub on_sync: Callback<MouseEvent>,
}

/// "Synced 5 min ago", a progress bar while syncing, or why the last sync failed.
#[component]
pub fn SyncBar(props: &SyncBarProps) -> Html {
    crate::i18n::use_language();
    let Some(status) = &props.status else {
        return html! { <div class="sync-bar" id="sync-state"></div> };
    };
    let body = if let Some(progress) = &status.running {
        let label = match progress.total {
            Some(total) if total > 0 => t!(
                "desk-syncing-of",
                what = crate::i18n::sync_step(progress.step),
                done = progress.done,
                total = total
            ),
            _ if progress.done > 0 => t!(
                "desk-syncing-count",
                what = crate::i18n::sync_step(progress.step),
                done = progress.done
            ),
            _ => t!("desk-syncing"),
        };
        let value = sync::percent(progress).map(|p| p.to_string());
        html! {
            <>
                <span class="spinner" aria-hidden="true"></span>
                <span id="sync-label">{ label }</span>
                <progress id="sync-progress" max="100" value={value} aria-label={t!("desk-sync-progress")}></progress>
            </>
        }
    } else if let Some(error) = &status.last_error {
        html! {
            <>
                <span class="sync-error" id="sync-error" title={error.message.clone()}>
                    { if error.code == ErrorCode::Offline { t!("desk-sync-paused-offline") } else { t!("desk-sync-failed", error = error.message.as_str()) } }
                </span>
                <button type="button" class="secondary small" id="sync-now" onclick={props.on_sync.clone()}>{ t!("desk-retry") }</button>
            </>
        }
    } else {
        let label = match status.last_synced {
            Some(at) => t!("desk-synced", age = format::age(at)),
            None => t!("desk-not-synced"),
        };
        html! {
            <>
                <span id="sync-label" title={status.last_synced.map(format::date)}>{ label }</span>
                <button type="button" class="secondary small" id="sync-now" onclick={props.on_sync.clone()}>{ t!("desk-sync-now") }</button>
            </>
        }
    };
    html! { <div class="sync-bar" id="sync-state" aria-live="polite">{ body }</div> }
}
