//! Thin Tauri commands: parse the arguments, call one core function, convert.
//! Each command's name and types come from `portal_ipc`.

pub mod app;
pub mod browse;
pub mod dto;
pub mod keys;
pub mod portal;
pub mod settings;

/// Runs a non-`Send` future to completion on this worker thread, telling the
/// runtime to move its other tasks elsewhere meanwhile. The core's futures
/// borrow the cache (a single-threaded SQLite connection), so they are not `Send`.
fn run_here<F: std::future::Future>(future: F) -> F::Output {
    tokio::task::block_in_place(|| tauri::async_runtime::block_on(future))
}
