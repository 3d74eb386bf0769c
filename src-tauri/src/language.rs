//! Which language the window and the CLI speak.

use portal_core::Profiles;
use portal_i18n::Language;

/// The OS's preferred language, if Portal Desk speaks it: the user's
/// language list on Windows and macOS, the locale variables elsewhere.
pub fn os_language() -> Option<Language> {
    sys_locale::get_locales().find_map(|locale| Language::from_locale(&locale))
}

/// The window's language: the one chosen in Settings, else the OS's, else
/// English. A registry that can't be read doesn't keep the window from
/// starting; it speaks the OS's language then.
pub fn window_language(profiles: &Profiles) -> (Language, Option<Language>) {
    let choice = profiles.language_choice().ok().flatten();
    (choice.or_else(os_language).unwrap_or_default(), choice)
}

/// The CLI's language for its human output: `--lang`, else the POSIX locale
/// variables, else English. `--json` output never depends on it.
pub fn cli_language(flag: Option<Language>) -> Language {
    flag.or_else(|| Language::from_environment(|name| std::env::var(name).ok()))
        .unwrap_or_default()
}
