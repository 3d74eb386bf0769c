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
//! Each run also launches a blank Tauri window (`e2e/baseline`, the same
//! Tauri and WebKitGTK, an empty page with one input) and measures the floor
//! the same ways: process start to its first frame, idle memory, and input
//! event to the next frame in its empty input. The two launches alternate,
//! so both see the same machine.
//!
//! It also breaks both down: each keystroke's steps from the UI's trace
//! (`ui/src/timing.rs`), beside a no-op command's IPC round trip, and each
//! launch's start-up from the shell's steps (`PORTAL_DESK_STARTUP_TIMES`)
//! and the page's marks.
//!
//! Environment: `PORTAL_DESK_BENCH_CACHE` (the filled cache),
//! `PORTAL_DESK_BENCH_OUT` (where the JSON result goes),
//! `PORTAL_DESK_BENCH_RUNS` (launches, default 5),
//! `PORTAL_DESK_BASELINE_APP` (the baseline window's release build).

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::{Context, bail};
use portal_e2e::{App, AppOptions, Session, StripeSandbox};
use serde_json::{Value, json};

const KEY: &str = "sk_test_51WindowBenchKey00000000bench";
const LIST_SHOWN: &str = "return (() => { const m = performance.getEntriesByName('portal-desk:list-shown')[0]; \
     return m ? performance.timeOrigin + m.startTime : null; })();";
/// One keystroke: sets the search text, fires `input`, and reports the time
/// to the first frame after the list answers that text (`total`, -1 after
/// 10 s), with the UI's trace of its steps (`ui/src/timing.rs`), when the
/// list's patch was seen (`rendered`) and when a forced layout ended
/// (`laid_out`), all from the input event.
const KEYSTROKE: &str = r#"
const text = arguments[0], done = arguments[arguments.length - 1];
const input = document.querySelector('#search');
const list = document.querySelector('#customer-list');
document.documentElement.setAttribute('data-portal-desk-trace', '');
const started = performance.now();
let timer;
const observer = new MutationObserver(() => {
  if (list.dataset.answered === text) {
    observer.disconnect();
    clearTimeout(timer);
    const rendered = performance.now() - started;
    list.getBoundingClientRect();
    document.body.offsetHeight;
    const laid_out = performance.now() - started;
    requestAnimationFrame(() => {
      const total = performance.now() - started;
      document.documentElement.removeAttribute('data-portal-desk-trace');
      const trace = performance.getEntriesByType('mark')
        .filter(m => m.name.startsWith('trace:'))
        .map(m => [m.name.slice(6), m.startTime - started]);
      trace.forEach(([step]) => performance.clearMarks('trace:' + step));
      done({ total, rendered, laid_out, trace });
    });
  }
});
observer.observe(list, { attributes: true, attributeFilter: ['data-answered'] });
timer = setTimeout(() => {
  observer.disconnect();
  document.documentElement.removeAttribute('data-portal-desk-trace');
  done({ total: -1 });
}, 10000);
input.value = text;
input.dispatchEvent(new InputEvent('input', { bubbles: true }));
"#;
/// The IPC round trip alone: `get_app_info`, which reads nothing, invoked the
/// way `ui/src/ipc.rs` invokes every command, 50 times in a row.
const NOOP_IPC: &str = r#"
const done = arguments[arguments.length - 1];
(async () => {
  const times = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    await window.__TAURI__.core.invoke('get_app_info', { args: null });
    times.push(performance.now() - started);
  }
  done(times);
})();
"#;
/// The page's start-up marks and the wasm's fetch, in ms since the epoch
/// (`null` for one not there).
const STARTUP_MARKS: &str = r#"
const at = name => { const m = performance.getEntriesByName(name)[0]; return m ? performance.timeOrigin + m.startTime : null; };
const wasm = performance.getEntriesByType('resource').find(e => e.name.endsWith('.wasm'));
return {
  navigation: performance.timeOrigin,
  js_started: at('portal-desk:js-started'),
  wasm_fetched: wasm ? performance.timeOrigin + wasm.responseEnd : null,
  wasm_started: at('portal-desk:wasm-started'),
  first_ipc_sent: at('portal-desk:first-ipc-sent'),
  first_ipc_answered: at('portal-desk:first-ipc-answered'),
  key_status: at('portal-desk:key-status'),
  desk_render: at('portal-desk:desk-render'),
  list_effects: at('portal-desk:list-effects'),
  first_page: at('portal-desk:first-page'),
  list_shown: at('portal-desk:list-shown'),
  list_painted: at('portal-desk:list-painted'),
};
"#;

