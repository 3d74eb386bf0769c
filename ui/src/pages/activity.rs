//! The activity feed: what customers changed in the portal, newest first.

use portal_ipc::ActivityEntry;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::format;
use crate::hooks::use_desk;
use crate::ipc;

#[derive(Properties, PartialEq)]
pub struct ActivityFeedProps {
    /// Bumped after each sync.
    pub version: u64,
    pub on_open: Callback<String>,
}

#[component]
pub fn ActivityFeed(props: &ActivityFeedProps) -> Html {
    crate::i18n::use_language();
    let desk = use_desk();
    let entries = use_state(|| None::<Result<Vec<ActivityEntry>, String>>);
    {
        let entries = entries.clone();
        let profile = desk.profile.clone();
        use_effect_with(props.version, move |_| {
            spawn_local(async move {
                entries.set(Some(
                    ipc::activity_feed(&profile).await.map_err(|e| e.message),
                ));
            });
        });
    }
    let body = match &*entries {
        None => html! { <p class="loading">{ t!("desk-loading") }</p> },
        Some(Err(message)) => html! { <p class="notice error" role="alert">{ message }</p> },
        Some(Ok(list)) if list.is_empty() => html! {
            <p class="muted">{ t!("desk-activity-empty") }</p>
        },
        Some(Ok(list)) => html! {
            <ul class="feed" id="activity-feed">
                { for list.iter().map(|entry| {
                    let open = entry.customer_id.clone().map(|id| {
                        let on_open = props.on_open.clone();
                        Callback::from(move |_: MouseEvent| on_open.emit(id.clone()))
                    });
                    html! {
                        <li>
                            <span class="feed-when" title={format::date(entry.at)}>{ format::age(entry.at) }</span>
                            if let Some(open) = open {
                                <button type="button" class="link" onclick={open}>{ crate::i18n::activity_text(entry) }</button>
                            } else { { crate::i18n::activity_text(entry) } }
                        </li>
                    }
                }) }
            </ul>
        },
    };
    html! {
        <section class="activity" aria-labelledby="activity-title">
            <h1 id="activity-title">{ t!("desk-activity") }</h1>
            <p class="help">{ t!("desk-activity-help") }</p>
            { body }
        </section>
    }
}
