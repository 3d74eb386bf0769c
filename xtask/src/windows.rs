//! The Windows build, cross-compiled on Linux with Debian's mingw, and its
//! CLI run under Wine by the test stage.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use crate::{keyring, setup, shell, ui};

/// Rust's target for 64-bit Windows built with mingw.
pub const TARGET: &str = "x86_64-pc-windows-gnu";

/// The loader wry's WebView2 bindings link against; it ships beside the .exe.
const WEBVIEW2_LOADER: &str = "WebView2Loader.dll";

/// The console build of the app, shipped as `portal-desk.com` (see
/// src-tauri/src/console.rs): `portal-desk` in cmd or PowerShell runs it.
const CONSOLE_NAME: &str = "portal-desk.com";

/// `cargo xtask build --target windows`: the release app (the GUI .exe and
/// the console .com) and its DLL in `target/dist/windows/`.
pub fn build_release() -> anyhow::Result<PathBuf> {
    setup::run(setup::Scope::Windows)?;
    ui::build()?;
    shell::run(shell::cargo().args([
        "build",
        "--release",
        "--target",
        TARGET,
        "-p",
        "portal-desk",
        "--bins",
        "--features",
        "custom-protocol,windows-console",
    ]))?;
    let dist = shell::target_dir().join("dist").join("windows");
    std::fs::create_dir_all(&dist)?;
    let gui = copy_into(&built("release", "portal-desk"), &dist)?;
    require_subsystem(&gui, "Windows GUI")?;
    let console = dist.join(CONSOLE_NAME);
    std::fs::copy(built("release", "portal-desk-console"), &console)?;
    require_subsystem(&console, "Windows CUI")?;
    copy_into(&webview2_loader()?, &dist)?;
    eprintln!("xtask: the Windows app is in {}", dist.display());
    Ok(dist)
}

/// Fails unless `exe`'s PE header names `subsystem` (objdump's words).
fn require_subsystem(exe: &Path, subsystem: &str) -> anyhow::Result<()> {
    let output = Command::new("x86_64-w64-mingw32-objdump")
        .arg("-p")
        .arg(exe)
        .output()
        .context("running x86_64-w64-mingw32-objdump")?;
    let header = String::from_utf8_lossy(&output.stdout);
    let found = header
        .lines()
        .find(|line| line.starts_with("Subsystem"))
        .unwrap_or("no Subsystem line");
    if !found.contains(subsystem) {
        bail!("{} is not a {subsystem} program: {found}", exe.display());
    }
    Ok(())
}

/// The test stage: clippy for the Windows target; the core's tests and the
/// shell's unit tests, cross-compiled and run under Wine; then the debug CLI
/// under Wine, compared with the Linux CLI.
pub fn test_stage() -> anyhow::Result<()> {
    let wine = wine().context("Wine is not installed (`cargo xtask setup` installs wine64)")?;
    shell::run(shell::cargo().args([
        "clippy",
        "--target",
        TARGET,
        "-p",
        "portal-core",
        "-p",
        "portal-desk",
        "--all-targets",
        "--features",
        "portal-desk/windows-console",
        "--",
        "-D",
        "warnings",
    ]))?;
    shell::run(shell::cargo().args([
        "build",
        "--target",
        TARGET,
        "-p",
        "portal-desk",
        "--bin",
        "portal-desk-console",
        "--features",
        "windows-console",
    ]))?;
    let harness = shell::target_dir().join("windows-harness");
    std::fs::create_dir_all(&harness)?;
    let exe = harness.join(CONSOLE_NAME);
    std::fs::copy(built("debug", "portal-desk-console"), &exe)?;
    copy_into(&webview2_loader()?, &harness)?;
    build_prng_shim(&harness)?;

    let prefix = tempfile::tempdir()?;
    boot(&wine, prefix.path())?;
    // Cargo runs each Windows test binary with Wine, which finds the DLLs on WINEPATH.
    let mut tests = shell::cargo();
    tests
        .args(["test", "--target", TARGET, "-p", "portal-core", "--tests"])
        .env(format!("CARGO_TARGET_{}_RUNNER", runner_key()), &wine);
    quiet_wine(&mut tests, prefix.path(), &harness);
    shell::run(&mut tests)?;
    let mut unit = shell::cargo();
    unit.args(["test", "--target", TARGET, "-p", "portal-desk", "--lib"])
        .env(format!("CARGO_TARGET_{}_RUNNER", runner_key()), &wine);
    quiet_wine(&mut unit, prefix.path(), &harness);
    shell::run(&mut unit)?;

    shell::run(shell::cargo().args(["test", "-p", "portal-desk", "--test", "it", "--no-run"]))?;
    // Its own new prefix: an empty Credential Manager and %APPDATA%.
    let cli_prefix = tempfile::tempdir()?;
    boot(&wine, cli_prefix.path())?;
    let scratch = tempfile::tempdir()?;
    let mut command = keyring::in_private_session(
        scratch.path(),
        "cargo test -p portal-desk --test it -- --include-ignored --test-threads=1 windows_cli::",
    );
    command
        .current_dir(shell::root())
        .env("WINE", &wine)
        .env("PORTAL_DESK_WINDOWS_EXE", exe);
    quiet_wine(&mut command, cli_prefix.path(), &harness);
    shell::run(&mut command)
}

