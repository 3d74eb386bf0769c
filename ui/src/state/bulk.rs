//! Bulk email: choose the recipients by filter, preview who gets it and who is
//! skipped, send, then see each recipient's result.

use std::rc::Rc;

use portal_ipc::{BulkEmailArgs, BulkRecipient, BulkReport, EmailLink, ErrorCode, ErrorDto};
use yew::Reducible;

/// The screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BulkState {
    /// Only this status (`None`: everyone).
    pub status: Option<String>,
    /// Only customers matching this search.
    pub search: String,
    /// The campaign's name (blank: the filter and today's date).
    pub campaign: String,
    /// Which link the emails carry.
    pub link: EmailLink,
    /// The user agreed to turn the sign-in page on.
    pub enable_login_page: bool,
    /// The preview for the current filter.
    pub recipients: Option<Vec<BulkRecipient>>,
    /// Waiting for the preview or the send.
    pub busy: Option<Busy>,
    /// The last failure.
    pub error: Option<ErrorDto>,
    /// The durable link needs the sign-in page turned on first.
    pub needs_login_page: bool,
    /// The result of the send.
    pub report: Option<BulkReport>,
}

/// What the screen waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Busy {
    Previewing,
    Sending,
}

impl BulkState {
    /// The arguments of the preview and the send.
    pub fn args(&self, profile: &str) -> BulkEmailArgs {
        BulkEmailArgs {
            profile: profile.to_owned(),
            campaign: self.campaign.trim().to_owned(),
            status: self.status.clone(),
            search: Some(self.search.trim().to_owned()).filter(|s| !s.is_empty()),
            link: self.link,
            enable_login_page: self.enable_login_page,
        }
    }

    /// Recipients the send would email.
    pub fn deliverable(&self) -> usize {
        self.recipients
            .as_ref()
            .map_or(0, |r| r.iter().filter(|r| r.skip.is_none()).count())
    }

    /// Send is possible: a preview with someone to email, nothing under way.
    pub fn can_send(&self) -> bool {
        self.busy.is_none() && self.report.is_none() && self.deliverable() > 0
    }
}

/// What changes the screen.
#[derive(Debug, Clone, PartialEq)]
pub enum BulkAction {
    Status(Option<String>),
    Search(String),
    Campaign(String),
    Link(EmailLink),
    Preview,
    Previewed(Result<Vec<BulkRecipient>, ErrorDto>),
    /// The user agreed to turn the sign-in page on (then previews again).
    EnableLoginPage,
    Send,
    Sent(Result<BulkReport, ErrorDto>),
    /// Start over with the same filter.
    Again,
}

impl Reducible for BulkState {
    type Action = BulkAction;

    fn reduce(self: Rc<Self>, action: BulkAction) -> Rc<Self> {
        let mut next = (*self).clone();
        // A changed choice makes the preview stale.
        let stale = |next: &mut BulkState| {
            next.recipients = None;
            next.report = None;
            next.error = None;
            next.needs_login_page = false;
        };
        match action {
            BulkAction::Status(status) => {
                next.status = status;
                stale(&mut next);
            }
            BulkAction::Search(text) => {
                next.search = text;
                stale(&mut next);
            }
            BulkAction::Campaign(name) => {
                next.campaign = name;
                stale(&mut next);
            }
            BulkAction::Link(link) => {
                next.link = link;
                stale(&mut next);
            }
            BulkAction::Preview => {
                if next.busy.is_some() {
                    return self;
                }
                stale(&mut next);
                next.busy = Some(Busy::Previewing);
            }
            BulkAction::Previewed(result) => {
                if next.busy != Some(Busy::Previewing) {
                    return self;
                }
                next.busy = None;
                match result {
                    Ok(recipients) => next.recipients = Some(recipients),
                    Err(error) => next.error = Some(error),
                }
            }
            BulkAction::EnableLoginPage => {
                next.enable_login_page = true;
                next.needs_login_page = false;
                next.error = None;
            }
            BulkAction::Send => {
                if !next.can_send() {
                    return self;
                }
                next.busy = Some(Busy::Sending);
                next.error = None;
            }
            BulkAction::Sent(result) => {
                if next.busy != Some(Busy::Sending) {
                    return self;
                }
                next.busy = None;
                match result {
                    Ok(report) => next.report = Some(report),
                    Err(error) => {
                        next.needs_login_page = error.code == ErrorCode::LoginPageOff;
                        next.error = Some(error);
                    }
                }
            }
            BulkAction::Again => stale(&mut next),
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recipient(id: &str, skip: Option<&str>) -> BulkRecipient {
        BulkRecipient {
            customer_id: id.into(),
            name: None,
            email: Some(format!("{id}@example.com")),
            skip: skip.map(str::to_owned),
        }
    }

    fn previewed() -> Rc<BulkState> {
        Rc::new(BulkState::default())
            .reduce(BulkAction::Status(Some("past_due".into())))
            .reduce(BulkAction::Preview)
            .reduce(BulkAction::Previewed(Ok(vec![
                recipient("cus_A", None),
                recipient("cus_B", Some("no email address")),
            ])))
    }

    #[test]
    fn only_a_preview_with_someone_to_email_can_be_sent() {
        let empty = Rc::new(BulkState::default());
        assert!(!empty.can_send(), "no preview yet");
        let state = previewed();
        assert_eq!(state.deliverable(), 1);
        assert!(state.can_send());
        let none = state
            .reduce(BulkAction::Preview)
            .reduce(BulkAction::Previewed(Ok(vec![recipient(
                "cus_B",
                Some("x"),
            )])));
        assert!(!none.can_send(), "everyone is skipped");
    }

    #[test]
    fn changing_the_filter_drops_the_preview() {
        let state = previewed().reduce(BulkAction::Search("acme".into()));
        assert_eq!(state.recipients, None);
        assert!(!state.can_send());
        let args = state.args("default");
        assert_eq!(args.status.as_deref(), Some("past_due"));
        assert_eq!(args.search.as_deref(), Some("acme"));
    }

    #[test]
    fn a_send_runs_once_and_its_report_replaces_the_send_button() {
        let state = previewed().reduce(BulkAction::Send);
        assert_eq!(state.busy, Some(Busy::Sending));
        let twice = state.clone().reduce(BulkAction::Send);
        assert_eq!(twice.busy, Some(Busy::Sending));
        let report = BulkReport {
            campaign: "c".into(),
            sent: 1,
            failed: 0,
            skipped: 1,
            results: vec![],
        };
        let done = state.reduce(BulkAction::Sent(Ok(report.clone())));
        assert_eq!(done.report, Some(report));
        assert!(!done.can_send(), "sent: start again to send more");
    }

    #[test]
    fn a_sign_in_page_refusal_asks_to_turn_it_on() {
        let state = previewed()
            .reduce(BulkAction::Send)
            .reduce(BulkAction::Sent(Err(ErrorDto::new(
                ErrorCode::LoginPageOff,
                "off",
            ))));
        assert!(state.needs_login_page);
        assert!(state.recipients.is_some(), "the preview stays");
        let state = state.reduce(BulkAction::EnableLoginPage);
        assert!(state.enable_login_page && !state.needs_login_page);
        assert!(state.args("default").enable_login_page);
        assert!(state.can_send());
    }

    #[test]
    fn blank_search_and_campaign_are_sent_as_blank() {
        let state = Rc::new(BulkState::default())
            .reduce(BulkAction::Search("   ".into()))
            .reduce(BulkAction::Campaign("  ".into()));
        let args = state.args("default");
        assert_eq!(args.search, None);
        assert_eq!(args.campaign, "");
    }
}
