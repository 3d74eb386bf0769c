//! Small helpers for running commands from the workspace root.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// `cargo` as invoked by this xtask (honours `CARGO`), run from the root.
pub fn cargo() -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.current_dir(root());
    command
}

/// Runs `command`, echoing it, and fails unless it exits 0.
pub fn run(command: &mut Command) -> anyhow::Result<()> {
    eprintln!("$ {}", describe(command));
    let status = command
        .status()
        .with_context(|| format!("could not start {}", describe(command)))?;
    if !status.success() {
        bail!("`{}` failed ({status})", describe(command));
    }
    Ok(())
}

/// Whether `program` is on the PATH.
pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
        .unwrap_or(false)
}

fn describe(command: &Command) -> String {
    std::iter::once(command.get_program())
        .chain(command.get_args())
        .map(|s| s.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Cargo's target folder.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

/// The binary the app build produces.
pub fn app_binary() -> PathBuf {
    target_dir()
        .join("debug")
        .join(format!("portal-desk{}", std::env::consts::EXE_SUFFIX))
}

/// The app's test-hooks feature, as `--features` names it from the workspace.
pub const TEST_HOOKS: &str = "portal-desk/test-hooks";

/// Whether a build reads the `PORTAL_DESK_TEST_*` hooks.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Hooks {
    /// The E2E build: the tests drive the opener, dialogs and IPC through them.
    On,
    /// What users run: the hooks are ignored.
    Off,
}

/// Builds the app with the UI embedded (what `cargo tauri build` does).
pub fn build_app(hooks: Hooks) -> anyhow::Result<()> {
    let features = match hooks {
        Hooks::On => "custom-protocol,test-hooks",
        Hooks::Off => "custom-protocol",
    };
    run(cargo().args(["build", "-p", "portal-desk", "--features", features]))
}
