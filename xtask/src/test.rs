//! `cargo xtask test`: every check, each stage summarised on one line.

use std::process::{Command, ExitCode};
use std::time::Instant;

use crate::{keyring, setup, shell, ui};

struct Stage {
    name: &'static str,
    what: &'static str,
    run: fn() -> anyhow::Result<()>,
}

const STAGES: &[Stage] = &[
    Stage {
        name: "fmt",
        what: "cargo fmt --check",
        run: fmt,
    },
    Stage {
        name: "clippy",
        what: "clippy, all targets, -D warnings",
        run: clippy,
    },
    Stage {
        name: "unit",
        what: "workspace tests and doc tests",
        run: unit,
    },
    Stage {
        name: "keychain",
        what: "real Secret Service in a private D-Bus session",
        run: keychain,
    },
    Stage {
        name: "sdk",
        what: "stripe-sandbox against Stripe's official Node SDK",
        run: node_sdk,
    },
    Stage {
        name: "windows",
        what: "the Windows CLI under Wine, compared with Linux",
        run: crate::windows::test_stage,
    },
    Stage {
        name: "e2e",
        what: "the real window via tauri-driver under Xvfb",
        run: e2e,
    },
];

/// Runs the stages named (all when none is), a failure not stopping the
/// rest, and prints the summary.
pub fn run_named(names: &[String]) -> ExitCode {
    if let Some(unknown) = names
        .iter()
        .find(|name| !STAGES.iter().any(|s| s.name == name.as_str()))
    {
        let known: Vec<&str> = STAGES.iter().map(|s| s.name).collect();
        eprintln!(
            "xtask: no stage is named {unknown:?}; the stages are {}",
            known.join(", ")
        );
        return ExitCode::FAILURE;
    }
    run_stages(
        STAGES
            .iter()
            .filter(|s| names.is_empty() || names.iter().any(|n| n == s.name))
            .collect(),
    )
}

/// Only the end-to-end stage.
pub fn run_e2e_only() -> ExitCode {
    run_stages(STAGES.iter().filter(|s| s.name == "e2e").collect())
}

fn run_stages(stages: Vec<&Stage>) -> ExitCode {
    if let Err(e) = setup::run(setup::Scope::All) {
        eprintln!("xtask: setup failed: {e:#}");
        return ExitCode::FAILURE;
    }
    let mut lines = Vec::new();
    let mut failed = 0;
    for stage in &stages {
        eprintln!("\n===== {} ({}) =====", stage.name, stage.what);
        let started = Instant::now();
        let result = (stage.run)();
        let seconds = started.elapsed().as_secs_f64();
        match result {
            Ok(()) => lines.push(format!(
                "PASS {:<9} {seconds:>7.1}s  {}",
                stage.name, stage.what
            )),
            Err(e) => {
                failed += 1;
                lines.push(format!(
                    "FAIL {:<9} {seconds:>7.1}s  {} ({e:#})",
                    stage.name, stage.what
                ));
            }
        }
    }
    println!("\n===== summary =====");
    for line in &lines {
        println!("{line}");
    }
    println!("stages: {} passed, {failed} failed", stages.len() - failed);
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn fmt() -> anyhow::Result<()> {
    shell::run(shell::cargo().args(["fmt", "--all", "--check"]))
}

fn clippy() -> anyhow::Result<()> {
    // With the hooks, so the tests that need them are checked too (the hooks
    // are read with `cfg!`, so both builds compile the same code).
    shell::run(shell::cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--features",
        shell::TEST_HOOKS,
        "--",
        "-D",
        "warnings",
    ]))
}

fn unit() -> anyhow::Result<()> {
    // The keychain tests are #[ignore]d here and run in their own stage.
    shell::run(shell::cargo().args([
        "test",
        "--workspace",
        "--exclude",
        "portal-e2e",
        "--features",
        shell::TEST_HOOKS,
    ]))?;
    // Again as a release is built, without the hooks: each must be ignored.
    shell::run(shell::cargo().args(["test", "-p", "portal-desk", "--lib"]))?;
    shell::run(shell::cargo().args([
        "test",
        "-p",
        "portal-desk",
        "--test",
        "it",
        "--",
        "test_hooks::",
    ]))
}

fn keychain() -> anyhow::Result<()> {
    // Build outside the private session so the session only runs tests.
    shell::run(shell::cargo().args(["test", "-p", "portal-desk", "--test", "it", "--no-run"]))?;
    let scratch = tempfile::tempdir()?;
    shell::run(
        keyring::in_private_session(
            scratch.path(),
            "cargo test -p portal-desk --test it -- --ignored --test-threads=1 keychain::",
        )
        .current_dir(shell::root()),
    )
}

fn node_sdk() -> anyhow::Result<()> {
    shell::run(shell::cargo().args(["build", "-p", "stripe-sandbox"]))?;
    let dir = shell::root().join("sandbox").join("node");
    shell::run(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir),
    )?;
    let binary = shell::target_dir().join("debug").join("stripe-sandbox");
    shell::run(
        Command::new("node")
            .arg("--test")
            .current_dir(&dir)
            .env("STRIPE_SANDBOX_BIN", binary),
    )
}

fn e2e() -> anyhow::Result<()> {
    let results = shell::target_dir().join("accessibility");
    // Only this run's audits go into the summary.
    let _ = std::fs::remove_dir_all(&results);
    ui::build()?;
    shell::build_app(shell::Hooks::On)?;
    shell::run(shell::cargo().args(["build", "-p", "stripe-sandbox"]))?;
    shell::run(shell::cargo().args(["test", "-p", "portal-e2e", "--no-run"]))?;
    // axe-core, pinned by e2e/package-lock.json, for the accessibility audits.
    shell::run(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(shell::root().join("e2e")),
    )?;
    let scratch = tempfile::tempdir()?;
    let mut command: Command = keyring::in_private_session(
        scratch.path(),
        "xvfb-run -a -s '-screen 0 1280x800x24' cargo test -p portal-e2e -- --test-threads=1",
    );
    command
        .current_dir(shell::root())
        // A real UTF-8 locale, as users have (step 8 runs a German one too).
        .env("LANG", crate::setup::TEST_LOCALES[0])
        .env("LC_ALL", crate::setup::TEST_LOCALES[0])
        .env("PORTAL_DESK_APP", shell::app_binary())
        .env(
            "STRIPE_SANDBOX_BIN",
            shell::target_dir().join("debug").join("stripe-sandbox"),
        );
    shell::run(&mut command)?;
    let summary = results.join("summary.md");
    std::fs::write(&summary, crate::accessibility::table(&results)?)?;
    eprintln!(
        "xtask: accessibility results in {}; the table for docs/accessibility.md in {}",
        results.display(),
        summary.display()
    );
    Ok(())
}

/// `cargo xtask chaos`: the chaos tests with every schedule and kill.
pub fn chaos() -> anyhow::Result<()> {
    shell::run(
        shell::cargo()
            .args([
                "test",
                "-p",
                "portal-desk",
                "--test",
                "it",
                "--",
                "--nocapture",
                "chaos::",
            ])
            .env("CHAOS_SCHEDULES", "20")
            .env("CHAOS_KILLS", "5")
            .env("CHAOS_STORMS", "5"),
    )
}
