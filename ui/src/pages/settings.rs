//! Settings: profiles and the key, where portal links return, the sync
//! interval, the SMTP server, and the cache.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use portal_ipc::ExportKind;

use crate::format;
use crate::hooks::use_desk;
use crate::i18n::{Language, LanguageContext};
use crate::ipc;
use crate::state::settings::{Confirm, Field, Form, SettingsAction, SettingsState, export_notice};

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
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
        dispatch.dispatch(SettingsAction::Edit(Rc::new(move |f| {
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
    crate::i18n::use_language();
    let desk = use_desk();
    let state = use_reducer(SettingsState::default);
    let new_profile = use_state(String::new);
    {
        let dispatch = state.dispatcher();
        use_effect_with(desk.profile.clone(), move |profile| {
            let profile = profile.clone();
            spawn_local(async move {
                dispatch.dispatch(SettingsAction::Loaded(ipc::settings(&profile).await));
            });
        });
    }
    let dispatch = state.dispatcher();
    let form = &state.form;

    let save = {
        let state = state.clone();
        let profile = desk.profile.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(args) = state.form.to_args(&profile) else {
                return;
            };
            state.dispatch(SettingsAction::Busy);
            let dispatch = state.dispatcher();
            spawn_local(async move {
                let done = ipc::save_settings(&args)
                    .await
                    .map(|view| (view, t!("settings-saved")));
                dispatch.dispatch(SettingsAction::Done(done));
            });
        })
    };
    let ask = |confirm: Option<Confirm>| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(SettingsAction::Ask(confirm)))
    };
    let clear = {
        let dispatch = dispatch.clone();
        let profile = desk.profile.clone();
        let on_cleared = props.on_cleared.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(SettingsAction::Busy);
            let dispatch = dispatch.clone();
            let profile = profile.clone();
            let on_cleared = on_cleared.clone();
            spawn_local(async move {
                let done = ipc::clear_cache(&profile)
                    .await
                    .map(|view| (view, t!("settings-cleared")));
                if done.is_ok() {
                    on_cleared.emit(());
                }
                dispatch.dispatch(SettingsAction::Done(done));
            });
        })
    };
    let forget = {
        let dispatch = dispatch.clone();
        let profile = desk.profile.clone();
        let on_forgot = props.on_forgot.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(SettingsAction::Busy);
            let dispatch = dispatch.clone();
            let profile = profile.clone();
            let on_forgot = on_forgot.clone();
            spawn_local(async move {
                match ipc::forget_key(&profile).await {
                    Ok(()) => on_forgot.emit(()),
                    Err(error) => dispatch.dispatch(SettingsAction::Done(Err(error))),
                }
            });
        })
    };
    let export = |kind: ExportKind| {
        let dispatch = dispatch.clone();
        let profile = desk.profile.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(SettingsAction::Busy);
            let dispatch = dispatch.clone();
            let profile = profile.clone();
            spawn_local(async move {
                let outcome = ipc::export_csv(&profile, kind)
                    .await
                    .map(|done| done.map(|done| export_notice(kind, &done)));
                dispatch.dispatch(SettingsAction::Exported(outcome));
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
            dispatch.dispatch(SettingsAction::Edit(Rc::new(move |f| f.smtp_on = on)));
        })
    };
    let tls = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            dispatch.dispatch(SettingsAction::Edit(Rc::new(move |f| {
                f.tls = value.clone()
            })));
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
        .then(|| t!("settings-profile-name-rule"));

    let Some(view) = &state.view else {
        return match &state.notice {
            Some(Err(error)) => {
                html! { <div class="page"><p class="notice error" role="alert">{ &error.message }</p></div> }
            }
            _ => {
                html! { <div class="page"><p class="loading" aria-busy="true">{ t!("settings-loading") }</p></div> }
            }
        };
    };
    // Beside the field too: the save's toast may cover it.
    let password_removed = view.smtp_password_removed && form.password.is_empty();
    let password_hint = if view.smtp_password_removed {
        t!("settings-password-hint-new-server")
    } else if view.smtp_password_saved {
        t!("settings-password-hint-saved")
    } else {
        t!("settings-password-hint-optional")
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
            <div class="page-head"><h1>{ t!("settings-title") }</h1></div>
            { notice }
            <LanguagePicker />
            <section class="card-section" aria-labelledby="profiles-title">
                <h2 id="profiles-title">{ t!("settings-profile-title") }</h2>
                <p>{ t!("settings-profile-intro") }</p>
                <div class="settings-row">
                    <div class="field">
                        <label for="profile-switch">{ t!("settings-open-profile") }</label>
                        <select id="profile-switch" onchange={switch_to}>
                            { for view.profiles.iter().chain((!view.profiles.contains(&view.profile)).then_some(&view.profile)).map(|name| html! {
                                <option value={name.clone()} selected={*name == view.profile}>{ name }</option>
                            }) }
                        </select>
                    </div>
                    <form class="field grow" onsubmit={add_profile}>
                        <label for="new-profile">{ t!("settings-add-profile") }</label>
                        <div class="key-row">
                            <input id="new-profile" type="text" class="text" placeholder={t!("settings-new-profile-placeholder")}
                                value={(*new_profile).clone()} oninput={on_new_profile} maxlength="40"
                                aria-invalid={name_problem.is_some().to_string()} />
                            <button type="submit" class="secondary" id="add-profile" disabled={name_typed.is_empty() || name_problem.is_some()}>{ t!("settings-add") }</button>
                        </div>
                        if let Some(problem) = &name_problem { <p class="field-error" role="alert">{ problem }</p> }
                    </form>
                </div>
                if state.confirm == Some(Confirm::ForgetKey) {
                    <div class="notice info" role="alertdialog" id="confirm-forget">
                        <p>{ t!("settings-forget-confirm", profile = view.profile.as_str()) }</p>
                        <div class="portal-actions">
                            <button type="button" class="primary small" id="forget-yes" onclick={forget}>{ t!("settings-forget-yes") }</button>
                            <button type="button" class="secondary small" onclick={ask(None)}>{ t!("settings-keep-it") }</button>
                        </div>
                    </div>
                } else {
                    <button type="button" class="secondary" id="forget-key" onclick={ask(Some(Confirm::ForgetKey))} disabled={state.busy}>
                        { t!("settings-forget-key") }
                    </button>
                }
            </section>

            <form class="card-section" onsubmit={save} novalidate=true aria-labelledby="preferences-title">
                <h2 id="preferences-title">{ t!("settings-preferences-title") }</h2>
                <div class="field">
                    <label for="return-url-setting">{ t!("settings-return-url-label") }</label>
                    <input id="return-url-setting" type="text" class="text" placeholder={t!("settings-return-url-placeholder")}
                        value={form.return_url.clone()} oninput={edit(&dispatch, |f, v| f.return_url = v)} aria-invalid={invalid(Field::ReturnUrl)} />
                    if form.problem(Field::ReturnUrl).is_some() { { problem(Field::ReturnUrl, "return-url-setting") } }
                    else { <p class="field-help">{ t!("settings-return-url-help") }</p> }
                </div>
                <div class="field inline">
                    <label for="sync-interval">{ t!("settings-sync-interval-label") }</label>
                    <input id="sync-interval" type="number" min="0" max="1440" class="text narrow"
                        value={form.interval.clone()} oninput={edit(&dispatch, |f, v| f.interval = v)} aria-invalid={invalid(Field::Interval)} />
                    <span class="field-help">{ t!("settings-sync-interval-help") }</span>
                </div>
                { problem(Field::Interval, "sync-interval") }
                <div class="field inline">
                    <label for="sync-rate">{ t!("settings-sync-rate-label") }</label>
                    <input id="sync-rate" type="number" min="1" max="1000" class="text narrow"
                        value={form.rate.clone()} oninput={edit(&dispatch, |f, v| f.rate = v)} aria-invalid={invalid(Field::Rate)} />
                    <span class="field-help">{ t!("settings-sync-rate-help") }</span>
                </div>
                { problem(Field::Rate, "sync-rate") }

                <h2 class="subsection">{ t!("settings-email-title") }</h2>
                <div class="field">
                    <label for="sign-emails-as">{ t!("settings-sign-emails-as") }</label>
                    <input id="sign-emails-as" type="text" class="text" value={form.business_name.clone()}
                        placeholder={view.account_business_name.clone().unwrap_or_else(|| t!("settings-business-name-placeholder"))}
                        oninput={edit(&dispatch, |f, v| f.business_name = v)} aria-invalid={invalid(Field::BusinessName)} />
                    if form.problem(Field::BusinessName).is_some() { { problem(Field::BusinessName, "sign-emails-as") } }
                    else if view.account_business_name.is_some() {
                        <p class="field-help">{ t!("settings-sign-emails-as-help-account") }</p>
                    } else {
                        <p class="field-help" id="sign-emails-as-help">{ t!("settings-sign-emails-as-help-no-account") }</p>
                    }
                </div>
                <label class="check">
                    <input type="checkbox" id="smtp-on" checked={form.smtp_on} onchange={smtp_on} />
                    { t!("settings-smtp-on") }
                </label>
                if form.smtp_on {
                    <div class="settings-grid">
                        <div class="field">
                            <label for="smtp-host">{ t!("settings-smtp-host") }</label>
                            <input id="smtp-host" type="text" class="text" value={form.host.clone()} placeholder={t!("settings-smtp-host-placeholder")}
                                oninput={edit(&dispatch, |f, v| f.host = v)} aria-invalid={invalid(Field::Host)} />
                            { problem(Field::Host, "smtp-host") }
                        </div>
                        <div class="field">
                            <label for="smtp-port">{ t!("settings-smtp-port") }</label>
                            <input id="smtp-port" type="number" min="1" max="65535" class="text" value={form.port.clone()}
                                oninput={edit(&dispatch, |f, v| f.port = v)} aria-invalid={invalid(Field::Port)} />
                            { problem(Field::Port, "smtp-port") }
                        </div>
                        <div class="field">
                            <label for="smtp-tls">{ t!("settings-smtp-security") }</label>
                            <select id="smtp-tls" onchange={tls}>
                                <option value="starttls" selected={form.tls == "starttls"}>{ t!("settings-smtp-starttls") }</option>
                                <option value="tls" selected={form.tls == "tls"}>{ t!("settings-smtp-tls") }</option>
                                <option value="none" selected={form.tls == "none"}>{ t!("settings-smtp-no-tls") }</option>
                            </select>
                        </div>
                        <div class="field">
                            <label for="smtp-from">{ t!("settings-smtp-from") }</label>
                            <input id="smtp-from" type="text" class="text" value={form.from.clone()} placeholder={t!("settings-smtp-from-placeholder")}
                                oninput={edit(&dispatch, |f, v| f.from = v)} aria-invalid={invalid(Field::From)} />
                            { problem(Field::From, "smtp-from") }
                        </div>
                        <div class="field">
                            <label for="smtp-username">{ t!("settings-smtp-username") }</label>
                            <input id="smtp-username" type="text" class="text" value={form.username.clone()} autocomplete="off"
                                oninput={edit(&dispatch, |f, v| f.username = v)} />
                        </div>
                        <div class="field">
                            <label for="smtp-password">{ t!("settings-smtp-password") }</label>
                            <input id="smtp-password" type="password" class="text" value={form.password.clone()} autocomplete="new-password"
                                placeholder={password_hint} oninput={edit(&dispatch, |f, v| f.password = v)}
                                aria-describedby={password_removed.then_some("smtp-password-help")} />
                            if password_removed {
                                <p class="field-error" id="smtp-password-help">{ t!("settings-smtp-password-changed") }</p>
                            }
                        </div>
                    </div>
                }
                <div class="actions">
                    <button type="submit" class="primary" id="settings-save" disabled={state.busy || !form.problems().is_empty()}>
                        if state.busy { <span class="spinner" aria-hidden="true"></span> }
                        { t!("settings-save") }
                    </button>
                </div>
            </form>

            <section class="card-section" aria-labelledby="export-title">
                <h2 id="export-title">{ t!("settings-export-title") }</h2>
                <p>{ t!("settings-export-intro") }</p>
                <div class="portal-actions">
                    <button type="button" class="secondary" id="export-customers" onclick={export(ExportKind::Customers)} disabled={state.busy}>
                        { t!("settings-export-customers") }
                    </button>
                    <button type="button" class="secondary" id="export-invoices" onclick={export(ExportKind::Invoices)} disabled={state.busy}>
                        { t!("settings-export-invoices") }
                    </button>
                </div>
            </section>

            <section class="card-section" aria-labelledby="cache-title">
                <h2 id="cache-title">{ t!("settings-cache-title") }</h2>
                <p>{ t!("settings-cache-intro") }</p>
                <dl class="facts">
                    <dt>{ t!("settings-data-folder") }</dt><dd class="mono" id="data-dir">{ &view.data_dir }</dd>
                    <dt>{ t!("settings-cache-file") }</dt><dd class="mono">{ &view.cache_path }</dd>
                    <dt>{ t!("settings-size") }</dt>
                    <dd id="cache-size">{ t!("settings-cache-size", cache = format::bytes(view.cache_bytes), pdfs = format::bytes(view.invoice_bytes)) }</dd>
                </dl>
                if state.confirm == Some(Confirm::ClearCache) {
                    <div class="notice info" role="alertdialog" id="confirm-clear">
                        <p>{ t!("settings-clear-confirm") }</p>
                        <div class="portal-actions">
                            <button type="button" class="primary small" id="clear-yes" onclick={clear}>{ t!("settings-clear-yes") }</button>
                            <button type="button" class="secondary small" onclick={ask(None)}>{ t!("settings-keep-it") }</button>
                        </div>
                    </div>
                } else {
                    <button type="button" class="secondary" id="clear-cache" onclick={ask(Some(Confirm::ClearCache))} disabled={state.busy}>
                        { t!("settings-clear-cache") }
                    </button>
                }
            </section>
        </div>
    }
}

/// The installation's language: the OS's, or one chosen here (for every
/// profile). The window switches as soon as it is chosen.
#[component]
fn LanguagePicker() -> Html {
    crate::i18n::use_language();
    let Some(context) = use_context::<LanguageContext>() else {
        return html! {};
    };
    let onchange = {
        let choose = context.choose.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            choose.emit(Language::from_locale(&select.value()));
        })
    };
    html! {
        <section class="card-section" aria-labelledby="language-title">
            <h2 id="language-title">{ t!("settings-language-title") }</h2>
            <div class="field">
                <label for="language-select">{ t!("settings-language-label") }</label>
                <select id="language-select" {onchange}>
                    <option value="system" selected={context.choice.is_none()}>{ t!("settings-language-system") }</option>
                    { for Language::ALL.into_iter().map(|language| html! {
                        <option value={language.tag()} lang={language.tag()} selected={context.choice == Some(language)}>
                            { language.native_name() }
                        </option>
                    }) }
                </select>
                <p class="field-help">{ t!("settings-language-hint") }</p>
            </div>
        </section>
    }
}