const FIRST_FRAME: &str = "return (() => { const m = performance.getEntriesByName('baseline:first-frame')[0]; \
     return m ? performance.timeOrigin + m.startTime : null; })();";
/// One input event in the baseline's empty input, to the next frame.
const INPUT_TO_FRAME: &str = r#"
const text = arguments[0], done = arguments[arguments.length - 1];
const input = document.querySelector('#search');
const started = performance.now();
input.value = text;
input.dispatchEvent(new InputEvent('input', { bubbles: true }));
requestAnimationFrame(() => done(performance.now() - started));
"#;

/// What one launch of a window measured.
#[derive(Default)]
struct Launches {
    start_ms: Vec<f64>,
    rss_mb: Vec<f64>,
    anon_mb: Vec<f64>,
    pss_mb: Vec<f64>,
    input_p50: Vec<f64>,
    input_p95: Vec<f64>,
}

impl Launches {
    /// Memory 5 s after the window showed: the process's RSS, its anonymous
    /// part, and the PSS of it with its WebKit processes.
    fn idle_memory(&mut self, pid: u32) -> anyhow::Result<()> {
        std::thread::sleep(Duration::from_secs(5));
        let family = with_descendants(pid);
        self.rss_mb.push(status_kb(pid, "VmRSS:")? / 1024.0);
        self.anon_mb.push(status_kb(pid, "RssAnon:")? / 1024.0);
        self.pss_mb.push(
            family
                .iter()
                .map(|p| rollup_kb(*p, "Pss:").unwrap_or(0.0))
                .sum::<f64>()
                / 1024.0,
        );
        Ok(())
    }

    fn inputs(&mut self, mut times: Vec<f64>) {
        times.sort_by(f64::total_cmp);
        self.input_p50.push(times[times.len() / 2]);
        self.input_p95
            .push(times[(times.len() * 95 / 100).min(times.len() - 1)]);
    }

    fn json(&self) -> Value {
        json!({
            "start_ms": self.start_ms,
            "rss_mb": self.rss_mb,
            "anon_mb": self.anon_mb,
            "pss_mb": self.pss_mb,
            "input_p50_ms": self.input_p50,
            "input_p95_ms": self.input_p95,
        })
    }
}

