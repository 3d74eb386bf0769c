//! Configurations: what the portal lets customers do. The list of the
//! account's configurations, and an editor for every field with its problems
//! shown beside it as the user types.

use std::rc::Rc;

use portal_ipc::{ConfigurationFields, ErrorCode, SaveConfigurationArgs};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::ipc;
use crate::pages::dialog::Dialog;
use crate::state::configurations::{
    ConfigurationsMsg, ConfigurationsState, Editor, Field, HEADLINE_MAX, PRODUCTS_MAX,
};

#[derive(Properties, PartialEq)]
pub struct ConfigurationsProps {
    pub profile: AttrValue,
    pub offline: bool,
}

/// Customer details the portal may let customers change, with their labels.
const CUSTOMER_FIELDS: [(&str, &str); 6] = [
    ("email", "Email"),
    ("address", "Billing address"),
    ("phone", "Phone"),
    ("name", "Name"),
    ("shipping", "Shipping address"),
    ("tax_id", "Tax IDs"),
];
const PLAN_UPDATES: [(&str, &str); 3] = [
    ("price", "Plan"),
    ("quantity", "Quantity"),
    ("promotion_code", "Promotion codes"),
];

#[component]
pub fn Configurations(props: &ConfigurationsProps) -> Html {
    let state = use_reducer(ConfigurationsState::default);
    let profile = props.profile.clone();

    {
        let dispatch = state.dispatcher();
        let profile = profile.clone();
        use_effect_with((profile.clone(), state.version), move |_| {
            spawn_local(async move {
                dispatch.dispatch(ConfigurationsMsg::Listed(
                    ipc::list_configurations(&profile).await,
                ));
                // From the cache; an empty list only hides the product choice.
                if let Ok(products) = ipc::switchable_products(&profile).await {
                    dispatch.dispatch(ConfigurationsMsg::Products(products));
                }
            });
        });
    }

    let edit = {
        let dispatch = state.dispatcher();
        let profile = profile.clone();
        Callback::from(move |id: String| {
            dispatch.dispatch(ConfigurationsMsg::Edit(id.clone()));
            let dispatch = dispatch.clone();
            let profile = profile.clone();
            spawn_local(async move {
                dispatch.dispatch(ConfigurationsMsg::Loaded(Box::new(
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
                dispatch.dispatch(ConfigurationsMsg::Used(outcome));
            });
        })
    };
    let new = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(ConfigurationsMsg::New))
    };
    let reload = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(ConfigurationsMsg::Reload))
    };

    let list = match &state.list {
        None => {
            html! { <p class="loading" aria-busy="true">{ "Loading your portal settings from Stripe…" }</p> }
        }
        Some(Err(error)) => {
            let message = if error.code == ErrorCode::Offline {
                "Stripe can't be reached, so the portal settings can't be shown. They live in Stripe, not in the cache.".to_owned()
            } else {
                error.message.clone()
            };
            html! {
                <div class="notice error" role="alert" id="configurations-error">
                    <p>{ message }</p>
                    <button type="button" class="secondary small" onclick={reload}>{ "Try again" }</button>
                </div>
            }
        }
        Some(Ok(list)) if list.is_empty() => html! {
            <p class="notice info" id="no-configurations">
                { "No portal settings yet. Create them to choose what customers can do in the portal." }
            </p>
        },
        Some(Ok(list)) => html! {
            <table class="invoices configurations" id="configurations">
                <thead><tr>
                    <th scope="col">{ "Headline" }</th>
                    <th scope="col">{ "ID" }</th>
                    <th scope="col">{ "State" }</th>
                    <th scope="col"><span class="sr-only">{ "Actions" }</span></th>
                </tr></thead>
                <tbody>
                    { for list.iter().map(|c| {
                        let id = c.id.clone();
                        let on_edit = edit.reform(move |_: MouseEvent| id.clone());
                        let id = c.id.clone();
                        let on_use = use_it.reform(move |_: MouseEvent| id.clone());
                        html! {
                            <tr data-id={c.id.clone()} class="configuration-row">
                                <td class="headline">{ c.headline.clone().filter(|h| !h.is_empty()).unwrap_or_else(|| "Untitled".into()) }</td>
                                <td class="mono">{ &c.id }</td>
                                <td><div class="badges">
                                    if c.in_use { <span class="badge in-use">{ "Used for portal links" }</span> }
                                    if c.is_default { <span class="badge">{ "Account default" }</span> }
                                    if !c.active { <span class="badge">{ "Inactive" }</span> }
                                    if c.login_page_url.is_some() { <span class="badge">{ "Sign-in page" }</span> }
                                </div></td>
                                <td class="invoice-actions">
                                    if !c.in_use && c.active {
                                        <button type="button" class="link use-configuration" onclick={on_use} disabled={props.offline}>{ "Use for links" }</button>
                                    }
                                    <button type="button" class="link edit-configuration" onclick={on_edit} disabled={props.offline}>{ "Edit" }</button>
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
                    <h1>{ "Portal settings" }</h1>
                    <p class="detail-sub">{ "What customers can do in the portal: see invoices, update their card, cancel, switch plans." }</p>
                </div>
                <button type="button" class="primary" id="new-configuration" onclick={new}
                    disabled={props.offline} title={props.offline.then_some("Offline: portal settings are saved in Stripe")}>
                    { "New portal settings" }
                </button>
            </div>
            if let Some(notice) = &state.notice {
                <p class="notice info" role="status" id="configurations-notice">{ notice }</p>
            }
            <section class="card-section">{ list }</section>
            // An `if` keeps its place when empty, so opening the editor doesn't
            // move (and blur) the button that opened it.
            if let Some(editor) = &state.editor {
                <ConfigurationEditor profile={profile.clone()} editor={editor.clone()}
                    products={state.products.clone()} dispatch={state.dispatcher()} offline={props.offline} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct EditorProps {
    profile: AttrValue,
    editor: Editor,
    products: Vec<portal_ipc::ProductOption>,
    dispatch: UseReducerDispatcher<ConfigurationsState>,
    offline: bool,
}

/// A callback that applies `change` with the value of a text field.
fn on_text(
    dispatch: &UseReducerDispatcher<ConfigurationsState>,
    change: fn(&mut ConfigurationFields, String),
) -> Callback<InputEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: InputEvent| {
        let value = e.target_unchecked_into::<HtmlInputElement>().value();
        dispatch.dispatch(ConfigurationsMsg::Change(Rc::new(move |f| {
            change(f, value.clone())
        })));
    })
}

fn on_check(
    dispatch: &UseReducerDispatcher<ConfigurationsState>,
    change: fn(&mut ConfigurationFields, bool),
) -> Callback<Event> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: Event| {
        let on = e.target_unchecked_into::<HtmlInputElement>().checked();
        dispatch.dispatch(ConfigurationsMsg::Change(Rc::new(move |f| change(f, on))));
    })
}

fn on_select(
    dispatch: &UseReducerDispatcher<ConfigurationsState>,
    change: fn(&mut ConfigurationFields, String),
) -> Callback<Event> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        dispatch.dispatch(ConfigurationsMsg::Change(Rc::new(move |f| {
            change(f, value.clone())
        })));
    })
}

