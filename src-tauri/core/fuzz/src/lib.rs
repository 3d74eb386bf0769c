//! Fuzz checks for the core. Each module's `check` takes any bytes, builds an
//! input from them and panics when the code under test breaks a property it
//! promises: the libFuzzer targets in `fuzz_targets/` call these, and
//! `tests/regressions.rs` replays every kept input through them.

pub mod events;
mod fixtures;
pub mod form;
pub mod key;
pub mod search;

/// A check: panics when the input breaks a property.
pub type Check = fn(&[u8]);

/// Every target: its name (a `fuzz_targets/` binary and a `regressions/`
/// folder) and its check.
pub const TARGETS: [(&str, Check); 4] = [
    ("key_parser", key::check),
    ("search_query", search::check),
    ("form_encoder", form::check),
    ("event_applier", events::check),
];

/// Prints a check's decoded input when `PORTAL_FUZZ_SHOW` is set, to read a
/// crash (`PORTAL_FUZZ_SHOW=1 cargo fuzz run TARGET CRASH_FILE`).
fn show(input: &impl std::fmt::Debug) {
    if std::env::var_os("PORTAL_FUZZ_SHOW").is_some() {
        eprintln!("{input:#?}");
    }
}
