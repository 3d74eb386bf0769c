//! "Connect your Stripe account": the first screen.

use portal_ipc::{DashboardPage, ErrorCode, KeyStatus};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::ipc;
use crate::state::onboarding::{OnboardingAction, OnboardingState, Phase};

const API_KEYS_PAGE: &str = "https://dashboard.stripe.com/apikeys";

#[derive(Properties, PartialEq)]
pub struct OnboardingProps {
    /// The profile whose key is set here.
    pub profile: AttrValue,
    /// Called with the saved key when the user continues to their customers.
    pub on_connected: Callback<KeyStatus>,
}

#[component]
pub fn Onboarding(props: &OnboardingProps) -> Html {
    let state = use_reducer(OnboardingState::default);
    let profile = props.profile.clone();

    {
        let state = state.clone();
        let profile = profile.clone();
        use_effect_with(profile.clone(), move |_| {
            spawn_local(async move {
                // A failure here only means we can't say "already saved"; the
                // save itself will report a keychain problem.
                if let Ok(existing) = ipc::key_status(&profile).await {
                    state.dispatch(OnboardingAction::Loaded(existing));
                }
            });
        });
    }

    let on_input = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            state.dispatch(OnboardingAction::Edit(input.value()));
        })
    };

    // Saves the key in the field; `verify` asks Stripe first.
    let save = {
        let state = state.clone();
        let profile = profile.clone();
        Callback::from(move |verify: bool| {
            if !state.can_submit() {
                return;
            }
            let key = state.key.clone();
            state.dispatch(OnboardingAction::Submit(verify));
            let state = state.clone();
            let profile = profile.clone();
            spawn_local(async move {
                match ipc::save_key(&profile, key, verify).await {
                    Ok(status) => state.dispatch(OnboardingAction::Saved(status)),
                    Err(error) => state.dispatch(OnboardingAction::Failed(error)),
                }
            });
        })
    };
    let on_submit = {
        let save = save.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            save.emit(true);
        })
    };
    let save_unchecked = Callback::from(move |_: MouseEvent| save.emit(false));

    let on_reveal = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(OnboardingAction::ToggleReveal))
    };

    let open_dashboard = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        spawn_local(async {
            // The link is a convenience; the text beside it says where to go.
            let _ = ipc::open_dashboard(DashboardPage::ApiKeys).await;
        });
    });

    let failed = matches!(state.phase, Phase::Failed(_));
    let saving = state.phase == Phase::Saving;

    html! {
        <section class="card onboarding" aria-labelledby="onboarding-title">
            <h1 id="onboarding-title">{ "Connect your Stripe account" }</h1>
            <p class="lead">
                { "Portal Desk opens your customers' Stripe Customer Portal in one click and keeps their billing history at hand, even offline." }
            </p>

            if let (Some(existing), Phase::Editing | Phase::Failed(_)) = (&state.existing, &state.phase) {
                <p class="notice info" id="key-existing">
                    { format!("A {} mode key ending in ...{} is already saved for profile {}{}. Saving a new key replaces it.",
                        existing.mode.as_str(), existing.last4, existing.profile,
                        existing.business_name.as_ref().map(|name| format!(" ({name})")).unwrap_or_default()) }
                </p>
            }

            <form class="key-form" onsubmit={on_submit} novalidate=true>
                <label for="api-key">{ "Secret key" }</label>
                <div class="key-row">
                    <input
                        id="api-key"
                        name="api-key"
                        type={ if state.reveal { "text" } else { "password" } }
                        placeholder="sk_test_… or sk_live_…"
                        autocomplete="off"
                        autocapitalize="off"
                        spellcheck="false"
                        aria-describedby="key-help key-error"
                        aria-invalid={ failed.to_string() }
                        value={ state.key.clone() }
                        oninput={on_input}
                    />
                    <button type="button" class="secondary" id="reveal-key" onclick={on_reveal}
                        aria-pressed={ state.reveal.to_string() }>
                        { if state.reveal { "Hide" } else { "Show" } }
                    </button>
                </div>
                <p class="help" id="key-help">
                    { "Use a secret key (sk_…) or a restricted key (rk_…) from the " }
                    <a href={API_KEYS_PAGE} onclick={open_dashboard}>{ "Stripe Dashboard → Developers → API keys" }</a>
                    { ". It is stored only in this computer's keychain and is never shown again." }
                </p>

                if let Phase::Failed(error) = &state.phase {
                    <div class="notice error" role="alert">
                        <p id="key-error">{ &error.message }</p>
                        if error.code == ErrorCode::Offline {
                            <button type="button" class="secondary" id="save-unverified" onclick={save_unchecked}>
                                { "Save without checking" }
                            </button>
                        }
                    </div>
                }
                if let Phase::Saved(status, verified) = &state.phase {
                    <div class="notice success" role="status">
                        <p id="key-saved">{ status.saved_sentence() }</p>
                        <p id="key-account">{
                            if *verified { status.account_sentence() }
                            else { "Not checked with Stripe: save it again when you're online to check it.".to_owned() }
                        }</p>
                    </div>
                }

                <div class="actions">
                    if let Phase::Saved(status, _) = &state.phase {
                        <button type="button" class="primary" id="continue"
                            onclick={ let status = status.clone(); props.on_connected.reform(move |_: MouseEvent| status.clone()) }>
                            { "Continue to your customers" }
                        </button>
                    } else {
                    <button type="submit" class="primary" id="save-key" disabled={saving}>
                        if saving {
                            <span class="spinner" aria-hidden="true"></span>
                            { if state.verifying { "Checking with Stripe…" } else { "Saving…" } }
                        } else { { "Save key" } }
                    </button>
                    }
                </div>
            </form>
            <details class="demo-help" id="demo-help">
                <summary>{ "No Stripe account? Try the demo" }</summary>
                <p>{ "Run " }<code>{ "cargo xtask demo" }</code>{ " from the Portal Desk source folder. It starts a local Stripe sandbox with made-up customers, saves a demo test key in your keychain and opens this window on it. Nothing leaves your computer." }</p>
            </details>
        </section>
    }
}
