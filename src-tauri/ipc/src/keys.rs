use portal_i18n::Language;
use serde::{Deserialize, Serialize};

/// Arguments of [`crate::SaveKey`]. This is the only message that carries a key,
/// and it only goes from the UI to the core, never back.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveKeyArgs {
    /// The profile to store the key for, e.g. `default`.
    pub profile: String,
    /// The key as typed or pasted; the core trims and checks it.
    pub key: String,
    /// Check the key with Stripe before storing it (the default). `false`
    /// stores it unchecked, for when Stripe can't be reached.
    #[serde(default = "verify_by_default")]
    pub verify: bool,
}

fn verify_by_default() -> bool {
    true
}

// Written by hand so a key never reaches a log through `{:?}`.
impl std::fmt::Debug for SaveKeyArgs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SaveKeyArgs")
            .field("profile", &self.profile)
            .field("key", &"<redacted>")
            .field("verify", &self.verify)
            .finish()
    }
}

/// What the window was started with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppInfo {
    /// The profile the window works on (`--profile`, default `default`).
    pub profile: String,
    /// The local Stripe sandbox the app talks to instead of Stripe, if any
    /// (`cargo xtask demo`); always a loopback URL.
    pub sandbox: Option<String>,
    /// The language the window speaks: the saved choice, else the OS's,
    /// else English.
    #[serde(default)]
    pub language: Language,
    /// The language chosen in Settings (`None`: follow the OS).
    #[serde(default)]
    pub language_choice: Option<Language>,
}

/// `set_language`: the installation's language (`None`: follow the OS).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetLanguageArgs {
    /// The language, or `None` for the OS's.
    pub language: Option<Language>,
}

/// Arguments of commands that act on one profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileArgs {
    /// The profile's name, e.g. `default`.
    pub profile: String,
}

/// What the app may know about a saved key: never the key itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyStatus {
    /// The profile the key belongs to.
    pub profile: String,
    /// Test or live mode, from the key's prefix.
    pub mode: Mode,
    /// Secret (`sk_`) or restricted (`rk_`).
    pub kind: KeyKind,
    /// The key's last four characters, as the Stripe Dashboard shows them.
    pub last4: String,
    /// Where the key came from.
    pub source: KeySource,
    /// The Stripe account's business name, once the key was verified.
    #[serde(default)]
    pub business_name: Option<String>,
    /// `acct_…`, once the key was verified (restricted keys may not read it).
    #[serde(default)]
    pub account_id: Option<String>,
}

/// A page of the Stripe Dashboard the window links to. The webview names the
/// page, never a URL: Rust builds the link and opens it (the webview has no
/// opener of its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "page")]
pub enum DashboardPage {
    /// Developers → API keys, where a key is found.
    ApiKeys,
    /// Settings → Billing → Customer portal, in that mode.
    PortalSettings {
        /// Test or live mode's settings.
        mode: Mode,
    },
}

/// Stripe's two modes; each has its own data and keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// `sk_test_` / `rk_test_` keys.
    Test,
    /// `sk_live_` / `rk_live_` keys.
    Live,
}

/// The two kinds of key that can call the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyKind {
    /// A full-access secret key (`sk_`).
    Secret,
    /// A restricted key (`rk_`) with a chosen set of permissions.
    Restricted,
}

/// Where a key was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeySource {
    /// The OS keychain (service `portal-desk`, account = profile name).
    Keychain,
    /// The `STRIPE_API_KEY` environment variable (CLI only).
    Environment,
}

impl Mode {
    /// The word the UI and CLI show: `test` or `live`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Test => "test",
            Mode::Live => "live",
        }
    }
}

impl KeyKind {
    /// The word the UI and CLI show: `secret` or `restricted`.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyKind::Secret => "secret",
            KeyKind::Restricted => "restricted",
        }
    }
}

impl KeyStatus {
    /// What verification learned, in `language` (the window and the CLI say
    /// it the same way).
    pub fn account_sentence(&self, language: Language) -> String {
        match (&self.business_name, &self.account_id) {
            (Some(name), Some(account)) => portal_i18n::tr!(
                language,
                "desk-key-verified-name-account",
                name = name.as_str(),
                account = account.as_str()
            ),
            (Some(name), None) => {
                portal_i18n::tr!(language, "desk-key-verified-name", name = name.as_str())
            }
            (None, Some(account)) => portal_i18n::tr!(
                language,
                "desk-key-verified-account",
                account = account.as_str()
            ),
            (None, None) => portal_i18n::tr!(language, "desk-key-verified"),
        }
    }

    /// "Key saved for profile … (test mode), ending in ...abcd", in `language`.
    pub fn saved_sentence(&self, language: Language) -> String {
        portal_i18n::tr!(
            language,
            "desk-key-saved",
            profile = self.profile.as_str(),
            mode = self.mode.as_str(),
            last4 = self.last4.as_str()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_of_save_key_args_hides_the_key() {
        let args = SaveKeyArgs {
            profile: "default".into(),
            key: "sk_test_canary_do_not_print".into(),
            verify: true,
        };
        let printed = format!("{args:?}");
        assert!(
            !printed.contains("canary"),
            "Debug must redact the key: {printed}"
        );
    }

    #[test]
    fn saved_sentence_matches_the_onboarding_promise() {
        let status = KeyStatus {
            profile: "default".into(),
            mode: Mode::Test,
            kind: KeyKind::Secret,
            last4: "abcd".into(),
            source: KeySource::Keychain,
            business_name: None,
            account_id: None,
        };
        assert_eq!(
            status.saved_sentence(Language::En),
            "Key saved for profile default (test mode), ending in ...abcd"
        );
    }
}
