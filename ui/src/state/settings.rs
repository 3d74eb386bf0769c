//! The settings screen: a form over the profile's settings, checked as it is
//! typed, and the cache and key actions.

use std::rc::Rc;

use portal_ipc::{
    ErrorDto, ExportDone, ExportKind, MAX_BUSINESS_NAME, MAX_REQUESTS_PER_SECOND,
    MAX_SYNC_INTERVAL_MINUTES, SaveSettingsArgs, SettingsView, SmtpFields,
};
use yew::Reducible;

/// The form, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Form {
    pub return_url: String,
    pub interval: String,
    /// The sync's budget; empty for Stripe's standard share.
    pub rate: String,
    /// The name emails sign with; empty for the Stripe account's.
    pub business_name: String,
    pub smtp_on: bool,
    pub host: String,
    pub port: String,
    pub tls: String,
    pub username: String,
    pub from: String,
    /// A new password; empty keeps the saved one.
    pub password: String,
}

/// A field the form can flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    ReturnUrl,
    Interval,
    Rate,
    BusinessName,
    Host,
    Port,
    From,
}

impl Form {
    fn of(view: &SettingsView) -> Form {
        let smtp = view.smtp.clone();
        Form {
            return_url: view.return_url.clone().unwrap_or_default(),
            interval: view.sync_interval_minutes.to_string(),
            rate: view
                .requests_per_second
                .map(|r| r.to_string())
                .unwrap_or_default(),
            business_name: view.business_name.clone().unwrap_or_default(),
            smtp_on: smtp.is_some(),
            host: smtp.as_ref().map(|s| s.host.clone()).unwrap_or_default(),
            port: smtp.as_ref().map_or("587".into(), |s| s.port.to_string()),
            tls: smtp.as_ref().map_or("starttls".into(), |s| s.tls.clone()),
            username: smtp
                .as_ref()
                .and_then(|s| s.username.clone())
                .unwrap_or_default(),
            from: smtp.map(|s| s.from).unwrap_or_default(),
            password: String::new(),
        }
    }

    /// What is wrong now, per field, in the window's language.
    pub fn problems(&self) -> Vec<(Field, String)> {
        let mut out = Vec::new();
        let url = self.return_url.trim();
        if !url.is_empty() && !url.starts_with("https://") && !url.starts_with("http://127.0.0.1") {
            out.push((Field::ReturnUrl, t!("settings-problem-return-url")));
        }
        match self.interval.trim().parse::<u32>() {
            Ok(n) if n <= MAX_SYNC_INTERVAL_MINUTES => {}
            _ => out.push((Field::Interval, t!("settings-problem-interval"))),
        }
        if !self.rate.trim().is_empty()
            && !matches!(self.rate.trim().parse::<u32>(), Ok(r) if (1..=MAX_REQUESTS_PER_SECOND).contains(&r))
        {
            out.push((Field::Rate, t!("settings-problem-rate")));
        }
        let name = self.business_name.trim();
        if name.chars().count() > MAX_BUSINESS_NAME {
            out.push((
                Field::BusinessName,
                t!("settings-problem-business-name-long"),
            ));
        } else if name.chars().any(char::is_control) {
            out.push((
                Field::BusinessName,
                t!("settings-problem-business-name-line"),
            ));
        }
        if self.smtp_on {
            let host = self.host.trim();
            if host.is_empty() || host.contains(char::is_whitespace) {
                out.push((Field::Host, t!("settings-problem-host")));
            }
            if !matches!(self.port.trim().parse::<u16>(), Ok(1..)) {
                out.push((Field::Port, t!("settings-problem-port")));
            }
            let from = self.from.trim();
            let address = from
                .rsplit_once('<')
                .map_or(from, |(_, rest)| rest.trim_end_matches('>'));
            if !address.contains('@') || address.starts_with('@') || address.ends_with('@') {
                out.push((Field::From, t!("settings-problem-from")));
            }
        }
        out
    }

    /// The problem beside `field`, if any.
    pub fn problem(&self, field: Field) -> Option<String> {
        self.problems()
            .into_iter()
            .find(|(f, _)| *f == field)
            .map(|(_, p)| p)
    }

