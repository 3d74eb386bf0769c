//! Browsing the cache and syncing it: the customer list, a customer's billing
//! info, the activity feed, invoice documents, and the sync with its status.
//! The answers come from `portal_core::query` and work offline.

use portal_core::cache::customers::CustomerQuery;
use portal_core::query::{self, BillingInfo};
use portal_core::sync::{Progress, SyncMode, sync, sync_client};
use portal_core::{DocumentError, DocumentTarget, ProfileName, StripeClient, money};
use portal_ipc::{
    ActivityEntry, CustomerArgs, CustomerDetail, CustomerListArgs, CustomerPage, CustomerStatus,
    InvoiceSummary, Money, OpenInvoiceArgs, PaymentMethodSummary, PaymentTrouble, ProfileArgs,
    StatusCounts, SubscriptionSummary, SyncArgs, SyncProgress, SyncStatus, SyncStep,
};
use tauri::State;

use super::dto::{IntoCore, IntoDto};
use super::run_here;
use crate::AppState;
use crate::error::AppError;
use crate::notifier::{changes_notice, notice_line};

/// Rows one `list_customers` call returns at most.
const MAX_PAGE: u32 = 500;
/// Feed entries shown.
const FEED_LENGTH: usize = 50;

/// [`portal_ipc::ListCustomers`]
#[tauri::command(async)]
pub fn list_customers(
    state: State<'_, AppState>,
    args: CustomerListArgs,
) -> Result<CustomerPage, AppError> {
    let profile = ProfileName::parse(&args.profile)?;
    let cache = state.profiles.open_cache(&profile)?;
    let query = CustomerQuery {
        text: args.text,
        status: args.status.map(IntoCore::into_core),
        sort: args.sort.into_core(),
        limit: args.limit.min(MAX_PAGE) as usize,
        offset: args.offset as usize,
    };
    let (rows, total) = query::customers(&cache, &state.customer_indexes, &query)?;
    Ok(CustomerPage {
        rows: rows.into_iter().map(IntoDto::into_dto).collect(),
        offset: args.offset,
        total,
    })
}

/// Opens the window's cache and builds its search index before the list
/// asks for its first page. Only a cache that exists: a first launch has
/// nothing to index, and an error is left for the list's own request to say.
pub fn prepare_search(state: &AppState) {
    if !state.profiles.cache_path(&state.profile).is_file() {
        return;
    }
    if let Ok(cache) = state.profiles.open_cache(&state.profile) {
        let _ = query::prepare_search(&cache, &state.customer_indexes);
    }
}

/// [`portal_ipc::CountCustomers`]
#[tauri::command(async)]
pub fn count_customers(
    state: State<'_, AppState>,
    args: ProfileArgs,
) -> Result<StatusCounts, AppError> {
    let profile = ProfileName::parse(&args.profile)?;
    let cache = state.profiles.open_cache(&profile)?;
    let counts = query::status_counts(&cache)?;
    let at_risk = query::at_risk(&cache)?;
    let of = |status: &str| {
        counts
            .iter()
            .find(|(s, _)| s == status)
            .map_or(0, |(_, n)| *n)
    };
    Ok(StatusCounts {
        all: counts.iter().map(|(_, n)| n).sum(),
        by_status: CustomerStatus::ALL
            .into_iter()
            .map(|status| (status, of(status.as_str())))
            .collect(),
        at_risk: at_risk.customers,
        owed: at_risk
            .owed
            .iter()
            .map(|(currency, minor)| money(*minor, currency))
            .collect(),
    })
}

/// [`portal_ipc::GetCustomer`]
#[tauri::command(async)]
pub fn get_customer(
    state: State<'_, AppState>,
    args: CustomerArgs,
) -> Result<Option<CustomerDetail>, AppError> {
    let profile = ProfileName::parse(&args.profile)?;
    let cache = state.profiles.open_cache(&profile)?;
    let id = args.customer.trim();
    let now = portal_core::sync::unix_now();
    let Some(info) = query::billing_info(&cache, id, now)? else {
        return Ok(None);
    };
    let activity = query::activity(&cache, Some(id), FEED_LENGTH)?
        .into_iter()
        .map(IntoDto::into_dto)
        .collect();
    let files = state.profiles.invoice_files(&profile);
    Ok(Some(detail(info, activity, &files)))
}

