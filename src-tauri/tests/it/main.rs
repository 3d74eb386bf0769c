//! The shell's integration tests, one binary (`cargo test -p portal-desk --test it`;
//! a module's tests alone with a filter, e.g. `-- keychain::`). `support` is the
//! setup they share: the CLI binary, a sandbox, what a sandbox holds.

mod support;

mod capabilities;
mod chaos;
mod cli;
mod commands;
mod keychain;
// It reads what the CLI opened from the opener's test log, a test hook.
#[cfg(feature = "test-hooks")]
mod portal_cli;
mod sync_cli;
#[cfg(target_os = "linux")]
mod test_hooks;
mod windows_cli;
