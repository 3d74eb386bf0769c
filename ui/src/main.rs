//! The Portal Desk UI. See `app.rs` for the screens and `ipc.rs` for the only
//! door to the core.

#[macro_use]
mod i18n;
mod app;
mod format;
mod hooks;
mod ipc;
mod pages;
mod state;
mod timing;

fn main() {
    // Start-up breakdown: the wasm is fetched, compiled and running.
    timing::mark_once("portal-desk:wasm-started");
    yew::Renderer::<app::App>::new().render();
}
