//! The command line's shape: clap's structs and the parsers of their values.
//! The parsers of the core's own words (`CancelMode::parse`,
//! `query::parse_status`) are used as they are.

use clap::Subcommand;
use portal_core::cache::customers::StatusFilter;
use portal_core::configurations::{CancelMode, ConfigurationSpec};
use portal_core::mail::TlsMode;
use portal_core::portal::AfterCompletion;
use portal_i18n::Language;

#[derive(Debug, Subcommand)]
pub(super) enum Command {
    /// Manage the Stripe key of a profile (kept only in the OS keychain).
    Key {
        #[command(subcommand)]
        action: KeyAction,
    },
    /// Bring the local cache up to date with Stripe (progress on stderr).
    Sync(SyncArgs),
    /// List cached customers (works offline).
    ///
    /// Amounts print as `USD 1234.56` and dates as `2026-12-21` whatever the terminal's
    /// locale: the same on every machine and in every script or log, and never ambiguous
    /// between currencies (`$` is several). The window shows them in your locale.
    Customers(CustomersArgs),
    /// Open a customer's Stripe Customer Portal in the browser (or print its link).
    Portal(PortalArgs),
    /// Email a customer their portal link (or open a draft in your mail program
    /// when no SMTP server is set up).
    Email(EmailArgs),
    /// The SMTP server portal-link emails are sent through (password from stdin, kept in the keychain).
    Smtp {
        #[command(subcommand)]
        action: SmtpAction,
    },
    /// Portal configurations: list, show, create, choose the one this profile uses.
    Configs {
        #[command(subcommand)]
        action: ConfigsAction,
    },
    /// Write the cached customers or invoices to a CSV file (works offline).
    Export(ExportArgs),
    /// An invoice's documents.
    Invoice {
        #[command(subcommand)]
        action: InvoiceAction,
    },
    /// A customer's billing info from the cache (works offline).
    ///
    /// Amounts print as `USD 1234.56` and dates as `2026-12-21` whatever the terminal's
    /// locale: the same on every machine and in every script or log, and never ambiguous
    /// between currencies (`$` is several). The window shows them in your locale.
    Show(ShowArgs),
}

// The arguments of `sync`.
#[derive(Debug, clap::Args)]
pub(super) struct SyncArgs {
    /// Read every list instead of only the events since the last sync.
    #[arg(long)]
    pub(super) full: bool,
    /// Print the summary as one JSON object.
    #[arg(long)]
    pub(super) json: bool,
    /// The sync's budget, for an account whose limits Stripe has raised
    /// (default: the profile's setting, else 50 live, 23 in test mode).
    #[arg(long, value_name = "N", value_parser = parse_rate)]
    pub(super) requests_per_second: Option<f64>,
}

// The arguments of `customers`.
#[derive(Debug, clap::Args)]
pub(super) struct CustomersArgs {
    /// Part of a name, email, id or phone; case and accents are ignored.
    #[arg(long, value_name = "TEXT")]
    pub(super) search: Option<String>,
    /// Only customers whose subscription is active, trialing, past_due, unpaid,
    /// incomplete, paused or canceled, or none; or needs_attention (past_due,
    /// unpaid and incomplete together).
    #[arg(long, value_name = "STATUS", value_parser = portal_core::query::parse_status)]
    pub(super) status: Option<StatusFilter>,
    /// At most this many customers.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub(super) limit: usize,
    /// Print a JSON array.
    #[arg(long)]
    pub(super) json: bool,
}

