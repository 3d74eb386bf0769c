//! Settings: profiles and the key, where portal links return, the sync
//! interval, the SMTP server, and the cache.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use portal_ipc::ExportKind;

use crate::format;
use crate::ipc;
use crate::state::settings::{Confirm, Field, Form, SettingsMsg, SettingsState, export_notice};

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub profile: AttrValue,
    /// Open another profile (onboarding when it has no key yet).
    pub on_switch: Callback<String>,
    /// The key was forgotten: back to onboarding.
    pub on_forgot: Callback<()>,
    /// The cache was cleared: read the list again (and sync everything).
    pub on_cleared: Callback<()>,
}

fn edit(
    dispatch: &UseReducerDispatcher<SettingsState>,
    change: fn(&mut Form, String),
) -> Callback<InputEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: InputEvent| {
        let value = e.target_unchecked_into::<HtmlInputElement>().value();
        dispatch.dispatch(SettingsMsg::Edit(Rc::new(move |f| {
            change(f, value.clone())
        })));
    })
}

/// A profile name as the core accepts it.
fn valid_profile_name(name: &str) -> bool {
    (1..=40).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[component]
pub fn Settings(props: &SettingsProps) -> Html {
    let state = use_reducer(SettingsState::default);
    let new_profile = use_state(String::new);
    {
        let dispatch = state.dispatcher();
        use_effect_with(props.profile.clone(), move |profile| {
            let profile = profile.clone();
            spawn_local(async move {
                dispatch.dispatch(SettingsMsg::Loaded(ipc::settings(&profile).await));
            });
        });
    }
    let dispatch = state.dispatcher();
    let form = &state.form;

    let save = {
        let state = state.clone();
        let profile = props.profile.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(args) = state.form.to_args(&profile) else {
                return;
            };
            state.dispatch(SettingsMsg::Busy);
            let dispatch = state.dispatcher();
            spawn_local(async move {
                let done = ipc::save_settings(&args)
                    .await
                    .map(|view| (view, "Saved.".to_owned()));
                dispatch.dispatch(SettingsMsg::Done(done));
            });
        })
    };
    let ask = |confirm: Option<Confirm>| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(SettingsMsg::Ask(confirm)))
    };
    let clear = {
        let dispatch = dispatch.clone();
        let profile = props.profile.clone();
        let on_cleared = props.on_cleared.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(SettingsMsg::Busy);
            let dispatch = dispatch.clone();
            let profile = profile.clone();
            let on_cleared = on_cleared.clone();
            spawn_local(async move {
                let done = ipc::clear_cache(&profile).await.map(|view| {
                    (
                        view,
                        "Cleared. The next sync reads everything from Stripe again.".to_owned(),
                    )
                });
                if done.is_ok() {
                    on_cleared.emit(());
                }
                dispatch.dispatch(SettingsMsg::Done(done));
            });
        })
    };
    let forget = {
        let dispatch = dispatch.clone();
        let profile = props.profile.clone();
        let on_forgot = props.on_forgot.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(SettingsMsg::Busy);
            let dispatch = dispatch.clone();
            let profile = profile.clone();
            let on_forgot = on_forgot.clone();
            spawn_local(async move {
                match ipc::forget_key(&profile).await {
                    Ok(()) => on_forgot.emit(()),
                    Err(error) => dispatch.dispatch(SettingsMsg::Done(Err(error))),
                }
            });
        })
    };
    let export = |kind: ExportKind| {
        let dispatch = dispatch.clone();
        let profile = props.profile.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(SettingsMsg::Busy);
            let dispatch = dispatch.clone();
            let profile = profile.clone();
            spawn_local(async move {
                let outcome = ipc::export_csv(&profile, kind).await.map(|done| {
                    done.map(|done| export_notice(kind, &done, &format::count(done.rows)))
                });
                dispatch.dispatch(SettingsMsg::Exported(outcome));
            });
        })
    };
    let switch_to = {
        let on_switch = props.on_switch.clone();
        Callback::from(move |e: Event| {
            let name = e.target_unchecked_into::<HtmlSelectElement>().value();
            on_switch.emit(name);
        })
    };
    let add_profile = {
        let on_switch = props.on_switch.clone();
        let new_profile = new_profile.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = new_profile.trim().to_owned();
            if valid_profile_name(&name) {
                on_switch.emit(name);
            }
        })
    };
    let on_new_profile = {
        let new_profile = new_profile.clone();
        Callback::from(move |e: InputEvent| {
            new_profile.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let smtp_on = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            dispatch.dispatch(SettingsMsg::Edit(Rc::new(move |f| f.smtp_on = on)));
        })
    };
    let tls = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            dispatch.dispatch(SettingsMsg::Edit(Rc::new(move |f| f.tls = value.clone())));
        })
    };

    let problem = |field: Field, id: &str| match form.problem(field) {
        Some(problem) => {
            html! { <p class="field-error" id={format!("{id}-help")} role="alert">{ problem }</p> }
        }
        None => html! {},
    };
    let invalid = |field: Field| form.problem(field).is_some().to_string();
    let name_typed = new_profile.trim();
    let name_problem = (!name_typed.is_empty() && !valid_profile_name(name_typed))
        .then_some("Letters, digits, - and _ only (at most 40)");

    let Some(view) = &state.view else {
        return match &state.notice {
            Some(Err(error)) => {
                html! { <div class="page"><p class="notice error" role="alert">{ &error.message }</p></div> }
            }
            _ => {
                html! { <div class="page"><p class="loading" aria-busy="true">{ "Loading…" }</p></div> }
            }
        };
    };
    // Beside the field too: the save's toast may cover it.
    let password_removed = view.smtp_password_removed && form.password.is_empty();
    let password_hint = if view.smtp_password_removed {
        "Enter the password for the new server"
    } else if view.smtp_password_saved {
        "Saved in the keychain"
    } else {
        "Only if the server wants a login"
    };
    // A toast: seen wherever the page is scrolled to.
    let notice = match &state.notice {
        Some(Ok(message)) => {
            html! { <p class="notice success toast" role="status" id="settings-notice">{ message }</p> }
        }
        Some(Err(error)) => {
            html! { <p class="notice error toast" role="alert" id="settings-notice">{ &error.message }</p> }
        }
        None => html! {},
    };

    html! {
        <div class="page settings-page">
            <div class="page-head"><h1>{ "Settings" }</h1></div>
            { notice }
            <section class="card-section" aria-labelledby="profiles-title">
                <h2 id="profiles-title">{ "Profile" }</h2>
                <p>{ "Each profile is one Stripe account (or its test mode), with its own key, cache and settings." }</p>
                <div class="settings-row">
                    <div class="field">
                        <label for="profile-switch">{ "Open profile" }</label>
                        <select id="profile-switch" onchange={switch_to}>
                            { for view.profiles.iter().chain((!view.profiles.contains(&view.profile)).then_some(&view.profile)).map(|name| html! {
                                <option value={name.clone()} selected={*name == view.profile}>{ name }</option>
                            }) }
                        </select>
                    </div>
                    <form class="field grow" onsubmit={add_profile}>
                        <label for="new-profile">{ "Add a profile" }</label>
                        <div class="key-row">
                            <input id="new-profile" type="text" class="text" placeholder="for example live or acme-eu"
                                value={(*new_profile).clone()} oninput={on_new_profile} maxlength="40"
                                aria-invalid={name_problem.is_some().to_string()} />
                            <button type="submit" class="secondary" id="add-profile" disabled={name_typed.is_empty() || name_problem.is_some()}>{ "Add" }</button>
                        </div>
                        if let Some(problem) = name_problem { <p class="field-error" role="alert">{ problem }</p> }
                    </form>
                </div>
                if state.confirm == Some(Confirm::ForgetKey) {
                    <div class="notice info" role="alertdialog" id="confirm-forget">
                        <p>{ format!("Remove the Stripe key of “{}” from this computer's keychain? The cache stays; you'll need the key again to sync or open portals.", view.profile) }</p>
                        <div class="portal-actions">
                            <button type="button" class="primary small" id="forget-yes" onclick={forget}>{ "Remove the key" }</button>
                            <button type="button" class="secondary small" onclick={ask(None)}>{ "Keep it" }</button>
                        </div>
                    </div>
                } else {
                    <button type="button" class="secondary" id="forget-key" onclick={ask(Some(Confirm::ForgetKey))} disabled={state.busy}>
                        { "Forget this profile's key…" }
                    </button>
                }
            </section>

            <form class="card-section" onsubmit={save} novalidate=true aria-labelledby="preferences-title">
                <h2 id="preferences-title">{ "Portal links and syncing" }</h2>
                <div class="field">
                    <label for="return-url-setting">{ "Back link from the portal" }</label>
                    <input id="return-url-setting" type="text" class="text" placeholder="https://your-site.example/account"
                        value={form.return_url.clone()} oninput={edit(&dispatch, |f, v| f.return_url = v)} aria-invalid={invalid(Field::ReturnUrl)} />
                    if form.problem(Field::ReturnUrl).is_some() { { problem(Field::ReturnUrl, "return-url-setting") } }
                    else { <p class="field-help">{ "Where “Return to …” in the portal takes customers. Empty: the portal settings' back link." }</p> }
                </div>
                <div class="field inline">
                    <label for="sync-interval">{ "Sync every (minutes)" }</label>
                    <input id="sync-interval" type="number" min="0" max="1440" class="text narrow"
                        value={form.interval.clone()} oninput={edit(&dispatch, |f, v| f.interval = v)} aria-invalid={invalid(Field::Interval)} />
                    <span class="field-help">{ "while the window is open; 0 turns it off" }</span>
                </div>
                { problem(Field::Interval, "sync-interval") }
                <div class="field inline">
                    <label for="sync-rate">{ "Sync speed" }</label>
                    <input id="sync-rate" type="number" min="1" max="1000" class="text narrow"
                        value={form.rate.clone()} oninput={edit(&dispatch, |f, v| f.rate = v)} aria-invalid={invalid(Field::Rate)} />
                    <span class="field-help">{ "requests per second; empty: Stripe's standard share (50 live, 23 in test mode). Raise it only if Stripe raised your account's limits." }</span>
                </div>
                { problem(Field::Rate, "sync-rate") }

                <h2 class="subsection">{ "Email" }</h2>
                <div class="field">
                    <label for="sign-emails-as">{ "Sign emails as" }</label>
                    <input id="sign-emails-as" type="text" class="text" value={form.business_name.clone()}
                        placeholder={view.account_business_name.clone().unwrap_or_else(|| "Your business name".to_owned())}
                        oninput={edit(&dispatch, |f, v| f.business_name = v)} aria-invalid={invalid(Field::BusinessName)} />
                    if form.problem(Field::BusinessName).is_some() { { problem(Field::BusinessName, "sign-emails-as") } }
                    else if view.account_business_name.is_some() {
                        <p class="field-help">{ "Empty: your Stripe account's business name." }</p>
                    } else {
                        <p class="field-help" id="sign-emails-as-help">{ "Your key can't read the Stripe account's name, so type the name customers know you by." }</p>
                    }
                </div>
                <label class="check">
                    <input type="checkbox" id="smtp-on" checked={form.smtp_on} onchange={smtp_on} />
                    { "Send emails through my SMTP server (otherwise they open in your mail app)" }
                </label>
                if form.smtp_on {
                    <div class="settings-grid">
                        <div class="field">
                            <label for="smtp-host">{ "Server" }</label>
                            <input id="smtp-host" type="text" class="text" value={form.host.clone()} placeholder="smtp.example.com"
                                oninput={edit(&dispatch, |f, v| f.host = v)} aria-invalid={invalid(Field::Host)} />
                            { problem(Field::Host, "smtp-host") }
                        </div>
                        <div class="field">
                            <label for="smtp-port">{ "Port" }</label>
                            <input id="smtp-port" type="number" min="1" max="65535" class="text" value={form.port.clone()}
                                oninput={edit(&dispatch, |f, v| f.port = v)} aria-invalid={invalid(Field::Port)} />
                            { problem(Field::Port, "smtp-port") }
                        </div>
                        <div class="field">
                            <label for="smtp-tls">{ "Security" }</label>
                            <select id="smtp-tls" onchange={tls}>
                                <option value="starttls" selected={form.tls == "starttls"}>{ "STARTTLS (port 587)" }</option>
                                <option value="tls" selected={form.tls == "tls"}>{ "TLS (port 465)" }</option>
                                <option value="none" selected={form.tls == "none"}>{ "None (a server on this computer)" }</option>
                            </select>
                        </div>
                        <div class="field">
                            <label for="smtp-from">{ "From" }</label>
                            <input id="smtp-from" type="text" class="text" value={form.from.clone()} placeholder="Your Shop <billing@example.com>"
                                oninput={edit(&dispatch, |f, v| f.from = v)} aria-invalid={invalid(Field::From)} />
                            { problem(Field::From, "smtp-from") }
                        </div>
                        <div class="field">
                            <label for="smtp-username">{ "Login" }</label>
                            <input id="smtp-username" type="text" class="text" value={form.username.clone()} autocomplete="off"
                                oninput={edit(&dispatch, |f, v| f.username = v)} />
                        </div>
                        <div class="field">
                            <label for="smtp-password">{ "Password" }</label>
                            <input id="smtp-password" type="password" class="text" value={form.password.clone()} autocomplete="new-password"
                                placeholder={password_hint} oninput={edit(&dispatch, |f, v| f.password = v)}
                                aria-describedby={password_removed.then_some("smtp-password-help")} />
                            if password_removed {
                                <p class="field-error" id="smtp-password-help">{ "The server changed: enter its password" }</p>
                            }
                        </div>
                    </div>
                }
                <div class="actions">
                    <button type="submit" class="primary" id="settings-save" disabled={state.busy || !form.problems().is_empty()}>
                        if state.busy { <span class="spinner" aria-hidden="true"></span> }
                        { "Save" }
                    </button>
                </div>
            </form>

            <section class="card-section" aria-labelledby="export-title">
                <h2 id="export-title">{ "Export" }</h2>
                <p>{ "Save the cached customers or invoices as a CSV file for a spreadsheet or your accountant. Works offline; sync first for the latest." }</p>
                <div class="portal-actions">
                    <button type="button" class="secondary" id="export-customers" onclick={export(ExportKind::Customers)} disabled={state.busy}>
                        { "Export customers…" }
                    </button>
                    <button type="button" class="secondary" id="export-invoices" onclick={export(ExportKind::Invoices)} disabled={state.busy}>
                        { "Export invoices…" }
                    </button>
                </div>
            </section>

            <section class="card-section" aria-labelledby="cache-title">
                <h2 id="cache-title">{ "Cache" }</h2>
                <p>{ "Customers and their billing are kept on this computer so they open instantly and offline." }</p>
                <dl class="facts">
                    <dt>{ "Data folder" }</dt><dd class="mono" id="data-dir">{ &view.data_dir }</dd>
                    <dt>{ "Cache file" }</dt><dd class="mono">{ &view.cache_path }</dd>
                    <dt>{ "Size" }</dt>
                    <dd id="cache-size">{ format!("{} · saved invoice PDFs {}", format::bytes(view.cache_bytes), format::bytes(view.invoice_bytes)) }</dd>
                </dl>
                if state.confirm == Some(Confirm::ClearCache) {
                    <div class="notice info" role="alertdialog" id="confirm-clear">
                        <p>{ "Delete the cache and the saved PDFs? Nothing in Stripe changes; the next sync reads everything again." }</p>
                        <div class="portal-actions">
                            <button type="button" class="primary small" id="clear-yes" onclick={clear}>{ "Clear the cache" }</button>
                            <button type="button" class="secondary small" onclick={ask(None)}>{ "Keep it" }</button>
                        </div>
                    </div>
                } else {
                    <button type="button" class="secondary" id="clear-cache" onclick={ask(Some(Confirm::ClearCache))} disabled={state.busy}>
                        { "Clear the cache…" }
                    </button>
                }
            </section>
        </div>
    }
}