fn money(minor: i64, currency: &str) -> Money {
    Money {
        minor,
        currency: currency.to_ascii_uppercase(),
        decimals: money::decimals(currency),
    }
}

fn detail(
    info: BillingInfo,
    activity: Vec<ActivityEntry>,
    files: &portal_core::InvoiceFiles,
) -> CustomerDetail {
    let BillingInfo {
        customer,
        subscription,
        payment_methods,
        invoices,
        trouble,
    } = info;
    let address = customer
        .address
        .as_ref()
        .map(|a| a.lines())
        .unwrap_or_default();
    let currency = customer.currency.clone();
    CustomerDetail {
        balance: currency
            .as_deref()
            .filter(|_| customer.balance != 0)
            .map(|c| money(customer.balance, c)),
        subscription: subscription.map(|view| {
            let sub = view.subscription;
            let currency = sub.currency.clone().or_else(|| currency.clone());
            SubscriptionSummary {
                amount: view
                    .amount
                    .zip(currency.as_deref())
                    .map(|(amount, c)| money(amount, c)),
                id: sub.id,
                plan: view.plan,
                status: sub.status,
                interval: view.interval,
                interval_count: view.interval_count,
                current_period_end: sub.current_period_end,
                cancel_at_period_end: sub.cancel_at_period_end,
                cancel_at: sub.cancel_at,
                canceled_at: sub.canceled_at,
            }
        }),
        trouble: trouble.map(|trouble| PaymentTrouble {
            amount_due: money(trouble.amount_due, &trouble.invoice.currency),
            next_payment_attempt: trouble.next_retry(),
            invoice_id: trouble.invoice.id,
            invoice_number: trouble.invoice.number,
            invoice_status: trouble.invoice.status,
            invoices_owed: u32::try_from(trouble.invoices_owed).unwrap_or(u32::MAX),
        }),
        payment_methods: payment_methods
            .into_iter()
            .map(|view| PaymentMethodSummary {
                id: view.method.id,
                kind: view.method.kind,
                brand: view.method.brand,
                last4: view.method.last4,
                exp_month: view.method.exp_month,
                exp_year: view.method.exp_year,
                is_default: view.is_default,
                expired: view.expired,
            })
            .collect(),
        invoices: invoices
            .into_iter()
            .map(|invoice| InvoiceSummary {
                pdf_saved: files.is_saved(&invoice.id),
                total: money(invoice.total, &invoice.currency),
                has_pdf: invoice.invoice_pdf.is_some(),
                has_page: invoice.hosted_invoice_url.is_some(),
                id: invoice.id,
                number: invoice.number,
                status: invoice.status,
                created: invoice.created,
            })
            .collect(),
        activity,
        id: customer.id,
        name: customer.name,
        email: customer.email,
        phone: customer.phone,
        description: customer.description,
        address,
        created: customer.created,
        delinquent: customer.delinquent,
    }
}

/// [`portal_ipc::ActivityFeed`]
#[tauri::command(async)]
pub fn activity_feed(
    state: State<'_, AppState>,
    args: ProfileArgs,
) -> Result<Vec<ActivityEntry>, AppError> {
    let profile = ProfileName::parse(&args.profile)?;
    let cache = state.profiles.open_cache(&profile)?;
    Ok(query::activity(&cache, None, FEED_LENGTH)?
        .into_iter()
        .map(IntoDto::into_dto)
        .collect())
}

/// [`portal_ipc::OpenInvoice`]: the PDF is saved the first time, so it opens
/// offline afterwards; the hosted page always needs the network.
#[tauri::command(async)]
pub fn open_invoice(state: State<'_, AppState>, args: OpenInvoiceArgs) -> Result<(), AppError> {
    run_here(async move {
        let profile = ProfileName::parse(&args.profile)?;
        let mut cache = state.profiles.open_cache(&profile)?;
        // Only an expired PDF link needs Stripe; without a key the saved PDF still opens.
        let client = state.client(&profile).ok().map(|(client, _)| client);
        let document = args.document.into_core();
        let target = portal_core::invoice_document(
            &mut cache,
            &state.profiles.invoice_files(&profile),
            &args.invoice,
            document,
            state.api_base.as_ref(),
            client.as_deref().map(StripeClient::transport),
        )
        .await?;
        let (opened, what) = match &target {
            DocumentTarget::File(path) => (state.opener.open_path(path), "invoice PDF"),
            DocumentTarget::Link(url) => (
                state.opener.open_url(url, state.api_base.as_ref()),
                "invoice page",
            ),
        };
        opened.map_err(|reason| AppError(DocumentError::CouldNotOpen { what, reason }.into()))
    })
}

