//! The configuration editor's fields and their checks: Stripe's limits and
//! rules, said in the window's language beside the field they are about.

use portal_ipc::{ConfigurationFields, ErrorDto};

/// Stripe's limit on a headline.
pub const HEADLINE_MAX: usize = 60;
/// Stripe's limit on products offered for switching.
pub const PRODUCTS_MAX: usize = 10;

/// A field the editor can flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Headline,
    PrivacyPolicyUrl,
    TermsOfServiceUrl,
    DefaultReturnUrl,
    Features,
    PlanProducts,
    /// Stripe's rule: plan switching needs card updates on.
    PlanSwitching,
}

/// The editor of one configuration (or a new one).
#[derive(Debug, Clone, PartialEq)]
pub struct Editor {
    /// `None` while creating.
    pub id: Option<String>,
    /// The fields, every one set.
    pub fields: ConfigurationFields,
    /// Make it the profile's configuration on save.
    pub use_it: bool,
    /// Loading the configuration from Stripe.
    pub loading: bool,
    /// Saving.
    pub saving: bool,
    /// A failure to load or save.
    pub error: Option<ErrorDto>,
    /// Set after a save.
    pub saved: bool,
    /// The user tried to save: show every problem, not only edited fields.
    pub tried: bool,
}

impl Editor {
    pub(super) fn new_configuration(use_it: bool) -> Editor {
        Editor {
            id: None,
            fields: recommended(),
            use_it,
            loading: false,
            saving: false,
            error: None,
            saved: false,
            tried: false,
        }
    }

    /// What is wrong with the fields now, per field.
    pub fn problems(&self) -> Vec<(Field, String)> {
        problems(&self.fields, self.id.is_none())
    }

    /// The problem to show beside `field`, if any.
    pub fn problem(&self, field: Field) -> Option<String> {
        self.problems()
            .into_iter()
            .find(|(f, _)| *f == field)
            .map(|(_, message)| message)
    }

    /// The fields as they are sent: settings of a turned-off feature are left
    /// as Stripe has them.
    pub fn to_send(&self) -> ConfigurationFields {
        let mut fields = self.fields.clone();
        let trim = |v: &mut Option<String>| {
            if let Some(text) = v {
                *text = text.trim().to_owned();
            }
        };
        trim(&mut fields.headline);
        trim(&mut fields.privacy_policy_url);
        trim(&mut fields.terms_of_service_url);
        trim(&mut fields.default_return_url);
        if fields.cancel_mode.as_deref() != Some("immediately") {
            fields.cancel_proration = None;
        }
        if fields.cancel_mode.as_deref() == Some("off") {
            fields.cancel_reasons = None;
        }
        if fields.plan_switching != Some(true) {
            fields.plan_products = None;
            fields.plan_updates = None;
            fields.plan_proration = None;
            fields.schedule_at_period_end = None;
        }
        fields
    }
}

/// A new configuration starts from the settings most businesses want.
pub(super) fn recommended() -> ConfigurationFields {
    ConfigurationFields {
        headline: Some(String::new()),
        privacy_policy_url: Some(String::new()),
        terms_of_service_url: Some(String::new()),
        default_return_url: Some(String::new()),
        login_page: Some(true),
        customer_updates: Some(vec!["email".into(), "address".into(), "phone".into()]),
        invoice_history: Some(true),
        payment_method_update: Some(true),
        cancel_mode: Some("at_period_end".into()),
        cancel_proration: Some("none".into()),
        cancel_reasons: Some(true),
        plan_switching: Some(false),
        plan_products: Some(Vec::new()),
        plan_updates: Some(vec!["price".into()]),
        plan_proration: Some("create_prorations".into()),
        schedule_at_period_end: Some(false),
    }
}

fn check_link(field: Field, value: &Option<String>, out: &mut Vec<(Field, String)>) {
    let Some(url) = value.as_deref().map(str::trim).filter(|u| !u.is_empty()) else {
        return;
    };
    let host = url
        .strip_prefix("https://")
        .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or_default());
    match host {
        None => out.push((field, t!("configurations-problem-https"))),
        Some(host) if !host.contains('.') || host.contains(' ') => {
            out.push((field, t!("configurations-problem-not-web-address")))
        }
        Some(_) if url.chars().count() > 2000 => out.push((
            field,
            t!("configurations-problem-link-too-long", max = 2000),
        )),
        Some(_) => {}
    }
}

/// The problems of `fields`; `creating` also needs a feature turned on.
pub fn problems(fields: &ConfigurationFields, creating: bool) -> Vec<(Field, String)> {
    let mut out = Vec::new();
    if let Some(headline) = fields.headline.as_deref().map(str::trim) {
        let length = headline.chars().count();
        if length > HEADLINE_MAX {
            out.push((
                Field::Headline,
                t!(
                    "configurations-problem-headline-too-long",
                    max = HEADLINE_MAX,
                    length = length
                ),
            ));
        } else if headline.chars().any(char::is_control) {
            out.push((
                Field::Headline,
                t!("configurations-problem-headline-one-line"),
            ));
        }
    }
    check_link(
        Field::PrivacyPolicyUrl,
        &fields.privacy_policy_url,
        &mut out,
    );
    check_link(
        Field::TermsOfServiceUrl,
        &fields.terms_of_service_url,
        &mut out,
    );
    check_link(
        Field::DefaultReturnUrl,
        &fields.default_return_url,
        &mut out,
    );
    let on = |flag: Option<bool>| flag == Some(true);
    let switching = on(fields.plan_switching);
    if creating
        && !on(fields.invoice_history)
        && !on(fields.payment_method_update)
        && fields.customer_updates.as_ref().is_none_or(Vec::is_empty)
        && fields.cancel_mode.as_deref().is_none_or(|m| m == "off")
        && !switching
    {
        out.push((Field::Features, t!("configurations-problem-no-features")));
    }
    // Stripe refuses it, so it is said here before anything is sent.
    if switching && !on(fields.payment_method_update) {
        out.push((Field::PlanSwitching, t!("configurations-problem-card-rule")));
    }
    if switching {
        let chosen = fields.plan_products.as_ref().map_or(0, Vec::len);
        if chosen == 0 {
            out.push((
                Field::PlanProducts,
                t!("configurations-problem-no-products"),
            ));
        } else if chosen > PRODUCTS_MAX {
            out.push((
                Field::PlanProducts,
                t!(
                    "configurations-problem-too-many-products",
                    max = PRODUCTS_MAX,
                    count = chosen
                ),
            ));
        }
    }
    out
}