/// A checkbox that adds or removes `value` in a list field.
fn toggle_in(
    dispatch: &UseReducerDispatcher<ConfigurationsState>,
    list: fn(&mut ConfigurationFields) -> &mut Option<Vec<String>>,
    value: String,
) -> Callback<Event> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: Event| {
        let on = e.target_unchecked_into::<HtmlInputElement>().checked();
        let value = value.clone();
        dispatch.dispatch(ConfigurationsMsg::Change(Rc::new(move |f| {
            let items = list(f).get_or_insert_with(Vec::new);
            items.retain(|v| *v != value);
            if on {
                items.push(value.clone());
            }
        })));
    })
}

fn has(list: &Option<Vec<String>>, value: &str) -> bool {
    list.as_ref().is_some_and(|l| l.iter().any(|v| v == value))
}

#[component]
fn ConfigurationEditor(props: &EditorProps) -> Html {
    let editor = &props.editor;
    let f = &editor.fields;
    let dispatch = &props.dispatch;
    // Problems show once a field has text, or for every field after Save.
    let shown = |field: Field, value: &Option<String>| {
        editor
            .problem(field)
            .filter(|_| editor.tried || value.as_deref().is_some_and(|v| !v.is_empty()))
    };
    let text_field = |id: &'static str,
                      label: &'static str,
                      help: &'static str,
                      field: Field,
                      value: &Option<String>,
                      change: fn(&mut ConfigurationFields, String)| {
        let problem = shown(field, value);
        let help_id = format!("{id}-help");
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <input id={id} type="text" class="text" value={value.clone().unwrap_or_default()}
                    oninput={on_text(dispatch, change)} aria-invalid={problem.is_some().to_string()}
                    aria-describedby={help_id.clone()} maxlength="2100" />
                if let Some(problem) = problem {
                    <p class="field-error" id={help_id} role="alert">{ problem }</p>
                } else {
                    <p class="field-help" id={help_id}>{ help }</p>
                }
            </div>
        }
    };

    let save = {
        let dispatch = dispatch.clone();
        let editor = editor.clone();
        let profile = props.profile.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.dispatch(ConfigurationsMsg::Saving);
            if !editor.problems().is_empty() {
                // Every problem shows after this render: take the user to the first.
                spawn_local(async {
                    yew::platform::time::sleep(std::time::Duration::ZERO).await;
                    focus_first_problem();
                });
                return;
            }
            let args = SaveConfigurationArgs {
                profile: profile.to_string(),
                id: editor.id.clone(),
                fields: editor.to_send(),
                use_it: editor.use_it,
            };
            let dispatch = dispatch.clone();
            spawn_local(async move {
                dispatch.dispatch(ConfigurationsMsg::Saved(
                    ipc::save_configuration(&args).await,
                ));
            });
        })
    };
    let escape = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| dispatch.dispatch(ConfigurationsMsg::Close))
    };
    let close = escape.reform(|_: MouseEvent| ());
    let use_it = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            dispatch.dispatch(ConfigurationsMsg::UseIt(on));
        })
    };

    let title = match &editor.id {
        Some(_) => "Edit portal settings",
        None => "New portal settings",
    };
    let headline_count = f
        .headline
        .as_deref()
        .map_or(0, |h| h.trim().chars().count());
    let cancel_mode = f.cancel_mode.clone().unwrap_or_else(|| "off".into());
    let switching = f.plan_switching == Some(true);
    let chosen_products = f.plan_products.as_ref().map_or(0, Vec::len);
    let features_problem = editor.problem(Field::Features).filter(|_| editor.tried);
    let products_problem = editor
        .problem(Field::PlanProducts)
        .filter(|_| editor.tried || switching);
    let switching_problem = editor.problem(Field::PlanSwitching);
    let blocked = !editor.problems().is_empty();

    let body = if editor.loading {
        html! { <p class="loading" aria-busy="true">{ "Loading from Stripe…" }</p> }
    } else {
        html! {
            <>
                <fieldset class="form-section">
                    <legend>{ "Your business" }</legend>
                    { text_field("headline", "Headline", "Shown at the top of the portal, for example “Acme Co. billing”.",
                        Field::Headline, &f.headline, |f, v| f.headline = Some(v)) }
                    <p class={classes!("counter", (headline_count > HEADLINE_MAX).then_some("over"))} id="headline-count">
                        { format!("{headline_count} / {HEADLINE_MAX}") }
                    </p>
                    { text_field("privacy-url", "Privacy policy link", "Optional; https://…",
                        Field::PrivacyPolicyUrl, &f.privacy_policy_url, |f, v| f.privacy_policy_url = Some(v)) }
                    { text_field("terms-url", "Terms of service link", "Optional; https://…",
                        Field::TermsOfServiceUrl, &f.terms_of_service_url, |f, v| f.terms_of_service_url = Some(v)) }
                    { text_field("return-url", "Back link", "Where “Return to …” in the portal goes; optional; https://…",
                        Field::DefaultReturnUrl, &f.default_return_url, |f, v| f.default_return_url = Some(v)) }
                </fieldset>

                <fieldset class="form-section">
                    <legend>{ "Signing in" }</legend>
                    <label class="check">
                        <input type="checkbox" id="login-page" checked={f.login_page == Some(true)}
                            onchange={on_check(dispatch, |f, on| f.login_page = Some(on))} />
                        { "Sign-in page: a link that never expires, for emails and your website (customers confirm their email)" }
                    </label>
                </fieldset>

                <fieldset class="form-section" aria-describedby="features-problem">
                    <legend>{ "What customers can do" }</legend>
                    <label class="check">
                        <input type="checkbox" id="invoice-history" checked={f.invoice_history == Some(true)}
                            onchange={on_check(dispatch, |f, on| f.invoice_history = Some(on))} />
                        { "See and download their invoices" }
                    </label>
                    <label class="check">
                        <input type="checkbox" id="payment-method-update" checked={f.payment_method_update == Some(true)}
                            onchange={on_check(dispatch, |f, on| f.payment_method_update = Some(on))} />
                        { "Update their card and payment methods" }
                    </label>
                    // Where the box was just unticked; the full rule is beside plan switching.
                    if switching_problem.is_some() {
                        <p class="field-error" id="payment-method-problem" role="alert">
                            { "Switching plans (below) needs this on" }
                        </p>
                    }
                    <p class="field-label">{ "Change their details:" }</p>
                    <div class="check-grid">
                        { for CUSTOMER_FIELDS.iter().map(|(value, label)| html! {
                            <label class="check">
                                <input type="checkbox" id={format!("update-{value}")} checked={has(&f.customer_updates, value)}
                                    onchange={toggle_in(dispatch, |f| &mut f.customer_updates, (*value).to_owned())} />
                                { *label }
                            </label>
                        }) }
                    </div>
                    if let Some(problem) = features_problem {
                        <p class="field-error" id="features-problem" role="alert">{ problem }</p>
                    }
                </fieldset>

                <fieldset class="form-section">
                    <legend>{ "Cancelling" }</legend>
                    <div class="field inline">
                        <label for="cancel-mode">{ "Customers can cancel" }</label>
                        <select id="cancel-mode" onchange={on_select(dispatch, |f, v| f.cancel_mode = Some(v))}>
                            <option value="off" selected={cancel_mode == "off"}>{ "No" }</option>
                            <option value="at_period_end" selected={cancel_mode == "at_period_end"}>{ "At the end of the paid period" }</option>
                            <option value="immediately" selected={cancel_mode == "immediately"}>{ "Immediately" }</option>
                        </select>
                    </div>
                    if cancel_mode == "immediately" {
                        <div class="field inline">
                            <label for="cancel-proration">{ "Unused time" }</label>
                            <select id="cancel-proration" onchange={on_select(dispatch, |f, v| f.cancel_proration = Some(v))}>
                                <option value="none" selected={f.cancel_proration.as_deref() != Some("create_prorations")}>{ "Not refunded" }</option>
                                <option value="create_prorations" selected={f.cancel_proration.as_deref() == Some("create_prorations")}>{ "Credited (prorated)" }</option>
                            </select>
                        </div>
                    }
                    if cancel_mode != "off" {
                        <label class="check">
                            <input type="checkbox" id="cancel-reasons" checked={f.cancel_reasons == Some(true)}
                                onchange={on_check(dispatch, |f, on| f.cancel_reasons = Some(on))} />
                            { "Ask why they cancel" }
                        </label>
                    }
                </fieldset>

                <fieldset class="form-section">
                    <legend>{ "Switching plans" }</legend>
                    <label class="check">
                        <input type="checkbox" id="plan-switching" checked={switching}
                            onchange={on_check(dispatch, |f, on| f.plan_switching = Some(on))} />
                        { "Customers can switch plans" }
                    </label>
                    if let Some(problem) = &switching_problem {
                        <p class="field-error" id="plan-switching-problem">{ problem.clone() }</p>
                    }
                    if switching {
                        <p class="field-label">{ format!("Products to switch between ({chosen_products} of at most {PRODUCTS_MAX}):") }</p>
                        if props.products.is_empty() {
                            <p class="field-help">{ "No products with a recurring price are cached yet. Sync, then come back." }</p>
                        }
                        <div class="check-grid" id="plan-products">
                            { for props.products.iter().map(|p| html! {
                                <label class="check">
                                    <input type="checkbox" class="plan-product" data-id={p.id.clone()} checked={has(&f.plan_products, &p.id)}
                                        onchange={toggle_in(dispatch, |f| &mut f.plan_products, p.id.clone())} />
                                    { &p.name }
                                </label>
                            }) }
                        </div>
                        if let Some(problem) = products_problem {
                            <p class="field-error" id="products-problem" role="alert">{ problem }</p>
                        }
                        <p class="field-label">{ "They may change:" }</p>
                        <div class="check-grid">
                            { for PLAN_UPDATES.iter().map(|(value, label)| html! {
                                <label class="check">
                                    <input type="checkbox" id={format!("plan-update-{value}")} checked={has(&f.plan_updates, value)}
                                        onchange={toggle_in(dispatch, |f| &mut f.plan_updates, (*value).to_owned())} />
                                    { *label }
                                </label>
                            }) }
                        </div>
                        <div class="field inline">
                            <label for="plan-proration">{ "When they switch" }</label>
                            <select id="plan-proration" onchange={on_select(dispatch, |f, v| f.plan_proration = Some(v))}>
                                <option value="create_prorations" selected={f.plan_proration.as_deref() == Some("create_prorations")}>{ "Prorate on the next invoice" }</option>
                                <option value="always_invoice" selected={f.plan_proration.as_deref() == Some("always_invoice")}>{ "Prorate and invoice now" }</option>
                                <option value="none" selected={f.plan_proration.as_deref() == Some("none")}>{ "Don't prorate" }</option>
                            </select>
                        </div>
                        <label class="check">
                            <input type="checkbox" id="schedule-at-period-end" checked={f.schedule_at_period_end == Some(true)}
                                onchange={on_check(dispatch, |f, on| f.schedule_at_period_end = Some(on))} />
                            { "Downgrades wait until the end of the paid period" }
                        </label>
                    }
                </fieldset>

                <label class="check use-it">
                    <input type="checkbox" id="use-it" checked={editor.use_it} onchange={use_it} />
                    { "Use these settings for the portal links Portal Desk opens and emails" }
                </label>
            </>
        }
    };

    html! {
        <Dialog id="configuration-editor" labelled_by="editor-title" class="wide configuration-editor" on_close={escape}>
            <form class="editor-form" id="configuration-form" onsubmit={save} novalidate=true>
                <div class="editor-body">
                    <h2 id="editor-title">{ title }</h2>
                    if let Some(id) = &editor.id {
                        <p class="detail-sub mono" id="editor-id">{ id }</p>
                    }
                    { body }
                </div>
                if let Some(error) = &editor.error {
                    <p class="notice error" role="alert" id="editor-error">{ &error.message }</p>
                }
                if editor.saved {
                    <p class="notice success" role="status" id="editor-saved">
                        { "Saved. Customers see the change the next time they open the portal." }
                    </p>
                }
                <div class="dialog-actions">
                    <button type="button" class="secondary" id="editor-close" onclick={close}>
                        { if editor.saved { "Done" } else { "Cancel" } }
                    </button>
                    <button type="submit" class="primary" id="editor-save"
                        disabled={editor.loading || editor.saving || props.offline || (editor.tried && blocked)}>
                        if editor.saving { <span class="spinner" aria-hidden="true"></span>{ "Saving…" } }
                        else { { "Save" } }
                    </button>
                </div>
            </form>
        </Dialog>
    }
}

/// Scrolls to and focuses the first flagged field of the editor.
fn focus_first_problem() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let selector =
        "#configuration-editor [aria-invalid='true'], #configuration-editor .field-error";
    if let Ok(Some(element)) = document.query_selector(selector) {
        element.scroll_into_view_with_bool(false);
        if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
            let _ = input.focus();
        }
    }
}
