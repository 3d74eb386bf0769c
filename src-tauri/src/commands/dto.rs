//! Every conversion between the core's types and the contract's
//! (`portal_ipc`): the types that exist on both sides, mirrored.
//!
//! The core never depends on the contract (its types carry the core's own
//! meaning, and serde shapes for the webview are not its business), and the
//! contract never depends on the core (it compiles to wasm32 for the UI). So
//! the shell, which sees both, converts, here and only here. A command builds
//! its response from these; a new variant on either side fails to compile
//! below, and the round-trip test checks each pair both ways.

use portal_core::cache::activity::Entry;
use portal_core::cache::customers::{CustomerSummary, SortOrder, StatusFilter};
use portal_core::configurations::{CancelMode, ConfigurationSpec};
use portal_core::export::ExportKind;
use portal_core::mail::{EmailPurpose, LinkKind};
use portal_core::portal::{AfterCompletion, DashboardPage, Flow, PortalError};
use portal_core::{InvoiceDocument, KeyInfo, KeyKind, KeySource, Mode};
use portal_ipc as ipc;

/// A contract type with a twin in the core.
pub trait IntoCore {
    /// The core's twin.
    type Core;
    /// The same value, as the core has it.
    fn into_core(self) -> Self::Core;
}

/// A core type with a twin in the contract.
pub trait IntoDto {
    /// The contract's twin.
    type Dto;
    /// The same value, as the contract has it.
    fn into_dto(self) -> Self::Dto;
}

/// Every variant of a mirrored enum, for the round-trip test.
#[cfg(test)]
trait Variants: Sized + 'static {
    const ALL: &'static [Self];
}

/// A contract enum and a core enum with the same unit variants: both
/// conversions from one list, so an arm can't be crossed.
macro_rules! mirror {
    (ipc::$dto:ident <=> $core:ident { $($variant:ident),+ $(,)? }) => {
        impl IntoCore for ipc::$dto {
            type Core = $core;
            fn into_core(self) -> $core {
                match self {
                    $(ipc::$dto::$variant => $core::$variant,)+
                }
            }
        }

        impl IntoDto for $core {
            type Dto = ipc::$dto;
            fn into_dto(self) -> ipc::$dto {
                match self {
                    $($core::$variant => ipc::$dto::$variant,)+
                }
            }
        }

        #[cfg(test)]
        impl Variants for ipc::$dto {
            const ALL: &'static [ipc::$dto] = &[$(ipc::$dto::$variant),+];
        }
    };
}

mirror!(ipc::Mode <=> Mode { Test, Live });
mirror!(ipc::KeyKind <=> KeyKind { Secret, Restricted });
mirror!(ipc::KeySource <=> KeySource { Keychain, Environment });
mirror!(ipc::CustomerStatus <=> StatusFilter {
    Active,
    Trialing,
    PastDue,
    Unpaid,
    Incomplete,
    Paused,
    Canceled,
    None,
    NeedsAttention,
});
mirror!(ipc::CustomerSort <=> SortOrder { Name, Created, NextRenewal });
mirror!(ipc::EmailLink <=> LinkKind { Login, Session });
mirror!(ipc::EmailPurpose <=> EmailPurpose { Portal, UpdateCard });
mirror!(ipc::InvoiceDocument <=> InvoiceDocument { Pdf, HostedPage });
mirror!(ipc::ExportKind <=> ExportKind { Customers, Invoices });

impl IntoCore for ipc::DashboardPage {
    type Core = DashboardPage;
    fn into_core(self) -> DashboardPage {
        match self {
            ipc::DashboardPage::ApiKeys => DashboardPage::ApiKeys,
            ipc::DashboardPage::PortalSettings { mode } => {
                DashboardPage::PortalSettings(mode.into_core())
            }
        }
    }
}

impl IntoDto for DashboardPage {
    type Dto = ipc::DashboardPage;
    fn into_dto(self) -> ipc::DashboardPage {
        match self {
            DashboardPage::ApiKeys => ipc::DashboardPage::ApiKeys,
            DashboardPage::PortalSettings(mode) => ipc::DashboardPage::PortalSettings {
                mode: mode.into_dto(),
            },
        }
    }
}

impl IntoCore for ipc::PortalFlow {
    type Core = Flow;
    fn into_core(self) -> Flow {
        match self {
            ipc::PortalFlow::PaymentMethodUpdate => Flow::PaymentMethodUpdate,
            ipc::PortalFlow::SubscriptionCancel { retention_coupon } => {
                Flow::SubscriptionCancel { retention_coupon }
            }
            ipc::PortalFlow::SubscriptionUpdate => Flow::SubscriptionUpdate,
            ipc::PortalFlow::SubscriptionUpdateConfirm {
                price,
                quantity,
                item,
            } => Flow::SubscriptionUpdateConfirm {
                price,
                quantity,
                item,
            },
        }
    }
}

