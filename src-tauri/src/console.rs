// Portal Desk for the Windows console, shipped as `portal-desk.com` beside the
// GUI `portal-desk.exe` (see main.rs). The same program: it can open the
// window too, with a console behind it.

fn main() -> std::process::ExitCode {
    portal_desk::main()
}
