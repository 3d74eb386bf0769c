//! The portal buttons above a customer: Open portal with its deep links,
//! Email portal link and Copy link, and the outcome of the last one.

use portal_ipc::{EmailPurpose, PortalFlow};
use yew::prelude::*;

use crate::hooks::use_desk;
use crate::state::portal::{Phase, PortalRequest};

#[derive(Properties, PartialEq)]
pub struct PortalButtonsProps {
    pub phase: Phase,
    pub busy: Option<PortalRequest>,
    pub custom_domain: Option<String>,
    pub has_subscription: bool,
    pub has_email: bool,
    pub on_request: Callback<PortalRequest>,
    pub on_email: Callback<EmailPurpose>,
    pub on_dismiss: Callback<()>,
}

/// Open portal (with its deep links), Email portal link and Copy link, with
/// the outcome in place.
#[component]
pub fn PortalButtons(props: &PortalButtonsProps) -> Html {
    crate::i18n::use_language();
    let desk = use_desk();
    let menu_open = use_state(|| false);
    let busy = props.busy.is_some();
    let disabled = desk.offline || busy;
    let on_domain = props
        .custom_domain
        .as_ref()
        .map(|domain| t!("customers-portal-domain", domain = domain));
    let why = if desk.offline {
        Some(t!("customers-portal-offline"))
    } else {
        on_domain
    };
    let where_it_opens = props.custom_domain.as_ref().map(|domain| {
        html! { <p class="field-help" id="portal-domain">{ t!("customers-portal-domain-help", domain = domain) }</p> }
    });
    let open = {
        let on_request = props.on_request.clone();
        Callback::from(move |_: MouseEvent| on_request.emit(PortalRequest::Open(None)))
    };
    let toggle_menu = {
        let menu_open = menu_open.clone();
        Callback::from(move |_: MouseEvent| menu_open.set(!*menu_open))
    };
    let close_menu_on_escape = {
        let menu_open = menu_open.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" && *menu_open {
                event.stop_propagation();
                menu_open.set(false);
            }
        })
    };
    let copy = {
        let on_request = props.on_request.clone();
        Callback::from(move |_: MouseEvent| on_request.emit(PortalRequest::Copy))
    };
    let email = props.on_email.reform(|_: MouseEvent| EmailPurpose::Portal);
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());

    let outcome = match &props.phase {
        Phase::Opened => html! {
            <p class="notice success" role="status" id="portal-outcome">
                { t!("customers-portal-opened") }
                { for where_it_opens.clone() }
            </p>
        },
        Phase::Link(url, copied) => html! {
            <div class="notice info" role="status" id="portal-outcome">
                <p>{ if *copied { t!("customers-link-copied") } else { t!("customers-link-copy") } }</p>
                <input class="link-field" id="portal-link" readonly=true value={url.clone()} aria-label={t!("customers-portal-link")} />
                { for where_it_opens.clone() }
            </div>
        },
        Phase::Failed(error) => html! {
            <div class="notice error" role="alert" id="portal-error">
                <p>{ &error.message }</p>
                <button type="button" class="secondary small" onclick={dismiss}>{ t!("customers-dismiss") }</button>
            </div>
        },
        _ => html! {},
    };

    html! {
        <>
        <div class="portal-actions">
            <div class="split" onkeydown={close_menu_on_escape}>
                <button type="button" class="primary" id="open-portal" onclick={open} {disabled} title={why.clone()}>
                    if props.busy == Some(PortalRequest::Open(None)) {
                        <span class="spinner" aria-hidden="true"></span>{ t!("customers-opening") }
                    } else { { t!("customers-open-portal") } }
                </button>
                <button type="button" class="primary menu-toggle" id="deep-links" onclick={toggle_menu}
                    aria-haspopup="menu" aria-expanded={menu_open.to_string()} aria-label={t!("customers-more-links")} {disabled} title={why.clone()}>
                    { "▾" }
                </button>
                if *menu_open && !disabled {
                    <ul class="menu" role="menu">
                        { for deep_links().into_iter().map(|(id, label, flow)| {
                            let needs_subscription = !matches!(flow, PortalFlow::PaymentMethodUpdate);
                            let on_request = props.on_request.clone();
                            let menu_open = menu_open.clone();
                            let blocked = needs_subscription && !props.has_subscription;
                            let onclick = Callback::from(move |_: MouseEvent| {
                                menu_open.set(false);
                                on_request.emit(PortalRequest::Open(Some(flow.clone())));
                            });
                            html! {
                                <li role="none">
                                    <button type="button" role="menuitem" id={format!("flow-{id}")} {onclick} disabled={blocked}
                                        title={ blocked.then(|| t!("customers-needs-subscription")) }>{ label }</button>
                                </li>
                            }
                        }) }
                    </ul>
                }
            </div>
            <button type="button" class="secondary" id="email-link" onclick={email} disabled={desk.offline || !props.has_email}
                title={ if !props.has_email { Some(t!("customers-no-email-address")) } else { why.clone() } }>{ t!("customers-email-link") }</button>
            <button type="button" class="secondary" id="copy-link" onclick={copy} {disabled} title={why}>
                if props.busy == Some(PortalRequest::Copy) { <span class="spinner" aria-hidden="true"></span> }
                { t!("customers-copy-link") }
            </button>
            if let Some(PortalRequest::Open(Some(_))) = &props.busy {
                <span class="muted"><span class="spinner" aria-hidden="true"></span>{ format!(" {}", t!("customers-opening")) }</span>
            }
        </div>
        <div class="portal-outcome">{ outcome }</div>
        </>
    }
}

/// The deep links offered beside "Open portal": id, label and flow.
fn deep_links() -> [(&'static str, String, PortalFlow); 3] {
    [
        (
            "update-card",
            t!("desk-flow-update-card"),
            PortalFlow::PaymentMethodUpdate,
        ),
        (
            "cancel",
            t!("desk-flow-cancel-subscription"),
            PortalFlow::SubscriptionCancel {
                retention_coupon: None,
            },
        ),
        (
            "change-plan",
            t!("desk-flow-change-plan"),
            PortalFlow::SubscriptionUpdate,
        ),
    ]
}
