//! `cargo xtask bundle [--check]`: the Linux .deb (Tauri's bundler) and the
//! Windows installer (the project's NSIS script, Debian's makensis), and with
//! `--check`, each installed and tried as a user would.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail, ensure};

use crate::{keyring, setup, shell, windows};

/// Where `bundle --check` keeps the installed .deb's window (for the docs).
const DEB_SCREENSHOT: &str = "docs/screenshots/installed-deb.png";

pub fn run(check: bool) -> anyhow::Result<()> {
    setup::run(setup::Scope::Bundle)?;
    let started = Instant::now();
    let deb = build_deb()?;
    let installer = build_windows_installer()?;
    eprintln!(
        "xtask: built in {:.0} s:\n  {}\n  {}",
        started.elapsed().as_secs_f64(),
        deb.display(),
        installer.display()
    );
    if check {
        check_deb(&deb)?;
        check_windows_installer(&installer)?;
        eprintln!("xtask: both installers installed, ran and uninstalled cleanly");
    }
    Ok(())
}

fn version() -> anyhow::Result<String> {
    let config: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(
        shell::root().join("tauri.conf.json"),
    )?)?;
    config["version"]
        .as_str()
        .map(str::to_owned)
        .context("tauri.conf.json has no version")
}

/// `cargo tauri build --bundles deb` (it builds the UI and the release app first).
fn build_deb() -> anyhow::Result<PathBuf> {
    let folder = shell::target_dir().join("release/bundle/deb");
    let _ = std::fs::remove_dir_all(&folder);
    shell::run(shell::cargo().args(["tauri", "build", "--bundles", "deb"]))?;
    let version = version()?;
    std::fs::read_dir(&folder)?
        .flatten()
        .map(|entry| entry.path())
        .find(|path| {
            path.extension().is_some_and(|e| e == "deb")
                && path.to_string_lossy().contains(&version)
        })
        .with_context(|| format!("no .deb in {}", folder.display()))
}

/// The release app for Windows, packed by `xtask/nsis/portal-desk.nsi`.
fn build_windows_installer() -> anyhow::Result<PathBuf> {
    let dist = windows::build_release()?;
    std::fs::copy(shell::root().join("icons/icon.ico"), dist.join("icon.ico"))?;
    let version = version()?;
    let installer = shell::target_dir()
        .join("dist")
        .join(format!("Portal-Desk_{version}_x64-setup.exe"));
    shell::run(
        Command::new("makensis")
            .arg("-V2")
            .arg(format!("-DVERSION={version}"))
            .arg(format!("-DDIST={}", dist.display()))
            .arg(format!("-DOUTFILE={}", installer.display()))
            .arg(shell::root().join("xtask/nsis/portal-desk.nsi")),
    )?;
    Ok(installer)
}

fn output_of(command: &mut Command) -> anyhow::Result<String> {
    let output = command
        .output()
        .with_context(|| format!("running {command:?}"))?;
    ensure!(
        output.status.success(),
        "{command:?} failed ({}): {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Installs the .deb with apt, runs it from the PATH and in a window under
/// Xvfb, validates its desktop entry and icons, then removes it and checks
/// that none of its files are left.
fn check_deb(deb: &Path) -> anyhow::Result<()> {
    let package = output_of(
        Command::new("dpkg-deb")
            .args(["-f"])
            .arg(deb)
            .arg("Package"),
    )?
    .trim()
    .to_owned();
    let apt = |args: &[&str]| {
        shell::run(
            Command::new("apt-get")
                .args(args)
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )
    };
    apt(&["install", "-y", "-qq", &deb.display().to_string()])?;
    let files: Vec<PathBuf> = output_of(Command::new("dpkg").args(["-L", &package]))?
        .lines()
        .map(PathBuf::from)
        .filter(|path| path.is_file())
        .collect();

    let version = output_of(Command::new("portal-desk").arg("--version"))?;
    ensure!(
        version.trim() == format!("portal-desk {}", self::version()?),
        "`portal-desk --version` from the PATH said {version:?}"
    );
    let entries: Vec<&PathBuf> = files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "desktop"))
        .collect();
    ensure!(!entries.is_empty(), "the .deb installs no .desktop entry");
    for entry in &entries {
        shell::run(Command::new("desktop-file-validate").arg(entry))?;
    }
    let icons = files
        .iter()
        .filter(|f| f.starts_with("/usr/share/icons"))
        .count();
    ensure!(icons > 0, "the .deb installs no icons");
    window_of_installed_app()?;

    apt(&["remove", "-y", "-qq", &package])?;
    let left: Vec<&PathBuf> = files.iter().filter(|f| f.exists()).collect();
    ensure!(left.is_empty(), "apt-get remove left {left:?}");
    eprintln!(
        "xtask: the .deb installed {} files ({} icons, {} desktop entry), ran, and left none",
        files.len(),
        icons,
        entries.len()
    );
    Ok(())
}

