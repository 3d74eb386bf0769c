//! `email` (one customer, or a campaign to many) and `smtp` (the server
//! emails are sent through).

use portal_core::cache::campaigns::Outcome;
use portal_core::mail::{EmailPurpose, LinkKind, SMTP_SECRET, SmtpSettings};
use portal_core::outreach::{self, Audience, Delivery, EmailRequest};
use portal_core::{ApiBase, ProfileName, Profiles};
use portal_i18n::{Language, tr};

use super::args::{EmailArgs, LinkArg, SmtpAction};
use super::exit::Failure;
use super::key::interactive_client;
use super::output::{lang, read_secret_from_stdin};
use super::runtime;

/// Runs `work` with the profile's Stripe client and cache (the email commands).
fn with_outreach(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
    work: impl FnOnce(&outreach::Context<'_>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let (client, mode) = interactive_client(profiles, profile, api_base)?;
    let cache = profiles.open_cache(profile)?;
    work(&outreach::Context {
        client: &client,
        cache: &cache,
        profiles,
        profile,
        api_base,
        mode,
        language: crate::language::window_language(profiles).0,
    })
}

/// `email`: one customer, or every customer `--status` or `--search` selects.
pub(super) fn email(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
    args: EmailArgs,
) -> Result<(), Failure> {
    let EmailArgs {
        customer_id,
        status,
        search,
        campaign,
        link,
        dry_run,
        enable_login_page,
        update_card,
    } = args;
    let link = match link {
        LinkArg::Login => LinkKind::Login,
        LinkArg::Session => LinkKind::Session,
    };
    match customer_id {
        Some(customer) => {
            let request = EmailRequest {
                customer,
                link,
                enable_login_page,
                purpose: if update_card {
                    EmailPurpose::UpdateCard
                } else {
                    EmailPurpose::Portal
                },
            };
            with_outreach(profiles, profile, api_base, |cx| {
                email_one(cx, &request, dry_run)
            })
        }
        None => {
            let audience = Audience::new(status, search);
            let campaign = campaign.unwrap_or_else(|| audience.default_campaign());
            with_outreach(profiles, profile, api_base, |cx| {
                email_many(cx, &campaign, &audience, link, enable_login_page, dry_run)
            })
        }
    }
}

fn email_one(
    cx: &outreach::Context<'_>,
    request: &EmailRequest,
    dry_run: bool,
) -> Result<(), Failure> {
    let (profiles, profile) = (cx.profiles, cx.profile);
    let runtime = runtime()?;
    let draft = runtime.block_on(outreach::draft(cx, request))?;
    if dry_run {
        let to = match &draft.to_name {
            Some(name) => format!("{name} <{}>", draft.to),
            None => draft.to.clone(),
        };
        let [to_label, subject] =
            crate::text::pad_labels([t!("cli-email-to"), t!("cli-email-subject")], 1);
        say!(
            "{to_label}{to}\n{subject}{}\n\n{}",
            draft.subject,
            draft.body
        );
        tell!("{}", t!("cli-email-not-sent"));
        return Ok(());
    }
    match runtime.block_on(outreach::deliver(profiles, profile, &draft))? {
        Delivery::Smtp => say!("{}", t!("cli-email-sent", to = draft.to.as_str())),
        Delivery::Mailto { url } => {
            tell!("{}", t!("cli-email-no-smtp"));
            if let Err(e) = crate::opener::Opener::from_env().open_mail_draft(&url) {
                tell!(
                    "{}",
                    t!("cli-email-mail-program-failed", error = e.to_string())
                );
                say!("{}", draft.link);
            }
        }
    }
    Ok(())
}

fn email_many(
    cx: &outreach::Context<'_>,
    campaign: &str,
    audience: &Audience,
    link: LinkKind,
    enable_login_page: bool,
    dry_run: bool,
) -> Result<(), Failure> {
    if dry_run {
        let planned = outreach::plan(cx, campaign, audience)?;
        let sending = planned.iter().filter(|p| p.skip.is_none()).count();
        for p in &planned {
            say!(
                "{:<20}  {:<28}  {:<36}  {}",
                p.customer_id,
                crate::text::clip(p.name.as_deref().unwrap_or("—"), 28),
                crate::text::clip(p.email.as_deref().unwrap_or("—"), 36),
                p.skip
                    .as_deref()
                    .map_or(t!("cli-campaign-will-send"), |why| t!(
                        "cli-campaign-will-skip",
                        reason = why
                    ))
            );
        }
        tell!(
            "{}",
            t!(
                "cli-campaign-would-email",
                campaign = format!("{campaign:?}"),
                sending = sending,
                total = planned.len()
            )
        );
        return Ok(());
    }
    let report = runtime()?.block_on(outreach::send_campaign(
        cx,
        campaign,
        audience,
        link,
        enable_login_page,
        std::time::Duration::from_millis(250),
        &mut |r| {
            let reason = r.reason.as_deref().unwrap_or("");
            let what = match r.outcome {
                Outcome::Sent => t!("cli-campaign-sent"),
                Outcome::Failed => t!("cli-campaign-failed", reason = reason),
                Outcome::Skipped => t!("cli-campaign-skipped", reason = reason),
            };
            tell!(
                "{}  {}  {what}",
                r.customer_id,
                r.email.as_deref().unwrap_or("—")
            );
        },
    ))?;
    say!(
        "{}",
        t!(
            "cli-campaign-summary",
            campaign = format!("{campaign:?}"),
            sent = report.sent,
            failed = report.failed,
            skipped = report.skipped
        )
    );
    if report.failed > 0 {
        return Err(Failure::other(t!(
            "cli-campaign-failures",
            failed = report.failed
        )));
    }
    Ok(())
}

pub(super) fn smtp(
    profiles: &Profiles,
    profile: &ProfileName,
    action: SmtpAction,
) -> Result<(), Failure> {
    match action {
        SmtpAction::Set {
            host,
            port,
            tls,
            username,
            from,
        } => {
            let settings = SmtpSettings {
                host,
                port,
                tls,
                username,
                from,
            };
            // Host, TLS and sender are checked before anything is saved.
            settings
                .check()
                .map_err(|e| Failure::usage(e.to_string()))?;
            let password = match settings.username {
                Some(_) => Some(read_secret_from_stdin(&t!("cli-smtp-prompt"), |error| {
                    t!("cli-smtp-password-unreadable", error = error.to_string())
                })?),
                None => None,
            };
            profiles.set_smtp(profile, settings.clone(), password.as_deref().map(|p| &**p))?;
            say!(
                "{}",
                t!(
                    "cli-smtp-saved",
                    server = format!("{}:{}", settings.host, settings.port),
                    profile = profile.as_str()
                )
            );
            Ok(())
        }
        SmtpAction::Status => {
            match profiles.settings(profile)?.smtp {
                None => say!("{}", t!("cli-smtp-none", profile = profile.as_str())),
                Some(s) => {
                    let password = profiles.keychain().load_secret(SMTP_SECRET, profile)?;
                    say_part!("{}", smtp_table(&s, password.is_some(), lang()));
                }
            }
            Ok(())
        }
        SmtpAction::Forget => {
            profiles.forget_smtp(profile)?;
            say!("{}", t!("cli-smtp-removed", profile = profile.as_str()));
            Ok(())
        }
    }
}

/// The `smtp status` table in `language` (never the password).
fn smtp_table(s: &SmtpSettings, has_password: bool, language: Language) -> String {
    let [host, security, login, password, from] = crate::text::pad_labels(
        [
            tr!(language, "cli-smtp-label-host"),
            tr!(language, "cli-smtp-label-security"),
            tr!(language, "cli-smtp-label-login"),
            tr!(language, "cli-smtp-label-password"),
            tr!(language, "cli-smtp-label-from"),
        ],
        1,
    );
    let none = tr!(language, "cli-smtp-none-value");
    let kept = if has_password {
        tr!(language, "cli-smtp-password-kept")
    } else {
        none.clone()
    };
    format!(
        "{host}{}:{}\n{security}{:?}\n{login}{}\n{password}{kept}\n{from}{}\n",
        s.host,
        s.port,
        s.tls,
        s.username.as_deref().unwrap_or(&none),
        s.from
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::output::value_columns;
    use portal_core::mail::TlsMode;

    fn smtp() -> SmtpSettings {
        SmtpSettings {
            host: "smtp.example.com".into(),
            port: 587,
            tls: TlsMode::Starttls,
            username: None,
            from: "Acme <billing@acme.example>".into(),
        }
    }

    #[test]
    fn the_english_smtp_table_is_as_it_always_was() {
        assert_eq!(
            smtp_table(&smtp(), false, Language::En),
            "host:     smtp.example.com:587\n\
             security: Starttls\n\
             login:    none\n\
             password: none\n\
             from:     Acme <billing@acme.example>\n"
        );
    }

    #[test]
    fn the_smtp_table_lines_up_in_every_language() {
        for language in Language::ALL {
            let labels = [
                "cli-smtp-label-host",
                "cli-smtp-label-security",
                "cli-smtp-label-login",
                "cli-smtp-label-password",
                "cli-smtp-label-from",
            ]
            .map(|id| portal_i18n::message(language, id, None));
            let table = smtp_table(&smtp(), true, language);
            let at = value_columns(&table, &labels);
            assert_eq!(at.len(), 5, "{language}: {table}");
            assert!(at.iter().all(|c| *c == at[0]), "{language}:\n{table}");
        }
    }
}
