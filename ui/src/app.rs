use portal_ipc::{AppInfo, CustomerPage, KeyStatus};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::i18n::{Language, LanguageContext};
use crate::ipc;
use crate::pages::desk::Desk;
use crate::pages::onboarding::Onboarding;
use crate::state::customers::CustomersState;
use crate::timing;

/// What the window knows at start: the profile and its key, if saved.
#[derive(Debug, Clone, PartialEq)]
struct Start {
    info: AppInfo,
    key: Option<KeyStatus>,
    /// The profile open before a switch, to go back to from onboarding.
    previous: Option<String>,
    /// The list's first page, read at start before the desk renders: the
    /// desk's first render then shows customers, and the WebView lays it
    /// out once instead of twice.
    first_page: Option<CustomerPage>,
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
                    crate::i18n::set_language(info.language);
                    let key = ipc::key_status(&info.profile).await?;
                    timing::mark_once("portal-desk:key-status");
                    let mut first_page = None;
                    if key.is_some() {
                        let args = CustomersState::default().page_args(&info.profile, 0);
                        // A failure is the list's to show, when it asks again.
                        first_page = ipc::list_customers(&args).await.ok();
                        timing::mark_once("portal-desk:first-page");
                    }
                    Ok(Start {
                        info,
                        key,
                        previous: None,
                        first_page,
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
                    first_page: None,
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
                    first_page: None,
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
                    first_page: None,
                })));
            }
        })
    };
    // Settings chose a language: save it, then every component that shows
    // text renders again in it (each subscribes through `use_language`).
    let choose_language = {
        let start = start.clone();
        Callback::from(move |choice: Option<Language>| {
            let start = start.clone();
            spawn_local(async move {
                let Ok(saved) = ipc::set_language(choice).await else {
                    return;
                };
                crate::i18n::set_language(saved.language);
                if let Some(Ok(current)) = (*start).clone() {
                    start.set(Some(Ok(Start {
                        info: AppInfo {
                            language: saved.language,
                            language_choice: saved.language_choice,
                            ..current.info
                        },
                        ..current
                    })));
                }
            });
        })
    };
    let language = LanguageContext {
        language: crate::i18n::language(),
        choice: match &*start {
            Some(Ok(current)) => current.info.language_choice,
            _ => None,
        },
        choose: choose_language,
    };

    let body = match &*start {
        None => html! { <p class="loading" aria-busy="true">{ t!("desk-loading") }</p> },
        Some(Err(message)) => html! { <p class="notice error" role="alert">{ message }</p> },
        Some(Ok(Start {
            info,
            key: Some(key),
            first_page,
            ..
        })) => html! {
            // Keyed by profile: another profile starts a fresh desk.
            <Desk key={info.profile.clone()} profile={AttrValue::from(info.profile.clone())} account={key.clone()}
                first_page={first_page.clone()}
                on_switch_profile={switch_profile} on_forgot_key={forgot_key} />
        },
        Some(Ok(Start {
            info,
            key: None,
            previous,
            ..
        })) => {
            let sandbox = info.sandbox.as_ref().map(|url| {
                html! {
                    <span class="chip sandbox" id="sandbox-chip" title={t!("desk-sandbox-title")}>
                        { t!("desk-sandbox-chip", url = url.as_str()) }
                    </span>
                }
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
                                { t!("desk-back-to-profile", profile = previous.as_str()) }
                            </button>
                        }
                    </header>
                    <main class="content">
                        <Onboarding profile={AttrValue::from(info.profile.clone())} {on_connected} />
                    </main>
                </div>
            }
        }
    };
    html! {
        <ContextProvider<LanguageContext> context={language}>
            { body }
        </ContextProvider<LanguageContext>>
    }
}
