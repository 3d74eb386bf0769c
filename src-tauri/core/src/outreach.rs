//! Getting a customer their portal link by email: the link (the durable login
//! page by default, or a short-lived session), the filled template, and the
//! delivery (SMTP, or a `mailto:` draft when no server is set up).

use serde::Serialize;
use stripe_billing::billing_portal_configuration::{
    UpdateBillingPortalConfiguration, UpdateBillingPortalConfigurationLoginPage,
};
use stripe_client_core::StripeRequest;
use stripe_connect::account::RetrieveForMyAccountAccount;

use crate::api_base::ApiBase;
use crate::cache::{Cache, customers};
use crate::error::Error;
use crate::mail::{self, Draft, LinkKind, MailError, SMTP_SECRET};
use crate::portal::{self, PortalError, SessionRequest};
use crate::profiles::{ProfileName, Profiles};
use crate::secret::Mode;
use crate::stripe_api::{StripeClient, StripeFailure};

/// What to prepare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailRequest {
    /// `cus_…`.
    pub customer: String,
    /// Which link.
    pub link: LinkKind,
    /// The user agreed to turn the login page on if it is off.
    pub enable_login_page: bool,
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
}

/// Prepares the email for one customer (what the preview shows).
pub async fn draft(cx: &Context<'_>, request: &EmailRequest) -> Result<Draft, Error> {
    let id = request.customer.trim();
    if !id.starts_with("cus_") || !crate::sync::objects::is_stripe_id(id) {
        return Err(PortalError::InvalidCustomerId(id.chars().take(40).collect()).into());
    }
    let customer = customers::get(cx.cache.conn(), id)
        .map_err(|e| cx.cache.error(e))?
        .ok_or_else(|| PortalError::InvalidValue {
            field: "customer",
            reason: format!("{id} is not in the cache; sync first"),
        })?;
    let name = customer
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "there".into());
    let address = customer
        .email
        .clone()
        .filter(|e| !e.trim().is_empty())
        .ok_or_else(|| {
            MailError::NoEmail(customer.name.clone().unwrap_or_else(|| id.to_owned()))
        })?;
    mail::check_address(&address)?;
    let link = match request.link {
        LinkKind::Login => login_link(cx, request.enable_login_page).await?,
        LinkKind::Session => {
            let settings = cx.profiles.settings(cx.profile)?;
            portal::create_session(
                cx.client,
                cx.cache,
                cx.api_base,
                cx.mode,
                settings.portal_configuration.as_deref(),
                settings.return_url.as_deref(),
                &SessionRequest {
                    customer: id.to_owned(),
                    ..Default::default()
                },
            )
            .await?
            .url
        }
    };
    let business = business_name(cx).await?;
    let template = cx
        .profiles
        .settings(cx.profile)?
        .email_template
        .unwrap_or_default();
    let (subject, body) = mail::render(&template, &name, &business, &link, request.link)?;
    Ok(Draft {
        to: address.trim().to_owned(),
        to_name: customer.name.filter(|n| !n.trim().is_empty()),
        subject,
        body,
        link,
        link_kind: request.link,
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
    if let Some(url) = configuration["login_page"]["url"]
        .as_str()
        .filter(|_| configuration["login_page"]["enabled"] == true)
    {
        return Ok(url.to_owned());
    }
    if !enable {
        return Err(PortalError::LoginPageOff(id).into());
    }
    let update = UpdateBillingPortalConfiguration::new(id.as_str())
        .login_page(UpdateBillingPortalConfigurationLoginPage::new(true));
    let body = cx.client.transport().send(update.build(), None).await?;
    let updated: serde_json::Value = serde_json::from_slice(&body)
        .map_err(|_| StripeFailure::Unreadable("the configuration was not JSON".into()))?;
    updated["login_page"]["url"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| {
            StripeFailure::Unreadable("Stripe turned the login page on but gave no link".into())
                .into()
        })
}

/// The business name customers know: recorded when the key was verified, else asked.
async fn business_name(cx: &Context<'_>) -> Result<String, Error> {
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