// The arguments of `portal`.
#[derive(Debug, clap::Args)]
pub(super) struct PortalArgs {
    /// The customer's id (cus_…).
    pub(super) customer_id: String,
    /// Open straight into one task instead of the portal's home page.
    #[arg(long, value_enum)]
    pub(super) flow: Option<FlowArg>,
    /// The subscription to cancel or change (default: the customer's current one).
    #[arg(long, value_name = "ID")]
    pub(super) subscription: Option<String>,
    /// The new price, for subscription_update_confirm.
    #[arg(long, value_name = "ID")]
    pub(super) price: Option<String>,
    /// The new quantity, for subscription_update_confirm.
    #[arg(long, value_name = "N")]
    pub(super) quantity: Option<u64>,
    /// A coupon offered before a cancellation is confirmed.
    #[arg(long, value_name = "ID")]
    pub(super) coupon: Option<String>,
    /// After the flow: `homepage`, `confirmation[:MESSAGE]` or `redirect:URL`.
    #[arg(long, value_name = "WHERE", value_parser = parse_after)]
    pub(super) after: Option<AfterCompletion>,
    /// Where the portal's back link goes (default: the profile's return URL).
    #[arg(long, value_name = "URL")]
    pub(super) return_url: Option<String>,
    /// The portal's language: auto, en, fr, de, pt-BR, …
    #[arg(long, value_name = "TAG")]
    pub(super) locale: Option<String>,
    /// Print only the link instead of opening it (it expires within minutes).
    #[arg(long)]
    pub(super) print: bool,
}

// The arguments of `email`.
#[derive(Debug, clap::Args)]
pub(super) struct EmailArgs {
    /// The customer's id (cus_…); or use --status / --search for many.
    #[arg(required_unless_present_any = ["status", "search"], conflicts_with_all = ["status", "search"])]
    pub(super) customer_id: Option<String>,
    /// Email every customer with this status (active, trialing, past_due, unpaid,
    /// incomplete, paused, canceled, none, needs_attention).
    #[arg(long, value_name = "STATUS", value_parser = portal_core::query::parse_status)]
    pub(super) status: Option<StatusFilter>,
    /// Email every customer matching this search.
    #[arg(long, value_name = "TEXT")]
    pub(super) search: Option<String>,
    /// The bulk campaign's name: re-running a campaign never emails anyone twice
    /// (default: the filter and today's date).
    #[arg(long, value_name = "NAME")]
    pub(super) campaign: Option<String>,
    /// `login` (the durable login page, default) or `session` (expires within minutes).
    #[arg(long, value_enum, default_value = "login")]
    pub(super) link: LinkArg,
    /// Show the email without sending it.
    #[arg(long)]
    pub(super) dry_run: bool,
    /// Turn the configuration's login page on if it is off (needed for `--link login`).
    #[arg(long)]
    pub(super) enable_login_page: bool,
    /// Ask a customer whose payment failed to update their card: the email says
    /// what is owed, and `--link session` opens the portal's payment-method page.
    #[arg(long, conflicts_with_all = ["status", "search"])]
    pub(super) update_card: bool,
}

// The arguments of `export`.
#[derive(Debug, clap::Args)]
pub(super) struct ExportArgs {
    /// `customers` or `invoices`.
    #[arg(value_enum)]
    pub(super) what: ExportArg,
    /// The file to write (replaced whole if it exists; default: a dated
    /// name in the current folder).
    #[arg(long, value_name = "FILE")]
    pub(super) out: Option<std::path::PathBuf>,
    /// Also save every cached invoice's PDF in this folder (invoices only),
    /// skipping those already there.
    #[arg(long, value_name = "DIR")]
    pub(super) pdf: Option<std::path::PathBuf>,
}

// The arguments of `show`.
#[derive(Debug, clap::Args)]
pub(super) struct ShowArgs {
    /// The customer's id (cus_…).
    pub(super) customer_id: String,
    /// Print one JSON object.
    #[arg(long)]
    pub(super) json: bool,
}