/// One launch of the blank window: start to first frame, idle memory, and
/// as many input events as Portal Desk's keystrokes.
fn baseline_run(binary: &Path, keystrokes: usize, into: &mut Launches) -> anyhow::Result<()> {
    let app = App::launch(AppOptions {
        application: Some(binary.to_owned()),
        ..AppOptions::default()
    })?;
    let ui = &app.session;
    let shown_at = ui.wait_for("the baseline's first frame", || {
        Ok(ui.execute(FIRST_FRAME, vec![])?.as_f64())
    })?;
    let pid = newest_process("portal-baseline-window")?;
    into.start_ms.push(shown_at - process_start_epoch_ms(pid)?);
    into.idle_memory(pid)?;
    let mut times = Vec::new();
    let mut typed = String::new();
    for n in 0..keystrokes.max(1) {
        typed.push(char::from(b'a' + (n % 26) as u8));
        if typed.len() > 12 {
            typed.clear();
        }
        times.push(
            ui.execute_async(INPUT_TO_FRAME, vec![Value::from(typed.as_str())])?
                .as_f64()
                .context("a duration")?,
        );
    }
    into.inputs(times);
    Ok(())
}

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
    let baseline = PathBuf::from(std::env::var_os("PORTAL_DESK_BASELINE_APP").context(
        "PORTAL_DESK_BASELINE_APP: the blank window (cargo xtask bench builds e2e/baseline)",
    )?);
    // Nothing should reach Stripe (the cache is marked synced), but a
    // sandbox answers if anything does.
    let stripe = StripeSandbox::start_with(KEY, &["--customers", "3"])?;

    let mut desk = Launches::default();
    let mut floor = Launches::default();
    let mut keystrokes = 0;
    let mut phases = vec![Vec::new(); KEYSTROKE_PHASES.len()];
    let mut startup = vec![Vec::new(); STARTUP_PHASES.len()];
    let mut noop_ipc = Vec::new();
    let scratch = tempfile::tempdir()?;
    for run in 0..runs {
        let data_dir = prepared_data_dir(&stripe, &cache)?;
        let shell_output = scratch.path().join(format!("run-{run}.log"));
        let app = App::launch(AppOptions {
            env: vec![
                ("PORTAL_DESK_API_BASE".into(), stripe.url.clone()),
                ("PORTAL_DESK_STARTUP_TIMES".into(), "1".into()),
            ],
            data_dir: Some(data_dir),
            output: Some(shell_output.clone()),
            ..AppOptions::default()
        })?;
        let ui = &app.session;
        let shown_at = ui.wait_for("customers on screen", || {
            Ok(ui.execute(LIST_SHOWN, vec![])?.as_f64())
        })?;
        let pid = newest_process("portal-desk")?;
        let process_start = process_start_epoch_ms(pid)?;
        desk.start_ms.push(shown_at - process_start);
        let page = ui.wait_for("the first frame with customers", || {
            let marks = ui.execute(STARTUP_MARKS, vec![])?;
            Ok((!marks["list_painted"].is_null()).then_some(marks))
        })?;
        let output = std::fs::read_to_string(&shell_output)?;
        for (k, (_, took)) in startup_phases(process_start, &output, &page)
            .into_iter()
            .enumerate()
        {
            startup[k].push(took.map_or(Value::Null, Value::from));
        }
        let count = ui.find("#customer-count")?.text()?;
        if count.replace([',', '.', ' ', '\u{a0}', '\u{202f}'], "") != "100000customers" {
            bail!("the window lists {count:?}, not the benchmark's cache");
        }
        desk.idle_memory(pid)?;
        let typed = type_searches(ui)?;
        keystrokes = typed.len();
        for keystroke in &typed {
            for (k, (_, took)) in keystroke.phases.iter().enumerate() {
                phases[k].push(*took);
            }
        }
        desk.inputs(typed.iter().map(|k| k.total).collect());
        noop_ipc.extend(noop_round_trips(ui)?);
        drop(app);

        baseline_run(&baseline, keystrokes, &mut floor)?;
        eprintln!(
            "window bench: run {}/{runs}: start {:.0} ms (blank window {:.0} ms), rss {:.0} MB ({:.0} MB), \
             keystroke p95 {:.1} ms (input {:.1} ms)",
            run + 1,
            desk.start_ms[run],
            floor.start_ms[run],
            desk.rss_mb[run],
            floor.rss_mb[run],
            desk.input_p95[run],
            floor.input_p95[run],
        );
    }
    let result = json!({
        "runs": runs,
        "keystrokes_per_run": keystrokes,
        "cold_start_ms": desk.start_ms,
        "app_rss_mb": desk.rss_mb,
        "app_anon_mb": desk.anon_mb,
        "total_pss_mb": desk.pss_mb,
        "keystroke_p50_ms": desk.input_p50,
        "keystroke_p95_ms": desk.input_p95,
        "baseline": floor.json(),
        "keystroke_phases": KEYSTROKE_PHASES
            .iter()
            .zip(&phases)
            .map(|(name, ms)| json!({"name": name, "ms": ms}))
            .collect::<Vec<_>>(),
        "noop_ipc_ms": noop_ipc,
        "startup_phases": STARTUP_PHASES
            .iter()
            .zip(&startup)
            .map(|((name, _), ms)| json!({"name": name, "ms": ms}))
            .collect::<Vec<_>>(),
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
fn type_searches(ui: &Session) -> anyhow::Result<Vec<Keystroke>> {
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
            let answer = keystroke(ui, &typed)?;
            if answer.total < 0.0 {
                bail!("the list never answered {typed:?}");
            }
            times.push(answer);
        }
        keystroke(ui, "")?;
    }
    Ok(times)
}

