//! The portal actions' state: one action at a time, its spinner and its
//! outcome, shown beside the customer it was for.

use std::rc::Rc;

use portal_ipc::{EmailDraft, EmailLink, EmailPurpose, ErrorCode, ErrorDto, PortalFlow};
use yew::Reducible;

/// What a portal button asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum PortalRequest {
    /// Open the portal, optionally deep-linked.
    Open(Option<PortalFlow>),
    /// Create a link and copy it.
    Copy,
}

/// Where the last action stands.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Phase {
    /// Nothing under way.
    #[default]
    Idle,
    /// Waiting for Stripe.
    Busy(PortalRequest),
    /// Opened in the browser.
    Opened,
    /// A link was created for "Copy link"; `true` once it is on the clipboard.
    Link(String, bool),
    /// Stripe has no portal settings yet: the recovery dialog.
    NotConfigured(ErrorDto),
    /// Anything else that failed, shown in place.
    Failed(ErrorDto),
}

/// The email dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct EmailDialog {
    /// What the email asks.
    pub purpose: EmailPurpose,
    /// Which link the email carries.
    pub link: EmailLink,
    /// The preview, once loaded.
    pub draft: Option<EmailDraft>,
    /// Sending (or loading the preview).
    pub busy: bool,
    /// The result line.
    pub outcome: Option<Result<String, ErrorDto>>,
    /// The durable link needs the login page turned on first.
    pub needs_login_page: bool,
    /// The user agreed to turn the login page on.
    pub enable_login_page: bool,
}

/// The portal actions of the customer on screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PortalState {
    /// The customer the phase belongs to.
    pub customer: Option<String>,
    /// Where the last action is.
    pub phase: Phase,
    /// The email dialog, when open.
    pub email: Option<EmailDialog>,
    /// The account's custom domain, as the last link Stripe made showed it:
    /// the window names it before a customer is sent there.
    pub custom_domain: Option<String>,
}

/// Everything that changes the portal actions.
#[derive(Debug, Clone, PartialEq)]
pub enum PortalAction {
    /// A request started for a customer.
    Start(String, PortalRequest),
    /// The portal opened (on the account's custom domain, if it has one).
    Opened(Option<String>),
    /// A link was made for copying (and the custom domain it opens, if any).
    Link(String, Option<String>),
    /// The link is on the clipboard.
    Copied,
    /// The request failed.
    Failed(ErrorDto),
    /// Close the dialog or the message.
    Dismiss,
    /// Open the email dialog for a customer: their portal link, or the
    /// request to update the card.
    EmailOpen(String, EmailPurpose),
    /// Choose the link kind (reloads the preview).
    EmailLink(EmailLink),
    /// Turn the portal's login page on (reloads the preview with its link).
    EmailEnableLoginPage,
    /// The preview arrived.
    EmailDraft(EmailDraft),
    /// Sending started.
    EmailSending,
    /// The preview or the send ended.
    EmailDone(Result<String, ErrorDto>),
    /// Close the email dialog.
    EmailClose,
}

impl PortalState {
    /// Whether a request for any customer is running (buttons wait).
    pub fn busy(&self) -> bool {
        matches!(self.phase, Phase::Busy(_))
    }

    /// The running request for `customer`, for its spinner.
    pub fn busy_for(&self, customer: &str) -> Option<&PortalRequest> {
        match &self.phase {
            Phase::Busy(action) if self.customer.as_deref() == Some(customer) => Some(action),
            _ => None,
        }
    }

    /// The phase when it belongs to `customer`.
    pub fn phase_for(&self, customer: &str) -> &Phase {
        if self.customer.as_deref() == Some(customer) {
            &self.phase
        } else {
            &Phase::Idle
        }
    }
}

impl Reducible for PortalState {
    type Action = PortalAction;

