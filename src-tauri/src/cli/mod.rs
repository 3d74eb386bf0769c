//! The command line, in the same binary as the window. With no command it
//! opens the window. Exit codes ([`exit`]): 0 ok, 1 other, 2 usage, 3 no key or
//! keychain unavailable, 4 network unreachable, 5 Stripe refused.
//!
//! `args` holds the clap structs; each command group has its module (`key`,
//! `sync`, `browse`, `portal`, `email`), as the window's `commands/` does.

#[macro_use]
mod output;
mod args;
mod browse;
mod email;
pub(crate) mod exit;
mod key;
mod portal;
mod sync;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use portal_core::{ApiBase, DataDir, Keychain, ProfileName, Profiles};
use portal_i18n::Language;

use args::{Command, InvoiceAction, parse_language};
use exit::Failure;

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

/// Runs the parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    output::set_lang(crate::language::cli_language(cli.lang));
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

fn run_command(
    command: Command,
    profile: &str,
    data_dir: Option<PathBuf>,
    api_base: Option<&ApiBase>,
) -> Result<(), Failure> {
    let profile = &ProfileName::parse(profile)?;
    let data_dir = DataDir::resolve(data_dir).map_err(|e| Failure::other(e.to_string()))?;
    let profiles = &Profiles::new(data_dir, Arc::new(Keychain::platform()));
    match command {
        Command::Key { action } => key::run(profiles, profile, api_base, action),
        Command::Sync(args) => sync::sync(profiles, profile, api_base, args),
        Command::Customers(args) => browse::customers(profiles, profile, args),
        Command::Show(args) => browse::show(profiles, profile, args),
        Command::Export(args) => browse::export(profiles, profile, api_base, args),
        Command::Invoice {
            action: InvoiceAction::Pdf { invoice_id, out },
        } => browse::invoice_pdf(profiles, profile, api_base, &invoice_id, out),
        Command::Portal(args) => portal::open_portal(profiles, profile, api_base, args),
        Command::Configs { action } => portal::configs(profiles, profile, api_base, action),
        Command::Email(args) => email::email(profiles, profile, api_base, args),
        Command::Smtp { action } => email::smtp(profiles, profile, action),
    }
}

/// The CLI's one async runtime, for the core's Stripe calls.
fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::other(t!("cli-runtime-failed", error = e.to_string())))
}

fn open_window(
    data_dir: Option<PathBuf>,
    profile: &str,
    api_base: Option<ApiBase>,
) -> Result<(), Failure> {
    let profile = ProfileName::parse(profile)?;
    #[cfg(target_os = "linux")]
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        return Err(Failure::other(t!("cli-no-display")));
    }
    crate::run_gui(data_dir, profile, api_base).map_err(|e| Failure::other(format!("{e:#}")))
}
