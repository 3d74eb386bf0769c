//! `portal` (a customer's portal, opened or printed) and `configs` (the
//! account's portal configurations).

use portal_core::configurations;
use portal_core::portal::{self, Flow, SessionRequest};
use portal_core::{ApiBase, ProfileName, Profiles};

use super::args::{ConfigsAction, FlowArg, PortalArgs};
use super::exit::Failure;
use super::key::interactive_client;
use super::output::{lang, print_json};
use super::runtime;

pub(super) fn open_portal(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
    args: PortalArgs,
) -> Result<(), Failure> {
    let print = args.print;
    let request = &session_request(args)?;
    let (client, mode) = interactive_client(profiles, profile, api_base)?;
    let session = runtime()?.block_on(portal::create_session_for(
        &client, profiles, profile, api_base, mode, request,
    ))?;
    if print {
        say!("{}", session.url);
        return Ok(());
    }
    match crate::opener::Opener::from_env().open_url(&session.url, api_base) {
        Ok(()) => {
            say!(
                "{}",
                t!("cli-portal-opened", customer = request.customer.as_str())
            );
            Ok(())
        }
        Err(e) => {
            say!("{}", session.url);
            tell!("{}", t!("cli-portal-browser-failed", error = e.to_string()));
            Ok(())
        }
    }
}

pub(super) fn configs(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
    action: ConfigsAction,
) -> Result<(), Failure> {
    let (client, _) = interactive_client(profiles, profile, api_base)?;
    let runtime = runtime()?;
    match action {
        ConfigsAction::List { json } => {
            let list = runtime.block_on(portal::list_configurations(&client))?;
            let chosen = profiles.settings(profile)?.portal_configuration;
            if json {
                say!(
                    "{}",
                    serde_json::to_string(&list).expect("configurations serialize")
                );
                return Ok(());
            }
            if list.is_empty() {
                say!("{}", t!("cli-configs-none"));
            }
            for c in &list {
                let mut notes = Vec::new();
                if c.is_default {
                    notes.push(t!("cli-configs-account-default"));
                }
                if chosen.as_deref() == Some(c.id.as_str()) {
                    notes.push(t!("cli-configs-used-here"));
                }
                if !c.active {
                    notes.push(t!("cli-configs-inactive"));
                }
                let no_headline = t!("cli-configs-no-headline");
                say!(
                    "{}  {}  {}",
                    c.id,
                    crate::text::clip(c.headline.as_deref().unwrap_or(&no_headline), 50),
                    notes.join(", ")
                );
                if let Some(url) = &c.login_page_url {
                    say!("    {}", t!("cli-configs-login-page", url = url.as_str()));
                }
            }
            Ok(())
        }
        ConfigsAction::Show { id, json } => {
            let configuration = runtime.block_on(portal::get_configuration(&client, &id))?;
            if json {
                say!(
                    "{}",
                    serde_json::to_string_pretty(&configuration).expect("JSON")
                );
            } else {
                say_part!("{}", crate::text::configuration(&configuration, lang()));
            }
            Ok(())
        }
        ConfigsAction::Create {
            recommended: true,
            json,
            ..
        } => {
            let id = runtime.block_on(portal::recommended_configuration_for(
                &client, profiles, profile, api_base,
            ))?;
            if json {
                let configuration = runtime.block_on(portal::get_configuration(&client, &id))?;
                print_json(&configuration);
            } else {
                say!(
                    "{}",
                    t!(
                        "cli-configs-profile-uses",
                        profile = profile.as_str(),
                        id = id.as_str()
                    )
                );
            }
            Ok(())
        }
        ConfigsAction::Create {
            recommended: false,
            use_it,
            json,
            fields,
        } => {
            let cache = profiles.open_cache(profile)?;
            let created = runtime.block_on(configurations::create(
                &client,
                &cache,
                api_base,
                &fields.spec(),
            ))?;
            let id = created["id"].as_str().unwrap_or_default().to_owned();
            if use_it {
                profiles.update_settings(profile, |s| s.portal_configuration = Some(id.clone()))?;
            }
            if json {
                print_json(&created);
            } else {
                say!("{}", t!("cli-configs-created", id = id.as_str()));
                if use_it {
                    say!("{}", t!("cli-configs-now-used", profile = profile.as_str()));
                }
            }
            Ok(())
        }
        ConfigsAction::Update { id, json, fields } => {
            let cache = profiles.open_cache(profile)?;
            let updated = runtime.block_on(configurations::update(
                &client,
                &cache,
                api_base,
                &id,
                &fields.spec(),
            ))?;
            if json {
                print_json(&updated);
            } else {
                say_part!("{}", crate::text::configuration(&updated, lang()));
            }
            Ok(())
        }
        ConfigsAction::Use { id, json } => {
            let configuration =
                runtime.block_on(portal::use_configuration(&client, profiles, profile, &id))?;
            if json {
                print_json(&configuration);
            } else {
                let id = configuration["id"].as_str().unwrap_or(&id);
                say!(
                    "{}",
                    t!("cli-configs-now-uses", profile = profile.as_str(), id = id)
                );
            }
            Ok(())
        }
    }
}

/// The session `portal` asks for: `--flow` and the flags it needs.
fn session_request(args: PortalArgs) -> Result<SessionRequest, Failure> {
    let PortalArgs {
        customer_id,
        flow,
        subscription,
        price,
        quantity,
        coupon,
        after,
        return_url,
        locale,
        print: _,
    } = args;
    let flow = match flow {
        None => None,
        Some(FlowArg::PaymentMethodUpdate) => Some(Flow::PaymentMethodUpdate),
        Some(FlowArg::SubscriptionCancel) => Some(Flow::SubscriptionCancel {
            retention_coupon: coupon,
        }),
        Some(FlowArg::SubscriptionUpdate) => Some(Flow::SubscriptionUpdate),
        Some(FlowArg::SubscriptionUpdateConfirm) => Some(Flow::SubscriptionUpdateConfirm {
            price: price.ok_or_else(|| Failure::usage(t!("cli-flow-needs-price")))?,
            quantity,
            item: None,
        }),
    };
    Ok(SessionRequest {
        customer: customer_id,
        flow,
        subscription,
        after_completion: after,
        return_url,
        locale,
    })
}
