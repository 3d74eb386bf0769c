//! Sending an email over SMTP: the server's settings (no secrets), the
//! transport (plain connections only to this computer), and lettre's errors
//! in words.

use std::time::Duration;

use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use portal_i18n::Language;
use serde::{Deserialize, Serialize};

use super::{Draft, MailError, check_address};

/// The keychain account kind of the SMTP password (`smtp:PROFILE`).
pub const SMTP_SECRET: &str = "smtp";

/// How the connection to the SMTP server is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TlsMode {
    /// Plain connection upgraded with STARTTLS (usually port 587).
    Starttls,
    /// TLS from the first byte (usually port 465).
    Tls,
    /// No encryption: only for a server on this computer.
    None,
}

impl TlsMode {
    /// Its word: `starttls`, `tls` or `none`, which [`TlsMode::parse`] reads back.
    pub fn as_str(self) -> &'static str {
        match self {
            TlsMode::Starttls => "starttls",
            TlsMode::Tls => "tls",
            TlsMode::None => "none",
        }
    }

    /// Parses `starttls`, `tls` or `none`.
    pub fn parse(text: &str) -> Option<TlsMode> {
        match text.trim().to_ascii_lowercase().as_str() {
            "starttls" => Some(TlsMode::Starttls),
            "tls" | "ssl" => Some(TlsMode::Tls),
            "none" => Some(TlsMode::None),
            _ => None,
        }
    }
}

/// Where emails are sent from. No secrets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmtpSettings {
    /// The server's host name.
    pub host: String,
    /// Its port.
    pub port: u16,
    /// How the connection is secured.
    pub tls: TlsMode,
    /// The login, when the server wants one (the password is in the keychain).
    pub username: Option<String>,
    /// The sender, `Name <address>` or an address.
    pub from: String,
}

impl SmtpSettings {
    /// Checks the host, the security mode and the sender without connecting.
    pub fn check(&self) -> Result<(), MailError> {
        self.from.trim().parse::<Mailbox>().map_err(|e| {
            MailError::BadSettings(format!(
                "the sender {:?} is not an address ({e})",
                self.from
            ))
        })?;
        transport(self, None).map(drop)
    }
}

/// Sends `draft` through `settings`; `password` comes from the keychain.
pub async fn send(
    settings: &SmtpSettings,
    password: Option<&str>,
    draft: &Draft,
) -> Result<(), MailError> {
    send_with(&transport(settings, password)?, settings, draft).await
}

/// Sends `draft` over an open `transport` (bulk sends reuse one connection).
pub async fn send_with(
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    settings: &SmtpSettings,
    draft: &Draft,
) -> Result<(), MailError> {
    let from = settings.from.trim().parse::<Mailbox>().map_err(|e| {
        MailError::BadSettings(format!(
            "the sender {:?} is not an address ({e})",
            settings.from
        ))
    })?;
    let to_address = check_address(&draft.to)?;
    let to = Mailbox::new(draft.to_name.clone(), to_address.email);
    let message = Message::builder()
        .from(from)
        .to(to)
        .subject(&draft.subject)
        .header(ContentType::TEXT_PLAIN)
        .header(ContentLanguage(draft.language))
        .body(draft.body.clone())
        .map_err(|e| MailError::BadSettings(e.to_string()))?;
    transport
        .send(message)
        .await
        .map(drop)
        .map_err(|e| MailError::Send(plain_smtp_error(&e)))
}

/// `Content-Language` (RFC 3282): mail programs offer to translate, and
/// screen readers pick the voice, by it.
#[derive(Debug, Clone)]
struct ContentLanguage(Language);

impl lettre::message::header::Header for ContentLanguage {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("Content-Language")
    }

    fn parse(text: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Language::from_locale(text)
            .map(ContentLanguage)
            .ok_or_else(|| format!("not a language Portal Desk writes: {text}").into())
    }

    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(Self::name(), self.0.tag().to_owned())
    }
}

/// The transport for `settings`; plain connections only to this computer.
pub fn transport(
    settings: &SmtpSettings,
    password: Option<&str>,
) -> Result<AsyncSmtpTransport<Tokio1Executor>, MailError> {
    let host = settings.host.trim();
    if host.is_empty() || host.chars().any(char::is_whitespace) {
        return Err(MailError::BadSettings(
            "the host is empty or has spaces".into(),
        ));
    }
    let tls = match settings.tls {
        TlsMode::None => {
            if !matches!(host, "127.0.0.1" | "localhost" | "::1") {
                return Err(MailError::BadSettings(
                    "an unencrypted connection is only allowed to a server on this computer; use starttls or tls".into(),
                ));
            }
            Tls::None
        }
        TlsMode::Starttls | TlsMode::Tls => {
            let parameters = TlsParameters::new(host.to_owned())
                .map_err(|e| MailError::BadSettings(e.to_string()))?;
            if settings.tls == TlsMode::Tls {
                Tls::Wrapper(parameters)
            } else {
                Tls::Required(parameters)
            }
        }
    };
    let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
        .port(settings.port)
        .tls(tls)
        .timeout(Some(Duration::from_secs(20)));
    if let Some(user) = settings.username.as_deref().filter(|u| !u.is_empty()) {
        builder = builder.credentials(Credentials::new(
            user.to_owned(),
            password.unwrap_or_default().to_owned(),
        ));
    }
    Ok(builder.build())
}

/// lettre's error in words, never with the credentials.
fn plain_smtp_error(error: &lettre::transport::smtp::Error) -> String {
    if error.is_permanent() {
        format!(
            "the mail server refused it ({})",
            error.status().map(|c| c.to_string()).unwrap_or_default()
        )
    } else if error.is_transient() {
        "the mail server is busy; try again later".into()
    } else if error
        .to_string()
        .to_ascii_lowercase()
        .contains("connection")
    {
        "the mail server could not be reached".into()
    } else {
        format!(
            "the mail server failed ({})",
            error.to_string().chars().take(120).collect::<String>()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_tls_mode_s_word_reads_back() {
        for tls in [TlsMode::Starttls, TlsMode::Tls, TlsMode::None] {
            assert_eq!(TlsMode::parse(tls.as_str()), Some(tls));
        }
    }

    #[test]
    fn plain_smtp_is_only_for_this_computer() {
        let settings = SmtpSettings {
            host: "smtp.example.com".into(),
            port: 25,
            tls: TlsMode::None,
            username: None,
            from: "me@example.com".into(),
        };
        assert!(transport(&settings, None).is_err());
        let local = SmtpSettings {
            host: "127.0.0.1".into(),
            ..settings
        };
        assert!(transport(&local, None).is_ok());
    }
}
