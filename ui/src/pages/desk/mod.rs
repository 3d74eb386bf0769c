//! The main window once a key is saved: the status bar, the banners, the
//! section tabs, and the section on screen (the customer list beside the
//! open customer or the activity feed, the portal configurations, bulk email,
//! settings). It provides the [`DeskContext`] its parts read.
//!
//! - `sync_bar`: the sync's state in the status bar.
//! - `not_configured`: the dialog shown when Stripe has no portal settings.
//! - `keys`: the keyboard shortcuts.

mod keys;
mod not_configured;
mod sync_bar;

use std::cell::RefCell;
use std::rc::Rc;

use portal_ipc::{CustomerPage, ErrorCode, ErrorDto, KeyStatus, Mode, OpenPortalArgs};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::hooks::{DeskContext, Listen, start_sync, use_sync_status, use_window_event};
use crate::ipc;
use crate::pages::activity::ActivityFeed;
use crate::pages::bulk::BulkEmail;
use crate::pages::configurations::Configurations;
use crate::pages::customers::CustomerList;
use crate::pages::detail::Detail;
use crate::pages::email::EmailDialogView;
use crate::pages::settings::Settings;
use crate::state::customers::{CustomersAction, CustomersState};
use crate::state::portal::{Phase, PortalAction, PortalRequest, PortalState};
use crate::state::sync;
use keys::{Shortcuts, use_shortcuts};
use not_configured::NotConfiguredDialog;
use sync_bar::SyncBar;

#[derive(Properties, PartialEq)]
pub struct DeskProps {
    /// The profile on screen.
    pub profile: AttrValue,
    /// Its key's description (mode, account).
    pub account: KeyStatus,
    /// The list's first page, if the window read it ahead.
    #[prop_or_default]
    pub first_page: Option<CustomerPage>,
    /// Open another profile.
    pub on_switch_profile: Callback<String>,
    /// The profile's key was forgotten.
    pub on_forgot_key: Callback<()>,
}

/// The section of the app on screen.
#[derive(Debug, Clone, Copy, PartialEq)]
enum View {
    Customers,
    Configurations,
    BulkEmail,
    Settings,
}

impl View {
    /// Each section with its tab's id.
    const ALL: [(View, &'static str); 4] = [
        (View::Customers, "view-customers"),
        (View::Configurations, "view-configurations"),
        (View::BulkEmail, "view-bulk"),
        (View::Settings, "view-settings"),
    ];

    /// The tab's label.
    fn label(self) -> String {
        match self {
            View::Customers => t!("desk-view-customers"),
            View::Configurations => t!("desk-view-portal-settings"),
            View::BulkEmail => t!("desk-view-bulk-email"),
            View::Settings => t!("desk-view-settings"),
        }
    }
}

/// Which panel fills the right side.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Panel {
    Customer,
    Activity,
}

