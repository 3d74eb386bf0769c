//! `cargo xtask setup`: system packages, the wasm32 target and pinned cargo tools.
//! Idempotent; nothing downloads a prebuilt binary (tools build from crates.io).

use std::process::Command;

use anyhow::{Context, bail};

use crate::shell;

/// How much of the toolchain a command needs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Building and running the app.
    App,
    /// Building the app for Windows: the app's packages, mingw and the target.
    Windows,
    /// Everything, including the keychain, end-to-end and Windows test tools.
    All,
    /// All, and the installers' tools: tauri-cli, makensis, and what
    /// `bundle --check` uses to try them.
    Bundle,
}

/// Tauri's build dependencies on Debian/Ubuntu.
const APP_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libssl-dev",
    "libwebkit2gtk-4.1-dev",
    "libgtk-3-dev",
    "libsoup-3.0-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
];

/// The real window under Xvfb, WebKitWebDriver, and a private Secret Service.
const TEST_PACKAGES: &[&str] = &[
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "gnome-keyring",
    "dbus",
    "dbus-x11",
    "libsecret-tools",
    "locales",
    // Japanese glyphs, for the window's Japanese screenshots (Windows and
    // macOS ship CJK fonts; a bare Debian doesn't).
    "fonts-ipafont-gothic",
];

/// The UTF-8 locales the end-to-end tests run the window in (an unset or C
/// locale makes WebKit format amounts as `¥ 7300`).
pub const TEST_LOCALES: [&str; 2] = ["en_US.UTF-8", "de_DE.UTF-8"];

/// Cross-compiling for Windows (mingw) and running its CLI in tests (Wine).
const WINDOWS_PACKAGES: &[&str] = &["gcc-mingw-w64-x86-64", "wine64"];

/// The Windows installer (makensis) and the checks of both installers.
const BUNDLE_PACKAGES: &[&str] = &["nsis", "desktop-file-utils", "imagemagick"];

/// Cargo tools, pinned. wasm-bindgen and Trunk are not needed: xtask builds
/// the UI with the wasm-bindgen library.
const TOOLS: &[(&str, &str)] = &[("tauri-driver", "2.1.0")];

/// Tauri's bundler, for the .deb: only `cargo xtask bundle` needs it (a build
/// of about 10 minutes), so `cargo xtask test` doesn't install it.
const BUNDLE_TOOLS: &[(&str, &str)] = &[("tauri-cli", "2.12.4")];

/// Makes sure everything `scope` needs is installed. Each step only checks
/// when its part is there, and when every part is, setup says so in one line.
pub fn run(scope: Scope) -> anyhow::Result<()> {
    let mut installed = system_packages(scope)?;
    installed |= rust_target("wasm32-unknown-unknown")?;
    // The Windows build is cross-compiled from Linux only.
    if scope != Scope::App && cfg!(target_os = "linux") {
        installed |= rust_target(crate::windows::TARGET)?;
    }
    installed |= match scope {
        Scope::App | Scope::Windows => false,
        Scope::All => cargo_tools(TOOLS)?,
        Scope::Bundle => cargo_tools(&[TOOLS, BUNDLE_TOOLS].concat())?,
    };
    if matches!(scope, Scope::All | Scope::Bundle) && cfg!(target_os = "linux") {
        installed |= test_locales()?;
    }
    if !installed {
        eprintln!("setup: everything is installed; nothing to do");
    }
    Ok(())
}

/// Generates [`TEST_LOCALES`] with glibc's `localedef` unless `locale -a` lists
/// them. True when it generated one.
fn test_locales() -> anyhow::Result<bool> {
    let Ok(listed) = Command::new("locale").arg("-a").output() else {
        return Ok(false); // No glibc locale tools: nothing to generate with.
    };
    let mut generated = false;
    // `locale -a` spells them `en_US.utf8`.
    let have = String::from_utf8_lossy(&listed.stdout).to_ascii_lowercase();
    for locale in TEST_LOCALES {
        let (name, _) = locale.split_once('.').unwrap_or((locale, ""));
        if have
            .lines()
            .any(|l| l == format!("{}.utf8", name.to_ascii_lowercase()))
        {
            continue;
        }
        if !is_root() {
            bail!(
                "the {locale} locale is missing; generate it, then run this again:\n  sudo localedef -i {name} -f UTF-8 {locale}"
            );
        }
        eprintln!("setup: generating the {locale} locale");
        shell::run(Command::new("localedef").args(["-i", name, "-f", "UTF-8", locale]))?;
        generated = true;
    }
    Ok(generated)
}

