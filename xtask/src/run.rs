//! `cargo xtask run`: setup if needed, build, open the window.

use anyhow::bail;

use crate::{setup, shell, ui};

pub fn run() -> anyhow::Result<()> {
    setup::run(setup::Scope::App)?;
    require_display()?;
    ui::build()?;
    shell::build_app(shell::Hooks::Off)?;
    shell::run(&mut std::process::Command::new(shell::app_binary()))
}

/// Fails with the `xvfb-run` hint when no display is available.
pub fn require_display() -> anyhow::Result<()> {
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        bail!(
            "no display found, so the window can't open. On a headless machine run it under a virtual display:\n  xvfb-run -a cargo xtask run"
        );
    }
    Ok(())
}
