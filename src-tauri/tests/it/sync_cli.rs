//! `portal-desk sync`, `customers` and `show` against the sandbox: exit codes,
//! offline reading, resuming after `kill -9`, and a canary key that must never
//! surface in files or output.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{cli, files_containing, run, start_sandbox, text};
use serde_json::{Value, json};

const CANARY: &str = "sk_test_51CanaryKeyMustNeverLeak7f3q";

fn sandbox(
    customers: usize,
    latency_ms: u64,
) -> (tokio::runtime::Runtime, stripe_sandbox::Sandbox) {
    start_sandbox(stripe_sandbox::Config {
        dataset: stripe_sandbox::DatasetConfig {
            customers,
            ..Default::default()
        },
        keys: vec![
            stripe_sandbox::KeySpec::full(CANARY),
            stripe_sandbox::KeySpec::parse("rk_test_51NoEventsForSyncTests000=customer_read"),
        ],
        latency: Duration::from_millis(latency_ms),
        ..Default::default()
    })
}

fn portal(dir: &std::path::Path, url: &str, key: &str) -> Command {
    let mut command = cli(dir);
    command.env("STRIPE_API_KEY", key).args(["--api-base", url]);
    command
}

fn json_of(output: &std::process::Output) -> Value {
    let (stdout, stderr) = text(output);
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout} / {stderr}"))
}

fn truth_count(sandbox: &stripe_sandbox::Sandbox, list: &str) -> u64 {
    sandbox.truth()[list]
        .as_array()
        .map_or(0, |a| a.len() as u64)
}

#[test]
fn sync_then_browse_offline_without_the_key_ever_showing() -> anyhow::Result<()> {
    let (runtime, sandbox) = sandbox(120, 0);
    let url = sandbox.url().to_owned();
    let tmp = tempfile::tempdir()?;
    let mut outputs = Vec::new();

    let output = run(
        portal(tmp.path(), &url, CANARY).args(["sync", "--json"]),
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{:?}", text(&output));
    let report = json_of(&output);
    for field in [
        "customers",
        "subscriptions",
        "invoices",
        "payment_methods",
        "prices",
        "products",
        "events_applied",
        "requests",
        "retries",
        "duration_ms",
    ] {
        assert!(report[field].is_u64(), "{field} in {report}");
    }
    assert_eq!(report["mode"], "full");
    assert_eq!(
        report["customers"].as_u64(),
        Some(truth_count(&sandbox, "customers"))
    );
    assert_eq!(
        report["invoices"].as_u64(),
        Some(truth_count(&sandbox, "invoices"))
    );
    outputs.push(output);

    let some = sandbox.truth()["customers"][0].clone();
    let id = some["id"].as_str().expect("an id").to_owned();
    let name = some["name"].as_str().expect("a name").to_owned();

    // The sandbox goes away: everything cached still answers.
    sandbox.stop();
    drop(sandbox);
    drop(runtime);
    let output = run(
        portal(tmp.path(), &url, CANARY).args(["customers", "--search", &name, "--json"]),
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{:?}", text(&output));
    let rows = json_of(&output);
    assert!(
        rows.as_array()
            .expect("array")
            .iter()
            .any(|r| r["id"] == id.as_str()),
        "{rows}"
    );
    for row in rows.as_array().expect("array") {
        let keys: Vec<&String> = row.as_object().expect("object").keys().collect();
        assert_eq!(keys, ["email", "id", "name", "status"]);
    }
    outputs.push(output);
    let output = run(
        portal(tmp.path(), &url, CANARY).args(["show", &id, "--json"]),
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{:?}", text(&output));
    let info = json_of(&output);
    assert_eq!(info["customer"]["id"], id.as_str());
    for part in ["subscription", "payment_methods", "invoices"] {
        assert!(info.get(part).is_some(), "{part}");
    }
    outputs.push(output);
    let output = run(portal(tmp.path(), &url, CANARY).args(["show", &id]), "");
    assert!(text(&output).0.contains("Recent invoices"));
    outputs.push(output);

    // Syncing offline says so, exits 4, and loses nothing.
    let output = run(portal(tmp.path(), &url, CANARY).arg("sync"), "");
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("Couldn't reach Stripe"), "{stderr}");
    outputs.push(output);
    let output = run(
        portal(tmp.path(), &url, CANARY).args(["customers", "--limit", "1000", "--json"]),
        "",
    );
    assert_eq!(json_of(&output).as_array().map(Vec::len), Some(120));
    outputs.push(output);

    // Exporting works offline too; the file is checked in the core's export
    // test, here its size and the message.
    let csv = tmp.path().join("out").join("customers.csv");
    std::fs::create_dir(tmp.path().join("out"))?;
    let output = run(
        portal(tmp.path(), &url, CANARY)
            .args(["export", "customers", "--out"])
            .arg(&csv),
        "",
    );
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(stdout.contains("Wrote 120 customers to"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&csv)?.lines().count(), 121);
    outputs.push(output);

    // The canary key is in no file and no output.
    assert!(
        files_containing(tmp.path(), CANARY).is_empty(),
        "the key leaked into a file"
    );
    assert!(
        files_containing(tmp.path(), &CANARY[8..]).is_empty(),
        "part of the key leaked"
    );
    for output in &outputs {
        let (stdout, stderr) = text(output);
        assert!(
            !stdout.contains(&CANARY[8..]) && !stderr.contains(&CANARY[8..]),
            "leak in output"
        );
    }
    Ok(())
}

#[test]
fn refusals_exit_5_and_keep_the_cache() -> anyhow::Result<()> {
    let (_runtime, sandbox) = sandbox(10, 0);
    let url = sandbox.url().to_owned();
    let tmp = tempfile::tempdir()?;
    let output = run(portal(tmp.path(), &url, CANARY).arg("sync"), "");
    assert_eq!(output.status.code(), Some(0), "{:?}", text(&output));

    let output = run(
        portal(tmp.path(), &url, "rk_test_51NoEventsForSyncTests000").args(["sync", "--full"]),
        "",
    );
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("403"), "{stderr}");

    let output = run(
        portal(tmp.path(), &url, "sk_test_51SomeOtherKeyNotKnown0000").arg("sync"),
        "",
    );
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("Stripe rejected this key"), "{stderr}");

    let output = run(
        portal(tmp.path(), &url, CANARY).args(["customers", "--json"]),
        "",
    );
    assert_eq!(
        json_of(&output).as_array().map(Vec::len),
        Some(10),
        "the cache is intact"
    );
    let output = run(
        portal(tmp.path(), &url, CANARY).args(["show", "cus_NotInTheCache00"]),
        "",
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output).1.contains("not in the cache"));
    let output = run(
        portal(tmp.path(), &url, CANARY).args(["customers", "--status", "bogus"]),
        "",
    );
    assert_eq!(output.status.code(), Some(2));
    Ok(())
}

