//! The main window once a key is saved: the status bar, the banners, the
//! customer list beside the open customer, and the activity feed.

use std::time::Duration;

use portal_ipc::{
    CustomerPage, DashboardPage, ErrorCode, ErrorDto, KeyStatus, Mode, OpenPortalArgs, PortalFlow,
    SyncStatus,
};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::platform::spawn_local;
use yew::platform::time::sleep;
use yew::prelude::*;

use crate::format;
use crate::hooks::{Listen, start_sync, use_sync_status, use_window_event};
use crate::ipc;
use crate::pages::activity::ActivityFeed;
use crate::pages::bulk::BulkEmail;
use crate::pages::configurations::Configurations;
use crate::pages::customers::CustomerList;
use crate::pages::detail::Detail;
use crate::pages::dialog::Dialog;
use crate::pages::email::EmailDialogView;
use crate::pages::settings::Settings;
use crate::state::customers::{CustomersAction, CustomersState};
use crate::state::portal::{Phase, PortalAction, PortalMsg, PortalState};
use crate::state::sync;

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
    let sync = {
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
    let offline_seen = sync.offline.clone();

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

    let offline = *offline_seen;

    // Runs a portal action for a customer; its outcome shows beside that customer.
    let run_portal = {
        let portal = portal.clone();
        let profile = profile.clone();
        let opened = opened.clone();
        let visited_portal = visited_portal.clone();
        let offline_seen = offline_seen.clone();
        Callback::from(move |(customer, action): (String, PortalAction)| {
            if portal.busy() {
                return;
            }
            opened.set(Some(customer.clone()));
            portal.dispatch(PortalMsg::Start(customer.clone(), action.clone()));
            let portal = portal.dispatcher();
            let profile = profile.clone();
            let visited_portal = visited_portal.clone();
            let offline_seen = offline_seen.clone();
            spawn_local(async move {
                let (flow, open) = match &action {
                    PortalAction::Open(flow) => (flow.clone(), true),
                    PortalAction::Copy => (None, false),
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
                        offline_seen.set(false);
                        if link.opened {
                            portal.dispatch(PortalMsg::Opened(link.custom_domain.clone()));
                        } else {
                            portal.dispatch(PortalMsg::Failed(ErrorDto::new(
                                ErrorCode::Internal,
                                t!("desk-portal-not-opened"),
                            )));
                        }
                    }
                    Ok(link) => {
                        offline_seen.set(false);
                        portal.dispatch(PortalMsg::Link(
                            link.url.clone(),
                            link.custom_domain.clone(),
                        ));
                        if copy_to_clipboard(&link.url).await {
                            portal.dispatch(PortalMsg::Copied);
                        }
                    }
                    Err(error) => {
                        if error.code == ErrorCode::Offline {
                            offline_seen.set(true);
                        }
                        portal.dispatch(PortalMsg::Failed(error));
                    }
                }
            });
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

    // Keyboard: Ctrl/Cmd+K or "/" to search, arrows to move, Enter to open,
    // Ctrl/Cmd+Enter to open the portal. One document listener calls the
    // handler of the latest render.
    let on_key = {
        let customers = customers.clone();
        let search_ref = search_ref.clone();
        let open_customer = open_customer.clone();
        let run_portal = run_portal.clone();
        let opened = opened.clone();
        let view = view.clone();
        Callback::from(move |event: KeyboardEvent| {
            // The desk's keys are for the list: a focused control (Enter on a
            // button presses it) and an open dialog or menu keep theirs.
            let target = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let in_text = target
                .as_ref()
                .and_then(|el| el.closest(OWN_KEYS).ok().flatten())
                .is_some_and(|el| el.id() != "search");
            // The focused detail pane scrolls with the arrows.
            let in_pane = target
                .as_ref()
                .is_some_and(|el| el.closest(".detail-pane").ok().flatten().is_some());
            let command = event.ctrl_key() || event.meta_key();
            let on_customers = *view == View::Customers;
            let focus_search = || {
                if on_customers {
                    if let Some(input) = search_ref.cast::<HtmlElement>() {
                        let _ = input.focus();
                    }
                    return;
                }
                // The search box appears with the customers: focus it after that render.
                view.set(View::Customers);
                let search_ref = search_ref.clone();
                spawn_local(async move {
                    sleep(Duration::ZERO).await;
                    if let Some(input) = search_ref.cast::<HtmlElement>() {
                        let _ = input.focus();
                    }
                });
            };
            match event.key().as_str() {
                "k" | "K" if command => {
                    event.prevent_default();
                    focus_search();
                }
                "/" if !in_text && !is_search(&event) => {
                    event.prevent_default();
                    focus_search();
                }
                "ArrowDown" | "ArrowUp" if !in_text && !in_pane && on_customers => {
                    event.prevent_default();
                    let delta = if event.key() == "ArrowDown" { 1 } else { -1 };
                    customers.dispatch(CustomersAction::Move(delta));
                }
                "Enter" if !in_text && on_customers => {
                    let target = customers
                        .highlighted_row()
                        .map(|r| r.id.clone())
                        .or_else(|| (*opened).clone());
                    if let Some(id) = target {
                        event.prevent_default();
                        if command {
                            run_portal.emit((id, PortalAction::Open(None)));
                        } else {
                            open_customer.emit(id);
                        }
                    }
                }
                _ => {}
            }
        })
    };
    use_window_event(Listen::Document, "keydown", on_key);

    let sync_now = {
        let profile = profile.clone();
        let status = sync.status.clone();
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
    let first_sync = sync::is_first_sync(sync.status.as_ref());
    let business = props
        .account
        .business_name
        .clone()
        .unwrap_or_else(|| t!("desk-profile-name", profile = props.profile.as_str()));

    let right = match (*panel, &*opened) {
        (Panel::Activity, _) => html! {
            <ActivityFeed profile={profile.clone()} version={sync.version} on_open={open_customer.clone()} />
        },
        (Panel::Customer, Some(id)) => {
            let phase = portal.phase_for(id).clone();
            let busy = portal.busy_for(id).cloned();
            let id_for_actions = id.clone();
            let on_action = run_portal.reform(move |action| (id_for_actions.clone(), action));
            let on_email = {
                let portal = portal.dispatcher();
                let id = id.clone();
                Callback::from(move |purpose| {
                    portal.dispatch(PortalMsg::EmailOpen(id.clone(), purpose))
                })
            };
            let on_dismiss = {
                let portal = portal.dispatcher();
                Callback::from(move |_| portal.dispatch(PortalMsg::Dismiss))
            };
            html! {
                <Detail profile={profile.clone()} customer={AttrValue::from(id.clone())}
                    version={sync.version} {phase} {busy} {offline}
                    custom_domain={portal.custom_domain.clone()}
                    {on_action} {on_email} {on_dismiss} />
            }
        }
        (Panel::Customer, None) => html! {
            <div class="empty-detail">
                <p>{ t!("desk-choose-customer") }</p>
                <p class="help">{ t!("desk-shortcuts") }</p>
            </div>
        },
    };

    let not_configured = match &portal.phase {
        Phase::NotConfigured(_) => {
            let customer = portal.customer.clone().unwrap_or_default();
            html! {
                <NotConfiguredDialog profile={profile.clone()}
                    test_mode={test_mode}
                    on_close={{ let portal = portal.dispatcher(); Callback::from(move |_| portal.dispatch(PortalMsg::Dismiss)) }}
                    on_created={{
                        let run_portal = run_portal.clone();
                        let portal = portal.dispatcher();
                        Callback::from(move |_| {
                            portal.dispatch(PortalMsg::Dismiss);
                            run_portal.emit((customer.clone(), PortalAction::Open(None)));
                        })
                    }} />
            }
        }
        _ => html! {},
    };
    let email = match (&portal.email, &portal.customer) {
        (Some(dialog), Some(customer)) => html! {
            <EmailDialogView profile={profile.clone()} customer={AttrValue::from(customer.clone())}
                dialog={dialog.clone()} dispatch={portal.dispatcher()} />
        },
        _ => html! {},
    };

    html! {
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
                <SyncBar status={sync.status.clone()} on_sync={sync_now} />
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
            if *view == View::Configurations {
                <main class="page-scroll"><Configurations profile={profile.clone()} {offline} /></main>
            } else if *view == View::BulkEmail {
                <main class="page-scroll"><BulkEmail profile={profile.clone()} {offline} /></main>
            } else if *view == View::Settings {
                <main class="page-scroll">
                    <Settings profile={profile.clone()} on_switch={props.on_switch_profile.clone()}
                        on_forgot={props.on_forgot_key.clone()} on_cleared={on_cleared} />
                </main>
            } else {
            <main class="workspace">
                <CustomerList profile={profile.clone()} state={customers.clone()}
                    search_ref={search_ref.clone()} opened={(*opened).clone()}
                    busy={portal.customer.clone().filter(|_| portal.busy())}
                    {offline} first_sync={first_sync}
                    progress={sync.status.as_ref().and_then(|s| s.running.clone())}
                    on_open={open_customer.clone()}
                    on_portal={run_portal.reform(|id: String| (id, PortalAction::Open(None)))} />
                <section class="detail-pane" aria-label={t!("desk-customer-pane")} tabindex="0">{ right }</section>
            </main>
            }
            { not_configured }
            { email }
        </div>
    }
}

fn is_search(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .is_some_and(|el| el.id() == "search")
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

#[derive(Properties, PartialEq)]
struct SyncBarProps {
    status: Option<SyncStatus>,
    on_sync: Callback<MouseEvent>,
}

/// "Synced 5 min ago", a progress bar while syncing, or why the last sync failed.
#[component]
fn SyncBar(props: &SyncBarProps) -> Html {
    crate::i18n::use_language();
    let Some(status) = &props.status else {
        return html! { <div class="sync-bar" id="sync-state"></div> };
    };
    let body = if let Some(progress) = &status.running {
        let label = match progress.total {
            Some(total) if total > 0 => t!(
                "desk-syncing-of",
                what = crate::i18n::sync_step(progress.step),
                done = progress.done,
                total = total
            ),
            _ if progress.done > 0 => t!(
                "desk-syncing-count",
                what = crate::i18n::sync_step(progress.step),
                done = progress.done
            ),
            _ => t!("desk-syncing"),
        };
        let value = sync::percent(progress).map(|p| p.to_string());
        html! {
            <>
                <span class="spinner" aria-hidden="true"></span>
                <span id="sync-label">{ label }</span>
                <progress id="sync-progress" max="100" value={value} aria-label={t!("desk-sync-progress")}></progress>
            </>
        }
    } else if let Some(error) = &status.last_error {
        html! {
            <>
                <span class="sync-error" id="sync-error" title={error.message.clone()}>
                    { if error.code == ErrorCode::Offline { t!("desk-sync-paused-offline") } else { t!("desk-sync-failed", error = error.message.as_str()) } }
                </span>
                <button type="button" class="secondary small" id="sync-now" onclick={props.on_sync.clone()}>{ t!("desk-retry") }</button>
            </>
        }
    } else {
        let label = match status.last_synced {
            Some(at) => t!("desk-synced", age = format::age(at)),
            None => t!("desk-not-synced"),
        };
        html! {
            <>
                <span id="sync-label" title={status.last_synced.map(format::date)}>{ label }</span>
                <button type="button" class="secondary small" id="sync-now" onclick={props.on_sync.clone()}>{ t!("desk-sync-now") }</button>
            </>
        }
    };
    html! { <div class="sync-bar" id="sync-state" aria-live="polite">{ body }</div> }
}

#[derive(Properties, PartialEq)]
struct NotConfiguredProps {
    profile: AttrValue,
    test_mode: bool,
    on_close: Callback<()>,
    on_created: Callback<()>,
}

/// Stripe has no portal settings yet: create them here, or in the Dashboard.
#[component]
fn NotConfiguredDialog(props: &NotConfiguredProps) -> Html {
    crate::i18n::use_language();
    let creating = use_state(|| false);
    let error = use_state(|| None::<String>);
    let create = {
        let creating = creating.clone();
        let error = error.clone();
        let profile = props.profile.clone();
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
    let mode = if props.test_mode {
        Mode::Test
    } else {
        Mode::Live
    };
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

/// Elements whose keys are their own, not the desk's shortcuts.
const OWN_KEYS: &str = "button, a[href], input, select, textarea, [role='dialog'], [role='menu']";

/// The deep links offered beside "Open portal": id, label and flow.
pub fn deep_links() -> [(&'static str, String, PortalFlow); 3] {
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
