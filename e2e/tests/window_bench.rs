//! The window's speed with 100,000 cached customers, for `cargo xtask bench`.
//! Ignored by `cargo xtask test`: speed is measured, never asserted.
//!
//! Each run launches the real app on a copy of a cache filled by the core's
//! `bench fill` (marked synced, so no sync starts) and measures:
//! - cold start: the app process's start (from `/proc`) to the moment the
//!   list first shows customers (the UI's `portal-desk:list-shown` mark);
//! - idle memory, 5 s later: the app process's RSS and its anonymous part
//!   (heap and stacks, no mapped libraries), and the PSS of the app with its
//!   WebKit processes (PSS shares shared pages out, so it adds up);
//! - keystroke to render: for each prefix typed on the way to a few names,
//!   an email, a phone number and an id, the time from the input event to the
//!   first frame after the list shows that text's answer.
//!
//! Environment: `PORTAL_DESK_BENCH_CACHE` (the filled cache),
//! `PORTAL_DESK_BENCH_OUT` (where the JSON result goes),
//! `PORTAL_DESK_BENCH_RUNS` (launches, default 5).

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::{Context, bail};
use portal_e2e::{App, AppOptions, Session, StripeSandbox};
use serde_json::{Value, json};

const KEY: &str = "sk_test_51WindowBenchKey00000000bench";
const LIST_SHOWN: &str = "return (() => { const m = performance.getEntriesByName('portal-desk:list-shown')[0]; \
     return m ? performance.timeOrigin + m.startTime : null; })();";
/// One keystroke: sets the search text, fires `input`, and reports the time
/// to the first frame after the list answers that text (-1 after 10 s).
const KEYSTROKE: &str = r#"
const text = arguments[0], done = arguments[arguments.length - 1];
const input = document.querySelector('#search');
const list = document.querySelector('#customer-list');
const started = performance.now();
let timer;
const observer = new MutationObserver(() => {
  if (list.dataset.answered === text) {
    observer.disconnect();
    clearTimeout(timer);
    requestAnimationFrame(() => done(performance.now() - started));
  }
});
observer.observe(list, { attributes: true, attributeFilter: ['data-answered'] });
timer = setTimeout(() => { observer.disconnect(); done(-1); }, 10000);
input.value = text;
input.dispatchEvent(new InputEvent('input', { bubbles: true }));
"#;

