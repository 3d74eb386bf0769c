//! The portal actions: each command parses its `args`, calls one core
//! function and converts the result (`portal_core::{portal, configurations,
//! outreach}` hold the logic).
//!
//! The core's futures borrow the cache (a single-threaded SQLite connection),
//! so they are not `Send`: each command drives its future to completion on the
//! thread Tauri runs it on ([`run_here`]).

use portal_core::cache::PooledCache;
use portal_core::configurations;
use portal_core::outreach::{self, Audience, Delivery, EmailRequest};
use portal_core::portal::{self, SessionRequest};
use portal_core::sync::{pacing, sync};
use portal_core::{Mode, ProfileName, StripeClient};
use portal_ipc::{
    ActivityEntry, BulkEmailArgs, BulkRecipient, BulkReport, BulkResult, ConfigurationArgs,
    ConfigurationDetail, ConfigurationSummary, CustomerArgs, EmailArgs, EmailDelivery, EmailDraft,
    OpenPortalArgs, PortalLink, ProductOption, ProfileArgs, SaveConfigurationArgs,
};
use std::sync::Arc;
use tauri::State;

use super::dto::{self, IntoCore, IntoDto};
use super::run_here;
use crate::AppState;
use crate::error::AppError;

/// The profile, its Stripe client and the key's mode.
fn connect(
    state: &AppState,
    profile: &str,
) -> Result<(ProfileName, Arc<StripeClient>, Mode), AppError> {
    let profile = ProfileName::parse(profile)?;
    let (client, mode) = state.client(&profile)?;
    Ok((profile, client, mode))
}

/// A profile ready for the email actions: its client, mode and open cache.
struct Connected {
    profile: ProfileName,
    client: Arc<StripeClient>,
    mode: Mode,
    cache: PooledCache,
}

impl Connected {
    fn open(state: &AppState, profile: &str) -> Result<Connected, AppError> {
        let (profile, client, mode) = connect(state, profile)?;
        let cache = state.profiles.open_cache(&profile)?;
        Ok(Connected {
            profile,
            client,
            mode,
            cache,
        })
    }

    fn cx<'a>(&'a self, state: &'a AppState) -> outreach::Context<'a> {
        outreach::Context {
            client: &self.client,
            cache: &self.cache,
            profiles: &state.profiles,
            profile: &self.profile,
            api_base: state.api_base.as_ref(),
            mode: self.mode,
            language: crate::language::window_language(&state.profiles).0,
        }
    }
}

/// [`portal_ipc::OpenPortal`]
#[tauri::command(async)]
pub fn open_portal(
    state: State<'_, AppState>,
    args: OpenPortalArgs,
) -> Result<PortalLink, AppError> {
    run_here(async move {
        let (profile, client, mode) = connect(&state, &args.profile)?;
        let request = SessionRequest {
            customer: args.customer,
            flow: args.flow.map(IntoCore::into_core),
            subscription: args.subscription,
            after_completion: args.after_completion.map(IntoCore::into_core),
            return_url: args.return_url,
            locale: args.locale,
        };
        let session = portal::create_session_for(
            &client,
            &state.profiles,
            &profile,
            state.api_base.as_ref(),
            mode,
            &request,
        )
        .await?;
        let opened = args.open
            && state
                .opener
                .open_url(&session.url, state.api_base.as_ref())
                .is_ok();
        Ok(PortalLink {
            custom_domain: custom_domain(&session.url, state.api_base.as_ref()),
            url: session.url,
            opened,
        })
    })
}

/// [`portal_ipc::CreateRecommendedConfiguration`]
#[tauri::command(async)]
pub fn create_recommended_configuration(
    state: State<'_, AppState>,
    args: ProfileArgs,
) -> Result<String, AppError> {
    run_here(async move {
        let (profile, client, _) = connect(&state, &args.profile)?;
        Ok(portal::recommended_configuration_for(
            &client,
            &state.profiles,
            &profile,
            state.api_base.as_ref(),
        )
        .await?)
    })
}

