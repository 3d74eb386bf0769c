//! `cargo xtask COMMAND`: the project's commands, so a fresh Debian/Ubuntu
//! machine needs only `cargo xtask run` and `cargo xtask test`.

mod accessibility;
mod bench;
mod bundle;
mod demo;
mod fuzz;
mod keyring;
mod report;
mod run;
mod setup;
mod shell;
mod test;
mod ui;
mod windows;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Portal Desk project commands")]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Install what the build and the tests need (idempotent).
    Setup,
    /// Build the Yew UI into ui/dist (no Trunk needed).
    Ui {
        /// After building, serve ui/dist on this port (for `cargo tauri dev`).
        #[arg(long, value_name = "PORT")]
        serve: Option<u16>,
        /// Then rebuild whenever the UI's sources (or the contract and the
        /// catalogues it compiles) change, until Ctrl-C.
        #[arg(long)]
        watch: bool,
    },
    /// Set up if needed, build the UI and the app, and open the window.
    Run,
    /// Build the release app for another OS (cross-compiled) into target/dist/.
    Build {
        /// The OS to build for.
        #[arg(long, value_enum)]
        target: BuildTarget,
    },
    /// Every check: fmt, clippy, unit, keychain, sdk, windows and e2e, one
    /// summary line each.
    Test {
        /// Only this stage (repeat for several), e.g. `--stage windows`.
        #[arg(long = "stage", value_name = "NAME")]
        stages: Vec<String>,
    },
    /// Only the end-to-end suite through the real window.
    E2e,
    /// Build the installers: the Linux .deb (Tauri's bundler) and the Windows
    /// NSIS installer, into target/.
    Bundle {
        /// Then install each (apt; Wine, silently), run it, and uninstall it.
        #[arg(long)]
        check: bool,
    },
    /// Start a local Stripe sandbox and open the app connected to it (profile `demo`).
    Demo,
    /// Run the benchmarks and write BENCHMARKS.md.
    Bench {
        /// Only the window's section (release app, 100,000 cached customers),
        /// replacing that section of BENCHMARKS.md.
        #[arg(long)]
        window_only: bool,
    },
    /// The full chaos run: 20 fault schedules, 5 kills of a sync and 5 429
    /// storms on invoices under Stripe's limiters, each ending equal to the
    /// sandbox (`cargo xtask test` runs 3, 1 and 1).
    Chaos,
    /// Run each cargo-fuzz target for a set time (two at a time) and record
    /// the runs in BENCHMARKS.md. Needs a nightly toolchain.
    Fuzz {
        /// Seconds per target.
        #[arg(long, default_value_t = 600)]
        secs: u64,
        /// Only this target (key_parser, search_query, form_encoder,
        /// event_applier); only its row of BENCHMARKS.md changes.
        #[arg(long)]
        target: Option<String>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum BuildTarget {
    /// 64-bit Windows (x86_64-pc-windows-gnu, with mingw).
    Windows,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = match args.command {
        Command::Setup => setup::run(setup::Scope::All),
        Command::Ui { serve, watch } => ui::build().and_then(|()| match (serve, watch) {
            (Some(port), true) => {
                std::thread::spawn(move || ui::serve(port));
                ui::watch()
            }
            (Some(port), false) => ui::serve(port),
            (None, true) => ui::watch(),
            (None, false) => Ok(()),
        }),
        Command::Run => run::run(),
        Command::Build {
            target: BuildTarget::Windows,
        } => windows::build_release().map(|_| ()),
        Command::Bench { window_only: false } => bench::run(),
        Command::Bench { window_only: true } => bench::run_window_only(),
        Command::Chaos => test::chaos(),
        Command::Fuzz { secs, target } => fuzz::run(secs, target),
        Command::Demo => demo::run(),
        Command::Bundle { check } => bundle::run(check),
        Command::Test { stages } => return test::run_named(&stages),
        Command::E2e => return test::run_e2e_only(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e:#}");
            ExitCode::FAILURE
        }
    }
}