#[test]
#[ignore = "a benchmark: `cargo xtask bench` runs it"]
fn window_with_a_large_cache() -> anyhow::Result<()> {
    let cache = PathBuf::from(std::env::var_os("PORTAL_DESK_BENCH_CACHE").context(
        "PORTAL_DESK_BENCH_CACHE: a cache from `bench fill` (cargo xtask bench makes one)",
    )?);
    let out =
        PathBuf::from(std::env::var_os("PORTAL_DESK_BENCH_OUT").context("PORTAL_DESK_BENCH_OUT")?);
    let runs: usize = std::env::var("PORTAL_DESK_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    // Nothing should reach Stripe (the cache is marked synced), but a
    // sandbox answers if anything does.
    let stripe = StripeSandbox::start_with(KEY, &["--customers", "3"])?;

    let mut cold_ms = Vec::new();
    let mut app_rss_mb = Vec::new();
    let mut app_anon_mb = Vec::new();
    let mut total_pss_mb = Vec::new();
    let mut keystroke_p50 = Vec::new();
    let mut keystroke_p95 = Vec::new();
    let mut keystrokes = 0;
    for run in 0..runs {
        let data_dir = prepared_data_dir(&stripe, &cache)?;
        let app = App::launch(AppOptions {
            env: vec![("PORTAL_DESK_API_BASE".into(), stripe.url.clone())],
            data_dir: Some(data_dir),
            ..AppOptions::default()
        })?;
        let ui = &app.session;
        let shown_at = ui.wait_for("customers on screen", || {
            Ok(ui.execute(LIST_SHOWN, vec![])?.as_f64())
        })?;
        let pid = newest_process("portal-desk")?;
        cold_ms.push(shown_at - process_start_epoch_ms(pid)?);
        let count = ui.find("#customer-count")?.text()?;
        if count.replace([',', '.', ' ', '\u{a0}', '\u{202f}'], "") != "100000customers" {
            bail!("the window lists {count:?}, not the benchmark's cache");
        }

        std::thread::sleep(Duration::from_secs(5));
        let family = with_descendants(pid);
        app_rss_mb.push(status_kb(pid, "VmRSS:")? / 1024.0);
        // The app's own memory (heap, stacks), without mapped libraries.
        app_anon_mb.push(status_kb(pid, "RssAnon:")? / 1024.0);
        total_pss_mb.push(
            family
                .iter()
                .map(|p| rollup_kb(*p, "Pss:").unwrap_or(0.0))
                .sum::<f64>()
                / 1024.0,
        );

        let mut times = type_searches(ui)?;
        keystrokes = times.len();
        times.sort_by(f64::total_cmp);
        keystroke_p50.push(times[times.len() / 2]);
        keystroke_p95.push(times[(times.len() * 95 / 100).min(times.len() - 1)]);
        eprintln!(
            "window bench: run {}/{runs}: start {:.0} ms, rss {:.0} MB, keystroke p95 {:.1} ms",
            run + 1,
            cold_ms[run],
            app_rss_mb[run],
            keystroke_p95[run]
        );
        drop(app);
    }
    let result = json!({
        "runs": runs,
        "keystrokes_per_run": keystrokes,
        "cold_start_ms": cold_ms,
        "app_rss_mb": app_rss_mb,
        "app_anon_mb": app_anon_mb,
        "total_pss_mb": total_pss_mb,
        "keystroke_p50_ms": keystroke_p50,
        "keystroke_p95_ms": keystroke_p95,
    });
    std::fs::write(&out, result.to_string())?;
    Ok(())
}

/// A data folder with the profile's key (through the CLI, into the private
/// keychain) and a copy of the filled cache.
fn prepared_data_dir(stripe: &StripeSandbox, cache: &Path) -> anyhow::Result<tempfile::TempDir> {
    let dir = tempfile::tempdir()?;
    portal_e2e::run_cli(dir.path(), &stripe.url, &["key", "set", "--no-verify"], KEY)?;
    std::fs::copy(cache, dir.path().join("cache-default.sqlite3"))?;
    Ok(dir)
}

/// Types, one character at a time, the way to a few names, an email, a
/// phone number and a customer's id; returns each keystroke's milliseconds.
fn type_searches(ui: &Session) -> anyhow::Result<Vec<f64>> {
    let id = ui
        .execute(
            "return document.querySelector('.row[data-id]').dataset.id;",
            vec![],
        )?
        .as_str()
        .context("a row's id")?
        .to_owned();
    let targets = [
        "Chloé Dubois".to_owned(),
        "kowalski".to_owned(),
        "zoë.yılmaz.1".to_owned(),
        "555 0012345".to_owned(),
        "Grace Huang".to_owned(),
        id.chars().take(12).collect(),
    ];
    let mut times = Vec::new();
    for target in targets {
        let mut typed = String::new();
        for c in target.chars() {
            typed.push(c);
            let ms = keystroke(ui, &typed)?;
            if ms < 0.0 {
                bail!("the list never answered {typed:?}");
            }
            times.push(ms);
        }
        keystroke(ui, "")?;
    }
    Ok(times)
}

fn keystroke(ui: &Session, text: &str) -> anyhow::Result<f64> {
    ui.execute_async(KEYSTROKE, vec![Value::from(text)])?
        .as_f64()
        .context("a duration")
}

/// The newest process named `name`.
fn newest_process(name: &str) -> anyhow::Result<u32> {
    let output = std::process::Command::new("pgrep")
        .args(["-n", "-x", name])
        .output()?;
    String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .with_context(|| format!("no process named {name}"))
}

/// When process `pid` started, in milliseconds since the epoch (to the
/// clock tick, 10 ms).
fn process_start_epoch_ms(pid: u32) -> anyhow::Result<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    // Fields after the command name, which may hold spaces: starttime is the 22nd.
    let after = stat.rsplit_once(')').context("stat")?.1;
    let ticks: f64 = after
        .split_whitespace()
        .nth(19)
        .context("starttime")?
        .parse()?;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")?
        .split_whitespace()
        .next()
        .context("uptime")?
        .parse()?;
    let now = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs_f64();
    let boot = now - uptime;
    Ok((boot + ticks / clock_ticks_per_second()) * 1000.0)
}

fn clock_ticks_per_second() -> f64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100.0)
}

/// `pid` and every process below it (the WebKit web and network processes).
fn with_descendants(pid: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let child: u32 = entry.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
            let parent = stat
                .rsplit_once(')')?
                .1
                .split_whitespace()
                .nth(1)?
                .parse()
                .ok()?;
            Some((child, parent))
        })
        .collect();
    let mut family = vec![pid];
    let mut next = 0;
    while next < family.len() {
        let parent = family[next];
        family.extend(
            parents
                .iter()
                .filter(|(_, p)| *p == parent)
                .map(|(c, _)| *c),
        );
        next += 1;
    }
    family
}

fn status_kb(pid: u32, field: &str) -> anyhow::Result<f64> {
    field_kb(
        &std::fs::read_to_string(format!("/proc/{pid}/status"))?,
        field,
    )
}

fn rollup_kb(pid: u32, field: &str) -> anyhow::Result<f64> {
    field_kb(
        &std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))?,
        field,
    )
}

fn field_kb(text: &str, field: &str) -> anyhow::Result<f64> {
    text.lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| rest.split_whitespace().next())
        .context(field.to_owned())?
        .parse()
        .map_err(Into::into)
}
