//! What the CLI prints and reads: every line through [`say!`] and [`tell!`],
//! its words in its language ([`t!`]), and secrets from stdin.

use std::io::{IsTerminal, Read};
use std::sync::OnceLock;

use portal_i18n::Language;

use super::exit::Failure;

// Every line the CLI prints goes through these: customers choose their own
// names and emails, and a control sequence in one (ESC, OSC, BEL) must not
// retitle, recolour or rewrite the user's terminal. `text::terminal_safe`
// shows such characters as "�" and keeps newlines and tabs.
macro_rules! say {
    ($($arg:tt)*) => { std::println!("{}", crate::text::terminal_safe(&format!($($arg)*))) };
}
macro_rules! say_part {
    ($($arg:tt)*) => { std::print!("{}", crate::text::terminal_safe(&format!($($arg)*))) };
}
macro_rules! tell {
    ($($arg:tt)*) => { std::eprintln!("{}", crate::text::terminal_safe(&format!($($arg)*))) };
}
macro_rules! tell_part {
    ($($arg:tt)*) => { std::eprint!("{}", crate::text::terminal_safe(&format!($($arg)*))) };
}

// The CLI's words, in its language: `t!("cli-…")` or `t!("cli-…", name = value)`
// (messages in `src-tauri/i18n/locales/*/cli.ftl`). Numbers go in as numbers,
// so they are grouped and pluralized as the language does it.
macro_rules! t {
    ($id:literal) => { portal_i18n::tr!($crate::cli::output::lang(), $id) };
    ($id:literal, $($args:tt)+) => { portal_i18n::tr!($crate::cli::output::lang(), $id, $($args)+) };
}

/// The language of the CLI's human output, chosen once by [`super::run`].
static LANGUAGE: OnceLock<Language> = OnceLock::new();

/// Chooses the CLI's language, once.
pub(super) fn set_lang(language: Language) {
    let _ = LANGUAGE.set(language);
}

/// The language the CLI speaks: `--lang`, else the locale variables, else
/// English. `--json` output never depends on it, and neither do the core's
/// error messages (they stay English, as in the logs).
pub(super) fn lang() -> Language {
    LANGUAGE.get().copied().unwrap_or_default()
}

/// Keys longer than this are not keys; stop reading instead of buffering a file.
const MAX_STDIN: u64 = 4096;

/// A secret from stdin (without echo on a terminal, after `prompt`), never
/// from arguments; at most `MAX_STDIN` bytes. `unreadable` says what failed.
pub(super) fn read_secret_from_stdin(
    prompt: &str,
    unreadable: impl Fn(std::io::Error) -> String,
) -> Result<zeroize::Zeroizing<String>, Failure> {
    let stdin = std::io::stdin();
    let failure = |e: std::io::Error| Failure::other(unreadable(e));
    if stdin.is_terminal() {
        tell_part!("{prompt} ");
        return rpassword::read_password()
            .map(zeroize::Zeroizing::new)
            .map_err(failure);
    }
    let mut raw = String::new();
    stdin
        .lock()
        .take(MAX_STDIN)
        .read_to_string(&mut raw)
        .map_err(failure)?;
    Ok(zeroize::Zeroizing::new(
        raw.trim_end_matches(['\r', '\n']).to_owned(),
    ))
}

pub(super) fn print_json(value: &serde_json::Value) {
    say!(
        "{}",
        serde_json::to_string_pretty(value).expect("JSON values serialize")
    );
}

/// The column each line's value starts at, given the table's labels.
#[cfg(test)]
pub(super) fn value_columns(table: &str, labels: &[String]) -> Vec<usize> {
    table
        .lines()
        .map(|line| {
            let label = labels
                .iter()
                .filter(|l| line.starts_with(l.as_str()))
                .max_by_key(|l| l.len())
                .unwrap_or_else(|| panic!("{line:?} starts with a label"));
            let rest = &line[label.len()..];
            crate::text::columns(label) + rest.len() - rest.trim_start().len()
        })
        .collect()
}
