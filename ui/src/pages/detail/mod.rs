//! A customer's billing info: contact, the current subscription, payment
//! methods, invoices (PDFs saved for offline use) and activity, with the
//! portal actions on top (`portal_buttons`). Everything here reads the cache.

mod portal_buttons;

use portal_ipc::{CustomerDetail, EmailPurpose, ErrorDto, InvoiceDocument, InvoiceSummary};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::format;
use crate::hooks::use_desk;
use crate::i18n::capitalized;
use crate::ipc;
use crate::pages::customers::status_label;
use crate::state::portal::{Phase, PortalRequest};
use portal_buttons::PortalButtons;

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    pub customer: AttrValue,
    /// Bumped when the cache changed.
    pub version: u64,
    /// The portal request's outcome for this customer.
    pub phase: Phase,
    /// The portal request running for this customer.
    pub busy: Option<PortalRequest>,
    /// The account's custom domain, once a link has shown it.
    #[prop_or_default]
    pub custom_domain: Option<String>,
    pub on_request: Callback<PortalRequest>,
    pub on_email: Callback<EmailPurpose>,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn Detail(props: &DetailProps) -> Html {
    crate::i18n::use_language();
    let desk = use_desk();
    let detail = use_state(|| None::<Result<Option<CustomerDetail>, ErrorDto>>);
    // Invoices opened this visit, so their "saved" mark shows at once.
    let invoice_error = use_state(|| None::<(String, String)>);
    {
        let detail = detail.clone();
        let profile = desk.profile.clone();
        use_effect_with(
            (props.customer.clone(), props.version),
            move |(customer, _)| {
                let customer = customer.clone();
                spawn_local(async move {
                    detail.set(Some(ipc::customer_detail(&profile, &customer).await));
                });
            },
        );
    }

    let info = match &*detail {
        None => {
            return html! { <p class="loading" aria-busy="true">{ t!("customers-loading") }</p> };
        }
        Some(Err(error)) => {
            return html! { <p class="notice error" role="alert">{ &error.message }</p> };
        }
        Some(Ok(None)) => {
            return html! {
                <p class="notice info">{ t!("customers-detail-gone") }</p>
            };
        }
        Some(Ok(Some(info))) => info.clone(),
    };

    let open_invoice = {
        let profile = desk.profile.clone();
        let detail = detail.clone();
        let invoice_error = invoice_error.clone();
        let customer = props.customer.clone();
        Callback::from(move |(id, document): (String, InvoiceDocument)| {
            let profile = profile.clone();
            let detail = detail.clone();
            let invoice_error = invoice_error.clone();
            let customer = customer.clone();
            invoice_error.set(None);
            spawn_local(async move {
                match ipc::open_invoice(&profile, &id, document).await {
                    Ok(()) => {
                        // The PDF is saved now: show it as available offline.
                        detail.set(Some(ipc::customer_detail(&profile, &customer).await));
                    }
                    Err(error) => invoice_error.set(Some((id, error.message))),
                }
            });
        })
    };

    let name = info.name.clone().filter(|n| !n.trim().is_empty());
    html! {
        <article class="detail" id="customer-detail" data-id={info.id.clone()}>
            <header class="detail-head">
                <div>
                    <h1 id="detail-name">{ name.clone().or(info.email.clone()).unwrap_or(info.id.clone()) }</h1>
                    <p class="detail-sub">
                        if let Some(email) = &info.email { <span id="detail-email">{ email }</span>{ " · " } }
                        <span class="mono" id="detail-id">{ &info.id }</span>
                        { format!(" · {}", t!("customers-since", date = format::date(info.created))) }
                    </p>
                </div>
            </header>
            <PortalButtons phase={props.phase.clone()} busy={props.busy.clone()}
                custom_domain={props.custom_domain.clone()}
                has_subscription={info.subscription.as_ref().is_some_and(|s| s.canceled_at.is_none() && s.status != "canceled")}
                has_email={info.email.is_some()}
                on_request={props.on_request.clone()} on_email={props.on_email.clone()} on_dismiss={props.on_dismiss.clone()} />
            <div class="cards">
                { subscription_card(&info, &props.on_email, desk.offline) }
                { payment_methods_card(&info) }
                { contact_card(&info) }
            </div>
            { invoices_card(&info, &open_invoice, desk.offline, invoice_error.as_ref()) }
            <section class="card-section" aria-labelledby="customer-activity-title">
                <h2 id="customer-activity-title">{ t!("customers-activity") }</h2>
                if info.activity.is_empty() {
                    <p class="muted">{ t!("customers-activity-none") }</p>
                } else {
                    <ul class="feed" id="customer-activity">
                        { for info.activity.iter().map(|entry| html! {
                            <li><span class="feed-when">{ format::age(entry.at) }</span>{ crate::i18n::activity_text(entry) }</li>
                        }) }
                    </ul>
                }
            </section>
        </article>
    }
}

