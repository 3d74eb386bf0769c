//! The end-to-end tests, one binary (`cargo test -p portal-e2e --test it`): the
//! real window through tauri-driver. `cargo xtask test` runs every module but the
//! `#[ignore]`d window bench, which `cargo xtask bench` runs (`-- --ignored window_bench::`).

mod canary;
mod desk;
mod onboarding;
mod window_bench;
