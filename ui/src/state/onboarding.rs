//! The onboarding screen's state: the key field and what became of it.

use std::rc::Rc;

use portal_ipc::{ErrorDto, KeyStatus};
use yew::Reducible;

/// What the screen shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OnboardingState {
    /// The key field's text. Cleared once the key is saved: the UI keeps no key.
    pub key: String,
    /// Whether the key field shows its characters.
    pub reveal: bool,
    /// Where the save is.
    pub phase: Phase,
    /// A key that was already saved when the screen opened.
    pub existing: Option<KeyStatus>,
    /// Whether the save under way asks Stripe first.
    pub verifying: bool,
}

/// The life of one save.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Phase {
    /// Typing.
    #[default]
    Editing,
    /// Waiting for the core.
    Saving,
    /// Stored in the keychain; `true` when Stripe confirmed the key first.
    Saved(KeyStatus, bool),
    /// Refused; the message says why.
    Failed(ErrorDto),
}

/// Everything that changes the screen.
#[derive(Debug, Clone, PartialEq)]
pub enum OnboardingAction {
    /// The key field changed.
    Edit(String),
    /// Show or hide the key's characters.
    ToggleReveal,
    /// The save button was pressed (`false`: store without asking Stripe).
    Submit(bool),
    /// The core stored the key.
    Saved(KeyStatus),
    /// The core refused the key.
    Failed(ErrorDto),
    /// The key already saved for the profile, if any.
    Loaded(Option<KeyStatus>),
}

impl OnboardingState {
    /// Whether the save button may be pressed.
    pub fn can_submit(&self) -> bool {
        self.phase != Phase::Saving
    }
}

impl Reducible for OnboardingState {
    type Action = OnboardingAction;

    fn reduce(self: Rc<Self>, action: OnboardingAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            OnboardingAction::Edit(key) => {
                next.key = key;
                // A new attempt replaces the last verdict.
                if !matches!(next.phase, Phase::Saving) {
                    next.phase = Phase::Editing;
                }
            }
            OnboardingAction::ToggleReveal => next.reveal = !next.reveal,
            OnboardingAction::Submit(verify) if self.can_submit() => {
                next.phase = Phase::Saving;
                next.verifying = verify;
            }
            OnboardingAction::Submit(_) => return self,
            OnboardingAction::Saved(status) => {
                next.key.clear();
                next.reveal = false;
                next.existing = Some(status.clone());
                next.phase = Phase::Saved(status, self.verifying);
            }
            OnboardingAction::Failed(error) => next.phase = Phase::Failed(error),
            OnboardingAction::Loaded(existing) => next.existing = existing,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_ipc::{ErrorCode, KeyKind, KeySource, Mode};

    fn status() -> KeyStatus {
        KeyStatus {
            profile: "default".into(),
            mode: Mode::Test,
            kind: KeyKind::Secret,
            last4: "abcd".into(),
            source: KeySource::Keychain,
            business_name: None,
            account_id: None,
        }
    }

    fn reduce(state: OnboardingState, actions: Vec<OnboardingAction>) -> OnboardingState {
        let mut state = Rc::new(state);
        for action in actions {
            state = state.reduce(action);
        }
        (*state).clone()
    }

    #[test]
    fn saving_clears_the_key_from_the_ui() {
        let state = reduce(
            OnboardingState::default(),
            vec![
                OnboardingAction::Edit("sk_test_secret".into()),
                OnboardingAction::Submit(true),
                OnboardingAction::Saved(status()),
            ],
        );
        assert_eq!(state.key, "", "the key must not linger in UI state");
        assert_eq!(state.phase, Phase::Saved(status(), true));
        assert_eq!(state.existing, Some(status()));
    }

    #[test]
    fn a_second_submit_while_saving_is_ignored() {
        let saving = reduce(
            OnboardingState::default(),
            vec![
                OnboardingAction::Edit("k".into()),
                OnboardingAction::Submit(true),
            ],
        );
        assert!(!saving.can_submit());
        let again = reduce(saving.clone(), vec![OnboardingAction::Submit(true)]);
        assert_eq!(again, saving);
    }

    #[test]
    fn an_unchecked_save_is_remembered_as_unchecked() {
        let state = reduce(
            OnboardingState::default(),
            vec![
                OnboardingAction::Submit(false),
                OnboardingAction::Saved(status()),
            ],
        );
        assert_eq!(state.phase, Phase::Saved(status(), false));
    }

    #[test]
    fn editing_after_an_error_clears_it() {
        let error = ErrorDto::new(ErrorCode::InvalidKey, "publishable");
        let state = reduce(
            OnboardingState::default(),
            vec![
                OnboardingAction::Submit(true),
                OnboardingAction::Failed(error.clone()),
            ],
        );
        assert_eq!(state.phase, Phase::Failed(error));
        let state = reduce(state, vec![OnboardingAction::Edit("sk".into())]);
        assert_eq!(state.phase, Phase::Editing);
    }
}