#[derive(Debug, Subcommand)]
pub(super) enum KeyAction {
    /// Read a key from standard input, verify it with Stripe, and store it in the keychain.
    Set {
        /// Store the key without checking it with Stripe (for example while offline).
        #[arg(long)]
        no_verify: bool,
    },
    /// Show the mode, kind and last 4 characters of the key, never more.
    Status {
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Remove the key from the keychain.
    Forget,
}

#[derive(Debug, Subcommand)]
pub(super) enum InvoiceAction {
    /// Download the invoice's PDF (or reuse the copy saved on this computer,
    /// offline too) and print where it is.
    Pdf {
        /// The invoice's id (in_…).
        invoice_id: String,
        /// Copy it to this file as well.
        #[arg(long, value_name = "FILE")]
        out: Option<std::path::PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub(super) enum ConfigsAction {
    /// The account's portal configurations.
    List {
        /// Print a JSON array.
        #[arg(long)]
        json: bool,
    },
    /// One configuration.
    Show {
        /// `bpc_…`.
        id: String,
        /// Print it as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Create a configuration from the fields given, or the recommended one.
    Create {
        /// The recommended one: invoice history, card updates, email and address
        /// updates, cancel at period end. Created once per profile, then reused.
        #[arg(long, conflicts_with = "use_it")]
        recommended: bool,
        /// Also make it the one this profile uses.
        #[arg(long = "use")]
        use_it: bool,
        /// Print the configuration as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        fields: SpecArgs,
    },
    /// Change fields of a configuration (fields not given stay as they are).
    Update {
        /// `bpc_…`.
        id: String,
        /// Print the configuration as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        fields: SpecArgs,
    },
    /// Use this configuration for this profile's portal sessions.
    Use {
        /// `bpc_…`.
        id: String,
        /// Print the configuration as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// The fields of `configs create` and `configs update`.
#[derive(Debug, clap::Args)]
pub(super) struct SpecArgs {
    /// Headline shown in the portal (at most 60 characters; "" clears it).
    #[arg(long)]
    pub(super) headline: Option<String>,
    /// Privacy policy link (https).
    #[arg(long, value_name = "URL")]
    pub(super) privacy_url: Option<String>,
    /// Terms of service link (https).
    #[arg(long, value_name = "URL")]
    pub(super) terms_url: Option<String>,
    /// Where the portal's back link goes.
    #[arg(long = "default-return-url", value_name = "URL")]
    pub(super) return_url: Option<String>,
    /// The durable login page: on or off (off revokes its link).
    #[arg(long, value_name = "on|off", value_parser = parse_on_off)]
    pub(super) login_page: Option<bool>,
    /// What customers may change: address,email,name,phone,shipping,tax_id ("" for nothing).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub(super) customer_updates: Option<Vec<String>>,
    /// Invoice history: on or off.
    #[arg(long, value_name = "on|off", value_parser = parse_on_off)]
    pub(super) invoice_history: Option<bool>,
    /// Updating payment methods: on or off.
    #[arg(long, value_name = "on|off", value_parser = parse_on_off)]
    pub(super) payment_methods: Option<bool>,
    /// Cancellation: off, at_period_end or immediately.
    #[arg(long, value_name = "MODE", value_parser = CancelMode::parse)]
    pub(super) cancel: Option<CancelMode>,
    /// Prorations on immediate cancellation: none or create_prorations.
    #[arg(long, value_name = "HOW")]
    pub(super) cancel_proration: Option<String>,
    /// Ask customers why they cancel: on or off.
    #[arg(long, value_name = "on|off", value_parser = parse_on_off)]
    pub(super) cancel_reasons: Option<bool>,
    /// Plan switching: on or off.
    #[arg(long, value_name = "on|off", value_parser = parse_on_off)]
    pub(super) plans: Option<bool>,
    /// Products offered for switching, up to 10 (their prices come from the cache).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub(super) plan_products: Option<Vec<String>>,
    /// What a switch may change: price,quantity,promotion_code.
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub(super) plan_updates: Option<Vec<String>>,
    /// Prorations on a switch: none, create_prorations or always_invoice.
    #[arg(long, value_name = "HOW")]
    pub(super) plan_proration: Option<String>,
    /// Downgrades wait for the end of the period: on or off.
    #[arg(long, value_name = "on|off", value_parser = parse_on_off)]
    pub(super) schedule_at_period_end: Option<bool>,
}

impl SpecArgs {
    pub(super) fn spec(self) -> ConfigurationSpec {
        ConfigurationSpec {
            headline: self.headline,
            privacy_policy_url: self.privacy_url,
            terms_of_service_url: self.terms_url,
            default_return_url: self.return_url,
            login_page: self.login_page,
            customer_updates: self.customer_updates,
            invoice_history: self.invoice_history,
            payment_method_update: self.payment_methods,
            cancel_mode: self.cancel,
            cancel_proration: self.cancel_proration,
            cancel_reasons: self.cancel_reasons,
            plan_switching: self.plans,
            plan_products: self.plan_products,
            plan_updates: self.plan_updates,
            plan_proration: self.plan_proration,
            schedule_at_period_end: self.schedule_at_period_end,
        }
    }
}

#[derive(Debug, Subcommand)]
pub(super) enum SmtpAction {
    /// Save the server; the password (if any) is read from stdin into the keychain.
    Set {
        /// Host name, e.g. smtp.example.com.
        #[arg(long)]
        host: String,
        /// Port (587 for starttls, 465 for tls).
        #[arg(long, default_value_t = 587)]
        port: u16,
        /// starttls, tls, or none (only for a server on this computer).
        #[arg(long, default_value = "starttls", value_parser = parse_tls)]
        tls: TlsMode,
        /// Login name; when given, the password is read from stdin.
        #[arg(long)]
        username: Option<String>,
        /// The sender, e.g. "Acme Billing <billing@acme.example>".
        #[arg(long)]
        from: String,
    },
    /// Show the saved server (never the password).
    Status,
    /// Remove the server and its password.
    Forget,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
#[clap(rename_all = "snake_case")]
pub(super) enum FlowArg {
    PaymentMethodUpdate,
    SubscriptionCancel,
    SubscriptionUpdate,
    SubscriptionUpdateConfirm,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(super) enum LinkArg {
    Login,
    Session,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(super) enum ExportArg {
    Customers,
    Invoices,
}

/// `--lang`: a language tag or a locale (`de`, `de_DE.UTF-8`, `fr-CA`).
pub(super) fn parse_language(text: &str) -> Result<Language, String> {
    Language::from_locale(text).ok_or_else(|| {
        format!(
            "{:?} is not a language Portal Desk speaks; use en, de, fr, es or ja",
            crate::text::clip(text, 20)
        )
    })
}

pub(super) fn parse_tls(text: &str) -> Result<TlsMode, String> {
    TlsMode::parse(text).ok_or_else(|| "use starttls, tls or none".into())
}

pub(super) fn parse_on_off(text: &str) -> Result<bool, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "on" | "true" | "yes" => Ok(true),
        "off" | "false" | "no" => Ok(false),
        _ => Err("use on or off".into()),
    }
}

pub(super) fn parse_after(text: &str) -> Result<AfterCompletion, String> {
    match text.split_once(':') {
        _ if text == "homepage" => Ok(AfterCompletion::PortalHomepage),
        _ if text == "confirmation" => Ok(AfterCompletion::HostedConfirmation { message: None }),
        Some(("confirmation", message)) => Ok(AfterCompletion::HostedConfirmation {
            message: Some(message.to_owned()),
        }),
        Some(("redirect", url)) => Ok(AfterCompletion::Redirect {
            url: url.to_owned(),
        }),
        _ => Err("use homepage, confirmation[:MESSAGE] or redirect:URL".into()),
    }
}

/// A sync budget: 1 to `MAX_REQUESTS_PER_SECOND` requests per second, the
/// window's Settings' bound.
pub(super) fn parse_rate(text: &str) -> Result<f64, String> {
    let max = f64::from(portal_ipc::MAX_REQUESTS_PER_SECOND);
    match text.trim().parse::<f64>() {
        Ok(rate) if (1.0..=max).contains(&rate) => Ok(rate),
        _ => Err(format!(
            "{} is not a rate: give requests per second from 1 to {max}",
            crate::text::clip(text, 20)
        )),
    }
}
