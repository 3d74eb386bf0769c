use portal_ipc::AppInfo;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::ipc;
use crate::pages::onboarding::Onboarding;

/// The app shell: header and the current screen.
#[component]
pub fn App() -> Html {
    let info = use_state(|| None::<Result<AppInfo, String>>);
    {
        let info = info.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                info.set(Some(ipc::app_info().await.map_err(|e| e.message)));
            });
        });
    }

    let sandbox = match &*info {
        Some(Ok(AppInfo {
            sandbox: Some(url), ..
        })) => html! {
            <span class="chip sandbox" id="sandbox-chip" title="Demo: the app talks to a local Stripe sandbox, not to Stripe">
                { format!("Sandbox · {url}") }
            </span>
        },
        _ => html! {},
    };
    let screen = match &*info {
        None => html! { <p class="loading" aria-busy="true">{ "Loading…" }</p> },
        Some(Ok(info)) => html! { <Onboarding profile={AttrValue::from(info.profile.clone())} /> },
        Some(Err(message)) => html! { <p class="notice error" role="alert">{ message }</p> },
    };

    html! {
        <div class="shell">
            <header class="topbar">
                <img class="topbar-logo" src="icon.png" alt="" width="28" height="28" />
                <span class="topbar-name">{ "Portal Desk" }</span>
                { sandbox }
            </header>
            <main class="content">{ screen }</main>
        </div>
    }
}
