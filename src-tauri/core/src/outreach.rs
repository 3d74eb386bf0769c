//! Getting a customer their portal link by email: the link (the durable login
//! page by default, or a short-lived session), the filled template, and the
//! delivery (SMTP, or a `mailto:` draft when no server is set up).

use portal_i18n::Language;
use serde::Serialize;
use stripe_billing::billing_portal_configuration::{
    UpdateBillingPortalConfiguration, UpdateBillingPortalConfigurationLoginPage,
};
use stripe_client_core::StripeRequest;
use stripe_connect::account::RetrieveForMyAccountAccount;

use crate::api_base::ApiBase;
use crate::cache::campaigns::{self, Outcome, RecipientResult};
use crate::cache::customer_index::CustomerIndexes;
use crate::cache::customers::{Customer, CustomerQuery, StatusFilter};
use crate::cache::{Cache, customers};
use crate::error::Error;
use crate::mail::{self, Draft, EmailPurpose, EmailTemplate, LinkKind, MailError, SMTP_SECRET};
use crate::portal::{self, Flow, PortalError, SessionRequest};
use crate::profiles::{ProfileName, Profiles};
use crate::query;
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
    let trouble = query::PaymentTrouble::of_customer(cx.cache.conn(), customer)
        .map_err(|e| cx.cache.error(e))?;
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
    Ok(customers::get(cx.cache.conn(), id)
        .map_err(|e| cx.cache.error(e))?
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

/// Who a bulk email goes to: the customers a list query selects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audience {
    /// The filter (its limit is ignored: everyone matching is included).
    pub query: CustomerQuery,
    /// How the filter reads ("status past_due", "search \"acme\"").
    pub label: String,
}

impl Audience {
    /// Everyone with `status` (if given) matching `search` (if given), labelled
    /// the way campaign names and previews show it.
    pub fn new(status: Option<StatusFilter>, search: Option<String>) -> Audience {
        let mut label = Vec::new();
        if let Some(status) = status {
            label.push(format!("status {}", status.as_str()));
        }
        if let Some(text) = &search {
            label.push(format!("search {text:?}"));
        }
        if label.is_empty() {
            label.push("everyone".to_owned());
        }
        Audience {
            query: CustomerQuery {
                text: search.unwrap_or_default(),
                status,
                ..Default::default()
            },
            label: label.join(", "),
        }
    }

    /// The default campaign name: the audience and today's date, so running
    /// the same bulk email again the same day emails nobody twice.
    pub fn default_campaign(&self) -> String {
        format!(
            "{} {}",
            self.label,
            crate::money::format_date(crate::sync::unix_now())
        )
    }
}

/// One recipient in the preview of a bulk email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedRecipient {
    /// `cus_…`.
    pub customer_id: String,
    /// Name.
    pub name: Option<String>,
    /// The address the email goes to, if usable.
    pub email: Option<String>,
    /// Why this customer will not be emailed.
    pub skip: Option<String>,
}

/// The preview of campaign `campaign`: everyone in `audience`, each with the
/// reason they will be skipped, if any (no email, bad address, already emailed).
pub fn plan(
    cx: &Context<'_>,
    campaign: &str,
    audience: &Audience,
) -> Result<Vec<PlannedRecipient>, Error> {
    let query = CustomerQuery {
        limit: usize::MAX >> 1,
        offset: 0,
        ..audience.query.clone()
    };
    // A preview is rare enough to build its own index.
    let (rows, _) = query::customers(cx.cache, &CustomerIndexes::default(), &query)?;
    let mut planned = Vec::with_capacity(rows.len());
    for row in rows {
        let Some(customer) =
            customers::get(cx.cache.conn(), &row.id).map_err(|e| cx.cache.error(e))?
        else {
            continue;
        };
        let sent = campaigns::already_sent(cx.cache.conn(), campaign, &customer.id)
            .map_err(|e| cx.cache.error(e))?;
        let (email, skip) = match usable_address(&customer) {
            Ok(_) if sent => (
                customer.email.clone(),
                Some(portal_i18n::skip::ALREADY_EMAILED.to_owned()),
            ),
            Ok(address) => (Some(address), None),
            Err(MailError::NoEmail(_)) => (None, Some(portal_i18n::skip::NO_EMAIL.to_owned())),
            Err(e) => (customer.email.clone(), Some(e.to_string())),
        };
        planned.push(PlannedRecipient {
            customer_id: customer.id,
            name: customer.name,
            email,
            skip,
        });
    }
    Ok(planned)
}

