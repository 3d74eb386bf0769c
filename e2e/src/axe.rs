//! Accessibility audits of the real window with axe-core (npm `axe-core`,
//! pinned in `e2e/package-lock.json`; the e2e stage runs `npm ci`).
//!
//! [`audit`] injects axe into the page through WebDriver (which the window's
//! CSP doesn't govern), runs every rule on the whole document, keeps the full
//! results in `target/accessibility/SCREEN-THEME.json`, and fails on any
//! serious or critical violation, naming each rule and element.

use std::path::PathBuf;

use anyhow::{Context, bail};
use serde_json::{Value, json};

use crate::Session;

/// Where the results go: `target/accessibility/`.
pub fn results_dir() -> PathBuf {
    crate::target_dir("accessibility")
}

fn axe_source() -> anyhow::Result<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .with_context(|| format!("reading {} (run `npm ci` in e2e/)", path.display()))
}

/// Audits what the window shows now as `screen`; the theme is the page's own
/// `prefers-color-scheme`. Fails on a serious or critical violation.
pub fn audit(ui: &Session, screen: &str) -> anyhow::Result<()> {
    let loaded = ui.execute(
        &format!(
            "if (!window.axe) {{ {} }}\nreturn typeof window.axe;",
            axe_source()?
        ),
        vec![],
    )?;
    anyhow::ensure!(loaded == json!("object"), "axe did not load: {loaded}");
    let answer = ui.execute_async(
        "const done = arguments[arguments.length - 1];
         axe.run(document, { resultTypes: ['violations'] })
            .then(r => done(JSON.stringify(r)), e => done(JSON.stringify({ error: String(e) })));",
        vec![],
    )?;
    let results: Value = serde_json::from_str(answer.as_str().context("axe's answer")?)?;
    if let Some(error) = results.get("error") {
        bail!("axe failed on {screen}: {error}");
    }
    let dark = ui.execute(
        "return window.matchMedia('(prefers-color-scheme: dark)').matches;",
        vec![],
    )?;
    let theme = if dark == json!(true) { "dark" } else { "light" };
    let file = results_dir().join(format!("{screen}-{theme}.json"));
    std::fs::write(&file, serde_json::to_vec_pretty(&results)?)?;

    let violations = results["violations"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let blocking: Vec<String> = violations
        .iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .map(|v| {
            let targets: Vec<String> = v["nodes"]
                .as_array()
                .into_iter()
                .flatten()
                .take(5)
                .map(|n| n["target"].to_string())
                .collect();
            format!(
                "{} ({}): {}; {}",
                v["id"].as_str().unwrap_or("?"),
                v["impact"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or(""),
                targets.join(", ")
            )
        })
        .collect();
    if !blocking.is_empty() {
        bail!(
            "{screen} ({theme}) has {} serious or critical accessibility violations (all in {}):\n  {}",
            blocking.len(),
            file.display(),
            blocking.join("\n  ")
        );
    }
    Ok(())
}
