//! Getting a customer their portal link by email: the link (the durable login
//! page by default, or a short-lived session), the filled template, and the
//! delivery (SMTP, or a `mailto:` draft when no server is set up).
//!
//! This file prepares and delivers one email; `campaign.rs` sends one to many.

use portal_i18n::Language;
use serde::Serialize;
use stripe_billing::billing_portal_configuration::{
    UpdateBillingPortalConfiguration, UpdateBillingPortalConfigurationLoginPage,
};
use stripe_client_core::StripeRequest;
use stripe_connect::account::RetrieveForMyAccountAccount;

use crate::api_base::ApiBase;
use crate::cache::customers::Customer;
use crate::cache::{Cache, customers};
use crate::error::Error;
use crate::mail::{self, Draft, EmailPurpose, EmailTemplate, LinkKind, MailError, SMTP_SECRET};
use crate::portal::{self, Flow, PortalError, SessionRequest};
use crate::profiles::{ProfileName, Profiles};
use crate::query;
use crate::secret::Mode;
use crate::stripe_api::{StripeClient, StripeFailure};

mod campaign;

pub use campaign::{Audience, CampaignReport, PlannedRecipient, plan, send_campaign};

/// What to prepare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailRequest {
    /// `cus_…`.
    pub customer: String,
    /// Which link.
    pub link: LinkKind,
    /// The user agreed to turn the login page on if it is off.
    pub enable_login_page: bool,
    /// What the email asks.
    pub purpose: EmailPurpose,
}

/// Everything about one profile that preparing an email needs.
pub struct Context<'a> {
    /// Stripe.
    pub client: &'a StripeClient,
    /// The profile's cache.
    pub cache: &'a Cache,
    /// The profiles (settings, keychain).
    pub profiles: &'a Profiles,
    /// The profile.
    pub profile: &'a ProfileName,
    /// The sandbox, when one is in use.
    pub api_base: Option<&'a ApiBase>,
    /// Test or live.
    pub mode: Mode,
    /// The app's language, for customers whose own Stripe doesn't know.
    pub language: Language,
}

/// The language a customer's email is written in, and the preferred locale
/// that chose it: the first of their Stripe `preferred_locales` Portal Desk
/// speaks, else `fallback` (the app's).
pub fn email_language(customer: &Customer, fallback: Language) -> (Language, Option<String>) {
    customer
        .preferred_locales
        .iter()
        .find_map(|locale| {
            Language::from_locale(locale).map(|language| (language, Some(locale.clone())))
        })
        .unwrap_or((fallback, None))
}

/// Prepares the email for one customer (what the preview shows).
pub async fn draft(cx: &Context<'_>, request: &EmailRequest) -> Result<Draft, Error> {
    let customer = cached_customer(cx, &request.customer)?;
    let address = usable_address(&customer)?;
    let language = email_language(&customer, cx.language);
    let flow = match request.purpose {
        EmailPurpose::Portal => None,
        EmailPurpose::UpdateCard => Some(Flow::PaymentMethodUpdate),
    };
    let link = match request.link {
        LinkKind::Login => login_link(cx, request.enable_login_page).await?,
        LinkKind::Session => session_link(cx, &customer.id, flow, language.0).await?,
    };
    let template = match request.purpose {
        EmailPurpose::Portal => portal_template(cx, language.0)?,
        EmailPurpose::UpdateCard => update_card_template(cx, &customer.id, language.0)?,
    };
    compose(
        &customer,
        address,
        link,
        request.link,
        &business_name(cx).await?,
        &template,
        language,
    )
}

/// The profile's own template if one was saved (it is used in every
/// language), else the portal email in `language`.
fn portal_template(cx: &Context<'_>, language: Language) -> Result<EmailTemplate, Error> {
    Ok(cx
        .profiles
        .settings(cx.profile)?
        .email_template
        .unwrap_or_else(|| EmailTemplate::portal(language)))
}

/// The card email, saying what the customer owes when the cache knows.
fn update_card_template(
    cx: &Context<'_>,
    customer: &str,
    language: Language,
) -> Result<EmailTemplate, Error> {
    let trouble = cx
        .cache
        .read(|conn| query::PaymentTrouble::of_customer(conn, customer))?;
    Ok(match trouble {
        None => EmailTemplate::update_card(language, None),
        Some(trouble) => {
            let amount = crate::money::format_amount(trouble.amount_due, &trouble.invoice.currency);
            EmailTemplate::update_card(language, Some((&amount, trouble.invoice.number.as_deref())))
        }
    })
}

fn cached_customer(cx: &Context<'_>, id: &str) -> Result<Customer, Error> {
    let id = id.trim();
    if !id.starts_with("cus_") || !crate::sync::objects::is_generated_id(id) {
        return Err(PortalError::InvalidCustomerId(id.chars().take(40).collect()).into());
    }
    Ok(cx
        .cache
        .read(|conn| customers::get(conn, id))?
        .ok_or_else(|| PortalError::InvalidValue {
            field: "customer",
            reason: format!("{id} is not in the cache; sync first"),
        })?)
}

