//! Stripe has no portal settings yet: the dialog that creates the
//! recommended ones, or opens the Dashboard's page for them.

use portal_ipc::DashboardPage;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::hooks::use_desk;
use crate::ipc;
use crate::pages::dialog::Dialog;

#[derive(Properties, PartialEq)]
pub struct NotConfiguredProps {
    pub on_close: Callback<()>,
    /// The settings were created: the portal can open now.
    pub on_created: Callback<()>,
}

/// Stripe has no portal settings yet: create them here, or in the Dashboard.
#[component]
pub fn NotConfiguredDialog(props: &NotConfiguredProps) -> Html {
    crate::i18n::use_language();
    let desk = use_desk();
    let creating = use_state(|| false);
    let error = use_state(|| None::<String>);
    let create = {
        let creating = creating.clone();
        let error = error.clone();
        let profile = desk.profile.clone();
        let on_created = props.on_created.clone();
        Callback::from(move |_: MouseEvent| {
            if *creating {
                return;
            }
            creating.set(true);
            let creating = creating.clone();
            let error = error.clone();
            let profile = profile.clone();
            let on_created = on_created.clone();
            spawn_local(async move {
                match ipc::create_recommended_configuration(&profile).await {
                    Ok(_) => on_created.emit(()),
                    Err(e) => {
                        error.set(Some(e.message));
                        creating.set(false);
                    }
                }
            });
        })
    };
    let mode = desk.mode;
    let open_settings = Callback::from(move |_: MouseEvent| {
        spawn_local(async move {
            let _ = ipc::open_dashboard(DashboardPage::PortalSettings { mode }).await;
        });
    });
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <Dialog id="not-configured" labelled_by="not-configured-title" on_close={props.on_close.clone()}>
                <h2 id="not-configured-title">{ t!("desk-setup-portal-title") }</h2>
                <p>{ t!("desk-setup-portal-body") }</p>
                if let Some(message) = &*error {
                    <p class="notice error" role="alert">{ message }</p>
                }
                <div class="dialog-actions">
                    <button type="button" class="secondary" onclick={close}>{ t!("desk-cancel") }</button>
                    <button type="button" class="secondary" id="open-portal-settings" onclick={open_settings}>{ t!("desk-open-stripe-settings") }</button>
                    <button type="button" class="primary" id="create-configuration" onclick={create} disabled={*creating}>
                        if *creating { <span class="spinner" aria-hidden="true"></span>{ t!("desk-creating") } }
                        else { { t!("desk-create-settings") } }
                    </button>
                </div>
        </Dialog>
    }
}
