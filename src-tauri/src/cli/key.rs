//! `key set`, `key status` and `key forget`; and the key every Stripe call
//! of the CLI uses (`STRIPE_API_KEY`, else the keychain's).

use portal_core::{
    ApiBase, ApiKey, ErrorKind, KeyInfo, KeySource, ProfileName, Profiles, StripeClient,
};
use portal_i18n::{Language, tr};

use super::args::KeyAction;
use super::exit::Failure;
use super::output::{lang, read_secret_from_stdin};
use super::runtime;
use crate::commands::dto::IntoDto;

pub(super) fn run(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
    action: KeyAction,
) -> Result<(), Failure> {
    match action {
        KeyAction::Set { no_verify } => key_set(profiles, profile, api_base, !no_verify),
        KeyAction::Status { json } => key_status(profiles, profile, json),
        KeyAction::Forget => key_forget(profiles, profile),
    }
}

fn key_set(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
    verify: bool,
) -> Result<(), Failure> {
    let raw = read_key_from_stdin()?;
    if !verify {
        let info = profiles.save_key(profile, &raw, api_base)?;
        say!("{}", info.into_dto().saved_sentence(lang()));
        say!("{}", t!("cli-key-not-verified"));
        return Ok(());
    }
    let runtime = runtime()?;
    let info = runtime
        .block_on(profiles.connect(profile, &raw, api_base))
        .map_err(|error| match error.kind() {
            ErrorKind::Offline => Failure::from(error).hint(&t!("cli-key-offline-hint")),
            _ => Failure::from(error),
        })?;
    let status = info.into_dto();
    say!("{}", status.saved_sentence(lang()));
    say!("{}", status.account_sentence(lang()));
    Ok(())
}

/// The key comes from stdin, never argv (argv is visible to every user in `ps`).
/// On a terminal it is read without echo.
fn read_key_from_stdin() -> Result<zeroize::Zeroizing<String>, Failure> {
    read_secret_from_stdin(&t!("cli-key-prompt"), |error| {
        t!("cli-key-unreadable", error = error.to_string())
    })
}

fn key_status(profiles: &Profiles, profile: &ProfileName, json: bool) -> Result<(), Failure> {
    let info = match key_from_environment(profile)? {
        Some(info) => info,
        None => profiles
            .key_info(profile)?
            .ok_or_else(|| Failure::no_key(profile))?,
    };
    let status = info.into_dto();
    if json {
        let text = serde_json::to_string(&status).expect("KeyStatus always serializes");
        say!("{text}");
    } else {
        say_part!("{}", key_status_table(&status, lang()));
    }
    Ok(())
}

/// The `key status` table in `language`: mode, kind and last 4 characters,
/// never more.
fn key_status_table(status: &portal_ipc::KeyStatus, language: Language) -> String {
    let [profile, mode, kind, last4, business, account, source] = crate::text::pad_labels(
        [
            tr!(language, "cli-key-label-profile"),
            tr!(language, "cli-key-label-mode"),
            tr!(language, "cli-key-label-kind"),
            tr!(language, "cli-key-label-last4"),
            tr!(language, "cli-key-label-business"),
            tr!(language, "cli-key-label-account"),
            tr!(language, "cli-key-label-source"),
        ],
        1,
    );
    let mode_name = tr!(language, "cli-key-mode", mode = status.mode.as_str());
    let kind_name = tr!(language, "cli-key-kind", kind = status.kind.as_str());
    let mut rows = vec![
        format!("{profile}{}", status.profile),
        format!("{mode}{mode_name}"),
        format!("{kind}{kind_name}"),
        format!("{last4}...{}", status.last4),
    ];
    if let Some(name) = &status.business_name {
        rows.push(format!("{business}{name}"));
    }
    if let Some(id) = &status.account_id {
        rows.push(format!("{account}{id}"));
    }
    let from = match status.source {
        portal_ipc::KeySource::Keychain => tr!(language, "cli-key-source-keychain"),
        portal_ipc::KeySource::Environment => tr!(language, "cli-key-source-environment"),
    };
    rows.push(format!("{source}{from}"));
    rows.iter().map(|row| format!("{row}\n")).collect()
}