/// The customer's address, checked.
fn usable_address(customer: &Customer) -> Result<String, MailError> {
    let address = customer
        .email
        .clone()
        .filter(|e| !e.trim().is_empty())
        .ok_or_else(|| {
            MailError::NoEmail(customer.name.clone().unwrap_or_else(|| customer.id.clone()))
        })?;
    mail::check_address(&address)?;
    Ok(address.trim().to_owned())
}

async fn session_link(
    cx: &Context<'_>,
    customer: &str,
    flow: Option<Flow>,
    language: Language,
) -> Result<String, Error> {
    let settings = cx.profiles.settings(cx.profile)?;
    Ok(portal::create_session(
        cx.client,
        cx.cache,
        cx.api_base,
        cx.mode,
        settings.portal_configuration.as_deref(),
        settings.return_url.as_deref(),
        &SessionRequest {
            customer: customer.to_owned(),
            flow,
            // The portal opens in the language the email is written in.
            locale: Some(language.tag().to_owned()),
            ..Default::default()
        },
    )
    .await?
    .url)
}

fn compose(
    customer: &Customer,
    address: String,
    link: String,
    kind: LinkKind,
    business: &str,
    template: &EmailTemplate,
    (language, chosen_by): (Language, Option<String>),
) -> Result<Draft, Error> {
    let name = customer
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| portal_i18n::message(language, "mail-no-name", None));
    let (subject, body) = mail::render(template, &name, business, &link, kind, language)?;
    Ok(Draft {
        to: address,
        to_name: customer.name.clone().filter(|n| !n.trim().is_empty()),
        subject,
        body,
        link,
        link_kind: kind,
        language,
        chosen_by,
    })
}

/// How a draft left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "via", rename_all = "snake_case")]
pub enum Delivery {
    /// Through the profile's SMTP server.
    Smtp,
    /// No SMTP server is set up: this `mailto:` link opens it in the mail program.
    Mailto {
        /// The link.
        url: String,
    },
}

/// Sends `draft` with the profile's SMTP settings, or returns a `mailto:` link.
pub async fn deliver(
    profiles: &Profiles,
    profile: &ProfileName,
    draft: &Draft,
) -> Result<Delivery, Error> {
    let Some(settings) = profiles.settings(profile)?.smtp else {
        return Ok(Delivery::Mailto {
            url: mail::mailto(draft),
        });
    };
    // The keychain is only asked when the server wants a login.
    let password = match settings.username {
        Some(_) => profiles.keychain().load_secret(SMTP_SECRET, profile)?,
        None => None,
    };
    mail::send(&settings, password.as_deref().map(String::as_str), draft).await?;
    Ok(Delivery::Smtp)
}

/// The durable login-page link of the configuration the profile uses.
async fn login_link(cx: &Context<'_>, enable: bool) -> Result<String, Error> {
    let chosen = cx.profiles.settings(cx.profile)?.portal_configuration;
    let id = match chosen {
        Some(id) => id,
        None => portal::list_configurations(cx.client)
            .await?
            .into_iter()
            .find(|c| c.is_default)
            .map(|c| c.id)
            .ok_or(PortalError::NotConfigured {
                dashboard_url: portal::dashboard_portal_settings(cx.mode),
                mode: cx.mode,
            })?,
    };
    let configuration = portal::get_configuration(cx.client, &id).await?;
    let url = match configuration["login_page"]["url"]
        .as_str()
        .filter(|_| configuration["login_page"]["enabled"] == true)
    {
        Some(url) => url.to_owned(),
        None if !enable => return Err(PortalError::LoginPageOff(id).into()),
        None => {
            let update = UpdateBillingPortalConfiguration::new(id.as_str())
                .login_page(UpdateBillingPortalConfigurationLoginPage::new(true));
            let body = cx.client.transport().send(update.build(), None).await?;
            let updated: serde_json::Value = serde_json::from_slice(&body)
                .map_err(|_| StripeFailure::Unreadable("the configuration was not JSON".into()))?;
            updated["login_page"]["url"]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| {
                    StripeFailure::Unreadable(
                        "Stripe turned the login page on but gave no link".into(),
                    )
                })?
        }
    };
    // Emailed to a customer: checked by the same rule as every link opened.
    Ok(portal::stripe_link(&url, cx.api_base)?.into_string())
}

/// The business name customers know: typed in the settings, else recorded
/// when the key was verified, else asked of Stripe.
async fn business_name(cx: &Context<'_>) -> Result<String, Error> {
    if let Some(name) = cx.profiles.settings(cx.profile)?.business_name {
        return Ok(name);
    }
    if let Some(name) = cx.profiles.business_name(cx.profile)? {
        return Ok(name);
    }
    let body = cx
        .client
        .transport()
        .send(RetrieveForMyAccountAccount::new().build(), None)
        .await;
    let name = body
        .ok()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .and_then(|a| {
            a["business_profile"]["name"]
                .as_str()
                .or(a["settings"]["dashboard"]["display_name"].as_str())
                .map(str::to_owned)
        });
    Ok(name.unwrap_or_else(|| "us".into()))
}