impl IntoDto for Flow {
    type Dto = ipc::PortalFlow;
    fn into_dto(self) -> ipc::PortalFlow {
        match self {
            Flow::PaymentMethodUpdate => ipc::PortalFlow::PaymentMethodUpdate,
            Flow::SubscriptionCancel { retention_coupon } => {
                ipc::PortalFlow::SubscriptionCancel { retention_coupon }
            }
            Flow::SubscriptionUpdate => ipc::PortalFlow::SubscriptionUpdate,
            Flow::SubscriptionUpdateConfirm {
                price,
                quantity,
                item,
            } => ipc::PortalFlow::SubscriptionUpdateConfirm {
                price,
                quantity,
                item,
            },
        }
    }
}

impl IntoCore for ipc::AfterCompletion {
    type Core = AfterCompletion;
    fn into_core(self) -> AfterCompletion {
        match self {
            ipc::AfterCompletion::Redirect { url } => AfterCompletion::Redirect { url },
            ipc::AfterCompletion::HostedConfirmation { message } => {
                AfterCompletion::HostedConfirmation { message }
            }
            ipc::AfterCompletion::PortalHomepage => AfterCompletion::PortalHomepage,
        }
    }
}

impl IntoDto for AfterCompletion {
    type Dto = ipc::AfterCompletion;
    fn into_dto(self) -> ipc::AfterCompletion {
        match self {
            AfterCompletion::Redirect { url } => ipc::AfterCompletion::Redirect { url },
            AfterCompletion::HostedConfirmation { message } => {
                ipc::AfterCompletion::HostedConfirmation { message }
            }
            AfterCompletion::PortalHomepage => ipc::AfterCompletion::PortalHomepage,
        }
    }
}

/// The form's 16 fields as the core's spec; only the cancel mode can be
/// refused (the core checks the rest when it encodes them).
pub fn spec(fields: ipc::ConfigurationFields) -> Result<ConfigurationSpec, PortalError> {
    Ok(ConfigurationSpec {
        cancel_mode: fields
            .cancel_mode
            .as_deref()
            .map(CancelMode::parse)
            .transpose()?,
        headline: fields.headline,
        privacy_policy_url: fields.privacy_policy_url,
        terms_of_service_url: fields.terms_of_service_url,
        default_return_url: fields.default_return_url,
        login_page: fields.login_page,
        customer_updates: fields.customer_updates,
        invoice_history: fields.invoice_history,
        payment_method_update: fields.payment_method_update,
        cancel_proration: fields.cancel_proration,
        cancel_reasons: fields.cancel_reasons,
        plan_switching: fields.plan_switching,
        plan_products: fields.plan_products,
        plan_updates: fields.plan_updates,
        plan_proration: fields.plan_proration,
        schedule_at_period_end: fields.schedule_at_period_end,
    })
}

impl IntoDto for ConfigurationSpec {
    type Dto = ipc::ConfigurationFields;
    fn into_dto(self) -> ipc::ConfigurationFields {
        ipc::ConfigurationFields {
            headline: self.headline,
            privacy_policy_url: self.privacy_policy_url,
            terms_of_service_url: self.terms_of_service_url,
            default_return_url: self.default_return_url,
            login_page: self.login_page,
            customer_updates: self.customer_updates,
            invoice_history: self.invoice_history,
            payment_method_update: self.payment_method_update,
            cancel_mode: self.cancel_mode.map(|mode| mode.as_str().to_owned()),
            cancel_proration: self.cancel_proration,
            cancel_reasons: self.cancel_reasons,
            plan_switching: self.plan_switching,
            plan_products: self.plan_products,
            plan_updates: self.plan_updates,
            plan_proration: self.plan_proration,
            schedule_at_period_end: self.schedule_at_period_end,
        }
    }
}

impl IntoDto for KeyInfo {
    type Dto = ipc::KeyStatus;
    fn into_dto(self) -> ipc::KeyStatus {
        ipc::KeyStatus {
            profile: self.profile.to_string(),
            mode: self.mode.into_dto(),
            kind: self.kind.into_dto(),
            last4: self.last4,
            source: self.source.into_dto(),
            business_name: self.business_name,
            account_id: self.account_id,
        }
    }
}

