//! The IPC contract between the Portal Desk core (the Tauri side) and the Yew UI.
//!
//! Both sides compile this crate, so a command's name, arguments, result and
//! error are checked by the compiler at each end. Every command takes one
//! argument named `args` (see [`Command`]); the UI's `ipc.rs` and the Tauri
//! commands in `src-tauri/src/commands/` are the only places that use it.

#![warn(missing_docs)]

mod browse;
mod error;
mod keys;
mod portal;
mod settings;

pub use browse::{
    CustomerDetail, CustomerListArgs, CustomerPage, CustomerRow, CustomerSort, CustomerStatus,
    InvoiceDocument, InvoiceSummary, Money, OpenInvoiceArgs, PaymentMethodSummary, PaymentTrouble,
    StatusCounts, SubscriptionSummary, SyncArgs, SyncProgress, SyncStatus, SyncStep,
};
pub use error::{ErrorCode, ErrorDetail, ErrorDto};
pub use keys::{
    AppInfo, DashboardPage, KeyKind, KeySource, KeyStatus, Mode, ProfileArgs, SaveKeyArgs,
    SetLanguageArgs,
};
pub use portal::{
    ActivityEntry, AfterCompletion, BulkEmailArgs, BulkRecipient, BulkReport, BulkResult,
    ConfigurationArgs, ConfigurationDetail, ConfigurationFields, ConfigurationSummary,
    CustomerArgs, EmailArgs, EmailDelivery, EmailDraft, EmailLink, EmailPurpose, OpenPortalArgs,
    PortalFlow, PortalLink, ProductOption, SaveConfigurationArgs,
};
pub use portal_i18n::Language;

pub use settings::{
    ExportArgs, ExportDone, ExportKind, MAX_BUSINESS_NAME, MAX_REQUESTS_PER_SECOND,
    MAX_SYNC_INTERVAL_MINUTES, SaveSettingsArgs, SettingsView, SmtpFields,
};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// One Tauri command: its name and the types that cross the bridge.
///
/// The UI invokes `NAME` with `{"args": Args}` and receives `Output`, or an
/// [`ErrorDto`] when the command fails.
pub trait Command {
    /// The command's name as registered with Tauri (its Rust function name).
    const NAME: &'static str;
    /// What the UI sends.
    type Args: Serialize + DeserializeOwned;
    /// What the core answers on success.
    type Output: Serialize + DeserializeOwned;
}

/// Checks the format of a Stripe key and stores it in the OS keychain.
#[derive(Debug)]
pub enum SaveKey {}

impl Command for SaveKey {
    const NAME: &'static str = "save_key";
    type Args = SaveKeyArgs;
    type Output = KeyStatus;
}

/// Describes the key saved for a profile, if any, without revealing it.
#[derive(Debug)]
pub enum GetKeyStatus {}

impl Command for GetKeyStatus {
    const NAME: &'static str = "get_key_status";
    type Args = ProfileArgs;
    type Output = Option<KeyStatus>;
}

/// What the window was started with: its profile and, in the demo, the sandbox.
#[derive(Debug)]
pub enum GetAppInfo {}

impl Command for GetAppInfo {
    const NAME: &'static str = "get_app_info";
    type Args = ();
    type Output = AppInfo;
}

