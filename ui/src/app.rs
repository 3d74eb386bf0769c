use portal_ipc::{AppInfo, KeyStatus};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::ipc;
use crate::pages::desk::Desk;
use crate::pages::onboarding::Onboarding;

/// What the window knows at start: the profile and its key, if saved.
#[derive(Debug, Clone, PartialEq)]
struct Start {
    info: AppInfo,
    key: Option<KeyStatus>,
    /// The profile open before a switch, to go back to from onboarding.
    previous: Option<String>,
}

/// The app shell: onboarding until a key is saved, then the desk.
#[component]
pub fn App() -> Html {
    let start = use_state(|| None::<Result<Start, String>>);
    {
        let start = start.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                let loaded = async {
                    let info = ipc::app_info().await?;
                    let key = ipc::key_status(&info.profile).await?;
                    crate::timing::mark_once("portal-desk:key-status");
                    Ok(Start {
                        info,
                        key,
                        previous: None,
                    })
                };
                start.set(Some(
                    loaded.await.map_err(|e: portal_ipc::ErrorDto| e.message),
                ));
            });
        });
    }
    // Another profile: its key decides between the desk and onboarding.
    let switch_profile = {
        let start = start.clone();
        Callback::from(move |profile: String| {
            let Some(Ok(current)) = (*start).clone() else {
                return;
            };
            let start = start.clone();
            spawn_local(async move {
                let key = ipc::key_status(&profile).await.ok().flatten();
                let previous = current
                    .key
                    .is_some()
                    .then(|| current.info.profile.clone())
                    .or(current.previous.clone())
                    .filter(|p| *p != profile);
                let info = AppInfo {
                    profile,
                    ..current.info.clone()
                };
                start.set(Some(Ok(Start {
                    info,
                    key,
                    previous,
                })));
            });
        })
    };
    let forgot_key = {
        let start = start.clone();
        Callback::from(move |()| {
            if let Some(Ok(current)) = &*start {
                start.set(Some(Ok(Start {
                    info: current.info.clone(),
                    key: None,
                    previous: None,
                })));
            }
        })
    };
    let on_connected = {
        let start = start.clone();
        Callback::from(move |key: KeyStatus| {
            if let Some(Ok(current)) = &*start {
                start.set(Some(Ok(Start {
                    info: current.info.clone(),
                    key: Some(key),
                    previous: None,
                })));
            }
        })
    };

    match &*start {
        None => html! { <p class="loading" aria-busy="true">{ "Loading…" }</p> },
        Some(Err(message)) => html! { <p class="notice error" role="alert">{ message }</p> },
        Some(Ok(Start {
            info,
            key: Some(key),
            ..
        })) => html! {
            // Keyed by profile: another profile starts a fresh desk.
            <Desk key={info.profile.clone()} profile={AttrValue::from(info.profile.clone())} account={key.clone()}
                on_switch_profile={switch_profile} on_forgot_key={forgot_key} />
        },
        Some(Ok(Start {
            info,
            key: None,
            previous,
        })) => {
            let sandbox = info.sandbox.as_ref().map(|url| html! {
                <span class="chip sandbox" id="sandbox-chip" title="Demo: the app talks to a local Stripe sandbox, not to Stripe">
                    { format!("Sandbox · {url}") }
                </span>
            });
            html! {
                <div class="shell">
                    <header class="topbar">
                        <img class="topbar-logo" src="icon.png" alt="" width="28" height="28" />
                        <span class="topbar-name">{ "Portal Desk" }</span>
                        { sandbox }
                        if let Some(previous) = previous.clone() {
                            <button type="button" class="secondary small back-to-profile" id="back-to-profile"
                                onclick={{ let previous = previous.clone(); switch_profile.reform(move |_: MouseEvent| previous.clone()) }}>
                                { format!("Back to {previous}") }
                            </button>
                        }
                    </header>
                    <main class="content">
                        <Onboarding profile={AttrValue::from(info.profile.clone())} {on_connected} />
                    </main>
                </div>
            }
        }
    }
}