impl IntoDto for CustomerSummary {
    type Dto = ipc::CustomerRow;
    fn into_dto(self) -> ipc::CustomerRow {
        ipc::CustomerRow {
            id: self.id,
            name: self.name,
            email: self.email,
            status: self.status,
        }
    }
}

impl IntoDto for Entry {
    type Dto = ipc::ActivityEntry;
    fn into_dto(self) -> ipc::ActivityEntry {
        ipc::ActivityEntry {
            at: self.at,
            customer_id: self.customer_id,
            kind: self.kind,
            message: self.message,
            args: self.args,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Debug;

    /// Contract → core → contract gives the value back, and so does core →
    /// contract → core.
    fn round_trips<D>(dto: D)
    where
        D: IntoCore + Clone + PartialEq + Debug,
        D::Core: IntoDto<Dto = D> + Clone + PartialEq + Debug,
    {
        let core = dto.clone().into_core();
        assert_eq!(core.clone().into_dto(), dto, "{core:?}");
        assert_eq!(core.clone().into_dto().into_core(), core, "{dto:?}");
    }

    fn every<D: Variants + IntoCore + Clone + PartialEq + Debug>()
    where
        D::Core: IntoDto<Dto = D> + Clone + PartialEq + Debug,
    {
        for dto in D::ALL {
            round_trips(dto.clone());
        }
    }

    #[test]
    fn every_mirrored_enum_round_trips() {
        every::<ipc::Mode>();
        every::<ipc::KeyKind>();
        every::<ipc::KeySource>();
        every::<ipc::CustomerStatus>();
        every::<ipc::CustomerSort>();
        every::<ipc::EmailLink>();
        every::<ipc::EmailPurpose>();
        every::<ipc::InvoiceDocument>();
        every::<ipc::ExportKind>();
    }

    #[test]
    fn every_flow_page_and_after_completion_round_trips() {
        for page in [
            ipc::DashboardPage::ApiKeys,
            ipc::DashboardPage::PortalSettings {
                mode: ipc::Mode::Test,
            },
            ipc::DashboardPage::PortalSettings {
                mode: ipc::Mode::Live,
            },
        ] {
            round_trips(page);
        }
        for flow in [
            ipc::PortalFlow::PaymentMethodUpdate,
            ipc::PortalFlow::SubscriptionCancel {
                retention_coupon: Some("coupon_1".into()),
            },
            ipc::PortalFlow::SubscriptionCancel {
                retention_coupon: None,
            },
            ipc::PortalFlow::SubscriptionUpdate,
            ipc::PortalFlow::SubscriptionUpdateConfirm {
                price: "price_1".into(),
                quantity: Some(2),
                item: Some("si_1".into()),
            },
        ] {
            round_trips(flow);
        }
        for after in [
            ipc::AfterCompletion::Redirect {
                url: "https://example.com".into(),
            },
            ipc::AfterCompletion::HostedConfirmation {
                message: Some("Thanks".into()),
            },
            ipc::AfterCompletion::HostedConfirmation { message: None },
            ipc::AfterCompletion::PortalHomepage,
        ] {
            round_trips(after);
        }
    }

    #[test]
    fn the_configuration_s_16_fields_round_trip() -> Result<(), PortalError> {
        let full = |cancel_mode: Option<&str>| ipc::ConfigurationFields {
            headline: Some("Billing".into()),
            privacy_policy_url: Some("https://example.com/privacy".into()),
            terms_of_service_url: Some("https://example.com/terms".into()),
            default_return_url: Some("https://example.com".into()),
            login_page: Some(true),
            customer_updates: Some(vec!["email".into(), "address".into()]),
            invoice_history: Some(true),
            payment_method_update: Some(false),
            cancel_mode: cancel_mode.map(str::to_owned),
            cancel_proration: Some("none".into()),
            cancel_reasons: Some(true),
            plan_switching: Some(false),
            plan_products: Some(vec!["prod_1".into()]),
            plan_updates: Some(vec!["price".into()]),
            plan_proration: Some("always_invoice".into()),
            schedule_at_period_end: Some(true),
        };
        for mode in [
            None,
            Some("off"),
            Some("at_period_end"),
            Some("immediately"),
        ] {
            let fields = full(mode);
            let core = spec(fields.clone())?;
            assert_eq!(core.clone().into_dto(), fields, "{mode:?}");
            assert_eq!(spec(core.clone().into_dto())?, core, "{mode:?}");
        }
        let empty = ipc::ConfigurationFields::default();
        assert_eq!(spec(empty.clone())?.into_dto(), empty);
        assert!(spec(full(Some("sometimes"))).is_err());
        Ok(())
    }
}
