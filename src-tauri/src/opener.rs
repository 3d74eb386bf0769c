//! Opening links in the system browser. Tests set `PORTAL_DESK_TEST_OPENER_LOG`
//! to a file path: links are then appended to it instead of opened, so a test
//! can check exactly what would have been opened.

use std::io::Write;

/// Opens `url` in the default browser (or records it, under test).
pub fn open_url(url: &str) -> Result<(), String> {
    if let Some(log) = std::env::var_os("PORTAL_DESK_TEST_OPENER_LOG") {
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .map_err(|e| e.to_string())?;
        return writeln!(file, "{url}").map_err(|e| e.to_string());
    }
    tauri_plugin_opener::open_url(url, None::<&str>).map_err(|e| e.to_string())
}
