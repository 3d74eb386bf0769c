//! Desktop notifications, for portal changes a background sync finds.
//!
//! The window connects the OS notifier at start ([`Notifier::connect`]).
//! Under test, notifications are appended to a log instead, like the opener:
//! the `PORTAL_DESK_TEST_NOTIFY_LOG` hook names it (test builds only, see
//! [`crate::test_hooks`]), or [`Notifier::recording`].

use portal_i18n::Language;
use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;

type Show = Box<dyn Fn(&str, &str) + Send + Sync>;

/// Shows notifications, or records them under test.
#[derive(Default)]
pub struct Notifier {
    log: Option<PathBuf>,
    show: OnceLock<Show>,
}

impl Notifier {
    /// The OS notifier once connected, unless the notify-log test hook is set.
    pub fn from_env() -> Notifier {
        Notifier {
            log: crate::test_hooks::var(crate::test_hooks::NOTIFY_LOG).map(PathBuf::from),
            show: OnceLock::new(),
        }
    }

    /// A notifier that appends `title\tbody` lines to `log`.
    pub fn recording(log: PathBuf) -> Notifier {
        Notifier {
            log: Some(log),
            show: OnceLock::new(),
        }
    }

    /// Sends notifications through `show` from now on (the first call wins).
    pub fn connect(&self, show: impl Fn(&str, &str) + Send + Sync + 'static) {
        let _ = self.show.set(Box::new(show));
    }

    /// Shows `title` and `body`. A notification is a courtesy: failures are dropped.
    /// Both are made [`plain`] first: they carry customers' names.
    pub fn notify(&self, title: &str, body: &str) {
        let (title, body) = (&plain(title), &plain(body));
        if let Some(log) = &self.log {
            if let Ok(mut file) = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(log)
            {
                let _ = writeln!(file, "{title}\t{}", body.replace('\n', " "));
            }
            return;
        }
        if let Some(show) = self.show.get() {
            show(title, body);
        }
    }
}

/// `text` for a notification server: control characters shown as "�" (as on
/// the terminal), and on
/// Linux `& < >` escaped, since servers there may render the body as markup
/// (the freedesktop spec's `body-markup`), so `<a href>` or `<img>` in a
/// customer's name would be drawn or fetched rather than shown.
pub fn plain(text: &str) -> String {
    let text = crate::text::terminal_safe(text).replace('\t', " ");
    if cfg!(target_os = "linux") {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    } else {
        text
    }
}

/// The title and body announcing `changes` portal changes in `language`,
/// the newest of which are `newest` (sentences from the activity feed).
pub fn changes_notice(language: Language, changes: u64, newest: &[String]) -> (String, String) {
    let title = match changes {
        1 => portal_i18n::tr!(language, "activity-notice-one"),
        n => portal_i18n::tr!(language, "activity-notice-many", count = n),
    };
    let shown: Vec<&str> = newest.iter().take(2).map(String::as_str).collect();
    let mut body = shown.join("\n");
    let rest = changes.saturating_sub(shown.len() as u64);
    if rest > 0 {
        body.push('\n');
        body.push_str(&portal_i18n::tr!(
            language,
            "activity-notice-more",
            count = rest
        ));
    }
    (title, body)
}

/// An activity entry as a notification says it in `language` (dates as
/// `2026-12-21`: a notification has no locale of its own to format them).
pub fn notice_line(language: Language, entry: &portal_core::cache::activity::Entry) -> String {
    let iso = |unix: i64| {
        let (year, month, day) = portal_core::money::civil_date(unix);
        format!("{year}-{month:02}-{day:02}")
    };
    match language {
        Language::En => entry.message.clone(),
        _ => portal_i18n::activity(language, &entry.kind, &entry.args, &iso)
            .unwrap_or_else(|| entry.message.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_change_is_told_in_full_and_many_are_summed_up() {
        let one = changes_notice(Language::En, 1, &["Ana Costa canceled Pro".into()]);
        assert_eq!(one.0, "A customer changed their billing");
        assert_eq!(one.1, "Ana Costa canceled Pro");

        let newest = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
        let many = changes_notice(Language::En, 5, &newest);
        assert_eq!(many.0, "5 billing changes in the portal");
        assert_eq!(many.1, "a\nb\nand 3 more in Activity");

        let german = changes_notice(Language::De, 5, &newest);
        assert_eq!(german.0, "5 Änderungen im Kundenportal");
        assert_eq!(german.1, "a\nb\nund 3 weitere unter Aktivität");
    }

    #[test]
    fn a_notification_words_the_change_in_the_window_language() {
        let entry = portal_core::cache::activity::Entry {
            at: 0,
            customer_id: Some("cus_1".into()),
            event_id: None,
            kind: "cancel_scheduled".into(),
            message: "Ana Costa canceled Pro at period end (ends Dec 21, 2026)".into(),
            args: vec![
                ("who".into(), "Ana Costa".into()),
                ("plan".into(), "Pro".into()),
                ("ends".into(), "1797811200".into()),
            ],
        };
        assert_eq!(notice_line(Language::En, &entry), entry.message);
        assert_eq!(
            notice_line(Language::Fr, &entry),
            "Ana Costa a résilié Pro en fin de période (fin le 2026-12-21)"
        );
        let old = portal_core::cache::activity::Entry {
            args: Vec::new(),
            ..entry
        };
        assert_eq!(
            notice_line(Language::Fr, &old),
            old.message,
            "no details: English"
        );
    }

    #[test]
    fn a_recording_notifier_writes_one_line_each() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let log = dir.path().join("notified.log");
        let notifier = Notifier::recording(log.clone());
        notifier.notify("Title", "line one\nline two");
        notifier.notify("Again", "x");
        let text = std::fs::read_to_string(log).expect("the log");
        assert_eq!(text, "Title\tline one line two\nAgain\tx\n");
    }

    #[test]
    fn a_crafted_name_reaches_the_notification_server_as_plain_text() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let log = dir.path().join("notified.log");
        let notifier = Notifier::recording(log.clone());
        let name = "\u{1b}]0;pwned\u{7}<b>x</b> & <img src=http://evil.example/p>";
        notifier.notify(
            "A customer changed their billing",
            &format!("{name} canceled Pro"),
        );
        let text = std::fs::read_to_string(log).expect("the log");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
        #[cfg(target_os = "linux")]
        assert_eq!(
            text,
            "A customer changed their billing\t\u{FFFD}]0;pwned\u{FFFD}&lt;b&gt;x&lt;/b&gt; &amp; &lt;img src=http://evil.example/p&gt; canceled Pro\n"
        );
        // Windows' and macOS's notifications show the body as text.
        #[cfg(not(target_os = "linux"))]
        assert_eq!(
            text,
            "A customer changed their billing\t\u{FFFD}]0;pwned\u{FFFD}<b>x</b> & <img src=http://evil.example/p> canceled Pro\n"
        );
    }
}