/// [`portal_ipc::SyncNow`]: one sync at a time per profile; a second call while
/// one runs returns its status at once. The window polls
/// [`portal_ipc::GetSyncStatus`] for progress.
#[tauri::command(async)]
pub fn sync_now(state: State<'_, AppState>, args: SyncArgs) -> Result<SyncStatus, AppError> {
    let profile = ProfileName::parse(&args.profile)?;
    let Some(running) = state.syncs.start(&profile, args.full) else {
        return sync_status_of(&state, &profile);
    };
    let outcome = run_here(async {
        let key = state.key(&profile)?;
        let settings = state.profiles.settings(&profile)?;
        let (client, options) = sync_client(&key, &settings, state.api_base.as_ref(), args.full);
        drop(key);
        let mut cache = state.profiles.open_cache(&profile)?;
        let report = sync(&client, &mut cache, &options, &mut |progress| {
            state.syncs.progress(&profile, progress_dto(progress));
        })
        .await?;
        if args.background && report.changes > 0 {
            let language = crate::language::window_language(&state.profiles).0;
            let newest = query::activity(&cache, None, 2)?
                .iter()
                .map(|entry| notice_line(language, entry))
                .collect::<Vec<_>>();
            let (title, body) = changes_notice(language, report.changes, &newest);
            state.notifier.notify(&title, &body);
        }
        Ok::<u64, AppError>(report.changes)
    });
    state.syncs.finish(
        &profile,
        outcome.as_ref().map(|n| *n).map_err(AppError::to_dto),
    );
    drop(running);
    outcome?;
    sync_status_of(&state, &profile)
}

fn progress_dto(progress: &Progress) -> SyncProgress {
    let full = progress.mode == SyncMode::Full;
    let step = if full {
        progress
            .resources
            .iter()
            .find(|r| !r.done)
            .map_or(SyncStep::Finishing, |r| resource_step(&r.name))
    } else {
        SyncStep::Changes
    };
    let done = if full {
        progress.resources.iter().map(|r| r.fetched).sum()
    } else {
        progress.events_applied
    };
    let total = full
        .then(|| {
            progress
                .resources
                .iter()
                .map(|r| r.estimated_total.or(r.done.then_some(r.fetched)))
                .sum::<Option<u64>>()
        })
        .flatten();
    SyncProgress {
        step,
        done,
        total,
        full,
    }
}

fn resource_step(name: &str) -> SyncStep {
    match name {
        "customers" => SyncStep::Customers,
        "subscriptions" => SyncStep::Subscriptions,
        "invoices" => SyncStep::Invoices,
        "prices" => SyncStep::Prices,
        "products" => SyncStep::Products,
        "payment_methods" => SyncStep::PaymentMethods,
        _ => SyncStep::BillingData,
    }
}

/// [`portal_ipc::GetSyncStatus`]
#[tauri::command(async)]
pub fn get_sync_status(
    state: State<'_, AppState>,
    args: ProfileArgs,
) -> Result<SyncStatus, AppError> {
    let profile = ProfileName::parse(&args.profile)?;
    sync_status_of(&state, &profile)
}

fn sync_status_of(state: &AppState, profile: &ProfileName) -> Result<SyncStatus, AppError> {
    let mut status = state.syncs.status(profile);
    if status.last_synced.is_none() {
        let cache = state.profiles.open_cache(profile)?;
        status.last_synced = portal_core::sync::last_synced(&cache)?;
    }
    status.interval_minutes = state.profiles.settings(profile)?.sync_interval_minutes;
    Ok(status)
}
