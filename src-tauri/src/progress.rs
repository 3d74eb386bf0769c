//! The sync's progress as bars on stderr, one per list (hidden when stderr is
//! not a terminal, so scripts see only the summary).

use std::collections::BTreeMap;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use portal_core::sync::Progress;
use portal_i18n::{Language, tr};

pub struct SyncBars {
    bars: MultiProgress,
    rows: BTreeMap<String, ProgressBar>,
    style: ProgressStyle,
    language: Language,
}

impl SyncBars {
    /// Bars that speak `language`.
    pub fn new(language: Language) -> SyncBars {
        SyncBars {
            bars: MultiProgress::with_draw_target(ProgressDrawTarget::stderr()),
            rows: BTreeMap::new(),
            style: ProgressStyle::with_template("{prefix:>14} [{bar:30}] {pos:>7}/{len:<7} {msg}")
                .expect("a valid template")
                .progress_chars("=> "),
            language,
        }
    }

    pub fn update(&mut self, progress: &Progress) {
        let language = self.language;
        for resource in &progress.resources {
            let bar = self.rows.entry(resource.name.clone()).or_insert_with(|| {
                let bar = self.bars.add(ProgressBar::new(0));
                bar.set_style(self.style.clone());
                bar.set_prefix(tr!(
                    language,
                    "cli-sync-list",
                    name = resource.name.as_str()
                ));
                bar
            });
            let total = resource.estimated_total.unwrap_or(0).max(resource.fetched);
            bar.set_length(if resource.done {
                resource.fetched
            } else {
                total
            });
            bar.set_position(resource.fetched);
            bar.set_message(if resource.done {
                tr!(language, "cli-sync-list-done", requests = resource.requests)
            } else {
                tr!(
                    language,
                    "cli-sync-list-reading",
                    requests = resource.requests
                )
            });
        }
        if progress.retries > 0
            && let Some(bar) = self.rows.values().next()
        {
            bar.println(tr!(
                language,
                "cli-sync-retried-so-far",
                retries = progress.retries
            ));
        }
    }

    pub fn finish(&self) {
        for bar in self.rows.values() {
            bar.finish_and_clear();
        }
    }
}