fn subscription_card(
    info: &CustomerDetail,
    on_email: &Callback<EmailPurpose>,
    offline: bool,
) -> Html {
    let body = match &info.subscription {
        None => {
            html! { <p class="muted" id="subscription-none">{ t!("customers-subscription-none") }</p> }
        }
        Some(sub) => {
            let amount = match (
                sub.amount.as_ref().map(format::money),
                sub.interval.as_deref(),
                sub.interval_count,
            ) {
                (None, _, _) => t!("customers-amount-unknown"),
                (Some(amount), Some(interval), Some(n)) if n > 1 => t!(
                    "customers-price-every",
                    amount = amount,
                    count = n,
                    interval = interval
                ),
                (Some(amount), Some(interval), _) => {
                    t!("customers-price-per", amount = amount, interval = interval)
                }
                (Some(amount), None, _) => amount,
            };
            let ends = if let Some(at) = sub.canceled_at.filter(|_| sub.status == "canceled") {
                t!("customers-canceled-on", date = format::date(at))
            } else if sub.cancel_at_period_end || sub.cancel_at.is_some() {
                let at = sub.cancel_at.or(sub.current_period_end);
                t!(
                    "customers-cancels-on",
                    date = at.map(format::date).unwrap_or_default()
                )
            } else {
                match sub.current_period_end {
                    Some(at) => t!("customers-renews-on", date = format::date(at)),
                    None => String::new(),
                }
            };
            html! {
                <>
                    <p class="big" id="subscription-plan">{ &sub.plan }</p>
                    <p id="subscription-amount">{ amount }</p>
                    <p>
                        <span class={classes!("status", format!("status-{}", sub.status))} id="subscription-status">{ status_label(&sub.status) }</span>
                        { " " }
                        <span id="subscription-renewal" class={classes!(sub.cancel_at_period_end.then_some("warn"))}>{ ends }</span>
                    </p>
                </>
            }
        }
    };
    html! {
        <section class="card-section" aria-labelledby="subscription-title">
            <h2 id="subscription-title">{ t!("customers-subscription") }</h2>
            { body }
            { trouble_view(info, on_email, offline) }
        </section>
    }
}

/// A failed payment beside the subscription: what is owed, on which invoice,
/// what Stripe does next, and the one action that fixes it.
fn trouble_view(info: &CustomerDetail, on_email: &Callback<EmailPurpose>, offline: bool) -> Html {
    let Some(trouble) = &info.trouble else {
        return html! {};
    };
    let invoice = trouble
        .invoice_number
        .clone()
        .unwrap_or_else(|| trouble.invoice_id.clone());
    let amount = format::money(&trouble.amount_due);
    let owed = match trouble.invoices_owed {
        1 => t!("customers-owed-one", amount = amount, invoice = invoice),
        n => t!(
            "customers-owed-many",
            amount = amount,
            count = n,
            invoice = invoice
        ),
    };
    let next = match (
        trouble.next_payment_attempt,
        trouble.invoice_status.as_deref(),
    ) {
        (Some(at), _) if at >= format::now() => {
            t!("customers-retry-on", date = format::date(at))
        }
        (Some(at), _) => t!("customers-retry-was-due", date = format::date(at)),
        (None, Some("uncollectible")) => t!("customers-retry-stopped"),
        (None, _) => t!("customers-retry-none"),
    };
    let ask = on_email.reform(|_: MouseEvent| EmailPurpose::UpdateCard);
    let no_email = info.email.is_none();
    let why = if no_email {
        Some(t!("customers-no-email-address"))
    } else if offline {
        Some(t!("customers-ask-offline"))
    } else {
        None
    };
    html! {
        <div class="trouble" id="payment-trouble">
            <p><strong>{ format!("{} ", t!("customers-payment-failed")) }</strong><span id="trouble-owed">{ owed }</span></p>
            <p id="trouble-retry">{ next }</p>
            <button type="button" class="secondary small" id="ask-update-card" onclick={ask}
                disabled={no_email || offline} title={why}>{ t!("customers-ask-update-card") }</button>
        </div>
    }
}

