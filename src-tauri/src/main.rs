// Portal Desk: with no arguments it opens the window; with a command it is the CLI.
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = portal_desk::cli::Cli::parse();
    portal_desk::cli::run(cli)
}
