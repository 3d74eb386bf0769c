// Portal Desk: with no arguments it opens the window; with a command it is the CLI.
//
// A Windows release is a GUI program, so opening it from the Start menu shows
// no console window. Windows then gives it no console to print to either, so
// its CLI is `portal-desk.com` (src-tauri/src/console.rs), the same program
// built for the console: cmd and PowerShell pick the .com for `portal-desk`.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    portal_desk::main()
}