/// True when it installed a package.
fn system_packages(scope: Scope) -> anyhow::Result<bool> {
    if !cfg!(target_os = "linux") {
        eprintln!("setup: not Linux: install Tauri's prerequisites for your OS (see README.md).");
        return Ok(false);
    }
    if !shell::on_path("dpkg-query") || !shell::on_path("apt-get") {
        eprintln!(
            "setup: not a Debian/Ubuntu system: install the equivalents of {} yourself.",
            APP_PACKAGES.join(" ")
        );
        return Ok(false);
    }
    let mut wanted: Vec<&str> = APP_PACKAGES.to_vec();
    if scope != Scope::App {
        wanted.extend(WINDOWS_PACKAGES);
    }
    if scope == Scope::Bundle {
        wanted.extend(BUNDLE_PACKAGES);
    }
    if matches!(scope, Scope::All | Scope::Bundle) {
        wanted.extend(TEST_PACKAGES);
        // The sandbox is also checked against Stripe's Node SDK; any Node >= 20 will do.
        if !shell::on_path("node") || !shell::on_path("npm") {
            wanted.extend(["nodejs", "npm"]);
        }
    }
    let missing = missing_packages(&wanted)?;
    if missing.is_empty() {
        return Ok(false);
    }
    if !is_root() {
        bail!(
            "these system packages are missing; install them, then run this again:\n  sudo apt-get install -y {}",
            missing.join(" ")
        );
    }
    eprintln!("setup: installing {}", missing.join(" "));
    shell::run(Command::new("apt-get").args(["update", "-qq"]))?;
    shell::run(
        Command::new("apt-get")
            .args(["install", "-y", "-qq", "--no-install-recommends"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    Ok(true)
}

fn missing_packages(wanted: &[&str]) -> anyhow::Result<Vec<String>> {
    let output = Command::new("dpkg-query")
        .args(["-W", "-f=${Package} ${db:Status-Status}\n"])
        .args(wanted)
        .output()
        .context("could not run dpkg-query")?;
    // dpkg-query exits 1 when a package is unknown; its stdout still lists the known ones.
    let listed = String::from_utf8_lossy(&output.stdout);
    let installed: Vec<&str> = listed
        .lines()
        .filter_map(|line| line.strip_suffix(" installed"))
        .collect();
    Ok(wanted
        .iter()
        .filter(|p| !installed.contains(p))
        .map(|p| p.to_string())
        .collect())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// True when it added the target.
fn rust_target(target: &str) -> anyhow::Result<bool> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .context("rustup is needed (https://rustup.rs)")?;
    if String::from_utf8_lossy(&installed.stdout)
        .lines()
        .any(|t| t.trim() == target)
    {
        return Ok(false);
    }
    shell::run(Command::new("rustup").args(["target", "add", target]))?;
    Ok(true)
}

/// True when it built a tool.
fn cargo_tools(tools: &[(&str, &str)]) -> anyhow::Result<bool> {
    let listed = shell::cargo()
        .args(["install", "--list"])
        .output()
        .context("could not list installed cargo tools")?;
    let listed = String::from_utf8_lossy(&listed.stdout);
    let mut built = false;
    for (tool, version) in tools {
        if listed.contains(&format!("{tool} v{version}:")) {
            continue;
        }
        eprintln!(
            "setup: building {tool} {version} from crates.io (a minute to a quarter of an hour)"
        );
        shell::run(shell::cargo().args(["install", "--locked", tool, "--version", version]))?;
        built = true;
    }
    Ok(built)
}
