use yew::prelude::*;

use crate::pages::onboarding::Onboarding;

/// The app shell: header and the current screen.
#[component]
pub fn App() -> Html {
    html! {
        <div class="shell">
            <header class="topbar">
                <img class="topbar-logo" src="icon.png" alt="" width="28" height="28" />
                <span class="topbar-name">{ "Portal Desk" }</span>
            </header>
            <main class="content">
                <Onboarding />
            </main>
        </div>
    }
}
