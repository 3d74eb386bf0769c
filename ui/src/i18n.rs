//! The window's language and its words.
//!
//! Every text the window shows comes from the Fluent catalogue in
//! `src-tauri/i18n/locales` through `t!`. The language is set
//! once at start (the saved choice, else the OS's) and again when Settings
//! changes it; the app then renders anew.

use std::cell::Cell;

pub use portal_i18n::Language;

thread_local! {
    static CURRENT: Cell<Language> = const { Cell::new(Language::En) };
}

/// The window's language now.
pub fn language() -> Language {
    CURRENT.get()
}

/// Switches the window's language; `<html lang>` follows, so screen readers
/// and the WebView's own text (spelling, line breaking of CJK) do too.
pub fn set_language(language: Language) {
    CURRENT.set(language);
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", language.tag());
    }
}

/// `t!("id")`, or `t!("id", count = n, name = x)`: the message in the
/// window's language.
macro_rules! t {
    ($id:literal) => {
        portal_i18n::message($crate::i18n::language(), $id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        portal_i18n::tr!($crate::i18n::language(), $id, $($name = $value),+)
    };
}