#[component]
pub fn Desk(props: &DeskProps) -> Html {
    crate::i18n::use_language();
    crate::timing::mark_once("portal-desk:desk-render");
    let profile = props.profile.clone();
    let customers = use_reducer(|| CustomersState::starting_with(props.first_page.clone()));
    let portal = use_reducer(PortalState::default);
    let opened = use_state(|| None::<String>);
    let panel = use_state(|| Panel::Customer);
    let view = use_state(|| View::Customers);
    // Set when the portal was opened; the next focus of the window syncs.
    let visited_portal = use_mut_ref(|| false);
    let search_ref = use_node_ref();

    // The list's counts, from the start.
    {
        let customers = customers.dispatcher();
        use_effect_with(profile.clone(), move |profile| {
            load_counts(profile, &customers)
        });
    }
    // The sync loop: after each sync, the list, the detail, the feed and the
    // counts read again.
    let sync_state = {
        let customers = customers.dispatcher();
        let profile = profile.clone();
        use_sync_status(
            profile.clone(),
            Callback::from(move |()| {
                customers.dispatch(CustomersAction::Reload);
                load_counts(&profile, &customers);
            }),
        )
    };
    let offline = *sync_state.offline;

    // A portal visit ends when the window gets focus back: sync what changed.
    {
        let visited_portal = visited_portal.clone();
        let profile = profile.clone();
        use_window_event(
            Listen::Window,
            "focus",
            Callback::from(move |_: web_sys::Event| {
                if std::mem::take(&mut *visited_portal.borrow_mut()) {
                    start_sync(&profile, false, false);
                }
            }),
        );
    }

    // Runs a portal request for a customer; its outcome shows beside that customer.
    let run_portal = {
        let portal = portal.clone();
        let profile = profile.clone();
        let opened = opened.clone();
        let visited_portal = visited_portal.clone();
        let offline = sync_state.offline.clone();
        Callback::from(move |(customer, request): (String, PortalRequest)| {
            if portal.busy() {
                return;
            }
            opened.set(Some(customer.clone()));
            portal.dispatch(PortalAction::Start(customer.clone(), request.clone()));
            spawn_local(open_portal(
                PortalRun {
                    profile: profile.clone(),
                    portal: portal.dispatcher(),
                    visited_portal: visited_portal.clone(),
                    offline: offline.clone(),
                },
                customer,
                request,
            ));
        })
    };

    let open_customer = {
        let opened = opened.clone();
        let panel = panel.clone();
        Callback::from(move |id: String| {
            opened.set(Some(id));
            panel.set(Panel::Customer);
        })
    };

    use_shortcuts(Shortcuts {
        customers: customers.clone(),
        search_ref: search_ref.clone(),
        view: view.clone(),
        opened: opened.clone(),
        open_customer: open_customer.clone(),
        run_portal: run_portal.clone(),
    });

    let sync_now = {
        let profile = profile.clone();
        let status = sync_state.status.clone();
        Callback::from(move |_: MouseEvent| {
            start_sync(&profile, sync::sync_now_is_full(status.as_ref()), false);
        })
    };
    let show_activity = {
        let panel = panel.clone();
        Callback::from(move |_: MouseEvent| {
            panel.set(if *panel == Panel::Activity {
                Panel::Customer
            } else {
                Panel::Activity
            })
        })
    };

    // A cleared cache: the list empties now, and the sync loop reads everything again.
    let on_cleared = {
        let customers = customers.dispatcher();
        let profile = profile.clone();
        let opened = opened.clone();
        Callback::from(move |()| {
            opened.set(None);
            customers.dispatch(CustomersAction::Reload);
            load_counts(&profile, &customers);
        })
    };

    let test_mode = props.account.mode == Mode::Test;
    let business = props
        .account
        .business_name
        .clone()
        .unwrap_or_else(|| t!("desk-profile-name", profile = props.profile.as_str()));

    let right = match (*panel, &*opened) {
        (Panel::Activity, _) => html! {
            <ActivityFeed version={sync_state.version} on_open={open_customer.clone()} />
        },
        (Panel::Customer, Some(id)) => {
            let phase = portal.phase_for(id).clone();
            let busy = portal.busy_for(id).cloned();
            let id_for_actions = id.clone();
            let on_request = run_portal.reform(move |request| (id_for_actions.clone(), request));
            let on_email = {
                let portal = portal.dispatcher();
                let id = id.clone();
                Callback::from(move |purpose| {
                    portal.dispatch(PortalAction::EmailOpen(id.clone(), purpose))
                })
            };
            let on_dismiss = {
                let portal = portal.dispatcher();
                Callback::from(move |_| portal.dispatch(PortalAction::Dismiss))
            };
            html! {
                <Detail customer={AttrValue::from(id.clone())}
                    version={sync_state.version} {phase} {busy}
                    custom_domain={portal.custom_domain.clone()}
                    {on_request} {on_email} {on_dismiss} />
            }
        }
        (Panel::Customer, None) => html! {
            <div class="empty-detail">
                <p>{ t!("desk-choose-customer") }</p>
                <p class="help">{ t!("desk-shortcuts") }</p>
            </div>
        },
    };

    let section = match *view {
        View::Customers => html! {
            <main class="workspace">
                <CustomerList state={customers.clone()}
                    search_ref={search_ref.clone()} opened={(*opened).clone()}
                    busy={portal.customer.clone().filter(|_| portal.busy())}
                    first_sync={sync::is_first_sync(sync_state.status.as_ref())}
                    progress={sync_state.status.as_ref().and_then(|s| s.running.clone())}
                    on_open={open_customer.clone()}
                    on_portal={run_portal.reform(|id: String| (id, PortalRequest::Open(None)))} />
                <section class="detail-pane" aria-label={t!("desk-customer-pane")} tabindex="0">{ right }</section>
            </main>
        },
        View::Configurations => html! {
            <main class="page-scroll"><Configurations /></main>
        },
        View::BulkEmail => html! {
            <main class="page-scroll"><BulkEmail /></main>
        },
        View::Settings => html! {
            <main class="page-scroll">
                <Settings on_switch={props.on_switch_profile.clone()}
                    on_forgot={props.on_forgot_key.clone()} on_cleared={on_cleared} />
            </main>
        },
    };

    let not_configured = match &portal.phase {
        Phase::NotConfigured(_) => {
            let customer = portal.customer.clone().unwrap_or_default();
            html! {
                <NotConfiguredDialog
                    on_close={{ let portal = portal.dispatcher(); Callback::from(move |_| portal.dispatch(PortalAction::Dismiss)) }}
                    on_created={{
                        let run_portal = run_portal.clone();
                        let portal = portal.dispatcher();
                        Callback::from(move |_| {
                            portal.dispatch(PortalAction::Dismiss);
                            run_portal.emit((customer.clone(), PortalRequest::Open(None)));
                        })
                    }} />
            }
        }
        _ => html! {},
    };
    let email = match (&portal.email, &portal.customer) {
        (Some(dialog), Some(customer)) => html! {
            <EmailDialogView customer={AttrValue::from(customer.clone())}
                dialog={dialog.clone()} dispatch={portal.dispatcher()} />
        },
        _ => html! {},
    };

    let context = DeskContext {
        profile: profile.clone(),
        offline,
        mode: props.account.mode,
    };
    html! {
        <ContextProvider<DeskContext> {context}>
        <div class="desk">
            if test_mode {
                <div class="test-banner" id="test-mode-banner" role="status">
                    <strong>{ t!("desk-test-mode") }</strong>
                    { format!(" · {}", t!("desk-test-mode-note")) }
                </div>
            }
            <header class="topbar">
                <img class="topbar-logo" src="icon.png" alt="" width="28" height="28" />
                <span class="topbar-name">{ "Portal Desk" }</span>
                <span class="topbar-business" id="business-name">{ business }</span>
                <SyncBar status={sync_state.status.clone()} on_sync={sync_now} />
                if *view == View::Customers {
                    <button type="button" class={classes!("secondary", "small", "feed-toggle", (*panel == Panel::Activity).then_some("pressed"))}
                        id="show-activity" aria-pressed={(*panel == Panel::Activity).to_string()} onclick={show_activity}>
                        { t!("desk-activity") }
                    </button>
                }
            </header>
            <nav class="views" aria-label={t!("desk-sections")}>
                { for View::ALL.into_iter().map(|(target, id)| {
                    let view = view.clone();
                    let current = *view == target;
                    html! {
                        <button type="button" class={classes!("view-tab", current.then_some("current"))} id={id}
                            aria-current={current.then_some("page")} onclick={Callback::from(move |_| view.set(target))}>
                            { target.label() }
                        </button>
                    }
                }) }
            </nav>
            if offline {
                <div class="offline-banner" id="offline-banner" role="alert">
                    <strong>{ t!("desk-offline") }</strong>
                    { format!(" · {}", t!("desk-offline-note")) }
                </div>
            }
            { section }
            { not_configured }
            { email }
        </div>
        </ContextProvider<DeskContext>>
    }
}

