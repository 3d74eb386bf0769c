//! Bulk email: a campaign to everyone a list query selects, previewed first
//! ([`plan`]) and sent at a pace, each result recorded as it happens so a
//! re-run never emails anyone twice.

use serde::Serialize;

use super::{Context, business_name, cached_customer, compose, email_language, login_link};
use super::{portal_template, session_link, usable_address};
use crate::cache::campaigns::{self, Outcome, RecipientResult};
use crate::cache::customer_index::CustomerIndexes;
use crate::cache::customers::{self, CustomerQuery, StatusFilter};
use crate::error::Error;
use crate::mail::{self, LinkKind, MailError, SMTP_SECRET};
use crate::query;

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
        let Some(customer) = cx.cache.read(|conn| customers::get(conn, &row.id))? else {
            continue;
        };
        let sent = cx
            .cache
            .read(|conn| campaigns::already_sent(conn, campaign, &customer.id))?;
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
    cx.cache
        .read(|conn| campaigns::ensure(conn, campaign, &audience.label, link_name(kind), now))?;
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
            cx.cache
                .read(|conn| campaigns::record(conn, campaign, &result))?;
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