macro_rules! commands {
    ($($(#[$doc:meta])* $name:ident = $wire:literal: $args:ty => $output:ty;)*) => {
        $(
            $(#[$doc])*
            #[derive(Debug)]
            pub enum $name {}

            impl Command for $name {
                const NAME: &'static str = $wire;
                type Args = $args;
                type Output = $output;
            }
        )*
    };
}

commands! {
    /// Creates a portal session (opening it in the browser unless `open` is false).
    OpenPortal = "open_portal": OpenPortalArgs => PortalLink;
    /// "Create a configuration for me": the recommended configuration, once per profile.
    CreateRecommendedConfiguration = "create_recommended_configuration": ProfileArgs => String;
    /// The portal configurations of the account.
    ListConfigurations = "list_configurations": ProfileArgs => Vec<ConfigurationSummary>;
    /// Creates or updates a configuration; returns its id.
    SaveConfiguration = "save_configuration": SaveConfigurationArgs => String;
    /// One configuration's editable fields, from Stripe.
    GetConfiguration = "get_configuration": ConfigurationArgs => ConfigurationDetail;
    /// The cached products plan switching can offer.
    SwitchableProducts = "switchable_products": ProfileArgs => Vec<ProductOption>;
    /// Makes a configuration the profile's.
    UseConfiguration = "use_configuration": ConfigurationArgs => ();
    /// The email a customer would get, for the preview.
    PreviewEmail = "preview_email": EmailArgs => EmailDraft;
    /// Sends it (or opens a `mailto:` draft without SMTP).
    SendEmail = "send_email": EmailArgs => EmailDelivery;
    /// The recipients of a bulk email, with skip reasons.
    PlanBulkEmail = "plan_bulk_email": BulkEmailArgs => Vec<BulkRecipient>;
    /// Sends a bulk email; re-runs never email anyone twice.
    SendBulkEmail = "send_bulk_email": BulkEmailArgs => BulkReport;
    /// After a portal visit: syncs the changes and returns the customer's activity.
    RefreshAfterPortal = "refresh_after_portal": CustomerArgs => Vec<ActivityEntry>;
    /// One window of the customer list, from the cache.
    ListCustomers = "list_customers": CustomerListArgs => CustomerPage;
    /// How many cached customers have each status.
    CountCustomers = "count_customers": ProfileArgs => StatusCounts;
    /// A customer's billing info from the cache (`None`: not cached).
    GetCustomer = "get_customer": CustomerArgs => Option<CustomerDetail>;
    /// The newest portal changes of every customer.
    ActivityFeed = "activity_feed": ProfileArgs => Vec<ActivityEntry>;
    /// Opens an invoice's PDF (saved for offline use) or hosted page.
    OpenInvoice = "open_invoice": OpenInvoiceArgs => ();
    /// Syncs the profile now; progress shows in [`GetSyncStatus`].
    SyncNow = "sync_now": SyncArgs => SyncStatus;
    /// Where the profile's sync stands.
    GetSyncStatus = "get_sync_status": ProfileArgs => SyncStatus;
    /// The profile's settings and cache.
    GetSettings = "get_settings": ProfileArgs => SettingsView;
    /// Saves the profile's settings.
    SaveSettings = "save_settings": SaveSettingsArgs => SettingsView;
    /// Removes the profile's key from the keychain.
    ForgetKey = "forget_key": ProfileArgs => ();
    /// Deletes the profile's cache and saved PDFs (the next sync reads everything).
    ClearCache = "clear_cache": ProfileArgs => SettingsView;
    /// Asks where to save (the OS save dialog), then writes the cached customers
    /// or invoices there as CSV; `None` when the user cancels.
    ExportCsv = "export_csv": ExportArgs => Option<ExportDone>;
    /// Opens a page of the Stripe Dashboard in the browser.
    OpenDashboard = "open_dashboard": DashboardPage => ();
    /// Saves the installation's language (every profile's) and returns what
    /// the window now speaks.
    SetLanguage = "set_language": SetLanguageArgs => AppInfo;
}

/// Every command the app registers. `build.rs` grants exactly these to the
/// webview, and a test checks the capability file against this list.
pub const COMMANDS: &[&str] = &[
    GetAppInfo::NAME,
    SaveKey::NAME,
    GetKeyStatus::NAME,
    OpenPortal::NAME,
    CreateRecommendedConfiguration::NAME,
    ListConfigurations::NAME,
    SaveConfiguration::NAME,
    UseConfiguration::NAME,
    GetConfiguration::NAME,
    SwitchableProducts::NAME,
    PreviewEmail::NAME,
    SendEmail::NAME,
    PlanBulkEmail::NAME,
    SendBulkEmail::NAME,
    RefreshAfterPortal::NAME,
    ListCustomers::NAME,
    CountCustomers::NAME,
    GetCustomer::NAME,
    ActivityFeed::NAME,
    OpenInvoice::NAME,
    SyncNow::NAME,
    GetSyncStatus::NAME,
    GetSettings::NAME,
    SaveSettings::NAME,
    ForgetKey::NAME,
    ClearCache::NAME,
    ExportCsv::NAME,
    OpenDashboard::NAME,
    SetLanguage::NAME,
];
