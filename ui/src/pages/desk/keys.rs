//! The desk's keys: Ctrl/Cmd+K or "/" to search, the arrows to move in the
//! list, Enter to open the highlighted customer, Ctrl/Cmd+Enter to open their
//! portal. One document listener calls the handler of the latest render.

use std::time::Duration;

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::platform::spawn_local;
use yew::platform::time::sleep;
use yew::prelude::*;

use super::View;
use crate::hooks::{Listen, use_window_event};
use crate::state::customers::{CustomersAction, CustomersState};
use crate::state::portal::PortalRequest;

/// Elements whose keys are their own, not the desk's shortcuts.
const OWN_KEYS: &str = "button, a[href], input, select, textarea, [role='dialog'], [role='menu']";

/// What the keys act on.
pub struct Shortcuts {
    pub customers: UseReducerHandle<CustomersState>,
    pub search_ref: NodeRef,
    pub view: UseStateHandle<View>,
    /// The customer open on the right, for Enter when none is highlighted.
    pub opened: UseStateHandle<Option<String>>,
    pub open_customer: Callback<String>,
    pub run_portal: Callback<(String, PortalRequest)>,
}

/// Listens for the desk's keys while the desk lives.
#[hook]
pub fn use_shortcuts(keys: Shortcuts) {
    let Shortcuts {
        customers,
        search_ref,
        view,
        opened,
        open_customer,
        run_portal,
    } = keys;
    let on_key = Callback::from(move |event: KeyboardEvent| {
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
                        run_portal.emit((id, PortalRequest::Open(None)));
                    } else {
                        open_customer.emit(id);
                    }
                }
            }
            _ => {}
        }
    });
    use_window_event(Listen::Document, "keydown", on_key);
}

fn is_search(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .is_some_and(|el| el.id() == "search")
}
