//! Emailing a customer their portal link: SMTP settings per profile (the
//! password only in the keychain), a template with placeholders, a preview,
//! and a `mailto:` draft when no SMTP server is set up.
//!
//! `template.rs` writes the email (templates, placeholders, the [`Draft`],
//! `mailto:`); `smtp.rs` sends it. This file holds what both refuse.

use lettre::message::Mailbox;

mod smtp;
mod template;

pub use smtp::{SMTP_SECRET, SmtpSettings, TlsMode, send, send_with, transport};
pub use template::{Draft, EmailPurpose, EmailTemplate, LinkKind, mailto, render};

/// Why an email could not be prepared or sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// The customer has no email address in Stripe.
    #[error(
        "{0} has no email address in Stripe. Add one in the Stripe Dashboard, or copy the link instead."
    )]
    NoEmail(String),
    /// The address is not usable.
    #[error("{address:?} is not a usable email address ({reason}).")]
    BadAddress {
        /// The address (shortened).
        address: String,
        /// What is wrong.
        reason: String,
    },
    /// The SMTP settings are not usable.
    #[error("The SMTP settings can't be used: {0}.")]
    BadSettings(String),
    /// The SMTP server refused or could not be reached.
    #[error("The email could not be sent: {0}.")]
    Send(String),
    /// The template has an unknown placeholder.
    #[error(
        "The email template uses {0}, which Portal Desk doesn't know; use {{customer_name}}, {{business_name}} or {{portal_link}}."
    )]
    UnknownPlaceholder(String),
}

/// Checks an address: one `@`, a dotted domain, no spaces, at most 254 characters.
pub fn check_address(address: &str) -> Result<Mailbox, MailError> {
    let trimmed = address.trim();
    let bad = |reason: &str| MailError::BadAddress {
        address: trimmed.chars().take(80).collect(),
        reason: reason.into(),
    };
    if trimmed.is_empty() {
        return Err(bad("it is empty"));
    }
    if trimmed.len() > 254 {
        return Err(bad("it is longer than 254 characters"));
    }
    if trimmed.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad("it contains spaces"));
    }
    let (local, domain) = trimmed.rsplit_once('@').ok_or_else(|| bad("it has no @"))?;
    if local.is_empty() || local.contains('@') {
        return Err(bad("the part before @ is not valid"));
    }
    if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') {
        return Err(bad("the domain after @ is not valid"));
    }
    trimmed.parse::<Mailbox>().map_err(|e| bad(&e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked() {
        assert!(check_address("jane@example.com").is_ok());
        for bad in [
            "",
            "jane",
            "jane@",
            "@example.com",
            "jane@example",
            "ja ne@example.com",
            "a@b@c.com",
            "jane@.com",
        ] {
            assert!(check_address(bad).is_err(), "{bad:?}");
        }
        assert!(check_address(&format!("{}@example.com", "a".repeat(260))).is_err());
    }
}
