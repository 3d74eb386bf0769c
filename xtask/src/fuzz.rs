//! `cargo xtask fuzz`: every cargo-fuzz target in `src-tauri/core/fuzz` for a
//! set time, two at a time (the machine has two cores), then a table of the
//! runs in BENCHMARKS.md. A crash marks its row failed and fails the command
//! with the input's path; keep it under `regressions/TARGET/`, where `cargo
//! xtask test` replays it.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Instant;

use anyhow::{Context, bail};

use crate::{bench, report, shell};

/// The section of BENCHMARKS.md this command writes.
pub const HEADING: &str = "## Fuzzing";
const FUZZ_DIR: &str = "src-tauri/core/fuzz";
/// Each target and what its check asserts (`src-tauri/core/fuzz/src/`).
const TARGETS: [(&str, &str); 4] = [
    (
        "key_parser",
        "`ApiKey::parse` accepts exactly Stripe's key format; errors never repeat the input",
    ),
    (
        "search_query",
        "any text, filter, order and page equals a plain filter-and-sort of all customers",
    ),
    (
        "form_encoder",
        "any configuration is refused with a short message, or encoded as unambiguous bracket keys that decode back",
    ),
    (
        "event_applier",
        "any events and answers apply, leave a sound cache holding what Stripe answered, and apply again as a no-op",
    ),
];

/// libFuzzer through `rustup run nightly`: cargo-fuzz needs nightly's
/// sanitizer flags, and the `CARGO` this xtask runs under is stable's.
fn nightly_cargo() -> Command {
    let mut command = Command::new("rustup");
    command
        .args(["run", "nightly", "cargo"])
        .env_remove("CARGO")
        .env_remove("RUSTUP_TOOLCHAIN")
        .current_dir(shell::root());
    command
}

fn ensure_tools() -> anyhow::Result<()> {
    let nightly = Command::new("rustup")
        .args(["run", "nightly", "rustc", "--version"])
        .env_remove("RUSTUP_TOOLCHAIN")
        .output();
    if !nightly.is_ok_and(|o| o.status.success()) {
        bail!(
            "fuzzing needs a nightly toolchain (libFuzzer's instrumentation): `rustup toolchain install nightly`"
        );
    }
    if !shell::on_path("cargo-fuzz") {
        shell::run(shell::cargo().args([
            "install",
            "cargo-fuzz",
            "--version",
            "0.13.2",
            "--locked",
        ]))?;
    }
    Ok(())
}

struct Run {
    target: &'static str,
    what: &'static str,
    child: Child,
    log: PathBuf,
    started: Instant,
}

/// What libFuzzer printed about a finished run.
struct Stats {
    runs: u64,
    per_second: u64,
    coverage: u64,
    corpus: u64,
    peak_rss_mb: u64,
}

