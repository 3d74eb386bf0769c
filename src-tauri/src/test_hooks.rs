//! Test hooks: environment variables that make the app record what it would
//! open, notify, save or receive, so the tests can check it. They are read
//! only in builds with the `test-hooks` cargo feature, which the test and
//! E2E builds turn on (`cargo xtask test`). Any other build, a release or a
//! bundle, ignores them and says so on stderr: a stray variable must not write
//! bearer links to a file, export without asking, or record IPC in the page.

use std::ffi::OsString;

/// Where the opener appends what it would open.
pub const OPENER_LOG: &str = "PORTAL_DESK_TEST_OPENER_LOG";
/// The folder the save dialog answers with.
pub const SAVE_DIR: &str = "PORTAL_DESK_TEST_SAVE_DIR";
/// Where notifications are appended.
pub const NOTIFY_LOG: &str = "PORTAL_DESK_TEST_NOTIFY_LOG";
/// Records every IPC message in the page (the secret canary).
pub const IPC_RECORD: &str = "PORTAL_DESK_TEST_IPC_RECORD";

/// Every hook.
pub const ALL: [&str; 4] = [OPENER_LOG, SAVE_DIR, NOTIFY_LOG, IPC_RECORD];

/// Whether this build reads the hooks.
pub const ENABLED: bool = cfg!(feature = "test-hooks");

/// The value of hook `name`, in a build with test hooks.
pub fn var(name: &str) -> Option<OsString> {
    lookup(name, ENABLED, |name| std::env::var_os(name))
}

/// Says on stderr which hooks are set but ignored by this build.
pub fn warn_ignored() {
    for line in ignored(ENABLED, |name| std::env::var_os(name)) {
        eprintln!("{line}");
    }
}

fn lookup(name: &str, enabled: bool, env: impl Fn(&str) -> Option<OsString>) -> Option<OsString> {
    if enabled { env(name) } else { None }
}

fn ignored(enabled: bool, env: impl Fn(&str) -> Option<OsString>) -> Vec<String> {
    if enabled {
        return Vec::new();
    }
    ALL.iter()
        .filter(|name| env(name).is_some())
        .map(|name| {
            format!("Portal Desk: {name} is set but ignored; this build has no test hooks.")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn everything_set(_: &str) -> Option<OsString> {
        Some("/tmp/x".into())
    }

    #[test]
    fn a_build_without_hooks_ignores_every_variable_and_says_so() {
        for name in ALL {
            assert_eq!(lookup(name, false, everything_set), None, "{name}");
            assert_eq!(lookup(name, true, everything_set), Some("/tmp/x".into()));
        }
        let said = ignored(false, everything_set);
        assert_eq!(said.len(), ALL.len());
        for (line, name) in said.iter().zip(ALL) {
            assert!(line.contains(name) && line.contains("ignored"), "{line}");
        }
        assert!(ignored(true, everything_set).is_empty());
        assert!(
            ignored(false, |_| None).is_empty(),
            "quiet when none is set"
        );
    }
}