/// [`portal_ipc::ListConfigurations`]
#[tauri::command(async)]
pub fn list_configurations(
    state: State<'_, AppState>,
    args: ProfileArgs,
) -> Result<Vec<ConfigurationSummary>, AppError> {
    run_here(async move {
        let (profile, client, _) = connect(&state, &args.profile)?;
        let chosen = state.profiles.settings(&profile)?.portal_configuration;
        let list = portal::list_configurations(&client).await?;
        Ok(list
            .into_iter()
            .map(|c| ConfigurationSummary {
                in_use: chosen.as_deref() == Some(c.id.as_str()),
                id: c.id,
                is_default: c.is_default,
                active: c.active,
                headline: c.headline,
                login_page_url: c.login_page_url,
            })
            .collect())
    })
}

/// [`portal_ipc::SaveConfiguration`]
#[tauri::command(async)]
pub fn save_configuration(
    state: State<'_, AppState>,
    args: SaveConfigurationArgs,
) -> Result<String, AppError> {
    run_here(async move {
        let (profile, client, _) = connect(&state, &args.profile)?;
        let cache = state.profiles.open_cache(&profile)?;
        let spec = dto::spec(args.fields)?;
        let api_base = state.api_base.as_ref();
        let saved = match &args.id {
            Some(id) => configurations::update(&client, &cache, api_base, id, &spec).await,
            None => configurations::create(&client, &cache, api_base, &spec).await,
        }?;
        let id = saved["id"].as_str().unwrap_or_default().to_owned();
        if args.use_it {
            state
                .profiles
                .update_settings(&profile, |s| s.portal_configuration = Some(id.clone()))?;
        }
        Ok(id)
    })
}

/// [`portal_ipc::GetConfiguration`]
#[tauri::command(async)]
pub fn get_configuration(
    state: State<'_, AppState>,
    args: ConfigurationArgs,
) -> Result<ConfigurationDetail, AppError> {
    run_here(async move {
        let (profile, client, _) = connect(&state, &args.profile)?;
        let chosen = state.profiles.settings(&profile)?.portal_configuration;
        let (summary, spec) = portal::configuration_detail(&client, &args.id).await?;
        Ok(ConfigurationDetail {
            in_use: chosen.as_deref() == Some(summary.id.as_str()),
            is_default: summary.is_default,
            login_page_url: summary.login_page_url,
            fields: spec.into_dto(),
            id: summary.id,
        })
    })
}

/// [`portal_ipc::SwitchableProducts`]: from the cache, so it works offline.
#[tauri::command(async)]
pub fn switchable_products(
    state: State<'_, AppState>,
    args: ProfileArgs,
) -> Result<Vec<ProductOption>, AppError> {
    let profile = ProfileName::parse(&args.profile)?;
    let cache = state.profiles.open_cache(&profile)?;
    let products = cache.read(portal_core::cache::products::switchable)?;
    Ok(products
        .into_iter()
        .map(|p| ProductOption {
            id: p.id,
            name: p.name,
        })
        .collect())
}

/// [`portal_ipc::UseConfiguration`]: checked with Stripe, then stored.
#[tauri::command(async)]
pub fn use_configuration(
    state: State<'_, AppState>,
    args: ConfigurationArgs,
) -> Result<(), AppError> {
    run_here(async move {
        let (profile, client, _) = connect(&state, &args.profile)?;
        portal::use_configuration(&client, &state.profiles, &profile, &args.id).await?;
        Ok(())
    })
}

fn email_request(args: &EmailArgs) -> EmailRequest {
    EmailRequest {
        customer: args.customer.clone(),
        link: args.link.into_core(),
        enable_login_page: args.enable_login_page,
        purpose: args.purpose.into_core(),
    }
}

/// [`portal_ipc::PreviewEmail`]
#[tauri::command(async)]
pub fn preview_email(state: State<'_, AppState>, args: EmailArgs) -> Result<EmailDraft, AppError> {
    run_here(async move {
        let connected = Connected::open(&state, &args.profile)?;
        let cx = connected.cx(&state);
        let draft = outreach::draft(&cx, &email_request(&args)).await?;
        Ok(EmailDraft {
            to: draft.to,
            to_name: draft.to_name,
            subject: draft.subject,
            body: draft.body,
            custom_domain: custom_domain(&draft.link, state.api_base.as_ref()),
            link: draft.link,
            link_kind: args.link,
            language: draft.language,
            chosen_by: draft.chosen_by,
        })
    })
}

