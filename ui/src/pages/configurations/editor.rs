//! The editor of one configuration: every field, its problem beside it as
//! it is typed, and Save.

use std::rc::Rc;

use portal_ipc::{ConfigurationFields, SaveConfigurationArgs};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::hooks::use_desk;
use crate::ipc;
use crate::pages::dialog::Dialog;
use crate::state::configurations::{
    ConfigurationsAction, ConfigurationsState, Editor, Field, HEADLINE_MAX, PRODUCTS_MAX,
};

/// A label, read in the window's language when it is shown.
type Label = fn() -> String;

/// Customer details the portal may let customers change, with their labels.
const CUSTOMER_FIELDS: [(&str, Label); 6] = [
    ("email", || t!("configurations-field-email")),
    ("address", || t!("configurations-field-address")),
    ("phone", || t!("configurations-field-phone")),
    ("name", || t!("configurations-field-name")),
    ("shipping", || t!("configurations-field-shipping")),
    ("tax_id", || t!("configurations-field-tax-id")),
];
const PLAN_UPDATES: [(&str, Label); 3] = [
    ("price", || t!("configurations-plan-update-price")),
    ("quantity", || t!("configurations-plan-update-quantity")),
    ("promotion_code", || {
        t!("configurations-plan-update-promotion-code")
    }),
];

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub editor: Editor,
    pub products: Vec<portal_ipc::ProductOption>,
    pub dispatch: UseReducerDispatcher<ConfigurationsState>,
}

