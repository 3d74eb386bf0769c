//! The email itself: the template in the user's or the customer's language,
//! its placeholders filled for one customer, and a `mailto:` draft.

use portal_i18n::{FluentArgs, Language};
use serde::{Deserialize, Serialize};

use super::MailError;
use crate::percent;

/// The subject and body of the portal-link email. Placeholders:
/// `{customer_name}`, `{business_name}`, `{portal_link}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailTemplate {
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
}

impl Default for EmailTemplate {
    fn default() -> EmailTemplate {
        EmailTemplate::portal(Language::En)
    }
}

/// The template's placeholders as catalogue arguments, so each language's
/// text comes out as a template `render` fills.
fn placeholders() -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    args.set("customer_name", "{customer_name}");
    args.set("business_name", "{business_name}");
    args.set("portal_link", "{portal_link}");
    args
}

fn catalogue(language: Language, id: &str, args: &FluentArgs<'_>) -> String {
    portal_i18n::message(language, id, Some(args))
}

impl EmailTemplate {
    /// The portal-link email in `language` (`mail.ftl`).
    pub fn portal(language: Language) -> EmailTemplate {
        let args = placeholders();
        EmailTemplate {
            subject: catalogue(language, "mail-portal-subject", &args),
            body: catalogue(language, "mail-portal-body", &args) + "\n",
        }
    }

    /// The email asking a customer whose payment failed to update their card,
    /// in `language`. `owed` is what the preview knows they owe, e.g.
    /// `("USD 49.00", Some("ABCD-0003"))`; it is written in as text, not as
    /// placeholders.
    pub fn update_card(language: Language, owed: Option<(&str, Option<&str>)>) -> EmailTemplate {
        // Braces in Stripe's text must not read as placeholders.
        let plain = |text: &str| text.replace(['{', '}'], "");
        let mut args = placeholders();
        let failed = match owed {
            Some((amount, number)) => {
                args.set("amount", plain(amount));
                match number {
                    Some(number) => {
                        args.set("number", plain(number));
                        catalogue(language, "mail-update-card-failed-invoice", &args)
                    }
                    None => catalogue(language, "mail-update-card-failed-amount", &args),
                }
            }
            None => catalogue(language, "mail-update-card-failed", &args),
        };
        args.set("failed", failed);
        EmailTemplate {
            subject: catalogue(language, "mail-update-card-subject", &args),
            body: catalogue(language, "mail-update-card-body", &args) + "\n",
        }
    }
}

/// What an email asks of the customer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailPurpose {
    /// Here is your billing portal (the profile's template).
    #[default]
    Portal,
    /// A payment failed: please update your card. A direct link opens the
    /// portal's payment-method page.
    UpdateCard,
}

/// Which link the email carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// The configuration's login page: durable, the customer signs in with a code.
    #[default]
    Login,
    /// A session link: straight in, but it expires within minutes.
    Session,
}

/// A ready email: what the preview shows and what is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Draft {
    /// The recipient's address.
    pub to: String,
    /// The recipient's name.
    pub to_name: Option<String>,
    /// Subject.
    pub subject: String,
    /// Body.
    pub body: String,
    /// The link in it.
    pub link: String,
    /// Which kind of link.
    pub link_kind: LinkKind,
    /// The language it is written in.
    pub language: Language,
    /// The customer's preferred locale in Stripe that chose the language
    /// (`None`: Stripe knows none Portal Desk speaks, so the app's own).
    pub chosen_by: Option<String>,
}

/// Fills `template` for one customer. A session link gets a line, in
/// `language`, saying it expires soon. An empty name takes the space before it
/// along ("Hallo {customer_name}," → "Hallo,").
pub fn render(
    template: &EmailTemplate,
    customer_name: &str,
    business_name: &str,
    link: &str,
    kind: LinkKind,
    language: Language,
) -> Result<(String, String), MailError> {
    let fill = |text: &str| -> Result<String, MailError> {
        let text = match customer_name.is_empty() {
            true => text.replace(" {customer_name}", "{customer_name}"),
            false => text.to_owned(),
        };
        let mut out = String::new();
        let mut rest = text.as_str();
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let after = &rest[start..];
            let Some(end) = after.find('}') else {
                out.push_str(after);
                rest = "";
                break;
            };
            let name = &after[1..end];
            match name {
                "customer_name" => out.push_str(customer_name),
                "business_name" => out.push_str(business_name),
                "portal_link" => out.push_str(link),
                other
                    if other.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                        && !other.is_empty() =>
                {
                    return Err(MailError::UnknownPlaceholder(format!("{{{other}}}")));
                }
                _ => out.push_str(&after[..=end]),
            }
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        Ok(out)
    };
    let subject = fill(&template.subject)?.replace(['\r', '\n'], " ");
    let mut body = fill(&template.body)?;
    if kind == LinkKind::Session {
        body.push('\n');
        body.push_str(&portal_i18n::message(
            language,
            "mail-session-expires",
            None,
        ));
        body.push('\n');
    }
    Ok((subject, body))
}