/// `X86_64_PC_WINDOWS_GNU`, as cargo's `CARGO_TARGET_<triple>_RUNNER` spells it.
fn runner_key() -> String {
    TARGET.to_uppercase().replace('-', "_")
}

/// Wine with its own prefix, no window, no debug chatter, and `dlls` searched.
pub fn quiet_wine(command: &mut Command, prefix: &Path, dlls: &Path) {
    command
        .env("WINEPREFIX", prefix)
        .env("WINEDEBUG", "-all")
        // A crash must fail the run, not open a debugger that waits for a click.
        .env("WINEDLLOVERRIDES", "winedbg.exe=d")
        .env(
            "WINEPATH",
            format!("Z:{}", dlls.display()).replace('/', "\\"),
        )
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY");
}

/// How long Wine may take to create a prefix (a few seconds here).
const WINE_BOOT_DEADLINE: Duration = Duration::from_secs(120);

/// Creates the prefix, or says plainly that Wine can't start.
pub fn boot(wine: &Path, prefix: &Path) -> anyhow::Result<()> {
    let mut command = Command::new(wine);
    command
        .args(["wineboot", "--init"])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    quiet_wine(&mut command, prefix, prefix);
    let mut child = command
        .spawn()
        .with_context(|| format!("Wine can't start: {} did not run", wine.display()))?;
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            if !status.success() {
                bail!("Wine can't start: `wineboot --init` failed ({status})");
            }
            return Ok(());
        }
        if started.elapsed() > WINE_BOOT_DEADLINE {
            let _ = child.kill();
            bail!(
                "Wine can't start: `wineboot --init` was still running after {} s",
                WINE_BOOT_DEADLINE.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Wine's 64-bit loader: Debian's `wine64` package puts it outside the PATH
/// unless the `wine` wrapper package is installed too.
pub fn wine() -> Option<PathBuf> {
    ["wine64", "wine"]
        .into_iter()
        .find(|name| shell::on_path(name))
        .map(PathBuf::from)
        .or_else(|| {
            let debian = PathBuf::from("/usr/lib/wine/wine64");
            debian.is_file().then_some(debian)
        })
}

fn built(profile: &str, program: &str) -> PathBuf {
    shell::target_dir()
        .join(TARGET)
        .join(profile)
        .join(format!("{program}.exe"))
}

fn copy_into(file: &Path, dir: &Path) -> anyhow::Result<PathBuf> {
    let name = file.file_name().context("a file name")?;
    let to = dir.join(name);
    std::fs::copy(file, &to)
        .with_context(|| format!("copying {} to {}", file.display(), dir.display()))?;
    Ok(to)
}

/// `WebView2Loader.dll` from the `webview2-com-sys` crate this build uses.
fn webview2_loader() -> anyhow::Result<PathBuf> {
    let output = shell::cargo()
        .args([
            "metadata",
            "--format-version",
            "1",
            "--filter-platform",
            TARGET,
        ])
        .output()
        .context("running cargo metadata")?;
    if !output.status.success() {
        bail!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    let manifest = metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|package| package["name"] == "webview2-com-sys")
        .and_then(|package| package["manifest_path"].as_str())
        .context("webview2-com-sys is not among the Windows build's crates")?;
    let dll = Path::new(manifest)
        .parent()
        .context("the crate's folder")?
        .join("x64")
        .join(WEBVIEW2_LOADER);
    if !dll.is_file() {
        bail!("{} is missing", dll.display());
    }
    Ok(dll)
}

/// Builds the test-only `bcryptprimitives.dll` (see `xtask/wine/`) into `dir`.
pub fn build_prng_shim(dir: &Path) -> anyhow::Result<()> {
    let source = shell::root()
        .join("xtask")
        .join("wine")
        .join("bcryptprimitives.c");
    shell::run(
        Command::new("x86_64-w64-mingw32-gcc")
            .args(["-shared", "-O2", "-o"])
            .arg(dir.join("bcryptprimitives.dll"))
            .arg(source)
            .arg("-ladvapi32"),
    )
}