/// A callback that applies `change` with the value of a text field.
fn on_text(
    dispatch: &UseReducerDispatcher<ConfigurationsState>,
    change: fn(&mut ConfigurationFields, String),
) -> Callback<InputEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: InputEvent| {
        let value = e.target_unchecked_into::<HtmlInputElement>().value();
        dispatch.dispatch(ConfigurationsAction::Change(Rc::new(move |f| {
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
        dispatch.dispatch(ConfigurationsAction::Change(Rc::new(move |f| {
            change(f, on)
        })));
    })
}

fn on_select(
    dispatch: &UseReducerDispatcher<ConfigurationsState>,
    change: fn(&mut ConfigurationFields, String),
) -> Callback<Event> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        dispatch.dispatch(ConfigurationsAction::Change(Rc::new(move |f| {
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
        dispatch.dispatch(ConfigurationsAction::Change(Rc::new(move |f| {
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
pub fn ConfigurationEditor(props: &EditorProps) -> Html {
    crate::i18n::use_language();
    let desk = use_desk();
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
                      label: String,
                      help: String,
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
        let profile = desk.profile.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.dispatch(ConfigurationsAction::Saving);
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
                dispatch.dispatch(ConfigurationsAction::Saved(
                    ipc::save_configuration(&args).await,
                ));
            });
        })
    };
    let escape = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| dispatch.dispatch(ConfigurationsAction::Close))
    };
    let close = escape.reform(|_: MouseEvent| ());
    let use_it = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            dispatch.dispatch(ConfigurationsAction::UseIt(on));
        })
    };

    let title = match &editor.id {
        Some(_) => t!("configurations-edit-title"),
        None => t!("configurations-new"),
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
        html! { <p class="loading" aria-busy="true">{ t!("configurations-loading-editor") }</p> }
    } else {
        html! {
            <>
                <fieldset class="form-section">
                    <legend>{ t!("configurations-section-business") }</legend>
                    { text_field("headline", t!("configurations-headline-label"), t!("configurations-headline-help"),
                        Field::Headline, &f.headline, |f, v| f.headline = Some(v)) }
                    <p class={classes!("counter", (headline_count > HEADLINE_MAX).then_some("over"))} id="headline-count">
                        { format!("{headline_count} / {HEADLINE_MAX}") }
                    </p>
                    { text_field("privacy-url", t!("configurations-privacy-label"), t!("configurations-link-help"),
                        Field::PrivacyPolicyUrl, &f.privacy_policy_url, |f, v| f.privacy_policy_url = Some(v)) }
                    { text_field("terms-url", t!("configurations-terms-label"), t!("configurations-link-help"),
                        Field::TermsOfServiceUrl, &f.terms_of_service_url, |f, v| f.terms_of_service_url = Some(v)) }
                    { text_field("return-url", t!("configurations-return-label"), t!("configurations-return-help"),
                        Field::DefaultReturnUrl, &f.default_return_url, |f, v| f.default_return_url = Some(v)) }
                </fieldset>

                <fieldset class="form-section">
                    <legend>{ t!("configurations-section-signing-in") }</legend>
                    <label class="check">
                        <input type="checkbox" id="login-page" checked={f.login_page == Some(true)}
                            onchange={on_check(dispatch, |f, on| f.login_page = Some(on))} />
                        { t!("configurations-login-page") }
                    </label>
                </fieldset>

                <fieldset class="form-section" aria-describedby="features-problem">
                    <legend>{ t!("configurations-section-features") }</legend>
                    <label class="check">
                        <input type="checkbox" id="invoice-history" checked={f.invoice_history == Some(true)}
                            onchange={on_check(dispatch, |f, on| f.invoice_history = Some(on))} />
                        { t!("configurations-invoice-history") }
                    </label>
                    <label class="check">
                        <input type="checkbox" id="payment-method-update" checked={f.payment_method_update == Some(true)}
                            onchange={on_check(dispatch, |f, on| f.payment_method_update = Some(on))} />
                        { t!("configurations-payment-method-update") }
                    </label>
                    // Where the box was just unticked; the full rule is beside plan switching.
                    if switching_problem.is_some() {
                        <p class="field-error" id="payment-method-problem" role="alert">
                            { t!("configurations-payment-method-needed") }
                        </p>
                    }
                    <p class="field-label">{ t!("configurations-customer-updates") }</p>
                    <div class="check-grid">
                        { for CUSTOMER_FIELDS.iter().map(|(value, label)| html! {
                            <label class="check">
                                <input type="checkbox" id={format!("update-{value}")} checked={has(&f.customer_updates, value)}
                                    onchange={toggle_in(dispatch, |f| &mut f.customer_updates, (*value).to_owned())} />
                                { label() }
                            </label>
                        }) }
                    </div>
                    if let Some(problem) = features_problem {
                        <p class="field-error" id="features-problem" role="alert">{ problem }</p>
                    }
                </fieldset>

                <fieldset class="form-section">
                    <legend>{ t!("configurations-section-cancelling") }</legend>
                    <div class="field inline">
                        <label for="cancel-mode">{ t!("configurations-cancel-mode") }</label>
                        <select id="cancel-mode" onchange={on_select(dispatch, |f, v| f.cancel_mode = Some(v))}>
                            <option value="off" selected={cancel_mode == "off"}>{ t!("configurations-cancel-off") }</option>
                            <option value="at_period_end" selected={cancel_mode == "at_period_end"}>{ t!("configurations-cancel-at-period-end") }</option>
                            <option value="immediately" selected={cancel_mode == "immediately"}>{ t!("configurations-cancel-immediately") }</option>
                        </select>
                    </div>
                    if cancel_mode == "immediately" {
                        <div class="field inline">
                            <label for="cancel-proration">{ t!("configurations-cancel-proration") }</label>
                            <select id="cancel-proration" onchange={on_select(dispatch, |f, v| f.cancel_proration = Some(v))}>
                                <option value="none" selected={f.cancel_proration.as_deref() != Some("create_prorations")}>{ t!("configurations-cancel-proration-none") }</option>
                                <option value="create_prorations" selected={f.cancel_proration.as_deref() == Some("create_prorations")}>{ t!("configurations-cancel-proration-credit") }</option>
                            </select>
                        </div>
                    }
                    if cancel_mode != "off" {
                        <label class="check">
                            <input type="checkbox" id="cancel-reasons" checked={f.cancel_reasons == Some(true)}
                                onchange={on_check(dispatch, |f, on| f.cancel_reasons = Some(on))} />
                            { t!("configurations-cancel-reasons") }
                        </label>
                    }
                </fieldset>

                <fieldset class="form-section">
                    <legend>{ t!("configurations-section-switching") }</legend>
                    <label class="check">
                        <input type="checkbox" id="plan-switching" checked={switching}
                            onchange={on_check(dispatch, |f, on| f.plan_switching = Some(on))} />
                        { t!("configurations-plan-switching") }
                    </label>
                    if let Some(problem) = &switching_problem {
                        <p class="field-error" id="plan-switching-problem">{ problem.clone() }</p>
                    }
                    if switching {
                        <p class="field-label">{ t!("configurations-plan-products", count = chosen_products, max = PRODUCTS_MAX) }</p>
                        if props.products.is_empty() {
                            <p class="field-help">{ t!("configurations-no-products") }</p>
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
                        <p class="field-label">{ t!("configurations-plan-updates") }</p>
                        <div class="check-grid">
                            { for PLAN_UPDATES.iter().map(|(value, label)| html! {
                                <label class="check">
                                    <input type="checkbox" id={format!("plan-update-{value}")} checked={has(&f.plan_updates, value)}
                                        onchange={toggle_in(dispatch, |f| &mut f.plan_updates, (*value).to_owned())} />
                                    { label() }
                                </label>
                            }) }
                        </div>
                        <div class="field inline">
                            <label for="plan-proration">{ t!("configurations-plan-proration") }</label>
                            <select id="plan-proration" onchange={on_select(dispatch, |f, v| f.plan_proration = Some(v))}>
                                <option value="create_prorations" selected={f.plan_proration.as_deref() == Some("create_prorations")}>{ t!("configurations-plan-proration-create") }</option>
                                <option value="always_invoice" selected={f.plan_proration.as_deref() == Some("always_invoice")}>{ t!("configurations-plan-proration-always") }</option>
                                <option value="none" selected={f.plan_proration.as_deref() == Some("none")}>{ t!("configurations-plan-proration-none") }</option>
                            </select>
                        </div>
                        <label class="check">
                            <input type="checkbox" id="schedule-at-period-end" checked={f.schedule_at_period_end == Some(true)}
                                onchange={on_check(dispatch, |f, on| f.schedule_at_period_end = Some(on))} />
                            { t!("configurations-schedule-at-period-end") }
                        </label>
                    }
                </fieldset>

                <label class="check use-it">
                    <input type="checkbox" id="use-it" checked={editor.use_it} onchange={use_it} />
                    { t!("configurations-use-it") }
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
                        { t!("configurations-saved") }
                    </p>
                }
                <div class="dialog-actions">
                    <button type="button" class="secondary" id="editor-close" onclick={close}>
                        { if editor.saved { t!("configurations-done") } else { t!("configurations-cancel") } }
                    </button>
                    <button type="submit" class="primary" id="editor-save"
                        disabled={editor.loading || editor.saving || desk.offline || (editor.tried && blocked)}>
                        if editor.saving { <span class="spinner" aria-hidden="true"></span>{ t!("configurations-saving") } }
                        else { { t!("configurations-save") } }
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
