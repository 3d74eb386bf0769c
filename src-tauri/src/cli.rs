//! The command line, in the same binary as the window. With no command it
//! opens the window. Exit codes: 0 ok, 1 other, 2 usage, 3 no key or keychain
//! unavailable, 4 network unreachable, 5 Stripe refused.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, OnceLock};

use clap::{Parser, Subcommand};
use portal_core::cache::customers::StatusFilter;
use portal_core::{
    ApiBase, ApiKey, DataDir, Error, ErrorKind, KeyInfo, KeySource, Keychain, ProfileName, Profiles,
};

use portal_core::StripeClient;
use portal_core::cache::campaigns::Outcome;
use portal_core::cache::customers::CustomerQuery;
use portal_core::configurations::{self, CancelMode, ConfigurationSpec};
use portal_core::mail::{EmailPurpose, LinkKind, SMTP_SECRET, SmtpSettings, TlsMode};
use portal_core::outreach::{self, Audience, Delivery, EmailRequest};
use portal_core::portal::{self, AfterCompletion, Flow, PortalError, SessionRequest};
use portal_core::sync::SyncMode;
use portal_i18n::{FluentValue, Language, tr};

use crate::commands::key_status_dto;

// Every line the CLI prints goes through these: customers choose their own
// names and emails, and a control sequence in one (ESC, OSC, BEL) must not
// retitle, recolour or rewrite the user's terminal. `text::terminal_safe`
// shows such characters as "�" and keeps newlines and tabs.
macro_rules! say {
    ($($arg:tt)*) => { std::println!("{}", crate::text::terminal_safe(&format!($($arg)*))) };
}
macro_rules! say_part {
    ($($arg:tt)*) => { std::print!("{}", crate::text::terminal_safe(&format!($($arg)*))) };
}
macro_rules! tell {
    ($($arg:tt)*) => { std::eprintln!("{}", crate::text::terminal_safe(&format!($($arg)*))) };
}
macro_rules! tell_part {
    ($($arg:tt)*) => { std::eprint!("{}", crate::text::terminal_safe(&format!($($arg)*))) };
}

// The CLI's words, in its language: `t!("cli-…")` or `t!("cli-…", name = value)`
// (messages in `src-tauri/i18n/locales/*/cli.ftl`). Numbers go in as numbers,
// so they are grouped and pluralized as the language does it.
macro_rules! t {
    ($id:literal) => { portal_i18n::tr!(lang(), $id) };
    ($id:literal, $($args:tt)+) => { portal_i18n::tr!(lang(), $id, $($args)+) };
}

/// The language of the CLI's human output, chosen once by [`run`].
static LANGUAGE: OnceLock<Language> = OnceLock::new();

/// The language the CLI speaks: `--lang`, else the locale variables, else
/// English. `--json` output never depends on it, and neither do the core's
/// error messages (they stay English, as in the logs).
fn lang() -> Language {
    LANGUAGE.get().copied().unwrap_or_default()
}