/// The outcome of a bulk send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CampaignReport {
    /// The campaign's name.
    pub campaign: String,
    /// Emails that left in this run.
    pub sent: u64,
    /// Emails that failed (a re-run retries them).
    pub failed: u64,
    /// Customers skipped (already emailed, no or bad address).
    pub skipped: u64,
    /// Per recipient, in order.
    pub results: Vec<RecipientResult>,
}

/// Sends campaign `campaign` to `audience` through the profile's SMTP server,
/// one email every `pace`, recording each result as it happens: a re-run (even
/// after a crash) never emails anyone twice.
pub async fn send_campaign(
    cx: &Context<'_>,
    campaign: &str,
    audience: &Audience,
    kind: LinkKind,
    enable_login_page: bool,
    pace: std::time::Duration,
    on_result: &mut dyn FnMut(&RecipientResult),
) -> Result<CampaignReport, Error> {
    let settings = cx.profiles.settings(cx.profile)?.smtp.ok_or_else(|| {
        MailError::BadSettings(
            "bulk email needs an SMTP server; set one with `portal-desk smtp set` or in Settings"
                .into(),
        )
    })?;
    let password = match settings.username {
        Some(_) => cx
            .profiles
            .keychain()
            .load_secret(SMTP_SECRET, cx.profile)?,
        None => None,
    };
    let transport = mail::transport(&settings, password.as_deref().map(String::as_str))?;
    let planned = plan(cx, campaign, audience)?;
    let now = crate::sync::unix_now();
    let conn = cx.cache.conn();
    campaigns::ensure(conn, campaign, &audience.label, link_name(kind), now)
        .map_err(|e| cx.cache.error(e))?;
    let login = match kind {
        LinkKind::Login => Some(login_link(cx, enable_login_page).await?),
        LinkKind::Session => None,
    };
    let business = business_name(cx).await?;

    let mut report = CampaignReport {
        campaign: campaign.to_owned(),
        sent: 0,
        failed: 0,
        skipped: 0,
        results: Vec::new(),
    };
    let mut first = true;
    for recipient in planned {
        let at = crate::sync::unix_now();
        let mut result = RecipientResult {
            customer_id: recipient.customer_id.clone(),
            email: recipient.email.clone(),
            outcome: Outcome::Skipped,
            reason: recipient.skip.clone(),
            at,
        };
        if recipient.skip.is_none() {
            if !first {
                tokio::time::sleep(pace).await;
            }
            first = false;
            let sent = async {
                let customer = cached_customer(cx, &recipient.customer_id)?;
                let address = usable_address(&customer)?;
                // Each recipient gets the email in their own language.
                let language = email_language(&customer, cx.language);
                let link = match &login {
                    Some(link) => link.clone(),
                    None => session_link(cx, &customer.id, None, language.0).await?,
                };
                let template = portal_template(cx, language.0)?;
                let draft = compose(
                    &customer, address, link, kind, &business, &template, language,
                )?;
                mail::send_with(&transport, &settings, &draft).await?;
                Ok::<_, Error>(())
            }
            .await;
            match sent {
                Ok(()) => {
                    result.outcome = Outcome::Sent;
                    report.sent += 1;
                }
                Err(error) => {
                    result.outcome = Outcome::Failed;
                    result.reason = Some(error.to_string());
                    report.failed += 1;
                }
            }
        } else {
            report.skipped += 1;
        }
        // Already-emailed customers keep their "sent" row; everyone else is recorded now.
        if recipient.skip.as_deref() != Some(portal_i18n::skip::ALREADY_EMAILED) {
            campaigns::record(conn, campaign, &result).map_err(|e| cx.cache.error(e))?;
        }
        on_result(&result);
        report.results.push(result);
    }
    Ok(report)
}

fn link_name(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Login => "login",
        LinkKind::Session => "session",
    }
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