/// One keystroke's total and its steps, in ms from the input event.
struct Keystroke {
    total: f64,
    phases: Vec<(&'static str, f64)>,
}

/// The steps of a keystroke, in order: each ends where the next begins.
const KEYSTROKE_PHASES: [&str; 7] = [
    "the input event reaches the handler",
    "reduce, render the desk with the last answer, run the effect: to the request",
    "IPC round trip with the core's search (list_customers)",
    "decode the answer in wasm",
    "Yew's diff and patch of the rows",
    "style and layout (forced)",
    "wait for the next frame",
];

fn keystroke(ui: &Session, text: &str) -> anyhow::Result<Keystroke> {
    let answer = ui.execute_async(KEYSTROKE, vec![Value::from(text)])?;
    let total = answer["total"].as_f64().context("a duration")?;
    if total < 0.0 {
        return Ok(Keystroke {
            total,
            phases: Vec::new(),
        });
    }
    let trace: Vec<(String, f64)> = answer["trace"]
        .as_array()
        .context("the UI's trace")?
        .iter()
        .filter_map(|entry| Some((entry[0].as_str()?.to_owned(), entry[1].as_f64()?)))
        .collect();
    // Each step is the first of its name at or after the one before (marks
    // in the same millisecond may come in either order).
    let mut last = 0.0;
    let mut after = |name: &str| -> anyhow::Result<f64> {
        let at = trace
            .iter()
            .filter(|(step, at)| step == name && *at >= last)
            .map(|(_, at)| *at)
            .reduce(f64::min)
            .with_context(|| format!("no {name:?} in the trace of {text:?}: {trace:?}"))?;
        last = at;
        Ok(at)
    };
    let times = [
        0.0,
        after("input")?,
        after("sent list_customers")?,
        after("answered list_customers")?,
        after("decoded list_customers")?,
        answer["rendered"].as_f64().context("rendered")?,
        answer["laid_out"].as_f64().context("laid out")?,
        total,
    ];
    let phases = KEYSTROKE_PHASES
        .iter()
        .zip(times.windows(2))
        .map(|(name, pair)| (*name, pair[1] - pair[0]))
        .collect();
    Ok(Keystroke { total, phases })
}

/// The app's start-up, step by step: each phase ends at the named mark,
/// starting from the process's start. A phase whose mark is missing
/// (WebKit may keep no resource timing for the app's own scheme) folds
/// into the next.
const STARTUP_PHASES: [(&str, &str); 14] = [
    ("exec and dynamic linking, to main()", "main"),
    ("Tauri's builder and plugins, to setup", "tauri-setup"),
    ("the WebView created", "window-built"),
    (
        "WebKit's web process, to the page's navigation",
        "navigation",
    ),
    ("HTML, CSS and JS loaded", "js_started"),
    ("the wasm fetched", "wasm_fetched"),
    (
        "the wasm compiled and instantiated, to main()",
        "wasm_started",
    ),
    (
        "the first IPC answered (get_app_info)",
        "first_ipc_answered",
    ),
    (
        "the key's status (read ahead from the keychain)",
        "key_status",
    ),
    (
        "the list's first page (cache, search index, page)",
        "first_page",
    ),
    ("the desk's first render begins", "desk_render"),
    (
        "the desk and its rows rendered and laid out, to its effects",
        "list_effects",
    ),
    ("the rows on screen (the list's effects)", "list_shown"),
    ("the first frame with them", "list_painted"),
];

/// Start-up phases of one launch: the shell's steps from its output and the
/// page's marks, from the process's start (ms since the epoch).
fn startup_phases(
    process_start: f64,
    shell_output: &str,
    page: &Value,
) -> Vec<(&'static str, Option<f64>)> {
    let shell = |step: &str| {
        shell_output.lines().rev().find_map(|line| {
            let rest = line.strip_prefix("portal-desk startup: ")?;
            let (name, ms) = rest.split_once(' ')?;
            (name == step)
                .then(|| ms.trim().parse::<f64>().ok())
                .flatten()
        })
    };
    let mut last = process_start;
    STARTUP_PHASES
        .iter()
        .map(|(phase, mark)| {
            let at = shell(mark).or_else(|| page[*mark].as_f64());
            let took = at.map(|at| {
                let took = at - last;
                last = at;
                took
            });
            (*phase, took)
        })
        .collect()
}

/// The IPC round trip of a command that does nothing, 50 times (ms each).
fn noop_round_trips(ui: &Session) -> anyhow::Result<Vec<f64>> {
    ui.execute_async(NOOP_IPC, vec![])?
        .as_array()
        .context("round trips")?
        .iter()
        .map(|v| v.as_f64().context("a duration"))
        .collect()
}

/// The newest process named `name`.
fn newest_process(name: &str) -> anyhow::Result<u32> {
    let output = std::process::Command::new("pgrep")
        // The kernel keeps 15 bytes of a process's name.
        .args(["-n", "-x", &name[..name.len().min(15)]])
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