/// A `mailto:` link that opens the draft in the user's mail program.
pub fn mailto(draft: &Draft) -> String {
    format!(
        "mailto:{}?subject={}&body={}",
        percent::encode(&draft.to).replace("%40", "@"),
        percent::encode(&draft.subject),
        percent::encode(&draft.body.replace('\n', "\r\n"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_card_email_says_what_is_owed_and_stripes_text_cant_add_placeholders() {
        let template =
            EmailTemplate::update_card(Language::En, Some(("USD 49.00", Some("AB{x}-0003"))));
        let (subject, body) = render(
            &template,
            "Zoë",
            "Acme Bakery",
            "https://billing.stripe.com/p/login/x",
            LinkKind::Login,
            Language::En,
        )
        .expect("renders");
        assert_eq!(
            subject,
            "Please update your payment details for Acme Bakery"
        );
        assert!(
            body.contains("to Acme Bakery: USD 49.00 is due on invoice ABx-0003."),
            "{body}"
        );
        assert!(body.starts_with("Hi Zoë,"), "{body}");
        assert!(
            body.contains("https://billing.stripe.com/p/login/x"),
            "{body}"
        );
        let (_, body) = render(
            &EmailTemplate::update_card(Language::En, None),
            "Zoë",
            "Acme Bakery",
            "https://x",
            LinkKind::Session,
            Language::En,
        )
        .expect("renders");
        assert!(
            body.contains("your last payment to Acme Bakery.\n"),
            "{body}"
        );
        assert!(body.contains("works for a short time"), "{body}");
    }

    #[test]
    fn the_english_templates_read_as_they_always_have() {
        let portal = EmailTemplate::default();
        assert_eq!(portal.subject, "Manage your billing with {business_name}");
        assert_eq!(
            portal.body,
            "Hi {customer_name},\n\nYou can update your payment method, download your invoices and manage your subscription here:\n\n{portal_link}\n\nThank you,\n{business_name}\n"
        );
        let card = EmailTemplate::update_card(Language::En, None);
        assert_eq!(
            card.body,
            "Hi {customer_name},\n\nWe couldn't collect your last payment to {business_name}.\n\nYou can update your card (or choose another way to pay) here:\n\n{portal_link}\n\nYour open invoices are there too, ready to pay.\n\nThank you,\n{business_name}\n"
        );
    }

    #[test]
    fn every_language_has_its_own_email_with_every_placeholder() -> Result<(), MailError> {
        for language in Language::ALL {
            for template in [
                EmailTemplate::portal(language),
                EmailTemplate::update_card(language, Some(("EUR 12.00", Some("A-1")))),
            ] {
                for placeholder in ["{customer_name}", "{business_name}", "{portal_link}"] {
                    assert!(
                        template.body.contains(placeholder),
                        "{language}: {}",
                        template.body
                    );
                }
                let (_, body) = render(
                    &template,
                    "Zoë",
                    "B",
                    "https://l",
                    LinkKind::Session,
                    language,
                )?;
                assert!(body.contains("Zoë") && body.contains("https://l"), "{body}");
            }
        }
        let (subject, body) = render(
            &EmailTemplate::portal(Language::Fr),
            "",
            "Boulangerie Dupont",
            "https://l",
            LinkKind::Session,
            Language::Fr,
        )?;
        assert_eq!(subject, "Gérez votre facturation avec Boulangerie Dupont");
        assert!(
            body.starts_with("Bonjour,\n"),
            "an empty name takes its space along: {body}"
        );
        assert!(
            body.contains("Ce lien n’est valable que peu de temps"),
            "{body}"
        );
        Ok(())
    }

    #[test]
    fn templates_fill_placeholders_and_refuse_unknown_ones() -> Result<(), MailError> {
        let (subject, body) = render(
            &EmailTemplate::default(),
            "Zoë",
            "Sandbox Coffee",
            "https://billing.stripe.com/p/login/x",
            LinkKind::Login,
            Language::En,
        )?;
        assert_eq!(subject, "Manage your billing with Sandbox Coffee");
        assert!(
            body.starts_with("Hi Zoë,") && body.contains("https://billing.stripe.com/p/login/x")
        );
        assert!(!body.contains("short time"));
        let (_, body) = render(
            &EmailTemplate::default(),
            "Zoë",
            "B",
            "L",
            LinkKind::Session,
            Language::En,
        )?;
        assert!(body.contains("works for a short time"));
        let odd = EmailTemplate {
            subject: "Hi {name}".into(),
            body: "{portal_link}".into(),
        };
        assert!(matches!(
            render(&odd, "a", "b", "c", LinkKind::Login, Language::En),
            Err(MailError::UnknownPlaceholder(_))
        ));
        let braces = EmailTemplate {
            subject: "x\r\nBcc: evil@example.com".into(),
            body: "{ not a placeholder } {".into(),
        };
        let (subject, body) = render(&braces, "a", "b", "c", LinkKind::Login, Language::En)?;
        assert!(!subject.contains('\n'), "no header injection");
        assert_eq!(body, "{ not a placeholder } {");
        Ok(())
    }

    #[test]
    fn mailto_encodes_everything() {
        let draft = Draft {
            to: "jane@example.com".into(),
            to_name: None,
            subject: "Billing & you".into(),
            body: "Line 1\nhttps://x.example/?a=b".into(),
            link: String::new(),
            link_kind: LinkKind::Login,
            language: Language::En,
            chosen_by: None,
        };
        assert_eq!(
            mailto(&draft),
            "mailto:jane@example.com?subject=Billing%20%26%20you&body=Line%201%0D%0Ahttps%3A%2F%2Fx.example%2F%3Fa%3Db"
        );
    }
}
