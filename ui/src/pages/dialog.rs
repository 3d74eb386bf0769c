//! A modal dialog that keyboard users can live in: focus moves into it when it
//! opens, Tab and Shift+Tab cycle inside it, Escape closes it, and focus goes
//! back to where it was. Focus can't wander behind it.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// What Tab can reach inside a dialog.
const FOCUSABLE: &str = "button:not([disabled]), a[href], input:not([disabled]), \
    select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

#[derive(Properties, PartialEq)]
pub struct DialogProps {
    /// The dialog's element id.
    pub id: AttrValue,
    /// The id of its heading.
    pub labelled_by: AttrValue,
    /// Classes beside `dialog`.
    #[prop_or_default]
    pub class: Classes,
    /// Escape, or whatever the dialog's own Cancel does.
    pub on_close: Callback<()>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Dialog(props: &DialogProps) -> Html {
    crate::i18n::use_language();
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            let document = web_sys::window().and_then(|w| w.document());
            let before = document
                .as_ref()
                .and_then(|d| d.active_element())
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            let focus_first = {
                let node = node.clone();
                move || {
                    if let Some(first) = node
                        .cast::<Element>()
                        .and_then(|dialog| focusable(&dialog).into_iter().next())
                    {
                        let _ = first.focus();
                    }
                }
            };
            // The effect below moves the focus in; focus that lands outside
            // later (Tab from the page) comes back in: the dialog is modal.
            let guard = Closure::<dyn Fn(FocusEvent)>::new(move |event: FocusEvent| {
                let outside = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .zip(node.cast::<Element>())
                    .is_some_and(|(target, dialog)| !dialog.contains(Some(&target)));
                if outside {
                    focus_first();
                }
            });
            if let Some(document) = &document {
                let _ = document
                    .add_event_listener_with_callback("focusin", guard.as_ref().unchecked_ref());
            }
            move || {
                if let Some(document) = &document {
                    let _ = document.remove_event_listener_with_callback(
                        "focusin",
                        guard.as_ref().unchecked_ref(),
                    );
                }
                // Back to the button that opened it, if it is still there.
                if let Some(before) = before.filter(|e| e.is_connected()) {
                    let _ = before.focus();
                }
            }
        });
    }
    // A re-render that removed the focused control (Send, once sent) leaves
    // the focus on the page: back into the dialog.
    {
        let node = node.clone();
        use_effect(move || {
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            if let Some(dialog) = node.cast::<Element>() {
                let inside = active
                    .as_ref()
                    .is_some_and(|a| dialog.contains(Some(a.unchecked_ref())));
                if let Some(first) = focusable(&dialog).into_iter().next().filter(|_| !inside) {
                    let _ = first.focus();
                }
            }
        });
    }
    let onkeydown = {
        let node = node.clone();
        let on_close = props.on_close.clone();
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "Escape" => {
                event.prevent_default();
                event.stop_propagation();
                on_close.emit(());
            }
            "Tab" => {
                let Some(dialog) = node.cast::<Element>() else {
                    return;
                };
                let controls = focusable(&dialog);
                let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
                    return;
                };
                let active = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.active_element());
                let at = |el: &HtmlElement| active.as_ref() == Some(el.unchecked_ref::<Element>());
                let wrap_to = if event.shift_key() && at(first) {
                    Some(last)
                } else if !event.shift_key() && at(last) {
                    Some(first)
                } else {
                    None
                };
                if let Some(target) = wrap_to {
                    event.prevent_default();
                    let _ = target.focus();
                }
            }
            _ => {}
        })
    };
    html! {
        <div class="dialog-backdrop">
            <div ref={node} class={classes!("dialog", props.class.clone())} role="dialog" aria-modal="true"
                aria-labelledby={props.labelled_by.clone()} id={props.id.clone()} {onkeydown}>
                { props.children.clone() }
            </div>
        </div>
    }
}

/// The dialog's controls Tab reaches, in document order.
fn focusable(dialog: &Element) -> Vec<HtmlElement> {
    let Ok(found) = dialog.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .collect()
}