#[test]
fn a_sync_killed_with_sigkill_resumes_and_ends_equal_to_stripe() -> anyhow::Result<()> {
    let (_runtime, sandbox) = sandbox(3000, 15);
    let url = sandbox.url().to_owned();
    let tmp = tempfile::tempdir()?;

    let mut child = portal(tmp.path(), &url, CANARY)
        .arg("sync")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    // Kill it part-way: after some pages, well before the ~200 it needs.
    let deadline = Instant::now() + Duration::from_secs(60);
    while sandbox.counters()["total"].as_u64().unwrap_or(0) < 60 {
        assert!(Instant::now() < deadline, "the sync never got going");
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill()?; // SIGKILL
    child.wait()?;
    let first_pass = sandbox.counters()["total"].as_u64().unwrap_or(0);
    let cache = portal_core::cache::Cache::open(&tmp.path().join("cache-default.sqlite3"))?;
    assert_eq!(cache.integrity_check()?, "ok");
    drop(cache);

    sandbox
        .control("counters/reset", json!({}))
        .map_err(anyhow::Error::msg)?;
    let output = run(
        portal(tmp.path(), &url, CANARY).args(["sync", "--json"]),
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{:?}", text(&output));
    let report = json_of(&output);
    assert_eq!(report["mode"], "full");
    for (list, field) in [
        ("customers", "customers"),
        ("subscriptions", "subscriptions"),
        ("invoices", "invoices"),
    ] {
        assert_eq!(
            report[field].as_u64(),
            Some(truth_count(&sandbox, list)),
            "{list}"
        );
    }
    // Pages committed before the kill were not read again.
    let resumed = sandbox.counters()["total"].as_u64().unwrap_or(0);
    let whole = (3000 + 3000 + 12_000) / 100;
    assert!(
        resumed + first_pass < whole + first_pass + 20 && resumed < whole,
        "{resumed} requests after resuming, {first_pass} before"
    );
    let cache = portal_core::cache::Cache::open(&tmp.path().join("cache-default.sqlite3"))?;
    assert_eq!(cache.integrity_check()?, "ok");
    Ok(())
}

/// Customers choose their own names and emails (in the portal, at checkout).
/// One that carries terminal control sequences is printed as inert text by
/// every command that shows it, and in the errors that quote it.
#[test]
fn a_customer_named_with_escape_sequences_cannot_drive_the_terminal() -> anyhow::Result<()> {
    let (_runtime, sandbox) = sandbox(6, 0);
    let url = sandbox.url().to_owned();
    let tmp = tempfile::tempdir()?;
    let crafted = "\u{1b}]0;pwned\u{7}<b>x</b>";
    let customers = sandbox.truth()["customers"].clone();
    let named = customers[0]["id"].as_str().expect("a customer").to_owned();
    let mailed = customers[1]["id"].as_str().expect("a customer").to_owned();
    for setup in [&["sync"][..], &["configs", "create", "--recommended"]] {
        let output = run(portal(tmp.path(), &url, CANARY).args(setup), "");
        anyhow::ensure!(output.status.success(), "{setup:?}: {:?}", text(&output));
    }
    sandbox
        .control(
            "simulate",
            json!({"action": "update_name", "customer": named, "name": crafted}),
        )
        .map_err(anyhow::Error::msg)?;
    sandbox
        .control(
            "simulate",
            json!({"action": "update_email", "customer": mailed, "email": "\u{1b}[2Jnot-an-address"}),
        )
        .map_err(anyhow::Error::msg)?;
    let output = run(portal(tmp.path(), &url, CANARY).arg("sync"), "");
    anyhow::ensure!(output.status.success(), "{:?}", text(&output));

    let runs: [Vec<String>; 6] = [
        vec!["customers".into()],
        vec!["customers".into(), "--search".into(), "pwned".into()],
        vec!["show".into(), named.clone()],
        vec![
            "email".into(),
            named.clone(),
            "--dry-run".into(),
            "--enable-login-page".into(),
        ],
        vec![
            "email".into(),
            "--status".into(),
            "active".into(),
            "--dry-run".into(),
        ],
        vec!["show".into(), format!("cus_{crafted}")],
    ];
    let mut shown = 0;
    for args in &runs {
        let output = run(portal(tmp.path(), &url, CANARY).args(args), "");
        let (stdout, stderr) = text(&output);
        for (stream, printed) in [("stdout", &stdout), ("stderr", &stderr)] {
            assert!(
                !printed.contains('\u{1b}') && !printed.contains('\u{7}'),
                "{args:?} {stream} carries a control sequence: {printed:?}"
            );
        }
        if stdout.contains("pwned") || stderr.contains("pwned") {
            shown += 1;
        }
    }
    assert!(
        shown >= 4,
        "the name is still shown, as text ({shown} of {})",
        runs.len()
    );
    Ok(())
}

#[test]
fn invoice_pdfs_download_behind_redirects_renew_expired_links_and_export_for_an_accountant()
-> anyhow::Result<()> {
    let (_runtime, sandbox) = sandbox(3, 0);
    let url = sandbox.url().to_owned();
    let tmp = tempfile::tempdir()?;
    let output = run(portal(tmp.path(), &url, CANARY).arg("sync"), "");
    assert_eq!(output.status.code(), Some(0), "{:?}", text(&output));
    let invoices = truth_count(&sandbox, "invoices");
    let invoice = sandbox.truth()["invoices"][0]["id"]
        .as_str()
        .expect("an invoice")
        .to_owned();

    // Every cached link has expired since the sync: each is renewed from its invoice.
    sandbox
        .control("pdf_links/expire", json!({}))
        .map_err(anyhow::Error::msg)?;
    let out = tmp.path().join("in.pdf");
    let output = run(
        portal(tmp.path(), &url, CANARY)
            .args(["invoice", "pdf", &invoice, "--out"])
            .arg(&out),
        "",
    );
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(stdout.trim(), out.display().to_string());
    assert!(std::fs::read(&out)?.starts_with(b"%PDF"));

    let folder = tmp.path().join("for the accountant");
    let export = || {
        run(
            portal(tmp.path(), &url, CANARY)
                .args(["export", "invoices", "--out"])
                .arg(tmp.path().join("invoices.csv"))
                .arg("--pdf")
                .arg(&folder),
            "",
        )
    };
    let output = export();
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let pdfs = std::fs::read_dir(&folder)?.count() as u64;
    assert_eq!(pdfs, invoices, "{stdout}");
    assert!(
        stdout.contains(&format!("Saved {invoices} invoice PDFs")),
        "{stdout}"
    );
    // Again: every PDF is already there, and nothing is fetched.
    let output = export();
    let (stdout, _) = text(&output);
    assert!(
        stdout.contains(&format!(
            "Saved 0 invoice PDFs in {} ({invoices} already there)",
            folder.display()
        )),
        "{stdout}"
    );

    // Offline, the one saved on this computer still opens.
    let saved_elsewhere = tmp.path().join("again.pdf");
    sandbox.stop();
    let output = run(
        portal(tmp.path(), &url, CANARY)
            .args(["invoice", "pdf", &invoice, "--out"])
            .arg(&saved_elsewhere),
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{:?}", text(&output));
    assert!(std::fs::read(&saved_elsewhere)?.starts_with(b"%PDF"));
    Ok(())
}
