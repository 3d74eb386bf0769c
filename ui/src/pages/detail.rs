//! A customer's billing info: contact, the current subscription, payment
//! methods, invoices (PDFs saved for offline use) and activity, with the
//! portal actions on top. Everything here reads the cache.

use portal_ipc::{CustomerDetail, EmailPurpose, ErrorDto, InvoiceDocument, InvoiceSummary};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::format;
use crate::ipc;
use crate::pages::customers::status_label;
use crate::pages::desk::deep_links;
use crate::state::portal::{Phase, PortalAction};

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    pub profile: AttrValue,
    pub customer: AttrValue,
    /// Bumped when the cache changed.
    pub version: u64,
    /// The portal action's outcome for this customer.
    pub phase: Phase,
    /// The portal action running for this customer.
    pub busy: Option<PortalAction>,
    pub offline: bool,
    /// The account's custom domain, once a link has shown it.
    #[prop_or_default]
    pub custom_domain: Option<String>,
    pub on_action: Callback<PortalAction>,
    pub on_email: Callback<EmailPurpose>,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn Detail(props: &DetailProps) -> Html {
    let detail = use_state(|| None::<Result<Option<CustomerDetail>, ErrorDto>>);
    // Invoices opened this visit, so their "saved" mark shows at once.
    let invoice_error = use_state(|| None::<(String, String)>);
    {
        let detail = detail.clone();
        let profile = props.profile.clone();
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
        None => return html! { <p class="loading" aria-busy="true">{ "Loading…" }</p> },
        Some(Err(error)) => {
            return html! { <p class="notice error" role="alert">{ &error.message }</p> };
        }
        Some(Ok(None)) => {
            return html! {
                <p class="notice info">{ "This customer is no longer in the cache (deleted in Stripe?). Sync to refresh the list." }</p>
            };
        }
        Some(Ok(Some(info))) => info.clone(),
    };

    let open_invoice = {
        let profile = props.profile.clone();
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
                        { format!(" · customer since {}", format::date(info.created)) }
                    </p>
                </div>
            </header>
            <PortalButtons phase={props.phase.clone()} busy={props.busy.clone()} offline={props.offline}
                custom_domain={props.custom_domain.clone()}
                has_subscription={info.subscription.as_ref().is_some_and(|s| s.canceled_at.is_none() && s.status != "canceled")}
                has_email={info.email.is_some()}
                on_action={props.on_action.clone()} on_email={props.on_email.clone()} on_dismiss={props.on_dismiss.clone()} />
            <div class="cards">
                { subscription_card(&info, &props.on_email, props.offline) }
                { payment_methods_card(&info) }
                { contact_card(&info) }
            </div>
            { invoices_card(&info, &open_invoice, props.offline, invoice_error.as_ref()) }
            <section class="card-section" aria-labelledby="customer-activity-title">
                <h2 id="customer-activity-title">{ "Activity" }</h2>
                if info.activity.is_empty() {
                    <p class="muted">{ "No portal changes seen yet." }</p>
                } else {
                    <ul class="feed" id="customer-activity">
                        { for info.activity.iter().map(|entry| html! {
                            <li><span class="feed-when">{ format::age(entry.at) }</span>{ &entry.message }</li>
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
        None => html! { <p class="muted" id="subscription-none">{ "No subscription." }</p> },
        Some(sub) => {
            let every = match (sub.interval.as_deref(), sub.interval_count) {
                (Some(interval), Some(n)) if n > 1 => format!(" every {n} {interval}s"),
                (Some(interval), _) => format!(" / {interval}"),
                _ => String::new(),
            };
            let amount = sub
                .amount
                .as_ref()
                .map(|m| format!("{}{every}", format::money(m)))
                .unwrap_or_else(|| "Amount not cached".to_owned());
            let ends = if let Some(at) = sub.canceled_at.filter(|_| sub.status == "canceled") {
                format!("Canceled on {}", format::date(at))
            } else if sub.cancel_at_period_end || sub.cancel_at.is_some() {
                let at = sub.cancel_at.or(sub.current_period_end);
                format!("Cancels on {}", at.map(format::date).unwrap_or_default())
            } else {
                match sub.current_period_end {
                    Some(at) => format!("Renews on {}", format::date(at)),
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
            <h2 id="subscription-title">{ "Subscription" }</h2>
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
    let owed = match trouble.invoices_owed {
        1 => format!(
            "{} due on invoice {invoice}.",
            format::money(&trouble.amount_due)
        ),
        n => format!(
            "{} due on {n} invoices; the latest is {invoice}.",
            format::money(&trouble.amount_due)
        ),
    };
    let next = match (
        trouble.next_payment_attempt,
        trouble.invoice_status.as_deref(),
    ) {
        (Some(at), _) if at >= format::now() => {
            format!("Stripe tries the card again on {}.", format::date(at))
        }
        (Some(at), _) => format!(
            "Stripe was to try the card again on {}; sync to see how it went.",
            format::date(at)
        ),
        (None, Some("uncollectible")) => {
            "Stripe has stopped retrying: the customer has to pay or update the card.".to_owned()
        }
        (None, _) => "No automatic retry is scheduled.".to_owned(),
    };
    let ask = on_email.reform(|_: MouseEvent| EmailPurpose::UpdateCard);
    let no_email = info.email.is_none();
    let why = if no_email {
        Some("This customer has no email address")
    } else if offline {
        Some("Offline: the email's link needs Stripe")
    } else {
        None
    };
    html! {
        <div class="trouble" id="payment-trouble">
            <p><strong>{ "Payment failed. " }</strong><span id="trouble-owed">{ owed }</span></p>
            <p id="trouble-retry">{ next }</p>
            <button type="button" class="secondary small" id="ask-update-card" onclick={ask}
                disabled={no_email || offline} title={why}>{ "Ask to update the card" }</button>
        </div>
    }
}

fn payment_methods_card(info: &CustomerDetail) -> Html {
    html! {
        <section class="card-section" aria-labelledby="payment-title">
            <h2 id="payment-title">{ "Payment methods" }</h2>
            if info.payment_methods.is_empty() {
                <p class="muted">{ "No payment method on file." }</p>
            } else {
                <ul class="methods" id="payment-methods">
                    { for info.payment_methods.iter().map(|pm| {
                        let brand = pm.brand.clone().map(|b| capitalize(&b)).unwrap_or_else(|| pm.kind.replace('_', " "));
                        let expiry = match (pm.exp_month, pm.exp_year) {
                            (Some(m), Some(y)) => format!("{m:02}/{}", y % 100),
                            _ => String::new(),
                        };
                        html! {
                            <li data-id={pm.id.clone()}>
                                <span class="method-name">{ format!("{brand} •••• {}", pm.last4.clone().unwrap_or_default()) }</span>
                                <span class={classes!("method-expiry", pm.expired.then_some("expired"))}>
                                    { if pm.expired { format!("Expired {expiry}") } else { format!("Expires {expiry}") } }
                                </span>
                                if pm.is_default { <span class="badge">{ "Default" }</span> }
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
            <h2 id="contact-title">{ "Contact" }</h2>
            <p>{ info.email.clone().unwrap_or_else(|| "No email".to_owned()) }</p>
            if let Some(phone) = &info.phone { <p>{ phone }</p> }
            if info.address.is_empty() {
                <p class="muted">{ "No billing address." }</p>
            } else {
                <address id="customer-address">{ for info.address.iter().map(|line| html! { <>{ line }<br /></> }) }</address>
            }
            if let Some(balance) = &info.balance {
                <p>{ if balance.minor < 0 { format!("Credit {}", format::money(&portal_ipc::Money { minor: -balance.minor, ..balance.clone() })) } else { format!("Owes {}", format::money(balance)) } }</p>
            }
            // Without a cached invoice to show beside the subscription, Stripe's flag still says it.
            if info.delinquent && info.trouble.is_none() { <p class="warn">{ "The latest invoice is unpaid." }</p> }
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
                    <td class="mono">{ invoice.number.clone().unwrap_or_else(|| "Draft".to_owned()) }</td>
                    <td>{ format::date(invoice.created) }</td>
                    <td class="amount">{ format::money(&invoice.total) }</td>
                    <td><span class={classes!("status", format!("invoice-{}", invoice.status.clone().unwrap_or_default()))}>
                        { invoice.status.clone().map(|s| capitalize(&s)).unwrap_or_default() }</span></td>
                    <td class="invoice-actions">
                        if invoice.has_pdf {
                            <button type="button" class="link pdf" onclick={pdf} disabled={pdf_blocked}
                                title={ if pdf_blocked { "Offline: this PDF hasn't been saved yet" } else if invoice.pdf_saved { "Saved on this computer" } else { "Downloads once, then opens offline" } }>
                                { if invoice.pdf_saved { "PDF ✓" } else { "PDF" } }
                            </button>
                        }
                        if invoice.has_page {
                            <button type="button" class="link page" onclick={page} disabled={offline}
                                title={ if offline { "Offline: the hosted page needs Stripe" } else { "Stripe's invoice page" } }>
                                { "Page ↗" }
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
            <h2 id="invoices-title">{ "Invoices" }</h2>
            if info.invoices.is_empty() {
                <p class="muted">{ "No invoices." }</p>
            } else {
                <table class="invoices" id="invoices">
                    <thead><tr><th>{ "Number" }</th><th>{ "Date" }</th><th class="amount">{ "Amount" }</th><th>{ "Status" }</th><th><span class="sr-only">{ "Open" }</span></th></tr></thead>
                    <tbody>{ for info.invoices.iter().map(row) }</tbody>
                </table>
            }
        </section>
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[derive(Properties, PartialEq)]
struct PortalButtonsProps {
    phase: Phase,
    busy: Option<PortalAction>,
    offline: bool,
    custom_domain: Option<String>,
    has_subscription: bool,
    has_email: bool,
    on_action: Callback<PortalAction>,
    on_email: Callback<EmailPurpose>,
    on_dismiss: Callback<()>,
}

/// Open portal (with its deep links), Email portal link and Copy link, with
/// the outcome in place.
#[component]
fn PortalButtons(props: &PortalButtonsProps) -> Html {
    let menu_open = use_state(|| false);
    let busy = props.busy.is_some();
    let disabled = props.offline || busy;
    let on_domain = props
        .custom_domain
        .as_ref()
        .map(|domain| format!("Opens on {domain}, your Stripe custom domain"));
    let why = if props.offline {
        Some("Offline: the portal needs Stripe. Cached billing info still works.".to_owned())
    } else {
        on_domain.clone()
    };
    let where_it_opens = on_domain
        .as_ref()
        .map(|text| html! { <p class="field-help" id="portal-domain">{ format!("{text}.") }</p> });
    let open = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(PortalAction::Open(None)))
    };
    let toggle_menu = {
        let menu_open = menu_open.clone();
        Callback::from(move |_: MouseEvent| menu_open.set(!*menu_open))
    };
    let close_menu_on_escape = {
        let menu_open = menu_open.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" && *menu_open {
                event.stop_propagation();
                menu_open.set(false);
            }
        })
    };
    let copy = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(PortalAction::Copy))
    };
    let email = props.on_email.reform(|_: MouseEvent| EmailPurpose::Portal);
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());

    let outcome = match &props.phase {
        Phase::Opened => html! {
            <p class="notice success" role="status" id="portal-outcome">
                { "The portal opened in your browser. Changes the customer makes there show here when you come back." }
                { for where_it_opens.clone() }
            </p>
        },
        Phase::Link(url, copied) => html! {
            <div class="notice info" role="status" id="portal-outcome">
                <p>{ if *copied { "Link copied. It works once and expires in a few minutes:" } else { "Copy this link (it works once and expires in a few minutes):" } }</p>
                <input class="link-field" id="portal-link" readonly=true value={url.clone()} aria-label="Portal link" />
                { for where_it_opens.clone() }
            </div>
        },
        Phase::Failed(error) => html! {
            <div class="notice error" role="alert" id="portal-error">
                <p>{ &error.message }</p>
                <button type="button" class="secondary small" onclick={dismiss}>{ "Dismiss" }</button>
            </div>
        },
        _ => html! {},
    };

    html! {
        <>
        <div class="portal-actions">
            <div class="split" onkeydown={close_menu_on_escape}>
                <button type="button" class="primary" id="open-portal" onclick={open} {disabled} title={why.clone()}>
                    if props.busy == Some(PortalAction::Open(None)) {
                        <span class="spinner" aria-hidden="true"></span>{ "Opening…" }
                    } else { { "Open portal" } }
                </button>
                <button type="button" class="primary menu-toggle" id="deep-links" onclick={toggle_menu}
                    aria-haspopup="menu" aria-expanded={menu_open.to_string()} aria-label="More portal links" {disabled} title={why.clone()}>
                    { "▾" }
                </button>
                if *menu_open && !disabled {
                    <ul class="menu" role="menu">
                        { for deep_links().into_iter().map(|(id, label, flow)| {
                            let needs_subscription = !matches!(flow, portal_ipc::PortalFlow::PaymentMethodUpdate);
                            let on_action = props.on_action.clone();
                            let menu_open = menu_open.clone();
                            let blocked = needs_subscription && !props.has_subscription;
                            let onclick = Callback::from(move |_: MouseEvent| {
                                menu_open.set(false);
                                on_action.emit(PortalAction::Open(Some(flow.clone())));
                            });
                            html! {
                                <li role="none">
                                    <button type="button" role="menuitem" id={format!("flow-{id}")} {onclick} disabled={blocked}
                                        title={ blocked.then_some("Needs an active subscription") }>{ label }</button>
                                </li>
                            }
                        }) }
                    </ul>
                }
            </div>
            <button type="button" class="secondary" id="email-link" onclick={email} disabled={props.offline || !props.has_email}
                title={ if !props.has_email { Some("This customer has no email address".to_owned()) } else { why.clone() } }>{ "Email portal link" }</button>
            <button type="button" class="secondary" id="copy-link" onclick={copy} {disabled} title={why}>
                if props.busy == Some(PortalAction::Copy) { <span class="spinner" aria-hidden="true"></span> }
                { "Copy link" }
            </button>
            if let Some(PortalAction::Open(Some(_))) = &props.busy {
                <span class="muted"><span class="spinner" aria-hidden="true"></span>{ " Opening…" }</span>
            }
        </div>
        <div class="portal-outcome">{ outcome }</div>
        </>
    }
}
