//! User Timing for `cargo xtask bench`. Start-up steps are marks set once
//! (`portal-desk:…`). A keystroke's steps are marks named `trace:…`, set only
//! while the bench has put `data-portal-desk-trace` on the page's root
//! element (the DOM and the marks are what the bench's scripts and the page
//! share), so nothing builds up when no one is measuring.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The User Timing mark set when customers first show.
pub const LIST_SHOWN: &str = "portal-desk:list-shown";

/// The mark at the first frame after that.
pub const LIST_PAINTED: &str = "portal-desk:list-painted";

/// Sets the User Timing mark `name` unless it is already set.
pub fn mark_once(name: &str) {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    if performance.get_entries_by_name(name).length() == 0 {
        let _ = performance.mark(name);
    }
}

/// Marks `trace:{name}`, if the bench is tracing.
pub fn step(name: &str) {
    if let Some(performance) = tracing() {
        let _ = performance.mark(&format!("trace:{name}"));
    }
}

/// Marks `trace:{what} {command}`, as [`step`].
pub fn step_of(what: &str, command: &str) {
    if let Some(performance) = tracing() {
        let _ = performance.mark(&format!("trace:{what} {command}"));
    }
}

/// The page's performance timeline, while the bench is tracing.
fn tracing() -> Option<web_sys::Performance> {
    let window = web_sys::window()?;
    let root = window.document()?.document_element()?;
    if !root.has_attribute("data-portal-desk-trace") {
        return None;
    }
    window.performance()
}

/// Sets the mark `name` (once) at the start of the next frame.
pub fn mark_next_frame(name: &'static str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(move || mark_once(name));
    let _ = window.request_animation_frame(callback.unchecked_ref());
}
