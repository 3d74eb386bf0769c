//! Portal configurations: listing, reading and choosing them (this file), and
//! creating and editing them. A [`ConfigurationSpec`] (`spec.rs`) holds the
//! fields a user set (unset fields are left alone on update); `encode.rs`
//! checks every value before any request, with the field named, and encodes
//! it as Stripe's bracketed form; `edit.rs` sends it.

use serde::Serialize;
use stripe_client_core::StripeRequest;

use crate::api_base::ApiBase;
use crate::error::quote;
use crate::portal::PortalError;
use crate::stripe_api::{StripeClient, StripeFailure};
use crate::sync::objects::is_generated_id;

mod edit;
mod encode;
mod spec;

pub use edit::{create, create_recommended_configuration, update};
pub use encode::{encode, form_body};
pub use spec::{
    CANCEL_REASONS, CUSTOMER_FIELDS, CancelMode, ConfigurationSpec, MAX_PLAN_PRODUCTS,
    PLAN_UPDATES, spec_of,
};

fn invalid(field: &'static str, reason: impl Into<String>) -> PortalError {
    PortalError::InvalidValue {
        field,
        reason: reason.into(),
    }
}

/// A portal configuration in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConfigurationSummary {
    /// `bpc_…`.
    pub id: String,
    /// Managed in the Dashboard (the account default).
    pub is_default: bool,
    /// Usable for new sessions.
    pub active: bool,
    /// `business_profile.headline`.
    pub headline: Option<String>,
    /// The durable login-page link, when enabled.
    pub login_page_url: Option<String>,
}

impl ConfigurationSummary {
    /// The summary of Stripe's configuration object (`None` without a usable id).
    pub fn of(configuration: &serde_json::Value) -> Option<ConfigurationSummary> {
        let id = configuration["id"]
            .as_str()
            .filter(|id| is_generated_id(id))?;
        Some(ConfigurationSummary {
            id: id.to_owned(),
            is_default: configuration["is_default"] == true,
            active: configuration["active"] != false,
            headline: configuration["business_profile"]["headline"]
                .as_str()
                .map(str::to_owned),
            login_page_url: configuration["login_page"]["url"]
                .as_str()
                .map(str::to_owned),
        })
    }
}

/// One configuration for an editor: its summary and its editable fields.
pub async fn configuration_detail(
    client: &StripeClient,
    id: &str,
) -> Result<
    (
        ConfigurationSummary,
        crate::configurations::ConfigurationSpec,
    ),
    PortalError,
> {
    let configuration = get_configuration(client, id).await?;
    let summary = ConfigurationSummary::of(&configuration).ok_or_else(|| {
        PortalError::Stripe(StripeFailure::Unreadable(
            "the configuration had no id".into(),
        ))
    })?;
    Ok((summary, crate::configurations::spec_of(&configuration)))
}

/// Every portal configuration of the account (newest first).
pub async fn list_configurations(
    client: &StripeClient,
) -> Result<Vec<ConfigurationSummary>, StripeFailure> {
    use stripe_billing::billing_portal_configuration::ListBillingPortalConfiguration;
    let mut out = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut request = ListBillingPortalConfiguration::new().limit(100);
        if let Some(cursor) = &cursor {
            request = request.starting_after(cursor.as_str());
        }
        let body = client.transport().send(request.build(), None).await?;
        let page = crate::sync::objects::page(&body).ok_or_else(|| {
            StripeFailure::Unreadable("the configuration list was not a Stripe list".into())
        })?;
        out.extend(page.data.iter().filter_map(ConfigurationSummary::of));
        cursor = out.last().map(|c| c.id.clone());
        if !page.has_more || page.data.is_empty() {
            return Ok(out);
        }
    }
}

/// One configuration, as Stripe gives it.
pub async fn get_configuration(
    client: &StripeClient,
    id: &str,
) -> Result<serde_json::Value, PortalError> {
    use stripe_billing::billing_portal_configuration::RetrieveBillingPortalConfiguration;
    let id = id.trim();
    if !id.starts_with("bpc_") || !is_generated_id(id) {
        return Err(PortalError::InvalidValue {
            field: "configuration",
            reason: format!(
                "{} is not a portal configuration id (they look like bpc_…)",
                quote(id)
            ),
        });
    }
    let body = client
        .transport()
        .send(RetrieveBillingPortalConfiguration::new(id).build(), None)
        .await
        .map_err(|failure| match failure {
            StripeFailure::Api {
                status: 400 | 404, ..
            } if failure.is_missing("configuration", "billing_portal.configuration") => {
                PortalError::InvalidValue {
                    field: "configuration",
                    reason: format!("Stripe has no portal configuration {id}"),
                }
            }
            other => PortalError::Stripe(other),
        })?;
    serde_json::from_slice(&body)
        .map_err(|_| StripeFailure::Unreadable("the configuration was not JSON".into()).into())
}

/// Makes configuration `id` the one `profile`'s sessions use, after checking
/// with Stripe that it exists. Returns the configuration.
pub async fn use_configuration(
    client: &StripeClient,
    profiles: &crate::Profiles,
    profile: &crate::ProfileName,
    id: &str,
) -> Result<serde_json::Value, crate::Error> {
    let configuration = get_configuration(client, id).await?;
    let id = configuration["id"].as_str().unwrap_or(id).to_owned();
    profiles.update_settings(profile, |s| s.portal_configuration = Some(id))?;
    Ok(configuration)
}

/// The configuration "Create a configuration for me" gives `profile`: the one
/// stored in its settings if any, else a new recommended one, stored there so
/// every later click reuses it.
pub async fn recommended_configuration_for(
    client: &StripeClient,
    profiles: &crate::Profiles,
    profile: &crate::ProfileName,
    api_base: Option<&ApiBase>,
) -> Result<String, crate::Error> {
    let settings = profiles.settings(profile)?;
    if let Some(id) = settings.portal_configuration {
        return Ok(id);
    }
    let id = create_recommended_configuration(
        client,
        profile.as_str(),
        settings.return_url.as_deref(),
        api_base,
    )
    .await
    .map_err(crate::Error::from)?;
    profiles.update_settings(profile, |s| s.portal_configuration = Some(id.clone()))?;
    Ok(id)
}
