//! The tauri-driver process and the app session it hosts.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use crate::webdriver::Session;

/// How to start the app.
#[derive(Debug, Default)]
pub struct AppOptions {
    /// Extra environment for the app (tauri-driver passes its own on).
    pub env: Vec<(String, String)>,
    /// A data folder prepared beforehand (its profile's key is kept), instead
    /// of a fresh one without a key.
    pub data_dir: Option<tempfile::TempDir>,
    /// A file for everything tauri-driver, WebKitWebDriver and the app print
    /// (stdout and stderr), instead of the test's stderr.
    pub output: Option<PathBuf>,
    /// Another Tauri app to drive instead of Portal Desk (the window bench's
    /// blank baseline window).
    pub application: Option<PathBuf>,
}

/// A running app: tauri-driver, WebKitWebDriver, the app and its WebDriver session.
/// Dropping it ends the session and stops tauri-driver with SIGTERM (SIGKILL
/// would orphan WebKitWebDriver, which then holds the test's output open).
pub struct App {
    driver: Child,
    /// The WebDriver session of the app's window.
    pub session: Session,
    /// The app's data folder (a fresh temporary one).
    pub data_dir: tempfile::TempDir,
}

impl App {
    /// Starts the app built by `cargo xtask e2e` with a fresh data folder and
    /// no key saved for the `default` profile (or with `options.data_dir`).
    pub fn launch(options: AppOptions) -> anyhow::Result<App> {
        let binary = match &options.application {
            Some(path) => path.clone(),
            None => app_binary()?,
        };
        let data_dir = match options.data_dir {
            Some(prepared) => prepared,
            None => {
                // A fresh app: no key left in the keychain by an earlier test.
                let _ = Command::new("secret-tool")
                    .args(["clear", "service", "portal-desk", "username", "default"])
                    .status();
                tempfile::tempdir()?
            }
        };
        let port = free_port()?;
        let native_port = free_port()?;
        let mut command = Command::new("tauri-driver");
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .args(["--native-driver", "/usr/bin/WebKitWebDriver"])
            .env("PORTAL_DESK_DATA_DIR", data_dir.path())
            // The remembered window size lives in the config folder: one per launch.
            .env("XDG_CONFIG_HOME", data_dir.path().join("config"))
            .envs(options.env.iter().map(|(k, v)| (k, v)));
        match &options.output {
            Some(path) => {
                let file = std::fs::File::create(path)?;
                command.stdout(file.try_clone()?).stderr(file);
            }
            None => {
                command.stdout(Stdio::null()).stderr(Stdio::inherit());
            }
        }
        let driver = command
            .spawn()
            .context("starting tauri-driver (cargo xtask setup installs it)")?;
        let mut app = App {
            driver,
            session: Session::placeholder(),
            data_dir,
        };
        let base = format!("http://127.0.0.1:{port}");
        wait_for_driver(&base)?;
        app.session = Session::create(&base, &binary)?;
        Ok(app)
    }

    /// The app's data folder.
    pub fn data_path(&self) -> &Path {
        self.data_dir.path()
    }
}

impl Drop for App {
    fn drop(&mut self) {
        self.session.delete();
        let _ = Command::new("kill")
            .args(["-TERM", &self.driver.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if matches!(self.driver.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        eprintln!("tauri-driver did not stop on SIGTERM; leaving it");
    }
}

/// Runs the app's command line on `data_dir` against the sandbox at
/// `api_base`, with `stdin` piped in; fails unless it exits 0. Returns
/// what it printed: stdout, then stderr.
pub fn run_cli(
    data_dir: &Path,
    api_base: &str,
    args: &[&str],
    stdin: &str,
) -> anyhow::Result<(String, String)> {
    use std::io::Write;
    let mut child = Command::new(app_binary()?)
        .args(["--api-base", api_base])
        .args(args)
        .env("PORTAL_DESK_DATA_DIR", data_dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    child
        .stdin
        .take()
        .context("stdin")?
        .write_all(stdin.as_bytes())?;
    let output = child.wait_with_output()?;
    let printed = (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    );
    anyhow::ensure!(
        output.status.success(),
        "portal-desk {args:?}: {}",
        printed.1
    );
    Ok(printed)
}

/// The app under test: `PORTAL_DESK_APP`, or the debug build `cargo xtask e2e` makes.
pub fn app_binary() -> anyhow::Result<PathBuf> {
    let path = match std::env::var_os("PORTAL_DESK_APP") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../target/debug/portal-desk")
            .canonicalize()
            .context(
                "no app binary: run `cargo xtask e2e`, which builds it with the UI embedded",
            )?,
    };
    if !path.is_file() {
        bail!("no app binary at {}", path.display());
    }
    Ok(path)
}

fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn wait_for_driver(base: &str) -> anyhow::Result<()> {
    // Generous: on a loaded 2-core CI machine the driver once took over 30 s.
    let deadline = Instant::now() + Duration::from_secs(90);
    while Instant::now() < deadline {
        if ureq::get(&format!("{base}/status")).call().is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    bail!("tauri-driver did not answer on {base}")
}
