//! `sync`: the cache brought up to date, with progress bars on stderr.

use portal_core::sync::SyncMode;
use portal_core::{ApiBase, ProfileName, Profiles};
use portal_i18n::FluentValue;

use super::args::SyncArgs;
use super::exit::Failure;
use super::key::resolve_key;
use super::output::lang;
use super::runtime;

pub(super) fn sync(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
    args: SyncArgs,
) -> Result<(), Failure> {
    let SyncArgs {
        full,
        json,
        requests_per_second,
    } = args;
    let key = resolve_key(profiles, profile, api_base)?;
    let mut settings = profiles.settings(profile)?;
    if requests_per_second.is_some() {
        settings.requests_per_second = requests_per_second;
    }
    let (client, options) = portal_core::sync::sync_client(&key, &settings, api_base, full);
    drop(key);
    let mut cache = profiles.open_cache(profile)?;
    let mut bars = crate::progress::SyncBars::new(lang());
    let mut on_progress = |p: &portal_core::sync::Progress| bars.update(p);
    let outcome = runtime()?.block_on(async {
        tokio::select! {
            report = portal_core::sync::sync(&client, &mut cache, &options, &mut on_progress) => Some(report),
            _ = tokio::signal::ctrl_c() => None,
        }
    });
    bars.finish();
    let report = match outcome {
        None => {
            return Err(Failure::other(t!("cli-sync-interrupted")));
        }
        Some(report) => report.map_err(|e| Failure::from(e).hint(&t!("cli-sync-resume-hint")))?,
    };
    if let Some(note) = &report.note {
        tell!("{note}");
    }
    if json {
        say!(
            "{}",
            serde_json::to_string(&report).expect("a report always serializes")
        );
    } else {
        let c = &report.counts;
        let mode = match report.mode {
            SyncMode::Full => "full",
            SyncMode::Incremental => "incremental",
        };
        say!(
            "{}",
            t!(
                "cli-sync-summary",
                mode = mode,
                customers = c.customers,
                subscriptions = c.subscriptions,
                invoices = c.invoices,
                payment_methods = c.payment_methods,
                prices = c.prices,
                products = c.products,
                events = report.events_applied
            )
        );
        say!(
            "{}",
            t!(
                "cli-sync-requests",
                requests = report.requests,
                retries = report.retries,
                seconds = tenths(report.duration_ms as f64 / 1000.0)
            )
        );
    }
    Ok(())
}

/// `value` with one decimal, as a number (so "2.0" in English, "2,0" in German).
fn tenths(value: f64) -> FluentValue<'static> {
    let rounded = format!("{value:.1}").parse().unwrap_or(value);
    let mut number = FluentValue::from(rounded);
    if let FluentValue::Number(n) = &mut number {
        n.options.minimum_fraction_digits = Some(1);
    }
    number
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_i18n::{Language, tr};

    #[test]
    fn durations_keep_one_decimal_and_numbers_are_grouped() {
        let requests = |language| {
            tr!(
                language,
                "cli-sync-requests",
                requests = 1234u64,
                retries = 0u64,
                seconds = tenths(2.0)
            )
        };
        assert_eq!(
            requests(Language::En),
            "1,234 requests (0 retried) in 2.0 s."
        );
        assert_eq!(
            requests(Language::De),
            "1.234 Anfragen (0 wiederholt) in 2,0 s."
        );
        let one = tr!(
            Language::En,
            "cli-sync-requests",
            requests = 1u64,
            retries = 1u64,
            seconds = tenths(0.25)
        );
        assert_eq!(one, format!("1 request (1 retried) in {:.1} s.", 0.25));
    }
}