/// `STRIPE_API_KEY`, when set, is used instead of the keychain (CLI only).
fn key_from_environment(profile: &ProfileName) -> Result<Option<KeyInfo>, Failure> {
    Ok(environment_key()?.map(|key| KeyInfo::describe(profile, &key, KeySource::Environment)))
}

/// `STRIPE_API_KEY`, parsed, when set.
fn environment_key() -> Result<Option<ApiKey>, Failure> {
    let Some(raw) = std::env::var_os("STRIPE_API_KEY") else {
        return Ok(None);
    };
    ApiKey::parse(&raw.to_string_lossy())
        .map(Some)
        .map_err(|e| Failure::other(t!("cli-environment-key-unusable", error = e.to_string())))
}

/// The key for Stripe calls: `STRIPE_API_KEY` when set, else the keychain's.
pub(super) fn resolve_key(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
) -> Result<ApiKey, Failure> {
    let key = match environment_key()? {
        Some(key) => key,
        None => profiles
            .key(profile)?
            .ok_or_else(|| Failure::no_key(profile))?,
    };
    if let Some(base) = api_base {
        base.allows(&key)
            .map_err(|e| Failure::usage(e.to_string()))?;
    }
    Ok(key)
}

/// A client for interactive calls and the key's mode; the key itself stays
/// inside the client.
pub(super) fn interactive_client(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
) -> Result<(StripeClient, portal_core::Mode), Failure> {
    let key = resolve_key(profiles, profile, api_base)?;
    let client = StripeClient::new(&key, api_base);
    Ok((client, key.mode()))
}

/// The profile's client when its key can be had, for a fresh PDF link; a
/// saved PDF opens without one.
pub(super) fn optional_client(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
) -> Option<StripeClient> {
    interactive_client(profiles, profile, api_base)
        .ok()
        .map(|(client, _)| client)
}

fn key_forget(profiles: &Profiles, profile: &ProfileName) -> Result<(), Failure> {
    if profiles.forget_key(profile)? {
        say!("{}", t!("cli-key-removed", profile = profile.as_str()));
    } else {
        say!(
            "{}",
            t!("cli-key-none-to-remove", profile = profile.as_str())
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::output::value_columns;

    fn key_status() -> portal_ipc::KeyStatus {
        portal_ipc::KeyStatus {
            profile: "default".into(),
            mode: portal_ipc::Mode::Test,
            kind: portal_ipc::KeyKind::Secret,
            last4: "abcd".into(),
            source: portal_ipc::KeySource::Keychain,
            business_name: Some("Sandbox Coffee".into()),
            account_id: Some("acct_1".into()),
        }
    }

    #[test]
    fn the_english_key_table_is_as_it_always_was() {
        assert_eq!(
            key_status_table(&key_status(), Language::En),
            "profile:  default\n\
             mode:     test\n\
             key kind: secret\n\
             ends in:  ...abcd\n\
             business: Sandbox Coffee\n\
             account:  acct_1\n\
             from:     the OS keychain\n"
        );
    }

    #[test]
    fn the_key_table_lines_up_in_every_language() {
        for language in Language::ALL {
            let labels = [
                "cli-key-label-profile",
                "cli-key-label-mode",
                "cli-key-label-kind",
                "cli-key-label-last4",
                "cli-key-label-business",
                "cli-key-label-account",
                "cli-key-label-source",
            ]
            .map(|id| portal_i18n::message(language, id, None));
            let table = key_status_table(&key_status(), language);
            let at = value_columns(&table, &labels);
            assert_eq!(at.len(), 7, "{language}: {table}");
            assert!(at.iter().all(|c| *c == at[0]), "{language}:\n{table}");
        }
    }
}
