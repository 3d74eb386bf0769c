//! A blank Tauri window: what any Tauri 2 app on this machine costs before it
//! does anything. `cargo xtask bench` measures it beside Portal Desk, in the
//! same run, so the window's figures read as ratios to a floor.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(error) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("portal-baseline-window: {error}");
        std::process::exit(1);
    }
}