    /// The save request, when the form has no problems.
    pub fn to_args(&self, profile: &str) -> Option<SaveSettingsArgs> {
        if !self.problems().is_empty() {
            return None;
        }
        let smtp = self.smtp_on.then(|| SmtpFields {
            host: self.host.trim().to_owned(),
            port: self.port.trim().parse().unwrap_or(587),
            tls: self.tls.clone(),
            username: Some(self.username.trim().to_owned()).filter(|u| !u.is_empty()),
            from: self.from.trim().to_owned(),
        });
        Some(SaveSettingsArgs {
            profile: profile.to_owned(),
            return_url: Some(self.return_url.trim().to_owned()).filter(|u| !u.is_empty()),
            sync_interval_minutes: self.interval.trim().parse().unwrap_or(15),
            requests_per_second: self.rate.trim().parse().ok(),
            business_name: Some(self.business_name.trim().to_owned()).filter(|n| !n.is_empty()),
            smtp,
            smtp_password: Some(self.password.clone()).filter(|p| !p.is_empty()),
        })
    }
}

/// The screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SettingsState {
    pub view: Option<SettingsView>,
    pub form: Form,
    pub busy: bool,
    /// A line about the last action.
    pub notice: Option<Result<String, ErrorDto>>,
    /// Waiting for "yes" before clearing the cache or forgetting the key.
    pub confirm: Option<Confirm>,
}

/// A destructive action waiting for confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    ClearCache,
    ForgetKey,
}

#[derive(Clone)]
pub enum SettingsAction {
    Loaded(Result<SettingsView, ErrorDto>),
    Edit(Rc<dyn Fn(&mut Form)>),
    Busy,
    /// A save or clear finished; the message says which.
    Done(Result<(SettingsView, String), ErrorDto>),
    Ask(Option<Confirm>),
    /// An export finished: what to say (`None`: the save dialog was cancelled).
    Exported(Result<Option<String>, ErrorDto>),
}

/// "Saved 1,204 customers to /home/me/customers.csv.", in the window's
/// language (which also groups the count).
pub fn export_notice(kind: ExportKind, done: &ExportDone) -> String {
    let (count, path) = (done.rows, done.path.as_str());
    match kind {
        ExportKind::Customers => t!("settings-exported-customers", count = count, path = path),
        ExportKind::Invoices => t!("settings-exported-invoices", count = count, path = path),
    }
}

impl Reducible for SettingsState {
    type Action = SettingsAction;

