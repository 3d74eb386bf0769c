//! The configurations screen: the list, and one editor whose fields are
//! checked as they are typed. Stripe and the core check again on save; the
//! checks here (`editor`) are so a mistake is named beside its field, before
//! any request.

mod editor;

use std::rc::Rc;

use portal_ipc::{
    ConfigurationDetail, ConfigurationFields, ConfigurationSummary, ErrorDto, ProductOption,
};
use yew::Reducible;

pub use editor::{Editor, Field, HEADLINE_MAX, PRODUCTS_MAX};

/// The screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ConfigurationsState {
    /// The account's configurations, once loaded.
    pub list: Option<Result<Vec<ConfigurationSummary>, ErrorDto>>,
    /// Products plan switching can offer (from the cache).
    pub products: Vec<ProductOption>,
    /// The editor, when open.
    pub editor: Option<Editor>,
    /// A line about the last save or switch.
    pub notice: Option<String>,
    /// Bumped to load the list again.
    pub version: u64,
}

/// What changes the screen.
#[derive(Clone)]
pub enum ConfigurationsAction {
    Listed(Result<Vec<ConfigurationSummary>, ErrorDto>),
    Products(Vec<ProductOption>),
    /// Open an empty editor.
    New,
    /// Open the editor on `id`, loading it.
    Edit(String),
    Loaded(Box<Result<ConfigurationDetail, ErrorDto>>),
    /// Change the fields.
    Change(Rc<dyn Fn(&mut ConfigurationFields)>),
    UseIt(bool),
    /// Save pressed: shows every problem, and starts saving only without any.
    Saving,
    Saved(Result<String, ErrorDto>),
    Close,
    /// A configuration became the profile's.
    Used(Result<String, ErrorDto>),
    Reload,
}

impl Reducible for ConfigurationsState {
    type Action = ConfigurationsAction;

