// Portal Desk: with no arguments it opens the window; with a command it is the CLI.
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    portal_desk::make_new_files_private();
    portal_desk::test_hooks::warn_ignored();
    let cli = portal_desk::cli::Cli::parse();
    portal_desk::cli::run(cli)
}
