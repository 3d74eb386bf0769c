//! The only place the UI talks to the core. Each function is typed by the
//! `portal_ipc` contract; errors always arrive as [`ErrorDto`].

use portal_ipc::{
    ActivityEntry, ActivityFeed, AppInfo, BulkEmailArgs, BulkRecipient, BulkReport, ClearCache,
    Command, ConfigurationArgs, ConfigurationDetail, ConfigurationSummary, CountCustomers,
    CreateRecommendedConfiguration, CustomerArgs, CustomerDetail, CustomerListArgs, CustomerPage,
    DashboardPage, EmailArgs, EmailDelivery, EmailDraft, ErrorCode, ErrorDto, ExportArgs,
    ExportCsv, ExportDone, ExportKind, ForgetKey, GetAppInfo, GetConfiguration, GetCustomer,
    GetKeyStatus, GetSettings, GetSyncStatus, InvoiceDocument, KeyStatus, ListConfigurations,
    ListCustomers, OpenDashboard, OpenInvoice, OpenInvoiceArgs, OpenPortal, OpenPortalArgs,
    PlanBulkEmail, PortalLink, PreviewEmail, ProductOption, ProfileArgs, SaveConfiguration,
    SaveConfigurationArgs, SaveKey, SaveKeyArgs, SaveSettings, SaveSettingsArgs, SendBulkEmail,
    SendEmail, SettingsView, StatusCounts, SwitchableProducts, SyncArgs, SyncNow, SyncStatus,
    UseConfiguration,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::timing;

#[wasm_bindgen]
extern "C" {
    /// Sends the command when called and returns its answer's promise.
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], catch)]
    fn invoke(cmd: &str, args: JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// Every command takes a single argument named `args` (see `portal_ipc::Command`).
#[derive(Serialize)]
struct Envelope<'a, T> {
    args: &'a T,
}

thread_local! {
    /// Whether no command was sent yet (the start-up breakdown marks the first).
    static FIRST_CALL: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Sends the command now, not when the answer is first awaited: the caller
/// may render meanwhile.
fn send<C: Command>(args: &C::Args) -> impl Future<Output = Result<C::Output, ErrorDto>> + use<C> {
    let first = FIRST_CALL.replace(false);
    if first {
        timing::mark_once("portal-desk:first-ipc-sent");
    }
    let sent = to_js(&Envelope { args }).and_then(|payload| {
        timing::step_of("sent", C::NAME);
        invoke(C::NAME, payload).map_err(decode_error)
    });
    async move { answer::<C>(sent?, first).await }
}

async fn answer<C: Command>(promise: js_sys::Promise, first: bool) -> Result<C::Output, ErrorDto> {
    let answer = wasm_bindgen_futures::JsFuture::from(promise).await;
    if first {
        timing::mark_once("portal-desk:first-ipc-answered");
    }
    timing::step_of("answered", C::NAME);
    let decoded = match answer {
        Ok(value) => serde_wasm_bindgen::from_value(value).map_err(|e| bridge_error(e.to_string())),
        Err(error) => Err(decode_error(error)),
    };
    timing::step_of("decoded", C::NAME);
    // Every error is shown in the window's language from here on.
    decoded.map_err(crate::i18n::localized)
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, ErrorDto> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| bridge_error(e.to_string()))
}

/// Our commands reject with `{code, message}`; Tauri itself rejects with a string
/// (for example when a command is not allowed).
fn decode_error(error: JsValue) -> ErrorDto {
    if let Ok(dto) = serde_wasm_bindgen::from_value::<ErrorDto>(error.clone()) {
        return dto;
    }
    bridge_error(error.as_string().unwrap_or_else(|| format!("{error:?}")))
}

fn bridge_error(detail: String) -> ErrorDto {
    ErrorDto::new(
        ErrorCode::Bridge,
        format!("Portal Desk's window could not reach its core: {detail}"),
    )
}

/// Saves the installation's language (`None`: the OS's).
pub async fn set_language(language: Option<portal_ipc::Language>) -> Result<AppInfo, ErrorDto> {
    send::<portal_ipc::SetLanguage>(&portal_ipc::SetLanguageArgs { language }).await
}

/// The profile the window works on, and the demo sandbox if any.
pub async fn app_info() -> Result<AppInfo, ErrorDto> {
    send::<GetAppInfo>(&()).await
}

/// Checks `key` (with Stripe too when `verify`) and stores it in the keychain for `profile`.
pub async fn save_key(profile: &str, key: String, verify: bool) -> Result<KeyStatus, ErrorDto> {
    send::<SaveKey>(&SaveKeyArgs {
        profile: profile.to_owned(),
        key,
        verify,
    })
    .await
}

/// The description of the key saved for `profile`, if any.
pub async fn key_status(profile: &str) -> Result<Option<KeyStatus>, ErrorDto> {
    send::<GetKeyStatus>(&ProfileArgs {
        profile: profile.to_owned(),
    })
    .await
}

/// Opens a page of the Stripe Dashboard in the system browser (Rust builds
/// the link; the webview can't open URLs itself).
pub async fn open_dashboard(page: DashboardPage) -> Result<(), ErrorDto> {
    send::<OpenDashboard>(&page).await
}

fn profile_args(profile: &str) -> ProfileArgs {
    ProfileArgs {
        profile: profile.to_owned(),
    }
}

fn customer_args(profile: &str, customer: &str) -> CustomerArgs {
    CustomerArgs {
        profile: profile.to_owned(),
        customer: customer.to_owned(),
    }
}