    fn reduce(self: Rc<Self>, action: ConfigurationsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ConfigurationsAction::Listed(list) => next.list = Some(list),
            ConfigurationsAction::Products(products) => next.products = products,
            ConfigurationsAction::New => {
                // The first configuration of a profile is the one its links use.
                let none_in_use = match &next.list {
                    Some(Ok(list)) => !list.iter().any(|c| c.in_use),
                    _ => true,
                };
                next.editor = Some(Editor::new_configuration(none_in_use));
                next.notice = None;
            }
            ConfigurationsAction::Edit(id) => {
                let in_use = matches!(&next.list, Some(Ok(list)) if list.iter().any(|c| c.id == id && c.in_use));
                next.editor = Some(Editor {
                    id: Some(id),
                    loading: true,
                    use_it: in_use,
                    ..Editor::new_configuration(false)
                });
                next.notice = None;
            }
            ConfigurationsAction::Loaded(result) => {
                let result = *result;
                let Some(editor) = next.editor.as_mut().filter(|e| e.loading) else {
                    return self;
                };
                editor.loading = false;
                match result {
                    Ok(detail) if editor.id.as_deref() == Some(detail.id.as_str()) => {
                        editor.fields = detail.fields;
                        editor.use_it = detail.in_use;
                    }
                    Ok(_) => return self,
                    Err(error) => editor.error = Some(error),
                }
            }
            ConfigurationsAction::Change(change) => {
                let Some(editor) = next.editor.as_mut() else {
                    return self;
                };
                change(&mut editor.fields);
                editor.saved = false;
            }
            ConfigurationsAction::UseIt(on) => {
                if let Some(editor) = next.editor.as_mut() {
                    editor.use_it = on;
                    editor.saved = false;
                }
            }
            ConfigurationsAction::Saving => {
                let Some(editor) = next.editor.as_mut() else {
                    return self;
                };
                editor.tried = true;
                editor.error = None;
                editor.saved = false;
                editor.saving = editor.problems().is_empty();
            }
            ConfigurationsAction::Saved(result) => {
                // Saved in Stripe even if the editor was closed meanwhile.
                if result.is_ok() {
                    next.version += 1;
                }
                let Some(editor) = next.editor.as_mut() else {
                    return Rc::new(next);
                };
                editor.saving = false;
                match result {
                    Ok(id) => {
                        editor.id = Some(id);
                        editor.saved = true;
                    }
                    Err(error) => editor.error = Some(error),
                }
            }
            ConfigurationsAction::Close => next.editor = None,
            ConfigurationsAction::Used(result) => match result {
                Ok(id) => {
                    next.notice = Some(t!("configurations-notice-used", id = id));
                    next.version += 1;
                }
                Err(error) => next.notice = Some(error.message),
            },
            ConfigurationsAction::Reload => next.version += 1,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::editor::{problems, recommended};
    use super::*;
    use portal_ipc::ErrorCode;

    fn state() -> Rc<ConfigurationsState> {
        Rc::new(ConfigurationsState::default())
    }

    fn change(f: impl Fn(&mut ConfigurationFields) + 'static) -> ConfigurationsAction {
        ConfigurationsAction::Change(Rc::new(f))
    }

    #[test]
    fn a_new_configuration_is_valid_and_is_used_when_none_is() {
        let state = state().reduce(ConfigurationsAction::New);
        let editor = state.editor.as_ref().expect("open");
        assert!(editor.problems().is_empty(), "{:?}", editor.problems());
        assert!(editor.use_it);
    }

    #[test]
    fn each_bad_field_is_named_and_blocks_saving() {
        type Edit = fn(&mut ConfigurationFields);
        let cases: [(Edit, Field); 7] = [
            (|f| f.headline = Some("x".repeat(61)), Field::Headline),
            (
                |f| {
                    f.plan_switching = Some(true);
                    f.payment_method_update = Some(false);
                },
                Field::PlanSwitching,
            ),
            (|f| f.headline = Some("two\nlines".into()), Field::Headline),
            (
                |f| f.privacy_policy_url = Some("http://acme.test/privacy".into()),
                Field::PrivacyPolicyUrl,
            ),
            (
                |f| f.terms_of_service_url = Some("https://not a host".into()),
                Field::TermsOfServiceUrl,
            ),
            (|f| f.plan_switching = Some(true), Field::PlanProducts),
            (
                |f| {
                    f.invoice_history = Some(false);
                    f.payment_method_update = Some(false);
                    f.customer_updates = Some(vec![]);
                    f.cancel_mode = Some("off".into());
                },
                Field::Features,
            ),
        ];
        for (edit, field) in cases {
            let state = state()
                .reduce(ConfigurationsAction::New)
                .reduce(change(edit))
                .reduce(ConfigurationsAction::Saving);
            let editor = state.editor.as_ref().expect("open");
            assert!(editor.problem(field).is_some(), "{field:?}");
            assert!(!editor.saving, "{field:?} blocks the save");
        }
    }

    #[test]
    fn the_problems_read_as_before_in_english() {
        let mut fields = recommended();
        fields.headline = Some("x".repeat(61));
        fields.privacy_policy_url = Some(format!("https://acme.test/{}", "p".repeat(2000)));
        fields.plan_switching = Some(true);
        fields.payment_method_update = Some(false);
        fields.plan_products = Some((0..11).map(|i| format!("prod_{i}")).collect());
        let messages: Vec<String> = problems(&fields, false)
            .into_iter()
            .map(|(_, message)| message)
            .collect();
        assert_eq!(
            messages,
            [
                "At most 60 characters (61 now)",
                "Use a link shorter than 2,000 characters",
                "Stripe lets customers switch plans only while they can also update their card: turn on “Update their card and payment methods” first",
                "Stripe allows at most 10 products (11 chosen)",
            ]
        );
        let state = state().reduce(ConfigurationsAction::Used(Ok("bpc_1".into())));
        assert_eq!(state.notice.as_deref(), Some("Portal links now use bpc_1."));
    }

    #[test]
    fn sixty_characters_and_empty_links_are_fine() {
        let state = state()
            .reduce(ConfigurationsAction::New)
            .reduce(change(|f| {
                f.headline = Some("é".repeat(60));
                f.privacy_policy_url = Some("  ".into());
                f.default_return_url = Some("https://acme.test/account?tab=billing".into());
            }));
        assert!(state.editor.as_ref().expect("open").problems().is_empty());
    }

    #[test]
    fn settings_of_turned_off_features_are_not_sent() {
        let state = state()
            .reduce(ConfigurationsAction::New)
            .reduce(change(|f| {
                f.cancel_mode = Some("at_period_end".into());
                f.cancel_proration = Some("create_prorations".into());
                f.plan_switching = Some(false);
                f.plan_products = Some(vec!["prod_A".into()]);
                f.headline = Some("  Acme  ".into());
            }));
        let sent = state.editor.as_ref().expect("open").to_send();
        assert_eq!(sent.cancel_proration, None);
        assert_eq!(sent.plan_products, None);
        assert_eq!(sent.headline.as_deref(), Some("Acme"));
    }

    #[test]
    fn a_late_answer_for_another_configuration_is_ignored() {
        let detail = |id: &str| ConfigurationDetail {
            id: id.into(),
            is_default: false,
            login_page_url: None,
            in_use: true,
            fields: ConfigurationFields {
                headline: Some(id.into()),
                ..Default::default()
            },
        };
        let state = state()
            .reduce(ConfigurationsAction::Edit("bpc_B".into()))
            .reduce(ConfigurationsAction::Loaded(Box::new(Ok(detail("bpc_A")))));
        let editor = state.editor.as_ref().expect("open");
        assert!(editor.loading, "still waiting for bpc_B");
        let state = state.reduce(ConfigurationsAction::Loaded(Box::new(Ok(detail("bpc_B")))));
        let editor = state.editor.as_ref().expect("open");
        assert_eq!(editor.fields.headline.as_deref(), Some("bpc_B"));
        assert!(editor.use_it);
    }

    #[test]
    fn a_refused_save_keeps_the_edits_and_shows_why() {
        let state = state()
            .reduce(ConfigurationsAction::New)
            .reduce(change(|f| f.headline = Some("Acme".into())))
            .reduce(ConfigurationsAction::Saving);
        assert!(state.editor.as_ref().expect("open").saving);
        let state = state.reduce(ConfigurationsAction::Saved(Err(ErrorDto::new(
            ErrorCode::Offline,
            "Stripe can't be reached",
        ))));
        let editor = state.editor.as_ref().expect("open");
        assert!(!editor.saving && !editor.saved);
        assert_eq!(editor.fields.headline.as_deref(), Some("Acme"));
        assert!(editor.error.is_some());
        let state = state
            .reduce(ConfigurationsAction::Saving)
            .reduce(ConfigurationsAction::Saved(Ok("bpc_New".into())));
        let editor = state.editor.as_ref().expect("open");
        assert!(editor.saved && editor.error.is_none());
        assert_eq!(
            editor.id.as_deref(),
            Some("bpc_New"),
            "later saves update it"
        );
        assert_eq!(state.version, 1, "the list reloads");
    }

    #[test]
    fn a_save_that_lands_after_escape_still_reloads_the_list() {
        let state = state()
            .reduce(ConfigurationsAction::New)
            .reduce(ConfigurationsAction::Saving)
            .reduce(ConfigurationsAction::Close)
            .reduce(ConfigurationsAction::Saved(Ok("bpc_New".into())));
        assert!(state.editor.is_none(), "it stays closed");
        assert_eq!(state.version, 1, "the new settings are listed");
    }
}