fn stat(log: &str, name: &str) -> u64 {
    log.lines()
        .find_map(|line| line.strip_prefix(&format!("stat::{name}:")))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

/// A number after `label` in libFuzzer's last progress line (`#N DONE cov: 1 ft: 2 corp: 3/4b`).
fn progress(log: &str, label: &str) -> u64 {
    log.lines()
        .rev()
        .find(|line| line.starts_with('#') && line.contains(label))
        .and_then(|line| line.split(label).nth(1))
        .and_then(|rest| {
            rest.trim_start()
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

fn parse(log: &str) -> Stats {
    Stats {
        runs: stat(log, "number_of_executed_units"),
        per_second: stat(log, "average_exec_per_sec"),
        coverage: progress(log, "cov:"),
        corpus: progress(log, "corp:"),
        peak_rss_mb: stat(log, "peak_rss_mb"),
    }
}

fn start(target: &'static str, what: &'static str, secs: u64) -> anyhow::Result<Run> {
    let root = shell::root();
    let fuzz_dir = root.join(FUZZ_DIR);
    let corpus = fuzz_dir.join("corpus").join(target);
    std::fs::create_dir_all(&corpus)?;
    let logs = shell::target_dir().join("fuzz-logs");
    std::fs::create_dir_all(&logs)?;
    let log = logs.join(format!("{target}.log"));
    let output = std::fs::File::create(&log)?;
    let mut command = nightly_cargo();
    command.args(["fuzz", "run", "--fuzz-dir", FUZZ_DIR, "-O", target]);
    command.arg(&corpus);
    let kept = fuzz_dir.join("regressions").join(target);
    if kept.is_dir() {
        command.arg(&kept);
    }
    command.args([
        "--".to_owned(),
        format!("-max_total_time={secs}"),
        "-print_final_stats=1".to_owned(),
        "-rss_limit_mb=4096".to_owned(),
        "-timeout=20".to_owned(),
    ]);
    eprintln!("fuzz: {target} for {secs} s (log: {})", log.display());
    let child = command
        .stdout(output.try_clone()?)
        .stderr(output)
        .stdin(Stdio::null())
        .spawn()
        .context("could not start cargo fuzz")?;
    Ok(Run {
        target,
        what,
        child,
        log,
        started: Instant::now(),
    })
}

/// The input libFuzzer saved when a check failed.
fn crash_input(log: &str) -> Option<&str> {
    log.lines()
        .find_map(|line| line.split("Test unit written to ").nth(1))
        .map(str::trim)
}

/// Runs every target (or only `only`) for `secs` seconds and records each
/// clean run's row in BENCHMARKS.md.
pub fn run(secs: u64, only: Option<String>) -> anyhow::Result<()> {
    ensure_tools()?;
    let targets: Vec<(&str, &str)> = TARGETS
        .into_iter()
        .filter(|(name, _)| only.as_deref().is_none_or(|o| o == *name))
        .collect();
    if targets.is_empty() {
        let names: Vec<&str> = TARGETS.iter().map(|(n, _)| *n).collect();
        bail!(
            "no fuzz target {:?}; there are {}",
            only.unwrap_or_default(),
            names.join(", ")
        );
    }
    shell::run(nightly_cargo().args(["fuzz", "build", "--fuzz-dir", FUZZ_DIR, "-O"]))?;

    let mut rows = Vec::new();
    let mut crashes = Vec::new();
    for pair in targets.chunks(2) {
        let runs = pair
            .iter()
            .map(|(target, what)| start(target, what, secs))
            .collect::<anyhow::Result<Vec<_>>>()?;
        for mut run in runs {
            let status = run.child.wait()?;
            let minutes = run.started.elapsed().as_secs_f64() / 60.0;
            let log = std::fs::read_to_string(&run.log).unwrap_or_default();
            let stats = parse(&log);
            eprintln!(
                "fuzz: {} {} after {minutes:.1} min, {} runs",
                run.target,
                if status.success() { "clean" } else { "FAILED" },
                stats.runs
            );
            if !status.success() {
                crashes.push(match crash_input(&log) {
                    Some(input) => format!(
                        "{}: {input} (see {}). Keep it as {FUZZ_DIR}/regressions/{}/NAME and fix the cause.",
                        run.target,
                        run.log.display(),
                        run.target
                    ),
                    None => format!("{}: failed without an input; see {}", run.target, run.log.display()),
                });
            }
            let result = if status.success() {
                "clean"
            } else {
                "**failed**: keep the input and fix the cause"
            };
            rows.push(format!(
                "| `{}` | {} | {} | {minutes:.1} min | {} | {} | {} | {} | {} MB | {result} |",
                run.target,
                run.what,
                bench::today(),
                thousands(stats.runs),
                thousands(stats.per_second),
                thousands(stats.coverage),
                thousands(stats.corpus),
                stats.peak_rss_mb,
            ));
        }
    }
    let text = report::read();
    let rows = merge_rows(report::section(&text, HEADING).unwrap_or_default(), rows);
    let section = format!(
        "{HEADING} (cargo fuzz, libFuzzer)\n\n\
         Produced by `cargo xtask fuzz`: each target for the time shown with `-O`, two at a time\n\
         (`cargo xtask fuzz --target NAME` reruns one and replaces its row).\n\
         The checks are in `{FUZZ_DIR}/src/`; each panics when the code breaks a property it promises.\n\
         Inputs that once failed are kept in `{FUZZ_DIR}/regressions/` and replayed by\n\
         `cargo xtask test`, with 2,000 pseudo-random inputs per target.\n\n\
         **Machine:** {machine}\n\n\
         | target | property | date | time | runs | runs/s | coverage (edges) | corpus | peak RSS | result |\n\
         | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n\
         {rows}\n",
        machine = bench::machine(),
        rows = rows.join("\n"),
    );
    report::write(&report::set_section(&text, HEADING, &section))?;
    if !crashes.is_empty() {
        bail!("fuzzing found failures:\n{}", crashes.join("\n"));
    }
    Ok(())
}

/// The table's rows in TARGETS order: this run's, and the earlier section's
/// for targets it did not run.
fn merge_rows(earlier: &str, new: Vec<String>) -> Vec<String> {
    let row_of = |rows: &[String], target: &str| {
        let start = format!("| `{target}` |");
        rows.iter().find(|row| row.starts_with(&start)).cloned()
    };
    let earlier: Vec<String> = earlier.lines().map(str::to_owned).collect();
    TARGETS
        .iter()
        .filter_map(|(target, _)| row_of(&new, target).or_else(|| row_of(&earlier, target)))
        .collect()
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libfuzzer_output_is_read() {
        let log = "#2\tINITED cov: 10 ft: 11 corp: 1/1b exec/s: 0 rss: 30Mb\n\
                   #5000\tNEW    cov: 812 ft: 2100 corp: 140/9Kb lim: 90 exec/s: 2500 rss: 80Mb\n\
                   #93000\tDONE   cov: 815 ft: 2133 corp: 141/9Kb lim: 90 exec/s: 1550 rss: 81Mb\n\
                   Done 93000 runs in 60 second(s)\n\
                   stat::number_of_executed_units: 93000\n\
                   stat::average_exec_per_sec:     1550\n\
                   stat::peak_rss_mb:              81\n";
        let stats = parse(log);
        assert_eq!(
            (
                stats.runs,
                stats.per_second,
                stats.coverage,
                stats.corpus,
                stats.peak_rss_mb
            ),
            (93_000, 1_550, 815, 141, 81)
        );
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(999), "999");
        let crashed = "==1== ERROR: libFuzzer: deadly signal\n\
                       artifact_prefix='a/'; Test unit written to a/crash-123\n";
        assert_eq!(crash_input(crashed), Some("a/crash-123"));
    }

    #[test]
    fn a_rerun_replaces_only_its_targets_row() {
        let earlier = "## Fuzzing\n\n| target |\n| --- |\n\
                       | `key_parser` | old |\n| `search_query` | old |\n| `event_applier` | old |\n";
        let rows = merge_rows(earlier, vec!["| `search_query` | new |".to_owned()]);
        assert_eq!(
            rows,
            [
                "| `key_parser` | old |",
                "| `search_query` | new |",
                "| `event_applier` | old |"
            ]
        );
    }
}