/// What a portal request needs beside its customer and what it asks.
struct PortalRun {
    profile: AttrValue,
    portal: UseReducerDispatcher<PortalState>,
    visited_portal: Rc<RefCell<bool>>,
    offline: UseStateHandle<bool>,
}

/// Opens `customer`'s portal, or copies a link to it, and says how it went.
async fn open_portal(run: PortalRun, customer: String, request: PortalRequest) {
    let PortalRun {
        profile,
        portal,
        visited_portal,
        offline,
    } = run;
    let (flow, open) = match &request {
        PortalRequest::Open(flow) => (flow.clone(), true),
        PortalRequest::Copy => (None, false),
    };
    let args = OpenPortalArgs {
        profile: profile.to_string(),
        customer,
        flow,
        subscription: None,
        after_completion: None,
        return_url: None,
        locale: None,
        open,
    };
    match ipc::open_portal(&args).await {
        Ok(link) if open => {
            *visited_portal.borrow_mut() = true;
            offline.set(false);
            if link.opened {
                portal.dispatch(PortalAction::Opened(link.custom_domain.clone()));
            } else {
                portal.dispatch(PortalAction::Failed(ErrorDto::new(
                    ErrorCode::Internal,
                    t!("desk-portal-not-opened"),
                )));
            }
        }
        Ok(link) => {
            offline.set(false);
            portal.dispatch(PortalAction::Link(
                link.url.clone(),
                link.custom_domain.clone(),
            ));
            if copy_to_clipboard(&link.url).await {
                portal.dispatch(PortalAction::Copied);
            }
        }
        Err(error) => {
            if error.code == ErrorCode::Offline {
                offline.set(true);
            }
            portal.dispatch(PortalAction::Failed(error));
        }
    }
}

fn load_counts(profile: &str, customers: &UseReducerDispatcher<CustomersState>) {
    let profile = profile.to_owned();
    let customers = customers.clone();
    spawn_local(async move {
        if let Ok(counts) = ipc::count_customers(&profile).await {
            customers.dispatch(CustomersAction::Counts(counts));
        }
    });
}

async fn copy_to_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
