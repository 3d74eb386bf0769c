//! Configurations: what the portal lets customers do. The list of the
//! account's configurations, and an editor for every field with its problems
//! shown beside it as the user types (`editor`).

mod editor;

use portal_ipc::ErrorCode;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::hooks::use_desk;
use crate::ipc;
use crate::state::configurations::{ConfigurationsAction, ConfigurationsState};
use editor::ConfigurationEditor;

#[component]
pub fn Configurations() -> Html {
    crate::i18n::use_language();
    let desk = use_desk();
    let state = use_reducer(ConfigurationsState::default);
    let profile = desk.profile.clone();

    {
        let dispatch = state.dispatcher();
        let profile = profile.clone();
        use_effect_with((profile.clone(), state.version), move |_| {
            spawn_local(async move {
                dispatch.dispatch(ConfigurationsAction::Listed(
                    ipc::list_configurations(&profile).await,
                ));
                // From the cache; an empty list only hides the product choice.
                if let Ok(products) = ipc::switchable_products(&profile).await {
                    dispatch.dispatch(ConfigurationsAction::Products(products));
                }
            });
        });
    }

    let edit = {
        let dispatch = state.dispatcher();
        let profile = profile.clone();
        Callback::from(move |id: String| {
            dispatch.dispatch(ConfigurationsAction::Edit(id.clone()));
            let dispatch = dispatch.clone();
            let profile = profile.clone();
            spawn_local(async move {
                dispatch.dispatch(ConfigurationsAction::Loaded(Box::new(
                    ipc::get_configuration(&profile, &id).await,
                )));
            });
        })
    };
    let use_it = {
        let dispatch = state.dispatcher();
        let profile = profile.clone();
        Callback::from(move |id: String| {
            let dispatch = dispatch.clone();
            let profile = profile.clone();
            spawn_local(async move {
                let outcome = ipc::choose_configuration(&profile, &id).await.map(|()| id);
                dispatch.dispatch(ConfigurationsAction::Used(outcome));
            });
        })
    };
    let new = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(ConfigurationsAction::New))
    };
    let reload = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(ConfigurationsAction::Reload))
    };

    let list = match &state.list {
        None => {
            html! { <p class="loading" aria-busy="true">{ t!("configurations-loading-list") }</p> }
        }
        Some(Err(error)) => {
            let message = if error.code == ErrorCode::Offline {
                t!("configurations-offline")
            } else {
                error.message.clone()
            };
            html! {
                <div class="notice error" role="alert" id="configurations-error">
                    <p>{ message }</p>
                    <button type="button" class="secondary small" onclick={reload}>{ t!("configurations-try-again") }</button>
                </div>
            }
        }
        Some(Ok(list)) if list.is_empty() => html! {
            <p class="notice info" id="no-configurations">
                { t!("configurations-empty") }
            </p>
        },
        Some(Ok(list)) => html! {
            <table class="invoices configurations" id="configurations">
                <thead><tr>
                    <th scope="col">{ t!("configurations-column-headline") }</th>
                    <th scope="col">{ t!("configurations-column-id") }</th>
                    <th scope="col">{ t!("configurations-column-state") }</th>
                    <th scope="col"><span class="sr-only">{ t!("configurations-column-actions") }</span></th>
                </tr></thead>
                <tbody>
                    { for list.iter().map(|c| {
                        let id = c.id.clone();
                        let on_edit = edit.reform(move |_: MouseEvent| id.clone());
                        let id = c.id.clone();
                        let on_use = use_it.reform(move |_: MouseEvent| id.clone());
                        html! {
                            <tr data-id={c.id.clone()} class="configuration-row">
                                <td class="headline">{ c.headline.clone().filter(|h| !h.is_empty()).unwrap_or_else(|| t!("configurations-untitled")) }</td>
                                <td class="mono">{ &c.id }</td>
                                <td><div class="badges">
                                    if c.in_use { <span class="badge in-use">{ t!("configurations-badge-in-use") }</span> }
                                    if c.is_default { <span class="badge">{ t!("configurations-badge-default") }</span> }
                                    if !c.active { <span class="badge">{ t!("configurations-badge-inactive") }</span> }
                                    if c.login_page_url.is_some() { <span class="badge">{ t!("configurations-badge-login-page") }</span> }
                                </div></td>
                                <td class="invoice-actions">
                                    if !c.in_use && c.active {
                                        <button type="button" class="link use-configuration" onclick={on_use} disabled={desk.offline}>{ t!("configurations-use-for-links") }</button>
                                    }
                                    <button type="button" class="link edit-configuration" onclick={on_edit} disabled={desk.offline}>{ t!("configurations-edit") }</button>
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        },
    };

    html! {
        <div class="page configurations-page">
            <div class="page-head">
                <div>
                    <h1>{ t!("configurations-title") }</h1>
                    <p class="detail-sub">{ t!("configurations-intro") }</p>
                </div>
                <button type="button" class="primary" id="new-configuration" onclick={new}
                    disabled={desk.offline} title={desk.offline.then(|| t!("configurations-offline-title"))}>
                    { t!("configurations-new") }
                </button>
            </div>
            if let Some(notice) = &state.notice {
                <p class="notice info" role="status" id="configurations-notice">{ notice }</p>
            }
            <section class="card-section">{ list }</section>
            // An `if` keeps its place when empty, so opening the editor doesn't
            // move (and blur) the button that opened it.
            if let Some(editor) = &state.editor {
                <ConfigurationEditor editor={editor.clone()}
                    products={state.products.clone()} dispatch={state.dispatcher()} />
            }
        </div>
    }
}
