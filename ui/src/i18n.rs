//! The window's language and its words.
//!
//! Every text the window shows comes from the Fluent catalogue in
//! `src-tauri/i18n/locales` through `t!`. The language is set
//! once at start (the saved choice, else the OS's) and again when Settings
//! changes it; the app then renders anew.

use std::cell::Cell;

use portal_ipc::{ErrorCode, ErrorDto, SyncStep};

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

/// `error` with its message in the window's language. English keeps the
/// core's own sentence, which says the most; other languages take the
/// catalogue's message for the failure, with the core's details (which
/// value, which field), or else the one for its code.
pub fn localized(mut error: ErrorDto) -> ErrorDto {
    let language = language();
    if language == Language::En {
        return error;
    }
    error.message = match &error.detail {
        Some(detail) if portal_i18n::has(Language::En, &detail.id) => {
            let mut args = portal_i18n::FluentArgs::new();
            for (name, value) in &detail.args {
                args.set(name.clone(), value.clone());
            }
            portal_i18n::message(language, &detail.id, Some(&args))
        }
        _ => portal_i18n::message(language, code_message(error.code), None),
    };
    error
}

/// What a code means, for failures the catalogue has no message of their own for.
fn code_message(code: ErrorCode) -> &'static str {
    match code {
        ErrorCode::InvalidKey => "error-invalid-key",
        ErrorCode::InvalidProfile => "error-invalid-profile",
        ErrorCode::Offline => "error-offline",
        ErrorCode::KeychainUnavailable => "error-keychain-unavailable",
        ErrorCode::NoKey => "error-no-key-saved",
        ErrorCode::InvalidInput => "error-invalid-input",
        ErrorCode::NotFound => "error-not-found",
        ErrorCode::NotConfigured => "error-portal-not-set-up",
        ErrorCode::LoginPageOff => "error-login-page-is-off",
        ErrorCode::StripeRefused => "error-stripe-refused",
        ErrorCode::MailFailed => "error-mail-failed",
        ErrorCode::Bridge => "error-bridge",
        ErrorCode::Internal | ErrorCode::Unknown => "error-internal",
    }
}

/// The window's language, the choice saved in Settings, and how to change it.
#[derive(Debug, Clone, PartialEq)]
pub struct LanguageContext {
    /// What the window speaks now.
    pub language: Language,
    /// The choice saved in Settings (`None`: the OS's language).
    pub choice: Option<Language>,
    /// Saves a new choice; the window renders again in it.
    pub choose: yew::Callback<Option<Language>>,
}

/// Subscribes a component to the language: it renders again when Settings
/// changes it. Every component that shows text calls this first.
#[yew::hook]
pub fn use_language() -> Language {
    yew::use_context::<LanguageContext>()
        .map(|context| context.language)
        .unwrap_or_else(language)
}

/// An activity entry in the window's language. English keeps the core's
/// sentence; entries recorded before their details were kept stay English.
pub fn activity_text(entry: &portal_ipc::ActivityEntry) -> String {
    match language() {
        Language::En => entry.message.clone(),
        language => portal_i18n::activity(language, &entry.kind, &entry.args, &crate::format::date)
            .unwrap_or_else(|| entry.message.clone()),
    }
}

/// What a running sync reads, as a word inside a sentence ("customers").
pub fn sync_step(step: SyncStep) -> String {
    match step {
        SyncStep::Connecting => t!("desk-sync-what-connecting"),
        SyncStep::Customers => t!("desk-sync-what-customers"),
        SyncStep::Subscriptions => t!("desk-sync-what-subscriptions"),
        SyncStep::Invoices => t!("desk-sync-what-invoices"),
        SyncStep::Prices => t!("desk-sync-what-prices"),
        SyncStep::Products => t!("desk-sync-what-products"),
        SyncStep::PaymentMethods => t!("desk-sync-what-payment-methods"),
        SyncStep::BillingData => t!("desk-sync-what-billing-data"),
        SyncStep::Finishing => t!("desk-sync-what-finishing"),
        SyncStep::Changes => t!("desk-sync-what-changes"),
    }
}

/// `word` starting a sentence or a label ("customers" → "Customers").
pub fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
