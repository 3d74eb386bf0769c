//! "Email portal link": a preview of the email, the choice of link, and send.

use portal_ipc::{EmailArgs, EmailDelivery, EmailLink, EmailPurpose};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::hooks::use_desk;
use crate::ipc;
use crate::pages::dialog::Dialog;
use crate::state::portal::{EmailDialog, PortalAction, PortalState};

#[derive(Properties, PartialEq)]
pub struct EmailDialogProps {
    pub customer: AttrValue,
    pub dialog: EmailDialog,
    pub dispatch: UseReducerDispatcher<PortalState>,
}

#[component]
pub fn EmailDialogView(props: &EmailDialogProps) -> Html {
    crate::i18n::use_language();
    let desk = use_desk();
    let args = || EmailArgs {
        profile: desk.profile.to_string(),
        customer: props.customer.to_string(),
        link: props.dialog.link,
        enable_login_page: props.dialog.enable_login_page,
        purpose: props.dialog.purpose,
    };

    // Load the preview whenever the link kind changes.
    {
        let dispatch = props.dispatch.clone();
        let args = args();
        let deps = (
            props.customer.clone(),
            props.dialog.link,
            props.dialog.enable_login_page,
            props.dialog.purpose,
        );
        use_effect_with(deps, move |_| {
            spawn_local(async move {
                match ipc::preview_email(&args).await {
                    Ok(draft) => dispatch.dispatch(PortalAction::EmailDraft(draft)),
                    Err(error) => dispatch.dispatch(PortalAction::EmailDone(Err(error))),
                }
            });
        });
    }

    let send = {
        let dispatch = props.dispatch.clone();
        let args = args();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(PortalAction::EmailSending);
            let dispatch = dispatch.clone();
            let args = args.clone();
            spawn_local(async move {
                let outcome = ipc::send_email(&args).await.map(|delivery| match delivery {
                    EmailDelivery::Smtp => t!("portal-email-sent"),
                    EmailDelivery::Mailto { .. } => t!("portal-email-mail-app"),
                });
                dispatch.dispatch(PortalAction::EmailDone(outcome));
            });
        })
    };
    let choose = |link: EmailLink| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: Event| dispatch.dispatch(PortalAction::EmailLink(link)))
    };
    let enable_login_page = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(PortalAction::EmailEnableLoginPage))
    };
    let close = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(PortalAction::EmailClose))
    };
    let escape = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |()| dispatch.dispatch(PortalAction::EmailClose))
    };

    let dialog = &props.dialog;
    let (title, direct) = match dialog.purpose {
        EmailPurpose::Portal => (t!("portal-email-title"), t!("portal-email-direct-link")),
        EmailPurpose::UpdateCard => (
            t!("portal-email-card-title"),
            t!("portal-email-card-direct-link"),
        ),
    };
    let sent = matches!(dialog.outcome, Some(Ok(_)));
    let outcome = match &dialog.outcome {
        Some(Ok(message)) => {
            html! { <p class="notice success" role="status" id="email-outcome">{ message }</p> }
        }
        Some(Err(_)) if dialog.needs_login_page => html! {
            <p class="notice info" role="status" id="email-error">
                { t!("portal-email-login-page-off") }
            </p>
        },
        Some(Err(error)) => {
            html! { <p class="notice error" role="alert" id="email-error">{ &error.message }</p> }
        }
        None => html! {},
    };
    html! {
        <Dialog id="email-dialog" labelled_by="email-title" class="wide" on_close={escape}>
                <h2 id="email-title">{ title }</h2>
                <fieldset class="link-choice">
                    <legend>{ t!("portal-which-link") }</legend>
                    <label>
                        <input type="radio" name="link" id="link-login" checked={dialog.link == EmailLink::Login} onchange={choose(EmailLink::Login)} />
                        { t!("portal-email-login-link") }
                    </label>
                    <label>
                        <input type="radio" name="link" id="link-session" checked={dialog.link == EmailLink::Session} onchange={choose(EmailLink::Session)} />
                        { direct }
                    </label>
                </fieldset>
                if let Some(draft) = &dialog.draft {
                    <div class="email-preview" id="email-preview">
                        <p><span class="muted">{ t!("portal-email-to") }{ " " }</span><span id="email-to">{ draft.to_name.clone().map(|n| format!("{n} <{}>", draft.to)).unwrap_or_else(|| draft.to.clone()) }</span></p>
                        <p><span class="muted">{ t!("portal-email-subject") }{ " " }</span><span id="email-subject">{ &draft.subject }</span></p>
                        <p class="muted email-language" id="email-language">{ language_reason(draft) }</p>
                        <pre id="email-body" tabindex="0" role="region" aria-label={t!("portal-email-body")}>{ &draft.body }</pre>
                        if let Some(domain) = &draft.custom_domain {
                            <p class="field-help" id="email-domain">{ t!("portal-email-custom-domain", domain = domain) }</p>
                        }
                    </div>
                } else if dialog.busy {
                    <p class="loading" aria-busy="true">{ t!("portal-email-preparing") }</p>
                }
                { outcome }
                <div class="dialog-actions">
                    <button type="button" class="secondary" id="email-close" onclick={close}>{ if sent { t!("portal-email-done") } else { t!("portal-email-cancel") } }</button>
                    if dialog.needs_login_page {
                        <button type="button" class="primary" id="enable-login-page" onclick={enable_login_page} disabled={dialog.busy}>
                            { t!("portal-turn-on-login-page") }
                        </button>
                    } else if !sent {
                        <button type="button" class="primary" id="email-send" onclick={send} disabled={dialog.busy || dialog.draft.is_none()}>
                            if dialog.busy && dialog.draft.is_some() { <span class="spinner" aria-hidden="true"></span>{ t!("portal-email-sending") } }
                            else { { t!("portal-email-send") } }
                        </button>
                    }
                </div>
        </Dialog>
    }
}

/// Which language the email is in, and why: the customer's own preference
/// in Stripe, or the app's language when Stripe knows none it speaks.
fn language_reason(draft: &portal_ipc::EmailDraft) -> String {
    let language = t!("common-language-name", tag = draft.language.tag());
    match &draft.chosen_by {
        Some(locale) => t!(
            "portal-email-language-customer",
            language = language.as_str(),
            locale = locale.as_str()
        ),
        None => t!(
            "portal-email-language-fallback",
            language = language.as_str()
        ),
    }
}