/// The installed `portal-desk` opens its window: it is still running after a
/// while, and the screen it drew is kept in `docs/screenshots/`.
fn window_of_installed_app() -> anyhow::Result<()> {
    let scratch = tempfile::tempdir()?;
    let shot = shell::root().join(DEB_SCREENSHOT);
    std::fs::create_dir_all(shot.parent().context("a folder")?)?;
    let inner = format!(
        "xvfb-run -a -s '-screen 0 1280x800x24' sh -c 'portal-desk --data-dir \"$SCRATCH/desk\" & app=$!; sleep 12; kill -0 $app || exit 7; import -window root \"{}\"; kill $app'",
        shot.display()
    );
    let status = keyring::in_private_session(scratch.path(), &inner)
        .status()
        .context("running the installed app under Xvfb")?;
    ensure!(
        status.success(),
        "the installed app didn't keep its window open ({status})"
    );
    let colours = output_of(
        Command::new("convert")
            .arg(&shot)
            .args(["-format", "%k", "info:"]),
    )?;
    let colours: u32 = colours.trim().parse().unwrap_or(0);
    ensure!(
        colours > 50,
        "the screenshot has {colours} colours: the window drew nothing"
    );
    Ok(())
}

/// Installs the NSIS installer silently under Wine, runs the installed
/// programs, checks the WebView2 note (Wine has no WebView2), then
/// uninstalls it silently.
fn check_windows_installer(installer: &Path) -> anyhow::Result<()> {
    let wine = windows::wine().context("Wine is not installed")?;
    let prefix = tempfile::tempdir()?;
    let dlls = tempfile::tempdir()?;
    windows::build_prng_shim(dlls.path())?;
    windows::boot(&wine, prefix.path())?;
    let in_wine = |program: &Path| {
        let mut command = Command::new(&wine);
        command.arg(program);
        windows::quiet_wine(&mut command, prefix.path(), dlls.path());
        command
    };
    shell::run(in_wine(installer).arg("/S"))?;

    let users = prefix.path().join("drive_c/users");
    let profile = std::fs::read_dir(&users)?
        .flatten()
        .map(|user| user.path())
        .find(|user| user.join("AppData/Local/Programs/Portal Desk").is_dir())
        .context("nothing was installed in %LOCALAPPDATA%\\Programs\\Portal Desk")?;
    let folder = profile.join("AppData/Local/Programs/Portal Desk");
    let expected = format!("portal-desk {}", version()?);
    for program in ["portal-desk.exe", "portal-desk.com"] {
        let said = output_of(in_wine(&folder.join(program)).arg("--version"))?;
        ensure!(
            said.trim() == expected,
            "the installed {program} --version said {said:?}"
        );
    }
    let shortcut =
        profile.join("AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Portal Desk.lnk");
    ensure!(shortcut.is_file(), "no Start menu shortcut");
    let notes = std::fs::read_to_string(folder.join("INSTALL-NOTES.txt"))
        .context("no WebView2 note, though Wine has no WebView2")?;
    ensure!(
        notes.contains("https://developer.microsoft.com/microsoft-edge/webview2/"),
        "{notes}"
    );

    // The uninstaller copies itself elsewhere and returns at once; wait for it.
    let mut uninstall = in_wine(&folder.join("uninstall.exe"));
    uninstall.arg("/S").stdout(Stdio::null());
    shell::run(&mut uninstall)?;
    let deadline = Instant::now() + Duration::from_secs(60);
    while folder.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
    }
    if folder.exists() {
        bail!(
            "the uninstaller left {:?}",
            std::fs::read_dir(&folder)?
                .flatten()
                .map(|e| e.file_name())
                .collect::<Vec<_>>()
        );
    }
    ensure!(!shortcut.exists(), "the uninstaller left the shortcut");
    eprintln!("xtask: the Windows installer installed, ran and uninstalled under Wine");
    Ok(())
}
