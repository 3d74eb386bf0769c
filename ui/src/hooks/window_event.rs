//! A listener on the window or its document for as long as the component
//! lives, calling the handler of the latest render (which sees the latest
//! state) without adding and removing the listener at each render.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::EventTarget;
use yew::prelude::*;

/// Where the listener sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listen {
    /// The window: `focus` when the app comes back to the front.
    Window,
    /// The document: keys pressed anywhere in the page.
    Document,
}

impl Listen {
    fn target(self) -> Option<EventTarget> {
        let window = web_sys::window()?;
        match self {
            Listen::Window => Some(window.into()),
            Listen::Document => window.document().map(Into::into),
        }
    }
}

/// Calls `handler` with each `event` (say `"keydown"`, as a
/// `KeyboardEvent`) that reaches `on`.
#[hook]
pub fn use_window_event<E>(on: Listen, event: &'static str, handler: Callback<E>)
where
    E: JsCast + 'static,
{
    let latest = use_mut_ref(|| handler.clone());
    *latest.borrow_mut() = handler;
    use_effect_with((on, event), move |&(on, event)| {
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            let handler = latest.borrow().clone();
            handler.emit(e.unchecked_into());
        });
        let target = on.target();
        if let Some(target) = &target {
            let _ =
                target.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(target) = target {
                let _ = target
                    .remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
            }
        }
    });
}
