use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

/// A language Portal Desk speaks. English is the source the others are
/// translated from.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English, the source.
    #[default]
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Japanese.
    Ja,
}

impl Language {
    /// Every language, English first.
    pub const ALL: [Language; 5] = [
        Language::En,
        Language::De,
        Language::Fr,
        Language::Es,
        Language::Ja,
    ];

    /// The BCP 47 tag: `en`, `de`, `fr`, `es`, `ja`. Also what Stripe's
    /// portal `locale` takes.
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::De => "de",
            Language::Fr => "fr",
            Language::Es => "es",
            Language::Ja => "ja",
        }
    }

    /// The language's name in itself, as a language menu lists it.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::De => "Deutsch",
            Language::Fr => "Français",
            Language::Es => "Español",
            Language::Ja => "日本語",
        }
    }

    pub(crate) fn identifier(self) -> LanguageIdentifier {
        self.tag().parse().expect("the five tags are valid")
    }

    /// The language of a locale as the OS, a browser or Stripe writes it:
    /// `de`, `de-AT`, `de_DE.UTF-8`, `fr-CA`, `ja_JP`, `es-419`. `C`, `POSIX`
    /// and languages Portal Desk doesn't speak give `None`.
    pub fn from_locale(locale: &str) -> Option<Language> {
        let primary = locale
            .trim()
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The first of `locales` Portal Desk speaks, in their order of
    /// preference (a Stripe customer's `preferred_locales`).
    pub fn first_spoken<'a>(locales: impl IntoIterator<Item = &'a str>) -> Option<Language> {
        locales.into_iter().find_map(Language::from_locale)
    }

    /// The language the environment asks for, as POSIX programs read it:
    /// `LC_ALL`, then `LC_MESSAGES`, then `LANG`. The first one that is set
    /// decides, even when it names a language Portal Desk doesn't speak
    /// (then `None`, and the caller falls back to English).
    pub fn from_environment(var: impl Fn(&str) -> Option<String>) -> Option<Language> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(|name| var(name).filter(|value| !value.trim().is_empty()))
            .map(|value| Language::from_locale(&value))
            .next()
            .flatten()
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}
