//! Portal Desk's words in the languages it speaks.
//!
//! The catalogues are Project Fluent files under `locales/<language>/`, one
//! per area of the app, compiled into the binary. English is the source: a
//! message missing in another language falls back to English (a test makes
//! sure none is missing). The window, the CLI and the customer emails all
//! read from here, so a phrase is translated once.

mod activity;
mod language;
mod numbers;

use std::cell::RefCell;
use std::collections::HashMap;

use fluent_bundle::{FluentBundle, FluentResource};

pub use activity::activity;
pub use fluent_bundle::{FluentArgs, FluentValue};
pub use language::Language;

/// The catalogue's areas: one `.ftl` file per language each.
pub const AREAS: [&str; 10] = [
    "common",
    "activity",
    "errors",
    "desk",
    "customers",
    "portal",
    "configurations",
    "settings",
    "cli",
    "mail",
];

macro_rules! catalogue {
    ($($lang:literal),*) => {
        /// The source text of `area` in `language`.
        pub fn source(language: Language, area: &str) -> &'static str {
            macro_rules! areas {
                ($l:literal) => {
                    match area {
                        "common" => include_str!(concat!("../locales/", $l, "/common.ftl")),
                        "activity" => include_str!(concat!("../locales/", $l, "/activity.ftl")),
                        "errors" => include_str!(concat!("../locales/", $l, "/errors.ftl")),
                        "desk" => include_str!(concat!("../locales/", $l, "/desk.ftl")),
                        "customers" => include_str!(concat!("../locales/", $l, "/customers.ftl")),
                        "portal" => include_str!(concat!("../locales/", $l, "/portal.ftl")),
                        "configurations" => include_str!(concat!("../locales/", $l, "/configurations.ftl")),
                        "settings" => include_str!(concat!("../locales/", $l, "/settings.ftl")),
                        "cli" => include_str!(concat!("../locales/", $l, "/cli.ftl")),
                        "mail" => include_str!(concat!("../locales/", $l, "/mail.ftl")),
                        _ => "",
                    }
                };
            }
            match language.tag() {
                $($lang => areas!($lang),)*
                _ => "",
            }
        }
    };
}

catalogue!("en", "de", "fr", "es", "ja");

type Bundle = FluentBundle<FluentResource>;

thread_local! {
    // Fluent's bundles are not `Sync`; each thread builds the ones it uses,
    // once. The window has one thread, the CLI two or three.
    static BUNDLES: RefCell<HashMap<Language, Bundle>> = RefCell::new(HashMap::new());
}

fn build(language: Language) -> Bundle {
    let mut bundle = FluentBundle::new(vec![language.identifier()]);
    // Unicode isolation marks around every value would end up in emails,
    // CSV and the window's copy buttons; our values are never right-to-left.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(numbers::formatter(language)));
    for area in AREAS {
        let resource = FluentResource::try_new(source(language, area).to_owned())
            .unwrap_or_else(|(resource, _)| resource);
        // A duplicate id keeps the first; the catalogue test reports both.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

fn with_bundle<T>(language: Language, read: impl FnOnce(&Bundle) -> T) -> T {
    BUNDLES.with(|bundles| {
        let mut bundles = bundles.borrow_mut();
        let bundle = bundles.entry(language).or_insert_with(|| build(language));
        read(bundle)
    })
}

/// Whether `language`'s own catalogue has `id` (no fallback).
pub fn has(language: Language, id: &str) -> bool {
    with_bundle(language, |bundle| bundle.has_message(id))
}

/// The message `id` in `language`, filled with `args`. Falls back to English,
/// then to the id itself, so a missing message shows as its name, never as
/// nothing.
pub fn message(language: Language, id: &str, args: Option<&FluentArgs>) -> String {
    let found = with_bundle(language, |bundle| {
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    });
    match found {
        Some(text) => text,
        None if language != Language::En => message(Language::En, id, args),
        None => id.to_owned(),
    }
}

/// `tr!(language, "id")` or `tr!(language, "id", count = n, name = x)`.
#[macro_export]
macro_rules! tr {
    ($language:expr, $id:literal) => {
        $crate::message($language, $id, None)
    };
    ($language:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::FluentArgs::new();
        $(args.set(stringify!($name), $crate::FluentValue::from($value));)+
        $crate::message($language, $id, Some(&args))
    }};
}

/// Every English message that needs no arguments, by id, as the window
/// shows it: what an end-to-end test looks for to find English left on a
/// screen in another language.
pub fn english_phrases() -> Vec<(String, String)> {
    let mut phrases = Vec::new();
    with_bundle(Language::En, |bundle| {
        for area in AREAS {
            let Ok(resource) = FluentResource::try_new(source(Language::En, area).to_owned())
            else {
                continue;
            };
            for entry in resource.entries() {
                let fluent_syntax::ast::Entry::Message(message) = entry else {
                    continue;
                };
                let Some(pattern) = bundle.get_message(message.id.name).and_then(|m| m.value())
                else {
                    continue;
                };
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, None, &mut errors);
                if errors.is_empty() {
                    phrases.push((message.id.name.to_owned(), text.into_owned()));
                }
            }
        }
    });
    phrases
}

/// Why a bulk email skips a customer, as the core records it: in English,
/// for the CLI and the campaign's log.
pub mod skip {
    /// The campaign already reached them.
    pub const ALREADY_EMAILED: &str = "already emailed in this campaign";
    /// Stripe has no email address for them.
    pub const NO_EMAIL: &str = "no email address";
}

/// A skip reason in `language`; any other reason is an address the core
/// found unusable.
pub fn skip_reason(language: Language, reason: &str) -> String {
    let id = match reason {
        _ if language == Language::En => return reason.to_owned(),
        skip::ALREADY_EMAILED => "portal-bulk-skip-already-emailed",
        skip::NO_EMAIL => "portal-bulk-skip-no-email",
        _ => "portal-bulk-skip-unusable-address",
    };
    message(language, id, None)
}

/// A whole number with `language`'s grouping: 12345 → "12,345", "12.345",
/// "12 345" (a narrow no-break space in French).
pub fn count(language: Language, n: u64) -> String {
    numbers::group(language, &n.to_string())
}

#[cfg(test)]
mod tests;
