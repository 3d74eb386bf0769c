//! Builds the Yew UI into `ui/dist` with the wasm-bindgen library: no Trunk,
//! no wasm-bindgen CLI, nothing downloaded. wasm-opt is not run (Debian's is
//! too old for current rustc); the release profile keeps the wasm small enough.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::Context;

use crate::shell;

const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// `cargo build` the UI for wasm32, generate its JS glue and assemble `ui/dist`.
pub fn build() -> anyhow::Result<()> {
    let root = shell::root();
    shell::run(shell::cargo().args([
        "build",
        "-p",
        "portal-ui",
        "--release",
        "--target",
        WASM_TARGET,
    ]))?;
    let wasm = shell::target_dir()
        .join(WASM_TARGET)
        .join("release")
        .join("portal-ui.wasm");

    let dist = root.join("ui").join("dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist).with_context(|| format!("clearing {}", dist.display()))?;
    }
    std::fs::create_dir_all(dist.join("styles"))?;

    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .web(true)?
        .typescript(false)
        // The library, unlike the CLI, defaults to leaving `init()` without the
        // wasm's URL; main.js relies on it.
        .omit_default_module_path(false)
        .out_name("portal_ui")
        .generate(&dist)
        .with_context(|| format!("wasm-bindgen on {}", wasm.display()))?;

    let ui = root.join("ui");
    copy(&ui.join("index.html"), &dist.join("index.html"))?;
    copy(&ui.join("main.js"), &dist.join("main.js"))?;
    for entry in std::fs::read_dir(ui.join("styles"))? {
        let path = entry?.path();
        if let Some(name) = path.file_name() {
            copy(&path, &dist.join("styles").join(name))?;
        }
    }
    copy(
        &root.join("icons").join("128x128.png"),
        &dist.join("icon.png"),
    )?;
    eprintln!("ui: built {}", dist.display());
    Ok(())
}

/// What the UI's build reads: its own sources and styles, and the two crates
/// it compiles in (the contract and the catalogues).
fn watched() -> Vec<PathBuf> {
    let root = shell::root();
    vec![
        root.join("ui").join("src"),
        root.join("ui").join("styles"),
        root.join("ui").join("index.html"),
        root.join("ui").join("main.js"),
        root.join("ui").join("Cargo.toml"),
        root.join("src-tauri").join("ipc").join("src"),
        root.join("src-tauri").join("i18n").join("src"),
        root.join("src-tauri").join("i18n").join("locales"),
    ]
}

/// The newest modification time and the number of files under `paths`: a
/// change, an added or a removed file each change it.
fn fingerprint(paths: &[PathBuf]) -> (Option<SystemTime>, usize) {
    fn walk(path: &Path, newest: &mut Option<SystemTime>, files: &mut usize) {
        let Ok(meta) = std::fs::metadata(path) else {
            return;
        };
        if meta.is_dir() {
            for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
                walk(&entry.path(), newest, files);
            }
        } else {
            *files += 1;
            *newest = (*newest).max(meta.modified().ok());
        }
    }
    let (mut newest, mut files) = (None, 0);
    for path in paths {
        walk(path, &mut newest, &mut files);
    }
    (newest, files)
}

/// Rebuilds `ui/dist` after each change to what it is built from, until
/// interrupted. Polls twice a second (no file-watching dependency): a build
/// takes seconds, so the poll is not what the wait is made of. A failed build
/// is reported and the watch goes on.
pub fn watch() -> anyhow::Result<()> {
    let paths = watched();
    let mut seen = fingerprint(&paths);
    eprintln!("ui: watching ui/, the contract and the catalogues; Ctrl-C stops");
    loop {
        std::thread::sleep(Duration::from_millis(500));
        let now = fingerprint(&paths);
        if now == seen {
            continue;
        }
        // Let an editor finish writing a burst of files.
        std::thread::sleep(Duration::from_millis(200));
        seen = fingerprint(&paths);
        eprintln!("ui: a source changed; rebuilding");
        if let Err(e) = build() {
            eprintln!("ui: the build failed: {e:#}; still watching");
        }
    }
}

fn copy(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::copy(from, to)
        .with_context(|| format!("copying {} to {}", from.display(), to.display()))?;
    Ok(())
}

/// Serves `ui/dist` on 127.0.0.1:`port` for `cargo tauri dev` (its `devUrl`).
/// Static files only; rebuild with `cargo xtask ui` after a UI change.
pub fn serve(port: u16) -> anyhow::Result<()> {
    let dist = shell::root().join("ui").join("dist");
    let listener =
        TcpListener::bind(("127.0.0.1", port)).with_context(|| format!("binding port {port}"))?;
    eprintln!("ui: serving {} on http://127.0.0.1:{port}", dist.display());
    for stream in listener.incoming().flatten() {
        if let Err(e) = respond(stream, &dist) {
            eprintln!("ui: {e:#}");
        }
    }
    Ok(())
}

fn respond(mut stream: TcpStream, dist: &Path) -> anyhow::Result<()> {
    let mut request_line = String::new();
    BufReader::new(&stream).read_line(&mut request_line)?;
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = path
        .split('?')
        .next()
        .unwrap_or("/")
        .trim_start_matches('/');
    let relative = if path.is_empty() { "index.html" } else { path };
    let file = dist.join(relative);
    let inside = !relative.split('/').any(|part| part == "..");
    match std::fs::read(&file) {
        Ok(body) if inside => {
            let kind = match file.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js") => "text/javascript",
                Some("wasm") => "application/wasm",
                Some("css") => "text/css",
                Some("png") => "image/png",
                _ => "application/octet-stream",
            };
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            )?;
            stream.write_all(&body)?;
        }
        _ => write!(
            stream,
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )?,
    }
    Ok(())
}
