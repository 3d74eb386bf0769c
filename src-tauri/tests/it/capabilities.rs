//! Tauri hygiene: the capability grants exactly the app's commands and no
//! plugin permission; the config has a real CSP and the agreed identity.

use std::collections::BTreeSet;

use serde_json::Value;

fn read_json(path: &str) -> Value {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

#[test]
fn the_capability_grants_exactly_the_app_commands() {
    let capability = read_json("src-tauri/capabilities/default.json");
    let permissions = capability["permissions"].as_array().expect("permissions");
    let granted: BTreeSet<String> = permissions
        .iter()
        .filter_map(Value::as_str)
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    let commands: BTreeSet<String> = portal_ipc::COMMANDS.iter().map(|c| c.to_string()).collect();
    assert_eq!(
        granted, commands,
        "grant every command in portal_ipc::COMMANDS, and nothing else"
    );

    // No plugin permission at all: the opener's URL scope is a glob over the
    // raw text (`https://*.stripe.com/*` matches `https://attacker.example/?.stripe.com/x`),
    // so the webview opens nothing itself and Rust opens every link after its
    // one URL check.
    let others: Vec<&Value> = permissions
        .iter()
        .filter(|p| p.as_str().is_none_or(|s| !s.starts_with("allow-")))
        .collect();
    assert!(others.is_empty(), "only the app's own commands: {others:?}");
}

#[test]
fn the_config_has_a_strict_csp_and_the_agreed_identity() {
    let config = read_json("tauri.conf.json");
    let csp = &config["app"]["security"]["csp"];
    assert!(csp.is_object(), "a CSP must be set, not null");
    assert_eq!(csp["default-src"], "'self'");
    let scripts = csp["script-src"].as_str().expect("script-src");
    assert!(
        !scripts.contains("unsafe-inline") && !scripts.contains("'unsafe-eval'"),
        "{scripts}"
    );

    let identifier = config["identifier"].as_str().expect("identifier");
    assert!(
        !identifier.ends_with(".app"),
        "macOS reserves .app: {identifier}"
    );
    assert_eq!(
        identifier,
        portal_core::APP_IDENTIFIER,
        "CLI and window share a data dir"
    );
    assert_eq!(config["app"]["windows"][0]["title"], "Portal Desk");
    assert_eq!(config["app"]["windows"][0]["label"], "main");
}

/// A release build that would load `devUrl` (any local process on that port
/// would get full IPC) must not compile. The guard itself is checked by hand
/// (`cargo check --release -p portal-desk` fails; with `--features
/// custom-protocol` it builds), since a release build costs minutes; this pins it.
#[test]
fn a_release_build_without_the_embedded_ui_is_a_compile_error() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/src/lib.rs");
    let lib = std::fs::read_to_string(&path).expect("lib.rs");
    let guard = "#[cfg(all(not(debug_assertions), dev))]\ncompile_error!(";
    assert!(
        lib.contains(guard),
        "{} must keep the compile_error for release builds with tauri-build's `dev` cfg",
        path.display()
    );
}