/// One window of the customer list, asked for now (see [`send`]).
pub fn list_customers(
    args: &CustomerListArgs,
) -> impl Future<Output = Result<CustomerPage, ErrorDto>> + use<> {
    send::<ListCustomers>(args)
}

/// How many customers have each status.
pub async fn count_customers(profile: &str) -> Result<StatusCounts, ErrorDto> {
    send::<CountCustomers>(&profile_args(profile)).await
}

/// A customer's billing info from the cache.
pub async fn customer_detail(
    profile: &str,
    customer: &str,
) -> Result<Option<CustomerDetail>, ErrorDto> {
    send::<GetCustomer>(&customer_args(profile, customer)).await
}

/// The newest portal changes.
pub async fn activity_feed(profile: &str) -> Result<Vec<ActivityEntry>, ErrorDto> {
    send::<ActivityFeed>(&profile_args(profile)).await
}

/// Opens an invoice's PDF or hosted page.
pub async fn open_invoice(
    profile: &str,
    invoice: &str,
    document: InvoiceDocument,
) -> Result<(), ErrorDto> {
    send::<OpenInvoice>(&OpenInvoiceArgs {
        profile: profile.to_owned(),
        invoice: invoice.to_owned(),
        document,
    })
    .await
}

/// Syncs now (returns when done; a sync already running is not doubled).
/// A `background` sync announces the portal changes it finds.
pub async fn sync_now(profile: &str, full: bool, background: bool) -> Result<SyncStatus, ErrorDto> {
    send::<SyncNow>(&SyncArgs {
        profile: profile.to_owned(),
        full,
        background,
    })
    .await
}

/// Where the sync stands.
pub async fn sync_status(profile: &str) -> Result<SyncStatus, ErrorDto> {
    send::<GetSyncStatus>(&profile_args(profile)).await
}

/// Creates a portal session, opened in the browser unless `args.open` is false.
pub async fn open_portal(args: &OpenPortalArgs) -> Result<PortalLink, ErrorDto> {
    send::<OpenPortal>(args).await
}

/// "Create a configuration for me".
pub async fn create_recommended_configuration(profile: &str) -> Result<String, ErrorDto> {
    send::<CreateRecommendedConfiguration>(&profile_args(profile)).await
}

/// The email a customer would receive.
pub async fn preview_email(args: &EmailArgs) -> Result<EmailDraft, ErrorDto> {
    send::<PreviewEmail>(args).await
}

/// Sends it (or opens a mail draft without SMTP).
pub async fn send_email(args: &EmailArgs) -> Result<EmailDelivery, ErrorDto> {
    send::<SendEmail>(args).await
}

/// The account's portal configurations.
pub async fn list_configurations(profile: &str) -> Result<Vec<ConfigurationSummary>, ErrorDto> {
    send::<ListConfigurations>(&profile_args(profile)).await
}

/// One configuration's fields, for the editor.
pub async fn get_configuration(profile: &str, id: &str) -> Result<ConfigurationDetail, ErrorDto> {
    send::<GetConfiguration>(&ConfigurationArgs {
        profile: profile.to_owned(),
        id: id.to_owned(),
    })
    .await
}

/// Products plan switching can offer.
pub async fn switchable_products(profile: &str) -> Result<Vec<ProductOption>, ErrorDto> {
    send::<SwitchableProducts>(&profile_args(profile)).await
}

/// Creates or updates a configuration; returns its id.
pub async fn save_configuration(args: &SaveConfigurationArgs) -> Result<String, ErrorDto> {
    send::<SaveConfiguration>(args).await
}

/// Makes `id` the configuration the profile's portal links use.
pub async fn choose_configuration(profile: &str, id: &str) -> Result<(), ErrorDto> {
    send::<UseConfiguration>(&ConfigurationArgs {
        profile: profile.to_owned(),
        id: id.to_owned(),
    })
    .await
}

/// Who a bulk email would reach, and who is skipped and why.
pub async fn plan_bulk_email(args: &BulkEmailArgs) -> Result<Vec<BulkRecipient>, ErrorDto> {
    send::<PlanBulkEmail>(args).await
}

/// Sends a bulk email.
pub async fn send_bulk_email(args: &BulkEmailArgs) -> Result<BulkReport, ErrorDto> {
    send::<SendBulkEmail>(args).await
}

/// The profile's settings and cache.
pub async fn settings(profile: &str) -> Result<SettingsView, ErrorDto> {
    send::<GetSettings>(&profile_args(profile)).await
}

/// Saves the profile's settings.
pub async fn save_settings(args: &SaveSettingsArgs) -> Result<SettingsView, ErrorDto> {
    send::<SaveSettings>(args).await
}

/// Removes the profile's key from the keychain.
pub async fn forget_key(profile: &str) -> Result<(), ErrorDto> {
    send::<ForgetKey>(&profile_args(profile)).await
}

/// Deletes the profile's cache and saved PDFs.
pub async fn clear_cache(profile: &str) -> Result<SettingsView, ErrorDto> {
    send::<ClearCache>(&profile_args(profile)).await
}

/// Asks where to save, then writes the cached customers or invoices as CSV;
/// `None` when the user cancels the dialog.
pub async fn export_csv(profile: &str, kind: ExportKind) -> Result<Option<ExportDone>, ErrorDto> {
    send::<ExportCsv>(&ExportArgs {
        profile: profile.to_owned(),
        kind,
    })
    .await
}
