//! A private D-Bus session with an unlocked gnome-keyring, so keychain and
//! end-to-end tests use a real Secret Service without touching the user's own.

use std::path::Path;
use std::process::Command;

/// Wraps `inner` (a shell command line) so it runs inside a fresh D-Bus session
/// whose Secret Service is a gnome-keyring unlocked with a throwaway password,
/// keeping its files under `scratch`.
pub fn in_private_session(scratch: &Path, inner: &str) -> Command {
    let script = format!(
        r#"set -e
export XDG_DATA_HOME="$SCRATCH/data" XDG_RUNTIME_DIR="$SCRATCH/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
eval "$(printf throwaway | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
exec {inner}"#
    );
    let mut command = Command::new("dbus-run-session");
    command
        .args(["--", "sh", "-c", &script])
        .env("SCRATCH", scratch);
    command
}