    fn reduce(self: Rc<Self>, action: PortalAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PortalAction::Start(customer, request) => {
                if self.busy() {
                    // One click, one session: a second click waits for the first.
                    return self;
                }
                next.customer = Some(customer);
                next.phase = Phase::Busy(request);
            }
            PortalAction::Opened(domain) => {
                next.phase = Phase::Opened;
                next.custom_domain = domain;
            }
            PortalAction::Link(url, domain) => {
                next.phase = Phase::Link(url, false);
                next.custom_domain = domain;
            }
            PortalAction::Copied => {
                if let Phase::Link(url, _) = &self.phase {
                    next.phase = Phase::Link(url.clone(), true);
                }
            }
            PortalAction::Failed(error) => {
                next.phase = if error.code == ErrorCode::NotConfigured {
                    Phase::NotConfigured(error)
                } else {
                    Phase::Failed(error)
                };
            }
            PortalAction::Dismiss => next.phase = Phase::Idle,
            PortalAction::EmailOpen(customer, purpose) => {
                next.customer = Some(customer);
                next.phase = Phase::Idle;
                next.email = Some(EmailDialog {
                    purpose,
                    link: EmailLink::Login,
                    draft: None,
                    busy: true,
                    outcome: None,
                    needs_login_page: false,
                    enable_login_page: false,
                });
            }
            PortalAction::EmailLink(link) => {
                if let Some(dialog) = &mut next.email {
                    dialog.link = link;
                    dialog.draft = None;
                    dialog.busy = true;
                    dialog.outcome = None;
                    dialog.needs_login_page = false;
                }
            }
            PortalAction::EmailEnableLoginPage => {
                if let Some(dialog) = &mut next.email {
                    dialog.enable_login_page = true;
                    dialog.draft = None;
                    dialog.busy = true;
                    dialog.outcome = None;
                    dialog.needs_login_page = false;
                }
            }
            PortalAction::EmailDraft(draft) => {
                if let Some(dialog) = &mut next.email {
                    dialog.draft = Some(draft);
                    dialog.busy = false;
                }
            }
            PortalAction::EmailSending => {
                if let Some(dialog) = &mut next.email {
                    dialog.busy = true;
                    dialog.outcome = None;
                }
            }
            PortalAction::EmailDone(outcome) => {
                if let Some(dialog) = &mut next.email {
                    dialog.busy = false;
                    dialog.needs_login_page = matches!(&outcome,
                        Err(e) if e.code == ErrorCode::LoginPageOff);
                    dialog.outcome = Some(outcome);
                }
            }
            PortalAction::EmailClose => next.email = None,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(actions: Vec<PortalAction>) -> PortalState {
        let mut state = Rc::new(PortalState::default());
        for action in actions {
            state = state.reduce(action);
        }
        (*state).clone()
    }

    #[test]
    fn the_custom_domain_of_the_last_link_is_remembered_for_the_next_click() {
        let state = apply(vec![
            PortalAction::Start("cus_1".into(), PortalRequest::Open(None)),
            PortalAction::Opened(Some("billing.acme.test".into())),
            PortalAction::Dismiss,
        ]);
        assert_eq!(state.custom_domain.as_deref(), Some("billing.acme.test"));
        // The account dropped its domain: the next link says so.
        let state = apply(vec![
            PortalAction::Opened(Some("billing.acme.test".into())),
            PortalAction::Start("cus_1".into(), PortalRequest::Copy),
            PortalAction::Link("https://billing.stripe.com/p/session/x".into(), None),
        ]);
        assert_eq!(state.custom_domain, None);
    }

    #[test]
    fn a_second_click_while_busy_is_ignored() {
        let state = apply(vec![
            PortalAction::Start("cus_1".into(), PortalRequest::Open(None)),
            PortalAction::Start("cus_2".into(), PortalRequest::Copy),
        ]);
        assert_eq!(state.customer.as_deref(), Some("cus_1"));
        assert_eq!(state.busy_for("cus_1"), Some(&PortalRequest::Open(None)));
        assert_eq!(state.busy_for("cus_2"), None);
    }

    #[test]
    fn not_configured_opens_the_recovery_and_other_errors_stay_in_place() {
        let error = |code| ErrorDto::new(code, "m");
        let state = apply(vec![
            PortalAction::Start("cus_1".into(), PortalRequest::Open(None)),
            PortalAction::Failed(error(ErrorCode::NotConfigured)),
        ]);
        assert!(matches!(state.phase, Phase::NotConfigured(_)));
        let state = apply(vec![
            PortalAction::Start("cus_1".into(), PortalRequest::Open(None)),
            PortalAction::Failed(error(ErrorCode::Offline)),
        ]);
        assert_eq!(
            state.phase_for("cus_1"),
            &Phase::Failed(error(ErrorCode::Offline))
        );
        assert_eq!(
            state.phase_for("cus_2"),
            &Phase::Idle,
            "only beside its customer"
        );
    }

    #[test]
    fn the_card_request_keeps_its_purpose_whichever_link_is_chosen() {
        let state = apply(vec![
            PortalAction::EmailOpen("cus_1".into(), EmailPurpose::UpdateCard),
            PortalAction::EmailLink(EmailLink::Session),
        ]);
        let dialog = state.email.expect("open");
        assert_eq!(dialog.purpose, EmailPurpose::UpdateCard);
        assert_eq!(dialog.link, EmailLink::Session);
        let state = apply(vec![PortalAction::EmailOpen(
            "cus_1".into(),
            EmailPurpose::UpdateCard,
        )]);
        assert_eq!(
            state.email.map(|d| d.link),
            Some(EmailLink::Login),
            "the sign-in link is the default here too"
        );
    }

    #[test]
    fn the_login_page_question_follows_its_error() {
        let state = apply(vec![
            PortalAction::EmailOpen("cus_1".into(), EmailPurpose::Portal),
            PortalAction::EmailDone(Err(ErrorDto::new(ErrorCode::LoginPageOff, "off"))),
        ]);
        assert!(state.email.as_ref().is_some_and(|d| d.needs_login_page));
        let state = apply(vec![
            PortalAction::EmailOpen("cus_1".into(), EmailPurpose::Portal),
            PortalAction::EmailLink(EmailLink::Session),
        ]);
        assert!(
            state
                .email
                .as_ref()
                .is_some_and(|d| !d.needs_login_page && d.busy)
        );
    }
}