fn payment_methods_card(info: &CustomerDetail) -> Html {
    html! {
        <section class="card-section" aria-labelledby="payment-title">
            <h2 id="payment-title">{ t!("customers-payment-methods") }</h2>
            if info.payment_methods.is_empty() {
                <p class="muted">{ t!("customers-payment-methods-none") }</p>
            } else {
                <ul class="methods" id="payment-methods">
                    { for info.payment_methods.iter().map(|pm| {
                        let brand = pm.brand.clone().map(|b| capitalized(&b)).unwrap_or_else(|| pm.kind.replace('_', " "));
                        let expiry = match (pm.exp_month, pm.exp_year) {
                            (Some(m), Some(y)) => format!("{m:02}/{}", y % 100),
                            _ => String::new(),
                        };
                        html! {
                            <li data-id={pm.id.clone()}>
                                <span class="method-name">{ format!("{brand} •••• {}", pm.last4.clone().unwrap_or_default()) }</span>
                                <span class={classes!("method-expiry", pm.expired.then_some("expired"))}>
                                    { if pm.expired { t!("customers-card-expired", date = &expiry) } else { t!("customers-card-expires", date = &expiry) } }
                                </span>
                                if pm.is_default { <span class="badge">{ t!("customers-card-default") }</span> }
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}

fn contact_card(info: &CustomerDetail) -> Html {
    html! {
        <section class="card-section" aria-labelledby="contact-title">
            <h2 id="contact-title">{ t!("customers-contact") }</h2>
            <p>{ info.email.clone().unwrap_or_else(|| t!("customers-no-email")) }</p>
            if let Some(phone) = &info.phone { <p>{ phone }</p> }
            if info.address.is_empty() {
                <p class="muted">{ t!("customers-no-address") }</p>
            } else {
                <address id="customer-address">{ for info.address.iter().map(|line| html! { <>{ line }<br /></> }) }</address>
            }
            if let Some(balance) = &info.balance {
                <p>{ if balance.minor < 0 { t!("customers-balance-credit", amount = format::money(&portal_ipc::Money { minor: -balance.minor, ..balance.clone() })) } else { t!("customers-balance-owes", amount = format::money(balance)) } }</p>
            }
            // Without a cached invoice to show beside the subscription, Stripe's flag still says it.
            if info.delinquent && info.trouble.is_none() { <p class="warn">{ t!("customers-delinquent") }</p> }
        </section>
    }
}

fn invoices_card(
    info: &CustomerDetail,
    open: &Callback<(String, InvoiceDocument)>,
    offline: bool,
    error: Option<&(String, String)>,
) -> Html {
    let row = |invoice: &InvoiceSummary| {
        let pdf = {
            let open = open.clone();
            let id = invoice.id.clone();
            Callback::from(move |_: MouseEvent| open.emit((id.clone(), InvoiceDocument::Pdf)))
        };
        let page = {
            let open = open.clone();
            let id = invoice.id.clone();
            Callback::from(move |_: MouseEvent| {
                open.emit((id.clone(), InvoiceDocument::HostedPage))
            })
        };
        let pdf_blocked = offline && !invoice.pdf_saved;
        let failed = error
            .filter(|(id, _)| *id == invoice.id)
            .map(|(_, m)| m.clone());
        html! {
            <>
                <tr data-id={invoice.id.clone()}>
                    <td class="mono">{ invoice.number.clone().unwrap_or_else(|| t!("customers-invoice-draft")) }</td>
                    <td>{ format::date(invoice.created) }</td>
                    <td class="amount">{ format::money(&invoice.total) }</td>
                    <td><span class={classes!("status", format!("invoice-{}", invoice.status.clone().unwrap_or_default()))}>
                        { invoice.status.as_deref().map(invoice_status_label).unwrap_or_default() }</span></td>
                    <td class="invoice-actions">
                        if invoice.has_pdf {
                            <button type="button" class="link pdf" onclick={pdf} disabled={pdf_blocked}
                                title={ if pdf_blocked { t!("customers-pdf-offline") } else if invoice.pdf_saved { t!("customers-pdf-saved") } else { t!("customers-pdf-download") } }>
                                { if invoice.pdf_saved { "PDF ✓" } else { "PDF" } }
                            </button>
                        }
                        if invoice.has_page {
                            <button type="button" class="link page" onclick={page} disabled={offline}
                                title={ if offline { t!("customers-page-offline") } else { t!("customers-page-title") } }>
                                { t!("customers-page") }
                            </button>
                        }
                    </td>
                </tr>
                if let Some(message) = failed {
                    <tr class="row-error"><td colspan="5" role="alert">{ message }</td></tr>
                }
            </>
        }
    };
    html! {
        <section class="card-section" aria-labelledby="invoices-title">
            <h2 id="invoices-title">{ t!("customers-invoices") }</h2>
            if info.invoices.is_empty() {
                <p class="muted">{ t!("customers-invoices-none") }</p>
            } else {
                <table class="invoices" id="invoices">
                    <thead><tr><th>{ t!("customers-invoices-number") }</th><th>{ t!("customers-invoices-date") }</th><th class="amount">{ t!("customers-invoices-amount") }</th><th>{ t!("customers-invoices-status") }</th><th><span class="sr-only">{ t!("customers-invoices-open") }</span></th></tr></thead>
                    <tbody>{ for info.invoices.iter().map(row) }</tbody>
                </table>
            }
        </section>
    }
}

/// An invoice's status word for people; a status Stripe adds later shows as
/// it comes.
fn invoice_status_label(status: &str) -> String {
    match status {
        "draft" => t!("customers-invoice-draft"),
        "open" => t!("customers-invoice-status-open"),
        "paid" => t!("customers-invoice-status-paid"),
        "uncollectible" => t!("customers-invoice-status-uncollectible"),
        "void" => t!("customers-invoice-status-void"),
        other => capitalized(other),
    }
}