/// Open your customers' Stripe Customer Portal in one click.
#[derive(Debug, Parser)]
#[command(name = "portal-desk", version, about, long_about = None)]
pub struct Cli {
    /// The profile to act on (each has its own key and data).
    #[arg(long, global = true, value_name = "NAME", default_value = ProfileName::DEFAULT)]
    profile: String,
    /// Where Portal Desk keeps its files (default: the OS app-data folder).
    #[arg(long, global = true, value_name = "DIR", env = "PORTAL_DESK_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// Talk to a local Stripe sandbox instead of Stripe (loopback addresses only,
    /// test keys only), e.g. the one `cargo xtask demo` starts.
    #[arg(long, global = true, value_name = "URL", env = "PORTAL_DESK_API_BASE")]
    api_base: Option<String>,
    /// The language of the messages: en, de, fr, es or ja (default: from LC_ALL,
    /// LC_MESSAGES or LANG, else English). `--json` output never changes.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_language)]
    lang: Option<Language>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Manage the Stripe key of a profile (kept only in the OS keychain).
    Key {
        #[command(subcommand)]
        action: KeyAction,
    },
    /// Bring the local cache up to date with Stripe (progress on stderr).
    Sync {
        /// Read every list instead of only the events since the last sync.
        #[arg(long)]
        full: bool,
        /// Print the summary as one JSON object.
        #[arg(long)]
        json: bool,
        /// The sync's budget, for an account whose limits Stripe has raised
        /// (default: the profile's setting, else 50 live, 23 in test mode).
        #[arg(long, value_name = "N", value_parser = parse_rate)]
        requests_per_second: Option<f64>,
    },
    /// List cached customers (works offline).
    ///
    /// Amounts print as `USD 1234.56` and dates as `2026-12-21` whatever the terminal's
    /// locale: the same on every machine and in every script or log, and never ambiguous
    /// between currencies (`$` is several). The window shows them in your locale.
    Customers {
        /// Part of a name, email, id or phone; case and accents are ignored.
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        /// Only customers whose subscription is active, trialing, past_due, unpaid,
        /// incomplete, paused or canceled, or none; or needs_attention (past_due,
        /// unpaid and incomplete together).
        #[arg(long, value_name = "STATUS", value_parser = portal_core::query::parse_status)]
        status: Option<StatusFilter>,
        /// At most this many customers.
        #[arg(long, value_name = "N", default_value_t = 50)]
        limit: usize,
        /// Print a JSON array.
        #[arg(long)]
        json: bool,
    },
    /// Open a customer's Stripe Customer Portal in the browser (or print its link).
    Portal {
        /// The customer's id (cus_…).
        customer_id: String,
        /// Open straight into one task instead of the portal's home page.
        #[arg(long, value_enum)]
        flow: Option<FlowArg>,
        /// The subscription to cancel or change (default: the customer's current one).
        #[arg(long, value_name = "ID")]
        subscription: Option<String>,
        /// The new price, for subscription_update_confirm.
        #[arg(long, value_name = "ID")]
        price: Option<String>,
        /// The new quantity, for subscription_update_confirm.
        #[arg(long, value_name = "N")]
        quantity: Option<u64>,
        /// A coupon offered before a cancellation is confirmed.
        #[arg(long, value_name = "ID")]
        coupon: Option<String>,
        /// After the flow: `homepage`, `confirmation[:MESSAGE]` or `redirect:URL`.
        #[arg(long, value_name = "WHERE", value_parser = parse_after)]
        after: Option<AfterCompletion>,
        /// Where the portal's back link goes (default: the profile's return URL).
        #[arg(long, value_name = "URL")]
        return_url: Option<String>,
        /// The portal's language: auto, en, fr, de, pt-BR, …
        #[arg(long, value_name = "TAG")]
        locale: Option<String>,
        /// Print only the link instead of opening it (it expires within minutes).
        #[arg(long)]
        print: bool,
    },
    /// Email a customer their portal link (or open a draft in your mail program
    /// when no SMTP server is set up).
    Email {
        /// The customer's id (cus_…); or use --status / --search for many.
        #[arg(required_unless_present_any = ["status", "search"], conflicts_with_all = ["status", "search"])]
        customer_id: Option<String>,
        /// Email every customer with this status (active, trialing, past_due, unpaid,
        /// incomplete, paused, canceled, none, needs_attention).
        #[arg(long, value_name = "STATUS", value_parser = portal_core::query::parse_status)]
        status: Option<StatusFilter>,
        /// Email every customer matching this search.
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        /// The bulk campaign's name: re-running a campaign never emails anyone twice
        /// (default: the filter and today's date).
        #[arg(long, value_name = "NAME")]
        campaign: Option<String>,
        /// `login` (the durable login page, default) or `session` (expires within minutes).
        #[arg(long, value_enum, default_value = "login")]
        link: LinkArg,
        /// Show the email without sending it.
        #[arg(long)]
        dry_run: bool,
        /// Turn the configuration's login page on if it is off (needed for `--link login`).
        #[arg(long)]
        enable_login_page: bool,
        /// Ask a customer whose payment failed to update their card: the email says
        /// what is owed, and `--link session` opens the portal's payment-method page.
        #[arg(long, conflicts_with_all = ["status", "search"])]
        update_card: bool,
    },
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
    Export {
        /// `customers` or `invoices`.
        #[arg(value_enum)]
        what: ExportArg,
        /// The file to write (replaced whole if it exists; default: a dated
        /// name in the current folder).
        #[arg(long, value_name = "FILE")]
        out: Option<std::path::PathBuf>,
        /// Also save every cached invoice's PDF in this folder (invoices only),
        /// skipping those already there.
        #[arg(long, value_name = "DIR")]
        pdf: Option<std::path::PathBuf>,
    },
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
    Show {
        /// The customer's id (cus_…).
        customer_id: String,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum InvoiceAction {
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

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
#[clap(rename_all = "snake_case")]
enum FlowArg {
    PaymentMethodUpdate,
    SubscriptionCancel,
    SubscriptionUpdate,
    SubscriptionUpdateConfirm,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum LinkArg {
    Login,
    Session,
}

#[derive(Debug, Subcommand)]
enum SmtpAction {
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

/// `--lang`: a language tag or a locale (`de`, `de_DE.UTF-8`, `fr-CA`).
fn parse_language(text: &str) -> Result<Language, String> {
    Language::from_locale(text).ok_or_else(|| {
        format!(
            "{:?} is not a language Portal Desk speaks; use en, de, fr, es or ja",
            crate::text::clip(text, 20)
        )
    })
}

fn parse_tls(text: &str) -> Result<TlsMode, String> {
    TlsMode::parse(text).ok_or_else(|| "use starttls, tls or none".into())
}

#[derive(Debug, Subcommand)]
enum ConfigsAction {
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
struct SpecArgs {
    /// Headline shown in the portal (at most 60 characters; "" clears it).
    #[arg(long)]
    headline: Option<String>,
    /// Privacy policy link (https).
    #[arg(long, value_name = "URL")]
    privacy_url: Option<String>,
    /// Terms of service link (https).
    #[arg(long, value_name = "URL")]
    terms_url: Option<String>,
    /// Where the portal's back link goes.
    #[arg(long = "default-return-url", value_name = "URL")]
    return_url: Option<String>,
    /// The durable login page: on or off (off revokes its link).
    #[arg(long, value_name = "on|off", value_parser = parse_on_off)]
    login_page: Option<bool>,
    /// What customers may change: address,email,name,phone,shipping,tax_id ("" for nothing).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    customer_updates: Option<Vec<String>>,
    /// Invoice history: on or off.
    #[arg(long, value_name = "on|off", value_parser = parse_on_off)]
    invoice_history: Option<bool>,
    /// Updating payment methods: on or off.
    #[arg(long, value_name = "on|off", value_parser = parse_on_off)]
    payment_methods: Option<bool>,
    /// Cancellation: off, at_period_end or immediately.
    #[arg(long, value_name = "MODE", value_parser = CancelMode::parse)]
    cancel: Option<CancelMode>,
    /// Prorations on immediate cancellation: none or create_prorations.
    #[arg(long, value_name = "HOW")]
    cancel_proration: Option<String>,
    /// Ask customers why they cancel: on or off.
    #[arg(long, value_name = "on|off", value_parser = parse_on_off)]
    cancel_reasons: Option<bool>,
    /// Plan switching: on or off.
    #[arg(long, value_name = "on|off", value_parser = parse_on_off)]
    plans: Option<bool>,
    /// Products offered for switching, up to 10 (their prices come from the cache).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    plan_products: Option<Vec<String>>,
    /// What a switch may change: price,quantity,promotion_code.
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    plan_updates: Option<Vec<String>>,
    /// Prorations on a switch: none, create_prorations or always_invoice.
    #[arg(long, value_name = "HOW")]
    plan_proration: Option<String>,
    /// Downgrades wait for the end of the period: on or off.
    #[arg(long, value_name = "on|off", value_parser = parse_on_off)]
    schedule_at_period_end: Option<bool>,
}

impl SpecArgs {
    fn spec(self) -> ConfigurationSpec {
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

fn parse_on_off(text: &str) -> Result<bool, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "on" | "true" | "yes" => Ok(true),
        "off" | "false" | "no" => Ok(false),
        _ => Err("use on or off".into()),
    }
}

fn parse_after(text: &str) -> Result<AfterCompletion, String> {
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

#[derive(Debug, Subcommand)]
enum KeyAction {
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

/// Exit codes other tools can rely on.
pub(crate) mod exit {
    pub const OTHER: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const NETWORK: u8 = 4;
    pub const REFUSED: u8 = 5;
    pub const NO_KEY: u8 = 3;
}

/// Keys longer than this are not keys; stop reading instead of buffering a file.
const MAX_STDIN: u64 = 4096;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    let _ = LANGUAGE.set(crate::language::cli_language(cli.lang));
    let api_base = match cli.api_base.as_deref().map(ApiBase::parse).transpose() {
        Ok(base) => base,
        Err(e) => {
            tell!("{}", t!("cli-error", message = e.to_string()));
            return ExitCode::from(exit::USAGE);
        }
    };
    let result = match cli.command {
        None => open_window(cli.data_dir, &cli.profile, api_base),
        Some(command) => run_command(command, &cli.profile, cli.data_dir, api_base.as_ref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            tell!("{}", t!("cli-error", message = failure.message));
            ExitCode::from(failure.code)
        }
    }
}

pub(crate) struct Failure {
    pub(crate) code: u8,
    message: String,
}

/// The exit code of each kind of failure.
pub(crate) fn exit_code(kind: ErrorKind) -> u8 {
    match kind {
        ErrorKind::InvalidInput => exit::USAGE,
        ErrorKind::NoKey | ErrorKind::KeychainUnavailable => exit::NO_KEY,
        ErrorKind::Offline => exit::NETWORK,
        ErrorKind::KeyRejected
        | ErrorKind::NotFound
        | ErrorKind::NotConfigured
        | ErrorKind::StripeRefused
        // A sync Stripe kept limiting: refused for now; the next one resumes.
        | ErrorKind::RateLimited => exit::REFUSED,
        // Stripe overloaded or down, after retries: not a refusal of this request.
        ErrorKind::StripeUnavailable
        | ErrorKind::InvalidKey
        | ErrorKind::InvalidProfile
        | ErrorKind::LoginPageOff
        | ErrorKind::MailFailed
        | ErrorKind::Internal => exit::OTHER,
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        Failure {
            code: exit_code(error.kind()),
            message: error.to_string(),
        }
    }
}

impl From<portal_core::ProfileError> for Failure {
    fn from(error: portal_core::ProfileError) -> Failure {
        Error::from(error).into()
    }
}

fn run_command(
    command: Command,
    profile: &str,
    data_dir: Option<PathBuf>,
    api_base: Option<&ApiBase>,
) -> Result<(), Failure> {
    let profile = ProfileName::parse(profile)?;
    let data_dir = DataDir::resolve(data_dir).map_err(|e| Failure {
        code: exit::OTHER,
        message: e.to_string(),
    })?;
    let profiles = Profiles::new(data_dir, Arc::new(Keychain::platform()));
    match command {
        Command::Key { action } => match action {
            KeyAction::Set { no_verify } => key_set(&profiles, &profile, api_base, !no_verify),
            KeyAction::Status { json } => key_status(&profiles, &profile, json),
            KeyAction::Forget => key_forget(&profiles, &profile),
        },
        Command::Sync {
            full,
            json,
            requests_per_second,
        } => sync(
            &profiles,
            &profile,
            api_base,
            full,
            requests_per_second,
            json,
        ),
        Command::Customers {
            search,
            status,
            limit,
            json,
        } => customers(&profiles, &profile, search, status, limit, json),
        Command::Show { customer_id, json } => show(&profiles, &profile, &customer_id, json),
        Command::Export { what, out, pdf } => {
            export(&profiles, &profile, what, out)?;
            match (pdf, what) {
                (None, _) => Ok(()),
                (Some(dir), ExportArg::Invoices) => {
                    export_pdfs(&profiles, &profile, api_base, &dir)
                }
                (Some(_), ExportArg::Customers) => Err(Failure {
                    code: exit::USAGE,
                    message: t!("cli-export-pdf-needs-invoices"),
                }),
            }
        }
        Command::Invoice {
            action: InvoiceAction::Pdf { invoice_id, out },
        } => invoice_pdf(&profiles, &profile, api_base, &invoice_id, out),
        Command::Portal {
            customer_id,
            flow,
            subscription,
            price,
            quantity,
            coupon,
            after,
            return_url,
            locale,
            print,
        } => {
            let flow = match flow {
                None => None,
                Some(FlowArg::PaymentMethodUpdate) => Some(Flow::PaymentMethodUpdate),
                Some(FlowArg::SubscriptionCancel) => Some(Flow::SubscriptionCancel {
                    retention_coupon: coupon,
                }),
                Some(FlowArg::SubscriptionUpdate) => Some(Flow::SubscriptionUpdate),
                Some(FlowArg::SubscriptionUpdateConfirm) => Some(Flow::SubscriptionUpdateConfirm {
                    price: price.ok_or_else(|| Failure {
                        code: exit::USAGE,
                        message: t!("cli-flow-needs-price"),
                    })?,
                    quantity,
                    item: None,
                }),
            };
            let request = SessionRequest {
                customer: customer_id,
                flow,
                subscription,
                after_completion: after,
                return_url,
                locale,
            };
            open_portal(&profiles, &profile, api_base, &request, print)
        }
        Command::Configs { action } => configs(&profiles, &profile, api_base, action),
        Command::Email {
            customer_id,
            status,
            search,
            campaign,
            link,
            dry_run,
            enable_login_page,
            update_card,
        } => {
            let link = match link {
                LinkArg::Login => LinkKind::Login,
                LinkArg::Session => LinkKind::Session,
            };
            match customer_id {
                Some(customer) => {
                    let request = EmailRequest {
                        customer,
                        link,
                        enable_login_page,
                        purpose: if update_card {
                            EmailPurpose::UpdateCard
                        } else {
                            EmailPurpose::Portal
                        },
                    };
                    email(&profiles, &profile, api_base, &request, dry_run)
                }
                None => {
                    let audience = Audience::new(status, search);
                    let campaign = campaign.unwrap_or_else(|| audience.default_campaign());
                    bulk_email(
                        &profiles,
                        &profile,
                        api_base,
                        &campaign,
                        &audience,
                        link,
                        enable_login_page,
                        dry_run,
                    )
                }
            }
        }
        Command::Smtp { action } => smtp(&profiles, &profile, action),
    }
}

fn key_set(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
    verify: bool,
) -> Result<(), Failure> {
    let raw = read_key_from_stdin()?;
    if !verify {
        let info = profiles.save_key(profile, &raw, api_base)?;
        say!("{}", key_status_dto(info).saved_sentence(lang()));
        say!("{}", t!("cli-key-not-verified"));
        return Ok(());
    }
    let runtime = runtime()?;
    let info = runtime
        .block_on(profiles.connect(profile, &raw, api_base))
        .map_err(|error| {
            let mut failure = Failure::from(error);
            if failure.code == exit::NETWORK {
                failure.message.push(' ');
                failure.message.push_str(&t!("cli-key-offline-hint"));
            }
            failure
        })?;
    let status = key_status_dto(info);
    say!("{}", status.saved_sentence(lang()));
    say!("{}", status.account_sentence(lang()));
    Ok(())
}

/// The key comes from stdin, never argv (argv is visible to every user in `ps`).
/// On a terminal it is read without echo.
fn read_key_from_stdin() -> Result<zeroize::Zeroizing<String>, Failure> {
    read_secret_from_stdin(&t!("cli-key-prompt"), |error| {
        t!("cli-key-unreadable", error = error.to_string())
    })
}

fn key_status(profiles: &Profiles, profile: &ProfileName, json: bool) -> Result<(), Failure> {
    let info = match key_from_environment(profile)? {
        Some(info) => info,
        None => profiles.key_info(profile)?.ok_or_else(|| no_key(profile))?,
    };
    let status = key_status_dto(info);
    if json {
        let text = serde_json::to_string(&status).expect("KeyStatus always serializes");
        say!("{text}");
    } else {
        say_part!("{}", key_status_table(&status, lang()));
    }
    Ok(())
}

/// The `key status` table in `language`: mode, kind and last 4 characters,
/// never more.
fn key_status_table(status: &portal_ipc::KeyStatus, language: Language) -> String {
    let [profile, mode, kind, last4, business, account, source] = crate::text::pad_labels(
        [
            tr!(language, "cli-key-label-profile"),
            tr!(language, "cli-key-label-mode"),
            tr!(language, "cli-key-label-kind"),
            tr!(language, "cli-key-label-last4"),
            tr!(language, "cli-key-label-business"),
            tr!(language, "cli-key-label-account"),
            tr!(language, "cli-key-label-source"),
        ],
        1,
    );
    let mode_name = tr!(language, "cli-key-mode", mode = status.mode.as_str());
    let kind_name = tr!(language, "cli-key-kind", kind = status.kind.as_str());
    let mut rows = vec![
        format!("{profile}{}", status.profile),
        format!("{mode}{mode_name}"),
        format!("{kind}{kind_name}"),
        format!("{last4}...{}", status.last4),
    ];
    if let Some(name) = &status.business_name {
        rows.push(format!("{business}{name}"));
    }
    if let Some(id) = &status.account_id {
        rows.push(format!("{account}{id}"));
    }
    let from = match status.source {
        portal_ipc::KeySource::Keychain => tr!(language, "cli-key-source-keychain"),
        portal_ipc::KeySource::Environment => tr!(language, "cli-key-source-environment"),
    };
    rows.push(format!("{source}{from}"));
    rows.iter().map(|row| format!("{row}\n")).collect()
}

/// `STRIPE_API_KEY`, when set, is used instead of the keychain (CLI only).
fn key_from_environment(profile: &ProfileName) -> Result<Option<KeyInfo>, Failure> {
    Ok(environment_key()?.map(|key| KeyInfo::describe(profile, &key, KeySource::Environment)))
}

/// `STRIPE_API_KEY`, parsed, when set.
fn environment_key() -> Result<Option<ApiKey>, Failure> {
    let Some(raw) = std::env::var_os("STRIPE_API_KEY") else {
        return Ok(None);
    };
    ApiKey::parse(&raw.to_string_lossy())
        .map(Some)
        .map_err(|e| Failure {
            code: exit::OTHER,
            message: t!("cli-environment-key-unusable", error = e.to_string()),
        })
}

/// The key for Stripe calls: `STRIPE_API_KEY` when set, else the keychain's.
fn resolve_key(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
) -> Result<ApiKey, Failure> {
    let key = match environment_key()? {
        Some(key) => key,
        None => profiles.key(profile)?.ok_or_else(|| no_key(profile))?,
    };
    if let Some(base) = api_base {
        base.allows(&key).map_err(|e| Failure {
            code: exit::USAGE,
            message: e.to_string(),
        })?;
    }
    Ok(key)
}

/// A client for interactive calls and the key's mode; the key itself stays
/// inside the client.
fn interactive_client(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
) -> Result<(StripeClient, portal_core::Mode), Failure> {
    let key = resolve_key(profiles, profile, api_base)?;
    let client = StripeClient::new(&key, api_base);
    Ok((client, key.mode()))
}

fn no_key(profile: &ProfileName) -> Failure {
    Failure {
        code: exit::NO_KEY,
        message: t!("cli-no-key", profile = profile.as_str()),
    }
}

fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure {
            code: exit::OTHER,
            message: t!("cli-runtime-failed", error = e.to_string()),
        })
}

/// A sync budget: 1 to `MAX_REQUESTS_PER_SECOND` requests per second, the
/// window's Settings' bound.
fn parse_rate(text: &str) -> Result<f64, String> {
    let max = f64::from(portal_ipc::MAX_REQUESTS_PER_SECOND);
    match text.trim().parse::<f64>() {
        Ok(rate) if (1.0..=max).contains(&rate) => Ok(rate),
        _ => Err(format!(
            "{} is not a rate: give requests per second from 1 to {max}",
            crate::text::clip(text, 20)
        )),
    }
}

fn sync(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
    full: bool,
    requests_per_second: Option<f64>,
    json: bool,
) -> Result<(), Failure> {
    let key = resolve_key(profiles, profile, api_base)?;
    let mut settings = profiles.settings(profile)?;
    if requests_per_second.is_some() {
        settings.requests_per_second = requests_per_second;
    }
    let (client, options) = portal_core::sync::sync_client(&key, &settings, api_base, full);
    drop(key);
    let mut cache = profiles.open_cache(profile)?;
    let mut bars = crate::progress::SyncBars::new(lang());
    let mut on_progress = |p: &portal_core::sync::Progress| bars.update(p);
    let outcome = runtime()?.block_on(async {
        tokio::select! {
            report = portal_core::sync::sync(&client, &mut cache, &options, &mut on_progress) => Some(report),
            _ = tokio::signal::ctrl_c() => None,
        }
    });
    bars.finish();
    let report = match outcome {
        None => {
            return Err(Failure {
                code: exit::OTHER,
                message: t!("cli-sync-interrupted"),
            });
        }
        Some(report) => report.map_err(|e| {
            let mut failure = Failure::from(Error::from(e));
            failure.message.push(' ');
            failure.message.push_str(&t!("cli-sync-resume-hint"));
            failure
        })?,
    };
    if let Some(note) = &report.note {
        tell!("{note}");
    }
    if json {
        say!(
            "{}",
            serde_json::to_string(&report).expect("a report always serializes")
        );
    } else {
        let c = &report.counts;
        let mode = match report.mode {
            SyncMode::Full => "full",
            SyncMode::Incremental => "incremental",
        };
        say!(
            "{}",
            t!(
                "cli-sync-summary",
                mode = mode,
                customers = c.customers,
                subscriptions = c.subscriptions,
                invoices = c.invoices,
                payment_methods = c.payment_methods,
                prices = c.prices,
                products = c.products,
                events = report.events_applied
            )
        );
        say!(
            "{}",
            t!(
                "cli-sync-requests",
                requests = report.requests,
                retries = report.retries,
                seconds = tenths(report.duration_ms as f64 / 1000.0)
            )
        );
    }
    Ok(())
}

/// `value` with one decimal, as a number (so "2.0" in English, "2,0" in German).
fn tenths(value: f64) -> FluentValue<'static> {
    let rounded = format!("{value:.1}").parse().unwrap_or(value);
    let mut number = FluentValue::from(rounded);
    if let FluentValue::Number(n) = &mut number {
        n.options.minimum_fraction_digits = Some(1);
    }
    number
}

impl From<PortalError> for Failure {
    fn from(error: PortalError) -> Failure {
        Error::from(error).into()
    }
}

fn open_portal(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
    request: &SessionRequest,
    print: bool,
) -> Result<(), Failure> {
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

fn configs(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
    action: ConfigsAction,
) -> Result<(), Failure> {
    let (client, _) = interactive_client(profiles, profile, api_base)?;
    let runtime = runtime()?;
    match action {
        ConfigsAction::List { json } => {
            let list = runtime
                .block_on(portal::list_configurations(&client))
                .map_err(Error::from)?;
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

/// Runs `work` with the profile's Stripe client and cache (the email commands).
fn with_outreach(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
    work: impl FnOnce(&outreach::Context<'_>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let (client, mode) = interactive_client(profiles, profile, api_base)?;
    let cache = profiles.open_cache(profile)?;
    work(&outreach::Context {
        client: &client,
        cache: &cache,
        profiles,
        profile,
        api_base,
        mode,
        language: crate::language::window_language(profiles).0,
    })
}

fn email(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
    request: &EmailRequest,
    dry_run: bool,
) -> Result<(), Failure> {
    with_outreach(profiles, profile, api_base, |cx| {
        email_one(cx, request, dry_run)
    })
}

fn email_one(
    cx: &outreach::Context<'_>,
    request: &EmailRequest,
    dry_run: bool,
) -> Result<(), Failure> {
    let (profiles, profile) = (cx.profiles, cx.profile);
    let runtime = runtime()?;
    let draft = runtime.block_on(outreach::draft(cx, request))?;
    if dry_run {
        let to = match &draft.to_name {
            Some(name) => format!("{name} <{}>", draft.to),
            None => draft.to.clone(),
        };
        let [to_label, subject] =
            crate::text::pad_labels([t!("cli-email-to"), t!("cli-email-subject")], 1);
        say!(
            "{to_label}{to}\n{subject}{}\n\n{}",
            draft.subject,
            draft.body
        );
        tell!("{}", t!("cli-email-not-sent"));
        return Ok(());
    }
    match runtime.block_on(outreach::deliver(profiles, profile, &draft))? {
        Delivery::Smtp => say!("{}", t!("cli-email-sent", to = draft.to.as_str())),
        Delivery::Mailto { url } => {
            tell!("{}", t!("cli-email-no-smtp"));
            if let Err(e) = crate::opener::Opener::from_env().open_mail_draft(&url) {
                tell!(
                    "{}",
                    t!("cli-email-mail-program-failed", error = e.to_string())
                );
                say!("{}", draft.link);
            }
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn bulk_email(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
    campaign: &str,
    audience: &Audience,
    link: LinkKind,
    enable_login_page: bool,
    dry_run: bool,
) -> Result<(), Failure> {
    with_outreach(profiles, profile, api_base, |cx| {
        email_many(cx, campaign, audience, link, enable_login_page, dry_run)
    })
}

fn email_many(
    cx: &outreach::Context<'_>,
    campaign: &str,
    audience: &Audience,
    link: LinkKind,
    enable_login_page: bool,
    dry_run: bool,
) -> Result<(), Failure> {
    if dry_run {
        let planned = outreach::plan(cx, campaign, audience)?;
        let sending = planned.iter().filter(|p| p.skip.is_none()).count();
        for p in &planned {
            say!(
                "{:<20}  {:<28}  {:<36}  {}",
                p.customer_id,
                crate::text::clip(p.name.as_deref().unwrap_or("—"), 28),
                crate::text::clip(p.email.as_deref().unwrap_or("—"), 36),
                p.skip
                    .as_deref()
                    .map_or(t!("cli-campaign-will-send"), |why| t!(
                        "cli-campaign-will-skip",
                        reason = why
                    ))
            );
        }
        tell!(
            "{}",
            t!(
                "cli-campaign-would-email",
                campaign = format!("{campaign:?}"),
                sending = sending,
                total = planned.len()
            )
        );
        return Ok(());
    }
    let report = runtime()?.block_on(outreach::send_campaign(
        cx,
        campaign,
        audience,
        link,
        enable_login_page,
        std::time::Duration::from_millis(250),
        &mut |r| {
            let reason = r.reason.as_deref().unwrap_or("");
            let what = match r.outcome {
                Outcome::Sent => t!("cli-campaign-sent"),
                Outcome::Failed => t!("cli-campaign-failed", reason = reason),
                Outcome::Skipped => t!("cli-campaign-skipped", reason = reason),
            };
            tell!(
                "{}  {}  {what}",
                r.customer_id,
                r.email.as_deref().unwrap_or("—")
            );
        },
    ))?;
    say!(
        "{}",
        t!(
            "cli-campaign-summary",
            campaign = format!("{campaign:?}"),
            sent = report.sent,
            failed = report.failed,
            skipped = report.skipped
        )
    );
    if report.failed > 0 {
        return Err(Failure {
            code: exit::OTHER,
            message: t!("cli-campaign-failures", failed = report.failed),
        });
    }
    Ok(())
}

fn smtp(profiles: &Profiles, profile: &ProfileName, action: SmtpAction) -> Result<(), Failure> {
    match action {
        SmtpAction::Set {
            host,
            port,
            tls,
            username,
            from,
        } => {
            let settings = SmtpSettings {
                host,
                port,
                tls,
                username,
                from,
            };
            // Host, TLS and sender are checked before anything is saved.
            settings.check().map_err(|e| Failure {
                code: exit::USAGE,
                message: e.to_string(),
            })?;
            let password = match settings.username {
                Some(_) => Some(read_secret_from_stdin(&t!("cli-smtp-prompt"), |error| {
                    t!("cli-smtp-password-unreadable", error = error.to_string())
                })?),
                None => None,
            };
            profiles.set_smtp(profile, settings.clone(), password.as_deref().map(|p| &**p))?;
            say!(
                "{}",
                t!(
                    "cli-smtp-saved",
                    server = format!("{}:{}", settings.host, settings.port),
                    profile = profile.as_str()
                )
            );
            Ok(())
        }
        SmtpAction::Status => {
            match profiles.settings(profile)?.smtp {
                None => say!("{}", t!("cli-smtp-none", profile = profile.as_str())),
                Some(s) => {
                    let password = profiles
                        .keychain()
                        .load_secret(SMTP_SECRET, profile)
                        .map_err(Error::from)?;
                    say_part!("{}", smtp_table(&s, password.is_some(), lang()));
                }
            }
            Ok(())
        }
        SmtpAction::Forget => {
            profiles.forget_smtp(profile)?;
            say!("{}", t!("cli-smtp-removed", profile = profile.as_str()));
            Ok(())
        }
    }
}

/// The `smtp status` table in `language` (never the password).
fn smtp_table(s: &SmtpSettings, has_password: bool, language: Language) -> String {
    let [host, security, login, password, from] = crate::text::pad_labels(
        [
            tr!(language, "cli-smtp-label-host"),
            tr!(language, "cli-smtp-label-security"),
            tr!(language, "cli-smtp-label-login"),
            tr!(language, "cli-smtp-label-password"),
            tr!(language, "cli-smtp-label-from"),
        ],
        1,
    );
    let none = tr!(language, "cli-smtp-none-value");
    let kept = if has_password {
        tr!(language, "cli-smtp-password-kept")
    } else {
        none.clone()
    };
    format!(
        "{host}{}:{}\n{security}{:?}\n{login}{}\n{password}{kept}\n{from}{}\n",
        s.host,
        s.port,
        s.tls,
        s.username.as_deref().unwrap_or(&none),
        s.from
    )
}

/// A secret from stdin (without echo on a terminal, after `prompt`), never
/// from arguments; at most `MAX_STDIN` bytes. `unreadable` says what failed.
fn read_secret_from_stdin(
    prompt: &str,
    unreadable: impl Fn(std::io::Error) -> String,
) -> Result<zeroize::Zeroizing<String>, Failure> {
    let stdin = std::io::stdin();
    let failure = |e: std::io::Error| Failure {
        code: exit::OTHER,
        message: unreadable(e),
    };
    if stdin.is_terminal() {
        tell_part!("{prompt} ");
        return rpassword::read_password()
            .map(zeroize::Zeroizing::new)
            .map_err(failure);
    }
    let mut raw = String::new();
    stdin
        .lock()
        .take(MAX_STDIN)
        .read_to_string(&mut raw)
        .map_err(failure)?;
    Ok(zeroize::Zeroizing::new(
        raw.trim_end_matches(['\r', '\n']).to_owned(),
    ))
}

fn print_json(value: &serde_json::Value) {
    say!(
        "{}",
        serde_json::to_string_pretty(value).expect("JSON values serialize")
    );
}

/// A row of `customers --json`.
#[derive(serde::Serialize)]
struct CustomerRow {
    id: String,
    name: Option<String>,
    email: Option<String>,
    status: String,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ExportArg {
    Customers,
    Invoices,
}

fn export(
    profiles: &Profiles,
    profile: &ProfileName,
    what: ExportArg,
    out: Option<std::path::PathBuf>,
) -> Result<(), Failure> {
    use portal_core::export::{ExportKind, write_csv};
    let kind = match what {
        ExportArg::Customers => ExportKind::Customers,
        ExportArg::Invoices => ExportKind::Invoices,
    };
    let path = out.unwrap_or_else(|| {
        kind.file_name(profile.as_str(), portal_core::sync::unix_now())
            .into()
    });
    let cache = profiles.open_cache(profile)?;
    let rows = write_csv(&cache, kind, &path).map_err(Error::from)?;
    say!(
        "{}",
        t!(
            "cli-export-wrote",
            count = rows,
            kind = kind.as_str(),
            path = path.display().to_string()
        )
    );
    Ok(())
}

/// The profile's client when its key can be had, for a fresh PDF link; a
/// saved PDF opens without one.
fn optional_client(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
) -> Option<StripeClient> {
    interactive_client(profiles, profile, api_base)
        .ok()
        .map(|(client, _)| client)
}

fn invoice_pdf(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
    invoice_id: &str,
    out: Option<PathBuf>,
) -> Result<(), Failure> {
    let mut cache = profiles.open_cache(profile)?;
    let files = profiles.invoice_files(profile);
    let client = if files.is_saved(invoice_id.trim()) {
        None
    } else {
        optional_client(profiles, profile, api_base)
    };
    let target = runtime()?.block_on(portal_core::invoice_document(
        &mut cache,
        &files,
        invoice_id,
        portal_core::InvoiceDocument::Pdf,
        api_base,
        client.as_ref().map(StripeClient::transport),
    ))?;
    let portal_core::DocumentTarget::File(saved) = target else {
        unreachable!("a PDF is a file");
    };
    match out {
        Some(out) => {
            std::fs::copy(&saved, &out).map_err(|e| Failure {
                code: exit::OTHER,
                message: t!(
                    "cli-pdf-unwritable",
                    path = out.display().to_string(),
                    error = e.to_string()
                ),
            })?;
            say!("{}", out.display());
        }
        None => say!("{}", saved.display()),
    }
    Ok(())
}

/// Saves every cached invoice's PDF in `dir` for an accountant: those already
/// there are skipped, and those that could not be had are listed.
fn export_pdfs(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
    dir: &Path,
) -> Result<(), Failure> {
    let mut cache = profiles.open_cache(profile)?;
    let client = optional_client(profiles, profile, api_base);
    let report = runtime()?.block_on(portal_core::export_pdfs(
        &mut cache,
        &profiles.invoice_files(profile),
        dir,
        api_base,
        client.as_ref().map(StripeClient::transport),
    ))?;
    say!(
        "{}",
        t!(
            "cli-pdfs-saved",
            saved = report.saved,
            dir = dir.display().to_string(),
            skipped = report.skipped
        )
    );
    if report.failed.is_empty() {
        return Ok(());
    }
    for (id, why) in &report.failed {
        tell!("{id}: {why}");
    }
    Err(Failure {
        code: exit::OTHER,
        message: t!("cli-pdfs-failed", failed = report.failed.len()),
    })
}

fn customers(
    profiles: &Profiles,
    profile: &ProfileName,
    search: Option<String>,
    status: Option<StatusFilter>,
    limit: usize,
    json: bool,
) -> Result<(), Failure> {
    let cache = profiles.open_cache(profile)?;
    let query = CustomerQuery {
        text: search.unwrap_or_default(),
        status,
        limit,
        ..Default::default()
    };
    let indexes = portal_core::cache::customer_index::CustomerIndexes::default();
    let (rows, total) =
        portal_core::query::customers(&cache, &indexes, &query).map_err(Error::from)?;
    if portal_core::sync::last_synced(&cache)
        .map_err(Error::from)?
        .is_none()
    {
        tell!("{}", t!("cli-cache-empty", profile = profile.as_str()));
    }
    if json {
        let rows: Vec<CustomerRow> = rows
            .into_iter()
            .map(|c| CustomerRow {
                id: c.id,
                name: c.name,
                email: c.email,
                status: c.status,
            })
            .collect();
        say!("{}", serde_json::to_string(&rows).expect("rows serialize"));
        return Ok(());
    }
    for c in &rows {
        say!(
            "{:<20}  {:<28}  {:<36}  {}",
            c.id,
            crate::text::clip(c.name.as_deref().unwrap_or("—"), 28),
            crate::text::clip(c.email.as_deref().unwrap_or("—"), 36),
            c.status
        );
    }
    tell!(
        "{}",
        t!("cli-customers-shown", shown = rows.len(), total = total)
    );
    Ok(())
}

fn show(
    profiles: &Profiles,
    profile: &ProfileName,
    customer_id: &str,
    json: bool,
) -> Result<(), Failure> {
    let customer_id = customer_id.trim();
    if !customer_id.starts_with("cus_") || !portal_core::sync::objects::is_generated_id(customer_id)
    {
        return Err(Failure {
            code: exit::USAGE,
            message: t!(
                "cli-not-a-customer-id",
                id = format!("{:?}", crate::text::clip(customer_id, 40))
            ),
        });
    }
    let cache = profiles.open_cache(profile)?;
    let now = portal_core::sync::unix_now();
    let info = portal_core::query::billing_info(&cache, customer_id, now)
        .map_err(Error::from)?
        .ok_or_else(|| Failure {
            code: exit::OTHER,
            message: t!(
                "cli-customer-not-cached",
                id = customer_id,
                profile = profile.as_str()
            ),
        })?;
    if json {
        say!(
            "{}",
            serde_json::to_string(&info).expect("billing info serializes")
        );
    } else {
        say_part!("{}", crate::text::billing_info(&info, now, lang()));
    }
    Ok(())
}

fn key_forget(profiles: &Profiles, profile: &ProfileName) -> Result<(), Failure> {
    if profiles.forget_key(profile)? {
        say!("{}", t!("cli-key-removed", profile = profile.as_str()));
    } else {
        say!(
            "{}",
            t!("cli-key-none-to-remove", profile = profile.as_str())
        );
    }
    Ok(())
}

fn open_window(
    data_dir: Option<PathBuf>,
    profile: &str,
    api_base: Option<ApiBase>,
) -> Result<(), Failure> {
    let profile = ProfileName::parse(profile)?;
    #[cfg(target_os = "linux")]
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        return Err(Failure {
            code: exit::OTHER,
            message: t!("cli-no-display"),
        });
    }
    crate::run_gui(data_dir, profile, api_base).map_err(|e| Failure {
        code: exit::OTHER,
        message: format!("{e:#}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::columns;

    fn key_status() -> portal_ipc::KeyStatus {
        portal_ipc::KeyStatus {
            profile: "default".into(),
            mode: portal_ipc::Mode::Test,
            kind: portal_ipc::KeyKind::Secret,
            last4: "abcd".into(),
            source: portal_ipc::KeySource::Keychain,
            business_name: Some("Sandbox Coffee".into()),
            account_id: Some("acct_1".into()),
        }
    }

    fn smtp() -> SmtpSettings {
        SmtpSettings {
            host: "smtp.example.com".into(),
            port: 587,
            tls: TlsMode::Starttls,
            username: None,
            from: "Acme <billing@acme.example>".into(),
        }
    }

    /// The column each line's value starts at, given the table's labels.
    fn value_columns(table: &str, labels: &[String]) -> Vec<usize> {
        table
            .lines()
            .map(|line| {
                let label = labels
                    .iter()
                    .filter(|l| line.starts_with(l.as_str()))
                    .max_by_key(|l| l.len())
                    .unwrap_or_else(|| panic!("{line:?} starts with a label"));
                let rest = &line[label.len()..];
                columns(label) + rest.len() - rest.trim_start().len()
            })
            .collect()
    }

    #[test]
    fn english_tables_are_as_they_always_were() {
        assert_eq!(
            key_status_table(&key_status(), Language::En),
            "profile:  default\n\
             mode:     test\n\
             key kind: secret\n\
             ends in:  ...abcd\n\
             business: Sandbox Coffee\n\
             account:  acct_1\n\
             from:     the OS keychain\n"
        );
        assert_eq!(
            smtp_table(&smtp(), false, Language::En),
            "host:     smtp.example.com:587\n\
             security: Starttls\n\
             login:    none\n\
             password: none\n\
             from:     Acme <billing@acme.example>\n"
        );
    }

    #[test]
    fn tables_line_up_in_every_language() {
        for language in Language::ALL {
            let labels = [
                "cli-key-label-profile",
                "cli-key-label-mode",
                "cli-key-label-kind",
                "cli-key-label-last4",
                "cli-key-label-business",
                "cli-key-label-account",
                "cli-key-label-source",
            ]
            .map(|id| portal_i18n::message(language, id, None));
            let table = key_status_table(&key_status(), language);
            let at = value_columns(&table, &labels);
            assert_eq!(at.len(), 7, "{language}: {table}");
            assert!(at.iter().all(|c| *c == at[0]), "{language}:\n{table}");

            let labels = [
                "cli-smtp-label-host",
                "cli-smtp-label-security",
                "cli-smtp-label-login",
                "cli-smtp-label-password",
                "cli-smtp-label-from",
            ]
            .map(|id| portal_i18n::message(language, id, None));
            let table = smtp_table(&smtp(), true, language);
            let at = value_columns(&table, &labels);
            assert_eq!(at.len(), 5, "{language}: {table}");
            assert!(at.iter().all(|c| *c == at[0]), "{language}:\n{table}");
        }
    }

    #[test]
    fn durations_keep_one_decimal_and_numbers_are_grouped() {
        let requests = |language| {
            tr!(
                language,
                "cli-sync-requests",
                requests = 1234u64,
                retries = 0u64,
                seconds = tenths(2.0)
            )
        };
        assert_eq!(
            requests(Language::En),
            "1,234 requests (0 retried) in 2.0 s."
        );
        assert_eq!(
            requests(Language::De),
            "1.234 Anfragen (0 wiederholt) in 2,0 s."
        );
        let one = tr!(
            Language::En,
            "cli-sync-requests",
            requests = 1u64,
            retries = 1u64,
            seconds = tenths(0.25)
        );
        assert_eq!(one, format!("1 request (1 retried) in {:.1} s.", 0.25));
    }
}
