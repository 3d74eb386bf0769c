//! The Portal Desk UI. See `app.rs` for the screens and `ipc.rs` for the only
//! door to the core.

mod app;
mod format;
mod ipc;
mod pages;
mod state;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