    fn reduce(self: Rc<Self>, action: SettingsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            SettingsAction::Loaded(Ok(view)) => {
                next.form = Form::of(&view);
                next.view = Some(view);
            }
            SettingsAction::Loaded(Err(error)) => next.notice = Some(Err(error)),
            SettingsAction::Edit(change) => {
                change(&mut next.form);
                next.notice = None;
            }
            SettingsAction::Busy => {
                next.busy = true;
                next.notice = None;
                next.confirm = None;
            }
            SettingsAction::Done(Ok((view, message))) => {
                next.busy = false;
                // Keep what is typed; only the password field empties.
                next.form.password.clear();
                // Said after a save that removed the SMTP password with its
                // old server.
                let message = if view.smtp_password_removed {
                    t!("settings-password-removed", notice = message)
                } else {
                    message
                };
                next.view = Some(view);
                next.notice = Some(Ok(message));
            }
            SettingsAction::Done(Err(error)) => {
                next.busy = false;
                next.notice = Some(Err(error));
            }
            SettingsAction::Ask(confirm) => next.confirm = confirm,
            SettingsAction::Exported(outcome) => {
                next.busy = false;
                next.notice = outcome.transpose();
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> SettingsView {
        SettingsView {
            profile: "default".into(),
            profiles: vec!["default".into()],
            return_url: None,
            sync_interval_minutes: 15,
            requests_per_second: None,
            business_name: None,
            account_business_name: Some("Sandbox Coffee".into()),
            smtp: None,
            smtp_password_saved: false,
            smtp_password_removed: false,
            data_dir: "/data".into(),
            cache_path: "/data/cache-default.sqlite3".into(),
            cache_bytes: 4096,
            invoice_bytes: 0,
        }
    }

    fn edited(change: impl Fn(&mut Form) + 'static) -> Rc<SettingsState> {
        Rc::new(SettingsState::default())
            .reduce(SettingsAction::Loaded(Ok(view())))
            .reduce(SettingsAction::Edit(Rc::new(change)))
    }

    #[test]
    fn a_save_that_removed_the_password_asks_for_the_new_one() {
        let saved = |removed: bool| {
            let view = SettingsView {
                smtp_password_removed: removed,
                ..view()
            };
            Rc::new(SettingsState::default())
                .reduce(SettingsAction::Done(Ok((view, "Settings saved.".into()))))
                .notice
                .clone()
        };
        assert_eq!(
            saved(true),
            Some(Ok("Settings saved. The SMTP server changed, so the password saved for the old one was removed: enter the password for the new server.".into()))
        );
        assert_eq!(saved(false), Some(Ok("Settings saved.".into())));
    }

    #[test]
    fn the_business_name_is_one_line_of_at_most_100_characters() {
        let state = edited(|f| f.business_name = "  Acme Bakery ".into());
        let args = state.form.to_args("default").expect("no problems");
        assert_eq!(args.business_name.as_deref(), Some("Acme Bakery"));
        assert_eq!(
            edited(|_| {})
                .form
                .to_args("default")
                .and_then(|a| a.business_name),
            None
        );
        for bad in ["x".repeat(101), "Acme\nBcc: x@evil.example".into()] {
            let state = edited(move |f| f.business_name = bad.clone());
            assert!(state.form.problem(Field::BusinessName).is_some());
            assert!(state.form.to_args("default").is_none(), "nothing is saved");
        }
    }

    #[test]
    fn a_loaded_form_saves_as_it_was() {
        let state = edited(|_| {});
        let args = state.form.to_args("default").expect("no problems");
        assert_eq!(args.sync_interval_minutes, 15);
        assert_eq!(args.smtp, None);
        assert_eq!(
            args.smtp_password, None,
            "an empty field keeps the password"
        );
    }

    #[test]
    fn each_bad_value_is_named_and_blocks_the_save() {
        type Edit = fn(&mut Form);
        let cases: [(Edit, Field); 9] = [
            (
                |f| f.return_url = "http://shop.example".into(),
                Field::ReturnUrl,
            ),
            (|f| f.interval = "2000".into(), Field::Interval),
            (|f| f.interval = "soon".into(), Field::Interval),
            (|f| f.rate = "0".into(), Field::Rate),
            (|f| f.rate = "2.5".into(), Field::Rate),
            (|f| f.rate = "5000".into(), Field::Rate),
            (
                |f| {
                    f.smtp_on = true;
                    f.from = "billing@coffee.example".into();
                },
                Field::Host,
            ),
            (
                |f| {
                    f.smtp_on = true;
                    f.host = "smtp.example".into();
                    f.port = "70000".into();
                    f.from = "billing@coffee.example".into();
                },
                Field::Port,
            ),
            (
                |f| {
                    f.smtp_on = true;
                    f.host = "smtp.example".into();
                    f.from = "Coffee <nobody>".into();
                },
                Field::From,
            ),
        ];
        for (edit, field) in cases {
            let state = edited(edit);
            assert!(state.form.problem(field).is_some(), "{field:?}");
            assert!(state.form.to_args("default").is_none(), "{field:?}");
        }
    }

    #[test]
    fn an_export_says_what_was_saved_where_and_a_cancel_says_nothing() {
        let exported = |outcome| {
            Rc::new(SettingsState::default())
                .reduce(SettingsAction::Loaded(Ok(view())))
                .reduce(SettingsAction::Busy)
                .reduce(SettingsAction::Exported(outcome))
        };
        let done = ExportDone {
            path: "/home/me/c.csv".into(),
            rows: 1204,
        };
        let message = export_notice(ExportKind::Customers, &done);
        assert_eq!(message, "Saved 1,204 customers to /home/me/c.csv.");
        let state = exported(Ok(Some(message.clone())));
        assert!(!state.busy);
        assert_eq!(state.notice, Some(Ok(message)));
        assert_eq!(exported(Ok(None)).notice, None, "a cancel says nothing");
        let one = ExportDone {
            path: "i.csv".into(),
            rows: 1,
        };
        assert_eq!(
            export_notice(ExportKind::Invoices, &one),
            "Saved 1 invoice to i.csv."
        );
    }

    #[test]
    fn smtp_with_a_new_password_is_sent_and_the_field_empties_after_saving() {
        let state = edited(|f| {
            f.smtp_on = true;
            f.host = " smtp.coffee.example ".into();
            f.from = "Coffee <billing@coffee.example>".into();
            f.username = "me".into();
            f.password = "pw".into();
        });
        let args = state.form.to_args("default").expect("valid");
        let smtp = args.smtp.expect("smtp");
        assert_eq!(smtp.host, "smtp.coffee.example");
        assert_eq!(smtp.port, 587);
        assert_eq!(args.smtp_password.as_deref(), Some("pw"));
        let state = state
            .reduce(SettingsAction::Busy)
            .reduce(SettingsAction::Done(Ok((view(), "Saved.".into()))));
        assert_eq!(state.form.password, "");
        assert_eq!(state.form.host, " smtp.coffee.example ", "the typing stays");
    }
}