/// The custom domain `url` opens, if it isn't Stripe's (or the sandbox's).
fn custom_domain(url: &str, api_base: Option<&portal_core::ApiBase>) -> Option<String> {
    portal_core::links::check(url, api_base)
        .ok()
        .and_then(|link| link.custom_domain())
}

/// [`portal_ipc::SendEmail`]: through SMTP, or a `mailto:` draft opened in the mail program.
#[tauri::command(async)]
pub fn send_email(state: State<'_, AppState>, args: EmailArgs) -> Result<EmailDelivery, AppError> {
    run_here(async move {
        let connected = Connected::open(&state, &args.profile)?;
        let cx = connected.cx(&state);
        let draft = outreach::draft(&cx, &email_request(&args)).await?;
        Ok(
            match outreach::deliver(&state.profiles, &connected.profile, &draft).await? {
                Delivery::Smtp => EmailDelivery::Smtp,
                Delivery::Mailto { url } => {
                    let _ = state.opener.open_mail_draft(&url);
                    EmailDelivery::Mailto { url }
                }
            },
        )
    })
}

fn audience(args: &BulkEmailArgs) -> Result<Audience, AppError> {
    let status = args
        .status
        .as_deref()
        .map(portal_core::query::parse_status)
        .transpose()?;
    let search = args
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    Ok(Audience::new(status, search))
}

/// The campaign's name; blank means the audience and today's date.
fn campaign(args: &BulkEmailArgs, audience: &Audience) -> String {
    match args.campaign.trim() {
        "" => audience.default_campaign(),
        name => name.to_owned(),
    }
}

/// [`portal_ipc::PlanBulkEmail`]
#[tauri::command(async)]
pub fn plan_bulk_email(
    state: State<'_, AppState>,
    args: BulkEmailArgs,
) -> Result<Vec<BulkRecipient>, AppError> {
    run_here(async move {
        let connected = Connected::open(&state, &args.profile)?;
        let cx = connected.cx(&state);
        let audience = audience(&args)?;
        Ok(outreach::plan(&cx, &campaign(&args, &audience), &audience)?
            .into_iter()
            .map(|p| BulkRecipient {
                customer_id: p.customer_id,
                name: p.name,
                email: p.email,
                skip: p.skip,
            })
            .collect())
    })
}

/// [`portal_ipc::SendBulkEmail`]
#[tauri::command(async)]
pub fn send_bulk_email(
    state: State<'_, AppState>,
    args: BulkEmailArgs,
) -> Result<BulkReport, AppError> {
    run_here(async move {
        let connected = Connected::open(&state, &args.profile)?;
        let cx = connected.cx(&state);
        let audience = audience(&args)?;
        let report = outreach::send_campaign(
            &cx,
            &campaign(&args, &audience),
            &audience,
            args.link.into_core(),
            args.enable_login_page,
            std::time::Duration::from_millis(250),
            &mut |_| {},
        )
        .await?;
        Ok(BulkReport {
            campaign: report.campaign,
            sent: report.sent,
            failed: report.failed,
            skipped: report.skipped,
            results: report
                .results
                .into_iter()
                .map(|r| BulkResult {
                    customer_id: r.customer_id,
                    email: r.email,
                    outcome: r.outcome.as_str().into(),
                    reason: r.reason,
                })
                .collect(),
        })
    })
}

/// [`portal_ipc::RefreshAfterPortal`]: an incremental sync (the events the
/// visit caused), then the customer's newest activity.
#[tauri::command(async)]
pub fn refresh_after_portal(
    state: State<'_, AppState>,
    args: CustomerArgs,
) -> Result<Vec<ActivityEntry>, AppError> {
    run_here(async move {
        let (profile, client, mode) = connect(&state, &args.profile)?;
        let mut cache = state.profiles.open_cache(&profile)?;
        let (_, options) = pacing(&state.profiles.settings(&profile)?, mode, false);
        sync(&client, &mut cache, &options, &mut |_| {}).await?;
        Ok(
            portal_core::query::activity(&cache, Some(args.customer.trim()), 20)?
                .into_iter()
                .map(IntoDto::into_dto)
                .collect(),
        )
    })
}
