//! The command line, in the same binary as the window. With no command it
//! opens the window. Exit codes: 0 ok, 1 other, 2 usage, 3 no key or keychain
//! unavailable.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use portal_core::{
    ApiBase, ApiKey, DataDir, Error, KeyInfo, KeySource, Keychain, KeychainError, ProfileName,
    Profiles,
};

use crate::commands::key_status_dto;

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
mod exit {
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
    let api_base = match cli.api_base.as_deref().map(ApiBase::parse).transpose() {
        Ok(base) => base,
        Err(e) => {
            eprintln!("error: {e}");
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
            eprintln!("error: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

struct Failure {
    code: u8,
    message: String,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        let code = match &error {
            Error::Keychain(KeychainError::Unavailable { .. }) => exit::NO_KEY,
            Error::Stripe(failure) if failure.is_network() => exit::NETWORK,
            Error::Stripe(_) => exit::REFUSED,
            _ => exit::OTHER,
        };
        Failure {
            code,
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
        println!("{}", key_status_dto(info).saved_sentence());
        println!("Not checked with Stripe (--no-verify).");
        return Ok(());
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure {
            code: exit::OTHER,
            message: format!("could not start the network runtime: {e}"),
        })?;
    let info = runtime
        .block_on(profiles.connect(profile, &raw, api_base))
        .map_err(|error| {
            let mut failure = Failure::from(error);
            if failure.code == exit::NETWORK {
                failure.message.push_str(
                    " To store the key without checking it, run `portal-desk key set --no-verify`.",
                );
            }
            failure
        })?;
    let status = key_status_dto(info);
    println!("{}", status.saved_sentence());
    println!("{}", status.account_sentence());
    Ok(())
}

/// The key comes from stdin, never argv (argv is visible to every user in `ps`).
/// On a terminal it is read without echo.
fn read_key_from_stdin() -> Result<String, Failure> {
    let stdin = std::io::stdin();
    let failure = |e: std::io::Error| Failure {
        code: exit::OTHER,
        message: format!("could not read the key from standard input: {e}"),
    };
    if stdin.is_terminal() {
        eprint!("Paste your Stripe secret key (input is hidden) and press Enter: ");
        return rpassword::read_password().map_err(failure);
    }
    let mut raw = String::new();
    stdin
        .lock()
        .take(MAX_STDIN)
        .read_to_string(&mut raw)
        .map_err(failure)?;
    Ok(raw)
}

fn key_status(profiles: &Profiles, profile: &ProfileName, json: bool) -> Result<(), Failure> {
    let info = match key_from_environment(profile)? {
        Some(info) => info,
        None => profiles.key_info(profile)?.ok_or_else(|| Failure {
            code: exit::NO_KEY,
            message: format!(
                "no Stripe key is saved for profile {profile}; run `portal-desk --profile {profile} key set` and paste it"
            ),
        })?,
    };
    let status = key_status_dto(info);
    if json {
        let text = serde_json::to_string(&status).expect("KeyStatus always serializes");
        println!("{text}");
    } else {
        println!("profile:  {}", status.profile);
        println!("mode:     {}", status.mode.as_str());
        println!("key kind: {}", status.kind.as_str());
        println!("ends in:  ...{}", status.last4);
        if let Some(name) = &status.business_name {
            println!("business: {name}");
        }
        if let Some(id) = &status.account_id {
            println!("account:  {id}");
        }
        let source = match status.source {
            portal_ipc::KeySource::Keychain => "the OS keychain",
            portal_ipc::KeySource::Environment => "the STRIPE_API_KEY environment variable",
        };
        println!("from:     {source}");
    }
    Ok(())
}

/// `STRIPE_API_KEY`, when set, is used instead of the keychain (CLI only).
fn key_from_environment(profile: &ProfileName) -> Result<Option<KeyInfo>, Failure> {
    let Some(raw) = std::env::var_os("STRIPE_API_KEY") else {
        return Ok(None);
    };
    let key = ApiKey::parse(&raw.to_string_lossy()).map_err(|e| Failure {
        code: exit::OTHER,
        message: format!("STRIPE_API_KEY is set but unusable: {e}"),
    })?;
    Ok(Some(KeyInfo::describe(
        profile,
        &key,
        KeySource::Environment,
    )))
}

fn key_forget(profiles: &Profiles, profile: &ProfileName) -> Result<(), Failure> {
    if profiles.forget_key(profile)? {
        println!("Removed the Stripe key of profile {profile} from the keychain.");
    } else {
        println!("No Stripe key was saved for profile {profile}; nothing to remove.");
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
            message: "no display found, so the window can't open. Run it under a virtual display, for example `xvfb-run -a portal-desk`, or use a command (see `portal-desk --help`).".into(),
        });
    }
    crate::run_gui(data_dir, profile, api_base).map_err(|e| Failure {
        code: exit::OTHER,
        message: format!("{e:#}"),
    })
}
